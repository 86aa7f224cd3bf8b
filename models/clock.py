"""The one clock of QunDesk: today's date and the local time, for every layer (no Qt).

Every "today" and "now" in the application comes from here, never from `date.today()` or
`datetime.now()`, so that one setting moves the whole application to another day:

* ``QUNDESK_TODAY=YYYY-MM-DD`` pins the calendar day (tests, demos, screenshots, and checking how the
  app behaves on a month's first day, the last day of February, a Sunday …). The time of day stays
  the real one, so times keep moving and stay ordered. `qundesk demo --today` sets it for one build.
* Without it, the real local date and time.

Times are naive local wall-clock time with seconds precision (docs/architecture.md, "Time")."""

from __future__ import annotations

import os
from datetime import date, datetime
from functools import lru_cache

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


def today() -> date:
    """Today's local date (QUNDESK_TODAY when set)."""
    return pinned_today() or date.today()


def now() -> datetime:
    """Local wall-clock time, seconds precision; on a pinned day, that day at the real time of day."""
    real = datetime.now().replace(microsecond=0)
    day = pinned_today()
    return real if day is None else datetime.combine(day, real.time())
