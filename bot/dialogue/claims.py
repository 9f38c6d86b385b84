"""Whether a statement the user asks to confirm holds: "鉴定计划是报给自治区人社厅吧？",
"The notice was signed on 22 September 2020, correct?", "审批期限是45个自然日吗？".

A statement is checked against the clause that answers it, slot by slot: a count and what it
counts (``shape.counts``), the department, the annex, the party, the material category, the
way of disclosure, whether an item is optional, the notice's own dates.  "Yes" needs every
value the user states to be in the clause (for a slot with one value, the clause's only
one); "no" needs the clause to state a different value of that slot and not the user's.  A
statement no slot covers gets no verdict: the clause is quoted and the user judges.
"""

from __future__ import annotations

import re

from bot.dialogue import shape
from bot.dialogue.normalise import normalise
from bot.i18n import t
from bot.notice.units import UNITS_BY_ID, Unit

# (slot, exclusive, ((value, in the user's words, in the notice's words), ...)).  An exclusive
# slot has one right value per clause (who receives it, which annex); a list slot may have
# several (the matters where a certificate counts, the forms of inspection).
_SLOTS: tuple[tuple[str, bool, tuple[tuple[str, str, str], ...]], ...] = (
    ("department", True, (
        ("region", r"自治区(?:一级)?的?(?:人力资源|人社)|自治区(?:一级|级)|自治区(?=来|负责|督促|审批|批|管|组织|受理|作出|抄送)|区一级|省级|(?:区|自治区)人社厅|自治区厅|(?<![市县])区厅|(?:报|交|送|递|推送|报送|提交)(?:给|到)?自治区|人社厅|省厅|\bautonomous[- ]region\w*|"
                   r"\bregional (?:department|authorit|level|hr)|guangxi (?:department|human resources)",
         r"自治区人力资源社会保障部门|自治区人力资源和社会保障厅|省级人力资源和社会保障部门"),
        ("city", r"设区市|市(?:级)?人社|市里|市人力资源|市一级|(?<![设区])市级|\bprefecture|\bcity[- ](?:bureau|department|level|hr)|\bmunicipal",
         r"设区市人力资源社会保障部门"),
        ("committee", r"管委会|管理委员会|\bmanagement committee|\barea committee|\b(?:ftz|zone) (?:management )?committee|\bzone administration",
         r"管理委员会"),
        ("state_council", r"国务院|\bstate council\b", r"国务院"),
        ("ministry", r"人社部(?!门)|人力资源社会保障部(?!门)|\bministry\b|\b(?:approv\w*|decid\w*|grant\w*|licen[sc]\w*) (?:\w+ ){0,3}(?:in|by) beijing\b", r"人力资源社会保障部(?!门)"),
    )),
    ("annex", True, (
        ("annex1", r"附件\s*(?:1|一)(?!\d)|\bannex\s*(?:1|i)\b", r"附件\s*1(?!\d)"),
        ("annex2", r"附件\s*(?:2|二)(?!\d)|\bannex\s*(?:2|ii)\b", r"附件\s*2(?!\d)"),
    )),
    ("party", True, (
        ("foreign", r"外方|境外|外国机构|\bforeign (?:side|party|institution|body)", r"外方|境外机构"),
        ("chinese", r"中方|国内(?:的)?(?:机构|合作方|单位)|\bchinese (?:side|party|partner|institution)", r"中方|(?<!中外)合作(?!协议)"),
    )),
    ("category", True, (
        ("credentials", r"资信证明类|机构资信|\bcredential", r"机构资信证明类"),
        ("technical", r"专业技术类|\btechnical documents", r"专业技术类"),
        ("organisation", r"考试组织实施类|组织实施类|\borganisation of (?:the )?exam|\bexam(?:ination)? organi[sz]ation",
         r"考试组织实施类"),
        ("other", r"其他材料|\bother materials", r"其他材料"),
    )),
    ("disclosure", True, (
        ("proactive", r"主动公开|\bproactive\w*|^(?!.*\b(?:results?|findings?|outcomes?)\b).*\bmade public\b(?! on request)",
         r"主动公开"),
        ("on_request", r"依申请公开|\bon request\b|\bupon application\b", r"依申请公开"),
        ("not_public", r"不(?:会|予|用|需要|必)?(?:被)?(?:对外|向社会|对公众)?公开|内部文件|内部资料|\bnot (?:be )?(?:made )?public\b|\bconfidential\b", r"不予公开"),
        ("results_public", r"(?<!不)(?<!不会)公开结果|结果\S{0,4}(?<!不)(?<!不会)公开|\b(?:results?|findings?|outcomes?)\b.{0,40}"
                           r"\b(?:made public|public(?:ly)?|published|disclosed)", r"公开结果"),
    )),
    ("obligation", True, (
        ("required", r"必须|一定要|都得|强制|必交|(?:就|便)?(?:不能|没法|无法|不可以)(?:申请|提交|报)了?|申请不了|\bmandatory\b|\bcompulsory\b|\bmust (?:be )?(?:submit|provid|includ)",
         r"(?!)"),
        ("optional", r"如有|可选|不是必须|非必须|可以不(?:交|提交|提供|附)|不交也(?:行|可以)|没有(?:也|的话)(?:行|可以)|"
                     r"\bif any\b|\boptional\b|\b(?:can|may) (?:we )?(?:skip|leave (?:it )?out|omit)\b", r"如有"),
    )),
    ("issuer", True, (
        ("office", r"办公室|\bgeneral office\b", r"办公室"),
        ("department", r"人社厅(?!办公室)|人力资源和社会保障厅(?!办公室)|\bthe department\b(?! of)", r"保障厅(?!办公室)"),
    )),
    ("copy", True, (
        ("original", r"原件|\boriginals?\b", r"原件"),
        ("copy", r"复印件|\b(?:photo)?cop(?:y|ies)\b", r"复印件"),
    )),
    ("equivalent_to", True, (
        ("skill", r"职业技能证书|技能证书|\bskill certificates?\b", r"职业技能证书"),
        ("degree", r"学历|文凭|学位|职称|\bdegrees?\b|\bdiplomas?\b|\bacademic\b", r"(?!)"),
    )),
    ("place", True, (
        ("ftz", r"只(?:能|可以|限|准)?(?:在)?\S{0,4}(?:自贸区|自由贸易试验区)|\bonly (?:in|inside|within) (?:the )?(?:FTZ|free[- ]trade zone)",
         r"只能在自由贸易试验区内"),
        ("anywhere", r"区外|自贸区外|(?:自贸区|自贸试验区|自由贸易试验区|试验区|片区|FTZ)(?:以外|之外|外面|外头|外)|全区|全广西|任何地方|"
                     r"\banywhere\b|\boutside\b", r"(?!)"),
    )),
    ("levels", True, (
        ("one", r"(?:一个|一级|某个|单个|一种)等级|(?:最高|最低)\S{0,4}等级|最高级|最低级|最高一级|最低一级|\b(?:highest|lowest|top) level\b|\bone level\b|\ba single level\b", r"(?!)"),
        ("each", r"各(?:个)?等级|每个等级|所有等级|全部等级|\b(?:every|each|all) levels?\b", r"各等级"),
    )),
    ("time_of_year", True, (
        ("year_end", r"年底|年末|年终|12月|十二月|\bdecember\b|\bend of (?:the|each|every) year\b|\byear[- ]end\b",
         r"12月底"),
        ("year_start", r"年初|年头|开年|1月|一月|\bjanuary\b|\b(?:beginning|start) of (?:the|each|every) year\b|"
                       r"\bearly in the year\b", r"(?!)"),
        ("mid_year", r"年中|年底前半年|6月|六月|7月|七月|\bmid-?year\b|\bjune\b|\bjuly\b", r"(?!)"),
    )),
    ("strictness", True, (
        ("in_principle", r"原则上|\bin principle\b|\bas a rule\b|\bgenerally\b", r"原则上"),
        ("strict", r"绝对|一律|没有?任何例外|毫无例外|不能有例外|\bno exceptions?\b|\babsolutely\b|\bstrictly\b|\bwithout exception\b",
         r"(?!)"),
    )),
    ("frequency", True, (
        ("per_activity", r"每次|每一次|每场|每回|\beach time\b|\bbefore (?:each|every)\b|\bevery (?:assessment|exam)",
         r"每次"),
        ("yearly", r"每年|一年一次|一年(?:报|交|送|推)一次|一年一报|\bannually\b|\bonce a year\b|\b(?:every|each) year\b|"
                   r"\byearly\b", r"每年"),
        ("quarterly", r"每季度?|一季度一次|每个季度|\bquarterly\b|\bevery quarter\b", r"(?!)"),
        ("monthly", r"每月|每个月|一个月一次|\bmonthly\b|\bevery month\b", r"(?!)"),
        ("half_yearly", r"每半年|半年一次|\bhalf-?yearly\b|\bevery six months\b|\btwice a year\b", r"(?!)"),
    )),
    ("use", False, (
        ("subsidy", r"培训补贴|\btraining subsid", r"职业培训补贴"),
        ("post", r"岗位晋升|\bpost promotion|\bpromotion of staff", r"岗位晋升"),
        ("level", r"等级晋升|技能等级|\b(?:skill|qualification) level", r"职业技能等级晋升"),
    )),
    ("start", True, (
        # "审批时限是从受理之日起算的吧": the 45 working days run from receipt (收到申请之日), not acceptance
        ("acceptance", r"(?:从|自)受理|受理(?:之日|那天|当天|日)(?:起|开始)?|受理(?:后|以后)?(?:开始|才)?(?:起算|算起|计算)|"
                       r"\bfrom (?:the )?(?:formal )?acceptance\b|\b(?:at|upon|on) (?:formal )?acceptance\b|"
                       r"\bwhen (?:it is|it's|the application is|our application is) accepted\b", r"(?!)"),
        ("receipt", r"收到(?:申请)?(?:之日|那天|当天)|递交(?:之日|那天|当天)|\b(?:from|on) (?:the )?(?:day of )?receipt\b|"
                    r"\bwhen (?:they|the department|it) receives?\b", r"收到申请之日"),
    )),
    ("applicant", True, (
        # "是中方合作机构去提申请吗": who hands in the application (四（一）: the issuing body).
        ("issuer", r"(?:发证机构|外方|境外机构|国外机构|外国机构)\S{0,8}(?:提|提出|递交|提交|递)\S{0,2}申请|"
                   r"申请人\S{0,3}(?:是|为)\S{0,3}(?:发证机构|外方|境外|国外)|"
                   r"申请\S{0,4}(?:由|让|叫|交给)\S{0,4}(?:发证机构|外方|境外|国外)\S{0,10}(?:提|递|交)|"
                   r"\b(?:issuing|foreign|overseas) (?:body|institution|issuer|organi[sz]ation)\b.{0,30}"
                   r"\b(?:the applicant|appl(?:y|ies)|submits?|files?|lodges?)\b", r"发证机构向\S{0,20}提出申请"),
        ("partner", r"(?:中方|国内|合作)\S{0,8}(?:提|提出|递交|提交|递)\S{0,2}申请|申请人\S{0,3}(?:是|为)\S{0,3}(?:中方|国内|合作)|"
                    r"申请\S{0,4}(?:由|让|叫|交给)\S{0,4}(?:中方|国内|合作)\S{0,10}(?:提|递|交)|"
                    r"\b(?:chinese|local|domestic) (?:partner|side|party|institution)\b.{0,30}"
                    r"\b(?:the applicant|appl(?:y|ies)|submits?|files?|lodges?)\b|"
                    r"\bapplicant\b.{0,20}\b(?:chinese|local|domestic) (?:partner|side|party)", r"(?!)"),
    )),
    ("inspection", False, (
        ("routine", r"日常检查|\broutine (?:inspection|check)|\bdaily (?:inspection|check)", r"日常检查"),
        ("special", r"专项检查|\bspecial (?:inspection|check)|\btargeted (?:inspection|check)", r"专项检查"),
        ("random", r"双随机|\bdouble[- ]random", r"双随机"),
        ("key", r"重点监管|\bkey (?:supervision|oversight|monitoring)|\bfocused supervision", r"重点监管"),
        ("credit", r"信用监管|\bcredit[- ]based|\bcredit (?:supervision|regulation|oversight|monitoring)", r"信用监管"),
    )),
)
# Slots that are mostly what a question is about ("中方合作机构可以有两家吧", "Does Annex 1 ask
# about test sites?"), not what it states: they can only say "no", and stay in the search.
_SUBJECTS = frozenset({"party", "annex", "time_of_year", "applicant"})
_COMPILED = tuple((slot, exclusive, tuple((v, re.compile(user, re.I), re.compile(notice))
                                          for v, user, notice in values))
                  for slot, exclusive, values in _SLOTS)
