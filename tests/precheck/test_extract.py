"""Extraction: file type by content, PDF and DOCX text, tables, page counts, bad files."""

from __future__ import annotations

import pytest

from bot.precheck.extract import Encrypted, Unreadable, Unsupported, extract
from bot.precheck.extract.sniff import DOCX, EMPTY, PDF, UNSUPPORTED, sniff
from tests.support import docgen


def test_type_comes_from_content_not_name(tmp_path):
    pdf = docgen.make_pdf(tmp_path / "really_a_pdf.docx", ["Bank reference letter"])
    docx = docgen.make_docx(tmp_path / "really_a_docx.pdf", ["Satzung"])
    assert sniff(pdf).kind == PDF
    assert sniff(docx).kind == DOCX
    assert "Bank reference letter" in extract(pdf).text
    assert "Satzung" in extract(docx).text


@pytest.mark.parametrize("name, head, detail", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".doc"),
    ("sheet.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".xls"),
    ("anim.gif", b"GIF89a" + b"\0" * 100, "image/gif"),
    ("photo.heic", b"\0\0\0\x18ftypheic" + b"\0" * 100, "image/heic"),
    ("setup.exe", b"MZ\x90\x00" + b"\0" * 100, "executable"),
    ("notes.txt", "纯文本说明".encode(), "text"),
    ("letter.rtf", b"{\\rtf1\\ansi hello}", ".rtf"),
])
def test_unsupported_types_are_named(tmp_path, name, head, detail):
    path = tmp_path / name
    path.write_bytes(head)
    s = sniff(path)
    assert (s.kind, s.detail) == (UNSUPPORTED, detail)
    with pytest.raises(Unsupported) as exc:
        extract(path)
    assert exc.value.detail == detail


def test_xlsx_is_not_a_word_document(tmp_path):
    import zipfile

    path = tmp_path / "budget.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    s = sniff(path)
    assert (s.kind, s.detail) == (UNSUPPORTED, ".xlsx")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert sniff(path).kind == EMPTY


def test_pdf_chinese_text_layer_read_by_both_libraries(tmp_path):
    lines = ["外方机构银行资信证明", "Bank reference letter 2020年9月22日"]
    path = docgen.make_pdf(tmp_path / "cjk.pdf", lines)
    doc = extract(path)
    assert doc.kind == "pdf" and doc.page_count == 1 and doc.has_text_layer
    assert "外方机构银行资信证明" in doc.text and "2020年9月22日" in doc.text
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        assert "外方机构银行资信证明" in pdf.pages[0].extract_text()


def test_pdf_pages_and_text_per_page(tmp_path):
    path = docgen.make_pdf(tmp_path / "three.pdf", [["第一页 page one"], ["第二页"], ["third"]])
    doc = extract(path)
    assert doc.page_count == 3
    assert [p.strip() for p in doc.pages] == ["第一页 page one", "第二页", "third"]


def test_pdf_tables_only_when_asked(tmp_path):
    from tests.support import formgen

    path = formgen.filled_annex1_pdf(tmp_path / "form.pdf")
    assert extract(path).tables == []
    tables = extract(path, tables=True).tables
    cells = [c for t in tables for row in t for c in row]
    assert any("统一社会信用代码" in c.replace("\n", "") for c in cells)
    assert "91110000600037341L" in cells


def test_image_only_pdf_has_no_text_layer(tmp_path):
    doc = extract(docgen.make_image_pdf(tmp_path / "scan.pdf", pages=2))
    assert doc.page_count == 2
    assert not doc.has_text_layer


def test_blank_pdf_is_not_a_scan(tmp_path):
    doc = extract(docgen.make_blank_pdf(tmp_path / "blank.pdf"))
    assert doc.has_text_layer and not doc.text.strip()


