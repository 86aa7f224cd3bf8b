"""Worker for tests/desktop/test_cli_cron.py: a `qundesk` command that stops half-way, to be signalled there.

    python tests/desktop/cli_stopper.py MARKER WHERE ARGS…

runs `desktop.cli.main()` with ARGS as its command line. WHERE says where it stops: `members` — once the first
people are inserted (inside the command's transaction, after rows were written); `backup` — when the backup's
temporary file is complete and about to be checked. There it creates MARKER and sleeps, so the test can send
SIGTERM, SIGHUP or SIGINT at a known point."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _stop_here(marker: Path) -> None:
    marker.write_text("stopped", encoding="utf-8")
    time.sleep(120)


def main() -> int:
    marker, where, argv = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
    if where == "members":
        from sqlalchemy import event
        from sqlalchemy.engine import Engine

        @event.listens_for(Engine, "after_cursor_execute")
        def _after_insert(_conn, _cursor, statement, *_args):
            if " ".join(statement.split()[:3]).upper().replace('"', "") == "INSERT INTO MEMBER":
                _stop_here(marker)

    elif where == "backup":
        import desktop.services.backup as backup

        check = backup._sqlite_check

        def _stalling_check(*args, **kwargs):
            _stop_here(marker)
            return check(*args, **kwargs)

        backup._sqlite_check = _stalling_check
    else:
        raise SystemExit(f"unknown stop {where!r}")
    sys.argv = [sys.argv[0], *argv]
    from desktop.cli import main as qundesk

    return qundesk()


if __name__ == "__main__":
    sys.exit(main())
