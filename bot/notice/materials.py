"""Part 三 of the notice: the application materials, their categories and groups (data, in
``materials.yml``), the translation rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.notice.document import Clause, Text, read_data, text

# ---------------------------------------------------------------------------
# Part 三: materials
# ---------------------------------------------------------------------------

MATERIALS_HEADING = Text("申请材料清单", "Application materials")


@dataclass(frozen=True)
class Category:
    id: str  # "1" … "4"
    clause: Clause
    name: Text


@dataclass(frozen=True)
class Group:
    """A numbered line of the notice's list that holds several materials (三（一）1 and 2)."""

    id: str  # "1.1", "1.2"
    name: Text
    notice_text: Text


@dataclass(frozen=True)
class Material:
    id: str  # stable id used by the pre-check and the reports, e.g. "1.1.4"
    category: str  # Category.id
    clause: Clause
    name: Text
    short: Text  # a short name for tables and buttons
    optional: bool = False  # the notice says 如有 (if any)
    note: Text | None = None  # what else the notice says about this item, if anything
    aliases: tuple[str, ...] = ()  # other ways applicants name it (matching, not facts)
    group: str | None = None  # Group.id for items of 三（一）


_DATA = read_data("materials.yml")
CATEGORIES: tuple[Category, ...] = tuple(
    Category(c["id"], Clause(text(c["ref"]), MATERIALS_HEADING), text(c["name"]))
    for c in _DATA["categories"])
CATEGORIES_BY_ID: dict[str, Category] = {c.id: c for c in CATEGORIES}

GROUPS: tuple[Group, ...] = tuple(
    Group(g["id"], text(g["name"]), text(g["notice_text"])) for g in _DATA["groups"])
GROUPS_BY_ID: dict[str, Group] = {g.id: g for g in GROUPS}


def _material(data: dict[str, Any]) -> Material:
    """A material of the data file; its id gives its category, its item of the category
    (三（一）1 …) and, with three parts, its group ("1.1.4": category 1, item 1, group 1.1)."""
    parts = data["id"].split(".")
    ref = CATEGORIES_BY_ID[parts[0]].clause.ref
    clause = Clause(Text(f"{ref.zh}{parts[1]}", f"{ref.en}.{parts[1]}"), MATERIALS_HEADING)
    return Material(
        data["id"], parts[0], clause, text(data["name"]), text(data["short"]),
        optional=data.get("optional", False),
        note=text(data["note"]) if "note" in data else None,
        aliases=tuple(data["aliases"]),
        group=".".join(parts[:2]) if len(parts) == 3 else None)


MATERIALS: tuple[Material, ...] = tuple(_material(m) for m in _DATA["materials"])
MATERIALS_BY_ID: dict[str, Material] = {m.id: m for m in MATERIALS}
# 三（四）1: the registration form, 附件1 — the one material whose content is checked field by field.
FORM_MATERIAL_ID = "4.1"
REQUIRED_MATERIALS: tuple[Material, ...] = tuple(m for m in MATERIALS if not m.optional)


def materials_in(category: str) -> tuple[Material, ...]:
    return tuple(m for m in MATERIALS if m.category == category)


TRANSLATION_RULE = Text(
    zh="上述材料如为外文版的，需同时提交中文译本，且申请人须保证中、外文版本内容一致。",
    en="Any of the above materials in a foreign language must be submitted together with a Chinese "
    "translation, and the applicant must guarantee that the Chinese and foreign-language versions "
    "are consistent.",
)
TRANSLATION_CLAUSE = Clause(Text("三", "III"), MATERIALS_HEADING)

