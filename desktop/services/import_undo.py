"""Undo the last import of a group (PRODUCT §3.6, §5 "no data is ever lost"): a roster, an applications survey or a
check-in sheet imported into the WRONG group could only be taken back by hand, or by a restore that lost the day's
other work.

Every import records what it did (models/import_undo.py, migration 0026): `start_run` when it starts writing, then,
set-based and in the import's own transaction, the rows it ADDED (people, memberships, check-ins, leave, step
records, tag links: `record_added`, `record_checkins`) and the member and membership values it CHANGED with their old
values (`record_changes`, read just before the import's UPDATE).

`undo_last_import` takes back the group's last import not undone yet, following `paste.undo_paste`'s rules:

- only the import's own rows and values: a check-in logged since (by hand, a paste) is not the import's and stays;
  a value edited since (the member dialog, a later import) stays, named with its value now; a check-in of the import
  moved to another record by a merge since stays, named (the merge is undone first, by its own undo);
- check-ins go through `checkins.undo_checkin` (their points and streak bonus reversed), leave through
  `remove_leave`, step records through `onboarding.undo_step` (a newcomer the import's answer made a member is a
  newcomer again, the referral it paid reversed), so that points, streaks and the kept values equal a recompute;
- the memberships and people the import added go as in `paste._take_back_added`: only by an owner or an admin (an
  assistant's undo leaves them, said), and only with nothing recorded on them since (a check-in, a step, points, a
  tag, a role, a tier change, another group, an edit): then they stay, named. The referral points an added
  membership paid its referrer are reversed with it;
- a membership's status, join and leaving dates the import changed (a 状态 / 退群日期 column) stay as they are,
  named: a change of status ended leave and opened spells that a plain restore would leave contradicting it — the
  member dialog changes it back with those rules (a decision: named, never half restored);
- a group the import created stays (empty once its memberships went), named: a group is deleted in the group list;
- an owner or an admin may undo any import, an assistant only their own (PermissionDenied otherwise, nothing
  written); every undo is one audit row "import.undo" with its counts; all in the caller's ONE transaction.

Imports made before migration 0026 have no record: `undo_last_import` says there is nothing it can undo (NotFound).
A chat-history import (chat_import) is not recorded yet: it is not offered for undo (said in docs/cli.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session, aliased

from desktop.errors import NotFound, PermissionDenied
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, allowed
from models import (
    AuditEntry,
    ChatAlias,
    CheckIn,
    Group,
    ImportItem,
    ImportRun,
    Leave,
    Member,
    Membership,
    Operator,
    StepProgress,
    Tag,
    TierChange,
    bulk,
    member_tag,
    membership_role,
)
from models.base import utcnow

_CHUNK = 500
# a membership's lifecycle: kept as the import left it, named (see the module's docstring)
LIFECYCLE = frozenset({"status", "joined_at", "left_at", "left_reason", "applied_at"})
# columns written with a value, never restored by themselves (derived from the value or the moment)
_DERIVED = frozenset({"updated_at", "phone_tail", "initials", "pinyin", "initials_alt", "pinyin_alt"})


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(" ", "microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decode(column: Any, value: Any) -> Any:
    if value is None:
        return None
    kind = column.type.python_type
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is bool:
        return bool(value)
    return value


def start_run(
    session: Session, actor: Actor, group_id: int, kind: str, file: str, *, group_created: bool = False
) -> int:
    """The record of one import into `group_id`, in the import's transaction; its id for the record_* calls."""
    return (
        session.connection()
        .execute(
            insert(ImportRun.__table__).returning(ImportRun.__table__.c.id),
            {
                "group_id": group_id,
                "kind": kind,
                "file": file or "",
                "operator_id": actor.id,
                "at": utcnow(),
                "group_created": group_created,
            },
        )
        .scalar_one()
    )


