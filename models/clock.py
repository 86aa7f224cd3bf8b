"""The one clock of QunDesk: today's date and the local time, for every layer (no Qt).

Every "today" and "now" in the application comes from here, never from `date.today()` or
`datetime.now()`, so that one setting moves the whole application to another day:

* ``QUNDESK_TODAY=YYYY-MM-DD`` pins the calendar day (tests, demos, screenshots, and checking how the
  app behaves on a month's first day, the last day of February, a Sunday …). The time of day stays
  the real one, so times keep moving and stay ordered. `qundesk demo --today` sets it for one build.
* Without it, the real local date and time.

Times are naive local wall-clock time with seconds precision (docs/architecture.md, "Time").

The community's time zone: a workspace states the zone its community lives in (Settings → 社群时区, stored as
the workspace setting ``time_zone``; a new workspace takes this computer's zone). `set_zone` makes it the zone of
"today", "now" and every conversion of a time that carries its own zone or none at all (a chat export's epoch
stamps, ``2026-12-03T23:30:00+08:00``, a ``GMT+8`` column): an organiser of a Chinese group whose laptop is set to
Berlin, or who travels, still sees its evening check-ins on their own day. `zone()` is one tzinfo object for a whole
import (no per-row lookups). Unset, this computer's zone, as before."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from pathlib import Path

TODAY_ENV = "QUNDESK_TODAY"


class ClockError(ValueError):
    """QUNDESK_TODAY holds something that is not a YYYY-MM-DD date."""


@lru_cache(maxsize=8)
def _parse(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ClockError(f"{TODAY_ENV} 应为 YYYY-MM-DD (must be YYYY-MM-DD): {text!r}") from None


def pinned_today() -> date | None:
    """The day QUNDESK_TODAY pins, or None when the real date is used."""
    text = os.environ.get(TODAY_ENV)
    return _parse(text) if text and text.strip() else None


class ZoneError(ValueError):
    """A time zone name QunDesk cannot use."""


_OFFSET_RE = re.compile(r"(?:UTC|GMT)\s*(?:(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?)?", re.IGNORECASE)


@lru_cache(maxsize=32)
def parse_zone(name: str) -> tzinfo | None:
    """The zone a setting names: an IANA name (``Asia/Shanghai``, ``Europe/Berlin``: with its summer time) or a
    fixed offset (``UTC+8``, ``GMT-05:30``, ``UTC``: where the zone database is missing, e.g. Windows without
    tzdata). Empty: None, this computer's zone. Anything else is a ZoneError."""
    text = (name or "").strip()
    if not text:
        return None
    offset = _OFFSET_RE.fullmatch(text)
    if offset is not None:
        if offset["sign"] is None:
            return UTC
        hours, minutes = int(offset["h"]), int(offset["m"] or 0)
        if hours > 14 or minutes > 59:
            raise ZoneError(text)
        delta = timedelta(hours=hours, minutes=minutes)
        return timezone(
            delta if offset["sign"] == "+" else -delta,
            f"UTC{offset['sign']}{hours}" + (f":{minutes:02d}" if minutes else ""),
        )
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(text)
    except (ImportError, ValueError, OSError, KeyError) as exc:  # ZoneInfoNotFoundError is a KeyError
        # Windows without the tzdata package has no zone database: the zones without summer time are their offset
        # (a workspace of Asia/Shanghai made on a Mac must not fall back to the Windows machine's own zone)
        hours = _NO_SUMMER_TIME.get(text)
        if hours is None:
            raise ZoneError(text) from exc
        return timezone(timedelta(hours=hours), text)


# zones that keep one offset all year (China has had no daylight saving time since 1991)
_NO_SUMMER_TIME = {
    "Asia/Shanghai": 8,
    "Asia/Chongqing": 8,
    "Asia/Urumqi": 6,
    "Asia/Hong_Kong": 8,
    "Asia/Macau": 8,
    "Asia/Taipei": 8,
    "Asia/Singapore": 8,
    "Asia/Kuala_Lumpur": 8,
    "Asia/Manila": 8,
    "Asia/Tokyo": 9,
    "Asia/Seoul": 9,
    "Asia/Bangkok": 7,
    "Asia/Ho_Chi_Minh": 7,
    "Asia/Jakarta": 7,
    "Asia/Kolkata": 5.5,
    "Asia/Dubai": 4,
    "Etc/UTC": 0,
    "UTC": 0,
}


def machine_zone_name() -> str:
    """This computer's zone by its IANA name (TZ, /etc/localtime, /etc/timezone); else its fixed offset when it has
    no summer time (Windows: ``UTC+8``); else "" (the setting then stays empty: this computer's zone)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        link = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in link:
            candidates.append(link.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    for name in candidates:
        if name and "/" in name or name == "UTC":
            try:
                parse_zone(name)
            except ZoneError:
                continue
            return name
    return _fixed_machine_offset()


def _fixed_machine_offset() -> str:
    """Windows names its zones its own way ("China Standard Time"): a zone without summer time is its offset
    (``UTC+8``), so a workspace made there keeps it when the laptop travels; one with summer time stays ""."""
    import time

    if time.daylight:
        return ""
    minutes = -time.timezone // 60
    sign, minutes = ("+" if minutes >= 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


_zone: tzinfo | None = None
_zone_name = ""


def set_zone(name: str | None) -> None:
    """Make `name` (a setting's text; empty: this computer's zone) the community's zone for this process."""
    global _zone, _zone_name
    _zone, _zone_name = parse_zone(name or ""), (name or "").strip()


def zone() -> tzinfo | None:
    """The community's zone (None: this computer's), one object for a whole import."""
    return _zone


def describe(tz: tzinfo | None) -> str:
    """A zone as the user reads it: ``Asia/Shanghai``, ``UTC+8``; None (this computer's zone) by its name."""
    if tz is None:
        return machine_zone_name() or (datetime.now().astimezone().tzname() or "UTC")
    return getattr(tz, "key", None) or tz.tzname(None) or str(tz)


def machine_differs() -> tuple[str, str] | None:
    """(this computer's zone, the community's) when their clocks differ now — a chat export written on this computer
    in wall-clock time then has the computer's days, not the community's; None when they agree."""
    if _zone is None:
        return None
    mine = datetime.now().astimezone()
    if mine.utcoffset() == datetime.now(_zone).utcoffset():
        return None
    return describe(None), describe(_zone)


def zone_name() -> str:
    """The community's zone as the setting names it; "" for this computer's zone."""
    return _zone_name


def today() -> date:
    """Today's local date in the community's zone (QUNDESK_TODAY when set)."""
    return pinned_today() or (date.today() if _zone is None else datetime.now(_zone).date())


def now() -> datetime:
    """The community's wall-clock time, seconds precision; on a pinned day, that day at the real time of day."""
    real = (datetime.now() if _zone is None else datetime.now(_zone).replace(tzinfo=None)).replace(microsecond=0)
    day = pinned_today()
    return real if day is None else datetime.combine(day, real.time())
