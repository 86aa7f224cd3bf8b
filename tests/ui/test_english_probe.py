"""The English window, read as an English-speaking organiser reads it (the English probe)."""

from __future__ import annotations

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
