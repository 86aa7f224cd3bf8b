"""Points (会员积分): award by the group's rules, reverse (the ledger is append-only), adjust by hand,
levels and leaderboards. Every award is written in the caller's transaction, with the fact it rewards."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, bindparam, func, insert, literal, or_, select
from sqlalchemy.orm import Session, aliased

from desktop import streaks
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.audit import record_audit, record_audits
from desktop.services.operators import Actor, allowed, require
from desktop.settings import group_rule_at, group_rule_key, record_rule
from models import Level, Member, Membership, PointRule, PointsEntry, bulk, clock


def rule_points_select(group_id, code) -> Select:
    """The points of the group's active rule `code` (one rule per group and code; no row: off or missing).
    `group_id` and `code` are values, bind parameters or columns (the check-in path reads it as a subquery of
    the group)."""
    return select(PointRule.points).where(
        PointRule.group_id == group_id, PointRule.code == code, PointRule.active.is_(True)
    )


# Built once: a statement object costs more to build than to run (one check-in runs a handful of these).
_RULE_POINTS = rule_points_select(bindparam("gid"), bindparam("code"))


def rule_points(session: Session, group_id: int, code: str) -> int:
    """Points of an active rule of the group (0 when the rule is off or missing)."""
    session.flush()  # run on the connection: pending ORM changes first (as autoflush would)
    pts = session.connection().execute(_RULE_POINTS, {"gid": group_id, "code": code}).scalar()
    return int(pts or 0)


def award(
    session: Session,
    *,
    membership_id: int,
    group_id: int,
    day: date,
    code: str,
    source_kind: str,
    source_id: int | None,
    reason: str,
    operator_id: int | None,
) -> int:
    """Ledger entry for rule `code`; returns the points written (0: nothing written)."""
    pts = rule_points(session, group_id, code)
    if pts:
        session.execute(
            insert(PointsEntry).values(
                membership_id=membership_id,
                group_id=group_id,
                day=day,
                points=pts,
                reason=reason,
                source_kind=source_kind,
                source_id=source_id,
                operator_id=operator_id,
            )
        )
    return pts


def _open_entries(source_kind: str, source_id: int) -> Select:
    """The entries of a fact that stand: not reversals, and not reversed (by the (source_kind, source_id) index)."""
    reversal = aliased(PointsEntry)
    return select(PointsEntry).where(
        PointsEntry.source_kind == source_kind,
        PointsEntry.source_id == source_id,
        PointsEntry.reverses_id.is_(None),
        ~select(reversal.id).where(reversal.reverses_id == PointsEntry.id).exists(),
    )


def has_open_entry(session: Session, source_kind: str, source_id: int) -> bool:
    """The fact's points stand in the ledger: an entry of it that was not reversed."""
    return session.execute(_open_entries(source_kind, source_id).limit(1)).first() is not None


def reverse_source(session: Session, source_kind: str, source_id: int, operator_id: int | None, reason: str) -> int:
    """Append a reversing entry for every not-yet-reversed entry of a fact. Returns the points taken back."""
    open_entries = session.scalars(_open_entries(source_kind, source_id)).all()
    return sum(reverse_entry(session, e.id, operator_id, reason) for e in open_entries)


def reverse_entry(session: Session, entry_id: int, operator_id: int | None, reason: str) -> int:
    """Append the reversing entry of one ledger entry; returns the points taken back."""
    e = session.get(PointsEntry, entry_id)
    assert e is not None
    session.execute(
        insert(PointsEntry).values(
            membership_id=e.membership_id,
            group_id=e.group_id,
            day=e.day,
            points=-e.points,
            reason=f"{reason}: {e.reason}",
            source_kind="reversal",
            source_id=e.source_id,
            reverses_id=e.id,
            operator_id=operator_id,
        )
    )
    return e.points


def adjust_points(
    session: Session, actor: Actor, membership_id: int, points: int, reason: str, day: date | None = None
) -> None:
    """A manual adjustment on `day` (today when None; a later day is refused); the reason is required. Any sign:
    a balance may go below 0 (a penalty larger than what was earned), shown as it is, with the lowest level whose
    threshold it reaches (none when every threshold is above it)."""
    require(actor, "record_participation")
    if not reason or not reason.strip():
        raise ValidationError("reason", "手动调整积分必须填写原因 (a manual adjustment needs a reason)")
    if points == 0:
        raise ValidationError("points", "调整分值不能为 0 (points must not be 0)")
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise ValidationError("membership", f"membership {membership_id} not found")
    day = day or clock.today()
    if day > clock.today():
        # the dialog offers no later day; a caller that passed one put the points on a board of a month to come,
        # where no one looks for them, and out of every figure up to today
        raise ValidationError(
            "day", f"调整日期 {day} 还没到 ({day} is after today: date an adjustment today or before)"
        )
    session.execute(
        insert(PointsEntry).values(
            membership_id=membership_id,
            group_id=ms.group_id,
            day=day,
            points=points,
            reason=reason.strip(),
            source_kind="manual",
            operator_id=actor.id,
        )
    )
    record_audit(
        session, actor.id, "points.adjust", "membership", membership_id, after={"points": points, "reason": reason}
    )


ADJUSTMENT_UNDONE = "撤销手动调整"  # phrases: ledger.adjustment_undone