def _insert_items(session: Session, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    from desktop.services.imports import _bulk_insert  # the driver's executemany on SQLite (set-based)

    table = ImportItem.__table__
    for start in range(0, len(rows), 5000):
        _bulk_insert(session, table, rows[start : start + 5000])


def record_added(session: Session, run_id: int, entity: str, rows: Iterable[tuple[int, int | None]]) -> None:
    """Rows the import added: (row id, the membership or member it belongs to)."""
    _insert_items(
        session,
        [
            {
                "run_id": run_id,
                "entity": entity,
                "action": "add",
                "row_id": rid,
                "ref": ref,
                "before": None,
                "after": None,
            }
            for rid, ref in rows
        ],
    )


def record_changes(session: Session, run_id: int, entity: str, table: Any, updates: Sequence[tuple[int, dict]]) -> None:
    """Before the import's UPDATE of `table` (member or membership) by id: each changed column's value now (the old
    value) and the import's (the new one), for the columns whose value really changes."""
    wanted = {rid: {c: v for c, v in values.items() if c not in _DERIVED} for rid, values in updates}
    wanted = {rid: v for rid, v in wanted.items() if v}
    if not wanted:
        return
    columns = sorted({c for v in wanted.values() for c in v})
    ids = sorted(wanted)
    rows: list[dict[str, Any]] = []
    connection = session.connection()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for row in connection.execute(
            select(table.c.id, *(table.c[c] for c in columns)).where(table.c.id.in_(chunk))
        ).mappings():
            new = wanted[row["id"]]
            before = {c: _encode(row[c]) for c in new}
            after = {c: _encode(_normalised(table.c[c], x)) for c, x in new.items()}
            changed = [c for c in new if before[c] != after[c]]
            if not changed:
                continue
            rows.append(
                {
                    "run_id": run_id,
                    "entity": entity,
                    "action": "change",
                    "row_id": row["id"],
                    "ref": None,
                    "before": json.dumps({c: before[c] for c in changed}, ensure_ascii=False),
                    "after": json.dumps({c: after[c] for c in changed}, ensure_ascii=False),
                }
            )
    _insert_items(session, rows)


def _normalised(column: Any, value: Any) -> Any:
    """A value as it reads back from the column (a date-time stored without its time zone)."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    if column.type.python_type is bool and value is not None:
        return bool(value)
    return value


def record_checkins(session: Session, run_id: int, group_id: int, pairs: Iterable[tuple[int, date]]) -> None:
    """The check-ins the import logged, by (membership, day): their ids, read back set-based."""
    wanted = sorted(set(pairs))
    if not wanted:
        return
    by_member: dict[int, set[date]] = {}
    for m, d in wanted:
        by_member.setdefault(m, set()).add(d)
    ids = sorted(by_member)
    found: list[tuple[int, int | None]] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for cid, m, d in session.execute(
            select(CheckIn.id, CheckIn.membership_id, CheckIn.day).where(
                CheckIn.group_id == group_id, CheckIn.membership_id.in_(chunk)
            )
        ):
            if bulk.stored_day(d) in by_member[m]:
                found.append((cid, m))
    record_added(session, run_id, "checkin", found)


# ---------------------------------------------------------------------------------------------------------- undo


@dataclass(frozen=True)
class KeptLine:
    """Something of the import the undo left as it is: who, what, and why (a sentence, Chinese and English)."""

    who: str
    what: str
    why: str

    def __str__(self) -> str:
        return f"{self.who}: {self.what} — {self.why}"


@dataclass
class ImportUndo:
    run_id: int
    kind: str
    file: str
    at: datetime
    by: str
    checkins: int = 0
    leaves: int = 0
    steps: int = 0
    tags: int = 0
    values: int = 0
    removed_memberships: list[str] = field(default_factory=list)  # names
    removed_people: list[str] = field(default_factory=list)
    kept: list[KeptLine] = field(default_factory=list)

    @property
    def undone_anything(self) -> bool:
        return bool(
            self.checkins
            or self.leaves
            or self.steps
            or self.tags
            or self.values
            or self.removed_memberships
            or self.removed_people
        )


def last_import(session: Session, group_id: int | None, *, lock: bool = False) -> ImportRun | None:
    """The group's last import not undone yet (None: none recorded — before migration 0026 imports had no record);
    `group_id` None: the workspace's last, whichever group it went into (the window with 全部社群 selected: an
    import into the wrong group is found without knowing which group that was). `lock`: held until the transaction
    ends (PostgreSQL), so that two operators undoing it at once undo it once."""
    q = select(ImportRun).where(ImportRun.undone_at.is_(None))
    if group_id is not None:
        q = q.where(ImportRun.group_id == group_id)
    q = q.order_by(ImportRun.id.desc()).limit(1)
    return session.scalars(q.with_for_update() if lock else q).first()


@dataclass(frozen=True)
class LastImport:
    """What the window asks about before an undo: the group's (or the workspace's) last import, named."""

    group_id: int | None
    group_name: str
    run_id: int | None  # None: nothing to undo in the group
    file: str = ""
    kind: str = ""
    at: datetime | None = None
    by: str = "?"
    allowed: bool = False


def describe_last_import(database: Any, actor: Actor, group_id: int | None) -> LastImport:
    """The last import of `group_id` not undone yet (None: the workspace's, whichever group it went into), with its
    group's and operator's names and whether `actor` may undo it (may_undo) — read in one session of its own."""
    from models import Group, Operator

    with database.session() as session:
        run = last_import(session, group_id)
        group_id = run.group_id if run is not None else group_id
        group = session.get(Group, group_id) if group_id is not None else None
        name = group.name if group is not None else ""
        if run is None:
            return LastImport(group_id, name, None)
        by = session.get(Operator, run.operator_id) if run.operator_id else None
        return LastImport(
            group_id, name, run.id, run.file, run.kind, run.at, by.name if by else "?", may_undo(actor, run)
        )


def may_undo(actor: Actor, run: ImportRun) -> bool:
    """An owner or an admin may undo any import; an assistant only their own."""
    return allowed(actor, "delete_members") or run.operator_id == actor.id


def _names(session: Session, membership_ids: Iterable[int]) -> dict[int, str]:
    ids = sorted(set(membership_ids))
    out: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        out.update(
            session.execute(
                select(Membership.id, Member.display_name)
                .join(Member, Member.id == Membership.member_id)
                .where(Membership.id.in_(chunk))
            ).all()
        )
    return out


@dataclass(frozen=True)
class _Item:
    row_id: int
    ref: int | None
    before: str | None = None
    after: str | None = None


def _items(session: Session, run_id: int, entity: str, action: str, *, values: bool = False) -> list[_Item]:
    """The import's items of one kind; `values`: with the old and new values (never read for an assistant: in team
    mode their login may not, team_roles.IMPORT_RECORD_HIDDEN)."""
    columns = [ImportItem.row_id, ImportItem.ref] + ([ImportItem.before, ImportItem.after] if values else [])
    rows = session.execute(
        select(*columns)
        .where(ImportItem.run_id == run_id, ImportItem.entity == entity, ImportItem.action == action)
        .order_by(ImportItem.id)
    ).all()
    return [_Item(*r) for r in rows]


def undo_last_import(session: Session, actor: Actor, group_id: int, *, run_id: int | None = None) -> ImportUndo:
    """Take back the group's last import (or `run_id`, which must be it: the window's button names the import it
    showed, and refuses once another came after it). In the caller's transaction; see the module's docstring."""
    run = last_import(session, group_id, lock=True)
    if run is None or (run_id is not None and run.id != run_id):
        raise NotFound(
            "这个社群没有可以撤销的导入: 还没有导入过, 都已撤销, 或是本版本之前的导入 (没有记录) "
            "(this group has no import that can be undone: none yet, all undone, or made before this version, which"
            " kept no record)"
            if run is None
            else "这次导入之后又有了新的导入, 请先撤销那一次 (another import came after this one: undo that one first)"
        )
    by = session.scalar(select(Operator.name).where(Operator.id == run.operator_id)) or "?"
    if not may_undo(actor, run):
        raise PermissionDenied(
            f"这次导入是「{by}」做的, 助理只能撤销自己的导入 (this import was {by}'s: an assistant may undo only their own)"
        )
    out = ImportUndo(run.id, run.kind, run.file, run.at, by)
    added_ms = {i.row_id: i.ref for i in _items(session, run.id, "membership", "add")}
    checkins = _items(session, run.id, "checkin", "add")
    leaves = _items(session, run.id, "leave", "add")
    steps = _items(session, run.id, "step", "add")
    touched = {i.ref for i in checkins + leaves + steps if i.ref is not None} | set(added_ms)
    # the old values are an owner's or an admin's to read (a phone among them): an assistant's undo leaves them, said
    managers = allowed(actor, "delete_members")
    ms_changes = _items(session, run.id, "membership", "change", values=managers)
    member_changes = _items(session, run.id, "member", "change", values=managers)
    touched |= {i.row_id for i in ms_changes}
    # the memberships first, in one order (as record_checkins and undo_paste): a check-in another assistant logs
    # meanwhile is written before this reads, or waits for this undo
    bulk.lock_rows(session.connection(), "membership", sorted(touched), mode="write")
    names = _names(session, touched)
    _undo_checkins(session, actor, out, group_id, checkins, names)
    _undo_leaves(session, actor, out, leaves, names)
    # values before steps: a step's undo clears the purpose answer it set, which the restore then took for an edit
    if managers:
        _undo_changes(session, out, "member", Member.__table__, member_changes)
        referred = _undo_changes(session, out, "membership", Membership.__table__, ms_changes, names)
    else:
        _changes_left(session, out, member_changes, ms_changes, names)
        referred = []
    session.expire_all()  # written by Core statements: the ORM's copies are read again
    _follow_referrers(session, actor, referred)
    _undo_steps(session, actor, out, steps, names, set(added_ms))
    _undo_tags(session, actor, run.id, out)
    _take_back_memberships(session, actor, out, group_id, added_ms, names)
    _take_back_people(session, actor, out, group_id, [i.row_id for i in _items(session, run.id, "member", "add")])
    if run.group_created:
        group = session.get(Group, group_id)
        out.kept.append(
            KeptLine(
                group.name if group else "?",
                "这次导入新建的社群 (the group this import created)",
                "保留; 需要时在社群列表里删除 (kept: delete it in the group list if it is not wanted)",
            )
        )
    session.execute(
        update(ImportRun.__table__).where(ImportRun.id == run.id).values(undone_at=utcnow(), undone_by=actor.id)
    )
    record_audit(
        session,
        actor.id,
        "import.undo",
        "group",
        group_id,
        after={
            "file": run.file,
            "kind": run.kind,
            "import_at": run.at,
            "checkins": out.checkins,
            "leaves": out.leaves,
            "steps": out.steps,
            "tags": out.tags,
            "values": out.values,
            "removed_memberships": len(out.removed_memberships),
            "removed_people": len(out.removed_people),
            "kept": len(out.kept),
        },
    )
    session.expire_all()
    return out


def _undo_checkins(
    session: Session, actor: Actor, out: ImportUndo, group_id: int, items: list[_Item], names: dict[int, str]
) -> None:
    ids = [i.row_id for i in items]
    now: dict[int, tuple[int, date]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for cid, m, d in session.execute(
            select(CheckIn.id, CheckIn.membership_id, CheckIn.day).where(CheckIn.id.in_(chunk))
        ):
            now[cid] = (m, bulk.stored_day(d))
    going: dict[int, list[tuple[int, date]]] = {}
    for i in items:
        if i.row_id not in now:  # undone since (by hand, or the member's record was deleted): nothing to take back
            continue
        m, d = now[i.row_id]
        if m != i.ref:
            out.kept.append(
                KeptLine(
                    names.get(i.ref or 0) or _member_of(session, m),
                    f"{d} 的打卡 (the check-in of {d})",
                    "已随合并移到另一条记录, 保留; 先撤销合并 (moved to another record by a merge since: kept — undo the"
                    " merge first)",
                )
            )
            continue
        going.setdefault(m, []).append((i.row_id, d))
    out.checkins += _take_back_checkins(session, actor, group_id, going)


def _take_back_checkins(session: Session, actor: Actor, group_id: int, going: dict[int, list[tuple[int, date]]]) -> int:
    """`checkins.undo_checkin` for many check-ins at once (membership -> [(check-in id, day)]): their points and streak
    bonus reversed, the check-ins deleted, the later bonuses of broken runs reconciled, a ledger that agreed with the
    rules still agreeing (keeping_agreement, dated each membership's first day undone), one audit row each
    ("checkin.undo", as undoing each by hand writes). Set-based: one at a time, a 6,000-check-in sheet's undo took
    147 s (its import 0.9 s)."""
    from contextlib import ExitStack

    from desktop.services.audit import record_audits
    from desktop.services.checkins import reconcile_streak_bonuses
    from desktop.services.points import keeping_agreement
    from models import PointsEntry

    if not going:
        return 0
    group = session.get(Group, group_id)
    ids = sorted(cid for pairs in going.values() for cid, _d in pairs)
    first_day: dict[date, list[int]] = {}
    for m, pairs in going.items():
        first_day.setdefault(min(d for _c, d in pairs), []).append(m)
    reason = "撤销打卡"
    with ExitStack() as stack:
        for day, members in sorted(first_day.items()):
            stack.enter_context(keeping_agreement(session, group_id, sorted(members), actor.id, day))
        reversal = aliased(PointsEntry)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            entries = session.execute(
                select(
                    PointsEntry.id,
                    PointsEntry.membership_id,
                    PointsEntry.group_id,
                    PointsEntry.day,
                    PointsEntry.points,
                    PointsEntry.reason,
                    PointsEntry.source_id,
                ).where(
                    PointsEntry.source_kind.in_(("checkin", "streak")),
                    PointsEntry.source_id.in_(chunk),
                    PointsEntry.reverses_id.is_(None),
                    ~select(reversal.id).where(reversal.reverses_id == PointsEntry.id).exists(),
                )
            ).all()
            if entries:
                session.execute(
                    insert(PointsEntry),
                    [
                        {
                            "membership_id": e.membership_id,
                            "group_id": e.group_id,
                            "day": e.day,
                            "points": -e.points,
                            "reason": f"{reason}: {e.reason}",
                            "source_kind": "reversal",
                            "source_id": e.source_id,
                            "reverses_id": e.id,
                            "operator_id": actor.id,
                        }
                        for e in entries
                    ],
                )
            session.execute(delete(CheckIn).where(CheckIn.id.in_(chunk)))
        session.flush()
        if group is not None:
            reconcile_streak_bonuses(session, group, sorted(going), actor.id)  # later days of the broken runs
    record_audits(
        session,
        actor.id,
        [
            ("checkin.undo", "membership", m, {"before": {"day": d.isoformat(), "checkin_id": cid}})
            for m, pairs in sorted(going.items())
            for cid, d in pairs
        ],
    )
    return len(ids)


def _member_of(session: Session, membership_id: int) -> str:
    return _names(session, [membership_id]).get(membership_id, "?")


def _undo_leaves(session: Session, actor: Actor, out: ImportUndo, items: list[_Item], names: dict[int, str]) -> None:
    from desktop.services.checkins import remove_leave

    for i in items:
        m = session.scalar(select(Leave.membership_id).where(Leave.id == i.row_id))
        if m is None:
            continue
        if m != i.ref:
            out.kept.append(
                KeptLine(
                    names.get(i.ref or 0, "?"),
                    "请假 (a leave)",
                    "已随合并移到另一条记录, 保留 (moved to another record by a merge since: kept)",
                )
            )
            continue
        remove_leave(session, actor, i.row_id)
        out.leaves += 1


def _undo_steps(
    session: Session,
    actor: Actor,
    out: ImportUndo,
    items: list[_Item],
    names: dict[int, str],
    added: set[int],
) -> None:
    from desktop.services.onboarding import undo_step

    for i in items:
        row = session.execute(
            select(StepProgress.membership_id, StepProgress.step_id).where(StepProgress.id == i.row_id)
        ).first()
        if row is None:
            continue
        m, step_id = row
        if m != i.ref:
            out.kept.append(
                KeptLine(
                    names.get(i.ref or 0, "?"),
                    "入群步骤记录 (an entry step record)",
                    "已随合并移到另一条记录, 保留 (moved to another record by a merge since: kept)",
                )
            )
            continue
        undo_step(session, actor, m, step_id)
        out.steps += 1


def _changes_left(
    session: Session, out: ImportUndo, member_changes: list[_Item], ms_changes: list[_Item], names: dict[int, str]
) -> None:
    """An assistant's undo: the values the import changed stay, one line per person (their old values are not the
    assistant's to read — a phone among them — nor to restore over someone's record)."""
    people = dict(
        session.execute(
            select(Member.id, Member.display_name).where(Member.id.in_(sorted({i.row_id for i in member_changes})))
        ).all()
    )
    who = sorted({people.get(i.row_id, "?") for i in member_changes} | {names.get(i.row_id, "?") for i in ms_changes})
    for name in who:
        out.kept.append(
            KeptLine(
                name,
                "这次导入改过的资料 (the details this import changed)",
                "助理不能改回, 保留; 请群主或管理员撤销 (an assistant may not restore them: kept — an owner or an admin"
                " undoes the import to restore them)",
            )
        )


def _undo_tags(session: Session, actor: Actor, run_id: int, out: ImportUndo) -> None:
    by_tag: dict[int, list[int]] = {}  # tag -> the people the import gave it: one statement per tag and chunk
    for i in _items(session, run_id, "member_tag", "add"):
        by_tag.setdefault(i.row_id, []).append(i.ref or 0)
    for tag_id, people in sorted(by_tag.items()):
        for start in range(0, len(people), _CHUNK):
            gone = session.execute(
                delete(member_tag).where(
                    member_tag.c.tag_id == tag_id, member_tag.c.member_id.in_(people[start : start + _CHUNK])
                )
            ).rowcount
            out.tags += gone or 0
    # a tag the import made, now on nobody: gone with it (a tag given to someone since stays); an assistant never
    # deletes a tag (team_roles.ASSISTANT_APPEND): it stays in the list, said
    for i in _items(session, run_id, "tag", "add"):
        if session.scalar(select(member_tag.c.member_id).where(member_tag.c.tag_id == i.row_id).limit(1)) is not None:
            continue
        if allowed(actor, "delete_members"):
            session.execute(delete(Tag).where(Tag.id == i.row_id))
        else:
            name = session.scalar(select(Tag.name).where(Tag.id == i.row_id)) or "?"
            out.kept.append(
                KeptLine(
                    name,
                    "这次导入新建的标签, 现在没有人用 (a tag this import made, now on nobody)",
                    "助理不能删除标签, 保留 (an assistant may not delete tags: kept)",
                )
            )


_FIELD_NAMES = {
    "display_name": "姓名 name",
    "nickname": "昵称 nickname",
    "wechat_id": "微信号 WeChat ID",
    "qq": "QQ",
    "phone": "手机 phone",
    "gender": "性别 gender",
    "city": "城市 city",
    "occupation": "职业 occupation",
    "note": "备注 note",
    "group_nickname": "群昵称 group nickname",
    "tier_id": "等级 tier",
    "referrer_id": "推荐人 referrer",
    "purpose": "进群目的 purpose",
    "fee_paid_cents": "门槛费 fee",
    "status": "状态 status",
    "joined_at": "入群日期 join date",
    "left_at": "退群日期 leaving date",
}


def _undo_changes(
    session: Session,
    out: ImportUndo,
    entity: str,
    table: Any,
    items: list[_Item],
    names: dict[int, str] | None = None,
) -> list[int]:
    """Each changed value back to its old one while it is still the import's; one edited since stays, named.
    Returns the memberships whose referrer went back (their referral points follow: `_follow_referrers`)."""
    from desktop.services.imports import _bulk_update
    from models.search_keys import search_columns
    from models.tier_history import note_tier_writes

    if not items:
        return []
    ids = sorted({i.row_id for i in items})
    columns = sorted({c for i in items for c in json.loads(i.after or "{}")})
    now: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for row in session.connection().execute(
            select(table.c.id, *(table.c[c] for c in columns)).where(table.c.id.in_(chunk))
        ):
            now[row[0]] = {c: _encode(_normalised(table.c[c], row[k + 1])) for k, c in enumerate(columns)}
    if entity == "member":
        member_names = dict(session.execute(select(Member.id, Member.display_name).where(Member.id.in_(ids))).all())
    restores: list[tuple[int, dict[str, Any]]] = []
    stamp = utcnow()
    for i in items:
        current = now.get(i.row_id)
        if current is None:  # the record went since (deleted, merged away)
            continue
        who = member_names.get(i.row_id, "?") if entity == "member" else (names or {}).get(i.row_id, "?")
        before, after = json.loads(i.before or "{}"), json.loads(i.after or "{}")
        values: dict[str, Any] = {}
        for column, was in before.items():
            label = _FIELD_NAMES.get(column, column)
            if current[column] == was:  # back to its old value since (by hand): nothing to take back
                continue
            old = _shown(session, column, was)
            if entity == "membership" and column in LIFECYCLE:
                out.kept.append(
                    KeptLine(
                        who,
                        f"{label}: {_shown(session, column, current[column])}",
                        f"状态和日期不自动改回 (原为 {old}), 请在成员窗口修改 (status and dates are not changed back"
                        f" by the undo — it was {old}: change it in the member dialog)",
                    )
                )
                continue
            if current[column] != after[column]:
                out.kept.append(
                    KeptLine(
                        who,
                        f"{label}: {_shown(session, column, current[column])}",
                        f"导入之后又改过, 保留 (导入前为 {old}) (edited since the import: kept — it was {old} before it)",
                    )
                )
                continue
            values[column] = _decode(table.c[column], was)
        if not values:
            continue
        if "display_name" in values:
            values.update(search_columns(values["display_name"]))
        if "phone" in values:
            values["phone_tail"] = values["phone"][-4:] if values["phone"] else None
        values["updated_at"] = stamp
        out.values += sum(1 for c in values if c in before)
        restores.append((i.row_id, values))
    if entity == "membership":
        note_tier_writes(session, {m: v["tier_id"] for m, v in restores if "tier_id" in v})
    _bulk_update(session, table, restores)
    return [m for m, v in restores if "referrer_id" in v]


def _shown(session: Session, column: str, value: Any) -> str:
    """A stored value as the outcome names it: a tier or a referrer by name, nothing as 空 (empty)."""
    from models import Tier

    if value is None or value == "":
        return "空 (empty)"
    if column == "tier_id":
        return session.scalar(select(Tier.name).where(Tier.id == value)) or str(value)
    if column == "referrer_id":
        return session.scalar(select(Member.display_name).where(Member.id == value)) or str(value)
    if column == "fee_paid_cents":
        return f"{int(value) / 100:g} 元"
    return str(value)


def _follow_referrers(session: Session, actor: Actor, membership_ids: list[int]) -> None:
    """A referrer the import named, taken back: the referral it paid follows (reversed, or paid to the referrer
    named before), as the member dialog's change of a referrer does (onboarding._award_referral)."""
    from desktop.services.onboarding import _award_referral

    for ms in session.scalars(select(Membership).where(Membership.id.in_(membership_ids))).all():
        _award_referral(session, ms, ms.joined_at or utcnow(), actor, earned=ms.status == "active")


