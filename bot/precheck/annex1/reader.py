"""Reading a filled 附件1 from its tables and text lines, wherever the layout puts the labels."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.notice import ANNEX1, ANNEX2
from bot.precheck.annex1.cells import (
    _ALL_COLUMNS,
    _cell,
    _free_text_heading,
    _header,
    _is_heading,
    _is_structural,
    _label_pairs,
)
from bot.precheck.annex1.labels import (
    _CODE_COLUMN,
    _FIELDS_BY_LABEL,
    _ID_COLUMN,
    _LABEL_BY_NORM,
    _NUMBER_COLUMN,
    ANNEX1_LAYOUT,
    FIELDS,
    FreeTextSpec,
    Layout,
    TableSpec,
    _clean_value,
    _core,
    _is_cjk,
    is_blank,
    norm,
    unwrap,
)
from bot.precheck.results import (
    Document,
)

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
            after = [c for c in candidates if c.after == self.last_key]
            unseen = [c for c in candidates if c.key not in self.seen]
            spec = (after or unseen or candidates[-1:])[0]
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


def _read_tables(tables: Iterable[object], reading: _Reading,
                 free_texts: tuple[FreeTextSpec, ...] = ANNEX1_LAYOUT.free_texts) -> None:
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
            _read_row(rows, i, reading, free_texts)


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


def _read_row(rows: Sequence[Sequence[str]], i: int, reading: _Reading,
              free_texts: tuple[FreeTextSpec, ...] = ANNEX1_LAYOUT.free_texts) -> None:
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
        heading = _free_text_heading(cell, free_texts)
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
                tables: bool,
                free_texts: tuple[FreeTextSpec, ...] = ANNEX1_LAYOUT.free_texts) -> None:
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
        heading = None if pairs else _free_text_heading(line, free_texts)
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
            free_spec, value = heading
            if value is None:
                body = []
                k = i + 1
                while k < len(lines) and k - i <= _MAX_BOX_LINES and not (
                        _is_structural(lines[k]) or _text_header(lines, k)):
                    body.append(lines[k])
                    k += 1
                value = _clean_value("\n".join(body))
            text_reading.assign_free(free_spec, value)
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


def _read(doc: Document, layout: Layout = ANNEX1_LAYOUT) -> _Reading:
    """Read the basic fields, ``layout``'s free-text boxes and tables from ``doc``: from its
    tables first, then from its text lines for whatever the tables did not hold."""
    reading = _Reading()
    tables = doc.tables if isinstance(doc.tables, list) else []
    _read_tables(tables, reading, layout.free_texts)
    missing_fields = any(f.key not in reading.seen for f in FIELDS)
    missing_free = any(ft.key not in reading.free_seen for ft in layout.free_texts)
    missing_tables = any(t.key not in reading.tables_seen for t in layout.tables)
    if missing_fields or missing_free or missing_tables:
        lines = _lines(doc)
        if lines:
            _read_lines(lines, reading, fields=missing_fields, free=missing_free,
                        tables=not any(t.key in reading.tables_seen for t in layout.tables),
                        free_texts=layout.free_texts)
    return reading


