"""The demo workspace generator: deterministic, the requested sizes, every status and pattern present,
facts inside their memberships' time, a points ledger that agrees with the facts, all-or-nothing."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select, text

from desktop.demo import CANONICAL_STEPS, DemoCancelled, build_demo
from models import (
    Activity,
    Attendance,
    AuditEntry,
    CheckIn,
    Contribution,
    EntryStep,
    Group,
    Leave,
    Member,
    Membership,
    Operator,
    PointRule,
    PointsEntry,
    Role,
    RulesVersion,
    StepProgress,
    Tier,
    Violation,
    membership_role,
)
from models.base import MEMBERSHIP_STATUSES
from models.db import open_database
from models.search_keys import name_keys

TODAY = date(2026, 11, 20)
HISTORY_START = date(2026, 9, 1)  # months=3 ending in November: September, October, November


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One small demo shared by the read-only tests: (database, summary)."""
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    summary = build_demo(db.engine, groups=3, members=300, months=3, seed=11, today=TODAY)
    yield db, summary
    db.dispose()


def rows(conn, stmt):
    return conn.execute(stmt).all()


def dump(engine) -> dict[str, list[tuple]]:
    """Every table but the audit log (its time is the real time of the build), in id order."""
    out = {}
    with engine.connect() as conn:
        for table in (
            "community_group",
            "rules_version",
            "entry_step",
            "point_rule",
            "level",
            "tier",
            "role",
            "tag",
            "operator",
            "member",
            "member_tag",
            "membership",
            "membership_role",
            "step_progress",
            "leave",
            "activity",
            "attendance",
            "contribution",
            "violation",
            "checkin",
            "points_entry",
        ):
            out[table] = [tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{table}" ORDER BY 1, 2')]
    return out


# ---------------------------------------------------------------------------------------------- sizes


def test_counts_match_the_request_and_the_summary(demo):
    db, s = demo
    with db.engine.connect() as c:
        assert c.scalar(select(func.count()).select_from(Group)) == s.groups == 3
        assert c.scalar(select(func.count()).select_from(Member)) == s.members == 300
        assert c.scalar(select(func.count(func.distinct(Membership.member_id)))) == 300
        assert c.scalar(select(func.count()).select_from(Membership)) == s.memberships
        assert c.scalar(select(func.count()).select_from(CheckIn)) == s.checkins
        assert c.scalar(select(func.count()).select_from(Activity)) == s.activities
        assert c.scalar(select(func.count()).select_from(Attendance)) == s.attendance
        assert c.scalar(select(func.count()).select_from(PointsEntry)) == s.points_entries
        per_person = rows(c, select(func.count()).select_from(Membership).group_by(Membership.member_id))
    assert {n for (n,) in per_person} <= {1, 2, 3}
    assert s.memberships > s.members  # some people are in several groups
    assert s.checkins > s.memberships  # check-ins are the bulk
    assert s.seconds > 0


def test_audit_entry_summarises_the_build(demo):
    db, s = demo
    with db.engine.connect() as c:
        entries = rows(c, select(AuditEntry.action, AuditEntry.entity, AuditEntry.summary))
    assert [(a, e) for a, e, _ in entries] == [("demo.create", "workspace")]
    summary = json.loads(entries[0][2])
    assert summary["members"] == 300 and summary["checkins"] == s.checkins and summary["seed"] == 11


# ---------------------------------------------------------------------------------------------- determinism


def test_same_seed_and_today_give_identical_content(tmp_path):
    a = open_database(tmp_path / "a.sqlite")
    b = open_database(tmp_path / "b.sqlite")
    c = open_database(tmp_path / "c.sqlite")
    try:
        build_demo(a.engine, groups=2, members=120, months=2, seed=5, today=TODAY)
        build_demo(b.engine, groups=2, members=120, months=2, seed=5, today=TODAY)
        build_demo(c.engine, groups=2, members=120, months=2, seed=6, today=TODAY)
        da, db_, dc = dump(a.engine), dump(b.engine), dump(c.engine)
    finally:
        a.dispose(), b.dispose(), c.dispose()
    assert da["member"] and da["membership"] and da["checkin"]
    for table in da:
        assert da[table] == db_[table], table
    assert da["member"] != dc["member"] and da["checkin"] != dc["checkin"]


# ---------------------------------------------------------------------------------------------- people


def test_members_look_real(demo):
    db, _ = demo
    with db.engine.connect() as c:
        people = rows(
            c,
            select(
                Member.display_name,
                Member.initials,
                Member.pinyin,
                Member.phone,
                Member.phone_tail,
                Member.wechat_id,
                Member.gender,
                Member.city,
                Member.real_name_verified,
                Member.verified_on,
                Member.seed_user,
            ),
        )
    names = [p.display_name for p in people]
    for p in people:
        assert (p.initials, p.pinyin) == name_keys(p.display_name)
        if p.phone is None:
            assert p.phone_tail is None
        else:
            assert re.fullmatch(r"1[358]\d{9}", p.phone) and p.phone_tail == p.phone[-4:]
        assert p.real_name_verified == (p.verified_on is not None)
    phones = [p.phone for p in people if p.phone]
    wechats = [p.wechat_id for p in people if p.wechat_id]
    assert len(phones) == len(set(phones)) > 250
    assert len(wechats) == len(set(wechats)) > 250
    assert any(w.startswith("wxid_") for w in wechats) and any(re.fullmatch(r"[a-z]+(_\d{4}|\d+)", w) for w in wechats)
    chinese = [n for n in names if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", n)]
    assert len(chinese) > 200
    odd = [n for n in names if any(ord(ch) > 0xFFFF or 0xFF01 <= ord(ch) <= 0xFF5E for ch in n)]
    assert 10 <= len(odd) <= 60  # emoji and full-width nicknames, about 10%
    assert any(re.fullmatch(r"[A-Za-z]+( [A-Za-z]+)?", n) for n in names)  # some Latin names
    assert {p.gender for p in people} >= {"male", "female"}
    assert len({p.city for p in people if p.city}) >= 8
    assert 0 < sum(p.seed_user for p in people) < 30
    assert 0 < sum(p.real_name_verified for p in people) < 150


def test_groups_steps_rules_and_defaults(demo):
    db, _ = demo
    with db.engine.connect() as c:
        groups = rows(
            c,
            select(
                Group.id,
                Group.name,
                Group.kind,
                Group.fee_cents,
                Group.capacity,
                Group.goal,
                Group.joining_notice,
                Group.created_at,
            ),
        )
        steps = rows(
            c,
            select(EntryStep.group_id, EntryStep.code, EntryStep.name, EntryStep.kind, EntryStep.required).order_by(
                EntryStep.group_id, EntryStep.position
            ),
        )
        versions = rows(c, select(RulesVersion.group_id, RulesVersion.version, RulesVersion.created_at))
        tiers = rows(c, select(Tier.name, Tier.rank, Tier.target_share).order_by(Tier.rank))
        roles = {r for (r,) in rows(c, select(Role.name))}
        rules = rows(c, select(PointRule.group_id, PointRule.code, PointRule.points))
        first_join = c.scalar(select(func.min(Membership.applied_at)))
        ops = rows(c, select(Operator.name, Operator.role))
    assert [g.name for g in groups] == ["早起打卡营", "每月一本书读书会", "城市夜跑团"]
    assert all(g.capacity == 500 and g.goal and g.joining_notice for g in groups)
    assert all(g.created_at < datetime.combine(HISTORY_START, datetime.min.time()) for g in groups)
    assert first_join > min(g.created_at for g in groups)
    by_group = defaultdict(list)
    for s in steps:
        by_group[s.group_id].append((s.code, s.name, s.kind, s.required))
    for g in groups:
        expected = [(code, n, k, req) for code, n, k, req, fee_only in CANONICAL_STEPS if not fee_only or g.fee_cents]
        assert by_group[g.id] == expected
    assert {v.version for v in versions if v.group_id == groups[0].id} == {1, 2}
    assert [(t.name, t.rank, t.target_share) for t in tiers] == [
        ("核心", 0, 0.01),
        ("大咖", 1, 0.04),
        ("中咖", 2, 0.20),
        ("普通", 3, 0.75),
    ]
    assert roles == {"日常运营", "策划", "输出者", "助理", "客服"}
    assert len(rules) == 3 * 8 and ("checkin" in {r.code for r in rules})
    assert ops == [("群主", "owner")]


def test_paid_camp_and_unique_names_for_many_groups(tmp_path):
    db = open_database(tmp_path / "demo.sqlite")
    try:
        build_demo(db.engine, groups=14, members=200, months=1, seed=2, today=TODAY)
        with db.engine.connect() as c:
            names = [n for (n,) in rows(c, select(Group.name))]
            fees = rows(c, select(Group.name, Group.fee_cents).where(Group.fee_cents > 0))
            fee_steps = rows(c, select(StepProgress.amount_cents).join(EntryStep).where(EntryStep.code == "fee"))
            paid = c.scalar(select(func.count()).select_from(Membership).where(Membership.fee_paid_cents > 0))
    finally:
        db.dispose()
    assert len(names) == len(set(names)) == 14
    assert "早起打卡营1群" in names and "早起打卡营2群" in names
    assert ("21天写作训练营", 19900) in fees
    assert fee_steps and all(a in (19900, 9900) for (a,) in fee_steps) and paid > 0


# ---------------------------------------------------------------------------------------------- memberships


def test_every_status_and_stalled_onboarding(demo):
    db, _ = demo
    cutoff = datetime.combine(TODAY - timedelta(days=10), datetime.min.time())
    with db.engine.connect() as c:
        statuses = dict(rows(c, select(Membership.status, func.count()).group_by(Membership.status)))
        last_step = (
            select(StepProgress.membership_id, func.max(StepProgress.done_at).label("last"))
            .group_by(StepProgress.membership_id)
            .subquery()
        )
        onboarding = rows(
            c,
            select(Membership.id, Membership.group_id, Membership.applied_at, last_step.c.last)
            .outerjoin(last_step, last_step.c.membership_id == Membership.id)
            .where(Membership.status == "onboarding"),
        )
        waiting_at = rows(
            c,
            select(Membership.group_id, func.count(StepProgress.id))
            .outerjoin(StepProgress, StepProgress.membership_id == Membership.id)
            .where(Membership.status == "onboarding")
            .group_by(Membership.id),
        )
        left = rows(
            c,
            select(Membership.status, Membership.left_at, Membership.left_reason, Membership.joined_at).where(
                Membership.status.in_(("left", "removed", "blacklisted"))
            ),
        )
        pending = rows(
            c,
            select(Membership.joined_at, Membership.left_at).where(Membership.status.in_(("applicant", "onboarding"))),
        )
    assert set(statuses) == set(MEMBERSHIP_STATUSES)
    assert statuses["active"] > 0.6 * sum(statuses.values())
    assert 1 <= statuses["blacklisted"] <= 2
    stalled = [m for m in onboarding if (m.last or m.applied_at) < cutoff]
    recent = [m for m in onboarding if (m.last or m.applied_at) >= cutoff]
    assert stalled and recent
    for g in {m.group_id for m in onboarding}:  # someone waits at every required step (purpose, rules, intro)
        assert {n for gid, n in waiting_at if gid == g} >= {0, 1, 2}
    assert all(m.left_at is not None and m.joined_at is not None and m.left_at > m.joined_at for m in left)
    assert sum(1 for m in left if m.left_reason) > 0.7 * len(left)
    assert all(j is None and lft is None for j, lft in pending)


def test_step_progress_of_members(demo):
    db, _ = demo
    with db.engine.connect() as c:
        done = rows(
            c,
            select(
                Membership.id,
                Membership.status,
                Membership.applied_at,
                Membership.joined_at,
                Membership.purpose,
                Membership.fee_paid_cents,
                EntryStep.code,
                StepProgress.done_at,
                StepProgress.answer,
                StepProgress.rules_version,
                RulesVersion.created_at.label("v2_at"),
            )
            .join(StepProgress, StepProgress.membership_id == Membership.id)
            .join(EntryStep, EntryStep.id == StepProgress.step_id)
            .outerjoin(RulesVersion, (RulesVersion.group_id == Membership.group_id) & (RulesVersion.version == 2)),
        )
        active_ids = {i for (i,) in rows(c, select(Membership.id).where(Membership.status == "active"))}
    codes = defaultdict(set)
    for d in done:
        codes[d.id].add(d.code)
        assert d.applied_at <= d.done_at
        if d.code == "purpose":
            assert d.answer == d.purpose and d.answer
        if d.code == "rules":
            assert d.rules_version == (2 if d.v2_at is not None and d.done_at >= d.v2_at else 1)
    for mid in active_ids:  # members did every required step
        assert codes[mid] >= {"purpose", "rules", "intro"}
    assert any("photo" in c for c in codes.values()) and any("verify" in c for c in codes.values())


def test_tiers_roles_nicknames_and_referrals(demo):
    db, _ = demo
    with db.engine.connect() as c:
        tiers = dict(
            rows(
                c,
                select(Tier.rank, func.count())
                .join(Membership, Membership.tier_id == Tier.id)
                .where(Membership.status == "active")
                .group_by(Tier.rank),
            )
        )
        roles = rows(
            c,
            select(Membership.group_id, Role.name)
            .join(membership_role, membership_role.c.membership_id == Membership.id)
            .join(Role, Role.id == membership_role.c.role_id),
        )
        nick = c.scalar(select(func.count()).where(Membership.group_nickname.is_not(None)))
        ms = {(m.member_id, m.group_id): m for m in rows(c, select(Membership))}
    total = sum(tiers.values())
    assert tiers[0] / total < 0.06 and tiers[1] / total < 0.1 and 0.12 < tiers[2] / total < 0.3
    assert tiers[3] / total > 0.6
    group_roles = defaultdict(set)
    for gid, name in roles:
        group_roles[gid].add(name)
    assert all("日常运营" in group_roles[g] for g in (1, 2, 3))
    assert "输出者" in group_roles[1] and "输出者" not in group_roles[3]  # one role-coverage gap
    assert nick > 20
    depth_max = 0
    referred = [m for m in ms.values() if m.referrer_id is not None]
    assert len(referred) > 50
    for m in referred:
        ref = ms[(m.referrer_id, m.group_id)]  # the referrer is in the same group and joined before
        assert ref.joined_at is not None and ref.joined_at < (m.applied_at or m.joined_at)
        depth, cur = 0, m
        while cur.referrer_id is not None:
            cur, depth = ms[(cur.referrer_id, cur.group_id)], depth + 1
        depth_max = max(depth_max, depth)
    assert depth_max >= 3


# ---------------------------------------------------------------------------------------------- participation


def test_checkins_stay_inside_membership_and_history(demo):
    db, _ = demo
    with db.engine.connect() as c:
        outside = c.scalar(
            select(func.count())
            .select_from(CheckIn)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .where(
                Membership.joined_at.is_(None)
                | (CheckIn.day < func.date(Membership.joined_at))
                | (Membership.left_at.is_not(None) & (CheckIn.day > func.date(Membership.left_at)))
            )
        )
        first, last = c.execute(select(func.min(CheckIn.day), func.max(CheckIn.day))).one()
        on_leave = c.scalar(
            select(func.count())
            .select_from(CheckIn)
            .join(
                Leave,
                (Leave.membership_id == CheckIn.membership_id)
                & (CheckIn.day >= Leave.start_day)
                & (CheckIn.day <= Leave.end_day),
            )
        )
        leaves = c.scalar(select(func.count()).select_from(Leave))
        wrong_group = c.scalar(
            select(func.count())
            .select_from(CheckIn)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .where(Membership.group_id != CheckIn.group_id)
        )
        times = rows(c, select(CheckIn.day, CheckIn.checked_at, CheckIn.late, CheckIn.source, CheckIn.group_id))
    assert outside == 0 and wrong_group == 0
    assert first >= HISTORY_START and last <= TODAY
    assert leaves > 0 and on_leave == 0
    for day, at, late, _source, _g in times:
        assert at.date() == (day + timedelta(days=1) if late else day)
    early = [at for _d, at, late, _s, g in times if g == 1 and not late]
    assert all(5 <= at.hour < 8 for at in early)  # the early-rising group checks in early
    assert {s for *_x, s, _g in times} == {"manual", "paste", "import"}
    assert 0 < sum(late for _d, _a, late, _s, _g in times) < 0.06 * len(times)


def test_checkin_patterns(demo):
    db, _ = demo
    since = TODAY - timedelta(days=29)
    with db.engine.connect() as c:
        per = rows(
            c,
            select(
                Membership.id,
                Membership.joined_at,
                func.count(CheckIn.id),
                func.max(CheckIn.day),
                func.sum(CheckIn.day >= since),
            )
            .join(CheckIn, CheckIn.membership_id == Membership.id)
            .where(Membership.status == "active", Membership.group_id == 1)
            .group_by(Membership.id),
        )
        members = c.scalar(select(func.count()).where(Membership.status == "active", Membership.group_id == 1))
    old = [p for p in per if p.joined_at.date() < HISTORY_START]
    days = (TODAY - HISTORY_START).days + 1
    assert any(p[2] > 0.8 * days for p in old)  # steady
    assert any(p[3] < TODAY - timedelta(days=30) for p in per)  # went silent
    assert any(p[2] > 20 and p[4] < 6 for p in old)  # fading
    assert len(per) < members  # some never check in (silent newcomers among them)


def test_activities_attendance_contributions_violations(demo):
    db, _ = demo
    with db.engine.connect() as c:
        acts = rows(c, select(Activity))
        att = rows(
            c,
            select(
                Attendance.status,
                Attendance.role,
                Activity.starts_at,
                Membership.joined_at,
                Membership.left_at,
            )
            .join(Activity)
            .join(Membership),
        )
        kinds = {k for (k,) in rows(c, select(Contribution.kind).distinct())}
        vio = rows(c, select(Violation.membership_id, Violation.day, Violation.action))
    assert len(acts) >= 3 * 3 * 2  # several per group per month
    series = defaultdict(list)
    for a in acts:
        assert a.starts_at.date() >= HISTORY_START and (a.ends_at is None or a.ends_at >= a.starts_at)
        assert a.online or a.place
        if a.series:
            series[(a.group_id, a.series)].append((a.starts_at, a.edition))
    for editions in series.values():
        assert [e for _s, e in sorted(editions)] == list(range(1, len(editions) + 1))
    assert {a.online for a in acts} == {True, False}
    assert {s for s, *_ in att} == {"registered", "attended", "absent", "excused"}
    assert {r for _s, r, *_ in att} == {"host", "speaker", "attendee"}
    for status, _role, starts, joined, left in att:
        assert joined < starts and (left is None or left > starts)
        assert (status == "registered") == (starts.date() >= TODAY)
    assert kinds >= {"share", "answer", "post", "referral"}
    by_ms = defaultdict(list)
    for mid, day, _action in vio:
        by_ms[mid].append(day)
    assert any(len(d) >= 3 and max(d) - min(d) <= timedelta(days=90) for d in by_ms.values())
    assert "removal" in {a for *_x, a in vio}


# ---------------------------------------------------------------------------------------------- points


def test_points_ledger_agrees_with_the_facts(demo):
    db, _ = demo
    with db.engine.connect() as c:
        by_source = dict(rows(c, select(PointsEntry.source_kind, func.count()).group_by(PointsEntry.source_kind)))
        checkin_points = c.scalar(
            select(func.count())
            .select_from(PointsEntry)
            .join(
                CheckIn,
                (PointsEntry.source_kind == "checkin")
                & (CheckIn.id == PointsEntry.source_id)
                & (CheckIn.membership_id == PointsEntry.membership_id)
                & (CheckIn.day == PointsEntry.day),
            )
        )
        n_checkins = c.scalar(select(func.count()).select_from(CheckIn))
        manual = rows(c, select(PointsEntry.reason, PointsEntry.source_id).where(PointsEntry.source_kind == "manual"))
        reasons = {r for (r,) in rows(c, select(PointsEntry.reason).distinct())}
    from desktop.services.points import recompute_preview  # the one definition of what the rules give

    with db.session() as s:
        for gid in s.scalars(select(Group.id)):
            assert recompute_preview(s, gid) == []
    assert set(by_source) == {
        "checkin",
        "streak",
        "attendance",
        "contribution",
        "violation",
        "referral",
        "manual",
    }
    assert checkin_points == n_checkins == by_source["checkin"]
    assert manual and all(reason and source is None for reason, source in manual)
    assert {"打卡", "连续打卡7天"} <= reasons


# ------------------------------------------------------------------------------------------ all or nothing


def test_refuses_a_workspace_that_has_groups_or_members(demo, tmp_path):
    db, _ = demo
    with pytest.raises(ValueError, match="empty"):
        build_demo(db.engine, groups=1, members=5, today=TODAY)
    other = open_database(tmp_path / "one.sqlite")
    try:
        with other.engine.begin() as c:
            c.execute(insert(Member), [{"display_name": "张三"}])
        with pytest.raises(ValueError, match="1 名成员"):
            build_demo(other.engine, groups=1, members=5, today=TODAY)
    finally:
        other.dispose()


@pytest.mark.parametrize("bad", [{"groups": 0}, {"members": 0}, {"months": 0}])
def test_rejects_bad_sizes(tmp_path, bad):
    db = open_database(tmp_path / "demo.sqlite")
    try:
        with pytest.raises(ValueError):
            build_demo(db.engine, today=TODAY, **bad)
    finally:
        db.dispose()


def test_cancel_rolls_everything_back(tmp_path):
    db = open_database(tmp_path / "demo.sqlite")
    calls = {"progress": [], "asked": 0}

    def cancelled() -> bool:
        calls["asked"] += 1
        return len(calls["progress"]) >= 12  # well into the build: members and memberships are written

    try:
        with pytest.raises(DemoCancelled):
            build_demo(
                db.engine,
                groups=2,
                members=150,
                today=TODAY,
                cancelled=cancelled,
                progress=lambda done, total: calls["progress"].append((done, total)),
            )
        with db.engine.connect() as c:
            for table in (
                "operator",
                "tier",
                "role",
                "tag",
                "community_group",
                "member",
                "membership",
                "checkin",
                "points_entry",
                "audit_log",
            ):
                assert c.exec_driver_sql(f'SELECT COUNT(*) FROM "{table}"').scalar() == 0, table
        assert calls["asked"] > 10
        summary = build_demo(db.engine, groups=2, members=150, today=TODAY)  # and it can be run again
        assert summary.members == 150
    finally:
        db.dispose()


def _schema(engine) -> list[tuple]:
    with engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY type, name"
        ).all()


def test_what_the_build_sets_aside_is_back_after_it_and_after_a_cancel(tmp_path):
    """On SQLite the build sets aside the kept values' and the name pieces' triggers and the big tables'
    indexes, and makes them again at the end in the same transaction: after a build and after a cancel the
    schema is the fresh workspace's, the kept values and the pieces agree with the rows, and a name written
    after the demo is found by its pieces."""
    from models import kept, search

    db = open_database(tmp_path / "demo.sqlite")
    try:
        fresh = _schema(db.engine)
        assert any(name == "ix_points_entry_group_day_points" for _t, name, _s in fresh)
        assert any(name == "gram_member_ai" for _t, name, _s in fresh)
        steps: list[int] = []
        with pytest.raises(DemoCancelled):  # cancelled well into the build, with everything set aside
            build_demo(
                db.engine,
                groups=2,
                members=150,
                today=TODAY,
                progress=lambda done, _total: steps.append(done),
                cancelled=lambda: len(steps) >= 12,
            )
        assert len(steps) >= 12
        assert _schema(db.engine) == fresh
        build_demo(db.engine, groups=2, members=150, today=TODAY)
        assert _schema(db.engine) == fresh
        with db.engine.begin() as conn:
            assert kept.drift(conn) == []
            assert search.drift(conn) == []
            assert conn.execute(search.people_named(conn.execute(select(Member.display_name)).scalar())).first()
            conn.execute(insert(Member).values(display_name="欧阳娜娜", pinyin="ouyangnana", initials="oynn"))
            assert len(conn.execute(search.people_named("阳娜")).all()) == 1
            ms = conn.execute(select(Membership.id, Membership.group_id).limit(1)).one()
            before = conn.execute(select(Membership.points_balance).where(Membership.id == ms.id)).scalar_one()
            conn.execute(
                insert(PointsEntry).values(
                    membership_id=ms.id,
                    group_id=ms.group_id,
                    day=TODAY,
                    points=5,
                    reason="手动",
                    source_kind="manual",
                    created_at=datetime(2026, 11, 20, 9, 0),
                )
            )
            after = conn.execute(select(Membership.points_balance).where(Membership.id == ms.id)).scalar_one()
            assert after == before + 5
    finally:
        db.dispose()


def test_progress_goes_up_to_the_total(tmp_path):
    db = open_database(tmp_path / "demo.sqlite")
    seen: list[tuple[int, int]] = []
    try:
        build_demo(db.engine, groups=2, members=100, months=1, today=TODAY, progress=lambda d, t: seen.append((d, t)))
    finally:
        db.dispose()
    assert len(seen) > 5
    assert all(b[0] >= a[0] for a, b in zip(seen, seen[1:], strict=False))
    assert seen[-1][0] == seen[-1][1] and len({t for _d, t in seen}) == 1


# ---------------------------------------------------------------------------------------------- months, sizes


@pytest.mark.parametrize(
    ("today", "months", "start"),
    [
        (date(2026, 3, 15), 3, date(2026, 1, 1)),
        (date(2026, 1, 31), 2, date(2025, 12, 1)),
        (date(2026, 5, 1), 1, date(2026, 5, 1)),
    ],
)
def test_months_is_history_ending_today(tmp_path, today, months, start):
    db = open_database(tmp_path / "demo.sqlite")
    try:
        build_demo(db.engine, groups=2, members=80, months=months, seed=3, today=today)
        with db.engine.connect() as c:
            first, last = c.execute(select(func.min(CheckIn.day), func.max(CheckIn.day))).one()
            first_act = c.scalar(select(func.min(Activity.starts_at)))
            joined_before = c.scalar(
                select(func.count()).where(Membership.joined_at < datetime.combine(start, datetime.min.time()))
            )
    finally:
        db.dispose()
    assert first >= start and last <= today
    assert first_act.date() >= start
    assert joined_before > 0  # members from before the history too


def test_existing_owner_tiers_and_roles_are_reused(tmp_path):
    from desktop.workspace import open_workspace

    db = open_workspace(tmp_path / "ws.sqlite")
    try:
        with db.engine.begin() as c:
            c.execute(insert(Operator), [{"name": "小助理", "role": "assistant"}])
            before = {t: c.exec_driver_sql(f"SELECT COUNT(*) FROM {t}").scalar() for t in ("operator", "tier", "role")}
            owner = c.scalar(select(Operator.id).where(Operator.role == "owner"))
        build_demo(db.engine, groups=2, members=60, months=1, today=TODAY)
        with db.engine.connect() as c:
            after = {t: c.exec_driver_sql(f"SELECT COUNT(*) FROM {t}").scalar() for t in ("operator", "tier", "role")}
            recorders = {r for (r,) in rows(c, select(CheckIn.recorded_by).distinct())}
            # the workspace still works: a new row gets the next id
            c.execute(text("INSERT INTO tag (name, color) VALUES ('新标签', '#000000')"))
    finally:
        db.dispose()
    assert after == before
    assert recorders == {owner}


def test_a_large_workspace_respects_capacity(tmp_path):
    """Size test (no timing): when people outnumber the seats, groups fill up to ~500 and no further."""
    db = open_database(tmp_path / "big.sqlite")
    try:
        s = build_demo(db.engine, groups=4, members=4000, months=1, seed=4, today=TODAY)
        with db.engine.connect() as c:
            active = dict(
                rows(
                    c,
                    select(Membership.group_id, func.count())
                    .where(Membership.status == "active")
                    .group_by(Membership.group_id),
                )
            )
            people = c.scalar(select(func.count(func.distinct(Membership.member_id))))
            duplicates = c.scalar(
                select(func.count()).select_from(
                    select(CheckIn.membership_id)
                    .group_by(CheckIn.membership_id, CheckIn.day)
                    .having(func.count() > 1)
                    .subquery()
                )
            )
    finally:
        db.dispose()
    assert s.members == people == 4000 and s.groups == 4
    assert max(active.values()) <= 520
    assert max(active.values()) >= 450  # over 90% of a 500 seat group
    assert duplicates == 0


def test_postgresql_sequences_follow_the_given_ids(pg_url):
    db = open_database(pg_url)
    try:
        s = build_demo(db.engine, groups=2, members=60, months=1, today=TODAY)
        with db.engine.begin() as c:
            new_id = c.execute(insert(Member).values(display_name="新成员").returning(Member.id)).scalar()
            gid = c.execute(insert(Group).values(name="新群").returning(Group.id)).scalar()
        assert new_id == s.members + 1 and gid == 3
        assert s.checkins > 0
    finally:
        db.dispose()


def test_the_demo_writer_stores_exactly_what_sqlalchemy_would(tmp_path, monkeypatch):
    """The demo writes plain rows through the driver (models/bulk.py); the same demo written row by row
    through SQLAlchemy holds the same values of the same types in every table (the audit row's time aside)."""
    import sqlite3
    from datetime import date

    import desktop.demo as demo
    from models.db import open_database

    def build(path, driver):
        monkeypatch.setattr(demo, "_DRIVER_WRITES", driver)
        db = open_database(path)
        try:
            demo.build_demo(db.engine, groups=3, members=150, months=2, seed=7, today=date(2026, 11, 18))
        finally:
            db.dispose()

    build(tmp_path / "fast.sqlite", True)
    build(tmp_path / "slow.sqlite", False)  # every row through SQLAlchemy, values as Python objects
    fast, slow = sqlite3.connect(tmp_path / "fast.sqlite"), sqlite3.connect(tmp_path / "slow.sqlite")
    try:
        tables = [r[0] for r in fast.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        assert "checkin" in tables
        for table in tables:
            columns = [
                r[1] for r in fast.execute(f'PRAGMA table_info("{table}")') if (table, r[1]) != ("audit_log", "at")
            ]
            typed = ", ".join(f'"{c}", typeof("{c}")' for c in columns)
            without_rowid = fast.execute("SELECT wr FROM pragma_table_list WHERE name = ?", (table,)).fetchone()[0]
            query = f'SELECT {typed} FROM "{table}" ORDER BY {"1, 2" if without_rowid else "rowid"}'
            assert fast.execute(query).fetchall() == slow.execute(query).fetchall(), table
        assert fast.execute("SELECT count(*) FROM checkin").fetchone()[0] > 1000
    finally:
        fast.close()
        slow.close()


def test_the_demo_writes_the_services_ledger_reasons(demo):
    """The demo's ledger says what the services write (参加活动「…」, 分享「…」, 推荐入群 …), so an English window or
    workbook of the demo reads them in English (desktop/phrases.py ledger_reason); it wrote its own wordings
    (参加线上活动：…, 推荐张三入群), which stayed Chinese. Manual adjustments are typed text and stay as they are."""
    from desktop.phrases import Phrase, ledger_reason

    db, _ = demo
    with db.engine.connect() as c:
        reasons = {
            r for (r,) in rows(c, select(PointsEntry.reason).where(PointsEntry.source_kind != "manual").distinct())
        }
    assert len(reasons) > 5
    assert [r for r in reasons if not isinstance(ledger_reason(r), Phrase)] == []