_DATE = re.compile(r"(?:(?P<y>(?:19|20)\d\d)\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?|"
                   r"(?P<d2>\d{1,2})(?:st|nd|rd|th)? (?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
                   r"(?P<mon2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (?P<d3>\d{1,2})\b", re.I)
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年?")
_ONLY = re.compile(r"只有|只是|仅有|仅|就只|只(?=\S{0,4}一种)|\bonly\b|\bjust\b", re.IGNORECASE)
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
# A yes/no question that states something: "…吗？", "是不是…", "Is …?", "…, right?".
_YES_NO = re.compile(r"(?:吗|(?<![什怎])么|不|没有?|对不对|是不是|是否|算不算)[？?。！!]*$|^(?:是不是|是否|难道)|是不是|"
                     r"能不能|可不可以|要不要|需不需要|用不用|行不行|有没有|会不会|吗[，,]|([\u4e00-\u9fff])不\1|"
                     r"^(?!.*(?:什么|啥|哪|怎么|谁|多少|几|多久|为什么|为啥|如何|干嘛|干吗)).*(?:要|需要|得|能|可以|是|算|有|交|提交)\S{0,14}[？?]$|"
                     r"(?:^|[.!]\s+)(?:is|are|does|do|did|can|could|may|must|should|shall|was|were|will|would|has|have)\b|"
                     # "If the body commits violations, will the result be published?"
                     r"^\W*(?:if|when|once|after|in case)\b[^,?]*,\s*(?:is|are|does|do|can|could|may|must|should|"
                     r"shall|will|would|has|have)\b|"
                     # "applicant wants to know whether experts will review it"
                     r"\b(?:know|ask(?:s|ed|ing)?|wonder(?:s|ing)?|confirm|tell (?:me|us)) (?:whether|if)\b|^\W*whether\b|"
                     # "And they're working days?": a statement asked back
                     r"\bor not\s*\??\s*$|"  # "we must have chinese partner or not?"
                     r"^\W*(?:(?:and|so|but|ok(?:ay)?),?\s+)?(?:they're|they are|it's|it is|that's|that is|these are|"
                     r"those are)\b[^?]*\?\s*$",
                     re.IGNORECASE)


