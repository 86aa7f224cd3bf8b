"""The Check-ins page reading a chain whose names are as members sign them (probe names3): a member renamed last week
offered by her old name, in Chinese, and a greeting beside a name asked rather than logged for the member called so."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from helpers import close_workspace, isolate_settings, make_workspace
from PySide6.QtCore import QTranslator

from desktop.i18n import compile_ts
from desktop.services.roster import MemberInput, add_member, get_member_input, update_member
from tests.fixed_day import TEST_TODAY
from ui.pages.checkins_page import CheckinsPage

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)"
)

TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
CHAIN = f"#接龙\n早起打卡 {TEST_TODAY.month}月{TEST_TODAY.day}日\n1. 宋乐 6:01\n2. 李四 早安 6:02\n"


@pytest.fixture
def chinese(qapp, tmp_path):
    translator = QTranslator(qapp)
    assert translator.load(str(compile_ts(TS_DIR / "checkins_zh_CN.ts", tmp_path / "checkins_zh_CN.qm")))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    joined = datetime(2024, 3, 10, 4, 0)
    with workspace.database.session() as s:
        for name in ("宋乐", "宋丽", "早安"):
            _, ms = add_member(s, workspace.owner, workspace.group_id, MemberInput(name, joined_at=joined))
            workspace.memberships[name] = ms
        s.commit()
        ms = workspace.memberships["宋乐"]
        update_member(s, workspace.owner, ms, replace(get_member_input(s, ms), display_name="宋悦"))
        s.commit()
    yield workspace
    close_workspace(workspace)


def test_the_old_name_offers_the_renamed_member_first_and_a_greeting_is_asked(qtbot, chinese, ws):
    page = CheckinsPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.set_group(ws.group_id)
    page.set_paste_text(CHAIN)
    statuses = [(no, status) for no, _name, status in page.preview_statuses()]
    assert statuses == [(3, "ambiguous"), (4, "matched"), (4, "ambiguous")]
    combo = page.choice_combo(0)
    assert combo.itemText(1) == "宋悦  (近期改名前的名字)"  # her, first — 宋丽 (same initials) after her
    assert any(combo.itemText(i).startswith("宋丽") for i in range(2, combo.count()))
    assert page.confirm_button.isEnabled()  # 李四 is certain: logged; 早安 and 宋乐 wait for a person
