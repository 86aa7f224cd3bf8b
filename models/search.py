"""Name search by n-grams (issue 13): every 1-, 2- and 3-character piece of a person's name and nickname, and of
each group nickname, kept in indexed tables by database triggers, so "a part of a name" is an index look-up at
100,000 members instead of a scan of every name.

Why not a trigram index (SQLite FTS5 `trigram`, PostgreSQL `pg_trgm`): Chinese names are two or three
characters, and the searches people type most — '张', '张三' — are one or two characters long, which a trigram
index cannot answer. Here a search of up to three characters is one look-up of `gram = text`; a longer one
intersects the look-ups of its three-character pieces and confirms the candidates with a substring test.

Matching is the same on both engines: ASCII letters fold to lower case (`Amy` is found by 'amy' and 'AMY'),
every other character matches itself. (SQLite's LIKE folded ASCII only and PostgreSQL's LIKE did not fold at
all: the same search found different people on the two engines.)

Triggers (SQLite and PostgreSQL, created by migration 0009 with `install(connection)`): `member` insert / update of
display_name or nickname / delete, and `membership` insert / update of group_nickname / delete, remove the old
name's pieces and add the new name's. The pieces are cut in SQL with the `search_gram_span` table (position,
length) — SQLite triggers cannot use a recursive query —, so no writer of names (the services, bulk imports, a
copy, the demo, another program on a team server) can forget them. The gram tables are derived data: a
workspace copy does not copy them (the destination's triggers write them), `refresh` rebuilds them and `drift`
lists what differs from a fresh cut (the tests check it after every kind of write)."""

from __future__ import annotations

from sqlalchemy import Integer, String, intersect, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import ColumnElement, Select
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.sqltypes import NULLTYPE
from sqlalchemy.sql.visitors import InternalTraversal

from models.base import Base

GRAM = 3  # the longest piece kept: a search of up to GRAM characters is one look-up
SPAN = 100  # the longest name cut into pieces: String(100), the limit of every searched column (models/limits.py)
_LONG_PIECES = 6  # a longer search intersects at most this many of its pieces (then a substring test confirms)

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = str.maketrans(_UPPER, _UPPER.lower())
_FOLD = {  # ASCII letters to lower case, nothing else (the same on both engines, whatever the server's locale)
    "sqlite": "lower({v})",  # SQLite's own lower() folds ASCII only
    "postgresql": f"translate({{v}}, '{_UPPER}', '{_UPPER.lower()}')",
}


class MemberGram(Base):
    """A piece of a person's name or nickname (derived data: see the module). No foreign key: the triggers remove
    a deleted person's pieces by their primary key, and a key on member_id would need a second index."""

    __tablename__ = "member_gram"
    __table_args__ = {"sqlite_with_rowid": False, "info": {"derived": True}}

    gram: Mapped[str] = mapped_column(String(GRAM), primary_key=True)
    member_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class MembershipGram(Base):
    """A piece of a group nickname (群昵称) (derived data)."""

    __tablename__ = "membership_gram"
    __table_args__ = {"sqlite_with_rowid": False, "info": {"derived": True}}

    gram: Mapped[str] = mapped_column(String(GRAM), primary_key=True)
    membership_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class GramSpan(Base):
    """(position, length) of every piece of a name of up to SPAN characters: the triggers cut names with it."""

    __tablename__ = "search_gram_span"
    __table_args__ = {"info": {"derived": True}}

    pos: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    len: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


def span_rows() -> list[dict[str, int]]:
    return [{"pos": p, "len": n} for p in range(1, SPAN + 1) for n in range(1, GRAM + 1)]


# ---------------------------------------------------------------------------------------------------------------
# searching


class ascii_lower(FunctionElement):  # an SQL function: named as in SQL
    """ASCII letters of a text to lower case, nothing else (see `_FOLD`)."""

    type = String()
    name = "ascii_lower"
    inherit_cache = True


@compiles(ascii_lower)
def _ascii_lower_sqlite(element, compiler, **kw):
    return _FOLD["sqlite"].format(v=compiler.process(element.clauses, **kw))


@compiles(ascii_lower, "postgresql")
def _ascii_lower_postgresql(element, compiler, **kw):
    return _FOLD["postgresql"].format(v=compiler.process(element.clauses, **kw))


