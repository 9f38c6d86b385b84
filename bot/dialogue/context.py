"""The conversation's current subject, and the follow-ups that lean on it.

The subject (slots in :class:`bot.dialogue.state.State`): the unit last cited and the question
it answered, the one before (to come back to), the party (外方 / 中方), the FTZ area and the
time limit asked about.  An elliptical follow-up ("中方呢", "第三类呢", "第二项", "钦州港呢",
"推给谁", "and the Chinese partner?", "counted from when?") is read together with the last
question; a correction ("不对，我是问…", "I meant…") replaces the subject; "回到刚才…" goes
back to the one before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from bot.dialogue import claims, forms, ordinals, presence, refs, shape
from bot.dialogue.retrieval import Hit, is_zh, search
from bot.dialogue.shape import FOLLOW_EN, FOLLOW_ZH, is_elliptical
from bot.dialogue.state import State
from bot.notice.units import UNITS_BY_ID, Unit

OWN_STANDS = {"zh": 0.35, "en": 0.28}  # a follow-up scoring this on its own is read alone
CLEAR_OWN = 0.25  # … or this, twice the runner-up, with no follow-up word
NEAR_BONUS = 0.08
NEAR_CURRENT = 0.8  # a follow-up's second reading this close to its first, the current unit, wins
POINTER_OWN = 0.5  # a follow-up with "it"/"它" is read alone only when it scores this alone
_POINTS_BACK = re.compile(r"它们|它|这些|那些|这个|那个|这份|那份|上面|刚才|前面说的|\b(?:it|its|they|them|their|"
                          r"this|that|these|those|such)\b", re.IGNORECASE)
# The opening paragraph's units that name the document it cites, and that document's unit.
_CITED = "header.basis_document"
_CITES = frozenset({"header.basis", _CITED, "header.reform_pilot"})
_TO_CITED = re.compile(r"那个|那份|它|该文|\b(?:that|it)\b", re.IGNORECASE)
_THIS_NOTICE = re.compile(r"通知|本身|本文|\bthis (?:notice|document)|\bthe notice\b", re.IGNORECASE)
BARE_OWN = 0.7  # a bare follow-up ("交给谁") is read alone only when it scores this on its own

_CORRECTION = re.compile(
    r"^\s*(?:(?:哦|噢|啊|呃|唉|嗯)?[，,\s]*(?:不对|不是(?=[，,。.!！\s]|我|这|那|的[，,。\s]|啦|呀)|错了|搞错了|我搞错了|我弄错了|我打错了|我说错了|说错了|我问错了|问错了|更正一下|纠正一下)[，,。.!！\s]*)+"
    r"(?:我(?:是|想)?(?:问|说|指)的?是?|我是想问|我问的是|应该是)?[，,:：\s]*"
    r"|^\s*(?:我是说|我说的是|我指的是|我问的是|我想问的是|我是想问|我是问|我的?意思是|哦?我意思是)[，,:：\s]*"
    r"|^\s*我(?:不是|没)问[^，,。]{0,12}[，,]\s*(?:我)?(?:是)?(?:想)?(?:问|说)的?是?[，,:：\s]*"
    r"|^\s*(?:no|sorry|oops)?[,.!\s]*(?:i meant|i mean|what i meant was|i was asking about"
    r"|actually i meant)[,:\s]*", re.IGNORECASE)
_BACK = re.compile(r"(?:再)?回到(?:刚才|前面|之前|上面)(?:说|讲|问)?的?|(?:go|going|come) back to"
                   r"(?: the| what we said about| what you said about)?|back to", re.IGNORECASE)

_PARTIES = (("外方", ("外方", "境外", "外国", "国外机构", "老外")),
            ("中方", ("中方", "国内", "中国的", "合作机构")))
_PARTIES_EN = (("foreign", ("foreign", "overseas")),
               ("chinese", ("chinese partner", "chinese side", "chinese institution",
                            "local partner", "chinese cooperating", "chinese")))
_AREAS = ("南宁", "钦州港", "钦州", "崇左", "北海", "柳州", "桂林", "梧州", "防城港", "玉林", "百色",
          "贺州", "河池", "来宾", "贵港", "nanning", "qinzhou", "chongzuo", "beihai", "guilin",
          "liuzhou")
_TIME_LIMITS = (("decision", ("45", "审批", "决定", "工作日", "多久", "decision", "how long")),
                ("plan", ("10日", "鉴定计划", "提前", "plan", "in advance")),
                ("annual", ("12月", "年度", "每年", "annual", "december")))


def _party(text: str) -> str | None:
    low = text.lower()
    for key, words in _PARTIES if is_zh(text) else _PARTIES_EN:
        if any(w in low for w in words):
            return key if is_zh(text) else ("外方" if key == "foreign" else "中方")
    return None


def party_of(text: str) -> str | None:
    """The party a question names ("外方" / "中方"), if any."""
    return _party(text)


def area_of(text: str) -> str | None:
    """The place (FTZ area or other city) a question names, if any."""
    return _area(text)


def _area(text: str) -> str | None:
    low = text.lower()
    return next((a for a in _AREAS if a in low), None)


def _time_limit(text: str) -> str | None:
    low = text.lower()
    return next((k for k, words in _TIME_LIMITS if any(w in low for w in words)), None)


def remember(state: State, unit: Unit | None, query: str) -> State:
    """The state with ``unit`` as the subject, answered for ``query`` (a question answered
    without a unit keeps the unit and remembers the question)."""
    if unit is None:
        return replace(state, topic_query=query[:400] or state.topic_query,
                       topic_party=_party(query) or state.topic_party,
                       topic_area=_area(query) or state.topic_area,
                       topic_time_limit=_time_limit(query) or state.topic_time_limit)
    previous = state.topic_previous
    if state.topic_unit and state.topic_unit != unit.id and state.topic_query:
        previous = f"{state.topic_unit}|{state.topic_query}"[:400]
    return replace(state, topic_unit=unit.id, topic_query=query[:400], topic_previous=previous,
                   topic_party=_party(query) or state.topic_party,
                   topic_area=_area(query) or state.topic_area,
                   topic_time_limit=_time_limit(query) or state.topic_time_limit)


def _has_follow_word(text: str) -> bool:
    pattern = FOLLOW_ZH if is_zh(text) else FOLLOW_EN
    return bool(pattern.search(text.strip()))


_ASKING = re.compile(r"谁|哪(?:个|些|里|儿|一)?|什么|啥|时候|多久|多长|几|怎么|如何|吗|呢|么|那|还|要|是|"
                     r"的|了|给|向|跟|和|对|吧|啊|[\s？?。.!！，,]|\b(?:who|whom|what|when|where|which|"
                     r"how|why|is|are|do|does|it|that|they|them|this|and|to|from|for|with|about|"
                     r"the|a|so|then|by|at|of)\b", re.IGNORECASE)


def is_bare(text: str, parties: bool = False) -> bool:
    """Whether little but question words (and, with ``parties``, the party asked about) is
    left of the message ("推给谁？", "To whom?", "那中方合作机构呢")."""
    rest = text
    if parties:
        for _, words in _PARTIES + _PARTIES_EN:
            for w in sorted(words, key=len, reverse=True):
                rest = re.sub(re.escape(w), "", rest, flags=re.IGNORECASE)
        rest = re.sub(r"合作机构|机构|partner|side|institution|body", "", rest, flags=re.IGNORECASE)
    rest = _ASKING.sub("", rest)
    if is_zh(text) and len(rest) >= 2 and any(w in rest for w in _subject_words()):
        return False  # "谁审批": a word that names a part of the notice
    return len(rest) <= (2 if is_zh(text) else 8)


@lru_cache(maxsize=1)
def _subject_words() -> frozenset[str]:
    """The Chinese words that name a part of the notice: unit titles and aliases."""
    words = set()
    for unit in UNITS_BY_ID.values():
        for w in (unit.title.zh, *unit.aliases):
            w = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.]?\s*|情况$", "", w)
            if len(w) >= 2 and is_zh(w) and len(w) <= 6:
                words.add(w)
    return frozenset(words)


# The score of a unit the words point at ("第三部分", "都是…"), not one retrieval ranked.
PICKED = 1.0


def clause_key(unit: Unit) -> str:
    """The place in the notice a unit sits in ("六（三）", "附件1", "三（一）")."""
    ref = unit.ref.zh
    if unit.kind == "header":
        return unit.id  # each part of the header and footer is a place of its own
    if ref.startswith("附件"):
        return ref.split("·")[0]
    m = re.match(r"[一二三四五六](?:（[一二三四]）)?", ref)
    return m.group(0) if m else ref


def same_place(a: Unit, b: Unit) -> bool:
    """Whether two units sit in the same place (one clause within or equal to the other)."""
    ka, kb = clause_key(a), clause_key(b)
    return ka.startswith(kb) or kb.startswith(ka)


def substituted(previous: str, text: str) -> str | None:
    """The previous question with its party or area replaced by the follow-up's."""
    party, old_party = _party(text), _party(previous)
    if party and old_party and party != old_party:
        words = dict(_PARTIES)[old_party]
        out = previous
        for w in words:
            out = out.replace(w, party)
        if not is_zh(previous):
            out = re.sub(r"foreign|overseas", "Chinese partner", previous, flags=re.IGNORECASE) \
                if party == "中方" else re.sub(r"chinese (?:partner|side|institution)",
                                                 "foreign institution", previous,
                                                 flags=re.IGNORECASE)
        return out
    area, old_area = _area(text), _area(previous)
    if area and old_area and area != old_area:
        return re.sub(re.escape(old_area), area, previous, flags=re.IGNORECASE)
    return None


