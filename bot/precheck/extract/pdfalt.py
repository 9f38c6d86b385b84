"""The second PDF reader: pdfminer (through pdfplumber) for files pdfium refuses.

pdfium refuses some files that other readers open: damaged cross-reference data it
cannot rebuild ("Data format error") and encrypted files whose owner password is empty
(anyone may open them; pdfium only tries the empty password as the user password).
:func:`read_pdf_alt` reads the text of such a file page by page; it raises
:class:`Encrypted` when the file needs a password and :class:`Unreadable` when pdfminer
cannot read it either.
"""

from __future__ import annotations

from pathlib import Path

from bot.precheck.extract.errors import Encrypted, TooLarge, Unreadable
from bot.precheck.results import Document

MIN_PAGE_CHARS = 3


def _password_error(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return "password" in text or "encrypt" in text


def read_pdf_alt(path: Path, *, max_chars: int = 400_000, max_pages: int = 2000,
                 encrypted: bool = False) -> Document:
    """Read ``path`` with pdfminer (empty password).  ``encrypted``: pdfium asked for a
    password, so a failure here is :class:`Encrypted` rather than :class:`Unreadable`."""
    import pdfplumber

    pages: list[str] = []
    text_pages = image_pages = kept = 0
    try:
        with pdfplumber.open(str(path), password="") as pdf:
            count = len(pdf.pages)
            if count > max_pages:
                raise TooLarge("pages")
            for page in pdf.pages:
                if kept >= max_chars and text_pages:
                    break
                text = (page.extract_text() or "").replace("\x00", "")
                if sum(1 for ch in text if not ch.isspace()) >= MIN_PAGE_CHARS:
                    text_pages += 1
                elif page.images:
                    image_pages += 1
                text = text[: max(0, max_chars - kept)]
                kept += len(text)
                pages.append(text)
                page.close()
            title = ""
            raw = (pdf.metadata or {}).get("Title")
            if isinstance(raw, str):
                title = raw.strip()
    except (TooLarge, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
        if encrypted or _password_error(exc) or _password_error(exc.__cause__ or exc):
            raise Encrypted("password") from exc
        raise Unreadable("corrupt") from exc
    return Document(kind="pdf", pages=pages, page_count=count,
                    has_text_layer=text_pages > 0 or image_pages == 0, title=title)
