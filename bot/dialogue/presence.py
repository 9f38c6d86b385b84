"""Whether a yes/no question asks for something the clause that answers it provides for:
"外方机构要交机构章程吗", "Does the form ask for the unified social credit code?", "Will experts
review our application?".  Such a question is answered "yes" only when every word that carries
its meaning is in the clause (its text, its title, its aliases, the list or table it belongs
to), in the user's words or in the notice's (:mod:`bot.dialogue.synonyms`), and nothing in it
narrows or negates what the clause says ("only", "without", "不", "只"): then the clause holds
what was asked, and the user hears so before the quotation.  Anything else gets no verdict.
"""

from __future__ import annotations

import re

from bot.dialogue import refs
from bot.dialogue.normalise import normalise
from bot.dialogue.retrieval import is_zh
from bot.dialogue.synonyms import ZH, en_found
from bot.notice.units import UNITS_BY_ID, Unit

# Words that turn a question away from what a clause provides: a negation, a restriction, an
# alternative, a time or a place of its own.  Polar forms ("要不要", "是不是") are removed first.
_POLAR_ZH = re.compile(r"^(?:我|我们)?(?:朋友|同事|客户|领导|有人|别人|他们)?(?:说|听说|据说)[，,]?|[，,]?是真的吗|"
                       r"要不要|需不需要|用不用|能不能|可不可以|可以不|是不是|有没有|算不算|会不会|对不对|"
                       r"行不行|对吗|是吗|对吧|是吧|吗|呢|吧|么|不\s*[？?]*$")
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")  # "包不包括", "属不属于", "有没有": the verb asked
_NARROWS_ZH = re.compile(r"不|没|无|非|未|只|仅|光|直接|立即|马上|一律|单(?=独|交|一|凭|靠)|除了|以外|之外|还是|或者|而是|之前|之后|以前|以后|年初|"
                         r"月初|月中|哪|什么|啥|怎么|多少|几|谁|区外|外面|罚|一定会|保证")
_NARROWS_EN = re.compile(r"\b(?:not|no|never|without|only|just|solely|except|instead|rather|outside|"
                         r"before|after|beginning|start|early|earlier|later|un(?!ified|it|ion|der)\w+|non\w*|"
                         r"what|which|who|whom|when|where|why|how|penal\w*|fine[sd]?|guarantee\w*|always|"
                         r"automatic\w*)\b|n't\b", re.IGNORECASE)
_CONJUNCTION_WHEN = re.compile(r"(?<=\w )\bwhen (?=(?:they|we|it|you|the|our|a|an)\b)", re.IGNORECASE)
_STATED_TAIL = re.compile(r",\s*(?:yes|right|correct|true|no|isn'?t (?:it|that)|is that (?:right|correct|so))\s*\?+\s*$",
                          re.IGNORECASE)
_CONFIRM_EN = re.compile(r"^(?:is (?:that|it|this) (?:right|correct|true|so)|isn'?t (?:it|that)|am i right|right|correct)\W*$",
                         re.IGNORECASE)
_OR_NOT = re.compile(r"\s*\bor not\s*\?*\s*$", re.IGNORECASE)
_WHETHER = re.compile(r"\b(?:know|ask(?:s|ed|ing)?|wonder(?:s|ing)?|confirm|tell (?:me|us)) (?:whether|if)\b|^\W*whether\b",
                      re.IGNORECASE)
_CONDITION_EN = re.compile(r"^\W*(?:if|when|once|after|in case)\b[^,?]*,\s*", re.IGNORECASE)
_EMBEDDED_WH = re.compile(r"\b(state|say|give|list|describe|indicate|show|explain|write|declare|specify|enter|ask)\s+"
                          r"(?:who|what|which|how|where|when)\b", re.IGNORECASE)
_POLAR_EN = re.compile(r"(?:^|[.!]\s+)\W*(?:do|does|did|is|are|was|were|can|could|must|should|shall|will|would|may|"
                       r"has|have)\b", re.IGNORECASE)

