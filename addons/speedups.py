"""Per-turn costs of the Rasa server that this project removes.

Rasa 3.6 checks every action-server response with ``jsonschema.validate``, which first
validates the (large, constant) response *schema* against the JSON-Schema meta-schema and
builds a new validator, on every call: about 30–60 ms of CPU per custom action on this
project's machine, more than everything else in a turn.  :func:`install` replaces that
method with one that checks each response against the same schema with validators
built once (each event against the schema of its own event type), and raises a
``ValidationError`` for a bad response as before.

Reading a conversation from the tracker store turns every stored event back into an
object; ``Event.resolve_by_type`` finds each event's class by walking every subclass of
``Event`` (hundreds of ``isabstract`` checks per event).  :func:`install` remembers the
class found for each event name, which is the same class every time.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

_installed = False


@lru_cache(maxsize=1)
def _response_validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once
    return cls(schema)


@lru_cache(maxsize=1)
def _event_validators() -> dict[str, Any] | None:
    """One validator per event name: the event item schema with only the ``oneOf``
    alternative for that name.  An event is valid against ``oneOf`` exactly when it is
    valid against the one alternative whose ``event`` constant is its name, so checking
    that one alternative is the same check.  None if the schema is not of that shape."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    item = schema["properties"]["events"].get("items", {})
    alternatives = item.get("oneOf")
    if not isinstance(alternatives, list):
        return None
    base = {k: v for k, v in item.items() if k != "oneOf"}
    by_name: dict[str, Any] = {}
    for alternative in alternatives:
        name = alternative.get("properties", {}).get("event", {}).get("const")
        if not isinstance(name, str) or name in by_name:
            return None
        one = {**base, "allOf": [alternative]}
        by_name[name] = validator_for(one)(one)
    return by_name


def _fast_errors(result: Any) -> Any:
    """The schema errors of an action-server response (None when the fast check does
    not apply and the full schema must be used)."""
    validators = _event_validators()
    if validators is None or not isinstance(result, dict):
        return None
    events = result.get("events", [])
    if not isinstance(events, list):
        return None
    for event in events:
        name = event.get("event") if isinstance(event, dict) else None
        if name not in validators:
            return None  # unknown or malformed: let the full schema report it
    rest = {k: v for k, v in result.items() if k != "events"}
    errors = list(_response_validator().iter_errors(rest))
    for event in events:
        errors.extend(validators[event["event"]].iter_errors(event))
    return errors


