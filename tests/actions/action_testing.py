"""Helpers for the action tests: trackers from JSON files and running an action."""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"
TODAY = dt.date(2026, 1, 5)


def load_tracker(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def tracker_with(state: dict[str, Any], text: str, intent: str | None,
                 entities: dict[str, str] | None = None,
                 slots: dict[str, Any] | None = None) -> Tracker:
    """A tracker whose latest user message is ``text`` classified as ``intent``."""
    state = copy.deepcopy(state)
    ents = [{"entity": k, "value": v} for k, v in (entities or {}).items()]
    state["latest_message"] = {"text": text, "intent": {"name": intent, "confidence": 0.9},
                               "entities": ents, "message_id": "test", "metadata": {}}
    state["events"].append({"event": "user", "text": text, "timestamp": 9.0,
                            "parse_data": state["latest_message"]})
    state["slots"].update(slots or {})
    return Tracker.from_dict(state)


def run(action: Action, dispatcher: CollectingDispatcher, tracker: Tracker,
        domain: dict[str, Any]) -> list[dict[str, Any]]:
    return asyncio.run(action.run(dispatcher, tracker, domain))


