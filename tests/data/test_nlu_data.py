"""The training data, held-out data, stories and domain agree with each other and bot/."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot import notice as N
from bot.dialogue import self_check as E
from bot.dialogue.guidance import QUESTION_INTENTS

ROOT = Path(__file__).resolve().parents[2]


def _examples(folder: str) -> dict[str, dict[str, set[str]]]:
    """language file stem -> intent -> examples."""
    out: dict[str, dict[str, set[str]]] = {}
    for path in sorted((ROOT / folder).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for block in data.get("nlu", []):
            lines = [ln.strip()[2:].strip() for ln in block["examples"].splitlines()]
            out.setdefault(path.stem, {}).setdefault(block["intent"], set()).update(
                ln for ln in lines if ln)
    return out


def _domain() -> dict:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def test_held_out_examples_are_not_training_examples() -> None:
    train = {_norm(t) for lang in _examples("data/nlu").values() for ex in lang.values()
             for t in ex}
    held_out = [t for lang in _examples("tests/nlu").values() for ex in lang.values()
                for t in ex]
    assert len(held_out) >= 300
    assert [t for t in held_out if _norm(t) in train] == []


def test_every_intent_has_training_and_held_out_examples_in_both_languages() -> None:
    from bot.dialogue.uploads import PAYLOAD_ONLY_INTENTS

    intents = set(_domain()["intents"]) - set(PAYLOAD_ONLY_INTENTS)
    train, test = _examples("data/nlu"), _examples("tests/nlu")
    for lang in ("zh", "en"):
        assert set(train[lang]) == intents, lang
        assert set(test[lang]) == intents, lang
        assert all(len(ex) >= 8 for ex in train[lang].values()), lang


def test_jieba_dictionary_has_the_notices_chinese_terms() -> None:
    words = {ln.split()[0] for ln in (ROOT / "data/jieba/userdict.txt").read_text(
        encoding="utf-8").splitlines() if ln.strip()}
    chinese = [a for m in N.MATERIALS for a in m.aliases if not a.isascii()]
    assert [a for a in chinese if a not in words] == []


def test_the_form_asks_every_condition_and_maps_the_answer_intents() -> None:
    domain = _domain()
    assert domain["forms"]["eligibility_form"]["required_slots"] == list(E.SLOTS)
    for slot in E.SLOTS:
        assert f"action_ask_{slot}" in domain["actions"]
        mappings = domain["slots"][slot]["mappings"]
        got = {(m["intent"], m["value"]) for m in mappings}
        assert got == {("affirm", "yes"), ("deny", "no"), ("unsure", "unsure")}
        for m in mappings:
            assert m["conditions"] == [{"active_loop": "eligibility_form",
                                        "requested_slot": slot}]


def test_every_question_intent_is_answered_by_a_rule_and_a_test_story_in_both_languages() -> None:
    rules = (ROOT / "data/rules/guidance.yml").read_text(encoding="utf-8")
    stories = yaml.safe_load((ROOT / "tests/stories/guidance.yml").read_text(encoding="utf-8"))
    covered: dict[str, set[str]] = {}
    for story in stories["stories"]:
        lang = story["story"].rsplit("(", 1)[-1].rstrip(")")
        for step in story["steps"]:
            if "intent" in step:
                covered.setdefault(step["intent"], set()).add(lang)
    for intent in QUESTION_INTENTS:
        assert f"intent: {intent}" in rules, intent
        assert covered.get(intent) == {"zh", "en"}, intent
