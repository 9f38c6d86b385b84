"""The blank annex forms: faithful to the notice, tidy, and read back by the form reader."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from bot.notice import ANNEX1, ANNEX2, ANNEXES
from bot.precheck.annex1 import read_annex1
from bot.precheck.blanks import section_heading, template_bytes, write_template
from tests.support import formgen
from tests.support.documents import docx_document


def _open(kind: str):
    return docx.Document(io.BytesIO(template_bytes(kind)))


def _rows(document) -> list[list[str]]:
    out = []
    for table in document.tables:
        for row in table.rows:
            seen, cells = set(), []
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    cells.append(cell.text.strip())
            out.append(cells)
    return out


def _all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += ["\n".join(r) for r in _rows(document)]
    return "\n".join(parts)


@pytest.mark.parametrize("kind", list(ANNEXES))
def test_title_number_and_section_headings(kind):
    form = ANNEXES[kind]
    document = _open(kind)
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    assert paragraphs[:2] == [form.number, form.title]
    cells = {c for row in _rows(document) for c in row}
    for section in form.sections:
        assert section_heading(section) in cells, section.title
    assert document.core_properties.title == form.title


@pytest.mark.parametrize("kind", list(ANNEXES))
def test_every_label_and_column_of_the_notice_is_printed(kind):
    form = ANNEXES[kind]
    rows = _rows(_open(kind))
    cells = [c for row in rows for c in row]
    for f in form.fields():
        assert f.label in cells, f.label
    assert cells.count("联系手机") == 2
    for section in form.sections:
        for table in section.tables:
            assert list(table.columns) in rows, table.columns
        for label, _en in section.free_text:
            assert any(label in c for c in cells), label


@pytest.mark.parametrize("kind", list(ANNEXES))
def test_paired_cells_share_a_row(kind):
    rows = _rows(_open(kind))
    for pair in (["单位负责人", "", "联系手机", ""], ["业务联系人", "", "联系手机", ""],
                 ["办公电话", "", "电子邮箱", ""]):
        assert pair in rows
    assert ["机构名称", ""] in rows  # a single field: its value cell spans the row


@pytest.mark.parametrize("kind", list(ANNEXES))
def test_numbered_rows_as_on_the_notice(kind):
    rows = _rows(_open(kind))
    for section in ANNEXES[kind].sections:
        for table in section.tables:
            start = rows.index(list(table.columns)) + 1
            body = rows[start:start + table.rows + (1 if table.open_ended else 0)]
            numbers = [r[0] for r in body]
            expected = [str(n) for n in range(1, table.rows + 1)]
            if table.open_ended:
                expected.append("…")
            assert numbers == expected, table.key
            assert all(len(r) == len(table.columns) and not any(r[1:]) for r in body)


def test_annex1_table_sizes_match_the_notice():
    rows = {t.key: t.rows for s in ANNEX1.sections for t in s.tables}
    assert rows == {"certificates": 6, "equipment": 5, "full_time_staff": 4, "examiners": 4}
    issued = ANNEX2.sections[1].tables[0]
    assert issued.rows == 5 and issued.open_ended


@pytest.mark.parametrize("kind", list(ANNEXES))
def test_free_text_boxes_are_tall_blank_cells(kind):
    document = _open(kind)
    boxes = 0
    for table in document.tables:
        for row in table.rows:
            cells = {id(c._tc): c for c in row.cells}
            if len(cells) == 1 and not row.cells[0].text.strip() and row.height \
                    and row.height >= Mm(30):
                boxes += 1
    assert boxes == sum(len(s.free_text) for s in ANNEXES[kind].sections)


@pytest.mark.parametrize("kind", list(ANNEXES))
def test_a4_and_cjk_fonts(kind):
    document = _open(kind)
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1)
    assert abs(section.page_height - Mm(297)) < Mm(1)
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    sizes = {r.font.size.pt for p in document.paragraphs for r in p.runs if r.font.size}
    sizes |= {r.font.size.pt for t in document.tables for row in t.rows for c in row.cells
              for p in c.paragraphs for r in p.runs if r.font.size}
    assert min(sizes) >= 10.5 and max(sizes) <= 22
    east_asian = {r._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
                  for t in document.tables for row in t.rows for c in row.cells
                  for p in c.paragraphs for r in p.runs}
    assert east_asian == {"宋体"}


def test_write_template_writes_a_docx(tmp_path):
    for kind in ANNEXES:
        path = tmp_path / f"{kind}.docx"
        write_template(kind, str(path))
        with zipfile.ZipFile(path) as zf:
            assert "word/document.xml" in zf.namelist()
        assert path.read_bytes()[:2] == b"PK"


def test_unknown_kind_is_refused(tmp_path):
    with pytest.raises(ValueError, match="annex1"):
        write_template("annex3", tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_round_trip_of_a_filled_template(tmp_path):
    path = formgen.filled_annex1_docx(tmp_path / "filled.docx")
    check = read_annex1(docx_document(path), path.name)
    assert check.problems == []
    assert check.fields["机构名称"] == formgen.SAMPLE["name"]
    assert check.fields["业务联系人 联系手机"] == formgen.SAMPLE["contact_mobile"]
    assert check.fields["四（三）计算机考务管理及视频监控设备配置情况"] == \
        formgen.SAMPLE["facilities_2"]
    assert len(check.certificates) == 1


def test_round_trip_with_more_rows_than_printed(tmp_path):
    certs = [(f"证书{n}", "焊工 三级", "6-18-02-04") for n in range(1, 8)]
    certs[6] = ("证书7", "焊工 三级", "6-18-02")
    path = formgen.filled_annex1_docx(tmp_path / "filled.docx", certificates=certs)
    check = read_annex1(docx_document(path), path.name)
    assert len(check.certificates) == 7
    assert [(p.code, p.field) for p in check.problems] == [
        ("invalid_occupation_code", "开展考试和发证的职业资格证书信息 第7行 职业编码")]