def test_encrypted_pdf(tmp_path):
    path = docgen.make_pdf(tmp_path / "locked.pdf", ["secret"], encrypt="pw")
    with pytest.raises(Encrypted):
        extract(path)
    with pytest.raises(Encrypted):
        extract(path, tables=True)


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_truncated_files_are_unreadable(tmp_path, kind):
    if kind == "pdf":
        whole = docgen.make_pdf(tmp_path / "whole.pdf", ["第一页"] * 200)
    else:
        whole = docgen.make_docx(tmp_path / "whole.docx", ["第一段"] * 200)
    cut = docgen.make_truncated(tmp_path / f"cut.{kind}", whole, keep=0.5)
    with pytest.raises(Unreadable):
        extract(cut)


def test_docx_body_in_document_order_with_tables(tmp_path):
    path = docgen.make_docx(
        tmp_path / "a.docx", ["Title", "First paragraph"],
        tables=[[["机构名称", "广西桂南"], ["统一社会信用代码", "91110000600037341L"]]])
    doc = extract(path)
    lines = doc.pages[0].splitlines()
    assert lines[:2] == ["Title", "First paragraph"]
    assert "机构名称\t广西桂南" in lines
    assert doc.tables == [[["机构名称", "广西桂南"], ["统一社会信用代码", "91110000600037341L"]]]


def test_docx_merged_cells_read_once(tmp_path):
    rows = [["A", "B", "C"], ["D", "E", "F"], ["G", "H", "I"]]
    # A+B merged across; F, I merged down.
    path = docgen.make_docx(tmp_path / "m.docx", [], tables=[rows],
                            merges=[(0, 0, 0, 0, 1), (0, 1, 2, 2, 2)])
    doc = extract(path)
    table = doc.tables[0]
    assert table[0] == ["A\nB", "C"]  # one cell across two columns
    assert table[1] == ["D", "E", "F\nI"]
    assert table[2] == ["G", "H", ""]  # covered by the merged cell above
    assert doc.text.count("F") == 1


def test_docx_nested_table_listed_after_its_table(tmp_path):
    path = docgen.make_docx(tmp_path / "n.docx", [], tables=[[["outer1", "outer2"]]],
                            nested=[(0, 0, 1, [["inner1", "inner2"]])])
    doc = extract(path)
    assert doc.tables[0][0][0] == "outer1"
    assert doc.tables[1] == [["inner1", "inner2"]]
    assert "inner1\tinner2" in doc.text


def test_docx_headers_footers_and_content_controls(tmp_path):
    path = docgen.make_docx(tmp_path / "h.docx", ["Body text"], header="Letterhead Bank PLC",
                            footer="Page footer", sdt=["Text in a block content control"],
                            run_sdt="Global Welding Institute Ltd")
    doc = extract(path)
    assert "Text in a block content control" in doc.text
    assert "Value: Global Welding Institute Ltd" in doc.text
    assert doc.pages[-1].splitlines() == ["Letterhead Bank PLC", "Page footer"]
    # python-docx's own paragraph view does not see the content controls:
    import docx

    plain = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Text in a block content control" not in plain


def test_docx_sections_are_pages(tmp_path):
    path = docgen.make_docx(tmp_path / "s.docx", ["section one"], sections=[["section two"]])
    assert extract(path).pages[:2] == ["section one", "section two"]


def test_docx_page_count_declared_or_estimated(tmp_path):
    declared = extract(docgen.make_docx(tmp_path / "d.docx", ["x"], declared_pages=7))
    assert declared.page_count == 7 and not declared.page_count_estimated
    long_text = ["这是一段很长的中文内容，用来估计页数。" * 10] * 30  # ~5,700 CJK characters
    estimated = extract(docgen.make_docx(tmp_path / "e.docx", long_text))
    assert estimated.page_count_estimated
    assert 5 <= estimated.page_count <= 12


def test_text_kept_per_file_is_capped(tmp_path):
    path = docgen.make_docx(tmp_path / "big.docx", ["字" * 1000] * 50)
    doc = extract(path, max_chars=5000)
    assert len(doc.text) <= 5100
