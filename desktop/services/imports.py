"""Roster and application imports (PRODUCT §3.6, §4): plan every row of a read table (add / update /
unchanged / problem), then apply the whole plan in one transaction. Used by `qundesk import …` and the
Import dialog (ui/dialogs/import_dialog.py); no Qt here.

Flow: `read_table` (desktop/io/tabular.py) -> `plan_roster_import` / `plan_applications_import` ->
`apply_import`. `run_import` does all three for a file and a group name, creating a missing group in
the same transaction.

Decisions (what a user sees follows from these):
- Matching a row to a person: WeChat ID first, then phone (both across the whole workspace, so a person
  already in another group gets a membership here rather than a duplicate), then the display name among
  the memberships of the group (any status). A name match is only taken when the candidate's WeChat ID
  and phone do not contradict the row's; two or more candidates is a problem (ambiguous). A row whose
  WeChat ID points at one person and phone at another is a problem — unless the file moves the phone: every
  member holding it has a row of the file (found by WeChat ID, not left out) giving them another number (phones
  put right after a swapped import, a number passed on); then it becomes the row's person's, with a warning
  (phone_moved), and a new person taking it is told the same instead of "a family sharing it" (_file_phones). A new person whose name a paste would read
  as a member of the group (王芳🌸, 北京-王芳, 張偉 for 张伟, 汪芳 for 王芳) or as someone deleted from it is added
  with a warning naming them (lookalike_added): never a second 王芳 without a word. So is a row with only a name (no
  WeChat ID, phone or QQ number) that is exactly the name of a person of another group (一期's 李娜 on 二期's roster):
  added as another person, the warning naming that group and their WeChat ID. A phone match alone never renames
  anyone: when the row's name is not one the phone's owner is known by (display name, nickname, a group
  nickname, a name from a chat export), the row is a problem naming that member — a family phone or a
  typo, never a silent merge. WeChat IDs and names compare after NFKC and case folding, without invisible
  format characters; phones in their canonical form. A WeChat ID or phone cell that says none was given (同手机号,
  同上, 无, 保密, n/a — fields.no_value_answer; for a WeChat ID any text without a Latin letter or digit) is no value
  and matches no one, with a warning (wechat_not_an_id, phone_none_given): two applicants who both wrote 同手机号
  are two people. A mainland mobile in a WeChat ID cell (13800138000 as the 微信号) is the row's phone, never a
  WeChat ID (those start with a letter); a different phone on the row is a problem (phone_in_wechat_column).
- QQ numbers (a QQ / QQ号 column, fields.py): Member.qq, an identity like the WeChat ID — for QQ groups, whose
  chat exports name senders by QQ number (chat_import matches them). Decision: kept as that field, never in
  the note and never dropped; an invalid one is a problem. A row that matches nobody by WeChat ID, phone or
  name is the member holding its QQ number — on record, or shown for them by a chat export of the group
  (chat_alias) — unless that member's WeChat ID or phone contradicts the row;
  a row matched to one member with another's QQ number, or to a member who has a different QQ number, is a
  problem (qq_of_another_person / qq_differs): a QQ number is set when empty, never overwritten. A number in
  a "QQ/微信" column mapped as the WeChat ID is the QQ number (a WeChat ID starts with a letter). Survey
  (applications) QQ answers stay on the note.
- Never blank: an empty cell never changes a value. Tags merge (never removed). A note from the file
  replaces the free-text part of the note; survey lines ("问卷: Q: A") already there are kept.
- Inside one file, the later of two rows with the same WeChat ID or phone, or two rows that resolve to the
  same person, is a problem naming both rows; so is a row that has neither WeChat ID nor phone and the
  same name as another row (the next import could not tell them apart).
- Status: a status column (已入群/申请中/入群中/已退群/已移除/黑名单, or the English labels) sets it.
  Roster import without a status: new memberships are 已入群 (active); 申请中/入群中 people in the file
  become 已入群; people who left, were removed or blacklisted keep that status (the file may be old).
  A status change moves the leaving date with it (roster.left_fields, as the member dialog): out since the
  import (never before the join), back in without a leaving date or reason; a running leave (请假) of someone the
  file takes out ends the day before (roster.end_leaves_many, as "mark left"). A 退群时间 column (left_at) says
  when: a row with one and no status has left (group-tool exports fill it for leavers only), a row with one
  whose status is in the group is a problem, one before the join date is a problem (never clamped). A new
  membership that is out without a leaving date leaves "now", as one without a join date joins now — with a
  warning (left_date_unknown): this month's leavers count it. A 变动日期 column (status_date, 成员变动 sheets) is
  the day of the row's status: the leaving date of one who is out, the join date of one who is in (when no
  join date is given and none is known), the application date of an applicant. An assistant's import may not
  set 已退群/已移除/黑名单 nor lift a blacklist (the row is a problem, status_not_allowed).
  Applications import makes new memberships 申请中 and never changes an existing status.
- Applications: the "why do you join" answer fills Membership.purpose and records the 进群目的问答
  entry step with that answer, without moving the applicant to 入群中 (admitting is the organiser's
  decision; the next recorded step moves them on). The submission time becomes applied_at (only when
  applied_at is empty). Every other answer is kept on the person's note as one line "问卷: 问题: 回答"
  (an answer's line breaks become " / "); a new answer to the same question replaces its line.
  Questions about gender, city or occupation also fill those fields when empty in the file otherwise.
- Dates: a date without a time (or exactly 00:00) is the organiser's local calendar day, stored like the
  member dialog stores it (local noon); a date with a time is local time, stored as it is.
  A join date in the future is a problem. Active memberships without a join date join "now". A date cell that says
  there is none (-, --, /, 无, 不详, n/a: fields.no_date_given) is no date, as an empty cell — for a join date (the
  new member then joins now) or a status date with a warning on the row (date_none_given); a 退群时间 of "-" is
  everyone still in, said for nobody. 同上 is still no date QunDesk reads (a problem).
- Text keeps what people typed (NFC; emoji and full-width characters as written), except WeChat IDs
  (NFKC: ｘｉａｏｍｉｎｇ is xiaoming) and control characters (dropped; PostgreSQL refuses NUL).
  One-line fields turn tabs and line breaks into spaces. Values longer than their column are problems.
- A group nickname comes from a 群昵称/群名片 column (fields.py maps those to nickname; the automatic
  mapping here moves them to group_nickname).
- Writes: bulk Core statements (executemany with RETURNING), one audit row per person added or updated
  ('member.add' / 'member.update') and one 'import.roster' / 'import.applications' row with the counts.
  A plan where nothing changes writes nothing at all, not even an audit row.
- Remembered mappings: a mapping the user corrected is stored as WorkspaceSetting
  `import_mapping:<sha1 of the cleaned headers>`; plan_roster_import uses it for a file with the same
  header layout when no mapping is given.
"""

from __future__ import annotations

import hashlib
import json
import re
import time as _time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, case, insert, select, union, update
from sqlalchemy.orm import Session

from desktop.errors import QunDeskError, ValidationError
from desktop.io.fields import (
    CellError,
    ImportProblem,
    clean_header,
    clean_text,
    digit_date_evidence,
    drop_format_chars,
    header_field,
    is_weak_contact_header,
    join_name,
    looks_like_phone,
    map_headers,
    masked_phone,
    mixed_contact,
    name_parts,
    no_date_given,
    no_value_answer,
    norm_key,
    parse_bool,
    parse_datetime,
    parse_gender,
    parse_phone,
    zone_moved_day,
    zone_moved_note,
    zone_offset,
)
from desktop.io.group_column import GroupColumn, SeveralGroups, group_key, one_group, read_group_column
from desktop.io.tabular import MATERIALIZE_ROWS, ProgressLike, Table, other_sheets_note
from desktop.phones import drop_id_numbers, mask_phone, mask_phones_in
from desktop.phrases import default_name
from desktop.services import import_undo
from desktop.services.onboarding import (
    Blacklisting,
    admit_completed,
    blacklistings,
    deleted_blacklisted_as,
    deleted_blacklistings,
)
from desktop.services.operators import Actor, allowed, require
from desktop.services.roster import end_leaves_many, joined_not_after_participation, left_fields, normalise_phone
from desktop.tags import split_tags
from desktop.team_roles import members_by_phone, phones_masked
from models import (
    AuditEntry,
    ChatAlias,
    EntryStep,
    Group,
    Member,
    Membership,
    StepProgress,
    Tag,
    Tier,
    WorkspaceSetting,
    bulk,
    clock,
    limits,
    member_tag,
    utcnow,
)
from models.base import ENDED_STATUSES
from models.search_keys import search_columns
from models.tier_history import note_tier_writes

__all__ = [
    "FIELD_LABELS",
    "IMPORT_FIELDS",
    "Change",
    "ImportFailed",
    "ImportPlan",
    "ImportSummary",
    "PlannedRow",
    "apply_import",
    "auto_mapping",
    "describe_row",
    "mapping_key",
    "merge_note",
    "plan_applications_import",
    "plan_roster_import",
    "remember_mapping",
    "remembered_mapping",
    "run_import",
    "unmapped_columns",
    "suggest_mapping",
]

KINDS = ("roster", "applications")
ACTIONS = ("add", "update", "unchanged", "problem")

# Fields a roster column can be mapped to, in the order the dialog offers them.
IMPORT_FIELDS: tuple[str, ...] = (
    "name",
    "nickname",
    "group_nickname",
    "wechat_id",
    "wxid",
    "qq",
    "phone",
    "gender",
    "city",
    "occupation",
    "tags",
    "note",
    "joined_at",
    "left_at",
    "status",
    "order_status",
    "status_date",
    "tier",
    "referrer",
    "purpose",
    "real_name_verified",
)

FIELD_LABELS: dict[str, str] = {
    "name": "姓名 (name)",
    "nickname": "昵称 (nickname)",
    "group_nickname": "群昵称 (group nickname)",
    "wechat_id": "微信号 (WeChat ID)",
    "wxid": "微信ID (wxid, when 微信号 is empty)",
    "qq": "QQ号 (QQ number)",
    "phone": "手机 (phone)",
    "gender": "性别 (gender)",
    "city": "城市 (city)",
    "occupation": "职业 (occupation)",
    "tags": "标签 (tags)",
    "note": "备注 (note)",
    "joined_at": "入群时间 (joined)",
    "left_at": "退群时间 (left)",
    "status_date": "变动日期 (date of the status)",
    "status": "状态 (status)",
    "order_status": "订单/报名状态 (order or sign-up status)",
    "tier": "层级 (tier)",
    "referrer": "推荐人 (referrer)",
    "purpose": "进群目的 (purpose)",
    "real_name_verified": "实名认证 (verified)",
    "applied_at": "申请时间 (applied)",
    "purpose_step": "进群目的问答 (purpose step)",
    "fee_paid": "已缴门槛费 (entry fee paid)",
    "group": "社群 (group)",
}


def _english_label(name: str) -> str:
    """The English half of a field's label ("群昵称 (group nickname)" -> "group nickname")."""
    return FIELD_LABELS.get(name, name).partition(" (")[2].rstrip(")") or name


# column widths of the model (characters); longer values are problems, not database errors
_MAX_LENGTH = {
    "name": 100,
    "nickname": 100,
    "group_nickname": 100,
    "wechat_id": 100,
    "phone": 30,
    "city": 50,
    "occupation": 100,
    "tag": 50,
}

STATUS_WORDS: dict[str, tuple[str, ...]] = {
    # 正常 / 在读: a course platform's or 知识星球's member in good standing; 已过期 / 已退出 / 已退学: a paid membership
    # that ran out or was left (小鹅通, 知识星球, 千聊 member lists) — out of the community
    "active": ("已入群", "入群", "在群", "正式成员", "成员", "active", "member", "joined", "正常", "在读"),
    "applicant": ("申请中", "申请", "待审核", "applicant", "applied", "pending"),
    "onboarding": ("入群中", "新人", "onboarding"),
    "left": (
        "已退群",
        "退群",
        "已离开",
        "离开",
        "left",
        "quit",
        "exited",
        "left group",
        "已过期",
        "过期",
        "已到期",
        "到期",
        "expired",
        "已退出",
        "退出",
        "已退学",
        "退学",
    ),  # fmt: skip
    "removed": ("已移除", "移除", "已踢出", "踢出", "removed", "kicked", "kicked out"),
    "blacklisted": ("黑名单", "拉黑", "已拉黑", "blacklisted", "blacklist", "banned", "blocked"),
}
_STATUS_BY_KEY = {norm_key(word): code for code, words in STATUS_WORDS.items() for word in (code, *words)}
STATUS_NAMES = {"applicant": "申请中", "onboarding": "入群中", "active": "已入群", "left": "已退群"} | {
    "removed": "已移除",
    "blacklisted": "黑名单",
}
_GONE = ENDED_STATUSES

# An order's or a sign-up's state (订单状态, 审核状态, Attendee Status, approval_status …; fields.FIELDS "order_status"):
# a paid, approved or attending row is a person to import; a refunded, cancelled, unpaid, declined or waiting one
# is not — it is skipped and listed with its state, never made a member silently (nor taken out of the group: an
# existing member's refund is the organiser's decision). A state in neither list is a problem naming the cell.
ORDER_IN_WORDS = (
    "交易成功", "交易完成", "已完成", "完成", "已支付", "已付款", "支付成功", "付款成功", "已成交", "待发货", "已发货",
    "待收货", "已收货", "已签收", "待评价", "已评价", "已通过", "审核通过", "通过", "报名成功", "已报名", "已签到",
    "未签到", "待签到", "已核销", "未核销", "待核销", "待使用", "已使用", "正常", "有效", "部分退款", "退款关闭",
    "无售后", "无退款", "售后关闭", "无维权", "维权关闭", "维权结束", "无", "none", "attending", "checked in", "not checked in", "completed", "complete", "paid",
    "approved", "going", "confirmed", "registered", "accepted", "fulfilled", "success", "succeeded",
    "partially refunded", "eventbrite completed", "yes",
)  # fmt: skip
ORDER_OUT_WORDS = (
    "已退款", "退款成功", "退款完成", "全额退款", "已全额退款", "退款中", "退款申请中", "申请退款", "待退款", "已关闭",
    "交易关闭", "订单关闭", "已取消", "取消", "已作废", "作废", "待付款", "待支付", "未支付", "未付款", "等待买家付款",
    "支付失败", "已拒绝", "拒绝", "审核不通过", "未通过", "审核未通过", "不通过", "待审核", "审核中", "已过期", "过期",
    "已失效", "售后中", "维权中", "refunded", "refund", "cancelled", "canceled", "declined", "rejected", "not attending", "not going",
    "waitlist", "waitlisted", "pending", "pending approval", "invited", "unpaid", "failed", "expired", "deleted",
    "transferred", "voided", "no", "maybe",
)  # fmt: skip
_ORDER_BY_KEY = {norm_key(w): "in" for w in ORDER_IN_WORDS} | {norm_key(w): "out" for w in ORDER_OUT_WORDS}
# waiting to be approved or to pay: no member yet (a roster skips them), but exactly an applicant (applications)
ORDER_WAITING_WORDS = (
    "待付款", "待支付", "未支付", "未付款", "等待买家付款", "待审核", "审核中", "waitlist", "waitlisted", "pending",
    "pending approval", "invited", "unpaid", "maybe",
)  # fmt: skip
_ORDER_WAITING = frozenset(norm_key(w) for w in ORDER_WAITING_WORDS)


# An applications export's amount paid (问卷星's 支付金额 beside 支付状态, 小鹅通's 实付金额 …): with the row paid, it is
# the group's 缴纳门槛费 step done with that amount. Amounts due, discounts and refunds (应付金额, 优惠金额, 退款金额) are
# not what was paid, and stay answers on the note as any question.
_PAID_AMOUNT_HEADERS = frozenset(
    norm_key(h)
    for h in (
        "支付金额", "实付金额", "付款金额", "实付款", "实收金额", "订单金额", "交易金额", "报名费", "报名费用", "门槛费",
        "amount paid", "paid amount", "payment amount", "total paid",
    )
)  # fmt: skip
_AMOUNT_UNIT = re.compile(r"[（(]\s*(?:元|人民币|rmb|cny|¥|￥)\s*[)）]", re.IGNORECASE)
_AMOUNT_TEXT = re.compile(r"(?:[¥￥]|rmb|cny)?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?\s*元?", re.IGNORECASE)


_REFUNDED_AMOUNT_HEADERS = frozenset(
    norm_key(h)
    for h in ("退款金额", "已退款金额", "已退金额", "退款", "refund amount", "refunded amount", "amount refunded")
)


def refunded_amount_column(header: str) -> bool:
    """True when an export's column is the amount refunded of the order (退款金额: a 部分退款 row keeps the rest)."""
    return norm_key(_AMOUNT_UNIT.sub("", unicodedata.normalize("NFKC", header or ""))) in _REFUNDED_AMOUNT_HEADERS


def paid_amount_column(header: str) -> bool:
    """True when an applications export's column is the amount paid (支付金额, 实付金额(元), Amount Paid)."""
    return norm_key(_AMOUNT_UNIT.sub("", unicodedata.normalize("NFKC", header or ""))) in _PAID_AMOUNT_HEADERS


def amount_cents(text: str | None) -> int | None:
    """An amount as an export writes it (199, 199.00, ¥199, 1,299.5, 199元) in cents; None when it is none."""
    m = _AMOUNT_TEXT.fullmatch(unicodedata.normalize("NFKC", text or "").strip())
    if m is None:
        return None
    cents = (m.group(2) or ".")[1:].ljust(2, "0")
    return int(m.group(1).replace(",", "")) * 100 + int(cents)


def order_waiting(text: str | None) -> bool:
    """An order/sign-up state that waits for approval or payment (待审核, 待付款, waitlist): an applicant."""
    return bool(text) and (norm_key(text) in _ORDER_WAITING or norm_key(_REMARK.sub("", text or "")) in _ORDER_WAITING)


def order_outcome(text: str | None) -> str | None:
    """ "in" (a paid, approved or attending row), "out" (refunded, cancelled, unpaid, declined, waiting) or None
    (not an order state QunDesk knows) for a cell of an order/sign-up status column; a remark in brackets is
    ignored (已退款（部分商品）is 已退款)."""
    if not text:
        return None
    return _ORDER_BY_KEY.get(norm_key(text)) or _ORDER_BY_KEY.get(norm_key(_REMARK.sub("", text)))


_GENDER_UNKNOWN = frozenset(norm_key(w) for w in ("保密", "未知", "不详", "不限", "unknown", "secret", "-", "/", "无"))
_GENDER_OTHER = frozenset(norm_key(w) for w in ("其他", "其它", "other"))

SURVEY_PREFIX = "问卷: "
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[\t\n]+")
_SURVEY_FIELDS = ("gender", "city", "occupation")  # filled from a survey question that names them

MAPPING_SETTING_PREFIX = "import_mapping:"
_CHUNK = 500  # ids per IN (...) query
BATCH_ROWS = 5000  # rows planned (and, when importing, written) at a time: memory does not grow with the file
KEPT_ROWS = 2000  # planned rows kept in a plan for display besides those with problems or warnings
KEPT_NOTES = 5000  # rows with problems or warnings kept in a plan (the counts are exact)
MAX_EXAMPLES_LISTED = 1000
MAPPING_SAMPLE_ROWS = 50  # data rows the automatic mapping looks at (a 联系方式 column of phones or WeChat IDs)  # template example rows listed in plan.skipped
PROGRESS_TOTAL = 1000  # run_import reports progress in thousandths: read 40%, plan 30%, write 30%


# ---------------------------------------------------------------------------------------------------
# Plan, rows and summary
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One field a row adds or changes; values shown as text (None = empty)."""

    field: str
    before: str | None
    after: str | None

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)

    def __str__(self) -> str:
        if self.before is None:
            return f"{self.label}: {self.after}"
        return f"{self.label}: {self.before} → {self.after}"


@dataclass
class _Ops:
    """What apply_import writes for one row (internal; filled while planning)."""

    member_id: int | None  # None: a new person
    member_set: dict[str, Any]  # member columns to write (all of them for a new person)
    tags_add: tuple[str, ...]
    membership_id: int | None  # None: a new membership in the group
    ms_set: dict[str, Any]  # membership columns to write (without referrer_id)
    referrer: tuple[str, int] | None = None  # ("m", member id) or ("r", row of a new person in this file)
    step_answer: str | None = None  # 进群目的问答 answer to record
    step_exists: bool = False  # the step is already recorded: update its answer
    step_done_at: datetime | None = None
    fee_cents: int | None = None  # applications: the amount paid to record on the payment step (缴纳门槛费)
    fee_exists: bool = False  # the payment step is already recorded: update its amount
    fee_done_at: datetime | None = None


@dataclass(frozen=True)
class ImportWarning:
    """Something the preview shows that does not block the import (an inviter who is not in the file)."""

    file: str
    row: int | None
    column: str | None
    message: str
    code: str
    value: str | None = None
    candidate_rows: tuple[int, ...] = ()

    def __str__(self) -> str:
        where = f"第{self.row}行 " if self.row is not None else ""
        column = f"{self.column} 列: " if self.column else ""
        return f"{self.file} {where}{column}{self.message}"


@dataclass(frozen=True)
class PlannedRow:
    row: int  # the sheet's row number as Excel shows it
    action: str  # "add" | "update" | "unchanged" | "problem"
    name: str  # the person's display name (from the file, else as stored)
    changes: tuple[Change, ...] = ()
    problems: tuple[ImportProblem, ...] = ()
    ops: _Ops | None = field(default=None, compare=False, repr=False)
    warnings: tuple[ImportWarning, ...] = ()
    rows: tuple[int, ...] = ()  # applications: every row of this applicant (resubmissions), oldest first
    history: tuple[dict[str, Any], ...] = field(default=(), compare=False, repr=False)  # earlier submissions


@dataclass(frozen=True)
class ImportPlan:
    file: str
    kind: str  # "roster" | "applications"
    group_id: int | None  # None: the group does not exist yet (everyone is added)
    headers: tuple[str, ...]
    mapping: dict[int, str]  # column index -> field (roster); the detected question roles (applications)
    rows: tuple[PlannedRow, ...]
    file_problems: tuple[ImportProblem, ...] = ()
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problem: int = 0  # rows with problems
    complete: bool = True  # rows holds every planned row (a big file keeps a sample and every noted row)
    warning_count: int = 0  # rows with warnings
    problem_count: int = 0  # problems in all (plan.problems may list fewer for a huge file)
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    skipped: tuple[Any, ...] = ()  # tabular.Skipped: title rows above the header, footers below the data
    # the rows left out as nobody to import, by reason (example, order, repeat_order, other_group, staff), counted in
    # full: `skipped` lists the first MAX_EXAMPLES_LISTED of them (企业微信's export of 20 groups: 9,000 others' rows)
    left_out: tuple[tuple[str, int], ...] = ()

    def left_out_count(self, *reasons: str) -> int:
        """How many rows were left out for these reasons (every one, not only those listed in `skipped`)."""
        counted = dict(self.left_out)
        return sum(counted.get(r, sum(1 for k in self.skipped if k.reason == r)) for r in reasons)

    fills: tuple[Any, ...] = ()  # tabular.MergedFill: data cells filled from a merged range
    fill_count: int = 0
    name_from: tuple[str, ...] = ()  # no name column: the fields the name is taken from, in order
    other_sheets: tuple[str, ...] = ()  # the workbook's other member tables, not read (run_import without a sheet)
    hidden_columns: tuple[str, ...] = ()  # columns hidden in the sheet that are imported (a hidden 手机): said
    # the file is the roster of another group of the workspace (its group column names one other group, 一期's
    # export imported into 二期): its join and leaving dates are not read, new members join on the import day
    other_roster: str | None = None
    # the group's members (not former ones) no row of a roster named: left as they are, an import never removes
    # anyone — a row deleted in Excel was read back with nothing said (the owner thought she was gone). The first
    # names, by name, and how many in all
    not_in_file: tuple[str, ...] = ()
    not_in_file_count: int = 0

    @property
    def not_in_file_note(self) -> str:
        """What to tell the user of the group's members the file does not name ("" when it names all of them)."""
        if not self.not_in_file_count:
            return ""
        n = self.not_in_file_count
        names = "、".join(self.not_in_file) + ("…" if n > len(self.not_in_file) else "")
        return (
            f"本群另有 {n} 位成员不在文件里, 保持不变 (导入不会移除成员; 退群请在名册里操作): {names}"
            f" ({n} member(s) of the group are not in the file: left as they are — an import never removes anyone)"
        )

    @property
    def other_roster_note(self) -> str:
        """What to tell the user of another group's roster ("" when the file is not one): the preview showed rows
        to add with no word that the file's 入群时间 was not what they would join on (docs/cli.md)."""
        if not self.other_roster:
            return ""
        g = self.other_roster
        return (
            f"这是「{g}」的名册: 文件里的入群和退群日期不读, 新成员以导入当天为入群日期, 已在本群的人只更新个人资料,"
            f" 「{g}」的退群者不导入 (the file is the roster of {g}, another group: its join and leaving dates are not"
            f" read, new members join on the day of the import, people already here get only their own details"
            f" updated, and {g}'s former members are not imported)"
        )

    @property
    def hidden_columns_note(self) -> str:
        """What to tell the user of imported columns the sheet hides ("" when none): they do not see them in Excel."""
        if not self.hidden_columns:
            return ""
        shown = "、".join(self.hidden_columns)
        return (
            f"隐藏的列 {shown} 也会导入；若不该导入，请在映射步骤里改为不导入"
            f" (hidden columns of the sheet are imported too: {', '.join(self.hidden_columns)}; set them to"
            " not imported in the mapping step if they should not be)"
        )

    @property
    def other_sheets_note(self) -> str:
        """What to tell the user of the member sheets not read ("" when none)."""
        return other_sheets_note(self.other_sheets, self.sheet, "成员表", "member tables")

    problem_rows: frozenset[int] = field(default=frozenset(), compare=False, repr=False)  # every row with a problem
    # applications: the question columns whose answers are kept on the note (the mapping step shows them so, never as
    # "not imported"); the tool's own columns (序号, 来自IP) are in neither this nor mapping
    answer_columns: tuple[int, ...] = ()

    @property
    def problems(self) -> list[ImportProblem]:
        """Every problem: the file's own first, then each row's in row order."""
        return [*self.file_problems, *(p for r in self.rows for p in r.problems)]

    @property
    def warnings(self) -> list[ImportWarning]:
        return [w for r in self.rows for w in r.warnings]

    @property
    def ok(self) -> bool:
        return not self.file_problems and self.problem == 0


@dataclass(frozen=True)
class ImportSummary:
    file: str
    kind: str
    group_id: int
    added: int
    updated: int
    unchanged: int
    seconds: float = 0.0
    skipped: int = 0  # rows with problems left out at the user's choice (skip_problems; the plan lists them)
    unlinked: int = 0  # rows imported without the referrer they named: that row was one of the skipped
    undo_id: int | None = None  # its record for `import_undo.undo_last_import` (None: it changed nothing)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


class ImportFailed(ImportProblem):
    """run_import refused a plan with problems: carries the plan; str() is the first problem."""

    def __init__(self, plan: ImportPlan):
        first = plan.problems[0]
        super().__init__(first.file, first.row, first.column, first.message, first.code, first.value)
        self.plan = plan
        self.problems = plan.problems

    def __reduce__(self):  # pickles as the plain first problem
        return (ImportProblem, (self.file, self.row, self.column, self.message, self.code, self.value))


