"""The Follow-ups tab."""
