"""Tolerant reading of roster and application spreadsheets (.xlsx, .csv, .xls, .ods) into a plain Table.

For the import services and the import preview. No Qt, no database.

What it copes with, and how (decisions):
- Which sheet (.xlsx): without ``sheet``, the first sheet — the one the workbook opens on, then the
  others in order — whose table has a person column (name, WeChat ID, phone or nickname, see
  desktop/io/fields.py) and rows below its header is read, so a workbook that opens on a 说明 or 汇总
  sheet still imports its member list (a "label：sentence" cell such as 填表说明：手机号请填写11位 names no
  column; a sheet with a person header and no rows is read only when no sheet has rows). A single-sheet workbook is read whatever its columns (the import then says what is
  missing); a workbook of several sheets none of which has a person column is refused, listing every
  sheet read. A hidden sheet comes after every visible one (an old list kept out of sight is not read while a
  sheet the user sees has a member table). Table.sheets lists the workbook's sheets for the preview's sheet choice.
- Title rows above the header. The header is the first of the first 15 non-empty rows with at
  least two cells that name a known field (desktop/io/fields.py) or a survey-tool column; failing
  that, the first of them with the most text cells. Rows above it are listed as skipped ("title").
- Two-row headers ("基本信息" over "姓名","手机"): combined as "上级-下级", or just "下级" when
  that alone names a known field, or the one that is filled when the other is empty.
  For .xlsx, merged ranges come from the sheet: the row directly above the header is an upper header
  when a range merges it down into the header row, or when it has two or more filled cells and a
  horizontal merge; the row below is a lower header only when a range merges the header row down into
  it. Without merges (CSV, or "centre across selection") the row above counts as an upper header when
  it has at least two text cells, fewer than the header row, none of them "label: value", and at
  least one of them is followed by empty cells over filled header cells; its text then carries to the
  right. The row below is never guessed without merges, so a data row is never lost.
- Merged cells in data rows (a city merged over three rows): every row of the range gets the anchor's
  value in the anchor's column (text, number or date); Table.fills lists them for the preview.
- Footer rows: below the last data row, a row with text in at most two cells that reads as a label
  (合计：8人, 共 6 人, 注：…, 备注：…, 制表人：…, 审核人签字：…, any "xxx：yyy" — not a time's colon: `张伟 | 07:30` is
  a person) is not a person, wherever its
  column; so is a totals row whose count has a cell of its own (合计 | 8, 8 | 汇总, an Excel Table's 汇总 |
  =SUBTOTAL(…)) or none at all (a bare 合计 / 总计 under the names or in the 序号 column: never a person named 总计,
  nor a row refused for its empty name), and a row whose one cell is the number of data rows above it (a COUNTA
  under the names);
  those rows and the blank rows among them are listed as skipped ("footer", "blank"). A label-like row
  followed by more data is data — unless it is a note or a section line (below).
- A note or a section line among the rows of a table of several columns — a row whose only filled cell says
  "label：text" (备注：红色为未交费), heads a section (以下为二期学员, 一期学员, 第3组, —— 三期 ——, 【二期】) or is a
  bare 小计 / 合计 between sections — is not a
  person wherever it is: left out and listed as skipped ("note"). A one-column list of names keeps every row.
- A row that repeats the header (two exports put one after the other, a sheet that repeats its header for
  printing) is not a person: left out and listed as skipped ("header"). So is the header in another language
  (Name | WeChat ID | Phone under 姓名 | 微信号 | 手机, a bilingual header without merged cells, and each page's
  copy of it): its cells name the same fields as the header's. Not for a caller's own header rule (a
  check-in sheet's week blocks) nor under a two-row header.
- Hidden rows (hidden by hand, or by an active filter: an organiser who filtered to 未交费 and saved) are data like
  any other — the file holds them, a filter is a way of looking, and leaving them out would lose people without a
  word — and Table.hidden_rows names them (.xlsx, .ods, .xls, a web page's display:none rows), so that the import
  says so row by row (a roster's and a check-in sheet's); hidden columns (a 手机 column hidden before
  printing) likewise, Table.hidden_columns, said once for the file.
- Rows are numbered as Excel numbers them (the header row counts; for CSV, one record = one
  row, even when a quoted cell spans lines). Empty rows are dropped wherever they are.
- Excel error cells (#REF!, #N/A …) and formulas no program calculated are neither empty nor text: the
  sheet XML is scanned for them and they arrive as fields.CellError (a str: the error, or "=formula"),
  which the import reports as a problem where the column is used.
- .xlsx: python-calamine reads the sheet (cached formula values, ≈7x faster than openpyxl's
  read-only mode); a sheet whose XML unpacks to more than STREAM_XML_BYTES is streamed with openpyxl
  read-only instead (calamine holds a whole sheet in memory). Both give the same values: date cells
  as datetime, whole numbers as int, other numbers as float, whitespace-only text as empty.
  Sheet dimensions are ignored (some writers record wrong ones). Reading stops after 1000
  consecutive empty rows, so a stray formatted cell at row 1,000,000 costs nothing.
- Hostile .xlsx: the zip directory's declared sizes are checked before anything is inflated (a part
  over MAX_PART_BYTES, or all parts over MAX_TOTAL_BYTES, is refused within milliseconds), and an
  XML part that declares a DTD or entities (billion laughs) is refused: OOXML never has one.
- .txt: Excel's and WPS's "Unicode 文本" (UTF-16, tabs between the cells) is read like a .tsv, and so is a list of
  one person a line under a line naming its column (姓名, 微信号, 手机); other text is refused, saying to add that
  line (a list of names without it would take its first name for the header).
- .csv/.tsv: a record whose quotes are broken — a quote that never closes (it would swallow the rest of the
  file into one cell) or text after a closing quote — is refused naming its row and column (csv_quote).
  UTF-8 with BOM, UTF-16 with BOM, UTF-8, then GB18030 (a superset of GBK), decided by
  reading the bytes in blocks; a file that is mostly UTF-8 with a few bad bytes, or that no encoding
  reads, is refused naming the line of the first bad byte; so is a GBK file with a line of UTF-8 Chinese (a row
  another program added: as GBK it would read as other characters). Delimiter sniffed among comma, tab and
  semicolon (or taken from Excel's "sep=;" first line, which Excel does not count as a row). Empty
  cells are None, other cells are the text as written.
- Big files are streamed: up to MATERIALIZE_ROWS data rows, Table.rows is a list; beyond, it is a
  re-iterable view that reads the file again each time it is iterated (the import plans and writes in
  batches), so memory does not grow with the file.
- Width: the table is as wide as its last filled cell in the header or any data row; columns
  that are empty everywhere at the right end (腾讯问卷's trailing comma) disappear, an unnamed
  column that has data is kept with header "".
- A file named .xls, .et, .csv or .tsv that is an .xlsx workbook (a web system's export, a renamed file, WPS in
  the Excel format) is read as the workbook it is. A file named .xls, .et or .ods is read as what its bytes are
  (_read_other_book): an Excel 97–2003 workbook or an .ods by python-calamine; a web page's table (QQ group tools'
  and web systems' "导出Excel") or tab-separated text as such; anything else, and .numbers, is refused saying how
  to save it as .xlsx.
- Unsupported, unreadable, corrupt or empty files raise ImportProblem with a message for people
  (and a ``code``: too_large_when_unpacked, xml_entity_expansion, undecodable_bytes, no_table,
  no_such_sheet …).
"""

from __future__ import annotations

import codecs
import csv
import html
import html.parser
import io
import itertools
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Protocol

from desktop.io.fields import (
    CellError,
    CellMoment,
    ImportProblem,
    clean_header,
    drop_format_chars,
    header_field,
    norm_key,
    synonym_field,
)

__all__ = [
    "SURVEY_META_HEADERS",
    "ImportProblem",
    "MergedFill",
    "ProgressLike",
    "Skipped",
    "Table",
    "has_person_column",
    "read_table",
    "survey_meta_key",
]

HEADER_SCAN_ROWS = 15
MAX_EMPTY_RUN = 1000
MATERIALIZE_ROWS = 50_000  # data rows kept in a list; beyond, Table.rows reads the file again when iterated
MAX_PART_BYTES = 1 << 30  # an .xlsx part that unpacks to more than 1 GB is refused
MAX_TOTAL_BYTES = 2 << 30  # and so is a workbook whose parts add up to more than 2 GB
MAX_RATIO = 2000  # a part compressed more than 2000:1 and over 100 MB unpacked is a bomb, not a sheet
STREAM_XML_BYTES = 48 << 20  # sheets whose XML unpacks to more than this are streamed with openpyxl
MAX_MERGES = 200_000  # merged ranges read from one sheet (a sheet cannot show more than that usefully)
MAX_LISTED = 1000  # skipped rows and merged fills kept for the preview (the counts are exact)
FOOTER_LOOKAHEAD = 50  # label-like rows held back while deciding whether they are a footer

XLSX_EXTENSIONS = frozenset({".xlsx", ".xlsm"})
OTHER_BOOK_EXTENSIONS = frozenset({".xls", ".et", ".ods"})  # read as what their bytes are: _read_other_book
CSV_EXTENSIONS = frozenset({".csv", ".tsv"})

# columns that survey tools add around the questions: neither person fields nor answers
SURVEY_META_HEADERS: frozenset[str] = frozenset(
    norm_key(h)
    for h in (
        "序号",
        "提交答卷时间",
        "所用时间",
        "来源",
        "来源详情",
        "来自IP",
        "总分",
        "IP属地",  # 问卷星
        "编号",
        "开始答题时间",
        "结束答题时间",
        "答题时长",
        "提交时间",
        "起答时间",
        "用户类型",  # 腾讯问卷
        "用户标识",
        "用户ID",
        "地理位置国家和地区",
        "地理位置省",
        "地理位置市",
        "自定义字段",
        "IP",
        "IP地址",  # 麦客, 金数据
        "IP归属地",
        "提交IP",
        "填写IP",
        "填写时间",
        "答题时间",
        "创建时间",  # 飞书多维表格
        "最后更新时间",
        "最后修改时间",
        "最后更新人",
        "最后修改人",
        "报名时间",  # 活动行, 互动吧 sign-up exports
        "创建人",
        "渠道",
        "修改时间",  # 金数据, 麦客, 腾讯文档, 飞书
        "更新时间",
        "提交人",
        "提交者",
        "填写人",
        "填写者",
        "填写设备",
        "操作系统",
        "浏览器",
        "填写地区",
        "地理位置",
        "填写时长",
        "来源渠道",
        "微信OpenID",
        "OpenID",
        "微信头像",
        "微信性别",
        "微信国家",
        "微信省市",
        "微信城市",
        "微信省份",
        "UnionID",
        "时间戳记",  # Google Forms in Chinese (its "Timestamp")
        "時間戳記",
        "Submitted at",  # English forms
        "Submission time",
        "Submit time",
        "Submission date",
        "Timestamp",
        "Submission ID",
        "Response ID",
        "Respondent ID",
        "IP Address",
        "User Agent",
        "Start Date (UTC)",  # Typeform
        "Stage Date (UTC)",
        "Submit Date (UTC)",
        "Network ID",
        "Response Type",
    )
)

# 腾讯文档收集表 marks the columns it fills itself: 提交者（自动）, 提交时间（自动）
_AUTO_MARK = re.compile(r"\s*[(（]\s*(?:自动|auto)\s*[)）]\s*$", re.IGNORECASE)


def survey_meta_key(header: str) -> str:
    """The key a header is looked up by in SURVEY_META_HEADERS (and the survey's time columns): norm_key without
    腾讯文档收集表's "（自动）" mark, so 提交时间（自动） is its submission time and 提交者（自动） its own column —
    never a question that makes the file "no survey" or the account's name the applicant's."""
    return norm_key(_AUTO_MARK.sub("", header))


PROGRESS_EVERY = 2000  # rows between two progress reports

Row = tuple[int, list[object]]
Merge = tuple[int, int, int, int]  # min_row, min_col, max_row, max_col (1-based, inclusive)


@dataclass(frozen=True)
class Skipped:
    """A row of the sheet that is not imported: above the header, or below the data."""

    row: int
    reason: str  # "title" | "footer" | "blank" | "header" | "note"
    text: str | None = None  # what the row says (title and footer rows)


@dataclass(frozen=True, order=True)
class MergedFill:
    """A cell of a data row that took its value from a merged range above it."""

    row: int
    column: int  # 0-based column index
    from_row: int  # the row of the range's anchor cell