def _make_plan(
    file: str,
    kind: str,
    group_id: int | None,
    headers: list[str],
    mapping: dict[int, str],
    rows: list[PlannedRow],
    file_problems: list[ImportProblem],
    table: Table | None = None,
    **extra: Any,
) -> ImportPlan:
    counts = {a: 0 for a in ACTIONS}
    for r in rows:
        counts[r.action] += 1
    notes: dict[str, Any] = {}
    if table is not None:
        notes = {
            "sheet": table.sheet,
            "sheets": table.sheets,
            "skipped": table.skipped,
            "fills": table.fills,
            "fill_count": table.fill_count,
            "other_sheets": tuple(table.also_sheets),
            "hidden_columns": tuple(
                table.headers[c] or f"#{c + 1}"
                for c in table.hidden_columns
                if c < len(table.headers) and mapping.get(c)
            ),
        }
    values: dict[str, Any] = {
        "added": counts["add"],
        "updated": counts["update"],
        "unchanged": counts["unchanged"],
        "problem": counts["problem"],
        "warning_count": sum(1 for r in rows if r.warnings),
        "problem_count": len(file_problems) + sum(len(r.problems) for r in rows),
    }
    values.update(notes)
    values.update(extra)
    return ImportPlan(
        file=file,
        kind=kind,
        group_id=group_id,
        headers=tuple(headers),
        mapping=dict(mapping),
        rows=tuple(rows),
        file_problems=tuple(file_problems),
        **values,
    )


# ---------------------------------------------------------------------------------------------------
# Cell parsing into records
# ---------------------------------------------------------------------------------------------------


@dataclass
class _Record:
    file: str
    row: int
    values: dict[str, Any] = field(default_factory=dict)  # parsed, non-empty values by field
    columns: dict[str, str] = field(default_factory=dict)  # field -> column header (for messages)
    problems: list[ImportProblem] = field(default_factory=list)
    survey: list[tuple[str, str]] = field(default_factory=list)  # (question, answer) kept on the note
    named_rows: set[int] = field(default_factory=set)  # other rows a duplicate problem already names
    warnings: list[ImportWarning] = field(default_factory=list)
    rows: tuple[int, ...] = ()
    history: tuple[dict[str, Any], ...] = ()
    submitted_at: datetime | None = None
    time_column: str | None = None  # applications: the submission time's column
    name_derived: bool = False  # the name is a group nickname / nickname (no name column): no identity claim
    example: bool = False  # an example row of a template (张三（示例）): skipped
    not_ordered: str | None = None  # the order/sign-up state of a refunded, cancelled, declined row: skipped
    other_group: str | None = None  # the row's 群名称 names another group than the one imported into: skipped
    # a member's row of another group's roster (_RowReader.former_of): its join and leaving dates are that group's —
    # dropped; a new membership here joins on the day of the import, as a copy to the group does
    of_other_group: bool = False
    staff: str | None = None  # 成员类型 企业成员: the organiser's colleague, listed with the customers: skipped
    masked_phone: str | None = None  # 138****1234 as written: no phone, but the same buyer's mark within one order list
    by_masked_phone: bool = False  # one of the group's namesakes told apart by the masked phone's visible digits

    def column(self, name: str) -> str | None:
        return self.columns.get(name)

    def problem(self, column: str | None, message: str, code: str | None = None, value: str | None = None) -> None:
        self.problems.append(ImportProblem(self.file, self.row, column, message, code, value))

    def warn(self, column: str | None, message: str, code: str, value: str | None = None, rows: tuple = ()) -> None:
        self.warnings.append(ImportWarning(self.file, self.row, column, message, code, value, tuple(rows)))

    def duplicate(self, other: int, column: str | None, message: str, code: str) -> None:
        if other not in self.named_rows:
            self.named_rows.add(other)
            self.problem(column, message, code)


def _text(value: object) -> str | None:
    if type(value) is str and value.isprintable() and unicodedata.is_normalized("NFC", value):
        return value.strip(" ") or None  # the common case, same result as below at a fraction of the cost
    text = clean_text(value)
    if text is None:
        return None
    text = _CONTROL.sub("", text).strip()
    return text or None


def _one_line(value: object) -> str | None:
    if type(value) is str and value.isprintable() and unicodedata.is_normalized("NFC", value):
        return value.strip(" ") or None  # printable: no tab or line break to fold (the common case)
    text = _text(value)
    if text is None:
        return None
    return _LINE_BREAKS.sub(" ", text).strip() or None


# a label written before the ID in the answer (微信号：jia_001, wx: yi_0002, WeChat ID: zhang_san): not part of it
_WECHAT_LABEL = re.compile(r"^(?:微信号|微信id|微信|wechat\s*id|wechat|weixin|wx|vx)\s*:\s*(?=\S)", re.IGNORECASE)
# a WeChat ID written with spaces in it (bing 003, "zhang_san 88"): WeChat IDs hold none
_SPACED_ID = re.compile(r"[A-Za-z0-9_-]+(?: +[A-Za-z0-9_-]+)+")


def _wechat(value: object) -> str | None:
    """A WeChat ID cell's ID: NFKC, stripped, without a leading apostrophe — Excel's "keep this as text" mark, which a
    CSV or text export and a cell typed into a text-formatted column keep ('wx_001): a WeChat ID never holds one
    (letters, digits, _ and -), and 'wx_001 stored as the ID would match nobody next time — and without a label
    written before it (微信号：jia_001 is jia_001 — stored with it, the ID was found by nobody searching WeChat and
    matched no one's)."""
    text = _one_line(value)
    if not text:
        return None
    text = _TEXT_MARK.sub("", unicodedata.normalize("NFKC", text)).strip()
    return _WECHAT_LABEL.sub("", text, count=1) or None


_TEXT_MARK = re.compile(r"^\s*'")


def _is_mobile(text: str | None) -> bool:
    """A mainland mobile number however written (+86 138 0013 8000): never a WeChat ID, which starts with a letter."""
    if not text:
        return False
    if text[0].isascii() and text[0].isalpha():  # zhang_san88, a WeChat ID as it should be: parse_phone refuses
        return False  # any letter left of the number (only a bracketed remark after it may hold letters)
    try:
        phone = parse_phone(text, file="", row=0, column="")
    except ImportProblem:
        return False
    return phone is not None and len(phone) == 11 and phone.isdigit() and phone[0] == "1"


def wechat_phone(parser: _Parser, rec: _Record, column: str, *, phone_column: bool) -> None:
    """A phone where the WeChat ID should be (a 联系方式 column mapped as the WeChat ID; a 微信号 answer of 13800138000,
    written by people found on WeChat by their phone — a WeChat ID starts with a letter): the row's phone when it has
    none or the same, else a problem (two phones for one person). Never stored as a WeChat ID, which would match no
    one and make the row's own phone "another person's"."""
    v = rec.values
    text = v.pop("wechat_id")
    phone = parser._parse(rec, "phone", column, text)
    if v.get("phone") in (None, phone):
        v["phone"] = phone
        if rec.columns.get("phone") is None or not phone_column:
            rec.columns["phone"] = column
        return
    rec.problem(
        column,
        f"{column} 列的 {text} 是手机号，不是微信号，而这一行已有手机号 {v['phone']}；请在映射步骤里调整"
        " (a phone in a column mapped as the WeChat ID, and the row has another phone)",
        "phone_in_wechat_column",
        text,
    )


def not_a_wechat_id(text: str) -> bool:
    """Whether a WeChat ID cell's text is no WeChat ID: words with no letter or digit of an ID (同手机号, 同上, 无, 没有,
    —, an emoji) or an English "none" (n/a, same as phone; fields.no_value_answer). A WeChat ID is letters, digits, _
    and -. Two applicants who both wrote 同手机号 are never one person by it."""
    return _ID_CHAR.search(text) is None or no_value_answer(text)


_ID_CHAR = re.compile(r"[0-9A-Za-z]")  # a letter or digit a WeChat ID can hold (ASCII only)


_QQ_MAIL = re.compile(r"(\d{5,12})@qq\.com", re.IGNORECASE)


