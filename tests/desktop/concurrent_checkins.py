"""Worker for tests/desktop/test_concurrency.py: one assistant logging check-ins, as its own OS process.

    python tests/desktop/concurrent_checkins.py '<json>'

The JSON holds: url, operator, group_id, first_day (ISO), days, membership_ids, seed, ready (file to create
once the database is open), go (file to wait for: the start line shared by every worker), retry (bool: run each transaction through models.db.with_retry).

For each day in order, the worker logs its members in small batches of a shuffled order, one transaction
per batch (as the "today" screen and a pasted chat do), and prints a JSON summary on stdout."""

from __future__ import annotations

import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.services.checkins import record_checkins
from desktop.services.operators import get_actor
from models.db import open_database, with_retry


def main(spec: dict) -> int:
    database = open_database(spec["url"], migrate=False)
    with database.session() as s:
        actor = get_actor(s, spec["operator"])
    rng = Random(spec["seed"])
    summary = {"logged": 0, "already": 0, "points": 0, "calls_logging": 0, "transactions": 0, "attempts": 0}
    summary["errors"] = []
    Path(spec["ready"]).touch()
    deadline = time.monotonic() + 60
    while not Path(spec["go"]).exists():  # everyone starts at the same moment
        if time.monotonic() > deadline:
            summary["errors"].append("never got the start signal")
            print(json.dumps(summary))
            return 1
        time.sleep(0.002)
    started = time.monotonic()
    first = date.fromisoformat(spec["first_day"])
    for offset in range(spec["days"]):
        day = first + timedelta(days=offset)
        ids = list(spec["membership_ids"])
        rng.shuffle(ids)
        while ids:
            size = rng.randint(1, 6)
            batch, ids = ids[:size], ids[size:]

            def log(batch=batch, day=day):
                summary["attempts"] += 1
                with database.session() as s:
                    result = record_checkins(s, actor, spec["group_id"], day, batch, today=day)
                    s.commit()
                    return result

            try:
                result = with_retry(log) if spec.get("retry") else log()
            except Exception as exc:  # reported to the test, which fails on any
                summary["errors"].append(f"{type(exc).__name__}: {exc}")
                continue
            summary["transactions"] += 1
            summary["logged"] += len(result.logged)
            summary["already"] += len(result.already)
            summary["points"] += result.points
            summary["calls_logging"] += bool(result.logged)
    summary["retries"] = summary["attempts"] - summary["transactions"] - len(summary["errors"])
    summary["seconds"] = round(time.monotonic() - started, 3)
    database.dispose()
    print(json.dumps(summary))
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main(json.loads(sys.argv[1])))
