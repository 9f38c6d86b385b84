"""The eligibility self-check form: its questions and verdict.

Answers fill the form's slots without an action: the answer intents (affirm / deny /
unsure, made exact by ``addons.nlu.ExactIntentClassifier``) are mapped to the question
being asked in domain.yml.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import ConversationAction, send, values_from
from bot.dialogue import dispatch as conversation
from bot.dialogue import self_check as elig
from bot.dialogue.dispatch import State
from bot.dialogue.reply import Outcome
from bot.notice import CONDITIONS

FORM = "eligibility_form"


def _no_answers() -> list[EventType]:
    """The events that forget the self-check's answers and the question it was at."""
    return [*(SlotSet(slot, None) for slot in elig.SLOTS), SlotSet("requested_slot", None)]


class ActionStartSelfCheck(ConversationAction):
    """Introduces the self-check and clears earlier answers before the form starts."""

    def name(self) -> str:
        return "action_start_self_check"
    handler = "start_self_check"

    def extra_events(self) -> list[EventType]:
        return _no_answers()


def _ask_action(condition_id: str) -> type[ConversationAction]:
    """The ``action_ask_cond_<id>`` action the form calls to ask one condition."""
    action_name = f"action_ask_{elig.slot_for(condition_id)}"

    def name(self: ConversationAction) -> str:
        return action_name

    return type(f"ActionAsk_{condition_id}", (ConversationAction,),
                {"name": name, "handler": f"ask_condition:{condition_id}",
                 "__doc__": f"Asks about the condition {condition_id!r}.",
                 "__module__": __name__})


# One per condition, generated from bot.notice.CONDITIONS.
ASK_ACTIONS: dict[str, type[ConversationAction]] = {c.id: _ask_action(c.id) for c in CONDITIONS}


class ActionEligibilityVerdict(ConversationAction):
    """The verdict once every condition is answered."""

    def name(self) -> str:
        return "action_eligibility_verdict"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        state = State.from_values(values_from(tracker))
        reply = conversation.verdict_reply({s: tracker.get_slot(s) for s in elig.SLOTS},
                                           state.language)
        send(dispatcher, Outcome([reply]))
        return []


class ActionSelfCheckStopped(ConversationAction):
    """The user stopped the self-check: say so, forget the answers, close the form."""

    def name(self) -> str:
        return "action_self_check_stopped"
    handler = "self_check_stopped"

    def extra_events(self) -> list[EventType]:
        return [*_no_answers(), ActiveLoop(None)]


class ActionSelfCheckUnclear(ConversationAction):
    """A reply the form could not read: say how to answer; the form asks again."""

    handler = "self_check_unclear"

    def name(self) -> str:
        return "action_self_check_unclear"
