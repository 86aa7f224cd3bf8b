"""The Dashboard on New Year's days: the activities-per-month chart's labels say which year the months are of.
Facts are dated against the days these tests pin (QUNDESK_TODAY and the page's own day), never the suite's."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings

from desktop.services.groups import create_group
from desktop.workspace import actor_for, open_workspace
from ui.pages.dashboard_page import DashboardPage
from ui.task_runner import InlineTaskRunner

pytestmark = OFFSCREEN_QUIRKS


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-07-01")  # the group is set up in July 2026


def _page(qtbot, tmp_path, monkeypatch, today: date) -> tuple[DashboardPage, int]:
    isolate_settings(tmp_path)
    database = open_workspace(tmp_path / "ws.sqlite", backup_dir=tmp_path / "backups")
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "跨年营")
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", today.isoformat())
    page = DashboardPage(database, owner, runner=InlineTaskRunner(), today=today)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.set_group(gid)
    return page, gid


def test_the_months_of_two_years_carry_their_year_on_1_january(qtbot, tmp_path, monkeypatch):
    """On 2 January the chart's six bars were 8月 9月 10月 11月 12月 1月: nothing said that the last is January of
    the new year and the rest of the old one. Now the first bar and January carry their year."""
    page, _gid = _page(qtbot, tmp_path, monkeypatch, date(2027, 1, 2))
    labels = page.activities_chart.categories()
    assert len(labels) == 6
    assert "2026" in labels[0] and "2027" in labels[-1]
    assert not any("20" in label for label in labels[1:-1])


def test_the_months_of_one_year_are_shown_without_it(qtbot, tmp_path, monkeypatch):
    page, _gid = _page(qtbot, tmp_path, monkeypatch, date(2026, 11, 18))
    labels = page.activities_chart.categories()
    assert len(labels) == 6 and not any("2026" in label for label in labels)
