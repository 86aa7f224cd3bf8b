"""How a phone number is hidden: `mask_phone`, the one rule for the window, the exports and the audit log.

The masked views of team mode (desktop/team_roles.py `_MASK_SQL`) write the same form in SQL;
tests/desktop/test_phones.py keeps the two alike.
"""

from __future__ import annotations


def mask_phone(phone: str | None) -> str:
    """138****8000: the first three and the last four characters stay, the middle is hidden; a number
    shorter than 8 characters shows only its last two (****45). No number -> ""."""
    if not phone:
        return ""
    if len(phone) >= 8:
        return f"{phone[:3]}****{phone[-4:]}"
    return "****" + phone[-2:]
