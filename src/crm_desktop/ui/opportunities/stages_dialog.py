"""Stages settings: add, rename, reorder, default probability, won/lost, the follow-up a
stage plans on entry, the stalled-days threshold, and delete with reassignment."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db.models import Stage
from crm_desktop.domain.enums import StageKind
from crm_desktop.domain.errors import CrmError
from crm_desktop.services.stage_settings import StageSettings
from crm_desktop.services.stage_triggers import StageTrigger, read_triggers, write_triggers
from crm_desktop.services.stalled import read_stalled_days, write_stalled_days
from crm_desktop.ui.text import deal_status_label, error_text
from crm_desktop.ui.widgets.form import ErrorLabel, select_data

ChooseTarget = Callable[[Stage, int, list[Stage]], str | None]


class StagesDialog(QDialog):
    """Changes apply at once, each in its own transaction; ``changed`` tells the tab."""

    def __init__(self, settings: StageSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.choose_target: ChooseTarget = self._ask_target
        self.setWindowTitle(self.tr("Pipeline stages"))
        self.list = QListWidget(self)
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.model().rowsMoved.connect(self._apply_order)
        self.name = QLineEdit(self)
        self.probability = QSpinBox(self)
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.kind = QComboBox(self)
        for kind in StageKind:
            self.kind.addItem(deal_status_label(kind.value), kind.value)
        self.trigger = QCheckBox(self.tr("Plan a follow-up when a deal enters this stage"), self)
        self.trigger_subject = QLineEdit(self)
        self.trigger_days = QSpinBox(self)
        self.trigger_days.setRange(0, 365)
        self.trigger_days.setSuffix(self.tr(" days later"))
        self.stalled_days = QSpinBox(self)
        self.stalled_days.setRange(1, 3650)
        self.error = ErrorLabel(self)
        self._build()
        self.list.currentRowChanged.connect(self._show_current)
        self.refresh()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Default probability:"), self.probability)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.trigger)
        form.addRow(self.tr("Follow-up subject:"), self.trigger_subject)
        form.addRow(self.tr("Due:"), self.trigger_days)
        apply = QPushButton(self.tr("&Apply"), self)
        apply.clicked.connect(self.apply_current)
        form.addRow(apply)
        form.addRow(self.tr("Flag deals as stalled after (days):"), self.stalled_days)
        self.stalled_days.editingFinished.connect(self._apply_stalled)
        buttons = QHBoxLayout()
        for label, slot in (
            (self.tr("&Add"), self.add_stage), (self.tr("&Delete…"), self.delete_current),
            (self.tr("Move &up"), lambda: self.move_current(-1)),
            (self.tr("Move do&wn"), lambda: self.move_current(1)),
        ):  # fmt: skip
            button = QPushButton(label, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addLayout(buttons)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addLayout(form, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.resize(720, 420)

    # --- state -----------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        current = select or self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for stage in self.settings.list():
            item = QListWidgetItem(self._label(stage), self.list)
            item.setData(Qt.ItemDataRole.UserRole, stage.id)
        self.list.blockSignals(False)
        with self.settings.ctx.db.session() as session:
            self.triggers = read_triggers(session)
            self.stalled_days.setValue(read_stalled_days(session))
        ids = self.ids()
        self.list.setCurrentRow(ids.index(current) if current in ids else 0)
        self._show_current()

    def _label(self, stage: Stage) -> str:
        return self.tr("{name} · {percent} % · {kind}").format(
            name=stage.name, percent=stage.default_probability, kind=deal_status_label(stage.kind)
        )

    def ids(self) -> list[str]:
        return [
            str(self.list.item(n).data(Qt.ItemDataRole.UserRole)) for n in range(self.list.count())
        ]

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _show_current(self) -> None:
        stage = next((s for s in self.settings.list() if s.id == self.current_id()), None)
        if stage is None:
            return
        self.name.setText(stage.name)
        self.probability.setValue(stage.default_probability)
        select_data(self.kind, stage.kind)
        trigger = self.triggers.get(stage.id)
        self.trigger.setChecked(trigger is not None)
        self.trigger_subject.setText(trigger.subject if trigger else self.tr("Follow up"))
        self.trigger_days.setValue(trigger.due_days if trigger else 1)

    def _run(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except CrmError as error:
            self.error.show_message(error_text(error))
            return False
        self.error.clear_message()
        return True

    # --- actions ---------------------------------------------------------------------------

    def apply_current(self) -> None:
        stage_id = self.current_id()
        if stage_id is None:
            return

        def work() -> None:
            self.settings.change(
                stage_id,
                name=self.name.text(),
                default_probability=self.probability.value(),
                kind=self.kind.currentData(),
            )
            triggers = dict(self.triggers)
            if self.trigger.isChecked():
                subject = self.trigger_subject.text()
                triggers[stage_id] = StageTrigger(subject, self.trigger_days.value())
            else:
                triggers.pop(stage_id, None)
            with self.settings.ctx.db.write() as session:
                write_triggers(session, triggers)

        self._run(work)
        self.refresh(stage_id)

    def add_stage(self) -> None:
        new: list[str] = []
        self._run(lambda: new.append(self.settings.add(self.tr("New stage"), 10)))
        self.refresh(new[0] if new else None)

    def move_current(self, step: int) -> None:
        ids, row = self.ids(), self.list.currentRow()
        if not 0 <= row + step < len(ids):
            return
        ids[row], ids[row + step] = ids[row + step], ids[row]
        self._run(lambda: self.settings.reorder(ids))
        self.refresh(ids[row + step])

    def _apply_order(self) -> None:
        ids = self.ids()
        self._run(lambda: self.settings.reorder(ids))
        self.refresh()

    def _apply_stalled(self) -> None:
        def work() -> None:
            with self.settings.ctx.db.write() as session:
                write_stalled_days(session, self.stalled_days.value())

        self._run(work)

    def delete_current(self) -> None:
        stage_id = self.current_id()
        stages = self.settings.list()
        stage = next((s for s in stages if s.id == stage_id), None)
        if stage is None:
            return
        held = self.settings.holdings(stage.id)
        target = None
        if held:
            target = self.choose_target(stage, held, [s for s in stages if s.id != stage.id])
            if target is None:
                return
        self._run(lambda: self.settings.delete(stage.id, move_to=target))
        self.refresh()

    def _ask_target(self, stage: Stage, held: int, others: list[Stage]) -> str | None:
        names = [s.name for s in others]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Delete stage"),
            self.tr("“{stage}” holds %n opportunity(s). Move them to:", "", held).format(
                stage=stage.name
            ),
            names,
            0,
            False,
        )
        return others[names.index(name)].id if ok and name in names else None
