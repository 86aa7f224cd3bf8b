"""Header synonyms and cell normalisers for roster imports: no Qt, no database, pure functions.

Used by desktop/io/tabular.py (header detection), desktop/io/survey.py and the import services.

How to add a field or a synonym:
1. add the canonical field (or the synonym) to FIELDS below, in Chinese and in English;
2. a synonym that is a common word inside other headers (like 成员) goes in _EXACT_ONLY;
3. words that must stop a *substring* match for a field go in _VETO (words naming somebody else — 紧急联系人,
   家长, 推荐人 — are in SOMEONE_ELSE and stop every person field: name, nickname, WeChat ID, phone);
4. add a case to tests/desktop/test_fields.py (test_header_field).

Decisions worth knowing (see also each function's docstring):
- Header matching normalises with NFKC + casefold and ignores punctuation, spaces and any
  bracketed remark ("手机号码（必填）" is 手机号码). English synonyms match whole words only.
- Dates: Excel serial numbers (1900 date system; 1904 when the workbook says so) are accepted from 1970-01-01 to 2100-12-31;
  anything outside that is almost certainly a mistyped value, so it is reported. (Date-formatted
  cells arrive as datetime, already converted by openpyxl with the workbook's own epoch.)
  Day-first/month-first forms such as 5/6/2026 are ambiguous and reported, never guessed — unless only one order
  makes a date (20/11/2026) or the column's other dates tell the order (digit_date_order) — or, in a roster whose
  column tells nothing, the file's other date columns do and agree (imports.date_orders). English dates may carry
  their weekday and an ordinal (Thursday, November 5, 2026; 5th November 2026), the weekday checked.
- Phones come back canonical so that the same number always compares equal:
  mainland mobiles as 11 digits ("13800138000"; +86/0086/86 prefixes dropped), landlines as
  "area-local" ("010-12345678", "0755-1234567"; area codes 010/02x have 3 digits, the rest 4),
  400/800 numbers as "400-123-4567", other countries as "+" and digits, a 7-8 digit local
  number as its digits. A landline typed into a number cell (its leading 0 lost) is restored.
  Extensions, several numbers in one cell and letters are reported.
- Text keeps what people typed: NFC only (not NFKC), so full-width letters and emoji survive; invisible
  format characters (zero-width spaces, bidi marks: Unicode category Cf) are dropped, so that they cannot
  make one person two.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from desktop.errors import QunDeskError
from desktop.io import zone as community_zone
from desktop.phones import nanp_phone

__all__ = [
    "FIELDS",
    "CellError",
    "ImportProblem",
    "clean_header",
    "SOMEONE_ELSE",
    "about_someone_else",
    "clean_text",
    "drop_format_chars",
    "header_field",
    "join_name",
    "looks_like_phone",
    "masked_phone",
    "map_headers",
    "name_parts",
    "norm_key",
    "parse_bool",
    "parse_date",
    "parse_datetime",
    "without_zone",
    "ends_its_day",
    "zone_moved_day",
    "zone_moved_note",
    "twelve_hour",
    "parse_gender",
    "parse_phone",
    "values_fit",
]


class ImportProblem(QunDeskError):
    """A user-facing problem in an imported file, naming the file and, where known, row and column.

    ``row`` is the sheet's own row number as Excel shows it (the header row counts).
    """

    def __init__(
        self,
        file: str,
        row: int | None,
        column: str | None,
        message: str,
        code: str | None = None,
        value: str | None = None,
    ):
        # args carries every value so that the exception pickles (worker processes, queues)
        super().__init__(file, row, column, message, code, value)
        self.file = file
        self.row = row
        self.column = column
        self.message = message
        self.code = code  # a stable name of the problem (phone_invalid, date_in_future …), for tests and tools
        self.value = value  # the cell as written, where one cell is at fault

    def __str__(self) -> str:
        file, row, column, message = self.file, self.row, self.column, self.message
        if row is not None and column:
            return f"{file} 第{row}行 {column} 列: {message} (row {row}, column {column})"
        if row is not None:
            return f"{file} 第{row}行: {message} (row {row})"
        if column:
            return f"{file} {column} 列: {message} (column {column})"
        return f"{file}: {message}"


class CellMoment(datetime):
    """An .xlsx cell at exactly midnight whose number format shows a time (``yyyy-mm-dd hh:mm:ss``): a moment, not a
    bare day. Both readers give it as a plain midnight datetime, which a "(UTC)" column would keep as a calendar day
    (a date-only cell's meaning): 00:00 UTC is 16:00 of the day before in Los Angeles. The table reader marks it."""


class CellError(str):
    """An .xlsx cell that has no value to import although it is not empty: an Excel error (#REF!, #N/A …;
    the text is the error) or a formula no program ever calculated (the text is the formula). Reading it
    as an empty cell would silently drop what the sheet meant; the import reports it where it is used."""

    kind: str  # "error" | "formula"

    def __new__(cls, text: str, kind: str = "error") -> CellError:
        self = super().__new__(cls, text)
        self.kind = kind
        return self

    def __reduce__(self):  # type: ignore[override]
        return (CellError, (str(self), self.kind))

    def problem(self, file: str, row: int | None, column: str | None) -> ImportProblem:
        if self.kind == "formula":
            return ImportProblem(
                file,
                row,
                column,
                "公式没有计算结果（文件不是 Excel 保存的）：请用 Excel 或 WPS 打开并保存后再导入"
                " (a formula without a calculated value: open and save the file in Excel, then import it again)",
                "formula_without_value",
                str(self),
            )
        return ImportProblem(
            file,
            row,
            column,
            f"这一格是 Excel 错误值 {self}，不是内容：请在原表中修正 (the cell holds the Excel error {self})",
            "excel_error",
            str(self),
        )


# canonical field -> synonyms (Chinese and English). Order matters only to break ties.
FIELDS: dict[str, tuple[str, ...]] = {
    # 收货人/提货人: a shop's order export (有赞, 小鹅通) names the buyer so, beside 收货人手机号 (the phone taken)
    "name": ("姓名", "名字", "真实姓名", "name", "成员", "full name", "real name", "member", "收货人", "提货人"),
    # 客户名称 / 成员名称 / 用户名称 / 群成员: 企业微信's customer and customer-group exports, course platforms — the
    # WeChat name the person chose (a 名称 alone, 商品名称, 群名称, is no person; 群成员数 is a count: exact only)
    "nickname": (
        "昵称",
        "群昵称",
        "微信昵称",
        "群名片",
        "nickname",
        "nick name",
        "nick",
        "客户名称",
        "成员名称",
        "用户名称",
        "学员名称",
        "群成员",
    ),
    "wechat_id": ("微信号", "微信", "微信id", "wxid", "wechat", "wechat id", "weixin"),
    "qq": ("qq", "qq号", "qq号码", "qq账号", "qq number", "qq no", "qq id"),
    "phone": (
        "手机",
        "手机号",
        "手机号码",
        "电话",
        "联系电话",
        "电话号码",
        "联系方式",
        "contact",
        "contact number",
        "phone",
        "mobile",
        "tel",
        "telephone",
        "cell",
    ),
    "joined_at": (
        "入群时间",
        "加入时间",
        "入群日期",
        "加入日期",
        "进群时间",
        "进群日期",
        "join date",
        "joined",
        "joined at",
        "join time",
    ),
    "left_at": (
        "退群时间",
        "退群日期",
        "离群时间",
        "离开时间",
        "退出时间",
        "移出时间",
        "移除时间",
        "left at",
        "left date",
        "date left",
    ),
    "status_date": (
        "变动日期",
        "变动时间",
        "变更日期",
        "变更时间",
        "状态日期",
        "状态时间",
        "状态变更时间",
        "状态变更日期",
    ),
    "gender": ("性别", "gender", "sex"),
    "city": ("城市", "地区", "所在城市", "所在地区", "所在地", "city", "region"),
    "occupation": ("职业", "occupation", "job"),
    "tags": ("标签", "tags", "tag", "labels"),
    "note": ("备注", "note", "notes", "remark", "remarks"),
    "referrer": ("邀请人", "邀请者", "推荐人", "介绍人", "referrer", "referred by", "invited by", "inviter"),
    "status": ("状态", "status"),
    # an order's or a sign-up's state in a shop, course or event export (有赞, 小鹅通, 活动行, Eventbrite, Luma): not
    # the membership status — a refunded, cancelled or declined row is no member (see imports.order_outcome)
    "order_status": (
        "订单状态",
        "交易状态",
        "支付状态",
        "付款状态",
        "退款状态",
        "售后状态",
        "维权状态",
        "报名状态",
        "审核状态",
        "order status",
        "payment status",
        "financial status",
        "attendee status",
        "approval status",
        "registration status",
        "rsvp",
        "rsvp status",
        "ticket status",
    ),
    "tier": ("层级", "等级", "tier", "level"),
    "purpose": ("进群目的", "入群目的", "加入目的", "purpose"),
    "real_name_verified": ("实名认证", "是否实名", "实名", "verified", "real name verified"),
}

# synonyms that are too common inside other headers to match as a substring ("联系方式-QQ" is no phone)
_EXACT_ONLY = frozenset({"成员", "群成员", "member", "实名", "nick", "cell", "job", "联系方式", "contact"})


# Words that make a column (or a survey question) about somebody else than the person of the row: an
# emergency contact, a parent, the one who referred them. Such a column is never the person's own name,
# phone, WeChat ID or nickname (紧急联系人电话 is the parent's number, not the member's).
SOMEONE_ELSE: tuple[str, ...] = (
    "紧急",
    "家属",
    "家长",
    "父母",
    "父亲",
    "母亲",
    "亲属",
    "监护",
    "配偶",
    "推荐人",
    "介绍人",
    "邀请人",
    "他人",
    "朋友",
    "emergency",
    "parent",
    "guardian",
    "referrer",
    "spouse",
)
_IDENTITY_FIELDS = ("name", "nickname", "wechat_id", "phone", "qq")


def about_someone_else(header: str) -> bool:
    """True when a header or question is about another person (紧急联系人电话, 家长手机, 推荐人微信)."""
    text = unicodedata.normalize("NFKC", header).casefold()
    return any(word in text for word in SOMEONE_ELSE)


_NOT_AN_ACCOUNT = (
    "支付", "交易", "订单", "单号", "流水", "商户", "openid", "unionid", "头像", "二维码", "pay", "transaction", "order",
    "avatar", "qrcode",
)  # fmt: skip

# a substring match for the field is refused when the header contains one of these
_VETO: dict[str, tuple[str, ...]] = {
    "name": ("手机", "电话", "地址", "邮编", "邮箱"),  # 收货人手机号, 收货人地址: not the name
    # 微信支付单号, 微信交易号, 微信商户订单号, 微信OpenID, 微信头像, WeChat Pay Transaction ID (shop and course
    # exports): a payment's number or the platform's own ID, never the person's WeChat ID or QQ number
    "wechat_id": ("群", "昵称", "名", *_NOT_AN_ACCOUNT),
    "qq": ("群", "昵称", "名", "邮", "mail", "空间", *_NOT_AN_ACCOUNT),  # QQ群, QQ昵称, QQ邮箱, QQ空间: no QQ number
    # 签到状态, 发货状态, Shipping Status: the state of something else than the membership (a 签到状态 column of
    # 已签到/未签到 is left out; 订单状态, 审核状态 … are order_status); 企业微信通讯录's 激活状态 (已激活/未激活/已退出企业)
    # and 禁用状态, an account's 账号状态, an HR list's 在职状态: the state of an account or a job, never the group's
    "status": (
        "激活",
        "禁用",
        "启用",
        "账号",
        "帐号",
        "在职",
        "account",
        "activation",
        "签到",
        "订单",
        "支付",
        "付款",
        "退款",
        "交易",
        "审核",
        "报名",
        "售后",
        "维权",
        "发货",
        "物流",
        "order",
        "payment",
        "attendee",
        "approval",
        "ticket",
        "rsvp",
        "checkin",
        "checkedin",
        "shipping",
        "fulfillment",
        "financial",
    ),  # fmt: skip
}

# fields whose veto words count only outside a bracketed remark: 成员状态（报名后改为已入群） is the membership status
_VETO_OUTSIDE_BRACKETS = frozenset({"status"})
_BRACKETED = re.compile(r"[(\[【〔][^()\[\]【】〔〕]*[)\]】〕]")
_ASCII_WORD = re.compile(r"[a-z0-9]+")


_NOT_ASCII_ALNUM = re.compile(r"[^0-9a-z]+")


def norm_key(text: str) -> str:
    """Matching key: NFKC, casefold, letters and digits only ("WeChat ID" -> "wechatid")."""
    if text.isascii():  # NFKC keeps ASCII as it is, casefold is lower(), and isalnum() is [0-9a-z]: one regex pass
        return _NOT_ASCII_ALNUM.sub("", text.lower())  # (an import's 20,000 WeChat IDs went through the slow path)
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


# "contact" headers that may hold a phone, a WeChat ID or a QQ number: a phone column only when an explicit
# one (手机/电话/手机号) is missing and the values look like phones (map_headers with rows; see values_fit)
_WEAK_PHONE = frozenset(norm_key(h) for h in ("联系方式", "contact", "contact number", "contact info"))


def clean_header(value: object) -> str:
    """A header cell as a clean name: NFKC, single spaces, no BOM, no ':'/'：'/'*' decoration."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    text = drop_format_chars(unicodedata.normalize("NFKC", text))
    text = re.sub(r"\s+", " ", text).strip()
    previous = None
    while previous != text:
        previous = text
        text = text.rstrip(":*").strip().lstrip("*").strip()
    return text


def _synonym_keys() -> list[tuple[str, str, str, bool]]:
    """(field, key, original synonym, is_ascii) for every synonym."""
    out = []
    for field, synonyms in FIELDS.items():
        for synonym in synonyms:
            out.append((field, norm_key(synonym), synonym.casefold(), synonym.isascii()))
    return out


_SYNONYMS = _synonym_keys()


_FIELD_OF_KEY: dict[str, str] = {}
for _field, _key, _synonym, _ascii in _SYNONYMS:
    _FIELD_OF_KEY.setdefault(_key, _field)  # the first synonym with a key wins, as in _exact_field's scan


def synonym_field(text: str) -> str | None:
    """The field a cell's text names when it is exactly one of its synonyms (Phone, 手机号, WeChat ID), else None: a
    dictionary look-up, cheap enough for every row of a file (header_field also reads synonyms inside longer text)."""
    return _FIELD_OF_KEY.get(norm_key(clean_header(text)))


def _exact_field(header: str, used: set[str]) -> str | None:
    keys = {norm_key(header), norm_key(_BRACKETED.sub("", unicodedata.normalize("NFKC", header)))}
    keys.discard("")
    for field, key, _synonym, _ascii in _SYNONYMS:
        if field not in used and key in keys:
            return field
    return None


# Words naming the organiser's side — a shop's distributor or seller, a camp's teacher or assistant, the 企业微信 staff
# who added the customer, the group owner: 分销员手机号, 班主任微信, 添加人手机号, 群主昵称 are their phone, WeChat ID
# or nickname, never the member's (a roster without its own phone column took the teacher's for everyone). Only the
# header outside brackets counts (微信号（助教拉群用） is the member's own).
_STAFF = (
    "分销", "推广", "销售", "客服", "讲师", "老师", "班主任", "助教", "顾问", "添加人", "群主", "上级", "门店", "商家",
    "店铺", "员工", "跟进", "负责人", "导师", "教练", "团长", "管理员",
)  # fmt: skip
_STAFF_EN = frozenset(
    ("host", "organizer", "organiser", "seller", "staff", "coach", "teacher", "mentor", "sales", "agent")
)


def _about_staff(header: str) -> bool:
    text = _BRACKETED.sub("", unicodedata.normalize("NFKC", header)).casefold()
    return any(word in text for word in _STAFF) or bool(_STAFF_EN & set(_ASCII_WORD.findall(text)))


def _someone_elses(field: str, header: str) -> bool:
    return field in _IDENTITY_FIELDS and (about_someone_else(header) or _about_staff(header))


def _contains_words(header_words: list[str], synonym: str) -> bool:
    words = _ASCII_WORD.findall(synonym)
    n = len(words)
    return n > 0 and any(header_words[i : i + n] == words for i in range(len(header_words) - n + 1))


def _substring_field(header: str, used: set[str]) -> str | None:
    key = norm_key(header)
    if not key:
        return None
    header_words = _ASCII_WORD.findall(unicodedata.normalize("NFKC", header).casefold())
    best: tuple[int, int] | None = None  # (-length, order)
    best_field = None
    for order, (field, syn_key, synonym, is_ascii) in enumerate(_SYNONYMS):
        if field in used or synonym in _EXACT_ONLY:
            continue
        hit = _contains_words(header_words, synonym) if is_ascii else syn_key in key
        vetoed = key if field not in _VETO_OUTSIDE_BRACKETS else norm_key(_BRACKETED.sub("", header))
        if not hit or any(word in vetoed for word in _VETO.get(field, ())) or _someone_elses(field, header):
            continue
        rank = (-len(syn_key), order)
        if best is None or rank < best:
            best, best_field = rank, field
    return best_field


def header_field(header: str) -> str | None:
    """The field one header names (exact synonym first, then the longest synonym it contains)."""
    header = clean_header(header)
    return _exact_field(header, set()) or _substring_field(header, set())


_NEWER = ("新", "现", "当前", "最新", "new", "current", "latest")
_OLDER = ("旧", "原", "以前", "曾用", "old", "previous", "former")
_GIVEN_NAME = frozenset(norm_key(h) for h in ("名", "名字", "first name", "firstname", "given name"))
_FAMILY_NAME = frozenset(norm_key(h) for h in ("姓", "姓氏", "last name", "lastname", "surname", "family name"))


def _recency(header: str) -> int:
    """1 for a column marked new or current (手机（新）, 现手机号), -1 for old (手机（旧）, 原手机号), else 0."""
    text = unicodedata.normalize("NFKC", header).casefold()
    words = set(_ASCII_WORD.findall(text))
    newer = any(w in text if not w.isascii() else w in words for w in _NEWER)
    older = any(w in text if not w.isascii() else w in words for w in _OLDER)
    return int(newer) - int(older)


def name_parts(headers: list[str], *, beside_full_name: bool = False) -> tuple[int, int] | None:
    """(given-name column, family-name column) when the name is split in two (First Name + Last Name,
    名 + 姓, 姓氏 + 名字) and no column holds the whole name; the import joins them into the name.
    With ``beside_full_name`` the split columns count even next to a 姓名 column (the import takes the
    name from them on a row whose 姓名 is empty)."""
    keys = [norm_key(_BRACKETED.sub("", clean_header(h))) for h in headers]
    given = next((i for i, k in enumerate(keys) if k in _GIVEN_NAME), None)
    family = next((i for i, k in enumerate(keys) if k in _FAMILY_NAME), None)
    if given is None or family is None:
        return None
    if beside_full_name:
        return given, family
    others = [i for i, h in enumerate(headers) if i not in (given, family) and header_field(h) == "name"]
    return None if others else (given, family)


def join_name(given: str | None, family: str | None) -> str | None:
    """ "Wei" + "Zhang" -> "Wei Zhang"; "三" + "张" -> "张三" (Chinese writes the family name first, unspaced)."""
    if not given or not family:
        return given or family
    if given.isascii() and family.isascii():
        return f"{given} {family}"
    return f"{family}{given}"


def map_headers(headers: list[str], rows: list[list[object]] | None = None) -> dict[int, str]:
    """Column index -> field. Exact matches win over substring matches; each field is used once: of two
    columns for it, the one marked new or current wins over the one marked old (手机（新） over 手机（旧）),
    else the leftmost; columns that name no field are left out. A name split in First Name + Last Name (名 +
    姓) maps the given name as the name (see name_parts; the import joins the two).

    A 联系方式/Contact column is the weakest phone column: an explicit 手机/电话 column wins over it, and given
    the first data rows (`rows`) it is the phone only when most of its values are phones (values_fit) —
    else the WeChat ID when they look like WeChat IDs, else it is left out (QQ numbers are never phones)."""
    cleaned = [clean_header(h) for h in headers]
    mapping: dict[int, str] = {}
    holder: dict[str, int] = {}

    def rank(index: int) -> tuple[bool, int, bool]:
        return (_weak_phone(cleaned[index]) is False, _recency(cleaned[index]), not _place_phone(cleaned[index]))

    def take(index: int, field: str) -> None:
        if field in holder:
            if rank(index) <= rank(holder[field]):
                return
            del mapping[holder[field]]
        mapping[index] = field
        holder[field] = index

    for index, header in enumerate(cleaned):
        field = (_exact_field(header, set(holder)) or _exact_field(header, set())) if header else None
        if field:
            take(index, field)
    for index, header in enumerate(cleaned):
        if index in mapping or not header:
            continue
        field = _substring_field(header, set(holder)) or _substring_field(header, set())
        if field and (field not in holder or not _exact_field(cleaned[holder[field]], set())):
            take(index, field)
    parts = name_parts(list(headers))
    if parts is not None:
        for index in parts:
            if mapping.get(index) == "name":
                del mapping[index]
        if "name" not in mapping.values():
            mapping[parts[0]] = "name"
    if rows is not None:
        for index, header in enumerate(cleaned):
            if not _weak_phone(header) or mapping.get(index) not in (None, "phone"):
                continue
            values = [row[index] if index < len(row) else None for row in rows]
            if mapping.get(index) == "phone" and values_fit("phone", values):
                continue
            mapping.pop(index, None)
            if "wechat_id" not in mapping.values() and values_fit("wechat_id", values, strict=True):
                mapping[index] = "wechat_id"
    return dict(sorted(mapping.items()))


_PLACE_WORDS = ("家庭", "住宅", "宅电", "办公", "单位", "公司")
_PLACE_EN = frozenset(("home", "work", "office", "business"))


def _place_phone(header: str) -> bool:
    """A phone column of a place (Home Phone, Work Phone, 办公电话, 单位电话) rather than the person's own: of two phone
    columns it comes second (Eventbrite exports Home Phone, Cell Phone and Work Phone, the mobile in the middle)."""
    text = unicodedata.normalize("NFKC", header).casefold()
    return any(w in text for w in _PLACE_WORDS) or bool(_PLACE_EN & set(_ASCII_WORD.findall(text)))


def _weak_phone(header: str) -> bool:
    return norm_key(_BRACKETED.sub("", header)) in _WEAK_PHONE


def is_weak_contact_header(header: str) -> bool:
    """A 联系方式/Contact header: it says nothing about whether its cells are phones or WeChat IDs."""
    return _weak_phone(clean_header(header))


_WECHAT_ID_RE = re.compile(r"(?:wxid_[a-z0-9]{4,40}|[a-z][a-z0-9_-]{5,19})", re.IGNORECASE | re.ASCII)
_TICKS = frozenset({"0", "1", "是", "否", "√", "×", "y", "n", "yes", "no", "true", "false"})


def looks_like_phone(value: object) -> bool:
    """A mobile, a landline with its area code, a 400/800 or an international number. A bare 5–11 digit
    number that is none of these (a QQ number, a local number without area code) is not taken as a phone."""
    try:
        phone = parse_phone(value, file="", row=0, column="")
    except ImportProblem:
        return False
    return phone is not None and not (phone.isdigit() and len(phone) <= 8)


def mixed_contact(values: list[object]) -> bool:
    """Whether a 联系方式 column's values (the first rows) hold both phones and WeChat IDs — map_headers then
    maps it as neither, and the import asks for it to be mapped by hand rather than dropping it silently."""
    texts = [unicodedata.normalize("NFKC", t).strip() for t in (clean_text(v) for v in values) if t is not None]
    phones = sum(1 for t in texts if looks_like_phone(t))
    wechats = sum(1 for t in texts if not looks_like_phone(t) and _WECHAT_ID_RE.fullmatch(t))
    return phones > 0 and wechats > 0


def values_fit(field: str, values: list[object], *, strict: bool = False) -> bool:
    """Whether a column's values (the first rows) can be what `field` says — the one check behind the roster's
    联系方式 column and the survey's choice of question. phone: most non-empty values are phones
    (looks_like_phone); name / wechat_id: not a column of ticks (1/0, 是/否); with ``strict`` a wechat_id
    column must mostly look like WeChat IDs (a letter, then 6–20 letters, digits, _ or -; or wxid_…)."""
    texts = [t for t in (clean_text(v) for v in values) if t is not None]
    if not texts:
        return not strict
    if field == "phone":
        return sum(1 for t in texts if looks_like_phone(t)) * 2 > len(texts)
    if field == "wechat_id" and strict:
        keys = [unicodedata.normalize("NFKC", t).strip() for t in texts]
        return sum(1 for k in keys if _WECHAT_ID_RE.fullmatch(k)) * 2 > len(keys)
    if field in ("name", "wechat_id"):
        return not all(unicodedata.normalize("NFKC", t).strip().casefold() in _TICKS for t in texts)
    return True


# ---------------------------------------------------------------- text

_EDGE_SPACE = re.compile(r"^[\s\ufeff\u200b\u2060]+|[\s\ufeff\u200b\u2060]+$")
_ZWJ = "\u200d"


def _keeps_joiner(text: str, index: int) -> bool:
    """A zero-width joiner between two emoji (👨‍👩‍👧) is part of the emoji, not noise."""
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    emoji = ("So", "Sk", "Mn")  # pictographs, skin tones, the emoji variation selector U+FE0F
    return bool(before and after) and unicodedata.category(before) in emoji and unicodedata.category(after) in emoji


def drop_format_chars(text: str) -> str:
    """`text` without Unicode format characters (category Cf: zero-width spaces and joiners U+200B–U+200F,
    bidi marks and embeddings U+202A–U+202E, U+2060–U+2064, U+FEFF …): invisible, they would make "王\u200b芳"
    another person than 王芳. A joiner inside an emoji sequence and emoji tag characters are kept."""
    if text.isprintable() or not any(unicodedata.category(ch) == "Cf" for ch in text):
        return text
    out = []
    for index, ch in enumerate(text):
        if unicodedata.category(ch) == "Cf" and not (
            (ch == _ZWJ and _keeps_joiner(text, index)) or "\U000e0020" <= ch <= "\U000e007f"
        ):
            continue
        out.append(ch)
    return "".join(out)


def _display_number(value: float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def clean_text(value: object) -> str | None:
    """A cell as text: stripped, NFC (full-width characters and emoji stay exactly as written), invisible
    format characters dropped (drop_format_chars); '' -> None; numbers as Excel shows them (13800138000, not
    13800138000.0)."""
    if value is None:
        return None
    if isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, (int, float)):
        text = _display_number(value)
    elif isinstance(value, datetime):
        if value.time() == time(0) and not isinstance(value, CellMoment):  # a moment at midnight shows its 00:00
            text = value.date().isoformat()
        else:
            text = value.strftime("%Y-%m-%d %H:%M" if value.second == 0 else "%Y-%m-%d %H:%M:%S")
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, time):
        text = value.strftime("%H:%M" if value.second == 0 else "%H:%M:%S")
    else:
        text = str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # a cell typed with Alt+Enter, or a CSV from Windows
    text = unicodedata.normalize("NFC", _EDGE_SPACE.sub("", drop_format_chars(text)))
    return text or None


_MALE = frozenset({"男", "男性", "男生", "先生", "m", "male", "man", "boy"})
_FEMALE = frozenset({"女", "女性", "女生", "女士", "f", "female", "woman", "girl"})


def parse_gender(value: object) -> str | None:
    """男/女/M/F/male/female (and a few more) -> 'male'/'female'; anything else -> None."""
    if not isinstance(value, str):
        return None
    key = unicodedata.normalize("NFKC", value).strip().casefold()
    if key in _MALE:
        return "male"
    if key in _FEMALE:
        return "female"
    return None


_TRUE = frozenset({"是", "已认证", "已实名", "认证", "实名", "有", "y", "yes", "true", "1", "√", "✓", "✔"})
_FALSE = frozenset({"否", "未认证", "未实名", "无", "没有", "n", "no", "false", "0", "×", "✗", "✘", "x"})


def parse_bool(value: object) -> bool | None:
    """是/否, yes/no, true/false, 1/0, √/× (and Excel booleans) -> True/False; anything else -> None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if not isinstance(value, str):
        return None
    key = unicodedata.normalize("NFKC", value).strip().casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    return None


# ---------------------------------------------------------------- dates

_EXCEL_EPOCH = datetime(1899, 12, 30)  # 1900 date system, past the fictitious 1900-02-29
_SERIAL_MIN = (datetime(1970, 1, 1) - _EXCEL_EPOCH).days
_SERIAL_MAX = (datetime(2100, 12, 31) - _EXCEL_EPOCH).days + 1  # exclusive
_DAYS_1904 = (datetime(1904, 1, 1) - _EXCEL_EPOCH).days  # 1462: serial 0 of Mac Excel's 1904 date system
_DATE_RE = re.compile(
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?"
    r"(?:(?:\s*T\s*|\s+|(?<=[日号]))(?P<H>\d{1,2})\s*[:时点]\s*(?P<M>\d{1,2})\s*分?"
    r"(?:(?:\s*:\s*|(?<=分)\s*)(?P<S>\d{1,2})(?:\.(?P<f>\d{1,6}))?\s*秒?)?)?",
    re.ASCII,
)
_COMPACT_RE = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})", re.ASCII)
# a year of two digits: 24年3月5日 says which number is the year (年), 24/3/5 or 3/5/24 does not (_short_year_readings)
_SHORT_YEAR_CN_RE = re.compile(r"(?P<y>\d{2})\s*年(?=\s*\d{1,2}\s*月)", re.ASCII)
_SHORT_YEAR_RE = re.compile(r"(?P<a>\d{1,2})\s*(?P<sep>[-/.])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<c>\d{1,2})", re.ASCII)


