"""The start-up page: the main window's frame with the first page of customers, shown while
the rest of the program loads.

Reading the first page needs only the keyed connection and plain SQL
(``services/first_page.py``), so this window can be on screen before SQLAlchemy, the services
and the real ``MainWindow`` have been imported. It takes the real window's geometry, panes and
column layout from the settings, and the real window replaces it, in the same place, as soon
as its own first page is ready. Nothing here can be clicked: it is a picture of the window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.first_page import FirstPage
from crm_desktop.services.list_columns import BUILT_IN
from crm_desktop.ui.customers.cell_text import WIDTHS, display
from crm_desktop.ui.customers.table_look import (
    SPLITTER_SIZES,
    columns_key,
    splitter_key,
    stored_layout,
    style_table,
)

WINDOW_CONTEXT = "MainWindow"  # the real window's texts, so translations match
DEFAULT_SIZE = (1200, 760)  # as ui/main_window.DEFAULT_SIZE (a test keeps them equal)
_MENUS = ("&File", "&Edit", "&View", "&Tools", "&Help")
_TABS = ("&Customers", "&Follow-ups", "&Opportunities", "&Reports")
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
AnyIndex = QModelIndex | QPersistentModelIndex


def _window_text(text: str) -> str:
    return QCoreApplication.translate(WINDOW_CONTEXT, text)


class FirstPageModel(QAbstractTableModel):
    """The first page's rows as display strings, in the built-in columns' order."""

    def __init__(self, page: FirstPage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keys = list(BUILT_IN)
        positions = {key: n for n, key in enumerate(page.keys)}
        self._rows = [
            [
                display(BUILT_IN[key][1], row[2 + positions[key]]) if key in positions else ""
                for key in self.keys
            ]
            for row in page.rows
        ]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.keys)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.keys):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Columns", BUILT_IN[self.keys[section]][0])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        return self._rows[index.row()][index.column()]


class FirstPageWindow(QMainWindow):
    """``painted`` once the rows are on screen; the app then loads the real window."""

    painted = Signal()

    def __init__(self, settings: QSettings, file_name: str, page: FirstPage) -> None:
        super().__init__()
        self._reported = False
        self.setWindowTitle(_window_text("{file} — CRM Desktop").format(file=file_name))
        self.model = FirstPageModel(page, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        style_table(self.table)
        self._apply_layout(*stored_layout(settings, columns_key(page.user_id)))
        self.table.horizontalHeader().setSortIndicator(
            self.model.keys.index("name"), Qt.SortOrder.AscendingOrder
        )
        self.table.viewport().installEventFilter(self)
        self._build(settings, page, file_name)
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE)
        state = settings.value("main_window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _apply_layout(self, keys: list[str], widths: dict[str, int]) -> None:
        header = self.table.horizontalHeader()
        shown = [k for k in keys if k in BUILT_IN]
        for visual, key in enumerate(shown):
            header.moveSection(header.visualIndex(self.model.keys.index(key)), visual)
        for logical, key in enumerate(self.model.keys):
            header.setSectionHidden(logical, key not in shown)
            header.resizeSection(logical, max(30, int(widths.get(key, WIDTHS.get(key, 120)))))

    def _build(self, settings: QSettings, page: FirstPage, file_name: str) -> None:
        for title in _MENUS:
            self.menuBar().addMenu(_window_text(title)).setEnabled(False)
        toolbar = QToolBar(_window_text("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for text in ("&New customer…", "&Edit customer…"):
            toolbar.addAction(_window_text(text)).setEnabled(False)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        search = QLineEdit(toolbar)
        search.setPlaceholderText(
            _window_text("Search customers: name, company, phone, pinyin… (Ctrl+K)")
        )
        search.setMinimumWidth(360)
        search.setClearButtonEnabled(True)
        self.search = search  # takes typing while the program loads (``hand_over_search``)
        toolbar.addWidget(search)
        self.addToolBar(toolbar)

        bar = QToolBar(self)
        bar.setMovable(False)
        placeholder = QToolButton(bar)  # as tall as the real bar's action buttons
        placeholder.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        placeholder.setAutoRaise(True)
        placeholder.setText(" ")
        placeholder.setEnabled(False)
        bar.addWidget(placeholder)
        center = QWidget(self)
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.setSpacing(0)
        center_layout.addWidget(bar)
        center_layout.addWidget(self.table)
        left = QWidget(self)
        left.setMinimumWidth(200)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for pane in (left, center, QWidget(self)):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(list(SPLITTER_SIZES))
        state = settings.value(splitter_key(page.user_id))
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        tabs = QTabWidget(self)
        tabs.setDocumentMode(True)
        tabs.addTab(self.splitter, _window_text(_TABS[0]))
        for title in _TABS[1:]:
            tabs.addTab(QWidget(tabs), _window_text(title))
            tabs.setTabEnabled(tabs.count() - 1, False)
        self.setCentralWidget(tabs)
        status = self.statusBar()
        status.addWidget(QLabel(file_name, self))
        status.addWidget(QLabel(_window_text("User: {name}").format(name=page.user_name), self))

    def hand_over_search(self, target: QLineEdit) -> None:
        """Give what was typed here to the real window's search box, focus and cursor too."""
        text = self.search.text()
        if text:
            target.setText(text)
            target.setCursorPosition(self.search.cursorPosition())
        if self.search.hasFocus():
            target.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            not self._reported
            and event.type() == QEvent.Type.Paint
            and watched is self.table.viewport()
        ):
            self._reported = True
            QTimer.singleShot(0, self.painted.emit)
        return super().eventFilter(watched, event)