# Words that say how a thing is asked for, not what: they need not be in the clause.
_EN_FUNCTION = frozenset("""
a an the do does did is are was were be been being can could must should shall will would may might
come every each all also least use used using one two three four five six first second third type
types kind kinds requirement requirements rule rules describe description details detail set-up
setup information info has have had having we our us you your they their them it its this that these
those there here i me my to of for in on at by with from as into about too both any some such need
needs needed require requires required necessary necessarily got submit submitted submitting provide
provided providing include includes included including ask asks asked list lists listed mention
mentioned contain contains field fields column columns section sections form forms part parts annex
item items document documents material materials fill filled complete give state show put enter
report reported reporting notice say says said allowed permit permitted possible ok okay fine
accepted acceptable applicant applicants side party institution body organisation organization
please tell know want like kindly hello hi dear itself themselves ourselves ones now currently
still already instead either and act acts serve run runs running fall falls under commit commits committed
certificate-issuing issuing whether wants know well method methods ways means table tables row rows
start starts started begin begins begun other another process procedure step steps stage
""".split())
_ZH_FUNCTION = frozenset("""
的 了 吗 呢 吧 啊 呀 么 是 有 在 和 与 及 或 要 我 我们 你 你们 他们 咱们 这个 那个 这 那 一下 请问
可以 需要 还 也 都 就 对 把 被 给 让 于 之 其 如果 请 想 问 知道 能 会 得 必须 一定 应该 应当
交 提交 提供 报 报送 上交 准备 附 填 填写 写 列 列出 包括 包含 含 栏 一栏 这一栏 栏目 项 一项 这项
表 表里 表中 表格 材料 文件 通知 规定 要求 里 中 上 吗 这样 那样 是否 能否 可否 老师 您好 你好 好
受 过 经过 经 做 当 作为 成为 算 属于 每个 每一 每一个 各个 所有 全部 跟 和 广西 这边 那边 自己 一下 直接 也是 还是 就是 找 双方 中外双方 真的 这种 那种 这类 这个证 这证
要不要 需不需要 用不用 行不行 能不能 可不可以 是不是 有没有 南宁 钦州 钦州港 崇左 来 去 现在 目前 如今 已经 已 原来 以前 本来 写明 注明 标明 说明 写上 注上
""".split())
# Jieba's compounds of those ("要交", "需要填", "也得交"): every character a function one.
_ZH_FUNCTION_CHARS = frozenset("要需得交填写附提供报送准备给也还都吗呢吧么是有在的了把将就会能可以应当必须该那这前完表")


def _zh_content(words: list[str]) -> list[str]:
    return [w for w in words if w.strip() and w not in _ZH_FUNCTION and not re.fullmatch(r"[\W\d_]+", w)
            and not all(ch in _ZH_FUNCTION_CHARS for ch in w)]


_EN_WORD = re.compile(r"[a-z][a-z'-]+", re.IGNORECASE)


def _stem(word: str) -> str:
    word = word.lower().strip("'-")
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if len(word) - len(suffix) >= (3 if suffix in ("s", "ed") else 4) and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _chinese(text: str) -> bool:
    """Whether a message is written in Chinese ("Can a social organisation (社会团体) partner
    with us?" is English with a term in Chinese)."""
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return is_zh(text) and cjk * 3 >= latin


def _kin(a: str, b: str) -> bool:
    """Two stems of one word ("inspector", "inspection"): a long common beginning."""
    short = min(len(a), len(b))
    if short < 4 or (short == 4 and not (a.startswith(b) or b.startswith(a))):
        return False
    n = 0
    while n < short and a[n] == b[n]:
        n += 1
    return n == short or (n >= 6 and n >= 0.75 * short)


def _own(unit: Unit) -> tuple[str, str]:
    """The unit's own words (text, title, aliases) in both languages."""
    aliases = "\n".join(unit.aliases)
    return (normalise(f"{unit.text.zh}\n{unit.title.zh}\n{aliases}"),
            f"{unit.text.en}\n{unit.title.en}\n{aliases}".lower())


