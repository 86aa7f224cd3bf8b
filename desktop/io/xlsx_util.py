"""Helpers shared by the .xlsx writers (desktop/services/report.py, desktop/services/roster_export.py).

- Formula safety: member names, tags and titles come from chats. Any text that begins with ``=``, ``+``,
  ``-``, ``@``, a tab or a CR is written as a text cell (``t="inlineStr"``) with the quote-prefix style, so
  neither opening the file nor editing the cell later turns it into a formula. Characters that XML cannot
  hold (control characters pasted from chats) are dropped instead of crashing the export.
- Empty text is written as ``None`` (no cell), never ``''``; text longer than Excel allows in a cell is cut.
- ``SheetRows`` serialises the rows of a write-only sheet to <sheetData> XML itself (≈1 µs a cell instead
  of ≈10–15 µs through openpyxl's et_xmlfile writer); cell styles are xf ids prepared once per workbook
  by ``Styles``. Everything else of the sheet (panes, filters, formatting, charts, print set-up) is
  openpyxl's; ``SheetRows.attach`` splices the rows into the sheet openpyxl writes.
- The atomic save: ``check_target`` fails fast (before any work) on a missing or unwritable folder;
  ``save_atomic`` writes a temporary file in the target folder, fsyncs it and ``os.replace``-s it onto
  the target, so a crash or an error never leaves a half-written workbook and the old file stays as it was.
  The temporary file is named after the target and the process (``.NAME.PID-N.xlsx.part``): what an export
  killed while saving (SIGKILL, power cut) left beside the target is removed by the next save to that target
  once its process is gone (``clear_stale_parts``).
- A write-only sheet's rows wait in a temporary file until the save (openpyxl's, removed at exit): here in a
  folder of this process (``qundesk-work-PID-…`` in the system's temp folder), so what an export killed midway
  left there — tens of MB a report — is removed by the next export once its process is gone (``work_folder``).
"""

from __future__ import annotations

import atexit
import errno
import itertools
import math
import os
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Sequence
from copy import copy
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet import _writer as _sheet_writer

from desktop.errors import QunDeskError

_ILLEGAL = ILLEGAL_CHARACTERS_RE.search

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_TEXT = 32_767  # characters in one cell; Excel refuses a file with more
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_START_CHARS = frozenset(FORMULA_START)

BODY_FONT, BODY_FONT_SIZE = DEFAULT_FONT.name, DEFAULT_FONT.sz  # the workbook's default: what unstyled cells use
HEADER_FILL = "DCE6F1"
TITLE_COLOR = "1F3864"
BORDER_COLOR = "A6A6A6"
WEEKEND_FILL = "F2F2F2"

# number formats
FMT_DATE = "yyyy-mm-dd"
FMT_DATETIME = "yyyy-mm-dd hh:mm"
FMT_PCT = "0.0%"
FMT_INT = "#,##0"
FMT_SIGNED_INT = "+#,##0;-#,##0;0"


def fmt_signed_points(unit: str) -> str:
    """A change of a rate in percentage points, the cell holding the points (−8.4 for 53.8% → 45.5%): `unit` after
    the number ("个百分点", " pp"). Written as `+0.0%` the change read as a relative one — a fall of 8.4% where the
    rate fell by a sixth."""
    quoted = '"' + unit.replace('"', "") + '"'
    return f"+0.0{quoted};-0.0{quoted};0.0{quoted}"


# ---------------------------------------------------------------- values


def clean_text(value: object) -> str | None:
    """Text fit for a cell: characters XML cannot hold removed; '' (and whitespace only) -> None."""
    if value is None:
        return None
    text = str(value)
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text if text.strip() else None


def to_local(value: datetime | None) -> datetime | None:
    """Stored datetimes are already local wall-clock time (docs/architecture.md, "Time"): shown as they are."""
    return value