@dataclass(frozen=True)
class Table:
    """A sheet as read: cleaned headers and the non-empty data rows below them.

    Equality compares file, header row, headers, rows and sheet (what was read), not the notes."""

    file: str  # file name for messages
    header_row: int  # Excel row number of the (last) header row
    headers: list[str]
    rows: Any  # list of (Excel row number, values padded to len(headers)), or a re-iterable stream of them
    sheet: str | None = None  # worksheet name for .xlsx
    titles: tuple[str, ...] = field(default=(), compare=False)  # headers as written (survey answer keys)
    sheets: tuple[str, ...] = field(default=(), compare=False)  # every sheet of the workbook
    skipped: tuple[Skipped, ...] = field(default=(), compare=False)  # title rows, footers and blanks below
    fills: tuple[MergedFill, ...] = field(default=(), compare=False)  # merged cells filled in (first MAX_LISTED)
    fill_count: int = field(default=0, compare=False)
    row_count: int = field(default=-1, compare=False)  # data rows (len(rows))
    # set by readers that need the sheet's look (checkin_import.read_checkin_table), else empty:
    # merged ranges below the header with their anchor's value (min_row, min_col, max_row, max_col 1-based, value)
    cell_merges: tuple[tuple[int, int, int, int, object], ...] = field(default=(), compare=False)
    # cells from the header down with a fill colour: (row, 0-based column, colour, whether the cell is empty)
    cell_fills: tuple[tuple[int, int, str, bool], ...] = field(default=(), compare=False)
    # 0-based columns whose header cell is text in the sheet (12.1 typed as text, not the number 12.1)
    text_header_cols: tuple[int, ...] = field(default=(), compare=False)
    # other sheets of the workbook the same header rule reads as a table with rows (set by checkin_import)
    also_sheets: tuple[str, ...] = field(default=(), compare=False)
    # the workbook counts dates from 1904 (Mac Excel's 1904 date system): a date typed as a plain number (44530) is
    # that many days after 1904-01-01, not after 1899-12-30 — pass it to fields.parse_date(date1904=…)
    date1904: bool = field(default=False, compare=False)
    # data rows hidden in the sheet (a hidden row, or one an active filter hides): read like any other, and said so
    hidden_rows: frozenset[int] = field(default=frozenset(), compare=False)
    # 0-based columns hidden in the sheet (a 手机 column hidden before printing): read like any other, and said so
    hidden_columns: tuple[int, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.titles:
            object.__setattr__(self, "titles", tuple(self.headers))
        if self.row_count < 0:
            object.__setattr__(self, "row_count", len(self.rows))

    @property
    def streamed(self) -> bool:
        return not isinstance(self.rows, list)

    def sample(self, count: int) -> list[Row]:
        """The first `count` data rows (without reading a streamed file to its end)."""
        if isinstance(self.rows, list):
            return self.rows[:count]
        return list(itertools.islice(iter(self.rows), count))


class ProgressLike(Protocol):
    """desktop.tasks.Progress, or anything with its step(); step() may raise to cancel."""

    def step(self, done: int, total: int) -> None: ...


class _Stop(Exception):
    """Carries an exception raised by the progress callback (e.g. Cancelled) through our handlers."""

    def __init__(self, error: Exception):
        super().__init__(error)
        self.error = error


@contextmanager
def _reading(book: _Book, name: str) -> Iterator[None]:
    """Read from `book`, closed afterwards: a failure inside a reader means a damaged file, not a bug of ours — said
    as one (ImportProblem "corrupt", naming the file); our own problems and a cancel pass through."""
    try:
        yield
    except (ImportProblem, _Stop):
        raise
    except Exception as exc:
        raise ImportProblem(
            name, None, None, f"读取工作表时出错，文件可能已损坏（{type(exc).__name__}）", "corrupt"
        ) from None
    finally:
        book.close()


def _report(progress: ProgressLike | None, done: int, total: int) -> None:
    if progress is not None:
        try:
            progress.step(done, max(total, done))
        except Exception as exc:
            raise _Stop(exc) from exc


HeaderFinder = Callable[[list[Row]], int]


def read_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    progress: ProgressLike | None = None,
    find_header: HeaderFinder | None = None,
) -> Table:
    """Read the table of an .xlsx/.csv/.xls/.ods file; raises ImportProblem for anything unusable.

    ``progress.step(rows_read, estimated_rows)`` is called every few thousand rows; whatever it
    raises (desktop.tasks.Cancelled) is passed on unchanged. ``find_header``: the caller's own rule for
    which of the first rows (index into them, -1: none) is the header — a check-in sheet whose header
    is 姓名 and dates (Excel date cells, not text) has fewer text cells than its rows of ✓ — used
    instead of the roster rule to find the header and to choose the sheet."""
    try:
        return _read_table(Path(path), sheet, progress, find_header or _find_header)
    except _Stop as stop:
        raise stop.error from None


MAX_OTHER_MEMBER_SHEETS = 30  # sheets looked at for "also a member table"


def with_other_member_sheets(path: str | Path, table: Table) -> Table:
    """`table` (the sheet picked without --sheet) with the workbook's other sheets that are member tables with rows
    too (a 小鹅通 workbook of 订单明细 and 学员列表, one sheet a class): only one sheet is imported at a time, so the
    others are named (Table.also_sheets) rather than passed over unseen. 说明 / 填写示例 sheets are not counted."""
    from dataclasses import replace

    others = []
    for name in table.sheets[:MAX_OTHER_MEMBER_SHEETS]:
        if name == table.sheet or _notes_sheet(name):
            continue
        try:
            other = read_table(path, sheet=name)
        except ImportProblem:  # no member table (a 汇总 of figures): nothing to name
            continue
        person = any(header_field(h) in ("name", "nickname", "wechat_id", "phone", "qq") for h in other.headers if h)
        if person and other.row_count > 0:
            others.append(name)
    return replace(table, also_sheets=tuple(others)) if others else table


