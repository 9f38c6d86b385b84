"""The Rasa server patches behave like the code they replace."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError, validate
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

import addons  # noqa: F401  (installs the patches)
from addons import speedups

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

RESPONSES = [
    {"events": [{"event": "slot", "name": "language", "value": "zh", "timestamp": None}],
     "responses": [{"text": "hi", "buttons": []}]},
    {"events": [{"event": "slot", "name": "language"}], "responses": []},
    {"events": [{"event": "slot", "value": 1}], "responses": []},
    {"events": [{"event": "active_loop", "name": None}], "responses": []},
    {"events": [{"event": "bogus"}], "responses": []},
    {"events": [{"event": "followup", "name": "x"}], "responses": "no"},
    {"events": "x"},
    {"events": [{"event": "user", "text": "hi", "parse_data": {"intent": {"name": 3}}}]},
    {"events": [{"event": "bot", "text": "hi"}, {"event": "action", "name": "a"}],
     "responses": [{"text": "t"}]},
]


@pytest.mark.parametrize("response", RESPONSES)
def test_action_responses_are_judged_as_by_jsonschema(response) -> None:
    schema = RemoteAction.action_response_format_spec()
    try:
        validate(response, schema)
        expected = True
    except ValidationError:
        expected = False
    try:
        got = speedups._validate_action_result(object(), response)
    except ValidationError:
        got = False
    assert got is expected


def test_event_classes_are_resolved_as_before() -> None:
    from rasa.shared.utils.common import all_subclasses

    for cls in all_subclasses(Event):
        if getattr(cls, "type_name", None) and cls.type_name != "event":
            assert issubclass(Event.resolve_by_type(cls.type_name), Event)
    with pytest.raises(ValueError):
        Event.resolve_by_type("no_such_event")
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet


def test_the_action_server_gets_the_current_turn_only(monkeypatch: pytest.MonkeyPatch) -> None:
    domain = Domain.empty()
    tracker = DialogueStateTracker("s", [])
    for text in ("你好", "谁审批"):
        tracker.update(UserUttered(text, {"name": "greet", "confidence": 1.0}))
        tracker.update(ActionExecuted("action_answer"))
        tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("银行资信证明", {"name": "ask_materials", "confidence": 1.0}))
    action = RemoteAction("action_answer", EndpointConfig("http://127.0.0.1:1/webhook"))
    sent = action._action_call_format(tracker, domain)
    events = sent["tracker"]["events"]
    assert events[0]["event"] == "user" and events[0]["text"] == "银行资信证明"
    assert sent["tracker"]["latest_message"]["text"] == "银行资信证明"
    monkeypatch.setenv(speedups.ENV_ACTION_EVENTS, "all")
    assert len(action._action_call_format(tracker, domain)["tracker"]["events"]) == len(
        tracker.events)


def test_domain_emptiness_is_remembered() -> None:
    assert Domain.empty().is_empty()
    assert not Domain.from_dict({"intents": ["greet"]}).is_empty()


def test_install_is_idempotent() -> None:
    before = RemoteAction._validate_action_result
    speedups.install()
    assert RemoteAction._validate_action_result is before
