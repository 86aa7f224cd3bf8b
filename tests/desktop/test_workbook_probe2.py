"""The owner's monthly workbook, second probe: each workbook read back with openpyxl against the figures of the same
month (docs/metrics.md) — a past month's roster after people came back, and months QunDesk never recorded."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from desktop.metrics import month_stats
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.members import copy_to_group, merge_members
from desktop.services.merge_undo import undo_merge
from desktop.services.onboarding import leave_group, list_steps, record_join, record_step, retire_step
from desktop.services.participation import ActivityInput, create_activity, set_attendance
from desktop.services.points import adjust_points
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.services.roster_export import export_roster
from desktop.workspace import actor_for
from models import Group, MembershipSpell

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
        # 孙八's purpose answer was recorded: a returner with a step record goes through the process again (one whose
        # steps were never recorded comes back 已入群: onboarding.record_join)
        purpose = next(st.id for st in list_steps(s, g) if st.code == "purpose")
        record_step(s, owner, back_by_notice, purpose, answer="回来", when=datetime(2026, 2, 1, 9))
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


def test_a_month_before_a_group_was_set_up_is_no_measured_zero_and_does_not_pull_the_totals_down(
    sqlite_workspace, tmp_path
):
    """读书会 was set up here on 1 May with its roster of February joiners; 训练营 has been kept since January.
    April's workbook of all groups said 读书会 打卡率 0.0%, its members 沉默成员 and a 僵尸群预警, and its members'
    days went into the 合计 rate (16 check-ins over both groups' days: 13.3% where 训练营 measured 26.7%). Now 读书会's
    measured figures read "–" (its members, from their join dates, stay), the 合计 rate is 训练营's, and 预警 names
    nobody silent in a month nobody recorded."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        camp = _set_up(s, owner, "训练营", datetime(2026, 1, 1, 9))
        books = _set_up(s, owner, "读书会", datetime(2026, 5, 1, 9))
        kept = [
            add_member(s, owner, camp, MemberInput(display_name=n, joined_at=datetime(2026, 2, 1, 9)))[1]
            for n in ("阿甲", "阿乙")
        ]
        for n in ("书友一", "书友二"):
            add_member(s, owner, books, MemberInput(display_name=n, joined_at=datetime(2026, 2, 1, 9)))
        for d in range(1, 9):
            record_checkins(s, owner, camp, date(2026, 4, d), kept[:1], today=TODAY)
            record_checkins(s, owner, camp, date(2026, 4, d + 10), kept[1:], today=TODAY)
        s.commit()
        camp_april = month_stats(s, camp, 2026, 4, today=TODAY)
        books_april = month_stats(s, books, 2026, 4, today=TODAY)
    assert camp_april.checkin_rate == round(16 / 60, 4)
    assert books_april.members_total == 2

    out = tmp_path / "april.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=4, group_ids=None, path=out, today=TODAY)
    wb = load_workbook(out)
    kpi = {(r[0], r[5]): r[2:5] for r in wb["概览"].iter_rows(min_row=4, max_col=6, values_only=True) if r[5]}
    assert kpi[("读书会", "members_total")] == (2, 2, 0)
    for key in ("checkin_rate", "members_active", "dormant", "checkins", "attendance_rate"):
        assert kpi[("读书会", key)] == ("–", "–", "–"), key
    assert kpi[("训练营", "checkin_rate")][0] == camp_april.checkin_rate
    assert kpi[("合计", "checkin_rate")][0] == camp_april.checkin_rate
    assert kpi[("合计", "dormant")][0] == camp_april.dormant == 0
    assert kpi[("合计", "members_total")][0] == 4

    matrix = list(wb["打卡明细"].iter_rows(min_row=4, values_only=True))
    rate = {(r[0], r[1]): r[-1] for r in matrix if r[1]}
    assert rate[("读书会", "书友一")] == rate[("读书会", "每日合计")] == "–"
    assert rate[("训练营", "每日合计")] == rate[("全部社群", "每日合计")] == camp_april.checkin_rate
    alerts = [r[:3] for r in wb["预警"].iter_rows(min_row=4, values_only=True) if r[0] == "读书会"]
    assert alerts == []


def test_a_masked_workbook_has_no_phone_number_in_any_cell(sqlite_workspace, tmp_path):
    """A manual adjustment's reason 「推荐了 13512345678」 and an activity titled 「张三13812345678 分享」 at 「联系
    13412345678」 were written in full on 积分 (and its 参加活动「…」 reasons) and 活动 of a workbook that says 手机号已脱敏;
    every text cell of every sheet is read back now: no mobile number, masked as the names are; unmasked keeps them."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = _set_up(s, owner, "电话群", datetime(2026, 1, 1, 9))
        _, a = add_member(s, owner, g, MemberInput(display_name="张三", joined_at=datetime(2026, 5, 1, 9)))
        adjust_points(s, owner, a, 5, "推荐了 13512345678", date(2026, 5, 4))
        act = create_activity(
            s,
            owner,
            g,
            ActivityInput(title="张三13812345678 分享", starts_at=datetime(2026, 5, 5, 20), place="联系 13412345678"),
        )
        set_attendance(s, owner, act, a, "attended")
        s.commit()

    def texts(path) -> list[str]:
        wb = load_workbook(path)
        return [c for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]

    masked = tmp_path / "masked.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=5, group_ids=[g], path=masked, today=TODAY)
    cells = texts(masked)
    assert not [c for c in cells if re.search(r"1[3-9]\d{9}", c)]
    assert "推荐了 135****" in cells
    assert "张三138**** 分享" in cells and "线上 · 联系 134****" in cells
    assert "参加活动「张三138**** 分享」" in cells

    full = tmp_path / "full.xlsx"
    export_monthly_report(
        sqlite_workspace, owner, year=2026, month=5, group_ids=[g], path=full, today=TODAY, unmasked=True
    )
    cells = texts(full)
    assert "推荐了 13512345678" in cells and "张三13812345678 分享" in cells


def test_merging_a_former_member_s_record_with_their_new_one_keeps_the_month_they_left(sqlite_workspace, tmp_path):
    """孙八 left on 20 March; on 10 April they were added again as a new record instead of brought back, and the two
    records were merged in June. The merge made one spell from 10 January: March's 退群 1 became 0, April's 新入群 1
    became 0, and March's workbook exported again listed 孙八 已入群 among March's members. Now the earlier record is a
    closed spell of the combined membership: both months' figures and March's roster stay as they were; undoing the
    merge puts the two records back."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = _set_up(s, owner, "合并群", datetime(2026, 1, 1, 9))
        old, a = add_member(
            s, owner, g, MemberInput(display_name="孙八", wechat_id="sunba", joined_at=datetime(2026, 1, 10))
        )
        record_checkins(s, owner, g, date(2026, 3, 10), [a], today=TODAY)
        leave_group(s, owner, a, "暂离", when=datetime(2026, 3, 20, 22))
        new, b = add_member(s, owner, g, MemberInput(display_name="孙八", joined_at=datetime(2026, 4, 10, 9)))
        record_checkins(s, owner, g, date(2026, 4, 12), [b], today=TODAY)
        s.commit()
        figures = [
            (x.members_total, x.joined, x.left, x.checkins) for x in (month_stats(s, g, 2026, m) for m in (3, 4))
        ]
        assert figures == [(0, 0, 1, 1), (1, 1, 0, 1)]
        merge_id = merge_members(s, owner, new, old).merge_id
        s.commit()
        after = [(x.members_total, x.joined, x.left, x.checkins) for x in (month_stats(s, g, 2026, m) for m in (3, 4))]
        assert after == figures

    out = tmp_path / "march.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=3, group_ids=[g], path=out, today=TODAY)
    wb = load_workbook(out)
    assert [(r["姓名"], r["状态"], r["入群日期"]) for r in _table(wb["成员名册"])] == [
        ("孙八", "已退群", datetime(2026, 1, 10))
    ]
    row = next(r for r in wb["打卡明细"].iter_rows(min_row=4, values_only=True) if r[1] == "孙八")
    assert row[-4] == 1 and row[-1] == round(1 / 19, 4)  # one check-in over 1–19 March, the days of the spell
    out = tmp_path / "april.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=4, group_ids=[g], path=out, today=TODAY)
    assert [(r["姓名"], r["状态"], r["入群日期"]) for r in _table(load_workbook(out)["成员名册"])] == [
        ("孙八", "已入群", datetime(2026, 4, 10))
    ]

    with sqlite_workspace.session() as s:
        undo_merge(s, owner, merge_id)
        s.commit()
        assert [(x.members_total, x.joined, x.left) for x in (month_stats(s, g, 2026, m) for m in (3, 4))] == [
            (0, 0, 1),
            (1, 1, 0),
        ]
        assert s.scalar(select(func.count()).select_from(MembershipSpell)) == 0


def test_digits_written_as_text_carry_no_excel_warning(sqlite_workspace, tmp_path):
    """A WeChat ID of digits (a QQ number, 0012) and the phone numbers of an unmasked workbook are text on purpose
    (a leading zero kept, no 1.38E+10); Excel marked each such cell with its green triangle, "number stored as
    text" — every phone of the owner's roster export. Each sheet now switches that check off (ignoredErrors, in its
    place in the sheet's XML: before the charts' drawing), and the cells stay text."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = _set_up(s, owner, "数字群", datetime(2026, 1, 1, 9))
        add_member(
            s,
            owner,
            g,
            MemberInput(display_name="张三", wechat_id="0012", phone="13812345678", joined_at=datetime(2026, 5, 1)),
        )
        s.commit()
    report = tmp_path / "may.xlsx"
    export_monthly_report(
        sqlite_workspace, owner, year=2026, month=5, group_ids=[g], path=report, today=TODAY, unmasked=True
    )
    roster = tmp_path / "roster.xlsx"
    export_roster(sqlite_workspace, owner, group_ids=[g], path=roster)
    for path, sheets in ((report, 7), (roster, 1)):
        with zipfile.ZipFile(path) as z:
            names = sorted(n for n in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
            assert len(names) == sheets
            for name in names:
                xml = z.read(name).decode()
                at = xml.find('<ignoredErrors><ignoredError sqref="A1:XFD1048576" numberStoredAsText="1"/>')
                assert at > xml.find("</sheetData>") > 0, name
                assert xml.find("<drawing") in (-1, *range(at, len(xml))), name
    row = _table(load_workbook(report)["成员名册"])[0]
    assert (row["微信号"], row["手机"]) == ("0012", "13812345678")
    values = list(load_workbook(roster).worksheets[0].iter_rows(values_only=True))
    head = list(values[0])
    assert values[1][head.index("微信号")] == "0012" and values[1][head.index("手机")] == "13812345678"


def test_a_past_month_s_entry_funnel_is_the_one_its_end_had(sqlite_workspace, tmp_path, monkeypatch):
    """概览's 入群漏斗 of March counted every step ever recorded: March's workbook exported again in June said 2 for 自我介绍
    where March had 1 (the other introduced themselves on 10 April), and a step retired in May was gone from March's
    funnel. Now the funnel is as it stood on 31 March; June's is as it stands."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = _set_up(s, owner, "漏斗群", datetime(2026, 1, 1, 9))
        steps = {st.code: st for st in list_steps(s, g)}
        a = add_member(s, owner, g, MemberInput(display_name="阿甲", status="onboarding"))[1]
        b = add_member(s, owner, g, MemberInput(display_name="阿乙", status="onboarding"))[1]
        intro, photo = steps["intro"], steps["photo"]
        record_step(s, owner, a, intro.id, when=datetime(2026, 3, 10, 9))
        record_step(s, owner, a, photo.id, when=datetime(2026, 3, 11, 9))
        record_step(s, owner, b, intro.id, when=datetime(2026, 4, 10, 9))
        monkeypatch.setenv("QUNDESK_TODAY", "2026-05-15")
        retire_step(s, owner, photo.id)
        monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
        s.commit()

    def funnel_of(month: int) -> dict:
        out = tmp_path / f"{month}.xlsx"
        export_monthly_report(sqlite_workspace, owner, year=2026, month=month, group_ids=[g], path=out, today=TODAY)
        rows = list(load_workbook(out)["概览"].iter_rows(values_only=True))
        at = next(i for i, r in enumerate(rows) if "入群步骤" in r)
        col = rows[at].index("入群步骤")
        return {r[col]: r[col + 1] for r in rows[at + 1 :] if r[col] is not None}

    march, june = funnel_of(3), funnel_of(6)
    assert (march[intro.name], march[photo.name]) == (1, 1)
    assert june[intro.name] == 2 and photo.name not in june


def test_a_past_month_s_entry_progress_lists_that_month_s_new_members_who_left_since(sqlite_workspace, tmp_path):
    """阿新 joined on 12 March and left on 5 May. March's 入群进度, exported again in June, left them out (their status
    today is 已退群), though its print area is "the people still on the way in and this month's new members" and
    March's 成员名册 lists them 已入群. Now they are there, printed, 已入群 joined 12 March, as on the roster."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = _set_up(s, owner, "新人群", datetime(2026, 1, 1, 9))
        add_member(s, owner, g, MemberInput(display_name="老成员", joined_at=datetime(2026, 1, 5, 9)))
        _, new = add_member(s, owner, g, MemberInput(display_name="阿新", joined_at=datetime(2026, 3, 12, 9)))
        leave_group(s, owner, new, "结营", when=datetime(2026, 5, 5, 9))
        s.commit()
    out = tmp_path / "march.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=3, group_ids=[g], path=out, today=TODAY)
    wb = load_workbook(out)
    ws = wb["入群进度"]
    rows = [(r["姓名"], r["状态"], r["入群日期"]) for r in _table(ws)]
    assert rows == [("阿新", "已入群", datetime(2026, 3, 12)), ("老成员", "已入群", datetime(2026, 1, 5))]
    printed_last = int(ws.print_area.split("$")[-1]) if isinstance(ws.print_area, str) else None
    assert printed_last == 4  # the header on row 3, 阿新 on row 4: the print area ends there
    roster = {r["姓名"]: r["状态"] for r in _table(wb["成员名册"])}
    assert roster == {"阿新": "已入群", "老成员": "已入群"}


def test_merging_a_former_member_with_their_new_application_keeps_their_months(sqlite_workspace, tmp_path):
    """孙八 left on 20 March and applied again (a new record, 申请中); merging the two made them an applicant from
    10 January: February's 成员数 went from 1 to 0 and March's 退群 from 1 to 0, and February's workbook lost them. The
    former record is a closed spell now; the applicant is still an applicant."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = _set_up(s, owner, "合并群", datetime(2026, 1, 1, 9))
        old, a = add_member(
            s, owner, g, MemberInput(display_name="孙八", wechat_id="sunba", joined_at=datetime(2026, 1, 10))
        )
        leave_group(s, owner, a, "暂离", when=datetime(2026, 3, 20, 22))
        new, _ = add_member(s, owner, g, MemberInput(display_name="孙八", status="applicant"))
        s.commit()
        figures = [(x.members_total, x.joined, x.left) for x in (month_stats(s, g, 2026, m) for m in (2, 3))]
        assert figures == [(1, 0, 0), (0, 0, 1)]
        merge_members(s, owner, old, new)
        s.commit()
        assert [(x.members_total, x.joined, x.left) for x in (month_stats(s, g, 2026, m) for m in (2, 3))] == figures
    out = tmp_path / "feb.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=2, group_ids=[g], path=out, today=TODAY)
    assert [(r["姓名"], r["状态"], r["入群日期"]) for r in _table(load_workbook(out)["成员名册"])] == [
        ("孙八", "已入群", datetime(2026, 1, 10))
    ]
