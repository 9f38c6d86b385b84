"""The upload workflow of a session: store the files within the limits, start their
analysis in the parser processes, list and remove them, and describe each one for a
client.  Channels only translate HTTP to these calls and their outcomes back.

The per-session file count is enforced by :meth:`bot.service.store.Store.add_upload` in the
database, under the session row's lock, so it holds for parallel requests and for several
server instances sharing one database.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from bot.i18n import t
from bot.precheck import intake as upload_rules
from bot.precheck.problems import (
    file_problem_label,
    file_problem_message,
    form_problem_label,
    form_problem_message,
    material_name,
)
from bot.precheck.results import FileProblem, FileReport
from bot.service.package import session_result, unique_name
from bot.service.store import QuotaExceeded, Store, StoreUnavailable, UploadRecord
from bot.settings import Settings

logger = logging.getLogger(__name__)

FORM_ID = "4.1"  # the registration form (附件1) in the materials list
PARSE_NICENESS = 10


@dataclass(frozen=True)
class IncomingFile:
    name: str  # as the client sent it (made safe here)
    body: bytes


@dataclass
class UploadOutcome:
    accepted: list[UploadRecord] = field(default_factory=list)  # stored and analysed
    rejected: list[dict[str, str]] = field(default_factory=list)  # name, code, detail
    replaced: str | None = None  # the name of the file the upload replaced
    quota_reached: bool = False  # the data folder is full: nothing more is accepted


def lower_priority() -> None:
    """Run in each parse thread.  On Linux a thread has its own nice value and the parser
    worker processes it starts inherit it: parsing gives way to conversation turns when
    the machine is busy (it still uses every idle CPU).  Elsewhere nice values belong to
    the whole process, so nothing is changed."""
    if not sys.platform.startswith("linux"):
        return
    try:
        os.nice(PARSE_NICENESS)
    except (AttributeError, OSError):
        pass


class Uploads:
    """A session's files.  ``store`` is called lazily (the channel creates it on first use)."""

    def __init__(self, store: Callable[[], Store], settings: Settings) -> None:
        self._store = store
        self.settings = settings
        self._parse_pool = ThreadPoolExecutor(max_workers=max(1, settings.parse_workers),
                                              thread_name_prefix="parse",
                                              initializer=lower_priority)

    @property
    def store(self) -> Store:
        return self._store()

    @property
    def parse_pool(self) -> ThreadPoolExecutor:
        """The threads that wait on the parser processes (bounded: a burst of files queues)."""
        return self._parse_pool

    async def _db(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    async def accept(self, session_id: str, files: Sequence[IncomingFile],
                     replaces: str | None = None) -> UploadOutcome:
        """Check, store and analyse ``files``.  A file that fails the checks, or that
        would take the session over its file limit, is listed in ``rejected`` with the
        reason.  Raises StoreUnavailable or WorkerStartError (the files stay stored and
        are read again when the server starts)."""
        limits = self.settings.limits
        out = UploadOutcome()
        discount = replaces  # only the first accepted file takes the replaced one's place
        for f in files:
            name = upload_rules.safe_name(f.name or "")
            verdict = upload_rules.check_upload(name, f.body, limits)
            if verdict is not None:
                out.rejected.append({"name": name, "code": verdict.code,
                                     "detail": verdict.detail})
                continue
            if out.quota_reached:
                out.rejected.append({"name": name, "code": "quota", "detail": ""})
                continue
            name = await self._db(unique_name, self.store, session_id, name)
            try:
                rec = await self._db(lambda n=name, b=f.body, r=discount: self.store.add_upload(
                    session_id, n, b, upload_rules.suffix_for(b, n),
                    max_files=limits.max_files_per_session, replaces=r))
            except QuotaExceeded:
                out.quota_reached = True
                out.rejected.append({"name": name, "code": "quota", "detail": ""})
                continue
            if rec is None:
                out.rejected.append({"name": name, "code": "too_many_files",
                                     "detail": str(limits.max_files_per_session)})
                continue
            discount = None
            out.accepted.append(rec)
        # Parse the accepted files side by side in worker processes.
        out.accepted = list(await asyncio.gather(*(self.analyse(rec) for rec in out.accepted)))
        if replaces and out.accepted:
            old = await self._db(self.store.remove_upload, session_id, replaces)
            out.replaced = old.name if old else None
        return out

    async def analyse(self, rec: UploadRecord) -> UploadRecord:
        """Parse one stored upload in a worker process and record the analysis."""
        from bot.precheck.pipeline import analyse_file

        loop = asyncio.get_running_loop()
        analysis = await loop.run_in_executor(self._parse_pool, analyse_file,
                                              self.store.path(rec.stored), rec.name,
                                              self.settings.limits)
        await self._db(self.store.set_analysis, rec.id, analysis)
        return await self._db(self.store.get_upload, rec.session_id, rec.id)

    async def start_parsers(self, started: float) -> None:
        """Start the parser workers, then read any file whose parse a crash interrupted."""
        from bot.precheck.sandbox import WorkerStartError, default_pool
        from bot.service.package import warm_parser

        loop = asyncio.get_running_loop()
        pool = default_pool(self.settings.limits)
        try:
            await asyncio.gather(*(loop.run_in_executor(self._parse_pool, pool.call, warm_parser)
                                   for _ in range(pool.size)))
        except Exception:  # a worker that cannot start is reported by the first upload
            logger.warning("uploads.parsers.warm_failed", exc_info=True)
            return
        try:
            unread = await self._db(self.store.unparsed_uploads, started)
            for rec in unread:
                await self.analyse(rec)
            if unread:
                logger.info("uploads.reparsed count=%d", len(unread))
        except (StoreUnavailable, WorkerStartError):
            logger.warning("uploads.reparse_failed", exc_info=True)

    async def file_reports(self, session_id: str) -> dict[str, FileReport]:
        """The package pre-check's line for each of the session's files, by name."""
        def run() -> dict[str, FileReport]:
            rec = self.store.get_session(session_id)
            if rec is None:
                return {}
            return {f.name: f for f in session_result(self.store, rec).files}

        try:
            return await self._db(run)
        except (StoreUnavailable, ValueError):
            return {}

    async def listing(self, session_id: str, lang: str) -> list[dict[str, Any]]:
        ups = await self._db(self.store.uploads, session_id)
        reports = await self.file_reports(session_id)
        return [upload_json(u, lang, reports.get(u.name)) for u in ups]

    async def described(self, session_id: str, out: UploadOutcome, lang: str
                        ) -> list[dict[str, Any]]:
        """Every file of an upload request, accepted or not, for the client."""
        reports = await self.file_reports(session_id)
        return ([upload_json(u, lang, reports.get(u.name)) for u in out.accepted]
                + [rejected_json(r, lang) for r in out.rejected])

    async def remove(self, session_id: str, upload_id: str) -> UploadRecord | None:
        return await self._db(self.store.remove_upload, session_id, upload_id)


def upload_json(u: UploadRecord, lang: str, report: FileReport | None = None) -> dict[str, Any]:
    """One stored file for the API.  ``report`` is the file's line in the package pre-check
    (it adds what only the package shows, e.g. a missing Chinese translation)."""
    a = u.analysis
    if report is not None:
        problems = list(report.problems)
        materials = list(report.materials)
    else:
        problems = [p for p in (a.problems if a else [])
                    if p.code != "unclassified" or u.materials_override is None]
        materials = u.materials
    return {
        "id": u.id, "name": u.name, "size": u.size, "accepted": True, "status": u.status,
        "materials": materials,
        "material_names": [f"{m} {material_name(m, lang)}" for m in materials],
        "language": a.language if a else None,
        "problems": [p.code for p in problems],
        "problem_labels": [file_problem_label(p.code, lang) for p in problems
                           if p.code != "unclassified"],
        "advice": [file_problem_message(p, lang, cite_rule=False) for p in problems],
        "translation": report.translation if report is not None else None,
        "form_problems": _form_problems_json(a, materials, lang),
        "candidates": [m for m, _ in a.candidates] if a else [],
        "confirmed": u.materials_override is not None,
    }


def _form_problems_json(a: Any, materials: list[str], lang: str) -> list[dict[str, str]]:
    """The mistakes in the registration form (附件1) read from this file, if it is one."""
    from bot.precheck.annex1 import field_display

    if a is None or a.form is None or FORM_ID not in materials:
        return []
    return [{"code": p.code, "field": field_display(p.field, lang),
             "label": form_problem_label(p.code, lang),
             "advice": form_problem_message(p, lang)} for p in a.form.problems]


def rejected_json(r: dict[str, str], lang: str) -> dict[str, Any]:
    """A file refused at the gate (too large, wrong type, over the session's count, no
    room left in the data folder)."""
    if r["code"] == "too_many_files":
        label = advice = t("upload_too_many", lang, n=r["detail"])
    elif r["code"] == "quota":
        label = advice = t("api_error_quota", lang)
    else:
        problem = FileProblem(r["code"], r["detail"])
        label = file_problem_label(problem.code, lang)
        advice = file_problem_message(problem, lang)
    return {"name": r["name"], "accepted": False, "problems": [r["code"]],
            "detail": r["detail"], "problem_labels": [label], "advice": [advice]}
