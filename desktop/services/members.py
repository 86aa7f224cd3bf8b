"""Roster depth (PRODUCT §3.1): merging two members without losing anything, bulk actions on a
selection, the referral tree and a member's timeline."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, delete, select, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.attributes import set_committed_value

from desktop.errors import NotFound, ValidationError, memberships_gone
from desktop.phrases import Phrase, code_phrase, ledger_reason
from desktop.services import merge_undo
from desktop.services.audit import record_audit
from desktop.services.checkins import reconcile_streak_bonus
from desktop.services.onboarding import admit_completed
from desktop.services.operators import Actor, require
from desktop.services.points import (
    award,
    fold_batch_duplicates,
    referral_paid_before,
    reverse_entry,
    reverse_source,
)
from desktop.services.roster import (
    MEMBER_FIELDS,
    _tags,
    earn_referral,
    end_leaves,
    leaves_of,
    left_fields,
    wechat_key,
)
from models import (
    Activity,
    Attendance,
    AuditEntry,
    ChatActivity,
    ChatAlias,
    CheckIn,
    Contribution,
    EntryStep,
    Group,
    Leave,
    Member,
    Membership,
    MembershipSpell,
    PointsEntry,
    Role,
    StepProgress,
    Tier,
    Violation,
    bulk,
    kept,
    membership_role,
    utcnow,
)
from models.base import ENDED_STATUSES
from models.tier_history import TierChange

# the status a combined membership takes (PRODUCT §3.1): a blacklisting always stands; otherwise a live membership
# (已入群 > 入群中 > 已申请) beats an ended one, and of two ended ones the stricter (removed over left)
STATUS_RANK = {"blacklisted": 5, "active": 4, "onboarding": 3, "applicant": 2, "removed": 1, "left": 0}
# the attendance kept when both records have one for the same activity: "attended" (the person was there), then
# the outcome that says most — "excused" (they sent word), "absent" — and last "registered", the sign-up alone,
# which every outcome implies. Of two rows with the same status the bigger role (host > speaker > attendee).
ATTENDANCE_RANK = {"attended": 3, "excused": 2, "absent": 1, "registered": 0}
ROLE_RANK = {"host": 2, "speaker": 1, "attendee": 0}
MERGE_REASON = "合并成员"


@dataclass(frozen=True)
class MergeSummary:
    kept_member_id: int
    memberships_moved: int
    memberships_merged: int
    checkins_moved: int
    checkins_dropped_as_duplicates: int
    merge_id: int | None = None  # undo it with merge_undo.undo_merge while nothing changed since
    became_members: tuple[str, ...] = ()  # groups where the combined record has done every required step: 已入群 now


@dataclass
class _Folded:
    """What folding one membership into another did: check-ins moved and dropped, lines for the kept person's
    note (answers the kept record had its own of), and what the audit row keeps of the dropped membership."""

    checkins_moved: int = 0
    checkins_dropped: int = 0
    notes: list[str] = field(default_factory=list)
    history: dict = field(default_factory=dict)


def _fold_checkins(session: Session, keep: Membership, drop: Membership, operator_id: int | None) -> tuple[int, int]:
    """Check-ins: one per day. A day both records have keeps one row, whole (its time, source and 补卡 flag
    together) — the one that says most: on time over a 补卡 (the person did check in on time), then a row with
    the time the member posted over one without (a paste's 06:30 over the quick box's bare tick: the time is what
    an 早起营 reads, and it was thrown away with the other row), then the kept record's. The other row's points are
    reversed (the audit row of the merge counts it; the undo gives it back)."""
    keep_rows = {
        d: (cid, late, at)
        for cid, d, late, at in session.execute(
            select(CheckIn.id, CheckIn.day, CheckIn.late, CheckIn.checked_at).where(CheckIn.membership_id == keep.id)
        )
    }
    losers: list[int] = []
    move_ids: list[int] = []
    for cid, d, late, at in session.execute(
        select(CheckIn.id, CheckIn.day, CheckIn.late, CheckIn.checked_at).where(CheckIn.membership_id == drop.id)
    ).all():
        if d not in keep_rows:
            move_ids.append(cid)
            continue
        keep_id, keep_late, keep_at = keep_rows[d]
        if (keep_late, keep_at is None) > (late, at is None):  # the other row says more: it stays
            losers.append(keep_id)
            move_ids.append(cid)
        else:
            losers.append(cid)
    for cid in losers:  # the duplicate day's points go with it
        reverse_source(session, "checkin", cid, operator_id, f"{MERGE_REASON}: 同日重复打卡")
        reverse_source(session, "streak", cid, operator_id, f"{MERGE_REASON}: 同日重复打卡")
    if losers:
        session.execute(delete(CheckIn).where(CheckIn.id.in_(losers)))
    if move_ids:
        session.execute(update(CheckIn).where(CheckIn.id.in_(move_ids)).values(membership_id=keep.id))
    return len(move_ids), len(losers)


def _fold_steps(session: Session, keep: Membership, drop: Membership, group_name: str) -> list[str]:
    """Entry steps: a step only the dropped record did moves; a step both did keeps the kept record's row, its
    blanks (answer, amount, rules version) filled from the other. An answer or amount the kept row has its own of
    is returned as a line for the person's note: nothing the member said is lost."""
    keep_steps = {
        sp.step_id: sp for sp in session.scalars(select(StepProgress).where(StepProgress.membership_id == keep.id))
    }
    drop_steps = list(session.scalars(select(StepProgress).where(StepProgress.membership_id == drop.id)))
    names = dict(
        session.execute(
            select(EntryStep.id, EntryStep.name).where(EntryStep.id.in_([sp.step_id for sp in drop_steps]))
        ).all()
    )
    notes: list[str] = []
    for sp in drop_steps:
        k = keep_steps.get(sp.step_id)
        if k is None:
            sp.membership_id = keep.id
            continue
        step = names.get(sp.step_id, "?")
        answer = (sp.answer or "").strip()
        if answer and not (k.answer or "").strip():
            k.answer = sp.answer
        elif answer and answer != (k.answer or "").strip():
            notes.append(f"合并前另一条记录的回答 (answer of the merged record) {group_name}「{step}」: {answer}")
        if sp.amount_cents is not None and k.amount_cents is None:
            k.amount_cents = sp.amount_cents
        elif sp.amount_cents is not None and sp.amount_cents != k.amount_cents:
            notes.append(
                f"合并前另一条记录的金额 (amount of the merged record) {group_name}「{step}」:"
                f" {sp.amount_cents / 100:.2f}"
            )
        if k.rules_version is None:
            k.rules_version = sp.rules_version
        session.delete(sp)
    session.flush()
    return notes


