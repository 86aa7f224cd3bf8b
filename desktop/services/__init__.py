"""Services: every write and every permission check (no Qt here).

Importing this package makes an over-long text (models/limits.py) a ValidationError: the CLI exits 1 with
its message, and the window shows it on the field it names."""

from __future__ import annotations

from desktop.errors import ValidationError
from desktop.io import zone as community_zone
from models import clock, limits


class TextTooLong(ValidationError, limits.TextTooLong):
    """A text longer than its field allows, refused the same way on SQLite and PostgreSQL."""

    def __init__(self, table: str, column: str, limit: int, length: int, field: str | None = None):
        limits.TextTooLong.__init__(self, table, column, limit, length, field)


limits.ERROR = TextTooLong

# the file readers (desktop/io, which imports no models) convert into the community's zone that models.clock keeps
community_zone.install(clock.zone, clock.describe)