def _haystack(unit: Unit) -> tuple[str, str]:
    """The unit's words and those of the list or table around it, in both languages."""
    zh, en = [unit.text.zh, unit.title.zh], [unit.text.en, unit.title.en]
    zh.extend(unit.aliases)
    en.extend(unit.aliases)
    parent = UNITS_BY_ID.get(unit.parent or "")
    for _ in range(2):
        if parent is None:
            break
        zh.append(parent.title.zh)
        en.append(parent.title.en)
        parent = UNITS_BY_ID.get(parent.parent or "")
    form = UNITS_BY_ID.get(unit.id.split(".")[0]) if unit.id.startswith("annex") else None
    if form is not None and form is not unit:  # "年报里要填职业编码吗": the form's own names
        zh.extend([form.title.zh, *form.aliases])
        en.extend([form.title.en, *form.aliases])
    return normalise("\n".join(zh)), "\n".join(en).lower()


def _en_found(word: str, low: str, hay: str) -> bool:
    hay_stems = {_stem(w) for w in _EN_WORD.findall(hay)}
    s = _stem(word)
    if s in hay_stems or any(_kin(s, h) for h in hay_stems):
        return True
    # the user's word, rewritten as the notice's by the synonym table, found in the clause
    notice_words = {_stem(w) for k, v in en_found(low) if word.lower() in k for w in v.split()}
    return any(n == h or _kin(n, h) for n in notice_words for h in hay_stems)


def _en_covered(question: str, hay: str, own: str | None = None) -> bool:
    """Every meaningful word of the question in ``hay``, and one at least in ``own`` (the
    unit's own words, not only those of the list around it)."""
    # "a body's office", "apply to", a gloss in brackets ("a social organisation (shehui tuanti)")
    question = re.sub(r"'s\b|\bappl(?:y|ies) to\b|\([^()]*\)", " ", question)
    words = [w for w in _EN_WORD.findall(question) if w.lower() not in _EN_FUNCTION and len(w) > 2]
    low = question.lower()
    if not words or not all(_en_found(w, low, hay) for w in words):
        return False
    return own is None or any(_en_found(w, low, own) for w in words)


# Words the notice spells in more than one way (外方 / 境外机构, 国内 / 我国, 审批 / 审核).
_SIDES_ZH = {"外方": ("境外", "外方", "国外"), "外国": ("境外", "外方", "国外"), "国外": ("境外", "外方"),
             "中方": ("中方", "我国"), "国内": ("我国", "中方"), "中国": ("我国", "中方"),
             "本地": ("中方", "我区"), "当地": ("中方", "我区"), "代表处": ("驻华办事机构", "代表机构"),
             "审批": ("审核", "审批"), "评审": ("审核", "论证"), "审查": ("审核",)}


def _zh_found(word: str, question: str, hay: str) -> bool:
    if word in hay or any(w in hay for w in _SIDES_ZH.get(word, ())):
        return True
    notice = [v for k, v in ZH.items() if k in word or word in k and len(word) >= 2 and k in question]
    if any(v in hay for v in notice):
        return True
    if len(word) >= 4 and all(word[i:i + 2] in hay for i in range(0, len(word) - 1, 2)):
        return True  # a compound the clause has in two halves
    # an abbreviation: 人社 (人力资源社会保障), 自贸区 (自由贸易试验区)
    return 2 <= len(word) <= 4 and bool(re.search(".{0,5}".join(map(re.escape, word)), hay))


def _zh_covered(question: str, hay: str, own: str | None = None) -> bool:
    import jieba

    words = _zh_content(jieba.lcut(question))
    if not words or not all(_zh_found(w, question, hay) for w in words):
        return False
    return own is None or any(_zh_found(w, question, own) for w in words)


_POLAR_CLAUSE_ZH = re.compile(r"要不要|需不需要|用不用|能不能|可不可以|是不是|有没有|会不会|行不行|是否|吗[？?]?$")
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s*")
_INTERJECTION = re.compile(r"^\W*(?:ok(?:ay)?|so|and|well|hi|hello|thanks|great|right|hold on|wait|sorry|one moment|"
                           r"quick question|before (?:that|the next one|we go on))\b\s*[,:\-–—]*\s*", re.IGNORECASE)


