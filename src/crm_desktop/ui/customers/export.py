"""Exporting the customer list as shown (filter, sort, columns) to .xlsx or CSV, with cancel."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.db.models import CustomFieldDef
from crm_desktop.domain.errors import CrmError
from crm_desktop.services import customer_list
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.customer_filters import CustomerFilter
from crm_desktop.services.exports import ExportCancelledError, export_customers
from crm_desktop.ui.tasks import Progress, run_task
from crm_desktop.ui.text import enum_label, error_text
from crm_desktop.ui.widgets.form import ErrorLabel

WARNING_STYLE = "background: #fff8e1; border: 1px solid #f0c36d; border-radius: 4px; padding: 6px;"


def column_labels(ctx: ServiceContext, columns: Sequence[str]) -> dict[str, str]:
    """Translated headers for list column keys, custom fields by their own names."""
    labels: dict[str, str] = {}
    with ctx.db.session() as session:
        for key in columns:
            if key.startswith(customer_list.CUSTOM_PREFIX):
                definition = session.get(CustomFieldDef, key[len(customer_list.CUSTOM_PREFIX) :])
                labels[key] = definition.name if definition is not None else key
            elif key in customer_list.COLUMNS:
                labels[key] = QCoreApplication.translate(
                    "Columns", customer_list.COLUMNS[key].label
                )
    return labels


class ExportDialog(QDialog):
    """Ask for a file and a format, then export in the background; ``exported(path, rows)``."""

    exported = Signal(str, int)

    def __init__(
        self,
        ctx: ServiceContext,
        flt: CustomerFilter,
        sort: str,
        descending: bool,
        columns: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter = flt
        self._sort = sort
        self._descending = descending
        self._columns = list(columns)
        self._cancel = threading.Event()
        self.running = False
        self.setWindowTitle(self.tr("Export customers"))
        self.setMinimumWidth(560)

        self.path = QLineEdit(self)
        self.path.setText(str(Path(QDir.homePath()) / self.tr("customers.xlsx")))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self.browse)
        self.xlsx = QRadioButton(self.tr("&Excel workbook (.xlsx)"), self)
        self.csv = QRadioButton(self.tr("&CSV, UTF-8 (.csv)"), self)
        self.xlsx.setChecked(True)
        formats = QButtonGroup(self)
        formats.addButton(self.xlsx)
        formats.addButton(self.csv)
        formats.buttonClicked.connect(lambda _b: self._match_suffix())
        self.count = QLabel(self.tr("Counting customers…"), self)
        warning = QLabel(
            self.tr(
                "The exported file is <b>not encrypted</b>: anyone who gets it can read these "
                "customers' details. Keep it somewhere safe and delete it when it is no "
                "longer needed."
            ),
            self,
        )
        warning.setWordWrap(True)
        warning.setStyleSheet(WARNING_STYLE)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        warning_icon = QLabel(self)
        warning_icon.setPixmap(icon.pixmap(24, 24))
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = QPushButton(self.tr("E&xport"), self)
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        self._lay_out(browse, warning, warning_icon)
        self._count()

    def _lay_out(self, browse: QPushButton, warning: QLabel, warning_icon: QLabel) -> None:
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        format_row = QHBoxLayout()
        format_row.addWidget(self.xlsx)
        format_row.addWidget(self.csv)
        format_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&File:"), path_row)
        form.addRow(self.tr("Format:"), format_row)
        form.addRow(self.tr("Rows:"), self.count)
        warning_row = QHBoxLayout()
        warning_row.addWidget(warning_icon)
        warning_row.addWidget(warning, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(warning_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _count(self) -> None:
        ctx, flt = self._ctx, self._filter

        def work(_progress: Progress) -> int:
            with ctx.db.session() as session:
                return customer_list.count(session, flt)

        run_task(work, self._counted)

    def _counted(self, rows: int) -> None:
        self.count.setText(self.tr("Customers in the current view: {n}").format(n=rows))

    def fmt(self) -> str:
        return "csv" if self.csv.isChecked() else "xlsx"

    def set_format(self, fmt: str) -> None:
        (self.csv if fmt == "csv" else self.xlsx).setChecked(True)
        self._match_suffix()

    def _match_suffix(self) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(f".{self.fmt()}")))

    def browse(self) -> None:
        xlsx, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV file (*.csv)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export customers"),
            self.path.text(),
            f"{xlsx};;{csv}",
            csv if self.fmt() == "csv" else xlsx,
        )
        if path:
            self.path.setText(path)
            self.set_format("csv" if chosen == csv or path.lower().endswith(".csv") else "xlsx")

    def start(self) -> None:
        """Export in the background; Cancel stops it and leaves no file behind."""
        text = self.path.text().strip()
        if not text:
            self.error.show_message(self.tr("Choose where to save the file."))
            return
        path = Path(text)
        if path.suffix.lower() != f".{self.fmt()}":
            path = path.with_suffix(f".{self.fmt()}")
        self.error.clear_message()
        self.export_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self._cancel = threading.Event()
        self.running = True
        ctx, cancel, fmt = self._ctx, self._cancel, self.fmt()
        flt, sort, descending, columns = (
            self._filter,
            self._sort,
            self._descending,
            self._columns,
        )
        labels = column_labels(ctx, columns)

        def work(progress: Progress) -> tuple[str, int]:
            with ctx.db.session() as session:
                rows = export_customers(
                    session, flt, sort, descending, columns, path, fmt, labels,
                    progress, cancel.is_set, enum_label=enum_label,
                )  # fmt: skip
            return str(path), rows

        run_task(work, self._done, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _done(self, result: tuple[str, int]) -> None:
        self.running = False
        path, rows = result
        self.exported.emit(path, rows)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        if isinstance(error, ExportCancelledError):
            super().reject()
        elif isinstance(error, CrmError):
            self.error.show_message(error_text(error))
        else:
            self.error.show_message(self.tr("The export failed; no file was written."))

    def reject(self) -> None:
        """Cancel a running export (the dialog closes once it has stopped), or close."""
        if self.running:
            self._cancel.set()
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
            return
        super().reject()


def export_customer_view(
    ctx: ServiceContext,
    flt: CustomerFilter,
    sort: str,
    descending: bool,
    columns: Sequence[str],
    parent: QWidget | None = None,
) -> ExportDialog:
    """Open the export dialog for the list as the user sees it (window-modal, not blocking)."""
    dialog = ExportDialog(ctx, flt, sort, descending, columns, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
