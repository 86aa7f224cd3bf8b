"""Paste-ready texts (issue 16, PRODUCT §3.9) read back for a seeded group: exactly the right people (checked in,
on leave, opted out, applicants, former members, people who joined later), placeholders filled, no private
field, splitting at the limit; templates refused with the unknown placeholder's name; the CLI."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from desktop.cli import main
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.checkins import record_checkins, record_leave
from desktop.services.groups import create_group
from desktop.services.onboarding import list_steps, record_step, update_rules
from desktop.services.operators import add_operator
from desktop.services.points import adjust_points
from desktop.services.roster import MemberInput, add_member
from desktop.services.texts import (
    DEFAULTS,
    LIMIT,
    leaderboard_text,
    reminder_text,
    render,
    set_template,
    shown_name,
    stalled_text,
    summary_text,
    template_for,
    validate_template,
    welcome_text,
)
from desktop.workspace import actor_for, open_workspace
from models import EntryStep, Group, Member, Membership, RulesVersion, TextTemplate

DAY = date(2026, 11, 20)  # a Friday
GROUP = "早起打卡营"
PHONE = "13800138000"


@pytest.fixture
def seeded(tmp_path, monkeypatch):
    """早起打卡营 on 2026-11-20: 王芳 checked in, 李雷 on leave, 小雨 / 周敏 / 赵六 not checked in, 韩梅 an applicant,
    张伟 left, 陈晨 joined the day after; 小雨 and 周敏 use group nicknames; 赵六's has a phone number in it."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-30")
    database = open_workspace(tmp_path / "ws.sqlite")
    owner = actor_for(database)
    ids: dict[str, int] = {}
    with database.session() as s:
        gid = create_group(s, owner, GROUP)
        s.execute(
            update(Group)
            .where(Group.id == gid)
            .values(goal="每天 6 点前起床, 坚持 21 天", joining_notice="入群请改群昵称：城市-名字", operators_text=None)
        )
        update_rules(s, owner, gid, "1. 每天早上 7 点前接龙打卡\n2. 不发广告\n3. 请假请私聊群主")

        def add(name, **kw):
            kw.setdefault("joined_at", datetime(2026, 11, 1, 9, 0))
            ids[name] = add_member(s, owner, gid, MemberInput(display_name=name, phone=PHONE, **kw))[1]

        add("王芳", wechat_id="wxid_wangfang")
        add("李雷")
        add("林小雨", group_nickname="小雨🌧")
        add("周敏", group_nickname="北京-周敏")
        add("赵六", group_nickname=f"赵六-{PHONE}")
        add("韩梅", status="applicant", joined_at=None)
        add("张伟")
        add("陈晨", joined_at=datetime(2026, 11, 21, 8, 0))
        s.commit()
        from desktop.services.onboarding import leave_group

        leave_group(s, owner, ids["张伟"], "退群", status="left", when=datetime(2026, 11, 10, 12, 0))
        record_checkins(s, owner, gid, DAY, [ids["王芳"]])
        record_leave(s, owner, ids["李雷"], date(2026, 11, 19), date(2026, 11, 21), "出差")
        s.commit()
    yield database, owner, gid, ids
    database.dispose()


def test_reminder_names_exactly_who_has_not_checked_in(seeded):
    database, _owner, gid, _ids = seeded
    with database.session() as s:
        text = reminder_text(s, gid, DAY)
    assert len(text.parts) == 1 and text.people == 3
    body = text.parts[0]
    assert body.startswith("📣 11月20日 周五 早起打卡营 还差 3 人打卡（已打卡 1/4）：")
    mentioned = set(re.findall(r"@(\S+)", body))
    assert mentioned == {"小雨🌧", "北京-周敏", "赵六-138****"}  # group nicknames; the phone masked
    for absent in ("王芳", "李雷", "韩梅", "张伟", "陈晨"):  # checked in, on leave, applicant, left, joined later
        assert absent not in body
    assert PHONE not in body and "wxid" not in body and "$" not in body


def test_reminder_says_when_everyone_is_in(seeded):
    database, owner, gid, ids = seeded
    with database.session() as s:
        record_checkins(s, owner, gid, DAY, [ids["林小雨"], ids["周敏"], ids["赵六"]])
        s.commit()
        text = reminder_text(s, gid, DAY)
    assert text.parts == () and "everyone" in text.empty_reason


