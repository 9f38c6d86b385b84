"""Interface strings in Chinese and English: the one table of the assistant's own words.

The words are data, in YAML catalogs under ``bot/i18n/strings/`` — the chat's
(``chat.yml``), the answers from the notice's units (``units.yml``), the report's
(``report.yml``), short labels (``labels.yml``) and the chat page's (``web.yml``) — each
``key: {zh: 中文, en: English}``, read once at import into one table and through :func:`t`.
A key written twice, in one catalog or in two, stops the import.  Facts about the notice
come from :mod:`bot.notice` as format values and are never written here
(tests/test_architecture.py checks it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """YAML that refuses a key written twice in one catalog."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> dict[object, object]:
    out: dict[object, object] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        if key in out:
            raise ValueError(f"{node.start_mark.name}: the key {key!r} is written twice")
        out[key] = loader.construct_object(value_node, deep=True)
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
CATALOGS = Path(__file__).with_name("strings")


def _catalog(path: Path) -> dict[str, tuple[str, str]]:
    """One catalog: ``key: {zh: …, en: …}``, both texts non-empty strings."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - safe loader
    out: dict[str, tuple[str, str]] = {}
    for key, texts in (data or {}).items():
        if not (isinstance(key, str) and isinstance(texts, dict) and set(texts) == {"zh", "en"}
                and all(isinstance(v, str) and v.strip() for v in texts.values())):
            raise ValueError(f"{path.name}: {key!r} needs a zh and an en text")
        out[key] = (texts["zh"], texts["en"])
    return out


WEEKDAYS: dict[str, tuple[str, ...]] = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def _merged(*tables: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for table in tables:
        for key, texts in table.items():
            if key in out:
                raise ValueError(f"interface string {key!r} is defined twice")
            out[key] = texts
    return out


_ALL = _merged(*(_catalog(p) for p in sorted(CATALOGS.glob("*.yml"))))


class _Keep(dict[str, object]):
    """Format values where a placeholder with no value stays as it is (``{n}`` for the page)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_facts: Callable[[str], dict[str, str]] | None = None


def register_facts(values: Callable[[str], dict[str, str]]) -> None:
    """Set where the facts that strings name come from (:func:`bot.notice.fact_values`
    registers itself when the notice is imported): ``{annex1}``, ``{form}``, …"""
    global _facts
    _facts = values


def t(key: str, lang: str, **values: object) -> str:
    """The interface string ``key`` in ``lang`` ("zh" or "en"), with ``values`` and the
    notice's facts filled in (values a string does not use are ignored)."""
    zh, en = _ALL[key]
    text = en if lang == "en" else zh
    if "{" not in text:
        return text
    filled: dict[str, object] = dict(_facts(lang)) if _facts else {}
    filled.update(values)
    return text.format_map(_Keep(filled))


def label(kind: str, code: str, lang: str, default: str | None = None) -> str:
    """A short label (``strings/labels.yml``): ``label("status", "missing", "zh")`` → 缺少;
    an unknown code is shown as ``default`` (or as it is)."""
    texts = _ALL.get(f"{kind}.{code}")
    if texts is None:
        return code if default is None else default
    return texts[1] if lang == "en" else texts[0]


def table(prefix: str, lang: str, **values: object) -> dict[str, str]:
    """Every string whose key starts with ``prefix``, in ``lang``, keyed without the prefix."""
    return {key[len(prefix):]: t(key, lang, **values) for key in _ALL if key.startswith(prefix)}


def keys() -> tuple[str, ...]:
    return tuple(_ALL)


def source(key: str) -> tuple[str, str]:
    """The string ``key`` as written, placeholders unfilled: (中文, English)."""
    return _ALL[key]
