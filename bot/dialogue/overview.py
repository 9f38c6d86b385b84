"""Replies about the notice as a whole: its outline (six parts, two annexes), a summary (its
title and parts), and the one thing it leaves open about the plan's days."""

from __future__ import annotations

import datetime as dt
import re

from bot.dialogue.dates import format_date
from bot.dialogue.render import render_units, silent_reply
from bot.dialogue.reply import Reply
from bot.i18n import t
from bot.notice import NOTICE
from bot.notice.units import UNITS_BY_ID

OUTLINE = re.compile(
    r"(?:正文|通知|文件|这个文)\S{0,8}(?:几部分|几个部分|哪几部分|哪些部分|几大部分|结构|框架|几大块|大纲|目录|分了几)"
    r"|明确如下\S{0,12}(?:几个方面|几个部分|几部分|几点|几条|哪几个方面)|(?:一共|总共)?明确了(?:几个方面|几点|哪几个方面)"
    r"|(?:structure|outline|parts|sections) of (?:the|this) notice|how is (?:the|this) notice (?:structured|"
    r"organi[sz]ed|divided)|how many parts (?:does|has) (?:the|this) notice", re.IGNORECASE)


# "大概讲讲这个通知的主要内容", "summarise the notice", "一句话说下这通知管啥": what it is
# about (its title) and its parts.
SUMMARY = re.compile(
    r"(?:通知|文件|这个文|这份文)\S{0,10}(?:主要内容|大概内容|核心内容|(?:主要)?讲(?:了|的)?(?:是)?(?:些)?(?:什么|啥|哪些)|说(?:了|的)?(?:是)?(?:些)?(?:什么|啥)|"
    r"概括|总结|概述|一句话|管的?是?(?:什么|啥))|(?:主要内容|大概内容|概括|总结|概述)\S{0,6}(?:通知|文件)|"
    r"\bsummar(?:y|i[sz]e)\b.{0,30}\bnotice\b|\bnotice\b.{0,30}\bsummar(?:y|i[sz]e)\b|\bmain (?:contents?|points)\b|"
    r"\boverview of (?:the|this) notice\b|\bin (?:one|a) sentence\b.{0,60}\bnotice\b|\bwhat(?:'s| is| does) "
    r"(?:the|this) notice (?:about|cover)\b", re.IGNORECASE)


def plan_days_open(lang: str) -> Reply:
    """The plan's clause quoted, then: the notice does not say which kind of days it counts."""
    silent = silent_reply("plan_day_kind", lang)
    quoted = render_units([UNITS_BY_ID["6.assessment_plan"]], lang)
    return Reply(f"{quoted.text}\n{silent.text}", silent.buttons)


def summary(lang: str) -> Reply:
    """What the notice is about (its title, quoted) and its parts."""
    title = UNITS_BY_ID["header.title"]
    lead = render_units([title], lang).text.split("\n")[0]
    return Reply(f"{lead}\n{outline(lang).text}")


def outline(lang: str) -> Reply:
    """The notice's six parts by their headings, and its two annexes."""
    sep = "；" if lang == "zh" else "; "
    parts = sep.join(f"{UNITS_BY_ID[i].ref.get(lang)}{'、' if lang == 'zh' else ': '}"
                     f"{UNITS_BY_ID[i].title.get(lang)}" for i in "123456")
    annexes = UNITS_BY_ID["header.annexes"]
    text = t("unit_outline", lang, parts=parts, annexes=annexes.text.get(lang))
    return Reply(f"{text}\n{t('unit_source', lang, cites=annexes.cite(lang))}")


def dates_apart(lang: str) -> str:
    """The day the notice was signed and the day it was printed, and the days between."""
    signed, printed = (dt.date.fromisoformat(d) for d in (NOTICE.signed, NOTICE.printed))
    return t("notice_dates_apart", lang, signed=format_date(signed, lang, weekday=False),
             printed=format_date(printed, lang, weekday=False), n=(printed - signed).days)
