"""The start-up page read with plain SQL shows what the list service shows first."""

from __future__ import annotations

import datetime as dt
import sys
from array import array

import pytest

from crm_desktop.db.keyed_file import open_keyed
from crm_desktop.services import customer_list
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.first_page import read_first_page
from crm_desktop.services.list_columns import BUILT_IN
from crm_desktop.services.workspace import Workspace
from tests.conftest import PASSPHRASE


@pytest.fixture
def filled(workspace: Workspace) -> Workspace:
    ws = workspace
    seller = ws.users.create(username="li", display_name="李销售", role="sales")
    vip, fair = ws.tags.create(name="VIP"), ws.tags.create(name="展会")
    for n, name in enumerate(["Delta", "alpha", "Charlie", "bravo", "张三", "李四", "Alpha"]):
        customer_id = ws.customers.create(
            name=name, company=f"Company {n}", city="北京", tier="A", status="active",
            owner_id=seller if n % 2 else None, birthday=dt.date(1980, 1, n + 1),
            phone="13800138000" if n == 2 else None,
        )  # fmt: skip
        if n % 3 == 0:
            ws.customers.set_tags(customer_id, [vip, fair])
        if name == "bravo":
            ws.customers.delete(customer_id)  # in the trash: not on the page
    return ws


def test_same_rows_and_values_as_the_list_service(filled: Workspace) -> None:
    keys = list(BUILT_IN)
    with filled.db.session() as session:
        rowids = customer_list.ordered_rowids(session, CustomerFilter())
        expected = customer_list.fetch_rows(session, list(rowids), keys)
    keyed = open_keyed(filled.path, PASSPHRASE)
    try:
        page = read_first_page(keyed.connection)
        short = read_first_page(keyed.connection, ["name", "owner", "custom:x"], limit=2)
    finally:
        keyed.connection.close()
    assert page.keys == tuple(keys)
    assert array("q", [row[0] for row in page.rows]) == rowids
    assert [(row[1], *row[2:]) for row in page.rows] == [expected[r] for r in rowids]
    assert page.user_id == filled.ctx.user_id and page.user_name == "boss"
    assert [row[2] for row in short.rows] == ["alpha", "Alpha"]  # by name, as the list
    owner = keys.index("owner") + 2
    assert [row[3] for row in short.rows] == [row[owner] for row in page.rows[:2]]
    assert [row[4] for row in short.rows] == [None, None]  # an unknown key reads as empty
    assert "李销售" in {row[owner] for row in page.rows}


def test_list_columns_are_the_services_columns() -> None:
    assert {k: (c.label, c.kind) for k, c in customer_list.COLUMNS.items()} == BUILT_IN


def test_the_start_up_page_loads_no_sqlalchemy() -> None:
    import subprocess

    code = (  # the command's parser too: the window starts through it
        "import sys, crm_desktop.services.first_page, crm_desktop.ui.customers.first_page;"
        "import crm_desktop.cli, crm_desktop.app; crm_desktop.cli._parser();"
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"
