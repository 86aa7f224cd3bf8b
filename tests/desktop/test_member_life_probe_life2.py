"""A member's life in the group as the owner reads it (probe life2): leaving and coming back, steps never recorded,
the dormant reason, a 补卡 for a day they were away. Every day here is fixed (tests/fixed_day.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.health import stalled_alerts
from desktop.services.groups import create_group
from desktop.services.onboarding import leave_group, list_steps, record_join, record_step
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models.people import Membership

TODAY = date(2026, 11, 18)


@pytest.fixture
def owner(sqlite_workspace):
    return actor_for(sqlite_workspace)


def test_a_returner_whose_steps_were_never_recorded_comes_back_a_member_not_a_stalled_newcomer(sqlite_workspace, owner):
    """老会员 was added by hand a year ago (no entry step recorded), left on 20 October and came back on the 25th (a
    join notice). They were 入群中 again, and 预警 said "入群流程停滞 24 天" of someone in the group for a year. Now
    they come back 已入群. One with a step record whose process gained a step since goes on with it (入群中)."""
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        _, old = add_member(s, owner, gid, MemberInput(display_name="老会员", joined_at=datetime(2025, 11, 1, 9)))
        _, halfway = add_member(s, owner, gid, MemberInput(display_name="半程", joined_at=datetime(2025, 11, 1, 9)))
        purpose = next(st.id for st in list_steps(s, gid) if st.code == "purpose")
        record_step(s, owner, halfway, purpose, answer="读书", when=datetime(2025, 11, 1, 9))
        for ms in (old, halfway):
            leave_group(s, owner, ms, "出差", when=datetime(2026, 10, 20, 20))
        assert record_join(s, owner, old, datetime(2026, 10, 25, 9)) == "active"
        assert record_join(s, owner, halfway, datetime(2026, 10, 25, 9)) == "onboarding"
        s.commit()
        assert s.get(Membership, old).joined_at == datetime(2026, 10, 25, 9)
        named = {a.display_name for a in stalled_alerts(s, gid, TODAY)}
        assert "老会员" not in named
        assert "半程" in named  # their own process, since the return


def test_the_dormant_and_silent_reasons_name_every_kind_of_participation_speaking_too(sqlite_workspace, owner):
    """Participation is a check-in, an attended activity, a contribution or a chat message (docs/metrics.md): one who
    spoke is never dormant. The reason said "已 30 天没有任何打卡、活动或分享" — no word of speaking, and
    "活动" not "attended" — and the silent newcomer's "仍未参与任何活动" read as "attended no activity". Both now
    name the four facts, in both languages."""
    from desktop.phrases import Phrase

    dormant = Phrase("alert.dormant", days=30)
    assert dormant.render("zh_CN") == "已 30 天没有打卡、参加活动、贡献或发言"
    assert dormant.render("en") == "No check-in, activity attended, contribution or chat message for 30 days"
    silent = Phrase("alert.silent_newcomer", days=7)
    assert silent.render("zh_CN") == "入群超过 7 天仍没有打卡、参加活动、贡献或发言"
    assert silent.render("en") == "Joined over 7 days ago: no check-in, activity attended, contribution or chat message"


def _returner(s, owner):
    """老会员: a member since 1 October (added by hand), left on 5 November, back on the 10th."""
    gid = create_group(s, owner, "早起营")
    _, ms = add_member(s, owner, gid, MemberInput(display_name="老会员", joined_at=datetime(2026, 10, 1, 9)))
    leave_group(s, owner, ms, "出差", when=datetime(2026, 11, 5, 20))
    assert record_join(s, owner, ms, datetime(2026, 11, 10, 9)) == "active"
    s.commit()
    return gid, ms


def test_a_check_in_for_a_day_between_leaving_and_return_says_they_had_left(sqlite_workspace, owner):
    """A 补卡 for 7 November of someone who left on the 5th and came back on the 10th was refused as "11月10日才入群"
    — as if they had never been in the group (a member since 1 October). Now it says they left on the 5th and came
    back on the 10th: by record_checkins, in a pasted chain, and in the CLI's words. A day before they ever joined
    still reads 才入群."""
    from desktop.errors import ValidationError
    from desktop.services.checkins import record_checkins
    from desktop.services.paste import describe_person, preview_paste

    with sqlite_workspace.session() as s:
        gid, ms = _returner(s, owner)
        with pytest.raises(ValidationError) as refused:
            record_checkins(s, owner, gid, date(2026, 11, 7), [ms], today=TODAY)
        said = str(refused.value)
        assert "11月5日退群, 11月10日才回来" in said and "left on 2026-11-05 and came back on 2026-11-10" in said
        assert "才入群" not in said
        with pytest.raises(ValidationError, match="10月1日才入群"):  # before their first spell
            record_checkins(s, owner, gid, date(2026, 9, 30), [ms], today=TODAY)
        # a 补卡 line in a chain for a day they were away
        preview = preview_paste(s, gid, date(2026, 11, 7), "#接龙 早起打卡\n1. 老会员\n")
        [m] = [m for m in preview.matches if m.candidates]
        assert m.status == "not_member"
        text = describe_person(m.candidates[0])
        assert text.startswith("老会员: 11月5日退群, 11月10日才回来") and "才入群" not in text


def test_a_leave_from_a_day_they_were_away_says_they_had_left(sqlite_workspace, owner):
    """A 请假 from 7 November (away from the 5th to the 10th) was refused as "11月10日才入群"; now "11月5日退群,
    11月10日才回来"."""
    from desktop.errors import ValidationError
    from desktop.services.checkins import record_leave

    with sqlite_workspace.session() as s:
        gid, ms = _returner(s, owner)
        with pytest.raises(ValidationError, match="11月5日退群, 11月10日才回来, 不能记 2026-11-07 起的请假"):
            record_leave(s, owner, ms, date(2026, 11, 7), date(2026, 11, 12), "出差")


