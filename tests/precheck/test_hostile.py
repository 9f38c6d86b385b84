"""Hostile files found by the hostile-file run (bench/hostile.py): each is refused early with
a problem code that says why, the rest of the package is still checked, and names that
no terminal can show are made printable."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib

import pytest

from bot.precheck.extract import Encrypted, TooLarge, Unreadable, extract
from bot.precheck.extract.docx import check_parts, read_docx
from bot.precheck.extract.pdfscan import CONTENT, INFLATED, _lzw, scan_pdf
from bot.precheck.extract.sniff import EMPTY, ENCRYPTED, UNSUPPORTED, sniff
from bot.precheck.pipeline import (
    _analyse_in_worker,
    _content_keys,
    analyse_file,
    analyse_files,
    collect_files,
    display_name,
)
from bot.precheck.problems import file_problem_message
from bot.precheck.results import FileProblem
from bot.precheck.sandbox import zip_inflated_problem
from bot.settings import Limits
from tests.support import docgen
from tests.support.ole import ole_file

MB = 1 << 20
REGULATIONS = [b"Examination Regulations",
               b"1. Scope. These regulations govern all examinations of the institute.",
               b"2. Eligibility. Candidates must be at least 18 years old."]


# ---------------------------------------------------------------------------
# Small writers of malformed files
# ---------------------------------------------------------------------------


def zlib_zeros(mb: int, chunk: bytes = bytes(MB)) -> bytes:
    """A zlib stream of ``mb`` copies of ``chunk``, built from one compressed copy."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(mb):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + piece * mb + b"\x03\x00" + struct.pack(">I", adler)


def text_objects(extra_content: bytes = b"") -> dict[int, bytes]:
    """One page of text (the examination regulations, material 3.1)."""
    lines = b" ".join(b"(%s) '" % line for line in REGULATIONS)
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 6 0 R] "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: docgen.raw_stream(b"BT /F1 11 Tf 60 760 Td 16 TL " + lines + b" ET"),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        6: docgen.raw_stream(extra_content),
    }


def pdf_with(tmp_path, name: str, **objects: bytes) -> object:
    objs = text_objects()
    for key, value in objects.items():
        objs[int(key.lstrip("o"))] = value
    path = tmp_path / name
    path.write_bytes(docgen.raw_pdf(objs))
    return path


def docx_with(replace: dict[str, bytes], extra: dict[str, bytes] | None = None,
              base: bytes | None = None) -> bytes:
    base = base or docgen.docx_bytes([line.decode() for line in REGULATIONS])
    src = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return out.getvalue()


def part_of(name: str) -> bytes:
    base = docgen.docx_bytes(["Examination Regulations"], header="Examination Regulations")
    return zipfile.ZipFile(io.BytesIO(base)).read(name)


LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;")
                                                    * 10) for i in range(1, 10)) + b"]>")


def with_dtd(xml: bytes, dtd: bytes, ref: bytes = b"", comment: int = 0) -> bytes:
    end = xml.find(b"?>") + 2
    rest = xml[end:]
    if ref:
        pos = rest.find(b"</w:t>")
        rest = rest[:pos] + ref + rest[pos:]
    pad = b"<!--" + b"x" * comment + b"-->" if comment else b""
    return xml[:end] + pad + dtd + rest


@pytest.fixture
def no_pdf_parser(monkeypatch):
    """Fail the test if pypdfium2 is asked to open a file."""
    import pypdfium2

    def refuse(*args, **kwargs):
        raise AssertionError("the PDF library opened a file that should have been refused")

    monkeypatch.setattr(pypdfium2, "PdfDocument", refuse)


@pytest.fixture
def no_docx_parser(monkeypatch):
    """Call it once the test's files are written: from then on the test fails if
    python-docx is asked to open a file."""
    import docx

    def refuse(*args, **kwargs):
        raise AssertionError("python-docx opened a file that should have been refused")

    return lambda: monkeypatch.setattr(docx, "Document", refuse)


def problems(result: dict) -> list[tuple[str, str]]:
    return [(p["code"], p["detail"]) for p in result["problems"]]