def _full_year(yy: int) -> int:
    """A two-digit year as Excel and WPS read one typed in a cell: 00–29 are 2000–2029, 30–99 are 1930–1999."""
    return 2000 + yy if yy < 30 else 1900 + yy


def _short_year_readings(a: int, b: int, c: int) -> list[date]:
    """The days 24/3/5 can be: year first (2024-03-05, the Chinese order), or year last with the day first (24 March
    2005) or the month first (3/5/24: 5 March 2024) — each that is a real date, in that order, without repeats."""
    out: list[date] = []
    for y, m, d in ((a, b, c), (c, b, a), (c, a, b)):
        try:
            day = date(_full_year(y), m, d)
        except ValueError:
            continue
        if day not in out:
            out.append(day)
    return out


# English Excel's default text of a date: 1-Nov-26, 01-Nov-2026, 1 Nov 2026, Nov 1, 2026, November 1 2026 (a time
# after it, 8:30 or 8:30:15 PM) — a month name is never ambiguous, unlike 11/01/2026
_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_MONTH = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_EN_TIME = r"(?:,?\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>am|pm)?)?"
_EN_DATE_RES = (
    re.compile(
        rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[-\s/]+{_MONTH}[-\s/,]+(?P<y>\d{{4}}|\d{{2}}){_EN_TIME}",
        re.ASCII | re.IGNORECASE,
    ),
    re.compile(rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_EN_TIME}", re.ASCII | re.IGNORECASE),
)


