"""`qundesk` headless commands (PRODUCT §4): real SQLite files in tmp_path, in-process through main() and a
few through a subprocess (`python -m desktop.cli`)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from tests.fixed_day import TEST_TODAY

REPO = Path(__file__).resolve().parents[2]

STATS_KEYS = {
    "members_total",
    "members_active",
    "joined",
    "left",
    "checkins",
    "checkin_rate",
    "activities",
    "attendance_rate",
    "points_awarded",
    "dormant",
    "stalled_onboarding",
}
THIS_MONTH = TEST_TODAY.strftime("%Y-%m")
CAMP = "早起打卡营🌅"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """Nothing touches the real data folder; QUNDESK_DB from the environment is ignored."""
    folder = tmp_path / "home"
    monkeypatch.setenv("QUNDESK_HOME", str(folder))
    monkeypatch.delenv("QUNDESK_DB", raising=False)
    monkeypatch.delenv("QUNDESK_PASSWORD", raising=False)
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_subprocess(home: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    environ = {**os.environ, "QUNDESK_HOME": str(home), "PYTHONPATH": str(REPO), **env}
    environ.pop("QUNDESK_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *argv], cwd=REPO, env=environ, capture_output=True, timeout=300
    )


def table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        tables = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.fixture
def seeded(tmp_path) -> Path:
    """A workspace built through the services: a camp with 3 members (one checked in today) and an
    applicant, and an empty reading club with capacity 200."""
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace
    from models import CheckIn

    path = tmp_path / "seeded.sqlite"
    db = open_workspace(path)
    actor = actor_for(db)
    with db.session() as s:
        camp = create_group(s, actor, CAMP, kind="camp")
        ms_ids = [add_member(s, actor, camp, MemberInput(display_name=n))[1] for n in ("张三", "李四", "王五")]
        add_member(s, actor, camp, MemberInput(display_name="赵六", status="applicant"))
        create_group(s, actor, "Reading club", capacity=200)
        s.add(CheckIn(membership_id=ms_ids[0], group_id=camp, day=TEST_TODAY, recorded_by=actor.id))
        s.commit()
    db.dispose()
    return path


def stamp_future(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")


# ---- help, usage --------------------------------------------------------------------------------


def test_help_lists_the_commands(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for name in ("demo", "groups", "stats", "db"):
        assert f"    {name} " in out
    code, out, _ = run(capsys, "db", "--help")
    assert code == 0
    assert "upgrade" in out and "status" in out


def test_help_lists_every_command(capsys):
    _, out, _ = run(capsys, "--help")
    for name in ("demo", "groups", "stats", "import", "checkin", "export", "backup", "restore", "db"):
        assert f"    {name} " in out
    assert run(capsys, "export", "nothing")[0] == 2


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("qundesk ")


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["db"],
        ["stats"],  # --group is required
        ["groups", "--bogus"],
        ["demo", "--groups", "0"],
        ["demo", "--members", "many"],
        ["--lang", "fr", "groups"],
    ],
)
def test_usage_errors_exit_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert "usage:" in err
    assert out == ""


# ---- groups, stats on a workspace seeded through the services -----------------------------------


def test_groups_json(capsys, seeded):
    code, out, err = run(capsys, "--db", str(seeded), "groups", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert [r["name"] for r in rows] == [CAMP, "Reading club"]
    camp, club = rows
    assert camp["kind"] == "camp"
    assert camp["members_total"] == 3  # the applicant is not a member yet
    assert camp["members_active"] == 1
    assert camp["capacity"] == 500
    assert camp["capacity_used"] == pytest.approx(3 / 500)
    assert (club["members_total"], club["members_active"], club["capacity"]) == (0, 0, 200)
    assert CAMP in out  # ensure_ascii=False: names are printed as they are


def test_groups_table(capsys, seeded):
    code, out, _ = run(capsys, "--db", str(seeded), "groups")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("社群 group")
    camp_line = next(line for line in lines if line.startswith(CAMP))
    assert camp_line.split()[1:] == ["camp", "3", "1", "500", "0.6%"]


def test_groups_on_an_empty_workspace(capsys, tmp_path):
    assert run(capsys, "--db", str(tmp_path / "empty.sqlite"), "db", "upgrade")[0] == 0  # created, no groups
    code, out, _ = run(capsys, "--db", str(tmp_path / "empty.sqlite"), "groups", "--json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run(capsys, "--db", str(tmp_path / "empty.sqlite"), "groups")
    assert code == 0 and "no groups yet" in out


def test_global_options_after_the_command_and_from_the_environment(capsys, seeded, monkeypatch):
    code, out, _ = run(capsys, "groups", "--json", "--db", str(seeded))
    assert code == 0 and len(json.loads(out)) == 2
    monkeypatch.setenv("QUNDESK_DB", str(seeded))
    code, out, _ = run(capsys, "groups", "--json")
    assert code == 0 and len(json.loads(out)) == 2


def test_stats_json_this_month(capsys, seeded):
    code, out, err = run(capsys, "--db", str(seeded), "stats", "--group", CAMP, "--month", THIS_MONTH, "--json")
    assert code == 0, err
    stats = json.loads(out)
    assert STATS_KEYS <= stats.keys()
    assert stats["group"] == CAMP and stats["month"] == THIS_MONTH
    days = TEST_TODAY.day
    assert stats["members_total"] == 3
    assert stats["members_active"] == 1
    assert stats["joined"] == 3
    assert stats["left"] == 0
    assert stats["checkins"] == 1
    # the camp was set up here today: its month's rate counts its days from today (docs/metrics.md), 1 of 3 —
    # not the days of the month before it existed (1 of 3 × days)
    assert days >= 1 and stats["checkin_rate"] == pytest.approx(1 / 3, abs=1e-4)
    # no activity: no attendance rate (null, "–" in the table), as the Dashboard and the workbook say — a 0.0 read
    # as nobody coming
    assert stats["activities"] == 0 and stats["attendance_rate"] is None
    assert stats["stalled_onboarding"] == 0  # the applicant applied today


def test_stats_month_defaults_to_this_month_and_prints_a_table(capsys, seeded):
    code, out, _ = run(capsys, "--db", str(seeded), "stats", "--group", CAMP, "--json")
    assert code == 0 and json.loads(out)["month"] == THIS_MONTH
    code, out, _ = run(capsys, "--db", str(seeded), "stats", "--group", CAMP)
    assert code == 0
    assert THIS_MONTH in out
    members_line = next(line for line in out.splitlines() if line.startswith("成员总数"))
    assert members_line.split()[-1] == "3"
    assert any(line.startswith("打卡率") and line.endswith("%") for line in out.splitlines())
    # every row has its Chinese label (the messages row was the bare JSON key "messages")
    rows = out.splitlines()[3:]
    assert len(rows) == len(json.loads(run(capsys, "--db", str(seeded), "stats", "--group", CAMP, "--json")[1])) - 2
    assert all(re.match(r"[\u4e00-\u9fff]", line) for line in rows), rows
    assert any(line.startswith("群聊发言 messages") and line.split()[-1] == "0" for line in rows)
    assert any(line.startswith("出勤率") and line.split()[-1] == "–" for line in rows)  # no activity: no rate


def test_stats_of_a_past_month_before_the_group(capsys, seeded):
    code, out, _ = run(capsys, "--db", str(seeded), "stats", "--group", CAMP, "--month", "2020-01", "--json")
    assert code == 0
    stats = json.loads(out)
    assert stats["members_total"] == 0 and stats["joined"] == 0 and stats["checkins"] == 0
    assert stats["checkin_rate"] is None  # no day to measure it over: the workbook's "–" (docs/cli.md)


def test_a_future_month_is_said_by_stats_texts_and_the_report(capsys, seeded, tmp_path):
    """A mistyped year (next year's month for this one) gave a workbook, a table and a summary of zeros without a
    word; the figures stay 0 (docs/metrics.md) and stderr says why, naming the month and today."""
    future = f"{TEST_TODAY.year + 1}-{TEST_TODAY.month:02d}"
    said = f"--month {future} 还没到 (今天是 {TEST_TODAY.isoformat()})"
    code, out, err = run(capsys, "--db", str(seeded), "stats", "--group", CAMP, "--month", future, "--json")
    assert code == 0 and json.loads(out)["members_total"] == 0 and json.loads(out)["checkins"] == 0
    assert said in err and "future month" in err
    code, _, err = run(capsys, "--db", str(seeded), "text", "summary", "--group", CAMP, "--month", future)
    assert code == 0 and said in err
    target = tmp_path / "future.xlsx"
    code, _, err = run(
        capsys, "--db", str(seeded), "export", "report", "--group", CAMP, "--month", future, "-o", str(target)
    )
    assert code == 0 and said in err and target.exists()
    # this month and a past one: no such line — this month says nothing; a month before the group was set up says
    # one other thing only: its check-in rate is "–" (a month nobody measured, test_rate_from_set_up.py)
    for month in (THIS_MONTH, "2020-01"):
        code, _, err = run(capsys, "--db", str(seeded), "stats", "--group", CAMP, "--month", month)
        assert code == 0 and "还没到" not in err and "future" not in err
        assert err == "" if month == THIS_MONTH else (err.count("\n") == 1 and "before the group was set up" in err)


def test_an_existing_workbook_is_left_alone_without_force(capsys, seeded, tmp_path):
    """`export report -o 11月.xlsx` wrote over a workbook of that name with nothing said (an owner's annotated copy,
    or last month's under a reused name); `backup -o` already refused. Now both export commands leave an existing
    file alone, exit 1 naming --force, and --force replaces it."""
    target = tmp_path / "月报.xlsx"
    target.write_bytes(b"the owner's annotated copy")
    for argv in (
        ["export", "report", "--group", CAMP, "--month", THIS_MONTH, "-o", str(target)],
        ["export", "roster", "--group", CAMP, "-o", str(target)],
    ):
        code, out, err = run(capsys, "--db", str(seeded), *argv)
        assert code == 1 and out == "" and "--force" in err and str(target) in err
        assert target.read_bytes() == b"the owner's annotated copy"
    code, out, _ = run(capsys, "--db", str(seeded), "export", "roster", "--group", CAMP, "-o", str(target), "--force")
    assert code == 0 and str(target) in out
    assert load_workbook(target).active.max_row > 1


def test_a_group_name_with_spaces_around_it_is_the_group(capsys, seeded, tmp_path):
    """`--group "早起打卡营🌅 "` (copied with a space): the imports found the group (names are stored without the
    spaces), every reading command said there was no such group."""
    padded = f" {CAMP} "
    code, out, err = run(capsys, "--db", str(seeded), "stats", "--group", padded, "--json")
    assert code == 0 and json.loads(out)["group"] == CAMP and json.loads(out)["members_total"] == 3, err
    code, out, _ = run(capsys, "--db", str(seeded), "members", "--group", padded, "--json")
    assert code == 0 and len(json.loads(out)) == 4
    code, out, _ = run(capsys, "--db", str(seeded), "text", "summary", "--group", padded, "--month", THIS_MONTH)
    assert code == 0 and CAMP in out
    target = tmp_path / "padded.xlsx"
    code, _, _ = run(capsys, "--db", str(seeded), "export", "roster", "--group", padded, "-o", str(target))
    assert code == 0 and target.exists()
    code, _, err = run(capsys, "--db", str(seeded), "stats", "--group", "  ")
    assert code == 1 and "no group named" in err


def test_stats_unknown_group_exits_1_naming_it(capsys, seeded):
    code, out, err = run(capsys, "--db", str(seeded), "stats", "--group", "不存在的群", "--month", THIS_MONTH)
    assert code == 1
    assert "不存在的群" in err
    assert out == "" and "Traceback" not in err


@pytest.mark.parametrize("month", ["2026-13", "13-2026", "May", "2026/05", ""])
def test_stats_bad_month_exits_1(capsys, seeded, month):
    code, out, err = run(capsys, "--db", str(seeded), "stats", "--group", CAMP, "--month", month, "--json")
    assert code == 1
    assert "--month" in err and "YYYY-MM" in err
    assert out == ""


def test_unknown_operator_is_a_failed_sign_in_exit_4(capsys, seeded):
    code, _, err = run(capsys, "--db", str(seeded), "--operator", "路人甲", "groups")
    assert code == 4  # "not allowed" (issue 14): sign-in failed
    assert "路人甲" in err


def test_owner_operator_by_name(capsys, seeded):
    from desktop.services.operators import OWNER_DEFAULT_NAME

    code, out, _ = run(capsys, "--db", str(seeded), "--operator", OWNER_DEFAULT_NAME, "groups", "--json")
    assert code == 0 and len(json.loads(out)) == 2


# ---- database problems (exit 3) and db commands -------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [["groups", "--json"], ["stats", "--group", CAMP, "--json"], ["db", "upgrade"], ["demo"]],
)
def test_newer_schema_exits_3(capsys, seeded, argv):
    stamp_future(seeded)
    code, out, err = run(capsys, "--db", str(seeded), *argv)
    assert code == 3
    assert "newer" in err
    assert "Traceback" not in err and out == ""


def test_db_status_reports_a_newer_schema(capsys, seeded):
    stamp_future(seeded)
    code, out, _ = run(capsys, "--db", str(seeded), "db", "status")
    assert code == 0
    assert "ffff_future" in out and "newer" in out


def test_not_a_database_exits_3(capsys, tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a SQLite database, just some text " * 50)
    code, _, err = run(capsys, "--db", str(junk), "groups")
    assert code == 3
    assert err.startswith("qundesk: ") and "Traceback" not in err


def test_db_upgrade_creates_the_schema(capsys, tmp_path):
    from models.db import head_revision

    path = tmp_path / "fresh" / "team.sqlite"
    code, out, _ = run(capsys, "--db", str(path), "db", "status")
    assert code == 0 and "(none)" in out
    assert not path.exists()  # status does not create the file

    code, out, err = run(capsys, "--db", str(path), "db", "upgrade")
    assert code == 0, err
    head = head_revision()
    assert f"(none) -> {head}" in out
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"community_group", "membership", "checkin", "operator"} <= tables

    code, out, _ = run(capsys, "--db", str(path), "db", "upgrade")
    assert code == 0 and "already up to date" in out
    code, out, _ = run(capsys, "--db", str(path), "db", "status")
    assert code == 0 and "up to date" in out and head in out


def test_db_status_of_a_file_without_schema(capsys, tmp_path):
    path = tmp_path / "blank.sqlite"
    sqlite3.connect(path).close()
    code, out, _ = run(capsys, "--db", str(path), "db", "status")
    assert code == 0
    assert "no schema yet" in out


# ---- demo ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("QUNDESK_HOME", str(path.parent / "home"))
        mp.delenv("QUNDESK_DB", raising=False)
        code = main(["--db", str(path), "demo", "--groups", "3", "--members", "300", "--months", "3", "--seed", "1"])
    assert code == 0
    return path


def test_demo_prints_a_summary(tmp_path, capsys):
    code, out, err = run(
        capsys, "--db", str(tmp_path / "d.sqlite"), "demo", "--groups", "2", "--members", "50", "--months", "1"
    )
    assert code == 0, err
    lines = out.splitlines()
    assert "demo workspace created" in lines[0]
    counts = {line.split()[1]: line.split()[-1] for line in lines[1:]}
    assert counts["groups"] == "2"
    assert counts["members"] == "50"
    assert int(counts["memberships"]) >= 50
    assert counts["time"].endswith("s")


def test_demo_then_groups_json(capsys, demo_db):
    code, out, err = run(capsys, "--db", str(demo_db), "groups", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) == 3
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    for r in rows:
        assert {"name", "kind", "members_total", "members_active", "capacity", "capacity_used"} <= r.keys()
        assert r["name"]
        assert r["members_total"] > 0
        assert 0 <= r["members_active"] <= r["members_total"]
        assert r["capacity"] == 500
        assert r["capacity_used"] == pytest.approx(r["members_total"] / 500, abs=1e-4)


def test_demo_then_stats_json(capsys, demo_db):
    _, out, _ = run(capsys, "--db", str(demo_db), "groups", "--json")
    first = json.loads(out)[0]
    code, out, err = run(
        capsys, "--db", str(demo_db), "stats", "--group", first["name"], "--month", THIS_MONTH, "--json"
    )
    assert code == 0, err
    stats = json.loads(out)
    assert STATS_KEYS <= stats.keys()
    assert stats["group"] == first["name"] and stats["month"] == THIS_MONTH
    for key in STATS_KEYS - {"checkin_rate", "attendance_rate"}:
        assert isinstance(stats[key], int) and not isinstance(stats[key], bool), key
        assert stats[key] >= 0, key
    assert stats["members_total"] > 0
    assert stats["members_active"] <= stats["members_total"]
    assert 0.0 <= stats["checkin_rate"] <= 1.0
    assert 0.0 <= stats["attendance_rate"] <= 1.0
    assert stats["checkins"] > 0  # a demo group has check-ins in the current month
    assert stats["dormant"] <= stats["members_total"]
    assert isinstance(stats["stalled_onboarding"], int)


def test_demo_refuses_a_non_empty_workspace(capsys, demo_db):
    before = table_counts(demo_db)
    code, out, err = run(capsys, "--db", str(demo_db), "demo", "--groups", "1", "--members", "10")
    assert code == 1
    assert "not empty" in err and "Traceback" not in err
    assert out == ""
    assert table_counts(demo_db) == before


def test_demo_refuses_a_workspace_with_groups(capsys, seeded):
    before = table_counts(seeded)
    code, _, err = run(capsys, "--db", str(seeded), "demo")
    assert code == 1 and "not empty" in err
    assert table_counts(seeded) == before


# ---- subprocess -----------------------------------------------------------------------------------


def test_subprocess_help_and_usage_error(home):
    result = run_subprocess(home, "--help")
    assert result.returncode == 0
    assert b"groups" in result.stdout and b"stats" in result.stdout
    result = run_subprocess(home, "frobnicate")
    assert result.returncode == 2
    assert b"invalid choice" in result.stderr


def test_subprocess_json_is_utf8_whatever_the_locale(home, seeded):
    result = run_subprocess(home, "--db", str(seeded), "groups", "--json", PYTHONIOENCODING="ascii", LC_ALL="C")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    rows = json.loads(result.stdout.decode("utf-8"))
    assert rows[0]["name"] == CAMP


def test_subprocess_errors_without_traceback(home, seeded):
    result = run_subprocess(home, "--db", str(seeded), "stats", "--group", "不存在的群", LC_ALL="C")
    assert result.returncode == 1
    err = result.stderr.decode("utf-8")
    assert "不存在的群" in err and "Traceback" not in err
    stamp_future(seeded)
    result = run_subprocess(home, "--db", str(seeded), "groups")
    assert result.returncode == 3
    assert b"Traceback" not in result.stderr


def test_subprocess_default_database_is_in_qundesk_home(home):
    result = run_subprocess(home, "db", "upgrade")
    assert result.returncode == 0, result.stderr
    assert (home / "qundesk.sqlite").exists()


def test_cli_does_not_load_qt_widgets(home, seeded):
    code = (
        "import sys, desktop.cli\n"
        f"rc = desktop.cli.main(['--db', {str(seeded)!r}, 'groups', '--json'])\n"
        f"desktop.cli.main(['--db', {str(seeded)!r}, 'stats', '--group', {CAMP!r}])\n"
        "print(rc, 'PySide6.QtWidgets' in sys.modules, 'QApplication' in repr(sys.modules.get('PySide6')))\n"
    )
    environ = {**os.environ, "QUNDESK_HOME": str(home), "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=environ, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert result.stdout.decode("utf-8").splitlines()[-1] == "0 False False"


def test_the_window_start_imports_the_models_before_qt(home):
    """`qundesk` imports the models and the window's services before PySide6 (desktop/cli.preload_before_qt): PySide6
    hooks every later import. Nothing preloaded may bring PySide6 in, or the order would be lost unseen."""
    code = (
        "import sys, desktop.cli\n"
        "desktop.cli.preload_before_qt()\n"
        "print('PySide6' in sys.modules, all(m in sys.modules for m in ('sqlalchemy.orm', 'models', "
        "'desktop.services.roster', 'desktop.workspace')))\n"
    )
    environ = {**os.environ, "QUNDESK_HOME": str(home), "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=environ, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert result.stdout.decode("utf-8").splitlines()[-1] == "False True"


def test_no_subcommand_opens_the_window(monkeypatch):
    import types

    calls = []
    fake = types.ModuleType("ui.app")
    fake.run_app = lambda db, lang: calls.append((db, lang)) or 0
    monkeypatch.setitem(sys.modules, "ui.app", fake)
    assert main(["--db", "x.sqlite", "--lang", "en"]) == 0
    assert calls == [("x.sqlite", "en")]


@pytest.mark.parametrize(
    "argv",
    [
        ["groups"],
        ["stats", "--group", "x", "--month", "2026-11"],
        ["members", "--group", "x", "--json"],
        ["export", "roster", "--all", "-o", "OUT.xlsx"],
        ["export", "report", "--month", "2026-11", "--all", "-o", "OUT.xlsx"],
        ["backup", "-o", "OUT.sqlite"],
        ["text", "reminder", "--group", "x"],
    ],
)
def test_a_read_only_command_on_a_missing_workspace_file_exits_3_and_creates_nothing(capsys, tmp_path, argv):
    """A mistyped --db must not silently create an empty workspace (PRODUCT §4, issue 15)."""
    missing = tmp_path / "typo" / "wrokspace.sqlite"
    argv = [a.replace("OUT", str(tmp_path / "out")) for a in argv]
    code, out, err = run(capsys, "--db", str(missing), *argv)
    assert code == 3 and str(missing) in err and out == ""
    assert not missing.exists() and not missing.parent.exists()
    assert not list(tmp_path.glob("out*"))


@pytest.mark.parametrize("scheme", ["sqlite:///", "sqlite+pysqlite:///"])
def test_a_sqlite_url_to_a_missing_file_is_a_missing_workspace_too(capsys, tmp_path, monkeypatch, scheme):
    """`--db sqlite:////path/typo.sqlite` (or QUNDESK_DB) with a reading command created the file and printed
    "no groups yet", exit 0: only the plain path form was checked."""
    missing = tmp_path / "typo" / "wrokspace.sqlite"
    code, out, err = run(capsys, "--db", scheme + str(missing), "groups", "--json")
    assert code == 3 and str(missing) in err and out == ""
    monkeypatch.setenv("QUNDESK_DB", scheme + str(missing))
    code, out, err = run(capsys, "stats", "--group", "x", "--month", "2026-11")
    assert code == 3 and out == ""
    assert not missing.exists() and not missing.parent.exists()
    monkeypatch.delenv("QUNDESK_DB")
    existing = tmp_path / "ws.sqlite"
    assert run(capsys, "--db", str(existing), "demo", "--groups", "1", "--members", "5", "--months", "1")[0] == 0
    code, out, _ = run(capsys, "--db", scheme + str(existing), "groups", "--json")
    assert code == 0 and len(json.loads(out)) == 1


def test_a_writing_command_that_fails_on_a_new_file_leaves_no_workspace_behind(capsys, tmp_path):
    """`checkin --group typo` or an import of a bad file on a --db path that did not exist exited 1 "nothing
    written" but left an empty workspace (and the day's automatic backup of it) there — and a reading command on
    that mistyped path then said "no groups yet" (exit 0) instead of exit 3."""
    target = tmp_path / "typo" / "ws.sqlite"
    code, _, err = run(capsys, "--db", str(target), "checkin", "--group", "没有这个群", "张三")
    assert code == 1 and "没有这个群" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,入群时间\n新人甲,下周一\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(target), "import", "roster", str(bad), "--group", "晨读营")
    assert code == 1 and "第2行" in err
    assert not (tmp_path / "typo").exists()
    assert run(capsys, "--db", str(target), "groups")[0] == 3
    good = tmp_path / "good.csv"
    good.write_text("姓名\n新人甲\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(target), "import", "roster", str(good), "--group", "晨读营", "--dry-run")
    assert code == 0 and "新人甲" in out and not (tmp_path / "typo").exists()  # a dry run writes nothing at all
    assert run(capsys, "--db", str(target), "import", "roster", str(good), "--group", "晨读营")[0] == 0
    assert target.exists() and run(capsys, "--db", str(target), "groups")[0] == 0


def test_a_writing_command_still_creates_a_new_workspace(capsys, tmp_path):
    path = tmp_path / "new.sqlite"
    code, _, _ = run(capsys, "--db", str(path), "demo", "--groups", "1", "--members", "5", "--months", "1")
    assert code == 0 and path.exists()


@pytest.mark.parametrize("password", [None, "owner-secret-1"])
def test_a_reader_that_goes_away_keeps_what_the_command_wrote(tmp_path, password):
    """`qundesk --db new.sqlite import roster 名册.csv --group G | head -1`: the import committed, printing its
    summary met a closed pipe, the command counted as failed and discard_new deleted the new workspace with the
    import in it; with a password in the environment the broken pipe was also printed as a bug's traceback."""
    csv_file = tmp_path / "名册.csv"
    csv_file.write_text("姓名,微信号\n张三,zs01\n李四,ls02\n", encoding="utf-8")
    db = tmp_path / "new.sqlite"
    environ = {**os.environ, "QUNDESK_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO)}
    environ.pop("QUNDESK_DB", None)
    environ.pop("QUNDESK_PASSWORD", None)
    if password:
        environ["QUNDESK_PASSWORD"] = password  # no operator has one: only the scrubbing streams are on
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--db", str(db), "import", "roster", str(csv_file), "--group", "G"],
        cwd=REPO,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    child.stdout.close()  # the reader is gone before the first line
    _out, err = child.communicate(timeout=300)
    assert b"Traceback" not in err, err.decode()
    assert db.exists()
    with sqlite3.connect(db) as conn:
        names = sorted(r[0] for r in conn.execute("SELECT display_name FROM member"))
    assert names == ["张三", "李四"]
