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

from bot.dialogue.guidance.render import menu_buttons  # noqa: F401
from bot.dialogue.guidance.resolve import (  # noqa: F401
    QUESTION_INTENTS,
    answer,
    candidates,
    render_subject,
    resolve,
    subject_button,
    subject_title,
)
from bot.dialogue.guidance.subject import Subject, find_subjects  # noqa: F401
