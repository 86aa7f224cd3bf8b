"""How a phone number is hidden: `mask_phone`, the one rule for the window, the exports and the audit log.

The masked views of team mode (desktop/team_roles.py `_MASK_SQL`) write the same form in SQL;
tests/desktop/test_phones.py keeps the two alike.
"""

from __future__ import annotations

import re

# 7+ digits (of any width), each separated from the next by at most 3 characters that are neither letters nor
# digits — spaces, dots, hyphens, dashes, slashes, underscores, of any width: a phone number (a mobile's 11 digits,
# a landline with its area code) inside a text (a group nickname 张三-138 1234 5678, a note), written any way.
_PHONE_IN_TEXT = re.compile(r"\d(?:[\W_]{0,3}\d){6,}")


def mask_phone(phone: str | None) -> str:
    """138****8000: the first three and the last four characters stay, the middle is hidden; a number
    shorter than 8 characters shows only its last two (****45). No number -> ""."""
    if not phone:
        return ""
    if len(phone) >= 8:
        return f"{phone[:3]}****{phone[-4:]}"
    return "****" + phone[-2:]


def mask_phones_in(text: str | None) -> str | None:
    """`text` with every phone-like run of digits in it masked to its first three digits (张三-138****): what a
    masked view shows of a group nickname, a name or a note that holds a phone — the paste-ready texts, the
    monthly report and an assistant's exports. None stays None."""
    if not text:
        return text
    return _PHONE_IN_TEXT.sub(lambda m: "".join(re.findall(r"\d", m.group(0))[:3]) + "****", text)
