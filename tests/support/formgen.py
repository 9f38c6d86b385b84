"""Filled-in registration forms (附件1) for tests: DOCX from the project's own template, a
PDF with a real table and a CJK text layer, and layout variants.

Every builder fills valid sample values by default (``SAMPLE``); keyword overrides blank
or corrupt any of them:

- a basic field by its key in ``bot.notice.ANNEX1`` (``name``, ``uscc``, ``head_mobile``,
  ``contact_mobile``, ``email`` …): ``uscc="91110000600037341M"``, ``email=""``;
- a free-text box by its key in ``bot.precheck.annex1.FREE_TEXTS`` with ``.`` written as ``_``
  (``introduction_1``, ``facilities_1``, ``facilities_2``, ``management_1``);
- a table by its key (``certificates``, ``equipment``, ``full_time_staff``,
  ``examiners``): a list of rows, each a sequence of values for the columns after 序号,
  or a dict by column title; ``[]`` leaves the table blank.

Nothing here reads a form: the values are put into the cells by the template's structure,
so reading them back tests ``bot.precheck.annex1`` for real.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import docx

from bot.notice import ANNEX1, ANNEX2, FormTable
from bot.precheck.annex1 import FREE_TEXTS
from bot.precheck.blanks import section_heading, template_bytes
from bot.precheck.validators import id_check_digit

STAFF_ID = "11010519491231002X"  # GB 11643's own example
EXAMINER_ID = "45010219800101123" + id_check_digit("45010219800101123")
USCC = "91110000600037341L"  # GB 32100's own example

SAMPLE: dict[str, Any] = {
    "name": "广西桂南职业技能评价有限公司",
    "address": "广西南宁市青秀区民族大道100号",
    "registrar": "南宁市市场监督管理局",
    "uscc": USCC,
    "head": "张伟",
    "head_mobile": "13877112345",
    "contact": "李娜",
    "contact_mobile": "139 7715 4321",
    "office_phone": "0771-5678901",
    "email": "contact@example.com",
    "issuer": "Global Welding Institute Ltd",
    "introduction_1": "Global Welding Institute 焊接技能证书在40余个国家通行，设三个等级。",
    "facilities_1": "自有实训场地1200平方米，位于南宁市青秀区。",
    "facilities_2": "考务管理系统1套，考场视频监控全覆盖，录像保存90天。",
    "management_1": "已制定考评人员管理办法、题库管理制度，设考务部专门负责考试。",
    "certificates": [
        ("国际焊接技能证书（三级）", "焊工 三级/高级工", "6-18-02-04"),
    ],
    "equipment": [
        ("交流弧焊机", "某品牌", "BX1-500", "20", "自有"),
    ],
    "full_time_staff": [
        ("王芳", STAFF_ID, "考务主管/工程师", "本科", "考务管理"),
    ],
    "examiners": [
        ("赵强", EXAMINER_ID, "广西某某技师学院", "教师/高级技师", "本科", "焊接"),
    ],
}

_FIELD_KEYS = {f.key for f in ANNEX1.fields()}
_FREE_KEYS = {ft.key.replace(".", "_"): ft for ft in FREE_TEXTS}
_TABLES: dict[str, FormTable] = {t.key: t for s in ANNEX1.sections for t in s.tables}
_TABLES.update({t.key: t for s in ANNEX2.sections for t in s.tables})


def values(**overrides: Any) -> dict[str, Any]:
    """The sample values with ``overrides`` applied (``None`` is the same as blank)."""
    unknown = set(overrides) - set(SAMPLE) - _FIELD_KEYS - set(_FREE_KEYS) - set(_TABLES)
    if unknown:
        raise TypeError(f"unknown form keys: {sorted(unknown)}")
    out = dict(SAMPLE)
    for key, value in overrides.items():
        out[key] = "" if value is None else value
    return out


def table_rows(table: FormTable, rows: Sequence[Any]) -> list[list[str]]:
    """Rows as lists of cell texts for the columns after 序号."""
    out = []
    for row in rows:
        if isinstance(row, Mapping):
            out.append([str(row.get(c, "")) for c in table.columns[1:]])
        else:
            cells = [str(c) for c in row]
            out.append(cells + [""] * (len(table.columns) - 1 - len(cells)))
    return out


# ---------------------------------------------------------------------------
# DOCX from the project's template
# ---------------------------------------------------------------------------


def _cell_text(cell) -> str:
    return cell.text.strip()


def _unique_cells(row) -> list:
    seen, out = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell)
    return out


def _put(cell, text: str) -> None:
    paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._element.getparent().remove(run._element)
    lines = str(text).split("\n")
    paragraph.add_run(lines[0])
    for line in lines[1:]:
        cell.add_paragraph(line)


def fill_template(document, kind: str, vals: Mapping[str, Any]) -> None:
    """Write ``vals`` into a template document of ``kind`` (``annex1`` or ``annex2``)."""
    form = ANNEX1 if kind == "annex1" else ANNEX2
    fields = list(form.fields())
    pending = list(fields)  # in form order: the two 联系手机 are filled in turn
    headings = _free_headings(form)
    for table in document.tables:
        rows = list(table.rows)
        for i, row in enumerate(rows):
            cells = _unique_cells(row)
            texts = [_cell_text(c) for c in cells]
            spec = _table_for_header(texts)
            if spec is not None:
                _fill_rows(table, i, spec, vals.get(spec.key, []))
                continue
            for j, text in enumerate(texts):
                match = next((f for f in pending if f.label == text), None)
                if match is not None and j + 1 < len(cells):
                    pending.remove(match)
                    _put(cells[j + 1], vals.get(match.key, ""))
            if len(cells) == 1 and texts[0] in headings and i + 1 < len(rows):
                key = headings[texts[0]]
                _put(_unique_cells(rows[i + 1])[0], vals.get(key, ""))


def _free_headings(form) -> dict[str, str]:
    """Heading text printed above each free-text box → the box's override key.

    A part with its own heading (（一）场地情况) is announced by it; a section that is a
    single box by the section's heading.
    """
    out: dict[str, str] = {}
    for section in form.sections:
        for i, (label, _en) in enumerate(section.free_text):
            key = f"{section.key}_{i + 1}"
            out[label] = key
            if len(section.free_text) == 1 and not section.tables:
                out[section.title] = key
                out[section_heading(section)] = key
    return out


def _table_for_header(texts: Sequence[str]) -> FormTable | None:
    for table in _TABLES.values():
        if list(texts) == list(table.columns):
            return table
    return None


def _fill_rows(table, header_index: int, spec: FormTable, rows: Sequence[Any]) -> None:
    data = table_rows(spec, rows)
    body = list(table.rows)[header_index + 1: header_index + 1 + spec.rows]
    while len(data) > len(body):  # more rows than the form prints: add numbered rows
        new = copy.deepcopy(body[-1]._tr)
        body[-1]._tr.addnext(new)
        body = list(table.rows)[header_index + 1: header_index + 2 + len(body)]
        _put(_unique_cells(body[-1])[0], str(len(body)))
    for row, cells in zip(body, data, strict=False):
        targets = _unique_cells(row)[1:]
        for target, text in zip(targets, cells, strict=False):
            _put(target, text)


def filled_annex1_document(**overrides: Any):
    """The project's 附件1 template, filled in, as a python-docx Document."""
    document = docx.Document(io.BytesIO(template_bytes("annex1")))
    fill_template(document, "annex1", values(**overrides))
    return document


