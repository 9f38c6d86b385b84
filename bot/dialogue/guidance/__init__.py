"""Guidance: answers to questions about the notice, rendered from :mod:`bot.notice`.

Two jobs:

* find what a free-text question is about (:func:`find_subjects`): a material, a
  category of materials, a licensing condition, a post-approval duty, an annex form,
  or something the notice does not cover — using the aliases in :mod:`bot.notice`
  and a small matching vocabulary kept here (words people use, not facts);
* render the answer for a topic (:func:`answer`), every fact taken from
  :mod:`bot.notice`, with the clause it comes from, in Chinese or English.  Where the
  notice is silent the answer says so and names the contact from :mod:`bot.settings`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot import notice as N
from bot.i18n import t
from bot.dialogue.reply import Button, Reply, payload
from bot.settings import get_settings

# ---------------------------------------------------------------------------
# Subjects: what a question is about
# ---------------------------------------------------------------------------

MATERIAL = "material"
CATEGORY = "category"
GROUP = "group"
CONDITION = "condition"
CONDITION_CLAUSE = "condition_clause"
DUTY = "duty"
ANNEX = "annex"
NOT_COVERED = "not_covered"
TIMING = "timing"  # decision | plan | annual
ASPECT = "aspect"  # what about a material: issuer, format, …
TRANSLATION_OPEN = "translation_open"  # a translation question on what the notice leaves open
MATERIAL_CUE = "material_cue"  # a question about documents to hand in


@dataclass(frozen=True)
class Subject:
    kind: str
    id: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"

    @classmethod
    def parse(cls, key: str | None) -> Subject | None:
        """A subject from its key ("material:1.1.4"), or None if the key names nothing."""
        if not key or ":" not in key:
            return None
        kind, _, ident = key.partition(":")
        subject = cls(kind, ident)
        return subject if subject.exists() else None

    def exists(self) -> bool:
        known: dict[str, Iterable[str]] = {
            MATERIAL: N.MATERIALS_BY_ID,
            CATEGORY: N.CATEGORIES_BY_ID,
            GROUP: N.GROUPS_BY_ID,
            CONDITION: N.CONDITIONS_BY_ID,
            CONDITION_CLAUSE: [str(i) for i in range(len(N.CONDITION_CLAUSES))],
            DUTY: N.DUTIES_BY_ID,
            ANNEX: N.ANNEXES,
            NOT_COVERED: _NOT_COVERED_WORDS,
            TIMING: ("decision", "plan", "annual"),
            ASPECT: _ASPECT_WORDS,
        }
        return self.id in known.get(self.kind, ())


# Matching vocabulary.  These are words applicants use; they decide which part of the
# notice to show and are never shown as facts.
_CONDITION_WORDS: dict[str, tuple[str, ...]] = {
    "international_recognition": (
        "国际上", "国际影响", "广泛的影响", "影响力", "流通性", "流通", "国际认可", "知名度", "国际通用",
        "international", "internationally", "circulation", "widely recognised",
        "widely recognized", "influence", "well known", "well-known", "recognition",
    ),
    "fits_chinese_system": (
        "职业种类", "证书体系", "资格证书体系", "体系发展", "我国职业", "对应我国", "对应的职业", "职业编码",
        "chinese system", "china's system", "qualification system", "occupations and standards",
        "correspond", "match a chinese", "chinese occupation", "occupation code",
    ),
    "technical_strength": (
        "技术实力", "实力", "专职人员", "考评人员", "technical strength", "technical capacity",
        "technical capability", "expertise", "examiners", "staff",
    ),
    "reliable_credit": (
        "资信", "信誉", "信用", "可靠的资信", "credit standing", "creditworthiness", "reputation",
        "financial standing", "reliable credit", "credit",
    ),
    "non_profit": (
        "营利", "盈利", "赚钱", "非营利", "非盈利", "商业", "利润", "收益",
        "profit", "non-profit", "nonprofit", "not for profit", "not-for-profit", "commercial",
        "make money",
    ),
    "registered_partner": (
        "备案", "职业技能评价机构", "行业组织", "社会团体", "鉴定机构", "认定机构", "on record",
        "registered partner", "skill evaluation institution", "industry organisation",
        "industry organization", "industry association",
    ),
    "single_partner": (
        "一家", "几家", "多家", "两家", "多个合作", "多个中方", "同一时期", "同时合作",
        "more than one", "only one", "several partners", "multiple partners", "two partners",
        "how many partners", "how many chinese", "one partner", "same time",
    ),
    "legal_person": (
        "法人", "独立法人", "法人资格", "legal person", "legal-person", "legal entity",
        "legal personality", "legal status", "incorporated",
    ),
    "exam_rules": (
        "考试项目", "考试章程", "明确的考试", "exam items", "examination items",
        "examination regulations", "exam regulations", "exam rules",
    ),
    "exam_capacity": (
        "必要条件", "承办考试", "办考", "考点", "场地", "设备", "考务",
        "necessary conditions", "hold the exam", "hold exams", "run the exam", "run exams",
        "facilities", "premises", "equipment", "test centre", "test center",
    ),
}

# Words that name a condition only when no other condition is named ("中方合作机构" is in
# many questions about other conditions too).
_CONDITION_WEAK_WORDS: dict[str, tuple[str, ...]] = {
    "registered_partner": (
        "合作机构", "中方合作", "中方机构", "合作方", "chinese partner", "partner institution",
        "partner", "cooperate with",
    ),
}

_DUTY_WORDS: dict[str, tuple[str, ...]] = {
    "operate_in_ftz": (
        "自贸区外", "自由贸易试验区外", "区外", "只能在", "范围", "地域", "南宁", "钦州", "崇左", "片区",
        "哪里开展", "在哪开展", "哪些地方", "其他城市", "外地", "全区", "全国",
        "outside the zone", "outside the free trade zone", "outside the ftz", "only in",
        "only inside", "where can", "which areas", "which area", "nanning", "qinzhou",
        "chongzuo", "other cities", "elsewhere", "anywhere", "whole country",
    ),
    "assessment_plan": (
        "鉴定计划", "考试计划", "计划", "推送", "提前", "前10日", "前十日", "10天", "十天", "10日",
        "assessment plan", "exam plan", "plan", "in advance", "10 days", "ten days",
        "beforehand", "notify the city",
    ),
    "equivalence": (
        "等同", "同等", "等效", "视同", "补贴", "晋升", "同类工种", "认可度", "有什么用", "有什么好处",
        "equivalent", "equivalence", "equal to", "same as a chinese", "subsidy", "subsidies",
        "promotion", "treated as", "recognised as", "recognized as", "worth", "benefit",
    ),
    "annual_report": (
        "年度", "年报", "每年", "12月", "十二月", "年底", "年终", "汇总表", "核发证书信息",
        "annual", "yearly", "every year", "each year", "december", "year-end", "end of the year",
    ),
    "rectification": (
        "整改", "撤销", "撤回", "注销", "变更", "行政许可法", "违规", "违法", "处罚", "吊销", "取消资格",
        "rectif", "revoke", "revocation", "withdraw", "cancel", "administrative licensing law",
        "violation", "violate", "penalt", "sanction", "break the rules",
    ),
}

_ANNEX_WORDS: dict[str, tuple[str, ...]] = {
    "annex1": ("附件1", "附件一", "注册表", "审核注册表", "annex 1", "annex1", "annex i ",
               "attachment 1", "registration form", "application form", "appendix 1"),
    "annex2": ("附件2", "附件二", "汇总表", "年度核发证书信息汇总表", "annex 2", "annex2", "annex ii",
               "attachment 2", "annual summary", "summary form", "appendix 2"),
}

_NOT_COVERED_WORDS: dict[str, tuple[str, ...]] = {
    "fees": ("费用", "收费", "多少钱", "交钱", "缴费", "付费", "费", "免费", "价格",
             "fee", "fees", "cost", "costs", "charge", "charges", "price", "pay", "payment",
             "free of charge"),
    "permits": ("其他许可", "其他手续", "其他审批", "还要办", "还需要办", "别的许可", "别的手续",
                "其他证照", "other permit", "other permits", "other licence", "other license",
                "other approvals", "other formalities", "other approval"),
    "legal": ("法律意见", "律师", "起诉", "诉讼", "复议", "合法吗", "违法吗", "法律责任", "legal advice",
              "lawyer", "sue", "lawsuit", "appeal", "legal opinion", "liability"),
    "status": ("进度", "查询", "状态", "到哪一步", "progress", "status", "track"),
    "validity": ("有效期", "续期", "延续", "期满", "多少年有效", "valid for", "validity", "renew",
                 "renewal", "expire", "expiry"),
    "foreign_staff": ("签证", "工作许可", "外籍人员", "外国人", "visa", "work permit",
                      "residence permit"),
}

# Questions about a translation the notice leaves open: who makes it, its form, certification.
_TRANSLATION_OPEN_WORDS: dict[str, tuple[str, ...]] = {
    "open": ("谁来翻译", "谁翻译", "由谁翻译", "谁译", "哪里翻译", "翻译公司", "翻译机构", "资质", "公证",
             "认证", "盖章", "签章", "格式", "模板", "who translates", "who can translate",
             "who should translate", "who must translate", "translator", "translation agency",
             "translation company", "certif", "notari", "sworn", "stamp", "seal", "legalis",
             "legaliz", "format", "template"),
}

# Words that make a question about documents to hand in.
_MATERIAL_CUE_WORDS: dict[str, tuple[str, ...]] = {
    "documents": ("材料", "文件", "提交", "提供", "交哪些", "交什么", "要交", "证明", "documents",
                  "document", "papers", "paperwork", "materials", "provide", "submit",
                  "hand in", "send in"),
}

_ASPECT_WORDS: dict[str, tuple[str, ...]] = {
    "issuer": ("谁出具", "谁开", "谁出", "谁来出", "谁签", "哪个银行", "哪家银行", "出具", "开具",
               "由谁", "哪个机构", "哪家机构", "who issues", "who should issue", "who must issue",
               "who can issue", "issued by", "which bank", "who signs", "who writes", "issue it",
               "who provides", "from whom", "who"),
    "format": ("格式", "样式", "模板", "范本", "样板", "式样", "format", "template", "layout"),
    "content": ("内容", "包含", "包括什么", "写什么", "哪些信息", "写哪些", "contain", "include",
                "content", "contents", "what should it say", "what goes in", "what is it",
                "what's", "what is"),
    "validity": ("有效期", "多久以内", "几个月内", "最近", "多久内", "过期", "valid", "how recent",
                 "expiry", "expire", "dated within"),
    "notarisation": ("公证", "认证", "盖章", "公章", "领事", "海牙", "apostille", "notari",
                     "legalis", "legaliz", "stamp", "seal", "certified copy", "consular"),
    "copies": ("原件", "复印件", "几份", "份数", "副本", "original", "copy", "copies",
               "how many sets"),
    "length": ("字数", "页数", "多长", "篇幅", "pages", "length", "how long should"),
    "translation": ("翻译", "译本", "译文", "中文版", "英文版", "外文", "translat", "chinese version",
                    "in chinese", "in english", "language"),
}

_TIMING_WORDS: dict[str, tuple[str, ...]] = {
    "decision": ("审批", "决定", "结果", "多久", "多长时间", "几天", "工作日", "45", "四十五", "批下来",
                 "出结果", "下来", "办结", "时限", "期限", "decision", "approval", "approve", "how long",
                 "result", "processing", "working days", "45", "time limit", "decided", "decide"),
    "plan": _DUTY_WORDS["assessment_plan"],
    "annual": _DUTY_WORDS["annual_report"],
}

_CN_ORD = "一二三四五六"
_CLAUSE_REF = re.compile(r"([一二三四五六])\s*[（(]\s*([一二三四])\s*[)）]")
_ROMAN_REF = re.compile(r"\b(I{1,3}|IV|V|VI)\s*\(\s*([1-4])\s*\)")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


def _material_terms() -> list[tuple[str, Subject]]:
    terms: list[tuple[str, Subject]] = []
    for m in N.MATERIALS:
        names = {m.name.zh, m.short.zh, m.name.en, m.short.en, *m.aliases}
        for name in names:
            terms.append((name, Subject(MATERIAL, m.id)))
    for c in N.CATEGORIES:
        for name in (c.name.zh, c.name.en, c.name.zh.removesuffix("文件")):
            terms.append((name, Subject(CATEGORY, c.id)))
    extra_categories = {
        "1": ("资信证明类", "资信类", "credential documents", "credentials"),
        "2": ("专业技术类", "技术类文件", "technical documents"),
        "3": ("考试组织实施类", "组织实施类", "examination organisation", "exam organisation",
              "examination organization", "exam organization"),
        "4": ("其他材料", "other materials"),
    }
    for cid, names in extra_categories.items():
        for name in names:
            terms.append((name, Subject(CATEGORY, cid)))
    for g in N.GROUPS:
        terms.append((g.name.zh, Subject(GROUP, g.id)))
        terms.append((g.name.en, Subject(GROUP, g.id)))
    extra_groups = {
        "1.2": ("中方机构合法性", "中方合法性", "chinese institution's legal standing",
                "legal standing of the chinese", "中方合作机构", "中方机构", "中方合作方", "中方",
                "chinese partner", "chinese institution", "chinese cooperating institution",
                "chinese side"),
        "1.1": ("外方机构合法性", "外方合法性", "foreign institution's legal standing",
                "legal standing of the foreign", "外方机构", "外方", "国外机构", "境外机构",
                "foreign institution", "foreign body", "overseas institution", "foreign side"),
    }
    for gid, names in extra_groups.items():
        for name in names:
            terms.append((name, Subject(GROUP, gid)))
    return terms


def _vocab_terms(kind: str, words: dict[str, tuple[str, ...]]) -> list[tuple[str, Subject]]:
    return [(w, Subject(kind, key)) for key, ws in words.items() for w in ws]


_TERMS: dict[str, list[tuple[str, Subject]]] = {
    MATERIAL: _material_terms(),
    CONDITION: _vocab_terms(CONDITION, _CONDITION_WORDS),
    "condition_weak": _vocab_terms(CONDITION, _CONDITION_WEAK_WORDS),
    DUTY: _vocab_terms(DUTY, _DUTY_WORDS),
    ANNEX: _vocab_terms(ANNEX, _ANNEX_WORDS),
    NOT_COVERED: _vocab_terms(NOT_COVERED, _NOT_COVERED_WORDS),
    ASPECT: _vocab_terms(ASPECT, _ASPECT_WORDS),
    TIMING: _vocab_terms(TIMING, _TIMING_WORDS),
    TRANSLATION_OPEN: _vocab_terms(TRANSLATION_OPEN, _TRANSLATION_OPEN_WORDS),
    MATERIAL_CUE: _vocab_terms(MATERIAL_CUE, _MATERIAL_CUE_WORDS),
}


def _is_ascii_word(term: str) -> bool:
    return all(ord(c) < 128 for c in term)


def _pattern(term: str) -> re.Pattern[str]:
    escaped = re.escape(term.lower())
    if _is_ascii_word(term):
        # Whole words (a prefix such as "rectif" or "notari" matches word beginnings).
        tail = r"" if term.endswith(("if", "ari", "alis", "aliz", "penalt", "translat")) else r"\b"
        return re.compile(rf"(?<![a-z0-9]){escaped}{tail}")
    return re.compile(escaped)


_PATTERNS: dict[str, list[tuple[re.Pattern[str], int, Subject]]] = {
    family: sorted(((_pattern(term), len(term), subject) for term, subject in terms),
                   key=lambda x: -x[1])
    for family, terms in _TERMS.items()
}


@dataclass(frozen=True)
class Match:
    subject: Subject
    start: int
    length: int


def _scan(family: str, text: str) -> list[Match]:
    """Non-overlapping matches of a family's terms, longest terms first."""
    low = text.lower()
    taken: list[tuple[int, int]] = []
    found: list[Match] = []
    for pattern, _length, subject in _PATTERNS[family]:
        for m in pattern.finditer(low):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found.append(Match(subject, s, e - s))
    found.sort(key=lambda m: (m.start, -m.length))
    return found


