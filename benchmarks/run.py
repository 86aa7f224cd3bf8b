"""Run the performance suite and write benchmarks/RESULTS.md (`make bench` runs this with no options).

    python -m benchmarks.run [--size small|medium|large] [--only NAME[,NAME…]] [--repeat N] [--no-growth]
                             [--profile] [--force-generate] [--list] [--engine sqlite|postgresql]

Every operation is measured as the app's figure against a raw baseline in the same run: a warm-up, then app and
baseline runs alternating, `--repeat` (≥ 5) timed runs of each, medians. Results are kept per size in
benchmarks/.cache/results-SIZE.json, so `--only` refreshes some rows and keeps the others (each row says when it
was measured). The large size writes benchmarks/RESULTS.md; other sizes write benchmarks/.cache/RESULTS-SIZE.md.
benchmarks/analysis.md (the hand-written profile findings and proposed fixes) is copied into RESULTS.md.

`--engine postgresql` runs the cases that have a PostgreSQL side (benchmarks/pg.py: search, sort, check-in,
paste, month stats, the dashboard's group_health and the Dashboard page) on the SQLite workspace of that size loaded into a durable server the suite starts
itself; its rows go to benchmarks/.cache/results-SIZE-postgresql.json and RESULTS.md shows them next to the
SQLite rows of the same size ("Both engines")."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:  # `python benchmarks/run.py` works too
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="qundesk-bench-xdg-"))  # QSettings stay private

from benchmarks.generate import CACHE_DIR, SIZES, ensure_workspace  # noqa: E402
from benchmarks.harness import DEFAULT_REPEAT, Row, loadavg, machine  # noqa: E402

ORDER = (
    "cold_start",
    "search",
    "pinyin",
    "sort",
    "checkin",
    "paste",
    "month_stats",
    "dashboard",
    "dashboard_overview",
    "report_group",
    "report_all",
    "import",
    "import_reader",
    "import_memory",
    "generator",
    "demo",
)
GROWTH_SIZES = ("small", "medium", "large")


def log(msg: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {msg}", flush=True)


def results_path(size: str, engine: str = "sqlite") -> Path:
    return CACHE_DIR / (f"results-{size}.json" if engine == "sqlite" else f"results-{size}-{engine}.json")


def load_results(size: str, engine: str = "sqlite") -> dict:
    p = results_path(size, engine)
    if p.exists():
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            pass
    return {"rows": {}, "machine": {}, "runs": []}


def save_results(size: str, data: dict, engine: str = "sqlite") -> None:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    results_path(size, engine).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def run_case(name: str, ctx) -> list[Row]:
    from benchmarks.cases import CASES, PLACEHOLDER

    t = time.perf_counter()
    log(f"{name} …")
    try:
        rows = CASES[name](ctx)
    except Exception as exc:  # a broken case must not stop the suite: it becomes an error row
        operation, target = PLACEHOLDER[name]
        tb = traceback.format_exc(limit=6)
        sys.stderr.write(tb)
        rows = [Row(key=name, operation=operation, unit="", target=target, status="error", note=f"{exc!r}")]
    for r in rows:
        r.size = r.size or ctx.ws.size
        log(f"  {r.key}: app {fmt(r.app, r.unit)} base {fmt(r.base, r.unit)} {verdict(r)}")
    log(f"{name} done in {time.perf_counter() - t:.1f}s")
    return rows


# ---- formatting


def fmt(v: float | None, unit: str) -> str:
    if v is None:
        return "—"
    if unit == "rows/s":
        return f"{v:,.0f} rows/s"
    if unit == "MB":
        return f"{v:,.0f} MB"
    if unit == "s":
        return f"{v:,.2f} s"
    if unit == "ms":
        return f"{v:,.0f} ms" if v >= 100 else f"{v:.1f} ms" if v >= 1 else f"{v:.2f} ms"
    return f"{v:g}"


def verdict(r: Row) -> str:
    if r.status != "measured":
        return r.status
    p = r.passed
    return "pass" if p else "**MISS**" if p is False else "—"


def ratio_text(r: Row) -> str:
    if r.ratio is None:
        return "—"
    if r.unit == "rows/s":
        return f"{r.ratio:.2f} of ceiling"
    return f"{r.ratio:.2f}x"


def render(size: str, data: dict, growth: dict[str, dict], analysis: str) -> str:
    rows = [Row.from_dict(d) for d in data["rows"].values()]
    rank = {name: i for i, name in enumerate(ORDER)}
    rows.sort(
        key=lambda r: (
            rank.get(r.key.split(":")[0], 99),
            data["order"].index(r.key) if r.key in data.get("order", []) else 0,
        )
    )
    meta = data.get("workspace", {})
    out = ["# QunDesk benchmark results", ""]
    out.append(
        f"Written by `python -m benchmarks.run` (`make bench`) — last run {data.get('last_run', '?')}, "
        f"workspace size **{size}**. Medians of {data.get('repeat', DEFAULT_REPEAT)} timed runs after a warm-up, "
        "app and raw baseline alternating in the same run; ratio = app / baseline. How to run and what each row "
        "means: [README.md](README.md). Absolute times drift on this shared machine (see the load average below): "
        "compare ratios."
    )
    out.append("")
    if meta:
        c = meta.get("counts", {})
        out.append(
            f"Workspace: {meta.get('members', 0):,} members, {c.get('membership', 0):,} memberships, "
            f"{c.get('community_group', 0)} groups, {c.get('checkin', 0):,} check-ins, {c.get('points_entry', 0):,} "
            f"ledger entries, {c.get('activity', 0):,} activities, {c.get('attendance', 0):,} attendance rows, "
            f"{meta.get('rows', 0):,} rows in all; today = {meta.get('today')}, month measured = "
            f"{meta.get('month', ['?', '?'])[0]}-{int(meta.get('month', [0, 0])[1]):02d}; file "
            f"{meta.get('file_bytes', 0) / 1e9:.2f} GB (generator v{meta.get('generator_version')}, schema "
            f"{meta.get('schema')})."
        )
        out.append("")
    out += [
        "| operation | app | raw baseline | ratio | target | result |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for r in rows:
        out.append(
            f"| {r.operation} | {fmt(r.app, r.unit)} | {fmt(r.base, r.unit)} | {ratio_text(r)} | {r.target} | "
            f"{verdict(r)} |"
        )
    out.append("")
    misses = [r for r in rows if r.passed is False]
    out.append(
        f"**{sum(1 for r in rows if r.passed)} pass, {len(misses)} miss, "
        f"{sum(1 for r in rows if r.status != 'measured')} not measured.** Misses and the proposed design changes: "
        "see *What misses and how to fix it* below."
    )
    out.append("")
    if growth:
        out += render_growth(growth)
    for engine_size in ("large", "medium", "small"):  # the largest workspace measured on PostgreSQL
        if load_results(engine_size, "postgresql").get("rows"):
            out += render_engines(data, engine_size)
            break
    out += ["## Machine", ""]
    for k, v in data.get("machine", {}).items():
        out.append(f"- {k}: {v}")
    out.append(f"- load average at the start / end of the last run: {data.get('load', '?')}")
    out.append("")
    out += ["## Row details", ""]
    for r in rows:
        runs = ""
        if r.runs_app:
            runs = f" Runs — app: {', '.join(fmt(x, r.unit) for x in r.runs_app)}"
            if r.runs_base:
                runs += f"; baseline: {', '.join(fmt(x, r.unit) for x in r.runs_base)}"
            runs += "."
        out.append(f"- **{r.key}** ({r.measured_at}): {r.note}{runs}")
    out.append("")
    if analysis.strip():
        out.append(analysis.strip())
        out.append("")
    return "\n".join(out)


def render_growth(growth: dict[str, dict]) -> list[str]:
    """Excel export (whole community) and month stats at 1k / 10k / 100k members."""
    sizes = [s for s in GROWTH_SIZES if s in growth]
    if not sizes:
        return []
    head = " | ".join(f"{growth[s].get('members', SIZES[s]):,} members" for s in sizes)
    out = [
        "## Growth: Excel export and month stats at 1k, 10k and 100k members",
        "",
        "matplotlib is not installed, so the curve is this table (app / raw baseline, medians). Check-ins grow with "
        "members (≈100 per member per year).",
        "",
        f"| figure | {head} |",
        "| --- |" + " ---: |" * len(sizes),
    ]
    for key, label in (
        ("report_all", "whole-community monthly report"),
        ("month_stats:large", "month stats, largest group"),
        ("month_stats:wechat", "month stats, a WeChat group"),
    ):
        cells = []
        for s in sizes:
            r = growth[s].get(key)
            if r is None:
                cells.append("—")
                continue
            r = Row.from_dict(r)
            cells.append(f"{fmt(r.app, r.unit)} / {fmt(r.base, r.unit)} ({ratio_text(r)})")
        out.append(f"| {label} | {' | '.join(cells)} |")
    out.append("")
    return out


def growth_entry(size: str, rows: dict, meta: dict) -> dict:
    """A size's growth figures: the rows of its growth run, else those of a full run at that size."""
    entry = {"members": meta.get("members", SIZES[size])}
    for name in ("report_all", "month_stats:large", "month_stats:wechat"):
        row = rows.get(f"growth:{size}:{name}") or rows.get(name)
        if row is not None:
            entry[name] = row
    return entry


