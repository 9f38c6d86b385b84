"""Hostile-file run: the pre-check against a generated corpus of malformed and hostile files.

Builds, in a temporary folder (or ``--out DIR``), more than 1,000 files: truncated and
bit-flipped PDFs and DOCX made from the test fixture generators (``tests/docgen.py``,
``tests/formgen.py``), zip bombs, XML entity bombs in DOCX parts, deeply nested and looping
PDF objects, PDF stream and operator bombs, huge page trees, encrypted PDFs and Office
files, wrong extensions, empty and blank files, and awkward file names (non-UTF-8 bytes,
very long, control characters).  Nothing is downloaded; the largest file is a few MB.

The corpus is then checked exactly as the product checks uploads: ``analyse_files`` with
the default limits and the process-wide parser pool, in packages of ``--package-size``
hostile files mixed with two good files each.  The run fails (exit status 1) when:

- an exception escapes ``analyse_files``, or the parser pool stops working;
- a hostile file gets no problem code (files that may legitimately survive their damage,
  such as a bit flip in a text run, must then read as the original did);
- a good file in a package gets a problem or the wrong material;
- a file hits the time or memory limit, or crashes its parser process (the sandbox
  contains these, but a file that can be refused early must be);
- a file's name comes back unprintable (not UTF-8, or with control characters);
- a problem code/detail has no specific message in Chinese and English.

Prints files tried, failures, the slowest file, the peak RSS of this process and of the
parser workers, and how many files got each problem code and detail.
Run: PYTHONPATH=. .venv/bin/python bench/hostile.py [--out DIR] [--seed N] [--group NAME]
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import io
import os
import random
import resource
import struct
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen import raw_stream  # noqa: E402

from tests.support.docgen import raw_pdf as pdf  # noqa: E402

MB = 1 << 20

# What a hostile file must come out as.
PROBLEM = "problem"  # some problem code (``want`` narrows which)
READ = "read"  # read correctly: no problem and the expected material (a harmless oddity)
EITHER = "either"  # damaged at random: a problem code, or read exactly as the original


@dataclass
class Case:
    path: Path
    group: str
    expect: str = PROBLEM
    want: tuple[str, ...] = ()  # acceptable problem codes (any when empty)
    materials: tuple[str, ...] = ()  # READ: the material; EITHER: the original's
    source: str = ""  # EITHER: the original fixture
    display: str | None = None  # the upload name given with the path (None: from the path)

    @property
    def label(self) -> str:
        name = os.fsencode(self.path.name)
        return f"{self.group}/{name.decode('utf-8', 'backslashreplace')}"


@dataclass
class Corpus:
    root: Path
    cases: list[Case] = field(default_factory=list)
    good: list[tuple[Path, str]] = field(default_factory=list)  # (path, material)
    sources: dict[str, Path] = field(default_factory=dict)
    seq: int = 0

    def path(self, group: str, suffix: str, stem: str = "") -> Path:
        self.seq += 1
        folder = self.root / group
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{self.seq:05d}{'_' + stem if stem else ''}{suffix}"

    def add(self, group: str, suffix: str, data: bytes, *, stem: str = "", **kw) -> Case:
        p = self.path(group, suffix, stem)
        p.write_bytes(data)
        case = Case(p, group, **kw)
        self.cases.append(case)
        return case


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
# PDF encryption (RC4 by reportlab; AES-128 and AES-256 written here)
# ---------------------------------------------------------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 255
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for b in data:
        i = (i + 1) & 255
        j = (j + s[i]) & 255
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) & 255])
    return bytes(out)


def _aes_cbc(key: bytes, iv: bytes, data: bytes, pad: bool = True) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    if pad:
        n = 16 - len(data) % 16
        data += bytes([n]) * n
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def _aes_ecb(key: bytes, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return enc.update(data) + enc.finalize()


def _hash_2b(password: bytes, salt: bytes, udata: bytes) -> bytes:
    """ISO 32000-2 algorithm 2.B (revision 6)."""
    k = hashlib.sha256(password + salt + udata).digest()
    i = 0
    while True:
        k1 = (password + k + udata) * 64
        e = _aes_cbc(k[:16], k[16:32], k1, pad=False)
        mod = sum(e[:16]) % 3
        k = (hashlib.sha256, hashlib.sha384, hashlib.sha512)[mod](e).digest()
        i += 1
        if i >= 64 and e[-1] <= i - 32:
            return k[:32]


def encrypted_pdf(objects: dict[int, bytes], user: str, owner: str, revision: int,
                  rng: random.Random) -> bytes:
    """``objects`` (streams only carry strings) encrypted with AES-128 (revision 4) or
    AES-256 (revision 6) under the standard security handler."""
    file_id = bytes(rng.getrandbits(8) for _ in range(16))
    perms = -4
    upw, opw = user.encode(), owner.encode()
    if revision == 4:
        def padded(pw: bytes) -> bytes:
            return (pw + _PAD)[:32]
        okey = hashlib.md5(padded(opw or upw)).digest()
        for _ in range(50):
            okey = hashlib.md5(okey).digest()
        o = _rc4(okey, padded(upw))
        for i in range(1, 20):
            o = _rc4(bytes(b ^ i for b in okey), o)
        key = hashlib.md5(padded(upw) + o + struct.pack("<i", perms) + file_id).digest()
        for _ in range(50):
            key = hashlib.md5(key).digest()
        u = _rc4(key, hashlib.md5(_PAD + file_id).digest())
        for i in range(1, 20):
            u = _rc4(bytes(b ^ i for b in key), u)
        u += bytes(16)
        enc = (b"<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 "
               b"/AuthEvent /DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF "
               b"/O <%s> /U <%s> /P %d >>" % (o.hex().encode(), u.hex().encode(), perms))

        def obj_key(num: int) -> bytes:
            return hashlib.md5(key + struct.pack("<I", num)[:3] + b"\0\0sAlT").digest()
    else:
        key = bytes(rng.getrandbits(8) for _ in range(32))
        uvs, uks, ovs, oks = (bytes(rng.getrandbits(8) for _ in range(8)) for _ in range(4))
        u = _hash_2b(upw, uvs, b"") + uvs + uks
        ue = _aes_cbc(_hash_2b(upw, uks, b""), bytes(16), key, pad=False)
        o = _hash_2b(opw, ovs, u) + ovs + oks
        oe = _aes_cbc(_hash_2b(opw, oks, u), bytes(16), key, pad=False)
        p_bytes = struct.pack("<i", perms) + b"\xff\xff\xff\xffTadb" + bytes(4)
        perms_enc = _aes_ecb(key, p_bytes)
        enc = (b"<< /Filter /Standard /V 5 /R 6 /Length 256 /CF << /StdCF << /CFM /AESV3 "
               b"/AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF "
               b"/O <%s> /U <%s> /OE <%s> /UE <%s> /Perms <%s> /P %d >>" % (
                   o.hex().encode(), u.hex().encode(), oe.hex().encode(), ue.hex().encode(),
                   perms_enc.hex().encode(), perms))

        def obj_key(num: int) -> bytes:
            return key
    out = {}
    for num, body in objects.items():
        marker = body.find(b"\nstream\n")
        if marker < 0:
            out[num] = body
            continue
        end = body.rfind(b"\nendstream")
        data = body[marker + 8:end]
        iv = bytes(rng.getrandbits(8) for _ in range(16))
        data = iv + _aes_cbc(obj_key(num), iv, data)
        out[num] = raw_stream(data, b"")
    enc_num = max(out) + 1
    out[enc_num] = enc
    return pdf(out, trailer=b"/Encrypt %d 0 R /ID [<%s><%s>] " % (
        enc_num, file_id.hex().encode(), file_id.hex().encode()))


# ---------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------

GOOD = (  # (file name, material, language) of the good files mixed into every package
    ("考试章程.pdf", "3.1", "zh"),
    ("Bank Reference Letter.pdf", "1.1.4", "en"),
    ("考试大纲.docx", "2.1", "zh"),
    ("Cooperation Agreement.docx", "4.2", "en"),
    ("营业执照.pdf", "1.2.1", "zh"),
    ("考点设置标准.docx", "3.3", "zh"),
    ("Sample Examination Paper.pdf", "2.3", "en"),
    ("合作协议书.pdf", "4.2", "zh"),
)


def build_sources(c: Corpus) -> None:
    """The fixtures that are damaged below, and the good files of the packages."""
    from tests.support import docgen, formgen

    src = c.root / "_sources"
    src.mkdir(parents=True, exist_ok=True)
    for name, material, lang in GOOD:
        path = docgen.write_sample(src / f"good_{name}", material, lang)
        c.good.append((path, material))
    s = c.sources
    s["pdf_zh_rules"] = docgen.write_sample(src / "a.pdf", "3.1", "zh")
    s["pdf_en_bank"] = docgen.write_sample(src / "b.pdf", "1.1.4", "en")
    s["pdf_fr_syllabus"] = docgen.write_sample(src / "c.pdf", "2.1", "fr")
    s["pdf_zh_licence"] = docgen.write_sample(src / "d.pdf", "1.2.1", "zh")
    title, body = docgen.SAMPLES["3.2"]["zh"]
    s["pdf_zh_pages"] = docgen.make_pdf(src / "e.pdf", [[title, *body]] + [[line] for line in
                                                                          body * 2],
                                        title=title)
    s["pdf_form"] = formgen.filled_annex1_pdf(src / "f.pdf")
    s["pdf_scan"] = docgen.make_image_pdf(src / "g.pdf", pages=2)
    s["pdf_handmade"] = src / "h.pdf"
    s["pdf_handmade"].write_bytes(pdf(text_pdf_objects()))
    s["docx_en_rules"] = docgen.write_sample(src / "i.docx", "3.1", "en")
    s["docx_zh_agreement"] = docgen.write_sample(src / "j.docx", "4.2", "zh")
    s["docx_de_register"] = docgen.write_sample(src / "k.docx", "1.1.1", "de")
    s["docx_form"] = formgen.filled_annex1_docx(src / "l.docx")
    t, b = docgen.SAMPLES["3.3"]["zh"]
    s["docx_rich"] = docgen.make_docx(src / "m.docx", [t, *b], tables=[[["项目", "要求"],
                                      ["场地", "200平方米"]]], header="考点设置标准",
                                      footer="第1页", sdt=["考点"], title=t)
    s["docx_annex2"] = formgen.filled_annex2_docx(src / "n.docx")
    s["docx_handmade"] = src / "o.docx"
    s["docx_handmade"].write_bytes(_docx_base())


def _suffix(source: str) -> str:
    return ".pdf" if source.startswith("pdf") else ".docx"


def build_truncated(c: Corpus, rng: random.Random) -> None:
    fractions = (0.0005, 0.002, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95,
                 0.99, 0.999)
    for key, path in c.sources.items():
        data = path.read_bytes()
        cuts = {max(1, int(len(data) * f)) for f in fractions}
        cuts |= {rng.randrange(1, len(data)) for _ in range(4)}
        if key.startswith("pdf"):
            for marker in (b"startxref", b"%%EOF", b"trailer", b"xref", b"endstream"):
                pos = data.rfind(marker)
                if pos > 0:
                    cuts.add(pos)
        else:
            for marker in (b"PK\x01\x02", b"PK\x05\x06"):
                pos = data.find(marker)
                if pos > 0:
                    cuts |= {pos, pos + 10}
            cuts.add(len(data) - 1)
        expect = EITHER if key.startswith("pdf") else PROBLEM
        for cut in sorted(cuts):
            c.add("truncated", _suffix(key), data[:cut], stem=key, expect=expect, source=key)


def build_bitflips(c: Corpus, rng: random.Random, per_source: int = 30) -> None:
    counts = (1, 1, 2, 3, 4, 8, 16, 32, 64, 256)
    for key, path in c.sources.items():
        data = path.read_bytes()
        for i in range(per_source):
            buf = bytearray(data)
            for _ in range(counts[i % len(counts)]):
                pos = rng.randrange(len(buf))
                buf[pos] ^= 1 << rng.randrange(8)
            c.add("bitflip", _suffix(key), bytes(buf), stem=key, expect=EITHER, source=key)
        for _ in range(8):  # a burst of random bytes
            buf = bytearray(data)
            n = rng.choice((16, 64, 512, 4096))
            pos = rng.randrange(max(1, len(buf) - n))
            buf[pos:pos + n] = bytes(rng.getrandbits(8) for _ in range(n))
            c.add("burst", _suffix(key), bytes(buf), stem=key, expect=EITHER, source=key)


def build_docx_xml_damage(c: Corpus, rng: random.Random) -> None:
    """Damage inside the XML parts, re-zipped properly: the XML parser meets it."""
    for key, path in c.sources.items():
        if not key.startswith("docx"):
            continue
        base = path.read_bytes()
        zf = zipfile.ZipFile(io.BytesIO(base))
        for i in range(12):
            part = ("word/document.xml", "word/styles.xml", "[Content_Types].xml",
                    "word/_rels/document.xml.rels", "_rels/.rels", "docProps/core.xml")[i % 6]
            xml = bytearray(zf.read(part))
            how = i // 6
            if how == 0:
                for _ in range(rng.choice((1, 4, 32))):
                    pos = rng.randrange(len(xml))
                    xml[pos] ^= 1 << rng.randrange(8)
            else:
                xml = xml[: rng.randrange(1, len(xml))]
            c.add("xml-damage", ".docx", docx_with(base, {part: bytes(xml)}), stem=key,
                  expect=EITHER, source=key)


def build_pdf_token_damage(c: Corpus, rng: random.Random) -> None:
    """Numbers in a PDF's structure replaced by others: wrong offsets, lengths, counts."""
    import re

    number = re.compile(rb"(?<=[\s\[<])\d{1,10}(?=[\s\]>/])")
    for key, path in c.sources.items():
        if not key.startswith("pdf"):
            continue
        data = path.read_bytes()
        spots = [m.span() for m in number.finditer(data[-8000:])]
        base = max(0, len(data) - 8000)
        for _ in range(10):
            buf = bytearray(data)
            for _ in range(rng.choice((1, 3, 10))):
                a, b = rng.choice(spots)
                value = str(rng.choice((0, 1, 2**31 - 1, 2**32 + 5, 99999999, -1,
                                        rng.randrange(100000)))).encode()
                value = value[: b - a].rjust(b - a, b"0")
                buf[base + a: base + b] = value
            c.add("pdf-token", ".pdf", bytes(buf), stem=key, expect=EITHER, source=key)