_MERIDIEM_RE = re.compile(r"\s*(?:(?P<zh>上午|下午|中午|晚上|凌晨|早上)|(?<=\d)\s*(?P<en>[AaPp])\.?[Mm]\.?\s*$)\s*")
_ZONED_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})", re.ASCII)
_PM_WORDS = frozenset({"下午", "中午", "晚上"})
# a zone written after a date and time: Google Forms' CSV (2026/11/20 10:23:45 PM GMT+8), GMT+5:30, UTC, (UTC+08:00)
_ZONE_AFTER_RE = re.compile(
    r"\s*[(（]?\s*(?:GMT|UTC)\s*(?:(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?)?\s*[)）]?$", re.IGNORECASE
)
# The zone wall-clock times are read into when a value or its column names another one: None is the community's zone
# (models.community_zone.community(): the workspace's time_zone setting; this machine's zone when it has none). Tests pin it.
LOCAL_ZONE: tzinfo | None = None


def zone_offset(text: str) -> tzinfo | None:
    """The zone a text ends with (GMT+8, UTC, (UTC+08:00), GMT-5:30), else None: a column header such as
    Typeform's "Submit Date (UTC)" says so of its times."""
    match = _ZONE_AFTER_RE.search(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return None
    if match.group("sign") is None:
        return UTC
    minutes = int(match.group("h")) * 60 + int(match.group("m") or 0)
    if minutes > 14 * 60:
        return None
    return timezone(timedelta(minutes=minutes if match.group("sign") == "+" else -minutes))


def ends_its_day(value: object) -> bool:
    """A date written at 24:00 (``2026-12-03 24:00``): the midnight that ends that day, read as 00:00 after it."""
    if not isinstance(value, str):
        return False
    match = _DATE_RE.fullmatch(unicodedata.normalize("NFKC", value).strip())
    return match is not None and match.group("H") == "24"


def without_zone(text: str) -> str:
    """A header without the zone written after it: "Submit Date (UTC)" is "Submit Date", 提交时间 GMT+8 is 提交时间."""
    match = _ZONE_AFTER_RE.search(text)
    return text[: match.start()].rstrip() if match is not None and match.start() > 0 else text


def to_local_time(value: datetime, zone: tzinfo) -> datetime:
    """A wall-clock time of `zone` as the organiser's local wall-clock time (naive)."""
    return value.replace(tzinfo=zone).astimezone(LOCAL_ZONE or community_zone.community()).replace(tzinfo=None)


def night_twelve(text: str, hour: int) -> bool:
    """12 o'clock said of the evening (晚上 12:00, 晚上12:30): midnight at the end of the day, never noon (as a pasted
    line's 晚上12点 is: chat_parse)."""
    return hour == 12 and "晚上" in text


def twelve_hour(text: str) -> tuple[str, str | None]:
    """(text without its 上午/下午 or AM/PM, "am"/"pm"/None): WPS and Excel write a 12-hour time so
    (2026/11/10 下午 9:00:05, 2026/11/10 9:00 PM)."""
    match = _MERIDIEM_RE.search(text)
    if match is None:
        return text, None
    if match.group("zh"):
        half = "pm" if match.group("zh") in _PM_WORDS else "am"
    else:
        half = "pm" if match.group("en") in "Pp" else "am"
    return (text[: match.start()] + " " + text[match.end() :]).strip(), half


# a weekday written before an English date (Outlook's and Microsoft Forms' Thursday, November 5, 2026; Thu, 5 Nov 2026):
# dropped, and checked against the date
_EN_WEEKDAY_BEFORE_RE = re.compile(
    r"(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*,?\s+(?=\d|[a-z]{3})", re.ASCII | re.IGNORECASE
)
_EN_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _english_date(text: str) -> datetime | None | bool:
    """A date written with an English month name (see _EN_DATE_RES), None when invalid (also when a weekday written
    before it is not its weekday), False when no match."""
    weekday = _EN_WEEKDAY_BEFORE_RE.match(text)
    if weekday is not None:
        result = _english_date(text[weekday.end() :])
        if isinstance(result, datetime) and result.weekday() != _EN_WEEKDAYS.index(weekday["wd"].casefold()):
            return None
        return result
    for pattern in _EN_DATE_RES:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        year = match.group("y")
        if len(year) == 2:
            year = str(2000 + int(year))
        hour = match.group("H")
        ampm = (match.group("ampm") or "").casefold()
        if hour is not None and ampm:
            h = int(hour)
            if not 1 <= h <= 12:
                return None
            hour = str(h % 12 + (12 if ampm == "pm" else 0))
        month = str(_MONTHS[match.group("mon")[:3].casefold()])
        return _build(year, month, match.group("d"), hour, match.group("M"), match.group("S"))
    return False


_SERIAL_RE = re.compile(r"\d{5}(?:\.\d+)?", re.ASCII)
# day and month in digits before the year (Google Sheets' 11/20/2026 22:23:45, a European 20.11.2026)
_DIGITS_FIRST_RE = re.compile(
    r"(?P<a>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?=$|\s|T)", re.ASCII
)


def digit_date_order(values: Iterable[object]) -> str | None:
    """How a column writes day and month before the year: "dmy" when one of its dates can only be day first
    (20/11/2026) and none only month first, "mdy" the other way round, else None (none tells, or they disagree).
    A date such as 11/05/2026 in that column is then read in the column's order."""
    day_first, month_first = digit_date_evidence(values)
    if day_first != month_first:
        return "dmy" if day_first else "mdy"
    return None


def digit_date_evidence(values: Iterable[object]) -> tuple[bool, bool]:
    """(a date of `values` can only be day first — 20/11/2026 —, one can only be month first — 11/20/2026)."""
    day_first = month_first = False
    for value in values:
        if not isinstance(value, str):
            continue
        match = _DIGITS_FIRST_RE.match(unicodedata.normalize("NFKC", value).strip())
        if match is None:
            continue
        a, b = int(match["a"]), int(match["b"])
        day_first |= a > 12 >= b
        month_first |= b > 12 >= a
    return day_first, month_first


# a weekday written after a date (WPS/Excel's 日期+星期 formats): dropped, and checked against the date
_WEEKDAY_AFTER_RE = re.compile(r"\s*[(（]?\s*(?:星期|周|礼拜)(?P<wd>[一二三四五六日天])\s*[)）]?")


def _serial_to_datetime(serial: float, date1904: bool = False) -> datetime | None:
    """An Excel serial date: days since 1899-12-30, or since 1904-01-01 in a 1904 workbook (1462 days later)."""
    if date1904:
        serial += _DAYS_1904
    if not (_SERIAL_MIN <= serial < _SERIAL_MAX):
        return None
    seconds = round(serial * 86400)
    return _EXCEL_EPOCH + timedelta(seconds=seconds)


def _build(
    y: str, m: str, d: str, hh: str | None = None, mm: str | None = None, ss: str | None = None, frac: str | None = None
) -> datetime | None:
    try:
        micro = int((frac or "0").ljust(6, "0")) if frac else 0
        return datetime(int(y), int(m), int(d), int(hh or 0), int(mm or 0), int(ss or 0), micro)
    except ValueError:
        return None


def _to_datetime(
    value: object, file: str, row: int, column: str, date1904: bool = False, order: str | None = None
) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):  # a CellMoment is given as a plain datetime (the driver binds exact types)
        return value if type(value) is datetime else datetime.combine(value.date(), value.timetz())
    if isinstance(value, date):
        return datetime.combine(value, time(0))
    shown = clean_text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if math.isfinite(value):
            compact = _COMPACT_RE.fullmatch(str(value)) if isinstance(value, int) else None
            result = _build(*compact.groups()) if compact else _serial_to_datetime(float(value), date1904)
            if result is not None:
                return result
        raise ImportProblem(
            file,
            row,
            column,
            f"{shown} 不是有效的日期（日期序号超出 1970–2100 年）(not a real date: {shown} is a day number outside 1970–2100)",
            "date_invalid",
            shown,
        )
    if not isinstance(value, str):
        raise ImportProblem(file, row, column, f"{shown} 不是日期 (not a date: {shown})", "date_not_a_date", shown)
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return None
    written = text  # what a message names: the cell as written
    weekday = _WEEKDAY_AFTER_RE.search(text)  # 2026-12-01 周二, 2026年12月1日 星期二 08:30 (WPS's 日期+星期 format)
    if weekday is not None and any(ch.isdigit() for ch in text[: weekday.start()]):  # after a date (not 下周一)
        text = (text[: weekday.start()] + " " + text[weekday.end() :]).strip()
    else:
        weekday = None
    if _ZONED_RE.fullmatch(text):  # ISO 8601 with its offset (飞书, APIs): the organiser's local time of it
        try:
            moment = datetime.fromisoformat(text.replace(" ", "T", 1).replace(" ", ""))
        except ValueError:
            raise ImportProblem(
                file, row, column, f"{written} 不是有效的日期 (not a real date: {shown})", "date_invalid", shown
            ) from None
        return moment.astimezone(LOCAL_ZONE or community_zone.community()).replace(tzinfo=None)
    zone_after = _ZONE_AFTER_RE.search(text)
    if zone_after is not None and zone_after.start() > 0 and ":" in text[: zone_after.start()]:
        # a time with its zone after it (Google Forms: 2026/11/20 10:23:45 PM GMT+8): the organiser's local time of it
        zone = zone_offset(text[zone_after.start() :])
        try:
            moment = _to_datetime(text[: zone_after.start()], file, row, column, date1904, order)
        except ImportProblem:
            moment = None
        if zone is None or moment is None:
            raise ImportProblem(
                file, row, column, f"{written} 不是有效的日期 (not a real date: {shown})", "date_invalid", shown
            )
        return to_local_time(moment, zone)
    digits = _DIGITS_FIRST_RE.match(text)
    if digits is not None:  # 20/11/2026, 11/20/2026: read when only one order makes a date or the column tells
        a, b = int(digits["a"]), int(digits["b"])
        if a > 12 >= b or (order == "dmy" and a <= 12 and b <= 12):
            day, month = a, b
        elif b > 12 >= a or (order == "mdy" and a <= 12 and b <= 12):
            day, month = b, a
        elif a > 12 and b > 12:
            raise ImportProblem(
                file, row, column, f"{written} 不是有效的日期 (not a real date: {shown})", "date_invalid", shown
            )
        else:
            raise ImportProblem(
                file,
                row,
                column,
                f"{written} 不能确定是 {a}月{b}日 还是 {b}月{a}日：请写成 2026-05-06 这样年份在前的日期"
                f" (day and month could be either: write the year first)",
                "date_not_a_date",
                shown,
            )
        text = f"{digits['y']}/{month}/{day}{text[digits.end() :]}"
    short_cn = _SHORT_YEAR_CN_RE.match(text)
    if short_cn is not None:  # 24年3月5日: 年 says the year — 2024, as Excel and WPS read it
        text = f"{_full_year(int(short_cn['y']))}年{text[short_cn.end() :]}"
    bare, half = twelve_hour(text) if not text.isascii() or text[-1:] in "mM." else (text, None)
    twelve = _DATE_RE.fullmatch(bare) if half else None
    match = None if twelve else _DATE_RE.fullmatch(text)
    if twelve:
        # 凌晨 0:30 / 0:30 AM is half past midnight as much as 凌晨 12:30 is; 下午 0:30 is no time
        if twelve.group("H") is None or not (1 if half == "pm" else 0) <= int(twelve.group("H")) <= 12:
            raise ImportProblem(
                file, row, column, f"{written} 不是有效的时间 (not a real time: {shown})", "date_invalid", shown
            )
        hour = int(twelve.group("H")) % 12 + (12 if half == "pm" else 0)
        midnight = night_twelve(text, int(twelve.group("H")))  # 晚上 12:00: the midnight that ends the day, not noon
        result = _build(*twelve.group("y", "m", "d"), str(0 if midnight else hour), *twelve.group("M", "S", "f"))
        if midnight and result is not None:
            result += timedelta(days=1)
    elif match:
        if match.group("H") == "24" and not any(int(match.group(g) or 0) for g in ("M", "S", "f")):
            # 2026-12-03 24:00 (ISO 8601's end of the day, a 晚睡打卡 form's 24:00): 00:00 after the 3rd, as 晚上 12:00
            result = _build(*match.group("y", "m", "d"))
            result = result + timedelta(days=1) if result is not None else None
        else:
            result = _build(*match.group("y", "m", "d", "H", "M", "S", "f"))
    elif _COMPACT_RE.fullmatch(text):
        result = _build(*_COMPACT_RE.fullmatch(text).groups())  # type: ignore[union-attr]
    elif _SERIAL_RE.fullmatch(text):
        result = _serial_to_datetime(float(text), date1904)
    elif (english := _english_date(text)) is not False:
        result = english
    elif (short := _SHORT_YEAR_RE.fullmatch(text)) is not None and (
        readings := _short_year_readings(int(short["a"]), int(short["b"]), int(short["c"]))
    ):  # 24/3/5, 3/5/24, 24.3.5: which number is the year is not written — asked, never guessed
        said = " 还是 ".join(d.isoformat() for d in readings)
        said_en = " or ".join(d.isoformat() for d in readings)
        raise ImportProblem(
            file,
            row,
            column,
            f"{written} 的年份只写了两位, 不能确定是 {said}: 请写成 2026-05-06 这样四位年份在前的日期"
            f" (a two-digit year: {shown} could be {said_en}; write the year in full)",
            "date_short_year",
            shown,
        )
    else:
        raise ImportProblem(
            file,
            row,
            column,
            f"{written} 不是可识别的日期（可用 2026-05-06、2026/5/6 或 2026年5月6日）"
            f" (not a date QunDesk can read: {shown}; write 2026-05-06 or 2026/5/6)",
            "date_not_a_date",
            shown,
        )
    if result is None or not (1900 <= result.year <= 2100):
        raise ImportProblem(
            file, row, column, f"{written} 不是有效的日期 (not a real date: {shown})", "date_invalid", shown
        )
    if weekday is not None and result.weekday() != min("一二三四五六日天".index(weekday["wd"]), 6):
        raise ImportProblem(
            file,
            row,
            column,
            f"{shown}: 日期和星期不一致, 不知道哪个对 (the date and its weekday disagree)",
            "date_invalid",
            shown,
        )
    return result