def question_part(text: str) -> str:
    """The asking sentence of a message ("Our documents are in English. Is translation
    needed?" → "Is translation needed?"), without a lead-in ("OK – …")."""
    sentences = [x for x in _SENTENCE.split(text.strip()) if x.strip()]
    asked = [x for x in sentences if re.search(r"[?？]\s*$", x)]
    last = (asked or sentences or [text])[-1]
    # "Back to Annex 1 - must we state …?", "Examiner table: do we need …?": the question after
    tail = re.split(r"\s[-–—]\s|[:：]\s*", last)[-1]
    if tail != last and (_POLAR_EN.search(tail) or _chinese(tail) and len(tail) >= 4):
        last = tail
    # "我们是外国机构驻华代表处，想在南宁片区搞考试，要不要找本地机构合作？": the polar clause
    if _chinese(last) and "，" in last.replace(",", "，"):
        clause = re.split(r"[，,]", last)[-1].strip()
        before = last[:len(last) - len(clause)]
        # …unless what comes before negates or conditions it ("没在…备案的评价机构，能当…吗")
        if len(clause) >= 4 and _POLAR_CLAUSE_ZH.search(normalise(clause)) and \
                not re.search(r"没|未|不|无|非|如果|要是|假如", before):
            last = clause
    if not _chinese(last) and ", " in last:  # "Our firm is from Spain, we need local partner or not"
        clause = last.rsplit(", ", 1)[1]
        if (_OR_NOT.search(clause) or _POLAR_EN.match(clause)) and not _CONFIRM_EN.match(clause):
            last = clause
    last = _INTERJECTION.sub("", last) or last
    return text.strip() if last != text.strip() and contentless(last) else last  # "…. Do we need to say so?"


def contentless(question: str) -> bool:
    """Whether a question holds no word of its own ("Do we need to say so?", "要写吗？")."""
    if _chinese(question):
        import jieba

        return not _zh_content(jieba.lcut(_A_NOT_A.sub(r"\1", refs.without_refs(normalise(question)))))
    return not [w for w in _EN_WORD.findall(question) if w.lower() not in _EN_FUNCTION and len(w) > 2]


def _offered(word: str, unit: Unit) -> bool:
    """Whether a narrowing word asks for what the unit itself says: an alternative it offers
    ("an exam syllabus instead of an occupational standard?" against "standard or syllabus"),
    or its own restriction ("the FTZ-only rule" against "只能在自由贸易试验区内")."""
    if word.lower() == "only":
        return "only" in unit.text.en and "只能" in unit.text.zh
    if word.lower() in ("after", "before"):  # "…review it after it is accepted?": "受理后"
        return re.search(rf"\b{word.lower()}\b", unit.text.en.lower()) is not None
    return word.lower() == "instead" and " or " in unit.text.en


def provides(question: str, unit: Unit) -> bool:
    """Whether the yes/no ``question`` asks for what ``unit`` provides, word for word."""
    text = refs.without_refs(normalise(question)).strip()
    if _chinese(text):
        core = _POLAR_ZH.sub("", _A_NOT_A.sub(r"\1", text))  # "包不包括" → "包括"
        if re.search(r"[\u4e00-\u9fff]后", unit.text.zh):
            core = re.sub(r"(?:之|以)后", "后", core)  # "受理以后…" against "受理后"
        if any(len(m.group(0)) < 2 or m.group(0) not in unit.text.zh for m in _NARROWS_ZH.finditer(core)):
            return False  # a narrowing word the clause itself uses ("保证…一致") narrows nothing
        return _zh_covered(core, _haystack(unit)[0], _own(unit)[0])
    # "Must we state who owns the equipment?": a wh-word inside what is to be stated
    text = _CONJUNCTION_WHEN.sub(" ", _EMBEDDED_WH.sub(r"\1 ", text))  # "…starts when they receive it"
    main = _CONDITION_EN.sub("", text, count=1)  # "If the body commits violations, will …?"
    stated = _STATED_TAIL.search(text) or _OR_NOT.search(text)  # "…receive it, yes?", "we must have X or not?"
    text = text[:stated.start()] if stated else text
    if not (stated or _POLAR_EN.search(text) or main != text and _POLAR_EN.search(main) or _WHETHER.search(text)) or \
            any(not _offered(m.group(0), unit) for m in _NARROWS_EN.finditer(text)):
        return False
    return _en_covered(text, _haystack(unit)[1], _own(unit)[1])