def local_day(value: datetime | date | None) -> date | None:
    """The calendar day of a stored datetime (local time); a date is already a day."""
    if isinstance(value, datetime):
        return value.date()
    return value


def display_width(value: object) -> int:
    """How many narrow characters a value takes on screen (CJK, full-width and emoji count 2)."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16 if (value.hour or value.minute) else 10
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        return 7
    text = str(value)
    if text.isascii():
        return max((len(line) for line in text.split("\n")), default=0)
    best = 0
    for line in text.split("\n"):
        w = 0
        for ch in line:
            if unicodedata.east_asian_width(ch) in ("W", "F") or ord(ch) >= 0x1F000:
                w += 2
            elif not unicodedata.combining(ch) and ch not in "\u200d\ufe0f":
                w += 1
        best = max(best, w)
    return best


# ---------------------------------------------------------------- styles


class Styles:
    """Prepared cell styles of one workbook, by name ("header", "date", "pct", "mark", …), as the xf ids
    the sheet XML refers to. A style combined with the quote prefix (formula-looking text) is made on
    first use."""

    def __init__(self, wb: Workbook, points_unit: str = " pp") -> None:
        self.wb = wb
        self._probe = wb.create_sheet("_styles")  # a cell needs a sheet to register its style
        thin = Side(style="thin", color=BORDER_COLOR)
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        center = Alignment(horizontal="center", vertical="center")
        right = Alignment(horizontal="right")
        header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        header_align = Alignment(horizontal="center", vertical="center", wrap_text=True)

        def font(*, size: float = BODY_FONT_SIZE, **kw) -> Font:
            # named and sized like the cells without a style: a font without a name was drawn in the
            # reader's fallback — serif titles and headers over sans-serif rows in LibreOffice
            return Font(name=BODY_FONT, size=size, **kw)

        specs: dict[str, dict] = {
            "title": {"font": font(bold=True, size=15, color=TITLE_COLOR)},
            "subtitle": {"font": font(size=10, color="595959")},
            # a subtitle too long for one printed line (概览's: period, groups, rules, what the rate means): wrapped
            # in cells merged across the printed width, as many lines high as it needs (report._wrapped_subtitle)
            "subtitle_wrap": {
                "font": font(size=10, color="595959"),
                "alignment": Alignment(wrap_text=True, vertical="top"),
            },
            "section": {"font": font(bold=True, size=12, color=TITLE_COLOR)},
            "header": {"font": font(bold=True), "fill": header_fill, "border": box, "alignment": header_align},
            "header_weekend": {
                "font": font(bold=True, color="C00000"),
                "fill": header_fill,
                "border": box,
                "alignment": header_align,
            },
            "total_label": {"font": font(bold=True), "fill": PatternFill("solid", fgColor=WEEKEND_FILL)},
            "total": {"font": font(bold=True), "fill": PatternFill("solid", fgColor=WEEKEND_FILL), "alignment": center},
            "total_pct": {
                "font": font(bold=True),
                "fill": PatternFill("solid", fgColor=WEEKEND_FILL),
                "number_format": FMT_PCT,
            },
            "bold": {"font": font(bold=True)},
            "date": {"number_format": FMT_DATE},
            "datetime": {"number_format": FMT_DATETIME},
            # right-aligned as the numbers are: a "–" (not measured) in such a column stood at the cell's left edge,
            # against the number before it — 概览's "13 –" read as one value, or as 13 minus
            "pct": {"number_format": FMT_PCT, "alignment": right},
            # a rate's change, in percentage points (fmt_signed_points), in the workbook's language
            "signed_points": {"number_format": fmt_signed_points(points_unit), "alignment": right},
            "int": {"number_format": FMT_INT, "alignment": right},
            "signed_int": {"number_format": FMT_SIGNED_INT, "alignment": right},
            "mark": {"alignment": center},
            # bottom, as the row's other cells: a wrapped text's last line sits on their line
            "wrap": {"alignment": Alignment(wrap_text=True, vertical="bottom")},
        }
        self._arrays: dict[str, object] = {}
        self.ids: dict[str | None, int] = {None: 0}
        for name, attrs in specs.items():
            self._add(name, attrs)
        self._quoted: dict[str | None, int] = {}
        wb.remove(self._probe)

    def _add(self, name: str, attrs: dict) -> None:
        proto = WriteOnlyCell(self._probe)
        for attr, value in attrs.items():
            setattr(proto, attr, value)
        self._arrays[name] = proto._style
        self.ids[name] = self.wb._cell_styles.add(proto._style)

    def quoted(self, name: str | None) -> int:
        """The xf id of a style plus the quote prefix (Excel keeps the cell text when it is edited)."""
        sid = self._quoted.get(name)
        if sid is None:
            array = copy(self._arrays[name]) if name is not None else StyleArray()
            array.quotePrefix = 1
            sid = self._quoted[name] = self.wb._cell_styles.add(array)
        return sid


# ---------------------------------------------------------------- fast sheet data

_COLUMN_LETTERS: list[str] = [""] + [get_column_letter(i) for i in range(1, 16385)]


@lru_cache(maxsize=8192)
def _serial(value: date | datetime) -> float | int:
    """Excel's serial number of a date (dates repeat a lot: a month's ledger has 31 distinct days)."""
    return to_excel(value)


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:  # a raw CR would come back as LF from any XML parser
        text = text.replace("\r", "&#13;")
    return text


class SheetRows:
    """The rows of one write-only worksheet, serialised to <sheetData> XML by us.

    openpyxl writes a write-only cell through et_xmlfile at ≈10–15 µs per cell (pure Python without
    lxml); this writes the same XML with string formatting at ≈1 µs, which is what keeps a 500-member
    group's report (≈90k cells, mostly the points ledger and the check-in matrix) well under 0.5 s.
    Everything else of the sheet (widths, panes, filters, formatting, print set-up, charts) stays
    openpyxl's: `attach` closes the write-only sheet and puts these rows into its <sheetData>.

    Cell rules: None and '' -> no cell; text -> inline string (characters XML cannot hold are dropped;
    text that starts like a formula gets the quote-prefix style — it is never written as a formula);
    bool -> boolean; int/float -> number; date/datetime -> Excel serial with the column's date style.
    """

    SPOOL_ROWS = 2000  # rows kept in memory; older ones wait in a temporary file (a report's ledger has 1M)

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.rows: list[str] = []  # the newest rows' XML, not yet spooled
        self.count = 0  # rows appended so far
        self._spool = None  # temporary file with the XML of the rows before `rows`
        self._attr_cache: dict[int, tuple[Sequence[str | None], list[str]]] = {}
        self._datetime_attr = f' s="{styles.ids["datetime"]}"'  # a plain date in a date-and-time column
        self._text_cells: dict[tuple[str, str], str] = {}

    @property
    def next_row(self) -> int:
        return self.count + 1

    def _push(self, xml: str) -> None:
        self.rows.append(xml)
        self.count += 1
        if len(self.rows) >= self.SPOOL_ROWS:
            if self._spool is None:
                self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")
            self._spool.write("".join(self.rows))
            self.rows.clear()

    def _style_attrs(self, kinds: Sequence[str | None] | None) -> Sequence[str]:
        """' s="7"' per column for a kinds list (cached: a table passes the same list for every row)."""
        if kinds is None:
            return ()
        key = id(kinds)
        hit = self._attr_cache.get(key)
        if hit is not None and hit[0] is kinds:
            return hit[1]
        ids = self.styles.ids
        attrs = [f' s="{ids[k]}"' if ids[k] else "" for k in kinds]
        self._attr_cache[key] = (kinds, attrs)
        return attrs

    def append(self, values: Sequence[object], kinds: Sequence[str | None] | None = None, height: float | None = None):
        r = self.count + 1
        if r > EXCEL_MAX_ROWS:
            raise QunDeskError(
                f"超过 Excel 的行数上限 {EXCEL_MAX_ROWS:,} 行, 请分社群导出 (more rows than Excel can hold; export fewer groups)"
            )
        rs = str(r)
        attrs = self._style_attrs(kinds)
        n_attrs = len(attrs)
        cells: list[str] = []
        add = cells.append
        text_cells = self._text_cells
        for j, value in enumerate(values):
            if value is None:
                continue
            ref = _COLUMN_LETTERS[j + 1] + rs
            s_attr = attrs[j] if j < n_attrs else ""
            t = type(value)
            if t is str or (t is not bool and not isinstance(value, (int, float, date))):
                text = value if t is str else str(value)
                tail = text_cells.get((text, s_attr))  # group names, marks, labels repeat thousands of times
                if tail is None:
                    tail = self._text_tail(text, s_attr, kinds[j] if j < n_attrs else None)  # type: ignore[index]
                    if tail is None:
                        continue
                    if len(text) <= 64 and len(text_cells) < 100_000:
                        text_cells[(text, s_attr)] = tail
                add(f'<c r="{ref}"{tail}')
            elif t is int:
                add(f'<c r="{ref}"{s_attr}><v>{value}</v></c>')
            elif t is bool:
                add(f'<c r="{ref}"{s_attr} t="b"><v>{int(value)}</v></c>')
            elif t is float:
                if math.isfinite(value):
                    add(f'<c r="{ref}"{s_attr}><v>{value!r}</v></c>')
            elif isinstance(value, (date, datetime)):
                if not s_attr or (t is date and s_attr == self._datetime_attr):
                    s_attr = f' s="{self.styles.ids["datetime" if t is datetime else "date"]}"'
                add(f'<c r="{ref}"{s_attr}><v>{_serial(value)!r}</v></c>')
            else:  # other numbers (Decimal, numpy): as their float value
                add(f'<c r="{ref}"{s_attr}><v>{float(value)!r}</v></c>')
        height_attr = f' ht="{height}" customHeight="1"' if height else ""
        self._push(f'<row r="{rs}"{height_attr}>{"".join(cells)}</row>')
        return r

    def _text_tail(self, text: str, s_attr: str, kind: str | None) -> str | None:
        """What follows `<c r="A1"` for a text cell, or None when there is nothing to write."""
        if _ILLEGAL(text):
            text = ILLEGAL_CHARACTERS_RE.sub("", text)
        if not text or not text.strip():
            return None
        if len(text) > EXCEL_MAX_TEXT:
            text = text[: EXCEL_MAX_TEXT - 1] + "…"
        if text[0] in FORMULA_START_CHARS:  # never a formula: text, and quote-prefixed for later edits
            s_attr = f' s="{self.styles.quoted(kind)}"'
        space = ' xml:space="preserve"' if (text[0].isspace() or text[-1].isspace()) else ""
        if "&" in text or "<" in text or ">" in text or "\r" in text:
            text = _escape(text)
        return f'{s_attr} t="inlineStr"><is><t{space}>{text}</t></is></c>'

    def blank(self) -> int:
        self._push(f'<row r="{self.count + 1}"></row>')
        return self.count

    def attach(self, ws) -> None:
        """Close the write-only sheet (openpyxl writes everything but the rows) and put the rows in."""
        if ws._rows is not None:
            raise RuntimeError("rows were appended to the sheet through openpyxl as well")
        ws.close()
        out = ws._writer.out
        with open(out, encoding="utf-8") as fh:
            xml = fh.read()
        for empty in ("<sheetData></sheetData>", "<sheetData />", "<sheetData/>"):
            if empty in xml:
                top, tail = xml.split(empty, 1)
                break
        else:  # pragma: no cover - openpyxl changed its output
            raise RuntimeError("unexpected worksheet XML from openpyxl: no empty <sheetData>")
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(top)
            fh.write("<sheetData>")
            if self._spool is not None:
                self._spool.seek(0)
                while chunk := self._spool.read(1 << 20):
                    fh.write(chunk)
                self._spool.close()
                self._spool = None
            fh.write("".join(self.rows))
            self.rows.clear()
            fh.write("</sheetData>")
            fh.write(_with_ignored_errors(tail))


# The worksheet elements that follow <ignoredErrors> (ECMA-376 CT_Worksheet order): it goes before the first of them.
_AFTER_IGNORED_ERRORS = (
    "<smartTags",
    "<drawing",
    "<legacyDrawing",
    "<legacyDrawingHF",
    "<drawingHF",
    "<picture",
    "<oleObjects",
    "<controls",
    "<webPublishItems",
    "<tableParts",
    "<extLst",
    "</worksheet>",
)
IGNORED_ERRORS = '<ignoredErrors><ignoredError sqref="A1:XFD1048576" numberStoredAsText="1"/></ignoredErrors>'


def _with_ignored_errors(tail: str) -> str:
    """The sheet's XML after <sheetData> with Excel's "number stored as text" check switched off: a WeChat ID or QQ
    number of digits (10001, 0012), a phone number in an unmasked workbook, are text on purpose — Excel put its green
    triangle and a warning on each of those cells (every phone of an owner's roster). Every figure is a number."""
    at = min((i for i in (tail.find(tag) for tag in _AFTER_IGNORED_ERRORS) if i >= 0), default=len(tail))
    return tail[:at] + IGNORED_ERRORS + tail[at:]


def column_widths(
    headers: Sequence[str | None],
    rows: Iterable[Sequence[object]],
    *,
    sample: int = 300,
    minimum: float = 4,
    maximum: float = 40,
) -> list[float]:
    """Widths (in characters) from the header and a sample of the rows: the widest value plus padding,
    clipped to [minimum, maximum]. Sizing from a sample keeps 100k-row sheets fast."""
    widths = [display_width(h) for h in headers]
    for i, row in enumerate(rows):
        if i >= sample:
            break
        for j, value in enumerate(row):
            if j >= len(widths):
                widths.append(0)
            w = display_width(value)
            if w > widths[j]:
                widths[j] = w
    return [min(maximum, max(minimum, w + 2)) for w in widths]


def widest_widths(
    headers: Sequence[str | None], rows: Iterable[Sequence[object]], *, minimum: float = 4, maximum: float = 40
) -> list[float]:
    """column_widths measured over every row, for a table held in memory: a text is measured only when it could
    be wider than the column's widest so far (at most 2 a character), so most cells cost a len(). A sample of
    the first rows misses what comes later — the audit log's older entries, another group's rows."""
    widths = [display_width(h) for h in headers]
    for row in rows:
        for j, value in enumerate(row):
            if value is None:
                continue
            if j >= len(widths):
                widths.append(0)
            if isinstance(value, str) and 2 * len(value) <= widths[j]:
                continue
            w = display_width(value)
            if w > widths[j]:
                widths[j] = w
    return [min(maximum, max(minimum, w + 2)) for w in widths]


def set_widths(ws, widths: Sequence[float], first_col: int = 1) -> None:
    """Column widths; on a write-only sheet this must happen before the first row is appended."""
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(first_col + i)].width = round(w, 1)


