"""Issue 14, "Secrets and fault edges", on SQLite and on the real PostgreSQL server of the suite:

- no password in output, errors, files or audit rows (URLs print as user:***@host, ?password= included);
- `backup -o` onto an existing file needs --force, onto a folder is a clear error; a full disk during an export
  or a backup is one clean message and leaves no file; a killed restore leaves no temp copy behind;
- the same text limits on both engines (ORM, Core and the driver-level bulk writers; the importers name row
  and column);
- impossible check-in dates (before 2000, before the member joined) are refused;
- a read-only workspace says so (CLI exit 3);
- the CLI takes the day's automatic backup before its first write, as the window does at start."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text, update
from sqlalchemy.engine import make_url

from desktop.cli import main
from desktop.errors import ValidationError
from desktop.services.backup import clear_stale_temp
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.team import display_url, scrub, strip_password, url_secrets
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Group, Member, Tag, bulk
from models.db import make_engine
from tests.fixed_day import TEST_TODAY

REPO = Path(__file__).resolve().parents[2]
GROUP = "早起打卡营"
JOINED = datetime(2026, 11, 10, 9, 0)  # 张三 joined on 10 November (TEST_TODAY is later)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _seed(url: str) -> None:
    """A group with 张三 (joined 10 November) and 李四 (joined long before)."""
    database = open_workspace(url)
    owner = actor_for(database)
    try:
        with database.session() as s:
            gid = create_group(s, owner, GROUP)
            add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=JOINED))
            add_member(s, owner, gid, MemberInput(display_name="李四", joined_at=datetime(2026, 1, 5, 9, 0)))
            s.commit()
    finally:
        database.dispose()


def _checkins(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(CheckIn.id)).all().__len__()
    finally:
        engine.dispose()


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QUNDESK_DB", "QUNDESK_PASSWORD", "QUNDESK_OPERATOR")}
    env.update(QUNDESK_HOME=str(home), PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8", **extra)
    return env


def _cli(home: Path, *argv: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *argv],
        cwd=REPO,
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=300,
        **kw,
    )


# ====================================================================================== secrets


def test_display_and_stored_urls_hold_no_password():
    url = "postgresql+psycopg://alice:S3cret%40pw@db.example:5432/qundesk?sslmode=require&password=Qu3ryPw"
    assert display_url(url) == "postgresql+psycopg://alice:***@db.example:5432/qundesk?sslmode=require"
    assert strip_password(url) == "postgresql+psycopg://alice@db.example:5432/qundesk?sslmode=require"
    only_query = "postgresql://bob@h/q?password=Qu3ryPw"
    assert display_url(only_query) == "postgresql+psycopg://bob:***@h/q" and "Qu3ryPw" not in strip_password(only_query)
    assert set(url_secrets(url)) >= {"S3cret@pw", "S3cret%40pw", "Qu3ryPw"}
    # a URL that cannot be parsed is shown without its password too
    assert display_url("postgresql://u:Hunter22@h:notaport/db") == "postgresql://u:***@h:notaport/db"
    assert scrub('missing "=" after "Hunter22" password=Hunter22', ["Hunter22"]) == (
        'missing "=" after "***" password=***'
    )


def _files_holding(folder: Path, needles: tuple[str, ...]) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path}: {n}" for n in needles if n.encode() in data]
    return found


def test_no_password_in_output_errors_files_or_audit_rows(pg_server, pg_url, tmp_path, isolated_home, capsys):
    """A team URL with a password (user:password@ and ?password=) through every command that prints a URL or
    can fail with an engine error: the password is in no stdout/stderr, no file QunDesk wrote, no audit row."""
    base = make_url(pg_url)
    password = base.password or "S3cretPw4x9"  # the suite's server trusts local logins: any password works
    query_password = base.password or "QueryPw7y2"
    secret_url = base.set(password=password).update_query_dict({"password": query_password})
    url = secret_url.render_as_string(hide_password=False)
    restored_name = f"t_{uuid.uuid4().hex}"
    restored = make_url(pg_server.create_database(restored_name))
    restored_url = (
        restored.set(password=password).update_query_dict({"password": query_password}).render_as_string(False)
    )
    backup = tmp_path / "team.sqlite"
    refused = base.set(port=1, password=password).update_query_dict({"password": query_password})
    try:
        outputs = [
            run(capsys, "--db", url, "db", "status"),
            run(capsys, "--db", url, "db", "upgrade"),
            run(capsys, "--db", url, "demo", "--groups", "1", "--members", "20", "--months", "1"),
            run(capsys, "--db", url, "groups"),
            run(capsys, "--db", url, "stats", "--group", "没有这个群"),
            run(capsys, "--db", url, "backup", "-o", str(backup)),
            run(capsys, "--db", restored_url, "restore", str(backup)),
            run(capsys, "--db", restored_url, "restore", str(backup)),  # not empty any more: refused
            run(capsys, "--db", refused.render_as_string(False), "groups"),  # cannot connect
            run(capsys, "--db", f"postgresql://postgres:{password}@127.0.0.1:notaport/x", "groups"),  # not a URL
            run(capsys, "--db", f"postgresql://postgres:{password}@127.0.0.1:notaport/x", "db", "status"),
        ]
        codes = [code for code, _o, _e in outputs]
        assert codes == [0, 0, 0, 0, 1, 0, 0, 1, 3, 3, 3], outputs
        printed = "\n".join(o + e for _c, o, e in outputs)
        assert password not in printed and query_password not in printed
        assert "Traceback" not in printed
        assert f"{base.username}:***@" in outputs[1][1]  # db upgrade names the database, password hidden
        assert f"(restored into) postgresql+psycopg://{base.username}:***@" in outputs[6][1]
        # nothing QunDesk wrote holds it: the data folder (settings, backups), the backup file, the audit rows
        assert _files_holding(isolated_home, (password, query_password)) == []
        assert _files_holding(tmp_path, (password, query_password)) == []
        for target in (pg_url, restored.render_as_string(False)):
            engine = make_engine(target)
            try:
                with engine.connect() as conn:
                    rows = conn.execute(text("SELECT action, summary FROM audit_log")).all()
                    rows += conn.execute(text("SELECT key, value FROM workspace_setting")).all()
            finally:
                engine.dispose()
            assert rows and not [r for r in rows if password in str(r) or query_password in str(r)]
    finally:
        pg_server.drop_database(restored_name)


def test_a_bug_traceback_hides_the_password_too(capsys):
    """Even an unexpected error (a bug prints its traceback) does not print the URL's password."""
    import desktop.cli as cli

    def boom(ctx, args):
        raise RuntimeError(f"unexpected, while opening {ctx.db_arg}")

    args = cli.build_parser().parse_args(["--db", "postgresql://u:Hunter22x@127.0.0.1:1/q", "groups"])
    args.handler = boom
    code = cli._run(args)
    out, err = capsys.readouterr()
    assert code == 1 and "RuntimeError" in err and "Traceback" in err
    assert "Hunter22x" not in out + err and "u:***@" in err


