"""The monthly Excel report (PRODUCT §3.5, `qundesk export report`): one workbook for one or several groups.

Sheets, in this order: 概览 (KPIs with last month and the change, charts), 成员名册 (roster), 打卡明细
(check-in matrix), 活动 (activities and the attendance matrix), 积分 (leaderboards and the month's ledger),
入群进度 (entry-step matrix), 预警 (alerts). Sheet names are the same in both languages (scripts and the
tests find sheets by name); headers and labels follow `lang` ("zh_CN" or "en", the `TEXT` dict below).

Decisions (measured with openpyxl 3.1.5, no lxml, on the 2-core test machine):
- The workbook is `write_only`. Everything the report needs works on write-only sheets — checked one by
  one: charts (ws.add_chart), freeze panes, auto-filter, conditional formatting, column widths and hidden
  columns, page set-up, print area, print titles and row breaks. The rules that follow: widths, panes
  and row heights must be known before the rows are written, so each sheet is laid out in memory first
  (`_Layout`, which also gives the width sample and the row numbers that filters, formatting and chart
  references need). Excel "tables" (ListObjects) are not used: openpyxl warns on every write-only table.
- The rows themselves are serialised by xlsx_util.SheetRows, not by openpyxl's cell writer: through
  et_xmlfile a cell costs ≈10–15 µs and a 500-member group's month (≈90k cells: mostly the ledger and the
  check-in matrix) took ≈1.5 s; with SheetRows the whole report takes ≈0.3–0.45 s. The sheet itself
  (panes, filter, formatting, charts, print set-up) is still openpyxl's write-only sheet.
- One sheet-level auto-filter and one frozen pane per sheet: each sheet has one primary table at the top
  (frozen header row, filter, header repeated on every printed page). 活动 stacks the activity list and
  one attendance block per group (each block starts a printed page with its own header, and a block longer
  than a page repeats it on each of its pages; no repeated print header there, since the tables differ). 积分 puts the month's and the all-time board side by side (row i
  of a group is place i in both; equal points share a rank: 1, 1, 3, and everyone level with the 20th place is on the board) with the ledger below; the print area holds the boards only, because a
  month's ledger runs to hundreds of pages — it stays in the sheet, filterable.
- 概览: KPIs in A–E (the metric key, e.g. members_total, hidden in F for scripts) — the 合计 block first,
  then each group — the daily and structure charts in H–Q, and the charts' data from column S, outside the
  print area. Its rows have a fixed height so that Excel and LibreOffice agree where the charts end.
- Printing is what an owner forwards (checked by printing a demo workbook to PDF with LibreOffice: 65 pages
  before these rules, 49 after; one group's 概览 is one page): 概览 pages break between KPI blocks, never
  inside one (kpi_page_breaks); the entry funnel goes under the KPIs when they leave room (one group), else
  it opens page 2, as tall as its bars need so that no step name is skipped; the structure chart is one 100%
  bar per group against the target, so its value labels never overlap. 积分 prints the boards, not the
  ledger; 入群进度 prints the people still in the entry process and this month's new members, the members
  who joined earlier follow below the print area, to filter; 预警 (four columns) prints upright. 成员名册 and
  打卡明细 print whole: they are the lists people print.
- 入群进度 of a past month is that month's (exported again later): the steps done by its end, the status then
  (an applicant let in since is 申请中/入群中 there), a step retired since unmarked. A step's name, whether it is
  required, and a step added since are as they are now — the step list keeps no history of those (the audit log
  does: step.edit, step.add); a renamed step is the same step, under its name of today.
- All groups (group_ids None, `--all`, every group ticked in the window): the groups not archived before the
  month began — a group archived during or after the month was one of the groups then, and is in its report.
- Several groups: the tables carry a 社群 column (filterable) instead of one sheet per group; 入群进度 uses
  the union of the groups' step names in process order ("—" where a group has no such step; retired steps
  marked "(已停用)"); the 概览 totals sum the counts, weigh the check-in rate by members and recount the
  attendance rate.
- Queries are set-based: a fixed handful per group (memberships, roles, tags, balances, last participation,
  check-ins, leaves, activities, attendance, ledger, steps, progress) pivoted in Python — never one query
  per member. KPIs come from desktop.metrics.month_stats, alerts/structure/funnel from desktop.health, so
  the workbook shows the same numbers as `qundesk stats` and the dashboard.
- Lists leave out soft-deleted people; the KPIs are month_stats' numbers as defined in docs/metrics.md.
  Stored datetimes are local wall-clock times (docs/architecture.md, "Time") and are written as they are.
- Phones are masked (138****8000) unless `unmasked=True` and the operator has `export_unmasked`; asking
  for unmasked phones without it raises PermissionDenied before anything is read.
- The file is written atomically (temporary file in the target folder, then os.replace); a missing or
  unwritable folder is reported before any work starts; cancel (progress.step raising Cancelled) leaves
  the old file untouched. A month's ledger longer than a worksheet (1,048,576 rows) is cut with a note.
"""

from __future__ import annotations

import json
import math
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice, zip_longest
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.axis import ChartLines
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.formatting.rule import ColorScaleRule, FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session, aliased

from desktop.errors import NotFound, QunDeskError
from desktop.health import (
    STRUCTURE_TARGET,
    alerts,
    daily_checkins,
    funnel,
    structure,
    structure_target_label,
    structure_targets,
)
from desktop.io.xlsx_util import (
    EXCEL_MAX_ROWS,
    SheetRows,
    Styles,
    check_target,
    column_widths,
    discard,
    display_width,
    local_day,
    print_setup,
    save_atomic,
    set_widths,
    to_local,
)
from desktop.metrics import (
    STATS_KEYS,
    MonthStats,
    Period,
    combined_checkin_rate,
    month_recorded,
    month_stats,
    previous_month,
)
from desktop.phones import mask_phone, mask_phones_in
from desktop.phrases import Phrase, default_name, ledger_reason
from desktop.services.operators import Actor, require
from desktop.services.points import competition_ranks, level_for, on_board, top_with_ties
from desktop.settings import group_rule_at, rules_at
from desktop.streaks import longest_run
from desktop.tasks import Progress
from models import (
    Activity,
    Attendance,
    AuditEntry,
    ChatActivity,
    CheckIn,
    Contribution,
    EntryStep,
    Group,
    Leave,
    Level,
    Member,
    Membership,
    MembershipSpell,
    PointsEntry,
    Role,
    StepProgress,
    Tag,
    Tier,
    clock,
    member_tag,
    membership_role,
)
from models.db import Database
from models.queries.participation import DELETED_MEMBERSHIPS, as_day, attendance_counted, day_after, day_start
from models.tier_history import tier_at_end_columns

SHEETS: tuple[str, ...] = ("概览", "成员名册", "打卡明细", "活动", "积分", "入群进度", "预警")
LANGS = ("zh_CN", "en")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LEADERBOARD_SIZE = 20  # rows per group in each leaderboard (more when people are level with the 20th)
LEADERBOARD_MAX = 100  # the most rows of a board, however many are level with its last place
WIDE_TEXT = 36  # widest a free-text column gets (purpose, reason, titles)
# 概览 charts: 17 × 7 cm each in columns H–Q (10 columns of width 9 ≈ 18 cm); rows are 15 pt (0.53 cm)
CHART_COLS, CHART_COL_WIDTH = 10, 9.0
CHART_WIDTH_CM, CHART_HEIGHT_CM = 17.0, 7.0
ROW_HEIGHT = 15.0  # points
TITLE_WIDTH_SCALE = 1.45  # a sheet title (15 pt bold) is this much wider than display_width's 11 pt units
CHART_ROWS = 14  # rows one chart covers (7 cm ÷ 15 pt = 13.2 rows)
ROW_CM = ROW_HEIGHT / 72 * 2.54
# Printing 概览 (landscape A4, one page wide): about this many rows fit on a page at the scale that fits A–Q.
# Pages break between KPI blocks, never inside one: page 1 holds the headline blocks (合计 first) and the first
# two charts, page 2 starts with the entry funnel.
PAGE_ROWS = 44
FUNNEL_BAR_CM = 0.36  # height per bar of the funnel chart: every step name and value label stays readable
CHART_DATA_COL = 8 + CHART_COLS + 1  # S: the charts' data, outside the print area

# One dict of every header and label the workbook shows: key -> (Chinese, English).
TEXT: dict[str, tuple[str, str]] = {
    # sheet titles
    "title.summary": ("社群月报", "Community monthly report"),
    "title.roster": ("成员名册", "Roster"),
    "title.checkins": ("打卡明细", "Check-ins"),
    "title.activities": ("活动", "Activities"),
    "title.attendance": ("出勤矩阵", "Attendance"),
    "title.points_month": ("本月积分榜", "Points this month"),
    "title.points_all": ("累计积分榜", "Points all time"),
    "title.ledger": ("本月积分明细", "Points ledger this month"),
    "title.onboarding": ("入群进度", "Entry progress"),
    "title.alerts": ("预警", "Alerts"),
    "title.daily": ("每日打卡人数", "Check-ins per day"),
    "title.structure": ("成员结构 (目标 %s)", "Member structure (target %s)"),
    "title.funnel": ("入群漏斗 (完成各步骤的人数)", "Entry funnel (people who reached each step)"),
    # subtitles
    "sub.period": ("统计期", "Period"),
    "sub.exported": ("导出", "Exported"),
    "sub.operator": ("操作员", "Operator"),
    "sub.groups": ("社群", "Groups"),
    "sub.n_groups": ("{n} 个社群", "{n} groups"),  # a sheet's title when the groups' names are wider than the sheet
    "sub.people": (
        "合计的成员数 {members} 是各群相加, 共 {people} 人 (同在两个群的人算两次)",
        "Total members {members} add the groups up: {people} people (someone in two groups counts twice)",
    ),
    "sub.rules": ("规则 ({day} 时): {rules}", "Rules (as of {day}): {rules}"),
    # said only when last month's rules differ: its figures beside this month's were counted by other rules
    "sub.rules_before": ("上月不同 ({day} 时): {rules}", "last month's differ (as of {day}): {rules}"),
    "rule.dormant": ("沉默 {dormant_days} 天", "dormant after {dormant_days} days"),
    "rule.newcomer": ("新人观察 {newcomer_days} 天", "newcomers watched {newcomer_days} days"),
    "rule.stalled": ("入群停滞 {stalled_days} 天", "stalled after {stalled_days} days"),
    "rule.zombie": (
        "僵尸群 {zombie_idle_days} 天无人参与或 7 天活跃低于 {zombie_active_share:.0%}",
        "zombie after {zombie_idle_days} idle days or under {zombie_active_share:.0%} active in 7 days",
    ),
    "rule.violations": (
        "{violations_window_days} 天内违规 {violations_flag_count} 次",
        "{violations_flag_count} violations within {violations_window_days} days",
    ),
    # what 概览's 打卡率 counts (docs/metrics.md checkin_rate): a member's own rate on 打卡明细 counts their own days
    "sub.rate_means": (
        "打卡率 = 月末成员的打卡次数 ÷ (月末成员数 × 统计天数 − 请假天数); 每人的打卡率按各自在群的天数, 见打卡明细",
        "check-in rate = check-ins of the members at the month's end ÷ (those members × the days counted − their leave"
        " days); each person's own rate, over their own days in the group, is on Check-ins",
    ),
    # why 概览 reads "–" for a month (metrics.month_recorded): said, not left to be taken for a 0 nobody measured
    "sub.no_last": (
        "上月「–」: {groups} 没有上月的记录",
        'Last month "–": {groups}: nothing recorded last month',
    ),
    "sub.no_last_total": ("合计的上月因此也是「–」", 'so the total\'s last month is "–" too'),
    "sub.no_month": ("本月「–」: {groups} 没有本月的记录", 'This month "–": {groups}: nothing recorded this month'),
    "sub.set_up_on": ("{group} ({day} 设立)", "{group} (set up {day})"),
    "sub.archived_on": ("{group} ({day} 结营)", "{group} (archived {day})"),
    "sub.masked": ("手机号已脱敏", "phone numbers masked"),
    "sub.unmasked": ("含完整手机号, 请妥善保管", "full phone numbers: handle with care"),
    "sub.legend_checkins": (
        "✓ 打卡 · 补 补卡 · 假 请假 · – 不在群 (入群前、退群后); 打卡率 = 打卡天数 ÷ (在群天数 − 请假天数);"
        " 每日合计的打卡率同概览",
        "✓ checked in · 补 late check-in · 假 on leave · – not in the group (before joining, after leaving);"
        " rate = check-ins ÷ (days in the group − leave days); the daily totals' rate is the summary's",
    ),
    "sub.legend_attendance": (
        "✓ 出席 · ✗ 缺席 · 假 请假 · 报 已报名",
        "✓ attended · ✗ absent · 假 excused · 报 registered",
    ),
    "sub.as_of": ("截至", "as of"),
    "sub.onboarding_print": (
        "打印范围: 仍在入群流程中的人和本月入群的成员; 更早入群的成员排在后面, 供筛选",
        "Printed: people still in the entry process and members who joined this month; earlier members follow, "
        "to filter",
    ),
    "sub.ledger_print": ("积分流水供筛选, 不打印", "The ledger is for filtering, it is not printed"),
    "sub.no_rows": ("(无)", "(none)"),
    "sub.deleted_person": ("(已删除的成员)", "(deleted member)"),
    "sub.future": ("这个月份还没有开始", "this month has not started yet"),
    "sub.truncated": (
        "… 还有 {n:,} 条未列出: 超过了 Excel 的行数上限, 请按社群分别导出",
        "… {n:,} more entries not listed: more than Excel can hold; export fewer groups",
    ),
    # column headers
    "h.group": ("社群", "Group"),
    "h.kpi": ("指标", "Metric"),
    "h.this_month": ("本月", "This month"),
    "h.last_month": ("上月", "Last month"),
    "h.change": ("变化", "Change"),
    # a rate's change (打卡率 45.5% after 53.8%): in percentage points, "−8.4 个百分点", never "−8.4%" (a relative fall)
    "unit.points": ("个百分点", " pp"),
    "h.key": ("代码", "Key"),
    "h.name": ("姓名", "Name"),
    "h.nickname": ("昵称", "Nickname"),
    "h.group_nickname": ("群昵称", "Group nickname"),
    "h.wechat_id": ("微信号", "WeChat ID"),
    "h.phone": ("手机", "Phone"),
    "h.status": ("状态", "Status"),
    "h.tier": ("层级", "Tier"),
    "h.roles": ("角色", "Roles"),
    "h.tags": ("标签", "Tags"),
    "h.joined": ("入群日期", "Joined"),
    "h.left": ("退群日期", "Left"),
    "h.applied": ("申请日期", "Applied"),
    "h.referrer": ("推荐人", "Referrer"),
    "h.purpose": ("进群目的", "Purpose"),
    "h.points": ("积分", "Points"),
    "h.points_month": ("本月积分", "Points (month)"),
    "h.points_all": ("累计积分", "Points (all time)"),
    "h.level": ("等级", "Level"),
    "h.last_activity": ("最近参与", "Last participation"),
    "h.messages": ("本月发言", "Messages (month)"),
    # the names a person carried since the month began (a rename on the 15th): the sheets name them as they are now
    "h.former_names": ("曾用名 (本月起)", "Former names (since the month began)"),
    "h.checkin_days": ("打卡天数", "Check-ins"),
    "h.leave_days": ("请假天数", "Leave days"),
    "h.longest": ("最长连续", "Longest streak"),
    "h.rate": ("打卡率", "Rate"),
    "h.day_totals": ("每日合计", "Per day"),
    "h.all_groups": ("全部社群", "All groups"),
    "h.starts": ("开始时间", "Starts"),
    "h.activity": ("活动", "Activity"),
    "h.kind": ("类型", "Kind"),
    "h.series": ("系列", "Series"),
    "h.edition": ("期数", "Edition"),
    "h.place": ("线上/地点", "Online / place"),
    "h.capacity": ("名额", "Capacity"),
    "h.signed_up": ("报名", "Signed up"),
    "h.attended": ("出席", "Attended"),
    "h.absent": ("缺席", "Absent"),
    "h.excused": ("请假", "Excused"),
    "h.unmarked": ("未签到", "Not marked"),
    "h.attendance_rate": ("出勤率", "Attendance"),
    "h.attended_count": ("出席次数", "Attended"),
    "h.rank": ("排名", "Rank"),
    "h.date": ("日期", "Date"),
    "h.reason": ("原因", "Reason"),
    "h.source": ("来源", "Source"),
    "h.progress": ("必需步骤", "Required done"),
    # 入群进度: a member (已入群) whose required steps were not all recorded — added by hand, imported as a member, a
    # returner — was let in without them: a bare "0/3" read as unfinished
    "progress.none_recorded": ("直接入群, 未记录步骤", "added directly, steps not recorded"),
    "progress.rest_unrecorded": ("已入群, 其余步骤未记录", "a member; the other steps not recorded"),
    "h.alert": ("预警类型", "Alert"),
    "h.member": ("成员", "Member"),
    "h.day": ("日", "Day"),
    "h.structure": ("结构", "Structure"),
    "h.target": ("目标", "Target"),
    "h.step": ("入群步骤", "Entry step"),
    "h.total": ("合计", "Total"),
    "h.retired": ("(已停用)", "(retired)"),
    "h.online": ("线上", "Online"),
    "h.offline": ("线下", "Offline"),
    # KPIs (MonthStats keys)
    "kpi.members_total": ("成员数", "Members"),
    "kpi.members_active": ("活跃成员", "Active members"),
    "kpi.joined": ("新入群", "Joined"),
    "kpi.left": ("退群", "Left"),
    "kpi.checkins": ("打卡次数", "Check-ins"),
    "kpi.checkin_rate": ("打卡率", "Check-in rate"),
    "kpi.activities": ("活动场次", "Activities"),
    "kpi.attendance_rate": ("出勤率", "Attendance rate"),
    "kpi.points_awarded": ("发放积分", "Points awarded"),
    "kpi.dormant": ("沉默成员", "Dormant members"),
    "kpi.stalled_onboarding": ("入群停滞", "Stalled onboarding"),
    "kpi.messages": ("群聊发言", "Chat messages"),
    # membership statuses
    "status.applicant": ("申请中", "Applicant"),
    "status.onboarding": ("入群中", "Onboarding"),
    "status.active": ("已入群", "Member"),
    "status.left": ("已退群", "Left"),
    "status.removed": ("已移除", "Removed"),
    "status.blacklisted": ("黑名单", "Blacklisted"),
    # activity kinds
    "activity.knowledge_share": ("干货分享", "Knowledge share"),
    "activity.expert_live": ("大牛直播", "Expert live"),
    "activity.prize_interaction": ("有奖互动", "Prize interaction"),
    "activity.offline_meetup": ("线下聚会", "Offline meetup"),
    "activity.opening_ceremony": ("开营仪式", "Opening ceremony"),
    "activity.award_ceremony": ("颁奖典礼", "Award ceremony"),
    "activity.course": ("课程", "Course"),
    "activity.other": ("其他", "Other"),
    # point sources
    "source.checkin": ("打卡", "Check-in"),
    "source.streak": ("连续打卡", "Streak"),
    "source.attendance": ("活动", "Activity"),
    "source.contribution": ("贡献", "Contribution"),
    "source.violation": ("违规", "Violation"),
    "source.referral": ("推荐", "Referral"),
    "source.manual": ("手动调整", "Manual"),
    "source.recompute": ("重新计算", "Recompute"),
    "source.reversal": ("冲正", "Reversal"),
    # alert kinds
    "alert.zombie_group": ("僵尸群预警", "Zombie group"),
    "alert.capacity": ("容量预警", "Capacity"),
    "alert.repeat_violator": ("多次违规", "Repeat violator"),
    "alert.stalled_onboarding": ("入群停滞", "Stalled onboarding"),
    "alert.silent_newcomer": ("沉默新人", "Silent newcomer"),
    "alert.dormant": ("沉默成员", "Dormant member"),
    # 5/20/75 structure
    "structure.key": ("大咖 (含核心)", "Key voices (incl. core)"),
    "structure.mid": ("中咖", "Mid voices"),
    "structure.ordinary": ("普通", "Ordinary"),
    "structure.unset": ("未设置", "Not set"),
    # weekdays (Monday first)
    "weekday": ("一二三四五六日", "MTWTFSS"),
}

