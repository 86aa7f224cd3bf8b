"""Chat-history import at scale (issue 11): a 1,000,000-message 留痕 CSV (2,000 senders, a year) into a group of
2,000 members, against a raw baseline measured in the same run — `csv.reader` over the file counting messages
per sender and day, then one `executemany` of those counts into chat_activity and a commit — each in a fresh
process, so that the peak memory growth of each is its own (VmHWM − VmRSS around the work, Linux).

    python -m benchmarks.run --only chat_import          # the row in RESULTS.md (make bench runs it too)
    python -m benchmarks.chat_bench                      # this row alone, printed
    python -m benchmarks.chat_bench child app|base DB CSV   (internal: one measured run)

The export and the workspace are built once into benchmarks/.cache/ (the export ≈ 110 MB)."""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(__file__).resolve().parent / ".cache"
MESSAGES = 1_000_000
SENDERS = 2_000
GROUP = "千人大群"
TODAY = date(2026, 12, 1)
TYPES = (("1", 0.70), ("3", 0.12), ("47", 0.10), ("34", 0.03), ("49", 0.03), ("10000", 0.02))


def _wxid(i: int) -> str:
    return f"wxid_bench{i:05d}"


def export_path() -> Path:
    return CACHE / f"chat-{MESSAGES}-{SENDERS}_utf8.csv"


def build_export() -> Path:
    """A year of a 2,000-person group in 留痕's CSV layout (UTF-8 with BOM), deterministic."""
    path = export_path()
    if path.exists():
        return path
    rng = random.Random(11)
    CACHE.mkdir(parents=True, exist_ok=True)
    start = datetime(2025, 12, 1, 6, 0, 0)
    span = (datetime(2026, 11, 30, 23, 0, 0) - start).total_seconds()
    weights = [1 / (i + 1) ** 0.8 for i in range(SENDERS)]  # a few talk a lot, most a little
    cum = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    types, type_w = zip(*TYPES, strict=True)
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(
            ["localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime", "Status"]
            + ["StrContent", "StrTime", "Remark", "NickName", "Sender"]
        )
        offsets = sorted(rng.random() * span for _ in range(MESSAGES))
        import bisect

        for n, off in enumerate(offsets):
            at = start + timedelta(seconds=int(off))
            who = bisect.bisect_left(cum, rng.random() * total)
            kind = rng.choices(types, type_w)[0]
            if kind == "10000":
                text, sender, name = f'"成员{rng.randrange(SENDERS)}" 撤回了一条消息', "", ""
            else:
                sender, name = _wxid(who), f"成员{who}"
                text = f"早安打卡 第{rng.randrange(1, 300)}天" if kind == "1" and rng.random() < 0.15 else ""
                if kind == "1" and not text:
                    text = rng.choice(("收到", "好的，谢谢！", "今天跑了5公里", "周末一起吗？", "[强][强]"))
            out.writerow(
                [
                    4000 + n,
                    27,
                    kind,
                    0,
                    0,
                    int(at.timestamp()),
                    3,
                    text,
                    at.strftime("%Y-%m-%d %H:%M:%S"),
                    name,
                    name,
                    sender,
                ]
            )
    tmp.replace(path)
    return path


def workspace_path() -> Path:
    from models.db import head_revision

    return CACHE / f"chat-workspace-{SENDERS}-{head_revision()}.sqlite"


def build_workspace() -> Path:
    """A workspace whose group has the 2,000 senders as members (by WeChat ID)."""
    path = workspace_path()
    if path.exists():
        return path
    from sqlalchemy import update

    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace
    from models import EntryStep

    tmp = path.with_suffix(".part.sqlite")
    tmp.unlink(missing_ok=True)
    database = open_workspace(tmp)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, GROUP, capacity=2000)
        s.execute(update(EntryStep).where(EntryStep.group_id == gid).values(required=False))
        for i in range(SENDERS):
            add_member(s, owner, gid, MemberInput(display_name=f"成员{i}", wechat_id=_wxid(i)))
        s.commit()
    database.dispose()
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.replace(path)
    return path


# ---------------------------------------------------------------- one measured run (a fresh process)