def test_a_stream_a_library_kept_still_works_after_the_command(capsys):
    """alembic binds sys.stdout when it is first imported (inside a command, that is the scrubbing stream):
    after the command it writes to whatever stdout is then, still without the password."""
    import desktop.cli as cli

    restore = cli._scrub_output(("Hunter22x",))
    kept = sys.stdout
    restore()
    assert sys.stdout is not kept
    kept.write("later Hunter22x\n")
    assert capsys.readouterr().out == "later ***\n"


# ====================================================================================== backup -o


@pytest.fixture
def seeded(any_db_url):
    _seed(any_db_url)
    return any_db_url


def _groups_in(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM community_group ORDER BY id")]
    finally:
        conn.close()


def test_backup_onto_an_existing_file_needs_force(seeded, tmp_path, capsys):
    other = tmp_path / "other-workspace.sqlite"
    database = open_workspace(other)
    with database.session() as s:
        create_group(s, actor_for(database), "另一个工作区的群")
        s.commit()
    database.dispose()
    before = other.read_bytes()
    code, out, err = run(capsys, "--db", seeded, "backup", "-o", str(other))
    assert code == 1 and out == ""
    assert "QunDesk" in err and "--force" in err and str(other) in err and "Traceback" not in err
    assert other.read_bytes() == before and _groups_in(other) == ["另一个工作区的群"]

    notes = tmp_path / "notes.txt"
    notes.write_text("不是数据库", encoding="utf-8")
    code, _out, err = run(capsys, "--db", seeded, "backup", "-o", str(notes))
    assert code == 1 and "--force" in err and notes.read_text(encoding="utf-8") == "不是数据库"

    code, out, err = run(capsys, "--db", seeded, "backup", "-o", str(other), "--force")
    assert code == 0 and err == "" and "backup written" in out
    assert _groups_in(other) == [GROUP]


def test_backup_onto_a_folder_is_a_clear_error(seeded, tmp_path, capsys):
    folder = tmp_path / "备份"
    folder.mkdir()
    for extra in ((), ("--force",)):
        code, out, err = run(capsys, "--db", seeded, "backup", "-o", str(folder), *extra)
        assert code == 1 and out == ""
        assert "folder" in err and "文件夹" in err and str(folder) in err and "Traceback" not in err
        assert err.count("\n") == 1
    assert list(folder.iterdir()) == []


# ---------------------------------------------------------------------------------------- disk full

# A subprocess whose temporary files hit "No space left on device" after a few KB (the writers' own code paths
# run; only the bytes stop fitting). The process ends with a garbage collection, so that anything left open
# by the failure (openpyxl's ZipFile) would print its second error now.
_FULL_DISK = textwrap.dedent(
    """
    import errno, gc, io, os, sqlite3, sys

    LIMIT = 12_000

    class Full(io.FileIO):
        written = 0

        def write(self, data):
            if Full.written + len(data) > LIMIT:
                raise OSError(errno.ENOSPC, "No space left on device")
            Full.written += len(data)
            return super().write(data)

    real_fdopen = os.fdopen

    def fdopen(fd, mode="r", *args, **kwargs):
        if "w" in mode and "b" in mode:
            return io.BufferedWriter(Full(fd, "w"))
        return real_fdopen(fd, mode, *args, **kwargs)

    import desktop.io.xlsx_util as xlsx_util
    xlsx_util.os.fdopen = fdopen  # the workbook writer's temporary file

    import desktop.services.backup as backup
    def full_copy(engine, target, stop=None):
        raise sqlite3.OperationalError("database or disk is full")
    backup.backup_sqlite_file = full_copy  # the SQLite backup's temporary file

    from desktop.cli import main
    code = main(sys.argv[1:])
    gc.collect()
    sys.exit(code)
    """
)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    home = tmp_path_factory.mktemp("demo-home")
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    done = _cli(home, "--db", str(path), "demo", "--groups", "2", "--members", "120", "--months", "1")
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.parametrize(
    "command",
    [
        ("export", "report", "--month", f"{TEST_TODAY:%Y-%m}", "--all", "-o", "out/report.xlsx"),
        ("export", "roster", "--all", "-o", "out/roster.xlsx"),
        ("backup", "-o", "out/backup.sqlite"),
    ],
    ids=["report", "roster", "backup"],
)
def test_a_full_disk_is_one_clean_message_and_leaves_no_file(command, demo_file, tmp_path):
    (tmp_path / "out").mkdir()
    done = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, "--db", str(demo_file), *command],
        cwd=tmp_path,
        env=_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr  # exactly one line: no "Exception ignored in ZipFile.__del__"
    assert done.stderr.startswith("qundesk: 磁盘空间不足 (disk full)") and "Traceback" not in done.stderr
    assert list((tmp_path / "out").iterdir()) == []  # no partial file, no temporary file


