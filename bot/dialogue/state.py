"""What the dialogue works on: the user's latest message (:class:`Turn`) and the
conversation's remembered values (:class:`State`, Rasa slots of the same names)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.notice import FTZ_AREAS_BY_ID, LANGS

# Names of the remembered values (Rasa slots of the same name).
LANGUAGE = "language"
PREFERRED_LANGUAGE = "preferred_language"
DATE_CONTEXT = "date_context"  # what a bare date refers to: "decision" | "plan"
PENDING_DATE = "pending_date"  # ISO date waiting for "which deadline?"
FTZ_AREA = "ftz_area"  # the free-trade-zone area the institution works in (FtzArea.id)
# The current subject (bot.dialogue.context): the unit last cited and the question it
# answered, the one before it (to come back to), the party, FTZ area and time limit asked about.
TOPIC_UNIT = "topic_unit"
TOPIC_QUERY = "topic_query"
TOPIC_PREVIOUS = "topic_previous"
TOPIC_PARTY = "topic_party"
TOPIC_AREA = "topic_area"
TOPIC_TIME_LIMIT = "topic_time_limit"
TOPIC_SLOTS = (TOPIC_UNIT, TOPIC_QUERY, TOPIC_PREVIOUS, TOPIC_PARTY, TOPIC_AREA, TOPIC_TIME_LIMIT)
STATE_SLOTS = (LANGUAGE, PREFERRED_LANGUAGE, DATE_CONTEXT, PENDING_DATE, FTZ_AREA) + TOPIC_SLOTS

DECISION = "decision"
PLAN = "plan"


@dataclass(frozen=True)
class Turn:
    """The user's latest message: its intent, its text and entities from a button."""

    intent: str | None
    text: str = ""
    entities: Mapping[str, str] = field(default_factory=dict)
    sender_id: str = ""  # the conversation (and the session whose files it is about)
    metadata: Mapping[str, Any] = field(default_factory=dict)  # sent by the channel
    confidence: float = 1.0  # the classifier's confidence in ``intent``

    @property
    def is_payload(self) -> bool:
        return self.text.startswith("/")

    @property
    def words(self) -> str:
        """The text to read for meaning ("" for a button payload)."""
        return "" if self.is_payload else self.text


@dataclass(frozen=True)
class State:
    language: str = "zh"
    preferred_language: str | None = None
    date_context: str | None = None
    pending_date: str | None = None
    ftz_area: str | None = None
    topic_unit: str | None = None
    topic_query: str | None = None
    topic_previous: str | None = None
    topic_party: str | None = None
    topic_area: str | None = None
    topic_time_limit: str | None = None

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> State:
        lang = values.get(LANGUAGE)
        pref = values.get(PREFERRED_LANGUAGE)
        return cls(
            language=lang if lang in LANGS else "zh",
            preferred_language=pref if pref in LANGS else None,
            date_context=values.get(DATE_CONTEXT) if values.get(DATE_CONTEXT) in (DECISION, PLAN)
            else None,
            pending_date=values.get(PENDING_DATE) or None,
            ftz_area=values.get(FTZ_AREA) if values.get(FTZ_AREA) in FTZ_AREAS_BY_ID else None,
            **{k: _text(values.get(k)) for k in TOPIC_SLOTS},
        )

    def values(self) -> dict[str, Any]:
        return {LANGUAGE: self.language, PREFERRED_LANGUAGE: self.preferred_language,
                DATE_CONTEXT: self.date_context, PENDING_DATE: self.pending_date,
                FTZ_AREA: self.ftz_area,
                **{k: getattr(self, k) for k in TOPIC_SLOTS}}


def _text(value: Any) -> str | None:
    return value[:400] if isinstance(value, str) and value else None
