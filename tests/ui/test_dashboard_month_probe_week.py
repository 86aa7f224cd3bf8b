"""The Dashboard of the month played in tests/desktop/test_month_scenario_probe_week.py, as the owner sees it on
30 November: its cards say the figures `stats --json` and the workbook say (probe week)."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings

from desktop.workspace import actor_for, open_workspace
from tests.desktop.test_month_scenario_probe_week import month  # noqa: F401  (the month, played once)
from ui.pages.dashboard_page import DashboardPage
from ui.task_runner import InlineTaskRunner

pytestmark = OFFSCREEN_QUIRKS

DAY = date(2026, 11, 30)


@pytest.fixture
def page(qtbot, month, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    isolate_settings(tmp_path)
    database = open_workspace(month["db"])
    p = DashboardPage(database, actor_for(database), runner=InlineTaskRunner(), today=DAY)
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    yield p
    p.close()
    database.dispose()


def test_the_cards_of_the_month_say_what_stats_and_the_workbook_say(page, month):  # noqa: F811
    st = month["stats"]
    page.set_group(month["ids"]["ga"])

    def card(key):
        return page.cards[key].value_label.text()

    assert card("members") == str(st["members_total"])
    assert card("checkin_rate") == f"{st['checkin_rate'] * 100:.1f}%"
    assert card("dormant") == str(st["dormant"])
    assert card("stalled_onboarding") == str(st["stalled_onboarding"])
    assert card("activities") == str(st["activities"])
    assert card("attendance") == f"{st['attendance_rate']:.0%}"
    assert card("growth") == f"+{st['joined']} / −{st['left']}"
    silent = sorted(m.display_name for m in page.alerts_of("dormant"))
    assert len(silent) == st["dormant"]
