"""Paste-ready texts (PRODUCT §3.9): what the assistant posts back into the group — who has not checked in yet,
a welcome for a newcomer, a reminder to newcomers stalled at a step, the month's leaderboard, a month summary.

Each kind has a default Chinese template and offers named placeholders (`$name`, Python string.Template); a
group may keep its own template per kind (table text_template), checked when saved: an unknown placeholder is
refused with its name, and so is a `{word}` (a placeholder written as other tools write them, without
its `$`; in ASCII or full-width braces; `{姓名}`, `$名单` and the other Chinese words for a placeholder in
_WORD_MEANS too, naming the placeholder meant — a Chinese word in braces that names none, `{红包}`, is the
organiser's own text and stays), a brace opened before a placeholder's word and never closed (`{未打卡名单`), braces
around a real placeholder (`{$name}`) and a kind's list placeholder used twice (the list is written once). Rendering
rules, the same for every kind:

- People are named as the group sees them: group nickname, else WeChat nickname (what WeChat shows of someone
  with no group nickname), else name. Nothing else about a person is used; a run of 7+ digits in a name (a phone
  number put into a group nickname) is masked, and so is the person's own WeChat ID: no phone number, WeChat ID
  or other private field ever reaches a text, nor a roster name the group never saw.
- A template line whose placeholders are all empty is left out (no "目标：" with nothing after it), and so is
  a heading line just above it that has no placeholder and ends with a colon ("📜 群规要点：" over no rules).
- A text longer than LIMIT characters is split into several messages at line breaks of its list (names,
  people, ranks), the template's lines before the list opening the first message and those after it closing
  the last; each message then ends with "（k/n）". A single line longer than the limit is cut
  between words where it can be, else between characters as people see them (never through an emoji of several
  code points).
- Nothing to say (everyone checked in, nobody stalled, no points) is an empty text with the reason.
- A template written in English (is_english: English words, no Chinese outside its placeholders — an
  English-speaking group's own) gets QunDesk's words around the names in English: "Fri", "Nov 20", "30 pts",
  "(optional)", "(1/2)"; names, step and level names stay as the group wrote them.

No Qt here: the window shows these texts in previews with copy buttons, the CLI prints them (`qundesk text`)."""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, and_, exists, func, select
from sqlalchemy.orm import Session

from desktop.errors import NotFound, ValidationError
from desktop.metrics import month_recorded, month_stats, previous_month
from desktop.phones import mask_phones_in
from desktop.services.audit import record_audit
from desktop.services.operators import Actor, require
from desktop.services.points import competition_ranks, group_levels, level_for
from desktop.services.roster import GONE_STATUSES
from desktop.settings import get_setting
from models import (
    EntryStep,
    Group,
    Member,
    Membership,
    PointsEntry,
    RulesVersion,
    StepProgress,
    TextTemplate,
    clock,
)
from models.texts import TEXT_KINDS

TOP_MAX = 100  # the most lines a leaderboard text has (its `top`, and the people level with its last place)
TIE_EXTRA = 5  # lines beyond `top` the people level with the last place may add; more of them are one line
TIE_NAMES = 5  # names on that line before 等N人
LIMIT = 500  # characters per message: what reads comfortably as one WeChat message
LINE_WIDTH = 30  # display columns of a line of names (a CJK character is 2): what a phone shows in one line
RULES_LINES = 5  # the rules summary in a welcome: the first lines of the current rules
RULES_CHARS = 200
KINDS = TEXT_KINDS

# the placeholders each kind offers (the window shows them beside the editor with their meaning)
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "reminder": ("group", "date", "weekday", "count", "done", "total", "names"),
    "welcome": ("group", "name", "goal", "rules", "notice", "steps", "operators"),
    "stalled": ("group", "count", "days", "list"),
    "leaderboard": ("group", "month", "top", "list", "promoted"),
    "summary": (
        "group",
        "month",
        "members",
        "members_prev",
        "active",
        "active_prev",
        "checkins",
        "checkins_prev",
        "checkin_rate",
        "checkin_rate_prev",
        "joined",
        "left",
        "messages",
        "messages_prev",
        "activities",
        "activities_prev",
        "points",
        "top",
    ),
}
# the placeholder of a kind that holds its list (one line per entry): where a long text is split
LIST_PLACEHOLDER = {"reminder": "names", "stalled": "list", "leaderboard": "list", "welcome": "steps"}

DEFAULTS: dict[str, str] = {
    "reminder": "📣 $date $weekday $group 还差 $count 人打卡（已打卡 $done/$total）：\n$names\n还没打卡的伙伴记得来接龙哦～",
    "welcome": (
        "🎉 欢迎 @$name 加入「$group」！\n"
        "🎯 我们的目标：$goal\n"
        "📜 群规要点：\n$rules\n"
        "📌 入群须知：$notice\n"
        "✅ 接下来还需要完成：\n$steps\n"
        "有问题随时找 $operators～"
    ),
    "stalled": "⏰ $group 入群流程提醒\n$list\n完成后在群里说一声，我们帮你登记～",
    "leaderboard": "🏆 $group $month 积分榜\n$list\n$promoted\n感谢大家的参与，继续加油💪",
    "summary": (
        "📊 $group $month 小结\n"
        "👥 成员 $members 人（上月 $members_prev）\n"
        "🔥 活跃 $active 人（上月 $active_prev）\n"
        "✅ 打卡 $checkins 次，打卡率 $checkin_rate（上月 $checkin_rate_prev）\n"
        "🆕 新入群 $joined 人，离开 $left 人\n"
        "💬 群聊发言 $messages 条（上月 $messages_prev）\n"
        "🎯 活动 $activities 场（上月 $activities_prev）\n"
        "💰 本月共发出积分 $points\n"
        "🏆 本月积分王：$top"
    ),
}

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def is_english(template: str) -> bool:
    """Whether a template is written in English (an English-speaking group's own): English words and no Chinese
    outside its placeholders. Its texts then say what QunDesk writes around the names in English too — "Nov 20",
    "Fri", "30 pts", "(1/2)" — not "11月20日 周五 30分（1/2）" inside an English sentence. A template of only
    placeholders and emoji stays Chinese, the default."""
    words = string.Template.pattern.sub(" ", template)
    return not _CJK.search(words) and re.search(r"[A-Za-z]{2,}", words) is not None


MEDALS = ("🥇", "🥈", "🥉")


