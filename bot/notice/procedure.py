"""Parts 四 (the procedure and its 45-working-day limit) and 五 (supervision) of the notice; their
texts are data, in ``procedure.yml``."""

from __future__ import annotations

from bot.notice.document import Clause, ClauseText, Text, clause_texts, read_data, text

# ---------------------------------------------------------------------------
# Part 四: procedure
# ---------------------------------------------------------------------------

PROCEDURE_HEADING = Text("办理程序", "Procedure")


Step = ClauseText  # one step of part 四, with its full text
_DATA = read_data("procedure.yml")
PROCEDURE: tuple[Step, ...] = clause_texts(_DATA["steps"], PROCEDURE_HEADING)
DECISION_WORKING_DAYS = 45
# The words of 四（三） that set the period (quoted when a decision date is worked out).
DECISION_PERIOD = text(_DATA["decision_period"])
DECISION_CLAUSE = PROCEDURE[2].clause

# ---------------------------------------------------------------------------
# Part 五: supervision
# ---------------------------------------------------------------------------

SUPERVISION_CLAUSE = Clause(Text("五", "V"),
                            Text("事中事后监管", "Supervision during and after approval"))
SUPERVISION = text(_DATA["supervision"])
