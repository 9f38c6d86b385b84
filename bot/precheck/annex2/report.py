"""annex2: the pre-check report of 附件2 in four formats (chat Markdown, JSON, HTML, DOCX).

Every problem is listed at once, in the form's order, with the field's name as printed on
the form (translated in English) and what to correct.  Personal data stays masked.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from html import escape

from bot.i18n import t
from bot.notice import ANNEX2, ANNUAL_REPORT_PERIOD, CITY_BUREAU, DUTIES_BY_ID
from bot.precheck.annex1.labels import field_display
from bot.precheck.annex2.checks import FIRST_YEAR, NO_REGISTER, Annex2Check

CLAUSE = DUTIES_BY_ID["annual_report"].clause


@dataclass(frozen=True)
class Annex2View:
    title: str
    file: str
    ok: bool
    summary: str
    problems: tuple[tuple[str, str, str], ...]  # (code, field as shown, message)
    notes: tuple[str, ...]
    send_to: str
    source: str


def problem_message(code: str, field: str, value: str, check: Annex2Check, lang: str,
                    today: dt.date) -> str:
    shown = field_display(field, lang)
    if code == NO_REGISTER:
        return t("a2_no_register_attached" if value == "attached" else "a2_no_register", lang)
    return t(f"a2_{code}", lang, field=shown, value=value, total=check.total,
             first=FIRST_YEAR, this=today.year)


def build_view(check: Annex2Check, lang: str, today: dt.date | None = None,
               bureau: str | None = None) -> Annex2View:
    today = today or dt.date.today()
    problems = tuple((p.code, field_display(p.field, lang),
                      problem_message(p.code, p.field, p.value, check, lang, today))
                     for p in check.problems)
    notes = []
    if check.register_files:
        notes.append(t("a2_register_files", lang, files=t("list_sep", lang).join(
            f"{name} ({n})" for name, n in check.register_files)))
    elif check.register_inline:
        notes.append(t("a2_register_inline", lang))
    return Annex2View(
        title=t("a2_title", lang, number=ANNEX2.number, title=ANNEX2.title if lang != "en"
                else ANNEX2.en),
        file=check.file,
        ok=not problems,
        summary=t("a2_summary", lang, year=check.year or "—", rows=len(check.rows),
                  total=check.total),
        problems=problems,
        notes=tuple(notes),
        send_to=t("a2_send_to", lang, bureau=bureau or CITY_BUREAU.get(lang),
                  ref=CLAUSE.ref.get(lang), period=ANNUAL_REPORT_PERIOD.get(lang)),
        source=t("source", lang, cite=CLAUSE.cite(lang)),
    )


def render_markdown(v: Annex2View, lang: str) -> str:
    lines = [f"**{v.title}**", f"{v.file}", v.summary]
    if v.ok:
        lines.append(t("a2_ok", lang))
    else:
        lines.append(t("a2_errors", lang, n=len(v.problems)))
        lines += [f"{i}. {msg}" for i, (_, _, msg) in enumerate(v.problems, start=1)]
    lines += list(v.notes)
    lines += [v.send_to, v.source]
    return "\n".join(lines)


def render_json(check: Annex2Check, v: Annex2View) -> str:
    data = {
        "form": "annex2",
        "file": check.file,
        "ok": v.ok,
        "year": check.year,
        "certificates": check.rows,
        "total_issued": check.total,
        "register_files": [{"name": n, "rows": c} for n, c in check.register_files],
        "problems": [{"code": c, "field": f, "message": m} for c, f, m in v.problems],
        "send_to": v.send_to,
        "source": v.source,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_html(v: Annex2View, lang: str) -> str:
    items = "".join(f"<li>{escape(m)}</li>" for _, _, m in v.problems)
    body = f"<p>{escape(t('a2_ok', lang))}</p>" if v.ok else (
        f"<p>{escape(t('a2_errors', lang, n=len(v.problems)))}</p><ol>{items}</ol>")
    notes = "".join(f"<p>{escape(n)}</p>" for n in v.notes)
    return (f"<!DOCTYPE html><html lang=\"{'en' if lang == 'en' else 'zh-CN'}\"><head>"
            f"<meta charset=\"utf-8\"><title>{escape(v.title)}</title></head><body>"
            f"<h1>{escape(v.title)}</h1><p>{escape(v.file)}</p><p>{escape(v.summary)}</p>"
            f"{body}{notes}<p>{escape(v.send_to)}</p><p>{escape(v.source)}</p></body></html>")


def render_docx(v: Annex2View, lang: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(v.title, level=1)
    for text in (v.file, v.summary):
        document.add_paragraph(text)
    if v.ok:
        document.add_paragraph(t("a2_ok", lang))
    else:
        document.add_paragraph(t("a2_errors", lang, n=len(v.problems)))
        for _, _, msg in v.problems:
            document.add_paragraph(msg, style="List Number")
    for text in (*v.notes, v.send_to, v.source):
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
