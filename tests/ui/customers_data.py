"""Shared data for the Customers tab tests: a small file with every filterable field set."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from crm_desktop.services.workspace import Workspace, create_workspace
from crm_desktop.ui.customers.model import CustomerListModel
from crm_desktop.ui.customers.view import CustomerTab
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.tasks import wait_for_tasks
from tests.conftest import PASSPHRASE

JANUARY = dt.datetime(2025, 1, 10, 9, 0, tzinfo=dt.UTC)
MARCH = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@dataclass
class Data:
    workspace: Workspace
    clock: Clock
    ids: dict[str, str]
    seller: str
    vip_tag: str
    new_tag: str


@pytest.fixture
def data(tmp_path: Path) -> Iterator[Data]:
    clock = Clock(JANUARY)
    ws = create_workspace(tmp_path / "customers.db", PASSPHRASE, owner_name="boss", clock=clock)
    seller = ws.users.create(username="li", display_name="李销售", role="sales")
    vip = ws.tags.create(name="VIP客户")
    new_tag = ws.tags.create(name="Newsletter")
    c = ws.customers
    zhang = c.create(
        name="张三", company="北京科技有限公司", phone="13800138000", region="北京市",
        city="北京", industry="制造", tier="A", status="active", source="referral",
    )  # fmt: skip
    c.set_tags(zhang, [vip])
    clock.now = MARCH
    alice = c.create(
        name="Alice Smith", company="Acme Corp", phone="+1 212 555 0100", region="California",
        city="San Francisco", industry="Software", tier="B", status="lead", source="website",
        owner_id=seller,
    )  # fmt: skip
    li = c.create(
        name="李四", company="上海贸易有限公司", region="上海市", city="上海", industry="贸易",
        tier="C", status="prospect", source="exhibition",
    )  # fmt: skip
    stage = ws.stages.list()[0]
    ws.opportunities.create(title="ERP rollout", customer_id=alice, stage_id=stage.id, amount="99")
    ws.followups.create(
        customer_id=li, subject="拜访", status="done", channel="visit",
        occurred_at=MARCH - dt.timedelta(days=1),
    )  # fmt: skip
    yield Data(ws, clock, {"张三": zhang, "Alice Smith": alice, "李四": li}, seller, vip, new_tag)
    wait_for_tasks()
    ws.close()


@pytest.fixture
def main(qtbot: QtBot, data: Data, settings: QSettings) -> Iterator[MainWindow]:
    window = MainWindow(data.workspace, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_loaded(qtbot, window.customers.model)
    yield window
    window.close()
    wait_for_tasks()


def all_loaded(model: CustomerListModel) -> bool:
    if model.loading:
        return False
    return all(model.record_id(row) is not None for row in range(model.rowCount()))


def wait_loaded(qtbot: QtBot, model: CustomerListModel) -> None:
    qtbot.waitUntil(lambda: all_loaded(model), timeout=10_000)


def column(model: CustomerListModel, key: str) -> list[str]:
    number = model.column_of(key)
    return [model.data(model.index(row, number)) for row in range(model.rowCount())]


def names_after(qtbot: QtBot, tab: CustomerTab, expected: list[str]) -> None:
    """Wait until the list shows exactly ``expected`` (in order)."""
    qtbot.waitUntil(
        lambda: all_loaded(tab.model) and column(tab.model, "name") == expected, timeout=10_000
    )
