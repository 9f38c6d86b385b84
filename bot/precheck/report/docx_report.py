"""The pre-check as a printable Word document (A4, 宋体/黑体, page numbers).

Header with the notice number, the reference number and the date; the verdict; the
materials table grouped by category; the translation table; file problems; the form's
findings; next steps (where to apply, the expert review, the 45-working-day limit); and
the disclaimer that this is a pre-check, not the decision.
"""

from __future__ import annotations

import io

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from bot import i18n
from bot.precheck.blanks import (
    HEADING_FONT,
    TEXT_SIZE,
    add_text,
    keep_table_together,
    set_cell,
    set_widths,
    setup_document,
)
from bot.precheck.report.view import ReportView, build_view, t
from bot.precheck.results import COMPLETE, MISSING, PROBLEM, PrecheckResult

RED = RGBColor(0xB7, 0x1C, 0x1C)
GREEN = RGBColor(0x1B, 0x5E, 0x20)
GREY = "EDEDED"
_NUMBERS_ZH = "一二三四五六七八九十"


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _heading(document, number: int, text: str, lang: str) -> None:
    p = document.add_paragraph()
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.space_after = Pt(6)
    p.paragraph_format.keep_with_next = True
    label = f"{_NUMBERS_ZH[number - 1]}、{text}" if lang != "en" else f"{number}. {text}"
    add_text(p, label, size=Pt(14), font=HEADING_FONT)


def _para(document, text: str = "", *, bold: bool = False, size: Pt = TEXT_SIZE,
          color: RGBColor | None = None, align=None, space_after: float = 4):
    p = document.add_paragraph()
    p.paragraph_format.space_after = Pt(space_after)
    if align is not None:
        p.alignment = align
    if text:
        run = add_text(p, text, size=size, bold=bold)
        if color is not None:
            run.font.color.rgb = color
    return p


class _Table:
    """A report table whose column widths are applied once its rows are in."""

    def __init__(self, document, header: list[str], widths: list[float]) -> None:
        self.table = _new_table(document, header)
        self.widths = widths

    def add(self, texts: list[str], **kwargs) -> None:
        _row(self.table, texts, **kwargs)

    def finish(self) -> None:
        set_widths(self.table, self.widths)


def _new_table(document, header: list[str]):
    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        set_cell(cell, text, bold=True)
        _shade(cell, GREY)
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))  # repeat the header on each page
    return table


def _row(table, texts: list[str], *, colors: dict[int, RGBColor] | None = None,
         bold: frozenset[int] = frozenset()) -> None:
    row = table.add_row()
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    for i, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
        set_cell(cell, text, align=WD_ALIGN_PARAGRAPH.LEFT, bold=i in bold)
        if colors and i in colors:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.color.rgb = colors[i]


def _page_number_footer(document, lang: str) -> None:
    footer = document.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def field(instr: str) -> None:
        run = p.add_run()
        for tag, attr in (("w:fldChar", "begin"), ("w:instrText", instr), ("w:fldChar", "end")):
            el = OxmlElement(tag)
            if tag == "w:fldChar":
                el.set(qn("w:fldCharType"), attr)
            else:
                el.set(qn("xml:space"), "preserve")
                el.text = attr
            run._r.append(el)
        run.font.size = Pt(9)

    if lang == "en":
        add_text(p, "Page ", size=Pt(9))
        field("PAGE")
        add_text(p, " of ", size=Pt(9))
        field("NUMPAGES")
    else:
        add_text(p, "第 ", size=Pt(9))
        field("PAGE")
        add_text(p, " 页，共 ", size=Pt(9))
        field("NUMPAGES")
        add_text(p, " 页", size=Pt(9))


_GLANCE_COLORS = {"provided": GREEN, "missing": RED, "attention": RGBColor(0x8A, 0x4B, 0x00),
                  "optional": RGBColor(0x55, 0x55, 0x55)}


def _glance(document, v: ReportView) -> None:
    """The checklist at a glance, with the chat page's symbols: one line per item."""
    _para(document, v.glance_title, bold=True, size=Pt(12), space_after=2)
    _para(document, v.glance_summary, space_after=2)
    _para(document, "   ".join(f"{sym} {label}" for sym, label in v.glance_legend),
          size=Pt(9), space_after=4)
    for cat in v.glance:
        _para(document, cat.title, bold=True, space_after=0)
        for item in cat.items:
            p = document.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.left_indent = Pt(12)
            run = add_text(p, f"{item.symbol} ", size=TEXT_SIZE, bold=True)
            run.font.color.rgb = _GLANCE_COLORS.get(item.state, RED)
            add_text(p, f"{item.id} {item.short}  ", size=TEXT_SIZE)
            add_text(p, f"（{item.label}）" if v.lang != "en" else f"({item.label})", size=Pt(9))
    _para(document, "", space_after=4)


