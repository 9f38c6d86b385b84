"""Hand-written deflate, zip and PDF writers (sizes, offsets and headers can lie), and encrypted
PDFs.
"""

from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from tests.support.docgen import raw_pdf as pdf
from tests.support.docgen import raw_stream

# ---------------------------------------------------------------------------
# Deflate, zip and PDF writers (handcrafted, so that sizes, offsets and headers can lie)
# ---------------------------------------------------------------------------


@functools.cache
def _piece(data: bytes) -> bytes:
    """``data`` as byte-aligned, non-final deflate blocks: pieces can be concatenated."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    return co.compress(data) + co.flush(zlib.Z_FULL_FLUSH)


_FINAL_BLOCK = b"\x03\x00"  # an empty final block (fixed Huffman codes)


def deflate_parts(parts: Iterable[tuple[bytes, int]], *, crc: bool = True,
                  adler: bool = False) -> tuple[bytes, int, int, int]:
    """Raw deflate of each (data, times) repeated in turn, built from one compressed copy
    of each piece, so that GBs of input cost milliseconds.  Returns (compressed, crc32,
    adler32, inflated size); a checksum not asked for is 0."""
    out = bytearray()
    crc_value, adler_value, size = 0, 1, 0
    for data, times in parts:
        out += _piece(data) * times
        if crc:
            crc_value = _crc_after(crc_value, data, times)
        if adler:
            adler_value = _adler_after(adler_value, data, times)
        size += len(data) * times
    return bytes(out) + _FINAL_BLOCK, crc_value, adler_value, size


@functools.cache
def _crc_after(crc: int, data: bytes, times: int) -> int:
    for _ in range(times):
        crc = zlib.crc32(data, crc)
    return crc


@functools.cache
def _adler_after(adler: int, data: bytes, times: int) -> int:
    for _ in range(times):
        adler = zlib.adler32(data, adler)
    return adler


def deflate_repeat(chunk: bytes, times: int) -> tuple[bytes, int, int]:
    """Raw deflate of ``chunk`` repeated ``times`` times: (compressed, crc32, size)."""
    raw, crc, _, size = deflate_parts([(chunk, times)])
    return raw, crc, size


def zlib_parts(parts: Iterable[tuple[bytes, int]]) -> bytes:
    """A zlib stream (as PDF's FlateDecode wants) of each (data, times) in turn."""
    raw, _, adler, _ = deflate_parts(parts, crc=False, adler=True)
    return b"\x78\xda" + raw + struct.pack(">I", adler)


def zlib_repeat(chunk: bytes, times: int) -> bytes:
    """A zlib stream of ``chunk`` repeated ``times`` times."""
    return zlib_parts([(chunk, times)])


@dataclass
class ZipEntry:
    name: str | bytes
    data: bytes  # the bytes stored (compressed already, unless method is 0)
    crc: int
    usize: int  # declared inflated size
    method: int = 8
    flags: int = 0
    csize: int | None = None  # declared compressed size (default: len(data))
    share_local: int | None = None  # central entry pointing at an earlier entry's local data


def entry(name: str | bytes, payload: bytes, method: int = 8, **kw) -> ZipEntry:
    if method == 8:
        co = zlib.compressobj(6, zlib.DEFLATED, -15)
        data = co.compress(payload) + co.flush()
    elif method == 12:
        import bz2

        data = bz2.compress(payload)
    elif method == 14:
        import lzma

        filters = [{"id": lzma.FILTER_LZMA1, "preset": 0, "dict_size": 1 << 20}]
        raw = lzma.compress(payload, format=lzma.FORMAT_RAW, filters=filters)
        props = lzma._encode_filter_properties(filters[0])  # noqa: SLF001
        data = struct.pack("<BBH", 9, 4, len(props)) + props + raw
    else:
        data = payload
    return ZipEntry(name, data, zlib.crc32(payload), len(payload), method, **kw)


def build_zip(entries: list[ZipEntry], *, eocd_entries: int | None = None,
              force_zip64: bool = False) -> bytes:
    """A zip archive; zip64 records are written when sizes or counts need them."""
    out = bytearray()
    offsets: list[int] = []
    central = bytearray()
    for e in entries:
        name = e.name.encode() if isinstance(e.name, str) else e.name
        csize = len(e.data) if e.csize is None else e.csize
        if e.share_local is not None:
            offset = offsets[e.share_local]
        else:
            offset = len(out)
            big = force_zip64 or e.usize >= 0xFFFFFFFF or csize >= 0xFFFFFFFF
            extra = struct.pack("<HHQQ", 1, 16, e.usize, csize) if big else b""
            out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 45 if big else 20, e.flags,
                               e.method, 0, 0x21, e.crc, 0xFFFFFFFF if big else csize,
                               0xFFFFFFFF if big else e.usize, len(name), len(extra))
            out += name + extra + e.data
        offsets.append(offset)
        big = force_zip64 or e.usize >= 0xFFFFFFFF or csize >= 0xFFFFFFFF \
            or offset >= 0xFFFFFFFF
        extra = struct.pack("<HHQQQ", 1, 24, e.usize, csize, offset) if big else b""
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 45, 45 if big else 20,
                               e.flags, e.method, 0, 0x21, e.crc,
                               0xFFFFFFFF if big else csize, 0xFFFFFFFF if big else e.usize,
                               len(name), len(extra), 0, 0, 0, 0,
                               0xFFFFFFFF if big else offset)
        central += name + extra
    cd_offset = len(out)
    out += central
    count = len(entries) if eocd_entries is None else eocd_entries
    if count >= 0xFFFF or force_zip64:
        z64 = len(out)
        out += struct.pack("<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count,
                           len(central), cd_offset)
        out += struct.pack("<4sIQI", b"PK\x06\x07", 0, z64, 1)
    short = min(count, 0xFFFF)
    out += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, short, short, len(central),
                       min(cd_offset, 0xFFFFFFFF), 0)
    return bytes(out)


