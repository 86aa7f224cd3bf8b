"""Several assistants logging overlapping check-ins at the same moment (PRODUCT §3.7, issue 6 item 2):
4 OS processes (tests/desktop/concurrent_checkins.py) log the same people over several days into the SAME
database — one SQLite file, or one PostgreSQL database — released together by a start file. Afterwards the
totals are exact: one check-in per membership and day, one +1 ledger entry per check-in, one streak bonus
per 7-day run, nothing lost, nothing duplicated, and no "database is locked"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.roster import MemberInput, add_member
from models import AuditEntry, CheckIn, PointsEntry

WORKER = Path(__file__).with_name("concurrent_checkins.py")
REPO = Path(__file__).resolve().parents[2]
PROCESSES = 4
MEMBERS = 24
DAYS = 7  # a 7-day streak bonus on the last day for everyone
FIRST_DAY = date(2026, 3, 1)
JOINED = datetime(2026, 2, 1, 9, 0)  # before FIRST_DAY: nobody checks in before they joined


def _setup(workspace, owner) -> tuple[int, list[int], list[str]]:
    with workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        ids = [
            add_member(s, owner, gid, MemberInput(display_name=f"成员{i:02d}", joined_at=JOINED))[1]
            for i in range(MEMBERS)
        ]
        names = [f"助理{w}" for w in range(PROCESSES)]
        for name in names:
            add_operator(s, owner, name, "assistant")
        s.commit()
    return gid, ids, names


def _run_workers(url: str, gid: int, sets: list[list[int]], operators: list[str], tmp: Path) -> list[dict]:
    go = tmp / "go"
    procs = []
    for w, ids in enumerate(sets):
        spec = {
            "url": url,
            "operator": operators[w],
            "group_id": gid,
            "first_day": FIRST_DAY.isoformat(),
            "days": DAYS,
            "membership_ids": ids,
            "seed": 100 + w,
            "ready": str(tmp / f"ready-{w}"),
            "go": str(go),
            "retry": True,  # as the window and the CLI run a check-in transaction
        }
        procs.append(
            subprocess.Popen(
                [sys.executable, str(WORKER), json.dumps(spec)],
                cwd=REPO,
                env={**os.environ, "PYTHONPATH": str(REPO)},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    try:
        deadline = time.monotonic() + 60
        while not all((tmp / f"ready-{w}").exists() for w in range(len(sets))):
            assert time.monotonic() < deadline, "workers did not start"
            assert all(p.poll() is None for p in procs), [p.communicate() for p in procs if p.poll() is not None]
            time.sleep(0.01)
        go.touch()  # the start line: every worker is connected and waiting
        outputs = [p.communicate(timeout=120) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    results = []
    for p, (out, err) in zip(procs, outputs, strict=True):
        assert "database is locked" not in out + err
        assert p.returncode == 0, f"worker failed ({p.returncode}):\n{out}\n{err}"
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def test_four_processes_log_overlapping_checkins_exactly_once(workspace, owner, tmp_path):
    gid, ids, operators = _setup(workspace, owner)
    # every member is in 3 of the 4 workers' lists: each check-in is attempted 3 times at about the same moment
    sets = [[mid for i, mid in enumerate(ids) if i % PROCESSES != w] for w in range(PROCESSES)]
    url = workspace.engine.url.render_as_string(hide_password=False)

    results = _run_workers(url, gid, sets, operators, tmp_path)

    expected = MEMBERS * DAYS
    attempts = sum(len(s) for s in sets) * DAYS
    assert all(not r["errors"] for r in results), results
    assert sum(r["logged"] for r in results) == expected  # each logged exactly once, by someone
    assert sum(r["already"] for r in results) == attempts - expected
    assert sum(1 for r in results if r["logged"]) >= 2, results  # they really competed
    if workspace.engine.dialect.name == "sqlite":
        assert sum(r["retries"] for r in results) == 0, results  # the busy timeout was enough: never "locked"
    with workspace.session() as s:
        rows = s.execute(select(CheckIn.membership_id, CheckIn.day, CheckIn.id)).all()
        assert len(rows) == expected
        assert {(m, d) for m, d, _ in rows} == {
            (mid, FIRST_DAY + timedelta(days=k)) for mid in ids for k in range(DAYS)
        }
        ledger = s.execute(
            select(PointsEntry.source_kind, PointsEntry.source_id, PointsEntry.points, PointsEntry.membership_id)
        ).all()
        checkin_entries = [e for e in ledger if e.source_kind == "checkin"]
        assert len(checkin_entries) == expected
        assert {e.source_id for e in checkin_entries} == {cid for _, _, cid in rows}  # one +1 per check-in
        assert all(e.points == 1 for e in checkin_entries)
        streak_entries = [e for e in ledger if e.source_kind == "streak"]
        assert sorted(e.membership_id for e in streak_entries) == sorted(ids)  # day 7 of the run, once each
        assert all(e.points == 5 for e in streak_entries)
        assert len(ledger) == expected + MEMBERS
        total = sum(e.points for e in ledger)
        assert total == sum(r["points"] for r in results) == expected + 5 * MEMBERS
        audits = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "checkin.record"))
        assert audits == sum(r["calls_logging"] for r in results)
