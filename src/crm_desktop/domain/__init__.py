"""Domain layer: enums, value types and errors. Pure Python, no I/O, no Qt."""
