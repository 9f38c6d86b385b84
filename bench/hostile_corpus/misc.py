"""Encrypted files, wrong types, empty files, awkward names, and the whole corpus."""

from __future__ import annotations

import os
import random
from pathlib import Path

from bench.hostile_corpus.bombs import (
    build_form_floods,
    build_page_counts,
    build_pdf_bombs,
    build_pdf_structure,
    build_scanner_attacks,
    build_xml_bombs,
)
from bench.hostile_corpus.model import EITHER, MB, PROBLEM, READ, Case, Corpus
from bench.hostile_corpus.sources import (
    build_bitflips,
    build_docx_xml_damage,
    build_pdf_token_damage,
    build_sources,
    build_truncated,
    build_zip_bombs,
)
from bench.hostile_corpus.writers import (
    REGULATIONS,
    build_zip,
    encrypted_pdf,
    entry,
    text_pdf_objects,
    zip_entries_of,
)
from tests.support.docgen import raw_pdf as pdf
from tests.support.ole import ole_file


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
            data = encrypted_pdf(text_pdf_objects(), user, "owner-pw", revision)
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
        c.add(g, suffix, ole_file(["EncryptionInfo", "EncryptedPackage",
                                    "\x06DataSpaces"]), stem=label, want=("encrypted",))


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


