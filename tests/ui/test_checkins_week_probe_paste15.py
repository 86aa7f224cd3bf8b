"""Two of the week's chains (probe paste15, tests/desktop/test_paste_week_probe_paste15.py) in the Check-ins window,
as the assistant sees them: each line's row, what its tooltip says, and what the confirm button logs."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from helpers import close_workspace, isolate_settings, make_workspace, shown_checkins_page
from PySide6.QtCore import Qt, QTranslator

from desktop.i18n import compile_ts
from desktop.services.checkins import checkins_on
from desktop.services.roster import MemberInput, add_member
from ui.models.checkins_models import PREVIEW_COL_STATUS

TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
NAMES = ("张三", "李四", "王五", "赵六", "余丽娜", "刘红", "李芳")
THU = date(2026, 11, 12)
SAT = date(2026, 11, 7)  # the Saturday of the week before the week pasted: more than a week before the fixed today


@pytest.fixture(params=["en", "zh_CN"])
def lang(request, qapp, tmp_path_factory):
    out = tmp_path_factory.mktemp("qm")
    translator = QTranslator(qapp)
    assert translator.load(
        str(compile_ts(TS_DIR / f"checkins_{request.param}.ts", out / f"checkins_{request.param}.qm"))
    )
    qapp.installTranslator(translator)
    yield request.param
    qapp.removeTranslator(translator)


@pytest.fixture
def ws(tmp_path):
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path, seed=False)
    with workspace.database.session() as s:
        for n in NAMES:
            add = MemberInput(display_name=n, joined_at=datetime(2024, 3, 10, 4, 0))
            workspace.memberships[n] = add_member(s, workspace.owner, workspace.group_id, add)[1]
        s.commit()
    yield workspace
    close_workspace(workspace)


def rows_of(ws, day):
    with ws.database.session() as s:
        return {(r.membership_id, r.late) for r in checkins_on(s, ws.group_id, day)}


def test_thursdays_chain_in_the_window(qtbot, ws, lang):
    page = shown_checkins_page(qtbot, ws)
    page.set_day(THU)
    page.set_paste_text(
        "#接龙 11月12日 周四\n"
        "1. 张三 6:00\n"  # 2
        "2. 刘红一家三口 6:40\n"  # 3 logged, the family said
        "3. 王五 帮我老婆李芳也打一下卡\n"  # 4 asked: 王五 and 李芳
        "4. 赵六 12月5日请假三天\n"  # 5 leave
        "今日未打卡：余丽娜\n"  # 6 said not checked in
    )
    assert not page.title_banner.isVisible()
    statuses = [(n, s) for n, _name, s in page.preview_statuses()]
    assert statuses == [
        (2, "matched"),
        (3, "matched"),
        (4, "ambiguous"),
        (4, "ambiguous"),
        (5, "leave"),
        (6, "ignored"),
    ]
    model = page.preview_model
    family = model.index(1, PREVIEW_COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "一家三口" in family and "刘红" in family
    assert ("nobody on the roster" in family) if lang == "en" else ("不在名册上" in family)
    assert {c.display_name for row in (2, 3) for c in model.matches()[row].candidates} == {"王五", "李芳"}
    assert model.matches()[4].leave_days == (date(2026, 12, 5), date(2026, 12, 7))
    assert [c.display_name for c in model.matches()[5].candidates] == ["余丽娜"]
    page.confirm_paste()
    assert rows_of(ws, THU) == {(ws.memberships["张三"], False), (ws.memberships["刘红"], False)}


def test_a_saturday_chain_logged_weeks_late_stays_on_its_saturday(qtbot, ws, lang):
    """`#接龙 周六早起` logged for the Saturday it was posted on, more than a week later: the window said the chain was
    dated the latest Saturday and offered to log it there."""
    page = shown_checkins_page(qtbot, ws)
    page.set_day(SAT)
    page.set_paste_text("#接龙 周六早起\n1. 张三 7:30\n2. 李四 补前天和昨天\n")
    assert not page.title_banner.isVisible()
    page.confirm_paste()
    assert rows_of(ws, SAT) == {(ws.memberships["张三"], False)}
    assert rows_of(ws, date(2026, 11, 5)) == rows_of(ws, date(2026, 11, 6)) == {(ws.memberships["李四"], True)}
