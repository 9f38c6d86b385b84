"""Text extraction from the files applicants upload (PDF, DOCX, and JPEG/PNG by OCR).

>>> doc = extract(Path("章程.pdf"))          # plain text per page, fast (pypdfium2)
>>> form = extract(Path("附件1.pdf"), tables=True)  # plus tables (pdfplumber)
>>> scan = extract(Path("营业执照.pdf"), ocr_pages=10, ocr_seconds=18)  # scans read by OCR
>>> photo = extract(Path("营业执照.jpg"))      # a picture is always read by OCR

The type is decided by the file's first bytes, not its name.  A file that cannot be
read raises an :class:`ExtractError` whose ``code`` is a bot.precheck.results problem code.
"""

from __future__ import annotations

from pathlib import Path

from bot.precheck.extract.errors import Encrypted, ExtractError, TooLarge, Unreadable, Unsupported
from bot.precheck.extract.sniff import DOCX, EMPTY, ENCRYPTED, IMAGE, PDF, Sniff, sniff
from bot.precheck.results import Document

__all__ = ["extract", "sniff", "Sniff", "ExtractError", "Encrypted", "TooLarge", "Unreadable",
           "Unsupported", "MAX_CHARS"]

# Text kept per file: plenty for classification and pairing, bounded for memory.
MAX_CHARS = 400_000


def extract(path: Path, *, tables: bool = False, max_chars: int = MAX_CHARS,
            max_pages: int = 2000, kind: str | None = None, ocr_pages: int = 0,
            ocr_seconds: float = 0.0, max_image_pixels: int = 50_000_000) -> Document:
    """Read ``path`` into a :class:`Document`.

    ``tables=True`` also fills ``Document.tables`` for a PDF (DOCX tables are always
    read).  ``kind`` skips sniffing when the caller already knows it.  Raises
    :class:`Unsupported` (detail names the type, e.g. ".doc"), :class:`Encrypted`
    (detail "password" for a PDF, "office" for a protected Word file), :class:`Unreadable`
    (detail "corrupt", or "xml_dtd" for a DOCX part that declares a DTD) or
    :class:`TooLarge` (detail "pages"; "pdf_inflated" or "pdf_content" for a PDF whose
    streams unpack to too much data or hold too many page instructions; "xml_size" for a
    DOCX whose XML parts are too large to parse; "image_pixels" for a picture of more than
    ``max_image_pixels`` pixels).  An empty file gives an empty Document.

    A JPEG or PNG picture is read by OCR; so are the first ``ocr_pages`` pages of a PDF
    without a text layer, within ``ocr_seconds`` (``Document.ocr_pages`` says how many).
    """
    path = Path(path)
    if kind is None:
        s = sniff(path)
        if s.kind == EMPTY:
            return Document(kind="", pages=[], page_count=0, has_text_layer=True)
        if s.kind == ENCRYPTED:
            raise Encrypted(s.detail)
        if s.kind not in (PDF, DOCX, IMAGE):
            raise Unsupported(s.detail)
        kind = s.kind
    if kind == PDF:
        from bot.precheck.extract.pdf import read_pdf

        doc = read_pdf(path, tables=tables, max_chars=max_chars, max_pages=max_pages)
        if not doc.has_text_layer and ocr_pages > 0:
            from bot.precheck.extract.scan import ocr_pdf

            doc = ocr_pdf(path, doc, max_pages=ocr_pages, seconds=ocr_seconds)
        return doc
    if kind == IMAGE:
        from bot.precheck.extract.scan import read_image

        return read_image(path, max_pixels=max_image_pixels, seconds=ocr_seconds)
    if kind == DOCX:
        from bot.precheck.extract.docx import read_docx

        return read_docx(path, max_chars=max_chars)
    raise Unsupported(kind)
