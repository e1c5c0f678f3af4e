"""A model field the search tables need."""

from __future__ import annotations

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper


class RowidOneToOneField(models.OneToOneField):  # type: ignore[type-arg]
    """A one-to-one primary key that SQLite stores as the table's rowid.

    Django declares a key to a BigAutoField as `bigint PRIMARY KEY`, which SQLite keeps in a separate index:
    two B-tree searches per row. Declared `integer` (64-bit in SQLite all the same), the key is the rowid and
    a join by key is one search: a third of the cost of reading 10,000 hits. Other databases are unaffected.
    """

    def db_type(self, connection: BaseDatabaseWrapper) -> str | None:
        if connection.vendor == "sqlite":
            return "integer"
        return super().db_type(connection)
