"""The self-check: reading answers and the verdict, with the notice's words."""

from __future__ import annotations

import pytest

from bot import notice as N
from bot.dialogue import self_check as E


@pytest.mark.parametrize("text", ["是", "是的", "对", "符合", "没问题", "有的", "对啊", "我们具备",
                                  "yes", "yep", "Yes, we do.", "correct", "of course we do",
                                  "是的，我们有完整的考试章程"])
def test_yes(text: str) -> None:
    assert E.parse_answer(text) == "yes"


@pytest.mark.parametrize("text", ["不是", "没有", "否", "不符合", "还没有", "我们还没有", "no",
                                  "not yet", "nope, not yet", "No, we don't.",
                                  "不是，我们是营利性的"])
def test_no(text: str) -> None:
    assert E.parse_answer(text) == "no"


@pytest.mark.parametrize("text", ["不确定", "不清楚", "不知道", "不太清楚", "这个我不太清楚",
                                  "还得确认一下", "not sure", "I don't know", "no idea", "maybe"])
def test_not_sure(text: str) -> None:
    assert E.parse_answer(text) == "unsure"


@pytest.mark.parametrize("text", ["是否需要翻译？", "是吗", "没有营业执照怎么办", "材料有哪些",
                                  "what documents do we need", "", "/affirm",
                                  "好的，再见", "okay thanks, bye bye now friends"])
def test_not_an_answer(text: str) -> None:
    assert E.parse_answer(text) is None


def test_not_sure_is_not_read_as_sure_nor_no_as_yes() -> None:
    assert E.parse_answer("不确定") == "unsure"  # contains 确定 (yes)
    assert E.parse_answer("没有") == "no"  # contains 有 (yes)


@pytest.mark.parametrize("text,intent,confidence,expected", [
    ("是的", "greet", 0.9, "affirm"),  # the words decide
    ("没有", "affirm", 0.9, "deny"),
    ("是吗？", "affirm", 0.95, "nlu_fallback"),  # a question is never an answer
    ("asdfgh", "affirm", 0.4, "nlu_fallback"),  # a weak guess at an answer
    ("嗯哼我们差不多吧", "affirm", 0.8, None),  # a confident guess is kept
    ("谁审批", "ask_approval", 0.9, None),
    ("/deny", "deny", 1.0, None),
])
def test_answer_intent(text, intent, confidence, expected) -> None:
    assert E.answer_intent(text, intent, confidence) == expected


def test_slots_follow_the_conditions() -> None:
    assert E.SLOTS == tuple(f"cond_{c.id}" for c in N.CONDITIONS)
    assert E.condition_for_slot(E.SLOTS[3]) is N.CONDITIONS[3]
    assert E.condition_for_slot("language") is None


def test_all_met_may_apply_with_next_steps() -> None:
    v = E.verdict({s: "yes" for s in E.SLOTS})
    assert v.status == E.ELIGIBLE and not v.failed and not v.unsure
    for lang in ("zh", "en"):
        text = E.render_verdict(v, lang)
        for step in N.PROCEDURE:
            assert step.text.get(lang).rstrip("。.") in text
        assert str(len(N.MATERIALS)) in text
    assert "可以提出申请" in E.render_verdict(v, "zh")
    assert "you may apply" in E.render_verdict(v, "en")


@pytest.mark.parametrize("failed", N.CONDITIONS, ids=lambda c: c.id)
def test_each_failed_condition_is_named_with_why_and_clause(failed) -> None:
    answers = {c.id: ("no" if c is failed else "yes") for c in N.CONDITIONS}
    v = E.verdict(answers)
    assert v.status == E.NOT_ELIGIBLE and v.failed == (failed,)
    for lang in ("zh", "en"):
        text = E.render_verdict(v, lang)
        assert failed.requirement.get(lang) in text
        assert failed.if_failed.get(lang) in text
        assert failed.clause.ref.get(lang) in text
        others = [c for c in N.CONDITIONS if c is not failed and c.clause != failed.clause]
        assert all(c.if_failed.get(lang) not in text for c in others)


def test_uncertain_conditions_say_what_settles_them() -> None:
    answers = {c.id: "yes" for c in N.CONDITIONS}
    answers["legal_person"] = "unsure"
    v = E.verdict(answers)
    assert v.status == E.UNDETERMINED and [c.id for c in v.unsure] == ["legal_person"]
    text = E.render_verdict(v, "en")
    assert N.CONDITIONS_BY_ID["legal_person"].evidence.en in text
    assert ": you may apply" not in text and "before you can tell" in text


def test_failed_and_uncertain_together_and_unanswered_counts_as_uncertain() -> None:
    v = E.verdict({"cond_non_profit": "no", "cond_exam_rules": "unsure"})
    assert v.status == E.NOT_ELIGIBLE
    assert [c.id for c in v.failed] == ["non_profit"]
    assert len(v.unsure) == len(N.CONDITIONS) - 1
    with pytest.raises(KeyError):
        E.verdict({"not_a_condition": "yes"})


def test_questions_are_numbered_in_both_languages() -> None:
    c = N.CONDITIONS[0]
    assert E.render_question(c, "zh").startswith(f"（1/{len(N.CONDITIONS)}）")
    assert c.question.en in E.render_question(c, "en")


def test_a_question_asked_with_the_request_to_start_is_answered_first() -> None:
    from tests.dialogue.test_understand import Chat

    out = Chat().say("两件事：帮我做个资格核查，另外审批多少个工作日？", intent="start_self_check",
                     confidence=0.9, handler="start_self_check")
    assert "45个工作日" in out.replies[0].text
    assert "资格自检" in out.replies[-1].text


@pytest.mark.parametrize(("text", "starts"), [
    ("想确认一下自己够不够条件，你一条条问我吧", True),
    ("许可条件是啥？列一下就行，不用一条条问我", False),
    ("我们已经自查过条件了，下一步向谁提交？", False),
    ("No need to run a check, just list the conditions", False),
])
def test_the_check_starts_only_when_asked_for(text: str, starts: bool) -> None:
    from bot.dialogue.dispatch import exact_intent

    assert (exact_intent(text, "start_self_check", 0.9) == "start_self_check") is starts
