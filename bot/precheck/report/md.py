"""The pre-check as Markdown, for the chat: every gap once, at one time (一次性告知).

Verdict first, then what is missing (by name and clause), materials whose files have
problems, each file problem with what to do, foreign-language files without a translation
(the notice's rule quoted once), the registration form's findings, next steps and the
reminder that this is a pre-check, not the decision.
"""

from __future__ import annotations

from bot import i18n
from bot.precheck.report.view import ReportView, build_view, next_steps, t
from bot.precheck.results import PrecheckResult


def _code(name: str) -> str:
    return "`" + name.replace("`", "'") + "`"


_SPECIAL = str.maketrans({c: "\\" + c for c in "\\*_`[]<>"})


def esc(text: str) -> str:
    """Text with Markdown's special characters escaped (masked values hold ``*``)."""
    return text.translate(_SPECIAL)


def _sep(lang: str) -> str:
    return ": " if lang == "en" else "："


def view_markdown(v: ReportView) -> str:
    lang = v.lang
    colon = _sep(lang)
    out: list[str] = []
    out.append(f"**{v.title}{colon}{v.verdict_label}**")
    meta = [f"{t('basis', lang)} {v.notice_number}"]
    if v.reference:
        meta.append(f"{t('reference', lang)} {esc(v.reference)}")
    meta.append(v.generated)
    out.append(" · ".join(meta))
    out.append("")
    out.append(v.summary)

    if v.missing:
        out += ["", f"**{t('missing', lang)}（{len(v.missing)}）**" if lang != "en"
                else f"**{t('missing', lang)} ({len(v.missing)})**"]
        for r in v.missing:
            out.append(f"- {r.id} {r.name}（{r.clause}）" if lang != "en"
                       else f"- {r.id} {r.name} ({r.clause})")

    if v.problem_materials:
        out += ["", f"**{t('problem_materials', lang)}**"]
        for r in v.problem_materials:
            files = "、".join(_code(f) for f in r.files) if lang != "en" else \
                ", ".join(_code(f) for f in r.files)
            out.append(f"- {r.id} {r.name}{colon}{files}")

    if v.file_issues:
        out += ["", f"**{t('file_problems', lang)}**"]
        for i in v.file_issues:
            line = f"- {_code(i.file)} — {i.label}{colon}{esc(i.message)}"
            if i.guesses:
                joined = "、".join(i.guesses) if lang != "en" else ", ".join(i.guesses)
                line += f"（{t('guesses', lang)}{colon}{joined}）" if lang != "en" else \
                    f" ({t('guesses', lang)}: {joined})"
            out.append(line)

    if v.untranslated:
        out += ["", f"**{t('untranslated', lang)}**", esc(v.translation_rule)]
        for i in v.untranslated:
            what = "、".join(i.materials) if lang != "en" else ", ".join(i.materials)
            where = (f"（{what}）" if lang != "en" else f" ({what})") if what else ""
            out.append(f"- {_code(i.file)}{where}{colon}{esc(i.message)}")

    if v.ocr_read:
        out += ["", f"**{i18n.t('report_ocr_read', lang)}**"]
        out += [f"- {esc(line)}" for line in v.ocr_read]
        out.append(esc(i18n.t("report_ocr_caution", lang)))

    out += ["", f"**{t('form', lang)}**"]
    if v.form_file:
        out.append(f"{t('form_file', lang)}{colon}{_code(v.form_file)} — {v.form_status_text}")
    else:
        out.append(v.form_status_text)
    for f in v.form_findings:
        out.append(f"- {esc(f.message)}")
    for note in v.form_notes:
        out.append(f"- {esc(note)}")

    out += ["", f"**{t('next_steps', lang)}**"]
    for heading, text in next_steps(v.verdict, lang, chat=True):
        out.append(f"- {heading}{colon}{esc(text)}" if heading != t("next_steps", lang)
                   else f"- {esc(text)}")

    out += ["", f"_{esc(v.disclaimer)}_"]
    return "\n".join(out) + "\n"


def render_markdown(result: PrecheckResult, lang: str = "zh") -> str:
    """The result as Markdown for the chat, in ``lang`` (``zh`` or ``en``)."""
    return view_markdown(build_view(result, lang))
