"""What every action does: read the tracker, call :func:`bot.dialogue.dispatch.respond`, send
the replies and remember what changed."""

from __future__ import annotations

import asyncio
import datetime as dt
from abc import ABCMeta, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue import dispatch as conversation
from bot.dialogue.reply import Outcome


def today() -> dt.date:
    """Today's date (tests replace this)."""
    return dt.date.today()


def turn_from(tracker: Tracker) -> conversation.Turn:
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name")
    confidence = (message.get("intent") or {}).get("confidence")
    entities: dict[str, str] = {}
    for entity in message.get("entities") or []:
        name, value = entity.get("entity"), entity.get("value")
        if isinstance(name, str) and isinstance(value, str):
            entities.setdefault(name, value)
    return conversation.Turn(intent=intent, text=message.get("text") or "", entities=entities,
                             sender_id=tracker.sender_id or "",
                             metadata=message.get("metadata") or {},
                             confidence=float(confidence) if isinstance(confidence, (int, float))
                             else 1.0)


def values_from(tracker: Tracker) -> dict[str, Any]:
    return {name: tracker.get_slot(name) for name in conversation.STATE_SLOTS}


def send(dispatcher: CollectingDispatcher, outcome: Outcome) -> None:
    for reply in outcome.replies:
        dispatcher.utter_message(
            text=reply.text,
            buttons=[b.to_dict() for b in reply.buttons] or None,
            json_message=reply.custom or None,
        )


def run_handler(handler: str, dispatcher: CollectingDispatcher, tracker: Tracker,
                extra: list[EventType] | None = None) -> list[EventType]:
    outcome = conversation.respond(handler, turn_from(tracker), values_from(tracker), today())
    send(dispatcher, outcome)
    return [SlotSet(k, v) for k, v in outcome.values.items()] + list(extra or [])


class ConversationAction(Action, metaclass=ABCMeta):
    """An action that runs one :mod:`bot.dialogue.dispatch` handler (``handler``).

    A ``blocking`` handler (one that reads the file store or renders a report) runs in a
    worker thread, so other conversations' turns are not held up while it works."""

    handler = ""
    blocking = False

    @abstractmethod
    def name(self) -> str:
        """The action's name in the domain."""

    def extra_events(self) -> list[EventType]:
        """Events the action returns after the handler's slots (none here)."""
        return []

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        if self.blocking:
            return await asyncio.get_running_loop().run_in_executor(
                None, run_handler, self.handler, dispatcher, tracker, self.extra_events())
        return run_handler(self.handler, dispatcher, tracker, self.extra_events())