_NOT_THAT = re.compile(r"[，,]?\s*(?:而不是|不是|rather than|not)\s*[^，,。.？?]+[。.？?]?$", re.IGNORECASE)


# "不对，我问的是鉴定活动，不是发证", "I meant the representative office, not the partner":
# the previous question with one thing put for another.
_SWAP = re.compile(r"(?:我问的是|我是问|我说的是|我指的是|我的?意思是|\bi meant|\bi mean|\bi was asking about)\s*"
                   r"(?:the\s+)?(?P<x>[^，,。.]+?)\s*[，,]?\s*(?:而不是|不是|\bnot|\brather than)\s*(?:the\s+)?"
                   r"(?P<y>[^，,。.？?!]+)", re.IGNORECASE)


def swapped_question(text: str, previous: str | None) -> str | None:
    """The previous question with the thing the correction rejects replaced, or None."""
    m = _SWAP.search(text)
    if not m or not previous:
        return None
    x, y = m.group("x").strip(), m.group("y").strip()
    if not x or not y or x == y:
        return None
    found = re.search(re.escape(y), previous, flags=re.IGNORECASE)
    if found is None:
        return None
    return previous[:found.start()] + x + previous[found.end():]


def strip_correction(text: str) -> tuple[str, bool]:
    m = _CORRECTION.match(text)
    if m and m.end() > 0 and text[m.end():].strip():
        rest = text[m.end():].strip()
        return _NOT_THAT.sub("", rest).strip() or rest, True
    return text, False


