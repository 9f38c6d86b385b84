"""The chat page as the server sends it: ``web/index.html`` with its words from
``bot/i18n/strings/web.yml`` and the notice's facts from :mod:`bot.notice`.

The page's words in both languages travel in a JSON block (``<script type="application/json">``,
data, not code, so the page's Content-Security-Policy is unchanged); ``web/app.js`` reads it
when the user switches language.  The HTML itself is filled in Chinese, so the page reads
right before any script runs.
"""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path

from bot import i18n
from bot.notice import FORM_NAMES, LANGS, NOTICE

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def facts(lang: str) -> dict[str, str]:
    """The notice's facts the page's words name, in ``lang``."""
    return {"title": NOTICE.title.get(lang), "number": NOTICE.number,
            "annex1": FORM_NAMES["annex1"].get(lang), "annex2": FORM_NAMES["annex2"].get(lang)}


def ui_strings() -> dict[str, dict[str, str]]:
    """Every word of the page, by language: ``{"zh": {"title": …}, "en": {…}}``."""
    return {lang: i18n.table("web.", lang, **facts(lang)) for lang in LANGS}


def render(template: str, lang: str = "zh") -> str:
    """``template`` with each ``{{key}}`` replaced by the page's word (HTML-escaped) and
    ``__UI_STRINGS__`` by the JSON of both languages."""
    ui = ui_strings()
    words = ui[lang if lang in ui else "zh"]
    page = _PLACEHOLDER.sub(lambda m: html.escape(words[m.group(1)]), template)
    data = json.dumps(ui, ensure_ascii=False).replace("</", "<\\/")
    return page.replace("__UI_STRINGS__", data)


@functools.lru_cache(maxsize=1)
def index_html() -> bytes:
    return render((WEB_DIR / "index.html").read_text(encoding="utf-8")).encode("utf-8")