_CONFIRM_TAIL = re.compile(r"[，,\s]*(?:" + shape.CONFIRM_WORDS_ZH + r")[？?。！!]*$|"
                           r"[,\s]*(?:right|correct|true|isn'?t it|is that (?:right|correct|so))\s*\?*$", re.IGNORECASE)


# "是45个工作日还是自然日？": a choice between two things, not a yes/no question ("还是要交吗" is one).
_CHOICE_ZH = re.compile(r"还是(?!要|需要|得|会|能|可以|应该|必须|都)[^，,。？?]{1,24}[？?]?$")


def is_yes_no(text: str) -> bool:
    """Whether a message is a yes/no question or a statement to confirm."""
    text = normalise(text.strip())  # "使唔使…", "係唔係…": Cantonese polar forms too
    return shape.is_claim(text) or bool(_YES_NO.search(text))


def is_choice(text: str) -> bool:
    """Whether a question asks which of two things ("报自治区厅还是报市里？"): its answer is the
    clause, not "yes"."""
    text = text.strip()
    return bool(_CHOICE_ZH.search(text)) and not re.search(r"[吗么][？?。！!]*$", text)


def _values(text: str, notice: bool) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for slot, _, values in _COMPILED:
        keys = {v for v, user, own in values if (own if notice else user).search(text)}
        if keys:
            found[slot] = keys
    return found


