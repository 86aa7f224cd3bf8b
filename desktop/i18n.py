"""Translation files for the window: compile resources/translations/*.ts to .qm and find the compiled file.

Qt-free on purpose (only subprocess and pathlib): `make translations` runs `python -m desktop.i18n build`
before the window starts, and the window asks `qm_path(lang)` for the file to load. An installed copy
without .qm files (e.g. after `pip install .`) compiles them once into the data folder at first run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from desktop.paths import data_dir, resources_dir

CATALOG = "qundesk"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def ts_path(lang: str) -> Path:
    return translations_dir() / f"{CATALOG}_{lang}.ts"


def lrelease_executable() -> str | None:
    """`pyside6-lrelease` next to the running interpreter (the virtualenv's), else on PATH."""
    bindir = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        candidate = bindir / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_ts(ts: Path, qm: Path) -> Path:
    """Compile one .ts file to `qm`. Raises RuntimeError when lrelease is missing or fails."""
    exe = lrelease_executable()
    if exe is None:
        raise RuntimeError("pyside6-lrelease not found (install PySide6 into this environment)")
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_name(qm.name + ".part")
    result = subprocess.run([exe, "-silent", str(ts), "-qm", str(tmp)], capture_output=True, text=True, check=False)
    if result.returncode != 0 or not tmp.exists():
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"lrelease failed for {ts}: {result.stderr.strip() or result.stdout.strip()}")
    tmp.replace(qm)  # atomic: the window never loads a half-written catalogue
    return qm


def build(source_dir: Path | None = None, out_dir: Path | None = None) -> list[Path]:
    """Compile every .ts in `source_dir` (default resources/translations) into `out_dir` (default: beside it)."""
    source_dir = source_dir or translations_dir()
    out_dir = out_dir or source_dir
    return [compile_ts(ts, out_dir / ts.with_suffix(".qm").name) for ts in sorted(source_dir.glob("*.ts"))]


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)


def catalogs(lang: str) -> list[Path]:
    """Every .ts source for `lang`: the main catalogue first, then one per area (e.g. checkins_zh_CN.ts),
    so engineers working on different pages never edit the same file."""
    main = ts_path(lang)
    others = sorted(p for p in translations_dir().glob(f"*_{lang}.ts") if p != main)
    return ([main] if main.is_file() else []) + others


def qm_paths(lang: str) -> list[Path]:
    """Compiled catalogues for `lang` (see qm_path), main one first."""
    out = []
    for ts in catalogs(lang) or [ts_path(lang)]:
        qm = _qm_for(ts)
        if qm is not None:
            out.append(qm)
    return out


def qm_path(lang: str) -> Path | None:
    """The main compiled catalogue for `lang` (see _qm_for)."""
    return _qm_for(ts_path(lang))


def _qm_for(ts: Path) -> Path | None:
    """The compiled catalogue of one .ts, or None when there is none (the window then shows English).

    Looks in resources/translations first, then in the data folder, and compiles the .ts into the data
    folder when neither holds an up-to-date .qm (first run of an installed copy)."""
    bundled = ts.with_suffix(".qm")
    if bundled.is_file():
        return bundled
    cached = data_dir() / "translations" / bundled.name
    if _fresh(cached, ts):
        return cached
    if not ts.is_file():
        return cached if cached.is_file() else None
    try:
        return compile_ts(ts, cached)
    except (RuntimeError, OSError):
        return cached if cached.is_file() else None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args != ["build"]:
        print("usage: python -m desktop.i18n build", file=sys.stderr)
        return 2
    try:
        built = build()
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    for qm in built:
        print(f"compiled {qm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
