"""The materials checklist: the four categories of 三 with their items, each with one of
four states a person can take in at a glance (the chat page's side panel, the staff
console and the top of the HTML and DOCX reports all show this one list).

    provided   ✓  a readable file of it, nothing to fix
    missing    ✗  no file (or only a translation whose original is absent)
    attention  !  a file of it has a problem: unreadable, no Chinese translation, or the
                  registration form has mistakes
    optional   ○  an optional item (如有) not supplied

Item names, clauses and what the notice asks come from ``bot.notice``; the labels from
``bot.i18n``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.i18n import t
from bot.notice import CATEGORIES, GROUPS_BY_ID, MATERIALS_BY_ID, TRANSLATION_RULE, Material
from bot.precheck.results import (
    BLOCKING_PROBLEMS,
    MISSING,
    OPTIONAL,
    PROVIDED,
    UNTRANSLATED,
    PrecheckResult,
)

ATTENTION = "attention"
STATES = (PROVIDED, MISSING, ATTENTION, OPTIONAL)
SYMBOLS = {PROVIDED: "✓", MISSING: "✗", ATTENTION: "!", OPTIONAL: "○"}
FORM_MATERIAL = "4.1"


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    name: str
    short: str
    clause: str  # the citation, e.g. 《通知》三（一）1（申请材料清单）
    state: str  # one of STATES
    symbol: str
    label: str  # the state for people
    files: list[str] = field(default_factory=list)  # the files matched to it
    asks: list[str] = field(default_factory=list)  # what the notice asks for it
    why: list[str] = field(default_factory=list)  # what needs attention, if anything

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ChecklistCategory:
    id: str
    title: str
    items: list[ChecklistItem]

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "items": [i.to_dict() for i in self.items]}


def label(state: str, lang: str) -> str:
    return t(f"checklist_{state}", lang)


def _asks(m: Material, lang: str) -> list[str]:
    out = [m.name.get(lang)]
    if m.group and m.group in GROUPS_BY_ID:
        out.append(GROUPS_BY_ID[m.group].notice_text.get(lang))
    if m.note:
        out.append(m.note.get(lang))
    out.append(TRANSLATION_RULE.get(lang))
    return out


def build_checklist(result: PrecheckResult, lang: str = "zh") -> list[ChecklistCategory]:
    """The checklist of ``result`` in ``lang``."""
    lang = "en" if lang == "en" else "zh"
    by_id = {s.id: s for s in result.materials}
    files = {f.name: f for f in result.files}
    form_problems = bool(result.form and result.form.problems)
    out: list[ChecklistCategory] = []
    for cat in CATEGORIES:
        items = []
        for mid, m in MATERIALS_BY_ID.items():
            if m.category != cat.id:
                continue
            status = by_id.get(mid)
            names = list(status.files) if status else []
            why: list[str] = []
            codes = {p.code for n in names if n in files for p in files[n].problems}
            if status is None:
                state = OPTIONAL if m.optional else MISSING
            elif status.status == OPTIONAL:
                state = OPTIONAL
            elif status.status == MISSING:
                state = MISSING
                if names:  # only a translation: its original is not there
                    why.append(t("checklist_why_original", lang))
            else:
                state = PROVIDED if status.status == PROVIDED else ATTENTION
                if codes & (set(BLOCKING_PROBLEMS) - {UNTRANSLATED}) or (
                        state == ATTENTION and UNTRANSLATED not in codes):
                    why.append(t("checklist_why_problem", lang))
                if UNTRANSLATED in codes:
                    why.append(t("checklist_why_translation", lang))
                if mid == FORM_MATERIAL and form_problems:
                    why.append(t("checklist_why_form", lang))
                if why:
                    state = ATTENTION
            items.append(ChecklistItem(
                id=mid, name=m.name.get(lang), short=m.short.get(lang),
                clause=m.clause.cite(lang), state=state, symbol=SYMBOLS[state],
                label=label(state, lang), files=names, asks=_asks(m, lang), why=why))
        out.append(ChecklistCategory(cat.id, f"{cat.clause.short(lang)} {cat.name.get(lang)}",
                                     items))
    return out


def counts(checklist: list[ChecklistCategory]) -> dict[str, int]:
    """How many items are in each state."""
    n = dict.fromkeys(STATES, 0)
    for c in checklist:
        for i in c.items:
            n[i.state] += 1
    return n


def legend(lang: str) -> list[tuple[str, str]]:
    """(symbol, label) for each state, in order: the key printed above the list."""
    return [(SYMBOLS[s], label(s, lang)) for s in STATES]
