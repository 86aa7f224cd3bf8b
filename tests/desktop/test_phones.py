"""The one phone mask (desktop/phones.py) and its SQL twin in team mode's masked views."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from desktop.phones import mask_phone
from desktop.team_roles import _MASK_SQL

CASES = [
    ("13800138000", "138****8000"),
    ("+85291234567", "+85****4567"),
    ("010-12345678", "010****5678"),
    ("12345678", "123****5678"),
    ("12345", "****45"),
    ("7", "****7"),
]


@pytest.mark.parametrize(("phone", "masked"), [*CASES, (None, ""), ("", "")])
def test_mask_phone(phone, masked):
    assert mask_phone(phone) == masked


def test_masked_views_mask_alike(pg_url):
    """Team mode's assistant views (desktop/team_roles.py) show the same form as the window and the exports."""
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            for phone, masked in CASES:
                sql = _MASK_SQL.format(c="CAST(:p AS text)")
                assert conn.execute(text(f"SELECT {sql}"), {"p": phone}).scalar_one() == masked
    finally:
        engine.dispose()