# Where one may operate (六（一）) names the FTZ, the areas and both institutions, so it comes
# first for many questions that only mention them; it is the answer only when the question
# asks about the place.
_HUB = "6.operate_in_ftz"
_PLACE_ASK = re.compile(
    r"哪里|哪儿|在哪|哪些地方|什么地方|区外|片区外|自贸区外|只能在|能不能在|可不可以在|可以在|能在|不能在|去\S{0,4}(?:考|搞|办)|"
    r"范围|地域|区域限制|行不行|外地|其他(?:城市|地方)|全国|适用|管(?:哪|的是)|"
    r"(?:南宁|钦州|崇左|北海|柳州|桂林|梧州|防城港|玉林|百色|贺州|河池|来宾|贵港)\S{0,6}(?:能|可以|可不可以|能不能|行|允许)|\bwhere\b|\bwhich (?:areas?|places?|cities|city|zones?)\b|\boutside\b|\binside\b|"
    r"\bonly (?:in|inside|within)\b|\bftz[- ]only\b|\bterritor\w*|\bgeograph\w*|\belsewhere\b|\bother (?:cities|places|areas|provinces)\b|"
    r"\b(?:can|could|may|allowed to)\b.{0,50}\b(?:in|at) (?:the |a )?(?:nanning|qinzhou|chongzuo|beihai|guilin|liuzhou|"
    r"wuzhou|ftz|free[- ]trade zone|area|city)", re.IGNORECASE)


