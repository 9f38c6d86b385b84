"""Generators of test PDFs: reportlab files with a real CJK text layer, image-only and
blank pages, truncated copies, and hand-written PDF objects (raw_pdf, raw_stream,
an LZW bomb) for hostile files."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

_CID_FONT = "STSong-Light"


def cid_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if _CID_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_CID_FONT))
    return _CID_FONT


def wrap_lines(text: str, width: int) -> list[str]:
    """Cut a line into pieces of at most ``width`` display units (CJK counts 2)."""
    out: list[str] = []
    line = ""
    units = 0
    for word in _tokens(text):
        w = sum(2 if ord(ch) > 0x2E80 else 1 for ch in word)
        if units + w > width and line:
            out.append(line.rstrip())
            line, units = "", 0
            if word == " ":
                continue
        line += word
        units += w
    if line.strip():
        out.append(line.rstrip())
    return out or [""]


def _tokens(text: str) -> Iterable[str]:
    word = ""
    for ch in text:
        if ord(ch) > 0x2E80 or ch == " ":
            if word:
                yield word
                word = ""
            yield ch
        else:
            word += ch
    if word:
        yield word


def make_pdf(path: Path, lines: Sequence[str] | Sequence[Sequence[str]], *, title: str | None = None,
             encrypt: str | None = None, font_size: int = 11) -> Path:
    """Write a PDF with a real text layer (CJK via reportlab's built-in STSong-Light).

    ``lines`` is either a list of lines (flowed onto as many pages as needed) or a list of
    pages, each a list of lines.  ``encrypt`` sets a user password.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = cid_font()
    pages: list[Sequence[str]]
    if lines and not isinstance(lines[0], str):
        pages = list(lines)  # type: ignore[arg-type]
    else:
        pages = [lines]  # type: ignore[list-item]
    kwargs = {}
    if encrypt is not None:
        from reportlab.lib import pdfencrypt

        kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt, encrypt + "-owner")
    c = canvas.Canvas(str(path), pagesize=A4, **kwargs)
    if title:
        c.setTitle(title)
    width, height = A4
    leading = font_size * 1.6
    for page_lines in pages:
        y = height - 72
        c.setFont(font, font_size)
        for raw in page_lines:
            for piece in wrap_lines(raw, 84):
                if y < 72:
                    c.showPage()
                    c.setFont(font, font_size)
                    y = height - 72
                c.drawString(60, y, piece)
                y -= leading
        c.showPage()
    c.save()
    return Path(path)


def make_image_pdf(path: Path, pages: int = 1) -> Path:
    """A scanned-looking PDF: each page is one picture, with no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (400, 560), 255)
    draw = ImageDraw.Draw(img)
    for y in range(40, 520, 18):
        draw.line((40, y, 360, y), fill=40, width=3)  # lines of "text"
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        buf.seek(0)
        c.drawImage(ImageReader(buf), 40, 60, width=515, height=720)
        c.showPage()
    c.save()
    return Path(path)


def make_blank_pdf(path: Path, pages: int = 1) -> Path:
    """A PDF whose pages hold nothing at all."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for _ in range(pages):
        c.showPage()
    c.save()
    return Path(path)


def make_truncated(path: Path, source: Path, keep: float = 0.5) -> Path:
    """A copy of ``source`` cut after ``keep`` of its bytes (a broken upload)."""
    data = Path(source).read_bytes()
    Path(path).write_bytes(data[: max(1, int(len(data) * keep))])
    return Path(path)




def lzw_bomb(codes: int) -> bytes:
    """A PDF LZWDecode stream (early change) whose codes each repeat the previous string
    plus one zero, restarting the table before it fills: a decoder's output grows with
    the square of the input."""
    out = 0
    nbits = 0
    buf = bytearray()
    width = 9

    def put(code: int) -> None:
        nonlocal out, nbits
        out = (out << width) | code
        nbits += width
        while nbits >= 8:
            nbits -= 8
            buf.append((out >> nbits) & 0xFF)
        out &= (1 << nbits) - 1

    put(256)
    next_code = 258
    put(0)
    for _ in range(codes):
        put(next_code)  # the "KwKwK" case: previous string + its first byte
        next_code += 1
        if next_code + 1 >= (1 << width):
            if width < 12:
                width += 1
            else:
                put(256)
                width = 9
                next_code = 258
                put(0)
    put(257)
    if nbits:
        buf.append((out << (8 - nbits)) & 0xFF)
    return bytes(buf)


def raw_pdf(objects: dict[int, bytes], *, root: int = 1, trailer: bytes = b"",
            header: bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") -> bytes:
    """A hand-made PDF from numbered object bodies, with a classic cross-reference table
    and correct offsets (for files no PDF writer would make)."""
    out = bytearray(header)
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for i in range(1, size):
        out += (b"%010d 00000 n \n" % offsets[i]) if i in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        size, root, trailer, xref)
    return bytes(out)


def raw_stream(data: bytes, extra: bytes = b"", *, flate: bool = False) -> bytes:
    """A PDF stream object body: ``<< /Length n extra >> stream … endstream``."""
    if flate:
        data = zlib.compress(data, 9)
        extra = (extra + b" " if extra else b"") + b"/Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"
