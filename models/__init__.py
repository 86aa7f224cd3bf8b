"""QunDesk's data layer: SQLAlchemy models, engine set-up, queries and migrations. No Qt here."""

from models import limits  # noqa: F401  (text limits on every engine: registers its listeners)
from models.audit import AuditEntry, SettingHistory, WorkspaceSetting
from models.base import Base, local_now, utcnow
from models.chat import ChatActivity, ChatAlias, ChatImport
from models.community import EntryStep, Group, RulesVersion
from models.import_undo import ImportItem, ImportRun
from models.merges import MergeUndo
from models.participation import Activity, Attendance, CheckIn, Contribution, Leave, Violation
from models.people import (
    Member,
    Membership,
    MembershipSpell,
    Operator,
    Role,
    StepProgress,
    Tag,
    Tier,
    member_tag,
    membership_role,
)
from models.points import Level, PointRule, PointsEntry
from models.search import GramSpan, MemberGram, MembershipGram
from models.texts import TEXT_KINDS, TextTemplate
from models.tier_history import TierChange

__all__ = [
    "Activity",
    "Attendance",
    "AuditEntry",
    "Base",
    "ChatActivity",
    "ChatAlias",
    "ChatImport",
    "CheckIn",
    "Contribution",
    "EntryStep",
    "GramSpan",
    "ImportItem",
    "ImportRun",
    "Group",
    "Leave",
    "Level",
    "Member",
    "MemberGram",
    "MergeUndo",
    "Membership",
    "MembershipGram",
    "MembershipSpell",
    "Operator",
    "PointRule",
    "PointsEntry",
    "Role",
    "RulesVersion",
    "StepProgress",
    "TEXT_KINDS",
    "Tag",
    "TextTemplate",
    "Tier",
    "TierChange",
    "Violation",
    "SettingHistory",
    "WorkspaceSetting",
    "member_tag",
    "membership_role",
    "local_now",
    "utcnow",
]
