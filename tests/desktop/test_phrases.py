"""desktop/phrases.py: texts desktop/ builds are Chinese strings that can be written again in English."""

from __future__ import annotations

import copy
import pickle
from datetime import date

import pytest

from desktop.phrases import PHRASES, Phrase, code_phrase, placeholders
from models.base import ATTENDANCE_STATUSES, CONTRIBUTION_KINDS, VIOLATION_ACTIONS, VIOLATION_KINDS


def test_a_phrase_is_its_chinese_text_and_renders_in_english():
    p = Phrase("alert.dormant", days=30)
    assert isinstance(p, str) and p == "已 30 天没有任何打卡、活动或分享"
    assert "30" in p  # callers that treat it as a str keep working
    assert p.render("en") == p.english == "No participation for 30 days"
    assert p.render("zh_CN") == str(p)
    assert p.bilingual() == "已 30 天没有任何打卡、活动或分享 (No participation for 30 days)"


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
        assert any("\u4e00" <= c <= "\u9fff" for c in zh), key
        # the English template is the catalogue's source: two phrases may share it only with one Chinese text
        assert english.setdefault(en, zh) == zh, (key, en)