@dataclass(frozen=True)
class PasteText:
    """A text ready to paste: one or more messages, or nothing with the reason."""

    kind: str
    parts: tuple[str, ...]
    people: int = 0  # how many people the text names (the reminder: how many have not checked in)
    empty_reason: str | None = None  # bilingual, when there is nothing to post
    # bilingual, for the organiser before posting (never part of the text): a name the text @s that several people
    # in the group go by — the group cannot tell whom it means
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(self.parts)


# ---------------------------------------------------------------------------------------------------------------
# Templates


def default_template(kind: str) -> str:
    _check_kind(kind)
    return DEFAULTS[kind]


def template_for(session: Session, group_id: int, kind: str) -> str:
    """The group's template of that kind, else the default."""
    _check_kind(kind)
    body = session.scalar(select(TextTemplate.body).where(TextTemplate.group_id == group_id, TextTemplate.kind == kind))
    return body if body is not None else DEFAULTS[kind]


# "{word}" in a template: a placeholder written without its $ (string.Template's "${word}" is not matched: the
# $ comes before the brace); "$${word}" is a dollar sign before text in braces. Full-width braces (｛名单｝, what a
# Chinese input method types) are braces too.
_BRACED_WORD = re.compile(r"(?<!\$)[{｛]\s*([A-Za-z_][A-Za-z0-9_]*|[^\s{}｛｝$＄]{1,12}?)\s*[}｝]")
# a brace opened before a placeholder's word and never closed ("{未打卡名单", "欢迎 {name 加入")
_OPEN_WORD = re.compile(r"(?<!\$)[{｛]\s*([A-Za-z_][A-Za-z0-9_]*|[^\s{}｛｝$＄]{1,12})")
# braces around a real placeholder ("{$name}"): the braces reached the group around the name ("欢迎 {小雨}")
_BRACED_PLACEHOLDER = re.compile(r"[{｛]\s*\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})\s*[}｝]")
# "￥name": the $ a Chinese input method types as ￥ (or the full-width ＄) before a placeholder's name
_YUAN_PLACEHOLDER = re.compile(r"[＄￥]\s?(\{\s*)?([A-Za-z_][A-Za-z0-9_]*)(\s*\})?")
# the Chinese words organisers write in braces for a placeholder (the way other bots' templates name them):
# "{姓名}" is no text anyone meant to post. A word in braces that names none ("{红包}") is the organiser's own text.
_WORD_MEANS: dict[str, tuple[str, ...]] = {
    "姓名": ("name",),
    "名字": ("name", "names"),
    "昵称": ("name",),
    "群昵称": ("name",),
    "用户名": ("name",),
    "新人": ("name",),
    "新成员": ("name",),
    "成员": ("name",),
    "群名": ("group",),
    "群名称": ("group",),
    "群": ("group",),
    "群聊": ("group",),
    "社群": ("group",),
    "社群名": ("group",),
    "日期": ("date",),
    "今天": ("date",),
    "今日": ("date",),
    "星期": ("weekday",),
    "周几": ("weekday",),
    "人数": ("count",),
    "未打卡人数": ("count",),
    "已打卡": ("done",),
    "已打卡人数": ("done",),
    "总人数": ("total",),
    "名单": ("names", "list"),
    "未打卡名单": ("names",),
    "未打卡": ("names",),
    "列表": ("list", "names"),
    "排行榜": ("list",),
    "榜单": ("list",),
    "月份": ("month",),
    "月": ("month",),
    "目标": ("goal",),
    "群规": ("rules",),
    "规则": ("rules",),
    "须知": ("notice",),
    "入群须知": ("notice",),
    "步骤": ("steps",),
    "待办": ("steps",),
    "管理员": ("operators",),
    "群主": ("operators",),
    "天数": ("days",),
    "积分": ("points",),
}

KIND_LABELS = {
    "reminder": "打卡提醒",
    "welcome": "欢迎语",
    "stalled": "入群流程提醒",
    "leaderboard": "积分榜",
    "summary": "月度小结",
}


def _stored_template(session: Session, group: Group, kind: str, template: str | None) -> str:
    """`template` when given (the editor's preview, already checked), else the group's own template checked as
    it was when saved: a template that reached the database another way (an older version, a restored backup, a
    team member's database edit) with an unknown placeholder is a ValidationError naming the group, the kind and
    the placeholder — never a text with "$x" left in it."""
    if template is not None:
        return template
    body = template_for(session, group.id, kind)
    try:
        return validate_template(kind, body)
    except ValidationError as exc:
        raise ValidationError(
            "template",
            f"社群「{group.name}」的{KIND_LABELS[kind]}模板有误, 请在文案模板里修改或恢复默认 "
            f"(the group's {kind} template is broken: fix it or go back to the default): {exc.message}",
        ) from exc


def is_custom(session: Session, group_id: int, kind: str) -> bool:
    return (
        session.scalar(select(TextTemplate.id).where(TextTemplate.group_id == group_id, TextTemplate.kind == kind))
        is not None
    )