def _fold_attendance(session: Session, keep: Membership, drop: Membership, operator_id: int | None) -> list:
    """Attendance: of two rows for one activity the better one stays (ATTENDANCE_RANK, then ROLE_RANK; a tie: the
    kept record's) with its points; the other row's points are reversed and the row removed. Returns the
    (activity, status, role) of the rows removed."""
    rows: dict[int, list[Attendance]] = {}
    for att in session.scalars(select(Attendance).where(Attendance.membership_id.in_([keep.id, drop.id]))):
        rows.setdefault(att.activity_id, []).append(att)
    removed = []
    for atts in rows.values():
        if len(atts) < 2:
            continue
        atts.sort(
            key=lambda a: (-ATTENDANCE_RANK.get(a.status, 0), -ROLE_RANK.get(a.role, 0), a.membership_id != keep.id)
        )
        for loser in atts[1:]:
            reverse_source(session, "attendance", loser.id, operator_id, f"{MERGE_REASON}: 同一活动的另一条出勤")
            removed.append((loser.activity_id, loser.status, loser.role))
            session.delete(loser)
    session.flush()  # the losing rows go before the winners move (one row per activity and membership)
    return removed


def _fold_leaves(session: Session, keep: Membership, drop: Membership) -> None:
    """Leaves: the union of both records' leave days, as ranges that do not overlap (record_leave's rule: a day
    on leave counts once). Overlapping ranges become one — the kept record's row, stretched — with both reasons."""
    leaves = sorted(
        session.scalars(select(Leave).where(Leave.membership_id.in_([keep.id, drop.id]))),
        key=lambda lv: (lv.start_day, lv.membership_id != keep.id, lv.id),
    )
    clusters: list[list[Leave]] = []
    end: date | None = None
    for lv in leaves:
        if clusters and end is not None and lv.start_day <= end:
            clusters[-1].append(lv)
            end = max(end, lv.end_day)
        else:
            clusters.append([lv])
            end = lv.end_day
    for cluster in clusters:
        survivor = next((lv for lv in cluster if lv.membership_id == keep.id), cluster[0])
        survivor.membership_id = keep.id
        if len(cluster) == 1:
            continue
        survivor.start_day = min(lv.start_day for lv in cluster)
        survivor.end_day = max(lv.end_day for lv in cluster)
        reasons = [r for r in dict.fromkeys((lv.reason or "").strip() for lv in cluster) if r]
        survivor.reason = "; ".join(reasons) or None
        for lv in cluster:
            if lv is not survivor:
                session.delete(lv)
    session.flush()


def _fold_status(session: Session, keep: Membership, drop: Membership) -> None:
    """The combined membership's status and dates (STATUS_RANK; a tie: the kept record's):
    * the earlier joined_at and applied_at;
    * a live status (已入群, 入群中, 已申请) has no left_at and no left_reason (the dropped record's are in the
      merge's audit row);
    * an ended status (已退群, 已移出, 黑名单) takes left_at and left_reason of the record that has it — a blacklisting
      keeps its date and reason, whichever record it was on (blanks filled from the other record when both have
      that status); left_at is not before joined_at (as leave_group: the earlier join may be the other record's)."""
    for earlier, later in ((keep, drop), (drop, keep)):
        if (
            earlier.status in ("left", "removed")
            and earlier.left_at is not None
            and (
                (later.joined_at is not None and later.joined_at >= earlier.left_at)
                # or the other record is someone applying again, not in the group yet (a former member's new form)
                or (later.joined_at is None and later.status in ("applicant", "onboarding"))
            )
        ):
            # Two spells: one record ended (已退群 / 已移出) before the other began — the person left and came back,
            # and was added again instead of brought back. The earlier record is a closed spell of the combined
            # membership (as onboarding.keep_closed_spell keeps it on a return); the later one is its current spell.
            # Folded as one spell from the earlier join, the months between lost their leaving and their join, and
            # March's workbook, exported again, counted as a member someone who had left on 20 March.
            session.add(
                MembershipSpell(
                    membership_id=keep.id,
                    joined_at=earlier.joined_at,
                    left_at=earlier.left_at,
                    left_reason=earlier.left_reason,
                )
            )
            applied = [d for d in (keep.applied_at, drop.applied_at) if d is not None]
            keep.status, keep.joined_at = later.status, later.joined_at
            keep.left_at, keep.left_reason = later.left_at, later.left_reason
            keep.applied_at = min(applied, default=None)
            return
    winner = drop if STATUS_RANK[drop.status] > STATUS_RANK[keep.status] else keep
    other = keep if winner is drop else drop
    status, left_at, left_reason = winner.status, winner.left_at, winner.left_reason
    if status in ENDED_STATUSES and other.status == status:
        left_at = left_at or other.left_at
        left_reason = left_reason or other.left_reason
    for f in ("joined_at", "applied_at"):
        a, b = getattr(keep, f), getattr(drop, f)
        if b is not None and (a is None or b < a):
            setattr(keep, f, b)
    keep.status = status
    if status in ENDED_STATUSES:
        if left_at is not None and keep.joined_at is not None and left_at < keep.joined_at:
            left_at = keep.joined_at
        keep.left_at, keep.left_reason = left_at, left_reason
    else:
        keep.left_at, keep.left_reason = None, None


