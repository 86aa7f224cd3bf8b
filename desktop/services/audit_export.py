"""The audit log for people: readable action labels and summaries (used by the Audit dialog and the export),
and `export_audit`, which writes the filtered log to an .xlsx file.

Decisions:
- Labels live here as (Chinese, English) pairs, like the report's TEXT dict, so the dialog and the exported
  file say the same thing; an action without a label shows its code ("member.add").
- Summaries are JSON ({"before": …, "after": …, "note": …}); they are rendered as "field: before → after"
  for what changed, "field: value" for what was set, with field names, statuses, roles and yes/no in the
  chosen language. Long id lists become a count. Phone numbers are masked unless `unmasked`.
- Only an operator with `export_unmasked` (owner, admin) may export the log: the before/after summaries hold
  members' personal data (phone numbers, WeChat IDs) exactly as entered, so the log is as sensitive as an
  unmasked roster. No new permission was added: the existing one says precisely that.
- Same file safety as the report: check the target before any work, formula-looking text written as text
  (xlsx_util.SheetRows), atomic save (temporary file, fsync, os.replace); cancel leaves the old file as it was.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from desktop.errors import QunDeskError
from desktop.io.xlsx_util import (
    EXCEL_MAX_ROWS,
    SheetRows,
    Styles,
    check_target,
    discard,
    display_width,
    print_setup,
    save_atomic,
    set_widths,
    widest_widths,
)
from desktop.phones import mask_phone, mask_phones_in
from desktop.services.audit import AuditRow, list_audit
from desktop.services.operators import Actor, require
from desktop.services.team_queries import entity_names
from desktop.settings import SETTINGS
from desktop.tasks import Progress
from models.db import Database

SHEET_NAME = "审计日志"
PAGE = 5_000  # audit rows read per query (progress and cancel are checked between pages)
SUMMARY_LIST_LIMIT = 5  # a list longer than this is shown as its length

# How to label a new action: add "area.verb": (Chinese, English) here. Unknown actions show their code.
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "member.add": ("添加成员", "Add member"),
    "member.update": ("修改成员", "Edit member"),
    "member.delete": ("删除成员", "Delete member"),
    "member.restore": ("恢复成员", "Restore member"),
    "member.merge": ("合并成员", "Merge members"),
    "member.unmerge": ("撤销合并成员", "Undo a merge of members"),
    "member.paste_undone": ("撤销粘贴, 移除其新增的成员", "Paste undone: member it added removed"),
    "member.import_undone": ("撤销导入, 移除其新增的成员", "Import undone: member it added removed"),
    "checkin.record": ("打卡", "Check-in"),
    "checkin.undo": ("撤销打卡", "Undo check-in"),
    "leave.record": ("请假", "Leave"),
    "step.record": ("记录入群步骤", "Record entry step"),
    "step.undo": ("撤销入群步骤", "Undo entry step"),
    "step.add": ("添加入群步骤", "Add entry step"),
    "step.edit": ("修改入群步骤", "Edit entry step"),
    "step.move": ("调整入群步骤顺序", "Reorder entry steps"),
    "step.retire": ("停用入群步骤", "Retire entry step"),
    "step.restore": ("恢复入群步骤", "Restore entry step"),
    "rules.update": ("更新群规", "Update group rules"),
    "group.create": ("创建社群", "Create group"),
    "group.update": ("修改社群", "Edit group"),
    "group.archive": ("归档社群", "Archive group"),
    "activity.create": ("创建活动", "Create activity"),
    "activity.update": ("修改活动", "Edit activity"),
    "attendance.set": ("记录出勤", "Record attendance"),
    "contribution.add": ("记录贡献", "Add contribution"),
    "contribution.remove": ("删除贡献", "Remove contribution"),
    "violation.add": ("记录违规", "Record violation"),
    "violation.remove": ("删除违规", "Remove violation"),
    "points.adjust": ("调整积分", "Adjust points"),
    "points.adjust.undo": ("撤销积分调整", "Undo points adjustment"),
    "points.rule": ("修改积分规则", "Change point rule"),
    "points.levels": ("修改积分等级", "Change levels"),
    "points.recompute": ("重算积分", "Recompute points"),
    "operator.create": ("添加操作员", "Add operator"),
    "bulk.tag": ("批量打标签", "Tag members"),
    "bulk.tier": ("批量设置层级", "Set tier"),
    "bulk.role": ("批量添加角色", "Add role"),
    "bulk.copy": ("批量复制到社群", "Copy to group"),
    "bulk.copy_undone": ("撤销复制或移动到社群", "Copy or move to group undone"),
    "bulk.move": ("批量移到社群", "Move to group"),
    "import.roster": ("导入名册", "Import roster"),
    "import.applications": ("导入入群申请", "Import applications"),
    "import.undo": ("撤销导入", "Undo import"),
    "demo.create": ("生成演示数据", "Create demo data"),
    "import.chat": ("导入聊天记录", "Import chat history"),
    "text.template": ("修改文案模板", "Change text template"),
    "operator.password": ("设置操作员密码", "Set operator password"),
    "operator.remove": ("移除操作员", "Remove operator"),
    "team.init": ("设置团队角色", "Set up team roles"),
    "db.upgrade": ("升级数据库结构", "Upgrade the database"),
    "backup.restore": ("从备份恢复", "Restore from backup"),
    "export.audit_log": ("导出审计日志", "Export the audit log"),
    "export.report_unmasked": ("导出含完整手机号的月报", "Export report with full phones"),
    "export.roster_unmasked": ("导出含完整手机号的名册", "Export roster with full phones"),
    # these wrote rows the log showed by their code (role.add, tiers.save …): tests/desktop/test_audit_export.py
    # checks that every action the code records has a label
    "activity.delete": ("删除活动", "Delete activity"),
    "attendance.withdraw": ("取消报名", "Withdraw sign-up"),
    "attendance.remove": ("移出活动名单", "Take off an activity's list"),
    "bulk.unrole": ("批量移除角色", "Remove role"),
    "bulk.untag": ("批量移除标签", "Remove tag"),
    "import.checkins": ("导入打卡记录", "Import check-ins"),
    "leave.restore": ("恢复请假", "Restore leave"),
    "leave.remove": ("删除请假", "Remove leave"),
    "membership.join": ("入群", "Join group"),
    "role.add": ("添加角色", "Add role"),
    "role.rename": ("重命名角色", "Rename role"),
    "role.remove": ("删除角色", "Remove role"),
    "tag.edit": ("修改标签", "Edit tag"),
    "tiers.save": ("修改层级设置", "Edit tiers"),
    "settings.update": ("修改工作区规则", "Change workspace rules"),
}
# "membership.<status>": the membership's status was set (onboarding.set_status)
STATUS_ACTION = ("成员状态改为", "Status set to")

# The filter choices of the Audit dialog: prefix -> (Chinese, English)
ACTION_PREFIXES: dict[str, tuple[str, str]] = {
    "member.": ("成员", "Members"),
    "membership.": ("成员状态", "Member status"),
    "checkin.": ("打卡", "Check-ins"),
    "leave.": ("请假", "Leave"),
    "step.": ("入群流程", "Entry steps"),
    "activity.": ("活动", "Activities"),
    "attendance.": ("出勤", "Attendance"),
    "contribution.": ("贡献", "Contributions"),
    "violation.": ("违规", "Violations"),
    "points.": ("积分", "Points"),
    "bulk.": ("批量操作", "Bulk actions"),
    "import.": ("导入", "Imports"),
    "group.": ("社群", "Groups"),
    "operator.": ("操作员", "Operators"),
    "settings.": ("工作区规则", "Workspace rules"),
}

ENTITY_LABELS: dict[str, tuple[str, str]] = {
    "member": ("成员", "Member"),
    "membership": ("入群记录", "Membership"),
    "group": ("社群", "Group"),
    "activity": ("活动", "Activity"),
    "entry_step": ("入群步骤", "Entry step"),
    "operator": ("操作员", "Operator"),
    "workspace": ("工作区", "Workspace"),
    "export": ("导出文件", "Export"),
    "role": ("角色", "Role"),
    "tag": ("标签", "Tag"),
    "tier": ("层级", "Tier"),
}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "display_name": ("姓名", "name"),
    "name": ("名称", "name"),
    "nickname": ("昵称", "nickname"),
    "group_nickname": ("群昵称", "group nickname"),
    "wechat_id": ("微信号", "WeChat ID"),
    "qq": ("QQ号", "QQ number"),
    "phone": ("手机", "phone"),
    "gender": ("性别", "gender"),
    "city": ("城市", "city"),
    "occupation": ("职业", "occupation"),
    "tags": ("标签", "tags"),
    "tag": ("标签", "tag"),
    "note": ("备注", "note"),
    "tier": ("层级", "tier"),
    "role": ("角色", "role"),
    "roles": ("角色", "roles"),
    "status": ("状态", "status"),
    "joined_at": ("入群时间", "joined"),
    "left_at": ("退群时间", "left"),
    "left_reason": ("退群原因", "reason for leaving"),
    "referrer": ("推荐人", "referrer"),
    "referrer_id": ("推荐人", "referrer"),
    "purpose": ("进群目的", "purpose"),
    "seed_user": ("种子用户", "seed user"),
    "real_name_verified": ("实名认证", "real-name verified"),
    "day": ("日期", "day"),
    "from": ("开始", "from"),
    "to": ("结束", "to"),
    "memberships": ("成员", "members"),
    "members": ("人数", "people"),
    # a batch adjustment (points.adjust_points_batch): its first entry, and how many members it gave to
    "batch": ("批量调整编号", "batch"),
    "of": ("同批人数", "members in the batch"),
    "attendance": ("出勤", "attendance"),
    "points_entries": ("积分记录", "point entries"),
    "contributions": ("贡献", "contributions"),
    "violations": ("违规", "violations"),
    "leaves": ("请假", "leave"),
    "seed": ("随机种子", "seed"),
    "today": ("日期", "date"),
    "history_start": ("历史起始", "history from"),
    "source": ("来源", "source"),
    "late": ("补卡", "late"),
    "step": ("步骤", "step"),
    "answer": ("回答", "answer"),
    "group_id": ("社群", "group"),
    "group": ("社群", "group"),
    "file": ("文件", "file"),
    "rows": ("行数", "rows"),
    "month": ("月份", "month"),
    "added": ("新增", "added"),
    "updated": ("更新", "updated"),
    "unchanged": ("未变", "unchanged"),
    "version": ("版本", "version"),
    "index": ("位置", "position"),
    "required": ("必填", "required"),
    "kind": ("类型", "kind"),
    "title": ("标题", "title"),
    "action": ("处理", "action taken"),
    "points": ("积分", "points"),
    "reason": ("原因", "reason"),
    "levels": ("等级", "levels"),
    "groups": ("社群数", "groups"),
    "checkins": ("打卡", "check-ins"),
    "activities": ("活动", "activities"),
    "tiers": ("层级", "tiers"),
    "order": ("顺序", "order"),
    "renamed": ("改名", "renamed"),
    "removed": ("删除", "removed"),
    "verified_on": ("实名认证日期", "verified on"),
    # a merge of two people (members.merge_members) and its undo (merge_undo.undo_merge)
    "merged_member_id": ("合并进来的记录", "record merged in"),
    "memberships_moved": ("移过来的社群", "groups moved over"),
    "memberships_merged": ("合并的社群", "groups combined"),
    "memberships_folded": ("合并掉的社群身份", "memberships combined"),
    "checkins_dropped": ("去掉的同日重复打卡", "same-day duplicate check-ins dropped"),
    "note_added": ("写入备注", "added to the note"),
    "merge_id": ("合并编号", "merge no."),
    "restored_member_id": ("恢复的记录", "record restored"),
}
# the workspace rules (settings.update) by their Settings page labels: "沉默天数 (days without participation …)"
FIELD_LABELS.update(
    {key: (s.label.split(" (", 1)[0], s.label.split(" (", 1)[1].rstrip(")")) for key, s in SETTINGS.items()}
)

STATUS_TEXT: dict[str, tuple[str, str]] = {
    "applicant": ("申请中", "Applicant"),
    "onboarding": ("入群中", "Onboarding"),
    "active": ("已入群", "Member"),
    "left": ("已退群", "Left"),
    "removed": ("已移除", "Removed"),
    "blacklisted": ("黑名单", "Blacklisted"),
}
ROLE_TEXT: dict[str, tuple[str, str]] = {
    "owner": ("群主", "Owner"),
    "admin": ("管理员", "Admin"),
    "assistant": ("助理", "Assistant"),
}
PHONE_KEYS = frozenset({"phone", "mobile"})
# what people type (names, notes, answers, reasons): a phone number written into one is masked like the phone
# column for an operator who may not see phones (desktop.phones.mask_phones_in, as their roster export and the
# monthly report do) — the Audit dialog showed an assistant 「备注: 家长电话 13812345678」 whole, which a team
# server's view of the audit log masks
FREE_TEXT_KEYS = frozenset(
    {
        "display_name",
        "name",
        "nickname",
        "group_nickname",
        "note",
        "left_reason",
        "referrer",
        "purpose",
        "answer",
        "reason",
        "title",
        # an activity's place and hosts ("奥森南门 联系 138 0013 8000"): read masked in the assistant's view of the
        # activity table (team_roles.MASKED_FREE_TEXT), and whole in the audit row of its creation until now
        "place",
        "hosts",
        "city",
        "occupation",
        # a WeChat ID that is the phone number (13566667777), masked as the roster, the exports and `members` mask it:
        # the Audit dialog showed an assistant 「微信号: 13566667777」 under the masked 「昵称: 阿九 135****」
        "wechat_id",
    }
)

HEADERS: dict[str, tuple[str, ...]] = {
    "zh_CN": ("时间", "操作员", "操作", "对象", "对象名称", "摘要", "操作代码", "对象ID"),
    "en": ("Time", "Operator", "Action", "Entity", "Entity name", "Summary", "Action code", "Entity ID"),
}
KINDS: tuple[str | None, ...] = ("datetime", None, None, None, None, "wrap", None, "int")


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang.startswith("zh") else pair[1]


def action_text(action: str, lang: str = "zh_CN") -> str:
    """A readable label ("添加成员"); an action without a label shows its code."""
    pair = ACTION_LABELS.get(action)
    if pair is not None:
        return _pick(pair, lang)
    if action.startswith("membership."):
        status = action.split(".", 1)[1]
        return f"{_pick(STATUS_ACTION, lang)} {_pick(STATUS_TEXT.get(status, (status, status)), lang)}"
    return action


def entity_text(entity: str, lang: str = "zh_CN") -> str:
    pair = ENTITY_LABELS.get(entity)
    return _pick(pair, lang) if pair else entity


def _value_text(key: str, value: Any, lang: str, unmasked: bool) -> str:
    zh = lang.startswith("zh")
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if key in PHONE_KEYS and isinstance(value, str) and not unmasked:
        return mask_phone(value) or "—"
    if key in FREE_TEXT_KEYS and isinstance(value, str) and not unmasked:
        return mask_phones_in(value) or "—"
    if key == "status" and isinstance(value, str) and value in STATUS_TEXT:
        return _pick(STATUS_TEXT[value], lang)
    if key == "role" and isinstance(value, str) and value in ROLE_TEXT:
        return _pick(ROLE_TEXT[value], lang)
    if isinstance(value, list):
        # ids mean nothing to people, long lists are unreadable: say how many
        if (
            len(value) > SUMMARY_LIST_LIMIT
            or any(isinstance(v, dict | list) for v in value)
            or all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            if zh:
                return f"{len(value)} 项"
            return "1 item" if len(value) == 1 else f"{len(value)} items"  # "late: 1 item", not "1 items"
        return (
            "、".join(_value_text(key, v, lang, unmasked) for v in value)
            if zh
            else ", ".join(_value_text(key, v, lang, unmasked) for v in value)
        )
    if isinstance(value, dict):
        inner = (f"{_field(k, lang)}: {_value_text(k, v, lang, unmasked)}" for k, v in value.items())
        return "{" + ", ".join(inner) + "}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _field(key: str, lang: str) -> str:
    pair = FIELD_LABELS.get(key)
    return _pick(pair, lang) if pair else key


def summary_text(summary: str | None, lang: str = "zh_CN", *, unmasked: bool = False) -> str:
    """The JSON summary of an audit row as one readable line ("" when there is none)."""
    if not summary:
        return ""
    try:
        data = json.loads(summary)
    except ValueError:
        return summary
    if not isinstance(data, dict):
        return _value_text("", data, lang, unmasked)
    sep = "；" if lang.startswith("zh") else "; "
    before = data.get("before") if isinstance(data.get("before"), dict) else None
    after = data.get("after") if isinstance(data.get("after"), dict) else None
    parts: list[str] = []
    if before is not None and "merged_member_id" in before:
        # a merge: its "before" is the record merged away, as it was — shown as that record's details, not as fields
        # changed to nothing (「姓名: 小王 → —；手机: 138****8000 → —」 read as the name and phone erased)
        merged = dict(before)
        merged_id = merged.pop("merged_member_id")
        folded = merged.pop("memberships_folded", None)
        details = [
            f"{_field(k, lang)}: {_value_text(k, v, lang, unmasked)}"
            for k, v in merged.items()
            if v not in (None, "", [], False)
        ]
        inner = "，" if lang.startswith("zh") else ", "
        parts.append(
            f"{_field('merged_member_id', lang)} #{merged_id}" + (f" ({inner.join(details)})" if details else "")
        )
        if folded:
            parts.append(
                f"{_field('memberships_folded', lang)}: {_value_text('memberships_folded', folded, lang, unmasked)}"
            )
        before = None
    if before is not None or after is not None:
        before, after = before or {}, after or {}
        keys = list(dict.fromkeys([*after.keys(), *before.keys()]))
        for key in keys:
            label = _field(key, lang)
            if key in before and key in after:
                b = _value_text(key, before[key], lang, unmasked)
                a = _value_text(key, after[key], lang, unmasked)
                parts.append(f"{label}: {a}" if a == b else f"{label}: {b} → {a}")
            elif key in after:
                if after[key] in (None, "", []):
                    continue  # a new record's empty fields say nothing
                parts.append(f"{label}: {_value_text(key, after[key], lang, unmasked)}")
            else:
                parts.append(f"{label}: {_value_text(key, before[key], lang, unmasked)} → —")
        extra = {k: v for k, v in data.items() if k not in ("before", "after", "note")}
    else:
        extra = {k: v for k, v in data.items() if k != "note"}
    for key, value in extra.items():
        if value in (None, "", []):
            continue
        parts.append(f"{_field(key, lang)}: {_value_text(key, value, lang, unmasked)}")
    if data.get("note"):
        note = str(data["note"]) if unmasked else mask_phones_in(str(data["note"]))
        parts.append(f"{'备注' if lang.startswith('zh') else 'note'}: {note}")
    return sep.join(parts)


@dataclass(frozen=True)
class AuditFilter:
    """What the Audit dialog filters by (None: no filter)."""

    operator_id: int | None = None
    member_id: int | None = None
    start: date | None = None
    end: date | None = None
    action_prefix: str | None = None

    def kwargs(self) -> dict[str, Any]:
        return {
            "operator_id": self.operator_id,
            "member_id": self.member_id,
            "start": self.start,
            "end": self.end,
            "action_prefix": self.action_prefix,
        }


def _wrapped_height(text: str | None, width: float) -> float | None:
    """The row height (points) that shows every line of a summary wrapped in a column `width` characters wide;
    None (the default height) for one line. Without it LibreOffice kept the rows one line high and a long
    summary ran over the rows below it."""
    if not text:
        return None
    # a width counts characters of '0'; text in a proportional font runs about a tenth narrower
    lines = sum(max(1, math.ceil(display_width(part) * 0.9 / width)) for part in text.split("\n"))
    return 15.0 * lines if lines > 1 else None


def export_audit(
    database: Database,
    actor: Actor,
    *,
    path: Path | str,
    filters: AuditFilter | None = None,
    lang: str = "zh_CN",
    progress: Progress | None = None,
) -> int:
    """Write the audit entries matching `filters` (newest first) to `path`; returns the rows written.

    Raises PermissionDenied (without `export_unmasked`: before anything is read), QunDeskError (the target
    cannot be written, or more rows than a sheet holds), Cancelled (nothing written, the old file kept)."""
    require(actor, "export_unmasked")
    if lang not in HEADERS:
        raise QunDeskError(f"不支持的语言 (unsupported language): {lang!r}")
    target = check_target(Path(path))
    filters = filters or AuditFilter()
    progress = progress or Progress()
    progress.step(0, 1)
    rows: list[AuditRow] = []
    names: dict[tuple[str, int], str] = {}
    with database.session() as session:  # one read transaction: pages of one consistent log
        offset = 0
        while True:
            page = list_audit(session, **filters.kwargs(), offset=offset, limit=PAGE)
            rows.extend(page)
            names.update(entity_names(session, ((r.entity, r.entity_id) for r in page)))
            offset += len(page)
            if len(rows) >= EXCEL_MAX_ROWS:
                raise QunDeskError(
                    f"审计日志超过 Excel 的行数上限, 请缩小日期范围 "
                    f"(more entries than a sheet holds; choose a shorter date range): {len(rows):,}"
                )
            progress.step(len(rows), len(rows) + (PAGE if len(page) == PAGE else 0))
            if len(page) < PAGE:
                break

    headers = HEADERS[lang]
    table = [
        [
            r.at,
            r.operator,
            action_text(r.action, lang),
            entity_text(r.entity, lang),
            names.get((r.entity, r.entity_id)) if r.entity_id is not None else None,
            summary_text(r.summary, lang, unmasked=True) or None,
            r.action,
            r.entity_id,
        ]
        for r in rows
    ]
    wb = Workbook(write_only=True)
    try:
        styles = Styles(wb)
        ws = wb.create_sheet(SHEET_NAME)
        # every row measured: the first 300 are the newest (the day's check-ins), an older entry's longer
        # label or name was cut by the next column
        widths = widest_widths(headers, table, maximum=30)
        widths[5] = 70  # the summary: wide and wrapped
        set_widths(ws, widths)
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(table) + 1}"
        print_setup(ws, title_rows="1:1")
        out = SheetRows(styles)
        out.append(headers, ["header"] * len(headers), 20)
        for row in table:
            out.append(row, KINDS, _wrapped_height(row[5], widths[5]))
        out.attach(ws)
        wb.properties.title = "审计日志" if lang.startswith("zh") else "Audit log"
        wb.properties.creator = actor.name
        wb.properties.lastModifiedBy = actor.name
        progress.step(len(table), len(table))
        save_atomic(wb, target)
    except BaseException:
        discard(wb)
        raise
    from desktop.services.audit import audit_export

    audit_export(database, actor, "export.audit_log", target, rows=len(table))
    return len(table)
