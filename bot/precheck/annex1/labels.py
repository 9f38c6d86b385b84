"""What 附件1 asks for (derived from bot.notice.ANNEX1): label patterns, field, free-text and table
specs, field names in findings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bot.notice import ANNEX1, ANNEX2, AnnexForm, FormField, FormSection

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
assert ANNEX1.fields() == ANNEX2.fields()  # both forms open with the same basic information
FIELDS_BY_KEY: dict[str, FieldSpec] = {f.key: f for f in FIELDS}
FREE_TEXTS: tuple[FreeTextSpec, ...] = _free_text_specs(ANNEX1)
TABLES: tuple[TableSpec, ...] = _table_specs(ANNEX1) + _table_specs(ANNEX2)
TABLES_BY_KEY: dict[str, TableSpec] = {t.key: t for t in TABLES}
CERTIFICATES = TABLES_BY_KEY["certificates"]
STAFF = TABLES_BY_KEY["full_time_staff"]
EXAMINERS = TABLES_BY_KEY["examiners"]
_CHECKED_TABLES = (CERTIFICATES, STAFF, EXAMINERS)


@dataclass(frozen=True)
class Layout:
    """What a reading looks for in one form: its free-text boxes and the tables it checks
    (the basic-information fields are the same on both forms)."""

    free_texts: tuple[FreeTextSpec, ...]
    tables: tuple[TableSpec, ...]


FREE_TEXTS_ANNEX2: tuple[FreeTextSpec, ...] = _free_text_specs(ANNEX2)
ANNEX1_LAYOUT = Layout(FREE_TEXTS, _CHECKED_TABLES)
ANNEX2_LAYOUT = Layout(FREE_TEXTS_ANNEX2, (TABLES_BY_KEY["issued"],))
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
    names.update({ft.name: ft.en for ft in FREE_TEXTS + FREE_TEXTS_ANNEX2})
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


