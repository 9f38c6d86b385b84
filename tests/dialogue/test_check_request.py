"""A request to run the self-check, told apart from a question that only mentions a condition."""

from __future__ import annotations

import pytest

from bot.dialogue import check_request as c


@pytest.mark.parametrize("text", ["帮我自测一下", "eligibility check please", "quick self-assessment",
                                  "帮我测一下能不能申请"])
def test_requests_start_the_check(text: str) -> None:
    assert c.intent_of(text, "nlu_fallback") == "start_self_check"


@pytest.mark.parametrize("text", ["我们没有章程，是不是就不能申请了？", "他们会来查我们吗",
                                  "Who approves? Don't run the self-check", "不要问我条件，先说审批时限"])
def test_a_question_the_classifier_took_for_a_request_is_a_question(text: str) -> None:
    assert c.intent_of(text, "start_self_check") != "start_self_check"


def test_the_words_of_a_request() -> None:
    assert c.asks_for_check("做个自检") and not c.asks_for_check("审批要多久")
