""""X是什么意思", "what does X mean": the places where the notice uses a term.

The notice defines few of its words; what it does give is the sentence each term stands in.
A question about a term is answered with those places (the most specific ones: a sentence
rather than its clause, a material rather than its category), and says that the notice
gives no further definition.
"""

from __future__ import annotations

import re

from bot.dialogue.normalise import normalise
from bot.dialogue.retrieval import is_zh
from bot.notice.units import UNITS, Unit

_ZH = re.compile(
    r"^(?:请问|想问一下|问一下|那)?[“\"「『]?(?P<term>[^“”\"「」『』，,。？?]{2,16}?)[”\"」』]?"
    r"(?:这个词|这个说法|这个概念|这个简称|简称|一词|二字|这几个字)?"
    r"(?:具体)?(?:是|指的是|指|包括|包含)?(?:什么|啥|哪些|哪个|哪几|谁|哪两家|哪几家)"
    r"(?:意思|含义|概念|东西|机构|单位|人|类|些)?"
    r"(?:呀|啊|呢|吗)?[？?。!！]*$"
    r"|^(?:请问|那)?[“\"「『]?(?P<term2>[^“”\"「」『』，,。？?]{2,16}?)[”\"」』]?"
    r"(?:具体)?(?:怎么理解|如何理解|是啥意思|什么意思|指的啥|指啥|包括哪些|包括什么|都包括啥)[？?。!！]*$")
_EN = re.compile(
    r"^(?:what|who) (?:does|do) [“\"']?(?P<term>[\w\s'-]{3,60}?)[”\"']? (?:mean|refer to|cover|include)"
    r"|^what is meant by [“\"']?(?P<term2>[\w\s'-]{3,60}?)[”\"']?[?.]*$"
    r"|^(?:what|who) (?:is|are) (?:an? |the )?[“\"'](?P<term3>[\w\s'-]{3,60}?)[”\"']", re.IGNORECASE)

# Words that are questions about something other than a term.
_NOT_TERM = re.compile(r"^(?:这|那|它|这个|那个|这些|您|你|我|我们|通知|文件|this|that|it|the notice)$")
# Kinds in order of how specifically they hold a word.
_SPECIFIC = ("column", "field", "sentence", "material", "free_text", "clause", "table", "section",
             "category", "header", "annex", "part")
MAX_PLACES = 4


def term_of(text: str) -> str | None:
    """The term a "what does X mean" question asks about, or None."""
    text = normalise(text).strip()
    m = _ZH.match(text) or _EN.match(text)
    if not m:
        return None
    term = next((g for g in m.groups() if g), "").strip(" 的")
    term = re.sub(r"^(?:the|a|an)\s+", "", term, flags=re.IGNORECASE)
    if len(term) < 2 or _NOT_TERM.match(term):
        return None
    return term


def is_marked(text: str, term: str) -> bool:
    """Whether the question sets the term apart: in quotation marks, or as a short name the
    notice defines ("以下简称…")."""
    quoted = re.search(rf"[“\"「『']\s*{re.escape(term)}\s*[”\"」』']", text, re.IGNORECASE)
    return bool(quoted) or is_defined(term)


def is_defined(term: str) -> bool:
    """Whether the notice defines the term as a short name ("以下简称…", "together “…”")."""
    low = term.lower()
    return any(re.search(rf"简称{re.escape(term)}", u.text.zh) or
               re.search(rf"together “{re.escape(low)}”", u.text.en.lower()) for u in UNITS)


def places(term: str) -> list[Unit]:
    """The most specific units whose text uses ``term`` (at most MAX_PLACES; [] for none or
    too many to be a definition)."""
    zh = is_zh(term)
    low = term.lower()
    found = [u for u in UNITS if (low in u.text.zh if zh else low in u.text.en.lower())]
    defining = [u for u in found if re.search(rf"简称{re.escape(term)}|(?:called|together) “?{re.escape(low)}",
                                              u.text.zh if zh else u.text.en.lower())]
    if defining:
        found = defining
    # A unit whose text holds another found unit's text is the less specific of the two.
    specific = [u for u in found if not any(o is not u and o.text.zh in u.text.zh
                                            and len(o.text.zh) < len(u.text.zh) for o in found)]
    specific.sort(key=lambda u: (_SPECIFIC.index(u.kind) if u.kind in _SPECIFIC else 99,
                                 len(u.text.zh)))
    return specific if 0 < len(specific) <= MAX_PLACES else []
