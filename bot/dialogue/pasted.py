"""Text pasted from the notice ("“发现违法违规行为依法查处并公开结果”是什么意思"): which unit
the words come from, so that it is identified, explained and cited."""

from __future__ import annotations

import re

from bot.dialogue.retrieval import is_zh
from bot.notice.units import UNITS, Unit


def is_pasted(text: str, unit: Unit, window: int = 14) -> bool:
    """Whether the message quotes the unit's words (pasted from the notice)."""
    if is_zh(text):
        body, source = re.sub(r"[\s“”‘’「」\"']", "", text), unit.text.zh
    else:  # English keeps its spaces: five or six words in a row, not one long word
        body, source = re.sub(r"\s+", " ", text.lower()), re.sub(r"\s+", " ", unit.text.en.lower())
        window *= 3
    found = [i for i in range(0, len(body) - window + 1, 3) if source and body[i:i + window] in source]
    # most of the message, not a name list inside a question of its own ("Do the Nanning, … areas …?")
    return bool(found) and (found[-1] - found[0] + window) >= len(body) * 2 / 3


def quoted_unit(text: str, best: Unit) -> Unit | None:
    """The smallest unit that holds the words pasted ("“…”是个啥性质的事项": the approval item,
    not the title that also holds them), or None when ``best`` (the unit found) is not quoted."""
    if not is_pasted(text, best):
        return None
    return min([best] + [u for u in UNITS if u.kind != "part" and is_pasted(text, u)], key=lambda u: len(u.text.zh))
