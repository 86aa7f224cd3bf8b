"""A WeChat ID that is the member's phone number (微信号同手机号: older workspaces stored such IDs as typed — the
member dialog and the imports now move a phone out of the WeChat ID) was shown in full wherever phones are masked:
an assistant's roster, the masked monthly workbook and the masked roster export."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from desktop.services.groups import create_group
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.services.roster_export import export_roster
from desktop.workspace import actor_for
from models import Member

TODAY = date(2026, 12, 4)  # these tests' own day


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _texts(path) -> list[str]:
    wb = load_workbook(path)
    return [c for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]


def test_a_wechat_id_that_is_a_phone_is_masked_in_the_masked_exports(sqlite_workspace, tmp_path):
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = create_group(s, owner, "电话群")
        mid, _ = add_member(s, owner, g, MemberInput(display_name="张三", joined_at=datetime(2026, 11, 2, 9)))
        add_member(
            s, owner, g, MemberInput(display_name="李四", wechat_id="lisi_2024", joined_at=datetime(2026, 11, 2))
        )
        s.execute(update(Member).where(Member.id == mid).values(wechat_id="13812345678"))  # as an old version stored it
        s.commit()
    report = tmp_path / "report.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[g], path=report, today=TODAY)
    roster = tmp_path / "roster.xlsx"
    export_roster(sqlite_workspace, owner, group_ids=[g], path=roster, unmasked=False)
    for path in (report, roster):
        cells = _texts(path)
        assert not [c for c in cells if re.search(r"1[3-9]\d{9}", c)], path.name
        assert "138****" in cells and "lisi_2024" in cells, path.name  # an ordinary ID stays as it is
    full = tmp_path / "full.xlsx"
    export_roster(sqlite_workspace, owner, group_ids=[g], path=full, unmasked=True)
    assert "13812345678" in _texts(full)
