"""Good source files, and truncated, bit-flipped and damaged copies of them; zip bombs."""

from __future__ import annotations

import io
import random
import zipfile

from bench.hostile_corpus.model import EITHER, MB, PROBLEM, READ, Corpus
from bench.hostile_corpus.writers import (
    REGULATIONS,
    ZipEntry,
    build_zip,
    deflate_parts,
    deflate_repeat,
    docx_with,
    entry,
    text_pdf_objects,
    zip_entries_of,
)
from tests.support.docgen import raw_pdf as pdf

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