# ---------------------------------------------------------------------------
# PDF streams: decompression and operator bombs are refused before the parser
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("label, objects", [
    ("content_1gb", {"o6": docgen.raw_stream(zlib_zeros(1024), b"/Filter /FlateDecode")}),
    ("abbreviated_filter", {"o6": docgen.raw_stream(zlib_zeros(1024), b"/Filter /Fl")}),
    ("double_flate", {"o6": docgen.raw_stream(zlib.compress(zlib_zeros(1024)),
                                   b"/Filter [/FlateDecode /FlateDecode]")}),
    ("filter_by_reference", {"o6": docgen.raw_stream(zlib_zeros(1024), b"/Filter 7 0 R"),
                             "o7": b"/FlateDecode"}),
    ("posing_as_a_picture", {"o6": docgen.raw_stream(zlib_zeros(1024), b"/Subtype /Image /Width 10 "
                                          b"/Height 10 /Filter /FlateDecode")}),
    ("object_stream", {"o7": docgen.raw_stream(zlib_zeros(1024), b"/Type /ObjStm /N 1 /First 10 "
                                    b"/Filter /FlateDecode")}),
    ("inline_image", {"o6": docgen.raw_stream(b"BI /W 9999 /H 9999 /BPC 8 /CS /G /F /Fl ID "
                                   + zlib_zeros(1024) + b" EI")}),
])
def test_pdf_decompression_bomb_is_refused_before_parsing(tmp_path, no_pdf_parser, label,
                                                          objects):
    path = pdf_with(tmp_path, f"{label}.pdf", **objects)
    assert path.stat().st_size < 2 * MB
    with pytest.raises(TooLarge) as exc:
        extract(path)
    assert exc.value.detail == INFLATED