def _manual_entry(session: Session, entry_id: int) -> PointsEntry:
    """The manual adjustment an undo takes back; refused when the entry is none, or is itself an undo."""
    e = session.get(PointsEntry, entry_id)
    if e is None or e.source_kind != "manual":
        raise ValidationError("entry", "只能撤销手动调整 (only a manual adjustment can be undone here)")
    if e.reverses_id is not None:
        raise ValidationError("entry", "这是一条撤销记录, 不能再撤销 (this entry is itself an undo)")
    return e


def undo_adjustment(session: Session, actor: Actor, entry_id: int) -> int:
    """Take back a manual adjustment (+50 typed for +5, the wrong member): a reversing entry beside it, dated on its
    day — the month it counted for loses it, the ledger keeps both (append-only). Returns the points taken back.

    The reversal is itself 'manual' (with reverses_id): a 'reversal' entry counts as rule-based points, so recompute
    would have paid the adjustment back. Whoever may adjust may undo their own adjustment; another operator's only
    an owner or an admin may undo (an assistant does not take back what the owner gave). Refused, the ledger as it
    was: an entry that is not a manual adjustment (a check-in's points are undone with the check-in), a reversal,
    one already undone."""
    require(actor, "record_participation")
    e = _manual_entry(session, entry_id)
    if session.scalar(select(PointsEntry.id).where(PointsEntry.reverses_id == e.id).limit(1)) is not None:
        raise ValidationError("entry", "这条调整已经撤销过了 (this adjustment was already undone)")
    if e.operator_id != actor.id and not allowed(actor, "edit_point_rules"):
        raise PermissionDenied(
            f"操作员「{actor.name}」({actor.role}) 只能撤销自己的调整, 他人的调整由群主或管理员撤销 "
            "(only an owner or an admin may undo another operator's adjustment)"
        )
    session.execute(
        insert(PointsEntry).values(
            membership_id=e.membership_id,
            group_id=e.group_id,
            day=e.day,
            points=-e.points,
            reason=f"{ADJUSTMENT_UNDONE}: {e.reason}",
            source_kind="manual",
            source_id=None,
            reverses_id=e.id,
            operator_id=actor.id,
        )
    )
    record_audit(
        session,
        actor.id,
        "points.adjust.undo",
        "membership",
        e.membership_id,
        before={"points": e.points, "reason": e.reason},
        after={"points": 0},
    )
    return e.points


BULK_ADJUST_MAX = 5000  # people in one batch: a whole large group, never a runaway list


@dataclass(frozen=True)
class BatchAdjustment:
    """What adjust_points_batch wrote: its head entry (the batch's id) and the memberships, in the order given."""

    head_id: int
    membership_ids: tuple[int, ...]
    points: int


def adjust_points_batch(
    session: Session,
    actor: Actor,
    group_id: int,
    membership_ids: Sequence[int],
    points: int,
    reason: str,
    day: date | None = None,
) -> BatchAdjustment:
    """One adjustment for several members at once (+5 to the 12 who came to the meetup, −10 to three who broke a
    rule, +20 to the winners pasted as a list): one ledger entry per member, each with the reason, all dated `day`,
    in the caller's one transaction, with the permission and refusals of a single adjustment (adjust_points). A
    member named twice gets it once. Refused, nothing written: no member, one of another group or deleted.

    The batch is held together by its first entry: every other entry's source_id is that entry's id (a manual
    adjustment has no fact to name; a single adjustment is a batch of one). undo_adjustment_batch takes the whole
    batch back in one step; undo_adjustment still takes back one member's entry (someone included by mistake).
    Audited per member as 'points.adjust' (the member's history reads it as any adjustment), with the batch's head
    and size."""
    require(actor, "record_participation")
    if not reason or not reason.strip():
        raise ValidationError("reason", "手动调整积分必须填写原因 (a manual adjustment needs a reason)")
    if points == 0:
        raise ValidationError("points", "调整分值不能为 0 (points must not be 0)")
    ids = list(dict.fromkeys(int(m) for m in membership_ids))
    if not ids:
        raise ValidationError("membership", "请至少选择一位成员 (choose at least one member)")
    if len(ids) > BULK_ADJUST_MAX:
        raise ValidationError(
            "membership", f"一次最多调整 {BULK_ADJUST_MAX} 人 (at most {BULK_ADJUST_MAX} members at once)"
        )
    day = day or clock.today()
    if day > clock.today():
        raise ValidationError(
            "day", f"调整日期 {day} 还没到 ({day} is after today: date an adjustment today or before)"
        )
    found = {
        mid: (gid, name, deleted)
        for mid, gid, name, deleted in session.execute(
            select(Membership.id, Membership.group_id, Member.display_name, Member.deleted_at)
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.id.in_(ids))
        )
    }
    missing = [m for m in ids if m not in found]
    if missing:
        raise ValidationError("membership", f"membership {missing[0]} not found")
    elsewhere = [found[m][1] for m in ids if found[m][0] != group_id]
    if elsewhere:
        raise ValidationError(
            "membership",
            f"不是本群成员: {'、'.join(elsewhere[:5])} (not members of this group: nothing was adjusted)",
        )
    deleted = [found[m][1] for m in ids if found[m][2] is not None]
    if deleted:
        raise ValidationError(
            "membership", f"已删除的成员: {'、'.join(deleted[:5])} (deleted members: nothing was adjusted)"
        )
    text = reason.strip()

    def entry(mid: int, head: int | None) -> dict:
        return {
            "membership_id": mid,
            "group_id": group_id,
            "day": day,
            "points": points,
            "reason": text,
            "source_kind": "manual",
            "source_id": head,
            "operator_id": actor.id,
        }

    head_id = int(
        session.execute(insert(PointsEntry).values(entry(ids[0], None)).returning(PointsEntry.id)).scalar_one()
    )
    if len(ids) > 1:
        session.execute(insert(PointsEntry), [entry(m, head_id) for m in ids[1:]])
    record_audits(
        session,
        actor.id,
        [
            (
                "points.adjust",
                "membership",
                m,
                {"after": {"points": points, "reason": text, "day": day.isoformat(), "batch": head_id, "of": len(ids)}},
            )
            for m in ids
        ],
    )
    return BatchAdjustment(head_id, tuple(ids), points)


