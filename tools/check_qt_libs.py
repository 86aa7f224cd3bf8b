"""Does this Linux machine have the system libraries Qt needs to open the window? (`make run` asks first.)

PySide6's wheels carry Qt itself but not the X11 libraries its xcb platform plugin links to. A fresh Debian
has some of them, not libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1 and friends, and Qt then stops with
"could not load the Qt platform plugin xcb" and a list of plugins that does not say what is missing. This
script asks `ldd` which libraries the plugin and the Qt modules QunDesk imports cannot find, and:

- prints the exact `apt-get install` command and exits 1 (so `make run` stops before Qt does), or
- when run as root with apt-get (CI, containers — as .ci/run installs PostgreSQL), installs them and checks
  again.

Exit 0 when nothing is missing, and also where it cannot tell (not Linux, no ldd, PySide6 not installed:
starting QunDesk says more then). Needs only the standard library.

    python tools/check_qt_libs.py            # check (install when root)
    python tools/check_qt_libs.py --list     # print the libraries and Debian packages checked"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Debian/Ubuntu package of each library Qt's xcb plugin, QtCore, QtGui, QtWidgets and QtCharts link to
# outside the wheel (ldd on PySide6 6.11; dpkg -S on Debian 12). Names are Debian 12's; on Debian 13 and
# Ubuntu 24.04 the renamed "t64" packages provide these names, so the same command works there.
PACKAGES = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libXext.so.6": "libxext6",
    "libXrender.so.1": "libxrender1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libharfbuzz.so.0": "libharfbuzz0b",
    "libbrotlidec.so.1": "libbrotli1",
    "libexpat.so.1": "libexpat1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libgmodule-2.0.so.0": "libglib2.0-0",
}

# What QunDesk loads: the Python modules it imports, and the platform plugin of an X11 (or XWayland) desktop.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtCharts")
XCB_PLUGIN = Path("Qt") / "plugins" / "platforms" / "libqxcb.so"
NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")


def pyside_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")  # finds the package without loading Qt
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def qt_binaries(pyside: Path, platform: str | None) -> list[Path]:
    """The files whose libraries must all resolve: the Qt modules, and the xcb plugin unless Qt is told to use
    another platform (QT_QPA_PLATFORM=offscreen, wayland, …)."""
    files = [p for name in QT_MODULES for p in sorted(pyside.glob(f"{name}.*so"))]
    if not platform or platform.split(":")[0] == "xcb":
        files.append(pyside / XCB_PLUGIN)
    return [p for p in files if p.is_file()]


def parse_ldd(output: str) -> set[str]:
    """The libraries `ldd` reports as "not found"."""
    return {m.group(1) for line in output.splitlines() if (m := NOT_FOUND.match(line))}


def missing_libraries(files: list[Path]) -> list[str]:
    missing: set[str] = set()
    for path in files:
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False)
        missing |= parse_ldd(result.stdout)
    return sorted(missing)


def packages_for(libraries: list[str]) -> tuple[list[str], list[str]]:
    """(Debian packages to install, libraries this script does not know the package of)."""
    packages = sorted({PACKAGES[lib] for lib in libraries if lib in PACKAGES})
    unknown = [lib for lib in libraries if lib not in PACKAGES]
    return packages, unknown


def install_command(packages: list[str], *, root: bool) -> str:
    return ("" if root else "sudo ") + "apt-get install -y " + " ".join(packages)


def advice(libraries: list[str], *, root: bool = False) -> str:
    packages, unknown = packages_for(libraries)
    lines = [
        "QunDesk cannot open its window yet: Qt needs system libraries that are not installed:",
        "  " + ", ".join(libraries),
    ]
    if packages and shutil.which("apt-get"):
        lines += ["Install them with:", "  " + install_command(packages, root=root), "then run `make run` again."]
    elif packages:
        lines += ["On Debian or Ubuntu the packages are: " + " ".join(packages) + "."]
        lines += ["Install the packages that provide these libraries with your system's package manager."]
    if unknown:
        lines += ["Not in this script's list (find the package that provides each): " + ", ".join(unknown)]
    return "\n".join(lines)


def apt_install(packages: list[str]) -> bool:
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    print("Installing the libraries Qt needs: " + install_command(packages, root=True), flush=True)
    for cmd in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
    ):
        if subprocess.run(cmd, env=env, check=False).returncode != 0:
            return False
    return True


def main(argv: list[str]) -> int:
    if argv == ["--list"]:
        for lib, package in PACKAGES.items():
            print(f"{lib:28} {package}")
        return 0
    if argv:
        print(__doc__.rsplit("\n\n", 1)[1], file=sys.stderr)
        return 2
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return 0
    pyside = pyside_dir()
    if pyside is None:
        return 0
    files = qt_binaries(pyside, os.environ.get("QT_QPA_PLATFORM"))
    missing = missing_libraries(files)
    if not missing:
        return 0
    packages, _unknown = packages_for(missing)
    if packages and os.geteuid() == 0 and shutil.which("apt-get"):
        if apt_install(packages):
            missing = missing_libraries(files)
            if not missing:
                return 0
    print(advice(missing, root=os.geteuid() == 0), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
