"""docs/cli.md is the command line's manual: every command has its section, and every option the parser takes is
in that section's heading (or, for the `text` kinds, in the kind's row of the table) — an option a new user cannot
find there (`demo --today`, `import roster --skip-problems`, `import chat --other-group`) was missing."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from desktop.cli import COMMANDS, build_parser

DOC = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
GLOBAL = {"-h", "--help", "--db", "--operator"}  # on every command; the global options' table has them


def _parser_of(name: str) -> argparse.ArgumentParser:
    parser = build_parser()
    for word in name.split():
        subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = subparsers.choices[word]
    return parser


def _documented(name: str) -> str:
    """The heading(s) of the command's section; for a `text` kind, its row of the table and the section's heading
    (`[--json]`, common to the kinds)."""
    headings = re.findall(r"^### (.+)$", DOC, flags=re.M)
    if name.startswith("text "):
        rows = re.findall(rf"^\| `{name}\b[^|]*\|", DOC, flags=re.M)
        return " ".join(rows + [h for h in headings if "qundesk text " in h]) if rows else ""
    verb = name.split()[-1]
    return " ".join(h for h in headings if f"qundesk {name}" in h or f"· `{name}" in h or f"· `{verb} " in h)


@pytest.mark.parametrize("name", [c.name for c in COMMANDS])
def test_every_option_of_every_command_is_in_its_section(name):
    documented = _documented(name)
    assert documented, f"docs/cli.md has no section for `qundesk {name}`"
    for action in _parser_of(name)._actions:
        names = set(action.option_strings) - GLOBAL
        if names:
            assert any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", documented) for o in names), (
                f"`qundesk {name}`: {'/'.join(sorted(names))} is not in docs/cli.md ({documented})"
            )