@pytest.mark.parametrize("op", [b"(AAAAAAA) Tj ", b"(A) ' ", b"[(A)-9(B)] TJ ", b"q "])
def test_page_with_millions_of_instructions_is_refused(tmp_path, no_pdf_parser, op):
    flood = zlib.compress(b"BT /F1 9 Tf " + op * (3 * MB // len(op)) + b" ET", 6)
    path = pdf_with(tmp_path, "flood.pdf", o6=docgen.raw_stream(flood, b"/Filter /FlateDecode"))
    with pytest.raises(TooLarge) as exc:
        extract(path)
    assert exc.value.detail == CONTENT


def test_shared_content_bomb_is_refused_once_for_all_pages(tmp_path, no_pdf_parser):
    flood = zlib.compress(b"BT /F1 9 Tf " + b"(AAAA) Tj " * 200_000 + b" ET", 6)
    objs = text_objects()
    objs[2] = b"<< /Type /Pages /Kids [" + b"3 0 R " * 500 + b"] /Count 500 >>"
    objs[6] = docgen.raw_stream(flood, b"/Filter /FlateDecode")
    path = tmp_path / "shared.pdf"
    path.write_bytes(docgen.raw_pdf(objs))
    assert scan_pdf(path) == CONTENT


def test_lzw_decoder_reads_the_example_of_the_pdf_reference():
    # ISO 32000-1, 7.4.4.2: "-----A---B" encodes as these bytes.
    assert _lzw(bytes.fromhex("800B6050220C0C8501"), 1000, _Unlimited()) == b"-----A---B"


class _Unlimited:
    def spend(self, n: int) -> None:
        pass


def test_lzw_and_run_length_bombs_are_refused(tmp_path, no_pdf_parser):
    lzw = pdf_with(tmp_path, "lzw.pdf", o6=docgen.raw_stream(docgen.lzw_bomb(60_000), b"/Filter /LZWDecode"))
    assert lzw.stat().st_size < 200_000
    assert scan_pdf(lzw) == INFLATED
    rle = pdf_with(tmp_path, "rle.pdf", o6=docgen.raw_stream(b"\x81\x00" * 200_000 + b"\x80",
                                                  b"/Filter /RunLengthDecode"))
    assert scan_pdf(rle) == INFLATED


HEAD = b"%PDF-1.7\n1 0 obj<< /Type /Catalog /Pages 2 0 R >>endobj\n"


@pytest.mark.parametrize("label, data, detail", [
    ("many_streams", HEAD + b"".join(b"%d 0 obj<< /Length 0 >>stream\nendstream endobj\n" % i
                                     for i in range(3, 300_000)), CONTENT),
    ("keywords_without_end", HEAD + b"stream\n" * 300_000, CONTENT),
    ("lzw_without_end", HEAD + (b"obj<< /Filter /LZWDecode >>stream\n" + bytes(50)) * 200_000,
     CONTENT),
    ("inline_lzw_flood", HEAD + b"3 0 obj<<>>stream\n" + b"BI /F /LZW ID \x00\x00 EI "
     * 400_000 + b"endstream", CONTENT),
], ids=lambda v: v if isinstance(v, str) else "")
def test_files_aimed_at_the_stream_scan_are_refused(tmp_path, label, data, detail):
    path = tmp_path / f"{label}.pdf"
    path.write_bytes(data)
    assert scan_pdf(path) == detail


def test_stream_scan_searches_each_stretch_of_the_file_once(monkeypatch):
    """The scan asks for the end of each stream; for streams inside others it must not
    search the same bytes again (which made a 20 MB file take minutes)."""
    from bot.precheck.extract import pdfscan

    data = HEAD + b"stream\n" * 1000 + b"endstream"
    finder = pdfscan._Next(data, b"endstream")
    searched = []
    real_find = bytes.find

    class Counting(bytes):
        def find(self, *args):
            searched.append(args[1] if len(args) > 1 else 0)
            return real_find(self, *args)

    finder.data = Counting(data)
    ends = [finder.at(pos) for pos in range(len(HEAD), len(data) - 9, 7)]
    assert len(set(ends)) == 1 and len(searched) == 1


def test_ordinary_pdfs_pass_the_stream_scan(tmp_path):
    from tests.support import formgen

    paths = [
        docgen.make_pdf(tmp_path / "pages.pdf", [[f"第{i}页 考试章程"] for i in range(40)]),
        docgen.make_image_pdf(tmp_path / "scan.pdf", pages=3),
        formgen.filled_annex1_pdf(tmp_path / "form.pdf"),
        pdf_with(tmp_path, "vector.pdf", o6=docgen.raw_stream(zlib.compress(
            b"0 0 m 10 10 l S 0 0 5 5 re f " * 20_000), b"/Filter /FlateDecode")),
    ]
    for path in paths:
        assert scan_pdf(path) is None, path.name
    assert "考试章程" in extract(paths[0]).text
    assert "Examination Regulations" in extract(paths[3]).text


def test_pdf_bomb_in_a_package_leaves_the_other_files_checked(tmp_path, pool):
    bomb = pdf_with(tmp_path, "bomb.pdf", o6=docgen.raw_stream(zlib_zeros(2048), b"/Filter /FlateDecode"))
    good = docgen.write_sample(tmp_path / "good.pdf", "3.1", "zh")
    a, b = analyse_files([bomb, good], pool=pool)
    assert [(p.code, p.detail) for p in a.problems] == [("too_large", INFLATED)]
    assert b.problems == [] and b.materials == ["3.1"]


# ---------------------------------------------------------------------------
# DOCX: DTDs and entities never reach an XML parser; XML size is bounded
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "docProps/app.xml",
                                  "docProps/core.xml", "[Content_Types].xml", "_rels/.rels",
                                  "word/_rels/document.xml.rels", "word/header1.xml"])
@pytest.mark.parametrize("dtd", [
    LAUGHS,
    b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE x SYSTEM "http://127.0.0.1:9/evil.dtd">',
    b'<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
], ids=["billion_laughs", "external_entity", "external_dtd", "parameter_entity"])
def test_docx_part_with_a_dtd_is_refused_before_any_xml_parser(tmp_path, no_docx_parser,
                                                               part, dtd):
    base = docgen.docx_bytes(["Examination Regulations"], header="Examination Regulations")
    xml = zipfile.ZipFile(io.BytesIO(base)).read(part)
    path = tmp_path / "dtd.docx"
    path.write_bytes(docx_with({part: with_dtd(xml, dtd)}, base=base))
    no_docx_parser()
    result = _analyse_in_worker(str(path), "dtd.docx", Limits())
    assert problems(result) == [("unreadable", "xml_dtd")]


@pytest.mark.parametrize("label", ["utf16", "utf16_without_bom", "after_a_long_comment",
                                   "without_declaration"])
