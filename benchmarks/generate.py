"""The large benchmark workspace: 20 groups, 100,000 members, ~130,000 memberships, 12 months, ~10,000,000
check-ins with their ledger entries, activities and attendance, contributions, violations, leave, entry-step
progress and an audit log — written with the raw sqlite3 driver (`executemany`) into a database created at the
current schema by `models.db.open_database` (the app's own migrations, tables and indexes).

    python -m benchmarks.generate [--size small|medium|large] [--force]

Sizes: small 1,000 / medium 10,000 / large 100,000 members (memberships, check-ins and the rest scale with
them; the 20 groups stay). The file is cached in benchmarks/.cache/ under a name made of the generator version,
the schema head revision and the size, so reruns reuse it; `--force` rebuilds it.

Loading (and why it is fast without cheating on the schema):
* Every explicit secondary index (`CREATE INDEX …` in sqlite_master: the check-in covering index, the three
  ledger indexes, the member search-key indexes, …) is dropped before the load and re-created afterwards from
  its own stored SQL, so the schema is byte-for-byte the app's. The UNIQUE constraints' automatic indexes
  (checkin (membership_id, day), attendance (activity_id, membership_id), …) cannot be dropped and are kept.
* journal_mode=OFF and synchronous=OFF during the load (into a `.part` file renamed at the end), then WAL.
* `PRAGMA ignore_check_constraints` during the load: the schema's enum CHECKs (`col IN (…)`) make SQLite build an
  ephemeral index for every inserted row (≈3.5x slower inserts, analysis.md); the values written come from the
  app's own enumerations, and the CHECKs stay in the schema for every later write.
* No ANALYZE: the app never runs it, so a real workspace has no sqlite_stat1 either.

Data shapes follow desktop/demo.py: 6 WeChat-sized groups (capacity 500, never more than 500 active) and 14
large communities (camps and courses spanning several chats); statuses 已入群/入群中/申请中/已退群/已移除/黑名单 in
the demo's proportions; check-in patterns steady / streaky (runs and gaps) / fading / newcomer / silent, members
who went quiet 31-75 days ago, leave (请假) that neither counts nor breaks a streak, 3% late check-ins (补卡).
Rows are written day by day — as a year of real use appends them — so the check-ins of one group and month are
spread over the table like in a real workspace (not clustered per member as a bulk import would leave them).
The ledger follows the service rules: `checkin` (1) per check-in, `streak7` (5) each time a run reaches a
multiple of 7, attendance (3 online / 10 offline, +5 host or speaker), share contributions (5), violations
(-10), referrals (20) and a few manual adjustments.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import sys
import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import accumulate
from pathlib import Path

from desktop import streaks

GEN_VERSION = 8  # 8: the other reading of names (schema 0015); 7: the name pieces of the search; 6: streak marks (schema 0013), no 「（None）」 nicknames; 5: kept values (schema 0007); 4: checkin.logged_at (schema 0003), the streak rule
SIZES: dict[str, int] = {"small": 1_000, "medium": 10_000, "large": 100_000}
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
SEED = 20261122
N_GROUPS = 20
N_WECHAT_GROUPS = 6  # real WeChat groups: capacity 500 and at most 500 active members
WECHAT_CAP = 500
LARGE_CAP = 20_000
MONTHS = 12
FLUSH_ROWS = 200_000
CHECKIN_SCALE = 0.877  # calibrates the check-in share so that large ≈ 10,000,000 check-ins

Log = Callable[[str], None]

# --------------------------------------------------------------------------------------------- content

_SURNAMES = (
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 高 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 潘 袁 蔡 "
    "蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 陆 范 汪 廖 石 金 贾 夏 付 方 邹 熊 白 孟 秦 邱 侯 江 尹 "
    "薛 闫 段 雷 龙 黎 史 陶 贺 毛 郝 顾 龚 邵 万 覃 武 钱 戴 严 莫 孔 向 常 汤 康 易 乔 赖 文"
).split()
_SURNAME_CUM = list(accumulate(1.0 / (i + 6) for i in range(len(_SURNAMES))))
_COMPOUND = ("欧阳", "司马", "上官", "诸葛", "慕容", "东方", "司徒", "皇甫")
_MALE = "伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林建志文博晨阳轩峰亮成东海鸣睿哲"
_FEMALE = "芳娜敏静丽艳娟霞燕玲丹萍红婷雪琳晶颖慧莹倩洁佳欣怡梦雨思月萱涵可馨璐瑶妍琪薇蓉"
_EMOJI = tuple("🌸 🌈 🍀 ☀️ 🌙 ⭐ 🍓 🐱 🐰 🎈 🌻 🍒 🦋 💫 🏃 📚 ☕ 🎵 🌿 🐳".split())
_LATIN_F = ("Amy", "Lily", "Coco", "Jessica", "Cathy", "Vivian", "Sunny", "Grace", "Emma", "Iris", "Luna")
_LATIN_M = ("Kevin", "Leo", "Tony", "Jack", "Eric", "David", "Frank", "Ryan", "Allen", "Jason", "Ben")
_LATIN_SUR = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Lin")
_CITIES = (
    "北京 上海 深圳 广州 杭州 成都 武汉 南京 西安 重庆 苏州 长沙 厦门 天津 青岛 郑州 合肥 昆明 大连 佛山"
).split()
_CITY_CUM = list(accumulate((10, 10, 8, 7, 7, 7, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1)))
_JOBS = (
    "程序员 产品经理 设计师 教师 学生 全职妈妈 销售 会计 医生 护士 自由职业 创业者 公务员 运营 律师 HR 工程师"
).split()
_NOTES = (
    "老客户推荐",
    "想做副业",
    "对线下活动感兴趣",
    "已加私聊",
    "需要开发票",
    "周末有空",
    "上期学员，复购",
    "可以做分享嘉宾",
)
_TAGS = (
    ("宝妈", "#F6BD16"),
    ("学生", "#5B8FF9"),
    ("程序员", "#5AD8A6"),
    ("老会员", "#E8684A"),
    ("潜在客户", "#9270CA"),
    ("付费学员", "#FF9D4D"),
    ("种子用户", "#269A99"),
    ("待跟进", "#6DC8EC"),
)
_PURPOSES = ("想养成好习惯", "想找人一起坚持", "认识志同道合的朋友", "朋友推荐来的", "想提升自己", "想学习经验")
_LEFT_REASONS = ("工作太忙，没时间参与", "群消息太多，屏蔽了", "内容不感兴趣了", "课程结束", "个人原因", None)
_REMOVED_REASONS = ("多次发广告，已移出", "长期不打卡，按群规移出", "刷屏警告无效，已移出")
_LEAVE_REASONS = ("出差", "生病请假", "旅行", "考试周", "家里有事", "回老家", "加班赶项目", "孩子生病")
_STATUSES = ("active", "onboarding", "applicant", "left", "removed")
_STATUS_CUM = (0.76, 0.83, 0.875, 0.975, 1.0)
_ONLINE_PLACES = ("腾讯会议", "视频号直播", "群直播", "小鹅通直播间", "钉钉会议")
_TOPICS = ("如何坚持一件小事", "时间管理的三个方法", "我的年度复盘", "新手常见问题", "一本好书", "周末聚会")


@dataclass(frozen=True)
class _GroupSpec:
    name: str
    kind: str
    wechat: bool  # a real WeChat group (capacity 500) or a large community
    checkin_share: float  # share of members who check in at all
    window: tuple[int, int]  # check-in clock window, minutes after midnight
    late_streak: bool
    acts_per_month: tuple[int, int]
    fee_cents: int


_GROUPS: tuple[_GroupSpec, ...] = (
    _GroupSpec("早起打卡营1群", "user", True, 0.93, (300, 450), False, (2, 4), 0),
    _GroupSpec("早起打卡营2群", "user", True, 0.90, (300, 450), False, (2, 4), 0),
    _GroupSpec("读书会", "learning", True, 0.70, (1200, 1410), True, (3, 5), 0),
    _GroupSpec("跑步俱乐部", "hobby", True, 0.75, (330, 1260), False, (2, 4), 0),
    _GroupSpec("摄影爱好者", "hobby", True, 0.35, (600, 1380), False, (1, 3), 0),
    _GroupSpec("宝妈成长营", "user", True, 0.60, (1260, 1410), True, (2, 4), 0),
    _GroupSpec("21天写作训练营", "camp", False, 0.85, (1140, 1430), True, (6, 10), 9900),
    _GroupSpec("Python 学习社群", "learning", False, 0.62, (1140, 1430), False, (6, 10), 19900),
    _GroupSpec("产品经理成长社", "learning", False, 0.55, (1200, 1430), False, (5, 9), 0),
    _GroupSpec("副业研习社", "self_media", False, 0.50, (1200, 1430), False, (5, 9), 9900),
    _GroupSpec("英语晨读社", "learning", False, 0.88, (330, 480), False, (6, 10), 0),
    _GroupSpec("健身打卡社区", "hobby", False, 0.80, (360, 1320), False, (5, 9), 0),
    _GroupSpec("考研互助社", "learning", False, 0.72, (420, 1380), True, (5, 9), 0),
    _GroupSpec("理财入门社群", "product", False, 0.45, (1200, 1430), False, (4, 8), 0),
    _GroupSpec("设计师交流会", "service", False, 0.40, (1200, 1430), False, (4, 8), 0),
    _GroupSpec("自媒体运营社群", "self_media", False, 0.50, (1200, 1430), False, (5, 9), 0),
    _GroupSpec("职场成长会", "brand", False, 0.48, (1200, 1430), False, (4, 8), 0),
    _GroupSpec("亲子阅读社区", "user", False, 0.70, (1200, 1410), True, (5, 9), 0),
    _GroupSpec("冥想正念社", "hobby", False, 0.75, (330, 1380), False, (5, 9), 0),
    _GroupSpec("户外徒步联盟", "hobby", False, 0.30, (420, 1320), False, (3, 6), 0),
)
assert len(_GROUPS) == N_GROUPS and sum(g.wechat for g in _GROUPS) == N_WECHAT_GROUPS

# the app's defaults (imported where they live, so a change there is followed here)


def _defaults():
    from desktop.services.groups import CANONICAL_STEPS, DEFAULT_ROLES, DEFAULT_TIERS
    from desktop.services.operators import OWNER_DEFAULT_NAME
    from models.points import DEFAULT_LEVELS, DEFAULT_POINT_RULES

    return CANONICAL_STEPS, DEFAULT_ROLES, DEFAULT_TIERS, OWNER_DEFAULT_NAME, DEFAULT_LEVELS, DEFAULT_POINT_RULES


# ------------------------------------------------------------------------------------------- the cache


@dataclass(frozen=True)
class Workspace:
    size: str
    path: Path
    meta: dict

    @property
    def today(self) -> date:
        return date.fromisoformat(self.meta["today"])

    @property
    def month(self) -> tuple[int, int]:
        """The last complete month (what a monthly report and month stats look at)."""
        y, m = self.meta["month"]
        return int(y), int(m)


def schema_head() -> str:
    from models.db import head_revision

    return head_revision()


def workspace_path(size: str) -> Path:
    return CACHE_DIR / f"workspace-{size}-g{GEN_VERSION}-{schema_head()}.sqlite"


def ensure_workspace(size: str, *, force: bool = False, log: Log = print) -> Workspace:
    """The cached workspace of this size (generated when missing or when --force)."""
    if size not in SIZES:
        raise SystemExit(f"unknown size {size!r}: use one of {', '.join(SIZES)}")
    path = workspace_path(size)
    meta_path = path.with_suffix(".json")
    if not force and path.exists() and meta_path.exists():
        return Workspace(size, path, json.loads(meta_path.read_text(encoding="utf-8")))
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for old in CACHE_DIR.glob(f"workspace-{size}-*"):
        old.unlink()
    part = path.with_name(path.name + ".part")
    for p in (part, Path(str(part) + "-wal"), Path(str(part) + "-shm")):
        p.unlink(missing_ok=True)
    meta = generate(part, SIZES[size], log=log)
    part.replace(path)
    meta["size"] = size
    meta["file_bytes"] = path.stat().st_size
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return Workspace(size, path, meta)


# ------------------------------------------------------------------------------------------- generation


def ceiling_rate(path: Path, rows: int = 300_000) -> float:
    """rows/s of the raw sqlite3 ceiling on this machine right now: one executemany of check-in-shaped rows
    into a table with no secondary index, journal off (the generator's own conditions)."""
    for p in (path, Path(f"{path}-journal")):
        p.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, membership_id INT, group_id INT, day DATE, checked_at DATETIME,"
        " source VARCHAR(10), late BOOLEAN, recorded_by INT)"
    )
    data = [
        (i, i % 130_000, i % 20, "2026-10-01", "2026-10-01 06:01:02.000000", "paste", 0, 3) for i in range(1, rows + 1)
    ]
    t = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)", data)
    conn.execute("COMMIT")
    took = time.perf_counter() - t
    conn.close()
    path.unlink(missing_ok=True)
    return rows / took