# What a question says is missing: "没在…备案的", "未经…审核注册的", "不具备…的", "without
# independent legal person status", "unregistered", "只交德文版", "only in German".
_NEGATED_ZH = re.compile(r"(?:没有?|未|不)(?:在|经过?|被|向|经由)?([\u4e00-\u9fff]{2,14}?)(?:过)?的|"
                         r"(?:非|不是|没有|无)(独立法人|法人|备案|审核注册|许可)|"
                         r"(?:没有?|未)(?:在|经过?|向|到|去)[\u4e00-\u9fff]{0,10}?(备案|审核注册|许可)|"
                         r"(?:不找|不要|不用|不需要|不跟|不和|没有|无需|不通过)(?:国内|中方|本地)?的?(合作)(?:方|机构|单位|伙伴)?")
_NEGATED_EN = (
    re.compile(r"\bwithout (?:an? |the |any |its |our )?((?:[a-z-]+ ){0,3}[a-z-]+)", re.IGNORECASE),
    re.compile(r"\b(?:un|non-?)(registered|approved|licensed|filed|accredited|certified|recorded)\b", re.IGNORECASE),
    re.compile(r"\bnot (?:been |yet )?(registered|approved|licensed|filed|accredited|certified|recorded)\b",
               re.IGNORECASE),
)
_LANGUAGES_ZH = r"(?:德|英|外|日|韩|法|俄|西班牙|葡萄牙|意大利)(?:文|语)"
_FOREIGN_ONLY = re.compile(
    rf"只(?:交|提交|提供|有|用|给)?\S{{0,3}}(?:{_LANGUAGES_ZH}|中文(?:的|版|译本))|(?<![要用需])不(?:用|需要|必|要)(?:交|提供|附)?\S{{0,2}}(?:翻译|译本|中文)|"
    r"\bonly (?:in )?(?:the )?(?:german|english|french|japanese|korean|russian|spanish|italian|foreign)\b|"
    r"\bwithout (?:a |any )?(?:chinese )?translation\b|\bno (?:chinese )?translation\b", re.IGNORECASE)
_SOLO = re.compile(r"单独|单干|独自|自己(?:单干|搞|干|办|来|做)|自己\S{0,8}(?:组织|开展|办|考试|发证|认证)|"
                   r"不找(?:中方|合作|国内|本地)|不(?:用|需要|必)(?:找)?(?:中方|合作方|合作机构)|独立(?:开展|搞|办|组织)|\bon (?:our|its|their) own\b|"
                   r"\bby (?:ourselves|itself|themselves)\b|\balone\b|\bwithout (?:a |any )?(?:local |chinese )?partner",
                   re.IGNORECASE)
_REQUIRES = re.compile(r"必须|须|应|只能|经|具有|具备|需|\bshall\b|\bmust\b|\bonly\b|\brequire", re.IGNORECASE)


# Materials written in Chinese already: the Chinese partner's ("中方的营业执照要翻译吗").
_CHINESE_PAPERS = re.compile(r"中方|国内|营业执照|事业单位|\bchinese (?:partner|institution|side|party|body)|"
                             r"\bbusiness licen", re.IGNORECASE)
_TRANSLATION_ASKED = re.compile(r"中文(?:的|版|译本|翻译)?|汉语版|翻译|译本|译文|\btranslat\w*|\bin chinese\b|"
                                r"\bchinese (?:version|copy|text)\b", re.IGNORECASE)


def translation_asked(question: str) -> bool:
    """Whether a question asks for a material in Chinese ("考试样卷要不要也给中文的？"), with
    nothing that narrows it ("只交中文的就行吗", "without a translation")."""
    text = normalise(question).strip()
    if not _TRANSLATION_ASKED.search(text) or _CHINESE_PAPERS.search(text):
        return False
    if _chinese(text):
        return not _NARROWS_ZH.search(_POLAR_ZH.sub("", text))
    return bool(_POLAR_EN.search(text)) and not _NARROWS_EN.search(text)


def foreign_only(question: str) -> bool:
    """Whether a question asks to hand in a material in a foreign language alone."""
    return bool(_FOREIGN_ONLY.search(normalise(question)))


_LACKS = re.compile(r"没有|没|无|只有|只|仅|不是|而不是|\bno\b|\bnot\b|n't\b|\bonly\b|\bjust\b|\bwithout\b|"
                    r"\binstead\b|\brather than\b", re.IGNORECASE)


