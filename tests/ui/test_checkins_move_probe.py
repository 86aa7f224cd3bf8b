"""The Check-ins page with two cohorts that share their people (写作训练营第3期 / 第4期): 第3期's chain, titled with
its edition alone, pasted while 第4期 is selected is not logged into 第4期 — the banner names 第3期 before anything
is logged (it was logged into 第4期 without a word: every name is a member of both)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from helpers import close_workspace, isolate_settings, make_workspace
from PySide6.QtCore import Qt

from desktop.services.checkins import checkins_on
from desktop.services.groups import create_group
from desktop.services.members import bulk_copy_to_group
from desktop.services.roster import MemberInput, add_member
from tests.fixed_day import TEST_TODAY
from ui.pages.checkins_page import CheckinsPage

TODAY = TEST_TODAY
PEOPLE = ("王芳", "赵磊", "吴敏")
CHAIN = f"#接龙 第3期 {TODAY.month}月{TODAY.day}日打卡\n" + "".join(f"{i}. {n}\n" for i, n in enumerate(PEOPLE, 1))


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path, seed=False)
    with workspace.database.session() as s:
        g3 = create_group(s, workspace.owner, "写作训练营第3期")
        g4 = create_group(s, workspace.owner, "写作训练营第4期")
        joined = datetime(2024, 3, 10, 4, 0)
        ids = [add_member(s, workspace.owner, g3, MemberInput(display_name=n, joined_at=joined))[1] for n in PEOPLE]
        bulk_copy_to_group(s, workspace.owner, ids, g4)
        s.commit()
    yield workspace, g3, g4
    close_workspace(workspace)


def logged(ws, gid, day=TODAY):
    with ws.database.session() as s:
        return checkins_on(s, gid, day)


def test_the_other_cohorts_chain_is_named_and_not_logged(qtbot, ws):
    workspace, g3, g4 = ws
    page = CheckinsPage(workspace.database, workspace.assistant)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.set_group(g4)
    page.set_paste_text(CHAIN)
    assert [s for *_, s in page.preview_statuses()] == ["ignored"] * 3
    assert page.group_banner.isVisibleTo(page) and "「写作训练营第3期」" in page.group_banner_label.text()
    assert not page.confirm_button.isEnabled()
    page.confirm_paste()
    assert logged(workspace, g4) == [] and logged(workspace, g3) == []
    # the same chain in its own cohort: logged there, and only there
    page.set_group(g3)
    page.set_paste_text(CHAIN)
    assert [s for *_, s in page.preview_statuses()] == ["matched"] * 3
    assert not page.group_banner.isVisibleTo(page)
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert len(logged(workspace, g3)) == 3 and logged(workspace, g4) == []


def test_a_group_or_day_switched_after_the_preview_logs_nothing_into_the_new_one(qtbot, ws):
    """A preview made for 第3期 and today: the group switched to 第4期 empties the box (nothing left to log there);
    the day switched re-matches for that day, which the chain's title does not name — asked, not logged."""
    workspace, g3, g4 = ws
    page = CheckinsPage(workspace.database, workspace.assistant)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.set_group(g3)
    page.set_paste_text(CHAIN)
    assert [s for *_, s in page.preview_statuses()] == ["matched"] * 3
    page.set_group(g4)
    page.confirm_paste()
    assert logged(workspace, g4) == [] and logged(workspace, g3) == []
    page.set_group(g3)
    page.set_paste_text(CHAIN)
    page.set_day(TODAY - timedelta(days=1))
    assert page.preview.day == TODAY - timedelta(days=1)
    page.confirm_paste()  # the title says today: the day is asked first
    assert logged(workspace, g3, TODAY - timedelta(days=1)) == [] and logged(workspace, g3) == []
    assert page.title_banner.isVisibleTo(page)


def test_a_chain_of_the_other_cohorts_group_nicknames_is_named_before_logging(qtbot, tmp_path):
    """`3期-王芳-北京` lines pasted with 第4期 selected (each cohort its own roster, its group nicknames carrying the
    cohort): every line matched a 第4期 member by its segment, and the summary said nothing."""
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path, seed=False)
    try:
        with workspace.database.session() as s:
            g3 = create_group(s, workspace.owner, "写作训练营第3期")
            g4 = create_group(s, workspace.owner, "写作训练营第4期")
            for n in PEOPLE:
                for gid, ed in ((g3, 3), (g4, 4)):
                    data = MemberInput(display_name=n, group_nickname=f"{ed}期-{n}", joined_at=datetime(2024, 3, 10))
                    add_member(s, workspace.owner, gid, data)
            s.commit()
        page = CheckinsPage(workspace.database, workspace.assistant)
        qtbot.addWidget(page)
        page.resize(1100, 720)
        page.show()
        page.set_group(g4)
        page.set_paste_text("#接龙 早起打卡\n" + "".join(f"{i}. 3期-{n}\n" for i, n in enumerate(PEOPLE, 1)))
        # asked in the banner above the preview (it was a note in the summary, and the lines could be logged)
        assert "members of “写作训练营第3期”, not of this group" in page.group_banner_label.text()
        assert page.group_banner.isVisibleTo(page) and not page.confirm_button.isEnabled()
        page.set_group(g3)
        page.set_paste_text("#接龙 早起打卡\n" + "".join(f"{i}. 3期-{n}\n" for i, n in enumerate(PEOPLE, 1)))
        assert "right group" not in page.paste_summary.text() and not page.group_banner.isVisibleTo(page)
    finally:
        close_workspace(workspace)
