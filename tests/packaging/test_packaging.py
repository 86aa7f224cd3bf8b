"""The packaging files stay in step with the code, cheaply (`make dist` builds and smoke-tests the application
itself; `make test` does not): the spec ships every folder under resources/, the files sit where the code
looks for them, and `make run`'s check of Qt's system libraries says the right install command."""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.paths import resources_dir
from models.db import MIGRATIONS_DIR

ROOT = Path(__file__).resolve().parent.parent.parent
SPEC = ROOT / "packaging" / "qundesk.spec"


def _spec_constant(name: str) -> tuple[str, ...]:
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise AssertionError(f"{SPEC.name} has no {name} = (...)")


def test_spec_lists_every_resource_folder():
    folders = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert set(_spec_constant("RESOURCE_FOLDERS")) == folders, (
        "a folder under resources/ is missing from RESOURCE_FOLDERS in packaging/qundesk.spec (or listed there "
        "and gone): the built application would not have it"
    )


def test_spec_lists_every_resource_file():
    files = {
        p.name for p in (ROOT / "resources").iterdir() if p.is_file() and p.name != "__init__.py" and p.suffix != ".pyc"
    }
    assert set(_spec_constant("RESOURCE_FILES")) == files


def test_bundle_layout_matches_where_the_code_looks():
    """The spec places resources/ and models/migrations/ at the same paths relative to the frozen modules'
    __file__, which is how desktop/paths.py and models/db.py find them."""
    assert resources_dir().resolve() == ROOT / "resources"
    assert MIGRATIONS_DIR.resolve() == ROOT / "models" / "migrations"
    text = SPEC.read_text(encoding="utf-8")
    assert 'RESOURCES = ROOT / "resources"' in text
    assert 'MIGRATIONS = ROOT / "models" / "migrations"' in text
    assert (ROOT / "packaging" / "qundesk_main.py").is_file()


def test_make_dist_builds_the_spec_and_runs_the_smoke_test():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ndist:", 1)[1].split("\n\n", 1)[0]
    assert "packaging/qundesk.spec" in recipe and "packaging/smoke_test.py dist/qundesk" in recipe
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "tools/check_qt_libs.py" in run_recipe


# ---- tools/check_qt_libs.py ----


@pytest.fixture(scope="module")
def qtlibs():
    spec = importlib.util.spec_from_file_location("check_qt_libs", ROOT / "tools" / "check_qt_libs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
"""


def test_missing_libraries_become_one_apt_get_command(qtlibs):
    missing = sorted(qtlibs.parse_ldd(LDD))
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    packages, unknown = qtlibs.packages_for([*missing, "libweird.so.9"])
    assert packages == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]
    assert unknown == ["libweird.so.9"]
    assert (
        qtlibs.install_command(packages, root=False)
        == "sudo apt-get install -y libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
    )


def test_check_stops_make_run_with_the_command(qtlibs, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(qtlibs.sys, "platform", "linux")
    monkeypatch.setattr(qtlibs.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(qtlibs.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(qtlibs, "pyside_dir", lambda: tmp_path)
    monkeypatch.setattr(qtlibs, "missing_libraries", lambda files: ["libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert qtlibs.main([]) == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install -y libxcb-cursor0 libxcb-icccm4" in err
    monkeypatch.setattr(qtlibs, "missing_libraries", lambda files: [])
    assert qtlibs.main([]) == 0


def test_check_installs_as_root_and_checks_again(qtlibs, monkeypatch, tmp_path):
    monkeypatch.setattr(qtlibs.sys, "platform", "linux")
    monkeypatch.setattr(qtlibs.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(qtlibs.os, "geteuid", lambda: 0)
    monkeypatch.setattr(qtlibs, "pyside_dir", lambda: tmp_path)
    installed: list[list[str]] = []
    answers = iter([["libxcb-cursor.so.0"], []])
    monkeypatch.setattr(qtlibs, "missing_libraries", lambda files: next(answers))
    monkeypatch.setattr(qtlibs, "apt_install", lambda packages: installed.append(packages) or True)
    assert qtlibs.main([]) == 0
    assert installed == [["libxcb-cursor0"]]


def test_xcb_plugin_is_checked_unless_another_platform_is_chosen(qtlibs, tmp_path):
    (tmp_path / "Qt" / "plugins" / "platforms").mkdir(parents=True)
    (tmp_path / "Qt" / "plugins" / "platforms" / "libqxcb.so").touch()
    (tmp_path / "QtWidgets.abi3.so").touch()
    assert [p.name for p in qtlibs.qt_binaries(tmp_path, None)] == ["QtWidgets.abi3.so", "libqxcb.so"]
    assert [p.name for p in qtlibs.qt_binaries(tmp_path, "xcb")] == ["QtWidgets.abi3.so", "libqxcb.so"]
    assert [p.name for p in qtlibs.qt_binaries(tmp_path, "offscreen")] == ["QtWidgets.abi3.so"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and the xcb plugin are Linux only")
def test_table_knows_every_x11_gl_and_font_library_the_installed_qt_links_to(qtlibs):
    """A PySide6 upgrade that links to a new X11/GL/font library must add it to PACKAGES, or a fresh machine
    would be told "not in this script's list" instead of the command."""
    pyside = qtlibs.pyside_dir()
    files = qtlibs.qt_binaries(pyside, None) if pyside else []
    if not files:
        pytest.skip("PySide6's xcb plugin is not installed here")
    linked = set()
    for path in files:
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout
        linked |= set(re.findall(r"^\s*(\S+)\s+=>", out, re.MULTILINE))
    system = {n for n in linked if re.match(r"lib(xcb|X|xkb|GL|EGL|OpenGL|fontconfig|freetype|dbus|glib)", n)}
    assert system, "ldd found none of the X11 libraries: the pattern above is out of date"
    assert system <= set(qtlibs.PACKAGES), sorted(system - set(qtlibs.PACKAGES))
