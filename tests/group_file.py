"""A workspace file on disk holding one group and its members, for tests that run the CLI on it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace


def group_file(path: Path, group: str, names: Iterable[str], joined_at: datetime) -> str:
    """Make the SQLite workspace `path` with the group `group` and one member per name, joined at `joined_at`
    (owner's writes); returns the path as the CLI's `--db` takes it. The database is closed again."""
    db = str(path)
    database = open_workspace(db)
    try:
        owner = actor_for(database)
        with database.session() as s:
            gid = create_group(s, owner, group)
            for name in names:
                add_member(s, owner, gid, MemberInput(display_name=name, joined_at=joined_at))
            s.commit()
    finally:
        database.dispose()
    return db
