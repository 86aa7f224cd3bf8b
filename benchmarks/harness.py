"""Timing and reporting helpers: alternate app and baseline runs, medians, rows, the machine description."""

from __future__ import annotations

import gc
import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

DEFAULT_REPEAT = 5
WARMUP = 1


@dataclass
class Measure:
    """Median seconds of the app and of its raw baseline, with every run kept."""

    app: list[float] = field(default_factory=list)
    base: list[float] = field(default_factory=list)

    @property
    def app_median(self) -> float | None:
        return statistics.median(self.app) if self.app else None

    @property
    def base_median(self) -> float | None:
        return statistics.median(self.base) if self.base else None


def alternate(
    app: Callable[[], Any] | None,
    base: Callable[[], Any] | None,
    *,
    repeat: int = DEFAULT_REPEAT,
    warmup: int = WARMUP,
    setup_app: Callable[[], Any] | None = None,
    setup_base: Callable[[], Any] | None = None,
    timer: Callable[[Callable[[], Any]], float] | None = None,
) -> Measure:
    """Warm-up, then app, baseline, app, baseline …: `repeat` timed runs of each, setups untimed. A `timer`
    may replace the wall-clock timing of a call (subprocess benchmarks return their own figure)."""
    m = Measure()

    def one(fn: Callable[[], Any], setup: Callable[[], Any] | None) -> float:
        if setup is not None:
            setup()
        gc.collect()
        if timer is not None:
            return timer(fn)
        t = time.perf_counter()
        fn()
        return time.perf_counter() - t

    for i in range(warmup + repeat):
        for fn, setup, out in ((app, setup_app, m.app), (base, setup_base, m.base)):
            if fn is None:
                continue
            took = one(fn, setup)
            if i >= warmup:
                out.append(took)
    return m


@dataclass
class Row:
    """One line of the RESULTS.md table."""

    key: str  # benchmark name (for --only) + variant
    operation: str
    unit: str  # ms | s | rows/s | MB
    app: float | None = None  # in `unit`
    base: float | None = None
    target: str = ""
    max_ratio: float | None = None  # pass when app <= max_ratio * base
    max_app: float | None = None  # pass when app <= max_app (same unit)
    min_app: float | None = None  # pass when app >= min_app (rates)
    note: str = ""
    status: str = "measured"  # measured | not yet built | error
    runs_app: list[float] = field(default_factory=list)
    runs_base: list[float] = field(default_factory=list)
    measured_at: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))
    size: str = ""

    @property
    def ratio(self) -> float | None:
        if self.app is None or not self.base:
            return None
        return self.app / self.base

    @property
    def passed(self) -> bool | None:
        if self.status != "measured" or self.app is None:
            return None
        ok = True
        if self.max_ratio is not None:
            if self.ratio is None:
                return None
            ok = ok and self.ratio <= self.max_ratio
        if self.max_app is not None:
            ok = ok and self.app <= self.max_app
        if self.min_app is not None:
            ok = ok and self.app >= self.min_app
        return ok

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Row:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in known})


def row_from(key: str, operation: str, m: Measure, *, unit: str = "ms", scale: float = 1000.0, **kwargs: Any) -> Row:
    a, b = m.app_median, m.base_median
    return Row(
        key=key,
        operation=operation,
        unit=unit,
        app=None if a is None else a * scale,
        base=None if b is None else b * scale,
        runs_app=[round(x * scale, 3) for x in m.app],
        runs_base=[round(x * scale, 3) for x in m.base],
        **kwargs,
    )


# ---- the machine


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return ""


def machine() -> dict[str, str]:
    import sqlite3

    import openpyxl
    import sqlalchemy

    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:  # pragma: no cover
        pyside = "not installed"
    cpu = next((ln.split(":", 1)[1].strip() for ln in _read("/proc/cpuinfo").splitlines() if "model name" in ln), "")
    mem = next((ln.split(":", 1)[1].strip() for ln in _read("/proc/meminfo").splitlines() if "MemTotal" in ln), "")
    try:
        load = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:  # pragma: no cover
        load = "?"
    try:
        import lxml  # noqa: F401

        has_lxml = "yes"
    except ImportError:
        has_lxml = "no"
    return {
        "platform": platform.platform(),
        "cpu": f"{cpu or platform.processor() or '?'} × {os.cpu_count()} logical CPUs",
        "memory": mem,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "pyside6": pyside,
        "openpyxl": openpyxl.__version__,
        "lxml": has_lxml,
        "load average (1/5/15 min)": load,
    }


def loadavg() -> str:
    try:
        return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:  # pragma: no cover
        return "?"