@dataclass(frozen=True)
class AdjustmentBatch:
    """The batch a manual adjustment belongs to (adjustment_batch): its head entry, its entries that stand and the
    names of their members, and how many of it were undone already."""

    head_id: int
    operator_id: int | None
    points: int
    reason: str
    day: date
    open_ids: tuple[int, ...]
    names: tuple[str, ...]  # of the open entries, in the batch's order
    undone: int


def adjustment_batch(session: Session, entry_id: int) -> AdjustmentBatch | None:
    """The batch of a manual adjustment (None: not a manual adjustment, or an undo). A single adjustment is a batch
    of one."""
    e = session.get(PointsEntry, entry_id)
    if e is None or e.source_kind != "manual" or e.reverses_id is not None:
        return None
    head_id = e.source_id if e.source_id is not None else e.id
    head = session.get(PointsEntry, head_id)
    if head is None:
        return None
    reversal = aliased(PointsEntry)
    rows = session.execute(
        select(
            PointsEntry.id,
            Member.display_name,
            select(reversal.id).where(reversal.reverses_id == PointsEntry.id).exists(),
        )
        .join(Membership, Membership.id == PointsEntry.membership_id)
        .join(Member, Member.id == Membership.member_id)
        .where(
            PointsEntry.source_kind == "manual",
            PointsEntry.reverses_id.is_(None),
            or_(PointsEntry.id == head_id, PointsEntry.source_id == head_id),
        )
        .order_by(PointsEntry.id)
    ).all()
    open_rows = [(i, n) for i, n, undone in rows if not undone]
    return AdjustmentBatch(
        head_id,
        head.operator_id,
        head.points,
        head.reason,
        head.day,
        tuple(i for i, _n in open_rows),
        tuple(n for _i, n in open_rows),
        len(rows) - len(open_rows),
    )


def undo_adjustment_batch(session: Session, actor: Actor, entry_id: int) -> int:
    """Take back every entry of the batch `entry_id` belongs to that stands (points given to the wrong list, the
    wrong amount for all): one reversing entry each, as undo_adjustment writes it, in one transaction. Entries of
    the batch undone one by one before are left as they are. Returns how many entries were taken back. Refused, the
    ledger as it was: not a manual adjustment, nothing left to undo, another operator's batch undone by an
    assistant."""
    require(actor, "record_participation")
    e = _manual_entry(session, entry_id)
    head_id = e.source_id if e.source_id is not None else e.id
    members = session.scalars(
        select(PointsEntry.membership_id).where(
            PointsEntry.source_kind == "manual",
            PointsEntry.reverses_id.is_(None),
            or_(PointsEntry.id == head_id, PointsEntry.source_id == head_id),
        )
    ).all()
    # two operators undoing one batch at once: the second waits and finds it undone (no entry reversed twice)
    bulk.lock_rows(session.connection(), "membership", members, mode="write")
    batch = adjustment_batch(session, entry_id)
    if batch is None or not batch.open_ids:
        raise ValidationError("entry", "这条调整已经撤销过了 (this adjustment was already undone)")
    if batch.operator_id != actor.id and not allowed(actor, "edit_point_rules"):
        raise PermissionDenied(
            f"操作员「{actor.name}」({actor.role}) 只能撤销自己的调整, 他人的调整由群主或管理员撤销 "
            "(only an owner or an admin may undo another operator's adjustment)"
        )
    entries = session.scalars(select(PointsEntry).where(PointsEntry.id.in_(batch.open_ids))).all()
    session.execute(
        insert(PointsEntry),
        [
            {
                "membership_id": x.membership_id,
                "group_id": x.group_id,
                "day": x.day,
                "points": -x.points,
                "reason": f"{ADJUSTMENT_UNDONE}: {x.reason}",
                "source_kind": "manual",
                "source_id": None,
                "reverses_id": x.id,
                "operator_id": actor.id,
            }
            for x in entries
        ],
    )
    record_audits(
        session,
        actor.id,
        [
            (
                "points.adjust.undo",
                "membership",
                x.membership_id,
                {"before": {"points": x.points, "reason": x.reason, "batch": head_id}, "after": {"points": 0}},
            )
            for x in entries
        ],
    )
    return len(entries)


SAME_ADJUSTMENT_TWICE = "同一次调整只计一次"  # phrases: ledger.same_adjustment_twice


