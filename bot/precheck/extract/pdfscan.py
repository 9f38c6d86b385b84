"""A PDF's streams measured before the PDF library opens the file.

A few hundred bytes of FlateDecode data can inflate to gigabytes, and a few megabytes of
page content can hold millions of drawing instructions; either makes the parser allocate
until it is killed.  :func:`scan_pdf` finds every stream in the file's bytes (without
parsing the object structure, so damage cannot hide one), decodes it with the filters its
dictionary names (Flate, LZW, run-length, ASCII hex and base-85, in any chain; data that
starts like a zlib stream is inflated whatever the dictionary says), stops as soon as a
limit is passed, and counts the page-content operators that cost the parser most memory.
Its own work is bounded too: every byte of the file is searched a bounded number of
times, and the bytes it decodes are counted against budgets.

It reads streams in plain bytes only: the streams of an encrypted file are not visible
to it (the parser's own limits, time and memory, still apply to those).
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

MB = 1 << 20

# Inflated size of one stream: page content (and anything not known to be binary) and
# binary streams (pictures, font programs, attachments, colour profiles).
MAX_CONTENT_STREAM_BYTES = 8 * MB
MAX_BINARY_STREAM_BYTES = 128 * MB
MAX_TOTAL_BYTES = 1024 * MB  # all streams of the file together
# Operators per content stream: text-showing ones (Tj TJ ' ") and graphics-state saves
# (q) make the parser build an object each; real pages have a few thousand.
MAX_TEXT_OPERATORS = 100_000
MAX_SAVE_OPERATORS = 500_000
MAX_INLINE_IMAGES = 20_000
MAX_INLINE_IMAGE_BYTES = 8 * MB
# The scan's own work: streams in the file; stream bytes read as they lie (unfiltered,
# hex or base-85 text), overlaps counted again; LZW and run-length input, decoded here
# byte by byte.  A real file within the size limit needs a small part of each.
MAX_STREAMS = 250_000
MAX_PLAIN_BYTES = 64 * MB
MAX_CODED_BYTES = 8 * MB

INFLATED = "pdf_inflated"  # a stream (or all of them) unpacks to too much data
CONTENT = "pdf_content"  # too many instructions in a stream, or too many streams

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_BINARY = re.compile(rb"/Subtype\s*/(?:Image|Type1C|CIDFontType0C|OpenType)\b|/Length[123]\b"
                     rb"|/Type\s*/EmbeddedFile\b|/N\s+[134]\s*[/>]")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)?")
_INLINE_FILTER = re.compile(rb"/F(?:ilter)?\s*(\[[^\]]*\]|/[A-Za-z0-9]+)?")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_INLINE_DATA = re.compile(rb"(?<![A-Za-z0-9])ID(?:\r\n|[\s])")
_FLATE = {b"FlateDecode", b"Fl"}
_LZW = {b"LZWDecode", b"LZW"}
_RUN_LENGTH = {b"RunLengthDecode", b"RL"}
_HEX = {b"ASCIIHexDecode", b"AHx"}
_A85 = {b"ASCII85Decode", b"A85"}
_KNOWN = _FLATE | _LZW | _RUN_LENGTH | _HEX | _A85
_LZW_TABLE = [bytes([i]) for i in range(256)] + [b"", b""]  # codes 256, 257: clear, end


class _TooMuch(Exception):
    """A limit was passed; ``detail`` says which."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass
class _Budget:
    total: int = MAX_TOTAL_BYTES
    plain: int = MAX_PLAIN_BYTES
    coded: int = MAX_CODED_BYTES

    def spend(self, n: int) -> None:
        """Bytes decoded."""
        self.total -= n
        if self.total < 0:
            raise _TooMuch(INFLATED)

    def read_plain(self, n: int) -> None:
        self.plain -= n
        if self.plain < 0:
            raise _TooMuch(CONTENT)

    def read_coded(self, n: int) -> None:
        self.coded -= n
        if self.coded < 0:
            raise _TooMuch(CONTENT)


class _Next:
    """The next position of ``needle`` at or after a position (the file's length when
    there is none).  Positions asked for only grow, so each needle's search covers the
    file once however many streams ask."""

    def __init__(self, data: bytes, needle: bytes) -> None:
        self.data, self.needle = data, needle
        self.searched_from, self.found = -1, -1

    def at(self, pos: int) -> int:
        if self.searched_from < 0 or pos < self.searched_from or 0 <= self.found < pos:
            self.searched_from, self.found = pos, self.data.find(self.needle, pos)
        return len(self.data) if self.found < 0 else self.found