def parse_date(
    value: object, *, file: str, row: int, column: str, date1904: bool = False, order: str | None = None
) -> date | None:
    """A date from a datetime/date cell, an Excel serial number, or a string such as 2026/5/6,
    2026-05-07, 2026年5月8日 (or 8号), 2026.5.6, 20260506, 1-Nov-26, Nov 1, 2026 (a time part is allowed and dropped; a
    12-hour one as WPS/Excel write it — 下午 9:00, 9:00 PM — and an ISO time with its offset, read as local time).
    Day and month in digits before the year are read when only one order makes a date (20/11/2026, 11/20/2026)
    or when `order` ("dmy"/"mdy": digit_date_order of the value's column) says which; else (11/01/2026) they are
    ambiguous: a problem, never a guess.
    A year of two digits is read when 年 marks it (24年3月5日 → 2024-03-05; 00–29 are 2000s, 30–99 1900s, as Excel
    and WPS read a typed year); 24/3/5, 24.3.5 and 3/5/24 say no number is the year, so they are a problem
    (date_short_year) naming every day they could be, never a guess.
    A serial number counts from 1904-01-01 with `date1904` (the workbook's own date system: Table.date1904).
    None and '' -> None; anything else raises ImportProblem naming file, row and column."""
    result = _to_datetime(value, file, row, column, date1904, order)
    return None if result is None else result.date()


