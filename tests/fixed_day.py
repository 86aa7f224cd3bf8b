"""The calendar day the whole test suite runs on (QUNDESK_TEST_TODAY, default 2026-11-18, a Wednesday).

Tests take "today" from here (module constants) or from the `fixed_today` fixture; the application
reads it through models.clock, which the autouse fixture in conftest.py pins to this day."""

from __future__ import annotations

import os
from datetime import date

TEST_TODAY = date.fromisoformat(os.environ.get("QUNDESK_TEST_TODAY", "2026-11-18"))