def fold_batch_duplicates(session: Session, membership_id: int, operator_id: int | None, why: str) -> int:
    """After two records of one person became one membership (a merge): an adjustment given to both in one batch
    (+5 to the meetup's list, where the person stood twice as 张三 and 张三丰) counts once — the later entry of
    each batch is undone, as undo_adjustment writes it, with `why` ("合并成员") and SAME_ADJUSTMENT_TWICE before its
    reason. Two single adjustments are two decisions of the organiser and both stay. Returns the entries undone."""
    reversal = aliased(PointsEntry)
    open_entries = session.execute(
        select(PointsEntry.id, PointsEntry.source_id, PointsEntry.group_id, PointsEntry.day, PointsEntry.points)
        .add_columns(PointsEntry.reason)
        .where(
            PointsEntry.membership_id == membership_id,
            PointsEntry.source_kind == "manual",
            PointsEntry.reverses_id.is_(None),
            ~select(reversal.id).where(reversal.reverses_id == PointsEntry.id).exists(),
        )
        .order_by(PointsEntry.id)
    ).all()
    seen: set[int] = set()
    twice = []
    for eid, source_id, gid, day, pts, reason in open_entries:
        batch = source_id if source_id is not None else eid
        if batch in seen:
            twice.append((eid, gid, day, pts, reason))
        seen.add(batch)
    if twice:
        session.execute(
            insert(PointsEntry),
            [
                {
                    "membership_id": membership_id,
                    "group_id": gid,
                    "day": day,
                    "points": -pts,
                    "reason": f"{why}: {SAME_ADJUSTMENT_TWICE}: {reason}",
                    "source_kind": "manual",
                    "source_id": None,
                    "reverses_id": eid,
                    "operator_id": operator_id,
                }
                for eid, gid, day, pts, reason in twice
            ],
        )
    return len(twice)


def balance(session: Session, membership_id: int, until: date | None = None) -> int:
    q = select(func.coalesce(func.sum(PointsEntry.points), 0)).where(PointsEntry.membership_id == membership_id)
    if until is not None:
        q = q.where(PointsEntry.day <= until)
    return int(session.scalar(q) or 0)


def competition_ranks(points: Sequence[int]) -> list[int]:
    """The rank of each of `points` (sorted highest first) on the workbook's 积分 boards and the paste-ready
    leaderboard text: standard competition ranking, equal points share the rank and the next rank skips as many
    places (10, 10, 8 → 1, 1, 3) — and on the Points page (LeaderRow.rank)."""
    out: list[int] = []
    for i, pts in enumerate(points):
        out.append(out[-1] if i and pts == points[i - 1] else i + 1)
    return out


def top_with_ties(items: Sequence, n: int, points: Callable[[object], int], limit: int) -> list:
    """The first `n` of `items` (sorted highest first) and everyone level with the last of them, at most `limit`:
    a board cut at place n never leaves out someone with as many points as a person on it (the workbook's 积分
    boards; the paste-ready leaderboard text puts many such people on one line: texts.leaderboard_text)."""
    n = max(0, min(n, limit))
    if n == 0 or len(items) <= n:
        return list(items[:n])
    last = points(items[n - 1])
    out = list(items[:n])
    for item in items[n:limit]:
        if points(item) != last:
            break
        out.append(item)
    return out


def level_for(levels: list[tuple[str, int]], points: int) -> str | None:
    """The highest level whose threshold the points reach (levels sorted by threshold ascending)."""
    name = None
    for lvl, threshold in levels:
        if points >= threshold:
            name = lvl
    return name


def group_levels(session: Session, group_id: int, at: date | None = None) -> list[tuple[str, int]]:
    """The group's levels (name, threshold) by threshold; `at`, a day before today: as they stood then (set_levels
    keeps each change from its day: a past month's workbook and leaderboard text name the levels of then)."""
    if at is not None:
        kept = group_rule_at(session, group_id, at, "levels", None)
        if kept is not None:
            return [(str(n), int(v)) for n, v in kept]
    return [
        (n, int(p))
        for n, p in session.execute(
            select(Level.name, Level.min_points).where(Level.group_id == group_id).order_by(Level.min_points)
        )
    ]


def standing_entry(membership_id, start: date | None = None, end: date | None = None):
    """EXISTS: the membership has a ledger entry dated in [start, end] (open ends: none) that stands — neither a
    reversal nor reversed. A membership whose every entry there was taken back with its fact (a check-in logged into
    the wrong group and undone: +1 −1) has none: it is on no board, as if the fact had never been logged; one whose
    entries merely add up to 0 (+10 for a meetup, −10 for an ad) has. (A reversal is dated as the entry it reverses:
    both are in any period or neither.)"""
    entry, reversal = aliased(PointsEntry), aliased(PointsEntry)
    conds = [
        entry.membership_id == membership_id,
        entry.reverses_id.is_(None),
        ~select(reversal.id).where(reversal.reverses_id == entry.id).exists(),
    ]
    if start is not None:
        conds.append(entry.day >= start)
    if end is not None:
        conds.append(entry.day <= end)
    return select(entry.id).where(*conds).exists()


def on_board(session_or_connection, membership_ids, start: date | None, end: date | None) -> set[int]:
    """Of these memberships (each with entries summing to 0 in [start, end]), those with an entry there that stands
    (`standing_entry`): the ones a board lists."""
    ids = sorted(set(membership_ids))
    out: set[int] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        out.update(
            session_or_connection.execute(
                select(Membership.id).where(Membership.id.in_(chunk), standing_entry(Membership.id, start, end))
            ).scalars()
        )
    return out