KPI_KEYS: tuple[str, ...] = STATS_KEYS  # month_stats' figures, in their order
RATE_KPIS = frozenset({"checkin_rate", "attendance_rate"})
# figures a month has from the members' join and leave dates, whether or not QunDesk recorded that month
KNOWN_FROM_DATES = frozenset({"members_total", "joined", "left"})
# alerts that read participation: none of a month QunDesk does not know (metrics.month_recorded)
# the workspace rules a month's figures were counted by, as 概览's subtitle names them (rules_text)
RULE_KEYS = (
    "dormant_days",
    "newcomer_days",
    "stalled_days",
    "zombie_idle_days",
    "zombie_active_share",
    "violations_window_days",
    "violations_flag_count",
)
RULE_PARTS = ("dormant", "newcomer", "stalled", "zombie", "violations")
UNMEASURED_ALERTS = frozenset({"zombie_group", "dormant", "silent_newcomer"})
STATUS_ORDER = {"active": 0, "onboarding": 1, "applicant": 2, "left": 3, "removed": 4, "blacklisted": 5}
ALERT_ORDER = {
    k: i
    for i, k in enumerate(
        ("zombie_group", "capacity", "repeat_violator", "stalled_onboarding", "silent_newcomer", "dormant")
    )
}
MARK_CHECKIN, MARK_LATE, MARK_LEAVE = "✓", "补", "假"
# 打卡明细: a day of the month that is not one of the person's days (before they joined, after they left, between two
# spells, before the group was set up here) — not a missed check-in, and not in their rate
MARK_AWAY = "–"
ATTENDANCE_MARKS = {"attended": "✓", "absent": "✗", "excused": "假", "registered": "报"}
CHECKIN_FILLS = {MARK_CHECKIN: "C6EFCE", MARK_LATE: "E2EFDA", MARK_LEAVE: "EDEDED", MARK_AWAY: "F7F7F7"}


@dataclass(frozen=True)
class ReportSummary:
    path: Path
    sheets: tuple[str, ...]
    rows_written: int


# ---------------------------------------------------------------- data


@dataclass(slots=True)  # one per membership: 130,000 of them in a 100,000-member community
class _Person:
    mid: int
    status: str
    name: str
    nickname: str | None
    group_nickname: str | None
    wechat_id: str | None
    phone: str | None
    pinyin: str
    tier: str | None
    joined_at: datetime | None
    left_at: datetime | None
    applied_at: datetime | None
    since: datetime | None  # applied, else created: when an applicant or newcomer came
    referrer: str | None
    purpose: str | None
    opt_out: bool
    roles: tuple[str, ...] = ()  # tuples: most people have none, and an empty tuple is shared
    tags: tuple[str, ...] = ()
    points: int = 0  # balance up to the end of the period
    level: str | None = None
    in_ledger: bool = False  # has an entry that stands up to the end of the period: on the all-time board, 0 included
    last_activity: date | None = None
    messages: int = 0  # chat messages in the period (chat-history imports)
    spells: tuple[tuple[datetime | None, datetime], ...] = ()  # earlier, closed spells (joined, left): rare


def _mask_phones(people: dict[int, _Person]) -> None:
    """The masked report's people (desktop.phones.mask_phones_in): a phone number written into a group nickname
    (张三-13812345678), a name, a nickname, a purpose answer or a referrer's name is masked like the phone column —
    it reached every sheet in full, the roster's 群昵称 of an assistant's report too. A WeChat ID set to the phone
    number (people found on WeChat by their phone; older workspaces stored such IDs) is masked the same way."""
    for pp in people.values():
        for f in ("name", "nickname", "group_nickname", "purpose", "referrer", "wechat_id"):
            value = getattr(pp, f)
            if value and any(c.isdigit() for c in value):
                setattr(pp, f, mask_phones_in(value))


def _number_namesakes(people: dict[int, _Person], listed: Callable[[_Person], bool]) -> None:
    """Two people of one group with the same name on the month's roster (`listed`): numbered, 张三 (1) and 张三 (2)
    in the order they joined the roster (their memberships'), the same on every sheet — 打卡明细, 积分, 活动 and
    预警 named two 张三 whom only 成员名册's WeChat ID told apart, and an owner reading a rate or an alert could not
    say whose it was. A namesake who joined after the month (or left before it) does not number that month's."""
    by_name: dict[str, list[_Person]] = {}
    for pp in people.values():
        if pp.name and listed(pp):
            by_name.setdefault(pp.name, []).append(pp)
    for same in by_name.values():
        if len(same) > 1:
            for i, pp in enumerate(sorted(same, key=lambda p: p.mid), start=1):
                pp.name = f"{pp.name} ({i})"


@dataclass
class _GroupData:
    id: int
    name: str
    late_counts: bool
    stats: MonthStats
    last_stats: MonthStats
    checked_in: set[int]  # memberships with a check-in in the period (the check-ins: _Report.checkins_of)
    daily: dict[date, int]  # check-ins per day of the period
    leave_days: dict[int, set[date]]
    activities: list[tuple]  # (id, title, kind, series, edition, starts_at, online, place, capacity)
    attendance: dict[int, dict[int, str]]  # activity -> membership -> status
    ledger_rows: int  # entries of the month's ledger (read again, streamed, when the sheet is written)
    month_points: dict[int, int]
    steps: list[tuple[int, str, bool, bool]]  # (id, name, retired, required)
    structure: dict[str, int]
    funnel: list[tuple[str, int]]
    # From the group's people, read once here; the people themselves are read again, one group at a time,
    # by each sheet that lists them (_Report.people_of): a 100,000-member community's people are never all
    # in memory at once.
    roster_rows: int = 0
    matrix_rows: int = 0
    onboarding_rows: tuple[int, int] = (0, 0)  # (printed, the rest)
    boards: tuple[list, list] = ([], [])  # top of the month, top of all time: (rank, name, points, level)
    attendees: dict[int, tuple[str, str]] = field(default_factory=dict)  # membership -> (name, pinyin)
    extras: _Extras | None = None  # the roster's computed columns, kept compactly until its sheet is written
    name_width: int = 0  # display_width of the group's widest name (as the sheets write it): the name columns' floor
    list_widths: dict[str, int] = field(default_factory=dict)  # "roles"/"tags": the widest joined list (a floor)
    last_recorded: bool = True  # QunDesk knows last month (metrics.month_recorded): else 概览's 上月 is "–"
    recorded: bool = True  # QunDesk knows the month itself: else its measured figures are "–" (本月, the rates)
    set_up: date | None = None  # the day the group was set up here (its created_at): 概览 says why a month is "–"
    archived: date | None = None  # the day it was archived (结营), if it was


@dataclass
class _Extras:
    """What `_people(full=True)` adds to each person, in the people's order, as arrays (8 bytes a person
    instead of objects): reading it again for the roster sheet would cost the balance and last-activity
    queries twice (≈1.2 s for a 9,400-member group)."""

    mids: array
    points: array
    last: array  # date ordinals, 0 = none
    messages: array
    levels: list[tuple[str, int]]
    roles: dict[int, tuple[str, ...]]  # only the people who have any
    tags: dict[int, tuple[str, ...]]

    @classmethod
    def of(cls, people: dict[int, _Person], levels: list[tuple[str, int]]) -> _Extras:
        values = people.values()
        return cls(
            array("q", people),
            array("q", (pp.points for pp in values)),
            array("l", (pp.last_activity.toordinal() if pp.last_activity else 0 for pp in values)),
            array("q", (pp.messages for pp in values)),
            levels,
            {pp.mid: pp.roles for pp in values if pp.roles},
            {pp.mid: pp.tags for pp in values if pp.tags},
        )

    def apply(self, people: dict[int, _Person]) -> bool:
        """Fill a base read of the same people (same transaction, same order); False if they differ."""
        if len(people) != len(self.mids) or any(a != b for a, b in zip(people, self.mids, strict=True)):
            return False
        for i, pp in enumerate(people.values()):
            pp.points = self.points[i]
            pp.level = level_for(self.levels, pp.points)
            pp.last_activity = date.fromordinal(self.last[i]) if self.last[i] else None
            pp.messages = self.messages[i]
            pp.roles = self.roles.get(pp.mid, ())
            pp.tags = self.tags.get(pp.mid, ())
        return True


def _as_date(value) -> date | None:
    """A day from a query result: dates as they are, datetimes as their day."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if " " in value or "T" in value else date.fromisoformat(value)
    return local_day(value)


def _levels(conn, gid: int, end: date) -> list[tuple[str, int]]:
    """The group's levels as they stood at `end` (a change of them is kept from its day: points.set_levels)."""
    kept = group_rule_at(conn, gid, end, "levels", None)
    if kept is not None:
        return [(str(n), int(v)) for n, v in kept]
    return [
        (n, int(v))
        for n, v in conn.execute(
            select(Level.name, Level.min_points).where(Level.group_id == gid).order_by(Level.min_points)
        ).all()
    ]


_LIGHT = (
    Membership.id,
    Membership.status,
    Member.display_name,
    Member.pinyin,
    Membership.joined_at,
    Membership.left_at,
    Membership.applied_at,
    Membership.created_at,
    Member.points_opt_out,
)


def _add_spells(conn, gid: int, people: dict[int, _Person]) -> None:
    """Each person's earlier, closed spells (membership_spell: a member who left and came back). The few spells of
    the workspace, each asked its membership's group by its id (not the group's memberships, each asked its
    spells)."""
    group_of = select(Membership.group_id).where(Membership.id == MembershipSpell.membership_id)
    for mid, joined, left in conn.execute(
        select(MembershipSpell.membership_id, MembershipSpell.joined_at, MembershipSpell.left_at)
        .where(group_of.scalar_subquery() == gid)
        .order_by(MembershipSpell.left_at)
    ):
        if mid in people:
            people[mid].spells += ((joined, left),)


