"""The English workbook names the app's own defaults in English: it wrote the stored Chinese — tiers (普通, 中咖),
operating roles (日常运营), point levels (新人) in 成员名册 and 积分, the entry steps (进群目的问答 …) as
入群进度's column headers and in 概览's funnel — while the English window showed Regular, Daily operator,
Newcomer, Purpose of joining. A name the organiser typed or renamed stays as typed; the Chinese workbook and
what is stored do not change."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.phrases import DEFAULT_NAMES_EN
from desktop.services.groups import create_group
from desktop.services.members import bulk_add_role, bulk_set_tier
from desktop.services.onboarding import edit_step, record_step
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import EntryStep, Tier

TODAY = date(2026, 5, 20)  # the facts below are dated against this day, never the suite's
HEADER_ROW = 3


@pytest.fixture
def workspace(tmp_path):
    database = open_workspace(tmp_path / "w.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "晨读营")
        joined = datetime(2026, 5, 2, 9, 0)
        _mid, zhang = add_member(s, owner, gid, MemberInput("张三", joined_at=joined))
        _mid, li = add_member(s, owner, gid, MemberInput("李四", status="onboarding", joined_at=joined))
        bulk_set_tier(s, owner, [zhang], "普通")
        bulk_add_role(s, owner, [zhang], "日常运营")
        steps = dict(s.execute(select(EntryStep.name, EntryStep.id).where(EntryStep.group_id == gid)).all())
        edit_step(s, owner, steps["自我介绍"], name="破冰自我介绍")  # the organiser's own name
        record_step(s, owner, li, steps["进群目的问答"], answer="早起", when=datetime(2026, 5, 3, 8, 0))
        s.commit()
    yield database, owner, gid
    database.dispose()


def _table(ws, row: int = HEADER_ROW) -> tuple[list, list[tuple]]:
    header = [c.value for c in ws[row]]
    rows = []
    for values in ws.iter_rows(min_row=row + 1, values_only=True):
        if all(v is None for v in values):
            break
        rows.append(values)
    return header, rows


def _export(workspace, tmp_path, lang):
    database, owner, gid = workspace
    path = tmp_path / f"{lang}.xlsx"
    export_monthly_report(database, owner, year=2026, month=5, group_ids=[gid], path=path, today=TODAY, lang=lang)
    return load_workbook(path)


def test_the_english_workbook_names_the_default_tiers_roles_levels_and_steps_in_english(workspace, tmp_path):
    wb = _export(workspace, tmp_path, "en")
    header, rows = _table(wb["成员名册"])
    zhang = dict(zip(header, next(r for r in rows if "张三" in r), strict=False))
    assert (zhang["Tier"], zhang["Roles"], zhang["Level"]) == ("Regular", "Daily operator", "Newcomer")

    header, _rows = _table(wb["入群进度"])
    assert "Purpose of joining" in header and "Read the rules" in header
    assert "破冰自我介绍" in header  # renamed by the organiser: as typed
    assert not set(DEFAULT_NAMES_EN) & set(header)

    summary = {c.value for row in wb["概览"].iter_rows() for c in row if isinstance(c.value, str)}
    assert "Purpose of joining" in summary  # the funnel chart's data
    assert not set(DEFAULT_NAMES_EN) & summary

    board = {c.value for row in wb["积分"].iter_rows() for c in row if isinstance(c.value, str)}
    assert not set(DEFAULT_NAMES_EN) & board

    with workspace[0].session() as s:  # what is stored is unchanged
        assert "普通" in set(s.scalars(select(Tier.name)))


def test_the_chinese_workbook_keeps_the_stored_names(workspace, tmp_path):
    wb = _export(workspace, tmp_path, "zh_CN")
    header, rows = _table(wb["成员名册"])
    zhang = dict(zip(header, next(r for r in rows if "张三" in r), strict=False))
    assert (zhang["层级"], zhang["角色"], zhang["等级"]) == ("普通", "日常运营", "新人")
    header, _rows = _table(wb["入群进度"])
    assert "进群目的问答" in header and "破冰自我介绍" in header
