"""Guard for the PySide6 pin (pyproject: PySide6<6.12). PySide6 6.12.0 on CPython 3.11 drops a reference
to None on every void Qt call and aborts with "Fatal Python error: none_dealloc" after about 5,000 calls.
The calls run in a child process so a crash is a test failure, not the end of the test run."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000

SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    obj = QObject()
    widget = QWidget()
    before = sys.getrefcount(None)
    calls = 0
    for i in range({CALLS} // 4):
        obj.setObjectName("guard")      # void setter on a QObject
        widget.setVisible(False)        # void QWidget call on an offscreen widget
        widget.setToolTip("guard")
        widget.update()
        calls += 4
    after = sys.getrefcount(None)
    print("calls", calls)
    print("none_refs_lost", before - after)
    """
)


def test_twenty_thousand_void_qt_calls_survive():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert result.returncode == 0, f"the process died (exit {result.returncode}):\n{result.stderr[-2000:]}"
    lines = dict(line.split() for line in result.stdout.splitlines() if line.strip())
    assert int(lines["calls"]) == CALLS
    # A leaking binding loses one reference to None per call; allow noise from the interpreter itself.
    assert int(lines["none_refs_lost"]) < 1_000, result.stdout
