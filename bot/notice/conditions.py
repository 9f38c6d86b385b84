"""Parts 一 (the approval level) and 二 (the licensing conditions) of the notice; the items of
part 二 and its separately checkable conditions are data, in ``conditions.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.notice.document import Clause, ClauseText, Text, clause_texts, read_data, text

# ---------------------------------------------------------------------------
# Part 一: approval level
# ---------------------------------------------------------------------------

APPROVAL_CLAUSE = Clause(Text("一", "I"), Text("审批层级", "Approval level"))
APPROVAL_AUTHORITY = Text(
    zh="自治区人力资源社会保障部门",
    en="the human resources and social security department of the Autonomous Region",
)

# ---------------------------------------------------------------------------
# Part 二: licensing conditions
# ---------------------------------------------------------------------------

CONDITIONS_HEADING = Text("许可条件", "Licensing conditions")


ConditionClause = ClauseText  # one numbered item of part 二, with its full text
_DATA = read_data("conditions.yml")
CONDITION_CLAUSES: tuple[ConditionClause, ...] = clause_texts(_DATA["clauses"], CONDITIONS_HEADING)


@dataclass(frozen=True)
class Condition:
    """One separately checkable licensing condition (a piece of a part-二 item)."""

    id: str
    clause: Clause
    requirement: Text  # the notice's words for this piece
    question: Text  # the self-check question, in plain words
    if_failed: Text  # what failing it means for the application
    evidence: Text  # what settles it when the applicant is unsure
    materials: tuple[str, ...]  # ids of the materials that bear on it


_EXPERT_REVIEW = text(_DATA["expert_review"])


def _condition(data: dict[str, Any]) -> Condition:
    evidence = text(data["evidence"])
    if data.get("expert_review"):
        evidence = Text(evidence.zh + _EXPERT_REVIEW.zh, f"{evidence.en} {_EXPERT_REVIEW.en}")
    return Condition(
        id=data["id"], clause=CONDITION_CLAUSES[data["clause"]].clause,
        requirement=text(data["requirement"]), question=text(data["question"]),
        if_failed=text(data["if_failed"]), evidence=evidence,
        materials=tuple(data["materials"]))


CONDITIONS: tuple[Condition, ...] = tuple(_condition(c) for c in _DATA["conditions"])
CONDITIONS_BY_ID: dict[str, Condition] = {c.id: c for c in CONDITIONS}
