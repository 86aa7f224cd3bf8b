"""EXPLAIN QUERY PLAN of the statements the app really runs (SQLite), for tests that hold a query to its index."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, event


@contextmanager
def explained(conn: Connection) -> Iterator[Connection]:
    """Within the block every statement run on `conn` returns its query plan instead of its rows (the parameters
    expanded as the app's own are: `IN` lists, literal conditions)."""

    def explain(_conn, _cursor, statement: str, parameters: Any, _context, _many):
        return f"EXPLAIN QUERY PLAN {statement}", parameters

    event.listen(conn, "before_cursor_execute", explain, retval=True)
    try:
        yield conn
    finally:
        event.remove(conn, "before_cursor_execute", explain)


def plan(conn: Connection, stmt: Any, params: dict | None = None) -> list[str]:
    """The plan lines (detail column) of `stmt` run with `params`."""
    with explained(conn):
        return [str(r[-1]) for r in conn.execute(stmt, params or {})]
