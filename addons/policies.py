"""``RulePolicy`` with its rules compiled into a lookup table for the common cases.

Rasa's ``RulePolicy`` decides each next action by turning the whole conversation into
states and matching them against every rule: about 2 ms per prediction here, two
predictions per turn, and more as a conversation grows.  This project's rules only ever
depend on three things: the active form, the previous action and the user's intent.
:class:`CompiledRulePolicy` trains exactly like ``RulePolicy`` (same rule checks, same
stored lookup) and in addition compiles the rule trackers into a table
``(active loop, previous action, intent) → next action``.  At prediction time it

* predicts the active form again / ``action_listen`` after it, as ``RulePolicy``'s
  loop "happy path" does;
* otherwise looks the situation up in the table (the rule's intent, or a rule step
  with no intent such as "after the form finished");
* and leaves everything else (default intents like ``/restart``, anything the table
  does not know) to ``RulePolicy`` itself.

Training refuses rules that give one situation two different next actions.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.rule_policy import DEFAULT_ACTION_MAPPINGS, RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import (
    ACTION_LISTEN_NAME,
    RULE_SNIPPET_ACTION_NAME,
    SHOULD_NOT_BE_SET,
)
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

COMPILED = "compiled_rules"
SOURCE = "compiled_rules"
_NONE = ""
_SEP = "\x1f"


def table_key(active_loop: str | None, previous_action: str | None, intent: str | None) -> str:
    return _SEP.join((active_loop or _NONE, previous_action or _NONE, intent or _NONE))


class RuleConflict(RasaException):
    """Two rules give the same situation different next actions."""


def compile_rules(trackers: list[TrackerWithCachedStates] | list[DialogueStateTracker]
                  ) -> dict[str, str]:
    """The table ``table_key(loop, previous action, intent) → next action`` of the rules."""
    table: dict[str, str] = {}
    origin: dict[str, str] = {}
    for tracker in trackers:
        loop: str | None = None
        previous = ACTION_LISTEN_NAME
        intent: str | None = None
        for event in tracker.events:
            if isinstance(event, ActiveLoop):
                # A rule's condition "active_loop: null" reads "should_not_be_set".
                loop = None if event.name == SHOULD_NOT_BE_SET else event.name
            elif isinstance(event, UserUttered):
                intent = event.intent_name
                previous = ACTION_LISTEN_NAME
            elif isinstance(event, ActionExecuted):
                name = event.action_name
                if name is None or name == RULE_SNIPPET_ACTION_NAME:
                    continue
                if not (previous == ACTION_LISTEN_NAME and name == ACTION_LISTEN_NAME):
                    key = table_key(loop, previous, intent)
                    known = table.get(key)
                    if known is not None and known != name:
                        raise RuleConflict(
                            f"Rules disagree after '{previous}' (intent '{intent}', active loop "
                            f"'{loop}'): '{known}' in '{origin[key]}', '{name}' in "
                            f"'{tracker.sender_id}'.")
                    table[key] = name
                    origin[key] = tracker.sender_id
                previous = name
    return table


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class CompiledRulePolicy(RulePolicy):
    """``RulePolicy`` that answers the common cases from a compiled table."""

    def _create_lookup_from_trackers(self, rule_trackers: list[TrackerWithCachedStates],
                                     story_trackers: list[TrackerWithCachedStates],
                                     domain: Domain) -> None:
        super()._create_lookup_from_trackers(rule_trackers, story_trackers, domain)
        table = compile_rules(rule_trackers)
        unknown = sorted({a for a in table.values() if a not in domain.action_names_or_texts})
        if unknown:
            raise RuleConflict(f"Rules name actions missing from the domain: {unknown}")
        self.lookup[COMPILED] = table

    def compiled_action(self, tracker: DialogueStateTracker) -> tuple[str, bool] | None:
        """The next action from the table and whether it is the loop's happy path; None
        when ``RulePolicy`` must decide."""
        table: dict[str, str] | None = self.lookup.get(COMPILED)
        if not table:
            return None
        latest = tracker.latest_action_name
        message = tracker.latest_message
        intent = message.intent.get("name") if message and message.intent else None
        if latest == ACTION_LISTEN_NAME and intent in DEFAULT_ACTION_MAPPINGS:
            return None
        loop = tracker.active_loop_name
        if loop and not tracker.is_active_loop_rejected:
            return (loop, True) if latest != loop else (ACTION_LISTEN_NAME, True)
        action = table.get(table_key(loop, latest, intent))
        if action is None and latest != ACTION_LISTEN_NAME:
            # A rule step with no intent of its own, e.g. "after the form finished".
            action = table.get(table_key(loop, latest, None))
        if action is None:
            return None
        return action, False

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: dict[str, Any] | None = None,
                                     **kwargs: Any) -> PolicyPrediction:
        found = self.compiled_action(tracker)
        if found is None:
            return super().predict_action_probabilities(tracker, domain, rule_only_data,
                                                        **kwargs)
        action, happy_path = found
        return self._rule_prediction(self._prediction_result(action, tracker, domain), SOURCE,
                                     is_no_user_prediction=happy_path)
