"""The shape of a question, apart from its subject: a statement to confirm ("45个工作日，
对吗？") and the counts in it, a question about both parties at once, the time limits asked about
together, a question that points at the notice itself ("在文件哪个位置") or sets one thing aside ("除了…还要…")."""

from __future__ import annotations

import re

from bot.dialogue.normalise import normalise
from bot.dialogue.retrieval import Hit, is_zh, search
from bot.notice.units import UNITS_BY_ID, Unit

_INSTITUTION_EN = r"(?:institutions?|partners?|sides?|part(?:y|ies)|bodies|organi[sz]ations?)\b"
_BOTH_PARTIES = re.compile(
    r"双方|两方|两边|中外(?:机构|合作)?\S{0,2}都|(?:外方|境外|外国)\S{0,3}(?:中方|国内)(?!\S{0,2}(?:文|语|版))"
    r"|(?:中方|国内)\S{0,3}(?:外方|境外|外国)(?!\S{0,2}(?:文|语|版))"
    r"|\bboth (?:sides|parties|institutions|partners|organi[sz]ations|bodies)\b|\beach (?:side|party)\b"
    r"|\bboth the foreign (?:and (?:the )?chinese )?" + _INSTITUTION_EN +
    r"|\bforeign and (?:the )?chinese " + _INSTITUTION_EN + r"|\bchinese and (?:the )?foreign " + _INSTITUTION_EN,
    re.IGNORECASE)
_PARTY_WORDS = re.compile(
    r"中外双方|双方|两方|两边|两家|外方机构|中方机构|中方合作机构|外方|中方|境外|国内|外国|都"
    r"|\bboth (?:the )?(?:sides|parties|institutions|partners|organi[sz]ations|bodies)?\b|\beach (?:side|party)\b"
    r"|\b(?:the )?foreign (?:institution|body|side|party)?\b|\b(?:the )?chinese (?:partner|institution|side|party)?\b"
    r"|\band\b(?= (?:the )?(?:chinese|foreign))", re.IGNORECASE)


# "申请后45个工作日内作决定，这个对吗？", "We must send the plan 45 days in advance?": a
# statement the user wants confirmed.
# The words that end a statement to confirm ("…，对吧？"); also bot.dialogue.claims and split.
CONFIRM_WORDS_ZH = "对不对|对不|对吧|是吧|是吗|对吗|没错吧|没错吗|是不是这样|是真的吗"
_CLAIM = re.compile(
    r"(?:" + CONFIRM_WORDS_ZH + r"|吧|我理解得?对吗|理解正确吗)[？?。！!]*$|^(?:是不是|听说|据说)"
    r"|\b(?:isn'?t|aren'?t|doesn'?t|don'?t|wasn'?t|won'?t|can'?t|shouldn'?t) (?:it|that|they|we|there)\s*\??$"
    r"|\bis it (?:true|correct|right)\b|\b(?:right|correct|true|yes)\s*\?$|^(?:so|just to confirm|to confirm"
    r"|am i right that|do i understand correctly that)\b|\bam i right\b|\bisn'?t (?:it|that) (?:so|right)\b"
    r"|^(?:we|the|it|you|our|they|applications?|approval|decisions?)\b[^?]*\b\d+\b[^?]*\?$", re.IGNORECASE)
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20,
               "thirty": 30, "forty-five": 45, "forty five": 45, "sixty": 60, "ninety": 90}
# A count and what it counts: days (工作日, 天, 日), months, categories, parts, items, rows.
_FAMILIES = (("day", r"工作日|自然日|日历日|天|日|(?:working |business |calendar )?days?"), ("month", r"月|months?"),
             ("org", r"家|(?:chinese |foreign |cooperating |partner )?(?:partners?|institutions?|organi[sz]ations?)\b"),
             ("category", r"类|categor(?:y|ies)|kinds?"), ("part", r"部分|parts?|sections?"),
             ("item", r"项|items?"), ("row", r"行|rows?"))
_COUNT = re.compile(
    r"(?<![附件第\d])(?P<n>\d+|[一二两三四五六七八九十]{1,3}|\b(?:" + "|".join(_EN_NUMBERS) + r")\b)\s*"
    r"(?:个)?\s*(?P<what>" + "|".join(f"(?P<{k}>{p})" for k, p in _FAMILIES) + ")", re.IGNORECASE)


