"""What the first-run dialog opens with: creating a new file, opening one, or the demo."""

CREATE, OPEN, DEMO = range(3)
