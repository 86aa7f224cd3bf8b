"""Two members of one group with the same name: every sheet of the monthly workbook named both 张三 — 打卡明细's
rates, the boards, 预警 — and only 成员名册's WeChat ID told them apart. They are numbered, the same on each sheet."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for

TODAY = date(2026, 12, 4)  # these tests' own day


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def test_namesakes_are_numbered_alike_on_every_sheet(sqlite_workspace, tmp_path):
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = create_group(s, owner, "早起打卡营")
        joined = datetime(2026, 10, 1, 9)
        _, first = add_member(s, owner, g, MemberInput(display_name="张三", wechat_id="zs_a", joined_at=joined))
        _, second = add_member(s, owner, g, MemberInput(display_name="张三", wechat_id="zs_b", joined_at=joined))
        add_member(s, owner, g, MemberInput(display_name="李四", wechat_id="ls", joined_at=joined))
        for d in range(1, 11):  # the second 张三 checks in ten days, the first one day
            record_checkins(s, owner, g, date(2026, 11, d), [second], today=TODAY)
        record_checkins(s, owner, g, date(2026, 11, 1), [first], today=TODAY)
        s.commit()
    path = tmp_path / "nov.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[g], path=path, today=TODAY)
    wb = load_workbook(path)
    texts = {ws.title: [c for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)] for ws in wb}
    roster = next(t for t in texts if "名册" in t)
    matrix = next(t for t in texts if "打卡" in t and "明细" in t)
    for title in (roster, matrix):
        assert "张三 (1)" in texts[title] and "张三 (2)" in texts[title], title
        assert "张三" not in texts[title], title
        assert "李四" in texts[title]
    # on the roster, (1) is the first membership: zs_a on the same row
    ws = wb[roster]
    rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    row_of = {r[i]: r for r in rows for i, c in enumerate(r) if c in ("张三 (1)", "张三 (2)")}
    assert "zs_a" in row_of["张三 (1)"] and "zs_b" in row_of["张三 (2)"]
    # and on the matrix, (2) is the one with ten check-ins
    ws = wb[matrix]
    totals = {r[1]: r for r in ws.iter_rows(values_only=True) if r[1] in ("张三 (1)", "张三 (2)")}
    assert 10 in totals["张三 (2)"] and 10 not in totals["张三 (1)"]
