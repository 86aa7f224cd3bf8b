"""`python -m ui.screenshots OUTDIR [--lang zh_CN|en] [--size WxH]`: build a demo workspace in a temporary
folder, open the main window at 1280x800 (or WxH: 1366x768 is the common laptop screen) and save PNGs of the
main window, the roster filtered by "zs", the member dialog, the settings page, the member panel, check-ins,
dashboard (one group and all groups), onboarding, points, activities, reports, the chat-history import
preview, the roster's "never spoke" filter and the first-run dialog (for the README and for eyeballing
layouts). `--laptop` adds the sizes people reported as cramped: Check-ins at 1366x720 and the member panel
at 1440x900."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from models import clock

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


def _checkins(window, database, actor, outdir: Path, name: str = "checkins.png") -> Path:
    """The Check-ins page of the first group with a pasted 接龙 chain holding every kind of line: matched
    (with posted times, decorations and counters), two people on one line, 同名 and pinyin to choose, a
    stranger, an applicant and another group's member (not members), 请假, a 补卡, a repeat and chat noise;
    one decision taken, one quick entry logged."""

    from desktop.services.checkins_queries import not_checked_in
    from desktop.services.roster import MemberInput, RosterQuery, add_member, search_roster
    from models.search_keys import name_keys
    from ui.models.checkins_models import Person

    group_id = window.group_rows[0].id
    with database.session() as session:
        waiting = not_checked_in(session, group_id, clock.today())[:12]
        here = {r.display_name for r in search_roster(session, RosterQuery(group_id=group_id), limit=5000)}
        applicants = search_roster(session, RosterQuery(group_id=group_id, status="applicant"), limit=1)
        others = [
            r
            for g in window.group_rows[1:]
            for r in search_roster(session, RosterQuery(group_id=g.id, status="active"), limit=200)
            if r.display_name not in here
        ][:1]
        if len(waiting) >= 12:  # a namesake of one of them makes a 同名 line
            add_member(session, actor, group_id, MemberInput(display_name=waiting[4].display_name))
            session.commit()
            window.refresh_groups()  # added behind the window's back: the sidebar counts again
    window.select_group(group_id)
    window.show_page("checkins")
    page = window.pages["checkins"]
    if len(waiting) >= 12:
        page.log_person(Person(waiting[7].membership_id, waiting[7].display_name))
        n = [p.display_name for p in waiting]
        today = clock.today()
        chain = [f"#接龙\n早起打卡 {today.month}月{today.day}日", "例 张三 6:00", ""]
        chain += [f"1. {n[0]} 5:58", f"2. 🌞{n[1]}🌞 6:03起床", f"3. {name_keys(n[2])[1]}", f"4. {n[3]}（第12天）"]
        chain += [f"5. {n[4]} ☀️", "6. 小鹿同学 6:15", f"7. {n[5]}&{n[6]} 6:20", f"8. {n[7]} 6:22"]
        if applicants:
            chain.append(f"9. {applicants[0].display_name} 6:25")
        if others:
            chain.append(f"10. {others[0].display_name} 6:26")
        chain += [f"11. {n[8]} 请假", f"12. {n[9]} 补卡 9:40", f"13. {n[0]} 6:31", "收到，大家加油！"]
        page.set_paste_text("\n".join(chain))
        combo = page.choice_combo(2)  # the pinyin line: take its first candidate
        if combo is not None and combo.count() > 1:
            combo.setCurrentIndex(1)
            combo.activated.emit(1)
    return _save(window, outdir / name)


def _texts(window, database, actor, outdir: Path) -> list[Path]:
    """The paste-ready texts (PRODUCT §3.9): the Check-ins page's reminder in its preview, and the group
    profile's 文案模板 tab with the welcome template and its live preview."""
    from ui.dialogs.group_profile_dialog import TAB_TEXTS, GroupProfileDialog

    page = window.pages["checkins"]
    page.reminder_button.open_preview()
    shots = []
    dialog = page.reminder_button.last_dialog
    if dialog is not None:
        dialog.resize(520, 700)
        shots.append(_save(dialog, outdir / "text_reminder.png"))
        dialog.close()
    profile = GroupProfileDialog(database, actor, window.group_rows[0].id, window)
    profile.resize(900, 680)
    profile.show()
    profile.tabs.setCurrentIndex(TAB_TEXTS)
    profile.texts_editor.select_kind("welcome")
    shots.append(_save(profile, outdir / "text_templates.png"))
    profile.reject()
    return shots


