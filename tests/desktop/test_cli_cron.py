"""`qundesk` as an owner's nightly script runs it: stdout a pipe, no terminal, a cron job's bare environment (no
HOME, no XDG, no DISPLAY), a locale that is not UTF-8, a QUNDESK_PASSWORD left in the environment, a SIGTERM from
`timeout` or a stopping service. Every command runs in a subprocess with that environment; results are read back.

These tests pin their own day (TODAY): their facts are dated against it, whatever day the suite runs on."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
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
        cwd=REPO,
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
