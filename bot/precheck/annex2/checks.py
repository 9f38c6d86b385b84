"""annex2: reading the form and checking what was read."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.notice import ANNEX2
from bot.precheck.annex1.checks import check_fields
from bot.precheck.annex1.labels import (
    ANNEX2_LAYOUT,
    CODE_COLUMN,
    FREE_TEXTS_ANNEX2,
    TABLES_BY_KEY,
    norm,
    row_field,
)
from bot.precheck.annex1.reader import _read, _rows
from bot.precheck.results import (
    INVALID_OCCUPATION_CODE,
    MISSING_FIELD,
    Document,
    FormProblem,
)
from bot.precheck.validators import check_occupation_code

# Problem codes of 附件2 (besides those it shares with 附件1).
INVALID_YEAR = "invalid_year"  # not a year, before FIRST_YEAR, or in the future
INVALID_COUNT = "invalid_count"  # 发证数量 not a positive whole number
NO_ISSUED_ROWS = "no_issued_rows"
TOTAL_MISMATCH = "total_mismatch"  # a 合计 row that is not the sum of the rows
NO_REGISTER = "no_register"  # 四 empty and no register file, or "attached" but none is
REGISTER_MISMATCH = "register_mismatch"  # the register's rows ≠ the total of 发证数量

# The notice was issued in 2020 (NOTICE.signed): no earlier year can be reported.
FIRST_YEAR = 2020
ISSUED = TABLES_BY_KEY["issued"]
NAME_COLUMN, OCCUPATION_COLUMN, COUNT_COLUMN = ISSUED.columns[1], ISSUED.columns[2], \
    ISSUED.columns[4]
assert COUNT_COLUMN == "发证数量" and ISSUED.columns[3] == CODE_COLUMN
_SECTION_TWO = next(s for s in ANNEX2.sections if s.key == "issued")
# "核发国外职业资格证书信息汇总" — the heading of 二 before its "（    年）".
_YEAR_HEADING = norm(re.sub(r"^[一二三四五六七八九十]+、", "", _SECTION_TWO.title).split("（")[0])
_YEAR_RE = re.compile(re.escape(_YEAR_HEADING) + r"\((?P<year>[^()]{0,20}?)(?:年度?)?\)")
YEAR_FIELD = f"{_SECTION_TWO.title.split('（')[0]}（年份）"  # 二、核发国外职业资格证书信息汇总（年份）
WORK = next(ft for ft in FREE_TEXTS_ANNEX2 if ft.key.startswith("work."))
REGISTER = next(ft for ft in FREE_TEXTS_ANNEX2 if ft.key.startswith("register."))
_TOTAL_WORDS = ("合计", "总计", "共计", "小计", "total")
_ATTACHED = re.compile(r"另附|附件|附后|见附|附表|attached|annex", re.IGNORECASE)
_COUNT = re.compile(r"^(?P<n>\d{1,7})(?:本|张|份|个|人|人次)?$")


@dataclass
class Annex2Check:
    """附件2 as read from one file, and what is wrong in it."""

    file: str
    year: str = ""
    fields: dict[str, str] = field(default_factory=dict)  # label → value, as read
    rows: list[dict[str, str]] = field(default_factory=list)  # certificate rows by column
    total: int = 0  # the sum of the valid 发证数量
    stated_total: int | None = None  # a 合计 row's number, if the form has one
    register_inline: bool = False  # 四 holds the register itself
    register_attached: bool = False  # 四 says the register is attached
    register_files: list[tuple[str, int]] = field(default_factory=list)  # (file, data rows)
    problems: list[FormProblem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["register_files"] = [[n, c] for n, c in self.register_files]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Annex2Check:
        d = dict(d)
        d["problems"] = [FormProblem(**p) for p in d.get("problems", [])]
        d["register_files"] = [(str(n), int(c)) for n, c in d.get("register_files", [])]
        return cls(**d)


def _all_texts(doc: Document) -> list[str]:
    out = [p for p in (doc.pages if isinstance(doc.pages, list) else []) if isinstance(p, str)]
    for table in doc.tables if isinstance(doc.tables, list) else []:
        out.extend(c for row in _rows(table) for c in row)
    return out


def read_year(doc: Document) -> tuple[bool, str]:
    """(heading found, what is written between its brackets) for the year of 二."""
    found = False
    for text in _all_texts(doc):
        for m in _YEAR_RE.finditer(norm(text)):
            found = True
            if m.group("year").strip():
                return True, m.group("year").strip()
    return found, ""


def year_problem(value: str, today: dt.date) -> FormProblem | None:
    if not value:
        return FormProblem(MISSING_FIELD, YEAR_FIELD)
    digits = norm(value)
    if not (digits.isdigit() and len(digits) == 4) or not FIRST_YEAR <= int(digits) <= today.year:
        return FormProblem(INVALID_YEAR, YEAR_FIELD, value)
    return None


def _is_total_row(values: dict[str, str]) -> bool:
    heads = (norm(values.get(ISSUED.columns[0], "")).lower(),
             norm(values.get(NAME_COLUMN, "")).lower())
    return any(h.startswith(w) for h in heads for w in _TOTAL_WORDS)


def parse_count(value: str) -> int | None:
    m = _COUNT.match(norm(value).replace(",", ""))
    return int(m.group("n")) if m and int(m.group("n")) > 0 else None


def read_annex2(doc: Document, file_name: str, today: dt.date | None = None) -> Annex2Check:
    """Read 附件2 from ``doc`` and check it; the register is checked by :func:`check_register`."""
    today = today or dt.date.today()
    if not isinstance(doc, Document):
        doc = Document(kind="")
    reading = _read(doc, ANNEX2_LAYOUT)
    check = Annex2Check(file=file_name)
    problems: list[FormProblem] = check_fields(reading.values, check.fields)

    _, check.year = read_year(doc)
    check.fields[YEAR_FIELD] = check.year
    problem = year_problem(check.year, today)
    if problem:
        problems.append(problem)

    rows = reading.rows.get(ISSUED.key, [])
    for row in rows:
        if _is_total_row(row.values):
            check.stated_total = parse_count(row.values.get(COUNT_COLUMN, ""))
            continue
        record = {c: row.values.get(c, "") for c in ISSUED.columns}
        check.rows.append(record)
        for column in ISSUED.columns[1:]:
            value = record[column]
            name = row_field(ISSUED, row.number, column)
            if not row.certain and not value:
                continue  # a PDF line whose cells could not be told apart: nothing to say
            if not value:
                problems.append(FormProblem(MISSING_FIELD, name))
            elif column == CODE_COLUMN and not check_occupation_code(value).valid:
                problems.append(FormProblem(INVALID_OCCUPATION_CODE, name, value))
            elif column == COUNT_COLUMN:
                n = parse_count(value)
                if n is None:
                    problems.append(FormProblem(INVALID_COUNT, name, value))
                else:
                    check.total += n
    if not check.rows:
        problems.append(FormProblem(NO_ISSUED_ROWS, ISSUED.name))
    elif check.stated_total is not None and check.stated_total != check.total:
        problems.append(FormProblem(TOTAL_MISMATCH, ISSUED.name, str(check.stated_total)))

    work = reading.free.get(WORK.key, "")
    check.fields[WORK.name] = work
    if not work:
        problems.append(FormProblem(MISSING_FIELD, WORK.name))
    register = reading.free.get(REGISTER.key, "")
    check.fields[REGISTER.name] = register
    check.register_attached = bool(register) and bool(_ATTACHED.search(register)) \
        and len(register) <= 40
    check.register_inline = bool(register) and not check.register_attached
    check.problems = problems
    return check


def check_register(check: Annex2Check, files: list[tuple[str, int]]) -> Annex2Check:
    """Add what the register files say: ``files`` are (name, data rows) of the register
    files uploaded with the form.  Without one, 四 must hold the register itself."""
    check.register_files = list(files)
    check.problems = [p for p in check.problems if p.code not in (NO_REGISTER, REGISTER_MISMATCH)]
    if not files:
        if not check.register_inline:
            check.problems.append(FormProblem(NO_REGISTER, REGISTER.name,
                                              "attached" if check.register_attached else ""))
        return check
    rows = sum(n for _, n in files)
    if check.total and rows != check.total:
        check.problems.append(FormProblem(REGISTER_MISMATCH, REGISTER.name, str(rows)))
    return check
