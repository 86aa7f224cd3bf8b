"""A camp's day count names a date: a group's first day (开营日, `camp_start_day`) and length (`camp_days`) make a
chain titled 第15天 / Day 15 / D15 / 第十五天 a chain of start + N − 1. Every test pins its own day."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.services.group_profile import update_group_profile
from desktop.services.groups import create_group
from desktop.services.paste import preview_paste
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import CheckIn, Member, Membership

GROUP = "21天写作营"
START = date(2026, 12, 1)  # day 1; day 12 is 12-12, day 16 is 12-16
TODAY = date(2026, 12, 16)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _camp(database, *, start: date | None = START, days: int | None = 21) -> int:
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, GROUP, kind="camp")
        for name in ("张三", "李四", "王五"):
            add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 11, 28, 20)))
        if start is not None or days is not None:
            update_group_profile(s, owner, gid, camp_start_day=start, camp_days=days)
        s.commit()
    return gid


def _checkins(database, group_id: int) -> list[tuple[str, date, bool]]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day, CheckIn.late)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
            .where(CheckIn.group_id == group_id)
            .order_by(CheckIn.day, Member.display_name)
        ).all()
    return [tuple(r) for r in rows]


def _checkin(db, tmp_path, text: str, *extra: str) -> int:
    chain = tmp_path / "chain.txt"
    chain.write_text(text, encoding="utf-8")
    return main(["--db", db, "checkin", "--group", GROUP, "--paste", str(chain), *extra])


@pytest.mark.parametrize(
    "title",
    ["#接龙 第12天打卡", "#接龙\nDay 12 check-in", "#接龙 D12 打卡", "#接龙\n21天写作营\n第十二天打卡"],
)
def test_a_title_s_camp_day_names_its_date_and_a_late_paste_is_refused_without_date(
    sqlite_workspace, sqlite_path, tmp_path, capsys, title
):
    """Friday's chain 第12天 pasted on Wednesday the 16th was logged for the 16th without a word. With the camp's
    first day (12-01) day 12 is 12-12: the CLI refuses without --date, naming that date; with it, it is logged."""
    gid = _camp(sqlite_workspace)
    text = f"{title}\n1. 张三 800字\n2. 李四 1000字\n"
    assert _checkin(str(sqlite_path), tmp_path, text) == 1
    err = capsys.readouterr().err
    assert "2026-12-12" in err and "nothing logged" in err
    assert _checkins(sqlite_workspace, gid) == []
    assert _checkin(str(sqlite_path), tmp_path, text, "--date", "2026-12-12") == 0
    assert _checkins(sqlite_workspace, gid) == [
        ("张三", date(2026, 12, 12), False),
        ("李四", date(2026, 12, 12), False),
    ]


def test_the_camp_day_of_the_day_chosen_is_logged_without_a_word(sqlite_workspace, sqlite_path, tmp_path, capsys):
    gid = _camp(sqlite_workspace)
    assert _checkin(str(sqlite_path), tmp_path, "#接龙 第16天打卡\n1. 张三\n") == 0
    assert "第16天" not in capsys.readouterr().err
    assert _checkins(sqlite_workspace, gid) == [("张三", TODAY, False)]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("#接龙 12月15日 第16天打卡", "camp_day"),  # the date says 15, the count 16: which is the typo?
        ("#接龙 第99天打卡", "camp_outside"),  # a 21-day camp has no day 99
        ("#接龙 第0天打卡", "camp_outside"),
    ],
)
def test_a_title_whose_date_and_camp_day_disagree_or_a_count_outside_the_camp_is_asked(
    sqlite_workspace, sqlite_path, tmp_path, capsys, title, kind
):
    gid = _camp(sqlite_workspace)
    text = f"{title}\n1. 张三\n"
    with sqlite_workspace.session() as s:
        preview = preview_paste(s, gid, TODAY, text)
    assert (preview.title_doubt, preview.title_day, preview.day_mismatch) == (kind, None, True)
    assert _checkin(str(sqlite_path), tmp_path, text) == 1
    assert "nothing logged" in capsys.readouterr().err
    assert _checkins(sqlite_workspace, gid) == []
    assert _checkin(str(sqlite_path), tmp_path, text, "--date", "2026-12-15") == 0  # the user says which day
    assert _checkins(sqlite_workspace, gid) == [("张三", date(2026, 12, 15), False)]


def test_a_date_and_camp_day_that_agree_are_the_day(sqlite_workspace):
    gid = _camp(sqlite_workspace)
    with sqlite_workspace.session() as s:
        preview = preview_paste(s, gid, TODAY, "#接龙 12月12日 第12天打卡\n1. 张三\n")
    assert (preview.title_day, preview.title_doubt, preview.camp_title) == (date(2026, 12, 12), None, "第12天")


def test_without_a_first_day_the_chain_is_logged_for_the_day_chosen_with_a_hint(
    sqlite_workspace, sqlite_path, tmp_path, capsys
):
    gid = _camp(sqlite_workspace, start=None, days=None)
    assert _checkin(str(sqlite_path), tmp_path, "#接龙 第12天打卡\n1. 张三\n") == 0
    err = capsys.readouterr().err
    assert "第12天" in err and "--camp-start" in err
    assert _checkins(sqlite_workspace, gid) == [("张三", TODAY, False)]


def test_a_camp_description_s_days_are_not_the_chain_s(sqlite_workspace):
    """`第1天到第7天为基础周` / `第二天补卡无效` describe the camp: they name no day of this chain."""
    gid = _camp(sqlite_workspace)
    text = "#接龙 写作营打卡\n第1天到第7天为基础周\n第二天补卡无效\n1. 张三\n"
    with sqlite_workspace.session() as s:
        preview = preview_paste(s, gid, TODAY, text)
    assert (preview.title_day, preview.title_doubt, preview.camp_title) == (None, None, None)


def test_a_make_up_of_a_camp_day_is_its_date_with_a_first_day_title_or_none(
    sqlite_workspace, sqlite_path, tmp_path, capsys
):
    """补第12天 under a chain without a camp day was left for a person (camp_day_unknown): with the camp's first day
    it is a 补卡 of 12-12; 补第30天 of a 21-day camp is no day of it, left with its reason."""
    gid = _camp(sqlite_workspace)
    text = "#接龙 写作营打卡\n1. 张三 800字\n2. 李四 补第12天\n3. 王五 补第30天\n"
    assert _checkin(str(sqlite_path), tmp_path, text) == 0
    err = capsys.readouterr().err
    assert "王五" in err and "不在营期之内" in err
    assert _checkins(sqlite_workspace, gid) == [
        ("李四", date(2026, 12, 12), True),
        ("张三", TODAY, False),
    ]


def test_the_groups_command_sets_and_clears_the_camp(sqlite_workspace, sqlite_path, capsys):
    import json

    gid = _camp(sqlite_workspace, start=None, days=None)
    db = str(sqlite_path)
    assert main(["--db", db, "groups", "--group", GROUP, "--camp-start", "2026-12-01", "--camp-days", "21"]) == 0
    assert "2026-12-01" in capsys.readouterr().out
    assert main(["--db", db, "groups", "--json"]) == 0
    row = next(r for r in json.loads(capsys.readouterr().out) if r["id"] == gid)
    assert (row["camp_start_day"], row["camp_days"]) == ("2026-12-01", 21)
    assert main(["--db", db, "groups", "--group", GROUP, "--camp-start", "12/01"]) == 1
    assert main(["--db", db, "groups", "--group", GROUP, "--camp-days", "0"]) == 1
    assert main(["--db", db, "groups", "--group", GROUP, "--camp-start", "none"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "groups", "--json"]) == 0
    row = next(r for r in json.loads(capsys.readouterr().out) if r["id"] == gid)
    assert (row["camp_start_day"], row["camp_days"]) == (None, 21)


# ---------------------------------------------------------------------------------------------- the migration

COUNTED = ("community_group", "membership", "checkin", "step_progress", "points_entry", "leave", "attendance")


def _counts(engine) -> dict[str, int]:
    from sqlalchemy import text

    with engine.connect() as conn:
        return {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one() for t in COUNTED}


def test_0025_on_a_demo_workspace_keeps_every_row_and_sets_no_camp(any_db_url):
    """A demo workspace taken back to 0024 and upgraded again: every group, membership and check-in is kept (a
    rebuild of community_group on SQLite would have taken every row that cascades from a group with it), and no
    group has a first day until one is set."""
    from alembic import command

    from desktop.demo import build_demo
    from models.db import alembic_config, make_engine, open_database

    database = open_database(any_db_url)
    build_demo(database.engine, groups=2, members=60, months=1, seed=3, today=date(2026, 11, 20))
    before = _counts(database.engine)
    assert before["checkin"] > 0 and before["membership"] > 0
    database.dispose()
    engine = make_engine(any_db_url)
    command.downgrade(alembic_config(engine), "0024_zones2_chat_span_zone")
    assert _counts(engine) == before
    engine.dispose()
    database = open_database(any_db_url)  # upgrades to head
    assert _counts(database.engine) == before
    with database.session() as s:
        from models import Group

        assert {(g.camp_start_day, g.camp_days) for g in s.scalars(select(Group))} == {(None, None)}
    database.dispose()


def test_0025_on_the_first_release_s_workspace(tmp_path):
    """tests/data/workspace_v1.sqlite, upgraded as the app opens it: its groups have no first day, and a first day
    set afterwards names the date of a chain's camp day."""
    import shutil

    from desktop.workspace import open_workspace
    from models import Group

    path = tmp_path / "v1.sqlite"
    shutil.copyfile(Path(__file__).parents[1] / "data" / "workspace_v1.sqlite", path)
    database = open_workspace(path)
    try:
        owner = actor_for(database)
        with database.session() as s:
            groups = list(s.scalars(select(Group)))
            assert groups and {(g.camp_start_day, g.camp_days) for g in groups} == {(None, None)}
            gid = groups[0].id
            update_group_profile(s, owner, gid, camp_start_day=date(2026, 11, 1), camp_days=21)
            s.commit()
            preview = preview_paste(s, gid, TODAY, "#接龙 第10天打卡\n1. 某人\n")
        assert (preview.title_day, preview.camp_title) == (date(2026, 11, 10), "第10天")
    finally:
        database.dispose()


