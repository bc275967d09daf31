"""Team sync: settings, status and the conflicts list."""
