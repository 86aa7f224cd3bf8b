"""User-facing errors raised by services. Anything else is a bug and reaches the exception dialog."""

from __future__ import annotations


class QunDeskError(Exception):
    """A known problem with a message meant for the user (shown as is)."""

    exit_code = 1


class ValidationError(QunDeskError):
    """A bad value: names the field (and for files, the row) that is wrong."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotFound(QunDeskError):
    pass


def gone(zh: str, en: str) -> NotFound:
    """A record the user acted on that is no longer there — someone else removed it since their list was read (two
    assistants on one team database; the second click of a removal): said in words, where the warning box had shown
    "leave 12" or "contribution 5". `zh` / `en` name the record ("这条请假", "leave")."""
    return NotFound(f"{zh}已不在，可能已被他人删除 (this {en} is no longer there: someone else may have removed it)")


def memberships_gone(n: int = 1) -> NotFound:
    """Memberships an action (or the undo of one) names that are no longer there: folded into another person's
    record by a merge, or deleted, since the roster was read or the action was done. Said in words — the whole
    message was "membership" (the Roster page's Ctrl+Z of a bulk tier after one of the people was merged)."""
    if n == 1:
        return NotFound(
            "这条成员记录已不在（已合并到另一人的记录，或已被删除），没有做任何改动 (this membership is no longer "
            "there: merged into another person's record or deleted since; nothing was changed)"
        )
    return NotFound(
        f"其中 {n} 条成员记录已不在（已合并到另一人的记录，或已被删除），没有做任何改动 ({n} of these memberships "
        "are no longer there: merged into another person's record or deleted since; nothing was changed)"
    )


class PermissionDenied(QunDeskError):
    """Not allowed: the operator's role may not do this (exit code 4)."""

    exit_code = 4


class SignInFailed(PermissionDenied):
    """Nobody signed in where sign-in is needed, or the name or password is wrong (exit code 4)."""


class PasswordMissing(SignInFailed):
    """The operator has a password and none was given (not a wrong one: the CLI says where to put it)."""