def either(message: str, unit: Unit) -> bool:
    """Whether a message says it has one of the two things a material offers as alternatives and
    not the other ("We have an exam syllabus but no occupational standard. Is that enough?"
    against "职业标准或考试大纲"): one of them is what the notice asks for."""
    text = normalise(message)
    zh = _chinese(text)
    own = unit.text.zh.split("。")[0] if zh else unit.text.en.split(".")[0]
    sides = re.split(r"或|或者" if zh else r"\s+or\s+", own)
    if unit.kind != "material" or len(sides) != 2 or not _LACKS.search(text):
        return False
    if zh:
        bare = [re.sub(r"^(?:中方|外方)机构", "", side) for side in sides]
        return all(side[:4] in text or side[-4:] in text for side in bare)
    return all(any(_stem(w) in {_stem(x) for x in _EN_WORD.findall(text)} for w in _EN_WORD.findall(side)
                   if w.lower() not in _EN_FUNCTION and len(w) > 3) for side in sides)


def one_provides(question: str, units: list[Unit]) -> Unit | None:
    """Of several places shown for a yes/no question, the only one that provides for it or
    requires what it leaves out ("Does the regional department organize experts?": 四（二）, not
    the clauses that only name the department)."""
    found = [u for u in units if provides(question, u) or denies(question, u)]
    # a sentence and the clause it belongs to are one place
    found = [u for i, u in enumerate(found) if not any(f.id == u.parent or f.parent == u.id for f in found[:i])]
    rules = [u for u in found if u.kind in ("clause", "sentence")]
    if len(found) > 1 and len(rules) == 1 and _MUST_ASKED.search(question):
        return rules[0]  # "we must have chinese partner or not?": the rule, not a material naming the partner
    return found[0] if len(found) == 1 else None


_MUST_ASKED = re.compile(r"\b(?:must|need|needs|have to|has to|required?)\b|必须|一定要|要不要|需不需要|需要|得找|得有", re.IGNORECASE)


def denies(question: str, unit: Unit) -> bool:
    """Whether the yes/no ``question`` asks about leaving out what ``unit`` requires ("没在人社
    部门备案的学校能做合作方吗" against the clause that requires 备案): then the answer is no."""
    text = normalise(question).strip()
    zh_hay, en_hay = _haystack(unit)
    if foreign_only(text):
        # the rule on translations covers every material of the list (三)
        return "中文译本" in zh_hay or unit.id.split(".")[0] == "3"
    if not _REQUIRES.search(unit.text.zh + " " + unit.text.en):
        return False
    if _SOLO.search(text) and "合作" in unit.text.zh:
        return True  # "境外机构能单独开展考试吗" against "必须与…合作"
    if _chinese(text):
        text = _A_NOT_A.sub(r"\1", text)  # "要不要有明确的考试项目": asked, not negated
        return any(_zh_covered(next(g for g in m.groups() if g), zh_hay) for m in _NEGATED_ZH.finditer(text))
    for rx in _NEGATED_EN:
        for m in rx.finditer(text):
            if _en_covered(m.group(1), en_hay):
                return True
    return False


# What a clause forbids ("其活动不得以营利为目的", "their activities are not for profit").
_FORBIDS_ZH = re.compile(r"(?:不得|禁止|严禁|不允许|不能|不可|不予|不应)(.{1,14})")
_FORBIDS_EN = re.compile(r"\b(?:shall not|must not|may not|cannot|are not|is not|not)\b(.{1,40})", re.IGNORECASE)


def prohibition(question: str, unit: Unit) -> str | None:
    """For a yes/no ``question`` about what ``unit`` forbids ("其活动不得以营利为目的"):
    "asked" when it asks to do it ("开展引进工作可以以营利为目的吧": no), "stated" when it says
    it is not allowed ("活动不能以营利为目的吧": yes), None when it is about something else."""
    text = normalise(question).strip()
    if _chinese(text):
        import jieba

        core = _POLAR_ZH.sub("", text)
        words = [w for w in jieba.lcut(core) if len(w) >= 2 and w not in _ZH_FUNCTION]
        spans = [m.group(1) for m in _FORBIDS_ZH.finditer(unit.text.zh)]
        negated = bool(re.search(r"不|没|非|未|禁", core))
    else:
        words = [_stem(w) for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _EN_FUNCTION]
        spans = [" ".join(_stem(w) for w in re.findall(r"[a-z]+", m.group(1).lower()))
                 for m in _FORBIDS_EN.finditer(unit.text.en)]
        negated = bool(re.search(r"\bnot\b|n't\b|\bwithout\b|\bnon-|\bforbidden\b|\bprohibited\b", text, re.I))
    if not any(w in span for span in spans for w in words):
        return None
    return "stated" if negated else "asked"


