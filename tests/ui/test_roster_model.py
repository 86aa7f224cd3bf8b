"""RosterTableModel without a view: Qt's model tester, lazy paging, SQL sorting, masking, status labels."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from helpers import OFFSCREEN_QUIRKS, close_workspace, make_workspace
from PySide6.QtCore import QModelIndex, Qt

from models.queries.roster import MemberRow, RosterQuery
from ui.models.roster_table_model import (
    COL_JOINED,
    COL_NAME,
    COL_NICKNAME,
    COL_PHONE,
    COL_POINTS,
    COL_STATUS,
    COL_TAGS,
    COL_WECHAT,
    HEADERS,
    PAGE_SIZE,
    RosterTableModel,
    database_source,
)

pytestmark = OFFSCREEN_QUIRKS


def make_rows(n: int) -> list[MemberRow]:
    statuses = ("active", "applicant", "onboarding", "left", "removed", "blacklisted")
    return [
        MemberRow(
            membership_id=i + 1,
            member_id=i + 1,
            group_id=1,
            group_name="早起打卡营",
            display_name=f"成员{i:05d}",
            nickname=f"nick{i}" if i % 2 else None,
            group_nickname=f"群昵称{i}" if i % 3 == 0 else None,
            wechat_id=f"wx{i}",
            phone=f"138{i:08d}",
            city="上海",
            status=statuses[i % len(statuses)],
            tier="普通" if i % 4 else None,
            joined_at=datetime(2024, 1, 1 + i % 28, 10, 0),
            deleted=i % 50 == 0,
            tags=("早起", "读书") if i % 5 == 0 else (),
            last_activity=date(2024, 2, 1) if i % 7 else None,
            points=i % 37,
        )
        for i in range(n)
    ]


class FakeSource:
    """A source over a Python list that records every query (sorted like SQL would)."""

    def __init__(self, rows: list[MemberRow]):
        self.rows = rows
        self.queries: list[RosterQuery] = []
        self.loads: list[tuple[int, int]] = []
        self.counted: list[bool] = []

    def __call__(self, query: RosterQuery, count: bool = True):
        self.queries.append(query)
        self.counted.append(count)
        key = {"name": lambda r: r.display_name, "points": lambda r: r.points}.get(query.sort, lambda r: r.display_name)
        rows = sorted(self.rows, key=key, reverse=query.descending)

        def loader(offset: int, limit: int) -> list[MemberRow]:
            self.loads.append((offset, limit))
            return rows[offset : offset + limit]

        return (len(rows) if count else -1), loader


def test_qt_model_tester_passes_on_a_paged_model(qtmodeltester):
    model = RosterTableModel(FakeSource(make_rows(450)))
    model.set_query(RosterQuery())
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_qt_model_tester_passes_on_a_real_workspace(qtmodeltester, tmp_path):
    ws = make_workspace(tmp_path)
    try:
        model = RosterTableModel(database_source(ws.database), show_phone=True)
        model.set_query(RosterQuery(group_id=ws.group_id))
        assert model.rowCount() == 4
        qtmodeltester.check(model, force_py=True)
    finally:
        close_workspace(ws)


def test_loads_pages_of_200_on_demand():
    source = FakeSource(make_rows(450))
    model = RosterTableModel(source)
    model.set_query(RosterQuery(text="x"))
    assert model.rowCount() == PAGE_SIZE == 200
    assert model.total == 450
    assert source.loads == [(0, 200)]
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert source.loads == [(0, 200), (200, 200), (400, 50)]
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # nothing more: no extra load
    assert len(source.loads) == 3


def test_set_query_resets_and_set_loader_takes_any_callable(qtbot):
    model = RosterTableModel(FakeSource(make_rows(10)))
    with qtbot.waitSignal(model.modelReset):
        model.set_query(RosterQuery(group_id=1))
    assert model.query.group_id == 1
    rows = make_rows(3)
    with qtbot.waitSignal(model.modelReset):
        model.set_loader(lambda offset, limit: rows[offset : offset + limit], 3)
    assert [model.data(model.index(r, COL_NAME)) for r in range(3)] == ["成员00000", "成员00001", "成员00002"]


def test_sort_requeries_the_source_and_ignores_unsortable_columns():
    source = FakeSource(make_rows(300))
    model = RosterTableModel(source)
    model.set_query(RosterQuery())
    model.fetchMore(QModelIndex())
    model.sort(COL_POINTS, Qt.SortOrder.DescendingOrder)
    assert source.queries[-1].sort == "points" and source.queries[-1].descending
    assert model.rowCount() == 200  # a new sort starts again from the first page
    points = [model.data(model.index(r, COL_POINTS), RosterTableModel.SortKeyRole) for r in range(200)]
    assert points == sorted(points, reverse=True)
    assert model.sort_column == COL_POINTS and model.sort_order == Qt.SortOrder.DescendingOrder
    assert source.counted == [True, False]  # a new order of the same rows is not counted again
    assert model.total == 300 and model.canFetchMore(QModelIndex())
    n = len(source.queries)
    model.sort(COL_TAGS, Qt.SortOrder.AscendingOrder)  # tags are not sortable in SQL
    model.sort(COL_POINTS, Qt.SortOrder.DescendingOrder)  # unchanged
    assert len(source.queries) == n


def test_display_roles_and_row_object():
    rows = make_rows(6)
    model = RosterTableModel(FakeSource(rows))
    model.set_query(RosterQuery())
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(HEADERS))] == list(HEADERS)
    first = model.index(0, COL_NAME)
    assert model.data(first, RosterTableModel.RowRole) == rows[0]
    assert model.data(model.index(0, COL_STATUS)) == "Member"
    assert model.data(model.index(1, COL_STATUS)) == "Applicant"
    assert model.data(model.index(0, COL_NICKNAME)) == "群昵称0"
    assert model.data(model.index(0, COL_TAGS)) == "早起, 读书"
    assert model.data(model.index(0, COL_JOINED)).startswith("2024-01-0")
    assert model.data(model.index(3, COL_POINTS)) == "3"
    assert model.data(first, Qt.ItemDataRole.FontRole).strikeOut()  # row 0 is soft-deleted
    assert model.data(model.index(1, COL_NAME), Qt.ItemDataRole.FontRole) is None


def test_phone_is_masked_unless_the_actor_may_see_it():
    rows = [replace(make_rows(1)[0], phone="13800138000", deleted=False)]
    masked = RosterTableModel(FakeSource(rows))
    masked.set_query(RosterQuery())
    assert masked.data(masked.index(0, COL_PHONE)) == "138****8000"
    full = RosterTableModel(FakeSource(rows), show_phone=True)
    full.set_query(RosterQuery())
    assert full.data(full.index(0, COL_PHONE)) == "13800138000"


def test_a_wechat_id_that_is_the_phone_number_is_masked_as_the_phone_is():
    """微信号 13800138000 (older workspaces stored a phone typed as the WeChat ID): shown whole to an assistant."""
    rows = [
        replace(make_rows(1)[0], wechat_id="13800138000", deleted=False),
        replace(make_rows(2)[1], wechat_id="lisi_2024", deleted=False),
    ]
    masked = RosterTableModel(FakeSource(rows))
    masked.set_query(RosterQuery())
    assert [masked.data(masked.index(r, COL_WECHAT)) for r in range(2)] == ["138****", "lisi_2024"]
    full = RosterTableModel(FakeSource(rows), show_phone=True)
    full.set_query(RosterQuery())
    assert full.data(full.index(0, COL_WECHAT)) == "13800138000"


def test_database_source_filters_and_sorts_in_sql(tmp_path):
    ws = make_workspace(tmp_path)
    try:
        model = RosterTableModel(database_source(ws.database))
        model.set_query(RosterQuery(group_id=ws.group_id, text="zs"))
        names = [r.display_name for r in model.loaded_rows()]
        assert "张三" in names and "李四" not in names
        model.set_query(RosterQuery(group_id=ws.group_id))
        model.sort(COL_JOINED, Qt.SortOrder.DescendingOrder)
        joined = [r.joined_at for r in model.loaded_rows() if r.joined_at]
        assert joined == sorted(joined, reverse=True)
        assert model.query.sort == "joined_at" and model.query.descending
    finally:
        close_workspace(ws)


def test_refresh_reloads_what_was_loaded_page_by_page():
    source = FakeSource(make_rows(2_500))
    model = RosterTableModel(source)
    model.set_query(RosterQuery())
    for _ in range(6):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 1_400
    source.loads.clear()
    model.refresh()
    assert model.rowCount() == 1_000  # capped: the rest comes back lazily
    assert source.loads == [(i * 200, 200) for i in range(5)]
    assert model.canFetchMore(QModelIndex())
