"""Tolerant reading of roster and application spreadsheets (.xlsx, .csv) into a plain Table.

For the import services and the import preview. No Qt, no database.

What it copes with, and how (decisions):
- Title rows above the header. The header is the first of the first 15 non-empty rows with at
  least two cells that name a known field (desktop/io/fields.py) or a survey-tool column; failing
  that, the first of them with the most text cells. Rows above it are ignored.
- Two-row headers ("基本信息" over "姓名","手机"): combined as "上级-下级", or just "下级" when
  that alone names a known field, or the one that is filled when the other is empty.
  For .xlsx, merged ranges are read from the sheet XML (openpyxl's read-only mode does not expose
  them): the row directly above the header is an upper header when a range merges it down into
  the header row, or when it has two or more filled cells and a horizontal merge; the row below
  is a lower header only when a range merges the header row down into it. Without merges (CSV,
  or a workbook using "centre across selection") the row above counts as an upper header when it
  has at least two text cells, fewer than the header row, none of them "label: value", and at
  least one of them is followed by empty cells over filled header cells; its text then carries
  to the right. The row below is never guessed without merges, so a data row is never lost.
- Rows are numbered as Excel numbers them (the header row counts; for CSV, one record = one
  row, even when a quoted cell spans lines). Empty rows are dropped wherever they are.
- .xlsx: openpyxl read-only, cached formula values (data_only), sheet dimensions ignored (some
  writers record wrong ones). Reading stops after 1000 consecutive empty rows, so a stray
  formatted cell at row 1,000,000 costs nothing; data after such a gap would not be read.
  Values are as Excel displays them: date cells are datetime, numbers stay numbers,
  whitespace-only text is empty. Merged cells in data rows are not filled in.
  Without ``sheet``, the active sheet is read, or the first sheet with content if it is empty.
- .csv/.tsv: UTF-8 with BOM, UTF-16 with BOM, UTF-8, then GB18030 (a superset of GBK). A file
  that is UTF-8 apart from a few bad bytes is reported (with its line) rather than decoded as
  GB18030 mojibake. Delimiter sniffed among comma, tab and semicolon (or taken from Excel's
  "sep=;" first line, which Excel does not count as a row). Empty cells are None,
  other cells are the text as written.
- Width: the table is as wide as its last filled cell in the header or any data row; columns
  that are empty everywhere at the right end (腾讯问卷's trailing comma) disappear, an unnamed
  column that has data is kept with header "".
- Unsupported, unreadable, corrupt or empty files raise ImportProblem with a message for people.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop.io.fields import ImportProblem, clean_header, header_field, norm_key

__all__ = ["SURVEY_META_HEADERS", "ImportProblem", "ProgressLike", "Table", "read_table"]

HEADER_SCAN_ROWS = 15
MAX_EMPTY_RUN = 1000
_MERGE_SCAN_LIMIT = 256 * 1024 * 1024  # uncompressed sheet XML size above which merges are not read

XLSX_EXTENSIONS = frozenset({".xlsx", ".xlsm"})
CSV_EXTENSIONS = frozenset({".csv", ".tsv"})

# columns that survey tools add around the questions; they count as known headers for detection
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
        "地理位置国家和地区",
        "地理位置省",
        "地理位置市",
        "自定义字段",
        "IP",
        "渠道",
    )
)

PROGRESS_EVERY = 2000  # rows between two progress reports

Row = tuple[int, list[object]]
Merge = tuple[int, int, int, int]  # min_row, min_col, max_row, max_col (1-based, inclusive)


@dataclass(frozen=True)
class Table:
    """A sheet as read: cleaned headers and the non-empty data rows below them."""

    file: str  # file name for messages
    header_row: int  # Excel row number of the (last) header row
    headers: list[str]
    rows: list[tuple[int, list[object]]]  # (Excel row number, values padded to len(headers))
    sheet: str | None = None  # worksheet name for .xlsx


class ProgressLike(Protocol):
    """desktop.tasks.Progress, or anything with its step(); step() may raise to cancel."""

    def step(self, done: int, total: int) -> None: ...


class _Stop(Exception):
    """Carries an exception raised by the progress callback (e.g. Cancelled) through our handlers."""

    def __init__(self, error: Exception):
        super().__init__(error)
        self.error = error


def _report(progress: ProgressLike | None, done: int, total: int) -> None:
    if progress is not None:
        try:
            progress.step(done, max(total, done))
        except Exception as exc:
            raise _Stop(exc) from exc


def read_table(path: str | Path, *, sheet: str | None = None, progress: ProgressLike | None = None) -> Table:
    """Read the first table of a .xlsx/.csv file; raises ImportProblem for anything unusable.

    ``progress.step(rows_read, estimated_rows)`` is called every few thousand rows; whatever it
    raises (desktop.tasks.Cancelled) is passed on unchanged."""
    try:
        return _read_table(Path(path), sheet, progress)
    except _Stop as stop:
        raise stop.error from None


def _read_table(path: Path, sheet: str | None, progress: ProgressLike | None) -> Table:
    name = path.name
    ext = path.suffix.lower()
    if ext in (".xls", ".et", ".numbers", ".ods"):
        raise ImportProblem(name, None, None, f"暂不支持 {ext} 文件，请在表格软件里另存为 .xlsx 或 .csv 后再导入")
    if ext not in XLSX_EXTENSIONS | CSV_EXTENSIONS:
        raise ImportProblem(name, None, None, f"不支持的文件类型 {ext or '（无扩展名）'}：请导入 .xlsx 或 .csv 文件")
    if not path.exists():
        raise ImportProblem(name, None, None, f"找不到文件 {path}")
    if not path.is_file():
        raise ImportProblem(name, None, None, "这不是一个文件")
    if ext in XLSX_EXTENSIONS:
        rows, merges, sheet_name = _read_xlsx(path, name, sheet, progress)
    else:
        rows, merges, sheet_name = _read_csv(path, name, progress), [], None
    return _build_table(name, rows, merges, sheet_name)


def _unreadable(name: str, exc: OSError) -> ImportProblem:
    if isinstance(exc, PermissionError):
        return ImportProblem(name, None, None, "没有权限读取这个文件（它可能正被 Excel 或其他程序打开，请关闭后重试）")
    return ImportProblem(name, None, None, f"无法打开文件：{exc.strerror or exc}")


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
            if header and (norm_key(header) in SURVEY_META_HEADERS or header_field(header)):
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


def _build_table(name: str, rows: list[Row], merges: list[Merge], sheet: str | None) -> Table:
    if not rows:
        raise ImportProblem(name, None, None, "文件是空的，没有可导入的内容")
    index = _find_header(rows)
    if index < 0:
        first = rows[0][0]
        raise ImportProblem(name, first, None, "找不到表头：前几行没有文字列名（如“姓名”“手机”）")
    header_no, header_values = rows[index]
    upper_no, upper_values = rows[index - 1] if index > 0 else (0, [])
    lower_no, lower_values = rows[index + 1] if index + 1 < len(rows) else (0, [])

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

    data = rows[data_start:]
    width = max([len(header_values)] + [len(v) for _, v in data])
    if two_rows is None:
        last_header_no, headers = header_no, _cells(header_values, width)
    else:
        last_header_no, up_values, lo_values = two_rows
        width = max(width, len(up_values), len(lo_values))
        up_no = last_header_no - 1
        upper = _fill_from_merges(_cells(up_values, width), up_no, merges)
        lower = _cells(lo_values, width)
        if not any(r1 <= up_no <= r2 for r1, _c1, r2, _c2 in merges):  # no merges: guess the spans
            upper = _carry_right(upper, lower)
        headers = _combine(upper, lower)
    padded = [(row_no, values + [None] * (width - len(values))) for row_no, values in data]
    return Table(file=name, header_row=last_header_no, headers=headers, rows=padded, sheet=sheet)


# ---------------------------------------------------------------- xlsx


def _read_xlsx(
    path: Path, name: str, sheet: str | None, progress: ProgressLike | None
) -> tuple[list[Row], list[Merge], str]:
    try:
        with open(path, "rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise _unreadable(name, exc) from None
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportProblem(
            name, None, None, "这是旧版 .xls 或设置了密码的 Excel 文件：请去掉密码并另存为 .xlsx 后再导入"
        )
    if not magic.startswith(b"PK"):
        raise ImportProblem(name, None, None, "这不是有效的 .xlsx 文件（文件已损坏，或其实是其他格式）")
    from openpyxl import load_workbook  # here, so that CSV-only use does not pay for it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles/extensions it skips
            workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # any failure here means a damaged or foreign file, not a bug of ours
        raise ImportProblem(
            name, None, None, f"无法读取这个 .xlsx 文件，它可能已损坏（{type(exc).__name__}）"
        ) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            worksheet, rows = _pick_sheet(workbook, name, sheet, progress)
        try:
            merges = _read_merges(path, getattr(worksheet, "_worksheet_path", None))
        except (KeyError, OSError, ValueError, zipfile.BadZipFile):
            merges = []  # merges only refine the header; the values were read fine
        return rows, merges, worksheet.title
    except (ImportProblem, _Stop):
        raise
    except Exception as exc:
        raise ImportProblem(name, None, None, f"读取工作表时出错，文件可能已损坏（{type(exc).__name__}）") from None
    finally:
        workbook.close()


def _pick_sheet(workbook, name: str, sheet: str | None, progress: ProgressLike | None):
    worksheets = list(workbook.worksheets)
    if sheet is not None:
        for worksheet in worksheets:
            if worksheet.title == sheet:
                return worksheet, _sheet_rows(worksheet, progress)
        titles = "、".join(ws.title for ws in worksheets)
        raise ImportProblem(name, None, None, f"没有名为“{sheet}”的工作表（现有：{titles}）")
    active = workbook.active
    candidates = ([active] if active in worksheets else []) + [ws for ws in worksheets if ws is not active]
    for worksheet in candidates:
        rows = _sheet_rows(worksheet, progress)
        if rows:
            return worksheet, rows
    if not candidates:
        raise ImportProblem(name, None, None, "工作簿里没有工作表")
    return candidates[0], []


def _sheet_rows(worksheet, progress: ProgressLike | None = None) -> list[Row]:
    estimate = worksheet.max_row or 0  # from the recorded dimension: only a progress estimate
    worksheet.reset_dimensions()  # recorded dimensions can be wrong, e.g. "A1" for a full sheet
    rows: list[Row] = []
    empty_run = 0
    for row_no, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if row_no % PROGRESS_EVERY == 0:
            _report(progress, row_no, estimate)
        cells = _trim(values)
        if cells:
            rows.append((row_no, cells))
            empty_run = 0
        else:
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                break
    return rows


_MERGE_RE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3}[0-9]+(?::[A-Z]{1,3}[0-9]+)?)"')
_MERGE_ROWS = HEADER_SCAN_ROWS * 4  # merges below the header area are irrelevant


def _read_merges(path: Path, part: str | None) -> list[Merge]:
    """Merged ranges near the top of the sheet, found by scanning the sheet XML as bytes
    (mergeCells sits after the cell data, so the whole part is inflated but never parsed)."""
    if not part:
        return []
    from openpyxl.utils.cell import range_boundaries

    part = part.lstrip("/")
    found: set[bytes] = set()
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
        if info.file_size > _MERGE_SCAN_LIMIT:
            return []
        with archive.open(info) as stream:
            tail = b""
            while True:
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
        if min_row is not None and min_row <= _MERGE_ROWS:
            merges.append((min_row, min_col, max_row, max_col))
    return merges


# ---------------------------------------------------------------- csv


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            line = _line_of(data, exc.start)
            raise ImportProblem(name, line, None, "文件标明是 UTF-8，但这一行有无法识别的字节") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportProblem(name, None, None, "文件标明是 UTF-16，但内容无法识别") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = len(lenient) - len(lenient.encode("ascii", "ignore")) - bad  # non-ASCII characters that decoded
    if good >= 10 * bad:
        # mostly valid UTF-8: decoding it as GB18030 would silently garble every name
        line = _line_of(data, utf8_error.start)
        raise ImportProblem(name, line, None, "文件是 UTF-8 编码，但这一行有无法识别的字节（文件可能已损坏）")
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        raise ImportProblem(name, line, None, "无法识别文件编码：请用 UTF-8 或 GBK 编码保存 CSV 后再导入") from None


def _records(text: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


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


def _read_csv(path: Path, name: str, progress: ProgressLike | None = None) -> list[Row]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(name, exc) from None
    text = _decode(data, name)
    if "\x00" in text:
        raise ImportProblem(name, None, None, "这不是文本格式的 CSV 文件（含有二进制内容）")
    sep = _SEP_LINE.match(text)
    if sep:  # Excel's "sep=;" first line: it names the delimiter and Excel does not show it as a row
        delimiter, text = sep.group(1), text[sep.end() :]
    else:
        delimiter = _sniff(text)
    rows: list[Row] = []
    row_no = 0
    estimate = text.count("\n") + 1
    try:
        for row_no, record in enumerate(_records(text, delimiter), start=1):
            if row_no % PROGRESS_EVERY == 0:
                _report(progress, row_no, estimate)
            cells = _trim(record)
            if cells:
                rows.append((row_no, cells))
    except csv.Error as exc:
        raise ImportProblem(name, row_no + 1, None, f"CSV 格式错误：{exc}") from None
    return rows
