"""The community's time zone as the file readers see it.

The zone is the workspace's setting (Settings → 社群时区), kept for the process by `models.clock` (`set_zone`, when a
workspace is opened or the setting saved). desktop/io reads file formats only and imports no models
(tests/test_layers.py), so the app hands the zone over: importing `desktop.services` installs `models.clock`'s
`zone` and `describe` here. Until then — a reader used on its own — the zone is this computer's (None)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo


def _machine_name(tz: tzinfo | None) -> str:
    if tz is None:
        return datetime.now().astimezone().tzname() or "UTC"
    return getattr(tz, "key", None) or tz.tzname(None) or str(tz)


_zone: Callable[[], tzinfo | None] = lambda: None  # noqa: E731
_describe: Callable[[tzinfo | None], str] = _machine_name


def install(zone: Callable[[], tzinfo | None], describe: Callable[[tzinfo | None], str]) -> None:
    """Read the community's zone, and name a zone, through these (models.clock.zone / describe)."""
    global _zone, _describe
    _zone, _describe = zone, describe


def community() -> tzinfo | None:
    """The community's zone (None: this computer's)."""
    return _zone()


def describe(tz: tzinfo | None) -> str:
    """A zone as the user reads it (Asia/Shanghai, UTC+8; None by this computer's zone's name)."""
    return _describe(tz)
