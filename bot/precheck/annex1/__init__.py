"""Reading and checking the registration form 附件1 (国外职业资格证书及其发证机构资格审核注册表).

The form is read by its labels, all taken from ``bot.notice.ANNEX1``, so it is found
wherever the applicant's layout puts them:

- label and value in one cell or line: ``机构名称：某某`` (full-width or half-width colon,
  or only spaces), several pairs in one cell or line;
- label in one cell and value in the next cell of the row, or in the cell below when the
  row holds only labels (labels as column headers);
- spaces and line breaks inside labels (``机 构 名 称``, ``证书核发机\\n构名称`` as a PDF
  cell wraps it), full-width and half-width brackets, colons and slashes;
- the two ``联系手机`` labels told apart by position: the one after ``单位负责人`` is the
  head's mobile, the one after ``业务联系人`` the contact's;
- empty cells given as ``None`` (pdfplumber) or ``""``;
- no tables at all: ``label：value`` text lines.

The tables (certificates, full-time staff, examiners) are found by their header rows
wherever they are, blank numbered rows are skipped, and a table that a PDF page break cut
in two is read as one.

What is required (``REQUIRED_RULE``): every basic-information field of ANNEX1 that is
marked ``FormField.required`` (all of them on this form), every free-text box of ANNEX1
(sections 三, 四（一）, 四（三） and 六), and at least one certificate row; in a certificate,
staff or examiner row that is filled in at all, every column but 序号.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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
from bot.notice import ANNEX1, ANNEX2, AnnexForm, FormField, FormSection
from bot.precheck.validators import (
    check_occupation_code,
    mask_email,
    mask_id_number,
    mask_mobile,
    valid_email,
    valid_id_number,
    valid_mobile,
    valid_uscc,
)

REQUIRED_RULE = (
    "Required: every basic-information field of ANNEX1 with FormField.required; every free-text "
    "box of ANNEX1 (三, 四（一）, 四（三）, 六); at least one certificate row; and, in any certificate, "
    "staff or examiner row that is filled in, every column except 序号."
)

# ---------------------------------------------------------------------------
# Text normalisation and label patterns
# ---------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
# Things that may stand before a label: required-field stars, bullets.
_LEAD = re.compile(r"^[\s*＊★☆※•·●■□◆\-]*")
_PUNCT = " \t\r\n:：;；,，.。、|｜/／\\()（）[]【】<>《》\"'“”‘’-—_＿…*＊"
_CN_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])")
_PLACEHOLDER = re.compile(r"^[\s/／\\\-—–_＿.。…·]*$")


def norm(text: object) -> str:
    """NFKC (full-width → half-width) with every space and line break removed."""
    if not isinstance(text, str):
        return ""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _core(text: str) -> str:
    """A title without its ordinal (``四、``, ``（一）``) and without a final colon."""
    s = norm(text)
    s = _CN_ORDINAL.sub("", s)
    return s.rstrip(":")


def _char_class(ch: str) -> str:
    """A regex class matching ``ch`` (NFKC form) and its full-width / compatibility forms."""
    forms = {ch}
    if "!" <= ch <= "~":
        forms.add(chr(ord(ch) + 0xFEE0))
    if ch == "(":
        forms.add("（")
    if ch == ")":
        forms.add("）")
    return "[" + "".join(re.escape(f) for f in sorted(forms)) + "]" if len(forms) > 1 \
        else re.escape(ch)


def _pattern(label: str) -> str:
    """A regex for ``label`` tolerating spaces/line breaks between characters and full-width forms."""
    return r"\s*".join(_char_class(ch) for ch in norm(label))


def is_blank(value: object) -> bool:
    """Empty, or only a placeholder such as ``/``, ``—``, ``…``."""
    return not isinstance(value, str) or bool(_PLACEHOLDER.match(value))


def _clean_value(value: str) -> str:
    value = value.strip().lstrip(":：").strip()
    value = value.rstrip(";；,，").strip()
    return "" if is_blank(value) else value


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef"


def unwrap(value: str) -> str:
    """One line from a value a narrow cell wrapped: no space where the break fell between
    Chinese characters or inside a number, one space elsewhere."""
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    if not lines:
        return ""
    out = lines[0]
    for line in lines[1:]:
        a, b = out[-1], line[0]
        glue = "" if (_is_cjk(a) or _is_cjk(b) or (a.isdigit() and b.isdigit())) else " "
        out += glue + line
    return out


def compact(value: str) -> str:
    """A code or number without any space or line break, as validators read it."""
    return re.sub(r"\s+", "", value)


# ---------------------------------------------------------------------------
# What the form asks for, derived from bot.notice.ANNEX1
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    """A basic-information field: how it is named in findings and matched in documents."""

    key: str
    label: str
    name: str  # the name used in FormCheck.fields and FormProblem.field
    en: str
    kind: str
    required: bool
    after: str | None  # the key of the field printed before it, which tells duplicates apart


@dataclass(frozen=True)
class FreeTextSpec:
    """A free-text box of the form (sections 三, 四（一）, 四（三）, 六)."""

    key: str
    name: str  # e.g. "三、开展考试发证的证书相关情况介绍", "四（一）场地情况"
    en: str
    keys: tuple[str, ...]  # normalised heading texts (without ordinal) that announce it
    required: bool = True


@dataclass(frozen=True)
class TableSpec:
    key: str
    name: str  # the table's title without its ordinal, e.g. "专职工作人员情况"
    en: str
    columns: tuple[str, ...]
    columns_en: tuple[str, ...]
    form: str  # "annex1" | "annex2"
    norm_columns: tuple[str, ...] = ()  # the column titles normalised (see norm)


def _field_specs(fields: Sequence[FormField]) -> tuple[FieldSpec, ...]:
    counts: dict[str, int] = {}
    for f in fields:
        counts[f.label] = counts.get(f.label, 0) + 1
    specs = []
    for i, f in enumerate(fields):
        before = fields[i - 1] if i else None
        name = f.label
        if counts[f.label] > 1 and before is not None:
            name = f"{before.label} {f.label}"
        specs.append(FieldSpec(f.key, f.label, name, f.en, f.kind, f.required,
                               before.key if before else None))
    return tuple(specs)


def _section_ordinal(section: FormSection) -> str:
    m = re.match(r"^([一二三四五六七八九十]+)、", section.title)
    return m.group(1) if m else ""


def _free_text_specs(form: AnnexForm) -> tuple[FreeTextSpec, ...]:
    specs = []
    for section in form.sections:
        only = len(section.free_text) == 1 and not section.tables
        for i, (label, en) in enumerate(section.free_text):
            if label.startswith(("（", "(")):
                name = f"{_section_ordinal(section)}{label}"
                en_name = f"{section.en.split('.')[0]}{en}" if section.en[:1].isdigit() else en
            else:
                name = section.title
                en_name = section.en
            keys = {_core(label)}
            if only:
                keys.add(_core(section.title))
            specs.append(FreeTextSpec(f"{section.key}.{i + 1}", name, en_name,
                                      tuple(sorted(keys, key=len, reverse=True))))
    return tuple(specs)


def _table_name(title: str) -> str:
    return _CN_ORDINAL.sub("", title.strip())


def _table_en(en: str) -> str:
    return re.sub(r"^\(\d+\)\s*", "", en.strip())


def _table_specs(form: AnnexForm) -> tuple[TableSpec, ...]:
    return tuple(TableSpec(t.key, _table_name(t.title), _table_en(t.en), t.columns, t.columns_en,
                           form.key, tuple(norm(c) for c in t.columns))
                 for s in form.sections for t in s.tables)


FIELDS: tuple[FieldSpec, ...] = _field_specs(ANNEX1.fields())
FIELDS_BY_KEY: dict[str, FieldSpec] = {f.key: f for f in FIELDS}
FREE_TEXTS: tuple[FreeTextSpec, ...] = _free_text_specs(ANNEX1)
TABLES: tuple[TableSpec, ...] = _table_specs(ANNEX1) + _table_specs(ANNEX2)
TABLES_BY_KEY: dict[str, TableSpec] = {t.key: t for t in TABLES}
CERTIFICATES = TABLES_BY_KEY["certificates"]
STAFF = TABLES_BY_KEY["full_time_staff"]
EXAMINERS = TABLES_BY_KEY["examiners"]
_CHECKED_TABLES = (CERTIFICATES, STAFF, EXAMINERS)
NUMBER_COLUMN = CERTIFICATES.columns[0]  # 序号, the first column of every table
_NUMBER_COLUMN = norm(NUMBER_COLUMN)
# The columns checked by their content: identity numbers and occupation codes.
ID_COLUMN = STAFF.columns[2]
CODE_COLUMN = CERTIFICATES.columns[3]
_ID_COLUMN, _CODE_COLUMN = ID_COLUMN, CODE_COLUMN
assert ID_COLUMN == EXAMINERS.columns[2] == "身份证号" and CODE_COLUMN == "职业编码"

# One regex finding every basic label, longest first so 证书核发机构名称 wins over 机构名称.
_LABELS: tuple[str, ...] = tuple(sorted({f.label for f in FIELDS}, key=lambda s: -len(norm(s))))
_LABEL_BY_NORM: dict[str, str] = {norm(label): label for label in _LABELS}
_LABEL_RE = re.compile("|".join(f"(?:{_pattern(label)})" for label in _LABELS))
_FIELDS_BY_LABEL: dict[str, list[FieldSpec]] = {}
for _f in FIELDS:
    _FIELDS_BY_LABEL.setdefault(_f.label, []).append(_f)

# Headings that are structure, never a value: section titles, table titles, free-text
# headings of both annex forms.
_HEADINGS: frozenset[str] = frozenset(
    {_core(s.title) for form in (ANNEX1, ANNEX2) for s in form.sections}
    | {_core(t.title) for form in (ANNEX1, ANNEX2) for s in form.sections for t in s.tables}
    | {_core(label) for form in (ANNEX1, ANNEX2) for s in form.sections
       for label, _ in s.free_text}
    | {norm(form.title) for form in (ANNEX1, ANNEX2)}
)


# ---------------------------------------------------------------------------
# Field names in findings, in Chinese and English
# ---------------------------------------------------------------------------

_ROW_NAME = re.compile(r"^(?P<table>.+?) 第(?P<row>\d+)行(?: (?P<column>.+))?$")


def row_field(table: TableSpec, row: int, column: str | None = None) -> str:
    """The name of a cell in findings: ``专职工作人员情况 第2行 身份证号``."""
    return f"{table.name} 第{row}行" + (f" {column}" if column else "")


def _names_en() -> dict[str, str]:
    names = {f.name: f.en for f in FIELDS}
    names.update({t.name: t.en for t in TABLES})
    names.update({ft.name: ft.en for ft in FREE_TEXTS})
    return names


FIELD_NAMES_EN: dict[str, str] = _names_en()


def field_display(name: str, lang: str) -> str:
    """A finding's field name for people: as printed on the form in Chinese, translated in
    English (``专职工作人员情况 第2行 身份证号`` → ``Full-time staff, row 2, ID number``)."""
    if lang != "en":
        return name
    if name in FIELD_NAMES_EN:
        return FIELD_NAMES_EN[name]
    m = _ROW_NAME.match(name)
    if m:
        table = next((t for t in TABLES if t.name == m.group("table")), None)
        if table is not None:
            out = f"{table.en}, row {m.group('row')}"
            column = m.group("column")
            if column:
                en = dict(zip(table.columns, table.columns_en, strict=True)).get(column, column)
                out += f", {en}"
            return out
    return name


# ---------------------------------------------------------------------------
# Cells
# ---------------------------------------------------------------------------


def _cell(value: object) -> str:
    return value if isinstance(value, str) else ""


def _label_pairs(text: str) -> list[tuple[str, str | None]]:
    """The (label, value) pairs of a cell or line that starts with a basic label.

    ``value`` is ``None`` when the text ends with the label (the value is elsewhere: the
    next cell, the cell below, the next line).  A text not starting with a label gives [].
    """
    if not text:
        return []
    start = _LEAD.match(text).end()
    if not _LABEL_RE.match(text, start):
        return []
    matches = []
    for m in _LABEL_RE.finditer(text, start):
        if not matches:
            if m.start() != start:
                return []
        else:
            before = text[m.start() - 1] if m.start() else " "
            if not (before.isspace() or before in _PUNCT):
                continue
        matches.append(m)
    pairs: list[tuple[str, str | None]] = []
    for i, m in enumerate(matches):
        label = _LABEL_BY_NORM[norm(m.group(0))]
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        rest = text[m.end():end]
        if i + 1 == len(matches) and not rest.strip().lstrip(":：").strip():
            pairs.append((label, None))
        else:
            pairs.append((label, _clean_value(rest)))
    return pairs


def _free_text_heading(text: str) -> tuple[FreeTextSpec, str | None] | None:
    """If ``text`` is a free-text heading: its spec and the value written after it, if any."""
    if not text:
        return None
    core = _core(text)
    if not core:
        return None
    for spec in FREE_TEXTS:
        for key in spec.keys:
            if core.startswith(key):
                return spec, _heading_rest(text, key)
            # A heading cut short, e.g. the notice's own unbalanced bracket.
            if len(core) >= 6 and key.startswith(core):
                return spec, None
    return None


def _heading_rest(text: str, key: str) -> str | None:
    """What follows the heading ``key`` in ``text``: a value written in the same cell.

    A bracket right after the heading is the heading's own explanation (``管理制度（现有的…）``),
    not a value.
    """
    m = re.search(_pattern(key), text)
    if not m:
        return None
    rest = text[m.end():].strip()
    if rest[:1] in ("（", "("):
        return None
    return _clean_value(rest) or None


def _is_heading(text: str) -> bool:
    core = _core(text)
    if not core:
        return False
    if core in _HEADINGS or norm(text) in _HEADINGS:
        return True
    if _CN_ORDINAL.match(norm(text)) and any(core.startswith(h) or h.startswith(core)
                                             for h in _HEADINGS if len(core) >= 4):
        return True
    return _free_text_heading(text) is not None


def _is_structural(text: str) -> bool:
    """A label, heading or column title: never taken as a value."""
    if not text or not text.strip():
        return False
    if _label_pairs(text) or _is_heading(text):
        return True
    n = norm(text)
    return any(n == c for t in TABLES for c in t.norm_columns)


# ---------------------------------------------------------------------------
# Header rows of the tables
# ---------------------------------------------------------------------------


_ALL_COLUMNS: frozenset[str] = frozenset(c for t in TABLES for c in t.norm_columns)
# For each column title, the longer titles that start with it ("职务/职称" → "职务/职称/技能等级"):
# a cell starting with one of those is not this column.
_LONGER: dict[str, tuple[str, ...]] = {
    c: tuple(o for o in _ALL_COLUMNS if o != c and o.startswith(c)) for c in _ALL_COLUMNS}


def _is_column_cell(cell: str) -> bool:
    return cell in _ALL_COLUMNS or any(cell.startswith(c) for c in _ALL_COLUMNS if len(c) >= 2)


def _column_index(normed: Sequence[str], target: str) -> int | None:
    """Where the column titled ``target`` (normalised) is among the normalised cells."""
    for i, c in enumerate(normed):
        if c == target:
            return i
    for i, c in enumerate(normed):  # "职业编码（如有）", "考评职业领域*"
        if len(target) >= 2 and c.startswith(target) and c not in _ALL_COLUMNS and not any(
                c.startswith(longer) for longer in _LONGER[target]):
            return i
    return None


def _header(row: Sequence[str]) -> tuple[TableSpec, dict[str, int]] | None:
    """The table whose header ``row`` is, with the index of each of its columns."""
    cells = [norm(c) for c in row]
    filled = {c for c in cells if c}
    if len(filled) < 3 or sum(1 for c in filled if _is_column_cell(c)) < 3:
        return None
    best: tuple[float, TableSpec, dict[str, int]] | None = None
    for spec in TABLES:
        index = {col: i for col, target in zip(spec.columns, spec.norm_columns, strict=True)
                 if (i := _column_index(cells, target)) is not None}
        matched = len(index)
        if matched < 3 or matched < 0.6 * len(spec.columns):
            continue
        score = matched / len(filled | set(spec.norm_columns))
        if best is None or score > best[0]:
            best = (score, spec, index)
    return (best[1], best[2]) if best else None


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


@dataclass
class _Row:
    table: TableSpec
    number: int
    values: dict[str, str]
    certain: bool = True  # False: a text line whose cells could not all be told apart


@dataclass
class _Reading:
    values: dict[str, str] = field(default_factory=dict)  # field key → value
    seen: set[str] = field(default_factory=set)  # field keys whose label was found
    free: dict[str, str] = field(default_factory=dict)  # free-text key → value
    free_seen: set[str] = field(default_factory=set)
    rows: dict[str, list[_Row]] = field(default_factory=dict)  # table key → filled rows
    tables_seen: set[str] = field(default_factory=set)
    last_key: str | None = None  # the last basic field whose label was read

    def assign(self, label: str, value: str) -> None:
        candidates = _FIELDS_BY_LABEL.get(label, [])
        if not candidates:
            return
        spec = candidates[0]
        if len(candidates) > 1:  # 联系手机: the one printed after the field read last
            spec = next((c for c in candidates if c.after == self.last_key), None) or next(
                (c for c in candidates if c.key not in self.seen), candidates[-1])
        self.last_key = spec.key
        self.seen.add(spec.key)
        value = unwrap(value) if value else ""
        if value and not self.values.get(spec.key):
            self.values[spec.key] = value

    def assign_free(self, spec: FreeTextSpec, value: str) -> None:
        self.free_seen.add(spec.key)
        if value and not self.free.get(spec.key):
            self.free[spec.key] = value


def _right_value(row: Sequence[str], j: int) -> str:
    """The value in the cells right of a label: the first non-empty one, unless it is a label."""
    for k in range(j + 1, len(row)):
        text = row[k]
        if text.strip():
            return "" if _is_structural(text) else _clean_value(text)
    return ""


def _below_value(rows: Sequence[Sequence[str]], i: int, j: int, *, whole_row: bool) -> str:
    if i + 1 >= len(rows):
        return ""
    below = rows[i + 1]
    if whole_row:
        texts = [c for c in below if c.strip()]
        if not texts or any(_is_structural(t) for t in texts) or _header(below):
            return ""
        return _clean_value("\n".join(texts))
    if j < len(below) and below[j].strip() and not _is_structural(below[j]):
        return _clean_value(below[j])
    return ""


def _has_right_cells(row: Sequence[str], j: int) -> bool:
    return any(c.strip() for c in row[j + 1:])


@dataclass
class _TableState:
    spec: TableSpec
    index: dict[str, int]
    width: int
    count: int = 0


def _is_break(row: Sequence[str], state: _TableState) -> bool:
    filled = [c for c in row if c.strip()]
    if not filled:
        return False
    if any(_label_pairs(c) or _is_heading(c) for c in filled):
        return True
    if len(filled) == 1 and len(row) < state.width:
        n = norm(filled[0])
        return not (n.isdigit() or is_blank(filled[0]))
    return False


def _data_row(row: Sequence[str], state: _TableState, reading: _Reading, *,
              certain: bool = True) -> None:
    state.count += 1
    values = {col: unwrap(_clean_value(row[i])) if i < len(row) else ""
              for col, i in state.index.items()}
    number_text = norm(values.get(state.spec.columns[0], ""))
    number = int(number_text) if number_text.isdigit() and len(number_text) < 4 else state.count
    content = {c: v for c, v in values.items() if norm(c) != _NUMBER_COLUMN}
    if all(not v for v in content.values()):
        return  # a blank numbered row, or the "…" row
    reading.rows.setdefault(state.spec.key, []).append(
        _Row(state.spec, number, values, certain))


def _read_tables(tables: Iterable[object], reading: _Reading) -> None:
    state: _TableState | None = None
    for raw_table in tables:
        rows = _rows(raw_table)
        if not rows:
            continue
        # A table cut by a page break goes on without a header: keep reading its rows.
        if state is not None:
            first = rows[0]
            if _header(first) or _is_break(first, state) or len(first) != state.width:
                state = None
        for i, row in enumerate(rows):
            head = _header(row)
            if head:
                spec, index = head
                state = _TableState(spec, index, len(row))
                reading.tables_seen.add(spec.key)
                continue
            if state is not None:
                if _is_break(row, state):
                    state = None
                else:
                    _data_row(row, state, reading)
                    continue
            _read_row(rows, i, reading)


def _rows(raw_table: object) -> list[list[str]]:
    if not isinstance(raw_table, (list, tuple)):
        return []
    rows = []
    for raw_row in raw_table:
        if isinstance(raw_row, (list, tuple)):
            rows.append([_cell(c) for c in raw_row])
        elif isinstance(raw_row, str):
            rows.append([raw_row])
    return rows


def _read_row(rows: Sequence[Sequence[str]], i: int, reading: _Reading) -> None:
    row = rows[i]
    parsed = [_label_pairs(c) for c in row]
    filled = [k for k, c in enumerate(row) if c.strip()]
    # Only labels in the row (at least two, no value cells): the values are in the row below.
    header_row = len(filled) >= 2 and all(
        len(parsed[k]) == 1 and parsed[k][0][1] is None for k in filled)
    consumed: set[int] = set()
    for j, cell in enumerate(row):
        if j in consumed or not cell.strip():
            continue
        pairs = parsed[j]
        if pairs:
            for label, value in pairs:
                if value is None:
                    if header_row:
                        value = _below_value(rows, i, j, whole_row=False)
                    elif _has_right_cells(row, j):
                        value = _right_value(row, j)
                        k = next(k for k in range(j + 1, len(row)) if row[k].strip())
                        if not _is_structural(row[k]):
                            consumed.add(k)
                    else:
                        value = _below_value(rows, i, j, whole_row=False)
                reading.assign(label, value)
            continue
        heading = _free_text_heading(cell)
        if heading:
            spec, value = heading
            if value is None:
                if _has_right_cells(row, j):
                    value = _right_value(row, j)
                    consumed.update(range(j + 1, len(row)))
                else:
                    value = _below_value(rows, i, j, whole_row=True)
            reading.assign_free(spec, value)


# -- text lines -------------------------------------------------------------


def _known_texts() -> tuple[str, ...]:
    """Labels and headings (normalised, without ordinal) whose lines a PDF may wrap."""
    out = set(_LABEL_BY_NORM)
    for form in (ANNEX1, ANNEX2):
        for section in form.sections:
            out.add(_core(section.title))
            for label, _ in section.free_text:
                out.add(_core(label))
                if len(section.free_text) == 1 and not section.tables:
                    out.add(_core(f"{section.title}（{label}）"))
            for t in section.tables:
                out.add(_core(t.title))
    return tuple(sorted(out, key=len, reverse=True))


_KNOWN_TEXTS = _known_texts()
_MAX_LINES = 5000  # the form is a few pages: text beyond this many lines is not read
_KNOWN_PREFIXES = frozenset(k[:n] for k in _KNOWN_TEXTS for n in range(2, len(k)))


def _completes(head: str, tail: str) -> bool:
    """Whether ``head`` + ``tail`` continue a label or heading that ``head`` alone cuts short."""
    a = _core(head)
    if a not in _KNOWN_PREFIXES:
        return False
    ab = _core(head + tail)
    return any(known != a and known.startswith(a) and (known.startswith(ab) or ab.startswith(known))
               for known in _KNOWN_TEXTS)


def _lines(doc: Document) -> list[str]:
    """The text lines of ``doc``, with labels and headings a narrow cell wrapped joined again."""
    raw: list[str] = []
    for page in doc.pages if isinstance(doc.pages, list) else []:
        if isinstance(page, str):
            raw.extend(line.strip() for line in page.splitlines())
    raw = [line for line in raw if line][:_MAX_LINES]
    out: list[str] = []
    i = 0
    while i < len(raw):
        line = raw[i]
        while i + 1 < len(raw) and _completes(line, raw[i + 1]):
            i += 1
            line += raw[i]
        # A label cell wrapped around a value centred beside it: 注册登记机 / 南宁市… / 构.
        if (i + 2 < len(raw) and _label_pairs(line) == [] and _completes(line, raw[i + 2])
                and not _is_structural(raw[i + 1])):
            out.extend([line + raw[i + 2], raw[i + 1]])
            i += 3
            continue
        # The same cell where the text layer put the value on the label's first line:
        # 注册登记机 南宁市… / 构, or (some PDF readers drop a character they cannot place)
        # 注册登记机 南宁市… alone.
        if _label_pairs(line) == []:
            head, _, rest = line.partition(" ")
            label = _cut_label(head)
            if label is not None and rest.strip():
                tail = raw[i + 1] if i + 1 < len(raw) else ""
                if norm(head + tail) == norm(label):
                    i += 1
                line = f"{label} {rest.strip()}"
        out.append(line)
        i += 1
    return out


def _cut_label(head: str) -> str | None:
    """The basic label ``head`` starts when a wrap cut off its last character or two, if
    only one label starts so (``注册登记机`` → ``注册登记机构``)."""
    core = norm(head)
    if len(core) < 4 or core in _LABEL_BY_NORM:
        return None
    found = [label for n, label in _LABEL_BY_NORM.items()
             if n.startswith(core) and len(n) - len(core) <= 2]
    return found[0] if len(found) == 1 else None


def _tokens(line: str) -> list[str]:
    tokens = [t for t in re.split(r"\t|\s{2,}", line.strip()) if t]
    return tokens if len(tokens) > 1 else line.split()


def _merge_columns(tokens: list[str]) -> list[str]:
    """Header tokens with column titles a wrap cut in two put together again."""
    out: list[str] = []
    for tok in tokens:
        if out and norm(out[-1]) not in _ALL_COLUMNS and norm(out[-1] + tok) in _ALL_COLUMNS:
            out[-1] += tok
        else:
            out.append(tok)
    return out


def _text_header(lines: Sequence[str], i: int) -> tuple[TableSpec, int] | None:
    """The table whose header starts at line ``i``, and how many lines the header takes."""
    joined = norm("".join(lines[i:i + 2]))
    if sum(1 for c in _ALL_COLUMNS if c in joined) < 3:
        return None
    best: tuple[float, TableSpec, int] | None = None
    for span in (1, 2):
        if i + span > len(lines):
            break
        tokens = _merge_columns(_tokens(" ".join(lines[i:i + span])))
        head = _header(tokens)
        if head:
            spec, index = head
            filled = {norm(t) for t in tokens if t}
            score = len(index) / len(filled | set(spec.norm_columns))
            if best is None or score > best[0]:
                best = (score, spec, span)
    return (best[1], best[2]) if best else None


def _glue(a: str, b: str) -> str:
    if not a:
        return b
    x, y = a[-1], b[:1]
    joined = (x.isdigit() and y.isdigit()) or (_is_cjk(x) and _is_cjk(y))
    return a + ("" if joined else " ") + b


_ROW_NUMBER = re.compile(r"^(\d{1,3})(?:\s|$)")
_MAX_BOX_LINES = 400  # a free-text box read from text lines ends here at the latest


def _read_lines(lines: Sequence[str], reading: _Reading, *, fields: bool, free: bool,
                tables: bool) -> None:
    """Read ``label：value`` lines, free-text boxes and table rows from plain text.

    In a table, a line starting with the next row number starts a row; other lines go on
    with the row before (a cell the PDF wrapped).
    """
    text_reading = _Reading()
    state: _TableState | None = None
    pending = ""
    last_number = 0

    def flush() -> None:
        nonlocal pending
        if state is not None and pending:
            _text_row(pending, state.spec, text_reading, state)
        pending = ""

    i = 0
    while i < len(lines):
        line = lines[i]
        head = _text_header(lines, i)
        if head:
            flush()
            spec, span = head
            state = _TableState(spec, {c: k for k, c in enumerate(spec.columns)},
                                len(spec.columns))
            text_reading.tables_seen.add(spec.key)
            last_number = 0
            i += span
            continue
        pairs = _label_pairs(line)
        heading = None if pairs else _free_text_heading(line)
        if state is not None:
            if pairs or heading or _is_heading(line):
                flush()
                state = None
            else:
                m = _ROW_NUMBER.match(line)
                if m and int(m.group(1)) == last_number + 1:
                    flush()
                    last_number += 1
                    pending = line
                else:
                    pending = _glue(pending, line)
                i += 1
                continue
        if pairs:
            for label, value in pairs:
                if value is None:
                    nxt = lines[i + 1] if i + 1 < len(lines) else ""
                    value = "" if _is_structural(nxt) or _text_header(lines, i + 1) else \
                        _clean_value(nxt)
                text_reading.assign(label, value)
        elif heading:
            spec, value = heading
            if value is None:
                body = []
                k = i + 1
                while k < len(lines) and k - i <= _MAX_BOX_LINES and not (
                        _is_structural(lines[k]) or _text_header(lines, k)):
                    body.append(lines[k])
                    k += 1
                value = _clean_value("\n".join(body))
            text_reading.assign_free(spec, value)
        i += 1
    flush()
    if fields:
        for key in text_reading.seen - reading.seen:
            reading.seen.add(key)
            if key in text_reading.values:
                reading.values[key] = text_reading.values[key]
    if free:
        for key in text_reading.free_seen - reading.free_seen:
            reading.free_seen.add(key)
            if key in text_reading.free:
                reading.free[key] = text_reading.free[key]
    if tables:
        for key in text_reading.tables_seen - reading.tables_seen:
            reading.tables_seen.add(key)
            reading.rows[key] = text_reading.rows.get(key, [])


_FULL_ID_TOKEN = re.compile(r"^[0-9０-９]{17}[0-9０-９XxＸｘ]$")


def _text_row(line: str, spec: TableSpec, reading: _Reading, state: _TableState) -> None:
    """A table row written as a text line: ``1  焊工证书  焊工（四级）  6-18-02-04``.

    Tokens are split on tabs or wide gaps, else on spaces.  When there is one token per
    column and the 身份证号 / 职业编码 tokens have their shape, the row is read as certain
    and checked in full.  Otherwise (cells a PDF wrapped over several lines) the row only
    counts as filled in, and an 18-character identity number found by its shape is
    checked: nothing is reported about what could not be told apart.
    """
    columns = spec.columns
    tokens = [t for t in re.split(r"\t|\s{2,}", line.strip()) if t]
    if len(tokens) != len(columns):
        tokens = line.split()
    values = dict.fromkeys(columns, "")
    certain = len(tokens) == len(columns)
    if certain:
        values = dict(zip(columns, tokens, strict=True))
        if _ID_COLUMN in values and len(re.findall(r"\d", values[_ID_COLUMN])) < 6:
            certain = False
        if _CODE_COLUMN in values and not re.search(r"\d", values[_CODE_COLUMN]):
            certain = False
    if not certain and tokens:
        values = dict.fromkeys(columns, "")
        values[columns[0]] = tokens[0]
        rest = tokens[1:]
        if _ID_COLUMN in columns:
            ids = [t for t in rest if _FULL_ID_TOKEN.match(t)]
            if ids:
                values[_ID_COLUMN] = ids[0]
                rest.remove(ids[0])
        others = [c for c in columns[1:] if not values[c]]
        if others and rest:
            values[others[0]] = " ".join(rest)
    _data_row([values[c] for c in columns], state, reading, certain=certain)


def _read(doc: Document) -> _Reading:
    reading = _Reading()
    tables = doc.tables if isinstance(doc.tables, list) else []
    _read_tables(tables, reading)
    missing_fields = any(f.key not in reading.seen for f in FIELDS)
    missing_free = any(ft.key not in reading.free_seen for ft in FREE_TEXTS)
    missing_tables = any(t.key not in reading.tables_seen for t in _CHECKED_TABLES)
    if missing_fields or missing_free or missing_tables:
        lines = _lines(doc)
        if lines:
            _read_lines(lines, reading, fields=missing_fields, free=missing_free,
                        tables=not any(t.key in reading.tables_seen for t in _CHECKED_TABLES))
    return reading


# ---------------------------------------------------------------------------
# Telling 附件1 from other files, and 附件2
# ---------------------------------------------------------------------------


def _markers(form: AnnexForm) -> set[str]:
    out = {norm(form.title)}
    for s in form.sections:
        out.add(_core(re.sub(r"[（(][^（()）]*[)）]$", "", s.title)))
        for t in s.tables:
            out.add(_core(t.title))
            out.update(norm(c) for c in t.columns)
        out.update(_core(label) for label, _ in s.free_text)
    return {m for m in out if len(m) >= 4}


def _own_markers(form: AnnexForm, other: AnnexForm) -> frozenset[str]:
    mine, theirs = _markers(form), _markers(other)
    own = {m for m in mine - theirs if not any(m in t for t in theirs)}
    return frozenset(own)


_ANNEX1_MARKERS = _own_markers(ANNEX1, ANNEX2)
_ANNEX2_MARKERS = _own_markers(ANNEX2, ANNEX1)
_BASIC_LABELS = frozenset(norm(label) for label in _LABELS)


def _all_text(doc: Document) -> str:
    parts = [doc.title if isinstance(doc.title, str) else ""]
    parts.extend(p for p in (doc.pages if isinstance(doc.pages, list) else [])
                 if isinstance(p, str))
    for table in doc.tables if isinstance(doc.tables, list) else []:
        for row in _rows(table):
            parts.append("".join(row))
    return norm("\n".join(parts))


@dataclass(frozen=True)
class FormEvidence:
    """What in a document points to 附件1 or to 附件2."""

    annex1_title: bool
    annex2_title: bool
    annex1_markers: int
    annex2_markers: int
    basic_labels: int

    @property
    def is_annex1(self) -> bool:
        if self.annex2_markers >= self.annex1_markers:
            return False
        if self.basic_labels >= 3 and (self.annex1_title or self.annex1_markers >= 3):
            return True
        # A form whose basic-information table was lost but whose own tables are there.
        return self.annex1_title and self.annex1_markers >= 4

    @property
    def is_annex2(self) -> bool:
        return (self.annex2_markers > self.annex1_markers and self.basic_labels >= 3
                and (self.annex2_title or self.annex2_markers >= 2))


def form_evidence(doc: Document) -> FormEvidence:
    text = _all_text(doc)
    return FormEvidence(
        annex1_title=norm(ANNEX1.title) in text,
        annex2_title=norm(ANNEX2.title) in text,
        annex1_markers=sum(1 for m in _ANNEX1_MARKERS if m in text),
        annex2_markers=sum(1 for m in _ANNEX2_MARKERS if m in text),
        basic_labels=sum(1 for m in _BASIC_LABELS if m in text),
    )


def looks_like_annex1(doc: Document) -> bool:
    """Whether ``doc`` is a (filled or blank) 注册表, 附件1 — not the annual summary 附件2.

    Its title, or at least three of its own headings and column titles, with at least
    three basic-information labels; and more of 附件1's own markers than of 附件2's.
    """
    if not isinstance(doc, Document):
        return False
    return form_evidence(doc).is_annex1


def looks_like_annex2(doc: Document) -> bool:
    """Whether ``doc`` is the annual summary 年度核发证书信息汇总表, 附件2."""
    if not isinstance(doc, Document):
        return False
    return form_evidence(doc).is_annex2


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

    for spec in FIELDS:
        value = reading.values.get(spec.key, "")
        check.fields[spec.name] = value
        if not value:
            if spec.required:
                problems.append(FormProblem(MISSING_FIELD, spec.name))
            continue
        if spec.kind == "uscc" and not valid_uscc(compact(value)):
            problems.append(FormProblem(INVALID_USCC, spec.name, value))
        elif spec.kind == "mobile" and not valid_mobile(value):
            problems.append(FormProblem(INVALID_MOBILE, spec.name, _masked("mobile", value)))
        elif spec.kind == "email" and not valid_email(compact(value)):
            problems.append(FormProblem(INVALID_EMAIL, spec.name, _masked("email", value)))

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
