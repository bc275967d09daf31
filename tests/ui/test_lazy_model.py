"""The paged model of the Follow-ups and Opportunities tabs (customers: test_customers_model)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from crm_desktop.services import opportunity_table as opportunity_queries
from crm_desktop.ui.opportunities import table as opportunity_table
from crm_desktop.ui.widgets import lazy_table
from crm_desktop.ui.widgets.lazy_table import ID_ROLE, Column, LazyTableModel

COLUMNS = (Column("name", "Name", "Test"), Column("n", "Number", "Test", numeric=True))


class FakeSource:
    """Rows ``(id, name, n)`` sorted like SQL would, recording every query."""

    def __init__(self, count: int) -> None:
        self.rows = [(f"id{i}", f"name{i:04d}", i) for i in range(count)]
        self.calls: list[tuple[int, int, str, bool]] = []

    def __call__(self, offset: int, limit: int, key: str, descending: bool) -> list[Any]:
        self.calls.append((offset, limit, key, descending))
        column = 1 if key == "name" else 2
        ordered = sorted(self.rows, key=lambda r: r[column], reverse=descending)
        return ordered[offset : offset + limit]


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = LazyTableModel(COLUMNS, FakeSource(450))
    qtmodeltester.check(model)


def test_rows_come_one_page_at_a_time() -> None:
    source = FakeSource(450)
    model = LazyTableModel(COLUMNS, source)
    assert model.rowCount() == 0
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 200
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    assert [c[0] for c in source.calls] == [0, 200, 400]
    assert model.data(model.index(449, 0)) == "name0449"
    assert model.data(model.index(449, 0), ID_ROLE) == "id449"


def test_sorting_requeries_in_the_source() -> None:
    source = FakeSource(10)
    model = LazyTableModel(COLUMNS, source)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert source.calls[-1] == (0, 200, "n", True)
    assert model.data(model.index(0, 1)) == "9"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Number"


def test_evicted_pages_are_fetched_again(monkeypatch: Any) -> None:
    monkeypatch.setattr(lazy_table, "MAX_CACHED_PAGES", 2)
    source = FakeSource(100)
    model = LazyTableModel(COLUMNS, source, page_size=10)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 100
    queries = len(source.calls)
    assert model.data(model.index(3, 0)) == "name0003"  # page 0 was evicted long ago
    assert len(source.calls) == queries + 1


def test_columns_follow_the_list_queries() -> None:
    assert [c.key for c in opportunity_table.COLUMNS] == list(opportunity_queries.COLUMNS)
