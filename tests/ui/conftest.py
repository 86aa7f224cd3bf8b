"""Fixtures shared by the window's tests (a test file may define its own `ws` with more facts in it)."""

from __future__ import annotations

import pytest
from helpers import close_workspace, isolate_settings, make_workspace


@pytest.fixture
def ws(tmp_path):
    """The helpers' small workspace (two groups, 张三 and friends), with window settings kept in tmp_path."""
    isolate_settings(tmp_path)
    workspace = make_workspace(tmp_path)
    yield workspace
    close_workspace(workspace)


@pytest.fixture(autouse=True)
def wheel_guard(qapp):
    """The window's wheel guard, installed as ui/app.prepare_app installs it (the wheel never turns a choice)."""
    from ui import wheel_guard as guard

    return guard.install(qapp)
