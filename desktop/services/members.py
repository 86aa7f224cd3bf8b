"""Roster depth (PRODUCT §3.1): merging two members without losing anything, bulk actions on a
selection, the referral tree and a member's timeline."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desktop.errors import NotFound, ValidationError
from desktop.phrases import Phrase, code_phrase
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, require
from desktop.services.roster import MEMBER_FIELDS, _tags
from models import (
    Activity,
    Attendance,
    AuditEntry,
    ChatActivity,
    ChatAlias,
    CheckIn,
    Contribution,
    EntryStep,
    Leave,
    Member,
    Membership,
    PointsEntry,
    Role,
    StepProgress,
    Tier,
    Violation,
    kept,
    membership_role,
    utcnow,
)

STATUS_RANK = {"blacklisted": 5, "active": 4, "onboarding": 3, "applicant": 2, "left": 1, "removed": 0}


@dataclass(frozen=True)
class MergeSummary:
    kept_member_id: int
    memberships_moved: int
    memberships_merged: int
    checkins_moved: int
    checkins_dropped_as_duplicates: int


def _merge_membership(session: Session, keep: Membership, drop: Membership) -> tuple[int, int]:
    """Fold `drop` into `keep` (same group). Returns (check-ins moved, check-ins that were duplicates)."""
    keep_days = set(session.scalars(select(CheckIn.day).where(CheckIn.membership_id == keep.id)))
    drop_rows = session.execute(select(CheckIn.id, CheckIn.day).where(CheckIn.membership_id == drop.id)).all()
    dup_ids = [cid for cid, d in drop_rows if d in keep_days]
    move_ids = [cid for cid, d in drop_rows if d not in keep_days]
    if dup_ids:
        # the duplicate day's points go with it: reverse them on the kept membership's ledger
        from desktop.services.points import reverse_source

        for cid in dup_ids:
            reverse_source(session, "checkin", cid, None, "合并成员: 同日重复打卡")
            reverse_source(session, "streak", cid, None, "合并成员: 同日重复打卡")
        session.execute(delete(CheckIn).where(CheckIn.id.in_(dup_ids)))
    if move_ids:
        session.execute(update(CheckIn).where(CheckIn.id.in_(move_ids)).values(membership_id=keep.id))
    keep_steps = set(session.scalars(select(StepProgress.step_id).where(StepProgress.membership_id == keep.id)))
    session.execute(
        delete(StepProgress).where(StepProgress.membership_id == drop.id, StepProgress.step_id.in_(keep_steps))
    )
    session.execute(update(StepProgress).where(StepProgress.membership_id == drop.id).values(membership_id=keep.id))
    keep_acts = set(session.scalars(select(Attendance.activity_id).where(Attendance.membership_id == keep.id)))
    session.execute(
        delete(Attendance).where(Attendance.membership_id == drop.id, Attendance.activity_id.in_(keep_acts))
    )
    for table in (Attendance, Contribution, Violation, Leave, PointsEntry):
        session.execute(update(table).where(table.membership_id == drop.id).values(membership_id=keep.id))
    # messages counted for both on one day are added up (the two were one person speaking)
    keep_msgs = dict(
        session.execute(select(ChatActivity.day, ChatActivity.id).where(ChatActivity.membership_id == keep.id)).all()
    )
    for aid, d, n in session.execute(
        select(ChatActivity.id, ChatActivity.day, ChatActivity.messages).where(ChatActivity.membership_id == drop.id)
    ).all():
        if d in keep_msgs:
            session.execute(
                update(ChatActivity).where(ChatActivity.id == keep_msgs[d]).values(messages=ChatActivity.messages + n)
            )
            session.execute(delete(ChatActivity).where(ChatActivity.id == aid))
        else:
            session.execute(update(ChatActivity).where(ChatActivity.id == aid).values(membership_id=keep.id))
    keep_roles = set(
        session.scalars(select(membership_role.c.role_id).where(membership_role.c.membership_id == keep.id))
    )
    for rid in session.scalars(select(membership_role.c.role_id).where(membership_role.c.membership_id == drop.id)):
        if rid not in keep_roles:
            session.execute(membership_role.insert().values(membership_id=keep.id, role_id=rid))
    session.execute(delete(membership_role).where(membership_role.c.membership_id == drop.id))
    # the more advanced status and the earlier join win; blanks are filled, nothing is overwritten
    if STATUS_RANK[drop.status] > STATUS_RANK[keep.status]:
        keep.status = drop.status
    for f in ("joined_at", "applied_at"):
        a, b = getattr(keep, f), getattr(drop, f)
        if b is not None and (a is None or b < a):
            setattr(keep, f, b)
    for f in ("group_nickname", "purpose", "tier_id", "referrer_id", "left_reason"):
        if getattr(keep, f) is None and getattr(drop, f) is not None:
            setattr(keep, f, getattr(drop, f))
    keep.fee_paid_cents = max(keep.fee_paid_cents, drop.fee_paid_cents)
    if keep.status in ("active", "onboarding", "applicant"):
        keep.left_at = None
    session.flush()
    kept.refresh(session.connection(), [keep.id])  # the chat days moved without a trigger (models/kept.py)
    session.delete(drop)
    return len(move_ids), len(dup_ids)


def merge_members(session: Session, actor: Actor, keep_id: int, drop_id: int) -> MergeSummary:
    """Merge person `drop_id` into `keep_id`: memberships, step progress, check-ins (de-duplicated per day),
    attendance, points, referrals, tags and audit history all end up on the kept person. The dropped
    person stays as a soft-deleted row pointing at the kept one (merged_into_id)."""
    require(actor, "merge_members")
    if keep_id == drop_id:
        raise ValidationError("member", "不能与自己合并 (cannot merge a member into itself)")
    keep, drop = session.get(Member, keep_id), session.get(Member, drop_id)
    if keep is None or drop is None:
        raise NotFound("member")
    before = {f: getattr(drop, f) for f in MEMBER_FIELDS}
    moved = merged = ci_moved = ci_dup = 0
    keep_by_group = {ms.group_id: ms for ms in keep.memberships}
    for ms in list(drop.memberships):
        target = keep_by_group.get(ms.group_id)
        if target is None:
            ms.member_id = keep.id
            moved += 1
        else:
            a, b = _merge_membership(session, target, ms)
            ci_moved += a
            ci_dup += b
            merged += 1
    session.flush()
    session.execute(update(Membership).where(Membership.referrer_id == drop.id).values(referrer_id=keep.id))
    session.execute(update(ChatAlias).where(ChatAlias.member_id == drop.id).values(member_id=keep.id))
    session.execute(
        update(Membership)
        .where(Membership.referrer_id == keep.id, Membership.member_id == keep.id)
        .values(referrer_id=None)
    )
    for f in MEMBER_FIELDS:
        if getattr(keep, f) in (None, "", False) and getattr(drop, f) not in (None, "", False):
            setattr(keep, f, getattr(drop, f))
    if keep.phone and not keep.phone_tail:
        keep.phone_tail = keep.phone[-4:]
    keep.tags = _tags(session, [t.name for t in keep.tags] + [t.name for t in drop.tags])
    drop.deleted_at = utcnow()
    drop.merged_into_id = keep.id
    session.execute(
        update(AuditEntry)
        .where(AuditEntry.entity == "member", AuditEntry.entity_id == drop.id)
        .values(entity_id=keep.id)
    )
    record_audit(
        session,
        actor.id,
        "member.merge",
        "member",
        keep.id,
        before={"merged_member_id": drop.id, **before},
        after={"memberships_moved": moved, "memberships_merged": merged, "checkins_dropped": ci_dup},
    )
    return MergeSummary(keep.id, moved, merged, ci_moved, ci_dup)


# ---- bulk actions ----


def _memberships(session: Session, ids: list[int]) -> list[Membership]:
    rows = list(session.scalars(select(Membership).where(Membership.id.in_(ids))))
    if len(rows) != len(set(ids)):
        raise NotFound("membership")
    return rows


def bulk_tag(session: Session, actor: Actor, membership_ids: list[int], tag: str) -> int:
    require(actor, "edit_members")
    (tag_row,) = _tags(session, [tag.strip()]) if tag and tag.strip() else (None,)
    if tag_row is None:
        raise ValidationError("tag", "标签不能为空 (tag is required)")
    n = 0
    for ms in _memberships(session, membership_ids):
        if tag_row not in ms.member.tags:
            ms.member.tags.append(tag_row)
            n += 1
    record_audit(session, actor.id, "bulk.tag", "membership", None, after={"memberships": membership_ids, "tag": tag})
    return n


def bulk_set_tier(session: Session, actor: Actor, membership_ids: list[int], tier: str | None) -> int:
    require(actor, "edit_members")
    tier_id = None
    if tier:
        tier_id = session.scalar(select(Tier.id).where(Tier.name == tier))
        if tier_id is None:
            raise ValidationError("tier", f"未知层级「{tier}」(unknown tier)")
    rows = _memberships(session, membership_ids)
    for ms in rows:
        ms.tier_id = tier_id
    record_audit(
        session, actor.id, "bulk.tier", "membership", None, after={"memberships": membership_ids, "tier": tier}
    )
    return len(rows)


def bulk_add_role(session: Session, actor: Actor, membership_ids: list[int], role: str) -> int:
    require(actor, "edit_members")
    role_row = session.scalar(select(Role).where(Role.name == role))
    if role_row is None:
        raise ValidationError("role", f"未知角色「{role}」(unknown role)")
    n = 0
    for ms in _memberships(session, membership_ids):
        if role_row not in ms.roles:
            ms.roles.append(role_row)
            n += 1
    record_audit(
        session, actor.id, "bulk.role", "membership", None, after={"memberships": membership_ids, "role": role}
    )
    return n


def bulk_copy_to_group(
    session: Session, actor: Actor, membership_ids: list[int], group_id: int, *, move: bool = False
) -> int:
    """Copy (or move) the selected people into another group as members. People already there are skipped.
    Moving marks the old membership 已退群 with the reason, so its history stays where it happened."""
    require(actor, "edit_members")
    n = 0
    for ms in _memberships(session, membership_ids):
        exists = session.scalar(
            select(Membership.id).where(Membership.member_id == ms.member_id, Membership.group_id == group_id)
        )
        if exists is None:
            session.add(
                Membership(
                    member_id=ms.member_id,
                    group_id=group_id,
                    status="active",
                    joined_at=utcnow(),
                    tier_id=ms.tier_id,
                    referrer_id=ms.referrer_id,
                )
            )
            n += 1
        if move and ms.group_id != group_id and ms.status in ("active", "onboarding", "applicant"):
            ms.status, ms.left_at, ms.left_reason = "left", utcnow(), "转到其他社群 (moved to another group)"
    session.flush()
    record_audit(
        session,
        actor.id,
        "bulk.move" if move else "bulk.copy",
        "membership",
        None,
        after={"memberships": membership_ids, "group_id": group_id},
    )
    return n


def bulk_mark_left(session: Session, actor: Actor, membership_ids: list[int], reason: str) -> int:
    from desktop.services.onboarding import leave_group

    for mid in membership_ids:
        leave_group(session, actor, mid, reason)
    return len(membership_ids)


# ---- referral tree ----


@dataclass
class ReferralNode:
    member_id: int
    display_name: str
    children: list[ReferralNode] = field(default_factory=list)
    # a root put at the top because its referrer is among the people it brought in (a referral cycle, which an
    # import's 推荐人 column can write): `cycle_referrer` is that referrer's name
    cycle_referrer: str | None = None

    @property
    def total(self) -> int:
        """Everyone this person brought in, directly or through the people they brought."""
        return sum(1 + c.total for c in self.children)


def referral_tree(session: Session, group_id: int) -> list[ReferralNode]:
    """Who brought whom in a group, as a forest rooted at people nobody in the group referred.
    Only roots with at least one referral are returned, biggest trees first. Everyone with a referral is in it:
    people whose referrers go round in a cycle (A brought B, B brought A) are put under the cycle's member with
    the lowest id, shown as a root with `cycle_referrer` set (they were in no tree, and the tree's totals
    could not count them)."""
    rows = session.execute(
        select(Membership.member_id, Member.display_name, Membership.referrer_id)
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.group_id == group_id, Member.deleted_at.is_(None))
    ).all()
    nodes = {mid: ReferralNode(mid, name) for mid, name, _ in rows}
    referrer_of = {mid: ref for mid, _, ref in rows}
    names = dict(
        session.execute(
            select(Member.id, Member.display_name).where(Member.id.in_({r for r in referrer_of.values() if r}))
        ).all()
    )
    for ref in referrer_of.values():
        if ref is not None and ref not in nodes:
            nodes[ref] = ReferralNode(ref, names.get(ref, "?"))  # a referrer outside the group is still a root
    roots = []
    for mid, node in nodes.items():
        ref = referrer_of.get(mid)
        if ref is not None and ref != mid:
            nodes[ref].children.append(node)
        else:
            roots.append(node)
    reached: set[int] = set()
    _reach(roots, reached)
    for mid in sorted(nodes):  # people no root reaches: a referral cycle, and everyone brought in below it
        if mid in reached:
            continue
        on_path: list[int] = []
        while mid not in on_path:  # up the referrers until one comes round again: that one is on the cycle
            on_path.append(mid)
            mid = referrer_of[mid]
        head = min(on_path[on_path.index(mid) :])  # the cycle is broken at its lowest member id (stable)
        ref = referrer_of[head]
        nodes[ref].children.remove(nodes[head])
        nodes[head].cycle_referrer = nodes[ref].display_name
        roots.append(nodes[head])
        _reach([nodes[head]], reached)
    for node in nodes.values():
        node.children.sort(key=lambda n: (-n.total, n.display_name))
    return sorted((r for r in roots if r.children), key=lambda n: (-n.total, n.display_name))


def _reach(roots: list[ReferralNode], reached: set[int]) -> None:
    """Add to `reached` everyone in the trees under `roots`."""
    stack = list(roots)
    while stack:
        node = stack.pop()
        reached.add(node.member_id)
        stack.extend(node.children)


# ---- timeline ----


@dataclass(frozen=True)
class TimelineEvent:
    when: datetime
    kind: str  # step | checkin | activity | points | violation | contribution | leave | note | joined | left
    #          | messages (chat history) | application (an earlier survey submission)
    text: Phrase  # Chinese as a str; the window shows it in its language (desktop/phrases.py)


def member_timeline(session: Session, membership_id: int, limit: int = 500) -> list[TimelineEvent]:
    """Everything that happened to a membership, newest first. The two kinds that grow by the day — check-ins and
    chat days — are the latest `limit` of each; every other event is always there. (The whole list was cut at
    `limit`: after two years of check-ins a member's joining, entry steps and first activities fell off it.)"""
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    ev: list[TimelineEvent] = []

    def at(d: date | datetime) -> datetime:
        return d if isinstance(d, datetime) else datetime(d.year, d.month, d.day)

    if ms.applied_at:
        ev.append(TimelineEvent(ms.applied_at, "joined", Phrase("timeline.applied")))
    if ms.joined_at:
        ev.append(TimelineEvent(ms.joined_at, "joined", Phrase("timeline.joined")))
    if ms.left_at:
        left = Phrase("timeline.left_reason", reason=ms.left_reason) if ms.left_reason else Phrase("timeline.left")
        ev.append(TimelineEvent(ms.left_at, "left", left))
    for name, done, answer in session.execute(
        select(EntryStep.name, StepProgress.done_at, StepProgress.answer)
        .join(EntryStep, EntryStep.id == StepProgress.step_id)
        .where(StepProgress.membership_id == membership_id)
    ):
        text = (
            Phrase("timeline.step_answer", step=name, answer=answer) if answer else Phrase("timeline.step", step=name)
        )
        ev.append(TimelineEvent(done, "step", text))
    for d, late in session.execute(
        select(CheckIn.day, CheckIn.late)
        .where(CheckIn.membership_id == membership_id)
        .order_by(CheckIn.day.desc())
        .limit(limit)
    ):
        ev.append(TimelineEvent(at(d), "checkin", Phrase("timeline.checkin_late" if late else "timeline.checkin")))
    for title, starts, status in session.execute(
        select(Activity.title, Activity.starts_at, Attendance.status)
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(Attendance.membership_id == membership_id)
    ):
        status_text = code_phrase("attendance", status)
        ev.append(TimelineEvent(starts, "activity", Phrase("timeline.activity", title=title, status=status_text)))
    for d, pts, reason in session.execute(
        select(PointsEntry.day, PointsEntry.points, PointsEntry.reason).where(
            PointsEntry.membership_id == membership_id, PointsEntry.source_kind.in_(("manual", "referral"))
        )
    ):
        ev.append(TimelineEvent(at(d), "points", Phrase("timeline.points", points=pts, reason=reason)))
    for d, kind, title in session.execute(
        select(Contribution.day, Contribution.kind, Contribution.title).where(
            Contribution.membership_id == membership_id
        )
    ):
        kind_text = code_phrase("contribution", kind)
        text = (
            Phrase("timeline.contribution_title", kind=kind_text, title=title)
            if title
            else Phrase("timeline.contribution", kind=kind_text)
        )
        ev.append(TimelineEvent(at(d), "contribution", text))
    for d, kind, action, note in session.execute(
        select(Violation.day, Violation.kind, Violation.action, Violation.note).where(
            Violation.membership_id == membership_id
        )
    ):
        parts = {"kind": code_phrase("violation", kind), "action": code_phrase("action", action)}
        text = Phrase("timeline.violation_note", **parts, note=note) if note else Phrase("timeline.violation", **parts)
        ev.append(TimelineEvent(at(d), "violation", text))
    for s, e, reason in session.execute(
        select(Leave.start_day, Leave.end_day, Leave.reason).where(Leave.membership_id == membership_id)
    ):
        text = (
            Phrase("timeline.leave_reason", start=s, end=e, reason=reason)
            if reason
            else Phrase("timeline.leave", start=s, end=e)
        )
        ev.append(TimelineEvent(at(s), "leave", text))
    for d, n in session.execute(
        select(ChatActivity.day, ChatActivity.messages)
        .where(ChatActivity.membership_id == membership_id)
        .order_by(ChatActivity.day.desc())
        .limit(limit)
    ):
        ev.append(TimelineEvent(at(d), "messages", Phrase("timeline.messages", count=n)))
    ev += _earlier_submissions(session, ms.member_id)
    ev.sort(key=lambda e: e.when, reverse=True)
    return ev


def _earlier_submissions(session: Session, member_id: int) -> list[TimelineEvent]:
    """Survey submissions an applications import merged into a later one (kept in its audit row)."""
    out: list[TimelineEvent] = []
    for (summary,) in session.execute(
        select(AuditEntry.summary).where(
            AuditEntry.entity == "member",
            AuditEntry.entity_id == member_id,
            AuditEntry.action.in_(("member.add", "member.update")),
            AuditEntry.summary.like('%"submissions"%'),
        )
    ):
        try:
            submissions = json.loads(summary or "{}").get("submissions") or []
        except ValueError:
            continue
        for sub in submissions:
            when = sub.get("submitted_at")
            try:
                stamp = datetime.fromisoformat(when) if when else None
            except ValueError:
                stamp = None
            if stamp is None:
                continue
            answers = "; ".join(f"{q}: {a}" for q, a in (sub.get("answers") or {}).items())
            purpose = sub.get("purpose")
            details = (purpose or "") + (f" ({answers})" if answers and purpose else answers)
            text = (
                Phrase("timeline.application_details", details=details) if details else Phrase("timeline.application")
            )
            out.append(TimelineEvent(stamp, "application", text))
    return out
