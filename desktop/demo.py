"""The demo workspace (`qundesk demo`, the window's "try it" button): realistic groups, members and months
of participation, generated deterministically from a seed and written with Core bulk inserts in one
transaction (ids given in Python, so rows reference each other without round trips).

Same seed + same `today` -> the same rows: every timestamp is derived from `today`; only the one audit
row records the real time of the build. Nothing but check-ins is dated `today` (its clock time is unknown).

The points ledger is what the group's rules award for the facts in the database (manual entries aside):
checkin per check-in (source_id = check-in id; a late one says "补卡"); streak7 each time a run reaches
a multiple of 7 (source 'streak', source_id = the check-in that reached it) where leave days neither
count nor break a run and a late check-in counts only when the group's late_checkins_count_for_streak is
set (otherwise it breaks the run); activity_online/offline for 'attended' plus speaker for speakers
(source 'attendance', source_id = attendance id); share per share contribution; violation per violation;
referral to the referrer's membership for each referred membership that is active or was and left
(points.referral_earned; source_id = the referred membership id, day = its join day).

CANONICAL_STEPS is re-exported from desktop.services.groups (one template for new groups and the demo).
How to add a group kind: add a `_Template` to `_TEMPLATES` (the first five are what `--groups 5` gets)."""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from random import Random

from sqlalchemy import Connection, Engine, func, insert, select, text

from desktop import streaks
from desktop.services.groups import CANONICAL_STEPS, DEFAULT_ROLES, DEFAULT_TIERS
from desktop.services.operators import OWNER_DEFAULT_NAME
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
    Operator,
    PointRule,
    PointsEntry,
    Role,
    RulesVersion,
    StepProgress,
    Tag,
    Tier,
    Violation,
    bulk,
    clock,
    member_tag,
    membership_role,
    utcnow,
)
from models.points import DEFAULT_LEVELS, DEFAULT_POINT_RULES
from models.search_keys import name_keys, search_columns

__all__ = ["CANONICAL_STEPS", "DemoCancelled", "DemoSummary", "build_demo"]

BATCH = 20_000  # rows per executemany; cancel and progress are checked between batches
_CHECKIN_COLUMNS = (
    "id",
    "membership_id",
    "group_id",
    "day",
    "checked_at",
    "logged_at",
    "source",
    "late",
    "recorded_by",
)
_POINT_COLUMNS = (
    "id",
    "membership_id",
    "group_id",
    "day",
    "points",
    "reason",
    "source_kind",
    "source_id",
    "operator_id",
    "created_at",
)
_DRIVER_WRITES = True  # False: every row through SQLAlchemy, values as Python objects (the tests' reference build)
_PLAIN = frozenset({str, int, float, bool, date, datetime, type(None)})  # values the driver takes as they are
OWNER_NAME = OWNER_DEFAULT_NAME
STALLED_DAYS = 10  # onboarding "stalled" = last step more than this many days ago
POINTS = {code: pts for code, pts, _label in DEFAULT_POINT_RULES}

# how the demo's people are drawn into the default tiers: near the target shares (DEFAULT_TIERS), not on them
DEMO_TIER_SPREAD = {"核心": 0.02, "大咖": 0.05, "中咖": 0.20, "普通": 0.73}


class DemoCancelled(Exception):
    """The caller's cancelled() returned True; the transaction was rolled back and nothing was written."""


@dataclass(frozen=True)
class DemoSummary:
    groups: int
    members: int
    memberships: int
    checkins: int
    activities: int
    attendance: int
    points_entries: int
    seconds: float


# ---------------------------------------------------------------------------------------------- content

_SURNAMES = (
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 高 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 潘 袁 蔡 "
    "蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈 钟 姜 崔 谭 陆 范 汪 廖 石 金 贾 夏 付 方 邹 熊 白 孟 秦 邱 侯 江 尹 "
    "薛 闫 段 雷 龙 黎 史 陶 贺 毛 郝 顾 龚 邵 万 覃 武 钱 戴 严 莫 孔 向 常 汤 康 易 乔 赖 文"
).split()
_SURNAME_WEIGHTS = tuple(1.0 / (i + 6) for i in range(len(_SURNAMES)))
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "慕容", "东方", "司徒", "皇甫")
_MALE_CHARS = "伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林建志文博晨阳轩峰亮成东海鸣睿哲"
_FEMALE_CHARS = "芳娜敏静丽艳娟霞燕玲丹萍红婷雪琳晶颖慧莹倩洁佳欣怡梦雨思月萱涵可馨璐瑶妍琪薇蓉"
_MALE_GIVEN = ("志强", "建华", "建国", "俊杰", "子轩", "浩然", "一鸣", "宇航", "文博", "思远", "家豪", "天佑")
_FEMALE_GIVEN = (
    "秀英",
    "桂英",
    "玉兰",
    "子涵",
    "欣怡",
    "雨涵",
    "梓萱",
    "一诺",
    "思琪",
    "晓燕",
    "娜娜",
    "婷婷",
)
_EMOJI = tuple("🌸 🌈 🍀 ☀️ 🌙 ⭐ 🍓 🐱 🐰 🎈 🌻 🍒 🦋 💫 🏃 📚 ☕ 🎵 🌿 🐳".split())
_LATIN_FIRST_F = (
    "Amy",
    "Lily",
    "Coco",
    "Jessica",
    "Cathy",
    "Vivian",
    "Sunny",
    "Grace",
    "Emma",
    "Iris",
    "Luna",
)
_LATIN_FIRST_M = ("Kevin", "Leo", "Tony", "Jack", "Eric", "David", "Frank", "Ryan", "Allen", "Jason", "Ben")
_LATIN_SURNAMES = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Lin")

_CITIES = (
    ("北京", 10),
    ("上海", 10),
    ("深圳", 8),
    ("广州", 7),
    ("杭州", 7),
    ("成都", 7),
    ("武汉", 5),
    ("南京", 5),
    ("西安", 4),
    ("重庆", 4),
    ("苏州", 4),
    ("长沙", 3),
    ("厦门", 3),
    ("天津", 3),
    ("青岛", 2),
    ("郑州", 2),
    ("合肥", 2),
    ("昆明", 2),
    ("大连", 1),
    ("佛山", 1),
    ("东莞", 1),
    ("宁波", 1),
    ("福州", 1),
    ("香港", 1),
)
_OCCUPATIONS = (
    ("程序员", 9),
    ("产品经理", 5),
    ("设计师", 5),
    ("教师", 6),
    ("学生", 9),
    ("全职妈妈", 5),
    ("销售", 5),
    ("会计", 4),
    ("医生", 2),
    ("护士", 3),
    ("自由职业", 5),
    ("创业者", 3),
    ("公务员", 3),
    ("运营", 5),
    ("律师", 1),
    ("HR", 3),
    ("摄影师", 1),
    ("健身教练", 1),
    ("退休", 2),
    ("工程师", 4),
    ("咖啡师", 1),
)
_NOTES = (
    "老客户推荐",
    "想做副业",
    "对线下活动感兴趣",
    "已加私聊",
    "沟通过课程价格",
    "需要开发票",
    "周末有空",
    "时差党，晚上打卡",
    "上期学员，复购",
    "比较内向，多鼓励",
    "可以做分享嘉宾",
    "有公众号，粉丝 2 万",
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
_STATUSES = ("active", "onboarding", "applicant", "left", "removed")
_STATUS_CUM = (0.76, 0.83, 0.875, 0.975, 1.0)
_LEAVE_REASONS = ("出差", "生病请假", "旅行", "考试周", "家里有事", "回老家", "加班赶项目", "孩子生病")
_LEFT_REASONS = (
    "工作太忙，没时间参与",
    "群消息太多，屏蔽了",
    "内容不感兴趣了",
    "已加入其他社群",
    "换了微信号",
    "对分享质量不满意",
    "觉得群里广告多",
    "课程结束",
    "没有达到预期",
    "个人原因",
)
_REMOVED_REASONS = (
    "多次发广告，已移出",
    "长期不打卡，按群规移出",
    "辱骂群友，已移出",
    "刷屏警告无效，已移出",
)
_BLACKLIST_REASON = "屡次发微商广告，警告无效，拉黑"
_GENERIC_PURPOSES = (
    "认识志同道合的朋友",
    "朋友推荐来的",
    "想提升自己",
    "想找人一起坚持",
    "看到公众号文章来的",
    "想学习经验",
    "想多认识同城的人",
)
_VIOLATION_NOTES = {
    "ad": ("群内发微商广告", "发二维码拉人进其他群", "私发广告被举报", "发砍价链接"),
    "flood": ("连续刷屏发表情包", "短时间连发 20 条消息", "刷屏发语音"),
    "off_topic": ("频繁聊与主题无关的内容", "发无关链接", "深夜闲聊刷屏"),
    "abuse": ("与群友争吵并辱骂", "人身攻击"),
    "other": ("冒充群管理员", "未经同意转发群内截图"),
}
_ANSWER_TITLES = ("回答新人提问", "解答群友疑问：{t}", "整理常见问题", "帮群友答疑")
_POST_TITLES = ("今日心得", "打卡感想：{t}", "我的周复盘", "晒晒今天的成果", "分享一张照片")
_SHARE_TITLES = ("分享好文：《{t}》", "推荐一本书：《{t}》", "经验分享：{t}", "资料分享：{t}")
_MANUAL_POINTS = (
    ("优秀作业奖励", 20),
    ("活动获奖", 30),
    ("积极答疑奖励", 15),
    ("补录上月积分", 10),
    ("群主额外奖励", 10),
    ("重复领取奖励，扣回", -5),
)
_ONLINE_PLACES = ("腾讯会议", "视频号直播", "群直播", "小鹅通直播间", "钉钉会议")


@dataclass(frozen=True)
class _Series:
    series: str | None  # None: a one-off activity (title = topic)
    kind: str
    online: bool
    weight: float
    topics: tuple[str, ...]


@dataclass(frozen=True)
class _Template:
    name: str
    multi: str  # name when the template is used more than once ({n} = 1, 2 ...)
    kind: str
    fee: int
    goal: str
    value: str
    threshold: str
    rituals: str
    sharing: str
    operators: str
    notice: str
    rules: str
    rules_v2: str | None  # a rule added later (rules version 2), or None
    purposes: tuple[str, ...]
    checkin_share: float  # share of members who check in at all
    window: tuple[int, int]  # check-in clock window, minutes after midnight
    late_streak: bool
    acts_per_month: tuple[int, int]
    series: tuple[_Series, ...]
    places: tuple[str, ...]
    contrib_rate: float  # contributions per engaged member per month


def _rules(*lines: str) -> str:
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))


_COMMON_RULES = ("禁止发广告、二维码和拉人链接", "禁止刷屏和发与主题无关的内容", "友善交流，不做人身攻击")

