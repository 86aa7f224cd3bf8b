"""`qundesk`: the window (no subcommand) or a headless command (PRODUCT §4 is the contract).

Exit codes: 0 success; 1 bad input or a known problem (message on stderr); 2 usage error (argparse);
3 database problem; 4 not allowed (sign-in failed, or the operator's role may not do this). Known errors never print a traceback; anything else is a bug and does.

Start-up stays light: heavy modules (the window, openpyxl, pypinyin, alembic, the demo generator) are
imported inside the command that needs them. The CLI never imports PySide6.QtWidgets.

How to add a command:
  1. Write `def _cmd_<name>(ctx: Context, args: argparse.Namespace) -> int` (and, if it takes options,
     `def _args_<name>(p: argparse.ArgumentParser) -> None`). Open the workspace with `ctx.database()`,
     get the operator for writes with `ctx.actor()`, print results to stdout (`ctx.print_json` for
     --json), and raise desktop.errors.QunDeskError (exit 1) for bad input. Import heavy modules inside.
  2. Add one `Command("<name>", "中文 / English help", _cmd_<name>, _args_<name>)` row to COMMANDS.
     A name with a space ("db upgrade") becomes a nested subcommand; give its first word a help text
     in GROUP_HELP.
  3. Test it in tests/desktop/test_cli.py and describe it in docs/cli.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.errors import PermissionDenied, QunDeskError

if TYPE_CHECKING:
    from desktop.services.operators import Actor
    from models.db import Database

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3

PASSWORD_ENV = "QUNDESK_PASSWORD"  # password of --operator, when that operator has one
OPERATOR_ENV = "QUNDESK_OPERATOR"  # the operator, when --operator is not given
EXIT_NOT_ALLOWED = 4  # sign-in failed, or the role may not do this (PermissionDenied.exit_code)


class InputError(QunDeskError):
    """Bad input found by the CLI itself (exit 1)."""


class UsageError(QunDeskError):
    """A usage error the argument parser cannot see (a choice between options): exit 2, as the parser's own."""

    exit_code = EXIT_USAGE


# ---------------------------------------------------------------------------------------------------
# Context shared by the commands
# ---------------------------------------------------------------------------------------------------


class Context:
    """What a command works with: the workspace (opened on first use), the operator, and output helpers."""

    def __init__(self, db: str | None, operator: str | None):
        self.db_arg = db
        self.operator = operator
        self._database: Database | None = None
        self._actor: Actor | None = None
        self.reads_only = False  # set for the commands that only read (PRODUCT §4: a missing file is exit 3)
        self.new_file: Path | None = None  # the --db file this run created, and the folders made for it
        self.new_folders: list[Path] = []

    def database(self) -> Database:
        """The workspace at --db / QUNDESK_DB / the default file, created or upgraded to the current schema;
        every command signs in first (reads too: once an operator has a password, nothing runs without it)."""
        if self._database is None:
            from desktop.paths import missing_named_workspace
            from desktop.workspace import open_workspace

            if self.reads_only:
                self._refuse_missing_file()
            new_file = missing_named_workspace(self.db_arg)
            if new_file is not None:  # made by this run: removed again if the command fails (discard_new)
                self.new_file = new_file
                self.new_folders = [f for f in new_file.parents if not f.exists()]
            self._database = open_workspace(self.db_arg)
            self.actor()
        return self._database

    def discard_new(self) -> None:
        """A command that failed on a workspace file this run created leaves no empty workspace behind (nothing
        written): otherwise a mistyped --db would be an existing, empty workspace for the next command."""
        if self.new_file is None:
            return
        self.close()
        _remove_new_workspace(self.new_file, self.new_folders)
        self.new_file = None

    def _refuse_missing_file(self) -> None:
        """A command that only reads, given a workspace file that does not exist (a mistyped --db or
        QUNDESK_DB), exits 3 naming the path and creates nothing (PRODUCT §4). The default workspace is
        created as usual: a first run has nothing to read yet."""
        from desktop.paths import missing_named_workspace
        from models.db import DatabaseError

        path = missing_named_workspace(self.db_arg)
        if path is not None:
            raise DatabaseError(
                f"工作区文件不存在 (no such workspace file): {path} — 检查 --db 的路径 (check the --db path)"
            )
        named = self.db_arg or os.environ.get("QUNDESK_DB")
        if named and "://" not in named:  # an empty file is no workspace either: a reading command does not make one
            from desktop.workspace import emptied_problem, is_empty_file

            file = Path(named).expanduser().resolve()
            if is_empty_file(file):
                raise DatabaseError(
                    emptied_problem(file)
                    or f"工作区文件是空的 (0 字节), 还不是工作区 (the workspace file is empty, 0 bytes: not a workspace"
                    f" yet): {file}"
                )

    def actor(self) -> Actor:
        """The operator the command acts for (PRODUCT §3.7): on a team database with roles, the server login's
        operator; else --operator NAME (or QUNDESK_OPERATOR) with the password from QUNDESK_PASSWORD or a
        prompt on a terminal, once any operator has a password; before that the operator named, or the owner.
        A refusal is exit 4."""
        if self._actor is None:
            from desktop.errors import PasswordMissing
            from desktop.services.operators import sign_in, sign_in_required

            database = self.database() if self._database is None else self._database
            name = self.operator or os.environ.get(OPERATOR_ENV) or None
            password = os.environ.get(PASSWORD_ENV)
            with database.session() as session:
                if password is None and name is not None and sign_in_required(session) and sys.stdin.isatty():
                    import getpass

                    password = getpass.getpass(f"操作员「{name}」的密码 (password): ")
                try:
                    self._actor = sign_in(session, name, password)
                except PasswordMissing as exc:  # a script whose QUNDESK_PASSWORD is unset or empty: not "wrong"
                    where = "为空 (is empty)" if password == "" else "未设置 (is not set)"
                    raise PasswordMissing(
                        f"{exc}: {PASSWORD_ENV} {where}, 也没有终端可以提示输入 (and there is no terminal to ask on)"
                        if not sys.stdin.isatty()
                        else str(exc)
                    ) from None
                session.commit()  # the owner is created on first use
        return self._actor

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
            self._database = None

    @staticmethod
    def print_json(value: Any) -> None:
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------------------------------------------
# Output helpers
# ---------------------------------------------------------------------------------------------------


def _remove_new_workspace(path: Path, folders: Sequence[Path]) -> None:
    """Remove a workspace file this run created, and the folders made for it, after a refused sign-in."""
    import contextlib

    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()
    for folder in folders:  # innermost first; only when empty
        with contextlib.suppress(OSError):
            folder.rmdir()