def parse_datetime(
    value: object,
    *,
    file: str,
    row: int,
    column: str,
    date1904: bool = False,
    zone: tzinfo | None = None,
    order: str | None = None,
) -> datetime | None:
    """Like parse_date but keeps the time (midnight when the value has none). `zone`: the zone the column's times
    are written in (its header says so: Typeform's "Submit Date (UTC)"); a time without a zone of its own is read
    in it and given as the organiser's local time."""
    if zone is None:
        return _to_datetime(value, file, row, column, date1904, order)
    text = unicodedata.normalize("NFKC", value).strip() if isinstance(value, str) else ""
    if text and (_ZONED_RE.fullmatch(text) or _ZONE_AFTER_RE.search(text)):
        return _to_datetime(value, file, row, column, date1904, order)  # the value's own zone wins
    result = _to_datetime(value, file, row, column, date1904, order)
    if result is None:
        return None
    if result.time() == time(0) and not _CLOCK_IN_TEXT.search(text) and not isinstance(value, CellMoment):
        # a day with no time (2026-11-30 in a "(UTC)" column, an Excel date): a calendar day, no moment to convert —
        # read as UTC midnight it was the 29th for a community in New York
        return result
    return to_local_time(result, zone)


_CLOCK_IN_TEXT = re.compile(r"\d\s*[:：点时]\s*\d|\d\s*[AaPp]\.?[Mm]")


