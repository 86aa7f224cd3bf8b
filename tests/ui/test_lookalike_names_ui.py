"""People who look alike (two 张伟, 王芳/汪芳, 小美 as a name and a group nickname, a deleted 赵敏 …) in the window: quick
entry, the chat import's senders and the member picker give the right person, or nobody and a choice, or say who
the name is when it is not a member's — what a paste line with the name says."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from helpers import close_workspace, isolate_settings, make_workspace, type_text
from PySide6.QtCore import Qt

from desktop.services.activities_queries import MemberChoice
from desktop.services.checkins import checkins_on
from desktop.services.checkins_queries import on_leave
from desktop.services.roster import MemberInput, add_member, soft_delete_member
from models.search_keys import search_columns
from tests.fixed_day import TEST_TODAY
from ui.dialogs.chat_import_dialog import ChatImportDialog
from ui.pages.checkins_page import CheckinsPage
from ui.pickers import MemberPicker

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)"
)

PEOPLE = {
    "zw1": MemberInput("张伟", nickname="伟哥", wechat_id="zhangwei_bj"),
    "zw2": MemberInput("张伟", nickname="大伟", wechat_id="zw_sh88"),
    "wf": MemberInput("王芳"),
    "wangf": MemberInput("汪芳"),
    "ln": MemberInput("李娜"),
    "lnn": MemberInput("李娜娜"),
    "li": MemberInput("李"),
    "lisi": MemberInput("李四"),
    "xm_nick": MemberInput("周静", group_nickname="小美"),
    "xm_real": MemberInput("小美"),
    "amy_fw": MemberInput("ＡＭＹ"),
    "amy": MemberInput("Amy"),
    "tom": MemberInput("tom"),
    "cc": MemberInput("陈晨"),
    "tomli": MemberInput("Tom Li"),
    "deleted": MemberInput("赵敏"),
}


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path, seed=False)
    with workspace.database.session() as s:
        for key, data in PEOPLE.items():
            data.joined_at = datetime(2024, 3, 10, 4, 0)
            workspace.members[key], workspace.memberships[key] = add_member(
                s, workspace.owner, workspace.group_id, data
            )
        add_member(s, workspace.owner, workspace.other_group_id, MemberInput("钱多多", joined_at=datetime(2024, 3, 10)))
        s.commit()
        soft_delete_member(s, workspace.owner, workspace.members["deleted"])
        s.commit()
    yield workspace
    close_workspace(workspace)


@pytest.fixture
def page(qtbot, ws):
    p = CheckinsPage(ws.database, ws.owner)
    qtbot.addWidget(p)
    p.resize(1100, 720)
    p.show()
    p.set_group(ws.group_id)
    return p


def enter(qtbot, page, ws, text: str) -> list[int]:
    """Type `text` into quick entry and press Enter: the memberships checked in today."""
    page.quick_edit.clear()
    page.quick_edit.setFocus()
    type_text(qtbot, page.quick_edit, text)
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Return)
    with ws.database.session() as s:
        return sorted(r.membership_id for r in checkins_on(s, ws.group_id, TEST_TODAY))


def test_look_alikes_typed_into_quick_entry_log_the_right_person_or_nobody(qtbot, page, ws):
    m = ws.memberships
    assert enter(qtbot, page, ws, "王芳") == [m["wf"]]  # not 汪芳
    assert enter(qtbot, page, ws, "李娜") == sorted([m["wf"], m["ln"]])  # not 李娜娜
    assert enter(qtbot, page, ws, "李") == sorted([m["wf"], m["ln"], m["li"]])  # not 李四
    before = enter(qtbot, page, ws, "张伟")  # two of them: a choice, nobody logged
    assert before == sorted([m["wf"], m["ln"], m["li"]]) and page.candidates() == ["张伟", "张伟"]
    assert enter(qtbot, page, ws, "amy") == before  # ＡＭＹ and Amy
    assert enter(qtbot, page, ws, "小美") == before  # one's real name, another's group nickname


def test_a_name_in_traditional_characters_is_offered_by_its_reading_and_picked_not_guessed(qtbot, page, ws):
    """張偉 and 陳晨 (traditional) were "Nobody in this group matches" — a paste offers 张伟 and 陈晨 by their reading;
    quick entry now lists them too, and Enter alone checks nobody in: the assistant picks the one they mean."""
    assert enter(qtbot, page, ws, "張偉") == [] and page.candidates() == ["张伟", "张伟"]
    assert enter(qtbot, page, ws, "陳晨") == [] and page.candidates() == ["陈晨"]
    assert "“陳晨”: pick" in page.quick_status.text()  # one person matches: pick with ↓ and press Enter
    qtbot.keyClick(page.quick_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.quick_completer.popup(), Qt.Key.Key_Return)
    with ws.database.session() as s:
        assert [r.membership_id for r in checkins_on(s, ws.group_id, TEST_TODAY)] == [ws.memberships["cc"]]


def test_quick_entry_names_a_deleted_person_and_one_of_another_group(qtbot, page, ws):
    """赵敏 (deleted) and 钱多多 (of the other group) were "Nobody in this group matches": a paste line names them
    as such, and so does quick entry now."""
    assert enter(qtbot, page, ws, "赵敏") == []
    # said in the window's language (the new-user probe: an applicant's reason read in English in the Chinese window)
    assert page.quick_status.text().startswith("“赵敏” is not a member of this group: 赵敏: Deleted from the roster")
    assert enter(qtbot, page, ws, "钱多多") == []
    status = page.quick_status.text()
    assert status.startswith("“钱多多” is not a member of this group: 钱多多: Not in this group") and "读书会" in status
    assert enter(qtbot, page, ws, "陌生人") == []
    assert page.quick_status.text() == "Nobody in this group matches “陌生人”"


def test_the_chat_import_offers_the_members_an_unknown_sender_looks_like(qtbot, ws, tmp_path):
    """A sender 張偉 (traditional) was "Not on the roster" with nothing to go on — and --add-unknown made a second
    张伟; the dialog now says whom they look like and offers each as a choice (a guess the user confirms)."""
    day = TEST_TODAY - timedelta(days=2)
    path = tmp_path / "晨光早起营.txt"
    path.write_text(f"{day} 06:01:00 張偉\n早起打卡\n\n{day} 06:02:00 王芳\n早起打卡\n", encoding="utf-8")
    dialog = ChatImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.set_file(str(path))
    table = dialog.senders_table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "張偉")
    assert table.item(row, 3).text() == "Not on the roster; looks like 张伟"
    combo = table.cellWidget(row, 4)
    links = [combo.itemData(i)[1] for i in range(combo.count()) if combo.itemData(i)[0] == "link"]
    assert sorted(links) == sorted([ws.memberships["zw1"], ws.memberships["zw2"]])
    index = next(i for i in range(combo.count()) if combo.itemData(i) == ("link", ws.memberships["zw2"]))
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with ws.database.session() as s:
        logged = {r.membership_id for r in checkins_on(s, ws.group_id, day)}
    assert logged == {ws.memberships["zw2"], ws.memberships["wf"]}


def _choice(mid: int, name: str, **kw) -> MemberChoice:
    k = search_columns(name)
    return MemberChoice(
        mid,
        name,
        kw.get("nickname"),
        kw.get("group_nickname"),
        kw.get("wechat_id"),
        k["pinyin"],
        k["initials"],
        k["pinyin_alt"] or "",
        k["initials_alt"] or "",
    )


def test_the_member_picker_chooses_on_enter_only_a_name_that_is_one_persons(qtbot):
    """The points / leave dialogs' picker took Enter on `小美` for the member called 小美 though another goes by 小美
    in the group (a paste asks which), and `Amy` for Amy beside ＡＭＹ; now those wait for a pick."""
    picker = MemberPicker()
    qtbot.addWidget(picker)
    picker.set_choices(
        [
            _choice(1, "小美"),
            _choice(2, "周静", group_nickname="小美"),
            _choice(3, "Amy"),
            _choice(4, "ＡＭＹ"),
            _choice(5, "李娜"),
            _choice(6, "李娜娜"),
            _choice(7, "张伟", nickname="伟哥"),
        ]
    )
    chosen = []
    picker.member_chosen.connect(chosen.append)
    for text in ("小美", "Amy", "李娜", "伟哥"):
        picker.setText(text)
        picker.textEdited.emit(text)  # typed: a choice made before is cleared
        picker._on_return()
    assert chosen == [5, 7]


def test_the_leave_dialogs_member_search_preselects_only_a_name_that_is_one_persons(qtbot, page, ws):
    """Typing 张伟 in the leave dialog made the first of the two 张伟 current — one Save from leave recorded for
    whichever sorted first; now nobody is current until the assistant picks. A name that is one person's (伟哥,
    李娜 beside 李娜娜) is that person, wherever the list sorts them."""
    dialog = page.open_leave_dialog()
    search = dialog.member_search
    for text, expected in (("张伟", None), ("小美", None), ("伟哥", "zw1"), ("李娜", "ln"), ("李娜娜", "lnn")):
        search.search_edit.setText(text)
        search.search()
        current = search.current()
        assert (current.membership_id if current else None) == (ws.memberships[expected] if expected else None), text
    search.search_edit.setText("张伟")
    search.search()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # Save with nobody chosen records nothing
    with ws.database.session() as s:
        assert on_leave(s, ws.group_id, TEST_TODAY) == []
    dialog.reject()