def main(argv: list[str] | None = None) -> int:
    from benchmarks.cases import CASES, Ctx

    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=list(SIZES), default="large")
    parser.add_argument("--only", help="comma-separated benchmark names (see --list)")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="timed runs of each side (≥ 5)")
    parser.add_argument("--no-growth", action="store_true", help="skip the 1k/10k/100k growth runs")
    parser.add_argument("--profile", action="store_true", help="pyinstrument one app run of every miss")
    parser.add_argument("--force-generate", action="store_true", help="rebuild the cached workspace(s)")
    parser.add_argument("--list", action="store_true", help="list the benchmark names and exit")
    parser.add_argument("--render-only", action="store_true", help="rewrite RESULTS.md from the saved results")
    parser.add_argument(
        "--engine",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="postgresql: the cases with a PostgreSQL side, on the workspace loaded into a server the suite starts",
    )
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join([*CASES, "growth"]))
        return 0
    if args.repeat < 5:
        parser.error("--repeat must be at least 5")
    names = [n.strip() for n in args.only.split(",")] if args.only else [*ORDER, "growth"]
    unknown = [n for n in names if n not in CASES and n != "growth"]
    if unknown:
        parser.error(f"unknown benchmark(s) {unknown}; use --list")

    if args.render_only:
        write_results(args.size, load_results(args.size))
        return 0
    if args.engine == "postgresql":
        return run_postgresql(args, names)
    load_start = loadavg()
    ws = ensure_workspace(args.size, force=args.force_generate, log=log)
    log(f"workspace {ws.path.name}: {ws.meta['rows']:,} rows, {ws.meta['checkins']:,} check-ins")
    data = load_results(args.size)
    data["workspace"] = {k: v for k, v in ws.meta.items() if k not in ("active_by_group", "memberships_by_group")}
    data["machine"] = machine()
    data["repeat"] = args.repeat
    data["last_run"] = datetime.now().isoformat(timespec="seconds")
    order = data.setdefault("order", [])
    ctx = Ctx(ws=ws, repeat=args.repeat, log=log, profile=args.profile)
    try:
        for name in names:
            if name == "growth":
                continue
            for r in run_case(name, ctx):
                data["rows"][r.key] = r.as_dict()
                if r.key not in order:
                    order.append(r.key)
            save_results(args.size, data)
    finally:
        ctx.close()

    if "growth" in names and not args.no_growth:
        run_growth(args)
    data["load"] = f"{load_start} / {loadavg()}"
    save_results(args.size, data)
    write_results(args.size, data)
    return 0


