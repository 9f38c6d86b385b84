"""DOCX text with python-docx: body in document order, tables, headers and footers.

python-docx's own ``paragraphs``/``tables`` views skip text inside content controls
(``w:sdt``) and repeat merged cells, so the XML is walked here instead:

- paragraphs and tables come in document order, including those inside block-level,
  row-level, cell-level and run-level content controls;
- a cell merged across columns (``w:gridSpan``) is one cell; a cell merged down rows
  (``w:vMerge``) is read in its first row and left empty in the rows it covers, so
  columns stay aligned and the text is read once;
- a table inside a cell is listed after the table that holds it;
- each section's headers and footers are read once, after the body.

Before python-docx sees the file, :func:`check_parts` reads every XML part of the package
once: a part that declares a DTD (where entity bombs and external entities live; Word
never writes one) or is not UTF-8/UTF-16 XML is refused, and so is a package whose XML
parts together are too large to hold as parsed trees.  python-docx's own parser does not
resolve entities either.
"""

from __future__ import annotations

import lzma
import re
import zipfile
import zlib
from pathlib import Path

from bot.precheck.extract.errors import TooLarge, Unreadable
from bot.precheck.results import Document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_P, _TBL, _TR, _TC, _SDT = W + "p", W + "tbl", W + "tr", W + "tc", W + "sdt"
_SDT_CONTENT = W + "sdtContent"
_SKIP = {W + "delText", W + "instrText", W + "sdtPr", W + "sdtEndPr", W + "rPr", W + "pPr",
         W + "tblPr", W + "trPr", W + "tcPr", W + "tblGrid", MC + "Fallback"}

# The XML parts of one package together, inflated: parsed trees take about ten times as
# much memory.  A 1,000-page Word document has some 30 MB.
MAX_XML_BYTES = 64 * 1024 * 1024
DTD = "xml_dtd"  # Unreadable detail: an XML part declares a DTD
XML_SIZE = "xml_size"  # TooLarge detail: the XML parts are too large
_PROLOG_CHARS = 1 << 20  # a prolog (declaration, comments) longer than this is refused
_XML_ENCODINGS = {"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii",
                  "iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252"}
_DECLARED_ENCODING = re.compile(r"""^<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
_CONTENT_TYPE = re.compile(r"""<(?:\w+:)?(Default|Override)\b([^>]*)>""")
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*["']([^"']*)["']""")
_NOT_PARSED = ("image/", "audio/", "video/")  # pictures (SVG) are never parsed as XML

# Characters per page used to estimate a page count when docProps/app.xml has none.
_CJK_CHARS_PER_PAGE = 700
_LATIN_CHARS_PER_PAGE = 2500


class _Reader:
    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.kept = 0
        self.tables: list[list[list[str]]] = []

    @property
    def full(self) -> bool:
        return self.kept >= self.max_chars

    def inline_text(self, el) -> str:
        """The text of a paragraph (runs, hyperlinks, fields, run-level content controls)."""
        parts: list[str] = []
        self._inline(el, parts)
        return "".join(parts)

    def _inline(self, el, parts: list[str]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == _P:  # a paragraph in a text box
                parts.append("\n")
                self._inline(child, parts)
                parts.append("\n")
            else:
                self._inline(child, parts)

    def blocks(self, container, lines: list[str]) -> None:
        """Paragraphs and tables of a body, cell, header or footer, in order."""
        for child in container:
            if self.full:
                return
            tag = child.tag
            if tag == _P:
                text = self.inline_text(child).strip()
                if text:
                    self._keep(lines, text)
            elif tag == _TBL:
                self.table(child, lines)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self.blocks(content, lines)
            elif tag in (W + "customXml", W + "smartTag", MC + "AlternateContent", MC + "Choice"):
                self.blocks(child, lines)

    def _keep(self, lines: list[str], text: str) -> None:
        room = self.max_chars - self.kept
        text = text[:room]
        self.kept += len(text) + 1
        lines.append(text)

    def table(self, tbl, lines: list[str]) -> None:
        rows: list[list[str]] = []
        index = len(self.tables)
        self.tables.append(rows)  # outer table first, nested ones after it
        nested: list[str] = []
        for tr in _children(tbl, _TR):
            row: list[str] = []
            for tc in _children(tr, _TC):
                vmerge = tc.find(f"{W}tcPr/{W}vMerge")
                if vmerge is not None and vmerge.get(W + "val") != "restart":
                    row.append("")  # covered by the cell above, which holds the text
                    continue
                row.append(self.cell(tc, nested))
            rows.append(row)
            cells = [c for c in row if c]
            if cells:
                self._keep(lines, "\t".join(cells))
            lines.extend(nested)
            nested.clear()
            if self.full:
                break
        self.tables[index] = rows

    def cell(self, tc, nested_lines: list[str]) -> str:
        texts: list[str] = []
        for child in _children(tc, _P, _TBL):
            if child.tag == _P:
                text = self.inline_text(child).strip()
                if text:
                    texts.append(text)
            else:
                self.table(child, nested_lines)
        return "\n".join(texts)


def _children(el, *tags: str):
    """Children with one of ``tags``, looking through content controls and custom XML."""
    for child in el:
        tag = child.tag
        if tag in tags:
            yield child
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, *tags)
        elif tag in (W + "customXml", W + "smartTag"):
            yield from _children(child, *tags)


