"""Create, update, soft-delete and restore one kind of record, validated and journalled.

Each concrete service declares its fields and validators; this base does the rest in one
transaction per call, so a failed action changes nothing and journals nothing.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy.orm import Session

from crm_desktop.db.models import Base
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.domain.ids import new_id
from crm_desktop.domain.text import QT_TRANSLATE_NOOP
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.journal import Action
from crm_desktop.services.validation import Validator

M = TypeVar("M", bound=Base)


class EntityService(Generic[M]):
    model: ClassVar[type[Any]]
    entity: ClassVar[str]
    kind_label: ClassVar[str]
    fields: ClassVar[dict[str, Validator]]
    required: ClassVar[tuple[str, ...]] = ()
    soft_delete: ClassVar[bool] = True

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- hooks for subclasses -------------------------------------------------------------

    def prepare(self, session: Session, obj: M | None, values: dict[str, Any]) -> dict[str, Any]:
        """Cross-field checks and derived columns; ``obj`` is None when creating."""
        del session, obj
        return values

    def after_change(
        self, action: Action, obj: M, changes: dict[str, tuple[Any, Any]], creating: bool
    ) -> None:
        """Side effects inside the same transaction (history rows, denormalised columns)."""

    # --- the operations ------------------------------------------------------------------

    def clean(self, values: dict[str, Any], *, creating: bool) -> dict[str, Any]:
        unknown = sorted(set(values) - set(self.fields))
        if unknown:
            raise ValidationError(
                unknown[0],
                QT_TRANSLATE_NOOP("Errors", "“{name}” is not a field of this record."),
                name=unknown[0],
            )
        cleaned = {name: self.fields[name](name, value) for name, value in values.items()}
        for name in self.required:
            if (creating and name not in cleaned) or (name in cleaned and cleaned[name] is None):
                self.fields[name](name, None)  # raises the field's "required" message
        return cleaned

    def load(self, session: Session, record_id: str, *, include_deleted: bool = False) -> M:
        obj = session.get(self.model, record_id) if isinstance(record_id, str) else None
        if obj is None or (not include_deleted and getattr(obj, "deleted_at", None) is not None):
            raise NotFoundError(kind=self.kind_label)
        return obj  # type: ignore[no-any-return]

    def get(self, record_id: str, *, include_deleted: bool = False) -> M:
        with self.ctx.db.session() as session:
            return self.load(session, record_id, include_deleted=include_deleted)

    def create(self, **values: Any) -> str:
        cleaned = self.clean(values, creating=True)
        with self.ctx.db.write() as session:
            return self.create_in(Action(session, self.ctx), cleaned)

    def create_in(self, action: Action, cleaned: dict[str, Any]) -> str:
        """Create from already-cleaned values inside a larger action (an editor's bundle)."""
        session = action.session
        obj = self.model(id=new_id(), created_at=action.when, updated_at=action.when)
        self._apply(session, action, obj, self.prepare(session, None, dict(cleaned)), creating=True)
        session.add(obj)
        session.flush()
        self.after_change(action, obj, {}, creating=True)
        return str(obj.id)

    def update(self, record_id: str, **values: Any) -> None:
        cleaned = self.clean(values, creating=False)
        with self.ctx.db.write() as session:
            self.update_in(Action(session, self.ctx), record_id, cleaned)

    def update_in(self, action: Action, record_id: str, cleaned: dict[str, Any]) -> None:
        """Apply already-cleaned values inside a larger action (an import, a merge)."""
        session = action.session
        obj = self.load(session, record_id)
        changes = self._apply(
            session, action, obj, self.prepare(session, obj, dict(cleaned)), creating=False
        )
        if changes:
            obj.updated_at = action.when  # type: ignore[attr-defined]
            session.flush()
            self.after_change(action, obj, changes, creating=False)

    def delete(self, record_id: str) -> None:
        """Move to the trash (soft delete); ``restore`` brings it back."""
        self._set_deleted(record_id, deleted=True)

    def restore(self, record_id: str) -> None:
        self._set_deleted(record_id, deleted=False)

    # --- internals -----------------------------------------------------------------------

    def _apply(
        self, session: Session, action: Action, obj: M, values: dict[str, Any], *, creating: bool
    ) -> dict[str, tuple[Any, Any]]:
        del session
        changes: dict[str, tuple[Any, Any]] = {}
        for name, value in values.items():
            old = None if creating else getattr(obj, name)
            if creating or old != value:
                setattr(obj, name, value)
                if old != value:
                    changes[name] = (old, value)
        action.record(
            self.entity,
            str(obj.id),  # type: ignore[attr-defined]
            {k: v for k, v in changes.items() if k in self.fields or k in self.journalled},
        )
        return changes

    journalled: ClassVar[frozenset[str]] = frozenset()

    def _set_deleted(self, record_id: str, *, deleted: bool) -> None:
        with self.ctx.db.write() as session:
            self.set_deleted_in(Action(session, self.ctx), record_id, deleted=deleted)

    def set_deleted_in(self, action: Action, record_id: str, *, deleted: bool) -> None:
        session = action.session
        obj = self.load(session, record_id, include_deleted=True)
        old = obj.deleted_at  # type: ignore[attr-defined]
        new = action.when if deleted else None
        if (old is None) == (new is None):
            return
        obj.deleted_at = new  # type: ignore[attr-defined]
        obj.updated_at = action.when  # type: ignore[attr-defined]
        action.record(self.entity, record_id, {"deleted_at": (old, new)})
        session.flush()
        self.after_change(action, obj, {"deleted_at": (old, new)}, creating=False)