def validate_template(kind: str, body: str) -> str:
    """The template cleaned (line ends normalised, outer blank lines dropped), or ValidationError naming an
    unknown placeholder or a `$` that is not one (write `$$` for a dollar sign)."""
    _check_kind(kind)
    text = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not text.strip():
        # an organiser who emptied the editor to have no custom text: told how to go back to the default
        raise ValidationError(
            "template",
            "模板不能为空; 要用默认模板请点“恢复默认” (the template is empty; “Back to the default” restores the default)",
        )
    if len(text) > 4000:
        raise ValidationError("template", "模板太长, 最多 4000 字 (the template is longer than 4,000 characters)")
    allowed = PLACEHOLDERS[kind]
    known = "、".join(f"${n}" for n in allowed)
    for match in string.Template.pattern.finditer(text):
        if match.group("invalid") is not None:
            at = match.start("invalid")
            snippet = text[at : at + 12].split("\n")[0]
            # "$姓名" (a placeholder named in Chinese): said with the one meant, not only "write $$"
            word = re.match(r"[{｛]?([^\W\d_]+)", snippet)
            meant = next(
                (m for n in (5, 4, 3, 2) if word and (m := _meant(word.group(1)[:n], allowed)) is not None), None
            )
            if meant is not None:
                raise ValidationError(
                    "template",
                    f"“${snippet}” 不是占位符, 应写作 ${meant} (not a placeholder: ${snippet}; write ${meant}). "
                    f"可用 (available): {known}",
                )
            raise ValidationError(
                "template",
                f"“{snippet}” 不是占位符; 美元符号请写 $$ (not a placeholder; write $$ for a dollar sign). "
                f"可用 (available): {known}",
            )
        name = match.group("named") or match.group("braced")
        if name is not None and name not in allowed:
            # "$Name", "$NAMES": the placeholder meant, in other letters' case
            zh, en = (f", 应写作 ${name.lower()}", f"; write ${name.lower()}") if name.lower() in allowed else ("", "")
            raise ValidationError(
                "template", f"未知占位符 ${name}{zh} (unknown placeholder ${name}{en}). 可用 (available): {known}"
            )
    key = LIST_PLACEHOLDER.get(kind)
    used = [m.group("named") or m.group("braced") for m in string.Template.pattern.finditer(text)]
    if key is not None and used.count(key) > 1:
        # the list is written once, where the first one stands: a second "$names" was left out of the text
        # silently ("再提醒一次：" over nothing)
        raise ValidationError(
            "template",
            f"${key} 只能用一次 (the list placeholder ${key} can be used once; it was used {used.count(key)} times)",
        )
    for match in _YUAN_PLACEHOLDER.finditer(text):
        # "欢迎 ￥name 加入" (Shift+4 in a Chinese input method types ￥): posted as it stands; "￥5" (a price) stays
        word, token = match.group(2), match.group(0).strip()
        if word not in allowed and word.lower() not in allowed and not token.startswith("＄"):
            continue
        meant = word if word in allowed else word.lower() if word.lower() in allowed else None
        zh, en = (f", 应写作 ${meant}", f"; write ${meant}") if meant else ("", "")
        raise ValidationError(
            "template",
            f"“{token}” 不是占位符, 占位符以半角 $ 开头 (输入法可能打成了 ￥ 或 ＄){zh} "
            f"(not a placeholder: {token} — placeholders start with a half-width $, not ￥ or ＄{en}). "
            f"可用 (available): {known}",
        )
    for match in _BRACED_PLACEHOLDER.finditer(text):
        # "{$name}": the name reached the group in braces ("欢迎 {小雨}")
        word, token = match.group(1) or match.group(2), match.group(0)
        raise ValidationError(
            "template",
            f"“{token}” 的括号会原样发到群里, 应写作 ${word} "
            f"(the braces of {token} would be posted as they stand; write ${word})",
        )
    for match in _BRACED_WORD.finditer(text):
        # "{name}" without its $ (the way other tools write placeholders) reached the group as it stands — "欢迎
        # {name}" — and "{nmae}" or "{phone}" likewise, and "{姓名}", "｛名单｝": refused, naming it, as an unknown
        # $placeholder is; a word in braces that names no placeholder in Chinese ("{红包}") is the organiser's text
        word, token = match.group(1), match.group(0)
        if not word.isascii() and word not in _WORD_MEANS:
            continue
        _refuse_braced(token, _meant(word, allowed), known)
    for match in _OPEN_WORD.finditer(text):
        # "{未打卡名单" (the closing brace forgotten): posted as it stands
        word = match.group(1)
        meant = _meant(word, allowed)
        if meant is None and not any(word.startswith(w) and w in _WORD_MEANS for w in (word[:n] for n in (2, 3, 4))):
            continue
        if text[match.end() :].lstrip(" \t")[:1] in ("}", "｝"):
            continue  # closed after all (a word of its own, as above)
        token = match.group(0)
        zh, en = (f", 应写作 ${meant}", f"; write ${meant}") if meant else ("", "")
        raise ValidationError(
            "template",
            f"“{token}” 少了右括号, 也不是占位符, 占位符以 $ 开头{zh} "
            f"(an unclosed brace: {token} is not a placeholder — placeholders start with ${en}). "
            f"可用 (available): {known}",
        )
    return text


def _meant(word: str, allowed: tuple[str, ...]) -> str | None:
    """The kind's placeholder a word in braces stands for: itself (ASCII), or what the Chinese word means."""
    if word in allowed:
        return word
    return next((name for name in _WORD_MEANS.get(word, ()) if name in allowed), None)


def _refuse_braced(token: str, meant: str | None, known: str) -> None:
    zh, en = (f", 应写作 ${meant}", f"; write ${meant}") if meant else ("", "")
    raise ValidationError(
        "template",
        f"“{token}” 不是占位符, 占位符以 $ 开头{zh} "
        f"(not a placeholder: {token} — placeholders start with ${en}). 可用 (available): {known}",
    )


def set_template(session: Session, actor: Actor, group_id: int, kind: str, body: str | None) -> bool:
    """Save the group's template of that kind (validated); None, or the default itself, goes back to the
    default. Returns True when the group now has its own template."""
    require(actor, "edit_groups")
    if session.get(Group, group_id) is None:
        raise NotFound(f"group {group_id}")
    row = session.scalar(select(TextTemplate).where(TextTemplate.group_id == group_id, TextTemplate.kind == kind))
    before = row.body if row is not None else None
    text = None if body is None else validate_template(kind, body)
    if text is None or text == DEFAULTS[kind]:
        if row is not None:
            session.delete(row)
        text = None
    elif row is None:
        session.add(TextTemplate(group_id=group_id, kind=kind, body=text, updated_by=actor.id))
    else:
        row.body, row.updated_at, row.updated_by = text, clock.now(), actor.id
    if before != text:
        record_audit(session, actor.id, "text.template", "group", group_id, before={kind: before}, after={kind: text})
    session.flush()
    return text is not None


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError(
            "kind", f"未知文案类型 {kind!r} (unknown text kind); 可用 (available): {', '.join(KINDS)}"
        )


# ---------------------------------------------------------------------------------------------------------------
# Rendering


def shown_name(
    group_nickname: str | None, display_name: str, wechat_id: str | None = None, nickname: str | None = None
) -> str:
    """How the group sees a person: their group nickname (群昵称), else their WeChat nickname (昵称: what WeChat
    shows of someone who set no group nickname), else their name on the roster; a phone-like run of digits
    masked, and so is the person's own WeChat ID where the name holds it (a group nickname set to one's WeChat ID,
    a person a chat import knew only by the ID): its first three characters are kept, as a phone's are."""
    name = _as_seen(group_nickname) or _as_seen(nickname) or _as_seen(display_name) or "?"
    name = _mask_wechat_id(name, wechat_id)
    return mask_phones_in(name) or name


def _as_seen(name: str | None) -> str:
    """A name on one line, without the "@" it would be mentioned with: a line break or tab inside a group nickname
    (pasted from a form) is a space — it split one person's @ over two lines of the list — and leading @s are
    dropped, as every text puts its own @ before a name ("@@张三" was no mention of anyone)."""
    return " ".join((name or "").split()).lstrip("@＠ ")