def _with_any(session: Session, column: Any, ids: list[int], *where: Any) -> set[int]:
    """Of `ids`, those `column` names in some row (chunked, one statement a chunk)."""
    found: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found.update(session.scalars(select(column).where(column.in_(chunk), *where).distinct()))
    return found


def _busy_memberships(session: Session, ids: list[int]) -> set[int]:
    """Of these memberships, those with anything recorded on them since the import (its own rows are gone by now):
    a fact (check-in, place, share, violation, step, leave, chat day), a ledger entry that stands, a role, a tier
    change. Set-based: a 20,000-row roster's undo asked this one membership at a time for minutes."""
    from desktop.services.members import _FACTS
    from models import PointsEntry

    busy: set[int] = set()
    for table in _FACTS:
        if table is not PointsEntry:
            busy |= _with_any(session, table.membership_id, ids)
    entry, reversal = PointsEntry, aliased(PointsEntry)
    busy |= _with_any(
        session,
        entry.membership_id,
        ids,
        entry.reverses_id.is_(None),
        ~select(reversal.id).where(reversal.reverses_id == entry.id).exists(),
    )
    busy |= _with_any(session, membership_role.c.membership_id, ids)
    busy |= _with_any(session, TierChange.membership_id, ids)
    return busy


def _take_back_memberships(
    session: Session,
    actor: Actor,
    out: ImportUndo,
    group_id: int,
    added: dict[int, int | None],
    names: dict[int, str],
) -> None:
    from desktop.services.points import reverse_source
    from models import PointsEntry

    ids = sorted(added)
    live = sorted(_with_any(session, Membership.id, ids, Membership.group_id == group_id))  # not merged away since
    if not live:
        return
    if not allowed(actor, "delete_members"):
        for ms in live:
            out.kept.append(
                KeptLine(
                    names.get(ms, "?"),
                    "这次导入加入本群的成员 (a membership this import added)",
                    "助理不能删除成员, 保留; 请群主或管理员撤销 (an assistant may not delete members: kept — an owner"
                    " or an admin removes it)",
                )
            )
        return
    busy = _busy_memberships(session, live)
    for ms in live:
        if ms in busy:
            out.kept.append(
                KeptLine(
                    names.get(ms, "?"),
                    "这次导入加入本群的成员 (a membership this import added)",
                    "导入之后又记录过 (打卡、步骤、积分…), 保留 (something was recorded on it since — a check-in, a step,"
                    " points: kept)",
                )
            )
    going = [ms for ms in live if ms not in busy]
    # the referral each paid its referrer goes with it; its own ledger rows go by ON DELETE CASCADE
    for ms in sorted(_with_any(session, PointsEntry.source_id, going, PointsEntry.source_kind == "referral")):
        reverse_source(session, "referral", ms, actor.id, "撤销导入 (import undone)")
    for start in range(0, len(going), _CHUNK):
        session.execute(delete(Membership).where(Membership.id.in_(going[start : start + _CHUNK])))
    out.removed_memberships += [names.get(ms, "?") for ms in going]


