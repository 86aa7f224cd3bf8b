"""Probe camp3, the paste's hint "set the camp's first day": it showed in every group whose chain title counted days
— an early-rising group's 早起打卡 第45天 (its own count), a title that names its date beside the count — and a class
name (D1班) was a camp day. It shows now only where setting a first day would date the chain. Every test pins its
own day."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.services.group_profile import update_group_profile
from desktop.services.groups import create_group
from desktop.services.paste import preview_paste
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import CheckIn

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _group(database, name: str, kind: str, start: date | None = None) -> int:
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, name, kind=kind)
        add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 11, 1, 9)))
        if start is not None:
            update_group_profile(s, owner, gid, camp_start_day=start)
        s.commit()
    return gid


def _hint(database, gid: int, title: str) -> str | None:
    with database.session() as s:
        return preview_paste(s, gid, TODAY, f"{title}\n1. 张三\n").camp_hint


@pytest.mark.parametrize(
    ("name", "kind", "title", "hint"),
    [
        ("早起打卡群", "hobby", "#接龙 早起打卡 第45天", None),  # the group's own count: no camp to date it
        ("早起打卡群", "hobby", "#接龙 今天是连续打卡的第7天", None),
        ("读书会", "learning", "#接龙 读书会 Day 3", None),
        ("社群运营交流群", "other", "#接龙 运营打卡 第3天", None),  # 运营 is no camp (营)
        ("早起打卡群", "hobby", "#接龙 21天早起挑战 第3天", "第3天"),  # the title says it is a challenge of days
        ("21天写作营", "other", "#接龙 第3天打卡", "第3天"),  # a camp by its name, whatever kind was chosen
        ("Writing Camp", "other", "#接龙 Day 3", "Day 3"),
        ("写作群", "camp", "#接龙 第3天打卡", "第3天"),  # a camp by its kind
        ("写作群", "camp", "#接龙 11月24日 第3天", None),  # the title's date names the day: a first day adds nothing
        ("写作群", "camp", "#接龙 昨天 第3天", None),
    ],
)
def test_the_hint_shows_only_where_a_first_day_would_date_the_chain(sqlite_workspace, name, kind, title, hint):
    gid = _group(sqlite_workspace, name, kind)
    assert _hint(sqlite_workspace, gid, title) == hint


def test_an_early_rising_group_s_count_is_logged_for_the_day_without_the_camp_hint(
    sqlite_workspace, sqlite_path, tmp_path, capsys
):
    gid = _group(sqlite_workspace, "早起打卡群", "hobby")
    chain = tmp_path / "chain.txt"
    chain.write_text("#接龙 早起打卡 第45天\n1. 张三\n", encoding="utf-8")
    assert main(["--db", str(sqlite_path), "checkin", "--group", "早起打卡群", "--paste", str(chain)]) == 0
    err = capsys.readouterr().err
    assert "开营日" not in err and "--camp-start" not in err
    with sqlite_workspace.session() as s:
        assert s.scalars(select(CheckIn.day).where(CheckIn.group_id == gid)).all() == [TODAY]


@pytest.mark.parametrize("title", ["#接龙 D1班 打卡", "#接龙 D3组 早读", "#接龙 d2 班"])
def test_a_class_or_team_named_d1_is_no_camp_day(sqlite_workspace, sqlite_path, tmp_path, capsys, title):
    """D1班 (class D1), D3组 (team D3) in a camp with its first day: the chain was read as the chain of camp day 1 —
    the CLI refused it without --date ("the title names 2026-11-16") and the window asked. A class's or team's name
    is no day: the chain is logged for the day chosen, and no hint either."""
    gid = _group(sqlite_workspace, "21天写作营", "camp", start=date(2026, 11, 16))
    with sqlite_workspace.session() as s:
        preview = preview_paste(s, gid, TODAY, f"{title}\n1. 张三\n")
    assert (preview.title_day, preview.camp_title, preview.camp_hint, preview.day_mismatch) == (None, None, None, False)
    chain = tmp_path / "chain.txt"
    chain.write_text(f"{title}\n1. 张三\n", encoding="utf-8")
    assert main(["--db", str(sqlite_path), "checkin", "--group", "21天写作营", "--paste", str(chain)]) == 0
    with sqlite_workspace.session() as s:
        assert s.scalars(select(CheckIn.day).where(CheckIn.group_id == gid)).all() == [TODAY]


@pytest.mark.parametrize("start", [None, date(2026, 11, 20)])
def test_another_group_s_camp_day_neither_dates_nor_hints_this_group_s_chain(
    sqlite_workspace, sqlite_path, tmp_path, capsys, start
):
    """`#接龙 21天写作营 第3天` pasted into another camp, 早起训练营: its lines are said as another group's, not logged —
    but its 第3天 was read by 早起训练营's own camp: the CLI said "提示 … set the first day of 早起训练营" (a hint to date
    this group by another group's count), and with 早起训练营's first day set the chain was dated its day 3 and refused
    as "the chain is dated 2026-11-22" before a word of the other group. Found by the lead on the demo."""
    _group(sqlite_workspace, "21天写作营", "camp", start=date(2026, 11, 16))
    here = _group(sqlite_workspace, "早起训练营", "camp", start=start)
    text = "#接龙 21天写作营 第3天\n1. 张三\n"
    with sqlite_workspace.session() as s:
        preview = preview_paste(s, here, TODAY, text)
    assert (preview.title_day, preview.camp_title, preview.camp_hint, preview.day_mismatch) == (None, None, None, False)
    assert [m.reason for m in preview.matches if m.line.kind != "header"] == ["other_group"]
    chain = tmp_path / "chain.txt"
    chain.write_text(text, encoding="utf-8")
    assert main(["--db", str(sqlite_path), "checkin", "--group", "早起训练营", "--paste", str(chain)]) == 0
    err = capsys.readouterr().err
    assert "21天写作营" in err and "--other-group" in err
    assert "--camp-start" not in err and "2026-11-22" not in err
    with sqlite_workspace.session() as s:
        assert s.scalars(select(CheckIn.id).where(CheckIn.group_id == here)).all() == []