def _merge_membership(
    session: Session, keep: Membership, drop: Membership, operator_id: int | None = None, group_name: str = ""
) -> _Folded:
    """Fold `drop` into `keep` (same group): check-ins (one per day), entry steps, attendance (one per activity),
    leaves (their union), contributions, violations, points, earlier spells (membership_spell), chat days, roles,
    then the status fields; the kept membership's streak bonuses are reconciled with its combined days (the
    check-in service's rule) and its kept values refreshed. The ledger stays append-only: what a removed duplicate earned is reversed."""
    out = _Folded()
    out.history = {
        f: getattr(drop, f)
        for f in (
            "status",
            "joined_at",
            "applied_at",
            "left_at",
            "left_reason",
            "group_nickname",
            "purpose",
            "tier_id",
            "referrer_id",
            "fee_paid_cents",
        )
    }
    out.history["membership_id"] = drop.id
    out.checkins_moved, out.checkins_dropped = _fold_checkins(session, keep, drop, operator_id)
    out.notes += _fold_steps(session, keep, drop, group_name)
    removed = _fold_attendance(session, keep, drop, operator_id)
    if removed:
        out.history["attendance_removed"] = removed
    _fold_leaves(session, keep, drop)
    # the dropped record's earlier, closed spells (a member who left and came back) are the kept one's now
    for table in (Attendance, Contribution, Violation, PointsEntry, MembershipSpell):
        session.execute(update(table).where(table.membership_id == drop.id).values(membership_id=keep.id))
    # one batch adjustment given to both records (+5 to the meetup's list naming the person twice) counts once
    fold_batch_duplicates(session, keep.id, operator_id, MERGE_REASON)
    # the union of the leaves now covers the other record's places: an absence on a leave day is excused, as
    # when the leave is recorded after the list was marked (record_leave → excuse_absences)
    from desktop.services.participation import excuse_absences  # participation reads leave through checkins

    for lv_start, lv_end in session.execute(
        select(Leave.start_day, Leave.end_day).where(Leave.membership_id == keep.id)
    ).all():
        excuse_absences(session, operator_id, keep.id, lv_start, lv_end)
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
    _fold_status(session, keep, drop)
    # blanks are filled, nothing is overwritten (the dropped record's values are in the audit row); the two records
    # are one person: neither can be the other's referrer
    if keep.referrer_id == drop.member_id:
        keep.referrer_id = None
    if drop.referrer_id == keep.member_id:
        drop.referrer_id = None
    if keep.tier_id is not None and drop.tier_id is not None and keep.tier_id != drop.tier_id:
        # the kept record's tier stays; the other's (中咖 on the dropped record, 核心 on the kept one) went without a
        # word — in the note, as a different answer is, so the organiser sees the person had another
        tier = session.get(Tier, drop.tier_id)
        out.notes.append(
            f"合并前另一条记录的层级 (tier of the merged record) {group_name}: {tier.name if tier else '?'}"
        )
    if keep.tier_id is None and drop.tier_id is not None:
        # the person's tier is the other record's, with its history (models/tier_history.py): not a change of
        # today — 核心 since November on the other record reads 核心 in November's structure after the merge too
        session.execute(delete(TierChange).where(TierChange.membership_id == keep.id))
        session.execute(update(TierChange).where(TierChange.membership_id == drop.id).values(membership_id=keep.id))
        session.execute(update(Membership).where(Membership.id == keep.id).values(tier_id=drop.tier_id))
        set_committed_value(keep, "tier_id", drop.tier_id)
    for f in ("group_nickname", "purpose", "tier_id", "referrer_id"):
        if getattr(keep, f) is None and getattr(drop, f) is not None:
            setattr(keep, f, getattr(drop, f))
    drop_purpose = (drop.purpose or "").strip()
    if drop_purpose and drop_purpose != (keep.purpose or "").strip():
        line = f"合并前另一条记录的回答 (answer of the merged record) {group_name}「入群目的」: {drop_purpose}"
        if not any(n.endswith(f": {drop_purpose}") for n in out.notes):
            out.notes.append(line)
    keep.fee_paid_cents = max(keep.fee_paid_cents, drop.fee_paid_cents)
    session.flush()
    # the combined days can make new bonus days (two short runs become one) or fewer: as record_leave, the bonuses
    # follow at once, as recompute gives them
    group = session.get(Group, keep.group_id)
    if group is not None:
        reconcile_streak_bonus(session, group, keep.id, operator_id)
    session.flush()
    kept.refresh(session.connection(), [keep.id])  # the chat days moved without a trigger (models/kept.py)
    session.delete(drop)
    return out


def _settle_referral(session: Session, ms: Membership, sources: list[int], operator_id: int | None) -> None:
    """One person, one referral (PRODUCT §3.1): the open `referral` entries paid for the memberships `sources`
    (the kept one and those folded into it) leave exactly one, for the kept membership's referrer, naming the kept
    membership; any other is reversed (two records of one newcomer paid their referrer twice; the other record's
    referrer is not the one the kept record names). When an entry was paid but none to that referrer, that referrer
    is paid (the kept record's referrer is the one recompute counts)."""
    reversal = aliased(PointsEntry)
    entries = session.execute(
        select(PointsEntry.id, PointsEntry.membership_id, PointsEntry.source_id, PointsEntry.day).where(
            PointsEntry.source_kind == "referral",
            PointsEntry.source_id.in_(sources),
            PointsEntry.reverses_id.is_(None),
            ~select(reversal.id).where(reversal.reverses_id == PointsEntry.id).exists(),
        )
    ).all()
    if not entries:
        return
    referrer_ms = None
    if ms.referrer_id is not None:
        referrer_ms = session.scalar(
            select(Membership.id).where(Membership.member_id == ms.referrer_id, Membership.group_id == ms.group_id)
        )
    entries.sort(key=lambda e: (e.source_id != ms.id, e.id))
    survivor = next((e for e in entries if referrer_ms is not None and e.membership_id == referrer_ms), None)
    for e in entries:
        if e is not survivor:
            reverse_entry(session, e.id, operator_id, f"{MERGE_REASON}: 同一人只计一次推荐 (one referral per person)")
    if survivor is None and referrer_ms is not None:
        award(
            session,
            membership_id=referrer_ms,
            group_id=ms.group_id,
            day=entries[0].day,
            code="referral",
            source_kind="referral",
            source_id=ms.id,
            reason="推荐入群",
            operator_id=operator_id,
        )
    elif survivor is not None and survivor.source_id != ms.id:
        session.execute(update(PointsEntry).where(PointsEntry.id == survivor.id).values(source_id=ms.id))


