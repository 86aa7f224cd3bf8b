"""Defects found by the sixth import probe: what paid communities export — shop orders (有赞, 小鹅通), event sign-ups
(活动行, Eventbrite, Luma), course and fan-group member lists. Column names follow the platforms' exports as far as
public documentation shows them; where it does not (有赞's and 活动行's Excel layouts, Luma's CSV), they are a best
guess from the platforms' help pages and are said so. Values are read back from the database."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from desktop.services.groups import get_or_create_group
from desktop.services.imports import ImportFailed, run_import
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import Member, Membership
from tests.desktop.test_imports import write_csv, write_xlsx

GROUP = "晨读营"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their files are dated in November 2026 (a join on the
    2nd is refused as in the future on a suite day of 1 November)."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")


@pytest.fixture
def db(sqlite_workspace):
    return sqlite_workspace


def imp(database, path, kind: str = "roster", **kw):
    return run_import(database, actor_for(database), path, GROUP, kind, **kw)


def _members(database) -> dict[str, str]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Membership.status).join(Membership, Membership.member_id == Member.id)
        ).all()
    return dict(rows)


def test_a_refunded_or_declined_order_is_skipped_and_named_never_a_member(db, tmp_path):
    """有赞's order export (订单状态 交易成功 / 已退款) and Luma's guest CSV (approval_status approved / declined /
    waitlist): the state column was taken for the membership status, every row was an unknown status and the file
    refused; mapped by hand as nothing, the refunded buyer became a member silently. Now a refunded, cancelled or
    declined row is skipped and listed with its state, the others import, and an existing member's refund leaves
    them in the group. (有赞 layout guessed from its help pages; Luma's column names from its CSV export.)"""
    with db.session() as s:
        gid, _ = get_or_create_group(s, actor_for(db), GROUP)
        add_member(
            s, actor_for(db), gid, MemberInput(display_name="赵敏", phone="13600136000", joined_at=datetime(2026, 9, 1))
        )
        s.commit()
    orders = write_xlsx(
        tmp_path / "有赞订单.xlsx",
        [
            ["订单号", "订单状态", "下单时间", "商品名称", "订单实付金额", "买家昵称", "收货人姓名", "收货人手机号/提货人手机号"],
            ["E20261101123456789012345", "交易成功", "2026-11-01 10:00:00", "21天晨读营", "¥99.00", "晨曦", "王芳", "13800138000"],
            ["E20261103123456789012347", "已退款", "2026-11-03 10:00:00", "21天晨读营", "¥99.00", "阿强", "张强", "13900139000"],
            ["E20261104123456789012348", "退款成功（全额）", "2026-11-04 10:00:00", "21天晨读营", "¥99.00", "敏", "赵敏", "13600136000"],
            ["E20261105123456789012349", "待发货", "2026-11-05 10:00:00", "21天晨读营", "¥99.00", "小李", "李娜", "13700137000"],
        ],
    )  # fmt: skip
    plan, summary, _ = imp(db, orders)
    assert "status" not in plan.mapping.values() and "order_status" in plan.mapping.values()
    assert [(k.row, k.reason, k.text) for k in plan.skipped] == [
        (3, "order", "张强（已退款）"),
        (4, "order", "赵敏（退款成功（全额））"),
    ]
    assert (summary.added, summary.updated) == (2, 0)
    assert _members(db) == {"王芳": "active", "李娜": "active", "赵敏": "active"}  # no 张强; 赵敏 stays in
    luma = write_csv(
        tmp_path / "luma.csv",
        [
            ["api_id", "name", "first_name", "last_name", "email", "phone_number", "created_at", "approval_status"],
            ["gst-1", "Wei Zhang", "Wei", "Zhang", "wz@example.com", "+14155550100", "2026-11-01T10:00:00.000Z", "approved"],
            ["gst-2", "Anna Li", "Anna", "Li", "al@example.com", "", "2026-11-02T10:00:00.000Z", "declined"],
            ["gst-3", "Tom Wu", "Tom", "Wu", "tw@example.com", "", "2026-11-02T11:00:00.000Z", "waitlist"],
        ],
    )  # fmt: skip
    plan, summary, _ = imp(db, luma)
    assert [(k.row, k.text) for k in plan.skipped] == [(3, "Anna Li（declined）"), (4, "Tom Wu（waitlist）")]
    assert summary.added == 1 and "Anna Li" not in _members(db) and "Tom Wu" not in _members(db)
    _, again, _ = imp(db, orders)  # idempotent: the refunded row stays out, nothing changes
    assert (again.added, again.updated) == (0, 0)


def test_a_sign_up_sheets_check_in_column_is_not_the_membership_status(db, tmp_path):
    """活动行's 报名名单 has 审核状态 (已通过 / 已拒绝) and 签到状态 (已签到 / 未签到): the second was taken for the
    membership status and refused every row. It is left out (named as not imported); 已拒绝 is skipped. An order
    state QunDesk does not know is a problem naming the cell, not a guess. (Layout guessed.)"""
    rows = [
        ["活动：12月读书会线下聚会 报名名单"],
        ["序号", "姓名", "手机", "票种", "票价", "订单号", "报名时间", "审核状态", "签到状态"],
        [1, "王芳", "13800138000", "早鸟票", "¥50.00", "HDX2026110100001", "2026/11/01 10:00", "已通过", "已签到"],
        [2, "张强", "13900139000", "普通票", "¥80.00", "HDX2026110100002", "2026/11/02 10:00", "已通过", "未签到"],
        [3, "李娜", "13700137000", "普通票", "¥80.00", "HDX2026110100003", "2026/11/02 11:00", "已拒绝", "未签到"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "报名.xlsx", rows))
    assert [f for f in plan.mapping.values() if "status" in f] == ["order_status"]
    assert [(k.row, k.reason) for k in plan.skipped if k.reason != "title"] == [(5, "order")]
    assert _members(db) == {"王芳": "active", "张强": "active"}
    rows[4][7] = "已锁定"
    with pytest.raises(ImportFailed) as failed:
        imp(db, write_xlsx(tmp_path / "报名2.xlsx", rows))
    assert [(p.row, p.column, p.code) for p in failed.value.problems] == [(5, "审核状态", "order_status_unknown")]


def test_the_command_line_names_a_refunded_buyer_on_a_real_run(tmp_path, capsys):
    """Eventbrite's attendee report (Attendee Status Attending / Refunded): the refunded attendee is named on
    stdout by a run that writes, not only by --dry-run — a person left out is never left out unseen."""
    from desktop.cli import main

    path = write_csv(
        tmp_path / "eventbrite.csv",
        [
            [
                "Order #",
                "Order Date",
                "First Name",
                "Last Name",
                "Email",
                "Total Paid",
                "Attendee Status",
                "Cell Phone",
            ],
            ["1234567890", "2026-11-01 10:00:00", "Wei", "Zhang", "wz@example.com", "25.00", "Attending", ""],
            ["1234567891", "2026-11-02 10:00:00", "Anna", "Li", "al@example.com", "25.00", "Refunded", ""],
        ],
        encoding="utf-8-sig",
    )
    assert main(["--db", str(tmp_path / "w.sqlite"), "import", "roster", str(path), "--group", GROUP]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("第3行  跳过 skipped (") and line.endswith("Anna Li（Refunded）") for line in lines)
    assert "新增 added                  1" in lines or any(line.split()[:3] == ["新增", "added", "1"] for line in lines)


def _people(database) -> dict[str, tuple]:
    with database.session() as s:
        rows = s.execute(select(Member.display_name, Member.nickname, Member.phone).order_by(Member.id)).all()
    return {name: (nickname, phone) for name, nickname, phone in rows}


def test_a_shops_consignee_is_the_name_and_a_wecom_member_name_the_nickname(db, tmp_path):
    """有赞 names the buyer 收货人/提货人 beside 收货人手机号/提货人手机号: the phone was taken but not the name, so each
    member was named by their 买家昵称 (晨曦 for 王芳). 企业微信's 客户群 export names people 成员名称 (their WeChat
    name): no column was the name, every row was "a new person needs a name". (Column names from the platforms'
    help pages; the layouts are a guess.)"""
    orders = [
        ["订单号", "订单状态", "商品名称", "订单实付金额", "买家昵称", "收货人/提货人", "收货人手机号/提货人手机号"],
        ["E20261101123456789012345", "交易成功", "21天晨读营", "¥99.00", "晨曦", "王芳", "13800138000"],
        ["E20261104123456789012348", "交易成功", "21天晨读营", "¥99.00", "小李", "李娜", "13700137000"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "有赞.xlsx", orders))
    assert summary.added == 2
    assert _people(db) == {"王芳": ("晨曦", "13800138000"), "李娜": ("小李", "13700137000")}
    wecom = [
        ["群名称", "群主", "成员名称", "群昵称", "成员类型", "入群时间", "入群方式", "邀请人"],
        ["晨读营1群", "张老师", "晨曦", "王芳", "外部联系人", "2026-11-01 10:00", "通过扫描群二维码入群", ""],
        ["晨读营1群", "张老师", "阿强", "", "外部联系人", "2026-11-02 10:00", "由成员邀请入群", "晨曦"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "客户群.xlsx", wecom))
    assert plan.ok and (summary.added, summary.updated) == (1, 1)  # 王芳 found by her group nickname; 阿强 new
    assert _people(db)["阿强"] == ("阿强", None)
    with db.session() as s:
        referrer = s.scalar(
            select(Membership.referrer_id)
            .join(Member, Member.id == Membership.member_id)
            .where(Member.display_name == "阿强")
        )
        assert s.get(Member, referrer).display_name == "王芳"


def test_a_masked_phone_imports_without_a_phone_and_never_matches_by_its_digits(db, tmp_path):
    """小鹅通, 知识星球 and 企业微信 export 138****1234 to a role that may not see phones: every such row was "not a
    valid phone" and the whole file refused. The row imports without a phone, with a warning naming the cell; the
    visible digits never match anyone (another group's 13800001234 is not 138****1234), and a member's stored phone
    is not blanked by a masked one."""
    with db.session() as s:
        other, _ = get_or_create_group(s, actor_for(db), "读书会")
        gid, _ = get_or_create_group(s, actor_for(db), GROUP)
        add_member(s, actor_for(db), other, MemberInput(display_name="王芳", phone="13800001234"))
        add_member(s, actor_for(db), gid, MemberInput(display_name="李鹏", phone="13912345678"))
        s.commit()
    rows = [
        ["小鹅通店铺 用户导出 2026-12-05"],
        ["序号", "用户ID", "昵称", "真实姓名", "手机号", "累计消费(元)"],
        [1, "u_5f3a1b2c3d4e5", "晨曦🌅", "王芳", "138****1234", "¥199.00"],
        [2, "u_5f3a1b2c3d4e6", "大鹏", "李鹏", "139 **** 5678", "¥398.00"],
        [3, "u_5f3a1b2c3d4e7", "小雨", "赵雨", "13700137002", "0"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "小鹅通.xlsx", rows))
    assert [(w.row, w.column, w.code, w.value) for w in plan.warnings] == [
        (3, "手机号", "phone_masked", "138****1234"),
        # nothing left on the row tells this 王芳 from 读书会's: added as another person, and said (multigroup probe)
        (3, "真实姓名", "lookalike_added", "王芳"),
        (4, "手机号", "phone_masked", "139 **** 5678"),
    ]
    assert (summary.added, summary.updated) == (2, 1)  # 王芳 is a new person here; 李鹏 by name, his phone kept
    with db.session() as s:
        phones = s.execute(select(Member.display_name, Member.phone).order_by(Member.id)).all()
    assert phones == [("王芳", "13800001234"), ("李鹏", "13912345678"), ("王芳", None), ("赵雨", "13700137002")]
    survey = [
        ["序号", "提交答卷时间", "1、您的姓名", "2、手机号", "3、为什么加入"],
        [1, "2026/11/10 09:00:00", "钱多", "136****0000", "想早起"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "问卷.xlsx", survey), "applications")
    assert [(w.row, w.code) for w in plan.warnings] == [(2, "phone_masked")] and summary.added == 1
    with db.session() as s:
        assert s.execute(select(Member.phone, Member.note).where(Member.display_name == "钱多")).one() == (None, None)


def test_a_platforms_own_level_column_is_left_out_not_a_tier_problem(db, tmp_path):
    """抖音's fan-group export has 粉丝团等级 (12, 3) and 有赞's customers 会员等级 (VIP1): taken for the tier, every row
    was "unknown tier" and the file refused (QQ's plain 等级 was already left out). A level column none of whose
    values is a tier is left out and named; a 层级 column of the organiser's stays strict. (Layouts guessed.)"""
    rows = [
        ["序号", "用户昵称", "抖音号", "粉丝团等级", "入群时间", "身份"],
        [1, "晨曦", "chenxi_88", 12, "2026-11-01 10:00", "群主"],
        [2, "阿强", "91234567890", 3, "2026-11-02 10:00", "成员"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "粉丝群.xlsx", rows))
    assert "tier" not in plan.mapping.values() and summary.added == 2
    shop = [["客户昵称", "手机号", "会员等级"], ["小李", "13700137000", "VIP1"]]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "客户.xlsx", shop))
    assert "tier" not in plan.mapping.values() and summary.added == 1
    own = [["姓名", "微信号", "成员层级"], ["甲", "jia_0001", "VIP1"]]
    with pytest.raises(ImportFailed) as failed:
        imp(db, write_xlsx(tmp_path / "层级.xlsx", own))
    assert [(p.row, p.code) for p in failed.value.problems] == [(2, "tier_unknown")]


