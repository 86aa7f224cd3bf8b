"""Corrections probe: a mistake made, days pass with more facts, the mistake corrected — and every figure it touched
reads as in a second workspace where it was never made (the oracle), with the audit saying what was corrected."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.errors import ValidationError
from desktop.metrics import month_stats
from desktop.phrases import Phrase, ledger_reason
from desktop.services.activities_queries import attendance_sheet
from desktop.services.audit_export import ACTION_LABELS, summary_text
from desktop.services.groups import create_group
from desktop.services.onboarding import list_steps, record_step, undo_step
from desktop.services.participation import ActivityInput, create_activity, remove_place, set_attendance
from desktop.services.points import balance, recompute_preview
from desktop.services.roster import MemberInput, add_member, get_member_input, update_member
from desktop.services.texts import stalled_text
from desktop.workspace import actor_for, open_workspace
from models import AuditEntry, PointsEntry, kept

TODAY = date(2026, 11, 20)
SHARE_DAY = datetime(2026, 10, 15, 20, 0)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their facts are dated October and November 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _camp(session, owner):
    gid = create_group(session, owner, "早起营")
    ids = {
        name: add_member(session, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 9, 1, 9)))[1]
        for name in ("张三", "李四", "王五")
    }
    aid = create_activity(
        session, owner, gid, ActivityInput(title="干货分享", kind="knowledge_share", starts_at=SHARE_DAY)
    )
    for name in ("张三", "王五"):
        set_attendance(session, owner, aid, ids[name], "attended")
    return gid, aid, ids


def test_a_member_ticked_by_mistake_can_be_taken_off_the_list_and_the_rate_reads_as_never_ticked(tmp_path):
    """李四 ticked attended at the 15 October share by mistake; unticking made him 已报名 (the sheet keeps a ticked
    person as registered) — a no-show for an activity he never signed up for: October's attendance rate 66.7%
    instead of 100%, in the stats, the dashboard and the workbook, with no way to take the place back (a chain
    saying 「不去了」 was the only one). Taken off the list, the figures are those of a workspace where he was never
    ticked; an attended place taken off gives its points back, dated the activity's day."""
    clean = open_workspace(tmp_path / "clean.sqlite")
    with clean.session() as s:
        gid, _aid, _ids = _camp(s, actor_for(clean))
        s.commit()
        expected = month_stats(s, gid, 2026, 10)
    clean.dispose()
    assert expected.attendance_rate == 1.0

    ws = open_workspace(tmp_path / "mistake.sqlite")
    owner = actor_for(ws)
    with ws.session() as s:
        gid, aid, ids = _camp(s, owner)
        li, wang = ids["李四"], ids["王五"]
        set_attendance(s, owner, aid, li, "attended")  # the wrong row ticked
        s.commit()
        set_attendance(s, owner, aid, li, "registered")  # unticked, weeks later
        s.commit()
        assert month_stats(s, gid, 2026, 10).attendance_rate == pytest.approx(0.6667)  # the mistake stays

        assert remove_place(s, owner, aid, li) == "registered"
        assert remove_place(s, owner, aid, wang) == "attended"  # an attended place: its points go with it
        s.commit()
        assert remove_place(s, owner, aid, li) is None  # nothing left to take off: nothing written
        s.commit()
        sheet = {line.membership_id: line.status for line in attendance_sheet(s, gid, aid)}
        assert (sheet[li], sheet[wang], sheet[ids["张三"]]) == (None, None, "attended")
        stats = month_stats(s, gid, 2026, 10)
        assert stats.attendance_rate == expected.attendance_rate == 1.0
        assert (balance(s, li), balance(s, wang)) == (0, 0)
        assert recompute_preview(s, gid) == []
        assert kept.drift(s.connection()) == []

        reversal = s.execute(
            select(PointsEntry.day, PointsEntry.points, PointsEntry.reason).where(
                PointsEntry.membership_id == wang, PointsEntry.source_kind == "reversal"
            )
        ).one()
        assert reversal.day == SHARE_DAY.date() and reversal.points < 0
        phrase = ledger_reason(reversal.reason)
        assert isinstance(phrase, Phrase)
        assert phrase.english.startswith("Taken off the activity's list: ")

        audits = s.scalars(
            select(AuditEntry.summary).where(AuditEntry.action == "attendance.remove").order_by(AuditEntry.id)
        ).all()
        assert len(audits) == 2
        assert '"status": "registered"' in audits[0] and f'"membership_id": {li}' in audits[0]
        assert '"status": "attended"' in audits[1]
        assert "attendance.remove" in ACTION_LABELS
        # the rows name whom they are about (their entity is the activity): "membership_id: 2" alone did not
        assert "姓名: 李四" in summary_text(audits[0]) and "name: 王五" in summary_text(audits[1], "en")
        ticked = s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "attendance.set")).all()
        assert any("李四" in summary_text(t) for t in ticked)
    ws.dispose()