def run_postgresql(args: argparse.Namespace, names: list[str]) -> int:
    from benchmarks import pg
    from benchmarks.cases import Ctx

    names = [n for n in names if n in pg.CASES] if args.only else list(pg.CASES)
    if not names:
        raise SystemExit(f"--engine postgresql runs: {', '.join(pg.CASES)}")
    ws = ensure_workspace(args.size, force=args.force_generate, log=log)
    loaded = pg.load(ws.path, log=log)
    data = load_results(args.size, "postgresql")
    data["workspace"] = {k: v for k, v in ws.meta.items() if k not in ("active_by_group", "memberships_by_group")}
    data["machine"] = machine()
    data["repeat"] = args.repeat
    data["last_run"] = datetime.now().isoformat(timespec="seconds")
    data["server"] = {"version": loaded.server.version, "settings": pg.DURABLE, "load_seconds": loaded.load_seconds}
    order = data.setdefault("order", [])
    ctx = Ctx(ws=ws, repeat=args.repeat, log=log, profile=args.profile, pg_url=loaded.url)
    try:
        for name in names:
            for r in run_case(name, ctx):
                data["rows"][r.key] = r.as_dict()
                if r.key not in order:
                    order.append(r.key)
            save_results(args.size, data, "postgresql")
    finally:
        ctx.close()
        loaded.stop()
    write_results("large", load_results("large"))
    return 0