# ---------------------------------------------------------------------------------------------- the chat import


def _chat_csv(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    import csv
    import io

    from desktop.io import chat_exports

    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(chat_exports._LIUHEN_CSV_HEADER)
    for i, (at, text, nick, wxid) in enumerate(rows):
        stamp = int(datetime.fromisoformat(at + "+08:00").timestamp())
        writer.writerow([5000 + i, 27, 1, 0, 0, stamp, 3, text, at, nick, nick, wxid])
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))
    return path


def test_a_chat_message_s_camp_day_keeps_its_stamp_s_day_and_a_disagreement_is_reported(
    sqlite_workspace, sqlite_path, tmp_path, monkeypatch, capsys
):
    """A chat export of the camp (first day 12-01): 张三's「第12天打卡」posted on the 13th is his check-in of the 13th
    (the stamp says when he posted it) and the import now says the count names the 12th; 李四's「第13天打卡」of the 13th
    agrees and is said nowhere; 王五's「补打卡 第2天」, which the import dropped (no date a chat can tell), is a 补卡 of
    12-02 once the first day is set; 坚持打卡第7天 is a member's own count, no camp day."""
    from desktop.io import chat_exports
    from desktop.services.chat_import import plan_chat_import

    monkeypatch.setattr(chat_exports, "LOCAL_ZONE", chat_exports.local_zone("Asia/Shanghai"))
    gid = _camp(sqlite_workspace)
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        from desktop.services.roster import MemberInput as MI

        for name, wxid in (("赵六", "wxid_zl"),):
            add_member(s, owner, gid, MI(display_name=name, wechat_id=wxid, joined_at=datetime(2026, 11, 28, 20)))
        for m in s.scalars(select(Member)):
            m.wechat_id = m.wechat_id or {"张三": "wxid_zs", "李四": "wxid_ls", "王五": "wxid_ww"}[m.display_name]
        s.commit()
    path = _chat_csv(
        tmp_path / "camp_chat_utf8.csv",
        [
            ("2026-12-13 07:00:00", "第12天打卡 写了900字", "张三", "wxid_zs"),
            ("2026-12-13 07:05:00", "第13天打卡", "李四", "wxid_ls"),
            ("2026-12-13 21:00:00", "补打卡 第2天", "王五", "wxid_ww"),
            ("2026-12-13 21:10:00", "坚持打卡第7天", "赵六", "wxid_zl"),
        ],
    )
    with sqlite_workspace.session() as s:
        plan = plan_chat_import(s, gid, path)
    assert sorted((c.display_name, c.day) for c in plan.checkins) == [
        ("张三", date(2026, 12, 13)),
        ("李四", date(2026, 12, 13)),
        ("王五", date(2026, 12, 2)),
        ("赵六", date(2026, 12, 13)),
    ]
    assert plan.camp_day_disagrees == [(date(2026, 12, 13), "张三", "第12天", date(2026, 12, 12))]
    assert main(["--db", str(sqlite_path), "import", "chat", str(path), "--group", GROUP]) == 0
    err = capsys.readouterr().err
    assert "张三" in err and "第12天" in err and "2026-12-12" in err
    assert ("张三", date(2026, 12, 13), False) in _checkins(sqlite_workspace, gid)