def without_values(text: str) -> str:
    """The statement without the values it asserts (so that the search finds the clause the
    statement is about, not the one a wrong value names)."""
    out = _CONFIRM_TAIL.sub("", text.strip())
    for slot, exclusive, values in _COMPILED:
        if exclusive and slot not in _SUBJECTS:
            for _, user, _ in values:
                out = user.sub(" ", out)
    out = _DEPARTMENT_REST.sub(" ", out)  # "设区市人社局": the department word after its level
    return _DATE.sub(" ", out)


_DEPARTMENT_REST = re.compile(r"(?<=\s)(?:的)?(?:人社局|人社厅|人社部门|人力资源(?:和)?社会保障(?:局|厅|部门))")


def _dates(text: str) -> set[tuple[int, int]]:
    out = set()
    for m in _DATE.finditer(text):
        if m.group("m"):
            out.add((int(m.group("m")), int(m.group("d"))))
        elif m.group("mon"):
            out.add((_MONTHS[m.group("mon").lower()[:3]], int(m.group("d2"))))
        else:
            out.add((_MONTHS[m.group("mon2").lower()[:3]], int(m.group("d3"))))
    return out


# A span of weeks or months before a date ("提前一周", "a month ahead") as the days it is, to be
# compared with a count of days: unit words → days per unit.
_SPAN = re.compile(r"(?P<n>[一二两三四]|\d)\s*(?:个)?(?P<zh>周|星期|礼拜)|(?P<n2>[一二两三]|\d)\s*个(?P<zhm>月)|"
                   r"(?P<e>one|two|three|a) (?P<en>weeks?|months?)\b", re.IGNORECASE)
