"""`qundesk` as an owner's nightly script runs it: stdout a pipe, no terminal, a cron job's bare environment (no
HOME, no XDG, no DISPLAY), a locale that is not UTF-8, a QUNDESK_PASSWORD left in the environment, a SIGTERM from
`timeout` or a stopping service. Every command runs in a subprocess with that environment; results are read back.

These tests pin their own day (TODAY): their facts are dated against it, whatever day the suite runs on."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STOPPER = Path(__file__).resolve().parent / "cli_stopper.py"
TODAY = date(2026, 11, 18)
CAMP = "早起打卡营🌅"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


not_posix_modes = pytest.mark.skipif(os.name != "posix", reason="file modes and the umask are POSIX")


def cron_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """What cron gives a job: a PATH and little else (no HOME, LANG, XDG_*, DISPLAY, PYTHONIOENCODING)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(REPO),
        "QUNDESK_TODAY": TODAY.isoformat(),
        "QUNDESK_HOME": str(tmp_path / "data folder"),  # never the real data folder
    }
    for name in ("SYSTEMROOT", "TEMP", "TMP", "TMPDIR"):  # what a process needs at all on some systems
        if name in os.environ:
            env[name] = os.environ[name]
    env.update(extra)
    return env


# A locale whose encoding is not UTF-8, on any machine: the C locale without Python's coercion to UTF-8 (what a
# system without C.UTF-8, or LANG=en_US.ISO-8859-1 / zh_CN.GBK, gives a script's UTF-8 bytes: not UTF-8 text)
NOT_UTF8 = {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}


def qundesk(tmp_path: Path, *argv: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *argv],
        cwd=tmp_path,  # a relative path (or a refused one) lands here, never in the checkout
        env=cron_env(tmp_path, **env),
        input=stdin,
        capture_output=True,
        timeout=300,
    )


def text(stream: bytes) -> str:
    return stream.decode("utf-8")


@pytest.fixture
def workspace(tmp_path) -> Path:
    """A camp with three members (one checked in on TODAY), made through the services."""
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace
    from models import CheckIn

    path = tmp_path / "工作区 2026" / "社群.sqlite"
    path.parent.mkdir()
    db = open_workspace(path)
    actor = actor_for(db)
    with db.session() as s:
        camp = create_group(s, actor, CAMP, kind="camp")
        ids = [add_member(s, actor, camp, MemberInput(display_name=n))[1] for n in ("张三", "李四", "王五")]
        s.add(CheckIn(membership_id=ids[0], group_id=camp, day=TODAY, recorded_by=actor.id))
        s.commit()
    db.dispose()
    return path