_CHINESE_SIDE = re.compile(r"中方|chinese (?:partner|institution|side|organi[sz]ation)", re.I)
_COUNTERPART = {"1.1.1": "1.2.1", "1.1.2": "1.2.2"}


def _clause_subjects(text: str) -> list[Subject]:
    """Subjects named by a clause reference such as "二（一）", "六(二)" or "II(1)"."""
    refs: list[tuple[int, int]] = []
    for m in _CLAUSE_REF.finditer(text):
        refs.append((_CN_ORD.index(m.group(1)) + 1, "一二三四".index(m.group(2)) + 1))
    for m in _ROMAN_REF.finditer(text):
        refs.append((_ROMAN[m.group(1)], int(m.group(2))))
    out: list[Subject] = []
    for part, item in refs:
        if part == 2 and item <= len(N.CONDITION_CLAUSES):
            out.append(Subject(CONDITION_CLAUSE, str(item - 1)))
        elif part == 3 and str(item) in N.CATEGORIES_BY_ID:
            out.append(Subject(CATEGORY, str(item)))
        elif part == 6:
            out.extend(Subject(DUTY, d.id) for d in N.DUTIES if d.clause.ref.en == f"VI({item})")
        elif part == 4 and item == 3:
            out.append(Subject(TIMING, "decision"))
    return out