def _mask_wechat_id(name: str, wechat_id: str | None) -> str:
    """`name` with each occurrence of `wechat_id` (compared as roster.wechat_key does: NFKC, case folded — a
    full-width ＳＵＮＢＡ is sunba) masked to its first three characters; `name` as it is when it holds none."""
    key = unicodedata.normalize("NFKC", (wechat_id or "").strip()).casefold()
    if len(key) < 4:  # too short to be told from an ordinary part of a name
        return name
    folded = unicodedata.normalize("NFKC", name).casefold()
    if key not in folded:
        return name
    # positions map back to `name` when normalising kept one character for one (full-width letters and digits);
    # else the masked text is the normalised one
    text = name if len(folded) == len(name) else folded
    out, at = [], 0
    while (hit := folded.find(key, at)) >= 0:
        out.append(text[at:hit] + text[hit : hit + 3] + "****")
        at = hit + len(key)
    out.append(text[at:])
    return "".join(out)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pack_names(names: list[str], width: int = LINE_WIDTH) -> list[str]:
    """Names on lines of at most `width` display columns, separated by spaces (a longer name alone)."""
    lines: list[str] = []
    current = ""
    for name in names:
        candidate = f"{current} {name}" if current else name
        if current and _width(candidate) > width:
            lines.append(current)
            current = name
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def render(kind: str, template: str, values: dict[str, str], items: list[str] | None = None) -> tuple[str, ...]:
    """The messages of a template filled with `values` and, for the kind's list placeholder, `items` (one
    line each); split at LIMIT as the module says."""
    key = LIST_PLACEHOLDER.get(kind)
    values = {k: (v if v is not None else "") for k, v in values.items()}
    marker = "\x00LIST\x00"
    if key is not None:
        values[key] = marker if items else ""
    before: list[str] = []
    after: list[str] = []
    target = before
    heading = False  # the line just kept is a heading of its own ("📜 群规要点："), its content on the next line
    for line in template.split("\n"):
        names = [m.group("named") or m.group("braced") for m in string.Template.pattern.finditer(line)]
        names = [n for n in names if n]
        if names and all(not str(values.get(n, "")).strip() for n in names):
            if heading:  # nothing under it: the heading goes too (no "群规要点：" over nothing)
                target.pop()
            heading = False
            continue  # a line with nothing to say
        heading = not names and line.rstrip().endswith(("：", ":"))
        filled = string.Template(line).safe_substitute(values)
        if marker in filled:
            head, tail = filled.split(marker, 1)
            if head.strip():
                target.append(head.rstrip())
            target = after
            if tail.strip():
                after.append(tail.strip())
            continue
        target.append(filled)
    body = [item for item in (items or [])]
    whole = "\n".join([*before, *body, *after]).strip("\n")
    if len(whole) <= LIMIT:
        return (whole,) if whole else ()
    return _split(before, body, after, is_english(template))


def _split(before: list[str], body: list[str], after: list[str], english: bool = False) -> tuple[str, ...]:
    room = LIMIT - len("\n（99/99）")
    lines = [
        *(_cut(line, room) for line in before),
        *(_cut(line, room) for line in body),
        *(_cut(line, room) for line in after),
    ]
    flat = [piece for pieces in lines for piece in pieces]
    parts: list[list[str]] = [[]]
    size = 0
    for line in flat:
        extra = len(line) + (1 if parts[-1] else 0)
        if parts[-1] and size + extra > room:
            parts.append([])
            size = 0
            extra = len(line)
        parts[-1].append(line)
        size += extra
    n = len(parts)
    mark = "\n({i}/{n})" if english else "\n（{i}/{n}）"
    return tuple("\n".join(p) + mark.format(i=i, n=n) for i, p in enumerate(parts, start=1))