@dataclass(frozen=True)
class LeaderRow:
    rank: int
    membership_id: int
    display_name: str
    points: int
    level: str | None


def leaderboard(
    session: Session, group_id: int, *, start: date | None = None, end: date | None = None, limit: int | None = 50
) -> list[LeaderRow]:
    """Points per member in [start, end] (all time when both are None), highest first; members with no ledger
    entry in the period and opted-out members are not listed. A member's level goes by their points at the period's
    end with the levels of then (all time: today's balance and levels), as on the workbook's 积分 sheet and in the
    leaderboard text."""
    return _leaderboard(session, group_id, start, end, limit, counted=False)[0]


def leaderboard_with_total(
    session: Session, group_id: int, *, start: date | None = None, end: date | None = None, limit: int | None = 50
) -> tuple[list[LeaderRow], int]:
    """`leaderboard`, and how many members it lists without the limit — counted by the same statement (a window
    count: the whole ranking is sorted then, not only its top; 30–40 ms more for a group of 9,400 members)."""
    return _leaderboard(session, group_id, start, end, limit, counted=True)


def _leaderboard(
    session: Session, group_id: int, start: date | None, end: date | None, limit: int | None, *, counted: bool
) -> tuple[list[LeaderRow], int]:
    shown = (Member.points_opt_out.is_(False), Member.deleted_at.is_(None))
    how_many = func.count().over() if counted else literal(-1)
    if start is None and end is None:
        # All time is each membership's kept balance (models/kept.py: the ledger's sum, kept with every entry; a
        # membership's entries all belong to its group). Summing the group's ledger instead read a million
        # entries for a group of 9,400 members and held the Points page for 3.7 s (issue 13).
        total = Membership.points_balance
        q = (
            select(Membership.id, Member.display_name, total, total, how_many)
            .join(Member, Member.id == Membership.member_id)
            .where(
                Membership.group_id == group_id,
                # an entry that stands; a balance other than 0 has one (read first: the EXISTS is for the zeros)
                or_(Membership.points_balance != 0, standing_entry(Membership.id)),
                *shown,
            )
        )
    else:
        conds = [PointsEntry.group_id == group_id]
        if start is not None:
            conds.append(PointsEntry.day >= start)
        if end is not None:
            conds.append(PointsEntry.day <= end)
        # summed first (the group's month from the covering (group, day, membership, points) index), joined to the
        # names after: joined before, each of the month's 100,000 entries of a large group looked up its
        # membership and member (0.34 s against 0.07 s)
        sums = (
            select(PointsEntry.membership_id, func.sum(PointsEntry.points).label("total"))
            .where(and_(*conds))
            .group_by(PointsEntry.membership_id)
            .subquery()
        )
        total = sums.c.total
        q = (
            select(sums.c.membership_id, Member.display_name, total, Membership.points_balance, how_many)
            .join(Membership, Membership.id == sums.c.membership_id)
            .join(Member, Member.id == Membership.member_id)
            .where(*shown, or_(total != 0, standing_entry(sums.c.membership_id, start, end)))
        )
    # ties in pinyin order, then by membership, as on the workbook's boards and in the leaderboard text: two names of
    # one reading (张三 and 章三, 王芳 and 王芳🌸) were ordered by their characters here and by membership there, so the
    # page listed them the other way round from the workbook and the text (docs/metrics.md "Leaderboards")
    q = q.order_by(total.desc(), Member.pinyin, Membership.id)
    if limit is not None:
        q = q.limit(limit)
    # all time: the level goes by all-time points, the membership's kept balance, not a sum of its ledger per row
    # (200 sums of ~100 entries each held the Points page for 0.6 s on a group of 9,400 members)
    result = session.execute(q).all()
    if end is None:
        levels = group_levels(session, group_id)
        kept = {mid: int(k) for mid, _name, _pts, k, _n in result}
    else:
        # a period's board: the level at its end — the balance on its last day and the levels of then — as the
        # workbook's 积分 sheet and the leaderboard text give it: the page showed October's board with today's
        # level (元老 after a +500 in November) where the workbook and the text said 活跃 (docs/metrics.md)
        levels = group_levels(session, group_id, at=min(end, clock.today()))
        # the kept balance less what came after the end: read from the group's entries after it (the covering
        # (group, day, …) index; none for this month), not a sum of each shown member's whole ledger
        kept = {mid: int(k) for mid, _name, _pts, k, _n in result}
        if kept:
            for mid, later in session.execute(
                select(PointsEntry.membership_id, func.sum(PointsEntry.points))
                .where(
                    PointsEntry.group_id == group_id,
                    PointsEntry.day > end,
                    PointsEntry.membership_id.in_(list(kept)),
                )
                .group_by(PointsEntry.membership_id)
            ):
                kept[mid] -= int(later or 0)
    ranks = competition_ranks([int(pts) for _mid, _name, pts, _kept, _n in result])  # equal points, one rank
    rows = [
        LeaderRow(rank, mid, name, int(pts), level_for(levels, kept[mid]))
        for rank, (mid, name, pts, _kept, _n) in zip(ranks, result, strict=True)
    ]
    if not counted:
        return rows, -1
    return rows, int(result[0][4]) if result else 0


