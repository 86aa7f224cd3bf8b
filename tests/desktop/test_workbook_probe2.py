"""The owner's monthly workbook, second probe: each workbook read back with openpyxl against the figures of the same
month (docs/metrics.md) — a past month's roster after people came back, and months QunDesk never recorded."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from desktop.metrics import month_stats
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.members import copy_to_group
from desktop.services.onboarding import leave_group, record_join
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import Group

TODAY = date(2026, 6, 5)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their facts are dated in 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _table(ws, header_row: int = 3) -> list[dict]:
    header = [c.value for c in ws[header_row]]
    out = []
    for values in ws.iter_rows(min_row=header_row + 1, values_only=True):
        if all(v is None for v in values):
            break
        out.append(dict(zip(header, values, strict=False)))
    return out


def _set_up(s, owner, name: str, on: datetime) -> int:
    g = create_group(s, owner, name)
    s.execute(update(Group).where(Group.id == g).values(created_at=on))
    return g


def test_a_past_month_s_roster_shows_the_spell_of_that_month_for_someone_back_since(
    sqlite_workspace, tmp_path, monkeypatch
):
    """孙八 left on 20 March and came back on 10 April (a join notice: 入群中 again); 李四 left on 20 March and was
    brought back into the group on 10 April (已入群). March's 成员名册 said 入群中 / 已入群, joined 2026-04-10 — a
    join after the roster's own month, and no leaving where March's 退群 counts two. Now: 已退群, joined 1 February,
    as the month's figures have them. April lists 孙八 入群中 since 10 April (in the chat then), though the record
    was typed in later."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = _set_up(s, owner, "回归群", datetime(2026, 1, 1, 9))
        other = _set_up(s, owner, "别的群", datetime(2026, 1, 1, 9))
        _, back_by_notice = add_member(s, owner, g, MemberInput(display_name="孙八", joined_at=datetime(2026, 2, 1, 9)))
        li, back_by_hand = add_member(s, owner, g, MemberInput(display_name="李四", joined_at=datetime(2026, 2, 1, 9)))
        _, stays = add_member(s, owner, g, MemberInput(display_name="留下", joined_at=datetime(2026, 2, 1, 9)))
        _, li_other = add_member(s, owner, other, MemberInput(display_name="李四", wechat_id="lisi_x"))
        record_checkins(s, owner, g, date(2026, 3, 10), [back_by_notice, back_by_hand, stays], today=TODAY)
        leave_group(s, owner, back_by_notice, "暂离", when=datetime(2026, 3, 20, 22))
        leave_group(s, owner, back_by_hand, "暂离", when=datetime(2026, 3, 20, 22))
        assert record_join(s, owner, back_by_notice, datetime(2026, 4, 10, 9)) == "onboarding"
        s.commit()
    with sqlite_workspace.session() as s:
        # 李四 is brought back by the roster's "copy to group" from the other group, on 10 April
        monkeypatch.setenv("QUNDESK_TODAY", "2026-04-10")
        copy_to_group(s, owner, [li_other], g)
        monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
        s.commit()
        march = month_stats(s, g, 2026, 3, today=TODAY)
        april = month_stats(s, g, 2026, 4, today=TODAY)
    assert (march.members_total, march.left) == (1, 2)
    assert april.joined == 2

    out = tmp_path / "march.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=3, group_ids=[g], path=out, today=TODAY)
    rows = {r["姓名"]: r for r in _table(load_workbook(out)["成员名册"])}
    assert set(rows) == {"孙八", "李四", "留下"}
    assert sum(1 for r in rows.values() if r["状态"] == "已入群") == march.members_total == 1
    for name in ("孙八", "李四"):
        assert rows[name]["状态"] == "已退群"
        assert rows[name]["入群日期"] == datetime(2026, 2, 1)
    assert rows["留下"]["状态"] == "已入群"

    out = tmp_path / "april.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=4, group_ids=[g], path=out, today=TODAY)
    rows = {r["姓名"]: (r["状态"], r["入群日期"]) for r in _table(load_workbook(out)["成员名册"])}
    assert rows == {
        "留下": ("已入群", datetime(2026, 2, 1)),
        "李四": ("已入群", datetime(2026, 4, 10)),
        "孙八": ("入群中", datetime(2026, 4, 10)),
    }