def group_names(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM community_group ORDER BY id")]


def member_names(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return sorted(r[0] for r in conn.execute("SELECT display_name FROM member"))


# ---- a locale that is not UTF-8 ---------------------------------------------------------------------------------


def test_a_utf8_script_on_a_locale_that_is_not_utf8_names_the_right_group(tmp_path, workspace):
    """`qundesk stats --group 早起打卡营` from a UTF-8 script under LANG=en_US.ISO-8859-1 (or C without coercion):
    Python read the command line in the locale's encoding, so the group was 'æ\\x97©èµ·…' (no such group, exit 1)
    — or, under ASCII, a traceback from the database driver."""
    result = qundesk(tmp_path, "--db", str(workspace), "stats", "--group", CAMP, "--json", **NOT_UTF8)
    assert result.returncode == 0, text(result.stderr)
    stats = json.loads(text(result.stdout))
    assert stats["group"] == CAMP and stats["month"] == TODAY.strftime("%Y-%m")
    assert stats["members_total"] == 3 and stats["checkins"] == 1

    result = qundesk(tmp_path, "--db", str(workspace), "text", "reminder", "--group", CAMP, **NOT_UTF8)
    assert result.returncode == 0, text(result.stderr)
    reminder = text(result.stdout)
    assert "@李四" in reminder and "@王五" in reminder and "@张三" not in reminder


def test_an_import_on_a_locale_that_is_not_utf8_creates_the_group_it_was_given(tmp_path, workspace):
    """`import roster 名册.csv --group 晨读营` created a group named 'æ\\x99¨è¯»è\\x90¥' (mojibake), and said so in
    mojibake: a record naming the wrong group."""
    folder = tmp_path / "每日 导入"
    folder.mkdir()
    roster = folder / "名册 11月.csv"
    roster.write_text("姓名,微信号\n赵敏,zhaomin01\n钱多多,qdd02\n", encoding="utf-8")
    result = qundesk(tmp_path, "--db", str(workspace), "import", "roster", str(roster), "--group", "晨读营", **NOT_UTF8)
    assert result.returncode == 0, text(result.stderr)
    assert "社群「晨读营」不存在, 已创建" in text(result.stdout) and "名册 11月.csv" in text(result.stdout)
    assert group_names(workspace) == [CAMP, "晨读营"]
    assert member_names(workspace) == sorted(["张三", "李四", "王五", "赵敏", "钱多多"])


def test_an_operator_named_in_the_environment_on_a_locale_that_is_not_utf8_signs_in(tmp_path, workspace):
    """QUNDESK_OPERATOR=群主 was read as mojibake too: "no operator named …", exit 4, every night."""
    result = qundesk(
        tmp_path, "--db", str(workspace), "operator", "passwd", "群主", "--password-stdin", stdin=b"owner-secret-1\n"
    )
    assert result.returncode == 0, text(result.stderr)
    signed_in = {"QUNDESK_OPERATOR": "群主", "QUNDESK_PASSWORD": "owner-secret-1", **NOT_UTF8}
    result = qundesk(tmp_path, "--db", str(workspace), "groups", "--json", **signed_in)
    assert result.returncode == 0, text(result.stderr)
    assert [g["name"] for g in json.loads(text(result.stdout))] == [CAMP]
    result = qundesk(tmp_path, "--db", str(workspace), "groups", "--json", **{**signed_in, "QUNDESK_PASSWORD": "x1"})
    assert result.returncode == 4 and result.stdout == b""
    assert "Traceback" not in text(result.stderr)


# ---- an unset variable in the script ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--db", "", "groups", "--json"],
        ["import", "roster", "ROSTER", "--group", "晨读营", "--db", " "],
        ["--db", "WORKSPACE", "--operator", "", "checkin", "--group", CAMP, "李四"],
    ],
)
def test_an_empty_db_or_operator_is_a_usage_error(tmp_path, workspace, argv):
    """`qundesk --db "$WORKSPACE" import roster …` with WORKSPACE unset: `--db ""` was taken as not given, so the
    import went into the default workspace of the data folder (created for it) and `groups` listed that one's
    groups, exit 0; `--operator ""` acted as the owner. Now exit 2, nothing anywhere written."""
    roster = tmp_path / "名册.csv"
    roster.write_text("姓名,微信号\n赵敏,zhaomin01\n", encoding="utf-8")
    argv = [{"ROSTER": str(roster), "WORKSPACE": str(workspace)}.get(a, a) for a in argv]
    before = workspace.read_bytes()
    result = qundesk(tmp_path, *argv)
    err = text(result.stderr)
    assert result.returncode == 2 and result.stdout == b"", err
    assert "is empty" in err and "Traceback" not in err
    assert not (tmp_path / "data folder" / "qundesk.sqlite").exists()
    assert workspace.read_bytes() == before


def checkins_on(path: Path, day: date) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT m.display_name FROM checkin c JOIN membership ms ON ms.id = c.membership_id"
            " JOIN member m ON m.id = ms.member_id WHERE c.day = ?",
            (day.isoformat(),),
        )
        return sorted(r[0] for r in rows)