def number_value(word: str) -> int | None:
    """"3", "三", "十二" or "three" as a number, or None."""
    if word.isdigit():
        return int(word)
    if word.lower() in _EN_NUMBERS:
        return _EN_NUMBERS[word.lower()]
    if "十" in word:
        head, _, tail = word.partition("十")
        if len(head) > 1 or len(tail) > 1:
            return None
        return _CN_DIGITS.get(head, 1) * 10 + _CN_DIGITS.get(tail, 0)
    return _CN_DIGITS.get(word) if len(word) == 1 else None


def is_claim(text: str) -> bool:
    """Whether a message states something and asks whether it is right."""
    return bool(_CLAIM.search(text.strip()))


def counts(text: str) -> set[tuple[str, int]]:
    """The counts a text names with what they count: {("day", 10), ("category", 4)}
    ("前10日", "分4类", "ten days", "四十五个工作日"); a label ("附件1", "第三部分") is no count."""
    found = set()
    for m in _COUNT.finditer(normalise(text)):
        value = number_value(m.group("n"))
        family = next(k for k, _ in _FAMILIES if m.group(k))
        if value is not None:
            found.add((family, value))
    return found


def both_parties(text: str) -> bool:
    """Whether a question is about the foreign and the Chinese institution together."""
    return bool(_BOTH_PARTIES.search(text))


def without_parties(text: str) -> str:
    """The question without the words naming the parties ("中方外方都要交机构章程吗" → "要交机构章程吗")."""
    return re.sub(r"\s{2,}", " ", _PARTY_WORDS.sub(" ", text)).strip(" 、，,")


# "申请表在文件哪个位置", "where in the notice is ...": where the notice says it, i.e. the
# thing itself (its answer cites the place); the words about the notice only blur the search.
_WHERE_IN_NOTICE = re.compile(
    r"(?:在|于)?(?:这个|这份|本|该)?(?:通知|文件|文中|文里|正文)(?:里|中|当中)?的?(?:是)?"
    r"(?:用在|出现在|提到|写在|放在|规定在|在)?(?:哪个位置|什么位置|哪里|哪儿|哪部分|哪个部分|什么地方|哪一部分|第几部分)"
    r"|\bwhere (?:in|within) (?:the|this) (?:notice|document)\b(?: (?:is|are|does it (?:mention|say)))?"
    r"|\bin which part of the (?:notice|document)\b", re.IGNORECASE)
# "除了汇总数还要附名册吗": the thing asked after 除了…还 is the subject, not the one set aside.
_BESIDES = re.compile(r"除了[^，,。？?]{1,20}?(?:以外|之外)?[，,]?(?=还|另外|也)")
_BESIDES_REST = re.compile(r"还|另外|也|要|需要|得|吗|呢|什么|哪些|啥|别的|其他|其它|提交|交|附|[？?。，,\s]")


_ANNEX_NUMBER = ((re.compile(r"附件\s*(?:1|一)(?!\d)|\bannex\s*(?:1|i)\b", re.I), "annex1"),
                 (re.compile(r"附件\s*(?:2|二)(?!\d)|\bannex\s*(?:2|ii)\b", re.I), "annex2"))


_COUNT_DIGITS = re.compile(r"(?<![附件第（(\d.])(?<!annex )(?<!Annex )(?<!part )(?<!Part )\d+(?![.）)\d])")


# "附件2要写啥", "What goes in Annex 1?": the form as a whole, nothing else named.
_WHOLE_FORM = re.compile(r"^\W*(?:附件\s*[12一二]|(?:the )?annex\s*[12]|what (?:goes|is|do we (?:write|put|fill in)) in "
                         r"(?:the )?annex\s*[12])\W*(?:里|里面|中)?(?:都|一共|主要|具体)?(?:要|需要|得)?(?:写|填|填写|包括|包含|有)"
                         r"(?:些|的是)?(?:啥|什么|哪些|哪些内容|什么内容|啥内容)?\W*$|^\W*what (?:goes|is|do we (?:write|put|fill in))"
                         r" in (?:the )?annex\s*[12]\W*$|^\W*附件\s*[12一二]\W*(?:的)?(?:全称|名称|全名|标题|名字)(?:是|叫)?(?:什么|啥)?\W*$|"
                         r"^\W*附件\s*[12一二]\W*(?:叫|是)(?:什么|啥)(?:名字|表)?\W*$|"
                         r"\b(?:full )?(?:name|title) of (?:the )?annex\s*[12]\b|\bannex\s*[12]'?s? (?:full )?(?:name|title)\b",
                         re.IGNORECASE)