def _take_back_people(session: Session, actor: Actor, out: ImportUndo, group_id: int, member_ids: list[int]) -> None:
    """The people the import added, deleted once no membership of theirs is left and nothing else names them (a
    referral, a tag, a chat alias, an edit since): one of those stays, named unless a membership of theirs stays
    (named already)."""
    from desktop.services.audit import record_audits

    if not member_ids or not allowed(actor, "delete_members"):
        return
    ids = sorted(_with_any(session, Member.id, sorted(member_ids)))
    with_membership = _with_any(session, Membership.member_id, ids)
    here = _with_any(session, Membership.member_id, ids, Membership.group_id == group_id)
    busy = (
        _with_any(session, Membership.referrer_id, ids)
        | _with_any(session, member_tag.c.member_id, ids)
        | _with_any(session, ChatAlias.member_id, ids)
        | _with_any(
            session, AuditEntry.entity_id, ids, AuditEntry.entity == "member", AuditEntry.action != "member.add"
        )
    )
    names: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        names.update(session.execute(select(Member.id, Member.display_name).where(Member.id.in_(chunk))).all())
    going: list[int] = []
    for member_id in ids:
        if member_id in here:
            continue  # its membership stayed, named already
        if member_id in with_membership:  # put in another group since (its right one, imported there after)
            out.kept.append(
                KeptLine(
                    names[member_id],
                    "这次导入新建的人员记录 (the person this import added)",
                    "已在别的社群, 只移出本群 (in another group now: only taken off this one)",
                )
            )
            continue
        if member_id in busy:
            out.kept.append(
                KeptLine(
                    names[member_id],
                    "这次导入新建的人员记录 (the person this import added)",
                    "还有别的记录 (推荐、标签…), 保留 (recorded elsewhere since — a referral, a tag: kept)",
                )
            )
            continue
        going.append(member_id)
    for start in range(0, len(going), _CHUNK):
        session.execute(delete(Member).where(Member.id.in_(going[start : start + _CHUNK])))
    record_audits(
        session,
        actor.id,
        [("member.import_undone", "member", m, {"before": {"display_name": names[m]}}) for m in going],
    )
    out.removed_people += [names[m] for m in going]


def undo_task(progress: Any, *, database: Any, actor: Actor, group_id: int, run_id: int | None = None) -> ImportUndo:
    """The window's undo (the import dialog's "撤销这次导入", the Tools menu's "撤销上一次导入"), off the UI thread: one
    transaction, retried while the database is busy; a cancel before the commit writes nothing."""
    from models.db import with_retry

    def write() -> ImportUndo:
        with database.session() as session:
            progress.step(0, 1)
            result = undo_last_import(session, actor, group_id, run_id=run_id)
            progress.step(1, 1)
            session.commit()
        return result

    return with_retry(write)
