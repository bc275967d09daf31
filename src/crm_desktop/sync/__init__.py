"""Team sync: hybrid logical clock, change journal as outbox, push/pull against PostgreSQL."""