def find_subjects(text: str, families: Sequence[str] = (MATERIAL, CONDITION, DUTY, ANNEX,
                                                          NOT_COVERED)) -> list[Subject]:
    """What ``text`` names, family by family in the order given, without repeats.

    Materials are matched by the notice's names and aliases (the longest name wins, so
    "事业单位登记证书" is 1.2.1 and not 1.1.1); "中方" turns the foreign institution's
    registration certificate or articles into the Chinese institution's.
    """
    subjects: list[Subject] = []
    for s in _clause_subjects(text):
        if s not in subjects:
            subjects.append(s)
    chinese_side = bool(_CHINESE_SIDE.search(text))
    for family in families:
        for match in _scan(family, text):
            s = match.subject
            if s.kind == MATERIAL and chinese_side and s.id in _COUNTERPART:
                s = Subject(MATERIAL, _COUNTERPART[s.id])
            if s not in subjects:
                subjects.append(s)
    return subjects


def find_aspects(text: str) -> list[str]:
    """What a question about a material asks: issuer, format, content, validity …"""
    return [m.subject.id for m in _scan(ASPECT, text)]


# ---------------------------------------------------------------------------
# Rendering helpers
# ---------------------------------------------------------------------------


_PREAMBLE = "preamble"


def _sources(clauses: Sequence[N.Clause | str], lang: str) -> str:
    """The source line: one clause as :meth:`bot.notice.Clause.cite` gives it, several
    merged by heading ("【出处】《通知》二（一）、二（二）（许可条件）；三（申请材料清单）")."""
    unique: list[N.Clause | str] = []
    for c in clauses:
        if c not in unique:
            unique.append(c)
    if len(unique) == 1:
        only = unique[0]
        cite = preamble_cite(lang) if only == _PREAMBLE else only.cite(lang)  # type: ignore[union-attr]
        return t("source", lang, cite=cite)
    groups: list[tuple[str | None, list[str]]] = []
    for c in unique:
        if c == _PREAMBLE:
            groups.append((None, [t("preamble_short", lang)]))
            continue
        assert isinstance(c, N.Clause)
        heading = c.heading.get(lang)
        ref = t("cite_ref", lang, ref=c.ref.get(lang))
        if groups and groups[-1][0] == heading:
            groups[-1][1].append(ref)
        else:
            groups.append((heading, [ref]))
    parts = [t("cite_heading", lang, refs=_join(refs, lang), heading=heading) if heading
             else _join(refs, lang) for heading, refs in groups]
    return t("sources", lang, refs=t("cite_sep", lang).join(parts), number=N.NOTICE.number)