def _docx_base() -> bytes:
    from tests.support import docgen

    return docgen.docx_bytes(list(REGULATIONS))


def build_zip_bombs(c: Corpus) -> None:
    base = _docx_base()
    zeros = bytes(MB)
    group = "zip-bomb"
    for mb in (210, 1024, 4096):
        data, crc, size = deflate_repeat(zeros, mb)
        for lie in (False, True):
            e = ZipEntry("word/media/payload.bin", data, crc, 1024 if lie else size)
            c.add(group, ".docx", build_zip(zip_entries_of(base) + [e]),
                  stem=f"ratio_{mb}mb{'_lying' if lie else ''}", want=("too_large",))
    # the document part itself: an XML body padded with GBs of whitespace
    doc = zipfile.ZipFile(io.BytesIO(base)).read("word/document.xml")
    head, tail = doc.split(b"<w:body>", 1)
    for mb, lie in ((300, False), (300, True), (2048, True)):
        data, crc, _, size = deflate_parts([(head + b"<w:body>", 1), (b" " * MB, mb),
                                            (tail, 1)])
        entries = [e for e in zip_entries_of(base) if e.name != "word/document.xml"]
        entries.append(ZipEntry("word/document.xml", data, crc, 40_000 if lie else size))
        c.add(group, ".docx", build_zip(entries), stem=f"document_xml_{mb}mb"
              f"{'_lying' if lie else ''}", want=("too_large",))
    # a big but not huge document: dense paragraphs under the inflated-size limit
    para = b"<w:p><w:r><w:t>Examination regulations</w:t></w:r></w:p>" * 1000
    for mb in (60, 150, 190):  # 60 MB: just under the XML limit, read within memory
        data, crc, _, size = deflate_parts([(head + b"<w:body>", 1), (para, mb * MB // len(para)),
                                            (tail, 1)])
        entries = [e for e in zip_entries_of(base) if e.name != "word/document.xml"]
        entries.append(ZipEntry("word/document.xml", data, crc, size))
        if mb < 64:
            c.add(group, ".docx", build_zip(entries), stem=f"dense_document_{mb}mb",
                  expect=READ, materials=("3.1",))
        else:
            c.add(group, ".docx", build_zip(entries), stem=f"dense_document_{mb}mb",
                  want=("too_large",))
    # many entries
    for n in (5001, 20000, 70000):
        extra = [entry(f"customXml/item{i}.xml", b"<a/>", method=0) for i in range(n)]
        c.add(group, ".docx", build_zip(zip_entries_of(base) + extra), stem=f"entries_{n}",
              want=("too_large",))
    extra = [entry(f"customXml/item{i}.xml", b"<a/>", method=0) for i in range(6000)]
    c.add(group, ".docx", build_zip(zip_entries_of(base) + extra, eocd_entries=12),
          stem="entries_6000_eocd_says_12", want=("too_large",))
    # overlapping entries: many directory entries share one 100 MB kernel
    data, crc, size = deflate_repeat(zeros, 100)
    for lie in (False, True):
        entries = zip_entries_of(base)
        first = len(entries)
        entries.append(ZipEntry("word/media/k0.bin", data, crc, 1000 if lie else size))
        for i in range(1, 200):
            entries.append(ZipEntry(f"word/media/k{i}.bin", data, crc, 1000 if lie else size,
                                    share_local=first))
        c.add(group, ".docx", build_zip(entries), stem=f"overlap{'_lying' if lie else ''}",
              want=("too_large",))
    # declared sizes larger than the truth
    entries = zip_entries_of(base)
    entries[-1].usize = 3 << 30
    c.add(group, ".docx", build_zip(entries), stem="declares_3gb", want=("too_large",))
    # other compression methods, lying about their size
    for method, label in ((12, "bzip2"), (14, "lzma")):
        payload = bytes(240 * MB)
        e = entry("word/media/payload.bin", payload, method=method)
        e.usize = 1000
        c.add(group, ".docx", build_zip(zip_entries_of(base) + [e]), stem=f"{label}_lying",
              want=("too_large",))
        del payload
    for method, label in ((12, "bzip2"), (14, "lzma")):  # damaged compressed data
        e = entry("word/document.xml", zipfile.ZipFile(io.BytesIO(base)).read(
            "word/document.xml"), method=method)
        e.data = e.data[:4] + b"\xff" * 5 + e.data[9:] if method == 14 else \
            e.data[:10] + b"\xff" * 8 + e.data[18:]
        entries = [x for x in zip_entries_of(base) if x.name != "word/document.xml"] + [e]
        c.add(group, ".docx", build_zip(entries), stem=f"{label}_damaged",
              want=("unreadable",))
    e = entry("word/document.xml", zipfile.ZipFile(io.BytesIO(base)).read("word/document.xml"),
              method=99)
    entries = [x for x in zip_entries_of(base) if x.name != "word/document.xml"] + [e]
    c.add(group, ".docx", build_zip(entries), stem="unknown_method", want=("unreadable",))
    entries = zip_entries_of(base)
    for x in entries:
        x.flags |= 1  # "encrypted" entries
    c.add(group, ".docx", build_zip(entries), stem="zip_encrypted_entries",
          want=("unreadable", "encrypted"))
    # nested archives
    inner = base
    for depth in range(1, 4):
        inner = build_zip([entry(f"level{depth}.docx", inner)])
        c.add(group, ".docx", inner, stem=f"nested_{depth}", want=("unsupported_type",))
    data, crc, size = deflate_repeat(zeros, 1024)
    bomb = build_zip([ZipEntry(f"z{i}.bin", data, crc, size) for i in range(16)])
    c.add(group, ".pdf", build_zip([entry(f"inner{i}.zip", bomb) for i in range(16)]),
          stem="42_style", want=("unsupported_type", "too_large"))
    c.add(group, ".docx", build_zip(zip_entries_of(base) + [entry(
        "word/embeddings/oleObject1.bin", bomb)]), stem="embedded_zip_bomb", expect=READ,
        materials=("3.1",))
    # two word/document.xml entries: a harmless one and a bomb
    doc_entry = entry("word/document.xml", doc)
    data, crc, size = deflate_repeat(zeros, 600)
    c.add(group, ".docx", build_zip(zip_entries_of(base) + [ZipEntry("word/document.xml",
          data, crc, 2000)]), stem="duplicate_document_bomb", want=("too_large",))
    c.add(group, ".docx", build_zip([doc_entry] + zip_entries_of(base)),
          stem="duplicate_document", expect=EITHER, source="docx_handmade")


LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;")
                                                    * 10) for i in range(1, 10)) + b"]>")