def _width(text: str) -> int:
    """Display width in a terminal: CJK and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - _width(text))
    return fill + text if right else text + fill


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[bool]) -> str:
    cells = [[str(c) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(_pad(h, w, n) for h, w, n in zip(headers, widths, numeric, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(_pad(c, w, n) for c, w, n in zip(row, widths, numeric, strict=True)).rstrip())
    return "\n".join(lines)


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.1f}%"


# ---------------------------------------------------------------------------------------------------
# Commands (one small function each; registered in COMMANDS below)
# ---------------------------------------------------------------------------------------------------


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text}")
    return value


def _iso_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _for_writing(ctx: Context, dry_run: bool) -> tuple[Database, Actor]:
    """The workspace and the signed-in operator of an import; a real run (not --dry-run) first takes the day's
    automatic backup."""
    database, actor = ctx.database(), ctx.actor()
    if not dry_run:
        _daily_backup(ctx, database)
    return database, actor


def _daily_backup(ctx: Context, database: Database) -> Path | None:
    """Before the first write of the day on a SQLite workspace: the day's automatic backup, as the window takes
    at start (desktop.services.backup.auto_backup, pruned to the backups_keep setting). The default workspace's
    go to backups/ in the data folder, like the window's; another file's to a backups/ folder beside it, so
    a scratch workspace never takes the day's backup of the real one. A team (PostgreSQL) workspace is backed
    up by its server (README, Team mode). A backup that fails is a warning: the write goes ahead."""
    from desktop.paths import default_db_path, resolve_db
    from desktop.services.backup import auto_backup
    from models.db import is_sqlite, sqlite_file

    if not is_sqlite(database.engine) or ctx.new_file is not None:  # a workspace made just now holds nothing yet
        return None
    file = sqlite_file(resolve_db(ctx.db_arg))
    if file is None:
        return None
    folder = None if file.resolve() == default_db_path().resolve() else file.resolve().parent / "backups"
    try:
        return auto_backup(database, folder=folder)
    except (QunDeskError, OSError) as exc:
        sys.stderr.write(f"qundesk: 提示 (warning): 今天的自动备份没有成功 (today's automatic backup failed): {exc}\n")
        return None


# -- demo -------------------------------------------------------------------------------------------

DEMO_LABELS = {
    "groups": "社群 groups",
    "members": "成员 members",
    "memberships": "入群记录 memberships",
    "checkins": "打卡 check-ins",
    "activities": "活动 activities",
    "attendance": "出勤 attendance",
    "points_entries": "积分流水 points entries",
}


def _args_demo(p: argparse.ArgumentParser) -> None:
    p.add_argument("--groups", type=_positive_int, default=5, metavar="N", help="社群数 / groups (default 5)")
    p.add_argument(
        "--members", type=_positive_int, default=600, metavar="N", help="不同的人数 / distinct people (default 600)"
    )
    p.add_argument(
        "--months", type=_positive_int, default=3, metavar="N", help="历史月数, 含本月 / months of history (default 3)"
    )
    p.add_argument("--seed", type=int, default=1, metavar="N", help="随机种子 / random seed (default 1)")
    p.add_argument(
        "--today",
        type=_iso_day,
        metavar="YYYY-MM-DD",
        help="历史截止的日期, 默认今天 / the day the history ends (default: today)",
    )


def _cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from dataclasses import asdict, is_dataclass

    from desktop.workspace import is_empty

    database = ctx.database()
    if not is_empty(database):
        raise InputError(
            f"工作区不是空的, 示例数据只能生成到新的或空的数据库: {database.url}"
            " (the workspace is not empty; use --db with a new file for a demo workspace)"
        )
    from desktop.demo import build_demo

    def progress(done: int, total: int) -> None:  # on a terminal only: stderr stays clean for scripts
        sys.stderr.write(f"\r生成中 (building) {done * 100 // max(total, 1):3d}%")
        sys.stderr.flush()

    show = sys.stderr.isatty()
    try:
        summary = build_demo(
            database.engine,
            groups=args.groups,
            members=args.members,
            months=args.months,
            seed=args.seed,
            today=args.today,
            progress=progress if show else None,
        )
    except ValueError as exc:  # the generator refuses a workspace that already has members, or bad sizes
        raise InputError(f"无法生成示例数据 (cannot build the demo workspace): {exc}") from exc
    finally:
        if show:
            sys.stderr.write("\r\033[K")
    values: dict[str, Any] = asdict(summary) if is_dataclass(summary) else dict(vars(summary))
    seconds = values.pop("seconds", None)
    print(f"示例工作区已生成 (demo workspace created): {database.url}")
    width = max(_width(label) for label in DEMO_LABELS.values())
    for key, value in values.items():
        print(f"{_pad(DEMO_LABELS.get(key, key), width)}  {value:>9}")
    if seconds is not None:
        print(f"{_pad('用时 time', width)}  {seconds:>8.1f}s")
    return EXIT_OK


# -- groups -----------------------------------------------------------------------------------------


def _args_groups(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    p.add_argument("--group", metavar="NAME", help="要设置的社群 (与 --camp-start / --camp-days 一起) / group to set")
    p.add_argument(
        "--camp-start",
        metavar="YYYY-MM-DD|none",
        help="开营日, 营期第1天 (none 清除) / the camp's first day, its day 1 (none clears it)",
    )
    p.add_argument(
        "--camp-days", metavar="N|none", help="营期天数, 如 21 (none 清除) / the camp's length in days (none clears it)"
    )


def _set_camp(ctx: Context, args: argparse.Namespace) -> None:
    """`groups --group NAME --camp-start DAY --camp-days N`: a camp's first day (开营日) and length, so that a chain
    titled 第15天 names its date (paste: day N = first day + N − 1); `none` clears either."""
    from sqlalchemy import select

    from desktop.services.group_profile import update_group_profile
    from desktop.services.groups import group_id_by_name
    from models import Group

    if not args.group:
        raise UsageError("--camp-start / --camp-days 需要 --group NAME (need --group NAME)")
    fields: dict[str, object] = {}
    for key, value in (("camp_start_day", args.camp_start), ("camp_days", args.camp_days)):
        if value is not None:
            fields[key] = None if value.strip().lower() in ("none", "") else value.strip()
    database, actor = ctx.database(), ctx.actor()
    with database.session() as session:
        group_id = group_id_by_name(session, args.group)
        update_group_profile(session, actor, group_id, **fields)
        session.commit()
        start, length = session.execute(select(Group.camp_start_day, Group.camp_days).where(Group.id == group_id)).one()
    said_start = start.isoformat() if start else "未设置 (not set)"
    said_days = f"{length} 天 (days)" if length else "未设置 (not set)"
    print(f"{args.group.strip()}: 开营日 camp start {said_start}; 营期 length {said_days}")


def _cmd_groups(ctx: Context, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from desktop.services.groups import list_groups
    from models import Group

    if args.camp_start is not None or args.camp_days is not None:
        _set_camp(ctx, args)
        return EXIT_OK
    if args.group:
        raise UsageError(
            "--group 只和 --camp-start / --camp-days 一起用 (--group goes with --camp-start or --camp-days)"
        )
    with ctx.database().session() as session:
        rows = list_groups(session)
        camps = {
            gid: (start, days)
            for gid, start, days in session.execute(select(Group.id, Group.camp_start_day, Group.camp_days))
        }
    rows.sort(key=lambda r: r.id)
    if args.json:
        ctx.print_json(
            [
                {
                    "id": r.id,
                    "name": r.name,
                    "kind": r.kind,
                    "members_total": r.members_total,
                    "members_active": r.members_active,
                    "capacity": r.capacity,
                    "capacity_used": round(r.capacity_used, 4),
                    "camp_start_day": camps[r.id][0].isoformat() if camps[r.id][0] else None,
                    "camp_days": camps[r.id][1],
                }
                for r in rows
            ]
        )
        return EXIT_OK
    if not rows:
        print("还没有社群 (no groups yet). 试试 / try: qundesk demo")
        return EXIT_OK
    print(
        format_table(
            ["社群 group", "类型 kind", "成员 members", "30天活跃 active", "容量 capacity", "已用 used"],
            [[r.name, r.kind, r.members_total, r.members_active, r.capacity, _percent(r.capacity_used)] for r in rows],
            [False, False, True, True, True, True],
        )
    )
    return EXIT_OK


# -- stats ------------------------------------------------------------------------------------------

STATS_LABELS = {
    "members_total": "成员总数 members",
    "members_active": "活跃成员 active members",
    "joined": "新入群 joined",
    "left": "退群 left",
    "checkins": "打卡次数 check-ins",
    "checkin_rate": "打卡率 check-in rate",
    "activities": "活动 activities",
    "attendance_rate": "出勤率 attendance rate",
    "points_awarded": "发放积分 points awarded",
    "dormant": "沉默成员 dormant",
    "stalled_onboarding": "入群停滞 stalled onboarding",
    "messages": "群聊发言 messages",
}
RATE_KEYS = frozenset({"checkin_rate", "attendance_rate"})


def _args_stats(p: argparse.ArgumentParser) -> None:
    p.add_argument("--group", required=True, metavar="NAME", help="社群名称 / group name")
    p.add_argument("--month", metavar="YYYY-MM", help="月份, 默认本月 / month (default: this month)")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")


def _month_arg_of(text: str) -> tuple[int, int]:
    """`--month YYYY-MM` of the month's figures (stats, texts, the monthly report): a malformed month exits 1; a
    month after this one is said on stderr — its figures are all 0 (docs/metrics.md), which a mistyped year
    (2027-11 for 2026-11) gave without a word."""
    from desktop.metrics import parse_month
    from models import clock

    try:
        year, month = parse_month(text)
    except ValueError as exc:
        raise InputError(f"--month: {exc}") from exc
    today = clock.today()
    if (year, month) > (today.year, today.month):
        sys.stderr.write(
            f"qundesk: 提示 (warning): --month {year:04d}-{month:02d} 还没到 (今天是 {today.isoformat()}), 各项数字都是 0 "
            f"(a future month: every figure is 0)\n"
        )
    return year, month


def _cmd_stats(ctx: Context, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from desktop.metrics import month_recorded, month_stats
    from desktop.services.groups import group_id_by_name
    from models import Group, clock
    from models.queries.participation import as_day

    today = clock.today()
    if args.month is None:
        year, month = today.year, today.month
    else:
        year, month = _month_arg_of(args.month)
    with ctx.database().session() as session:
        group_id = group_id_by_name(session, args.group)
        stats = month_stats(session, group_id, year, month, today)
        created, archived = session.execute(
            select(Group.created_at, Group.archived_at).where(Group.id == group_id)
        ).one()
        set_up_on = as_day(created)
        archived_on = as_day(archived) if archived is not None else None
        group_name = session.get(Group, group_id).name  # as stored: `--group 读书群２期` finds 读书群2期
    month_text = f"{year:04d}-{month:02d}"
    values: dict[str, int | float | None] = dict(stats.as_dict())
    if not month_recorded(set_up_on, year, month, stats):
        # a month before the group was set up here, nothing of it imported: its rates have no day (nor activity) to
        # be measured over — null / "–" as the workbook's "–", not a 0.0 nobody measured (docs/metrics.md)
        values["checkin_rate"] = values["attendance_rate"] = None
        if archived_on is not None and date(year, month, 1) > archived_on:  # or after it was archived (结营)
            sys.stderr.write(
                f"qundesk: 提示 (note): --month {month_text} 在社群归档 ({archived_on.isoformat()}) 之后, 打卡率和出勤率为 – "
                f"(the group was archived on {archived_on.isoformat()}, before this month: no check-in or attendance "
                "rate)\n"
            )
        else:
            sys.stderr.write(
                f"qundesk: 提示 (note): --month {month_text} 在社群建立 ({set_up_on.isoformat()}) 之前, 打卡率和出勤率为 – "
                f"(the month is before the group was set up here on {set_up_on.isoformat()}: no check-in or attendance "
                "rate)\n"
            )
    if not stats.attendance_expected:
        # no place to count (no activity, or none of its attendance taken yet): "–" / null, as the Dashboard and the
        # workbook's 概览 say, not a 0.0% that reads as nobody coming (docs/metrics.md `attendance_rate`)
        values["attendance_rate"] = None
    if args.json:
        ctx.print_json({"group": group_name, "month": month_text, **values})
        return EXIT_OK
    print(f"{group_name}  {month_text}")
    print(
        format_table(
            ["指标 metric", "值 value"],
            [
                [STATS_LABELS.get(k, k), ("–" if v is None else _percent(v)) if k in RATE_KEYS else v]
                for k, v in values.items()
            ],
            [False, True],
        )
    )
    return EXIT_OK


# -- import -----------------------------------------------------------------------------------------

IMPORT_LABELS = (("added", "新增 added"), ("updated", "更新 updated"), ("unchanged", "不变 unchanged"))


def _args_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help=".xlsx 或 .csv 文件 / an .xlsx or .csv file")
    p.add_argument("--group", required=True, metavar="NAME", help="社群名称, 不存在时创建 / group (created if missing)")
    p.add_argument("--dry-run", action="store_true", help="只显示计划, 不写入 / show the plan, write nothing")
    p.add_argument(
        "--skip-problems",
        action="store_true",
        help="跳过有问题的行, 导入其余各行 (每个跳过的行都会列出) / leave out the rows with problems and import "
        "the rest (each skipped row is listed)",
    )
    p.add_argument(
        "--sheet",
        metavar="NAME",
        help="读取这个工作表 (默认: 有成员表的那个) / the sheet to read (default: the one with the member table)",
    )


def _args_import_undo(p: argparse.ArgumentParser) -> None:
    p.add_argument("--group", required=True, metavar="NAME", help="社群名称 / the group whose last import to undo")
    p.add_argument(
        "--dry-run", action="store_true", help="只显示会撤销什么, 不写入 / show what the undo would do, write nothing"
    )


def _cmd_import_undo(ctx: Context, args: argparse.Namespace) -> int:
    """`import undo --group NAME`: the group's last import (roster, applications, check-ins) taken back in ONE
    transaction through import_undo.undo_last_import (the window's "撤销这次导入"): one line for what was undone, one
    per membership and person removed, one per thing kept with why. No import to undo: exit 1; an assistant and
    another operator's import: exit 4; nothing written either way."""
    from desktop.services.groups import group_id_by_name
    from desktop.services.import_undo import undo_last_import

    database, actor = _for_writing(ctx, args.dry_run)
    said = _as_shown_to(actor)
    group = args.group.strip()
    with database.session() as session:
        group_id = group_id_by_name(session, args.group)
        result = undo_last_import(session, actor, group_id)
        if args.dry_run:
            session.rollback()
        else:
            session.commit()
    at = result.at.strftime("%Y-%m-%d %H:%M")
    verb = "将撤销 would undo" if args.dry_run else "已撤销 undone"
    print(said(f"{group}: {verb} {result.file} ({result.kind}, {at}, {result.by})"))  # local time, as every stored time
    counts = [
        ("打卡 check-ins", result.checkins),
        ("请假 leave", result.leaves),
        ("入群步骤 steps", result.steps),
        ("标签 tags", result.tags),
        ("改回的值 values restored", result.values),
        ("移出本群 memberships removed", len(result.removed_memberships)),
        ("删除的人员 people removed", len(result.removed_people)),
        ("保留 kept", len(result.kept)),
    ]
    print(", ".join(f"{label} {n}" for label, n in counts))
    for name in result.removed_memberships:
        print(said(f"移出 removed: {name}"))
    for line in result.kept:
        print(said(f"保留 kept: {line}"))
    if args.dry_run:
        print("(--dry-run: 未写入 nothing written)")
    return 0


def _as_shown_to(actor) -> Callable[[str], str]:
    """A message as `actor` may read it: for an operator who may not see full phone numbers (an assistant) a phone
    in it — in a member's stored name or group nickname (王五 13800138002), a quoted cell — is masked (138****), as
    in their exports, `members` and the audit log."""
    from desktop.phones import mask_phones_in
    from desktop.services.operators import allowed

    if allowed(actor, "export_unmasked"):
        return lambda text: text
    return lambda text: mask_phones_in(text) or text


def _import(ctx: Context, args: argparse.Namespace, kind: str) -> int:
    from desktop.services.imports import ImportFailed, describe_row, row_as_shown, run_import, unmapped_columns

    database, actor = _for_writing(ctx, args.dry_run)
    show = sys.stderr.isatty()
    # what the plan says of people already on the roster (an update's "手机: 18451173082 → …") is masked for an
    # operator who may not see full phone numbers (an assistant), as their exports and the audit log are
    said = _as_shown_to(actor)

    class _TerminalProgress:  # on a terminal only: stderr stays clean for scripts
        def step(self, done: int, total: int) -> None:
            sys.stderr.write(f"\r导入中 (importing) {done * 100 // max(total, 1):3d}%")
            sys.stderr.flush()

    try:
        plan, summary, created = run_import(
            database,
            actor,
            args.file,
            args.group,
            kind,
            args.dry_run,
            _TerminalProgress() if show else None,
            sheet=getattr(args, "sheet", None),
            skip_problems=args.skip_problems,
        )
    except ImportFailed as exc:
        if show:
            sys.stderr.write("\r\033[K")
            show = False
        for problem in exc.problems:
            sys.stderr.write(f"qundesk: {said(str(problem))}\n")
        for warning in exc.plan.warnings:
            sys.stderr.write(f"qundesk: 提示 (warning): {said(str(warning))}\n")
        if exc.plan.other_sheets:
            sys.stderr.write(f"qundesk: 提示 (note): {exc.plan.file} {exc.plan.other_sheets_note}\n")
        if exc.plan.hidden_columns:
            sys.stderr.write(f"qundesk: 提示 (note): {exc.plan.file} {exc.plan.hidden_columns_note}\n")
        if exc.plan.other_roster:
            sys.stderr.write(f"qundesk: 提示 (note): {exc.plan.file} {exc.plan.other_roster_note}\n")
        count = exc.plan.problem_count or len(exc.problems)
        listed = (
            ""
            if count == len(exc.problems)
            else f" (前 {len(exc.problems)} 个已列出 / first {len(exc.problems)} listed)"
        )
        others = exc.plan.added + exc.plan.updated + exc.plan.unchanged
        hint = ("", "")
        if not exc.plan.file_problems and exc.plan.problem and others and not args.skip_problems:
            # only rows are wrong (one bad phone in a 300-row survey export): say how to bring in the rest, by choice
            hint = (
                f"; 可改好后重新导入, 或加 --skip-problems 跳过这 {exc.plan.problem} 行、导入其余 {others} 行",
                f"; fix and import again, or add --skip-problems to leave {exc.plan.problem} row(s) out and import the"
                f" other {others}",
            )
        sys.stderr.write(
            f"qundesk: {exc.file}: {count} 个问题{listed}, 未导入任何内容{hint[0]} ({count} problem(s); nothing was"
            f" imported{hint[1]})\n"
        )
        return EXIT_BAD_INPUT
    finally:
        if show:
            sys.stderr.write("\r\033[K")
    for warning in plan.warnings:  # warnings do not stop the import: stderr, exit 0
        sys.stderr.write(f"qundesk: 提示 (warning): {said(str(warning))}\n")
    if plan.other_sheets:  # a workbook of several member tables: the others are named, not passed over
        sys.stderr.write(f"qundesk: 提示 (note): {plan.file} {plan.other_sheets_note}\n")
    if plan.hidden_columns:  # imported columns the sheet hides: the user does not see them in Excel
        sys.stderr.write(f"qundesk: 提示 (note): {plan.file} {plan.hidden_columns_note}\n")
    if plan.other_roster:  # another group's roster: its dates are not read (the preview said nothing of it)
        sys.stderr.write(f"qundesk: 提示 (note): {plan.file} {plan.other_roster_note}\n")
    if plan.not_in_file_count:  # a row deleted in Excel removes nobody: said, with the first names
        sys.stderr.write(f"qundesk: 提示 (note): {plan.file} {said(plan.not_in_file_note)}\n")
    if args.skip_problems:  # each row left out, named, and how many in all (a huge file lists the first ones)
        for problem in plan.file_problems:
            sys.stderr.write(f"qundesk: 已跳过 (skipped): {said(str(problem))}\n")
        for row in plan.rows:  # one line per row left out, its problems joined
            if row.problems:
                where = f"{plan.file} 第{row.row}行 {row.name}".rstrip()
                joined = "; ".join(f"{p.column} 列: {p.message}" if p.column else p.message for p in row.problems)
                sys.stderr.write(f"qundesk: 已跳过 (skipped): {said(f'{where}: {joined}')}\n")
    group = args.group.strip()
    if created:
        if args.dry_run:
            print(f"社群「{group}」不存在, 导入时将创建 (group will be created)")
        else:
            print(f"社群「{group}」不存在, 已创建 (group created)")
    if args.dry_run:
        for skipped in plan.skipped:
            label = {
                "title": "标题 title",
                "footer": "表尾 footer",
                "header": "重复的表头 repeated header",
                "note": "表中的说明或分段行 note or section line",
                "blank": "空行 blank",
                "example": "示例 example",
                "order": ORDER_SKIP_LABEL,
                "repeat_order": REPEAT_ORDER_LABEL,
                "other_group": OTHER_GROUP_SKIP_LABEL,
                "staff": STAFF_SKIP_LABEL,
                "no_applicant": NO_APPLICANT_LABEL,
            }.get(skipped.reason, skipped.reason)
            print(f"第{skipped.row}行  跳过 skipped ({label})  {skipped.text or ''}".rstrip())
        for row in plan.rows:
            print(describe_row(row_as_shown(row, actor)))
        if plan.fill_count:
            print(f"合并单元格已向下填充 {plan.fill_count} 格 (merged cells filled down: {plan.fill_count})")
    else:  # a refunded or cancelled order is a person left out: named on every run, not only a dry one
        for skipped in plan.skipped:
            if skipped.reason in ("order", "repeat_order", "other_group", "staff", "no_applicant"):
                label = {
                    "order": ORDER_SKIP_LABEL,
                    "repeat_order": REPEAT_ORDER_LABEL,
                    "staff": STAFF_SKIP_LABEL,
                    "no_applicant": NO_APPLICANT_LABEL,
                }.get(skipped.reason, OTHER_GROUP_SKIP_LABEL)
                print(f"第{skipped.row}行  跳过 skipped ({label})  {skipped.text or ''}".rstrip())
    unlisted = sum(n for _reason, n in plan.left_out) - sum(1 for k in plan.skipped if k.reason in dict(plan.left_out))
    if unlisted > 0:  # the list names the first rows only: the rest are counted, never left unsaid
        print(f"另有 {unlisted} 行同样跳过, 未逐行列出 ({unlisted} more rows skipped the same way, not listed)")
    sheet = f" [{plan.sheet}]" if plan.sheet else ""
    print(f"{plan.file}{sheet} → {group}")
    if kind == "roster":  # a column no field takes is named, never dropped unseen (the dialog shows it unmapped)
        left_out = unmapped_columns(plan)
        if left_out:
            shown = ", ".join(left_out[:20]) + (
                f" … (共 {len(left_out)} 列 / {len(left_out)} in all)" if len(left_out) > 20 else ""
            )
            print(f"未导入的列 (columns not imported): {shown}")
    counts = {"added": plan.added, "updated": plan.updated, "unchanged": plan.unchanged}
    if summary is not None:
        counts = {"added": summary.added, "updated": summary.updated, "unchanged": summary.unchanged}
    width = max(_width(label) for _key, label in IMPORT_LABELS)
    for key, label in IMPORT_LABELS:
        print(f"{_pad(label, width)}  {counts[key]:>7}")
    if args.skip_problems and plan.problem:
        print(f"{_pad('跳过 skipped', width)}  {plan.problem:>7}")
    if summary is not None and summary.unlinked:
        print(f"{summary.unlinked} 行的推荐人在跳过的行中, 未设置推荐人 (referrer left unset: it was a skipped row)")
    if args.dry_run:
        print("试运行, 未写入任何内容 (dry run: nothing written)")
    return EXIT_OK


ORDER_SKIP_LABEL = "已退款/取消/未通过的订单或报名, 不是成员 refunded, cancelled or declined: not a member"

REPEAT_ORDER_LABEL = "同一人的另一笔订单 another order of the same person"

OTHER_GROUP_SKIP_LABEL = "另一个群的成员, 未导入 a member of another group in the file: not imported"

STAFF_SKIP_LABEL = "企业成员 (员工), 不是群成员, 未导入 the organiser's staff, not a member: not imported"

NO_APPLICANT_LABEL = "没有填姓名、微信号或手机, 无人可加 no name, WeChat ID or phone answered: nobody to add"


def _cmd_import_roster(ctx: Context, args: argparse.Namespace) -> int:
    return _import(ctx, args, "roster")


def _cmd_import_applications(ctx: Context, args: argparse.Namespace) -> int:
    return _import(ctx, args, "applications")


# -- check-ins from a table -------------------------------------------------------------------------


def _month_arg(text: str) -> str:
    """--month YYYY-MM, checked while parsing (a malformed month is a usage error, exit 2)."""
    from desktop.services.checkin_import import parse_month

    try:
        parse_month(text)
    except QunDeskError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _args_import_checkins(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file",
        metavar="FILE",
        help="打卡导出或打卡表 (.xlsx/.csv) / a check-in export or a 打卡表 (one row per person, one column per day)",
    )
    p.add_argument(
        "--group",
        required=True,
        metavar="NAME",
        help="社群名称, 必须已存在 / the group (must exist: check-ins need members)",
    )
    p.add_argument(
        "--month",
        type=_month_arg,
        metavar="YYYY-MM",
        help="表头只有日号 (1 2 3…) 或没有年份时的月份 / the month of day columns written as 1 2 3… or without a year",
    )
    p.add_argument("--dry-run", action="store_true", help="只显示计划, 不写入 / show the plan, write nothing")
    p.add_argument(
        "--skip-problems",
        action="store_true",
        help="跳过有问题的行, 导入其余各行 (每个跳过的行都会列出) / leave out the rows with problems and import "
        "the rest (each skipped row is listed)",
    )
    p.add_argument("--sheet", metavar="NAME", help="读取这个工作表 / the sheet to read")
    p.add_argument(
        "--other-group",
        action="store_true",
        help="标题、工作表名或群名称列写的是另一个群时仍导入到 --group / import into --group even though the title,"
        " the sheet's name or the group column names another group",
    )


def _cmd_import_checkins(ctx: Context, args: argparse.Namespace) -> int:
    """Check-ins from a check-in export or a 打卡表 (PRODUCT §3.6): certain matches only, all or nothing."""
    from desktop.services.checkin_import import HIDDEN_ROW, CheckinImportFailed, describe_outcome, run_checkin_import

    database, actor = _for_writing(ctx, args.dry_run)
    said = _as_shown_to(actor)  # a row's candidates by their stored names: a phone in one masked for an assistant
    try:
        plan, summary = run_checkin_import(
            database,
            actor,
            args.file,
            args.group,
            month=args.month,
            dry_run=args.dry_run,
            skip_problems=args.skip_problems,
            sheet=args.sheet,
            other_group=args.other_group,
        )
    except CheckinImportFailed as exc:
        for problem in exc.problems:
            sys.stderr.write(said(f"qundesk: {problem}") + "\n")
        if exc.plan.other_sheets:
            sys.stderr.write(said(f"qundesk: 提示 (note): {exc.plan.file} {exc.plan.other_sheets_note}") + "\n")
        count = len(exc.problems)
        sys.stderr.write(
            f"qundesk: {exc.file}: {count} 个问题, 未导入任何内容 ({count} problem(s); nothing was imported)\n"
        )
        return EXIT_BAD_INPUT
    if args.skip_problems:
        for row in plan.rows:
            if row.outcome == "problem":
                sys.stderr.write(said(f"qundesk: 已跳过 (skipped): {plan.file} {describe_outcome(row)}") + "\n")
    if not args.dry_run:  # a row with nobody matched and nothing to record: said, not silently passed over
        for row in plan.rows:
            if row.outcome == "nothing" and row.name and (row.member is None or not row.note.startswith("没有打卡")):
                sys.stderr.write(said(f"qundesk: 提示 (note): {plan.file} {describe_outcome(row)}") + "\n")
    for row in plan.rows:  # a row the sheet hides (a filter): read like the others, and said so, as a roster's is
        if row.hidden:
            sys.stderr.write(said(f"qundesk: 提示 (warning): {plan.file} 第{row.row}行 {HIDDEN_ROW}") + "\n")
    for row in plan.rows:  # a logged row whose time the community's zone put on another day than written
        if row.outcome == "planned" and row.note:
            sys.stderr.write(said(f"qundesk: 提示 (note): {plan.file} 第{row.row}行 {row.name}: {row.note}") + "\n")
    if plan.other_sheets:  # one sheet a week: the others are named, not passed over
        sys.stderr.write(said(f"qundesk: 提示 (note): {plan.file} {plan.other_sheets_note}") + "\n")
    if plan.hidden_columns:  # day columns the sheet hides (last week's): read, and said once
        sys.stderr.write(said(f"qundesk: 提示 (note): {plan.file} {plan.hidden_columns_note}") + "\n")
    sheet = f" [{plan.sheet}]" if plan.sheet else ""
    layout = "打卡表 (one column per day)" if plan.layout == "matrix" else "打卡导出 (one row per check-in)"
    print(f"{plan.file}{sheet} → {plan.group}: {layout}")
    if plan.camp_start is not None:  # 第1天 … 第21天 dated by the camp's first day: which day 1 is, said
        print(f"营期 camp: 第1天 = {plan.camp_start} (开营日, day 1 of the camp)")
    elif plan.month is not None and plan.month_from:
        print(f"月份 month: {plan.month[0]}-{plan.month[1]:02d} ({plan.month_from})")
    if plan.days and not args.dry_run:  # the year of every day is visible (a date header's year may be hidden)
        first, last = min(d for _c, d in plan.days), max(d for _c, d in plan.days)
        print(f"日期 days: {first}" + (f" … {last}" if last != first else ""))
    if args.dry_run:
        if plan.layout == "matrix":
            print("日期 days read: " + ", ".join(f"{c}={d}" for c, d in plan.days))
        for row_no, reason, text in plan.skipped_rows:
            print(f"第{row_no}行  跳过 skipped ({reason})  {text}".rstrip())
        for column, why in plan.skipped_columns:
            print(f"{column} 列  跳过 skipped  {why}")
        for row in plan.rows:
            print(said(describe_outcome(row)))
    if summary is not None:
        counts = [
            ("打卡 logged", summary.logged),
            ("已有 already there", summary.already),
            ("请假天数 leave days", summary.leave_days),
            ("请假已有 leave already recorded", summary.leave_already),
        ]
        if summary.late:
            counts.append(("其中补卡 of which late (补卡)", summary.late))
        if summary.points:
            counts.append(("积分 points", summary.points))
        if summary.left_out:
            counts.append(("跳过的行 rows left out", summary.left_out))
    else:
        counts = [
            ("将记打卡 to log", plan.count("checkins")),
            ("已有 already there", plan.count("already")),
            ("将记请假天数 leave days to record", plan.count("leave")),
            ("请假已有 leave already recorded", plan.count("leave_already")),
        ]
        if plan.problem_rows:
            counts.append(("跳过的行 rows left out", plan.problem_rows))
    nothing = sum(1 for r in plan.rows if r.outcome == "nothing")
    skipped = sum(1 for r in plan.rows if r.outcome == "skipped")
    if nothing:
        counts.append(("无打卡的行 rows without a check-in", nothing))
    if skipped:
        counts.append(("跳过 (合计/星期/空行) rows skipped (totals, weekdays, blank)", skipped))
    width = max(_width(label) for label, _n in counts)
    for label, n in counts:
        print(f"{_pad(label, width)}  {n:>7}")
    if args.dry_run:
        print("试运行, 未写入任何内容 (dry run: nothing written)")
    return EXIT_OK


# -- chat history ----------------------------------------------------------------------------------


def _args_import_chat(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file",
        metavar="FILE",
        help="聊天记录导出 (留痕, PyWxDump, WeFlow, ChatLab, QQ, WhatsApp) / a chat-history export",
    )
    p.add_argument("--group", required=True, metavar="NAME", help="社群名称, 不存在时创建 / group (created if missing)")
    p.add_argument("--dry-run", action="store_true", help="只显示计划, 不写入 / show the plan, write nothing")
    p.add_argument(
        "--add-unknown",
        action="store_true",
        help="把名册里没有的发言人加为成员 / add senders not on the roster as members",
    )
    p.add_argument(
        "--me",
        metavar="NAME",
        help="导出这份聊天记录的成员 (通知里的“你”) / the member who exported the chat (你 in notices)",
    )
    p.add_argument(
        "--other-group",
        action="store_true",
        help="文件写的是另一个群名时仍导入到 --group / import into --group even though the export names another group",
    )
    p.add_argument(
        "--record-leave",
        action="store_true",
        help="把确定的请假消息记为请假 (本人发的, 未提到别人) / record the certain 请假 messages as leave",
    )


def _cmd_import_chat(ctx: Context, args: argparse.Namespace) -> int:
    """Messages per member and day, check-ins, joins and removals from a chat export (PRODUCT §3.8, §4)."""
    from desktop.services.chat_import import run_chat_import
    from desktop.services.paste import Candidate

    database, actor = _for_writing(ctx, args.dry_run)
    plan, summary, created = run_chat_import(
        database,
        actor,
        args.file,
        args.group,
        dry_run=args.dry_run,
        add_unknown=args.add_unknown,
        exporter=args.me,
        other_group=args.other_group,
        record_leave=args.record_leave,
    )
    name = Path(args.file).name
    said = _as_shown_to(actor)  # senders and members by their names: a phone in one masked for an assistant
    if plan.group_mismatch and plan.private_with is not None and not plan.export_group:
        print(
            said(
                f"{name}: 只有导出者和「{plan.private_with}」两人, 像是私聊记录 (only the exporter and"
                f" {plan.private_with} speak in it: it looks like a private chat with {plan.private_with}"
                + (": imported anyway, --other-group)" if not args.dry_run else "; --other-group imports it anyway)")
            ),
            file=sys.stderr,
        )
    elif plan.group_mismatch and plan.private_pair is not None and not plan.export_group:
        first, second = plan.private_pair
        print(
            said(
                f"{name}: 只有「{first}」和「{second}」两人发言, 没有一条群通知, 像是私聊记录 (only {first} and {second}"
                " speak in it, with no group notice: it looks like a private chat"
                + (": imported anyway, --other-group)" if not args.dry_run else "; --other-group imports it anyway)")
            ),
            file=sys.stderr,
        )
    elif plan.group_mismatch and not plan.export_group:  # it names no group: nearly all its senders are strangers
        known, strangers = plan.mostly_strangers or (0, 0)
        print(
            f"{name}: {known + strangers} 位发言人中 {strangers} 位不在「{args.group.strip()}」的名册里, 可能是别的群的"
            f"聊天记录, 或名册还不认识他们的群昵称 ({strangers} of its {known + strangers} senders are not on the roster:"
            " perhaps another group's chat, or the roster does not know their chat names yet"
            + (": imported anyway, --other-group)" if not args.dry_run else "; --other-group imports it anyway)"),
            file=sys.stderr,
        )
    elif plan.group_mismatch:
        print(
            said(
                f"{name}: 文件写的群是「{plan.export_group}」, 不是「{args.group.strip()}」"
                f" (the export names the group {plan.export_group!r}"
                + (": imported anyway, --other-group)" if not args.dry_run else "; --other-group imports it anyway)")
            ),
            file=sys.stderr,
        )
    for info in plan.unknown:
        same = (
            f", 与成员 {info.candidates[0][1]} 同名但ID不同 (same name as member {info.candidates[0][1]}, another ID)"
            if info.how == "other_id" and info.candidates
            else ""
        )
        if info.is_exporter:  # PyWxDump's 我: the exporting user, never added
            print(
                said(
                    f"{name}: 导出者自己的消息 the exporting user's own messages (我): {info.messages} 条消息, 未计入"
                    " (messages not counted; --me NAME says who exported the chat)"
                ),
                file=sys.stderr,
            )
            continue
        print(
            # the sender's ID as the export wrote it (a QQ number, a wxid) stays whole: it is no phone
            said(f"{name}: 未知发言人 unknown sender {info.shown}")
            + (f" ({info.shown_id})" if info.shown_id and info.shown_id != info.shown else "")
            + said(
                same
                + _looks_like(info)
                + f": {info.messages} 条消息, 未计入 (messages not counted; --add-unknown adds them)"
            ),
            file=sys.stderr,
        )
    for info in plan.senders:  # added as new people: one that looks like a member (or someone deleted) is said
        if info.status in ("new", "known") and info.how == "decision" and info.looks_like:
            print(
                said(
                    f"{name}: 新增成员 added {info.shown}{_looks_like(info)}; 若是同一人请在名册里合并"
                    " (merge them in the roster if they are one)"
                ),
                file=sys.stderr,
            )
    if plan.unattributable:  # 张伟、张伟 names nobody one can tell apart: their WeChat IDs do
        with database.session() as session:
            namesakes = _wechat_ids_of_namesakes(
                session, [Candidate(m, n, "name") for info in plan.unattributable for m, n in info.candidates]
            )
    for info in plan.unattributable:
        who = "、".join(  # a WeChat ID stays whole: it is what tells the namesakes apart
            said(n) + (f" (微信号 WeChat ID {namesakes[m]})" if m in namesakes else "") for m, n in info.candidates
        )
        print(
            said(f"{name}: 无法区分 unattributable {info.shown} → ")
            + f"{who}: {info.messages} 条消息, 未计入 (not counted)",
            file=sys.stderr,
        )
    for day, entry in plan.chain_unmatched:
        print(said(f"{name}: {day} 接龙 chain entry {entry}: 不确定或不在名册, 未记打卡 (not logged)"), file=sys.stderr)
    for day, who, words, named in plan.camp_day_disagrees:  # 第12天打卡 posted on another day: its stamp's day wins
        print(
            said(f"{name}: {day} {who}: ") + f"写的是 {words}, 按开营日算是 {named}; 按发消息的日子 {day} 记录"
            f" (says {words}, which is {named} counted from the camp's first day: logged for the day it was posted)",
            file=sys.stderr,
        )
    for text in plan.unresolved_events:
        print(said(f"{name}: {text}"), file=sys.stderr)
    _report_leave_requests(name, args, plan.leave_requests, said)
    group = args.group.strip()
    if created:
        print(
            f"社群「{group}」不存在, {'导入时将创建' if args.dry_run else '已创建'} (group {'will be ' if args.dry_run else ''}created)"
        )
    span = f"{plan.first_at:%Y-%m-%d} – {plan.last_at:%Y-%m-%d}" if plan.first_at and plan.last_at else "—"
    zone = f" (时间按 {plan.zone} 时区读取 / times read in {plan.zone})" if plan.zone else ""
    if plan.zone_differs:
        here, community = plan.zone_differs
        print(
            f"qundesk: 提示 (warning): {name} 的时间按导出电脑写的读取; 本机时区是 {here}, 社群时区是 {community}:"
            f" 若在本机导出, 日期可能不对 (设置 → 社群时区)"
            f" (times are as the exporting computer wrote them; this computer is set to {here}, the community to"
            f" {community}: if it was exported here, check its days)",
            file=sys.stderr,
        )
    print(f"{name} ({plan.format_label}) → {group}: {span}{zone}")
    lines = [
        ("消息 messages", summary.messages),
        ("发言成员 members who spoke", summary.memberships_with_messages),
        ("打卡 check-ins", summary.checkins),
        ("入群 joins", summary.joins),
        ("移出 removals", summary.removals),
        ("未知发言人 unknown senders", len(plan.unknown)),
        ("已导入过的消息 already imported", plan.covered_rows),
    ]
    # every row ends somewhere the user sees: the notices (joins, recalls, pats …) and the rows of senders an
    # earlier import was told to ignore are no messages of anyone
    notices = plan.system_rows - plan.covered_notices
    if notices:
        lines.append(("系统通知 notices (not messages)", notices))
    ignored = sum(s.messages for s in plan.senders if s.status == "ignored")
    if ignored:
        lines.append(("已忽略的发言人的消息 messages of ignored senders", ignored))
    if summary.added_members:
        lines.append(("新增成员 members added", summary.added_members))
    if summary.leavings:
        lines.append(("其中退群 of which left on their own", summary.leavings))
    if summary.leave_requests:
        lines.append(("请假消息 leave messages", summary.leave_requests))
        lines.append(("记为请假 leaves recorded", summary.leaves_recorded))
    if summary.removals_not_allowed:
        lines.append(("未执行的移出 removals not allowed (assistant)", summary.removals_not_allowed))
    width = max(_width(label) for label, _n in lines)
    for label, n in lines:
        print(f"{_pad(label, width)}  {n:>7}")
    if args.dry_run:
        print("试运行, 未写入任何内容 (dry run: nothing written)")
    return EXIT_OK


def _report_leave_requests(name: str, args: argparse.Namespace, requests, said: Callable[[str], str]) -> None:
    """Each 请假 message of the export on stderr: who, the days it says (from the message's own day), and what became
    of it — recorded, to record (with the exact `qundesk leave add`, or --record-leave), or why not
    (desktop/services/chat_leave.py)."""
    from desktop.services.chat_leave import REASONS

    group = args.group.strip()
    for req in requests:
        days = f"{req.first}" if req.first == req.last else f"{req.first} 至 {req.last}"
        days_en = f"{req.first}" if req.first == req.last else f"{req.first} to {req.last}"
        head = f"{name}: {req.at:%Y-%m-%d %H:%M} {req.who}「{req.text[:40]}」"
        if req.kind == "taken_back":
            print(said(f"{head}: 取消请假 {req.at.date()} (takes a leave back)"), file=sys.stderr)
            continue
        if req.not_certain in ("about", "question"):  # no leave of anyone: said as what it is, with no days
            zh, en = REASONS[req.not_certain]
            print(said(f"{head}: {zh} ({en})"), file=sys.stderr)
            continue
        if req.written:
            what = f"已记为请假 {days} (leave recorded: {days_en})"
        elif not req.not_certain:
            what = (
                f"请假 {days}, 未记录; 加 --record-leave 记录 (on leave {days_en}: not recorded; --record-leave records it)"
                if args.dry_run or not args.record_leave
                else f"请假 {days} (on leave {days_en})"
            )
        else:
            zh, en = REASONS[req.not_certain]
            if req.not_certain == "named":
                who = "、".join(req.named)
                zh, en = f"说的是 {who} 的请假, 请确认后记录", f"names {who}: whose leave, a person confirms"
            if req.not_certain == "refused":
                zh, en = f"未记录: {req.refusal}", "not recorded"
            what = f"请假 {days}, {zh} (on leave {days_en}: {en})"
        print(said(f"{head}: {what}"), file=sys.stderr)
        if not req.written and req.not_certain in ("", "long") and req.membership_id is not None:
            to = ["--to", req.last.isoformat()] if req.last != req.first else []
            words = [
                "qundesk",
                "leave",
                "add",
                "--group",
                group,
                "--member",
                req.who,
                "--from",
                req.first.isoformat(),
                *to,
            ]
            print(said("    → " + " ".join(_shell_word(w) for w in words)), file=sys.stderr)


def _shell_word(word: str) -> str:
    """A word of a command to copy: letters (Chinese ones too) as they are, anything else quoted."""
    import re
    import shlex

    return word if re.fullmatch(r"[\w.@+:/-]+", word) else shlex.quote(word)


# -- paste-ready texts ------------------------------------------------------------------------------

TEXT_SEPARATOR = "----"  # between the messages of a text split at the length limit


def _args_text(kind: str) -> Callable[[argparse.ArgumentParser], None]:
    def add(p: argparse.ArgumentParser) -> None:
        p.add_argument("--group", required=True, metavar="NAME", help="社群名称 / group name")
        if kind == "reminder":
            p.add_argument("--date", metavar="YYYY-MM-DD", help="日期, 默认今天 / the day (default today)")
        if kind == "welcome":
            p.add_argument("--member", required=True, metavar="NAME", help="新成员的名字或群昵称 / the newcomer's name")
        if kind in ("leaderboard", "summary"):
            p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份 / month")
        if kind == "leaderboard":
            p.add_argument(
                "--top",
                type=_top_n,
                default=10,
                metavar="N",
                help="前 N 名 (1-100), 默认 10 / top N (1-100, default 10)",
            )
        p.add_argument("--json", action="store_true", help="输出 JSON (分段) / print JSON with the messages")

    return add


def _top_n(text: str) -> int:
    """--top N of the leaderboard: 1 to TOP_MAX (100). `--top 0` printed the first place and `--top 500` the first
    100 without a word; a usage error now, as argparse's own."""
    from desktop.services.texts import TOP_MAX

    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是整数 (not a whole number): {text!r}") from None
    if not 1 <= n <= TOP_MAX:
        raise argparse.ArgumentTypeError(f"应在 1 到 {TOP_MAX} 之间 (must be 1 to {TOP_MAX}): {n}")
    return n


def _cmd_text(kind: str) -> Callable[[Context, argparse.Namespace], int]:
    def run(ctx: Context, args: argparse.Namespace) -> int:
        """A paste-ready text (PRODUCT §3.9) on stdout; a text split into several messages has them separated
        by a line `----`; nothing to post: the reason on stderr, nothing on stdout, exit 0."""
        from desktop.services import texts
        from desktop.services.groups import group_id_by_name

        with ctx.database().session() as session:
            group_id = group_id_by_name(session, args.group)
            if kind == "reminder":
                day = _parse_day(args.date) if args.date else None
                result = texts.reminder_text(session, group_id, day)
            elif kind == "welcome":
                result = texts.welcome_text(session, texts.membership_for(session, group_id, args.member))
            elif kind == "stalled":
                result = texts.stalled_text(session, group_id)
            else:
                year, month = _month_arg_of(args.month)
                if kind == "leaderboard":
                    result = texts.leaderboard_text(session, group_id, year, month, top=args.top)
                else:
                    result = texts.summary_text(session, group_id, year, month)
        if args.json:
            ctx.print_json(
                {
                    "kind": result.kind,
                    "parts": list(result.parts),
                    "people": result.people,
                    "empty": result.empty_reason,
                    "notes": list(result.notes),
                }
            )
            return EXIT_OK
        if not result.parts:
            print(result.empty_reason or "", file=sys.stderr)
            return EXIT_OK
        for note in result.notes:  # for the organiser, not part of the text: stdout stays what is pasted
            print(note, file=sys.stderr)
        sys.stdout.write(f"\n{TEXT_SEPARATOR}\n".join(result.parts) + "\n")
        return EXIT_OK

    return run


def _args_members(p: argparse.ArgumentParser) -> None:
    p.add_argument("--group", required=True, metavar="NAME", help="社群名称 / group name")
    p.add_argument(
        "--find",
        metavar="TEXT",
        help="只列出搜索匹配的成员 (姓名、昵称、群昵称、微信号、手机尾号、拼音、近30天的曾用名、合并进来的记录的名字) / only"
        " the members the roster search finds (name, nickname, group nickname, WeChat ID, phone tail, pinyin, a name of"
        " the last 30 days, the name of a record merged into theirs)",
    )
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")


def _cmd_members(ctx: Context, args: argparse.Namespace) -> int:
    """Every membership of the group with status, dates, referrer, last participation and recent messages."""
    from desktop.services.chat_queries import list_members, listing_json
    from desktop.services.groups import group_id_by_name
    from desktop.services.operators import allowed
    from models import clock

    actor = ctx.actor()
    with ctx.database().session() as session:
        group_id = group_id_by_name(session, args.group)
        # an assistant's listing: a phone written into a name or nickname is masked (as their exports mask it)
        masked = not allowed(actor, "export_unmasked")
        rows = list_members(session, group_id, clock.today(), masked=masked)
        formerly: dict[int, str] = {}
        if args.find is not None:
            # the roster search of the window, with its rules: an operator who reads phones masked finds no one by a
            # digit the masks hide; a name carried until a rename of the last 30 days finds them, and is said
            from desktop.phones import mask_phones_in
            from desktop.services.roster import RosterQuery, roster_matches

            query = RosterQuery(group_id=group_id, text=args.find.strip(), phones_hidden=masked)
            found = roster_matches(session, query) if query.text else None
            keep = set(found.membership_ids) if found else set()
            rows = [r for r in rows if r.membership_id in keep]
            formerly = {
                k: (mask_phones_in(v) if masked else v) or "" for k, v in (found.formerly if found else {}).items()
            }
    if args.json:
        listing = [listing_json(r) for r in rows]
        if args.find is not None:
            for item, r in zip(listing, rows, strict=True):
                item["formerly"] = formerly.get(r.membership_id)
        ctx.print_json(listing)
        return EXIT_OK
    if args.find is not None and not rows:
        print(f"没有成员匹配 (no member matches) {args.find.strip()!r}")
        return EXIT_OK
    print(
        format_table(
            ["姓名 name", "状态 status", "入群 joined", "推荐人 referrer", "最近参与 last active", "近30天发言 msgs"],
            [
                [
                    r.name + (f" (曾用名 formerly {formerly[r.membership_id]})" if r.membership_id in formerly else ""),
                    r.status,
                    listing_json(r)["joined_at"] or "—",
                    r.referrer or "—",
                    listing_json(r)["last_active"] or "—",
                    r.messages_30d,
                ]
                for r in rows
            ],
            [False, False, False, False, False, True],
        )
    )
    return EXIT_OK


# -- db ---------------------------------------------------------------------------------------------


def _sqlite_file(target: str) -> Path | None:
    """The file of a SQLite target (None for a server URL or an in-memory database)."""
    from sqlalchemy.engine import make_url

    from models.db import to_url

    url = make_url(to_url(target))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _display_target(target: str) -> str:
    """A database for people: its URL with `user:***@host`, never a password (also not one in ?password=)."""
    from desktop.team import display_url

    return display_url(target)


def _cmd_db_upgrade(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.paths import resolve_db
    from models.db import NewerSchemaError, checked_engine, current_revision, head_revision, newer_file_problem

    target = resolve_db(ctx.db_arg)
    newer = newer_file_problem(target)  # refused before anything of ours connects to (and so changes) the file
    if newer is not None:
        raise NewerSchemaError(newer)
    engine = checked_engine(target)
    try:
        before = current_revision(engine)
    finally:
        engine.dispose()
    database = ctx.database()  # creates the schema, or takes a backup and upgrades
    head = head_revision()
    print(f"数据库 (database): {database.url}")
    if before == head:
        print(f"已是最新 (already up to date): {head}")
    elif before is None:
        print(f"已创建 (created): (none) -> {head}")
    else:
        print(f"已升级 (upgraded): {before} -> {head}")
    if database.backup_path is not None:
        print(f"升级前备份 (backup taken before upgrading): {database.backup_path}")
    return EXIT_OK


def _revision_read_only(target: str, file: Path) -> str | None:
    """The schema revision of the SQLite workspace `file`, read without writing anything to it or beside it (None: no
    schema yet). `db status` only looks: it opened the file through an engine, whose every connection switches it to
    WAL — a workspace of a newer QunDesk, refused by every other command without a byte changed, was changed by
    looking at its version."""
    import sqlite3

    from models.db import DatabaseError, foreign_file_problem, read_only_uri

    foreign = foreign_file_problem(target)
    if foreign is not None:
        from models.db import NotAWorkspaceError

        raise NotAWorkspaceError(foreign)
    if file.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(read_only_uri(file), uri=True, timeout=10)
        try:
            has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
            if has.fetchone() is None:
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"无法读取数据库 (cannot read the database): {file}: {exc}") from exc
    return row[0] if row else None


def _cmd_db_status(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.paths import resolve_db
    from models.db import checked_engine, current_revision, head_revision, known_revisions

    target = resolve_db(ctx.db_arg)
    head = head_revision()
    try:
        file = _sqlite_file(target)
    except Exception:  # not a URL (ValueError, ArgumentError): exit 3 with the message, never the password
        checked_engine(target)
        raise
    if file is None:
        checked_engine(target).dispose()  # a server URL QunDesk cannot use (no driver): said before connecting
    print(f"数据库 (database): {_display_target(target)}")
    if file is not None and not file.exists():
        current = None
        state = "文件不存在, 将在首次使用时创建 (no file yet; created on first use)"
    else:
        if file is not None:  # read without writing: an engine's connection switches the file to WAL (a newer
            current = _revision_read_only(target, file)  # QunDesk's workspace, only looked at, was changed)
        else:
            engine = checked_engine(target)
            try:
                current = current_revision(engine)
            finally:
                engine.dispose()
        if current is None:
            state = "尚无表结构 (no schema yet; run: qundesk db upgrade)"
        elif current == head:
            state = "已是最新 (up to date)"
        elif current in known_revisions():
            state = "需要升级 (behind; run: qundesk db upgrade)"
        else:
            state = "由更新版本的 QunDesk 创建 (made by a newer QunDesk; upgrade QunDesk)"
    print(f"当前版本 (current): {current or '(none)'}")
    print(f"最新版本 (head):    {head}")
    print(f"状态 (status):      {state}")
    return EXIT_OK


# -- check-ins --------------------------------------------------------------------------------------


def _args_checkin(p: argparse.ArgumentParser) -> None:
    p.add_argument("--group", required=True, metavar="NAME", help="社群名称 / group name")
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="打卡日期, 默认今天 (接龙标题写了日期时以它为准) / check-in day (default today; a chain's title date must agree)",
    )
    p.add_argument(
        "--paste",
        metavar="FILE",
        help="粘贴的接龙或聊天记录 (UTF-8 或 GBK; - 为标准输入) / a pasted chat (UTF-8 or GBK; - for stdin)",
    )
    p.add_argument(
        "--late",
        action="store_true",
        help="全部记为补卡 (当天结束后才打的卡) / mark them 补卡 (checked in after the day)",
    )
    p.add_argument(
        "--undo",
        action="store_true",
        help="撤销这些成员 (或这段接龙确定匹配的成员) 在那天的打卡 / undo the check-ins of these members (or of the"
        " paste's certain matches) on their days",
    )
    p.add_argument(
        "--other-group",
        action="store_true",
        help="接龙标题写的是另一个群, 或名字更像另一个群的成员时, 仍记到 --group"
        " / log into --group even though the chain's title names another group or its names fit another group",
    )
    p.add_argument("names", nargs="*", metavar="NAME", help="成员姓名、昵称或微信号 / member names")


# why a chain's title names no day the CLI can log it for (paste.title_doubt's kinds): (中文, English)
_TITLE_DOUBTS = {
    "no_such_day": ("这个日期不存在", "a day that does not exist"),
    "weekday": ("日期和星期不是同一天", "the date and the weekday beside it are different days"),
    "lunar": ("是农历的日子, 不换算成公历", "a lunar calendar day, which QunDesk does not turn into a date"),
    "holiday": ("是好几天的假期", "a holiday of several days"),
    "weekend": ("周末有周六和周日两天", "a weekend is a Saturday and a Sunday"),
    "order": (
        "数字写的日和月可以有两种读法 (日/月 还是 月/日), 两个都是最近的日子",
        "day and month in digits that read both ways round, day first or month first, and both are recent days",
    ),
    "moving_holiday": (
        "是日期每年都变的节日 (各国也不同)",
        "a holiday whose date moves from year to year, and between countries",
    ),
    "which_week": (
        "在英语里可以指两天 (刚过去的那天, 或上周的那天)",
        "in English it can mean two days: the one just gone, or the one of last week",
    ),
    "camp_day": (
        "日期和营期第几天 (按开营日算) 不是同一天",
        "the date and the camp day (counted from the camp's first day) are different days",
    ),
    "camp_outside": (
        "不是营期里的一天 (在开营日之前, 或超出营期天数)",
        "no day of the camp: before its first day, or beyond its length",
    ),
}


def _parse_day(text: str | None, *, future: bool = True) -> date:
    """--date as a day: YYYY-MM-DD, not before 2000 (no community logged anything then: 0001-01-01 is a typo),
    and with `future=False` not after today."""
    from desktop.services.checkins import EARLIEST_DAY
    from models import clock

    if not text:
        return clock.today()
    try:
        day = date.fromisoformat(text.strip())
    except ValueError as exc:
        raise InputError(f"--date: 日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD): {text!r}") from exc
    if day < EARLIEST_DAY:
        raise InputError(
            f"--date: {day} 太早, 日期不能早于 {EARLIEST_DAY} (a day before {EARLIEST_DAY} is not a real date)"
        )
    if not future and day > clock.today():
        raise InputError(f"--date: {day} 是未来的日期, 不能为它打卡 (a future day: nothing to check in yet)")
    return day


OUTCOME_LABELS = {
    "logged": "新记录 logged",
    "already": "已打卡 already",
    "ambiguous": "需选择 ambiguous",
    "unmatched": "未匹配 unmatched",
    "not_member": "非本群成员 not a member",
    "leave": "请假 on leave",
    "other_day": "其他日期 another day",
    "not_checkin": "不是打卡 not a check-in",
    "skipped": "跳过 skipped",
}
QUIET_KINDS = ("header", "example", "noise", "blank")  # skipped silently (PRODUCT §4); the rest say why


STDIN_LABEL = "标准输入 (stdin)"


def _read_paste(path: Path | str, source: str) -> str:
    """The pasted chat of --paste FILE (`source`; `path` names it in messages); `-` is stdin (`xclip -o | qundesk
    checkin --paste -`: it was "-: 无法读取 (cannot read)", exit 1). UTF-8 (BOM allowed), and — as the roster and chat
    imports read text — UTF-16 with its BOM (Windows PowerShell's `Get-Clipboard > chain.txt`) or GBK/GB18030
    (Notepad's "ANSI" on Chinese Windows): those were refused as "第1行: 不是 UTF-8 文本". A file that is UTF-8 but
    for a damaged byte is refused naming its line, never read as GBK (that would garble every name)."""
    import codecs

    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: 无法读取 (cannot read): {exc.strerror or exc}") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{path}: 文件标明是 UTF-16, 但内容无法识别 (marked UTF-16, but it is not)") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    good = sum(1 for c in as_utf8 if ord(c) > 127) - bad
    gbk: str | None = None
    if good < 10 * bad:  # not UTF-8 with a damaged byte: GBK, as Notepad saves it on Chinese Windows
        try:
            gbk = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
    if gbk is not None:
        return gbk
    what = "不是 UTF-8 文本" if good >= 10 * bad else "既不是 UTF-8 也不是 GBK 文本"
    what_en = "is not UTF-8" if good >= 10 * bad else "is neither UTF-8 nor GBK"
    raise InputError(f"{path} 第{line}行: {what} (line {line} {what_en})")


