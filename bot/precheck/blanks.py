"""Blank DOCX copies of the notice's two annex forms, for applicants to download and fill in.

- ``annex1``: 附件1 国外职业资格证书及其发证机构资格审核注册表 (part of the application, 三（四）1);
- ``annex2``: 附件2 国外职业资格证书发证机构年度核发证书信息汇总表 (sent every December, 六（四）).

Everything printed — title, section headings, labels, column titles, the number of
numbered rows — comes from ``bot.notice.ANNEX1`` / ``ANNEX2``.  The layout follows the
notice: the basic-information table with 单位负责人/联系手机, 业务联系人/联系手机 and
办公电话/电子邮箱 side by side, numbered table rows, a ``…`` row where the form is open
ended, and boxes for free text.  A4, 宋体 (SimSun) for Chinese text, 五号/小四 sizes.

A filled-in copy is read back by ``bot.precheck.annex1.read_annex1``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from bot.notice import ANNEXES, NOTICE, AnnexForm, FormField, FormSection, FormTable

KINDS: tuple[str, ...] = tuple(ANNEXES)

BODY_FONT = "宋体"  # SimSun: the East-Asian font of the form's text
HEADING_FONT = "黑体"  # SimHei: 附件 number and title
LATIN_FONT = "Times New Roman"
TITLE_SIZE = Pt(18)  # 小二
NUMBER_SIZE = Pt(16)  # 三号
HEADING_SIZE = Pt(12)  # 小四
TEXT_SIZE = Pt(10.5)  # 五号

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = Mm(20), Mm(25), Mm(20)
TEXT_WIDTH_MM = 170

# Fields printed in the same row as the field before them: the two 联系手机 (after
# 单位负责人 and after 业务联系人) and 电子邮箱 (after 办公电话), as on the notice's form.
PAIRED_KINDS = frozenset({"mobile", "email"})

# Height of the box left for each free-text part, by how much the notice expects there.
_BOX_MM_SINGLE = 55  # a section that is one box (三, 六; 附件2 三)
_BOX_MM_PART = 32  # a box that is one part of a section (四（一）, 四（三）; 附件2 四)
_ROW_MM = 9  # a labelled or numbered row


def setup_document(document: docx.document.Document, *, title: str = "", subject: str = "") -> None:
    """A4 portrait, margins, and the fonts (Latin and East-Asian) and sizes of the styles."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN_SIDE
        section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    normal = document.styles["Normal"]
    normal.font.size = TEXT_SIZE  # what the applicant types into the cells
    set_fonts(normal.element.get_or_add_rPr(), LATIN_FONT, BODY_FONT)
    _set_lang(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.15
    props = document.core_properties
    if title:
        props.title = title
    if subject:
        props.subject = subject
    props.language = "zh-CN"


def set_fonts(rpr, latin: str, east_asian: str) -> None:
    """Set ``w:rFonts`` of a run or style: ``latin`` for ASCII, ``east_asian`` for CJK."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def _set_lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def add_text(paragraph, text: str, *, size: Pt = TEXT_SIZE, bold: bool = False,
             font: str = BODY_FONT):
    """A run with the project's fonts."""
    run = paragraph.add_run(text)
    run.font.size = size
    run.font.bold = bold
    set_fonts(run._element.get_or_add_rPr(), LATIN_FONT, font)
    return run


def set_cell(cell, text: str, *, bold: bool = False, align=WD_ALIGN_PARAGRAPH.CENTER,
             size: Pt = TEXT_SIZE, valign=WD_CELL_VERTICAL_ALIGNMENT.CENTER) -> None:
    """Replace a cell's text (one paragraph per line)."""
    lines = text.split("\n") if text else [""]
    paragraphs = cell.paragraphs
    for extra in paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    first = paragraphs[0]
    for run in list(first.runs):
        run._element.getparent().remove(run._element)
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        p.alignment = align
        if line:
            add_text(p, line, size=size, bold=bold)
    cell.vertical_alignment = valign


def set_widths(table, widths_mm: Sequence[float]) -> None:
    """Fixed column widths in mm (python-docx sets them per cell; Word reads the grid)."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = tbl_pr.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        tbl_pr.append(layout)
    layout.set(qn("w:type"), "fixed")
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _row_height(row, mm: float) -> None:
    row.height = Mm(mm)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    tr_pr.append(el)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    tr_pr.append(el)


def _merged(row):
    cells = row.cells
    return cells[0].merge(cells[-1]) if len(cells) > 1 else cells[0]


def _spacer(document, points: float = 6) -> None:
    p = document.add_paragraph()
    p.paragraph_format.space_before = Pt(0)
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = Pt(points)


# ---------------------------------------------------------------------------
# The parts of a section, in the order the notice prints them
# ---------------------------------------------------------------------------

_ORDINAL = re.compile(r"^[（(]([一二三四五六七八九十]+)[)）]")
_CN_NUMBERS = "一二三四五六七八九十"


@dataclass(frozen=True)
class _Part:
    kind: str  # "fields" | "table" | "box"
    title: str  # its heading on the form ("" when the section heading says it all)
    fields: tuple[FormField, ...] = ()
    table: FormTable | None = None

    @property
    def columns(self) -> int:
        if self.kind == "fields":
            return 4
        if self.kind == "table" and self.table is not None:
            return len(self.table.columns)
        return 0  # fits any width


def _ordinal(title: str) -> int | None:
    m = _ORDINAL.match(title)
    return _CN_NUMBERS.index(m.group(1)) + 1 if m and len(m.group(1)) == 1 else None


def _squash(text: str) -> str:
    return re.sub(r"[\s（）()、]", "", text)


def _shown(title: str, section: FormSection) -> str:
    """The part's own heading, unless the section heading already says it."""
    return "" if _squash(title) in _squash(section.title) else title


def section_heading(section: FormSection) -> str:
    """The section's heading as printed; a section that is one box of explanation carries it
    in brackets, as 六、管理制度（…） does on the notice's form."""
    if len(section.free_text) == 1 and not section.tables and not section.fields:
        label = section.free_text[0][0]
        if not _ORDINAL.match(label) and _squash(label) not in _squash(section.title):
            return f"{section.title}（{label}）"
    return section.title


def _parts(section: FormSection) -> list[_Part]:
    parts: list[_Part] = []
    if section.fields:
        parts.append(_Part("fields", "", fields=section.fields))
    numbered: list[tuple[int, int, _Part]] = []
    for i, table in enumerate(section.tables):
        numbered.append((_ordinal(table.title) or 0, i, _Part("table", _shown(table.title, section),
                                                              table=table)))
    single = section_heading(section) != section.title
    for i, (label, _en) in enumerate(section.free_text):
        title = "" if single else _shown(label, section)
        numbered.append((_ordinal(label) or 0, 100 + i, _Part("box", title)))
    parts.extend(p for _, _, p in sorted(numbered, key=lambda t: (t[0], t[1])))
    return parts


def _column_widths(columns: Sequence[str], total: float = TEXT_WIDTH_MM) -> list[float]:
    """Widths in mm: the number column narrow, the identity-number column wide enough for 18
    digits, the others by the length of their titles."""
    from bot.precheck.annex1 import ID_COLUMN, NUMBER_COLUMN

    fixed: dict[int, float] = {}
    weights: dict[int, float] = {}
    for i, col in enumerate(columns):
        if col == NUMBER_COLUMN:
            fixed[i] = 13
        elif col == ID_COLUMN:
            fixed[i] = 48
        else:
            weights[i] = min(max(len(col), 3), 9)
    rest = total - sum(fixed.values())
    scale = rest / sum(weights.values()) if weights else 0
    return [fixed.get(i, weights.get(i, 0) * scale) for i in range(len(columns))]


# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------


def _group(parts: list[_Part]) -> list[list[_Part]]:
    """Parts that share one Word table: a new table starts where the column count changes."""
    groups: list[list[_Part]] = []
    width = 0
    for part in parts:
        if groups and (part.columns in (0, width) or width == 0):
            groups[-1].append(part)
            width = width or part.columns
        else:
            groups.append([part])
            width = part.columns
    return groups


def _field_rows(fields: Sequence[FormField]) -> list[list[FormField]]:
    rows: list[list[FormField]] = []
    for f in fields:
        if f.kind in PAIRED_KINDS and rows and len(rows[-1]) == 1:
            rows[-1].append(f)
        else:
            rows.append([f])
    return rows


def _add_group(document, section: FormSection, group: list[_Part], *, first: bool,
               single_box: bool) -> None:
    width = max((p.columns for p in group), default=0) or 1
    table = document.add_table(rows=0, cols=width)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    heading_rows = []

    def full_row(text: str, *, bold: bool, align=WD_ALIGN_PARAGRAPH.LEFT, mm: float = _ROW_MM):
        row = table.add_row()
        _row_height(row, mm)
        cell = _merged(row)
        set_cell(cell, text, bold=bold, align=align, size=HEADING_SIZE if bold else TEXT_SIZE,
                 valign=WD_CELL_VERTICAL_ALIGNMENT.CENTER if text else
                 WD_CELL_VERTICAL_ALIGNMENT.TOP)
        return row

    if first:
        heading_rows.append(full_row(section_heading(section), bold=True))
    widths: list[float] = [TEXT_WIDTH_MM / width] * width
    for part in group:
        if part.title:
            heading_rows.append(full_row(part.title, bold=True))
        if part.kind == "fields":
            widths = [34, 51, 30, 55]
            for pair in _field_rows(part.fields):
                row = table.add_row()
                _row_height(row, _ROW_MM + 1)
                _cant_split(row)
                cells = row.cells
                if len(pair) == 1:
                    set_cell(cells[0], pair[0].label)
                    value = cells[1].merge(cells[3])
                    set_cell(value, "", align=WD_ALIGN_PARAGRAPH.LEFT)
                else:
                    set_cell(cells[0], pair[0].label)
                    set_cell(cells[1], "", align=WD_ALIGN_PARAGRAPH.LEFT)
                    set_cell(cells[2], pair[1].label)
                    set_cell(cells[3], "", align=WD_ALIGN_PARAGRAPH.LEFT)
        elif part.kind == "table" and part.table is not None:
            t = part.table
            widths = _column_widths(t.columns)
            header = table.add_row()
            _cant_split(header)
            _row_height(header, _ROW_MM + 2)
            for cell, col in zip(header.cells, t.columns, strict=True):
                set_cell(cell, col, bold=True)
            for n in range(1, t.rows + 1):
                row = table.add_row()
                _row_height(row, _ROW_MM)
                _cant_split(row)
                set_cell(row.cells[0], str(n))
            if t.open_ended:
                row = table.add_row()
                _row_height(row, _ROW_MM)
                set_cell(row.cells[0], "…")
        else:  # a box for free text
            full_row("", bold=False, mm=_BOX_MM_SINGLE if single_box else _BOX_MM_PART)
    set_widths(table, widths)
    for row in heading_rows:
        _cant_split(row)
    keep_table_together(table)


def keep_table_together(table) -> None:
    """Keep each row with the next, so a table (or its heading) does not start at the foot of
    a page and go on on the next one, unless it is longer than a page."""
    for row in list(table.rows)[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def build_template(kind: str) -> docx.document.Document:
    """The blank form ``kind`` (``annex1`` or ``annex2``) as a python-docx Document."""
    form = _form(kind)
    document = docx.Document()
    setup_document(document, title=form.title, subject=f"{NOTICE.number} {form.number}")
    number = document.add_paragraph()
    add_text(number, form.number, size=NUMBER_SIZE, font=HEADING_FONT)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(18)
    add_text(title, form.title, size=TITLE_SIZE, font=HEADING_FONT)
    first_table = True
    for section in form.sections:
        parts = _parts(section)
        single_box = len(parts) == 1 and parts[0].kind == "box"
        for i, group in enumerate(_group(parts)):
            if not first_table:
                _spacer(document)
            _add_group(document, section, group, first=i == 0, single_box=single_box)
            first_table = False
    return document


def _form(kind: str) -> AnnexForm:
    try:
        return ANNEXES[kind]
    except KeyError:
        raise ValueError(f"unknown form {kind!r}: choose one of {', '.join(KINDS)}") from None


def template_bytes(kind: str) -> bytes:
    """The blank form ``kind`` as DOCX bytes."""
    buffer = io.BytesIO()
    build_template(kind).save(buffer)
    return buffer.getvalue()


def write_template(kind: str, path: str | Path) -> None:
    """Write the blank form ``kind`` (``annex1`` or ``annex2``) to ``path`` as DOCX.

    Raises ``ValueError`` for an unknown kind.
    """
    data = template_bytes(kind)
    Path(path).write_bytes(data)
