"""Undoing a merge of two people (members.merge_members).

A merge folds the dropped record into the kept one: memberships moved or combined, check-ins moved (one per day),
attendance, leaves, points (streak bonuses reconciled, a referral paid once), spells, chat days, roles, tags, the
dropped record soft-deleted. Two 张伟 who are two people, merged by mistake, were one person for good.

Before the merge, `snapshot` reads every row the merge can touch — both people, their tags and chat aliases, their
memberships and every row of those memberships, the memberships they referred and the referral entries paid for
them — and `merge_members` keeps it in `merge_undo` with a digest of the same rows right after the merge. `undo_merge`
puts the rows back as they were, but only while they are still as the merge left them: a check-in, an edit or a
points entry of either person since then changes the digest, and the undo is refused (naming why) rather than
throwing that later write away. The kept values (points balance, last day) are recomputed from the restored facts;
the audit rows the merge moved to the kept person go back to the dropped one; the undo is audited itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table, and_, delete, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from desktop.errors import NotFound, ValidationError
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, require
from models import (
    Attendance,
    AuditEntry,
    ChatActivity,
    ChatAlias,
    CheckIn,
    Contribution,
    Leave,
    Member,
    Membership,
    MembershipSpell,
    MergeUndo,
    PointsEntry,
    StepProgress,
    TierChange,
    Violation,
    bulk,
    kept,
    member_tag,
    membership_role,
    utcnow,
)

# rows of a membership, child tables of `membership` (restored after it, removed before it)
_MEMBERSHIP_ROWS: tuple[Any, ...] = (
    CheckIn,
    Leave,
    Attendance,
    Contribution,
    Violation,
    StepProgress,
    MembershipSpell,
    ChatActivity,
    membership_role,
    TierChange,
)
# a table added since merges were first kept: a merge recorded before it has no rows of it in its snapshot or digest,
# so the digest leaves it out while it is empty (those merges stay undoable)
_NEWER_TABLES = ("tier_history",)
# not compared: set by the check-in service's reconcile and cleared by triggers as rows come back
_NOT_COMPARED = {"membership": {"streak_checked"}}


def _table(obj: Any) -> Table:
    return obj if isinstance(obj, Table) else obj.__table__


def _encode(table: Table, row: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in table.columns:
        value = row._mapping[column.name]
        if isinstance(value, datetime | date):
            value = value.isoformat()
        out[column.name] = value
    return out


def _decode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in row.items():
        kind = table.c[name].type
        if value is not None and isinstance(kind, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(kind, Date):
            value = date.fromisoformat(value)
        elif value is not None and isinstance(kind, Boolean):
            value = bool(value)
        out[name] = value
    return out


def _key(table: Table, row: dict[str, Any]) -> tuple:
    return tuple(row[c.name] for c in table.primary_key.columns)


def snapshot(
    connection: Connection, member_ids: Iterable[int], membership_ids: Iterable[int]
) -> dict[str, list[dict[str, Any]]]:
    """Every row a merge of these people can touch, by table name, each table's rows in key order."""
    people = sorted(set(member_ids))
    ms = sorted(set(membership_ids))
    out: dict[str, list[dict[str, Any]]] = {}

    def read(obj: Any, where: Any) -> None:
        table = _table(obj)
        rows = [_encode(table, r) for r in connection.execute(select(table).where(where))]
        rows.sort(key=lambda r: _key(table, r))
        out[table.name] = rows

    read(Member, Member.id.in_(people))
    read(member_tag, member_tag.c.member_id.in_(people))
    read(ChatAlias, ChatAlias.member_id.in_(people))
    read(Membership, or_(Membership.id.in_(ms), Membership.referrer_id.in_(people)))
    for obj in _MEMBERSHIP_ROWS:
        read(obj, _table(obj).c.membership_id.in_(ms))
    referral = and_(PointsEntry.source_kind == "referral", PointsEntry.source_id.in_(ms))
    paid = select(PointsEntry.id).where(referral)
    read(
        PointsEntry,
        or_(
            PointsEntry.membership_id.in_(ms),
            referral,
            and_(PointsEntry.source_kind == "reversal", PointsEntry.reverses_id.in_(paid)),
        ),
    )
    return out