def _is_workbook(path: Path) -> bool:
    """Whether a file is an .xlsx workbook whatever its name says: a zip holding xl/workbook.xml (an export a web
    system names 名单.xls or 名单.csv, a workbook renamed by hand, a WPS .et saved in the Excel format)."""
    try:
        with open(path, "rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _book_source(path: Path) -> str | io.BytesIO:
    """What the workbook readers open: the path, or for a workbook under another name (名单.xls that is an .xlsx) its
    bytes — python-calamine and openpyxl go by the name's extension and would refuse it."""
    if path.suffix.lower() in XLSX_EXTENSIONS:
        return str(path)
    return io.BytesIO(path.read_bytes())


def _text_table(path: Path, name: str) -> _CsvSource | None:
    """A .txt file that is a table, read as a CSV: Excel's "Unicode 文本" (tabs between the cells), or a list of one
    person a line under a first line that names the column (姓名, 昵称, 微信号, 手机: a group's member list copied into
    Notepad with 姓名 typed on top). None for other text (a note saved as .txt, a list without its column's name),
    which is refused."""
    try:
        source = _CsvSource(path, name)
        first = next((cells for _row, cells in itertools.islice(source.rows(), 5)), None)
    except ImportProblem:
        return None
    if first is None:
        return None
    if len(first) >= 2 and source.delimiter == "\t":
        return source
    one = first[0] if len(first) == 1 and isinstance(first[0], str) else ""
    if one and synonym_field(one) in ("name", "nickname", "wechat_id", "phone", "qq"):  # the column's name, no more
        return source
    return None


def _read_table(path: Path, sheet: str | None, progress: ProgressLike | None, finder: HeaderFinder) -> Table:
    name = path.name
    ext = path.suffix.lower()
    if ext in (".csv", ".tsv") and path.is_file() and _is_workbook(path):
        return _read_xlsx(path, name, sheet, progress, finder)  # an .xlsx under another name: read as what it is
    if ext in OTHER_BOOK_EXTENSIONS and path.is_file():
        return _read_other_book(path, name, ext, sheet, progress, finder)
    if ext == ".numbers":
        raise ImportProblem(
            name,
            None,
            None,
            "暂不支持 Numbers 文件：请在 Numbers 里用「文件 → 导出为 → Excel」存成 .xlsx 后再导入"
            " (cannot read Numbers files: in Numbers choose File → Export To → Excel, then import the .xlsx)",
            "unsupported",
        )
    if ext == ".txt" and path.is_file() and (source := _text_table(path, name)) is not None:
        # Excel's / WPS's "Unicode 文本 (*.txt)": UTF-16 with tabs, a table like a .csv
        return _build_table(name, source.rows, [], None, (), progress, source.estimate, finder=finder)
    if ext == ".txt" and path.is_file():
        raise ImportProblem(
            name,
            None,
            None,
            "这个 .txt 文件不是表格：一行一个人的名单，请在第一行写上「姓名」（或 微信号、手机）后再导入；"
            "其他表格请在表格软件里另存为 .xlsx 或 .csv"
            " (this .txt file is not a table: for a list of one person a line, write Name, WeChat ID or Phone on its"
            " first line and import it again; save other tables as .xlsx or .csv)",
            "unsupported",
        )
    if ext not in XLSX_EXTENSIONS | CSV_EXTENSIONS:
        raise ImportProblem(
            name,
            None,
            None,
            f"不支持的文件类型 {ext or '（无扩展名）'}：请导入 .xlsx 或 .csv 文件"
            f" (not a file type QunDesk reads: {ext or 'no extension'}; import an .xlsx or .csv file)",
        )
    if not path.exists():
        raise ImportProblem(name, None, None, f"找不到文件 {path} (no such file: {path})")
    if not path.is_file():
        raise ImportProblem(name, None, None, "这不是一个文件 (this is not a file)")
    if ext in XLSX_EXTENSIONS:
        return _read_xlsx(path, name, sheet, progress, finder)
    source = _CsvSource(path, name)
    return _build_table(name, source.rows, [], None, (), progress, source.estimate, finder=finder)


def _content_kind(path: Path, name: str) -> str:
    """What a file named .xls/.et/.ods holds, by its bytes: "xlsx" (a workbook under another name), "ods",
    "ole" (Excel 97–2003, WPS, or a password-protected workbook), "html" (a web page with a table: what web
    systems and QQ group tools save as 名单.xls), "xml" (Excel 2003's XML spreadsheet), "text" (tab- or
    comma-separated text named .xls), or "" (none of these)."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(4096)
    except OSError as exc:
        raise _unreadable(name, exc) from None
    if start.startswith(b"PK\x03\x04"):
        if _is_workbook(path):
            return "xlsx"
        try:
            with zipfile.ZipFile(path) as archive:
                mimetype = archive.read("mimetype") if "mimetype" in archive.namelist() else b""
        except (OSError, zipfile.BadZipFile):
            return ""
        return "ods" if mimetype.strip() == b"application/vnd.oasis.opendocument.spreadsheet" else ""
    if start.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        probe = start.decode("utf-16", "ignore").encode("utf-8", "ignore")
    else:
        probe = start
    if b"\x00" in probe:
        return ""
    head = probe.lstrip(codecs.BOM_UTF8).lstrip().lower()
    if re.search(rb"urn:schemas-microsoft-com:office:spreadsheet", head) and b"<table" not in head:
        return "xml"
    if head.startswith(b"<") and re.search(rb"<(?:html|table|body|!doctype html|meta)\b", head):
        return "html"
    return "text"


def _read_other_book(
    path: Path, name: str, ext: str, sheet: str | None, progress: ProgressLike | None, finder: HeaderFinder
) -> Table:
    """A file named .xls, .et or .ods, read as what its bytes are (see _content_kind). Decisions:
    - Excel 97–2003 .xls and OpenDocument .ods are read by python-calamine like an .xlsx (cached formula values, date
      cells, merged ranges of an .xls, hidden sheets last). An .ods's hidden rows and error cells (#DIV/0!) are
      scanned from its content.xml and said as an .xlsx's are (_OdsNotes). An .xls's hidden rows are read from its
      formatting records by xlrd (_xls_hidden_rows: python-calamine gives none) and said the same way; its error cells are not told
      apart — one reads as empty, which never blanks a value already on record. A WPS .et or a password-protected
      workbook calamine cannot open is refused asking for .xlsx.
    - A web page named .xls (QQ group tools' and web systems' "导出Excel"): each <table> is a sheet (表1, 表2 …; the
      one with the member table is read, as for a workbook), a cell's text as written (like a CSV cell), a
      rowspan/colspan cell is a merged range, a row it hides (display:none: Excel's web page of a filtered sheet) is
      read and said as an .xlsx's hidden row. Its encoding: a BOM, else the page's charset, else UTF-8, else GB18030.
    - Tab- or comma-separated text named .xls: read like a .csv (its encoding and separator found the same way).
    - Excel 2003's XML spreadsheet, and anything else, is refused asking for .xlsx or .csv."""
    kind = _content_kind(path, name)
    if kind == "xlsx":
        return _read_xlsx(path, name, sheet, progress, finder)  # an .xlsx under another name: read as what it is
    if kind in ("ole", "ods"):
        book = _OtherBook(path, name, kind)
        with _reading(book, name):
            table = _pick_sheet(book, name, sheet, progress, 0, finder, book.hidden)
            notes = book._bad
            if isinstance(notes, _OdsNotes) and table.sheet and (hidden := notes.hidden_rows(table.sheet)):
                table = replace(table, hidden_rows=hidden)
            elif kind == "ole" and table.sheet and (hidden := _xls_hidden_rows(path, table.sheet)):
                table = replace(table, hidden_rows=hidden)
            return table
    if kind == "html":
        html_book = _HtmlBook(path, name)
        table = _pick_sheet(html_book, name, sheet, progress, 0, finder)
        if table.sheet and (hidden := html_book.hidden_rows(table.sheet)):
            table = replace(table, hidden_rows=hidden)
        return table
    if kind == "text":
        source = _CsvSource(path, name)
        if sheet is not None:
            raise ImportProblem(
                name, None, None, f"这个文件是文本表格，没有工作表“{sheet}” (no such sheet)", "no_such_sheet"
            )
        return _build_table(name, source.rows, [], None, (), progress, source.estimate, finder=finder)
    raise ImportProblem(
        name,
        None,
        None,
        f"无法读取这个 {ext} 文件（不是 QunDesk 能读的表格格式），请在表格软件里另存为 .xlsx 或 .csv 后再导入"
        f" (cannot read this {ext} file: it is in no table format QunDesk reads; save it as .xlsx or .csv in your"
        " spreadsheet program, then import that)",
        "unsupported",
    )


def _unreadable(name: str, exc: OSError) -> ImportProblem:
    if isinstance(exc, PermissionError):
        return ImportProblem(
            name,
            None,
            None,
            "没有权限读取这个文件（它可能正被 Excel 或其他程序打开，请关闭后重试）"
            " (no permission to read this file: it may be open in Excel or another program; close it and try again)",
        )
    return ImportProblem(
        name, None, None, f"无法打开文件：{exc.strerror or exc} (cannot open the file: {exc.strerror or exc})"
    )


# ---------------------------------------------------------------- building the table


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _trim(values: Iterable[object]) -> list[object]:
    """Whitespace-only text -> None, trailing empty cells removed."""
    out = [None if _is_empty(v) else v for v in values]
    while out and out[-1] is None:
        out.pop()
    return out


def _known_count(values: list[object]) -> int:
    count = 0
    for value in values:
        if isinstance(value, str):
            header = clean_header(value)
            if header and (survey_meta_key(header) in SURVEY_META_HEADERS or header_field(header)):
                count += 1
    return count


_NUMBER_TEXT = re.compile(r"[+-]?[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?")


def _is_text(value: object) -> bool:
    """A cell that could be a column name: text that is not just a number (CSV cells are all text)."""
    if not isinstance(value, str):
        return False
    header = clean_header(value)
    return bool(header) and not _NUMBER_TEXT.fullmatch(header)


def _text_count(values: list[object]) -> int:
    return sum(1 for v in values if _is_text(v))


def _find_header(rows: list[Row]) -> int:
    scan = rows[:HEADER_SCAN_ROWS]
    for index, (_, values) in enumerate(scan):
        if _known_count(values) >= 2:
            return index
    best, best_count = -1, 0
    for index, (_, values) in enumerate(scan):
        count = _text_count(values)
        if count > best_count:
            best, best_count = index, count
    return best


def _cells(values: list[object], width: int) -> list[str]:
    return [clean_header(v) for v in values] + [""] * (width - len(values))


def _fill_from_merges(cells: list[str], row_no: int, merges: list[Merge]) -> list[str]:
    out = list(cells)
    for r1, c1, _r2, c2 in merges:
        if r1 == row_no and c2 > c1 and c1 - 1 < len(out):
            for col in range(c1, min(c2, len(out))):  # 0-based c1 .. c2-1 take the anchor's text
                if not out[col]:
                    out[col] = out[c1 - 1]
    return out


def _vertical_merge(upper_no: int, lower_no: int, merges: list[Merge]) -> bool:
    return any(r1 <= upper_no and r2 >= lower_no for r1, _c1, r2, _c2 in merges)


def _horizontal_merge(row_no: int, merges: list[Merge]) -> bool:
    return any(r1 == r2 == row_no and c2 > c1 for r1, c1, r2, c2 in merges)


def _captions(upper: list[object]) -> bool:
    """At least two text cells, none of them "label: value" ("导出时间：2026-05-01" is a title line)."""
    filled = [v for v in upper if not _is_empty(v)]
    if len(filled) < 2 or not all(isinstance(v, str) for v in filled):
        return False
    return not any(":" in clean_header(v) for v in filled)


def _upper_by_layout(upper: list[object], lower: list[object]) -> bool:
    """The row above the header looks like group captions (no merge information needed)."""
    if not _captions(upper):
        return False
    if sum(1 for v in upper if not _is_empty(v)) >= sum(1 for v in lower if not _is_empty(v)):
        return False
    for col in range(len(upper) - 1):
        below = lower[col + 1] if col + 1 < len(lower) else None
        if not _is_empty(upper[col]) and _is_empty(upper[col + 1]) and not _is_empty(below):
            return True
    return False


def _carry_right(cells: list[str], lower: list[str]) -> list[str]:
    out = list(cells)
    current = ""
    for col, text in enumerate(out):
        if text:
            current = text
        elif current and col < len(lower) and lower[col]:
            out[col] = current
    return out


def _combine(upper: list[str], lower: list[str]) -> list[str]:
    out = []
    for up, lo in zip(upper, lower, strict=True):
        if not up or up == lo:
            out.append(lo)
        elif not lo:
            out.append(up)
        elif header_field(lo):
            out.append(lo)
        else:
            out.append(f"{up}-{lo}")
    return out


_FOOTER_COUNT = re.compile(r"^(?:合计|总计|小计|共计|总人数|人数|共)\s*[:：]?\s*\d+\s*(?:人|名|位|个)?\s*$")
_FOOTER_LABEL = re.compile(r"^(?:注|备注|说明|制表|制表人|审核|审核人|签字|签名|填表|填表人|统计|负责人|更新|导出)")
# a label's colon, never a time's (张伟 | 07:30 under a 打卡表 is a person's check-in, not 张伟 07: 30)
_LABEL_VALUE = re.compile(r"^[^:：]{1,12}(?:(?<!\d)[:：]|[:：](?!\d))\s*\S")
# a totals row whose count sits in a cell of its own: 合计 | 8, or an Excel Table's totals row (汇总 / Total, and a
# SUBTOTAL under one column)
_FOOTER_TOTAL = re.compile(
    r"^(?:合计|总计|小计|共计|汇总|总数|总人数|人数|total|totals|grand total|sum|count)\s*[:：]?$", re.I
)
_COUNT_CELL = re.compile(r"^\d+(?:\.\d+)?\s*(?:人|名|位|个)?$")


def _footer_text(cells: list[object], bare_totals: bool = False) -> str | None:
    """The text of a row that reads as a footer (≤ 2 filled cells, one of them a label), else None. With
    `bare_totals` (a roster's reader: a check-in sheet's has its own totals rows), a bare 合计 / 总计 too."""
    filled = [c for c in cells if c is not None]
    if not filled or len(filled) > 2:
        return None
    texts = [unicodedata.normalize("NFKC", c).strip() for c in filled if isinstance(c, str)]
    if not texts:
        return None
    joined = " ".join(texts)
    if (
        bare_totals and len(filled) == 1 and _total_label(filled[0])
    ):  # a bare 合计 / 总计 under the names or in the 序号 column
        return str(filled[0]).strip()
    if len(filled) == 2 and any(
        _total_label(label) and _count_cell(count) for label, count in (filled, filled[::-1])
    ):  # 合计 | 8, or 8 | 汇总 (the label under the last column)
        return " ".join(str(c).strip() for c in filled)
    for text in (texts[0], joined):
        if _FOOTER_COUNT.match(text) or _FOOTER_LABEL.match(text) or _LABEL_VALUE.match(text):
            return " ".join(str(c).strip() for c in filled)
    return None


def _total_label(value: object) -> bool:
    return (
        isinstance(value, str)
        and not isinstance(value, CellError)
        and bool(_FOOTER_TOTAL.match(unicodedata.normalize("NFKC", value).strip()))
    )


def _count_cell(value: object) -> bool:
    """A cell that can be a totals row's count: a number, "8人", or a formula (SUBTOTAL) no program calculated."""
    if isinstance(value, CellError):
        return value.startswith("=")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and bool(_COUNT_CELL.match(unicodedata.normalize("NFKC", value).strip()))


def _counts_rows(cells: list[object], count: int) -> bool:
    """A row whose one filled cell is the number of data rows above it (a totals row's count, no label)."""
    filled = [c for c in cells if c is not None]
    if len(filled) != 1 or count < 2 or isinstance(filled[0], (bool, CellError)):
        return False
    value = filled[0]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        value = int(text) if text.isascii() and text.isdigit() else None
    return isinstance(value, int) and value == count


def _row_text(cells: list[object]) -> str:
    return " ".join(str(c).strip() for c in cells if c is not None)[:200]


class _Notes:
    """What a pass over the data rows saw besides the rows: footers, blanks among them, merged fills."""

    def __init__(self, record: bool):
        self.record = record
        self.footers: list[Skipped] = []
        self.repeats: list[Skipped] = []  # the header row again among the data (two exports put one after the other)
        self.fills: list[MergedFill] = []
        self.fill_count = 0


class _Fills:
    """Merged ranges below the header, applied to rows as they stream past."""

    def __init__(self, merges: list[Merge], header_no: int):
        self.anchors: dict[int, list[tuple[int, int]]] = {}
        for r1, c1, r2, _c2 in merges:
            if r2 > r1 and r1 > header_no:
                self.anchors.setdefault(r1, []).append((c1 - 1, r2))
        self.active: list[tuple[int, int, object, int]] = []  # column, last row, value, anchor row

    def apply(self, row_no: int, cells: list[object], notes: _Notes) -> list[object]:
        if self.active:
            self.active = [a for a in self.active if a[1] >= row_no]
            for column, _last, value, anchor in self.active:
                if column >= len(cells):
                    cells = cells + [None] * (column + 1 - len(cells))
                if cells[column] is None:
                    cells[column] = value
                    notes.fill_count += 1
                    if notes.record and len(notes.fills) < MAX_LISTED:
                        notes.fills.append(MergedFill(row_no, column, anchor))
        for column, last in self.anchors.get(row_no, ()):
            value = cells[column] if column < len(cells) else None
            if value is not None:
                self.active.append((column, last, value, row_no))
        return cells


class _HeaderKeys(list):
    """A header's cleaned keys (norm_key of each cell) and, in `.fields`, the field each names (None for none)."""

    fields: list[str | None]


def _header_keys(header_values: list[object]) -> list[str]:
    keys = _HeaderKeys(norm_key(clean_header(v)) if isinstance(v, str) else "" for v in header_values)
    keys.fields = [header_field(clean_header(v)) if isinstance(v, str) else None for v in header_values]
    return keys


def _repeats_header(cells: list[object], keys: list[str]) -> bool:
    """A row that is the header again: two or more filled cells, each the header's text of its column — or the
    header in another language (姓名 | 微信号 | 手机 over Name | WeChat ID | Phone: a bilingual two-row header with no
    merge, printed again every page): two or more cells naming their column's field, and every other filled cell a
    word over a column that names none (Email under 邮箱) — never a value (no digit, no @)."""
    filled = [(i, c) for i, c in enumerate(cells) if c is not None]
    if len(filled) < 2 or not all(isinstance(c, str) and i < len(keys) and keys[i] for i, c in filled):
        return False
    if all(norm_key(clean_header(c)) == keys[i] for i, c in filled):
        return True
    fields = getattr(keys, "fields", None)
    if fields is None:
        return False
    first = next(((i, c) for i, c in filled if fields[i] is not None), None)
    if first is None or synonym_field(first[1]) is None:
        return False  # a data row: its first cell under a field's column names no field (one look-up a row)
    same = 0
    for i, c in filled:
        text = clean_header(c)
        if norm_key(text) == keys[i]:
            continue
        field = header_field(text)
        if field is not None and field == fields[i]:
            same += 1
        elif field is not None or fields[i] is not None or _VALUE_CHARS.search(text):
            return False
    return same >= 2


_VALUE_CHARS = re.compile(r"[0-9@０-９＠]")


# a line among the rows that heads or annotates them: 以下为二期学员, 一期学员, 第3组, —— 三期 ——, 【二期】
_SECTION_HEADING = re.compile(
    r"^(?:(?:以下|以上|下面)(?:为|是).*"
    r"|第?[0-9一二三四五六七八九十百两]+\s*(?:期|组|班|批|队|届)\s*(?:学员|成员|名单|同学|队员|会员)?\s*[:：]?)$"
)
_DECORATED = re.compile(r"^(?:[-—–=*#~_·•]{2,}.*[-—–=*#~_·•]{2,}|[【\[〔].*[】\]〕])$")


def _section_text(cells: list[object]) -> str | None:
    """The text of a row that is a note or a section line among the rows of a table with several columns, not a person:
    its only filled cell says "label：text" (备注：红色为未交费, 注：…) or heads a section (以下为二期学员, 一期学员, 第3组,
    —— 三期 ——, 【二期】). A person's row has a name that is none of these."""
    filled = [c for c in cells if c is not None]
    if len(filled) != 1 or not isinstance(filled[0], str) or isinstance(filled[0], CellError):
        return None
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", filled[0])).strip()
    if _LABEL_VALUE.match(text) or _SECTION_HEADING.match(text) or _DECORATED.match(text) or _total_label(text):
        return drop_format_chars(filled[0]).strip()[:200]
    return None


def _data_rows(
    raw: Iterable[Row],
    fills: _Fills,
    notes: _Notes,
    header: list[str] | None = None,
    sections: bool = False,
    totals: bool = False,
) -> Iterator[Row]:
    """The data rows of `raw` (the rows below the header): merged cells filled in, footer rows held back
    and, at the end, reported in `notes` instead of yielded; with `header` (its _header_keys), a row that repeats
    the header is left out and reported in `notes` too; with `sections` (a table of several columns), so is a note
    or a section line among the rows (_section_text)."""
    pending: list[tuple[int, list[object], str, bool]] = []  # footer-like rows held back: (row, cells, text, a note)
    last_data = 0
    count = 0  # data rows so far
    for row_no, cells in raw:
        cells = fills.apply(row_no, cells, notes)
        if header is not None and _repeats_header(cells, header):
            if notes.record and len(notes.repeats) < MAX_LISTED:
                notes.repeats.append(Skipped(row_no, "header", drop_format_chars(_row_text(cells)).strip()))
            continue
        text = _footer_text(cells, totals)
        if text is None and not pending and _counts_rows(cells, count):
            text = _row_text(cells)  # a totals row's COUNTA under the names, nothing else: 8 below 8 people
        section = _section_text(cells) if sections else None
        if (text is not None or section is not None) and len(pending) < FOOTER_LOOKAHEAD:
            pending.append((row_no, cells, text if text is not None else section, section is not None))
            continue
        for held in pending:
            if held[3]:  # a note or a section line among the rows (备注：…, 以下为二期学员): never a person
                if notes.record and len(notes.repeats) < MAX_LISTED:
                    notes.repeats.append(Skipped(held[0], "note", held[2]))
                continue
            count += 1
            yield held[0], held[1]
        pending.clear()
        last_data = row_no
        count += 1
        yield row_no, cells
    if notes.record and pending:
        previous = last_data or None
        for row_no, _cells, text, _section in pending:
            if previous is not None:
                for blank in range(previous + 1, min(row_no, previous + 21)):
                    notes.footers.append(Skipped(blank, "blank"))
            notes.footers.append(Skipped(row_no, "footer", text))
            previous = row_no
        notes.first_footer = pending[0][0]  # type: ignore[attr-defined]


class _StreamRows:
    """Table.rows of a big file: reads the file again each time it is iterated."""

    def __init__(
        self,
        factory: Callable[[], Iterator[Row]],
        after: int,
        width: int,
        merges: list[Merge],
        count: int,
        header: list[str] | None = None,
        sections: bool = False,
        totals: bool = False,
    ):
        self._factory = factory
        self._after = after
        self._width = width
        self._merges = merges
        self._count = count
        self._header = header
        self._sections = sections
        self._totals = totals

    def __iter__(self) -> Iterator[Row]:
        raw = (r for r in self._factory() if r[0] > self._after)
        width = self._width
        notes = _Notes(False)
        for row_no, cells in _data_rows(
            raw, _Fills(self._merges, self._after), notes, self._header, self._sections, self._totals
        ):
            yield row_no, (cells + [None] * (width - len(cells)))[:width]

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: slice) -> list[Row]:
        if not isinstance(index, slice) or index.step not in (None, 1) or (index.start or 0) < 0:
            raise TypeError("a streamed table supports only slices from the start")
        return list(itertools.islice(iter(self), index.start or 0, index.stop))

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, (list, _StreamRows)) else NotImplemented

    __hash__ = None  # type: ignore[assignment]


