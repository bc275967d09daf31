"""Use cases, Qt-free: every change a user makes goes through here, validated and journalled."""
