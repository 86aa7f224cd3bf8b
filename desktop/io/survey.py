"""Entry applications from survey-tool exports (问卷星, 腾讯问卷) read by desktop/io/tabular.py.

For the "import applications" service. No Qt, no database.

Decisions:
- A table is a survey export when it has a submission-time column (提交答卷时间, 结束答题时间,
  开始答题时间, 提交时间) and at least one numbered question column ("1、您的姓名:",
  "1.您的姓名", "1 您的姓名", "Q1. …", "第1题 …", optionally with a "[单选题]" suffix).
  Only numbered columns are questions; 序号, 来源, 来自IP and the like are left out.
- submitted_at is 提交答卷时间, else 结束答题时间, else 提交时间, else 开始答题时间.
- name / wechat_id / phone / purpose come from the first question whose stem has the keywords:
  phone 手机/电话; WeChat ID 微信号/微信ID/wechat, or 微信 without 昵称/名/群;
  purpose (为什么/目的/原因/期待/希望/动机) together with (加入/入群/进群/加群/本群/社群);
  name 姓名/名字/称呼 (not a WeChat question). Each question feeds at most one of them.
- Answers: text as written (NFC, stripped); multi-choice answers keep their '┋' separators;
  (跳过) and (空) mean no answer (None).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from desktop.io.fields import ImportProblem, clean_text, norm_key, parse_datetime, parse_phone
from desktop.io.tabular import Table

__all__ = ["Application", "SurveyAnswer", "is_survey", "question_stem", "read_applications"]


@dataclass(frozen=True)
class SurveyAnswer:
    question: str  # the cleaned stem: no number prefix, no [..题] suffix
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


_TIME_COLUMNS = tuple(norm_key(h) for h in ("提交答卷时间", "结束答题时间", "提交时间", "开始答题时间"))
_NUMBERED = re.compile(
    r"^\s*(?:Q|第)?\s*(?P<number>[0-9]{1,3})\s*题?\s*(?:[、.:)\]]\s*|\s+)(?P<stem>\S.*)$", re.IGNORECASE
)
_TYPE_SUFFIX = re.compile(r"\s*[\[【(]\s*[^\[\]【】()]*题\s*[\]】)]\s*$")
_NO_ANSWER = frozenset({"(跳过)", "(空)"})

_PURPOSE_WHY = ("为什么", "目的", "原因", "期待", "希望", "动机", "初衷")
_PURPOSE_JOIN = ("加入", "入群", "进群", "加群", "本群", "社群")


def question_stem(header: str) -> str | None:
    """The question text of a numbered survey column, or None when the header is not a question."""
    text = unicodedata.normalize("NFKC", header).strip()
    match = _NUMBERED.match(text)
    if not match:
        return None
    stem = match.group("stem")
    previous = None
    while previous != stem:
        previous = stem
        stem = _TYPE_SUFFIX.sub("", stem).strip().rstrip(":*").strip()
    return stem or None


def _questions(table: Table) -> list[tuple[int, str]]:
    out = []
    for index, header in enumerate(table.headers):
        stem = question_stem(header) if header else None
        if stem:
            out.append((index, stem))
    return out


def _time_column(table: Table) -> int | None:
    keys = [norm_key(h) for h in table.headers]
    for wanted in _TIME_COLUMNS:
        if wanted in keys:
            return keys.index(wanted)
    return None


def is_survey(table: Table) -> bool:
    """True for a 问卷星 / 腾讯问卷 style export (a submission time and numbered questions)."""
    return _time_column(table) is not None and bool(_questions(table))


def _role(stem: str) -> str | None:
    low = stem.casefold()
    if "手机" in stem or "电话" in stem:
        return "phone"
    if "微信号" in stem or "微信id" in low or "wechat" in low or "wxid" in low:
        return "wechat_id"
    if "微信" in stem and not any(word in stem for word in ("昵称", "名", "群")):
        return "wechat_id"
    if any(w in stem for w in _PURPOSE_WHY) and any(w in stem for w in _PURPOSE_JOIN):
        return "purpose"
    if any(word in stem for word in ("姓名", "名字", "称呼")) and "微信" not in stem:
        return "name"
    return None


def _answer(value: object) -> str | None:
    text = clean_text(value)
    if text is None or unicodedata.normalize("NFKC", text) in _NO_ANSWER:
        return None
    return text


def read_applications(table: Table, *, problems: list[ImportProblem] | None = None) -> list[Application]:
    """One Application per data row.

    A bad submission time or phone raises ImportProblem; when ``problems`` is given, problems are
    appended to it instead (that value becomes None) so a preview can list every row at once."""
    if not is_survey(table):
        raise ImportProblem(
            table.file,
            table.header_row,
            None,
            "这不像问卷星或腾讯问卷导出的表格：需要“提交答卷时间”一类的列和编号的题目列（如“1、您的姓名”）",
        )
    questions = _questions(table)
    time_col = _time_column(table)
    roles: dict[str, int] = {}
    for index, stem in questions:
        role = _role(stem)
        if role and role not in roles:
            roles[role] = index

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
        answers = [SurveyAnswer(stem, _answer(values[index])) for index, stem in questions]
        by_column = {index: answer.answer for (index, _), answer in zip(questions, answers, strict=True)}
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
            )
        )
    return applications
