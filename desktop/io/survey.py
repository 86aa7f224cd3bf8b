"""Entry applications from survey-tool exports (问卷星, 腾讯问卷, 金数据, 麦客, 腾讯文档收集表, 飞书问卷 …)
read by desktop/io/tabular.py.

For the "import applications" service. No Qt, no database.

Decisions:
- Every column that is not a survey tool's own (序号, 编号, 提交时间, 修改时间, 提交人/提交者/填写人 — the
  account that filled in the form, never the applicant's name —, 填写设备, IP, 地理位置, 来源, 微信OpenID,
  微信头像 … see tabular.SURVEY_META_HEADERS) is a question, numbered ("1、您的姓名", "Q1. …", "第1题 …")
  or not ("您的姓名", "手机号码"). The one exception is 金数据's 微信昵称 column (the respondent's
  WeChat-authorised nickname): it becomes the nickname.
- submitted_at is 提交答卷时间, else 结束答题时间, else 提交时间, else 开始答题时间 (修改时间 is ignored).
- name / wechat_id / phone / purpose come from the first question whose text has the keywords:
  phone 手机/电话; WeChat ID 微信号/微信ID/wechat, or 微信 without 昵称/名/群/头像/OpenID …;
  purpose (为什么/目的/原因/期待/希望/动机) together with (加入/入群/进群/加群/本群/社群);
  name 姓名/名字/称呼 (not a WeChat question). A question about someone else (紧急联系人电话, 推荐人姓名)
  is an answer, never the applicant's field. Each question feeds at most one of them.
- A table with no name, WeChat ID or phone question is refused, naming what was looked for.
- Answers are keyed by the question as written in the header (full-width ？ kept) without its number
  and without a type tag ("[多选题]"); values are the text as written (NFC, stripped); multi-choice
  answers keep their separators ('┋', '、', ',' or line breaks); (跳过) and (空) mean no answer (None).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from desktop.io.fields import ImportProblem, clean_text, norm_key, parse_datetime, parse_phone
from desktop.io.tabular import SURVEY_META_HEADERS, Table

__all__ = [
    "Application",
    "SurveyAnswer",
    "SurveyLayout",
    "is_survey",
    "question_label",
    "question_stem",
    "read_applications",
    "survey_layout",
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
    nickname: str | None = None  # 金数据's 微信昵称


@dataclass(frozen=True)
class SurveyLayout:
    """Which column is what in a survey export."""

    time_column: int | None
    roles: dict[str, int]  # name / wechat_id / phone / purpose / nickname -> column
    questions: list[tuple[int, str]]  # (column, question as written) of every question
    meta: list[int]  # the tool's own columns (neither person field nor answer)


_TIME_COLUMNS = tuple(norm_key(h) for h in ("提交答卷时间", "结束答题时间", "提交时间", "开始答题时间"))
_NICKNAME_META = norm_key("微信昵称")
_NUMBERED = re.compile(
    r"^\s*(?:Q|第)?\s*(?P<number>[0-9０-９]{1,3})\s*题?\s*(?:[、.．:：)）\]]\s*|\s+)(?P<stem>\S.*)$", re.IGNORECASE
)
_TYPE_SUFFIX = re.compile(r"\s*[\[【(（]\s*[^\[\]【】()（）]*题\s*[\]】)）]\s*$")
_NO_ANSWER = frozenset({"(跳过)", "(空)"})

_PURPOSE_WHY = ("为什么", "目的", "原因", "期待", "希望", "动机", "初衷")
_PURPOSE_JOIN = ("加入", "入群", "进群", "加群", "本群", "社群")
_SOMEONE_ELSE = ("紧急", "家属", "家长", "父母", "亲属", "监护", "配偶", "推荐人", "介绍人", "邀请人", "他人", "朋友")
_NOT_WECHAT_ID = ("昵称", "名", "群", "头像", "openid", "unionid", "性别", "国家", "省", "市", "地区")


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


def _role(stem: str) -> str | None:
    low = stem.casefold()
    if any(word in stem for word in _SOMEONE_ELSE):
        return None
    if "手机" in stem or "电话" in stem:
        return "phone"
    if "微信号" in stem or "微信id" in low or "wechat" in low or "wxid" in low:
        return "wechat_id"
    if "微信" in stem and not any(word in low for word in _NOT_WECHAT_ID):
        return "wechat_id"
    if any(w in stem for w in _PURPOSE_WHY) and any(w in stem for w in _PURPOSE_JOIN):
        return "purpose"
    if any(word in stem for word in ("姓名", "名字", "称呼")) and "微信" not in stem:
        return "name"
    return None


def survey_layout(table: Table) -> SurveyLayout:
    keys = [norm_key(h) if h else "" for h in table.headers]
    time_column = None
    for wanted in _TIME_COLUMNS:
        if wanted in keys:
            time_column = keys.index(wanted)
            break
    titles = list(table.titles) + [""] * (len(table.headers) - len(table.titles))
    roles: dict[str, int] = {}
    questions: list[tuple[int, str]] = []
    meta: list[int] = []
    for index, header in enumerate(table.headers):
        key = keys[index]
        if not header:
            continue
        if key == _NICKNAME_META:
            roles.setdefault("nickname", index)
            meta.append(index)
            continue
        if key in SURVEY_META_HEADERS:
            meta.append(index)
            continue
        stem = question_stem(header) or header
        questions.append((index, question_label(titles[index] or header)))
        role = _role(unicodedata.normalize("NFKC", stem))
        if role and role not in roles:
            roles[role] = index
    return SurveyLayout(time_column, roles, questions, meta)


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

    applications = []
    for row_no, values in table.rows:
        submitted_at = None
        if time_col is not None:
            try:
                submitted_at = parse_datetime(
                    values[time_col], file=table.file, row=row_no, column=table.headers[time_col]
                )
            except ImportProblem as problem:
                report(problem)
        answers = [SurveyAnswer(label, _answer(values[index])) for index, label in layout.questions]
        by_column = {index: answer.answer for (index, _), answer in zip(layout.questions, answers, strict=True)}
        phone = None
        if "phone" in roles and by_column[roles["phone"]] is not None:
            column = roles["phone"]
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
                nickname=_answer(values[roles["nickname"]]) if "nickname" in roles else None,
            )
        )
    return applications
