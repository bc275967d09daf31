"""The first-run dialog: create a new database, open an existing one, or open the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import (
    CrmError,
    DatabaseExistsError,
    DatabaseOpenError,
    ValidationError,
    WrongPassphraseError,
)
from crm_desktop.services.workspace import Workspace, create_workspace, open_workspace
from crm_desktop.ui.busy import busy_cursor
from crm_desktop.ui.dialogs.keychain import passphrase_edit, remember_box, remember_if_asked
from crm_desktop.ui.dialogs.modes import CREATE, OPEN
from crm_desktop.ui.tasks import Progress, run_task
from crm_desktop.ui.text import error_text
from crm_desktop.ui.widgets.form import ErrorLabel, FieldBox

DEMO_FILE = "demo.db"
DEMO_PASSPHRASE = "crm-demo-passphrase"  # published on purpose: it guards demo data only
DEMO_CUSTOMERS = 2000


def make_demo(path: Path, progress: Progress) -> Workspace:
    """A new demo file full of invented data (runs on a worker thread)."""
    from crm_desktop.services.demo import generate_demo  # loaded only when a demo is made

    workspace = create_workspace(
        path, DEMO_PASSPHRASE, owner_name="demo", translate=QCoreApplication.translate
    )  # the pipeline's stages are named in the user's language
    try:
        generate_demo(workspace.db, customers=DEMO_CUSTOMERS, seed=1, progress=progress)
    except BaseException:
        workspace.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    return workspace


class _PathRow(QWidget):
    """A file path field with a Browse button."""

    def __init__(self, path: Path, save: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self._save = save
        self.edit = QLineEdit(str(path), self)
        browse = QPushButton(QCoreApplication.translate("FirstRunDialog", "&Browse…"), self)
        browse.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(browse)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def _browse(self) -> None:
        title = QCoreApplication.translate("FirstRunDialog", "Database file")
        file_filter = QCoreApplication.translate("FirstRunDialog", "CRM Desktop databases (*.db)")
        if self._save:
            chosen, _ = QFileDialog.getSaveFileName(self, title, self.edit.text(), file_filter)
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, title, self.edit.text(), file_filter)
        if chosen:
            self.edit.setText(chosen)


class FirstRunDialog(QDialog):
    """On success ``workspace`` is the created or opened database."""

    def __init__(self, data_dir: Path, mode: int = CREATE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.workspace: Workspace | None = None
        self.progress: QProgressDialog | None = None
        self.setWindowTitle(self.tr("Welcome to CRM Desktop"))
        self.setMinimumWidth(600)

        intro = QLabel(self.tr("Your customers live in one encrypted database file. Choose one:"))
        intro.setWordWrap(True)
        self.choices = QButtonGroup(self)
        self.pages = QStackedWidget(self)
        labels = (
            self.tr("Create a &new database"),
            self.tr("&Open an existing database"),
            self.tr("Try the &demo database"),
        )
        choice_row = QVBoxLayout()
        for number, label in enumerate(labels):
            button = QRadioButton(label, self)
            self.choices.addButton(button, number)
            choice_row.addWidget(button)
        self.pages.addWidget(self._create_page())
        self.pages.addWidget(self._open_page())
        self.pages.addWidget(self._demo_page())
        self.choices.idToggled.connect(self._choice_toggled)

        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.proceed)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choice_row)
        layout.addWidget(self.pages)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.set_mode(mode)

    # --- pages -----------------------------------------------------------------------------

    def _create_page(self) -> QWidget:
        page = QWidget(self)
        self.new_path = FieldBox(_PathRow(self.data_dir / "crm.db", True, page), page)
        self.new_passphrase = FieldBox(passphrase_edit(page), page)
        self.new_confirm = FieldBox(passphrase_edit(page), page)
        self.new_remember = remember_box(page)
        hint = QLabel(
            self.tr(
                "At least 8 characters. Nobody can recover the data without it, so keep it safe."
            ),
            page,
        )
        hint.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("&File:"), self.new_path)
        form.addRow(self.tr("&Passphrase:"), self.new_passphrase)
        form.addRow(self.tr("&Repeat it:"), self.new_confirm)
        form.addRow("", hint)
        form.addRow("", self.new_remember)
        return page

    def _open_page(self) -> QWidget:
        page = QWidget(self)
        self.open_path = FieldBox(_PathRow(self.data_dir / "crm.db", False, page), page)
        self.open_passphrase = FieldBox(passphrase_edit(page), page)
        self.open_remember = remember_box(page)
        form = QFormLayout(page)
        form.addRow(self.tr("&File:"), self.open_path)
        form.addRow(self.tr("&Passphrase:"), self.open_passphrase)
        form.addRow("", self.open_remember)
        return page

    def _demo_page(self) -> QWidget:
        page = QWidget(self)
        text = QLabel(
            self.tr(
                "Opens a demo database of {count} invented customers with their follow-ups and "
                "deals, kept in {path}. Its passphrase is “{passphrase}”. Making it takes a "
                "little while the first time."
            ).format(
                count=f"{DEMO_CUSTOMERS:,}",
                path=str(self.demo_path),
                passphrase=DEMO_PASSPHRASE,
            ),
            page,
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        layout.addStretch(1)
        return page

    @property
    def demo_path(self) -> Path:
        return self.data_dir / DEMO_FILE

    def set_mode(self, mode: int) -> None:
        button = self.choices.button(mode)
        if button is not None:
            button.setChecked(True)

    @property
    def mode(self) -> int:
        return self.choices.checkedId()

    def _choice_toggled(self, number: int, checked: bool) -> None:
        if checked:
            self.pages.setCurrentIndex(number)
            self._clear_errors()

    def _clear_errors(self) -> None:
        self.error.clear_message()
        for box in (self.new_path, self.new_passphrase, self.new_confirm):
            box.error.clear_message()
        for box in (self.open_path, self.open_passphrase):
            box.error.clear_message()

    # --- going on --------------------------------------------------------------------------

    def proceed(self) -> None:
        self._clear_errors()
        if self.mode == CREATE:
            self._create()
        elif self.mode == OPEN:
            self._open()
        else:
            self._demo()

    def _path_of(self, box: FieldBox) -> Path | None:
        row = box.field
        path = row.path() if isinstance(row, _PathRow) else None
        if path is None:
            box.error.show_message(self.tr("Choose a file."))
        return path

    @staticmethod
    def _text_of(box: FieldBox) -> str:
        edit = box.field
        return edit.text() if isinstance(edit, QLineEdit) else ""

    def _create(self) -> None:
        path = self._path_of(self.new_path)
        passphrase = self._text_of(self.new_passphrase)
        if path is None:
            return
        if passphrase != self._text_of(self.new_confirm):
            self.new_confirm.error.show_message(self.tr("The two passphrases differ."))
            return
        try:
            with busy_cursor():
                workspace = create_workspace(path, passphrase, translate=QCoreApplication.translate)
        except ValidationError as error:
            box = self.new_passphrase if error.field == "passphrase" else self.new_path
            box.error.show_message(error_text(error))
            return
        except DatabaseExistsError as error:
            self.new_path.error.show_message(error_text(error))
            return
        except (CrmError, OSError) as error:
            self._show_failure(error)
            return
        remember_if_asked(self.new_remember, path, passphrase)
        self._done(workspace)

    def _open(self) -> None:
        path = self._path_of(self.open_path)
        passphrase = self._text_of(self.open_passphrase)
        if path is None:
            return
        try:
            with busy_cursor():
                workspace = open_workspace(path, passphrase)
        except WrongPassphraseError as error:
            self.open_passphrase.error.show_message(error_text(error))
            return
        except DatabaseOpenError as error:
            self.open_path.error.show_message(error_text(error))
            return
        except CrmError as error:
            self._show_failure(error)
            return
        remember_if_asked(self.open_remember, path, passphrase)
        self._done(workspace)

    def _demo(self) -> None:
        if self.demo_path.exists():
            try:
                with busy_cursor():
                    workspace = open_workspace(self.demo_path, DEMO_PASSPHRASE)
            except CrmError as error:
                self._show_failure(error)
                return
            self._done(workspace)
            return
        self.buttons.setEnabled(False)
        self.pages.setEnabled(False)
        self.progress = QProgressDialog(
            self.tr("Making the demo database…"), "", 0, DEMO_CUSTOMERS, self
        )
        self.progress.setWindowTitle(self.tr("Demo database"))
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setValue(0)
        path = self.demo_path
        run_task(
            lambda progress: make_demo(path, progress),
            self._demo_made,
            self._demo_failed,
            self._demo_progress,
        )

    def _demo_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, total))

    def _demo_made(self, workspace: Workspace) -> None:
        self._end_progress()
        self._done(workspace)

    def _demo_failed(self, error: BaseException) -> None:
        self._end_progress()
        self._show_failure(error)

    def _end_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.buttons.setEnabled(True)
        self.pages.setEnabled(True)

    def _show_failure(self, error: BaseException) -> None:
        if isinstance(error, CrmError):
            self.error.show_message(error_text(error))
        else:
            self.error.show_message(
                self.tr("The database could not be made: {reason}").format(reason=str(error))
            )

    def _done(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.accept()
