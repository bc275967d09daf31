"""What the customer search index stores, and how a typed query becomes an FTS5 query.

SQLite's FTS5 matches whole tokens and token prefixes. To give users substring search in
Chinese and Latin text alike, the indexed document holds every *suffix* of every run of
letters or digits (cut to ``SUFFIX_LEN`` characters), so a substring query is a prefix query on
those suffixes: ``ornbur`` finds Thornbury, ``三`` and ``三丰`` find 张三丰, ``00138000`` finds
+86 13800138000. Chinese names and companies also get their pinyin read from each
syllable on and their pinyin initials from each character on (``zhangsanfe``, ``sanfeng``,
``zsf``, ``sf``), so ``zs``, ``zhangsan`` and ``sanfeng`` find 张三丰. Phone numbers are
indexed as bare digits. Pure functions, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

SUFFIX_LEN = 10
MAX_QUERY_LEN = 200
FIELD_SEP = "\x1f"
RECORD_SEP = "\x1e"

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
_RUNS = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")
_IDEOGRAPH = re.compile(rf"[{_CJK}]")
_PHONE_QUERY = re.compile(r"^\+?[\d\s\-().]+$")

# Readings of characters that are read differently as a family name than in ordinary words.
SURNAME_READINGS = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "查": "zha",
    "区": "ou",
    "乐": "yue",
    "盖": "ge",
    "缪": "miao",
    "翟": "zhai",
    "覃": "qin",
    "种": "chong",
    "秘": "bi",
    "尉": "yu",
    "召": "shao",
    "长": "chang",
    "重": "chong",
    "员": "yun",
    "贲": "ben",
    "都": "du",
    "繁": "po",
    "句": "gou",
    "薄": "bo",
    "柏": "bai",
    "冼": "xian",
    "洗": "xian",
    "能": "nai",
    "蕃": "pi",
    "宓": "fu",
    "折": "she",
    "那": "na",
    "隗": "wei",
}


@lru_cache(maxsize=1)
def _readings() -> dict[int, str]:
    """Toneless first reading of each Chinese character, from pypinyin's table."""
    from pypinyin.pinyin_dict import pinyin_dict

    table: dict[int, str] = {}
    for code, readings in pinyin_dict.items():
        first = readings.split(",", 1)[0].replace("ü", "v")
        plain = "".join(
            ch for ch in unicodedata.normalize("NFD", first) if not unicodedata.combining(ch)
        )
        table[code] = plain
    return table


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def runs(text: str) -> list[str]:
    """Maximal runs of Chinese characters, or of other letters and digits."""
    return _RUNS.findall(normalize(text))


def _suffixes(run: str) -> list[str]:
    return [run[i : i + SUFFIX_LEN] for i in range(len(run))]


def pinyin_forms(run: str, *, as_name: bool) -> list[tuple[list[str], list[str]]]:
    """(syllables, initials) for a run of Chinese characters; a family name may add a reading."""
    table = _readings()
    syllables = [s for s in (table.get(ord(ch), "") for ch in run) if s]
    forms = [(syllables, [s[0] for s in syllables])]
    if as_name and run[0] in SURNAME_READINGS and syllables:
        alt = [SURNAME_READINGS[run[0]], *syllables[1:]]
        if alt != syllables:
            forms.append((alt, [s[0] for s in alt]))
    return forms


@lru_cache(maxsize=200_000)
def _run_tokens(run: str, pinyin: bool, as_name: bool) -> tuple[str, ...]:
    """Tokens of one run: its suffixes; for Chinese with ``pinyin``, also the pinyin read from
    each syllable on and the initials from each character on."""
    tokens = list(_suffixes(run))
    if pinyin and _IDEOGRAPH.match(run):
        for syllables, initials in pinyin_forms(run, as_name=as_name):
            tokens += ("".join(syllables[i:])[:SUFFIX_LEN] for i in range(len(syllables)))
            tokens += _suffixes("".join(initials))
    return tuple(tokens)


def _phone_digits(text: str) -> str:
    return "".join(filter(str.isdigit, text))


def document(
    *,
    names: Iterable[str | None] = (),
    person_names: Iterable[str | None] = (),
    phones: Iterable[str | None] = (),
    texts: Iterable[str | None] = (),
) -> str:
    """The text stored in the index for one customer: space-separated unique tokens.

    ``names`` (companies, product names) and ``person_names`` get pinyin as well; for person
    names the family-name reading of the first character is added.
    """
    tokens: list[str] = []  # with repeats; made unique once at the end (an import makes
    for group, pinyin, person in (  # 100,000 of these documents, so this is a hot path)
        (names, True, False),
        (person_names, True, True),
        (texts, False, False),
    ):
        for value in group:
            if value:
                for run in runs(value):
                    tokens += _run_tokens(run, pinyin, person)
    for value in phones:
        if value:
            tokens += _suffixes(_phone_digits(value))
    unique = dict.fromkeys(tokens)
    unique.pop("", None)
    return " ".join(unique)


