"""The layers stay apart: models/ and desktop/ never load Qt widgets (the CLI starts without them),
and models/ does not import Qt at all."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_import_loads_no_qt_widgets():
    code = (
        "import sys, importlib, pkgutil, models, desktop\n"
        "for pkg in (models, desktop):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations' in m.name: continue\n"
        "        importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith('PySide6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = out.stdout.strip()
    assert "QtWidgets" not in loaded and "QtGui" not in loaded, loaded


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_models_never_import_qt_desktop_or_ui():
    for path in (ROOT / "models").rglob("*.py"):
        bad = {n for n in _imports(path) if n.split(".")[0] in {"PySide6", "desktop", "ui"}}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_desktop_never_imports_widgets_or_ui():
    for path in (ROOT / "desktop").rglob("*.py"):
        bad = {n for n in _imports(path) if n.startswith(("PySide6.QtWidgets", "PySide6.QtGui", "ui"))}
        if path.name == "cli.py":  # the window is opened lazily from the CLI's default command only
            bad.discard("ui.app")
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_ui_holds_no_sql():
    for path in (ROOT / "ui").rglob("*.py"):
        bad = {n for n in _imports(path) if n.startswith(("sqlalchemy", "sqlite3", "psycopg"))}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_io_holds_file_formats_only():
    """desktop/io/ reads and writes file formats; whatever opens a session or checks a permission (the
    exporters) lives in desktop/services/."""
    for path in (ROOT / "desktop" / "io").rglob("*.py"):
        bad = {n for n in _imports(path) if n.startswith(("sqlalchemy", "models", "desktop.services"))}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"
