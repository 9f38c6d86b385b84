"""Every part of the notice is an addressable unit, derived from the notice's data."""

from __future__ import annotations

from bot.notice import ANNEXES, CONDITION_CLAUSES, DUTIES, MATERIALS, NOTICE, PROCEDURE
from bot.notice.units import UNITS, UNITS_BY_ID, children


def _zh_texts() -> str:
    return "\n".join(u.text.zh for u in UNITS)


def test_every_clause_of_parts_one_to_six_is_a_unit() -> None:
    texts = _zh_texts()
    for c in CONDITION_CLAUSES:
        assert c.text.zh in texts
    for step in PROCEDURE:
        assert step.text.zh in texts
    for d in DUTIES:
        assert d.text.zh in texts
    for m in MATERIALS:
        assert m.name.zh in texts


def test_sentences_of_a_clause_are_units_of_their_own() -> None:
    sentences = [u for u in children("5") if u.kind == "sentence"]
    assert len(sentences) == 3
    assert any("投诉举报" in s.text.zh and "重点监管" in s.text.zh for s in sentences)
    assert all(s.text.en for s in sentences)


def test_header_and_footer_are_units() -> None:
    texts = _zh_texts()
    assert "2020年9月22日" in texts and "2020年9月25日印发" in texts
    assert "主动公开" in UNITS_BY_ID["header.disclosure"].text.zh
    assert NOTICE.addressees.zh in texts
    assert "人社厅发〔2019〕103号" in UNITS_BY_ID["header.basis"].text.zh


def test_every_annex_field_and_column_is_a_unit() -> None:
    labels = {u.title.zh for u in UNITS if u.kind in ("field", "column")}
    for form in ANNEXES.values():
        for section in form.sections:
            for f in section.fields:
                assert f.label in labels
            for table in section.tables:
                for col in table.columns:
                    assert col == "序号" or col in labels
    assert "发证数量" in labels and "所有权归属" in labels and "考评职业领域" in labels


def test_units_cite_their_place_in_both_languages() -> None:
    unit = UNITS_BY_ID["6.equivalence"]
    assert unit.cite("zh") == "《通知》六（三）"
    assert "VI(3)" in unit.cite("en")
    assert UNITS_BY_ID["annex1.facilities.equipment.数量"].cite("zh") == "附件1·四"