def test_a_buyers_second_order_is_the_same_person_named_not_a_refusal(db, tmp_path):
    """An order export has a row per order: 王芳 bought two camps, so the file was refused ("same phone as row 2").
    In an order list (an order-state column) a later row with the same phone or WeChat ID and the same name is her
    other order: skipped, naming the first row; one member. A refunded order and a paid one of the same buyer make
    one member too. Two names on one phone stay a problem (nothing tells who bought)."""
    rows = [
        ["订单号", "订单状态", "商品名称", "订单实付金额", "买家昵称", "收货人/提货人", "收货人手机号/提货人手机号"],
        ["E20261102000000000000002", "交易成功", "晨读营 第二期", "¥99.00", "晨曦", "王芳", "13800138000"],
        ["E20261101000000000000001", "交易成功", "晨读营 第一期", "¥99.00", "晨曦", "王芳", "13800138000"],
        ["E20261103000000000000003", "已退款", "晨读营 第一期", "¥99.00", "阿强", "张强", "13900139000"],
        ["E20261104000000000000004", "交易成功", "晨读营 第二期", "¥99.00", "阿强", "张强", "13900139000"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "订单.xlsx", rows))
    assert [(k.row, k.reason) for k in plan.skipped] == [(3, "repeat_order"), (4, "order")]
    assert summary.added == 2 and _members(db) == {"王芳": "active", "张强": "active"}
    rows.append(["E20261105000000000000005", "交易成功", "晨读营 第二期", "¥99.00", "小芳", "王小芳", "13800138000"])
    with pytest.raises(ImportFailed) as failed:
        imp(db, write_xlsx(tmp_path / "订单2.xlsx", rows))
    assert [p.row for p in failed.value.problems] == [6]