def _cmd_checkin(ctx: Context, args: argparse.Namespace) -> int:
    """Certain matches only (exact name, nickname, group nickname, WeChat ID); fuzzy and pinyin candidates
    are reported as ambiguous and never logged without a person choosing (PRODUCT §4). Every line of a
    paste ends in one outcome; the reported ones are listed on stderr."""
    from desktop.services.groups import group_id_by_name
    from desktop.services.paste import (
        REPORTED,
        PlannedCheckin,
        RosterIndex,
        certain_plan,
        commit_paste,
        describe_person,
        line_outcomes,
        preview_paste,
    )
    from desktop.tasks import Progress

    day = _parse_day(args.date, future=False)
    if bool(args.paste) == bool(args.names):
        raise UsageError("请给出 --paste FILE 或成员姓名之一 (give either --paste FILE or names)")
    database, actor = ctx.database(), ctx.actor()
    said = _as_shown_to(actor)
    _daily_backup(ctx, database)
    if args.paste:
        if args.paste == "-":
            path: Path | str = STDIN_LABEL
        else:
            path = _readable(args.paste) if _undecodable(args.paste) else Path(args.paste)
        text = _read_paste(path, args.paste)
        with database.session() as session:
            group_id = group_id_by_name(session, args.group)
            preview = preview_paste(session, group_id, day, text)
            if args.other_group:  # the user says the chains titled with, or fitting, another group are this one's
                others = {m.other_group for m in preview.matches if m.reason == "other_group" and m.other_group}
                if preview.better_group is not None:
                    others.add(preview.better_group)
                if others:
                    preview = preview_paste(session, group_id, day, text, accept_groups=frozenset(others))
        if preview.better_group is not None:
            # the people in both groups would be logged here from another group's chain: refused, not just said
            g, here = preview.better_group, args.group.strip()
            raise InputError(
                f"{path}: 这些名字更像是「{g}」的成员, 不像 --group {here} 的; 如果选错了群, 用 --group {g};"
                f" 确实是本群的, 加 --other-group (these names fit {g} better than {here}: if the group is wrong,"
                f" use --group {g}; if they are {here}'s, add --other-group); 未记录任何打卡 (nothing logged)"
            )
        if preview.day_mismatch and preview.chain_day is None and preview.doubtful_title is not None:
            # 11月31日, 12月7日（周二）, 腊月初八, 国庆, 周末: no day to offer, the user says which (paste.title_doubt)
            bad = preview.doubtful_title
            why, why_en = _TITLE_DOUBTS.get(preview.title_doubt or "", _TITLE_DOUBTS["no_such_day"])
            if not args.date:
                raise InputError(
                    f"{path}: 接龙标题写的 {bad} {why}, 不知道是哪一天; 用 --date 指定这条接龙的日期"
                    f" (the chain's title says {bad}: {why_en}; pass --date with the day it is"
                    " for); 未记录任何打卡 (nothing logged)"
                )
            print(
                f"{path}: 注意 接龙标题写的 {bad} {why}, 按 --date 记为 {day}"
                f" (note: the chain's title says {bad}: {why_en}; logged for {day} as --date says)",
                file=sys.stderr,
            )
        elif preview.day_mismatch:
            title = preview.chain_day.isoformat() if preview.chain_day else ""
            if preview.camp_title is not None:  # 第15天, counted from the group's first day (开营日)
                n = preview.camp_title
                why, why_en = (
                    f"接龙标题写的 {n} 按开营日算是 {title}",
                    f"the chain's title says {n}: by the camp's first day, {title}",
                )
            elif preview.title_day is not None:
                why, why_en = f"接龙标题的日期是 {title}", f"the chain is dated {title}"
            else:  # no date in it: its times are still to come today (pasted after midnight)
                why = f"接龙里的时间大多还没到, 像是 {title} 的接龙"
                why_en = f"most times in the chain are still to come today: it looks like the chain of {title}"
            if not args.date:
                raise InputError(
                    f"{path}: {why}, 不是今天 {day}; 用 --date {title} 记到那一天, 或用 --date 指定日期"
                    f" ({why_en}, not today {day}: pass --date {title}, or --date for another day);"
                    " 未记录任何打卡 (nothing logged)"
                )
            print(
                f"{path}: 注意 {why}, 按 --date 记为 {day} (note: {why_en}; logged for {day} as --date says)",
                file=sys.stderr,
            )
        if preview.camp_hint is not None:  # 第15天 in a group without its first day: logged, and said
            n = preview.camp_hint
            print(
                f"{path}: 提示 接龙标题写的是 {n}, 已按 {day} 记录; 设置开营日后营期天数就能确定日期"
                f" (qundesk groups --group {args.group.strip()} --camp-start YYYY-MM-DD)"
                f" (hint: the chain's title says {n}, logged for {day}; with the camp's first day set, the camp day"
                " names the date)",
                file=sys.stderr,
            )
        if preview.restarted_at is not None:  # two chains, the second without its title: logged, and said
            n = preview.restarted_at
            print(
                f"{path}: 注意 第{n}行起接龙编号重新从1开始, 像是另一条接龙 (没有标题); 已按 {day} 记录, 如果是别的日子的,"
                f" 请分开粘贴并用 --date 指定 (note: the numbering starts again at 1 on line {n}, another chain without"
                f" its title; logged for {day} — if it is another day's, paste it on its own with --date)",
                file=sys.stderr,
            )
        plan = certain_plan(preview.matches)
        if args.undo:
            names = {c.membership_id: c.display_name for m in preview.matches for c in m.candidates}
            return _undo_checkins(database, actor, group_id, args.group.strip(), plan, names, said, path)
        with database.session() as session:
            _refuse_after_archiving(session, group_id, {p.day for p in plan}, {p.membership_id for p in plan})
        if args.late:
            plan = [PlannedCheckin(p.membership_id, p.day, p.time, True, None, p.line_no, p.posted) for p in plan]
        outcome = commit_paste(Progress(), database=database, actor=actor, group_id=group_id, day=day, planned=plan)
        with database.session() as session:  # 王芳 → 王芳, 王芳: which is which (their WeChat IDs)
            namesakes = _wechat_ids_of_namesakes(session, [c for m in preview.matches for c in m.candidates])
        lines = line_outcomes(preview.lines, preview.matches, set(outcome.logged), set(outcome.already), namesakes)
        # a line that names someone without being their check-in (a quote, a notice, 还没打卡, another group's
        # chain) is reported like the others, with who and why
        kinds = [
            "not_checkin"
            if line.outcome == "skipped" and line.detail not in QUIET_KINDS and line.message_of is None
            else line.outcome  # a chat message under its sender's line is chat, skipped silently as before
            for line in lines
        ]
        with database.session() as session:
            commands = _leave_commands(session, group_id, args.group.strip(), preview.matches)
        with_family = {m.line.line_no for m in preview.matches if m.family}
        days_of: dict[int, set] = {}
        for m in preview.matches:
            if m.status == "matched":
                days_of.setdefault(m.line.line_no, set()).add(m.day)
        for line, kind in zip(lines, kinds, strict=True):
            # a logged line that says another's leave besides (李四 打卡，张三请假) is said too, with its leave command;
            # so is one logged on two days (李四 打卡，顺便补昨天的: the day's check-in and a make-up, each with its day)
            two_days = kind == "logged" and len(days_of.get(line.line_no, ())) > 1
            # 余丽娜和老公: logged, and the family beside her not (nobody on the roster) — said, as the window says it
            two_days = two_days or (kind == "logged" and line.line_no in with_family)
            if (
                kind in REPORTED
                or kind == "not_checkin"
                or (kind == "logged" and commands.get(line.line_no))
                or two_days
            ):
                print(said(f"{path} 第{line.line_no}行 {OUTCOME_LABELS[kind]}: {line.detail}"), file=sys.stderr)
            elif kind == "logged" and line.day is not None and line.day != day:
                # `补昨天`, `Bob Smith (late for Fri)`: logged on the day it makes up — said, as the summary below counts
                # it under the day of the paste (the line said nothing, and the user could not see which day it went to)
                who = "、".join(c.display_name for c in line.who)
                late = " 补卡" if line.late else ""
                print(
                    said(
                        f"{path} 第{line.line_no}行 {OUTCOME_LABELS[kind]}: {who}{late} 记在 {line.day}"
                        f" ({'a make-up, ' if line.late else ''}logged for {line.day})"
                    ),
                    file=sys.stderr,
                )
            for command in commands.get(line.line_no, ()):  # the leave it says, ready to record
                print(said(f"    {command}"), file=sys.stderr)
        titled = sorted({m.other_group for m in preview.matches if m.reason == "other_group" and m.other_group})
        if titled:  # the way on when the title's group was a wrong guess (a word of another group's name)
            names = "、".join(f"「{g}」" for g in titled)
            print(
                f"{path}: 接龙标题像是{names}的, 这些行没有记录; 确实是 --group {args.group.strip()} 的, 加 --other-group"
                f" 再运行 (the chain's title names {', '.join(titled)}: those lines were not logged; if they are"
                f" {args.group.strip()}'s, run again with --other-group)",
                file=sys.stderr,
            )
        counts = {key: kinds.count(key) for key in OUTCOME_LABELS}
        parts = [f"{OUTCOME_LABELS[k]} {n}" for k, n in counts.items() if n or k in ("logged", "already")]
        print(f"{args.group.strip()} {day.isoformat()}: " + ", ".join(parts))
        return EXIT_OK

    with database.session() as session:
        group_id = group_id_by_name(session, args.group)
        index = RosterIndex(session, group_id)
        found = [(name, *index.match(name)) for name in args.names]
        namesakes = _wechat_ids_of_namesakes(session, [c for _n, _s, cands in found for c in cands])
    unknown = [(name, status, cands) for name, status, cands in found if status != "matched"]
    if unknown:
        for name, status, cands in unknown:
            if status == "not_member":
                what = "; ".join(describe_person(c) for c in cands)
                print(said(f"{name}: 不是该社群的已入群成员 (not an active member): {what}"), file=sys.stderr)
                continue
            hint = ", ".join(  # a WeChat ID stays whole (wxid_1234567 is no phone: it is what to type instead)
                said(c.display_name)
                + (f" (微信号 WeChat ID {namesakes[c.membership_id]})" if namesakes.get(c.membership_id) else "")
                for c in cands
            )
            # nobody on the roster is "unmatched" as a paste says it; "not a member" read as someone of another group
            what = (
                "不确定 ambiguous" if status == "ambiguous" else "未匹配 unmatched: 名册中没有 (nobody on the roster)"
            )
            print(said(f"{name}: {what}") + (f" → {hint}" if hint else ""), file=sys.stderr)
        print("未撤销任何打卡 (nothing undone)" if args.undo else "未记录任何打卡 (nothing logged)", file=sys.stderr)
        return EXIT_BAD_INPUT
    plan = [PlannedCheckin(cands[0].membership_id, day, None, args.late) for _n, _s, cands in found]
    if args.undo:
        names = {cands[0].membership_id: cands[0].display_name for _n, _s, cands in found}
        return _undo_checkins(database, actor, group_id, args.group.strip(), plan, names, said, None)
    with database.session() as session:
        _refuse_after_archiving(session, group_id, {day}, {p.membership_id for p in plan})
    outcome = commit_paste(
        Progress(), database=database, actor=actor, group_id=group_id, day=day, planned=plan, source="manual"
    )
    print(
        f"{args.group.strip()} {day.isoformat()}: 新记录 logged {len(outcome.logged)}, 已打卡 already {len(outcome.already)}"
    )
    return EXIT_OK


