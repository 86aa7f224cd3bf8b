"""Texts that desktop/ builds for people to read — alert reasons, timeline entries — with a way into English.

A Phrase is a `str` holding the Chinese text, so the CLI, the workbook and every existing caller keep working
unchanged; it also remembers its key and arguments, so it can be written again in English
(`phrase.render("en")`, the workbook's English headers), both ways (`phrase.bilingual()`, the CLI's
"中文 (English)" lines), or through Qt's catalogues: the window calls ui/messages.py `localise_message`, which
translates the English template in the context "Phrase" (resources/translations/wording_*.ts) and fills in
the arguments. Arguments that are codes (an attendance status, a violation kind) are Phrases themselves and
follow the language of the text around them; names, titles and answers people typed stay as they are.

How to add one:
1. an entry in PHRASES: key -> (Chinese, English), the same `{named}` placeholders (format specs such as
   `{share:.0%}` are allowed) in both;
2. the English template as a source in context "Phrase" of wording_zh_CN.ts (translation: the Chinese
   template) and wording_en.ts (translation: itself);
3. build it with `Phrase("key", name=value, …)`; tests/ui/test_translations.py checks 1 and 2 agree."""

from __future__ import annotations

import string
from typing import Any

PHRASES: dict[str, tuple[str, str]] = {
    # ---- dashboard alerts (desktop/health.py) ----
    "alert.dormant": (
        "已 {days} 天没有打卡、参加活动、贡献或发言",
        "No check-in, activity attended, contribution or chat message for {days} days",
    ),
    "alert.silent_newcomer": (
        "入群超过 {days} 天仍没有打卡、参加活动、贡献或发言",
        "Joined over {days} days ago: no check-in, activity attended, contribution or chat message",
    ),
    "alert.repeat_violator": ("{days} 天内违规 {count} 次或以上", "{count} or more violations within {days} days"),
    "alert.over_capacity": (
        "成员 {members} 人, 已超过容量 {capacity}",
        "{members} members, over the capacity of {capacity}",
    ),
    "alert.near_capacity": (
        "成员 {members}/{capacity}, 已达容量的 {share:.0%}",
        "{members}/{capacity} members, {share:.0%} of the capacity",
    ),
    "alert.zombie_idle": (
        "已 {days} 天以上无人参与 ({since})",
        "Nobody has taken part for {days} days or more ({since})",
    ),
    "alert.never_participated": ("从未有人参与", "nobody ever has"),
    "alert.last_participation": ("最近一次参与是 {day}", "the last time was {day}"),
    "alert.zombie_share": (
        "近 7 天活跃占比 {share:.0%}, 低于 {minimum:.0%}",
        "{share:.0%} of the members active in the last 7 days, under {minimum:.0%}",
    ),
    "alert.zombie_share_on_leave": (
        "近 7 天活跃占比 {share:.0%} (不计请假的 {away} 人), 低于 {minimum:.0%}",
        "{share:.0%} of the members active in the last 7 days (the {away} on leave not counted), under {minimum:.0%}",
    ),
    "alert.zombie_share_new": (
        "近 7 天活跃占比 {share:.0%} (不计近 7 天新入群的 {new} 人), 低于 {minimum:.0%}",
        "{share:.0%} of the members active in the last 7 days (the {new} who joined in them not counted),"
        " under {minimum:.0%}",
    ),
    "alert.zombie_share_excused": (
        "近 7 天活跃占比 {share:.0%} (不计请假的 {away} 人和近 7 天新入群的 {new} 人), 低于 {minimum:.0%}",
        "{share:.0%} of the members active in the last 7 days (the {away} on leave and the {new} who joined in"
        " them not counted), under {minimum:.0%}",
    ),
    "alert.stalled": ("入群流程停滞 {days} 天 (超过 {limit} 天)", "Stuck at a step for {days} days (over {limit})"),
    # ---- the member timeline (desktop/services/members.py) ----
    "timeline.applied": ("提交入群申请", "Applied to join"),
    "timeline.joined": ("加入社群", "Joined the group"),
    "timeline.left": ("离开社群", "Left the group"),
    "timeline.left_reason": ("离开社群: {reason}", "Left the group: {reason}"),
    "timeline.step": ("完成「{step}」", "Done: “{step}”"),
    "timeline.step_answer": ("完成「{step}」: {answer}", "Done: “{step}”: {answer}"),
    "timeline.checkin": ("打卡", "Checked in"),
    "timeline.checkin_late": ("补卡", "Checked in late (补卡)"),
    "timeline.activity": ("活动「{title}」: {status}", "Activity “{title}”: {status}"),
    "timeline.points": ("{points:+d} 积分: {reason}", "{points:+d} points: {reason}"),
    "timeline.contribution": ("贡献 {kind}", "Contribution: {kind}"),
    "timeline.contribution_title": ("贡献 {kind}: {title}", "Contribution: {kind}: {title}"),
    "timeline.violation": ("违规 {kind} → {action}", "Violation: {kind} → {action}"),
    "timeline.violation_note": ("违规 {kind} → {action}: {note}", "Violation: {kind} → {action}: {note}"),
    "timeline.leave": ("请假 {start} ~ {end}", "On leave {start} – {end}"),
    "timeline.leave_reason": ("请假 {start} ~ {end}: {reason}", "On leave {start} – {end}: {reason}"),
    "timeline.messages": ("群聊发言 {count} 条", "{count} messages in the group chat"),
    "timeline.application": ("较早提交的入群问卷", "An earlier application form"),
    "timeline.application_details": ("较早提交的入群问卷: {details}", "An earlier application form: {details}"),
    # ---- codes used inside the texts above ----
    "attendance.registered": ("已报名", "registered"),
    "attendance.attended": ("出席", "attended"),
    "attendance.absent": ("缺席", "absent"),
    "attendance.excused": ("请假", "excused"),
    "contribution.share": ("分享", "share"),
    "contribution.answer": ("答疑", "answer"),
    "contribution.post": ("发帖", "post"),
    "contribution.referral": ("推荐", "referral"),
    "contribution.other": ("其他", "other"),
    "violation.ad": ("发广告", "advertising"),
    "violation.flood": ("刷屏", "flooding"),
    "violation.off_topic": ("跑题", "off-topic"),
    "violation.abuse": ("辱骂", "abuse"),
    "violation.other": ("其他", "other"),
    "action.warning": ("警告", "warning"),
    "action.mute": ("禁言", "mute"),
    "action.removal": ("移出", "removal"),
    # ---- the reasons the app writes on ledger entries (points_entry.reason: stored Chinese; ledger_reason) ----
    "ledger.checkin": ("打卡", "Check-in"),
    "ledger.checkin_late": ("补卡", "Late check-in"),
    "ledger.streak": ("连续打卡{days}天", "{days}-day check-in streak"),
    "ledger.attended": ("参加活动「{title}」", "Attended “{title}”"),
    "ledger.attended_any": ("参加活动", "Attended an activity"),
    "ledger.speaker": ("活动分享「{title}」", "Spoke at “{title}”"),
    "ledger.speaker_any": ("活动分享嘉宾", "Speaker at an activity"),
    "ledger.shared": ("分享「{title}」", "Shared “{title}”"),
    "ledger.shared_any": ("分享", "Shared"),
    "ledger.violation": ("违规", "Violation"),
    "ledger.referral": ("推荐入群", "Referred a member"),
    "ledger.moved": ("转到其他社群 (moved to another group)", "Moved to another group"),
    "ledger.recomputed": ("按当前规则重新计算", "Recomputed by the current rules"),
    "ledger.reversal": ("{why}: {what}", "{why}: {what}"),
    "ledger.undo_checkin": ("撤销打卡", "Check-in undone"),
    "ledger.undo_step": ("撤销入群步骤", "Entry step undone"),
    "ledger.adjustment_undone": ("撤销手动调整", "Adjustment undone"),
    "ledger.referrer_changed": ("推荐人变更", "Referrer changed"),
    "ledger.not_joined": ("改回未入群", "Set back to not joined yet"),
    "ledger.join_date_corrected": ("入群日期更正", "Join date corrected"),
    "ledger.one_referral_per_person": ("同一人只计一次推荐", "One referral per person"),
    "ledger.activity_changed": ("活动时间或形式变更", "Activity moved or changed"),
    "ledger.activity_deleted": ("活动「{title}」已删除", "Activity “{title}” deleted"),
    "ledger.attendance_changed": ("出勤变更", "Attendance changed"),
    "ledger.place_removed": ("移出活动名单", "Taken off the activity's list"),
    "ledger.contribution_removed": ("删除贡献", "Contribution removed"),
    "ledger.violation_removed": ("撤销违规", "Violation withdrawn"),
    "ledger.merged": ("合并成员", "Records merged"),
    "ledger.same_day_twice": ("同日重复打卡", "the same day's check-in twice"),
    "ledger.same_activity_twice": ("同一活动的另一条出勤", "another place at the same activity"),
    "ledger.same_adjustment_twice": ("同一次调整只计一次", "one adjustment counted once per person"),
    "ledger.streak_changed": ("连续天数变化 (streak changed)", "Streak changed"),
}