def test_dtd_is_found_however_the_part_is_written(tmp_path, no_docx_parser, label):
    doc = part_of("word/document.xml")
    bomb = with_dtd(doc, LAUGHS, b"&lol9;", comment=200_000 if "comment" in label else 0)
    if label.startswith("utf16"):
        text = bomb.decode().replace("encoding='UTF-8'", "encoding='UTF-16'").replace(
            'encoding="UTF-8"', 'encoding="UTF-16"')
        bomb = text.encode("utf-16" if label == "utf16" else "utf-16-le")
    elif label == "without_declaration":
        bomb = bomb[bomb.find(b"?>") + 2:].lstrip()
    path = tmp_path / f"{label}.docx"
    path.write_bytes(docx_with({"word/document.xml": bomb}))
    no_docx_parser()
    with pytest.raises(Unreadable) as exc:
        check_parts(path)
    assert exc.value.detail == "xml_dtd"


def test_part_in_an_encoding_ooxml_does_not_allow_is_refused(tmp_path, no_docx_parser):
    doc = part_of("word/document.xml").decode()
    ebcdic = doc.replace("encoding='UTF-8'", "encoding='IBM037'").replace(
        'encoding="UTF-8"', 'encoding="IBM037"').encode("cp037")
    path = tmp_path / "ebcdic.docx"
    path.write_bytes(docx_with({"word/document.xml": ebcdic}))
    no_docx_parser()
    with pytest.raises(Unreadable) as exc:
        check_parts(path)
    assert exc.value.detail == "corrupt"


def test_python_docx_never_resolves_entities(tmp_path):
    """A guard on the library's configuration, below the DTD check: even a part that
    reached python-docx would not pull in a local file."""
    import docx

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    dtd = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "%s">]>' % secret.as_uri().encode()
    path = tmp_path / "xxe.docx"
    path.write_bytes(docx_with({"word/document.xml": with_dtd(part_of("word/document.xml"),
                                                              dtd, b"&xxe;")}))
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Examination Regulations" in text and "TOP-SECRET" not in text


def test_svg_picture_with_a_doctype_does_not_stop_the_document(tmp_path):
    svg = (b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
           b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>')
    types = part_of("[Content_Types].xml").replace(
        b"</Types>", b'<Default Extension="svg" ContentType="image/svg+xml"/></Types>')
    path = tmp_path / "picture.docx"
    path.write_bytes(docx_with({"[Content_Types].xml": types}, {"word/media/image1.svg": svg}))
    assert "Examination Regulations" in read_docx(path).text


def test_docx_whose_xml_is_too_large_to_parse_is_refused(tmp_path, no_docx_parser):
    doc = part_of("word/document.xml")
    head, tail = doc.split(b"<w:body>", 1)
    paragraphs = b"<w:p><w:r><w:t>Examination regulations</w:t></w:r></w:p>" * 20_000
    path = tmp_path / "dense.docx"
    path.write_bytes(docx_with({"word/document.xml": head + b"<w:body>" + paragraphs + tail}))
    assert len(paragraphs) > MB
    no_docx_parser()
    with pytest.raises(TooLarge) as exc:
        check_parts(path, max_xml_bytes=MB)
    assert exc.value.detail == "xml_size"
    check_parts(path)  # under the default limit


def test_memory_exhaustion_in_the_docx_reader_is_not_called_damage(tmp_path, monkeypatch):
    import docx

    def exhausted(*args, **kwargs):
        raise MemoryError

    path = docgen.make_docx(tmp_path / "ok.docx", ["Examination Regulations"])
    monkeypatch.setattr(docx, "Document", exhausted)
    with pytest.raises(MemoryError):  # the worker turns this into unreadable/memory
        read_docx(path)


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_zip_entry_lying_about_its_size_is_measured_for_every_method(tmp_path, method):
    buf = io.BytesIO(docgen.docx_bytes(["Examination Regulations"]))
    with zipfile.ZipFile(buf, "a", method) as zf:
        zf.writestr("word/media/payload.bin", bytes(30 * MB))
    path = tmp_path / "liar.docx"
    path.write_bytes(docgen._lie_about_size(buf.getvalue(), "word/media/payload.bin", 1024))
    limits = Limits(max_unzipped_bytes=20 * MB)
    p = zip_inflated_problem(path, limits)
    assert (p.code, p.detail) == ("too_large", "zip_inflated_size")


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_zip_entry_with_damaged_compressed_data_is_unreadable(tmp_path, method):
    buf = io.BytesIO()
    base = zipfile.ZipFile(io.BytesIO(docgen.docx_bytes(["Examination Regulations"])))
    with zipfile.ZipFile(buf, "w", method) as zf:
        for info in base.infolist():
            zf.writestr(info.filename, base.read(info.filename))
    data = bytearray(buf.getvalue())
    name = b"word/document.xml"
    start = data.find(name) + len(name)  # the first local header's data follows its name
    data[start + 4:start + 12] = b"\xff" * 8
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    assert zip_inflated_problem(path, Limits()) is None  # damage is not size
    result = _analyse_in_worker(str(path), "damaged.docx", Limits())
    assert problems(result) == [("unreadable", "corrupt")]


# ---------------------------------------------------------------------------
# File types: empty files, encrypted Office files
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"\0" * 4096, b"\xef\xbb\xbf  \r\n", b" " * (3 * MB),
                                  "  ".encode("utf-16")],
                         ids=["nul_bytes", "utf8_bom", "3mb_of_spaces", "utf16_spaces"])