def _validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    errors = _fast_errors(result)
    if errors is None:
        errors = _response_validator().iter_errors(result)
    error = best_match(errors)
    if error is None:
        return True
    assert isinstance(error, ValidationError)
    error.message += (
        ". Failed to validate Action server response from API, make sure your response "
        f"from the Action endpoint is valid. For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


def _cached_event_resolver(original: Any) -> Any:
    found: dict[str, Any] = {}

    def resolve_by_type(type_name: str, default: Any = None) -> Any:
        cls = found.get(type_name)
        if cls is not None:
            return cls
        try:
            cls = original(type_name)
        except ValueError:
            if default is not None:
                return default
            raise
        if cls is not None:
            found[type_name] = cls
        return cls

    return resolve_by_type


def _sequential_runner_class() -> Any:
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    class SequentialGraphRunner(DaskGraphRunner):
        """Runs the prediction graph's nodes one after another, in dependency order."""

        _orders: dict[tuple[str, ...], list[str]]

        def _order(self, targets: tuple[str, ...]) -> list[str]:
            orders = self.__dict__.setdefault("_orders", {})
            if targets not in orders:
                nodes = self._graph_schema.nodes
                order: list[str] = []
                seen: set[str] = set()

                def visit(name: str) -> None:
                    if name in seen or name not in nodes:
                        return
                    seen.add(name)
                    for needed in nodes[name].needs.values():
                        visit(needed)
                    order.append(name)

                for target in targets:
                    visit(target)
                orders[targets] = order
            return orders[targets]

        def run(self, inputs: dict[str, Any] | None = None,
                targets: list[str] | None = None) -> dict[str, Any]:
            run_targets = tuple(targets if targets else self._graph_schema.target_names)
            order = self._order(run_targets)
            values: dict[str, Any] = {}
            for name, value in (inputs or {}).items():
                if isinstance(value, str) and value in self._graph_schema.nodes:
                    raise GraphRunError(
                        f"Input value '{value}' clashes with a node name. Make sure that none "
                        f"of the input names passed to the `run` method are the same as node "
                        f"names in the graph schema.")
                values[name] = (name, value)
            try:
                for name in order:
                    if name in values:
                        continue  # an input replaces the node, as in Rasa's runner
                    needs = self._graph_schema.nodes[name].needs.values()
                    values[name] = self._instantiated_nodes[name](*(values[n] for n in needs))
            except RuntimeError as e:
                raise GraphRunError("Error running runner.") from e
            return {t: values[t][1] for t in run_targets}

    return SequentialGraphRunner


def _remembered_is_empty(original: Any) -> Any:
    def is_empty(self: Any) -> bool:
        cached = self.__dict__.get("_speedups_is_empty")
        if cached is None:
            cached = original(self)
            self.__dict__["_speedups_is_empty"] = cached
        return cached

    return is_empty


class _SharedSession:
    """``async with endpoint.session()`` without closing the shared session."""

    def __init__(self, session: Any) -> None:
        self.session = session

    async def __aenter__(self) -> Any:
        return self.session

    async def __aexit__(self, *exc: object) -> None:
        return None


def _shared_session(original: Any) -> Any:
    def session(self: Any) -> Any:
        import asyncio

        import aiohttp

        loop = asyncio.get_running_loop()
        shared = self.__dict__.get("_speedups_session")
        if shared is None or shared[0] is not loop or shared[1].closed:
            fresh = original(self)
            # The same settings, with a connector that keeps connections a short while.
            connector = aiohttp.TCPConnector(keepalive_timeout=2.0, limit=100)
            client = aiohttp.ClientSession(headers=fresh.headers or None, auth=fresh.auth,
                                           timeout=fresh.timeout, connector=connector)
            loop.create_task(fresh.close())
            shared = (loop, client)
            self.__dict__["_speedups_session"] = shared
        return _SharedSession(shared[1])

    return session


ENV_ACTION_EVENTS = "ASSISTANT_ACTION_EVENTS"


def _turn_events_call_format(original: Any) -> Any:
    def action_call_format(self: Any, tracker: Any, domain: Any) -> dict[str, Any]:
        """Rasa's request to the action server, with the current turn's events only."""
        if os.environ.get(ENV_ACTION_EVENTS, "turn") == "all":
            return original(self, tracker, domain)
        import rasa
        from rasa.shared.core.events import UserUttered
        from rasa.shared.core.trackers import EventVerbosity

        events = list(tracker.events)
        start = next((i for i in range(len(events) - 1, -1, -1)
                      if isinstance(events[i], UserUttered)), 0)
        state = tracker.current_state(EventVerbosity.NONE)
        state["events"] = [e.as_dict() for e in events[start:]]
        result = {"next_action": self._name, "sender_id": tracker.sender_id,
                  "tracker": state, "version": rasa.__version__}
        if (not self._is_selective_domain_enabled()
                or domain.does_custom_action_explicitly_need_domain(self.name())):
            result["domain"] = domain.as_dict()
        return result

    return action_call_format


def install() -> None:
    """Patch the Rasa server (idempotent)."""
    global _installed
    if _installed:
        return
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    Event.resolve_by_type = staticmethod(  # type: ignore[method-assign]
        _cached_event_resolver(Event.resolve_by_type))
    import rasa.core.processor
    from rasa.shared.core.domain import Domain
    from rasa.utils.endpoints import EndpointConfig

    rasa.core.processor.DaskGraphRunner = _sequential_runner_class()  # type: ignore[misc]
    Domain.is_empty = _remembered_is_empty(Domain.is_empty)  # type: ignore[method-assign]
    EndpointConfig.session = _shared_session(EndpointConfig.session)  # type: ignore[method-assign]
    RemoteAction._action_call_format = _turn_events_call_format(  # type: ignore[method-assign]
        RemoteAction._action_call_format)
    _installed = True
