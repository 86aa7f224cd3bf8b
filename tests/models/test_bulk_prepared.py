"""models/bulk.Prepared: a Core statement compiled once and run on the driver gives what SQLAlchemy's own execution
gives — with an IN list of constants, constants, dates and moments among its parameters — on both engines."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import bindparam, func, select

from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from models import CheckIn, Membership, bulk
from models.queries.participation import day, day_params, day_start


def test_a_prepared_statement_reads_what_sqlalchemy_reads(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        ids = [
            add_member(s, owner, gid, MemberInput(display_name=n, status=st, joined_at=datetime(2026, 10, 1)))[1]
            for n, st in (("甲", "active"), ("乙", "active"), ("丙", "left"), ("丁", "applicant"))
        ]
        for d in (date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 30)):
            record_checkins(s, owner, gid, d, ids[:2], today=date(2026, 12, 1))
        s.commit()
        start, end = day("start"), day("end")
        statement = select(
            select(func.count())
            .select_from(Membership)
            .where(Membership.group_id == bindparam("gid"), Membership.status.in_(["active", "left"]))
            .scalar_subquery()
            .label("members"),
            select(func.count())
            .select_from(CheckIn)
            .where(CheckIn.group_id == bindparam("gid"), CheckIn.day >= start, CheckIn.day <= end)
            .scalar_subquery()
            .label("checkins"),
            select(func.count())
            .select_from(Membership)
            .where(
                Membership.group_id == bindparam("gid"),
                Membership.joined_at < day_start(end),
                Membership.status != "left",
            )
            .scalar_subquery()
            .label("joined_before"),
        )
        prepared = bulk.Prepared(statement)
        assert prepared.keys == ("members", "checkins", "joined_before")
        for first, last in ((date(2026, 11, 1), date(2026, 11, 2)), (date(2026, 11, 2), date(2026, 11, 30))):
            params = {"gid": gid, **day_params(start=first, end=last)}
            want = tuple(s.connection().execute(statement, params).one())
            got = prepared.fetch(s.connection(), params)
            assert got == [want]
        assert got == [(3, 4, 3)]  # 甲 乙 丙; two members on two days; 甲 乙 丁 joined before, not left
