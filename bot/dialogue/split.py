"""Several questions in one message, and the question inside a story.

People ask two things at once ("谁审批，要多久？", "审批找谁 然后材料要是英文的咋办",
"一是……二是……", "(a) … (b) …", "who approves and how long does it take?") and wrap a
question in its background ("我们是南宁一家培训学校……你帮我说说受理以后是什么流程").
A message is cut into clauses; a clause that asks something is a question, and the clauses
before it that do not ask (the background) are read with it.
"""

from __future__ import annotations

import re

from bot.dialogue.retrieval import is_zh as _is_zh
from bot.dialogue.shape import CONFIRM_WORDS_ZH

_CJK = re.compile(r"[\u4e00-\u9fff]")

# What makes a Chinese clause a question (or a request for an explanation).
_ASK_ZH = re.compile(
    r"谁|哪|多久|多长|多少|几|什么|啥|怎么|怎样|如何|吗|么|能否|是否|可否|要不要|能不能|有没有|呢|"
    r"行不行|可不可以|可以不|对不对|是不是|算不算|用不用|需不需要|会不会|够不够|咋|对吧|是吧|对吗|没错吧|还是|"
    r"说说|讲讲|介绍一下|解释一下|告诉我|说明一下|请问|[？?]$")
_ASK_EN = re.compile(r"^(?:and |so |also |then )?(?:is|are|was|were|do|does|did|can|could|must|"
                     r"should|may|will|would|has|have|need)\b|\b(?:who|what|when|where|which|how|"
                     r"why|whether|explain|tell me|describe|list)\b|\bor not$|\?$", re.IGNORECASE)

# Where a Chinese message is cut: sentence ends, commas, runs of spaces typed for commas,
# and the words that introduce a second question.
_CUT_ZH = re.compile(r"[？?；;！!。]+|[，,、]\s*|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|"
                     r"(?:另外|还有就是|还有|以及|并且|同时|然后|再就是|再问一下|顺便问一下|"
                     r"(?<![\u4e00-\u9fff])[一二三四]是|第[一二三四][，,：:]|(?:^|(?<=\s))[（(]?[1-4][)）.、])")
_CUT_EN = re.compile(r"[?;!]+\s*|(?<=[a-z0-9])\.\s+|\s*\((?:[a-d]|[1-4]|i{1,3}|iv)\)\s*|"
                     r",?\s+and\s+(?:(?:to|from|by|in|for|with|at|within|under|on)\s+)?(?=(?:who|what|when|where|which|how|whether|is|are|do|does|can|"
                     r"must|should)\b)|,\s*(?:and\s+)?also\s+|\s+and\s+also\s+|,\s*(?=(?:who|what|when|where|which|how|whether|must|can|do|does|is|are)\b)|"
                     r":\s+", re.IGNORECASE)

_WH_ZH = re.compile(r"谁|哪|几|多久|多少|什么|啥")
MIN_CLAUSE = {"zh": 3, "en": 2}
SHORT = {"zh": 10, "en": 6}  # a question this short (characters / words) takes its background