def _content_types(zf: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    """(by extension, by part name) from [Content_Types].xml, read with a regular
    expression so that no XML parser meets it before it is checked."""
    try:
        info = zf.getinfo("[Content_Types].xml")
    except KeyError:
        return {}, {}
    with zf.open(info) as fh:
        text = fh.read(4 * 1024 * 1024).decode("utf-8", "replace")
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    for kind, attrs in _CONTENT_TYPE.findall(text):
        a = dict(_ATTRIBUTE.findall(attrs))
        if kind == "Default" and "Extension" in a:
            defaults[a["Extension"].lower()] = a.get("ContentType", "")
        elif kind == "Override" and "PartName" in a:
            overrides[a["PartName"].lstrip("/")] = a.get("ContentType", "")
    return defaults, overrides


def _is_xml_part(name: str, content_type: str) -> bool:
    """Whether python-docx may parse this part as XML (what is checked): a part named
    .xml or .rels, or one whose content type is XML ("+xml", "/xml") other than a picture
    (an SVG)."""
    if name.lower().endswith((".xml", ".rels")):
        return True
    kind = content_type.lower().split(";", 1)[0].strip()
    if kind.startswith(_NOT_PARSED):
        return False
    # "…+xml" and "…/xml" are XML; an embedded workbook ("…spreadsheetml.sheet"), an OLE
    # object or printer settings are binary parts whose type merely mentions "openxml".
    return kind.endswith(("+xml", "/xml"))


def _encoding(head: bytes) -> tuple[str, int] | None:
    """The encoding of an XML part from its first bytes, and the byte-order mark's length;
    None when it is not UTF-8 or UTF-16 (OOXML allows nothing else)."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8", 3
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return None
    if head.startswith(b"\xff\xfe"):
        return "utf-16-le", 2
    if head.startswith(b"\xfe\xff"):
        return "utf-16-be", 2
    if head.startswith(b"<\x00") and head[2:4] != b"\x00\x00":
        return "utf-16-le", 0
    if head.startswith(b"\x00<"):
        return "utf-16-be", 0
    if b"\x00" in head or head.lstrip(b" \t\r\n")[:1] not in (b"<", b""):
        return None  # UTF-32, EBCDIC or not XML at all
    return "utf-8", 0


def _prolog_problem(text: str, final: bool = False) -> str | None:
    """``xml_dtd`` when the prolog declares a DTD, "" when the root element starts (all
    clear), None when more text is needed (``final``: there is no more)."""
    pos = 0
    n = len(text)
    while True:
        while pos < n and text[pos] in " \t\r\n\ufeff":
            pos += 1
        if pos >= n:
            return None
        if text.startswith("<?", pos):
            end = text.find("?>", pos + 2)
            if end < 0:
                return None
            pos = end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                return None
            pos = end + 3
        elif text.startswith("<!", pos):
            if n - pos < 9 and not final:
                return None  # perhaps a comment cut by the end of a chunk
            return DTD  # <!DOCTYPE (or any markup declaration) before the root
        else:
            return ""  # the root element, or junk the parser will refuse


def _check_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> int:
    """Read one XML part; returns its inflated size.  Raises Unreadable or TooLarge."""
    import codecs

    size = 0
    text = ""
    decoder = None
    settled = False
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 16):
            size += len(chunk)
            if size > room:
                raise TooLarge(XML_SIZE)
            if settled:
                continue
            if decoder is None:
                found = _encoding(chunk[:4])
                if found is None:
                    raise Unreadable("corrupt")
                encoding, bom = found
                decoder = codecs.getincrementaldecoder(encoding)("replace")
                chunk = chunk[bom:]
            text += decoder.decode(chunk)
            declared = _DECLARED_ENCODING.match(text.lstrip("\ufeff"))
            if declared and declared.group(1).strip().lower() not in _XML_ENCODINGS:
                raise Unreadable("corrupt")
            verdict = _prolog_problem(text)
            if verdict:
                raise Unreadable(verdict)
            if verdict == "":
                settled = True
                text = ""
            elif len(text) > _PROLOG_CHARS:
                raise Unreadable("corrupt")
    if not settled and _prolog_problem(text, final=True):
        raise Unreadable(DTD)
    return size


def check_parts(path: Path, max_xml_bytes: int = MAX_XML_BYTES) -> None:
    """Check a DOCX's XML parts before any XML parser reads them: raises
    :class:`Unreadable` ("xml_dtd" for a part that declares a DTD, "corrupt" for one that
    is not UTF-8/UTF-16 XML or a damaged package) or :class:`TooLarge` ("xml_size" when
    the XML parts inflate to more than ``max_xml_bytes`` together)."""
    total = 0
    try:
        with zipfile.ZipFile(path) as zf:
            defaults, overrides = _content_types(zf)
            for info in zf.infolist():
                name = info.filename
                if name.endswith("/"):
                    continue
                ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
                content_type = overrides.get(name) or defaults.get(ext, "")
                if name == "[Content_Types].xml" or _is_xml_part(name, content_type):
                    total += _check_part(zf, info, max_xml_bytes - total)
    except (TooLarge, Unreadable):
        raise
    except MemoryError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError, EOFError,
            NotImplementedError, zlib.error, lzma.LZMAError) as exc:
        raise Unreadable("corrupt") from exc


def _declared_pages(path: Path) -> int:
    """The page count Word saved in docProps/app.xml, or 0.

    Files written from a template by a library keep the template's statistics (one page,
    zero words); a declared count next to zero words and characters is not trusted.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("docProps/app.xml")
            if info.file_size > 1_000_000:
                return 0
            xml = zf.read(info).decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError,
            NotImplementedError, zlib.error, lzma.LZMAError):
        return 0
    m = re.search(r"<(?:\w+:)?Pages>\s*(\d+)\s*</", xml)
    if not m:
        return 0
    stats = re.findall(r"<(?:\w+:)?(?:Words|Characters)>\s*(\d+)\s*</", xml)
    if stats and all(int(n) == 0 for n in stats):
        return 0
    return int(m.group(1))


