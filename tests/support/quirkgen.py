"""Generators of real-world file quirks: a DOCX with binary parts (an embedded workbook,
printer settings), a DOCX whose relationships name a missing picture, a PDF pdfium
refuses but pdfminer reads, encrypted PDFs that open with the empty password."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from tests.support.docgen import docx_bytes

_XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_PRINTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"
_PACKAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
_PRINTER_REL = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "printerSettings")
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def _xlsx() -> bytes:
    """A minimal workbook (a zip of XML parts): binary as far as the DOCX is concerned."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://'
                    'schemas.openxmlformats.org/package/2006/content-types"/>')
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


def _add_parts(data: bytes, parts: dict[str, bytes], types: str, rels: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", types.encode() + b"</Types>")
            elif info.filename == "word/_rels/document.xml.rels":
                body = body.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            dst.writestr(info, body)
        for name, body in parts.items():
            dst.writestr(name, body)
    return out.getvalue()


def docx_with_binary_parts(path: Path, paragraphs: Sequence[str]) -> Path:
    """A DOCX holding an embedded workbook and printer settings, as Word writes them."""
    types = (f'<Default Extension="xlsx" ContentType="{_XLSX_TYPE}"/>'
             f'<Override PartName="/word/printerSettings/printerSettings1.bin" '
             f'ContentType="{_PRINTER_TYPE}"/>')
    rels = (f'<Relationship Id="rIdQ1" Type="{_PACKAGE_REL}" '
            f'Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/>'
            f'<Relationship Id="rIdQ2" Type="{_PRINTER_REL}" '
            f'Target="printerSettings/printerSettings1.bin"/>')
    parts = {"word/embeddings/Microsoft_Excel_Worksheet.xlsx": _xlsx(),
             "word/printerSettings/printerSettings1.bin": b"\x00\x01printer\xff" * 64}
    path.write_bytes(_add_parts(docx_bytes(list(paragraphs)), parts, types, rels))
    return path


def docx_missing_picture(path: Path, paragraphs: Sequence[str]) -> Path:
    """A DOCX whose relationships name a picture the package does not hold (python-docx
    refuses it, Word opens it)."""
    types = '<Default Extension="png" ContentType="image/png"/>'
    rels = f'<Relationship Id="rIdQ3" Type="{_IMAGE_REL}" Target="media/image99.png"/>'
    path.write_bytes(_add_parts(docx_bytes(list(paragraphs)), {}, types, rels))
    return path


def _reportlab_pdf(lines: Sequence[str]) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    y = 760
    for line in lines:
        c.drawString(72, y, line)
        y -= 16
    c.save()
    return buf.getvalue()


def pdf_pdfium_refuses(path: Path, lines: Sequence[str]) -> Path:
    """A PDF whose catalog names a missing page tree: pdfium refuses to load it, pdfminer
    finds the pages by their /Type and reads them."""
    data = _reportlab_pdf(lines)
    data, n = re.subn(rb"/Pages \d+ 0 R", b"/Pages 99 0 R", data, count=1)
    assert n == 1
    path.write_bytes(data)
    return path


def pdf_encrypted(path: Path, lines: Sequence[str], *, user: str = "",
                  owner: str = "", algorithm: str = "AES-256") -> Path:
    """An encrypted PDF (pypdf).  ``user=""`` opens without a password; a non-empty
    ``user`` with an empty ``owner`` opens with the empty password as the owner's."""
    from pypdf import PdfReader, PdfWriter
    from pypdf._encryption import Encryption

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_reportlab_pdf(lines))))
    if owner or not user:
        writer.encrypt(user_password=user, owner_password=owner or None, algorithm=algorithm)
    else:
        # pypdf replaces an empty owner password by the user's: encode a marker as "".
        marker = "\x00empty-owner"
        original = Encryption._encode_password

        def encode(password):
            return b"" if password == marker else original(password)

        Encryption._encode_password = staticmethod(encode)
        try:
            writer.encrypt(user_password=user, owner_password=marker, algorithm=algorithm)
        finally:
            Encryption._encode_password = staticmethod(original)
    with open(path, "wb") as fh:
        writer.write(fh)
    return path