def zone_moved_day(value: object, moment: datetime | None, zone: tzinfo | None = None) -> date | None:
    """The day a zoned time was written on, when reading it in the community's zone put it on another day
    (``2026-11-30 23:59:59`` in a "(UTC)" column is 1 December in Shanghai; ``2026-12-04T07:00+08:00`` is the 3rd in
    New York): the import says so on its row. None when nothing moved, or the value carried no zone (nor `zone`, its
    column's)."""
    if moment is None:
        return None
    if isinstance(value, datetime):
        written = value.date() if zone is not None else None
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        after = _ZONE_AFTER_RE.search(text)
        if zone is None and not (_ZONED_RE.fullmatch(text) or (after is not None and after.start() > 0)):
            return None
        match = _DATE_RE.match(text)
        try:
            written = date(int(match["y"]), int(match["m"]), int(match["d"])) if match else None
        except ValueError:
            written = None
    else:
        return None
    return written if written is not None and written != moment.date() else None


def zone_moved_note(written: date, moment: datetime) -> str:
    """What a row says when the community's zone put its time on another day than the one written."""
    zone = community_zone.describe(LOCAL_ZONE or community_zone.community())
    return (
        f"写的是 {written:%Y-%m-%d} 的时间, 按社群时区 {zone} 是 {moment:%Y-%m-%d %H:%M} (设置 → 社群时区)"
        f" (a time written on {written:%Y-%m-%d} is {moment:%Y-%m-%d %H:%M} in the community's time zone {zone}:"
        " Settings → the community's time zone)"
    )


