"""Leave, second probe (6 December): the days a pasted 请假 line says.

`2. 刘洋 请假3天`, `3. 李纳 明后两天请假`, `4. 孙浩 12.5-12.8请假`, `5. 何静 出差一周，请假` in the chain of 4 December
were each reported "请假, 未记为打卡" — and nothing else: the headless CLI named no day and did not say that no leave
was written, so the next morning's reminder @-named 刘洋 as missing and the streak broke; the window's leave dialog
opened on 4 December alone, so one Enter recorded a one-day leave for a three-day absence (and 李纳's leave, which
starts tomorrow, on a day she was not on leave). Now each leave line carries the days it says (PasteMatch.leave_days,
desktop/leave_words.py), the CLI names them and says the paste records no leave, and the dialog starts on them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.cli import main
from desktop.leave_words import MAX_DAYS, leave_span
from desktop.services.checkins import record_leave
from desktop.services.groups import create_group
from desktop.services.paste import LEAVE, line_outcomes, preview_paste
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import Group

DAY = date(2026, 12, 4)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """The probe's own day (the chain of Friday 4 December 2026), whatever day the suite runs on."""
    monkeypatch.setenv("QUNDESK_TODAY", DAY.isoformat())


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


@pytest.mark.parametrize(
    ("said", "first", "last"),
    [
        ("请假", d(12, 4), d(12, 4)),
        ("今天请假", d(12, 4), d(12, 4)),
        ("请假一天", d(12, 4), d(12, 4)),
        ("病假半天", d(12, 4), d(12, 4)),
        ("请假3天", d(12, 4), d(12, 6)),
        ("请两天假", d(12, 4), d(12, 5)),
        ("请假十天", d(12, 4), d(12, 13)),
        ("明天请假", d(12, 5), d(12, 5)),
        ("后天请假", d(12, 6), d(12, 6)),
        ("明后两天请假", d(12, 5), d(12, 6)),
        ("今明两天请假", d(12, 4), d(12, 5)),
        ("明天起请假3天", d(12, 5), d(12, 7)),
        ("12.5-12.8请假", d(12, 5), d(12, 8)),
        ("12月5日到8日请假", d(12, 5), d(12, 8)),
        ("5号-8号请假", d(12, 5), d(12, 8)),
        ("请假到12月8日", d(12, 4), d(12, 8)),
        ("请假 12月10日", d(12, 10), d(12, 10)),
        ("出差一周，请假", d(12, 4), d(12, 10)),
        ("请假2周", d(12, 4), d(12, 17)),
        ("请假一个月", d(12, 4), d(1, 3, 2027)),
        # a year end: the end is in the next year
        ("12.30-1.2请假", d(12, 30), d(1, 2, 2027)),
        ("12月30日-1月2日请假", d(12, 30), d(1, 2, 2027)),
        # the 明天 of a promised make-up is not the leave's
        ("请假一天 明天补打卡", d(12, 4), d(12, 4)),
        # a time, a camp day, an impossible date: no days read from them
        ("6:00 请假", d(12, 4), d(12, 4)),
        ("第3天 请假", d(12, 4), d(12, 4)),
        ("2月30日请假", d(12, 4), d(12, 4)),
        # a day of the week (4 December 2026 is a Friday)
        ("下周一请假", d(12, 7), d(12, 7)),
        ("周一请假", d(12, 7), d(12, 7)),
        ("周五请假", d(12, 4), d(12, 4)),
        ("星期天请假", d(12, 6), d(12, 6)),
        ("下周一起请假3天", d(12, 7), d(12, 9)),
        ("周三到周五请假", d(12, 9), d(12, 11)),
        ("下周请假", d(12, 7), d(12, 13)),
        ("这周请假", d(12, 4), d(12, 6)),
        ("周末请假", d(12, 5), d(12, 6)),
        ("下周末请假", d(12, 12), d(12, 13)),
        # too long for a leave: the day alone, for the assistant to set
        ("请假半年 请假200天", d(12, 4), d(12, 4)),
    ],
)
def test_the_days_a_leave_line_says(said, first, last):
    assert leave_span(said, DAY) == (first, last)


def test_a_date_of_january_said_in_december_is_next_years():
    assert leave_span("1.2-1.4请假", date(2026, 12, 29)) == (d(1, 2, 2027), d(1, 4, 2027))
    assert leave_span("12.30-12.31请假", date(2027, 1, 2)) == (d(12, 30), d(12, 31))
    assert MAX_DAYS > 31


CHAIN = """#接龙 12月4日打卡
1. 张伟 6:00
2. 刘洋 请假3天
3. 李纳 明后两天请假
4. 孙浩 12.5-12.8请假
5. 何静 出差一周，请假
6. 钱磊 今天请假
"""

