"""The eligibility self-check: one yes / no / not-sure answer per licensing condition.

The conditions, their questions and what failing or not knowing one means all come from
:data:`bot.notice.CONDITIONS`.  This module reads free-text answers in Chinese and
English, decides the verdict and renders it with the clause of each condition.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from bot.i18n import t
from bot.notice import (
    CONDITIONS,
    CONDITIONS_BY_ID,
    MATERIALS,
    PROCEDURE,
    REQUIRED_MATERIALS,
    TRANSLATION_CLAUSE,
    TRANSLATION_RULE,
    Condition,
)

Answer = Literal["yes", "no", "unsure"]
ANSWERS: tuple[Answer, ...] = ("yes", "no", "unsure")

# Slot names of the self-check form, one per condition, in the order they are asked.
SLOT_PREFIX = "cond_"
SLOTS: tuple[str, ...] = tuple(SLOT_PREFIX + c.id for c in CONDITIONS)


def slot_for(condition_id: str) -> str:
    return SLOT_PREFIX + condition_id


def condition_for_slot(slot: str) -> Condition | None:
    if not slot.startswith(SLOT_PREFIX):
        return None
    return CONDITIONS_BY_ID.get(slot[len(SLOT_PREFIX):])


# ---------------------------------------------------------------------------
# Reading an answer
# ---------------------------------------------------------------------------

_UNSURE = (
    "不确定", "不一定", "不清楚", "不知道", "不太清楚", "不太确定", "说不准", "说不好", "待确认",
    "还不确定", "不晓得", "不好说", "拿不准", "也许", "可能", "不太懂", "没把握", "不了解",
    "不太了解", "说不上来", "说不清", "不好确定", "待定", "需要确认", "需要核实", "没想好",
    "不敢确定", "要问问", "再看看",
    "not sure", "unsure", "don't know", "dont know", "do not know", "no idea", "maybe",
    "not certain", "uncertain", "i'm not sure", "im not sure", "perhaps", "no clue",
    "idk", "dunno", "hard to say", "can't say", "cannot say", "not clear", "not sure yet",
    "need to check", "i need to check", "let me check", "i'll check", "i have to check",
)
# A reply that ends in one of these is unsure: "这个我不太清楚", "还得问一下".
_UNSURE_ENDINGS = ("不清楚", "不太清楚", "不确定", "不知道", "不了解", "说不准", "说不好", "说不上来", "拿不准",
                   "没把握", "确认一下", "核实一下", "问一下", "问问")
_NO = (
    "不是", "没有", "否", "不符合", "不满足", "不具备", "不行", "不能", "不对", "还没有", "还没",
    "尚未", "暂无", "无", "没", "不", "不可以", "没有的", "不具有", "有多家", "不止一家",
    "no", "nope", "not yet", "not really", "we don't", "we do not", "it doesn't",
    "it does not", "doesn't", "does not", "don't", "do not", "isn't", "is not", "aren't",
    "are not", "haven't", "have not", "hasn't", "has not", "negative", "n", "nah", "not",
    "no we don't", "no it doesn't", "no, not yet", "none", "never",
)
_YES = (
    "是", "是的", "对", "对的", "符合", "满足", "具备", "有", "有的", "没问题", "可以", "好的",
    "是啊", "对啊", "嗯", "嗯嗯", "当然", "肯定", "确定", "已经有", "已有", "已具备", "具有",
    "已合作", "已经合作", "只有一家", "只有1家", "一家", "是滴", "没错", "符合的", "满足的",
    "yes", "yep", "yeah", "yup", "y", "sure", "correct", "right", "true", "indeed", "of course",
    "we do", "it does", "we have", "it has", "they do", "they have", "affirmative", "absolutely",
    "definitely", "certainly", "ok", "okay", "yes we do", "yes it does", "that's right",
    "i think so", "we are", "it is", "they are", "only one", "just one",
)
# Acknowledgements: an answer only on their own ("好的" yes; "好的，再见" is goodbye).
_WEAK = frozenset({"好的", "好", "嗯", "嗯嗯", "可以", "ok", "okay", "sure", "right", "行",
                   "当然", "y", "n"})
_TRIM = re.compile(r"^[\s,.!?;:，。！？；：、~～…]+|[\s,.!?;:，。！？；：、~～…]+$")
_LEAD = re.compile(r"^(?:嗯+|呃+|额+|哦+|噢+|啊+|well|um+|uh+|hmm+)[\s,，。.]*", re.IGNORECASE)
# "我们具备" is "具备", "对啊" is "对": a leading "we" and trailing particles say nothing.
_SUBJECT = re.compile(r"^(?:我们|我方|我司|本机构|本单位|我)(?:已经|都|也)?(?=.)")
_PARTICLES = re.compile(r"(?<=.)[啊呀哦喔嘛吧啦哈滴]+$")
# English replies that start with an answer word: "yes indeed", "nope, not yet".
_EN_UNSURE_START = re.compile(
    r"^(?:not sure|not certain|no idea|no clue|i don't know|i do not know|i dont know|"
    r"don't know|i'm not sure|im not sure|i am not sure|hard to say|can't say)\b")
_EN_FIRST = {"yes": "yes", "yep": "yes", "yeah": "yes", "yup": "yes", "absolutely": "yes",
             "definitely": "yes", "certainly": "yes", "no": "no", "nope": "no", "nah": "no",
             "not": "no", "never": "no"}


def _normalise(text: str) -> str:
    text = text.strip().lower().replace("’", "'").replace("‘", "'")
    text = _TRIM.sub("", text)
    text = _LEAD.sub("", text)
    text = _TRIM.sub("", text)
    return re.sub(r"\s+", " ", text)


def _lookup(text: str) -> Answer | None:
    for answer, words in _WORDS_BY_ANSWER:
        if text in words:
            return answer
    return None


_WORDS_BY_ANSWER: tuple[tuple[Answer, tuple[str, ...]], ...] = (
    ("unsure", _UNSURE), ("no", _NO), ("yes", _YES))


def parse_answer(text: str | None) -> Answer | None:
    """A yes / no / not-sure answer read from a short free-text reply, or None.

    Only replies that are an answer as a whole count ("是的", "not yet", "不太清楚，要问一下"
    …); a question such as "是否需要翻译？" is not an answer.  Not-sure is checked before no
    and no before yes, so "不确定" is not read as "确定" nor "没有" as "有".
    """
    if not text:
        return None
    raw = text.strip()
    if raw.endswith(("?", "？", "吗", "么", "呢")) or raw.startswith("/"):
        return None
    norm = _normalise(raw)
    if not norm or len(norm) > 40:
        return None
    core = _PARTICLES.sub("", _SUBJECT.sub("", norm))
    found = _lookup(norm) or _lookup(core)
    if found:
        return found
    if len(core) <= 16 and (core.endswith(_UNSURE_ENDINGS) or norm.endswith(_UNSURE_ENDINGS)):
        return "unsure"
    # An answer word followed by a short explanation: "不是，我们是营利机构", "no, not yet".
    head = re.split(r"[,，。.;；!！]|\s(?:but|because|we|it|they|the)\b|但|因为|我们|目前", norm,
                    maxsplit=1)[0].strip()
    if head and head != norm and head not in _WEAK:
        found = _lookup(head) or _lookup(_PARTICLES.sub("", head))
        if found:
            return found
    words = norm.split()
    if words and words[0].isascii() and len(words) <= 6:
        if _EN_UNSURE_START.match(norm):
            return "unsure"
        first = words[0].strip(",.!;")
        if first in _EN_FIRST:
            return _EN_FIRST[first]  # type: ignore[return-value]
    return None


ANSWER_INTENTS: dict[Answer, str] = {"yes": "affirm", "no": "deny", "unsure": "unsure"}
FALLBACK_INTENT = "nlu_fallback"
_QUESTION_END = ("?", "？", "吗", "么", "呢", "吗？", "么？")


# A yes / no / not-sure guessed by the classifier from words we do not know as an answer
# ("asdfgh" looks like "yes" to it) must be this sure to count.
MIN_GUESSED_ANSWER_CONFIDENCE = 0.6


def answer_intent(text: str | None, intent: str | None, confidence: float = 1.0) -> str | None:
    """The intent a message must have as a self-check answer, or None to keep ``intent``.

    A message that is an answer as a whole (:func:`parse_answer`) is ``affirm``,
    ``deny`` or ``unsure`` whatever the classifier said.  A question the classifier took
    for an answer ("是吗？", "yes?"), or an answer it guessed with less than
    :data:`MIN_GUESSED_ANSWER_CONFIDENCE`, is ``nlu_fallback``: it is never read as one.
    Button payloads ("/affirm") keep their intent.
    """
    if not text or text.startswith("/"):
        return None
    stripped = text.strip()
    is_answer_intent = intent in ANSWER_INTENTS.values()
    if stripped.endswith(_QUESTION_END):
        return FALLBACK_INTENT if is_answer_intent else None
    answer = parse_answer(stripped)
    if answer is not None:
        return ANSWER_INTENTS[answer]
    if is_answer_intent and confidence < MIN_GUESSED_ANSWER_CONFIDENCE:
        return FALLBACK_INTENT
    return None


# ---------------------------------------------------------------------------
# The verdict
# ---------------------------------------------------------------------------

ELIGIBLE = "eligible"
NOT_ELIGIBLE = "not_eligible"
UNDETERMINED = "undetermined"


@dataclass(frozen=True)
class Verdict:
    """The outcome of the self-check.

    ``status`` is ``eligible`` (every condition met), ``not_eligible`` (at least one
    failed) or ``undetermined`` (none failed, at least one unsure).  ``failed`` and
    ``unsure`` list the conditions in the order of the notice.
    """

    status: str
    failed: tuple[Condition, ...]
    unsure: tuple[Condition, ...]
    unanswered: tuple[Condition, ...]


def verdict(answers: Mapping[str, str | None]) -> Verdict:
    """The verdict for ``answers``: condition id (or form slot name) → yes / no / unsure.

    A condition without an answer counts as unsure.
    """
    by_id: dict[str, str | None] = {}
    for key, value in answers.items():
        cond = condition_for_slot(key) if key.startswith(SLOT_PREFIX) else CONDITIONS_BY_ID.get(key)
        if cond is None:
            raise KeyError(f"not a licensing condition: {key}")
        by_id[cond.id] = value
    failed = tuple(c for c in CONDITIONS if by_id.get(c.id) == "no")
    unanswered = tuple(c for c in CONDITIONS if by_id.get(c.id) not in ANSWERS)
    unsure = tuple(c for c in CONDITIONS if by_id.get(c.id) == "unsure" or c in unanswered)
    if failed:
        status = NOT_ELIGIBLE
    elif unsure:
        status = UNDETERMINED
    else:
        status = ELIGIBLE
    return Verdict(status, failed, unsure, unanswered)


def render_question(condition: Condition, lang: str) -> str:
    i = CONDITIONS.index(condition) + 1
    return t("check_question", lang, i=i, n=len(CONDITIONS), question=condition.question.get(lang))


def render_verdict(v: Verdict, lang: str) -> str:
    """The verdict as a chat message: what it means, which conditions, why, the clause."""
    lines: list[str] = []
    if v.status == ELIGIBLE:
        lines.append(t("verdict_eligible", lang, n=len(CONDITIONS)))
        lines.append(t("next_steps", lang))
        steps = [
            t("next_step_materials", lang, n=len(MATERIALS),
              optional=len(MATERIALS) - len(REQUIRED_MATERIALS)),
            t("next_step_translation", lang, rule=TRANSLATION_RULE.get(lang).rstrip("。."),
              ref=TRANSLATION_CLAUSE.ref.get(lang)),
        ]
        for step in PROCEDURE:
            steps.append(t("next_step_apply", lang, text=step.text.get(lang).rstrip("。."),
                           ref=step.clause.short(lang).removeprefix("Part ")))
        lines.extend(f"{i}. {s}" for i, s in enumerate(steps, 1))
    else:
        if v.failed:
            lines.append(t("verdict_failed", lang, k=len(v.failed)))
            for i, c in enumerate(v.failed, 1):
                lines.append(t("verdict_failed_item", lang, i=i, requirement=c.requirement.get(lang),
                               ref=_ref(c, lang), if_failed=c.if_failed.get(lang)))
        if v.unsure:
            key = "verdict_unsure" if v.failed else "verdict_unsure_only"
            lines.append(t(key, lang, k=len(v.unsure)))
            for i, c in enumerate(v.unsure, 1):
                lines.append(t("verdict_unsure_item", lang, i=i, requirement=c.requirement.get(lang),
                               ref=_ref(c, lang), evidence=c.evidence.get(lang)))
    lines.append(t("verdict_disclaimer", lang))
    return "\n".join(lines)


def _ref(c: Condition, lang: str) -> str:
    return c.clause.ref.get(lang)
