"""The Opportunities tab."""