def _undo_checkins(database, actor, group_id: int, group: str, plan, names: dict[int, str], said, path) -> int:
    """`checkin --undo`: the check-ins of the planned members on their days taken back in ONE transaction (each
    through the window's own undo: points and streak bonus reversed, audited), each line said. With names, the
    check-ins of those members whatever logged them. With --paste (a chain logged into the wrong group or day,
    undone by running it again with --undo), only what the last paste of those people logged: the window's rule,
    `paste.undo_paste` (the check-ins from a paste stamped within PASTE_BATCH_SECONDS of the latest of them). One
    logged by hand, by an import, from a chat export or by an earlier paste was in before — that paste found it
    "already" — and is kept and said (run it again to undo the paste before, or name them)."""
    from desktop.services.checkins import undo_checkin
    from desktop.services.paste import EARLIER_PASTE, NOT_PASTED, last_paste_days, undo_paste

    pairs = list(dict.fromkeys((p.membership_id, p.day) for p in plan))
    kept: dict[tuple[int, date], tuple[str, str]] = {}
    elsewhere: list[date] = []  # nothing of theirs pasted on the days read: the days their last paste logged
    with database.session() as session:
        if path is not None:
            result = undo_paste(session, actor, group_id, pairs)
            undone = set(result.undone)
            if not undone and not result.of_kind(EARLIER_PASTE):
                asked = {d for _m, d in pairs}
                elsewhere = [d for d in last_paste_days(session, group_id, {m for m, _d in pairs}) if d not in asked]
            for line in result.of_kind(NOT_PASTED):
                kept[(line.membership_id, line.day)] = (
                    f"不是粘贴接龙记录的 ({line.source}), 保留; 要撤销请写名字",
                    f"not logged from a paste ({line.source}): kept — name them to undo it",
                )
            for line in result.of_kind(EARLIER_PASTE):
                at = line.logged_at.strftime("%m-%d %H:%M") if line.logged_at is not None else "?"
                kept[(line.membership_id, line.day)] = (
                    f"是更早一次粘贴 ({at}) 记录的, 保留; 再运行一次 --undo 可撤销那一次",
                    f"logged by an earlier paste ({at}): kept — run --undo again to undo that one",
                )
        else:
            undone = {(m, d) for m, d in pairs if undo_checkin(session, actor, m, d)}
        session.commit()
    where = f"{path}: " if path is not None else ""
    for m, d in pairs:
        if (m, d) in kept:
            zh, en = kept[(m, d)]
            what = f"{zh} ({en})"
        else:
            what = "已撤销 undone" if (m, d) in undone else "没有打卡, 无需撤销 no check-in to undo"
        print(said(f"{where}{names.get(m, m)} {d.isoformat()}: {what}"), file=sys.stderr)
    rest = len(pairs) - len(undone) - len(kept)
    if elsewhere:  # run the next morning: the chain (no date in it) was read for today, its paste logged yesterday
        days = ", ".join(d.isoformat() for d in elsewhere)
        print(
            f"{where}这些成员上一次粘贴记在 {days}; 要撤销那一次, 加 --date {elsewhere[-1].isoformat()} 再运行"
            f" (their last paste was logged for {days}: run again with --date {elsewhere[-1].isoformat()} to undo it)",
            file=sys.stderr,
        )
    print(f"{group}: 撤销 undone {len(undone)}, 保留 kept {len(kept)}, 没有打卡 none {rest}")
    return EXIT_OK


