"""A phone number written into a group nickname (张三-13812345678), a name or a note is masked wherever phones are
(desktop.phones.mask_phones_in): the monthly report by default, an assistant's roster export and their
`members --json` — it reached all three in full while the phone column beside it was masked. The owner's
unmasked exports keep it (they are the files that import back)."""

from __future__ import annotations

import json
from datetime import datetime

from openpyxl import load_workbook

from desktop.cli import main
from desktop.phones import mask_phones_in
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.services.roster_export import export_roster

PHONE = "13812345678"


def test_the_rule():
    assert mask_phones_in("张三-13812345678") == "张三-138****"
    assert mask_phones_in("张三 138 1234 5678 北京") == "张三 138**** 北京"
    assert mask_phones_in("读书会2026") == "读书会2026"  # a year is no phone
    assert mask_phones_in(None) is None and mask_phones_in("") == ""


def _cells(path, sheet):
    book = load_workbook(path)
    ws = book[sheet] if sheet else book.active
    return {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}


def test_masked_views_mask_a_phone_inside_a_nickname_or_note(workspace, owner, tmp_path, any_db_url, capsys):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        add_member(
            s,
            owner,
            gid,
            MemberInput(
                display_name="张三",
                group_nickname=f"张三-{PHONE}",
                phone=PHONE,
                note=f"备用 {PHONE}",
                joined_at=datetime(2026, 11, 2, 9),
            ),
        )
        assistant = add_operator(s, owner, "小助理", "assistant")
        s.commit()

    report = tmp_path / "report.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=11, group_ids=[gid], path=report)  # masked by default
    cells = _cells(report, "成员名册")
    assert "张三-138****" in cells and not any(PHONE in c for c in cells)

    full = tmp_path / "full.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=11, group_ids=[gid], path=full, unmasked=True)
    assert f"张三-{PHONE}" in _cells(full, "成员名册")

    masked_roster = tmp_path / "assistant-roster.xlsx"
    export_roster(workspace, assistant, group_ids=[gid], path=masked_roster)
    cells = _cells(masked_roster, None)
    assert "张三-138****" in cells and "备用 138****" in cells and not any(PHONE in c for c in cells)
    owner_roster = tmp_path / "owner-roster.xlsx"
    export_roster(workspace, owner, group_ids=[gid], path=owner_roster)
    assert f"张三-{PHONE}" in _cells(owner_roster, None)

    assert main(["--db", any_db_url, "--operator", "小助理", "members", "--group", "早起营", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["group_nickname"] == "张三-138****"
    assert main(["--db", any_db_url, "members", "--group", "早起营", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["group_nickname"] == f"张三-{PHONE}"