_DAYS_PER = {"周": 7, "星期": 7, "礼拜": 7, "月": 30, "week": 7, "weeks": 7, "month": 30, "months": 30}
_BEFORE = re.compile(r"提前|之前|以前|前|before|ahead|in advance", re.IGNORECASE)


def _in_days(m: re.Match[str]) -> str:
    """"一周" / "两个月" / "a month" as the days they are ("7天", "60天", "30天")."""
    word = (m.group("n") or m.group("n2") or m.group("e")).lower()
    unit = (m.group("zh") or m.group("zhm") or m.group("en")).lower()
    count = 1 if word == "a" else shape.number_value(word) or 1
    return f"{count * _DAYS_PER[unit]}天"


def verdict(text: str, clause: str) -> str | None:
    """"holds", "differs", "working_days" (the count is right, the notice counts working
    days) or None (nothing to compare) for the statement ``text`` against the clause's
    Chinese text ``clause``."""
    text = normalise(text)
    text = re.sub(r"一家[^，。？?]{0,12}?[、和及跟与]\S{0,10}?一家", "两家", text)  # "南宁一家、钦州一家"
    if _BEFORE.search(text):
        text = _SPAN.sub(_in_days, text)
    results = []
    said_dates, there_dates = _dates(text), _dates(clause)
    said_years, there_years = set(_YEAR.findall(text)), set(_YEAR.findall(clause))
    if said_dates and there_dates:
        results.append(said_dates <= there_dates)
    if said_years and there_years:
        results.append(said_years <= there_years)
    elif not said_dates:
        said = shape.counts(text)
        there = shape.counts(clause)
        known = [(kind, n) for kind, n in said if any(k == kind for k, _ in there)]
        if known:
            results.append(all(c in there for c in known))
    mine, theirs = _values(text, False), _values(clause, True)
    for slot, exclusive, _ in _COMPILED:
        if slot not in mine or slot not in theirs:
            continue
        if not exclusive:
            if mine[slot] <= theirs[slot]:
                # "就只有专项检查一种吧": a list said to hold only some of what the clause lists
                results.append(not (_ONLY.search(text) and theirs[slot] - mine[slot]))
        elif mine[slot] == theirs[slot]:
            if slot not in _SUBJECTS or slot == "applicant" or slot == "time_of_year" and shape.is_claim(text):
                results.append(True)  # "Annual summary in end December, correct?"
        elif not mine[slot] & theirs[slot] and (len(theirs[slot]) == 1 or slot == "department"):
            results.append(False)  # "是根据国务院的文件吗": neither department the clause names
    if not results and re.search(r"工作日[，,]?(?:而)?不是(?:自然日|日历日)|\bworking days?,? not calendar days?", text, re.I):
        return "holds"  # "那是工作日不是自然日对吧"
    if not results and "工作日" in clause and re.search(r"工作日|\bworking days?\b|\bbusiness days?\b", text, re.I) and \
            not re.search(r"自然日|日历日|calendar|还是|\bor\b", text, re.I):
        return "holds"  # "And they're working days?" of the 45 working days
    if not results or re.search(r"工作日|working days?|business days?", text, re.I) and \
            re.search(r"自然日|日历日|calendar days?", text, re.I):
        return None  # "45 working days or calendar days?": which one, not whether
    if all(results) and re.search(r"工作日|\bworking days?\b|\bbusiness days?\b", text, re.I) and "工作日" not in clause \
            and re.search(r"\d+日", clause):
        return "differs"  # "鉴定计划要提前10个工作日吧": the clause says "10日", not working days
    if not all(results):
        return "differs"
    if re.search(r"工作日", clause) and re.search(r"(?<!工作)(?<![之当那])日(?![内起])|自然日|日历日|天|calendar days|\bdays\b", text) \
            and not re.search(r"工作日|working days?|business days?", text, re.I):
        return "working_days"
    return "holds"


