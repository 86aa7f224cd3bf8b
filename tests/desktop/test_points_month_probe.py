"""Points over a real month (probe points3): check-ins and a 7-day bonus, an offline activity, a violation, batch
adjustments and an undo of one of them, a member who left and came back, two records of one person merged (and the
merge undone), October's board read in November — the Points page's service, the workbook's 积分 sheet and the
leaderboard text agree for each month, and the kept balances equal the ledger's sums throughout."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.members import bulk_mark_left, merge_members
from desktop.services.merge_undo import undo_merge
from desktop.services.onboarding import record_join
from desktop.services.participation import ActivityInput, add_violation, create_activity, set_attendance
from desktop.services.points import (
    adjust_points_batch,
    balance,
    leaderboard,
    recompute_preview,
    undo_adjustment,
)
from desktop.services.points_queries import ledger_of
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.services.texts import leaderboard_text
from desktop.workspace import actor_for
from models import clock, kept

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _sheet_board(path, group: str):
    ws = load_workbook(path)["积分"]
    rows = [r for r in ws.iter_rows(min_row=4, max_col=9, values_only=True) if r[0] == group]
    month = [tuple(r[1:5]) for r in rows if isinstance(r[1], int)]
    return month


def _agree(db, owner, gid, tmp_path, year, month, end):
    """The month's board on the Points page (its service), in the workbook and in the text: the same people, points,
    ranks and levels; the text names those of them with points above 0."""
    with db.session() as s:
        page = leaderboard(s, gid, start=date(year, month, 1), end=end)
        text = "\n".join(leaderboard_text(s, gid, year, month, today=TODAY).parts)
        assert kept.drift(s.connection()) == []
    path = tmp_path / f"r{month}.xlsx"
    export_monthly_report(db, owner, year=year, month=month, group_ids=[gid], path=path, today=TODAY)
    assert _sheet_board(path, "读书会") == [(r.rank, r.display_name, r.points, r.level) for r in page]
    for r in page:
        assert (f"{r.display_name} {r.points}分" in text) == (r.points > 0), r
    return page


def test_a_month_of_points_agrees_on_the_page_the_workbook_and_the_text(sqlite_workspace, tmp_path):
    db = sqlite_workspace
    owner = actor_for(db)
    with db.session() as s:
        gid = create_group(s, owner, "读书会")
        ms = {
            n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 9, 1)))[1]
            for n in ("张三", "李四", "王五", "赵六", "孙七")
        }
        # October: 张三 checks in 1–7 (7 × 1 + the 7-day bonus 5), 王五 3 days, all but 孙七 at the October meetup
        for d in range(1, 8):
            record_checkins(s, owner, gid, date(2026, 10, d), [ms["张三"]] + ([ms["王五"]] if d <= 3 else []))
        meetup = create_activity(
            s, owner, gid, ActivityInput("十月线下读书会", starts_at=datetime(2026, 10, 18, 14), online=False)
        )
        for n in ("张三", "李四", "王五", "赵六"):
            set_attendance(s, owner, meetup, ms[n], "attended")
        adjust_points_batch(
            s, owner, gid, [ms["张三"], ms["李四"], ms["王五"], ms["赵六"]], 5, "线下聚会带书", date(2026, 10, 18)
        )
        s.commit()
        # November: 李四 floods the group (−10), the winners of the book review get +20 (赵六 by mistake: undone
        # for him alone), 王五 leaves and comes back, 孙七 checks in 3 days
        add_violation(s, owner, ms["李四"], "flood", date(2026, 11, 4))
        winners = adjust_points_batch(s, owner, gid, [ms["张三"], ms["赵六"]], 20, "书评获奖", date(2026, 11, 12))
        zhao = next(e for e in ledger_of(s, ms["赵六"]) if e.points == 20)
        undo_adjustment(s, owner, zhao.id)
        for d in (2, 3, 4):
            record_checkins(s, owner, gid, date(2026, 11, d), [ms["孙七"]])
        s.commit()
    with db.session() as s:
        bulk_mark_left(s, owner, [ms["王五"]], "工作太忙")
        s.commit()
        assert record_join(s, owner, ms["王五"], clock.now()) in ("onboarding", "active")  # back the same day
        adjust_points_batch(s, owner, gid, [ms["王五"]], 3, "回归欢迎", date(2026, 11, 16))
        s.commit()
        assert recompute_preview(s, gid) == []
        assert winners.membership_ids == (ms["张三"], ms["赵六"])
        assert [balance(s, ms[n]) for n in ("张三", "李四", "王五", "赵六", "孙七")] == [47, 5, 21, 15, 3]

    october = _agree(db, owner, gid, tmp_path, 2026, 10, date(2026, 10, 31))
    assert [(r.display_name, r.points) for r in october] == [("张三", 27), ("王五", 18), ("李四", 15), ("赵六", 15)]
    november = _agree(db, owner, gid, tmp_path, 2026, 11, TODAY)
    # the undone +20 was 赵六's only entry of the month: taken back, it leaves him on no board of November (page,
    # workbook, text: probe undo3 — it listed him at 0, a row for a mistake undone)
    assert [(r.display_name, r.points) for r in november] == [
        ("张三", 20),
        ("孙七", 3),  # level with 王五: by pinyin (sun before wang)
        ("王五", 3),
        ("李四", -10),
    ]
    assert [r.rank for r in november] == [1, 2, 2, 4]


def test_a_batch_given_to_both_records_of_one_person_counts_once_after_the_merge(sqlite_workspace):
    """张三 stood twice on the roster (张三, 张三丰 zs_2) and both were on the meetup's list: +5 each from one
    adjustment. Merged, the person had +10 from a meetup they came to once; now the merge undoes the second (合并成员:
    同一次调整只计一次), and undoing the merge gives both records their +5 back. Two separate adjustments stay."""
    db = sqlite_workspace
    owner = actor_for(db)
    with db.session() as s:
        gid = create_group(s, owner, "读书会")
        a, ma = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 10, 1)))
        b, mb = add_member(
            s, owner, gid, MemberInput(display_name="张三丰", wechat_id="zs_2", joined_at=datetime(2026, 10, 1))
        )
        _c, mc = add_member(s, owner, gid, MemberInput(display_name="李四", joined_at=datetime(2026, 10, 1)))
        adjust_points_batch(s, owner, gid, [ma, mb, mc], 5, "线下聚会到场", date(2026, 11, 15))
        adjust_points_batch(s, owner, gid, [mb], 2, "分享书单", date(2026, 11, 16))
        adjust_points_batch(s, owner, gid, [ma], 2, "分享书单", date(2026, 11, 17))
        s.commit()
        summary = merge_members(s, owner, a, b)
        s.commit()
        assert balance(s, ma) == 5 + 2 + 2
        assert balance(s, mc) == 5
        reasons = [e.reason for e in ledger_of(s, ma) if e.points == -5]
        assert len(reasons) == 1 and "线下聚会到场" in reasons[0]
        assert kept.drift(s.connection()) == []
        assert recompute_preview(s, gid) == []
        assert summary.merge_id is not None
        undo_merge(s, owner, summary.merge_id)
        s.commit()
        assert (balance(s, ma), balance(s, mb)) == (7, 7)
        assert kept.drift(s.connection()) == []
