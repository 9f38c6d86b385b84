"""The pre-check as a standalone HTML page (no external resources), readable on screen and
printable on A4.  Every text is escaped."""

from __future__ import annotations

from html import escape

from bot import i18n
from bot.precheck.report.view import ReportView, build_view, t
from bot.precheck.results import COMPLETE, MISSING, OPTIONAL, PROBLEM, PROVIDED, PrecheckResult

_CSS = """
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       SimSun, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 60rem; padding: 1.5rem;
       line-height: 1.55; font-size: 15px; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid #333;
     padding-bottom: .2rem; }
.meta { color: #444; margin: 0 0 1rem; }
.verdict { font-size: 1.2rem; font-weight: bold; padding: .6rem .9rem; border-radius: 4px;
           border: 2px solid; display: inline-block; }
.verdict.complete { border-color: #2e7d32; color: #1b5e20; background: #e8f5e9; }
.verdict.incomplete { border-color: #c62828; color: #b71c1c; background: #ffebee; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .93rem; }
th, td { border: 1px solid #999; padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #eee; }
tr.category th { background: #f6f6f6; font-weight: bold; }
.status-missing, .status-problem, .bad { color: #b71c1c; font-weight: bold; }
.status-provided, .good { color: #1b5e20; }
.status-optional { color: #555; }
ul { padding-left: 1.3rem; }
.note { color: #555; font-size: .9rem; }
td.nowrap { white-space: nowrap; }
.disclaimer { margin-top: 2rem; padding: .8rem; border: 1px dashed #888; color: #333;
              font-size: .9rem; }
.glance { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
          gap: .2rem 1rem; }
.glance h3 { font-size: .95rem; margin: .4rem 0 .2rem; }
.glance ul { list-style: none; padding: 0; margin: 0; font-size: .93rem; }
.glance .sym { display: inline-block; width: 1.2em; font-weight: bold; text-align: center; }
.glance .lbl, .legend { color: #555; font-size: .88rem; }
.legend span { margin-right: 1rem; }
.s-provided .sym { color: #1b5e20; } .s-missing .sym { color: #b71c1c; }
.s-attention .sym { color: #8a4b00; } .s-optional .sym { color: #555; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .verdict { background: none !important; }
}
"""

_STATUS_CLASS = {PROVIDED: "status-provided", MISSING: "status-missing",
                 PROBLEM: "status-problem", OPTIONAL: "status-optional"}


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _table_head(lang: str, *columns: str) -> str:
    """A table's start up to its body, with the headings of ``columns`` (string keys)."""
    return "<table><thead><tr>" + "".join(f"<th>{_e(t(k, lang))}</th>" for k in columns) \
        + "</tr></thead><tbody>"