def test_a_wechat_payment_number_is_never_the_wechat_id(db, tmp_path):
    """小鹅通's order export has 微信支付单号 (4200001234…, the WeChat Pay transaction) and 微信头像, no 微信号: the
    transaction number was taken as the WeChat ID by its word 微信 and stored on every buyer, silently. Payment
    numbers, OpenIDs and avatars are never the WeChat ID (or QQ number) and are named as not imported. (Column names
    from 小鹅通's help pages; layout guessed.)"""
    rows = [
        ["订单号", "商品名称", "用户昵称", "手机号", "实付金额", "订单状态", "微信支付单号", "微信OpenID", "微信头像"],
        ["o_1700000001_abc", "21天晨读营", "晨曦", "13800138000", "99.00", "已完成", "4200001234202611011234567890",
         "oAbCdEfGhIjKlMnOpQrStUvWxYz0", "https://thirdwx.qlogo.cn/mmopen/vi_32/abc/132"],
    ]  # fmt: skip
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "小鹅通订单.xlsx", rows))
    assert "wechat_id" not in plan.mapping.values() and summary.added == 1
    with db.session() as s:
        assert s.execute(select(Member.display_name, Member.wechat_id, Member.phone)).one() == (
            "晨曦",
            None,
            "13800138000",
        )
    from desktop.services.imports import unmapped_columns

    assert {"微信支付单号", "微信OpenID", "微信头像"} <= set(unmapped_columns(plan))


