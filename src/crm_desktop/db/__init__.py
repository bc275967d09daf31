"""Database layer: SQLAlchemy models over an encrypted SQLCipher file, and its migrations."""
