"""Probe camp3, the Check-ins page: an early-rising group's chain titled with its own day count (早起打卡 第45天) was
summed up with "Set the camp's first day in the group's profile" — a group that is no camp. The summary says it
only in a camp."""

from __future__ import annotations

from datetime import datetime

import pytest
from helpers import OFFSCREEN_QUIRKS, close_workspace, isolate_settings, make_workspace

from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from ui.pages.checkins_page import CheckinsPage

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path, seed=False)
    groups = {}
    with workspace.database.session() as s:
        for name, kind in (("早起打卡群", "hobby"), ("21天写作营", "other")):
            gid = create_group(s, workspace.owner, name, kind=kind)
            add_member(s, workspace.owner, gid, MemberInput(display_name="王芳", joined_at=datetime(2024, 3, 10, 4)))
            groups[name] = gid
        s.commit()
    yield workspace, groups
    close_workspace(workspace)


@pytest.mark.parametrize(("group", "hinted"), [("早起打卡群", False), ("21天写作营", True)])
def test_the_camp_hint_shows_in_a_camp_only(qtbot, ws, group, hinted):
    workspace, groups = ws
    page = CheckinsPage(workspace.database, workspace.assistant)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.set_group(groups[group])
    page.set_paste_text("#接龙 早起打卡 第45天\n1. 王芳\n")
    text = page.paste_summary.text()
    assert "1 matched" in text
    assert ("camp's first day" in text) is hinted
    assert page.confirm_button.isEnabled()
