"""Saved views of the customer list: a named filter, sort and set of columns, per user."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db.models import SavedView as SavedViewRow
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services import validation as v
from crm_desktop.services.customer_filters import CustomerFilter, SavedView
from crm_desktop.services.entity import EntityService

MAX_DEFINITION = 100_000


def _definition(field: str, value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_DEFINITION:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "The view cannot be saved."))
    try:
        json.loads(value)
    except ValueError:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "The view cannot be saved.")
        ) from None
    return value


def encode(flt: CustomerFilter, sort_column: str, descending: bool, columns: list[str]) -> str:
    return json.dumps(
        {
            "filter": json.loads(flt.to_json()),
            "sort": {"column": sort_column, "descending": descending},
            "columns": list(columns),
        },
        ensure_ascii=False,
    )


def decode(row: SavedViewRow) -> SavedView:
    data: dict[str, Any] = json.loads(row.definition)
    sort = data.get("sort", {})
    return SavedView(
        id=row.id,
        name=row.name,
        filter=CustomerFilter.from_json(json.dumps(data.get("filter", {}))),
        sort_column=str(sort.get("column", "name")),
        descending=bool(sort.get("descending", False)),
        columns=tuple(str(c) for c in data.get("columns", [])),
    )


class SavedViewService(EntityService[SavedViewRow]):
    model = SavedViewRow
    entity = "saved_view"
    kind_label = QT_TRANSLATE_NOOP("Errors", "saved view")
    fields: ClassVar[dict[str, v.Validator]] = {
        "name": v.text(100, required=True),
        "definition": _definition,
        "position": v.integer(0, 100_000),
    }
    required = ("name", "definition")
    journalled = frozenset({"user_id"})

    def prepare(
        self, session: Session, obj: SavedViewRow | None, values: dict[str, Any]
    ) -> dict[str, Any]:
        if obj is None:
            values["user_id"] = self.ctx.user_id
            if values.get("position") is None:
                last = session.scalar(
                    select(func.max(SavedViewRow.position)).where(
                        SavedViewRow.user_id == self.ctx.user_id
                    )
                )
                values["position"] = 0 if last is None else last + 1
        return values

    def save(
        self,
        name: str,
        flt: CustomerFilter,
        sort_column: str = "name",
        descending: bool = False,
        columns: list[str] | None = None,
    ) -> str:
        return self.create(
            name=name, definition=encode(flt, sort_column, descending, columns or [])
        )

    def list(self) -> list[SavedView]:
        """The current user's views, in their order."""
        with self.ctx.db.session() as session:
            rows = session.scalars(
                select(SavedViewRow)
                .where(SavedViewRow.user_id == self.ctx.user_id, SavedViewRow.deleted_at.is_(None))
                .order_by(SavedViewRow.position, SavedViewRow.name)
            )
            return [decode(row) for row in rows]
