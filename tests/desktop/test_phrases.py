"""desktop/phrases.py: texts desktop/ builds are Chinese strings that can be written again in English."""

from __future__ import annotations

import copy
import pickle
import re
from datetime import date

import pytest

from desktop.phrases import PHRASES, Phrase, code_phrase, placeholders
from models.base import ATTENDANCE_STATUSES, CONTRIBUTION_KINDS, VIOLATION_ACTIONS, VIOLATION_KINDS


def test_a_phrase_is_its_chinese_text_and_renders_in_english():
    p = Phrase("alert.dormant", days=30)
    assert isinstance(p, str) and p == "已 30 天没有打卡、参加活动、贡献或发言"
    assert "30" in p  # callers that treat it as a str keep working
    assert p.render("en") == p.english == "No check-in, activity attended, contribution or chat message for 30 days"
    assert p.render("zh_CN") == str(p)
    assert (
        p.bilingual()
        == "已 30 天没有打卡、参加活动、贡献或发言 (No check-in, activity attended, contribution or chat message for 30 days)"
    )


def test_format_specs_and_nested_phrases_follow_the_language():
    share = Phrase("alert.zombie_share", share=0.0625, minimum=0.1)
    assert share == "近 7 天活跃占比 6%, 低于 10%"
    assert share.english == "6% of the members active in the last 7 days, under 10%"
    idle = Phrase("alert.zombie_idle", days=14, since=Phrase("alert.last_participation", day=date(2026, 11, 2)))
    assert idle == "已 14 天以上无人参与 (最近一次参与是 2026-11-02)"
    assert idle.english == "Nobody has taken part for 14 days or more (the last time was 2026-11-02)"
    violation = Phrase("timeline.violation", kind=code_phrase("violation", "ad"), action=code_phrase("action", "mute"))
    assert violation == "违规 发广告 → 禁言" and violation.english == "Violation: advertising → mute"
    assert Phrase("timeline.points", points=5, reason="手动加分") == "+5 积分: 手动加分"


def test_the_window_translation_hook_gets_the_english_template():
    seen = []
    p = Phrase("timeline.activity", title="读书分享", status=code_phrase("attendance", "attended"))
    out = p.render("en", translate=lambda template: seen.append(template) or template.replace("Activity", "活动"))
    assert seen == ["Activity “{title}”: {status}", "attended"]
    assert out == "活动 “读书分享”: attended"
    # a catalogue entry whose placeholders do not fit is not used: the text in the asked language instead
    broken = p.render("zh_CN", translate=lambda template: template.replace("{title}", "{name}"))
    assert broken == "活动「读书分享」: attended"  # the nested code still from the catalogue


def test_people_s_words_are_never_read_as_templates():
    p = Phrase("timeline.left_reason", reason="说 {days} 天后回来 {")
    assert p == "离开社群: 说 {days} 天后回来 {" and p.english == "Left the group: 说 {days} 天后回来 {"


def test_copy_and_pickle_keep_the_phrase():
    p = Phrase("alert.stalled", days=12, limit=7)
    for clone in (copy.copy(p), copy.deepcopy(p), pickle.loads(pickle.dumps(p))):
        assert isinstance(clone, Phrase) and clone == p and clone.english == p.english


def test_missing_arguments_and_unknown_keys_are_bugs():
    with pytest.raises(TypeError, match="days"):
        Phrase("alert.dormant")
    with pytest.raises(KeyError):
        Phrase("alert.nonsense")


def test_every_stored_code_has_a_phrase_and_an_unknown_one_stays_itself():
    for prefix, codes in (
        ("attendance", ATTENDANCE_STATUSES),
        ("contribution", CONTRIBUTION_KINDS),
        ("violation", VIOLATION_KINDS),
        ("action", VIOLATION_ACTIONS),
    ):
        for code in codes:
            assert isinstance(code_phrase(prefix, code), Phrase), (prefix, code)
    assert code_phrase("violation", "spam") == "spam" and code_phrase("action", None) == ""


