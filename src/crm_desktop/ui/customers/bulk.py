"""Bulk actions on the selected customers: owner, tags, tier, trash and restore.

The selection arrives as list row ids (cheap even for a million rows); a worker turns them
into customer ids and makes one service call, so each action is one transaction.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from crm_desktop.db.engine import Database
from crm_desktop.domain.enums import Tier
from crm_desktop.domain.errors import CrmError
from crm_desktop.services import customer_details
from crm_desktop.services.customers import CustomerService
from crm_desktop.ui.tasks import Progress, run_task
from crm_desktop.ui.text import enum_label, error_text

Choice = tuple[str, str]  # (id or value, label)
BulkWork = Callable[[list[str]], int]


def _number(value: int) -> str:
    return QLocale().toString(value)


class BulkActions(QObject):
    """Owns the actions and their menus; ``finished(message)`` after a successful change."""

    finished = Signal(str)

    def __init__(
        self,
        db: Database,
        customers: CustomerService,
        selection: Callable[[], array[int]],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._customers = customers
        self._selection = selection
        self._parent = parent
        self.running = False
        self._message: Callable[[int], str] = str
        self.owner_menu = QMenu(self.tr("Set owner"), parent)
        self.tier_menu = QMenu(self.tr("Set tier"), parent)
        self.add_tag_menu = QMenu(self.tr("Add tag"), parent)
        self.remove_tag_menu = QMenu(self.tr("Remove tag"), parent)
        for tier in Tier:
            self.tier_menu.addAction(enum_label(tier.value), partial(self.set_tier, tier.value))
        self.delete_action = QAction(self.tr("Move to trash"), parent)
        self.delete_action.setShortcut("Del")
        self.delete_action.triggered.connect(self.delete)
        self.restore_action = QAction(self.tr("Restore"), parent)
        self.restore_action.triggered.connect(self.restore)

    # --- choices ---------------------------------------------------------------------------

    def set_owners(self, owners: Sequence[Choice]) -> None:
        self.owner_menu.clear()
        for owner_id, name in owners:
            self.owner_menu.addAction(name, partial(self.set_owner, owner_id))

    def set_tags(self, tags: Sequence[Choice]) -> None:
        self.add_tag_menu.clear()
        self.remove_tag_menu.clear()
        for tag_id, name in tags:
            self.add_tag_menu.addAction(name, partial(self.add_tag, tag_id))
            self.remove_tag_menu.addAction(name, partial(self.remove_tag, tag_id))

    def menus(self, trash: bool) -> list[QMenu | QAction]:
        if trash:
            return [self.restore_action]
        return [
            self.owner_menu,
            self.tier_menu,
            self.add_tag_menu,
            self.remove_tag_menu,
            self.delete_action,
        ]

    # --- the actions -----------------------------------------------------------------------

    def set_owner(self, owner_id: str) -> None:
        customers = self._customers
        self._run(
            lambda ids: customer_details.bulk_update(customers, ids, owner_id=owner_id),
            lambda n: self.tr("Owner set. Customers changed: {count}").format(count=_number(n)),
        )

    def set_tier(self, tier: str) -> None:
        customers = self._customers
        self._run(
            lambda ids: customer_details.bulk_update(customers, ids, tier=tier),
            lambda n: self.tr("Tier set. Customers changed: {count}").format(count=_number(n)),
        )

    def add_tag(self, tag_id: str) -> None:
        self._run(
            self._tags(add=[tag_id]),
            lambda n: self.tr("Tag added. Customers changed: {count}").format(count=_number(n)),
        )

    def remove_tag(self, tag_id: str) -> None:
        self._run(
            self._tags(remove=[tag_id]),
            lambda n: self.tr("Tag removed. Customers changed: {count}").format(count=_number(n)),
        )

    def delete(self) -> None:
        count = len(self._selection())
        if not count or not self.confirm_delete(count):
            return
        customers = self._customers
        self._run(
            lambda ids: customer_details.bulk_set_deleted(customers, ids, deleted=True),
            lambda n: self.tr("Moved to the trash: {count}").format(count=_number(n)),
        )

    def restore(self) -> None:
        customers = self._customers
        self._run(
            lambda ids: customer_details.bulk_set_deleted(customers, ids, deleted=False),
            lambda n: self.tr("Restored: {count}").format(count=_number(n)),
        )

    def confirm_delete(self, count: int) -> bool:
        if count == 1:
            question = self.tr(
                "Move the selected customer to the trash? You can restore it from the Trash view."
            )
        else:
            question = self.tr(
                "Move the {count} selected customers to the trash? "
                "You can restore them from the Trash view."
            ).format(count=_number(count))
        answer = QMessageBox.question(self._parent, self.tr("Move to trash"), question)
        return answer == QMessageBox.StandardButton.Yes

    # --- internals -------------------------------------------------------------------------

    def _tags(self, add: Sequence[str] = (), remove: Sequence[str] = ()) -> BulkWork:
        customers = self._customers

        def work(ids: list[str]) -> int:
            customers.change_tags(ids, add=add, remove=remove)
            return len(ids)

        return work

    def _run(self, change: BulkWork, message: Callable[[int], str]) -> None:
        rowids = self._selection()
        if not rowids or self.running:
            return
        self.running = True
        db = self._db
        self._message = message

        def work(_progress: Progress) -> int:
            with db.session() as session:
                ids = customer_details.ids_for_rowids(session, rowids)
            return change(ids)

        run_task(work, self._done, self._failed)

    def _done(self, count: int) -> None:
        self.running = False
        self.finished.emit(self._message(count))

    def _failed(self, error: BaseException) -> None:
        self.running = False
        if not isinstance(error, CrmError):
            raise error
        QMessageBox.warning(self._parent, self.tr("Bulk change"), error_text(error))
