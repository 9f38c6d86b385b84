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

from bot.notice.document import Lang, LANGS, Text, Clause, NoticeInfo, NOTICE  # noqa: F401
from bot.notice.conditions import (  # noqa: F401
    APPROVAL_CLAUSE,
    APPROVAL_AUTHORITY,
    CONDITIONS_HEADING,
    ConditionClause,
    CONDITION_CLAUSES,
    Condition,
    CONDITIONS,
    CONDITIONS_BY_ID,
)
from bot.notice.materials import (  # noqa: F401
    MATERIALS_HEADING,
    Category,
    Group,
    Material,
    CATEGORIES,
    CATEGORIES_BY_ID,
    GROUPS,
    GROUPS_BY_ID,
    MATERIALS,
    MATERIALS_BY_ID,
    REQUIRED_MATERIALS,
    materials_in,
    TRANSLATION_RULE,
    TRANSLATION_CLAUSE,
)
from bot.notice.procedure import (  # noqa: F401
    PROCEDURE_HEADING,
    Step,
    PROCEDURE,
    DECISION_WORKING_DAYS,
    DECISION_PERIOD,
    DECISION_CLAUSE,
    SUPERVISION_CLAUSE,
    SUPERVISION,
)
from bot.notice.duties import (  # noqa: F401
    DUTIES_HEADING,
    Duty,
    DUTIES,
    DUTIES_BY_ID,
    ASSESSMENT_PLAN_DAYS_BEFORE,
    ASSESSMENT_PLAN_PERIOD,
    ANNUAL_REPORT_MONTH,
)
from bot.notice.annexes import (  # noqa: F401
    FormField,
    FormTable,
    FormSection,
    AnnexForm,
    BASIC_INFO_FIELDS,
    ANNEX1,
    ANNEX2,
    ANNEXES,
    ANNEX_CLAUSES,
)