def customer_document(  # called from SQL, with positional arguments
    name: str | None,
    company: str | None,
    kind: str | None,
    phone: str | None,
    phone_normalized: str | None,
    email: str | None,
    notes: str | None,
    contacts: str | None,
) -> str:
    """Index document of a customer; ``contacts`` packs each contact's name, phones, e-mail and
    messaging id, fields separated by FIELD_SEP and contacts by RECORD_SEP (built in SQL)."""
    person = [name] if kind == "individual" else []
    names = [company] if kind == "individual" else [name, company]
    phones = [phone, phone_normalized]
    texts = [email, notes]
    for record in (contacts or "").split(RECORD_SEP):
        if not record:
            continue
        parts = [*record.split(FIELD_SEP), "", "", "", "", ""]
        person.append(parts[0])
        phones += [parts[1], parts[2]]
        texts += [parts[3], parts[4]]
    return document(names=names, person_names=person, phones=phones, texts=texts)


def looks_like_phone(text: str) -> bool:
    """Whether a query is searched as phone digits (``138 0013 8000``)."""
    stripped = text.strip()
    return bool(_PHONE_QUERY.match(stripped)) and sum(ch.isdigit() for ch in stripped) >= 3


def query_terms(text: str) -> list[str]:
    """What every match must contain, as the index looks it up: each run the user typed cut to
    ``SUFFIX_LEN`` (or, for something that looks like a phone number, its digits)."""
    text = text[:MAX_QUERY_LEN]
    stripped = text.strip()
    parts = [_phone_digits(stripped)] if looks_like_phone(stripped) else runs(text)
    return list(dict.fromkeys(run[:SUFFIX_LEN] for run in parts if run))


@lru_cache(maxsize=20_000)
def _name_tokens(value: str, as_name: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(where a word of the name starts, every token of the name), each sorted: the first are
    each run, and for Chinese its pinyin from the first syllable and initials from the first
    character."""
    tokens: set[str] = set()
    for run in runs(value):
        tokens.update(_run_tokens(run, True, as_name))
    return tuple(sorted(_heads(value, as_name))), tuple(sorted(tokens))


def _heads(value: str, as_name: bool) -> set[str]:
    """Where the words of a name start: each run, and for Chinese its pinyin from the first
    syllable and its initials from the first character."""
    heads: set[str] = set()
    for run in runs(value):
        heads.add(run[:SUFFIX_LEN])
        if _IDEOGRAPH.match(run):
            for syllables, initials in pinyin_forms(run, as_name=as_name):
                heads.add("".join(syllables)[:SUFFIX_LEN])
                heads.add("".join(initials)[:SUFFIX_LEN])
    return heads


def name_heads(name: str | None, kind: str | None) -> str:  # called from SQL
    """Where a customer's name starts, as an index document: each word of it, and for Chinese
    its pinyin from the first syllable and its initials from the first character (张三 →
    ``张三 zhangsan zs``). A search whose every run starts one of these ranks first."""
    return " ".join(_heads(name, kind == "individual")) if name else ""  # each new name: lean


def _all_found(terms: list[str], tokens: tuple[str, ...]) -> bool:
    """Whether each term starts some token (``tokens`` sorted: a binary search per term)."""
    for term in terms:
        at = bisect_left(tokens, term)
        if at == len(tokens) or not tokens[at].startswith(term):
            return False
    return True


def search_rank(  # called from SQL, with positional arguments
    terms: str | None, name: str | None, kind: str | None, contacts: str | None
) -> int:
    """How well a customer matched a search, best first: 0 its name starts with what was typed
    (a word of it, or its pinyin or initials from the first character: ``zs`` → 张三), 1 a
    contact's name does, 2 its or a contact's name contains it (``zs`` in 杭州市…), 3 only
    another field does (company, phones, e-mail, notes). ``terms``: ``query_terms`` joined
    by spaces; ``contacts``: contact names separated by RECORD_SEP."""
    wanted = (terms or "").split()
    if not wanted:
        return 3
    own = _name_tokens(name, kind == "individual") if name else ((), ())
    if _all_found(wanted, own[0]):
        return 0
    others = [_name_tokens(c, True) for c in (contacts or "").split(RECORD_SEP) if c]
    if any(_all_found(wanted, heads) for heads, _ in others):
        return 1
    if _all_found(wanted, own[1]) or any(_all_found(wanted, tokens) for _, tokens in others):
        return 2
    return 3


def match_query(text: str) -> str | None:
    """The FTS5 MATCH expression for what the user typed, or None when nothing is searchable.

    Every run the user typed must occur (AND); a run longer than the indexed suffixes is
    matched on its first ``SUFFIX_LEN`` characters. Any characters are safe: only letters and
    digits reach the expression, each inside double quotes.
    """
    return " AND ".join(f'"{term}"*' for term in query_terms(text)) or None
