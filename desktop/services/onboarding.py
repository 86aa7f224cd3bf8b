"""The entry process (入群流程, PRODUCT §3.2): editable step lists, recording and undoing steps (the
status moves by itself), rules versions, leaving a group, and the progress matrix.

Status rules: the first recorded step makes an applicant 入群中 (onboarding); when every required live
step is done the member becomes 已入群 (active) with `joined_at`; undoing the step that completed the
process — or any required step of a newcomer admitted as a whole (`admit_completed`) — puts the member back to
入群中. Retired steps keep their records and no longer count. Relaxing the
step list (a required step made optional or retired) makes every newcomer (入群中) who has now done every
required live step a member at that moment (`admit_completed`, named back to the caller); tightening it (a
required step added, or an optional one made required) takes nobody's membership away."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Select, delete, func, insert, select, update
from sqlalchemy.orm import Session, aliased

from desktop.errors import NotFound, ValidationError
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, require
from desktop.services.points import award
from models import (
    AuditEntry,
    EntryStep,
    Group,
    Member,
    Membership,
    MembershipSpell,
    Operator,
    PointsEntry,
    RulesVersion,
    StepProgress,
    bulk,
    utcnow,
)
from models.base import STEP_KINDS
from models.queries.participation import first_participation

# the whys of a referral's reversal (desktop/phrases.py ledger.*): paid to someone no longer the referrer; the
# membership set back to 申请中/入群中 without ever having been a member; moved to a corrected join date
REFERRER_CHANGED = "推荐人变更"
NOT_JOINED = "改回未入群"
ONE_REFERRAL_PER_PERSON = "同一人只计一次推荐"  # a later membership of a person whose earlier one paid the referrer
# (desktop/phrases.py ledger.one_referral_per_person)
JOIN_DATE_CORRECTED = "入群日期更正"


@dataclass(frozen=True)
class StepRow:
    id: int
    position: int
    code: str
    name: str
    kind: str
    required: bool
    retired: bool


def list_steps(session: Session, group_id: int, *, include_retired: bool = False) -> list[StepRow]:
    q = (
        select(EntryStep)
        .where(EntryStep.group_id == group_id)
        .order_by(EntryStep.retired_at.is_not(None), EntryStep.position)
    )
    if not include_retired:
        q = q.where(EntryStep.retired_at.is_(None))
    return [
        StepRow(s.id, s.position, s.code, s.name, s.kind, s.required, s.retired_at is not None)
        for s in session.scalars(q)
    ]


def _step(session: Session, step_id: int) -> EntryStep:
    step = session.get(EntryStep, step_id)
    if step is None:
        raise NotFound(f"entry step {step_id}")
    return step


def _name_key(name: str) -> str:
    return unicodedata.normalize("NFKC", " ".join(name.split())).casefold()


def _refuse_taken_name(
    session: Session, group_id: int, name: str, step_id: int | None = None, *, restoring: bool = False
) -> None:
    """Two live steps of one group under one name (自我介绍 added again, or another step renamed onto it): the
    workbook's 入群进度 kept one column for both — the member's ✓ of the one under the other's empty cell — and
    the welcome asked for 「自我介绍（可选）」 from someone who had introduced themselves. Refused, naming it."""
    key = _name_key(name)
    for sid, other in session.execute(
        select(EntryStep.id, EntryStep.name).where(EntryStep.group_id == group_id, EntryStep.retired_at.is_(None))
    ):
        if sid != step_id and _name_key(other) == key:
            then = (
                "请先给它改名再恢复 (rename it before restoring this one)"
                if restoring
                else "请换一个名字 (choose another name)"
            )
            raise ValidationError("name", f"已有名为「{other}」的步骤, {then} — a step called {other!r} exists already")


def add_step(session: Session, actor: Actor, group_id: int, name: str, kind: str, required: bool = True) -> int:
    require(actor, "edit_entry_steps")
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", "步骤名称不能为空 (step name is required)")
    _refuse_taken_name(session, group_id, name)
    if kind not in STEP_KINDS:
        raise ValidationError("kind", f"未知步骤类型 {kind!r} (unknown kind)")
    pos = (
        session.scalar(select(func.coalesce(func.max(EntryStep.position), -1)).where(EntryStep.group_id == group_id))
        + 1
    )
    n = session.scalar(select(func.count()).select_from(EntryStep).where(EntryStep.group_id == group_id)) or 0
    step = EntryStep(group_id=group_id, position=pos, code=f"custom_{n + 1}", name=name, kind=kind, required=required)
    session.add(step)
    session.flush()
    record_audit(
        session, actor.id, "step.add", "entry_step", step.id, after={"name": name, "kind": kind, "required": required}
    )
    return step.id


@dataclass(frozen=True)
class StepListChange:
    """What a change of the step list did to the people part-way: the newcomers it made members (names)."""

    admitted: tuple[str, ...] = ()


def edit_step(
    session: Session,
    actor: Actor,
    step_id: int,
    *,
    name: str | None = None,
    kind: str | None = None,
    required: bool | None = None,
) -> StepListChange:
    """Rename, change the kind, make required or optional. A required step made optional makes the newcomers
    who have done every other required step members (returned)."""
    require(actor, "edit_entry_steps")
    step = _step(session, step_id)
    before = {"name": step.name, "kind": step.kind, "required": step.required}
    if name is not None:
        if not name.strip():
            raise ValidationError("name", "步骤名称不能为空 (step name is required)")
        if step.retired_at is None:
            _refuse_taken_name(session, step.group_id, name.strip(), step.id)
        step.name = name.strip()
    if kind is not None:
        if kind not in STEP_KINDS:
            raise ValidationError("kind", f"未知步骤类型 {kind!r} (unknown kind)")
        step.kind = kind
    if required is not None:
        step.required = required
    record_audit(
        session,
        actor.id,
        "step.edit",
        "entry_step",
        step_id,
        before=before,
        after={"name": step.name, "kind": step.kind, "required": step.required},
    )
    if before["required"] and not step.required and step.retired_at is None:
        return StepListChange(admit_completed(session, actor, step.group_id))
    return StepListChange()


def move_step(session: Session, actor: Actor, step_id: int, new_index: int) -> None:
    """Put a live step at `new_index` among the live steps (0 = first)."""
    require(actor, "edit_entry_steps")
    step = _step(session, step_id)
    live = [s for s in list_steps(session, step.group_id)]
    ids = [s.id for s in live if s.id != step_id]
    new_index = max(0, min(new_index, len(ids)))
    ids.insert(new_index, step_id)
    # every step renumbered, the retired ones where they stand among the live (restore_step puts one back there):
    # the live alone renumbered, a retired step's old position fell among other steps
    every = [
        sid
        for sid in session.scalars(
            select(EntryStep.id).where(EntryStep.group_id == step.group_id).order_by(EntryStep.position, EntryStep.id)
        )
        if sid != step_id
    ]
    following = ids[new_index + 1] if new_index + 1 < len(ids) else None
    every.insert(every.index(following) if following is not None else len(every), step_id)
    for pos, sid in enumerate(every):
        session.execute(update(EntryStep).where(EntryStep.id == sid).values(position=pos))
    # the order before and after, by name: the row held the new index alone — where the step had been, and what
    # the list read, were not in the log
    names = {s.id: s.name for s in live}
    before = [s.name for s in live]
    after = [names.get(sid, step.name) for sid in ids]
    record_audit(
        session,
        actor.id,
        "step.move",
        "entry_step",
        step_id,
        before={"order": before},
        after={"order": after, "index": new_index},
    )


def retire_step(session: Session, actor: Actor, step_id: int) -> StepListChange:
    """Remove a step from the process; its recorded progress is kept and shown as retired. Retiring a required
    step makes the newcomers who have done every other required step members (returned)."""
    require(actor, "edit_entry_steps")
    step = _step(session, step_id)
    was_live = step.retired_at is None
    step.retired_at = utcnow()
    record_audit(session, actor.id, "step.retire", "entry_step", step_id, before={"name": step.name})
    if was_live and step.required:
        return StepListChange(admit_completed(session, actor, step.group_id))
    return StepListChange()


def would_admit(session: Session, actor: Actor, step_id: int, *, retire: bool = False) -> tuple[str, ...]:
    """Who retiring the step (`retire`) or making it optional would make members now: the change itself run and
    rolled back (a savepoint), so the answer is the rule's own. The window asks with these names before it
    relaxes the list: retiring 门槛费 by mistake admitted every unpaid newcomer at once, and restoring the step
    does not take an admission back."""
    nested = session.begin_nested()
    try:
        change = retire_step(session, actor, step_id) if retire else edit_step(session, actor, step_id, required=False)
        return change.admitted
    finally:
        nested.rollback()


def restore_step(session: Session, actor: Actor, step_id: int) -> None:
    """Bring a retired step back, where it stood among the live steps (before those that came after it): 阅读群规
    retired by mistake and restored at once came back last, after 实名认证 — the welcome listed it last, the funnel
    and the workbook moved it — and nothing said the order had changed."""
    require(actor, "edit_entry_steps")
    step = _step(session, step_id)
    if step.retired_at is None:
        record_audit(session, actor.id, "step.restore", "entry_step", step_id, after={"name": step.name})
        return
    _refuse_taken_name(session, step.group_id, step.name, step.id, restoring=True)
    # a retired step keeps its position among the others (move_step renumbers them all): it is live again there
    step.retired_at = None
    record_audit(session, actor.id, "step.restore", "entry_step", step_id, after={"name": step.name})


# ---- rules versions ----


def current_rules(session: Session, group_id: int) -> RulesVersion | None:
    return session.scalars(
        select(RulesVersion).where(RulesVersion.group_id == group_id).order_by(RulesVersion.version.desc())
    ).first()


def update_rules(session: Session, actor: Actor, group_id: int, text: str) -> int:
    """Save new rules text as the next version (old versions are kept with their dates). Returns the version."""
    require(actor, "edit_groups")
    text = (text or "").strip()
    if not text:
        raise ValidationError("rules", "群规不能为空 (rules text is required)")
    cur = current_rules(session, group_id)
    if cur is not None and cur.text == text:
        return cur.version
    version = (cur.version if cur else 0) + 1
    session.add(RulesVersion(group_id=group_id, version=version, text=text, created_by=actor.id))
    record_audit(session, actor.id, "rules.update", "group", group_id, after={"version": version})
    return version


# ---- recording progress ----


@dataclass(frozen=True)
class StepOutcome:
    status: str  # the membership status after the change
    became_active: bool
    # False: undo_step found the step not recorded (taken back by someone else already), record_step found it
    # recorded (by someone else since the caller read it: its record was only updated)
    changed: bool = True


def _required_done(session: Session, membership_id: int, group_id: int) -> bool:
    missing = session.scalar(
        select(func.count())
        .select_from(EntryStep)
        .where(
            EntryStep.group_id == group_id,
            EntryStep.required.is_(True),
            EntryStep.retired_at.is_(None),
            ~select(StepProgress.id)
            .where(StepProgress.step_id == EntryStep.id, StepProgress.membership_id == membership_id)
            .exists(),
        )
    )
    return missing == 0


def _any_step_recorded(session: Session, membership_id: int) -> bool:
    return (
        session.scalar(select(StepProgress.id).where(StepProgress.membership_id == membership_id).limit(1)) is not None
    )


ADMITTED_REASON = "入群步骤已全部完成 (every required entry step is done)"  # admit_completed's audit reason


def admit_completed(
    session: Session, actor: Actor, group_id: int, membership_ids: Collection[int] | None = None
) -> tuple[str, ...]:
    """Make a member (已入群) every newcomer part-way (入群中) of the group, person not deleted, who has done every
    required live step — after the step list was relaxed, the same rule as recording the last step: joined_at
    is the moment of the change (a join date a chat export gave is kept), the referrer earns the referral. Before,
    they stayed 入群中 with nothing left to do, silently. Returns their names, in pinyin order.

    `membership_ids`: only these (of the group). Every write that gives a newcomer steps other than by recording
    one, or brings one back into the figures, ends here too — a merge that folds two half-done records into one
    complete one, a restore of a person deleted while the list was relaxed, an applications import whose purpose
    answer was the last step missing: each left them 入群中 for good with nothing left to do."""
    from models.queries.participation import of_live_person

    if membership_ids is not None and not membership_ids:
        return ()

    session.flush()
    missing_step = (
        select(EntryStep.id)
        .where(
            EntryStep.group_id == group_id,
            EntryStep.required.is_(True),
            EntryStep.retired_at.is_(None),
            ~select(StepProgress.id)
            .where(StepProgress.step_id == EntryStep.id, StepProgress.membership_id == Membership.id)
            .correlate(EntryStep, Membership)
            .exists(),
        )
        .correlate(Membership)
        .exists()
    )
    rows = session.execute(
        select(Membership.id, Member.display_name)
        .join(Member, Member.id == Membership.member_id)
        .where(
            Membership.group_id == group_id,
            Membership.status == "onboarding",
            of_live_person(),
            ~missing_step,
            *(() if membership_ids is None else (Membership.id.in_(sorted(set(membership_ids))),)),
        )
        .order_by(Member.pinyin, Member.display_name, Membership.id)
    ).all()
    now = utcnow()
    admitted = []
    for mid, name in rows:
        ms = session.get(Membership, mid)
        assert ms is not None
        ms.status = "active"
        after: dict = {"status": "active", "reason": ADMITTED_REASON}
        if ms.joined_at is None:
            ms.joined_at = now
            after["joined_at"] = now.isoformat()  # so undoing a step takes back the date it gave (undo_step)
        _award_referral(session, ms, now, actor)
        record_audit(
            session, actor.id, "membership.active", "membership", mid, before={"status": "onboarding"}, after=after
        )
        admitted.append(name)
    session.flush()
    return tuple(admitted)


def _award_referral(session: Session, ms: Membership, when: datetime, actor: Actor, *, earned: bool = True) -> None:
    """The referrer's `referral` points when a referred membership becomes a member (已入群): once per referred
    membership (points.referral_earned, docs/metrics.md "Points"). A member who comes back (record_join) does not
    pay the referrer again while the first award stands; an award taken back because the joining was undone
    (undo_step) is earned again when the membership becomes a member again. Safe to call on any write that makes
    a referred membership a member or gives a member a referrer.

    The award names the referrer the membership names now: one paid to another person (the referrer corrected in
    the member dialog, or the undo of the edit that set one — 老王 kept the +20 of a newcomer 老李 brought, and 老李
    got nothing) is reversed, and the one named is paid on that entry's day; no referrer any more takes it back.
    `earned` False (a membership not a member now): only an award that was paid moves — none is paid anew.

    A person referred once pays their referrer once (points.referral_paid_before): a membership of someone whose
    earlier membership, referred by the same person, paid that referrer already — a renewer copied (or moved) into
    the next cohort, their application to it naming the referrer again — keeps the referrer and pays nothing (老王
    got +20 when 小李 joined 一期, and +20 again each time 小李 was copied into the next cohort)."""
    from desktop.services.points import referral_paid_before, reverse_entry

    session.flush()
    reversal = aliased(PointsEntry)
    paid = session.execute(
        select(PointsEntry.id, PointsEntry.membership_id, PointsEntry.day)
        .where(
            PointsEntry.source_kind == "referral",
            PointsEntry.source_id == ms.id,
            PointsEntry.reverses_id.is_(None),
            ~select(reversal.id).where(reversal.reverses_id == PointsEntry.id).exists(),
        )
        .order_by(PointsEntry.id)
    ).all()
    referrer_ms = (
        session.scalar(
            select(Membership.id).where(Membership.member_id == ms.referrer_id, Membership.group_id == ms.group_id)
        )
        if ms.referrer_id
        else None
    )
    stands = next((e for e in paid if referrer_ms is not None and e.membership_id == referrer_ms), None)
    for e in paid:
        if e is not stands:
            reverse_entry(session, e.id, actor.id, REFERRER_CHANGED)
    if stands is not None or referrer_ms is None or not (earned or paid):
        return
    if session.scalar(select(Membership.id).where(Membership.id == ms.id, referral_paid_before())):
        return  # paid for this person once already, by an earlier membership
    award(
        session,
        membership_id=referrer_ms,
        group_id=ms.group_id,
        day=paid[0].day if paid else when.date(),
        code="referral",
        source_kind="referral",
        source_id=ms.id,
        reason="推荐入群",
        operator_id=actor.id,
    )
    # this membership joined before one of the person's that was paid (a join recorded with an earlier day than a
    # copy's): it is the person's one referral now, the later one's payment is reversed — as recompute counts
    from desktop.services.points import reverse_source

    session.flush()
    for later in session.scalars(
        select(Membership.id).where(
            Membership.member_id == ms.member_id,
            Membership.referrer_id == ms.referrer_id,
            Membership.id != ms.id,
            referral_paid_before(),
        )
    ).all():
        reverse_source(session, "referral", later, actor.id, ONE_REFERRAL_PER_PERSON)


def follow_join_date(session: Session, ms: Membership, old_joined: datetime | None, actor: Actor) -> None:
    """A join date corrected in the member dialog moves the referral earned by that join with it: the award is dated
    the day the membership became a member, and a newcomer entered as joined on 2 November who had joined on 20
    October kept their referrer's +20 in November — November's points, board and summary, October's without it —
    after the date was put right. The standing award dated the old join day is reversed (入群日期更正) and written
    again, the same points to the same referrer, on the new one; one earned on another day (an earlier spell) stays."""
    if old_joined is None or ms.joined_at is None or ms.joined_at.date() == old_joined.date():
        return
    session.flush()
    closed = select(MembershipSpell.id).where(
        MembershipSpell.membership_id == ms.id, MembershipSpell.joined_at == old_joined
    )
    if session.scalar(closed.limit(1)) is not None:  # a return: the old join is a closed spell's, its award stays there
        return
    reversal = aliased(PointsEntry)
    entries = session.execute(
        select(PointsEntry.id, PointsEntry.membership_id, PointsEntry.points, PointsEntry.reason).where(
            PointsEntry.source_kind == "referral",
            PointsEntry.source_id == ms.id,
            PointsEntry.reverses_id.is_(None),
            PointsEntry.day == old_joined.date(),
            ~select(reversal.id).where(reversal.reverses_id == PointsEntry.id).exists(),
        )
    ).all()
    from desktop.services.points import reverse_entry

    for entry_id, referrer_ms, points, reason in entries:
        reverse_entry(session, entry_id, actor.id, JOIN_DATE_CORRECTED)
        session.execute(
            insert(PointsEntry).values(
                membership_id=referrer_ms,
                group_id=ms.group_id,
                day=ms.joined_at.date(),
                points=points,
                reason=reason,
                source_kind="referral",
                source_id=ms.id,
                operator_id=actor.id,
            )
        )


def keep_closed_spell(session: Session, ms: Membership, back_at: datetime) -> bool:
    """A former member comes back at `back_at`: keep the spell that ended (joined_at, left_at, left_reason) as a
    closed spell (membership_spell, docs/architecture.md "Membership spells") before the membership's own dates
    become the new spell's, so the months they were in keep their figures. Only a spell with its leaving date,
    ended by `back_at` (a join notice older than the leaving, replayed from an earlier export, is no return).
    Returns whether a spell was kept."""
    from desktop.services.roster import GONE_STATUSES  # roster imports this module

    if ms.status not in GONE_STATUSES or ms.left_at is None or back_at < ms.left_at:
        return False
    session.add(
        MembershipSpell(membership_id=ms.id, joined_at=ms.joined_at, left_at=ms.left_at, left_reason=ms.left_reason)
    )
    return True


def record_join(
    session: Session, actor: Actor, membership_id: int, when: datetime, referrer_id: int | None = None
) -> str:
    """The person entered the group chat at `when` (a join notice of a chat export, PRODUCT §3.8): an applicant
    (or a former member coming back) becomes 入群中, or 已入群 at once when no required entry step is left
    for them.

    A returner's steps (decision, docs/metrics.md "Entry process"): a former member back after a spell in the group
    (a closed spell kept) whose entry steps were never recorded — added by hand or imported as a member — was let
    in without them and comes back 已入群; one with a step record comes back where those steps stand: all required
    ones done, 已入群; one missing (a step added to the process since, say), 入群中 with the earlier ones counting.
    Someone who dropped out before ever being in (no leaving date) goes on with the process as before.

    joined_at is that moment; joined_at is that moment; the referrer (a member id) is kept when none was known. A member
    already in is left as is (joined_at filled when missing); a blacklisted person is not let in (returned
    status "blacklisted"), nor is one out since after `when` (the notice is of the spell that ended). Returns the
    status after."""
    require(actor, "record_participation")
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    before = {"status": ms.status, "joined_at": ms.joined_at, "referrer_id": ms.referrer_id}
    if ms.status == "blacklisted":
        return ms.status
    if ms.status in ("left", "removed") and ms.left_at is not None and when < ms.left_at:
        return ms.status  # the join of the spell that ended (an older export): no return, the leaving stands
    if referrer_id is not None and ms.referrer_id is None and referrer_id != ms.member_id:
        ms.referrer_id = referrer_id
    if ms.status in ("active", "onboarding"):
        if ms.joined_at is None:
            ms.joined_at = when
    else:
        returner = keep_closed_spell(session, ms, when)
        ms.status = "onboarding"
        ms.joined_at = when
        ms.left_at = None
        ms.left_reason = None
        session.flush()
        # a returner whose entry steps were never recorded (added by hand, imported as a member) was a member without
        # them: back 已入群 — as 入群中 they were "stalled 20 days" in 预警 after a year in the group
        unrecorded = returner and not _any_step_recorded(session, membership_id)
        if unrecorded or _required_done(session, membership_id, ms.group_id):
            ms.status = "active"
            _award_referral(session, ms, when, actor)
    after = {"status": ms.status, "joined_at": ms.joined_at, "referrer_id": ms.referrer_id}
    if after != before:
        record_audit(session, actor.id, "membership.join", "membership", membership_id, before=before, after=after)
    return ms.status


def record_step(
    session: Session,
    actor: Actor,
    membership_id: int,
    step_id: int,
    *,
    answer: str | None = None,
    amount_cents: int | None = None,
    rules_version: int | None = None,
    when: datetime | None = None,
    recorded_by: int | None = None,
) -> StepOutcome:
    """Record a step (again: its answer, amount or rules version updated). `when` and `recorded_by`: a record put
    back as it was (the onboarding page's Ctrl+Z of a removal) keeps its day and whoever recorded it — put back by
    another operator, the ✓ named them as its recorder; the audit row names who put it back."""
    require(actor, "record_participation")
    # one writer of a member's steps at a time: two assistants ticking the last two required steps at once each saw
    # the other's undone, and the member stayed 入群中 with every step done; the same step ticked twice at once was a
    # unique violation (a traceback)
    bulk.lock_rows(session.connection(), "membership", [membership_id], mode="write")
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    step = _step(session, step_id)
    if step.group_id != ms.group_id:
        raise ValidationError("step", "这个步骤不属于该成员的社群 (step belongs to another group)")
    if step.retired_at is not None:
        raise ValidationError("step", f"步骤「{step.name}」已停用 (step is retired)")
    if ms.status in ("left", "removed", "blacklisted"):
        raise ValidationError("status", "已离开的成员不能记录入群步骤 (member has left the group)")
    if amount_cents is not None and amount_cents < 0:
        raise ValidationError("amount", "金额不能为负 (amount must not be negative)")
    if step.kind == "acknowledge" and rules_version is None:
        cur = current_rules(session, ms.group_id)
        rules_version = cur.version if cur else None
    existing = session.scalar(
        select(StepProgress).where(StepProgress.membership_id == membership_id, StepProgress.step_id == step_id)
    )
    when = when or utcnow()
    if existing is None:
        session.add(
            StepProgress(
                membership_id=membership_id,
                step_id=step_id,
                done_at=when,
                recorded_by=recorded_by or actor.id,
                answer=answer,
                amount_cents=amount_cents,
                rules_version=rules_version,
            )
        )
    else:
        existing.answer = answer if answer is not None else existing.answer
        existing.amount_cents = amount_cents if amount_cents is not None else existing.amount_cents
        existing.rules_version = rules_version if rules_version is not None else existing.rules_version
    if step.code == "purpose" and answer:
        ms.purpose = answer
    if step.kind == "payment" and amount_cents:
        ms.fee_paid_cents = amount_cents
    session.flush()
    before = ms.status
    became_active = False
    if ms.status == "applicant":
        ms.status = "onboarding"
    if ms.status == "onboarding" and _required_done(session, membership_id, ms.group_id):
        ms.status = "active"
        # a chat export may have told when they entered the group chat; a step taken back and recorded again gives
        # back the join date the undo took (_join_taken_back)
        back = None if ms.joined_at else _join_taken_back(session, membership_id, when)
        ms.joined_at = ms.joined_at or back or when
        became_active = True
        _award_referral(session, ms, back or when, actor)
    record_audit(
        session,
        actor.id,
        "step.record",
        "membership",
        membership_id,
        before={"status": before},
        after={"step": step.name, "step_id": step.id, "status": ms.status, "answer": answer},
    )
    return StepOutcome(ms.status, became_active, changed=existing is None)


def edit_step_record(
    session: Session,
    actor: Actor,
    membership_id: int,
    step_id: int,
    *,
    answer: str | None,
    amount_cents: int | None = None,
) -> None:
    """Change what a recorded step holds — the answer (None or blanks clear it) and, for a payment, the
    amount — keeping when and by whom it was recorded. The status does not move."""
    require(actor, "record_participation")
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    step = _step(session, step_id)
    prog = session.scalar(
        select(StepProgress).where(StepProgress.membership_id == membership_id, StepProgress.step_id == step_id)
    )
    if prog is None:
        raise ValidationError("step", f"「{step.name}」还没有记录 (this step is not recorded yet)")
    if amount_cents is not None and amount_cents < 0:
        raise ValidationError("amount", "金额不能为负 (amount must not be negative)")
    answer = (answer or "").strip() or None
    before = {"answer": prog.answer, "amount_cents": prog.amount_cents}
    prog.answer = answer
    if step.kind == "payment" and amount_cents is not None:
        prog.amount_cents = amount_cents
        ms.fee_paid_cents = amount_cents
    if step.code == "purpose":
        ms.purpose = answer
    after = {"answer": prog.answer, "amount_cents": prog.amount_cents}
    if after != before:  # "step.record" as record_step's own re-recording: the step's record changed
        record_audit(
            session,
            actor.id,
            "step.record",
            "membership",
            membership_id,
            before={"step": step.name, **before},
            after={"step": step.name, **after},
        )
    session.flush()


def _status_moves(session: Session, membership_id: int) -> Iterator[tuple[str, dict, dict]]:
    """The membership's audit rows, newest first, as (action, before, after) — those whose summary holds both."""
    rows = session.execute(
        select(AuditEntry.action, AuditEntry.summary)
        .where(AuditEntry.entity == "membership", AuditEntry.entity_id == membership_id)
        .order_by(AuditEntry.id.desc())
    )
    for action, summary in rows:
        try:
            payload = json.loads(summary) if summary else {}
        except ValueError:
            continue
        before = payload.get("before") if isinstance(payload, dict) else None
        after = payload.get("after") if isinstance(payload, dict) else None
        if isinstance(before, dict) and isinstance(after, dict):
            yield action, before, after


def _made_active_by(session: Session, membership_id: int, step: EntryStep) -> tuple[bool, datetime | None]:
    """Whether recording `step` is what last made the membership a member (已入群): its audit trail's latest move to
    已入群 is that step's record — or an admission of the whole record (admit_completed: a relaxed step list, a
    merge, a restore, an import), which every recorded step made; and the join date that move gave, if any. The
    join date alone cannot tell when a chat export's join notice (record_join) had given it before the last step:
    undoing that step then took nothing back — the member stayed 已入群 with a required step missing and the referral
    paid; a step undone after an admission did the same. A step recorded for someone already a member (added or
    imported as one, or a step added to the process since) made nobody a member."""
    for action, before, after in _status_moves(session, membership_id):
        if after.get("status") != "active" or before.get("status") in (None, "active"):
            continue
        if action == "membership.active" and after.get("reason") == ADMITTED_REASON:
            joined = after.get("joined_at")
            return True, datetime.fromisoformat(joined) if isinstance(joined, str) else None
        if action != "step.record":
            return False, None  # made a member some other way (a join, the member dialog)
        if "step_id" in after:
            return after["step_id"] == step.id, None
        return after.get("step") == step.name, None  # rows written before the step's id was kept
    return False, None


def _join_taken_back(session: Session, membership_id: int, when: datetime) -> datetime | None:
    """The join date the latest undo of an admitting step took away (its audit row keeps it), when the membership
    has participated since then and before `when`: a member's step unticked and ticked again in the member panel
    moved their join date from 1 October to today — after their October check-ins, out of October's members, the
    referral moved to November. Taken back and recorded again, the step is a correction: the date comes back.
    None (the join is `when`) when no undo took one, or nothing was done as a member in between."""
    first = first_participation(session, membership_id)
    if first is None or first >= when.date():
        return None
    rows = session.execute(
        select(AuditEntry.summary)
        .where(
            AuditEntry.entity == "membership", AuditEntry.entity_id == membership_id, AuditEntry.action == "step.undo"
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    for (summary,) in rows:
        try:
            joined = json.loads(summary).get("before", {}).get("joined_at")
        except (ValueError, AttributeError):
            return None
        if isinstance(joined, str):
            taken = datetime.fromisoformat(joined)
            return taken if taken.date() <= first and taken <= when else None
    return None


def _was_applicant_before_steps(session: Session, membership_id: int) -> bool:
    """Whether the membership became 入群中 by a step recorded for an applicant (申请中) — so with its last step
    undone it is an applicant again. One added or imported as 入群中 (in the group chat, no step done yet), or set so in
    the member dialog, stays 入群中: every step ticked for the wrong person and undone made such a newcomer 申请中 —
    out of the stalled-newcomer text and the 入群中 filter, as if they had never entered the group chat. Read from the
    membership's audit trail: its latest move into 入群中 from outside the 入群中/已入群 round of steps."""
    for action, before, after in _status_moves(session, membership_id):
        if after.get("status") != "onboarding" or before.get("status") in ("onboarding", "active"):
            continue
        return action == "step.record" and before.get("status") == "applicant"
    return False


def undo_step(session: Session, actor: Actor, membership_id: int, step_id: int) -> StepOutcome:
    require(actor, "record_participation")
    bulk.lock_rows(session.connection(), "membership", [membership_id], mode="write")  # as record_step
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    prog = session.scalar(
        select(StepProgress).where(StepProgress.membership_id == membership_id, StepProgress.step_id == step_id)
    )
    if prog is None:
        return StepOutcome(ms.status, False, changed=False)
    step = _step(session, step_id)
    done_at = prog.done_at
    made, joined_by_admission = (
        (False, None) if ms.status != "active" else _made_active_by(session, membership_id, step)
    )
    completing = ms.status == "active" and (ms.joined_at == done_at or made)
    # what the step put on the membership goes with it (the page's redo records the step again with its answer
    # and amount): the purpose answer and the fee stayed on a record undone — in the workbook and the roster
    if step.code == "purpose" and prog.answer is not None and ms.purpose == prog.answer:
        ms.purpose = None
    if step.kind == "payment" and prog.amount_cents and ms.fee_paid_cents == prog.amount_cents:
        ms.fee_paid_cents = 0
    session.execute(delete(StepProgress).where(StepProgress.id == prog.id))
    session.flush()
    before = ms.status
    taken_join: datetime | None = None
    if completing and not _required_done(session, membership_id, ms.group_id):
        ms.status = "onboarding"
        if ms.joined_at in (done_at, joined_by_admission):  # a join date of its own (the chat's join notice) stays
            taken_join, ms.joined_at = ms.joined_at, None
        _take_back_this_spells_referral(session, ms, actor, "撤销入群步骤")
    if ms.status == "onboarding":
        left = session.scalar(
            select(func.count()).select_from(StepProgress).where(StepProgress.membership_id == membership_id)
        )
        if left == 0 and _was_applicant_before_steps(session, membership_id):
            ms.status = "applicant"
    record_audit(
        session,
        actor.id,
        "step.undo",
        "membership",
        membership_id,
        before={  # the Audit dialog names the step undone, and the join date it took (record_step may give it back)
            "step": step.name,
            "status": before,
            "step_id": step_id,
            **({"joined_at": taken_join} if taken_join is not None else {}),
        },
        after={"status": ms.status, **({"joined_at": None} if taken_join is not None else {})},
    )
    return StepOutcome(ms.status, False)


def _take_back_this_spells_referral(session: Session, ms: Membership, actor: Actor, reason: str) -> None:
    """Reverse the referral this spell's joining paid, when the step that made the membership a member is undone.
    An award of an earlier spell stays (points.referral_earned: earned once, kept after leaving): a member who left
    and came back, made a member again by a step added to the process since, then had that step undone, took the
    referrer's +20 of October with it (the ledger 20 before the step, 0 after its undo), and the step recorded
    again paid it anew in November. An award dated before the last closed spell ended (membership_spell.left_at) is
    that spell's; one dated since is this spell's (a referrer named only now was paid by this join)."""
    from desktop.services.points import _open_entries, reverse_entry

    session.flush()
    ended = session.scalar(select(func.max(MembershipSpell.left_at)).where(MembershipSpell.membership_id == ms.id))
    for entry in session.scalars(_open_entries("referral", ms.id).order_by(PointsEntry.id)).all():
        if ended is None or entry.day >= ended.date():
            reverse_entry(session, entry.id, actor.id, reason)


def leave_group(
    session: Session,
    actor: Actor,
    membership_id: int,
    reason: str,
    *,
    status: str = "left",
    when: datetime | None = None,
) -> None:
    """Mark a membership left / removed / blacklisted; the reason is required and kept. Removing and
    blacklisting need `delete_members`. A blacklisted membership is never marked left (by anyone, also through
    bulk_mark_left): that would lift the blacklist on the side, and the next join would let the person back in;
    a blacklist is lifted explicitly (the member dialog's status, by an owner or admin)."""
    from desktop.services.roster import end_leaves, left_fields

    require(actor, "record_participation" if status == "left" else "delete_members")
    if status not in ("left", "removed", "blacklisted"):
        raise ValidationError("status", f"未知状态 {status!r}")
    if not reason or not reason.strip():
        raise ValidationError("reason", "请填写离开原因 (a reason is required)")
    bulk.lock_rows(session.connection(), "membership", [membership_id], mode="write")  # as update_member
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    if ms.status == "blacklisted" and status == "left":
        name = session.scalar(select(Member.display_name).where(Member.id == ms.member_id))
        raise ValidationError(
            "status",
            f"「{name}」在黑名单中, 不能标记为已退群; 解除黑名单请由群主或管理员在成员资料里修改状态 "
            f"({name!r} is blacklisted and cannot be marked left: an owner or admin lifts a blacklist in the "
            "member's details)",
        )
    before = ms.status
    ms.status = status
    ms.left_at, ms.left_reason = left_fields(
        before,
        status,
        left_at=ms.left_at,
        left_reason=ms.left_reason,
        joined_at=ms.joined_at,
        now=utcnow(),
        when=when,  # none given: an already-left membership keeps the day it left (bulk "mark left" again)
        reason=reason,
    )
    end_leaves(session, membership_id, ms.left_at, actor.id)
    record_audit(
        session,
        actor.id,
        f"membership.{status}",
        "membership",
        membership_id,
        before={"status": before},
        after={"status": status, "reason": reason},
    )


@dataclass(frozen=True)
class Blacklisting:
    """A person's blacklisting in one group, as every way back in names it (an import row, a chat export's join
    notice): the group, since when and why — "「晨读营」2026-10-03 拉黑, 原因 发广告"."""

    member_id: int
    group_id: int
    group: str
    since: date | None
    reason: str | None

    @property
    def said(self) -> str:
        since = f"{self.since:%Y-%m-%d} 拉黑" if self.since else "拉黑"
        why = f", 原因 {self.reason}" if self.reason else ""
        en_since = f" since {self.since:%Y-%m-%d}" if self.since else ""
        en_why = f": {self.reason}" if self.reason else ""
        return f"「{self.group}」{since}{why} (blacklisted in {self.group}{en_since}{en_why})"


def blacklistings(session: Session, member_ids: Collection[int] | None = None) -> dict[int, list[Blacklisting]]:
    """Every blacklisting of these people (None: of everyone — blacklistings are few), by person, in group order.
    A blacklist is kept per group (a membership's status); adding the person anywhere says where they are
    blacklisted, and nothing lifts it but an owner or admin setting another status."""
    q = (
        select(Membership.member_id, Group.id, Group.name, Membership.left_at, Membership.left_reason)
        .join(Group, Group.id == Membership.group_id)
        .where(Membership.status == "blacklisted")
        .order_by(Membership.member_id, Group.id)
    )
    if member_ids is not None:
        ids = list(member_ids)
        if not ids:
            return {}
        q = q.where(Membership.member_id.in_(ids))
    found: dict[int, list[Blacklisting]] = {}
    for mid, gid, gname, left_at, reason in session.execute(q):
        found.setdefault(mid, []).append(Blacklisting(mid, gid, gname, left_at.date() if left_at else None, reason))
    return found


@dataclass(frozen=True)
class DeletedBlacklisting:
    """A blacklisting of a person deleted since (soft delete): their WeChat ID, phone or QQ number still names them,
    so a row, a chain line or a chat sender bearing one is said as a live blacklisted person is — "曾被拉黑: 王五
    (已删除) 「晨读营」2026-10-03 拉黑, 原因 发广告". An organiser blacklists to keep someone out for good; deleting the
    record (to tidy the roster) is no lifting of it (docs/cli.md "blacklisted")."""

    name: str
    entry: Blacklisting

    @property
    def said(self) -> str:
        return f"曾被拉黑: {self.name} (已删除 deleted) {self.entry.said}"


def deleted_blacklistings(session: Session) -> dict[tuple[str, str], list[DeletedBlacklisting]]:
    """The blacklistings of deleted people (not merged into another: a merge keeps the blacklist on the kept person),
    keyed by ("wechat", wechat_key), ("phone", normalised phone) and ("qq", number) — they are few. One mechanism
    for every way in: roster and application imports, a pasted chain, a chat export, the member dialog."""
    from desktop.services.roster import wechat_key  # roster imports this module

    rows = session.execute(
        select(
            Member.display_name,
            Member.wechat_id,
            Member.phone,
            Member.qq,
            Membership.member_id,
            Group.id,
            Group.name,
            Membership.left_at,
            Membership.left_reason,
        )
        .join(Membership, Membership.member_id == Member.id)
        .join(Group, Group.id == Membership.group_id)
        .where(Membership.status == "blacklisted", Member.deleted_at.is_not(None), Member.merged_into_id.is_(None))
        .order_by(Member.id, Group.id)
    ).all()
    found: dict[tuple[str, str], list[DeletedBlacklisting]] = {}
    for name, wechat, phone, qq, mid, gid, gname, left_at, reason in rows:
        entry = DeletedBlacklisting(name, Blacklisting(mid, gid, gname, left_at.date() if left_at else None, reason))
        for key in (
            ("wechat", wechat_key(wechat)) if wechat else None,
            ("phone", phone) if phone else None,
            ("qq", qq) if qq else None,
        ):
            if key is not None:
                found.setdefault(key, []).append(entry)
    return found


def deleted_blacklisted_as(
    found: dict[tuple[str, str], list[DeletedBlacklisting]],
    *,
    wechat: str | None = None,
    phone: str | None = None,
    qq: str | None = None,
) -> list[DeletedBlacklisting]:
    """The deleted blacklisted people (deleted_blacklistings) a WeChat ID, phone or QQ number names, one each."""
    from desktop.services.roster import wechat_key

    out: dict[tuple[int, int], DeletedBlacklisting] = {}
    for key in (
        ("wechat", wechat_key(wechat)) if wechat else None,
        ("phone", phone) if phone else None,
        ("qq", qq) if qq else None,
    ):
        for d in found.get(key, []) if key is not None else []:
            out.setdefault((d.entry.member_id, d.entry.group_id), d)
    return list(out.values())


def blacklisted_in(session: Session, member_id: int) -> list[str]:
    """Groups where this person is blacklisted (re-adding them must warn)."""
    return list(
        session.scalars(
            select(Group.name)
            .join(Membership, Membership.group_id == Group.id)
            .where(Membership.member_id == member_id, Membership.status == "blacklisted")
        )
    )


# ---- progress matrix ----


@dataclass(frozen=True)
class StepDetail:
    done_at: datetime
    operator: str | None
    answer: str | None
    amount_cents: int | None
    rules_version: int | None
    operator_id: int | None = None  # who recorded it (a record put back by Ctrl+Z keeps them: record_step recorded_by)


def step_details_select() -> Select:
    """(membership id, step id, then StepDetail's fields) of recorded steps: add the rows' condition."""
    return select(
        StepProgress.membership_id,
        StepProgress.step_id,
        StepProgress.done_at,
        Operator.name,
        StepProgress.answer,
        StepProgress.amount_cents,
        StepProgress.rules_version,
        StepProgress.recorded_by,
    ).outerjoin(Operator, Operator.id == StepProgress.recorded_by)


@dataclass(frozen=True)
class ProgressRow:
    membership_id: int
    display_name: str
    status: str
    done: dict[int, datetime]  # step id -> done_at
    last_done: datetime | None
    details: dict[int, StepDetail] = field(default_factory=dict)  # step id -> what was recorded


def progress_matrix(
    session: Session,
    group_id: int,
    *,
    statuses: tuple[str, ...] = ("applicant", "onboarding", "active"),
    limit: int | None = None,
    membership_ids: Collection[int] | None = None,
) -> list[ProgressRow]:
    """The group's members with the given statuses (onboarding first, then applicants, by pinyin), each with its
    recorded steps. The steps come from one statement over the group: read in chunks of 900 ids, and again for
    their details, the matrix of a 9,400-member group held the window for 0.8 s (issue 13). `membership_ids`:
    only these rows (the ones a step was just recorded on; a few hundred at most)."""
    q = (
        select(Membership.id, Member.display_name, Membership.status)
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.group_id == group_id, Membership.status.in_(statuses), Member.deleted_at.is_(None))
        .order_by(Membership.status != "onboarding", Membership.status != "applicant", Member.pinyin)
    )
    if membership_ids is not None:
        q = q.where(Membership.id.in_(list(membership_ids)))
    if limit:
        q = q.limit(limit)
    # through the Core connection: the ORM's row loading was a quarter of reading 41,000 recorded steps
    connection = session.connection()
    people = connection.execute(q).all()
    details: dict[int, dict[int, StepDetail]] = {}
    steps = (
        step_details_select()
        .join(Membership, Membership.id == StepProgress.membership_id)
        .where(Membership.group_id == group_id, Membership.status.in_(statuses))
    )
    if limit or membership_ids is not None:  # a few people: their own steps, not the whole group's
        steps = steps.where(StepProgress.membership_id.in_([p[0] for p in people]))
    for mid, sid, at, operator, answer, amount, version, operator_id in connection.execute(steps):
        details.setdefault(mid, {})[sid] = StepDetail(at, operator, answer, amount, version, operator_id)
    rows = []
    for mid, name, status in people:
        recorded = details.get(mid, {})
        done = {sid: d.done_at for sid, d in recorded.items()}
        rows.append(ProgressRow(mid, name, status, done, max(done.values()) if done else None, recorded))
    return rows


def funnel_with_conversion(
    session: Session, group_id: int, since: date | None = None
) -> list[tuple[str, int, float | None]]:
    """(step name, reached, conversion from the previous step) for the live steps in order. The conversion is the
    share of those who reached the previous step who also reached this one — at most 100%. It was this step's
    count over the previous one's, which a reordered list or a skipped optional step made 468% (实名认证 moved to
    the top: 117 answered the purpose question, 25 were verified)."""
    from desktop.health import funnel_steps, reached_both

    out: list[tuple[str, int, float | None]] = []
    prev: tuple[int, int] | None = None
    for sid, name, n in funnel_steps(session, group_id, since):
        conversion = None
        if prev is not None and prev[1]:
            conversion = reached_both(session, prev[0], sid, since) / prev[1]
        out.append((name, n, conversion))
        prev = (sid, n)
    return out


def funnel_overall(session: Session, group_id: int, since: date | None = None) -> float | None:
    """The share of those who reached the first live step who also reached the last (None: nobody reached the
    first, or there are fewer than two steps)."""
    from desktop.health import funnel_steps, reached_both

    steps = funnel_steps(session, group_id, since)
    if len(steps) < 2 or not steps[0][2]:
        return None
    return reached_both(session, steps[0][0], steps[-1][0], since) / steps[0][2]