# Clauses that only announce questions ("我想问两个事", "他问两件事", "I have two questions").
_META = re.compile(r"^(?:我|他|她|我们|老板|客户|对方)?.{0,6}(?:想|要|有)?问(?:下|一下)?.{0,2}"
                   r"(?:[两几二三四]|一些)(?:个|件)?(?:事|问题)|^(?:two|a few|several|some) questions|"
                   r"\bi have (?:two|a few|several|some) questions|^(?:问题如下|如下)$|^(?:two|three|four|a few|several) "
                   r"(?:things|questions|points)\b|^(?:(?:a |one )?quick question|one (?:more )?question|a question|"
                   r"question)(?: first| for you)?$|^(?:btw|by the way)$|^(?:顺便|另外|还有)?(?:问一下|问个问题|问一句)$|"
                   r"^(?:[两二三四几]|一些)(?:件事|个问题)$|^(?:另外|还有|再)?问(?:[两二三四几]|一些)(?:个|件)?$|"
                   r"^(?:不对|不是|错了|搞错了)(?:[，,\s]*(?:不对|不是|错了))*$|"
                   r"^(?:sorry|oops)?,?\s*(?:i )?(?:mixed (?:that|it|them) up|got (?:that|it) wrong|was wrong|misspoke)$|"
                   r"^what i (?:meant|mean|wanted to ask)(?: was| is)?$|"
                   r"^(?:那)?(?:我|我们)?(?:该|应该|要|得)?(?:怎么|如何|咋)(?:回答|答复|回复|解释|跟(?:他|她|他们|对方|客户)说)"
                   r"(?:他|她|他们|对方|客户)?(?:呢|啊)?$|^how (?:should|do|can) (?:i|we) (?:answer|reply|respond)\b.{0,20}$|"
                   r"^(?:just |please )?(?:list|tell|show|give) (?:me |us )?(?:them|it|those)(?: please)?"
                   r"(?:[,.;]?\s*(?:there'?s |there is )?no need to (?:assess|check|evaluate|test) (?:us|me))?$|"
                   r"^(?:there'?s |there is )?no need to (?:assess|check|evaluate|test) (?:us|me|our \w+)$|"
                   r"^(?:只要|只需)?(?:列出来|列一下|说一下)(?:就行|就好|就可以)?$|^(?:不用|不需要|别)(?:帮我们?)?(?:评估|测|自测|核对|检查)(?:我们)?$",
                   re.IGNORECASE)
_CONFIRM_ONLY = re.compile(r"^(?:" + CONFIRM_WORDS_ZH + r"|是不是|对么|是么|"
                           r"right|correct|is that right|is that correct|isn'?t it|true)[？?!！。.]*$", re.IGNORECASE)
# (not "考评人员那张": a noun and "that one" of it name their own thing)
_POINTER = re.compile(r"这些|这个|它们|它|他们|(?<![\u4e00-\u9fff])那|那(?![张份])|those|these|they|them|\bit\b|this",
                      re.IGNORECASE)


def clauses(text: str) -> list[tuple[str, bool]]:
    """The message's clauses in order, each with whether it asks something."""
    zh = _is_zh(text)
    cut = _CUT_ZH if zh else _CUT_EN
    ask = _ASK_ZH if zh else _ASK_EN
    out: list[tuple[str, bool]] = []
    for piece in cut.split(text):
        piece = (piece or "").strip(" ，,。.：:")
        if not zh:
            piece = re.sub(r"[\s,]+(?:and|or)$", "", piece).strip(" ,.:")
        if not piece:
            continue
        size = len(_CJK.findall(piece)) if zh else len(piece.split())
        if _META.search(piece):
            continue
        if zh and piece.startswith("还是") and out:
            # "……银行资信证明，还是中方提交": the other half of one choice question.
            out[-1] = (f"{out[-1][0]}，{piece}", True)
            continue
        if out and _CONFIRM_ONLY.match(piece):
            # "审批是自治区人社部门负责，对不？": the statement is what is asked.
            out[-1] = (f"{out[-1][0]}{'，' if zh else ', '}{piece}", True)
            continue
        strong = zh and bool(_WH_ZH.search(piece))  # "哪天", "谁批": short, yet a question
        out.append((piece, bool(ask.search(piece)) and (
            size >= MIN_CLAUSE["zh" if zh else "en"] or strong and size >= 2)))
    return out


def questions(text: str) -> list[str]:
    """The questions of a message, each with the background before it ([text] for one)."""
    parts = clauses(text)
    asked = [i for i, (_, q) in enumerate(parts) if q]
    if len(asked) < 2:
        return [text]
    zh = _is_zh(text)
    sep = "，" if zh else ", "
    out, start = [], 0
    for i in asked:
        own = parts[i][0]
        size = len(own) if zh else len(own.split())
        background = [p for p, q in parts[start:i] if not q]
        if size > SHORT["zh" if zh else "en"] and not _POINTER.search(own):
            background = []  # a question that says everything itself
        out.append(sep.join(background[-2:] + [own]))
        start = i + 1
    trailing = [p for p, _ in parts[start:]]  # "……，还是中方提交" belongs to the last question
    if trailing:
        out[-1] = sep.join([out[-1]] + trailing)
    return out


MIN_STORY = 28  # characters (an English word counts five): shorter is read as a whole