def test_an_imported_check_in_table_names_the_days_away_too(sqlite_workspace, owner, tmp_path):
    """A 打卡表 with a ✓ for 7 November of someone away from the 5th to the 10th: the problem says they had left and
    came back, and a ✓ for 30 September says they first joined on 1 October — not "11月10日才入群" for either."""
    from desktop.services.checkin_import import CheckinImportFailed, run_checkin_import

    with sqlite_workspace.session() as s:
        _returner(s, owner)
    path = tmp_path / "打卡表.csv"
    path.write_text("姓名,2026-09-30,2026-11-07\n老会员,✓,✓\n", encoding="utf-8-sig")
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(sqlite_workspace, owner, path, "早起营", today=TODAY)
    said = sorted(p.message for p in failed.value.problems)
    assert len(said) == 2, said
    assert any("10月1日才入群" in m and "2026-09-30" in m for m in said), said
    assert any("11月5日退群, 11月10日才回来" in m and "2026-11-07" in m for m in said), said


def test_entry_progress_says_a_member_added_directly_was_let_in_without_recorded_steps(
    sqlite_workspace, owner, tmp_path
):
    """入群进度 showed 已入群 with 必需步骤 "0/3" for a member added by hand in the month (their steps were never
    recorded): true, but it read as unfinished. Now "0/3 · 直接入群, 未记录步骤" (English: "added directly, steps not
    recorded"); one with a step recorded "1/3 · 已入群, 其余步骤未记录"; a newcomer on the way in keeps the bare
    fraction, and one with every step done "3/3"."""
    from openpyxl import load_workbook

    from desktop.services.report import export_monthly_report

    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        steps = {st.code: st.id for st in list_steps(s, gid) if st.required}
        add_member(s, owner, gid, MemberInput(display_name="直接加", joined_at=datetime(2026, 11, 2, 9)))
        _, one = add_member(s, owner, gid, MemberInput(display_name="答过目的", joined_at=datetime(2026, 11, 2, 9)))
        record_step(s, owner, one, steps["purpose"], answer="读书", when=datetime(2026, 11, 2, 9))
        _, way = add_member(s, owner, gid, MemberInput(display_name="在路上", status="applicant"))
        record_step(s, owner, way, steps["purpose"], answer="读书", when=datetime(2026, 11, 3, 9))
        _, done = add_member(s, owner, gid, MemberInput(display_name="走完", status="applicant"))
        for sid in steps.values():
            record_step(s, owner, done, sid, answer="读书", when=datetime(2026, 11, 4, 9))
        s.commit()
    cells = {}
    for lang in ("zh_CN", "en"):
        path = tmp_path / f"{lang}.xlsx"
        export_monthly_report(
            sqlite_workspace, owner, year=2026, month=11, group_ids=[gid], path=path, today=TODAY, lang=lang
        )
        ws = load_workbook(path).worksheets[5]
        rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[1]]
        cells[lang] = {r[1]: r[-1] for r in rows}
    n = len(steps)
    assert cells["zh_CN"] == {
        "直接加": f"0/{n} · 直接入群, 未记录步骤",
        "答过目的": f"1/{n} · 已入群, 其余步骤未记录",
        "在路上": f"1/{n}",
        "走完": f"{n}/{n}",
    }
    assert cells["en"]["直接加"] == f"0/{n} · added directly, steps not recorded"


def test_a_leave_from_a_day_of_the_earlier_spell_over_the_days_away_names_those_days(sqlite_workspace, owner):
    """A 请假 of 3–12 November (in from 1 October, away 5–9 November) begins in the earlier spell and runs over the
    days away: it is refused by naming them, not as "10月1日才入群 … 请从 2026-10-01 起记录" (recorded from 1 October
    it would be refused all the same)."""
    from desktop.errors import ValidationError
    from desktop.services.checkins import record_leave

    with sqlite_workspace.session() as s:
        _gid, ms = _returner(s, owner)
        with pytest.raises(ValidationError, match="11月5日退群, 11月10日才回来, 不能记 2026-11-03 起的请假"):
            record_leave(s, owner, ms, date(2026, 11, 3), date(2026, 11, 12), "出差")