def claim_line(text: str, unit: Unit, lang: str) -> str | None:
    """For a statement to confirm ("鉴定计划是报给自治区人社厅吧？"): yes, no, or "the number is
    right but it counts working days", checked against the clause that answers it (a
    material with its category); None when nothing in it can be compared."""
    clause = unit.text.zh
    parent = UNITS_BY_ID.get(unit.parent or "")
    if unit.kind == "material" and parent is not None:
        category = parent if parent.kind == "category" else UNITS_BY_ID.get(parent.parent or "")
        clause += "\n" + (category.title.zh if category is not None else "")  # its category's name
    if unit.id.split(".")[0] == "annex2":
        clause += "\n" + UNITS_BY_ID["6.annual_report"].text.zh  # when and to whom it goes
    # "“…实施重点监管”——这句话是不是说被投诉就会被罚": the words quoted are the notice's own,
    # not what the user states.
    if is_choice(text):
        return None
    stated = re.sub(r"[“\"「『][^”\"」』]{6,}[”\"」』]", " ", text)
    found = verdict(stated, clause)
    return None if found is None else t(f"claim_{found}", lang)


# "这是人社部直接发给全国的通知吧？", "So the Ministry in Beijing issued this?": a claim that the
# notice came from a national body (it cites the Ministry's document; it is the region's own).
_NATIONAL = re.compile(r"人社部(?!门)|人力资源社会保障部(?!门)|国务院|国家|中央|部里|\bministry\b|\bstate council\b|"
                       r"\bbeijing\b|\bnational\b|\bcentral government\b", re.IGNORECASE)
_ISSUED = re.compile(r"发的|发布的?|印发的?|下发|出的|制定的?|签发|发给全国|\bissued\b|\bpublished\b|\bput out\b|"
                     r"\bwrote\b|\bcame from\b|\bfrom the\b", re.IGNORECASE)
_CITED_DOC = re.compile(r"103|依据|根据|引用|上位|based on|\bcites?\b|\bcited\b|\bunder\b", re.IGNORECASE)
_NATIONWIDE = re.compile(r"全国|各省|\bnationwide\b|\ball (?:of )?china\b|\bevery province|\bwhole (?:of )?china\b|"
                         r"\bthe whole country\b", re.IGNORECASE)


