"""Team mode: who a phone number is, for a login that reads phones masked (an assistant's: the member view shows
138****8000). The server answers through `<prefix>_masked.members_by_phone` (desktop/team_roles.py `_phone_lookup`,
its limits written there and in docs/architecture.md). Here, in models, because the roster's search asks it too
(models/queries/roster.py: a full mobile typed into the search box)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from models.audit import WorkspaceSetting

TEAM_SETTING = "team.roles"  # desktop.team_roles.SETTING


def _prefix(session: Session) -> str | None:
    if session.get_bind().dialect.name != "postgresql":
        return None
    return session.scalar(select(WorkspaceSetting.value).where(WorkspaceSetting.key == TEAM_SETTING))


def _quoted(session: Session, name: str) -> str:
    from psycopg import sql

    return sql.Identifier(name).as_string(session.connection().connection.dbapi_connection)


def phones_masked(session: Session) -> bool:
    """True when this login reads phones masked (an assistant's on a team database: `member` is the masked view)."""
    cached = session.info.get("qd_phones_masked")
    if cached is None:
        cached = bool(
            _prefix(session)
            and not session.connection().execute(text("SELECT has_table_privilege('public.member', 'SELECT')")).scalar()
        )
        session.info["qd_phones_masked"] = cached
    return cached


def members_by_phone(session: Session, phones: Iterable[str]) -> tuple[dict[str, list[int]], set[str]]:
    """For an assistant's login (phones_masked): the ids of the members (deleted and merged ones included) whose
    stored phone is each of `phones`, and the phones the server would not answer (too many guesses at that masked
    phone today, PHONE_GUESSES). Registers the numbers in a transaction of its own first (see _phone_lookup) — in a
    `--dry-run` import too: the registration is the server's record of what this login asked, not the workspace's
    data, and it is what lets the server answer (a lookup answered without a committed registration would let a
    guesser roll back their guesses); the same number asked again the same day is not counted again."""
    asked = sorted({p for p in phones if p})
    if not asked:
        return {}, set()
    fn = f"{_quoted(session, _prefix(session) + '_masked')}.members_by_phone"
    query = text(f"SELECT phone, member_id FROM {fn}(CAST(:phones AS text[]))")
    with session.get_bind().connect() as side:  # the registration, committed: only then does the server answer
        side.execute(query, {"phones": asked}).all()
        side.commit()
    found: dict[str, list[int]] = {}
    refused: set[str] = set()
    for phone, member_id in session.execute(query, {"phones": asked}):
        if member_id is None:
            refused.add(phone)
        else:
            found.setdefault(phone, []).append(member_id)
    return found, refused