def print_setup(ws, *, title_rows: str | None) -> None:
    """Landscape, fit all columns to the page width (as many pages down as needed), repeated header rows."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.page_margins.header = ws.page_margins.footer = 0.25
    ws.print_options.horizontalCentered = False
    ws.oddFooter.center.text = "&P / &N"
    ws.oddFooter.right.text = "&A"
    if title_rows:
        ws.print_title_rows = title_rows


# ---------------------------------------------------------------- files


def check_target(path: Path) -> Path:
    """Fail fast, before any work, when the file could not be written: a clear QunDeskError naming the path."""
    path = Path(path).expanduser()
    folder = path.parent.resolve() if path.parent != Path("") else Path.cwd()
    if not folder.exists():
        raise QunDeskError(f"文件夹不存在 (folder does not exist): {folder}")
    if not folder.is_dir():
        raise QunDeskError(f"不是文件夹 (not a folder): {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise QunDeskError(f"没有写入该文件夹的权限 (folder is not writable): {folder}")
    if path.is_dir():
        raise QunDeskError(f"目标是一个文件夹, 不是文件 (the target is a folder): {path}")
    if path.exists() and not os.access(path, os.W_OK):
        raise QunDeskError(f"目标文件是只读的 (the target file is read-only): {path}")
    return folder / path.name


class _WriteGuard:
    """The temporary file as openpyxl's ZipFile sees it. When a write fails (disk full), openpyxl leaves its
    ZipFile unclosed; garbage collection later closes it, and that close writes to the file again and would
    print a second error ("Exception ignored in ZipFile.__del__"). After the first failure nothing reaches the
    file any more: writes and seeks only move a position (so the ZipFile's own bookkeeping stays consistent
    and raises nothing), and the one clean message of save_atomic is all the user sees."""

    def __init__(self, fh):
        self._fh = fh
        self._pos = 0  # a new, empty file
        self.failed = False

    def _call(self, name: str, *args):
        try:
            return getattr(self._fh, name)(*args)
        except (OSError, ValueError):
            self.failed = True
            raise

    def write(self, data) -> int:
        n = len(data) if self.failed else self._call("write", data)
        self._pos += n
        return n

    def seek(self, offset: int, whence: int = 0) -> int:
        if not self.failed:
            self._pos = self._call("seek", offset, whence)
        elif whence == 0:
            self._pos = offset
        elif whence == 1:
            self._pos += offset
        return self._pos

    def tell(self) -> int:
        if not self.failed:
            self._pos = self._call("tell")
        return self._pos

    def flush(self) -> None:
        if not self.failed:
            self._call("flush")

    def seekable(self) -> bool:
        return True

    def __getattr__(self, name: str):
        return getattr(self._fh, name)


WORK_PREFIX = "qundesk-work-"  # + pid + "-" + random: this process's folder for openpyxl's sheet files
_work: Path | None = None


def work_folder() -> Path:
    """This process's folder for the temporary files of write-only sheets, made on first use (and the folders of
    processes that are gone removed then: an export killed midway left its sheets' rows there)."""
    global _work
    if _work is None or not _work.is_dir():
        clear_stale_work_folders()
        _work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-"))
        atexit.register(shutil.rmtree, _work, True)
    return _work