# ---------------------------------------------------------------- phones

_SCI_RE = re.compile(r"[+-]?\d+(?:\.\d*)?[eE][+-]?\d+", re.ASCII)
_TRAILING_ZERO_RE = re.compile(r"(\d+)\.0+", re.ASCII)
_PHONE_CHARS_RE = re.compile(r"\+?[\d\s\-().]+", re.ASCII)
_MOBILE_RE = re.compile(r"1[3-9]\d{9}", re.ASCII)


def _landline(digits: str) -> str | None:
    """'01012345678' -> '010-12345678'. Area codes 010 and 02x have 3 digits, the others are 4-digit 0[3-9]xx;
    no area code starts 011…019 or 00, so "013-80013800" (a mobile that lost a digit) is not a landline."""
    if not digits.startswith("0") or not (10 <= len(digits) <= 12):
        return None
    if digits.startswith("010") or digits[1] == "2":
        area_len = 3
    elif digits[1] in "3456789":
        area_len = 4
    else:
        return None
    local = digits[area_len:]
    if len(local) in (7, 8) and not local.startswith("0"):
        return f"{digits[:area_len]}-{local}"
    return None


def _canonical_phone(digits: str, international: bool, from_number: bool) -> str | None:
    if international:
        if digits.startswith("86"):
            rest = digits[2:]
            return rest if _MOBILE_RE.fullmatch(rest) else _landline("0" + rest)
        return "+" + digits if 7 <= len(digits) <= 15 else None
    if digits.startswith("0086"):
        rest = digits[4:]
        return rest if _MOBILE_RE.fullmatch(rest) else _landline("0" + rest)
    if digits.startswith("00") and len(digits) > 4:  # 00 is the international prefix (no area code starts 00)
        return _canonical_phone(digits[2:], True, False)
    if (digits[:3] in ("852", "853") and len(digits) == 11) or (digits.startswith("886") and len(digits) == 12):
        return "+" + digits  # Hong Kong, Macau (8 digits) or Taiwan (9) written without the +
    if len(digits) == 13 and digits.startswith("86") and _MOBILE_RE.fullmatch(digits[2:]):
        return digits[2:]
    if _MOBILE_RE.fullmatch(digits):
        return digits
    if len(digits) == 10 and digits[:3] in ("400", "800"):
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if digits.startswith("0"):
        return _landline(digits)
    if from_number and 9 <= len(digits) <= 11:
        # a landline typed into a number cell lost its leading 0 (01012345678 -> 1012345678)
        restored = _landline("0" + digits)
        if restored:
            return restored
    if 7 <= len(digits) <= 8 and digits[0] != "1":
        # a local landline without area code: kept as written. No local number starts with 1 (in China 1 begins the
        # mobiles and the service numbers; nor in Hong Kong, Macau, Taiwan or North America): 1380013 is a mobile
        # number with digits missing, never a landline to store and match people by
        return digits
    return None


_TRUNK_ZERO_RE = re.compile(r"^(?:\+|00)\s*(\d{1,3})(?:[\s\-.]+0|\s*\(0\))[\s\-.]*(?=\d)", re.ASCII)
_BRACKETED_CODE_RE = re.compile(r"^\(\s*\+\s*(\d{1,4})\s*\)\s*")
_REMARK_RE = re.compile(r"\s*\(([^()]*)\)\s*$")
_SEVERAL_RE = re.compile(r"\s*(?:[/,;|、，；]|或|和|\s{2,})\s*")