def _head_layout(
    name: str, head: list[Row], merges: list[Merge], finder: HeaderFinder | None = None
) -> tuple[int, int, tuple | None, list[object]]:
    """(index of the header in head, index of the first data row, two-row header or None, header values)."""
    index = (finder or _find_header)(head)
    if index < 0:
        first = head[0][0]
        raise ImportProblem(
            name,
            first,
            None,
            "找不到表头：前几行没有文字列名（如“姓名”“手机”）"
            " (no header found: the first rows hold no column names such as Name or Phone)",
            "no_header",
        )
    header_no, header_values = head[index]
    upper_no, upper_values = head[index - 1] if index > 0 else (0, [])
    lower_no, lower_values = head[index + 1] if index + 1 < len(head) else (0, [])
    two_rows: tuple[int, list[object], list[object]] | None = None  # (last header row, upper, lower)
    if lower_no == header_no + 1 and _vertical_merge(header_no, lower_no, merges):
        two_rows = (lower_no, header_values, lower_values)
        data_start = index + 2
    else:
        data_start = index + 1
        if upper_no == header_no - 1 and (
            _vertical_merge(upper_no, header_no, merges)
            or (_horizontal_merge(upper_no, merges) and _captions(upper_values))
            or _upper_by_layout(upper_values, header_values)
        ):
            two_rows = (header_no, upper_values, header_values)
    return index, data_start, two_rows, header_values


def _headers(header_no: int, header_values: list[object], two_rows: tuple | None, width: int, merges: list[Merge]):
    """(last header row, cleaned headers, headers as written) for a table `width` columns wide."""
    if two_rows is None:
        titles = [_title(v) for v in header_values] + [""] * (width - len(header_values))
        return header_no, _cells(header_values, width), titles
    last_header_no, up_values, lo_values = two_rows
    width = max(width, len(up_values), len(lo_values))
    up_no = last_header_no - 1
    upper = _fill_from_merges(_cells(up_values, width), up_no, merges)
    lower = _cells(lo_values, width)
    if not any(r1 <= up_no <= r2 for r1, _c1, r2, _c2 in merges):  # no merges: guess the spans
        upper = _carry_right(upper, lower)
    headers = _combine(upper, lower)
    return last_header_no, headers, list(headers)


def _title(value: object) -> str:
    """A header cell as written (for survey answers): NFC, single spaces, no decoration; full-width kept."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return clean_header(value)
    text = drop_format_chars(unicodedata.normalize("NFC", value))
    text = re.sub(r"\s+", " ", text).strip()
    previous = None
    while previous != text:
        previous = text
        text = text.rstrip(":：*").strip().lstrip("*").strip()
    return text


def _build_table(
    name: str,
    factory: Callable[[], Iterator[Row]],
    merges: list[Merge],
    sheet: str | None,
    sheets: tuple[str, ...],
    progress: ProgressLike | None,
    estimate: int,
    head: list[Row] | None = None,
    finder: HeaderFinder | None = None,
) -> Table:
    raw = _with_progress(factory(), progress, estimate)
    if head is None:
        head = list(itertools.islice(raw, HEADER_SCAN_ROWS + 1))
    else:
        raw = (r for r in raw if r[0] > head[-1][0])
    if not head:
        raise ImportProblem(
            name, None, None, "文件是空的，没有可导入的内容 (the file is empty: nothing to import)", "empty"
        )
    index, data_start, two_rows, header_values = _head_layout(name, head, merges, finder)
    last_header_no = two_rows[0] if two_rows is not None else head[index][0]
    skipped = [
        Skipped(r, "title", _row_text(v))
        for r, v in head[: index - (1 if two_rows and two_rows[0] == head[index][0] else 0)]
    ]
    notes = _Notes(True)
    fills = _Fills(merges, last_header_no)
    # a repeated header is left out of a roster or an export (two files put one after the other); a check-in sheet's
    # reader (its own finder) reads its week blocks' headers itself
    header = _header_keys(header_values) if finder in (None, _find_header) and two_rows is None else None
    # a note or a section line among a roster's rows (备注：…, 以下为二期学员) is no person; in a one-column list of names
    # every row is one cell, and the check-in sheet's reader has rules of its own
    sections = finder in (None, _find_header) and sum(1 for v in header_values if not _is_empty(v)) >= 2
    # a bare 合计 under a roster's names is its footer; a check-in sheet's reader lists its totals rows itself
    totals = finder in (None, _find_header)
    data_iter = _data_rows(itertools.chain(head[data_start:], raw), fills, notes, header, sections, totals)
    rows: list[Row] | None = []
    count = 0
    width = len(header_values)
    for row in data_iter:
        count += 1
        if len(row[1]) > width:
            width = len(row[1])
        if rows is not None:
            rows.append(row)
            if count > MATERIALIZE_ROWS:
                rows = None
    if two_rows is not None:
        width = max(width, len(two_rows[1]), len(two_rows[2]))
    last_header_no, headers, titles = _headers(head[index][0], header_values, two_rows, width, merges)
    skipped.extend(sorted(notes.repeats + notes.footers, key=lambda k: k.row))
    common = {
        "titles": tuple(titles),
        "sheets": sheets,
        "skipped": tuple(skipped[:MAX_LISTED]),
        "fills": tuple(sorted(f for f in notes.fills if f.row < getattr(notes, "first_footer", 1 << 60))),
        "fill_count": notes.fill_count,
        "row_count": count,
    }
    if rows is not None:
        padded = [(row_no, values + [None] * (width - len(values))) for row_no, values in rows]
        return Table(file=name, header_row=last_header_no, headers=headers, rows=padded, sheet=sheet, **common)
    stream = _StreamRows(factory, last_header_no, width, merges, count, header, sections, totals)
    return Table(file=name, header_row=last_header_no, headers=headers, rows=stream, sheet=sheet, **common)


def _with_progress(raw: Iterator[Row], progress: ProgressLike | None, estimate: int) -> Iterator[Row]:
    if progress is None:
        yield from raw
        return
    next_report = PROGRESS_EVERY
    for row in raw:
        while row[0] >= next_report:
            _report(progress, next_report, estimate)
            next_report += PROGRESS_EVERY
        yield row


def _person_header(values: list[object]) -> bool:
    """A row that reads as a table header with a person column. A cell that is a sentence with a label
    ("填表说明：手机号请填写11位" on an instructions sheet) names no column, whatever words it holds."""
    cells = [
        ""
        if isinstance(v, str)
        and (
            _LABEL_VALUE.match(_BRACKETS.sub("", unicodedata.normalize("NFKC", v)))
            or _NUMBERED_NOTE.match(unicodedata.normalize("NFKC", v))
        )
        else c
        for v, c in zip(values, _cells(values, len(values)), strict=True)
    ]
    return has_person_column(cells)


_BRACKETS = re.compile(r"[(（\[【][^()（）\[\]【】]*[)）\]】]")
_NUMBERED_NOTE = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[.、．)）]\s*\S")
_NOTES_SHEET_WORDS = (
    "说明",
    "示例",
    "样例",
    "范例",
    "填写要求",
    "instruction",
    "example",
    "readme",
    "read me",
    "sample",
)


def _notes_sheet(title: str) -> bool:
    """A sheet named as instructions or an example (说明, 填写示例, 模板说明, Instructions, Example, README)."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return any(word in text for word in _NOTES_SHEET_WORDS)


def _field_list(rows: list[Row]) -> bool:
    """Rows that are the header vocabulary's field names (列名 | 填写要求 / 姓名 | 必填 …): an instructions
    sheet describing the columns, not a member table."""
    firsts = [clean_header(next((v for v in values if v not in (None, "")), "")) for _row, values in rows]
    firsts = [f for f in firsts if f]
    if len(firsts) < 2:
        return False
    return sum(1 for f in firsts if len(f) <= 12 and header_field(f) is not None) * 2 > len(firsts)