def preamble_cite(lang: str) -> str:
    return t("preamble", lang, number=N.NOTICE.number)


def _ref(clause: N.Clause, lang: str) -> str:
    return clause.ref.get(lang)


def _contact(lang: str) -> str:
    return t("not_covered_contact", lang, contact=get_settings().contact.get(lang))


def _join(items: Iterable[str], lang: str) -> str:
    return t("list_sep", lang).join(items)


def _join_or(items: Sequence[str], lang: str) -> str:
    """"a, b or c" / "a、b或c"."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    last = (" or " if lang == "en" else "或") + items[-1]
    return _join(items[:-1], lang) + last


def _join_and(items: Sequence[str], lang: str) -> str:
    """"a, b and c" / "a、b、c"."""
    items = list(items)
    if lang != "en" or len(items) < 2:
        return _join(items, lang)
    return _join(items[:-1], lang) + " and " + items[-1]


def _strip_period(text: str) -> str:
    return text.rstrip("。.")


def menu_buttons(lang: str) -> tuple[Button, ...]:
    """The main menu."""
    other = ("btn_chinese", "zh") if lang == "en" else ("btn_english", "en")
    return (
        Button(t("btn_approval", lang), payload("ask_approval")),
        Button(t("btn_conditions", lang), payload("ask_conditions")),
        Button(t("btn_materials", lang), payload("ask_materials")),
        Button(t("btn_procedure", lang), payload("ask_procedure")),
        Button(t("btn_timing", lang), payload("ask_timing", subject="timing:decision")),
        Button(t("btn_duties", lang), payload("ask_duties")),
        Button(t("btn_annex", lang), payload("ask_annex")),
        Button(t("btn_self_check", lang), payload("start_self_check")),
        Button(t("btn_handoff", lang), payload("human_handoff")),
        Button(t(other[0], lang), payload("switch_language", language=other[1])),
    )


# ---------------------------------------------------------------------------
# Answers, topic by topic
# ---------------------------------------------------------------------------


def _approval_line(lang: str) -> str:
    return t("approval_answer", lang, heading=N.APPROVAL_CLAUSE.heading.get(lang),
             authority=N.APPROVAL_AUTHORITY.get(lang))


def _basis_line(lang: str) -> str:
    headings = (N.APPROVAL_CLAUSE.heading, N.CONDITIONS_HEADING, N.MATERIALS_HEADING,
                N.PROCEDURE_HEADING, N.SUPERVISION_CLAUSE.heading, N.DUTIES_HEADING)
    parts = _join_and([h.get(lang) if lang == "zh" else h.get(lang).lower() for h in headings],
                      lang)
    return t("basis_answer", lang, basis=N.NOTICE.basis.get(lang),
             reform=N.NOTICE.reform.get(lang), parts=parts)


def approval(lang: str) -> Reply:
    """一: who approves, with the delegation behind it."""
    lines = [
        _approval_line(lang),
        _basis_line(lang),
        _sources([N.APPROVAL_CLAUSE, _PREAMBLE], lang),
    ]
    return Reply("\n".join(lines))


def legal_basis(lang: str) -> Reply:
    """The opening paragraph: the delegation under 人社厅发〔2019〕103号 (证照分离)."""
    lines = [
        _basis_line(lang),
        _approval_line(lang),
        t("addressees", lang, addressees=N.NOTICE.addressees.get(lang)),
        _sources([_PREAMBLE, N.APPROVAL_CLAUSE], lang),
    ]
    return Reply("\n".join(lines))


def conditions_overview(lang: str) -> Reply:
    lines = [t("conditions_intro", lang, n=len(N.CONDITION_CLAUSES))]
    for cc in N.CONDITION_CLAUSES:
        lines.append(t("clause_of_conditions", lang, ref=_ref(cc.clause, lang), text=cc.text.get(lang)))
    lines.append(t("conditions_self_check", lang, n=len(N.CONDITIONS)))
    lines.append(_sources([cc.clause for cc in N.CONDITION_CLAUSES], lang))
    return Reply("\n".join(lines), (Button(t("btn_self_check", lang), payload("start_self_check")),))


def condition_clause(index: int, lang: str) -> Reply:
    cc = N.CONDITION_CLAUSES[index]
    lines = [t("clause_of_conditions", lang, ref=_ref(cc.clause, lang), text=cc.text.get(lang)),
             _sources([cc.clause], lang)]
    return Reply("\n".join(lines), (Button(t("btn_self_check", lang), payload("start_self_check")),))


def condition(cond: N.Condition, lang: str) -> Reply:
    cc = next(c for c in N.CONDITION_CLAUSES if c.clause == cond.clause)
    lines = [
        t("condition_focus", lang, requirement=cond.requirement.get(lang)),
        t("condition_full", lang) + t("clause_of_conditions", lang, ref=_ref(cc.clause, lang),
                                       text=cc.text.get(lang)),
        t("condition_check", lang, evidence=cond.evidence.get(lang)),
        _sources([cond.clause], lang),
    ]
    return Reply("\n".join(lines), (Button(t("btn_self_check", lang), payload("start_self_check")),))


def _material_line(m: N.Material, lang: str) -> str:
    return t("material_line", lang, id=m.id, name=m.name.get(lang))


def materials_overview(lang: str) -> Reply:
    lines = [t("materials_intro", lang, n=len(N.MATERIALS),
               optional=len(N.MATERIALS) - len(N.REQUIRED_MATERIALS))]
    for c in N.CATEGORIES:
        lines.append(t("category_intro", lang, ref=_ref(c.clause, lang), name=c.name.get(lang)))
        lines.extend("  " + _material_line(m, lang) for m in N.materials_in(c.id))
    lines.append(N.TRANSLATION_RULE.get(lang))
    lines.append(_sources([N.TRANSLATION_CLAUSE], lang))
    buttons = tuple(Button(c.name.get(lang), payload("ask_materials", subject=f"category:{c.id}"))
                    for c in N.CATEGORIES)
    return Reply("\n".join(lines), buttons)


def category(cat: N.Category, lang: str) -> Reply:
    lines = [t("category_intro", lang, ref=_ref(cat.clause, lang), name=cat.name.get(lang))]
    items = N.materials_in(cat.id)
    for g in N.GROUPS:
        if any(m.group == g.id for m in items):
            lines.append(f"  {g.name.get(lang)}（{g.notice_text.get(lang)}）" if lang == "zh"
                         else f"  {g.name.get(lang)} ({g.notice_text.get(lang)})")
            lines.extend("    " + _material_line(m, lang) for m in items if m.group == g.id)
    lines.extend("  " + _material_line(m, lang) for m in items if m.group is None)
    lines.append(N.TRANSLATION_RULE.get(lang))
    lines.append(_sources([cat.clause, N.TRANSLATION_CLAUSE], lang))
    return Reply("\n".join(lines))


def group(g: N.Group, lang: str) -> Reply:
    items = [m for m in N.MATERIALS if m.group == g.id]
    lines = [t("notice_says", lang) + t("quote", lang, text=g.notice_text.get(lang))]
    lines.extend("  " + _material_line(m, lang) for m in items)
    lines.append(N.TRANSLATION_RULE.get(lang))
    lines.append(_sources([items[0].clause, N.TRANSLATION_CLAUSE], lang))
    return Reply("\n".join(lines))


_SILENT_ASPECTS = ("issuer", "format", "content", "validity", "notarisation", "copies", "length")


def material(m: N.Material, lang: str, aspects: Sequence[str] = ()) -> Reply:
    """One material: where the notice lists it, what else it says, and what it does not."""
    cat = N.CATEGORIES_BY_ID[m.category]
    lines: list[str] = []
    if m.group:
        g = N.GROUPS_BY_ID[m.group]
        lines.append(t("item_intro", lang, name=m.name.get(lang), ref=_ref(m.clause, lang),
                       group=g.name.get(lang), id=m.id))
        lines.append(t("notice_says", lang) + t("quote", lang, text=g.notice_text.get(lang)))
    else:
        lines.append(t("item_intro_plain", lang, name=m.name.get(lang), ref=_ref(m.clause, lang),
                       category=cat.name.get(lang), id=m.id))
    if m.note:
        lines.append(m.note.get(lang))
    clauses: list[N.Clause | str] = [m.clause]
    custom = None
    if m.id == "4.1":
        lines.append(_annex_parts(N.ANNEX1, lang))
        lines.append(t("item_silent_form", lang))
        lines.append(t("template_offer", lang))
        custom = {"template": N.ANNEX1.key}
    asked = [a for a in dict.fromkeys(aspects) if a in _SILENT_ASPECTS]
    if m.id == "4.2":
        asked = [a for a in asked if a != "copies"]  # the note answers it
    if m.id != "4.1":
        if asked:
            # Say first what was asked, then the rest the notice leaves open too.
            silent = asked + [a for a in ("issuer", "content", "format") if a not in asked]
            lines.append(t("item_silent_aspect", lang,
                           aspects=_join_or([t(f"aspect_{a}", lang) for a in silent], lang)))
        else:
            lines.append(t("item_silent_general", lang))
    lines.append(N.TRANSLATION_RULE.get(lang) if "translation" in aspects
                 else t("item_translation", lang))
    clauses.append(N.TRANSLATION_CLAUSE)
    if m.id != "4.1":
        lines.append(_contact(lang))
    lines.append(_sources(clauses, lang))
    return Reply("\n".join(lines), custom=custom)


def translation(lang: str, text: str = "") -> Reply:
    """The translation rule; when the question asks who translates, in what form, or whether
    a translation must be certified, also that the notice does not say, and whom to ask."""
    lines = [N.TRANSLATION_RULE.get(lang)]
    if _scan(TRANSLATION_OPEN, text):
        lines += [t("translation_silent", lang), _contact(lang)]
    lines.append(_sources([N.TRANSLATION_CLAUSE], lang))
    return Reply("\n".join(lines))


def procedure(lang: str) -> Reply:
    lines = [t("procedure_intro", lang)]
    lines.extend(t("step_line", lang, ref=_ref(s.clause, lang), text=s.text.get(lang))
                 for s in N.PROCEDURE)
    lines.append(_sources([s.clause for s in N.PROCEDURE], lang))
    buttons = (
        Button(t("btn_decision_date", lang), payload("ask_timing", subject="timing:decision")),
        Button(t("btn_materials", lang), payload("ask_materials")),
    )
    return Reply("\n".join(lines), buttons)


def submission(lang: str) -> Reply:
    step = N.PROCEDURE[0]
    lines = [
        t("submission_answer", lang, step=step.text.get(lang)),
        t("submission_silent", lang),
        _contact(lang),
        _sources([step.clause], lang),
    ]
    return Reply("\n".join(lines))


def timing(lang: str) -> Reply:
    step = next(s for s in N.PROCEDURE if s.clause == N.DECISION_CLAUSE)
    lines = [
        t("timing_answer", lang, ref=N.DECISION_CLAUSE.ref.get(lang), text=step.text.get(lang)),
        t("timing_offer", lang),
        _sources([N.DECISION_CLAUSE], lang),
    ]
    return Reply("\n".join(lines))


def timing_menu(lang: str) -> Reply:
    """A vague question about time: which of the notice's time limits?"""
    buttons = (
        Button(t("btn_decision_date", lang), payload("ask_timing", subject="timing:decision")),
        Button(t("btn_plan_date", lang), payload("ask_assessment_plan")),
        Button(t("btn_annual_report", lang), payload("ask_annual_report")),
    )
    return Reply(t("timing_which", lang), buttons)