def _phone_problem(file: str, row: int, column: str, message: str, code: str, shown: str) -> ImportProblem:
    return ImportProblem(file, row, column, message, code, shown)


# what people write in a phone or WeChat ID cell (or a form's answer) when they give none: no value, never one to
# store or to match people by
_NO_VALUE = frozenset(
    norm_key(w)
    for w in (
        "无", "没有", "暂无", "无微信", "无手机", "没微信", "不方便", "不方便透露", "不便透露", "保密", "不想填", "不填",
        "略", "空", "同上", "同手机", "同手机号", "手机同号", "同电话", "同微信", "同微信号", "微信同号", "微信同手机",
        "none", "n/a", "na", "null", "nil", "no", "same", "same as phone", "same as above",
    )
)  # fmt: skip


def no_value_answer(text: str) -> bool:
    """Whether a cell says there is no value rather than giving one: 无, 暂无, 保密, 同手机号, 同上, n/a, or only
    dashes and slashes (—, /)."""
    key = norm_key(text)
    return not key or key in _NO_VALUE


_NO_DATE = frozenset(
    norm_key(w)
    for w in (
        "无", "没有", "暂无", "空", "不详", "未知", "不清楚", "不记得", "忘了", "待定", "待补", "待补充",
        "n/a", "na", "none", "null", "nil", "unknown", "tbd",
    )
)  # fmt: skip


def no_date_given(text: str) -> bool:
    """Whether a date cell says there is no date rather than giving one: only dashes or slashes (-, --, —, /), 无,
    不详, 未知, n/a. Not 同上 (the date of the row above, a value this cell does not hold: still no date QunDesk reads)."""
    key = norm_key(text)
    return (not key and any(not ch.isspace() for ch in text)) or key in _NO_DATE


_MASKED_PHONE = re.compile(r"(?:\+?\d{1,4}[\s-]?)?\d{0,4}[\s-]?[*＊×xX•·]{3,}[\s-]?\d{0,4}", re.ASCII)


def masked_phone(value: object) -> str | None:
    """The cell as written when it is a phone number with its middle digits masked (138****1234, 138 **** 1234,
    +86 138****1234, ***********: 小鹅通, 企业微信, 知识星球 exports for a role that may not see phones), else None.
    Its visible digits are never a phone: 138****1234 would match whoever's number starts 138 and ends 1234."""
    if not isinstance(value, str) or ("*" not in value and "＊" not in value and "×" not in value and "•" not in value):
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    return text if _MASKED_PHONE.fullmatch(text) and any(ch in text for ch in "*×•") else None


def parse_phone(value: object, *, file: str, row: int, column: str) -> str | None:
    """A phone number in canonical form (see the module docstring), None for an empty cell.

    Numbers from Excel are fine (13800138000 and 13800138000.0 both give '13800138000'), as are
    '138 0013 8000', '+86 138-0013-8000', '(+86)13800138000', '0086-13800138000', '13800138000.0',
    full-width digits and a remark in brackets after the number ('13800138000（微信同号）'). A number
    shown in scientific notation ('1.38E+10') lost its last digits when it was saved and cannot be
    recovered: that, letters, two numbers in one cell and anything that is not a phone number raise
    ImportProblem (``code``: phone_scientific_notation, phone_has_letters, phone_several_numbers,
    phone_invalid, phone_not_a_phone)."""
    if value is None:
        return None
    shown = clean_text(value) or ""
    from_number = False
    if isinstance(value, bool):
        raise _phone_problem(
            file, row, column, f"{shown} 不是电话号码 (not a phone number: {shown})", "phone_not_a_phone", shown
        )

    def invalid(written: str) -> ImportProblem:
        return _phone_problem(
            file,
            row,
            column,
            f"{written} 不是有效的手机号或电话号码 (not a phone number: {shown})",
            "phone_invalid",
            shown,
        )

    if isinstance(value, int):
        if value < 0:
            raise invalid(shown)
        text, from_number = str(value), True
    elif isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer() or value < 0 or value >= 1e15:
            raise invalid(shown)
        text, from_number = str(int(value)), True
    elif isinstance(value, str):
        text = drop_format_chars(unicodedata.normalize("NFKC", value)).strip()
        if text.startswith('="') and text.endswith('"'):  # Excel's ="0101234" text trick
            text = text[2:-1].strip()
        text = _BRACKETED_CODE_RE.sub(r"+\1 ", text.strip("'\t "))  # (+86)138… is +86 138…
    else:
        raise _phone_problem(
            file, row, column, f"{shown} 不是电话号码 (not a phone number: {shown})", "phone_not_a_phone", shown
        )
    if not text:
        return None
    if _SCI_RE.fullmatch(text):
        raise _phone_problem(
            file,
            row,
            column,
            f"{text} 无法还原为手机号：科学计数法已丢失后几位数字，请在原表中把该列设为文本后重新导出"
            f" (cannot be read back as a phone number: {shown} lost its last digits to scientific notation;"
            " set the column to text in the original sheet and export it again)",
            "phone_scientific_notation",
            shown,
        )
    trunk = _TRUNK_ZERO_RE.match(text)
    if (
        trunk and trunk.group(1) != "39"
    ):  # +886 0912 …: the national trunk 0 is not dialled from abroad (Italy keeps it)
        text = f"+{trunk.group(1)} " + text[trunk.end() :]
    remark = _REMARK_RE.search(text)
    if remark and any(ch.isalpha() for ch in remark.group(1)) and any(ch.isdigit() for ch in text[: remark.start()]):
        text = text[: remark.start()].strip()  # "13800138000（微信同号）": the remark is not part of the number
    zero = _TRAILING_ZERO_RE.fullmatch(text)
    if zero:
        text, from_number = zero.group(1), True
    parts = [p for p in _SEVERAL_RE.split(text) if p]
    if len(parts) > 1 and all(_PHONE_CHARS_RE.fullmatch(p) for p in parts):
        if (
            sum(1 for p in parts if _canonical_phone("".join(c for c in p if c.isdigit()), p.startswith("+"), False))
            > 1
        ):
            said = " / ".join(parts)  # 138…\n139… (a line break in the cell): one line, each number said
            raise _phone_problem(
                file,
                row,
                column,
                f"{said} 不是有效的手机号：一格里有两个号码，请只留一个 (two numbers in one cell)",
                "phone_several_numbers",
                shown,
            )
    if any(ch.isalpha() for ch in text):
        raise _phone_problem(
            file,
            row,
            column,
            f"{text} 不是电话号码（含有文字） (not a phone number: {shown} holds letters)",
            "phone_has_letters",
            shown,
        )
    if not _PHONE_CHARS_RE.fullmatch(text):
        raise invalid(text)
    digits = "".join(ch for ch in text if ch.isdigit())
    result = nanp_phone(text) if not from_number and not text.startswith("+") else None
    if result is None:
        result = _canonical_phone(digits, text.startswith("+"), from_number) if digits else None
    if result is None:
        if len(digits) == 22 and _MOBILE_RE.fullmatch(digits[:11]) and _MOBILE_RE.fullmatch(digits[11:]):
            raise _phone_problem(
                file,
                row,
                column,
                f"{digits[:11]} / {digits[11:]} 不是有效的手机号：一格里有两个号码，请只留一个 (two numbers in one cell)",
                "phone_several_numbers",
                shown,
            )
        if digits.startswith("1") and len(digits) < 11 and not text.startswith("+"):
            raise _phone_problem(
                file,
                row,
                column,
                f"{text} 不是有效的手机号：手机号是 11 位，这里只有 {len(digits)} 位，少写了数字？"
                f" (not a phone number: {shown} has {len(digits)} digits; a mobile number has 11)",
                "phone_invalid",
                shown,
            )
        raise invalid(text)
    return result
