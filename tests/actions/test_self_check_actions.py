"""Self-check actions: questions, verdict, stop."""

from __future__ import annotations

import pytest
from action_testing import run, tracker_with
from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, SlotSet

from actions import self_check as S
from bot import notice as N
from bot.dialogue import self_check as E


def test_start_clears_earlier_answers(dispatcher, self_check_state, domain) -> None:
    state = tracker_with(self_check_state, "重新开始自检", "start_self_check")
    events = run(S.ActionStartSelfCheck(), dispatcher, state, domain)
    for slot in E.SLOTS:
        assert SlotSet(slot, None) in events
    assert SlotSet("requested_slot", None) in events
    assert f"共{len(N.CONDITIONS)}项" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize("condition", N.CONDITIONS, ids=lambda c: c.id)
def test_each_question_in_both_languages_with_buttons(condition, dispatcher, self_check_state,
                                                      domain) -> None:
    action = S.ASK_ACTIONS[condition.id]()
    assert action.name() == f"action_ask_cond_{condition.id}"
    run(action, dispatcher, Tracker.from_dict(self_check_state), domain)
    message = dispatcher.messages[0]
    assert condition.question.zh in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/affirm", "/deny", "/unsure", "/stop"]
    en = tracker_with(self_check_state, "yes", "affirm", slots={"language": "en"})
    dispatcher.messages.clear()
    run(action, dispatcher, en, domain)
    assert condition.question.en in dispatcher.messages[0]["text"]


def _answered(state: dict, answers: dict[str, str]) -> Tracker:
    state["slots"].update({E.slot_for(k): v for k, v in answers.items()})
    return Tracker.from_dict(state)


def test_verdict_all_met(dispatcher, self_check_state, domain) -> None:
    tracker = _answered(self_check_state, {c.id: "yes" for c in N.CONDITIONS})
    run(S.ActionEligibilityVerdict(), dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert "可以提出申请" in text and N.PROCEDURE[0].text.zh.rstrip("。") in text


def test_verdict_with_a_failed_and_an_uncertain_condition(dispatcher, self_check_state,
                                                          domain) -> None:
    answers = {c.id: "yes" for c in N.CONDITIONS}
    answers.update(single_partner="no", exam_capacity="unsure")
    run(S.ActionEligibilityVerdict(), dispatcher, _answered(self_check_state, answers), domain)
    text = dispatcher.messages[0]["text"]
    failed, unsure = N.CONDITIONS_BY_ID["single_partner"], N.CONDITIONS_BY_ID["exam_capacity"]
    assert failed.if_failed.zh in text and "二（二）" in text
    assert unsure.evidence.zh in text
    assert "可以提出申请" not in text


def test_stop_closes_the_form_and_forgets_the_answers(dispatcher, self_check_state,
                                                      domain) -> None:
    events = run(S.ActionSelfCheckStopped(), dispatcher,
                 tracker_with(self_check_state, "退出", "stop"), domain)
    assert ActiveLoop(None) in events
    assert SlotSet(E.SLOTS[0], None) in events
    assert "已退出资格自检" in dispatcher.messages[0]["text"]


def test_an_unclear_reply_says_how_to_answer(dispatcher, self_check_state, domain) -> None:
    run(S.ActionSelfCheckUnclear(), dispatcher,
        tracker_with(self_check_state, "是吗？", "nlu_fallback"), domain)
    assert "请回答“是”“否”或“不确定”" in dispatcher.messages[0]["text"]
