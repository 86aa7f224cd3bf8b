"""Sign-in and what each role may do, through the CLI (issue 14, PRODUCT §3.7, §4), on a real SQLite workspace
(the same on a team database is in test_team_roles.py): while no operator has a password everything runs as the
owner; once one has, nothing runs without signing in; refusals are exit 4 with a clear message, nothing
written, and no password is ever printed."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import datetime

import pytest

from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace

OWNER_PW = "owner-secret-1"
ASSIST_PW = "assist-secret-2"
GROUP = "早起打卡营"


@pytest.fixture
def ws(tmp_path, monkeypatch):
    monkeypatch.delenv("QUNDESK_PASSWORD", raising=False)
    monkeypatch.delenv("QUNDESK_OPERATOR", raising=False)
    path = tmp_path / "ws.sqlite"
    database = open_workspace(path)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, GROUP)
        add_member(
            s, owner, gid, MemberInput(display_name="张三", phone="13800138000", joined_at=datetime(2026, 11, 1))
        )
        s.commit()
    database.dispose()
    return str(path)


def run(capsys, *argv, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _audit_count(path: str, action: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM audit_log WHERE action = ?", (action,)).fetchone()[0]
    finally:
        conn.close()


def test_without_passwords_everything_runs_as_the_owner_or_the_operator_named(ws, capsys, monkeypatch):
    assert run(capsys, "--db", ws, "groups")[0] == 0
    code, out, _ = run(capsys, "--db", ws, "operator", "add", "小助理", "--role", "assistant")
    assert code == 0 and "小助理" in out
    code, out, _ = run(capsys, "--db", ws, "operator", "list", "--json")
    listed = {r["name"]: r for r in json.loads(out)}
    assert listed["小助理"] == {"name": "小助理", "role": "assistant", "has_password": False, "login": None}
    assert run(capsys, "--db", ws, "--operator", "小助理", "groups")[0] == 0
    monkeypatch.setenv("QUNDESK_OPERATOR", "小助理")  # the environment names the operator too
    code, _, err = run(capsys, "--db", ws, "backup", "-o", ws + ".bak")
    assert code == 4 and "无权" in err  # an assistant takes no backup: it holds every phone number


def test_once_a_password_exists_nothing_runs_without_signing_in(ws, capsys, monkeypatch):
    assert run(capsys, "--db", ws, "operator", "add", "管理员", "--role", "admin")[0] == 0
    code, _, _ = run(capsys, "--db", ws, "operator", "passwd", "群主", "--password-stdin",
                     stdin=OWNER_PW + "\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0
    monkeypatch.setenv("QUNDESK_OPERATOR", "群主")
    monkeypatch.setenv("QUNDESK_PASSWORD", OWNER_PW)
    code, _, _ = run(capsys, "--db", ws, "operator", "add", "小助理", "--role", "assistant", "--password-stdin",
                     stdin=ASSIST_PW + "\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0
    monkeypatch.delenv("QUNDESK_OPERATOR")
    monkeypatch.delenv("QUNDESK_PASSWORD")
    code, _, err = run(capsys, "--db", ws, "groups")
    assert code == 4 and "--operator" in err  # reads too
    code, _, err = run(capsys, "--db", ws, "members", "--group", GROUP, "--json")
    assert code == 4
    # the admin has no password yet: they cannot sign in until the owner gives them one... but the assistant can
    monkeypatch.setenv("QUNDESK_PASSWORD", ASSIST_PW)
    assert run(capsys, "--db", ws, "--operator", "小助理", "groups")[0] == 0
    code, _, err = run(capsys, "--db", ws, "--operator", "管理员", "groups")
    assert code == 4 and "no password yet" in err
    monkeypatch.setenv("QUNDESK_PASSWORD", "bad-guess-77")
    code, out, err = run(capsys, "--db", ws, "--operator", "小助理", "checkin", "--group", GROUP, "张三")
    assert code == 4 and "wrong password" in err and out == ""
    conn = sqlite3.connect(ws)
    assert conn.execute("SELECT count(*) FROM checkin").fetchone()[0] == 0  # nothing written
    conn.close()
    for text in (out, err):
        assert ASSIST_PW not in text and "bad-guess-77" not in text


def test_the_owner_sets_passwords_and_operators_are_removed(ws, capsys, monkeypatch):
    code, _, _ = run(capsys, "--db", ws, "operator", "passwd", "群主", "--password-stdin",
                     stdin=OWNER_PW + "\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0
    monkeypatch.setenv("QUNDESK_OPERATOR", "群主")
    monkeypatch.setenv("QUNDESK_PASSWORD", OWNER_PW)
    code, _, _ = run(capsys, "--db", ws, "operator", "add", "小助理", "--role", "assistant", "--password-stdin",
                     stdin=ASSIST_PW + "\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "--db", ws, "operator", "list", "--json")
    rows = json.loads(out)
    assert {r["name"]: r["has_password"] for r in rows} == {"群主": True, "小助理": True}
    assert "scrypt" not in out and OWNER_PW not in out
    code, _, err = run(capsys, "--db", ws, "operator", "remove", "群主")
    assert code == 1 and "yourself" in err
    code, _, err = run(capsys, "--db", ws, "operator", "passwd", "小助理", "--password-stdin",
                       stdin="short\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 1 and "6" in err
    # the assistant changes their own password, not someone else's
    monkeypatch.setenv("QUNDESK_OPERATOR", "小助理")
    monkeypatch.setenv("QUNDESK_PASSWORD", ASSIST_PW)
    code, _, _ = run(capsys, "--db", ws, "operator", "passwd", "小助理", "--password-stdin",
                     stdin="assist-new-3\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0
    monkeypatch.setenv("QUNDESK_PASSWORD", "assist-new-3")
    code, _, err = run(capsys, "--db", ws, "operator", "passwd", "群主", "--password-stdin",
                       stdin="hijack-pw-9\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 4
    code, _, _ = run(capsys, "--db", ws, "operator", "remove", "群主")
    assert code == 4
    monkeypatch.setenv("QUNDESK_OPERATOR", "群主")
    monkeypatch.setenv("QUNDESK_PASSWORD", OWNER_PW)
    assert run(capsys, "--db", ws, "operator", "remove", "小助理")[0] == 0
    monkeypatch.setenv("QUNDESK_OPERATOR", "小助理")
    monkeypatch.setenv("QUNDESK_PASSWORD", "assist-new-3")
    assert run(capsys, "--db", ws, "groups")[0] == 4  # removed: cannot sign in
    assert _audit_count(ws, "operator.password") == 2 and _audit_count(ws, "operator.remove") == 1


def test_unmasked_exports_are_refused_to_an_assistant_and_audited_for_the_owner(ws, capsys, tmp_path):
    run(capsys, "--db", ws, "operator", "add", "小助理", "--role", "assistant")
    out_file = tmp_path / "roster.xlsx"
    code, _, err = run(
        capsys,
        "--db",
        ws,
        "--operator",
        "小助理",
        "export",
        "roster",
        "--group",
        GROUP,
        "-o",
        str(out_file),
        "--unmasked",
    )
    assert code == 4 and not out_file.exists()
    assert run(capsys, "--db", ws, "export", "roster", "--group", GROUP, "-o", str(out_file), "--unmasked")[0] == 0
    assert _audit_count(ws, "export.roster_unmasked") == 1
    report = tmp_path / "report.xlsx"
    argv = ("--db", ws, "export", "report", "--month", "2026-11", "--group", GROUP, "-o", str(report), "--unmasked")
    assert run(capsys, *argv)[0] == 0
    assert _audit_count(ws, "export.report_unmasked") == 1


def test_help_and_exit_codes_name_exit_4(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "4 not allowed" in out and "operator" in out and "team" in out


def test_operator_list_as_a_table_names_each_operator_and_never_a_password(ws, capsys, monkeypatch):
    """`operator list` without --json crashed with a TypeError traceback (format_table's column kinds missing)."""
    code, _, _ = run(capsys, "--db", ws, "operator", "passwd", "群主", "--password-stdin",
                     stdin=OWNER_PW + "\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0
    monkeypatch.setenv("QUNDESK_OPERATOR", "群主")
    monkeypatch.setenv("QUNDESK_PASSWORD", OWNER_PW)
    code, _, _ = run(capsys, "--db", ws, "operator", "add", "小 助理", "--role", "assistant", "--password-stdin",
                     stdin=ASSIST_PW + "\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0
    monkeypatch.setenv("QUNDESK_OPERATOR", "小 助理")
    monkeypatch.setenv("QUNDESK_PASSWORD", ASSIST_PW)
    code, out, err = run(capsys, "--db", ws, "operator", "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("操作员 operator")
    rows = {line.split("  ")[0].strip(): line for line in lines[2:]}
    assert set(rows) == {"群主", "小 助理"}
    assert "assistant" in rows["小 助理"] and "✓" in rows["小 助理"] and "owner" in rows["群主"]
    assert ASSIST_PW not in out and "scrypt" not in out


def test_no_password_goes_to_anyone_before_an_owner_has_one(ws, capsys, monkeypatch):
    """An owner without a password who gave an assistant one was locked out for good: once anyone has a password
    an owner without one cannot sign in, so nobody could set the owner's password or manage operators again."""
    code, out, err = run(capsys, "--db", ws, "operator", "add", "小助理", "--role", "assistant", "--password-stdin",
                         stdin=ASSIST_PW + "\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 1 and "owner a password first" in err and ASSIST_PW not in out + err
    assert run(capsys, "--db", ws, "operator", "add", "小助理", "--role", "assistant")[0] == 0
    code, _, err = run(capsys, "--db", ws, "operator", "passwd", "小助理", "--password-stdin",
                       stdin=ASSIST_PW + "\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 1 and "owner a password first" in err
    conn = sqlite3.connect(ws)
    assert conn.execute("SELECT count(*) FROM operator WHERE password_hash IS NOT NULL").fetchone()[0] == 0
    conn.close()
    assert run(capsys, "--db", ws, "groups")[0] == 0  # still nobody needs to sign in: the owner is not locked out
    # the owner first, then the assistant
    code, _, _ = run(capsys, "--db", ws, "operator", "passwd", "群主", "--password-stdin",
                     stdin=OWNER_PW + "\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0
    monkeypatch.setenv("QUNDESK_OPERATOR", "群主")
    monkeypatch.setenv("QUNDESK_PASSWORD", OWNER_PW)
    code, _, _ = run(capsys, "--db", ws, "operator", "passwd", "小助理", "--password-stdin",
                     stdin=ASSIST_PW + "\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0
    # two owners with passwords: one may drop theirs while the other keeps one, never the last owner's
    from desktop.errors import ValidationError
    from desktop.services.operators import add_operator, set_password

    database = open_workspace(ws)
    with database.session() as s:
        owner = actor_for(database, "群主", OWNER_PW)
        add_operator(s, owner, "二当家", "owner", "second-owner-5")
        set_password(s, owner, "二当家", None)  # 群主 still signs in
        with pytest.raises(ValidationError, match="keeps a password"):
            set_password(s, owner, "群主", None)
        s.commit()
    database.dispose()
    assert run(capsys, "--db", ws, "--operator", "群主", "groups")[0] == 0


def test_a_refused_sign_in_on_a_new_file_leaves_no_workspace_behind(tmp_path, capsys, monkeypatch):
    """`--operator 小助理 demo` (or checkin, import) on a --db file that did not exist exited 4 "nothing written" but
    left an empty workspace there — and a later reading command on that mistyped path then printed "no groups yet"
    (exit 0) instead of exit 3."""
    monkeypatch.delenv("QUNDESK_PASSWORD", raising=False)
    monkeypatch.delenv("QUNDESK_OPERATOR", raising=False)
    (tmp_path / "kept").mkdir()
    target = tmp_path / "kept" / "new" / "deeper" / "ws.sqlite"
    code, _, err = run(capsys, "--db", str(target), "--operator", "小助理", "demo", "--groups", "1", "--members", "5")
    assert code == 4 and "小助理" in err
    monkeypatch.setenv("QUNDESK_OPERATOR", "小助理")
    code, _, _ = run(capsys, "--db", str(target), "checkin", "--group", GROUP, "张三")
    assert code == 4
    assert not (tmp_path / "kept" / "new").exists() and (tmp_path / "kept").is_dir()
    assert run(capsys, "--db", str(target), "groups")[0] == 3
    monkeypatch.delenv("QUNDESK_OPERATOR")
    assert run(capsys, "--db", str(target), "demo", "--groups", "1", "--members", "5", "--months", "1")[0] == 0
    assert target.exists()  # a write command that may run still creates the workspace


def test_a_workspace_locked_out_by_an_older_version_lets_its_owner_in_to_set_a_password(ws, capsys, monkeypatch):
    """Made before the rule above: an assistant has a password and no owner has one. The owner could never sign
    in again; now the owner signs in (without a password, as there is none) and sets one, and from then on needs
    it."""
    from desktop.services.operators import _hash_password

    assert run(capsys, "--db", ws, "operator", "add", "小助理", "--role", "assistant")[0] == 0
    conn = sqlite3.connect(ws)
    conn.execute("UPDATE operator SET password_hash = ? WHERE name = '小助理'", (_hash_password(ASSIST_PW),))
    conn.commit()
    conn.close()
    assert run(capsys, "--db", ws, "groups")[0] == 4  # sign-in required
    monkeypatch.setenv("QUNDESK_OPERATOR", "群主")
    code, _, _ = run(capsys, "--db", ws, "operator", "passwd", "群主", "--password-stdin",
                     stdin=OWNER_PW + "\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0
    code, _, err = run(capsys, "--db", ws, "groups")
    # the owner's password is needed now, and none was given: said so (not "wrong password"), and where it goes
    assert code == 4 and "no password given" in err and "QUNDESK_PASSWORD" in err and "wrong" not in err
    monkeypatch.setenv("QUNDESK_PASSWORD", OWNER_PW)
    assert run(capsys, "--db", ws, "groups")[0] == 0
