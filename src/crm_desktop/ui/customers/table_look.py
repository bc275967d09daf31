"""How the customer table looks and where its per-user column layout is kept.

Shared by ``CustomerTable`` and the start-up page (``first_page.py``), which must look the
same; nothing here loads the database layer.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from crm_desktop.services.list_columns import DEFAULT_COLUMNS

SPLITTER_SIZES = (240, 680, 400)  # the tab's panes: views and filters, the list, the details
Layout = tuple[list[str], dict[str, int]]  # visible keys in screen order, widths by key


def columns_key(user_id: str | None) -> str:
    return f"customers/{user_id or 'nobody'}/columns"


def splitter_key(user_id: str | None) -> str:
    return f"customers/{user_id or 'nobody'}/splitter"


def stored_layout(settings: QSettings, key: str) -> Layout:
    """The stored layout, or the default columns when there is none or it is damaged."""
    raw = settings.value(key)
    keys: list[str] = list(DEFAULT_COLUMNS)
    widths: dict[str, int] = {}
    if isinstance(raw, str) and raw:
        try:
            data = json.loads(raw)
            keys = [str(k) for k in data.get("columns", keys)]
            widths = {str(k): int(v) for k, v in data.get("widths", {}).items()}
        except (ValueError, TypeError, AttributeError):
            pass  # a damaged setting: fall back to the defaults
    return keys, widths


def style_table(view: QTableView) -> None:
    """Rows selected whole, no grid, alternating colours, compact rows, movable columns."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setShowGrid(False)
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setSectionsMovable(True)
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
