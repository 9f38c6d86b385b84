"""The chat tells the user when the package disagrees with itself (表证一致): the form's
credit code against the business licence, with both values."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.dialogue import dispatch as C
from bot.dialogue.dispatch import Turn
from bot.precheck.results import FileAnalysis, FormCheck
from bot.service.session_tokens import portal_sender
from bot.service.store import Store

TODAY = dt.date(2026, 1, 5)
FORM_CODE = "91110000600037341L"
LICENCE_CODE = "91450100MA5K00001X"


def _add(store: Store, session: str, analysis: FileAnalysis) -> str:
    rec = store.add_upload(session, analysis.name, b"%PDF-1.4 test", ".pdf")
    store.set_analysis(rec.id, analysis)
    return rec.id


@pytest.mark.parametrize("lang, words", [("zh", "不一致"), ("en", "reads")])
def test_form_and_licence_disagreeing_is_said_in_the_chat(store: Store, lang, words) -> None:
    from bot.precheck.validators import uscc_check_char, valid_uscc

    licence_code = LICENCE_CODE[:17] + uscc_check_char(LICENCE_CODE[:17])
    assert valid_uscc(licence_code)
    s = store.create_session()
    form = FileAnalysis(name="附件1.docx", kind="docx", page_count=3, has_text_layer=True,
                        language="zh", has_chinese=True, materials=["4.1"],
                        form=FormCheck(file="附件1.docx",
                                       fields={"统一社会信用代码": FORM_CODE}))
    licence = FileAnalysis(name="营业执照.pdf", kind="pdf", page_count=1, has_text_layer=True,
                           language="zh", has_chinese=True, materials=["1.2.1"],
                           facts={"uscc": [licence_code]})
    ids = [_add(store, s.id, form), _add(store, s.id, licence)]
    turn = Turn(None, "/file_uploaded", {}, sender_id=portal_sender(s.id),
                metadata={"upload_ids": ids})
    out = C.respond("file_feedback", turn, {"language": lang}, TODAY)
    text = "\n".join(r.text for r in out.replies)
    assert FORM_CODE in text and licence_code in text and words in text