def _loadavg() -> str:
    try:
        return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:  # pragma: no cover
        return "?"


class _P:  # a person (member row)
    __slots__ = ("id", "name", "nick", "wechat", "phone", "gender", "city", "job", "note", "seed", "created", "ms")

    def __init__(self) -> None:
        self.ms: list[_M] = []


class _M:  # a membership
    __slots__ = (
        "id",
        "p",
        "g",
        "status",
        "applied",
        "joined",
        "left",
        "left_o",
        "joined_o",
        "overflow",
        "tier",
        "nick",
        "referrer",
        "purpose",
        "roles",
        "pattern",
        "first",
        "last",
        "leaves",
    )

    def __init__(self, p: _P, g: int) -> None:
        self.p, self.g = p, g
        self.status = "active"
        self.applied = self.joined = self.left = None
        self.joined_o = self.left_o = None
        self.overflow = False
        self.tier = None
        self.nick = None
        self.referrer = None
        self.purpose = None
        self.roles: list[int] = []
        self.pattern = 0  # 0 none, 1 steady, 2 streaky, 3 fading
        self.first = self.last = 0  # participation window (ordinals), first > last: none
        self.leaves: list[tuple[int, int]] = []


_NONE, _STEADY, _STREAKY, _FADING = 0, 1, 2, 3


