"""The reply language: the language of each message, unless the user asked for one.

The reply language follows the language of each message
(:func:`bot.precheck.language.message_language`), unless the user asked for a language explicitly
("请用英文回答", "in Chinese please"): that preference wins until the user asks for the
other language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.notice import LANGS, Lang
from bot.precheck.language import message_language

_ZH_WORDS = r"(?:中文|汉语|漢語|普通话|chinese|mandarin)"
_EN_WORDS = r"(?:英文|英语|英語|english)"
_POLITE = r"(?:请|請|麻烦|可以|能|能不能|可不可以|please|pls|could you|can you|can we|let's|lets)?"
_VERB = (r"(?:用|说|講|讲|改用|换成|換成|切换到|切換到|切换成|切换为|换到|回复|回答|使用|speak|talk|"
         r"answer|reply|respond|write|switch to|switch|change to|in)?")
_TAIL = (r"(?:回答|回复|交流|沟通|说|吧|版|版本|谢谢|please|pls|thanks|only|instead|mode|now|"
         r"from now on|version)*")


def _switch_pattern(words: str) -> re.Pattern[str]:
    return re.compile(
        rf"^\s*{_POLITE}\s*{_VERB}\s*(?:in\s+)?{words}\s*{_TAIL}\s*{_TAIL}\s*[。.!！?？~]*\s*$",
        re.IGNORECASE,
    )


_SWITCH = {"zh": _switch_pattern(_ZH_WORDS), "en": _switch_pattern(_EN_WORDS)}


def requested_language(text: str) -> Lang | None:
    """The language a message explicitly asks for ("请用英文回答" → "en"), or None.

    Only a message that is a language request as a whole counts: "What is 附件1 in
    Chinese?" is a question, not a request.
    """
    if not text or len(text) > 60:
        return None
    cleaned = re.sub(r"[,，、]", " ", text.strip())
    for lang in LANGS:
        if _SWITCH[lang].match(cleaned):
            return lang
    return None


# Short answers that Chinese users type too; they keep the current language.
_NEUTRAL = frozenset({"ok", "okay", "yes", "no", "yep", "nope", "y", "n", "yeah"})


@dataclass(frozen=True)
class LanguageState:
    """The reply language and the user's explicit preference, if any."""

    language: Lang = "zh"
    preferred: Lang | None = None

    def observe(self, text: str | None, requested: str | None = None) -> LanguageState:
        """The state after the user's message ``text``.

        ``requested`` is a language asked for by a button payload; an explicit request in
        the text itself counts the same.  Otherwise an explicit preference wins, and
        without one the message's own language decides.
        """
        wanted = requested if requested in LANGS else requested_language(text or "")
        if wanted:
            return LanguageState(language=wanted, preferred=wanted)  # type: ignore[arg-type]
        if self.preferred:
            return replace(self, language=self.preferred)
        if (text or "").strip(" .!?。！？").lower() in _NEUTRAL:
            return self
        lang = message_language(text or "", self.language)
        return replace(self, language=lang if lang in LANGS else "zh")  # type: ignore[arg-type]
