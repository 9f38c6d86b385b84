"""The annual summary (附件2) of a session: which upload it is, its register, its report.

Files were parsed when they were uploaded (bot.precheck.pipeline stores the reading of a
附件2 and the row count of a register); the report is assembled from those readings and
stored like the application's pre-check report (DOCX, HTML, JSON, and Markdown for the chat).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.precheck.annex2 import Annex2Check, check_register
from bot.precheck.annex2.report import (
    Annex2View,
    build_view,
    render_docx,
    render_html,
    render_json,
    render_markdown,
)
from bot.service.duties import bureau
from bot.service.package import report_links
from bot.service.store import ReportRecord, SessionRecord, Store, UploadRecord

VERDICT_OK = "annex2_ok"
VERDICT_PROBLEMS = "annex2_problems"


def annex2_upload(uploads: list[UploadRecord]) -> UploadRecord | None:
    """The latest upload that is a 附件2."""
    found = [u for u in uploads if u.analysis is not None and u.analysis.annex2]
    return found[-1] if found else None


def session_check(store: Store, session: SessionRecord,
                  today: dt.date | None = None) -> Annex2Check | None:
    """The session's 附件2 with its register files, or None when none was uploaded."""
    uploads = store.uploads(session.id)
    upload = annex2_upload(uploads)
    if upload is None or upload.analysis is None or upload.analysis.annex2 is None:
        return None
    check = Annex2Check.from_dict(upload.analysis.annex2)
    check.file = upload.name
    registers = [(u.name, u.analysis.register_rows) for u in uploads
                 if u.analysis is not None and u.analysis.register_rows is not None
                 and not u.analysis.materials]  # a staff list of 附件1 is no register
    return check_register(check, [(n, int(c)) for n, c in registers])


@dataclass(frozen=True)
class SavedAnnual:
    check: Annex2Check
    view: Annex2View
    record: ReportRecord
    summary: str
    links: dict[str, str]


def make_annual_report(store: Store, session: SessionRecord, lang: str, area: str | None = None,
                       today: dt.date | None = None) -> SavedAnnual | None:
    check = session_check(store, session, today)
    if check is None:
        return None
    view = build_view(check, lang, today, bureau(area, lang))
    summary = render_markdown(view, lang)
    files = {"json": render_json(check, view).encode("utf-8"), "md": summary.encode("utf-8"),
             "html": render_html(view, lang).encode("utf-8"), "docx": render_docx(view, lang)}
    record = store.save_report(session.id, session.reference,
                               VERDICT_OK if view.ok else VERDICT_PROBLEMS, files)
    return SavedAnnual(check, view, record, summary, report_links(record))
