"""The tracker store's tests: the domain and a data folder of their own (fixtures, given to
every test by tests/conftest.py) and one turn of a conversation.  Rasa is imported only
when they are used."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def domain() -> Domain:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path`` as the data folder, with no database named in the environment (the
    tracker database in it, then)."""
    from addons.tracker_store import ENV_URL

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv(ENV_URL, raising=False)
    monkeypatch.delenv("ASSISTANT_DATABASE_URL", raising=False)
    return tmp_path


def turn(tracker: DialogueStateTracker, text: str, intent: str = "greet",
         at: float | None = None) -> None:
    """The user says ``text`` (``intent``) and the assistant answers; ``at``: the time of
    every event."""
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered

    kw = {"timestamp": at} if at is not None else {}
    tracker.update(UserUttered(text, {"name": intent, "confidence": 1.0}, **kw))
    tracker.update(ActionExecuted("action_answer", **kw))
    tracker.update(SlotSet("language", "zh", **kw))
    tracker.update(ActionExecuted("action_listen", **kw))
