"""Wording shared by several screens: known errors in the UI language (plain message box), role names, the
words for counting people, and the texts desktop/ builds.

Services raise QunDeskError / DatabaseError with bilingual messages such as
"姓名不能为空 (name is required)"; the window shows the half that matches the UI language. Texts built in
desktop/ for reading (alert reasons, timeline entries) are desktop.phrases.Phrase: the window translates
their English template through the catalogues (context "Phrase"). `localise_message` does both."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import ValidationError
from desktop.phrases import Phrase

LANGUAGE_PROPERTY = "qundesk_language"

ROLE_LABELS = {
    "owner": QT_TRANSLATE_NOOP("OperatorRole", "Owner"),
    "admin": QT_TRANSLATE_NOOP("OperatorRole", "Admin"),
    "assistant": QT_TRANSLATE_NOOP("OperatorRole", "Assistant"),
}

_CJK = re.compile(r"[\u3400-\u9fff]")
# An English gloss in brackets: starts with a letter, holds no CJK; or starts with a digit and holds an English word
# ("(2026-12-05 is after today: …)"); or holds a name in CJK among at least three English words ("(not in this
# group; a member of 城市夜跑团)"). Brackets of only digits and signs ("(12/5)", "(3)") are no gloss.
_BRACKETED = re.compile(r"\s*[(（]([A-Za-z0-9][^()（）]*)[)）]")
_WORD = re.compile(r"[A-Za-z]{2,}")


def _is_gloss(inner: str) -> bool:
    if _CJK.search(inner):
        return inner[:1].isascii() and inner[:1].isalpha() and len(_WORD.findall(inner)) >= 3
    return inner[:1].isalpha() or _WORD.search(inner) is not None


def _default_names() -> frozenset[str]:
    from desktop.services.groups import CANONICAL_STEPS, DEFAULT_ROLES, DEFAULT_TIERS
    from models.points import DEFAULT_LEVELS

    return frozenset(
        [name for _code, name, *_rest in CANONICAL_STEPS]
        + [name for name, *_rest in DEFAULT_TIERS]
        + list(DEFAULT_ROLES)
        + [name for name, _points in DEFAULT_LEVELS]
    )


DEFAULT_NAMES = _default_names()


def default_name(name: str | None) -> str:
    """A name the app gave by default — the canonical entry steps, the tiers, the operating roles, the point
    levels (desktop/services/groups.py, models/points.py) — in the window's language: the catalogues' context
    "DefaultName" (resources/translations/wording_*.ts) holds each, its source the Chinese name that is stored.
    A name the organiser typed or changed is theirs, shown as it is. For display only: editors and the values
    handed back to the services keep the stored name."""
    if not name:
        return name or ""
    return QCoreApplication.translate("DefaultName", name) if name in DEFAULT_NAMES else name


def current_language() -> str:
    """The UI language the application was started with ("zh_CN" or "en"); English when not set (tests)."""
    app = QCoreApplication.instance()
    lang = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return str(lang) if lang else "en"


def translate_phrase(template: str) -> str:
    """A Phrase's English template in the window's language (context "Phrase" of the catalogues)."""
    return QCoreApplication.translate("Phrase", template)


def localise_message(text: str, lang: str | None = None) -> str:
    """A text from desktop/ in the UI language: a Phrase through the catalogues (or in `lang` when given),
    the Chinese or the English half of a bilingual service message; other text unchanged."""
    if isinstance(text, Phrase):
        if lang:
            return text.render(lang)
        # an argument that is one of the app's default names ("Done: “进群目的问答”") follows the window too
        named = {k: default_name(v) if type(v) is str else v for k, v in text.args.items()}
        if named != text.args:
            text = Phrase(text.key, **named)
        return text.render(current_language(), translate=translate_phrase)
    if not _CJK.search(text):
        return text
    glosses = [m for m in _BRACKETED.finditer(text) if _is_gloss(m.group(1))]
    if not glosses:
        return text
    if (lang or current_language()).startswith("zh"):
        out = text
        for m in reversed(glosses):
            if " " in m.group(1).strip() or len(m.group(1)) > 12:
                out = out[: m.start()] + out[m.end() :]
        return out.strip()
    # English: the longest gloss written wholly in English (one naming a group in CJK is a part, not the whole)
    english_only = [m for m in glosses if not _CJK.search(m.group(1))] or glosses
    best = max(english_only, key=lambda m: len(m.group(1)))
    english = best.group(1).strip()
    rest = text[best.end() :]
    if rest.startswith(":"):
        english += rest
    return english[:1].upper() + english[1:]


# ---- Counting people: one wording on every screen (sidebar, roster, demo offer, dashboard, reports) ----
# - 人 / person: one real person, however many groups they are in. The demo's "600 人" (`demo --members`)
#   counts these, and so does the roster's "… 人".
# - 群成员 / member: a person's place in one group with status 已入群 (PRODUCT §4): what a group's count and
#   its capacity (x/500) count. Added up over groups, someone in two groups counts twice.
# - 成员资格 / membership: a person's record in one group, whatever its status (申请中, 入群中, 已入群,
#   已退群 …): one row of the roster. Within one group one membership is one person.
# So the sidebar and the dashboard count members (All groups: the groups' members added up, the people they
# are in the tooltip); the roster counts its rows as people in one group, and as memberships and people across
# groups; the demo offer counts people.


def number_text(n: int) -> str:
    """A count for a %1 in a sentence, grouped as the language writes it: "129,605" (the counts written %Ln in the
    translations are grouped the same way by Qt)."""
    return QLocale().toString(int(n))


def list_text(items) -> str:
    """Names in a sentence, joined as the language writes a list: "吴萍、付晨伟" / "吴萍, 付晨伟"."""
    return QCoreApplication.translate("Lists", ", ").join(items)


def people_text(n: int) -> str:
    """ "600 人" / "600 people"."""
    return QCoreApplication.translate("Counts", "%n person(s)", None, n)


def members_text(n: int) -> str:
    """ "689 名群成员" / "689 members" — places with status 已入群, one per person and group."""
    return QCoreApplication.translate("Counts", "%n member(s)", None, n)


def memberships_text(n: int) -> str:
    """ "906 条成员资格" / "906 memberships" — roster rows of any status, one per person and group."""
    return QCoreApplication.translate("Counts", "%n membership(s)", None, n)


def show_error(parent: QWidget | None, exc: BaseException | str, title: str | None = None) -> None:
    """A known error (QunDeskError, DatabaseError, a refused permission) in a plain warning box. A ValidationError
    shows its message: its field is a name in the code ("status", "starts_at"), not words for the user."""
    text = localise_message(exc.message if isinstance(exc, ValidationError) else str(exc))
    QMessageBox.warning(parent, title or QCoreApplication.translate("Messages", "QunDesk"), text)


def role_label(role: str) -> str:
    source = ROLE_LABELS.get(role)
    return QCoreApplication.translate("OperatorRole", source) if source else role


def operator_text(name: str, role: str) -> str:
    """ "小王 (Assistant)"; just "群主" when the name already says the role."""
    label = role_label(role)
    if label == name:
        return name
    return QCoreApplication.translate("OperatorRole", "%1 (%2)").replace("%1", name).replace("%2", label)