def test_steps_ticked_for_the_wrong_newcomer_and_undone_leave_them_a_newcomer_not_an_applicant(sqlite_workspace):
    """周八, added 入群中 (in the group chat, no step done yet); on 10 October every entry step was ticked for 周八 instead
    of 孙七 (周八 became a member), undone step by step on 8 November: 周八 read 申请中 — an applicant, out of the
    stalled-newcomer reminder and the workbook's 入群进度 as 入群中, as if never in the chat. With the last step undone a
    newcomer is what they were before their steps: 入群中; an applicant whose step is undone is an applicant again."""
    owner = actor_for(sqlite_workspace)
    s = sqlite_workspace.session()
    gid = create_group(s, owner, "早起营")
    _, zhou = add_member(s, owner, gid, MemberInput(display_name="周八", status="onboarding"))
    _, sun = add_member(s, owner, gid, MemberInput(display_name="孙七", status="applicant"))
    s.commit()
    steps = list_steps(s, gid)
    for st in steps:
        assert record_step(s, owner, zhou, st.id, when=datetime(2026, 10, 10, 9)).status in ("onboarding", "active")
    s.commit()
    assert get_member_input(s, zhou).status == "active"
    for st in reversed(steps):
        undo_step(s, owner, zhou, st.id)
    s.commit()
    assert get_member_input(s, zhou).status == "onboarding"
    assert get_member_input(s, zhou).joined_at is None
    assert "周八" in "".join(
        stalled_text(s, gid, date(2026, 12, 1)).parts
    )  # still a stalled newcomer, as before the mistake

    record_step(s, owner, sun, steps[0].id)
    s.commit()
    assert get_member_input(s, sun).status == "onboarding"
    undo_step(s, owner, sun, steps[0].id)
    s.commit()
    assert get_member_input(s, sun).status == "applicant"
    s.close()


def test_the_newest_merge_says_why_it_can_no_longer_be_undone_and_how_to_separate_the_two(sqlite_workspace):
    """张山 merged into 张三 by mistake on 5 November; a check-in logged for 张三 the next day. The merge can no longer
    be undone (its rows changed), and merge_undo.newest_merge says why and what to do instead — the member panel
    showed nothing (last_undoable_merge: None, the same as for a person never merged)."""
    from desktop.services.checkins import record_checkins
    from desktop.services.members import merge_members
    from desktop.services.merge_undo import last_undoable_merge, newest_merge, undo_merge

    owner = actor_for(sqlite_workspace)
    s = sqlite_workspace.session()
    gid = create_group(s, owner, "早起营")
    people = {
        name: add_member(s, owner, gid, MemberInput(display_name=name, wechat_id=wx, joined_at=datetime(2026, 9, 1, 9)))
        for name, wx in (("张三", "zhangsan_1"), ("张山", "zhangshan_2"), ("李四", "lisi_3"))
    }
    s.commit()
    assert newest_merge(s, people["张三"][0]) is None
    merge_id = merge_members(s, owner, people["张三"][0], people["张山"][0]).merge_id
    s.commit()
    assert newest_merge(s, people["张三"][0]) == (merge_id, None)
    record_checkins(s, owner, gid, date(2026, 11, 6), [people["张三"][1]])
    s.commit()
    assert last_undoable_merge(s, people["张三"][0]) is None
    found = newest_merge(s, people["张三"][0])
    assert found is not None and found[0] == merge_id
    why = found[1]
    assert why is not None and "cannot be undone" in why and "add the other person again" in why
    with pytest.raises(ValidationError, match="cannot be undone"):
        undo_merge(s, owner, merge_id)
    s.rollback()
    assert newest_merge(s, people["李四"][0]) is None
    s.close()