def test_a_teachers_or_sellers_contact_column_is_never_the_members(db, tmp_path):
    """A camp's 分组表 (姓名, 组别, 班主任, 班主任微信, 助教手机) and a shop's order export (用户昵称, 分销员昵称, 分销员手机号)
    carry the organiser's side: 班主任微信 was taken as every member's WeChat ID (the file refused, "same WeChat ID as
    row 2"), 分销员手机号 as every buyer's phone. Staff columns are never the member's phone, WeChat ID or nickname
    (named as not imported); 微信号（助教拉群用）, a remark in brackets, is still the member's own."""
    camp = [
        ["姓名", "组别", "班主任", "班主任微信", "助教手机"],
        ["王芳", "第1组", "陈老师", "chen_teacher", "13600136000"],
        ["张强", "第1组", "陈老师", "chen_teacher", "13600136000"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "分组.xlsx", camp))
    assert set(plan.mapping.values()) == {"name"} and summary.added == 2
    shop = [
        ["分销员昵称", "分销员手机号", "用户昵称", "微信号（助教拉群用）", "订单状态"],
        ["推广达人", "13500135000", "小李", "xiaoli_2026", "已完成"],
        ["推广达人", "13500135000", "阿强", "aqiang_2026", "已完成"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "分销.xlsx", shop))
    assert summary.added == 2
    with db.session() as s:
        people = s.execute(select(Member.display_name, Member.wechat_id, Member.phone).order_by(Member.id)).all()
    assert people == [
        ("王芳", None, None),
        ("张强", None, None),
        ("小李", "xiaoli_2026", None),
        ("阿强", "aqiang_2026", None),
    ]


