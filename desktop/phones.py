"""How a phone number is hidden: `mask_phone`, the one rule for the window, the exports and the audit log.

The masked views of team mode (desktop/team_roles.py `_MASK_SQL`) write the same form in SQL;
tests/desktop/test_phones.py keeps the two alike.
"""

from __future__ import annotations

import re

# 7+ digits (of any width), each separated from the next by at most 3 characters that are neither letters nor
# digits — spaces, dots, hyphens, dashes, slashes, underscores, of any width: a phone number (a mobile's 11 digits,
# a landline with its area code) inside a text (a group nickname 张三-138 1234 5678, a note), written any way.
_PHONE_IN_TEXT = re.compile(r"\d(?:[\W_]{0,3}\d){6,}")


# A North American number written as North Americans write it — (415) 555-2671, 415-555-2671, 415.555.2671,
# 1 (415) 555-2671 — is +1 and its ten digits: an Eventbrite, Meetup or Luma export of a community abroad has no
# country code. Only that shape (three, three and four digits with their separators, or the area code in
# brackets; area code and exchange start 2-9): no Chinese number is written so (a landline's area code starts 0,
# a mobile is 11 digits), and 400-/800- numbers stay China's service numbers. Bare ten digits stay unknown.
_NANP_RE = re.compile(
    r"(?:\+?1[\s.\-]*)?(?:\(\s*([2-9]\d\d)\s*\)\s*|([2-9]\d\d)[\s.\-]\s*)([2-9]\d\d)[\s.\-]\s*(\d{4})", re.ASCII
)


def nanp_phone(text: str) -> str | None:
    """'(415) 555-2671' -> '+14155552671' (see _NANP_RE); None when `text` is not written as one."""
    m = _NANP_RE.fullmatch(text.strip())
    if m is None:
        return None
    area = m.group(1) or m.group(2)
    if not text.lstrip().startswith(("+", "1")) and area in ("400", "800"):
        return None
    return f"+1{area}{m.group(3)}{m.group(4)}"


def mask_phone(phone: str | None) -> str:
    """138****8000: the first three and the last four characters stay, the middle is hidden; a number
    shorter than 8 characters shows only its last two (****45). No number -> ""."""
    if not phone:
        return ""
    if len(phone) >= 8:
        return f"{phone[:3]}****{phone[-4:]}"
    return "****" + phone[-2:]


# a date, maybe with its time (2026-11-18, 2026/11/10 10:00:00, 2026.3.5 8:05), or one written wrong (2026-13-01, the
# cell an import's problem quotes): a run of 7+ digits that is no phone
_DATE_IN_RUN = re.compile(r"(?:19|20)\d\d([-/.])\d{1,2}\1\d{1,2}(?:[ T]+\d{1,2}[:：]\d\d(?:[:：]\d\d)?)?(?!\d)")


def _mask_run(run: str) -> str:
    date = _DATE_IN_RUN.match(run)
    if date is not None:  # a date stays as written; what follows it (a phone after a date) is masked on its own
        return date.group(0) + (mask_phones_in(run[date.end() :]) or "")
    return "".join(re.findall(r"\d", run)[:3]) + "****"


def mask_phones_in(text: str | None) -> str | None:
    """`text` with every phone-like run of digits in it masked to its first three digits (张三-138****): what a
    masked view shows of a group nickname, a name or a note that holds a phone — the paste-ready texts, the
    monthly report and an assistant's exports. A date (2026-11-18, with its time or not) is no phone and stays:
    an assistant read "入群时间 列: 202**** 不是有效的日期" for the bad cell of their import, and a note
    "2026-11-18 交费" as "202**** 交费" in their exports. None stays None."""
    if not text:
        return text
    return _PHONE_IN_TEXT.sub(lambda m: _mask_run(m.group(0)), text)


# a mainland resident ID number: region (6), birth date (8), sequence (3), check digit or X; the old 15-digit form
_ID_CARD = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]"
    r"|\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![0-9A-Za-z])"
)


# one written with spaces or hyphens between its groups, as people type it and forms show it (110105 19900101 1234,
# 1101 0519 9001 0112 34, 110105-19900101-1234): a run of its 15 or 18 characters with a separator between any two
_ID_CARD_SPACED = re.compile(r"(?<![0-9A-Za-z])[1-9](?:[ \u3000\-]{0,2}[0-9Xx]){14,17}(?![0-9A-Za-z])")
_ID_SEPARATORS = re.compile(r"[ \u3000\-]")


def _cut_spaced_ids(text: str) -> tuple[str, int]:
    """`text` with each ID number written with separators cut to ****1234, and how many. Every group start is tried
    (a phone before it, 13800138000 110105 19900101 1234, is no ID and does not hide the one after it)."""
    out, n, pos = text, 0, 0
    while (match := _ID_CARD_SPACED.search(out, pos)) is not None:
        run = match.group(0)
        compact = _ID_SEPARATORS.sub("", run)
        if _ID_SEPARATORS.search(run) and _ID_CARD.fullmatch(compact):
            cut = "****" + compact[-4:]
            out = out[: match.start()] + cut + out[match.end() :]
            n += 1
            pos = match.start() + len(cut)
        else:
            pos = match.start() + 1
    return out, n


def drop_id_numbers(text: str | None) -> tuple[str | None, int]:
    """`text` with every ID-card number (身份证号) in it cut to its last four characters (****123X), and how many:
    QunDesk never stores an ID number (models/people.py) — a survey answer or a note column holding one keeps
    only what tells two people apart. One written with spaces or hyphens between its groups (110105 19900101 1234)
    is one too: it was kept whole."""
    if not text:
        return text, 0
    out, n = _ID_CARD.subn(lambda m: "****" + m.group(0)[-4:], text)
    if any(ch in out for ch in " \u3000-"):
        out, spaced = _cut_spaced_ids(out)
        n += spaced
    return out, n