def test_no_reminder_for_a_day_to_come(seeded, monkeypatch):
    """A reminder for tomorrow called every member out for what nobody could do yet: nothing to post, said why."""
    from datetime import timedelta

    database, _owner, gid, _ids = seeded
    monkeypatch.setenv("QUNDESK_TODAY", DAY.isoformat())
    with database.session() as s:
        text = reminder_text(s, gid, DAY + timedelta(days=1))
    assert text.parts == () and "has not come" in text.empty_reason


def test_a_long_list_is_split_into_messages_under_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv(
        "QUNDESK_TODAY", DAY.isoformat()
    )  # the reminder of the day itself (no reminder of a day to come)
    database = open_workspace(tmp_path / "big.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "千人群")
        names = [f"成员{i:03d}号" for i in range(300)]
        for name in names:
            add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 11, 1)))
        s.commit()
        text = reminder_text(s, gid, DAY)
    database.dispose()
    n = len(text.parts)
    assert n >= 5 and all(len(p) <= LIMIT for p in text.parts)
    assert [p.splitlines()[-1] for p in text.parts] == [f"（{i}/{n}）" for i in range(1, n + 1)]
    assert text.parts[0].startswith("📣 11月20日") and "记得来接龙" in text.parts[-1]
    mentioned = [m for p in text.parts for m in re.findall(r"@(\S+)", p)]
    assert sorted(mentioned) == sorted(names)  # everyone once, nobody cut in half
    # lines a phone shows well: at most 30 display columns (a CJK character counts 2)
    name_lines = [line for p in text.parts for line in p.splitlines() if line.startswith("@")]
    assert max(sum(2 if ord(c) > 0x2E80 else 1 for c in line) for line in name_lines) <= 30


def test_welcome_has_the_goal_rules_notice_and_the_steps_still_to_do(seeded):
    database, owner, gid, ids = seeded
    with database.session() as s:
        steps = list_steps(s, gid)
        record_step(s, owner, ids["韩梅"], steps[0].id, answer="想早起")
        s.commit()
        text = welcome_text(s, ids["韩梅"])
    body = text.parts[0]
    assert body.startswith("🎉 欢迎 @韩梅 加入「早起打卡营」！")
    assert "🎯 我们的目标：每天 6 点前起床, 坚持 21 天" in body
    assert "1. 每天早上 7 点前接龙打卡\n2. 不发广告\n3. 请假请私聊群主" in body
    assert "📌 入群须知：入群请改群昵称：城市-名字" in body
    todo = [step.name for step in steps[1:]]
    listed = re.findall(r"^\d+\. (.+?)(?:（可选）)?$", body.split("还需要完成：\n", 1)[1], flags=re.M)
    assert listed == todo  # the first step is done; the rest, in order
    assert steps[0].name not in body.split("还需要完成：", 1)[1]
    assert PHONE not in body


def test_a_welcome_leaves_out_what_the_group_has_not_written(seeded):
    database, _owner, gid, ids = seeded
    with database.session() as s:
        s.execute(update(Group).where(Group.id == gid).values(goal=None))
        s.execute(update(EntryStep).where(EntryStep.group_id == gid).values(retired_at=datetime(2026, 11, 1)))
        body = welcome_text(s, ids["周敏"]).parts[0]
    assert "目标" not in body  # no empty "我们的目标：" line
    assert "@北京-周敏" in body and "（都已完成，欢迎正式加入！）" in body


def test_a_welcome_without_rules_has_no_rules_heading_over_nothing(seeded):
    """A group made by a roster import has no rules yet: the default template's "📜 群规要点：" stood alone over
    nothing, right above the joining notice."""
    database, _owner, gid, ids = seeded
    with database.session() as s:
        s.execute(RulesVersion.__table__.delete().where(RulesVersion.group_id == gid))
        body = welcome_text(s, ids["周敏"]).parts[0]
    assert "群规要点" not in body
    assert body.split("\n")[:3] == [
        "🎉 欢迎 @北京-周敏 加入「早起打卡营」！",
        "🎯 我们的目标：每天 6 点前起床, 坚持 21 天",
        "📌 入群须知：入群请改群昵称：城市-名字",
    ]
    # a heading whose content is there stays, and so does a heading of the caller's own over a list
    assert render("welcome", "规则：\n$rules\n步骤：\n$steps", {"rules": "不发广告"}, ["1. 自我介绍"]) == (
        "规则：\n不发广告\n步骤：\n1. 自我介绍",
    )


