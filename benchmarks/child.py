"""Work that must run in a fresh process: cold start (app and app-like baseline) and peak memory of a report.

    python -m benchmarks.child cold-app DB          # `qundesk --db DB`: prints "PAINTED <seconds since start>"
    python -m benchmarks.child cold-base DB         # imports + engine + one query + a bare QWidget painted
    python -m benchmarks.child cold-floor DB        # cold-base with the app's models and the query through the ORM
    python -m benchmarks.child report-mem DB JSON   # JSON: {"mode": "app"|"base", …}; prints a JSON result
    python -m benchmarks.child import-mem DB JSON   # JSON: {"mode": "app"|"base", "csv": FILE}; prints a JSON result

Both cold starts measure from the first line of this module (the parent also times the whole process from
spawn to the printed line, which adds the interpreter start-up to both alike)."""

from __future__ import annotations

import time

T0 = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402


def _painted(app, window, label: str = "PAINTED") -> None:
    """Print once the window has been shown and the events queued by show() (expose, layout, paint) ran."""
    from PySide6.QtCore import QTimer

    def done() -> None:
        app.processEvents()
        print(f"{label} {time.perf_counter() - T0:.6f}", flush=True)
        app.quit()

    window.show()
    QTimer.singleShot(0, done)
    app.exec()


def cold_app(db: str) -> None:
    """`qundesk` itself: ui.app.run_app (QApplication, open_workspace, the workspace lock, the start-up checks —
    integrity check and the day's first backup —, MainWindow) until the window's first paint. run_app is
    called unchanged; MainWindow.show is wrapped to print the time once the events queued by show() ran."""
    from desktop.cli import preload_before_qt

    preload_before_qt()  # as `qundesk` does before it imports the window (desktop/cli._open_window)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import ui.main_window
    from ui.app import run_app

    original_show = ui.main_window.MainWindow.show

    def show(window) -> None:
        original_show(window)

        def done() -> None:
            app = QApplication.instance()
            app.processEvents()
            print(f"PAINTED {time.perf_counter() - T0:.6f}", flush=True)
            window.hide()  # closeEvent would write window state
            app.quit()

        QTimer.singleShot(0, done)

    ui.main_window.MainWindow.show = show
    run_app(db)


def cold_base(db: str) -> None:
    """An app-like start: PySide6.QtWidgets + SQLAlchemy imported, an engine, one query of 200 roster rows, a
    bare QWidget (the main window's size) shown and painted."""
    from sqlalchemy import text  # SQLAlchemy before PySide6, as the app imports them (desktop/cli.preload_before_qt)

    # isort: split
    from PySide6.QtWidgets import QApplication  # noqa: F401

    def read(engine) -> list:
        with engine.connect() as conn:
            return conn.execute(
                text(
                    "SELECT ms.id, m.display_name, m.wechat_id, ms.status FROM membership ms JOIN member m"
                    " ON m.id = ms.member_id WHERE m.deleted_at IS NULL ORDER BY m.pinyin LIMIT 200"
                )
            ).all()

    _bare_start(db, "baseline", read)


def cold_floor(db: str) -> None:
    """What the stack costs before any of the window's code: cold-base with the app's typed declarative models
    imported (SQLAlchemy's ORM with them) and the same 200 roster rows read through an ORM Session (which
    configures the mappers, as the app's first query does). The app cannot start faster than this."""
    from sqlalchemy import select  # the ORM and the models before PySide6, as the app imports them
    from sqlalchemy.orm import Session

    from models import Member, Membership

    # isort: split
    from PySide6.QtWidgets import QApplication  # noqa: F401

    def read(engine) -> list:
        with Session(engine) as session:
            return session.execute(
                select(Membership.id, Member.display_name, Member.wechat_id, Membership.status)
                .join(Member, Member.id == Membership.member_id)
                .where(Member.deleted_at.is_(None))
                .order_by(Member.pinyin)
                .limit(200)
            ).all()

    _bare_start(db, "floor", read)


def _bare_start(db: str, name: str, read) -> None:
    """QApplication, an engine on `db`, `read(engine)` (the 200 roster rows), then a bare QWidget the main
    window's size shown and painted (cold-base and cold-floor differ only in `read` and what they import)."""
    from PySide6.QtWidgets import QApplication, QWidget
    from sqlalchemy import create_engine

    app = QApplication([name])
    engine = create_engine(f"sqlite:///{db}")
    assert read(engine)
    window = QWidget()
    window.resize(1280, 800)
    _painted(app, window)
    engine.dispose()


