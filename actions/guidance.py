"""Actions that answer questions about the notice and handle small talk."""

from __future__ import annotations

from actions.common import ConversationAction
from bot.dialogue.retrieval import index as _retrieval_index

_retrieval_index()  # the notice's units are indexed once, when the action server starts


class ActionAnswer(ConversationAction):
    """Any question about the notice (and dates for its time limits)."""

    def name(self) -> str:
        return "action_answer"
    handler = "answer"


class ActionGreet(ConversationAction):
    def name(self) -> str:
        return "action_greet"
    handler = "greet"


class ActionHelp(ConversationAction):
    def name(self) -> str:
        return "action_help"
    handler = "help"


class ActionThanks(ConversationAction):
    def name(self) -> str:
        return "action_thanks"
    handler = "thanks"


class ActionGoodbye(ConversationAction):
    def name(self) -> str:
        return "action_goodbye"
    handler = "goodbye"


class ActionHandoff(ConversationAction):
    """The user asked for a person: the contact (and a hook for channels to record it)."""

    blocking = True  # records the request in the store

    def name(self) -> str:
        return "action_handoff"
    handler = "handoff"


class ActionSwitchLanguage(ConversationAction):
    def name(self) -> str:
        return "action_switch_language"
    handler = "switch_language"


class ActionOutOfScope(ConversationAction):
    def name(self) -> str:
        return "action_out_of_scope"
    handler = "out_of_scope"


class ActionFallback(ConversationAction):
    """Low NLU confidence: offer what the message may be about, or the menu."""

    def name(self) -> str:
        return "action_fallback"
    handler = "fallback"