def _tiny_tmpfs(folder: Path) -> bool:
    folder.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def test_a_really_full_disk_on_both_engines(any_db_url, tmp_path):
    """The same on a real 16 KB file system (root on Linux: a tmpfs; skipped elsewhere), from SQLite and from
    PostgreSQL (whose backup is built by copying table by table)."""
    full = tmp_path / "full"
    if not _tiny_tmpfs(full):
        pytest.skip("needs root on Linux to mount a tiny tmpfs (the simulated full disk above runs everywhere)")
    try:
        home = tmp_path / "home"
        seed = _cli(home, "--db", any_db_url, "demo", "--groups", "1", "--members", "80", "--months", "1")
        assert seed.returncode == 0, seed.stderr
        for command in (
            ("export", "report", "--month", f"{TEST_TODAY:%Y-%m}", "--all", "-o", str(full / "r.xlsx")),
            ("backup", "-o", str(full / "b.sqlite")),
        ):
            done = _cli(home, "--db", any_db_url, *command)
            assert done.returncode == 1, done.stderr
            assert done.stderr.count("\n") == 1 and "disk full" in done.stderr, done.stderr
            assert list(full.iterdir()) == []
    finally:
        subprocess.run(["umount", str(full)], capture_output=True)


# ---------------------------------------------------------------------------------------- killed restore