# ---- rules and recomputation ----


@dataclass(frozen=True)
class RuleRow:
    code: str
    label: str
    points: int
    active: bool


def list_rules(session: Session, group_id: int) -> list[RuleRow]:
    return [
        RuleRow(r.code, r.label, r.points, r.active)
        for r in session.scalars(select(PointRule).where(PointRule.group_id == group_id).order_by(PointRule.id))
    ]


def set_rule(
    session: Session, actor: Actor, group_id: int, code: str, *, points: int | None = None, active: bool | None = None
) -> None:
    """Change a rule. Past ledger entries stay as they were; use recompute_preview/apply to re-price them."""
    require(actor, "edit_point_rules")
    rule = session.scalar(select(PointRule).where(PointRule.group_id == group_id, PointRule.code == code))
    if rule is None:
        raise ValidationError("rule", f"未知积分规则 {code!r} (unknown rule)")
    before = {"points": rule.points, "active": rule.active}
    if points is not None:
        _check_sign(code, int(points))
        rule.points = int(points)
    if active is not None:
        rule.active = bool(active)
    record_audit(
        session,
        actor.id,
        "points.rule",
        "group",
        group_id,
        before={code: before},
        after={code: {"points": rule.points, "active": rule.active}},
    )


PENALTY_RULES = frozenset({"violation"})  # rules that take points away; every other rule rewards


def _check_sign(code: str, points: int) -> None:
    """A penalty is 0 or less, a reward 0 or more: the violation rule typed as "10" ("扣 10 分") paid every violator
    +10 with nothing to show it, and a reward typed negative took points from everyone who checked in."""
    if code in PENALTY_RULES and points > 0:
        raise ValidationError(
            "points", f"违规是扣分, 分值应为负数, 如 -{points} (a violation takes points away: enter -{points})"
        )
    if code not in PENALTY_RULES and points < 0:
        raise ValidationError(
            "points",
            "奖励分值不能为负数, 不想给分请填 0 或停用 (a reward cannot be negative: enter 0 or switch it off)",
        )


LEVEL_NAME_MAX = 30  # models.Level.name


def set_levels(session: Session, actor: Actor, group_id: int, levels: list[tuple[str, int]]) -> None:
    """Replace the group's levels: names required, distinct and at most LEVEL_NAME_MAX characters, thresholds
    distinct (any order: they are sorted; a negative threshold is a level for negative balances)."""
    require(actor, "edit_point_rules")
    names = [n.strip() for n, _ in levels]
    thresholds = [int(p) for _, p in levels]
    if not levels or any(not n for n in names):
        raise ValidationError("levels", "等级名称不能为空 (level names are required)")
    if len(set(thresholds)) != len(thresholds):
        raise ValidationError("levels", "等级门槛不能重复 (thresholds must differ)")
    # one name, one level: 活跃 from 30 and 活跃 from 100 put a member who climbed from one to the other among "本月晋级"
    # nowhere (the name did not change) and showed two rows no one could tell apart on the Levels tab
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValidationError("levels", f"等级名称不能重复: {'、'.join(twice)} (level names must differ)")
    # the column holds 30 characters: a longer name was cut by nothing on SQLite and refused by PostgreSQL as a
    # database error on a team server
    too_long = [n for n in names if len(n) > LEVEL_NAME_MAX]
    if too_long:
        raise ValidationError(
            "levels",
            f"等级名称最多 {LEVEL_NAME_MAX} 个字: {too_long[0]} (a level name has at most {LEVEL_NAME_MAX} characters)",
        )
    # the levels before go in the audit row too: they are replaced, and the row held only the new ones (threshold ->
    # name: the thresholds differ, and the log reads "{0: 新人, 100: 活跃} → {0: 新人, 200: 活跃}")
    current = group_levels(session, group_id)
    before = {str(p): n for n, p in current}
    # kept from today: a past month's levels stay those of then (settings.group_rule_at)
    new = sorted(([n, p] for n, p in zip(names, thresholds, strict=True)), key=lambda x: x[1])
    record_rule(session, group_rule_key(group_id, "levels"), [[n, p] for n, p in current], new, group_id=group_id)
    session.execute(Level.__table__.delete().where(Level.group_id == group_id))
    session.execute(
        insert(Level),
        [{"group_id": group_id, "name": n, "min_points": p} for n, p in zip(names, thresholds, strict=True)],
    )
    record_audit(
        session,
        actor.id,
        "points.levels",
        "group",
        group_id,
        before={"levels": before},
        after={"levels": {str(p): n for n, p in sorted(zip(names, thresholds, strict=True), key=lambda x: x[1])}},
    )


def referral_earned(ms=Membership):
    """A condition on the referred Membership (`ms`, Membership or an alias of it): its referrer has earned the
    `referral` points (converted referral, docs/metrics.md "Points"). Earned once per referred membership, when it
    first becomes a member (已入群), and kept when the member later leaves, is removed or blacklisted (it was
    earned), and not earned again when they come back: a membership that is 已入群 now, or that was one and left (a
    join date and a leaving date), or that has a closed spell (a member before, joining again: 入群中 after a join
    notice or a lifted blacklist). Its ledger side is onboarding._award_referral, called on every write that makes
    a referred membership a member. Whether it is paid is `referral_paid_before`: once per referred person."""
    from models import MembershipSpell

    return or_(
        ms.status == "active",
        and_(
            ms.status.in_(("left", "removed", "blacklisted")),
            ms.joined_at.is_not(None),
            ms.left_at.is_not(None),
        ),
        # a former member coming back (入群中 again after a join notice, a blacklist lifted and re-joined): a member
        # in the spell that ended (membership_spell) — recompute took the referral back while they were joining
        select(MembershipSpell.id).where(MembershipSpell.membership_id == ms.id).exists(),
    )