def scan_pdf(path: Path) -> str | None:
    """``pdf_inflated`` or ``pdf_content`` when the PDF must not be parsed, else None."""
    data = Path(path).read_bytes()
    if data.count(b"stream") - data.count(b"endstream") > MAX_STREAMS:
        return CONTENT
    budget = _Budget()
    ends = {marker: _Next(data, marker) for marker in (b"endstream", b">", b"~>")}
    previous = 0
    try:
        for m in _STREAM.finditer(data):
            # The stream's dictionary follows its "obj" and the previous stream's keyword,
            # so no byte is searched twice.
            low = max(previous, m.start() - 65536)
            obj = data.rfind(b"obj", low, m.start())
            dictionary = data[obj + 3:m.start()] if obj >= 0 else \
                data[max(low, m.start() - 4096):m.start()]
            previous = m.end()
            _scan_stream(data, m.end(), dictionary, budget, ends)
    except _TooMuch as exc:
        return exc.detail
    return None


def _filters(dictionary: bytes, key: re.Pattern[bytes] = _FILTER) -> list[bytes] | None:
    """The filter names of a stream (or inline image) dictionary; None when they are not
    given directly (an indirect reference), [] when there is no filter."""
    found = list(key.finditer(dictionary))
    if not found:
        return []
    value = found[-1].group(1)
    if value is None:
        return None
    return _NAME.findall(value)


def _scan_stream(data: bytes, start: int, dictionary: bytes, budget: _Budget,
                 ends: dict[bytes, _Next]) -> None:
    binary = bool(_BINARY.search(dictionary))
    filters = _filters(dictionary)
    if filters is None or (not filters and _looks_zlib(data, start)):
        filters = [b"FlateDecode"]
    if any(f not in _KNOWN for f in filters):
        # A picture codec (DCT, JPX, JBIG2, CCITT) or encryption: nothing to measure
        # beyond what comes before it in the chain.
        filters = filters[: next(i for i, f in enumerate(filters) if f not in _KNOWN)]
        if not filters:
            return
        binary = True
    limit = MAX_BINARY_STREAM_BYTES if binary else MAX_CONTENT_STREAM_BYTES
    if not filters:  # plain bytes up to "endstream", measured where they lie
        end = ends[b"endstream"].at(start)
        budget.read_plain(end - start)
        if end - start > limit:
            raise _TooMuch(INFLATED)
        _count_operators(data, start, end, binary, budget)
        return
    out = _decode_at(data, start, filters, limit, budget, ends, binary)
    if out is None:
        return
    # A stream inflated again (a filter chain the dictionary does not tell) is peeled.
    for _ in range(3):
        if not _looks_zlib(out, 0):
            break
        out = _decode(out, 0, [b"FlateDecode"], limit, budget)
    _count_operators(out, 0, len(out), binary, budget)


def _decode_at(data: bytes, start: int, filters: list[bytes], limit: int, budget: _Budget,
               ends: dict[bytes, _Next], binary: bool) -> bytes | None:
    """Decode the stream data at ``start``; None when it is not worth decoding (LZW or
    run-length pictures, which the parser does not decode for text)."""
    first = filters[0]
    if first in _FLATE:  # zlib finds its own end
        return _decode(data, start, filters, limit, budget)
    if first in _HEX or first in _A85:
        end = ends[b">" if first in _HEX else b"~>"].at(start)
        budget.read_plain(end - start)
    else:
        if binary:
            return None
        end = ends[b"endstream"].at(start)
        budget.read_coded(end - start)
    return _decode(data[start:end], 0, filters, limit, budget)


def _looks_zlib(data: bytes | memoryview, at: int) -> bool:
    if len(data) < at + 2:
        return False
    cmf, flg = data[at], data[at + 1]
    return cmf & 0x0F == 8 and cmf >> 4 <= 7 and (cmf * 256 + flg) % 31 == 0


def _decode(data: bytes, start: int, filters: list[bytes], limit: int,
            budget: _Budget) -> bytes:
    """Apply ``filters`` in order to the data at ``start`` (its end is where the first
    filter's data ends); raises _TooMuch when an output passes ``limit``."""
    current: bytes | memoryview = memoryview(data)[start:]
    for name in filters:
        if name in _FLATE:
            current = _inflate(current, limit, budget)
        elif name in _LZW:
            current = _lzw(current, limit, budget)
        elif name in _RUN_LENGTH:
            current = _run_length(current, limit, budget)
        elif name in _HEX:
            current = _ascii_hex(current)
        elif name in _A85:
            current = _ascii85(current)
    return bytes(current)