# -- leave (请假) ------------------------------------------------------------------------------------


def _args_leave_member(p: argparse.ArgumentParser) -> None:
    p.add_argument("--group", required=True, metavar="NAME", help="社群名称 / group name")
    p.add_argument("--member", required=True, metavar="NAME", help="成员姓名、昵称或微信号 / member name or WeChat ID")


def _args_leave_add(p: argparse.ArgumentParser) -> None:
    _args_leave_member(p)
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="请假第一天 / first day")
    p.add_argument(
        "--to", dest="end", metavar="YYYY-MM-DD", help="请假最后一天, 默认同 --from / last day (default: --from)"
    )
    p.add_argument("--reason", metavar="TEXT", help="原因 / reason")


def _args_leave_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--group", required=True, metavar="NAME", help="社群名称 / group name")
    p.add_argument("--member", metavar="NAME", help="只列此成员 / this member only")
    p.add_argument("--month", metavar="YYYY-MM", help="只列这个月有请假日的 / leaves with a day in this month")
    p.add_argument("--json", action="store_true", help="JSON 输出 / JSON output")


def _args_leave_remove(p: argparse.ArgumentParser) -> None:
    _args_leave_member(p)
    p.add_argument(
        "--on",
        required=True,
        metavar="YYYY-MM-DD",
        help="要删除的请假中的任意一天 / any day of the leave to remove",
    )


def _leave_day(text: str, option: str) -> date:
    from desktop.services.checkins import EARLIEST_DAY

    try:
        day = date.fromisoformat(text.strip())
    except ValueError as exc:
        raise InputError(f"{option}: 日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD): {text!r}") from exc
    if day < EARLIEST_DAY:
        raise InputError(f"{option}: {day} 太早 (a day before {EARLIEST_DAY} is not a real date)")
    return day


def _leave_member(session, group_id: int, name: str, said: Callable[[str], str]):
    """The one active member `--member` names for certain (name, nickname, group nickname or WeChat ID — the check-in
    command's rule); anything else is refused naming who it could be: two people (with their WeChat IDs), a former
    member or someone of another group, nobody — never a leave recorded for a guess."""
    from desktop.services.paste import RosterIndex, describe_person

    status, cands = RosterIndex(session, group_id).match(name)
    if status == "matched":
        return cands[0]
    if status == "not_member":
        what = "; ".join(describe_person(c) for c in cands)
        raise InputError(
            said(f"--member {name}: 不是该社群的已入群成员, 未记录 (not an active member: nothing written): {what}")
        )
    if status == "ambiguous":
        namesakes = _wechat_ids_of_namesakes(session, cands)
        hint = ", ".join(
            said(c.display_name)
            + (f" (微信号 WeChat ID {namesakes[c.membership_id]})" if namesakes.get(c.membership_id) else "")
            for c in cands
        )
        raise InputError(
            said(f"--member {name}: 不确定是谁, 请写全名或微信号 (ambiguous: give the full name or WeChat ID)")
            + f" → {hint}; 未记录 (nothing written)"
        )
    raise InputError(said(f"--member {name}: 名册中没有此人, 未记录 (nobody on the roster: nothing written)"))


