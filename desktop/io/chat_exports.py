"""Chat-history exports read as one stream of rows, whatever the tool that wrote them (PRODUCT §3.8). No Qt, no
database. The formats, and where each detail was read in the exporters' source, are in docs/chat_formats.md.

`open_chat_export(path)` recognises the format from the file itself (never from its name) and returns a
`ChatSource` whose `rows()` yields one `ChatRow` per message, streamed: a million-message export is never
held in memory. A row's text is handed over only for what is derived from it (check-ins, joins, removals)
and is never stored.

Known formats (`FORMATS`): 留痕 (WeChatMsg) CSV, TXT and HTML, PyWxDump CSV, WeFlow .xlsx and TXT, ChatLab JSON
and JSONL, QQ 消息记录 TXT, QQ Chat Exporter (QCE) JSON, WhatsApp TXT (Android and iPhone). Anything else raises
ImportProblem naming the file and the formats known (留痕's Word export, a zipped chat and other web pages saying what
they are); so does an export of a one-to-one chat, or of several chats, where the file says so.

Times: every exporter writes the exporting PC's local wall-clock time (text formats) or epoch seconds that its
own viewer shows in the PC's zone (ChatLab). One rule for all: text times are used as written, epoch seconds are
shown in the community's zone (Settings → 社群时区: `models.community_zone.community()`, this computer's zone when the workspace
states none), unless the caller or the export states a zone — so the same messages land on the same day whichever
format they come in, and on the community's day wherever the laptop is (docs/chat_formats.md §10).

System rows (joins, removals, recalls, pats, renames, notices) have `system=True` and never count as
messages; `system_events(text)` reads joins and removals from their text."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any, NamedTuple

from desktop.io import zone as community_zone
from desktop.io.fields import ImportProblem

__all__ = [
    "FORMATS",
    "SELF",
    "ChatRow",
    "ChatSource",
    "SystemEvent",
    "local_zone",
    "open_chat_export",
    "system_events",
]

FORMATS: dict[str, str] = {
    "liuhen_csv": "留痕 (WeChatMsg) CSV",
    "liuhen_txt": "留痕 (WeChatMsg) TXT",
    "liuhen_html": "留痕 (WeChatMsg) HTML",
    "pywxdump_csv": "PyWxDump CSV",
    "weflow_xlsx": "WeFlow Excel",
    "weflow_txt": "WeFlow TXT",
    "chatlab_json": "ChatLab JSON",
    "chatlab_jsonl": "ChatLab JSONL",
    "qq_txt": "QQ 消息记录 TXT",
    "qce_json": "QQ Chat Exporter (QCE) JSON",
    "whatsapp_txt": "WhatsApp TXT",
    "whatsapp_ios_txt": "WhatsApp TXT (iPhone)",
}

DEFAULT_ZONE = "Asia/Shanghai"
SELF = "\x00self"  # a system text's 你/我: the exporting user
# The zone epoch seconds are shown in when neither the caller nor the export names one: None is the community's zone
# (models.community_zone.community(): the workspace's time_zone setting; this machine's zone when it has none). Tests pin it.
LOCAL_ZONE: tzinfo | None = None
# the formats whose times are epoch stamps, converted to a zone (the import's summary names it)
EPOCH_FORMATS = frozenset({"chatlab_json", "chatlab_jsonl", "qce_json", "liuhen_html"})


def local_zone(name: str = DEFAULT_ZONE) -> tzinfo:
    """The group's time zone (zoneinfo; a fixed UTC+8 where the zone database is missing, e.g. Windows
    without tzdata — China has had no daylight saving time since 1991)."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # ZoneInfoNotFoundError, or no zoneinfo at all
        return timezone(timedelta(hours=8), "UTC+8")


class ChatRow(NamedTuple):
    """One message or system notice of an export (a named tuple: the hot readers build it with
    `_row((…))`, half the cost of a call, for a million rows)."""

    at: datetime  # local wall-clock time
    sender_id: str | None  # wxid / QQ number / e-mail as the export wrote it (None: the format has none)
    names: tuple[str, ...]  # how the export names the sender: group nickname, nickname, remark, display name
    system: bool  # a notice (join, removal, recall, pat, rename …): never a message of anyone
    is_text: bool  # a plain text message (a check-in can only be one of these)
    text: str | None  # the text of a text message or a notice (read, never stored)
    is_self: bool  # written by (or, for notices, under the name of) the exporting user
    line: int  # the row (CSV, Excel) or line (TXT) where it starts, for messages


@dataclass
class ChatSource:
    """A recognised export: its format, the group's name and ID when the file gives them, and its rows."""

    path: Path
    format: str
    group_name: str | None = None
    group_id: str | None = None  # the chatroom's own id (…@chatroom) or QQ group
    self_id: str | None = None  # the exporting user's ID when the file names it up front
    zone: tzinfo | None = None  # the zone epoch times are shown in; None: this machine's local zone

    _reading: Any = field(default=None, init=False, repr=False, compare=False)  # the text file being read

    @property
    def label(self) -> str:
        return FORMATS[self.format]

    def track(self, handle: Any) -> Any:
        """The text file rows() reads, remembered for share_read()."""
        self._reading = handle
        return handle

    def share_read(self) -> float | None:
        """How much of the file rows() has read so far (0..1), for a progress bar that moves; None for the
        formats read another way (JSON and Excel exports) and before reading began."""
        handle = self._reading
        if handle is None or handle.closed:
            return None
        try:
            size = os.fstat(handle.buffer.fileno()).st_size
            return min(handle.buffer.tell() / size, 1.0) if size else None
        except (OSError, ValueError, AttributeError):
            return None

    def rows(self) -> Iterator[ChatRow]:
        reader = _READERS[self.format]
        try:
            yield from reader(self)
        except UnicodeDecodeError as exc:  # a file that changes encoding after its first 64 KB
            if exc.reason == "unexpected end of data" and _ends_mid_character(self.path):
                raise ImportProblem(
                    self.path.name,
                    None,
                    None,
                    "文件末尾被截断 (最后一个字只有一半), 最后一条消息不完整, 请重新导出 (the file is cut off inside its"
                    " last character: its last message is incomplete — export it again)",
                ) from None
            raise ImportProblem(
                self.path.name,
                None,
                None,
                "文件里有无法识别的字节，请用 UTF-8 或 GBK 编码重新保存"
                f" (bytes that are neither UTF-8 nor GBK at byte {exc.start} of a block: save it again as UTF-8)",
            ) from None


# ---------------------------------------------------------------- recognising a file

_STAMP = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"
_LIUHEN_CSV_HEADER = [
    "localId",
    "TalkerId",
    "Type",
    "SubType",
    "IsSender",
    "CreateTime",
    "Status",
    "StrContent",
    "StrTime",
    "Remark",
    "NickName",
    "Sender",
]
_PYWXDUMP_HEADER = ["id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "msg", "src", "CreateTime"]
_QQ_HEADER = "消息记录（此消息记录为文本格式，不支持重新导入）"
# shuakami/qq-chat-exporter (QCE): {"metadata":{"name":"QQChatExporter",…},"chatInfo":{…},"statistics":…,"messages":[…]}
_QCE_HEAD = re.compile(r'"metadata"\s*:\s*\{[^{}]*"QQChatExporter')
_WEFLOW_TXT_FIRST = re.compile(rf"^{_STAMP} '.*'$")
_LIUHEN_TXT_FIRST = re.compile(rf"^{_STAMP} \S")
# WhatsApp "Export chat" (section 12). Android: `12/3/26, 7:15 PM - Alice: checked in`; iPhone:
# `[03/12/2026, 19:15:02] Alice: checked in` (square brackets, seconds, U+200E marks). The phone's locale orders the
# date (M/D/YY in the US, DD/MM/YYYY elsewhere, 3.12.26 in Germany, 2026/12/3 year first in Chinese); newer versions
# put a narrow no-break space (U+202F) before AM/PM; a Chinese phone writes 上午/下午 before the time
_WHATSAPP_DATE = (
    r"(?:(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"|(?P<Y>\d{4})(?P<ysep>[/.])(?P<M>\d{1,2})(?P=ysep)(?P<D>\d{1,2}))"
)
_WHATSAPP_TIME = (
    r"(?P<cn>上午|下午)?(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2}))?"
    r"(?:[\s\u202f]?(?P<ap>[AaPp])\.?\s?[Mm]\.?)?"
)
_WHATSAPP_STAMP_RE = re.compile(rf"^[\u200e\u200f]?{_WHATSAPP_DATE},? {_WHATSAPP_TIME} - (?P<rest>.*)$")
_WHATSAPP_IOS_STAMP_RE = re.compile(rf"^[\u200e\u200f]?\[{_WHATSAPP_DATE},? {_WHATSAPP_TIME}\] (?P<rest>.*)$")
# a line that starts like a stamp (a date, then a time, then " - " or "] ") whatever the words around the time
_WHATSAPP_LIKE_RE = re.compile(
    r"^[\u200e\u200f]?\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4},?\s[^\n]{0,20}?\d{1,2}[:.]\d{2}[^\n-]{0,12}? - "
)
_WHATSAPP_IOS_LIKE_RE = re.compile(
    r"^[\u200e\u200f]?\[\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4},?\s[^\]\n]{0,20}?\d{1,2}[:.]\d{2}[^\]\n]{0,12}\] "
)


def _unknown(path: Path, why: str = "") -> ImportProblem:
    known = "、".join(FORMATS.values())
    detail = f"（{why}）" if why else ""
    return ImportProblem(
        path.name,
        None,
        None,
        f"不是可识别的聊天记录导出{detail}。支持的格式: {known} "
        f"(not a chat export QunDesk knows; known formats: {', '.join(FORMATS.values())})",
    )


def _head(path: Path, size: int = 65536) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise ImportProblem(path.name, None, None, f"无法读取文件 (cannot read): {exc.strerror or exc}") from None


