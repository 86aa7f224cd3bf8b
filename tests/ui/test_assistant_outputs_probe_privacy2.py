"""What an assistant can take away: files and reports. Their roster export wrote a phone written into a member's
city or occupation whole (上海 135 1234 5678 — names, nicknames, notes and answers were masked, and a team server's
view masks city and occupation too); a bug report — the window's dialog, to copy and send, and stderr — quoted an
error's text whole, a member's name with a phone in it (KeyError('王五 13812345678'))."""

from __future__ import annotations

import re
from dataclasses import replace

import openpyxl
from helpers import OFFSCREEN_QUIRKS, run_python_child

import ui.app
from desktop.cli import main
from desktop.services.roster import get_member_input, update_member
from ui.dialogs.exception_dialog import ExceptionDialog
from ui.task_runner import describe_error

pytestmark = OFFSCREEN_QUIRKS

LEAK = re.compile(r"1\W{0,3}2\W{0,3}3\W{0,3}4\W{0,3}5\W{0,3}6\W{0,3}7\W{0,3}8")


def _cells(path) -> list[str]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return [v for ws in wb for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    finally:
        wb.close()


def test_an_assistants_roster_export_masks_a_phone_in_a_city_or_occupation(ws, tmp_path, capsys):
    ms = ws.memberships["张三"]
    with ws.database.session() as s:
        loaded = get_member_input(s, ms)
        update_member(
            s, ws.owner, ms, replace(loaded, city="上海 135 1234 5678", occupation="销售 13312345678"), loaded=loaded
        )
        s.commit()
    ws.database.dispose()
    mine, theirs = tmp_path / "owner.xlsx", tmp_path / "assistant.xlsx"
    assert main(["--db", str(ws.path), "export", "roster", "--all", "-o", str(mine)]) == 0
    assert main(["--db", str(ws.path), "--operator", "小助理", "export", "roster", "--all", "-o", str(theirs)]) == 0
    capsys.readouterr()
    assert {"上海 135 1234 5678", "销售 13312345678"} <= set(_cells(mine))  # the owner's file: as stored
    cells = _cells(theirs)
    assert not [c for c in cells if LEAK.search(c)]
    assert {"上海 135****", "销售 133****"} <= set(cells)


def _bug():
    try:
        {}["王五 13812345678"]
    except KeyError as exc:
        return exc


def test_a_bug_report_masks_a_phone_in_the_errors_text(qtbot, monkeypatch, capsys):
    shown = []
    monkeypatch.setattr(ExceptionDialog, "exec", lambda self: shown.append(self.details))
    exc = _bug()
    ui.app.handle_exception(type(exc), exc, exc.__traceback__)
    err = capsys.readouterr().err
    assert len(shown) == 1
    for text in (shown[0], err):
        assert "KeyError: '王五 138****'" in text and "test_assistant_outputs_probe_privacy2.py" in text
        assert not LEAK.search(text)
    # a background task's bug, reported by the task runner
    details = describe_error(_bug())
    assert "王五 138****" in details and not LEAK.search(details)


BUGGY_RUN = """
import sys
import desktop.services.groups as groups

def broken(session, *args, **kwargs):
    return {}["王五 13812345678"]  # a bug whose error quotes a member's name

groups.list_groups = broken
from desktop.cli import main
sys.argv = ["qundesk", "--db", sys.argv[1], "groups"]
sys.exit(main())
"""


def test_a_bug_in_a_command_prints_its_traceback_with_the_phone_masked(ws, tmp_path):
    """`qundesk` itself (main() without argv): a bug's traceback went to stderr by Python's own hook, quoting the
    error whole; with a password in the environment through _Scrubbed, whole as well."""
    ws.database.dispose()
    for env in ({"PYTHONUTF8": "1"}, {"PYTHONUTF8": "1", "QUNDESK_PASSWORD": "pw-not-set"}):
        done = run_python_child(tmp_path, BUGGY_RUN, ws.path, env=env)
        assert done.returncode == 1
        assert "KeyError: '王五 138****'" in done.stderr and "Traceback" in done.stderr, done.stderr[-800:]
        assert not LEAK.search(done.stderr)
