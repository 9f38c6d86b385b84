"""The conversation about the applicant's own files: feedback on each upload, "which
material is this?", "what is still missing?", the report, removal and "delete my data".

Handlers have the same shape as those in :mod:`bot.dialogue.dispatch` and are registered
there.  They read the session's files from :class:`bot.service.store.Store`.  The session comes
only from a portal or WeChat conversation's sender, checked with the server secret
(:func:`bot.service.session_tokens.session_of_sender`); a REST-channel or shell
conversation has no session, and these handlers touch no file for it.  A store that cannot be reached gives a clear "try again"
reply, never an exception.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from bot.dialogue import annual
from bot.dialogue.reply import Button, Reply, payload
from bot.dialogue.state import State, Turn
from bot.i18n import t
from bot.notice import FORM_MATERIAL_ID, MATERIALS, MATERIALS_BY_ID
from bot.notice.units import UNITS_BY_ID
from bot.precheck.problems import (
    file_problem_message,
    form_problem_message,
    language_name,
    material_name,
)
from bot.precheck.report.json_report import result_dict
from bot.precheck.report.view import build_view
from bot.precheck.results import MISSING, FileProblem, FileReport
from bot.service import package
from bot.service.session_tokens import session_of_sender
from bot.service.store import SessionRecord, Store, StoreUnavailable
from bot.settings import get_settings

FORM_ID = FORM_MATERIAL_ID
# Intents that only ever arrive as payloads from the channel or from buttons: they have
# no training examples.
PAYLOAD_ONLY_INTENTS = ("file_uploaded", "file_removed", "choose_material", "confirm_delete",
                        "keep_my_data")
TEMPLATE_URL = package.API_BASE + "/templates/{kind}.docx"
MAX_FORM_LINES = 5  # form problems shown in a file's feedback; the report lists them all


@functools.lru_cache(maxsize=1)
def _store() -> Store:
    return Store()


PORTAL_URL = "/portal/"


class NoSession(Exception):
    """The conversation is not an authenticated portal or WeChat session."""


def _session(turn: Turn, lang: str) -> SessionRecord:
    session_id = session_of_sender(turn.sender_id)
    session = _store().get_session(session_id) if session_id else None
    if session is None:
        raise NoSession(turn.sender_id)
    return session


def _next_buttons(lang: str) -> tuple[Button, ...]:
    return (Button(t("btn_missing", lang), payload("ask_missing")),
            Button(t("btn_report", lang), payload("request_report")))


def templates_custom(lang: str) -> dict[str, object]:
    """The blank annex forms, as links a channel can show."""
    return {"templates": [
        {"kind": "annex1", "title": t("btn_annex1", lang), "url": TEMPLATE_URL.format(kind="annex1")},
        {"kind": "annex2", "title": t("btn_annex2", lang), "url": TEMPLATE_URL.format(kind="annex2")},
    ]}


def _guarded(handler: Callable[[Turn, State, dt.date], tuple[list[Reply], State]]
             ) -> Callable[[Turn, State, dt.date], tuple[list[Reply], State]]:
    @functools.wraps(handler)
    def run(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
        try:
            return handler(turn, state, today)
        except NoSession:
            return [Reply(t("files_portal_only", state.language, url=PORTAL_URL),
                          custom={"error": "no_session"})], state
        except StoreUnavailable:
            return [Reply(t("store_unavailable", state.language),
                          custom={"error": "store_unavailable"})], state
    return run


# --- feedback on uploads -------------------------------------------------------------------


def _what(ids: list[str], lang: str) -> str:
    return t("list_sep", lang).join(f"{i} {material_name(i, lang)}" for i in ids)


def _feedback_reply(fb: package.FileFeedback, lang: str) -> Reply:
    buttons = tuple(Button(c.title, payload("choose_material", upload=c.upload_id,
                                            material=c.material)) for c in fb.choices)
    return Reply(fb.text, buttons)


def feedback_text(upload: package.UploadRecord, report: FileReport | None,
                  lang: str) -> package.FileFeedback:
    """The feedback on one file (see :func:`bot.service.package.file_feedback` for the facts)."""
    name = upload.name
    if upload.analysis is None or report is None:
        return package.FileFeedback(upload.id, name, t("feedback_parsing", lang, name=name))
    lines = [t("feedback_recognised", lang, name=name, what=_what(report.materials, lang))
             if report.materials else t("feedback_unrecognised", lang, name=name)]
    language = language_name(report.language, lang)
    if report.bilingual and report.language != "zh":
        language = t("feedback_with_chinese", lang, language=language)
    if report.page_count:
        language += ("，" if lang == "zh" else ", ") + t("feedback_pages", lang,
                                                          n=report.page_count)
    lines.append(t("feedback_language", lang, language=language))
    if report.translation:
        lines.append(t("feedback_paired", lang, other=report.translation))
    for p in report.problems:
        if p.code != "unclassified":
            lines.append("⚠ " + file_problem_message(p, lang))
    form = upload.analysis.form
    if form is not None and FORM_ID in report.materials and form.problems:
        # The registration form's own mistakes, each with how to correct it.
        lines += ["⚠ " + form_problem_message(p, lang) for p in form.problems[:MAX_FORM_LINES]]
        if len(form.problems) > MAX_FORM_LINES:
            lines.append(t("missing_form", lang, n=len(form.problems)))
    choices: list[package.MaterialChoice] = []
    readable = not any(p.code in ("unreadable", "encrypted", "unsupported_type", "empty",
                                  "too_large") for p in report.problems)
    if not report.materials and readable and upload.materials_override is None:
        lines.append(t("feedback_which", lang, name=name))
        choices = package.material_choices(upload.id, [m for m, _ in report.candidates], lang)
        choices.insert(len(choices) - 1, package.MaterialChoice(
            t("btn_other_material", lang), upload.id, "other"))
        choices[-1] = package.MaterialChoice(t("btn_no_material", lang), upload.id, "none")
    return package.FileFeedback(upload.id, name, "\n".join(lines), choices)


@_guarded
def file_feedback(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    lang = state.language
    session = _session(turn, lang)
    meta = turn.metadata or {}
    upload_ids = [u for u in meta.get("upload_ids") or [] if isinstance(u, str)]
    rejected = [r for r in meta.get("rejected") or [] if isinstance(r, dict)]
    result = package.session_result(_store(), session)
    by_name = {f.name: f for f in result.files}
    replies: list[Reply] = []
    offer_templates = False
    for uid in upload_ids:
        up = _store().get_upload(session.id, uid)
        if up is None:
            continue
        if annual.is_annual_upload(up) or (annual.is_register_upload(up)
                                           and annual.annual_service.annex2_upload(
                                               _store().uploads(session.id))):
            # The annual summary 附件2 (or its register): answered from its own report.
            a2 = annual.annex2_reply(_store(), session, lang, state.ftz_area,
                                     today, up)
            if a2 is not None:
                replies.append(a2)
                continue
        report = by_name.get(up.name)
        fb = feedback_text(up, report, lang)
        if meta.get("replaced"):
            fb.text += " " + t("upload_replaced", lang, name=str(meta["replaced"]))
        replies.append(_feedback_reply(fb, lang))
        if report and FORM_ID in report.materials and result.form and result.form.problems:
            offer_templates = True
    for r in rejected:
        name = str(r.get("name", ""))
        if r.get("code") == "too_many_files":
            reason = t("upload_too_many", lang, n=get_settings().limits.max_files_per_session)
        elif r.get("code") == "quota":
            reason = t("api_error_quota", lang)
        else:
            reason = file_problem_message(FileProblem(str(r.get("code")), str(r.get("detail", ""))),
                                          lang)
        replies.append(Reply(t("upload_rejected", lang, name=name, reason=reason)))
    count = len(_store().upload_names(session.id))
    closing = t("upload_next", lang, n=count) if count else t("upload_none_accepted", lang)
    custom = templates_custom(lang) if offer_templates else None
    if custom:
        closing += "\n" + t("templates_offer", lang)
    replies.append(Reply(closing, _next_buttons(lang) if count else (
        Button(t("btn_upload_help", lang), payload("ask_upload")),), custom=custom))
    return replies, state


@_guarded
def choose_material(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    """The user's answer to "which material is this file?"."""
    lang = state.language
    session = _session(turn, lang)
    upload_id = turn.entities.get("upload", "")
    material = turn.entities.get("material", "")
    up = _store().get_upload(session.id, upload_id) if upload_id else None
    if up is None:
        return [Reply(t("material_unknown_file", lang))], state
    if material == "other":
        buttons = tuple(Button(f"{m.id} {m.short.get(lang)}",
                               payload("choose_material", upload=up.id, material=m.id))
                        for m in MATERIALS)
        buttons += (Button(t("btn_no_material", lang),
                           payload("choose_material", upload=up.id, material="none")),)
        return [Reply(t("feedback_which", lang, name=up.name), buttons)], state
    if material != "none" and material not in MATERIALS_BY_ID:
        return [Reply(t("feedback_which", lang, name=up.name))], state
    package.set_material(_store(), session, up.id, material)
    if material == "none":
        text = t("material_set_none", lang, name=up.name)
    else:
        text = t("material_set", lang, name=up.name, what=_what([material], lang))
    # What the package says about this file now (e.g. it may now need a translation).
    result = package.session_result(_store(), session)
    report = next((f for f in result.files if f.name == up.name), None)
    extra = [file_problem_message(p, lang) for p in (report.problems if report else [])
             if p.code not in ("unclassified",)]
    return [Reply("\n".join([text, *("⚠ " + e for e in extra)]), _next_buttons(lang))], state


