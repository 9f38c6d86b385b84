"""The conversation core behind the Rasa actions: replies, language and date context."""

from __future__ import annotations

import datetime as dt

from bot import notice as N
from bot.dialogue import dispatch as C
from bot.dialogue.dispatch import Turn

TODAY = dt.date(2026, 1, 5)


def run(handler: str, text: str, intent: str | None = None, values: dict | None = None,
        entities: dict | None = None):
    return C.respond(handler, Turn(intent, text, entities or {}), values or {}, TODAY)


def test_greeting_with_a_menu_in_the_users_language() -> None:
    out = run("greet", "hello", "greet")
    assert out.values["language"] == "en"
    assert out.replies[0].text.startswith("Hello!")
    assert N.NOTICE.number in out.replies[0].text
    assert any(b.payload == "/start_self_check" for b in out.replies[0].buttons)
    zh = run("greet", "你好", "greet")
    assert zh.replies[0].text.startswith("您好")
    assert "language" not in zh.values or zh.values["language"] == "zh"


def test_english_question_gets_an_english_answer() -> None:
    out = run("answer", "Who approves the application?", "ask_approval")
    assert N.APPROVAL_AUTHORITY.en in out.text and N.APPROVAL_AUTHORITY.zh not in out.text
    out = run("answer", "谁审批？", "ask_approval", {"language": "en"})
    assert N.APPROVAL_AUTHORITY.zh in out.text and out.values["language"] == "zh"


def test_a_date_in_a_timing_question_is_worked_out() -> None:
    out = run("answer", "If we submit on 2026-03-02, when is the decision due?", "ask_timing")
    assert "Friday 8 May 2026" in out.text
    assert out.values.get("date_context") == "decision"


def test_a_timing_question_then_a_bare_date() -> None:
    first = run("answer", "审批要多久", "ask_timing")
    assert "45个工作日" in first.text
    values = {"language": "zh", **first.values}
    assert values["date_context"] == "decision"
    second = run("answer", "2026年3月2日", "inform_date", values)
    assert "2026年5月8日" in second.text


def test_the_assessment_plan_date() -> None:
    out = run("answer", "Our assessment is on 6月10日; when must the plan reach the city bureau?",
              "ask_assessment_plan")
    assert "Sunday 31 May 2026" in out.text and "(You gave no year" in out.text


def test_a_bare_date_without_context_asks_which_deadline() -> None:
    out = run("answer", "2026-03-02", "inform_date")
    assert out.values["pending_date"] == "2026-03-02"
    payloads = {b.payload for b in out.replies[0].buttons}
    assert payloads == {'/ask_timing{"subject":"timing:decision"}', "/ask_assessment_plan"}
    chosen = run("answer", '/ask_assessment_plan', "ask_assessment_plan",
                 {"language": "zh", **out.values})
    assert "2026年2月20日" in chosen.text  # 10 days before 2 March
    assert chosen.values["pending_date"] is None


def test_an_impossible_date_gets_a_clear_error() -> None:
    out = run("answer", "2026年2月30日", "inform_date")
    assert "不是有效的日期" in out.text and "2026年2月30日" in out.text


def test_handoff_gives_the_contact_and_a_hook() -> None:
    from bot.settings import get_settings

    out = run("handoff", "talk to a person", "human_handoff")
    assert get_settings().contact.en in out.text
    assert out.replies[0].custom == {"handoff": True}


def test_switching_language() -> None:
    out = run("switch_language", "请用英文回答", "switch_language")
    assert out.values["language"] == "en" and out.values["preferred_language"] == "en"
    assert out.text.startswith("OK, I will answer in English")
    button = run("switch_language", '/switch_language{"language":"zh"}', "switch_language",
                 {"language": "en", "preferred_language": "en"}, {"language": "zh"})
    assert button.values["preferred_language"] == "zh"
    unclear = run("switch_language", "language", "switch_language")
    assert len(unclear.replies[0].buttons) == 2


def test_fallback_answers_from_the_notice_or_offers_what_the_message_may_be_about() -> None:
    out = run("fallback", "资信证明？？", "nlu_fallback")
    # The notice's units answer it (quoted and cited), or ask which one is meant.
    assert "资信证明" in out.text and ("【出处】" in out.text or out.replies[0].buttons)
    plain = run("fallback", "嗯哼哼", "nlu_fallback")
    assert any(b.payload == "/ask_materials" for b in plain.replies[0].buttons)


