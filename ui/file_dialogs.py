"""The window's Open / Save file dialogs, which never open the files of the folder they show.

Qt's own file dialog (the one used where no native dialog is available, as on many Linux desktops) names each
file's icon and type from its content: QMimeDatabase opens the file and closes it again. When the folder holds
the open workspace (a demo.sqlite next to the Excel files one imports and exports, the usual case), closing that
descriptor drops every POSIX lock this process holds on the file — SQLite's locks included (the "POSIX advisory
locks are cancelled by close()" of sqlite.org/howtocorrupt.html). The next `qundesk` command on the same
workspace then finds no reader, folds the WAL into the file and deletes it while the window still writes to
it: the window's later check-ins, imports and edits are seen by no other program, and lost or corrupt if that
program writes too. The dialogs here name icons and types from the file name alone, so nothing is opened.

Call sites use `get_open_file_name` / `get_save_file_name` (same arguments and result as QFileDialog's static
functions); tests replace these two."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QSettings, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from a file's name and kind (folder or file): never from its content."""

    def icon(self, arg) -> QIcon:
        if isinstance(arg, QFileInfo):
            style = QApplication.style()
            pixmap = QStyle.StandardPixmap.SP_DirIcon if arg.isDir() else QStyle.StandardPixmap.SP_FileIcon
            return style.standardIcon(pixmap) if style is not None else QIcon()
        return super().icon(arg)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QCoreApplication.translate("FileDialogs", "File")
        return QCoreApplication.translate("FileDialogs", "%1 file").replace("%1", suffix.upper())


_PROVIDER = NameOnlyIconProvider()  # outlives every dialog (QFileDialog does not own its provider)


def file_dialog(parent: QWidget | None, caption: str, directory: str, file_filter: str) -> QFileDialog:
    """A QFileDialog that opens none of the files it lists (see the module's docstring)."""
    dialog = QFileDialog(parent, caption, directory, file_filter)
    dialog.setIconProvider(_PROVIDER)
    return dialog


def _run(dialog: QFileDialog) -> tuple[str, str]:
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return "", ""
    files = dialog.selectedFiles()
    return (files[0] if files else ""), dialog.selectedNameFilter()


OPEN_FOLDER_KEY = "files/open_folder"


def open_folder() -> str:
    """Where an Open dialog starts when its caller names no folder: the folder a file was last opened from (while
    it exists), else Downloads — where WeChat and the browsers put the exports people import —, else Documents,
    else home. It started in the process's working directory: the source tree here, the install folder or
    C:\\Windows\\System32 for a packaged app on Windows."""
    stored = QSettings().value(OPEN_FOLDER_KEY)
    if stored and Path(str(stored)).is_dir():
        return str(stored)
    for location in (
        QStandardPaths.StandardLocation.DownloadLocation,
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


def get_open_file_name(
    parent: QWidget | None, caption: str = "", directory: str = "", file_filter: str = ""
) -> tuple[str, str]:
    """(path, chosen filter) of an existing file, ("", "") when cancelled. Without a `directory`, the dialog
    starts in `open_folder()`; the folder of the file chosen is remembered for the next one."""
    dialog = file_dialog(parent, caption, directory or open_folder(), file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    path, chosen = _run(dialog)
    if path:
        QSettings().setValue(OPEN_FOLDER_KEY, str(Path(path).parent))
    return path, chosen


def get_save_file_name(
    parent: QWidget | None, caption: str = "", directory: str = "", file_filter: str = ""
) -> tuple[str, str]:
    """(path, chosen filter) to save to (Qt asks before replacing a file), ("", "") when cancelled."""
    dialog = file_dialog(parent, caption, directory, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return _run(dialog)