@_guarded
def file_removed(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    lang = state.language
    name = str((turn.metadata or {}).get("removed") or "")
    session = _session(turn, lang)
    count = len(_store().upload_names(session.id))
    return [Reply(t("file_removed", lang, name=name) + "\n" + t("upload_next", lang, n=count),
                  _next_buttons(lang))], state


# --- what is missing, and the report -------------------------------------------------------


@_guarded
def missing(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    lang = state.language
    session = _session(turn, lang)
    uploads = _store().uploads(session.id)
    if not uploads:
        required = [m for m in MATERIALS]
        lines = [t("missing_no_files", lang, n=len(MATERIALS),
                   optional=sum(1 for m in MATERIALS if m.optional))]
        lines += [f"- {m.id} {m.name.get(lang)}" for m in required]
        return [Reply("\n".join(lines), (Button(t("btn_upload_help", lang),
                                               payload("ask_upload")),),
                      custom=templates_custom(lang))], state
    result = package.session_result(_store(), session)
    view = build_view(result, lang)
    lines = [t("missing_head", lang, files=view.file_count)]
    gaps = False
    missing_rows = [r for r in view.missing if r.status == MISSING]
    if missing_rows:
        gaps = True
        lines.append(t("missing_items", lang, n=len(missing_rows)))
        lines += [f"- {r.id} {r.name}（{r.clause}）" if lang == "zh" else
                  f"- {r.id} {r.name} ({r.clause})" for r in missing_rows]
    issues = [i for i in view.file_issues if i.code != "unclassified"]
    if issues:
        gaps = True
        lines.append(t("missing_problems", lang))
        lines += [f"- {i.file}：{i.label}" if lang == "zh" else f"- {i.file}: {i.label}"
                  for i in issues]
    if view.untranslated:
        gaps = True
        lines.append(t("missing_untranslated", lang))
        lines += [f"- {i.file}" for i in view.untranslated]
    unclassified = [i for i in view.file_issues if i.code == "unclassified"]
    if unclassified:
        gaps = True
        lines.append(t("missing_unclassified", lang))
        lines += [f"- {i.file}" for i in unclassified]
    custom = None
    if view.form_status != "ok":
        gaps = True
        lines.append(view.form_status_text if view.form_status != "problems" else
                     t("missing_form", lang, n=len(view.form_findings)))
        custom = templates_custom(lang)
        lines.append(t("templates_offer", lang))
    if not gaps:
        lines = [t("missing_none", lang)]
    return [Reply("\n".join(lines), _next_buttons(lang), custom=custom)], state


@_guarded
def report(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    lang = state.language
    session = _session(turn, lang)
    saved = package.make_report(_store(), session, lang)
    custom: dict[str, object] = {"report": {
        "id": saved.record.id, "reference": session.reference, "verdict": saved.result.verdict,
        "links": saved.links, "result": result_dict(saved.result, lang)}}
    form_missing_or_wrong = saved.result.form is None or bool(saved.result.form.problems)
    if form_missing_or_wrong:
        custom.update(templates_custom(lang))
    text = "\n".join([t("report_ready", lang, reference=session.reference), "",
                      saved.summary, "", t("report_links", lang)]
                     + ([t("templates_offer", lang)] if form_missing_or_wrong else []))
    a2 = annual.annex2_reply(_store(), session, lang, state.ftz_area, today)
    return [Reply(text, custom=custom)] + ([a2] if a2 is not None else []), state


# --- delete my data ------------------------------------------------------------------------


@_guarded
def delete_request(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    lang = state.language
    _session(turn, lang)  # only a portal or WeChat session has data to delete
    return [Reply(t("delete_confirm", lang), (
        Button(t("btn_delete_yes", lang), payload("confirm_delete")),
        Button(t("btn_delete_no", lang), payload("keep_my_data"))))], state


@_guarded
def delete_confirmed(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    lang = state.language
    session = _session(turn, lang)
    counts = _store().delete_session_data(session.id)
    # The channel deletes the conversation and the session once this turn is saved.
    counts = {**counts, "conversation": True}
    return [Reply(t("deleted", lang, files=counts["files"], reports=counts["reports"],
                    handoffs=counts["handoffs"]), custom={"deleted": counts})], state


def delete_cancelled(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    return [Reply(t("delete_kept", state.language))], state


def upload_help(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    lang = state.language
    limits = get_settings().limits
    review = UNITS_BY_ID["4.2"]  # the review itself is the department's, with experts
    text = "\n".join((t("upload_help", lang, mb=limits.max_file_bytes // (1024 * 1024),
                        n=limits.max_files_per_session),
                      t("upload_not_review", lang, ref=review.ref.get(lang),
                        text=review.text.get(lang)),
                      t("templates_offer", lang)))
    return [Reply(text, _next_buttons(lang), custom=templates_custom(lang))], state


@_guarded
def handoff_reference(turn: Turn, state: State, today: dt.date) -> tuple[list[Reply], State]:
    """Record a request to talk to a person, with the session's reference number."""
    lang = state.language
    try:
        session = _session(turn, lang)
    except NoSession:
        return [Reply(t("handoff_no_session", lang, url=PORTAL_URL,
                        contact=get_settings().contact.get(lang)),
                      custom={"handoff": False})], state
    note = "" if turn.is_payload else turn.text
    _store().record_handoff(session.id, session.reference, lang, note)
    return [Reply(t("handoff_reference", lang, reference=session.reference),
                  custom={"handoff": True, "reference": session.reference})], state


HANDLERS: dict[str, Callable[[Turn, State, dt.date], tuple[list[Reply], State]]] = {
    "file_feedback": file_feedback,
    "choose_material": choose_material,
    "file_removed": file_removed,
    "missing": missing,
    "report": report,
    "delete_request": delete_request,
    "delete_confirmed": delete_confirmed,
    "delete_cancelled": delete_cancelled,
    "upload_help": upload_help,
    "handoff_reference": handoff_reference,
}