def test_blank_files_are_empty(tmp_path, data):
    path = tmp_path / "blank.pdf"
    path.write_bytes(data)
    assert sniff(path).kind == EMPTY
    result = _analyse_in_worker(str(path), "blank.pdf", Limits())
    assert problems(result) == [("empty", "blank")]


def test_file_blank_only_at_its_start_is_not_called_empty(tmp_path):
    path = tmp_path / "late.pdf"
    path.write_bytes(b" " * 4096 + "考试章程".encode())
    s = sniff(path)
    assert (s.kind, s.detail) == (UNSUPPORTED, "text")


@pytest.mark.parametrize("name", ["protected.docx", "protected.doc", "renamed.pdf"])
def test_password_protected_word_file_is_encrypted_not_an_old_doc(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(ole_file(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    s = sniff(path)
    assert (s.kind, s.detail) == (ENCRYPTED, "office")
    with pytest.raises(Encrypted):
        extract(path)
    result = _analyse_in_worker(str(path), name, Limits())
    assert problems(result) == [("encrypted", "office")]


def test_old_doc_is_still_a_doc(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(ole_file(["WordDocument", "1Table", "\x05SummaryInformation"]))
    s = sniff(path)
    assert (s.kind, s.detail) == (UNSUPPORTED, ".doc")


# ---------------------------------------------------------------------------
# The analysis around the parsers
# ---------------------------------------------------------------------------


def test_form_is_read_from_its_text_when_the_table_reader_fails(tmp_path, monkeypatch):
    from tests.support import formgen

    def fails(*args, **kwargs):
        raise Unreadable("corrupt")

    path = formgen.filled_annex1_pdf(tmp_path / "附件1.pdf")
    monkeypatch.setattr("bot.precheck.extract.pdf.read_pdf_tables", fails)
    result = _analyse_in_worker(str(path), "附件1.pdf", Limits())
    assert problems(result) == []
    assert "4.1" in result["materials"]
    assert result["form"] is not None and result["form"]["problems"] == []


def test_table_reader_leaves_out_pages_with_too_many_objects(tmp_path):
    from bot.precheck.extract.pdf import read_pdf_tables
    from tests.support import formgen

    path = formgen.filled_annex1_pdf(tmp_path / "附件1.pdf")
    assert read_pdf_tables(path)  # the form's tables
    assert read_pdf_tables(path, max_objects=10) == []


def test_form_is_read_from_its_text_when_the_table_reader_runs_out_of_time(tmp_path,
                                                                          monkeypatch):
    import time

    from bot.precheck import pipeline as precheck
    from tests.support import formgen

    def slow(*args, **kwargs):
        for _ in range(600):  # stopped by the time limit long before this ends
            time.sleep(0.05)
        raise AssertionError("the table reader was not stopped")

    path = formgen.filled_annex1_pdf(tmp_path / "附件1.pdf")
    monkeypatch.setattr("bot.precheck.extract.pdf.read_pdf_tables", slow)
    monkeypatch.setattr(precheck, "TABLE_TIME_SHARE", 0.01)
    result = _analyse_in_worker(str(path), "附件1.pdf", Limits(parse_seconds=30))
    assert problems(result) == []
    assert result["form"] is not None and result["form"]["problems"] == []


def test_fingerprints_are_found_after_endless_runs_of_letters() -> None:
    # A run of address characters without "@" once made the e-mail pattern quadratic;
    # the keys after it must still be found (the run itself gives none).
    text = "A" * 50_000 + " Barclays Bank, 22 September 2020, No. 04567321, info@bank.co.uk"
    keys = _content_keys(text)
    assert {"w:barclays", "d:2020-09-22", "n:04567321", "e:info@bank.co.uk"} <= set(keys)
    assert not any("AAAA" in k.upper() for k in keys)


# ---------------------------------------------------------------------------
# File names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("raw, shown", [
    ("Prüfungsordnung.pdf".encode("latin-1"), "Prüfungsordnung.pdf"),
    ("café résumé.pdf".encode("cp1252"), "café résumé.pdf"),
    ("考试章程（中文译本）.pdf".encode("gbk"), "考试章程（中文译本）.pdf"),
    ("考试章程".encode() + "啊".encode("gbk") + b".pdf", "考试章程啊.pdf"),
])
def test_names_in_legacy_encodings_are_decoded(raw, shown):
    assert display_name(os.fsdecode(raw)) == shown


@pytest.mark.parametrize("name, shown", [
    ("line\nbreak.pdf", "line break.pdf"),
    ("\x1b[31mred\x1b[0m.pdf", " [31mred [0m.pdf"),
    ("nul\x00.pdf", "nul .pdf"),
    ("invoice\u202efdp.exe", "invoicefdp.exe"),
    ("\ud800lone.pdf", "?lone.pdf"),
])
def test_names_lose_control_characters(name, shown):
    assert display_name(name) == shown


def test_very_long_names_keep_their_start_and_extension():
    name = display_name("考试章程" * 1000 + ".pdf")
    assert len(name) == 200 and name.startswith("考试章程") and name.endswith("….pdf")


def test_files_with_undecodable_names_are_checked_and_reported_printably(tmp_path, pool):
    folder = os.fsencode(tmp_path)
    pdf = docgen.write_sample(tmp_path / "src.pdf", "3.1", "zh").read_bytes()
    names = ["考试章程.pdf".encode("gbk"), "Prüfungsordnung.pdf".encode("latin-1"),
             b"\xff\xfe\xfd.pdf"]
    paths = []
    for raw in names:
        with open(folder + b"/" + raw, "wb") as fh:
            fh.write(pdf)
        paths.append(tmp_path / os.fsdecode(raw))
    results = analyse_files(paths, pool=pool)
    assert [r.name for r in results][:2] == ["考试章程.pdf", "Prüfungsordnung.pdf"]
    for r in results:
        r.name.encode("utf-8")  # printable: no surrogate escapes
        assert r.problems == [] and r.materials == ["3.1"]


def test_collected_names_are_unique_after_being_made_printable(tmp_path):
    for name in ("a\x01.pdf", "a\x02.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.7\n")
    names = [n for _, n in collect_files([tmp_path])]
    assert sorted(names) == ["a  (2).pdf", "a .pdf"]


def test_upload_name_is_made_printable(tmp_path, pool):
    path = docgen.write_sample(tmp_path / "x.pdf", "3.1", "zh")
    a = analyse_file(path, "考试章程\n\x1b[2J.pdf", pool=pool)
    assert a.name == "考试章程  [2J.pdf" and a.materials == ["3.1"]


# ---------------------------------------------------------------------------
# Messages for the new details
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_refusal_has_its_own_message(lang):
    def text(code: str, detail: str) -> str:
        return file_problem_message(FileProblem(code, detail), lang)

    size = text("too_large", "file_size")
    for detail in ("xml_size", "pdf_inflated", "pdf_content"):
        assert text("too_large", detail) not in (size, "")
    assert len({text("too_large", d) for d in ("xml_size", "pdf_inflated", "pdf_content")}) == 3
    assert text("unreadable", "xml_dtd") != text("unreadable", "corrupt")
    assert text("encrypted", "office") != text("encrypted", "password")
    assert ("Word" in text("encrypted", "office"))