def test_no_welcome_for_someone_who_left_or_was_blacklisted(seeded, capsys):
    """`text welcome --member 张伟` (张伟 left on the 10th) printed "🎉 欢迎 @张伟 加入「早起打卡营」！" with the
    entry steps to do — the window offers no welcome for a former member; a blacklisted person got one too."""
    database, owner, gid, ids = seeded
    with database.session() as s:
        text = welcome_text(s, ids["张伟"])
        assert text.parts == () and "已退群" in (text.empty_reason or "")
        s.execute(update(Membership).where(Membership.id == ids["李雷"]).values(status="blacklisted"))
        s.commit()
        assert welcome_text(s, ids["李雷"]).parts == ()
        assert welcome_text(s, ids["周敏"]).parts  # a member still gets one
    db = str(database.engine.url.database)
    assert main(["--db", db, "text", "welcome", "--group", GROUP, "--member", "张伟"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "张伟: 已退群" in err and "欢迎 @" not in err


def test_stalled_names_the_newcomers_and_their_step_not_the_applicants(seeded):
    database, owner, gid, ids = seeded
    with database.session() as s:
        steps = list_steps(s, gid)
        novice = add_member(s, owner, gid, MemberInput(display_name="新人甲", group_nickname="甲", status="applicant"))[
            1
        ]
        from desktop.services.onboarding import record_join

        record_join(s, owner, novice, datetime(2026, 11, 10, 9, 0))
        record_step(s, owner, novice, steps[0].id, answer="早起", when=datetime(2026, 11, 10, 9, 30))
        s.commit()
        text = stalled_text(s, gid, date(2026, 11, 25))
    assert text.people == 1
    body = text.parts[0]
    assert f"@甲：还差「{steps[1].name}」、「{steps[2].name}」（已停留 15 天）" in body  # every required step left
    assert "韩梅" not in body  # an applicant is not in the group chat yet
    # a template's $days is the threshold (the setting, 7, or the days asked for), not the last newcomer's wait
    with database.session() as s:
        set_template(s, owner, gid, "stalled", "超过 $days 天没动的新人:\n$list")
        s.commit()
        assert stalled_text(s, gid, date(2026, 11, 25)).parts[0].startswith("超过 7 天没动的新人:")
        assert stalled_text(s, gid, date(2026, 11, 25), days=10).parts[0].startswith("超过 10 天没动的新人:")


def test_leaderboard_ranks_the_month_leaves_out_who_opted_out_and_names_levels(seeded):
    database, owner, gid, ids = seeded
    with database.session() as s:
        adjust_points(s, owner, ids["王芳"], 40, "分享", day=date(2026, 11, 5))
        adjust_points(s, owner, ids["周敏"], 25, "分享", day=date(2026, 11, 6))
        adjust_points(s, owner, ids["林小雨"], 25, "分享", day=date(2026, 11, 7))
        adjust_points(s, owner, ids["赵六"], 90, "分享", day=date(2026, 11, 8))
        adjust_points(s, owner, ids["李雷"], 200, "十月的", day=date(2026, 10, 8))  # not this month
        adjust_points(s, owner, ids["张伟"], 99, "分享", day=date(2026, 11, 3))  # left on the 10th: not in the group
        member = s.scalar(select(Membership_member(ids["赵六"])))
        s.execute(update(Member).where(Member.id == member).values(points_opt_out=True))
        s.commit()
        text = leaderboard_text(s, gid, 2026, 11, top=10)
    body = text.parts[0]
    lines = body.splitlines()
    assert lines[0] == "🏆 早起打卡营 11月 积分榜"
    # 王芳: 40 + 1 for the check-in; 活跃 from 30 points (default levels)
    assert lines[1] == "🥇 王芳 41分 · 活跃"
    assert set(lines[2:4]) == {"🥈 北京-周敏 25分 · 新人", "🥈 小雨🌧 25分 · 新人"}  # a tie shares the rank
    assert "赵六" not in body  # opted out
    assert "李雷" not in body  # points of another month
    assert "张伟" not in body  # left the group: the text is posted in it (an @ or a medal for someone gone)
    assert "🎉 本月晋级：王芳 → 活跃" in body


def Membership_member(membership_id: int):
    from models import Membership

    return select(Membership.member_id).where(Membership.id == membership_id).scalar_subquery()


def test_summary_has_the_months_figures_beside_last_month(seeded):
    database, _owner, gid, _ids = seeded
    with database.session() as s:
        body = summary_text(s, gid, 2026, 11, today=date(2026, 11, 30)).parts[0]
    assert body.startswith("📊 早起打卡营 11月 小结")
    assert "👥 成员 6 人（上月 0）" in body  # 王芳 李雷 小雨 周敏 赵六 陈晨 (张伟 left, 韩梅 applicant)
    assert "✅ 打卡 1 次" in body
    assert "💬" not in body and "🎯 活动" not in body  # no messages and no activities either month: left out
    assert "🏆 本月积分王：王芳" in body


def test_templates_refuse_an_unknown_placeholder_by_name_and_go_back_to_the_default(seeded):
    database, owner, gid, _ids = seeded
    with pytest.raises(ValidationError, match=r"\$nmae"):
        validate_template("reminder", "还差 $count 人：$nmae")
    with pytest.raises(ValidationError, match="不是占位符"):
        validate_template("reminder", "还差 $count 人, 红包 $5")
    assert validate_template("reminder", "还差 $count 人 ($$5 红包)\r\n$names\n") == "还差 $count 人 ($$5 红包)\n$names"
    with database.session() as s:
        assert set_template(s, owner, gid, "reminder", "⏰ $date 还差 $count 人：\n$names") is True
        s.commit()
        assert reminder_text(s, gid, DAY).parts[0].startswith("⏰ 11月20日 还差 3 人：\n@")
        assert set_template(s, owner, gid, "reminder", DEFAULTS["reminder"]) is False  # the default again
        assert template_for(s, gid, "reminder") == DEFAULTS["reminder"]
        add_operator(s, owner, "小助理", "assistant")
        s.commit()
        with pytest.raises(PermissionDenied):
            set_template(s, actor_for(database, "小助理"), gid, "welcome", "欢迎 $name")


def test_no_private_field_in_any_text(seeded):
    database, owner, gid, ids = seeded
    with database.session() as s:
        adjust_points(s, owner, ids["赵六"], 10, "分享", day=date(2026, 11, 8))
        s.commit()
        texts = [
            reminder_text(s, gid, DAY),
            welcome_text(s, ids["赵六"]),
            leaderboard_text(s, gid, 2026, 11),
            summary_text(s, gid, 2026, 11, today=date(2026, 11, 30)),
        ]
    for text in texts:
        assert PHONE not in text.text and "wxid_" not in text.text, text.kind
    assert shown_name("张三 138 0013 8000", "张三") == "张三 138****"


def test_cli_prints_each_text(seeded, capsys):
    database, _owner, _gid, _ids = seeded
    path = str(database.engine.url.database)
    database.dispose()
    assert main(["--db", path, "text", "reminder", "--group", GROUP, "--date", "2026-11-20"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("📣 11月20日 周五 早起打卡营 还差 3 人打卡") and "@小雨🌧" in out
    assert main(["--db", path, "text", "welcome", "--group", GROUP, "--member", "韩梅"]) == 0
    assert "欢迎 @韩梅" in capsys.readouterr().out
    assert main(["--db", path, "text", "leaderboard", "--group", GROUP, "--month", "2026-11", "--top", "3"]) == 0
    assert "🥇 王芳 1分" in capsys.readouterr().out
    assert main(["--db", path, "text", "summary", "--group", GROUP, "--month", "2026-11"]) == 0
    assert "📊 早起打卡营 11月 小结" in capsys.readouterr().out
    assert main(["--db", path, "text", "stalled", "--group", GROUP]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "nobody" in captured.err  # nothing to post: said on stderr
    assert main(["--db", path, "text", "reminder", "--group", GROUP, "--date", "2026-11-20", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "reminder" and data["people"] == 3 and len(data["parts"]) == 1
    assert main(["--db", path, "text", "welcome", "--group", GROUP, "--member", "没有这个人"]) == 1
    assert main(["--db", path, "text", "reminder", "--group", "没有这个群"]) == 1


def test_a_group_nickname_that_is_the_wechat_id_is_masked_in_every_text(seeded):
    """A group nickname set to one's own WeChat ID (how many people leave it) is a private field in a text: masked
    as a phone is (first three characters), in the reminder, the welcome and the leaderboard."""
    database, owner, gid, ids = seeded
    with database.session() as s:
        _m, mid = add_member(
            s,
            owner,
            gid,
            MemberInput(
                display_name="孙八",
                wechat_id="sunba_2024",
                group_nickname="SunBa_2024",
                joined_at=datetime(2026, 11, 1, 9, 0),
            ),
        )
        adjust_points(s, owner, mid, 10, "分享", day=date(2026, 11, 8))
        s.commit()
        texts = [reminder_text(s, gid, DAY), welcome_text(s, mid), leaderboard_text(s, gid, 2026, 11)]
    for text in texts:
        assert "sunba_2024" not in text.text.casefold(), text.kind
    assert "@Sun****" in texts[0].text and "欢迎 @Sun****" in texts[1].text and "Sun**** 10分" in texts[2].text
    assert shown_name("读书 sunba_2024", "孙八", "ＳＵＮＢＡ_2024") == "读书 sun****"
    assert shown_name("ＳＵＮＢＡ＿２０２４", "孙八", "sunba_2024") == "ＳＵＮ****"  # typed full-width
    assert shown_name("㈱小王", "小王", "sunba_2024") == "㈱小王"  # no ID in it: the name as it is
    assert shown_name(None, "王芳", "wf") == "王芳"  # an ID too short to be told from a name is left alone


def test_a_broken_stored_template_is_an_error_naming_it_not_a_text_with_a_placeholder_left_in(seeded, capsys):
    """A template that reached the database without the editor's check (an older version's placeholder, a restored
    backup) is refused when used, naming the group, the kind and the placeholder; nothing is printed."""
    database, _owner, gid, _ids = seeded
    with database.session() as s:
        s.add(TextTemplate(group_id=gid, kind="summary", body="$group 小结：成员 $membres 人"))
        s.add(TextTemplate(group_id=gid, kind="reminder", body="还差 $count 人 ${names"))
        s.commit()
        with pytest.raises(ValidationError, match=r"早起打卡营.*月度小结.*\$membres"):
            summary_text(s, gid, 2026, 11, today=date(2026, 11, 30))
        with pytest.raises(ValidationError, match="打卡提醒"):
            reminder_text(s, gid, DAY)
        # the editor still opens the stored text to mend it, and its preview says what is wrong
        assert template_for(s, gid, "summary") == "$group 小结：成员 $membres 人"
    path = str(database.engine.url.database)
    database.dispose()
    assert main(["--db", path, "text", "summary", "--group", GROUP, "--month", "2026-11"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "$membres" in captured.err


def test_welcome_finds_one_of_two_namesakes_by_wechat_id_as_the_error_says(seeded, capsys):
    database, owner, gid, ids = seeded
    with database.session() as s:
        add_member(s, owner, gid, MemberInput(display_name="王芳", wechat_id="wxid_wangfang2", group_nickname="芳芳"))
        s.commit()
    path = str(database.engine.url.database)
    database.dispose()
    assert main(["--db", path, "text", "welcome", "--group", GROUP, "--member", "王芳"]) == 1
    assert "微信号" in capsys.readouterr().err
    assert main(["--db", path, "text", "welcome", "--group", GROUP, "--member", "WXID_WANGFANG2"]) == 0
    out = capsys.readouterr().out
    assert "欢迎 @芳芳" in out and "wxid" not in out


def test_leaderboard_keeps_everyone_level_with_the_last_place_shown(seeded):
    """top 2 with three people on 26 points after the first: all three are on the board (rank 2), not the two the
    alphabet favoured; a summary names everyone on first place."""
    database, owner, gid, ids = seeded
    with database.session() as s:
        adjust_points(s, owner, ids["王芳"], 40, "分享", day=date(2026, 11, 5))  # 41 with the check-in
        for name in ("周敏", "林小雨", "李雷"):
            adjust_points(s, owner, ids[name], 26, "分享", day=date(2026, 11, 6))
        s.commit()
        text = leaderboard_text(s, gid, 2026, 11, top=2)
        lines = text.parts[0].splitlines()
        assert text.people == 4
        assert lines[1].startswith("🥇 王芳 41分")
        assert sorted(line.split()[1] for line in lines[2:5]) == ["北京-周敏", "小雨🌧", "李雷"]
        assert all(line.startswith("🥈 ") and " 26分" in line for line in lines[2:5])
        adjust_points(s, owner, ids["王芳"], -15, "更正", day=date(2026, 11, 7))  # 26: four on first place
        s.commit()
        body = summary_text(s, gid, 2026, 11, today=date(2026, 11, 30)).parts[0]
    leaders = body.split("🏆 本月积分王：")[1].split("、")
    assert sorted(leaders) == ["北京-周敏", "小雨🌧", "李雷", "王芳"]


def test_someone_without_a_group_nickname_is_named_by_their_wechat_nickname_not_their_roster_name(seeded):
    """In the chat a person with no group nickname shows as their WeChat nickname (昵称): that is the name to @ —
    the roster name (a real name from a registration form) is not what the group sees."""
    database, owner, gid, ids = seeded
    with database.session() as s:
        _m, mid = add_member(
            s,
            owner,
            gid,
            MemberInput(display_name="张建国", nickname="阳光小猪🐷", joined_at=datetime(2026, 11, 1, 9, 0)),
        )
        adjust_points(s, owner, mid, 50, "分享", day=date(2026, 11, 8))
        s.commit()
        texts = [
            reminder_text(s, gid, DAY),
            welcome_text(s, mid),
            leaderboard_text(s, gid, 2026, 11),
            summary_text(s, gid, 2026, 11, today=date(2026, 11, 30)),
        ]
    for text in texts:
        assert "张建国" not in text.text, text.kind
    assert "@阳光小猪🐷" in texts[0].text and "欢迎 @阳光小猪🐷" in texts[1].text
    assert "🥇 阳光小猪🐷 50分" in texts[2].text and "本月积分王：阳光小猪🐷" in texts[3].text
    assert shown_name("群里的名字", "张建国", nickname="阳光小猪") == "群里的名字"  # the group nickname first


def test_stalled_days_placeholder_is_the_threshold_not_the_last_persons_wait(seeded):
    """$days says "stalled for more than N days" (the stalled_days setting, 7): it held the wait of the last
    person listed (15 here)."""
    database, owner, gid, _ids = seeded
    with database.session() as s:
        steps = list_steps(s, gid)
        novice = add_member(s, owner, gid, MemberInput(display_name="新人乙", group_nickname="乙", status="applicant"))[
            1
        ]
        from desktop.services.onboarding import record_join

        record_join(s, owner, novice, datetime(2026, 11, 10, 9, 0))
        record_step(s, owner, novice, steps[0].id, answer="早起", when=datetime(2026, 11, 10, 9, 30))
        s.commit()
        text = stalled_text(s, gid, date(2026, 11, 25), template="超过 $days 天没动的伙伴：\n$list")
    assert text.parts[0].splitlines()[0] == "超过 7 天没动的伙伴："
    assert "（已停留 15 天）" in text.parts[0]


def test_leaderboard_top_outside_1_to_100_is_a_usage_error(seeded, capsys):
    """`--top 0` printed the first place and `--top 500` the first 100, both without a word: a usage error (exit 2)
    naming the range; a top within it prints the board."""
    database, owner, gid, ids = seeded
    with database.session() as s:
        adjust_points(s, owner, ids["王芳"], 5, "分享")
        s.commit()
    db = str(database.engine.url.database)
    base = ["--db", db, "text", "leaderboard", "--group", GROUP, "--month", "2026-11"]
    for top in ("0", "101", "-3", "ten"):
        assert main([*base, "--top", top]) == 2
        out, err = capsys.readouterr()
        assert out == "" and "--top" in err
    assert main([*base, "--top", "100"]) == 0
    assert "王芳" in capsys.readouterr().out


def test_a_name_with_an_at_sign_or_a_line_break_is_one_mention_on_one_line(seeded):
    """A group nickname "@张三" gave "@@张三" (an @ of nobody) and one with a line break in it ("小明\\n北京", pasted
    from a form) split the person's @ over two lines of the list: each person is one "@name" on one line."""
    database, owner, gid, _ids = seeded
    with database.session() as s:
        joined = datetime(2026, 11, 1, 9, 0)
        at = add_member(s, owner, gid, MemberInput(display_name="张三", group_nickname="@张三", joined_at=joined))[1]
        add_member(s, owner, gid, MemberInput(display_name="小明", group_nickname="小明\n北京", joined_at=joined))
        add_member(
            s, owner, gid, MemberInput(display_name="孙七", group_nickname="＠", nickname="七七", joined_at=joined)
        )
        s.commit()
        reminder = reminder_text(s, gid, DAY)
        welcome = welcome_text(s, at)
    body = reminder.parts[0]
    assert reminder.people == 6
    assert "@@" not in body and "@＠" not in body and "@张三" in body
    lines = body.splitlines()
    assert any("@小明 北京" in line for line in lines)  # one line, one @
    assert not any(line.strip() == "北京" or line.startswith("北京") for line in lines)
    assert "@七七" in body  # a group nickname that is only an @: the WeChat nickname
    assert body.count("@") == 6
    assert welcome.parts[0].startswith("🎉 欢迎 @张三 加入「早起打卡营」！")


def test_no_summary_or_leaderboard_for_a_month_to_come(seeded, capsys):
    """The summary of next month told the group "成员 0 人（上月 6）" — every figure 0 for a month nobody could take
    part in yet (a mistyped --month): nothing to post, saying why, as for a reminder of a day to come; the month
    itself (partial) still has its text."""
    database, owner, gid, ids = seeded
    today = date(2026, 11, 30)
    with database.session() as s:
        adjust_points(s, owner, ids["王芳"], 5, "分享", day=date(2026, 11, 8))
        s.commit()
        summary = summary_text(s, gid, 2026, 12, today=today)
        board = leaderboard_text(s, gid, 2026, 12, today=today)
        assert summary_text(s, gid, 2026, 11, today=today).parts[0].startswith("📊 早起打卡营 11月 小结")
        assert "🥇" in leaderboard_text(s, gid, 2026, 11, today=today).text
    assert summary.parts == () and "has not begun" in summary.empty_reason and "12月" in summary.empty_reason
    assert board.parts == () and "has not begun" in board.empty_reason
    path = str(database.engine.url.database)
    database.dispose()
    assert main(["--db", path, "text", "summary", "--group", GROUP, "--month", "2026-12"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "has not begun" in captured.err


def test_a_placeholder_written_in_braces_without_its_dollar_is_refused_by_name(seeded, capsys):
    """ "欢迎 {name} 加入" (placeholders as other tools write them), "{nmae}" and "{phone}" were saved and reached the
    group as they stand: refused when saved and when a stored one is used, naming it; a brace in the group's own
    texts (the rules, the goal) and "${name}" are not placeholders gone wrong."""
    database, owner, gid, ids = seeded
    with pytest.raises(ValidationError, match=r"“\{name\}” 不是占位符.*应写作 \$name") as refused:
        validate_template("welcome", "🎉 欢迎 {name} 加入「$group」！\n$steps")
    from ui.messages import localise_message

    english = localise_message(refused.value.message, "en")  # the English window names it too
    assert english == "Not a placeholder: {name} — placeholders start with $; write $name"
    for body in ("还差 $count 人：{nmae}\n$names", "还差 $count 人 {{ phone }}\n$names"):
        with pytest.raises(ValidationError, match="不是占位符") as refused:
            validate_template("reminder", body)
        assert "应写作" not in str(refused.value)  # no such placeholder to suggest
    assert validate_template("welcome", "欢迎 ${name}！{红包}\n$steps") == "欢迎 ${name}！{红包}\n$steps"
    with database.session() as s:
        with pytest.raises(ValidationError, match=r"\{name\}"):
            set_template(s, owner, gid, "welcome", "欢迎 {name}\n$steps")
        assert template_for(s, gid, "welcome") == DEFAULTS["welcome"]  # nothing saved
        update_rules(s, owner, gid, "1. 群昵称格式 {城市}-{name}\n2. 不发广告")
        s.add(TextTemplate(group_id=gid, kind="reminder", body="📣 {date} 还差 $count 人\n$names"))
        s.commit()
        welcome = welcome_text(s, ids["韩梅"]).parts[0]
        assert "1. 群昵称格式 {城市}-{name}" in welcome  # the rules as the group wrote them
        with pytest.raises(ValidationError, match=r"打卡提醒.*\{date\}"):
            reminder_text(s, gid, DAY)
    path = str(database.engine.url.database)
    database.dispose()
    assert main(["--db", path, "text", "reminder", "--group", GROUP, "--date", "2026-11-20"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "{date}" in captured.err


def test_the_list_placeholder_used_twice_is_refused_not_left_out_the_second_time(seeded):
    """A reminder template with $names twice wrote the names once and left the second line's $names out silently
    ("再提醒一次：" over nothing): refused when saved, naming it; other placeholders may repeat."""
    database, owner, gid, _ids = seeded
    with pytest.raises(ValidationError, match=r"\$names 只能用一次"):
        validate_template("reminder", "还差 $count 人：\n$names\n再提醒一次：${names}")
    assert validate_template("reminder", "$count 人 $count\n$names") == "$count 人 $count\n$names"
    with database.session() as s:
        with pytest.raises(ValidationError, match=r"\$list"):
            set_template(s, owner, gid, "leaderboard", "$list\n$list")
        assert template_for(s, gid, "leaderboard") == DEFAULTS["leaderboard"]


def test_no_welcome_for_someone_deleted_from_the_roster(seeded):
    """The member panel still showing a newcomer another assistant has since deleted (or merged away) copied
    "🎉 欢迎 @韩梅 …" for a record that is no one any more: nothing to post, saying why, as for who left."""
    from desktop.services.roster import soft_delete_member

    database, owner, _gid, ids = seeded
    with database.session() as s:
        assert welcome_text(s, ids["韩梅"]).parts  # before: a welcome
        soft_delete_member(s, owner, s.get(Membership, ids["韩梅"]).member_id)
        s.commit()
        text = welcome_text(s, ids["韩梅"])
    assert text.parts == () and "deleted from the roster" in (text.empty_reason or "")


def test_climbing_back_from_a_deduction_to_the_starting_level_is_no_promotion(seeded):
    """Points taken away last month (-8) and 10 earned this month: the leaderboard said "本月晋级：周敏 → 新人" —
    the level everyone starts at, announced as a promotion (and telling the group of the deduction); a level
    above it reached this month still is one."""
    database, owner, gid, ids = seeded
    with database.session() as s:
        adjust_points(s, owner, ids["周敏"], -8, "违规", day=date(2026, 10, 5))
        adjust_points(s, owner, ids["周敏"], 10, "分享", day=date(2026, 11, 5))
        adjust_points(s, owner, ids["林小雨"], -8, "违规", day=date(2026, 10, 5))
        adjust_points(s, owner, ids["林小雨"], 40, "分享", day=date(2026, 11, 5))
        s.commit()
        body = leaderboard_text(s, gid, 2026, 11, today=date(2026, 11, 30)).text
    assert "北京-周敏 10分 · 新人" in body and "北京-周敏 →" not in body
    assert "🎉 本月晋级：小雨🌧 → 活跃" in body


def test_a_reminder_for_an_earlier_day_names_nobody_who_has_left_the_group_since(seeded):
    """The reminder for 20 November, pasted into the group on the 30th: 周敏 left on the 25th (after that day). She
    was expected on the 20th, but the text @-named her in a group she is no longer in, and counted her in its
    totals. Only people still in the group are named and counted; the Check-ins page's list of that day still
    shows her (she was expected then); someone who joined after the day (陈晨) is not named either."""
    from desktop.services.checkins_queries import not_checked_in
    from desktop.services.onboarding import leave_group

    database, owner, gid, ids = seeded
    with database.session() as s:
        leave_group(s, owner, ids["周敏"], "退群", status="left", when=datetime(2026, 11, 25, 12, 0))
        s.commit()
        text = reminder_text(s, gid, DAY)
        day_list = {p.display_name for p in not_checked_in(s, gid, DAY)}
    assert text.people == 2
    body = text.parts[0]
    assert body.startswith("📣 11月20日 周五 早起打卡营 还差 2 人打卡（已打卡 1/3）：")
    assert set(re.findall(r"@(\S+)", body)) == {"小雨🌧", "赵六-138****"}
    assert "周敏" not in body and "陈晨" not in body
    assert day_list == {"林小雨", "周敏", "赵六"}  # the page's record of the day is unchanged