def named_annex(hits: list[Hit], text: str) -> list[Hit]:
    """"附件1是什么表": of the two forms, the one named by its number."""
    text = normalise(text)  # "附建2全称叫什么"
    named = [key for rx, key in _ANNEX_NUMBER if rx.search(text)]
    if len(named) != 1 or not hits:
        return hits
    if _WHOLE_FORM.search(text.strip()):
        whole = UNITS_BY_ID[named[0]]
        return [Hit(whole, 1.0)]  # picked, as a part named by its number is
    other = "annex2" if named[0] == "annex1" else "annex1"
    if not any(h.unit.id.split(".")[0] == named[0] for h in hits[:3]):
        return hits
    return [h for h in hits if h.unit.id.split(".")[0] != other]


def core_question(text: str) -> tuple[str, str]:
    """(the question without the words that point at the notice itself, "the thing set
    aside|the words asked after it" or "")."""
    core = _WHERE_IN_NOTICE.sub(" ", text).strip()
    aside = ""
    m = _BESIDES.search(core)
    if m and len(_BESIDES_REST.sub("", core[m.end():])) >= 2:
        aside = f"{m.group(0)[2:]}|{core[m.end():]}"  # the search keeps both; see not_aside
    return (core, aside) if len(core) >= 2 else (text, "")


def not_aside(hits: list[Hit], aside: str) -> list[Hit]:
    """The hits without the one the question set aside ("除了汇总数…"), when another is near
    and the words after 还 point elsewhere ("除了报计划还要接受谁的监督检查": the same clause)."""
    if not aside or len(hits) < 2:
        return hits
    set_aside, asked = aside.split("|", 1)
    theirs, own = search(set_aside), search(asked)
    if own and own[0].unit.id == hits[0].unit.id:
        return hits
    if theirs and hits[0].unit.id == theirs[0].unit.id and hits[1].score >= 0.8 * hits[0].score:
        return hits[1:] + hits[:1]
    return hits



def without_counts(text: str) -> str:
    """The question with its counts ("45", not "附件1" or "三（一）1") blanked out."""
    return _COUNT_DIGITS.sub(" ", text)


_ALL_LIMITS = re.compile(
    r"(?:所有|全部|哪些|几个|几项|几种|各项|各个)(?:的)?(?:时间|期限|时限|截止)|(?:时间|期限|时限)(?:要求|节点)?(?:都|全|有哪些|有几个|列)"
    r"|\b(?:all|every|each) (?:the )?(?:time limits?|deadlines?|time requirements?)|what (?:time limits|deadlines)"
    r"|(?:list|summari[sz]e) (?:all )?(?:the |of )?(?:time limits|deadlines)", re.IGNORECASE)
TIME_LIMIT_UNITS = ("4.3", "6.assessment_plan", "6.annual_report")
# "办理时限、鉴定计划提前天数、年报时间，分别是多少？": two or three of the time limits, named.
_LIMIT_NAMES = (
    re.compile(r"(?:审批|办理|审核)(?:时限|期限|时间|要多久)|出结果|(?:45|四十五)\s*个?工作日|"
               r"\b(?:decision|approval|processing) (?:time|period|deadline)|\b45 working days\b", re.IGNORECASE),
    re.compile(r"鉴定计划|提前(?:几|多少)?天|(?<![\d月])(?:10|十)\s*(?:日|天)|\b(?:assessment )?plans?\b|\b(?:10|ten) days\b",
               re.IGNORECASE),
    re.compile(r"年报|年度(?:汇总|报告)|汇总表|(?:12|十二)月底|年底|\bannual\b|\bdecember\b", re.IGNORECASE),
)
_ENUMERATED = re.compile(r"[、，,和及]|以及|\band\b", re.IGNORECASE)