def _not_the_hub(hits: list[Hit], text: str) -> list[Hit]:
    if len(hits) < 2 or hits[0].unit.id != _HUB or _PLACE_ASK.search(text) or \
            hits[1].score < 0.6 * hits[0].score:
        return hits
    return [hits[1], hits[0], *hits[2:]]


def _margin(hits: list[Hit]) -> float:
    """The runner-up's score as a share of the best one's (lower: clearer)."""
    return hits[1].score / hits[0].score if len(hits) > 1 and hits[0].score > 0 else 0.0


def _limit_by_count(text: str, state: State) -> Unit | None:
    """"那10日那个是干嘛的" after the 45 working days: the other time limit with that count."""
    if not is_elliptical(text) or claims.is_yes_no(text) or not _POINTS_BACK.search(text):
        return None
    said = {n for _, n in shape.counts(text)}
    found = [u for u in shape.TIME_LIMIT_UNITS if u != state.topic_unit
             and said & {n for _, n in shape.counts(UNITS_BY_ID[u].text.zh)}]
    return UNITS_BY_ID[found[0]] if len(found) == 1 else None


def contextual_search(text: str, state: State) -> tuple[str, list[Hit]]:
    """(the question as understood, the units it is about, best first)."""
    text, aside = shape.core_question(text)
    swapped_in = swapped_question(text, state.topic_query)
    if swapped_in:
        return swapped_in, _near_subject(search(swapped_in), state)
    text, corrected = strip_correction(text)
    form_asked = forms.form_swapped(text, state.topic_query) if state.topic_query else None
    if form_asked:  # "不对，我是问注册表，就是附件1": the last question, of the other form
        return form_asked, search(form_asked)
    current = UNITS_BY_ID.get(state.topic_unit or "")
    if current is not None and state.topic_query and len(text) <= 12 and is_elliptical(text) and \
            claims.is_yes_no(text) and presence.provides(text, current):
        return f"{state.topic_query} {text}", [Hit(current, PICKED)]  # "能另附吗": what was just quoted says so
    back = _BACK.search(text)
    if back and state.topic_previous and "|" in state.topic_previous:
        rest = _BACK.sub("", text).strip(" ，,。.")
        _, prev_query = state.topic_previous.split("|", 1)
        own = search(rest or prev_query)
        if own and own[0].score >= 0.3:
            return rest, own
        return prev_query, search(prev_query)
    if shape.HOLIDAYS.search(text) and (is_elliptical(text) or shape.COUNTS_IN.search(text)) and \
            state.topic_unit in shape.TIME_LIMIT_UNITS:
        # "那节假日算不算" after a time limit: of that time limit.
        limit = UNITS_BY_ID[state.topic_unit]
        return f"{limit.title.zh} {text}", [Hit(limit, PICKED)]
    limits = shape.time_limits(text)
    if limits:
        return text, [Hit(u, PICKED) for u in limits]
    pointed = _limit_by_count(text, state)
    if pointed is not None:
        return f"{pointed.title.zh} {text}", [Hit(pointed, PICKED)]
    named = refs.named_clauses(text)  # "六（三）讲的什么", "Part IV(2)"
    if named:
        return text, [Hit(u, PICKED) for u in named]
    sections = ordinals.annex_sections(text, state)
    if len(sections) > 1:
        return text, [Hit(u, PICKED) for u in sections]
    unit = sections[0] if sections else (refs.category_item(text) or ordinals.condition_n(text)
                                             or ordinals.part_n(text, state) or ordinals.by_ordinal(text, state))
    if unit is not None:
        return f"{unit.title.zh} {text}", [Hit(unit, PICKED)]
    both = _both(text, state)
    if both:
        # "都是交给同一个部门吗" after two answers: both of them.
        return f"{state.topic_query} {text}", both
    form = forms.other_form(text, state) or forms.form_of_subject(text, state)
    if form is not None:
        return f"{form.title.zh} {text}", [Hit(form, PICKED)]
    when = forms.when_of_form(text, state)
    if when is not None:
        return f"{when.title.zh} {text}", [Hit(when, PICKED)]
    in_form = forms.in_current_form(text, state)
    if in_form:
        return in_form, _near_subject(search(in_form), state)
    own = shape.not_aside(search(text), aside)
    counted = shape.without_counts(text)
    stated = claims.is_yes_no(text) and claims.without_values(counted) or counted
    if own and stated != text:
        # "We must send the assessment plan 45 days in advance?", "鉴定计划是报给自治区人社厅吧":
        # a count or a stated value is weaker evidence than the words around it when those
        # point elsewhere on their own (a wrong value names the clause it belongs to).
        plain = search(stated)
        factor = 1.2
        clearer = stated != counted and _margin(plain) < 0.5 < _margin(own)  # "申请是交给设区市人社局吗"
        if plain and plain[0].unit.id != own[0].unit.id and (
                plain[0].score > factor * own[0].score or clearer and plain[0].score >= 0.8 * own[0].score):
            own = plain
        elif plain and plain[0].unit.id == own[0].unit.id and stated != counted and plain[0].score >= 0.6 * own[0].score and \
                _margin(plain) < _margin(own):
            own = plain  # the same clause, told apart more clearly without the stated values
    own = shape.named_annex(own, text)
    own = _not_the_hub(own, text)
    if own and forms.TO_WHOM.search(text) and own[0].unit.kind in ("field", "column", "table", "section", "annex"):
        # "to whom is the annual report sent?": the clause that names the receiver, not a
        # field of the form the words also match.
        duty = next((h for h in own[:6] if h.unit.kind == "clause" and h.score >= 0.85 * own[0].score),
                    None)
        if duty is not None:
            own = [duty] + [h for h in own if h is not duty]
    if not state.topic_query or not is_elliptical(text) and not corrected:
        return text, own
    if corrected and not is_elliptical(text) and own and own[0].score >= OWN_STANDS["zh" if is_zh(text) else "en"]:
        return text, own  # "不是，我问外方的驻华办事机构要不要跟中方合作": a question of its own
    swapped = substituted(state.topic_query, text) if is_bare(text, parties=True) else None
    if swapped:
        return swapped, _near_subject(search(swapped), state)
    if corrected:
        return text, own
    combined = f"{state.topic_query} {text}"
    joint = _near_subject(search(combined), state)
    current = UNITS_BY_ID.get(state.topic_unit or "")
    if joint and current is not None and current.id in _CITES and _TO_CITED.search(text) and \
            not _THIS_NOTICE.search(text):
        # "那个是哪年发的", "Who issued that one?" after the document the notice cites: of it
        return combined, [Hit(UNITS_BY_ID[_CITED], joint[0].score)]
    if joint and is_bare(text, parties=True) and not is_bare(text):
        return combined, joint  # "那中方合作机构呢": the same question, of the other party
    if joint and is_bare(text):
        # "推给谁？", "交给谁", "To whom?", "counted from when?": only a question word left,
        # asked of the current subject: the current unit when the words fit it too; another
        # part of the header after a part of the header ("谁发的" → "哪天发的").
        if current is not None and own and current.kind == "header" and own[0].unit.kind == "header":
            other = next((h for h in joint if h.unit.id != current.id and h.unit.kind == "header"), None)  # "落款…、哪天"
            return (combined, [other]) if other and other.unit.id in {h.unit.id for h in own[:2]} else (text, own)
        if current is not None and any(h.unit.id == current.id for h in own[:5]) and (
                own[0].unit.id == current.id or own[0].score < BARE_OWN):
            return combined, [Hit(current, max(own[0].score, joint[0].score))]
        if not own or own[0].score < BARE_OWN or current is not None and any(
                same_place(h.unit, current) for h in own[:3]):
            return combined, joint
    if joint and current is not None and _POINTS_BACK.search(text) and \
            same_place(joint[0].unit, current) and not (own and own[0].score >= POINTER_OWN):
        # "who's responsible if they don't match?", "它要翻译吗": of what was just said.
        return combined, joint
    mine = next((h for h in own[1:3] if current is not None and h.unit.id == current.id), None)
    names_other = bool(own) and any(a in text.lower() and a not in _words_of(current) for a in _naming(own[0].unit))
    if mine is not None and mine.score >= NEAR_CURRENT * own[0].score and not names_other:  # "and the deadline for the plan?"
        return combined, [Hit(current, own[0].score)] if current else own  # "提前多久" after the plan
    # The follow-up's own reading wins when it stands alone on another subject.
    stands = OWN_STANDS["zh" if is_zh(text) else "en"]
    if state.topic_query and _has_follow_word(text) and not (own and own[0].score >= POINTER_OWN) and joint \
            and (current is None or joint[0].unit.id == current.id):
        # "OK, then what does the notice say happens?" after a question left open, or of the
        # clause just cited: the words alone are too weak to stand for another subject
        return combined, joint
    if own and own[0].score >= stands and (current is None or own[0].unit.id != current.id):
        return text, own
    # A short question with no follow-up word ("呢", "那…", "and …") that clearly points at
    # another part of the notice ("需要准备哪些材料？" after a question on the time limit)
    # is a new question, not a follow-up.
    if own and not _has_follow_word(text) and own[0].score >= CLEAR_OWN \
            and (len(own) == 1 or own[0].score >= 2 * own[1].score) \
            and (current is None or own[0].unit.id != current.id):
        return text, own
    if own and own[0].score >= 0.6 and (not joint or own[0].score >= joint[0].score):
        return text, own
    return combined, joint


