"""NLU components: leaner versions of Rasa's count-vector featurizer and logistic
regression classifier, and exact yes/no answers.

``FastLogisticRegressionClassifier`` is a drop-in for Rasa's
``LogisticRegressionClassifier``.

Rasa's classifier builds each message's input by combining *all* sparse features
(per-token sequence features as well as the sentence features it uses) and stacking them
with scipy, then calls scikit-learn's ``predict_proba`` with its input checks: about 3 ms
for one message.  This subclass computes the same probabilities from the fitted
coefficients and the message's non-zero sentence features directly.
Training and the stored model are the parent's.
"""

from __future__ import annotations

from typing import Any, TypeVar

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from scipy.sparse import csr_matrix, hstack, vstack


def _sentence_row(message: Message) -> csr_matrix:
    """The sentence-level features of ``message`` in pipeline order, as one row."""
    sparse = [f.features for f in message.features
              if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE and f.is_sparse()]
    dense = [f.features for f in message.features
             if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE and f.is_dense()]
    parts = [csr_matrix(m) for m in sparse + dense]
    if not parts:
        return csr_matrix((1, 0))
    return parts[0] if len(parts) == 1 else hstack(parts, format="csr")


def _is_multinomial(clf: Any) -> bool:
    multi_class = getattr(clf, "multi_class", "auto")
    return multi_class == "multinomial" or (
        multi_class == "auto" and len(clf.classes_) > 2 and clf.solver != "liblinear")


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max(axis=-1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=-1, keepdims=True)
    return scores


def message_probabilities(clf: Any, message: Message) -> np.ndarray | None:
    """``clf.predict_proba`` of one message's sentence features, computed from the
    non-zero features directly (no sparse matrix is built); None when the fast path does
    not apply."""
    if not _is_multinomial(clf):
        return None
    offset = 0
    columns: list[np.ndarray] = []
    values: list[np.ndarray] = []
    for f in message.features:
        if f.attribute != TEXT or f.type != FEATURE_TYPE_SENTENCE:
            continue
        if not f.is_sparse():
            return None
        coo = f.features.tocoo()
        columns.append(coo.col + offset)
        values.append(coo.data)
        offset += coo.shape[1]
    if offset != clf.coef_.shape[1]:
        return None
    cols = np.concatenate(columns) if columns else np.zeros(0, dtype=int)
    vals = np.concatenate(values).astype(float) if values else np.zeros(0)
    scores = clf.coef_[:, cols] @ vals + clf.intercept_
    return _softmax(scores[np.newaxis, :])[0]


def probabilities(clf: Any, X: Any) -> np.ndarray:
    """``clf.predict_proba(X)`` for a fitted multinomial scikit-learn LogisticRegression,
    without the input validation (falls back to ``predict_proba`` otherwise)."""
    if not _is_multinomial(clf) or X.shape[1] != clf.coef_.shape[1]:
        return clf.predict_proba(X)
    return _softmax(np.asarray(X @ clf.coef_.T, dtype=float) + clf.intercept_)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True
)
class FastLogisticRegressionClassifier(LogisticRegressionClassifier):
    """``LogisticRegressionClassifier`` with a cheaper prediction path."""

    def _create_X(self, messages: list[Message]) -> csr_matrix:
        rows = [_sentence_row(m) for m in messages]
        return rows[0] if len(rows) == 1 else vstack(rows, format="csr")

    def process(self, messages: list[Message]) -> list[Message]:
        fast = [message_probabilities(self.clf, m) for m in messages]
        if any(p is None for p in fast):
            probas = probabilities(self.clf, self._create_X(messages))
        else:
            probas = np.vstack(fast)  # type: ignore[arg-type]
        intents = [str(c) for c in self.clf.classes_]
        for idx, message in enumerate(messages):
            order = np.argsort(-probas[idx], kind="stable")
            ranking = [{"name": intents[i], "confidence": float(probas[idx][i])} for i in order]
            message.set("intent", ranking[0], add_to_output=True)
            if self.config[RANKING_LENGTH] > 0:
                ranking = ranking[: self.config[RANKING_LENGTH]]
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages


_C = TypeVar("_C", bound="_Untrained")


class _Untrained(GraphComponent):
    """A component with no training and no configuration of its own."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    def __init__(self, config: dict[str, Any]) -> None:
        self.component_config = config

    @classmethod
    def create(cls: type[_C], config: dict[str, Any], model_storage: ModelStorage,
               resource: Resource, execution_context: ExecutionContext) -> _C:
        return cls(config)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class ExactIntentClassifier(_Untrained, IntentClassifier):
    """Intents certain from the words alone (:func:`bot.dialogue.dispatch.exact_intent`).

    Runs after the statistical classifier and before ``FallbackClassifier``.  A message
    that is a self-check answer as a whole ("是的", "没有", "not yet", "不太清楚")
    becomes ``affirm`` / ``deny`` / ``unsure`` with confidence 1, and a bare date
    ``inform_date``; a question the classifier took for an answer ("是吗？"), or a weak
    guess at one ("asdfgh"), becomes ``nlu_fallback``.  The self-check form fills its
    slots from the answer intents, so answers need no call to the action server.
    """

    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    def process(self, messages: list[Message]) -> list[Message]:
        from bot.dialogue.dispatch import exact_intent

        for message in messages:
            intent = message.get("intent") or {}
            wanted = exact_intent(message.get(TEXT), intent.get("name"),
                                  float(intent.get("confidence") or 0.0))
            if wanted is None or wanted == intent.get("name") and intent.get("confidence") == 1:
                continue
            ranking = [{"name": wanted, "confidence": 1.0}] + [
                {"name": r["name"], "confidence": 0.0}
                for r in message.get("intent_ranking") or [] if r.get("name") != wanted]
            message.set("intent", ranking[0], add_to_output=True)
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=True
)
class SentenceCountVectorsFeaturizer(CountVectorsFeaturizer):
    """Rasa's ``CountVectorsFeaturizer`` producing sentence features only.

    The intent classifier here reads sentence features alone; the per-token sequence
    features the parent also builds (a second vectoriser pass per message) are skipped.
    The sentence features are the parent's, unchanged.
    """

    def _create_features(self, attribute: str, all_tokens: list[list[str]]
                         ) -> tuple[list[Any], list[Any]]:
        if not self.vectorizers.get(attribute):
            return [None], [None]
        sequence: list[Any] = []
        sentence: list[Any] = []
        for tokens in all_tokens:
            sequence.append(None)
            if not tokens or attribute not in DENSE_FEATURIZABLE_ATTRIBUTES:
                sentence.append(None)
                continue
            vec = self.vectorizers[attribute].transform([" ".join(tokens)])
            vec.sort_indices()
            sentence.append(vec.tocoo())
        return sequence, sentence


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False
)
class TextNormaliser(_Untrained):
    """Input as people type it, made plain before the tokenizer (first in the pipeline):
    :func:`bot.dialogue.normalise.normalise` (full-width forms, traditional characters,
    common typos), the same for training data and for every message."""

    @staticmethod
    def _plain(message: Message) -> None:
        from bot.dialogue.normalise import normalise

        text = message.get(TEXT)
        if isinstance(text, str) and text:
            plain = normalise(text)
            if plain != text:
                message.set(TEXT, plain)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._plain(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            self._plain(message)
        return training_data
