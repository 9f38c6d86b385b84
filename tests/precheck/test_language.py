"""Language identification of documents (and the chat's reply language, unchanged)."""

from __future__ import annotations

import pytest

from bot.precheck.language import detect_language, message_language, script_counts


@pytest.mark.parametrize("text, lang", [
    ("Bank reference letter", "en"),  # raw langdetect: da
    ("職業能力評価試験の実施規則", "ja"),  # raw langdetect: ko
    ("登記事項証明書", "ja"),  # kanji only, with Japan-only forms
    ("银行资信证明", "zh"),
    ("公司章程（中文译本）", "zh"),
    ("정관", "ko"),
    ("Устав организации", "ru"),
    ("Bankauskunft", "de"),
    ("Attestation bancaire", "fr"),
    ("Centres d'examen", "fr"),
    ("Estatutos sociales", "es"),
    ("Certificate of Incorporation", "en"),
])
def test_titles(text, lang):
    assert detect_language(text).language == lang


def test_mixed_line_is_bilingual():
    g = detect_language("Certificate 证书 Level 3 三级 Welding 焊工")
    assert g.has_chinese and g.bilingual


def test_document_with_chinese_translation_inline_is_bilingual():
    text = ("第一条 本章程适用于本学会。\nArticle 1 These articles apply to the Institute.\n\n"
            "第二条 本学会不以营利为目的。\nArticle 2 The Institute is not for profit.")
    g = detect_language(text)
    assert g.bilingual and g.has_chinese


def test_english_letter_with_a_chinese_address_is_not_bilingual():
    text = ("We confirm that the company has maintained a current account with our bank "
            "since 2008 and the account has been conducted satisfactorily. " * 5
            + "\nAddress: 南宁市青秀区")
    g = detect_language(text)
    assert g.language == "en" and not g.bilingual


def test_japanese_is_not_chinese():
    g = detect_language("本協会は、溶接技術に関する職業教育及び資格認定を行うことを目的とする。")
    assert g.language == "ja" and not g.has_chinese


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "12345 67-89", "!!! ??? ...", "\x00\x01",
                                  "— • —", "𝟙𝟚𝟛"])
def test_text_without_features_never_crashes(text):
    g = detect_language(text)
    assert g.language == "und" and not g.bilingual


def test_script_counts_ignore_digits_and_punctuation():
    assert script_counts("ABC 中文 123 かな！") == {"latin": 3, "han": 2, "kana": 2}


@pytest.mark.parametrize("text, previous, expected", [
    ("What is 附件1?", None, "en"),
    ("我们的 bank reference letter 怎么办", None, "zh"),
    ("ok", "en", "en"),
    ("/affirm", "en", "en"),
    ("2020-09-22", None, "zh"),
    ("你好", "en", "zh"),
])
def test_message_language_unchanged(text, previous, expected):
    assert message_language(text, previous) == expected


@pytest.mark.parametrize("text", [
    "What does 其活动不得以营利为目的 mean?",
    "Pasting from the notice: '同一时期内中方合作机构原则上应为一家' - what does this mean?",
])
def test_chinese_quoted_in_an_english_question_gets_an_english_answer(text: str) -> None:
    assert message_language(text) == "en"


def test_english_words_in_a_chinese_question_keep_it_chinese() -> None:
    assert message_language("Annex 1 里面的 registration form 要填什么") == "zh"
