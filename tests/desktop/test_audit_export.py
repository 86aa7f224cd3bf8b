"""The audit log's export (desktop/services/audit_export.py) as a reader sees it: every action and object the
code records has a label in both languages, and the exported file says them (the file and the Audit dialog
showed codes such as `role.add`, `tiers.save` and `export`)."""

from __future__ import annotations

import ast
from pathlib import Path

from openpyxl import load_workbook

from desktop.services.audit_export import ACTION_LABELS, ENTITY_LABELS, action_text, export_audit
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.services.roster_export import export_roster
from desktop.workspace import actor_for

ROOT = Path(__file__).resolve().parents[2]


def _recorded() -> tuple[set[str], set[str]]:
    """(actions, entities) written by the code: record_audit(session, operator, ACTION, ENTITY, …),
    audit_export(database, actor, ACTION, …) (entity "export") and the (ACTION, ENTITY, id, {…}) rows of
    record_audits."""
    actions: set[str] = set()
    entities: set[str] = set()
    for path in [*(ROOT / "desktop").rglob("*.py"), *(ROOT / "models").rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        batch = any(isinstance(n, ast.Call) and getattr(n.func, "id", None) == "record_audits" for n in ast.walk(tree))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                consts = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
                if name == "record_audit" and len(consts) >= 4:
                    actions.update(c for c in consts[2:3] if isinstance(c, str))
                    entities.update(c for c in consts[3:4] if isinstance(c, str))
                elif name == "audit_export" and len(consts) >= 3 and isinstance(consts[2], str):
                    actions.add(consts[2])
                    entities.add("export")
            elif batch and isinstance(node, ast.Tuple) and len(node.elts) == 4:
                a, e = node.elts[0], node.elts[1]
                if isinstance(a, ast.Constant) and isinstance(e, ast.Constant) and "." in str(a.value):
                    actions.add(a.value)
                    entities.add(e.value)
    return actions, entities


def test_every_recorded_action_and_object_has_a_label():
    actions, entities = _recorded()
    assert {"member.add", "checkin.record", "export.audit_log", "role.add"} <= actions  # the scan finds them
    # membership.<status> is labelled by its status (action_text)
    unlabelled = sorted(a for a in actions if a not in ACTION_LABELS and action_text(a) == a)
    assert unlabelled == []
    assert sorted(entities - set(ENTITY_LABELS)) == []


def test_the_exported_log_names_an_export_in_words(sqlite_workspace, tmp_path):
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        add_member(s, owner, gid, MemberInput(display_name="张三", phone="13800138000"))
        s.commit()
    export_roster(sqlite_workspace, owner, group_ids=[gid], path=tmp_path / "roster.xlsx")  # audited: full phones
    for lang, entity, summary in (("zh_CN", "导出文件", "行数: 1"), ("en", "Export", "rows: 1")):
        path = tmp_path / f"audit-{lang}.xlsx"
        export_audit(sqlite_workspace, owner, path=path, lang=lang)
        ws = load_workbook(path).active
        rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[6] == "export.roster_unmasked"]
        assert len(rows) == 1
        assert rows[0][3] == entity
        assert summary in rows[0][5]


def test_a_long_summary_gets_the_rows_it_wraps_to(sqlite_workspace, tmp_path):
    """The summary column wraps at 70 characters, but every row kept one line's height: in LibreOffice a long
    summary ran over the rows below it. A row is as tall as its summary's lines; a short one keeps the default."""
    from desktop.services.audit import record_audit

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        record_audit(s, owner.id, "group.update", "group", None, after={"note": "很长的备注" * 30})  # 300 wide
        record_audit(s, owner.id, "group.update", "group", None, after={"note": "短"})
        s.commit()
    path = tmp_path / "audit.xlsx"
    export_audit(sqlite_workspace, owner, path=path, lang="zh_CN")
    ws = load_workbook(path).active
    heights = {ws.cell(r, 6).value: ws.row_dimensions[r].height for r in range(2, ws.max_row + 1)}
    long_row = next(v for v in heights if v and "很长的备注" in v)
    assert heights[long_row] >= 15 * 4  # 300 wide in a 70-wide column: 4 lines at least
    assert heights["备注: 短"] is None
    assert ws.cell(2, 6).alignment.wrap_text


def test_columns_fit_entries_older_than_the_first_rows(sqlite_workspace, tmp_path):
    """The widths came from the first 300 rows — the newest entries: an older entry's longer name was cut by
    the summary beside it. Every row is measured now."""
    from openpyxl.utils import get_column_letter

    from desktop.io.xlsx_util import display_width
    from desktop.services.audit import record_audit

    long_name = "ＪＥＳＳＩＣＡ・王小明"  # 21 wide
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "群")
        add_member(s, owner, gid, MemberInput(display_name=long_name))  # audited: member.add, named
        for _ in range(320):
            record_audit(s, owner.id, "group.update", "group", gid, after={"note": "改"})
        s.commit()
    path = tmp_path / "audit.xlsx"
    export_audit(sqlite_workspace, owner, path=path, lang="zh_CN")
    ws = load_workbook(path).active
    names = [ws.cell(r, 5).value for r in range(2, ws.max_row + 1)]
    assert long_name in names and names.index(long_name) > 300  # an older entry, past the first rows
    assert ws.column_dimensions[get_column_letter(5)].width >= display_width(long_name)