def _history_start(today: date) -> date:
    y, m = today.year, today.month - (MONTHS - 1)
    while m <= 0:
        y, m = y - 1, m + 12
    return date(y, m, 1)


def _previous_month(today: date) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def generate(path: Path, n_members: int, *, seed: int = SEED, today: date | None = None, log: Log = print) -> dict:
    from models.db import open_database
    from models.search_keys import name_keys, search_columns

    steps_tpl, role_names, tiers_tpl, owner_name, levels_tpl, rules_tpl = _defaults()
    load_before = _loadavg()
    ceiling = ceiling_rate(path.with_name(path.name + ".ceiling"))
    t_all = time.perf_counter()
    today = today or date.today()
    start = _history_start(today)
    today_o, start_o = today.toordinal(), start.toordinal()
    yest_o = today_o - 1
    rng = random.Random(seed)
    rand, randint = rng.random, rng.randint

    # schema: the app's own, through its migrations
    database = open_database(path)
    database.dispose()

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("PRAGMA cache_size = -1048576")  # 1 GiB: the unique (membership_id, day) index stays in memory
    conn.execute("PRAGMA foreign_keys = OFF")
    # The schema's enum CHECKs are `col IN (…)`, which SQLite evaluates by building an ephemeral index for every
    # inserted row (≈3.5x slower inserts, see analysis.md). The rows below are valid by construction (their
    # enum values come from the app's own tuples), so the load skips the evaluation; the schema is unchanged.
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("PRAGMA threads = 2")  # the sorter of CREATE INDEX may use a helper thread
    indexes = conn.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY tbl_name, name"
    ).fetchall()
    # the kept-values triggers (models/kept.py) would fire for each of the 20 million rows: dropped like the
    # indexes, created again at the end, and the kept values computed once from the loaded facts
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall()
    conn.execute("BEGIN")
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    for name, _tbl, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    counts: dict[str, int] = {}
    t_insert = 0.0

    def write(table: str, columns: str, rows: list) -> None:
        nonlocal t_insert
        if not rows:
            return
        marks = ",".join("?" * (columns.count(",") + 1))
        t = time.perf_counter()
        conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
        t_insert += time.perf_counter() - t
        counts[table] = counts.get(table, 0) + len(rows)

    # ---- time strings (the app stores naive local datetimes as 'YYYY-MM-DD HH:MM:SS.ffffff', dates ISO)
    base_o = start_o - 900
    day_s = [date.fromordinal(o).isoformat() for o in range(base_o, today_o + 60)]

    def ds(o: int) -> str:
        return day_s[o - base_o]

    def dts(o: int, minute: int, second: int = 0) -> str:
        o += minute // 1440
        minute %= 1440
        return f"{day_s[o - base_o]} {minute // 60:02d}:{minute % 60:02d}:{second:02d}.000000"

    # ---- workspace basics: operators, tiers, roles, tags, groups with steps, rules, levels
    ops = [
        (1, owner_name, "owner"),
        (2, "运营小李", "admin"),
        (3, "助理小王", "assistant"),
        (4, "助理小陈", "assistant"),
    ]
    write(
        "operator",
        "id, name, role, password_hash, active, created_at",
        [(i, n, r, None, 1, dts(start_o - 500 + i, 540)) for i, n, r in ops],
    )
    op_ids = [1, 2, 3, 3, 4, 4]  # who records things (assistants do most)
    write(
        "tier",
        "id, name, rank, target_share",
        [(i + 1, n, r, s) for i, (n, r, s) in enumerate(tiers_tpl)],
    )
    tier_ids = [i + 1 for i in range(len(tiers_tpl))]
    tier_cum = list(accumulate(s for _n, _r, s in tiers_tpl))
    write("role", "id, name", [(i + 1, n) for i, n in enumerate(role_names)])
    role_ids = list(range(1, len(role_names) + 1))
    producer_role = role_names.index("输出者") + 1 if "输出者" in role_names else None
    write("tag", "id, name, color", [(i + 1, n, c) for i, (n, c) in enumerate(_TAGS)])

    group_rows, step_rows, rule_rows, level_rows, rv_rows = [], [], [], [], []
    created_o: list[int] = []
    steps_of: list[list[tuple[int, str, bool]]] = []  # per group: (step id, code, required)
    sid = 1
    for gi, spec in enumerate(_GROUPS):
        gid = gi + 1
        c_o = start_o - randint(25, 420)
        created_o.append(c_o)
        group_rows.append(
            (
                gid,
                spec.name,
                spec.kind,
                f"{spec.name}: 一起坚持，一起成长",
                "每天有人一起打卡；每周分享；连续打卡有积分",
                "回答进群目的，承诺坚持打卡",
                spec.fee_cents,
                "新人自我介绍；每天接龙打卡",
                "每周一次分享会",
                "群主 + 日常运营 + 助理",
                "进群请修改群昵称为「城市-姓名-职业」",
                WECHAT_CAP if spec.wechat else LARGE_CAP,
                int(spec.late_streak),
                dts(c_o, randint(540, 1260)),
                None,
            )
        )
        mine = []
        for pos, (code, name, kind, required, _fee) in enumerate(
            s for s in steps_tpl if not s[4] or spec.fee_cents > 0
        ):
            step_rows.append((sid, gid, pos, code, name, kind, int(required), None))
            mine.append((sid, code, bool(required)))
            sid += 1
        steps_of.append(mine)
        for code, pts, label in rules_tpl:
            rule_rows.append((len(rule_rows) + 1, gid, code, label, pts, 1))
        for name, min_points in levels_tpl:
            level_rows.append((len(level_rows) + 1, gid, name, min_points))
        rv_rows.append((len(rv_rows) + 1, gid, 1, "1. 每天接龙打卡\n2. 禁止发广告\n3. 友善交流", dts(c_o, 1300), 1))
    write(
        "community_group",
        "id, name, kind, goal, value_text, threshold_text, fee_cents, rituals_text, sharing_text, operators_text,"
        " joining_notice, capacity, late_checkins_count_for_streak, created_at, archived_at",
        group_rows,
    )
    write("entry_step", "id, group_id, position, code, name, kind, required, retired_at", step_rows)
    write("point_rule", "id, group_id, code, label, points, active", rule_rows)
    write("level", "id, group_id, name, min_points", level_rows)
    write("rules_version", "id, group_id, version, text, created_at, created_by", rv_rows)
    points_of = {code: pts for code, pts, _l in rules_tpl}
    p_checkin, p_streak = points_of.get("checkin", 1), points_of.get("streak7", 5)

    # ---- people
    t_plan = time.perf_counter()
    people: list[_P] = []
    wechats: set[str] = set()
    phones: set[str] = set()
    prefixes = [f"13{d}" for d in range(10)] + [f"15{d}" for d in "012356789"] + [f"18{d}" for d in range(10)]
    for _ in range(n_members):
        p = _P()
        female = rand() < 0.58
        p.gender = "other" if rand() < 0.01 else "female" if female else "male"
        pool = _FEMALE if female else _MALE
        surname = rng.choice(_COMPOUND) if rand() < 0.012 else rng.choices(_SURNAMES, cum_weights=_SURNAME_CUM)[0]
        given = rng.choice(pool) if rand() < 0.4 else rng.choice(pool) + rng.choice(pool)
        real = surname + given
        p.nick = None
        r = rand()
        if r < 0.10:  # emoji / decorated nickname as display name
            ch = rng.choice(pool)
            k = rand()
            p.name = (
                rng.choice(_EMOJI) + "小" + ch
                if k < 0.4
                else "阿" + ch + rng.choice(_EMOJI)
                if k < 0.7
                else "～" + rng.choice(("小鱼", "小鹿", "橙子", "阿狸", "大树", "木木", "糖糖", "七七")) + "～"
            )
            p.nick = real if rand() < 0.5 else None
        elif r < 0.16:  # Latin names
            first = rng.choice(_LATIN_F if female else _LATIN_M)
            p.name = first if rand() < 0.4 else f"{first} {rng.choice(_LATIN_SUR)}"
            p.nick = real if rand() < 0.3 else None
        else:
            p.name = real
            if rand() < 0.3:
                p.nick = rng.choice(("小", "阿")) + given[-1]
        full = name_keys(real)[1]
        p.wechat = None
        if rand() >= 0.05:
            wx = None
            while wx is None or wx in wechats:
                if rand() < 0.45:
                    wx = "wxid_" + "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=14))
                else:
                    wx = f"{full}{randint(1, 99999)}"
            wechats.add(wx)
            p.wechat = wx
        p.phone = None
        if rand() >= 0.07:
            ph = None
            while ph is None or ph in phones:
                ph = rng.choice(prefixes) + f"{rng.randrange(100_000_000):08d}"
            phones.add(ph)
            p.phone = ph
        p.city = rng.choices(_CITIES, cum_weights=_CITY_CUM)[0] if rand() < 0.9 else None
        p.job = rng.choice(_JOBS) if rand() < 0.8 else None
        if p.job == "全职妈妈" and p.gender != "female":
            p.job = "自由职业"
        p.note = rng.choice(_NOTES) if rand() < 0.15 else None
        p.seed = rand() < 0.03
        people.append(p)

    # ---- memberships: ~1.3 per person; 6 WeChat-sized groups, the rest in 14 large communities
    n_ms_target = int(n_members * 1.3)
    wechat_target = min(int(WECHAT_CAP / 0.76 * 1.15), n_ms_target // N_GROUPS)
    large_w = [rng.uniform(0.5, 1.5) for _ in range(N_GROUPS - N_WECHAT_GROUPS)]
    rest = n_ms_target - wechat_target * N_WECHAT_GROUPS
    targets = [float(wechat_target)] * N_WECHAT_GROUPS + [rest * w / sum(large_w) for w in large_w]
    g_cum = list(accumulate(targets))
    g_total = g_cum[-1]
    by_group: list[list[_M]] = [[] for _ in range(N_GROUPS)]
    for p in people:
        r = rand()
        k = 1 if r < 0.75 else 2 if r < 0.95 else 3
        chosen: set[int] = set()
        while len(chosen) < k:
            chosen.add(bisect_right(g_cum, rand() * g_total))
        for gi in sorted(chosen):
            ms = _M(p, gi)
            p.ms.append(ms)
            by_group[gi].append(ms)
    all_ms = [ms for g in by_group for ms in g]
    for ms in all_ms:
        if not ms.p.seed:
            ms.status = _STATUSES[bisect_right(_STATUS_CUM, rand())]
    for gi, spec in enumerate(_GROUPS):  # nobody lets a WeChat group grow past 500: the rest left or wait
        if not spec.wechat:
            continue
        active = [ms for ms in by_group[gi] if ms.status == "active"]
        if len(active) > WECHAT_CAP - 10:
            over = [ms for ms in active if not ms.p.seed]
            rng.shuffle(over)
            for ms in over[: len(active) - (WECHAT_CAP - randint(10, 40))]:
                ms.status = "left" if rand() < 0.7 else "applicant"
                ms.overflow = True
    candidates = [ms for ms in all_ms if ms.status == "active" and not ms.p.seed]
    for ms in rng.sample(candidates, max(2, len(all_ms) // 2000)):
        ms.status = "blacklisted"

    # times
    for ms in all_ms:
        c = created_o[ms.g]
        if ms.status == "active":
            if ms.p.seed:
                jo = min(c + randint(1, 20), yest_o)
            elif rand() < 0.5:
                jo = randint(c + 1, start_o - 1)
            else:
                jo = randint(start_o, yest_o)
            ms.joined_o = jo
        elif ms.status in ("left", "removed", "blacklisted"):
            lo = randint(start_o, yest_o) if rand() < (0.4 if ms.overflow else 0.8) else randint(c + 6, start_o - 1)
            ms.joined_o = randint(c + 1, lo - 4)
            ms.left_o = lo
            ms.left = dts(lo, randint(480, 1380))
        if ms.joined_o is not None:
            ms.joined = dts(ms.joined_o, randint(540, 1380))
            ao = max(c, ms.joined_o - randint(0, 6))
        elif ms.status == "onboarding":
            ao = max(c + 1, today_o - randint(1, 30))
        else:  # applicant
            ao = max(c + 1, today_o - randint(1, 60 if ms.overflow else 20))
        ms.applied = (ao, randint(480, 1410))

    # ids follow time: memberships by application, members by their first application
    all_ms.sort(key=lambda ms: ms.applied)
    for i, ms in enumerate(all_ms, start=1):
        ms.id = i
    for p in people:
        p.created = min(ms.applied for ms in p.ms)
    people.sort(key=lambda p: p.created)
    for i, p in enumerate(people, start=1):
        p.id = i

    # staff, referrals, tiers, nicknames, purposes, patterns, leave
    for gi, spec in enumerate(_GROUPS):
        g_ms = sorted(by_group[gi], key=lambda ms: ms.id)
        active = [ms for ms in g_ms if ms.status == "active"]
        n_staff = min(len(active) // 8, randint(5, 8) if spec.wechat else randint(10, 20))
        roles = [r for r in role_ids if not (gi == N_GROUPS - 1 and r == producer_role)]
        for i, ms in enumerate(rng.sample(active, max(1, n_staff)) if active else []):
            ms.roles = sorted({roles[i % len(roles)], rng.choice(roles)})
        earlier: list[_M] = []
        for ms in g_ms:
            if earlier and rand() < 0.12:
                ms.referrer = rng.choice(earlier[-300:])
            if ms.status == "active":
                earlier.append(ms)
                if rand() < 0.85:
                    ms.tier = tier_ids[min(bisect_right(tier_cum, rand() * tier_cum[-1]), len(tier_ids) - 1)]
            if ms.status != "applicant" or rand() < 0.7:
                ms.purpose = rng.choice(_PURPOSES)
            if rand() < 0.2:
                p = ms.p
                ms.nick = (
                    f"{p.city or '北京'}-{p.name}-{p.job or '自由职业'}"
                    if rand() < 0.6
                    else f"{p.name}（{p.job or '自由职业'}）"
                )
            if ms.joined_o is None:
                continue
            last = today_o if ms.left_o is None else ms.left_o - 1
            first = max(ms.joined_o, start_o)
            share = min(1.0, spec.checkin_share * CHECKIN_SCALE)
            if ms.roles:
                ms.pattern = _STEADY if rand() < max(0.5, share) else _NONE
            elif ms.joined_o >= today_o - 14 and ms.status == "active":
                ms.pattern = _STEADY if rand() < 0.7 * share else _NONE  # newcomers: keen, or silent
                if not ms.pattern:
                    last = first - 1  # a silent newcomer: nothing at all
            else:
                if rand() < 0.14:
                    last = min(last, today_o - randint(31, 75))  # went quiet
                if rand() < share:
                    r = rand()
                    if ms.status != "active":
                        ms.pattern = _FADING if r < 0.5 else _STREAKY if r < 0.85 else _STEADY
                    else:
                        ms.pattern = _STEADY if r < 0.3 else _STREAKY if r < 0.65 else _FADING
            ms.first, ms.last = first, last
            if ms.pattern and rand() < 0.05 and last - first > 14:
                cursor = first
                for _ in range(randint(1, 2)):
                    if last - cursor < 12:
                        break
                    s = randint(cursor + 1, last - 3)
                    e = min(last, s + randint(1, 9))
                    ms.leaves.append((s, e))
                    cursor = e + 2

    # ---- members, tags, memberships, roles
    member_rows, tag_rows, audit_pre = [], [], []
    member_add_by_day: dict[int, list[tuple]] = {}
    for p in people:
        keys = search_columns(p.name)  # the app's writers' keys, the other reading of the name included
        co, cm = p.created
        created = dts(co, cm)
        deleted = dts(min(yest_o, co + randint(5, 200)), 600) if rand() < 0.003 else None
        verified = None
        joined = [ms.joined_o for ms in p.ms if ms.joined_o is not None]
        if joined and rand() < 0.22:
            verified = ds(min(yest_o, min(joined) + randint(0, 7)))
        member_rows.append(
            (
                p.id,
                p.name,
                keys["initials"],
                keys["pinyin"],
                keys["initials_alt"],
                keys["pinyin_alt"],
                p.nick,
                p.wechat,
                p.phone,
                p.phone[-4:] if p.phone else None,
                p.gender,
                p.city,
                p.job,
                p.note,
                int(verified is not None),
                verified,
                int(p.seed),
                int(rand() < 0.01),
                created,
                created,
                deleted,
                None,
            )
        )
        for t in sorted(rng.sample(range(1, len(_TAGS) + 1), randint(1, 2))) if rand() < 0.35 else ():
            tag_rows.append((p.id, t))
        audit = (created, rng.choice(op_ids), "member.add", "member", p.id, json.dumps({"after": {"name": p.name}}))
        (audit_pre if co < start_o else member_add_by_day.setdefault(co, [])).append(audit)
    write(
        "member",
        "id, display_name, initials, pinyin, initials_alt, pinyin_alt, nickname, wechat_id, phone, phone_tail, gender, city, occupation, note,"
        " real_name_verified, verified_on, seed_user, points_opt_out, created_at, updated_at, deleted_at,"
        " merged_into_id",
        member_rows,
    )
    del member_rows
    write("member_tag", "member_id, tag_id", tag_rows)
    ms_rows, role_rows = [], []
    for ms in all_ms:
        spec = _GROUPS[ms.g]
        ao, am = ms.applied
        applied = dts(ao, am)
        reason = None
        if ms.status == "left":
            reason = rng.choice(_LEFT_REASONS)
        elif ms.status == "removed":
            reason = rng.choice(_REMOVED_REASONS)
        elif ms.status == "blacklisted":
            reason = "屡次发微商广告，警告无效，拉黑"
        ms_rows.append(
            (
                ms.id,
                ms.p.id,
                ms.g + 1,
                ms.status,
                ms.tier,
                ms.nick,
                applied,
                ms.joined,
                ms.left,
                reason,
                ms.referrer.p.id if ms.referrer is not None else None,
                ms.purpose,
                spec.fee_cents if ms.joined_o is not None else 0,
                applied,
                ms.left or ms.joined or applied,
            )
        )
        for r in ms.roles:
            role_rows.append((ms.id, r))
    write(
        "membership",
        "id, member_id, group_id, status, tier_id, group_nickname, applied_at, joined_at, left_at, left_reason,"
        " referrer_id, purpose, fee_paid_cents, created_at, updated_at",
        ms_rows,
    )
    del ms_rows
    write("membership_role", "membership_id, role_id", role_rows)

    # ---- entry-step progress (membership order = application order)
    sp_rows = []
    for ms in all_ms:
        steps = steps_of[ms.g]
        required = [s for s in steps if s[2]]
        optional = [s for s in steps if not s[2]]
        ao, am = ms.applied
        done: list[tuple[int, str, int, int]] = []  # (step id, code, day, minute)
        if ms.joined_o is not None:
            span = max(0, ms.joined_o - ao)
            for i, (st, code, _r) in enumerate(required):
                done.append((st, code, ao + span * i // max(1, len(required)), min(1430, am + 10 * i)))
            for st, code, _r in optional:
                if rand() < 0.4 and ms.joined_o + 3 <= yest_o:
                    done.append((st, code, ms.joined_o + randint(0, 3), randint(540, 1380)))
        elif ms.status == "onboarding":
            stalled = rand() < 0.45
            n = randint(1, max(1, len(required) - 1))
            last_o = today_o - randint(11, 25) if stalled else today_o - randint(0, 3)
            for i, (st, code, _r) in enumerate(required[:n]):
                done.append((st, code, min(max(ao, last_o - (n - 1 - i)), yest_o), randint(540, 1380)))
        elif rand() < 0.4:
            st, code, _r = required[0]
            done.append((st, code, ao, am))
        for st, code, o, minute in sorted(done):
            sp_rows.append(
                (
                    ms.id,
                    st,
                    dts(o, minute),
                    rng.choice(op_ids),
                    ms.purpose if code == "purpose" else None,
                    _GROUPS[ms.g].fee_cents if code == "fee" else None,
                    1 if code == "rules" else None,
                )
            )
    write(
        "step_progress",
        "membership_id, step_id, done_at, recorded_by, answer, amount_cents, rules_version",
        sp_rows,
    )
    del sp_rows

    # ---- leave
    leave_rows = []
    for ms in all_ms:
        for s, e in ms.leaves:
            leave_rows.append((ms.id, ds(s), ds(e), rng.choice(_LEAVE_REASONS), rng.choice(op_ids), dts(s - 1, 1300)))
    write("leave", "membership_id, start_day, end_day, reason, recorded_by, created_at", leave_rows)

    # ---- activities and attendance, contributions, violations, referrals, manual points: planned now, their
    # ledger entries queued on their day so the ledger is appended day by day with the check-ins
    ledger_by_day: dict[int, list[tuple]] = {}  # day -> (membership, group, points, reason, kind, source, at)

    def queue_points(o: int, ms: _M, pts: int, reason: str, kind: str, source: int | None, at: str) -> None:
        ledger_by_day.setdefault(o, []).append((ms.id, ms.g + 1, ds(o), pts, reason, kind, source, at))

    acts: list[tuple] = []  # (o, starts_at, gi, title, kind, series, edition, online, place, cap, hosts, created)
    att_plan: list[tuple[int, list[tuple[_M, str]]]] = []
    for gi, spec in enumerate(_GROUPS):
        g_ms = by_group[gi]
        d = start
        edition = 0
        used: set[int] = set()
        staff = [ms for ms in g_ms if ms.roles]
        while d <= today:
            m_first = d.toordinal()
            nd = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
            m_last = min(nd.toordinal() - 1, today_o + 7)
            for _ in range(randint(*spec.acts_per_month)):
                o = randint(m_first, m_last)
                if o in used or o > today_o + 7:
                    continue
                used.add(o)
                online = rand() < 0.8
                upcoming = o >= today_o
                edition += 1
                title = f"{spec.name[:4]}分享会 第{edition}期：{rng.choice(_TOPICS)}"
                minute = rng.choice((1170, 1200, 1230)) if online else rng.choice((540, 840, 900))
                starts = dts(o, minute)
                ends = dts(o, minute + (60 if online else 150))
                place = rng.choice(_ONLINE_PLACES) if online else f"{rng.choice(_CITIES[:8])}·活动室"
                cap = rng.choice((None, None, 200, 500)) if online else rng.choice((20, 30, 50))
                # who could come: members in their participation window that day
                want = len(g_ms) * (rng.uniform(0.08, 0.3) if spec.wechat else rng.uniform(0.01, 0.04))
                want = max(3, int(want * (1 if online else 0.3)))
                if cap is not None:
                    want = min(want, cap)
                pick: list[_M] = []
                seen: set[int] = set()
                for ms in rng.sample(g_ms, min(len(g_ms), want * 4)):
                    if len(pick) >= want:
                        break
                    if ms.joined_o is not None and ms.first <= o <= max(ms.last, today_o if upcoming else 0):
                        if upcoming and ms.status != "active":
                            continue
                        pick.append(ms)
                        seen.add(ms.id)
                hosts = [ms for ms in staff if ms.id in seen] or pick[:1]
                host = hosts[0] if hosts else None
                speakers = [ms for ms in pick if ms is not host][: randint(0, 2)]
                roles = {ms.id: "attendee" for ms in pick}
                for ms in speakers:
                    roles[ms.id] = "speaker"
                if host is not None:
                    roles[host.id] = "host"
                names = "、".join(x.p.name for x in ([host] if host else []) + speakers) or None
                created = dts(max(m_first - 7, o - randint(2, 7)), randint(540, 1380))
                series = f"{spec.name[:4]}分享会"
                acts.append(
                    (o, starts, gi, title, "knowledge_share", series, edition, online, place, cap, names, created, ends)
                )
                att_plan.append((len(acts) - 1, [(ms, roles[ms.id]) for ms in sorted(pick, key=lambda x: x.id)]))
            d = nd
    order = sorted(range(len(acts)), key=lambda i: (acts[i][1], acts[i][2]))
    act_id_of = {i: n + 1 for n, i in enumerate(order)}
    act_rows = []
    for i in order:
        o, starts, gi, title, kind, series, edition, online, place, cap, names, created, ends = acts[i]
        act_rows.append(
            (
                act_id_of[i],
                gi + 1,
                title,
                kind,
                series,
                edition,
                starts,
                ends,
                int(online),
                place,
                cap,
                names,
                1,
                created,
            )
        )
    write(
        "activity",
        "id, group_id, title, kind, series, edition, starts_at, ends_at, online, place, capacity, hosts, created_by,"
        " created_at",
        act_rows,
    )
    att_rows = []
    att_id = 0
    for ai, chosen in sorted(att_plan, key=lambda x: act_id_of[x[0]]):
        o, starts, gi, *_rest = acts[ai]
        online = acts[ai][7]
        upcoming = o >= today_o
        for ms, role in chosen:
            att_id += 1
            if upcoming:
                status = "registered"
            elif role != "attendee":
                status = "attended"
            else:
                r = rand()
                ok = 0.72 if online else 0.85
                status = "attended" if r < ok else "absent" if r < ok + (1 - ok) * 0.65 else "excused"
            att_rows.append((att_id, act_id_of[ai], ms.id, status, role, rng.choice(op_ids), starts))
            if status == "attended":
                code = "activity_online" if online else "activity_offline"
                queue_points(o, ms, points_of.get(code, 0), "参加活动", "attendance", att_id, starts)
                if role in ("host", "speaker"):
                    queue_points(o, ms, points_of.get("speaker", 0), "活动分享嘉宾", "attendance", att_id, starts)
    write("attendance", "id, activity_id, membership_id, status, role, recorded_by, updated_at", att_rows)
    del att_rows

    contrib = []  # (o, ms, kind, title)
    violations = []
    for ms in all_ms:
        if ms.joined_o is None or ms.first > min(ms.last, yest_o):
            continue
        span = ms.last - ms.first + 1
        n = 0
        if ms.pattern:
            n = int(span / 30 * rng.uniform(0.05, 0.5) + rand())
        for _ in range(n):
            r = rand()
            kind = "share" if r < 0.3 else "answer" if r < 0.6 else "post" if r < 0.95 else "other"
            contrib.append((randint(ms.first, min(ms.last, yest_o)), ms, kind, rng.choice(_TOPICS)))
        r = rand()
        if r < 0.005 or (ms.status in ("removed", "blacklisted") and r < 0.5):
            for _ in range(3 if (r < 0.0005 or ms.status != "active") else 1):
                violations.append((randint(ms.first, min(ms.last, yest_o)), ms))
    contrib.sort(key=lambda x: (x[0], x[1].id))
    c_rows = []
    for i, (o, ms, kind, topic) in enumerate(contrib, start=1):
        at = dts(o, randint(480, 1380))
        c_rows.append((i, ms.id, ms.g + 1, ds(o), kind, f"分享：{topic}", None, rng.choice(op_ids), at))
        if kind == "share":
            queue_points(o, ms, points_of.get("share", 0), "分享", "contribution", i, at)
    write("contribution", "id, membership_id, group_id, day, kind, title, link, recorded_by, created_at", c_rows)
    violations.sort(key=lambda x: (x[0], x[1].id))
    v_rows = []
    for i, (o, ms) in enumerate(violations, start=1):
        at = dts(o, randint(480, 1380))
        kind = rng.choice(("ad", "flood", "off_topic", "abuse", "other"))
        v_rows.append((i, ms.id, ms.g + 1, ds(o), kind, "群内发广告", "warning", rng.choice(op_ids), at))
        queue_points(o, ms, points_of.get("violation", 0), "违规", "violation", i, at)
    write("violation", "id, membership_id, group_id, day, kind, note, action, recorded_by, created_at", v_rows)
    ref_of = {}
    for gi in range(N_GROUPS):
        for ms in by_group[gi]:
            if ms.status == "active":
                ref_of[(ms.p.id, gi)] = ms
    for ms in all_ms:
        if ms.referrer is not None and ms.status == "active":
            referrer_ms = ref_of.get((ms.referrer.p.id, ms.g))
            if referrer_ms is not None:
                queue_points(
                    ms.joined_o, referrer_ms, points_of.get("referral", 0), "推荐入群", "referral", ms.id, ms.joined
                )
    for ms in rng.sample(all_ms, len(all_ms) // 1000):
        if ms.joined_o is not None and ms.first <= yest_o:
            o = randint(ms.first, yest_o)
            queue_points(o, ms, rng.choice((10, 15, 20, -5)), "优秀作业奖励", "manual", None, dts(o, 1200))
    plan_seconds = time.perf_counter() - t_plan

    # ---- the year, day by day: check-ins, their ledger entries, the day's other ledger entries, audit rows
    checkers = sorted((ms for ms in all_ms if ms.pattern and ms.first <= ms.last), key=lambda ms: ms.first)
    n_c = len(checkers)
    mid = [ms.id for ms in checkers]
    gid_ = [ms.g + 1 for ms in checkers]
    first_ = [ms.first for ms in checkers]
    last_ = [ms.last for ms in checkers]
    kind_ = [ms.pattern for ms in checkers]
    base_ = [rng.uniform(0.82, 0.96) if ms.pattern == _STEADY else rng.uniform(0.65, 0.85) for ms in checkers]
    span_ = [max(1, ms.last - ms.first) for ms in checkers]
    leave_ = [{d for s, e in ms.leaves for d in range(s, e + 1)} or None for ms in checkers]
    late_ok = [_GROUPS[ms.g].late_streak for ms in checkers]
    run_left = [randint(5, 20) for _ in range(n_c)]
    gap_left = [0] * n_c
    run = [0] * n_c
    times = []  # per group: 256 clock strings inside its window
    for spec in _GROUPS:
        lo, hi = spec.window
        times.append(
            [
                f"{m // 60:02d}:{m % 60:02d}:{randint(0, 59):02d}.000000"
                for m in sorted(randint(lo, hi) for _ in range(256))
            ]
        )
    late_times = [f"{m // 60:02d}:{m % 60:02d}:{randint(0, 59):02d}.000000" for m in range(540, 1320, 3)]
    today_times = [f"{m // 60:02d}:{m % 60:02d}:{randint(0, 59):02d}.000000" for m in range(300, 480)]
    ops_bits = op_ids
    ci_rows: list[tuple] = []
    pe_rows: list[tuple] = []
    au_rows: list[tuple] = list(audit_pre)
    ci_id = pe_id = 0
    nxt = 0
    live: list[int] = []
    n_ci = 0

    def flush() -> None:
        nonlocal ci_rows, pe_rows, au_rows
        write(
            "checkin",
            "id, membership_id, group_id, day, checked_at, logged_at, source, late, recorded_by",
            ci_rows,
        )
        write(
            "points_entry",
            "id, membership_id, group_id, day, points, reason, source_kind, source_id, reverses_id, operator_id,"
            " created_at",
            pe_rows,
        )
        write("audit_log", "at, operator_id, action, entity, entity_id, summary", au_rows)
        ci_rows, pe_rows, au_rows = [], [], []

    for o in sorted(o for o in ledger_by_day if o < start_o):
        for m, g, d_s, pts, reason, kind, src, at in ledger_by_day.pop(o):
            pe_id += 1
            pe_rows.append((pe_id, m, g, d_s, pts, reason, kind, src, None, 1, at))
    t_days = time.perf_counter()
    for o in range(start_o, today_o + 1):
        added = False
        while nxt < n_c and first_[nxt] <= o:
            live.append(nxt)
            nxt += 1
            added = True
        live = [i for i in live if last_[i] >= o]
        if added:
            live.sort(key=mid.__getitem__)
        day = ds(o)
        prefix = day + " "
        next_prefix = ds(o + 1) + " "
        is_today = o == today_o
        may_be_late = o <= today_o - 2
        batches: dict[tuple[int, str, bool], list[int]] = {}
        for i in live:
            lv = leave_[i]
            if lv is not None and o in lv:
                continue  # leave days neither count nor break a streak
            k = kind_[i]
            if k == _STREAKY:
                if gap_left[i] > 0:
                    gap_left[i] -= 1
                    p = 0.04
                else:
                    run_left[i] -= 1
                    p = 0.96
                    if run_left[i] <= 0:
                        gap_left[i], run_left[i] = randint(1, 6), randint(5, 20)
            elif k == _FADING:
                p = base_[i] - (base_[i] - 0.05) * (o - first_[i]) / span_[i]
            else:
                p = base_[i]
            if is_today:
                p *= 0.5  # today is not over yet
            if rand() >= p:
                run[i] = streaks.step_run(run[i], counted=False)
                continue
            late = may_be_late and rand() < 0.03
            g = gid_[i]
            if is_today:
                at = prefix + today_times[int(rand() * 180)]
            elif late:
                at = next_prefix + late_times[int(rand() * 260)]
            else:
                at = prefix + times[g - 1][int(rand() * 256)]
            r = rand()
            src = "manual" if late or r < 0.55 else "paste" if r < 0.95 else "import"
            ci_id += 1
            m = mid[i]
            rec = ops_bits[int(r * 6)]
            ci_rows.append((ci_id, m, g, day, at, at, src, int(late), rec))
            pe_id += 1
            pe_rows.append((pe_id, m, g, day, p_checkin, "补卡" if late else "打卡", "checkin", ci_id, None, rec, at))
            b = batches.get((g, src, late))
            if b is None:
                batches[(g, src, late)] = [m]
            else:
                b.append(m)
            run[i] = streaks.step_run(run[i], counted=not late or late_ok[i])
            if streaks.is_bonus(run[i]):
                pe_id += 1
                pe_rows.append((pe_id, m, g, day, p_streak, f"连续打卡{run[i]}天", "streak", ci_id, None, rec, at))
        for m, g, d_s, pts, reason, kind, src, at in ledger_by_day.pop(o, ()):
            pe_id += 1
            pe_rows.append((pe_id, m, g, d_s, pts, reason, kind, src, None, rng.choice(ops_bits), at))
        au_rows.extend(member_add_by_day.pop(o, ()))
        for (g, src, late), ids in batches.items():
            at = (next_prefix if late else prefix) + "23:10:00.000000"
            payload = {"after": {"day": day, "memberships": ids, "source": src, "late": late}}
            au_rows.append((at, rng.choice(ops_bits), "checkin.record", "group", g, json.dumps(payload)))
        n_ci = ci_id
        if len(ci_rows) >= FLUSH_ROWS:
            flush()
    for o in sorted(ledger_by_day):  # upcoming activities: nothing attended yet, but keep the rule general
        for m, g, d_s, pts, reason, kind, src, at in ledger_by_day.pop(o):
            pe_id += 1
            pe_rows.append((pe_id, m, g, d_s, pts, reason, kind, src, None, 1, at))
    flush()
    day_seconds = time.perf_counter() - t_days
    conn.execute("COMMIT")

    # ---- the dropped indexes, from their own SQL
    t_idx = time.perf_counter()
    index_seconds: dict[str, float] = {}
    conn.execute("BEGIN")
    for name, _tbl, sql in indexes:
        t = time.perf_counter()
        conn.execute(sql)
        index_seconds[name] = round(time.perf_counter() - t, 2)
    from models.kept import refresh_sql

    t = time.perf_counter()
    conn.execute(refresh_sql("sqlite"))
    # every membership's streak bonuses are those of the rule over its whole history (written by the same walk,
    # streaks.step_run): marked reconciled, as the check-in service leaves a member it has reconciled
    conn.execute("UPDATE membership SET streak_checked = 1")
    index_seconds["kept values"] = round(time.perf_counter() - t, 2)
    # the name pieces of the roster's search (models/search.py), kept by triggers dropped above: cut once here.
    # (Until generator v7 they were left empty: the workspaces of v5 got them from migration 0009, the first of v6
    # had none, and its search for '张' found 4 people in 4 ms.)
    from models.search import refresh_statements

    t = time.perf_counter()
    for sql in refresh_statements("sqlite"):
        conn.execute(sql)
    index_seconds["name pieces"] = round(time.perf_counter() - t, 2)
    for _name, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    idx_seconds = time.perf_counter() - t_idx
    conn.execute("PRAGMA ignore_check_constraints = OFF")
    conn.execute("PRAGMA locking_mode = NORMAL")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    total_seconds = time.perf_counter() - t_all
    rows = sum(counts.values())
    y, m = _previous_month(today)
    active_by_group = [sum(1 for ms in by_group[gi] if ms.status == "active") for gi in range(N_GROUPS)]
    meta = {
        "generator_version": GEN_VERSION,
        "schema": schema_head(),
        "seed": seed,
        "today": today.isoformat(),
        "history_start": start.isoformat(),
        "month": [y, m],
        "members": n_members,
        "counts": counts,
        "rows": rows,
        "checkins": n_ci,
        "seconds": {
            "total": round(total_seconds, 1),
            "planning": round(plan_seconds, 1),
            "executemany": round(t_insert, 1),
            "day_loop_including_inserts": round(day_seconds, 1),
            "index_rebuild": round(idx_seconds, 1),
        },
        "rows_per_second_overall": round(rows / total_seconds),
        "ceiling_rows_per_second": round(ceiling),
        "generated_at": datetime.now().isoformat(timespec="seconds"),
        "loadavg": f"{load_before} (before), {_loadavg()} (after)",
        "rows_per_second_executemany": round(rows / t_insert) if t_insert else None,
        "indexes_dropped_and_rebuilt": [name for name, _t, _s in indexes],
        "index_rebuild_seconds": index_seconds,
        "wechat_groups": [gi + 1 for gi in range(N_WECHAT_GROUPS)],
        "large_groups": [gi + 1 for gi in range(N_WECHAT_GROUPS, N_GROUPS)],
        "active_by_group": {str(gi + 1): n for gi, n in enumerate(active_by_group)},
        "memberships_by_group": {str(gi + 1): len(by_group[gi]) for gi in range(N_GROUPS)},
    }
    log(
        f"generated {path.name}: {rows:,} rows in {total_seconds:.1f}s = {rows / total_seconds:,.0f} rows/s overall "
        f"({n_ci:,} check-ins; executemany {t_insert:.1f}s, index rebuild {idx_seconds:.1f}s)"
    )
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=list(SIZES), default="large")
    parser.add_argument("--force", action="store_true", help="rebuild even when the cached file exists")
    args = parser.parse_args(argv)
    ws = ensure_workspace(args.size, force=args.force)
    print(json.dumps({k: ws.meta[k] for k in ("counts", "rows", "seconds", "rows_per_second_overall")}, indent=1))
    print(ws.path)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
