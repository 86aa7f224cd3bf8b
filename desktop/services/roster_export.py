"""`qundesk export roster`: one row per membership — applicants and former members included — with every
field, in a file that `qundesk import roster` reads back (PRODUCT §4).

- Headers are the Chinese names the importer's header mapping knows (姓名, 昵称, 微信号, 手机, 入群时间, 推荐人,
  进群目的, 备注 …, see desktop/io/fields.py); the header is row 1, with no title rows above it.
- Values are written as the importer reads them: status and gender as their Chinese labels (已入群, 男),
  yes/no fields as 是/否, tags and roles joined with 、, dates as real dates (the time of day is kept in
  the value; 入群时间 shows it when there is one).
- Phones: full for an owner or admin by default (`unmasked=None` means "as the operator may"), masked
  (138****8000) for an assistant; `unmasked=True` without `export_unmasked` raises PermissionDenied and
  `unmasked=False` masks for everyone; a masked file masks a phone written into a name, nickname, group
  nickname, city, occupation, answer or note too (desktop.phones.mask_phones_in). A masked file is for reading: it cannot restore
  phone numbers on import.
- Soft-deleted people are left out. Same atomic write and formula safety as the monthly report
  (desktop/io/xlsx_util.py).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import aliased

from desktop.io.xlsx_util import (
    SheetRows,
    Styles,
    check_target,
    column_widths,
    discard,
    print_setup,
    save_atomic,
    set_widths,
    to_local,
)
from desktop.phones import mask_phone, mask_phones_in
from desktop.services.operators import Actor, allowed, require
from desktop.services.report import resolve_groups
from desktop.tasks import Progress
from models import Group, Member, Membership, Role, Tag, Tier, member_tag, membership_role
from models.db import Database

SHEET_NAME = "成员名册"
SAMPLE_ROWS = 300  # the columns are sized from the first rows (as column_widths does for a whole table) …
SEGMENT_ROWS = 20  # … and the first rows of each group's run of each status: the rows come group by group, members
# first, so the first 300 were the first group's members — another group's name was cut (每月一本书读书会 in a
# 12-wide column) and the 退群时间 of the people who left, whose column had only ever seen empty cells, printed
# as ######## (a date and time in a 10-wide column)

HEADERS: tuple[str, ...] = (
    "社群",
    "姓名",
    "昵称",
    "群昵称",
    "微信号",
    "手机",
    "性别",
    "城市",
    "职业",
    "标签",
    "状态",
    "层级",
    "角色",
    "入群时间",
    "退群时间",
    "退群原因",
    "推荐人",
    "进群目的",
    "种子用户",
    "实名认证",
    "备注",
    "QQ号",  # last: the columns before it kept their places when it came (it was not exported at all)
)
_CENTERED = frozenset({"性别", "状态", "层级", "种子用户", "实名认证"})
KINDS: tuple[str | None, ...] = tuple(
    "datetime" if h in ("入群时间", "退群时间") else "mark" if h in _CENTERED else None for h in HEADERS
)

STATUS_LABELS = {
    "applicant": "申请中",
    "onboarding": "入群中",
    "active": "已入群",
    "left": "已退群",
    "removed": "已移除",
    "blacklisted": "黑名单",
}
GENDER_LABELS = {"male": "男", "female": "女", "other": "其他"}
STATUS_ORDER = ("active", "onboarding", "applicant", "left", "removed", "blacklisted")


def _when(value: datetime | None) -> datetime | date | None:
    """A stored (local) datetime as the importer expects it. A day recorded without a time is
    stored as local noon: it is written as a plain date, which the importer turns into local noon again."""
    local = to_local(value)
    if local is None:
        return None
    return local.date() if local.time() == time(12, 0) else local


ROWS_PER_STEP = 2000  # progress (and a chance to cancel) every so many rows


def export_roster(
    database: Database,
    actor: Actor,
    *,
    group_ids: list[int] | None = None,
    path: Path | str,
    unmasked: bool | None = None,
    progress: Progress | None = None,
) -> int:
    """Write every membership of `group_ids` (None: every group not archived) to `path`; returns the
    number of rows written (the header not counted).

    The rows stream from the database into the sheet (spooled to a temporary file by SheetRows) in the order
    of the groups given, then status and pinyin; the columns are sized from the first rows. Progress moves,
    and a cancel is honoured, every ROWS_PER_STEP rows; a cancelled export writes nothing. Collected whole
    first, the 130,000 memberships of a 100,000-member workspace took 270 MB at their peak, with the progress
    bar still for the 8 s of the export (issue 13)."""
    if unmasked:
        require(actor, "export_unmasked")
    full_phones = allowed(actor, "export_unmasked") if unmasked is None else bool(unmasked)
    target = check_target(Path(path))
    progress = progress or Progress()
    progress.step(0, 1)
    referrer = aliased(Member)
    status_rank = case({s: i for i, s in enumerate(STATUS_ORDER)}, value=Membership.status, else_=len(STATUS_ORDER))
    wb = Workbook(write_only=True)
    try:
        styles = Styles(wb)
        ws = wb.create_sheet(SHEET_NAME)
        out = SheetRows(styles)
        out.append(HEADERS, ["header"] * len(HEADERS), 20)
        sample: list[list[object]] = []
        segment, segment_rows = None, 0
        with database.session() as session:
            groups = resolve_groups(session, group_ids)
            ids = [g.id for g in groups]
            in_groups = and_(Membership.group_id.in_(ids), Member.deleted_at.is_(None))
            total = session.scalar(
                select(func.count())
                .select_from(Membership)
                .join(Member, Member.id == Membership.member_id)
                .where(in_groups)
            )
            roles: dict[int, list[str]] = defaultdict(list)
            for mid, name in session.execute(
                select(membership_role.c.membership_id, Role.name)
                .join(Role, Role.id == membership_role.c.role_id)
                .join(Membership, Membership.id == membership_role.c.membership_id)
                .where(Membership.group_id.in_(ids))
                .order_by(Role.id)
            ):
                roles[mid].append(name)
            tags: dict[int, list[str]] = defaultdict(list)
            for member_id, name in session.execute(
                select(member_tag.c.member_id, Tag.name)
                .join(Tag, Tag.id == member_tag.c.tag_id)
                .where(member_tag.c.member_id.in_(select(Membership.member_id).where(Membership.group_id.in_(ids))))
                .order_by(Tag.name)
            ):
                tags[member_id].append(name)
            group_rank = case({gid: i for i, gid in enumerate(ids)}, value=Membership.group_id)
            rows = session.execute(
                select(
                    Membership.id,
                    Group.name,
                    Member.display_name,
                    Member.nickname,
                    Membership.group_nickname,
                    Member.wechat_id,
                    Member.phone,
                    Member.gender,
                    Member.city,
                    Member.occupation,
                    Member.id,
                    Membership.status,
                    Tier.name,
                    Membership.joined_at,
                    Membership.left_at,
                    Membership.left_reason,
                    referrer.display_name,
                    Membership.purpose,
                    Member.seed_user,
                    Member.real_name_verified,
                    Member.note,
                    Member.qq,
                )
                .join(Member, Member.id == Membership.member_id)
                .join(Group, Group.id == Membership.group_id)
                .outerjoin(Tier, Tier.id == Membership.tier_id)
                .outerjoin(referrer, referrer.id == Membership.referrer_id)
                .where(in_groups)
                .order_by(group_rank, status_rank, Member.pinyin, Membership.id)
                .execution_options(yield_per=ROWS_PER_STEP)
            )
            for r in rows:
                (mid, group, name, nickname, group_nickname, wechat, phone, gender, city, occupation, member_id,
                 status, tier, joined, left, left_reason, ref_name, purpose, seed, verified, note, qq) = r  # fmt: skip
                if not full_phones:  # a phone written into a name, nickname, city, occupation or note (or a
                    # WeChat ID that is the phone number) is masked like the column — city and occupation were
                    # written whole (上海 135 1234 5678) into an assistant's file, as a team server's view masks them
                    name, nickname, group_nickname, ref_name, purpose, note, left_reason, wechat, city, occupation = (
                        mask_phones_in(v)
                        for v in (
                            name, nickname, group_nickname, ref_name, purpose, note, left_reason, wechat, city,
                            occupation,
                        )
                    )  # fmt: skip
                row = [
                    group,
                    name,
                    nickname,
                    group_nickname,
                    wechat,
                    phone if full_phones else (mask_phone(phone) or None),
                    GENDER_LABELS.get(gender or "", gender),
                    city,
                    occupation,
                    "、".join(tags.get(member_id, [])) or None,
                    STATUS_LABELS.get(status, status),
                    tier,
                    "、".join(roles.get(mid, [])) or None,
                    _when(joined),
                    _when(left),
                    left_reason,
                    ref_name,
                    purpose,
                    "是" if seed else "否",
                    "是" if verified else "否",
                    note,
                    qq,  # a QQ group's identity, as the WeChat ID is a WeChat group's (the chat import's sender ID)
                ]
                out.append(row, KINDS)
                if (group, status) != segment:
                    segment, segment_rows = (group, status), 0
                segment_rows += 1
                if len(sample) < SAMPLE_ROWS or segment_rows <= SEGMENT_ROWS:
                    sample.append(row)
                written = out.count - 1
                if written % ROWS_PER_STEP == 0:
                    progress.step(written, total + 1)
        written = out.count - 1
        set_widths(ws, column_widths(HEADERS, sample, maximum=40, sample=len(sample)))
        ws.freeze_panes = "C2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{written + 1}"
        print_setup(ws, title_rows="1:1")
        out.attach(ws)
        wb.properties.title = f"成员名册 ({', '.join(g.name for g in groups)})"
        wb.properties.creator = actor.name
        wb.properties.lastModifiedBy = actor.name
        progress.step(total, total + 1)
        save_atomic(wb, target)
        progress.step(1, 1)
    except BaseException:
        discard(wb)
        raise
    if full_phones:
        from desktop.services.audit import audit_export

        audit_export(database, actor, "export.roster_unmasked", target, rows=written)
    return written