def _refuse_gone(session: Session, person: Member, *, kept_record: bool) -> None:
    """A merged-away or deleted record takes no part in a merge: a live person moved under it would vanish."""
    name = f"「{person.display_name}」(#{person.id})"
    if person.merged_into_id is not None:
        into = session.get(Member, person.merged_into_id)
        into_name = f"「{into.display_name}」(#{into.id})" if into is not None else f"#{person.merged_into_id}"
        what = "不能作为保留的记录" if kept_record else "不能再次合并"
        raise ValidationError(
            "member",
            f"{name} 已合并到 {into_name}, {what} ({name} was already merged into {into_name}: use that record)",
        )
    if person.deleted_at is not None:
        raise ValidationError("member", f"{name} 已删除, 请先恢复再合并 ({name} is deleted: restore it before merging)")


# fields of the dropped person that the kept person's own value would hide after a merge: a different value is
# added to the kept person's note (as a different purpose answer is), so the organiser still sees what was typed
_KEPT_IN_NOTE = (
    ("note", "备注 (note of the merged record)"),
    ("nickname", "昵称 (nickname of the merged record)"),
    ("wechat_id", "微信号 (WeChat ID of the merged record)"),
    # a QQ group's member is known by their QQ number (a chat export's sender ID): the other one was dropped unseen
    ("qq", "QQ号 (QQ number of the merged record)"),
    ("city", "城市 (city of the merged record)"),
    ("occupation", "职业 (occupation of the merged record)"),
)
# not in the note: the other record's phone — a note is read unmasked by every assistant, a phone only by managers
# (the merged-away record keeps it, and the duplicate check still finds the kept person by it: find_duplicates)


def identity_conflicts(
    a_wechat: str | None,
    a_phone: str | None,
    b_wechat: str | None,
    b_phone: str | None,
    *,
    a_qq: str | None = None,
    b_qq: str | None = None,
) -> tuple[str, ...]:
    """Which identities of two records say they are two people: "wechat_id" when both have a WeChat ID and they
    differ (whatever their case), "phone" when both have a phone and they differ, "qq" when both have a QQ number
    and they differ (a QQ group's two 张伟 are told apart by it: merged without a word, one QQ number was gone).
    A merge of two 张伟 who are two people becomes one person's check-ins, points and answers — so the window says
    so before the merge, naming the differing values, and Cancel is the default."""
    out = []
    if wechat_key(a_wechat) and wechat_key(b_wechat) and wechat_key(a_wechat) != wechat_key(b_wechat):
        out.append("wechat_id")
    if a_phone and b_phone and a_phone != b_phone:
        out.append("phone")
    if a_qq and b_qq and a_qq.strip() != b_qq.strip():
        out.append("qq")
    return tuple(out)