SAID = {
    "刘洋": (d(12, 4), d(12, 6)),
    "李纳": (d(12, 5), d(12, 6)),
    "孙浩": (d(12, 5), d(12, 8)),
    "何静": (d(12, 4), d(12, 10)),
    "钱磊": (d(12, 4), d(12, 4)),
}


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "w.sqlite"
    db = open_workspace(p)
    owner = actor_for(db)
    with db.session() as s:
        gid = create_group(s, owner, "晨读群")
        s.get(Group, gid).created_at = datetime(2026, 9, 1, 9)
        for n in ["张伟", *SAID]:
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 10, 1, 9)))
        s.commit()
    db.dispose()
    return p


def test_each_leave_line_of_a_chain_carries_the_days_it_says(path):
    db = open_workspace(path)
    try:
        with db.session() as s:
            gid = s.query(Group.id).scalar()
            preview = preview_paste(s, gid, DAY, CHAIN)
        got = {m.candidates[0].display_name: m.leave_days for m in preview.matches if m.status == LEAVE}
        assert got == SAID
        lines = {x.line_no: x for x in line_outcomes(preview.lines, preview.matches, set(), set())}
        assert "2026-12-05 至 2026-12-08" in lines[5].detail and "2026-12-05 to 2026-12-08" in lines[5].detail
    finally:
        db.dispose()


def test_a_stamped_line_posted_the_evening_before_reads_its_tomorrow_from_its_own_day(path):
    """`李纳 12-03 21:40 / 明天请假` posted the evening before is leave on the 4th (the day being logged), not the 5th."""
    db = open_workspace(path)
    try:
        with db.session() as s:
            gid = s.query(Group.id).scalar()
            text = "李纳 2026-12-03 21:40\n明天请假\n张伟 2026-12-04 06:00\n打卡\n"
            preview = preview_paste(s, gid, DAY, text)
        leave = [m for m in preview.matches if m.status == LEAVE]
        assert [(m.candidates[0].display_name, m.leave_days) for m in leave] == [("李纳", (DAY, DAY))]
    finally:
        db.dispose()


def test_the_cli_names_the_days_and_says_the_paste_records_no_leave(path, tmp_path, capsys):
    chain = tmp_path / "chain.txt"
    chain.write_text(CHAIN, encoding="utf-8")
    code = main(["--db", str(path), "checkin", "--group", "晨读群", "--date", "2026-12-04", "--paste", str(chain)])
    err = capsys.readouterr().err
    assert code == 0
    line = next(x for x in err.splitlines() if "孙浩" in x)
    assert "第5行" in line and "2026-12-05 至 2026-12-08" in line and "粘贴不记录请假" in line
    assert "a paste records no leave" in line
    assert "刘洋: 请假 2026-12-04 至 2026-12-06" in err
    assert "钱磊: 请假 2026-12-04," in err


def test_a_leave_taken_back_in_the_chain_is_no_leave(path):
    """`2. 李纳 取消请假`, `3. 刘洋 不请假了` in the chain were reported on leave (and the leave dialog offered for
    them): they are taking a leave back and putting themselves in the chain — logged as the chain's other entries
    (as 销假 was). 不得不请假 (has to take leave) is still leave."""
    db = open_workspace(path)
    try:
        with db.session() as s:
            gid = s.query(Group.id).scalar()
            text = "#接龙 12月4日打卡\n1. 张伟 6:00\n2. 李纳 取消请假\n3. 刘洋 不请假了\n4. 孙浩 请假取消了\n5. 何静 不得不请假\n"
            preview = preview_paste(s, gid, DAY, text)
        got = {m.candidates[0].display_name: m.status for m in preview.matches}
        assert got == {"张伟": "matched", "李纳": "matched", "刘洋": "matched", "孙浩": "matched", "何静": LEAVE}
    finally:
        db.dispose()


def test_a_leave_line_whose_leave_is_recorded_says_so(path, tmp_path, capsys):
    """The same chain pasted again after 孙浩's leave (5–8 December) was recorded still said "a paste records no
    leave: record it": it says the leave is recorded. 刘洋's leave covers only one of the three days: still to record."""
    db = open_workspace(path)
    try:
        with db.session() as s:
            owner = actor_for(db)
            ids = {
                m.candidates[0].display_name: m.candidates[0].membership_id
                for m in preview_paste(s, s.query(Group.id).scalar(), DAY, CHAIN).matches
            }
            record_leave(s, owner, ids["孙浩"], d(12, 5), d(12, 8))
            record_leave(s, owner, ids["刘洋"], d(12, 4), d(12, 4))
            s.commit()
    finally:
        db.dispose()
    chain = tmp_path / "chain.txt"
    chain.write_text(CHAIN, encoding="utf-8")
    code = main(["--db", str(path), "checkin", "--group", "晨读群", "--date", "2026-12-04", "--paste", str(chain)])
    err = capsys.readouterr().err
    assert code == 0
    sun = next(x for x in err.splitlines() if "孙浩" in x)
    assert "这次请假已记录" in sun and "that leave is recorded" in sun and "粘贴不记录请假" not in sun
    liu = next(x for x in err.splitlines() if "刘洋" in x)
    assert "粘贴不记录请假" in liu