def time_limits(text: str) -> list[Unit]:
    """The time limits a question asks about together: all three ("所有的期限") or the two or
    three it names; else none."""
    if _ALL_LIMITS.search(text):
        return [UNITS_BY_ID[u] for u in TIME_LIMIT_UNITS]
    named = [UNITS_BY_ID[u] for u, rx in zip(TIME_LIMIT_UNITS, _LIMIT_NAMES, strict=True)
             if rx.search(text)]
    return named if len(named) >= 2 and _ENUMERATED.search(text) else []


# A follow-up's marks: "呢", "那…", "也行吗", "and …", "… too?".
FOLLOW_ZH = re.compile(r"呢[？?。!！]*$|^(?:那|那么|那个|还有|这个|它|他们|这些)|^(?:谁|哪|几|多|什么)|"
                        r"也(?:行|可以|算|要|适用|一样|能|需要|得)(?:吗|不|么)?[？?。!！]*$")
FOLLOW_EN = re.compile(r"^(?:(?:ok(?:ay)?|well|right|fine|alright)[,\s]+)?(?:and|what about|how about|and what about|so|then|"
                       r"what if)\b|\b(?:it|that"
                        r"|they|them|this one)\b|\b(?:too|as well)\s*\??$", re.IGNORECASE)


def is_elliptical(text: str) -> bool:
    stripped = re.sub(r"[\s？?。.!！，,]", "", text)
    if is_zh(text):
        return len(stripped) <= 8 or bool(FOLLOW_ZH.search(text.strip()))
    words = text.split()
    return len(words) <= 4 or bool(FOLLOW_EN.search(text.strip()))


# A document number in the user's words: "桂人社规〔2020〕12号", "Gui Ren She Gui [2020] No. 12".
_DOC_NUMBER = re.compile(r"桂人社(?P<s1>[规发函])\s*[〔\[(（【]?\s*(?P<y1>\d{4})\s*[〕\])）】]?\s*(?:第)?\s*(?P<n1>\d+)\s*号|"
                         r"gui\W*ren\W*she\W*gui\W*[\[(]?\s*(?P<y2>\d{4})\s*[\])]?\W*(?:no\.?|number|#)?\s*(?P<n2>\d+)",
                         re.IGNORECASE)


def document_number(text: str) -> tuple[str, int, int] | None:
    """(series, year, number) of a notice number of the department's the message names
    ("桂人社发〔2020〕12号" is another series than 桂人社规), or None."""
    m = _DOC_NUMBER.search(normalise(text))
    if m is None:
        return None
    return m.group("s1") or "规", int(m.group("y1") or m.group("y2")), int(m.group("n1") or m.group("n2"))


# A question about weekends and holidays ("那节假日算不算", "do weekends count?").
HOLIDAYS = re.compile(r"节假日|假期|周末|双休|国庆|春节|元旦|五一|清明|端午|中秋|长假|七天假|黄金周|放假|调休|圣诞|"
                      r"holidays?|weekends?|christmas|new year|easter|golden week|days? off", re.IGNORECASE)
# ... asked whether they count in a period ("国庆那七天假算在里面吗", "does Christmas count?").
COUNTS_IN = re.compile(r"算在里面|算进去|算在内|计入|计算在内|算不算|包不包括|包括|扣除|跳过|顺延|"
                       r"\bcount(?:s|ed)?\b|\binclud\w*|\bexclud\w*|\bskip\w*|\bextend\w*", re.IGNORECASE)


def whole_counted(text: str, stated: bool = False) -> Unit | None:
    """"四类材料分别是啥": the part whose categories the question counts (all of them); a count
    ``stated`` to be checked ("材料是分三类吗") names the part whatever the number; or None."""
    from bot.notice.units import children

    said = {n for kind, n in counts(text) if kind == "category"}
    if len(said) != 1:
        return None
    n = said.pop()
    sizes = {u.id: sum(1 for k in children(u.id) if k.kind == "category")
             for u in UNITS_BY_ID.values() if u.kind == "part"}
    parts = [uid for uid, size in sizes.items() if size and (stated or size == n)]
    return UNITS_BY_ID[parts[0]] if len(parts) == 1 else None
