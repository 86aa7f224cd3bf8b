"""Probe undo3: the Check-ins page's "Undo this paste" after the group was switched, over midnight, and after the
people it logged were changed meanwhile — it takes back only what the paste logged, in the group it logged into, and
says what it did not take back."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers import GROUP_NAME, OTHER_GROUP_NAME, close_workspace, isolate_settings, make_workspace, shown_checkins_page
from PySide6.QtCore import Qt, QTranslator

from desktop.i18n import compile_ts
from desktop.services.checkins import checkins_on, record_checkins, undo_checkin
from desktop.services.members import merge_members
from desktop.services.roster import MemberInput, add_member
from models import Membership, kept
from tests.fixed_day import TEST_TODAY

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)"
)
TODAY = TEST_TODAY
TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
CHAIN = "#接龙\n早起打卡\n\n1. 张珊\n2. 李四\n3. 赵六\n"


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory):
    out = tmp_path_factory.mktemp("qm")
    return {lang: compile_ts(TS_DIR / f"checkins_{lang}.ts", out / f"checkins_{lang}.qm") for lang in ("en", "zh_CN")}


@pytest.fixture(autouse=True)
def english(qapp, catalogues):
    translator = QTranslator(qapp)
    assert translator.load(str(catalogues["en"]))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    with workspace.database.session() as s:
        joined = datetime(2024, 3, 10, 4, 0)
        _, ms = add_member(s, workspace.owner, workspace.group_id, MemberInput(display_name="赵六", joined_at=joined))
        workspace.memberships["赵六"] = ms
        # 李四 is in the other group too: a check-in of his there must never be touched by this group's undo
        _, ms = add_member(
            s, workspace.owner, workspace.other_group_id, MemberInput(display_name="李四", joined_at=joined)
        )
        workspace.memberships["李四@other"] = ms
        s.commit()
    yield workspace
    close_workspace(workspace)


@pytest.fixture
def page(qtbot, ws):
    return shown_checkins_page(qtbot, ws)


def who(ws, group_id=None, day=TODAY) -> set[int]:
    with ws.database.session() as s:
        return {r.membership_id for r in checkins_on(s, group_id or ws.group_id, day)}


def paste(page, text=CHAIN):
    page.set_paste_text(text)
    page.run_match()
    page.confirm_paste()


def test_the_paste_is_undone_in_its_group_after_switching_to_the_right_one(qtbot, page, ws):
    """A chain logged into the wrong group is usually seen once the right one is open: switching group hid "Undo
    this paste" (the status line changed), and the chain had to be taken back one 撤销 per line after switching
    back. The button stays, names the group it undoes in, and takes back only that group's check-ins."""
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.other_group_id, TODAY, [ws.memberships["李四@other"]])
        s.commit()
    paste(page)
    logged = {ws.memberships[n] for n in ("张珊", "李四", "赵六")}
    assert who(ws) == logged
    page.set_group(ws.other_group_id)
    assert page.undo_paste_button.isVisibleTo(page)
    assert page.undo_paste_button.text() == f"Undo the paste in {GROUP_NAME} (3)"
    qtbot.mouseClick(page.undo_paste_button, Qt.MouseButton.LeftButton)
    assert who(ws) == set()
    assert who(ws, ws.other_group_id) == {ws.memberships["李四@other"]}  # the group shown: untouched
    assert page.quick_status.text() == f"Undone: the 3 check-ins the last paste logged in {GROUP_NAME}"
    assert not page.undo_paste_button.isVisibleTo(page)
    assert OTHER_GROUP_NAME not in page.quick_status.text()


def test_the_paste_is_undone_after_midnight_on_its_own_day(qtbot, page, ws, monkeypatch):
    """The window stays open past midnight: the page moved the date on and said so, which hid "Undo this paste" of
    the chain logged at 23:50. It stays; it takes back yesterday's check-ins, not the new day's."""
    paste(page)
    tomorrow = TODAY + timedelta(days=1)
    monkeypatch.setenv("QUNDESK_TODAY", tomorrow.isoformat())  # the night passes, the page on screen
    assert page.follow_today() is True and "new day" in page.quick_status.text()
    with ws.database.session() as s:
        record_checkins(s, ws.owner, ws.group_id, tomorrow, [ws.memberships["张珊"]])  # the new day's, by hand
        s.commit()
    assert page.undo_paste_button.isVisibleTo(page)
    assert page.undo_paste_button.text() == "Undo this paste (3)"
    qtbot.mouseClick(page.undo_paste_button, Qt.MouseButton.LeftButton)
    assert who(ws) == set()
    assert who(ws, day=tomorrow) == {ws.memberships["张珊"]}


