"""Streaks (连续打卡) and streak-bonus days: the one definition, pure functions, for every caller.

Used by the check-in service (logging and undo), the points recompute, the member panel and the
check-ins page, the demo builder and the benchmark generator. Two copies of this rule disagreed once
(a 补卡 filling a gap earned no bonus when logged, yet recompute gave +5); there is one copy now.

The rule:
* The days that count are the check-in days, leaving out late ones (补卡) unless the group counts
  late check-ins for streaks (`Group.late_checkins_count_for_streak`).
* A run is a sequence of counted days where every day between two of them is a leave day (请假):
  leave neither breaks a run nor adds to it.
* A bonus day is a counted day on which the run reaches a multiple of ``BONUS_EVERY`` (7) counted
  days. A check-in logged for an earlier day (a 补卡 filling a gap, or yesterday's chain logged
  today) can make a *later* day a bonus day — or stop one from being one; the check-in service
  reconciles the ledger with `bonus_days` after every write, so logging and recompute always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

BONUS_EVERY = 7
_ONE_DAY = timedelta(days=1)


def counted_days(entries: Iterable[tuple[date, bool]], count_late: bool) -> set[date]:
    """The days that count for streaks, from (day, late) pairs."""
    return {day for day, late in entries if count_late or not late}


def leave_days(ranges: Iterable[tuple[date, date]], since: date | None = None, until: date | None = None) -> set[date]:
    """Every day of the leave ranges (start, end inclusive), clipped to [since, until] when given."""
    out: set[date] = set()
    for start, end in ranges:
        d = max(start, since) if since else start
        last = min(end, until) if until else end
        while d <= last:
            out.add(d)
            d += _ONE_DAY
    return out


def _bridged(prev: date, day: date, leaves: set[date]) -> bool:
    """True when every day strictly between `prev` and `day` is a leave day (the run goes on)."""
    d = prev + _ONE_DAY
    while d < day:
        if d not in leaves:
            return False
        d += _ONE_DAY
    return True


def run_length(days: set[date], leaves: set[date], end: date, floor: date | None = None) -> int:
    """Counted days in the run that ends at `end` (walking back over leave days; 0 when `end` is neither
    a counted day nor a leave day). `floor` stops the walk (None: the earliest counted day)."""
    if not days:
        return 0
    return _walk_back(days, leaves, end, floor or min(days))[0]


def _walk_back(days: set[date], leaves: set[date], end: date, floor: date) -> tuple[int, bool]:
    """(counted days, whether a day that breaks the run was met) walking back from `end` to `floor`."""
    n = 0
    d = end
    while d >= floor:
        if d in days:
            n += 1
        elif d not in leaves:
            return n, True
        d -= _ONE_DAY
    return n, False


def runs(days: set[date], leaves: set[date]) -> Iterable[tuple[date, int]]:
    """(day, position in its run) for every counted day, in date order."""
    run = 0
    prev: date | None = None
    for day in sorted(days):
        run = run + 1 if prev is not None and _bridged(prev, day, leaves) else 1
        prev = day
        yield day, run


def bonus_days(days: set[date], leaves: set[date], every: int = BONUS_EVERY) -> dict[date, int]:
    """The bonus days, each with the run length it reached (7, 14, …)."""
    return {day: n for day, n in runs(days, leaves) if n % every == 0}


def appended_run(days: set[date], leaves: set[date], day: date, since: date) -> int | None:
    """The run a check-in on `day` reaches, when `day` is the latest counted day and its run begins after
    `since` — read from the days and leaves of [since, day] alone (a window of the history: logging today's
    check-in need not read a member's years). 0 when `day` is not a counted day (a 补卡 that does not count).
    None when the window cannot say: a counted day after `day` (the check-in fills a gap, which can move the
    bonus days after it), or a run that reaches back to `since` (it may go on before the window).
    Whenever it answers, it equals `day`'s position in `runs` over the whole history (tests/desktop/test_streaks)."""
    if any(d > day for d in days):
        return None
    if day not in days:
        return 0
    n, broken = _walk_back(days, leaves, day, since)
    return n if broken else None  # broken: the run began after that day, all of it in the window


def longest_run(days: set[date], leaves: set[date]) -> int:
    return max((n for _day, n in runs(days, leaves)), default=0)


def current_streak(days: set[date], leaves: set[date], today: date) -> int:
    """The run ending today, or — while today has no check-in yet — the run ending yesterday."""
    current = run_length(days, leaves, today)
    if current == 0 and today not in days:
        current = run_length(days, leaves, today - _ONE_DAY)
    return current


def step_run(run: int, *, counted: bool, on_leave: bool = False) -> int:
    """The same rule walked one calendar day at a time, for generators that produce days in order (the
    benchmark workspace): a leave day keeps the run, a counted day adds one, any other day ends it.
    Walking every day from the first check-in with this gives exactly `runs` (tests/desktop/test_streaks)."""
    if on_leave:
        return run
    return run + 1 if counted else 0


def is_bonus(run: int, every: int = BONUS_EVERY) -> bool:
    """Whether a counted day that brings the run to `run` is a bonus day."""
    return run > 0 and run % every == 0