def render_engines(sqlite_data: dict, size: str) -> list[str]:
    """Both engines side by side for the rows measured on PostgreSQL (on the workspace of `size`)."""
    pg_data = load_results(size, "postgresql")
    if not pg_data.get("rows"):
        return []
    lite = sqlite_data if size == "large" else load_results(size)
    server = pg_data.get("server", {})
    meta = pg_data.get("workspace", {})
    out = ["## Both engines", ""]
    out.append(
        f"The same cases on PostgreSQL {server.get('version', '?')} (a durable server the suite starts: "
        f"{', '.join(f'{k}={v}' for k, v in server.get('settings', {}).items())}; the {size} workspace of "
        f"{meta.get('members', 0):,} members loaded with the app's copy in {server.get('load_seconds', 0):.0f} s), "
        f"last run {pg_data.get('last_run', '?')}, next to SQLite on the same workspace. Each engine's ratio is "
        "against its own raw baseline (the same hand-written SQL through sqlite3 or psycopg)."
    )
    out.append("")
    out += [
        "| operation | SQLite app | SQLite ratio | PostgreSQL app | PostgreSQL baseline | PostgreSQL ratio | target | "
        "PostgreSQL result |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for key in pg_data.get("order", []):
        if key not in pg_data["rows"]:
            continue
        r = Row.from_dict(pg_data["rows"][key])
        s = Row.from_dict(lite["rows"][key]) if key in lite.get("rows", {}) else None
        out.append(
            f"| {r.operation} | {fmt(s.app, s.unit) if s else '—'} | {ratio_text(s) if s else '—'} | "
            f"{fmt(r.app, r.unit)} | {fmt(r.base, r.unit)} | {ratio_text(r)} | {r.target} | {verdict(r)} |"
        )
    out.append("")
    out += ["PostgreSQL row details:", ""]
    for key in pg_data.get("order", []):
        if key in pg_data["rows"]:
            r = Row.from_dict(pg_data["rows"][key])
            out.append(f"- **{r.key}** ({r.measured_at}): {r.note}")
    out.append("")
    return out


def run_growth(args: argparse.Namespace) -> None:
    """Whole-community export and month stats on the smaller workspaces (the run's own size is in its rows)."""
    from benchmarks.cases import Ctx, bench_growth_report, bench_growth_stats

    for size in GROWTH_SIZES[: GROWTH_SIZES.index(args.size)]:
        gws = ensure_workspace(size, force=args.force_generate, log=log)
        gctx = Ctx(ws=gws, repeat=args.repeat, log=log)
        gdata = load_results(size)
        try:
            for fn in (bench_growth_stats, bench_growth_report):
                for r in fn(gctx):
                    gdata["rows"][r.key] = r.as_dict()
                    log(f"  {r.key}: app {fmt(r.app, r.unit)} base {fmt(r.base, r.unit)}")
        except Exception:
            traceback.print_exc()
        finally:
            gctx.close()
        gdata["workspace"] = {"members": gws.meta["members"], "counts": gws.meta["counts"]}
        save_results(size, gdata)


def write_results(size: str, data: dict) -> None:
    growth = {}
    for gsize in GROWTH_SIZES[: GROWTH_SIZES.index(size) + 1]:
        d = data if gsize == size else load_results(gsize)
        if d.get("rows"):
            entry = growth_entry(gsize, d["rows"], d.get("workspace", {}))
            if len(entry) > 1:
                growth[gsize] = entry
    analysis_path = HERE / "analysis.md"
    analysis = analysis_path.read_text(encoding="utf-8") if analysis_path.exists() else ""
    target = HERE / "RESULTS.md" if size == "large" else CACHE_DIR / f"RESULTS-{size}.md"
    target.write_text(render(size, data, growth, analysis), encoding="utf-8")
    log(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