def zip_entries_of(data: bytes) -> list[ZipEntry]:
    """The entries of an ordinary zip (a DOCX), recompressed by this module's writer."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    return [entry(i.filename, zf.read(i.filename)) for i in zf.infolist()]


def docx_with(base: bytes, replace: dict[str, bytes] | None = None,
              extra: Iterable[ZipEntry] = (), drop: Iterable[str] = ()) -> bytes:
    replace = replace or {}
    drop = set(drop)
    out: list[ZipEntry] = []
    for e in zip_entries_of(base):
        if e.name in drop:
            continue
        if e.name in replace:
            e = entry(e.name, replace[e.name])
        out.append(e)
    out.extend(extra)
    return build_zip(out)


REGULATIONS = ("Examination Regulations",
               "1. Scope. These regulations govern all examinations leading to the "
               "qualifications of Global Welding Institute Ltd.",
               "2. Eligibility. Candidates must be at least 18 years old.",
               "3. Appeals. A candidate may appeal within 30 days.")


def content(lines: Iterable[str] = REGULATIONS) -> bytes:
    body = b" ".join(b"(%s) '" % s.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)")
                     for s in lines)
    return b"BT /F1 11 Tf 60 760 Td 16 TL " + body + b" ET"


def text_pdf_objects(lines: Iterable[str] = REGULATIONS) -> dict[int, bytes]:
    """Catalog 1, Pages 2, Page 3, content 4, font 5: one page of text (3.1)."""
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: raw_stream(content(lines)),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }


def page_dict(parent: int = 2, contents: bytes = b"4 0 R", extra: bytes = b"",
              resources: bytes = b"<< /Font << /F1 5 0 R >> >>") -> bytes:
    return (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %s "
            b"/Resources %s %s>>" % (parent, contents, resources, extra))


# ---------------------------------------------------------------------------
# PDF encryption (RC4 by reportlab; AES-128 and AES-256 by pypdf)
# ---------------------------------------------------------------------------


def encrypted_pdf(objects: dict[int, bytes], user: str, owner: str, revision: int) -> bytes:
    """``objects`` as a PDF encrypted with AES-128 (revision 4) or AES-256 (revision 6) under
    the standard security handler."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(objects))))
    writer.encrypt(user_password=user, owner_password=owner,
                   algorithm={4: "AES-128", 6: "AES-256"}[revision])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
