""""考试章程和机构章程是一个东西吗", "what is the difference between A and B": two things
of the notice asked about side by side.  Each side is looked up on its own; the answer
gives both places, so the applicant sees what the notice says of each."""

from __future__ import annotations

import re

from bot.dialogue.normalise import normalise

_ZH = re.compile(
    r"^(?:请问|那)?(?P<a>[^，,。？?]{2,24}?)(?:和|与|跟|同|以及)(?P<b>[^，,。？?的]{2,24}?(?:[里中]的[^，,。？?的]{1,10})?)(?:的(?P<tail>[^，,。？?比有是的]{1,8}))?(?:之间)?的?"
    r"(?:有(?:什么|啥|哪些)?(?:区别|不同|差别|差异|不一样)|区别|不同|差别|差异|差在哪|(?:哪里|哪儿|哪些地方)(?:不一样|不同)|不一样在哪|(?:是)?(?:一样|相同|一回事|一个东西|同一个)|"
    r"(?:比)?.{0,4}(?:多了|少了))")
_EN = re.compile(
    r"(?:difference|differences|differ) between (?:the )?(?P<a>.{3,60}?) and (?:the )?(?P<b>.{3,60}?)"
    r"(?:\?|\.|$)|^(?:is|are) (?:the )?(?P<a2>.{3,60}?) (?:the same (?:thing )?as|different from|"
    r"identical to) (?:the |our )?(?P<b2>.{3,60}?)(?:\?|\.|$)|^(?:what is |how is )?(?:the )?(?P<a3>.{3,60}?) "
    r"(?:vs\.?|versus) (?:the )?(?P<b3>.{3,60}?)(?:\?|\.|$)|\b(?:does|do) (?:the )?(?P<a4>.{3,60}?) have that "
    r"(?:the )?(?P<b4>.{3,60}?) (?:does not|doesn't|do not|don't)", re.IGNORECASE)


def sides(text: str) -> tuple[str, str] | None:
    """The two things a comparison question sets side by side, or None."""
    text = normalise(text).strip()
    m = _ZH.search(text) or _EN.search(text)
    if not m:
        return None
    named = m.groupdict()
    tail = named.pop("tail", None)
    groups = [g for g in named.values() if g]
    if len(groups) < 2:
        return None
    a, b = (g.strip(" “”\"'") for g in groups[:2])
    if tail:  # "汇总表和注册表的证书表": the tables of both forms
        a, b = (f"{x}的{tail}" if "的" not in x else x for x in (a, b))
    elif "的" in a and "的" not in b:  # "汇总表的单位基本信息跟注册表": the same part of both
        b = f"{b}{a[a.index('的'):]}"
    elif "的" in b and "的" not in a:  # "汇总表和注册表里的证书信息表": likewise
        cut = b.index("的") - (1 if b[b.index("的") - 1] in "里中" else 0)
        a = f"{a}{b[cut:]}"
    if not a or not b or a == b:
        return None
    return a, b