def _status(field: str) -> float:
    """VmRSS / VmHWM of this process in MB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # resets VmHWM to the current RSS (Linux >= 4.0)
        return True
    except OSError:
        return False


def report_mem(db: str, spec_path: str) -> None:
    """Peak memory growth of one whole-community report (mode app) or of its raw dump (mode base)."""
    import gc
    from datetime import date
    from pathlib import Path

    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    today = date.fromisoformat(spec["today"])
    if spec["mode"] == "app":
        from desktop.services.report import export_monthly_report
        from desktop.workspace import actor_for, open_workspace

        database = open_workspace(db)
        actor = actor_for(database)

        def run() -> None:
            export_monthly_report(
                database,
                actor,
                year=spec["year"],
                month=spec["month"],
                group_ids=spec["group_ids"],
                path=spec["out"],
                today=today,
            )

    else:
        import pickle

        from benchmarks import raw_sql
        from benchmarks.cases import dump_cells

        with open(spec["cells"], "rb") as f:
            cells = pickle.load(f)
        conn = raw_sql.connect(Path(db))
        cfg = raw_sql.settings(conn)

        def run() -> None:
            raw_sql.report_data(conn, spec["gids"], spec["year"], spec["month"], today, cfg)
            dump_cells(cells, spec["out"])

    gc.collect()
    before = _status("VmRSS")
    reset = _reset_peak()
    t = time.perf_counter()
    run()
    seconds = time.perf_counter() - t
    peak = _status("VmHWM")
    print(
        json.dumps(
            {
                "seconds": seconds,
                "rss_before_mb": round(before, 1),
                "peak_mb": round(peak, 1),
                "growth_mb": round(peak - before, 1),
                "peak_reset": reset,
            }
        ),
        flush=True,
    )


def import_mem(db: str, spec_path: str) -> None:
    """Peak memory growth of a big CSV roster import (mode app: run_import) or of a raw streamed load of the
    same rows (mode base: csv.reader + sqlite3 executemany in batches of 5,000, one transaction)."""
    import gc
    from pathlib import Path

    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    csv_path = spec["csv"]
    from models.search_keys import name_keys

    name_keys("预热")  # pypinyin's tables are loaded before the measurement on both sides
    if spec["mode"] == "app":
        from desktop.services.imports import run_import
        from desktop.workspace import actor_for, open_workspace

        database = open_workspace(db)
        actor = actor_for(database)
        result: dict = {}

        def run() -> None:
            _plan, summary, _created = run_import(database, actor, csv_path, "百万成员导入", "roster")
            result["added"] = summary.added

    else:
        import csv
        import sqlite3

        result = {}

        def run() -> None:
            conn = sqlite3.connect(db, isolation_level=None)
            conn.execute("BEGIN")
            now = "2026-01-01 00:00:00.000000"
            count = 0
            with open(csv_path, encoding="utf-8", newline="") as f:
                reader = csv.reader(f)
                next(reader)
                batch: list[tuple] = []
                for name, wechat, phone, city, _joined, _note in reader:
                    batch.append((name, *name_keys(name), wechat, phone, phone[-4:], city, now, now))
                    if len(batch) >= 5000:
                        conn.executemany(_RAW_MEMBER, batch)
                        count += len(batch)
                        batch = []
                if batch:
                    conn.executemany(_RAW_MEMBER, batch)
                    count += len(batch)
            conn.execute("COMMIT")
            conn.close()
            result["added"] = count

    gc.collect()
    before = _status("VmRSS")
    reset = _reset_peak()
    t = time.perf_counter()
    run()
    seconds = time.perf_counter() - t
    peak = _status("VmHWM")
    print(
        json.dumps(
            {
                "seconds": round(seconds, 1),
                "rss_before_mb": round(before, 1),
                "peak_mb": round(peak, 1),
                "growth_mb": round(peak - before, 1),
                "peak_reset": reset,
                **result,
            }
        ),
        flush=True,
    )


_RAW_MEMBER = (
    "INSERT INTO member (display_name, initials, pinyin, wechat_id, phone, phone_tail, city, real_name_verified,"
    " seed_user, points_opt_out, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)"
)


def main(argv: list[str]) -> int:
    cmd, *args = argv
    {
        "cold-app": cold_app,
        "cold-base": cold_base,
        "cold-floor": cold_floor,
        "report-mem": report_mem,
        "import-mem": import_mem,
    }[cmd](*args)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