def _people(conn, gid: int, p: Period, *, full: bool, light: bool = False) -> dict[int, _Person]:
    """The group's people (soft-deleted left out) in pinyin order; `full` adds roles, tags, points balance
    and level at the period's end, last participation and the period's chat messages (the roster's columns);
    `light` reads only what the sheets that name people need (name, status, pinyin, dates, opt-out)."""
    start, end = p.start, p.end
    people: dict[int, _Person] = {}
    if light:
        for mid, status, name, py, joined, left, applied, created, opt_out in conn.execute(
            select(*_LIGHT)
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.group_id == gid, Member.deleted_at.is_(None))
            .order_by(Member.pinyin, Membership.id)
        ):
            people[mid] = _Person(
                mid, status, name, None, None, None, None, py, None, joined, left, applied, applied or created,
                None, None, opt_out=bool(opt_out),
            )  # fmt: skip
        _add_spells(conn, gid, people)
        return people
    referrer = aliased(Member)
    # each member's tier at the period's end: a past month's roster names the tiers its structure counted
    # (models/tier_history.py), today's month the column
    if end < clock.today():
        tier_name, _rank, tier_joins = tier_at_end_columns(end)
    else:
        tier_name, tier_joins = Tier.name, lambda st: st.outerjoin(Tier, Tier.id == Membership.tier_id)
    for row in conn.execute(
        tier_joins(
            select(
                Membership.id,
                Membership.status,
                Member.display_name,
                Member.nickname,
                Membership.group_nickname,
                Member.wechat_id,
                Member.phone,
                Member.pinyin,
                tier_name,
                Membership.joined_at,
                Membership.left_at,
                Membership.applied_at,
                Membership.created_at,
                referrer.display_name,
                Membership.purpose,
                Member.points_opt_out,
            ).join(Member, Member.id == Membership.member_id)
        )
        .outerjoin(referrer, referrer.id == Membership.referrer_id)
        .where(Membership.group_id == gid, Member.deleted_at.is_(None))
        .order_by(Member.pinyin, Membership.id)
    ).all():
        people[row[0]] = _Person(*row[:12], row[11] or row[12], *row[13:15], opt_out=bool(row[15]))
    _add_spells(conn, gid, people)

    if not full:
        return people
    for mid, role in conn.execute(
        select(membership_role.c.membership_id, Role.name)
        .join(Role, Role.id == membership_role.c.role_id)
        .join(Membership, Membership.id == membership_role.c.membership_id)
        .where(Membership.group_id == gid)
        .order_by(Role.id)
    ).all():
        if mid in people:
            people[mid].roles += (role,)
    for mid, tag in conn.execute(
        select(Membership.id, Tag.name)
        .join(member_tag, member_tag.c.member_id == Membership.member_id)
        .join(Tag, Tag.id == member_tag.c.tag_id)
        .where(Membership.group_id == gid)
        .order_by(Tag.name)
    ).all():
        if mid in people:
            people[mid].tags += (tag,)

    levels = _levels(conn, gid, end)
    balances = dict(
        conn.execute(
            select(PointsEntry.membership_id, func.sum(PointsEntry.points))
            .where(PointsEntry.group_id == gid, PointsEntry.day <= end)
            .group_by(PointsEntry.membership_id)
        ).all()
    )
    # a membership whose every entry was taken back with its fact (+1 −1: a check-in undone) is on no board
    shown = {mid for mid, pts in balances.items() if pts} | on_board(
        conn, [mid for mid, pts in balances.items() if not pts], None, end
    )
    for mid, person in people.items():
        person.points = int(balances.get(mid) or 0)
        person.level = level_for(levels, person.points)
        person.in_ledger = mid in shown

    last: dict[int, date] = {}
    for q in (
        select(CheckIn.membership_id, func.max(CheckIn.day))
        .where(CheckIn.group_id == gid, CheckIn.day <= end)
        .group_by(CheckIn.membership_id),
        select(Contribution.membership_id, func.max(Contribution.day))
        .where(Contribution.group_id == gid, Contribution.day <= end)
        .group_by(Contribution.membership_id),
        select(Attendance.membership_id, func.max(Activity.starts_at))
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(Activity.group_id == gid, Attendance.status == "attended", Activity.starts_at < day_after(end))
        .group_by(Attendance.membership_id),
        select(ChatActivity.membership_id, func.max(ChatActivity.day))
        .where(ChatActivity.group_id == gid, ChatActivity.day <= end)
        .group_by(ChatActivity.membership_id),
    ):
        for mid, when in conn.execute(q).all():
            d = _as_date(when)
            if d is not None and (mid not in last or d > last[mid]):
                last[mid] = d
    for mid, d in last.items():
        if mid in people:
            people[mid].last_activity = d
    for mid, n in conn.execute(
        select(ChatActivity.membership_id, func.sum(ChatActivity.messages))
        .where(ChatActivity.group_id == gid, ChatActivity.day >= start, ChatActivity.day <= end)
        .group_by(ChatActivity.membership_id)
    ).all():
        if mid in people:
            people[mid].messages = int(n)

    return people


def _load_group(session: Session, group: Group, year: int, month: int, p: Period, today: date) -> _GroupData:
    gid = group.id
    start, end = p.start, p.end
    stats = month_stats(session, gid, year, month, today=today)
    py, pm = previous_month(year, month)
    last_stats = month_stats(session, gid, py, pm, today=today)

    conn = session.connection()  # Core execution: these are plain column selects, no ORM objects
    # the check-ins themselves (≈800,000 a month at 100,000 members) are read group by group as the sheet
    # is written (_Report.checkins_of); here only who checked in and the count per day
    in_period = (CheckIn.group_id == gid, CheckIn.day >= start, CheckIn.day <= end)
    checked_in = set(conn.execute(select(CheckIn.membership_id).where(*in_period).distinct()).scalars())
    # the check-ins per day (the 概览 chart's data) as the dashboard counts them: a deleted person's are in no
    # figure — the chart had counted them, above the 打卡明细 matrix's 每日合计 of the same day
    daily = dict(daily_checkins(session, gid, start, end))

    leave_days: dict[int, set[date]] = defaultdict(set)
    for mid, s, e in conn.execute(
        select(Leave.membership_id, Leave.start_day, Leave.end_day)
        .join(Membership, Membership.id == Leave.membership_id)
        .where(Membership.group_id == gid, Leave.start_day <= end, Leave.end_day >= start)
    ).all():
        d = max(s, start)
        while d <= min(e, end):
            leave_days[mid].add(d)
            d += timedelta(days=1)

    in_period = (
        Activity.group_id == gid,
        Activity.starts_at >= day_start(start),
        Activity.starts_at < day_after(end),
    )
    activities = [
        tuple(r)
        for r in conn.execute(
            select(
                Activity.id,
                Activity.title,
                Activity.kind,
                Activity.series,
                Activity.edition,
                Activity.starts_at,
                Activity.online,
                Activity.place,
                Activity.capacity,
            )
            .where(*in_period)
            .order_by(Activity.starts_at, Activity.id)
        ).all()
    ]
    attendance: dict[int, dict[int, str]] = defaultdict(dict)
    # a deleted person's sign-ups: not in the counts of an activity's row, as they are not in its matrix — left out
    # here, from the few deleted memberships read once (a NOT IN in the statement made PostgreSQL scan every place)
    deleted = set(conn.execute(DELETED_MEMBERSHIPS).scalars())
    for aid, mid, status in conn.execute(
        select(Attendance.activity_id, Attendance.membership_id, Attendance.status)
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(*in_period)
    ).all():
        if mid not in deleted:
            attendance[aid][mid] = status

    in_month = (PointsEntry.group_id == gid, PointsEntry.day >= start, PointsEntry.day <= end)
    month_points: dict[int, int] = defaultdict(int)
    ledger_rows = 0
    for mid, pts, n in conn.execute(
        select(PointsEntry.membership_id, func.sum(PointsEntry.points), func.count())
        .where(*in_month)
        .group_by(PointsEntry.membership_id)
    ):
        month_points[mid] = int(pts)
        ledger_rows += n
    # on the month's board: those with an entry of the month that stands (points.standing_entry)
    zeros = [mid for mid, pts in month_points.items() if not pts]
    for mid in set(zeros) - on_board(conn, zeros, start, end):
        del month_points[mid]

    # retired as the period's end had it: a step retired since was live then (as the funnel beside it counts)
    steps = [
        (sid, name, retired is not None and retired < day_after(end), bool(required))
        for sid, name, retired, required in conn.execute(
            select(EntryStep.id, EntryStep.name, EntryStep.retired_at, EntryStep.required)
            .where(EntryStep.group_id == gid)
            .order_by(EntryStep.position, EntryStep.id)
        ).all()
    ]
    buckets, _tiers = structure(session, gid, end)
    return _GroupData(
        id=gid,
        name=group.name,
        # the group's 补卡 rule as it stood at the period's end (settings.group_rule_at), as every rule of the month
        late_counts=bool(
            group_rule_at(session, gid, end, "late_checkins_count_for_streak", group.late_checkins_count_for_streak)
        ),
        stats=stats,
        last_stats=last_stats,
        last_recorded=month_recorded(as_day(group.created_at), py, pm, last_stats),
        recorded=month_recorded(as_day(group.created_at), year, month, stats),
        set_up=as_day(group.created_at),
        archived=as_day(group.archived_at) if group.archived_at is not None else None,
        checked_in=checked_in,
        daily=daily,
        leave_days=leave_days,
        activities=activities,
        attendance=attendance,
        ledger_rows=ledger_rows,
        month_points=month_points,
        steps=steps,
        structure=buckets,
        # the funnel as the period's end had it: March's, exported again in June, counted the steps done since
        funnel=funnel(session, gid, until=end),
    )


def _attendance_totals(session: Session, group_ids: list[int], p: Period, today: date) -> tuple[int, int]:
    """(attended, expected) over the groups' activities starting in the period, the places month_stats counts
    (`attendance_counted`: excused never; a sign-up once its day has passed)."""
    if p.days == 0:
        return 0, 0
    counted = (
        Activity.group_id.in_(group_ids),
        Activity.starts_at >= day_start(p.start),
        Activity.starts_at < day_after(p.end),
        attendance_counted(today),
    )
    rows: dict[str, int] = defaultdict(int)
    for status, n in session.execute(
        union_all(  # less the few deleted people's places (in no figure), subtracted as month_stats does
            select(Attendance.status, func.count())
            .join(Activity, Activity.id == Attendance.activity_id)
            .where(*counted)
            .group_by(Attendance.status),
            select(Attendance.status, -func.count())
            .join(Activity, Activity.id == Attendance.activity_id)
            .where(*counted, Attendance.membership_id.in_(DELETED_MEMBERSHIPS))
            .group_by(Attendance.status),
        )
    ).all():
        rows[status] += int(n)
    return int(rows.get("attended", 0)), int(sum(rows.values()))


# ---------------------------------------------------------------- layout


@dataclass
class _Block:
    kind: str  # title | subtitle | section | header | rows | stream | blank
    values: list = field(default_factory=list)  # one row (title, header) or many rows ("rows")
    kinds: list | None = None  # style name per column ("rows", "header")
    row: int = 0  # first sheet row, set by _Layout.add
    height: float | None = None
    row_kinds: list[list] | None = None  # style names per row and column, when rows differ
    measure: bool = True  # counts for the column widths
    stream: Callable[[], Iterable[list]] | None = None  # "stream": rows produced while the sheet is written
    count: int = 0  # "stream": how many rows `stream` yields (row numbers must be known before)

    @property
    def size(self) -> int:
        if self.kind == "stream":
            return self.count
        return len(self.values) if self.kind == "rows" else 1

    @property
    def last_row(self) -> int:
        return self.row + max(self.size, 1) - 1


class _Layout:
    """A sheet built in memory: blocks of rows with known row numbers, so that filters, formatting and
    charts can name their ranges before the write-only sheet is streamed."""

    def __init__(self, first_row: int = 1) -> None:
        self.blocks: list[_Block] = []
        self.first_row = self.next_row = first_row

    def add(self, kind: str, values=None, kinds=None, *, height: float | None = None, measure: bool = True) -> _Block:
        block = _Block(kind, list(values) if values is not None else [], kinds, self.next_row, height, measure=measure)
        self.blocks.append(block)
        self.next_row += block.size
        return block

    def add_stream(self, rows: Callable[[], Iterable[list]], count: int, kinds, *, measure: bool = True) -> _Block:
        """A table whose `count` rows are produced only as the sheet is written (a month's ledger: a million
        rows at 100,000 members, never all in memory). Measured from its first 200 rows (read once more)."""
        block = _Block("stream", [], kinds, self.next_row, measure=measure, stream=rows, count=count)
        self.blocks.append(block)
        self.next_row += count
        return block

    def widths(self, *, maximum: float = WIDE_TEXT) -> list[float]:
        """Column widths from the header rows and up to 200 rows of each table."""
        sample: list = []
        for b in self.blocks:
            if not b.measure:
                continue
            if b.kind == "header":
                sample.append(b.values)
            elif b.kind == "rows":
                sample.extend(b.values[:200])
            elif b.kind == "stream" and b.stream is not None:
                sample.extend(islice(b.stream(), 200))
        return column_widths([], sample, sample=len(sample), maximum=maximum)

    def rendered(self) -> Iterator[tuple[list, list | None, float | None, bool]]:
        """One (values, styles, height, is_table_row) per sheet row from `first_row` on, as they are written."""
        for b in self.blocks:
            if b.kind == "blank":
                yield [], None, None, False
            elif b.kind in ("title", "subtitle", "section"):
                yield b.values, b.kinds or [b.kind] * len(b.values), b.height, False
            elif b.kind == "header":
                yield b.values, b.kinds or ["header"] * len(b.values), b.height, False
            elif b.kind == "rows":
                for i, r in enumerate(b.values):
                    yield r, b.row_kinds[i] if b.row_kinds is not None else b.kinds, None, True
            elif b.kind == "stream":
                assert b.stream is not None
                n = 0
                for r in b.stream():
                    yield r, b.kinds, None, True
                    n += 1
                if n != b.count:  # the filter ranges and page breaks were laid out for `count` rows
                    raise RuntimeError(f"a streamed table gave {n} rows instead of {b.count}")

    def write(
        self, out: SheetRows, right: _Layout | None = None, right_col: int = 0, row_height: float | None = None
    ) -> int:
        """Serialise the blocks (and a second layout placed from column `right_col` on the same rows);
        returns the number of table rows (not titles or headers) written. `row_height` fixes the height
        of every row that has none of its own."""
        side = [([], None, None, False)] * (right.first_row - 1) + list(right.rendered()) if right is not None else []
        written = 0
        for i, row in enumerate(zip_longest(self.rendered(), side)):
            values, kinds, height, data = row[0] if row[0] is not None else ([], None, None, False)
            if i < len(side):
                rv, rk, rh, rdata = side[i]
                pad = right_col - 1 - len(values)
                kinds = list(kinds or [None] * len(values)) + [None] * pad + list(rk or [None] * len(rv))
                values = list(values) + [None] * pad + list(rv)
                height = max(height or 0, rh or 0) or None
                data = data or rdata
            out.append(values, kinds, height or row_height)
            written += data
        return written


