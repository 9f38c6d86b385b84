"""Which material(s) of the notice a file is, from its content and its name.

Each material id has a table of cues in Chinese and in the languages foreign
institutions write in (en, fr, de, es, ja, ko, ru, with a little it/pt/nl), plus the
aliases bot.notice lists for it.  A cue counts most in the file's first lines (its
title), then in heading-like lines anywhere (a file can hold several materials, each
under its own heading), then in the file name, and least in running text.

Two pairs of materials share their words and are told apart by whose document it is:
articles of association (1.1.2 foreign / 1.2.2 Chinese) and registration certificates
(1.1.1 foreign / 1.2.1 Chinese business licence or public-institution certificate).  A
foreign-language file, a Chinese translation (译本) or Chinese text about a foreign
company is foreign; Chinese text about a Chinese company is Chinese.  考试章程 (3.1) is
never articles of association.

A file whose best score is low is left unclassified, with its best guesses as
``candidates`` so the user can be asked which material it is.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.notice import MATERIALS
from bot.precheck.cues_world import COOPERATION_WORDS, PARTY_PAIRS, WORLD_CUES

# Pseudo-materials resolved by origin (foreign or Chinese institution).
ARTICLES = "articles"
REGISTRATION = "registration"
_BY_ORIGIN = {ARTICLES: ("1.1.2", "1.2.2"), REGISTRATION: ("1.1.1", "1.2.1")}

# material id → (cue, weight), data in ``cues.yml``.  A cue is a literal, matched
# case-insensitively (Latin cues on word boundaries), or a regex when it starts with "re:".
CUES: dict[str, tuple[tuple[str, float], ...]] = {
    material: tuple(cues.items()) for material, cues in yaml.safe_load(
        Path(__file__).with_name("cues.yml").read_text(encoding="utf-8")).items()}

# Words that say a Chinese file is a translation of a foreign original.
TRANSLATION_CUES = ("中文译本", "中译本", "译本", "译文", "翻译件", "中文翻译", "翻译本", "（中文）",
                    "(中文)", "中文版", "本译文", "译者", "翻译专用章", "翻译公司", "translation",
                    "translated", "übersetzung", "traduction", "traducción", "перевод", "翻訳",
                    "번역")

# Cues that a document is about a foreign institution, or about a Chinese one.
_FOREIGN_CUES = re.compile(
    r"(?<!co\.,\s)(?<!co\.,)\b(?:ltd|limited)\b|"
    r"\b(?:gmbh|inc|llc|plc|e\.\s?v|s\.a\.s?|sas|sarl|ag|bv|pty|kk|co\.\s?kg)\b|"
    r"英国|英格兰|苏格兰|威尔士|德国|法国|美国|日本|韩国|俄罗斯|澳大利亚|新加坡|加拿大|西班牙|意大利|"
    r"荷兰|瑞士|新西兰|爱尔兰|奥地利|比利时|瑞典|丹麦|挪威|芬兰|马来西亚|泰国|越南|英镑|欧元|美元|外方",
    re.IGNORECASE)
_CHINESE_CUES = re.compile(
    r"中华人民共和国|统一社会信用代码|市场监督管理|事业单位|民政厅|民政局|人力资源和社会保障|广西|南宁|"
    r"中方|people's republic of china|\bprc\b|unified social credit|guangxi|nanning",
    re.IGNORECASE)

_LATIN_LETTER = r"a-z0-9à-öø-ÿœßа-яё"
_ID_PREFIX = re.compile(r"^\s*(?:材料)?\s*(\d\.\d(?:\.\d)?)(?![\d.]*\d)")
_SENTENCE_END = re.compile(r"[.。;；:：,，]\s*$")

# How much a cue counts where it is found.
TITLE_WEIGHT = 3.0
HEADING_WEIGHT = 2.0
NAME_WEIGHT = 2.5
BODY_CAP = 3.0  # running-text hits of one cue count at most this many times its weight
MIN_SCORE = 4.5  # below this the file is unclassified
BODY_ONLY_MIN = 6.0  # ... and below this when no title, heading or file name names it
SECONDARY_SHARE = 0.45  # a second material needs this share of the best score
BODY_CHARS = 60_000  # running text looked at


_TOKEN = re.compile(rf"[{_LATIN_LETTER}]+")


@dataclass(frozen=True)
class _Cue:
    """A compiled cue: ``pattern`` finds it in short texts (titles, headings, names);
    ``count`` counts it in running text quickly."""

    pattern: re.Pattern[str]
    weight: float
    words: str = ""  # a Latin/Cyrillic cue as space-joined tokens, counted via word n-grams
    literal: str = ""  # a CJK cue, counted with str.count

    def count(self, body: str, grams: dict[str, int]) -> int:
        if self.words:
            return grams.get(self.words, 0)
        if self.literal:
            return body.count(self.literal)
        return len(self.pattern.findall(body))


_MAX_GRAM = 5


def _compile(cue: str, weight: float) -> _Cue:
    if cue.startswith("re:"):
        return _Cue(re.compile(cue[3:], re.IGNORECASE), weight)
    low = cue.lower()
    escaped = re.escape(low)
    if re.match(rf"[{_LATIN_LETTER}]", low):
        tokens = _TOKEN.findall(low)
        pattern = re.compile(rf"(?<![{_LATIN_LETTER}]){escaped}(?![{_LATIN_LETTER}])")
        if 0 < len(tokens) <= _MAX_GRAM:
            return _Cue(pattern, weight, words=" ".join(tokens))
        return _Cue(pattern, weight)
    return _Cue(re.compile(escaped), weight, literal=low)


def _word_grams(text: str) -> dict[str, int]:
    """Counts of every run of 1 to 5 consecutive words of a (lower-case) text."""
    tokens = _TOKEN.findall(text)
    grams: dict[str, int] = {}
    for n in range(1, _MAX_GRAM + 1):
        for i in range(len(tokens) - n + 1):
            key = " ".join(tokens[i:i + n]) if n > 1 else tokens[i]
            grams[key] = grams.get(key, 0) + 1
    return grams


def _alias_weight(alias: str) -> float:
    latin = bool(re.match(r"[a-z]", alias.lower()))
    if latin:
        return 2.0 if " " in alias else 0.8
    return 2.0 if len(alias) >= 4 else 0.8


def _build() -> dict[str, list[_Cue]]:
    table: dict[str, dict[str, float]] = {k: {c: w for c, w in v} for k, v in CUES.items()}
    for key, extra in WORLD_CUES.items():
        known = table.setdefault(key, {})
        for cue, weight in extra.items():
            known[cue] = max(weight, known.get(cue, 0.0))
    for m in MATERIALS:
        target = m.id
        if m.id in ("1.1.2", "1.2.2"):
            target = ARTICLES
        elif m.id == "1.1.1":
            target = REGISTRATION
        known = table.setdefault(target, {})
        for alias in m.aliases:
            key = alias.lower()
            if key in known or any(key == c.lower() for c in known):
                continue
            if target == ARTICLES and key in ("章程",):
                continue
            known[alias] = _alias_weight(alias)
    return {k: [_compile(c, w) for c, w in v.items()] for k, v in table.items()}


_PATTERNS = _build()


@dataclass
class Classification:
    """``materials``: the material ids found (empty when unclassified); ``candidates``:
    the best guesses with a confidence in 0..1, best first; ``is_translation``: the file
    presents itself as a Chinese translation; ``origin``: foreign|chinese|"" for the
    articles/registration decision."""

    materials: list[str] = field(default_factory=list)
    candidates: list[tuple[str, float]] = field(default_factory=list)
    is_translation: bool = False
    origin: str = ""
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def unclassified(self) -> bool:
        return not self.materials


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.lower()


def _name_text(name: str) -> str:
    stem = name.rsplit("/", 1)[-1]
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    return _normalise(re.sub(r"[_\-.+]+", " ", stem))


def title_lines(text: str, limit: int = 3) -> list[str]:
    """The first meaningful lines of a text (its title block): up to ``limit`` short
    lines, ending at the first sentence.  The first line always counts."""
    out: list[str] = []
    for line in text[:5000].splitlines():
        line = line.strip()
        if len(line) < 2 or not re.search(r"[^\W\d_]", line):
            continue
        if out and (len(line) > 60 or _SENTENCE_END.search(line)):
            break
        out.append(line[:120])
        if len(out) >= limit:
            break
    return out


def _headings(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or len(line) > 40 or _SENTENCE_END.search(line):
            continue
        if re.search(r"[^\W\d_]", line):
            out.append(line)
    return out[:400]


def is_translation_text(name: str, title: str) -> bool:
    """Whether a file's name or title says it is a translation."""
    hay = _normalise(f"{name}\n{title}")
    return any(cue in hay for cue in TRANSLATION_CUES)


