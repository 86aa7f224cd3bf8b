"""How long the window is held, page by page, on the large workspace (issue 13: "the window stays responsive").

The suite's rows time single operations against raw baselines; this sweep walks the window as an organiser does —
every page for all groups, then the largest group and a small one on each page, then the actions that read the
most (a member's panel, a day's check-ins, the all-time leaderboard, an activity's attendance, an alert's
members) — and reports for each step the time of the call itself and the longest the event loop then went without
turning (a 5 ms heartbeat timer), so work left to the event loop (layouts, batched lists) is seen too. Reads only:
nothing is written to the workspace.

    python -m benchmarks.window_sweep                 # the large workspace (built by `make bench` first)
    python -m benchmarks.window_sweep --size medium   # or another size already generated
    python -m benchmarks.window_sweep --db FILE       # any workspace file, or a postgresql:// URL (team mode)
    python -m benchmarks.window_sweep --plans         # SQLite: + the statements that read a large table in full

Medians of three rounds. Run under QT_QPA_PLATFORM=offscreen (set here when unset). No bound is asserted; the
figures of a run go to benchmarks/analysis.md by hand."""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

STEP_SECONDS = 1.0  # how long the event loop is watched after each step


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.window_sweep", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="large", help="generated workspace size (default: large)")
    parser.add_argument("--db", help="a workspace file or postgresql:// URL instead of a generated workspace")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--plans",
        action="store_true",
        help="SQLite: also list the statements the walk ran whose plan reads a table of over 10,000 rows in full",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.db is None:
        from benchmarks.generate import workspace_path

        args.db = str(workspace_path(args.size))
    team = "://" in args.db
    if not team and not Path(args.db).exists():
        print(f"no workspace at {args.db}: run `make bench` (or benchmarks.run --size {args.size}) first")
        return 2

    from PySide6.QtCore import QItemSelectionModel, QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    app = QApplication(["window_sweep"])
    from desktop.workspace import actor_for, open_workspace
    from models import clock
    from ui.main_window import PAGE_KEYS, MainWindow

    database = open_workspace(args.db)
    statements: dict[str, object] = {}
    if args.plans and not team:
        from sqlalchemy import event

        def seen(_conn, _cursor, statement, parameters, _context, many) -> None:
            if not many and statement.lstrip().upper().startswith(("SELECT", "WITH")):
                statements.setdefault(statement, parameters)

        event.listen(database.engine, "before_cursor_execute", seen)  # every thread's statements, workers' too
    window = MainWindow(database, actor_for(database))
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    gc.freeze()  # as ui.app.run_app does once the window is shown

    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    results: dict[str, list[tuple[float, float]]] = {}

    def step(label: str, action: Callable[[], object]) -> None:
        gaps.clear()
        start = time.perf_counter()
        action()
        call = time.perf_counter() - start
        last[0] = time.perf_counter()
        gaps.clear()
        end = last[0] + STEP_SECONDS
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)
        results.setdefault(label, []).append((call * 1000, max(gaps, default=0) * 1000))

    def close_dialogs() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.close()

    def select_row(view, row: int) -> None:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        view.selectionModel().setCurrentIndex(view.model().index(row, 0), flags)

    groups = sorted(window.group_rows, key=lambda g: g.members_total)
    small, large = groups[0], groups[-1]
    pages = window.pages

    def one_round() -> None:
        window.select_group(None)
        for key in PAGE_KEYS:
            step(f"show the {key} page (all groups)", lambda k=key: window.show_page(k))
        for group, size in ((large, "largest"), (small, "smallest")):
            for key in PAGE_KEYS:
                window.show_page(key)
                app.processEvents()
                step(f"{size} group ({group.members_total:,}) on {key}", lambda g=group: window.select_group(g.id))
                step(f"back to all groups on {key}", lambda: window.select_group(None))
        window.select_group(large.id)
        window.show_page("roster")
        roster = pages["roster"]
        step("roster: a member's panel", lambda: select_row(roster.table, 3))
        step("roster: referral tree", roster.open_referral_tree)
        close_dialogs()
        step("roster: group profile", roster.open_group_profile)
        close_dialogs()
        window.show_page("checkins")
        checkins = pages["checkins"]
        for back in (1, 30):
            step(
                f"check-ins: the day {back} day(s) back", lambda b=back: checkins.set_day(clock.today() - timedelta(b))
            )
        step("check-ins: back to today", lambda: checkins.set_day(clock.today()))
        step("check-ins: quick entry 'zh'", lambda: (checkins.quick_edit.setText("zh"), checkins.update_candidates()))
        checkins.quick_edit.setText("")
        window.show_page("points")
        points = pages["points"]
        step("points: the all-time leaderboard", points.all_time_button.click)
        step("points: the month's leaderboard", points.month_button.click)
        step("points: a member's ledger", lambda: select_row(points.leaderboard_table, 10))
        window.show_page("activities")
        step("activities: an activity's attendance", lambda: select_row(pages["activities"].activity_table, 1))
        window.show_page("dashboard")
        step("dashboard: the largest group's health", lambda: None)
        for kind in ("dormant", "silent_newcomer"):
            step(f"dashboard: {kind} members", lambda k=kind: pages["dashboard"].open_alert_members(k))
            close_dialogs()
        step("audit log", window.open_audit_log)
        close_dialogs()

    for _round in range(args.rounds):
        one_round()
    heartbeat.stop()
    window.hide()
    database.dispose()

    where = args.db.rsplit("@", 1)[-1] if team else Path(args.db).name  # never the URL's password
    print(f"Window sweep on {where} (medians of {args.rounds}): the call, then the longest the event loop")
    print("was held in the following second.\n")
    print("| step | call | longest hold after |")
    print("| --- | ---: | ---: |")
    for label, runs in results.items():
        call = statistics.median(r[0] for r in runs)
        hold = statistics.median(r[1] for r in runs)
        print(f"| {label} | {call:,.0f} ms | {hold:,.0f} ms |")
    if statements:
        _print_full_scans(Path(args.db), statements)
    return 0


def _print_full_scans(path: Path, statements: dict[str, object]) -> None:
    """EXPLAIN QUERY PLAN of each statement seen; those that SCAN a large table (not through a covering index:
    an ordered index walk under a LIMIT shows too, and is fine) are printed for a look."""
    import re
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        large = {
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if conn.execute(f'SELECT count(*) FROM (SELECT 1 FROM "{name}" LIMIT 10001)').fetchone()[0] > 10_000
        }
        flagged = 0
        for statement, parameters in statements.items():
            params = parameters if isinstance(parameters, tuple | list) else ()
            try:
                lines = [r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + statement, params)]
            except sqlite3.Error:
                continue
            scans = [
                line
                for line in lines
                if (m := re.match(r"SCAN (\w+)", line)) and m.group(1) in large and "COVERING INDEX" not in line
            ]
            if scans:
                flagged += 1
                print(f"\n{' '.join(statement.split())[:600]}\n  -> {'; '.join(scans)}")
        print(f"\n{len(statements)} statements run; {flagged} read a table of over 10,000 rows in full (above).")
    finally:
        conn.close()


if __name__ == "__main__":
    sys.exit(main())