def _ref(first_col: int, first_row: int, last_col: int, last_row: int) -> str:
    return f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"


def _table_ref(header: _Block, rows: _Block) -> str:
    """The auto-filter range of a table: its header row and its rows (just the header when it has none)."""
    last_row = rows.last_row if rows.size else header.row
    return _ref(1, header.row, len(header.values), last_row)


# ---------------------------------------------------------------- the export


class _Report:
    def __init__(
        self,
        actor: Actor,
        groups: list[_GroupData],
        year: int,
        month: int,
        p: Period,
        today: date,
        unmasked: bool,
        lang: str,
    ):
        self.actor = actor
        self.groups = groups
        self.year, self.month, self.p, self.today = year, month, p, today
        self.unmasked = unmasked
        self.lang_index = 0 if lang == "zh_CN" else 1
        self.multi = len(groups) > 1
        self.wb = Workbook(write_only=True)
        self.styles = Styles(self.wb, points_unit=TEXT["unit.points"][self.lang_index])
        self.totals: tuple[MonthStats, MonthStats] | None = None
        self.structure_cm = CHART_HEIGHT_CM  # 概览's structure chart (summary sizes it)
        # the structure's targets: the tiers' shares (health.structure_targets; export_report reads them)
        self.structure_target = dict(STRUCTURE_TARGET)
        self.rows_written = 0
        self._people: tuple[int, bool, dict[int, _Person]] | None = None  # (group, full, people): people_of
        self.session: Session | None = None  # the export's read transaction, open while the sheets are written
        self.connection = None  # its connection: the big tables are read as they are written
        self._stepped_by_end: dict[int, bool] = {}  # _on_the_way_in_at_end: membership -> a step by the period's end
        # _in_roster: the applicants and newcomers (申请中/入群中 now) with an entry step recorded by the period's end,
        # of the groups read so far (one statement a group)
        self._waiting_stepped: set[int] = set()
        self._waiting_stepped_of: set[int] = set()

    # -- reading
    def people_of(self, g: _GroupData, *, full: bool = False) -> dict[int, _Person]:
        """The group's people, read again for each sheet that lists them; only the last group read is kept."""
        cached = self._people
        if cached is not None and cached[0] == g.id and (cached[1] or not full):
            return cached[2]
        self._people = None  # let the previous group's people go before reading the next
        if full and g.extras is not None:
            people = _people(self.connection, g.id, self.p, full=False)
            if not g.extras.apply(people):  # pragma: no cover - one transaction reads the same rows twice
                people = _people(self.connection, g.id, self.p, full=True)
        else:  # the other sheets name people: the light read
            people = _people(self.connection, g.id, self.p, full=full, light=not full)
        if not self.unmasked:  # a phone inside a name, nickname, group nickname or answer is masked too
            _mask_phones(people)
        if g.id not in self._waiting_stepped_of:
            self._waiting_stepped_of.add(g.id)
            self._waiting_stepped.update(
                self.connection.scalars(
                    select(StepProgress.membership_id)
                    .join(Membership, Membership.id == StepProgress.membership_id)
                    .where(
                        Membership.group_id == g.id,
                        Membership.status.in_(("applicant", "onboarding")),
                        StepProgress.done_at < day_after(self.p.end),
                    )
                    .distinct()
                )
            )
        _number_namesakes(people, self._in_roster)
        if self.lang_index == 1:  # the app's default tiers, roles and levels in English (stored in Chinese)
            for pp in people.values():
                pp.tier = default_name(pp.tier, "en")
                pp.level = default_name(pp.level, "en")
                if pp.roles:
                    pp.roles = tuple(default_name(r, "en") for r in pp.roles)
        self._people = (g.id, full, people)
        return people

    def load(self, session: Session, group: Group) -> _GroupData:
        """Read one group: its figures, and what the sheets need to know of its people before writing them
        (row counts, the leaderboards, the activities' attendees)."""
        g = _load_group(session, group, self.year, self.month, self.p, self.today)
        if self.lang_index == 1:  # the default entry steps in English: 入群进度's columns, 概览's funnel
            g.steps = [(sid, default_name(name, "en"), *rest) for sid, name, *rest in g.steps]
            g.funnel = [(default_name(name, "en"), n) for name, n in g.funnel]
        people = self.people_of(g, full=True)
        g.roster_rows = sum(1 for pp in people.values() if self._in_roster(pp))
        g.matrix_rows = sum(1 for pp in people.values() if self._in_matrix(pp, g))
        printed = rest = 0
        for pp in people.values():
            at_end = self._in_process_or_member(pp)
            if at_end is not None:
                if self._printed(*at_end):
                    printed += 1
                else:
                    rest += 1
        g.onboarding_rows = (printed, rest)
        visible = [pp for pp in people.values() if not pp.opt_out]
        # the leaderboard text's order and ranks (texts.leaderboard_text): points, then pinyin; equal points
        # share a rank (points.competition_ranks), and everyone level with the last place is on the board
        # (points.top_with_ties). Who is on a board is who the Points page lists (points.leaderboard): everyone
        # with a ledger entry in the period that stands, a sum of 0 included (points.standing_entry: a member whose
        # only check-in was undone, +1 −1, is on neither; one ranked on one board and not the other put everyone
        # below them one place apart)
        by_month = sorted(
            (pp for pp in visible if pp.mid in g.month_points),
            key=lambda pp: (-g.month_points[pp.mid], pp.pinyin or "", pp.mid),
        )
        by_month = top_with_ties(by_month, LEADERBOARD_SIZE, lambda pp: g.month_points[pp.mid], LEADERBOARD_MAX)
        by_all = sorted((pp for pp in visible if pp.in_ledger), key=lambda pp: (-pp.points, pp.pinyin or "", pp.mid))
        by_all = top_with_ties(by_all, LEADERBOARD_SIZE, lambda pp: pp.points, LEADERBOARD_MAX)
        month_ranks = competition_ranks([g.month_points[pp.mid] for pp in by_month])
        all_ranks = competition_ranks([pp.points for pp in by_all])
        g.boards = (
            [(r, pp.name, g.month_points[pp.mid], pp.level) for r, pp in zip(month_ranks, by_month, strict=True)],
            [(r, pp.name, pp.points, pp.level) for r, pp in zip(all_ranks, by_all, strict=True)],
        )
        g.month_points = {}  # only the boards needed them
        seen = {mid for marks in g.attendance.values() for mid in marks}
        g.attendees = {mid: (pp.name, pp.pinyin) for mid, pp in people.items() if mid in seen}
        g.extras = _Extras.of(people, _levels(self.connection, g.id, self.p.end))
        widest = 0
        for pp in people.values():  # a name is at most 2 wide a character: most need no measuring
            if pp.name and 2 * len(pp.name) > widest:
                widest = max(widest, display_width(pp.name))
        g.name_width = widest
        # roles and tags: few people have several, so the first rows rarely do (日常运营、策划 was cut to 日常);
        # measured once per distinct set
        for f in ("roles", "tags"):
            sets = {getattr(pp, f) for pp in people.values()}
            g.list_widths[f] = max((sum(map(display_width, v)) + 2 * (len(v) - 1) for v in sets if v), default=0)
        return g

    def _printed(self, status: str, joined: datetime | None) -> bool:
        """入群进度's print area: who is still on the way in, and who arrived this month."""
        return status != "active" or (joined is not None and joined >= day_start(self.p.start))

    def _in_process_or_member(self, pp: _Person) -> tuple[str, datetime | None] | None:
        """Whom 入群进度 lists, with the status and join date the month's roster shows (`_at_end`): the people on the
        month's roster who were on the way in or members at its end. By the status of today, March's sheet
        exported again in May left out a March newcomer who has left since — one of the month's new members."""
        if not self._in_roster(pp):
            return None
        status, joined = self._at_end(pp)
        return (status, joined) if status in ("applicant", "onboarding", "active") else None

    # -- helpers
    def t(self, key: str) -> str:
        return TEXT[key][self.lang_index]

    def _short_day(self, day: date) -> str:
        """11/12 in Chinese, Nov 12 in English: a UK or Australian reader takes 11/12 for 11 December."""
        if self.lang_index == 0:
            return f"{day.month}/{day.day}"
        return f"{_EN_MONTHS[day.month - 1]} {day.day}"

    def structure_title(self) -> str:
        """成员结构 (目标 5/20/75): the targets the structure is compared with, the tiers' own."""
        return self.t("title.structure") % structure_target_label(self.structure_target)

    def month_label(self) -> str:
        return f"{self.year}年{self.month}月" if self.lang_index == 0 else f"{self.year}-{self.month:02d}"

    def group_names(self) -> str:
        return ("、" if self.lang_index == 0 else ", ").join(g.name for g in self.groups)

    def sheet_title(self, key: str) -> str:
        return f"{self.t(key)} · {self.month_label()} · {self.group_names()}"

    def period_text(self) -> str:
        if self.p.days == 0:
            return self.t("sub.future")
        return f"{self.t('sub.period')} {self.p.start.isoformat()} ~ {self.p.end.isoformat()}"

    def new_sheet(self, name: str):
        return self.wb.create_sheet(name)

    def finish(
        self, ws, layout: _Layout, *, widths: list[float], freeze: str, title_rows: str | None, portrait: bool = False
    ) -> None:
        """Widths, frozen pane and print set-up, then the rows (the sheet is closed after this)."""
        widths = self.floored(layout, widths)
        title = layout.blocks[0] if layout.blocks and layout.blocks[0].kind == "title" else None
        names = self.group_names()
        if title is not None and self.multi and title.values[0].endswith(names):
            # a title wider than the sheet made the printout of the whole sheet smaller (fit to width counts the text
            # running on past the table): 预警 of eight groups, named in its title, printed its four columns at a
            # quarter of the page's width, in 4 pt. Too wide, it says how many groups (概览 names them, 社群 each row)
            if display_width(title.values[0]) * TITLE_WIDTH_SCALE > sum(widths):
                title.values = [title.values[0][: -len(names)] + self.t("sub.n_groups").format(n=len(self.groups))]
        for block in layout.blocks[:3]:
            # a subtitle wider than the sheet (打卡明细's legend over the first week's seven day columns) ran on past
            # the table and shrank the printout with it: wrapped over the table's columns instead
            if block.kind == "subtitle" and (lines := _subtitle_lines(block.values[0], widths)) > 1:
                block.kinds, block.height = ["subtitle_wrap"], lines * SUBTITLE_LINE_PT + 3
                ws.merged_cells.add(f"A{block.row}:{get_column_letter(len(widths))}{block.row}")
        set_widths(ws, widths)
        ws.freeze_panes = freeze
        print_setup(ws, title_rows=title_rows)
        if portrait:
            ws.page_setup.orientation = "portrait"
        out = SheetRows(self.styles)
        self.rows_written += layout.write(out)
        out.attach(ws)

    def floored(self, layout: _Layout, widths: list[float]) -> list[float]:
        """`widths` (measured from the first rows of each table) widened where a table's column holds values the
        sample may not reach: the 社群 column every group's name (a --all workbook's tables run group by group,
        and the first 200 rows are the first group's: 每月一本书读书会 was cut to 每月一本书 in thousands of
        rows), the name columns every person's name, 角色 and 标签 everyone's, 状态 every status label (English
        'Onboarding' rows sort after the members). Capped as the measured widths are."""
        floors: dict[str, float] = {}
        if self.groups:
            floors[self.t("h.group")] = min(WIDE_TEXT, max(display_width(g.name) for g in self.groups) + 2)
            names = min(24, max(g.name_width for g in self.groups) + 2)
            for key in ("h.name", "h.member", "h.referrer"):
                floors[self.t(key)] = names
            for f in ("roles", "tags"):
                floors[self.t(f"h.{f}")] = min(WIDE_TEXT, max(g.list_widths.get(f, 0) for g in self.groups) + 2)
        floors[self.t("h.status")] = max(display_width(self.t(f"status.{s}")) for s in STATUS_ORDER) + 2
        out = list(widths)
        for b in layout.blocks:
            if b.kind != "header":
                continue
            for j, value in enumerate(b.values):
                floor = floors.get(value) if isinstance(value, str) else None
                if floor is not None and j < len(out) and out[j] < floor:
                    out[j] = floor
        return out

    # -- 概览
    def summary(self) -> None:
        """KPIs (A–E, the metric key hidden in F), the three charts to their right (H–Q) and the charts'
        data further right (from column S, outside the print area)."""
        ws = self.new_sheet(SHEETS[0])
        lay = _Layout()
        lay.add("title", [f"{self.t('title.summary')} · {self.month_label()}"], height=24)
        sub = [
            self.period_text(),
            f"{self.t('sub.groups')} {self.group_names()}",
            f"{self.t('sub.exported')} {self.today.isoformat()}",
            f"{self.t('sub.operator')} {self.actor.name}",
        ]
        if self.totals is not None and self.session is not None:
            # 合计 adds the groups' members up: someone in two groups is two of its members — said, with the people
            from desktop.services.groups import people_at_end

            members = self.totals[0].members_total
            people = people_at_end(self.session, self.p.end, [g.id for g in self.groups])
            if people != members:
                sub.append(self.t("sub.people").format(members=members, people=people))
        if self.session is not None:
            sub.append(self.rules_text())
        # what the 打卡率 below counts, on a line of its own; and why a month reads "–", when one does
        lines = [self.t("sub.rate_means")]
        unknown = self.unknown_months_text()
        if unknown:
            lines.append(unknown)
        subtitle = lay.add("subtitle", ["\n".join([" · ".join(sub), *lines])], ["subtitle_wrap"], measure=False)
        header = lay.add(
            "header",
            [self.t(k) for k in ("h.group", "h.kpi", "h.this_month", "h.last_month", "h.change", "h.key")],
            height=20,
        )
        # the headline first: the 合计 block of several groups, then each group
        blocks: list[tuple[str, MonthStats, MonthStats, bool, bool]] = []
        if self.totals is not None:
            known = any(g.recorded for g in self.groups)
            blocks.append((self.t("h.total"), *self.totals, known, all(g.last_recorded for g in self.groups)))
        blocks += [(g.name, g.stats, g.last_stats, g.recorded, g.last_recorded) for g in self.groups]
        rows: list[list] = []
        row_kinds: list[list] = []
        for name, this, last, this_recorded, recorded in blocks:
            for key in KPI_KEYS:
                a, b = getattr(this, key), getattr(last, key)
                rate = key in RATE_KPIS
                if key == "attendance_rate":
                    # no place to count (no activity, or none of its attendance taken yet): "–", as the Dashboard
                    # says, not a 0% that reads as nobody coming — nor a change against one
                    a = a if this.attendance_expected else "–"
                    b = b if last.attendance_expected else "–"
                if not this_recorded and key not in KNOWN_FROM_DATES:
                    # a month before the group was set up here, nothing of it imported: its 0.0% nobody measured
                    # (metrics.month_recorded, as the month's summary text has no text for it)
                    rows.append([name, self.t(f"kpi.{key}"), "–", "–", "–", key])
                elif not recorded and key not in KNOWN_FROM_DATES:
                    # a group set up after last month, nothing of it imported: 上月 0.0% and "+30.0%" compared
                    # with a month nobody measured
                    rows.append([name, self.t(f"kpi.{key}"), a, "–", "–", key])
                else:
                    # a rate's change in percentage points (the cell's format says so): −8.4 for 53.8% → 45.5%
                    change = "–" if "–" in (a, b) else round((a - b) * 100, 2) if rate else a - b
                    rows.append([name, self.t(f"kpi.{key}"), a, b, change, key])
                num = "pct" if rate else "int"
                row_kinds.append(["bold", None, num, num, "signed_points" if rate else "signed_int", None])
        kpis = lay.add("rows", rows)
        kpis.row_kinds = row_kinds

        # the charts' data, from column S on the same rows
        data = _Layout(first_row=header.row)
        names = [g.name for g in self.groups]
        data.add("section", [self.t("title.daily")])
        daily_header = data.add("header", [self.t("h.day"), *names])
        days = [self.p.start + timedelta(days=i) for i in range(self.p.days)]
        daily = data.add(
            "rows",
            [[d.day] + [g.daily.get(d, 0) for g in self.groups] for d in days],
            ["mark"] + ["int"] * len(names),
        )
        data.add("blank")
        data.add("section", [self.structure_title()], measure=False)
        struct_header = data.add("header", [self.t("h.structure"), self.t("h.target"), *names])
        buckets = [k for k, _ in STRUCTURE_TARGET]
        if any(g.structure.get("unset") for g in self.groups):
            buckets.append("unset")
        targets = self.structure_target
        struct_rows = []
        # an empty share is a blank cell, not 0: a 0% segment has no width, and its "0.0%" labels piled up
        # unreadably at the bar's start (a group whose members have no tier yet: 0.0%0.0%0.0% over "Not set")
        for k in buckets:
            row = [self.t(f"structure.{k}"), targets.get(k) or None]
            for g in self.groups:
                total = sum(g.structure.values())
                row.append((round(g.structure.get(k, 0) / total, 4) if total else 0.0) or None)
            struct_rows.append(row)
        struct = data.add("rows", struct_rows, [None] + ["pct"] * (1 + len(names)))
        data.add("blank")
        data.add("section", [self.t("title.funnel")], measure=False)
        funnel_header = data.add("header", [self.t("h.step"), *names])
        step_names = _merge_orders([[name for name, _n in g.funnel] for g in self.groups])
        counts = [dict(g.funnel) for g in self.groups]
        steps = data.add("rows", [[s] + [c.get(s) for c in counts] for s in step_names], [None] + ["int"] * len(names))

        widths = lay.widths()
        widths[0] = max(widths[0], 14.0)
        widths[1] = max(widths[1], 12.0)
        # 变化: a rate's change with its unit ("-8.4个百分点"); measured as a bare number it printed as ###
        widths[4] = max(widths[4], display_width("-100.0" + self.t("unit.points")) + 2.0)
        widths[5] = 18.0
        widths = widths[:6] + [2.0] + [CHART_COL_WIDTH] * CHART_COLS + [2.0]  # G gap, H–Q charts, R gap
        assert len(widths) == CHART_DATA_COL - 1
        widths += [max(w, 10.0) for w in data.widths(maximum=24)]
        # the subtitle (period, groups, operator, rules, what the rate means) wrapped over the printed width A–Q:
        # on one line it ran past Q and was cut off in print (… 90 天内违 — and with ten groups named, half of it)
        lines = _subtitle_lines(subtitle.values[0], widths[:5] + widths[6 : 7 + CHART_COLS])
        subtitle.height = lines * SUBTITLE_LINE_PT + 3
        ws.merged_cells.add(f"A{subtitle.row}:{get_column_letter(7 + CHART_COLS)}{subtitle.row}")
        page1_rows = PAGE_ROWS - math.ceil((subtitle.height - ROW_HEIGHT) / ROW_HEIGHT)  # the rows it takes off page 1
        ws.column_dimensions["F"].hidden = True  # the metric's key (members_total …), for scripts
        ws.auto_filter.ref = _table_ref(header, kpis)
        # the charts start below the header row: LibreOffice draws whatever reaches into a repeated
        # print-title row on every page
        first = header.row + 1
        # the structure chart has a bar per group and the target's: taller with many groups, down to the last
        # KPI block that page 1 holds (a taller chart would push page 1's end into the middle of a block)
        block_rows = len(KPI_KEYS)
        fitting = (page1_rows - first + 1) // block_rows
        page1_end = page1_rows if len(blocks) <= fitting else first - 1 + fitting * block_rows
        self.structure_cm = _structure_height(len(self.groups) + 1, room_rows=page1_end - first - CHART_ROWS - 1)
        charts_end = first + CHART_ROWS + 1 + math.ceil(self.structure_cm / ROW_CM)  # the first two charts, H–Q
        page_breaks = kpi_page_breaks(
            first, len(KPI_KEYS), len(blocks), first_page_min=charts_end, first_page_rows=page1_rows
        )
        # The funnel goes under the KPIs when they leave room there (one group: the whole 概览 on one page),
        # else it opens page 2 beside the KPIs that continue there.
        funnel_height = _funnel_height(steps.size * len(names))
        if kpis.last_row + 1 + math.ceil(funnel_height / ROW_CM) <= charts_end:
            funnel_at = ("A", kpis.last_row + 2, sum(_column_cm(w) for w in widths[:5]) - 0.3)
        else:
            funnel_at = (get_column_letter(8), page_breaks[0] + 1, CHART_WIDTH_CM)
        chart_ends = self._charts(
            ws,
            [first, first + CHART_ROWS + 1],
            funnel_at,
            (daily_header, daily),
            (struct_header, struct),
            (funnel_header, steps),
        )
        last_col = get_column_letter(7 + CHART_COLS)
        last_row = max(kpis.last_row, chart_ends[-1])
        ws.print_area = f"A1:{last_col}{last_row}"
        for row in page_breaks:
            if row < last_row:
                ws.row_breaks.append(Break(id=row))
        # repeat the KPI header on later pages only when the KPIs themselves continue there
        title_rows = f"{header.row}:{header.row}" if kpis.last_row > page_breaks[0] else None
        set_widths(ws, widths)
        ws.freeze_panes = f"A{header.row + 1}"
        print_setup(ws, title_rows=title_rows)
        out = SheetRows(self.styles)
        # every row of 概览 gets an explicit height: Excel and LibreOffice then agree where the charts end
        self.rows_written += lay.write(out, data, right_col=CHART_DATA_COL, row_height=ROW_HEIGHT)
        out.attach(ws)

    def unknown_months_text(self) -> str:
        """Why 概览 reads "–" for this month or last (metrics.month_recorded: a month QunDesk did not record), naming
        the groups and their set-up (or archiving) day: a group's first month showed 上月 "–" beside every figure, and
        合计's 上月 "–" where another group had one, and nothing on the sheet said why."""
        sep = "、" if self.lang_index == 0 else ", "

        def named(groups: list[_GroupData], before: date) -> str:
            # the groups by their day (set up, or archived before the month): 第1群、第2群 (2026-12-07 设立)
            by_day: dict[tuple[str, str], list[str]] = {}
            for g in groups:
                if g.archived is not None and g.archived < before and (g.set_up is None or g.set_up < before):
                    key = ("sub.archived_on", g.archived.isoformat())
                else:
                    key = ("sub.set_up_on", g.set_up.isoformat() if g.set_up is not None else "?")
                by_day.setdefault(key, []).append(g.name)
            return sep.join(self.t(k).format(group=sep.join(names), day=day) for (k, day), names in by_day.items())

        parts = []
        no_month = [g for g in self.groups if not g.recorded]
        if no_month:
            parts.append(self.t("sub.no_month").format(groups=named(no_month, self.p.start)))
        no_last = [g for g in self.groups if g.recorded and not g.last_recorded]
        if no_last:
            text = self.t("sub.no_last").format(groups=named(no_last, self.p.start))
            if self.totals is not None:  # 合计's 上月 is "–" unless every group has one (summary)
                text += "; " + self.t("sub.no_last_total")
            parts.append(text)
        return " · ".join(parts)

    def rules_text(self) -> str:
        """The rules the month's figures were counted by, as they stood at its end (settings.rules_at: a past month
        exported again after a change of a threshold is counted — and says so — as when it was filed); and, when
        last month's differ, last month's (its 上月 figures beside this month's were counted by those)."""
        assert self.session is not None

        def parts(day: date) -> list[str]:
            values = dict(zip(RULE_KEYS, rules_at(self.session, day, *RULE_KEYS), strict=True))
            return [self.t(f"rule.{part}").format(**values) for part in RULE_PARTS]

        now = parts(self.p.end)
        text = self.t("sub.rules").format(day=self.p.end.isoformat(), rules=" · ".join(now))
        last_end = self.p.start - timedelta(days=1)
        differ = [b for a, b in zip(now, parts(last_end), strict=True) if a != b]
        if differ:
            text += " · " + self.t("sub.rules_before").format(day=last_end.isoformat(), rules=" · ".join(differ))
        return text

    def totals_of(self, session: Session) -> tuple[MonthStats, MonthStats]:
        """The 合计 block: counts summed; the check-in rate of all the groups' members together
        (metrics.combined_checkin_rate); the attendance rate recounted over all the groups' activities. A group
        whose month QunDesk does not know (metrics.month_recorded: set up here after it, nothing of it imported) is
        in the figures its join and leave dates give only: its members' days were in the check-in rate's divisor
        and its members among the dormant, and pulled all the groups' November down to a rate nobody measured."""
        out = []
        py, pm = previous_month(self.year, self.month)
        for stats_of, known, period in (
            (lambda g: g.stats, lambda g: g.recorded, self.p),
            (lambda g: g.last_stats, lambda g: g.last_recorded, Period.month(py, pm, self.today)),
        ):
            measured = [g for g in self.groups if known(g)]
            gids = [g.id for g in measured]
            all_stats = [stats_of(g) for g in measured]
            sums = {k: sum(getattr(s, k) for s in all_stats) for k in KPI_KEYS if k not in RATE_KPIS}
            for k in KNOWN_FROM_DATES:
                sums[k] = sum(getattr(stats_of(g), k) for g in self.groups)
            # the check-in rate from the groups' check-ins and days (their leave days differ); attendance from the counts
            sums["checkin_rate"] = combined_checkin_rate(all_stats)
            sums["rate_checkins"] = sum(s.rate_checkins for s in all_stats)
            sums["rate_days"] = sum(s.rate_days for s in all_stats)
            attended, expected = _attendance_totals(session, gids, period, self.today)
            sums["attendance_rate"] = round(attended / expected, 4) if expected else 0.0
            sums["attendance_expected"] = expected
            out.append(MonthStats(**sums))
        return out[0], out[1]

    def _charts(self, ws, rows: list[int], funnel_at: tuple[str, int, float], daily_table, struct_table, funnel_table):
        """The daily and structure charts in H–Q from the given rows (the first printed page), the funnel at
        (column, row, width in cm): under the KPIs, or opening page 2 after a page break, so no chart is ever
        cut in two. Returns the last row of each."""
        n = len(self.groups)
        col = get_column_letter(8)
        daily_header, daily = daily_table
        struct_header, struct = struct_table
        funnel_header, funnel_block = funnel_table
        data_col = CHART_DATA_COL

        def ref(header, block, first: int, last: int, with_header: bool = True) -> Reference:
            return Reference(
                ws,
                min_col=data_col + first,
                max_col=data_col + last,
                min_row=header.row if with_header else block.row,
                max_row=block.last_row,
            )

        # 1. daily check-ins: columns for one group, lines for several
        chart = BarChart() if n == 1 else LineChart()
        if n == 1:
            chart.type = "col"
            chart.gapWidth = 50
        chart.title = f"{self.t('title.daily')} · {self.month_label()}"
        if daily.size:
            chart.add_data(ref(daily_header, daily, 1, n), titles_from_data=True)
            chart.set_categories(ref(daily_header, daily, 0, 0, with_header=False))
        chart.y_axis.scaling.min = 0
        _whole_number_axis(chart.y_axis, max((v for g in self.groups for v in g.daily.values()), default=0))
        for series in chart.series:
            series.smooth = False  # a count per day: straight segments, no invented curve
        _style_chart(chart, legend=n > 1)
        ws.add_chart(chart, f"{col}{rows[0]}")

        # 2. structure against 5/20/75: one 100% bar for the target and one per group, split into key, mid
        # and ordinary voices (series = the buckets' rows). Side by side columns of 6 series put their value
        # labels on top of each other; within one bar each label sits in its own segment.
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "percentStacked"
        chart.overlap = 100
        chart.gapWidth = 60
        chart.title = self.structure_title()
        chart.add_data(
            Reference(ws, min_col=data_col, max_col=data_col + 1 + n, min_row=struct.row, max_row=struct.last_row),
            from_rows=True,
            titles_from_data=True,
        )
        chart.set_categories(Reference(ws, min_col=data_col + 1, max_col=data_col + 1 + n, min_row=struct_header.row))
        chart.x_axis.scaling.orientation = "maxMin"  # the target on top, then the groups in sheet order
        chart.x_axis.tickLblSkip = 1
        chart.x_axis.txPr = _text_size(8)  # the group names: 8 pt, as the value labels
        chart.y_axis.number_format = "0%"
        chart.dataLabels = _value_labels("0%", position="ctr")
        _style_chart(chart, legend=True)
        # 12 groups' 13 bars in 7 cm: the axis named every other group only
        chart.height = self.structure_cm
        ws.add_chart(chart, f"{col}{rows[1]}")

        # 3. entry funnel: horizontal bars, the first step on top; tall enough for every step name (an axis
        # that runs out of room skips every other name) and every bar's value label
        chart = BarChart()
        chart.type = "bar"
        chart.title = self.t("title.funnel")
        if funnel_block.size:
            chart.add_data(ref(funnel_header, funnel_block, 1, n), titles_from_data=True)
            chart.set_categories(ref(funnel_header, funnel_block, 0, 0, with_header=False))
        chart.x_axis.scaling.orientation = "maxMin"
        chart.x_axis.tickLblSkip = 1
        chart.x_axis.tickMarkSkip = 1
        chart.y_axis.scaling.min = 0
        _whole_number_axis(chart.y_axis, max((c for g in self.groups for _n, c in g.funnel), default=0))
        chart.gapWidth = 60
        chart.dataLabels = _value_labels("#,##0")
        _style_chart(chart, legend=n > 1)
        funnel_col, funnel_row, chart.width = funnel_at
        chart.height = _funnel_height(funnel_block.size * n)
        ws.add_chart(chart, f"{funnel_col}{funnel_row}")
        # + 1: a row of margin, so a chart's frame is never clipped by the print area
        structure_end = rows[1] + math.ceil(self.structure_cm / ROW_CM) + 1
        return [rows[0] + CHART_ROWS + 1, structure_end, funnel_row + math.ceil(chart.height / ROW_CM) + 1]

    # -- 成员名册
    def roster(self) -> None:
        ws = self.new_sheet(SHEETS[1])
        lay = _Layout()
        lay.add("title", [self.sheet_title("title.roster")], height=22)
        note = self.t("sub.unmasked") if self.unmasked else self.t("sub.masked")
        lay.add("subtitle", [f"{self.period_text()} · {note}"])
        keys = (
            "h.group",
            "h.name",
            "h.nickname",
            "h.group_nickname",
            "h.wechat_id",
            "h.phone",
            "h.status",
            "h.tier",
            "h.roles",
            "h.tags",
            "h.joined",
            "h.left",
            "h.referrer",
            "h.purpose",
            "h.points",
            "h.level",
            "h.last_activity",
            "h.messages",
            "h.former_names",
        )
        header = lay.add("header", [self.t(k) for k in keys], height=20)
        sep = "、" if self.lang_index == 0 else ", "

        def rows() -> Iterator[list]:  # group by group, as the sheet is written
            for g in self.groups:
                former = self._former_names(g)
                people = [(pp, *self._at_end(pp)) for pp in self.people_of(g, full=True).values()]
                people = [(pp, st, joined) for pp, st, joined in people if self._in_roster(pp)]
                people.sort(key=lambda x: (STATUS_ORDER.get(x[1], 9), x[0].pinyin, x[0].mid))
                for pp, status, joined in people:
                    yield [
                        g.name,
                        pp.name,
                        pp.nickname,
                        pp.group_nickname,
                        pp.wechat_id,
                        pp.phone if self.unmasked else (mask_phone(pp.phone) or None),
                        self.t(f"status.{status}"),
                        pp.tier,
                        sep.join(pp.roles) or None,
                        sep.join(pp.tags) or None,
                        local_day(joined),
                        self._left_in_period(pp),
                        pp.referrer,
                        pp.purpose,
                        pp.points,
                        pp.level,
                        pp.last_activity,
                        pp.messages or None,
                        sep.join(n for n in former.get(pp.mid, ()) if n != pp.name) or None,
                    ]

        count = sum(g.roster_rows for g in self.groups)
        kinds = [None] * 6 + [
            "mark",
            "mark",
            None,
            None,
            "date",
            "date",
            None,
            None,
            "int",
            "mark",
            "date",
            "int",
            None,
        ]
        body = lay.add_stream(rows, count, kinds)
        if not count:  # a header and nothing under it read as a broken sheet: say there is nobody (活动, 预警 do)
            lay.add("rows", [[None, self.t("sub.no_rows")]], [None, None])
        ws.auto_filter.ref = _table_ref(header, body)
        self.finish(ws, lay, widths=lay.widths(), freeze=f"C{header.row + 1}", title_rows=f"{header.row}:{header.row}")

    def _at_end(self, pp: _Person) -> tuple[str, datetime | None]:
        """The status and join date the month's roster shows: at the end of the period, as its points are (balance
        up to then). Someone who left (was moved, marked left) after the period was a member (已入群) at its end:
        October's roster re-exported in late November said 已退群 for the people moved to the alumni group on 20
        November, and sorted them below October's members. Someone back since the period (their current spell began
        after it) is shown in the spell the period had: March's roster of a member who left on 20 March and came back
        on 10 April said 已入群 (or 入群中), joined 10 April — a join a month after the roster's own end, and no
        leaving where March's 退群 counts one. A status of the entry process (申请中, 入群中) has no history: it is
        shown as it is now."""
        end_next = day_after(self.p.end)
        not_begun = pp.joined_at is None and pp.status in ("applicant", "onboarding")  # applying again, not in yet
        if (pp.joined_at is not None and pp.joined_at >= end_next) or (not_begun and pp.spells):
            before = [(j, left) for j, left in pp.spells if j is None or j < end_next]
            if before:  # the latest earlier spell the period saw: a member at its end, or gone by then
                joined, left = max(before, key=lambda spell: spell[1])
                return ("active" if left >= end_next else "left"), joined
        if pp.status in ("left", "removed", "blacklisted"):
            current = pp.left_at is not None and pp.left_at >= end_next
            if current and (pp.joined_at is None or pp.joined_at < end_next):
                return "active", pp.joined_at
        for j, left in pp.spells:
            if pp.status != "active" and (j is None or j < end_next) and left >= end_next:
                return "active", j  # an earlier spell covered the end of the period: its join
        on_the_way = self._on_the_way_in_at_end(pp)
        if on_the_way is not None:
            return on_the_way, None
        return pp.status, pp.joined_at

    def _former_names(self, g: _GroupData) -> dict[int, list[str]]:
        """membership -> the names its person carried before a rename made since the period began (the roster's
        edits and imports, as the audit recorded them: models.queries.roster.names_before), oldest first. Every sheet
        names a person as they are named now — one row, under one name — so a member renamed on the 15th read only
        under the new name, and an owner holding the chat of the 1st–14th looked for the old one in vain."""
        out: dict[int, list[str]] = {}
        rows = self.connection.execute(
            select(Membership.id, AuditEntry.summary)
            .join(Membership, Membership.member_id == AuditEntry.entity_id)
            .where(
                AuditEntry.entity == "member",
                AuditEntry.action == "member.update",
                AuditEntry.at >= day_start(self.p.start),
                Membership.group_id == g.id,
            )
            .order_by(AuditEntry.id)
        )
        for mid, summary in rows:
            try:
                before = json.loads(summary or "").get("before") or {}
            except (ValueError, AttributeError):
                continue
            if not isinstance(before, dict):
                continue
            for key in ("display_name", "name"):
                old = before.get(key)
                if isinstance(old, str) and old.strip():
                    old = old.strip() if self.unmasked else (mask_phones_in(old.strip()) or old.strip())
                    if old not in out.setdefault(mid, []):
                        out[mid].append(old)
        return out

    def _left_in_period(self, pp: _Person) -> date | None:
        """The day the person left the group in the period (its last leaving, of any spell), or None: 概览's 退群 counts
        these leavings, and the roster said none of them — someone who left on the 10th and came back on the 25th read
        已入群, joined the 25th, and one who left read 已退群 without a day. A leaving after the period is not shown
        (they were a member at its end: _at_end)."""
        start, end_next = day_start(self.p.start), day_after(self.p.end)
        leavings = [left for _joined, left in pp.spells] + [pp.left_at]
        days = [left for left in leavings if left is not None and start <= left < end_next]
        return local_day(max(days)) if days else None

    def _on_the_way_in_at_end(self, pp: _Person) -> str | None:
        """申请中 or 入群中 for a member now (已入群) who was still on the way in at the end of the period — applied, or a
        step recorded, by then, and let in only after it (no earlier spell): October's 入群进度 exported again in
        December left out the October applicants let in since, and its roster had none of them (as the month's
        stalled count, metrics._stalled's let_in_since, counts them). None for anyone else."""
        end_next = day_after(self.p.end)
        if pp.status != "active" or pp.joined_at is None or pp.joined_at < end_next or pp.spells:
            return None
        stepped = self._stepped_by_end.get(pp.mid)
        if stepped is None:  # asked for the few let in since the period only, once each
            stepped = self._stepped_by_end[pp.mid] = (
                self.session.scalar(
                    select(StepProgress.id)
                    .where(StepProgress.membership_id == pp.mid, StepProgress.done_at < end_next)
                    .limit(1)
                )
                is not None
            )
        if stepped:
            return "onboarding"
        return "applicant" if pp.applied_at is not None and pp.applied_at < end_next else None

    def _in_roster(self, pp: _Person) -> bool:
        """Who the month's roster lists: members during the period, applicants and newcomers who had applied
        by its end, and people who left during it (not those gone before it or joined after it)."""
        end_next = day_after(self.p.end)
        if any(self._overlaps(j, left) for j, left in pp.spells):  # a member of the period in an earlier spell
            return True
        if pp.status in ("applicant", "onboarding"):
            # when they came: applied (else the record made) — or entered the group chat (入群中 since joined_at),
            # when that was earlier: a newcomer back in the chat on 10 April, typed in in June, was left out of April
            since = min((d for d in (pp.since, pp.joined_at) if d is not None), default=None)
            # or had an entry step recorded by then (typed in later, the step dated when it was done): the month's
            # 入群停滞 counts them (metrics._stalled: the last step by the day), and 预警 named them — two of them
            # "王芳", unnumbered — while 成员名册 and 入群进度 listed neither
            return since is None or since < end_next or pp.mid in self._waiting_stepped
        return self._overlaps(pp.joined_at, pp.left_at) or self._on_the_way_in_at_end(pp) is not None

    def _overlaps(self, joined: datetime | None, left: datetime | None) -> bool:
        """A spell from `joined` to `left` (None: open) was on during the period."""
        if joined is not None and joined >= day_after(self.p.end):
            return False
        return left is None or left >= day_start(self.p.start)

    # -- 打卡明细
    def checkins(self) -> None:
        ws = self.new_sheet(SHEETS[2])
        lay = _Layout()
        lay.add("title", [self.sheet_title("title.checkins")], height=22)
        lay.add("subtitle", [f"{self.period_text()} · {self.t('sub.legend_checkins')}"])
        days = [self.p.start + timedelta(days=i) for i in range(self.p.days)]
        weekdays = self.t("weekday")
        day_heads = [f"{d.day}\n{weekdays[d.weekday()]}" for d in days]
        tail = [self.t(k) for k in ("h.checkin_days", "h.leave_days", "h.longest", "h.rate")]
        head_values = [self.t("h.group"), self.t("h.name"), *day_heads, *tail]
        head_styles = (
            ["header", "header"]
            + ["header_weekend" if d.weekday() >= 5 else "header" for d in days]
            + ["header"] * len(tail)
        )
        header = lay.add("header", head_values, head_styles, height=32)
        totals: list[list] = []  # filled as the matrix is written (the totals block follows it)
        grand = [0] * len(days)
        index = {d: i for i, d in enumerate(days)}

        def matrix_of(g: _GroupData, per_day: list[int]) -> list[list]:
            """One group's rows, most check-ins first; its check-ins are read here, one group at a time."""
            checkins = self.checkins_of(g)
            matrix = []
            for pp in self.people_of(g).values():
                if not self._in_matrix(pp, g):
                    continue
                marks = checkins.get(pp.mid, {})
                leave = g.leave_days.get(pp.mid, set())
                cells: list = [MARK_LEAVE if d in leave else None for d in days] if leave else [None] * len(days)
                for d, late in marks.items():
                    i = index[d]
                    cells[i] = MARK_LATE if late else MARK_CHECKIN
                    per_day[i] += 1
                streak_days = set(marks) if g.late_counts else {d for d, late in marks.items() if not late}
                # every leave day bridges a run (desktop/streaks.py), also one with a 补卡 that does not count
                longest = longest_run(streak_days, leave)
                # the days they were a member within the rate's days (from the group's set-up day, up to its archiving,
                # in the months those fell in: metrics.rate_span) — the rate of the group above counts those too
                rate_from, rate_until = g.stats.rate_from or self.p.start, g.stats.rate_until or self.p.end
                # a check-in of a day outside their days — the day they left the group (a member no more at its
                # end, but in it until the evening, and allowed to check in) — counts that day too, as a leave day
                # checked in anyway does: 15 check-ins over the 20 days to the leaving day read 15/19, and every
                # day of it checked in read more than 100%
                member_days = {d for d in self._member_day_set(pp) | marks.keys() if rate_from <= d <= rate_until}
                possible = len(member_days)
                # the days that are not theirs said so ("–"): a blank read as a day missed — 新人, in from the 20th,
                # showed 19 blanks and 6 ✓ beside 54.5%, 回归者 15 blanks between two spells beside 100%
                for i, d in enumerate(days):
                    if cells[i] is None and d not in member_days:
                        cells[i] = MARK_AWAY
                if leave:  # a leave day checked in anyway is a day like any other (docs/metrics.md)
                    leave = leave - marks.keys()
                    possible -= len(leave & member_days)
                n = len(marks)
                rate = round(min(1.0, n / possible), 4) if possible > 0 else None
                if not g.recorded and self._member_days(pp) > 0:
                    rate = "–"  # a month before the group was set up here: no rate was measured
                row = [g.name, pp.name, *cells, n, len(leave) or None, longest, rate]
                matrix.append((n, pp.pinyin, row))
            matrix.sort(key=lambda x: (-x[0], x[1]))
            return [r for _n, _p, r in matrix]

        def rows() -> Iterator[list]:
            for g in self.groups:
                per_day = [0] * len(days)
                yield from matrix_of(g, per_day)
                grand[:] = [a + b for a, b in zip(grand, per_day, strict=True)]
                rate = g.stats.checkin_rate if g.recorded else "–"  # a month nobody measured (概览 says "–")
                totals.append([g.name, self.t("h.day_totals"), *per_day, sum(per_day), None, None, rate])
            if self.multi:
                # the rate of all the groups: 概览's 合计 打卡率 (the cell was left empty)
                rate = self.totals[0].checkin_rate if self.totals is not None else None
                if not any(g.recorded for g in self.groups):
                    rate = "–"
                totals.append([self.t("h.all_groups"), self.t("h.day_totals"), *grand, sum(grand), None, None, rate])

        def sample() -> Iterator[list]:  # the widths' sample: the first rows, without touching the totals
            for g in self.groups:
                yield from matrix_of(g, [0] * len(days))

        kinds = [None, None] + ["mark"] * len(days) + ["mark", "mark", "mark", "pct"]
        body = lay.add_stream(rows, sum(g.matrix_rows for g in self.groups), kinds, measure=False)
        if not body.size:  # nobody in the group this month: said (as 成员名册, 活动, 预警 do), not a blank row
            lay.add("rows", [[None, self.t("sub.no_rows")]], [None, None])
        total_kinds = ["total_label", "total_label"] + ["total"] * (len(days) + 3) + ["pct"]
        lay.add("blank")
        n_totals = len(self.groups) + (1 if self.multi else 0)
        lay.add("rows", [[None]] * n_totals, total_kinds, measure=False).values = totals  # rows come with the matrix

        labels = [[g.name, self.t("h.day_totals")] for g in self.groups] + [[self.t("h.all_groups")]] * self.multi
        widths = column_widths([], [header.values, *islice(sample(), 200), *labels], sample=1000, maximum=24)
        # a day column holds a mark, and the 每日合计 rows' counts: a 500-member camp's 239 check-ins a day printed
        # as ### (and 3-digit counts side by side read as one number); the column is as wide as its widest count
        day_width = _day_column_width(self.groups, days, with_grand_total=self.multi)
        for i in range(len(days)):
            widths[2 + i] = day_width
        widths[1] = max(widths[1], 10)
        ws.auto_filter.ref = _table_ref(header, body)
        if body.size and days:
            first, last = body.row, body.row + body.size - 1
            area = _ref(3, first, 2 + len(days), last)
            top_left = f"{get_column_letter(3)}{first}"
            for mark, color in CHECKIN_FILLS.items():
                ws.conditional_formatting.add(
                    area,
                    FormulaRule(formula=[f'{top_left}="{mark}"'], fill=PatternFill("solid", bgColor=color)),
                )
        if body.size:
            rate_col = get_column_letter(len(head_values))
            ws.conditional_formatting.add(
                f"{rate_col}{body.row}:{rate_col}{body.row + body.size - 1}",
                ColorScaleRule(
                    start_type="num",
                    start_value=0,
                    start_color="F8696B",
                    mid_type="num",
                    mid_value=0.5,
                    mid_color="FFEB84",
                    end_type="num",
                    end_value=1,
                    end_color="63BE7B",
                ),
            )
        self.finish(ws, lay, widths=widths, freeze=f"C{header.row + 1}", title_rows=f"{header.row}:{header.row}")

    def checkins_of(self, g: _GroupData) -> dict[int, dict[date, bool]]:
        """membership -> day -> late: the group's check-ins of the period (read when its rows are written)."""
        out: dict[int, dict[date, bool]] = defaultdict(dict)
        for mid, day, late in self.connection.execute(
            select(CheckIn.membership_id, CheckIn.day, CheckIn.late).where(
                CheckIn.group_id == g.id, CheckIn.day >= self.p.start, CheckIn.day <= self.p.end
            )
        ):
            out[mid][day] = bool(late)
        return out

    def progress_of(self, g: _GroupData) -> dict[int, dict[int, datetime]]:
        """membership -> step -> done_at of the group's entry steps (read when its rows are written)."""
        out: dict[int, dict[int, datetime]] = defaultdict(dict)
        # the steps done by the period's end, as the status beside them (_at_end) and the funnel: October's sheet
        # exported again in December showed a newcomer's 阅读群规 ticked on 3 December, and counted it in 必需步骤
        for mid, sid, done in self.connection.execute(
            select(StepProgress.membership_id, StepProgress.step_id, StepProgress.done_at)
            .join(EntryStep, EntryStep.id == StepProgress.step_id)
            .where(EntryStep.group_id == g.id, StepProgress.done_at < day_after(self.p.end))
        ):
            out[mid][sid] = done
        return out

    def _in_matrix(self, pp: _Person, g: _GroupData) -> bool:
        if pp.mid in g.checked_in:
            return True
        return self._member_days(pp) > 0

    def _member_day_set(self, pp: _Person) -> set[date]:
        out: set[date] = set()
        for first, last in self._member_spans(pp):
            out.update(first + timedelta(days=i) for i in range((last - first).days + 1))
        return out

    def _member_spans(self, pp: _Person) -> list[tuple[date, date]]:
        """(first, last) days of the period the person was a member at the end of (member_at_end_condition): their
        current spell when it makes them a member, and their earlier, closed spells; the empty ones left out."""
        spells = list(pp.spells)
        if pp.status == "active" or (pp.status not in ("applicant", "onboarding") and pp.left_at is not None):
            spells.append((pp.joined_at, pp.left_at))
        out = []
        for joined, left in spells:
            first = max(self.p.start, joined.date()) if joined else self.p.start
            last = self.p.end
            if left is not None:
                last = min(last, left.date() - timedelta(days=1))
            if last >= first:
                out.append((first, last))
        return out

    def _member_days(self, pp: _Person) -> int:
        """The days of the period the person was a member (spells that overlap — a merge of two records — once)."""
        return len(self._member_day_set(pp))

    # -- 活动
    def activities(self) -> None:
        ws = self.new_sheet(SHEETS[3])
        lay = _Layout()
        lay.add("title", [self.sheet_title("title.activities")], height=22)
        lay.add("subtitle", [f"{self.period_text()} · {self.t('sub.legend_attendance')}"])
        # the wide text columns sit in B (shared with the matrix's names) and at the end, so the matrix's
        # activity columns below (C, D, …) stay narrow
        keys = (
            "h.group",
            "h.activity",
            "h.starts",
            "h.kind",
            "h.series",
            "h.edition",
            "h.capacity",
            "h.signed_up",
            "h.attended",
            "h.absent",
            "h.excused",
            "h.unmarked",
            "h.attendance_rate",
            "h.place",
        )
        header = lay.add("header", [self.t(k) for k in keys], height=20)
        rows = []
        for g in self.groups:
            for aid, title, kind, series, edition, starts, online, place, capacity in g.activities:
                marks = g.attendance.get(aid, {})
                counts = defaultdict(int)
                for status in marks.values():
                    counts[status] += 1
                # a sign-up counts as not attended once the day has passed (metrics.attendance_counted)
                held = local_day(starts) < self.today
                expected = (counts["registered"] if held else 0) + counts["attended"] + counts["absent"]
                where = self.t("h.online") if online else self.t("h.offline")
                rows.append(
                    [
                        g.name,
                        self._masked(title),
                        to_local(starts),
                        self.t(f"activity.{kind}") if f"activity.{kind}" in TEXT else kind,
                        series,
                        self._edition(edition),
                        capacity,
                        len(marks),
                        counts["attended"],
                        counts["absent"],
                        counts["excused"],
                        counts["registered"],
                        round(counts["attended"] / expected, 4) if expected else None,
                        f"{where} · {self._masked(place)}" if place else where,
                    ]
                )
        kinds = [None, None, "datetime", None, None, "mark", "int"] + ["mark"] * 5 + ["pct", None]
        body = lay.add("rows", rows, kinds)
        if not rows:
            lay.add("rows", [[None, self.t("sub.no_rows")]], [None, None])
        ws.auto_filter.ref = _table_ref(header, body)

        # attendance matrix: one block per group (activities belong to one group)
        matrices: list[tuple[str, list[str], list[list]]] = []  # (group, column heads, rows)
        for g in self.groups:
            if not g.activities:
                continue
            heads = []
            for a in g.activities:
                edition, day = self._edition(a[4]), local_day(a[5])
                suffix = f" {edition}" if edition and edition not in a[1] else ""
                heads.append(f"{self._short_day(day)} {self._masked(a[1])}{suffix}")
            seen = sorted(
                {mid for a in g.activities for mid in g.attendance.get(a[0], {}) if mid in g.attendees},
                key=lambda m: (g.attendees[m][1], m),
            )
            mrows = []
            for mid in seen:
                marks = [g.attendance.get(a[0], {}).get(mid) for a in g.activities]
                mrows.append(
                    [
                        g.name,
                        g.attendees[mid][0],
                        *[ATTENDANCE_MARKS.get(m) if m else None for m in marks],
                        sum(1 for m in marks if m == "attended"),
                    ]
                )
            mrows.sort(key=lambda r: -r[-1])
            matrices.append((g.name, heads, mrows))
        list_blocks, list_end = len(lay.blocks), lay.next_row

        def add_matrices(per_page: int | None) -> tuple[list[int], list[_Block]]:
            """Each group's block starts a printed page with its own header; a block longer than a page is cut
            into pages of `per_page` rows, each under the header again (the sheet has no repeated print
            header: its tables differ — a 120-person block's pages 2 and 3 were marks under no activity)."""
            del lay.blocks[list_blocks:]
            lay.next_row = list_end
            breaks: list[int] = []
            headers: list[_Block] = []
            for name, heads, mrows in matrices:
                lay.add("blank")
                section = lay.add("section", [f"{self.t('title.attendance')} · {name}"], height=20)
                breaks.append(section.row - 1)
                values = [self.t("h.group"), self.t("h.name"), *heads, self.t("h.attended_count")]
                size = per_page or max(1, len(mrows))
                for start in range(0, max(1, len(mrows)), size):
                    if start:
                        breaks.append(lay.next_row - 1)
                    headers.append(lay.add("header", values, measure=False))
                    lay.add("rows", mrows[start : start + size], [None, None] + ["mark"] * (len(heads) + 1))
            return breaks, headers

        def sized() -> list[float]:
            widths = lay.widths()
            widths[1] = max(widths[1], 14)
            n_cols = max([len(h.values) for h in matrix_headers] + [len(widths)])
            widths += [4.0] * (n_cols - len(widths))
            for h in matrix_headers:  # activity titles wrap in their columns: as many lines as the longest needs
                for j in range(2, len(h.values)):
                    widths[j] = max(widths[j], 8.0)
                lines = max(-(-display_width(v) // max(1, int(widths[j]) - 1)) for j, v in enumerate(h.values))
                h.height = 15.0 * min(6, max(2, lines))
            return widths

        breaks, matrix_headers = add_matrices(None)
        widths = sized()
        per_page = _rows_per_page(widths, max((h.height or 0 for h in matrix_headers), default=0) + 20)
        if any(len(mrows) > per_page for _n, _h, mrows in matrices):
            breaks, matrix_headers = add_matrices(per_page)
            widths = sized()
        for b in breaks:
            if b > header.row + 1:
                ws.row_breaks.append(Break(id=b))
        self.finish(ws, lay, widths=widths, freeze=f"A{header.row + 1}", title_rows=None)

    def _edition(self, edition: int | None) -> str | None:
        if not edition:
            return None
        return f"第{edition}期" if self.lang_index == 0 else f"#{edition}"

    # -- 积分
    def points(self) -> None:
        """The month's and the all-time leaderboard side by side (row i of a group is place i on both), then
        the month's ledger below them. The print area holds the boards: a month's ledger runs to
        hundreds of pages (every check-in earns a point); it stays in the sheet, filterable."""
        ws = self.new_sheet(SHEETS[4])
        lay = _Layout()
        # the print area ends at the boards' last column: several groups' names would run past it (the 社群
        # column names them anyway)
        title = f"{self.t('h.points')} · {self.month_label()}" if self.multi else self.sheet_title("h.points")
        lay.add("title", [title], height=22)
        month_title, all_title = self.t("title.points_month"), self.t("title.points_all")
        lay.add("section", [month_title, None, None, None, None, all_title], height=20, measure=False)
        keys = (
            "h.group",
            "h.rank",
            "h.name",
            "h.points_month",
            "h.level",
            "h.rank",
            "h.name",
            "h.points_all",
            "h.level",
        )
        header = lay.add("header", [self.t(k) for k in keys], height=20)
        rows = []
        for g in self.groups:
            by_month, by_all = g.boards
            for i in range(max(len(by_month), len(by_all))):
                row: list = [g.name]
                if i < len(by_month):
                    row += [*by_month[i]]
                else:
                    row += [None] * 4
                if i < len(by_all):
                    row += [*by_all[i]]
                rows.append(row)
        body = lay.add("rows", rows, [None, "mark", None, "int", "mark", "mark", None, "int", "mark"])
        ws.auto_filter.ref = _table_ref(header, body)
        print_last = body.last_row
        if not rows:  # nobody has points: the printed page says so rather than showing bare headers
            print_last = lay.add("rows", [[None, self.t("sub.no_rows")]], [None, None]).last_row

        lay.add("blank")
        ledger_title = f"{self.t('title.ledger')} · {self.t('sub.ledger_print')}"  # to filter, not to print
        ledger_section = lay.add("section", [ledger_title], height=20, measure=False)
        ledger_keys = ("h.group", "h.date", "h.name", "h.points", "h.source", "h.reason")
        lay.add("header", [self.t(k) for k in ledger_keys], measure=False)
        total = sum(g.ledger_rows for g in self.groups)
        room = EXCEL_MAX_ROWS - lay.next_row - 1  # a whole community's month can outgrow a worksheet
        shown = min(total, room)
        note = self.t("sub.truncated").format(n=total - room) if total > room else None

        def ledger() -> Iterator[list]:
            yield from self._ledger(shown)
            if note is not None:
                yield [None, None, None, None, None, note]

        lay.add_stream(
            ledger, shown + (note is not None), [None, "date", None, "signed_int", "mark", None], measure=False
        )
        if not total:
            lay.add("rows", [[None, self.t("sub.no_rows")]], [None, None], measure=False)
        widths = lay.widths()
        widths += [4.0] * (len(keys) - len(widths))
        # the ledger's first five columns share the boards' widths; its reason (F) runs on over G–I
        sample = [r[:5] for r in self._ledger(min(shown, 200))]
        for j, w in enumerate(column_widths([self.t(k) for k in ledger_keys[:5]], sample)):
            widths[j] = max(widths[j], w)
        ws.print_area = f"A1:{get_column_letter(len(keys))}{print_last}"
        if ledger_section.row > header.row + 1:
            ws.row_breaks.append(Break(id=ledger_section.row - 1))
        self.finish(ws, lay, widths=widths, freeze=f"A{header.row + 1}", title_rows=f"{header.row}:{header.row}")

    def _reason(self, stored: str | None) -> str | None:
        """A ledger reason in the workbook's language: the app's own reasons in English in an English workbook
        (desktop/phrases.py ledger_reason), a typed one as typed; read once per distinct text (they repeat). A
        masked workbook masks a phone in it (a manual adjustment's 「推荐了 13512345678」, an activity's title)."""
        if not stored or (self.lang_index == 0 and self.unmasked):
            return stored
        cache = self.__dict__.setdefault("_reasons", {})
        if stored not in cache:
            phrase = ledger_reason(stored) if self.lang_index else None
            text = phrase.render("en") if isinstance(phrase, Phrase) else stored
            cache[stored] = self._masked(text)
        return cache[stored]

    def _masked(self, text: str | None) -> str | None:
        """A free text as the workbook shows it: a phone number written in it masked (138****) unless unmasked —
        the ledger's reasons, the activities' titles and places (a masked workbook had them in full)."""
        return text if self.unmasked else mask_phones_in(text)

    def _ledger(self, limit: int) -> Iterator[list]:
        """The first `limit` rows of the month's ledger, group after group, read as they are written."""
        left = limit
        for g in self.groups:
            if left <= 0:
                return
            people = self.people_of(g)
            result = self.connection.execute(
                select(
                    PointsEntry.day,
                    PointsEntry.membership_id,
                    PointsEntry.points,
                    PointsEntry.reason,
                    PointsEntry.source_kind,
                )
                .where(PointsEntry.group_id == g.id, PointsEntry.day >= self.p.start, PointsEntry.day <= self.p.end)
                .order_by(PointsEntry.day, PointsEntry.id)
                .limit(left)
                .execution_options(yield_per=2000)
            )
            try:
                for day, mid, pts, stored, source in result:
                    reason = self._reason(stored)
                    pp = people.get(mid)
                    label = f"source.{source}"
                    left -= 1
                    yield [
                        g.name,
                        day,
                        # a deleted person's entries stay in the group's ledger (points_awarded counts them,
                        # docs/metrics.md) and are said to be theirs, never a row without a name
                        pp.name if pp else self.t("sub.deleted_person"),
                        int(pts),
                        self.t(label) if label in TEXT else source,
                        reason,
                    ]
            finally:
                result.close()

    # -- 入群进度
    def onboarding(self) -> None:
        ws = self.new_sheet(SHEETS[5])
        lay = _Layout()
        lay.add("title", [self.sheet_title("title.onboarding")], height=22)
        lay.add(
            "subtitle", [f"{self.t('sub.as_of')} {self.p.end.isoformat()} · {self.t('sub.onboarding_print')}"]
        )  # as its rows
        retired = self.t("h.retired")

        def label(name: str, is_retired: bool) -> str:
            return f"{name} {retired}" if is_retired else name

        columns = _merge_orders([[label(n, r) for _sid, n, r, _req in g.steps] for g in self.groups])
        fixed = [self.t(k) for k in ("h.group", "h.name", "h.status", "h.applied", "h.joined")]
        header = lay.add("header", [*fixed, *columns, self.t("h.progress")], height=32)
        # What an owner forwards is who is still on the way in, and who arrived this month: those rows come
        # first, across the groups, and are the print area; members who joined earlier follow, to filter.
        n_printed = sum(g.onboarding_rows[0] for g in self.groups)

        # nobody on the way in and nobody new: the print area is one "(无)" row, not a bare header
        none_printed = 0 if n_printed else 1

        def rows() -> Iterator[list]:
            if none_printed:
                yield [None, self.t("sub.no_rows")]
            for printed in (True, False):  # the print area first, across the groups; then the rest
                for g in self.groups:
                    listed = ((pp, self._in_process_or_member(pp)) for pp in self.people_of(g).values())
                    people = [(pp, *at_end) for pp, at_end in listed if at_end and self._printed(*at_end) == printed]
                    if not people:
                        continue
                    people.sort(key=lambda x: ({"applicant": 0, "onboarding": 1}.get(x[1], 2), x[0].pinyin, x[0].mid))
                    progress = self.progress_of(g)
                    by_label = {label(n, r): (sid, req) for sid, n, r, req in g.steps}
                    required = [sid for sid, _n, r, req in g.steps if req and not r]
                    for pp, status, joined in people:
                        done = progress.get(pp.mid, {})
                        cells = []
                        for col in columns:
                            step = by_label.get(col)
                            cells.append("—" if step is None else local_day(done.get(step[0])))
                        n_done = sum(1 for sid in required if sid in done)
                        progress_cell = f"{n_done}/{len(required)}"
                        if status == "active" and n_done < len(required):
                            said = self.t("progress.none_recorded" if n_done == 0 else "progress.rest_unrecorded")
                            progress_cell = f"{progress_cell} · {said}"
                        yield [
                            g.name,
                            pp.name,
                            self.t(f"status.{status}"),
                            local_day(pp.applied_at),
                            local_day(joined),
                            *cells,
                            progress_cell,
                        ]

        kinds = [None, None, None, "date", "date"] + ["date"] * len(columns) + ["mark"]
        body = lay.add_stream(rows, none_printed + n_printed + sum(g.onboarding_rows[1] for g in self.groups), kinds)
        widths = lay.widths()
        for i in range(len(columns)):
            widths[5 + i] = max(11.0, min(widths[5 + i], 14.0))
        ws.auto_filter.ref = _table_ref(header, body)
        ws.print_area = _ref(1, 1, len(header.values), header.row + n_printed + none_printed)
        self.finish(ws, lay, widths=widths, freeze=f"C{header.row + 1}", title_rows=f"{header.row}:{header.row}")

    # -- 预警
    def alerts(self) -> None:
        ws = self.new_sheet(SHEETS[6])
        lay = _Layout()
        lay.add("title", [self.sheet_title("title.alerts")], height=22)
        lay.add("subtitle", [f"{self.t('sub.as_of')} {self.p.end.isoformat()}"])
        header = lay.add("header", [self.t(k) for k in ("h.group", "h.alert", "h.member", "h.reason")], height=20)
        rows = []
        for g in self.groups:  # computed here, in the export's transaction: 100,000 alerts are not kept meanwhile
            ordered = sorted(alerts(self.session, g.id, self.p.end), key=lambda a: ALERT_ORDER.get(a.kind, 99))
            if not g.recorded:  # a month before the group was set up here: nobody's silence in it was recorded
                ordered = [a for a in ordered if a.kind not in UNMEASURED_ALERTS]
            people = self.people_of(g) if any(a.membership_id is not None for a in ordered) else {}
            for a in ordered:
                label = f"alert.{a.kind}"
                reason = a.reason.render("zh_CN" if self.lang_index == 0 else "en")  # a Phrase: desktop/phrases.py
                name = a.display_name
                # a person as every other sheet names them: two 王芳 of the group are 王芳 (1) and 王芳 (2) here too
                # (the sheet listed two silent 王芳 whom nothing told apart), a phone in a name masked
                pp = people.get(a.membership_id) if a.membership_id is not None else None
                if pp is not None and pp.name:
                    name = pp.name
                elif name and not self.unmasked:  # a phone in a name (张三13812345678) is masked as on every sheet
                    name = mask_phones_in(name) or name
                rows.append([g.name, self.t(label) if label in TEXT else a.kind, name, reason])
        body = lay.add("rows", rows, [None, "bold", None, None])
        if not rows:
            lay.add("rows", [[None, self.t("sub.no_rows")]], [None, None])
        widths = lay.widths(maximum=60)
        ws.auto_filter.ref = _table_ref(header, body)
        self.finish(
            ws,
            lay,
            widths=widths,
            freeze=f"A{header.row + 1}",
            title_rows=f"{header.row}:{header.row}",
            portrait=True,  # four columns: upright, twice the rows per page of a landscape page half empty
        )


def _style_chart(chart, *, legend: bool) -> None:
    chart.height, chart.width = CHART_HEIGHT_CM, CHART_WIDTH_CM
    # openpyxl ≥ 3.1 writes axes as deleted unless told otherwise: Excel then draws no axis labels
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = ChartLines()
    if legend:
        chart.legend.position = "b"
    else:
        chart.legend = None


def _funnel_height(bars: int) -> float:
    """cm: tall enough for every step name (an axis that runs out of room skips every other one) and every
    bar's value label; never more than a page."""
    return min(PAGE_ROWS * ROW_CM * 0.8, max(CHART_HEIGHT_CM, 3.0 + FUNNEL_BAR_CM * max(1, bars)))


STRUCTURE_BAR_CM = 0.7  # height per bar of the structure chart: every group's name stays on the axis


def _structure_height(bars: int, *, room_rows: int) -> float:
    """cm: the structure chart (the target's bar and one per group) is 7 cm, taller when its bars need it —
    an axis that runs out of room names every other bar — within the `room_rows` rows it has on page 1."""
    return max(CHART_HEIGHT_CM, min(room_rows * ROW_CM, 3.0 + STRUCTURE_BAR_CM * bars))


PAGE_HEIGHT_PT = 595.3 - 2 * 36  # A4 landscape less print_setup's top and bottom margins (0.5 in each)
PAGE_WIDTH_CM = 29.7 - 2 * 0.4 * 2.54  # less the left and right margins (0.4 in each)


SUBTITLE_LINE_PT = 14.0  # a line of the 10 pt subtitle


def _subtitle_lines(text: str, widths: list[float]) -> int:
    """How many lines `text` (its lines) takes wrapped in cells of these widths (the printed columns): display_width counts a
    CJK character 2, the width of two of the default font's digits — a little more than a 10 pt CJK character,
    and a tenth kept spare for the fonts LibreOffice and Excel put in."""
    room = sum(w * 7 + 5 for w in widths) * 0.9
    return sum(max(1, math.ceil(display_width(line) * 7 / room)) for line in text.split("\n"))


def _rows_per_page(widths: list[float], head_pt: float) -> int:
    """How many 15 pt rows fit on a printed page under `head_pt` of headings, for a sheet printed fit to its
    width (print_setup): the narrower the sheet, the larger it prints. With a tenth to spare, as LibreOffice and
    Excel measure fonts a little differently."""
    scale = min(1.0, PAGE_WIDTH_CM / max(1e-6, sum(_column_cm(w) for w in widths)))
    return max(5, int((PAGE_HEIGHT_PT / scale * 0.9 - head_pt) // ROW_HEIGHT))


def _column_cm(width: float) -> float:
    """An Excel column width (characters of the default font) in cm: 7 px per character and 5 px padding."""
    return (width * 7 + 5) / 96 * 2.54


DAY_COL_WIDTH = 3.6  # a 打卡明细 day column: a mark (✓ 补 假) and a total of up to two digits


def _day_column_width(groups, days: list[date], *, with_grand_total: bool) -> float:
    """The width of 打卡明细's day columns: DAY_COL_WIDTH, or wider when a 每日合计 count (a group's check-ins of
    a day, or all the groups' with `with_grand_total`) has three digits or more — bold and centred, 4.5 for
    three digits, 5.6 for four. `g.daily` is the 每日合计 count of the day (a deleted person's left out, as in the matrix)."""
    most = 0
    for d in days:
        counts = [g.daily.get(d, 0) for g in groups]
        most = max(most, *counts, sum(counts) if with_grand_total else 0)
    digits = len(str(most))
    return DAY_COL_WIDTH if digits <= 2 else round(1.1 * digits + 1.2, 1)


def kpi_page_breaks(
    first_row: int, block_rows: int, blocks: int, *, first_page_min: int, first_page_rows: int = PAGE_ROWS
) -> list[int]:
    """The rows after which 概览's printed pages end: whole KPI blocks per page, PAGE_ROWS rows at most (the
    header row repeats on later pages; page 1 `first_page_rows`, less the lines of a long subtitle). Page 1 ends at
    a block's end, or after `first_page_min` (where the first two charts end) when the blocks end before it. The
    first entry is always page 1's last row."""
    ends = [first_row - 1 + block_rows * (k + 1) for k in range(blocks)]
    fitting = [e for e in ends if e <= first_page_rows]
    breaks = [max(first_page_min, fitting[-1] if fitting else 0)]
    start = previous = breaks[0] + 1
    for end in ends:
        if end <= breaks[0]:
            continue
        if end - start + 2 > PAGE_ROWS and previous > start:  # 2: the repeated header row, and rows count from 1
            breaks.append(previous - 1)
            start = previous
        previous = end + 1
    return breaks


def _whole_number_axis(axis, most: int) -> None:
    """A count axis whose values are all small steps by 1 (and runs to 1 when every value is 0): left to
    itself it stepped by 0.5 and printed the halves rounded — 0, 1, 1 under a new group's empty charts."""
    if most < 5:
        axis.majorUnit = 1
        axis.scaling.max = max(most, 1)


def _value_labels(number_format: str, *, position: str | None = None) -> DataLabelList:
    """Value labels only (LibreOffice shows series and category names too unless told not to), 8 pt."""
    labels = DataLabelList()
    labels.txPr = _text_size(8)
    if position:
        labels.dLblPos = position
    labels.showVal = True
    labels.showSerName = False
    labels.showCatName = False
    labels.showLegendKey = False
    labels.showPercent = False
    labels.showLeaderLines = False
    labels.numFmt = number_format
    return labels


def _text_size(points: int) -> RichText:
    size = CharacterProperties(sz=points * 100)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=size), endParaRPr=size)])


