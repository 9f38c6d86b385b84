"""Real-world file quirks: binary parts inside a DOCX, packages python-docx refuses,
PDFs pdfium refuses but pdfminer reads, encrypted PDFs that open with the empty
password."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from bot.precheck.extract import Encrypted, extract
from bot.precheck.extract.docx import check_parts
from tests.support import quirkgen

TEXT = ["Bank reference letter", "The account holder is in good standing."]


def test_docx_with_an_embedded_workbook_and_printer_settings_is_read(tmp_path):
    path = quirkgen.docx_with_binary_parts(tmp_path / "with-chart-data.docx", TEXT)
    check_parts(path)  # the binary parts are not parsed as XML
    doc = extract(path)
    assert "Bank reference letter" in doc.text
    assert "good standing" in doc.text


def test_docx_naming_a_missing_picture_is_read_without_python_docx(tmp_path):
    import docx

    path = quirkgen.docx_missing_picture(tmp_path / "lost-picture.docx", TEXT)
    with pytest.raises(KeyError):
        docx.Document(str(path))  # python-docx alone gives up
    assert "good standing" in extract(path).text


def test_pdf_pdfium_refuses_is_read_by_pdfminer(tmp_path):
    path = quirkgen.pdf_pdfium_refuses(tmp_path / "broken-tree.pdf", TEXT)
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(str(path))
    doc = extract(path)
    assert doc.page_count == 1
    assert doc.has_text_layer
    assert "Bank reference letter" in doc.text
    assert extract(path, tables=True).text == doc.text


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_encrypted_pdf_with_empty_user_password_is_read(tmp_path, algorithm):
    path = quirkgen.pdf_encrypted(tmp_path / "protected.pdf", TEXT, algorithm=algorithm)
    assert "good standing" in extract(path).text


def test_encrypted_pdf_with_empty_owner_password_is_read(tmp_path):
    path = quirkgen.pdf_encrypted(tmp_path / "owner-empty.pdf", TEXT, user="secret")
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(str(path))  # pdfium tries the empty password as the user's only
    assert "Bank reference letter" in extract(path).text


def test_pdf_that_needs_a_password_stays_encrypted(tmp_path):
    path = quirkgen.pdf_encrypted(tmp_path / "locked.pdf", TEXT, user="secret", owner="boss")
    with pytest.raises(Encrypted):
        extract(path)