def _cmd_leave_add(ctx: Context, args: argparse.Namespace) -> int:
    """Record a leave (请假) through the same service as the window's leave dialog (checkins.record_leave: the same
    permission — any operator who may log check-ins —, the overlap, join and leaving checks, the audit entry, the
    streak bonuses), in one transaction. The group's other groups the person is in are said, as the window says them."""
    from desktop.services.checkins import record_leave
    from desktop.services.groups import group_id_by_name
    from desktop.services.lookups import other_groups_of_membership

    start = _leave_day(args.start, "--from")
    end = _leave_day(args.end, "--to") if args.end else start
    if end < start:
        raise InputError(f"--to {end} 早于 --from {start} (the leave ends before it starts); 未记录 (nothing written)")
    database, actor = ctx.database(), ctx.actor()
    said = _as_shown_to(actor)
    _daily_backup(ctx, database)
    reason = (args.reason or "").strip() or None
    with database.session() as session:
        group_id = group_id_by_name(session, args.group)
        who = _leave_member(session, group_id, args.member, said)
        try:
            record_leave(session, actor, who.membership_id, start, end, reason)
        except PermissionDenied:
            raise
        except QunDeskError as exc:  # overlapping, before joining, after leaving: said of the member, by name
            message = getattr(exc, "message", None) or str(exc)
            raise InputError(said(f"{who.display_name}: {message}; 未记录 (nothing written)")) from exc
        also = other_groups_of_membership(session, who.membership_id)
        session.commit()
    days = f"{start}" if start == end else f"{start} 至 {end}"
    days_en = f"{start}" if start == end else f"{start} to {end}"
    print(
        said(
            f"{args.group.strip()}: 请假已记录 {who.display_name} {days} (leave recorded: {who.display_name}, {days_en})"
        )
    )
    if also:
        where = "、".join(f"「{g}」" for g in also)
        print(
            said(
                f"注意 {who.display_name} 也在{where}: 这次请假只记在本群, 如需要请在那里也记录"
                f" (note: {who.display_name} is also in {where}: this leave is this group's only)"
            ),
            file=sys.stderr,
        )
    return EXIT_OK


def _cmd_leave_list(ctx: Context, args: argparse.Namespace) -> int:
    """The group's recorded leaves, by first day: member, days, reason — of every membership, former members' too
    (a leave of theirs is still on the books), with `--month` those with a day in that month."""
    from sqlalchemy import select

    from desktop.services.groups import group_id_by_name
    from models import Leave, Member, Membership, bulk

    database, actor = ctx.database(), ctx.actor()
    said = _as_shown_to(actor)
    with database.session() as session:
        group_id = group_id_by_name(session, args.group)
        query = (
            select(Leave.start_day, Leave.end_day, Leave.reason, Member.display_name, Member.wechat_id)
            .join(Membership, Membership.id == Leave.membership_id)
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.group_id == group_id)
            .order_by(Leave.start_day, Member.display_name)
        )
        if args.member:
            who = _leave_member(session, group_id, args.member, said)
            query = query.where(Membership.id == who.membership_id)
        if args.month:
            import calendar

            year, month = _month_arg_of(args.month)
            first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
            query = query.where(Leave.start_day <= last, Leave.end_day >= first)
        rows = [
            (bulk.stored_day(a), bulk.stored_day(b), reason, name, wx)
            for a, b, reason, name, wx in session.execute(query)
        ]
    if args.json:
        ctx.print_json(
            [
                {
                    "name": said(name),
                    "wechat_id": wx,
                    "from": a.isoformat(),
                    "to": b.isoformat(),
                    "days": (b - a).days + 1,
                    "reason": said(r) if r else r,
                }
                for a, b, r, name, wx in rows
            ]
        )
        return EXIT_OK
    from collections import Counter

    shared = Counter(name for *_x, name, _wx in rows if name)
    for a, b, reason, name, wx in rows:
        days = f"{a}" if a == b else f"{a} 至 {b}"
        who = f"{name} ({wx})" if wx and shared[name] > 1 else name  # two 张三: which one, by WeChat ID
        print(said(f"{who}\t{days}\t{(b - a).days + 1}天" + (f"\t{reason}" if reason else "")))
    if not rows:
        print(f"{args.group.strip()}: 没有请假记录 (no leave recorded)", file=sys.stderr)
    return EXIT_OK


def _cmd_leave_remove(ctx: Context, args: argparse.Namespace) -> int:
    """Take back a leave recorded by mistake: the member's leave that covers `--on` (checkins.remove_leave, as the
    leave dialog's Remove: the places it excused are absent again, the streak bonuses follow; audited)."""
    from sqlalchemy import select

    from desktop.services.checkins import remove_leave
    from desktop.services.groups import group_id_by_name
    from models import Leave

    day = _leave_day(args.on, "--on")
    database, actor = ctx.database(), ctx.actor()
    said = _as_shown_to(actor)
    _daily_backup(ctx, database)
    with database.session() as session:
        group_id = group_id_by_name(session, args.group)
        who = _leave_member(session, group_id, args.member, said)
        leave_id = session.scalar(
            select(Leave.id).where(
                Leave.membership_id == who.membership_id, Leave.start_day <= day, Leave.end_day >= day
            )
        )
        if leave_id is None:
            raise InputError(
                said(f"{who.display_name}: {day} 没有请假记录, 未删除任何内容 (no leave on {day}: nothing removed)")
            )
        removed = remove_leave(session, actor, leave_id)
        session.commit()
    a, b = removed.start_day, removed.end_day
    days, days_en = (f"{a}", f"{a}") if a == b else (f"{a} 至 {b}", f"{a} to {b}")
    print(
        said(
            f"{args.group.strip()}: 已删除请假 {who.display_name} {days} (leave removed: {who.display_name}, {days_en})"
        )
    )
    if removed.absent_again:
        print(f"  {removed.absent_again} 个活动名额恢复为缺席 (place(s) absent again)")
    if removed.excused_kept:
        print(f"  {removed.excused_kept} 个活动名额仍为请假, 如需修改请到活动页 (place(s) stay excused)")
    return EXIT_OK


def _leave_commands(session, group_id: int, group: str, matches) -> dict[int, list[str]]:
    """For each pasted 请假 line whose member is certain and whose leave is not recorded yet: the exact
    `qundesk leave add` that records the days it says (the paste records no leave: it only pointed at the window, and
    a cron user had no way to). The member is named as `leave add` will find them for certain: their name, else
    their WeChat ID when the name is shared; none when neither is certain (a person chooses in the window)."""
    from desktop.services.paste import RosterIndex

    wanted = [
        m
        for m in matches
        if m.status == "leave"
        and m.leave_days is not None
        and not m.leave_recorded
        and len(m.candidates) == 1
        and m.candidates[0].membership_id is not None
        and m.candidates[0].status == "active"
    ]
    # a line that asks whose leave it is (the writer or the one named: 我和张三请假, 阳光请假) gets no command: a person
    # decides first
    unsure = {m.line.line_no for m in wanted if m.reason == "leave_named" and m.token == m.line.name}
    wanted = [m for m in wanted if m.line.line_no not in unsure]
    if not wanted:
        return {}
    index = RosterIndex(session, group_id)
    wechat = index.wechat_ids([m.candidates[0].membership_id for m in wanted])
    out: dict[int, list[str]] = {}
    for m in wanted:
        c = m.candidates[0]
        name = next(
            (
                n
                for n in (c.display_name, wechat.get(c.membership_id))
                if n and index.match(n)[0] == "matched" and index.match(n)[1][0].membership_id == c.membership_id
            ),
            None,
        )
        if name is None:
            continue
        first, last = m.leave_days
        words = ["qundesk", "leave", "add", "--group", group, "--member", name, "--from", first.isoformat()]
        if last != first:
            words += ["--to", last.isoformat()]
        # a word of letters (Chinese ones too) as it is — shlex quoted 晨读群 as '晨读群', which Windows' cmd keeps
        out.setdefault(m.line.line_no, []).append("→ " + " ".join(_shell_word(w) for w in words))
    return out


def _args_points_adjust(p: argparse.ArgumentParser) -> None:
    p.add_argument("--group", required=True, metavar="NAME", help="社群名称 / group name")
    p.add_argument(
        "--points",
        required=True,
        type=int,
        metavar="N",
        help="每人加减的分值, 负数为扣分 / points each (negative: taken away)",
    )
    p.add_argument(
        "--reason", required=True, metavar="TEXT", help="原因, 写在每条积分流水上 / the reason, on every entry"
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="计入哪一天, 默认今天 / the day it counts for (default today)")
    p.add_argument(
        "--paste",
        metavar="FILE",
        help="名单: 空格或逗号分隔, 每行一个, 或群里的接龙 (UTF-8 或 GBK; - 为标准输入) / a list of names (- for stdin)",
    )
    p.add_argument("names", nargs="*", metavar="NAME", help="成员姓名、昵称或微信号 / member names")


def _cmd_points_adjust(ctx: Context, args: argparse.Namespace) -> int:
    """One adjustment for several members (points.adjust_points_batch, one transaction): the names given, or a list
    read as the window's batch dialog reads it (points_queries.read_adjustment_names: @-mentions, labels, 接龙).
    The command cannot ask as the window does: a name that fits several members or none, or a line of the list that
    names nobody, refuses the whole adjustment (exit 1, nothing written), each said on stderr with who it may be;
    someone not a member of the group now, or named twice, is said and left out. Undone on the Points page's
    ledger (all of it, or one member's)."""
    from desktop.services.groups import group_id_by_name
    from desktop.services.paste import describe_person
    from desktop.services.points import adjust_points_batch
    from desktop.services.points_queries import read_adjustment_names

    day = _parse_day(args.date, future=False)
    if bool(args.paste) == bool(args.names):
        raise UsageError("请给出 --paste FILE 或成员姓名之一 (give either --paste FILE or names)")
    database, actor = ctx.database(), ctx.actor()
    said = _as_shown_to(actor)
    if args.paste:
        path: Path | str = STDIN_LABEL if args.paste == "-" else Path(args.paste)
        text = _read_paste(path, args.paste)
    else:
        path, text = "", "\n".join(args.names)

    def where(line_no: int) -> str:
        return f"{path} 第{line_no}行 " if args.paste else ""

    with database.session() as session:
        group_id = group_id_by_name(session, args.group)
        read = read_adjustment_names(session, group_id, text)
        namesakes = _wechat_ids_of_namesakes(session, [c for m in read.matches for c in m.candidates])
    chosen: dict[int, str] = {}
    asked = 0
    for m in read.matches:
        if m.status == "matched" and m.membership_id is not None:
            chosen.setdefault(m.membership_id, m.candidates[0].display_name)
        elif m.status in ("ambiguous", "unmatched"):
            asked += 1
            hint = ", ".join(
                said(c.display_name)
                + (f" (微信号 WeChat ID {namesakes[c.membership_id]})" if namesakes.get(c.membership_id) else "")
                for c in m.candidates
                if c.membership_id is not None
            )
            what = (
                "不确定 ambiguous" if m.status == "ambiguous" else "未匹配 unmatched: 名册中没有 (nobody on the roster)"
            )
            print(said(f"{where(m.line.line_no)}{m.name}: {what}") + (f" → {hint}" if hint else ""), file=sys.stderr)
        elif m.status == "not_member":
            who = "; ".join(describe_person(c) for c in m.candidates) or "不在本群 (not in the group)"
            print(said(f"{where(m.line.line_no)}{m.name}: 不计入 (left out): {who}"), file=sys.stderr)
        elif m.status == "duplicate":
            print(said(f"{where(m.line.line_no)}{m.name}: 重复, 只算一次 (named twice: counted once)"), file=sys.stderr)
        else:
            print(said(f"{where(m.line.line_no)}{m.name}: 不计入 (left out): {m.reason or m.status}"), file=sys.stderr)
    for line in read.unread:
        asked += 1
        print(said(f"{path + ' ' if args.paste else ''}没有识别出名字 (names nobody): {line}"), file=sys.stderr)
    if asked or not chosen:
        print(
            "未调整任何积分 (nothing adjusted): 请改正名单后重试 (correct the list and run it again)", file=sys.stderr
        )
        return EXIT_BAD_INPUT
    _daily_backup(ctx, database)
    with database.session() as session:
        adjust_points_batch(session, actor, group_id, list(chosen), args.points, args.reason, day)
        session.commit()
    sign = f"+{args.points}" if args.points > 0 else str(args.points)
    names = "、".join(said(n) for n in chosen.values())
    print(f"{args.group.strip()} {day.isoformat()}: {sign} × {len(chosen)} ({args.reason.strip()}): {names}")
    return EXIT_OK


def _refuse_after_archiving(session, group_id: int, days: set, membership_ids: set[int]) -> None:
    """A check-in logged by hand or from a pasted chain for a day after the group was archived is refused (exit 1,
    nothing logged): the cohort ended (结营) — the window lists no archived group to log into — and the people of a
    chain of the next cohort (续费, copied into it) are members of both, so `--group 写作营一期` logged 二期's day 3
    into 一期 without a word. The archiving day itself and the days before it (a forgotten 补) are logged as ever.
    The message names the live groups those people are in."""
    from sqlalchemy import select

    from models import Group, Membership
    from models.queries.participation import as_day

    name, archived = session.execute(select(Group.name, Group.archived_at).where(Group.id == group_id)).one()
    if archived is None:
        return
    ended = as_day(archived)
    after = sorted(d for d in days if d > ended)
    if not after:
        return
    people = select(Membership.member_id).where(Membership.id.in_(sorted(membership_ids) or [-1]))
    live = list(
        session.scalars(
            select(Group.name)
            .join(Membership, Membership.group_id == Group.id)
            .where(Group.archived_at.is_(None), Membership.member_id.in_(people), Membership.status == "active")
            .group_by(Group.id, Group.name)
            .order_by(Group.id)
        )
    )
    where = "、".join(f"「{g}」" for g in live)
    hint = f"; 这些人也在{where}: 新一期的打卡请记到那里 (they are in {where} too: log there)" if live else ""
    shown = ", ".join(d.isoformat() for d in after)
    raise InputError(
        f"社群「{name}」已于 {ended} 归档, 不再记录之后的打卡: {shown} 在归档之后{hint}; 未记录任何打卡"
        f" ({name} was archived on {ended}: no check-ins after it ({shown}); nothing logged)"
    )


def _looks_like(info) -> str:
    """`, 看起来像 张伟、张伟 (looks like …)` for a chat sender whose name looks like people of the group."""
    if not info.looks_like:
        return ""
    who = "、".join(dict.fromkeys(name for _m, name in info.looks_like))
    return f", 看起来像 {who} (looks like {who})"


def _wechat_ids_of_namesakes(session, candidates) -> dict[int, str]:
    """paste.namesake_wechat_ids: `王芳 → 王芳, 王芳` named nobody one could pick; with the IDs the user can run
    `checkin` again with the WeChat ID (a certain match). The operator's own terminal, as `members` shows the IDs:
    no text posted to the group."""
    from desktop.services.paste import namesake_wechat_ids

    return namesake_wechat_ids(session, candidates)


# -- export -----------------------------------------------------------------------------------------


def _args_export_common(p: argparse.ArgumentParser) -> None:
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--group", metavar="NAME", help="社群名称 / group name")
    target.add_argument("--all", action="store_true", help="全部社群 / all groups")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", help="输出文件 / output workbook")
    p.add_argument(
        "--unmasked", action="store_true", help="完整手机号 (群主/管理员) / full phone numbers (owner/admin)"
    )
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件 / replace FILE when it exists already")


def _args_export_report(p: argparse.ArgumentParser) -> None:
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份 / month")
    _args_export_common(p)
    # the report's only: the roster's headers are the Chinese ones the importer maps back (roster_export), and
    # `export roster --headers en` took the option and wrote Chinese headers anyway
    p.add_argument(
        "--headers", dest="sheet_lang", choices=("zh_CN", "en"), default="zh_CN", help="表头语言 / header language"
    )


def _group_ids(ctx: Context, args: argparse.Namespace) -> list[int] | None:
    from desktop.services.groups import group_id_by_name

    if args.all:
        return None
    with ctx.database().session() as session:
        return [group_id_by_name(session, args.group)]


def _output_path(args: argparse.Namespace) -> Path:
    """The workbook to write. One that exists already is left alone unless --force, as `backup -o` does: a
    month's workbook an owner had annotated, or last month's under this month's name, was written over with
    nothing said (the window asks first)."""
    path = Path(args.output)
    if path.suffix.lower() != ".xlsx":
        raise InputError(f"-o {args.output}: 输出文件应以 .xlsx 结尾 (output must be an .xlsx file)")
    if path.is_file() and not args.force:
        raise InputError(
            f"-o {args.output}: 文件已存在, 未覆盖, 要覆盖请加 --force"
            " (the file exists already: nothing was written; add --force to replace it)"
        )
    return path


