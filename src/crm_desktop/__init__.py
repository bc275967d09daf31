"""CRM Desktop: an offline-first, encrypted customer-relationship manager for small businesses."""

__version__ = "0.1.0"
APP_NAME = "CRM Desktop"
ORG_NAME = "CRM Desktop"
