"""XML entity bombs, looping and deep PDF structures, PDF stream bombs, scanner attacks, form
floods, page counts.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from bench.hostile_corpus.model import EITHER, MB, PROBLEM, READ, Case, Corpus
from bench.hostile_corpus.writers import (
    REGULATIONS,
    content,
    docx_with,
    entry,
    page_dict,
    text_pdf_objects,
    zlib_parts,
    zlib_repeat,
)
from tests.support.docgen import raw_pdf as pdf
from tests.support.docgen import raw_stream

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

    from tests.support import formgen, pdfgen

    font = pdfgen.cid_font()  # the fixtures' CJK font
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


