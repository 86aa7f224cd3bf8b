"""Search keys stored beside a name: pinyin initials and full pinyin (张三 -> "zs", "zhangsan").

Computed once when a name is written and kept in indexed columns, so search by pinyin is an indexed
prefix range and never converts names while the user types. The per-character cache makes 100k names
≈55x faster than calling pypinyin per name (measured, see shared PERFORMANCE.md)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_KEEP = re.compile(r"[0-9a-z]")


@lru_cache(maxsize=65536)
def _char_pinyin(ch: str) -> str:
    from pypinyin import Style, lazy_pinyin  # imported lazily: it is slow to import

    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return lazy_pinyin(ch, style=Style.NORMAL)[0].lower()
    folded = unicodedata.normalize("NFKC", ch).lower()
    return folded if _KEEP.fullmatch(folded or " ") else ""


def name_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of a name; Latin letters and digits are kept, emoji and punctuation dropped.
    Each character's most common reading (the sort key; see alt_name_keys for the reading of the name)."""
    return _keys(name, [_char_pinyin(ch) for ch in name])


# Surnames whose reading as a surname is not the character's most common one (曾小贤 is Zeng Xiaoxian, not Ceng):
# the first character of a name read as a surname (alt_name_keys). Where a surname has two living readings
# (乐 le/yue) the other one is the character's own and stays in name_keys.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha", "覃": "qin",
    "盖": "ge", "缪": "miao", "翟": "zhai", "薄": "bo", "乐": "yue", "秘": "bi", "种": "chong", "重": "chong",
    "召": "shao", "员": "yun", "折": "she", "繁": "po", "句": "gou", "祭": "zhai", "宿": "su", "能": "nai",
    "蕃": "pi", "隗": "wei", "冼": "xian", "尉": "yu", "卜": "bu", "柏": "bai", "牟": "mou", "应": "ying",
}  # fmt: skip
COMPOUND_SURNAMES = {"长孙": "zhang sun", "尉迟": "yu chi", "万俟": "mo qi", "单于": "chan yu", "澹台": "tan tai"}


def alt_name_keys(name: str) -> tuple[str, str] | None:
    """(initials, full pinyin) of the name as people read it — a leading surname by its surname reading (曾 zeng,
    单 shan, 解 xie, 长孙 zhangsun) and the rest by pypinyin's phrases (重庆 chongqing, 银行 yinhang, 音乐 yinyue)
    — when that differs from name_keys: the roster search finds a person by either (typing zxx finds 曾小贤, and
    cxx still does)."""
    from pypinyin import Style, lazy_pinyin

    if not name or not ("\u4e00" <= name[0] <= "\u9fff"):
        return None
    if name[0] not in SURNAME_READINGS and name[:2] not in COMPOUND_SURNAMES and not any(map(_has_readings, name)):
        return None  # no character with another reading: the keys are name_keys' (most names; cheap)
    if _has_phrase(name):  # a word read otherwise in context (重庆, 银行): pypinyin's phrases read it
        readings = lazy_pinyin(name, style=Style.NORMAL, errors=lambda run: list(run))
        if len(readings) != len(name):  # one reading per character is what the keys are cut from
            return None
        readings = [r.lower() if _is_cjk(ch) else _char_pinyin(ch) for ch, r in zip(name, readings, strict=True)]
    else:  # most names: each character as name_keys reads it (the phrase segmentation cost 60 µs a name)
        readings = [_char_pinyin(ch) for ch in name]
    compound = COMPOUND_SURNAMES.get(name[:2])
    if compound:
        readings[:2] = compound.split()
    elif name[0] in SURNAME_READINGS:
        readings[0] = SURNAME_READINGS[name[0]]
    alt = _keys(name, readings)
    return None if alt == name_keys(name) else alt


def _has_phrase(name: str) -> bool:
    """Whether a word of 2–4 characters of `name` is one of pypinyin's phrases (whose reading may differ)."""
    from pypinyin.constants import PHRASES_DICT

    n = len(name)
    return any(name[i:j] in PHRASES_DICT for i in range(n - 1) for j in range(i + 2, min(n, i + 4) + 1))


@lru_cache(maxsize=65536)
def _has_readings(ch: str) -> bool:
    from pypinyin import Style, pinyin

    return _is_cjk(ch) and len(pinyin(ch, style=Style.NORMAL, heteronym=True)[0]) > 1


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def search_columns(name: str) -> dict[str, str | None]:
    """Member's search key columns for a display name, cut to the columns' sizes (long CJK names): every writer of
    names (the roster service, the imports, the demo) stores them through here."""
    initials, full = name_keys(name)
    alt = alt_name_keys(name)
    return {
        "initials": initials[:100],
        "pinyin": full[:400],
        "initials_alt": alt[0][:100] if alt else None,
        "pinyin_alt": alt[1][:400] if alt else None,
    }


def _keys(name: str, readings: list[str]) -> tuple[str, str]:
    initials: list[str] = []
    full: list[str] = []
    word_start = True
    for ch, p in zip(name, readings, strict=True):
        if not p:
            word_start = True
            continue
        is_cjk = len(p) > 1 or ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")
        if is_cjk:
            initials.append(p[0])
            word_start = True
        elif word_start:
            initials.append(p)
            word_start = False
        full.append(p)
    return "".join(initials), "".join(full)


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with prefix: lets `col >= p AND col < bound`
    use a plain B-tree index on SQLite and PostgreSQL alike (LIKE 'p%' cannot on SQLite)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else "\U0010ffff"


_TONED_U = str.maketrans({"ü": "v", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v", "Ü": "v"})
_TONE_NUMBERED = re.compile(r"(?:[a-z]+[1-5]?)+")  # wang2fang1, lv3
_LN_U = re.compile(r"(?<=[ln])u")


def typed_readings(text: str) -> list[str]:
    """The pinyin keys a text typed as a reading stands for (lower case, no spaces), as the stored columns write
    them; [] when the text is no reading (characters, a phone). People type 吕 as lv, lü, lu: or lu (a keyboard
    without ü), and tones as marks (wáng fāng, lǚ) or digits (wang2 fang1): pypinyin stores lv and no tones, so
    each of these found no one. ü (and u:) is v; tone marks and tone digits after a syllable are dropped; a text
    with lu or nu also tries lv/nv (lu finds 吕 as well as 陆: a search offers, the person picks). Decided with
    probe search2."""
    t = unicodedata.normalize("NFC", text.strip().lower()).translate(_TONED_U).replace("u:", "v")
    t = "".join(ch for ch in unicodedata.normalize("NFD", t) if not unicodedata.combining(ch))
    key = t.replace(" ", "").replace("'", "")
    if not key.isascii() or not key.isalnum() or key.isdigit():
        return []
    if any(ch.isdigit() for ch in key) and _TONE_NUMBERED.fullmatch(key) and len(key) > 1:
        key = re.sub(r"(?<=[a-z])[1-5]", "", key) if re.search(r"[aeiouvgnr][1-5]", key) else key
    keys = [key]
    if _LN_U.search(key):
        keys.append(_LN_U.sub("v", key))
    return keys
