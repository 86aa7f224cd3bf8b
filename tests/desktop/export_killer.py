"""Worker for tests/desktop/test_workspace_safety.py: an export whose save stops half-way, to be killed there.

    python tests/desktop/export_killer.py TARGET.xlsx

saves a workbook through xlsx_util.save_atomic; after the first 64 KB reach the temporary file it prints
`saving` (flushed) and waits, so the test can kill it with the temporary file half written."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from openpyxl import Workbook

from desktop.io import xlsx_util


class _Stalling:
    def __init__(self, guard) -> None:
        self._guard = guard
        self._written = 0

    def write(self, data):
        n = self._guard.write(data)
        self._written += len(data)
        if self._written > 64 * 1024:
            self._guard.flush()
            print("saving", flush=True)
            time.sleep(600)
        return n

    def __getattr__(self, name: str):
        return getattr(self._guard, name)


def main(target: str) -> int:
    real_guard = xlsx_util._WriteGuard
    xlsx_util._WriteGuard = lambda fh: _Stalling(real_guard(fh))  # type: ignore[assignment,misc]
    wb = Workbook()
    ws = wb.active
    for i in range(20_000):
        ws.append([f"成员{i:05d}", f"wx_{i:05d}", i * 7919 % 100_003])
    xlsx_util.save_atomic(wb, Path(target))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
