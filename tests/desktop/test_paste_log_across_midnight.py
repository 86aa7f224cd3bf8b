"""A chat log copied across midnight: its first stamp dates the evening before, its later messages today.

`上官静红 12/6 23:58` … `乔佳 00:03` pasted on the 7th read as "a chain dated the 6th": the CLI refused the whole
paste and the window asked to log the morning's check-ins on the 6th. Each message names its day; the log holds
the day being logged, so that day's are logged and the evening before's are said (other_day)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.services.groups import create_group
from desktop.services.paste import certain_plan, preview_paste
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from tests.group_file import group_file

DAY = TEST_TODAY
EVE = DAY - timedelta(days=1)
NAMES = ("上官静红", "乔佳", "刘洋", "陈红")

LOG = (
    f"上官静红 {EVE.month}/{EVE.day} 23:58\n打卡 今天也完成了\n"
    "乔佳 00:03\n打卡\n"
    "刘洋 昨天 23:59\n打卡\n"
    "陈红 6:12\n打卡✅\n"
)


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        ids = {
            n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2024, 3, 10, 4, 0)))[1]
            for n in NAMES
        }
        s.commit()
    return gid, ids


def run(workspace, gid, text, day):
    with workspace.session() as s:
        preview = preview_paste(s, gid, day, text)
    plan = {(p.membership_id, p.day): p for p in certain_plan(preview.matches)}
    return preview, plan


@pytest.mark.parametrize("day", [DAY, EVE])
def test_a_log_across_midnight_logs_the_chosen_days_messages(workspace, grp, day):
    gid, ids = grp
    preview, plan = run(workspace, gid, LOG, day)
    assert preview.chain_day == day and not preview.day_mismatch
    logged = {(name, d) for name, mid in ids.items() for (m, d) in plan if m == mid}
    if day == DAY:
        assert logged == {("乔佳", DAY), ("陈红", DAY)}
    else:
        assert logged == {("上官静红", EVE), ("刘洋", EVE)}
    said = {m.line.line_no: m.status for m in preview.matches}
    other = {1, 5} if day == DAY else {3, 7}
    assert {no for no, status in said.items() if status == "other_day"} == other


def test_a_log_of_the_evening_before_alone_is_still_its_day(workspace, grp):
    """Every message on the 6th: the paste names the 6th (asked in the window, refused by the CLI without --date)."""
    gid, _ = grp
    text = f"上官静红 {EVE.month}/{EVE.day} 23:50\n打卡\n刘洋 23:58\n打卡\n"
    preview, _ = run(workspace, gid, text, DAY)
    assert preview.chain_day == EVE and preview.day_mismatch


def test_cli_logs_the_mornings_check_ins_and_says_the_evenings(tmp_path, capsys):
    from desktop.cli import main

    db = group_file(tmp_path / "w.sqlite", "早起打卡营", NAMES, datetime(2024, 3, 10))
    paste = tmp_path / "log.txt"
    paste.write_text(LOG, encoding="utf-8")
    # no --date: the CLI refused the whole paste ("the chain is dated" the evening before)
    code = main(["--db", db, "checkin", "--group", "早起打卡营", "--paste", str(paste)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "新记录 logged 2" in out
    assert "第1行" in err and "第5行" in err and f"属于 {EVE.isoformat()}" in err