def supervision(lang: str) -> Reply:
    return Reply("\n".join([t("supervision_intro", lang) + N.SUPERVISION.get(lang),
                            _sources([N.SUPERVISION_CLAUSE], lang)]))


def duties_overview(lang: str) -> Reply:
    lines = [t("duties_intro", lang)]
    lines.extend(t("duty_line", lang, ref=_ref(d.clause, lang), summary=d.summary.get(lang))
                 for d in N.DUTIES)
    lines.append(_sources([d.clause for d in N.DUTIES], lang))
    buttons = tuple(Button(d.summary.get(lang), payload("ask_duties", subject=f"duty:{d.id}"))
                    for d in N.DUTIES)
    return Reply("\n".join(lines), buttons)


def duty(d: N.Duty, lang: str) -> Reply:
    lines = [d.text.get(lang)]
    custom = None
    if d.id == "operate_in_ftz":
        lines.append(t("ftz_areas", lang,
                       areas=_join_and([a.get(lang) for a in N.NOTICE.free_trade_zone_areas],
                                       lang)))
    elif d.id == "assessment_plan":
        lines.append(t("plan_offer", lang))
    elif d.id == "annual_report":
        lines.append(t("annual_form", lang, title=N.ANNEX2.title if lang == "zh" else N.ANNEX2.en,
                       sections=_join([_section_title(s, lang) for s in N.ANNEX2.sections], lang)))
        lines.append(t("template_offer", lang))
        custom = {"template": N.ANNEX2.key}
    clauses: list[N.Clause | str] = [d.clause]
    if d.id == "operate_in_ftz":
        clauses.append(_PREAMBLE)
    lines.append(_sources(clauses, lang))
    return Reply("\n".join(lines), custom=custom)