def _merge_orders(orders: list[list[str]]) -> list[str]:
    """Union of several ordered lists keeping each one's order: a name missing so far goes right after
    the previous name of its own list (进群目的问答, 阅读群规…, 缴纳门槛费, 自我介绍 …)."""
    merged: list[str] = []
    for order in orders:
        prev = -1
        for name in order:
            if name in merged:
                prev = merged.index(name)
            else:
                merged.insert(prev + 1, name)
                prev += 1
    return merged


def resolve_groups(session: Session, group_ids: list[int] | None, *, since: date | None = None) -> list[Group]:
    """The groups to export, in the order given (None: every group that is not archived, by id — or, with
    `since`, not archived before that day: a month's report of all groups holds a group archived during or after
    that month, as it was one of the groups then)."""
    if group_ids is None:
        live = Group.archived_at.is_(None)
        if since is not None:
            live = live | (Group.archived_at >= day_start(since))
        groups = list(session.scalars(select(Group).where(live).order_by(Group.id)))
    else:
        ids = list(dict.fromkeys(group_ids))
        found = {g.id: g for g in session.scalars(select(Group).where(Group.id.in_(ids)))}
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(f"社群不存在 (no such group): {missing}")
        groups = [found[i] for i in ids]
    if not groups:
        raise QunDeskError("没有可导出的社群 (there is no group to export)")
    return groups


