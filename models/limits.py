"""Text limits that hold on every engine (no Qt here).

PostgreSQL refuses a value longer than its VARCHAR(n); SQLite stores any length. A workspace that took a
5,000-character group name on a laptop could then never be copied to a team database. So every String(n) of
the models is enforced here, before the database sees the value, with one message on both engines:

- ORM writes: a `before_flush` listener on every Session checks each new or changed object;
- Core writes (`insert(table)` / `update(table)` with parameters or `.values()`): a `before_execute`
  listener on every Engine;
- the driver-level bulk writers (models/bulk.py, the importers' batch writes) call `check_rows` /
  `check_tuples` themselves.

A value over its limit raises `ERROR` (TextTooLong, a ValueError naming the field and the limit). The
desktop layer replaces ERROR with a subclass that is also its ValidationError (desktop/services/__init__.py),
so the CLI exits 1 with the message and the window shows it on the field."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import String, Table, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.sql.dml import Insert, Update
from sqlalchemy.sql.elements import BindParameter

# how the fields people type are called in messages; every other column is named table.column
LABELS: dict[tuple[str, str], str] = {
    ("community_group", "name"): "社群名称 (group name)",
    ("member", "display_name"): "姓名 (name)",
    ("member", "nickname"): "昵称 (nickname)",
    ("member", "wechat_id"): "微信号 (WeChat ID)",
    ("member", "qq"): "QQ号 (QQ number)",
    ("member", "phone"): "手机 (phone)",
    ("member", "city"): "城市 (city)",
    ("member", "occupation"): "职业 (occupation)",
    ("membership", "group_nickname"): "群昵称 (group nickname)",
    ("operator", "name"): "操作员名称 (operator name)",
    ("tag", "name"): "标签 (tag)",
    ("tier", "name"): "层级名称 (tier name)",
    ("role", "name"): "角色名称 (role name)",
    ("activity", "title"): "活动标题 (activity title)",
    ("activity", "series"): "活动系列 (series)",
    ("activity", "place"): "地点 (place)",
    ("entry_step", "name"): "入群步骤名称 (step name)",
    ("level", "name"): "等级名称 (level name)",
    ("point_rule", "label"): "积分规则名称 (rule label)",
    ("contribution", "title"): "贡献标题 (contribution title)",
    ("contribution", "link"): "链接 (link)",
}


class TextTooLong(ValueError):
    """A text longer than its column allows (the same limit on SQLite and PostgreSQL)."""

    def __init__(self, table: str, column: str, limit: int, length: int, field: str | None = None):
        self.table = table
        self.column = column
        self.limit = limit
        self.length = length
        self.field = field or column
        label = LABELS.get((table, column), f"{table}.{column}")
        self.message = (
            f"{label} 太长: 最多 {limit} 个字符, 这里有 {length} 个"
            f" (too long: at most {limit} characters, this one has {length})"
        )
        ValueError.__init__(self, f"{self.field}: {self.message}")

    def __reduce__(self):  # pickles (worker processes) with its own arguments
        return (type(self), (self.table, self.column, self.limit, self.length, self.field))


ERROR: type[TextTooLong] = TextTooLong  # replaced by the desktop layer with its ValidationError subclass

_table_limits: dict[Table, tuple[tuple[str, str, int], ...]] = {}
_mapper_limits: dict[Mapper, tuple[tuple[str, str, str, int], ...]] = {}


def limits_of(table: Table) -> tuple[tuple[str, str, int], ...]:
    """(parameter key, column name, length) of every String(length) column of the table."""
    found = _table_limits.get(table)
    if found is None:
        found = tuple(
            (c.key, c.name, int(c.type.length)) for c in table.columns if isinstance(c.type, String) and c.type.length
        )
        _table_limits[table] = found
    return found


def _limits_of_mapper(mapper: Mapper) -> tuple[tuple[str, str, str, int], ...]:
    """(attribute, table, column, length) of the mapped String(length) columns."""
    found = _mapper_limits.get(mapper)
    if found is None:
        out = []
        for prop in mapper.column_attrs:
            col = prop.columns[0]
            if isinstance(col.type, String) and col.type.length and isinstance(col.table, Table):
                out.append((prop.key, col.table.name, col.name, int(col.type.length)))
        found = _mapper_limits[mapper] = tuple(out)
    return found


def check_value(table: str, column: str, limit: int, value: Any, field: str | None = None) -> None:
    if type(value) is str and len(value) > limit:
        raise ERROR(table, column, limit, len(value), field)


def check_rows(table: Table, rows: Iterable[Mapping[str, Any]]) -> None:
    """Raise ERROR for the first value of `rows` (dicts keyed by column key) longer than its column allows."""
    limits = limits_of(table)
    if not limits:
        return
    for row in rows:
        for key, name, limit in limits:
            value = row.get(key)
            if type(value) is str and len(value) > limit:
                raise ERROR(table.name, name, limit, len(value), key)


@functools.cache
def _tuple_limits(table: str, columns: tuple[str, ...]) -> tuple[tuple[int, str, int], ...]:
    """(position, column, limit) of the limited columns among `columns` of the table named `table` (the same few
    statements run thousands of times: one check-in is three inserts)."""
    from models.base import Base

    found = Base.metadata.tables.get(table)
    if found is None:
        return ()
    by_name = {name: limit for _key, name, limit in limits_of(found)}
    return tuple((i, c, by_name[c]) for i, c in enumerate(columns) if c in by_name)


def check_tuples(table: Table | str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """The same for rows given as tuples in the order of `columns` (a driver-level INSERT)."""
    table_name = table if isinstance(table, str) else table.name
    at = _tuple_limits(table_name, tuple(columns))
    if not at:
        return
    rows = rows if isinstance(rows, list) else list(rows)
    for i, column_name, limit in at:
        column = list(map(itemgetter(i), rows))
        if set(map(type, column)) <= {str}:  # a column of texts: its longest, measured in C
            longest = max(map(len, column), default=0)
        else:  # NULLs or numbers among them: only the texts count
            longest = max((len(v) for v in column if type(v) is str), default=0)
        if longest > limit:
            raise ERROR(table_name, column_name, limit, longest)


def _check_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        values = state.dict
        for attr, table, column, limit in _limits_of_mapper(state.mapper):
            value = values.get(attr)
            if type(value) is str and len(value) > limit:
                raise ERROR(table, column, limit, len(value), attr)


def _check_statement(_conn, clauseelement, multiparams, params, _execution_options):
    if not isinstance(clauseelement, Insert | Update):
        return clauseelement, multiparams, params
    table = clauseelement.table
    if not isinstance(table, Table) or not limits_of(table):
        return clauseelement, multiparams, params
    renamed: dict[str, str] = {}  # .values(name=bindparam("v_name")): the parameter v_name is the column name
    inline = getattr(clauseelement, "_values", None) or {}
    multi = getattr(clauseelement, "_multi_values", None) or ()
    for values in (inline, *(v for group in multi for v in group if isinstance(v, Mapping))):
        row = {}
        for key, value in values.items():
            column = key if isinstance(key, str) else getattr(key, "key", str(key))
            if isinstance(value, BindParameter):
                renamed[value.key] = column
                value = value.value
            row[column] = value
        check_rows(table, [row])
    for given in (params, *multiparams) if params else multiparams:
        if isinstance(given, Mapping):
            if renamed:
                given = {**given, **{column: given[key] for key, column in renamed.items() if key in given}}
            check_rows(table, [given])
    return clauseelement, multiparams, params


event.listen(Session, "before_flush", _check_flush)
event.listen(Engine, "before_execute", _check_statement, retval=True)
