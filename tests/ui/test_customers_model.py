"""The customer list model: streamed row ids, block cache, generations, SQL sorting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QSettings
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from crm_desktop.services import customer_list
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.ui.customers import loader as loader_module
from crm_desktop.ui.customers import model as model_module
from crm_desktop.ui.customers.loader import ListQuery
from crm_desktop.ui.customers.model import PLACEHOLDER, CustomerListModel
from crm_desktop.ui.customers.table import CustomerTable
from tests.ui.customers_data import Data, column, data, wait_loaded

__all__ = ["data"]  # the fixture


def test_model_passes_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, data: Data
) -> None:
    model = CustomerListModel(data.workspace.db)
    model.set_query(ListQuery())
    wait_loaded(qtbot, model)
    qtmodeltester.check(model)
    assert column(model, "name") == ["Alice Smith", "李四", "张三"]


def test_rows_stream_in_and_the_cache_stays_bounded(
    qtbot: QtBot, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(20):
        data.workspace.customers.create(name=f"Bulk {number:02d}")
    monkeypatch.setattr(customer_list, "CHUNK", 5)
    monkeypatch.setattr(model_module, "BLOCK", 3)
    monkeypatch.setattr(model_module, "MAX_BLOCKS", 2)
    model = CustomerListModel(data.workspace.db)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    counts: list[tuple[int, bool]] = []
    model.count_changed.connect(lambda rows, done: counts.append((rows, done)))
    model.set_query(ListQuery(CustomerFilter(text="bulk")))
    qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == 20
    # the first chunk (one block: what the screen shows) came with a reset, then 5 at a time
    assert inserted[0] == (3, 7)
    assert counts[0] == (3, False) and counts[-1] == (20, True)
    assert model.data(model.index(19, 0)) == PLACEHOLDER  # not loaded yet: asked for
    qtbot.waitUntil(lambda: model.data(model.index(19, 0)) == "Bulk 19")
    for row in range(20):
        qtbot.waitUntil(lambda row=row: model.data(model.index(row, 0)) == f"Bulk {row:02d}")
        assert model.cached_rows() <= 6
    assert model.data(model.index(0, 0)) in (PLACEHOLDER, "Bulk 00")  # evicted, fetched again
    qtbot.waitUntil(lambda: model.data(model.index(0, 0)) == "Bulk 00")


def test_a_new_query_supersedes_the_running_one(qtbot: QtBot, data: Data) -> None:
    model = CustomerListModel(data.workspace.db)
    model.set_query(ListQuery(CustomerFilter(text="alice")))
    model.set_query(ListQuery(CustomerFilter(text="张")))
    qtbot.waitUntil(lambda: not model.loading)
    wait_loaded(qtbot, model)
    assert column(model, "name") == ["张三"]


def test_sorting_runs_in_sql_and_keeps_the_filter(qtbot: QtBot, data: Data) -> None:
    model = CustomerListModel(data.workspace.db)
    model.set_query(ListQuery(CustomerFilter(tiers=("A", "C"))))
    wait_loaded(qtbot, model)
    model.sort(model.column_of("tier"), model_module.Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.query.sort == "tier")
    qtbot.waitUntil(lambda: column(model, "name") == ["李四", "张三"])
    assert model.query.filter.tiers == ("A", "C")


def test_display_values_are_formatted(qtbot: QtBot, data: Data) -> None:
    model = CustomerListModel(data.workspace.db)
    model.set_visible_keys(["name", "status", "tags", "owner", "created_at"])
    model.set_query(ListQuery(CustomerFilter(text="张三")))
    wait_loaded(qtbot, model)
    assert column(model, "status") == ["Active"]  # the translated label, not "active"
    assert column(model, "tags") == ["VIP客户"]
    assert column(model, "owner") == ["boss"]
    assert "2025" in column(model, "created_at")[0]
    assert column(model, "phone") == [""]  # a hidden column is not fetched
    assert model.headerData(0, model_module.Qt.Orientation.Horizontal) == "Name"
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_the_start_up_page_shows_until_the_query_answers(qtbot: QtBot, data: Data) -> None:
    from crm_desktop.db.keyed_file import open_keyed
    from crm_desktop.services.first_page import read_first_page
    from tests.conftest import PASSPHRASE

    keyed = open_keyed(data.workspace.path, PASSPHRASE)
    try:
        page = read_first_page(keyed.connection)
    finally:
        keyed.connection.close()
    model = CustomerListModel(data.workspace.db)
    model.preload(page)  # what the window shows before its own query has answered
    assert column(model, "name") == ["Alice Smith", "李四", "张三"]
    assert model.record_id(1) == data.ids["李四"]
    assert not model.first_page_loaded  # the start-up benchmark waits for the real rows
    model.set_query(ListQuery(CustomerFilter(text="alice")))
    qtbot.waitUntil(lambda: not model.loading)
    assert column(model, "name") == ["Alice Smith"]  # replaced by the query's own rows
    model.preload(page)  # too late: ignored
    assert column(model, "name") == ["Alice Smith"]


def _bulk_query(data: Data, monkeypatch: pytest.MonkeyPatch) -> ListQuery:
    """20 matching customers, read 4 ids first (a block: what the screen shows) and then 5 at
    a time."""
    for number in range(20):
        data.workspace.customers.create(name=f"Bulk {number:02d}")
    monkeypatch.setattr(model_module, "BLOCK", 4)
    monkeypatch.setattr(customer_list, "CHUNK", 5)
    return ListQuery(CustomerFilter(text="bulk"))


def test_the_rest_of_the_ids_waits_until_the_first_rows_are_painted(
    qtbot: QtBot, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = _bulk_query(data, monkeypatch)
    monkeypatch.setattr(model_module, "FIRST_PAINT_WAIT_MS", 60_000)  # no view paints here
    monkeypatch.setattr(loader_module, "FIRST_CHUNK_PAUSE_S", 60.0)
    model = CustomerListModel(data.workspace.db)
    painted: list[int] = []
    model.rows_painted.connect(lambda: painted.append(model.rowCount()))
    model.set_query(query)
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    qtbot.wait(300)  # time enough to read 16 more ids: the stream waits instead
    assert model.rowCount() == 4
    assert model.awaiting_paint and model.loading and not painted
    model.first_rows_painted()  # what the table does once it has painted them
    qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == 20
    assert painted == [4] and not model.awaiting_paint


def test_a_table_on_screen_lets_the_rest_follow_its_first_paint(
    qtbot: QtBot, data: Data, monkeypatch: pytest.MonkeyPatch, settings: QSettings
) -> None:
    query = _bulk_query(data, monkeypatch)
    monkeypatch.setattr(model_module, "FIRST_PAINT_WAIT_MS", 60_000)
    monkeypatch.setattr(loader_module, "FIRST_CHUNK_PAUSE_S", 60.0)
    model = CustomerListModel(data.workspace.db)
    table = CustomerTable(model, settings, "test/columns")
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    model.set_query(query)
    qtbot.waitUntil(lambda: not model.loading)  # the paint released the stream
    assert model.rowCount() == 20 and not model.awaiting_paint


def test_without_a_paint_the_rest_follows_after_a_short_wait(
    qtbot: QtBot, data: Data, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = _bulk_query(data, monkeypatch)
    model = CustomerListModel(data.workspace.db)  # shown nowhere: nothing paints
    painted: list[bool] = []
    model.rows_painted.connect(lambda: painted.append(True))
    model.set_query(query)
    qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == 20 and painted == [True]
