"""Marks user-visible text in Qt-free layers for translation.

The services and the database layer cannot call Qt's ``tr()``. They mark their English text with
``QT_TRANSLATE_NOOP(context, text)``, which ``pyside6-lupdate`` extracts into the ``.ts`` files,
and the UI translates it with ``QCoreApplication.translate(context, text)`` when it shows it.
Placeholders use ``str.format`` names, so a translation can reorder them.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Return ``text`` unchanged; exists so that lupdate finds the string and its context."""
    del context
    return text
