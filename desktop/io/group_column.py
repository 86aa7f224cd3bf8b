"""The column of a table that names the group each row belongs to — one reader for every import.

An outside tool's export of several groups (企业微信's 客户群 export: 群名称; a check-in tool's 打卡圈子) and
QunDesk's own `export roster --all` (社群) say the same thing: this row is that group's. They were read by two
mechanisms with two outcomes (the 群名称 rows of another group skipped with a note, the 社群 rows reported as
problems that refused the import, and a 社群 naming a group the workspace does not have imported into this one).
Now one rule, for rosters and check-in tables alike:

* the file names one group (or none): the user's choice of group stands — one group's export imported into another
  (二期 starts with 一期's people) is imported as before;
* it names several and one of them is the group imported into: that group's rows are read, every row of another
  group is skipped, named with its row number and its group — nothing of another group is written into this one;
* it names several and none is the group imported into: the file is refused (`several_groups`), naming the groups.

Group names compare as the eye reads them (full-width and half-width, case and spaces aside: groups.group_name_key).
A row whose group cell is empty in a file of several groups says no other group: it is read (merged cells are
filled down by the table reader before this), as both readers read it before.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.io.fields import CellError, clean_header

# a column naming the group a row belongs to (not the group's owner, 群主, nor the person's 群昵称)
GROUP_HEADERS = (
    "群名称",
    "群名",
    "群聊名称",
    "所在群",
    "所属群",
    "客户群名称",
    "社群",  # `export roster --all`, the monthly report's 打卡明细 of several groups
    "所属社群",
    "社群名称",
    "打卡圈子",
    "圈子名称",
    "group",
)
# an English "Group" may be a team within the group (Team 1, Team 2): it skips other groups' rows only when one of
# its names is the group imported into, and never refuses a file
WEAK_HEADERS = frozenset({"group"})


def group_key(name: object) -> str:
    """A group's name as the eye reads it (as groups.group_name_key compares the workspace's groups)."""
    if name is None or isinstance(name, CellError):
        return ""
    if isinstance(name, float) and name.is_integer():
        name = int(name)
    return "".join(unicodedata.normalize("NFKC", str(name)).casefold().split())


_HEADER_KEYS = frozenset(group_key(h) for h in GROUP_HEADERS)


def group_column_index(headers: Sequence[str], used: Iterable[int] = ()) -> int | None:
    """The first column (not one of `used`) whose header names each row's group."""
    taken = set(used)
    return next(
        (i for i, h in enumerate(headers) if i not in taken and h and group_key(clean_header(h)) in _HEADER_KEYS),
        None,
    )


def _shown(value: object) -> str:
    if value is None or isinstance(value, CellError):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


@dataclass(frozen=True)
class GroupColumn:
    """A group column that names several groups, one of them the group imported into (`target`)."""

    index: int
    header: str
    target: str

    def other_group(self, values: Sequence[object]) -> str | None:
        """The group a row names when it is not the one imported into (as written), else None."""
        cell = values[self.index] if self.index < len(values) else None
        key = group_key(cell)
        if not key or key == group_key(self.target):
            return None
        return _shown(cell)


@dataclass(frozen=True)
class SeveralGroups:
    """A file of several groups none of which is the group imported into: refused."""

    index: int
    header: str
    groups: tuple[str, ...]  # as written, in the order they come

    @property
    def shown(self) -> str:
        return "、".join(self.groups[:5]) + (" …" if len(self.groups) > 5 else "")


def read_group_column(
    headers: Sequence[str],
    rows: Iterable[tuple[int, Sequence[object]]],
    target: str | None,
    used: Iterable[int] = (),
    known: Iterable[str] = (),
) -> GroupColumn | SeveralGroups | None:
    """The rule above for a table: None (no group column, or it names at most one group, or no target is known),
    a GroupColumn whose other_group() says which rows to skip, or SeveralGroups (refuse the file). `known`: the
    workspace's group names — an English "Group" column naming two of them is QunDesk's own (the English report's
    打卡明细), not a column of teams."""
    index = group_column_index(headers, used)
    if index is None or not target:
        return None
    seen: dict[str, str] = {}
    for _row, values in rows:
        cell = values[index] if index < len(values) else None
        key = group_key(cell)
        if key and key not in _HEADER_KEYS:  # the header again, above a block of the table (社群 | 姓名 | 12/8 …)
            seen.setdefault(key, _shown(cell))
    if len(seen) < 2:
        return None
    header = headers[index]
    if group_key(target) in seen:
        return GroupColumn(index, header, target)
    if group_key(clean_header(header)) in WEAK_HEADERS and len({group_key(n) for n in known} & set(seen)) < 2:
        return None
    return SeveralGroups(index, header, tuple(seen.values()))


def one_group(
    headers: Sequence[str], rows: Iterable[tuple[int, Sequence[object]]], used: Iterable[int] = ()
) -> tuple[int, str] | None:
    """(the column, the group as written) when the table's group column names exactly one group, else None. A
    roster of one group imported into another is the user's choice (二期 starts with 一期's people); a check-in
    table's rows are that group's dated facts: the check-in import refuses it unless told (as a title naming
    another group)."""
    index = group_column_index(headers, used)
    if index is None:
        return None
    seen: dict[str, str] = {}
    for _row, values in rows:
        cell = values[index] if index < len(values) else None
        key = group_key(cell)
        if key and key not in _HEADER_KEYS:
            seen.setdefault(key, _shown(cell))
            if len(seen) > 1:
                return None
    return (index, next(iter(seen.values()))) if seen else None
