"""Entry applications from survey-tool exports (问卷星, 腾讯问卷, 金数据, 麦客, 腾讯文档收集表, 飞书问卷 …)
read by desktop/io/tabular.py.

For the "import applications" service. No Qt, no database.

Decisions:
- Every column that is not a survey tool's own (序号, 编号, 提交时间, 修改时间, 提交人/提交者/填写人 — the
  account that filled in the form, never the applicant's name —, 填写设备, IP, 地理位置, 来源, 微信OpenID,
  微信头像 … see tabular.SURVEY_META_HEADERS) is a question, numbered ("1、您的姓名", "Q1. …", "第1题 …")
  or not ("您的姓名", "手机号码"). The one exception is 金数据's 微信昵称 column (the respondent's
  WeChat-authorised nickname), and 腾讯问卷's 昵称 beside its 用户标识/用户ID: it becomes the nickname ("微信用户",
  WeChat's placeholder for a user who did not share theirs, is none).
- submitted_at is 提交答卷时间, else 结束答题时间, else 提交时间, else 开始答题时间 (修改时间 is ignored; 腾讯文档收集表's
  提交时间（自动） is 提交时间, Google Forms' Chinese 时间戳记 its Timestamp); in English
  exports Submitted at / Timestamp (Google Forms), Submit Date (UTC) (Typeform), Completion time (Microsoft
  Forms). A time with its zone (2026/11/20 10:23:45 PM GMT+8, ISO with an offset) or in a column whose header
  names one (Submit Date (UTC)) is the organiser's local time of it, so the day is the organiser's day.
- Microsoft Forms' ID, Name/名称 and Email/电子邮件 (the respondent's account, "anonymous") are its own columns,
  like 提交人: never the applicant's name. A header with no letters or digits (Typeform's "#") is no question.
- name / wechat_id / phone / purpose come from the question that asks for them best: keywords
  phone 手机/电话号/联系电话 (plainly) or 电话/联系方式 (weaker); WeChat ID 微信号/微信ID/wechat (plainly), or
  微信 without 昵称/名/群/头像/OpenID …; purpose (为什么/目的/原因/期待/希望/动机) together with
  (加入/入群/进群/加群/本群/社群); name 姓名 (plainly), 名字/称呼 (not a WeChat question). One question for
  either (微信号/手机号, 手机号或微信, WeChat ID / phone: combined_contact) is the WeChat ID question — a mobile
  number answered there is the phone —, below a plain 微信号 question of the same form. Among the
  questions for one field, the one whose first answers fit wins (a phone has 7+ digits; a name or WeChat ID
  is not a column of 1/0 or 是/否), then the plainer question, then the leftmost; a field whose only
  questions merely mention it and do not fit is left out (a plain 您的手机号 stays: bad answers are problems). Never an identity field: a question about someone else
  (紧急联系人电话, 推荐人姓名: fields.SOMEONE_ELSE), a yes/no question (是否方便电话回访？), a question on how
  people heard of the group (了解/渠道/来源/公众号), an option column of a split multi-choice
  ("2、您从哪里了解到我们？(微信公众号)" holding 1/0). Each question feeds at most one of them.
- A table with no name, WeChat ID or phone question is refused, naming what was looked for.
- Answers are keyed by the question as written in the header (full-width ？ kept) without its number
  and without a type tag ("[多选题]"); values are the text as written (NFC, stripped); multi-choice
  answers keep their separators ('┋', '、', ',' or line breaks); (跳过) and (空) mean no answer (None).
- A question split over columns with a text in brackets is a multi-choice (one column per option, ticked 1/0) or a
  multi-blank (问卷星's 多项填空 "1、请填写以下信息(姓名)", one column per blank): a blank asking for the name, WeChat ID
  or phone whose answers fit is that field (below a question of its own); a ticked option never is.
- Answers that are option numbers (问卷星's "按选项序号" download: 您的性别: 1, 1┋3) are found by numbered_choices and
  said by the import; the export holds no option text, so they are never shown as one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from desktop.io.fields import (
    CellError,
    ImportProblem,
    about_someone_else,
    clean_text,
    digit_date_order,
    masked_phone,
    no_value_answer,
    norm_key,
    parse_datetime,
    parse_phone,
    values_fit,
    zone_moved_day,
    zone_offset,
)
from desktop.io.tabular import SURVEY_META_HEADERS, Table, survey_meta_key

__all__ = [
    "Application",
    "SurveyAnswer",
    "SurveyLayout",
    "combined_contact",
    "is_phone_question",
    "is_survey",
    "numbered_choices",
    "question_label",
    "question_stem",
    "read_applications",
    "survey_layout",
    "ticked_questions",
    "TickedQuestion",
]


@dataclass(frozen=True)
class SurveyAnswer:
    question: str  # the question as written: no number prefix, no [..题] suffix
    answer: str | None


@dataclass(frozen=True)
class Application:
    row: int  # Excel row number
    submitted_at: datetime | None
    name: str | None
    wechat_id: str | None
    phone: str | None
    purpose: str | None
    answers: list[SurveyAnswer]
    nickname: str | None = None  # 金数据's 微信昵称, or a question asking for the (WeChat) nickname
    group_nickname: str | None = None  # a question asking for the nickname in the group (群昵称)
    moved_from: date | None = None  # the day its zoned time was written on, when the community's zone moved it


@dataclass(frozen=True)
class SurveyLayout:
    """Which column is what in a survey export."""

    time_column: int | None
    roles: dict[str, int]  # name / wechat_id / phone / purpose / nickname -> column
    questions: list[tuple[int, str]]  # (column, question as written) of every question
    meta: list[int]  # the tool's own columns (neither person field nor answer)
    options: frozenset[int] = frozenset()  # columns of a question split over several (one per option or blank)


_TIME_COLUMNS = tuple(
    norm_key(h)
    for h in (
        "提交答卷时间",
        "结束答题时间",
        "提交时间",
        "填写时间",
        "答题时间",
        "创建时间",
        "开始答题时间",
        "报名时间",  # a sign-up form's export (活动行, 互动吧, 小鹅通 表单)
        "Submitted at",  # English forms (Google Forms: Timestamp)
        "Submission time",
        "Submit time",
        "Submission date",
        "Timestamp",
        "时间戳记",  # Google Forms in Chinese
        "時間戳記",
        "Submit Date (UTC)",  # Typeform: its times are UTC (the header says so)
    )
)
# Microsoft Forms (ID, Start time, Completion time, Email, Name, Last modified time; in Chinese 开始时间, 完成时间, 电子邮件,
# 名称, 上次修改时间): the submission time is the completion time, and the other columns are its own — Name/名称 and
# Email/电子邮件 are the respondent's account ("anonymous"), never the applicant's answer. Only in that layout (both
# time columns), where a plain "Name" or "完成时间" column is not a question.
_MS_FORMS = (
    (norm_key("Completion time"), norm_key("Start time")),
    (norm_key("完成时间"), norm_key("开始时间")),
)
_MS_FORMS_OWN = frozenset(
    norm_key(h)
    for h in ("ID", "Start time", "Completion time", "Email", "Name", "Last modified time")
    + ("开始时间", "完成时间", "电子邮件", "电子邮箱", "名称", "上次修改时间")
)
_NICKNAME_META = norm_key("微信昵称")
# 腾讯问卷's own columns before the questions (编号, 用户类型, 用户标识 or 用户ID, 昵称, 起答时间 …): there a plain 昵称 is
# the respondent's WeChat nickname, as 金数据's 微信昵称 — never a question whose answer goes to the note
_TENCENT_OWN = frozenset(norm_key(h) for h in ("用户标识", "用户ID", "用户类型"))
_TENCENT_NICKNAME = norm_key("昵称")
# what WeChat shows for a user who did not share their nickname with the form: nobody's nickname
_NO_NICKNAME = frozenset({"微信用户", "wechatuser"})
_NUMBERED = re.compile(
    r"^\s*(?:Q|第)?\s*(?P<number>[0-9０-９]{1,3})\s*题?\s*(?:[、.．:：)）\]]\s*|\s+)(?P<stem>\S.*)$", re.IGNORECASE
)
_TYPE_SUFFIX = re.compile(r"\s*[\[【(（]\s*[^\[\]【】()（）]*题\s*[\]】)）]\s*$")
_NO_ANSWER = frozenset({"(跳过)", "(空)"})

_PURPOSE_WHY = ("为什么", "目的", "原因", "期待", "希望", "动机", "初衷")
_PURPOSE_JOIN = ("加入", "入群", "进群", "加群", "本群", "社群")
# a paid camp or course asks why people sign up for it (您参加本期训练营的目的是？ 报名的原因, 为什么报名这门课):
# with a plain "why" word (not 希望/期待: 您希望参加哪些活动？ asks something else) it is the purpose question too
_PURPOSE_WHY_PLAIN = ("为什么", "目的", "原因", "动机", "初衷")
_PURPOSE_SIGN_UP = ("参加", "参与", "报名", "训练营", "打卡营", "本营", "本期", "这期", "课程", "这门课")
_EN_SIGN_UP = frozenset({"join", "joining", "sign", "signing", "signed", "enrol", "enroll", "enrolling", "register"})
_NOT_WECHAT_ID = ("昵称", "名", "群", "头像", "openid", "unionid", "性别", "国家", "省", "市", "地区")
# A question that asks yes or no (是否方便电话回访？) or how people heard of the group (您从哪里了解到我们？
# (微信公众号)) mentions 电话 or 微信 without asking for the number or the ID: never an identity field.
_NOT_IDENTITY = (
    "是否",
    "可否",
    "能否",
    "是不是",
    "有没有",
    "愿不愿",
    "愿意",
    "了解",
    "渠道",
    "途径",
    "来源",
    "公众号",
    "得知",
    "从哪",
    "听说",
)
_OPTION = re.compile(r"^(?P<base>.*\S)\s*[(（][^()（）]*[)）]\s*$")
_SAMPLE_ROWS = 50  # answers looked at to tell a phone question from one that only mentions 电话


def _strip_stem(stem: str) -> str | None:
    previous = None
    while previous != stem:
        previous = stem
        stem = _TYPE_SUFFIX.sub("", stem).strip().rstrip(":：*").strip()
    return stem or None


def question_stem(header: str) -> str | None:
    """The question text of a numbered survey column (NFKC), or None when the header is not numbered."""
    text = unicodedata.normalize("NFKC", header).strip()
    match = _NUMBERED.match(text)
    if not match:
        return None
    return _strip_stem(match.group("stem"))


def question_label(title: str) -> str:
    """A question as people wrote it: the header without its number and type tag; full-width kept."""
    text = unicodedata.normalize("NFC", title).strip()
    match = _NUMBERED.match(text)
    if match:
        text = match.group("stem")
    return _strip_stem(text) or text


_REMARK = re.compile(r"\s*[(（][^()（）]*[)）]")
# a remark that is itself a person (电话（紧急联系人）, 手机（家长）): the question is about them
_REMARK_PERSON = re.compile(r"(?:人|家长|父母|父亲|母亲|配偶|亲属|家属|parent|guardian|spouse)\s*$", re.IGNORECASE)


def _role(stem: str) -> tuple[str, int] | None:
    """(role, strength) a question's text suggests: 2 when it plainly asks for it (您的手机号, 微信号, 姓名),
    1 when it only mentions it (电话, 微信, 联系方式, 称呼). The question is judged without its bracketed
    remarks (您的手机号（他人不可见）, 您的姓名（是否实名均可）: the words of a remark do not make it someone
    else's or a yes/no question), unless a remark names another person (电话（紧急联系人）)."""
    remarks = [m.group(0).strip(" (（)）") for m in _REMARK.finditer(stem)]
    bare = _REMARK.sub("", stem).strip() or stem
    if about_someone_else(bare) or any(about_someone_else(r) and _REMARK_PERSON.search(r) for r in remarks):
        return None
    identity = not any(word in bare.casefold() for word in _NOT_IDENTITY)
    return _keywords(bare, identity) or (_keywords(stem, identity) if bare != stem else None)


_NOT_PHONE_NUMBER = ("qq", "身份证", "证件", "学号", "工号", "车牌", "会员", "订单", "微信", "账号", "护照", "银行")
_EN_PHONE = frozenset({"mobile", "phone", "cellphone", "cell", "telephone", "tel", "whatsapp"})
_EN_WHY = frozenset({"why", "reason", "reasons", "purpose", "motivation"})
_EN_NAME_ONLY = frozenset({"your", "full", "real", "legal", "name", "please", "enter", "what", "is", "s", "the"})


# one question for either (腾讯问卷, 企业微信表单: "微信号/手机号", "手机号或微信", "WeChat ID / phone"): each answer is
# one or the other — a mobile number is the phone, anything else the WeChat ID (see combined_contact)
_CN_WECHAT = r"(?:微信号|微信id|微信)"
_CN_PHONE = r"(?:手机号码|手机号|手机|电话号码|电话)"
_EN_WECHAT = r"(?:wechat(?:\s*id)?|weixin)"
_EN_PHONE_WORD = r"(?:mobile(?:\s*(?:number|no\.?))?|(?:cell\s*)?phone(?:\s*(?:number|no\.?))?)"
_EITHER = r"\s*(?:[/／|｜、,，]|或者?|或是|or)\s*"
_COMBINED = re.compile(
    rf"{_CN_WECHAT}{_EITHER}{_CN_PHONE}|{_CN_PHONE}{_EITHER}{_CN_WECHAT}"
    rf"|\b{_EN_WECHAT}{_EITHER}{_EN_PHONE_WORD}|\b{_EN_PHONE_WORD}{_EITHER}{_EN_WECHAT}\b",
    re.IGNORECASE,
)


def combined_contact(question: str) -> bool:
    """A question asking for the WeChat ID or the phone, the applicant's choice (微信号/手机号, 手机或微信, WeChat ID /
    phone): its answers are a mobile number for some and a WeChat ID for others. It is the WeChat ID question —
    a mobile number answered there is the applicant's phone (imports.wechat_phone), as on a 微信号 question —, never
    the phone question, where every WeChat ID would be a problem and refuse the file. A plain 微信号 question of the
    same form is preferred to it; a plain 手机号 question next to it stays the phone."""
    return bool(_COMBINED.search(unicodedata.normalize("NFKC", question)))


def _keywords(stem: str, identity: bool) -> tuple[str, int] | None:
    low = stem.casefold()
    words = set(re.findall(r"[a-z]+", low))  # English forms (Google Forms, Tally, Jotform): whole words
    if identity and combined_contact(stem):
        return "wechat_id", 2
    if identity and any(word in stem for word in ("手机", "电话号", "联系电话")):
        return "phone", 2
    if identity and words & _EN_PHONE and "wechat" not in words:
        return "phone", 2
    if identity and "电话" in stem:
        return "phone", 1
    if identity and ("微信号" in stem or "微信id" in low or "wechat" in low or "wxid" in low):
        return "wechat_id", 2
    if identity and "微信" in stem and not any(word in low for word in _NOT_WECHAT_ID):
        return "wechat_id", 1
    if identity and "联系方式" in stem:
        return "phone", 1
    if identity and "号码" in stem and not any(w in low for w in _NOT_PHONE_NUMBER):
        return "phone", 1  # 您的号码, 联系号码: the phone only when the answers are phones (survey_layout)
    if any(w in stem for w in _PURPOSE_WHY) and any(w in stem for w in _PURPOSE_JOIN):
        return "purpose", 2  # the group's own question wins over a camp's wording in the same form
    if any(w in stem for w in _PURPOSE_WHY_PLAIN) and any(w in stem for w in _PURPOSE_SIGN_UP):
        return "purpose", 1
    if words & _EN_WHY and words & _EN_SIGN_UP:
        return "purpose", 2 if "join" in words else 1
    if identity and "name" in words and words <= _EN_NAME_ONLY:  # Your name, Full name — never Company name
        return "name", 2
    if identity and "微信" not in stem:
        if "姓名" in stem:
            return "name", 2
        if "名字" in stem or "称呼" in stem:
            return "name", 1
    if identity and any(word in stem for word in ("群昵称", "群名片", "群内昵称", "群里的昵称", "群备注")):
        return "group_nickname", 2  # 入群后的群昵称: the name the group will see
    if identity and ("昵称" in stem or "网名" in stem) and not any(w in stem for w in ("头像", "openid")):
        return "nickname", 2  # 您的微信昵称: a form asking no 姓名 names its applicants by it
    if identity and "nickname" in words:
        return "nickname", 2
    return None


_PHONE_WORDS = ("手机", "电话", "联系方式", "phone", "mobile", "tel")


def is_phone_question(question: str) -> bool:
    """A question that asks for a phone number (the applicant's again — 确认手机号 — or someone else's —
    紧急联系人电话): the import keeps such answers on the note masked (138****8000)."""
    text = unicodedata.normalize("NFKC", question).casefold()
    return any(word in text for word in _PHONE_WORDS)


def _option_columns(headers: list[str]) -> dict[int, str]:
    """Columns of a question split over several columns, with the text in brackets of each: a multi-choice
    question (问卷星 "2、您从哪里了解到我们？(微信公众号)", one column per option holding 1/0) or a multi-blank
    one (问卷星's 多项填空 "1、请填写以下信息(姓名)", "1、请填写以下信息(手机)", one column per blank holding the
    answer): two or more columns with the same question (number or text) and a text in brackets. Such a column
    is the applicant's name, phone or WeChat ID only when its bracket asks for it and its answers fit (a blank
    answered 张三, never an option ticked 1/0: survey_layout)."""
    bases: dict[str, list[tuple[int, str]]] = {}
    for index, header in enumerate(headers):
        text = unicodedata.normalize("NFKC", header or "").strip()
        numbered = _NUMBERED.match(text)
        stem = numbered.group("stem") if numbered else text
        option = _OPTION.match(stem)
        if option is None:
            continue
        key = f"#{numbered.group('number')}" if numbered else norm_key(option.group("base"))
        inner = stem[len(option.group("base")) :].strip().strip("()（）").strip()
        bases.setdefault(key, []).append((index, inner))
    return {index: inner for columns in bases.values() if len(columns) > 1 for index, inner in columns}


def _fits(role: str, values: list[object]) -> bool:
    """Whether a column's answers can be what the role says (fields.values_fit, the roster's check too:
    most answers are phones; a name or a WeChat ID is not a column of ticks 1/0, 是/否)."""
    return values_fit(role, [a for a in (_answer(v) for v in values) if a is not None])


def survey_layout(table: Table) -> SurveyLayout:
    keys = [survey_meta_key(h) if h else "" for h in table.headers]
    time_column = None
    for wanted in _TIME_COLUMNS:
        if wanted in keys:
            time_column = keys.index(wanted)
            break
    titles = list(table.titles) + [""] * (len(table.headers) - len(table.titles))
    ms_forms = next(((done, start) for done, start in _MS_FORMS if done in keys and start in keys), None)
    if ms_forms is not None and time_column is None:
        time_column = keys.index(ms_forms[0])
    options = _option_columns(list(table.headers))
    tencent = any(k in _TENCENT_OWN for k in keys)
    candidates: dict[str, list[tuple[int, int]]] = {}  # role -> (strength, column)
    questions: list[tuple[int, str]] = []
    meta: list[int] = []
    nickname: int | None = None
    for index, header in enumerate(table.headers):
        key = keys[index]
        if not header:
            continue
        if key == _NICKNAME_META or (key == _TENCENT_NICKNAME and tencent):
            nickname = index if nickname is None else nickname
            meta.append(index)
            continue
        if key in SURVEY_META_HEADERS or not key or (ms_forms is not None and key in _MS_FORMS_OWN):
            meta.append(index)  # not key: Typeform's "#" (the response's token)
            continue
        stem = question_stem(header) or header
        questions.append((index, question_label(titles[index] or header)))
        if index in options:  # a blank of a multi-blank question: its bracket says what it asks (姓名, 手机)
            found = _role(options[index]) if options[index] else None
            found = (found[0], 0) if found and found[0] != "purpose" else None  # below any question of its own
        else:
            found = _role(unicodedata.normalize("NFKC", stem))
        if found:
            candidates.setdefault(found[0], []).append((found[1], index))
    roles: dict[str, int] = {}
    sample = [values for _row, values in table.sample(_SAMPLE_ROWS)] if candidates else []
    for role, found in candidates.items():
        # the best question wins, not the first: answers that fit, then the plainer question, then the leftmost
        def rank(item: tuple[int, int], role: str = role) -> tuple[bool, int, bool, int]:
            strength, index = item
            fits = _fits(role, [values[index] if index < len(values) else None for values in sample])
            return (fits, strength, not combined_contact(table.headers[index]), -index)

        found = [item for item in found if item[0] > 0 or rank(item)[0]]  # a blank only when its answers fit
        if not found:
            continue
        best = max(found, key=rank)
        if rank(best)[0] or best[0] == 2 or role == "purpose":  # a plain 您的手机号 stays: its bad answers are problems
            roles[role] = best[1]
    if nickname is not None and "nickname" not in roles:  # a question asking for it is the applicant's own answer
        roles["nickname"] = nickname
    return SurveyLayout(
        time_column,
        dict(sorted(roles.items(), key=lambda item: item[1])),
        _told_apart(questions, list(table.headers)),
        meta,
        frozenset(options),
    )


def _told_apart(questions: list[tuple[int, str]], headers: list[str]) -> list[tuple[int, str]]:
    """The questions with one wording told apart: 问卷星 forms ask "请说明：" after several questions, and answers
    are kept by their question — the second "请说明" overwrote the first on the note, an answer lost. A wording that
    several questions share keeps its number (4、请说明, 6、请说明); unnumbered, the second and later get (2), (3) …"""
    counts: dict[str, int] = {}
    for _index, label in questions:
        counts[label] = counts.get(label, 0) + 1
    if all(n == 1 for n in counts.values()):
        return questions
    seen: dict[str, int] = {}
    out = []
    for index, label in questions:
        if counts[label] > 1:
            seen[label] = seen.get(label, 0) + 1
            numbered = _NUMBERED.match(unicodedata.normalize("NFKC", headers[index] or "").strip())
            if numbered:
                label = f"{numbered.group('number')}、{label}"
            elif seen[label] > 1:
                label = f"{label}（{seen[label]}）"
        out.append((index, label))
    return out


# an answer that is an option's number (问卷星 "按选项序号": 2 for the second choice, 1┋3 for a multi-choice)
_CHOICE_NUMBER = re.compile(r"[1-9][0-9]?(?:\s*[┋|]\s*[1-9][0-9]?)*")
# a question whose answer is a number of its own (您每周能读几本书？ 年龄, 第几期, 打分, How many …)
_ASKS_NUMBER = re.compile(
    r"几|多少|多久|多长|多大|月份|生日|日期|年份|等级|级别|数量|人数|次数|天数|年龄|岁|分数|评分|打分|分值|年级|期数|第.期|届|编号|学号|工号|号码|序号|排名|排序|金额|"
    r"费用|价格|元|身高|体重|公斤|斤|小时|分钟|时长|公里|步数|页|楼|栋|单元|门牌|how many|how much|how old|number|"
    r"\bno\b|\bage\b|score|rating|rate\b|count|times|year|amount",
    re.IGNORECASE,
)


_SPLIT = re.compile(r"^(?P<base>.*\S)\s*(?:[(（](?P<bracketed>[^()（）]*)[)）]|[:：](?P<after>[^:：]+))\s*$")
_TICKS = frozenset({"1", "0"})
_OTHER_OPTION = re.compile(r"^(?:其他|其它|other)", re.IGNORECASE)


@dataclass(frozen=True)
class TickedQuestion:
    """A multi-choice question split over columns, one per option ticked 1 or 0 (问卷星 "4、兴趣(读书)", "3、兴趣:读书")."""

    label: str  # the question without its number and option: 兴趣
    options: tuple[tuple[int, str], ...]  # (column, option text) in column order

    def answer(self, applications_answers: dict[int, str | None]) -> str | None:
        """The options ticked, joined by ┋ as a by-text export writes them (读书┋跑步); an 其他 option answered with
        text is written 其他〖摄影〗; None when none is ticked."""
        chosen = []
        for index, option in self.options:
            value = applications_answers.get(index)
            if value is None or value == "0":
                continue
            chosen.append(option if value == "1" else f"{option}〖{value}〗")
        return "┋".join(chosen) or None


def _split_questions(layout: SurveyLayout, headers: list[str]) -> list[tuple[str, list[tuple[int, str]]]]:
    """(label, [(column, option)]) of each question split over two or more numbered columns with one number and one
    question, each with its option (or matrix row, or blank) in brackets or after a colon: 4、兴趣(读书), 5、满意度:服务."""
    person = set(layout.roles.values())
    groups: dict[tuple[str, str], list[tuple[int, str]]] = {}
    labels: dict[tuple[str, str], str] = {}
    for index, _label in layout.questions:
        if index in person:
            continue
        numbered = _NUMBERED.match(unicodedata.normalize("NFKC", headers[index] or "").strip())
        split = _SPLIT.match(numbered.group("stem")) if numbered else None
        written = _SPLIT.match(question_label(headers[index])) if split else None  # as written: NFC, full-width kept
        if split is None or written is None:
            continue
        bracketed = written.group("bracketed")
        option = (bracketed if bracketed is not None else written.group("after")).strip()
        if option:
            key = (numbered.group("number"), split.group("base"))
            groups.setdefault(key, []).append((index, option))
            labels.setdefault(key, written.group("base").rstrip(":：*").strip() or written.group("base"))
    return [(labels[key], options) for key, options in groups.items() if len(options) > 1]


def ticked_questions(layout: SurveyLayout, headers: list[str], applications: list[Application]) -> list[TickedQuestion]:
    """The multi-choice questions split over columns whose every answer is a tick (1/0, or text in an 其他 option's
    column): two or more numbered columns with one number and one question, each with its option in brackets or
    after a colon. The import keeps one answer per question on the note — the options ticked (您感兴趣的活动:
    读书┋跑步) — instead of a line per option with its 1 or 0. A matrix question's scores (服务: 4) or a multi-blank
    question's answers (请填写以下信息(姓名): 张三) are no ticks: each column stays an answer of its own."""
    position = {index: i for i, (index, _label) in enumerate(layout.questions)}
    out = []
    for label, options in _split_questions(layout, headers):
        ticks = True
        for index, option in options:
            given = [a.answers[position[index]].answer for a in applications]
            given = [unicodedata.normalize("NFKC", g).strip() for g in given if g is not None]
            if not all(g in _TICKS or _OTHER_OPTION.match(option) for g in given):
                ticks = False
                break
        if ticks:
            out.append(TickedQuestion(label, tuple(options)))
    return out


def numbered_choices(layout: SurveyLayout, headers: list[str], applications: list[Application]) -> list[int]:
    """The question columns answered with option numbers instead of the options' text: every answer 1–99, or
    numbers joined by ┋ (a multi-choice), to a question that does not ask for a number — 问卷星's "按选项序号"
    download (您的性别: 1, 您感兴趣的活动: 1┋3), where the export holds no option text to show instead. A
    question's own number (您每周能读几本书？ 3, 年龄 25), a split question's 1/0 columns and a matrix question's
    scores (5、满意度:服务 = 4) are not such answers.
    The import says it (one warning: download 按选项文本 and import again) and keeps the numbers on the note only,
    never as the member's gender, city or occupation."""
    person = set(layout.roles.values())
    split = {index for _label, options in _split_questions(layout, headers) for index, _option in options}
    out = []
    for position, (index, label) in enumerate(layout.questions):
        if (
            index in person
            or index in layout.options
            or index in split
            or _ASKS_NUMBER.search(unicodedata.normalize("NFKC", label))
        ):
            continue
        answers = [a.answers[position].answer for a in applications]
        given = [unicodedata.normalize("NFKC", a).strip() for a in answers if a is not None]
        if given and all(_CHOICE_NUMBER.fullmatch(a) for a in given):
            out.append(index)
    return out


def is_survey(table: Table) -> bool:
    """True for a survey-tool export: a submission time and a numbered question or a person question."""
    layout = survey_layout(table)
    if layout.time_column is None:
        return False
    numbered = any(question_stem(h) for h in table.headers if h)
    return numbered or any(r in layout.roles for r in ("name", "wechat_id", "phone"))


def _answer(value: object) -> str | None:
    text = clean_text(value)
    if text is None or unicodedata.normalize("NFKC", text) in _NO_ANSWER:
        return None
    return text


def _nickname(value: object) -> str | None:
    """The respondent's WeChat nickname a tool recorded (金数据's 微信昵称, 腾讯问卷's 昵称); "微信用户" — what WeChat
    gives a form when the user did not share theirs — is none."""
    text = _answer(value)
    if text is None or norm_key(text) in _NO_NICKNAME:
        return None
    return text


def read_applications(table: Table, *, problems: list[ImportProblem] | None = None) -> list[Application]:
    """One Application per data row.

    A bad submission time or phone raises ImportProblem; when ``problems`` is given, problems are
    appended to it instead (that value becomes None) so a preview can list every row at once."""
    layout = survey_layout(table)
    if layout.time_column is None and not any(question_stem(h) for h in table.headers if h):
        raise ImportProblem(
            table.file,
            table.header_row,
            None,
            "这不像问卷工具（问卷星、腾讯问卷、金数据、飞书问卷等）导出的表格：需要“提交时间”一类的列和题目列（如“您的姓名”）"
            " (not a survey export: no submission time or question columns)",
            "not_a_survey",
        )
    if not any(r in layout.roles for r in ("name", "wechat_id", "phone")):
        raise ImportProblem(
            table.file,
            table.header_row,
            None,
            "没有题目问姓名、微信号或手机（找过：姓名/名字/称呼、微信号/微信、手机/电话），无法识别申请人"
            " (no question asks for the name, WeChat ID or phone)",
            "no_person_question",
        )
    roles = layout.roles
    time_col = layout.time_column

    def report(problem: ImportProblem) -> None:
        if problems is None:
            raise problem
        problems.append(problem)

    time_order = None
    if time_col is not None:  # Google Sheets' 11/20/2026 22:23:45: the column says month first
        rows = table.sample(5000) if table.streamed else table.rows
        time_order = digit_date_order(values[time_col] for _row, values in rows if time_col < len(values))
    applications = []
    for row_no, values in table.rows:
        submitted_at = moved_from = None
        if time_col is not None:
            try:
                column_zone = zone_offset(table.headers[time_col])
                submitted_at = parse_datetime(
                    values[time_col],
                    file=table.file,
                    row=row_no,
                    column=table.headers[time_col],
                    date1904=table.date1904,
                    zone=column_zone,
                    order=time_order,
                )
                moved_from = zone_moved_day(values[time_col], submitted_at, column_zone)
            except ImportProblem as problem:
                report(problem)
        answers = [SurveyAnswer(label, _answer(values[index])) for index, label in layout.questions]
        by_column = {index: answer.answer for (index, _), answer in zip(layout.questions, answers, strict=True)}
        for column in roles.values():  # an Excel error where the applicant's name or phone should be
            if isinstance(values[column], CellError):
                report(values[column].problem(table.file, row_no, table.headers[column]))
                by_column[column] = None
        phone = None
        if (
            "phone" in roles
            and by_column[roles["phone"]] is not None
            and not isinstance(values[roles["phone"]], CellError)
        ):
            column = roles["phone"]
            if masked_phone(values[column]) is not None or (
                isinstance(values[column], str) and no_value_answer(values[column])
            ):
                # 138****1234, 无, 保密: the import warns and leaves the phone out (imports._Parser)
                phone = values[column]
            else:
                try:
                    phone = parse_phone(values[column], file=table.file, row=row_no, column=table.headers[column])
                except ImportProblem as problem:
                    report(problem)
        applications.append(
            Application(
                row=row_no,
                submitted_at=submitted_at,
                name=by_column.get(roles["name"]) if "name" in roles else None,
                wechat_id=by_column.get(roles["wechat_id"]) if "wechat_id" in roles else None,
                phone=phone,
                purpose=by_column.get(roles["purpose"]) if "purpose" in roles else None,
                answers=answers,
                nickname=_nickname(values[roles["nickname"]]) if "nickname" in roles else None,
                group_nickname=by_column.get(roles["group_nickname"]) if "group_nickname" in roles else None,
                moved_from=moved_from,
            )
        )
    return applications
