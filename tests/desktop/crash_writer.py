"""Worker for tests/desktop/test_crash_safety.py: a large write in its own process, to be killed midway.

    python tests/desktop/crash_writer.py restore BACKUP TARGET
    python tests/desktop/crash_writer.py backup WORKSPACE TARGET

restore prints `progress DONE TOTAL` lines (flushed) while it copies, then `done` and the row counts as JSON;
backup prints `copying` (flushed) after its first step of pages and then waits there, to be killed.
(The demo case runs the real command line, `python -m desktop.cli --db DB demo …`.)"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.services.backup import restore_workspace
from desktop.services.operators import Actor


def main(argv: list[str]) -> int:
    command, backup, target = argv
    if command == "backup":
        import time

        from desktop.services.backup import backup_workspace
        from desktop.workspace import open_workspace

        def stop() -> bool:
            print("copying", flush=True)
            time.sleep(600)
            return False

        backup_workspace(open_workspace(backup), target, stop=stop)
        return 0
    assert command == "restore", command

    def progress(done: int, total: int) -> None:
        print(f"progress {done} {total}", flush=True)

    counts = restore_workspace(Actor(1, "群主", "owner"), backup, target, progress=progress)
    print("done", json.dumps(counts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