def test_a_chain_piped_in_is_read_from_stdin(tmp_path, workspace):
    """`xclip -o | qundesk checkin --group 早起打卡营🌅 --paste -` was refused: "-: 无法读取 (cannot read)", exit 1.
    The day is given (`--date`): run between midnight and 5:40, the chain's times are still to come, and the CLI
    rightly takes it for yesterday's and asks — the test failed in a clean-clone run at 00:36 (the pinned day keeps
    the real time of day, models/clock.py)."""
    chain = "#接龙\n早起打卡\n1. 张三 5:40\n2. 李四 6:01\n3. 陌生人\n".encode()
    day = ("--date", TODAY.isoformat())
    result = qundesk(tmp_path, "--db", str(workspace), "checkin", "--group", CAMP, *day, "--paste", "-", stdin=chain)
    assert result.returncode == 0, text(result.stderr)
    assert "新记录 logged 1" in text(result.stdout) and "已打卡 already 1" in text(result.stdout)
    assert "标准输入 (stdin) 第5行 未匹配 unmatched: 陌生人" in text(result.stderr)
    assert checkins_on(workspace, TODAY) == ["张三", "李四"]
    again = qundesk(tmp_path, "--db", str(workspace), "checkin", "--group", CAMP, *day, "--paste", "-", stdin=chain)
    assert again.returncode == 0 and "新记录 logged 0" in text(again.stdout)
    assert checkins_on(workspace, TODAY) == ["张三", "李四"]


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_a_chain_saved_by_notepad_or_powershell_is_read(tmp_path, workspace, encoding):
    """A chain saved by Notepad as "ANSI" on Chinese Windows (GBK) or by Windows PowerShell's `Get-Clipboard >`
    (UTF-16 with its BOM) was refused — "第1行: 不是 UTF-8 文本" — though the roster and chat imports read both."""
    chain = tmp_path / "接龙.txt"
    chain.write_bytes("#接龙\n1. 张三\n2. 李四 6:01\n3. 陌生人\n".encode(encoding))
    result = qundesk(tmp_path, "--db", str(workspace), "checkin", "--group", CAMP, "--paste", str(chain))
    assert result.returncode == 0, text(result.stderr)
    assert "新记录 logged 1" in text(result.stdout) and "已打卡 already 1" in text(result.stdout)
    assert "接龙.txt 第4行 未匹配 unmatched: 陌生人" in text(result.stderr)
    assert checkins_on(workspace, TODAY) == ["张三", "李四"]


def test_a_chain_in_utf8_with_a_damaged_byte_is_refused_naming_its_line(tmp_path, workspace):
    chain = tmp_path / "接龙.txt"
    lines = ["#接龙 早起打卡营🌅 每日打卡", *[f"{i}. 张三李四王五赵六孙七" for i in range(1, 6)]]
    data = "\n".join(lines).encode("utf-8")
    cut = data.index(b"3. ") + 3
    chain.write_bytes(data[:cut] + b"\xff" + data[cut:])
    result = qundesk(tmp_path, "--db", str(workspace), "checkin", "--group", CAMP, "--paste", str(chain))
    assert result.returncode == 1 and result.stdout == b""
    assert "第4行" in text(result.stderr) and "not UTF-8" in text(result.stderr)
    assert checkins_on(workspace, TODAY) == ["张三"]


