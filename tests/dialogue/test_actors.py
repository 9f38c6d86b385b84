"""What each department does, from the clauses that name it (bot/dialogue/actors.py)."""

from __future__ import annotations

from bot.dialogue import actors


def _ids(text: str) -> list[list[str]]:
    return [[u.id for u in units] for _, units in actors.actor_units(text)]


def test_what_the_city_bureau_receives() -> None:
    assert _ids("设区市还负责收哪些东西？") == [["4.3", "6.assessment_plan", "6.annual_report"]]


def test_what_the_city_bureau_does_includes_rectification() -> None:
    (ids,) = _ids("市人社局是干什么的")
    assert "6.rectification" in ids and "6.assessment_plan" in ids


def test_the_regional_department_and_each_of_the_two() -> None:
    (region,) = _ids("自治区人社厅负责什么")
    assert {"4.1", "4.2", "4.3"} <= set(region)
    assert len(_ids("设区市人社部门和自治区人社部门分别干啥")) == 2


def test_a_question_not_about_a_role_is_left_alone() -> None:
    assert actors.actor_units("审批要多久") == []
    assert actors.actor_units("谁负责审批") == []