_TEMPLATES: tuple[_Template, ...] = (
    _Template(
        name="早起打卡营",
        multi="早起打卡营{n}群",
        kind="user",
        fee=0,
        goal="帮助大家养成 6 点前起床的习惯，用早晨的一小时做最重要的事。",
        value="每天有人一起早起；每周一次早起经验分享；连续打卡有积分和小奖品。",
        threshold="回答进群目的，承诺连续 21 天早起打卡，三次不打卡需说明原因。",
        rituals="新人自我介绍 + 晒一张早晨的照片；每天 6:30 前在群里接龙打卡。",
        sharing="每周日晚 8 点早起分享会，由群友轮流分享早起心得。",
        operators="群主负责方向；2 名日常运营负责每日接龙统计；助理负责新人欢迎。",
        notice="进群请修改群昵称为「城市-姓名-职业」，每天 6:30 前接龙打卡，请假请提前在群里说明。",
        rules=_rules(
            "每天 6:30 前接龙打卡，格式：序号 + 群昵称 + 起床时间",
            *_COMMON_RULES,
            "连续 7 天未打卡且未请假将被请出群",
        ),
        rules_v2="请假请提前一天在群里 @日常运营，请假期间不计入打卡率",
        purposes=(
            "想养成早起习惯",
            "早上总是起不来，想找人监督",
            "想利用早上时间学习",
            "想调整作息，身体更健康",
        ),
        checkin_share=0.93,
        window=(300, 450),
        late_streak=False,
        acts_per_month=(2, 4),
        series=(
            _Series(
                "早起分享会",
                "knowledge_share",
                True,
                3,
                ("如何 5 点起床不犯困", "晨间日记怎么写", "早起后的黄金一小时", "早睡才能早起"),
            ),
            _Series("晨间冥想直播", "expert_live", True, 1, ("十分钟正念冥想", "呼吸练习入门", "冥想与专注力")),
            _Series(None, "prize_interaction", True, 1, ("早起打卡有奖问答", "晒早餐抽奖")),
        ),
        places=("朝阳公园南门", "星巴克（人民广场店）"),
        contrib_rate=0.25,
    ),
    _Template(
        name="每月一本书读书会",
        multi="每月一本书读书会{n}群",
        kind="learning",
        fee=0,
        goal="每月共读一本好书，用输出倒逼输入。",
        value="共读书单、每周读书分享会、读书笔记互评。",
        threshold="回答进群目的，每月至少提交一篇读书笔记。",
        rituals="新人自我介绍并推荐一本最近读过的书；每天读书打卡。",
        sharing="每周六晚读书分享会，每月一次线下读书沙龙。",
        operators="策划负责选书与分享会排期；输出者轮流领读；助理整理读书笔记合集。",
        notice="读书打卡格式：今日阅读页数 + 一句摘抄。请勿在群内传播盗版电子书。",
        rules=_rules("每天读书打卡，晚上 12 点前有效", "禁止分享盗版电子书", *_COMMON_RULES),
        rules_v2=None,
        purposes=("想多读书", "一个人读书坚持不下去", "想认识爱读书的朋友", "想提高写作能力"),
        checkin_share=0.62,
        window=(1200, 1425),
        late_streak=True,
        acts_per_month=(2, 4),
        series=(
            _Series(
                "读书分享会",
                "knowledge_share",
                True,
                3,
                (
                    "《原则》",
                    "《被讨厌的勇气》",
                    "《人类简史》",
                    "《认知觉醒》",
                    "《活着》",
                    "《穷查理宝典》",
                ),
            ),
            _Series("线下读书沙龙", "offline_meetup", False, 1, ("书与咖啡", "我最喜欢的一本书")),
        ),
        places=("西西弗书店", "言几又书店", "社区图书馆活动室"),
        contrib_rate=0.45,
    ),
    _Template(
        name="城市夜跑团",
        multi="城市夜跑团{n}群",
        kind="hobby",
        fee=0,
        goal="一起跑步，科学训练，安全完赛。",
        value="每周约跑、训练计划、装备团购、比赛组队报名。",
        threshold="回答进群目的，能连续跑 3 公里。",
        rituals="新人自我介绍 + 晒一张跑步截图；跑完在群里打卡。",
        sharing="每月一次跑步训练直播，每周末线下约跑。",
        operators="日常运营统计打卡与约跑报名；输出者负责训练计划；客服负责装备团购。",
        notice="约跑请自备水和反光背心，夜跑注意安全。群内禁止私下售卖装备。",
        rules=_rules("跑完在群内发截图打卡", *_COMMON_RULES, "约跑活动报名后不能参加请提前说明"),
        rules_v2="线下约跑须签署安全免责声明",
        purposes=("想坚持跑步", "准备跑第一个半马", "想找人一起夜跑", "减肥", "认识同城跑友"),
        checkin_share=0.55,
        window=(1110, 1350),
        late_streak=False,
        acts_per_month=(2, 5),
        series=(
            _Series("周末约跑", "offline_meetup", False, 3, ("奥森 10 公里", "滨江绿道 LSD", "公园间歇跑")),
            _Series("跑步训练直播", "expert_live", True, 1, ("如何避免跑步膝", "半马训练计划", "跑步呼吸与配速")),
            _Series(None, "prize_interaction", True, 1, ("月跑量排行有奖", "晒跑鞋抽奖")),
        ),
        places=("奥林匹克森林公园南门", "滨江绿道起点", "体育中心东门"),
        contrib_rate=0.2,
    ),
    _Template(
        name="21天写作训练营",
        multi="21天写作训练营第{n}期",
        kind="camp",
        fee=19900,
        goal="21 天从零开始写作，每天完成一篇 500 字练习。",
        value="系统写作课程、导师点评、优秀作业推荐到公众号。",
        threshold="缴纳 199 元学费，完成全部入营步骤。",
        rituals="开营仪式、新人自我介绍 + 爆照；每天提交作业打卡；结营颁奖典礼。",
        sharing="每周两次写作直播课，导师每日点评作业。",
        operators="班主任（日常运营）督促作业；助教（助理）答疑；客服处理退费与发票。",
        notice="学费缴纳后 3 天内可无理由退费。作业打卡截止时间为每晚 23:59。",
        rules=_rules("每天 23:59 前提交作业打卡", "作业须原创，抄袭取消结营资格", *_COMMON_RULES),
        rules_v2="累计 3 次未交作业将失去优秀学员评选资格",
        purposes=(
            "想学写作",
            "想运营自己的公众号",
            "工作需要提高文字能力",
            "想做副业写稿",
            "上期没坚持下来，再来一次",
        ),
        checkin_share=0.88,
        window=(1140, 1439),
        late_streak=False,
        acts_per_month=(4, 6),
        series=(
            _Series(
                "写作直播课",
                "course",
                True,
                4,
                ("如何找选题", "开头三句话", "结构与逻辑", "标题的技巧", "修改的艺术"),
            ),
            _Series(None, "opening_ceremony", True, 0.4, ("开营仪式",)),
            _Series(None, "award_ceremony", True, 0.4, ("结营颁奖典礼",)),
        ),
        places=("共享办公室会议室",),
        contrib_rate=0.6,
    ),
    _Template(
        name="小鹿咖啡粉丝群",
        multi="小鹿咖啡粉丝{n}群",
        kind="brand",
        fee=0,
        goal="小鹿咖啡官方粉丝群：新品第一时间尝鲜，粉丝专属福利。",
        value="新品试喝、会员专属优惠券、线下品鉴会。",
        threshold="小鹿咖啡会员，回答进群目的。",
        rituals="新人自我介绍，晒一张你的小鹿咖啡。",
        sharing="每月新品品鉴会，咖啡师直播教你做拿铁拉花。",
        operators="品牌运营负责活动；客服处理订单与售后；助理发放优惠券。",
        notice="优惠券仅限本人使用，禁止倒卖。售后问题请私聊客服。",
        rules=_rules(*_COMMON_RULES, "售后问题请私聊客服，不在群内讨论"),
        rules_v2=None,
        purposes=("想领优惠券", "喜欢小鹿咖啡", "想参加品鉴会", "朋友拉我进来的"),
        checkin_share=0.12,
        window=(480, 1320),
        late_streak=False,
        acts_per_month=(2, 3),
        series=(
            _Series("新品品鉴会", "offline_meetup", False, 1, ("秋季新品", "冷萃系列", "桂花拿铁")),
            _Series("咖啡师直播", "expert_live", True, 1, ("拿铁拉花入门", "手冲咖啡", "咖啡豆怎么选")),
            _Series(None, "prize_interaction", True, 2, ("晒单抽奖", "评论区有奖互动", "猜新品名称赢周边")),
        ),
        places=("小鹿咖啡（国贸店）", "小鹿咖啡（万象城店）"),
        contrib_rate=0.15,
    ),
    _Template(
        name="英语晨读营",
        multi="英语晨读营第{n}期",
        kind="camp",
        fee=9900,
        goal="每天早上 15 分钟英语晨读，30 天开口说英语。",
        value="每日晨读材料、外教发音纠正、晨读打卡排行榜。",
        threshold="缴纳 99 元学费。",
        rituals="开营仪式；每天 7:30 前提交晨读音频打卡。",
        sharing="每周一次外教直播课。",
        operators="班主任负责打卡统计；助教纠音；客服处理退费。",
        notice="晨读音频请控制在 2 分钟以内。",
        rules=_rules("每天 7:30 前提交晨读音频", *_COMMON_RULES),
        rules_v2="每周至少打卡 5 天才能参加结营评优",
        purposes=("想提高英语口语", "准备出国", "工作需要英语", "给孩子做榜样"),
        checkin_share=0.85,
        window=(360, 480),
        late_streak=False,
        acts_per_month=(3, 5),
        series=(
            _Series("外教直播课", "course", True, 3, ("连读与弱读", "自我介绍怎么说", "职场英语", "旅行英语")),
            _Series(None, "opening_ceremony", True, 0.4, ("开营仪式",)),
        ),
        places=("线下英语角咖啡馆",),
        contrib_rate=0.3,
    ),
    _Template(
        name="效率手账用户群",
        multi="效率手账用户{n}群",
        kind="product",
        fee=0,
        goal="效率手账 App 用户交流与反馈。",
        value="新功能内测、使用技巧、用户共创模板。",
        threshold="效率手账注册用户。",
        rituals="新人自我介绍，分享一个你的手账页面。",
        sharing="每月一次产品经理直播答疑。",
        operators="产品运营负责收集反馈；客服处理账号问题。",
        notice="Bug 反馈请附截图和机型。",
        rules=_rules(*_COMMON_RULES, "反馈问题请按模板填写"),
        rules_v2="新增：内测版本内容禁止外传",
        purposes=("反馈 Bug", "想学手账技巧", "参加内测", "喜欢这个 App"),
        checkin_share=0.2,
        window=(420, 1380),
        late_streak=False,
        acts_per_month=(1, 3),
        series=(
            _Series("产品经理直播答疑", "expert_live", True, 1, ("新版本功能介绍", "模板共创", "你问我答")),
            _Series("手账技巧分享", "knowledge_share", True, 1, ("周计划怎么做", "习惯追踪模板", "年度复盘")),
        ),
        places=("公司开放日会议室",),
        contrib_rate=0.3,
    ),
    _Template(
        name="宝妈成长交流群",
        multi="宝妈成长交流{n}群",
        kind="user",
        fee=0,
        goal="宝妈互助：育儿经验交流，妈妈自我成长。",
        value="育儿专家直播、好物分享、同城遛娃聚会。",
        threshold="回答进群目的，宝妈或准妈妈。",
        rituals="新人自我介绍（宝宝月龄 + 城市）。",
        sharing="每周育儿干货分享，每月专家直播。",
        operators="日常运营负责话题；输出者分享育儿经验；助理维护秩序。",
        notice="群内禁止代购和推销。育儿问题仅供参考，身体不适请就医。",
        rules=_rules(*_COMMON_RULES, "禁止代购和推销"),
        rules_v2=None,
        purposes=("想交流育儿经验", "新手妈妈很焦虑", "想找同城宝妈", "想在带娃之余提升自己"),
        checkin_share=0.3,
        window=(1260, 1410),
        late_streak=False,
        acts_per_month=(2, 4),
        series=(
            _Series(
                "育儿干货分享",
                "knowledge_share",
                True,
                2,
                ("辅食添加", "宝宝睡眠", "早教游戏", "幼儿园入园准备"),
            ),
            _Series("专家直播", "expert_live", True, 1, ("儿科医生答疑", "儿童心理")),
            _Series("同城遛娃", "offline_meetup", False, 1, ("公园野餐", "亲子绘本会")),
        ),
        places=("城市公园草坪", "亲子绘本馆"),
        contrib_rate=0.35,
    ),
    _Template(
        name="摄影爱好者交流群",
        multi="摄影爱好者交流{n}群",
        kind="hobby",
        fee=0,
        goal="用镜头记录生活，一起进步。",
        value="每周作业点评、外拍活动、器材交流。",
        threshold="回答进群目的，发一张自己拍的照片。",
        rituals="新人自我介绍 + 作品一张。",
        sharing="每周作业点评，每月外拍。",
        operators="策划负责外拍；输出者点评作业。",
        notice="转载作品请注明作者。",
        rules=_rules(*_COMMON_RULES, "转载作品请注明作者"),
        rules_v2="外拍活动请遵守场地规定",
        purposes=("想学摄影", "刚买相机", "想参加外拍", "喜欢拍照"),
        checkin_share=0.25,
        window=(480, 1380),
        late_streak=False,
        acts_per_month=(2, 3),
        series=(
            _Series("周末外拍", "offline_meetup", False, 1, ("城市街拍", "公园人像", "夜景")),
            _Series("作业点评", "knowledge_share", True, 2, ("构图", "光影", "后期调色")),
        ),
        places=("老城区步行街", "植物园"),
        contrib_rate=0.4,
    ),
    _Template(
        name="自媒体运营研习社",
        multi="自媒体运营研习社{n}群",
        kind="self_media",
        fee=0,
        goal="自媒体人交流运营经验，共同涨粉。",
        value="平台规则解读、爆款拆解、互推资源。",
        threshold="有自己的自媒体账号。",
        rituals="新人自我介绍（账号名 + 领域 + 粉丝数）。",
        sharing="每周爆款拆解，每月大咖直播。",
        operators="日常运营组织互推；输出者做爆款拆解。",
        notice="互推请在周五互推时间进行。",
        rules=_rules(*_COMMON_RULES, "互推只在周五进行"),
        rules_v2=None,
        purposes=("想涨粉", "想学习运营", "找互推资源", "想变现"),
        checkin_share=0.4,
        window=(600, 1410),
        late_streak=False,
        acts_per_month=(2, 4),
        series=(
            _Series("爆款拆解", "knowledge_share", True, 2, ("小红书爆款笔记", "公众号 10 万+", "短视频开头")),
            _Series("大咖直播", "expert_live", True, 1, ("从 0 到 10 万粉", "知识付费变现")),
        ),
        places=("联合办公空间",),
        contrib_rate=0.5,
    ),
    _Template(
        name="健身减脂打卡群",
        multi="健身减脂打卡{n}群",
        kind="hobby",
        fee=0,
        goal="科学健身，健康减脂。",
        value="训练计划、饮食建议、每日打卡互相监督。",
        threshold="回答进群目的，每周至少打卡 3 次。",
        rituals="新人自我介绍 + 晒体重（可选）。",
        sharing="每周健身教练直播。",
        operators="日常运营统计打卡；输出者（教练）答疑。",
        notice="受伤请就医，群内建议仅供参考。",
        rules=_rules("每天运动后打卡", *_COMMON_RULES),
        rules_v2=None,
        purposes=("减肥", "想练出马甲线", "找人监督运动", "体检指标不好"),
        checkin_share=0.75,
        window=(360, 1380),
        late_streak=False,
        acts_per_month=(2, 4),
        series=(_Series("教练直播", "expert_live", True, 2, ("HIIT 入门", "减脂饮食", "居家训练")),),
        places=("健身房",),
        contrib_rate=0.25,
    ),
    _Template(
        name="AI编程学习群",
        multi="AI编程学习{n}群",
        kind="learning",
        fee=0,
        goal="一起学习 AI 与编程，做出自己的小项目。",
        value="学习路线、项目实战、代码互评。",
        threshold="回答进群目的。",
        rituals="新人自我介绍（技术栈 + 想做的项目）。",
        sharing="每周技术分享，每月项目路演。",
        operators="策划负责分享排期；输出者做技术分享；助理整理资料。",
        notice="提问请附代码和报错信息。",
        rules=_rules(*_COMMON_RULES, "提问请附代码和报错信息"),
        rules_v2="分享的代码请注明开源协议",
        purposes=("想学 Python", "想做 AI 应用", "转行做程序员", "工作需要"),
        checkin_share=0.45,
        window=(1200, 1439),
        late_streak=False,
        acts_per_month=(2, 4),
        series=(
            _Series(
                "技术分享",
                "knowledge_share",
                True,
                3,
                ("Python 入门", "大模型 API 调用", "RAG 实战", "写一个小爬虫"),
            ),
            _Series("项目路演", "other", True, 1, ("月度项目路演",)),
        ),
        places=("联合办公空间",),
        contrib_rate=0.4,
    ),
)


