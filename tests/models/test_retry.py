"""models/db.with_retry and is_retryable: a busy database runs the whole transaction again, nothing else does."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from models.db import is_retryable, with_retry


def _error(message: str, sqlstate: str | None = None) -> OperationalError:
    orig = sqlite3.OperationalError(message)
    if sqlstate is not None:
        orig = type("PgError", (Exception,), {"sqlstate": sqlstate})(message)
    return OperationalError("INSERT …", {}, orig)


@pytest.mark.parametrize(
    ("exc", "retry"),
    [
        (_error("database is locked"), True),
        (_error("database table is locked"), True),
        (_error("database is busy"), True),
        (_error("could not serialize access", "40001"), True),
        (_error("deadlock detected", "40P01"), True),
        (_error("lock not available", "55P03"), True),
        (_error("no such table: member"), False),
        (_error("duplicate key", "23505"), False),
    ],
)
def test_is_retryable(exc, retry):
    assert is_retryable(exc) is retry


def test_a_busy_database_is_tried_again_until_it_answers():
    calls = []

    def write():
        calls.append(1)
        if len(calls) < 3:
            raise _error("database is locked")
        return "done"

    assert with_retry(write, base_delay=0) == "done"
    assert len(calls) == 3


def test_other_errors_and_the_last_attempt_pass_through():
    calls = []

    def broken():
        calls.append(1)
        raise _error("no such table: member")

    with pytest.raises(OperationalError):
        with_retry(broken, base_delay=0)
    assert len(calls) == 1

    calls.clear()

    def always_busy():
        calls.append(1)
        raise _error("database is locked")

    with pytest.raises(OperationalError):
        with_retry(always_busy, attempts=4, base_delay=0)
    assert len(calls) == 4