def clear_stale_work_folders(temp: Path | None = None) -> list[Path]:
    """Remove the work folders (`qundesk-work-PID-…`) of processes that are gone; returns them."""
    from desktop.paths import process_alive

    removed: list[Path] = []
    folder = temp if temp is not None else Path(tempfile.gettempdir())
    try:
        entries = [p for p in folder.iterdir() if p.name.startswith(WORK_PREFIX)]
    except OSError:
        return removed
    for entry in entries:
        pid = entry.name[len(WORK_PREFIX) :].partition("-")[0]
        if pid.isdigit() and entry.is_dir() and not process_alive(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def _create_temporary_file(suffix: str = "") -> str:
    """openpyxl's create_temporary_file, in this process's work folder (openpyxl removes the file at exit)."""
    fobj = tempfile.NamedTemporaryFile(mode="w+", suffix=suffix, prefix="openpyxl.", delete=False, dir=work_folder())
    fobj.close()
    _sheet_writer.ALL_TEMP_FILES.append(fobj.name)
    return fobj.name


_sheet_writer.create_temporary_file = _create_temporary_file  # WorksheetWriter looks it up at each new sheet


TEMP_STEM = 24  # characters of the target's name in its temporary file's name
PART_SUFFIX = ".xlsx.part"
_saves = itertools.count(1)  # two saves of one process to one target at once get two temporary files


def _part_prefix(path: Path) -> str:
    # the temporary name carries the start of the target's only: a target name near the file system's limit
    # (255 bytes: 80-odd Chinese characters) is legitimate, and its name with a prefix and suffix would not be
    return f".{path.stem[:TEMP_STEM]}."


def clear_stale_parts(path: Path) -> list[Path]:
    """Remove the temporary files of saves to `path` (same folder, same name start) whose process is gone: an
    export killed while it saved left one beside the user's file, and its random name was never cleared (a
    report of 100,000 members: tens of MB each time). A file of the earlier random naming is removed once it is a
    day old. Returns what was removed."""
    from desktop.paths import process_alive

    prefix = _part_prefix(path)
    removed: list[Path] = []
    try:
        entries = [p for p in path.parent.iterdir() if p.name.startswith(prefix) and p.name.endswith(PART_SUFFIX)]
    except OSError:
        return removed
    for part in entries:
        tag = part.name[len(prefix) : -len(PART_SUFFIX)]
        pid, _, n = tag.partition("-")
        try:
            if pid.isdigit() and n.isdigit():
                stale = not process_alive(int(pid))
            else:
                stale = time.time() - part.stat().st_mtime > 86_400
            if stale:
                part.unlink()
                removed.append(part)
        except OSError:
            continue
    return removed


def new_file_mode() -> int:
    """The mode a new file of this user gets: 0666 less the process's umask (0644 under the usual 022, 0600 under
    077). Read from /proc where there is one (changing the umask to read it is not thread-safe: the window saves
    on a worker thread)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def save_atomic(wb: Workbook, path: Path) -> Path:
    """Save to a temporary file beside `path`, fsync, then move it into place (os.replace is atomic).
    On any failure the temporary file is removed and the old file at `path` is left untouched."""
    path = check_target(path)
    clear_stale_parts(path)
    tmp = path.with_name(f"{_part_prefix(path)}{os.getpid()}-{next(_saves)}{PART_SUFFIX}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        raise QunDeskError(f"无法在该文件夹中写入 (cannot write in the folder) {path.parent}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            guard = _WriteGuard(fh)
            try:
                wb.save(guard)
            finally:
                guard.failed = True  # whatever openpyxl left open cannot write here any more
            fh.flush()
            os.fsync(fh.fileno())
        # the temporary file is private (0600) while written: give it the old file's mode, or a new file's under
        # the umask — a fixed 0644 made an owner's export of full phone numbers readable by every user of the machine
        # under `umask 077` (a shared server's cron job), where every other file of theirs, the backups too, is 0600
        os.chmod(tmp, (path.stat().st_mode & 0o777) if path.exists() else new_file_mode())
        try:
            os.replace(tmp, path)
        except PermissionError as exc:
            raise QunDeskError(
                f"无法替换目标文件, 它可能正在 Excel/WPS 中打开, 请关闭后重试 "
                f"(the target is open in another program or not writable): {path}"
            ) from exc
        except OSError as exc:
            raise QunDeskError(f"无法写入目标文件 (cannot write the target) {path}: {exc.strerror}") from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise QunDeskError(
                f"磁盘空间不足 (disk full), 未写入任何内容, 请腾出空间后重试 (the disk is full: nothing was written;"
                f" free some space and try again): {path}"
            ) from exc
        raise QunDeskError(f"无法写入文件 (cannot write) {path}: {exc.strerror or exc}") from exc
    finally:
        if tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                pass
    return path


def discard(wb: Workbook) -> None:
    """Remove the temporary files a write-only workbook keeps for its sheets when it is never saved."""
    for ws in getattr(wb, "_sheets", ()):
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        try:
            rows = getattr(ws, "_rows", None)
            if rows is not None:
                rows.close()
            writer.close()
            writer.cleanup()
        except Exception:  # best effort: openpyxl also removes them when the process exits
            pass
