"""Applicants' words → the notice's words, for retrieval.  A match appends the notice's term
to the query (the applicant's own words stay, so nothing is lost).  The tables are data
(``synonyms.yml``)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

_TABLES = yaml.safe_load(Path(__file__).with_name("synonyms.yml").read_text(encoding="utf-8"))
ZH: dict[str, str] = _TABLES["zh"]  # what people say → the word the notice uses
EN: dict[str, str] = _TABLES["en"]  # applicants' words → the words of the English rendering
# Patterns for words that vary in the middle ("赚点钱", "租来的", "signs off").
ZH_PATTERNS: dict[str, str] = _TABLES["zh_patterns"]
EN_PATTERNS: dict[str, str] = _TABLES["en_patterns"]
_ZH_RE = tuple((re.compile(k), v) for k, v in ZH_PATTERNS.items())
_EN_RE = tuple((re.compile(k, re.IGNORECASE), v) for k, v in EN_PATTERNS.items())
# An English word is found where a word starts ("leased" is not in "released"; "complaint" is
# in "complaints").
_EN_WORDS = tuple((re.compile(rf"(?<![a-z]){re.escape(k)}"), k, v) for k, v in EN.items())


def en_found(low: str) -> list[tuple[str, str]]:
    """The English table's (word, notice words) found in a lower-cased text."""
    return [(k, v) for rx, k, v in _EN_WORDS if rx.search(low)]


def expand(text: str) -> str:
    """The text with the notice's words appended for every applicant's word found."""
    if not text:
        return text
    low = text.lower()
    extra = [v for k, v in ZH.items() if k in text]
    extra += [v for _, v in en_found(low)]
    extra += [v for rx, v in _ZH_RE + _EN_RE if rx.search(text)]
    return f"{text} {' '.join(extra)}" if extra else text
