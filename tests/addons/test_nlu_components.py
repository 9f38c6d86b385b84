"""NLU components: the same probabilities as scikit-learn, and exact intents."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from sklearn.linear_model import LogisticRegression

from addons.nlu import ExactIntentClassifier, message_probabilities, probabilities

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


@pytest.fixture(scope="module")
def fitted() -> tuple[LogisticRegression, sp.csr_matrix]:
    rng = np.random.default_rng(0)
    X = sp.random(120, 40, density=0.1, format="csr", random_state=1)
    y = rng.integers(0, 5, size=120)
    return LogisticRegression(max_iter=500, class_weight="balanced").fit(X, y), X


def test_matrix_probabilities_match_predict_proba(fitted) -> None:
    clf, X = fitted
    assert np.allclose(probabilities(clf, X), clf.predict_proba(X))


def test_one_message_from_its_features_matches_predict_proba(fitted) -> None:
    clf, X = fitted
    row = X[7]
    message = Message(data={TEXT: "x"})
    # Two featurizers' sentence features side by side, as in the pipeline.
    message.add_features(Features(row[:, :25].tocoo(), FEATURE_TYPE_SENTENCE, TEXT, "cv1"))
    message.add_features(Features(row[:, 25:].tocoo(), FEATURE_TYPE_SENTENCE, TEXT, "cv2"))
    assert np.allclose(message_probabilities(clf, message), clf.predict_proba(row)[0])


def _classified(text: str, intent: str, confidence: float) -> Message:
    message = Message(data={TEXT: text})
    message.set("intent", {"name": intent, "confidence": confidence})
    message.set("intent_ranking", [{"name": intent, "confidence": confidence},
                                   {"name": "greet", "confidence": 1 - confidence}])
    return message


@pytest.mark.parametrize("text,intent,confidence,expected", [
    ("没有", "affirm", 0.8, "deny"),
    ("是吗？", "affirm", 0.9, "nlu_fallback"),
    ("qwerty", "affirm", 0.5, "nlu_fallback"),
    ("2026年3月2日", "ask_timing", 0.3, "inform_date"),
    ("谁审批", "ask_approval", 0.9, "ask_approval"),
])
def test_exact_intents_override_the_classifier(text, intent, confidence, expected) -> None:
    message = ExactIntentClassifier({}).process([_classified(text, intent, confidence)])[0]
    assert message.get("intent")["name"] == expected
    if expected != intent:
        assert message.get("intent")["confidence"] == 1.0
        assert message.get("intent_ranking")[0]["name"] == expected
