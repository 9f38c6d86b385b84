"""Cells of a form table: label/value pairs, headings, and the tables' header rows."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.precheck.annex1.labels import (
    _CN_ORDINAL,
    _HEADINGS,
    _LABEL_BY_NORM,
    _LABEL_RE,
    _LEAD,
    _PUNCT,
    FREE_TEXTS,
    TABLES,
    FreeTextSpec,
    TableSpec,
    _clean_value,
    _core,
    _pattern,
    norm,
)

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
    lead = _LEAD.match(text)
    start = lead.end() if lead else 0
    if not _LABEL_RE.match(text, start):
        return []
    matches: list[re.Match[str]] = []
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


def _free_text_heading(text: str, specs: tuple[FreeTextSpec, ...] = FREE_TEXTS
                       ) -> tuple[FreeTextSpec, str | None] | None:
    """If ``text`` is a free-text heading (of ``specs``, by default 附件1's): its spec and the
    value written after it, if any."""
    if not text:
        return None
    core = _core(text)
    if not core:
        return None
    for spec in specs:
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


