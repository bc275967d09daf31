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
name reads that index in order. Pure functions, no I/O.
"""

from __future__ import annotations

from functools import lru_cache

from crm_desktop.domain.search_text import SURNAME_READINGS, _readings, normalize


@lru_cache(maxsize=4096)
def _han(char: str) -> str | None:
    reading = _readings().get(ord(char))
    return None if reading is None else f"{reading} {char} "


def name_sort_key(name: str | None, kind: str | None = None) -> str:  # called from SQL
    """The sort key of a customer's name; ``kind`` "individual" reads a Chinese family name
    as a family name (曾 as zeng, 单 as shan)."""
    if not name:
        return ""
    text = normalize(name.strip())
    parts: list[str] = []
    for position, char in enumerate(text):
        if char < "\u3400":  # below every Chinese character: Latin, digits, punctuation
            parts.append(char)
            continue
        if position == 0 and kind == "individual" and char in SURNAME_READINGS:
            parts.append(f"{SURNAME_READINGS[char]} {char} ")
            continue
        parts.append(_han(char) or char)
    return "".join(parts)