def merge_members(session: Session, actor: Actor, keep_id: int, drop_id: int) -> MergeSummary:
    """Merge person `drop_id` into `keep_id`: memberships, step progress, check-ins (de-duplicated per day),
    attendance, leaves, points, referrals, tags and audit history all end up on the kept person. The dropped
    person stays as a soft-deleted row pointing at the kept one (merged_into_id). Both must be live records
    (not deleted, not merged away already).

    In a group where both have a membership they become one (`_merge_membership`): one check-in per day, one
    attendance per activity (attended > excused > absent > registered), the union of their leaves, the stricter
    status with its own dates (`_fold_status`: a blacklisting stands; a live membership has no left date; a record
    that left before the other joined is an earlier, closed spell of the combined membership), the
    kept record's answers with the other's blanks filled — a different answer of the other record is added to the
    person's note, and so are the other record's own note, nickname, WeChat ID, QQ number, city and occupation
    where they differ (_KEPT_IN_NOTE); a leaderboard opt-out stands. Points follow the facts: the streak bonuses
    are reconciled with the combined days, the referral is paid once (`_settle_referral`), and the kept values
    equal what recompute gives."""
    require(actor, "merge_members")
    if keep_id == drop_id:
        raise ValidationError("member", "不能与自己合并 (cannot merge a member into itself)")
    # both records' memberships first, in one order: a check-in, a place or a step another assistant is adding to
    # them commits before the merge reads what to fold (it was deleted with the dropped membership, or broke the
    # one-a-day rule on the kept one); one started after waits, and finds the dropped membership gone
    bulk.lock_rows(session.connection(), "membership", (keep_id, drop_id), column="member_id")
    keep, drop = session.get(Member, keep_id), session.get(Member, drop_id)
    if keep is None or drop is None:
        raise NotFound("member")
    _refuse_gone(session, keep, kept_record=True)
    _refuse_gone(session, drop, kept_record=False)
    session.flush()
    connection = session.connection()
    undo_ids = merge_undo.membership_ids_of(connection, [keep_id, drop_id])
    undo_rows = merge_undo.snapshot(connection, [keep_id, drop_id], undo_ids)  # so the merge can be undone
    undo_audit = merge_undo.audit_rows_of(connection, drop_id)
    before = {f: getattr(drop, f) for f in MEMBER_FIELDS}
    moved = merged = ci_moved = ci_dup = 0
    notes: list[str] = []
    folded: list[dict] = []
    sources: dict[int, list[int]] = {}  # kept membership -> the memberships folded into it
    keep_by_group = {ms.group_id: ms for ms in keep.memberships}
    group_names = dict(session.execute(select(Group.id, Group.name)).all())
    for ms in list(drop.memberships):
        target = keep_by_group.get(ms.group_id)
        if target is None:
            if ms.referrer_id == keep.id:  # one person now: no self-referral
                ms.referrer_id = None
            ms.member_id = keep.id
            moved += 1
        else:
            sources.setdefault(target.id, [target.id]).append(ms.id)
            result = _merge_membership(session, target, ms, actor.id, group_names.get(ms.group_id, ""))
            ci_moved += result.checkins_moved
            ci_dup += result.checkins_dropped
            notes += result.notes
            folded.append(result.history)
            merged += 1
    session.flush()
    session.execute(  # the kept person's own memberships referred by the dropped record: no self-referral
        update(Membership)
        .where(Membership.referrer_id == drop.id, Membership.member_id == keep.id)
        .values(referrer_id=None)
    )
    session.execute(update(Membership).where(Membership.referrer_id == drop.id).values(referrer_id=keep.id))
    session.execute(update(ChatAlias).where(ChatAlias.member_id == drop.id).values(member_id=keep.id))
    session.flush()
    for ms in session.scalars(select(Membership).where(Membership.member_id == keep.id)):
        if ms.id in sources or ms.referrer_id is None:
            _settle_referral(session, ms, sources.get(ms.id, [ms.id]), actor.id)
    # one person now, referred by one referrer in two groups (a record per group, each paid): paid once, by the
    # membership that earned it first (points.referral_paid_before) — the other group's payment is reversed
    session.flush()
    for ms_id in session.scalars(
        select(Membership.id).where(
            Membership.member_id == keep.id, Membership.referrer_id.is_not(None), referral_paid_before()
        )
    ).all():
        reverse_source(
            session, "referral", ms_id, actor.id, f"{MERGE_REASON}: 同一人只计一次推荐 (one referral per person)"
        )
    # two half-done records of one newcomer make one that has done every required step: a member now, as the last
    # step recorded would have made them (they stayed 入群中 for good with nothing left to do)
    became_members: list[str] = []
    for ms_id in sources:
        target = session.get(Membership, ms_id)
        if target is not None and admit_completed(session, actor, target.group_id, [ms_id]):
            became_members.append(group_names.get(target.group_id, ""))
    for f, what in _KEPT_IN_NOTE:  # the other record's own note, nickname, IDs, city…: shown, not only audited
        theirs = (getattr(drop, f) or "").strip()
        # a WeChat ID compares as everywhere (wechat_key): Zhang_San is zhang_san, no second ID for the note
        same = wechat_key if f == "wechat_id" else str.strip
        if theirs and getattr(keep, f) not in (None, "") and same(theirs) != same(getattr(keep, f) or ""):
            notes.append(f"合并前另一条记录的{what}: {theirs}")
    for f in MEMBER_FIELDS:
        if getattr(keep, f) in (None, "", False) and getattr(drop, f) not in (None, "", False):
            setattr(keep, f, getattr(drop, f))
    # a person who asked to be left off the leaderboards stays off them, whichever record they asked on (the kept
    # record's False made them public again)
    keep.points_opt_out = bool(keep.points_opt_out or drop.points_opt_out)
    if notes:  # answers the kept record had its own of: in the person's note, so nothing the member said is lost
        keep.note = "\n".join(([keep.note] if keep.note else []) + notes)
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
    after: dict = {"memberships_moved": moved, "memberships_merged": merged, "checkins_dropped": ci_dup}
    if notes:
        after["note_added"] = notes
    record_audit(
        session,
        actor.id,
        "member.merge",
        "member",
        keep.id,
        before={"merged_member_id": drop.id, **before, "memberships_folded": folded},
        after=after,
    )
    merge_id = merge_undo.keep_record(session, actor, keep.id, drop.id, undo_rows, undo_ids, undo_audit)
    return MergeSummary(keep.id, moved, merged, ci_moved, ci_dup, merge_id, tuple(became_members))


# ---- bulk actions ----


def _memberships(session: Session, ids: list[int]) -> list[Membership]:
    """The selected memberships, all of live people: a person deleted since the selection was made (by another
    assistant, in another window) is refused by name and nothing is written — a bulk action tagged, moved or marked
    them left out of sight, and a restore brought them back changed (a deleted person is no member: docs/metrics.md)."""
    rows = list(session.scalars(select(Membership).where(Membership.id.in_(ids))))
    if len(rows) != len(set(ids)):
        raise memberships_gone(len(set(ids)) - len(rows))
    gone = list(dict.fromkeys(ms.member.display_name for ms in rows if ms.member.deleted_at is not None))
    if gone:
        names = "、".join(f"「{n}」" for n in gone)
        raise ValidationError(
            "member",
            f"{names} 已从名册删除, 需先在名册中恢复, 未做任何修改 "
            f"({names}: deleted from the roster: restore them first; nothing was changed)",
        )
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


@dataclass(frozen=True)
class CopyOutcome:
    """What a copy or move did, counted in people (one person may be several selected rows across groups: the
    roster of every group) — the Roster page's message says each part. `people`: the selected people;
    `added`: those who are members there now and were not (new memberships, former members re-joined);
    `already`: those who were in the target group already (a member, or still joining); `stayed`: the people a
    move left where they were — still joining the target group (已申请 / 入群中 there), so their old membership is
    not ended (they are among `already`)."""

    added: int
    already: int
    stayed: tuple[str, ...] = ()
    people: int = 0
    readmitted: tuple[str, ...] = ()  # removed (已移除) from the target group before, members there again now
    undo: CopyUndo | None = None  # what undo_copy needs to take the copy (move) back
    # made members of the target group while blacklisted in another group of the workspace (not the row's own: that
    # is refused): 王五 (我, blacklisted in 晨读营), copied from 跑步群 to 读书会 — said by name with that group
    blacklisted_elsewhere: tuple[str, ...] = ()


@dataclass(frozen=True)
class CopyUndo:
    """What a copy or move changed, as undo_copy puts it back: the memberships it made (`created`), the former ones
    it made members again (`rejoined`: each one's status, dates and reason before, and whether its ended spell was
    kept as a closed spell) and, for a move, the memberships it ended (`moved`: the same, with their leaves)."""

    group_id: int
    at: datetime
    created: tuple[int, ...] = ()
    rejoined: tuple[dict, ...] = ()
    moved: tuple[dict, ...] = ()


def bulk_copy_to_group(
    session: Session, actor: Actor, membership_ids: list[int], group_id: int, *, move: bool = False
) -> int:
    """copy_to_group, returning how many became members there."""
    return copy_to_group(session, actor, membership_ids, group_id, move=move).added


