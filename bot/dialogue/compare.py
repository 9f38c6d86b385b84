""""考试章程和机构章程是一个东西吗", "what is the difference between A and B": two things
of the notice asked about side by side.  Each side is looked up on its own; the answer
gives both places, so the applicant sees what the notice says of each."""

from __future__ import annotations

import re

from bot.dialogue import claims, presence
from bot.dialogue.forms import counterpart, form_of
from bot.dialogue.normalise import normalise
from bot.dialogue.render import render_units
from bot.dialogue.reply import Reply
from bot.dialogue.retrieval import search
from bot.i18n import t
from bot.notice.units import UNITS, UNITS_BY_ID, Unit, children

_ZH = re.compile(
    r"^(?:请问|那)?(?P<a>[^，,。？?]{2,24}?)(?:和|与|跟|同|以及)(?P<b>[^，,。？?的]{2,24}?(?:[里中]的[^，,。？?的]{1,10})?)(?:的(?P<tail>[^，,。？?比有是的]{1,8}))?(?:之间)?的?"
    r"(?:有(?:什么|啥|哪些)?(?:区别|不同|差别|差异|不一样)|区别|不同|差别|差异|差在哪|(?:哪里|哪儿|哪些地方)(?:不一样|不同)|不一样在哪|(?:是)?(?:一样|相同|一回事|一个东西|同一个)|"
    r"(?:比)?.{0,4}(?:多了|少了))")
_ZH_MORE = re.compile(r"^(?:请问|那)?(?P<a>[^，,。？?比]{2,24}?)比(?P<b>[^，,。？?]{2,24}?)(?:多了|少了|多出|多|少)")
_EN = re.compile(
    r"(?:difference|differences|differ) between (?:the )?(?P<a>.{3,60}?) and (?:the )?(?P<b>.{3,60}?)"
    r"(?:\?|\.|$)|^(?:is|are) (?:the )?(?P<a2>.{3,60}?) (?:the same (?:thing )?as|different from|"
    r"identical to) (?:the |our )?(?P<b2>.{3,60}?)(?:\?|\.|$)|^(?:what is |how is )?(?:the )?(?P<a3>.{3,60}?) "
    r"(?:vs\.?|versus) (?:the )?(?P<b3>.{3,60}?)(?:\?|\.|$)|\b(?:does|do) (?:the )?(?P<a4>.{3,60}?) have that "
    r"(?:the )?(?P<b4>.{3,60}?) (?:does not|doesn't|do not|don't)|\bhow (?:do|does) (?:the )?(?P<a5>.{3,60}?) "
    r"differ from (?:the )?(?P<b5>.{3,60}?)(?:\?|\.|$)", re.IGNORECASE)


def sides(text: str) -> tuple[str, str] | None:
    """The two things a comparison question sets side by side, or None."""
    text = normalise(text).strip()
    m = _ZH.search(text) or _ZH_MORE.search(text) or _EN.search(text)
    if not m:
        return None
    named = m.groupdict()
    tail = named.pop("tail", None)
    groups = [g for g in named.values() if g]
    if len(groups) < 2:
        return None
    a, b = (g.strip(" “”\"'") for g in groups[:2])
    those = re.match(r"(?:those|that|the ones?) of (?:the )?", b, re.IGNORECASE)
    if those and " of " in a:  # "the legality documents of the foreign side … those of the Chinese side"
        b = f"{a[:a.index(' of ')]} of {b[those.end():]}"
    if tail:  # "汇总表和注册表的证书表": the tables of both forms
        a, b = (f"{x}的{tail}" if "的" not in x else x for x in (a, b))
    elif "的" in a and "的" not in b:  # "汇总表的单位基本信息跟注册表": the same part of both
        b = f"{b}{a[a.index('的'):]}"
    elif "的" in b and "的" not in a:  # "汇总表和注册表里的证书信息表": likewise
        cut = b.index("的") - (1 if b[b.index("的") - 1] in "里中" else 0)
        a = f"{a}{b[cut:]}"
    if not a or not b or a == b:
        return None
    return a, b


