"""The notice 桂人社规〔2020〕12号 as structured data.

This module is the single source of truth for every fact the assistant states:
who approves, the licensing conditions, the materials list, the procedure and its
time limit, supervision, the duties after approval and the fields of the two annex
forms.  Chinese text is the notice's own wording; English text is a rendering of
it.  Answers, checklists, reports and templates are rendered from here and never
retyped elsewhere.

A clause is cited by its place in the notice, e.g. ``二（一）`` / ``II(1)``.
"""

from __future__ import annotations

from bot.notice.annexes import (  # noqa: F401
    ANNEX1,
    ANNEX2,
    ANNEX_CLAUSES,
    ANNEXES,
    BASIC_INFO_FIELDS,
    FORM_NAMES,
    AnnexForm,
    FormField,
    FormSection,
    FormTable,
)
from bot.notice.areas import (  # noqa: F401
    CITY_BUREAU,
    FTZ_AREAS,
    FTZ_AREAS_BY_ID,
    FTZ_CLAUSE,
    OUTSIDE_PLACES,
    FtzArea,
)
from bot.notice.conditions import (  # noqa: F401
    APPROVAL_AUTHORITY,
    APPROVAL_CLAUSE,
    CONDITION_CLAUSES,
    CONDITIONS,
    CONDITIONS_BY_ID,
    CONDITIONS_HEADING,
    Condition,
    ConditionClause,
)
from bot.notice.document import LANGS, NOTICE, Clause, Lang, NoticeInfo, Text  # noqa: F401
from bot.notice.duties import (  # noqa: F401
    ANNUAL_REPORT_DEADLINE,
    ANNUAL_REPORT_MONTH,
    ANNUAL_REPORT_PERIOD,
    ASSESSMENT_PLAN_DAYS_BEFORE,
    ASSESSMENT_PLAN_PERIOD,
    DUTIES,
    DUTIES_BY_ID,
    DUTIES_HEADING,
    Duty,
)
from bot.notice.materials import (  # noqa: F401
    CATEGORIES,
    CATEGORIES_BY_ID,
    FORM_MATERIAL_ID,
    GROUPS,
    GROUPS_BY_ID,
    MATERIALS,
    MATERIALS_BY_ID,
    MATERIALS_HEADING,
    REQUIRED_MATERIALS,
    TRANSLATION_CLAUSE,
    TRANSLATION_RULE,
    Category,
    Group,
    Material,
    materials_in,
)
from bot.notice.procedure import (  # noqa: F401
    DECISION_CLAUSE,
    DECISION_PERIOD,
    DECISION_WORKING_DAYS,
    PROCEDURE,
    PROCEDURE_HEADING,
    SUPERVISION,
    SUPERVISION_CLAUSE,
    Step,
)
from bot.notice.values import fact_values  # noqa: F401