def add_to_group(session: Session, actor: Actor, membership_id: int, group_id: int) -> int:
    """The person of `membership_id` (a membership of another group) made a member of `group_id`, as a copy does —
    the member dialog's answer to "this person may already be in the roster" when they are on another group's
    roster: the same person joins, no second one is made. Returns their membership in `group_id`."""
    copy_to_group(session, actor, [membership_id], group_id)
    member_id = session.scalar(select(Membership.member_id).where(Membership.id == membership_id))
    found = session.scalar(
        select(Membership.id).where(Membership.member_id == member_id, Membership.group_id == group_id)
    )
    if found is None:
        raise NotFound("membership")
    return found


def copy_to_group(
    session: Session, actor: Actor, membership_ids: list[int], group_id: int, *, move: bool = False
) -> CopyOutcome:
    """Copy (or move) the selected people into another group as members (已入群). Returns what it did with them
    (CopyOutcome): how many became members there (new memberships, and former ones re-joined), how many were there
    already, and whom a move left where they were.

    * Nobody there yet: a new membership (已入群, joined now, the tier and referrer of the selected row).
    * A former member there (已退群 / 已移出): the same membership comes back to 已入群 — its history stays with it:
      the spell that ended is kept as a closed spell (onboarding.keep_closed_spell: its months keep their figures
      and its check-ins stay inside it), joined_at is now, left_at and left_reason are cleared (the audit row and
      the spell keep them), a missing tier is filled. (Gone without a leaving date: joined_at is kept, as before.)
    * Already there (已入群, 入群中, 已申请): skipped.
    * Blacklisted there: the call is refused, naming the people, and nothing is written.
    * Blacklisted in the selected row's own group: refused the same way (a blacklist is lifted only explicitly).

    Moving marks the old membership 已退群 with the reason, so its history stays where it happened — only when the
    person is a member (已入群) of the target group afterwards: someone still joining there keeps the old one."""
    require(actor, "edit_members")
    rows = _memberships(session, membership_ids)
    group = session.get(Group, group_id)
    if group is None:
        raise NotFound("group")
    there = {
        ms.member_id: ms
        for ms in session.scalars(
            select(Membership).where(
                Membership.group_id == group_id, Membership.member_id.in_(sorted({ms.member_id for ms in rows}))
            )
        )
    }
    barred = list(
        dict.fromkeys(
            ms.member.display_name
            for ms in rows
            if ms.group_id != group_id and ms.member_id in there and there[ms.member_id].status == "blacklisted"
        )
    )
    if barred:
        names = "、".join(f"「{n}」" for n in barred)
        raise ValidationError(
            "group",
            f"{names} 在「{group.name}」的黑名单中, 不能加入 ({names}: blacklisted in {group.name}, not added)",
        )
    # a row blacklisted in its own group (the spammer in a "select all" of the camp): copied or moved, they were a
    # member of the other group without a word — adding a person blacklisted anywhere warns, a blacklist is lifted
    # only explicitly. Refused by name: deselect them, or add them there one by one (the member dialog warns)
    black = [ms for ms in rows if ms.group_id != group_id and ms.status == "blacklisted"]
    if black:
        where = dict(
            session.execute(select(Group.id, Group.name).where(Group.id.in_({ms.group_id for ms in black}))).all()
        )
        names = "、".join(dict.fromkeys(f"「{ms.member.display_name}」({where[ms.group_id]})" for ms in black))
        raise ValidationError(
            "group",
            f"{names} 在黑名单中, 不能批量加入「{group.name}」; 请取消选择他们 "
            f"({names}: blacklisted, not added to {group.name} in bulk; deselect them)",
        )
    # the people to copy or move (a selected row of the target group itself is no one to move)
    people = {ms.member_id for ms in rows if ms.group_id != group_id}
    was_there = {mid for mid, ms in there.items() if mid in people and ms.status not in ("left", "removed")}
    n = 0
    stayed: dict[int, str] = {}  # member id: name (two people may share a name)
    readmitted: dict[int, str] = {}
    rejoined: list[dict] = []
    undo_rejoined: list[dict] = []
    undo_moved: list[dict] = []
    started = utcnow()
    added: list[Membership] = []
    for ms in rows:
        if ms.group_id == group_id:
            continue
        target = there.get(ms.member_id)
        if target is None:
            target = Membership(
                member_id=ms.member_id,
                group_id=group_id,
                status="active",
                joined_at=utcnow(),
                tier_id=ms.tier_id,
                referrer_id=ms.referrer_id,
            )
            session.add(target)
            there[ms.member_id] = target
            added.append(target)
            n += 1
        elif target.status in ("left", "removed"):
            if target.status == "removed":  # put out of that group by an admin: said by name, not only counted
                readmitted[ms.member_id] = ms.member.display_name
            rejoined.append(
                {
                    "membership_id": target.id,
                    "status": target.status,
                    "left_at": target.left_at,
                    "left_reason": target.left_reason,
                }
            )
            from desktop.services.onboarding import keep_closed_spell

            now = utcnow()
            was_joined, was_tier = target.joined_at, target.tier_id
            back = keep_closed_spell(session, target, now)  # the spell that ended keeps its months
            target.status, target.left_at, target.left_reason = "active", None, None
            target.joined_at = now if back else (target.joined_at or now)
            undo_rejoined.append(
                {
                    **rejoined[-1],
                    "joined_at": was_joined,
                    "tier_id": was_tier,
                    "spell": back,
                    "back_at": target.joined_at,
                }
            )
            target.tier_id = target.tier_id if target.tier_id is not None else ms.tier_id
            n += 1
        if move and target.status != "active" and ms.status in ("active", "onboarding", "applicant"):
            stayed[ms.member_id] = ms.member.display_name  # still joining there: the old membership is not ended
        if move and target.status == "active" and ms.status in ("active", "onboarding", "applicant"):
            # through the one leaving rule: an applicant or newcomer moved away before joining gets no leaving date
            # (with one and no join date they were a member here from the beginning until the move)
            undo_moved.append(
                {
                    "membership_id": ms.id,
                    "status": ms.status,
                    "left_at": ms.left_at,
                    "left_reason": ms.left_reason,
                    "leaves": leaves_of(session, ms.id),
                }
            )
            ms.left_at, ms.left_reason = left_fields(
                ms.status,
                "left",
                left_at=ms.left_at,
                left_reason=ms.left_reason,
                joined_at=ms.joined_at,
                now=utcnow(),
                reason="转到其他社群 (moved to another group)",
            )
            ms.status = "left"
            end_leaves(session, ms.id, ms.left_at, actor.id)
    session.flush()
    for target in added:  # a member there with a referrer: the referral is earned, as a join earns it
        earn_referral(session, target, actor)
    from desktop.services.onboarding import blacklistings

    back = {r["membership_id"] for r in rejoined}
    made = {t.member_id for t in added} | {mid for mid, t in there.items() if t.id in back}  # members there now
    names = {ms.member_id: ms.member.display_name for ms in rows}
    black_elsewhere = []
    for mid, entries in blacklistings(session, sorted(made)).items():
        groups = [b.group for b in entries if b.group_id != group_id]
        if groups:
            black_elsewhere.append(f"{names[mid]} ({'、'.join(groups)})")
    after: dict = {"memberships": membership_ids, "group_id": group_id}
    if rejoined:
        after["rejoined"] = rejoined
    record_audit(session, actor.id, "bulk.move" if move else "bulk.copy", "membership", None, after=after)
    return CopyOutcome(
        added=n,
        already=len(was_there),
        stayed=tuple(stayed.values()),
        people=len(people),
        readmitted=tuple(readmitted.values()),
        undo=CopyUndo(
            group_id=group_id,
            at=started,
            created=tuple(m.id for m in added),
            rejoined=tuple(undo_rejoined),
            moved=tuple(undo_moved),
        ),
        blacklisted_elsewhere=tuple(black_elsewhere),
    )