def filled_annex1_docx(path: str | Path, **overrides: Any) -> Path:
    """附件1 from the project's template, filled with ``SAMPLE`` (and ``overrides``)."""
    path = Path(path)
    filled_annex1_document(**overrides).save(str(path))
    return path


def filled_annex2_docx(path: str | Path, **overrides: Any) -> Path:
    """附件2 (the annual summary) from the project's template, with the same basic
    information and ``issued`` rows (certificate, occupation, code, number issued)."""
    vals = values(**{k: v for k, v in overrides.items() if k != "issued"})
    vals["issued"] = overrides.get("issued", [("国际焊接技能证书（三级）", "焊工 三级/高级工",
                                                 "6-18-02-04", "35")])
    vals["work_1"] = "本年度组织考试4次，核发证书35本。"
    vals["register_1"] = "见附件名册。"
    document = docx.Document(io.BytesIO(template_bytes("annex2")))
    fill_template(document, "annex2", vals)
    path = Path(path)
    document.save(str(path))
    return path


# ---------------------------------------------------------------------------
# Layout variants, written from scratch
# ---------------------------------------------------------------------------


def _spaced(label: str) -> str:
    return " ".join(label)


def _basic_pairs(vals: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [(f.label, str(vals.get(f.key, ""))) for f in ANNEX1.fields()]


def _free_items(vals: Mapping[str, Any]) -> list[tuple[str, str]]:
    out = []
    for section in ANNEX1.sections:
        for i, (label, _en) in enumerate(section.free_text):
            heading = label if label.startswith("（") else section_heading(section)
            out.append((heading, str(vals.get(f"{section.key}_{i + 1}", ""))))
    return out


def _add_table(document, rows: Sequence[Sequence[str]]):
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = document.styles["Table Grid"]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            _put(table.rows[r].cells[c], text)
    return table


def _data_tables(document, vals: Mapping[str, Any]) -> None:
    for key in ("certificates", "full_time_staff", "examiners"):
        spec = _TABLES[key]
        document.add_paragraph(spec.title)
        rows = [list(spec.columns)]
        for n, cells in enumerate(table_rows(spec, vals.get(key, [])), start=1):
            rows.append([str(n), *cells])
        rows.append([str(len(rows))] + [""] * (len(spec.columns) - 1))  # a blank numbered row
        _add_table(document, rows)


def filled_annex1_inline_docx(path: str | Path, **overrides: Any) -> Path:
    """附件1 laid out differently: every label and its value in one cell with a full-width
    colon and spaces inside the label (``机 构 名 称：…``), two pairs per row, and the
    free-text parts as plain paragraphs under their headings, outside any table."""
    vals = values(**overrides)
    document = docx.Document()
    document.add_paragraph(ANNEX1.number)
    document.add_paragraph(ANNEX1.title)
    pairs = [f"{_spaced(label)}：{value}" for label, value in _basic_pairs(vals)]
    rows = [pairs[i:i + 2] for i in range(0, len(pairs), 2)]
    rows[-1] += [""] * (2 - len(rows[-1]))
    _add_table(document, rows)
    _data_tables(document, vals)
    for heading, text in _free_items(vals):
        document.add_paragraph(heading)
        if text:
            document.add_paragraph(text)
    path = Path(path)
    document.save(str(path))
    return path


def filled_annex1_header_docx(path: str | Path, **overrides: Any) -> Path:
    """附件1 with the labels as column headers and the values in the row below."""
    vals = values(**overrides)
    document = docx.Document()
    document.add_paragraph(ANNEX1.title)
    pairs = _basic_pairs(vals)
    for chunk in (pairs[:4], pairs[4:8], pairs[8:]):
        _add_table(document, [[label for label, _ in chunk], [value for _, value in chunk]])
    _data_tables(document, vals)
    for heading, text in _free_items(vals):
        _add_table(document, [[heading], [text]])
    path = Path(path)
    document.save(str(path))
    return path


def annex1_text_lines(**overrides: Any) -> list[str]:
    """附件1 as plain text lines, as a PDF without ruled tables reads: ``机构名称：…``."""
    vals = values(**overrides)
    lines = [ANNEX1.title]
    lines += [f"{label}：{value}" for label, value in _basic_pairs(vals)]
    for key in ("certificates", "full_time_staff", "examiners"):
        spec = _TABLES[key]
        lines.append(spec.title)
        lines.append("  ".join(spec.columns))
        for n, cells in enumerate(table_rows(spec, vals.get(key, [])), start=1):
            lines.append("  ".join([str(n), *[c or "/" for c in cells]]))
    for heading, text in _free_items(vals):
        lines.append(heading)
        if text:
            lines.append(text)
    return lines


def filled_annex1_text_docx(path: str | Path, **overrides: Any) -> Path:
    """附件1 with no tables at all: one ``label：value`` paragraph per field."""
    document = docx.Document()
    for line in annex1_text_lines(**overrides):
        document.add_paragraph(line)
    path = Path(path)
    document.save(str(path))
    return path


# ---------------------------------------------------------------------------
# PDF with a ruled table and a CJK text layer
# ---------------------------------------------------------------------------

_FONT = "STSong-Light"


def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    try:
        pdfmetrics.getFont(_FONT)
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    return _FONT


def filled_annex1_pdf(path: str | Path, **overrides: Any) -> Path:
    """附件1 as a PDF: the notice's tables drawn with rules (reportlab ``Table``) in
    STSong-Light, so pdfplumber finds the tables and the text layer is Chinese.  The label
    column is narrow, so long labels wrap over two lines inside their cells."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    vals = values(**overrides)
    font = _register_font()
    style = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    title_style = ParagraphStyle("title", parent=style, fontSize=15, leading=20, alignment=1)

    def p(text: str) -> Paragraph:
        return Paragraph(str(text).replace("&", "&amp;").replace("<", "&lt;"), style)

    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    story: list[Any] = [p(ANNEX1.number), Paragraph(ANNEX1.title, title_style), Spacer(1, 6 * mm)]
    width = 170 * mm

    # 一、basic information: 4 columns, the label column narrow.
    widths = [22 * mm, 63 * mm, 22 * mm, 63 * mm]
    rows: list[list[Any]] = [[p(ANNEX1.sections[0].title), "", "", ""]]
    spans = [("SPAN", (0, 0), (-1, 0))]
    fields = list(ANNEX1.fields())
    i = 0
    while i < len(fields):
        f = fields[i]
        nxt = fields[i + 1] if i + 1 < len(fields) else None
        if nxt is not None and nxt.kind in ("mobile", "email"):
            rows.append([p(f.label), p(vals.get(f.key, "")), p(nxt.label),
                         p(vals.get(nxt.key, ""))])
            i += 2
        else:
            rows.append([p(f.label), p(vals.get(f.key, "")), "", ""])
            spans.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
            i += 1
    story += [Table(rows, colWidths=widths, style=TableStyle(grid.getCommands() + spans)),
              Spacer(1, 4 * mm)]

    # The three checked tables.
    for key in ("certificates", "full_time_staff", "examiners"):
        spec = _TABLES[key]
        n = len(spec.columns)
        col_w = [12 * mm] + [(width - 12 * mm) / (n - 1)] * (n - 1)
        rows = [[p(spec.title)] + [""] * (n - 1), [p(c) for c in spec.columns]]
        data = table_rows(spec, vals.get(key, []))
        for k in range(max(spec.rows, len(data))):
            cells = data[k] if k < len(data) else [""] * (n - 1)
            rows.append([p(str(k + 1)), *[p(c) for c in cells]])
        story += [Table(rows, colWidths=col_w, repeatRows=2,
                        style=TableStyle(grid.getCommands() + [("SPAN", (0, 0), (-1, 0))])),
                  Spacer(1, 4 * mm)]

    # Free-text boxes: heading row and a box row.
    for heading, text in _free_items(vals):
        story += [Table([[p(heading)], [p(text)]], colWidths=[width],
                        rowHeights=[None, 18 * mm], style=grid),
                  Spacer(1, 4 * mm)]

    path = Path(path)
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                      topMargin=20 * mm, bottomMargin=20 * mm, title=ANNEX1.title).build(story)
    return path
