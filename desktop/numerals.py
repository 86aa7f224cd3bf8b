"""Chinese numerals as people write them in chats, chain titles and names: 九, 十二, 二十三, 三十一, 两, and digit by
digit (二〇二六, 零五). One reading for the paste's title dates and editions, the chat times and the leave words."""

from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int | None:
    """九 → 9, 十二 → 12, 二十三 → 23, 两 → 2, 二〇二六 → 2026, 零五 → 5; None for anything else (十十, 百, an empty
    text, a character that is no numeral)."""
    if "十" not in text:
        if not text or any(ch not in DIGITS for ch in text):
            return None
        return int("".join(str(DIGITS[ch]) for ch in text))
    tens, _, ones = text.partition("十")
    tens = tens.lstrip("零〇") if len(tens) > 1 else tens
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in DIGITS) or (ones and ones not in DIGITS):
        return None
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[ones] if ones else 0)