# "比附件1多了啥栏目", "What extra column does the summary have?": the two forms' parts that
# hold the same kind of entries, side by side.
_FORM_WORDS = (
    ("annex1", re.compile(r"附件\s*1|附件一|注册表|申请表|annex\s*1\b|annex i\b|registration form|application form",
                          re.IGNORECASE)),
    ("annex2", re.compile(r"附件\s*2|附件二|汇总表|年报|annex\s*2\b|annex ii\b|\bsummary\b", re.IGNORECASE)),
)
_DIFFERENCE = re.compile(r"多了|少了|多出|多哪|多些|额外|不一样|一样吗|一样不|相同吗|区别|差在|差别|不同|\bextra\b|"
                         r"\badditional\b|\bmore (?:columns|fields)\b|\bfewer\b|\bsame as\b|\bthe same\b|"
                         r"\bdiffer", re.IGNORECASE)
_ENTRIES = re.compile(r"栏|列|字段|基本信息|证书(?:信息)?表|多了|少了|多出|\bcolumns?\b|\bfields?\b|\bentr(?:y|ies)\b|"
                      r"\bbasic\b|\bextra\b|\badditional\b|\bfewer\b", re.IGNORECASE)
_BASIC = re.compile(r"基本信息|\bbasic\b", re.IGNORECASE)
FORM_PARTS = {"basic": ("annex1.basic", "annex2.basic"),
              "certificates": ("annex1.certificates.certificates", "annex2.issued.issued")}


def form_parts(text: str, topic_unit: str | None = None) -> tuple[str, str] | None:
    """The ids of the two forms' matching parts a question compares, the one asked about
    first; None when it does not compare the forms."""
    text = normalise(text)
    if not _DIFFERENCE.search(text) or not _ENTRIES.search(text):
        return None  # "附件1和附件2有什么区别": the two forms, not their entries
    found = sorted((m.start(), key) for key, rx in _FORM_WORDS for m in [rx.search(text)] if m)
    named = [key for _, key in found]
    if len(named) == 1:
        other = "annex2" if named[0] == "annex1" else "annex1"
        current = form_of(topic_unit or "")
        # "比附件1多了啥" while Annex 2 is the subject; "what extra column does the summary
        # have?": against the other form (there are two).
        named = [other, named[0]] if current == other and "比" in text else [named[0], other]
    if len(named) != 2:
        return None
    first, second = FORM_PARTS["basic" if _BASIC.search(text) else "certificates"]
    return (first, second) if named[0] == "annex1" else (second, first)


# "鉴定计划和年度汇总表，分别什么时候报？", "the plan and the annual summary — when is each
# due?": one question asked of two things.
_EACH_ZH = re.compile(r"(?P<a>[^，,。？?：:；;]{2,16}?)(?:和|与|跟|以及|还有)(?P<b>[^，,。？?：:；;]{2,16}?)[，,]?\s*"
                      r"(?:分别|各自|各|也都|都)(?P<q>[^。？?]{2,20})")
_EACH_EN = re.compile(r"(?:the )?(?P<a>[\w' -]{3,40}?) and (?:the )?(?P<b>[\w' -]{3,40}?)\s*[—–:,-]+\s*"
                      r"(?P<q>(?:when|how long|how often|who|where|what|to whom)\b[^?.]*?)\s*\beach\b",
                      re.IGNORECASE)


# "what's the document number and the signing date?": two things asked for at once.
_WHAT_AND_EN = re.compile(r"(?:^|[:,]\s*)(?:what(?:'s| is| are| were| was)|tell me|give me) (?:the )?"
                          r"(?P<a>[\w' -]{3,40}?) and (?:the )?(?P<b>[\w' -]{3,40}?)\s*\??$", re.IGNORECASE)


def each(text: str) -> tuple[str, str] | None:
    """The question asked of each of two things, as two questions, or None."""
    text = normalise(text).strip()
    m = _EACH_ZH.search(text)
    if m:
        q = m.group("q").strip()
        return f"{m.group('a').strip()}{q}", f"{m.group('b').strip()}{q}"
    m = _EACH_EN.search(text)
    if m:
        q = m.group("q").strip()
        a, b = (re.sub(r"^the\s+", "", m.group(k).strip(), flags=re.IGNORECASE) for k in "ab")
        return f"{q} the {a}", f"{q} the {b}"
    m = _WHAT_AND_EN.search(text)
    if m:
        b = m.group("b").strip()  # "…number and who issued it?": the second question as asked
        second = b if re.match(r"(?:who|when|where|which|how|whom)\b", b, re.IGNORECASE) else f"what is the {b}"
        return f"what is the {m.group('a').strip()}", second
    return None


