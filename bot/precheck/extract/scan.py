"""Scans and photos read by OCR: JPEG/PNG pictures, and PDFs whose pages are pictures.

A picture is measured before it is decoded: one of more than ``max_pixels`` pixels (a
decompression bomb, or a poster-sized scan) is refused.  A JPEG is decoded at reduced
size (libjpeg's own scaling) and every picture is shrunk to at most :data:`MAX_SIDE` pixels
on its longer side, so memory stays bounded whatever the file declares.  A phone's EXIF
orientation is applied.  A PDF's pages are rendered by pdfium at a resolution bounded the
same way; at most ``max_pages`` pages are read, and reading stops early when the next page
would pass the time budget.
"""

from __future__ import annotations

import time
from pathlib import Path

from bot.precheck.extract.errors import TooLarge, Unreadable
from bot.precheck.results import Document

MAX_SIDE = 2000  # pixels on the longer side of what OCR is given (RapidOCR's own cap)
RENDER_DPI = 200  # PDF pages are rendered at most this fine
# An OCR reading with fewer characters, or less mean confidence, is not trusted: the file
# is reported as a scan that could not be read.
MIN_OCR_CHARS = 10
MIN_OCR_CONFIDENCE = 0.6


class OcrUnavailable(Exception):
    """The OCR engine cannot be loaded here (e.g. a system library OpenCV needs is
    missing): scans are then reported as having no text layer, as before OCR."""


def _ocr(picture, deadline: float | None = None):
    try:
        from bot.precheck.extract.ocr import engine, read_page

        engine()
    except (ImportError, OSError) as exc:
        raise OcrUnavailable(str(exc)) from exc
    try:
        return read_page(picture, deadline)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - the engine's own errors on a hostile picture
        from bot.precheck.extract.ocr import OcrPage

        return OcrPage([])  # nothing read: reported as a scan OCR could not read


def open_picture(path: Path, max_pixels: int):
    """The picture at ``path``, upright and at most MAX_SIDE pixels on its longer side."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = max_pixels  # Pillow's own guard, for anything we missed
    try:
        img = Image.open(path)
    except Image.DecompressionBombError as exc:
        raise TooLarge("image_pixels") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise Unreadable("corrupt") from exc
    try:
        width, height = img.size
        if width <= 0 or height <= 0:
            raise Unreadable("corrupt")
        if width * height > max_pixels:
            raise TooLarge("image_pixels")
        if img.format == "JPEG":
            img.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decode at 1/2, 1/4 or 1/8 size
        try:
            img.load()
            upright = ImageOps.exif_transpose(img) or img
            upright.thumbnail((MAX_SIDE, MAX_SIDE))
            return upright.convert("RGB")
        except Image.DecompressionBombError as exc:
            raise TooLarge("image_pixels") from exc
        except (OSError, ValueError, SyntaxError, EOFError) as exc:  # truncated, damaged
            raise Unreadable("corrupt") from exc
    finally:
        img.close()


def ocr_readable(doc: Document) -> bool:
    """Whether a document read by OCR was read well enough to be checked."""
    chars = sum(1 for page in doc.pages for ch in page if not ch.isspace())
    return chars >= MIN_OCR_CHARS and doc.ocr_confidence >= MIN_OCR_CONFIDENCE


def read_image(path: Path, *, max_pixels: int, seconds: float = 0.0) -> Document:
    """A JPEG or PNG picture of a page, read by OCR (within ``seconds`` if given)."""
    deadline = time.monotonic() + seconds if seconds > 0 else None
    picture = open_picture(path, max_pixels)
    try:
        page = _ocr(picture, deadline)
    except OcrUnavailable:
        return Document(kind="image", pages=[""], page_count=1, has_text_layer=False)
    return Document(kind="image", pages=[page.text], page_count=1,
                    has_text_layer=bool(page.chars), ocr_pages=1,
                    ocr_confidence=round(page.confidence, 4))


def render_page(pdf, index: int):
    """Page ``index`` of an open pypdfium2 document as a Pillow picture, at most
    RENDER_DPI and MAX_SIDE pixels."""
    page = pdf[index]
    try:
        w, h = page.get_size()
        longest = max(w, h, 1.0)
        scale = min(RENDER_DPI / 72, MAX_SIDE / longest)
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            return bitmap.to_pil().convert("RGB")
        finally:
            bitmap.close()
    finally:
        page.close()


def ocr_pdf(path: Path, doc: Document, *, max_pages: int, seconds: float) -> Document:
    """``doc`` (a PDF without a text layer) with its first pages read by OCR.  Stops after
    ``max_pages`` pages, or when the next page would take reading past ``seconds``."""
    import pypdfium2 as pdfium

    start = time.monotonic()
    deadline = start + seconds if seconds > 0 else None
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise Unreadable("corrupt") from exc
    pages = list(doc.pages) + [""] * max(0, doc.page_count - len(doc.pages))
    read: list[float] = []
    chars = 0
    weighted = 0.0
    try:
        for i in range(min(doc.page_count, max_pages)):
            spent = time.monotonic() - start
            if read and seconds > 0 and spent + spent / len(read) > seconds:
                break
            try:
                page = _ocr(render_page(pdf, i), deadline)
            except OcrUnavailable:
                return doc
            pages[i] = page.text
            read.append(page.confidence)
            chars += page.chars
            weighted += page.confidence * page.chars
    except pdfium.PdfiumError as exc:
        if not read:
            raise Unreadable("corrupt") from exc
    finally:
        pdf.close()
    return Document(kind="pdf", pages=pages, page_count=doc.page_count,
                    has_text_layer=chars > 0, tables=doc.tables, title=doc.title,
                    ocr_pages=len(read),
                    ocr_confidence=round(weighted / chars, 4) if chars else 0.0,
                    ocr_skipped=doc.page_count - len(read))
