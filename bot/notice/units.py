"""Every part of the notice as an addressable unit: the header and footer, each clause and
sentence of parts 一–六, and every section, field, table and column of the two annex forms.

Units are derived from the notice's data (``bot.notice.*``): nothing here restates a fact
the other modules hold.  The few parts of the notice no other module needs (the printing
office, 公开方式, the annex list) are given here, once (``bot.notice.unit_extra``).
Each unit has the notice's Chinese text, an English rendering, a clause reference to cite
and aliases (other words applicants use for it, for retrieval only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.notice.annexes import ANNEXES, AnnexForm
from bot.notice.conditions import APPROVAL_AUTHORITY, APPROVAL_CLAUSE, CONDITION_CLAUSES
from bot.notice.document import NOTICE, Clause, Text
from bot.notice.duties import DUTIES
from bot.notice.materials import (
    CATEGORIES,
    GROUPS,
    MATERIALS,
    MATERIALS_HEADING,
    TRANSLATION_CLAUSE,
    TRANSLATION_RULE,
)
from bot.notice.procedure import PROCEDURE, SUPERVISION, SUPERVISION_CLAUSE
from bot.notice.unit_extra import (
    ANNEX_ALIASES,
    ANNEX_LIST,
    CLAUSE_ALIASES,
    DISCLOSURE,
    FIELD_ALIASES,
    HEADER_ALIASES,
    PRINTING_OFFICE,
    SECTION_GLOSS,
)


@dataclass(frozen=True)
class Unit:
    id: str  # stable, e.g. "2.1", "2.1.s2", "annex1.facilities.equipment.brand"
    kind: str  # header | clause | sentence | category | material | annex | section | field
    # | table | column | free_text
    ref: Text  # what to cite: "二（一）" / "II(1)", "附件1·四" / "Annex 1, 4"
    title: Text  # a short name for buttons
    text: Text  # zh: the notice's words; en: a rendering
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # the enclosing unit's id

    def cite(self, lang: str) -> str:
        if lang == "en":
            return f"Notice {NOTICE.number}, {self.ref.en}"
        return f"《通知》{self.ref.zh}" if not self.ref.zh.startswith("附件") else self.ref.zh


def _zh_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def _en_date(iso: str) -> str:
    import datetime as dt

    return dt.date.fromisoformat(iso).strftime("%-d %B %Y")


def _sentences(text: Text) -> list[Text]:
    """The sentences of a text in both languages, when they pair up one to one."""
    zh = [s for s in re.split(r"(?<=。)", text.zh) if s.strip()]
    en = [s for s in re.split(r"(?<=\.)\s+(?=[A-Z“])", text.en) if s.strip()]
    if len(zh) < 2:
        # One long sentence of two requirements ("…合作，且同一时期内…"): its two halves.
        zh = [s for s in re.split(r"(?<=，)(?=且)", text.zh) if s.strip()]
        en = [s for s in re.split(r"(?<=;)\s+", text.en) if s.strip()]
    if len(zh) != len(en) or len(zh) < 2:
        return []
    return [Text(z.strip(), e.strip()) for z, e in zip(zh, en, strict=False)]


def _ref(clause: Clause) -> Text:
    return Text(clause.ref.zh, f"Part {clause.ref.en}")


def _header_units() -> list[Unit]:
    n = NOTICE
    part = Text("文头", "Header")
    signed = Text(_zh_date(n.signed), _en_date(n.signed))
    printed = Text(f"{PRINTING_OFFICE.zh}{_zh_date(n.printed)}印发",
                   f"printed by {PRINTING_OFFICE.en} on {_en_date(n.printed)}")
    rows = [
        ("title", Text("标题", "Title"), n.title),
        ("number", Text("文号", "Document number"),
         Text(f"文号：{n.number}", f"Document number: {n.number}")),
        ("addressees", Text("主送单位", "Addressees"), n.addressees),
        ("basis", Text("依据", "Basis"), Text(f"根据{n.basis.zh}要求，{n.reform.zh}。",
                                              f"Under {n.basis.en}, {n.reform.en}.")),
        ("issuer", Text("发文机关", "Issuer"), n.issuer),
        ("signed", Text("成文日期", "Date signed"),
         Text(f"{n.issuer.zh}，{signed.zh}", f"{n.issuer.en}, {signed.en}")),
        ("printed", Text("印发日期", "Date printed"), printed),
        ("disclosure", Text("公开方式", "Disclosure"), DISCLOSURE),
        ("annexes", Text("附件", "Annexes"), ANNEX_LIST),
    ]
    units = [Unit(f"header.{key}", "header", part, title, text, HEADER_ALIASES.get(key, ()))
             for key, title, text in rows]
    return units + [Unit(f"header.{key}", "header", OPENING, title, text, HEADER_ALIASES.get(key, ()))
                    for key, title, text in _opening_rows()]


OPENING = Text("开头段落", "Opening paragraph")  # the place of the opening paragraph's facts


def _opening_rows() -> list[tuple[str, Text, Text]]:
    """The opening paragraph's facts, each cut from its sentence (nothing typed twice): the
    document it cites, the reform pilot, the approval item and the delegation."""
    n = NOTICE
    pilot_zh = re.search(r"在自由贸易试验区开展.+?试点", n.basis.zh)
    pilot_en = re.search(r"the full-coverage pilot.+$", n.basis.en)
    item_zh = re.match(r"(“[^”]+”行政审批事项)的(.+)$", n.reform.zh)
    item_en = re.search(r"“[^”]+”", n.reform.en)
    if not (pilot_zh and pilot_en and item_zh and item_en):
        raise ValueError("the opening paragraph no longer reads as expected")
    return [
        ("basis_document", Text("依据文件", "Document cited"), n.basis),
        ("reform_pilot", Text("改革试点", "Reform pilot"),
         Text(pilot_zh.group(0), pilot_en.group(0))),
        ("item", Text("行政审批事项", "Administrative approval item"),
         Text(item_zh.group(1), f"the administrative approval item {item_en.group(0)}")),
        ("delegation", Text("审批权限下放", "Delegation of the approval power"),
         Text(item_zh.group(0), n.reform.en)),
    ]


def _clause_units(uid: str, clause: Clause, title: Text, text: Text) -> list[Unit]:
    ref = _ref(clause)
    sentences = _sentences(text)
    aliases = CLAUSE_ALIASES.get(uid, ())
    if not sentences:  # the sentences' aliases belong to the clause
        aliases += tuple(a for k, v in CLAUSE_ALIASES.items() if k.startswith(f"{uid}.s") for a in v)
    units = [Unit(uid, "clause", ref, title, text, tuple(dict.fromkeys(aliases)))]
    for i, s in enumerate(sentences, 1):
        units.append(Unit(f"{uid}.s{i}", "sentence", ref, title, s,
                          CLAUSE_ALIASES.get(f"{uid}.s{i}", ()), parent=uid))
    return units


def _body_units() -> list[Unit]:
    units: list[Unit] = []
    # The Autonomous Region is a province-level region: said in English, where the word
    # "province" is what readers look for.
    units += _clause_units("1", APPROVAL_CLAUSE, APPROVAL_CLAUSE.heading, Text(
        APPROVAL_AUTHORITY.zh, f"{APPROVAL_AUTHORITY.en} (Guangxi, a province-level region)"))
    for i, c in enumerate(CONDITION_CLAUSES, 1):
        units += _clause_units(f"2.{i}", c.clause, c.clause.heading, c.text)
    units.append(Unit("2", "part", Text("二", "Part II"), CONDITION_CLAUSES[0].clause.heading,
                      Text("；".join(f"{c.clause.ref.zh}{c.text.zh}" for c in CONDITION_CLAUSES),
                           " ".join(f"{c.clause.ref.en}: {c.text.en}" for c in CONDITION_CLAUSES)),
                      CLAUSE_ALIASES.get("2", ())))
    units.append(Unit("3", "part", Text("三", "Part III"), MATERIALS_HEADING, Text(
        f"{MATERIALS_HEADING.zh}分{len(CATEGORIES)}类：" + "；".join(
            f"{c.clause.ref.zh}{c.name.zh}" for c in CATEGORIES),
        f"{MATERIALS_HEADING.en}, in {len(CATEGORIES)} categories: " + "; ".join(
            f"{c.clause.ref.en} {c.name.en}" for c in CATEGORIES)), CLAUSE_ALIASES.get("3", ())))
    for cat in CATEGORIES:
        items = [m for m in MATERIALS if m.category == cat.id]
        lines_zh, lines_en, seen = [], [], set()
        for m in items:
            if m.group and m.group in seen:
                continue
            if m.group:
                seen.add(m.group)
                g = next(g for g in GROUPS if g.id == m.group)
                lines_zh.append(g.notice_text.zh)
                lines_en.append(g.notice_text.en)
            else:
                lines_zh.append(m.name.zh)
                lines_en.append(m.name.en)
        text = Text(f"{cat.name.zh}：" + "；".join(f"{i}.{x}" for i, x in enumerate(lines_zh, 1)),
                    f"{cat.name.en}: " + "; ".join(f"{i}. {x}" for i, x in enumerate(lines_en, 1)))
        units.append(Unit(f"3.{cat.id}", "category", _ref(cat.clause), cat.name, text,
                          CLAUSE_ALIASES.get(f"3.{cat.id}", ()), parent="3"))
    for g in GROUPS:
        units.append(Unit(f"3.g{g.id}", "material", Text(
            f"三（一）{g.id[-1]}", f"Part III(1).{g.id[-1]}"), g.name, g.notice_text,
            CLAUSE_ALIASES.get(f"3.g{g.id}", ()), parent="3.1"))
    for m in MATERIALS:
        text = m.name if m.note is None else Text(f"{m.name.zh}。{m.note.zh}",
                                                  f"{m.name.en}. {m.note.en}")
        units.append(Unit(f"3.m{m.id}", "material", _ref(m.clause), m.short, text,
                          tuple(m.aliases) + CLAUSE_ALIASES.get(f"3.m{m.id}", ()),
                          parent=f"3.g{m.group}" if m.group else f"3.{m.category}"))
    units.append(Unit("3.translation", "clause", _ref(TRANSLATION_CLAUSE),
                      Text("外文材料的中文译本", "Chinese translations"), TRANSLATION_RULE,
                      CLAUSE_ALIASES.get("3.translation", ())))
    units.append(Unit("4", "part", Text("四", "Part IV"), PROCEDURE[0].clause.heading, Text(
        "；".join(f"{st.clause.ref.zh}{st.text.zh}" for st in PROCEDURE),
        " ".join(f"{st.clause.ref.en}: {st.text.en}" for st in PROCEDURE)),
        CLAUSE_ALIASES.get("4", ())))
    for i, step in enumerate(PROCEDURE, 1):
        units += _clause_units(f"4.{i}", step.clause, step.clause.heading, step.text)
    units += _clause_units("5", SUPERVISION_CLAUSE, SUPERVISION_CLAUSE.heading, SUPERVISION)
    units.append(Unit("6", "part", Text("六", "Part VI"), DUTIES[0].clause.heading, Text(
        "；".join(f"{d.clause.ref.zh}{d.summary.zh}" for d in DUTIES),
        " ".join(f"{d.clause.ref.en}: {d.summary.en}." for d in DUTIES)),
        CLAUSE_ALIASES.get("6", ())))
    for d in DUTIES:
        units += _clause_units(f"6.{d.id}", d.clause, d.summary, d.text)
    return units


def _annex_units(form: AnnexForm) -> list[Unit]:
    no = form.number[-1]
    aid = form.key
    units = [Unit(aid, "annex", Text(form.number, f"Annex {no}"),
                  Text(form.title, form.en),
                  Text(f"{form.number}《{form.title}》共{len(form.sections)}部分：" + "；".join(
                      s.title for s in form.sections),
                      f"Annex {no}, “{form.en}”, has {len(form.sections)} parts: " + "; ".join(
                      s.en for s in form.sections)),
                  ANNEX_ALIASES.get(aid, ()))]
    for s in form.sections:
        num = s.title.split("、")[0]
        ref = Text(f"{form.number}·{num}", f"Annex {no}, part {s.en.split('.')[0]}")
        sid = f"{aid}.{s.key}"
        parts_zh = [f.label for f in s.fields] + [tb.title for tb in s.tables] + \
            [label for label, _ in s.free_text]
        parts_en = [f.en for f in s.fields] + [tb.en for tb in s.tables] + \
            [en for _, en in s.free_text]
        gloss = f" ({SECTION_GLOSS[sid]})" if sid in SECTION_GLOSS else ""
        units.append(Unit(sid, "section", ref, Text(s.title, s.en), Text(
            f"{form.number}{s.title}：" + "、".join(parts_zh),
            f"Annex {no}, {s.en}{gloss}: " + "; ".join(parts_en)),
            ANNEX_ALIASES.get(sid, ()), parent=aid))
        for f in s.fields:
            fid = f"{sid}.{f.key}"
            units.append(Unit(fid, "field", ref, Text(f.label, f.en), Text(
                f"{form.number}{s.title}中的“{f.label}”一栏", f"the field “{f.en}” ({f.label}) in "
                f"Annex {no}, {s.en}"), FIELD_ALIASES.get(f.key, ()), parent=sid))
        for tb in s.tables:
            tid = f"{sid}.{tb.key}"
            units.append(Unit(tid, "table", ref, Text(tb.title, tb.en), Text(
                f"{form.number}{s.title}{'' if tb.title in s.title else tb.title}，栏目："
                + "、".join(tb.columns) + f"（表中印有{tb.rows}行）",
                f"Annex {no}, {s.en}, {tb.en}: columns " + ", ".join(tb.columns_en)
                + f" ({tb.rows} numbered rows printed)"),
                ANNEX_ALIASES.get(tid, ()), parent=sid))
            for col, col_en in zip(tb.columns, tb.columns_en, strict=False):
                if col == "序号":
                    continue
                units.append(Unit(f"{tid}.{col}", "column", ref, Text(col, col_en), Text(
                    f"{form.number}{s.title}{tb.title if tb.title not in s.title else ''}中的"
                    f"“{col}”栏",
                    f"the column “{col_en}” ({col}) of {tb.en} in Annex {no}, {s.en}"),
                    FIELD_ALIASES.get(col, ()), parent=tid))
        for i, (label, en) in enumerate(s.free_text, 1):
            if label in s.title and len(s.free_text) == 1 and not s.tables:
                continue
            units.append(Unit(f"{sid}.t{i}", "free_text", ref, Text(label, en), Text(
                f"{form.number}{s.title}：{label}", f"Annex {no}, {s.en}: {en}"),
                ANNEX_ALIASES.get(f"{sid}.t{i}", ()), parent=sid))
    return units


def build_units() -> tuple[Unit, ...]:
    units = _header_units() + _body_units()
    for form in ANNEXES.values():
        units += _annex_units(form)
    ids = [u.id for u in units]
    assert len(ids) == len(set(ids)), "unit ids must be unique"
    return tuple(units)


UNITS: tuple[Unit, ...] = build_units()
UNITS_BY_ID: dict[str, Unit] = {u.id: u for u in UNITS}


def children(unit_id: str) -> tuple[Unit, ...]:
    return tuple(u for u in UNITS if u.parent == unit_id)