# ---------------------------------------------------------------------------------------------- plans


class _Person:
    __slots__ = tuple("id name gender nickname wechat phone city occupation note seed verified_at created ms".split())

    def __init__(self, pid: int):
        self.id = pid
        self.ms: list[_Ms] = []
        self.verified_at: datetime | None = None
        self.created: datetime | None = None


class _Grp:
    __slots__ = tuple("id idx t name created created_o cap weight steps rv2_at ms lacks_producer".split())

    def __init__(self, idx: int):
        self.idx = idx
        self.ms: list[_Ms] = []
        self.steps: list[tuple[int, str, bool]] = []  # (step id, code, required)


class _Ms:
    __slots__ = tuple(
        "id p g status tier applied joined left left_reason referrer purpose fee nick roles pattern"
        " silent_cut leaves stalled done step_times overflow".split()
    )

    def __init__(self, p: _Person, g: _Grp):
        self.p, self.g = p, g
        self.status = "active"
        self.tier: int | None = None
        self.applied: datetime | None = None
        self.joined: datetime | None = None
        self.left: datetime | None = None
        self.left_reason: str | None = None
        self.referrer: _Ms | None = None
        self.purpose: str | None = None
        self.fee = 0
        self.nick: str | None = None
        self.roles: list[int] = []
        self.pattern: str | None = None  # steady / streaky / fading / newcomer / None (never checks in)
        self.silent_cut: int | None = None  # ordinal of the last day with any participation
        self.leaves: list[tuple[int, int]] = []
        self.stalled = False
        self.done = 0  # onboarding: number of required steps done
        self.step_times: list[datetime] = []  # onboarding: when those steps were done
        self.overflow = False  # beyond the group's ~500 seats: left earlier, or waiting


def _history_start(today: date, months: int) -> date:
    y, m = today.year, today.month - (months - 1)
    while m <= 0:
        y, m = y - 1, m + 12
    return date(y, m, 1)


def _dt(ordinal: int, minutes: int) -> datetime:
    return datetime.fromordinal(ordinal) + timedelta(minutes=minutes)


def _fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


