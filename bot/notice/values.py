"""The facts that interface strings name, as format values.

The assistant's own words (:mod:`bot.i18n`) never state a fact; they hold placeholders —
``{number}``, ``{annex1}``, ``{annex2}``, ``{form}``, ``{authority}``,
``{annual_deadline}``, ``{city_bureau}`` — that these values fill.
"""

from __future__ import annotations

from bot import i18n
from bot.notice.annexes import ANNEX1, ANNEX2, FORM_NAMES
from bot.notice.areas import CITY_BUREAU
from bot.notice.conditions import APPROVAL_AUTHORITY
from bot.notice.document import NOTICE
from bot.notice.duties import ANNUAL_REPORT_DEADLINE


def fact_values(lang: str) -> dict[str, str]:
    """Every placeholder value in ``lang`` ("zh" or "en")."""
    en = lang == "en"
    return {
        "number": NOTICE.number,
        "annex1": ANNEX1.number_en if en else ANNEX1.number,
        "annex2": ANNEX2.number_en if en else ANNEX2.number,
        "form": FORM_NAMES["annex1"].get(lang),
        "authority": APPROVAL_AUTHORITY.get(lang),
        "annual_deadline": ANNUAL_REPORT_DEADLINE.get(lang),
        "city_bureau": CITY_BUREAU.get(lang),
    }


i18n.register_facts(fact_values)
