"""The upload gate: names, sizes and types, decided before anything is parsed."""

from __future__ import annotations

import io
import zipfile

import pytest

from bot.precheck.intake import check_upload, safe_name, suffix_for
from bot.settings import Limits

LIMITS = Limits(max_file_bytes=1000)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("raw, expected", [
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\me\\章程.pdf", "章程.pdf"),
    (".bashrc", "bashrc"),
    ("report\u202egpj.pdf", "reportgpj.pdf"),
    ("a\x00b.pdf", "ab.pdf"),
    ("  many   spaces .docx ", "many spaces .docx"),
    ("", "upload"),
    ("../", "upload"),
    ('what?<x>|"y".pdf', "what__x___y_.pdf"),
])
def test_safe_name(raw: str, expected: str) -> None:
    assert safe_name(raw) == expected


def test_long_names_keep_their_extension() -> None:
    name = safe_name("很" * 300 + ".docx")
    assert len(name) == 120 and name.endswith(".docx")


def test_type_is_decided_by_content_not_name() -> None:
    pdf = b"%PDF-1.7\n..."
    docx = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w:document/>"})
    assert check_upload("scan.docx", pdf, LIMITS) is None  # a PDF named .docx is a PDF
    assert suffix_for(pdf, "scan.docx") == ".pdf"
    assert check_upload("x.pdf", docx, LIMITS) is None
    assert suffix_for(docx) == ".docx"


@pytest.mark.parametrize("name, data, code, detail", [
    ("big.pdf", b"%PDF-" + b"0" * 1000, "too_large", "1000"),
    ("empty.pdf", b"", "empty", ""),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "unsupported_type", ".doc"),
    ("photo.pdf", b"GIF89a" + b"\0" * 50, "unsupported_type", "image/gif"),
    ("setup.pdf", b"MZ\x90\x00" + b"\0" * 50, "unsupported_type", "executable"),
    ("sheet.docx", None, "unsupported_type", ".xlsx"),
])
def test_refused_uploads(name: str, data: bytes | None, code: str, detail: str) -> None:
    if data is None:
        data = _zip({"xl/workbook.xml": b"<x/>"})
    problem = check_upload(name, data, LIMITS)
    assert problem is not None and (problem.code, problem.detail) == (code, detail)


def test_damaged_docx_is_let_through_to_be_called_unreadable() -> None:
    assert check_upload("form.docx", b"PK\x03\x04garbage", LIMITS) is None
    assert suffix_for(b"PK\x03\x04garbage", "form.docx") == ".docx"
