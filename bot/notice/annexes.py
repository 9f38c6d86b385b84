"""The notice's two annex forms, 附件1 and 附件2, section by section and field by field (data, in
``annexes.yml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.notice.document import Clause, Text, read_data
from bot.notice.duties import DUTIES_BY_ID
from bot.notice.materials import FORM_MATERIAL_ID, MATERIALS_BY_ID

# ---------------------------------------------------------------------------
# The annex forms
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FormField:
    key: str
    label: str  # the label printed on the form
    en: str
    required: bool = True
    kind: str = "text"  # text | uscc | mobile | phone | email


@dataclass(frozen=True)
class FormTable:
    key: str
    title: str
    en: str
    columns: tuple[str, ...]
    columns_en: tuple[str, ...]
    rows: int  # numbered blank rows printed on the form
    open_ended: bool = False  # the last row is "…"


@dataclass(frozen=True)
class FormSection:
    key: str
    title: str
    en: str
    fields: tuple[FormField, ...] = ()
    tables: tuple[FormTable, ...] = ()
    free_text: tuple[tuple[str, str], ...] = ()  # (label, en) of blank paragraphs to fill in


@dataclass(frozen=True)
class AnnexForm:
    key: str
    number: str  # "附件1"
    title: str
    en: str
    sections: tuple[FormSection, ...] = field(default_factory=tuple)

    @property
    def number_en(self) -> str:
        """"附件1" → "Annex 1"."""
        return "Annex " + self.number.removeprefix("附件")

    def fields(self) -> tuple[FormField, ...]:
        return tuple(f for s in self.sections for f in s.fields)


_DATA = read_data("annexes.yml")
BASIC_INFO_FIELDS: tuple[FormField, ...] = tuple(FormField(**f) for f in _DATA["basic_info"])


def _table(data: dict[str, Any]) -> FormTable:
    return FormTable(**{**data, "columns": tuple(data["columns"]),
                        "columns_en": tuple(data["columns_en"])})


def _section(data: dict[str, Any]) -> FormSection:
    return FormSection(
        data["key"], data["title"], data["en"],
        fields=BASIC_INFO_FIELDS if data.get("fields") == "basic_info" else (),
        tables=tuple(_table(t) for t in data.get("tables", ())),
        free_text=tuple((label, en) for label, en in data.get("free_text", ())))


def _form(data: dict[str, Any]) -> AnnexForm:
    return AnnexForm(data["key"], data["number"], data["title"], data["en"],
                     sections=tuple(_section(s) for s in data["sections"]))


ANNEX1, ANNEX2 = (_form(f) for f in _DATA["forms"])
ANNEXES: dict[str, AnnexForm] = {"annex1": ANNEX1, "annex2": ANNEX2}
ANNEX_CLAUSES: dict[str, Clause] = {
    "annex1": MATERIALS_BY_ID[FORM_MATERIAL_ID].clause,  # 三（四）1 asks for it
    "annex2": DUTIES_BY_ID["annual_report"].clause,  # 六（四） asks for it every December
}
# The forms' short names in running text.
FORM_NAMES: dict[str, Text] = {
    "annex1": Text(f"注册表（{ANNEX1.number}）", f"registration form ({ANNEX1.number_en})"),
    "annex2": Text(f"年度汇总表（{ANNEX2.number}）", f"annual summary ({ANNEX2.number_en})"),
}
