"""Search everything: one index over the published records of every area, on SQLite FTS5 or PostgreSQL."""
