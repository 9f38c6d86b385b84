"""With both servers logging at DEBUG level (Rasa then logs every user message), the log
files hold identity numbers, mobiles and e-mail addresses only masked, and nothing of an
uploaded document's content."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.scale.cluster import Client
from tests.support.stack import Stack

pytestmark = [pytest.mark.stack, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

ID = "110105194912310021"
MOBILE = "13800138000"
SPACED_MOBILE = "139 1234 5678"
EMAIL = "zhangsan@example.com"
DOC_ID = "45010319850615002X"
DOC_MOBILE = "18677001234"
DOC_SENTENCE = "Confidential staffing plan for the Nanning assessment centre"
CLEAR = (ID, MOBILE, SPACED_MOBILE, "13912345678", EMAIL, DOC_ID, DOC_MOBILE, DOC_SENTENCE)


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    from tests.support.docgen import make_docx, make_pdf

    root = tmp_path_factory.mktemp("logmask")
    stack = Stack(root / "data", env={"LOG_LEVEL": "DEBUG", "LOG_LEVEL_LIBRARIES": "DEBUG"})
    stack.service("actions").argv.append("--debug")
    stack.start()
    try:
        zh = Client.start(stack, "zh")
        zh.say(stack, f"我的身份证号是{ID}，手机{MOBILE}，邮箱{EMAIL}")
        zh.say(stack, "我们能申请吗")
        zh.say(stack, f"联系电话 {SPACED_MOBILE}")
        en = Client.start(stack, "en")
        en.say(stack, f"my e-mail is {EMAIL} and my mobile is +86 {SPACED_MOBILE}")
        pdf = make_pdf(root / "form.pdf", ["国外职业资格证书及其发证机构资格审核注册表",
                                           f"联系人身份证号：{DOC_ID}", f"手机：{DOC_MOBILE}",
                                           DOC_SENTENCE])
        docx = make_docx(root / "plan.docx", [DOC_SENTENCE, f"ID {DOC_ID}, tel {DOC_MOBILE}"])
        r = zh.upload(stack, [("注册表.pdf", pdf.read_bytes()), ("plan.docx", docx.read_bytes())])
        assert r.status == 200, r.text
        r = zh.post(stack, "还缺什么？")
        assert r.status == 200
    finally:
        stack.stop()
    yield {p.name: p.read_text(errors="replace") for p in Path(stack.log_dir).glob("*.log")}


def test_servers_logged_the_conversation_at_debug_level(logs: dict[str, str]) -> None:
    assert {"rasa.log", "actions.log"} <= set(logs)
    assert "DEBUG" in logs["rasa.log"] and "DEBUG" in logs["actions.log"]
    # The user's words were logged — masked.
    assert "110***********0021" in logs["rasa.log"]
    assert "138****8000" in logs["rasa.log"]
    assert "z***@example.com" in logs["rasa.log"]


@pytest.mark.parametrize("name", ["rasa.log", "actions.log"])
def test_no_personal_data_or_document_content_in_the_logs(logs: dict[str, str], name: str
                                                          ) -> None:
    text = logs[name]
    found = [s for s in CLEAR if s in text]
    assert not found, [text[max(0, text.find(s) - 200): text.find(s) + 100] for s in found]