def test_an_empty_real_name_beside_a_nickname_names_the_person_by_it(db, tmp_path):
    """小鹅通's 用户 export has 真实姓名 filled only for the few who gave it: every other row was "a new person needs a
    name" and the file refused, though the row has the buyer's 昵称. The nickname is the name, with a warning naming
    the cell; importing the file again changes nothing. A row with neither stays a problem."""
    rows = [
        ["用户ID", "昵称", "真实姓名", "手机号"],
        ["u_5f3a1b2c3d4e5", "晨曦🌅", "王芳", "13800138000"],
        ["u_5f3a1b2c3d4e7", "小雨", "", "13700137002"],
        ["u_5f3a1b2c3d4e8", "云朵", None, None],
    ]
    path = write_xlsx(tmp_path / "用户.xlsx", rows)
    plan, summary, _ = imp(db, path)
    assert [(w.row, w.column, w.code) for w in plan.warnings] == [
        (3, "真实姓名", "name_from_nickname"),
        (4, "真实姓名", "name_from_nickname"),
    ]
    assert summary.added == 3
    assert _people(db) == {"王芳": ("晨曦🌅", "13800138000"), "小雨": ("小雨", "13700137002"), "云朵": ("云朵", None)}
    _, again, _ = imp(db, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    rows.append(["u_5f3a1b2c3d4e9", "", "", "13600136001"])
    with pytest.raises(ImportFailed) as failed:
        imp(db, write_xlsx(tmp_path / "用户2.xlsx", rows))
    assert [(p.row, p.code) for p in failed.value.problems] == [(5, "name_missing")]


def test_a_workbooks_other_member_sheets_are_named_not_passed_over(db, tmp_path, capsys):
    """A 小鹅通 workbook of 订单明细 and 学员列表: the first member table was imported and the 学员列表's people were
    passed over without a word. The plan names the other member sheets (a 说明 sheet or a 汇总 of figures is not one)
    and the command line says to import each with --sheet."""
    from openpyxl import Workbook

    from desktop.cli import main

    wb = Workbook()
    ws = wb.active
    ws.title = "订单明细"
    for row in (["订单号", "订单状态", "用户昵称", "手机号"], ["o1", "已完成", "晨曦", "13800138000"]):
        ws.append(row)
    ws = wb.create_sheet("学员列表")
    for row in (["昵称", "真实姓名", "手机号"], ["晨曦", "王芳", "13800138000"], ["小李", "李娜", "13700137000"]):
        ws.append(row)
    ws = wb.create_sheet("汇总")
    for row in (["课程", "人数"], ["21天晨读营", 2]):
        ws.append(row)
    ws = wb.create_sheet("填写说明")
    for row in (["姓名", "手机号"], ["张三（示例）", "13800000000"]):
        ws.append(row)
    path = tmp_path / "小鹅通.xlsx"
    wb.save(path)
    plan, _, _ = imp(db, path, dry_run=True)
    assert (plan.sheet, plan.other_sheets) == ("订单明细", ("学员列表",))
    plan, _, _ = imp(db, path, sheet="学员列表", dry_run=True)  # a sheet chosen: nothing else to say
    assert plan.other_sheets == ()
    assert main(["--db", str(tmp_path / "w.sqlite"), "import", "roster", str(path), "--group", GROUP]) == 0
    err = capsys.readouterr().err
    assert "小鹅通.xlsx 工作簿里的 学员列表 也是成员表" in err and "--sheet" in err


def test_a_refund_after_completion_in_the_after_sales_column_is_skipped(db, tmp_path):
    """有赞's export has 订单状态 and 售后状态 (or 维权状态): an order refunded after it completed stays 交易成功 and says
    退款成功 only in the second column, which was left out — the refunded buyer became a member. Every order-state
    column counts now: a row is skipped when any says it is out; "-" or 无 is no after-sales state. (Guessed layout.)"""
    rows = [
        ["订单号", "订单状态", "售后状态", "维权状态", "收货人/提货人", "收货人手机号/提货人手机号"],
        ["E1", "交易成功", "-", "", "王芳", "13800138000"],
        ["E2", "交易成功", "退款成功", "", "张强", "13900139000"],
        ["E3", "交易成功", "无", "维权中", "李娜", "13700137000"],
        ["E4", "交易成功", "", "", "赵敏", "13600136000"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "有赞.xlsx", rows))
    assert [(k.row, k.text) for k in plan.skipped] == [(3, "张强（退款成功）"), (4, "李娜（维权中）")]
    assert _members(db) == {"王芳": "active", "赵敏": "active"}
    rows[1][2] = "售后处理中呢"
    with pytest.raises(ImportFailed) as failed:
        imp(db, write_xlsx(tmp_path / "有赞2.xlsx", rows))
    assert [(p.row, p.column, p.code) for p in failed.value.problems] == [(2, "售后状态", "order_status_unknown")]


def test_a_sign_up_forms_declined_entry_is_no_applicant_and_a_waiting_one_is(db, tmp_path):
    """互动吧's 报名 export (报名时间, 姓名, 手机号, 微信号, a question, 审核状态, 支付状态) was "not a survey export" (报名时间
    was no submission time); read as applications, the declined and refunded sign-up became an applicant. It is
    skipped and named now; one waiting for approval or payment (待审核 / 未支付) is exactly an applicant; the states
    are not kept on the note as answers. (Layout guessed from 互动吧's help pages.)"""
    rows = [
        ["序号", "报名时间", "姓名", "手机号", "微信号", "您为什么想参加？", "审核状态", "支付状态"],
        [1, "2026-11-01 10:00", "王芳", "13800138000", "wangfang_88", "想早起", "已通过", "已支付"],
        [2, "2026-11-02 10:00", "张强", "13900139000", "zhangqiang1", "想读书", "已拒绝", "已退款"],
        [3, "2026-11-03 10:00", "李娜", "13700137000", "lina_2026", "试试", "待审核", "未支付"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "报名.xlsx", rows), "applications")
    assert [(k.row, k.reason, k.text) for k in plan.skipped] == [(3, "order", "张强（已拒绝）")]
    assert summary.added == 2 and _members(db) == {"王芳": "applicant", "李娜": "applicant"}
    with db.session() as s:
        applied, note, purpose = s.execute(
            select(Membership.applied_at, Member.note, Membership.purpose)
            .join(Member, Member.id == Membership.member_id)
            .where(Member.display_name == "王芳")
        ).one()
    # no 审核状态/支付状态 on the note; 您为什么想参加？ is the form's purpose question (test_entry_probe)
    assert (applied.date().isoformat(), note, purpose) == ("2026-11-01", None, "想早起")


def test_a_buyer_with_a_masked_phone_and_two_orders_is_one_member(db, tmp_path):
    """小鹅通's order export with masked phones: the same buyer's two orders (same 昵称, same 138****1234) were "same
    name as row 2, nothing tells them apart" and the file refused. Within one order list the same masked phone and
    the same name are the same buyer's other order (skipped, named); the masked digits still match nobody else, and
    another buyer with the same name and another masked phone stays a problem."""
    rows = [
        ["订单号", "用户ID", "用户昵称", "手机号", "订单状态", "商品名称"],
        ["o1", "u_abc1", "晨曦", "138****1234", "已完成", "第一期"],
        ["o2", "u_abc1", "晨曦", "138****1234", "已完成", "第二期"],
        ["o3", "u_abc2", "阿强", "139****5678", "已完成", "第二期"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "订单.xlsx", rows))
    assert [(k.row, k.reason) for k in plan.skipped] == [(3, "repeat_order")]
    assert summary.added == 2 and _members(db) == {"晨曦": "active", "阿强": "active"}
    rows.append(["o4", "u_abc3", "晨曦", "137****0000", "已完成", "第二期"])
    with pytest.raises(ImportFailed) as failed:
        imp(db, write_xlsx(tmp_path / "订单2.xlsx", rows))
    assert [p.row for p in failed.value.problems] == [5]


def test_a_meetup_rsvp_no_is_not_a_member(db, tmp_path):
    """Meetup's attendee export lists everyone who answered (RSVP Yes / No / Waitlist): the RSVP column was no column
    at all, so those who said No became members silently. RSVP is an order/sign-up state: No and Waitlist are
    skipped and named. (Column names from Meetup's attendee download; values guessed as Yes/No/Waitlist.)"""
    rows = [
        ["Name", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on"],
        ["Wei Zhang", "123456789", "", "No", "Yes", "0", "2026-11-01", "2025-03-02"],
        ["Anna Li", "223456789", "", "No", "No", "0", "2026-11-02", "2024-01-05"],
        ["Tom Wu", "323456789", "", "No", "Waitlist", "0", "2026-11-02", "2024-02-05"],
    ]
    plan, summary, _ = imp(db, write_csv(tmp_path / "meetup.csv", rows))
    assert [(k.row, k.text) for k in plan.skipped] == [(3, "Anna Li（No）"), (4, "Tom Wu（Waitlist）")]
    assert summary.added == 1 and _members(db) == {"Wei Zhang": "active"}


def test_a_paid_communitys_member_states_are_read(db, tmp_path):
    """知识星球's and 小鹅通's member lists say 正常 for a member in good standing and 已过期 / 已退出 for one whose paid
    membership ran out or who left: every such row was "unknown status" and the file refused. 正常 and 在读 are
    members, 已过期, 已到期, 已退出 and 已退学 have left (on the import day, with the warning a leaver without a date
    gets). (Values guessed from the platforms' member pages.)"""
    rows = [
        ["成员昵称", "手机号", "加入时间", "到期时间", "状态"],
        ["晨曦", "13800138000", "2026-01-01", "2027-01-01", "正常"],
        ["阿强", "13900139000", "2025-01-01", "2026-01-01", "已过期"],
        ["小李", "13700137000", "2026-03-01", "2027-03-01", "已退出"],
    ]
    plan, summary, _ = imp(db, write_xlsx(tmp_path / "星球成员.xlsx", rows))
    assert summary.added == 3
    assert _members(db) == {"晨曦": "active", "阿强": "left", "小李": "left"}
    assert {w.row for w in plan.warnings} == {3, 4}


def test_a_north_american_export_imports_with_its_phones(db, tmp_path):
    """An Eventbrite export of a Bay Area group writes phones as Americans do, (415) 555-2671 and 415-555-2672,
    without +1: the whole file was refused ("not a valid phone", nothing imported). They are +1 numbers; the same
    number written +1 415 555 2671 later is the same person."""
    rows = [
        ["First Name", "Last Name", "Email", "Cell Phone", "Attendee Status"],
        ["Alice", "Wang", "alice@example.com", "(415) 555-2671", "Attending"],
        ["Bob", "Li", "bob@example.com", "415-555-2672", "Attending"],
    ]
    plan, summary, _ = imp(db, write_csv(tmp_path / "eventbrite.csv", rows))
    assert (summary.added, plan.problems) == (2, [])
    assert _people(db) == {"Alice Wang": (None, "+14155552671"), "Bob Li": (None, "+14155552672")}
    again = [["Name", "Phone", "City"], ["Alice Wang", "+1 415 555 2671", "San Francisco"]]
    _plan, summary, _ = imp(db, write_csv(tmp_path / "meetup.csv", again))
    assert (summary.added, summary.updated) == (0, 1)


def test_of_home_cell_and_work_phone_the_cell_phone_is_the_members(db, tmp_path):
    """Eventbrite's attendee report has Home Phone, Cell Phone and Work Phone: the leftmost, Home Phone, was taken —
    a US landline without its country code, a problem on every row that had one, while the mobile was dropped. Of two
    phone columns one of a place (Home, Work, Office Phone, 办公电话, 单位电话) comes second."""
    rows = [
        ["Order #", "First Name", "Last Name", "Home Phone", "Cell Phone", "Work Phone", "Attendee Status"],
        ["1234567890", "Wei", "Zhang", "(415) 555-0100", "+86 138 0013 8000", "", "Attending"],
    ]
    plan, summary, _ = imp(db, write_csv(tmp_path / "eventbrite.csv", rows))
    assert summary.added == 1
    assert _people(db) == {"Wei Zhang": (None, "13800138000")}
    office = [["姓名", "办公电话", "电话"], ["王芳", "021-12345678", "13700137000"]]
    imp(db, write_xlsx(tmp_path / "名单.xlsx", office))  # 电话 and 手机 stay equals (the leftmost wins)
    assert _people(db)["王芳"] == (None, "13700137000")
