"""Guidance actions: what the user sees and which values are remembered."""

from __future__ import annotations

import pytest
from action_testing import run, tracker_with
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions import guidance as G
from bot import notice as N
from bot.settings import get_settings


def test_every_domain_action_is_served_and_nothing_else(domain) -> None:
    executor = ActionExecutor()
    executor.register_package("actions")
    assert set(executor.actions) == set(domain["actions"])


def test_who_approves_in_chinese(dispatcher, empty_state, domain) -> None:
    events = run(G.ActionAnswer(), dispatcher, tracker_with(empty_state, "谁审批？", "ask_approval"),
                 domain)
    text = dispatcher.messages[0]["text"]
    assert N.APPROVAL_AUTHORITY.zh in text and "一（审批层级）" in text
    assert SlotSet("language", "zh") in events


def test_an_english_question_gets_english(dispatcher, empty_state, domain) -> None:
    state = tracker_with(empty_state, "What is the feasibility report?", "ask_materials",
                         slots={"language": "zh"})
    events = run(G.ActionAnswer(), dispatcher, state, domain)
    assert N.MATERIALS_BY_ID["4.3"].name.en in dispatcher.messages[0]["text"]
    assert SlotSet("language", "en") in events


def test_a_button_payload_with_a_subject(dispatcher, empty_state, domain) -> None:
    state = tracker_with(empty_state, '/ask_duties{"subject":"duty:annual_report"}', "ask_duties",
                         entities={"subject": "duty:annual_report"}, slots={"language": "en"})
    run(G.ActionAnswer(), dispatcher, state, domain)
    message = dispatcher.messages[0]
    assert N.DUTIES_BY_ID["annual_report"].text.en in message["text"]
    assert message["custom"] == {"template": "annex2"}  # the hook for the blank form


def test_the_decision_date_with_a_fixed_today(dispatcher, empty_state, domain) -> None:
    state = tracker_with(empty_state, "审批要多久？我们3月2日提交", "ask_timing")
    events = run(G.ActionAnswer(), dispatcher, state, domain)
    text = dispatcher.messages[0]["text"]
    assert "2026年5月8日" in text and "没有写年份" in text  # 3月2日 after 5 Jan 2026 is 2026
    assert SlotSet("date_context", "decision") in events


def test_a_bare_date_asks_which_deadline_and_remembers_it(dispatcher, empty_state, domain) -> None:
    events = run(G.ActionAnswer(), dispatcher, tracker_with(empty_state, "2026-03-02",
                                                             "inform_date"), domain)
    assert SlotSet("pending_date", "2026-03-02") in events
    assert len(dispatcher.messages[0]["buttons"]) == 2


@pytest.mark.parametrize("action,text,intent,expected", [
    (G.ActionGreet, "你好", "greet", "您好"),
    (G.ActionHelp, "help", "help", "I can answer"),
    (G.ActionThanks, "thanks", "thanks", "You're welcome"),
    (G.ActionGoodbye, "再见", "goodbye", "再见"),
    (G.ActionOutOfScope, "讲个笑话", "out_of_scope", "不在我能回答的范围内"),
    (G.ActionFallback, "zzzz", "nlu_fallback", "Sorry"),
])
def test_small_talk(action, text, intent, expected, dispatcher, empty_state, domain) -> None:
    run(action(), dispatcher, tracker_with(empty_state, text, intent), domain)
    assert expected in dispatcher.messages[0]["text"]


def test_handoff_gives_the_contact_and_marks_the_message(dispatcher, empty_state, domain) -> None:
    run(G.ActionHandoff(), dispatcher, tracker_with(empty_state, "转人工", "human_handoff"), domain)
    message = dispatcher.messages[0]
    assert get_settings().contact.zh in message["text"]
    assert message["custom"] == {"handoff": True}


def test_switching_language_is_remembered(dispatcher, empty_state, domain) -> None:
    events = run(G.ActionSwitchLanguage(), dispatcher,
                 tracker_with(empty_state, "请用英文回答", "switch_language"), domain)
    assert SlotSet("preferred_language", "en") in events
    assert dispatcher.messages[0]["text"].startswith("OK, I will answer in English")
    # The preference then wins over the message's own language.
    later = CollectingDispatcher()
    run(G.ActionAnswer(), later, tracker_with(empty_state, "谁审批？", "ask_approval",
                                              slots={"language": "en",
                                                     "preferred_language": "en"}), domain)
    assert N.APPROVAL_AUTHORITY.en in later.messages[0]["text"]

