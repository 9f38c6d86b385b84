"""Filled-in annual summaries (附件2) for tests, in the two layouts applicants send: DOCX
from the project's own template (tables) and a PDF of text lines (``label：value``, table
rows as spaced tokens), plus register files (DOCX table, PDF lines, XLSX).

Every builder fills valid sample values (``formgen.SAMPLE`` for 一, :data:`ANNEX2_SAMPLE`
for the rest); keyword overrides blank or corrupt any of them: a basic field by its key
(``uscc``, ``email`` …), ``year``, ``issued`` (rows of certificate, occupation, code,
number), ``work`` (三), ``register`` (四).  ``blank=True`` leaves everything empty.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import docx

from bot.notice import ANNEX2
from bot.precheck.blanks import template_bytes
from tests.support import formgen
from tests.support.docgen import make_docx, make_pdf

ANNEX2_SAMPLE: dict[str, Any] = {
    "year": "2026",
    "issued": [
        ("国际焊接技能证书（三级）", "焊工（三级/高级工）", "6-18-02-04", "3"),
        ("国际焊接技能证书（四级）", "焊工（四级/中级工）", "6-18-02-04", "2"),
    ],
    "work": "本年度在南宁片区组织鉴定2次，核发证书5本，无投诉。",
    "register": "名册另附。",
}
ISSUED = next(t for s in ANNEX2.sections for t in s.tables)
_SECTION_TWO = next(s for s in ANNEX2.sections if s.key == "issued")
_BASIC_KEYS = {f.key for f in ANNEX2.fields()}


def annex2_values(blank: bool = False, **overrides: Any) -> dict[str, Any]:
    unknown = set(overrides) - set(ANNEX2_SAMPLE) - _BASIC_KEYS
    if unknown:
        raise TypeError(f"unknown 附件2 keys: {sorted(unknown)}")
    basic = {k: formgen.SAMPLE[k] for k in _BASIC_KEYS}
    out: dict[str, Any] = {**basic, **ANNEX2_SAMPLE}
    if blank:
        out = {k: ([] if k == "issued" else "") for k in out}
    for k, v in overrides.items():
        out[k] = "" if v is None else v
    return out


def _year_heading(year: str) -> str:
    head = _SECTION_TWO.title.split("（")[0]
    return f"{head}（{year}年）" if year else _SECTION_TWO.title


def annex2_docx(path: str | Path, blank: bool = False, **overrides: Any) -> Path:
    """附件2 from the project's template (its tables), filled in."""
    vals = annex2_values(blank, **overrides)
    document = docx.Document(io.BytesIO(template_bytes("annex2")))
    fill = {**vals, "work_1": vals["work"], "register_1": vals["register"]}
    formgen.fill_template(document, "annex2", fill)
    for table in document.tables:
        for row in table.rows:
            cell = row.cells[0]
            if cell.text.strip() == _SECTION_TWO.title:
                formgen._put(cell, _year_heading(vals["year"]))
                break
    path = Path(path)
    document.save(str(path))
    return path


def annex2_lines(blank: bool = False, **overrides: Any) -> list[str]:
    """附件2 as the text lines of a PDF without ruled tables."""
    vals = annex2_values(blank, **overrides)
    lines = [ANNEX2.number, ANNEX2.title, ANNEX2.sections[0].title]
    lines += [f"{f.label}：{vals.get(f.key, '')}" for f in ANNEX2.fields()]
    lines.append(_year_heading(vals["year"]))
    lines.append("  ".join(ISSUED.columns))
    for n, row in enumerate(vals["issued"], start=1):
        lines.append("  ".join([str(n), *[str(c) or "/" for c in row]]))
    for section in ANNEX2.sections[2:]:
        lines.append(section.title)
        text = vals["work" if section.key == "work" else "register"]
        if text:
            lines.append(text)
    return lines


def annex2_pdf(path: str | Path, blank: bool = False, **overrides: Any) -> Path:
    """附件2 as a PDF with a CJK text layer, no ruled tables."""
    return make_pdf(Path(path), annex2_lines(blank, **overrides))


def register_rows(n: int) -> list[list[str]]:
    header = ["序号", "姓名", "证书名称", "证书编号"]
    return [header] + [[str(i), f"学员{i}", "国际焊接技能证书", f"GWI-2026-{i:04d}"]
                       for i in range(1, n + 1)]


def register_docx(path: str | Path, n: int) -> Path:
    return make_docx(Path(path), ["核发证书信息名册"], tables=[register_rows(n)])


def register_pdf(path: str | Path, n: int) -> Path:
    return make_pdf(Path(path), ["核发证书信息名册"] + ["  ".join(r) for r in register_rows(n)])


def register_xlsx(path: str | Path, n: int, *, extra: Mapping[str, bytes] | None = None) -> Path:
    """A minimal XLSX (shared strings and inline numbers), written by hand."""
    rows: Sequence[list[str]] = register_rows(n)
    strings: list[str] = []

    def sid(s: str) -> int:
        if s not in strings:
            strings.append(s)
        return strings.index(s)

    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    body = "".join(
        f'<row r="{r + 1}">' + "".join(
            f'<c t="s"><v>{sid(c)}</v></c>' for c in row) + "</row>"
        for r, row in enumerate(rows))
    sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{body}' \
            f"</sheetData></worksheet>"
    shared = f'<?xml version="1.0" encoding="UTF-8"?><sst {ns}>' + "".join(
        f"<si><t>{s}</t></si>" for s in strings) + "</sst>"
    path = Path(path)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", f"<workbook {ns}/>")
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
        zf.writestr("xl/sharedStrings.xml", shared)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path