def _cut(line: str, room: int) -> list[str]:
    """`line` in pieces of at most `room` characters: cut after the last space or punctuation in the piece's second
    half (a name of a list line, a word, stays whole), else at the last place that is not inside a character as
    people see it — an emoji built of several code points (👨‍👩‍👧, 🇨🇳, 👍🏻, 1️⃣) cut there reached the group as
    two broken halves."""
    pieces: list[str] = []
    while len(line) > room:
        at = max((line.rfind(ch, room // 2, room) + 1 for ch in _BREAKS), default=0)
        if at <= 0:
            at = room
            while at > 1 and not _grapheme_boundary(line, at):
                at -= 1
        pieces.append(line[:at].rstrip())
        line = line[at:].lstrip(" ")
    pieces.append(line)
    return pieces


_BREAKS = (" ", "、", "，", ",", "。", "；", ";", "！", "？", "）", "」")


def _grapheme_boundary(text: str, at: int) -> bool:
    """Whether a cut between text[at-1] and text[at] leaves every character as people see it whole (a sufficient
    approximation of Unicode's grapheme clusters for names: combining marks, variation selectors, skin tones,
    emoji tags, zero-width joiners, flag pairs)."""
    before, after = text[at - 1], text[at]
    if before == "\u200d" or after == "\u200d":
        return False
    if unicodedata.category(after) in ("Mn", "Me", "Mc") or "\ufe00" <= after <= "\ufe0f":
        return False
    if "\U0001f3fb" <= after <= "\U0001f3ff" or "\U000e0020" <= after <= "\U000e007f":
        return False
    if _regional(before) and _regional(after):
        run = 0
        while at - 1 - run >= 0 and _regional(text[at - 1 - run]):
            run += 1
        return run % 2 == 0  # the flags before the cut are whole pairs
    return True


def _regional(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def _group(session: Session, group_id: int) -> Group:
    group = session.get(Group, group_id)
    if group is None:
        raise NotFound(f"group {group_id}")
    return group


def _day_label(day: date, english: bool = False) -> str:
    if english:
        return f"{MONTHS_EN[day.month - 1]} {day.day}"
    return f"{day.month}月{day.day}日"


def _month_label(year: int, month: int, today: date, english: bool = False) -> str:
    if english:
        return MONTHS_EN[month - 1] if year == today.year else f"{MONTHS_EN[month - 1]} {year}"
    return f"{month}月" if year == today.year else f"{year}年{month}月"


def _month_to_come(kind: str, year: int, month: int, today: date) -> PasteText | None:
    """Nothing to post for a month that has not begun, saying so: a summary of next month told the group it had
    "成员 0 人（上月 200）", every figure 0 for what nobody could do yet (as a reminder for a day to come)."""
    if date(year, month, 1) <= today:
        return None
    label = _month_label(year, month, today)
    return PasteText(kind, (), 0, f"{label} 还没到, 没有可发的 (that month has not begun: nothing to post)")


# ---------------------------------------------------------------------------------------------------------------
# The five kinds


def reminder_text(
    session: Session, group_id: int, day: date | None = None, *, template: str | None = None
) -> PasteText:
    """Who has not checked in on `day` (default today): the members on that day (joined by its end and not left
    before it ended) who are still in the group — the text is pasted into the group today: someone who has left
    since is not @-named, nor counted in its totals — without a check-in that day and not on leave, by the name the
    group sees."""
    from desktop.services.checkins_queries import expected_count, not_checked_in

    group = _group(session, group_id)
    day = day or clock.today()
    if day > clock.today():  # a reminder for a day to come would call everyone out for what nobody could do yet
        return PasteText(
            "reminder", (), 0, f"{_day_label(day)} 还没到, 没有可提醒的 (that day has not come: nothing to remind of)"
        )
    missing = not_checked_in(session, group_id, day, in_group_now=True)
    expected = expected_count(session, group_id, day, in_group_now=True)
    if not expected:
        return PasteText("reminder", (), 0, "这天没有要打卡的成员 (no member is expected to check in that day)")
    if not missing:
        return PasteText(
            "reminder", (), 0, f"{_day_label(day)} 所有人都已打卡或请假 (everyone has checked in or is on leave)"
        )
    names = [f"@{shown_name(m.group_nickname, m.display_name, m.wechat_id, m.nickname)}" for m in missing]
    body = _stored_template(session, group, "reminder", template)
    en = is_english(body)
    values = {
        "group": group.name,
        "date": _day_label(day, en),
        "weekday": (WEEKDAYS_EN if en else WEEKDAYS)[day.weekday()],
        "count": str(len(missing)),
        "done": str(expected - len(missing)),
        "total": str(expected),
    }
    parts = render("reminder", body, values, pack_names(names))
    return PasteText(
        "reminder", parts, len(missing), notes=_namesakes(session, group_id, [n[1:] for n in names], parts)
    )


def welcome_text(session: Session, membership_id: int, *, template: str | None = None) -> PasteText:
    """A welcome for the person: the group's goal, a summary of the current rules, the joining notice and the
    entry steps they still have to do."""
    ms = session.get(Membership, membership_id)
    if ms is None:
        raise NotFound(f"membership {membership_id}")
    member = session.get(Member, ms.member_id)
    assert member is not None
    if ms.status in GONE_STATUSES:  # the window offers no welcome for them (member panel); `text welcome` made one
        gone = {"left": "已退群 (left the group)", "removed": "已移除 (removed)", "blacklisted": "黑名单 (blacklisted)"}
        return PasteText(
            "welcome",
            (),
            0,
            f"{member.display_name}: {gone[ms.status]}, 不再是本群的人, 没有欢迎词 (no welcome for someone out of the group)",
        )
    if member.deleted_at is not None:  # deleted from the roster (or merged into another record) since it was shown
        return PasteText(
            "welcome",
            (),
            0,
            f"{member.display_name}: 已从名册删除, 没有欢迎词 (deleted from the roster: no welcome for them)",
        )
    group = _group(session, ms.group_id)
    rules = session.scalar(
        select(RulesVersion.text)
        .where(RulesVersion.group_id == group.id)
        .order_by(RulesVersion.version.desc())
        .limit(1)
    )
    steps = _steps_to_do(session, ms)
    body = _stored_template(session, group, "welcome", template)
    en = is_english(body)
    values = {
        "group": group.name,
        "name": shown_name(ms.group_nickname, member.display_name, member.wechat_id, member.nickname),
        "goal": _one_line(group.goal),
        "rules": _rules_summary(rules, en),
        "notice": _one_line(group.joining_notice),
        "operators": _one_line(group.operators_text) or ("the group admins" if en else "群主或管理员"),
    }
    optional = " (optional)" if en else "（可选）"
    items = [f"{i}. {name}{'' if required else optional}" for i, (name, required) in enumerate(steps, start=1)]
    if not items:
        items = ["(all done: welcome aboard!)" if en else "（都已完成，欢迎正式加入！）"]
    parts = render("welcome", body, values, items)
    return PasteText("welcome", parts, 1, notes=_namesakes(session, group.id, [values["name"]], parts))


def stalled_text(
    session: Session,
    group_id: int,
    as_of: date | None = None,
    *,
    days: int | None = None,
    template: str | None = None,
) -> PasteText:
    """To the newcomers in the group (入群中) whose entry process has not moved for more than `stalled_days`
    days, each with the required steps they still have to do (in process order). Applicants (申请中) are not in the group chat yet: not named."""
    from desktop.services.onboarding_queries import stalled_since

    group = _group(session, group_id)
    as_of = as_of or clock.today()
    since = stalled_since(session, group_id, as_of, days)
    rows = []
    if since:
        rows = session.execute(
            select(Membership, Member.display_name, Member.pinyin, Member.wechat_id, Member.nickname)
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.id.in_(list(since)), Membership.status == "onboarding", Member.deleted_at.is_(None))
        ).all()
    if not rows:
        # applicants stalled (申请中: counted on the Dashboard and in stats, listed on the Onboarding page) are not in
        # the group chat to be @-named: said by name, so "nobody stalled" beside the Dashboard's 3 is not a riddle
        waiting = (
            session.scalars(
                select(Member.display_name)
                .join(Membership, Membership.member_id == Member.id)
                .where(Membership.id.in_(list(since)), Membership.status == "applicant", Member.deleted_at.is_(None))
                .order_by(Member.pinyin, Member.display_name)
            ).all()
            if since
            else []
        )
        if waiting:
            return PasteText(
                "stalled",
                (),
                0,
                f"没有停滞的入群中成员; 另有 {len(waiting)} 位申请中的人停滞, 还没进群, 请私下联系: {'、'.join(waiting)} "
                f"(nobody in the group chat is stalled; {len(waiting)} applicants are, not in the group chat yet: "
                "contact them directly)",
            )
        return PasteText("stalled", (), 0, "没有停滞的入群中成员 (nobody in the group is stalled at a step)")
    items = []
    named = []
    body = _stored_template(session, group, "stalled", template)
    en = is_english(body)
    for ms, name, _pinyin, wechat_id, nickname in sorted(rows, key=lambda r: (since[r[0].id], r[2] or "")):
        steps = _steps_to_do(session, ms)
        required = [s for s, req in steps if req] or [s for s, _req in steps]
        waited = (as_of - since[ms.id]).days  # not `days`: that is the threshold asked for, for $days
        # every required step still missing, in order: the first alone named a step added to the top of the list
        # today — 「加好友」（已停留 35 天） to 25 newcomers who had stopped at 缴纳门槛费 — and hid the others
        named.append(shown_name(ms.group_nickname, name, wechat_id, nickname))
        if en:
            step = "still to do: " + ", ".join(f"“{name}”" for name in required) if required else "steps to confirm"
            items.append(f"@{named[-1]}: {step} (waiting {waited} day{'s' if waited != 1 else ''})")
        else:
            step = "还差" + "、".join(f"「{name}」" for name in required) if required else "入群流程待确认"
            items.append(f"@{named[-1]}：{step}（已停留 {waited} 天）")
    threshold = int(get_setting(session, "stalled_days")) if days is None else int(days)
    values = {"group": group.name, "count": str(len(items)), "days": str(threshold)}
    parts = render("stalled", body, values, items)
    return PasteText("stalled", parts, len(items), notes=_namesakes(session, group_id, named, parts))


def leaderboard_text(
    session: Session,
    group_id: int,
    year: int,
    month: int,
    *,
    top: int = 10,
    today: date | None = None,
    template: str | None = None,
) -> PasteText:
    """The month's top `top` by points earned in the month, with their level at the month's end; members who
    opted out of leaderboards are left out; who reached a higher level this month. Equal points share a rank,
    and a cut never leaves out someone with as many points as a person on the board: the people level with the
    last place are listed too when they add at most TIE_EXTRA lines, or else they are one line — the place, how
    many share it and their points, the first TIE_NAMES names and 等N人 (a top 10 whose places 8–104 tie at 3
    points: seven lines and `8. 并列第8名（97人，各3分）：张三、李四、王五、赵六、孙七 等97人`, not 100 lines; forty
    members at 1 point each: `🥇 并列第1名（40人，各1分）：…`). Nobody with 0 points or less is on the text (a board
    posted to the group honours what was earned): a month where nobody earned any says so."""
    group = _group(session, group_id)
    if (to_come := _month_to_come("leaderboard", year, month, today or clock.today())) is not None:
        return to_come
    start = date(year, month, 1)
    end = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    end = min(end, today or clock.today())
    top = max(1, min(int(top), TOP_MAX))
    board = _month_board(group_id, start, end)
    rows = session.execute(board.limit(TOP_MAX + 1)).all()
    if not rows:
        return PasteText("leaderboard", (), 0, "本月还没有人得分 (nobody earned points this month)")
    tied: list = []  # the people level with the last place, on one line when they are many
    tied_count = 0
    if len(rows) > top and rows[top][3] == rows[top - 1][3]:
        last = rows[top - 1][3]
        first = next(i for i, r in enumerate(rows) if r[3] == last)
        every = board.subquery()
        tied_count = int(session.scalar(select(func.count()).select_from(every).where(every.c.total == last)) or 0)
        if first + tied_count <= min(top + TIE_EXTRA, TOP_MAX):
            rows, tied_count = rows[: first + tied_count], 0
        else:
            rows, tied = rows[:first], rows[first : first + TIE_NAMES]
    else:
        rows = rows[:top]
    levels = group_levels(session, group_id, at=end)  # the levels of the month's end (a past month: of then)
    balances_end = _balances(session, [r[0] for r in rows], end)
    items = []
    named = []
    body = _stored_template(session, group, "leaderboard", template)
    en = is_english(body)
    unit = " pts" if en else "分"
    ranks = competition_ranks([int(r[3]) for r in rows])
    for rank, (mid, nick, name, pts, wechat_id, nickname) in zip(ranks, rows, strict=True):
        medal = MEDALS[rank - 1] if rank <= len(MEDALS) else f"{rank}."
        level = level_for(levels, balances_end.get(mid, 0))
        named.append(shown_name(nick, name, wechat_id, nickname))
        items.append(f"{medal} {named[-1]} {int(pts)}{unit}" + (f" · {level}" if level else ""))
    if tied:
        rank = len(rows) + 1
        medal = MEDALS[rank - 1] if rank <= len(MEDALS) else f"{rank}."
        names = [shown_name(nick, name, wechat_id, nickname) for _m, nick, name, _p, wechat_id, nickname in tied]
        named.extend(names)
        pts = int(tied[0][3])
        if en:
            items.append(
                f"{medal} Tied for place {rank} ({tied_count} people, {pts} pts each): {', '.join(names)}"
                f" and {tied_count - len(names)} more"
            )
        else:
            items.append(f"{medal} 并列第{rank}名（{tied_count}人，各{pts}分）：{'、'.join(names)} 等{tied_count}人")
    promoted = _promoted(session, group_id, levels, start, end)
    values = {
        "group": group.name,
        "month": _month_label(year, month, today or clock.today(), en),
        "top": str(len(rows) + tied_count),
        "promoted": _promoted_line(promoted, en),
    }
    parts = render("leaderboard", body, values, items)
    return PasteText("leaderboard", parts, len(rows) + tied_count, notes=_namesakes(session, group_id, named, parts))


def summary_text(
    session: Session, group_id: int, year: int, month: int, *, today: date | None = None, template: str | None = None
) -> PasteText:
    """The month's headline figures with last month's beside them (docs/metrics.md definitions)."""
    group = _group(session, group_id)
    today = today or clock.today()
    if (to_come := _month_to_come("summary", year, month, today)) is not None:
        return to_come
    now = month_stats(session, group_id, year, month, today=today)
    py, pm = previous_month(year, month)
    before = month_stats(session, group_id, py, pm, today=today)
    board = leaderboard_text(session, group_id, year, month, top=1, today=today, template=DEFAULTS["leaderboard"])

    def pct(x: float) -> str:
        return f"{x * 100:.1f}%"

    def both(a: int, b: int) -> tuple[str, str]:
        return ("", "") if not a and not b else (str(a), str(b))

    en = is_english(template if template is not None else template_for(session, group_id, "summary"))
    messages, messages_prev = both(now.messages, before.messages)
    activities, activities_prev = both(now.activities, before.activities)
    top = ""
    if board.parts:
        first = _leader_names(session, group_id, year, month, today)
        more = (
            (f" and {len(first) - LEADERS_SHOWN} more" if en else f" 等 {len(first)} 人")
            if len(first) > LEADERS_SHOWN
            else ""
        )
        top = (", " if en else "、").join(first[:LEADERS_SHOWN]) + more
    values = {
        "group": group.name,
        "month": _month_label(year, month, today, en),
        "members": str(now.members_total),
        "members_prev": str(before.members_total),
        "active": str(now.members_active),
        "active_prev": str(before.members_active),
        "checkins": str(now.checkins),
        "checkins_prev": str(before.checkins),
        "checkin_rate": pct(now.checkin_rate),
        "checkin_rate_prev": pct(before.checkin_rate),
        "joined": str(now.joined),
        "left": str(now.left),
        "messages": messages,
        "messages_prev": messages_prev,
        "activities": activities,
        "activities_prev": activities_prev,
        "points": str(now.points_awarded) if now.points_awarded else "",
        "top": top,
    }
    set_up_on = group.created_at.date()
    if not month_recorded(set_up_on, year, month, now):
        if group.archived_at is not None and date(year, month, 1) > group.archived_at.date():
            ended = group.archived_at.date().isoformat()
            return PasteText(
                "summary",
                (),
                0,
                f"社群 {ended} 已归档，这个月没有任何记录 (the group was archived on {ended}; nothing of this month was"
                " recorded)",
            )
        return PasteText(
            "summary",
            (),
            0,
            f"社群 {set_up_on.isoformat()} 才建立，这个月没有任何记录 "
            f"(the group was set up here on {set_up_on.isoformat()}; nothing of this month was recorded)",
        )
    if not month_recorded(set_up_on, py, pm, before):
        # a group set up after that month with nothing of it imported: no "（上月 0.0%）" nobody measured
        # (last month's members stay: they come from join dates, which the roster knows)
        values.update({k: "–" for k in values if k.endswith("_prev") and k != "members_prev" and values[k]})
    if not now.members_total and not before.members_total:
        return PasteText("summary", (), 0, "这个月社群还没有成员 (the group had no members this month)")
    return PasteText("summary", render("summary", _stored_template(session, group, "summary", template), values), 0)


def preview_text(session: Session, group_id: int, kind: str, body: str, *, today: date | None = None) -> PasteText:
    """What a template (validated first: ValidationError as when it is saved) gives with the group's real
    facts — for the template editor: the reminder of today, a welcome for the newest newcomer (or member),
    the stalled newcomers, this month's leaderboard and the last complete month's summary."""
    template = validate_template(kind, body)
    today = today or clock.today()
    if kind == "reminder":
        return reminder_text(session, group_id, today, template=template)
    if kind == "stalled":
        return stalled_text(session, group_id, today, template=template)
    if kind == "leaderboard":
        return leaderboard_text(session, group_id, today.year, today.month, today=today, template=template)
    if kind == "summary":
        year, month = previous_month(today.year, today.month)
        return summary_text(session, group_id, year, month, today=today, template=template)
    newest = session.scalar(
        select(Membership.id)
        .join(Member, Member.id == Membership.member_id)
        .where(
            Membership.group_id == group_id,
            Membership.status.in_(("onboarding", "active", "applicant")),
            Member.deleted_at.is_(None),
        )
        .order_by((Membership.status == "active").asc(), Membership.joined_at.desc().nulls_last(), Membership.id.desc())
        .limit(1)
    )
    if newest is None:
        return PasteText("welcome", (), 0, "社群还没有成员 (the group has no members yet)")
    return welcome_text(session, newest, template=template)


# ---------------------------------------------------------------------------------------------------------------
# Helpers


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _rules_summary(text: str | None, english: bool = False) -> str:
    """The first lines of the rules (RULES_LINES, RULES_CHARS); "…" when there is more."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    out: list[str] = []
    size = 0
    for line in lines[:RULES_LINES]:
        if size + len(line) > RULES_CHARS:
            out.append(line[: max(0, RULES_CHARS - size)].rstrip() + "…")
            break
        out.append(line)
        size += len(line)
    else:
        if len(lines) > RULES_LINES:
            out.append("… (full rules in the group notice)" if english else "…（完整群规见群公告）")
    return "\n".join(out)


def _steps_to_do(session: Session, ms: Membership) -> list[tuple[str, bool]]:
    """(step name, required) of the group's current entry steps the membership has not done, in order."""
    done = exists().where(StepProgress.membership_id == ms.id, StepProgress.step_id == EntryStep.id)
    return [
        (name, bool(required))
        for name, required in session.execute(
            select(EntryStep.name, EntryStep.required)
            .where(EntryStep.group_id == ms.group_id, EntryStep.retired_at.is_(None), ~done)
            .order_by(EntryStep.position, EntryStep.id)
        )
    ]


def _balances(session: Session, membership_ids: list[int], until: date) -> dict[int, int]:
    if not membership_ids:
        return {}
    return {
        mid: int(total or 0)
        for mid, total in session.execute(
            select(PointsEntry.membership_id, func.sum(PointsEntry.points))
            .where(PointsEntry.membership_id.in_(membership_ids), PointsEntry.day <= until)
            .group_by(PointsEntry.membership_id)
        )
    }


def _month_board(group_id: int, start: date, end: date) -> Select:
    """(membership id, group nickname, name, points, WeChat ID, nickname) of everyone on the group's board for the
    days start..end (_on_board), most points first, then by pinyin: the leaderboard text and the summary's first
    place."""
    total = func.sum(PointsEntry.points).label("total")
    return (
        select(
            PointsEntry.membership_id,
            Membership.group_nickname,
            Member.display_name,
            total,
            Member.wechat_id,
            Member.nickname,
        )
        .join(Membership, Membership.id == PointsEntry.membership_id)
        .join(Member, Member.id == Membership.member_id)
        .where(PointsEntry.group_id == group_id, PointsEntry.day >= start, PointsEntry.day <= end, _on_board())
        .group_by(
            PointsEntry.membership_id,
            Membership.group_nickname,
            Member.display_name,
            Member.pinyin,
            Member.wechat_id,
            Member.nickname,
        )
        .having(total > 0)
        .order_by(total.desc(), Member.pinyin, PointsEntry.membership_id)
    )


def _on_board():
    """Who a leaderboard text, its promotions and the summary's first place name (joined to Membership and
    Member): not opted out of leaderboards, not deleted, and in the group — the text is posted there, and someone
    who left it (or was removed) gets no medal or @ in it."""
    return and_(Member.points_opt_out.is_(False), Member.deleted_at.is_(None), Membership.status.not_in(GONE_STATUSES))


def _promoted(session: Session, group_id: int, levels: list[tuple[str, int]], start: date, end: date) -> list[str]:
    """'名字 → 等级' for the visible members whose level at the month's end is above their level before it (a
    balance below zero before it counts as zero: back to the starting level is no promotion)."""
    if len(levels) < 2:
        return []
    earned = select(PointsEntry.membership_id).where(
        PointsEntry.group_id == group_id, PointsEntry.day >= start, PointsEntry.day <= end
    )
    people = session.execute(
        select(
            Membership.id,
            Membership.group_nickname,
            Member.display_name,
            Member.pinyin,
            Member.wechat_id,
            Member.nickname,
        )
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.id.in_(earned), _on_board())
    ).all()
    ids = [p[0] for p in people]
    before = _balances(session, ids, start - timedelta(days=1))
    after = _balances(session, ids, end)
    rank = {name: i for i, (name, _min) in enumerate(levels)}
    out = []
    for mid, nick, name, _pinyin, wechat_id, nickname in sorted(
        people, key=lambda p: (-after.get(p[0], 0), p[3] or "")
    ):
        # a balance below zero (points taken away) counts as none: climbing back to the level everyone starts
        # at is no promotion ("本月晋级：X → 新人" told the group X had been in the red)
        old, new = level_for(levels, max(before.get(mid, 0), 0)), level_for(levels, after.get(mid, 0))
        if new is not None and (old is None or rank[new] > rank[old]):
            out.append(f"{shown_name(nick, name, wechat_id, nickname)} → {new}")
    return out


def _namesakes(session: Session, group_id: int, named: list[str], parts: tuple[str, ...]) -> tuple[str, ...]:
    """A note for each name the text gives that several people in the group chat (入群中 / 正式成员) go by, naming
    them by their roster names for the organiser: "@小雨" over two 小雨s — one of them checked in — told both they
    were behind, and the organiser had no way to know. The text keeps the name as the group sees it (adding a
    roster name would give the group a name it never saw); the organiser decides before posting."""
    text = "\n".join(parts)
    named = [n for n in named if n in text]  # a template without the list (or $name) names nobody
    wanted = set(named)
    if not wanted:
        return ()
    seen: dict[str, list[str]] = {}
    for nick, name, wechat_id, nickname in session.execute(
        select(Membership.group_nickname, Member.display_name, Member.wechat_id, Member.nickname)
        .join(Member, Member.id == Membership.member_id)
        .where(
            Membership.group_id == group_id,
            Membership.status.in_(("onboarding", "active")),
            Member.deleted_at.is_(None),
        )
        .order_by(Member.pinyin, Membership.id)
    ):
        shown = shown_name(nick, name, wechat_id, nickname)
        if shown in wanted:
            seen.setdefault(shown, []).append(mask_phones_in(name) or name)
    notes = []
    for shown in dict.fromkeys(named):
        who = seen.get(shown, [])
        if len(who) > 1:
            notes.append(
                f"群里有 {len(who)} 位成员都叫“{shown}”（{'、'.join(who)}），@{shown} 分不清是谁，发之前请核对 "
                f"(an @ cannot tell them apart: {len(who)} members go by {shown} in the group; check before posting)"
            )
    return tuple(notes)


LEADERS_SHOWN = 5  # a summary names this many people level on first place, then says how many they are
PROMOTED_SHOWN = 8  # a leaderboard names this many promotions, then says how many more


def _promoted_line(promoted: list[str], english: bool = False) -> str:
    if not promoted:
        return ""
    if english:
        more = f" and {len(promoted) - PROMOTED_SHOWN} more" if len(promoted) > PROMOTED_SHOWN else ""
        return f"🎉 Levelled up this month: {', '.join(promoted[:PROMOTED_SHOWN])}{more}"
    shown = "、".join(promoted[:PROMOTED_SHOWN])
    more = f" 等 {len(promoted)} 人" if len(promoted) > PROMOTED_SHOWN else ""
    return f"🎉 本月晋级：{shown}{more}"


def _leader_names(session: Session, group_id: int, year: int, month: int, today: date) -> list[str]:
    """The name(s) of the month's first place (a tie names everyone on it)."""
    start = date(year, month, 1)
    end = min(date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1), today)
    rows = session.execute(_month_board(group_id, start, end)).all()
    if not rows:
        return []
    best = rows[0][3]
    return [shown_name(nick, name, wx, nickname) for _mid, nick, name, pts, wx, nickname in rows if pts == best]


def membership_for(session: Session, group_id: int, name: str) -> int:
    """The membership of the group called `name` (name, group nickname, nickname or WeChat ID — what the
    several-people error tells the user to give), read as a paste reads a name (paste.RosterIndex.carriers: case,
    full-width letters and decorations aside — `amy` is Amy, `王芳🌸` is 王芳); NotFound / ValidationError (several
    people) naming the candidates, with their WeChat IDs to tell them apart."""
    from desktop.services.paste import RosterIndex

    key = (name or "").strip()
    if not key:
        raise ValidationError("member", "成员名字不能为空 (a member name is required)")
    ids = RosterIndex(session, group_id).carriers(key)
    rows = (
        session.execute(
            select(Membership.id, Member.display_name, Membership.status, Member.wechat_id)
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.id.in_(ids))
            .order_by(Membership.id)
        ).all()
        if ids
        else []
    )
    current = [r for r in rows if r[2] in ("applicant", "onboarding", "active")] or rows
    if not current:
        raise NotFound(f"社群里没有叫 {key} 的成员 (nobody called {key} in the group)")
    if len(current) > 1:
        who = "、".join(f"{r[1]} (微信号 WeChat ID {r[3]})" if r[3] else r[1] for r in current)
        raise ValidationError(
            "member",
            f"{key} 有 {len(current)} 位成员同名 (several members are called {key}): {who}; 请用微信号区分",
        )
    return int(current[0][0])


__all__ = [
    "DEFAULTS",
    "KINDS",
    "LIMIT",
    "LIST_PLACEHOLDER",
    "PLACEHOLDERS",
    "PasteText",
    "default_template",
    "is_custom",
    "leaderboard_text",
    "membership_for",
    "pack_names",
    "preview_text",
    "reminder_text",
    "render",
    "set_template",
    "shown_name",
    "stalled_text",
    "summary_text",
    "template_for",
    "validate_template",
    "welcome_text",
]