def digest(rows: dict[str, list[dict[str, Any]]]) -> str:
    compared = {
        name: [{k: v for k, v in r.items() if k not in _NOT_COMPARED.get(name, ())} for r in table_rows]
        for name, table_rows in rows.items()
        if table_rows or name not in _NEWER_TABLES
    }
    return hashlib.sha256(json.dumps(compared, sort_keys=True, default=str).encode()).hexdigest()


def _tables_in_order() -> list[Table]:
    """The snapshot's tables, parents first (the order rows are put back in; removed in the reverse)."""
    return [
        _table(Member),
        _table(member_tag),
        _table(ChatAlias),
        _table(Membership),
        *(_table(o) for o in _MEMBERSHIP_ROWS),
        _table(PointsEntry),
    ]


def membership_ids_of(connection: Connection, member_ids: Iterable[int]) -> list[int]:
    return list(connection.scalars(select(Membership.id).where(Membership.member_id.in_(sorted(set(member_ids))))))


def keep_record(
    session: Session,
    actor: Actor,
    keep_id: int,
    drop_id: int,
    before: dict[str, list[dict[str, Any]]],
    membership_ids: list[int],
    moved_audit: list[int],
) -> int:
    """After a merge: the record to undo it by — `before` (the snapshot taken first, of `membership_ids`), the
    audit rows of the dropped person the merge gave the kept one, and the digest of the rows as the merge left
    them."""
    session.flush()
    after = snapshot(session.connection(), [keep_id, drop_id], membership_ids)
    record = MergeUndo(
        operator_id=actor.id,
        kept_member_id=keep_id,
        dropped_member_id=drop_id,
        rows=json.dumps({"rows": before, "memberships": membership_ids, "audit": moved_audit}, default=str),
        after_digest=digest(after),
    )
    session.add(record)
    session.flush()
    return record.id


def audit_rows_of(connection: Connection, member_id: int) -> list[int]:
    return list(
        connection.scalars(
            select(AuditEntry.id).where(AuditEntry.entity == "member", AuditEntry.entity_id == member_id)
        )
    )


def last_undoable_merge(session: Session, member_id: int) -> int | None:
    """The newest merge into `member_id` that can still be undone (not undone, nothing changed since), else None:
    what the member's details offer to undo."""
    newest = newest_merge(session, member_id)
    return newest[0] if newest is not None and newest[1] is None else None


def _why_not(session: Session, record: MergeUndo) -> str | None:
    """Why `record`'s merge cannot be undone now (a message), or None when it can."""
    keep_id, drop_id = record.kept_member_id, record.dropped_member_id
    if record.undone_at is not None:
        return "这次合并已经撤销过了 (this merge was undone already)"
    later = session.scalar(
        select(MergeUndo.id).where(
            MergeUndo.id > record.id,
            MergeUndo.undone_at.is_(None),
            or_(
                MergeUndo.kept_member_id.in_([keep_id, drop_id]),
                MergeUndo.dropped_member_id.in_([keep_id, drop_id]),
            ),
        )
    )
    if later is not None:
        return "之后又有一次合并涉及这两人，请先撤销那一次 (a later merge involves them: undo that one first)"
    session.flush()
    current = snapshot(session.connection(), [keep_id, drop_id], json.loads(record.rows)["memberships"])
    if digest(current) != record.after_digest:
        return (
            "合并之后这两人的记录又有了改动（打卡、积分、资料等），无法撤销合并。要分开两人：新增另一人（其原来的资料见操作"
            "记录里这次合并的一行），把属于他的打卡在这里撤销、再为新增的记录登记"
            " (their records changed after the merge — a check-in, points, an edit — so it cannot be undone. To"
            " separate them, add the other person again — the audit log's merge entry shows their former details —"
            " then undo their check-ins here and log them for the new record)"
        )
    return None