def _cmd_export_report(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.services.report import export_monthly_report

    year, month = _month_arg_of(args.month)
    path = _output_path(args)
    summary = export_monthly_report(
        ctx.database(),
        ctx.actor(),
        year=year,
        month=month,
        group_ids=_group_ids(ctx, args),
        path=path,
        unmasked=args.unmasked,
        lang=args.sheet_lang,
    )
    print(f"已导出月报 (report written): {summary.path}  ({len(summary.sheets)} sheets, {summary.rows_written} rows)")
    return EXIT_OK


def _cmd_export_roster(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.services.roster_export import export_roster

    path = _output_path(args)
    rows = export_roster(
        ctx.database(),
        ctx.actor(),
        group_ids=_group_ids(ctx, args),
        path=path,
        unmasked=True if args.unmasked else None,
    )
    print(f"已导出名册 (roster written): {path}  ({rows} rows)")
    return EXIT_OK


# -- backup / restore -------------------------------------------------------------------------------


def _args_backup(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="备份文件 (SQLite) / backup file (SQLite)")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件 / replace FILE when it exists already")


def _cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.services.backup import backup_workspace, describe_existing

    output = Path(args.output)
    existing = describe_existing(output)
    if existing is not None and not output.is_dir() and not args.force:
        raise InputError(
            f"-o {output}: 已存在 {existing}: 未覆盖, 要覆盖请加 --force"
            " (it exists already: nothing was written; add --force to replace it)"
        )
    path = backup_workspace(ctx.database(), output, actor=ctx.actor())
    print(f"已备份 (backup written): {path}")
    return EXIT_OK


def _args_restore(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="由 qundesk backup 生成的文件 / a file made by qundesk backup")
    p.add_argument(
        "--replace",
        action="store_true",
        help="把备份放到 --db 工作区文件的位置, 原来的文件改名保留在旁边 / put the backup in the place of the --db"
        " workspace file; the file as it was is kept beside it (NAME.before-restore-YYYYMMDD-HHMMSS.sqlite)",
    )


def _cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    """Loads the backup into the --db target, which must be new or empty (PRODUCT §4). The operator is the
    owner (or --operator) of the *current* target when it has one, else of the backup."""
    from desktop.paths import resolve_db
    from desktop.services.backup import BackupError, backup_operator, has_workspace_operators, restore_workspace
    from desktop.services.operators import Actor

    target = resolve_db(ctx.db_arg)
    name = ctx.operator or os.environ.get(OPERATOR_ENV) or None
    target_file = _sqlite_file(target)
    if args.replace:
        return _restore_replacing(ctx, args, target_file, name)
    if target_file is None or (target_file.exists() and target_file.stat().st_size > 0):
        has_operators = has_workspace_operators(target)
    else:
        has_operators = False
    if has_operators:  # a workspace already (empty of data): sign in there, as for any command on it
        actor = ctx.actor()
    elif name is None:
        actor = Actor(0, "群主", "owner")  # a new target has no operators yet
    elif target_file is not None:
        # a new file has no operators: sign in on the backup's (opening the target would create it)
        actor = backup_operator(Path(args.file), name, os.environ.get(PASSWORD_ENV))
    else:
        actor = ctx.actor()
    try:
        counts = restore_workspace(actor, Path(args.file), target)
    except BackupError as exc:
        if target_file is None or "目标数据库不是空的" not in str(exc):
            raise
        raise BackupError(
            f"{exc}; 要把备份放到它的位置 (原来的文件改名保留在旁边), 请加 --replace (to put the backup in its place,"
            " the file as it was kept beside it, add --replace)"
        ) from exc
    shown = _display_target(target) if "://" in target else target
    print(f"已恢复到 (restored into) {shown}: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
    return EXIT_OK


def _restore_replacing(ctx: Context, args: argparse.Namespace, target_file: Path | None, name: str | None) -> int:
    """`restore --replace`: the backup takes the place of the --db workspace file (desktop.services.backup.
    restore_in_place), the file as it was kept beside it. Refused while a QunDesk window has it open (it would go on
    saving into the file kept aside). Signed in on the workspace; one too damaged to open (or emptied) on the
    backup, as a restore into a new file is."""
    from desktop.services.backup import backup_operator, restore_in_place
    from desktop.workspace import window_holding
    from models.db import DatabaseError

    if target_file is None or not target_file.is_file():
        raise InputError(
            f"--replace: 没有要替换的工作区文件, 未做任何改动 (there is no workspace file to replace: nothing was"
            f" changed; --replace is for a SQLite workspace file that exists): {target_file or ctx.db_arg}"
        )
    holding = window_holding(target_file)
    if holding is not None:
        raise DatabaseError(holding)
    try:
        actor = ctx.actor()
    except DatabaseError:  # too damaged to open, emptied: who may restore is asked of the backup
        from desktop.services.operators import Actor

        ctx.close()
        actor = (
            backup_operator(Path(args.file), name, os.environ.get(PASSWORD_ENV)) if name else Actor(0, "群主", "owner")
        )
    ctx.close()  # the workspace's own connections closed before its file is put aside
    done = restore_in_place(actor, Path(args.file), target_file)
    print(
        f"已恢复到 (restored into) {done.workspace}; 原来的工作区保留为 (the workspace as it was is kept as) {done.kept}: "
        + ", ".join(f"{k} {v}" for k, v in done.counts.items() if v)
    )
    return EXIT_OK


# -- operators and team roles -----------------------------------------------------------------------


def _read_new_password(args: argparse.Namespace, *, required: bool) -> str | None:
    """--password-stdin: the first line of stdin; else, on a terminal, asked twice; else none."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline().rstrip("\r\n")
        if not line and required:
            raise QunDeskError("标准输入没有密码 (no password on stdin)")
        return line or None
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass("新密码 (new password): ")
        if not first and not required:
            return None
        if getpass.getpass("再输入一次 (again): ") != first:
            raise QunDeskError("两次输入的密码不一致 (the two passwords differ)")
        return first
    if required:
        raise QunDeskError("需要密码: 用 --password-stdin 或在终端里运行 (a password is needed: --password-stdin)")
    return None


def _args_operator_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")


def _cmd_operator_list(ctx: Context, args: argparse.Namespace) -> int:
    """The active operators: name, role, whether they have a password (never the password or its hash)."""
    from desktop.services.operators import operator_rows

    with ctx.database().session() as session:
        rows = operator_rows(session)
    if args.json:
        ctx.print_json(
            [{"name": r.name, "role": r.role, "has_password": r.has_password, "login": r.login} for r in rows]
        )
        return EXIT_OK
    print(
        format_table(
            ["操作员 operator", "角色 role", "密码 password", "登录名 login"],
            [[r.name, r.role, "✓" if r.has_password else "—", r.login or "—"] for r in rows],
            [False, False, False, False],
        )
    )
    return EXIT_OK


def _args_operator_add(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME", help="操作员名字 / the operator's name")
    p.add_argument("--role", required=True, choices=("owner", "admin", "assistant"), help="角色 / role")
    p.add_argument(
        "--password-stdin", action="store_true", help="从标准输入读密码 (第一行) / read the password from stdin"
    )
    p.add_argument("--login", metavar="LOGIN", help="团队数据库的登录名, 默认由名字生成 / the server login (team mode)")


def _cmd_operator_add(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.services.operators import add_operator, operator_login
    from desktop.team_roles import roles_enforced

    database, actor = ctx.database(), ctx.actor()
    with database.session() as session:
        team = roles_enforced(session)
    password = _read_new_password(args, required=team)
    with database.session() as session:
        added = add_operator(session, actor, args.name, args.role, password, login=args.login)
        login = operator_login(session, added.id)
        session.commit()
    print(
        f"已添加操作员 (operator added): {added.name} ({added.role})" + (f", 登录名 (login) {login}" if login else "")
    )
    return EXIT_OK


def _args_operator_passwd(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME", help="操作员名字 / the operator's name")
    p.add_argument(
        "--password-stdin", action="store_true", help="从标准输入读密码 (第一行) / read the password from stdin"
    )


def _cmd_operator_passwd(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.services.operators import set_password

    database, actor = ctx.database(), ctx.actor()
    password = _read_new_password(args, required=True)
    with database.session() as session:
        set_password(session, actor, args.name, password)
        session.commit()
    print(f"密码已更新 (password changed): {args.name}")
    return EXIT_OK


def _args_operator_remove(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME", help="操作员名字 / the operator's name")


def _cmd_operator_remove(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.services.operators import remove_operator

    database, actor = ctx.database(), ctx.actor()
    with database.session() as session:
        remove_operator(session, actor, args.name)
        session.commit()
    print(f"已移除操作员 (operator removed): {args.name}")
    return EXIT_OK


def _cmd_team_init(ctx: Context, args: argparse.Namespace) -> int:
    """PostgreSQL: the owner creates the group roles and their grants (desktop/team_roles.py)."""
    from desktop.team_roles import group_role, team_init

    database, actor = ctx.database(), ctx.actor()
    with database.session() as session:
        prefix = team_init(session, actor)
        session.commit()
    roles = ", ".join(group_role(prefix, r) for r in ("owner", "admin", "assistant"))
    print(f"团队角色已设置 (team roles set up): {roles}")
    print("下一步: qundesk operator add 名字 --role assistant --password-stdin (next: add each person's login)")
    return EXIT_OK


# ---------------------------------------------------------------------------------------------------
# The command table
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    name: str  # "groups", or "db upgrade" for a nested command
    help: str
    run: Callable[[Context, argparse.Namespace], int]
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None


COMMANDS: tuple[Command, ...] = (
    Command("demo", "生成示例工作区 / fill an empty workspace with demo data", _cmd_demo, _args_demo),
    Command("groups", "列出社群 / list groups with member counts and capacity", _cmd_groups, _args_groups),
    Command("stats", "社群月度指标 / a group's metrics for a month", _cmd_stats, _args_stats),
    Command("import roster", "导入成员名册 / import a roster (.xlsx/.xls/.ods/.csv)", _cmd_import_roster, _args_import),
    Command(
        "import applications",
        "导入入群申请问卷 / import survey applications (问卷星, 腾讯问卷)",
        _cmd_import_applications,
        _args_import,
    ),
    Command(
        "import checkins",
        "导入打卡记录 (打卡导出或打卡表) / import check-ins from an export or a 打卡表",
        _cmd_import_checkins,
        _args_import_checkins,
    ),
    Command(
        "import undo",
        "撤销这个社群的上一次导入 / undo the group's last roster, applications or check-in import",
        _cmd_import_undo,
        _args_import_undo,
    ),
    Command(
        "checkin",
        "记录打卡 (姓名或粘贴的接龙) / log check-ins by name or from a pasted chat",
        _cmd_checkin,
        _args_checkin,
    ),
    Command(
        "import chat",
        "导入群聊记录 (留痕, PyWxDump, WeFlow, ChatLab, QQ, WhatsApp) / import a chat-history export",
        _cmd_import_chat,
        _args_import_chat,
    ),
    Command("members", "社群成员及发言 / a group's memberships with activity", _cmd_members, _args_members),
    Command(
        "leave add",
        "记录请假 / record a member's leave (请假) for a range of days",
        _cmd_leave_add,
        _args_leave_add,
    ),
    Command("leave list", "列出请假记录 / list a group's recorded leaves", _cmd_leave_list, _args_leave_list),
    Command(
        "leave remove",
        "删除记错的请假 / remove a leave recorded by mistake",
        _cmd_leave_remove,
        _args_leave_remove,
    ),
    Command(
        "text reminder",
        "未打卡提醒 (可直接粘贴到群里) / who has not checked in yet, ready to paste",
        _cmd_text("reminder"),
        _args_text("reminder"),
    ),
    Command(
        "points adjust",
        "为多位成员调整积分 / one points adjustment for several members",
        _cmd_points_adjust,
        _args_points_adjust,
    ),
    Command("text welcome", "新人欢迎词 / a welcome for a newcomer", _cmd_text("welcome"), _args_text("welcome")),
    Command(
        "text stalled", "入群停滞提醒 / a reminder to stalled newcomers", _cmd_text("stalled"), _args_text("stalled")
    ),
    Command(
        "text leaderboard",
        "月度积分榜 / the month's leaderboard",
        _cmd_text("leaderboard"),
        _args_text("leaderboard"),
    ),
    Command("text summary", "月度小结 / the month's summary", _cmd_text("summary"), _args_text("summary")),
    Command("export report", "导出月报 / export the monthly report workbook", _cmd_export_report, _args_export_report),
    Command(
        "export roster", "导出名册 / export the roster (importable again)", _cmd_export_roster, _args_export_common
    ),
    Command("backup", "备份工作区为 SQLite 文件 / back up the workspace to a SQLite file", _cmd_backup, _args_backup),
    Command(
        "restore",
        "从备份恢复到新的或空的数据库 / restore a backup into a new or empty database",
        _cmd_restore,
        _args_restore,
    ),
    Command("operator list", "列出操作员 / list the operators", _cmd_operator_list, _args_operator_list),
    Command(
        "operator add",
        "添加操作员 (团队数据库: 同时创建登录名) / add an operator (team mode: with a server login)",
        _cmd_operator_add,
        _args_operator_add,
    ),
    Command(
        "operator passwd",
        "设置操作员密码 / set an operator's password",
        _cmd_operator_passwd,
        _args_operator_passwd,
    ),
    Command("operator remove", "移除操作员 / remove an operator", _cmd_operator_remove, _args_operator_remove),
    Command(
        "team init",
        "PostgreSQL: 创建角色组和权限 / create the role groups and their grants",
        _cmd_team_init,
    ),
    Command("db upgrade", "创建或升级数据库结构 / create or upgrade the schema", _cmd_db_upgrade),
    Command("db status", "数据库结构版本 / schema revision: current vs head", _cmd_db_status),
)

# commands that only read: on a --db file that does not exist they exit 3 and create nothing
READ_ONLY_COMMANDS = frozenset(
    {
        "groups",
        "stats",
        "members",
        "leave list",
        "export report",
        "export roster",
        "backup",
        "operator list",
        "db status",
    }
)

GROUP_HELP = {
    "leave": "请假 (add, list, remove) / record, list or remove leave",
    "db": "数据库维护 (upgrade, status) / database maintenance",
    "import": "导入名册、入群申请、打卡记录或群聊记录 (roster, applications, checkins, chat) / import people, check-ins"
    " or a chat export",
    "export": "导出月报或名册 (report, roster) / export workbooks",
    "operator": "操作员与登录 (list, add, passwd, remove) / operators and sign-in",
    "points": "积分 (adjust: 为多位成员调整积分) / points adjustments for several members",
    "team": "团队数据库 (init) / team database roles",
    "text": "可直接粘贴到群里的文案 (reminder, welcome, stalled, leaderboard, summary) / paste-ready texts",
}

EPILOG = """\
不带命令时打开窗口 / without a command, opens the window.

examples:
  qundesk --db demo.sqlite demo --groups 3 --members 300
  qundesk --db demo.sqlite groups --json
  qundesk --db demo.sqlite stats --group NAME --month 2026-05 --json
  qundesk --db demo.sqlite checkin --group NAME --paste chain.txt
  qundesk --db demo.sqlite export report --month 2026-05 --all -o 2026-05.xlsx

exit codes: 0 ok, 1 bad input, 2 usage error, 3 database problem, 4 not allowed (sign-in or role).
See docs/cli.md."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("qundesk")
    except PackageNotFoundError:
        import tomllib

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
        except (OSError, KeyError, ValueError):
            return "unknown"


class _VersionAction(argparse.Action):
    """--version, with the version looked up only when asked for."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: Any):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option_string: Any = None):
        sys.stdout.write(f"qundesk {_version()}\n")
        parser.exit()


def _given(option: str) -> Callable[[str], str]:
    """--db and --operator given empty (`qundesk --db "$WORKSPACE" …` with the variable unset or mistyped) are a
    usage error: taken as not given, `--db ""` was the default workspace in the data folder — a cron job's import
    went into the owner's own workspace (created if it had none), its `groups` printed that one's groups — and
    `--operator ""` was the owner."""

    def check(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(
                f"{option} 是空的 (脚本里的变量没有设置?) / {option} is empty (an unset variable in a script?)"
            )
        return text

    return check


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """--db and --operator work before or after the command name (`qundesk groups --db x.sqlite`)."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db",
        metavar="URL_OR_PATH",
        type=_given("--db"),
        default=default,
        help="数据库文件或 URL (also QUNDESK_DB) / database file or URL",
    )
    parser.add_argument(
        "--operator",
        metavar="NAME",
        type=_given("--operator"),
        default=default,
        help=f"以此操作员身份运行, 默认群主 / act as this operator (default: the owner; password in {PASSWORD_ENV})",
    )


class _Parser(argparse.ArgumentParser):
    """argparse, except that the words of an `operator` command it does not know are not echoed: `operator passwd
    群主 MyNewPass2026` (the password typed as an argument) printed "unrecognized arguments: MyNewPass2026" — the
    password on the terminal and in any log of it. The words are named by count, and --password-stdin is said."""

    operator_command = False

    def error(self, message: str):  # type: ignore[override]
        if _Parser.operator_command and message.startswith("unrecognized arguments:"):
            count = len(message.split(":", 1)[1].split())
            message = (
                f"多余的参数 {count} 个, 未显示 (可能是密码); 密码用 --password-stdin 或在终端里输入"
                f" (unrecognized arguments: {count}, not shown — a password perhaps; give it with --password-stdin"
                " or at the prompt)"
            )
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="qundesk",
        description="QunDesk 社群助手: 社群名册、入群流程、打卡、积分和月报 / community groups assistant",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _global_options(parser, top=True)
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="窗口语言 / window language")
    parser.add_argument("--version", action=_VersionAction, help="显示版本 / show the version")
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    nested: dict[str, argparse._SubParsersAction] = {}
    for cmd in COMMANDS:
        words = cmd.name.split()
        container = commands
        if len(words) == 2:
            if words[0] not in nested:
                group = commands.add_parser(
                    words[0], help=GROUP_HELP.get(words[0]), description=GROUP_HELP.get(words[0])
                )
                nested[words[0]] = group.add_subparsers(
                    dest="subcommand", title="commands", metavar="COMMAND", required=True
                )
            container = nested[words[0]]
        sub = container.add_parser(words[-1], help=cmd.help, description=cmd.help)
        _global_options(sub, top=False)
        if cmd.add_arguments is not None:
            cmd.add_arguments(sub)
        sub.set_defaults(handler=cmd.run)
    return parser


# ---------------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------------


def _utf8_streams() -> None:
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors=errors)
            except (ValueError, OSError):  # a stream that cannot change any more; leave it
                pass


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"qundesk: {message}\n")
    return code


