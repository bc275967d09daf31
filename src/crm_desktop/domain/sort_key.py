"""The order the customer list sorts names in: Chinese by pinyin, beside Latin text.

SQLite compares text by code point, which puts every Chinese name after every Latin one and
orders Chinese names by an arbitrary code table. ``name_sort_key`` turns a name into text whose
code-point order is the order Chinese business software uses: each Chinese character becomes
its toneless pinyin followed by the character itself, so 李四 (``li 李 si 四``) comes before
林 (``lin 林``), names with the same family name stay together, and a Latin name falls in
among the Chinese names that read like it (``Li Na`` and ``Lin`` beside 李 and 林). Latin
text is compared without case and full-width letters as their ASCII forms.

The database keeps an index on ``crm_name_key(name, kind)`` (migration 0012; the function is
registered on every connection by ``db/keyed_file.py``), so sorting a million customers by
name reads that index in order. The index stores the keys this function made: a change to
what it returns for any name needs a migration that runs ``REINDEX
ix_customers_live_name_key``. Pure functions, no I/O.
"""

from __future__ import annotations

from functools import lru_cache

from crm_desktop.domain.search_text import (
    SURNAME_READINGS,
    _readings,
    looks_like_phone,
    normalize,
    runs,
)


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """``str.translate`` table: each Chinese character to its pinyin, a space, itself, a space."""
    return {code: f"{reading} {chr(code)} " for code, reading in _readings().items()}


def name_sort_key(name: str | None, kind: str | None = None) -> str:  # called from SQL
    """The sort key of a customer's name; ``kind`` "individual" reads a Chinese family name
    as a family name (曾 as zeng, 单 as shan). Sorting a search's matches calls it per row,
    so it is one ``translate`` in C."""
    if not name:
        return ""
    text = normalize(name.strip())
    if kind == "individual" and text[:1] in SURNAME_READINGS:
        first = text[0]
        return f"{SURNAME_READINGS[first]} {first} " + text[1:].translate(_table())
    return text.translate(_table())


def name_prefix_key(text: str) -> str | None:
    """The key every name that starts with what was typed starts with (张 → ``zhang 张 ``,
    ``Patel`` → ``patel``): the range of the name index holding those names. None when the
    text is not searched as written (phone digits, nothing searchable) or starts with a
    character a family name reads differently."""
    typed = " ".join(text.split())
    if not runs(typed) or looks_like_phone(typed) or typed[0] in SURNAME_READINGS:
        return None
    return name_sort_key(typed)