# Restores a backup and stops at its first progress step (after the checked copy of the backup is made in the
# temp folder), waiting there to be killed.
_SLOW_RESTORE = textwrap.dedent(
    """
    import sys, time
    from desktop.services.backup import restore_workspace
    from desktop.services.operators import Actor

    def progress(done, total):
        print("progress", done, total, flush=True)
        time.sleep(600)

    restore_workspace(Actor(1, "群主", "owner"), sys.argv[1], sys.argv[2], progress=progress)
    """
)


def _restore_dirs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("qundesk-restore-"))


def test_a_killed_restore_leaves_no_temp_copy_behind(any_db_url, demo_file, tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    home = tmp_path / "home"
    target = any_db_url if "://" in any_db_url else str(tmp_path / "restored.sqlite")
    env = _env(home, TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_RESTORE, str(demo_file), target],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("progress"), proc.stderr.read()
        left = _restore_dirs(temp)
        assert len(left) == 1 and left[0].startswith(f"qundesk-restore-{proc.pid}-")
        assert (temp / left[0] / "backup.sqlite").stat().st_size > 100_000  # the copy a kill would leave
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert _restore_dirs(temp) == left  # SIGKILL: nothing could clean up

    again = subprocess.run(
        [sys.executable, str(REPO / "tests" / "desktop" / "crash_writer.py"), "restore", str(demo_file), target],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert _restore_dirs(temp) == []  # the killed run's copy is gone, and the new run's own
    if "://" not in target:
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".restored")) == []


def test_stale_temp_files_are_recognised_by_their_process(tmp_path):
    temp, backups = tmp_path / "tmp", tmp_path / "backups"
    temp.mkdir()
    backups.mkdir()
    live = temp / f"qundesk-restore-{os.getpid()}-abc"
    dead_pid = 2**22 + 12_345  # above Linux's pid_max: no such process
    dead = temp / f"qundesk-restore-{dead_pid}-def"
    other = temp / "someone-else"
    for folder in (live, dead, other):
        folder.mkdir()
        (folder / "backup.sqlite").write_bytes(b"x" * 1000)
    from models import clock

    stale_auto = backups / ".auto-20200101.sqlite.backup.tmp"
    todays = backups / f".auto-{clock.today():%Y%m%d}.sqlite.backup.tmp"
    for f in (stale_auto, todays):
        f.write_bytes(b"partial")
    removed = clear_stale_temp(backups, temp)
    assert sorted(removed) == sorted([dead, stale_auto])
    assert live.exists() and other.exists() and todays.exists()


# ====================================================================================== text limits


