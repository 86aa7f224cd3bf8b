"""Dates between Python and Qt for every widget: conversions and today's QDate from the one clock."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from models import clock


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def today_qdate() -> QDate:
    """Today as a QDate — from models.clock, never QDate.currentDate() (QUNDESK_TODAY must hold)."""
    return to_qdate(clock.today())
