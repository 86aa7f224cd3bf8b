"""Leave, third probe (7 December): WHOSE leave a 请假 line says.

`李四：帮张三请个假`, `李四：张三今天请假`, `张三妈妈：张三今天请假` (a parent in a kids' group), `班长：今天请假的有 张三 王五`
were each reported as the WRITER's leave (`李四: 请假 …, record it with Leave…`) and the window's leave dialog opened on
李四 — one Enter from a leave recorded for the wrong person, and 张三 @-named as missing in tomorrow's reminder. Only
`替张三请假` (the proxy words with 请假 glued on) was read as 张三's. And `张三请假，李四代打卡` / `李四：张三请假，我代打卡`
was logged as 李四's check-in with 张三's leave unsaid.

Now the members a 请假 text names besides its writer are the ones on leave (paste._leave_named); the writer is named
as who wrote it ("李四 写的, 不是 李四 本人的请假"), and is asked about only when they say 我 besides (`我和张三请假`). A
line that says someone's leave and a check-in besides gives the leave, and the check-in to a person to confirm — never
logged headless. A question (`@张三 你明天请假吗？`) stays a mention, no leave of anyone."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.paste import LEAVE, line_outcomes, preview_paste
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Group, Leave

DAY = date(2026, 12, 4)
NAMES = ["张三", "李四", "王五", "赵六"]


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", DAY.isoformat())


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "w.sqlite"
    db = open_workspace(p)
    owner = actor_for(db)
    with db.session() as s:
        gid = create_group(s, owner, "晨读群")
        s.get(Group, gid).created_at = datetime(2026, 9, 1, 9)
        for n in NAMES:
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 10, 1, 9)))
        s.commit()
    db.dispose()
    return p


def _preview(path, text):
    db = open_workspace(path)
    try:
        with db.session() as s:
            preview = preview_paste(s, s.query(Group.id).scalar(), DAY, text)
        return preview, line_outcomes(preview.lines, preview.matches, set(), set())
    finally:
        db.dispose()


# (the paste, who is on leave, who is asked about besides)
CORPUS = [
    ("李四：帮张三请个假", {"张三"}, set()),
    ("李四：张三今天请假", {"张三"}, set()),
    ("李四：张三请假", {"张三"}, set()),
    ("张三妈妈：张三今天请假", {"张三"}, set()),
    ("李四：今天请假的有 张三 王五", {"张三", "王五"}, set()),
    ("李四：张三和王五请假", {"张三", "王五"}, set()),
    ("李四 2026-12-04 08:00\n帮张三请个假", {"张三"}, set()),
    ("#接龙 12月4日打卡\n1. 王五 6:00\n2. 李四 帮张三请个假", {"张三"}, set()),
    ("#接龙 12月4日打卡\n1. 王五 6:00\n2. 张三妈妈 张三请假", {"张三"}, set()),
    # the writer says 我 besides: both, and the writer is asked about
    ("李四：我和张三请假", {"张三", "李四"}, set()),
    # a leave and a check-in on one line: the leave is 张三's, whether 李四 checked in is asked
    ("李四：张三请假，我代打卡", {"张三"}, {"李四"}),
    ("#接龙 12月4日打卡\n1. 王五 6:00\n2. 张三请假，李四代打卡", {"张三"}, {"李四"}),
    # the writer's own leave stays theirs
    ("李四：明天请假", {"李四"}, set()),
    ("李四：替张三请假", {"张三"}, set()),
]


@pytest.mark.parametrize(("text", "on_leave", "asked"), CORPUS)
def test_a_leave_is_of_the_person_the_text_names(path, text, on_leave, asked):
    preview, _ = _preview(path, text)
    leave = {m.candidates[0].display_name for m in preview.matches if m.status == LEAVE}
    assert leave == on_leave
    others = {c.display_name for m in preview.matches if m.status == "ambiguous" for c in m.candidates}
    assert others == asked
    assert not [
        m for m in preview.matches if m.status == "matched" and m.candidates[0].display_name in on_leave | asked
    ]


def test_the_line_names_who_wrote_it_and_not_as_on_leave(path):
    _, outcomes = _preview(path, "李四：帮张三请个假")
    leave = next(o for o in outcomes if o.outcome == LEAVE)
    assert leave.detail.startswith("张三: 请假 2026-12-04")
    assert "李四 写的, 不是 李四 本人的请假" in leave.detail and "not 李四's own leave" in leave.detail
    assert [c.display_name for c in leave.who] == ["张三"]
    _, outcomes = _preview(path, "李四：张三请假，我代打卡")
    leave = next(o for o in outcomes if o.outcome == LEAVE)
    assert leave.detail.startswith("张三: 请假") and "李四 是否打卡, 需要人来确认" in leave.detail


def test_a_question_about_a_leave_is_no_leave(path):
    preview, outcomes = _preview(path, "李四：@张三 你明天请假吗？")
    assert not [m for m in preview.matches if m.status == LEAVE]
    assert [o.outcome for o in outcomes] == ["skipped"]


def test_the_cli_writes_nothing_for_a_leave_someone_else_wrote(path, tmp_path, capsys):
    chain = tmp_path / "chain.txt"
    chain.write_text(
        "#接龙 12月4日打卡\n1. 王五 6:00\n2. 张三请假，李四代打卡\n3. 李四 帮赵六请个假\n", encoding="utf-8"
    )
    code = main(["--db", str(path), "checkin", "--group", "晨读群", "--date", "2026-12-04", "--paste", str(chain)])
    err = capsys.readouterr().err
    assert code == 0
    assert "赵六: 请假 2026-12-04" in err and "李四: 请假" not in err
    db = open_workspace(path)
    try:
        with db.session() as s:
            assert s.query(Leave).count() == 0
            assert s.query(CheckIn).count() == 1  # 王五's alone: 李四's 代打卡 is asked, not logged
    finally:
        db.dispose()


def test_a_nickname_that_is_a_word_of_the_message_is_asked_about(tmp_path):
    """刘洋 nicknamed 阳光, 钱明 nicknamed 明天: `李四：今天阳光好，请假一天` may name nobody but the writer, and `李四：明天
    请假` certainly does — a nickname alone is never taken as the one on leave without asking, and a time word never."""
    p = tmp_path / "n.sqlite"
    db = open_workspace(p)
    owner = actor_for(db)
    with db.session() as s:
        gid = create_group(s, owner, "晨读群")
        since = datetime(2026, 10, 1, 9)
        for name, nick in (("刘洋", "阳光"), ("钱明", "明天"), ("李四", None)):
            add_member(s, owner, gid, MemberInput(display_name=name, nickname=nick, joined_at=since))
        s.commit()
        own = preview_paste(s, gid, DAY, "李四：明天请假")
        sunny = preview_paste(s, gid, DAY, "李四：今天阳光好，请假一天")
    db.dispose()
    assert [(m.status, m.candidates[0].display_name) for m in own.matches] == [(LEAVE, "李四")]
    assert {m.candidates[0].display_name for m in sunny.matches if m.status == LEAVE} == {"刘洋", "李四"}
    detail = line_outcomes(sunny.lines, sunny.matches, set(), set())[0].detail
    assert "请确认请假的是谁" in detail


def test_the_cli_gives_no_command_where_a_person_must_say_whose_leave(path, tmp_path, capsys):
    chain = tmp_path / "chain.txt"
    chain.write_text("#接龙 12月4日打卡\n1. 王五 6:00\n2. 李四 我和张三请假\n3. 赵六 请假\n", encoding="utf-8")
    assert main(["--db", str(path), "checkin", "--group", "晨读群", "--date", "2026-12-04", "--paste", str(chain)]) == 0
    err = capsys.readouterr().err
    assert "--member 赵六" in err
    assert "--member 张三" not in err and "--member 李四" not in err