def newest_merge(session: Session, member_id: int) -> tuple[int, str | None] | None:
    """The newest merge into `member_id` not undone yet, with why it cannot be undone now (None: it can), or None
    when there is none: the member's details offer its undo, or say why not and what to do instead — a merge that
    could no longer be undone (a check-in logged since) took its Undo button away without a word."""
    merge_id = session.scalar(
        select(MergeUndo.id)
        .where(MergeUndo.kept_member_id == member_id, MergeUndo.undone_at.is_(None))
        .order_by(MergeUndo.merged_at.desc(), MergeUndo.id.desc())
        .limit(1)
    )
    if merge_id is None:
        return None
    record = session.get(MergeUndo, merge_id)
    assert record is not None
    return merge_id, _why_not(session, record)


def undo_merge(session: Session, actor: Actor, merge_id: int) -> tuple[int, int]:
    """Put both people back as they were before merge `merge_id`; returns (kept, dropped) member ids. Refused
    (ValidationError) when it was undone already, when a later merge involves either person, or when any of the
    rows the merge touched changed since."""
    require(actor, "merge_members")
    record = session.get(MergeUndo, merge_id)
    if record is None:
        raise NotFound("merge")
    keep_id, drop_id = record.kept_member_id, record.dropped_member_id
    # as the merge did: a check-in another assistant is adding to either person commits first (and then the rows
    # differ from the merge's, and the undo is refused), or waits for the undo
    bulk.lock_rows(session.connection(), "membership", (keep_id, drop_id), column="member_id")
    why = _why_not(session, record)
    if why is not None:
        raise ValidationError("merge", why)
    kept_data = json.loads(record.rows)
    before: dict[str, list[dict[str, Any]]] = kept_data["rows"]
    connection = session.connection()
    current = snapshot(connection, [keep_id, drop_id], kept_data["memberships"])
    tables = _tables_in_order()
    parents = {"member", "membership"}  # rows with rows of their own: updated in place, never removed and re-added
    removed: dict[str, set[tuple]] = {}
    for table in tables:  # what was not there before, and (rows of no others) what changed: removed, re-added
        was = {_key(table, r): r for r in before.get(table.name, [])}
        removed[table.name] = {
            _key(table, r)
            for r in current.get(table.name, [])
            if _key(table, r) not in was or (table.name not in parents and was[_key(table, r)] != r)
        }
    # a reversal goes with the entry it reverses (points_entry.reverses_id): removed with it, re-added after it
    ledger = removed["points_entry"]
    grew = True
    while grew:
        more = {
            (r["id"],)
            for r in current["points_entry"]
            if r["reverses_id"] is not None and (r["reverses_id"],) in ledger
        }
        grew = not more <= ledger
        ledger |= more
    for table in reversed(tables):  # children first; the newest ledger entries (the reversals) first
        pk = list(table.primary_key.columns)
        for key in sorted(removed[table.name], reverse=True):
            connection.execute(delete(table).where(and_(*(c == v for c, v in zip(pk, key, strict=True)))))
    for table in tables:  # parents first, each table's rows in key order: back as they were
        now = {_key(table, r): r for r in current.get(table.name, [])}
        pk = list(table.primary_key.columns)
        for row in before.get(table.name, []):
            key = _key(table, row)
            values = _decode(table, row)
            if key in now and key not in removed[table.name]:
                if now[key] != row:  # a member or membership the merge changed
                    rest = {k: v for k, v in values.items() if k not in {c.name for c in pk}}
                    where = and_(*(c == v for c, v in zip(pk, key, strict=True)))
                    connection.execute(update(table).where(where).values(**rest))
            else:
                connection.execute(insert(table).values(**values))
    if kept_data["audit"]:
        connection.execute(update(AuditEntry).where(AuditEntry.id.in_(kept_data["audit"])).values(entity_id=drop_id))
    touched = {r["membership_id"] for r in before.get("points_entry", [])}
    touched |= {r["membership_id"] for r in current.get("points_entry", [])}
    touched |= {r["id"] for r in before.get("membership", [])}
    session.expire_all()
    kept.refresh(connection, touched)
    record.undone_at = utcnow()
    record_audit(
        session,
        actor.id,
        "member.unmerge",
        "member",
        keep_id,
        # the person back, by name (an id alone told the Audit dialog's reader nothing)
        after={
            "merge_id": merge_id,
            "restored_member_id": drop_id,
            "display_name": session.scalar(select(Member.display_name).where(Member.id == drop_id)),
        },
    )
    return keep_id, drop_id
