"""Fixtures for the action tests, as RasaHQ/financial-demo does: trackers loaded from JSON
files in tests/actions/data, a collecting dispatcher and the domain."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from action_testing import ROOT, TODAY, load_tracker
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.common


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actions.common, "today", lambda: TODAY)


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture
def domain() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture
def empty_state() -> dict[str, Any]:
    return load_tracker("empty_tracker.json")


@pytest.fixture
def self_check_state() -> dict[str, Any]:
    return load_tracker("self_check_tracker.json")


@pytest.fixture
def tracker(empty_state: dict[str, Any]) -> Tracker:
    return Tracker.from_dict(empty_state)