def test_out_of_scope_and_thanks_and_goodbye() -> None:
    assert N.NOTICE.number in run("out_of_scope", "tell me a joke", "out_of_scope").text
    assert run("thanks", "谢谢", "thanks").text.startswith("不客气")
    assert run("goodbye", "bye", "goodbye").text.startswith("Goodbye")


def test_self_check_questions_and_verdict() -> None:
    ask = run("ask_condition:legal_person", "是", "affirm")
    reply = ask.replies[0]
    assert N.CONDITIONS_BY_ID["legal_person"].question.zh in reply.text
    assert [b.payload for b in reply.buttons] == ["/affirm", "/deny", "/unsure", "/stop"]
    verdict = C.verdict_reply({f"cond_{c.id}": "yes" for c in N.CONDITIONS}, "en")
    assert "you may apply" in verdict.text


def test_exact_intents() -> None:
    assert C.exact_intent("没有", "affirm", 0.9) == "deny"
    assert C.exact_intent("2026年3月2日", "ask_timing", 0.4) == "inform_date"
    assert C.exact_intent("谁审批", "ask_approval", 0.9) is None


def test_a_fault_in_a_handler_still_answers_in_the_user_s_language(monkeypatch) -> None:
    from bot.dialogue import dispatch as d
    from bot.dialogue.state import Turn

    def broken(turn, state, today):  # noqa: ANN001, ANN202
        raise IndexError("a bug")

    monkeypatch.setitem(d.HANDLERS, "answer", broken)
    out = d.respond("answer", Turn(intent="ask_materials", text="What must we submit?"), {})
    assert len(out.replies) == 1 and "went wrong" in out.replies[0].text
    assert out.values == {}  # nothing remembered from a turn that failed


def test_soft_requests_start_the_check_and_fact_questions_do_not() -> None:
    for text in ("我想确认一下我们是否有资格在自贸区开展国外证书鉴定", "帮我检查下我们能否作为中方合作机构参与"):
        assert C.exact_intent(text, "ask_conditions", 0.9) == "start_self_check"
    for text in ("Quick question: who do we apply to?",
                 "I'm not asking for an eligibility check, just this: can we make a profit?",
                 "审批时会检查我们有没有资格吗"):
        assert C.exact_intent(text, "start_self_check", 0.9) != "start_self_check"


def test_asking_for_approval_outright_does_not_start_the_check() -> None:
    from bot.dialogue.dispatch import exact_intent

    assert exact_intent("我们已经满足条件了吧？能不能直接给个批准", "start_self_check", 0.9) != "start_self_check"
    assert exact_intent("帮我测一下能不能申请", "start_self_check", 0.9) == "start_self_check"


def test_a_check_declined_in_the_same_message_does_not_start() -> None:
    from bot.dialogue.dispatch import exact_intent

    for text in ("监管检查的方式有哪些？别给我做自测", "Who approves? Don't start the eligibility check",
                 "不要问我条件，直接告诉我审批时限"):
        assert exact_intent(text, "start_self_check", 0.9) != "start_self_check", text
    # "要不要做自测" asks for the check; its "不要" declines nothing.
    assert exact_intent("要不要做个自测？", "start_self_check", 0.9) == "start_self_check"


def test_a_plan_date_already_gone_is_said_so() -> None:
    import datetime as dt

    from bot.dialogue import dates as W

    text = W.render_plan(W.FoundDate(dt.date(2026, 12, 9), False, "下周三"), "zh", dt.date(2026, 12, 3))
    assert "已经过了" in text and "设区市" in text
    text = W.render_plan(W.FoundDate(dt.date(2027, 1, 20), False, "1月20日"), "zh", dt.date(2026, 12, 3))
    assert "已经过了" not in text


def test_a_submission_named_by_day_with_a_result_question_gets_the_decision_date() -> None:
    import datetime as dt

    from bot.dialogue import dispatch as d
    from bot.dialogue.state import Turn

    turn = Turn(intent="ask_operating_area", text="前天把材料送到人社厅了，多久有结果？", confidence=0.9)
    text = d.respond("answer", turn, {}, today=dt.date(2026, 12, 3)).replies[0].text
    assert "2026年12月1日" in text and "第45个工作日" in text
