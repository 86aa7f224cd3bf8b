"""Community health (PRODUCT §3.4): the dashboard figures of a group and the alerts (预警) behind them.
Definitions are in docs/metrics.md; thresholds are workspace settings (desktop/settings.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.metrics import (
    MonthStats,
    dormant_query,
    month_recorded,
    month_stats,
    observed_from,
    observed_since,
    on_leave_at,
    on_leave_in,
    previous_month,
    stalled_query,
)
from desktop.phrases import Phrase
from desktop.settings import STRUCTURE_TARGETS_RULE, group_rule_at, history_at, rules_at
from models import (
    Activity,
    EntryStep,
    Group,
    Leave,
    Member,
    Membership,
    MembershipSpell,
    Role,
    StepProgress,
    Tier,
    Violation,
    bulk,
    clock,
    membership_role,
)
from models.queries import participation
from models.queries.participation import (
    DELETED_MEMBERSHIPS,
    day_after,
    day_start,
    member_at_end_condition,
    members_at_end,
    of_live_person,
    participated,
)
from models.tier_history import tier_at_end_columns

# PRODUCT §2's guideline for the member structure: key voices (核心 + 大咖) 5%, mid voices (中咖) 20%, ordinary 75%.
# The targets shown are the tiers' own (Settings → 层级 → 目标占比, summed by bucket: structure_targets); the
# default tiers' shares add up to this guideline, which stands in only when every tier's share is 0.
STRUCTURE_TARGET = (("key", 0.05), ("mid", 0.20), ("ordinary", 0.75))


@dataclass(frozen=True)
class Alert:
    kind: str  # dormant | silent_newcomer | stalled_onboarding | repeat_violator | zombie_group | capacity
    membership_id: int | None
    display_name: str | None
    reason: Phrase  # Chinese as a str; the window and the English workbook render it (desktop/phrases.py)
    # the person as the group sees them, ready to @-mention in the chat (texts.shown_name: the group nickname, a phone
    # in it masked): the alert dialog's "Copy names" pasted the roster name whole — 陌生人 13999998888 — into the group
    mention: str | None = None


@dataclass(frozen=True)
class GroupHealth:
    group_id: int
    name: str
    as_of: date
    members: int
    capacity: int
    active_7: int
    active_30: int
    month: MonthStats
    last_month: MonthStats
    structure: dict[str, int]  # key / mid / ordinary / unset
    tiers: dict[str, int]
    roles: dict[str, int]  # role name -> members holding it
    missing_roles: tuple[str, ...]
    activities_per_month: tuple[tuple[str, int], ...]  # ("2026-09", 4) …
    daily_checkins: tuple[tuple[date, int], ...]
    funnel: tuple[tuple[str, int], ...]  # step name -> memberships that reached it
    top_referrers: tuple[tuple[str, int], ...]
    alerts: tuple[Alert, ...] = field(default_factory=tuple)
    # the structure's target per bucket (structure_targets): the tiers' target shares, as Settings holds them
    structure_target: dict[str, float] = field(default_factory=lambda: dict(STRUCTURE_TARGET))
    # whether QunDesk knows last month at all (metrics.month_recorded): a group set up this month with nothing of
    # last month imported has no last month to compare with — the card read "上月 0.0% ▲100.0" on its first day
    last_month_recorded: bool = True
    # the day QunDesk has observed the group since (metrics.observed_since) while that is too recent for the
    # dormant window (`dormant_days`) to be observed whole: nobody can be dormant yet, and the page says since when
    # (a roster of 300 imported on the first day read "0 dormant" with nothing saying why). None: observed whole.
    observed_since: date | None = None

    @property
    def active_7_share(self) -> float:
        return self.active_7 / self.members if self.members else 0.0

    @property
    def zombie(self) -> bool:
        return any(a.kind == "zombie_group" for a in self.alerts)


def capacity_share(members: int, capacity: int) -> float:
    """The share of the places used, as shown (the Capacity card, the alert's reason): a whole percent rounded
    down — 60 of 67 (89.6%) is 89%, not "90%" beside no warning; 199 of 200 is 99%, not "100%" (docs/metrics.md)."""
    return members * 100 // capacity / 100 if capacity else 0.0


def _names(session: Session, membership_ids: Select, *, of_memberships: bool = False) -> list[tuple[int, str]]:
    """(membership id, name) of the memberships `membership_ids` selects, in pinyin order (_people)."""
    return [(mid, name) for mid, name, _mention in _people(session, membership_ids, of_memberships=of_memberships)]


def _people(session: Session, membership_ids: Select, *, of_memberships: bool = False) -> list[tuple[int, str, str]]:
    """(membership id, name, mention — Alert.mention) of the memberships `membership_ids` selects, in pinyin order.
    `of_memberships`: the select reads the membership table alone (its own conditions), and gets the names added
    to it — as `id IN (…)` each of its thousands of rows was looked up again by id (a third of the dormant list's
    time on PostgreSQL). Said by the caller: asking the statement for its FROM list compiled it, 3 ms a call."""
    columns = (Membership.id, Member.display_name, *_MENTION_COLUMNS)
    if of_memberships:
        named = membership_ids.with_only_columns(*columns).join(Member, Member.id == Membership.member_id)
    else:
        named = (
            select(*columns)
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.id.in_(membership_ids), Member.deleted_at.is_(None))  # a deleted person: no alert
        )
    # through the Core connection: a big group's dormant members are thousands of rows, and the ORM's row loading
    # was a third of reading them
    rows = session.connection().execute(named.order_by(Member.pinyin)).all()
    return [(mid, name, _mention(name, *rest)) for mid, name, *rest in rows]


_MENTION_COLUMNS = (Membership.group_nickname, Member.wechat_id, Member.nickname)


def _mention(name: str, group_nickname: str | None, wechat_id: str | None, nickname: str | None) -> str:
    from desktop.services.texts import shown_name

    return shown_name(group_nickname, name, wechat_id, nickname)


def active_count(session: Session, group_id: int, as_of: date, days: int) -> int:
    ids = members_at_end(as_of, group_id).where(participated(as_of - timedelta(days=days - 1), as_of))
    return int(session.scalar(select(func.count()).select_from(ids.subquery())) or 0)


def last_participation(session: Session, group_id: int, as_of: date, lookback: int = 366) -> date | None:
    """The most recent day anyone in the group participated (None within the lookback): a check-in, an
    attended activity, a contribution or a chat message — the participation of the active counts
    (models/queries/participation.py)."""
    return participation.last_participation(session, group_id, as_of - timedelta(days=lookback), as_of)


def alerts(
    session: Session, group_id: int, as_of: date, *, members: int | None = None, active_7: int | None = None
) -> list[Alert]:
    """The group's alerts on `as_of`. `members` (已入群 at as_of) and `active_7` (members with participation in
    the 7 days up to as_of), when the caller has them already (group_health): not counted again."""
    out: list[Alert] = []
    dormant_days, newcomer_days, n_flag, window, warn_share = rules_at(
        session,
        as_of,
        "dormant_days",
        "newcomer_days",
        "violations_flag_count",
        "violations_window_days",
        "capacity_warn_share",
    )
    dormant = Phrase("alert.dormant", days=dormant_days)  # the same reason for each: made once (thousands of rows)
    out += [
        Alert("dormant", mid, name, dormant, mention)
        for mid, name, mention in _people(session, dormant_query(session, group_id, as_of), of_memberships=True)
    ]

    silent_since = as_of - timedelta(days=dormant_days - 1)
    newcomers = members_at_end(as_of, group_id).where(
        Membership.joined_at >= day_start(silent_since),
        Membership.joined_at < day_start(as_of - timedelta(days=newcomer_days - 1)),
        ~participated(silent_since, as_of),
        ~select(MembershipSpell.id).where(MembershipSpell.membership_id == Membership.id).exists(),  # a return
        # on leave on a day of the newcomer's last `newcomer_days` days: not silent, as no one on leave is dormant —
        # but a newcomer back from a fortnight away is silent after a week back without a word, not a month
        Membership.id.not_in(on_leave_in(as_of - timedelta(days=newcomer_days - 1), as_of)),
    )
    silent = Phrase("alert.silent_newcomer", days=newcomer_days)
    # none before QunDesk observed the group over the newcomer's days (observed_from): a September joiner in a
    # roster imported this morning is no silent newcomer of a week QunDesk never saw
    if observed_from(session, group_id, as_of - timedelta(days=newcomer_days - 1), as_of):
        out += [
            Alert("silent_newcomer", mid, name, silent, mention)
            for mid, name, mention in _people(session, newcomers, of_memberships=True)
        ]

    out += stalled_alerts(session, group_id, as_of)

    # people in the group that day only — its members, and newcomers still joining (in the chat already): someone
    # removed for their third violation is dealt with, not an alert
    # asked of each violator's own membership (joined), not as `IN (every member of the group)`: that read the
    # group's 9,400 members for a handful of violators (+0.15 s for twenty groups' dashboards)
    repeat = (
        select(Violation.membership_id)
        .join(Membership, Membership.id == Violation.membership_id)
        .where(
            Violation.group_id == group_id,
            Violation.day > as_of - timedelta(days=window),
            Violation.day <= as_of,
            or_(
                member_at_end_condition(as_of),
                Membership.status.in_(("applicant", "onboarding")),
                # still joining that day, let in since (已入群 with a join date after it): a past month's 预警 sheet
                # lost the applicant of November with three violations once they were let in, in December
                # (an application, and no earlier spell: one who came back was gone that day, not joining)
                and_(
                    Membership.status == "active",
                    Membership.joined_at >= day_after(as_of),
                    Membership.applied_at.is_not(None),
                    ~select(MembershipSpell.id).where(MembershipSpell.membership_id == Membership.id).exists(),
                ),
            ),
        )
        .group_by(Violation.membership_id)
        .having(func.count() >= n_flag)
    )
    for mid, name, mention in _people(session, repeat):
        reason = Phrase("alert.repeat_violator", days=window, count=n_flag)
        out.append(Alert("repeat_violator", mid, name, reason, mention))

    group = session.get(Group, group_id)
    assert group is not None
    if members is None:
        members = int(session.scalar(select(func.count()).select_from(members_at_end(as_of, group_id).subquery())) or 0)
    capacity = int(group_rule_at(session, group_id, as_of, "capacity", group.capacity))  # the capacity then
    if members > capacity:
        out.append(Alert("capacity", None, None, Phrase("alert.over_capacity", members=members, capacity=capacity)))
    elif members >= warn_share * capacity:
        share = capacity_share(members, capacity)
        reason = Phrase("alert.near_capacity", members=members, capacity=capacity, share=share)
        out.append(Alert("capacity", None, None, reason))

    zombie = zombie_reason(session, group_id, as_of, members, active_7=active_7)
    if zombie:
        out.append(Alert("zombie_group", None, None, zombie))
    return out


def zombie_reason(
    session: Session, group_id: int, as_of: date, members: int, *, active_7: int | None = None
) -> Phrase | None:
    """Why the group looks like a zombie group (僵尸群), or None: 7-day active share under the threshold,
    or no participation at all for `zombie_idle_days` days. Not judged (docs/metrics.md "Zombie group"): a group
    with no members; a group archived by then (ended, not dead); a group younger than the rule's window (its
    members began — `began_on` — too recently for anyone to have been idle that long); and members on leave
    (请假) that day who took no part are not expected to — everyone on leave, the group is on a break."""
    if members == 0:
        return None
    group = session.get(Group, group_id)
    assert group is not None
    if group.archived_at is not None and group.archived_at.date() <= as_of:
        return None
    idle_days, share_min = rules_at(session, as_of, "zombie_idle_days", "zombie_active_share")
    idle_days, share_min = int(idle_days), float(share_min)
    last = last_participation(session, group_id, as_of)
    if last is None or (as_of - last).days >= idle_days:
        if (
            not _young(session, group_id, as_of, idle_days)
            and _on_leave_idle(session, group_id, as_of, idle_days) < members
            # a day everyone was on leave (a break: 春节) is no idle day — the day after the break the group was
            # "idle for 14 days" though nobody was expected on any of them
            and _idle_days(session, group_id, as_of, last, idle_days) >= idle_days
        ):
            if last is None:  # none in the last year: looked for further back before saying "nobody ever has"
                last = participation.last_participation(session, group_id, date(1900, 1, 1), as_of)
            since = Phrase("alert.never_participated") if last is None else Phrase("alert.last_participation", day=last)
            return Phrase("alert.zombie_idle", days=idle_days, since=since)
    active = active_count(session, group_id, as_of, 7) if active_7 is None else active_7
    if active / members < share_min and not _young(session, group_id, as_of, 7):
        # of the members expected to take part: not those on leave on a day of the week who took no part (back
        # from a break this week: a group back from 春节 yesterday was "0% active in 7 days", a zombie group)
        away = _on_leave_idle(session, group_id, as_of, 7, during=True)
        # nor those who joined within the week and took no part yet (the spring intake let in this morning: a
        # live group that grew was "6% active", a zombie group; a newcomer is no silent newcomer before day 7)
        new = _new_idle(session, group_id, as_of, 7)
        expected = members - away - new
        if expected > 0 and active / expected < share_min:
            share = active / expected
            # a share the 7-day card (of all the members) does not show: the banner says why
            if away and new:
                return Phrase("alert.zombie_share_excused", share=share, away=away, new=new, minimum=share_min)
            if new:
                return Phrase("alert.zombie_share_new", share=share, new=new, minimum=share_min)
            if away:
                return Phrase("alert.zombie_share_on_leave", share=share, away=away, minimum=share_min)
            return Phrase("alert.zombie_share", share=share, minimum=share_min)
    return None


def _new_idle(session: Session, group_id: int, as_of: date, days: int) -> int:
    """Members at `as_of` whose current spell began within the `days` days up to it, who took no part in them and
    were not on leave on any of them (those are counted by _on_leave_idle): not members the whole window."""
    first = as_of - timedelta(days=days - 1)
    q = members_at_end(as_of, group_id).where(
        Membership.joined_at >= day_start(first),
        ~participated(first, as_of),
        Membership.id.not_in(on_leave_in(first, as_of)),
    )
    return int(session.scalar(select(func.count()).select_from(q.subquery())) or 0)


def began_on(session: Session, group_id: int, as_of: date) -> date:
    """The day a group began, for the zombie alert: the earliest join of its members at `as_of`. A member without
    a join date (a roster imported without one) has been one from the beginning — of the group as QunDesk knows
    it, the day it was set up here: a roster imported this morning is not "idle for 14 days" either."""
    undated, joined = session.execute(
        select(func.count() - func.count(Membership.joined_at), func.min(Membership.joined_at)).where(
            Membership.group_id == group_id, member_at_end_condition(as_of)
        )
    ).one()
    days = [participation.as_day(joined)] if joined is not None else []
    if undated or not days:
        group = session.get(Group, group_id)
        assert group is not None
        days.append(group.created_at.date())
    return min(days)


def _young(session: Session, group_id: int, as_of: date, days: int) -> bool:
    """The group began (began_on) fewer than `days` days before `as_of`, or QunDesk has not observed it over those
    `days` days (metrics.observed_from: set up here since, nothing earlier recorded) — a roster of September
    joiners imported this morning is not "nobody has taken part for 14 days"."""
    return (as_of - began_on(session, group_id, as_of)).days < days or not observed_from(
        session, group_id, as_of - timedelta(days=days - 1)
    )


def _on_leave_idle(session: Session, group_id: int, as_of: date, days: int, *, during: bool = False) -> int:
    """Members at `as_of` on leave that day who took no part in the `days` days up to it; `during`: on leave on any
    day of those days (the share rule: a member back from a break this week, or gone on one, was not expected the
    whole week)."""
    first = as_of - timedelta(days=days - 1)
    away = on_leave_in(first, as_of) if during else on_leave_at(as_of)
    q = members_at_end(as_of, group_id).where(Membership.id.in_(away), ~participated(first, as_of))
    return int(session.scalar(select(func.count()).select_from(q.subquery())) or 0)


def _idle_days(session: Session, group_id: int, as_of: date, last: date | None, enough: int) -> int:
    """The days after `last` (the group's last participation; None: none in the last year) up to `as_of` on which
    a member was expected — not a break day, one every member (at `as_of`, and by then joined) was on leave (请假).
    Counted back from `as_of` and stopped at `enough`. Read only when the idle rule would fire (a zombie group or
    a group after a break): the members' join days and the leaves of the days looked at."""
    first = last + timedelta(days=1) if last is not None else as_of - timedelta(days=366)
    total = (as_of - first).days + 1
    if total <= 0:
        return 0
    members = members_at_end(as_of, group_id).subquery()
    leaves = session.execute(
        select(Leave.membership_id, Leave.start_day, Leave.end_day).where(
            Leave.membership_id.in_(select(members.c.id)), Leave.end_day >= first, Leave.start_day <= as_of
        )
    ).all()
    if not leaves:  # nobody away on any of the days (a zombie group, mostly): every day was idle
        return total
    joined = {
        mid: participation.as_day(j) if j is not None else None
        for mid, j in session.execute(
            select(Membership.id, Membership.joined_at).where(Membership.id.in_(select(members.c.id)))
        ).all()
    }
    on_leave = {mid for mid, _s, _e in leaves}
    # a member never on leave in these days is expected from their joining on: no break day since
    never_away = [j for mid, j in joined.items() if mid not in on_leave]
    if any(j is None for j in never_away):
        return total
    expected_from = min(never_away, default=as_of + timedelta(days=1))
    n = 0
    day = as_of
    while day >= first and n < enough:
        if day >= expected_from:
            n += 1
        else:
            covered = {mid for mid, s, e in leaves if s <= day <= e}
            due = [mid for mid, j in joined.items() if j is None or j <= day]
            if not due or any(mid not in covered for mid in due):
                n += 1
        day -= timedelta(days=1)
    return n


def stalled_alerts(session: Session, group_id: int, as_of: date) -> list[Alert]:
    n = int(rules_at(session, as_of, "stalled_days")[0])
    stalled = stalled_query(session, group_id, as_of).subquery()
    rows = session.execute(
        select(stalled.c.id, Member.display_name, stalled.c.since, *_MENTION_COLUMNS)
        .join(Membership, Membership.id == stalled.c.id)
        .join(Member, Member.id == Membership.member_id)
        .order_by(stalled.c.since)
    ).all()
    return [
        Alert(
            "stalled_onboarding",
            mid,
            name,
            Phrase("alert.stalled", days=(as_of - bulk.stored_day(when)).days, limit=n),
            _mention(name, *rest),
        )
        for mid, name, when, *rest in rows
    ]


def structure(session: Session, group_id: int, as_of: date) -> tuple[dict[str, int], dict[str, int]]:
    """The members at the end of `as_of` by bucket (structure_bucket) and by tier name (未设置: none). Today (or
    later) reads the tier column; a past day each member's tier as it stood at that day's end (models/tier_history.py:
    the old tier of their first change after it) — a promotion in December leaves October's structure as it was.
    One grouped statement either way."""
    # the members at the day's end read by their own conditions: as `id IN (members_at_end …)` PostgreSQL scanned
    # every membership of the workspace to join them (70 ms a group at 100,000 members)
    if as_of >= clock.today():  # today's tiers are the column: no history to read
        rows = session.execute(
            select(Tier.name, Tier.rank, func.count())
            .select_from(Membership)
            .outerjoin(Tier, Tier.id == Membership.tier_id)
            .where(Membership.group_id == group_id, member_at_end_condition(as_of))
            .group_by(Tier.name, Tier.rank)
        ).all()
    else:  # a past day: each member's tier as it stood at its end (models/tier_history.py)
        name, rank, joins = tier_at_end_columns(as_of)
        rows = session.execute(
            joins(select(name, rank, func.count()).select_from(Membership))
            .where(Membership.group_id == group_id, member_at_end_condition(as_of))
            .group_by(name, rank)
        ).all()
    tiers = {(name or "未设置"): n for name, _rank, n in rows}
    buckets = {"key": 0, "mid": 0, "ordinary": 0, "unset": 0}
    for name, rank, n in rows:
        buckets[structure_bucket(name, rank)] += n
    return buckets, tiers


# the default tiers by name: the tier list is editable (Settings), and a tier keeps its meaning whatever its place
TIER_BUCKETS = {"核心": "key", "大咖": "key", "中咖": "mid", "普通": "ordinary"}


def structure_bucket(name: str | None, rank: int | None) -> str:
    """The 5/20/75 bucket of a tier: a default tier by its name (with 大咖 taken off the list, 中咖 and 普通 moved
    up a place and were counted as key and mid voices — three quarters of the group shown as mid voices); any
    other by its place, as the defaults stand (the first two key, the third mid, the rest ordinary). No tier:
    unset."""
    if rank is None:
        return "unset"
    if name in TIER_BUCKETS:
        return TIER_BUCKETS[name]
    return "key" if rank <= 1 else "mid" if rank == 2 else "ordinary"


def structure_targets(session: Session, at: date | None = None) -> dict[str, float]:
    """The structure's target per bucket (key / mid / ordinary): the tiers' target shares (Settings → 层级),
    summed by the bucket structure_bucket files each tier in. The column was editable but nothing read it: the
    dashboard and the workbook compared with a fixed 5/20/75 whatever the organiser set. Every share 0 (or no
    tier): PRODUCT §2's 5/20/75. `at`, a day before today: the targets as they stood then (a change of the tiers
    is kept from its day, taxonomy.save_tiers → settings.record_rule), the current ones when none was recorded."""
    if at is not None and at < clock.today():
        kept = history_at(session, at, STRUCTURE_TARGETS_RULE)
        if kept is not None:
            return {k: float(kept.get(k, 0.0)) for k, _t in STRUCTURE_TARGET}
    targets = {"key": 0.0, "mid": 0.0, "ordinary": 0.0}
    for name, rank, share in session.execute(select(Tier.name, Tier.rank, Tier.target_share)):
        targets[structure_bucket(name, rank)] += share or 0.0
    if not any(targets.values()):
        return dict(STRUCTURE_TARGET)
    return {k: round(v, 4) for k, v in targets.items()}


def structure_target_label(targets: dict[str, float]) -> str:
    """ "5/20/75": the targets as whole percents (a share of 2.5% reads 2.5), key / mid / ordinary."""
    return "/".join(f"{round(targets.get(k, 0.0) * 100, 1):g}" for k, _t in STRUCTURE_TARGET)


def role_coverage(session: Session, group_id: int, as_of: date) -> dict[str, int]:
    counts = dict(
        session.execute(
            select(Role.name, func.count(membership_role.c.membership_id))
            .select_from(Role)
            .outerjoin(
                membership_role,
                (membership_role.c.role_id == Role.id)
                & membership_role.c.membership_id.in_(members_at_end(as_of, group_id)),
            )
            .group_by(Role.name)
        ).all()
    )
    return {name: counts.get(name, 0) for name in session.scalars(select(Role.name).order_by(Role.id))}


def funnel(
    session: Session, group_id: int, since: date | None = None, until: date | None = None
) -> list[tuple[str, int]]:
    """How many memberships reached each live step (optionally only steps recorded since a day); a deleted
    person's steps are in no figure (docs/metrics.md), as in the stalled count beside it. `until`: as it stood at the
    end of that day — the steps live then, the records made by then (a past month's workbook)."""
    return [(name, n) for _sid, name, n in funnel_steps(session, group_id, since, until)]


def reached_both(session: Session, first_step: int, then_step: int, since: date | None = None) -> int:
    """How many memberships (people not deleted) recorded both steps (each since the day, when given) — the
    numerator of the funnel's conversion from `first_step` to `then_step`."""
    later = aliased(StepProgress)
    conds = [
        StepProgress.step_id == first_step,
        later.step_id == then_step,
        StepProgress.membership_id.not_in(DELETED_MEMBERSHIPS),
    ]
    if since:
        conds += [StepProgress.done_at >= day_start(since), later.done_at >= day_start(since)]
    return int(
        session.scalar(
            select(func.count())
            .select_from(StepProgress)
            .join(later, later.membership_id == StepProgress.membership_id)
            .where(*conds)
        )
        or 0
    )


def funnel_steps(
    session: Session, group_id: int, since: date | None = None, until: date | None = None
) -> list[tuple[int, str, int]]:
    """`funnel` with each step's id: (step id, name, reached)."""
    # each step's records counted by the step's index: as one outer join, PostgreSQL hashed the steps and walked
    # every step record of the workspace for each group (530,000 rows, 100 ms a group at 100,000 members)
    # every record of the step less those of the few deleted people (their memberships found through
    # ix_member_deleted, their records by the (membership, step) key): asking each of a step's records whether its
    # person was deleted took 380 ms for twenty groups' funnels at 100,000 members (530,000 records)
    dated = (
        *((StepProgress.done_at >= day_start(since),) if since else ()),
        *((StepProgress.done_at < day_after(until),) if until else ()),
    )
    every = (
        select(func.count())
        .select_from(StepProgress)
        .where(StepProgress.step_id == EntryStep.id, *dated)
        .correlate(EntryStep)
        .scalar_subquery()
    )
    of_deleted = (
        select(func.count())
        .select_from(StepProgress)
        .where(StepProgress.membership_id.in_(DELETED_MEMBERSHIPS), StepProgress.step_id == EntryStep.id, *dated)
        .correlate(EntryStep)
        .scalar_subquery()
    )
    reached = every - of_deleted
    live = EntryStep.retired_at.is_(None)
    if until:  # a step retired since was live then
        live = or_(live, EntryStep.retired_at >= day_after(until))
    q = (
        select(EntryStep.id, EntryStep.name, reached)
        .where(EntryStep.group_id == group_id, live)
        .order_by(EntryStep.position, EntryStep.id)
    )
    return [(sid, name, int(n)) for sid, name, n in session.execute(q).all()]


def top_referrers(session: Session, group_id: int, limit: int = 5) -> list[tuple[str, int]]:
    # counted among the group's active memberships first, then named: joined before counting, PostgreSQL merged
    # the referrer index of every group with every member (60 ms a group at 100,000 members)
    referred = (
        select(Membership.referrer_id, func.count().label("n"))
        .where(
            Membership.group_id == group_id,
            Membership.status == "active",
            Membership.referrer_id.is_not(None),
            of_live_person(),
        )
        .group_by(Membership.referrer_id)
        .subquery()
    )
    rows = session.execute(
        select(Member.display_name, referred.c.n)
        .join(referred, referred.c.referrer_id == Member.id)
        .where(Member.deleted_at.is_(None))
        .order_by(referred.c.n.desc(), Member.display_name)
        .limit(limit)
    ).all()
    return [(n, int(c)) for n, c in rows]


def daily_checkins(session: Session, group_id: int, start: date, end: date) -> list[tuple[date, int]]:
    from models import CheckIn

    counts = dict(
        session.execute(
            select(CheckIn.day, func.count())
            .where(
                CheckIn.group_id == group_id,
                CheckIn.day >= start,
                CheckIn.day <= end,
                CheckIn.membership_id.not_in(DELETED_MEMBERSHIPS),  # a deleted person's: in no figure
            )
            .group_by(CheckIn.day)
        ).all()
    )
    days = []
    d = start
    while d <= end:
        days.append((d, int(counts.get(d, 0))))
        d += timedelta(days=1)
    return days


def activities_per_month(session: Session, group_id: int, as_of: date, months: int = 6) -> list[tuple[str, int]]:
    y, m = as_of.year, as_of.month
    keys = []
    for _ in range(months):
        keys.append((y, m))
        y, m = previous_month(y, m)
    keys.reverse()
    start = date(keys[0][0], keys[0][1], 1)
    starts = session.scalars(
        select(Activity.starts_at).where(
            Activity.group_id == group_id, Activity.starts_at >= day_start(start), Activity.starts_at < day_after(as_of)
        )
    ).all()
    counts: dict[tuple[int, int], int] = {}
    for s in starts:
        counts[(s.year, s.month)] = counts.get((s.year, s.month), 0) + 1
    return [(f"{yy}-{mm:02d}", counts.get((yy, mm), 0)) for yy, mm in keys]


def group_health(session: Session, group_id: int, as_of: date | None = None) -> GroupHealth:
    as_of = as_of or clock.today()
    group = session.get(Group, group_id)
    assert group is not None
    stats = month_stats(session, group_id, as_of.year, as_of.month, today=as_of)
    py, pm = previous_month(as_of.year, as_of.month)
    last = month_stats(session, group_id, py, pm, today=as_of)
    buckets, tiers = structure(session, group_id, as_of)
    roles = role_coverage(session, group_id, as_of)
    active_7 = active_count(session, group_id, as_of, 7)
    dormant_days = int(rules_at(session, as_of, "dormant_days")[0])
    unobserved = not observed_from(session, group_id, as_of - timedelta(days=dormant_days - 1))
    return GroupHealth(
        group_id=group_id,
        name=group.name,
        as_of=as_of,
        members=stats.members_total,
        capacity=group.capacity,
        active_7=active_7,
        active_30=active_count(session, group_id, as_of, 30),
        month=stats,
        last_month=last,
        last_month_recorded=month_recorded(group.created_at.date(), py, pm, last),
        structure=buckets,
        structure_target=structure_targets(session, at=as_of),
        tiers=tiers,
        roles=roles,
        missing_roles=tuple(r for r, n in roles.items() if n == 0),
        activities_per_month=tuple(activities_per_month(session, group_id, as_of)),
        daily_checkins=tuple(daily_checkins(session, group_id, date(as_of.year, as_of.month, 1), as_of)),
        funnel=tuple(funnel(session, group_id)),
        top_referrers=tuple(top_referrers(session, group_id)),
        alerts=tuple(alerts(session, group_id, as_of, members=stats.members_total, active_7=active_7)),
        observed_since=observed_since(session, group_id) if unobserved else None,
    )
