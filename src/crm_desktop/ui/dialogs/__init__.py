"""Dialogs used outside any one tab: first run, unlocking a database."""
