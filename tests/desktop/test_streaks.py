"""desktop/streaks.py — the one streak rule: runs, bonus days, leave, late days, and the day-by-day walk the
benchmark generator uses giving the same bonus days (hypothesis over random calendars)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop import streaks

D0 = date(2026, 10, 25)


def d(n: int) -> date:
    return D0 + timedelta(days=n)


def test_a_week_in_a_row_is_one_bonus_and_a_gap_starts_over():
    days = {d(i) for i in range(7)} | {d(i) for i in range(8, 15)}
    assert streaks.bonus_days(days, set()) == {d(6): 7, d(14): 7}
    assert streaks.longest_run(days, set()) == 7


def test_leave_neither_breaks_nor_extends_a_run():
    days = {d(0), d(1), d(2), d(5), d(6), d(7), d(8)}
    leave = streaks.leave_days([(d(3), d(4))])
    assert streaks.run_length(days, leave, d(8)) == 7
    assert streaks.bonus_days(days, leave) == {d(8): 7}
    assert streaks.current_streak(days, leave, d(9)) == 7  # nothing yet today: yesterday's run counts
    assert streaks.current_streak(days, leave, d(10)) == 0


def test_late_days_count_only_when_the_group_says_so():
    entries = [(d(0), False), (d(1), True), (d(2), False)]
    assert streaks.counted_days(entries, count_late=False) == {d(0), d(2)}
    assert streaks.counted_days(entries, count_late=True) == {d(0), d(1), d(2)}


def test_fourteen_days_give_two_bonuses():
    days = {d(i) for i in range(14)}
    assert streaks.bonus_days(days, set()) == {d(6): 7, d(13): 14}


def _walk(days: set[date], leaves: set[date]) -> dict[date, int]:
    """The benchmark generator's way: every calendar day in order with step_run."""
    out: dict[date, int] = {}
    if not days:
        return out
    run = 0
    day = min(days)
    while day <= max(days):
        run = streaks.step_run(run, counted=day in days, on_leave=day in leaves and day not in days)
        if day in days and streaks.is_bonus(run):
            out[day] = run
        day += timedelta(days=1)
    return out


def _by_definition(days: set[date], leaves: set[date]) -> dict[date, int]:
    """Straight from the words: a counted day whose run (walking back over leave) is a multiple of 7."""
    return {day: n for day in days if (n := streaks.run_length(days, leaves, day)) % streaks.BONUS_EVERY == 0}


@settings(max_examples=300, deadline=None)
@given(
    st.sets(st.integers(0, 60), max_size=50),
    st.sets(st.integers(0, 60), max_size=20),
)
def test_every_way_of_computing_bonus_days_agrees(day_numbers, leave_numbers):
    days = {d(n) for n in day_numbers}
    leaves = {d(n) for n in leave_numbers} - days
    expected = _by_definition(days, leaves)
    assert streaks.bonus_days(days, leaves) == expected
    assert _walk(days, leaves) == expected