@not_posix_modes
def test_exports_under_a_private_umask_are_private(tmp_path, workspace):
    """A cron job on a shared server runs under `umask 077`: its backups came out 0600, but `export roster` (an
    owner's: every phone number in full) and `export report` were always 0644 — readable by every user of the
    machine. A new workbook now takes the umask, as every other file does; one written over keeps its mode."""
    out = tmp_path / "out"
    out.mkdir()
    script = (
        "import os, sys, runpy; os.umask(0o077); sys.argv = ['qundesk', *sys.argv[1:]];"
        " runpy.run_module('desktop.cli', run_name='__main__')"
    )
    for argv in (
        ["export", "roster", "--all", "-o", str(out / "名册.xlsx")],
        ["export", "report", "--all", "--month", TODAY.strftime("%Y-%m"), "-o", str(out / "月报.xlsx")],
        ["backup", "-o", str(out / "备份.sqlite")],
    ):
        result = subprocess.run(
            [sys.executable, "-c", script, "--db", str(workspace), *argv],
            cwd=tmp_path,
            env=cron_env(tmp_path),
            capture_output=True,
            timeout=300,
        )
        assert result.returncode == 0, text(result.stderr)
    modes = {p.name: p.stat().st_mode & 0o777 for p in out.iterdir()}
    assert modes == {"名册.xlsx": 0o600, "月报.xlsx": 0o600, "备份.sqlite": 0o600}
    (out / "名册.xlsx").chmod(0o640)  # one the owner shared with their group on purpose stays so
    result = qundesk(tmp_path, "--db", str(workspace), "export", "roster", "--all", "-o", str(out / "名册.xlsx"))
    assert result.returncode != 0 and "--force" in text(result.stderr)  # an existing file is left alone
    assert (out / "名册.xlsx").stat().st_mode & 0o777 == 0o640
    result = qundesk(
        tmp_path, "--db", str(workspace), "export", "roster", "--all", "-o", str(out / "名册.xlsx"), "--force"
    )
    assert result.returncode == 0 and (out / "名册.xlsx").stat().st_mode & 0o777 == 0o640


# ---- file names that are not UTF-8 (a zip made on Chinese Windows, unpacked on Linux) ---------------------------

GBK_ROSTER = "名册.csv".encode("gbk")  # b"\xc3\xfb\xb2\xe1.csv": no UTF-8
GBK_CHAIN = "接龙.txt".encode("gbk")
not_posix = pytest.mark.skipif(os.name != "posix", reason="file names are bytes only on POSIX")


@not_posix
def test_files_named_in_gbk_are_read_under_their_readable_names(tmp_path, workspace):
    """`unzip 名单.zip` of a zip from Windows gives `\xc3\xfb\xb2\xe1.csv`: `import roster` on it stopped with a
    UnicodeEncodeError traceback when it recorded the file's name (exit 1); `checkin --paste` named its lines with
    the bytes as they came. Now the file is read and named as its owner reads it: 名册.csv, 接龙.txt."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, GBK_ROSTER), "w", encoding="utf-8") as fh:
        fh.write("姓名,微信号\n赵敏,zhaomin01\n钱多多,qdd02\n")
    env = {"TMPDIR": str(tmp)}
    result = qundesk(tmp_path, "--db", str(workspace), "import", "roster", os.path.join(folder, GBK_ROSTER),
                     "--group", CAMP, **env)  # fmt: skip
    assert result.returncode == 0, text(result.stderr)
    assert "名册.csv → " + CAMP in text(result.stdout) and "新增 added            2" in text(result.stdout)
    assert member_names(workspace) == sorted(["张三", "李四", "王五", "赵敏", "钱多多"])
    with sqlite3.connect(workspace) as conn:
        recorded = [r[0] for r in conn.execute("SELECT summary FROM audit_log WHERE action = 'import.roster'")]
    assert recorded and any("名册.csv" in (r or "") for r in recorded)

    with open(os.path.join(folder, GBK_CHAIN), "w", encoding="utf-8") as fh:
        fh.write("#接龙\n1. 李四\n2. 陌生人\n")
    result = qundesk(tmp_path, "--db", str(workspace), "checkin", "--group", CAMP, "--paste",
                     os.path.join(folder, GBK_CHAIN), **env)  # fmt: skip
    assert result.returncode == 0, text(result.stderr)
    assert "接龙.txt 第3行 未匹配 unmatched: 陌生人" in text(result.stderr)
    assert checkins_on(workspace, TODAY) == ["张三", "李四"]
    assert list(tmp.iterdir()) == []  # the links it read them through are gone


@not_posix
def test_an_output_or_workspace_named_in_gbk_is_refused_before_anything_is_written(tmp_path, workspace):
    """`export roster -o` into such a name wrote the workbook, then stopped with a traceback recording it in the audit
    log (an owner's export is unmasked: a file of full phone numbers nobody's audit shows); `checkin` on such a --db
    stopped with a traceback in the daily backup. Both are refused now, naming the path as it reads."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = os.path.join(os.fsencode(out_dir), "名册.xlsx".encode("gbk"))
    result = qundesk(tmp_path, "--db", str(workspace), "export", "roster", "--all", "-o", target)
    err = text(result.stderr)
    assert result.returncode == 1 and "Traceback" not in err and "名册.xlsx" in err and "UTF-8" in err
    assert list(out_dir.iterdir()) == []
    with sqlite3.connect(workspace) as conn:
        assert conn.execute("SELECT count(*) FROM audit_log WHERE action LIKE 'export%'").fetchone()[0] == 0

    gbk_db = os.path.join(os.fsencode(tmp_path), "社群.sqlite".encode("gbk"))
    with open(workspace, "rb") as src, open(gbk_db, "wb") as dst:
        dst.write(src.read())
    before = open(gbk_db, "rb").read()
    result = qundesk(tmp_path, "--db", gbk_db, "checkin", "--group", CAMP, "李四")
    err = text(result.stderr)
    assert result.returncode == 3 and "Traceback" not in err and "社群.sqlite" in err
    assert open(gbk_db, "rb").read() == before and not (tmp_path / "backups").exists()


