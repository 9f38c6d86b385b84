"""Rules compiled into a table: the same next action RulePolicy would choose."""

from __future__ import annotations

import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME, RULE_SNIPPET_ACTION_NAME
from rasa.shared.core.events import ActionExecuted, ActiveLoop, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.policies import RuleConflict, compile_rules, table_key

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def rule(name: str, *events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(name, [ActionExecuted(RULE_SNIPPET_ACTION_NAME),
                                                   *events])


def user(intent: str) -> UserUttered:
    return UserUttered(intent=intent and {"name": intent, "confidence": 1.0})


def test_rules_become_a_table() -> None:
    table = compile_rules([
        rule("answer", ActiveLoop("should_not_be_set"), ActionExecuted(ACTION_LISTEN_NAME),
             user("ask_approval"), ActionExecuted("action_answer"),
             ActionExecuted(ACTION_LISTEN_NAME)),
        rule("interrupt", ActiveLoop("eligibility_form"), ActionExecuted(ACTION_LISTEN_NAME),
             user("ask_approval"), ActionExecuted("action_answer"),
             ActionExecuted("eligibility_form"), ActiveLoop("eligibility_form"),
             ActionExecuted(ACTION_LISTEN_NAME)),
    ])
    assert table[table_key(None, ACTION_LISTEN_NAME, "ask_approval")] == "action_answer"
    assert table[table_key(None, "action_answer", "ask_approval")] == ACTION_LISTEN_NAME
    assert table[table_key("eligibility_form", ACTION_LISTEN_NAME, "ask_approval")] == \
        "action_answer"
    assert table[table_key("eligibility_form", "action_answer", "ask_approval")] == \
        "eligibility_form"


def test_contradicting_rules_are_refused() -> None:
    with pytest.raises(RuleConflict):
        compile_rules([
            rule("a", ActionExecuted(ACTION_LISTEN_NAME), user("greet"),
                 ActionExecuted("action_greet")),
            rule("b", ActionExecuted(ACTION_LISTEN_NAME), user("greet"),
                 ActionExecuted("action_help")),
        ])