# what a membership made by a copy may hold for the copy to be taken back: nothing recorded on it since
_FACTS = (CheckIn, Attendance, Contribution, Violation, StepProgress, Leave, ChatActivity, PointsEntry)


def undo_copy(session: Session, actor: Actor, undo: CopyUndo) -> int:
    """Take a copy or move to another group back (the Roster page's Undo), leaving no trace in any figure: a person
    copied into the wrong group by mistake and then marked left there was a joiner and a leaver of that month, in
    its figures and workbook, for good. The memberships the copy made are deleted (the referral it paid the
    referrer there is reversed: docs/metrics.md "Points"), the former members it brought back are former members
    again as they were (their kept spell folded back), and a move's old memberships are members again with their
    leaves. Refused, naming the people, when anything was recorded on them since (a check-in, a place, a step …)
    or they changed since: the copy is then theirs to edit like any membership. Returns the memberships changed;
    audited."""
    from desktop.services.roster import put_back_leaves

    require(actor, "edit_members")
    if undo.created:
        require(actor, "delete_members")  # a membership taken away, as removing someone from the group is
    created = session.scalars(select(Membership).where(Membership.id.in_(undo.created))).all()
    since = undo.at.date()
    busy: list[str] = []
    made = [ms.id for ms in created]
    # the referral the copy itself paid one person it made a member for another it made a member (a referrer copied
    # with the people they brought): the copy's own, not recorded since — it refused the undo, naming the referrer
    own = and_(PointsEntry.source_kind == "referral", PointsEntry.source_id.in_(made))
    for ms in created:
        if any(
            session.scalar(
                select(t.id).where(t.membership_id == ms.id, *((~own,) if t is PointsEntry else ())).limit(1)
            )
            for t in _FACTS
        ):
            busy.append(ms.member.display_name)
    for before in undo.rejoined:
        ms = session.get(Membership, before["membership_id"])
        if (
            ms is None
            or ms.status != "active"
            or ms.joined_at != before["back_at"]
            or _facts_since(session, ms.id, since, undo.at)
        ):
            busy.append(ms.member.display_name if ms is not None else "?")
    for before in undo.moved:
        ms = session.get(Membership, before["membership_id"])
        if ms is None or ms.status != "left":
            busy.append(ms.member.display_name if ms is not None else "?")
    if busy:
        names = "、".join(f"「{n}」" for n in dict.fromkeys(busy))
        raise ValidationError(
            "group",
            f"{names} 复制后已有新的记录或改动, 不能撤销; 请在名册里逐个修改 ({names}: changed or recorded on since the"
            " copy, so it cannot be undone; edit them on the roster)",
        )
    changed = 0
    people = {ms.member_id for ms in created}
    for ms in created:
        reverse_source(session, "referral", ms.id, actor.id, "撤销复制到社群 (copy to group undone)")
        session.delete(ms)
        changed += 1
    if people:
        # the copy's membership was the one that paid the referrer (a person referred once pays once): one of the
        # person's other memberships that became a member since is the first now, and pays — recompute counted
        # it, the ledger had nothing (onboarding._award_referral writes nothing while another award stands)
        from desktop.services.onboarding import _award_referral
        from desktop.services.points import referral_earned

        session.flush()
        for other in session.scalars(
            select(Membership)
            .where(
                Membership.member_id.in_(sorted(people)),
                Membership.referrer_id.is_not(None),
                referral_earned(),
            )
            .order_by(Membership.joined_at, Membership.id)
        ).all():
            _award_referral(session, other, other.joined_at or utcnow(), actor)
    for before in undo.rejoined:
        ms = session.get(Membership, before["membership_id"])
        assert ms is not None
        if before["spell"]:
            spell = session.scalar(
                select(MembershipSpell)
                .where(MembershipSpell.membership_id == ms.id, MembershipSpell.left_at == before["left_at"])
                .order_by(MembershipSpell.id.desc())
                .limit(1)
            )
            if spell is not None:
                session.delete(spell)
        ms.status, ms.left_at, ms.left_reason = before["status"], before["left_at"], before["left_reason"]
        ms.joined_at, ms.tier_id = before["joined_at"], before["tier_id"]
        changed += 1
    for before in undo.moved:
        ms = session.get(Membership, before["membership_id"])
        assert ms is not None
        ms.status, ms.left_at, ms.left_reason = before["status"], before["left_at"], before["left_reason"]
        session.flush()
        put_back_leaves(session, actor, ms.id, before["leaves"])
        changed += 1
    session.flush()
    record_audit(
        session,
        actor.id,
        "bulk.copy_undone",
        "membership",
        None,
        after={
            "group_id": undo.group_id,
            "created": list(undo.created),
            "rejoined": [b["membership_id"] for b in undo.rejoined],
            "moved": [b["membership_id"] for b in undo.moved],
        },
    )
    return changed