def _section_title(s: N.FormSection, lang: str) -> str:
    # The year on 附件2 is a blank on the form: show it as one.
    return re.sub(r"（\s{2,}年）", "（____年）", s.title) if lang == "zh" else s.en


_ORDINAL = re.compile(r"^[（(]([一二三四五六七八九])[)）]")


def _annex_parts(form: N.AnnexForm, lang: str) -> str:
    """The sections of an annex form, one line each, with their fields and table columns."""
    parts: list[str] = []
    for s in form.sections:
        title = _section_title(s, lang)
        line = title
        if s.fields:
            labels = list(dict.fromkeys(f.label if lang == "zh" else f.en for f in s.fields))
            line += t("annex_fields", lang, fields=_join(labels, lang))
        details: list[tuple[str, str]] = []  # (Chinese label for ordering, text)
        for label, en in s.free_text:
            shown = label if lang == "zh" else en
            if label not in s.title and shown not in title:
                details.append((label, shown))
        for table in s.tables:
            cols = t("annex_table", lang, columns=_join(table.columns if lang == "zh"
                                                        else table.columns_en, lang))
            name = table.title if lang == "zh" else table.en
            if table.title in s.title:
                details.append((table.title, cols))
            else:
                details.append((table.title, f"{name}：{cols}" if lang == "zh" else f"{name}: {cols}"))
        if all(_ORDINAL.match(label) for label, _ in details):
            details.sort(key=lambda d: "一二三四五六七八九".index(_ORDINAL.match(d[0]).group(1)))  # type: ignore[union-attr]
        if details:
            texts = [d[1] for d in details]
            line += ("（" + "；".join(texts) + "）" if lang == "zh" else " (" + "; ".join(texts) + ")")
        parts.append("  " + line)
    return "\n".join(parts)