LIMIT_MESSAGE = (
    "name: 社群名称 (group name) 太长: 最多 100 个字符, 这里有 5000 个"
    " (too long: at most 100 characters, this one has 5000)"
)


def test_a_5000_character_group_name_is_refused_the_same_way_on_both_engines(workspace, owner):
    with workspace.session() as s:
        with pytest.raises(ValidationError) as caught:
            create_group(s, owner, "群" * 5000)
        s.rollback()
        assert str(caught.value) == LIMIT_MESSAGE and caught.value.field == "name"
        assert s.scalar(select(Group.id).where(Group.name.like("群群%"))) is None
        # a name of exactly 100 characters is fine (emoji count as one character on both engines)
        create_group(s, owner, "🌅" * 100)
        s.commit()


def test_every_write_path_holds_the_limit(workspace, owner):
    """ORM objects changed later, Core INSERT/UPDATE (parameters, .values(), renamed bind parameters) and the
    driver-level bulk writers: the same refusal before the database sees the value."""
    from sqlalchemy import bindparam

    with workspace.session() as s:
        gid = create_group(s, owner, GROUP)
        mid, _ms = add_member(s, owner, gid, MemberInput(display_name="张三"))
        s.commit()
    attempts = {
        "orm update": lambda s: setattr(s.get(Member, mid), "nickname", "昵" * 101),
        "core insert": lambda s: s.execute(insert(Tag), [{"name": "t" * 51}]),
        "core values": lambda s: s.execute(update(Group).where(Group.id == gid).values(name="g" * 101)),
        "renamed bindparam": lambda s: s.connection().execute(
            update(Member.__table__).where(Member.__table__.c.id == bindparam("b_id")).values(city=bindparam("v_c")),
            [{"b_id": mid, "v_c": "城" * 51}],
        ),
        "bulk.execute_many": lambda s: bulk.execute_many(
            s.connection(), "INSERT INTO tag (name, color) VALUES (?, ?)", [("ok", "#000000"), ("t" * 60, "#000000")]
        ),
        "bulk.execute_many, NULLs beside the long text": lambda s: bulk.execute_many(
            s.connection(), "INSERT INTO tag (name, color) VALUES (?, ?)", [("a", None), ("b", "#" * 30), ("c", 7)]
        ),
        "bulk.insert_returning": lambda s: bulk.insert_returning(
            s.connection(), "tag", ("name", "color"), [("x" * 70, "#000000")]
        ),
    }
    for what, attempt in attempts.items():
        with workspace.session() as s:
            with pytest.raises(ValidationError, match="too long") as caught:
                attempt(s)
                s.flush()
            s.rollback()
        assert "太长" in str(caught.value), what
    with workspace.session() as s:
        assert s.get(Member, mid).nickname is None and s.scalar(select(Tag.id).where(Tag.name.like("t%"))) is None


def test_the_driver_level_writes_fail_as_sqlalchemy_writes_do(workspace, owner):
    """The check-in path and the bulk writers run on the driver's cursor (models/bulk.py `_run`): a refused row
    still raises SQLAlchemy's IntegrityError naming the statement, the transaction is left for the caller to roll
    back, and nothing of the call stays."""
    from sqlalchemy.exc import IntegrityError

    with workspace.session() as s:
        gid = create_group(s, owner, GROUP)
        _mid, ms = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 1, 1)))
        s.commit()
    with workspace.session() as s:
        with pytest.raises(IntegrityError, match="checkin") as caught:
            bulk.execute_many(
                s.connection(),
                "INSERT INTO checkin (membership_id, group_id, day, logged_at, source, late, recorded_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(ms, gid, date(2026, 11, 2), datetime(2026, 11, 2, 8), "manual", False, owner.id)] * 2,
            )
        assert "INSERT INTO checkin" in str(caught.value)
        s.rollback()
        assert s.scalar(select(CheckIn.id)) is None
        record_checkins(s, owner, gid, date(2026, 11, 2), [ms], today=date(2026, 11, 4))
        s.commit()
        assert s.scalar(select(CheckIn.day)) == date(2026, 11, 2)


