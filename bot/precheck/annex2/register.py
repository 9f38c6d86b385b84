"""annex2: the register of certificates issued (四、核发证书信息名册), attached as a file.

The notice gives the register no columns, so a register is counted by its shape: the
data rows of its largest table (rows with at least two cells filled in, after the first
such row, which is the header; repeated headers and 合计 rows are not counted), or, in a
text without tables, the lines that start with a row number.  An XLSX register is read
with openpyxl when it is installed, else from the sheet's XML inside the zip, with the
zip's entry sizes checked first and no DTD accepted (defusedxml).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from defusedxml import ElementTree as SafeTree

from bot.precheck.annex1.labels import norm
from bot.precheck.annex1.reader import _rows
from bot.precheck.results import Document

_NAME_WORDS = ("名册", "花名册", "证书信息名册", "roster", "register")
_TOTAL_WORDS = ("合计", "总计", "共计", "小计", "total")
_NUMBERED_LINE = re.compile(r"^\s*\d{1,5}[\s.、,，]+\S+\s+\S+")
MAX_XML_BYTES = 32 * 1024 * 1024  # one sheet's XML, inflated
MAX_ROWS = 200_000
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def looks_like_register(name: str, doc: Document | None = None) -> bool:
    """Whether a file is a register of certificates: by its name or its title line."""
    text = norm(name).lower()
    if doc is not None and isinstance(doc.pages, list) and doc.pages:
        first = next((line for line in str(doc.pages[0]).splitlines() if line.strip()), "")
        text += norm(first).lower()
    return any(w in text for w in _NAME_WORDS)


def _count_table(rows: list[list[str]]) -> int:
    filled = [[c.strip() for c in row] for row in rows if sum(1 for c in row if c.strip()) >= 2]
    if not filled:
        return 0
    header = [norm(c) for c in filled[0]]
    count = 0
    for row in filled[1:]:
        cells = [norm(c) for c in row]
        if cells == header:
            continue  # the header repeated on a new page
        first = next((c for c in cells if c), "").lower()
        if any(first.startswith(w) for w in _TOTAL_WORDS):
            continue
        count += 1
    return count


def count_register_rows(doc: Document) -> int:
    """The number of people (certificates) listed in a register read from DOCX or PDF."""
    tables = [_rows(t) for t in (doc.tables if isinstance(doc.tables, list) else [])]
    counts = [_count_table(t) for t in tables if t]
    if counts and max(counts) > 0:
        # A table cut by page breaks comes as several tables: with the same header
        # repeated, or going on without one (its first row is then data too).
        main = max(range(len(counts)), key=lambda i: counts[i])
        header = norm("".join(tables[main][0]))
        total = 0
        for rows, c in zip((t for t in tables if t), counts, strict=True):
            if norm("".join(rows[0])) == header:
                total += c
            elif not _has_header(rows) and c:
                total += c + 1
        return total
    lines = [line for page in (doc.pages if isinstance(doc.pages, list) else [])
             for line in str(page).splitlines()]
    return sum(1 for line in lines if _NUMBERED_LINE.match(line))


def _has_header(rows: list[list[str]]) -> bool:
    first = [c for c in rows[0] if c.strip()] if rows else []
    return bool(first) and not any(norm(c).isdigit() for c in first)


# -- XLSX ------------------------------------------------------------------------------


class RegisterError(ValueError):
    """The XLSX file cannot be read safely."""


def _read_entry(zf: zipfile.ZipFile, name: str) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > MAX_XML_BYTES:
        raise RegisterError("too_large")
    with zf.open(info) as f:
        data = f.read(MAX_XML_BYTES + 1)
    if len(data) > MAX_XML_BYTES:
        raise RegisterError("too_large")
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise RegisterError("dtd")
    return data


def _first_sheet(zf: zipfile.ZipFile) -> str:
    names = sorted(n for n in zf.namelist()
                   if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
    if not names:
        raise RegisterError("no_sheet")
    return min(names, key=lambda n: int(re.sub(r"\D", "", n.rsplit("/", 1)[-1])))


def xlsx_rows_xml(path: Path) -> list[list[str]]:
    """The first sheet's cell texts, row by row, read from the XML in the zip."""
    try:
        with zipfile.ZipFile(path) as zf:
            shared: list[str] = []
            if "xl/sharedStrings.xml" in zf.namelist():
                root = SafeTree.fromstring(_read_entry(zf, "xl/sharedStrings.xml"))
                shared = ["".join(t.text or "" for t in si.iter(f"{_NS}t"))
                          for si in root.iter(f"{_NS}si")]
            root = SafeTree.fromstring(_read_entry(zf, _first_sheet(zf)))
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError, ValueError,
            RuntimeError, NotImplementedError) as exc:
        if isinstance(exc, RegisterError):
            raise
        raise RegisterError("unreadable") from exc
    out: list[list[str]] = []
    for row in root.iter(f"{_NS}row"):
        cells = []
        for c in row.iter(f"{_NS}c"):
            kind = c.get("t", "")
            v = c.find(f"{_NS}v")
            text = v.text if v is not None and v.text else ""
            if kind == "s" and text.isdigit():
                text = shared[int(text)] if int(text) < len(shared) else ""
            elif kind == "inlineStr":
                text = "".join(t.text or "" for t in c.iter(f"{_NS}t"))
            cells.append(text)
        out.append(cells)
        if len(out) > MAX_ROWS:
            raise RegisterError("too_many_rows")
    return out


def xlsx_rows(path: Path) -> list[list[str]]:
    """The first sheet's rows: with openpyxl if it is installed, else from the XML."""
    try:
        import openpyxl
    except ImportError:
        return xlsx_rows_xml(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        sheet = wb.worksheets[0]
        rows = [["" if v is None else str(v) for v in row]
                for _, row in zip(range(MAX_ROWS + 1), sheet.iter_rows(values_only=True),
                                  strict=False)]
        wb.close()
    except Exception as exc:  # noqa: BLE001 - any failure of a hostile file is "unreadable"
        raise RegisterError("unreadable") from exc
    return rows


def count_xlsx_rows(path: Path) -> int:
    return _count_table(xlsx_rows(path))
