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
from bot.precheck.timelimit import OutOfTime, time_limit

MIN_PAGE_CHARS = 3
# pdfminer is slower than pdfium and a refused file is often a hostile one (reference
# loops, huge dictionaries): the second reader gets this many seconds, then the file is
# unreadable.
TIME_BUDGET = 6.0
# Page-tree nodes looked at when counting pages the way a viewer would (shared subtrees
# counted each time they are referenced).
_TREE_NODES = 20_000
_MAX_DEPTH = 64


def _resolve(x, limit: int = 8):
    from pdfminer.pdftypes import PDFObjRef

    for _ in range(limit):
        if not isinstance(x, PDFObjRef):
            return x
        x = x.resolve()
    raise Unreadable("corrupt")  # a reference loop


def _tree_pages(doc, max_pages: int) -> int:
    """The number of pages the page tree holds, counting a shared subtree each time it is
    referenced (0 without a tree); TooLarge past ``max_pages``, Unreadable for a
    reference loop."""
    from pdfminer.psparser import LIT

    root = _resolve(doc.catalog.get("Pages"))
    if not isinstance(root, dict):
        return 0  # no tree to follow: pdfminer finds the pages by their /Type
    count = _resolve(root.get("Count"))
    if isinstance(count, int) and count > max_pages:
        raise TooLarge("pages")
    leaves = nodes = 0
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if nodes > _TREE_NODES or depth > _MAX_DEPTH:
            raise TooLarge("pages")
        kids = _resolve(node.get("Kids")) if isinstance(node, dict) else None
        if isinstance(kids, list) and _resolve(node.get("Type")) != LIT("Page"):
            stack.extend((_resolve(k), depth + 1) for k in kids)
        else:
            leaves += 1
            if leaves > max_pages:
                raise TooLarge("pages")
    return leaves


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
        with time_limit(TIME_BUDGET, inside_other=True), \
                pdfplumber.open(str(path), password="") as pdf:
            declared = _tree_pages(pdf.doc, max_pages) if "Pages" in pdf.doc.catalog else 0
            count = len(pdf.pages)
            if declared > count:
                raise Unreadable("corrupt")  # pages the reader could not reach
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
    except (TooLarge, Unreadable, MemoryError):
        raise
    except OutOfTime as exc:
        raise Unreadable("corrupt") from exc
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
        if encrypted or _password_error(exc) or _password_error(exc.__cause__ or exc):
            raise Encrypted("password") from exc
        raise Unreadable("corrupt") from exc
    return Document(kind="pdf", pages=pages, page_count=count,
                    has_text_layer=text_pages > 0 or image_pages == 0, title=title)
