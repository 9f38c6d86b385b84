"""Writing the answer for a subject, every fact from bot.notice, with the clause it comes from."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot import notice as N
from bot.dialogue.guidance.subject import _NOT_COVERED_WORDS, TRANSLATION_OPEN, _scan
from bot.dialogue.reply import Button, Reply, payload
from bot.i18n import t
from bot.settings import get_settings

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
    numbered = len({m.group or m.id for m in N.MATERIALS})  # 三（一）1 and 2 each one item of the notice's own numbering
    lines = [t("materials_intro", lang, n=len(N.MATERIALS), numbered=numbered,
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
                       group=g.name.get(lang), category=cat.name.get(lang), id=m.id))
        lines.append(t("notice_says", lang) + t("quote", lang, text=g.notice_text.get(lang)))
    else:
        lines.append(t("item_intro_plain", lang, name=m.name.get(lang), ref=_ref(m.clause, lang),
                       category=cat.name.get(lang), id=m.id))
    if m.note:
        lines.append(m.note.get(lang))
    clauses: list[N.Clause | str] = [m.clause]
    custom = None
    if m.id == N.FORM_MATERIAL_ID:
        lines.append(_annex_parts(N.ANNEX1, lang))
        lines.append(t("item_silent_form", lang))
        lines.append(t("template_offer", lang))
        custom = {"template": N.ANNEX1.key}
    asked = [a for a in dict.fromkeys(aspects) if a in _SILENT_ASPECTS]
    if m.id == "4.2":
        asked = [a for a in asked if a != "copies"]  # the note answers it
    if m.id != N.FORM_MATERIAL_ID:
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
    if m.id != N.FORM_MATERIAL_ID:
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