def origin_of(text: str, language: str, is_translation: bool, title: str = "") -> str:
    """foreign | chinese: whose document a text is."""
    head = title[:200]
    if "外方" in head:
        return "foreign"
    if "中方" in head:
        return "chinese"
    sample = text[:20_000]
    foreign = len(_FOREIGN_CUES.findall(sample))
    chinese = len(_CHINESE_CUES.findall(sample))
    if language not in ("zh", "und"):
        return "chinese" if chinese >= 2 and chinese > 2 * foreign else "foreign"
    if is_translation:
        return "foreign"
    return "foreign" if foreign >= 2 and foreign > chinese else "chinese"


def _confidence(score: float) -> float:
    return round(1.0 - math.exp(-score / 6.0), 3)


def classify(text: str, name: str = "", *, language: str = "und", title: str = "",
             bilingual: bool = False) -> Classification:
    """Classify one file from its text, its file name and (optionally) its language and
    metadata title."""
    titles = title_lines(text)
    if title:
        titles.insert(0, title)
    title_text = _normalise("\n".join(titles))
    heading_text = _normalise("\n".join(_headings(text[:BODY_CHARS])))
    body = _normalise(text[:BODY_CHARS])
    name_text = _name_text(name) if name else ""
    is_translation = (language == "zh" or bilingual) and is_translation_text(name, "\n".join(
        titles))

    grams = _word_grams(body) if body else {}
    scores: dict[str, float] = {}
    for key, cues in _PATTERNS.items():
        s = 0.0
        for cue in cues:
            weight = cue.weight
            if title_text and cue.pattern.search(title_text):
                s += TITLE_WEIGHT * weight
            elif heading_text and cue.pattern.search(heading_text):
                s += HEADING_WEIGHT * weight
            if name_text and cue.pattern.search(name_text):
                s += NAME_WEIGHT * weight
            hits = cue.count(body, grams) if body else 0
            if hits:
                s += weight * min(BODY_CAP, 1.0 + math.log(hits))
        if s:
            scores[key] = s

    numbered = ""  # a material id the file name starts with, e.g. "1.1.4 bank.pdf"
    m = _ID_PREFIX.match(name.rsplit("/", 1)[-1]) if name else None
    if m and any(mat.id == m.group(1) for mat in MATERIALS):
        numbered = m.group(1)
        scores[numbered] = scores.get(numbered, 0.0) + 6.0

    origin = ""
    if ARTICLES in scores or REGISTRATION in scores:
        origin = origin_of(text, language, is_translation, "\n".join(titles) + "\n" + name)
    for pseudo, (foreign_id, chinese_id) in _BY_ORIGIN.items():
        if pseudo in scores:
            target = foreign_id if origin == "foreign" else chinese_id
            scores[target] = scores.get(target, 0.0) + scores.pop(pseudo)
    # An explicit 外方/中方 articles cue decides between the two.
    if scores.get("1.1.2") and scores.get("1.2.2"):
        drop = "1.2.2" if origin == "foreign" else "1.1.2"
        scores.pop(drop)
    # A business licence names a registration authority: not a foreign certificate.
    if scores.get("1.2.1", 0) >= scores.get("1.1.1", 0) and origin != "foreign":
        scores.pop("1.1.1", None)

    # 合同/协议/contract in running text (a report, an auditor's letter) does not make a
    # file the cooperation agreement: that takes a title-level cue or the two parties.
    if "4.2" in scores and numbered != "4.2" and not _agreement_evidence(
            title_text, heading_text, name_text, body):
        scores["4.2"] = min(scores["4.2"], MIN_SCORE - 0.5)

    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    candidates = [(mid, _confidence(s)) for mid, s in ranked[:3]]
    materials: list[str] = []
    if ranked and ranked[0][1] >= MIN_SCORE:
        best = ranked[0][1]
        for mid, s in ranked:
            if s < MIN_SCORE or s < SECONDARY_SHARE * best:
                break
            named = mid == numbered or _has_heading_cue(mid, title_text, heading_text,
                                                        name_text, origin)
            if not named and (materials or s < BODY_ONLY_MIN):
                continue
            materials.append(mid)
    return Classification(materials=materials, candidates=candidates,
                          is_translation=is_translation, origin=origin,
                          scores={k: round(v, 2) for k, v in ranked})