# ---- a password left in the environment -------------------------------------------------------------------------


@pytest.mark.parametrize("password", [TODAY.strftime("%Y"), TODAY.strftime("%Y-%m"), "members"])
def test_a_password_in_the_environment_never_changes_the_results(tmp_path, workspace, password):
    """QUNDESK_PASSWORD left in a cron job's environment (another workspace's, a wrong one) where nobody has a
    password: it was hidden from stdout too, so `"month": "2026-11"` came out as `"***-11"` and a figure equal to
    it as `***` — invalid JSON on the owner's dashboard. Results are printed as they are; messages on stderr
    still never show it."""
    result = qundesk(tmp_path, "--db", str(workspace), "stats", "--group", CAMP, "--json", QUNDESK_PASSWORD=password)
    assert result.returncode == 0, text(result.stderr)
    stats = json.loads(text(result.stdout))
    assert stats["month"] == TODAY.strftime("%Y-%m") and stats["members_total"] == 3

    result = qundesk(tmp_path, "--db", str(workspace), "groups", "--json", QUNDESK_PASSWORD=password)
    assert result.returncode == 0
    assert json.loads(text(result.stdout))[0]["members_total"] == 3


def test_the_operators_password_stays_off_stderr(tmp_path, workspace):
    secret = "Hunter2-owner"
    assert qundesk(tmp_path, "--db", str(workspace), "operator", "passwd", "群主", "--password-stdin",
                   stdin=f"{secret}\n".encode()).returncode == 0  # fmt: skip
    # a sign-in that fails names the operator, never the password given
    result = qundesk(tmp_path, "--db", str(workspace), "groups", QUNDESK_OPERATOR="群主", QUNDESK_PASSWORD=secret + "x")
    assert result.returncode == 4 and secret not in text(result.stderr) and "群主" in text(result.stderr)


@pytest.mark.parametrize("given", [None, ""])
def test_a_password_not_given_is_not_called_wrong(tmp_path, workspace, given):
    """A cron job whose QUNDESK_PASSWORD was not exported (or is empty) was told 「密码不正确 (wrong password)」: the
    owner changes a password that was right. It says that none was given and where it goes."""
    assert qundesk(tmp_path, "--db", str(workspace), "operator", "passwd", "群主", "--password-stdin",
                   stdin=b"owner-secret-1\n").returncode == 0  # fmt: skip
    env = {"QUNDESK_OPERATOR": "群主"} if given is None else {"QUNDESK_OPERATOR": "群主", "QUNDESK_PASSWORD": given}
    result = qundesk(tmp_path, "--db", str(workspace), "stats", "--group", CAMP, "--json", **env)
    err = text(result.stderr)
    assert result.returncode == 4 and result.stdout == b""
    assert "no password given" in err and "QUNDESK_PASSWORD" in err and "wrong" not in err
    assert ("is empty" if given == "" else "is not set") in err
    result = qundesk(
        tmp_path, "--db", str(workspace), "stats", "--group", CAMP, QUNDESK_OPERATOR="群主", QUNDESK_PASSWORD="nope-1"
    )
    assert result.returncode == 4 and "wrong password" in text(result.stderr)