def annex(key: str, lang: str) -> Reply:
    form = N.ANNEXES[key]
    clause = N.ANNEX_CLAUSES[key]
    purpose = t(f"{key}_purpose", lang, ref=clause.ref.get(lang))
    title = form.title if lang == "zh" else form.en
    number = form.number if lang == "zh" else f"Annex {form.number[-1]}"
    lines = [t("annex_detail", lang, number=number, title=title, purpose=purpose),
             _annex_parts(form, lang),
             t("template_offer", lang),
             _sources([clause], lang)]
    return Reply("\n".join(lines), custom={"template": form.key})


def annexes_overview(lang: str) -> Reply:
    lines = [t("annex_intro", lang)]
    buttons: list[Button] = []
    for key, form in N.ANNEXES.items():
        clause = N.ANNEX_CLAUSES[key]
        number = form.number if lang == "zh" else f"Annex {form.number[-1]}"
        lines.append(t("annex_line", lang, number=number,
                       title=form.title if lang == "zh" else form.en,
                       purpose=t(f"{key}_purpose", lang, ref=clause.ref.get(lang))))
        buttons.append(Button(t(f"btn_{key}", lang), payload("ask_annex", subject=f"annex:{key}")))
    lines.append(_sources([N.ANNEX_CLAUSES[k] for k in N.ANNEXES], lang))
    return Reply("\n".join(lines), tuple(buttons))


def not_covered(kind: str | None, lang: str) -> Reply:
    """Something the notice does not say: say so plainly and name a person to ask."""
    if kind in _NOT_COVERED_WORDS:
        first = t("not_covered", lang, topic=t(f"nc_{kind}", lang))
    else:
        first = t("not_covered_generic", lang)
    lines = [first, _contact(lang)]
    return Reply("\n".join(lines), (Button(t("btn_handoff", lang), payload("human_handoff")),))


# ---------------------------------------------------------------------------
# Which answer for a question
# ---------------------------------------------------------------------------

# Question intents and the subject families they look in.
QUESTION_INTENTS: dict[str, tuple[str, ...]] = {
    "ask_approval": (),
    "ask_legal_basis": (),
    "ask_conditions": (CONDITION,),
    "ask_materials": (MATERIAL, ANNEX),
    "ask_translation": (),
    "ask_procedure": (),
    "ask_submission": (),
    "ask_timing": (TIMING,),
    "ask_supervision": (),
    "ask_duties": (DUTY,),
    "ask_operating_area": (),
    "ask_assessment_plan": (),
    "ask_equivalence": (),
    "ask_annual_report": (),
    "ask_rectification": (),
    "ask_annex": (ANNEX,),
    "ask_not_covered": (NOT_COVERED,),
}
_DUTY_INTENTS = {
    "ask_operating_area": "operate_in_ftz",
    "ask_assessment_plan": "assessment_plan",
    "ask_equivalence": "equivalence",
    "ask_annual_report": "annual_report",
    "ask_rectification": "rectification",
}


