"""One window per database file: the second instance says so and stops."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.domain.errors import CrmError
from crm_desktop.services import instance_lock

REFUSED_EXIT_CODE = 3


def refuse_second_instance(path: Path) -> bool:
    """Claim ``path`` for this process; when another CRM Desktop has it, show why and return
    True. Needs no QApplication beforehand (one is made for the message if missing)."""
    try:
        instance_lock.claim(path)
    except CrmError as error:
        from PySide6.QtWidgets import QApplication, QMessageBox

        from crm_desktop.ui.text import error_text

        if QApplication.instance() is None:
            QApplication([])
        QMessageBox.critical(
            None, QApplication.translate("Session", "CRM Desktop"), error_text(error)
        )
        return True
    return False
