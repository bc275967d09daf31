"""The import wizard: file, column mapping, preview and report, duplicates, run with cancel.

Reading, checking and importing run off the GUI thread. The import is one transaction in the
service, so Cancel (which makes ``cancelled()`` return True) leaves the database as it was.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.import_files import Table, read_table
from crm_desktop.services.imports import (
    IMPORTABLE,
    CustomerImport,
    DuplicatePolicy,
    ImportCancelledError,
    ImportReport,
    RowProblem,
    suggest_mapping,
)
from crm_desktop.ui.tasks import Progress, run_task
from crm_desktop.ui.text import error_text
from crm_desktop.ui.widgets.form import ErrorLabel

PREVIEW_ROWS = 50
SAMPLE_ROWS = 3
PROBLEM_BRUSH = QBrush(QColor("#fdecea"))
SKIP = ""  # the mapping combo's "do not import" value


def problem_text(problem: RowProblem) -> str:
    return QCoreApplication.translate("Errors", problem.message).format(**problem.params)


def read_only_table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    return table


def fill_problems(table: QTableWidget, problems: list[RowProblem]) -> None:
    """Row number, column and message of every problem, in file order."""
    table.setRowCount(len(problems))
    for index, problem in enumerate(sorted(problems, key=lambda p: p.row)):
        number = QTableWidgetItem()
        number.setData(Qt.ItemDataRole.DisplayRole, problem.row)
        table.setItem(index, 0, number)
        table.setItem(index, 1, QTableWidgetItem(problem.column))
        table.setItem(index, 2, QTableWidgetItem(problem_text(problem)))
    table.resizeColumnToContents(0)
    table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)


class ImportWizard(QWizard):
    """Import customers from a CSV or .xlsx file; ``imported(ImportReport)`` after success."""

    imported = Signal(object)

    def __init__(
        self, ctx: ServiceContext, parent: QWidget | None = None, path: str | Path | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table: Table | None = None
        self.mapping: dict[int, str] = {}
        self.policy = DuplicatePolicy.SKIP
        self.report: ImportReport | None = None
        self.cancel_event = threading.Event()
        self.running = False
        self.setWindowTitle(self.tr("Import customers"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.resize(900, 620)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.options_page = OptionsPage(self)
        self.run_page = RunPage(self)
        for page in (
            self.file_page,
            self.mapping_page,
            self.preview_page,
            self.options_page,
            self.run_page,
        ):
            self.addPage(page)
        if path is not None:
            self.file_page.load(str(path))

    def importer(self) -> CustomerImport:
        if self.table is None:
            raise RuntimeError("no file has been read")
        return CustomerImport(self.ctx, self.table, self.mapping, self.policy)

    def reject(self) -> None:
        """While importing, Cancel stops the import (nothing is kept) instead of closing."""
        if self.running:
            self.cancel_event.set()
            self.run_page.cancelling()
            return
        self.preview_page.stop()
        super().reject()


class FilePage(QWizardPage):
    """Choose the file; it is read in the background and what was detected is shown."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._reading = 0
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(
            self.tr("A CSV file (UTF-8 or GBK, any delimiter) or an Excel workbook (.xlsx).")
        )
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("Path of a .csv or .xlsx file"))
        self.path.editingFinished.connect(lambda: self.load(self.path.text()))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self.browse)
        self.detected = QLabel(self)
        self.detected.setWordWrap(True)
        self.error = ErrorLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.detected)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import customers"),
            self.path.text(),
            self.tr("Spreadsheets (*.csv *.txt *.xlsx);;All files (*)"),
        )
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Read ``path`` in the background; the page is complete once it is read."""
        path = path.strip()
        if not path or (self._wizard.table is not None and path == self._loaded):
            return
        self.path.setText(path)
        self._wizard.table = None
        self._reading += 1
        reading = self._reading
        self.error.clear_message()
        self.detected.setText(self.tr("Reading the file…"))
        self.completeChanged.emit()

        def work(_progress: Progress) -> tuple[int, Table]:
            return reading, read_table(path)

        run_task(work, self._read, lambda error: self._failed(reading, error))

    _loaded = ""

    def _read(self, result: tuple[int, Table]) -> None:
        reading, table = result
        if reading != self._reading:
            return
        self._wizard.table = table
        self._loaded = self.path.text()
        self.detected.setText(self.describe(table))
        self.completeChanged.emit()

    def _failed(self, reading: int, error: BaseException) -> None:
        if reading != self._reading:
            return
        self.detected.clear()
        if isinstance(error, CrmError):
            self.error.show_message(error_text(error))
        else:
            self.error.show_message(self.tr("The file cannot be read."))
        self.completeChanged.emit()

    def describe(self, table: Table) -> str:
        delimiters = {
            ",": self.tr("comma"),
            ";": self.tr("semicolon"),
            "\t": self.tr("tab"),
            "|": self.tr("vertical bar"),
        }
        encodings = {
            "utf-8": self.tr("UTF-8"),
            "utf-8-sig": self.tr("UTF-8 with BOM"),
            "gb18030": self.tr("GBK / GB18030"),
        }
        rows, columns = len(table.rows), len(table.headers)
        if table.encoding is None:
            return self.tr("Excel workbook. Data rows: {rows}. Columns: {columns}.").format(
                rows=rows, columns=columns
            )
        return self.tr(
            "Text encoding: {encoding}. Delimiter: {delimiter}. Data rows: {rows}. "
            "Columns: {columns}."
        ).format(
            encoding=encodings.get(table.encoding, table.encoding),
            delimiter=delimiters.get(table.delimiter or ",", table.delimiter or ""),
            rows=rows,
            columns=columns,
        )

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self._wizard.table is not None


class MappingPage(QWizardPage):
    """One row per column of the file: its header, example values, and the field it fills."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._for: Table | None = None
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr("Choose which customer field each column fills, or skip the column.")
        )
        self.table = read_only_table(
            self, [self.tr("Column in the file"), self.tr("Examples"), self.tr("Import as")]
        )
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, 200)
        self.combos: list[QComboBox] = []
        self.message = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)

    def field_labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"), "company": self.tr("Company"), "kind": self.tr("Kind"),
            "phone": self.tr("Phone"), "email": self.tr("E-mail"), "address": self.tr("Address"),
            "region": self.tr("Region / province"), "city": self.tr("City"),
            "industry": self.tr("Industry"), "source": self.tr("Source"), "tier": self.tr("Tier"),
            "status": self.tr("Status"), "birthday": self.tr("Birthday"),
            "gender": self.tr("Gender"), "notes": self.tr("Notes"), "tags": self.tr("Tags"),
            "owner": self.tr("Owner"),
        }  # fmt: skip

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        table = self._wizard.table
        if table is None or table is self._for:
            return  # coming back: keep the user's choices
        self._for = table
        suggested = suggest_mapping(table.headers)
        labels = self.field_labels()
        self.table.setRowCount(len(table.headers))
        self.combos = []
        for index, header in enumerate(table.headers):
            self.table.setItem(index, 0, QTableWidgetItem(header))
            samples = [r[index] for r in table.rows[:SAMPLE_ROWS] if index < len(r) and r[index]]
            self.table.setItem(index, 1, QTableWidgetItem(" · ".join(samples)))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("(skip this column)"), SKIP)
            for name in IMPORTABLE:
                combo.addItem(labels.get(name, name), name)
            combo.setCurrentIndex(max(0, combo.findData(suggested.get(index, SKIP))))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        if self.combos:
            self.table.verticalHeader().setDefaultSectionSize(
                self.combos[0].sizeHint().height() + 6
            )
        self._changed()

    def mapping(self) -> dict[int, str]:
        return {i: c.currentData() for i, c in enumerate(self.combos) if c.currentData()}

    def set_field(self, column: int, field: str) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(field)))

    def problem(self) -> str:
        chosen = list(self.mapping().values())
        labels = self.field_labels()
        for field in dict.fromkeys(chosen):
            if chosen.count(field) > 1:
                return self.tr("“{field}” is chosen for more than one column.").format(
                    field=labels.get(field, field)
                )
        if "name" not in chosen:
            return self.tr("Choose the column that holds the name.")
        return ""

    def _changed(self) -> None:
        self.message.show_message(self.problem())
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.combos) and not self.problem()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self._wizard.mapping = self.mapping()
        return True


