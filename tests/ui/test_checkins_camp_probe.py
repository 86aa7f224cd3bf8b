"""The Check-ins page and the group profile with a camp's first day (开营日): a chain titled 第N天 pasted on
another day is asked about, offering the date the count names; without a first day, the summary says the count
could name the date; the profile dialog sets the first day and length."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace
from PySide6.QtCore import QDate, Qt

from desktop.services.checkins import checkins_on
from desktop.services.group_profile import get_group_profile, update_group_profile
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from ui.dialogs.group_profile_dialog import GroupProfileDialog
from ui.pages.checkins_page import CheckinsPage

pytestmark = OFFSCREEN_QUIRKS

TODAY = TEST_TODAY
START = TODAY - timedelta(days=4)  # day 1; day 3 is two days ago, day 5 today
PEOPLE = ("王芳", "赵磊")
CHAIN = "#接龙 21天写作营 第3天打卡\n" + "".join(f"{i}. {n}\n" for i, n in enumerate(PEOPLE, 1))


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path, seed=False)
    with workspace.database.session() as s:
        gid = create_group(s, workspace.owner, "21天写作营", kind="camp")
        for n in PEOPLE:
            add_member(s, workspace.owner, gid, MemberInput(display_name=n, joined_at=datetime(2024, 3, 10, 4, 0)))
        s.commit()
    yield workspace, gid
    close_workspace(workspace)


def _page(qtbot, workspace, gid) -> CheckinsPage:
    page = CheckinsPage(workspace.database, workspace.assistant)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.set_group(gid)
    return page


def test_a_camp_day_title_offers_the_date_it_names(qtbot, ws):
    workspace, gid = ws
    with workspace.database.session() as s:
        update_group_profile(s, workspace.owner, gid, camp_start_day=START, camp_days=21)
        s.commit()
    page = _page(qtbot, workspace, gid)
    page.set_paste_text(CHAIN)
    assert page.title_banner.isVisibleTo(page)
    assert "第3天" in page.title_date_label.text()
    assert not page.confirm_button.isEnabled()
    page.confirm_paste()
    with workspace.database.session() as s:
        assert checkins_on(s, gid, TODAY) == []
    qtbot.mouseClick(page.use_title_day_button, Qt.MouseButton.LeftButton)
    day3 = START + timedelta(days=2)
    assert page.day() == day3 and not page.title_banner.isVisibleTo(page)
    page.confirm_paste()
    with workspace.database.session() as s:
        assert len(checkins_on(s, gid, day3)) == 2 and checkins_on(s, gid, TODAY) == []


def test_without_a_first_day_the_summary_says_the_count_could_name_the_date(qtbot, ws):
    workspace, gid = ws
    page = _page(qtbot, workspace, gid)
    page.set_paste_text(CHAIN)
    assert not page.title_banner.isVisibleTo(page)
    assert "第3天" in page.paste_summary.text()
    assert page.confirm_button.isEnabled()


def test_the_profile_dialog_sets_the_camp_s_first_day_and_length(qtbot, ws):
    workspace, gid = ws
    dialog = GroupProfileDialog(workspace.database, workspace.owner, gid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.camp_start_check.isChecked() and not dialog.camp_start_edit.isEnabled()
    dialog.camp_start_check.setChecked(True)
    assert dialog.camp_start_edit.isEnabled()
    dialog.camp_start_edit.setDate(QDate(START.year, START.month, START.day))
    dialog.camp_days_spin.setValue(21)
    dialog.save()
    with workspace.database.session() as s:
        profile = get_group_profile(s, gid)
    assert (profile.camp_start_day, profile.camp_days) == (START, 21)
    again = GroupProfileDialog(workspace.database, workspace.owner, gid)
    qtbot.addWidget(again)
    assert again.camp_start_check.isChecked() and again.camp_days_spin.value() == 21
    again.camp_start_check.setChecked(False)
    again.camp_days_spin.setValue(0)
    again.save()
    with workspace.database.session() as s:
        profile = get_group_profile(s, gid)
    assert (profile.camp_start_day, profile.camp_days) == (None, None)
