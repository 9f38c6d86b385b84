"""Telling 附件1 from other files, and from 附件2, by the labels each form has of its own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.notice import ANNEX1, ANNEX2, AnnexForm
from bot.precheck.annex1.labels import _LABELS, _core, norm
from bot.precheck.annex1.reader import _rows
from bot.precheck.results import (
    Document,
)

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