class _Builder:
    def __init__(
        self,
        conn: Connection,
        seed: int,
        today: date,
        start: date,
        n_groups: int,
        n_members: int,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ):
        self.conn, self.rng, self.seed = conn, Random(seed), seed
        # chat messages draw from their own generator: the rest of the demo stays what it was for a seed
        self.chat_rng = Random(seed * 7919 + 11)
        self.chat_rows: list[dict] = []
        self.today, self.start = today, start
        self.today_o, self.start_o = today.toordinal(), start.toordinal()
        self.yest_o = self.today_o - 1
        self.latest = _dt(self.yest_o, 23 * 60)  # nothing but check-ins happens on `today` (its clock is unknown)
        self.n_groups, self.n_members = n_groups, n_members
        self._progress, self._cancelled = progress, cancelled
        self.done, self.total = 0, 1
        self.counts: dict[str, int] = {}
        self.points: list[tuple] = []  # ledger rows in the order of _POINT_COLUMNS
        self.next_point = 1

    # ---- writing

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise DemoCancelled("演示数据生成已取消 (demo cancelled)")

    def step(self, n: int = 1) -> None:
        self.done = min(self.total, self.done + n)
        if self._progress is not None:
            self._progress(self.done, self.total)

    def write(self, table, rows: list[dict]) -> None:
        """Insert `rows` (dicts) in batches. Rows of plain values with the same keys go through the driver's
        own executemany (models/bulk.py: SQLAlchemy's per-row parameter processing was half the demo's time);
        anything else (a JSON detail, a differing row) through SQLAlchemy."""
        for i in range(0, len(rows), BATCH):
            self.check()
            batch = rows[i : i + BATCH]
            if not batch:
                continue
            columns = tuple(batch[0])
            same_keys = all(map(columns.__eq__, map(tuple, batch)))
            values = list(zip(*map(dict.values, batch), strict=True)) if same_keys else []
            if _DRIVER_WRITES and same_keys and all(set(map(type, column)) <= _PLAIN for column in values):
                self._insert(table, columns, bulk.columns_to_rows(self.conn, values))
            else:
                self.conn.execute(insert(table), batch)
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)

    def write_rows(self, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
        """Insert `rows`, tuples of plain values in the order of `columns` (the check-ins and the ledger: the
        bulk of a demo, made as tuples because a dict per row was a tenth of the build)."""
        for i in range(0, len(rows), BATCH):
            self.check()
            if _DRIVER_WRITES:
                self._insert(table, columns, bulk.rows_for(self.conn, rows[i : i + BATCH]))
            else:
                self.conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows[i : i + BATCH]])
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)

    def _insert(self, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
        names = ", ".join(columns)
        marks = ", ".join("?" * len(columns))
        bulk.execute_many(self.conn, f"INSERT INTO {table.name} ({names}) VALUES ({marks})", rows, adapted=True)

    def next_id(self, table) -> int:
        return int(self.conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1

    def rand_o(self, lo: int, hi: int) -> int:
        return lo if hi <= lo else self.rng.randint(lo, hi)

    def clamp(self, t: datetime, hi: datetime | None = None) -> datetime:
        hi = min(hi, self.latest) if hi is not None else self.latest
        return t if t <= hi else hi

    def point(
        self, ms: _Ms, day: date | str, pts: int, reason: str, kind: str, source: int | None, at: datetime | str
    ) -> None:
        """A ledger row; `day` and `at` as Python values or already as the driver stores them (bulk.Values)."""
        self.points.append((self.next_point, ms.id, ms.g.id, day, pts, reason, kind, source, self.op, at))
        self.next_point += 1

    # ---- the whole build

    def run(self) -> dict[str, int]:
        from models import kept, search

        self.check()
        # On SQLite the triggers of the kept values and of the name pieces are set aside while the history is
        # written (one UPDATE of a membership per check-in and ledger row made the demo 3x slower; cutting each
        # name as it is written was another 8%), and both are computed once at the end; so are the secondary
        # indexes of the two biggest tables (one sort each instead of a b-tree insert per row). The same
        # transaction creates them all again, so an error or a cancel restores them.
        # On a team server all of it stays: dropping a trigger or an index needs the tables' owner.
        set_aside = self.conn.dialect.name == "sqlite"
        if set_aside:
            if not self.conn.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
                # Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE: without this BEGIN the
                # DROP TRIGGER would be committed at once and a failed demo would leave the triggers dropped
                self.conn.exec_driver_sql("BEGIN")
            kept.uninstall(self.conn)
            search.uninstall(self.conn)
            indexes = _set_indexes_aside(self.conn, _BIG_TABLES)
        self.setup_workspace()
        self.plan_groups()
        self.plan_people()
        self.plan_memberships()
        self.total = 17 + len(self.memberships)  # 16 table steps + one per membership + the audit row
        self.step(0)
        self.write_people_and_groups()
        self.write_memberships()
        self.write_participation()
        self.write_checkins()
        self.write_audit()
        self.fix_sequences()
        if set_aside:
            for sql in indexes:
                self.conn.exec_driver_sql(sql)
            search.refresh(self.conn)
            search.install(self.conn)
        kept.refresh(self.conn)  # chat days have no trigger (models/kept.py); on SQLite, every value
        if set_aside:
            kept.install(self.conn)
        self.step(self.total)
        return self.counts

    def setup_workspace(self) -> None:
        c = self.conn
        self.op = c.execute(select(Operator.id).where(Operator.role == "owner").order_by(Operator.id)).scalar()
        if self.op is None:
            self.op = c.execute(select(Operator.id).order_by(Operator.id)).scalar()
        if self.op is None:
            self.op = self.next_id(Operator.__table__)
            self.write(
                Operator.__table__,
                [
                    {
                        "id": self.op,
                        "name": OWNER_NAME,
                        "role": "owner",
                        "password_hash": None,
                        "active": True,
                        "created_at": _dt(self.start_o - 500, 9 * 60),
                    }
                ],
            )
        if not c.execute(select(Tier.id).limit(1)).first():
            tid = self.next_id(Tier.__table__)
            self.write(
                Tier.__table__,
                [{"id": tid + i, "name": n, "rank": r, "target_share": s} for i, (n, r, s) in enumerate(DEFAULT_TIERS)],
            )
        if not c.execute(select(Role.id).limit(1)).first():
            rid = self.next_id(Role.__table__)
            self.write(Role.__table__, [{"id": rid + i, "name": n} for i, n in enumerate(DEFAULT_ROLES)])
        tiers = c.execute(select(Tier.id, Tier.name, Tier.target_share).order_by(Tier.rank, Tier.id)).all()
        self.tier_ids = [t.id for t in tiers]
        # a default tier draws its people with DEMO_TIER_SPREAD (a demo group a little off its 5/20/75 target, with
        # a couple of core members, as real groups are); any other tier by its target share
        shares = [max(0.0, DEMO_TIER_SPREAD.get(t.name, t.target_share or 0.0)) for t in tiers]
        self.tier_cum = list(_cumulative(shares if sum(shares) > 0 else [1.0] * len(shares)))
        roles = dict(c.execute(select(Role.name, Role.id)).all())
        spare = [rid for name, rid in sorted(roles.items(), key=lambda x: x[1]) if name not in DEFAULT_ROLES]

        def role(name: str) -> int | None:  # a renamed role set: use the other roles in id order
            return roles[name] if name in roles else (spare.pop(0) if spare else None)

        self.role_ops, self.role_plan, self.role_producer = role("日常运营"), role("策划"), role("输出者")
        self.role_assist, self.role_service = role("助理"), role("客服")
        existing = dict(c.execute(select(Tag.name, Tag.id)).all())
        tid = self.next_id(Tag.__table__)
        new_tags = []
        for name, color in _TAGS:
            if name not in existing:
                existing[name] = tid
                new_tags.append({"id": tid, "name": name, "color": color})
                tid += 1
        self.write(Tag.__table__, new_tags)
        self.tags = existing

    # ---- groups

    def plan_groups(self) -> None:
        rng = self.rng
        uses: dict[int, int] = {}
        n_t = len(_TEMPLATES)
        total_uses = [(self.n_groups - i + n_t - 1) // n_t for i in range(n_t)]
        self.groups: list[_Grp] = []
        gid = self.next_id(Group.__table__)
        for i in range(self.n_groups):
            ti = i % n_t
            t = _TEMPLATES[ti]
            uses[ti] = uses.get(ti, 0) + 1
            g = _Grp(i)
            g.id, g.t = gid + i, t
            g.name = t.multi.format(n=uses[ti]) if total_uses[ti] > 1 else t.name
            g.created_o = self.start_o - rng.randint(25, 420)
            g.created = _dt(g.created_o, rng.randint(540, 1260))
            g.cap = rng.randint(440, 515)
            g.weight = rng.uniform(0.35, 1.65) * (1.3 if i < 5 else 1.0)
            g.rv2_at = None
            if t.rules_v2 and self.start_o <= self.yest_o:
                g.rv2_at = _dt(self.rand_o(self.start_o, self.yest_o), rng.randint(540, 1320))
            elif t.rules_v2:
                g.rv2_at = _dt(self.start_o - rng.randint(1, 15), rng.randint(540, 1320))
            g.lacks_producer = False
            self.groups.append(g)
        if self.n_groups >= 3:
            self.groups[-1].lacks_producer = True  # one role-coverage gap for the health dashboard

    # ---- people

    def plan_people(self) -> None:
        rng = self.rng
        self.people: list[_Person] = []
        wechats: set[str] = set()
        phones: set[str] = set()
        prefixes = [f"13{d}" for d in range(10)] + [f"15{d}" for d in "012356789"] + [f"18{d}" for d in range(10)]
        cities = [c for c, _w in _CITIES]
        city_cum = list(_cumulative([w for _c, w in _CITIES]))
        occs = [o for o, _w in _OCCUPATIONS]
        occ_cum = list(_cumulative([w for _o, w in _OCCUPATIONS]))
        sur_cum = list(_cumulative(_SURNAME_WEIGHTS))
        pid = 1  # the member table is empty (checked), so ids start at 1
        for i in range(self.n_members):
            p = _Person(pid + i)
            female = rng.random() < 0.58
            p.gender = "female" if female else "male"
            if rng.random() < 0.01:
                p.gender = "other"
            r = rng.random()
            given_pool = _FEMALE_CHARS if female else _MALE_CHARS
            surname = (
                rng.choice(_COMPOUND_SURNAMES)
                if rng.random() < 0.012
                else rng.choices(_SURNAMES, cum_weights=sur_cum)[0]
            )
            if rng.random() < 0.15:
                given = rng.choice(_FEMALE_GIVEN if female else _MALE_GIVEN)
            elif rng.random() < 0.4:
                given = rng.choice(given_pool)
            else:
                given = rng.choice(given_pool) + rng.choice(given_pool)
            real = surname + given
            if i == 0:  # the classic example name, so typing `zs` finds 张三 in every demo workspace
                real, r, female, p.gender = "张三", 1.0, False, "male"
            p.nickname = None
            if r < 0.10:  # emoji / full-width nickname as the display name
                k = rng.random()
                ch = rng.choice(given_pool)
                if k < 0.3:
                    p.name = rng.choice(_EMOJI) + "小" + ch
                elif k < 0.55:
                    p.name = "阿" + ch + rng.choice(_EMOJI)
                elif k < 0.75:
                    p.name = _fullwidth(rng.choice(_LATIN_FIRST_F if female else _LATIN_FIRST_M).upper())
                elif k < 0.9:
                    p.name = "～" + rng.choice(("小鱼", "小鹿", "橙子", "阿狸", "大树", "木木", "糖糖", "七七")) + "～"
                else:
                    p.name = rng.choice(_LATIN_FIRST_F if female else _LATIN_FIRST_M) + rng.choice(_EMOJI)
                p.nickname = real if rng.random() < 0.5 else None
            elif r < 0.16:  # Latin names
                first = rng.choice(_LATIN_FIRST_F if female else _LATIN_FIRST_M)
                p.name = first if rng.random() < 0.4 else f"{first} {rng.choice(_LATIN_SURNAMES)}"
                p.nickname = real if rng.random() < 0.3 else None
            else:
                p.name = real
                if rng.random() < 0.35:
                    k = rng.random()
                    if k < 0.25:
                        p.nickname = "小" + given[-1]
                    elif k < 0.45:
                        p.nickname = "阿" + given[-1]
                    elif k < 0.6:
                        p.nickname = given[-1] + rng.choice(("同学", "酱", "妹妹") if female else ("同学", "哥"))
                    elif k < 0.8:
                        p.nickname = rng.choice(_LATIN_FIRST_F if female else _LATIN_FIRST_M)
                    else:
                        p.nickname = rng.choice(_EMOJI) + given
            p.seed = rng.random() < 0.03
            _initials, full = name_keys(real)
            if rng.random() < 0.05:
                p.wechat = None
            else:
                wx = None
                while wx is None or wx in wechats:
                    if rng.random() < 0.45 or not full:
                        wx = "wxid_" + "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=14))
                    elif rng.random() < 0.5:
                        wx = f"{full}_{rng.randint(1970, 2006)}"
                    else:
                        wx = f"{full}{rng.randint(1, 9999)}"
                wechats.add(wx)
                p.wechat = wx
            if rng.random() < 0.07:
                p.phone = None
            else:
                ph = None
                while ph is None or ph in phones:
                    ph = rng.choice(prefixes) + f"{rng.randrange(100_000_000):08d}"
                phones.add(ph)
                p.phone = ph
            p.city = rng.choices(cities, cum_weights=city_cum)[0] if rng.random() < 0.9 else None
            p.occupation = rng.choices(occs, cum_weights=occ_cum)[0] if rng.random() < 0.8 else None
            if p.occupation == "全职妈妈" and p.gender != "female":
                p.occupation = "自由职业"
            p.note = rng.choice(_NOTES) if rng.random() < 0.15 else None
            self.people.append(p)

    # ---- memberships

    def plan_memberships(self) -> None:
        rng, groups = self.rng, self.groups
        n_g = len(groups)
        cum = list(_cumulative([g.weight for g in groups]))
        expected = self.n_members * 1.5
        crowded = expected > 0.8 * sum(g.cap for g in groups)
        k_cum = [0.92, 0.99, 1.0] if crowded else [0.62, 0.9, 1.0]
        for p in self.people:
            k = min(n_g, 1 + _pick_k(rng.random(), k_cum))
            chosen: list[_Grp] = []
            while len(chosen) < k:
                g = groups[0] if n_g == 1 else rng.choices(groups, cum_weights=cum)[0]
                if g not in chosen:
                    chosen.append(g)
            for g in chosen:
                ms = _Ms(p, g)
                p.ms.append(ms)
                g.ms.append(ms)
        all_ms = [ms for g in groups for ms in g.ms]
        # statuses
        for ms in all_ms:
            if ms.p.seed:
                continue
            ms.status = rng.choices(_STATUSES, cum_weights=_STATUS_CUM)[0]
        # capacity is advisory, but nobody lets a WeChat group grow past ~500: the rest left or wait
        for g in groups:
            active = [ms for ms in g.ms if ms.status == "active"]
            if len(active) > g.cap:
                over = [ms for ms in active if not ms.p.seed]
                rng.shuffle(over)
                for ms in over[: len(active) - g.cap]:
                    ms.status = "left" if rng.random() < 0.7 else "applicant"
                    ms.overflow = True
        candidates = [ms for ms in all_ms if ms.status == "active" and not ms.p.seed]
        n_black = 2 if len(all_ms) >= 200 else 1
        self.blacklisted: list[_Ms] = []
        for ms in rng.sample(candidates, min(n_black, max(0, len(candidates) - 5))):
            ms.status = "blacklisted"
            self.blacklisted.append(ms)
        present = {ms.status for ms in all_ms}
        for status in ("applicant", "onboarding", "left", "removed"):
            pool = [ms for ms in all_ms if ms.status == "active" and not ms.p.seed]
            if status not in present and len(pool) > 1:
                rng.choice(pool).status = status
        for g in groups:
            self.plan_onboarding_steps(g)
        for ms in all_ms:
            self.plan_times(ms)
        onboarding = [ms for ms in all_ms if ms.status == "onboarding"]
        if onboarding and not any(ms.stalled for ms in onboarding):
            self.plan_onboarding(onboarding[0], stalled=True)
        # ids follow time within each group, so a referrer's membership id is smaller than the referred one
        mid = self.next_id(Membership.__table__)
        for g in groups:
            g.ms.sort(key=lambda ms: (ms.applied, ms.p.id))
            for ms in g.ms:
                ms.id = mid
                mid += 1
        self.memberships = [ms for g in groups for ms in g.ms]
        for g in groups:
            self.plan_referrals(g)
            self.plan_tiers_roles(g)
        for ms in self.memberships:
            self.plan_details(ms)
        for p in self.people:
            p.ms.sort(key=lambda ms: ms.id)
            p.created = min(ms.applied for ms in p.ms)
            joined = [ms.joined for ms in p.ms if ms.joined is not None]
            if joined and self.rng.random() < 0.22:
                p.verified_at = self.clamp(min(joined) + timedelta(minutes=self.rng.randint(10, 7 * 1440)))

    def plan_times(self, ms: _Ms) -> None:
        rng, g = self.rng, ms.g
        c = g.created_o
        if ms.status == "active":
            if ms.p.seed:
                jo = min(c + rng.randint(1, 20), self.yest_o)
            elif rng.random() < 0.5 or self.start_o > self.yest_o:
                jo = self.rand_o(c + 1, self.start_o - 1)
            else:
                jo = self.rand_o(self.start_o, self.yest_o)
            self.set_joined(ms, _dt(jo, rng.randint(540, 1380)))
        elif ms.status in ("left", "removed", "blacklisted"):
            if rng.random() < (0.4 if ms.overflow else 0.8) and self.start_o <= self.yest_o:
                lo = self.rand_o(self.start_o, self.yest_o)
            else:
                lo = self.rand_o(c + 6, self.start_o - 1)
            jo = self.rand_o(c + 1, lo - 4)
            self.set_joined(ms, _dt(jo, rng.randint(540, 1380)))
            ms.left = _dt(lo, rng.randint(480, 1380))
            if ms.status == "left":
                ms.left_reason = rng.choice(_LEFT_REASONS) if rng.random() < 0.8 else None
            elif ms.status == "removed":
                ms.left_reason = rng.choice(_REMOVED_REASONS)
            else:
                ms.left_reason = _BLACKLIST_REASON
        elif ms.status == "onboarding":
            self.plan_onboarding(ms, stalled=rng.random() < 0.45)
        else:  # applicant
            if ms.overflow:  # waiting for a seat
                ao = self.rand_o(max(c + 1, self.start_o - 30), self.yest_o)
            else:
                ao = max(c + 1, self.today_o - rng.randint(1, 20))
            ms.applied = _dt(ao, rng.randint(480, 1410))

    def set_joined(self, ms: _Ms, joined: datetime) -> None:
        ms.joined = joined
        ms.applied = max(
            joined - timedelta(minutes=self.rng.randint(30, 3 * 1440)), ms.g.created + timedelta(minutes=10)
        )

    def plan_onboarding(self, ms: _Ms, *, stalled: bool) -> None:
        """Part-way through: the last step (or the application) is recent, or more than STALLED_DAYS ago."""
        rng = self.rng
        ms.stalled = stalled
        back = rng.randint(STALLED_DAYS + 1, 60) if stalled else rng.randint(1, STALLED_DAYS - 1)
        last = _dt(max(self.today_o - back, ms.g.created_o + 2), rng.randint(480, 1380))
        times = [last] if ms.done else []
        for _ in range(ms.done - 1):
            times.append(times[-1] - timedelta(minutes=rng.randint(10, 1440)))
        times.reverse()
        ms.step_times = times
        ms.applied = times[0] - timedelta(minutes=rng.randint(10, 600)) if times else last

    def plan_referrals(self, g: _Grp) -> None:
        rng = self.rng
        joined = sorted((ms for ms in g.ms if ms.joined is not None), key=lambda ms: (ms.joined, ms.id))
        pool: list[_Ms] = []
        stars: list[_Ms] = []
        chained: list[_Ms] = []
        j = 0
        for ms in g.ms:
            t = ms.applied
            while j < len(joined) and joined[j].joined < t:  # type: ignore[operator]
                pool.append(joined[j])
                if joined[j].p.seed or rng.random() < 0.04:
                    stars.append(joined[j])
                if joined[j].referrer is not None:
                    chained.append(joined[j])  # referred members refer others: chains several levels deep
                j += 1
            if ms.p.seed or not pool or rng.random() >= 0.32:
                continue
            for _ in range(6):
                r = rng.random()
                src = chained if r < 0.3 and chained else stars if r < 0.7 and stars else pool
                ref = src[-1 - min(len(src) - 1, int(rng.expovariate(0.15)))] if src is chained else rng.choice(src)
                if ref.left is None or ref.left > (ms.joined or ms.applied):
                    ms.referrer = ref
                    break

    def plan_tiers_roles(self, g: _Grp) -> None:
        rng = self.rng
        for ms in g.ms:
            if ms.joined is None:
                continue
            if ms.p.seed:
                r = rng.random()
                ms.tier = self.tier_ids[min(len(self.tier_ids) - 1, 0 if r < 0.25 else 1 if r < 0.6 else 2)]
            else:
                ms.tier = rng.choices(self.tier_ids, cum_weights=self.tier_cum)[0]
        active = [
            ms
            for ms in g.ms
            if ms.status == "active" and ms.joined is not None and ms.joined.toordinal() < self.today_o - 14
        ]
        if not active:
            active = [ms for ms in g.ms if ms.status == "active"]
        if not active:
            return
        top = [ms for ms in active if ms.tier in self.tier_ids[:2]] or active
        size = len(active)

        def give(role: int | None, n: int, pool: list[_Ms]) -> None:
            if role is None:
                return
            for ms in rng.sample(pool, min(n, len(pool))):
                ms.roles.append(role)

        give(self.role_ops, 1 + (size > 150), top)
        if rng.random() < 0.7:
            give(self.role_plan, 1, top)
        if not g.lacks_producer:
            give(self.role_producer, rng.randint(1, 3), top)
        give(self.role_assist, rng.randint(1, 1 + size // 150), active)
        if g.t.kind in ("camp", "brand", "product") or rng.random() < 0.3:
            give(self.role_service, 1, active)

    def plan_onboarding_steps(self, g: _Grp) -> None:
        nreq = sum(1 for _c, _n, _k, req, fee_only in CANONICAL_STEPS if req and (not fee_only or g.t.fee))
        k = 0
        for ms in g.ms:
            if ms.status == "onboarding":
                ms.done = k if k < nreq else self.rng.randrange(nreq)  # someone waits at every step
                k += 1

    def plan_details(self, ms: _Ms) -> None:
        rng, t, p = self.rng, ms.g.t, ms.p
        if ms.status != "applicant" or rng.random() < 0.7:
            ms.purpose = rng.choice(t.purposes if rng.random() < 0.75 else _GENERIC_PURPOSES)
        if rng.random() < 0.2:
            k = rng.random()
            city, occ = p.city or "北京", p.occupation or "自由职业"
            ms.nick = (
                f"{city}-{p.name}-{occ}"
                if k < 0.4
                else f"{city}-{p.name}"
                if k < 0.65
                else f"{p.name}（{occ}）"
                if k < 0.85
                else f"{t.name[:2]}-{p.name}"
            )
        if ms.joined is None:
            return
        j_o = ms.joined.toordinal()
        is_staff = bool(ms.roles)
        if not is_staff and j_o >= self.today_o - 14 and ms.status == "active":
            ms.pattern = None if rng.random() < 0.3 else "newcomer"
            if ms.pattern is None:
                ms.silent_cut = j_o  # a silent newcomer: nothing at all
            elif rng.random() > t.checkin_share:
                ms.pattern = None
            return
        if not is_staff and rng.random() < 0.14:
            ms.silent_cut = self.today_o - rng.randint(31, 75)
        if is_staff:
            ms.pattern = "steady" if rng.random() < max(0.5, t.checkin_share) else None
        elif rng.random() < t.checkin_share:
            r = rng.random()
            if ms.status != "active":
                ms.pattern = "fading" if r < 0.5 else "streaky" if r < 0.85 else "steady"
            else:
                ms.pattern = "steady" if r < 0.3 else "streaky" if r < 0.65 else "fading"
        # leave: a few check-in members, never overlapping, inside their check-in window
        if ms.pattern is not None and rng.random() < 0.05:
            first, last = self.window(ms, checkins=True)
            cursor = first
            for _ in range(rng.randint(1, 2)):
                if last - cursor < 12:
                    break
                s = rng.randint(cursor + 1, last - 3)
                e = min(last, s + rng.randint(1, 9))
                ms.leaves.append((s, e))
                cursor = e + 2

    def window(self, ms: _Ms, *, checkins: bool) -> tuple[int, int]:
        """Ordinal days [first, last] in which the membership can take part (empty when first > last)."""
        assert ms.joined is not None
        first = max(self.start_o, ms.joined.toordinal() + 1)
        last = self.today_o if checkins else self.yest_o
        if ms.left is not None:
            last = min(last, ms.left.toordinal() - 1)
        if ms.silent_cut is not None:
            last = min(last, ms.silent_cut)
        return first, last

    # ---- rows: people, groups, memberships

    def write_people_and_groups(self) -> None:
        rng, op = self.rng, self.op
        g_rows, rv_rows, step_rows, rule_rows, level_rows = [], [], [], [], []
        rv_id = self.next_id(RulesVersion.__table__)
        step_id = self.next_id(EntryStep.__table__)
        rule_id = self.next_id(PointRule.__table__)
        level_id = self.next_id(Level.__table__)
        for g in self.groups:
            t = g.t
            g_rows.append(
                {
                    "id": g.id,
                    "name": g.name,
                    "kind": t.kind,
                    "goal": t.goal,
                    "value_text": t.value,
                    "threshold_text": t.threshold,
                    "fee_cents": t.fee,
                    "rituals_text": t.rituals,
                    "sharing_text": t.sharing,
                    "operators_text": t.operators,
                    "joining_notice": t.notice,
                    "capacity": 500,
                    "late_checkins_count_for_streak": t.late_streak,
                    "created_at": g.created,
                    "archived_at": None,
                }
            )
            rv_rows.append(
                {
                    "id": rv_id,
                    "group_id": g.id,
                    "version": 1,
                    "text": t.rules,
                    "created_at": g.created,
                    "created_by": op,
                }
            )
            rv_id += 1
            if g.rv2_at is not None:
                n = t.rules.count("\n") + 2
                rv_rows.append(
                    {
                        "id": rv_id,
                        "group_id": g.id,
                        "version": 2,
                        "text": f"{t.rules}\n{n}. {t.rules_v2}",
                        "created_at": g.rv2_at,
                        "created_by": op,
                    }
                )
                rv_id += 1
            pos = 0
            for code, name, kind, req, fee_only in CANONICAL_STEPS:
                if fee_only and not t.fee:
                    continue
                step_rows.append(
                    {
                        "id": step_id,
                        "group_id": g.id,
                        "position": pos,
                        "code": code,
                        "name": name,
                        "kind": kind,
                        "required": req,
                        "retired_at": None,
                    }
                )
                g.steps.append((step_id, code, req))
                step_id += 1
                pos += 1
            for code, pts, label in DEFAULT_POINT_RULES:
                rule_rows.append(
                    {
                        "id": rule_id,
                        "group_id": g.id,
                        "code": code,
                        "label": label,
                        "points": pts,
                        "active": True,
                    }
                )
                rule_id += 1
            for name, min_points in DEFAULT_LEVELS:
                level_rows.append({"id": level_id, "group_id": g.id, "name": name, "min_points": min_points})
                level_id += 1
        for table, rows in (
            (Group.__table__, g_rows),
            (RulesVersion.__table__, rv_rows),
            (EntryStep.__table__, step_rows),
            (PointRule.__table__, rule_rows),
            (Level.__table__, level_rows),
        ):
            self.write(table, rows)
            self.step()

        m_rows, tag_rows = [], []
        tags = self.tags
        for p in self.people:
            joined = [ms.joined for ms in p.ms if ms.joined is not None]
            paid = any(ms.g.t.fee for ms in p.ms if ms.joined is not None)
            m_rows.append(
                {
                    "id": p.id,
                    "display_name": p.name,
                    **search_columns(p.name),
                    "nickname": p.nickname,
                    "wechat_id": p.wechat,
                    "phone": p.phone,
                    "phone_tail": p.phone[-4:] if p.phone else None,
                    "gender": p.gender,
                    "city": p.city,
                    "occupation": p.occupation,
                    "note": p.note,
                    "real_name_verified": p.verified_at is not None,
                    "verified_on": p.verified_at.date() if p.verified_at else None,
                    "seed_user": p.seed,
                    "points_opt_out": rng.random() < 0.01,
                    "created_at": p.created,
                    "updated_at": p.created,
                    "deleted_at": None,
                    "merged_into_id": None,
                }
            )
            mine: list[int] = []
            occ = p.occupation
            if occ == "全职妈妈" or (p.gender == "female" and rng.random() < 0.06):
                mine.append(tags["宝妈"])
            if occ == "学生" and rng.random() < 0.8:
                mine.append(tags["学生"])
            if occ in ("程序员", "工程师") and rng.random() < 0.7:
                mine.append(tags["程序员"])
            if joined and min(joined).toordinal() < self.start_o - 180:
                mine.append(tags["老会员"])
            if paid:
                mine.append(tags["付费学员"])
            if p.seed:
                mine.append(tags["种子用户"])
            if any(ms.g.t.kind in ("brand", "product") for ms in p.ms) and rng.random() < 0.12:
                mine.append(tags["潜在客户"])
            if any(ms.status in ("applicant", "onboarding") for ms in p.ms) and rng.random() < 0.3:
                mine.append(tags["待跟进"])
            for tag in sorted(set(mine)):
                tag_rows.append({"member_id": p.id, "tag_id": tag})
        self.write(Member.__table__, m_rows)
        self.step()
        self.write(member_tag, tag_rows)
        self.step()

    def write_memberships(self) -> None:
        rng, op = self.rng, self.op
        rows, role_rows, sp_rows = [], [], []
        sp_id = self.next_id(StepProgress.__table__)
        for ms in self.memberships:
            g, t = ms.g, ms.g.t
            steps_done: list[tuple[int, str, datetime]] = []
            req = [(sid, code) for sid, code, r in g.steps if r]
            if ms.joined is not None:
                span = (ms.joined - ms.applied).total_seconds()
                for i, (sid, code) in enumerate(req):
                    steps_done.append((sid, code, ms.applied + timedelta(seconds=span * (i + 1) / len(req))))
                limit = ms.left
                for sid, code, r in g.steps:
                    if r:
                        continue
                    at = None
                    if code == "photo" and rng.random() < 0.55:
                        at = ms.joined + timedelta(minutes=rng.randint(1, 120))
                    elif code == "share" and rng.random() < 0.35:
                        at = ms.joined + timedelta(minutes=rng.randint(10, 3 * 1440))
                    elif code == "verify" and ms.p.verified_at is not None:
                        at = max(ms.p.verified_at, ms.joined + timedelta(minutes=30))
                    if at is not None:
                        steps_done.append((sid, code, self.clamp(at, limit)))
            elif ms.status == "onboarding":
                for (sid, code), at in zip(req[: ms.done], ms.step_times, strict=True):
                    steps_done.append((sid, code, at))
            for sid, code, at in steps_done:
                answer = amount = version = None
                if code == "purpose":
                    answer = ms.purpose
                elif code == "fee":
                    amount = t.fee
                    ms.fee = t.fee
                elif code == "rules":
                    version = 2 if g.rv2_at is not None and at >= g.rv2_at else 1
                elif code == "intro" and rng.random() < 0.3:
                    answer = (
                        f"大家好，我是{ms.p.name}，来自{ms.p.city or '地球'}，{ms.p.occupation or '打工人'}，请多关照！"
                    )
                sp_rows.append(
                    {
                        "id": sp_id,
                        "membership_id": ms.id,
                        "step_id": sid,
                        "done_at": at,
                        "recorded_by": op,
                        "answer": answer,
                        "amount_cents": amount,
                        "rules_version": version,
                    }
                )
                sp_id += 1
            updated = max(
                [ms.applied] + [x for x in (ms.joined, ms.left) if x is not None] + [at for _s, _c, at in steps_done]
            )
            rows.append(
                {
                    "id": ms.id,
                    "member_id": ms.p.id,
                    "group_id": g.id,
                    "status": ms.status,
                    "tier_id": ms.tier,
                    "group_nickname": ms.nick,
                    "applied_at": ms.applied,
                    "joined_at": ms.joined,
                    "left_at": ms.left,
                    "left_reason": ms.left_reason,
                    "referrer_id": ms.referrer.p.id if ms.referrer else None,
                    "purpose": ms.purpose,
                    "fee_paid_cents": ms.fee,
                    "created_at": ms.applied,
                    "updated_at": updated,
                }
            )
            for role in sorted(set(ms.roles)):
                role_rows.append({"membership_id": ms.id, "role_id": role})
        self.write(Membership.__table__, rows)
        self.step()
        self.write(membership_role, role_rows)
        self.step()
        self.write(StepProgress.__table__, sp_rows)
        self.step()

    # ---- rows: leave, activities, attendance, contributions, violations, points for them

    def write_participation(self) -> None:
        rng, op = self.rng, self.op
        leave_rows = []
        leave_id = self.next_id(Leave.__table__)
        for ms in self.memberships:
            for s, e in ms.leaves:
                leave_rows.append(
                    {
                        "id": leave_id,
                        "membership_id": ms.id,
                        "start_day": date.fromordinal(s),
                        "end_day": date.fromordinal(e),
                        "reason": rng.choice(_LEAVE_REASONS),
                        "recorded_by": op,
                        "created_at": _dt(s - 1, rng.randint(1200, 1380)),
                    }
                )
                leave_id += 1
        self.write(Leave.__table__, leave_rows)
        self.step()

        self.next_point = self.next_id(PointsEntry.__table__)
        act_rows, att_rows = self.plan_activities()
        self.write(Activity.__table__, act_rows)
        self.step()
        self.write(Attendance.__table__, att_rows)
        self.step()
        contrib_rows = self.plan_contributions()
        self.write(Contribution.__table__, contrib_rows)
        self.step()
        vio_rows = self.plan_violations()
        self.write(Violation.__table__, vio_rows)
        self.step()
        self.plan_referral_and_manual_points()
        self.write_rows(PointsEntry.__table__, _POINT_COLUMNS, self.points)
        self.points = []
        self.step()

    def eligible(self, g: _Grp, o: int, *, upcoming: bool = False) -> list[_Ms]:
        out = []
        for ms in g.ms:
            if ms.joined is None or (ms.silent_cut is not None and ms.silent_cut < o - (1 if upcoming else 0)):
                continue
            if upcoming:
                if ms.status == "active" and ms.silent_cut is None:
                    out.append(ms)
                continue
            first, last = self.window(ms, checkins=False)
            if first <= o <= last:
                out.append(ms)
        return out

    def plan_activities(self) -> tuple[list[dict], list[dict]]:
        rng, op = self.rng, self.op
        act_rows: list[dict] = []
        att_rows: list[dict] = []
        act_id = self.next_id(Activity.__table__)
        att_id = self.next_id(Attendance.__table__)
        months: list[tuple[int, int]] = []
        d = self.start
        while d <= self.today:
            months.append((d.toordinal(), min(_month_end(d), self.today).toordinal()))
            d = _month_end(d) + timedelta(days=1)
        month_end_o = _month_end(self.today).toordinal()
        for g in self.groups:
            t = g.t
            editions: dict[str, int] = {}
            s_cum = list(_cumulative([s.weight for s in t.series]))
            planned: list[tuple[int, _Series]] = []
            one_offs: set[str] = set()
            used: set[int] = set()
            for mi, (m_first, m_last) in enumerate(months):
                n = rng.randint(*t.acts_per_month)
                last_o = month_end_o if mi == len(months) - 1 else m_last
                for _ in range(n):
                    s = rng.choices(t.series, cum_weights=s_cum)[0]
                    if s.series is None and s.kind in ("opening_ceremony", "award_ceremony"):
                        if s.kind in one_offs:
                            continue
                        one_offs.add(s.kind)
                    for _try in range(8):  # one activity a day per group
                        o = rng.randint(m_first, last_o)
                        if not s.online:  # meetups on the weekend
                            o += (5 - date.fromordinal(o).weekday()) % 7
                        if o not in used:
                            used.add(o)
                            planned.append((o, s))
                            break
            planned.sort(key=lambda x: x[0])
            upcoming_seen = False
            staff = [ms for ms in g.ms if ms.roles and ms.status == "active"]
            for o, s in planned:
                upcoming = o >= self.today_o
                if upcoming and (upcoming_seen or o > month_end_o):
                    continue
                upcoming_seen = upcoming_seen or upcoming
                topic = rng.choice(s.topics)
                if s.series:
                    editions[s.series] = editions.get(s.series, 0) + 1
                    edition = editions[s.series]
                    title = f"{s.series} 第{edition}期：{topic}"
                else:
                    edition, title = None, topic
                if s.online:
                    start = _dt(
                        o,
                        rng.choice((19 * 60 + 30, 20 * 60, 20 * 60 + 30))
                        if t.window[0] > 600
                        else rng.choice((6 * 60 + 30, 20 * 60)),
                    )
                    end = start + timedelta(minutes=rng.choice((45, 60, 90)))
                    place = rng.choice(_ONLINE_PLACES)
                    capacity = rng.choice((None, None, 100, 200, 500))
                else:
                    start = _dt(o, rng.choice((9 * 60, 14 * 60, 15 * 60)))
                    end = start + timedelta(minutes=rng.choice((120, 150, 180)))
                    city = rng.choice([c for c, _w in _CITIES[:8]])
                    place = f"{city}·{rng.choice(t.places)}"
                    capacity = rng.choice((20, 30, 40, 50))
                pool = self.eligible(g, o, upcoming=upcoming)
                hosts = [ms for ms in staff if ms in pool] or pool
                host = rng.choice(hosts) if hosts else None
                speakers: list[_Ms] = []
                if s.kind in ("knowledge_share", "course", "expert_live") and pool:
                    voices = [ms for ms in pool if ms.tier in self.tier_ids[:2] and ms is not host] or pool
                    speakers = rng.sample(voices, min(len(voices), rng.randint(0 if s.kind == "expert_live" else 1, 2)))
                    speakers = [ms for ms in speakers if ms is not host]
                names = [x.p.name for x in ([host] if host else []) + speakers]
                act_rows.append(
                    {
                        "id": act_id,
                        "group_id": g.id,
                        "title": title,
                        "kind": s.kind,
                        "series": s.series,
                        "edition": edition,
                        "starts_at": start,
                        "ends_at": end,
                        "online": s.online,
                        "place": place,
                        "capacity": capacity,
                        "hosts": "、".join(names) or None,
                        "created_by": op,
                        "created_at": min(start - timedelta(days=rng.randint(2, 7)), self.latest),
                    }
                )
                rate = rng.uniform(0.08, 0.3) if s.online else rng.uniform(0.03, 0.1)
                n = int(len(pool) * rate)
                n = max(n, min(3, len(pool)))
                if capacity is not None:
                    n = min(n, capacity)
                chosen = [x for x in ([host] if host else []) + speakers]
                others = [ms for ms in pool if ms is not host and ms not in speakers]
                chosen += rng.sample(others, max(0, min(len(others), n - len(chosen))))
                chosen.sort(key=lambda ms: ms.id)
                for ms in chosen:
                    role = "host" if ms is host else "speaker" if ms in speakers else "attendee"
                    if upcoming:
                        status = "registered"
                    elif role != "attendee":
                        status = "attended"
                    else:
                        r = rng.random()
                        ok = 0.85 if not s.online else 0.72
                        status = "attended" if r < ok else "absent" if r < ok + (1 - ok) * 0.65 else "excused"
                    att_rows.append(
                        {
                            "id": att_id,
                            "activity_id": act_id,
                            "membership_id": ms.id,
                            "status": status,
                            "role": role,
                            "recorded_by": op,
                            "updated_at": end if not upcoming else act_rows[-1]["created_at"],
                        }
                    )
                    if status == "attended":
                        day = start.date()
                        if s.online:
                            self.point(
                                ms,
                                day,
                                POINTS["activity_online"],
                                f"参加活动「{title}」",
                                "attendance",
                                att_id,
                                end,
                            )
                        else:
                            self.point(
                                ms,
                                day,
                                POINTS["activity_offline"],
                                f"参加活动「{title}」",
                                "attendance",
                                att_id,
                                end,
                            )
                        if role in ("host", "speaker"):  # hosts speak too (services.participation)
                            self.point(
                                ms,
                                day,
                                POINTS["speaker"],
                                f"活动分享「{title}」",
                                "attendance",
                                att_id,
                                end,
                            )
                    att_id += 1
                act_id += 1
        return act_rows, att_rows

    def plan_contributions(self) -> list[dict]:
        rng, op = self.rng, self.op
        rows: list[dict] = []
        cid = self.next_id(Contribution.__table__)
        weight_by_tier = {tid: w for tid, w in zip(self.tier_ids, (6, 4, 2, 1), strict=False)}
        topics = ("如何坚持一件小事", "时间管理", "我的晨间习惯", "复盘的方法", "一本好书", "减压小技巧")
        history_days = self.today_o - self.start_o + 1
        for g in self.groups:
            cands, weights, windows = [], [], []
            for ms in g.ms:
                if ms.joined is None:
                    continue
                first, last = self.window(ms, checkins=False)
                if first > last:
                    continue
                cands.append(ms)
                windows.append((first, last))
                weights.append(weight_by_tier.get(ms.tier, 1) * (last - first + 1))
            if not cands:
                continue
            cum = list(_cumulative(weights))
            n = int(len(cands) * g.t.contrib_rate * history_days / 30)
            idx = range(len(cands))
            for i in rng.choices(idx, cum_weights=cum, k=n):
                ms = cands[i]
                first, last = windows[i]
                o = rng.randint(first, last)
                r = rng.random()
                kind = "share" if r < 0.45 else "answer" if r < 0.75 else "post" if r < 0.95 else "other"
                topic = rng.choice(topics)
                if kind == "share":
                    title = rng.choice(_SHARE_TITLES).format(t=topic)
                elif kind == "answer":
                    title = rng.choice(_ANSWER_TITLES).format(t=topic)
                elif kind == "post":
                    title = rng.choice(_POST_TITLES).format(t=topic)
                else:
                    title = "整理群精华"
                link = None
                if kind == "share" and rng.random() < 0.5:
                    link = "https://mp.weixin.qq.com/s/" + "".join(
                        rng.choices("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", k=22)
                    )
                at = _dt(o, rng.randint(420, 1380))
                rows.append(
                    {
                        "id": cid,
                        "membership_id": ms.id,
                        "group_id": g.id,
                        "day": date.fromordinal(o),
                        "kind": kind,
                        "title": title,
                        "link": link,
                        "recorded_by": op,
                        "created_at": at,
                    }
                )
                if kind == "share":
                    self.point(ms, date.fromordinal(o), POINTS["share"], f"分享「{title}」", "contribution", cid, at)
                cid += 1
            # converted referrals inside the history, by referrers who were taking part then
            for ms in g.ms:
                ref = ms.referrer
                if ref is None or ms.status != "active" or ms.joined is None:
                    continue
                o = ms.joined.toordinal()
                first, last = self.window(ref, checkins=False)
                if first <= o <= last:
                    rows.append(
                        {
                            "id": cid,
                            "membership_id": ref.id,
                            "group_id": g.id,
                            "day": date.fromordinal(o),
                            "kind": "referral",
                            "title": f"推荐{ms.p.name}入群",
                            "link": None,
                            "recorded_by": op,
                            "created_at": ms.joined,
                        }
                    )
                    cid += 1
        return rows

    def plan_violations(self) -> list[dict]:
        rng, op = self.rng, self.op
        rows: list[dict] = []
        vid = self.next_id(Violation.__table__)

        def add(ms: _Ms, o: int, kind: str, action: str) -> None:
            nonlocal vid
            at = _dt(o, rng.randint(540, 1380))
            if ms.left is not None and at > ms.left:
                at = ms.left
            note = rng.choice(_VIOLATION_NOTES[kind])
            rows.append(
                {
                    "id": vid,
                    "membership_id": ms.id,
                    "group_id": ms.g.id,
                    "day": date.fromordinal(o),
                    "kind": kind,
                    "note": note,
                    "action": action,
                    "recorded_by": op,
                    "created_at": at,
                }
            )
            self.point(ms, date.fromordinal(o), POINTS["violation"], "违规", "violation", vid, at)
            vid += 1

        kinds = ("ad", "flood", "off_topic", "abuse", "other")
        k_cum = list(_cumulative((35, 30, 25, 5, 5)))
        for g in self.groups:
            pool = [ms for ms in g.ms if ms.joined is not None and ms.status == "active"]
            for _ in range(rng.randint(0, 3)):
                if not pool:
                    break
                ms = rng.choice(pool)
                first, last = self.window(ms, checkins=False)
                if first <= last:
                    add(
                        ms,
                        rng.randint(first, last),
                        rng.choices(kinds, cum_weights=k_cum)[0],
                        "mute" if rng.random() < 0.25 else "warning",
                    )
        for ms in self.memberships:
            if ms.status == "removed" and ms.left is not None and rng.random() < 0.6:
                add(ms, ms.left.toordinal(), rng.choice(("ad", "abuse", "flood")), "removal")
        # the stories behind the repeat-violator alert: three strikes within 90 days
        for ms in self.blacklisted:
            lo = ms.left.toordinal() if ms.left else self.yest_o
            first = max(ms.joined.toordinal() + 1 if ms.joined else lo, lo - 80)
            days = sorted(rng.randint(first, lo) for _ in range(2)) + [lo]
            for o, action in zip(days, ("warning", "mute", "removal"), strict=True):
                add(ms, o, "ad", action)
        steady = [
            ms
            for g in self.groups[:1]
            for ms in g.ms
            if ms.status == "active" and ms.silent_cut is None and not ms.roles and ms.joined is not None
        ]
        if steady:
            ms = rng.choice(steady)
            first, last = self.window(ms, checkins=False)
            first = max(first, last - 60)
            if first <= last:
                days = sorted(rng.randint(first, last) for _ in range(3))
                for o, kind, action in zip(
                    days, ("flood", "off_topic", "flood"), ("warning", "warning", "mute"), strict=True
                ):
                    add(ms, o, kind, action)
        return rows

    def plan_referral_and_manual_points(self) -> None:
        rng = self.rng
        paid: set[tuple[int, int]] = set()  # (referrer, person): a person referred once pays once
        for ms in sorted((ms for ms in self.memberships if ms.joined is not None), key=lambda ms: (ms.joined, ms.id)):
            ref = ms.referrer
            # earned once the referred membership became a member, kept after it left (points.referral_earned),
            # once per person and referrer (points.referral_paid_before)
            was_member = ms.status == "active" or (ms.status in ("left", "removed", "blacklisted") and ms.left)
            if ref is not None and was_member and (ref.p.id, ms.p.id) not in paid:
                paid.add((ref.p.id, ms.p.id))
                self.point(
                    ref,
                    ms.joined.date(),
                    POINTS["referral"],
                    "推荐入群",  # the services' own reasons (participation, onboarding): one wording, read in English too
                    "referral",
                    ms.id,
                    ms.joined,
                )
        for g in self.groups:
            pool = [ms for ms in g.ms if ms.status == "active" and ms.joined is not None and ms.roles]
            pool = pool or [ms for ms in g.ms if ms.status == "active" and ms.joined is not None]
            for _ in range(rng.randint(2, 5) if pool else 0):
                ms = rng.choice(pool)
                first, last = self.window(ms, checkins=False)
                if first > last:
                    continue
                reason, pts = rng.choice(_MANUAL_POINTS)
                o = rng.randint(first, last)
                self.point(ms, date.fromordinal(o), pts, reason, "manual", None, _dt(o, rng.randint(600, 1380)))

    # ---- rows: check-ins and their points (the bulk), streamed in batches

    def write_checkins(self) -> None:
        rng, op = self.rng, self.op
        rows: list[tuple] = []  # in the order of _CHECKIN_COLUMNS
        ci_id = self.next_id(CheckIn.__table__)
        today_o, start_o = self.today_o, self.start_o
        days = [date.fromordinal(o) for o in range(start_o, today_o + 1)]
        midnights = [datetime.fromordinal(o) for o in range(start_o, today_o + 1)]
        # the rows carry values as the driver stores them (models/bulk.Values): a check-in's time is written
        # three times (checked, logged, its points' created) and converted once
        v = bulk.Values(self.conn)
        v.sqlite = v.sqlite and _DRIVER_WRITES  # the reference build hands SQLAlchemy Python objects
        stored_days = [v.date(d) for d in days]
        stored_late = (v.bool(False), v.bool(True))
        sources = ("manual", "paste", "import")
        src_cum = (0.55, 0.95, 1.0)
        pending = 0
        p_ci, p_streak = POINTS["checkin"], POINTS["streak7"]
        for ms in self.memberships:
            pending += 1
            if ms.pattern is None or ms.joined is None:
                continue
            first, last = self.window(ms, checkins=True)
            if first > last:
                continue
            g = ms.g
            lo_min, hi_min = g.t.window
            leave = set()
            for s, e in ms.leaves:
                leave.update(range(s, e + 1))
            pattern = ms.pattern
            base = rng.uniform(0.82, 0.96) if pattern == "steady" else rng.uniform(0.65, 0.85)
            span = max(1, last - first)
            run_left, gap_left = rng.randint(5, 20), 0
            mine: list[tuple[date, bool, int, datetime]] = []
            late_counts = g.t.late_streak
            rand, randint = rng.random, rng.randint
            for o in range(first, last + 1):
                if o in leave:
                    continue  # leave days neither count nor break the streak
                if pattern == "streaky":
                    if gap_left > 0:
                        gap_left -= 1
                        p = 0.04
                    else:
                        run_left -= 1
                        p = 0.96
                        if run_left <= 0:
                            gap_left, run_left = randint(1, 6), randint(5, 20)
                elif pattern == "fading":
                    p = base - (base - 0.05) * (o - first) / span
                else:
                    p = base
                if o == today_o:
                    p *= 0.5  # today is not over yet
                if rand() >= p:
                    continue
                i = o - start_o
                late = o <= today_o - 2 and rand() < 0.03
                if o == today_o:
                    at = midnights[i] + timedelta(seconds=randint(5 * 3600, 8 * 3600))
                elif late:
                    at = midnights[i] + timedelta(days=1, seconds=randint(9 * 3600, 22 * 3600))
                else:
                    at = midnights[i] + timedelta(seconds=randint(lo_min * 60, hi_min * 60 + 59))
                r = rand()
                src = "manual" if late else sources[0 if r < src_cum[0] else 1 if r < src_cum[1] else 2]
                day, stored_day, stored_at = days[i], stored_days[i], v.datetime(at)
                rows.append((ci_id, ms.id, g.id, stored_day, stored_at, stored_at, src, stored_late[late], op))
                self.point(ms, stored_day, p_ci, "补卡" if late else "打卡", "checkin", ci_id, stored_at)
                mine.append((day, late, ci_id, stored_at, stored_day))
                ci_id += 1
            # the streak bonus by the one rule (desktop/streaks.py), as the check-in service awards it
            counted = streaks.counted_days(((d, lt) for d, lt, *_stored in mine), late_counts)
            bonus = streaks.bonus_days(counted, {date.fromordinal(o) for o in leave})
            for d, _lt, cid, at, stored_day in mine:
                if d in bonus:
                    self.point(ms, stored_day, p_streak, f"连续打卡{bonus[d]}天", "streak", cid, at)
            self.plan_chat(ms, [d for d, *_rest in mine])
            if len(rows) >= BATCH:
                self.flush_checkins(rows, pending)
                rows, pending = [], 0
        self.flush_checkins(rows, pending)

    def plan_chat(self, ms: _Ms, days: list[date]) -> None:
        """Messages per day as a chat-history import would count them (PRODUCT §3.8): a few members talk a
        lot, some now and then, most never (the lurkers the roster's 从不发言 filter finds). Only on days the
        member checked in and never today, so who is active or dormant is what the check-ins make it."""
        rng = self.chat_rng
        r = rng.random()
        if r < 0.12:
            share, lo, hi = 0.7, 2, 16
        elif r < 0.45:
            share, lo, hi = 0.2, 1, 3
        else:
            return
        yesterday = date.fromordinal(self.yest_o)
        for day in days:
            if day <= yesterday and rng.random() < share:
                self.chat_rows.append(
                    {"membership_id": ms.id, "group_id": ms.g.id, "day": day, "messages": rng.randint(lo, hi)}
                )

    def flush_checkins(self, rows: list[tuple], advance: int) -> None:
        self.check()
        if self.chat_rows:
            self.write(ChatActivity.__table__, self.chat_rows)
            self.chat_rows = []
        if rows:
            self.write_rows(CheckIn.__table__, _CHECKIN_COLUMNS, rows)
        if self.points:
            self.write_rows(PointsEntry.__table__, _POINT_COLUMNS, self.points)
            self.points = []
        self.step(advance)

    def write_audit(self) -> None:
        c = self.counts
        summary = {
            "groups": c.get("community_group", 0),
            "members": c.get("member", 0),
            "memberships": c.get("membership", 0),
            "checkins": c.get("checkin", 0),
            "activities": c.get("activity", 0),
            "attendance": c.get("attendance", 0),
            "points_entries": c.get("points_entry", 0),
            "contributions": c.get("contribution", 0),
            "violations": c.get("violation", 0),
            "leaves": c.get("leave", 0),
            "seed": self.seed,
            "today": self.today.isoformat(),
            "history_start": self.start.isoformat(),
        }
        self.conn.execute(
            insert(AuditEntry.__table__),
            [
                {
                    "at": utcnow(),
                    "operator_id": self.op,
                    "action": "demo.create",
                    "entity": "workspace",
                    "entity_id": None,
                    "summary": json.dumps(summary, ensure_ascii=False),
                }
            ],
        )

    def fix_sequences(self) -> None:
        """PostgreSQL: ids were given explicitly, so move each serial sequence past them."""
        if self.conn.dialect.name != "postgresql":
            return
        for table in (
            Operator,
            Tier,
            Role,
            Tag,
            Group,
            RulesVersion,
            EntryStep,
            PointRule,
            Level,
            Member,
            Membership,
            StepProgress,
            Leave,
            Activity,
            Attendance,
            Contribution,
            Violation,
            CheckIn,
            PointsEntry,
        ):
            name = table.__tablename__
            self.conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
                    f'(SELECT COALESCE(MAX(id), 0) + 1 FROM "{name}"), false)'
                )
            )


# the two tables that hold nine in ten of a demo's rows
_BIG_TABLES = ("checkin", "points_entry")


def _set_indexes_aside(conn: Connection, tables: tuple[str, ...]) -> list[str]:
    """Drop the secondary indexes of `tables` (SQLite, inside the demo's transaction) and return the statements
    that create them again. Built once over the finished rows, an index is a sort instead of one random b-tree
    insert per row. Unique constraints stay (their automatic indexes have no SQL and are not dropped), so every
    row is still checked as it is written; an error or a cancel rolls the DROPs back with everything else."""
    marks = ", ".join("?" for _ in tables)
    rows = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})"
        " ORDER BY name",
        tuple(tables),
    ).all()
    for name, _sql in rows:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in rows]