def test_two_days_chains_pasted_together_each_keep_their_own_camp_day(sqlite_workspace, sqlite_path, tmp_path, capsys):
    """第15天's chain then 第16天's, pasted together on the 16th: the first chain's lines were logged for the 16th too
    (its title asked about, but once the 16th was chosen every line was the 16th's). Now each chain is its own camp
    day's: the 16th's lines are logged, the 15th's are 其他日期 (another day), not logged."""
    gid = _camp(sqlite_workspace)
    text = "#接龙 第15天打卡\n1. 张三\n2. 李四\n\n#接龙 第16天打卡\n1. 王五\n2. 张三\n"
    assert _checkin(str(sqlite_path), tmp_path, text) == 0
    assert _checkins(sqlite_workspace, gid) == [("张三", TODAY, False), ("王五", TODAY, False)]


@pytest.mark.parametrize(
    ("title", "named", "words"),
    [
        ("#接龙 Day 5 check-in", date(2026, 11, 29), "Day 5"),  # not the 5th of the month: day 5 of the camp
        ("#接龙 第5/21天打卡", date(2026, 11, 29), "第5/21天"),  # not 21 May: day 5 of 21
        ("#接龙 Day 5/21", date(2026, 11, 29), "Day 5"),
        ("#接龙 早起30天 第五天", date(2026, 11, 29), "第五天"),
        ("#接龙 第3周第5天", None, None),  # a day of the camp's third week: no camp day of its own
        ("#接龙 Week 3 Day 5", None, None),
        ("#接龙 开营倒计时第3天", None, None),  # before the camp: no day of it
        ("#接龙 预热第1天打卡", None, None),
    ],
)
def test_how_a_title_writes_its_camp_day(sqlite_workspace, title, named, words):
    gid = _camp(sqlite_workspace, start=date(2026, 11, 25))
    with sqlite_workspace.session() as s:
        preview = preview_paste(s, gid, TODAY, f"{title}\n1. 张三\n")
    assert (preview.title_day, preview.camp_title, preview.title_doubt) == (named, words, None)


