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

from bot.dialogue.guidance.subject import (  # noqa: F401
    MATERIAL,
    CATEGORY,
    GROUP,
    CONDITION,
    CONDITION_CLAUSE,
    DUTY,
    ANNEX,
    NOT_COVERED,
    TIMING,
    ASPECT,
    TRANSLATION_OPEN,
    MATERIAL_CUE,
    Subject,
    Match,
    find_subjects,
    find_aspects,
)
from bot.dialogue.guidance.render import (  # noqa: F401
    preamble_cite,
    menu_buttons,
    approval,
    legal_basis,
    conditions_overview,
    condition_clause,
    condition,
    materials_overview,
    category,
    group,
    material,
    translation,
    procedure,
    submission,
    timing,
    timing_menu,
    supervision,
    duties_overview,
    duty,
    annex,
    annexes_overview,
    not_covered,
)
from bot.dialogue.guidance.resolve import (  # noqa: F401
    QUESTION_INTENTS,
    render_subject,
    resolve,
    answer,
    candidates,
    subject_title,
    subject_button,
)
