"""A session's application package: its uploads, what each one is, and its report.

The conversation calls these when a file arrives ("what was it recognised as?"), when
the user says which material a file is, asks what is still missing, or asks for the
report.  Files were parsed once, when they were uploaded; everything here re-assembles
their stored analyses (bot.precheck.pipeline.assemble), which takes milliseconds.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.notice import MATERIALS_BY_ID
from bot.precheck.pipeline import assemble
from bot.precheck.report import render_docx, render_html, render_json, render_markdown
from bot.precheck.results import FileAnalysis, PrecheckResult
from bot.service.session_tokens import sign_path
from bot.service.store import ReportRecord, SessionRecord, Store, UploadRecord

API_BASE = "/portal/api/v1"
MAX_CHOICES = 4


@dataclass(frozen=True)
class MaterialChoice:
    """An answer the user can give to "which material is this file?"."""

    title: str
    upload_id: str
    material: str  # a material id, or "none" for "none of these"


@dataclass
class FileFeedback:
    upload_id: str
    name: str
    text: str
    choices: list[MaterialChoice] = field(default_factory=list)


def _analyses(uploads: Sequence[UploadRecord]) -> tuple[list[FileAnalysis], dict[str, list[str]]]:
    analyses: list[FileAnalysis] = []
    overrides: dict[str, list[str]] = {}
    for u in uploads:
        if u.analysis is None:  # still being parsed (or its parse was lost): name only
            continue
        # Shown under the name it was uploaded as (assemble copies what it changes).
        analyses.append(dataclasses.replace(u.analysis, name=u.name))
        if u.materials_override is not None:
            overrides[u.name] = list(u.materials_override)
    return analyses, overrides


def session_result(store: Store, session: SessionRecord) -> PrecheckResult:
    """The pre-check of everything the session has uploaded so far."""
    analyses, overrides = _analyses(store.uploads(session.id))
    return assemble(analyses, overrides, reference=session.reference)


def material_choices(upload_id: str, candidates: Sequence[str], lang: str) -> list[MaterialChoice]:
    """Buttons for "which material is this?": the best guesses, then "none of these"."""
    ids = [c for c in candidates if c in MATERIALS_BY_ID][:MAX_CHOICES]
    out = [MaterialChoice(f"{i} {MATERIALS_BY_ID[i].short.get(lang)}", upload_id, i) for i in ids]
    out.append(MaterialChoice("None of these" if lang == "en" else "都不是", upload_id, "none"))
    return out


def set_material(store: Store, session: SessionRecord, upload_id: str, material: str) -> UploadRecord | None:
    """Record the user's answer to "which material is this file?" ("none": no material)."""
    if material != "none" and material not in MATERIALS_BY_ID:
        raise ValueError(f"unknown material id {material!r}")
    ok = store.set_materials(session.id, upload_id, [] if material == "none" else [material])
    return store.get_upload(session.id, upload_id) if ok else None


@dataclass(frozen=True)
class SavedReport:
    result: PrecheckResult
    record: ReportRecord
    summary: str  # Markdown for the chat
    links: dict[str, str]  # format -> signed URL


def report_links(record: ReportRecord, ttl_seconds: int = 7 * 86400) -> dict[str, str]:
    return {fmt: sign_path(f"{API_BASE}/reports/{record.id}.{fmt}", ttl_seconds)
            for fmt in ("docx", "html", "json") if fmt in record.formats}


def make_report(store: Store, session: SessionRecord, lang: str) -> SavedReport:
    """Pre-check the session's package, and store the report in every format."""
    result = session_result(store, session)
    summary = render_markdown(result, lang)
    files = {
        # With names and messages in ``lang``, for a client (a mini-program) to show as is.
        "json": render_json(result, lang).encode("utf-8"),
        "md": summary.encode("utf-8"),
        "html": render_html(result, lang).encode("utf-8"),
        "docx": render_docx(result, lang),
    }
    record = store.save_report(session.id, session.reference, result.verdict, files)
    return SavedReport(result, record, summary, report_links(record))


def warm_parser() -> int:
    """Import what parsing needs.  Run once in each parser worker when the server starts,
    so the first upload is not slowed by it."""
    import bot.precheck.annex1  # noqa: F401
    import bot.precheck.classify  # noqa: F401
    import bot.precheck.extract.docx  # noqa: F401
    import bot.precheck.extract.pdf  # noqa: F401
    import bot.precheck.pairing  # noqa: F401
    from bot.precheck.language import detect_language

    detect_language("Warm-up: the language profiles load on first use. 语言模型首次使用时加载。")
    return os.getpid()


def unique_name(store: Store, session_id: str, name: str) -> str:
    """``name``, or ``name (2)`` … when the session already has a file of that name."""
    taken = set(store.upload_names(session_id).values())
    if name not in taken:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    n = 2
    while True:
        candidate = f"{stem} ({n}){'.' + ext if ext else ''}"
        if candidate not in taken:
            return candidate
        n += 1
