"""Merging two records of one person, part two (probe merge2): a day both records checked in keeps the row that
says most (on time, then the posted time); what the kept record's own value hides of the other is shown in the
note (QQ number, city, occupation) and a differing QQ number is a sign of two people; a leaderboard opt-out
stands; every merge is undone row for row; after the merge a 接龙 naming the other record finds the kept person."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from paste_run import paste_run
from sqlalchemy import select

from desktop.services.checkins import CheckinEntry, record_checkins
from desktop.services.groups import create_group
from desktop.services.members import identity_conflicts, merge_members
from desktop.services.merge_undo import undo_merge
from desktop.services.points import balance, recompute_preview
from desktop.services.roster import MemberInput, add_member
from models import AuditEntry, Base, CheckIn, Member, kept

JOINED = datetime(2026, 10, 1, 9, 0)
TODAY = date(2026, 11, 18)
DAY = date(2026, 11, 3)
_LOGS = {"audit_log", "merge_undo", "alembic_version"}


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _dump(connection) -> dict[str, list[tuple]]:
    """Every row of every table but the append-only logs (the merge and its undo add to those)."""
    out = {}
    for table in Base.metadata.sorted_tables:
        if table.name in _LOGS:
            continue
        cols = [c for c in table.columns if not (table.name == "membership" and c.name == "streak_checked")]
        out[table.name] = sorted(tuple(str(v) for v in r) for r in connection.execute(select(*cols)).all())
    return out


def _consistent(s, gid: int) -> None:
    s.flush()
    assert kept.drift(s.connection()) == []
    assert recompute_preview(s, gid) == []


def _pair(s, owner, gid, keep: dict | None = None, drop: dict | None = None):
    k, kms = add_member(
        s, owner, gid, MemberInput(display_name="王五", wechat_id="ww1", joined_at=JOINED, **(keep or {}))
    )
    d, dms = add_member(s, owner, gid, MemberInput(display_name="小王同学", joined_at=JOINED, **(drop or {})))
    return k, kms, d, dms


def _merge_and_undo(workspace, owner, keep: int, drop: int, check) -> None:
    """Merge, run `check(session)` on the merged state, undo: every row is back as it was, the kept values too, and
    the audit log holds the merge and its undo."""
    with workspace.session() as s:
        before = _dump(s.connection())
        summary = merge_members(s, owner, keep, drop)
        s.commit()
        check(s)
    with workspace.session() as s:
        undo_merge(s, owner, summary.merge_id)
        s.commit()
    with workspace.session() as s:
        assert _dump(s.connection()) == before
        assert kept.drift(s.connection()) == []
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action.in_(("member.merge", "member.unmerge")))
        ).all()
        assert sorted(actions) == ["member.merge", "member.unmerge"]


@pytest.mark.parametrize("timed_on", ["kept", "dropped"])
def test_a_day_both_records_checked_in_keeps_the_posted_time(workspace, owner, timed_on):
    """One record ticked in the quick box (no time), the other read from a pasted 接龙 at 06:30: the merge kept the
    kept record's bare tick and the member's 06:30 was gone — now the row with the time stays, whole (its source
    too), whichever record it was on; one check-in, its point once; the undo gives back both rows."""
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        k, kms, d, dms = _pair(s, owner, gid)
        timed, bare = (kms, dms) if timed_on == "kept" else (dms, kms)
        record_checkins(s, owner, gid, DAY, [bare], today=TODAY)
        record_checkins(
            s, owner, gid, DAY, [CheckinEntry(timed, at=datetime(2026, 11, 3, 6, 30))], source="paste", today=TODAY
        )
        s.commit()

    def check(s):
        rows = s.execute(select(CheckIn.membership_id, CheckIn.day, CheckIn.checked_at, CheckIn.source)).all()
        assert rows == [(kms, DAY, datetime(2026, 11, 3, 6, 30), "paste")]
        assert balance(s, kms) == 1
        _consistent(s, gid)

    _merge_and_undo(workspace, owner, k, d, check)


def test_an_on_time_check_in_without_a_time_still_beats_a_timed_make_up(workspace, owner):
    """补卡 at 21:00 on the kept record, an on-time tick without a time on the other: the person did check in on
    time — the on-time row stays (a time does not make a 补卡 an on-time check-in)."""
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        k, kms, d, dms = _pair(s, owner, gid)
        late = CheckinEntry(kms, at=datetime(2026, 11, 4, 21, 0), late=True)
        record_checkins(s, owner, gid, DAY, [late], today=TODAY)
        record_checkins(s, owner, gid, DAY, [dms], today=TODAY)
        s.commit()
        merge_members(s, owner, k, d)
        s.commit()
        assert s.execute(select(CheckIn.membership_id, CheckIn.late, CheckIn.checked_at)).all() == [(kms, False, None)]
        _consistent(s, gid)


def test_the_other_records_qq_city_and_occupation_are_kept_in_the_note(workspace, owner):
    """Two records of a QQ group's member, each with its own QQ number, city and occupation: the merge kept the
    kept record's and the other's vanished from the person without a word (only the audit row had them)."""
    with workspace.session() as s:
        gid = create_group(s, owner, "QQ群")
        k, kms, d, dms = _pair(
            s,
            owner,
            gid,
            keep={"qq": "12345678", "city": "北京", "occupation": "教师"},
            drop={"qq": "87654321", "city": "上海", "occupation": "教师"},
        )
        s.commit()

    def check(s):
        m = s.get(Member, k)
        assert (m.qq, m.city, m.occupation) == ("12345678", "北京", "教师")
        assert "QQ号 (QQ number of the merged record): 87654321" in m.note
        assert "城市 (city of the merged record): 上海" in m.note
        assert "职业" not in m.note  # the same occupation: nothing to add

    _merge_and_undo(workspace, owner, k, d, check)


def test_a_differing_qq_number_says_two_people():
    assert identity_conflicts(None, None, None, None, a_qq="12345678", b_qq="87654321") == ("qq",)
    assert identity_conflicts(None, None, None, None, a_qq="12345678", b_qq="12345678") == ()
    assert identity_conflicts(None, None, None, None, a_qq="12345678", b_qq=None) == ()


@pytest.mark.parametrize("opted_out", ["kept", "dropped"])
def test_a_leaderboard_opt_out_stands_after_the_merge(workspace, owner, opted_out):
    """A person who asked to be left off the leaderboards on one record: merged into the other record (False), they
    were on the boards again. Now the opt-out stands; the undo gives each record its own again."""
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        k, kms, d, dms = _pair(s, owner, gid)
        s.get(Member, k if opted_out == "kept" else d).points_opt_out = True
        s.commit()

    _merge_and_undo(workspace, owner, k, d, lambda s: s.get(Member, k).points_opt_out is True or pytest.fail("shown"))


def test_a_chain_line_with_the_merged_records_name_offers_the_kept_person(workspace, owner):
    """小王同学 merged into 王五: the next day's 接龙 still says 小王同学 — it was "nobody on the roster" (and adding them
    made the duplicate again). Now it is asked, offering 王五 (the name of a record merged into theirs), never logged
    by itself; after the merge is undone 小王同学 is their own record again, certain."""
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        k, kms, d, dms = _pair(s, owner, gid, keep={"nickname": "老王"}, drop={"nickname": "小王🌸"})
        summary = merge_members(s, owner, k, d)
        s.commit()
    text = "#接龙\n11月3日打卡\n1. 小王同学\n2. 小王🌸\n3. 王五\n"
    _preview, outcomes, plan = paste_run(workspace, gid, text, DAY)
    for line in (3, 4):
        assert outcomes[line].outcome == "ambiguous"  # asked, never logged by itself
        assert [c.membership_id for c in outcomes[line].candidates] == [kms]
        assert outcomes[line].candidates[0].how == "merged_name"
    assert outcomes[5].outcome == "logged" and set(plan) == {(kms, DAY)}
    with workspace.session() as s:
        undo_merge(s, owner, summary.merge_id)
        s.commit()
    _preview, outcomes, plan = paste_run(workspace, gid, text, DAY)
    assert outcomes[3].outcome == "logged" and outcomes[4].outcome == "already"  # 小王同学 twice: once
    assert set(plan) == {(kms, DAY), (dms, DAY)}


def test_the_roster_search_finds_the_kept_person_by_the_merged_records_name(workspace, owner):
    """Searching the roster for 小王同学 after the merge found nobody; now it finds 王五, "formerly 小王同学" — and after
    the undo, 小王同学 is their own record again."""
    from desktop.services.roster import RosterQuery, search_roster

    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        k, kms, d, dms = _pair(s, owner, gid)
        summary = merge_members(s, owner, k, d)
        s.commit()
        rows = search_roster(s, RosterQuery(text="小王同学"), 0, 10)
        assert [(r.member_id, r.formerly) for r in rows] == [(k, "小王同学")]
        undo_merge(s, owner, summary.merge_id)
        s.commit()
        rows = search_roster(s, RosterQuery(text="小王同学"), 0, 10)
        assert [(r.member_id, r.formerly) for r in rows] == [(d, None)]


def test_the_other_records_tier_is_kept_in_the_note(workspace, owner):
    """Both records with a tier in the group, 核心 on the kept one and 中咖 on the other: the kept tier stays (and its
    history), and 中咖 went without a word; now the note says it. The undo puts both tiers back."""
    from desktop.services.members import bulk_set_tier

    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        k, kms, d, dms = _pair(s, owner, gid)
        bulk_set_tier(s, owner, [kms], "核心")
        bulk_set_tier(s, owner, [dms], "中咖")
        s.commit()

    def check(s):
        from models import Membership, Tier

        assert s.get(Tier, s.get(Membership, kms).tier_id).name == "核心"
        assert "合并前另一条记录的层级 (tier of the merged record) 早起营: 中咖" in s.get(Member, k).note

    _merge_and_undo(workspace, owner, k, d, check)


def test_the_audit_line_of_a_merge_names_the_record_merged_in(workspace, owner):
    """The Audit dialog's line of a merge read 「memberships_moved: 0；…；姓名: 小王同学 → —；手机: 138****8000 → —」 — raw
    keys, and the other record's details as if its name and phone had been erased. It names the record merged in
    with its details now, in words; the undo's line too."""
    from desktop.services.audit_export import summary_text

    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        k, kms, d, dms = _pair(s, owner, gid, drop={"phone": "13800138000", "qq": "87654321"})
        summary = merge_members(s, owner, k, d)
        undo_merge(s, owner, summary.merge_id)
        s.commit()
        lines = dict(
            s.execute(
                select(AuditEntry.action, AuditEntry.summary).where(
                    AuditEntry.action.in_(("member.merge", "member.unmerge"))
                )
            ).all()
        )
    zh = summary_text(lines["member.merge"])
    assert f"合并进来的记录 #{d} (姓名: 小王同学，QQ号: 87654321，手机: 138****8000" in zh
    assert "→ —" not in zh and "memberships_" not in zh and "checkins_dropped" not in zh
    assert "合并的社群: 1" in zh and "去掉的同日重复打卡: 0" in zh
    en = summary_text(lines["member.merge"], "en")
    assert f"record merged in #{d} (name: 小王同学, QQ number: 87654321, phone: 138****8000" in en
    assert "groups combined: 1" in en
    assert "13800138000" in summary_text(lines["member.merge"], unmasked=True)
    assert summary_text(lines["member.unmerge"]).startswith("合并编号: ")
    assert "恢复的记录" in summary_text(lines["member.unmerge"])


def test_a_wechat_id_in_another_case_is_no_second_id_in_the_note(workspace, owner):
    """Zhang_San on one record, zhang_san on the other: one WeChat ID (the duplicate check and identity_conflicts
    fold its case) — the note said 微信号 of the merged record: zhang_san, as if the person had two."""
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        k, _kms = add_member(s, owner, gid, MemberInput(display_name="张三", wechat_id="Zhang_San", joined_at=JOINED))
        d, _dms = add_member(s, owner, gid, MemberInput(display_name="张三", wechat_id="zhang_san", joined_at=JOINED))
        merge_members(s, owner, k, d)
        s.commit()
        m = s.get(Member, k)
        assert (m.wechat_id, m.note) == ("Zhang_San", None)