def estimate_pages(text: str, tables: int = 0) -> int:
    """A page count from the amount of text (CJK characters fill a page faster)."""
    cjk = sum(1 for ch in text if "\u3000" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    other = len(text) - cjk
    pages = cjk / _CJK_CHARS_PER_PAGE + other / _LATIN_CHARS_PER_PAGE + tables * 0.3
    return max(1, round(pages + 0.49))


def _raw_body(path: Path):
    """The body read without python-docx (:mod:`.docxraw`); Unreadable when that fails."""
    from bot.precheck.extract.docxraw import read_body

    try:
        return read_body(path)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - lxml syntax errors, damaged zip entries
        raise Unreadable("corrupt") from exc


def read_docx(path: Path, *, max_chars: int = 400_000) -> Document:
    """Read a DOCX.  ``pages`` holds one text per body section, then one for all headers
    and footers (if any).  ``page_count`` comes from docProps/app.xml when Word saved it
    there, otherwise it is estimated and ``page_count_estimated`` is set.  Raises
    :class:`Unreadable` or :class:`TooLarge` (see :func:`check_parts`)."""
    import docx

    check_parts(path)
    document = None
    try:
        document = docx.Document(str(path))
        body = document.element.body
    except MemoryError:
        raise  # the worker reports it and is replaced
    except Exception:  # noqa: BLE001 - PackageNotFoundError, KeyError, lxml errors …
        # A missing part or Strict Open XML: python-docx gives up where Word does not.
        body = _raw_body(path)

    reader = _Reader(max_chars)
    sections: list[list[str]] = [[]]
    for child in body:
        if reader.full:
            break
        tag = child.tag
        if tag == W + "sectPr":
            continue
        reader.blocks([child], sections[-1])
        # A paragraph carrying w:sectPr ends a section.
        if tag == _P and child.find(f"{W}pPr/{W}sectPr") is not None:
            sections.append([])
    pages = ["\n".join(lines) for lines in sections if lines]

    # Headers and footers, each part once, in section order.
    margins: list[str] = []
    seen: set[str] = set()
    part = document.part if document is not None else None
    for sect_pr in body.iter(W + "sectPr") if part is not None else ():
        for ref in sect_pr:
            if ref.tag not in (W + "headerReference", W + "footerReference"):
                continue
            rid = ref.get(R + "id")
            if not rid or rid in seen or part is None or rid not in part.rels:
                continue
            seen.add(rid)
            try:
                element = part.rels[rid].target_part.element
            except (AttributeError, KeyError, ValueError):
                continue
            reader.blocks(element, margins)
    if margins:
        pages.append("\n".join(margins))

    title = ""
    try:
        if document is not None:
            title = (document.core_properties.title or "").strip()
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - a damaged core.xml only loses the title
        title = ""
    text = "\n".join(pages)
    declared = _declared_pages(path)
    estimated = declared <= 0
    page_count = declared if declared > 0 else estimate_pages(text, len(reader.tables))
    return Document(kind="docx", pages=pages, page_count=page_count, has_text_layer=True,
                    tables=reader.tables, title=title, page_count_estimated=estimated)