class in_ids(ColumnElement):  # an SQL construct: named as one
    """`column IN (ids)`, where `ids` is a SELECT of a few thousand ids at most (a search's matches).

    SQLite: `column IN (SELECT …)`. PostgreSQL: `column = ANY(ARRAY(SELECT …))` — the ids are collected once and
    the column's index is probed with them; with `IN (SELECT …)` inside an OR the planner scanned the whole
    membership table for every keystroke (55–75 ms at 100,000 members; 2–30 ms this way, EXPLAIN in
    benchmarks/analysis.md)."""

    type = NULLTYPE  # no Boolean: SQLite would render "… IN (…) = 1", and that is no longer an index look-up
    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement), ("ids", InternalTraversal.dp_clauseelement)]

    def __init__(self, column, ids) -> None:
        self.column = column
        self.ids = ids


@compiles(in_ids)
def _in_ids_sqlite(element, compiler, **kw):
    return compiler.process(element.column.in_(element.ids), **kw)


@compiles(in_ids, "postgresql")
def _in_ids_postgresql(element, compiler, **kw):
    column = compiler.process(element.column, **kw)
    ids = compiler.process(element.ids.scalar_subquery(), **kw)  # renders "(SELECT …)"
    return f"{column} = ANY(ARRAY{ids})"


def fold(text: str) -> str:
    """A search text as the grams are kept: ASCII letters in lower case."""
    return text.translate(_ASCII_LOWER)


def _pieces(text: str) -> list[str]:
    grams = list(dict.fromkeys(text[i : i + GRAM] for i in range(len(text) - GRAM + 1)))
    if len(grams) <= _LONG_PIECES:
        return grams
    step = (len(grams) - 1) / (_LONG_PIECES - 1)  # spread over the text, the first and the last included
    return list(dict.fromkeys(grams[round(i * step)] for i in range(_LONG_PIECES)))


def _candidates(table, key, text: str) -> Select:
    if len(text) <= GRAM:
        return select(key).where(table.gram == text)
    parts = [select(key).where(table.gram == g) for g in _pieces(text)]
    return parts[0] if len(parts) == 1 else intersect(*parts)


def _containing(table, key, id_column, columns, text: str) -> Select:
    t = fold(text)
    found = _candidates(table, key, t)
    if len(t) <= GRAM:
        return found
    return select(id_column).where(
        id_column.in_(found), or_(*(ascii_lower(c).contains(t, autoescape=True) for c in columns))
    )


def people_named(text: str) -> Select:
    """Ids of the people whose name or nickname contains `text` (ASCII case folded; `text` not empty)."""
    from models.people import Member

    return _containing(MemberGram, MemberGram.member_id, Member.id, (Member.display_name, Member.nickname), text)


def memberships_nicknamed(text: str) -> Select:
    """Ids of the memberships whose group nickname contains `text` (ASCII case folded; `text` not empty)."""
    from models.people import Membership

    return _containing(MembershipGram, MembershipGram.membership_id, Membership.id, (Membership.group_nickname,), text)


# ---------------------------------------------------------------------------------------------------------------
# keeping the grams: triggers, refresh, drift

# the pieces of the names of `rows` (an SQL query giving `id` and `v`), as (gram, id) rows
_PIECES = (
    "SELECT DISTINCT substr({fold}, s.pos, s.len) AS gram, n.id AS id FROM ({rows}) AS n "
    "JOIN search_gram_span s ON s.pos + s.len - 1 <= length(n.v)"
)
_SOURCES = {  # table -> (gram table, its id column, the searched columns)
    "member": ("member_gram", "member_id", ("display_name", "nickname")),
    "membership": ("membership_gram", "membership_id", ("group_nickname",)),
}


def _pieces_sql(dialect: str, rows: str) -> str:
    return _PIECES.format(fold=_FOLD[dialect].format(v="n.v"), rows=rows)


def _all_rows(table: str) -> str:
    _gram_table, _id, cols = _SOURCES[table]
    return " UNION ALL ".join(f"SELECT id, {c} AS v FROM {table} WHERE {c} IS NOT NULL" for c in cols)


def _row_values(table: str, ref: str) -> str:
    """The names of the row NEW or OLD (`ref`) in a trigger, as rows (id, v)."""
    _gram_table, _id, cols = _SOURCES[table]
    return " UNION ALL ".join(f"SELECT {ref}.id AS id, {ref}.{c} AS v" for c in cols)


