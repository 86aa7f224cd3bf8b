"""How a list of tags is written: `split_tags`, the one rule for the member dialog and the roster imports.

The rule (tests/desktop/test_tags.py):
* ``, ， 、 ; ； / ／ | ｜``, tabs and line breaks separate tags.
* A space separates tags where it stands next to a wide character — Chinese, Japanese, Korean, emoji,
  full-width forms (Unicode East Asian Width W or F): "早起 读书" is 早起 and 读书, "VIP 早起" is VIP and 早起,
  "Python 入门" is Python and 入门 (write Python入门 for one tag).
* A space between two narrow characters — Latin letters, digits, ASCII punctuation — belongs to the tag,
  since English tags are phrases: "early riser", "C++ basics" and "Python 3" are one tag each. Several
  spaces there become one.
* Each tag is trimmed and NFC-normalised like any imported text; empty and repeated tags are dropped, the
  first spelling and the order kept.

Why: Chinese needs no space inside a word, so organisers type and paste "早起 读书" meaning two tags (and
imports always split it); English tags need the space, and the member dialog's own example is "early riser".
Before this rule the dialog kept "早起 读书" as one tag while the import made two.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.io.fields import clean_text

_SEPARATORS = re.compile(r"[,，、;；/／|｜\t\n\r\v\f]+")
_SPACES = re.compile(r"\s+")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _split_on_spaces(part: str) -> list[str]:
    words = _SPACES.split(part.strip())
    if words == [""]:
        return []
    out: list[str] = []
    current = words[0]
    for word in words[1:]:
        if _wide(current[-1]) or _wide(word[0]):
            out.append(current)
            current = word
        else:
            current = f"{current} {word}"
    out.append(current)
    return out


def split_tags(value: object) -> list[str]:
    """The tags in a typed field or an imported cell (a list or tuple of cells: all of their tags), by the
    rule in this module's docstring: "早起, 读书、运营" and "早起 读书 运营" -> 早起, 读书, 运营;
    "early riser, reading" -> early riser, reading."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        parts = [tag for item in value for tag in split_tags(item)]
    else:
        text = clean_text(value)
        parts = [tag for piece in _SEPARATORS.split(text) for tag in _split_on_spaces(piece)] if text else []
    out: list[str] = []
    for part in parts:
        tag = clean_text(part)
        if tag and tag not in out:
            out.append(tag)
    return out