# The app's own default names (entry steps, tiers, operating roles, point levels: desktop/services/groups.py,
# models/points.py) in English, for what desktop/ writes in English (the workbook). They are stored in Chinese; a
# name the organiser typed or renamed is theirs and stays as typed. The window translates the same names through
# its catalogues (context "DefaultName", ui/messages.py default_name); tests/ui/test_translations.py checks that
# the two agree.
DEFAULT_NAMES_EN: dict[str, str] = {
    "进群目的问答": "Purpose of joining",
    "阅读群规与入会须知": "Read the rules",
    "缴纳门槛费": "Pay the entry fee",
    "自我介绍": "Self-introduction",
    "爆照": "Recent photo",
    "爆料/分享": "Share something",
    "实名认证": "Real-name check",
    "核心": "Core",
    "大咖": "Key voice",
    "中咖": "Mid voice",
    "普通": "Regular",
    "日常运营": "Daily operator",
    "策划": "Planner",
    "输出者": "Content producer",
    "助理": "Assistant admin",
    "客服": "Customer service",
    "新人": "Newcomer",
    "活跃": "Active",
    "骨干": "Mainstay",
    "元老": "Veteran",
}


def default_name(name: str | None, lang: str) -> str | None:
    """One of the app's default names in `lang` ("en": its English); any other name as it is."""
    if lang == "en" and name:
        return DEFAULT_NAMES_EN.get(name, name)
    return name


