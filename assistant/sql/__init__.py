"""Safe SQL: a guard that checks every statement, and a locked, read-only executor."""
