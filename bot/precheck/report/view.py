"""What a pre-check report says, in one language, independent of its format.

Every renderer (Markdown, HTML, DOCX) lays out the same ``ReportView``, so the reports
never disagree.  Material names, clause citations, the translation rule, the procedure and
its time limit come from ``bot.notice``; problem texts from ``bot.precheck.problems``.  Personal
data (identity numbers, mobile numbers, e-mail addresses) is masked in everything here,
file names included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot import i18n
from bot.masking import mask_personal_data
from bot.notice import (
    ANNEX1,
    APPROVAL_AUTHORITY,
    CATEGORIES,
    DECISION_WORKING_DAYS,
    FORM_MATERIAL_ID,
    MATERIALS_BY_ID,
    NOTICE,
    PROCEDURE,
    TRANSLATION_CLAUSE,
    TRANSLATION_RULE,
)
from bot.precheck.annex1 import CERTIFICATES, field_display, occupation_code_notes, row_field
from bot.precheck.checklist import ChecklistCategory, build_checklist, counts, legend
from bot.precheck.problems import (
    FORM_NAME,
    file_problem_label,
    file_problem_message,
    form_problem_label,
    form_problem_message,
    language_name,
    status_label,
    verdict_label,
)
from bot.precheck.results import (
    COMPLETE,
    MISSING,
    OPTIONAL,
    PROBLEM,
    UNCLASSIFIED,
    UNTRANSLATED,
    PrecheckResult,
)
from bot.settings import get_settings

FORM_MATERIAL = FORM_MATERIAL_ID

def t(key: str, lang: str, **values: object) -> str:
    """The report's own words (bot/i18n/strings/report.yml), with the form's name filled in."""
    return i18n.t("report." + key, lang, form=FORM_NAME.get(lang), annex=ANNEX1.number if
                  lang == "zh" else ANNEX1.number_en, **values)


@dataclass
class MaterialRow:
    id: str
    name: str
    clause: str  # e.g. "三（一）1" / "Part III(1).1"
    status: str
    status_label: str
    files: list[str]
    note: str = ""


@dataclass
class CategoryBlock:
    title: str
    rows: list[MaterialRow]


@dataclass
class FileIssue:
    file: str
    code: str
    label: str
    message: str
    materials: list[str] = field(default_factory=list)  # "2.1 职业标准或考试大纲"
    guesses: list[str] = field(default_factory=list)  # for unclassified files


@dataclass
class TranslationRow:
    file: str
    language: str
    partner: str  # the paired file, "" if none
    state: str  # a short text: 已附中文译本 / 缺少中文译本 / 中文译本 / 双语
    ok: bool


@dataclass
class FormFinding:
    field: str
    label: str
    message: str
    code: str


@dataclass
class ReportView:
    lang: str
    title: str
    notice_number: str
    notice_title: str
    reference: str
    generated: str
    file_count: int
    verdict: str
    verdict_label: str
    summary: str
    categories: list[CategoryBlock]
    missing: list[MaterialRow]
    problem_materials: list[MaterialRow]
    translations: list[TranslationRow]
    untranslated: list[FileIssue]
    translation_rule: str  # the notice's rule, with its citation
    file_issues: list[FileIssue]
    form_file: str | None
    ocr_read: list[str]  # one line per file read by OCR: pages and mean confidence
    form_findings: list[FormFinding]
    form_notes: list[str]
    form_status: str  # "ok" | "problems" | "missing" | "unread"
    form_status_text: str
    next_steps: list[tuple[str, str]]  # (heading, text)
    disclaimer: str
    # The checklist at a glance (bot.precheck.checklist): the same states and symbols as
    # the chat page's side panel.
    glance_title: str = ""
    glance_summary: str = ""
    glance_legend: list[tuple[str, str]] = field(default_factory=list)
    glance: list[ChecklistCategory] = field(default_factory=list)


def _date(iso: str, lang: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    if lang == "en":
        return moment.strftime("%Y-%m-%d %H:%M")
    return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"


def _material_label(material_id: str, lang: str) -> str:
    m = MATERIALS_BY_ID.get(material_id)
    return f"{material_id} {m.short.get(lang)}" if m else material_id


def disclaimer(lang: str) -> str:
    """That the report is a pre-check, not the department's decision."""
    authority = APPROVAL_AUTHORITY.get(lang)
    if lang == "en":
        return (f"This report is an automatic pre-check of the uploaded files, made to tell the "
                f"applicant at once what is missing or wrong. It is not an acceptance or approval "
                f"decision: {authority} decides on the application under notice "
                f"{NOTICE.number}. The pre-check only checks whether the files can be read, "
                "which item of the materials list they are, whether foreign-language files have "
                "a Chinese translation and how the registration form is filled in; it does not "
                "judge whether their content meets the licensing conditions.")
    return (f"本报告是根据上传文件自动生成的预审结果，用于一次性告知申请人材料中的缺漏和问题，不是受理或"
            f"审批决定；申请由{authority}依照《通知》（{NOTICE.number}）作出决定。预审只检查文件能否"
            "读取、对应材料清单中的哪一项、外文材料是否附有中文译本以及注册表的填写情况，不判断材料内容"
            "是否满足许可条件。")