def view_docx(v: ReportView) -> bytes:
    lang = v.lang
    colon = ": " if lang == "en" else "："
    document = docx.Document()
    setup_document(document, title=f"{v.title} {v.reference}".strip(), subject=v.notice_number)
    document.styles["Normal"].font.size = TEXT_SIZE

    header = document.sections[0].header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    head = [v.notice_number, v.title]
    if v.reference:
        head.append(f"{t('reference', lang)}{colon}{v.reference}")
    head.append(v.generated)
    add_text(header, "  |  ".join(head), size=Pt(9))
    _page_number_footer(document, lang)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(6)
    add_text(title, v.title, size=Pt(20), font=HEADING_FONT)
    basis = f"{t('basis', lang)}{colon}{v.notice_title}" + (
        f"（{v.notice_number}）" if lang != "en" else f" ({v.notice_number})")
    _para(document, basis, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=12)

    # The facts of the report.
    info = document.add_table(rows=0, cols=2)
    info.style = document.styles["Table Grid"]
    info.alignment = WD_TABLE_ALIGNMENT.CENTER
    facts = []
    if v.reference:
        facts.append((t("reference", lang), v.reference))
    facts += [(t("generated", lang), v.generated), (t("files_checked", lang), str(v.file_count)),
              (t("verdict", lang), v.verdict_label)]
    for label, value in facts:
        row = info.add_row()
        set_cell(row.cells[0], label, bold=True)
        _shade(row.cells[0], GREY)
        set_cell(row.cells[1], value, align=WD_ALIGN_PARAGRAPH.LEFT,
                 bold=label == t("verdict", lang))
        if label == t("verdict", lang):
            for run in row.cells[1].paragraphs[0].runs:
                run.font.color.rgb = GREEN if v.verdict == COMPLETE else RED
                run.font.size = Pt(12)
    set_widths(info, [40, 130])
    keep_table_together(info)
    _glance(document, v)

    n = 0

    # 1. Verdict
    n += 1
    _heading(document, n, t("verdict", lang), lang)
    _para(document, v.summary)
    if v.missing:
        _para(document, t("missing", lang) + colon, bold=True)
        for r in v.missing:
            _para(document, f"• {r.id} {r.name}" + (f"（{r.clause}）" if lang != "en"
                                                   else f" ({r.clause})"), space_after=2)

    # 2. Materials
    n += 1
    _heading(document, n, t("materials", lang), lang)
    materials = _Table(document, [t(k, lang) for k in ("col_id", "col_material", "col_clause",
                                                         "col_status", "col_files")],
                       [15, 62, 24, 21, 48] if lang != "en" else [15, 58, 22, 27, 48])
    for block in v.categories:
        row = materials.table.add_row()
        cell = row.cells[0].merge(row.cells[-1])
        set_cell(cell, block.title, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        _shade(cell, "F5F5F5")
        for paragraph in cell.paragraphs:  # a category title never ends a page
            paragraph.paragraph_format.keep_with_next = True
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for r in block.rows:
            name = r.name + (f"\n{r.note}" if r.note else "")
            color = RED if r.status in (MISSING, PROBLEM) else None
            materials.add([r.id, name, r.clause, r.status_label, "\n".join(r.files) or "—"],
                          colors={3: color} if color else None,
                          bold=frozenset({3}) if color else frozenset())
    materials.finish()

    # 3. Translations
    n += 1
    _heading(document, n, t("translations", lang), lang)
    _para(document, v.translation_rule)
    if v.translations:
        table = _Table(document, [t(k, lang) for k in ("col_file", "col_language",
                                                        "col_translation", "col_status")],
                       [58, 22, 52, 38] if lang != "en" else [55, 25, 50, 40])
        for tr in v.translations:
            table.add([tr.file, tr.language, tr.partner or "—", tr.state],
                      colors={3: GREEN if tr.ok else RED})
        table.finish()
        for i in v.untranslated:
            _para(document, f"• {i.file}{colon}{i.message}", space_after=2)
    else:
        _para(document, t("no_foreign", lang))

    # 4. File problems
    n += 1
    _heading(document, n, t("file_problems", lang), lang)
    if v.file_issues:
        table = _Table(document, [t(k, lang) for k in ("col_file", "col_problem",
                                                        "col_action")], [48, 30, 92])
        for i in v.file_issues:
            action = i.message
            if i.guesses:
                sep = "、" if lang != "en" else ", "
                action += f"\n{t('guesses', lang)}{colon}{sep.join(i.guesses)}"
            table.add([i.file, i.label, action], colors={1: RED})
        table.finish()
    else:
        _para(document, t("no_file_problems", lang))
    if v.ocr_read:
        _para(document, i18n.t("report_ocr_read", lang), space_after=2)
        for line in v.ocr_read:
            _para(document, f"• {line}", space_after=2)
        _para(document, i18n.t("report_ocr_caution", lang))

    # 5. The registration form
    n += 1
    _heading(document, n, t("form", lang), lang)
    if v.form_file:
        _para(document, f"{t('form_file', lang)}{colon}{v.form_file} — {v.form_status_text}")
    else:
        _para(document, v.form_status_text, color=RED)
    if v.form_findings:
        table = _Table(document, [t(k, lang) for k in ("col_field", "col_problem",
                                                        "col_action")], [48, 30, 92])
        for f in v.form_findings:
            table.add([f.field, f.label, f.message], colors={1: RED})
        table.finish()
    for note in v.form_notes:
        _para(document, f"• {note}", space_after=2)

    # 6. Next steps
    n += 1
    _heading(document, n, t("next_steps", lang), lang)
    for heading, text in v.next_steps:
        p = _para(document, space_after=4)
        if heading != t("next_steps", lang):
            add_text(p, f"{heading}{colon}", bold=True)
        add_text(p, text)

    # Disclaimer, boxed.
    _para(document, space_after=6)
    box = document.add_table(rows=1, cols=1)
    box.style = document.styles["Table Grid"]
    cell = box.rows[0].cells[0]
    set_cell(cell, "", align=WD_ALIGN_PARAGRAPH.LEFT)
    p = cell.paragraphs[0]
    add_text(p, f"{t('disclaimer_title', lang)}{colon}", bold=True)
    add_text(p, v.disclaimer)
    _shade(cell, "FAFAFA")
    set_widths(box, [170])

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_docx(result: PrecheckResult, lang: str = "zh") -> bytes:
    """The result as a printable DOCX (bytes) in ``lang`` (``zh`` or ``en``)."""
    return view_docx(build_view(result, lang))