def export_monthly_report(
    database: Database,
    actor: Actor,
    *,
    year: int,
    month: int,
    group_ids: list[int] | None,
    path: Path | str,
    today: date | None = None,
    unmasked: bool = False,
    progress: Progress | None = None,
    lang: str = "zh_CN",
) -> ReportSummary:
    """Write the monthly workbook of `group_ids` (None: every group not archived before the month began) for
    year-month to `path`.

    Raises PermissionDenied (unmasked phones without `export_unmasked`), NotFound (unknown group id),
    QunDeskError (the target cannot be written), Cancelled (progress.step after cancel; nothing written)."""
    if unmasked:
        require(actor, "export_unmasked")
    if lang not in LANGS:
        raise QunDeskError(f"不支持的语言 (unsupported language): {lang!r}; use one of {', '.join(LANGS)}")
    if not (1 <= int(month) <= 12) or not (1900 <= int(year) <= 9999):
        raise QunDeskError(f"月份无效 (invalid month): {year}-{month}")
    target = check_target(Path(path))
    today = today or clock.today()
    progress = progress or Progress()
    p = Period.month(year, month, today)
    with database.session() as session:
        groups = resolve_groups(session, group_ids, since=p.start)
        total = len(groups) + len(SHEETS)
        done = 0
        progress.step(done, total)
        report = _Report(actor, [], year, month, p, today, unmasked, lang)
        report.session, report.connection = session, session.connection()
        report.structure_target = structure_targets(session, at=p.end)
        data = report.groups
        for g in groups:
            data.append(report.load(session, g))
            done += 1
            progress.step(done, total)
        report.multi = len(data) > 1
        if report.multi:
            report.totals = report.totals_of(session)
        # The sheets are written inside the read transaction: the month's ledger (a million rows at 100,000
        # members) is read as it is written instead of held in memory, and every sheet sees the same data.
        # A read transaction blocks no writer (SQLite WAL, PostgreSQL).
        wb = report.wb
        try:
            for build in (
                report.summary,
                report.roster,
                report.checkins,
                report.activities,
                report.points,
                report.onboarding,
                report.alerts,
            ):
                build()
                done += 1
                progress.step(done, total)  # the last step (done == total) comes before the save
            report.session = report.connection = report._people = None
        except BaseException:
            discard(wb)
            raise
    try:
        wb.properties.title = f"{TEXT['title.summary'][report.lang_index]} {report.month_label()}"
        wb.properties.subject = ", ".join(g.name for g in data)
        wb.properties.creator = actor.name
        wb.properties.lastModifiedBy = actor.name
        saved = save_atomic(wb, target)
    except BaseException:
        discard(wb)
        raise
    if unmasked:
        from desktop.services.audit import audit_export

        audit_export(database, actor, "export.report_unmasked", saved, month=f"{year}-{month:02d}", groups=len(data))
    return ReportSummary(path=saved, sheets=SHEETS, rows_written=report.rows_written)
