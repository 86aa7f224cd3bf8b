"""The bundled application's entry point (PyInstaller freezes this script): the same `qundesk` command as
`pip install .` gives — the window with no command, the headless commands otherwise."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