def referral_paid_before(ms=Membership):
    """A condition on the referred Membership (`ms`): the same person, brought by the same referrer, earned that
    referrer the `referral` points with an earlier membership (one joined earlier, or as early and made first) of a
    group the referrer is in — a renewer copied into the next cohort, a person moved to another group, an
    application to the next cohort naming the referrer again. A person referred once pays their referrer once
    (docs/metrics.md "Points: converted referral"); such a membership keeps its referrer (the referral tree, the
    roster) and earns nothing. The ledger side is onboarding._award_referral."""
    first = aliased(Membership)
    ref_there = aliased(Membership)
    return (
        select(first.id)
        .join(ref_there, (ref_there.member_id == first.referrer_id) & (ref_there.group_id == first.group_id))
        .where(
            first.member_id == ms.member_id,
            first.referrer_id == ms.referrer_id,
            first.id != ms.id,
            referral_earned(first),
            first.joined_at.is_not(None),
            or_(
                first.joined_at < ms.joined_at,
                and_(first.joined_at == ms.joined_at, first.id < ms.id),
                ms.joined_at.is_(None),
            ),
        )
        .exists()
    )


@dataclass(frozen=True)
class RecomputeRow:
    membership_id: int
    display_name: str
    current: int  # rule-based points in the ledger now (manual adjustments left out)
    expected: int  # what the current rules give for the recorded facts
    delta: int


def _expected_points(session: Session, group_id: int, membership_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Rule-based points per membership from the facts, with the group's current rules (of `membership_ids` only,
    when given)."""
    from models import Activity, Attendance, CheckIn, Contribution, Group, Leave, Violation

    rules = {r.code: (r.points if r.active else 0) for r in list_rules(session, group_id)}
    out: dict[int, int] = {}
    some = list(membership_ids) if membership_ids is not None else None

    def of(column):  # every membership of the group, or the ones asked for
        return (column.in_(some),) if some is not None else ()

    def add(mid: int, pts: int) -> None:
        if pts:
            out[mid] = out.get(mid, 0) + pts

    count_late = bool(session.scalar(select(Group.late_checkins_count_for_streak).where(Group.id == group_id)))
    days_by_member: dict[int, list[tuple[date, bool]]] = {}
    for mid, day, late in session.execute(
        select(CheckIn.membership_id, CheckIn.day, CheckIn.late).where(
            CheckIn.group_id == group_id, *of(CheckIn.membership_id)
        )
    ):
        add(mid, rules.get("checkin", 0))
        days_by_member.setdefault(mid, []).append((day, late))
    if rules.get("streak7"):
        ranges: dict[int, list[tuple[date, date]]] = {}
        for mid, s, e in session.execute(
            select(Leave.membership_id, Leave.start_day, Leave.end_day).where(
                Leave.membership_id.in_(list(days_by_member))
            )
        ):
            ranges.setdefault(mid, []).append((s, e))
        for mid, entries in days_by_member.items():
            counted = streaks.counted_days(entries, count_late)
            bonus = streaks.bonus_days(counted, streaks.leave_days(ranges.get(mid, ())))
            add(mid, rules["streak7"] * len(bonus))
    for mid, online, role in session.execute(
        select(Attendance.membership_id, Activity.online, Attendance.role)
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(Activity.group_id == group_id, Attendance.status == "attended", *of(Attendance.membership_id))
    ):
        add(mid, rules.get("activity_online" if online else "activity_offline", 0))
        if role in ("host", "speaker"):
            add(mid, rules.get("speaker", 0))
    for (mid,) in session.execute(
        select(Contribution.membership_id).where(
            Contribution.group_id == group_id, Contribution.kind == "share", *of(Contribution.membership_id)
        )
    ):
        add(mid, rules.get("share", 0))
    for (mid,) in session.execute(
        select(Violation.membership_id).where(Violation.group_id == group_id, *of(Violation.membership_id))
    ):
        add(mid, rules.get("violation", 0))
    referrer_ms = aliased(Membership)
    for (ref_mid,) in session.execute(
        select(referrer_ms.id)
        .select_from(Membership)
        .join(referrer_ms, (referrer_ms.member_id == Membership.referrer_id) & (referrer_ms.group_id == group_id))
        .where(Membership.group_id == group_id, referral_earned(), ~referral_paid_before(), *of(referrer_ms.id))
    ):
        add(ref_mid, rules.get("referral", 0))
    return out


def _current_points(session: Session, group_id: int, membership_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Rule-based points per membership in the ledger now: every entry but manual adjustments."""
    q = select(PointsEntry.membership_id, func.sum(PointsEntry.points)).where(
        PointsEntry.group_id == group_id, PointsEntry.source_kind != "manual"
    )
    if membership_ids is not None:
        q = q.where(PointsEntry.membership_id.in_(list(membership_ids)))
    return {mid: int(pts or 0) for mid, pts in session.execute(q.group_by(PointsEntry.membership_id))}


