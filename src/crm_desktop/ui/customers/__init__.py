"""The Customers tab: the list, its columns and the customer editor."""
