"""Interface strings and the reply language."""

from __future__ import annotations

import re

import pytest

from bot import i18n
from bot.dialogue.language import LanguageState, requested_language
from bot.i18n import t


def test_every_string_exists_in_both_languages_with_the_same_placeholders() -> None:
    for key in i18n.keys():
        zh, en = t(key, "zh"), t(key, "en")
        assert zh.strip() and en.strip(), key
        fields_zh = set(re.findall(r"{(\w+)}", zh))
        fields_en = set(re.findall(r"{(\w+)}", en))
        # Allowed differences: the Chinese source line leaves out the notice number
        # (《通知》), and dates show the month as a number (zh) or a name (en).
        assert fields_zh ^ fields_en <= {"number", "m", "mon"}, key
        values = {f: "x" for f in fields_zh | fields_en}
        assert t(key, "zh", **values) and t(key, "en", **values)


@pytest.mark.parametrize("text,lang", [
    ("请用英文回答", "en"), ("英文", "en"), ("说英语吧", "en"), ("speak English", "en"),
    ("English please", "en"), ("can you answer in English?", "en"),
    ("中文", "zh"), ("请用中文回答", "zh"), ("in Chinese please", "zh"), ("Chinese", "zh"),
    ("换成中文", "zh"),
])
def test_explicit_language_requests(text: str, lang: str) -> None:
    assert requested_language(text) == lang


@pytest.mark.parametrize("text", ["What is 附件1 in Chinese?", "英文材料要翻译吗", "hello",
                                  "Chinese partner requirements"])
def test_questions_that_mention_a_language_are_not_requests(text: str) -> None:
    assert requested_language(text) is None


def test_reply_language_follows_each_message() -> None:
    s = LanguageState()
    s = s.observe("What documents do we need?")
    assert s.language == "en" and s.preferred is None
    s = s.observe("谁审批？")
    assert s.language == "zh"
    s = s.observe("/affirm")  # a button keeps the language
    assert s.language == "zh"
    s = s.observe("2026-03-02")
    assert s.language == "zh"
    s = s.observe("no")  # a bare yes/no keeps it too
    assert s.language == "zh"


def test_an_explicit_request_wins_until_switched_again() -> None:
    s = LanguageState().observe("请用英文回答")
    assert (s.language, s.preferred) == ("en", "en")
    s = s.observe("银行资信证明要谁出具？")
    assert s.language == "en"  # the preference wins over the message's language
    s = s.observe("中文")
    assert (s.language, s.preferred) == ("zh", "zh")
    s = s.observe("What is annex 1?")
    assert s.language == "zh"
    s = s.observe("/switch_language", requested="en")  # a button
    assert s.language == "en"


def test_mixed_text_is_read_by_its_larger_part() -> None:
    assert LanguageState().observe("我们的 bank reference letter 怎么办").language == "zh"
    assert LanguageState().observe("What is 附件1?").language == "en"