def _member_panel(window, database, outdir: Path, name: str = "member_panel.png") -> Path:
    """The roster of the first group with the member panel open for the member whose timeline has the most
    kinds of events (steps, check-ins, activities, points, violations …)."""
    from desktop.services.members import member_timeline
    from desktop.services.roster import RosterQuery, search_roster

    group_id = window.group_rows[0].id
    best, best_key = None, (-1, -1)
    with database.session() as session:
        for row in search_roster(session, RosterQuery(group_id=group_id, status="active"), 0, 200):
            events = member_timeline(session, row.membership_id, limit=200)
            key = (len({e.kind for e in events}), len(events))
            if key > best_key:
                best, best_key = row, key
    window.select_group(group_id)
    window.show_page("roster")
    page = window.roster_page
    page.search_edit.clear()
    page.apply_filters()
    if best is not None:
        if not page.select_membership(best.membership_id):  # not among the loaded rows: find it
            page.set_search_text(best.display_name)
            page.select_membership(best.membership_id)
        page.update_panel()
    shot = _save(window, outdir / name)
    page.search_edit.clear()
    return shot


def _dashboard(window, outdir: Path) -> Path:
    """The Dashboard of the first group (KPI cards, charts, alerts), once its figures are computed."""
    window.select_group(window.group_rows[0].id)
    window.show_page("dashboard")
    page = window.pages["dashboard"]
    deadline = QDeadlineTimer(20_000)
    while getattr(page, "busy", False) and not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    shot = _save(window, outdir / "dashboard.png")
    scroll = page.group_view
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())  # who speaks, messages per day
    _save(window, outdir / "dashboard_chat.png")
    scroll.verticalScrollBar().setValue(0)
    return shot


def _dashboard_all(window, outdir: Path) -> Path:
    """The Dashboard of all groups: totals and one row per group in risk order."""
    window.select_group(None)
    window.show_page("dashboard")
    page = window.pages["dashboard"]
    deadline = QDeadlineTimer(20_000)
    while getattr(page, "busy", False) and not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return _save(window, outdir / "dashboard_all.png")


def _plain_page(window, key: str, outdir: Path) -> Path:
    """A page of the first group as it opens (Points, Activities, Reports)."""
    window.select_group(window.group_rows[0].id)
    window.show_page(key)
    return _save(window, outdir / f"{key}.png")


def _laptop(window, database, actor, outdir: Path) -> list[Path]:
    """Check-ins with a pasted chain at 1366x720 and the member panel at 1440x900."""
    old = window.size()
    shots = []
    window.resize(1366, 720)
    shots.append(_checkins(window, database, actor, outdir, name="checkins_1366x720.png"))
    window.resize(1440, 900)
    shots.append(_member_panel(window, database, outdir, name="member_panel_1440x900.png"))
    window.resize(old)
    return shots


def _onboarding(window, outdir: Path) -> Path:
    """The Onboarding page of the first group: the overall funnel and the members × steps matrix."""
    window.select_group(window.group_rows[0].id)
    window.show_page("onboarding")
    page = window.pages["onboarding"]
    if hasattr(page, "overall_button"):
        page.overall_button.click()
        page.table.setFocus()
        page.table.setCurrentIndex(page.model.index(0, 3))
    shot = _save(window, outdir / "onboarding.png")
    # a recorded step clicked: what it holds (the first ✓ with an answer), to change it
    for row in range(page.model.rowCount()):
        if page.model.is_done(row, 3):
            dialog = page.show_step_record(row, 3)
            if dialog is not None:
                _save(dialog, outdir / "onboarding_step_record.png")
                dialog.reject()
            break
    return shot


