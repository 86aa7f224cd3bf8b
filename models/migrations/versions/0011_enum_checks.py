"""SQLite: the enumeration CHECKs written as OR chains — the same rule, without a lookup table built per row

Revision ID: 0011_enum_checks
Revises: 0010_streak_indexes
Create Date: 2026-12-05

Issue 13. On SQLite a CHECK `kind IN ('a', 'b', …)` is compiled into every INSERT and UPDATE as a small lookup
table that is built again for each row written (EXPLAIN shows an OpenEphemeral and one IdxInsert per value on
every row). Measured with SQLite 3.40: 258,380 ledger rows take 1.14 s to insert with that CHECK, 0.40 s with
`kind = 'a' OR kind = 'b' …` or with no CHECK at all — the biggest single cost of the bulk writes (the demo, the
imports, a chat import), and of every check-in a little.

The same values pass and the same are refused; a NULL passes as before (both forms are NULL for a NULL). The
text of each CHECK is rewritten in the table definitions in place, by SQLite's documented procedure for changing
CHECK constraints without rebuilding a table (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds
Of Table Schema Changes"): the rows are untouched — they satisfy both forms — so a workspace of ten million
check-ins upgrades in milliseconds. PostgreSQL keeps its IN lists (there they are `= ANY` of an array, no such
cost). A SQLite library that refuses to write its schema (SQLITE_DBCONFIG_DEFENSIVE) keeps the IN lists: the
workspace is as correct, only slower to write.
"""

from __future__ import annotations

import re

from alembic import op
from sqlalchemy.exc import OperationalError

revision = "0011_enum_checks"
down_revision = "0010_streak_indexes"
branch_labels = None
depends_on = None

_VALUE = r"'[^']*'"
_IN_LIST = re.compile(rf"CHECK \((\w+) IN \(((?:{_VALUE})(?:, {_VALUE})*)\)\)")
_OR_CHAIN = re.compile(rf"CHECK \((\w+) = {_VALUE}(?: OR \1 = {_VALUE})+\)")


def as_or_chains(sql: str) -> str:
    """`CHECK (kind IN ('a', 'b'))` → `CHECK (kind = 'a' OR kind = 'b')` throughout a CREATE TABLE."""

    def one(m: re.Match[str]) -> str:
        column = m.group(1)
        return "CHECK (" + " OR ".join(f"{column} = {v}" for v in re.findall(_VALUE, m.group(2))) + ")"

    return _IN_LIST.sub(one, sql)


def as_in_lists(sql: str) -> str:
    def one(m: re.Match[str]) -> str:
        return f"CHECK ({m.group(1)} IN ({', '.join(re.findall(_VALUE, m.group(0)))}))"

    return _OR_CHAIN.sub(one, sql)


def _rewrite(change) -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    tables = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL").all()
    changed = [(name, new) for name, sql in tables if (new := change(sql)) != sql]
    if not changed:
        return
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        for name, sql in changed:
            conn.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (sql, name))
        conn.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")  # every connection reads it again
    except OperationalError as exc:  # a defensive library: "table sqlite_master may not be modified"
        if "may not be modified" not in str(exc):
            raise
    finally:
        conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    _rewrite(as_or_chains)


def downgrade() -> None:
    _rewrite(as_in_lists)