def next_steps(verdict: str, lang: str, *, chat: bool = False) -> list[tuple[str, str]]:
    """What to do next: fix and resubmit (if incomplete), where to apply, the expert review,
    the time limit; in the chat also whom to ask (the configured contact, which speaks of
    the chat itself)."""
    steps: list[tuple[str, str]] = []
    first = "complete_next" if verdict == COMPLETE else "fix_and_resubmit"
    steps.append((t("next_steps", lang), t(first, lang)))
    apply, review, decide = PROCEDURE
    steps.append((t("submit", lang),
                  f"{apply.text.get(lang)}（{apply.clause.cite(lang)}）" if lang != "en"
                  else f"{apply.text.en} ({apply.clause.cite('en')})"))
    steps.append((t("review", lang),
                  f"{review.text.zh}（{review.clause.cite('zh')}）" if lang != "en"
                  else f"{review.text.en} ({review.clause.cite('en')})"))
    if lang == "en":
        limit = (f"{DECISION_WORKING_DAYS} working days. {decide.clause.cite('en')}: "
                 f"“{decide.text.en}”")
    else:
        limit = f"{DECISION_WORKING_DAYS}个工作日。{decide.clause.cite('zh')}：“{decide.text.zh}”"
    steps.append((t("time_limit", lang), limit))
    if chat:
        steps.append((t("questions", lang), get_settings().contact.get(lang)))
    return steps


def build_view(result: PrecheckResult, lang: str = "zh") -> ReportView:
    """Everything a report says about ``result``, in ``lang`` (``zh`` or ``en``)."""
    lang = "en" if lang == "en" else "zh"
    mask = mask_personal_data

    glance = build_checklist(result, lang)
    by_id = {m.id: m for m in result.materials}
    categories: list[CategoryBlock] = []
    rows_by_id: dict[str, MaterialRow] = {}
    for cat in CATEGORIES:
        rows = []
        for mid, status in by_id.items():
            m = MATERIALS_BY_ID.get(mid)
            if m is None or m.category != cat.id:
                continue
            note = m.note.get(lang) if (m.note and status.status == OPTIONAL) else ""
            row = MaterialRow(mid, m.name.get(lang), m.clause.short(lang), status.status,
                              status_label(status.status, lang),
                              [mask(f) for f in status.files], note)
            rows.append(row)
            rows_by_id[mid] = row
        if rows:
            categories.append(CategoryBlock(f"{cat.clause.short(lang)} {cat.name.get(lang)}",
                                            rows))
    unknown = [s for s in result.materials if s.id not in MATERIALS_BY_ID]
    if unknown:
        rows = [MaterialRow(s.id, s.id, "", s.status, status_label(s.status, lang),
                            [mask(f) for f in s.files]) for s in unknown]
        categories.append(CategoryBlock("—", rows))
        rows_by_id.update({r.id: r for r in rows})
    all_rows = [r for c in categories for r in c.rows]
    missing = [r for r in all_rows if r.status == MISSING]
    problem_materials = [r for r in all_rows if r.status == PROBLEM]

    translations: list[TranslationRow] = []
    untranslated: list[FileIssue] = []
    file_issues: list[FileIssue] = []
    for f in result.files:
        name = mask(f.name)
        materials = [_material_label(m, lang) for m in f.materials]
        codes = [p.code for p in f.problems]
        foreign = f.language not in ("zh", "und", "")
        if UNTRANSLATED in codes:
            translations.append(TranslationRow(name, language_name(f.language, lang), "",
                                               file_problem_label(UNTRANSLATED, lang), False))
        elif foreign and f.translation:
            translations.append(TranslationRow(name, language_name(f.language, lang),
                                               mask(f.translation), t("paired", lang), True))
        elif foreign and f.bilingual:
            translations.append(TranslationRow(name, language_name(f.language, lang), "",
                                               t("bilingual_ok", lang), True))
        elif f.translation:
            translations.append(TranslationRow(name, language_name(f.language, lang),
                                               mask(f.translation), t("is_translation", lang),
                                               True))
        for p in f.problems:
            issue = FileIssue(name, p.code, file_problem_label(p.code, lang),
                              mask(file_problem_message(p, lang, cite_rule=False)), materials)
            if p.code == UNCLASSIFIED:
                issue.guesses = [_material_label(m, lang) for m, _ in f.candidates[:3]]
            if p.code == UNTRANSLATED:
                untranslated.append(issue)
            else:
                file_issues.append(issue)

    rule = TRANSLATION_RULE.get(lang)
    cite = TRANSLATION_CLAUSE.cite(lang)
    translation_rule = f"{cite}: “{rule}”" if lang == "en" else f"{cite}：“{rule}”"

    form = result.form
    findings: list[FormFinding] = []
    notes: list[str] = []
    form_row = rows_by_id.get(FORM_MATERIAL)
    if form is not None:
        for fp in form.problems:
            findings.append(FormFinding(field_display(fp.field, lang),
                                        form_problem_label(fp.code, lang),
                                        mask(form_problem_message(fp, lang)), fp.code))
        for number, _raw, read in occupation_code_notes(form):
            where = field_display(row_field(CERTIFICATES, number, "职业编码"), lang)
            sep = ": " if lang == "en" else "："
            notes.append(where + sep + t("occupation_note", lang, read=read))
        form_status = "problems" if findings else "ok"
        status_text = (f"{len(findings)}处问题" if lang != "en"
                       else f"{len(findings)} problem(s)") if findings else t("form_ok", lang)
    elif form_row is not None and form_row.status != MISSING and form_row.files:
        form_status, status_text = "unread", t("form_unread", lang)
    else:
        form_status, status_text = "missing", t("form_missing", lang)

    summary = _summary(result, lang, missing, problem_materials, untranslated, file_issues,
                       findings, form_status)
    return ReportView(
        lang=lang,
        title=t("title", lang),
        notice_number=NOTICE.number,
        notice_title=NOTICE.title.get(lang),
        reference=mask(result.reference or ""),
        generated=_date(result.generated_at, lang),
        file_count=len(result.files),
        verdict=result.verdict,
        verdict_label=verdict_label(result.verdict, lang),
        summary=summary,
        categories=categories,
        missing=missing,
        problem_materials=problem_materials,
        translations=translations,
        untranslated=untranslated,
        translation_rule=translation_rule,
        file_issues=file_issues,
        form_file=mask(form.file) if form is not None else None,
        form_findings=findings,
        form_notes=notes,
        form_status=form_status,
        form_status_text=status_text,
        ocr_read=_ocr_lines(result, lang),
        next_steps=next_steps(result.verdict, lang),
        disclaimer=disclaimer(lang),
        glance_title=i18n.t("checklist_report_title", lang),
        glance_summary=i18n.t("checklist_summary", lang, **counts(glance)),
        glance_legend=legend(lang),
        glance=glance,
    )


