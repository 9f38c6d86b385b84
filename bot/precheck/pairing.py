"""Pairing foreign-language files with their Chinese translations.

The notice (三, last paragraph) asks for a Chinese translation of every material in a
foreign language.  A translation is either a separate file or Chinese text in the same
file (a bilingual document).  A separate file is matched to its original by:

- the same material (a translation of the articles is classified as the articles);
- its name: a translation cue (中文译本, 译文, translation, （中文）…) and the same stem
  as the original once the cue is removed;
- its content keys: numbers, dates and Latin proper names survive translation, so an
  original and its translation share many of them (see :func:`content_keys`).

Pairs are made greedily, best evidence first, one translation per original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bot.precheck.results import BLOCKING_PROBLEMS, NO_TEXT, FileAnalysis

_MONTHS = {
    # en, fr, de, es
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_DATE_PATTERNS = (
    # 2020年9月22日, 2020-09-22, 2020/9/22, 2020.09.22
    (re.compile(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})"), "ymd"),
    # 22.09.2020, 22/09/2020 (day first, as written outside the US)
    (re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)"), "dmy"),
    # 22 September 2020, 22. März 2020, 1er juin 2012, 5 de mayo de 2020
    (re.compile(r"(?<!\d)(\d{1,2})(?:er|st|nd|rd|th)?\.?\s+(?:de\s+)?([^\W\d_]{3,10})\.?,?"
                r"\s+(?:de\s+)?(\d{4})(?!\d)"), "dMy"),
    # September 22, 2020
    (re.compile(r"([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)"), "Mdy"),
)
_NUMBER = re.compile(r"(?<![\w.])\d[\d\s,.-]{1,18}\d(?![\w])")
_NAME_WORD = re.compile(r"\b[A-Z][A-Za-z]{2,40}\b|\b[A-Z]{2,20}\d*\b|\b[A-Z]{1,20}\d+[A-Z0-9]{0,20}\b")
# Starts only where a run of address characters starts, so a long run without "@" is
# scanned once, not once per character.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,190}")
_STOP = {
    "the", "and", "for", "this", "that", "with", "from", "shall", "will", "are", "has", "have",
    "was", "were", "not", "all", "any", "our", "your", "their", "its", "which", "who", "whom",
    "what", "when", "where", "there", "these", "those", "each", "such", "may", "must", "can",
    "article", "chapter", "section", "page", "date", "dear", "sir", "madam", "mr", "mrs", "ms",
    "der", "die", "das", "und", "les", "des", "une", "pour", "los", "las", "del", "por", "con",
}
MAX_KEYS = 80

# Words to remove from a file name before comparing stems.
_NAME_CUES = re.compile(
    r"中文译本|中译本|译本|译文|翻译件|中文翻译|翻译本|翻译|中文版|英文版|原件|原文|中文|英文|外文|"
    r"\b(?:translation|translated|transl|chinese|english|original|copy|scan|cn|zh|en|chn|eng|"
    r"version|übersetzung|traduction|traducción)\b", re.IGNORECASE)


def content_keys(text: str, limit: int = MAX_KEYS) -> list[str]:
    """Fingerprints of a text that survive translation: dates (d:2020-09-22), numbers of
    three or more digits (n:04567321), e-mail addresses (e:…) and Latin proper names
    (w:barclays).  Dates first, then numbers, then names, each in order of appearance."""
    text = unicodedata.normalize("NFKC", text[:60_000])
    dates: list[str] = []
    for pattern, order in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            key = _date_key(m.groups(), order)
            if key:
                dates.append(key)
    numbers = []
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 3 <= len(digits) <= 18:
            numbers.append(f"n:{digits}")
    emails = [f"e:{m.group().lower()}" for m in _EMAIL.finditer(text)]
    names = [f"w:{w.lower()}" for w in _NAME_WORD.findall(text) if w.lower() not in _STOP
             and w.lower() not in _MONTHS]
    out: list[str] = []
    seen: set[str] = set()
    for key in [*dates, *emails, *numbers, *names]:
        if key not in seen:
            seen.add(key)
            out.append(key)
            if len(out) >= limit:
                break
    return out


def _date_key(groups: tuple[str, ...], order: str) -> str | None:
    try:
        if order == "ymd":
            y, m, d = int(groups[0]), int(groups[1]), int(groups[2])
        elif order == "dmy":
            d, m, y = int(groups[0]), int(groups[1]), int(groups[2])
        elif order == "dMy":
            d, m, y = int(groups[0]), _MONTHS.get(groups[1].lower(), 0), int(groups[2])
        else:
            m, d, y = _MONTHS.get(groups[0].lower(), 0), int(groups[1]), int(groups[2])
    except ValueError:
        return None
    if not (1 <= m <= 12 and 1 <= d <= 31 and 1800 <= y <= 2200):
        return None
    return f"d:{y:04d}-{m:02d}-{d:02d}"


def name_stem(name: str) -> str:
    """A file name without folders, extension, translation cues, numbering and spacing."""
    stem = name.replace("\\", "/").rsplit("/", 1)[-1]
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    stem = unicodedata.normalize("NFKC", stem).lower()
    stem = _NAME_CUES.sub(" ", stem)
    stem = re.sub(r"[\s_\-.+()\[\]（）【】《》,，]+", "", stem)
    return stem


def needs_translation(a: FileAnalysis) -> bool:
    """A readable file in a foreign language without Chinese text of its own."""
    if any(code in BLOCKING_PROBLEMS and code != "untranslated" for code in a.problem_codes):
        return False
    return a.language not in ("zh", "und", "") and not a.bilingual


def _can_translate(a: FileAnalysis) -> bool:
    if any(code in BLOCKING_PROBLEMS and code != "untranslated" for code in a.problem_codes):
        return False
    return a.language == "zh"


def _could_be_original(a: FileAnalysis) -> bool:
    """A file whose language is unknown because it has no text layer may still be the
    foreign original of a translation named after it."""
    return NO_TEXT in a.problem_codes


@dataclass
class Pairing:
    """``translation_of[original] = translation`` and the reverse; ``untranslated``: the
    foreign files that need a translation and have none."""

    translation_of: dict[str, str] = field(default_factory=dict)
    original_of: dict[str, str] = field(default_factory=dict)
    untranslated: list[str] = field(default_factory=list)
    scores: dict[tuple[str, str], float] = field(default_factory=dict)

    def partner(self, name: str) -> str | None:
        return self.translation_of.get(name) or self.original_of.get(name)


def _overlap(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if len(sa) < 2 or len(sb) < 2:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def pair_score(original: FileAnalysis, translation: FileAnalysis,
               materials: Mapping[str, Sequence[str]] | None = None) -> float:
    """How strongly the evidence says ``translation`` translates ``original`` (0 = not)."""
    mo = set((materials or {}).get(original.name, original.materials))
    mt = set((materials or {}).get(translation.name, translation.materials))
    score = 0.0
    evidence = 0.0
    if mo and mt:
        if mo & mt:
            score += 2.0
        else:
            score -= 3.0
    so, st = name_stem(original.name), name_stem(translation.name)
    if so and st:
        if so == st:
            evidence += 3.0
        elif min(len(so), len(st)) >= 3 and (so in st or st in so):
            evidence += 2.0
    if translation.is_translation:
        evidence += 1.0
    keys = _overlap(original.keys, translation.keys)
    evidence += 3.0 * keys
    if evidence < 1.0:
        return 0.0  # the same material alone does not make a translation
    return max(0.0, score + evidence)


PAIR_THRESHOLD = 2.5


def pair_translations(analyses: Sequence[FileAnalysis],
                      materials: Mapping[str, Sequence[str]] | None = None) -> Pairing:
    """Pair foreign files with Chinese translations.  ``materials`` overrides each file's
    materials (name → ids), e.g. with what the user confirmed."""
    originals = [a for a in analyses if needs_translation(a) or _could_be_original(a)]
    chinese = [a for a in analyses if _can_translate(a)]
    pairs: list[tuple[float, str, str]] = []
    result = Pairing()
    for o in originals:
        for t in chinese:
            if t.name == o.name:
                continue
            s = pair_score(o, t, materials)
            if _could_be_original(o) and not needs_translation(o):
                # An unreadable original is paired on its name only.
                if name_stem(o.name) != name_stem(t.name) or not name_stem(o.name):
                    s = 0.0
            if s >= PAIR_THRESHOLD:
                pairs.append((s, o.name, t.name))
                result.scores[(o.name, t.name)] = round(s, 2)
    pairs.sort(key=lambda p: -p[0])
    for _s, original, translation in pairs:
        if original in result.translation_of or translation in result.original_of:
            continue
        result.translation_of[original] = translation
        result.original_of[translation] = original
    result.untranslated = [a.name for a in analyses
                           if needs_translation(a) and a.name not in result.translation_of]
    return result
