"""Finding what a question is about: a material, a category, a condition, a duty, an annex, a
silence of the notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot import notice as N

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
        "技术实力", "实力", "专职人员", "考评人员", "中外合作机构", "sino-foreign", "technical strength", "technical capacity",
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
    for cid, cat_names in extra_categories.items():
        for name in cat_names:
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
    for gid, group_names in extra_groups.items():
        for name in group_names:
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
        # Whole words (a prefix such as "rectif" or "notari" matches word beginnings); a
        # Chinese character next to it is not part of the word ("45天").
        tail = r"" if term.endswith(("if", "ari", "alis", "aliz", "penalt", "translat")) \
            else r"(?![a-z0-9])"
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


