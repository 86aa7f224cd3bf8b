"""Helpers for the window tests: a seeded SQLite workspace in tmp_path and QSettings kept out of $HOME.

Import as `from helpers import ...` (pytest puts tests/ui on sys.path; tests/ has no __init__.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services.groups import create_group
from desktop.services.operators import Actor, add_operator
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models.db import Database

# The offscreen platform plugin warns on every top-level minimum-size change ("This plugin does not support
# propagateSizeHints()"); real platforms do not. Ignore exactly that line, keep failing on every other warning.
OFFSCREEN_QUIRKS = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

GROUP_NAME = "早起打卡营"
OTHER_GROUP_NAME = "读书会"

SEED_MEMBERS: tuple[MemberInput, ...] = (
    MemberInput(
        display_name="张三",
        nickname="三哥",
        wechat_id="zhangsan_wx",
        phone="13800138000",
        city="上海",
        tags=["早起", "种子"],
        tier="核心",
        seed_user=True,
    ),
    MemberInput(display_name="张珊", wechat_id="shanshan88", phone="13700137001", city="杭州", tags=["读书"]),
    MemberInput(
        display_name="李四", nickname="Lee", wechat_id="lisi_wx", phone="13900139000", city="北京", tier="普通"
    ),
    MemberInput(display_name="王小明🌟", wechat_id="xiaoming", status="applicant", purpose="想养成早起的习惯"),
)


@dataclass
class Workspace:
    database: Database
    owner: Actor
    assistant: Actor
    group_id: int
    other_group_id: int
    path: Path
    memberships: dict[str, int] = field(default_factory=dict)  # display name -> membership id
    members: dict[str, int] = field(default_factory=dict)  # display name -> member id


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type like a user, Chinese and emoji included (QTest.keyClicks only knows Latin-1 keys and aborts on
    anything else, so other characters arrive as key events carrying their text, as an input method sends)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def run_python_child(
    tmp_path: Path, script: str, *args: object, env: dict[str, str] | None = None, unset: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    """`python -c script args…` in a fresh process, as a user's start: offscreen, its QunDesk home and settings
    under tmp_path, this checkout importable; `env` added to the environment, `unset` taken out of it."""
    full = {k: v for k, v in os.environ.items() if k not in unset}
    full.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "QUNDESK_HOME": str(tmp_path / "home"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
            **(env or {}),
        }
    )
    return subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        capture_output=True,
        text=True,
        env=full,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )


def isolate_settings(tmp_path: Path) -> None:
    """QSettings() of the code under test reads and writes an INI file under tmp_path."""
    folder = tmp_path / "qsettings"
    folder.mkdir(exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()


def make_workspace(tmp_path: Path, *, seed: bool = True) -> Workspace:
    """A fresh SQLite workspace under tmp_path with two groups; the first holds SEED_MEMBERS (through the
    services, as a user would add them) and an assistant operator exists."""
    path = tmp_path / "workspace.sqlite"
    database = open_workspace(path, backup_dir=tmp_path / "backups")
    owner = actor_for(database)
    ws_memberships: dict[str, int] = {}
    ws_members: dict[str, int] = {}
    with database.session() as session:
        gid = create_group(session, owner, GROUP_NAME, kind="camp")
        other = create_group(session, owner, OTHER_GROUP_NAME, kind="learning", capacity=200)
        assistant = add_operator(session, owner, "小助理", "assistant")
        if seed:
            joined = datetime(2024, 3, 1, 4, 0)
            for i, data in enumerate(SEED_MEMBERS):
                if data.status == "active":
                    data = replace(data, joined_at=joined + timedelta(days=i))
                mid, msid = add_member(session, owner, gid, data)
                ws_members[data.display_name] = mid
                ws_memberships[data.display_name] = msid
        session.commit()
    return Workspace(database, owner, assistant, gid, other, path, ws_memberships, ws_members)


def close_workspace(ws: Workspace) -> None:
    ws.database.dispose()


def place(page: QWidget, widget: QWidget):
    """Where `widget` sits in `page`: its top-left corner."""
    return widget.mapTo(page, widget.rect().topLeft())


def placed(page: QWidget, widgets) -> dict:
    """Where each of `widgets` sits in `page`: a layout test compares these before and after something appears,
    so that nothing moves under the pointer."""
    return {w: place(page, w) for w in widgets}


def shown_checkins_page(qtbot, ws: Workspace, size: tuple[int, int] = (1100, 720)):
    """The Check-ins page as the assistant sees it: shown, on the workspace's group (the fixture of five test
    files, written out in each)."""
    from ui.pages.checkins_page import CheckinsPage

    page = CheckinsPage(ws.database, ws.assistant)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    page.set_group(ws.group_id)
    return page