_FORM_PART_KINDS = ("section", "table", "column", "field", "free_text")


def form_lacks(text: str) -> tuple[str, Unit] | None:
    """"附件2里还要填人员情况吗": a yes/no question about one form naming a part only the other
    form has; (the form named, the other form's part), or None."""
    text = normalise(text)
    if not claims.is_yes_no(text):
        return None
    named = [(key, rx) for key, rx in _FORM_WORDS if rx.search(text)]
    if len(named) != 1:
        return None
    form, rx = named[0]
    core = re.sub(rf"(?:年度|年底|年终|每年的?|申请|审核)?(?:{rx.pattern})", " ", text, flags=re.IGNORECASE)
    other = "annex2" if form == "annex1" else "annex1"
    hits = search(core)[:6]
    found = next((h for h in hits[:4] if h.unit.id.startswith(f"{other}.")
                  and h.unit.kind in _FORM_PART_KINDS and presence.provides(core, h.unit)), None)
    if found is None:
        return None
    if any(h.unit.id.startswith(f"{form}.") and h.score >= found.score and presence.provides(core, h.unit)
           for h in hits) or counterpart(found.unit) is not None:
        return None  # "附件2要填职业编码吗": both forms have it
    return form, found.unit


def lacks_line(part: Unit, lang: str) -> str:
    """The line saying the other form has no such part as ``part`` (of one of the forms)."""
    form = UNITS_BY_ID["annex2" if part.id.startswith("annex1.") else "annex1"]
    return t("form_lacks", lang, form=form.ref.get(lang), part=part.ref.get(lang))


def _table_name(table: Unit, lang: str) -> str:
    """"考评人员" of "（二）考评人员情况", "examiner" of "(2) Examiners"."""
    name = re.sub(r"^[（(][一二三四五六\d][）)]\s*|情况$", "", table.title.get(lang)).lower()
    return name[:-1] if lang == "en" and name.endswith("s") else name


def column_elsewhere(text: str) -> tuple[Unit, Unit] | None:
    """"考评人员表里有“主要工作职责”这一列吗": (the table named, the column of its sibling table
    the question names), when only the sibling has that column; else None."""
    if not claims.is_yes_no(text):
        return None
    low = normalise(text).lower()
    tables = [u for u in UNITS if u.kind == "table"]
    named = [tb for tb in tables if any(_table_name(tb, lang) in low for lang in ("zh", "en"))]
    if len(named) != 1:
        return None
    table = named[0]
    own = {c.title.get(lang).lower() for c in children(table.id) for lang in ("zh", "en")}
    for sibling in (u for u in tables if u.parent == table.parent and u.id != table.id):
        for column in children(sibling.id):
            titles = {column.title.get(lang).lower() for lang in ("zh", "en")}
            if any(x in low for x in titles) and not titles & own:
                return table, column
    return None


def states_lack(reply_text: str, lang: str) -> bool:
    """Whether a reply opens with this module's own "no": a part of the other form, a column of
    the other table (its verdict is given; no other is put before it)."""
    leads = (t("form_lacks", lang, form="\0", part="\0"), t("table_lacks", lang, table="\0", column="\0"))
    return any(reply_text.startswith(lead.split("\0")[0]) for lead in leads)


def difference(pair: tuple[str, str], lang: str, query: str) -> Reply:
    """Two forms' matching parts: what one has that the other does not, and both quoted."""
    a, b = (UNITS_BY_ID[x] for x in pair)
    cols = {u.id: list(dict.fromkeys(k.title.get(lang) for k in children(u.id))) for u in (a, b)}
    sep = "、" if lang == "zh" else ", "
    lines = []
    def label(u: Unit) -> str:
        return f"{u.ref.get(lang)}{'' if lang == 'zh' else ' '}“{u.title.get(lang)}”"

    for x, y in ((a, b), (b, a)):
        extra = [c for c in cols[x.id] if c not in cols[y.id]]
        if extra:
            lines.append(t("compare_extra", lang, a=label(x), b=label(y), cols=sep.join(extra)))
    if not lines:
        lines.append(t("compare_same", lang, a=label(a), b=label(b), cols=sep.join(cols[a.id])))
    both = render_units([a, b], lang, query=query)
    return Reply("\n".join(lines + [both.text]), both.buttons)
