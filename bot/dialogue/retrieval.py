"""Retrieval over the notice's units (:mod:`bot.notice.units`): which parts of the notice a
message is about, ranked, with a score to calibrate on.

Lexical ranking in both languages with scikit-learn's TF-IDF: Jieba words and character
2–3-grams for Chinese, words and character 3–5-grams for English, after a domain synonym
table (:mod:`bot.dialogue.synonyms`) has rewritten applicants' words as the notice's.  A
unit's aliases found word for word in the message add to its score.  The index is built
once, on first use (the action server warms it at start), never per turn.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.dialogue.normalise import normalise
from bot.dialogue.synonyms import expand
from bot.notice.phrasings import phrasings
from bot.notice.units import UNITS, Unit

_CJK = re.compile(r"[\u4e00-\u9fff]")
ALIAS_BONUS = 0.12
TITLE_BONUS = 0.10
MAX_BONUS = 0.36
FORM_BONUS = 0.12
# How a question close to one of a unit's phrasings (bot/notice/phrasings.yml) scores: its
# best phrasing's cosine times this, when that is above the unit's own score.
PHRASING_WEIGHT = 0.95
_FORMS = ((re.compile(r"附件\s*1|附件一|注册表|申请表|annex\s*1\b|annex i\b|registration form|application form",
                      re.IGNORECASE), "annex1"),
          (re.compile(r"附件\s*2|附件二|汇总表|年报|annex\s*2\b|annex ii\b|annual (?:summary|form|table|report)"
                      r"|summary (?:form|table)", re.IGNORECASE), "annex2"))

# What is inside a form, asked about; and the units that only name a form.
_INSIDE = re.compile(r"列|栏|填|部分|表里|表中|哪几项|哪些项|哪些内容|\b(?:columns?|fields?|sections?|"
                     r"parts?|rows?|fill)\b", re.IGNORECASE)
_NAMES_FORM = frozenset({"3.m4.1", "6.annual_report", "header.annexes"})
_AMONG_MATERIALS = re.compile(r"(?:归|属于|算|在)\S{0,8}(?:哪一?类|哪个类别|什么类)|哪类材料|材料清单里|\bwhich category\b|"
                              r"\bcategory (?:is|does)\b|\bamong the (?:application )?materials\b", re.IGNORECASE)
# "是报自治区人社厅的吧", "交给设区市人社局": sent to a named department (also bot.dialogue.forms).
TO_A_DEPARTMENT = r"(?:交|报|送|推送|报送)(?:给|到|至)?(?:自治区|设区市|区|市)\S{0,6}(?:人社|人力资源)"
# "to whom is the annual report sent?", "年报交给谁": the form's delivery, which the clause that
# names the form states; no part of the form is meant.
_DELIVERY = re.compile(r"\bto whom\b|\bwho (?:gets|receives)\b|\bwhere (?:do|should|must) (?:we|i) (?:send|submit)|"
                       r"\b(?:is|are|be) (?:it |they )?(?:sent|submitted|filed)\b|交给|报给|报送给|推送给|送给|交到|报到|谁收|"
                       + TO_A_DEPARTMENT,
                       re.IGNORECASE)

_ZH_STOP = frozenset("的 了 吗 呢 吧 啊 呀 么 是 有 在 和 与 及 或 要 我 我们 你 你们 他们 这个 那个 这 那 "
                     "一下 请问 什么 怎么 是否 能否 哪些 哪个 多少 可以 需要 一个 还 也 都 就 就是 "
                     "对 把 被 给 让 于 之 其 如果 请 想 问 知道".split())


def is_zh(text: str) -> bool:
    return bool(_CJK.search(text))


def _zh_words(text: str) -> list[str]:
    import jieba

    return [w for w in jieba.lcut(text) if w.strip() and w not in _ZH_STOP
            and not re.fullmatch(r"\W+", w)]


def _zh_analyzer(text: str) -> list[str]:
    words = _zh_words(text)
    chars = [c for c in text if _CJK.match(c)]
    grams = ["".join(chars[i:i + n]) for n in (2, 3) for i in range(len(chars) - n + 1)]
    return words + grams


def _fitted(vectorizer, docs: list[str]):  # noqa: ANN001, ANN202 - scikit-learn objects
    return vectorizer, vectorizer.fit_transform(docs)


class _Scorer:
    """Cosine scores of a query against a fitted TF-IDF matrix, without scikit-learn's
    per-call checks: the query's terms weighted as the vectorizer would (sublinear tf, idf,
    L2 norm) times the matching rows of the term-by-document matrix (kept sparse: only the
    query's few terms are read)."""

    def __init__(self, vectorizer, matrix) -> None:  # noqa: ANN001 - scikit-learn objects
        self.analyze = vectorizer.build_analyzer()
        self.vocabulary: dict[str, int] = vectorizer.vocabulary_
        self.idf = vectorizer.idf_.astype(np.float64)
        self.terms = matrix.T.tocsr().astype(np.float64)  # one row per term
        self.n_docs = matrix.shape[0]

    def __call__(self, text: str) -> np.ndarray:
        counts: dict[int, int] = {}
        for term in self.analyze(text):
            j = self.vocabulary.get(term)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if not counts:
            return np.zeros(self.n_docs)
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        cols = list(counts)
        weights = tf * self.idf[cols]
        weights /= np.linalg.norm(weights)
        return np.asarray(self.terms[cols].T @ weights).ravel()


@dataclass(frozen=True)
class Hit:
    unit: Unit
    score: float


class Index:
    """TF-IDF matrices of every unit, one per language."""

    def __init__(self, units: Sequence[Unit] = UNITS) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.units = tuple(units)
        zh_docs, en_docs = [], []
        self.aliases: list[tuple[tuple[str, ...], re.Pattern[str] | None]] = []
        for u in self.units:
            zh_alias = tuple(a for a in u.aliases if is_zh(a) and len(a) >= 2)
            en_alias = tuple(a.lower() for a in u.aliases if not is_zh(a))
            # One pattern per unit for its English aliases, compiled once.
            en_rx = re.compile("|".join(rf"\b{re.escape(a)}\b" for a in en_alias if len(a) >= 2)) \
                if en_alias else None
            self.aliases.append((zh_alias, en_rx))
            zh_docs.append(" ".join((u.title.zh, u.title.zh, u.text.zh, u.ref.zh) + zh_alias))
            en_docs.append(" ".join((u.title.en, u.title.en, u.text.en) + en_alias).lower())
        self.zh_vec = TfidfVectorizer(analyzer=_zh_analyzer, sublinear_tf=True)
        self.zh_m = self.zh_vec.fit_transform(zh_docs)
        self.en_word = TfidfVectorizer(stop_words="english", sublinear_tf=True,
                                       token_pattern=r"(?u)\b\w+\b")
        self.en_wm = self.en_word.fit_transform(en_docs)
        self.en_char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
        self.en_cm = self.en_char.fit_transform(en_docs)
        self.zh_score = _Scorer(self.zh_vec, self.zh_m)
        self.en_word_score = _Scorer(self.en_word, self.en_wm)
        self.en_char_score = _Scorer(self.en_char, self.en_cm)
        self._fit_phrasings()
        self._children: dict[str, list[int]] = {}
        for i, u in enumerate(self.units):
            if u.parent is not None:
                self._children.setdefault(u.parent, []).append(i)
        # The aliases that name a unit and none of its siblings ("考评人员", not "人员").
        self._own_words: list[tuple[tuple[str, ...], re.Pattern[str] | None]] = []
        for u in self.units:
            siblings = [self.units[j] for j in self._children.get(u.parent, [])
                        if self.units[j].id != u.id] if u.parent else []
            shared = {a.lower() for s in siblings for a in s.aliases}
            own = [a.lower() for a in u.aliases if a.lower() not in shared]
            zh_words = tuple(a for a in own if is_zh(a) and len(a) >= 2)
            en_words = [a for a in own if not is_zh(a) and len(a) >= 5]
            rx = re.compile("|".join(rf"\b{re.escape(a)}\b" for a in en_words)) if en_words else None
            self._own_words.append((zh_words, rx))

    def _fit_phrasings(self) -> None:
        """A TF-IDF matrix per language over every unit's phrasings, with the unit each
        row belongs to."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        known = {u.id: i for i, u in enumerate(self.units)}
        rows: dict[str, list[int]] = {"zh": [], "en": []}
        docs: dict[str, list[str]] = {"zh": [], "en": []}
        for uid, by_lang in phrasings().items():
            if uid not in known:
                continue
            for lang in ("zh", "en"):
                for q in by_lang[lang]:
                    text = expand(normalise(q, oral=True))
                    docs[lang].append(text if lang == "zh" else text.lower())
                    rows[lang].append(known[uid])
        self.phrase_rows = {lang: np.asarray(r, dtype=np.int64) for lang, r in rows.items()}
        self.phrase_zh = _Scorer(*_fitted(TfidfVectorizer(analyzer=_zh_analyzer,
                                                          sublinear_tf=True), docs["zh"]))
        self.phrase_en_word = _Scorer(*_fitted(TfidfVectorizer(
            stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"), docs["en"]))
        self.phrase_en_char = _Scorer(*_fitted(TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True), docs["en"]))

    def _phrasing_scores(self, query: str, zh: bool) -> np.ndarray:
        """Per unit, the cosine of the query with the closest of its phrasings."""
        if zh:
            sims, rows = self.phrase_zh(query), self.phrase_rows["zh"]
        else:
            low = query.lower()
            sims = 0.5 * self.phrase_en_word(low) + 0.5 * self.phrase_en_char(low)
            rows = self.phrase_rows["en"]
        out = np.zeros(len(self.units))
        if len(rows):
            np.maximum.at(out, rows, sims)
        return out

    def search(self, text: str, limit: int = 5) -> list[Hit]:
        own = normalise(text, oral=True)
        query = expand(own)
        if not query.strip():
            return []
        zh = is_zh(query)
        if zh:
            scores = self.zh_score(query)
        else:
            low = query.lower()
            scores = 0.5 * self.en_word_score(low) + 0.5 * self.en_char_score(low)
        scores = np.maximum(scores, PHRASING_WEIGHT * self._phrasing_scores(query, zh))
        scores = scores + self._bonus(own, query, zh) + self._form_bonus(own)
        scores = self._named_over_siblings(scores, own, zh)
        order = np.argsort(-scores, kind="stable")[:limit]
        return [Hit(self.units[i], float(scores[i])) for i in order if scores[i] > 0]

    def _named_over_siblings(self, scores: np.ndarray, own: str, zh: bool) -> np.ndarray:
        """A part the user names by its own words ("考评人员要填哪些信息") ranks above its
        siblings and its own parts that only resemble the question's wording."""
        low = own.lower()
        if zh:
            named = [i for i, (words, _) in enumerate(self._own_words) if any(w in low for w in words)]
        else:
            named = [i for i, (_, rx) in enumerate(self._own_words)
                     if rx is not None and rx.search(low) is not None]
        if not named:
            return scores
        out = scores.copy()
        named_set = set(named)
        for i in named:
            parent = self.units[i].parent
            others = list(self._children.get(parent, ())) if parent is not None else []
            # nor its own columns, unnamed ("专职人员要填什么" is the table, not 身份证号)
            others += [j for j in self._children.get(self.units[i].id, [])
                       if self.units[j].kind == "column"]
            for j in others:
                if j not in named_set and out[j] >= out[i]:
                    out[j] = out[i] - 0.01
        return out

    def _form_bonus(self, query: str) -> np.ndarray:
        """A question that names one annex form is about that form's parts, not the other's;
        one about what is inside it ("哪几列", "which fields") is not about the clauses that
        merely name the form; one that also names a part of it in the user's own words
        ("汇总表的基本信息") is about that part, not the whole form."""
        named = {key for rx, key in _FORMS if rx.search(query)}
        out = np.zeros(len(self.units))
        if len(named) != 1 or _DELIVERY.search(query) and not _INSIDE.search(query):
            return out
        (key,) = named
        if _AMONG_MATERIALS.search(query):
            # "注册表在材料清单里归哪一类": the form as one of the materials, with its category
            return np.array([FORM_BONUS if u.id in _NAMES_FORM else 0.0 for u in self.units])
        inside = bool(_INSIDE.search(query))
        low = next(rx for rx, k in _FORMS if k == key).sub(" ", query.lower())  # not its name
        part_named = any(any(a in low for a in (*zh_alias, u.title.zh)) or
                         (en_rx is not None and en_rx.search(low))
                         for u, (zh_alias, en_rx) in zip(self.units, self.aliases, strict=False)
                         if u.id.startswith(f"{key}.") and u.kind == "section")
        for i, u in enumerate(self.units):
            if u.id == key:
                out[i] = -FORM_BONUS if part_named else FORM_BONUS
            elif u.id.startswith(f"{key}."):
                out[i] = FORM_BONUS
            elif u.id.startswith("annex") or (inside and u.id in _NAMES_FORM):
                out[i] = -FORM_BONUS
        return out

    def _bonus(self, own: str, query: str, zh: bool) -> np.ndarray:
        """Aliases found in the user's own words; titles found in them or in the notice's
        words the synonyms added."""
        low, expanded = own.lower(), query.lower()
        out = np.zeros(len(self.units))
        for i, (u, (zh_alias, en_rx)) in enumerate(zip(self.units, self.aliases, strict=False)):
            if zh:
                bonus = ALIAS_BONUS * sum(1 for a in zh_alias if a in low)
            else:
                bonus = ALIAS_BONUS * len(set(en_rx.findall(low))) if en_rx is not None else 0.0
            title = u.title.zh if zh else u.title.en.lower()
            if len(title) >= 2 and title in expanded:
                bonus += TITLE_BONUS * (1 + min(len(title), 8) / 8)
                if u.kind in ("column", "field") and len(title) >= 3:
                    bonus += TITLE_BONUS
            out[i] = min(bonus, MAX_BONUS)
        return out


_INDEX: Index | None = None
_LOCK = threading.Lock()


def index() -> Index:
    """The index, built on first use (once per process)."""
    global _INDEX
    if _INDEX is None:
        with _LOCK:
            if _INDEX is None:
                _INDEX = Index()
    return _INDEX


def search(text: str, limit: int = 5) -> list[Hit]:
    return index().search(text, limit)
