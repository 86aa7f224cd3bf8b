"""`python -m ui.screenshots OUTDIR [--lang zh_CN|en]`: build a demo workspace in a temporary folder, open
the main window at 1280x800 and save PNGs of the main window, the roster filtered by "zs", the member
dialog, the settings page and the first-run dialog (for the README and for eyeballing layouts)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QWidget

SIZE = (1280, 800)


def _settle(ms: int = 300) -> None:
    """Let layouts, fonts and deferred paints finish."""
    app = QCoreApplication.instance()
    assert app is not None
    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def _save(widget: QWidget, path: Path) -> Path:
    _settle()
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(f"wrote {path}")
    return path


def _fill_workspace(database, actor) -> None:
    """The demo workspace, plus a 张三 so the "zs" screenshot shows the search the README talks about."""
    from desktop.services.groups import list_groups
    from desktop.services.roster import MemberInput, RosterQuery, add_member, count_roster
    from desktop.workspace import is_empty

    if is_empty(database):
        from desktop.demo import build_demo  # lazily: only needed when the folder is new

        build_demo(database.engine, groups=5, members=600, months=3, seed=1)
    with database.session() as session:
        if count_roster(session, RosterQuery(text="张三")) == 0:
            group = list_groups(session)[0]
            data = MemberInput(
                display_name="张三",
                nickname="三哥☀️",
                wechat_id="zhangsan_2024",
                phone="13800138000",
                city="上海",
                occupation="产品经理",
                tags=["早起", "种子用户"],
                tier="核心",
                seed_user=True,
                purpose="想和大家一起坚持早起，顺便认识同城的朋友",
            )
            add_member(session, actor, group.id, data)
            session.commit()


def take(outdir: Path, lang: str = "zh_CN") -> list[Path]:
    home = os.environ.get("QUNDESK_HOME") or tempfile.mkdtemp(prefix="qundesk-shots-")
    os.environ["QUNDESK_HOME"] = home
    # Window state of this run stays in the temporary folder (no saved geometry from a real session).
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(home) / "settings"))

    from desktop.workspace import actor_for, open_workspace
    from ui.app import prepare_app
    from ui.dialogs.first_run_dialog import FirstRunDialog
    from ui.main_window import MainWindow

    app = prepare_app(lang, [sys.argv[0]])
    outdir.mkdir(parents=True, exist_ok=True)
    database = open_workspace()
    actor = actor_for(database)
    _fill_workspace(database, actor)
    shots: list[Path] = []
    window = MainWindow(database, actor)
    try:
        window.resize(*SIZE)
        window.show()
        window.show_page("roster")
        if window.group_rows:
            window.select_group(window.group_rows[0].id)
        shots.append(_save(window, outdir / "main_window.png"))

        window.select_group(None)
        page = window.roster_page
        page.search_edit.setText("zs")
        page.apply_filters()
        shots.append(_save(window, outdir / "roster_zs.png"))

        first_row = page.model.row_at(0)
        if first_row is not None:
            page.select_membership(first_row.membership_id)
        rows = page.selected_rows()
        dialog = page.open_member_dialog(rows[0].membership_id if rows else None)
        if dialog is not None:
            shots.append(_save(dialog, outdir / "member_dialog.png"))
            dialog.reject()

        page.search_edit.clear()
        window.show_page("settings")
        shots.append(_save(window, outdir / "settings.png"))

        first = FirstRunDialog(database)
        first.show()
        shots.append(_save(first, outdir / "first_run_dialog.png"))
        first.close()
    finally:
        window.close()
        _settle(50)
        database.dispose()
    del app
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)
    take(args.outdir, args.lang)
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