def _cumulative(weights) -> list[float]:
    out, acc = [], 0.0
    for w in weights:
        acc += w
        out.append(acc)
    return out


def _pick_k(r: float, k_cum: list[float]) -> int:
    for i, c in enumerate(k_cum):
        if r < c:
            return i
    return len(k_cum) - 1


def _month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused for the build: the build holds hundreds of thousands of rows, and each
    collection walked them all again (a fifth of a build's time). The build makes no reference cycles that need
    it; the collector is back to its state afterwards, and the garbage of other threads is collected then."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _ensure_empty(conn: Connection) -> None:
    n_groups = conn.execute(select(func.count()).select_from(Group.__table__)).scalar_one()
    n_members = conn.execute(select(func.count()).select_from(Member.__table__)).scalar_one()
    if n_groups or n_members:
        raise ValueError(
            f"演示数据只能写入新的或空的工作区，这里已有 {n_groups} 个社群、{n_members} 名成员。"
            f" (The demo needs a new or empty workspace; this one has {n_groups} groups"
            f" and {n_members} members.)"
        )


def build_demo(
    engine: Engine,
    *,
    groups: int = 5,
    members: int = 600,
    months: int = 3,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Fill a new or empty workspace with a demo: `groups` groups, `members` distinct people and `months`
    months of history ending `today` (the current month included). One transaction: on an error or on
    cancel (DemoCancelled) nothing is written. Raises ValueError for a non-empty workspace or bad sizes."""
    for label, value, low in (("groups", groups, 1), ("members", members, 1), ("months", months, 1)):
        if not isinstance(value, int) or value < low:
            raise ValueError(f"{label} 必须是不小于 {low} 的整数 ({label} must be an integer >= {low}): {value!r}")
    if months > 120:
        raise ValueError(f"months 最多 120 (at most 120 months of history): {months}")
    started = time.perf_counter()
    today = today or clock.today()
    with _no_cycle_collection(), engine.connect() as conn, bulk.big_write_cache(conn, 256), conn.begin():
        _ensure_empty(conn)
        builder = _Builder(conn, seed, today, _history_start(today, months), groups, members, progress, cancelled)
        counts = builder.run()
    return DemoSummary(
        groups=counts.get("community_group", 0),
        members=counts.get("member", 0),
        memberships=counts.get("membership", 0),
        checkins=counts.get("checkin", 0),
        activities=counts.get("activity", 0),
        attendance=counts.get("attendance", 0),
        points_entries=counts.get("points_entry", 0),
        seconds=round(time.perf_counter() - started, 3),
    )