def test_a_driver_level_write_as_the_first_statement_is_committed(workspace):
    """A connection's first statement run on the driver's cursor begins SQLAlchemy's transaction, as its own
    execute would: the connection's commit() then commits it (without, SQLAlchemy saw no transaction, its commit
    did nothing and the row was rolled back when the connection went back to the pool)."""
    with workspace.engine.connect() as conn:
        bulk.execute_many(conn, "INSERT INTO tag (name, color) VALUES (?, ?)", [("首写", "#000000")])
        assert bulk.fetch(conn, "SELECT name FROM tag WHERE name = ?", ["首写"]) == [("首写",)]
        conn.commit()
    with workspace.engine.connect() as conn:
        assert bulk.fetch(conn, "SELECT count(*) FROM tag WHERE name = ?", ["首写"]) == [(1,)]
        conn.rollback()


def test_a_check_in_while_writes_are_held_says_why_and_writes_nothing(tmp_path):
    """While the start-up check runs (models/db.py hold_writes), a check-in — written on the driver's cursor —
    raises WritesHeld with the reason, as every other write does, not the driver's bare "readonly database"."""
    from models.db import WritesHeld

    database = open_workspace(tmp_path / "held.sqlite")
    try:
        owner = actor_for(database)
        with database.session() as s:
            gid = create_group(s, owner, GROUP)
            _mid, ms = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 1, 1)))
            s.commit()
        database.hold_writes("the workspace is being checked")
        with database.session() as s:
            with pytest.raises(WritesHeld, match="being checked"):
                record_checkins(s, owner, gid, date(2026, 11, 2), [ms], today=date(2026, 11, 4))
            s.rollback()
        database.release_writes()
        with database.session() as s:
            assert s.scalar(select(CheckIn.id)) is None
            record_checkins(s, owner, gid, date(2026, 11, 2), [ms], today=date(2026, 11, 4))
            s.commit()
            assert s.scalar(select(CheckIn.day)) == date(2026, 11, 2)
    finally:
        database.dispose()


def test_the_cli_refuses_an_overlong_group_name_on_both_engines(any_db_url, tmp_path, capsys):
    roster = tmp_path / "名单.csv"
    roster.write_text("姓名\n张三\n", encoding="utf-8")
    assert run(capsys, "--db", any_db_url, "db", "upgrade")[0] == 0  # an existing workspace (a failed command
    # leaves no new SQLite file behind: test_cli.py)
    code, out, err = run(capsys, "--db", any_db_url, "import", "roster", str(roster), "--group", "群" * 5000)
    assert code == 1 and "Traceback" not in err
    assert err.strip() == f"qundesk: {LIMIT_MESSAGE}"
    code, out, _ = run(capsys, "--db", any_db_url, "groups", "--json")
    assert code == 0 and json.loads(out) == []


def test_an_import_row_with_a_300_character_name_names_row_and_column(any_db_url, tmp_path, capsys):
    roster = tmp_path / "名单.csv"
    roster.write_text("姓名,微信号\n张三,zs1\n" + "长" * 300 + ",long1\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", any_db_url, "import", "roster", str(roster), "--group", GROUP)
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[0].startswith("qundesk: 名单.csv 第3行 姓名 列:") and "100" in lines[0]
    assert "nothing was imported" in lines[-1]