def test_both_templates_of_every_phrase_take_the_same_arguments():
    english: dict[str, str] = {}
    for key, (zh, en) in PHRASES.items():
        assert placeholders(zh) == placeholders(en), key
        words = re.sub(r"\{[^}]*\}", "", zh)  # a template of placeholders alone ("{why}: {what}") has no words
        assert any("\u4e00" <= c <= "\u9fff" for c in zh) or not any(c.isalpha() for c in words), key
        # the English template is the catalogue's source: two phrases may share it only with one Chinese text
        assert english.setdefault(en, zh) == zh, (key, en)


def test_every_ledger_reason_the_app_writes_reads_back_as_its_phrase(sqlite_workspace, monkeypatch):
    """The English window and workbook show the app's own ledger reasons in English: every reason written by a day
    of check-ins (a late one, a streak bonus, an undo), an activity attended and spoken at, moved and deleted, a
    share and a violation taken back, and a merge of the same day's check-in twice, is read back by ledger_reason
    as a Phrase whose Chinese is the stored text and whose English holds no Chinese but the titles. A reason a
    person typed stays as typed."""
    from datetime import datetime, timedelta

    from sqlalchemy import select

    from desktop.phrases import ledger_reason
    from desktop.services.checkins import CheckinEntry, record_checkins, undo_checkin
    from desktop.services.groups import create_group
    from desktop.services.members import merge_members
    from desktop.services.participation import (
        ActivityInput,
        add_contribution,
        add_violation,
        create_activity,
        delete_activity,
        remove_contribution,
        remove_violation,
        set_attendance,
        update_activity,
    )
    from desktop.services.points import adjust_points
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for
    from models import Member, Membership, PointsEntry

    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-30")
    db = sqlite_workspace
    owner = actor_for(db)
    day = date(2026, 11, 1)
    with db.session() as s:
        gid = create_group(s, owner, "早起营")
        joined = datetime(2026, 10, 1)
        _, a = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=joined))
        _, b = add_member(s, owner, gid, MemberInput(display_name="张三丰", joined_at=joined))
        for i in range(8):
            record_checkins(s, owner, gid, day + timedelta(days=i), [a])
        record_checkins(s, owner, gid, day + timedelta(days=8), [CheckinEntry(a, None, True)])
        undo_checkin(s, owner, a, day + timedelta(days=3))
        record_checkins(s, owner, gid, day + timedelta(days=1), [b])
        when = datetime(2026, 11, 20, 19)
        talk = ActivityInput(title="读书会: 第3期", kind="knowledge_share", starts_at=when)
        act = create_activity(s, owner, gid, talk)
        set_attendance(s, owner, act, a, "attended", role="speaker")
        update_activity(
            s,
            owner,
            act,
            ActivityInput(title="读书会: 第3期", kind="knowledge_share", starts_at=when + timedelta(days=1)),
        )
        delete_activity(s, owner, act)
        cid = add_contribution(s, owner, a, "share", day, title="一篇笔记")
        remove_contribution(s, owner, cid)
        vid, _flag = add_violation(s, owner, a, "ad", day)
        remove_violation(s, owner, vid)
        adjust_points(s, owner, a, 5, "优秀作业奖励", day=day)
        member_a, member_b = (s.scalar(select(Membership.member_id).where(Membership.id == m)) for m in (a, b))
        merge_members(s, owner, member_a, member_b)  # 张三丰 is 张三: both checked in on 2 November
        s.commit()
        rows = s.execute(select(PointsEntry.reason, PointsEntry.source_kind)).all()
        assert s.get(Member, member_b).merged_into_id == member_a
    kinds = {kind for _r, kind in rows}
    assert {"checkin", "streak", "attendance", "contribution", "violation", "reversal", "manual"} <= kinds
    reasons = {r for r, kind in rows if kind != "manual"}
    assert any(r.startswith("合并成员: ") for r in reasons) and any("读书会: 第3期" in r for r in reasons)
    for reason in reasons:
        phrase = ledger_reason(reason)
        assert isinstance(phrase, Phrase), reason
        assert str(phrase) == reason
        english = re.sub(r"“[^”]*”", "", phrase.english)
        assert not re.search(r"[\u4e00-\u9fff]", english), (reason, phrase.english)
    assert ledger_reason("优秀作业奖励") == "优秀作业奖励" and not isinstance(ledger_reason("优秀作业奖励"), Phrase)
    assert (
        ledger_reason("合并成员: 同日重复打卡: 打卡").english
        == "Records merged: the same day's check-in twice: Check-in"
    )