_BOTH = re.compile(r"^(?:那)?(?:都|两个都|这两个|两者|两项|二者|它们都|这俩)|^(?:and )?(?:both|are they both|"
                   r"are both|do both|is it the same|the same (?:office|department|bureau))", re.IGNORECASE)


def _words_of(unit: Unit | None) -> set[str]:
    return {a.lower() for a in unit.aliases} if unit is not None else set()


def _naming(unit: Unit) -> set[str]:
    """The aliases that name a unit's subject ("鉴定计划", "assessment plan"), not a question word."""
    return {a for a in _words_of(unit) if len(a) >= (3 if is_zh(a) else 4)}


def _both(text: str, state: State) -> list[Hit]:
    """The current unit and the one before, for a follow-up about both of them."""
    if not _BOTH.search(text.strip()) or not state.topic_previous or "|" not in state.topic_previous:
        return []
    current, before = UNITS_BY_ID.get(state.topic_unit or ""), UNITS_BY_ID.get(state.topic_previous.split("|", 1)[0])
    return [] if current is None or before is None or current.id == before.id else [Hit(current, PICKED), Hit(before, PICKED)]


def _near_subject(hits: list[Hit], state: State) -> list[Hit]:
    """Hits with the units in the current subject's clause lifted a little."""
    current = UNITS_BY_ID.get(state.topic_unit or "")
    if current is None:
        return hits
    key = current.ref.zh.split("·")[0][:4]
    lifted = [Hit(h.unit, h.score + (NEAR_BONUS if h.unit.ref.zh.startswith(key) else 0.0))
              for h in hits]
    return sorted(lifted, key=lambda h: -h.score)
