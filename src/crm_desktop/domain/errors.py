"""Errors a user can cause. Each carries an English message template marked for translation.

The UI shows ``translate("Errors", err.template).format(**err.params)``; the command line prints
``str(err)``. Messages never contain customer data beyond what the user typed in that field.
"""

from __future__ import annotations

from typing import Any

from crm_desktop.domain.text import QT_TRANSLATE_NOOP

CONTEXT = "Errors"


class CrmError(Exception):
    """Base of every error that is shown to the user as one clear message."""

    template: str = QT_TRANSLATE_NOOP("Errors", "Something went wrong.")

    def __init__(self, template: str | None = None, **params: Any) -> None:
        if template is not None:
            self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The English message with its parameters filled in."""
        return self.template.format(**self.params)


class ValidationError(CrmError):
    """One field of a user's input is not acceptable; ``field`` names it for inline messages."""

    def __init__(self, field: str, template: str, **params: Any) -> None:
        self.field = field
        super().__init__(template, **params)


class NotFoundError(CrmError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The {kind} no longer exists (it may have been deleted)."
    )


# --- opening a database file -------------------------------------------------------------------


class DatabaseOpenError(CrmError):
    """Base of the errors raised while opening a database file; the file is never modified."""


class DatabaseMissingError(DatabaseOpenError):
    template = QT_TRANSLATE_NOOP("Errors", "The database file {path} does not exist.")


class DatabaseExistsError(DatabaseOpenError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "A file named {path} already exists; choose another name for a new database."
    )


class WrongPassphraseError(DatabaseOpenError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The passphrase is wrong for {path}, or the file is not a CRM Desktop database."
    )


class NotEncryptedError(DatabaseOpenError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is a plain, unencrypted SQLite file, not a CRM Desktop database. "
        "It was left unchanged.",
    )


class NotADatabaseError(DatabaseOpenError):
    template = QT_TRANSLATE_NOOP("Errors", "{path} is not a database file. It was left unchanged.")


class NotCrmDatabaseError(DatabaseOpenError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is an encrypted database but holds no CRM Desktop data. It was left unchanged.",
    )


class ReadOnlyDatabaseError(DatabaseOpenError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is read-only. CRM Desktop needs to write to the file and to its folder; "
        "check the file's permissions.",
    )


class DatabaseLockedError(DatabaseOpenError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path} is locked by another program. Close it there and try again."
    )


class NewerSchemaError(DatabaseOpenError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} was made by a newer version of CRM Desktop (schema {found}; this version "
        "knows up to {known}). Update CRM Desktop to open it; the file was left unchanged.",
    )


class KeychainUnavailableError(CrmError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "No system keychain is available on this computer, so the passphrase cannot be "
        "remembered. Type it each time instead.",
    )


# --- team sync ---------------------------------------------------------------------------------


class SyncError(CrmError):
    """Base of the errors of team sync; nothing local is lost when one is raised."""


class ServerUnreachableError(SyncError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The team server cannot be reached ({reason}). Your changes are kept and "
        "will be sent at the next sync.",
    )


class ServerSchemaError(SyncError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The team server's database has version {server}, this CRM Desktop expects {client}. "
        "Update CRM Desktop (or run “crm-desktop server init” with the newer version).",
    )


class ServerNotSetUpError(SyncError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The team server has no CRM Desktop data yet; run “crm-desktop server init”."
    )


class NotTeamMemberError(SyncError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The server login {login} is not a member of the team; ask the owner to add it."
    )
