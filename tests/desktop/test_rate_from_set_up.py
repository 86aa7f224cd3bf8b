"""The check-in rate counts the days a group could check in through QunDesk: in the month it was set up here, from
its set-up day, up to its archiving in the month it was archived (metrics.rate_span); a month before it reads "–" (metrics.month_recorded), also in the CLI.

The probe: 新营 set up on 20 November 2026 with a roster of October joiners (甲, 乙); 甲 checked in every day from the
20th, 乙 the 20th to the 25th: 17 check-ins over 2 × 11 days, 77.3%. The dashboard, `stats`, the workbook (the
group's KPI, the 打卡明细 rates, the 合计 with 老群 beside it) and the month summary said 28.3% — 17 ÷ (2 × 30),
nineteen days before the group existed counted against it. `stats --month 2026-10` (before it was set up) said
0.0% / 0.0 where the workbook says "–", and nothing on stderr."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.cli import main
from desktop.health import group_health
from desktop.metrics import month_stats
from desktop.services.checkins import record_checkins, undo_checkin
from desktop.services.groups import create_group
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.services.texts import summary_text
from desktop.workspace import actor_for, open_workspace
from models import Group, Member, Membership

TODAY = date(2026, 12, 5)
SET_UP = datetime(2026, 11, 20, 10)
JOINED = datetime(2026, 10, 1, 9)
NEW_RATE = round(17 / (2 * 11), 4)  # 0.7727
BOTH_RATE = round((17 + 30) / (2 * 11 + 30), 4)  # 新营 and 老群 together: 0.9038


@pytest.fixture(autouse=True)
def own_today(monkeypatch, tmp_path):
    """These tests' own day (5 December 2026), whatever day the suite runs on; no real data folder."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
    monkeypatch.setenv("QUNDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("QUNDESK_DB", raising=False)


@pytest.fixture
def camps(tmp_path):
    path = tmp_path / "camps.sqlite"
    db = open_workspace(path)
    owner = actor_for(db)
    with db.session() as s:
        new = create_group(s, owner, "新营")
        s.get(Group, new).created_at = SET_UP
        old = create_group(s, owner, "老群")
        s.get(Group, old).created_at = datetime(2026, 9, 1, 10)
        jia = add_member(s, owner, new, MemberInput(display_name="甲", joined_at=JOINED))[1]
        yi = add_member(s, owner, new, MemberInput(display_name="乙", joined_at=JOINED))[1]
        bing = add_member(s, owner, old, MemberInput(display_name="丙", joined_at=JOINED))[1]
        for d in range(20, 31):
            record_checkins(s, owner, new, date(2026, 11, d), [jia] + ([yi] if d <= 25 else []))
        for d in range(1, 31):
            record_checkins(s, owner, old, date(2026, 11, d), [bing])
        s.commit()
    try:
        yield db, owner, new, old, path
    finally:
        db.dispose()


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_set_up_month_counts_its_days_from_the_set_up_day_everywhere(camps, capsys, tmp_path):
    db, owner, new, old, path = camps
    with db.session() as s:
        assert month_stats(s, new, 2026, 11, TODAY).checkin_rate == NEW_RATE
        assert group_health(s, new, date(2026, 11, 30)).month.checkin_rate == NEW_RATE  # the dashboard's card
        assert month_stats(s, old, 2026, 11, TODAY).checkin_rate == 1.0  # set up before the month: every day
        assert "77.3%" in summary_text(s, new, 2026, 11, today=TODAY).text
    code, out, err = _cli(capsys, "--db", str(path), "stats", "--group", "新营", "--month", "2026-11", "--json")
    assert (code, err) == (0, "") and json.loads(out)["checkin_rate"] == NEW_RATE

    target = tmp_path / "november.xlsx"
    export_monthly_report(db, owner, year=2026, month=11, group_ids=[new, old], path=target, today=TODAY)
    book = load_workbook(target)
    kpis = {(r[0], r[5]): r[2] for r in book["概览"].iter_rows(values_only=True) if len(r) > 5 and r[5]}
    assert kpis[("新营", "checkin_rate")] == NEW_RATE
    assert kpis[("老群", "checkin_rate")] == 1.0
    assert kpis[("合计", "checkin_rate")] == BOTH_RATE
    matrix = {
        (r[0], r[1]): [v for v in r if v is not None][-1]
        for r in book["打卡明细"].iter_rows(values_only=True)
        if r[0] in ("新营", "老群", "全部社群")
    }
    assert matrix[("新营", "甲")] == 1.0  # every day from the 20th
    assert matrix[("新营", "乙")] == round(6 / 11, 4)
    assert matrix[("新营", "每日合计")] == NEW_RATE
    assert matrix[("全部社群", "每日合计")] == BOTH_RATE


def test_imported_history_before_the_set_up_day_counts_the_whole_month(camps):
    """Check-ins of November logged for the days before 新营 was set up (history from the chat): QunDesk knows those
    days, and the rate counts them (as a month before set-up with imported history is known, month_recorded)."""
    db, owner, new, _old, _path = camps
    with db.session() as s:
        jia = s.scalar(
            select(Membership.id).join(Member, Member.id == Membership.member_id).where(Member.display_name == "甲")
        )
        record_checkins(s, owner, new, date(2026, 11, 5), [jia])
        s.commit()
        assert month_stats(s, new, 2026, 11, TODAY).checkin_rate == round(18 / (2 * 30), 4)


def test_stats_of_a_month_before_the_set_up_says_no_rate(camps, capsys):
    _db, _owner, _new, _old, path = camps
    code, out, err = _cli(capsys, "--db", str(path), "stats", "--group", "新营", "--month", "2026-10", "--json")
    figures = json.loads(out)
    assert code == 0 and figures["checkin_rate"] is None and figures["attendance_rate"] is None
    assert figures["members_total"] == 2  # the join dates' figures stay
    assert err.count("\n") == 1 and "2026-11-20" in err and "before the group was set up" in err
    code, out, err = _cli(capsys, "--db", str(path), "stats", "--group", "新营", "--month", "2026-10")
    rate_line = next(line for line in out.splitlines() if line.startswith("打卡率"))
    attendance_line = next(line for line in out.splitlines() if line.startswith("出勤率"))
    assert code == 0 and rate_line.split()[-1] == attendance_line.split()[-1] == "–" and err.count("\n") == 1
    # the month it was set up in and 老群's October: a rate, nothing said
    for group, month in (("新营", "2026-11"), ("老群", "2026-10")):
        code, out, err = _cli(capsys, "--db", str(path), "stats", "--group", group, "--month", month, "--json")
        assert code == 0 and err == "" and isinstance(json.loads(out)["checkin_rate"], float)


def test_a_group_archived_mid_month_counts_its_days_up_to_the_archiving(camps, tmp_path):
    """老群's camp ended and it was archived on 15 November: 丙 checked in every day up to then. November's rate
    counted the fifteen days after it, when nobody could check in (50.0% for a member who never missed a day); it
    counts up to the archiving day — the dashboard's figure, the workbook's and the per-member rate alike."""
    db, owner, _new, old, _path = camps
    with db.session() as s:
        bing = s.scalar(
            select(Membership.id).join(Member, Member.id == Membership.member_id).where(Member.display_name == "丙")
        )
        for d in range(16, 31):  # logged by mistake after the camp ended: undone
            assert undo_checkin(s, owner, bing, date(2026, 11, d))
        s.get(Group, old).archived_at = datetime(2026, 11, 15, 21)
        s.commit()
        assert month_stats(s, old, 2026, 11, TODAY).checkin_rate == 1.0
    target = tmp_path / "archived.xlsx"
    export_monthly_report(db, owner, year=2026, month=11, group_ids=[old], path=target, today=TODAY)
    book = load_workbook(target)
    kpis = {(r[0], r[5]): r[2] for r in book["概览"].iter_rows(values_only=True) if len(r) > 5 and r[5]}
    assert kpis[("老群", "checkin_rate")] == 1.0
    matrix = {
        (r[0], r[1]): [v for v in r if v is not None][-1]
        for r in book["打卡明细"].iter_rows(values_only=True)
        if r[0] == "老群"
    }
    assert matrix[("老群", "丙")] == matrix[("老群", "每日合计")] == 1.0
    with db.session() as s:  # a check-in logged after the archiving (history): the days after it count again
        record_checkins(s, owner, old, date(2026, 11, 20), [bing])
        s.commit()
        assert month_stats(s, old, 2026, 11, TODAY).checkin_rate == round(16 / 30, 4)