def _sqlite_triggers() -> list[str]:
    out = []
    for table, (grams, key, cols) in _SOURCES.items():

        def add(ref: str, table=table, grams=grams, key=key) -> str:
            return f"INSERT OR IGNORE INTO {grams} (gram, {key}) {_pieces_sql('sqlite', _row_values(table, ref))};"

        def drop(ref: str, table=table, grams=grams, key=key) -> str:
            pieces = _pieces_sql("sqlite", _row_values(table, ref))
            return f"DELETE FROM {grams} WHERE {key} = {ref}.id AND gram IN (SELECT gram FROM ({pieces}));"

        # WHEN: a row without any name (most memberships have no group nickname) runs no trigger program — the
        # program ran for every inserted membership (1.7 s against 0.65 s for 20,000 rows of an import, measured)
        def named(ref: str, cols=cols) -> str:
            return " OR ".join(f"{ref}.{c} IS NOT NULL" for c in cols)

        out += [
            f"CREATE TRIGGER gram_{table}_ai AFTER INSERT ON {table} WHEN {named('NEW')} BEGIN {add('NEW')} END",
            f"CREATE TRIGGER gram_{table}_au AFTER UPDATE OF {', '.join(cols)} ON {table} BEGIN "
            f"{drop('OLD')} {add('NEW')} END",
            f"CREATE TRIGGER gram_{table}_ad AFTER DELETE ON {table} WHEN {named('OLD')} BEGIN {drop('OLD')} END",
        ]
    return out


def _postgresql_triggers() -> list[str]:
    out = []
    for table, (grams, key, cols) in _SOURCES.items():
        old = _pieces_sql("postgresql", _row_values(table, "OLD"))
        new = _pieces_sql("postgresql", _row_values(table, "NEW"))
        changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in cols)
        # SECURITY DEFINER: whoever may write the names (an assistant adding a member) needs no grant on the gram
        # tables, which everyone reads and nobody writes but these triggers
        out += [
            f"""CREATE OR REPLACE FUNCTION gram_{table}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = public, pg_temp AS $fn$
            BEGIN
              IF TG_OP = 'UPDATE' AND NOT ({changed}) THEN RETURN NULL; END IF;
              IF TG_OP IN ('DELETE', 'UPDATE') THEN
                DELETE FROM {grams} WHERE {key} = OLD.id AND gram IN (SELECT gram FROM ({old}) AS p);
              END IF;
              IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO {grams} (gram, {key}) {new} ON CONFLICT DO NOTHING;
              END IF;
              RETURN NULL;
            END $fn$""",
            f"REVOKE ALL ON FUNCTION gram_{table}() FROM PUBLIC",
            f"CREATE TRIGGER gram_{table} AFTER INSERT OR DELETE OR UPDATE OF {', '.join(cols)} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION gram_{table}()",
        ]
    return out


def install(connection: Connection) -> None:
    """Create the triggers (migration 0009; on SQLite again in 0017, with their WHEN clauses)."""
    pg = connection.dialect.name == "postgresql"
    for sql in _postgresql_triggers() if pg else _sqlite_triggers():
        connection.exec_driver_sql(sql)


def uninstall(connection: Connection) -> None:
    pg = connection.dialect.name == "postgresql"
    for table in _SOURCES:
        if pg:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS gram_{table} ON {table}")
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS gram_{table}()")
        else:
            for suffix in ("ai", "au", "ad"):
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS gram_{table}_{suffix}")


def refresh(connection: Connection) -> None:
    """Cut every name of the workspace again (repairs the gram tables; migration 0009 fills them with it)."""
    for sql in refresh_statements(connection.dialect.name):
        connection.exec_driver_sql(sql)


def refresh_statements(dialect: str) -> list[str]:
    """The statements of `refresh`, for a writer on the driver's own connection (the benchmark generator)."""
    insert = "INSERT INTO" if dialect == "postgresql" else "INSERT OR IGNORE INTO"
    conflict = " ON CONFLICT DO NOTHING" if dialect == "postgresql" else ""
    out = []
    for table, (grams, key, _cols) in _SOURCES.items():
        out.append(f"DELETE FROM {grams}")
        out.append(f"{insert} {grams} (gram, {key}) {_pieces_sql(dialect, _all_rows(table))}{conflict}")
    return out


def drift(connection: Connection) -> list[tuple[str, str, int]]:
    """('missing' | 'extra', gram, id) for every piece that differs from a fresh cut of the names."""
    dialect = connection.dialect.name
    out: list[tuple[str, str, int]] = []
    for table, (grams, key, _cols) in _SOURCES.items():
        fresh = _pieces_sql(dialect, _all_rows(table))
        kept = f"SELECT gram, {key} FROM {grams}"
        for label, a, b in (("missing", fresh, kept), ("extra", kept, fresh)):
            rows = connection.exec_driver_sql(f"SELECT * FROM ({a}) AS a EXCEPT SELECT * FROM ({b}) AS b").all()
            out += [(label, r[0], int(r[1])) for r in rows]
    return sorted(out)