def _damage_hint(db_arg: str | None, exc: BaseException) -> str:
    """For a SQLite workspace too damaged to read ("database disk image is malformed", "file is not a database"):
    its newest backup and the command that puts it in the workspace's place — the command line said "cannot open
    the database: database disk image is malformed" and no more, while the window offered the restore. "" else."""
    from desktop.paths import resolve_db
    from desktop.workspace import EmptiedWorkspaceError, damage_problem, own_backup_files, workspace_file

    if isinstance(exc, EmptiedWorkspaceError):  # its own message names the backup already
        return ""
    try:
        if damage_problem(exc, db_arg) is None:
            return ""
        file = workspace_file(resolve_db(db_arg))
        backups = own_backup_files(file) if file is not None else []
    except Exception:  # a hint only: the error itself is said
        return ""
    if not backups:
        return " — 工作区已损坏, 没有找到它的备份 (the workspace is damaged and it has no backup QunDesk knows of)"
    return (
        f" — 工作区已损坏; 用最新的备份替换它 (原文件改名保留在旁边) (the workspace is damaged; put its latest backup"
        f' in its place, the damaged file kept beside it): qundesk --db "{file}" restore --replace "{backups[0]}"'
    )


def _read_only(db_arg: str | None, detail: str) -> str | None:
    """For SQLite's "unable to open database file" / "attempt to write a readonly database": say that the
    workspace (its file or its folder) is read-only, naming the file, when it is."""
    if "unable to open database file" not in detail and "readonly" not in detail:
        return None
    from desktop.paths import resolve_db
    from models.db import read_only_problem

    return read_only_problem(resolve_db(db_arg))


def _secrets(db_arg: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The passwords this run knows: the database URL's (user:password@ or ?password=…), kept out of stdout and
    stderr, and the operator's (QUNDESK_PASSWORD), kept out of stderr — where messages, engine errors and
    tracebacks go. Not out of stdout: that is the command's results, and the variable is whatever the environment
    holds (a cron job's left over from another workspace, a wrong one, `2026`): hiding it there turned
    `"month": "2026-11"` into `"***-11"` and `"checkins": 1276` into invalid JSON."""
    target = db_arg or os.environ.get("QUNDESK_DB") or ""  # the default file has no password (nor a folder made here)
    found: tuple[str, ...] = ()
    if "://" in target:
        from desktop.team import url_secrets

        found = url_secrets(target)
    operator_password = os.environ.get(PASSWORD_ENV)
    return found, ((operator_password,) if operator_password else ())


class _Scrubbed:
    """stdout/stderr while a command runs with a password around: whatever is written (a message, an engine
    error that echoes a connection string, a bug's traceback) reaches the terminal without it. A library may
    keep the stream it found (alembic's Config binds sys.stdout when it is first imported): once the command
    is over, this one writes to whatever sys.stdout/sys.stderr is then, still without the password."""

    def __init__(self, name: str, stream: Any, secrets: tuple[str, ...]):
        self._name = name
        self._stream = stream
        self._secrets = secrets
        self.active = True

    def _target(self) -> Any:
        if self.active:
            return self._stream
        current = getattr(sys, self._name)
        return self._stream if current is self else current

    def write(self, text: str) -> int:
        from desktop.team import scrub

        self._target().write(scrub(text, self._secrets))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target(), name)


def _scrub_output(secrets: tuple[str, ...], stderr_only: tuple[str, ...] = ()) -> Callable[[], None]:
    """Route stdout and stderr through _Scrubbed while there are secrets (`stderr_only`: hidden on stderr only);
    returns what puts them back."""
    if not secrets and not stderr_only:
        return lambda: None
    out, err = sys.stdout, sys.stderr
    scrubbed_err = _Scrubbed("stderr", err, (*secrets, *stderr_only))
    scrubbed_out = _Scrubbed("stdout", out, secrets) if secrets else None
    wrapped = [w for w in (scrubbed_out, scrubbed_err) if w is not None]
    sys.stdout, sys.stderr = scrubbed_out or out, scrubbed_err

    def restore() -> None:
        sys.stdout, sys.stderr = out, err
        for stream in wrapped:
            stream.active = False

    return restore


def _open_window(args: argparse.Namespace) -> int:
    preload_before_qt()
    try:
        from ui.app import run_app
    except ModuleNotFoundError as exc:
        if exc.name in ("ui.app", "PySide6") or (exc.name or "").startswith("PySide6."):
            return _fail(f"窗口不可用 (the window is not available): {exc}", EXIT_BAD_INPUT)
        raise
    return int(run_app(args.db, args.lang) or 0)


def preload_before_qt() -> None:
    """Import the models (SQLAlchemy's ORM with them) before anything imports PySide6. PySide6 hooks every import
    made after it (shibokensupport asks each new module whether it uses its `__feature__` switches): the ~300
    modules of SQLAlchemy, the models and the services the window opens with, imported first, skip that hook — the
    same work in another order (benchmarks/child.py starts the same way). desktop/ never imports Qt
    (tests/test_layers.py), so nothing here brings PySide6 in early."""
    import desktop.services.groups
    import desktop.services.members
    import desktop.services.roster
    import desktop.workspace  # noqa: F401
    import models  # noqa: F401


def _undecodable(text: str | None) -> bool:
    """A path whose bytes are not UTF-8 (the file names of a zip made on Chinese Windows, unpacked on Linux, are
    GBK): Python holds them as lone surrogates, which no database, URL or message can take."""
    if not text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _readable(text: str) -> str:
    """Such a path as its owner reads it: its bytes as GBK (GB18030) when they are that, else with � for each bad
    byte."""
    raw = os.fsencode(text)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def _readable_paths(args: argparse.Namespace) -> Callable[[], None]:
    """Paths of the command line (or QUNDESK_DB, QUNDESK_HOME) whose bytes are not UTF-8 — `名册.csv` out of a zip
    from Windows is `\xc3\xfb\xb2\xe1.csv` on Linux. They crashed with a traceback wherever their name was
    recorded or printed (the audit log, an import's record, the database URL): an `export roster` left its workbook
    written and unaudited, `checkin` on such a --db stopped in the daily backup. A file that is only read (an import's
    FILE, --paste, a restore's backup) is read through a link with its readable name (名册.csv: the name messages and
    the import's record show; --paste's is named so); the workspace and an output file are refused before anything is written, naming the
    path as it reads. Returns what removes the links."""
    import shutil
    import tempfile

    made: list[str] = []

    def cleanup() -> None:
        for folder in made:
            shutil.rmtree(folder, ignore_errors=True)

    if (
        _undecodable(getattr(args, "db", None))
        or _undecodable(os.environ.get("QUNDESK_DB"))
        or _undecodable(os.environ.get("QUNDESK_HOME"))
    ):
        from models.db import DatabaseError

        where = args.db or os.environ.get("QUNDESK_DB") or os.environ.get("QUNDESK_HOME") or ""
        raise DatabaseError(
            f"工作区的路径不是 UTF-8 编码 (可能是 GBK): {_readable(where)} — 请把文件或文件夹改名后再用 "
            "(the workspace's path is not UTF-8, GBK perhaps: rename it, e.g. `convmv -f gbk -t utf-8 --notest …`)"
        )
    output = getattr(args, "output", None)
    if _undecodable(output):
        raise InputError(
            f"-o {_readable(output)}: 文件名或文件夹名不是 UTF-8 编码 (可能是 GBK), 请换一个名字; 未写入任何内容 "
            "(the name is not UTF-8, GBK perhaps: choose another; nothing was written)"
        )
    for attr in ("file",):  # checkin --paste reads its file itself and names it as it reads (_cmd_checkin)
        value = getattr(args, attr, None)
        if not _undecodable(value) or not os.path.isfile(value) or not hasattr(os, "symlink"):
            continue
        folder = tempfile.mkdtemp(prefix="qundesk-name-")
        made.append(folder)
        link = os.path.join(folder, _readable(os.path.basename(value)).replace(os.sep, "_") or "file")
        try:
            os.symlink(os.path.abspath(value), link)
        except OSError:
            continue
        setattr(args, attr, link)
    return cleanup


def _expand_home(args: argparse.Namespace) -> None:
    """A file given as `~/…` is in the home folder, as --db's is (models.db.to_url) and as a shell would read it
    unquoted: a cron line or a script that quotes its paths (`import roster "~/名册/三月.xlsx"`) got "找不到文件
    ~/名册/三月.xlsx" for a file that is there, while `backup -o "~/b.sqlite"` and `restore "~/b.sqlite"` took the
    home folder's. The same for every FILE, -o and --paste (`-`, stdin, stays)."""
    for attr in ("file", "output", "paste"):
        value = getattr(args, attr, None)
        if isinstance(value, str) and value.startswith("~"):
            setattr(args, attr, os.path.expanduser(value))


def _run(args: argparse.Namespace) -> int:
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from desktop.paths import named_db
    from models.db import DatabaseError

    args.db = named_db(args.db)  # a libpq connection string (host=… password=…) is the server it names, not a file
    ctx = Context(args.db, args.operator)
    name = " ".join(w for w in (args.command, getattr(args, "subcommand", None)) if w)
    ctx.reads_only = name in READ_ONLY_COMMANDS or name.startswith("text ")
    url_passwords, operator_password = _secrets(args.db)
    secrets = (*url_passwords, *operator_password)
    restore_streams = _scrub_output(url_passwords, operator_password)
    code = EXIT_BAD_INPUT
    remove_links: Callable[[], None] = lambda: None  # noqa: E731
    try:
        _expand_home(args)
        remove_links = _readable_paths(args)
        code = args.handler(ctx, args)
        return code
    except QunDeskError as exc:
        return _fail(str(exc), getattr(exc, "exit_code", EXIT_BAD_INPUT))
    except DatabaseError as exc:
        from models.db import LoginRejectedError, ServerRefused

        refused = isinstance(exc, LoginRejectedError | ServerRefused)  # a login or a statement the server refused
        return _fail(str(exc) + _damage_hint(args.db, exc), EXIT_NOT_ALLOWED if refused else EXIT_DATABASE)
    except DBAPIError as exc:
        detail = str(exc.orig) if exc.orig is not None else str(exc)
        if getattr(exc.orig, "sqlstate", None) == "42501":  # the team server refused: the login's role may not
            first = detail.strip().splitlines()[0] if detail.strip() else ""
            return _fail(f"服务器拒绝, 没有权限 (not allowed by the server): {first}", EXIT_NOT_ALLOWED)
        said = _read_only(args.db, detail) or f"数据库错误 (database error): {detail}"
        return _fail(said + _damage_hint(args.db, exc), EXIT_DATABASE)
    except sqlite3.Error as exc:
        said = _read_only(args.db, str(exc)) or f"数据库错误 (database error): {exc}"
        return _fail(said + _damage_hint(args.db, exc), EXIT_DATABASE)
    except BrokenPipeError:
        # `qundesk … | head -1`: the reader went away while the results were printed — after the command's writes
        # (every command prints its outcome once it has committed). A workspace this command created keeps them:
        # as a failure, discard_new deleted the new file with the import in it. main() says no more (and no
        # traceback: it was printed as a bug's whenever a password was in the environment).
        code = EXIT_OK
        raise
    except Exception:
        if not secrets:
            raise
        _bug_report(*sys.exc_info())  # a bug: its traceback, through the stream that hides the password
        return EXIT_BAD_INPUT
    finally:
        if code != EXIT_OK or getattr(args, "dry_run", False):  # a dry run writes nothing, not even the file
            ctx.discard_new()
        ctx.close()
        remove_links()
        restore_streams()


def _utf8_bytes(raw: bytes) -> bool:
    """Text that is UTF-8 and not plain ASCII (早起打卡营 from a UTF-8 script)."""
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _rerun_in_utf8_mode() -> None:
    """On a locale whose encoding is not UTF-8 (a cron job's LANG=en_US.ISO-8859-1, LC_ALL=C without Python's
    locale coercion, zh_CN.GBK), Python decodes the command line, the environment and file names in that encoding:
    a UTF-8 script's `--group 早起打卡营` arrived as 'æ\\x97©èµ·…' — "no group named …" (or an import creating a
    group of that name), QUNDESK_OPERATOR=群主 an unknown operator, an ASCII locale a traceback. When the command
    line or a QUNDESK_ variable holds UTF-8 text, the process runs again, the same command, in Python's UTF-8 mode
    (`-X utf8`), where all of them are read as UTF-8. Text in the locale's own encoding (typed on a GBK terminal,
    not valid UTF-8) is left as the locale reads it. Only for `qundesk` itself (main() without argv), not frozen."""
    import codecs

    if sys.flags.utf8_mode or getattr(sys, "frozen", False) or not hasattr(sys, "orig_argv"):
        return
    if codecs.lookup(sys.getfilesystemencoding()).name == "utf-8":
        return
    raw = [os.fsencode(a) for a in sys.argv[1:]]
    if os.name == "posix":
        raw += [v for k, v in os.environb.items() if k.startswith(b"QUNDESK_")]
    if not any(_utf8_bytes(r) for r in raw):
        return
    try:
        os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.orig_argv[1:]])
    except OSError:  # cannot run again: carry on as the locale reads the command line
        return


class Terminated(KeyboardInterrupt):
    """SIGTERM (a cron job's `timeout`, a service stopped, a shutdown) or SIGHUP (the terminal closed) while a command
    runs: raised where the command is, as Ctrl-C raises KeyboardInterrupt, so that what it was writing is rolled
    back and its temporary files removed by the same code — before, the process died where it stood, leaving a
    backup's `.FILE.backup-PID.tmp.part` (and the new --db file of a refused import) behind, without a word."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_terminated(signum: int, _frame: object) -> None:
    raise Terminated(signum)


def _on_termination() -> Callable[[], None]:
    """SIGTERM and SIGHUP raise Terminated while main() runs; returns what puts the old handlers back."""
    import signal

    previous: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            if signal.getsignal(signum) == signal.SIG_IGN:  # nohup: the terminal closing is to be ignored
                continue
            previous[signum] = signal.signal(signum, _raise_terminated)
        except (ValueError, OSError):  # not the main thread
            pass

    def restore() -> None:
        for signum, handler in previous.items():
            signal.signal(signum, handler)

    return restore


def _bug_report(exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
    """A bug's traceback on stderr (sys.excepthook of `qundesk` itself), a phone in it masked for everyone — the
    error's text quoted a member's name or a file's row whole (KeyError('王五 13800138002')), from whoever ran it, an
    assistant too; as the window's bug report (ui.app.handle_exception)."""
    import traceback

    from desktop.phones import mask_phones_in

    sys.stderr.write(mask_phones_in("".join(traceback.format_exception(exc_type, exc, tb))) or "")


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        _rerun_in_utf8_mode()
        sys.excepthook = _bug_report
    restore_handlers = _on_termination()
    try:
        return _main(argv, restore_handlers)
    except Terminated as exc:
        import signal

        name = signal.Signals(exc.signum).name
        return _fail(
            f"已终止 ({name}): 未完成的写入已撤销 (terminated: what was not finished was not written)", 128 + exc.signum
        )
    except KeyboardInterrupt:
        return _fail("已取消 (cancelled)", 130)
    finally:
        restore_handlers()


def _main(argv: list[str] | None, restore_handlers: Callable[[], None]) -> int:
    _utf8_streams()
    parser = build_parser()
    _Parser.operator_command = "operator" in (sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_USAGE)
    if os.environ.get("QUNDESK_TODAY"):  # only then: importing models costs start-up time
        from models import clock

        try:
            clock.pinned_today()
        except clock.ClockError as exc:
            return _fail(str(exc), EXIT_USAGE)
    try:
        if args.command is None:
            restore_handlers()  # the window: Qt's event loop would hold a Python handler back; it ends as it did
            return _open_window(args)
        return _run(args)
    except BrokenPipeError:  # `qundesk groups | head`: the reader went away
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BAD_INPUT


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    sys.exit(main())
