"""Bulk writes through the database driver itself, for the few places that write hundreds of thousands of rows
in one go (a chat export of a year, a big paste): SQLAlchemy's per-row parameter processing costs about five
times the driver's own executemany (measured: benchmarks/RESULTS.md, chat import). Values are stored exactly
as SQLAlchemy stores them, so the ORM reads them back unchanged: on SQLite dates as 'YYYY-MM-DD', datetimes as
'YYYY-MM-DD HH:MM:SS.ffffff', booleans as 0/1; PostgreSQL gets the Python objects.

SQL is written with `?` placeholders and plain column lists; `sql()` adapts it to the driver's paramstyle.
Text values are held to their columns' String(n) limits here too (models/limits.py), as on every other write."""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection

from models import limits

_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"


def _sqlite_datetime(value: datetime) -> str:
    """'YYYY-MM-DD HH:MM:SS.ffffff' as SQLAlchemy stores it; isoformat is 3x faster than strftime."""
    if value.tzinfo is None and value.year >= 1000:
        return value.isoformat(" ", "microseconds")
    return value.strftime(_SQLITE_DATETIME)


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return _sqlite_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


class Values:
    """Converts values for one connection, fast: the same date is converted once (a day repeats on
    thousands of rows). Use `v.date(d)`, `v.datetime(t)`, `v.bool(b)` on the columns that need it."""

    def __init__(self, connection: Connection):
        self.sqlite = is_sqlite(connection)
        self._dates: dict[date, Any] = {}

    def date(self, value: date | None) -> Any:
        if value is None or not self.sqlite:
            return value
        text = self._dates.get(value)
        if text is None:
            text = self._dates[value] = value.isoformat()
        return text

    def datetime(self, value: datetime | None) -> Any:
        return _sqlite_datetime(value) if value is not None and self.sqlite else value

    def bool(self, value: bool) -> Any:
        return int(value) if self.sqlite else bool(value)


@contextmanager
def big_write_cache(connection: Connection, megabytes: int = 64) -> Iterator[None]:
    """A bigger SQLite page cache for one big write (the default is 2 MB): the transaction's pages stay in
    memory instead of spilling to the WAL as it goes (a year of chat activity: 1.96 s -> 1.70 s), and the
    cache is back to its size afterwards, so reading stays lean. Wrap the commit too. Nothing happens on
    PostgreSQL."""
    if not is_sqlite(connection):
        yield
        return
    raw = connection.connection.dbapi_connection  # the driver's: still there after the session commits
    assert raw is not None
    before = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size = -{int(megabytes) * 1024}")
    try:
        yield
    finally:
        # a connection closed under the write (`qundesk` terminated: its handler closes the database so nothing half
        # done is written) has no cache to give back; its error must not take the place of the one that ended it
        with suppress(sqlite3.ProgrammingError):
            raw.execute(f"PRAGMA cache_size = {int(before)}")


def is_sqlite(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def sql(connection: Connection, text: str) -> str:
    """`?` placeholders in the driver's own style (psycopg: %s; a literal % doubled)."""
    if is_sqlite(connection):
        return text
    return text.replace("%", "%%").replace("?", "%s")


_AS_THEY_ARE = frozenset({int, str, float, type(None), bytes})  # what sqlite3 stores as SQLAlchemy would


def _stored_column(column: Sequence[Any]) -> Sequence[Any]:
    """One column's values as SQLite stores them: the column itself when it holds only ints, texts and NULLs;
    days converted once each (a day repeats on thousands of rows). Column by column instead of a value at a
    time, which was a fifth of a demo build."""
    kinds = set(map(type, column))
    if kinds <= _AS_THEY_ARE:
        return column
    if kinds <= {date, type(None)}:
        seen: dict[Any, Any] = {}
        return [seen[v] if v in seen else seen.setdefault(v, _sqlite_value(v)) for v in column]
    return [_sqlite_value(v) for v in column]


def columns_to_rows(connection: Connection, columns: Sequence[Sequence[Any]]) -> list[tuple]:
    """The driver's rows from values given column by column (columns of the same length)."""
    if is_sqlite(connection):
        columns = [_stored_column(column) for column in columns]
    return list(zip(*columns, strict=True))


def rows_for(connection: Connection, rows: Iterable[Sequence[Any]]) -> list[tuple]:
    if not is_sqlite(connection):
        return [tuple(row) for row in rows]
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return []
    if len(set(map(len, rows))) != 1:  # zip would cut the long rows short
        return [tuple(_sqlite_value(v) for v in row) for row in rows]
    columns = list(zip(*rows, strict=True))
    stored = [_stored_column(column) for column in columns]
    if all(a is b for a, b in zip(stored, columns, strict=True)):
        return rows if set(map(type, rows)) == {tuple} else [tuple(row) for row in rows]
    return list(zip(*stored, strict=True))


_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)", re.IGNORECASE)


def _check_insert(text: str, rows: list) -> None:
    """An `INSERT INTO t (a, b) VALUES (?, ?)` whose placeholders are all `?`: its text values are held to the
    columns' limits (models/limits.py)."""
    target = _insert_target(text)
    if target is not None:
        limits.check_tuples(target[0], target[1], rows)