def _decode_head(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start > len(data) - 4:  # a character cut by the end of the sample
            return data[: exc.start].decode("utf-8")
        return data.decode("gb18030", errors="replace")


def open_chat_export(path: str | Path, *, zone: tzinfo | None = None) -> ChatSource:
    """Recognise the export at `path` from its content; ImportProblem when it is none of FORMATS."""
    path = Path(path)
    if path.is_dir():
        # 留痕 writes a folder per chat (data/聊天记录/<remark>/ with <remark>_utf8.csv, .txt, .html …): say so,
        # and name the files in it that could be the export, instead of "no such file"
        inside = sorted(
            f.name
            for f in path.iterdir()
            if f.is_file() and f.suffix.lower() in (".csv", ".txt", ".json", ".jsonl", ".xlsx")
        )
        hint = f": {'、'.join(inside[:5])}" + (" …" if len(inside) > 5 else "") if inside else ""
        raise ImportProblem(
            path.name,
            None,
            None,
            f"这是一个文件夹, 请选择其中的导出文件 (a folder, not a file: pick the export in it){hint}",
        )
    if not path.is_file():
        raise ImportProblem(path.name, None, None, f"找不到文件 (no such file): {path}")
    data = _head(path)
    if not data.strip():
        raise _unknown(path, "文件是空的 (empty file)")
    source = ChatSource(path, "", zone=zone or LOCAL_ZONE or community_zone.community())
    if data.startswith(b"PK"):
        _sniff_xlsx(source)
        return source
    text = _decode_head(data)
    if _HTML_HEAD.match(text):
        _sniff_html(source, text)
        return source
    first = next((line.strip("\ufeff\r") for line in text.splitlines() if line.strip("\ufeff\r \t")), "")
    stripped = text.lstrip("\ufeff \r\n\t")
    if stripped.startswith("{") and first.startswith("{") and '"_type"' in first and '"header"' in first:
        source.format = "chatlab_jsonl"
    elif stripped.startswith("{") and re.search(r'"chatlab"\s*:\s*\{', text):
        source.format = "chatlab_json"
    elif stripped.startswith("{") and _QCE_HEAD.search(text) and '"chatInfo"' in text:
        source.format = "qce_json"
    elif first.startswith(_QQ_HEADER):
        source.format = "qq_txt"
    else:
        header = next(csv.reader(io.StringIO(first)), [])
        if [h.strip() for h in header] == _LIUHEN_CSV_HEADER:
            source.format = "liuhen_csv"
        elif [h.strip() for h in header] == _PYWXDUMP_HEADER:
            source.format = "pywxdump_csv"
        elif _WEFLOW_TXT_FIRST.match(first):
            source.format = "weflow_txt"
        elif _LIUHEN_TXT_FIRST.match(first) and _liuhen_txt_shape(text):
            source.format = "liuhen_txt"
        elif _WHATSAPP_STAMP_RE.match(first):
            source.format = "whatsapp_txt"
        elif _WHATSAPP_IOS_STAMP_RE.match(first):
            source.format = "whatsapp_ios_txt"
            source.group_name = _whatsapp_ios_group(text)
        else:
            raise _unknown(path)
    return source


def _liuhen_txt_shape(text: str) -> bool:
    """留痕 TXT: blocks of '<stamp> <name>' + content, separated by blank lines (a diary with dated lines is not)."""
    lines = text.splitlines()[:400]
    stamps = [i for i, line in enumerate(lines) if re.match(rf"^{_STAMP} ", line)]
    if len(stamps) < 2:
        return False
    blocks_ok = sum(1 for i in stamps[1:] if i >= 2 and not lines[i - 1].strip())
    return blocks_ok >= 0.8 * (len(stamps) - 1)


def _sniff_xlsx(source: ChatSource) -> None:
    try:
        with zipfile.ZipFile(source.path) as archive:
            names = archive.namelist()
            if "word/document.xml" in names:
                raise _word_document(source.path)
            chats = [n for n in names if n.rsplit("/", 1)[-1].lower().endswith(".txt")]
            if chats and "xl/workbook.xml" not in names:
                raise _zipped_chat(source.path, chats)
            workbook = archive.read("xl/workbook.xml").decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        raise _unknown(source.path, "不是有效的 .xlsx 文件 (not a valid .xlsx)") from None
    if "聊天记录" not in workbook or not any(n.startswith("xl/worksheets/") for n in names):
        raise _unknown(source.path, "没有“聊天记录”工作表 (no 聊天记录 sheet)")
    source.format = "weflow_xlsx"


def _ends_mid_character(path: Path) -> bool:
    """The file's last bytes are the start of a UTF-8 character whose end is missing: a copy that stopped."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            handle.seek(max(0, handle.tell() - 4))
            tail = handle.read()
    except OSError:
        return False
    for start in range(len(tail)):
        lead = tail[start]
        need = 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if 0xF0 <= lead < 0xF8 else 0
        if need and len(tail) - start < need and all(0x80 <= b < 0xC0 for b in tail[start + 1 :]):
            return True
    return False


def _word_document(path: Path) -> ImportProblem:
    """A Word file: 留痕's Word export (exporter_docx.py) shows each sender as an avatar picture, no name, and a time
    only where five minutes have passed — nothing in it says who wrote a message, or exactly when."""
    return ImportProblem(
        path.name,
        None,
        None,
        "这是 Word 文档 (.docx)。留痕的 Word 导出只有头像没有发言人名字, 时间也只是每隔 5 分钟一个, 无法知道每条消息是谁"
        "在哪天发的 — 请在留痕里把这个群导出为 CSV (或 TXT、HTML) 再导入 (a Word document: 留痕's Word export shows"
        " each sender as a picture, with no name, and a time only every five minutes, so no message can be credited"
        " to anyone — export the chat as CSV, TXT or HTML instead)",
    )


def _zipped_chat(path: Path, chats: list[str]) -> ImportProblem:
    """A zip holding a chat export (the iPhone's WhatsApp shares `WhatsApp Chat - <group>.zip` with `_chat.txt`)."""
    inner = chats[0].rsplit("/", 1)[-1]
    return ImportProblem(
        path.name,
        None,
        None,
        f"这是一个压缩包, 里面有 {inner} — 请先解压, 再选择 {inner} 导入 (a zip archive holding {inner}: unzip it and"
        f" import {inner})",
    )


# 留痕 HTML (section 2a): the messages are a JavaScript array in the page, `const chatMessages = [ {…},{…}, ];`
_HTML_HEAD = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)
_LIUHEN_HTML_ARRAY = "const chatMessages = ["
_HTML_TITLE_RE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def _sniff_html(source: ChatSource, head: str) -> None:
    """留痕's HTML export (its template.html with the messages written between `const chatMessages = [` and `];`):
    read. Any other web page — a chat saved from a browser, another tool's HTML — is refused, naming what it is."""
    if _LIUHEN_HTML_ARRAY not in head and not _file_holds(source.path, _LIUHEN_HTML_ARRAY):
        raise _unknown(
            source.path,
            "这是一个网页 (HTML), 但不是 QunDesk 认识的留痕 HTML 导出 (只认识开源版留痕写的网页); 请导出 CSV、TXT 或 JSON "
            "(a web page, but not the 留痕 HTML export QunDesk knows — that of the open-source 留痕: export the chat as"
            " CSV, TXT or JSON)",
        )
    source.format = "liuhen_html"
    title = _HTML_TITLE_RE.search(head)
    if title is not None and title.group(1).strip() not in ("", "出错了"):
        source.group_name = html.unescape(title.group(1).strip())


def _file_holds(path: Path, needle: str, limit: int = 4 << 20) -> bool:
    """Whether the first `limit` bytes of the file hold `needle` (the template's style sheet is ~30 KB)."""
    try:
        with open(path, "rb") as handle:
            return needle.encode("utf-8") in handle.read(limit)
    except OSError:
        return False


# ---------------------------------------------------------------- helpers

_REVOKE_RE = re.compile(r"</?revokemsg>|<!\[CDATA\[|\]\]>|\s*<a href=\"weixin://revoke_edit_click\">[^<]*</a>")


def _clean_notice(text: str) -> str:
    return _REVOKE_RE.sub("", text or "").strip()


def _parse_local(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)  # C-fast for the usual "YYYY-MM-DD HH:MM:SS"
    except (TypeError, ValueError):
        pass
    text = (text or "").strip()
    # Excel, saving a CSV again, writes its own display of the time: 2026/11/6 6:15 (no seconds, no padding)
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _private_chat(source: ChatSource, line: int | None, who: str | None) -> ImportProblem:
    """The export says it is a one-to-one chat: its messages are no group's participation."""
    name = f"「{who}」" if who else ""
    return ImportProblem(
        source.path.name,
        line,
        None,
        f"这是与{name or '某人'}的私聊记录, 不是群聊 — 请导出群的聊天记录 "
        f"(a private chat{' with ' + who if who else ''}, not a group's: export the group's chat)",
    )


def _bad_row(source: ChatSource, line: int, what: str) -> ImportProblem:
    return ImportProblem(source.path.name, line, None, what)


def _cut_off(path: Path) -> bool:
    """The file does not end with a line break: both CSV writers end every row with one, so it was cut off
    (a copy or download that stopped) — its last row may have lost its end (a sender's ID cut to wxid_d4)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - 16))
            tail = handle.read().rstrip(b" \t\x00")
    except OSError:
        return False
    return bool(tail) and not tail.endswith(b"\n")


def _short_row(source: ChatSource, line: int, columns: int) -> str:
    if _cut_off(source.path):
        return (
            f"第{line}行起的这条记录不完整, 文件在这里被截断了, 请重新导出 "
            f"(the row starting at line {line} is incomplete: the file is cut off there — export it again)"
        )
    return f"第{line}行只有 {columns} 列 (row {line} has {columns} columns)"


def _check_last_row(source: ChatSource, line: int | None) -> None:
    """A CSV export cut off inside its last row: refused, naming the row (never a sender made of half an ID)."""
    if line is not None and _cut_off(source.path):
        raise _bad_row(
            source,
            line,
            f"文件在第{line}行起的最后一条记录中间被截断, 请重新导出 "
            f"(the file is cut off inside its last row, starting at line {line} — export it again)",
        )


def _open_text(path: Path):
    """A text file for streaming: UTF-16 with a BOM, UTF-8 (BOM or not) when its first 64 KB are UTF-8,
    else GB18030 (QQ on older Windows)."""
    data = _head(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return open(path, encoding="utf-16", newline="")
    try:
        data.decode("utf-8")
        encoding = "utf-8-sig"
    except UnicodeDecodeError as exc:
        encoding = "utf-8-sig" if exc.start > len(data) - 4 else "gb18030"
    return open(path, encoding=encoding, newline="")


# ---------------------------------------------------------------- 留痕 CSV

_LIUHEN_SYSTEM_TYPES = {"10000", "10002"}


def _read_liuhen_csv(source: ChatSource) -> Iterator[ChatRow]:
    fromisoformat = datetime.fromisoformat
    new_row = tuple.__new__
    names_of: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    with source.track(_open_text(source.path)) as handle:  # UTF-8 as written; GB18030 once Excel has saved it again
        reader = csv.reader(handle)
        next(reader, None)
        end, line = reader.line_num, None
        for record in reader:
            line, end = end + 1, reader.line_num  # the row starts on the line after the previous one ended
            if len(record) < 12:
                if not any(record):
                    continue
                raise _bad_row(source, line, _short_row(source, line, len(record)))
            type_, is_sender, content, strtime = record[2], record[4], record[7], record[8]
            remark, nickname, sender = record[9], record[10], record[11]
            try:
                at = fromisoformat(strtime)
            except ValueError:
                at = _parse_local(strtime)
                if at is None:
                    raise _bad_row(
                        source, line, f"第{line}行 StrTime 不是时间 (row {line}: StrTime is not a time)"
                    ) from None
            system = type_ in _LIUHEN_SYSTEM_TYPES
            is_text = type_ == "1"
            cached = names_of.get(sender)  # a sender's names are the same on every row of an export
            if cached is not None and cached[0] == remark and cached[1] == nickname:
                names = cached[2]
            else:
                if remark == nickname:
                    names = (remark,) if remark else ()
                else:
                    names = (remark, nickname) if remark and nickname else ((remark or nickname),)
                names_of[sender] = (remark, nickname, names)
            # a bare tuple: this loop runs a million times for a year of a big group
            yield new_row(
                ChatRow,
                (
                    at,
                    sender or None,
                    names,
                    system,
                    is_text,
                    _clean_notice(content) if system else (content if is_text else None),
                    is_sender == "1",
                    line,
                ),
            )
        _check_last_row(source, line)


# ---------------------------------------------------------------- 留痕 TXT and WeFlow TXT

_LIUHEN_STAMP_RE = re.compile(rf"^({_STAMP}) (.*)$")
_WEFLOW_STAMP_RE = re.compile(rf"^({_STAMP}) '(.*)'$")
# what a TXT export writes instead of a message that is not typed text. WeFlow (ExportContext.formatPlainExportContent,
# fileAppParser, forwardRecordParser, transferParser) also writes a sticker with its caption ([表情包：打卡]), a
# forwarded chat record with the forwarded lines under it ([转发的聊天记录]…), a group announcement ([群公告]…), a
# received transfer ([转账收款]…), a song ([音乐]…) and a voice it could not transcribe ([语音消息 - 转文字失败]):
# none of them is the sender's own words, so none can be their check-in
_PLACEHOLDER_RE = re.compile(
    r"^\[(?:图片|语音|视频|表情包|表情|文件|音乐分享|音乐|链接|其他消息|语音消息|位置|名片|小程序|聊天记录|转发的聊天记录"
    r"|转账|转账收款|红包|群公告)\]"
    r"|^\[(?:表情包[：:]|语音消息 - )[^\]\n]*\]"
)
# QQ writes a picture or a sticker sent with text inline ("[图片]打卡第5天"): the text is typed, the token is not
_QQ_INLINE_RE = re.compile(r"\[(?:图片|表情)\]")
# QQ's other placeholders (ChatLab's qq-native-txt.ts reads them so: *unverified*, QQ is closed): a forwarded chat
# record ([转发], [聊天记录]), a shared card or mini-program ([分享]小打卡｜第5天, [卡片消息]…), a poke, a recall, a
# location, a call — a message of its sender, never words they typed (a check-in app's card titled 打卡 included)
_QQ_PLACEHOLDER_RE = re.compile(
    r"^\[(?:转发|分享|卡片消息|拍一拍|戳一戳|撤回|地理位置|语音通话|视频通话|小程序|音乐)\]"
)
# QQ's reply: a block whose first line starts `[回复]` (ChatLab's qq-native-txt.ts; `[回复 王芳: 打卡]` alike). Where
# its quote ends is not known from any sample (*unverified*): the first line is taken as the quote, the lines under
# it as the reply's own words — a reply QQ wrote on that line too loses its 打卡, never credits the quoted one's
_QQ_REPLY_RE = re.compile(r"^\[回复[\]\s]")
_ESCAPES = {"\\'": "'", '\\"': '"', "\\\\": "\\", "\\n": " ", "\\t": " "}
_ESCAPE_RE = re.compile(r"\\['\"\\nt]")


def _unescape_liuhen(name: str) -> str:
    name = _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], name)
    return name.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _txt_blocks(source: ChatSource, stamp_re: re.Pattern[str]) -> Iterator[tuple[int, datetime, str, list[str]]]:
    """(line, time, rest of the stamp line, content lines) per block; trailing blank lines are dropped. Both
    writers end every block with an empty line, so a stamp line right under a line of text is that message's
    content (a member pasting `2026-11-06 06:30:00 芳芳` into a message), never a message of its own."""
    current: tuple[int, datetime, str] | None = None
    content: list[str] = []
    with source.track(_open_text(source.path)) as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            match = stamp_re.match(line)
            if match is not None and (current is None or not content or not content[-1].strip()):
                at = _parse_local(match.group(1))
                if at is not None:
                    if current is not None:
                        yield (*current, _trim_blank(content))
                    current, content = (number, at, match.group(2)), []
                    continue
            if current is not None:
                content.append(line)
        if current is not None:
            yield (*current, _trim_blank(content))


def _trim_blank(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


_QUOTE_OPEN = "[引用 "  # WeFlow: {reply}[引用 {quoted sender}：{quoted preview}] — the preview may hold "]" ([强])


def _cut_quote_tail(text: str) -> str:
    """WeFlow's reply without its quote: everything from the first `[引用 ` when the text ends with `]` (the quoted
    preview may itself hold brackets — WeChat's [强] emoji, a quoted [图片] — or a quote of its own)."""
    start = text.find(_QUOTE_OPEN)
    if start < 0 or not text.rstrip().endswith("]"):
        return text
    return text[:start]


_PYWXDUMP_REPLY_RE = re.compile(r"\s*\[引用\]\(")  # PyWxDump: {reply}\n\n[引用]({time}){name}:{text}


def reply_text(text: str) -> str:
    """A reply's own text: the quoted part (WeFlow's trailing `[引用 …]`, PyWxDump's `[引用](…)…`) cut off."""
    match = _PYWXDUMP_REPLY_RE.search(text)
    if match is not None:
        text = text[: match.start()]
    return _cut_quote_tail(text).strip()


def _typed_text(content: list[str], *, qq: bool = False) -> str | None:
    """What a person typed in a TXT block: the text, a reply's own text (留痕 `引用:` line, WeFlow `[引用 …]` —
    the quoted part never); None for a placeholder or a link block. `qq`: a QQ block, where a picture or sticker
    sent with text stands inline ([图片]打卡第5天 is typed text; a bare [图片] is not), a reply's first line is its quote
    and the placeholders of cards, forwards and pokes are no text."""
    if not content or not content[0].strip():
        return None
    if qq and _QQ_PLACEHOLDER_RE.match(content[0].strip()):
        return None
    if qq and _QQ_REPLY_RE.match(content[0].strip()):  # the quote's line is the quoted person's words
        content = content[1:]
        while content and not content[0].strip():
            content = content[1:]
        if not content:
            return None
    if qq and _QQ_INLINE_RE.match(content[0].strip()):
        rest = _QQ_INLINE_RE.sub("", "\n".join(content)).strip()
        return "\n".join(content) if rest and not _PLACEHOLDER_RE.match(rest) else None
    first = content[0].strip()
    if _PLACEHOLDER_RE.match(first) or content[0].startswith("            ["):
        return None
    for i, line in enumerate(content[1:], start=1):
        if line.startswith("引用:"):  # 留痕: {reply}\n引用:{quoted name}:{quoted text}
            content = _trim_blank(content[:i])
            break
    text = "\n".join(content)
    if "[引用 " in content[-1] or "[引用 " in text:
        text = _cut_quote_tail(text).rstrip()
    return text if text.strip() else None


def _read_liuhen_txt(source: ChatSource) -> Iterator[ChatRow]:
    for line, at, rest, content in _txt_blocks(source, _LIUHEN_STAMP_RE):
        if not content:  # '<stamp> <notice>' then a blank line: a system row
            yield ChatRow(at, None, (), True, False, _clean_notice(rest), False, line)
            continue
        name = _unescape_liuhen(rest.strip())
        typed = _typed_text(content)
        yield ChatRow(at, None, (name,), False, typed is not None, typed, False, line)


def _read_weflow_txt(source: ChatSource) -> Iterator[ChatRow]:
    for line, at, name, content in _txt_blocks(source, _WEFLOW_STAMP_RE):
        text = "\n".join(content)
        if is_system_text(text):
            # WeFlow files notices under the exporting user's own name (pats under the group's name, others'
            # recalls perhaps under the revoker's): only the other notices say who exported the chat
            yield ChatRow(at, None, (name,), True, False, text, names_exporter(text), line)
            continue
        typed = _typed_text(content)
        yield ChatRow(at, None, (name,), False, typed is not None, typed, False, line)


# ---------------------------------------------------------------- PyWxDump CSV

_PYWXDUMP_SYSTEM = {"系统通知", "拍一拍", "邀请加群", "未知-11000,0"}


def _pywxdump_names(path: Path) -> dict[str, tuple[str, ...]]:
    """users.json beside the CSV (PyWxDump writes it): wxid -> (remark, nickname)."""
    users = path.with_name("users.json")
    if not users.is_file():
        return {}
    try:
        data = json.loads(users.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, tuple[str, ...]] = {}
    if isinstance(data, dict):
        for wxid, info in data.items():
            if isinstance(info, dict):
                out[str(wxid)] = tuple(str(info[k]) for k in ("remark", "nickname") if info.get(k))
    return out


def _read_pywxdump_csv(source: ChatSource) -> Iterator[ChatRow]:
    names = _pywxdump_names(source.path)
    with source.track(_open_text(source.path)) as handle:
        reader = csv.reader(handle)
        next(reader, None)
        end, line = reader.line_num, None
        for record in reader:
            line, end = end + 1, reader.line_num  # the row starts on the line after the previous one ended
            if len(record) < 9:
                if not any(record):
                    continue
                raise _bad_row(source, line, _short_row(source, line, len(record)))
            _id, _svr, type_name, is_sender, talker, room, msg, _src, created = record[:9]
            at = _parse_local(created)
            if at is None:
                raise _bad_row(source, line, f"第{line}行 CreateTime 不是时间 (row {line}: CreateTime is not a time)")
            source.group_id = source.group_id or room or None
            if room and not room.endswith("@chatroom"):  # a friend's wxid: a private chat
                raise _private_chat(source, line, room)
            system = type_name in _PYWXDUMP_SYSTEM or type_name.startswith("消息撤回") or talker == "系统"
            is_text = type_name in ("文本", "引用回复") and not system  # a reply's own text is typed text
            if is_text and type_name == "引用回复":
                msg = reply_text(msg)
            sender = None if talker in ("系统", "未知") else talker.strip() or None
            if sender == "我" and is_sender.strip() == "1":  # export_csv()'s default my_wxid: no ID, the exporter
                sender = SELF
            yield ChatRow(
                at=at,
                sender_id=sender,
                names=("我",) if sender == SELF else names.get(sender or "", ()),
                system=system,
                is_text=is_text,
                text=_clean_notice(msg) if system else (msg if is_text else None),
                is_self=is_sender.strip() == "1",
                line=line,
            )
        _check_last_row(source, line)


# ---------------------------------------------------------------- WeFlow Excel

_WEFLOW_COLUMNS = (
    "序号",
    "时间",
    "发送者昵称",
    "发送者微信ID",
    "发送者备注",
    "群昵称",
    "发送者身份",
    "消息类型",
    "内容",
)


def _read_weflow_xlsx(source: ChatSource) -> Iterator[ChatRow]:
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = load_workbook(source.path, read_only=True, data_only=True)
    try:
        if "聊天记录" not in workbook.sheetnames:
            raise _unknown(source.path, "没有“聊天记录”工作表 (no 聊天记录 sheet)")
        sheet = workbook["聊天记录"]
        columns: dict[str, int] | None = None
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = ["" if v is None else v for v in values]
            if columns is None:
                texts = [str(c).strip() for c in cells]
                if texts[:1] == ["微信ID"] and len(texts) > 1:
                    source.group_id = str(cells[1]).strip() or None
                    if source.group_id and not source.group_id.endswith("@chatroom"):  # a friend's wxid
                        name = next((texts[i + 1] for i, t in enumerate(texts[:-1]) if t == "昵称"), None)
                        raise _private_chat(source, number, name or source.group_id)
                if "昵称" in texts:
                    i = texts.index("昵称")
                    if i + 1 < len(texts) and texts[i + 1]:
                        source.group_name = texts[i + 1]
                if texts[:2] == ["序号", "时间"]:
                    columns = {name: texts.index(name) for name in _WEFLOW_COLUMNS if name in texts}
                continue
            if not any(str(c).strip() for c in cells):
                continue
            yield _weflow_row(source, columns, cells, number)
        if columns is None:
            raise _unknown(source.path, "“聊天记录”工作表里没有 序号/时间 表头 (no header row)")
    finally:
        workbook.close()


def _cell(cells: list, columns: dict[str, int], name: str) -> str:
    i = columns.get(name)
    if i is None or i >= len(cells):
        return ""
    value = cells[i]
    return value.strftime("%Y-%m-%d %H:%M:%S") if isinstance(value, datetime) else str(value).strip()


def _weflow_row(source: ChatSource, columns: dict[str, int], cells: list, number: int) -> ChatRow:
    at = _parse_local(_cell(cells, columns, "时间"))
    if at is None:
        raise _bad_row(source, number, f"第{number}行 时间 不是时间 (row {number}: 时间 is not a time)")
    kind = _cell(cells, columns, "消息类型")
    text = _cell(cells, columns, "内容")
    sender = _cell(cells, columns, "发送者微信ID") or None
    group_row = bool(sender and (sender == source.group_id or sender.endswith("@chatroom")))
    system = kind == "系统消息" or (group_row and is_system_text(text)) or (kind == "其他消息" and "拍了拍" in text)
    names = tuple(
        n for n in (_cell(cells, columns, c) for c in ("群昵称", "发送者昵称", "发送者备注", "发送者身份")) if n
    )
    is_text = kind in ("文本消息", "引用消息") and not system  # a reply's own text is typed text
    if is_text and kind == "引用消息":
        text = reply_text(text)
    return ChatRow(
        at=at,
        sender_id=sender,
        names=names,
        system=system,
        is_text=is_text,
        text=text if (system or is_text) else None,
        # notices under the exporting user's own wxid — but not others' recalls (under the revoker's) nor pats
        is_self=system and not group_row and sender is not None and names_exporter(text),
        line=number,
    )


# ---------------------------------------------------------------- ChatLab JSON / JSONL

_CHATLAB_SYSTEM_TYPES = {22, 80, 81}
_MS_STAMP = 100_000_000_000  # seconds reach this in the year 5138: a larger stamp is milliseconds
_CHATLAB_TEXT_TYPES = {0, 25}  # TEXT, REPLY (its content is the reply's own text)


def _epoch_local(source: ChatSource, stamp: float, line: int) -> datetime:
    """Epoch seconds (or milliseconds: 13 digits, where some writers put them) as local wall-clock time."""
    if stamp >= _MS_STAMP:  # milliseconds (13 digits) where the standard says seconds: some writers do
        stamp /= 1000
    zone = source.zone
    try:
        if zone is None:  # this machine's local zone, like the wall-clock times of every other format
            return datetime.fromtimestamp(stamp).replace(microsecond=0)
        return datetime.fromtimestamp(stamp, zone).replace(tzinfo=None, microsecond=0)  # as fast as the local one
    except (ValueError, OverflowError, OSError):  # NaN, or a year no calendar holds
        raise _bad_row(
            source, line, f"第{line}条消息的 timestamp 不是时间 (message {line}: timestamp {stamp!r} is not a time)"
        ) from None


def _chatlab_member_names(member: dict) -> tuple[str, ...]:
    names = [member.get("groupNickname"), member.get("accountName"), *(member.get("aliases") or [])]
    return tuple(dict.fromkeys(str(n) for n in names if n))


def _chatlab_row(source: ChatSource, message: dict, members: dict[str, tuple[str, ...]], line: int) -> ChatRow:
    try:
        stamp = float(message["timestamp"])
        type_ = int(message.get("type", 0))
    except (KeyError, TypeError, ValueError):
        raise _bad_row(source, line, f"第{line}条消息缺少 timestamp/type (message {line}: no timestamp/type)") from None
    at = _epoch_local(source, stamp, line)
    sender = str(message.get("sender") or "") or None
    # the chatroom's own rows (notices, WeFlow's pats as type 7): a `…@chatroom` sender is the group, never a person,
    # whether or not meta gives its groupId (optional in the standard)
    group_row = sender is not None and (sender == source.group_id or sender.endswith("@chatroom"))
    system = type_ in _CHATLAB_SYSTEM_TYPES or group_row
    names = tuple(
        dict.fromkeys(
            str(n)
            for n in (message.get("groupNickname"), message.get("accountName"), *members.get(sender or "", ()))
            if n
        )
    )
    content = message.get("content")
    text = str(content) if content is not None else None
    # a writer that files a forwarded chat record, a card or a red packet as text writes its placeholder first
    # ([转发的聊天记录]群聊的聊天记录 and the forwarded lines — other people's words): a message, never typed text
    is_text = type_ in _CHATLAB_TEXT_TYPES and not system and not (text and _PLACEHOLDER_RE.match(text.lstrip()))
    if is_text and type_ == 25 and text:
        text = reply_text(text)
    return ChatRow(
        at=at,
        sender_id=None if group_row else sender,
        names=() if group_row else names,
        system=system,
        is_text=is_text,
        text=text if (system or is_text) else None,
        is_self=system and not group_row and sender is not None and names_exporter(text),  # one's own recall
        line=line,
    )


def _chatlab_meta(source: ChatSource, meta: dict) -> None:
    if isinstance(meta, dict):
        if str(meta.get("type") or "").lower() == "private":
            raise _private_chat(source, None, meta.get("name"))
        source.group_name = meta.get("name") or source.group_name
        source.group_id = meta.get("groupId") or source.group_id
        source.self_id = meta.get("ownerId") or source.self_id


def _json_object(source: ChatSource) -> dict:
    """The export's JSON document (an object), or the error naming the file and the line that is not JSON."""
    try:
        with open(source.path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _bad_row(source, getattr(exc, "lineno", None) or 0, f"JSON 格式错误 (bad JSON): {exc}") from None
    if not isinstance(data, dict):
        raise _unknown(source.path)
    return data


def _read_chatlab_json(source: ChatSource) -> Iterator[ChatRow]:
    data = _json_object(source)
    _chatlab_meta(source, data.get("meta") or {})
    members = {
        str(m.get("platformId")): _chatlab_member_names(m) for m in data.get("members") or [] if isinstance(m, dict)
    }
    for number, message in enumerate(data.get("messages") or [], start=1):
        if isinstance(message, dict):
            yield _chatlab_row(source, message, members, number)


def _read_chatlab_jsonl(source: ChatSource) -> Iterator[ChatRow]:
    members: dict[str, tuple[str, ...]] = {}
    with open(source.path, encoding="utf-8-sig") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                raise _bad_row(source, number, f"第{number}行不是 JSON (line {number} is not JSON)") from None
            kind = obj.get("_type") if isinstance(obj, dict) else None
            if kind == "header":
                _chatlab_meta(source, obj.get("meta") or {})
            elif kind == "member":
                members[str(obj.get("platformId"))] = _chatlab_member_names(obj)
            elif kind == "message":
                yield _chatlab_row(source, obj, members, number)


# ---------------------------------------------------------------- QQ Chat Exporter (QCE) JSON

# QCE's message types (qq-chat-export-server parser `get_message_type_string`): text / reply carry typed text; file,
# video, audio, forward, json (cards), system and type_N do not
_QCE_TEXT_TYPES = {"text", "reply"}
_QCE_NOT_TEXT_ELEMENTS = {"forward", "json", "market_face", "file", "video", "audio", "location", "system"}


def _qce_row(source: ChatSource, message: dict, line: int) -> ChatRow:
    raw = message.get("timestamp")
    try:
        if isinstance(raw, str) and not raw.strip().isdigit():  # an older version: an ISO time
            aware = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
            stamp = aware.timestamp() if aware.tzinfo else aware.replace(tzinfo=UTC).timestamp()
        else:
            stamp = float(raw)
    except (TypeError, ValueError):
        raise _bad_row(source, line, f"第{line}条消息缺少 timestamp (message {line}: no timestamp)") from None
    at = _epoch_local(source, stamp, line)
    sender = message.get("sender") if isinstance(message.get("sender"), dict) else {}
    content = message.get("content") if isinstance(message.get("content"), dict) else {}
    text = str(content.get("text") or "")
    system = bool(message.get("system") or message.get("isSystemMessage"))
    if system:  # a gray tip (joins, recalls, pokes, calls): its sender is QCE's placeholder or the operator
        return ChatRow(at, None, (), True, False, text, False, line)
    if message.get("recalled") or message.get("isRecalled"):  # recalled: WeChat's exports keep only the notice
        return ChatRow(at, None, (), True, False, None, False, line)
    uin = str(sender.get("uin") or "").strip()
    uid = str(sender.get("uid") or "").strip()
    sender_id = uin if uin and uin != "0" else (uid if uid and uid != "未知" else None)
    names = tuple(
        dict.fromkeys(
            str(n).strip()
            for n in (sender.get("groupCard"), sender.get("nickname"), sender.get("remark"), sender.get("name"))
            if n and str(n).strip() and str(n).strip() not in (uin, uid)
        )
    )
    kinds = {str(e.get("type")) for e in content.get("elements") or [] if isinstance(e, dict)}
    is_text = str(message.get("type") or "text") in _QCE_TEXT_TYPES and not (kinds & _QCE_NOT_TEXT_ELEMENTS)
    is_text = is_text and bool(text.strip())
    self_id = source.self_id
    return ChatRow(
        at, sender_id, names, False, is_text, text if is_text else None, bool(self_id and uin == self_id), line
    )


def _read_qce_json(source: ChatSource) -> Iterator[ChatRow]:
    data = _json_object(source)
    chat = data.get("chatInfo") if isinstance(data.get("chatInfo"), dict) else {}
    source.group_name = str(chat.get("name") or "").strip() or source.group_name
    source.self_id = str(chat.get("selfUin") or "").strip() or source.self_id
    if str(chat.get("type") or "group").lower() != "group":  # private, friend, temp: one-to-one chats
        raise _private_chat(source, None, source.group_name)
    for number, message in enumerate(data.get("messages") or [], start=1):
        if isinstance(message, dict):
            yield _qce_row(source, message, number)


# ---------------------------------------------------------------- QQ 消息记录 TXT

# the time as the PC's locale writes it: `6:15:20`, English `6:15:20 PM`, and Windows' 上午/下午 (tt) before or after it
# (a Taiwanese or customised Chinese locale: `下午 06:15:20`)
_QQ_STAMP_RE = re.compile(
    r"^(?P<d>\d{4}-\d{2}-\d{2}) (?:(?P<cn>上午|下午) ?)?(?P<t>\d{1,2}:\d{2}:\d{2})"
    r"(?: ?(?P<ampm>[AaPp][Mm]|上午|下午))? (?P<who>.+?)\s*$"
)
# a line that starts like a message's header — a date, a time somewhere after it, a name ending in (QQ号) or <e-mail>
# — that _QQ_STAMP_RE cannot read (`2026/11/05 …`, `晚上 6:10:00`): read as the message above's text it would make its
# sender the next sender's 打卡; refused, naming the line
_QQ_LIKE_RE = re.compile(
    r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s[^\n]{0,12}?\d{1,2}[:：]\d{2}[^\n]*?(?:\(\d{4,12}\)|<[^<>\s]+@[^<>\s]+>)\s*$"
)
_QQ_ID_RE = re.compile(r"(?:\((?P<qq>\d{4,12})\)|<(?P<mail>[^<>\s]+@[^<>\s]+)>)$")
_QQ_TITLE_RE = re.compile(r"^(?:【[^】]*】)+")
_QQ_SYSTEM_IDS = {"10000", "1000000"}
# QQ's anonymous chat: every anonymous message under this number, with a name drawn at random (`疯狂的蜗牛`) — which
# may be a member's nickname, and is no one to add. Read as the name ANONYMOUS, which matches and adds no one
_QQ_ANONYMOUS = "80000000"
ANONYMOUS = "匿名"


def _qq_time(match: re.Match[str]) -> datetime | None:
    try:
        hour, minute, second = (int(x) for x in match["t"].split(":"))
        day = datetime.strptime(match["d"], "%Y-%m-%d")
    except ValueError:
        return None
    said = match["cn"] or match["ampm"] or ""
    ampm = {"上午": "am", "下午": "pm"}.get(said, said.lower())
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return day.replace(hour=hour, minute=minute, second=second)


def _read_qq_txt(source: ChatSource) -> Iterator[ChatRow]:
    current: tuple[int, datetime, str | None, str, bool] | None = None
    content: list[str] = []
    chats: list[str] = []  # the 消息对象 blocks seen: one chat per file
    previous = ""

    def finish() -> ChatRow | None:
        if current is None:
            return None
        line, at, sender, name, system = current
        lines = _trim_blank(list(content))
        text = "\n".join(lines)
        if system:
            return ChatRow(at, None, (), True, False, text, False, line)
        typed = _typed_text(lines, qq=True)
        return ChatRow(at, sender, (name,) if name else (), False, typed is not None, typed, False, line)

    with source.track(_open_text(source.path)) as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n").lstrip("\ufeff")
            header = previous.startswith("=====")  # 消息分组/消息对象 lines sit between rules of "="
            previous = line
            if header and line.startswith("消息分组:"):
                continue
            if header and line.startswith("消息对象:"):
                chat = line.split(":", 1)[1].strip()
                if chats and chat not in chats:
                    # "export all messages": every chat (groups, friends) in one file — read into one group they
                    # would credit other chats' messages to it. Name them all
                    chats.append(chat)
                    for rest in handle:
                        rest = rest.rstrip("\r\n")
                        if previous.startswith("=====") and rest.startswith("消息对象:"):
                            chats.append(rest.split(":", 1)[1].strip())
                        previous = rest
                    named = list(dict.fromkeys(chats))
                    raise _bad_row(
                        source,
                        number,
                        f"文件里有 {len(named)} 个聊天 ({'、'.join(named)}), 请在 QQ 里只导出这个群的消息记录 "
                        f"(the file holds {len(named)} chats — {', '.join(named)}: export this group's alone)",
                    )
                chats.append(chat)
                source.group_name = chat or source.group_name
                continue
            # a message starts after an empty line (QQ ends each with one): a header-like line under text is content
            starts = current is None or not content or not content[-1].strip()
            match = _QQ_STAMP_RE.match(line) if starts else None
            at = _qq_time(match) if match else None
            if starts and at is None and _QQ_LIKE_RE.match(line):
                raise _bad_row(
                    source,
                    number,
                    f"第{number}行像一条消息的开头, 但读不出它的日期或时间: {line.strip()[:60]} — 请重新导出或修改这一行 "
                    f"(line {number} starts like a message but its date or time cannot be read: edit it, or export"
                    " again)",
                )
            if match is not None and at is not None:
                row = finish()
                if row is not None:
                    yield row
                who = match["who"]
                ident = _QQ_ID_RE.search(who)
                sender = (ident["qq"] or ident["mail"]) if ident else None
                name = who[: ident.start()].strip() if ident else who.strip()
                name = _QQ_TITLE_RE.sub("", name).strip()
                if sender == _QQ_ANONYMOUS:  # every anonymous poster, under a name QQ drew at random: nobody
                    sender, name = None, ANONYMOUS
                system = sender in _QQ_SYSTEM_IDS or (name.startswith("系统消息") and sender is None)
                current, content = (number, at, sender, name, system), []
                continue
            if current is not None and not line.startswith("====="):
                content.append(line)
        row = finish()
        if row is not None:
            yield row


# ---------------------------------------------------------------- WhatsApp TXT ("Export chat", without media)

# a line after the stamp that is no one's message though it holds ": " (a subject or description quoting one)
_WHATSAPP_SYSTEM_RE = re.compile(
    r"^(?:.+? (?:changed (?:the subject|this group|the group)|created (?:group|this group)|deleted this group)|"
    r"Messages and calls are end-to-end encrypted|Messages to this group are now|消息和通话已进行端到端加密)"
)
# a message whose text is WhatsApp's own: deleted (as a recall, no one's message), media, view once
_WHATSAPP_DELETED = {"This message was deleted", "You deleted this message", "This message was deleted."}
_WHATSAPP_MEDIA_RE = re.compile(r"^(?:<Media omitted>|<Médias omis>|null|.+ \(file attached\)|<View once .+>)$")
_WHATSAPP_EDITED = "\u200e<This message was edited>"  # iPhone: appended to an edited message's text
_LRM = "\u200e\u200f"
# iPhone: the group's own line, `[…] Morning Runners: ‎Messages and calls are end-to-end encrypted…`, names the group
_WHATSAPP_IOS_GROUP_RE = re.compile(
    r"^(?P<group>.+?): \u200e(?:Messages and calls are end-to-end encrypted|消息和通话已进行端到端加密|.+? created group)"
)
_WHATSAPP_RENAMED_RE = re.compile(
    r'changed (?:the subject|the group name)(?: from [“"].*?[”"])? to [“"](?P<new>.+)[”"]$'
)
_WHATSAPP_CREATED_RE = re.compile(r'created group [“"](?P<group>.+)[”"]$')


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def _whatsapp_ios_group(head: str) -> str | None:
    """The group an iPhone export is of: WhatsApp files its notices under the group's name, the first being
    `Morning Runners: ‎Messages and calls are end-to-end encrypted…` (or `‎Alice created group "Morning Runners"`).
    None when the head has neither (a stretch exported from the middle of the chat)."""
    for line in head.splitlines()[:400]:
        match = _WHATSAPP_IOS_STAMP_RE.match(line.lstrip("\ufeff"))
        if match is None:
            continue
        rest = match["rest"].lstrip(_LRM)
        found = _WHATSAPP_IOS_GROUP_RE.match(rest)
        if found is not None:
            created = _WHATSAPP_CREATED_RE.search(rest)
            return (created["group"] if created else found["group"]).strip() or None
        created = _WHATSAPP_CREATED_RE.search(rest)
        if created is not None and ": " not in rest:
            return created["group"].strip() or None
    return None


def _whatsapp_order(source: ChatSource, stamp_re: re.Pattern[str]) -> str:
    """ "dm" or "md": how this file writes its dates, read from the file itself — a first part over 12 is a day
    (31/10/26), a second part over 12 a day too (10/31/26); with neither, the order whose times run forward. A file
    that allows both (every date's parts at most 12, in order either way) is refused: a record never names the
    wrong day. Year-first dates (2026/12/3, a Chinese phone) are year/month/day, nothing to decide."""
    dates: list[tuple[int, int, int]] = []
    with _open_text(source.path) as handle:
        for raw in handle:
            match = stamp_re.match(raw.rstrip("\r\n").lstrip("\ufeff"))
            if match is not None and match["a"] is not None:
                dates.append((int(match["a"]), int(match["b"]), int(match["y"])))
    if any(a > 12 for a, _b, _y in dates):
        return "dm"
    if any(b > 12 for _a, b, _y in dates):
        return "md"

    def forward(order: str) -> bool:
        keys = [(y, a, b) if order == "md" else (y, b, a) for a, b, y in dates]
        return all(x <= y for x, y in zip(keys, keys[1:], strict=False))

    md, dm = forward("md"), forward("dm")
    if md != dm:
        return "md" if md else "dm"
    if all(a == b for a, b, _y in dates):
        return "dm"  # 3/3/26 only: the same day either way
    first = next((f"{a}/{b}/{y}" for a, b, y in dates if a != b), "")
    raise ImportProblem(
        source.path.name,
        None,
        None,
        f"日期 {first} 既可读作月/日也可读作日/月, 无法确定是哪一天 (a date such as {first} reads as month/day and as"
        " day/month, and nothing in the file tells which: export a longer stretch of the chat, one with a day after"
        " the 12th)",
    )


def _whatsapp_time(match: re.Match[str], order: str) -> datetime | None:
    if match["Y"] is not None:
        year, month, day = int(match["Y"]), int(match["M"]), int(match["D"])
    else:
        a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
        month, day = (a, b) if order == "md" else (b, a)
    hour = int(match["h"])
    if match["ap"] or match["cn"]:
        if match["ap"] and match["cn"]:
            return None
        if not (1 if match["ap"] else 0) <= hour <= 12:
            return None
        pm = match["ap"] in ("P", "p") if match["ap"] else match["cn"] == "下午"
        hour = hour % 12 + (12 if pm else 0)
    try:
        return datetime(year + 2000 if year < 100 else year, month, day, hour, int(match["m"]), int(match["s"] or 0))
    except ValueError:
        return None


def _read_whatsapp_txt(source: ChatSource) -> Iterator[ChatRow]:
    """Android (`date, time - name: text`) and iPhone (`[date, time] name: text`). On the iPhone WhatsApp's own
    texts — notices, media, polls, locations, deleted messages — start with U+200E: such a text is never typed text,
    and it is a notice when it stands under the group's name or reads as one."""
    ios = source.format == "whatsapp_ios_txt"
    stamp_re = _WHATSAPP_IOS_STAMP_RE if ios else _WHATSAPP_STAMP_RE
    like = _WHATSAPP_IOS_LIKE_RE if ios else _WHATSAPP_LIKE_RE
    order = _whatsapp_order(source, stamp_re)
    groups = {_fold(source.group_name)} if source.group_name else set()  # the names the group's notices stand under
    current: tuple[int, datetime, str | None, list[str], bool] | None = None

    def finish() -> ChatRow | None:
        if current is None:
            return None
        line, at, name, lines, marked = current
        text = "\n".join(_trim_blank(lines))
        bare = text.strip().lstrip(_LRM)
        if name is None or bare in _WHATSAPP_DELETED:
            return ChatRow(at, None, (), True, False, bare, False, line)
        if marked:  # the iPhone's own text under a member's name: a photo, a poll, a location — a message, not typed
            return ChatRow(at, None, (name,), False, False, None, False, line)
        typed = None if _WHATSAPP_MEDIA_RE.match(bare) else text.replace(_WHATSAPP_EDITED, "")
        return ChatRow(at, None, (name,), False, typed is not None, typed, False, line)

    with source.track(_open_text(source.path)) as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n").lstrip("\ufeff")
            match = stamp_re.match(line)
            at = _whatsapp_time(match, order) if match else None
            if match is None or at is None:
                if like.match(line):
                    # a message's start whose date or time cannot be read (`[2026/12/31 晚上11:58:40] 王芳: 打卡`, a
                    # 31/02): read as the line above's text it would make 王芳's 打卡 the previous sender's
                    raise _bad_row(
                        source,
                        number,
                        f"第{number}行像一条消息的开头, 但日期或时间读不出来: {line[:40]} (line {number} starts like a"
                        f" message but its date or time cannot be read: {line[:40]})",
                    )
                if current is not None:
                    current[3].append(line)  # a message's next line
                continue
            row = finish()
            if row is not None:
                yield row
            rest = match["rest"].lstrip(_LRM)
            if ios and ": \u200e" in rest:  # WhatsApp's own text: the name ends where its U+200E starts (a group
                name, sep, text = rest.partition(": \u200e")  # called "Runners: 2027" holds a ": " of its own)
                text = "\u200e" + text
            else:
                name, sep, text = rest.partition(": ")
            marked = ios and text.startswith("\u200e")
            # a notice quoting ": " (`X changed the subject from "a: b" to …`): the first ": " is inside its quotes.
            # A member's `Sam changed the group run to 6am` has none before its ": " — a message of theirs
            notice = not sep or (any(q in name for q in '"“”') and _WHATSAPP_SYSTEM_RE.match(rest))
            if ios and sep and marked:
                own = text.lstrip(_LRM)
                # `Morning Runners: ‎Alice added Bob`: the group's notice; `Alice: ‎Alice added Bob` reads as one too
                if _fold(name) in groups or _WHATSAPP_SYSTEM_RE.match(own) or system_events(own):
                    renamed = _WHATSAPP_RENAMED_RE.search(own)
                    if renamed is not None:  # later notices stand under the new name
                        groups.add(_fold(renamed["new"]))
                    current = (number, at, None, [own], False)
                    continue
                if own.rstrip(".") in {d.rstrip(".") for d in _WHATSAPP_DELETED}:
                    current = (number, at, None, [own], False)
                    continue
            if notice:
                current = (number, at, None, [rest], False)  # a notice: "Alice added Bob", "Bob left"
            else:
                current = (number, at, name.strip(), [text], marked)
        row = finish()
        if row is not None:
            yield row


# ---------------------------------------------------------------- 留痕 HTML

# one message object as exporter_html.py writes it: `{ type:1, text: '…',is_send:0,…,displayname:'…'},` — values are
# numbers, strings in single quotes (escape_js_and_html: \\ \' \" \n \r \t, and & < > as entities) or, where a
# Python None was formatted unquoted, a bare word
_HTML_VALUE = r"'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?|[A-Za-z_]\w*"
_HTML_FIELD = rf"[A-Za-z_]\w*\s*:\s*(?:{_HTML_VALUE})"
_HTML_ENTRY_RE = re.compile(rf"\s*\{{\s*((?:{_HTML_FIELD})(?:\s*,\s*{_HTML_FIELD})*)?\s*,?\s*\}}\s*,", re.DOTALL)
_HTML_FIELD_RE = re.compile(rf"([A-Za-z_]\w*)\s*:\s*({_HTML_VALUE})", re.DOTALL)
_HTML_END_RE = re.compile(r"\s*\]\s*;")
_JS_ESCAPE_RE = re.compile(r"\\(.)", re.DOTALL)
_JS_ESCAPES = {"n": "\n", "r": "\r", "t": "\t"}
_HTML_CHUNK = 1 << 20


def _js_string(value: str) -> str:
    if not value.startswith("'"):
        return "" if value in ("None", "undefined", "null") else value
    return html.unescape(_JS_ESCAPE_RE.sub(lambda m: _JS_ESCAPES.get(m.group(1), m.group(1)), value[1:-1]))


def _html_entries(source: ChatSource) -> Iterator[tuple[int, dict[str, str]]]:
    """(message number, fields) per object of the page's chatMessages array, streamed in 1 MB pieces. A page cut off
    before the array's end, or an object the exporter wrote broken (it quotes a link's title, a file's name, a song
    without escaping them: a `'` in one ends the string early — the page shows 出错了 in a browser too), is refused
    naming the message: never a guess at where the next one starts."""
    with source.track(_open_text(source.path)) as handle:
        buffer, eof = "", False
        while _LIUHEN_HTML_ARRAY not in buffer:
            piece = handle.read(_HTML_CHUNK)
            if not piece:
                raise _unknown(source.path)
            buffer = buffer[-len(_LIUHEN_HTML_ARRAY) :] + piece
        pos, number = buffer.index(_LIUHEN_HTML_ARRAY) + len(_LIUHEN_HTML_ARRAY), 0
        while True:
            match = _HTML_ENTRY_RE.match(buffer, pos)
            if match is not None and (match.end() < len(buffer) or eof):
                number += 1
                fields = _HTML_FIELD_RE.findall(match.group(1) or "")
                named = dict(fields)
                if len(named) == len(fields):
                    yield number, named
                    pos = match.end()
                else:  # a key twice: an unescaped title holding `',displayname:'…` — never a sender by a title
                    raise _html_broken(source, number)
                if len(buffer) - pos < _HTML_CHUNK // 4 and not eof:
                    buffer, pos = buffer[pos:], 0
                    piece = handle.read(_HTML_CHUNK)
                    buffer += piece
                    eof = not piece
                continue
            if _HTML_END_RE.match(buffer, pos):
                return
            if not eof:  # the object may run on past this piece
                piece = handle.read(_HTML_CHUNK)
                if piece:
                    buffer += piece
                    continue
                eof = True
                continue
            whole = number + 1
            if not buffer[pos:].strip():
                raise _bad_row(
                    source,
                    whole,
                    f"文件在第{whole}条消息处被截断 (没有消息列表的结尾), 请重新导出 (the file is cut off at message"
                    f" {whole}: the page's list of messages never ends — export it again)",
                )
            if "\n];" not in buffer[pos:] and "</html>" not in buffer[pos:]:
                raise _bad_row(
                    source,
                    whole,
                    f"文件在第{whole}条消息中间被截断, 请重新导出 (the file is cut off inside message {whole} — export it"
                    " again)",
                )
            raise _html_broken(source, whole)


def _html_broken(source: ChatSource, number: int) -> ImportProblem:
    return _bad_row(
        source,
        number,
        f"第{number}条消息写坏了 (留痕没有转义其中的引号, 浏览器打开也会显示“出错了”), 无法确定它和之后的消息是谁发的"
        f" — 请改为导出 CSV (message {number} is written broken: 留痕 left a quote in it unescaped, and the page shows"
        " 出错了 in a browser too; nothing tells who sent it or the messages after it — export the chat as CSV instead)",
    )


# what each object's type is (exporter_html.py): 0 notice, 1 text, 3 image / sticker / video thumbnail, 34 voice,
# 43 video, 49 file (6) / song (3) / link (5) / transfer (2000) / reply (57: `text` is the reply's own words), 50 call
_HTML_TYPES = {"0", "1", "3", "34", "43", "49", "50"}


def _read_liuhen_html(source: ChatSource) -> Iterator[ChatRow]:
    for number, fields in _html_entries(source):
        type_ = fields.get("type", "")
        stamp = fields.get("timestamp", "")
        if type_ not in _HTML_TYPES or not re.fullmatch(r"\d+", stamp):
            raise _bad_row(
                source,
                number,
                f"第{number}条消息没有可识别的 type/timestamp (message {number}: type {type_!r}, timestamp {stamp!r})",
            )
        at = _epoch_local(source, int(stamp), number)
        text = _js_string(fields.get("text", "''"))
        if type_ == "0":
            yield ChatRow(at, None, (), True, False, _clean_notice(text), False, number)
            continue
        is_self = fields.get("is_send") == "1"
        if fields.get("is_chatroom") == "0":
            raise _private_chat(source, number, None if is_self else _js_string(fields.get("displayname", "''")))
        name = _js_string(fields.get("displayname", "''")).replace("\n", " ").replace("\t", " ")
        reply = type_ == "49" and (fields.get("sub_type") == "57" or "refer_text" in fields)
        typed = text if (type_ == "1" or reply) and text.strip() else None
        yield ChatRow(at, None, (name,) if name else (), False, typed is not None, typed, is_self, number)


_READERS = {
    "liuhen_csv": _read_liuhen_csv,
    "liuhen_txt": _read_liuhen_txt,
    "pywxdump_csv": _read_pywxdump_csv,
    "weflow_xlsx": _read_weflow_xlsx,
    "weflow_txt": _read_weflow_txt,
    "chatlab_json": _read_chatlab_json,
    "chatlab_jsonl": _read_chatlab_jsonl,
    "qq_txt": _read_qq_txt,
    "qce_json": _read_qce_json,
    "whatsapp_txt": _read_whatsapp_txt,
    "whatsapp_ios_txt": _read_whatsapp_txt,
    "liuhen_html": _read_liuhen_html,
}


# ---------------------------------------------------------------- system notices


@dataclass(frozen=True)
class SystemEvent:
    """A join or a removal read from a notice. Names are display names as the notice wrote them; SELF is the
    exporting user (你). `by` is the inviter / the one who shared the QR code / who removed; None: not said."""

    kind: str  # "join" | "remove"
    who: tuple[str, ...]
    by: str | None
    how: str  # invite | qr | join | remove | leave (kind "remove": they left on their own)


def _q(name: str) -> str:
    return rf'["“”](?P<{name}>[^"“”]+?)["“”]'


def _qs(name: str) -> str:
    """The invitees of a notice: one quoted name or 、-list ("李四、王五"), or names quoted one by one and joined by
    、 , 和 or "and" ("李四"、"王五"和"赵六", "Bob", "Carol" and "Dave")."""
    sep = r'["“”]\s*(?:[、,，]\s*(?:and\s+)?|和\s*|and\s+)["“”]'
    return rf'["“”](?P<{name}>[^"“”]+?(?:{sep}[^"“”]+?)*)["“”]'


def _en(name: str) -> str:
    """A name in an English notice: quoted, or bare (then it holds no quote)."""
    return rf'(?:{_qs(name)}|(?P<{name}_bare>[^"“”]+?))'


_NOTICE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^{_q('a')}邀请你和{_qs('b')}加入了群聊"), "invite"),
    (re.compile(rf"^{_q('a')}邀请你加入了群聊"), "self_joined"),
    (re.compile(rf"^{_q('a')}邀请{_qs('b')}加入了群聊"), "invite"),
    (re.compile(rf"^你邀请{_qs('b')}加入了群聊"), "invite_self"),
    (re.compile(rf"^{_q('b')}通过扫描你分享的二维码加入群聊"), "qr_self"),
    (re.compile(rf"^{_q('b')}通过扫描{_q('a')}分享的二维码加入群聊"), "qr"),
    # a QR code whose sharer WeChat does not name (and 你通过扫描二维码加入群聊，群聊参与人还有：… — the exporter joined)
    (re.compile(r"^你通过扫描二维码加入群聊"), "self_joined"),
    (re.compile(rf"^{_q('b')}通过扫描二维码加入群聊"), "qr_unknown"),
    (re.compile(rf"^你将{_q('b')}移出了群聊"), "remove_self"),
    (re.compile(rf"^{_q('a')}将{_q('b')}移出了群聊"), "remove"),
    # leaving (QQ shows it; WeChat, as far as known, does not — accepted anyway): a departure, not a removal
    (re.compile(r"^你(?:已)?退出了?(?:本群|群聊)$"), "self_left"),
    (re.compile(rf"^{_q('b')}(?:已)?退出了?(?:本群|群聊)$"), "leave"),
    (re.compile(r"^(?P<b>[^\"“”]+?)(?:已)?退出了?(?:本群|群聊)$"), "leave"),
    # QQ's removal, *unverified*: 李四被管理员移出了本群 / 李四被张三移出了群聊 (管理员/群主: not a name)
    (re.compile(r"^(?P<b>[^\"“”]+?)被(?:管理员|群主|(?P<a>[^\"“”]+?))(?:移出|踢出)了?(?:本群|群聊)$"), "remove"),
    # QQ: 李跃-5公里邀请Tina、坤哥加入了本群。 / 梧桐加入本群。 / Tom Lee加入本群。 (names may hold spaces)
    (re.compile(r"^(?P<a>[^\"“”]+?)邀请(?P<b>.+?)加入了?本群$"), "invite"),
    (re.compile(r"^(?P<a>[^\"“”]+?)(?:将|把)(?P<b>.+?)(?:移出了?本群|踢出了?本群)$"), "remove"),
    (re.compile(r"^(?P<b>[^\"“”]+?)加入(?:了)?本群$"), "join"),
    # QCE's QQ NT gray tips (qq-chat-export-server group_member_add_summary): names bare, 群聊; an invite may end
    # "，并附带了30条聊天记录"
    (re.compile(r"^你(?:通过[^\"“”]+?分享的二维码)?加入了群聊(?:[，,].*)?$"), "self_joined"),
    (re.compile(r"^(?P<a>[^\"“”]+?)邀请你加入了群聊"), "self_joined"),
    (re.compile(r"^(?P<b>[^\"“”]+?)通过你的二维码加入了群聊"), "qr_self"),
    (re.compile(r"^(?P<b>[^\"“”]+?)通过(?P<a>[^\"“”]+?)分享的二维码加入了群聊"), "qr"),
    (re.compile(r"^你邀请(?P<b>[^\"“”]+?)加入了群聊"), "invite_self"),
    (re.compile(r"^(?P<a>[^\"“”]+?)邀请(?P<b>[^\"“”]+?)加入了群聊"), "invite"),
    (re.compile(r"^(?P<b>[^\"“”]+?)加入了群聊(?:[，,].*)?$"), "join"),
    # WeChat in English (the same notices; names quoted, or not in some clients' texts — wechaty's parsers)
    # the exporting user's own joining and leaving ("You" is nobody's name: never a join of a member called You)
    (re.compile(r"^you (?:have )?(?:joined|left) (?:the )?group chat", re.IGNORECASE), "self_joined"),
    (re.compile(rf"^{_en('a')} invited you to (?:a|the) group chat", re.IGNORECASE), "self_joined"),
    (re.compile(rf"^{_en('a')} invited you and {_en('b')} to (?:a|the) group chat", re.IGNORECASE), "invite"),
    (re.compile(rf"^you invited {_en('b')} to (?:a|the) group chat", re.IGNORECASE), "invite_self"),
    (re.compile(rf"^{_en('a')} invited {_en('b')} to (?:a|the) group chat", re.IGNORECASE), "invite"),
    (re.compile(rf"^{_en('b')} joined (?:the )?group chat via (?:the )?QR code you shared", re.IGNORECASE), "qr_self"),
    (
        re.compile(
            rf"^{_en('b')} joined (?:the )?group chat via (?:the )?QR code shared by {_en('a')}$", re.IGNORECASE
        ),
        "qr",
    ),
    (re.compile(rf"^{_en('b')} joined (?:the )?group chat via (?:the )?QR code$", re.IGNORECASE), "qr_unknown"),
    (re.compile(rf"^{_q('b')} joined (?:the )?group chat$", re.IGNORECASE), "join"),
    (re.compile(rf"^{_en('b')} left (?:the )?group chat$", re.IGNORECASE), "leave"),
    (re.compile(rf"^you removed {_en('b')} from (?:the )?group chat", re.IGNORECASE), "remove_self"),
    # WhatsApp (section 12): names as the exporting phone's contacts (or phone numbers), bare
    (re.compile(r"^You left$|^[^\"“”]+? added you$"), "self_left"),
    (re.compile(r"^You added (?P<b>[^\"“”]+)$"), "invite_self"),
    (re.compile(r"^You removed (?P<b>[^\"“”]+)$"), "remove_self"),
    (re.compile(r"^(?P<b>[^\"“”]+?) joined using this group's invite link$"), "join"),
    (re.compile(r"^(?P<a>[^\"“”]+?) added (?P<b>[^\"“”]+)$"), "invite"),
    (re.compile(r"^(?P<a>[^\"“”]+?) removed (?P<b>[^\"“”]+)$"), "remove"),
    (re.compile(r"^(?P<b>[^\"“”]+?) left$"), "leave"),
    (re.compile(rf"^{_en('a')} removed {_en('b')} from (?:the )?group chat", re.IGNORECASE), "remove"),
)
_BARE = r"[^\"“”\n，,。！？!?]{1,40}?"  # a name WeChat writes without quotes (red packets)
_QN = r'["“”][^"“”\n]*["“”]'  # a quoted name (or 、-joined names); WeFlow may leave it empty ("" 拍了拍 "")
_WHO = rf"(?:{_QN}|你|我)"
_QNS = rf"{_QN}(?:\s*(?:[、,，]\s*(?:and\s+)?|和\s*|and\s+){_QN})*"  # "李四"、"王五"和"赵六": names quoted one by one
# WeChat's notices as whole messages (docs/chat_formats.md §8): a member's message that merely mentions 加入群聊,
# 拍了拍 or 撤回了 is not one of them
_NOTICE_RE = re.compile(
    rf"{_WHO}邀请(?:你和)?(?:{_QNS}|{_WHO})加入了群聊(?:[，,].*|\s+撤销)?"  # your own invite may keep its 撤销 link's text
    rf"|{_QN}通过扫描(?:你|{_QN})分享的二维码加入群聊|(?:{_QN}|你)通过扫描二维码加入群聊(?:[，,].*)?"
    rf"|{_WHO}将{_QN}移出了群聊|你被{_QN}移出群聊|(?:{_QN}|你)(?:已)?退出了?群聊"
    rf"|{_WHO} ?撤回了(?:一条消息|成员.*的一条消息)"
    rf"|{_WHO} ?(?:拍了拍|戳了戳) ?(?:{_QN}.*|(?:我|你|自己)(?: .*)?)"
    rf"|{_WHO}修改群(?:名|聊名称)为.*"
    rf"|{_QN}与群里其他人都不是朋友关系.*"
    # a red packet or transfer taken (WeChat writes the names bare: 芳芳领取了你的红包, 你领取了芳芳的红包 — a real
    # database's rows, and WeFlow's cleanSystemMessage strips the icon and link around them), a new owner
    rf"|(?:你|{_BARE})领取了(?:你|自己|{_BARE})发?的(?:红包|转账)(?:[，,].*)?"
    rf"|(?:{_QN}|你)已成为新群主|\[系统消息\]"
    r"|.*\$(?:username|names|adder|from)\$.*|<sysmsg.*|<revokemsg.*"
    # English WeChat: invites as WeChat stores them, names quoted or bare (李卓桓 invited 李佳芮, Huan to the group
    # chat — wechaty's payloads); the other notices with quoted names only
    rf"|(?:{_QN}|[^\"\n]{{1,100}}?) invited (?:you and )?[^\n]{{1,300}}? to (?:a|the) group chat(?: with .*|\.?\s+Revoke)?"
    rf"|(?:{_QN}|You) (?:have )?joined (?:the )?group chat(?: via (?:the )?QR [Cc]ode(?: you shared| shared by {_QN})?)?\.?"
    rf"|(?:{_QN}|You) left (?:the )?group chat\.?"
    rf"|(?:{_QN}|You) removed {_QN} from (?:the )?group chat\.?|You were removed from (?:the )?group chat by {_QN}\.?"
    rf"|(?:{_QN}|You) (?:recalled|withdrew) a message\.?"
    rf"|(?:{_QN}|You|I) patted (?:{_QN}|you|me|myself|yourself|themselves)(?: .*)?"
    rf"|(?:{_QN}|You) changed the group name to .*"
    rf"|{_QN} is not (?:a )?friends? (?:of|with) anyone else in (?:this|the) group chat.*"
    # red packets and owners in English (*unverified* wordings, names bare as in Chinese): system, ignored
    rf"|(?!(?:I|We|They|She|He) )(?:You|{_BARE}) (?:opened|received|claimed) (?:your|{_BARE}'s) Red Packet\.?(?:\s.*)?"
    rf"|Your Red Packet (?:has been|was) (?:fully )?(?:claimed|opened).*"
    rf"|(?:{_QN}|You) (?:is now|are now|has become|have become|became) the (?:new )?group owner\.?"
)
_OTHERS_RECALL_OR_PAT = re.compile(
    rf"{_QN} ?撤回了|.*(?:拍了拍|戳了戳)|{_QN} (?:recalled|withdrew) a message|.* patted "
)


def is_system_text(text: str | None) -> bool:
    """A notice, recognised by its whole text (for formats that file notices as ordinary rows: WeFlow TXT)."""
    if not text or "\n" in text.strip():
        return False
    return _NOTICE_RE.fullmatch(text.strip()) is not None


def names_exporter(text: str | None) -> bool:
    """A WeFlow notice filed under the exporting user's name: any but a pat (the group's) and another
    person's recall (perhaps the revoker's own name and wxid)."""
    return not _OTHERS_RECALL_OR_PAT.match(_clean_notice(text or ""))


_QUOTED_LIST_SEP = re.compile(r'["“”]\s*(?:[、,，]\s*(?:and\s+)?|和\s*|and\s+)["“”]')


def system_events(text: str | None) -> list[SystemEvent]:
    """Joins and removals in a notice's text ([] for recalls, pats, renames, unexpanded templates …)."""
    if not text or "$" in text:
        return []
    text = unicodedata.normalize("NFC", text.strip()).rstrip("。.")
    for pattern, kind in _NOTICE_PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        groups = {k: v for k, v in match.groupdict().items() if not k.endswith("_bare")}
        for key, value in match.groupdict().items():
            if key.endswith("_bare") and value:
                groups[key[: -len("_bare")]] = value
        names = groups.get("b") or ""
        parts = _QUOTED_LIST_SEP.split(names)  # "李四"、"王五"和"赵六": split where the quotes are
        if len(parts) == 1:
            parts = re.split("[、,，]", names)  # "李四、王五" / Alice invited Bob, Carol
        who = tuple(n.strip() for n in parts if n.strip() and n.strip() != "成员")
        by = groups.get("a")
        if by == "成员":  # QCE's stand-in for a name it could not read: nobody
            by = None
        if kind in ("self_joined", "self_left") or not who:  # the exporter joined, or nobody it can name
            return []
        if kind in ("invite", "invite_self"):
            return [SystemEvent("join", who, SELF if kind == "invite_self" else by, "invite")]
        if kind in ("qr", "qr_self", "qr_unknown"):
            return [SystemEvent("join", who, SELF if kind == "qr_self" else by, "qr")]
        if kind == "join":
            return [SystemEvent("join", who, None, "join")]
        if kind in ("remove", "remove_self"):
            return [SystemEvent("remove", who, SELF if kind == "remove_self" else by, "remove")]
        if kind == "leave":  # left on their own: a departure, never "removed by" anyone
            return [SystemEvent("remove", who, None, "leave")]
    return []
