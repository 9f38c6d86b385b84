"""Checking a read 附件1: required fields, identity numbers, mobiles, e-mail, credit codes,
occupation codes.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.masking import mask_email, mask_id_number, mask_mobile
from bot.notice import ANNEX1
from bot.precheck.annex1.labels import (
    _CODE_COLUMN,
    _ID_COLUMN,
    _ROW_NAME,
    CERTIFICATES,
    EXAMINERS,
    FIELDS,
    FREE_TEXTS,
    STAFF,
    compact,
    norm,
    row_field,
)
from bot.precheck.annex1.reader import _read, _Row
from bot.precheck.results import (
    INVALID_EMAIL,
    INVALID_ID_NUMBER,
    INVALID_MOBILE,
    INVALID_OCCUPATION_CODE,
    INVALID_USCC,
    MISSING_FIELD,
    NO_CERTIFICATES,
    Document,
    FormCheck,
    FormProblem,
)
from bot.precheck.validators import (
    check_occupation_code,
    valid_email,
    valid_id_number,
    valid_mobile,
    valid_uscc,
)

# ---------------------------------------------------------------------------
# Checking
# ---------------------------------------------------------------------------

_OCCUPATION_NORMALIZED = "职业编码（规范化）"


def _masked(kind: str, value: str) -> str:
    if kind == "mobile":
        return mask_mobile(value)
    if kind == "email":
        return mask_email(value)
    if kind == "id":
        return mask_id_number(value)
    return value


def check_fields(values: Mapping[str, str], fields: dict[str, str]) -> list[FormProblem]:
    """The basic-information fields, the same on both forms: each value read (``""`` when
    blank) into ``fields`` by its name, and the problems: a required field left blank, a
    credit code, mobile or e-mail that is not valid (mobiles and e-mail masked)."""
    problems: list[FormProblem] = []
    for spec in FIELDS:
        value = values.get(spec.key, "")
        fields[spec.name] = value
        if not value:
            if spec.required:
                problems.append(FormProblem(MISSING_FIELD, spec.name))
        elif spec.kind == "uscc" and not valid_uscc(compact(value)):
            problems.append(FormProblem(INVALID_USCC, spec.name, value))
        elif spec.kind == "mobile" and not valid_mobile(value):
            problems.append(FormProblem(INVALID_MOBILE, spec.name, _masked("mobile", value)))
        elif spec.kind == "email" and not valid_email(compact(value)):
            problems.append(FormProblem(INVALID_EMAIL, spec.name, _masked("email", value)))
    return problems


def read_annex1(doc: Document, file_name: str) -> FormCheck:
    """Read the registration form from ``doc`` and check it.

    ``FormCheck.fields`` maps each field's name (its label; ``单位负责人 联系手机`` and
    ``业务联系人 联系手机`` for the two mobiles; the free-text boxes by their headings) to the
    value read, ``""`` when blank.  ``certificates`` holds the filled certificate rows by
    column title.  Problems come in the form's order; values of personal data (identity
    numbers, mobiles, e-mail) are masked.
    """
    if not isinstance(doc, Document):
        doc = Document(kind="")
    reading = _read(doc)
    check = FormCheck(file=file_name)
    problems: list[FormProblem] = []

    problems.extend(check_fields(reading.values, check.fields))
    cert_rows = reading.rows.get(CERTIFICATES.key, [])
    if not cert_rows:
        problems.append(FormProblem(NO_CERTIFICATES, CERTIFICATES.name))
    for row in cert_rows:
        record = {c: row.values.get(c, "") for c in CERTIFICATES.columns}
        code = record.get(_CODE_COLUMN, "")
        if code:
            checked = check_occupation_code(code)
            if checked.valid and checked.notes:
                record[_OCCUPATION_NORMALIZED] = checked.normalized
        check.certificates.append(record)
        problems.extend(_row_problems(row))

    for ft in FREE_TEXTS:
        value = reading.free.get(ft.key, "")
        check.fields[ft.name] = value
        if not value and ft.required:
            problems.append(FormProblem(MISSING_FIELD, ft.name))
    for table in (STAFF, EXAMINERS):
        for row in reading.rows.get(table.key, []):
            problems.extend(_row_problems(row))

    check.problems = _ordered(problems)
    return check


def _row_problems(row: _Row) -> list[FormProblem]:
    out = []
    for column in row.table.columns[1:]:
        value = row.values.get(column, "")
        name = row_field(row.table, row.number, column)
        if not row.certain and not (column == _ID_COLUMN and value):
            continue
        if not value:
            out.append(FormProblem(MISSING_FIELD, name))
        elif column == _ID_COLUMN and not valid_id_number(compact(value)):
            out.append(FormProblem(INVALID_ID_NUMBER, name, _masked("id", compact(value))))
        elif column == _CODE_COLUMN and not check_occupation_code(value).valid:
            out.append(FormProblem(INVALID_OCCUPATION_CODE, name, value))
    return out


def _ordered(problems: list[FormProblem]) -> list[FormProblem]:
    """Problems in the order of the form: basic fields, certificates, 三 … 六."""
    order: dict[str, int] = {}
    rank = 0
    for spec in FIELDS:
        order.setdefault(spec.name, rank)
        rank += 1
    sections = [s.key for s in ANNEX1.sections]
    table_rank = {CERTIFICATES.name: sections.index("certificates") * 100,
                  STAFF.name: sections.index("staff") * 100,
                  EXAMINERS.name: sections.index("staff") * 100 + 50}
    free_rank = {ft.name: sections.index(ft.key.split(".")[0]) * 100 + int(ft.key.split(".")[1])
                 for ft in FREE_TEXTS}

    def key(item: tuple[int, FormProblem]) -> tuple[int, int, int]:
        i, p = item
        if p.field in order:
            return (order[p.field], 0, i)
        if p.field in free_rank:
            return (1000 + free_rank[p.field], 0, i)
        m = _ROW_NAME.match(p.field)
        table = m.group("table") if m else p.field
        if table in table_rank:
            return (1000 + table_rank[table], int(m.group("row")) if m else 0, i)
        return (10_000, 0, i)

    return [p for _, p in sorted(enumerate(problems), key=key)]


def occupation_code_notes(check: FormCheck) -> list[tuple[int, str, str]]:
    """Certificate rows whose 职业编码 was only valid after normalising full-width digits or
    dashes: (row number, code as written, code as read)."""
    out = []
    for i, cert in enumerate(check.certificates, start=1):
        if _OCCUPATION_NORMALIZED in cert:
            number = norm(cert.get(CERTIFICATES.columns[0], ""))
            out.append((int(number) if number.isdigit() else i, cert.get(_CODE_COLUMN, ""),
                        cert[_OCCUPATION_NORMALIZED]))
    return out
