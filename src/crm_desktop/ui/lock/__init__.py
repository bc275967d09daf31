"""Locking the window: the unlock screen, the idle timer, dropping and restoring the key."""