def _qq(value: object, file: str, row: int, column: str) -> str | None:
    """A QQ number cell: 5-12 digits (a number cell as Excel keeps it, 283746503.0; spaces, a QQ mail address
    12345678@qq.com); anything else is a problem naming the cell — never a wrong number, never dropped."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer() and value < 1e12:
        value = int(value)
    text = _TEXT_MARK.sub("", drop_format_chars(unicodedata.normalize("NFKC", str(value)))).strip()  # '283746503
    if not text:
        return None
    compact = re.sub(r"(?<=\d)\.0+$", "", "".join(text.split()))  # 283746503.0: a number cell written out
    mail = _QQ_MAIL.fullmatch(compact)
    if mail:
        compact = mail.group(1)
    if compact.isascii() and compact.isdigit() and 5 <= len(compact) <= 12 and compact[0] != "0":
        return compact
    raise ImportProblem(file, row, column, f"「{text}」不是 QQ 号 (a QQ number is 5-12 digits)", "qq_invalid", text)


def _key(text: str | None) -> str:
    """Matching key for names and WeChat IDs: NFKC, case folded, inner whitespace and invisible format
    characters (zero-width, bidi marks) ignored."""
    if not text:
        return ""
    if text.isascii() and text.isprintable() and " " not in text:  # a WeChat ID (zhang_san88), a Latin name
        return text.lower()  # NFKC leaves printable ASCII as it is; it holds no whitespace or format character
    return _key_of(text)


@lru_cache(maxsize=65536)
def _key_of(text: str) -> str:
    return "".join(drop_format_chars(unicodedata.normalize("NFKC", text)).casefold().split())


def _local_stored(value: datetime) -> datetime:
    """A local date (midnight = no time given: stored as local noon) or a local date-time, stored as is
    (every stored datetime is local wall-clock time: docs/architecture.md, "Time")."""
    if value.time() == time(0):
        value = datetime.combine(value.date(), time(12, 0))
    return value


def _the_day_of(given: datetime | None, stored: datetime | None) -> bool:
    """`given` is a day without a time (stored as noon: _local_stored) and the day of `stored`."""
    return given is not None and stored is not None and given.time() == time(12, 0) and given.date() == stored.date()


def _show(value: object) -> str | None:
    if value is None or type(value) is str:
        return value  # type: ignore[return-value]
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        text = value.isoformat(" ")
        return text[:10] if value.hour == 12 and not (value.minute or value.second or value.microsecond) else text[:16]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        return "、".join(str(v) for v in value) or None
    return str(value)


_REMARK = re.compile(r"[(（][^()（）]*[)）]")
_PROVINCES = frozenset(
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾"
    " 内蒙古 广西 西藏 宁夏 新疆 香港 澳门".split()
)
_MUNICIPALITIES = frozenset("北京 上海 天津 重庆".split())


def region_city(text: str | None) -> str | None:
    """WeChat's region "省 市" as a city: "广东 深圳" -> 深圳, "北京 朝阳" -> 北京 (a municipality with its
    district); anything else (a single city, "美国 加利福尼亚") as written."""
    if not text:
        return text
    parts = text.replace("\u3000", " ").split()
    if len(parts) == 2:
        first = parts[0].removesuffix("省").removesuffix("市").removesuffix("自治区")
        if first in _MUNICIPALITIES:
            return first
        if first in _PROVINCES or parts[0].endswith(("省", "自治区")):
            return parts[1]
    return text


class _Parser:
    """Turns one cell into a field value, adding ImportProblems to the record instead of raising."""

    def __init__(
        self,
        file: str,
        tiers: dict[str, str],
        today: date,
        date1904: bool = False,
        orders: dict[str, str] | None = None,
        file_year: tuple[int, str] | None = None,
    ):
        self.file = file
        self.tiers = tiers  # key -> tier name
        self.today = today
        # the year the file says it is of (a title row 「2026年11月名单」, a file name 2025名单.csv) and where it says
        # it: a day written without its year is of that year (file_year_of)
        self.file_year = file_year
        self.date1904 = date1904  # the workbook's 1904 date system: a date typed as a number counts from 1904
        self.orders = orders or {}  # column -> "dmy"/"mdy": how its dates write day and month (fields.digit_date_order)

    def problem(self, rec: _Record, column: str | None, message: str, code: str | None = None) -> None:
        rec.problems.append(ImportProblem(self.file, rec.row, column, message, code))

    def _limit(self, rec: _Record, column: str, name: str, value: str | None) -> str | None:
        if value is not None and len(value) > _MAX_LENGTH[name]:
            self.problem(
                rec,
                column,
                f"内容太长: 最多 {_MAX_LENGTH[name]} 个字 (too long: at most {_MAX_LENGTH[name]})",
                "too_long",
            )
            return None
        return value

    def cell(self, rec: _Record, name: str, column: str, value: object) -> None:
        """Parse `value` as field `name` from column `column` into rec.values (empty cells add nothing)."""
        rec.columns.setdefault(name, column)
        if isinstance(value, CellError):  # #REF!, #N/A or an uncalculated formula: not an empty cell
            rec.problems.append(value.problem(self.file, rec.row, column))
            return
        try:
            parsed = self._parse(rec, name, column, value)
        except ImportProblem as problem:
            rec.problems.append(problem)
            return
        if parsed is None or parsed == []:
            return
        if name == "tags":
            rec.values.setdefault("tags", [])
            rec.values["tags"].extend(t for t in parsed if t not in rec.values["tags"])
        else:
            rec.values[name] = parsed

    def _parse(self, rec: _Record, name: str, column: str, value: object) -> Any:
        file, row = self.file, rec.row
        if name in ("name", "nickname", "group_nickname", "occupation"):
            return self._limit(rec, column, name, _one_line(value))
        if name == "city":
            return self._limit(rec, column, name, region_city(_one_line(value)))
        if name in ("wechat_id", "wxid"):
            wechat = _wechat(value)
            if wechat is not None and not_a_wechat_id(wechat):
                rec.warn(
                    column,
                    f"「{wechat}」不是微信号，这一行不设微信号（微信号由字母、数字、下划线组成）"
                    " (not a WeChat ID: imported without one)",
                    "wechat_not_an_id",
                    wechat,
                )
                return None
            if wechat is not None and _SPACED_ID.fullmatch(wechat):
                # a WeChat ID holds no space: stored without them (as it is compared already), and said — the
                # organiser checks it before adding the applicant on WeChat (bing 003 may have been bing_003)
                joined = wechat.replace(" ", "")
                rec.warn(
                    column,
                    f"微信号「{wechat}」里有空格，已去掉空格记为 {joined}（微信号不含空格），加好友前请核对"
                    f" (a WeChat ID holds no spaces: stored as {joined}; check it before adding them)",
                    "wechat_spaces",
                    wechat,
                )
                wechat = joined
            return self._limit(rec, column, "wechat_id", wechat)
        if name == "qq":
            return _qq(value, file, row, column)
        if name in ("note", "purpose"):
            return _without_id_numbers(rec, column, _text(value))
        if name == "referrer":
            return _one_line(value)
        if name == "phone":
            if type(value) is str and len(value) == 11 and value.isascii() and value.isdigit() and value[0] == "1":
                if value[1] in "3456789":
                    return value  # a plain mainland mobile: already canonical (the common case)
            given = _one_line(value) if isinstance(value, str) else None
            if given and no_value_answer(given):  # 无, 保密, 同微信: no phone given, not a wrong one
                rec.warn(
                    column,
                    f"「{given}」不是手机号，这一行不设手机号 (no phone given: imported without one)",
                    "phone_none_given",
                    given,
                )
                return None
            masked = masked_phone(value)
            if masked is not None:  # 138****1234: a platform's masked export, no number to store or match by
                rec.warn(
                    column,
                    f"{masked} 是打码的手机号（中间几位是 *），无法作为手机号导入，这一行不设手机号"
                    " (a masked phone: imported without a phone)",
                    "phone_masked",
                    masked,
                )
                rec.masked_phone = re.sub(r"[\s-]", "", masked)
                return None
            phone = parse_phone(value, file=file, row=row, column=column)
            if phone is None:
                return None
            try:
                return normalise_phone(phone)
            except ValidationError:
                raise ImportProblem(
                    file,
                    row,
                    column,
                    f"{phone} 不是有效的电话号码 (not a phone number: {phone})",
                    "phone_invalid",
                    phone,
                ) from None
        if name == "gender":
            return self._gender(rec, column, value)
        if name in ("joined_at", "left_at", "status_date"):
            if isinstance(value, str) and no_date_given(value):
                # --, /, 无, 不详: no date, as an empty cell (a 退群时间 of "-" is everyone still in: said for nobody);
                # a join date not given makes a new member join today, so that is said on the row
                if name != "left_at":
                    shown = clean_text(value)
                    rec.warn(
                        column,
                        f"「{shown}」不是日期，这一行按没有填{column}导入 (no date given: imported without one)",
                        "date_none_given",
                        shown,
                    )
                return None
            value = self._year_of_month_day(rec, column, value)
            zone = zone_offset(column)  # 入群时间 (UTC): the header says which zone its times are in, as a form's does
            when = parse_datetime(
                value,
                file=file,
                row=row,
                column=column,
                date1904=self.date1904,
                zone=zone,
                order=self.orders.get(column),
            )
            if when is None:
                return None
            moved = zone_moved_day(value, when, zone)
            if moved is not None:  # 2026-12-04T07:00+08:00 is the 3rd in New York: said on the row
                rec.warn(column, zone_moved_note(moved, when), "zone_day", clean_text(value))
            if when.date() > self.today:
                what = {"joined_at": "入群时间", "left_at": "退群时间"}.get(name, "变动日期")
                kind_en = {"joined_at": "join", "left_at": "leaving"}.get(name, "status")
                raise ImportProblem(
                    file,
                    row,
                    column,
                    f"{_show_date(when)} 在未来: {what}不能晚于今天 (a {kind_en} date in the future)",
                    "date_in_future",
                    clean_text(value),
                )
            return _local_stored(when)
        if name == "tags":
            tags = [_one_line(t) for t in split_tags(_text(value))]
            out = []
            for tag in tags:
                if tag and self._limit(rec, column, "tag", tag):
                    out.append(tag)
            return out
        if name == "status":
            text = _one_line(value)
            if text is None:
                return None
            code = _STATUS_BY_KEY.get(norm_key(text)) or _STATUS_BY_KEY.get(norm_key(_REMARK.sub("", text)))
            if code is None:
                known = "、".join(STATUS_NAMES.values())
                raise ImportProblem(
                    file,
                    row,
                    column,
                    f"未知状态「{text}」(可用: {known}) (unknown status “{text}”; write applicant, onboarding, member, left, removed or blacklisted)",
                    "status_unknown",
                    text,
                )
            return code
        if name == "order_status":
            text = _one_line(value)
            if text is None or not norm_key(text):  # "-", "/": no state (售后状态 of an order without after-sales)
                return None
            if order_outcome(text) is None:
                raise ImportProblem(
                    file,
                    row,
                    column,
                    f"未知的订单/报名状态「{text}」(可用: 交易成功、已支付、已通过、已签到 … 导入; 已退款、已取消、待付款、"
                    "已拒绝 … 跳过) (an order or sign-up state QunDesk does not know)",
                    "order_status_unknown",
                    text,
                )
            return text
        if name == "tier":
            text = _one_line(value)
            if text is None:
                return None
            tier = self.tiers.get(_key(text))
            if tier is None:
                known = "、".join(sorted(set(self.tiers.values()))) or "—"
                raise ImportProblem(
                    file,
                    row,
                    column,
                    f"未知层级「{text}」(现有层级: {known}) (unknown tier “{text}”; the tiers are {known})",
                    "tier_unknown",
                    text,
                )
            return tier
        if name == "real_name_verified":
            if value is None or (isinstance(value, str) and not value.strip()):
                return None
            flag = parse_bool(value)
            if flag is None:
                raise ImportProblem(
                    file,
                    row,
                    column,
                    f"「{clean_text(value)}」不是 是/否 (not yes/no)",
                    "not_yes_no",
                    clean_text(value),
                )
            return flag
        raise ImportProblem(
            file, row, column, f"未知字段 {name} (unknown field {name})"
        )  # a bad mapping; never from the dialog

    def _year_of_month_day(self, rec: _Record, column: str, value: Any) -> Any:
        """A join or leaving day typed without its year, as organisers keep their lists:
        - the file says its year (a title row 「2026年11月名单」, else the file name, one year only: file_year_of):
          `11月30日`, `11/30`, `11-30` are the latest such day up to the end of that year (and up to today) — a
          list of 2026 with a 12月28日 join read at 2027's start is 2026's, and a 2025 export imported in 2026 is
          2025's, not this year's; said on the row with the full date and where the year came from;
        - it does not: `11月30日` (a month and a day in words, unambiguous) is the most recent 30 November up to
          today — these are days that have happened — said on the row as a warning with the full date (it was "not
          a date", the row refused: seen twice in a new user's first roster); `11/30`, `11-30` (digits only, which
          may be a day and a month, or part of a year) are a problem that says how to fix the file: write the year
          in the cells, or in a title row or the file name (`date_without_year`). Never guessed without a word."""
        if not isinstance(value, str):
            return value
        text = unicodedata.normalize("NFKC", value).strip()
        m = _MONTH_DAY_RE.fullmatch(text)
        digits = m is None
        if digits:
            m = _DIGIT_MONTH_DAY_RE.fullmatch(text)
            if m is None:
                return value
        month, dom = int(m["m"]), int(m["d"])
        if digits and self.orders.get(column) == "dmy":  # the column writes the day first (31/12/2026 in it)
            month, dom = dom, month
        if digits and self.file_year is None:
            raise ImportProblem(
                self.file,
                rec.row,
                column,
                f"「{value.strip()}」没有年份, 不知是哪一年的哪一天: 请在文件里写上年份 (如 {self.today.year}/{month}/{dom}"
                f" 或 {month}月{dom}日), 或在标题行或文件名里写明年份 (如「{self.today.year}年名单」) (no year written:"
                f" write the year in the cells, e.g. {self.today.year}-{month:02d}-{dom:02d}, or in a title row or the"
                " file name)",
                "date_without_year",
                value.strip(),
            )
        bound = self.today
        if self.file_year is not None:
            bound = min(bound, date(self.file_year[0], 12, 31))
        for year in range(bound.year, bound.year - 5, -1):
            try:
                day = date(year, month, dom)
            except ValueError:  # 2月29日 outside a leap year, or 13月1日: not a date — said as before
                continue
            if day <= bound:
                if self.file_year is not None:
                    said, said_en = self.file_year[1].split("\0")
                    rec.warn(
                        column,
                        f"「{value.strip()}」没有年份，按{said}的 {self.file_year[0]} 年读作 {day.isoformat()}"
                        f" (no year written: read as {day.isoformat()}, the year of {said_en})",
                        "date_without_year",
                        value.strip(),
                    )
                else:
                    rec.warn(
                        column,
                        f"「{value.strip()}」没有年份，按 {day.isoformat()} 导入（今天以前最近的一个{month}月{dom}日）"
                        f" (no year written: read as {day.isoformat()}, the latest such day up to today)",
                        "date_without_year",
                        value.strip(),
                    )
                return f"{day.year}年{month}月{dom}日{m['rest'] or ''}"
        return value

    def _gender(self, rec: _Record, column: str, value: object) -> str | None:
        text = _one_line(value)
        if text is None:
            return None
        gender = parse_gender(text)
        if gender is not None:
            return gender
        key = norm_key(text)
        if key in _GENDER_OTHER:
            return "other"
        if not key or key in _GENDER_UNKNOWN:
            return None
        raise ImportProblem(
            self.file,
            rec.row,
            column,
            f"「{text}」不是性别 (可用: 男、女、其他) (not a gender: {text}; write male, female or other)",
            "gender_unknown",
            text,
        )


def _show_date(value: datetime) -> str:
    return value.strftime("%Y-%m-%d") if value.time() == time(0) else value.strftime("%Y-%m-%d %H:%M")


def _column_name(headers: list[str] | tuple[str, ...], index: int) -> str:
    header = headers[index] if index < len(headers) else ""
    return header or f"第{index + 1}列"


# ---------------------------------------------------------------------------------------------------
# Header mappings: automatic, corrected, remembered
# ---------------------------------------------------------------------------------------------------

_GROUP_NICKNAME_KEYS = frozenset(norm_key(h) for h in ("群昵称", "群名片", "群内昵称", "group nickname"))


_WXID_KEYS = frozenset(norm_key(h) for h in ("微信ID", "wxid", "微信原始ID", "原始微信号", "wechat id"))
_WECHAT_NUMBER_KEYS = frozenset(norm_key(h) for h in ("微信号", "wechat", "weixin"))
_INVITER_WORDS = ("邀请", "invite")


def auto_mapping(headers: list[str] | tuple[str, ...], rows: list[list[object]] | None = None) -> dict[int, str]:
    """fields.map_headers, with 群昵称/群名片 columns as the group nickname, and — when a file has both a
    微信号 and a 微信ID (wxid) column, as group tools export them — 微信号 as the WeChat ID and the wxid as
    its fallback. `rows` (the first data rows) let a 联系方式 column be judged by its values (map_headers)."""
    mapping = map_headers(list(headers), rows)
    # a 层级/tier column is the tier, even after a 等级/level one (a sheet with the points level first: 姓名, 积分,
    # 等级, 层级): the first took the tier, the 层级 column was not imported, and the level's 骨干/活跃 were judged
    # as tiers — the organiser's tiers silently not read
    named_tier = next(
        (i for i, h in enumerate(headers) if h and header_field(h) == "tier" and not _platform_level(h)), None
    )
    if named_tier is not None and mapping.get(named_tier) != "tier":
        mapping = {i: f for i, f in mapping.items() if f != "tier"}
        mapping[named_tier] = "tier"
    for index, header in enumerate(headers):
        key = norm_key(clean_header(header))
        if key in _GROUP_NICKNAME_KEYS and "group_nickname" not in mapping.values():
            if mapping.get(index) in (None, "nickname"):
                mapping[index] = "group_nickname"
    if "nickname" not in mapping.values():  # 群昵称 took the nickname: the next nickname column (微信昵称) is it
        for index, header in enumerate(headers):
            if index not in mapping and header and header_field(header) == "nickname":
                mapping[index] = "nickname"
                break
    keys = [norm_key(clean_header(h)) for h in headers]
    number = next((i for i, k in enumerate(keys) if k in _WECHAT_NUMBER_KEYS), None)
    wxid = next((i for i, k in enumerate(keys) if k in _WXID_KEYS), None)
    if number is not None and wxid is not None:
        mapping[number] = "wechat_id"
        mapping[wxid] = "wxid"
    return dict(sorted(mapping.items()))


def is_inviter_column(header: str) -> bool:
    """邀请人/邀请者 (a group tool's record of who invited whom) rather than an organiser's 推荐人: an
    inviter who is not found is a warning (they may have left the group), a referrer a problem."""
    text = clean_header(header).casefold()
    return any(word in text for word in _INVITER_WORDS)


def mapping_key(headers: Iterable[str]) -> str:
    """WorkspaceSetting key of a header layout: a hash of the cleaned header names."""
    cleaned = [clean_header(h) for h in headers]
    digest = hashlib.sha1(json.dumps(cleaned, ensure_ascii=False).encode("utf-8")).hexdigest()
    return MAPPING_SETTING_PREFIX + digest


def _valid_mapping(headers: list[str] | tuple[str, ...], mapping: dict[Any, Any]) -> dict[int, str]:
    out: dict[int, str] = {}
    for index, name in mapping.items():
        try:
            i = int(index)
        except (TypeError, ValueError):
            continue
        if 0 <= i < len(headers) and name in IMPORT_FIELDS:
            out[i] = name
    return dict(sorted(out.items()))


def remember_mapping(session: Session, headers: Iterable[str], mapping: dict[int, str]) -> None:
    """Keep a (corrected) mapping for files with this header layout; the caller commits."""
    headers = list(headers)
    clean = _valid_mapping(headers, mapping)
    key = mapping_key(headers)
    value = json.dumps(
        {"headers": [clean_header(h) for h in headers], "mapping": {str(i): f for i, f in clean.items()}},
        ensure_ascii=False,
    )
    row = session.get(WorkspaceSetting, key)
    if row is None:
        session.add(WorkspaceSetting(key=key, value=value))
    else:
        row.value = value
    session.flush()


def remembered_mapping(session: Session, headers: Iterable[str]) -> dict[int, str] | None:
    """The mapping remembered for this header layout, or None."""
    headers = list(headers)
    raw = session.scalar(select(WorkspaceSetting.value).where(WorkspaceSetting.key == mapping_key(headers)))
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        return _valid_mapping(headers, data.get("mapping", {}))
    except (ValueError, AttributeError):
        return None


def tier_keys(session: Session) -> dict[str, str]:
    """The tiers a file's 层级 cell may name (matching key -> tier name): each tier by its name, and a default tier
    also by the English name QunDesk's own English workbook writes for it (Core, Key voice, Mid voice, Regular) —
    the report exported with English headers, imported back, had every row refused as 未知层级「Regular」. A tier
    the organiser named so takes its own name."""
    names = list(session.scalars(select(Tier.name)))
    keys = {_key(name): name for name in names}
    for name in names:
        english = default_name(name, "en")
        if english and english != name:
            keys.setdefault(_key(english), name)
    return keys


def _platform_level(header: str) -> bool:
    """A 等级/level column that is not the organiser's 层级/tier: QQ's 等级 (LV5 活跃), 抖音's 粉丝团等级 (12), 有赞's
    会员等级 (VIP1), 知识星球's 成员等级 — a platform's own level, the tier only when its values are tiers."""
    key = norm_key(clean_header(header))
    return "层级" not in key and "tier" not in key


def suggest_mapping(session: Session, headers: Iterable[str], rows: list[list[object]] | None = None) -> dict[int, str]:
    """What the dialog pre-fills: the remembered mapping for this layout, else the automatic one (judged with
    the first data rows `rows` when given; a 等级 column none of whose values is a tier is left out)."""
    headers = list(headers)
    remembered = remembered_mapping(session, headers)
    if remembered is not None:
        return remembered
    mapping = auto_mapping(headers, rows)
    tier = next((i for i, f in mapping.items() if f == "tier"), None)
    if tier is not None and rows and _platform_level(headers[tier]):
        # a 等级/level column none of whose values is a tier of the workspace (QQ's own member export: LV5 活跃,
        # 潜水) is not the tier: left out (named as such), not a problem on every row. A 层级/tier column is the
        # organiser's own word: an unknown tier in it stays a problem
        tiers = set(tier_keys(session))
        values = [_key(_one_line(r[tier])) for r in rows if tier < len(r) and _one_line(r[tier])]
        if values and not any(v in tiers for v in values):
            del mapping[tier]
    return mapping


# ---------------------------------------------------------------------------------------------------
# What is in the database
# ---------------------------------------------------------------------------------------------------


@dataclass
class _Ms:
    id: int
    status: str
    tier: str | None
    group_nickname: str | None
    joined_at: datetime | None
    applied_at: datetime | None
    left_at: datetime | None
    referrer_id: int | None
    purpose: str | None
    step_answer: str | None = None
    has_step: bool = False
    fee_cents: int | None = None  # the amount recorded on the group's payment step (缴纳门槛费)
    has_fee_step: bool = False


@dataclass
class _Person:
    member_id: int
    display_name: str
    nickname: str | None
    wechat_id: str | None
    phone: str | None
    gender: str | None
    city: str | None
    occupation: str | None
    note: str | None
    real_name_verified: bool
    verified_on: date | None
    qq: str | None
    tags: list[str] = field(default_factory=list)
    ms: _Ms | None = None
    tags_loaded: bool = False


_MEMBER_COLUMNS = (
    Member.id,
    Member.display_name,
    Member.nickname,
    Member.wechat_id,
    Member.phone,
    Member.gender,
    Member.city,
    Member.occupation,
    Member.note,
    Member.real_name_verified,
    Member.verified_on,
    Member.qq,
)


def _person(row: Any) -> _Person:
    return _Person(*row[:12])


# a day written without its year: 11月30日, 11月30号, 11月30日 20:15
_MONTH_DAY_RE = re.compile(
    r"(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]?(?P<rest>\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)

# the same with digits only: 11/30, 11-30, 11.30 (a year is never one or two digits: 2026-11 is no such day)
_DIGIT_MONTH_DAY_RE = re.compile(
    r"(?P<m>1[0-2]|0?[1-9])\s*[/\-.]\s*(?P<d>3[01]|[12]\d|0?[1-9])(?P<rest>\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)
# a year as a file names it: 2026年, 2026-11 / 2026.11, or a word of its own (roster_2025.xlsx, 2025 名单) — not a count
# (共1999人) nor a date stamp glued to other digits (名单_20261120)
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年|\s*[-/.]\s*(?:1[0-2]|0?[1-9])(?!\d)|[\s_.)）\]】]|$)")


def file_year_of(table: Table) -> tuple[int, str] | None:
    """The one year a file says it is of, and where ("标题行「…」\0the title row “…”"): the years written in its
    title rows above the header (「2026年11月名单」), else in its file name (2025年报名表.xlsx); None when neither
    names exactly one (two years, 2025-2026: which one a 3月5日 is of is not said). A date stamp glued to other
    digits (名单_20261120) is no year of the file."""
    titles = [k.text for k in table.skipped if k.reason == "title" and k.text]
    years = {int(y) for t in titles for y in _YEAR_RE.findall(unicodedata.normalize("NFKC", t))}
    if len(years) == 1:
        title = next(t for t in titles if str(next(iter(years))) in unicodedata.normalize("NFKC", t))
        return years.pop(), f"标题行「{title.strip()}」\0the title row “{title.strip()}”"
    if years:
        return None
    name = Path(table.file).name
    years = {int(y) for y in _YEAR_RE.findall(unicodedata.normalize("NFKC", name))}
    if len(years) == 1:
        return years.pop(), f"文件名「{name}」\0the file name “{name}”"
    return None


def _chunks(items: list[Any], size: int = _CHUNK) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Context:
    """People the plan may touch, loaded once: the group's memberships and every live WeChat ID / phone."""

    def __init__(self, session: Session, group_id: int | None):
        self.session = session
        self.group_id = group_id
        self.people: dict[int, _Person] = {}
        self.by_wechat: dict[str, list[int]] = {}
        self.by_phone: dict[str, list[int]] = {}
        self.by_qq: dict[str, list[int]] = {}
        self.group_by_name: dict[str, list[int]] = {}
        self.roster_index: Any = None  # paste.RosterIndex of the group, made for the first new person's name
        self.elsewhere: dict[str, list[str]] = {}  # name key: people of other groups called so (_elsewhere_warning)
        self.known_names: set[str] | None = None  # every live person's name keys (_elsewhere_warning)
        self.tiers = tier_keys(session)
        self.tier_ids = {name: tid for tid, name in session.execute(select(Tier.id, Tier.name))}
        self.purpose_step_id: int | None = None
        self.purpose_step_exists = True  # a new group (group_id None) starts with the canonical steps
        self.purpose_completes: set[int] = set()  # newcomers (入群中) whose only required step left is the purpose
        # the group's payment step (缴纳门槛费; the first live step of kind payment): an applications export's paid
        # amount (支付金额 with 已支付) records it, as ticking it with the amount on the Onboarding page does
        self.fee_step_id: int | None = None
        self.required_steps: set[int] = set()
        self.steps_done: dict[int, set[int]] = {}  # newcomers (入群中): the required steps they have done
        # the group's first roster (a new group, or one with nobody in it yet): its people were in the group before
        # QunDesk — one without a join date is a member from the beginning (docs/metrics.md), not one who joined on
        # the day of the import (last week's 打卡表 and yesterday's chain were refused for every one of them, and
        # this month's `joined` counted the whole roster). People a later roster adds joined then.
        self.first_roster = True
        # every blacklisting of the workspace (they are few), by person: a row naming one says so (_blacklist_warning)
        self.blacklist: dict[int, list[Blacklisting]] = blacklistings(session)
        # and of people deleted since, by WeChat ID, phone and QQ: a deletion is no lifting (onboarding.deleted_…)
        self.deleted_black = deleted_blacklistings(session)
        # every deleted person (not merged away, not blacklisted: those are said as blacklisted_deleted) by WeChat ID,
        # phone and QQ: a row adding one of them again is said (_deleted_warning)
        self.deleted_people = _deleted_identities(session)
        self.archived_on: date | None = None  # the day the group was archived (结营): no new member joins after it
        # the file is another group's roster (its group column names one other group of the workspace): its name
        self.other_roster: str | None = None
        self.roster_group_names: dict[str, list[int]] | None = None  # that group's members by name (_in_roster_group)
        # an assistant's login on a team database reads phones masked (138****8000): the file's phones are looked up
        # on the server (team_roles.members_by_phone, `reveal`), a row matched only by its phone was a new person
        self.phones_masked = phones_masked(session)
        self.phones_asked: set[str] = set()
        self.phones_refused: set[str] = set()
        self.revealed: dict[int, str] = {}  # member id -> their stored phone, a number of the file (the server said)
        # member id -> the phone the file gives them, for the members its rows name by WeChat ID (_file_phones): a
        # phone the file takes from its holder, giving them another, moves to the row's person (_match_contacts)
        self.file_phones: dict[int, str] = {}
        live = Member.deleted_at.is_(None) & Member.merged_into_id.is_(None)
        self.live = live
        for mid, wechat, phone, qq in session.execute(
            select(Member.id, Member.wechat_id, Member.phone, Member.qq).where(
                live, (Member.wechat_id.is_not(None)) | (Member.phone.is_not(None)) | (Member.qq.is_not(None))
            )
        ):
            if wechat:
                self.by_wechat.setdefault(_key(wechat), []).append(mid)
            if phone and not self.phones_masked:
                self.by_phone.setdefault(phone, []).append(mid)
            if qq:
                self.by_qq.setdefault(qq, []).append(mid)
        if group_id is None:
            return
        # a QQ number a chat export of this group showed for a member (chat_alias) names them too: a QQ group's
        # roster after its chat was imported by names finds them by the number they wrote with
        for mid, value in session.execute(
            select(ChatAlias.member_id, ChatAlias.value)
            .join(Member, Member.id == ChatAlias.member_id)
            .where(ChatAlias.group_id == group_id, ChatAlias.kind == "id", live)
        ):
            if value.isdigit() and 5 <= len(value) <= 12 and mid not in self.by_qq.get(value, []):
                self.by_qq.setdefault(value, []).append(mid)
        self.purpose_step_id = session.scalar(
            select(EntryStep.id).where(
                EntryStep.group_id == group_id, EntryStep.code == "purpose", EntryStep.retired_at.is_(None)
            )
        )
        self.purpose_step_exists = self.purpose_step_id is not None
        self.fee_step_id = session.scalar(
            select(EntryStep.id)
            .where(EntryStep.group_id == group_id, EntryStep.kind == "payment", EntryStep.retired_at.is_(None))
            .order_by(EntryStep.position, EntryStep.id)
            .limit(1)
        )
        tier_names = {tid: name for name, tid in self.tier_ids.items()}
        rows = session.execute(
            select(
                *_MEMBER_COLUMNS,
                Membership.id,
                Membership.status,
                Membership.tier_id,
                Membership.group_nickname,
                Membership.joined_at,
                Membership.applied_at,
                Membership.left_at,
                Membership.referrer_id,
                Membership.purpose,
            )
            .join(Membership, Membership.member_id == Member.id)
            .where(Membership.group_id == group_id, live)
        )
        by_ms: dict[int, _Person] = {}
        for row in rows:
            person = _person(row)
            ms_id, status, tier_id, gnick, joined, applied, left, referrer, purpose = row[12:]
            person.ms = _Ms(ms_id, status, tier_names.get(tier_id), gnick, joined, applied, left, referrer, purpose)
            self.people[person.member_id] = person
            by_ms[ms_id] = person
            self.group_by_name.setdefault(_key(person.display_name), []).append(person.member_id)
        self.first_roster = not by_ms
        archived = session.scalar(select(Group.archived_at).where(Group.id == group_id))
        self.archived_on = archived.date() if archived is not None else None
        if self.fee_step_id is not None and by_ms:
            for ms_id, amount in session.execute(
                select(StepProgress.membership_id, StepProgress.amount_cents).where(
                    StepProgress.step_id == self.fee_step_id
                )
            ):
                person = by_ms.get(ms_id)
                if person is not None and person.ms is not None:
                    person.ms.has_fee_step, person.ms.fee_cents = True, amount
        if (self.purpose_step_id is not None or self.fee_step_id is not None) and by_ms:
            for ms_id, answer in session.execute(
                select(StepProgress.membership_id, StepProgress.answer).where(
                    StepProgress.step_id == self.purpose_step_id
                )
            ):
                person = by_ms.get(ms_id)
                if person is not None and person.ms is not None:
                    person.ms.has_step, person.ms.step_answer = True, answer
            # the purpose answer is the last required step of these newcomers: recording it makes them members
            # (admit_completed, when the import writes) — said in the plan, not only done
            waiting = [ms_id for ms_id, p in by_ms.items() if p.ms is not None and p.ms.status == "onboarding"]
            required = list(
                session.scalars(
                    select(EntryStep.id).where(
                        EntryStep.group_id == group_id, EntryStep.required.is_(True), EntryStep.retired_at.is_(None)
                    )
                )
            )
            self.required_steps = set(required)
            if waiting and ({self.purpose_step_id, self.fee_step_id} & self.required_steps):
                done: dict[int, set[int]] = {}
                for chunk in _chunks(waiting):
                    for ms_id, sid in session.execute(
                        select(StepProgress.membership_id, StepProgress.step_id).where(
                            StepProgress.membership_id.in_(chunk), StepProgress.step_id.in_(required or [-1])
                        )
                    ):
                        done.setdefault(ms_id, set()).add(sid)
                self.steps_done = {m: done.get(m, set()) for m in waiting}
                others = self.required_steps - {self.purpose_step_id}
                self.purpose_completes = (
                    {m for m in waiting if others <= self.steps_done[m]}
                    if self.purpose_step_id in self.required_steps
                    else set()
                )

    def in_group(self, member_id: int) -> bool:
        person = self.people.get(member_id)
        return person is not None and person.ms is not None

    def load(self, member_ids: Iterable[int]) -> None:
        """Load people outside the group that rows matched (by WeChat ID or phone)."""
        missing = sorted({m for m in member_ids if m not in self.people})
        for chunk in _chunks(missing):
            for row in self.session.execute(select(*_MEMBER_COLUMNS).where(Member.id.in_(chunk))):
                person = _person(row)
                person.phone = self.revealed.get(person.member_id, person.phone)
                self.people[person.member_id] = person

    # a row's field -> the person's, as the masked view may show it with a phone masked in it (team_roles)
    _MASKED_TEXT = (
        ("name", "display_name"),
        ("nickname", "nickname"),
        ("wechat_id", "wechat_id"),
        ("note", "note"),
        ("city", "city"),
        ("occupation", "occupation"),
    )

    _HIDDEN_ATTRS = frozenset(attr for _field, attr in _MASKED_TEXT)

    def resolve_masked_text(self, records: list[Any]) -> None:
        """Phones masked to this login inside people's names, nicknames, notes (王五 138****): a row holding the value
        that shows so (王五 13800138002) names the value itself — the person's is then the row's, as for an owner, so
        the row is 王五 with nothing to change. Before, it was 「王五 138****」 against 「王五 138****」: a problem
        ("the phone's owner has another name") or a change the server refuses (a field shown masked). Should the
        stored value differ from the row's in the hidden digits only, it is left as it is (never written over)."""
        if not self.phones_masked:
            return
        for rec in records:
            name = rec.values.get("name")
            candidates = {
                *self.by_phone.get(rec.values.get("phone") or "", ()),
                *self.by_wechat.get(_key(rec.values.get("wechat_id")), ()),
                *(self.group_by_name.get(_key(mask_phones_in(name) or ""), ()) if name else ()),
            }
            if not candidates:
                continue
            self.load(candidates)
            for mid in candidates:
                person = self.people[mid]
                for field_name, attr in self._MASKED_TEXT:
                    value, shown = rec.values.get(field_name), getattr(person, attr)
                    if not value or not shown or value == shown or "****" not in shown:
                        continue
                    if mask_phones_in(value) != shown:
                        continue
                    setattr(person, attr, value)
                    if attr == "display_name" and person.ms is not None:
                        self.group_by_name.setdefault(_key(value), []).append(mid)
                if person.ms is not None:  # the membership's free text (team_roles.MEMBERSHIP_FREE_TEXT)
                    for field_name in ("group_nickname", "purpose"):
                        value, shown = rec.values.get(field_name), getattr(person.ms, field_name)
                        if value and shown and value != shown and "****" in shown and mask_phones_in(value) == shown:
                            setattr(person.ms, field_name, value)

    def reveal(self, phones: Iterable[str | None]) -> None:
        """Phones masked to this login (an assistant's): the members whose stored phone is one of these numbers of
        the file, asked of the server (team_roles.members_by_phone) — their phone is then the number itself, as
        for an owner (the comparisons `person.phone == phone` hold), and `by_phone` finds them. A number the server
        would not answer is in `phones_refused` (its row a problem: phone_lookup_refused)."""
        if not self.phones_masked:
            return
        new = {p for p in phones if p and p not in self.phones_asked}
        if not new:
            return
        self.phones_asked |= new
        found, refused = members_by_phone(self.session, new)
        self.phones_refused |= refused
        ids = sorted({m for ms in found.values() for m in ms})
        live: set[int] = set()
        for chunk in _chunks(ids):
            live.update(self.session.scalars(select(Member.id).where(Member.id.in_(chunk), self.live)))
        for phone, members in found.items():
            for mid in members:
                if mid not in live:
                    continue
                self.revealed[mid] = phone
                if mid not in self.by_phone.get(phone, []):
                    self.by_phone.setdefault(phone, []).append(mid)
                if mid in self.people:
                    self.people[mid].phone = phone

    def load_tags(self, member_ids: Iterable[int]) -> None:
        ids = sorted(set(member_ids))
        for mid in ids:
            self.people[mid].tags_loaded = True
        for chunk in _chunks(ids):
            for mid, name in self.session.execute(
                select(member_tag.c.member_id, Tag.name)
                .join(Tag, Tag.id == member_tag.c.tag_id)
                .where(member_tag.c.member_id.in_(chunk))
                .order_by(member_tag.c.member_id, Tag.id)
            ):
                self.people[mid].tags.append(name)


# ---------------------------------------------------------------------------------------------------
# Planning
# ---------------------------------------------------------------------------------------------------


def _step(progress: ProgressLike | None, done: int, total: int) -> None:
    if progress is not None:
        progress.step(done, total)


_IDENTITY = ("name", "wechat_id", "phone")


def _name_from(mapping: dict[int, str]) -> tuple[str, ...]:
    """Without a name column, a group tool's export: the name is the group nickname, else the nickname."""
    fields = set(mapping.values())
    if "name" in fields:
        return ()
    return tuple(f for f in ("group_nickname", "nickname") if f in fields)


def _mixed_contact_columns(
    table: Table, headers: list[str], mapping: dict[int, str], sample: list[list[object]]
) -> list[ImportProblem]:
    """An automatic mapping that left out a 联系方式 column of phones and WeChat IDs mixed: a problem naming it
    (mapped by hand in the mapping step, or left out there on purpose) — never contact data dropped silently."""
    problems = []
    for index, header in enumerate(headers):
        if index in mapping or not header or not is_weak_contact_header(header):
            continue
        if mixed_contact([row[index] if index < len(row) else None for row in sample]):
            problems.append(
                ImportProblem(
                    table.file,
                    table.header_row,
                    header,
                    f"「{header}」列里手机号和微信号混在一起，请在映射步骤里指定它对应哪一项 ({header} holds phones and"
                    " WeChat IDs mixed: map it in the mapping step)",
                    "mixed_contact_column",
                )
            )
    return problems


def _check_mapping(table: Table, headers: list[str], mapping: dict[int, str]) -> list[ImportProblem]:
    problems: list[ImportProblem] = []
    seen: dict[str, int] = {}
    for index, name in sorted(mapping.items()):
        column = _column_name(headers, index)
        if name not in IMPORT_FIELDS or index >= len(headers):
            problems.append(
                ImportProblem(
                    table.file,
                    table.header_row,
                    column,
                    f"无法导入为「{name}」 (cannot be imported as {name})",
                    "bad_mapping",
                )
            )
        elif name in seen:
            other = _column_name(headers, seen[name])
            problems.append(
                ImportProblem(
                    table.file,
                    table.header_row,
                    column,
                    f"「{other}」和「{column}」两列都对应 {FIELD_LABELS[name]}，请只保留一列"
                    f" (columns “{other}” and “{column}” both hold the {_english_label(name)}: keep one)",
                    "two_columns_one_field",
                )
            )
        else:
            seen[name] = index
    if not {"name", "wechat_id", "phone", "wxid"} & set(mapping.values()) and not _name_from(mapping):
        where = f"工作表「{table.sheet}」里" if table.sheet else ""
        sheet = " in this sheet" if table.sheet else ""
        problems.append(
            ImportProblem(
                table.file,
                table.header_row,
                None,
                f"{where}找不到姓名、微信号或手机列，无法识别成员 (no name, WeChat ID or phone column{sheet})",
                "no_person_columns",
            )
        )
    return problems


class _RowReader:
    """Turns data rows into records with the mapping (and the group-tool rules: derived name, wxid)."""

    def __init__(self, table: Table, parser: _Parser, headers: list[str], mapping: dict[int, str]):
        self.file = table.file
        self.parser = parser
        self.columns = [(index, name, _column_name(headers, index)) for index, name in sorted(mapping.items())]
        self.columns_by_index = dict(mapping)
        self.headers = headers
        self.name_from = _name_from(mapping)
        self.by_field = {name: _column_name(headers, index) for index, name in mapping.items()}
        # a 联系方式 column taken as the WeChat ID: a phone in it is a phone, never an 11-digit WeChat ID
        self.contact_wechat = any(
            name == "wechat_id" and index < len(headers) and is_weak_contact_header(headers[index] or "")
            for index, name in mapping.items()
        )
        # a "QQ/微信" column taken as the WeChat ID: a number in it is a QQ number (a WeChat ID starts with a letter)
        self.qq_in_wechat = any(
            name == "wechat_id" and index < len(headers) and "qq" in (headers[index] or "").casefold()
            for index, name in mapping.items()
        )
        # 有赞 exports 订单状态 and 售后状态 (退款状态): a completed order refunded afterwards says so only in the second.
        # Every order-state column is read (the mapped one first); a row is skipped when any of them says it is out
        self.more_states = (
            [
                (i, _column_name(headers, i))
                for i, h in enumerate(headers)
                if i not in mapping and h and header_field(h) == "order_status"
            ]
            if "order_status" in mapping.values()
            else []
        )
        # the column naming each row's group when the file holds several (企业微信's 客户群 export of every group:
        # 群名称; `export roster --all`: 社群), one of them the group imported into: the rows of others are skipped
        # (desktop.io.group_column, the one rule for every import)
        self.groups: GroupColumn | None = None
        # the file is another group's roster (its group column names one group, another group of this workspace:
        # `export roster --group 一期` imported into 二期): its former members are that group's, never this one's —
        # a row of someone who left 一期 made them a former member of 二期 with 一期's dates, or ended their 二期
        # membership. Such rows are skipped, each named (the "other_group" reason); its members are imported.
        self.former_of: str | None = None
        # 企业微信's group member export lists the company's own people (成员类型 企业成员) with the customers
        # (外部联系人, 微信用户): colleagues, never members counted in the check-in rate. Only a column that holds both
        # (staff_columns): a company's own training camp lists 员工 alone, and they are its members
        self.kind_cols = [
            i for i, h in enumerate(headers) if i not in mapping and h and _key(clean_header(h)) in _MEMBER_KIND_HEADERS
        ]
        parts = name_parts(headers)  # First Name + Last Name: the name column holds the given name
        self.family: int | None = None
        self.parts: tuple[int, int] | None = None  # 姓 + 名 beside a 姓名 column: the name when 姓名 is empty
        if parts is not None and mapping.get(parts[0]) == "name" and parts[1] not in mapping:
            self.family = parts[1]
        elif "name" in mapping.values():
            split = name_parts(headers, beside_full_name=True)
            if split is not None and not set(split) & set(mapping):
                self.parts = split

    def _contact_phone(self, rec: _Record) -> None:
        """A phone in a 联系方式 column mapped as the WeChat ID: the row's phone when it has none (or the same),
        else a problem (two phones for one person)."""
        wechat_phone(self.parser, rec, self.by_field["wechat_id"], phone_column="phone" in self.by_field)

    def _wechat_column_qq(self, rec: _Record) -> None:
        """A number in a QQ/微信 column mapped as the WeChat ID: the row's QQ number (when it has none, or the same),
        else a problem — a QQ number is never stored as a WeChat ID (a WeChat ID starts with a letter)."""
        v = rec.values
        column = self.by_field["wechat_id"]
        text = v.pop("wechat_id")
        try:
            qq = _qq(text, self.file, rec.row, column)
        except ImportProblem as problem:
            rec.problems.append(problem)
            return
        if v.get("qq") in (None, qq):
            v["qq"] = qq
            rec.columns.setdefault("qq", column)
            return
        rec.problem(
            column,
            f"{column} 列的 {text} 是 QQ 号，而这一行已有 QQ 号 {v['qq']} (a QQ number in the WeChat ID column, and the"
            " row has another QQ number)",
            "qq_in_wechat_column",
            text,
        )

    def record(self, row_no: int, values: list[object]) -> _Record:
        rec = _Record(self.file, row_no)
        cell = self.parser.cell
        for index, name, column in self.columns:
            cell(rec, name, column, values[index] if index < len(values) else None)
        v = rec.values
        if (self.contact_wechat and looks_like_phone(v.get("wechat_id"))) or _is_mobile(v.get("wechat_id")):
            self._contact_phone(rec)
        if self.qq_in_wechat and (v.get("wechat_id") or "").isdigit():
            self._wechat_column_qq(rec)
        if self.family is not None and self.family < len(values):
            family = _one_line(values[self.family]) if not isinstance(values[self.family], CellError) else None
            joined = self.parser._limit(rec, rec.columns["name"], "name", join_name(v.get("name"), family))
            if joined:
                v["name"] = joined
            else:
                v.pop("name", None)
        if self.parts is not None and "name" not in v and not any(p.column == rec.column("name") for p in rec.problems):
            given, family = (
                _one_line(values[i]) if i < len(values) and not isinstance(values[i], CellError) else None
                for i in self.parts
            )
            joined = self.parser._limit(rec, rec.columns.get("name") or "", "name", join_name(given, family))
            if joined:
                v["name"] = joined
        if "wxid" in v and "wechat_id" not in v:
            v["wechat_id"] = v["wxid"]
            rec.columns.setdefault("wechat_id", rec.columns["wxid"])
        if self.name_from and "name" not in v:
            for source in self.name_from:
                if v.get(source):
                    v["name"] = v[source]
                    rec.columns["name"] = rec.columns[source]
                    rec.name_derived = True
                    break
            else:
                rec.columns["name"] = self.by_field[self.name_from[0]]
        if not self.name_from and "name" not in v and not any(p.column == rec.column("name") for p in rec.problems):
            # a 真实姓名 left empty beside a nickname (小鹅通, 知识星球: the real name is collected from few buyers): the
            # person is named as people see them, said so — not refused as "a new person needs a name"
            source = next((f for f in ("group_nickname", "nickname") if v.get(f)), None)
            if source is not None:
                v["name"] = v[source]
                rec.name_derived = True
                rec.warn(
                    rec.column("name"),
                    f"姓名为空，以{FIELD_LABELS[source].split(' ')[0]}「{v[source]}」为名 (no name: named by the {source.replace('_', ' ')})",
                    "name_from_nickname",
                    v[source],
                )
        rec.example = is_example_name(v.get("name"))
        if self.groups is not None:
            rec.other_group = self.groups.other_group(values)
        if self.former_of is not None and (v.get("status") in _GONE or (v.get("left_at") and not v.get("status"))):
            gone = STATUS_NAMES.get(v.get("status") or "left", "已退群")
            rec.other_group = f"{self.former_of} {gone}"
        elif self.former_of is not None:
            rec.of_other_group = True
            for dated in ("joined_at", "left_at", "status_date"):
                v.pop(dated, None)
        for i in self.kind_cols:
            kind = _one_line(values[i]) if i < len(values) and not isinstance(values[i], CellError) else None
            if kind and _key(kind) in _STAFF_KINDS:
                rec.staff = kind
        state = v.pop("order_status", None)
        if order_outcome(state) == "out":
            rec.not_ordered = state
        for index, column in self.more_states:
            value = values[index] if index < len(values) else None
            try:
                more = self.parser._parse(rec, "order_status", column, value)
            except ImportProblem as problem:
                rec.problems.append(problem)
                continue
            if rec.not_ordered is None and order_outcome(more) == "out":
                rec.not_ordered = more
        return rec

    @staticmethod
    def skipped(rec: _Record) -> bool:
        """A row that is nobody to import: a template's example, a refunded or cancelled order."""
        return rec.example or rec.not_ordered is not None or rec.other_group is not None or rec.staff is not None


# the column saying what kind of person a row is, and the kinds that are the organiser's own staff (企业微信)
_MEMBER_KIND_HEADERS = frozenset(
    _key(h) for h in ("成员类型", "成员身份", "身份", "身份类型", "用户类型", "类型", "member type", "type")
)
_CUSTOMER_KINDS = frozenset(
    _key(k) for k in ("外部联系人", "外部成员", "微信用户", "客户", "外部客户", "企业微信用户", "external", "customer")
)
_STAFF_KINDS = frozenset(
    _key(k)
    for k in ("企业成员", "内部成员", "企业员工", "员工", "本企业成员", "企业内部成员", "同事", "staff", "employee")
)


_EXAMPLE_NAME = re.compile(r"(?:^示例$|^例$|[(（]\s*(?:示例|例|样例|范例|example|sample)\s*[)）]$)", re.IGNORECASE)


def is_example_name(name: str | None) -> bool:
    """A template's example row: 张三（示例）, Zhang San (example), or just 示例 — never a person."""
    return bool(name) and bool(_EXAMPLE_NAME.search(unicodedata.normalize("NFKC", name).strip()))


class _RefIndex:
    """Who a 推荐人/邀请人 cell can name: the group's people and the file's rows, by level
    (WeChat ID, group nickname, nickname, then name for 邀请人; WeChat ID then name for 推荐人)."""

    LEVELS_INVITER = ("wechat", "phone", "gnick", "nick", "name")
    LEVELS_REFERRER = ("wechat", "phone", "name")

    def __init__(self) -> None:
        self.levels: dict[str, dict[str, set[tuple[str, int]]]] = {
            lv: {} for lv in ("wechat", "phone", "gnick", "name", "nick")
        }
        self.row_of_member: dict[int, int] = {}  # a file row that is an existing member

    def add(self, level: str, text: str | None, ref: tuple[str, int]) -> None:
        if text:
            self.levels[level].setdefault(_key(text), set()).add(ref)

    def find(self, text: str, levels: tuple[str, ...]) -> set[tuple[str, int]]:
        key = _key(text)
        for level in levels:
            if level == "phone":  # 推荐人手机: the canonical phone of a member of the group or a row
                if not any(ch.isdigit() for ch in text):
                    continue
                try:
                    phone = parse_phone(text, file="", row=0, column="")
                except ImportProblem:
                    continue
                found = self.levels[level].get(_key(phone)) if phone else None
            else:
                found = self.levels[level].get(key)
            if found:
                return found
        return set()

    def row(self, ref: tuple[str, int]) -> int | None:
        kind, ident = ref
        return ident if kind == "r" else self.row_of_member.get(ident)


class _Planner:
    """Plans records batch by batch. Keeps, across batches, only identity keys (as hashes, for duplicates
    inside the file), the referrer index when the file has a referrer column, and a bounded sample of
    planned rows for display; a writer (run_import) writes each batch as soon as it is planned."""

    def __init__(
        self,
        ctx: _Context,
        table: Table,
        kind: str,
        group_id: int | None,
        headers: list[str],
        mapping: dict[int, str],
        actor: Actor | None,
        keep_all: bool,
        writer: _Writer | None = None,
        problem_rows: Iterable[int] = (),
    ):
        self.ctx, self.table, self.kind, self.group_id = ctx, table, kind, group_id
        self.headers, self.mapping, self.actor = headers, mapping, actor
        self.keep_all = keep_all
        self.writer = writer
        self.now = utcnow()
        self.order = {h: i for i, h in enumerate(_column_name(headers, i) for i in range(len(headers)))}
        self.first_wechat: dict[int, int] = {}
        self.first_qq: dict[int, int] = {}
        self.first_phone: dict[int, list[tuple[int, int | None, int | None, bool]]] = {}
        self.first_target: dict[int, int] = {}
        self.first_name: dict[int, int] = {}
        self.name_only: dict[int, int] = {}
        self.counts = dict.fromkeys(ACTIONS, 0)
        self.kept: list[PlannedRow] = []
        self.noted = 0
        self.warning_rows = 0
        self.problem_count = 0
        self.problem_rows: set[int] = set(problem_rows)  # rows that have problems (a dry pass's, then planned)
        self.examples: list[Any] = []  # tabular.Skipped: template example rows (张三（示例）), not planned
        # an order or sign-up list (an order_status column): one row per order, so a buyer's second order is the same
        # person again — (phone or WeChat ID) -> (first row, its name key)
        self.orders = "order_status" in mapping.values()
        self.first_order: dict[tuple[str, str], tuple[int, str]] = {}
        self.complete = True
        self.refs: _RefIndex | None = None
        self.ref_levels: tuple[str, ...] = ()
        self.inviter = False
        self.targets: dict[int, int | None] = {}  # filled by index_referrers (row -> member id)
        ref_index = next((i for i, f in mapping.items() if f == "referrer"), None)
        if ref_index is not None:
            self.inviter = kind == "roster" and is_inviter_column(_column_name(headers, ref_index))
            self.ref_levels = _RefIndex.LEVELS_INVITER if self.inviter else _RefIndex.LEVELS_REFERRER
            if writer is not None:
                writer.remember_all = True

    # -- referrers: the index of everyone a referrer cell may name
    def index_referrers(self, records: list[_Record]) -> None:
        refs = _RefIndex()
        ctx = self.ctx
        for mid, person in ctx.people.items():
            if person.ms is not None:
                ref = ("m", mid)
                refs.add("wechat", person.wechat_id, ref)
                refs.add("phone", person.phone, ref)
                refs.add("gnick", person.ms.group_nickname, ref)
                refs.add("name", person.display_name, ref)
                refs.add("nick", person.nickname, ref)
        explicit_name = "name" in self.mapping.values()
        for rec in records:
            target = self._target(rec)
            self.targets[rec.row] = target
            if target is not None:
                ctx.load([target])
                refs.row_of_member.setdefault(target, rec.row)
            ref = ("m", target) if target is not None else ("r", rec.row)
            v = rec.values
            refs.add("wechat", v.get("wechat_id"), ref)
            refs.add("wechat", v.get("wxid"), ref)
            refs.add("phone", v.get("phone") or (ctx.people[target].phone if target is not None else None), ref)
            refs.add("gnick", v.get("group_nickname"), ref)
            if explicit_name or not self.inviter:
                name = v.get("name") or (ctx.people[target].display_name if target is not None else None)
                refs.add("name", name, ref)
            refs.add("nick", v.get("nickname"), ref)
        self.refs = refs

    def _target(self, rec: _Record) -> int | None:
        if rec.row in self.targets:
            return self.targets[rec.row]
        if not rec.problems or all(
            p.column not in (rec.column("wechat_id"), rec.column("phone")) for p in rec.problems
        ):
            return _match(self.ctx, rec)
        return None

    def _current_referrer(self, target: int | None) -> tuple[str, int] | None:
        """The referrer recorded for the row's person in this group, as a reference (None: none, or a new person)."""
        person = self.ctx.people.get(target) if target is not None else None
        if person is None or person.ms is None or person.ms.referrer_id is None:
            return None
        return ("m", person.ms.referrer_id)

    def _referrer(self, rec: _Record, target: int | None) -> tuple[str, int] | None:
        text = rec.values.get("referrer")
        if not text or self.refs is None:
            return None
        found = set(self.refs.find(text, self.ref_levels))
        me = ("m", target) if target is not None else ("r", rec.row)
        column = rec.column("referrer")
        if self.inviter:
            others = found - {me}
            if not found:
                rec.warn(
                    column,
                    f"找不到邀请人「{text}」（可能已退群），这一行不设邀请人 (inviter not found; imported without one)",
                    "inviter_not_found",
                    text,
                )
            elif not others:
                rec.warn(
                    column, "邀请人是自己，这一行不设邀请人 (the inviter is the row itself)", "inviter_is_self", text
                )
            elif len(others) > 1:
                rows = sorted(r for r in (self.refs.row(ref) for ref in others) if r is not None)
                shown = "、".join(f"第{r}行" for r in rows) or f"{len(others)} 人"
                rec.warn(
                    column,
                    f"邀请人「{text}」对应多人（{shown}），这一行不设邀请人 (ambiguous inviter; imported without one)",
                    "inviter_ambiguous",
                    text,
                    tuple(rows),
                )
            else:
                return self._unless_problem_row(rec, column, text, next(iter(others)), ("邀请人", "inviter"))
            return None
        if not found and self.ctx.other_roster:
            # another group's roster (一期's, imported into 二期): its referrer may be one of 一期's former members,
            # whose rows are not imported — the row is, without a referrer here, said (never the whole file refused)
            rec.warn(
                column,
                f"推荐人「{text}」不在本群（这是「{self.ctx.other_roster}」的名册），这一行不设推荐人"
                f" (the referrer is not in this group — the file is {self.ctx.other_roster}'s roster: imported"
                " without one)",
                "referrer_not_here",
                text,
            )
            return None
        if not found:
            rec.problem(
                column,
                f"找不到推荐人「{text}」: 社群里没有这个名字、微信号或手机号 (referrer not found)",
                "referrer_not_found",
                text,
            )
        elif len(found) > 1 and self._current_referrer(target) in found:
            # one of the namesakes is the referrer already recorded: the row says what is there (QunDesk's own
            # roster export writes a referrer by name — with two David in the workspace, re-importing the group's
            # export was refused for every row naming either)
            current = self._current_referrer(target)
            assert current is not None
            return self._unless_problem_row(rec, column, text, current, ("推荐人", "referrer"))
        elif len(found) > 1:
            rec.problem(
                column,
                f"推荐人「{text}」有 {len(found)} 人同名，请改用微信号 (ambiguous referrer)",
                "referrer_ambiguous",
                text,
            )
        elif me in found:
            rec.problem(column, "推荐人不能是自己 (cannot refer oneself)", "referrer_is_self", text)
        else:
            return self._unless_problem_row(rec, column, text, next(iter(found)), ("推荐人", "referrer"))
        return None

    def _unless_problem_row(
        self, rec: _Record, column: str | None, text: str, ref: tuple[str, int], word: tuple[str, str]
    ) -> tuple[str, int] | None:
        """`ref`, unless it is a row of the file that cannot be imported as it is (a problem row): then the row
        comes in without a referrer (or inviter, `word`), with a warning naming that row."""
        if ref[0] == "r" and ref[1] in self.problem_rows:
            zh, en = word
            rec.warn(
                column,
                f"{zh}「{text}」在第{ref[1]}行, 那一行有问题, 这一行不设{zh} "
                f"(the {en} is row {ref[1]}, which has a problem: imported without one)",
                "referrer_row_problem",
                text,
                (ref[1],),
            )
            return None
        return ref

    # -- one batch
    def plan(self, records: list[_Record]) -> None:
        ctx = self.ctx
        hidden = self.table.hidden_rows
        for rec in records if hidden else ():
            if rec.row in hidden:  # a row hidden or filtered out in the sheet: imported like the others, and said so
                rec.warn(
                    None,
                    "这一行在表格里是隐藏的（隐藏行或筛选），也会导入；若这一行不该导入，请在文件里删除它"
                    " (a hidden or filtered-out row of the sheet: it is imported too; delete it from the file if it"
                    " should not be)",
                    "hidden_row",
                )
        if any(_RowReader.skipped(rec) for rec in records):
            from desktop.io.tabular import Skipped

            for r in records:
                who = r.values.get("name") or r.values.get("nickname") or r.values.get("wechat_id") or ""
                if r.example:
                    self.examples.append(Skipped(r.row, "example", r.values.get("name")))
                elif r.not_ordered is not None:
                    self.examples.append(Skipped(r.row, "order", f"{who}（{r.not_ordered}）" if who else r.not_ordered))
                elif r.other_group is not None:
                    self.examples.append(
                        Skipped(r.row, "other_group", f"{who}（{r.other_group}）" if who else r.other_group)
                    )
                elif r.staff is not None:
                    self.examples.append(Skipped(r.row, "staff", f"{who}（{r.staff}）" if who else r.staff))
            records = [rec for rec in records if not _RowReader.skipped(rec)]
        if self.orders:
            records = self._repeat_orders(records)
        # an assistant's login: the batch's phones asked of the server (masked to them, they matched no one)
        ctx.reveal(rec.values.get("phone") for rec in records)
        ctx.resolve_masked_text(records)
        for rec in records:
            if rec.values.get("phone") in ctx.phones_refused:
                rec.problem(
                    rec.column("phone"),
                    "服务器今天不再为你查找这个号码的成员 (你今天查过太多只差隐藏数字的号码): 明天再导入这一行,"
                    " 或请群主或管理员导入 (the server does not look this number up for you today — you looked up"
                    " too many numbers differing from a member's only in its hidden digits: import this row again"
                    " tomorrow, or an owner or admin imports it)",
                    "phone_lookup_refused",
                )
        # the people the batch's WeChat IDs and phones name, read in one go: matching a row reads its holders
        # and a phone's owners, one query each row (1,841 queries, 0.5 s, for 2,000 re-imported people)
        ctx.load(
            m
            for rec in records
            for m in (
                *ctx.by_phone.get(rec.values.get("phone") or "", ()),
                *ctx.by_wechat.get(_key(rec.values.get("wechat_id")), ()),
            )
        )
        targets = {rec.row: self._target(rec) for rec in records}
        matched = [m for m in targets.values() if m is not None]
        ctx.load(matched)
        ctx.load_tags(m for m in set(matched) if not ctx.people[m].tags_loaded)
        for rec in records:
            self._duplicates(rec, targets.get(rec.row))
            _keeps_stored_phone(rec, ctx.people.get(targets.get(rec.row) or -1))
        out: list[PlannedRow] = []
        for rec in records:
            target = targets.get(rec.row)
            person = ctx.people.get(target) if target is not None else None
            referrer = self._referrer(rec, target)
            name_column = rec.column("name")
            if person is None and not rec.values.get("name") and all(p.column != name_column for p in rec.problems):
                rec.problem(rec.column("name"), "姓名为空: 新成员需要姓名 (a new person needs a name)", "name_missing")
            name = rec.values.get("name") or (person.display_name if person else "") or ""
            if person is not None and rec.name_derived:
                name = person.display_name
            planned = None
            if not rec.problems:
                ops, changes = _changes(ctx, self.kind, rec, person, referrer, self.now, self.actor)
                # the login reads phones masked (team mode), or the operator may not see them (an assistant on one
                # laptop, who is shown 王五 138**** and whose member dialog refuses the change just as well)
                masked = ctx.phones_masked or (self.actor is not None and not allowed(self.actor, "export_unmasked"))
                if masked and person is not None:
                    _hidden_changes(rec, person, changes)
                if not rec.problems:
                    if ops.member_id is None or ops.membership_id is None:
                        action = "add"
                    elif changes:
                        action = "update"
                    else:
                        action = "unchanged"
                    planned = PlannedRow(
                        rec.row,
                        action,
                        name,
                        tuple(changes),
                        (),
                        ops if action != "unchanged" else None,
                        tuple(rec.warnings),
                        rec.rows,
                        rec.history,
                    )
            if planned is None:
                problems = sorted(rec.problems, key=lambda p: self.order.get(p.column or "", len(self.order)))
                planned = PlannedRow(rec.row, "problem", name, (), tuple(problems), None, tuple(rec.warnings), rec.rows)
                self.problem_rows.add(rec.row)
            out.append(planned)
        for planned in out:
            self.counts[planned.action] += 1
            self.problem_count += len(planned.problems)
            if planned.warnings:
                self.warning_rows += 1
        if self.writer is not None and (self.counts["problem"] == 0 or self.writer.skip_problems):
            self.writer.write(out)
        for planned in out:
            self._keep(planned)

    def _keep(self, planned: PlannedRow) -> None:
        if self.keep_all:
            pass
        elif (planned.problems or planned.warnings) and self.noted < KEPT_NOTES:
            self.noted += 1
        elif not (planned.problems or planned.warnings) and len(self.kept) - self.noted < KEPT_ROWS:
            pass
        else:
            self.complete = False
            return
        keep_ops = self.keep_all and self.writer is None
        self.kept.append(planned if keep_ops or planned.ops is None else replace(planned, ops=None))

    def _repeat_orders(self, records: list[_Record]) -> list[_Record]:
        """An order list's later row of a person already in it — the same phone or WeChat ID and the same name (or no
        name) — is that person's another order: skipped, naming the first row (not a problem: a buyer with two
        orders is no mistake of the file). Rows that disagree on the name stay for _duplicates to report."""
        from desktop.io.tabular import Skipped

        kept = []
        for rec in records:
            v = rec.values
            keys = [("p", v["phone"])] if v.get("phone") else []
            keys += [("w", _key(v["wechat_id"]))] if v.get("wechat_id") else []
            name = _key(v.get("name"))
            if rec.masked_phone and name:  # 138****1234 twice with the same name: the same buyer (within this file)
                keys.append(("m", f"{rec.masked_phone}|{name}"))
            first = next((self.first_order[k] for k in keys if k in self.first_order), None)
            if first is not None and (first[1] == name or not name or not first[1]) and not rec.problems:
                who = v.get("name") or v.get("nickname") or ""
                self.examples.append(
                    Skipped(rec.row, "repeat_order", f"{who}（同第{first[0]}行 same as row {first[0]}）")
                )
                continue
            for k in keys:
                self.first_order.setdefault(k, (rec.row, name))
            kept.append(rec)
        return kept

    def _duplicates(self, rec: _Record, target: int | None) -> None:
        """The later of two rows with the same WeChat ID or phone, or about the same person, is a problem
        naming both rows; so is a row with neither WeChat ID nor phone and the name of another row."""
        wechat, phone, name = rec.values.get("wechat_id"), rec.values.get("phone"), rec.values.get("name")
        qq = rec.values.get("qq")
        if qq:
            other = self.first_qq.setdefault(hash(qq), rec.row)
            if other != rec.row:
                rec.duplicate(
                    other, rec.column("qq"), f"与第{other}行的QQ号相同 (same QQ number as row {other})", "duplicate_qq"
                )
        if wechat:
            other = self.first_wechat.setdefault(hash(_key(wechat)), rec.row)
            if other != rec.row:
                rec.duplicate(
                    other,
                    rec.column("wechat_id"),
                    f"与第{other}行的微信号相同 (same WeChat ID as row {other})",
                    "duplicate_wechat_id",
                )
        if phone:
            self._same_phone(rec, target, phone, wechat, name)
        if target is not None:
            other = self.first_target.setdefault(target, rec.row)
            if other != rec.row:
                rec.duplicate(
                    other,
                    rec.column("name") or rec.column("wechat_id") or rec.column("phone"),
                    f"与第{other}行是同一个人「{self.ctx.people[target].display_name}」(same person as row {other})",
                    "duplicate_person",
                )
        if name:
            key = hash(_key(name))
            told_apart = wechat or phone or qq or rec.by_masked_phone
            other = self.first_name.get(key) if not told_apart else self.name_only.get(key)
            if other is not None:
                rec.duplicate(
                    other,
                    rec.column("name"),
                    f"与第{other}行同名，且没有微信号或手机号可以区分 (same name as row {other}, nothing tells them apart)",
                    "duplicate_name",
                )
            self.first_name.setdefault(key, rec.row)
            if not told_apart:
                self.name_only.setdefault(key, rec.row)

    def _same_phone(self, rec: _Record, target: int | None, phone: str, wechat: str | None, name: str | None) -> None:
        """Two rows with one phone: the same person twice (a problem), unless they tell themselves apart —
        different WeChat IDs, or (without them) different names from a name column — then it is a family
        sharing a phone: a warning naming the other row, none when both already have that phone."""
        mine = (
            hash(_key(wechat)) if wechat else None,
            hash(_key(name)) if name and not rec.name_derived else None,
            target is not None and self.ctx.people[target].phone == phone,
        )
        earlier = self.first_phone.setdefault(hash(phone), [])
        shared: list[int] = []
        for row, their_wechat, their_name, known in earlier:
            if mine[0] is not None and their_wechat is not None:
                apart = mine[0] != their_wechat and (mine[1] is None or mine[1] != their_name)
            else:
                apart = mine[1] is not None and their_name is not None and mine[1] != their_name
            if not apart:
                rec.duplicate(
                    row,
                    rec.column("phone"),
                    f"与第{row}行的手机号相同 (same phone as row {row})",
                    "duplicate_phone",
                )
                break
            if not (known and mine[2]):
                shared.append(row)
        else:
            if shared:
                rows = "、".join(f"第{r}行" for r in shared[:5])
                rec.warn(
                    rec.column("phone"),
                    f"与{rows}共用手机号，按不同的人导入（家人共用一个手机号） (shares the phone with row"
                    f" {', '.join(map(str, shared[:5]))}: imported as another person)",
                    "phone_shared",
                    phone,
                    tuple(shared),
                )
        if len(earlier) < 20:
            earlier.append((rec.row, *mine))

    def result(self, file_problems: list[ImportProblem] | None = None, **extra: Any) -> ImportPlan:
        plan = _make_plan(
            self.table.file,
            self.kind,
            self.group_id,
            self.headers,
            self.mapping,
            self.kept,
            list(file_problems or []),
            self.table,
            **extra,
        )
        absent = (
            sorted(p.display_name for p in self.ctx.people.values() if _absent(p, self.first_target))
            if self.kind == "roster" and self.group_id is not None and not file_problems
            else []
        )
        return replace(
            plan,
            other_roster=self.ctx.other_roster,
            not_in_file=tuple(absent[:NOT_IN_FILE_LISTED]),
            not_in_file_count=len(absent),
            skipped=(*plan.skipped, *sorted(self.examples[:MAX_EXAMPLES_LISTED], key=lambda k: k.row)),
            left_out=tuple(sorted(Counter(k.reason for k in self.examples).items())),
            problem_rows=frozenset(self.problem_rows),
            added=self.counts["add"],
            updated=self.counts["update"],
            unchanged=self.counts["unchanged"],
            problem=self.counts["problem"],
            complete=self.complete,
            warning_count=self.warning_rows,
            problem_count=self.problem_count + len(file_problems or []),
        )


NOT_IN_FILE_LISTED = 5  # the group's members a roster does not name: the first names said, and how many in all


def _absent(person: _Person, named: dict[int, int]) -> bool:
    """A member of the group (not one who left) no row of the file named."""
    return person.ms is not None and person.ms.status not in ENDED_STATUSES and person.member_id not in named


def _batches(items: Iterable[Any], size: int = BATCH_ROWS) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def date_orders(table: Table, columns: Iterable[int]) -> dict[str, str]:
    """Column header -> "dmy"/"mdy" for those of `columns` whose dates tell how they write day and month before the
    year (20/11/2026: day first), so that their 11/05/2026 is read the same way (fields.digit_date_order). A big
    file is judged by its first rows. One program wrote the whole file: a column whose dates tell nothing (a Joined
    column of 05/11/2026, 06/11/2026) is read in the order its other date columns tell (a Left column's 20/11/2026),
    when they agree; a column whose own dates disagree (20/11/2026 and 11/20/2026) is left to each cell."""
    columns = list(columns)
    if not columns:
        return {}
    rows = table.sample(5000) if table.streamed else table.rows
    out = {}
    silent = []
    for index in columns:
        if index >= len(table.headers):
            continue
        day_first, month_first = digit_date_evidence(values[index] for _row, values in rows if index < len(values))
        if day_first != month_first:
            out[table.headers[index]] = "dmy" if day_first else "mdy"
        elif not day_first:
            silent.append(table.headers[index])
    if len(set(out.values())) == 1:
        out.update(dict.fromkeys(silent, next(iter(out.values()))))
    return out


def plan_roster_import(
    session: Session,
    group_id: int | None,
    table: Table,
    mapping: dict[int, str] | None = None,
    *,
    progress: ProgressLike | None = None,
    actor: Actor | None = None,
    writer: _Writer | None = None,
    problem_rows: Iterable[int] = (),
    group_name: str | None = None,
) -> ImportPlan:
    """Plan a roster import of `table` into `group_id` (None: a group that does not exist yet, called
    `group_name`).

    `mapping` (column index -> field, see IMPORT_FIELDS) is the user's; without it the mapping
    remembered for this header layout is used, else the automatic one. `actor` is who will import (an
    assistant may not set 已退群/已移除/黑名单). Writes nothing unless run_import passes its writer."""
    headers = list(table.headers)
    mixed: list[ImportProblem] = []
    if mapping is None:
        sample = [values for _row, values in table.sample(MAPPING_SAMPLE_ROWS)]
        mapping = suggest_mapping(session, headers, sample)
        if remembered_mapping(session, headers) is None:
            mixed = _mixed_contact_columns(table, headers, mapping, sample)
    else:
        mapping = {int(i): f for i, f in mapping.items() if f}
    ctx = _Context(session, group_id)
    problem_rows = frozenset(problem_rows)
    ctx.file_phones = _file_phones(ctx, table, mapping, problem_rows)
    file_problems = _check_mapping(table, headers, mapping) + mixed
    name_from = _name_from(mapping)
    planner = _Planner(
        ctx,
        table,
        "roster",
        group_id,
        headers,
        mapping,
        actor,
        table.row_count <= MATERIALIZE_ROWS,
        writer,
        problem_rows,
    )
    if file_problems:
        return planner.result(file_problems, name_from=name_from)
    if table.row_count == 0:
        return planner.result(_no_rows(table), name_from=name_from)
    dates = [i for i, f in mapping.items() if f in ("joined_at", "left_at", "status_date")]
    parser = _Parser(
        table.file, ctx.tiers, clock.today(), table.date1904, date_orders(table, dates), file_year_of(table)
    )
    reader = _RowReader(table, parser, headers, mapping)
    # a file of several groups (企业微信's export of every 客户群, `export roster --all`): only the imported group's
    # rows are its members; the others are skipped, each named — never made members of a group they are not in
    target = group_name or (ctx.session.get(Group, group_id).name if group_id is not None else None)
    found = read_group_column(
        headers, table.rows, target, used=mapping, known=ctx.session.scalars(select(Group.name)).all()
    )
    if isinstance(found, SeveralGroups):
        column = _column_name(headers, found.index)
        problem = ImportProblem(
            table.file,
            None,
            column,
            f"文件里是几个群的成员 ({found.shown}), 没有一个叫「{target}」: 请只留下这个群的行,"
            f" 或以文件里的群名导入 (the file holds the members of several groups, {found.shown}, and none is"
            f" called {target!r}: keep only this group's rows, or import into the group named in the file)",
            "several_groups",
            found.shown,
        )
        return planner.result([problem], name_from=name_from)
    reader.groups = found
    if found is None and target:
        single = one_group(headers, table.rows, used=mapping)
        others = {group_key(n): n for n in ctx.session.scalars(select(Group.name)).all()}
        if single is not None and group_key(single[1]) != group_key(target) and group_key(single[1]) in others:
            reader.former_of = ctx.other_roster = single[1]
    if reader.kind_cols:  # staff beside customers in one column: the staff rows are skipped, each named
        kinds = {
            i: {
                _key(_one_line(values[i]))
                for _row, values in table.rows
                if i < len(values) and isinstance(values[i], str)
            }
            for i in reader.kind_cols
        }
        reader.kind_cols = [i for i in reader.kind_cols if kinds[i] & _CUSTOMER_KINDS and kinds[i] & _STAFF_KINDS]
    total = max(table.row_count, 1)
    done = 0
    if planner.ref_levels:  # referrers may name any row of the file: index them all first
        records = [reader.record(row_no, values) for row_no, values in table.rows]
        planner.index_referrers([rec for rec in records if not _RowReader.skipped(rec)])
        source: Iterable[list[_Record]] = _batches(records)
    else:
        source = ([reader.record(row_no, values) for row_no, values in batch] for batch in _batches(iter(table.rows)))
    for batch in source:
        _step(progress, done, total)
        planner.plan(batch)
        done += len(batch)
    return planner.result(name_from=name_from)


def _no_rows(table: Table) -> list[ImportProblem]:
    return [
        ImportProblem(
            table.file, table.header_row, None, "表头下面没有数据行，没有可导入的内容 (no data rows)", "no_data_rows"
        )
    ]


def _submission(rec: _Record) -> dict[str, Any]:
    v = rec.values
    person = {f: v[f] for f in ("name", "nickname", "wechat_id", "phone", "gender", "city", "occupation") if v.get(f)}
    out: dict[str, Any] = {
        "row": rec.row,
        "submitted_at": rec.submitted_at.isoformat() if rec.submitted_at else None,
        "person": person,
    }
    if v.get("purpose"):
        out["purpose"] = v["purpose"]
    out["answers"] = dict(rec.survey)
    return out


def _unsuperseded(members: list[_Record]) -> list[ImportProblem]:
    """The problems of one applicant's submissions (oldest first) that no later submission corrects: a bad
    phone (or any field) that a later submission gives again, validly, is dropped — the latest wins, as for
    values; so is a bad submission time when a later row's time is fine."""
    out: list[ImportProblem] = []
    for position, rec in enumerate(members):
        later = members[position + 1 :]
        for problem in rec.problems:
            if problem.column is not None and any(
                all(p.column != problem.column for p in other.problems)
                and (
                    any(
                        other.columns.get(f) == problem.column and other.values.get(f) is not None for f in other.values
                    )
                    or (problem.column == other.time_column and other.submitted_at is not None and other.row > rec.row)
                )
                for other in later
            ):
                continue
            out.append(problem)
    return out


_PHONE_RUN = re.compile(r"\+?\d[\d \-]{5,}\d")


_MOBILE_DIGITS = re.compile(r"(?:\+?86|0086)?1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}[\s\-]\d{7,8}")


def _without_id_numbers(rec: _Record, column: str | None, text: str | None) -> str | None:
    """A note or survey answer with any ID-card number cut to its last four characters (desktop.phones
    .drop_id_numbers: QunDesk never stores one), and a warning on the row naming the column, so the organiser
    sees what was left out."""
    kept, dropped = drop_id_numbers(text)
    if dropped:
        rec.warn(
            column,
            "身份证号不保存，只留后四位 (an ID-card number is never stored: only its last four characters are kept)",
            "id_number_dropped",
        )
    return kept


def _masked_phone(text: str, *, phone_question: bool = True) -> str:
    """A phone answered to another question (确认手机号, 紧急联系人电话, 您的号码, Mobile) as the note keeps it: each
    number masked like the exports mask phones (138****8000) — notes are shown to assistants; the words around it
    stay. Every answer goes through here: to a question that names a phone (survey.is_phone_question) any number
    a phone column would take is masked (a landline too); to any other question (紧急联系人, 您的号码, 备用) a
    mobile number (1[3-9] + 9 digits, with +86 or separators), a landline with its area code (010-12345678) or a
    number written with a "+" — a date
    (2026-11-18), a student number or an amount is no phone there and stays as written."""

    def mask(match: re.Match[str]) -> str:
        found = match.group(0)
        if not phone_question:
            digits = re.sub(r"[\s\-]", "", found)
            if not (found.startswith("+") or _MOBILE_DIGITS.fullmatch(digits) or _LANDLINE.fullmatch(found)):
                return found
        try:
            phone = parse_phone(found, file="", row=0, column="")
        except ImportProblem:
            return found
        return mask_phone(phone) if phone else found

    return _PHONE_RUN.sub(mask, text)


_TITLE_KEY = re.compile(r"^(?P<name>.+?)(?:\([^()]{1,12}\)|【[^【】]{1,12}】|\[[^\[\]]{1,12}\])$")


def _untitled(key: str) -> str:
    """A name's key without a title or remark in brackets after it (张三（学员） → 张三), else the key itself."""
    match = _TITLE_KEY.match(key)
    return match.group("name") if match else key


_DECOR_CATEGORIES = frozenset({"So", "Sk", "Cf", "Mn", "Me", "Cs", "Co"})  # emoji, symbols, marks (paste.bare_key's)


def _undecorated(key: str) -> str:
    """A name key without its emoji and other symbols (小雨🌸 and ★小雨 are 小雨): what decorates a name is no part of
    who it names."""
    if key.isascii():
        return key
    return "".join(
        ch for ch in key if unicodedata.category(ch) not in _DECOR_CATEGORIES and not "\ufe00" <= ch <= "\ufe0f"
    )


def same_name(a: str, b: str, *, decorated: bool = True) -> bool:
    """Whether two name keys (_key) name one person: equal, or one is the other with a title in brackets after it
    (张三（学员）, 李四【助教】, 王五(新人) — how people answer 您的姓名 and how group names carry a role), or with
    emoji or symbols added (小雨🌸 is 小雨: one submission decorated, the other not, and the same phone was "a family
    sharing it" — two applicants for one person; not with ``decorated=False``). Two titled names are one only when
    equal: 王芳（大） and 王芳（小） are two people, told apart by the brackets."""
    if a == b:
        return True
    if not (a and b):
        return False
    if _untitled(a) == b or _untitled(b) == a:
        return True
    plain_a, plain_b = (_undecorated(a), _undecorated(b)) if decorated else (a, b)
    if (plain_a, plain_b) == (a, b) or not (plain_a and plain_b):
        return False
    return plain_a == plain_b or _untitled(plain_a) == plain_b or _untitled(plain_b) == plain_a


def _merge_submissions(records: list[_Record]) -> list[_Record]:
    """One record per applicant: submissions with the same WeChat ID (any case) are one person, and so are
    submissions with the same phone unless they contradict each other — different names, or different WeChat IDs
    where a name is missing — (two children giving a parent's phone are two people: they stay apart and the planner
    reports the shared phone; the same name and phone with another WeChat ID is the applicant correcting it, said on
    the row by _corrected), and submissions with the same name (same_name: 张三（学员） is 张三) whose WeChat IDs and
    phones do not contradict each other — a form filled in again with the name only, or the phone added: in one
    survey export that is the applicant submitting again, never two people to refuse the file for (two 张伟 with
    different phones or WeChat IDs stay two). The latest submission (by submission time, then row) wins field by
    field and answer by answer; an empty value never erases an earlier one; applied_at is the first submission;
    the earlier submissions go to history."""
    parent = list(range(len(records)))
    wechats: list[set[str]] = [set() for _ in records]  # per root: the WeChat IDs, names and phones of its rows
    names: list[set[str]] = [set() for _ in records]
    phone_sets: list[set[str]] = [set() for _ in records]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        a, b = find(a), find(b)
        if a != b:
            parent[a] = b
            wechats[b] |= wechats[a]
            names[b] |= names[a]
            phone_sets[b] |= phone_sets[a]

    def agree(a: set[str], b: set[str]) -> bool:
        return not a or not b or bool(a & b)

    def agree_names(a: set[str], b: set[str]) -> bool:
        return not a or not b or any(same_name(x, y) for x in a for y in b)

    owner: dict[str, int] = {}
    for i, rec in enumerate(records):
        if rec.values.get("name"):
            names[i].add(_key(rec.values["name"]))
        if rec.values.get("wechat_id"):
            key = _key(rec.values["wechat_id"])
            wechats[i].add(key)
            if key in owner:
                union(i, owner[key])
            else:
                owner[key] = i
    phones: dict[str, list[int]] = {}
    for i, rec in enumerate(records):
        if rec.values.get("phone"):
            phones.setdefault(rec.values["phone"], []).append(i)
            phone_sets[find(i)].add(rec.values["phone"])  # on the root: the rows one WeChat ID joined share them
    for sharing in phones.values():
        for position, i in enumerate(sharing[1:], start=1):
            for j in sharing[:position]:
                a, b = find(i), find(j)
                # the same name and phone with another WeChat ID is the applicant correcting it (zhangsa_01, then
                # zhangsan_01): one person, the latest ID wins and the change is said (_corrected)
                same_person = agree(wechats[a], wechats[b]) or bool(names[a] and names[b])
                if a != b and same_person and agree_names(names[a], names[b]):
                    union(i, j)
                    break
    by_name: dict[str, list[int]] = {}
    for i, rec in enumerate(records):
        if rec.values.get("name") and not rec.name_derived:
            by_name.setdefault(_untitled(_key(rec.values["name"])), []).append(i)
    for namesakes in by_name.values():
        for position, i in enumerate(namesakes[1:], start=1):
            for j in namesakes[:position]:
                a, b = find(i), find(j)
                if (
                    a != b
                    and same_name(_key(records[i].values["name"]), _key(records[j].values["name"]))
                    and agree(wechats[a], wechats[b])
                    and agree(phone_sets[a], phone_sets[b])
                ):
                    union(i, j)
                    break
    groups: dict[int, list[_Record]] = {}
    for i, rec in enumerate(records):
        groups.setdefault(find(i), []).append(rec)
    merged: list[_Record] = []
    for members in groups.values():
        if len(members) == 1:
            rec = members[0]
            rec.rows = (rec.row,)
            merged.append(rec)
            continue
        members.sort(key=lambda r: (r.submitted_at or datetime.min, r.row))
        latest = members[-1]
        _corrected(members)
        values: dict[str, Any] = {}
        columns: dict[str, str] = {}
        answers: dict[str, str] = {}
        for rec in members:
            values.update({k: x for k, x in rec.values.items() if x not in (None, "", [])})
            columns.update(rec.columns)
            answers.update(dict(rec.survey))
        times = [r.submitted_at for r in members if r.submitted_at is not None]
        if times:
            values["applied_at"] = _local_stored(min(times))
        merged.append(
            _Record(
                latest.file,
                latest.row,
                values,
                columns,
                _unsuperseded(members),
                list(answers.items()),
                warnings=[w for r in members for w in r.warnings],
                rows=tuple(sorted(r.row for r in members)),
                history=tuple(_submission(r) for r in members[:-1]),
                submitted_at=latest.submitted_at,
            )
        )
    merged.sort(key=lambda r: r.row)
    return merged


def _name_from_other_answers(rec: _Record, name_asked: bool) -> None:
    """An applicant with no name: named by the 群昵称 or 昵称 they answered (as a roster's empty 真实姓名 beside a
    nickname is), else — when the form asks no name at all (微信号, 手机号 and 加入目的 only) — by their WeChat ID, each
    said on the row. Every row was "a new person needs a name" and the export refused, for a form that never asked one.
    A name left empty where the form asks it, with only a WeChat ID or phone beside it, stays that problem (the
    organiser supplies it), as on a roster; the derived name is no identity claim (name_derived)."""
    v = rec.values
    if v.get("name") or rec.problems:
        return
    source = next((f for f in ("group_nickname", "nickname") if v.get(f)), None)
    if source is None and not name_asked and v.get("wechat_id"):
        source = "wechat_id"
    if source is None:
        return
    v["name"] = v[source]
    rec.name_derived = True
    label = FIELD_LABELS[source].split(" ")[0]
    english = FIELD_LABELS[source].split(" ", 1)[1].strip("()")
    rec.warn(
        rec.column(source),
        f"没有填姓名，暂以{label}「{v[source]}」为名，可在名册里改 (no name given: named by the {english} for now)",
        "name_from_nickname" if source != "wechat_id" else "name_from_wechat_id",
        v[source],
    )
    rec.columns.setdefault("name", rec.columns.get(source) or "")


def _namesakes_in_file(records: list[_Record]) -> None:
    """Two applicants of one export with the same name (same_name) that _merge_submissions kept apart — their WeChat
    IDs or phones differ — are two people, added as such; the later one says so, naming the earlier row, as a row
    beside a namesake on the roster does (namesake_added): two 张伟 on the roster are never a surprise."""
    seen: dict[str, list[tuple[str, int]]] = {}
    for rec in records:
        name = rec.values.get("name")
        if not name or rec.name_derived:
            continue
        key = _key(name)
        earlier = seen.setdefault(_untitled(key), [])
        first = next((row for other, row in earlier if same_name(other, key)), None)
        if first is not None:
            rec.warn(
                rec.column("name"),
                f"与第{first}行同名「{name}」，微信号或手机号不同，按两个人导入；若是同一人请在名册里合并 (the same name"
                f" as row {first} with another WeChat ID or phone: imported as two people — merge them in the roster if"
                " they are one)",
                "namesake_in_file",
                rows=(first,),
            )
        earlier.append((key, rec.row))


def _corrected(members: list[_Record]) -> None:
    """Say on the latest submission of one applicant (oldest first) a WeChat ID or phone that it corrects — given
    differently in an earlier row: the latest is kept, the earlier one goes to history, and the organiser sees which
    (张三 wrote zhangsa_01, then zhangsan_01 four minutes later)."""
    latest = members[-1]
    for field_name, label in (("wechat_id", "微信号"), ("phone", "手机号")):
        final = next((r.values[field_name] for r in reversed(members) if r.values.get(field_name)), None)
        if final is None:
            continue
        earlier = [
            (r.row, r.values[field_name])
            for r in members
            if r.values.get(field_name) and _key(r.values[field_name]) != _key(final)
        ]
        if not earlier:
            continue
        shown = (lambda v: mask_phone(v)) if field_name == "phone" else (lambda v: v)
        rows = "、".join(f"第{row}行「{shown(value)}」" for row, value in earlier)
        rows_en = ", ".join(f"row {row} {shown(value)}" for row, value in earlier)
        latest.warn(
            latest.column(field_name) or next((r.column(field_name) for r in members if r.column(field_name)), None),
            f"同一个人重新提交，改了{label}：{rows} → 「{shown(final)}」，按最后一次提交，旧的记在提交历史里 (submitted"
            f" again with another {'WeChat ID' if field_name == 'wechat_id' else 'phone'}: {rows_en} → {shown(final)};"
            " the latest is kept, the earlier one is in the submission history)",
            "resubmitted_changed",
            final if field_name == "wechat_id" else None,
            rows=tuple(row for row, _value in earlier),
        )


def plan_applications_import(
    session: Session,
    group_id: int | None,
    table: Table,
    *,
    progress: ProgressLike | None = None,
    actor: Actor | None = None,
    writer: _Writer | None = None,
    problem_rows: Iterable[int] = (),
) -> ImportPlan:
    """Plan an import of survey-tool applications: everyone new becomes 申请中; one applicant per person
    however often they submitted (the latest submission wins, the earlier ones are kept in history)."""
    from desktop.io.survey import (
        SurveyAnswer,
        is_phone_question,
        numbered_choices,
        read_applications,
        survey_layout,
        ticked_questions,
    )

    headers = list(table.headers)
    ctx = _Context(session, group_id)
    parser = _Parser(table.file, ctx.tiers, clock.today(), table.date1904, file_year=file_year_of(table))
    cell_problems: list[ImportProblem] = []
    planner = _Planner(ctx, table, "applications", group_id, headers, {}, actor, True, writer, problem_rows)
    try:
        applications = read_applications(table, problems=cell_problems)
    except ImportProblem as problem:
        return planner.result([problem])
    layout = survey_layout(table)
    time_column = table.headers[layout.time_column] if layout.time_column is not None else None
    roles = {r: i for r, i in layout.roles.items() if r != "nickname"}
    role_columns = set(layout.roles.values())
    # 问卷星 downloaded "按选项序号": 您的职业: 3 is the third option, never an occupation (said once, below)
    # a multi-choice split over columns ticked 1/0 (4、兴趣(读书), 4、兴趣(跑步)): one answer of the options ticked
    ticked = {q.options[0][0]: q for q in ticked_questions(layout, headers, applications)}
    ticked_columns = {index for q in ticked.values() for index, _option in q.options}
    numbered = [
        i for i in numbered_choices(layout, headers, applications) if i not in ticked_columns
    ]  # 兴趣:写作 all 1
    extra_fields: dict[int, str] = {}
    for index, label in layout.questions:
        if index in numbered or index in ticked_columns:
            continue
        name = header_field(headers[index]) if index not in role_columns else None
        name = name or (header_field(label) if index not in role_columns else None)
        if name in _SURVEY_FIELDS and name not in extra_fields.values():
            extra_fields[index] = name
    mapping = {index: role for role, index in layout.roles.items()} | extra_fields
    planner.mapping = mapping
    phone_questions = {
        index for index, label in layout.questions if index not in role_columns and is_phone_question(label)
    }
    # a sign-up form's 审核状态 / 支付状态 (活动行, 互动吧): a declined, cancelled or refunded sign-up is no application
    # (skipped and named); one waiting for approval or payment is exactly an applicant. Not an answer for the note
    states = [
        (index, _column_name(headers, index))
        for index, _label in layout.questions
        if index not in role_columns and header_field(headers[index]) == "order_status"
    ]
    state_columns = {index for index, _ in states}
    archived = session.scalar(select(Group.archived_at).where(Group.id == group_id)) if group_id else None
    archived_on = archived.date() if archived is not None else None
    amount_column = next(
        (i for i, _label in layout.questions if i not in role_columns and paid_amount_column(headers[i])), None
    )
    refund_column = next(
        (i for i, _label in layout.questions if i not in role_columns and refunded_amount_column(headers[i])), None
    )
    declined: list[Any] = []
    no_fee_step_said = False  # the group has no payment step: said on the first paid row
    by_row: dict[int, list[ImportProblem]] = {}
    for problem in cell_problems:
        by_row.setdefault(problem.row or 0, []).append(problem)
    records: list[_Record] = []
    total = len(applications)
    for i, app in enumerate(applications):
        if i % 1000 == 0:
            _step(progress, i, total)
        rec = _Record(table.file, app.row, submitted_at=app.submitted_at, time_column=time_column)
        for problem in by_row.get(app.row, []):
            if problem.code == "phone_scientific_notation" and (app.name or app.wechat_id or app.nickname):
                # 1.38001E+10: the export was opened in Excel and saved, and the phone lost its last digits — in every
                # row, usually. Nothing in the file to correct and no number to guess: the applicant comes in without
                # a phone (their name or WeChat ID says who they are), said on the row; the export downloaded again adds
                # it. A row with the phone alone stays a problem: nobody to add without it
                rec.warn(
                    problem.column,
                    f"手机号 {problem.value} 丢失了后几位数字（文件用 Excel 打开另存过，成了科学计数法），这一行不设手机号，"
                    "其余照常导入；从问卷工具重新下载导出（不经 Excel 另存）再导入一次即可补上 (the phone lost its last"
                    " digits to scientific notation: imported without a phone; download the export again, not saved by"
                    " Excel, and import it to add the phones)",
                    "phone_digits_lost",
                    problem.value,
                )
            else:
                rec.problems.append(problem)
        unpaid = False  # a state column says the row is not (yet) paid: no amount is recorded as the fee
        for role, value in (("name", app.name), ("wechat_id", app.wechat_id), ("purpose", app.purpose)):
            if role in roles:
                parser.cell(rec, role, _column_name(headers, roles[role]), value)
        if app.nickname is not None:
            parser.cell(rec, "nickname", _column_name(headers, layout.roles["nickname"]), app.nickname)
        if app.group_nickname is not None:
            parser.cell(
                rec, "group_nickname", _column_name(headers, layout.roles["group_nickname"]), app.group_nickname
            )
        if "phone" in roles:
            rec.columns["phone"] = _column_name(headers, roles["phone"])
            if app.phone is not None:
                parser.cell(rec, "phone", rec.columns["phone"], app.phone)
        if _is_mobile(rec.values.get("wechat_id")):  # 微信号: 13800138000 — the phone, not an ID
            column = _column_name(headers, roles["wechat_id"])
            given = rec.values.get("phone")
            if given is not None and parse_phone(rec.values["wechat_id"], file="", row=0, column="") != given:
                # 微信号 13912345678 and 手机号 13800138000 on the applicant's own form: WeChat finds them by the other
                # number. Their phone is the phone question's answer; the other number is no WeChat ID, and no
                # reason to refuse them: kept on the note, masked, and said on the row
                text = rec.values.pop("wechat_id")
                question = next(label for index, label in layout.questions if index == roles["wechat_id"])
                rec.survey.append((question, _masked_phone(text)))
                rec.warn(
                    column,
                    f"填的是另一个手机号 {mask_phone(parse_phone(text, file='', row=0, column='') or text)}，不是微信号："
                    f"手机号取「{rec.columns['phone']}」列的，这个号码留在备注里 (a phone other than the row's"
                    " where the WeChat ID should be: the phone question's answer is the phone, this number is kept"
                    " on the note)",
                    "wechat_is_other_phone",
                    text,
                )
            else:
                wechat_phone(parser, rec, column, phone_column="phone" in roles)
        answers = dict(zip((index for index, _ in layout.questions), app.answers, strict=True))
        for index, name in extra_fields.items():  # a bonus: an odd answer is no problem, it stays on the note
            answer = _one_line(answers[index].answer)
            value = parse_gender(answer) if name == "gender" and answer else answer
            if value and len(value) <= _MAX_LENGTH.get(name, 100):
                rec.values[name] = value
        for index, column in states:
            try:
                state = parser._parse(rec, "order_status", column, answers[index].answer)
            except ImportProblem as problem:
                rec.problems.append(problem)
                continue
            if rec.not_ordered is None and order_outcome(state) == "out" and not order_waiting(state):
                rec.not_ordered = state
            if order_outcome(state) != "in":
                unpaid = True
        if amount_column is not None and not unpaid:  # paid (or no state said otherwise): the 门槛费 step's amount
            written = _one_line(answers[amount_column].answer)
            cents = amount_cents(written)
            # 部分退款 (a partial refund) is a paid row: what was paid less what was refunded is what they paid
            refunded = amount_cents(_one_line(answers[refund_column].answer)) if refund_column is not None else None
            if cents and refunded:
                cents = max(cents - refunded, 0)
            if cents:
                rec.values["fee_paid_cents"] = cents
                if ctx.fee_step_id is None and not no_fee_step_said:
                    # said once, on the first paid row: 120 paid rows into a group set up without 缴纳门槛费 recorded
                    # no fee for anyone, without a word (the amounts went to the notes) — the step was forgotten
                    no_fee_step_said = True
                    rec.warn(
                        _column_name(headers, amount_column),
                        f"本群没有缴费步骤（缴纳门槛费），从这一行起的已付金额（{written}）都没有记为门槛费，只留在备注里；"
                        "在入群步骤里加一个缴费步骤后再导入一次即可记录 (the group has no payment step: the amounts paid "
                        "are kept on the notes only, from this row on; add one and import the file again to record them)",
                        "no_fee_step",
                        written,
                    )
            elif written and cents is None:
                rec.warn(
                    _column_name(headers, amount_column),
                    f"「{written}」不是金额，门槛费未记录，留在备注里 (not an amount: the fee is not recorded, kept on the"
                    " note)",
                    "amount_unreadable",
                    written,
                )
        for index, _label in layout.questions:
            answer = answers[index]
            if index in ticked:  # the options ticked, at the place of the question's first column
                question = ticked[index]
                answer = SurveyAnswer(
                    question.label, question.answer({i: answers[i].answer for i, _ in question.options})
                )
            elif index in ticked_columns:
                continue
            if index in role_columns or index in state_columns or answer.answer is None:
                continue
            text = _LINE_BREAKS.sub(" / ", _CONTROL.sub("", answer.answer).replace("\t", " ")).strip()
            if text:  # a phone is masked whatever the question calls it (紧急联系人, 您的号码, Mobile) — once the ID
                # numbers are cut: a mobile written next to one (13800138000 110105-19900101-5678) is a phone of its own
                text = _without_id_numbers(rec, answer.question, text) or ""
                text = _masked_phone(text, phone_question=index in phone_questions)
            if text:
                rec.survey.append((answer.question, text))
        if app.submitted_at is not None:
            rec.values["applied_at"] = _local_stored(app.submitted_at)
            if app.moved_from is not None:  # 2026-11-30 23:59:59 (UTC) is 1 December in Shanghai: said on the row
                rec.warn(time_column, zone_moved_note(app.moved_from, app.submitted_at), "zone_day")
            if archived_on is not None and rec.values["applied_at"].date() > archived_on:
                # 二期's sign-up form imported into 一期, archived at its 结营: applicants of an ended camp, who wait
                # for nothing, and the renewers' answers on the old cohort — a problem naming the row, as a check-in
                # after the archiving day is (checkin_import)
                rec.problem(
                    time_column,
                    f"提交于 {_show_date(rec.values['applied_at'])}，社群已于 {archived_on} 归档（结营），不再收报名："
                    f"是新一期的报名吗？请导入到新一期 (submitted after the group was archived on {archived_on}: the next"
                    " cohort's form? import it into that group)",
                    "after_archived",
                    _show_date(rec.values["applied_at"]),
                )
        _name_from_other_answers(rec, "name" in layout.roles)
        if not rec.problems and not any(
            rec.values.get(f) for f in ("name", "wechat_id", "phone", "nickname", "group_nickname")
        ):
            # a form sent with no name, WeChat ID or phone (opened and submitted empty, or only 无): nobody to add, and
            # nothing in the file to correct — left out and named (the answers it has shown), never a problem that
            # refuses the applicants around it nor a row dropped unseen
            from desktop.io.tabular import Skipped

            shown = "; ".join(f"{question}: {answer}" for question, answer in rec.survey[:3])
            declined.append(Skipped(rec.row, "no_applicant", shown or None))
            continue
        if rec.not_ordered is not None:
            from desktop.io.tabular import Skipped

            who = rec.values.get("name") or rec.values.get("wechat_id") or ""
            text = f"{who}（{rec.not_ordered}）" if who else rec.not_ordered
            fee = _fee_on_file(ctx, rec)
            if fee:  # refunded after an earlier export recorded their fee: the record stays, and says so
                text += (
                    f"：名册上仍记着已缴门槛费 {_yuan(fee)}，若已退款请在入群进度里撤销「缴纳门槛费」"
                    f" (the fee {_yuan(fee)} recorded for them stays: undo the fee step if it was refunded)"
                )
            declined.append(Skipped(rec.row, "order", text))
            continue
        records.append(rec)
    planner.examples.extend(declined)
    if not records and not declined:
        return planner.result(_no_rows(table))
    merged = _merge_submissions(records)
    _namesakes_in_file(merged)
    if numbered and merged:  # said once, on the first applicant: the file holds no option text to show instead
        labels = dict(layout.questions)
        asked = "、".join(f"「{labels[i]}」" for i in numbered[:5]) + (
            f" 等 {len(numbered)} 题" if len(numbered) > 5 else ""
        )
        merged[0].warn(
            _column_name(headers, numbered[0]),
            f"{asked}的回答是选项序号（如 1、2、1┋3），不是选项文字：这份导出像是问卷星「按选项序号」下载的，备注里只记下"
            "数字，性别、城市、职业不从这些题填写；在问卷星下载答卷数据时选「按选项文本」，再导入一次即可更新"
            f" (the answers to {', '.join(re.sub(r'[()（）]', '', labels[i]) for i in numbered[:5])} are option numbers,"
            " not the options'"
            " text — a download by option number: the notes keep the numbers only and gender, city or occupation are"
            " not filled from them; download it by option text and import it again)",
            "choice_numbers",
        )
    for batch in _batches(merged):
        planner.plan(batch)
    answer_columns = tuple(i for i, _label in layout.questions if i not in role_columns and i not in state_columns)
    return replace(planner.result(), answer_columns=answer_columns)


def _moves_phone(ctx: _Context, owners: list[int], phone: str | None) -> bool:
    """Whether the file takes `phone` from every member holding it now: each of their rows gives them another."""
    return bool(owners) and all(ctx.file_phones.get(m) not in (None, phone) for m in owners)


def _moved_phone_warning(ctx: _Context, rec: _Record, owners: list[int], to: str) -> None:
    phone = rec.values.get("phone")
    held = "、".join(ctx.people[m].display_name for m in owners[:5])
    rec.warn(
        rec.column("phone"),
        f"手机号 {phone} 原是「{held}」的，这份文件给「{held}」换了新号：改为「{to}」的手机号"
        f" (the phone was {held}'s, whom the file gives another number: it moves to this row's member)",
        "phone_moved",
        phone,
    )


def _shared_phone_warning(ctx: _Context, rec: _Record, member_id: int | None, owners: list[int]) -> None:
    """A family sharing a phone is normal: the row's person gets a phone other people already have — say who."""
    phone = rec.values.get("phone")
    others = [m for m in owners if m != member_id]
    if not others or (member_id is not None and ctx.people[member_id].phone == phone):
        return  # nothing new: the person already has this phone (shared before)
    ctx.load(others)
    if _moves_phone(ctx, others, phone):  # not a family: the file gives them another number on their own rows
        _moved_phone_warning(ctx, rec, others, rec.values.get("name") or rec.values.get("nickname") or "")
        return
    names = "、".join(f"「{ctx.people[m].display_name}」" for m in others[:5])
    rec.warn(
        rec.column("phone"),
        f"手机号与{names}相同，按不同的人导入（家人共用一个手机号） (shares the phone with another member: imported as"
        " another person)",
        "phone_shared",
        phone,
    )


def _match(ctx: _Context, rec: _Record) -> int | None:
    """The member this row is about (None: a new person); adds a problem when it cannot tell (_match_contacts),
    then checks the row's QQ number: a QQ number names its person like a WeChat ID — a row that matched nobody by
    WeChat ID, phone or name is the member with its QQ number (unless their WeChat ID or phone says otherwise); a
    row that matched one member while its QQ number is another's, or whose member has another QQ number, is a
    problem (never a second QQ number overwriting the first, never two people merged)."""
    qq = rec.values.get("qq")
    problems, warnings = len(rec.problems), len(rec.warnings)
    found = _match_contacts(ctx, rec)
    if not qq or len(rec.problems) > problems:
        return found
    holders = ctx.by_qq.get(qq, [])
    if len(holders) > 1:
        in_group = [m for m in holders if ctx.in_group(m)]
        holders = in_group if len(in_group) == 1 else holders
    if len(holders) > 1:
        rec.problem(
            rec.column("qq"), f"有 {len(holders)} 人的QQ号都是这个，无法确定是谁 (ambiguous)", "ambiguous_person"
        )
        return None
    holder = holders[0] if holders else None
    if holder is not None:
        ctx.load([holder])
    if found is not None and holder is not None and found != holder:
        rec.problem(
            rec.column("qq"),
            f"QQ号 {qq} 属于「{ctx.people[holder].display_name}」，这一行的其他信息却是「{ctx.people[found].display_name}」的"
            " (the QQ number belongs to another member)",
            "qq_of_another_person",
            qq,
        )
        return None
    if found is not None:
        own = ctx.people[found].qq
        if own and own != qq:
            rec.problem(
                rec.column("qq"),
                f"「{ctx.people[found].display_name}」的QQ号是 {own}，这一行却是 {qq}；若换了QQ号请在名册里修改"
                " (the member has another QQ number)",
                "qq_differs",
                qq,
            )
            return None
        return found
    if holder is None:
        return None
    person = ctx.people[holder]
    if person.qq and person.qq != qq:  # known by this number in the group's chat, with another one on record
        rec.problem(
            rec.column("qq"),
            f"「{person.display_name}」的QQ号是 {person.qq}，这一行却是 {qq} (the member has another QQ number)",
            "qq_differs",
            qq,
        )
        return None
    wechat, phone = rec.values.get("wechat_id"), rec.values.get("phone")
    phone_owners = ctx.by_phone.get(phone, []) if phone else []
    if (wechat and person.wechat_id and _key(person.wechat_id) != _key(wechat)) or (
        phone_owners and holder not in phone_owners
    ):
        rec.problem(
            rec.column("qq"),
            f"QQ号 {qq} 属于「{person.display_name}」，这一行的微信号或手机号却不是他/她的"
            " (the QQ number belongs to a member with another WeChat ID or phone)",
            "qq_of_another_person",
            qq,
        )
        return None
    # "a namesake added as another person" no longer holds: the QQ number names them
    rec.warnings[warnings:] = [
        w for w in rec.warnings[warnings:] if w.code not in ("namesake_added", "lookalike_added")
    ]
    return holder


def _earlier_wechats(rec: _Record) -> set[str]:
    """The WeChat IDs (keys) an applicant gave in the earlier submissions of this file (_merge_submissions)."""
    return {_key(h["person"]["wechat_id"]) for h in rec.history if h.get("person", {}).get("wechat_id")}


def _file_phones(ctx: _Context, table: Table, mapping: dict[int, str], left_out: frozenset[int]) -> dict[int, str]:
    """The phone the file gives each member one of its rows names by WeChat ID (one WeChat ID and one phone column;
    a table held in memory, whose rows are read twice at little cost): what tells a phone the file moves from one
    member to another from one two people hold. Cells that are no WeChat ID or phone are passed over (the planning
    says what is wrong with them), and so are the rows left out (skip_problems): their member keeps their phone."""
    wechat_cols = [i for i, f in mapping.items() if f == "wechat_id"]
    phone_cols = [i for i, f in mapping.items() if f == "phone"]
    if len(wechat_cols) != 1 or len(phone_cols) != 1 or not ctx.by_phone or table.streamed or ctx.phones_masked:
        return {}
    w, p = wechat_cols[0], phone_cols[0]
    found: dict[int, str] = {}
    for row, cells in table.rows:
        if row in left_out:
            continue
        wechat = _wechat(cells[w]) if w < len(cells) else None
        holders = ctx.by_wechat.get(_key(wechat), ()) if wechat else ()
        if len(holders) != 1 or p >= len(cells) or cells[p] is None:
            continue
        value = cells[p]
        if (
            type(value) is str
            and len(value) == 11
            and value.isascii()
            and value.isdigit()
            and value[0] == "1"
            and value[1] in "3456789"
        ):
            found[holders[0]] = value  # a plain mainland mobile: already canonical (the common case, as _parse)
            continue
        try:
            phone = parse_phone(value, file="", row=0, column="")
            phone = normalise_phone(phone) if phone else None
        except (ImportProblem, ValidationError):
            continue
        if phone:
            found[holders[0]] = phone
    return found


def _match_contacts(ctx: _Context, rec: _Record) -> int | None:
    """The member this row is about by WeChat ID, phone and name (None: a new person).

    A WeChat ID names its person; a phone several people share (a family) is only a hint: among its owners the
    row is the one with its WeChat ID, else the one known by its name; an owner with another WeChat ID is another
    person (the row is a new person sharing the phone, with a warning). A phone whose owners all have other names
    and no WeChat ID tells the row apart stays a problem (phone_of_person_with_other_name), unless the row's name
    is a member of the group without that phone (the same family: a warning). A name derived from a group nickname
    (no name column) is no identity claim: it only chooses among a phone's owners."""
    wechat, phone, name = rec.values.get("wechat_id"), rec.values.get("phone"), rec.values.get("name")
    derived = rec.name_derived

    def pick(candidates: list[int], column: str | None, what: str) -> int | None:
        if len(candidates) > 1:
            in_group = [m for m in candidates if ctx.in_group(m)]
            if len(in_group) == 1:
                return in_group[0]
            rec.problem(
                column, f"有 {len(candidates)} 人的{what}都是这个，无法确定是谁 (ambiguous)", "ambiguous_person"
            )
            return None
        return candidates[0] if candidates else None

    def other_wechat(mid: int) -> bool:  # an owner whose WeChat ID says they are someone else than the row
        person = ctx.people[mid]
        return bool(wechat and person.wechat_id and _key(person.wechat_id) != _key(wechat))

    owners = list(ctx.by_phone.get(phone, [])) if phone else []
    if owners:
        ctx.load(owners)
    if wechat:
        holders = ctx.by_wechat.get(_key(wechat), [])
        if holders:
            by_wechat = pick(holders, rec.column("wechat_id"), "微信号")
            if by_wechat is not None and name and not derived and not _answers_to(ctx, by_wechat, name):
                # the WeChat ID is one person's, the name and phone another's (a spouse using it): never a rename
                other = next((m for m in owners if m != by_wechat and _answers_to(ctx, m, name)), None)
                if other is not None:
                    rec.problem(
                        rec.column("wechat_id"),
                        f"微信号 {wechat} 属于「{ctx.people[by_wechat].display_name}」，姓名和手机号却是另一位成员"
                        f"「{ctx.people[other].display_name}」的 (WeChat ID of one member, name and phone of another)",
                        "wechat_and_phone_of_two_people",
                    )
                    return None
            if by_wechat is None or not owners or by_wechat in owners:
                return by_wechat
            ctx.load([by_wechat])
            if not ctx.people[by_wechat].phone and all(other_wechat(m) for m in owners):
                # no phone yet, and the phone's owners have other WeChat IDs: a family sharing it
                _shared_phone_warning(ctx, rec, by_wechat, owners)
                return by_wechat
            owner = ctx.people[owners[0]]
            if _moves_phone(ctx, owners, phone):
                # the file gives the phone's holder another number on their own row (a phone passed on, two phones
                # put right after a swapped import): the phone moves to this row's person, said on the row
                _moved_phone_warning(ctx, rec, owners, ctx.people[by_wechat].display_name)
                return by_wechat
            rec.problem(
                rec.column("phone"),
                f"微信号属于「{ctx.people[by_wechat].display_name}」，手机号却属于「{owner.display_name}」"
                " (WeChat ID and phone belong to different people)",
                "wechat_and_phone_of_two_people",
            )
            return None
    if owners:
        eligible = [m for m in owners if not other_wechat(m)]
        namesake = next((m for m in owners if other_wechat(m) and name and _answers_to(ctx, m, name)), None)
        if namesake is not None and not eligible:  # same name and phone, another WeChat ID: unsure, not a family
            person = ctx.people[namesake]
            if _key(person.wechat_id) in _earlier_wechats(rec):
                # unless the file shows the change: this applicant's earlier submission in it gave the stored WeChat ID
                # (zhangsa_01, imported from last week's export) and the latest corrects it — the same person
                return namesake
            rec.problem(
                rec.column("phone"),
                f"手机号 {phone} 已属于「{person.display_name}」(微信号 {person.wechat_id})，这一行的微信号却是 {wechat}"
                " (the phone belongs to someone with another WeChat ID)",
                "phone_of_another_person",
            )
            return None
        if not eligible:  # every owner has another WeChat ID (and another name): a new person sharing the phone
            _shared_phone_warning(ctx, rec, None, owners)
            return None
        if name:
            known = [m for m in eligible if _answers_to(ctx, m, name)]
            if len(known) == 1:
                return known[0]
            if len(known) > 1:
                return pick(known, rec.column("phone"), "手机号和姓名")
            if derived:
                return _by_group_nickname(ctx, rec, name, eligible)
            before = len(rec.problems)
            same_family = _by_name(ctx, rec, name, wechat, phone)
            if same_family is not None:
                _shared_phone_warning(ctx, rec, same_family, owners)
                return same_family
            if len(rec.problems) > before:  # ambiguous name
                return None
            owner = ctx.people[eligible[0]]
            rec.problem(
                rec.column("phone"),
                f"手机号 {phone} 已属于另一位成员，姓名与这一行的「{name}」不同，未当作同一人；若是同一人改了名，请先在名册里改名"
                f" (the phone belongs to a member with another name; not taken as the same person): {owner.display_name}",
                "phone_of_person_with_other_name",
                phone,
            )
            return None
        return pick(eligible, rec.column("phone"), "手机号")
    if not name:
        return None
    return _by_name(ctx, rec, name, wechat, phone)


def _by_group_nickname(ctx: _Context, rec: _Record, name: str, eligible: list[int]) -> int | None:
    """The phone owner a group nickname (no name column) known by none of them is about, or a problem.

    A group nickname changes (三哥-深圳 → 三哥-广州), but a phone is shared by families: the sole owner is taken
    when they have no group nickname here yet or the new one contains / is contained in a name they are known by;
    several owners, a name another member of the group goes by, or an unrelated new group nickname (老张 → 张嫂,
    a spouse?) is a problem naming the phone's owners — never a changed group nickname on the wrong person."""
    phone = rec.values.get("phone")
    others = [m for m in ctx.group_by_name.get(_key(name), []) if m not in eligible]
    if len(eligible) == 1 and not others:
        mid = eligible[0]
        person = ctx.people[mid]
        if person.ms is None or not person.ms.group_nickname or _related(ctx, mid, name):
            return mid
    names = "、".join(f"「{_shown(ctx, m)}」" for m in eligible[:5])
    rec.problem(
        rec.column("phone"),
        f"手机号 {phone} 属于{names}，群昵称「{name}」不是其已知的名字，可能是共用手机号的家人；请补上姓名或微信号"
        f" (the phone's owners are not known by this group nickname: add a name or WeChat ID)",
        "phone_of_person_with_other_name",
        phone,
    )
    return None


def _shown(ctx: _Context, member_id: int) -> str:
    person = ctx.people[member_id]
    nick = person.ms.group_nickname if person.ms is not None else None
    return f"{person.display_name}（群昵称 {nick}）" if nick else person.display_name


def _related(ctx: _Context, member_id: int, name: str) -> bool:
    """Whether a group nickname contains, or is contained in, a name (2+ characters) this member is known by."""
    key = _key(name)
    return any(
        len(known) >= 2 and (known in key or key in known) for known in (_key(n) for n in _known_names(ctx, member_id))
    )


# the monthly workbook numbers a group's namesakes on every sheet, 王芳 (1) and 王芳 (2) (report._number_namesakes)
_NUMBERED_NAME = re.compile(r"(.+?) \((\d{1,3})\)")


def _numbered_namesakes(ctx: _Context, name: str) -> list[int]:
    """The group's namesakes a name numbered as the monthly workbook numbers them (王芳 (2)) is one of: [] when the
    name is no such numbering (not numbered, a member really called so, or fewer than two of the base name)."""
    numbered = _NUMBERED_NAME.fullmatch(name)
    if numbered is None or ctx.group_by_name.get(_key(name)):
        return []
    same = ctx.group_by_name.get(_key(numbered[1]), [])
    return same if len(same) > 1 else []


def _contradicted(person: _Person, rec: _Record, wechat: str | None, phone: str | None) -> bool:
    """Whether the row's WeChat ID, phone or QQ number says another person than `person` (one stored and different)."""
    if wechat and person.wechat_id and _key(person.wechat_id) != _key(wechat):
        return True
    if phone and person.phone and person.phone != phone:
        return True
    qq = rec.values.get("qq")
    return bool(qq and person.qq and person.qq != qq)


def _by_name(ctx: _Context, rec: _Record, name: str, wechat: str | None, phone: str | None) -> int | None:
    """The member of the group called `name` whose WeChat ID and phone do not contradict the row's.

    The monthly workbook's 成员名册 read back writes two 王芳 as 王芳 (1) and 王芳 (2): the number is no one's name, and
    the order it follows may have changed since. Such a row is the namesake its masked phone's digits fit (the only
    one); else a problem naming the row — 王芳 (2) was added as a third person of a new name."""
    numbered = _numbered_namesakes(ctx, name)
    candidates = []
    for mid in numbered or ctx.group_by_name.get(_key(name), []):
        person = ctx.people[mid]
        if _contradicted(person, rec, wechat, phone):
            continue
        if rec.masked_phone and _fits_mask(person.phone, rec.masked_phone) is False:
            continue  # 王芳 139****9000 is not the 王芳 of 13800138000: the visible digits say another number
        candidates.append(mid)
    if numbered:
        fits = [m for m in candidates if rec.masked_phone and _fits_mask(ctx.people[m].phone, rec.masked_phone)]
        if len(fits) == 1:
            rec.by_masked_phone = True
            return fits[0]
        base = _NUMBERED_NAME.fullmatch(name)[1]  # type: ignore[index]
        rec.problem(
            rec.column("name"),
            f"「{name}」是月报给同名成员的编号, 社群里有 {len(numbered)} 人叫「{base}」, 不能确定是哪一位; 请写上微信号或"
            f"完整手机号 (the monthly workbook's numbering of {len(numbered)} members called {base}: not certain who"
            " this is — write the WeChat ID or the full phone)",
            "ambiguous_name",
        )
        return None
    if len(candidates) > 1 and rec.masked_phone:
        # an assistant's roster export read back (phones 138****8000): the namesake whose stored phone the mask fits,
        # when exactly one does — the phone itself is never written from it (the stored one stays)
        fits = [m for m in candidates if _fits_mask(ctx.people[m].phone, rec.masked_phone)]
        if len(fits) == 1:
            rec.by_masked_phone = True
            return fits[0]
    if len(candidates) > 1:
        ids = [ctx.people[m].wechat_id for m in candidates if ctx.people[m].wechat_id]
        known = f"；他们的微信号: {'、'.join(ids)} (their WeChat IDs: {', '.join(ids)})" if ids else ""
        rec.problem(
            rec.column("name"),
            f"社群里有 {len(candidates)} 人叫「{name}」，请补上微信号或手机号以区分 (ambiguous name){known}",
            "ambiguous_name",
        )
        return None
    namesakes = ctx.group_by_name.get(_key(name), [])
    if not candidates and rec.of_other_group:
        moved = _in_roster_group(ctx, rec, name, wechat, phone)
        if moved is not None:
            return moved
    if not candidates and namesakes:  # 王五 with a new WeChat ID and no phone: another person, and said so
        rec.warn(
            rec.column("name"),
            f"社群里已有「{name}」，但微信号、QQ号或手机号不同，这一行作为另一个人新增；若是同一人请在名册里合并 "
            f"(a member called {name} exists with another WeChat ID, QQ number or phone: added as another person — merge them "
            "in the roster if they are one)",
            "namesake_added",
            name,
        )
    elif not candidates:
        _lookalike_warning(ctx, rec, name)
    if candidates and rec.masked_phone and _fits_mask(ctx.people[candidates[0]].phone, rec.masked_phone):
        rec.by_masked_phone = True  # told from the file's other rows of this name by the mask (_duplicates)
    return candidates[0] if candidates else None


def _in_roster_group(ctx: _Context, rec: _Record, name: str, wechat: str | None, phone: str | None) -> int | None:
    """The person a row of another group's roster (`export roster --group 一期` imported into 二期) is, when nothing
    else named them: the one member of that group (not one who left) called `name` whose WeChat ID, phone and QQ do not
    contradict the row's — with a masked phone (an assistant's export), whose stored phone the mask fits. Moving people
    by a roster made 韩梅梅 (no WeChat ID or phone) or 姓名张 (137****7000) a second person of the same name, without
    her phone, check-ins or points; now she is the same person, said on the row. Several such members: none."""
    if ctx.other_roster is None:
        return None
    if ctx.roster_group_names is None:  # that group's members by name, read once
        ctx.roster_group_names = {}
        wanted = group_key(ctx.other_roster)
        groups = [g for g, n in ctx.session.execute(select(Group.id, Group.name)) if group_key(n) == wanted]
        for mid, shown in ctx.session.execute(
            select(Member.id, Member.display_name)
            .join(Membership, Membership.member_id == Member.id)
            .where(Membership.group_id.in_(groups), ctx.live, Membership.status.not_in(ENDED_STATUSES))
        ):
            ctx.roster_group_names.setdefault(_key(shown), []).append(mid)
    found = []
    for mid in ctx.roster_group_names.get(_key(name), []):
        ctx.load([mid])
        person = ctx.people[mid]
        if _contradicted(person, rec, wechat, phone):
            continue
        if rec.masked_phone and not _fits_mask(person.phone, rec.masked_phone):
            continue  # a masked phone: only a stored phone it fits (none stored, or one the mask cannot tell: no)
        found.append(mid)
    if len(found) != 1:
        return None
    rec.by_masked_phone = rec.masked_phone is not None
    rec.warn(
        rec.column("name"),
        f"「{name}」是「{ctx.other_roster}」里的这位成员, 作为同一人加入本群 (the member of {ctx.other_roster} called so: joins this"
        " group as the same person)",
        "moved_from_roster_group",
        name,
    )
    return found[0]


def _keeps_stored_phone(rec: _Record, person: _Person | None) -> None:
    """A masked phone's warning on the row of someone whose phone is stored: "imported without a phone" read as if
    the import took their number away (every row of an assistant's roster export read back said it); it says the
    stored phone stays."""
    if person is None or not person.phone or not rec.masked_phone:
        return
    for i, w in enumerate(rec.warnings):
        if w.code == "phone_masked":
            rec.warnings[i] = replace(
                w,
                message=f"{w.value} 是打码的手机号（中间几位是 *），不读；已存的手机号保持不变"
                " (a masked phone: not read — the stored phone stays)",
            )


def _fits_mask(phone: str | None, masked: str) -> bool | None:
    """Whether a stored phone (13900139000, or 139****9000 as an assistant's team login reads it) is one the masked
    cell (139****9000, +86 139****9000) could be: its visible digits, at least 3 before and 4 after the mask, begin
    and end it. None when that cannot be told (no stored phone, too few digits shown: ***********, ****8000). Only
    ever used to tell namesakes apart, never to find or store a phone."""
    if not phone:
        return None
    m = re.fullmatch(r"\+?(\d*)[*＊×xX•·]{3,}(\d*)", unicodedata.normalize("NFKC", masked))
    if m is None:
        return None
    head, tail = m[1], m[2]
    stored = phone.lstrip("+")
    if len(head) > 3 and head.startswith("86") and not stored.startswith("86"):
        head = head[2:]
    if len(head) < 3 or len(tail) < 4 or len(head) + len(tail) >= len(stored):
        return None
    return stored.startswith(head) and stored.endswith(tail)


def _lookalike_warning(ctx: _Context, rec: _Record, name: str) -> None:
    """A new person whose name a paste would read as a member of the group — the name with decorations
    (王芳🌸 for 王芳), one segment of it (北京-王芳), the same reading (汪芳 for 王芳, 張偉 for 张伟) — or as someone
    deleted from its roster: added as another person all the same (a name is no identity), but said, naming
    them, so that a second 王芳 is never made without a word (the paste's matcher: RosterIndex.lookalikes). A row
    with no WeChat ID, phone or QQ number whose name is exactly a person's of another group (一期's 李娜 on the
    roster of 二期) is said the same way (_elsewhere_warning): a name matches within the group only, and a second
    李娜 was made without a word."""
    if ctx.group_id is None:
        _elsewhere_warning(ctx, rec, name)
        return
    if ctx.roster_index is None:
        from desktop.services.paste import RosterIndex

        ctx.roster_index = RosterIndex(ctx.session, ctx.group_id)
    cands = ctx.roster_index.lookalikes(name)
    deleted = [c.display_name for c in cands if c.status == "deleted"]
    alike = list(dict.fromkeys(c.display_name for c in cands if c.membership_id is not None))
    if deleted:
        who = "、".join(f"「{n}」" for n in dict.fromkeys(deleted))
        rec.warn(
            rec.column("name"),
            f"名册里删除过{who}，这一行作为新成员新增；若是同一人请先在名册里恢复 "
            f"(a person called {name} was deleted from the roster: added as a new member — restore them instead if "
            "they are one)",
            "lookalike_added",
            name,
        )
    elif alike:
        who = "、".join(f"「{n}」" for n in alike[:5])
        rec.warn(
            rec.column("name"),
            f"「{name}」与社群里的{who}看起来是同一个名字 (装饰符号、群昵称或读音)，这一行作为另一个人新增；"
            f"若是同一人请在名册里合并 (looks like {'、'.join(alike[:5])} of the group: added as another person — merge "
            "them in the roster if they are one)",
            "lookalike_added",
            name,
        )
    else:
        _elsewhere_warning(ctx, rec, name)


def _elsewhere_warning(ctx: _Context, rec: _Record, name: str) -> None:
    """A new person, nothing on the row but the name (no WeChat ID, phone or QQ number), called exactly as someone
    of another group is (display name or nickname): added as another person, as a name is no identity, but said,
    naming that group and the person's WeChat ID — the same 李娜 in 一期 and 二期 is one person to merge."""
    if any(rec.values.get(f) for f in ("wechat_id", "phone", "qq")):
        return  # a WeChat ID or phone of nobody's: another person indeed (the workspace-wide match found none)
    key = _key(name)
    if not key:
        return
    live = Member.deleted_at.is_(None) & Member.merged_into_id.is_(None)
    if ctx.known_names is None:  # every live person's names, read once (a first roster of 18,000 names: no query each)
        ctx.known_names = {
            _key(n)
            for row in ctx.session.execute(select(Member.display_name, Member.nickname).where(live))
            for n in row
            if n
        }
    if key not in ctx.known_names:
        return
    found = ctx.elsewhere.get(key)
    if found is None:
        forms = list(dict.fromkeys(f for f in (name.strip(), unicodedata.normalize("NFKC", name).strip()) if f))
        people = union(
            select(Member.id).where(Member.display_name.in_(forms), live),
            select(Member.id).where(Member.nickname.in_(forms), live),
        )
        q = (
            select(
                Member.id,
                Member.display_name,
                Member.wechat_id,
                Group.name + case((Membership.status == "blacklisted", " 黑名单 blacklisted"), else_=""),
                Membership.group_id,
            )
            .join(Membership, Membership.member_id == Member.id)
            .join(Group, Group.id == Membership.group_id)
            .where(Member.id.in_(people))
            .order_by(Member.id, Group.id)
        )
        rows = ctx.session.execute(q.limit(50)).all()
        here = {mid for mid, *_rest, gid in rows if gid == ctx.group_id}  # the name match's (or the lookalikes')
        by_person: dict[int, tuple[str, str | None, list[str]]] = {}
        for mid, shown, wechat, group, _gid in rows:
            if mid not in here:
                by_person.setdefault(mid, (shown, wechat, []))[2].append(group)
        found = ctx.elsewhere[key] = [
            f"「{shown}」({'、'.join(groups)}{f', 微信号 {wechat}' if wechat else ''})"
            for shown, wechat, groups in by_person.values()
        ]
    if found:
        who = "、".join(found[:3])
        rec.warn(
            rec.column("name"),
            f"其他社群里已有{who}，这一行没有微信号或手机号，作为另一个人新增；若是同一人请在名册里合并，"
            f"或在文件里补上微信号/手机号 (another group has {who}: nothing on this row tells them apart, added as "
            "another person — merge them in the roster if they are one, or add the WeChat ID or phone to the file)",
            "lookalike_added",
            name,
        )


def _answers_to(ctx: _Context, member_id: int, name: str, *, decorated: bool = True) -> bool:
    """Whether `name` is one this member is known by: the display name, the nickname, a group nickname in
    any group, or a name a chat export showed for them (ChatAlias), also with or without a title in brackets
    (same_name: 李四（学员） answers to 李四). A phone alone never makes 王五 into 李四."""
    key = _key(name)
    return any(same_name(_key(text), key, decorated=decorated) for text in _known_names(ctx, member_id))


def _known_names(ctx: _Context, member_id: int) -> Iterator[str]:
    """The names a member is known by: display name, nickname, group nicknames, chat-export names — the ones
    already loaded first, the other groups' nicknames and the chat names read only when those did not answer
    (a re-imported roster names most people as they are: two queries a row cost 1 s for 2,000 rows)."""
    ctx.load([member_id])
    person = ctx.people[member_id]
    yield from (n for n in (person.display_name, person.nickname) if n)
    if person.ms is not None and person.ms.group_nickname:
        yield person.ms.group_nickname
    yield from ctx.session.scalars(
        select(Membership.group_nickname).where(
            Membership.member_id == member_id, Membership.group_nickname.is_not(None)
        )
    )
    yield from ctx.session.scalars(
        select(ChatAlias.value).where(ChatAlias.member_id == member_id, ChatAlias.kind == "name")
    )


def _split_note(note: str | None) -> tuple[str | None, dict[str, str]]:
    """(free text, {question: answer}) of a note; survey lines start with SURVEY_PREFIX."""
    if not note:
        return None, {}
    free: list[str] = []
    survey: dict[str, str] = {}
    for line in note.split("\n"):
        if line.startswith(SURVEY_PREFIX):
            body = line[len(SURVEY_PREFIX) :]
            question, sep, answer = body.partition(": ")
            if sep:
                survey[question] = answer
                continue
        free.append(line)
    text = "\n".join(free).strip()
    return text or None, survey


def merge_note(existing: str | None, from_file: str | None, answers: Iterable[tuple[str, str]] = ()) -> str | None:
    """The note after an import: the file's free text (else the existing one), then the survey lines
    already there, replaced or followed by the new answers. Never loses a survey line."""
    old_free, survey = _split_note(existing)
    new_free, file_survey = _split_note(from_file)
    survey = dict(survey)
    survey.update(file_survey)
    same = {unicodedata.normalize("NFKC", q): q for q in survey}
    for question, answer in answers:
        old = same.get(unicodedata.normalize("NFKC", question))
        if old is not None and old != question:
            survey = {(question if q == old else q): a for q, a in survey.items()}
        survey[question] = answer
        same[unicodedata.normalize("NFKC", question)] = question
    parts = [new_free or old_free] if (new_free or old_free) else []
    parts.extend(f"{SURVEY_PREFIX}{q}: {a}" for q, a in survey.items())
    return "\n".join(parts) or None


def _hidden_changes(rec: _Record, person: _Person, changes: list[Change]) -> None:
    """An assistant's row changing a person's field that their login reads with a phone masked in it (王五 138****,
    a note): the server refuses it (team_roles: what they would write is not what is stored), and refused the whole
    file with no row named. The row is a problem naming the field; an owner or admin imports it. On one laptop the
    same for a field holding a phone (王五 13800138002, roster.holds_hidden_phone), which the assistant is shown masked:
    their import wrote 王五 over it — the number lost — where their member dialog refuses the change."""
    from desktop.services.roster import holds_hidden_phone

    for change in changes:
        attr = {"name": "display_name"}.get(change.field, change.field)
        if attr not in _Context._HIDDEN_ATTRS:
            continue
        shown = getattr(person, attr, None)
        if isinstance(shown, str) and holds_hidden_phone(attr, shown):
            rec.problem(
                rec.column(change.field),
                "这一项里有你看不到的完整手机号, 只有群主或管理员能修改: 请他们导入这一行 (this field holds a phone"
                " number you cannot see in full: only the owner or an admin may change it — they import this row)",
                "field_holds_hidden_phone",
            )


def _changes(
    ctx: _Context,
    kind: str,
    rec: _Record,
    person: _Person | None,
    referrer: tuple[str, int] | None,
    now: datetime,
    actor: Actor | None = None,
) -> tuple[_Ops, list[Change]]:
    v = rec.values
    changes: list[Change] = []
    member_set: dict[str, Any] = {}

    def member_field(name: str, column: str) -> None:
        new = v.get(name)
        if new is None:
            return  # an empty cell changes nothing
        if person is None:  # a new person: every value given is theirs (a WeChat ID of no characters is none)
            if name == "wechat_id" and not _key(new):
                return
            member_set[column] = new
            changes.append(Change(name, None, _show(new)))
            return
        old = getattr(person, column)
        same = _key(new) == _key(old) if name == "wechat_id" else new == old  # matched case-insensitively
        if not same:
            member_set[column] = new
            changes.append(Change(name, _show(old), _show(new)))

    new_name = v.get("name")
    if (
        person is not None
        and new_name is not None
        and (
            rec.name_derived  # a group nickname standing in for a name (no name column): shown as the group nickname
            or (
                _key(new_name) != _key(person.display_name)
                # an application's 小雨🌸 is the roster's 小雨, who keeps her name; a roster's 李四 renames the
                # applicant who wrote 李四🌸 (the organiser's roster names people as the group knows them)
                and _answers_to(ctx, person.member_id, new_name, decorated=kind == "applications")
            )
        )
    ):
        pass  # the row names them by a name they already have (their nickname 三哥): the display name stays
    else:
        member_field("name", "display_name")
    for name in ("nickname", "wechat_id", "qq", "phone", "gender", "city", "occupation"):
        member_field(name, name)
    verified = v.get("real_name_verified")
    if verified is not None and verified != (person.real_name_verified if person else False):
        member_set["real_name_verified"] = verified
        if verified and (person is None or person.verified_on is None):
            member_set["verified_on"] = clock.today()
        changes.append(
            Change("real_name_verified", _show(person.real_name_verified) if person else None, _show(verified))
        )
    old_note = person.note if person else None
    note = merge_note(old_note, v.get("note"), rec.survey) if v.get("note") or rec.survey else old_note
    if note != old_note:
        member_set["note"] = note
        changes.append(Change("note", old_note, note))
    old_tags = person.tags if person else []
    tags_add = tuple(t for t in v.get("tags", []) if t not in old_tags)
    if tags_add:
        changes.append(Change("tags", _show(old_tags), _show([*old_tags, *tags_add])))

    ms = person.ms if person is not None else None
    ms_set: dict[str, Any] = {}
    status = v.get("status")
    left_when = v.get("left_at")
    if left_when is not None and status is None and kind == "roster":
        # a 退群时间 and no status: they left (微友助手-style exports fill it for leavers only)
        status = ms.status if ms is not None and ms.status in _GONE else "left"
    joined_file, applied_file = v.get("joined_at"), v.get("applied_at")
    status_day = v.get("status_date")
    if status_day is not None:
        # a 变动日期 (成员变动 sheets): the day of the row's status — left for one who is out, joined for one
        # who is in (when the file gives no join date), applied for an applicant
        effective = status or (ms.status if ms is not None else None)
        if effective in _GONE:
            left_when = left_when or status_day
        elif effective == "applicant":
            applied_file = applied_file or status_day
        elif joined_file is None and (ms is None or ms.joined_at is None):
            joined_file = status_day  # (a return is no join date to overwrite: the member dialog's rule stands)
    if left_when is not None and status is not None and status not in _GONE:
        rec.problem(
            rec.column("left_at"),
            f"有退群时间 {_show(left_when)}，状态却是「{STATUS_NAMES[status]}」(a leaving date on a row that is in the group)",
            "left_date_but_in_group",
        )
    if ms is None:
        status = status or ("applicant" if kind == "applications" else "active")
        joined = joined_file or (now if status == "active" and (not ctx.first_roster or rec.of_other_group) else None)
        if kind == "roster" and ctx.archived_on is not None and joined is not None and joined.date() > ctx.archived_on:
            # a new member joining a group archived at its 结营 (the next cohort's roster imported into the ended
            # one): a problem naming the row, as the cohort's check-ins and sign-ups after that day are
            rec.problem(
                rec.column("joined_at") or rec.column("name"),
                f"社群已于 {ctx.archived_on} 归档（结营），不能在 {joined.date()} 加入新成员：是新一期的名单吗？请导入到新一期"
                f" (the group was archived on {ctx.archived_on}: no new member joins it on {joined.date()} — the"
                " next cohort's roster? import it into that group)",
                "after_archived",
                joined.date().isoformat(),
            )
        applied = applied_file or (now if status in ("applicant", "onboarding") else None)
        left_at = left_fields(None, status, left_at=None, left_reason=None, joined_at=joined, now=now, when=left_when)[
            0
        ]
        if left_when is not None and joined is not None and left_when < joined:
            rec.problem(
                rec.column("joined_at"),
                f"入群时间晚于退群时间 {_show(left_when)} (joined after leaving)",
                "joined_after_leaving",
            )
        if status in _GONE and left_when is None:
            rec.warn(
                rec.column("status"),
                f"没有退群时间，按导入当天 {_show(now)} 记为{STATUS_NAMES[status]}，会计入本月退群人数；"
                "若不是本月退的，请在文件里写上「退群时间」 (no leaving date: recorded as leaving today and counted in"
                " this month's leavers — give a 退群时间 in the file if they left earlier)",
                "left_date_unknown",
            )
        ms_set = {
            "status": status,
            "tier": v.get("tier"),
            "group_nickname": v.get("group_nickname"),
            "joined_at": joined,
            "applied_at": applied,
            "left_at": left_at,
            "purpose": v.get("purpose"),
        }
        changes.append(Change("status", None, STATUS_NAMES[status]))
        for name in ("tier", "group_nickname", "joined_at", "left_at", "applied_at", "purpose"):
            if ms_set[name] is not None:
                changes.append(Change(name, None, _show(ms_set[name])))
    elif rec.of_other_group:
        # already a member here, in another group's roster (一期's, imported into 二期): this group's membership keeps
        # its own status, dates, tier, group nickname, entry answer and referrer — 一期's 申请中 made a member of 二期
        # an applicant again. Only the person's own details (name, WeChat ID, phone …) are read from the file.
        referrer = None
    else:
        new_status = ms.status
        if status is not None:
            new_status = status
        elif kind == "roster" and ms.status in ("applicant", "onboarding"):
            new_status = "active"
        if new_status != ms.status:
            ms_set["status"] = new_status
            changes.append(Change("status", STATUS_NAMES.get(ms.status, ms.status), STATUS_NAMES[new_status]))
            # the dates go with the status as everywhere (roster.left_fields): out since now (or since the day
            # they first went, left -> removed), back in without a leaving date or reason
            left_at, _reason = left_fields(
                ms.status,
                new_status,
                left_at=ms.left_at,
                left_reason=None,
                joined_at=ms.joined_at,
                now=now,
                when=left_when,
            )
            if left_at != ms.left_at:
                ms_set["left_at"] = left_at
                changes.append(Change("left_at", _show(ms.left_at), _show(left_at)))
            if new_status not in _GONE:
                ms_set["left_reason"] = None
        elif new_status in _GONE and left_when is not None and left_when != ms.left_at:
            if not _the_day_of(left_when, ms.left_at):
                ms_set["left_at"] = left_when  # the file says when they left (an organiser's correction)
                changes.append(Change("left_at", _show(ms.left_at), _show(left_when)))
        # a day without a time (QunDesk's own exports write the day) naming the day recorded keeps its time: the
        # group's own roster imported back "updated" every member, each join moved from its time to noon
        joined = ms.joined_at if _the_day_of(joined_file, ms.joined_at) else joined_file
        if joined is not None and joined != ms.joined_at:
            ms_set["joined_at"] = joined
            changes.append(Change("joined_at", _show(ms.joined_at), _show(joined)))
            returning = ms.status in _GONE and new_status not in _GONE  # a new spell: the old one's facts are its own
            if not returning:
                try:  # the member dialog's rule (roster.joined_not_after_participation)
                    joined_not_after_participation(ctx.session, ms.id, ms.joined_at, joined)
                except ValidationError as exc:
                    rec.problem(rec.column("joined_at"), exc.message, "joined_after_participation")
        elif joined is None and ms.joined_at is None and ms_set.get("status") == "active":
            ms_set["joined_at"] = now
            changes.append(Change("joined_at", None, _show(now)))
        left_at = left_when if left_when is not None else ms_set.get("left_at", ms.left_at)  # never clamped silently
        joined_at = ms_set.get("joined_at", ms.joined_at)
        if left_at is not None and joined_at is not None and left_at < joined_at:
            rec.problem(
                rec.column("joined_at"),
                f"入群时间晚于退群时间 {_show(left_at)} (joined after leaving)",
                "joined_after_leaving",
            )
        applied = applied_file
        if applied is not None and ms.applied_at is None:
            ms_set["applied_at"] = applied
            changes.append(Change("applied_at", None, _show(applied)))
        for name, column in (("tier", "tier"), ("group_nickname", "group_nickname"), ("purpose", "purpose")):
            new = v.get(name)
            old = getattr(ms, column)
            if new is not None and new != old:
                ms_set[column] = new
                changes.append(Change(name, _show(old), _show(new)))
    final = ms_set.get("status", ms.status if ms else None)
    if actor is not None and not allowed(actor, "delete_members") and final != (ms.status if ms else None):
        # an assistant: no leaving, removing or blacklisting through a file, and no lifting of a blacklist
        # (roster.require_status_change: the member dialog and leave_group refuse the same)
        if final in _GONE:
            rec.problem(
                rec.column("status"),
                f"助理不能通过导入把成员设为「{STATUS_NAMES[final]}」，请让群主或管理员导入这一行"
                f" (an assistant cannot set {final} through a file)",
                "status_not_allowed",
                STATUS_NAMES[final],
            )
        elif ms is not None and ms.status == "blacklisted":
            rec.problem(
                rec.column("status") or rec.column("name"),
                f"「{person.display_name if person else ''}」在黑名单中，助理不能通过导入解除黑名单，请让群主或管理员处理"
                f" (an assistant cannot lift a blacklist through a file)",
                "status_not_allowed",
                STATUS_NAMES[final],
            )
    if referrer is not None and (ms is None or referrer != ("m", ms.referrer_id)):
        changes.append(Change("referrer", None, _referrer_name(ctx, referrer, rec)))

    ops = _Ops(
        member_id=person.member_id if person else None,
        member_set=member_set,
        tags_add=tags_add,
        membership_id=ms.id if ms else None,
        ms_set=ms_set,
        referrer=referrer if (ms is None or referrer != ("m", ms.referrer_id)) else None,
    )
    purpose = v.get("purpose")
    final_status = ms_set.get("status", ms.status if ms else None)
    if kind == "applications" and ms is not None and final_status == ms.status in _GONE and rec.submitted_at:
        # someone who left (or dropped out part-way) submitted the form again: their answers are updated, their
        # status is not — the row said 更新 and nothing else, and the new applicant was on no Onboarding list
        latest, gone = _local_stored(rec.submitted_at), ms.left_at or ms.applied_at
        if gone is not None and latest > gone:
            name = person.display_name if person is not None else ""
            since = f"（{_show_date(ms.left_at)}）" if ms.left_at else ""
            then = (
                "若是重新报名，请在成员资料里把状态改为申请中 (set 申请中 in their details if they are applying again)"
                if final_status != "blacklisted"
                else "黑名单不会因报名解除 (a blacklist is not lifted by a form)"
            )
            rec.warn(
                rec.time_column,
                f"「{name}」{STATUS_NAMES[final_status]}{since}，{_show_date(latest)} 又提交了一次：回答已更新，状态仍是"
                f"{STATUS_NAMES[final_status]}；{then} (submitted the form again: answers updated, status kept)",
                "applied_again",
                _show_date(latest),
            )
    # a row that says they are out (黑名单, or a leaving date: a leavers' export) agrees with the blacklist
    says_out = v.get("status") == "blacklisted" or (v.get("status") is None and v.get("left_at") is not None)
    _blacklist_warning(ctx, rec, person, ms, says_out, final_status)
    if person is None:
        _deleted_warning(ctx, rec)
    if kind == "applications" and purpose and ctx.purpose_step_exists and final_status not in _GONE:
        if ms is None or not ms.has_step:
            ops.step_answer = purpose
            ops.step_done_at = v.get("applied_at") or now
            changes.append(Change("purpose_step", None, purpose))
            if ms is not None and ms.id in ctx.purpose_completes and final_status == "onboarding":
                changes.append(Change("status", STATUS_NAMES["onboarding"], STATUS_NAMES["active"]))
        elif ms.step_answer != purpose:
            ops.step_answer, ops.step_exists = purpose, True
            changes.append(Change("purpose_step", ms.step_answer, purpose))
    paid = v.get("fee_paid_cents")
    if kind == "applications" and paid and ctx.fee_step_id is not None and final_status not in _GONE:
        # the export says they paid: the group's 缴纳门槛费 step with the amount, dated when they submitted (paid)
        if ms is None or not ms.has_fee_step:
            ops.fee_cents, ops.fee_done_at = paid, v.get("applied_at") or now
            changes.append(Change("fee_paid", None, _yuan(paid)))
        elif ms.fee_cents != paid:
            ops.fee_cents, ops.fee_exists = paid, True
            changes.append(Change("fee_paid", _yuan(ms.fee_cents) if ms.fee_cents else None, _yuan(paid)))
        if ops.fee_cents is not None:
            ops.ms_set["fee_paid_cents"] = paid
            if (
                ms is not None
                and not ops.fee_exists
                and final_status == ms.status == "onboarding"
                and ms.id in ctx.steps_done
                and ctx.fee_step_id in ctx.required_steps
                and ms.id not in ctx.purpose_completes
                and ctx.required_steps - {ctx.fee_step_id} - ({ctx.purpose_step_id} if ops.step_answer else set())
                <= ctx.steps_done[ms.id]
            ):
                changes.append(Change("status", STATUS_NAMES["onboarding"], STATUS_NAMES["active"]))
    return ops, changes


def _deleted_identities(session: Session) -> dict[tuple[str, str], list[tuple[int, str]]]:
    """(member id, name) of the people deleted from the roster (soft delete: restorable; not merged into another, not
    blacklisted anywhere — onboarding.deleted_blacklistings says those), keyed by ("wechat", wechat_key), ("phone",
    normalised phone) and ("qq", number)."""
    from desktop.services.roster import wechat_key

    black = select(Membership.member_id).where(Membership.status == "blacklisted")
    rows = session.execute(
        select(Member.id, Member.display_name, Member.wechat_id, Member.phone, Member.qq).where(
            Member.deleted_at.is_not(None), Member.merged_into_id.is_(None), Member.id.not_in(black)
        )
    ).all()
    found: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for mid, name, wechat, phone, qq in rows:
        for key in (("wechat", wechat_key(wechat)), ("phone", phone or ""), ("qq", qq or "")):
            if key[1]:
                found.setdefault(key, []).append((mid, name))
    return found


def _deleted_warning(ctx: _Context, rec: _Record) -> None:
    """A row adding a new person whose WeChat ID, phone or QQ number is someone's deleted from the roster (李四
    deleted, then a file with 小李 and 李四's WeChat ID): added as the new person it is — a deleted record matches
    nothing, a restore is the organiser's decision — but said (`deleted_added`), naming them: it was added without a
    word, and once the deletion was undone (Ctrl+Z, Show deleted ▸ Restore) the roster held the one person twice. A
    deleted person the row's name already named (lookalike_added: 名册里删除过「李四」) is not said twice."""
    if not ctx.deleted_people:
        return
    from desktop.services.roster import wechat_key

    v = rec.values
    hits: dict[int, str] = {}
    for key in (
        ("wechat", wechat_key(v.get("wechat_id"))),
        ("phone", v.get("phone") or ""),
        ("qq", v.get("qq") or ""),
    ):
        if key[1] and key in ctx.deleted_people:
            hits.update(ctx.deleted_people[key])
    if not hits:
        return
    said = " ".join(w.message for w in rec.warnings if w.code == "lookalike_added")
    names = [n for n in dict.fromkeys(hits.values()) if f"「{n}」" not in said]
    if not names:
        return
    who = "、".join(f"「{n}」" for n in names[:3])
    rec.warn(
        rec.column("wechat_id") or rec.column("phone") or rec.column("qq") or rec.column("name"),
        f"这一行的微信号/手机号/QQ号是名册里删除过的{who}的，这一行作为新成员新增；若是同一人请先在名册的已删除中恢复此人"
        f" (this row's WeChat ID, phone or QQ number is that of {'、'.join(names[:3])}, deleted from the roster: added as "
        "a new member — restore them from the deleted instead if they are one)",
        "deleted_added",
        names[0],
    )


def _blacklist_warning(
    ctx: _Context,
    rec: _Record,
    person: _Person | None,
    ms: _Ms | None,
    says_out: bool,
    final: str | None,
) -> None:
    """A row naming someone blacklisted never lets them back in without a word (PRODUCT §2: 黑名单):
    - blacklisted in this group and the row does not say they are out (a roster of who is in the group now lists them: they
      are back in the chat) — they stay blacklisted, said with since when and why (`still_blacklisted`); a form
      submitted again says so itself (`applied_again`);
    - the file's status lifts the blacklist (an owner's or admin's file: done, but said — `blacklist_lifted`);
    - a new membership here of someone blacklisted in another group of the workspace (`blacklisted_elsewhere`);
    - one removed (已移除) from this group whom the file's status lets back in (`readmitted`: as a copy to the group
      names them — members.CopyOutcome.readmitted);
    - a WeChat ID, phone or QQ number of someone blacklisted and deleted since (`blacklisted_deleted`: "曾被拉黑 …";
      the row is another person to the roster — a deleted record matches nothing — but a deletion lifts no
      blacklist: said, as for a live one, so the organiser removes the row or restores and checks the record)."""
    if ctx.deleted_black and final not in _GONE:
        gone = [
            d
            for d in deleted_blacklisted_as(
                ctx.deleted_black,
                wechat=rec.values.get("wechat_id"),
                phone=rec.values.get("phone"),
                qq=rec.values.get("qq"),
            )
            if person is None or d.entry.member_id != person.member_id
        ]
        if gone:
            said = "；".join(d.said for d in gone[:3])
            rec.warn(
                rec.column("wechat_id") or rec.column("phone") or rec.column("name"),
                f"{said}，这一行的微信号/手机号是此人的；若不该加入，请删去这一行，或在名册的已删除中恢复此人"
                " (this row's WeChat ID or phone is a blacklisted person's, deleted since: remove the row if they"
                " should not be in, or restore them from the deleted)",
                "blacklisted_deleted",
                gone[0].name,
            )
    if person is None:
        return
    if ms is not None and ms.status == "removed" and final is not None and final not in _GONE:
        since = f"（{_show_date(ms.left_at)[:10]}）" if ms.left_at else ""
        rec.warn(
            rec.column("status") or rec.column("name"),
            f"重新入群: {person.display_name} 已移除{since}，按文件改为「{STATUS_NAMES[final]}」"
            f" (removed from the group before: the file lets them back in)",
            "readmitted",
            person.display_name,
        )
    entries = ctx.blacklist.get(person.member_id, [])
    if not entries:
        return
    name = person.display_name
    here = [b for b in entries if b.group_id == ctx.group_id]
    if ms is not None and ms.status == "blacklisted":
        said = here[0].said if here else "黑名单 (blacklisted)"
        if final == "blacklisted" and not says_out:
            if any(w.code == "applied_again" for w in rec.warnings):
                return
            rec.warn(
                rec.column("status") or rec.column("name"),
                f"已拉黑: {name} {said}，状态仍是黑名单，未让其入群；若要解除请在成员资料里改状态"
                f" (kept blacklisted, not let back in; an owner or admin lifts it in their details)",
                "still_blacklisted",
                name,
            )
        elif final != "blacklisted":
            rec.warn(
                rec.column("status"),
                f"解除黑名单: {name} {said}，按文件改为「{STATUS_NAMES.get(final or '', final)}」"
                f" (the file lifts the blacklist)",
                "blacklist_lifted",
                name,
            )
        return
    if ms is None and final not in _GONE:  # joining here (one the file says is out is not let in by it)
        said = "；".join(b.said for b in entries[:3])
        rec.warn(
            rec.column("name"),
            f"已拉黑: {name} 在其他社群的黑名单中 {said}，这一行把其加入本社群；若不该加入，请删去这一行"
            f" (blacklisted in another group: this row adds them here — remove the row if they should not be)",
            "blacklisted_elsewhere",
            name,
        )


def _fee_on_file(ctx: _Context, rec: _Record) -> int | None:
    """The fee recorded on the group's payment step for the applicant a skipped (refunded) row names by its WeChat ID
    or phone, when exactly one person of the group has it; None otherwise."""
    found: set[int] = set()
    if rec.values.get("wechat_id"):
        found.update(ctx.by_wechat.get(_key(rec.values["wechat_id"]), []))
    if rec.values.get("phone"):
        found.update(ctx.by_phone.get(rec.values["phone"], []))
    found = {m for m in found if ctx.in_group(m)}
    if len(found) != 1:
        return None
    ms = ctx.people[found.pop()].ms
    return ms.fee_cents if ms is not None and ms.has_fee_step else None


def _yuan(cents: int) -> str:
    return f"¥{cents // 100}" if cents % 100 == 0 else f"¥{cents / 100:.2f}"


def _referrer_name(ctx: _Context, ref: tuple[str, int], rec: _Record) -> str:
    kind, ident = ref
    if kind == "m":
        person = ctx.people.get(ident)
        return person.display_name if person else str(ident)
    return f"{rec.values.get('referrer')} (第{ident}行)"


# ---------------------------------------------------------------------------------------------------
# Applying a plan
# ---------------------------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(x) for k, x in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(x) for x in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _audit_row(now: datetime, actor: Actor, action: str, entity: str, entity_id: int | None, payload: dict) -> dict:
    return {
        "at": now,
        "operator_id": actor.id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "summary": json.dumps(_jsonable(payload), ensure_ascii=False),
    }


def _insert_returning(session: Session, model: Any, params: list[dict[str, Any]]) -> list[int]:
    """INSERT many rows, returning their ids in the order of `params`.

    PostgreSQL: batched INSERT … RETURNING. SQLite would run that one row per statement (it cannot
    promise the order of RETURNING rows), 5x slower; instead the first row is inserted alone: it takes
    the write lock and the next free rowid (larger than any existing one), so the following ids are
    free and nobody else can take them before we commit; the rest go in one executemany with those ids."""
    if not params:
        return []
    table = model.__table__
    connection = session.connection()
    if connection.dialect.name != "sqlite" or len(params) < 20:
        result = connection.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), params)
        return [row[0] for row in result]
    first = connection.execute(insert(table).returning(table.c.id), params[0]).scalar_one()
    ids = list(range(first, first + len(params)))
    _bulk_insert(session, table, [{**p, "id": i} for p, i in zip(params[1:], ids[1:], strict=True)])
    return ids