def view_html(v: ReportView) -> str:
    lang = v.lang
    h: list[str] = []
    html_lang = "en" if lang == "en" else "zh-CN"
    h.append(f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
             f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
             f"<title>{_e(v.title)} — {_e(v.notice_number)}</title>\n<style>{_CSS}</style>\n"
             "</head>\n<body>\n")
    h.append(f"<h1>{_e(v.title)}</h1>")
    meta = [f"{_e(t('basis', lang))}：{_e(v.notice_title)}（{_e(v.notice_number)}）"
            if lang != "en" else f"{_e(t('basis', lang))}: {_e(v.notice_title)} "
            f"({_e(v.notice_number)})"]
    if v.reference:
        meta.append(f"{_e(t('reference', lang))}{'：' if lang != 'en' else ': '}"
                    f"{_e(v.reference)}")
    meta.append(f"{_e(t('generated', lang))}{'：' if lang != 'en' else ': '}{_e(v.generated)}")
    h.append('<p class="meta">' + "<br>".join(meta) + "</p>")
    cls = "complete" if v.verdict == COMPLETE else "incomplete"
    h.append(f'<p class="verdict {cls}">{_e(t("verdict", lang))}'
             f'{"：" if lang != "en" else ": "}{_e(v.verdict_label)}</p>')
    h.append(f"<p>{_e(v.summary)}</p>")

    # The checklist at a glance: one symbol per item, as on the chat page.
    h.append(f'<h2>{_e(v.glance_title)}</h2><p class="glance-summary">{_e(v.glance_summary)}'
             '</p><p class="legend">' + " ".join(
                 f'<span class="g-{i}">{_e(sym)} {_e(label)}</span>'
                 for i, (sym, label) in enumerate(v.glance_legend)) + "</p>")
    h.append('<div class="glance">')
    for cat in v.glance:
        h.append(f"<div><h3>{_e(cat.title)}</h3><ul>" + "".join(
            f'<li class="s-{_e(i.state)}"><span class="sym" aria-hidden="true">{_e(i.symbol)}'
            f'</span> {_e(i.id)} {_e(i.short)}<span class="lbl">（{_e(i.label)}）</span></li>'
            if lang != "en" else
            f'<li class="s-{_e(i.state)}"><span class="sym" aria-hidden="true">{_e(i.symbol)}'
            f'</span> {_e(i.id)} {_e(i.short)}<span class="lbl"> ({_e(i.label)})</span></li>'
            for i in cat.items) + "</ul></div>")
    h.append("</div>")

    # Materials
    h.append(f"<h2>{_e(t('materials', lang))}</h2>")
    h.append(_table_head(lang, "col_id", "col_material", "col_clause", "col_status", "col_files"))
    for block in v.categories:
        h.append(f'<tr class="category"><th colspan="5">{_e(block.title)}</th></tr>')
        for r in block.rows:
            files = "<br>".join(_e(f) for f in r.files) or "—"
            note = f'<div class="note">{_e(r.note)}</div>' if r.note else ""
            h.append(f'<tr><td class="nowrap">{_e(r.id)}</td><td>{_e(r.name)}{note}</td>'
                     f'<td class="nowrap">{_e(r.clause)}</td>'
                     f'<td class="nowrap {_STATUS_CLASS.get(r.status, "")}">'
                     f"{_e(r.status_label)}</td><td>{files}</td></tr>")
    h.append("</tbody></table>")
    if v.missing:
        h.append(f"<p><strong>{_e(t('missing', lang))}</strong></p>")
        h.append(_list([f"{_e(r.id)} {_e(r.name)}（{_e(r.clause)}）" if lang != "en"
                        else f"{_e(r.id)} {_e(r.name)} ({_e(r.clause)})" for r in v.missing]))

    # Translations
    h.append(f"<h2>{_e(t('translations', lang))}</h2>")
    h.append(f"<p>{_e(v.translation_rule)}</p>")
    if v.translations:
        h.append(_table_head(lang, "col_file", "col_language", "col_translation", "col_status"))
        for tr in v.translations:
            h.append(f"<tr><td>{_e(tr.file)}</td><td>{_e(tr.language)}</td>"
                     f"<td>{_e(tr.partner) or '—'}</td>"
                     f'<td class="{"good" if tr.ok else "bad"}">{_e(tr.state)}</td></tr>')
        h.append("</tbody></table>")
        if v.untranslated:
            h.append(_list([f"{_e(i.file)}：{_e(i.message)}" if lang != "en"
                            else f"{_e(i.file)}: {_e(i.message)}" for i in v.untranslated]))
    else:
        h.append(f"<p>{_e(t('no_foreign', lang))}</p>")

    # File problems
    h.append(f"<h2>{_e(t('file_problems', lang))}</h2>")
    if v.file_issues:
        h.append(_table_head(lang, "col_file", "col_problem", "col_action"))
        for i in v.file_issues:
            guesses = ""
            if i.guesses:
                sep = "、" if lang != "en" else ", "
                guesses = (f'<div class="note">{_e(t("guesses", lang))}'
                           f'{"：" if lang != "en" else ": "}{_e(sep.join(i.guesses))}</div>')
            h.append(f"<tr><td>{_e(i.file)}</td><td>{_e(i.label)}</td>"
                     f"<td>{_e(i.message)}{guesses}</td></tr>")
        h.append("</tbody></table>")
    else:
        h.append(f"<p>{_e(t('no_file_problems', lang))}</p>")

    if v.ocr_read:
        h.append(f"<h3>{_e(i18n.t('report_ocr_read', lang))}</h3>")
        h.append(_list([_e(line) for line in v.ocr_read]))
        h.append(f'<p class="note">{_e(i18n.t("report_ocr_caution", lang))}</p>')

    # Form
    h.append(f"<h2>{_e(t('form', lang))}</h2>")
    if v.form_file:
        h.append(f"<p>{_e(t('form_file', lang))}{'：' if lang != 'en' else ': '}"
                 f"{_e(v.form_file)} — {_e(v.form_status_text)}</p>")
    else:
        h.append(f"<p>{_e(v.form_status_text)}</p>")
    if v.form_findings:
        h.append(_table_head(lang, "col_field", "col_problem", "col_action"))
        for f in v.form_findings:
            h.append(f"<tr><td>{_e(f.field)}</td><td>{_e(f.label)}</td>"
                     f"<td>{_e(f.message)}</td></tr>")
        h.append("</tbody></table>")
    if v.form_notes:
        h.append(_list([_e(n) for n in v.form_notes]))

    # Next steps
    h.append(f"<h2>{_e(t('next_steps', lang))}</h2>")
    sep = "：" if lang != "en" else ": "
    h.append(_list([f"<strong>{_e(head)}</strong>{sep}{_e(text)}"
                    if head != t("next_steps", lang) else _e(text)
                    for head, text in v.next_steps]))
    h.append(f'<div class="disclaimer"><strong>{_e(t("disclaimer_title", lang))}</strong>'
             f'{"：" if lang != "en" else ": "}{_e(v.disclaimer)}</div>')
    h.append("\n</body>\n</html>\n")
    return "\n".join(h)


def render_html(result: PrecheckResult, lang: str = "zh") -> str:
    """The result as a standalone, printable HTML page in ``lang`` (``zh`` or ``en``)."""
    return view_html(build_view(result, lang))