@functools.lru_cache(maxsize=256)
def _insert_target(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(table, columns) of an INSERT whose values are all `?` placeholders; None for any other statement."""
    m = _INSERT.match(text)
    if m is None:
        return None
    columns = tuple(c.strip().strip('"') for c in m.group(2).split(","))
    if [v.strip() for v in m.group(3).split(",")] != ["?"] * len(columns):
        return None
    return m.group(1), columns


def _run(connection: Connection, text: str, params: Any, *, many: bool = False, rows: bool = False) -> list:
    """`text` (`?` placeholders) run on the driver's own cursor of `connection`, in its transaction.

    For the small statements of the hottest paths (one check-in is five of them): SQLAlchemy's execution — its
    context, result object and event hooks around each statement — costs three to five times the statement
    itself when the CPU caches are cold, as they are when an assistant clicks after a pause (a one-member select:
    415 µs through `execute(text(…))`, 234 µs through `exec_driver_sql`, 77 µs on the cursor; benchmarks/
    analysis.md). Errors still go through SQLAlchemy's own handling: the same exception classes, the engine's
    `handle_error` listeners (a write while writes are held raises WritesHeld, models/db.py), a lost server
    connection invalidated."""
    if not connection.in_transaction():
        connection.begin()  # as SQLAlchemy's own execute would (autobegin): the caller's commit() commits this too
    statement = sql(connection, text)
    cursor = connection.connection.cursor()
    try:
        if many:
            cursor.executemany(statement, params)
        else:
            cursor.execute(statement, params)
        return cursor.fetchall() if rows else []
    except connection.dialect.loaded_dbapi.Error as e:
        connection._handle_dbapi_exception(e, statement, params, cursor, None)  # raises
        raise  # not reached
    finally:
        cursor.close()


def fetch(connection: Connection, text: str, params: Sequence[Any] = ()) -> list[tuple]:
    """The rows of a SELECT run on the driver (see `_run`), as the driver returns them: on SQLite a day is
    'YYYY-MM-DD' and a moment 'YYYY-MM-DD HH:MM:SS.ffffff' (`stored_day`, `stored_moment` read them), a boolean
    0/1; PostgreSQL gives Python objects."""
    return [tuple(r) for r in _run(connection, text, tuple(params), rows=True)]


class Prepared:
    """A Core statement compiled once per dialect to `?` text and run on the driver (see `_run`), for a statement run
    often whose compiling and cache key cost more than running it (a month's figures: a dozen subqueries, 1 ms of a
    WeChat group's 8 ms with the CPU caches cold). `fetch` takes the values of its bound parameters by name and
    converts them as a bulk write does (`rows_for`); it returns the driver's rows (`stored_day` reads a day)."""

    def __init__(self, statement: Any) -> None:
        self._statement = statement
        self._compiled: dict[str, tuple[str, tuple[str, ...], dict[str, Any]]] = {}
        self.keys = tuple(c.key for c in statement.selected_columns)

    def fetch(self, connection: Connection, params: dict[str, Any]) -> list[tuple]:
        found = self._compiled.get(connection.dialect.name)
        if found is None:
            dialect = type(connection.dialect)(paramstyle="qmark")
            # IN lists of constants rendered as one `?` each (their values are the statement's own), which needs a
            # value for every parameter at compile time: the caller's are placeholders here, given at each fetch
            blank = self._statement.compile(dialect=dialect)
            given = {n: None for n, b in blank.binds.items() if b.value is None and b.callable is None}
            compiled = self._statement.params(given).compile(
                dialect=dialect, compile_kwargs={"render_postcompile": True}
            )
            if compiled.positiontup is None or "POSTCOMPILE" in compiled.string:
                raise ValueError("a prepared statement needs plain bound parameters")
            own: dict[str, Any] = {}
            for name, value in blank.construct_params(_check=False).items():
                if isinstance(value, list | tuple):  # an IN list: rendered `name_1`, `name_2`, …
                    own.update({f"{name}_{i}": v for i, v in enumerate(value, 1)})
                elif value is not None:
                    own[name] = value
            found = (compiled.string, tuple(compiled.positiontup), own)
            self._compiled[connection.dialect.name] = found
        text, names, own = found
        values = {**own, **params}
        return fetch(connection, text, rows_for(connection, [tuple(values[n] for n in names)])[0])


def stored_day(value: Any) -> date | None:
    """A day as a query returns it — a SQLite text or a date; a moment (text or datetime, e.g. a coalesce() of
    datetimes, which SQLite hands back as text) as its day."""
    if isinstance(value, str):
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value).date()
    return value.date() if isinstance(value, datetime) else value


def stored_moment(value: Any) -> datetime | None:
    """A moment as `fetch` returns it (a SQLite text or a datetime) as a datetime."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def in_list(count: int) -> str:
    """`(?, ?, …)` for an IN list of `count` values (at least one)."""
    return "(" + ", ".join("?" * max(count, 1)) + ")"


def execute_many(connection: Connection, text: str, rows: Iterable[Sequence[Any]], *, adapted: bool = False) -> None:
    """One executemany of `text` over `rows` (tuples in the order of the statement's placeholders) on the driver
    (see `_run`); `adapted`: the values were already converted with `Values` (the fast way for big batches)."""
    data = rows if adapted and isinstance(rows, list) else (list(rows) if adapted else rows_for(connection, rows))
    _check_insert(text, data)
    if len(data) == 1:  # psycopg runs an executemany as a pipeline with its own sync: one row is one execute
        _run(connection, text, data[0])
    elif data:
        _run(connection, text, data, many=True)


def insert_returning(
    connection: Connection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    conflict: str = "",
    returning: Sequence[str] = ("id",),
    batch: int = 500,
    adapted: bool = False,
) -> list[tuple]:
    """Multi-row INSERT … VALUES (…), (…) [conflict clause] RETURNING …, in batches, on the driver (see `_run`);
    the rows that were inserted (a row skipped by ON CONFLICT DO NOTHING returns nothing). Order of the result
    is not promised."""
    out: list[tuple] = []
    if not rows:
        return out
    one = "(" + ", ".join("?" for _ in columns) + ")"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    tail = f" {conflict} RETURNING {', '.join(returning)}"
    data = list(rows) if adapted else rows_for(connection, rows)
    limits.check_tuples(table, columns, data)
    for start in range(0, len(data), batch):
        chunk = data[start : start + batch]
        text = head + ", ".join(one for _ in chunk) + tail
        params = tuple(v for row in chunk for v in row)
        out += [tuple(r) for r in _run(connection, text, params, rows=True)]
    return out


# ---------------------------------------------------------------------------------------------------------------
# row locks: a read that decides a write sees what every other writer committed


def begin_write(connection: Connection) -> None:
    """SQLite: take the workspace's write lock now (BEGIN IMMEDIATE, waiting out another writer for the busy
    timeout), so that what this transaction reads next is what it writes over. The driver begins a transaction only
    at the first INSERT/UPDATE/DELETE: the reads before it ran on their own, and another process could commit in
    between (a check-in of a member a merge then deleted with its membership, a place on an activity being deleted).
    A connection already in a transaction holds the lock or takes it at its next write. Nothing on PostgreSQL."""
    if not is_sqlite(connection):
        return
    if not connection.in_transaction():
        connection.begin()
    raw = connection.connection.dbapi_connection
    if raw is not None and not raw.in_transaction:
        try:
            raw.execute("BEGIN IMMEDIATE")
        except connection.dialect.loaded_dbapi.Error as e:
            connection._handle_dbapi_exception(e, "BEGIN IMMEDIATE", (), None, None)  # raises (busy: retried)
            raise  # not reached


LOCK_MODES = {
    "delete": "FOR UPDATE",  # about to delete or move what hangs on the rows (a merge, an activity deleted)
    "write": "FOR NO KEY UPDATE",  # about to decide from what hangs on them and add to it (a place and its points)
    "refer": "FOR KEY SHARE",  # about to add rows referring to them (a place's activity)
}


def lock_rows(
    connection: Connection, table: str, ids: Iterable[int], *, column: str = "id", mode: str = "delete"
) -> set[int]:
    """Lock the rows of `table` whose `column` is one of `ids` until the transaction ends, in one order (by id) for
    every writer, and return the ids of the rows locked (a row deleted meanwhile is not among them).

    `mode` (LOCK_MODES): "delete" — the transaction is about to delete or move what hangs on these rows (a merge, an
    activity deleted): it waits for every writer adding to them to commit, and then reads their rows too. "write" —
    it reads what hangs on them to decide what to add (a place: was it attended already? its points): two such
    writers of one row take turns, and the second reads what the first wrote (both paid the points). "refer" — it
    only adds rows referring to them: it waits for a merge or a delete under way, and a row gone then is missing
    from the result — the caller says so, instead of a foreign-key violation at its insert. SQLite: the write lock
    (begin_write) does all three."""
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        return set()
    begin_write(connection)
    lock = "" if is_sqlite(connection) else f" {LOCK_MODES[mode]}"
    found: set[int] = set()
    for start in range(0, len(wanted), 900):
        chunk = wanted[start : start + 900]
        text = f"SELECT id FROM {table} WHERE {column} IN {in_list(len(chunk))} ORDER BY id{lock}"
        found.update(int(r[0]) for r in fetch(connection, text, chunk))
    return found


# what a `lock_key` serialises (the first key of PostgreSQL's two-key advisory locks); the second is the row's id
LOCK_NEW_MEMBERS = 1  # a group's people added by name (a paste's "add as new member"): key = the group's id


def lock_key(connection: Connection, kind: int, key: int) -> None:
    """Serialise the writers that decide on something no row stands for yet (is there a member of this name in the
    group?) until the transaction ends: PostgreSQL's transaction advisory lock (kind, key) — no privilege needed, an
    assistant's login takes it too; SQLite's write lock (begin_write)."""
    if is_sqlite(connection):
        begin_write(connection)
        return
    fetch(connection, "SELECT pg_advisory_xact_lock(?, ?)", (int(kind), int(key)))