def _sqlite_value(value: Any) -> Any:
    """A value as SQLAlchemy's SQLite types store it (DateTime 'YYYY-MM-DD HH:MM:SS.ffffff', Date ISO, bool 0/1)."""
    kind = type(value)
    if kind is datetime:
        return value.isoformat(" ", "microseconds")
    if kind is date:
        return value.isoformat()
    if kind is bool:
        return int(value)
    return value


def _bulk_insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """INSERT many rows. On SQLite straight through the driver's executemany on the session's own
    connection (same transaction): SQLAlchemy's per-row parameter processing cost more than the insert
    itself (≈5x, see benchmarks/RESULTS.md); elsewhere a Core executemany."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), rows)
        return
    limits.check_rows(table, rows)  # as every other write does (models/limits.py); the driver's path skips it
    columns = list(dict.fromkeys(c for row in rows for c in row))
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    # only date, date-time and boolean columns need converting (SQLAlchemy's SQLite storage formats)
    convert = [i for i, c in enumerate(columns) if table.c[c].type.python_type in (datetime, date, bool)]
    values = [list(map(row.get, columns)) for row in rows]
    for record in values:
        for i in convert:
            record[i] = _sqlite_value(record[i])
    statement = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(statement, values)
    except connection.dialect.loaded_dbapi.Error as e:
        # through SQLAlchemy's handling, as models/bulk's writes: the engine's handle_error listeners make a full
        # disk or a write while writes are held the known error every other write gives (models/db.py)
        connection._handle_dbapi_exception(e, statement, values, cursor, None)  # raises
        raise  # not reached
    finally:
        cursor.close()


def _ensure_tags(session: Session, names: set[str], created: list[int] | None = None) -> dict[str, int]:
    """name -> tag id, the missing tags made (their ids appended to `created`)."""
    ids: dict[str, int] = {}
    wanted = sorted(names)
    for chunk in _chunks(wanted):
        ids.update({name: tid for tid, name in session.execute(select(Tag.id, Tag.name).where(Tag.name.in_(chunk)))})
    missing = [n for n in wanted if n not in ids]
    if missing:
        new_ids = _insert_returning(session, Tag, [{"name": n} for n in missing])
        ids.update(zip(missing, new_ids, strict=True))
        if created is not None:
            created += new_ids
    return ids


def _bulk_update(session: Session, table: Any, rows: list[tuple[int, dict[str, Any]]]) -> None:
    """UPDATE … WHERE id = ? as executemany, one statement per set of changed columns."""
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row_id, values in rows:
        if values:
            by_columns.setdefault(tuple(sorted(values)), []).append(
                {"b_id": row_id, **{f"v_{k}": x for k, x in values.items()}}
            )
    for columns, params in by_columns.items():
        stmt = update(table).where(table.c.id == bindparam("b_id")).values({c: bindparam(f"v_{c}") for c in columns})
        session.connection().execute(stmt, params)


class _Writer:
    """Writes planned rows batch by batch in the caller's transaction (bulk Core statements), then, in
    finish(), the referrers that name rows of the file and the one 'import.*' audit row."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        group_id: int,
        kind: str,
        file: str,
        *,
        skip_problems: bool = False,
        group_created: bool = False,
    ):
        self.session, self.actor, self.group_id, self.kind, self.file = session, actor, group_id, kind, file
        # what this import adds and changes, kept so that it can be undone (import_undo): made with its first row
        # written — an import that changed nothing has none, and the group's last import stays the one that did
        self.group_created = group_created
        self._run_id: int | None = None
        self.skip_problems = skip_problems  # write the rows without problems even when others have some
        self.unlinked = 0
        self.now = utcnow()
        self.added = self.updated = 0
        self.member_of_row: dict[int, int] = {}  # rows another row names as referrer: row -> member id
        self.referenced: set[int] = set()
        self.remember_all = False  # the file has a referrer column: keep every written row's member id
        self.deferred: list[tuple[int, int]] = []  # (membership id, row of the referrer)
        self.may_refer: set[int] = set()  # memberships given a referrer or made members: may earn a referral
        self.join_moved: dict[int, datetime | None] = {}  # membership -> its join date before the file changed it
        self.tier_ids = {name: tid for tid, name in session.execute(select(Tier.id, Tier.name))}
        self.step_id: int | None = session.scalar(
            select(EntryStep.id).where(
                EntryStep.group_id == group_id, EntryStep.code == "purpose", EntryStep.retired_at.is_(None)
            )
        )
        self.fee_step_id: int | None = session.scalar(
            select(EntryStep.id)
            .where(EntryStep.group_id == group_id, EntryStep.kind == "payment", EntryStep.retired_at.is_(None))
            .order_by(EntryStep.position, EntryStep.id)
            .limit(1)
        )

    @property
    def run_id(self) -> int:
        if self._run_id is None:
            self._run_id = import_undo.start_run(
                self.session, self.actor, self.group_id, self.kind, self.file, group_created=self.group_created
            )
        return self._run_id

    def note_referenced(self, rows: Iterable[PlannedRow]) -> None:
        for r in rows:
            if r.ops is not None and r.ops.referrer is not None and r.ops.referrer[0] == "r":
                self.referenced.add(r.ops.referrer[1])

    def write(self, rows: list[PlannedRow]) -> None:
        work = [r for r in rows if r.action in ("add", "update") and r.ops is not None]
        if not work:
            return
        session, now, group_id = self.session, self.now, self.group_id
        connection = session.connection()
        member_ids: dict[int, int] = {}  # row -> member id
        new_people = [r for r in work if r.ops.member_id is None]  # type: ignore[union-attr]
        if new_people:
            params = []
            for r in new_people:
                s = r.ops.member_set  # type: ignore[union-attr]
                name = s["display_name"]
                phone = s.get("phone")
                params.append(
                    {
                        "display_name": name,
                        **search_columns(name),
                        "nickname": s.get("nickname"),
                        "wechat_id": s.get("wechat_id"),
                        "qq": s.get("qq"),
                        "phone": phone,
                        "phone_tail": phone[-4:] if phone else None,
                        "gender": s.get("gender"),
                        "city": s.get("city"),
                        "occupation": s.get("occupation"),
                        "note": s.get("note"),
                        "real_name_verified": bool(s.get("real_name_verified", False)),
                        "verified_on": s.get("verified_on"),
                        "seed_user": False,
                        "points_opt_out": False,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            ids = _insert_returning(session, Member, params)
            member_ids.update({r.row: mid for r, mid in zip(new_people, ids, strict=True)})
            import_undo.record_added(session, self.run_id, "member", [(mid, None) for mid in ids])
        updates = []
        for r in work:
            ops = r.ops
            assert ops is not None
            if ops.member_id is None:
                continue
            member_ids[r.row] = ops.member_id
            if ops.member_set:
                values = dict(ops.member_set)
                if "display_name" in values:
                    values.update(search_columns(values["display_name"]))
                if "phone" in values:
                    values["phone_tail"] = values["phone"][-4:] if values["phone"] else None
                values["updated_at"] = now
                updates.append((ops.member_id, values))
        if updates:
            import_undo.record_changes(session, self.run_id, "member", Member.__table__, updates)
        _bulk_update(session, Member.__table__, updates)
        if self.remember_all:
            self.member_of_row.update(member_ids)
        else:
            for row in self.referenced:
                if row in member_ids:
                    self.member_of_row[row] = member_ids[row]

        tag_names = {t for r in work for t in r.ops.tags_add}  # type: ignore[union-attr]
        if tag_names:
            new_tags: list[int] = []
            tag_ids = _ensure_tags(session, tag_names, new_tags)
            import_undo.record_added(session, self.run_id, "tag", [(t, None) for t in new_tags])
            links = [
                {"member_id": member_ids[r.row], "tag_id": tag_ids[t]}
                for r in work
                for t in r.ops.tags_add  # type: ignore[union-attr]
            ]
            _bulk_insert(session, member_tag, links)
            import_undo.record_added(session, self.run_id, "member_tag", [(x["tag_id"], x["member_id"]) for x in links])

        tier_ids = self.tier_ids

        def referrer_id(ops: _Ops) -> int | None:
            if ops.referrer is None or ops.referrer[0] != "m":
                return None
            return ops.referrer[1]

        new_ms = [r for r in work if r.ops.membership_id is None]  # type: ignore[union-attr]
        membership_ids: dict[int, int] = {}
        if new_ms:
            params = []
            for r in new_ms:
                ops = r.ops
                assert ops is not None
                s = ops.ms_set
                params.append(
                    {
                        "member_id": member_ids[r.row],
                        "group_id": group_id,
                        "status": s["status"],
                        "tier_id": tier_ids.get(s["tier"]) if s.get("tier") else None,
                        "group_nickname": s.get("group_nickname"),
                        "applied_at": s.get("applied_at"),
                        "joined_at": s.get("joined_at"),
                        "left_at": s.get("left_at"),
                        "referrer_id": referrer_id(ops),
                        "purpose": s.get("purpose"),
                        "fee_paid_cents": s.get("fee_paid_cents") or 0,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            ids = _insert_returning(session, Membership, params)
            membership_ids.update({r.row: msid for r, msid in zip(new_ms, ids, strict=True)})
            import_undo.record_added(
                session,
                self.run_id,
                "membership",
                [(msid, p["member_id"]) for msid, p in zip(ids, params, strict=True)],
            )
        ms_updates = []
        for r in work:
            ops = r.ops
            assert ops is not None
            if ops.membership_id is not None:
                membership_ids[r.row] = ops.membership_id
                values = dict(ops.ms_set)
                if "tier" in values:
                    values["tier_id"] = tier_ids.get(values.pop("tier"))
                if ops.referrer is not None and ops.referrer[0] == "m":
                    values["referrer_id"] = ops.referrer[1]
                if values:
                    values["updated_at"] = now
                    ms_updates.append((ops.membership_id, values))
            if ops.referrer is not None and ops.referrer[0] == "r":
                self.deferred.append((membership_ids[r.row], ops.referrer[1]))
            if ops.referrer is not None or (ops.membership_id is not None and ops.ms_set.get("status") == "active"):
                self.may_refer.add(membership_ids[r.row])
        moved = {msid: values for msid, values in ms_updates if "joined_at" in values}
        ids = sorted(moved)
        for start in range(0, len(ids), 500):  # the join dates the file corrects, as they were: follow_join_dates
            chunk = ids[start : start + 500]
            for msid, joined, was in session.execute(
                select(Membership.id, Membership.joined_at, Membership.status).where(Membership.id.in_(chunk))
            ).all():
                if not (was in _GONE and moved[msid].get("status", was) not in _GONE):  # a return is a new join
                    self.join_moved[msid] = joined
        if ms_updates:
            import_undo.record_changes(session, self.run_id, "membership", Membership.__table__, ms_updates)
        # a tier the file changes is kept with its day (models/tier_history.py): a past day reads the one before
        note_tier_writes(session, {msid: v["tier_id"] for msid, v in ms_updates if "tier_id" in v})
        _bulk_update(session, Membership.__table__, ms_updates)
        # a status column that takes someone out of the group ends their running leave (请假) as every other path
        # that ends a membership does (roster.end_leaves): a leave must not bridge the gap to a return
        end_leaves_many(session, [(msid, v["left_at"]) for msid, v in ms_updates if v.get("left_at")], self.actor.id)

        step_rows = [r for r in work if r.ops.step_answer is not None]  # type: ignore[union-attr]
        if step_rows and self.step_id is not None:
            step_id = self.step_id
            inserts = [
                {
                    "membership_id": membership_ids[r.row],
                    "step_id": step_id,
                    "done_at": r.ops.step_done_at or now,  # type: ignore[union-attr]
                    "recorded_by": self.actor.id,
                    "answer": r.ops.step_answer,  # type: ignore[union-attr]
                }
                for r in step_rows
                if not r.ops.step_exists  # type: ignore[union-attr]
            ]
            if inserts:
                _bulk_insert(session, StepProgress.__table__, inserts)
                self._record_steps(step_id, [x["membership_id"] for x in inserts])
            answers = [
                {"b_ms": membership_ids[r.row], "b_answer": r.ops.step_answer}  # type: ignore[union-attr]
                for r in step_rows
                if r.ops.step_exists  # type: ignore[union-attr]
            ]
            if answers:
                table = StepProgress.__table__
                connection.execute(
                    update(table)
                    .where(table.c.membership_id == bindparam("b_ms"), table.c.step_id == step_id)
                    .values(answer=bindparam("b_answer")),
                    answers,
                )
            # the purpose answer was the last required step a newcomer (入群中) had left: a member now, as recording
            # it on the page makes them (they stayed 入群中 for good, and the stalled reminder named them)
            admit_completed(
                session,
                self.actor,
                group_id,
                [membership_ids[r.row] for r in step_rows if not r.ops.step_exists],  # type: ignore[union-attr]
            )

        fee_rows = [r for r in work if r.ops.fee_cents is not None]  # type: ignore[union-attr]
        if fee_rows and self.fee_step_id is not None:
            table = StepProgress.__table__
            inserts = [
                {
                    "membership_id": membership_ids[r.row],
                    "step_id": self.fee_step_id,
                    "done_at": r.ops.fee_done_at or now,  # type: ignore[union-attr]
                    "recorded_by": self.actor.id,
                    "amount_cents": r.ops.fee_cents,  # type: ignore[union-attr]
                }
                for r in fee_rows
                if not r.ops.fee_exists  # type: ignore[union-attr]
            ]
            if inserts:
                _bulk_insert(session, table, inserts)
                self._record_steps(self.fee_step_id, [x["membership_id"] for x in inserts])
            amounts = [
                {"b_ms": membership_ids[r.row], "b_amount": r.ops.fee_cents}  # type: ignore[union-attr]
                for r in fee_rows
                if r.ops.fee_exists  # type: ignore[union-attr]
            ]
            if amounts:
                connection.execute(
                    update(table)
                    .where(table.c.membership_id == bindparam("b_ms"), table.c.step_id == self.fee_step_id)
                    .values(amount_cents=bindparam("b_amount")),
                    amounts,
                )
            # the fee was the last required step a newcomer (入群中) had left: a member now, as ticking it makes them
            admit_completed(
                session,
                self.actor,
                group_id,
                [membership_ids[r.row] for r in fee_rows if not r.ops.fee_exists],  # type: ignore[union-attr]
            )

        # audit: one row per person added or updated (the member's history), with earlier submissions
        audit = []
        at, operator = now, self.actor.id
        dumps = json.dumps
        for r in work:
            after = {c.field: c.after for c in r.changes}
            if r.action == "add":
                self.added += 1
                after["group_id"] = group_id
                payload: dict[str, Any] = {"after": after}
                action = "member.add"
            else:
                self.updated += 1
                payload = {"before": {c.field: c.before for c in r.changes}, "after": after}
                action = "member.update"
            if r.history:
                payload["submissions"] = list(r.history)
                payload["rows"] = list(r.rows)
            audit.append(
                {
                    "at": at,
                    "operator_id": operator,
                    "action": action,
                    "entity": "member",
                    "entity_id": member_ids[r.row],
                    "summary": dumps(payload, ensure_ascii=False, default=str),
                }
            )
        _bulk_insert(session, AuditEntry.__table__, audit)

    def _record_steps(self, step_id: int, membership_ids: list[int]) -> None:
        """The step records just inserted (their ids read back), kept for the import's undo."""
        found: list[tuple[int, int | None]] = []
        for chunk in _chunks(sorted(set(membership_ids))):
            found += [
                (sid, ms)
                for sid, ms in self.session.execute(
                    select(StepProgress.id, StepProgress.membership_id).where(
                        StepProgress.step_id == step_id, StepProgress.membership_id.in_(chunk)
                    )
                )
            ]
        import_undo.record_added(self.session, self.run_id, "step", found)

    def earn_referrals(self) -> None:
        """The referrer's `referral` points of each membership this import made a member with a referrer, or gave a
        referrer as a member — as a join in the window earns them (onboarding._award_referral, once per referred
        membership): a roster that brings 老王's three referrals in paid him nothing, and "recompute from rules"
        then wanted +40 (docs/metrics.md "Points")."""
        if not self.may_refer:
            return
        from desktop.services.onboarding import _award_referral
        from desktop.services.points import referral_earned

        ids = sorted(self.may_refer)
        for start in range(0, len(ids), 500):
            earning = self.session.scalars(
                select(Membership)
                .where(
                    Membership.id.in_(ids[start : start + 500]),
                    Membership.referrer_id.is_not(None),
                    referral_earned(),
                )
                .execution_options(populate_existing=True)  # written by the import's Core statements
            ).all()
            for ms in earning:
                _award_referral(self.session, ms, ms.joined_at or self.now, self.actor)

    def follow_join_dates(self) -> None:
        """A join date the file corrects moves the referral that join earned with it, as the member dialog's does
        (onboarding.follow_join_date): the referrer's points stayed dated the old, mistaken join day."""
        from desktop.services.onboarding import follow_join_date

        ids = sorted(self.join_moved)
        for start in range(0, len(ids), 500):
            for ms in self.session.scalars(
                select(Membership)
                .where(Membership.id.in_(ids[start : start + 500]))
                .execution_options(populate_existing=True)  # written by the import's Core statements
            ).all():
                if ms.status not in ("applicant", "onboarding"):
                    follow_join_date(self.session, ms, self.join_moved[ms.id], self.actor)

    def finish(self, unchanged: int, skipped: int = 0) -> None:
        if self.deferred:
            params = [
                {"b_id": msid, "v_ref": self.member_of_row[row]}
                for msid, row in self.deferred
                if row in self.member_of_row
            ]
            self.unlinked = len(self.deferred) - len(params)  # their referrer's row was skipped (a problem)
            table = Membership.__table__
            if params:
                import_undo.record_changes(
                    self.session,
                    self.run_id,
                    "membership",
                    table,
                    [(p["b_id"], {"referrer_id": p["v_ref"]}) for p in params],
                )
                self.session.connection().execute(
                    update(table).where(table.c.id == bindparam("b_id")).values(referrer_id=bindparam("v_ref")),
                    params,
                )
        self.earn_referrals()
        self.follow_join_dates()
        if self.added or self.updated:
            self.session.connection().execute(
                insert(AuditEntry.__table__),
                [
                    _audit_row(
                        self.now,
                        self.actor,
                        f"import.{self.kind}",
                        "group",
                        self.group_id,
                        {
                            "after": {
                                "file": self.file,
                                "added": self.added,
                                "updated": self.updated,
                                "unchanged": unchanged,
                                **({"skipped": skipped} if skipped else {}),
                            }
                        },
                    )
                ],
            )
        self.session.flush()


def apply_import(
    session: Session, actor: Actor, plan: ImportPlan, *, progress: ProgressLike | None = None
) -> ImportSummary:
    """Write a plan made in this same transaction; the caller commits (run_import plans and writes in
    one pass instead, batch by batch, so that a big file never sits in memory).

    Refuses a plan with problems (raises the first ImportProblem), and a plan that kept only a sample
    of its rows. A plan with nothing to add or update writes nothing at all."""
    started = _time.perf_counter()
    require(actor, "edit_members")
    if not plan.ok:
        raise plan.problems[0]
    if plan.group_id is None:
        raise QunDeskError("导入计划没有目标社群 (the plan has no group): plan against an existing group")
    if not plan.complete or any(r.ops is None and r.action in ("add", "update") for r in plan.rows):
        raise QunDeskError("这个计划只保留了部分行，请用 run_import 导入 (a sampled plan cannot be applied)")
    _step(progress, 0, 2)
    writer = _Writer(session, actor, plan.group_id, plan.kind, plan.file)
    writer.note_referenced(plan.rows)
    writer.write(list(plan.rows))
    writer.finish(plan.unchanged)
    _step(progress, 2, 2)
    return ImportSummary(
        plan.file,
        plan.kind,
        plan.group_id,
        writer.added,
        writer.updated,
        plan.unchanged,
        _time.perf_counter() - started,
        undo_id=writer._run_id,
    )


# ---------------------------------------------------------------------------------------------------
# One call for the CLI and the dialog
# ---------------------------------------------------------------------------------------------------


class _Phase:
    """Maps one stage's step(done, total) onto a slice of 0..PROGRESS_TOTAL."""

    def __init__(self, progress: ProgressLike | None, start: int, span: int):
        self.progress, self.start, self.span = progress, start, span

    def step(self, done: int, total: int) -> None:
        if self.progress is not None:
            fraction = min(done / total, 1.0) if total else 0.0
            self.progress.step(self.start + int(self.span * fraction), PROGRESS_TOTAL)


def skippable(plan: ImportPlan) -> bool:
    """Whether the rows with problems can be left out and the rest imported (run_import's skip_problems): the
    file itself has no problem and some row has none."""
    return not plan.file_problems and plan.problem > 0 and plan.added + plan.updated + plan.unchanged > 0


def run_import(
    database: Any,
    actor: Actor,
    path: str | Path,
    group_name: str,
    kind: str,
    dry_run: bool = False,
    progress: ProgressLike | None = None,
    *,
    mapping: dict[int, str] | None = None,
    remember: bool = False,
    table: Table | None = None,
    sheet: str | None = None,
    skip_problems: bool = False,
) -> tuple[ImportPlan, ImportSummary | None, bool]:
    """Read `path` (its sheet `sheet`, else the one with the member table), plan it against the group
    called `group_name` and, unless `dry_run`, write it in the same pass, batch by batch, in one
    transaction that also creates the group when it is missing.

    Returns (plan, summary or None for a dry run, group created — or would be, for a dry run).
    A plan with problems raises ImportFailed (an ImportProblem naming the first problem; `.plan`
    lists them all) and writes nothing, not even the group. Warnings do not stop an import.
    `skip_problems=True` (the user's explicit choice, after seeing the problems): a plan whose only problems
    are rows' imports every other row and leaves those rows out — each named in the summary (`skipped`), the
    whole still one transaction; a problem of the file itself (a missing name column, no rows) still refuses
    it. Importing the same file again the same way changes nothing.
    `remember=True` keeps `mapping` for this header layout (the dialog does this when the user
    corrected the automatic mapping). `table` is the file as already read (the dialog's preview), so
    that importing does not read it again."""
    from desktop.io.tabular import read_table, with_other_member_sheets
    from desktop.services.groups import find_group_id, get_or_create_group

    started = _time.perf_counter()
    if kind not in KINDS:
        raise QunDeskError(f"未知导入类型 {kind!r} (expected roster or applications)")
    name = (group_name or "").strip()
    if not name:
        raise ValidationError("group", "社群名称不能为空 (group name is required)")
    if table is None:
        table = read_table(path, sheet=sheet, progress=_Phase(progress, 0, 300))
        if sheet is None and len(table.sheets) > 1:
            table = with_other_member_sheets(path, table)
    # one transaction of thousands of rows into a workspace of 100,000 people: SQLite's default 2 MB page cache
    # read the member, membership and audit indexes back from the file again and again (a 20,000-row file into a
    # workspace just opened: 6.7 s, 3.4 s once its pages were cached) — bulk.big_write_cache, as the chat import
    with database.session() as session, bulk.big_write_cache(session.connection()):
        existing = find_group_id(session, name)
        created = existing is None
        group_id = existing
        writer = None
        if not dry_run:
            require(actor, "edit_members")
            if created:
                group_id, created = get_or_create_group(session, actor, name)
            assert group_id is not None
            writer = _Writer(
                session, actor, group_id, kind, table.file, skip_problems=skip_problems, group_created=created
            )
        plan_progress = _Phase(progress, 300, 700)
        planner = plan_roster_import if kind == "roster" else plan_applications_import
        options: dict[str, Any] = {"mapping": mapping, "group_name": name} if kind == "roster" else {}
        problem_rows: frozenset[int] = frozenset()
        if skip_problems:
            # a dry pass first: which rows have problems, so that a row naming a later one of them as its
            # referrer or inviter is warned and planned without it (never a referrer promised and not set)
            dry = planner(session, group_id, table, progress=_Phase(progress, 300, 0), actor=actor, **options)
            problem_rows = dry.problem_rows
        plan = planner(
            session,
            group_id,
            table,
            progress=plan_progress,
            actor=actor,
            writer=writer,
            problem_rows=problem_rows,
            **options,
        )
        if not plan.ok and not (skip_problems and skippable(plan)):
            session.rollback()
            raise ImportFailed(plan)
        if writer is None:
            session.rollback()
            return plan, None, created
        writer.finish(plan.unchanged, plan.problem if skip_problems else 0)
        if remember and kind == "roster" and mapping is not None:
            remember_mapping(session, table.headers, mapping)
        _step(progress, PROGRESS_TOTAL, PROGRESS_TOTAL)
        session.commit()
        summary = ImportSummary(
            plan.file,
            kind,
            plan.group_id or group_id,
            writer.added,
            writer.updated,
            plan.unchanged,
            _time.perf_counter() - started,
            plan.problem if skip_problems else 0,
            writer.unlinked,
            writer._run_id,
        )
        return plan, summary, created


def unmapped_columns(plan: ImportPlan) -> list[str]:
    """The named columns of a roster file that no field takes (序号, 退群时间, 生日 …), for the command line to
    say so: what a file holds is imported or named as left out, never dropped unseen. The second half of a
    split name (姓 beside 名) is no left-out column: the name joins it."""
    parts = name_parts(list(plan.headers)) or name_parts(list(plan.headers), beside_full_name=True) or ()
    return [
        header
        for index, header in enumerate(plan.headers)
        if header and index not in plan.mapping and index not in parts
    ]


def row_as_shown(row: PlannedRow, actor: Actor | None) -> PlannedRow:
    """`row` as `actor` may read it: for an operator who may not see full phone numbers (an assistant) its changes
    show phones masked — the phone column as `184****3082` (what the roster shows them), a phone written into a
    name or note as `138****`. An update's "手机: 18451173082 → 13912345678" holds the number stored for someone
    already on the roster; the CLI masked it, the window's import preview showed it whole. The plan itself keeps
    the values (the audit row of the import records them)."""
    if actor is None or allowed(actor, "export_unmasked"):
        return row

    def masked(name: str, value: str | None) -> str | None:
        if value is None:
            return None
        return (mask_phone(value) or value) if name == "phone" else mask_phones_in(value)

    changes = tuple(replace(c, before=masked(c.field, c.before), after=masked(c.field, c.after)) for c in row.changes)
    # a row's problems and warnings quote its cells ("微信号 列的 13512345678 是手机号 … 已有手机号 13612340000"): masked
    # too — the CLI's stderr masked them, its --dry-run list and the window's preview showed them whole
    problems = tuple(problem_as_shown(p, actor) for p in row.problems)
    warnings = tuple(
        replace(w, message=mask_phones_in(w.message) or w.message, value=mask_phones_in(w.value)) for w in row.warnings
    )
    return replace(
        row, name=mask_phones_in(row.name) or row.name, changes=changes, problems=problems, warnings=warnings
    )


def problem_as_shown(problem: ImportProblem, actor: Actor | None) -> ImportProblem:
    """`problem` as `actor` may read it: its message and the cell it quotes with phones masked (`135****`) for an
    operator who may not see full phone numbers (row_as_shown)."""
    if actor is None or allowed(actor, "export_unmasked"):
        return problem
    shown = ImportProblem(
        problem.file,
        problem.row,
        problem.column,
        mask_phones_in(problem.message) or problem.message,
        problem.code,
        mask_phones_in(problem.value),
    )
    for key, value in vars(problem).items():  # whatever else a problem carries (candidate rows …) stays
        if key not in ("message", "value"):
            setattr(shown, key, value)
    return shown


def describe_row(row: PlannedRow) -> str:
    """One line for a planned row (CLI --dry-run, logs)."""
    labels = {"add": "新增 add", "update": "更新 update", "unchanged": "不变 unchanged", "problem": "问题 problem"}
    text = f"第{row.row}行  {labels[row.action]}  {row.name}"
    earlier = [r for r in row.rows if r != row.row]
    if earlier:  # an applicant's earlier submissions: each input row is named, none is left unsaid
        shown = "、".join(str(r) for r in earlier)
        text += f"  (第{shown}行是同一人之前的提交, 取最后一次 / also submitted in row {', '.join(map(str, earlier))})"
    if row.action == "update" and row.changes:
        text += "  (" + "; ".join(str(c).replace("\n", " / ") for c in row.changes) + ")"
    if row.problems:
        text += "  " + "; ".join(p.message for p in row.problems)
    if row.warnings:
        text += "  ⚠ " + "; ".join(w.message for w in row.warnings)
    return text
