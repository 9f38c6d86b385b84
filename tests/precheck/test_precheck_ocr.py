"""Scans and photos through the whole pre-check: material, language, translation, report."""

from __future__ import annotations

import json

import pytest

from bot.precheck.pipeline import analyse_file, analyse_files, assemble
from bot.precheck.problems import file_problem_message
from bot.precheck.report import render_html, render_json, render_markdown
from bot.precheck.results import NO_TEXT, UNTRANSLATED, FileProblem
from bot.settings import Limits
from tests.support import docgen, scangen
from tests.support.fonts import require_cjk_font

PAGE = (1240, 1100)  # part of an A4 page at 150 dpi: enough for the text, quick to read
# The machine the tests share may be slow: time limits generous enough that OCR's time
# budget never cuts a file short here (the cut itself is tested with a page limit).
LIMITS = Limits(parse_seconds=240.0)


@pytest.fixture(scope="module")
def pool():
    from bot.precheck.sandbox import ParserPool

    with ParserPool(2, LIMITS) as p:
        yield p


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    """An English bank letter scanned to an image-only PDF (2 pages), a phone photo of a
    Chinese business licence (stored sideways, EXIF-turned), and a Chinese translation of
    the bank letter as a typed DOCX."""
    require_cjk_font()
    folder = tmp_path_factory.mktemp("scans")
    bank = scangen.sample_page("1.1.4", "en", size=PAGE)
    more = scangen.page_image("Account details", [
        "Account name: Global Welding Institute Ltd. Sort code 20-45-77.",
        "Barclays Bank PLC, 1 Churchill Place, London."], size=PAGE)
    licence = scangen.sample_page("1.2.1", "zh", size=PAGE)
    return {
        "bank": scangen.scanned_pdf(folder / "scan0001.pdf",
                                    [scangen.scan(bank, 1), scangen.scan(more, 2)]),
        "licence": scangen.write_photo(folder / "IMG_3310.jpg", licence, seed=3,
                                       exif_orientation=8, blur=0.6, quality=80),
        "translation": docgen.write_sample(folder / "银行资信证明（中文译本）.docx", "1.1.4", "zh"),
    }


@pytest.fixture(scope="module")
def analysed(scans, pool):
    """The three files analysed once: name → FileAnalysis."""
    found = analyse_files([scans["bank"], scans["licence"], scans["translation"]],
                          limits=LIMITS, pool=pool)
    return {a.name: a for a in found}


def test_a_scanned_english_letter_is_read_placed_and_flagged_untranslated(analysed):
    bank, licence = analysed["scan0001.pdf"], analysed["IMG_3310.jpg"]
    assert (bank.kind, bank.ocr_pages, bank.page_count) == ("pdf", 2, 2)
    assert bank.language == "en" and bank.materials == ["1.1.4"]
    assert bank.ocr_confidence > 0.8 and NO_TEXT not in bank.problem_codes
    assert (licence.kind, licence.ocr_pages) == ("image", 1)
    assert licence.language == "zh" and licence.materials == ["1.2.1"]
    assert licence.problems == []

    result = assemble([bank, licence])
    by_name = {f.name: f for f in result.files}
    assert [p.code for p in by_name["scan0001.pdf"].problems] == [UNTRANSLATED]
    assert by_name["IMG_3310.jpg"].problems == []
    provided = {m.id: m.status for m in result.materials}
    assert provided["1.1.4"] == "problem" and provided["1.2.1"] == "provided"

    # The reports say which files were read by OCR, and how sure it was.
    for lang in ("zh", "en"):
        md = render_markdown(result, lang).replace("\\_", "_")
        assert "OCR" in md and "scan0001.pdf" in md and "IMG_3310.jpg" in md
        assert f"{round(bank.ocr_confidence * 100)}%" in md
        assert "IMG_3310.jpg" in render_html(result, lang)
    files = {f["name"]: f for f in json.loads(render_json(
        assemble(list(analysed.values())), "en"))["files"]}
    assert files["IMG_3310.jpg"]["ocr"]["pages"] == 1
    assert files["scan0001.pdf"]["ocr"]["pages"] == 2
    assert files["银行资信证明（中文译本）.docx"]["ocr"] is None  # typed: no OCR


def test_a_scan_with_its_translation_is_paired(analysed):
    result = assemble([analysed["scan0001.pdf"], analysed["银行资信证明（中文译本）.docx"]])
    by_name = {f.name: f for f in result.files}
    assert by_name["scan0001.pdf"].translation == "银行资信证明（中文译本）.docx"
    assert UNTRANSLATED not in [p.code for p in by_name["scan0001.pdf"].problems]
    assert {m.id: m.status for m in result.materials}["1.1.4"] == "provided"


def test_ocr_results_are_the_same_on_every_run(scans, analysed, pool):
    first = analysed["IMG_3310.jpg"].to_dict()
    again = analyse_file(scans["licence"], limits=LIMITS, pool=pool).to_dict()
    assert first == again
    assert first["ocr_confidence"] > 0


def test_only_the_first_pages_of_a_long_scan_are_read(scans, pool):
    a = analyse_file(scans["bank"], limits=Limits(parse_seconds=240.0, max_ocr_pages=1),
                     pool=pool)
    assert (a.ocr_pages, a.ocr_skipped, a.page_count) == (1, 1, 2)
    assert a.materials == ["1.1.4"]  # the first page is enough to place it
    md = render_markdown(assemble([a]), "en")
    assert "1 page(s) read by OCR" in md and "of 2 pages" in md


def test_a_scan_ocr_cannot_read_stays_no_text_with_what_to_do(tmp_path, pool):
    a = analyse_file(docgen.make_image_pdf(tmp_path / "营业执照.pdf"), limits=LIMITS, pool=pool)
    assert [(p.code, p.detail) for p in a.problems] == [(NO_TEXT, "ocr_unreadable")]
    assert a.materials == ["1.2.1"]  # placed by its name
    for lang, words in (("zh", "重新扫描"), ("en", "rescan")):
        message = file_problem_message(FileProblem(NO_TEXT, "ocr_unreadable"), lang)
        assert words in message
        assert message in render_markdown(assemble([a]), lang)
