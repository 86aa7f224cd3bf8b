"""The English window, read as an English-speaking organiser reads it (the English probe)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from helpers import OFFSCREEN_QUIRKS
from PySide6.QtCore import QCoreApplication

import ui.app
from desktop.services.members import bulk_add_role
from tests.fixed_day import TEST_TODAY
from ui.pages.dashboard_page import DashboardPage
from ui.task_runner import InlineTaskRunner

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture
def english(compiled):
    ui.app.install_translators(QCoreApplication.instance(), "en")
    return compiled


@pytest.fixture
def compiled(tmp_path, monkeypatch):
    from test_translations import TS_DIR

    import desktop.i18n as i18n
    from ui.messages import LANGUAGE_PROPERTY

    out = tmp_path / "qm"
    i18n.build(TS_DIR, out)
    monkeypatch.setattr(ui.app, "qm_paths", lambda lang: sorted(out.glob(f"*_{lang}.qm")))
    app = QCoreApplication.instance()
    yield out
    for t in ui.app._translators:
        app.removeTranslator(t)
    ui.app._translators.clear()
    app.setProperty(LANGUAGE_PROPERTY, None)


def test_role_coverage_keeps_each_role_with_its_count(qtbot, english, ws):
    """Role coverage read "… · Content producer" and, on the next line, "2 · Assistant admin 1": the count
    broke away from its role and read as the next one's. Each role and its count hold together now."""
    with ws.database.session() as s:
        bulk_add_role(s, ws.owner, [ws.memberships["张三"], ws.memberships["李四"]], "输出者")
        s.commit()
    page = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TEST_TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_group(ws.group_id)
    text = page.roles_label.text()
    assert "Content\u00a0producer\u00a02" in text
    items = text.split("  ·  ")
    assert len(items) == 5 and all(" " not in item for item in items), items


CJK = re.compile(r"[\u3400-\u9fff]")


def test_import_problems_read_in_english(tmp_path, ws):
    """The English import preview said "入群日期: 2026-13-40 不是有效的日期" and "未知层级「神级」(现有层级: …)":
    the importers' problems had no English half. Every problem a roster row can have reads in English now, with
    the value at fault; the Chinese window reads them as before."""
    from desktop.io.tabular import read_table
    from desktop.services.imports import plan_roster_import
    from ui.messages import localise_message

    path = tmp_path / "roster.csv"
    path.write_text(
        "姓名,微信号,手机,入群日期,层级,性别,状态\n"
        "张大山,zds001,13800138000,2026-11-05,普通,男,已入群\n"
        "李小雨,lxy002,13800138001,2026-13-40,大咖,女,已入群\n"
        "王五,ww003,1380,2026-11-01,神级,外星,火星\n"
        "赵六,zl004,13800138002,明天吧,普通,男,已入群\n",
        encoding="utf-8",
    )
    with ws.database.session() as s:
        plan = plan_roster_import(s, ws.group_id, read_table(path))
        s.rollback()
    problems = {(p.row, p.code): p.message for p in plan.problems}
    assert {code for _row, code in problems} >= {
        "date_invalid",
        "phone_invalid",
        "tier_unknown",
        "gender_unknown",
        "status_unknown",
        "date_not_a_date",
    }
    for (row, code), message in problems.items():
        english = localise_message(message, "en")
        words = CJK.sub("", english)
        assert english != message and re.search(r"[A-Za-z]{3}", words), (row, code, english)
        chinese = localise_message(message, "zh_CN")
        assert CJK.search(chinese) and "(not " not in chinese and "(unknown " not in chinese, (code, chinese)
    assert localise_message(problems[(3, "date_invalid")], "en") == "Not a real date: 2026-13-40"
    assert "神级" in localise_message(problems[(4, "tier_unknown")], "en")
    assert localise_message(problems[(4, "phone_invalid")], "en") == (
        "Not a phone number: 1380 has 4 digits; a mobile number has 11"  # probe imp9: the digits missing are said
    )


def test_file_problems_read_in_english(tmp_path):
    """A file the importer cannot read (empty, not a spreadsheet, binary) was refused in Chinese only."""
    from desktop.io.fields import ImportProblem
    from desktop.io.tabular import read_table
    from ui.messages import localise_message

    empty = tmp_path / "空.csv"
    empty.write_text("", encoding="utf-8")
    fake = tmp_path / "假的.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"a,b\n\x00\x01\x02,\x00\n")
    for path in (empty, fake, binary, tmp_path / "missing.csv", tmp_path / "notes.numbers"):
        with pytest.raises(ImportProblem) as caught:
            read_table(path)
        english = localise_message(caught.value.message, "en")
        assert not CJK.search(english.replace(path.name, "").replace(str(path), "")), (path.name, english)


def cut_cards(page) -> dict[str, str]:
    """The cards whose line under the figure is cut (shown elided)."""
    return {
        key: card.sub_label.text()
        for key, card in page.cards.items()
        if card.isVisible() and card.sub_label.shown_text() != card.sub_label.text()
    }


def test_the_kpi_cards_read_whole_in_english_at_1366x768(qtbot, english, ws):
    """On a 1366x768 laptop the English check-in rate card read "Last month 47.1% ▼…" — the change, the figure
    the card is for, cut off — and the dormant card "No recent participati…". Shorter English ("▼11.8 from
    47.1%", "Gone quiet") fits the cards at the page's width in the default window."""
    from desktop.services.checkins import CheckinEntry, record_checkins

    with ws.database.session() as s:  # a rate this month and last month: the card shows the change
        for day in (TEST_TODAY.replace(day=1) - timedelta(days=3), TEST_TODAY.replace(day=1)):
            record_checkins(s, ws.owner, ws.group_id, day, [CheckinEntry(ws.memberships["张三"])])
        s.commit()
    page = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TEST_TODAY)
    qtbot.addWidget(page)
    page.resize(1280 - 197, 700)  # the page in the 1280-wide window on a 1366x768 screen
    page.show()
    page.set_group(ws.group_id)
    qtbot.waitExposed(page)
    rate = page.cards["checkin_rate"].sub_label
    assert " from " in rate.text() and rate.text()[0] in "▲▼＝"
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from models import Group

    # a group observed for 30 days and more says what its dormant members are
    with ws.database.session() as s:
        s.get(Group, ws.group_id).created_at = datetime(2025, 1, 1, 9, 0)
        s.commit()
    page.set_group(None)
    page.set_group(ws.group_id)
    assert cut_cards(page) == {}
    assert page.cards["dormant"].sub_label.text() == "Gone quiet"
    # one set up here yesterday, with nothing recorded before, says since when it is observed
    # (metrics.observed_since), and that fits too
    with ws.database.session() as s:
        new = create_group(s, ws.owner, "新建的群")
        s.get(Group, new).created_at = datetime.combine(TEST_TODAY - timedelta(days=1), datetime.min.time())
        add_member(s, ws.owner, new, MemberInput(display_name="老朋友", joined_at=datetime(2025, 1, 1, 9, 0)))
        s.commit()
    page.set_group(new)
    assert cut_cards(page) == {}
    assert page.cards["dormant"].sub_label.text().startswith("Since ")