def _facts_since(session: Session, membership_id: int, since: date, at: datetime) -> bool:
    """Anything recorded on the membership since the copy (at `at` or later) and dated on or after `since` (a re-joined
    one's new spell), or a place in an activity marked since. A fact recorded before the copy is the spell that
    ended: 王芳 checked in in 第4期 this morning, was marked left at noon and moved back from 第3期 in the afternoon —
    her morning check-in refused the undo of that move ("changed or recorded on since the copy"), as did a leave that
    her leaving cut to that day."""
    dated = (
        select(CheckIn.id).where(CheckIn.membership_id == membership_id, CheckIn.day >= since, CheckIn.logged_at >= at),
        select(Contribution.id).where(
            Contribution.membership_id == membership_id, Contribution.day >= since, Contribution.created_at >= at
        ),
        select(Violation.id).where(
            Violation.membership_id == membership_id, Violation.day >= since, Violation.created_at >= at
        ),
        select(Leave.id).where(Leave.membership_id == membership_id, Leave.end_day >= since, Leave.created_at >= at),
        select(Attendance.id).where(Attendance.membership_id == membership_id, Attendance.updated_at >= at),
    )
    return any(session.scalar(q.limit(1)) is not None for q in dated)


def bulk_mark_left(session: Session, actor: Actor, membership_ids: list[int], reason: str) -> int:
    """Mark these memberships left with `reason`. Returns how many it marked: a membership out of the group already
    (已退群 / 已移除 — by someone else since the roster was read) is left as it is, its day and its own reason (the
    other assistant's "转到其他社群" became this "活动结束"); a blacklisted one refuses the whole (leave_group)."""
    from desktop.services.onboarding import leave_group

    rows = {ms.id: ms.status for ms in _memberships(session, membership_ids)}  # all exist, all live people
    n = 0
    for mid in dict.fromkeys(membership_ids):
        if rows[mid] in ("left", "removed"):
            continue
        leave_group(session, actor, mid, reason)
        n += 1
    return n


# ---- referral tree ----


@dataclass
class ReferralNode:
    member_id: int
    display_name: str
    children: list[ReferralNode] = field(default_factory=list)
    # a root put at the top because its referrer is among the people it brought in (a referral cycle, which an
    # import's 推荐人 column can write): `cycle_referrer` is that referrer's name
    cycle_referrer: str | None = None
    in_group: bool = True  # False: a referrer who is not on the group's roster (a member of another group)
    # what tells two people of one name in the tree apart (their WeChat ID), or None when the name is the only one
    detail: str | None = None

    @property
    def total(self) -> int:
        """Everyone this person brought in, directly or through the people they brought."""
        return sum(1 + c.total for c in self.children)


def referral_tree(session: Session, group_id: int) -> list[ReferralNode]:
    """Who brought whom in a group, as a forest rooted at people nobody in the group referred.
    Only roots with at least one referral are returned, biggest trees first. Everyone with a referral is in it:
    people whose referrers go round in a cycle (A brought B, B brought A) are put under the cycle's member with
    the lowest id, shown as a root with `cycle_referrer` set (they were in no tree, and the tree's totals
    could not count them). A deleted person (restorable) is in no tree, neither as a member nor as a referrer:
    the people they brought in are at the top of their own trees until they are restored."""
    rows = session.execute(
        select(Membership.member_id, Member.display_name, Membership.referrer_id, Member.wechat_id)
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.group_id == group_id, Member.deleted_at.is_(None))
    ).all()
    nodes = {mid: ReferralNode(mid, name) for mid, name, _, _ in rows}
    referrer_of = {mid: ref for mid, _, ref, _ in rows}
    wechat = {mid: wx for mid, _, _, wx in rows}
    outside = {
        mid: (name, wx)
        for mid, name, wx in session.execute(
            select(Member.id, Member.display_name, Member.wechat_id).where(
                Member.id.in_({r for r in referrer_of.values() if r and r not in nodes}), Member.deleted_at.is_(None)
            )
        ).all()
    }
    for mid, ref in referrer_of.items():  # a deleted referrer is in no figure: the people they brought are roots
        if ref is not None and ref not in nodes and ref not in outside:
            referrer_of[mid] = None
    for ref in referrer_of.values():
        if ref is not None and ref not in nodes:  # a referrer outside the group is still a root
            name, wechat[ref] = outside[ref]
            nodes[ref] = ReferralNode(ref, name, in_group=False)
    seen: dict[str, int] = {}
    for node in nodes.values():
        seen[node.display_name] = seen.get(node.display_name, 0) + 1
    for node in nodes.values():  # two 张三 in one tree: which is which
        if seen[node.display_name] > 1:
            node.detail = wechat.get(node.member_id)
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
    # the earlier, closed spells of a member who came back: their joining and leaving too
    for joined, left_at, reason in session.execute(
        select(MembershipSpell.joined_at, MembershipSpell.left_at, MembershipSpell.left_reason).where(
            MembershipSpell.membership_id == membership_id
        )
    ):
        if joined:
            ev.append(TimelineEvent(joined, "joined", Phrase("timeline.joined")))
        left = Phrase("timeline.left_reason", reason=reason) if reason else Phrase("timeline.left")
        ev.append(TimelineEvent(left_at, "left", left))
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
        ev.append(TimelineEvent(at(d), "points", Phrase("timeline.points", points=pts, reason=ledger_reason(reason))))
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
