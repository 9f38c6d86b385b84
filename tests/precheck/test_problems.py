"""Messages for every problem code, in Chinese and English, each telling what to do."""

from __future__ import annotations

import pytest

from bot.notice import NOTICE, TRANSLATION_RULE
from bot.precheck import problems
from bot.precheck.annex1 import FIELDS
from bot.precheck.results import (
    COMPLETE,
    FILE_PROBLEM_CODES,
    FORM_PROBLEM_CODES,
    INCOMPLETE,
    INVALID_ID_NUMBER,
    INVALID_MOBILE,
    MISSING,
    MISSING_FIELD,
    OPTIONAL,
    PROBLEM,
    PROVIDED,
    FileProblem,
    FormProblem,
)

# Words that tell the applicant to act.
ACTION = {"zh": ("请",), "en": ("Upload", "upload", "Export", "export", "Tell", "Fill", "Copy",
                                "Check", "correct", "Combine", "Open", "Unpack", "Compress",
                                "Split", "contact", "Look")}


def _acts(message: str, lang: str) -> bool:
    return any(w in message for w in ACTION[lang])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("code", FILE_PROBLEM_CODES)
def test_every_file_problem_has_a_message_that_says_what_to_do(code, lang):
    message = problems.file_problem_message(FileProblem(code), lang)
    assert message and _acts(message, lang)
    assert problems.file_problem_label(code, lang) != code
    other = problems.file_problem_message(FileProblem(code), "zh" if lang == "en" else "en")
    assert message != other
    if lang == "en":
        rest = message.replace("中文译本", "").replace(NOTICE.number, "")
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in rest)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_unreadable_details_are_told_apart(lang):
    texts = {d: problems.file_problem_message(FileProblem("unreadable", d), lang)
             for d in ("timeout", "memory", "crash", "corrupt")}
    assert len(set(texts.values())) == 4
    assert "30" in texts["timeout"]  # the parse time limit from the settings


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_unsupported_types_say_how_to_convert(lang):
    doc = problems.file_problem_message(FileProblem("unsupported_type", ".doc"), lang)
    assert ".docx" in doc and ("另存为" in doc or "Save As" in doc)
    image = problems.file_problem_message(FileProblem("unsupported_type", "image/heic"), lang)
    assert "HEIC" in image and "JPG" in image and "PNG" in image
    sheet = problems.file_problem_message(FileProblem("unsupported_type", ".xlsx"), lang)
    assert "PDF" in sheet
    archive = problems.file_problem_message(FileProblem("unsupported_type", ".zip"), lang)
    assert archive != sheet


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_scanned_file_asks_for_a_text_pdf_or_ocr(lang):
    message = problems.file_problem_message(FileProblem("no_text"), lang)
    assert "OCR" in message and "PDF" in message


def test_too_large_states_the_configured_limit(monkeypatch):
    assert "20 MB" in problems.file_problem_message(FileProblem("too_large", "file_size"), "zh")
    monkeypatch.setenv("ASSISTANT_MAX_FILE_BYTES", str(5 * 1024 * 1024))
    assert "5 MB" in problems.file_problem_message(FileProblem("too_large", "file_size"), "en")
    bomb = problems.file_problem_message(FileProblem("too_large", "zip_inflated_size"), "zh")
    assert "200 MB" in bomb and "DOCX" in bomb
    assert "2000" in problems.file_problem_message(FileProblem("too_large", "pages"), "zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_untranslated_cites_the_notice_rule_and_names_the_language(lang):
    message = problems.file_problem_message(FileProblem("untranslated", "fr"), lang)
    assert TRANSLATION_RULE.get(lang) in message
    assert ("法文" if lang == "zh" else "French") in message
    short = problems.file_problem_message(FileProblem("untranslated", "fr"), lang, cite_rule=False)
    assert TRANSLATION_RULE.get(lang) not in short and _acts(short, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("code", FORM_PROBLEM_CODES)
def test_every_form_problem_has_a_message_that_says_what_to_do(code, lang):
    message = problems.form_problem_message(FormProblem(code, "统一社会信用代码", "X"), lang)
    assert message and _acts(message, lang), message
    assert problems.form_problem_label(code, lang) != code


def test_english_messages_name_the_field_in_english():
    message = problems.form_problem_message(FormProblem(MISSING_FIELD, "业务联系人 联系手机"), "en")
    assert "Mobile of the contact person" in message
    row = problems.form_problem_message(FormProblem(INVALID_ID_NUMBER, "考评人员情况 第3行 身份证号",
                                           "110***********0021"), "en")
    assert "Examiners, row 3, ID number" in row
    for spec in FIELDS:
        assert spec.en in problems.form_problem_message(FormProblem(MISSING_FIELD, spec.name), "en")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_personal_data_never_shown_raw(lang):
    id_message = problems.form_problem_message(
        FormProblem(INVALID_ID_NUMBER, "专职工作人员情况 第1行 身份证号", "110105194912310021"),
        lang)
    assert "110105194912310021" not in id_message and "19491231" not in id_message
    mobile = problems.form_problem_message(FormProblem(INVALID_MOBILE, "单位负责人 联系手机",
                                              "13912345678"), lang)
    assert "13912345678" not in mobile


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_and_verdict_labels(lang):
    labels = {problems.status_label(s, lang) for s in (PROVIDED, MISSING, PROBLEM, OPTIONAL)}
    assert len(labels) == 4
    assert problems.verdict_label(COMPLETE, lang) != problems.verdict_label(INCOMPLETE, lang)
    assert problems.verdict_label(INCOMPLETE, "zh") == "材料不齐全"
    assert problems.language_name("en", "zh") == "英文" and problems.language_name("xx", lang) == "xx"
