"""The Opportunities tab: filters, the pipeline board or the table, and the forecast panel."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QStackedWidget, QToolBar, QVBoxLayout, QWidget

from crm_desktop.services.pipeline import BoardFilter
from crm_desktop.ui.opportunities.board import PipelineBoard
from crm_desktop.ui.opportunities.deps import OpportunityServices
from crm_desktop.ui.opportunities.editor import OpportunityEditor
from crm_desktop.ui.opportunities.filters import FilterBar
from crm_desktop.ui.opportunities.forecast_panel import ForecastPanel
from crm_desktop.ui.opportunities.stages_dialog import StagesDialog
from crm_desktop.ui.opportunities.table import OpportunityTable
from crm_desktop.ui.widgets.lazy_table import LazyTableModel

BOARD, TABLE = range(2)


def open_new_opportunity(
    services: OpportunityServices, customer_id: str | None, parent: QWidget | None = None
) -> OpportunityEditor:
    """Show the editor for a new deal, prefilled with the customer (non-modal)."""
    editor = OpportunityEditor(services, customer_id=customer_id, parent=parent)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.show()
    return editor


class OpportunityTab(QWidget):
    """``changed`` follows every saved deal or move (for the status bar counts)."""

    changed = Signal()

    def __init__(
        self,
        services: OpportunityServices,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._settings = settings
        self._table_stale = False
        self.filters = FilterBar(services.now().astimezone().date(), self)
        self.board = PipelineBoard(services, self)
        self.table = OpportunityTable(services.db, settings, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.board)
        self.stack.addWidget(self.table)
        self.forecast = ForecastPanel(services.db, self)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.forecast)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 480])
        self.toolbar = QToolBar(self)
        self._actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        self.filters.changed.connect(self.apply_filter)
        self.board.moved.connect(self._after_move)
        self.board.open_requested.connect(self.edit)
        self.table.activated_id.connect(self.edit)
        self._restore()
        self.refresh_choices()
        self.board.rebuild()
        self.apply_filter(self.filters.current())

    def _actions(self) -> None:
        self.new_action = QAction(self.tr("&New opportunity…"), self)
        self.new_action.triggered.connect(lambda: self.new_opportunity(None))
        self.stages_action = QAction(self.tr("&Stages…"), self)
        self.stages_action.triggered.connect(self.edit_stages)
        self.board_action = QAction(self.tr("&Board"), self)
        self.table_action = QAction(self.tr("&Table"), self)
        for number, action in enumerate((self.board_action, self.table_action)):
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, n=number: self.show_view(n))
        self.forecast_action = QAction(self.tr("&Forecast"), self)
        self.forecast_action.setCheckable(True)
        self.forecast_action.setChecked(True)
        self.forecast_action.toggled.connect(self.forecast.setVisible)
        self.toolbar.addActions([self.new_action, self.stages_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.board_action, self.table_action, self.forecast_action])

    @property
    def model(self) -> LazyTableModel:
        """The table's model (what the main window's tests look at)."""
        return self.table.lazy_model

    # --- views and filter ------------------------------------------------------------------

    def show_view(self, view: int) -> None:
        self.stack.setCurrentIndex(view)
        if view == TABLE and self._table_stale:
            self._table_stale = False
            self.table.set_filter(self.filters.current())
        self.board_action.setChecked(view == BOARD)
        self.table_action.setChecked(view == TABLE)

    def apply_filter(self, flt: BoardFilter) -> None:
        self.board.set_filter(flt)
        self.table.set_filter(flt)
        self._table_stale = False
        self.forecast.refresh(flt)

    def refresh_choices(self) -> None:
        owners = [(u.id, u.display_name) for u in self.services.users.list()]
        tags = [(t.id, t.name) for t in self.services.tags.list()]
        self.filters.set_choices(owners, tags)

    def reload(self) -> None:
        self.refresh_choices()
        self.apply_filter(self.filters.current())

    # --- editing ---------------------------------------------------------------------------

    def new_opportunity(self, customer_id: str | None) -> OpportunityEditor:
        editor = open_new_opportunity(self.services, customer_id, self)
        editor.saved.connect(self._after_change)
        return editor

    def edit(self, opportunity_id: str) -> OpportunityEditor:
        editor = OpportunityEditor(self.services, opportunity_id, parent=self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._after_change)
        editor.show()
        return editor

    def edit_stages(self) -> StagesDialog:
        dialog = StagesDialog(self.services.stages, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._after_stages)
        dialog.show()
        return dialog

    def _after_stages(self) -> None:
        self.board.rebuild()
        self._after_change()

    def _after_change(self, *_args: object) -> None:
        flt = self.filters.current()
        self.board.set_filter(flt)
        self.table.set_filter(flt)
        self._table_stale = False
        self.forecast.refresh(flt)
        self.changed.emit()

    def _after_move(self, _result: object) -> None:
        """A card was dragged: the board has updated its two columns itself; the hidden
        table catches up when it is shown, the forecast off the GUI thread."""
        flt = self.filters.current()
        if self.stack.currentIndex() == TABLE:
            self.table.set_filter(flt)
        else:
            self._table_stale = True
        self.forecast.refresh(flt)
        self.changed.emit()

    # --- layout ----------------------------------------------------------------------------

    def _restore(self) -> None:
        view = str(self._settings.value("opportunities/view", BOARD))
        self.show_view(TABLE if view == str(TABLE) else BOARD)
        state = self._settings.value("opportunities/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)

    def save_layout(self) -> None:
        self._settings.setValue("opportunities/view", self.stack.currentIndex())
        self._settings.setValue("opportunities/splitter", self.splitter.saveState())
        self.table.save_layout()