def has_person_column(headers: Iterable[str]) -> bool:
    """True when a column names a person: name, WeChat ID, phone or a (group) nickname."""
    for header in headers:
        if header and header_field(header) in ("name", "wechat_id", "phone", "nickname"):
            return True
    return False


# ---------------------------------------------------------------- xlsx


def _corrupt(name: str, exc: BaseException | None = None) -> ImportProblem:
    detail = f"（{type(exc).__name__}）" if exc is not None else ""
    return ImportProblem(
        name,
        None,
        None,
        f"无法读取这个 .xlsx 文件，它可能已损坏{detail} (cannot read this .xlsx file: it may be damaged)",
        "corrupt",
    )


def _check_archive(path: Path, name: str) -> list[zipfile.ZipInfo]:
    """The zip directory, refused when it declares absurd sizes (a zip bomb) — nothing is inflated."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        if isinstance(exc, PermissionError):
            raise _unreadable(name, exc) from None
        raise _corrupt(name, exc) from None
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if (
            info.file_size > MAX_PART_BYTES
            or total > MAX_TOTAL_BYTES
            or (ratio > MAX_RATIO and info.file_size > 100 << 20)
        ):
            size = max(info.file_size, total) / (1 << 30)
            raise ImportProblem(
                name,
                None,
                None,
                f"文件解压后超过 1 GB（{info.filename} 为 {size:.1f} GB），可能已损坏或是恶意文件，未导入任何内容"
                f" (the sheet would unpack to over 1 GB: a damaged or malicious file; nothing was imported)",
                "too_large_when_unpacked",
            )
    return infos


_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _check_xml(path: Path, name: str, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse XML parts that declare a DTD or entities (billion laughs): OOXML never has one. A DTD can
    only stand before the root element, so the first few kilobytes of each part tell."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in infos:
                if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    continue
                with archive.open(info) as stream:
                    start = stream.read(8192)
                if _DTD.search(start):
                    raise ImportProblem(
                        name,
                        None,
                        None,
                        "文件已损坏或不安全（工作表 XML 声明了嵌套实体），未导入任何内容"
                        " (the file is damaged or unsafe: its sheet XML declares nested entities; nothing was imported)",
                        "xml_entity_expansion",
                    )
    except ImportProblem:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise _corrupt(name, exc) from None


def _date1904(path: Path) -> bool:
    """Whether the workbook uses the 1904 date system (<workbookPr date1904="1"/>, Mac Excel's old default). Its
    date cells arrive as dates already (the readers apply it); a plain number meant as a date needs it."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("xl/workbook.xml") as stream:
            start = stream.read(256 * 1024)
    except (KeyError, OSError, zipfile.BadZipFile, ValueError):
        return False
    match = re.search(rb'<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"', start)
    return match is not None


def _active_tab(path: Path) -> int:
    try:
        with zipfile.ZipFile(path) as archive, archive.open("xl/workbook.xml") as stream:
            start = stream.read(256 * 1024)
    except (KeyError, OSError, zipfile.BadZipFile, ValueError):
        return 0
    match = re.search(rb'<(?:\w+:)?workbookView\b[^>]*\bactiveTab="(\d+)"', start)
    return int(match.group(1)) if match else 0


_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b[^>]*>")


_COL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?col\b[^>]*>")


def _hidden_columns(path: Path, sheet: str | None, width: int) -> tuple[int, ...]:
    """The 0-based columns (of the first `width`) a sheet hides (<col min max hidden="1">, in the <cols> that comes
    before the cell data: only the part's start is read)."""
    part = _sheet_parts(path).get(sheet or "")
    if not part:
        return ()
    with zipfile.ZipFile(path) as archive, archive.open(archive.getinfo(part.lstrip("/"))) as stream:
        start = b""
        while len(start) < (4 << 20) and (chunk := stream.read(1 << 16)):
            start += chunk
            if b"sheetData" in start:
                break
    start = start.split(b"sheetData", 1)[0]
    hidden: set[int] = set()
    for tag in _COL_TAG.findall(start):
        if re.search(rb'\bhidden="(?:1|true)"', tag):
            low, high = re.search(rb'\bmin="(\d+)"', tag), re.search(rb'\bmax="(\d+)"', tag)
            if low and high:
                hidden.update(range(int(low.group(1)) - 1, min(int(high.group(1)), width)))
    return tuple(sorted(c for c in hidden if c < width))


def _hidden_rows(path: Path, sheet: str | None) -> frozenset[int]:
    """The row numbers a sheet hides (<row hidden="1">: hidden by hand, or by an active filter), scanned as bytes."""
    part = _sheet_parts(path).get(sheet or "")
    if not part:
        return frozenset()
    hidden: set[int] = set()
    with zipfile.ZipFile(path) as archive, archive.open(archive.getinfo(part.lstrip("/"))) as stream:
        tail = b""
        while chunk := stream.read(1 << 20):
            buffer = tail + chunk
            cut = buffer.rfind(b"<")
            buffer, tail = (buffer[:cut], buffer[cut:]) if cut > 0 else (buffer, b"")
            if b"hidden=" not in buffer:
                continue
            for tag in _ROW_TAG.findall(buffer):
                if re.search(rb'\bhidden="(?:1|true)"', tag):
                    number = re.search(rb'\br="(\d+)"', tag)
                    if number:
                        hidden.add(int(number.group(1)))
    return frozenset(hidden)


def _hidden_sheets(path: Path) -> frozenset[str]:
    """The names of the workbook's hidden sheets (state="hidden" or "veryHidden")."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("xl/workbook.xml") as stream:
            start = stream.read(1024 * 1024)
    except (KeyError, OSError, zipfile.BadZipFile, ValueError):
        return frozenset()
    hidden = set()
    for tag in _SHEET_TAG.findall(start):
        state = re.search(rb'\bstate="(\w+)"', tag)
        title = re.search(rb'\bname="([^"]*)"', tag)
        if state and title and state.group(1) in (b"hidden", b"veryHidden"):
            hidden.add(html.unescape(title.group(1).decode("utf-8", "replace")))
    return frozenset(hidden)


def _read_xlsx(
    path: Path, name: str, sheet: str | None, progress: ProgressLike | None, finder: HeaderFinder = _find_header
) -> Table:
    try:
        with open(path, "rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise _unreadable(name, exc) from None
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportProblem(
            name,
            None,
            None,
            "这是旧版 .xls 或设置了密码的 Excel 文件：请去掉密码并另存为 .xlsx 后再导入"
            " (an old .xls or a password-protected Excel file: remove the password and save it as .xlsx, then import that)",
        )
    if not magic.startswith(b"PK"):
        raise ImportProblem(
            name,
            None,
            None,
            "这不是有效的 .xlsx 文件（文件已损坏，或其实是其他格式）"
            " (not a valid .xlsx file: it is damaged, or in another format)",
        )
    infos = _check_archive(path, name)
    _check_xml(path, name, infos)
    sheet_sizes = [
        i.file_size for i in infos if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")
    ]
    if not sheet_sizes:
        raise _corrupt(name)
    if max(sheet_sizes) > STREAM_XML_BYTES:
        book: _Book = _OpenpyxlBook(path, name)
    else:
        book = _CalamineBook(path, name)
    with _reading(book, name):
        table = _pick_sheet(book, name, sheet, progress, _active_tab(path), finder, _hidden_sheets(path))
        try:
            hidden = _hidden_rows(path, table.sheet)
        except (KeyError, OSError, ValueError, zipfile.BadZipFile):
            hidden = frozenset()  # only a note on the rows the reader gave
        if hidden:
            table = replace(table, hidden_rows=hidden)
        try:
            columns = _hidden_columns(path, table.sheet, len(table.headers))
        except (KeyError, OSError, ValueError, zipfile.BadZipFile):
            columns = ()  # only a note on the columns the reader gave
        if columns:
            table = replace(table, hidden_columns=columns)
        return replace(table, date1904=True) if _date1904(path) else table


class _Book(Protocol):
    names: list[str]

    def rows(self, sheet: str, progress: ProgressLike | None = None) -> Iterator[Row]: ...
    def merges(self, sheet: str) -> list[Merge]: ...
    def estimate(self, sheet: str) -> int: ...
    def close(self) -> None: ...


def _cell(value: object) -> object:
    """A calamine cell as openpyxl gives it: '' -> None, whole floats -> int, dates -> datetime."""
    kind = type(value)
    if kind is str:
        return value if value else None
    if kind is float:
        return int(value) if value.is_integer() and abs(value) < 2**53 else value  # type: ignore[union-attr]
    if kind is date:
        return datetime.combine(value, time(0))  # type: ignore[arg-type]
    return value


def _trimmed(values: Iterable[object]) -> list[object]:
    out = [None if (v is None or (type(v) is str and not v.strip())) else v for v in values]
    while out and out[-1] is None:
        out.pop()
    return out


_CELL_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s([^>]*?)(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?c>)", re.DOTALL)
_REF_RE = re.compile(rb'\br="([A-Z]{1,3})([0-9]+)"')
_TYPE_RE = re.compile(rb'\bt="(\w+)"')
_VALUE_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v(?:\s[^>]*)?>([^<]+)</")
_FORMULA_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f\b[^>]*?(?:/>|>([^<]*)</)")
MAX_BAD_CELLS = 100_000


def _column_index(letters: bytes) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ch - 64
    return index - 1


def _bad_cells(path: Path, part: str | None) -> dict[int, dict[int, CellError]]:
    """Row -> 0-based column -> CellError for the cells of a sheet that hold an Excel error (t="e") or a
    formula without a cached value. Both readers give such cells as empty (calamine) or as bare text, so
    the sheet XML is scanned as bytes, in blocks, and only the cells that can be one are parsed."""
    out: dict[int, dict[int, CellError]] = {}
    if not part:
        return out
    import html

    found = 0
    with zipfile.ZipFile(path) as archive, archive.open(archive.getinfo(part.lstrip("/"))) as stream:
        tail = b""
        while found < MAX_BAD_CELLS:
            chunk = stream.read(1 << 20)
            buffer = tail + chunk
            if chunk:
                cut = buffer.rfind(b"<c ")
                cut = max(cut, buffer.rfind(b":c "))
                if cut <= 0:
                    tail = buffer
                    continue
                buffer, tail = buffer[:cut], buffer[cut:]
            if b't="e"' in buffer or b"<f" in buffer or b":f" in buffer:
                for match in _CELL_RE.finditer(buffer):
                    attrs, body = match.group(1), match.group(2) or b""
                    kind = _TYPE_RE.search(attrs)
                    if kind and kind.group(1) == b"e":
                        value = _VALUE_RE.search(body)
                        cell = CellError(
                            html.unescape(value.group(1).decode("utf-8", "replace")) if value else "#ERROR"
                        )
                    elif b"f" in body and not _VALUE_RE.search(body) and not (kind and kind.group(1) == b"str"):
                        formula = _FORMULA_RE.search(body)
                        if formula is None:
                            continue
                        text = html.unescape((formula.group(1) or b"").decode("utf-8", "replace"))
                        cell = CellError(f"={text}" if text else "=", "formula")
                    else:
                        continue
                    ref = _REF_RE.search(attrs)
                    if ref is None:
                        continue
                    out.setdefault(int(ref.group(2)), {})[_column_index(ref.group(1))] = cell
                    found += 1
            if not chunk:
                break
    return out


def _sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name -> its XML part ("xl/worksheets/sheet1.xml"), from the workbook and its relationships."""
    import posixpath
    import xml.etree.ElementTree as ET

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = ET.fromstring(archive.read("xl/workbook.xml"))
            rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, OSError, ValueError, zipfile.BadZipFile, ET.ParseError):
        return {}
    targets = {}
    for rel in rels:
        target = rel.get("Target") or ""
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id")] = target
    out = {}
    for sheet in workbook.iter(f"{main}sheet"):
        target = targets.get(sheet.get(f"{rel_ns}id"))
        if target and sheet.get("name") is not None:
            out[sheet.get("name")] = target
    return out


def _mark_bad(cells: list[object], bad: dict[int, CellError] | None) -> list[object]:
    """A row's values with its error and uncalculated-formula cells put back as CellError."""
    if not bad:
        return cells
    cells = list(cells)
    for column, value in bad.items():
        if column >= len(cells):
            cells.extend([None] * (column + 1 - len(cells)))
        if cells[column] is None or cells[column] == "" or cells[column] == str(value):
            cells[column] = value
    return cells


