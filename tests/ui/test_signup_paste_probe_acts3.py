"""Sign-up chains and attendance lists as organisers paste them (AttendancePasteDialog, third activities probe):
a chain's waiting-list section (`候补：` / `-----候补-----` / `【候补名单】` / `替补:` then its entries), `3. 张三 -1`
taking a sign-up back, `王五 没来` / `赵六 缺席` / `周八（未到）` in the list pasted after the event, `携家属`, and the
organiser's own line (`组织者：张三`). Each was read wrong: the waiting list was signed up, `-1` a second sign-up,
the no-shows marked attended, the family unsaid and the organiser's line dropped from the preview."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.services.activities_queries import attendance_sheet
from desktop.services.participation import ActivityInput, create_activity, set_attendance
from desktop.services.paste import brings_guests, match_paste
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from ui.dialogs.attendance_paste_dialog import ABSENT, AttendancePasteDialog

PAST = date.fromordinal(TEST_TODAY.toordinal() - 4)
SOON = date.fromordinal(TEST_TODAY.toordinal() + 3)
MORE = ("王五", "赵六", "孙七", "周八")


def _setup(ws, day: date) -> int:
    with ws.database.session() as s:
        for name in MORE:
            _mid, ws.memberships[name] = add_member(s, ws.owner, ws.group_id, MemberInput(display_name=name))
        aid = create_activity(
            s,
            ws.owner,
            ws.group_id,
            ActivityInput(title="周六徒步", starts_at=datetime(day.year, day.month, day.day, 9)),
        )
        s.commit()
    return aid


def _sheet(ws, aid) -> dict[str, tuple[str, str]]:
    names = {v: k for k, v in ws.memberships.items()}
    with ws.database.session() as s:
        return {names[a.membership_id]: (a.status, a.role) for a in attendance_sheet(s, ws.group_id, aid) if a.status}


def _read(ws, text: str) -> list[tuple[str, str | None, str]]:
    with ws.database.session() as s:
        return [(m.status, m.reason, m.name) for m in match_paste(s, ws.group_id, text, signups=True)]


WAITLISTS = [
    "#接龙 周六徒步 限3人\n1. 张三\n2. 李四\n3. 王五\n候补：\n4. 赵六\n5. 孙七\n",
    "#接龙 周六徒步\n1. 张三\n2. 李四\n3. 王五\n-----候补-----\n4. 赵六\n5. 孙七\n",
    "#接龙 周六徒步\n1. 张三\n2. 李四\n3. 王五\n【候补名单】\n1. 赵六\n2. 孙七\n",
    "#接龙 周六徒步\n正式：\n1. 张三\n2. 李四\n3. 王五\n替补:\n1. 赵六\n2. 孙七\n",
    "周六徒步报名\n张三\n李四\n王五\n以下为候补\n赵六\n孙七\n",
]


@pytest.mark.parametrize("chain", WAITLISTS)
def test_a_waiting_list_section_is_not_signed_up(ws, chain):
    _setup(ws, SOON)
    read = {name: (status, reason) for status, reason, name in _read(ws, chain)}
    assert read["赵六"] == ("ignored", "tentative") and read["孙七"] == ("ignored", "tentative")
    assert read["张三"][0] == read["李四"][0] == read["王五"][0] == "matched"


def test_the_list_proper_after_a_waiting_list_is_signed_up_again(ws):
    _setup(ws, SOON)
    read = _read(ws, "#接龙 周六徒步\n1. 张三\n候补：\n2. 赵六\n正式名单：\n3. 孙七\n")
    assert read == [("matched", None, "张三"), ("ignored", "tentative", "赵六"), ("matched", None, "孙七")]


def test_the_waiting_list_in_the_window_signs_up_only_the_list_proper(qtbot, ws):
    aid = _setup(ws, SOON)
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "周六徒步")
    qtbot.addWidget(dialog)
    dialog.set_text(WAITLISTS[0])
    texts = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert sum("候补" in t or "waiting list" in t for t in texts) == 2  # said on both waiting lines
    dialog.apply()
    assert _sheet(ws, aid) == {n: ("registered", "attendee") for n in ("张三", "李四", "王五")}


def test_minus_one_takes_a_sign_up_back(qtbot, ws):
    aid = _setup(ws, SOON)
    chain = "#接龙 周六徒步\n1. 张三\n2. 李四\n3. 张三 -1\n"
    assert _read(ws, chain)[2] == ("ignored", "withdrawn", "张三")  # was ("duplicate", None, "张三")
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "周六徒步")
    qtbot.addWidget(dialog)
    dialog.set_text(chain)
    dialog.apply()
    assert _sheet(ws, aid) == {"李四": ("registered", "attendee")}


@pytest.mark.parametrize("line", ["小王-1", "张三 -10", "张三 -1天"])
def test_a_minus_one_that_is_no_withdrawal(ws, line):
    _setup(ws, SOON)
    assert all(reason != "withdrawn" for _s, reason, _n in _read(ws, f"#接龙 周六徒步\n1. {line}\n"))


def test_no_shows_in_an_attendance_list_are_absent_not_attended(qtbot, ws):
    aid = _setup(ws, PAST)
    with ws.database.session() as s:
        set_attendance(s, ws.owner, aid, ws.memberships["赵六"], "registered")
        set_attendance(s, ws.owner, aid, ws.memberships["孙七"], "excused")  # sent word before
        s.commit()
    chain = "#接龙 周六徒步 签到\n1. 张三 ✅\n2. 王五 没来\n3. 赵六 缺席\n4. 孙七 没到\n5. 周八（未到）\n6. 李四 上次没来 这次到了\n"
    read = {name: reason for _st, reason, name in _read(ws, chain)}
    assert read["王五"] == read["赵六"] == read["孙七"] == "no_show" and read["李四"] is None
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "周六徒步")
    qtbot.addWidget(dialog)
    dialog.attended_radio.setChecked(True)
    dialog.set_text(chain)
    offered = [dialog.decision(r)[0] for r in sorted(dialog.combos)]
    assert offered.count(ABSENT) == 4
    dialog.apply()
    assert _sheet(ws, aid) == {
        "张三": ("attended", "attendee"),
        "李四": ("attended", "attendee"),
        "王五": ("absent", "attendee"),
        "赵六": ("absent", "attendee"),
        "孙七": ("excused", "attendee"),  # the member sent word: stays excused
        "周八": ("absent", "attendee"),
    }


def test_a_no_show_for_an_activity_still_to_come_writes_nothing(qtbot, ws):
    aid = _setup(ws, SOON)
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "周六徒步")
    qtbot.addWidget(dialog)
    dialog.set_text("#接龙 周六徒步\n1. 张三\n2. 王五 没来\n")
    assert [dialog.decision(r)[0] for r in sorted(dialog.combos)] == ["member"]  # 王五's line: said, no choice
    dialog.apply()
    assert _sheet(ws, aid) == {"张三": ("registered", "attendee")}


@pytest.mark.parametrize("line", ["张三 携家属", "李四 携夫人", "孙七 和老婆", "王五 跟孩子一起", "王五 含家属"])
def test_family_brought_along_is_said(line):
    assert brings_guests(line)


@pytest.mark.parametrize("line", ["张三 +1", "和平", "李和老师", "张三 和 李四"])
def test_no_guests(line):
    assert not brings_guests(line)


def test_the_organisers_line_names_the_host(qtbot, ws):
    aid = _setup(ws, SOON)
    chain = "#接龙 周六徒步\n组织者：张三\n领队: 王五\n1. 李四\n"
    assert _read(ws, chain) == [("matched", None, "张三"), ("matched", None, "王五"), ("matched", None, "李四")]
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "周六徒步")
    qtbot.addWidget(dialog)
    dialog.set_text(chain)
    dialog.apply()
    assert _sheet(ws, aid) == {
        "张三": ("registered", "host"),
        "王五": ("registered", "host"),
        "李四": ("registered", "attendee"),
    }


CHAT_UNDER = (
    "#接龙 周六徒步\n1. 张三\n2. 李四\n3. 王五\n4. 赵六\n5. 孙七\n6. 周八\n"
    "李四：不好意思去不了了\n王五撤了\n赵六 临时有事\n孙七 请假\n周八 下次吧\n张三 收到\n"
)


def test_members_lines_under_the_chain_are_read_not_dropped(ws):
    """Each line under the chain was dropped from the preview without a word, and all six stayed signed up."""
    _setup(ws, SOON)
    read = {no: (status, reason, name) for no, (status, reason, name) in enumerate(_read(ws, CHAT_UNDER), start=1)}
    assert [read[n] for n in range(7, 13)] == [
        ("ignored", "withdrawn", "李四"),
        ("ignored", "withdrawn", "王五"),
        ("ignored", "withdrawn", "赵六"),
        ("leave", None, "孙七"),
        ("ignored", "withdrawn", "周八"),
        ("ignored", "outside_list", "张三"),  # shown as theirs; no second sign-up
    ]


def test_members_lines_under_the_chain_in_the_window(qtbot, ws):
    aid = _setup(ws, SOON)
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "周六徒步")
    qtbot.addWidget(dialog)
    dialog.set_text(CHAT_UNDER)
    assert dialog.table.rowCount() == 12  # every line naming someone has its row
    dialog.apply()
    assert _sheet(ws, aid) == {"张三": ("registered", "attendee"), "孙七": ("excused", "attendee")}


@pytest.mark.parametrize("line", ["赵六 临时有事 晚点到", "张三：带水", "路人甲 去不了了"])
def test_lines_under_the_chain_that_take_nothing_back(ws, line):
    _setup(ws, SOON)
    read = _read(ws, f"#接龙 周六徒步\n1. 赵六\n2. 张三\n{line}\n")
    assert all(reason != "withdrawn" for _s, reason, _n in read)


def test_the_sign_ups_beyond_the_chains_limit_wait(qtbot, ws):
    """`限3人`: the 4th and 5th sign-ups were signed up like the first three; now they wait (over_limit), and a place
    taken back further down goes to the first who waits."""
    aid = _setup(ws, SOON)
    read = _read(ws, "#接龙 周六徒步 限3人\n1. 张三\n2. 李四\n3. 王五\n4. 赵六\n5. 孙七\n")
    assert [(status, reason) for status, reason, _n in read[3:]] == [("ignored", "over_limit")] * 2
    chain = "#接龙 周六徒步 限3人\n1. 张三\n2. 李四\n3. 王五\n4. 赵六\n5. 孙七\n6. 李四 去不了了\n7. 张三\n"
    read = _read(ws, chain)
    assert read[3] == ("matched", None, "赵六") and read[4] == ("ignored", "over_limit", "孙七")
    dialog = AttendancePasteDialog(ws.database, ws.owner, ws.group_id, aid, "周六徒步")
    qtbot.addWidget(dialog)
    dialog.set_text(chain)
    row = next(r for r, m in enumerate(dialog.matches) if m.name == "孙七")
    dialog.choose(row, ws.memberships["孙七"])  # the organiser may sign the one who waits up all the same
    dialog.apply()
    assert set(_sheet(ws, aid)) == {"张三", "王五", "赵六", "孙七"}


@pytest.mark.parametrize(
    "title",
    [
        "#接龙 周六徒步 名额3人",
        "#接龙 周六徒步（限额3位）",
        "#接龙 限报3人 周六徒步",
        "#接龙 周六徒步 最多3人",
        "Saturday hike sign-up (max 3)",
        "Saturday hike: 3 spots",
    ],
)
def test_the_limit_as_titles_write_it(ws, title):
    _setup(ws, SOON)
    read = _read(ws, f"{title}\n1. 张三\n2. 李四\n3. 王五\n4. 赵六\n")
    assert read[3] == ("ignored", "over_limit", "赵六")


def test_a_chain_without_a_limit_signs_everyone_up(ws):
    _setup(ws, SOON)
    read = _read(ws, "#接龙 周六徒步 3人成行\n1. 张三\n2. 李四\n3. 王五\n4. 赵六\n")
    assert all(status == "matched" for status, _r, _n in read)


@pytest.mark.parametrize(
    ("line", "guests"),
    [
        ("孙七 和老婆", True),
        ("王五&老婆", True),
        ("赵六 + 家属", True),
        ("李四 9:40 迟到", False),
        ("王五 迟到了", False),
    ],
)
def test_who_they_bring_and_how_they_came_are_no_second_person(ws, line, guests):
    """`孙七 和老婆` gave a second row 「和老婆」 (和 is a surname), `王五&老婆` one for 老婆, `李四 9:40 迟到` one for 迟到 (迟 is
    one too) — each 'not in the group', with 'add as a new member' offered; the family was not said to come along."""
    _setup(ws, date.fromordinal(TEST_TODAY.toordinal() - 4))
    read = _read(ws, f"#接龙 周六徒步\n1. {line}\n")
    assert [status for status, _r, _n in read] == ["matched"]
    assert brings_guests(line) is guests


def test_a_second_person_after_a_separator_is_still_one(ws):
    _setup(ws, SOON)
    assert [name for _s, _r, name in _read(ws, "#接龙 周六徒步\n1. 周八&王小五\n")] == ["周八", "王小五"]


@pytest.mark.parametrize("signups", [True, False])
def test_a_four_character_name_after_a_separator_is_reported(ws, signups):
    """`1. 张三、欧阳娜娜`: 欧阳娜娜 (a 复姓, nobody on the roster) was dropped as a remark without a word — in a sign-up
    chain and in a check-in chain alike — the line's outcome naming 张三 alone. Now it is a line to decide."""
    _setup(ws, SOON)
    with ws.database.session() as s:
        read = [
            (m.status, m.name)
            for m in match_paste(
                s,
                ws.group_id,
                "#接龙 周六\n1. 张三、欧阳娜娜\n2. 李四+陌生人甲\n3. 孙七 & 早上好呀\n",
                TEST_TODAY,
                signups=signups,
            )
        ]
    assert read == [
        ("matched", "张三"),
        ("unmatched", "欧阳娜娜"),
        ("matched", "李四"),
        ("unmatched", "陌生人甲"),
        ("matched", "孙七"),  # a greeting after & is no person
    ]


def test_a_line_under_the_chain_about_someone_else_takes_nobody_back(ws):
    """`张三：李四说他去不了了` is 张三's line about 李四: taking 张三's sign-up back (or 李四's, on 张三's word) would name the
    wrong person or act on hearsay — it is shown as 张三's line, nothing taken back unasked."""
    _setup(ws, SOON)
    read = _read(ws, "#接龙 周六徒步\n1. 张三\n2. 李四\n张三：李四说他去不了了\n")
    assert read[2] == ("ignored", "outside_list", "张三")


def test_a_minus_one_glued_to_a_members_name_takes_the_sign_up_back(ws):
    """`3.张三-1` (no space) was a second sign-up of 张三; a name that is all of `阿杰-1` stays that member's sign-up."""
    _setup(ws, SOON)
    with ws.database.session() as s:
        add_member(s, ws.owner, ws.group_id, MemberInput(display_name="阿杰-1"))
        s.commit()
    read = _read(ws, "#接龙 周六徒步\n1. 张三\n2. 阿杰-1\n3.张三-1\n")
    assert read == [("matched", None, "张三"), ("matched", None, "阿杰-1"), ("ignored", "withdrawn", "张三")]