# "Do we need sample exam papers and sample certificates for every level?", "要交考试章程和
# 考务管理规则吗": one frame, two things asked for.
_BOTH_EN = re.compile(r"^(\W*(?:do|does|is|are|must|should|will|can|could)\b.*?\b(?:need|needs|have to|has to|submit|"
                      r"provide|include|includes|ask for|asks for|require|requires|contain|contains|want|hand in)\b)"
                      r"\s+(.+?)\s+(?:and|as well as)\s+(?:also\s+)?(?:an?\s+|the\s+)?(.+?)\s*\??$", re.IGNORECASE)
_BOTH_ZH = re.compile(r"^(.*?(?:要|需要|得|必须|应当|有)(?:交|提交|提供|填|填写|写|附|准备)?)(?!不)([\u4e00-\u9fff“”]{2,20}?)"
                      r"(?:和|以及|及|还有|跟|与|、)([\u4e00-\u9fff“”]{2,20}?)(?:都|也)?(?:要|需要)?(?:吗|么|不|没有)?[？?。]*$")


def two_asked(question: str) -> tuple[str, str] | None:
    """A yes/no question for two things as two questions with the same frame, or None."""
    text = normalise(question).strip()
    m = (_BOTH_ZH if _chinese(text) else _BOTH_EN).match(text)
    if m is None:
        return None
    frame, a, b = m.groups()
    if _chinese(text):
        return f"{frame}{a}吗", f"{frame}{b}吗"
    return f"{frame} {a}?", f"{frame} {b}?"


# "所有国外证书都能等同国内证书吗" against "经…审核注册的国外职业资格证书": only the qualified ones
# (unless the qualifier itself is what is asked: "所有中方机构都要备案吗").
_UNIVERSAL = re.compile(r"所有|全部|任何|一切|凡是|不管什么|不论什么|随便哪|\b(?:all|any|every)\b", re.IGNORECASE)
_QUALIFIED_ZH = re.compile(r"经[^，。；]{2,30}?(备案|审核注册|许可|批准)的")


def for_all(question: str, unit: Unit) -> bool:
    """Whether a yes/no question claims for every one of a kind what the clause grants only
    to those that meet its qualifier."""
    m = _QUALIFIED_ZH.search(unit.text.zh)
    if m is None or not _UNIVERSAL.search(question):
        return False
    asked = normalise(question)
    return m.group(1) not in asked and not re.search(r"regist|filed|on record|approv|licen", asked, re.I)


# "证书只要在它本国有名就够了吗", "Is a business licence enough?": one thing, against a condition
# that asks for more.
_ENOUGH = re.compile(r"只要|光有|仅仅|仅凭|单凭|就够|就行了|就可以了|足够|\benough\b|\bsufficient\b|\bsuffices?\b",
                     re.IGNORECASE)


def alone_enough(question: str, unit: Unit) -> bool:
    """Whether the question asks if one thing suffices for a licensing condition (二), which
    always asks for more than one."""
    return unit.id.split(".")[0] == "2" and unit.kind in ("clause", "sentence", "part") and \
        bool(_ENOUGH.search(question))


_ALREADY_CHINESE = re.compile(r"(?:本来|原本|本身|已经|原来)(?:就)?(?:是|用)?中文|中文(?:写|做|出具)的|\b(?:already|originally)"
                              r" (?:in|written in) chinese\b|\bwritten in chinese\b", re.IGNORECASE)


def already_chinese(message: str) -> bool:
    """Whether the message says its materials are in Chinese already (the rule on translations
    covers materials in a foreign language only)."""
    return bool(_ALREADY_CHINESE.search(normalise(message)))