def placeholders(template: str) -> set[str]:
    """The argument names a template uses ("{share:.0%}" -> "share")."""
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


class Phrase(str):
    """The Chinese text of PHRASES[key] with `args` filled in; `render(lang)` writes it in another language."""

    key: str
    args: dict[str, Any]

    def __new__(cls, key: str, **args: Any) -> Phrase:
        zh, en = PHRASES[key]  # KeyError: an unknown key is a bug
        missing = placeholders(zh) - set(args)
        if missing:
            raise TypeError(f"phrase {key!r} needs {sorted(missing)}")
        obj = super().__new__(cls, _fill(zh, args, "zh_CN", None))
        obj.key = key
        obj.args = dict(args)
        return obj

    def __getnewargs_ex__(self) -> tuple[tuple[Any, ...], dict[str, Any]]:  # copy and pickle
        return (self.key,), self.args

    @property
    def source(self) -> str:
        """The English template: the source text of the window's catalogues (context "Phrase")."""
        return PHRASES[self.key][1]

    def render(self, lang: str = "zh_CN", translate: Any = None) -> str:
        """The text in `lang` ("zh_CN" or "en"); with `translate` (English template -> template), the
        template comes from there — the window passes Qt's catalogue."""
        zh, en = PHRASES[self.key]
        own = zh if lang.startswith("zh") else en
        if translate is not None:
            try:
                return _fill(translate(en), self.args, lang, translate)
            except (KeyError, IndexError, ValueError):  # a catalogue entry with other placeholders
                pass
        return _fill(own, self.args, lang, translate)

    @property
    def english(self) -> str:
        return self.render("en")

    def bilingual(self) -> str:
        """ "中文 (English)", as the CLI prints its messages."""
        return f"{self} ({self.english})"


def _fill(template: str, args: dict[str, Any], lang: str, translate: Any) -> str:
    values = {k: v.render(lang, translate) if isinstance(v, Phrase) else v for k, v in args.items()}
    return template.format(**values)


def code_phrase(prefix: str, code: str | None) -> Phrase | str:
    """The phrase of a stored code ("attendance", "attended"), or the code itself when it has none."""
    key = f"{prefix}.{code}"
    return Phrase(key) if key in PHRASES else (code or "")


# The app's own ledger reasons, as written (points, checkins, participation, onboarding, members): each stored text
# read back as its phrase. A reason a person typed (a manual adjustment) matches none and stays as typed.
_LEDGER_WHOLE = {PHRASES[k][0]: k for k in PHRASES if k.startswith("ledger.") and "{" not in PHRASES[k][0]}
_LEDGER_TITLED = (  # (Chinese head, tail, key) of the reasons that carry an activity's or a share's title
    ("参加活动「", "」", "ledger.attended"),
    ("活动分享「", "」", "ledger.speaker"),
    ("分享「", "」", "ledger.shared"),
    ("活动「", "」已删除", "ledger.activity_deleted"),
)


def _ledger_leaf(text: str) -> Phrase | None:
    key = _LEDGER_WHOLE.get(text)
    if key is not None and key != "ledger.reversal":
        return Phrase(key)
    if text.startswith("连续打卡") and text.endswith("天") and text[4:-1].isdigit():
        return Phrase("ledger.streak", days=int(text[4:-1]))
    for head, tail, key in _LEDGER_TITLED:
        if text.startswith(head) and text.endswith(tail) and len(text) >= len(head) + len(tail):
            return Phrase(key, title=text[len(head) : len(text) - len(tail)])
    return None


def ledger_reason(text: str | None) -> Phrase | str:
    """A ledger entry's stored reason as a Phrase when the app wrote it (so the English window and workbook show
    it in English), else the text as it is. A reversal is "<why>: <what it takes back>", each part read the same
    way (合并成员: 同日重复打卡: 打卡 — Records merged: the same day's check-in twice: Check-in)."""
    if not text:
        return text or ""
    leaf = _ledger_leaf(text)
    if leaf is not None:
        return leaf
    head, sep, rest = text.partition(": ")
    while sep:  # the why may hold ": " itself only inside a title: try each split, leftmost first
        why = _ledger_leaf(head)
        if why is not None:
            return Phrase("ledger.reversal", why=why, what=ledger_reason(rest))
        more_head, sep, rest = rest.partition(": ")
        head = f"{head}: {more_head}"
    return text