def focus(text: str) -> str | None:
    """The asking clause of a long message that holds one question inside its background,
    with the clause just before it, or None (a short message, or no clear question)."""
    zh = _is_zh(text)
    if (len(text) if zh else len(text.split()) * 5) < MIN_STORY:
        return None
    parts = clauses(text)
    asked = [i for i, (_, q) in enumerate(parts) if q]
    if len(asked) != 1 or len(parts) < 2 or len(parts) == 2 and (
            asked[0] != 0 or re.search(r"[?？]", parts[1][0] + text[-2:])):
        return None  # two clauses: only "question? background" (the other way, both are needed)
    i = asked[0]
    own = parts[i][0]
    size = len(own) if zh else len(own.split())
    if size > SHORT["zh" if zh else "en"] and not _POINTER.search(own):
        return own
    sep = "，" if zh else ", "
    return sep.join(p for p, _ in parts[max(0, i - 1):i + 1])


_PREAMBLE = re.compile(
    r"^(?:(?:a |one )?quick question(?: first| for you)?|one (?:more )?question|a question|unrelated|"
    r"off[- ]topic|btw|by the way|also|another thing|顺便问(?:一下|下)?|另外问(?:一下|下)?|问一下|问个问题|"
    r"另外|还有个问题|插一句|题外话|"
    # a question relayed at the help desk: "窗口同事转来一个问题：", "热线记录：市民咨询，"
    r"(?:窗口|前台|大厅|热线)?(?:的)?同事(?:转来|问)(?:一个|的)?(?:问题|咨询)?|热线记录|来电记录|来电咨询|电话咨询|市民咨询|客户咨询|"
    r"(?:客户|申请人|市民|企业|来电人)(?:来电)?(?:问|想问|想知道|咨询)|帮(?:客户|申请人)问(?:一下|下)?|"
    r"(?:a )?colleague (?:forwarded|passed on|sent) (?:this|me this|a question)|forwarded (?:question|from a colleague)|"
    r"(?:a )?caller (?:asks|asked|wants to know)|hotline (?:note|log|call)|(?:the )?(?:customer|applicant) (?:asks|asked|wants to know))"
    r"\s*[:：,，—–-]+\s*", re.IGNORECASE)


# "申请人问交完材料后…", "applicant wants to know whether…": who asks, then the question.
_ASKER = re.compile(r"^(?:申请人|客户|市民|来电人|对方|企业)(?:来电)?(?:问|想问|想知道|咨询)(?!题)[:：,，\s]*|"
                    r"^(?:the |an? )?(?:applicant|caller|customer|client)s? (?:wants|want|would like) to know\s*[:,]?\s*",
                    re.IGNORECASE)


# A letter's greeting and closing: "Dear Sir/Madam,", "您好！", "Best regards, J. Smith", "谢谢！"
_GREETING = re.compile(r"^\s*(?:dear (?:sir(?:\s*(?:/|or)\s*madam)?|madam|colleagues?|team|all|"
                       r"(?:mr|ms|mrs|dr)\.? ?[a-z]+)|hello(?: there)?|hi(?: there)?|good (?:morning|afternoon|evening)|"
                       r"您好|你好|老师(?:您)?好|领导好|各位好)(?:\s*[,，:：!！。.]\s*|\s+)", re.IGNORECASE)
_CLOSING = re.compile(r"(?<=[?？.!。！])\s*(?:(?:best|kind|warm|many)?\s*regards|sincerely|yours (?:faithfully|sincerely|truly)|"
                      r"(?:many )?thanks(?! to\b)(?: in advance)?|thank you(?: in advance)?|cheers|谢谢(?:您|你)?|多谢|此致敬礼|此致)"
                      r"(?![a-z])[^?？]{0,40}$", re.IGNORECASE)


def without_letter(text: str) -> str:
    """The message without a letter's greeting and closing (the question is in between)."""
    rest = _CLOSING.sub("", _GREETING.sub("", text.strip(), count=1)).strip()
    return rest if rest else text


def without_preamble(text: str) -> str:
    """The message without a lead-in such as "Quick question first:" or "顺便问一下，"."""
    rest = text.strip()
    for _ in range(3):  # "热线记录：市民咨询，…": one lead-in after another
        rest = _ASKER.sub("", _PREAMBLE.sub("", rest, count=1), count=1)
    return rest if rest.strip() else text
