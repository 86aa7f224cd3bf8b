"""Smoke test of the built application (run by `make dist` and by the Windows/macOS workflow, not by `make test`).

    python packaging/smoke_test.py dist/qundesk            # the one-folder app (Linux, Windows)
    python packaging/smoke_test.py dist/QunDesk.app        # the macOS bundle

Runs the frozen executable as a user would, headless, in a throw-away data folder: `--version`, `demo`,
`groups --json`, `export report` (the workbook is opened back with openpyxl), the team-database driver, and the
window started offscreen in both languages, quitting by itself (QUNDESK_QUIT_AFTER_MS). Before that it checks
the bundle holds every module of models/, desktop/ and ui/ (the window imports its pages by name and shows a
placeholder for a missing one), every file under resources/ and every migration. Exit status 0 when all pass.

Needs the build environment's Python (PyInstaller to read the archive, openpyxl to read the workbook)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-18"
MONTH = "2026-11"
WINDOW_MS = "3000"
TIMEOUT = 180  # seconds per command: a first start on a CI machine can be slow (antivirus, Gatekeeper)


class SmokeFailure(Exception):
    pass


def executable_of(target: Path) -> Path:
    """The executable inside dist/qundesk, dist/QunDesk.app, or the path itself."""
    if target.suffix == ".app":
        return target / "Contents" / "MacOS" / "qundesk"
    if target.is_dir():
        for name in ("qundesk.exe", "qundesk"):
            if (target / name).is_file():
                return target / name
        raise SmokeFailure(f"no qundesk executable in {target}")
    return target


def bundle_root(exe: Path) -> Path:
    """Where the bundle keeps its files (sys._MEIPASS): _internal/ beside the executable, or the .app's
    Contents/Frameworks (PyInstaller links the data files there from Contents/Resources)."""
    for candidate in (exe.parent / "_internal", exe.parent.parent / "Frameworks", exe.parent.parent / "Resources"):
        if (candidate / "resources" / "style.qss").is_file():
            return candidate
    raise SmokeFailure(f"no resources/style.qss beside {exe}")


def own_modules() -> set[str]:
    names = set()
    for package in ("models", "desktop", "ui"):
        for path in (ROOT / package).rglob("*.py"):
            rel = path.relative_to(ROOT).with_suffix("")
            if "migrations" in rel.parts:
                continue
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            names.add(".".join(parts))
    names.discard("ui.screenshots")  # a developer tool, not part of the app
    return names


def check_bundle(exe: Path) -> str:
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(exe))
    frozen = set(archive.open_embedded_archive("PYZ.pyz").toc)
    missing = sorted(own_modules() - frozen)
    if missing:
        raise SmokeFailure(f"modules not in the bundle: {', '.join(missing)}")
    root = bundle_root(exe)
    expected = [
        p.relative_to(ROOT)
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.name != "__init__.py" and "__pycache__" not in p.parts
    ]
    expected += [
        p.relative_to(ROOT) for p in (ROOT / "models" / "migrations").rglob("*") if p.suffix in (".py", ".mako")
    ]
    absent = sorted(str(p) for p in expected if not (root / p).is_file())
    if absent:
        raise SmokeFailure(f"files not in the bundle ({root}): {', '.join(absent)}")
    if not any((ROOT / "resources" / "translations").glob("*.qm")):
        raise SmokeFailure("no compiled translations (.qm): run `make translations` before building")
    return f"{len(frozen)} modules, {len(expected)} resource and migration files"


def run(exe: Path, args: list[str], env: dict[str, str], expect: int = 0) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    try:
        result = subprocess.run(
            [str(exe), *args],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(f"`qundesk {' '.join(args)}` did not finish in {TIMEOUT} s") from exc
    took = time.monotonic() - started
    if result.returncode != expect or "Traceback" in result.stderr:
        raise SmokeFailure(
            f"`qundesk {' '.join(args)}` exited {result.returncode} (expected {expect}) in {took:.1f} s\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )
    print(f"  ok  qundesk {' '.join(args)}  ({took:.1f} s)", flush=True)
    return result


def smoke(target: Path) -> None:
    exe = executable_of(target)
    if not exe.is_file():
        raise SmokeFailure(f"{exe} does not exist (run `make dist`)")
    print(f"smoke test of {exe}", flush=True)
    print(f"  ok  bundle: {check_bundle(exe)}", flush=True)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]

    with tempfile.TemporaryDirectory(prefix="qundesk-smoke-", ignore_cleanup_errors=True) as tmp_name:
        tmp = Path(tmp_name)
        env = {k: v for k, v in os.environ.items() if not k.startswith("QUNDESK_")}
        env |= {
            "QUNDESK_HOME": str(tmp / "home"),  # the data folder: backups, cached translations
            "XDG_CONFIG_HOME": str(tmp / "config"),  # Linux: QSettings (language, window geometry)
            "QT_QPA_PLATFORM": "offscreen",
        }
        db = str(tmp / "workspace.sqlite")

        out = run(exe, ["--version"], env).stdout.strip()
        if out != f"qundesk {version}":
            raise SmokeFailure(f"--version printed {out!r}, expected 'qundesk {version}'")

        run(
            exe,
            ["--db", db, "demo", "--groups", "2", "--members", "80", "--months", "2", "--seed", "1", "--today", TODAY],
            env,
        )

        groups = json.loads(run(exe, ["--db", db, "groups", "--json"], env).stdout)
        if len(groups) != 2:
            raise SmokeFailure(f"groups --json listed {len(groups)} groups, expected 2: {groups}")

        workbook = tmp / "x.xlsx"
        run(exe, ["--db", db, "export", "report", "--month", MONTH, "--all", "-o", str(workbook)], env)
        check_workbook(workbook)

        # the team-database driver is frozen too: a closed port is a database error (3), not a missing module
        team = run(exe, ["--db", "postgresql+psycopg://qundesk@127.0.0.1:1/none", "groups"], env, expect=3)
        if "No module named" in team.stderr:
            raise SmokeFailure(f"the PostgreSQL driver is not in the bundle:\n{team.stderr}")

        window_env = env | {"QUNDESK_QUIT_AFTER_MS": WINDOW_MS}
        for lang in ("zh_CN", "en"):
            run(exe, ["--db", db, "--lang", lang], window_env)
    print("smoke test passed", flush=True)


def check_workbook(path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    try:
        if "概览" not in wb.sheetnames:
            raise SmokeFailure(f"{path.name} has no 概览 sheet: {wb.sheetnames}")
        roster = wb["成员名册"] if "成员名册" in wb.sheetnames else None
        if roster is None or roster.max_row < 2:
            raise SmokeFailure(f"{path.name}: the roster sheet is missing or empty ({wb.sheetnames})")
        print(f"  ok  {path.name}: sheets {', '.join(wb.sheetnames)}; roster {roster.max_row - 1} rows", flush=True)
    finally:
        wb.close()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        smoke(Path(argv[0]).resolve())
    except SmokeFailure as exc:
        print(f"smoke test FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