def test_a_count_out_of_the_camp_s_length_is_no_date_without_a_first_day_either(sqlite_workspace):
    """`第5/21天打卡` was read as 21 May (the chain asked about as the chain of 2027-05-21): it is day 5 of 21."""
    gid = _camp(sqlite_workspace, start=None, days=None)
    with sqlite_workspace.session() as s:
        preview = preview_paste(s, gid, TODAY, "#接龙 第5/21天打卡\n1. 张三\n")
    assert (preview.title_day, preview.day_mismatch, preview.camp_hint) == (None, False, "第5/21天")


def test_a_chat_chain_s_camp_day_keeps_its_stamp_s_day_and_is_reported(sqlite_workspace, tmp_path, monkeypatch):
    """A 接龙 of 第12天 posted in the chat on the 13th: its entries are the 13th's (posted then), and the title's count,
    which names the 12th, is reported once however often the chain was reposted."""
    from desktop.io import chat_exports
    from desktop.services.chat_import import plan_chat_import

    monkeypatch.setattr(chat_exports, "LOCAL_ZONE", chat_exports.local_zone("Asia/Shanghai"))
    gid = _camp(sqlite_workspace)
    with sqlite_workspace.session() as s:
        for m in s.scalars(select(Member)):
            m.wechat_id = {"张三": "wxid_zs", "李四": "wxid_ls", "王五": "wxid_ww"}[m.display_name]
        s.commit()
    path = _chat_csv(
        tmp_path / "camp_chain_utf8.csv",
        [
            ("2026-12-13 07:00:00", "#接龙\n第12天打卡\n1. 张三", "张三", "wxid_zs"),
            ("2026-12-13 07:10:00", "#接龙\n第12天打卡\n1. 张三\n2. 李四", "李四", "wxid_ls"),
        ],
    )
    with sqlite_workspace.session() as s:
        plan = plan_chat_import(s, gid, path)
    assert sorted((c.display_name, c.day) for c in plan.checkins) == [
        ("张三", date(2026, 12, 13)),
        ("李四", date(2026, 12, 13)),
    ]
    assert [(d, words, named) for d, _title, words, named in plan.camp_day_disagrees] == [
        (date(2026, 12, 13), "第12天", date(2026, 12, 12))
    ]