QUADRATIC = b'<!DOCTYPE q [<!ENTITY a "' + b"A" * 50_000 + b'">]>'
XXE_FILE = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
XXE_HTTP = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>'
EXTERNAL_DTD = b'<!DOCTYPE x SYSTEM "http://127.0.0.1:9/evil.dtd">'
PARAMETER = b'<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
PUBLIC_DTD = b'<!DOCTYPE x PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://127.0.0.1:9/x.dtd">'


def _with_dtd(xml: bytes, dtd: bytes, ref: bytes = b"", comment: int = 0) -> bytes:
    """``dtd`` put after the XML declaration, ``ref`` into the first text or attribute."""
    decl_end = xml.find(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    pad = b"<!--" + b"x" * comment + b"-->" if comment else b""
    rest = xml[decl_end:]
    if ref:
        pos = rest.find(b"</w:t>")
        if pos < 0:
            pos = rest.find(b"</")
        rest = rest[:pos] + ref + rest[pos:]
    return xml[:decl_end] + pad + dtd + rest


def build_xml_bombs(c: Corpus) -> None:
    from tests.support import docgen

    base = docgen.docx_bytes(list(REGULATIONS), header="Examination Regulations",
                             title="Examination Regulations")
    zf = zipfile.ZipFile(io.BytesIO(base))
    names = set(zf.namelist())
    parts = [p for p in ("word/document.xml", "word/styles.xml", "docProps/app.xml",
                         "docProps/core.xml", "[Content_Types].xml", "_rels/.rels",
                         "word/_rels/document.xml.rels", "word/settings.xml",
                         "word/header1.xml", "word/numbering.xml", "word/fontTable.xml")
             if p in names]
    variants = (("laughs", LAUGHS, b"&lol9;"), ("quadratic", QUADRATIC, b"&a;" * 2000),
                ("xxe_file", XXE_FILE, b"&xxe;"), ("xxe_http", XXE_HTTP, b"&xxe;"),
                ("external_dtd", EXTERNAL_DTD, b""), ("parameter", PARAMETER, b""),
                ("public_dtd", PUBLIC_DTD, b""))
    for part in parts:
        xml = zf.read(part)
        for label, dtd, ref in variants:
            text_ref = ref if part in ("word/document.xml", "word/header1.xml") else b""
            c.add("xml-bomb", ".docx", docx_with(base, {part: _with_dtd(xml, dtd, text_ref)}),
                  stem=f"{label}_{part.replace('/', '_')}", want=("unreadable",))
    doc = zf.read("word/document.xml")
    tricky = {
        "after_long_comment": _with_dtd(doc, LAUGHS, b"&lol9;", comment=200_000),
        "utf16": _with_dtd(doc, LAUGHS, b"&lol9;").decode().replace(
            "encoding='UTF-8'", "encoding='UTF-16'").replace(
            'encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
        "utf16_no_bom": _with_dtd(doc, LAUGHS, b"&lol9;").decode().replace(
            "encoding='UTF-8'", "encoding='UTF-16'").replace(
            'encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"),
        "no_declaration": _with_dtd(doc[doc.find(b"?>") + 2:].lstrip(), LAUGHS, b"&lol9;"),
        "ebcdic": doc.decode().replace("encoding='UTF-8'", "encoding='IBM037'").replace(
            'encoding="UTF-8"', 'encoding="IBM037"').encode("cp037"),
        "undefined_entity": doc.replace(b"</w:t>", b"&nothing;</w:t>", 1),
    }
    for label, xml in tricky.items():
        c.add("xml-bomb", ".docx", docx_with(base, {"word/document.xml": xml}), stem=label,
              want=("unreadable",))
    # the main part under another name, found through the relationships
    rels = zf.read("_rels/.rels").replace(b"word/document.xml", b"word/main.dat")
    types = zf.read("[Content_Types].xml").replace(b"/word/document.xml", b"/word/main.dat")
    c.add("xml-bomb", ".docx", docx_with(
        base, {"_rels/.rels": rels, "[Content_Types].xml": types},
        extra=[entry("word/main.dat", _with_dtd(doc, LAUGHS, b"&lol9;"))],
        drop=["word/document.xml"]), stem="renamed_main_part",
        want=("unreadable", "unsupported_type"))
    # XInclude is not processed: an ordinary document
    xi = doc.replace(b"<w:body>", b'<w:body><xi:include xmlns:xi="http://www.w3.org/2001/'
                     b'XInclude" href="file:///etc/passwd" parse="text"/>', 1)
    c.add("xml-bomb", ".docx", docx_with(base, {"word/document.xml": xi}), stem="xinclude",
          expect=READ, materials=("3.1",))
    # an SVG picture with a DOCTYPE is a picture, not a part the reader parses
    svg = (b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
           b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/'
           b'2000/svg" width="1" height="1"/>')
    types_svg = zf.read("[Content_Types].xml").replace(
        b"</Types>", b'<Default Extension="svg" ContentType="image/svg+xml"/></Types>')
    c.add("xml-bomb", ".docx", docx_with(base, {"[Content_Types].xml": types_svg},
                                         extra=[entry("word/media/image1.svg", svg)]),
          stem="svg_with_doctype", expect=READ, materials=("3.1",))


def build_pdf_structure(c: Corpus) -> None:
    g = "pdf-structure"
    o = text_pdf_objects()
    for depth in (1000, 20_000, 300_000):
        x = dict(o)
        x[6] = b"[" * depth + b"]" * depth
        x[1] = b"<< /Type /Catalog /Pages 2 0 R /Deep 6 0 R >>"
        c.add(g, ".pdf", pdf(x), stem=f"nested_array_{depth}", expect=EITHER,
              source="pdf_handmade")
        x = dict(o)
        x[3] = page_dict(extra=b"/Deep " + b"<< /A " * depth + b">> " * depth)
        c.add(g, ".pdf", pdf(x), stem=f"nested_dict_{depth}", expect=EITHER,
              source="pdf_handmade")
        x = dict(o)
        x[4] = raw_stream(content() + b" BT " + b"[" * depth + b"]" * depth + b" TJ ET", flate=True)
        c.add(g, ".pdf", pdf(x), stem=f"nested_operand_{depth}", expect=EITHER,
              source="pdf_handmade")
        x = dict(o)
        x[3] = page_dict(resources=b"<< /Font << /F1 5 0 R >> /X " + b"[" * depth
                         + b"]" * depth + b" >>")
        c.add(g, ".pdf", pdf(x), stem=f"nested_resources_{depth}", expect=EITHER,
              source="pdf_handmade")
    for depth in (300, 5000, 60_000):
        x = dict(o)
        for i in range(depth):
            kid = b"%d 0 R" % (11 + i) if i < depth - 1 else b"3 0 R"
            x[10 + i] = b"<< /Type /Pages /Kids [%s] /Count 1 /Parent %d 0 R >>" % (
                kid, 9 + i if i else 2)
        x[2] = b"<< /Type /Pages /Kids [10 0 R] /Count 1 >>"
        x[3] = page_dict(parent=9 + depth)
        c.add(g, ".pdf", pdf(x), stem=f"kids_chain_{depth}", expect=EITHER,
              source="pdf_handmade")
        x = dict(o)
        for i in range(depth):  # a /Parent chain the page inherits its resources through
            x[10 + i] = b"<< /Type /Pages /Parent %d 0 R >>" % (11 + i) if i < depth - 1 \
                else b"<< /Type /Pages /Resources << /Font << /F1 5 0 R >> >> >>"
        x[2] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 10 0 R >>"
        x[3] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"
        c.add(g, ".pdf", pdf(x), stem=f"parent_chain_{depth}", expect=EITHER,
              source="pdf_handmade")
    loops = {
        "kids_self": {2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"},
        "kids_self_no_count": {2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] >>"},
        "kids_cycle": {2: b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
                       6: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 /Parent 2 0 R >>"},
        "parent_cycle": {3: page_dict(parent=6),
                         6: b"<< /Type /Pages /Parent 7 0 R >>",
                         7: b"<< /Type /Pages /Parent 6 0 R >>"},
        "pages_is_page": {1: b"<< /Type /Catalog /Pages 3 0 R >>"},
        "ref_self": {1: b"<< /Type /Catalog /Pages 6 0 R >>", 6: b"6 0 R"},
        "ref_pair": {1: b"<< /Type /Catalog /Pages 6 0 R >>", 6: b"7 0 R", 7: b"6 0 R"},
        "length_self": {4: b"<< /Length 4 0 R >>\nstream\n" + content() + b"\nendstream"},
        "contents_self": {3: page_dict(contents=b"3 0 R")},
        "contents_array_loop": {3: page_dict(contents=b"6 0 R"), 6: b"[4 0 R 6 0 R]"},
        "font_loop": {5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                      b"/Encoding 5 0 R >>"},
        "resources_loop": {3: page_dict(resources=b"6 0 R"),
                           6: b"<< /Font 6 0 R /XObject 6 0 R >>"},
        "outline_loop": {1: b"<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>",
                         6: b"<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
                         7: b"<< /Title (a) /Parent 6 0 R /Next 7 0 R /Prev 7 0 R "
                            b"/First 7 0 R >>"},
        "xobject_form_loop": {3: page_dict(contents=b"6 0 R", resources=b"<< /Font << /F1 5 0 R "
                                           b">> /XObject << /X1 7 0 R >> >>"),
                              6: raw_stream(b"/X1 Do " + content()),
                              7: raw_stream(b"/X1 Do", b"/Type /XObject /Subtype /Form "
                                            b"/BBox [0 0 1 1] /Resources << /XObject << "
                                            b"/X1 7 0 R >> >>")},
        "huge_object_number": {1: b"<< /Type /Catalog /Pages 2147483646 0 R >>"},
        "count_negative": {2: b"<< /Type /Pages /Kids [3 0 R] /Count -5 >>"},
        "count_huge": {2: b"<< /Type /Pages /Kids [3 0 R] /Count 4000000000 >>"},
        "count_lie": {2: b"<< /Type /Pages /Kids [3 0 R] /Count 999999999 >>"},
        "no_kids": {2: b"<< /Type /Pages /Count 10 >>"},
    }
    for label, change in loops.items():
        x = dict(o)
        x.update(change)
        c.add(g, ".pdf", pdf(x), stem=label, expect=EITHER, source="pdf_handmade")
    # cross-reference sections that loop or lie
    body = pdf(o)
    xref_at = int(body.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    loop = body.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % xref_at)
    c.add(g, ".pdf", loop, stem="xref_prev_self", expect=EITHER, source="pdf_handmade")
    c.add(g, ".pdf", body.replace(b"xref\n0 6\n", b"xref\n0 99999999\n"),
          stem="xref_declares_99999999", expect=EITHER, source="pdf_handmade")
    c.add(g, ".pdf", body.replace(b"startxref\n%d" % xref_at, b"startxref\n99999999999"),
          stem="startxref_beyond_end", expect=EITHER, source="pdf_handmade")
    c.add(g, ".pdf", body.replace(b"startxref\n%d" % xref_at, b"startxref\n-5"),
          stem="startxref_negative", expect=EITHER, source="pdf_handmade")
    many = dict(o)
    for i in range(6, 150_000):
        many[i] = b"%d" % i
    c.add(g, ".pdf", pdf(many), stem="150000_objects", expect=EITHER, source="pdf_handmade")
    # an xref stream whose /Prev points at itself, and one with absurd /W and /Index
    xs = dict(o)
    xs[6] = raw_stream(zlib.compress(b"\0" * 28), b"/Type /XRef /Size 7 /W [1 2 1] "
                       b"/Index [0 7] /Filter /FlateDecode /Root 1 0 R /Prev 0")
    c.add(g, ".pdf", pdf(xs), stem="xref_stream_junk", expect=EITHER, source="pdf_handmade")
    xs[6] = raw_stream(zlib.compress(b"\0" * 28), b"/Type /XRef /Size 2000000000 "
                       b"/W [4 4 4] /Index [0 2000000000] /Filter /FlateDecode /Root 1 0 R")
    c.add(g, ".pdf", pdf(xs), stem="xref_stream_huge_index", expect=EITHER,
          source="pdf_handmade")


def build_pdf_bombs(c: Corpus) -> None:
    from tests.support import docgen

    g = "pdf-bomb"
    o = text_pdf_objects()
    zeros = bytes(MB)

    def with_content(data: bytes, extra: bytes, label: str, **kw) -> None:
        x = dict(o)
        x[6] = raw_stream(data, extra)
        x[3] = page_dict(contents=b"[4 0 R 6 0 R]")
        c.add(g, ".pdf", pdf(x), stem=label, want=kw.pop("want", ("too_large",)), **kw)

    for mb in (300, 1024, 4096):
        with_content(zlib_repeat(zeros, mb), b"/Filter /FlateDecode", f"content_zeros_{mb}mb")
    with_content(zlib_repeat(b" " * MB, 1024), b"/Filter /Fl", "content_spaces_abbreviated")
    double = zlib.compress(zlib_repeat(zeros, 4096), 9)
    with_content(double, b"/Filter [/FlateDecode /FlateDecode]", "content_double_flate_4gb")
    triple = zlib.compress(zlib.compress(zlib_repeat(zeros, 4096), 9), 9)
    with_content(triple, b"/Filter [/FlateDecode /FlateDecode /FlateDecode]",
                 "content_triple_flate")
    with_content(zlib_repeat(zeros, 1024), b"/Filter /FlateDecode /Subtype /Image "
                 b"/Width 10 /Height 10", "content_posing_as_image")
    indirect = dict(o)
    indirect[6] = raw_stream(zlib_repeat(zeros, 1024), b"/Filter 7 0 R")
    indirect[7] = b"/FlateDecode"
    indirect[3] = page_dict(contents=b"[4 0 R 6 0 R]")
    c.add(g, ".pdf", pdf(indirect), stem="content_filter_indirect", want=("too_large",))
    # many content streams on one page, each "only" 40 MB
    x = dict(o)
    piece = zlib_repeat(zeros, 40)
    refs = []
    for i in range(30):
        x[10 + i] = raw_stream(piece, b"/Filter /FlateDecode")
        refs.append(b"%d 0 R" % (10 + i))
    x[3] = page_dict(contents=b"[4 0 R " + b" ".join(refs) + b"]")
    c.add(g, ".pdf", pdf(x), stem="content_30x40mb", want=("too_large",))
    # text and graphics operator floods (tens of MB of operators per page)
    floods = {"text_show": b"(AAAAAAA) Tj ", "text_quote": b"(A) ' ", "text_array": b"[(A)-9(B)]TJ ",
              "save_state": b"q ", "rectangles": b"0 0 1 1 re f ", "paths": b"0 0 m 1 1 l S ",
              "text_objects": b"BT /F1 9 Tf (A) Tj ET ", "inline_images":
              b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI "}
    for label, op in floods.items():
        for mb in (6, 64):
            chunk = op * (MB // len(op))
            data = zlib_parts([(b"BT /F1 9 Tf 60 700 Td ", 1), (chunk, mb), (b" ET", 1)])
            if mb < 8:  # heavy but legal pages: refused (too many operators) or read
                with_content(data, b"/Filter /FlateDecode", f"flood_{label}_{mb}mb",
                             expect=EITHER, source="pdf_handmade", want=())
            else:
                with_content(data, b"/Filter /FlateDecode", f"flood_{label}_{mb}mb")
    # a small text page whose inline image inflates to GBs
    img = zlib_repeat(zeros, 2048)
    data = content() + b" BI /W 65535 /H 65535 /BPC 8 /CS /G /F /Fl ID " + img + b" EI"
    x = dict(o)
    x[4] = raw_stream(data)
    c.add(g, ".pdf", pdf(x), stem="inline_image_bomb", want=("too_large",))
    # an object stream that inflates to GBs, referenced from an xref stream
    objstm = zlib_repeat(zeros, 2048)
    x = dict(o)
    x[6] = raw_stream(objstm, b"/Type /ObjStm /N 1 /First 10 /Filter /FlateDecode")
    body = pdf(x)
    c.add(g, ".pdf", body.replace(b"/Root 1 0 R", b"/Root 1 0 R /X 6 0 R"),
          stem="object_stream_bomb", want=("too_large",))
    c.add(g, ".pdf", _xref_stream_pdf(objstm), stem="object_stream_bomb_in_use",
          want=("too_large",))
    # font program, ToUnicode map, metadata and picture streams that inflate to GBs
    x = dict(o)
    x[5] = (b"<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 "
            b"/Widths [] /FontDescriptor 7 0 R /ToUnicode 8 0 R >>")
    x[7] = (b"<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] "
            b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 "
            b"/FontFile2 9 0 R >>")
    x[8] = raw_stream(zlib_repeat(zeros, 1024), b"/Filter /FlateDecode")
    x[9] = raw_stream(zlib_repeat(zeros, 1024), b"/Filter /FlateDecode /Length1 1000")
    c.add(g, ".pdf", pdf(x), stem="font_and_cmap_bomb", want=("too_large",))
    x = dict(o)
    x[1] = b"<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>"
    x[6] = raw_stream(zlib_repeat(b" " * MB, 2048), b"/Type /Metadata /Subtype /XML "
                      b"/Filter /FlateDecode")
    c.add(g, ".pdf", pdf(x), stem="metadata_bomb", want=("too_large",))
    x = dict(o)
    x[3] = page_dict(resources=b"<< /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >>")
    x[4] = raw_stream(content() + b" q 100 0 0 100 0 0 cm /Im1 Do Q")
    x[6] = raw_stream(zlib_repeat(zeros, 2048), b"/Type /XObject /Subtype /Image /Width 100 "
                      b"/Height 100 /BitsPerComponent 8 /ColorSpace /DeviceGray "
                      b"/Filter /FlateDecode")
    c.add(g, ".pdf", pdf(x), stem="image_bomb", want=("too_large",))
    # predictors and parameters that ask for huge buffers
    x = dict(o)
    x[4] = raw_stream(zlib.compress(content()), b"/Filter /FlateDecode /DecodeParms "
                      b"<< /Predictor 15 /Columns 2000000000 /Colors 4 /BitsPerComponent 16 >>")
    c.add(g, ".pdf", pdf(x), stem="predictor_columns_huge", expect=EITHER,
          source="pdf_handmade")
    # LZW and run-length streams
    with_content(docgen.lzw_bomb(3_000_000), b"/Filter /LZWDecode", "lzw_bomb", expect=EITHER,
                 source="pdf_handmade", want=())
    with_content(b"\x81\x00" * 1_500_000 + b"\x80", b"/Filter /RunLengthDecode",
                 "runlength_bomb", expect=EITHER, source="pdf_handmade", want=())
    # many pages whose content is one shared text bomb
    x = dict(o)
    x[6] = raw_stream(zlib.compress(b"BT /F1 9 Tf " + b"(AAAA) Tj " * 400_000 + b" ET", 6),
                      b"/Filter /FlateDecode")
    x[2] = b"<< /Type /Pages /Kids [" + b"3 0 R " * 500 + b"] /Count 500 >>"
    x[3] = page_dict(contents=b"6 0 R")
    c.add(g, ".pdf", pdf(x), stem="shared_text_bomb_500_pages", want=("too_large",))


def build_scanner_attacks(c: Corpus) -> None:
    """Files aimed at the stream scan itself: many streams, search windows without end."""
    g = "pdf-bomb"
    head = b"%PDF-1.7\n1 0 obj<< /Type /Catalog /Pages 2 0 R >>endobj\n"
    cases = {
        "400000_tiny_streams": head + b"".join(
            b"%d 0 obj<< /Length 0 >>stream\nendstream endobj\n" % i for i in range(3, 400_000)),
        "1000000_bare_stream_keywords": head + b"stream\nendstream\n" * 1_000_000,
        "stream_keywords_without_end": head + b"stream\n" * 1_000_000,
        "far_dictionary": head + b"3 0 obj\n<<" + b"/A " * 6_000_000 + b">>stream\n" * 50,
        "begin_image_flood": head + b"3 0 obj<< /Length 7000000 >>stream\n" + b"BI "
        * 2_300_000 + b"\nendstream endobj",
        "lzw_streams_without_end": head + (b"obj<< /Filter /LZWDecode >>stream\n" + bytes(50))
        * 200_000,
        "base85_streams_without_end": head + (b"obj<< /Filter /A85 >>stream\n" + b"!!!!!" * 10)
        * 200_000,
        "inline_lzw_flood": head + b"3 0 obj<<>>stream\n" + b"BI /F /LZW ID \x00\x00 EI "
        * 400_000 + b"endstream",
        "inline_flate_flood": head + b"3 0 obj<<>>stream\n" + b"BI /F /Fl ID x\x9c EI "
        * 90_000 + b"endstream",
    }
    for label, data in cases.items():
        c.add(g, ".pdf", data, stem=label)


def build_form_floods(c: Corpus) -> None:
    """Registration forms (read a second time for their tables) with thousands of
    rectangles: the table reader must not spend the time limit on them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tests.support import docgen, formgen

    font = docgen._cid_font()  # noqa: SLF001 - the fixtures' CJK font
    for n in (15_000, 100_000, 400_000):
        p = c.path("pdf-bomb", ".pdf", f"form_with_{n}_rectangles")
        cv = canvas.Canvas(str(p), pagesize=A4)
        cv.setFont(font, 9)
        y = 800
        for line in formgen.annex1_text_lines():
            cv.drawString(40, y, line[:60])
            y -= 11
            if y < 40:
                break
        cv._code.append(" ".join(["0 0 1 1 re f"] * n))  # noqa: SLF001 - raw operators
        cv.showPage()
        cv.save()
        c.cases.append(Case(p, "pdf-bomb", READ, materials=("4.1",)))


def _xref_stream_pdf(objstm: bytes) -> bytes:
    """A PDF 1.5 file whose objects 1-5 live in a (bomb) object stream."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    pos6 = len(out)
    out += b"6 0 obj\n" + raw_stream(objstm, b"/Type /ObjStm /N 5 /First 40 "
                                    b"/Filter /FlateDecode") + b"\nendobj\n"
    pos7 = len(out)
    rows = [b"\x00" + struct.pack(">I", 0) + b"\xff\xff"]
    rows += [b"\x02" + struct.pack(">I", 6) + struct.pack(">H", i) for i in range(5)]
    rows += [b"\x01" + struct.pack(">I", pos6) + b"\x00\x00",
             b"\x01" + struct.pack(">I", pos7) + b"\x00\x00"]
    data = zlib.compress(b"".join(rows))
    out += b"7 0 obj\n" + raw_stream(data, b"/Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R "
                                     b"/Filter /FlateDecode") + b"\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % pos7
    return bytes(out)


def build_page_counts(c: Corpus) -> None:
    g = "pages"
    o = text_pdf_objects()
    for n in (2001, 10_000, 100_000, 1_000_000):
        x = dict(o)
        x[2] = b"<< /Type /Pages /Kids [" + b"3 0 R " * n + b"] /Count %d >>" % n
        c.add(g, ".pdf", pdf(x), stem=f"one_page_object_{n}_times", want=("too_large",))
    x = dict(o)
    x[2] = b"<< /Type /Pages /Kids [" + b"3 0 R " * 100_000 + b"] >>"
    c.add(g, ".pdf", pdf(x), stem="100000_kids_no_count", want=("too_large",))
    for fan, depth in ((10, 4), (10, 6), (16, 8)):  # a tree whose nodes are shared: fan**depth
        x = dict(o)
        for level in range(depth):
            kid = b"%d 0 R " % (11 + level) if level < depth - 1 else b"3 0 R "
            x[10 + level] = b"<< /Type /Pages /Kids [" + kid * fan + b"] /Count %d >>" % (
                fan ** (depth - level))
        x[2] = b"<< /Type /Pages /Kids [10 0 R] /Count %d >>" % fan ** depth
        c.add(g, ".pdf", pdf(x), stem=f"shared_tree_{fan}^{depth}", want=("too_large",
                                                                          "unreadable"))
        for level in range(depth):
            x[10 + level] = x[10 + level].split(b"/Count")[0] + b">>"
        x[2] = b"<< /Type /Pages /Kids [10 0 R] >>"
        c.add(g, ".pdf", pdf(x), stem=f"shared_tree_{fan}^{depth}_no_count",
              want=("too_large", "unreadable"))
    # distinct page objects sharing one content stream
    for n, expect in ((1999, READ), (2500, PROBLEM)):
        x = dict(o)
        kids = []
        for i in range(n):
            x[10 + i] = page_dict()
            kids.append(b"%d 0 R" % (10 + i))
        x[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n
        del x[3]
        if expect == READ:
            c.add(g, ".pdf", pdf(x), stem=f"{n}_pages", expect=READ, materials=("3.1",))
        else:
            c.add(g, ".pdf", pdf(x), stem=f"{n}_pages", want=("too_large",))
    # blank pages without end: a /Count 1,000,000 tree made of 1,000 nodes of 1,000 kids
    x = dict(o)
    x[6] = b"<< /Type /Pages /Kids [" + b"3 0 R " * 1000 + b"] /Count 1000 /Parent 2 0 R >>"
    x[2] = b"<< /Type /Pages /Kids [" + b"6 0 R " * 1000 + b"] /Count 1000000 >>"
    c.add(g, ".pdf", pdf(x), stem="million_pages_two_levels", want=("too_large",))


def build_encrypted(c: Corpus, rng: random.Random) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    from tests.support import docgen

    g = "encrypted"
    for strength in (40, 128):
        for user, owner, expect in (("secret", "owner", PROBLEM), ("", "owner", READ)):
            p = c.path(g, ".pdf", f"rc4_{strength}_{'user' if user else 'owner_only'}")
            enc = pdfencrypt.StandardEncryption(user, owner, strength=strength)
            cv = canvas.Canvas(str(p), encrypt=enc)
            cv.setFont("Helvetica", 11)
            y = 760
            for line in REGULATIONS:
                cv.drawString(60, y, line)
                y -= 16
            cv.showPage()
            cv.save()
            c.cases.append(Case(p, g, expect, ("encrypted",) if expect == PROBLEM else (),
                                materials=("3.1",) if expect == READ else ()))
    p = c.path(g, ".pdf", "docgen_password")
    docgen.make_pdf(p, ["考试章程", "第一条 为规范考试，制定本章程。"], encrypt="pw")
    c.cases.append(Case(p, g, PROBLEM, ("encrypted",)))
    for revision in (4, 6):
        for user, expect in (("secret", PROBLEM), ("", READ)):
            data = encrypted_pdf(text_pdf_objects(), user, "owner-pw", revision, rng)
            c.add(g, ".pdf", data, stem=f"aes_r{revision}_{'user' if user else 'owner_only'}",
                  expect=expect, want=("encrypted",) if expect == PROBLEM else (),
                  materials=("3.1",) if expect == READ else ())
    o = text_pdf_objects()
    fakes = {
        "unknown_handler": b"<< /Filter /NoSuchHandler /V 2 /R 3 /Length 128 /O <00> /U <00> "
                           b"/P -4 >>",
        "public_key": b"<< /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s5 /V 4 /R 4 "
                      b"/Recipients [<3082>] >>",
        "v5_garbage": b"<< /Filter /Standard /V 5 /R 6 /Length 256 /O <00> /U <00> /OE <00> "
                      b"/UE <00> /P -4 >>",
        "revision_99": b"<< /Filter /Standard /V 99 /R 99 /O <00> /U <00> /P -4 >>",
    }
    for label, enc in fakes.items():
        x = dict(o)
        x[6] = enc
        c.add(g, ".pdf", pdf(x, trailer=b"/Encrypt 6 0 R /ID [<00><00>] "), stem=label,
              want=("encrypted", "unreadable"))
    c.add(g, ".pdf", pdf(o, trailer=b"/Encrypt 99 0 R "), stem="encrypt_missing_object",
          expect=EITHER, source="pdf_handmade")
    # password-protected Office files: an OLE container holding the encrypted package
    for label, suffix in (("protected", ".docx"), ("protected_as_doc", ".doc"),
                          ("protected_as_pdf", ".pdf")):
        c.add(g, suffix, _ole_file(["EncryptionInfo", "EncryptedPackage",
                                    "\x06DataSpaces"]), stem=label, want=("encrypted",))


def _ole_file(streams: list[str], sector: int = 512) -> bytes:
    """A compound file (the .doc/.xls container) whose directory names ``streams``."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    struct.pack_into("<H", header, 32, 6)
    struct.pack_into("<I", header, 44, 1)  # one FAT sector
    struct.pack_into("<I", header, 48, 1)  # directory starts at sector 1
    struct.pack_into("<I", header, 56, 4096)
    struct.pack_into("<I", header, 60, 0xFFFFFFFE)
    struct.pack_into("<I", header, 68, 0xFFFFFFFE)
    header[76:80] = struct.pack("<I", 0)  # FAT at sector 0
    header[80:512] = b"\xff" * 432
    fat = bytearray(b"\xff" * sector)
    struct.pack_into("<III", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFE)
    entries = bytearray()
    for i, name in enumerate(["Root Entry", *streams]):
        e = bytearray(128)
        raw = name.encode("utf-16-le") + b"\0\0"
        e[:len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw), 5 if i == 0 else 2, 1)
        struct.pack_into("<III", e, 68, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
        struct.pack_into("<I", e, 116, 0xFFFFFFFE)
        entries += e
    entries += bytes((-len(entries)) % sector)
    return bytes(header) + bytes(fat) + bytes(entries)


def build_wrong_types(c: Corpus) -> None:
    from tests.support import docgen

    g = "wrong-type"
    pdf_bytes = c.sources["pdf_zh_rules"].read_bytes()
    docx_bytes = c.sources["docx_en_rules"].read_bytes()
    c.add(g, ".docx", pdf_bytes, stem="pdf_named_docx", expect=READ, materials=("3.1",))
    c.add(g, ".pdf", docx_bytes, stem="docx_named_pdf", expect=READ, materials=("3.1",))
    c.add(g, "", pdf_bytes, stem="pdf_no_extension", expect=READ, materials=("3.1",))
    c.add(g, ".PDF", pdf_bytes, stem="pdf_upper_case", expect=READ, materials=("3.1",))
    c.add(g, ".pdf", b"\0" * 300 + pdf_bytes, stem="pdf_after_300_junk_bytes", expect=EITHER,
          source="pdf_zh_rules")
    c.add(g, ".pdf", b"\0" * 5000 + pdf_bytes, stem="pdf_after_5000_junk_bytes",
          want=("unsupported_type", "unreadable", "empty"))
    elf = b"\x7fELF\x02\x01\x01" + bytes(2057)
    heads = {
        "elf_named_pdf.pdf": elf,
        "windows_exe_named_pdf.pdf": b"MZ\x90\x00\x03" + bytes(59) + b"PE\0\0" + bytes(2000),
        "script_named_pdf.pdf": b"#!/bin/sh\nrm -rf /\n",
        "macho_named_docx.docx": b"\xcf\xfa\xed\xfe" + bytes(2000),
        "java_class_named_pdf.pdf": b"\xca\xfe\xba\xbe" + bytes(200),
        "png_named_pdf.pdf": b"\x89PNG\r\n\x1a\n" + bytes(200),
        "jpeg_named_docx.docx": b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200),
        "gif_named_pdf.pdf": b"GIF89a" + bytes(200),
        "tiff_named_pdf.pdf": b"II*\x00" + bytes(200),
        "bmp_named_docx.docx": b"BM" + bytes(200),
        "webp_named_pdf.pdf": b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(200),
        "heic_named_pdf.pdf": b"\x00\x00\x00\x18ftypheic" + bytes(200),
        "doc_named_docx.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000),
        "doc_named_pdf.pdf": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000),
        "rtf_named_docx.docx": b"{\\rtf1\\ansi Examination Regulations}",
        "html_named_pdf.pdf": b"<!DOCTYPE html><html><body>Examination</body></html>",
        "text_named_pdf.pdf": "考试章程 第一条".encode(),
        "gzip_named_pdf.pdf": b"\x1f\x8b\x08\x00" + bytes(100),
        "seven_zip_named_docx.docx": b"7z\xbc\xaf\x27\x1c" + bytes(100),
        "rar_named_pdf.pdf": b"Rar!\x1a\x07\x00" + bytes(100),
        "utf16_text_named_pdf.pdf": "考试章程".encode("utf-16"),
        "xml_2003_named_docx.docx": b'<?xml version="1.0"?><w:wordDocument xmlns:w="urn:x">'
                                    b"</w:wordDocument>",
        "random_bytes.pdf": random.Random(7).randbytes(4096),
        "pdf_header_only.pdf": b"%PDF-1.7\n",
        "pdf_header_and_eof.pdf": b"%PDF-1.4\n%%EOF\n",
        "pdf_header_then_junk.pdf": b"%PDF-1.7\n" + random.Random(8).randbytes(3000),
        "pk_header_only.docx": b"PK\x03\x04",
        "pk_empty_zip.docx": b"PK\x05\x06" + bytes(18),
    }
    wants = {"random_bytes.pdf": ("unsupported_type",), "pdf_header_only.pdf": ("unreadable",),
             "pdf_header_and_eof.pdf": ("unreadable", "empty"),
             "pdf_header_then_junk.pdf": ("unreadable", "empty"),
             "pk_header_only.docx": ("unreadable",),
             "pk_empty_zip.docx": ("unreadable", "unsupported_type"),
             # pictures read by OCR: damaged ones are unreadable
             "png_named_pdf.pdf": ("unreadable",), "jpeg_named_docx.docx": ("unreadable",)}
    for name, data in heads.items():
        stem, _, ext = name.rpartition(".")
        c.add(g, "." + ext, data, stem=stem, want=wants.get(name, ("unsupported_type",)))
    for label, inner, kind in (
            ("xlsx_named_docx", "xl/workbook.xml", ".docx"),
            ("pptx_named_pdf", "ppt/presentation.xml", ".pdf"),
            ("plain_zip_named_docx", "readme.txt", ".docx")):
        c.add(g, kind, build_zip([entry(inner, b"<x/>")]), stem=label,
              want=("unsupported_type",))
    c.add(g, ".docx", build_zip([entry("mimetype", b"application/vnd.oasis.opendocument.text",
                                       method=0), entry("content.xml", b"<x/>")]),
          stem="odt_named_docx", want=("unsupported_type",))
    # a zip whose first bytes carry a PDF header (a polyglot)
    poly = build_zip([entry("%PDF-1.7.txt", b"x", method=0)] + zip_entries_of(docx_bytes))
    c.add(g, ".docx", poly, stem="zip_with_pdf_header", expect=EITHER, source="docx_en_rules")
    c.add(g, ".pdf", docgen.docx_bytes(["Bank Reference Letter", "We confirm that the "
                                        "account has been conducted satisfactorily."]),
          stem="docx_short_named_pdf", expect=READ, materials=("1.1.4",))


def build_empty(c: Corpus) -> None:
    g = "empty"
    for suffix in (".pdf", ".docx", "", ".PDF", ".doc"):
        c.add(g, suffix, b"", stem="zero", want=("empty",))
    blanks = {"space": b" ", "newlines": b"\n" * 1000, "mixed_whitespace": b" \t\r\n\x0b\x0c" * 50,
              "five_mb_spaces": b" " * (5 * MB), "nul_bytes": b"\0" * 4096,
              "utf8_bom_spaces": b"\xef\xbb\xbf   \n", "crlf": b"\r\n" * 5000}
    for label, data in blanks.items():
        c.add(g, ".pdf", data, stem=label, want=("empty",))
    c.add(g, ".pdf", b" " * 4096 + b"Examination regulations follow below.",
          stem="spaces_then_text", want=("unsupported_type",))
    c.add(g, ".docx", b"\0" * 3000 + b"PK\x03\x04", stem="nul_then_pk",
          want=("unsupported_type", "unreadable"))


def build_names(c: Corpus) -> None:
    from tests.support import docgen

    g = "names"
    folder = c.root / g
    folder.mkdir(parents=True, exist_ok=True)
    good_pdf = c.sources["pdf_zh_rules"].read_bytes()
    bad = b"%PDF-1.7\n" + bytes(100)
    raw_names = [
        "Prüfungsordnung.pdf".encode("latin-1"), "café résumé.pdf".encode("latin-1"),
        "考试章程.pdf".encode("gbk"), "考试章程（中文译本）.pdf".encode("gb18030"),
        "考試章程.pdf".encode("big5"), "試験規則.pdf".encode("shift_jis"),
        "시험규정.pdf".encode("euc-kr"), b"\xff\xfe\xfd.pdf", b"\xc0\xaf\xc0\xae.pdf",
        b"\x80\x81\x82 rules.pdf", "考试章程".encode() + b"\xb0\xa1.pdf", b"\xed\xa0\x80.pdf",
    ]
    for i, raw in enumerate(raw_names):
        for content, expect in ((good_pdf, READ), (bad, PROBLEM)):
            d = os.fsencode(folder) + b"/%02d%s_" % (i, b"g" if expect == READ else b"b")
            path_b = d + raw
            with open(path_b, "wb") as fh:
                fh.write(content)
            c.cases.append(Case(Path(os.fsdecode(path_b)), g, expect,
                                materials=("3.1",) if expect == READ else ()))
    long_names = ["A" * 240 + ".pdf", "考" * 80 + ".pdf", "Examination Regulations " * 9 + ".pdf"]
    for name in long_names:
        p = folder / name
        p.write_bytes(good_pdf)
        c.cases.append(Case(p, g, READ, materials=("3.1",)))
    deep = folder
    for _ in range(14):  # a path of about 3,500 characters
        deep = deep / ("d" * 250)
    deep.mkdir(parents=True, exist_ok=True)
    p = deep / "考试章程.pdf"
    p.write_bytes(good_pdf)
    c.cases.append(Case(p, g, READ, materials=("3.1",)))
    controls = ["line\nbreak.pdf", "carriage\rreturn.pdf", "tab\there.pdf",
                "\x1b[31mred\x1b[0m.pdf", "bell\x07.pdf", "del\x7f.pdf", "nel\x85.pdf",
                "rlo\u202egpj.pdf", "zero\u200bwidth.pdf", "\ufeffbom.pdf", "  spaces  .pdf",
                "-starts-with-dash.pdf", "semi;colon&amp$(x).pdf"]
    for i, name in enumerate(controls):
        p = folder / f"c{i:02d}_{name}"
        p.write_bytes(good_pdf)
        c.cases.append(Case(p, g, READ, materials=("3.1",)))
    # upload names (as the web channel passes them) that no file system would hold
    uploads = ["x" * 10_000 + ".pdf", "../../etc/passwd.pdf", "nul\x00byte.pdf",
               "考试章程" * 500 + ".pdf", "\ud800lone_surrogate.pdf", "", ".pdf", "CON.pdf",
               "a/b\\c.pdf", "\u0000\u0001\u0002.pdf"]
    for i, name in enumerate(uploads):
        p = folder / f"u{i:02d}.pdf"
        p.write_bytes(good_pdf if i % 2 == 0 else bad)
        c.cases.append(Case(p, g, READ if i % 2 == 0 else PROBLEM,
                            materials=("3.1",) if i % 2 == 0 else (), display=name))
    p = folder / "scan.pdf"
    docgen.make_image_pdf(p)
    c.cases.append(Case(p, g, PROBLEM, ("no_text",), display="扫描件\n.pdf"))


def build_corpus(root: Path, seed: int) -> Corpus:
    rng = random.Random(seed)
    c = Corpus(root)
    build_sources(c)
    build_truncated(c, rng)
    build_bitflips(c, rng)
    build_docx_xml_damage(c, rng)
    build_pdf_token_damage(c, rng)
    build_zip_bombs(c)
    build_xml_bombs(c)
    build_pdf_structure(c)
    build_pdf_bombs(c)
    build_scanner_attacks(c)
    build_form_floods(c)
    build_page_counts(c)
    build_encrypted(c, rng)
    build_wrong_types(c)
    build_empty(c)
    build_names(c)
    return c


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------


class RssSampler(threading.Thread):
    """Samples the peak resident memory (VmHWM) of this process's child processes."""

    def __init__(self, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_kb = 0
        self.pids: set[int] = set()
        self._halt = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self._halt.is_set():
            for pid in _children(me):
                self.pids.add(pid)
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            self.peak_kb = max(self.peak_kb, int(line.split()[1]))
                except (OSError, ValueError):
                    pass
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def _children(ppid: int) -> list[int]:
    out = []
    try:
        names = os.listdir("/proc")
    except OSError:
        return out
    for name in names:
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 2 and fields[1] == str(ppid):
            out.append(int(name))
    return out


def _own_peak_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _reset_own_peak() -> bool:
    """Start this process's peak-RSS count afresh (so corpus generation is not counted)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _printable_name_problem(name: str) -> str:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "not UTF-8"
    import unicodedata

    for ch in name:
        if unicodedata.category(ch) == "Cc":
            return f"control character U+{ord(ch):04X}"
    return ""


@dataclass
class Outcome:
    case: Case | None  # None: a good file
    name: str
    seconds: float
    codes: list[tuple[str, str]]
    materials: list[str]


def run(corpus: Corpus, package_size: int, rng: random.Random,
        progress: Callable[[int, int], None] | None = None) -> dict:
    import bot.precheck.pipeline as precheck
    from bot.precheck.results import FileProblem
    from bot.precheck.sandbox import close_default_pool
    from bot.settings import get_settings

    limits = get_settings().limits
    timings: dict[tuple[str, str], float] = {}
    lock = threading.Lock()
    real = precheck.analyse_file

    def timed(path, name=None, limits=None, *, pool=None):  # instrumentation only
        t = time.perf_counter()
        try:
            return real(path, name, limits, pool=pool)
        finally:
            with lock:
                timings[(str(path), name or "")] = time.perf_counter() - t

    precheck.analyse_file = timed
    cases = list(corpus.cases)
    rng.shuffle(cases)
    packages = [cases[i:i + package_size] for i in range(0, len(cases), package_size)]
    outcomes: list[Outcome] = []
    escaped: list[str] = []
    pool_failures: list[str] = []
    good_cycle = 0
    sampler = RssSampler()
    sampler.start()
    t0 = time.perf_counter()
    try:
        for n, package in enumerate(packages):
            goods = [corpus.good[(good_cycle + k) % len(corpus.good)] for k in range(2)]
            good_cycle += 2
            items: list[tuple[Path, str] | Path] = []
            roles: list[Case | tuple[Path, str]] = []
            for case in package:
                items.append((case.path, case.display) if case.display is not None
                             else case.path)
                roles.append(case)
            for pos, g in zip((0, len(items) + 1), goods, strict=True):  # first and last
                items.insert(pos, g[0])
                roles.insert(pos, g)
            try:
                results = precheck.analyse_files(items)
            except Exception as exc:  # noqa: BLE001 - exactly what the run looks for
                escaped.append(f"package {n}: {type(exc).__name__}: {exc}"[:300])
                continue
            if len(results) != len(items):
                escaped.append(f"package {n}: {len(results)} results for {len(items)} files")
                continue
            for item, role, fa in zip(items, roles, results, strict=True):
                path, display = (item if isinstance(item, tuple) else (item, None))
                seconds = timings.get((str(path), path.name if display is None else display),
                                      0.0)
                codes = [(p.code, p.detail) for p in fa.problems]
                if isinstance(role, Case):
                    outcomes.append(Outcome(role, fa.name, seconds, codes, list(fa.materials)))
                else:
                    outcomes.append(Outcome(None, fa.name, seconds, codes,
                                            list(fa.materials)))
                    if codes or fa.materials != [role[1]]:
                        pool_failures.append(
                            f"package {n}: good file {role[0].name} -> {codes} "
                            f"{fa.materials}")
            if progress:
                progress(n + 1, len(packages))
        # the pool still works after everything
        try:
            last = precheck.analyse_files([corpus.good[0][0]])[0]
            if last.problems or last.materials != [corpus.good[0][1]]:
                pool_failures.append(f"final check: {last.problems} {last.materials}")
        except Exception as exc:  # noqa: BLE001
            pool_failures.append(f"final check raised {type(exc).__name__}: {exc}")
    finally:
        wall = time.perf_counter() - t0
        precheck.analyse_file = real
        close_default_pool()
        sampler.stop()
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # messages for every code/detail met (and the details the code knows of)
    from bot.precheck.problems import file_problem_message

    generic = {lang: file_problem_message(FileProblem("no-such-code"), lang)
               for lang in ("zh", "en")}
    # Every pair met, and the sandbox's own details (met only when a parser misbehaves).
    seen_pairs = sorted({pair for o in outcomes for pair in o.codes}
                        | {("unreadable", d) for d in ("timeout", "memory", "crash")})
    missing_messages = []
    for code, detail in seen_pairs:
        for lang in ("zh", "en"):
            text = file_problem_message(FileProblem(code, detail), lang)
            if not text.strip() or text.replace("no-such-code", code) == \
                    generic[lang].replace("no-such-code", code):
                missing_messages.append(f"{code}/{detail} ({lang})")
    if any(code == "too_large" for code, _ in seen_pairs):
        size_msg = file_problem_message(FileProblem("too_large", "file_size"), "en")
        for code, detail in seen_pairs:
            if code == "too_large" and detail != "file_size" and \
                    file_problem_message(FileProblem(code, detail), "en") == size_msg:
                missing_messages.append(f"{code}/{detail} (says the file size is too large)")
    return {"outcomes": outcomes, "escaped": escaped, "pool_failures": pool_failures,
            "wall": wall, "packages": len(packages), "package_size": package_size,
            "limits": limits,
            "children_kb": children_kb, "sampled_kb": sampler.peak_kb,
            "worker_pids": len(sampler.pids), "missing_messages": missing_messages,
            "pairs": seen_pairs}


def judge(corpus: Corpus, result: dict) -> dict:
    """Sort the outcomes into failures and findings."""
    baseline = result["baseline"]
    no_problem: list[str] = []
    wrong_code: list[str] = []
    not_read: list[str] = []
    altered: list[str] = []
    survived = 0
    limit_hits: list[str] = []
    contained_crashes: list[str] = []
    bad_names: list[str] = []
    slow: list[str] = []
    limits = result["limits"]
    for o in result["outcomes"]:
        label = o.case.label if o.case else f"good/{o.name}"
        problem = _printable_name_problem(o.name)
        if problem:
            bad_names.append(f"{label}: {problem}")
        for code, detail in o.codes:
            if code == "unreadable" and detail in ("timeout", "memory"):
                limit_hits.append(f"{label} ({detail})")
            elif code == "unreadable" and detail == "crash":
                contained_crashes.append(label)
        if o.seconds > limits.parse_seconds:
            slow.append(f"{label} {o.seconds:.1f} s")
        case = o.case
        if case is None:
            continue
        codes = [c for c, _ in o.codes]
        if case.expect == PROBLEM:
            if not codes:
                no_problem.append(f"{label} -> read as {o.materials}")
            elif case.want and not set(codes) & set(case.want):
                wrong_code.append(f"{label}: {o.codes}, expected {'/'.join(case.want)}")
        elif case.expect == READ:
            if codes or list(case.materials) != o.materials:
                not_read.append(f"{label}: {o.codes} {o.materials}, expected "
                                f"{list(case.materials)}")
        else:
            if not codes:
                survived += 1
                original = baseline.get(case.source)
                if original is None or original[0] or o.materials != original[1]:
                    altered.append(f"{label}: read as {o.materials}, original "
                                   f"{original[1] if original else '?'}")
    return {"no_problem": no_problem, "wrong_code": wrong_code, "not_read": not_read,
            "altered": altered, "survived": survived, "limit_hits": limit_hits,
            "contained_crashes": contained_crashes, "bad_names": bad_names, "slow": slow}


def baseline(corpus: Corpus) -> dict[str, tuple[list, list[str]]]:
    """How the undamaged fixtures read (what a surviving damaged copy must match)."""
    from bot.precheck.pipeline import analyse_files

    sources = corpus.sources
    keys = list(sources)
    results = analyse_files([sources[k] for k in keys])
    return {k: ([(p.code, p.detail) for p in r.problems], list(r.materials))
            for k, r in zip(keys, results, strict=True)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="pre-check against hostile files")
    parser.add_argument("--out", type=Path, help="build the corpus here and keep it")
    parser.add_argument("--seed", type=int, default=20201)
    parser.add_argument("--package-size", type=int, default=20)
    parser.add_argument("--group", action="append", help="only these groups (repeatable)")
    parser.add_argument("--show", type=int, default=12, help="list at most N of each finding")
    parser.add_argument("--results", type=Path, help="write every file's outcome here (TSV)")
    args = parser.parse_args(argv)
    os.environ.pop("ASSISTANT_PARSER_TEST_HOOK", None)

    from bot.settings import get_settings

    settings = get_settings()
    limits = settings.limits
    tmp = None
    if args.out:
        root = args.out
        root.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="bench-hostile-")
        root = Path(tmp.name)
    try:
        t = time.perf_counter()
        corpus = build_corpus(root, args.seed)
        if args.group:
            corpus.cases = [c for c in corpus.cases if c.group in args.group]
        built = time.perf_counter() - t
        size = sum(c.path.stat().st_size for c in corpus.cases)
        biggest = max(c.path.stat().st_size for c in corpus.cases)
        groups = Counter(c.group for c in corpus.cases)
        print(f"corpus: {len(corpus.cases)} hostile files, {size / MB:.0f} MB in all (largest "
              f"{biggest / MB:.1f} MB), built in {built:.1f} s")
        print("  " + ", ".join(f"{g} {n}" for g, n in sorted(groups.items())))
        print(f"limits (bot.settings defaults): {limits.max_file_bytes // MB} MB per file, "
              f"{limits.parse_seconds:.0f} s and {limits.parse_memory_bytes // MB} MB address "
              f"space per parse, {limits.max_pages} pages, {limits.max_unzipped_bytes // MB} MB "
              f"unzipped, {limits.max_zip_entries} zip entries; {settings.parse_workers} parser "
              f"workers; {os.cpu_count()} CPUs", flush=True)
        fresh = _reset_own_peak()
        base = baseline(corpus)

        def progress(done: int, total: int) -> None:
            if done % 10 == 0 or done == total:
                print(f"  ... {done}/{total} packages", flush=True)

        result = run(corpus, args.package_size, random.Random(args.seed), progress)
        result["baseline"] = base
        verdict = judge(corpus, result)
        if args.results:
            with open(args.results, "w", encoding="utf-8") as fh:
                for o in result["outcomes"]:
                    label = o.case.label if o.case else f"good/{o.name}"
                    fh.write(f"{o.seconds:.3f}\t{label}\t{o.codes}\t{o.materials}\n")
        return report(corpus, result, verdict, args.show, fresh)
    finally:
        if tmp is not None:
            tmp.cleanup()


def report(corpus: Corpus, result: dict, v: dict, show: int, fresh_peak: bool) -> int:
    outcomes: list[Outcome] = result["outcomes"]
    hostile = [o for o in outcomes if o.case is not None]
    good = [o for o in outcomes if o.case is None]

    def listing(title: str, items: list[str]) -> None:
        print(f"{title}: {len(items)}")
        for line in items[:show]:
            print(f"    {line}")
        if len(items) > show:
            print(f"    ... and {len(items) - show} more")

    print()
    print(f"files tried: {len(outcomes)} ({len(hostile)} hostile, {len(good)} good files in "
          f"{result['packages']} packages of up to {result['package_size']}+2); "
          f"run {result['wall']:.1f} s, {len(outcomes) / max(result['wall'], 1e-9):.1f} "
          f"files/s")
    crashes = (len(result["escaped"]) + len(result["pool_failures"]) + len(v["no_problem"])
               + len(v["bad_names"]))
    print(f"crashes: {crashes}")
    listing("  exceptions escaping analyse_files", result["escaped"])
    listing("  pool failures (a good file not checked right)", result["pool_failures"])
    listing("  hostile files without a problem code", v["no_problem"])
    listing("  unprintable file names in results", v["bad_names"])
    own = _own_peak_kb() / 1024
    workers = max(result["children_kb"], result["sampled_kb"]) / 1024
    limit_mb = result["limits"].parse_memory_bytes / MB
    over_memory = int(workers > limit_mb)
    exceeded = len(v["limit_hits"]) + len(v["slow"]) + len(v["contained_crashes"]) + over_memory
    print(f"limits exceeded: {exceeded}")
    listing("  files stopped at the time or memory limit", v["limit_hits"])
    listing("  parser processes that crashed (contained)", v["contained_crashes"])
    listing(f"  files over {result['limits'].parse_seconds:.0f} s", v["slow"])
    if over_memory:
        print(f"  parser workers' peak RSS {workers:.0f} MB is over the {limit_mb:.0f} MB limit")
    slowest = max(hostile, key=lambda o: o.seconds)
    label = slowest.case.label if slowest.case else slowest.name
    print(f"slowest file: {slowest.seconds:.2f} s  {label}  {slowest.codes}")
    times = sorted(o.seconds for o in hostile)
    base = sorted(o.seconds for o in good)
    good_median = base[len(base) // 2] if base else 0.0
    print(f"time per file: hostile median {times[len(times) // 2] * 1000:.0f} ms, p99 "
          f"{times[int(len(times) * 0.99)] * 1000:.0f} ms; baseline (the good files of the same "
          f"packages) median {good_median * 1000:.0f} ms; slowest hostile file "
          f"{slowest.seconds / max(good_median, 1e-9):.0f}x the baseline median")
    print(f"peak RSS: parent {own:.0f} MB{'' if fresh_peak else ' (includes building the corpus)'}"
          f", parser workers {workers:.0f} MB (limit {limit_mb:.0f} MB address space; "
          f"{result['worker_pids']} worker processes seen)")
    print("problem codes (files):")
    per_code = Counter(o.codes[0][0] for o in hostile if o.codes)
    per_pair = Counter(pair for o in hostile for pair in o.codes)
    for code, n in per_code.most_common():
        details = ", ".join(f"{d or '-'} {m}" for (c, d), m in sorted(per_pair.items())
                            if c == code)
        print(f"  {code:<17}{n:>5}   ({details})")
    clean = [o for o in hostile if not o.codes]
    harmless = sum(1 for o in clean if o.case and o.case.expect == READ)
    print(f"  {'(none)':<17}{len(clean):>5}   (read without a problem: {harmless} harmless "
          f"oddities, {len(clean) - harmless} damaged files that survived their damage)")
    print(f"messages: {len(result['pairs'])} code/detail pairs (met, and the sandbox's), "
          f"{len(result['missing_messages'])} without a specific zh/en message")
    for line in result["missing_messages"][:show]:
        print(f"    {line}")
    listing("findings - hostile files with an unexpected problem code", v["wrong_code"])
    listing("findings - harmless oddities not read as expected", v["not_read"])
    print(f"damaged files read anyway: {v['survived']} ({v['survived'] - len(v['altered'])} "
          f"as the same material as their original, {len(v['altered'])} as another)")
    for line in v["altered"][:show]:
        print(f"    {line}")
    failed = crashes + exceeded + len(result["missing_messages"]) + len(v["wrong_code"]) \
        + len(v["not_read"])
    print(f"result: {'FAIL' if failed else 'PASS'} ({crashes} crashes, {exceeded} limits "
          f"exceeded, {len(v['wrong_code']) + len(v['not_read'])} wrong outcomes, "
          f"{len(result['missing_messages'])} missing messages)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