# ---- SIGTERM, SIGHUP, Ctrl-C half-way -----------------------------------------------------------------------------


def stopped_half_way(tmp_path: Path, where: str, signum: int, *argv: str) -> subprocess.CompletedProcess:
    """Runs `qundesk ARGV` until it reaches `where` (tests/desktop/cli_stopper.py), then sends `signum`."""
    marker = tmp_path / "stopped.marker"
    child = subprocess.Popen(
        [sys.executable, str(STOPPER), str(marker), where, *argv],
        cwd=tmp_path,
        env=cron_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # the signals as cron or a terminal gives them: a suite run under nohup passes SIGHUP on ignored, and a
        # command started so rightly keeps ignoring it (desktop/cli._on_termination)
        preexec_fn=lambda: [signal.signal(s, signal.SIG_DFL) for s in (signal.SIGHUP, signal.SIGTERM)],
    )
    deadline = time.monotonic() + 240
    while not marker.exists():
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()
            out, err = child.communicate()
            pytest.fail(f"the command never reached {where}: {out!r} {err!r}")
        time.sleep(0.05)
    child.send_signal(signum)
    out, err = child.communicate(timeout=120)
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


@pytest.fixture
def big_roster(tmp_path) -> Path:
    path = tmp_path / "名册.csv"
    rows = "".join(f"成员{i},wx_{i:05d}\n" for i in range(50))
    path.write_text("姓名,微信号\n" + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_terminated_half_way_through_an_import_into_a_new_workspace_leaves_nothing(tmp_path, big_roster, signame):
    """`timeout 600 qundesk --db new.sqlite import roster …` killed half-way: the process died where it stood,
    without a word, leaving new.sqlite behind — an empty workspace the next night's `groups --db new.sqlite`
    read as one (exit 0, no groups) instead of "no such workspace file" (exit 3)."""
    signum = getattr(signal, signame)
    target = tmp_path / "新的 工作区.sqlite"
    result = stopped_half_way(
        tmp_path, "members", signum, "--db", str(target), "import", "roster", str(big_roster), "--group", "晨读营"
    )
    err = text(result.stderr)
    assert result.returncode == 128 + signum, err
    assert err.startswith("qundesk: 已终止") and signame in err and "Traceback" not in err
    assert result.stdout == b""
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("新的")) == []
    again = qundesk(tmp_path, "--db", str(target), "groups")
    assert again.returncode == 3 and not target.exists()


def test_terminated_half_way_through_an_import_into_a_workspace_writes_nothing(tmp_path, workspace, big_roster):
    result = stopped_half_way(
        tmp_path,
        "members",
        signal.SIGTERM,
        "--db",
        str(workspace),
        "import",
        "roster",
        str(big_roster),
        "--group",
        "晨读营",
    )
    assert result.returncode == 128 + signal.SIGTERM, text(result.stderr)
    assert group_names(workspace) == [CAMP]
    assert member_names(workspace) == ["张三", "李四", "王五"]


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT"])
def test_stopped_half_way_through_a_backup_leaves_no_file(tmp_path, workspace, signame):
    """A backup killed by SIGTERM left `.nightly.sqlite.backup-PID.tmp` beside the target (a hidden file of the
    workspace's size, every night the job ran over); Ctrl-C removed it, SIGTERM now does too."""
    signum = getattr(signal, signame)
    out_dir = tmp_path / "备份 目录"
    out_dir.mkdir()
    result = stopped_half_way(
        tmp_path, "backup", signum, "--db", str(workspace), "backup", "-o", str(out_dir / "nightly.sqlite")
    )
    err = text(result.stderr)
    assert result.returncode == 128 + signum, err
    assert "Traceback" not in err and result.stdout == b""
    assert sorted(p.name for p in out_dir.iterdir()) == []