def _has_heading_cue(mid: str, title_text: str, heading_text: str, name_text: str,
                     origin: str) -> bool:
    """A second material in one file must be named in a title, heading or the file name."""
    keys = [mid]
    for pseudo, ids in _BY_ORIGIN.items():
        if mid in ids:
            keys.append(pseudo)
    for key in keys:
        for cue in _PATTERNS.get(key, []):
            if cue.weight < 1.5:
                continue
            if any(t and cue.pattern.search(t) for t in (title_text, heading_text, name_text)):
                return True
    return False


def _agreement_evidence(title_text: str, heading_text: str, name_text: str, body: str) -> bool:
    """Whether a file presents itself as an agreement: a 4.2 cue in its title (or, for
    the specific ones, a heading or the file name), or both parties named as such."""
    generic = False
    for cue in _PATTERNS.get("4.2", []):
        if cue.weight >= 2.5 and any(t and cue.pattern.search(t)
                                     for t in (title_text, heading_text, name_text)):
            return True
        if cue.weight >= 1.5 and title_text and cue.pattern.search(title_text):
            generic = True
    head = body[:20_000]
    parties = any(a in head and b in head for a, b in PARTY_PAIRS)
    return (generic or parties) and any(w in head or w in title_text
                                        for w in COOPERATION_WORDS)