def rules_difference(session: Session, group_id: int, membership_ids: Sequence[int]) -> dict[int, int]:
    """expected − current for each of the memberships (0: its ledger agrees with the current rules)."""
    session.flush()
    expected = _expected_points(session, group_id, membership_ids)
    current = _current_points(session, group_id, membership_ids)
    return {m: expected.get(m, 0) - current.get(m, 0) for m in membership_ids}


@contextmanager
def keeping_agreement(
    session: Session, group_id: int, membership_ids: Sequence[int], operator_id: int | None, day: date
) -> Iterator[None]:
    """Around a write that takes a fact back (undo a check-in, an attendance, a contribution, a violation): a
    membership whose ledger agreed with the current rules before it agrees after it. A reversal takes back an
    entry's face value; after "recompute" a fact's worth is its face value plus its share of the membership's
    'recompute' entry (one per membership, not per fact), so the share stayed behind: check-in 1 → 2 and
    recomputed, an undone check-in took back 1 of its 2 (and a bonus moved by the undo 5 of its 9). The rest is
    taken back here, as a 'recompute' entry dated `day` (the fact's day). A membership that did not agree (a rule
    changed and not recomputed: its facts are worth what they were paid) is left as the reversal leaves it."""
    ids = sorted(set(membership_ids))
    agreed = [m for m, off in rules_difference(session, group_id, ids).items() if off == 0] if ids else []
    yield
    if not agreed:
        return
    rows = [(m, off) for m, off in rules_difference(session, group_id, agreed).items() if off]
    if rows:
        session.execute(
            insert(PointsEntry),
            [
                {
                    "membership_id": m,
                    "group_id": group_id,
                    "day": day,
                    "points": off,
                    "reason": "按当前规则重新计算",
                    "source_kind": "recompute",
                    "source_id": None,
                    "operator_id": operator_id,
                }
                for m, off in rows
            ],
        )


def recompute_preview(session: Session, group_id: int) -> list[RecomputeRow]:
    """What re-pricing every fact with the current rules would change (only rows that differ)."""
    current = _current_points(session, group_id)
    expected = _expected_points(session, group_id)
    ids = [m for m in set(current) | set(expected) if int(current.get(m, 0) or 0) != expected.get(m, 0)]
    names = dict(
        session.execute(
            select(Membership.id, Member.display_name)
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.id.in_(ids))
        ).all()
    )
    rows = [
        RecomputeRow(
            m,
            names.get(m, "?"),
            int(current.get(m, 0) or 0),
            expected.get(m, 0),
            expected.get(m, 0) - int(current.get(m, 0) or 0),
        )
        for m in ids
    ]
    return sorted(rows, key=lambda r: (-abs(r.delta), r.display_name))


def recompute_apply(session: Session, actor: Actor, group_id: int, day: date | None = None) -> int:
    """Append one 'recompute' entry per membership whose points differ (the ledger stays append-only). Returns the
    memberships whose points changed.

    The streak bonuses are settled first as what they are, day by day: with the streak7 rule on, every membership's
    open bonuses are reconciled with its history (checkins.reconcile_streak_bonuses: awards and reversals, the
    memberships marked checked); with it off, the open bonuses are reversed. A lump 'recompute' entry for them was
    paid twice: the rule change (补卡 counted, streak7 switched on) had cleared the memberships' streak marks, so
    the next check-in reconciled the bonus days again and awarded what the lump had already given (+5 twice)."""
    require(actor, "edit_point_rules")
    changed = len(recompute_preview(session, group_id))
    _settle_streak_bonuses(session, actor, group_id)
    rows = recompute_preview(session, group_id)
    if rows:
        session.execute(
            insert(PointsEntry),
            [
                {
                    "membership_id": r.membership_id,
                    "group_id": group_id,
                    "day": day or clock.today(),
                    "points": r.delta,
                    "reason": "按当前规则重新计算",
                    "source_kind": "recompute",
                    "source_id": None,
                    "operator_id": actor.id,
                }
                for r in rows
            ],
        )
    record_audit(session, actor.id, "points.recompute", "group", group_id, after={"memberships": changed})
    return changed


def _settle_streak_bonuses(session: Session, actor: Actor, group_id: int) -> None:
    """recompute_apply's streak part: the open bonus entries of the group made those of the current rules."""
    from desktop.services.checkins import reconcile_streak_bonuses  # checkins imports this module
    from models import Group

    group = session.get(Group, group_id)
    if group is None:
        return
    if rule_points(session, group_id, "streak7"):
        ids = list(session.scalars(select(Membership.id).where(Membership.group_id == group_id)))
        reconcile_streak_bonuses(session, group, ids, actor.id)
        return
    reversal = aliased(PointsEntry)
    open_ids = session.scalars(
        select(PointsEntry.id).where(
            PointsEntry.group_id == group_id,
            PointsEntry.source_kind == "streak",
            PointsEntry.reverses_id.is_(None),
            ~select(reversal.id).where(reversal.reverses_id == PointsEntry.id).exists(),
        )
    ).all()
    for eid in open_ids:
        reverse_entry(session, eid, actor.id, "按当前规则重新计算 (streak rule off)")
