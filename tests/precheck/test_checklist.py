"""The materials checklist: 16 items in the four categories of 三, one state each, and the
same list with the same symbols at the top of the HTML and DOCX reports."""

from __future__ import annotations

import io

import docx
import pytest

from bot.notice import CATEGORIES, MATERIALS, MATERIALS_BY_ID, TRANSLATION_RULE
from bot.precheck.checklist import ATTENTION, SYMBOLS, build_checklist, counts
from bot.precheck.pipeline import assemble
from bot.precheck.report import render_docx, render_html
from bot.precheck.results import (
    MISSING,
    OPTIONAL,
    PROVIDED,
    UNREADABLE,
    FileAnalysis,
    FileProblem,
    FormCheck,
    FormProblem,
)


def states(result, lang: str = "zh") -> dict[str, str]:  # noqa: ANN001
    return {i.id: i.state for c in build_checklist(result, lang) for i in c.items}


def zh_file(name: str, material: str, **kw: object) -> FileAnalysis:
    return FileAnalysis(name=name, kind="pdf", page_count=1, has_text_layer=True,
                        text_chars=500, language="zh", has_chinese=True, materials=[material],
                        **kw)


def test_an_empty_package_lists_all_sixteen_items_as_missing_or_optional() -> None:
    checklist = build_checklist(assemble([]), "zh")
    assert [c.id for c in checklist] == [c.id for c in CATEGORIES]
    assert [i.id for c in checklist for i in c.items] == [m.id for m in MATERIALS]
    assert len(MATERIALS) == 16
    optional = {m.id for m in MATERIALS if m.optional}
    assert states(assemble([])) == {m.id: OPTIONAL if m.id in optional else MISSING
                                    for m in MATERIALS}
    assert counts(checklist) == {PROVIDED: 0, MISSING: 16 - len(optional), ATTENTION: 0,
                                 OPTIONAL: len(optional)}


def test_each_state_from_what_was_uploaded() -> None:
    result = assemble([
        zh_file("登记证书.pdf", "1.1.1"),
        FileAnalysis(name="章程.pdf", kind="pdf", materials=["1.1.2"],
                     problems=[FileProblem(UNREADABLE, "crash")]),
        FileAnalysis(name="bank.pdf", kind="pdf", page_count=1, has_text_layer=True,
                     text_chars=500, language="en", materials=["1.1.4"]),
        zh_file("注册表.docx", "4.1", form=FormCheck(file="注册表.docx", problems=[
            FormProblem("missing_field", "电子邮箱")])),
    ])
    got = states(result)
    assert got["1.1.1"] == PROVIDED
    assert got["1.1.2"] == ATTENTION  # unreadable
    assert got["1.1.4"] == ATTENTION  # no Chinese translation
    assert got["4.1"] == ATTENTION  # the form has mistakes
    assert got["2.1"] == MISSING and got["1.1.3"] == OPTIONAL
    items = {i.id: i for c in build_checklist(result, "en") for i in c.items}
    assert items["1.1.1"].files == ["登记证书.pdf"] and items["2.1"].files == []
    assert items["1.1.4"].why and "translation" in items["1.1.4"].why[0]
    assert items["4.1"].symbol == SYMBOLS[ATTENTION] == "!"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_item_says_what_the_notice_asks_for_it(lang: str) -> None:
    items = {i.id: i for c in build_checklist(assemble([]), lang) for i in c.items}
    m = MATERIALS_BY_ID["1.1.3"]
    assert items["1.1.3"].asks[0] == m.name.get(lang)
    assert m.note.get(lang) in items["1.1.3"].asks
    assert TRANSLATION_RULE.get(lang) in items["1.1.3"].asks
    assert items["2.1"].clause == MATERIALS_BY_ID["2.1"].clause.cite(lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_reports_open_with_the_same_checklist_and_symbols(lang: str) -> None:
    result = assemble([zh_file("登记证书.pdf", "1.1.1")])
    html = render_html(result, lang)
    doc = docx.Document(io.BytesIO(render_docx(result, lang)))
    text = "\n".join(p.text for p in doc.paragraphs)
    for c in build_checklist(result, lang):
        for i in c.items:
            line = f"{i.symbol} {i.id} {i.short}"
            assert line in text, line
            assert f"{i.symbol}</span> {i.id} {i.short}" in html
    # At the top: before the report's numbered sections.
    glance = text.index(f"{SYMBOLS[PROVIDED]} 1.1.1")
    first_section = text.index("一、" if lang == "zh" else "1.")
    assert glance < first_section
    assert html.index("1.1.1 " + MATERIALS_BY_ID["1.1.1"].short.get(lang)) < html.index(
        "<table><thead>")