def _inflate(data: bytes | memoryview, limit: int, budget: _Budget) -> bytes:
    d = zlib.decompressobj()
    out = bytearray()
    pos = 0
    try:
        while pos < len(data) and not d.eof:
            chunk = bytes(data[pos:pos + 65536])
            pos += len(chunk)
            while chunk:
                piece = d.decompress(chunk, MB)
                out += piece
                budget.spend(len(piece))
                if len(out) > limit:
                    raise _TooMuch(INFLATED)
                chunk = d.unconsumed_tail
                if d.eof:
                    break
    except zlib.error:
        pass  # damaged: the parser stops where this stops
    return bytes(out)


def _lzw(data: bytes | memoryview, limit: int, budget: _Budget) -> bytes:
    """LZW as PDF uses it (early change), stopping at the limit."""
    table = list(_LZW_TABLE)
    out = bytearray()
    width, prev = 9, b""
    bits = nbits = 0
    for byte in bytes(data):
        bits = (bits << 8) | byte
        nbits += 8
        while nbits >= width:
            nbits -= width
            code = (bits >> nbits) & ((1 << width) - 1)
            bits &= (1 << nbits) - 1
            if code == 256:
                del table[258:]
                width, prev = 9, b""
                continue
            if code == 257:
                return bytes(out)
            if code < len(table):
                entry = table[code]
            elif code == len(table) and prev:
                entry = prev + prev[:1]
            else:
                return bytes(out)  # damaged
            out += entry
            budget.spend(len(entry))
            if len(out) > limit:
                raise _TooMuch(INFLATED)
            if prev:
                table.append(prev + entry[:1])
            prev = entry
            if len(table) + 1 >= (1 << width) and width < 12:
                width += 1
    return bytes(out)


def _run_length(data: bytes | memoryview, limit: int, budget: _Budget) -> bytes:
    raw = bytes(data)
    out = bytearray()
    i = 0
    while i < len(raw):
        n = raw[i]
        if n == 128:
            break
        if n < 128:
            piece = raw[i + 1:i + 2 + n]
            i += 2 + n
        else:
            piece = raw[i + 1:i + 2] * (257 - n)
            i += 2
        out += piece
        budget.spend(len(piece))
        if len(out) > limit:
            raise _TooMuch(INFLATED)
    return bytes(out)


def _ascii_hex(data: bytes | memoryview) -> bytes:
    digits = re.sub(rb"[^0-9A-Fa-f]", b"", bytes(data).split(b">", 1)[0])
    if len(digits) % 2:
        digits += b"0"
    try:
        return binascii.unhexlify(digits)
    except binascii.Error:
        return b""


def _ascii85(data: bytes | memoryview) -> bytes:
    raw = re.sub(rb"\s", b"", bytes(data).split(b"~>", 1)[0])
    if raw.startswith(b"<~"):
        raw = raw[2:]
    try:
        return base64.a85decode(raw)
    except ValueError:
        return b""


def _count_operators(data: bytes, start: int, end: int, binary: bool, budget: _Budget) -> None:
    """Refuse content with more instructions than a page can hold sensibly.  In binary
    streams (where any byte value is common) only two-letter text operators count, and
    only when they are dense, as a flood of them is."""
    size = end - start
    if size < 64 * 1024:
        return
    text = data.count(b"Tj", start, end) + data.count(b"TJ", start, end)
    if binary:
        if text > MAX_TEXT_OPERATORS and text * 64 > size:
            raise _TooMuch(CONTENT)
        return
    text += data.count(b"'", start, end) + data.count(b'"', start, end)
    if text > MAX_TEXT_OPERATORS or data.count(b"q", start, end) > MAX_SAVE_OPERATORS:
        raise _TooMuch(CONTENT)
    # Inline images: each one's data follows "ID", its dictionary follows "BI" before it.
    images = 0
    image_ends = _Next(data, b"EI")
    for m in _INLINE_DATA.finditer(data, start, end):
        images += 1
        if images > MAX_INLINE_IMAGES:
            raise _TooMuch(CONTENT)
        bi = data.rfind(b"BI", max(start, m.start() - 1024), m.start())
        if bi < 0:
            continue
        filters = _filters(data[bi + 2:m.start()], _INLINE_FILTER)
        if filters is None or not filters or any(f not in _KNOWN for f in filters):
            continue
        if filters[0] in _FLATE:
            _decode(data, m.end(), filters, MAX_INLINE_IMAGE_BYTES, budget)
            continue
        stop = min(image_ends.at(m.end()), end)
        if filters[0] in _LZW or filters[0] in _RUN_LENGTH:
            budget.read_coded(stop - m.end())
        else:
            budget.read_plain(stop - m.end())
        _decode(data[m.end():stop], 0, filters, MAX_INLINE_IMAGE_BYTES, budget)
