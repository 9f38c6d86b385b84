"""What the assistant sends back: text, buttons and machine-readable extras.

A :class:`Reply` knows nothing of any chat framework; the Rasa actions turn it into a
bot message, and other channels can render it their own way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Button:
    """A button: the title shown and the payload sent back (``/intent`` or
    ``/intent{"entity": "value"}``), which works whatever the reply language."""

    title: str
    payload: str

    def to_dict(self) -> dict[str, str]:
        return {"title": self.title, "payload": self.payload}


def payload(intent: str, **entities: str) -> str:
    """A button payload for ``intent`` with optional entities."""
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(entities, ensure_ascii=False, separators=(',', ':'))}"


@dataclass(frozen=True)
class Reply:
    """One message.  ``custom`` carries hooks for richer channels, e.g.
    ``{"template": "annex1"}`` when a blank form template can be offered or
    ``{"handoff": True}`` when the user asked for a person."""

    text: str
    buttons: tuple[Button, ...] = ()
    custom: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text}
        if self.buttons:
            out["buttons"] = [b.to_dict() for b in self.buttons]
        if self.custom:
            out["custom"] = dict(self.custom)
        return out


@dataclass
class Outcome:
    """The replies to one user message and the conversation values they change."""

    replies: list[Reply] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.replies)
