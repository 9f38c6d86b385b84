"""Which answer for a question intent and its text."""

from __future__ import annotations

from collections.abc import Callable

from bot import notice as N
from bot.dialogue.guidance.render import (
    _strip_period,
    annex,
    annexes_overview,
    approval,
    category,
    condition,
    condition_clause,
    conditions_overview,
    duties_overview,
    duty,
    group,
    legal_basis,
    material,
    materials_overview,
    not_covered,
    procedure,
    submission,
    supervision,
    timing,
    timing_menu,
    translation,
)
from bot.dialogue.guidance.subject import (
    ANNEX,
    CATEGORY,
    CONDITION,
    CONDITION_CLAUSE,
    DUTY,
    GROUP,
    MATERIAL,
    MATERIAL_CUE,
    NOT_COVERED,
    TIMING,
    Subject,
    _scan,
    find_aspects,
    find_subjects,
)
from bot.dialogue.reply import Button, Reply, payload
from bot.i18n import t

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
    overview: dict[str, Callable[[str], Reply]] = {
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