CHAT_CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "chat"


def _chat_import(window, database, actor, outdir: Path) -> list[Path]:
    """The chat-history import preview of a 留痕 export of the test corpus's 晨跑俱乐部 (a source checkout
    only), then the import, and the roster of a demo group filtered to the members who never spoke."""
    import json

    from desktop.services.groups import group_id_by_name, list_groups
    from desktop.services.roster import MemberInput, add_member
    from ui.dialogs.chat_import_dialog import ChatImportDialog

    shots: list[Path] = []
    export = CHAT_CORPUS / "晨跑俱乐部_utf8.csv"
    if export.exists():
        scenario = json.loads((CHAT_CORPUS / "scenario.json").read_text(encoding="utf-8"))
        name = scenario["group"]["name"]
        with database.session() as session:
            if name not in {g.name for g in list_groups(session)}:
                from desktop.services.groups import create_group

                gid = create_group(session, actor, name)
                for m in scenario["roster"]:
                    data = MemberInput(
                        display_name=m["name"],
                        nickname=m["nickname"] or None,
                        group_nickname=m["group_nickname"] or None,
                        wechat_id=m["wechat_id"],
                        status="applicant" if m["status"] == "pending" else "active",
                    )
                    add_member(session, actor, gid, data)
                session.commit()
                window.refresh_groups()
            gid = group_id_by_name(session, name)
        dialog = ChatImportDialog(database, actor, gid, window)
        dialog.resize(1100, 720)
        dialog.show()
        dialog.set_file(str(export))
        deadline = QDeadlineTimer(30_000)
        while dialog.plan is None and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        dialog.tabs.setCurrentIndex(1)
        shots.append(_save(dialog, outdir / "chat_import.png"))
        dialog.tabs.setCurrentIndex(0)
        shots.append(_save(dialog, outdir / "chat_import_senders.png"))
        dialog.close()
    window.select_group(window.group_rows[0].id)
    window.show_page("roster")
    page = window.roster_page
    page.never_spoke_check.setChecked(True)
    shots.append(_save(window, outdir / "roster_never_spoke.png"))
    page.never_spoke_check.setChecked(False)
    return shots


def take(outdir: Path, lang: str = "zh_CN", size: tuple[int, int] = SIZE, *, laptop: bool = False) -> list[Path]:
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
        window.resize(*size)
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

        page.search_edit.setText("三")  # a part of a name: one character, anywhere in the name (models/search.py)
        page.apply_filters()
        shots.append(_save(window, outdir / "roster_part_of_name.png"))

        page.search_edit.clear()
        window.show_page("settings")
        shots.append(_save(window, outdir / "settings.png"))

        shots.append(_member_panel(window, database, outdir))

        shots.append(_checkins(window, database, actor, outdir))
        shots.extend(_texts(window, database, actor, outdir))

        shots.append(_dashboard(window, outdir))
        shots.append(_dashboard_all(window, outdir))
        shots.append(_onboarding(window, outdir))
        for key in ("points", "activities", "reports"):
            shots.append(_plain_page(window, key, outdir))
        if laptop:
            shots.extend(_laptop(window, database, actor, outdir))
        shots.extend(_chat_import(window, database, actor, outdir))

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
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}", help="window size WxH, e.g. 1366x768")
    parser.add_argument("--laptop", action="store_true", help="also Check-ins at 1366x720, member panel 1440x900")
    args = parser.parse_args(argv)
    try:
        width, height = (int(n) for n in args.size.lower().split("x"))
    except ValueError:
        parser.error("--size is WxH, e.g. 1366x768")
    take(args.outdir, args.lang, (width, height), laptop=args.laptop)
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