def _ocr_lines(result: PrecheckResult, lang: str) -> list[str]:
    out = []
    for f in result.files:
        if not f.ocr_pages:
            continue
        line = i18n.t("report_ocr_line", lang, file=mask_personal_data(f.name),
                      pages=f.ocr_pages, confidence=round(f.ocr_confidence * 100))
        if f.page_count > f.ocr_pages:
            line += i18n.t("report_ocr_partial", lang, total=f.page_count)
        out.append(line)
    return out


# (zh, en) phrasing of each summary part; {n} is the count.
_SUMMARY_PARTS = {
    "checked": ("共检查{n}个文件", "{n} file(s) checked"),
    "missing": ("缺少{n}项材料", "{n} material(s) missing"),
    "problem": ("{n}项材料的文件有问题", "{n} material(s) with file problems"),
    "untranslated": ("{n}个外文文件缺少中文译本",
                     "{n} foreign-language file(s) without a Chinese translation"),
    "other": ("{n}个文件存在其他问题", "{n} file(s) with other problems"),
    "form": ("注册表发现{n}处填写问题", "{n} problem(s) in the registration form"),
    "form_unchecked": ("注册表未能检查", "the registration form could not be checked"),
    "clean": ("未发现问题", "no problems found"),
}


def _summary(result: PrecheckResult, lang: str, missing, problem_materials, untranslated,
             file_issues, findings, form_status: str) -> str:
    counts = [
        ("missing", len(missing)),
        ("problem", len(problem_materials)),
        ("untranslated", len(untranslated)),
        ("other", len({i.file for i in file_issues})),
        ("form", len(findings)),
    ]
    if not findings and form_status in ("missing", "unread"):
        counts.append(("form_unchecked", 1))
    index = 1 if lang == "en" else 0
    parts = [_SUMMARY_PARTS["checked"][index].format(n=len(result.files))]
    parts += [_SUMMARY_PARTS[key][index].format(n=n) for key, n in counts if n]
    if len(parts) == 1:
        parts.append(_SUMMARY_PARTS["clean"][index])
    if lang == "en":
        return "; ".join(parts) + "."
    return "，".join(parts) + "。"