def render_subject(subject: Subject, lang: str, text: str = "") -> Reply:
    """The answer for one subject."""
    if subject.kind == MATERIAL:
        return material(N.MATERIALS_BY_ID[subject.id], lang, find_aspects(text))
    if subject.kind == CATEGORY:
        return category(N.CATEGORIES_BY_ID[subject.id], lang)
    if subject.kind == GROUP:
        return group(N.GROUPS_BY_ID[subject.id], lang)
    if subject.kind == CONDITION:
        return condition(N.CONDITIONS_BY_ID[subject.id], lang)
    if subject.kind == CONDITION_CLAUSE:
        return condition_clause(int(subject.id), lang)
    if subject.kind == DUTY:
        return duty(N.DUTIES_BY_ID[subject.id], lang)
    if subject.kind == ANNEX:
        return annex(subject.id, lang)
    if subject.kind == NOT_COVERED:
        return not_covered(subject.id, lang)
    if subject.kind == TIMING:
        return {"decision": timing, "plan": lambda lg: duty(N.DUTIES_BY_ID["assessment_plan"], lg),
                "annual": lambda lg: duty(N.DUTIES_BY_ID["annual_report"], lg)}[subject.id](lang)
    raise ValueError(f"cannot render {subject.key}")


def resolve(intent: str, text: str, subject_key: str | None = None) -> Subject | None:
    """The specific subject of a question, if it names one.

    ``subject_key`` comes from a button payload and wins.  Otherwise the text is searched
    in the families that fit the intent.
    """
    given = Subject.parse(subject_key)
    if given:
        return given
    if intent in _DUTY_INTENTS:
        return Subject(DUTY, _DUTY_INTENTS[intent])
    families = QUESTION_INTENTS.get(intent, ())
    if not families:
        return None
    if intent == "ask_conditions" and _scan(MATERIAL_CUE, text):
        # "What must the Chinese partner provide?" names a condition's party but asks for
        # documents: the materials of that party (or the document named) answer it.
        named = resolve("ask_materials", text)
        if named is not None:
            return named
    subjects = find_subjects(text, families)
    if intent == "ask_conditions":
        clause = next((s for s in subjects if s.kind == CONDITION_CLAUSE), None)
        conds = [s for s in subjects if s.kind == CONDITION]
        if not conds:
            conds = [m.subject for m in _scan("condition_weak", text)]
        if len(set(conds)) == 1:
            return conds[0]
        if clause:
            return clause
        return None  # none or several: the overview answers them all
    if intent == "ask_materials":
        for kind in (MATERIAL, GROUP, CATEGORY, ANNEX):
            found = [s for s in subjects if s.kind == kind]
            if found:
                return found[0]
        return None
    if intent == "ask_duties":
        duties = [s for s in subjects if s.kind == DUTY]
        return duties[0] if len(set(duties)) == 1 else None
    if intent == "ask_timing":
        # Which time limit: the decision, the assessment plan or the annual report.
        kinds = [s for s in subjects if s.kind == TIMING]
        return kinds[0] if kinds else None
    for s in subjects:
        if s.kind in families:
            return s
    return None


def answer(intent: str, text: str, lang: str, subject_key: str | None = None) -> Reply:
    """The answer to a question classified as ``intent``."""
    subject = resolve(intent, text, subject_key)
    if subject is not None:
        return render_subject(subject, lang, text)
    overview = {
        "ask_approval": approval,
        "ask_legal_basis": legal_basis,
        "ask_conditions": conditions_overview,
        "ask_materials": materials_overview,
        "ask_translation": translation,
        "ask_procedure": procedure,
        "ask_submission": submission,
        "ask_timing": timing_menu,
        "ask_supervision": supervision,
        "ask_duties": duties_overview,
        "ask_annex": annexes_overview,
        "ask_not_covered": lambda lg: not_covered(None, lg),
    }
    if intent == "ask_translation":
        return translation(lang, text)
    if intent not in overview:
        raise ValueError(f"not a question intent: {intent}")
    return overview[intent](lang)


def candidates(text: str, limit: int = 3) -> list[Subject]:
    """Subjects a message we did not understand may be about, for a "did you mean" menu."""
    found = find_subjects(text, (MATERIAL, ANNEX, DUTY, CONDITION))
    return found[:limit]


_CANDIDATE_INTENT = {MATERIAL: "ask_materials", CATEGORY: "ask_materials", GROUP: "ask_materials",
                     ANNEX: "ask_annex", DUTY: "ask_duties", CONDITION: "ask_conditions",
                     CONDITION_CLAUSE: "ask_conditions"}


def subject_title(subject: Subject, lang: str) -> str:
    """A short title for a subject, for buttons."""
    if subject.kind == MATERIAL:
        return N.MATERIALS_BY_ID[subject.id].short.get(lang)
    if subject.kind == CATEGORY:
        return N.CATEGORIES_BY_ID[subject.id].name.get(lang)
    if subject.kind == GROUP:
        return N.GROUPS_BY_ID[subject.id].name.get(lang)
    if subject.kind == CONDITION:
        return _strip_period(N.CONDITIONS_BY_ID[subject.id].requirement.get(lang))
    if subject.kind == CONDITION_CLAUSE:
        return N.CONDITION_CLAUSES[int(subject.id)].clause.ref.get(lang)
    if subject.kind == DUTY:
        return N.DUTIES_BY_ID[subject.id].summary.get(lang)
    if subject.kind == ANNEX:
        return t(f"btn_{subject.id}", lang)
    return subject.key


def subject_button(subject: Subject, lang: str) -> Button:
    return Button(subject_title(subject, lang),
                  payload(_CANDIDATE_INTENT.get(subject.kind, "help"), subject=subject.key))
