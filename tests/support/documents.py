"""Fixtures of the form, template, message and report tests.

Documents are read here the way the extraction stage reads them, but independently of it:
python-docx for DOCX (a merged cell read once, a nested table after its parent), and
pdfplumber's ``extract_tables`` for PDF with its ``None`` for empty and spanned cells left
as they are.  ``tests/test_*`` also read the same files through ``bot.precheck.extract``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.notice import MATERIALS  # noqa: E402
from bot.precheck.results import (  # noqa: E402
    COMPLETE,
    INCOMPLETE,
    INVALID_ID_NUMBER,
    INVALID_MOBILE,
    INVALID_OCCUPATION_CODE,
    INVALID_USCC,
    MISSING,
    MISSING_FIELD,
    NO_TEXT,
    OPTIONAL,
    PROBLEM,
    PROVIDED,
    UNCLASSIFIED,
    UNSUPPORTED_TYPE,
    UNTRANSLATED,
    Document,
    FileProblem,
    FileReport,
    FormCheck,
    FormProblem,
    MaterialStatus,
    PrecheckResult,
)

RAW_ID = "11010519491231002X"
RAW_BAD_ID = "110105194912310021"
RAW_MOBILE = "13912345678"


def docx_text(data: bytes) -> str:
    """The text of a DOCX: its paragraphs, its tables' cells and its page headers."""
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return "\n".join(parts)


def docx_document(path: Path) -> Document:
    """A DOCX read with python-docx: paragraphs and table rows as text, tables as cell texts."""
    import docx

    document = docx.Document(str(path))
    tables: list[list[list[str]]] = []
    lines: list[str] = []

    def read_table(table) -> None:
        rows: list[list[str]] = []
        tables.append(rows)
        nested = []
        for row in table.rows:
            seen, cells = set(), []
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.append(cell.text.strip())
                nested.extend(cell.tables)
            rows.append(cells)
            lines.append("\t".join(c for c in cells if c))
        for inner in nested:
            read_table(inner)

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")).strip()
            if text:
                lines.append(text)
        elif tag == "tbl":
            from docx.table import Table

            read_table(Table(child, document))
    return Document(kind="docx", pages=["\n".join(lines)], page_count=1, tables=tables,
                    title=document.core_properties.title or "")


def pdf_document(path: Path) -> Document:
    """A PDF read with pdfplumber: text per page, and every table with ``None`` cells kept."""
    import pdfplumber

    pages, tables = [], []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            pages.append(page.extract_text() or "")
            tables.extend(page.extract_tables())
    return Document(kind="pdf", pages=pages, page_count=len(pages), tables=tables)


def sample_result(verdict: str = INCOMPLETE, *, form: bool = True) -> PrecheckResult:
    """A package with a bit of everything: missing, problem and optional materials, a scan,
    an untranslated file, a translation pair, a .doc, an unclassified file whose name holds
    an ID number, a file name with HTML in it, and a form with findings (masked values)."""
    statuses = {"1.1.4": (MISSING, []), "3.3": (MISSING, []), "1.1.3": (OPTIONAL, []),
                "2.1": (PROBLEM, ["syllabus_scan.pdf"]),
                "1.1.2": (PROBLEM, ["Articles of Association.pdf"]),
                "1.1.1": (PROVIDED, ["Certificate of Incorporation.pdf",
                                     "公司注册证书（中文译本）.pdf"]),
                "3.2": (PROVIDED, ["<b>考务</b>规则.pdf"]),
                "4.1": (PROVIDED, ["注册表.docx"])}
    materials = []
    for m in MATERIALS:
        status, files = statuses.get(m.id, (PROVIDED, [f"{m.id}.pdf"]))
        if verdict == COMPLETE:
            status = OPTIONAL if m.optional else PROVIDED
            files = [] if m.optional else (files or [f"{m.id}.pdf"])
        materials.append(MaterialStatus(m.id, status, files))
    files = [
        FileReport("syllabus_scan.pdf", "und", ["2.1"], [FileProblem(NO_TEXT)]),
        FileReport("Articles of Association.pdf", "en", ["1.1.2"],
                   [FileProblem(UNTRANSLATED, "en")]),
        FileReport("Certificate of Incorporation.pdf", "en", ["1.1.1"], [],
                   translation="公司注册证书（中文译本）.pdf"),
        FileReport("公司注册证书（中文译本）.pdf", "zh", ["1.1.1"], [],
                   translation="Certificate of Incorporation.pdf"),
        FileReport("old.doc", "und", [], [FileProblem(UNSUPPORTED_TYPE, ".doc")]),
        FileReport(f"王芳身份证{RAW_ID}.pdf", "zh", [], [FileProblem(UNCLASSIFIED)],
                   candidates=[("1.2.3", 0.3), ("2.2", 0.2)]),
        FileReport("注册表.docx", "zh", ["4.1"], []),
        FileReport("<b>考务</b>规则.pdf", "zh", ["3.2"], []),
    ]
    if verdict == COMPLETE:
        files = [f for f in files if not f.problems]
    check = FormCheck("注册表.docx", fields={"单位负责人 联系手机": RAW_MOBILE}, problems=[
        FormProblem(MISSING_FIELD, "电子邮箱"),
        FormProblem(INVALID_USCC, "统一社会信用代码", "91110000600037341M"),
        FormProblem(INVALID_MOBILE, "业务联系人 联系手机", RAW_MOBILE[:10]),
        # A raw value, as a careless caller might pass it: renderers must mask it.
        FormProblem(INVALID_ID_NUMBER, "专职工作人员情况 第2行 身份证号", RAW_BAD_ID),
        FormProblem(INVALID_OCCUPATION_CODE, "开展考试和发证的职业资格证书信息 第1行 职业编码",
                    "6-3101-03"),
    ])
    if verdict == COMPLETE:
        check.problems = []
    return PrecheckResult(verdict=verdict, materials=materials, files=files,
                          form=check if form else None,
                          generated_at="2024-05-06T10:30:00+08:00", reference="YS-2024-0042")


@pytest.fixture
def result() -> PrecheckResult:
    return sample_result()


@pytest.fixture
def complete_result() -> PrecheckResult:
    return sample_result(COMPLETE)
