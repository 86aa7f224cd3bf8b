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


@settings(max_examples=400, deadline=None)
@given(
    st.sets(st.integers(0, 60), max_size=50),
    st.sets(st.integers(0, 60), max_size=20),
    st.integers(0, 60),
    st.integers(0, 40),
)
def test_the_window_read_of_a_latest_check_in_agrees_with_the_whole_history(
    day_numbers, leave_numbers, day_number, window
):
    """appended_run from the days and leaves of [since, day] alone: whenever it answers, it is the day's position in
    its run over the whole history (so the check-in service may read only the window); it declines when a later
    counted day exists or the run reaches back to the window's first day."""
    days = {d(n) for n in day_numbers} | {d(day_number)}
    leaves = {d(n) for n in leave_numbers} - days
    day, since = d(day_number), d(day_number - window)
    in_window = {x for x in days if x >= since}
    got = streaks.appended_run(in_window, {x for x in leaves if x >= since}, day, since)
    later = any(x > day for x in days)
    whole = dict(streaks.runs(days, leaves))[day]
    if later:
        assert got is None
    elif got is not None:
        assert got == whole
    else:  # it declined: the run really reaches the window's first day
        x = day
        while x >= since:
            assert x in days or x in leaves
            x -= timedelta(days=1)


def test_the_window_read_declines_what_it_cannot_see():
    days = {d(i) for i in range(10)}
    assert streaks.appended_run(days, set(), d(9), since=d(3)) is None  # the run goes on before d(3)
    assert streaks.appended_run(days - {d(5)}, set(), d(9), since=d(3)) == 4  # d(6)…d(9), d(5) a gap
    assert streaks.appended_run(days - {d(5)}, {d(5)}, d(9), since=d(3)) is None  # the leave bridges the gap
    assert streaks.appended_run(days, set(), d(4), since=d(0)) is None  # d(5)… come after d(4)
    assert streaks.appended_run(days - {d(9)}, set(), d(9), since=d(3)) == 0  # d(9) does not count (a 补卡)