def national_issuer_claim(text: str) -> tuple[str, ...] | None:
    """The units that answer a yes/no claim that a national body issued this notice (its
    issuer; and its addressees when the claim says it went to the whole country), or None."""
    if not is_yes_no(text) or not _NATIONAL.search(text) or not (_ISSUED.search(text) or _NATIONWIDE.search(text)) \
            or _CITED_DOC.search(text):
        return None
    return ("header.issuer", "header.addressees") if _NATIONWIDE.search(text) else ("header.issuer",)


# "被授权还是被委托", "报自治区还是报市里", "before or after each assessment?": the two sides.
_CHOICE_SIDES_ZH = re.compile(r"(?P<a>[^，,。？?是]{1,10})还是(?P<b>[^，,。？?]{1,10})[？?]?$")
_CHOICE_SIDES_EN = re.compile(r"\b(?P<a>[a-z-]+(?: [a-z-]+)?) or (?P<b>[a-z-]+(?: [a-z-]+)?)\b\W*$", re.IGNORECASE)
_CHOICE_STOP = frozenset("被 的 了 吗 呢 要 是 在 由 给 向 那 这 那天 这天 算 交 报".split())


def choice_side(text: str, unit: Unit, lang: str) -> str | None:
    """For a question between two things, the one the clause's own words name ("委托" for
    "是被授权还是被委托管理监督"), when it names that one and not the other; else None."""
    import jieba

    m = _CHOICE_SIDES_ZH.search(text) if re.search(r"[\u4e00-\u9fff]", text) else _CHOICE_SIDES_EN.search(text)
    if not m:
        return None
    a, b = m.group("a"), m.group("b")
    if re.search(r"[\u4e00-\u9fff]", text):
        words = [{w for w in jieba.lcut(x) if len(w) >= 2 and w not in _CHOICE_STOP} for x in (a, b)]
        hay = unit.text.zh
    else:
        words = [{w.lower() for w in x.split() if len(w) >= 4} for x in (a, b)]
        hay = unit.text.en.lower()
    only = [w - words[1 - i] for i, w in enumerate(words)]
    named = [any(w in hay for w in side) for side in only]
    if named.count(True) != 1:
        return None
    side = only[named.index(True)]
    return next(w for w in side if w in hay)


def applicant_claim(text: str) -> bool:
    """Whether a yes/no question states who hands in the application ("是中方合作机构去提申请吗",
    "Is the Chinese partner the applicant?"): answered by 四（一）, whatever else it names."""
    applicant = next(values for slot, _, values in _COMPILED if slot == "applicant")
    return is_yes_no(text) and not is_choice(text) and any(user.search(normalise(text)) for _, user, _ in applicant)


# The approving as what the department does: "审批是…负责的", "是…审批吧", "the city … makes the approval decision"
_APPROVES = re.compile(r"(?:审批|批准)\S{0,2}(?:是|由|归)|(?:是|由)\S{0,12}(?:审批|批准|来批|批)(?:的)?\W*(?:吧|吗|对吧|是吧)?\W*$|"
                       r"\b(?:approves?|grants?|makes? the (?:approval )?decisions?|decides|issues? the (?:licen[cs]e|approval))\b|"
                       r"\b(?:approved|decided|licen[cs]ed|granted) by\b", re.IGNORECASE)
_OTHER_DUTY = re.compile(r"计划|年报|汇总|监督|监管|检查|抄送|受理|多久|几天|工作日|下放|权限|授权|依据|根据|结果|获批后|审批后|"
                         r"\bafter (?:the )?approval\b|\bcheck\w*|\bdelegat\w*|\bdevolv\w*|\bplans?\b|\bsummary\b|\bsupervis\w*|"
                         r"\binspect\w*|\bhow long\b|\bdays?\b|\bcop(?:y|ied)\b", re.IGNORECASE)


def approver_claim(text: str) -> bool:
    """Whether a yes/no question states which department approves ("审批是设区市人社局负责的对吧",
    "So the city HR bureau makes the approval decision, right?"): answered by 一 (审批层级)."""
    if not is_yes_no(text) or not _APPROVES.search(text) or _OTHER_DUTY.search(text):
        return False
    return "department" in _values(normalise(text), False)