def test_taking_a_place_off_the_list_on_both_engines(workspace):
    """remove_place on SQLite and PostgreSQL: the place goes, its points reversed on the activity's day."""
    owner = actor_for(workspace)
    with workspace.session() as s:
        gid, aid, ids = _camp(s, owner)
        s.commit()
        assert remove_place(s, owner, aid, ids["张三"]) == "attended"
        s.commit()
        assert {line.membership_id: line.status for line in attendance_sheet(s, gid, aid)}[ids["张三"]] is None
        assert balance(s, ids["张三"]) == 0
        assert month_stats(s, gid, 2026, 10).attendance_rate == 1.0  # 王五 attended, alone on the list
        assert kept.drift(s.connection()) == []


def test_a_corrected_join_date_moves_the_referral_it_earned(tmp_path):
    """孙七, brought by 张三, entered on 3 November as joined on 2 November; he had joined on 20 October, and the
    date was put right on 8 November. 张三's +20 stayed dated 2 November: November's points, the leaderboard text
    naming 张三 first, October's without it. With the date corrected the award moves with it: every month's points
    read as in a workspace where the right date was entered, the balance unchanged, the reversal saying why."""
    from desktop.services.texts import leaderboard_text

    def camp(path, joined):
        database = open_workspace(path)
        owner = actor_for(database)
        s = database.session()
        gid = create_group(s, owner, "早起营")
        zhang_id, zhang = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 9, 1)))
        _, sun = add_member(s, owner, gid, MemberInput(display_name="孙七", joined_at=joined, referrer_id=zhang_id))
        s.commit()
        return database, owner, s, gid, zhang, sun

    clean, _o, cs, cgid, czhang, _csun = camp(tmp_path / "clean.sqlite", datetime(2026, 10, 20, 10))
    expected = [month_stats(cs, cgid, 2026, m).points_awarded for m in (10, 11)]
    assert expected == [20, 0]

    ws, owner, s, gid, zhang, sun = camp(tmp_path / "mistake.sqlite", datetime(2026, 11, 2, 10))
    assert [month_stats(s, gid, 2026, m).points_awarded for m in (10, 11)] == [0, 20]
    loaded = get_member_input(s, sun)
    update_member(s, owner, sun, replace(loaded, joined_at=datetime(2026, 10, 20, 10)), loaded=loaded)
    s.commit()
    assert [month_stats(s, gid, 2026, m).points_awarded for m in (10, 11)] == expected
    assert balance(s, zhang) == balance(cs, czhang) == 20
    assert leaderboard_text(s, gid, 2026, 11).parts == leaderboard_text(cs, cgid, 2026, 11).parts == ()
    assert recompute_preview(s, gid) == []
    assert kept.drift(s.connection()) == []
    reversal = s.scalar(select(PointsEntry.reason).where(PointsEntry.source_kind == "reversal"))
    assert ledger_reason(reversal).english == "Join date corrected: Referred a member"
    s.close()
    cs.close()
    ws.dispose()
    clean.dispose()


def test_a_roster_file_that_corrects_a_join_date_moves_the_referral_too(tmp_path, capsys):
    """The same correction by an updated roster file (import roster again, 孙七's 入群时间 put right): the referral
    stayed in November; it follows the join date, as the member dialog's correction does."""
    from desktop.cli import main

    db = str(tmp_path / "ws.sqlite")
    first, fixed = tmp_path / "roster.csv", tmp_path / "roster-fixed.csv"
    head = "姓名,微信号,入群时间,推荐人\n张三,zhangsan01,2026-09-01,\n"
    first.write_text(head + "孙七,sunqi07,2026-11-02,张三\n", encoding="utf-8")
    fixed.write_text(head + "孙七,sunqi07,2026-10-20,张三\n", encoding="utf-8")

    def points(month: str) -> int:
        capsys.readouterr()
        assert main(["--db", db, "stats", "--group", "早起营", "--month", month, "--json"]) == 0
        return json.loads(capsys.readouterr().out)["points_awarded"]

    assert main(["--db", db, "import", "roster", str(first), "--group", "早起营"]) == 0
    assert (points("2026-10"), points("2026-11")) == (0, 20)
    assert main(["--db", db, "import", "roster", str(fixed), "--group", "早起营"]) == 0
    assert (points("2026-10"), points("2026-11")) == (20, 0)
    database = open_workspace(db)
    with database.session() as s:
        assert kept.drift(s.connection()) == []
        gid = s.scalar(select(PointsEntry.group_id).limit(1))
        assert recompute_preview(s, gid) == []
    database.dispose()
