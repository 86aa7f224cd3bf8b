"""Alerts about days QunDesk never saw: a group set up here today with a roster of September joiners was told on
its first day "dormant: 3 — 已 30 天没有任何打卡、活动或分享", its newcomers silent and the group a zombie group,
about 30 days nobody recorded. The alerts that read an absence of participation (dormant, silent newcomer, zombie
group) now count only the days QunDesk observed: from the group's set-up day, or from the earliest of its facts
recorded (imported chat history, check-ins…) when earlier — metrics.observed_from, read by the dashboard
(group_health), the overview, `stats`, the texts and the workbook's 预警 sheet."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from desktop import health
from desktop.cli import main as cli_main
from desktop.metrics import month_stats, observed_since
from desktop.services.chat_import import run_chat_import
from desktop.services.dashboard_queries import group_overview
from desktop.services.groups import create_group
from desktop.services.imports import run_import
from desktop.services.report import export_monthly_report
from desktop.workspace import actor_for
from models import Group

TODAY = date(2026, 12, 6)  # the day the group is set up here
ROSTER = "昵称,入群日期\n阿甲,2026-09-01\n阿乙,2026-09-10\n阿丙,2026-09-20\n"
LATE_ROSTER = ROSTER + "阿丁,2026-11-25\n"  # joined 11 days before the set-up: a newcomer, not yet 30 days in
MEMBER_ALERTS = ("dormant", "silent_newcomer", "zombie_group")


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: the group is set up on 6 December 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _set_up(workspace, tmp_path, roster: str = ROSTER) -> int:
    owner = actor_for(workspace)
    with workspace.session() as s:
        create_group(s, owner, "九月读书会")
        s.commit()
    path = tmp_path / "名册.csv"
    path.write_text(roster, encoding="utf-8")
    run_import(workspace, owner, path, "九月读书会", "roster")
    with workspace.session() as s:
        gid = s.query(Group.id).filter_by(name="九月读书会").scalar()
        assert gid is not None
        return gid


def _kinds(s, gid, day) -> dict[str, list[str | None]]:
    out: dict[str, list[str | None]] = {}
    for a in health.group_health(s, gid, day).alerts:
        out.setdefault(a.kind, []).append(a.display_name)
    return out


def test_a_roster_imported_today_is_not_dormant_silent_or_a_zombie_group(workspace, tmp_path):
    gid = _set_up(workspace, tmp_path, LATE_ROSTER)
    with workspace.session() as s:
        assert observed_since(s, gid) == TODAY
        h = health.group_health(s, gid, TODAY)
        assert h.members == 4
        assert [a.kind for a in h.alerts if a.kind in MEMBER_ALERTS] == []
        assert h.month.dormant == 0 and month_stats(s, gid, 2026, 12, today=TODAY).dormant == 0
        row = group_overview(s, gid, TODAY)
        assert (row.dormant, row.zombie) == (0, False)


def test_the_same_group_a_month_on_is_told_as_before(workspace, tmp_path):
    """31 days later QunDesk has seen 30 days of nobody taking part: the three are dormant, the group a zombie."""
    gid = _set_up(workspace, tmp_path, LATE_ROSTER)
    later = TODAY + timedelta(days=31)
    with workspace.session() as s:
        kinds = _kinds(s, gid, later)
        assert sorted(kinds["dormant"]) == sorted(["阿甲", "阿乙", "阿丙", "阿丁"])
        assert kinds["zombie_group"] == [None]
        assert month_stats(s, gid, later.year, later.month, today=later).dormant == 4
        assert group_overview(s, gid, later).dormant == 4
        # observed over exactly the 30 days of the window (set up on its first day): dormant; a day short, not
        window_starts_on_set_up = TODAY + timedelta(days=29)
        assert len(_kinds(s, gid, window_starts_on_set_up)["dormant"]) == 4
        assert "dormant" not in _kinds(s, gid, window_starts_on_set_up - timedelta(days=1))


def test_a_newcomer_is_silent_after_a_week_observed(workspace, tmp_path):
    """阿戊 joined four days before the set-up: on day one no silent newcomer (QunDesk saw none of their days);
    seven days observed without a word, they are."""
    gid = _set_up(workspace, tmp_path, ROSTER + "阿戊,2026-12-02\n")
    with workspace.session() as s:
        assert "silent_newcomer" not in _kinds(s, gid, TODAY)
        assert "silent_newcomer" not in _kinds(s, gid, TODAY + timedelta(days=5))
        assert _kinds(s, gid, TODAY + timedelta(days=6))["silent_newcomer"] == ["阿戊"]


CHAT = (
    "\ufefflocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n"
    "1,27,1,0,0,1789000000,3,大家好,2026-09-12 08:00:00,阿甲,阿甲,wxid_a\n"
    "2,27,1,0,0,1789000000,3,今天读完第三章,2026-11-20 21:00:00,阿甲,阿甲,wxid_a\n"
)


def test_imported_chat_history_makes_its_days_known(workspace, tmp_path):
    """The same group with its chat history from September imported: that history shows 阿乙 and 阿丙 silent since
    — dormant at once; 阿甲, who spoke on 20 November, is not."""
    gid = _set_up(workspace, tmp_path)
    chat = tmp_path / "九月读书会.csv"
    chat.write_text(CHAT, encoding="utf-8")
    run_chat_import(workspace, actor_for(workspace), chat, "九月读书会")
    with workspace.session() as s:
        assert observed_since(s, gid) == date(2026, 9, 12)
        assert sorted(_kinds(s, gid, TODAY)["dormant"]) == ["阿丙", "阿乙"]
        assert month_stats(s, gid, 2026, 12, today=TODAY).dormant == 2


def test_stats_and_the_workbook_say_the_same(sqlite_workspace, sqlite_path, tmp_path, capsys):
    """`stats` and the workbook's 预警 sheet of the set-up day: nobody dormant, silent or a zombie group; the
    workbook of the month after, observed throughout, names the three."""
    gid = _set_up(sqlite_workspace, tmp_path)
    assert cli_main(["--db", str(sqlite_path), "stats", "--group", "九月读书会", "--month", "2026-12", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["dormant"] == 0
    owner = actor_for(sqlite_workspace)

    def alert_cells(year, month, today):
        out = tmp_path / f"月报{month}.xlsx"
        export_monthly_report(sqlite_workspace, owner, year=year, month=month, group_ids=[gid], path=out, today=today)
        ws = load_workbook(out)["预警"]
        return [str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None]

    cells = alert_cells(2026, 12, TODAY)
    assert not {"沉默成员", "沉默新人", "僵尸群预警"} & set(cells), cells
    january = alert_cells(2027, 1, date(2027, 2, 1))
    assert january.count("沉默成员") == 3 and "僵尸群预警" in january, january


def _member_ids(s, gid) -> dict[str, int]:
    from models import Member, Membership

    rows = s.query(Member.display_name, Membership.id).join(Membership, Membership.member_id == Member.id)
    return {name: mid for name, mid in rows.filter(Membership.group_id == gid)}


def test_one_check_in_logged_late_by_hand_makes_nobody_dormant(workspace, tmp_path):
    """A forgotten check-in of 阿甲's on 15 October, logged by hand on the set-up day, tells of that day only. It
    made QunDesk the "observer" of every day since, so 阿乙 and 阿丙 — whose October and November nobody recorded —
    were told dormant at once, and the group a zombie group."""
    from desktop.services.checkins import record_checkins

    gid = _set_up(workspace, tmp_path)
    with workspace.session() as s:
        ids = _member_ids(s, gid)
        record_checkins(s, actor_for(workspace), gid, date(2026, 10, 15), [ids["阿甲"]], source="manual", today=TODAY)
        s.commit()
        assert observed_since(s, gid) == TODAY
        kinds = _kinds(s, gid, TODAY)
        assert [k for k in kinds if k in MEMBER_ALERTS] == []
        assert month_stats(s, gid, 2026, 12, today=TODAY).dormant == 0
        assert group_overview(s, gid, TODAY).dormant == 0
        # a pasted chain of a past day is one day too
        record_checkins(s, actor_for(workspace), gid, date(2026, 10, 16), [ids["阿乙"]], source="paste", today=TODAY)
        s.commit()
        assert observed_since(s, gid) == TODAY


def test_an_imported_check_in_history_makes_its_days_known(workspace, tmp_path):
    """Check-ins read from a check-in table export (source import) are a history of the days they span: from the
    first of them QunDesk knows who did not check in, as for an imported chat history."""
    from desktop.services.checkins import record_checkins

    gid = _set_up(workspace, tmp_path)
    with workspace.session() as s:
        ids = _member_ids(s, gid)
        record_checkins(s, actor_for(workspace), gid, date(2026, 10, 1), [ids["阿甲"]], source="import", today=TODAY)
        record_checkins(s, actor_for(workspace), gid, date(2026, 11, 28), [ids["阿甲"]], source="import", today=TODAY)
        s.commit()
        assert observed_since(s, gid) == date(2026, 10, 1)
        assert sorted(_kinds(s, gid, TODAY)["dormant"]) == ["阿丙", "阿乙"]