class PreviewPage(QWizardPage):
    """The first rows as they will be imported, and every row's problems (checked in full)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._checking = 0
        self._cancel = threading.Event()
        self.problems: list[RowProblem] | None = None
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(
            self.tr("Rows with problems are highlighted; they are left out of the import.")
        )
        self.preview = read_only_table(self, [])
        self.progress = QProgressBar(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.report = read_only_table(self, [self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 2)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard, table = self._wizard, self._wizard.table
        if table is None:
            return
        self.stop()
        self._cancel = threading.Event()
        self.problems = None
        self.report.setRowCount(0)
        self.summary.setText(self.tr("Checking every row…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._fill_preview(table, wizard.mapping, {})
        self._checking += 1
        checking, importer, cancel = self._checking, wizard.importer(), self._cancel
        ctx = wizard.ctx

        def work(progress: Progress) -> tuple[int, list[RowProblem], int]:
            with ctx.db.session() as session:
                rows, problems = importer.check(session, progress, cancel.is_set)
            return checking, problems, len(rows)

        run_task(work, self._checked, self._failed, self._progress)

    def stop(self) -> None:
        self._cancel.set()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name
        self.stop()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total // 2))  # check() reports against twice the rows
        self.progress.setValue(min(done, total // 2))

    def _fill_preview(
        self, table: Table, mapping: dict[int, str], problems: dict[int, dict[str, str]]
    ) -> None:
        columns = sorted(mapping)
        self.preview.clear()
        self.preview.setColumnCount(len(columns) + 1)
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Row"), *(table.headers[c] for c in columns)]
        )
        shown = min(PREVIEW_ROWS, len(table.rows))
        self.preview.setRowCount(shown)
        for index in range(shown):
            number = table.row_numbers[index]
            trouble = problems.get(number, {})
            cells = table.rows[index]
            number_item = QTableWidgetItem()
            number_item.setData(Qt.ItemDataRole.DisplayRole, number)
            self.preview.setItem(index, 0, number_item)
            for position, column in enumerate(columns, 1):
                item = QTableWidgetItem(cells[column] if column < len(cells) else "")
                header = table.headers[column]
                if trouble:
                    item.setBackground(PROBLEM_BRUSH)
                    item.setToolTip(trouble.get(header) or "\n".join(trouble.values()))
                self.preview.setItem(index, position, item)
        self.preview.resizeColumnsToContents()

    def _checked(self, result: tuple[int, list[RowProblem], int]) -> None:
        checking, problems, good = result
        if checking != self._checking:
            return
        self.problems = problems
        self.progress.setVisible(False)
        by_row: dict[int, dict[str, str]] = {}
        for problem in problems:
            by_row.setdefault(problem.row, {})[problem.column] = problem_text(problem)
        table = self._wizard.table
        if table is None:
            return
        self._fill_preview(table, self._wizard.mapping, by_row)
        fill_problems(self.report, problems)
        if problems:
            self.summary.setText(
                self.tr(
                    "Rows ready to import: {ready}. Rows with problems, which will be left "
                    "out: {left}."
                ).format(ready=good, left=len(by_row))
            )
        else:
            self.summary.setText(self.tr("Rows ready to import: {ready}.").format(ready=good))
        self.report.setVisible(bool(problems))
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.progress.setVisible(False)
        if isinstance(error, ImportCancelledError):
            return
        text = error_text(error) if isinstance(error, CrmError) else self.tr("The check failed.")
        self.summary.setText(text)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.problems is not None


class OptionsPage(QWizardPage):
    """What to do with rows that match a customer already in the file."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Duplicates"))
        self.setSubTitle(
            self.tr(
                "A row is a duplicate when its phone number, e-mail address, or name and "
                "company match a customer already in the file (or an earlier row)."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for policy, text in (
            (DuplicatePolicy.SKIP, self.tr("&Skip the row (keep the existing customer as it is)")),
            (DuplicatePolicy.UPDATE, self.tr("&Update the existing customer with the row")),
            (DuplicatePolicy.CREATE, self.tr("&Create a new customer anyway")),
        ):
            button = QRadioButton(text, self)
            button.setProperty("policy", policy.value)
            button.setChecked(policy == DuplicatePolicy.SKIP)
            self.group.addButton(button)
            layout.addWidget(button)
        layout.addStretch(1)

    def set_policy(self, policy: DuplicatePolicy) -> None:
        for button in self.group.buttons():
            button.setChecked(button.property("policy") == policy.value)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        checked = self.group.checkedButton()
        value: Any = checked.property("policy") if checked is not None else "skip"
        self._wizard.policy = DuplicatePolicy(value)
        return True


class RunPage(QWizardPage):
    """The import with its progress bar, then what it did."""

    finished = Signal()

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.done = False
        self.setTitle(self.tr("Importing"))
        self.progress = QProgressBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.report = read_only_table(self, [self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self.report.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.report, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard = self._wizard
        self.done = False
        wizard.cancel_event.clear()
        wizard.running = True
        self.status.setText(self.tr("Importing… Cancel stops the import and keeps nothing."))
        self.progress.setRange(0, 0)
        importer, cancel = wizard.importer(), wizard.cancel_event

        def work(progress: Progress) -> ImportReport:
            return importer.run(progress, cancel.is_set)

        run_task(work, self._imported, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))

    def cancelling(self) -> None:
        self.status.setText(self.tr("Cancelling…"))

    def _finish(self) -> None:
        self._wizard.running = False
        self.done = True
        self.setTitle(self.tr("Import finished"))
        self.completeChanged.emit()
        self.finished.emit()

    def _imported(self, report: ImportReport) -> None:
        self._wizard.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        lines = [
            self.tr("New customers: {n}").format(n=report.created),
            self.tr("Existing customers updated: {n}").format(n=report.updated),
            self.tr("Duplicate rows skipped: {n}").format(n=report.skipped_duplicates),
            self.tr("Rows with problems, left out: {n}").format(n=report.rejected_rows),
        ]
        self.status.setText("\n".join(lines))
        fill_problems(self.report, report.problems)
        self.report.setVisible(bool(report.problems))
        self._finish()
        self._wizard.imported.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(error, CrmError):
            self.status.setText(error_text(error))
        else:
            self.status.setText(self.tr("The import failed; nothing was imported."))
        self._finish()
        self.setTitle(self.tr("Nothing was imported"))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.done
