"""PDF text: pypdfium2 for plain text per page, pdfplumber only for tables.

pypdfium2 reads a page's text an order of magnitude faster than pdfplumber, so the
pre-check uses it for every file; the registration form, whose tables matter, is read a
second time with pdfplumber (``tables=True``).  Before either library opens a file,
:func:`bot.precheck.extract.pdfscan.scan_pdf` measures its streams, so that a decompression bomb or
a page of millions of instructions is refused instead of exhausting the parser.
"""

from __future__ import annotations

from pathlib import Path

from bot.precheck.extract.errors import Encrypted, TooLarge, Unreadable
from bot.precheck.extract.pdfscan import scan_pdf
from bot.precheck.results import Document

# Metadata titles written by tools rather than people.
_PLACEHOLDER_TITLES = {"untitled", "anonymous", "unspecified", "microsoft word", "document"}
# A page counts as having a text layer when it has this many non-space characters.
MIN_PAGE_CHARS = 3
# Page objects (paths, text runs, pictures) the table reader is given at most, over all
# the pages it reads: a form has a few thousand.
MAX_TABLE_OBJECTS = 20_000


def _is_password_error(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return "password" in text or "encrypt" in text or "security" in text


def _has_image(pdf, index: int) -> bool:
    import pypdfium2.raw as pdfium_c

    page = pdf[index]
    try:
        for _obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
            return True
        return False
    finally:
        page.close()


def read_pdf(path: Path, *, tables: bool = False, max_chars: int = 400_000,
             max_pages: int = 2000) -> Document:
    """Read a PDF: text of each page (until ``max_chars`` are kept), page count, text layer.

    Raises :class:`Encrypted` for a password-protected file, :class:`Unreadable` for a
    damaged one and :class:`TooLarge` for one with more than ``max_pages`` pages
    ("pages") or with streams that must not be parsed ("pdf_inflated", "pdf_content").
    """
    import pypdfium2 as pdfium

    refused = scan_pdf(path)
    if refused:
        raise TooLarge(refused)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        # pdfminer opens some files pdfium refuses (a damaged cross-reference table, an
        # empty owner password): they are read, not called unreadable or encrypted.
        from bot.precheck.extract.pdfalt import read_pdf_alt

        doc = read_pdf_alt(path, max_chars=max_chars, max_pages=max_pages,
                           encrypted=_is_password_error(exc))
        if tables and doc.pages:
            doc.tables = read_pdf_tables(path)
        return doc
    try:
        count = len(pdf)
        if count == 0:
            return Document(kind="pdf", pages=[], page_count=0, has_text_layer=False)
        if count > max_pages:
            raise TooLarge("pages")
        pages: list[str] = []
        kept = 0
        text_pages = 0
        image_pages = 0
        for i in range(count):
            if kept >= max_chars and text_pages:
                break  # enough text for classification; the page count is already known
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
            finally:
                page.close()
            text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
            if sum(1 for ch in text if not ch.isspace()) >= MIN_PAGE_CHARS:
                text_pages += 1
            elif not image_pages and i < 50 and _has_image(pdf, i):
                image_pages += 1
            text = text[: max(0, max_chars - kept)]
            kept += len(text)
            pages.append(text)
        title = ""
        try:
            title = (pdf.get_metadata_dict().get("Title") or "").strip()
        except MemoryError:
            raise
        except Exception:  # noqa: BLE001 - metadata is a nicety
            title = ""
        if title.lower() in _PLACEHOLDER_TITLES:
            title = ""
    except pdfium.PdfiumError as exc:
        raise Unreadable("corrupt") from exc
    finally:
        pdf.close()
    # No text on any page: a scan when the pages hold images, otherwise blank pages (which
    # are reported as empty, not as a missing text layer).
    has_text_layer = text_pages > 0 or image_pages == 0
    doc = Document(kind="pdf", pages=pages, page_count=count, has_text_layer=has_text_layer,
                   title=title)
    if tables:
        doc.tables = read_pdf_tables(path)
    return doc


def _pages_within(path: Path, max_pages: int, max_objects: int) -> int:
    """How many of the first ``max_pages`` pages hold, together, at most ``max_objects``
    page objects (counted with pypdfium2, which is quick; pdfplumber takes about a
    millisecond for each path a table reader may have to consider)."""
    import pypdfium2 as pdfium

    total = 0
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return max_pages  # pdfplumber's own error is the one reported
    try:
        count = min(len(pdf), max_pages)
        for i in range(count):
            page = pdf[i]
            try:
                for _obj in page.get_objects(max_depth=4):
                    total += 1
                    if total > max_objects:
                        return i
            finally:
                page.close()
        return count
    except pdfium.PdfiumError:
        return max_pages
    finally:
        pdf.close()


def read_pdf_tables(path: Path, *, max_pages: int = 30,
                    max_objects: int = MAX_TABLE_OBJECTS) -> list[list[list[str]]]:
    """Every table on the first ``max_pages`` pages, as rows of cell texts (pdfplumber).

    Pages after those whose objects together pass ``max_objects`` are left out: a table
    reader would take minutes on them."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    max_pages = _pages_within(path, max_pages, max_objects)
    out: list[list[list[str]]] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages[:max_pages]:
                for table in page.extract_tables():
                    rows = [[(cell or "").strip() for cell in row] for row in table]
                    if any(any(cell for cell in row) for row in rows):
                        out.append(rows)
                page.close()
    except PDFPasswordIncorrect as exc:
        raise Encrypted("password") from exc
    except MemoryError:
        raise  # the worker reports it and is replaced
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
        if _is_password_error(exc) or _is_password_error(exc.__cause__ or exc):
            raise Encrypted("password") from exc
        raise Unreadable("corrupt") from exc
    return out