def test_what_the_undo_does_not_take_back_is_said_and_left(qtbot, page, ws):
    """After the paste, another assistant undid 李四's check-in and logged it again by hand, undid 张珊's, and merged
    赵六 into another record of his (赵六六, who had checked in by hand that day). "Undo this paste" took back 李四's
    check-in logged by hand (not the paste's) and said "Undone: 1" of three without a word on the others. Now it takes
    back nothing that is not the paste's, and says each."""
    paste(page)
    with ws.database.session() as s:
        _, other = add_member(
            s, ws.owner, ws.group_id, MemberInput(display_name="赵六六", joined_at=datetime(2024, 3, 10, 4, 0))
        )
        record_checkins(s, ws.owner, ws.group_id, TODAY, [other])
        undo_checkin(s, ws.owner, ws.memberships["李四"], TODAY)
        record_checkins(s, ws.owner, ws.group_id, TODAY, [ws.memberships["李四"]])  # again, by hand
        undo_checkin(s, ws.owner, ws.memberships["张珊"], TODAY)
        s.commit()
        keep = s.get(Membership, other).member_id
        merge_members(s, ws.owner, keep, s.get(Membership, ws.memberships["赵六"]).member_id)
        s.commit()
    qtbot.mouseClick(page.undo_paste_button, Qt.MouseButton.LeftButton)
    assert who(ws) == {ws.memberships["李四"], other}  # by hand, both: kept
    assert page.quick_status.text() == (
        "Nothing of the last paste was undone"
        "  ·  kept: 李四 (logged again since, by hand or another paste)"
        "  ·  张珊: no check-in any more (someone else undid it)"
        "  ·  not undone: 赵六 (merged into another record of the person since: undo that check-in in the day's list)"
    )
    with ws.database.session() as s:
        assert kept.drift(s.connection()) == []


def choose(page, row: int, label_start: str) -> None:
    combo = page.choice_combo(row)
    labels = [combo.itemText(i) for i in range(combo.count())]
    i = next(i for i, t in enumerate(labels) if t.startswith(label_start))
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


def roster_names(ws, group_id) -> set[str]:
    from desktop.services.roster import RosterQuery, search_roster

    with ws.database.session() as s:
        return {r.display_name for r in search_roster(s, RosterQuery(group_id=group_id))}


@pytest.mark.parametrize("who_undoes", ["owner", "assistant"])
def test_a_newcomer_the_paste_added_goes_with_its_undo(qtbot, ws, who_undoes):
    """钱多多, not on the roster, added from the chain ("Add as new member") — into the wrong group, as it turned
    out. Undo this paste took back her check-in and left her a member of the group, a joiner of the month in its
    figures and workbook. An owner's (or admin's) undo now takes her off the roster with the paste; an assistant's,
    who may not delete members, leaves her and says so."""
    from ui.pages.checkins_page import CheckinsPage

    page = CheckinsPage(ws.database, ws.owner if who_undoes == "owner" else ws.assistant)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.set_group(ws.group_id)
    before = roster_names(ws, ws.group_id)
    changed = []
    page.data_changed.connect(lambda: changed.append(True))
    page.set_paste_text("#接龙 早起\n1. 钱多多 6:01\n2. 李四")
    choose(page, 0, "Add as new member")
    page.confirm_paste()
    assert roster_names(ws, ws.group_id) == before | {"钱多多"}
    qtbot.mouseClick(page.undo_paste_button, Qt.MouseButton.LeftButton)
    assert who(ws) == set()
    status = page.quick_status.text()
    # the roster follows: told when she was added, and when she was taken off
    assert changed == ([True, True] if who_undoes == "owner" else [True])
    if who_undoes == "owner":
        assert roster_names(ws, ws.group_id) == before
        assert (
            status
            == "Undone: the 2 check-ins the last paste logged  ·  taken off the roster: 钱多多 (added by this paste)"
        )
    else:
        assert roster_names(ws, ws.group_id) == before | {"钱多多"}
        assert status == (
            "Undone: the 2 check-ins the last paste logged  ·  added by this paste, kept on the roster: 钱多多 (only an"
            " owner or an admin can delete members)"
        )
    with ws.database.session() as s:
        assert kept.drift(s.connection()) == []
