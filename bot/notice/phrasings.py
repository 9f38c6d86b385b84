"""How applicants ask for each unit of the notice: questions in Chinese and English, keyed
by unit id (``phrasings.yml``), for retrieval only.  They state no fact of their own; a
phrasing only says which unit answers it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

_FILE = Path(__file__).with_name("phrasings.yml")


@lru_cache(maxsize=1)
def phrasings() -> dict[str, dict[str, tuple[str, ...]]]:
    """{unit id: {"zh": (...), "en": (...)}}."""
    raw = yaml.safe_load(_FILE.read_text(encoding="utf-8")) or {}
    return {str(uid): {lang: tuple(str(q) for q in (entry or {}).get(lang) or ())
                       for lang in ("zh", "en")}
            for uid, entry in raw.items()}