def test_a_chat_export_with_overlong_names_and_ids_imports(any_db_url, tmp_path, capsys, monkeypatch):
    """A sender whose nickname is 300 characters and whose ID is 155: added (--add-unknown) with the name cut to
    the column's 100 characters and no WeChat ID (it cannot be one), on both engines."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")
    sender, name = "wxid_" + "a" * 150, "长" * 300
    lines = [
        {"_type": "header", "chatlab": {"version": "0.0.2"}, "meta": {"name": "长名群", "type": "group"}},
        {"_type": "member", "platformId": sender, "accountName": name, "groupNickname": name},
        {"_type": "message", "sender": sender, "accountName": name, "timestamp": 1793484920, "type": 0,
         "content": "早安打卡", "platformMessageId": "1"},
    ]  # fmt: skip
    export = tmp_path / "chat.jsonl"
    export.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    code, out, err = run(
        capsys, "--db", any_db_url, "import", "chat", str(export), "--group", "长名群", "--add-unknown"
    )
    assert code == 0, err
    code, out, _ = run(capsys, "--db", any_db_url, "members", "--group", "长名群", "--json")
    [member] = json.loads(out)
    assert member["name"] == "长" * 100 and member["wechat_id"] is None


# ====================================================================================== dates


def test_checkin_dates_before_2000_are_refused_clearly(seeded, tmp_path, capsys):
    paste = tmp_path / "chain.txt"
    paste.write_text("#接龙 早起打卡\n1. 李四\n2. 张三 补昨天\n", encoding="utf-8")
    for day in ("0001-01-01", "1999-12-31"):
        for how in (("李四",), ("--paste", str(paste))):
            code, out, err = run(capsys, "--db", seeded, "checkin", "--group", GROUP, "--date", day, *how)
            assert code == 1 and out == "" and "Traceback" not in err
            assert err.strip() == (
                f"qundesk: --date: {day} 太早, 日期不能早于 2000-01-01 (a day before 2000-01-01 is not a real date)"
            )
    future = (TEST_TODAY + timedelta(days=1)).isoformat()
    code, _out, err = run(capsys, "--db", seeded, "checkin", "--group", GROUP, "--date", future, "李四")
    assert code == 1 and "future" in err
    assert _checkins(seeded) == 0


def test_no_checkin_before_the_member_joined(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, GROUP)
        _mid, ms = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=JOINED))
        s.commit()
    with workspace.session() as s:
        with pytest.raises(ValidationError) as caught:
            record_checkins(s, owner, gid, date(2026, 11, 9), [ms], today=TEST_TODAY)
        s.rollback()
    assert "11月10日才入群" in str(caught.value) and "2026-11-09" in str(caught.value)
    with workspace.session() as s:
        assert record_checkins(s, owner, gid, date(2026, 11, 10), [ms], today=TEST_TODAY).logged == (ms,)
        s.commit()


def test_a_pasted_line_of_someone_who_joined_later_is_not_a_member(seeded, tmp_path, capsys):
    paste = tmp_path / "chain.txt"
    paste.write_text("#接龙 早起打卡\n1. 李四 6:01\n2. 张三 6:05\n", encoding="utf-8")
    code, out, err = run(
        capsys, "--db", seeded, "checkin", "--group", GROUP, "--date", "2026-11-09", "--paste", str(paste)
    )
    assert code == 0
    assert "logged 1" in out and "not a member 1" in out
    assert f"{paste} 第3行 非本群成员 not a member: 张三: 11月10日才入群 (joined on 2026-11-10, after this day)" in err
    assert _checkins(seeded) == 1
    # by name, all or nothing: 张三 on 9 November is refused with the reason, nothing logged
    code, out, err = run(capsys, "--db", seeded, "checkin", "--group", GROUP, "--date", "2026-11-08", "李四", "张三")
    assert code == 1 and "11月10日才入群" in err and _checkins(seeded) == 1


# ====================================================================================== read-only


def _drop_privileges() -> list[str] | None:
    """How to run a command so that file permissions apply: as it is for a normal user; for root, without the
    capabilities that bypass them (setpriv); None when that cannot be done here."""
    if sys.platform == "win32":
        return None
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        return None
    caps = "-dac_override,-dac_read_search"
    prefix = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]
    probe = subprocess.run([*prefix, sys.executable, "-c", "print(1)"], capture_output=True, text=True)
    return prefix if probe.returncode == 0 else None


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_workspace_says_so(what, tmp_path):
    prefix = _drop_privileges()
    if prefix is None:
        pytest.skip("cannot run without the privileges that ignore file permissions here")
    folder = tmp_path / "ws"
    folder.mkdir()
    path = folder / "workspace.sqlite"
    _seed(str(path))
    for side in folder.glob("workspace.sqlite-*"):
        side.unlink()
    home = tmp_path / "home"
    try:
        if what == "file":
            path.chmod(0o444)
        else:
            folder.chmod(0o555)
        for command in (
            ("groups",),
            ("checkin", "--group", GROUP, "李四"),
            ("backup", "-o", str(tmp_path / "b.sqlite")),
        ):
            done = subprocess.run(
                [*prefix, sys.executable, "-m", "desktop.cli", "--db", str(path), *command],
                cwd=REPO,
                env=_env(home),
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert done.returncode == 3, done.stderr
            assert "只读" in done.stderr and "read-only" in done.stderr and str(path) in done.stderr
            assert "unable to open database file" not in done.stderr and "Traceback" not in done.stderr
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert _checkins(str(path)) == 0


# ====================================================================================== daily backup


def _autos(folder: Path) -> list[Path]:
    return sorted(folder.glob("auto-*.sqlite")) if folder.is_dir() else []


def test_the_first_write_of_the_day_takes_the_automatic_backup(seeded, tmp_path, isolated_home, capsys):
    """SQLite: the day's backup (of the state before the write) beside a --db file, once a day; reads and dry
    runs take none. PostgreSQL: none (the server's own backups, README › Team mode)."""
    beside = Path(seeded).parent / "backups" if "://" not in seeded else None
    home_backups = isolated_home / "backups"
    assert run(capsys, "--db", seeded, "groups")[0] == 0
    assert run(capsys, "--db", seeded, "stats", "--group", GROUP)[0] == 0
    roster = tmp_path / "名单.csv"
    roster.write_text("姓名\n王五\n", encoding="utf-8")
    assert run(capsys, "--db", seeded, "import", "roster", str(roster), "--group", GROUP, "--dry-run")[0] == 0
    assert (beside is None or _autos(beside) == []) and _autos(home_backups) == []

    code, _out, err = run(capsys, "--db", seeded, "checkin", "--group", GROUP, "李四")
    assert code == 0 and err == ""
    if beside is None:
        assert _autos(home_backups) == [] and not (tmp_path / "backups").exists()
        return
    [auto] = _autos(beside)
    assert auto.name == f"auto-{TEST_TODAY:%Y%m%d}-workspace.sqlite" and _autos(home_backups) == []
    assert _checkins(str(auto)) == 0 and _checkins(seeded) == 1  # taken before the write
    taken = auto.stat().st_mtime_ns
    time.sleep(0.01)
    assert run(capsys, "--db", seeded, "import", "roster", str(roster), "--group", GROUP)[0] == 0
    assert _autos(beside) == [auto] and auto.stat().st_mtime_ns == taken  # once a day


def test_the_default_workspace_shares_the_window_s_backup_folder(isolated_home, capsys, monkeypatch):
    monkeypatch.delenv("QUNDESK_DB", raising=False)
    default = isolated_home / "qundesk.sqlite"
    _seed(str(default))
    code, _out, err = run(capsys, "checkin", "--group", GROUP, "李四")
    assert code == 0, err
    assert [p.name for p in _autos(isolated_home / "backups")] == [f"auto-{TEST_TODAY:%Y%m%d}.sqlite"]


def test_a_failed_automatic_backup_does_not_stop_the_write(seeded, capsys, monkeypatch):
    if "://" in seeded:
        pytest.skip("PostgreSQL workspaces take no automatic backup")
    import desktop.services.backup as backup

    def broken(*args, **kwargs):
        raise backup.BackupError("磁盘空间不足 (disk full)")

    monkeypatch.setattr(backup, "auto_backup", broken)
    code, out, err = run(capsys, "--db", seeded, "checkin", "--group", GROUP, "李四")
    assert code == 0 and "logged 1" in out
    assert err.startswith("qundesk: 提示 (warning): 今天的自动备份没有成功") and "disk full" in err