# built-in number formats that show a time of day (ECMA-376 18.8.30): m/d/yy h:mm, h:mm AM/PM … [h]:mm:ss
_BUILTIN_TIME_FORMATS = frozenset({18, 19, 20, 21, 22, 45, 46, 47})
_NUM_FMT_RE = re.compile(rb'<(?:\w+:)?numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"')
_CELL_XFS_RE = re.compile(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", re.DOTALL)
_XF_RE = re.compile(rb"<(?:\w+:)?xf\b([^>]*)")
_XF_FMT_RE = re.compile(rb'\bnumFmtId="(\d+)"')
_STYLE_RE = re.compile(rb'\bs="(\d+)"')
_QUOTED_RE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _shows_time(code: str) -> bool:
    """A custom number format that shows a time of day (yyyy-mm-dd hh:mm:ss, m/d/yyyy h:mm AM/PM), not a date only."""
    bare = _QUOTED_RE.sub("", code).lower()
    return "h" in bare or "s" in bare.replace("am/pm", "") or "am/pm" in bare


def _time_styles(path: Path) -> frozenset[int]:
    """The cell style indexes (a cell's s="…") whose number format shows a time of day."""
    try:
        with zipfile.ZipFile(path) as archive:
            styles = archive.read("xl/styles.xml")
    except (KeyError, OSError, ValueError, zipfile.BadZipFile):
        return frozenset()
    timed = set(_BUILTIN_TIME_FORMATS)
    for fmt_id, code in _NUM_FMT_RE.findall(styles):
        if _shows_time(html.unescape(code.decode("utf-8", "replace"))):
            timed.add(int(fmt_id))
    xfs = _CELL_XFS_RE.search(styles)
    if xfs is None:
        return frozenset()
    out = set()
    for index, attrs in enumerate(_XF_RE.findall(xfs.group(1))):
        fmt = _XF_FMT_RE.search(attrs)
        if fmt is not None and int(fmt.group(1)) in timed:
            out.add(index)
    return frozenset(out)


def _midnight_moments(path: Path, part: str | None, styles: frozenset[int]) -> dict[int, set[int]]:
    """Row -> 0-based columns of the date cells whose style shows a time and whose value is a whole day: a moment at
    midnight (both readers give it as a bare midnight, a day's meaning). One regex finds only such cells: a numeric
    cell of one of `styles` holding a whole number, or an ISO date cell (t="d") at midnight."""
    out: dict[int, set[int]] = {}
    if not part or not styles:
        return out
    ids = b"|".join(str(n).encode() for n in sorted(styles))
    cell_re = re.compile(
        rb"<(?:[A-Za-z_][\w.-]*:)?c\s([^>]*?\bs=\"(?:" + ids + rb")\"[^>]*)>\s*<(?:[A-Za-z_][\w.-]*:)?v>"
        rb"(\d+(?:\.0*)?|\d{4}-\d\d-\d\d(?:T00:00(?::00(?:\.0+)?)?Z?)?)</"
    )
    with zipfile.ZipFile(path) as archive, archive.open(archive.getinfo(part.lstrip("/"))) as stream:
        tail = b""
        while True:
            chunk = stream.read(1 << 20)
            buffer = tail + chunk
            if chunk:
                cut = max(buffer.rfind(b"<c "), buffer.rfind(b":c "))
                if cut <= 0:
                    tail = buffer
                    continue
                buffer, tail = buffer[:cut], buffer[cut:]
            for match in cell_re.finditer(buffer):
                attrs, value = match.group(1), match.group(2)
                kind = _TYPE_RE.search(attrs)
                kind = kind.group(1) if kind else b"n"
                if (kind == b"n" and b"-" not in value and float(value) >= 1) or (kind == b"d" and b"-" in value):
                    ref = _REF_RE.search(attrs)
                    if ref is not None:
                        out.setdefault(int(ref.group(2)), set()).add(_column_index(ref.group(1)))
            if not chunk:
                break
    return out


def _mark_moments(cells: list[object], columns: set[int], pad: int) -> list[object]:
    """A row's values with its midnight cells of a time format given as CellMoment (a moment, not a day)."""
    cells = list(cells)
    for column in columns:
        index = column - pad if pad else column
        if 0 <= index < len(cells):
            value = cells[index]
            if isinstance(value, datetime) and not isinstance(value, CellMoment):
                cells[index] = CellMoment.combine(value.date(), value.time())
    return cells


class _BadCells:
    """The CellErrors of each sheet, found once per sheet (lazily: only sheets that are read); and its midnight
    cells of a time format (moments), found only when the workbook has a style that shows a time."""

    def __init__(self, path: Path):
        self._path = path
        self._parts: dict[str, str] | None = None
        self._found: dict[str, dict[int, dict[int, CellError]]] = {}
        self._time_styles: frozenset[int] | None = None
        self._moments: dict[str, dict[int, set[int]]] = {}

    def moments(self, sheet: str, part: str | None = None) -> dict[int, set[int]]:
        if sheet not in self._moments:
            if self._time_styles is None:
                self._time_styles = _time_styles(self._path)
            if not self._time_styles:
                self._moments[sheet] = {}
                return self._moments[sheet]
            if part is None:
                if self._parts is None:
                    self._parts = _sheet_parts(self._path)
                part = self._parts.get(sheet)
            try:
                self._moments[sheet] = _midnight_moments(self._path, part, self._time_styles)
            except (KeyError, OSError, ValueError, zipfile.BadZipFile):
                self._moments[sheet] = {}  # these cells only refine what the reader gave
        return self._moments[sheet]

    def of(self, sheet: str, part: str | None = None) -> dict[int, dict[int, CellError]]:
        if sheet not in self._found:
            if part is None:
                if self._parts is None:
                    self._parts = _sheet_parts(self._path)
                part = self._parts.get(sheet)
            try:
                self._found[sheet] = _bad_cells(self._path, part)
            except (KeyError, OSError, ValueError, zipfile.BadZipFile):
                self._found[sheet] = {}  # these cells only refine what the reader gave
        return self._found[sheet]


class _CalamineBook:
    """python-calamine: fast; holds one sheet in memory (used below STREAM_XML_BYTES)."""

    def __init__(self, path: Path, name: str):
        from python_calamine import load_workbook

        self._path = path
        try:
            self._book = load_workbook(_book_source(path))
            self.names = [m.name for m in self._book.sheets_metadata if str(m.typ).endswith("WorkSheet")]
        except Exception as exc:
            raise _corrupt(name, exc) from None
        self._sheets: dict[str, Any] = {}
        self._closed = False
        self._bad = _BadCells(path)

    def _sheet(self, name: str) -> Any:
        if self._closed:  # a streamed table read again after read_table returned: a reader of its own
            from python_calamine import load_workbook

            return load_workbook(_book_source(self._path)).get_sheet_by_name(name)
        if name not in self._sheets:
            self._sheets[name] = self._book.get_sheet_by_name(name)
        return self._sheets[name]

    def rows(self, sheet: str, progress: ProgressLike | None = None) -> Iterator[Row]:
        data = self._sheet(sheet)
        start_row, start_col = data.start or (0, 0)
        pad = [None] * start_col
        empty_run = 0
        bad = self._bad.of(sheet)
        moments = self._bad.moments(sheet)
        for offset, values in enumerate(data.iter_rows()):
            cells = _trimmed(map(_cell, values))
            if moments and start_row + offset + 1 in moments:
                cells = _mark_moments(cells, moments[start_row + offset + 1], start_col)
            if bad and start_row + offset + 1 in bad:
                cells = _trimmed(_mark_bad(pad + cells if start_col else cells, bad[start_row + offset + 1]))
                if cells:
                    empty_run = 0
                    yield start_row + offset + 1, cells
                    continue
            if cells:
                empty_run = 0
                yield start_row + offset + 1, (pad + cells) if start_col else cells
            else:
                empty_run += 1
                if empty_run >= MAX_EMPTY_RUN:
                    return

    def merges(self, sheet: str) -> list[Merge]:
        ranges = self._sheet(sheet).merged_cell_ranges or []
        return [(r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in ranges[:MAX_MERGES]]

    def estimate(self, sheet: str) -> int:
        return int(self._sheet(sheet).height or 0)

    def close(self) -> None:
        self._sheets.clear()
        self._closed = True
        try:
            self._book.close()
        except Exception:
            pass


class _NoCellNotes:
    """_BadCells for a book whose sheets are no .xlsx XML (.xls, .ods): nothing to add to what calamine read."""

    def of(self, sheet: str, part: str | None = None) -> dict[int, dict[int, CellError]]:
        return {}

    def moments(self, sheet: str, part: str | None = None) -> dict[int, set[int]]:
        return {}


_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>", re.DOTALL)
_ODS_REPEAT_ROWS = re.compile(rb'table:number-rows-repeated="(\d+)"')
_ODS_REPEAT_COLS = re.compile(rb'table:number-columns-repeated="(\d+)"')
_ODS_TEXT = re.compile(rb"<text:p\b[^>]*>(.*?)</text:p>", re.DOTALL)


def _xls_hidden_rows(path: Path, sheet: str) -> frozenset[int]:
    """The rows an Excel 97–2003 .xls sheet hides (hidden by hand, or by a filter), which python-calamine does not
    give: read with xlrd's formatting records (each row's `hidden` flag), the reader .xls files have had for 15 years —
    rather than a compound-file and BIFF parser of our own. Only a note on the rows read: any file xlrd cannot follow
    gives no hidden rows, never a refusal (calamine has read the values)."""
    import xlrd  # only for an .xls: its import is not paid on any other file

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, logfile=io.StringIO())
    except Exception:  # any .xls xlrd cannot follow (calamine read it): a note not given, never a refusal
        return frozenset()
    try:
        rows = book.sheet_by_name(sheet).rowinfo_map
        return frozenset(r + 1 for r, info in rows.items() if info.hidden)
    except Exception:  # no such sheet, or its records not followed: no note
        return frozenset()
    finally:
        book.release_resources()


class _OdsNotes:
    """What python-calamine does not give of an .ods sheet, scanned from content.xml as bytes: the rows it hides
    (table:visibility collapse or filter: hidden by hand or by a filter) and its error cells (#DIV/0!, #N/A:
    calcext:value-type="error", which calamine reads as empty), as CellError like an .xlsx's."""

    def __init__(self, path: Path):
        self._path = path
        self._content: bytes | None = None
        self._found: dict[str, tuple[frozenset[int], dict[int, dict[int, CellError]]]] = {}

    def _scan(self, sheet: str) -> tuple[frozenset[int], dict[int, dict[int, CellError]]]:
        if sheet in self._found:
            return self._found[sheet]
        hidden: set[int] = set()
        bad: dict[int, dict[int, CellError]] = {}
        self._found[sheet] = (frozenset(), bad)
        try:
            if self._content is None:
                with zipfile.ZipFile(self._path) as archive:
                    info = archive.getinfo("content.xml")
                    if info.file_size > MAX_PART_BYTES:
                        return self._found[sheet]
                    self._content = archive.read(info)
        except (KeyError, OSError, zipfile.BadZipFile):
            return self._found[sheet]
        content = self._content
        if b"<!DOCTYPE" in content[:4096] or b"<!ENTITY" in content[:4096]:
            return self._found[sheet]
        start = content.find(b'table:name="' + html.escape(sheet, quote=True).encode("utf-8") + b'"')
        if start < 0:
            return self._found[sheet]
        row, repeat, column, depth = 0, 1, 0, 0
        for tag in _ODS_TAG.finditer(content, start):
            closing, kind, attrs, empty = tag.group(1), tag.group(2), tag.group(3) or b"", tag.group(4)
            if kind == b"table":  # </table:table> ends the sheet; a table inside a cell is passed over
                if not closing:
                    depth += 1
                    continue
                if depth == 0:
                    break
                depth -= 1
                continue
            if depth:
                continue
            if kind == b"table-row":
                if closing:
                    row += repeat
                    continue
                repeated = _ODS_REPEAT_ROWS.search(attrs)
                repeat = int(repeated.group(1)) if repeated else 1
                column = 0
                if b'table:visibility="collapse"' in attrs or b'table:visibility="filter"' in attrs:
                    hidden.update(range(row + 1, row + 1 + min(repeat, MAX_LISTED)))
                if empty:
                    row += repeat
                continue
            if closing:
                continue
            repeated = _ODS_REPEAT_COLS.search(attrs)
            span = int(repeated.group(1)) if repeated else 1
            if b'calcext:value-type="error"' in attrs and len(bad) < MAX_LISTED:
                text = _ODS_TEXT.search(content, tag.end(), tag.end() + 2000) if not empty else None
                shown = (
                    html.unescape(re.sub(rb"<[^>]+>", b"", text.group(1)).decode("utf-8", "replace")) if text else ""
                )
                for r in range(row + 1, row + 1 + min(repeat, MAX_LISTED)):
                    for c in range(column, column + min(span, 1000)):
                        bad.setdefault(r, {})[c] = CellError(shown.strip() or "#ERROR")
            column += span
        self._found[sheet] = (frozenset(hidden), bad)
        return self._found[sheet]

    def hidden_rows(self, sheet: str) -> frozenset[int]:
        return self._scan(sheet)[0]

    def of(self, sheet: str, part: str | None = None) -> dict[int, dict[int, CellError]]:
        return self._scan(sheet)[1]

    def moments(self, sheet: str, part: str | None = None) -> dict[int, set[int]]:
        return {}


class _OtherBook(_CalamineBook):
    """An Excel 97–2003 .xls or an OpenDocument .ods, read by python-calamine (see _read_other_book)."""

    def __init__(self, path: Path, name: str, kind: str):
        from python_calamine import load_workbook

        self._path = path
        try:
            self._book = load_workbook(_book_source(path))
            metadata = [m for m in self._book.sheets_metadata if str(m.typ).endswith("WorkSheet")]
        except Exception:
            if kind == "ole":
                raise ImportProblem(
                    name,
                    None,
                    None,
                    "无法读取这个文件：它可能设置了密码，或是 WPS 的 .et 格式；请去掉密码并另存为 .xlsx 后再导入"
                    " (cannot read this file: it may be password-protected or in WPS's own format; remove the"
                    " password and save it as .xlsx, then import that)",
                    "corrupt",
                ) from None
            raise _corrupt(name) from None
        self.names = [m.name for m in metadata]
        self.hidden = frozenset(m.name for m in metadata if not str(m.visible).endswith("Visible"))
        self._sheets: dict[str, Any] = {}
        self._closed = False
        self._bad = _OdsNotes(path) if kind == "ods" else _NoCellNotes()  # type: ignore[assignment]

    def merges(self, sheet: str) -> list[Merge]:
        try:
            return super().merges(sheet)
        except Exception:  # python-calamine has merged ranges for .xls only
            return []


class _HtmlTables(html.parser.HTMLParser):
    """The rows of every <table> of a web page, as text cells; rowspan/colspan cells noted as merged ranges.
    A table inside a cell of another (a page laid out with tables) is a table of its own. A row the page hides
    (<tr style="display:none">: Excel's "save as web page" of a sheet with hidden or filtered-out rows; <tr hidden>)
    is read and its number noted, as an .xlsx's hidden rows are (Table.hidden_rows)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[list[str | None]], list[Merge]]] = []
        self.hidden: list[frozenset[int]] = []  # per table of self.tables: the rows the page hides
        self._stack: list[dict[str, Any]] = []  # open tables: rows, merges, taken cells, current row/cell

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._stack.append({"rows": [], "merges": [], "taken": {}, "row": None, "cell": None, "hidden": set()})
            return
        if not self._stack:
            return
        table = self._stack[-1]
        if tag == "tr":
            self._end_row(table)
            table["row"] = []
            named = dict(attrs)
            table["row_hidden"] = "hidden" in named or bool(_HIDDEN_STYLE.search(named.get("style") or ""))
        elif tag in ("td", "th"):
            if table["row"] is None:
                table["row"] = []
            self._end_cell(table)
            spans = dict(attrs)
            table["cell"] = {"text": [], "rowspan": _span(spans.get("rowspan")), "colspan": _span(spans.get("colspan"))}
        elif tag == "br" and table["cell"] is not None:
            table["cell"]["text"].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if not self._stack:
            return
        table = self._stack[-1]
        if tag in ("td", "th"):
            self._end_cell(table)
        elif tag == "tr":
            self._end_row(table)
        elif tag == "table":
            self._end_row(table)
            self._stack.pop()
            self.tables.append((table["rows"], table["merges"]))
            self.hidden.append(frozenset(table["hidden"]))

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1]["cell"] is not None:
            self._stack[-1]["cell"]["text"].append(data)

    def close(self) -> None:
        super().close()
        while self._stack:
            self.handle_endtag("table")

    def _end_cell(self, table: dict[str, Any]) -> None:
        cell = table["cell"]
        if cell is None:
            return
        table["cell"] = None
        row: list[str | None] = table["row"]
        row_no = len(table["rows"]) + 1
        taken: dict[tuple[int, int], bool] = table["taken"]
        column = len(row) + 1
        while (row_no, column) in taken:  # a cell of a rowspan from above
            row.append(None)
            column += 1
        parts = cell["text"]
        text = parts[0] if len(parts) == 1 else "".join(parts)
        if _HTML_SPACE.search(text):  # page layout's line breaks and runs of spaces: one space (<br>: a line break)
            text = "\n".join(_HTML_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()
        row.append(text or None)
        rows, cols = cell["rowspan"], cell["colspan"]
        for _ in range(cols - 1):
            row.append(None)
        if rows > 1 or cols > 1:
            table["merges"].append((row_no, column, row_no + rows - 1, column + cols - 1))
            for r in range(row_no + 1, row_no + rows):
                for c in range(column, column + cols):
                    taken[(r, c)] = True

    def _end_row(self, table: dict[str, Any]) -> None:
        self._end_cell(table)
        if table["row"] is not None:
            table["rows"].append(table["row"])
            if table.pop("row_hidden", False):
                table["hidden"].add(len(table["rows"]))
            table["row"] = None


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_HTML_SPACE = re.compile(r"^[ \t\r\n\xa0]|[ \t\r\n\xa0]$|[\t\r\n\xa0]|  ")
_HTML_SPACES = re.compile(r"[ \t\r\n\xa0]+")


def _span(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), 1000)
    except ValueError:
        return 1


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


class _HtmlBook:
    """A web page's tables as the sheets of a workbook (表1, 表2 …): see _read_other_book."""

    def __init__(self, path: Path, name: str):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise _unreadable(name, exc) from None
        text = _html_text(raw, name)
        parser = _HtmlTables()
        parser.feed(text)
        parser.close()
        kept = [i for i, (rows, _m) in enumerate(parser.tables) if any(any(c for c in r) for r in rows)]
        tables = [parser.tables[i] for i in kept]
        self._hidden = {f"表{n}": parser.hidden[i] for n, i in enumerate(kept, 1)}
        if not tables:  # a web system's error or login page saved as the export (登录超时): no table to read
            title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
            said = html.unescape(re.sub(r"\s+", " ", title.group(1))).strip()[:60] if title else ""
            page = f"「{said}」" if said else ""
            raise ImportProblem(
                name,
                None,
                None,
                f"这个文件是一个网页{page}，里面没有表格（可能是导出失败或登录超时时保存下来的页面）：请重新导出后再导入"
                f" (the file is a web page{f' titled {said}' if said else ''} with no table in it — perhaps saved when"
                " the export failed or the login timed out: export it again, then import that)",
                "no_table",
            )
        self._tables = {f"表{i}": table for i, table in enumerate(tables, 1)}
        self.names = list(self._tables)

    def rows(self, sheet: str, progress: ProgressLike | None = None) -> Iterator[Row]:
        for row_no, cells in enumerate(self._tables[sheet][0], 1):
            trimmed = _trim(cells)
            if trimmed:
                yield row_no, trimmed

    def merges(self, sheet: str) -> list[Merge]:
        return self._tables[sheet][1][:MAX_MERGES]

    def hidden_rows(self, sheet: str) -> frozenset[int]:
        return self._hidden.get(sheet, frozenset())

    def estimate(self, sheet: str) -> int:
        return len(self._tables[sheet][0])

    def close(self) -> None:
        pass


def _html_text(raw: bytes, name: str) -> str:
    """A web page's text: by its BOM, else its declared charset, else UTF-8, else GB18030 (GBK pages without a charset);
    bytes that its encoding cannot read refuse the file, never read as other characters."""
    if raw.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        declared = _CHARSET.search(raw[:4096])
        encodings = []
        if declared is not None:
            label = declared.group(1).decode("ascii").lower()
            label = "gb18030" if label in ("gb2312", "gbk", "gb18030", "x-gbk") else label
            try:
                encodings.append(codecs.lookup(label).name)
            except LookupError:
                pass
        encodings = encodings or ["utf-8", "gb18030"]
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportProblem(
        name,
        None,
        None,
        f"网页表格里有无法识别的字节（编码不是 {encodings[0]}），请在表格软件里另存为 .xlsx 后再导入"
        f" (the page has bytes that are not {encodings[0]}: save it as .xlsx in your spreadsheet program)",
        "undecodable_bytes",
    )


class _OpenpyxlBook:
    """openpyxl read-only: streams a big sheet row by row in bounded memory."""

    def __init__(self, path: Path, name: str):
        self._path = path
        self._name = name
        self._book = self._open()
        self.names = [ws.title for ws in self._book.worksheets]
        self._bad = _BadCells(path)

    def _open(self) -> Any:
        from openpyxl import load_workbook

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl warns about styles/extensions it skips
                return load_workbook(_book_source(self._path), read_only=True, data_only=True)
        except Exception as exc:
            raise _corrupt(self._name, exc) from None

    def rows(self, sheet: str, progress: ProgressLike | None = None) -> Iterator[Row]:
        book = self._open()  # each pass its own reader, so that a table can be iterated again
        try:
            worksheet = book[sheet]
            bad = self._bad.of(sheet, getattr(worksheet, "_worksheet_path", None))
            moments = self._bad.moments(sheet, getattr(worksheet, "_worksheet_path", None))
            worksheet.reset_dimensions()  # recorded dimensions can be wrong, e.g. "A1" for a full sheet
            empty_run = 0
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                for row_no, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                    cells = _trimmed(_mark_bad(list(values), bad.get(row_no)) if bad else values)
                    if moments and row_no in moments:
                        cells = _mark_moments(cells, moments[row_no], 0)
                    if cells:
                        empty_run = 0
                        yield row_no, cells
                    else:
                        empty_run += 1
                        if empty_run >= MAX_EMPTY_RUN:
                            return
        finally:
            book.close()

    def merges(self, sheet: str) -> list[Merge]:
        try:
            return _read_merges(self._path, getattr(self._book[sheet], "_worksheet_path", None))
        except (KeyError, OSError, ValueError, zipfile.BadZipFile):
            return []  # merges only refine the table; the values were read fine

    def estimate(self, sheet: str) -> int:
        return int(self._book[sheet].max_row or 0)

    def close(self) -> None:
        self._book.close()


def _pick_sheet(
    book: _Book,
    name: str,
    sheet: str | None,
    progress: ProgressLike | None,
    active: int,
    finder: HeaderFinder = _find_header,
    hidden: frozenset[str] = frozenset(),
) -> Table:
    names = list(book.names)
    sheets = tuple(names)
    if not names:
        raise ImportProblem(name, None, None, "工作簿里没有工作表 (the workbook has no sheets)", "no_table")

    def build(title: str, head: list[Row] | None = None) -> Table:
        return _build_table(
            name,
            lambda: book.rows(title),
            book.merges(title),
            title,
            sheets,
            progress,
            book.estimate(title),
            head,
            finder,
        )

    if sheet is not None:
        if sheet not in names:
            listed = "、".join(names)
            raise ImportProblem(
                name, None, None, f"没有名为“{sheet}”的工作表（现有：{listed}）(no such sheet)", "no_such_sheet"
            )
        return build(sheet)
    order = ([names[active]] if 0 <= active < len(names) else []) + [n for i, n in enumerate(names) if i != active]
    # 说明 / 填写示例 / instructions sheets come last: read only when no other sheet has a member table
    order = [n for n in order if not _notes_sheet(n)] + [n for n in order if _notes_sheet(n)]
    # a hidden sheet (an old list kept out of sight) is read only when no sheet the user can see has a member table
    order = [n for n in order if n not in hidden] + [n for n in order if n in hidden]
    with_content: list[tuple[str, list[Row]]] = []
    without_rows: tuple[str, list[Row]] | None = None  # a person header with nothing below it
    for title in order:
        head = list(itertools.islice(book.rows(title), HEADER_SCAN_ROWS + 1))
        if not head:
            continue
        with_content.append((title, head))
        index = finder(head)
        if index < 0:
            continue
        header_row = _person_header(head[index][1])
        if not header_row and index + 1 < len(head):  # a two-row header: the person columns are on its second row
            header_row = _person_header(head[index + 1][1])
            index += 1
        if header_row and index + 1 < len(head) and not _field_list(head[index + 1 :]):
            return build(title, head)
        if header_row and without_rows is None:
            without_rows = (title, head)
    if without_rows is not None:  # only a header, no rows: read it, the import then says "no data rows"
        return build(*without_rows)
    if not with_content:
        raise ImportProblem(
            name, None, None, "文件是空的，没有可导入的内容 (the file is empty: nothing to import)", "empty"
        )
    if len(with_content) == 1 or len(names) == 1:
        title, head = with_content[0]
        return build(title, head)
    listed = "、".join(names)
    raise ImportProblem(
        name,
        None,
        None,
        f"没有一个工作表有姓名、微信号或手机列；读过的工作表：{listed}"
        " (no sheet has a table with a name, WeChat ID or phone column; the sheets read are listed)",
        "no_table",
    )


_MERGE_RE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3}[0-9]+(?::[A-Z]{1,3}[0-9]+)?)"')