def _status(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return True
    except OSError:
        return False


def child(mode: str, db: str, export: str) -> None:
    import gc

    os.environ["QUNDESK_TODAY"] = TODAY.isoformat()
    if mode == "app":
        from desktop.services.chat_import import run_chat_import
        from desktop.workspace import actor_for, open_workspace

        database = open_workspace(db)
        actor = actor_for(database)

        def run() -> dict:
            _plan, summary, _created = run_chat_import(database, actor, export, GROUP)
            return {"messages": summary.messages, "checkins": summary.checkins}

    else:
        import sqlite3

        def run() -> dict:
            conn = sqlite3.connect(db)
            ids = dict(
                conn.execute(
                    "SELECT m.wechat_id, ms.id FROM membership ms JOIN member m ON m.id = ms.member_id"
                ).fetchall()
            )
            counts: dict[tuple[int, str], int] = {}
            with open(export, encoding="utf-8-sig", newline="") as f:
                reader = csv.reader(f)
                next(reader)
                for row in reader:
                    if row[2] == "10000":
                        continue
                    ms = ids.get(row[11])
                    if ms is not None:
                        key = (ms, row[8][:10])
                        counts[key] = counts.get(key, 0) + 1
            conn.executemany(
                "INSERT INTO chat_activity (membership_id, group_id, day, messages) VALUES (?, 1, ?, ?)",
                [(ms, day, n) for (ms, day), n in counts.items()],
            )
            conn.commit()
            conn.close()
            return {"messages": sum(counts.values())}

    gc.collect()
    before = _status("VmRSS")
    reset = _reset_peak()
    t = time.perf_counter()
    info = run()
    seconds = time.perf_counter() - t
    peak = _status("VmHWM")
    print(json.dumps({"seconds": seconds, "growth_mb": round(peak - before, 1), "peak_reset": reset, **info}))


def _run_child(mode: str, db: Path, export: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.chat_bench", "child", mode, str(db), str(export)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(repeat: int = 5) -> dict:
    """Alternating app / baseline runs, each on a fresh copy of the workspace."""
    export, workspace = build_export(), build_workspace()
    scratch = CACHE / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    runs: dict[str, list[dict]] = {"app": [], "base": []}
    for i in range(repeat + 1):
        for mode in ("app", "base"):
            db = scratch / f"chat-{mode}.sqlite"
            shutil.copyfile(workspace, db)
            result = _run_child(mode, db, export)
            db.unlink(missing_ok=True)
            if i > 0:  # the first round warms the page cache
                runs[mode].append(result)
    return {
        "app_s": statistics.median(r["seconds"] for r in runs["app"]),
        "base_s": statistics.median(r["seconds"] for r in runs["base"]),
        "app_growth_mb": max(r["growth_mb"] for r in runs["app"]),
        "base_growth_mb": max(r["growth_mb"] for r in runs["base"]),
        "runs": runs,
    }


def rows(ctx=None) -> list:
    """The two RESULTS.md rows (benchmarks.run case `chat_import`)."""
    from benchmarks.harness import Row

    m = measure()
    app_runs = [r["seconds"] for r in m["runs"]["app"]]
    base_runs = [r["seconds"] for r in m["runs"]["base"]]
    first = m["runs"]["app"][0]
    note = (
        f"{MESSAGES:,}-message 留痕 CSV, {SENDERS:,} senders over a year, into a {SENDERS:,}-member group; app: "
        f"run_chat_import (read, plan, write in one transaction: {first['messages']:,} messages counted, "
        f"{first['checkins']:,} check-ins with points and streaks); baseline: csv.reader over the file + one "
        "executemany of the per-member-per-day counts + commit. Fresh process each, fresh copy of the workspace."
    )
    return [
        Row(
            key="chat_import",
            operation=f"chat-history import, {MESSAGES:,} messages (留痕 CSV)",
            unit="s",
            app=m["app_s"],
            base=m["base_s"],
            target="≤ 2x raw",
            max_ratio=2.0,
            note=note,
            runs_app=app_runs,
            runs_base=base_runs,
        ),
        Row(
            key="chat_import:memory",
            operation="chat-history import, 1,000,000 messages: peak memory growth",
            unit="MB",
            app=m["app_growth_mb"],
            base=m["base_growth_mb"],
            target="≤ 300 MB",
            max_app=300.0,
            note="VmHWM − VmRSS of a fresh process around the import (largest of the runs).",
        ),
    ]


def main(argv: list[str]) -> int:
    if argv[:1] == ["child"]:
        child(*argv[1:4])
        return 0
    for row in rows():
        print(row.operation, row.app, row.base, row.target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