def _read_merges(path: Path, part: str | None) -> list[Merge]:
    """Merged ranges of a sheet, found by scanning the sheet XML as bytes (mergeCells sits after the cell
    data, so the whole part is inflated — in blocks — but never parsed)."""
    if not part:
        return []
    from openpyxl.utils.cell import range_boundaries

    part = part.lstrip("/")
    found: set[bytes] = set()
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
        with archive.open(info) as stream:
            tail = b""
            while len(found) < MAX_MERGES:
                chunk = stream.read(1 << 20)
                if not chunk:
                    break
                buffer = tail + chunk
                found.update(m.group(1) for m in _MERGE_RE.finditer(buffer))
                tail = buffer[-512:]
    merges: list[Merge] = []
    for ref in sorted(found):
        text = ref.decode("ascii")
        if ":" not in text:
            continue
        min_col, min_row, max_col, max_row = range_boundaries(text)
        if min_row is not None:
            merges.append((min_row, min_col, max_row, max_col))
    return merges


# ---------------------------------------------------------------- csv

_BLOCK = 1 << 20


def _line_error(name: str, line: int, message: str) -> ImportProblem:
    return ImportProblem(name, line, None, message, "undecodable_bytes")


class _CsvSource:
    """A CSV file: its encoding and delimiter, decided once; rows() reads it (again) as records."""

    def __init__(self, path: Path, name: str):
        self.path = path
        self.name = name
        try:
            size = path.stat().st_size
            with open(path, "rb") as handle:
                start = handle.read(4)
        except OSError as exc:
            raise _unreadable(name, exc) from None
        self.estimate = max(size // 40, 1)
        self.skip_bom = False
        if start.startswith(codecs.BOM_UTF8):
            self.encoding, self.skip_bom = "utf-8", True
            self._validate("utf-8", 3, "文件标明是 UTF-8，但这一行有无法识别的字节")
        elif start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            self.encoding = "utf-16"
            try:
                with open(path, encoding="utf-16", newline="") as stream:
                    while stream.read(_BLOCK):
                        pass
            except UnicodeDecodeError:
                raise ImportProblem(
                    name,
                    None,
                    None,
                    "文件标明是 UTF-16，但内容无法识别 (the file says it is UTF-16, but its text cannot be read)",
                    "undecodable_bytes",
                ) from None
        else:
            self.encoding = self._guess()
        text = self._text_start(64 * 1024)
        if "\x00" in text:
            raise ImportProblem(
                name,
                None,
                None,
                "这不是文本格式的 CSV 文件（含有二进制内容） (not a text CSV file: it holds binary content)",
                "binary",
            )
        sep = _SEP_LINE.match(text)
        self.sep_line = bool(sep)
        self.delimiter = sep.group(1) if sep else _sniff(text)

    def _blocks(self, offset: int = 0) -> Iterator[bytes]:
        try:
            with open(self.path, "rb") as handle:
                handle.seek(offset)
                while block := handle.read(_BLOCK):
                    yield block
        except OSError as exc:
            raise _unreadable(self.name, exc) from None

    def _first_error(self, encoding: str, offset: int) -> tuple[int, int] | None:
        """(line, byte offset) of the first byte that `encoding` cannot decode, or None."""
        decoder = codecs.getincrementaldecoder(encoding)()
        lines = 1
        position = offset
        for block in self._blocks(offset):
            held = len(decoder.getstate()[0])  # bytes of an incomplete sequence kept from the last block
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                bad = max(exc.start - held, 0)
                return lines + block.count(b"\n", 0, bad), position + bad
            lines += block.count(b"\n")
            position += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return lines, position
        return None

    def _validate(self, encoding: str, offset: int, message: str) -> None:
        error = self._first_error(encoding, offset)
        if error is not None:
            raise _line_error(self.name, error[0], message)

    def _guess(self) -> str:
        utf8 = self._first_error("utf-8", 0)
        if utf8 is None:
            return "utf-8"
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        bad = good = 0
        for block in self._blocks():
            text = decoder.decode(block)
            replaced = text.count("\ufffd")
            bad += replaced
            good += len(text) - len(text.encode("ascii", "ignore")) - replaced
        if good >= 10 * bad:
            # mostly valid UTF-8: decoding it as GB18030 would silently garble every name
            raise _line_error(
                self.name,
                utf8[0],
                "文件是 UTF-8 编码，但这一行有无法识别的字节（文件可能已损坏）"
                f" (line {utf8[0]} has bytes that are not UTF-8; the file may be damaged)",
            )
        gbk = self._first_error("gb18030", 0)
        if gbk is not None:
            raise _line_error(
                self.name,
                gbk[0],
                "这一行有既不是 GBK 也不是 UTF-8 的字节（文件可能已损坏），请用 UTF-8 或 GBK 编码重新保存"
                f" (line {gbk[0]} has bytes that are neither GBK nor UTF-8; the file may be damaged)",
            )
        line = self._utf8_line()
        if line is not None:
            # a row added by another program (a script, a web form's export pasted in): read as GBK, its names would
            # be garbled into other characters (王五 -> 鐜嬩簲) and imported as new people without a word
            raise _line_error(
                self.name,
                line,
                "这一行是 UTF-8 编码，文件其余部分是 GBK：按 GBK 读这一行的中文会变成乱码，未导入任何内容；"
                "请用表格软件把整个文件另存为同一种编码（UTF-8 或 GBK）"
                f" (line {line} is UTF-8 while the rest of the file is GBK: its Chinese would be read as other"
                " characters; nothing was imported — save the whole file in one encoding)",
            )
        return "gb18030"

    def _utf8_line(self) -> int | None:
        """The number of the first line of a GBK file that is UTF-8 Chinese, else None. Such a line decodes as
        GB18030 too, into other characters. A GBK line is never taken for one: its non-ASCII bytes would have to
        be valid UTF-8 that is all CJK text (three bytes a character), which GBK text of common characters
        practically never is."""
        number = 0
        tail = b""
        for block in self._blocks():
            lines = (tail + block).split(b"\n")
            tail = lines.pop()
            for raw in lines:
                number += 1
                if _utf8_chinese(raw):
                    return number
        if tail and _utf8_chinese(tail):
            return number + 1
        return None

    def _open_text(self) -> io.TextIOWrapper:
        try:
            handle = open(self.path, "rb")  # closed by the wrapper
        except OSError as exc:
            raise _unreadable(self.name, exc) from None
        if self.skip_bom:
            handle.seek(3)
        return io.TextIOWrapper(handle, encoding=self.encoding, newline="")

    def _text_start(self, size: int) -> str:
        with self._open_text() as stream:
            return stream.read(size)

    def rows(self) -> Iterator[Row]:
        with self._open_text() as stream:
            if self.sep_line:
                stream.readline()
            row_no = 0
            lines: list[str] = []  # the physical lines of the record being read

            def source() -> Iterator[str]:
                for line in stream:
                    lines.append(line)
                    yield line

            head: list[Row] = []  # the first rows, to name the column of a broken quote
            try:
                for row_no, record in enumerate(
                    csv.reader(source(), delimiter=self.delimiter, skipinitialspace=True), start=1
                ):
                    if "\x00" in "".join(record):
                        raise ImportProblem(
                            self.name,
                            None,
                            None,
                            "这不是文本格式的 CSV 文件（含有二进制内容） (not a text CSV file: it holds binary content)",
                            "binary",
                        )
                    if any('"' in line for line in lines):
                        self._check_quotes("".join(lines), record, row_no, head)
                    lines.clear()
                    cells = _trimmed(record)
                    if cells:
                        if len(head) <= HEADER_SCAN_ROWS:
                            head.append((row_no, cells))
                        yield row_no, cells
            except csv.Error as exc:
                raise ImportProblem(
                    self.name, row_no + 1, None, f"CSV 格式错误：{exc} (CSV format error: {exc})", "csv_error"
                ) from None

    def _check_quotes(self, raw: str, record: list[str], row_no: int, head: list[Row]) -> None:
        """Refuse a record whose quotes are broken, naming its row and column: a quote that never closes
        would swallow every following row into one cell (one person named with the rest of the file), and
        text after a closing quote ("他说"你好) would be glued on silently."""
        fault = _quote_fault(raw, self.delimiter)
        if fault is None:
            return
        index, kind = fault
        column = f"第{index + 1}列"
        if head:
            header = head[_find_header(head)][1] if _find_header(head) >= 0 else head[0][1]
            if index < len(header) and clean_header(header[index]):
                column = clean_header(header[index])
        cell = record[index] if kind == "after" and index < len(record) else raw.split("\n", 1)[0]
        shown = cell.strip()[:40]
        if kind == "open":
            message = (
                f"引号没有配对：第{row_no}行「{column}」这一格以引号开头却没有右引号，后面的行都会被并进这一格，"
                "未导入任何内容；请补上引号或删去它"
                f" (unterminated quote: the quote opened in row {row_no}, column {column} is never closed;"
                " nothing was imported)"
            )
        else:
            message = (
                '引号后面还有文字：格子里的引号要写成两个引号（""），未导入任何内容；请修正这一格'
                " (text after a closing quote: write a quote inside a cell as two quotes; nothing was imported)"
            )
        raise ImportProblem(self.name, row_no, column, message, "csv_quote", shown)


def _utf8_chinese(raw: bytes) -> bool:
    """Whether a line's bytes are UTF-8 whose non-ASCII characters are all CJK text (ideographs, CJK and
    full-width punctuation, general punctuation such as “” and —)."""
    if raw.isascii():
        return False
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(
        ch.isascii() or "\u2000" <= ch <= "\u206f" or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
        for ch in text
    )


def _quote_fault(raw: str, delimiter: str) -> tuple[int, str] | None:
    """(field index, "open" | "after") of the first cell of a CSV record whose quotes are broken, else None.
    A quote is special only at the start of a cell, spaces before it allowed (`a, "b, c"`: the csv module
    reads with skipinitialspace); spaces after the closing quote are tolerated. A quoted cell that runs over
    a line break and then has text after its "closing" quote is an unclosed quote ("open"): the quote that
    seemed to close it opened a later cell."""
    field, i, n = 0, 0, len(raw)
    spaces = " " if delimiter == "\t" else " \t"
    at_start = True
    while i < n:
        ch = raw[i]
        if at_start and ch == " ":
            i += 1
            continue
        if at_start and ch == '"':
            opened = i
            j = i + 1
            while True:
                k = raw.find('"', j)
                if k < 0:
                    return field, "open"
                if raw.startswith('"', k + 1):
                    j = k + 2  # "" is a quote inside the cell
                    continue
                break
            i = k + 1
            while i < n and raw[i] in spaces:
                i += 1
            if i < n and raw[i] not in (delimiter, "\r", "\n"):
                return field, ("open" if "\n" in raw[opened:k] else "after")
            at_start = False
            continue
        if ch == delimiter:
            field += 1
            at_start = True
        else:
            at_start = False
        i += 1
    return None


def _records(text: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)


def _sniff(text: str) -> str:
    """The delimiter giving the most rows with the same (>1) number of fields; ties: , then tab then ;."""
    sample = text[: 64 * 1024]
    best, best_score = ",", 0
    for delimiter in (",", "\t", ";"):
        counts: dict[int, int] = {}
        try:
            for number, record in enumerate(_records(sample, delimiter)):
                if number >= 100:
                    break
                width = len(_trim(record))
                if width > 1:
                    counts[width] = counts.get(width, 0) + 1
        except csv.Error:
            pass
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


_SEP_LINE = re.compile(r"sep=([,;\t|])[ \t]*(?:\r\n|\r|\n)", re.IGNORECASE)


def other_sheets_note(others: Sequence[str], sheet: str | None, kind_zh: str, kind_en: str) -> str:
    """What to tell the user of a workbook's other sheets of the same kind that one import did not read ("" when
    none): the roster import's member tables, the check-in import's 打卡表."""
    if not others:
        return ""
    names = "、".join(others)
    return (
        f"工作簿里的 {names} 也是{kind_zh}, 这次只读了「{sheet}」: 请逐个选择工作表导入 (--sheet)"
        f" (the sheets {', '.join(others)} are {kind_en} too; only {sheet!r} was read: import each of them,"
        " --sheet NAME)"
    )
