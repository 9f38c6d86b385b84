"""The help desk's console at ``/portal/staff/`` and the routes the two pages share.

Registered on the portal channel's blueprint (channels/portal.py).  Routes:

    GET  /portal/api/v1/strings/<chat|console>   the page's words, both languages (bot.i18n)
    GET  /portal/api/v1/checklist                the applicant's checklist (session token)
    GET  /portal/staff/ , /portal/staff/static/<name>     the console page
    POST /portal/staff/api/signin                {"name", "secret"} → cookie + CSRF token
    POST /portal/staff/api/signout
    GET  /portal/staff/api/me
    GET  /portal/staff/api/handoffs
    POST /portal/staff/api/handoffs/<id>/<claim|close>
    GET  /portal/staff/api/applicants/<reference>
    GET  /portal/staff/api/applicants/<reference>/report.<docx|html|json>
    POST /portal/staff/api/applicants/<reference>/precheck
    POST /portal/staff/api/batches ; POST /portal/staff/api/batches/<id>/files
    GET  /portal/staff/api/batches/<id>/report.<docx|html|json>
    GET  /portal/staff/api/audit                 administrators only

Everything under /portal/staff/api/ except sign-in needs the sign-in cookie (HttpOnly,
SameSite=Strict, Secure over HTTPS); every POST also needs the sign-in's CSRF token in
``X-CSRF-Token``.  Nothing here writes to an applicant's files.
"""

from __future__ import annotations

import functools
import logging
import mimetypes
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import i18n
from bot.i18n import t
from bot.precheck import intake as upload_rules
from bot.precheck.checklist import build_checklist, counts, legend
from bot.precheck.problems import file_problem_label, language_name, material_name, verdict_label
from bot.precheck.report import render_docx, render_html, render_json
from bot.precheck.results import FileAnalysis, FileProblem, PrecheckResult
from bot.service.package import session_result
from bot.service.schema import new_id
from bot.service.session_tokens import portal_sender
from bot.service.staff import SignIn, Staff, StaffError, valid_hex_id
from bot.service.store import StoreUnavailable

_Handler = Callable[..., Awaitable[HTTPResponse]]  # a route
logger = logging.getLogger(__name__)

STAFF_WEB_DIR = Path(__file__).resolve().parent.parent / "web" / "staff"
COOKIE = "gx_staff"
PAGES = {"chat": ("checklist_",), "console": ("console_", "checklist_", "api_error_")}
REPORT_FORMATS = ("docx", "html", "json")
_PAGE_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
             "connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
             "form-action 'self'")
# A report shown in the console's frame: no scripts; same origin only so that the console
# can print it.
_REPORT_CSP = ("sandbox allow-same-origin allow-modals; default-src 'none'; "
               "style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'")
_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            "Cache-Control": "no-store"}


def page_strings(page: str) -> dict[str, dict[str, str]]:
    """The words of one page in both languages, keyed without their prefix; facts are
    filled in from bot.notice, other placeholders are left for the page."""
    out: dict[str, dict[str, str]] = {"zh": {}, "en": {}}
    for key in i18n.keys():
        prefix = next((p for p in PAGES[page] if key.startswith(p)), None)
        if prefix is None:
            continue
        short = key[len(prefix):] if prefix == "console_" else key
        for lang in ("zh", "en"):
            out[lang][short] = t(key, lang)
    return out


def checklist_json(result: PrecheckResult, lang: str) -> dict[str, Any]:
    items = build_checklist(result, lang)
    n = counts(items)
    return {"categories": [c.to_dict() for c in items], "counts": n,
            "summary": t("checklist_summary", lang, **n),
            "legend": [{"symbol": s, "label": label} for s, label in legend(lang)]}


def file_json(name: str, materials: list[str], language: str, problems: list[FileProblem],
              lang: str, status: str = "done") -> dict[str, Any]:
    return {"name": name, "status": status,
            "materials": [{"id": m, "name": material_name(m, lang)} for m in materials],
            "language": language, "language_name": language_name(language or "und", lang),
            "problems": [file_problem_label(p.code, lang) for p in problems]}


def _report_bytes(result: PrecheckResult, fmt: str, lang: str) -> bytes:
    if fmt == "json":
        return render_json(result).encode("utf-8")  # as the CLI writes it
    if fmt == "html":
        return render_html(result, lang).encode("utf-8")
    return render_docx(result, lang)


class StaffConsole:
    """The console's routes, on the portal channel.  ``channel`` gives the store, the
    parser pool and ``_db``; the helpers are the portal's own (errors, downloads, the
    conversation from a tracker), handed in so that this module never imports it."""

    def __init__(self, channel: Any, *, error: Callable[..., HTTPResponse],
                 download: Callable[[bytes, str, str], HTTPResponse],
                 history: Callable[[Any], list[dict[str, Any]]],
                 request_lang: Callable[..., str]) -> None:
        self.channel = channel
        self.error = error
        self.download = download
        self.history = history
        self.request_lang = request_lang

    @property
    def staff(self) -> Staff:
        return Staff(self.channel.store)

    async def _db(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await self.channel._db(fn, *args)

    def _fail(self, exc: StaffError, lang: str) -> HTTPResponse:
        status = {"bad_reference": 400, "bad_batch": 404, "not_found": 404, "no_applicant": 404,
                  "no_report": 404, "handoff_taken": 409, "batch_too_large": 400}.get(exc.code, 400)
        return self.error(status, exc.code, lang, **exc.values)

    async def _signed_in(self, request: Request, *, post: bool = False
                         ) -> SignIn | HTTPResponse:
        lang = self.request_lang(request)
        try:
            who = await self._db(self.staff.signed_in, request.cookies.get(COOKIE))
        except StoreUnavailable:
            return self.error(503, "unavailable", lang)
        if who is None:
            return self.error(401, "staff_signin", lang)
        if post and not Staff.csrf_ok(who, request.headers.get("x-csrf-token")):
            return self.error(403, "csrf", lang)
        return who

    def _json(self, data: Any, status: int = 200) -> HTTPResponse:
        return response.json(data, status=status, headers=_HEADERS)

    def _static(self, name: str) -> HTTPResponse:
        if "/" in name or "\\" in name or name.startswith(".") or not name.replace(
                ".", "").replace("-", "").replace("_", "").isalnum():
            return response.text("not found", status=404)
        path = STAFF_WEB_DIR / name
        if not path.is_file():
            return response.text("not found", status=404)
        ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype == "application/javascript":
            ctype += "; charset=utf-8"
        headers = {**_HEADERS, "X-Frame-Options": "DENY", "Cache-Control": "no-cache"}
        if name.endswith(".html"):
            headers["Content-Security-Policy"] = _PAGE_CSP
        return response.raw(path.read_bytes(), content_type=ctype, headers=headers)

    def _send(self, data: bytes, fmt: str, filename: str, inline_frame: bool) -> HTTPResponse:
        resp = self.download(data, fmt, filename)
        if fmt == "html" and inline_frame:  # shown in the console's frame, printable there
            resp.headers["Content-Security-Policy"] = _REPORT_CSP
            resp.headers["X-Frame-Options"] = "SAMEORIGIN"
        resp.headers["Cache-Control"] = "no-store"
        return resp

    async def _report(self, request: Request, lang: str, name: str,
                      make: Callable[[str], Awaitable[tuple[bytes, str]]]) -> HTTPResponse:
        """A report download: the format from ``name`` (``report.docx``), then ``make(fmt)``
        gives the bytes and the file name; its StaffError is the refusal, a missing file a
        404."""
        fmt = report_format(name)
        if fmt is None:
            return self.error(404, "not_found", lang)
        try:
            data, filename = await make(fmt)
        except StaffError as exc:
            return self._fail(exc, lang)
        except FileNotFoundError:
            return self.error(404, "not_found", lang)
        return self._send(data, fmt, filename, request.args.get("frame") == "1")

    def _as_staff(self, *, post: bool = False) -> Callable[[_Handler], _Handler]:
        """A route for signed-in staff: ``handler(request, who, lang, …)`` gets the sign-in
        and the request's language; a request without a sign-in (with ``post``: or without
        the CSRF token) gets the refusal."""

        def decorate(handler: _Handler) -> _Handler:
            @functools.wraps(handler)
            async def route(request: Request, **params: Any) -> HTTPResponse:
                who = await self._signed_in(request, post=post)
                if isinstance(who, HTTPResponse):
                    return who
                return await handler(request, who, self.request_lang(request), **params)

            return route

        return decorate

    # -- routes --------------------------------------------------------------------------

    def register(self, bp: Blueprint) -> None:  # noqa: C901 - one closure per route
        ch = self.channel

        @bp.route("/api/v1/strings/<page:str>", methods=["GET"])
        async def strings(request: Request, page: str) -> HTTPResponse:
            if page not in PAGES:
                return self.error(404, "not_found", self.request_lang(request))
            return response.json(page_strings(page), headers={
                "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"})

        @bp.route("/api/v1/checklist", methods=["GET"])
        async def applicant_checklist(request: Request) -> HTTPResponse:
            rec = await ch._auth(request)
            if rec is None:
                return self.error(401, "unauthorized", self.request_lang(request))
            lang = self.request_lang(request, "") or rec.lang
            try:
                result = await self._db(session_result, ch.store, rec) if rec.reference else None
            except StoreUnavailable:
                return self.error(503, "unavailable", lang)
            if result is None:
                from bot.precheck.pipeline import assemble
                result = assemble([])
            return self._json(checklist_json(result, lang))

        @bp.route("/staff/", methods=["GET"])
        async def console_page(request: Request) -> HTTPResponse:
            return self._static("index.html")

        @bp.route("/staff/static/<name:str>", methods=["GET"])
        async def console_static(request: Request, name: str) -> HTTPResponse:
            return self._static(name)

        @bp.route("/staff/api/signin", methods=["POST"])
        async def signin(request: Request) -> HTTPResponse:
            lang = self.request_lang(request)
            try:
                body = request.json
            except Exception:
                body = None
            if not isinstance(body, dict):  # JSON only: a cross-site form cannot send it
                return self.error(400, "bad_json", lang)
            try:
                got = await self._db(self.staff.sign_in, body.get("name"), body.get("secret"))
            except StoreUnavailable:
                return self.error(503, "unavailable", lang)
            if got is None:
                return response.json({"error": "signin_failed",
                                      "message": t("console_signin_failed", lang)},
                                     status=401, headers=_HEADERS)
            token, who = got
            resp = self._json({"account": who.account.name, "role": who.account.role,
                               "csrf": who.csrf})
            self._set_cookie(request, resp, token, ch.settings.staff_session_hours * 3600)
            return resp

        @bp.route("/staff/api/signout", methods=["POST"])
        @self._as_staff(post=True)
        async def signout(request: Request, who: SignIn, lang: str) -> HTTPResponse:
            await self._db(self.staff.sign_out, request.cookies.get(COOKIE), who.account.name)
            resp = self._json({"signed_out": True})
            self._set_cookie(request, resp, "", 0)
            return resp

        @bp.route("/staff/api/me", methods=["GET"])
        async def me(request: Request) -> HTTPResponse:
            who = await self._signed_in(request)
            if isinstance(who, HTTPResponse):
                # The page asks before signing in.
                return self._json({"account": None}) if who.status == 401 else who
            return self._json({"account": who.account.name, "role": who.account.role,
                               "csrf": who.csrf})

        @bp.route("/staff/api/handoffs", methods=["GET"])
        @self._as_staff()
        async def queue(request: Request, who: SignIn, lang: str) -> HTTPResponse:
            rows = await self._db(self.staff.queue)
            return self._json({"handoffs": [
                {"id": h.id, "reference": h.reference, "lang": h.lang, "note": h.note,
                 "created_at": h.created_at, "status": h.status, "claimed_by": h.claimed_by,
                 "claimed_at": h.claimed_at, "closed_at": h.closed_at} for h in rows]})

        @bp.route("/staff/api/handoffs/<handoff_id:str>/<action:str>", methods=["POST"])
        @self._as_staff(post=True)
        async def handoff_action(request: Request, who: SignIn, lang: str, handoff_id: str,
                                 action: str) -> HTTPResponse:
            if action not in ("claim", "close") or not valid_hex_id(handoff_id):
                return self.error(404, "not_found", lang)
            fn = self.staff.claim if action == "claim" else self.staff.close
            try:
                h = await self._db(fn, handoff_id, who.account.name)
            except StaffError as exc:
                return self._fail(exc, lang)
            return self._json({"id": h.id, "status": h.status, "claimed_by": h.claimed_by})

        @bp.route("/staff/api/applicants/<reference:str>", methods=["GET"])
        @self._as_staff()
        async def applicant(request: Request, who: SignIn, lang: str,
                            reference: str) -> HTTPResponse:
            try:
                a = await self._db(self.staff.applicant, reference.strip().upper(),
                                   who.account.name)
            except StaffError as exc:
                return self._fail(exc, lang)
            reports = {f.name: f for f in a.result.files}
            files = []
            for u in a.uploads:
                r = reports.get(u.name)
                an = u.analysis
                files.append(file_json(u.name, list(r.materials) if r else u.materials,
                                       an.language if an else "",
                                       list(r.problems) if r else [], lang, u.status))
            try:
                tracker = await request.app.ctx.agent.tracker_store.retrieve(
                    portal_sender(a.session.id, ch.settings))
                conversation = self.history(tracker)
            except Exception:
                logger.warning("staff.history.failed", exc_info=True)
                conversation = []
            rep = a.report
            return self._json({
                "reference": a.session.reference, "lang": a.session.lang,
                "channel": a.session.channel, "created_at": a.session.created_at,
                "last_seen_at": a.session.last_seen_at, "files": files,
                "checklist": checklist_json(a.result, lang),
                "report": None if rep is None else {
                    "id": rep.id, "created_at": rep.created_at, "verdict": rep.verdict,
                    "verdict_label": verdict_label(rep.verdict, lang),
                    "formats": [f for f in REPORT_FORMATS if f in rep.formats]},
                "conversation": conversation})

        @bp.route("/staff/api/applicants/<reference:str>/<name:str>", methods=["GET"])
        @self._as_staff()
        async def applicant_report(request: Request, who: SignIn, lang: str, reference: str,
                                   name: str) -> HTTPResponse:
            async def stored(fmt: str) -> tuple[bytes, str]:
                rec = await self._db(self.staff.report, reference.strip().upper(), fmt,
                                     who.account.name)
                data = await self._db(ch.store.path(rec.formats[fmt]).read_bytes)
                return data, f"precheck-{rec.reference}.{fmt}"

            return await self._report(request, lang, name, stored)

        @bp.route("/staff/api/applicants/<reference:str>/precheck", methods=["POST"])
        @self._as_staff(post=True)
        async def rerun(request: Request, who: SignIn, lang: str, reference: str) -> HTTPResponse:
            try:
                saved = await self._db(self.staff.rerun, reference.strip().upper(), lang,
                                       who.account.name)
            except StaffError as exc:
                return self._fail(exc, lang)
            return self._json({"report": {"id": saved.record.id,
                                          "verdict": saved.result.verdict,
                                          "verdict_label": verdict_label(saved.result.verdict,
                                                                         lang)},
                               "message": t("console_rerun_done", lang)}, status=201)

        @bp.route("/staff/api/batches", methods=["POST"])
        @self._as_staff(post=True)
        async def new_batch(request: Request, who: SignIn, lang: str) -> HTTPResponse:
            batch_id = new_id()
            await self._db(self.staff.audit, who.account.name, "batch", "", batch_id)
            return self._json({"batch_id": batch_id}, status=201)

        @bp.route("/staff/api/batches/<batch_id:str>/files", methods=["POST"])
        @self._as_staff(post=True)
        async def batch_file(request: Request, who: SignIn, lang: str,
                             batch_id: str) -> HTTPResponse:
            if not valid_hex_id(batch_id):
                return self.error(404, "bad_batch", lang)
            files = request.files.getlist("file") if request.files else None
            if not files or len(files) != 1:
                return self.error(400, "no_file", lang)
            f = files[0]
            raw = (request.form.get("path") if request.form else None) or f.name or ""
            name = batch_name(raw)
            analysis = await self._analyse(name, f.body)
            try:
                await self._db(self.staff.batch_add, batch_id, who.account.name, analysis)
            except StaffError as exc:
                return self._fail(exc, lang)
            return self._json(file_json(name, list(analysis.materials), analysis.language,
                                        list(analysis.problems), lang), status=201)

        @bp.route("/staff/api/batches/<batch_id:str>/<name:str>", methods=["GET"])
        @self._as_staff()
        async def batch_report(request: Request, who: SignIn, lang: str, batch_id: str,
                               name: str) -> HTTPResponse:
            async def rendered(fmt: str) -> tuple[bytes, str]:
                result = await self._db(self.staff.batch_result, batch_id, who.account.name)
                return await self._db(_report_bytes, result, fmt, lang), f"precheck-batch.{fmt}"

            return await self._report(request, lang, name, rendered)

        @bp.route("/staff/api/audit", methods=["GET"])
        @self._as_staff()
        async def audit(request: Request, who: SignIn, lang: str) -> HTTPResponse:
            if not who.account.is_admin:
                return self.error(403, "admin_only", lang)
            entries = await self._db(self.staff.audit_log, 500)
            return self._json({"entries": [e.__dict__ for e in entries]})

    # -- helpers -------------------------------------------------------------------------

    @staticmethod
    def _set_cookie(request: Request, resp: HTTPResponse, token: str, max_age: int) -> None:
        resp.cookies[COOKIE] = token
        c = resp.cookies[COOKIE]
        c["httponly"] = True
        c["samesite"] = "Strict"
        c["path"] = "/portal/staff/"
        c["max-age"] = max_age
        forwarded = request.headers.get("x-forwarded-proto", "")
        if request.scheme == "https" or forwarded == "https":
            c["secure"] = True

    async def _analyse(self, name: str, body: bytes) -> FileAnalysis:
        """Read one batch file in a parser worker, from a temporary copy outside the data
        folder (removed at once)."""
        import asyncio

        from bot.precheck.pipeline import analyse_file

        ch = self.channel
        limits = ch.settings.limits
        problem = upload_rules.check_upload(name, body, limits)
        if problem is not None:
            return FileAnalysis(name=name, size=len(body), problems=[problem])
        with tempfile.TemporaryDirectory(prefix="staff-batch-") as tmp:
            path = Path(tmp) / ("f" + upload_rules.suffix_for(body, name))
            path.write_bytes(body)
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(ch.uploads.parse_pool, analyse_file, path, name, limits)


def report_format(name: str) -> str | None:
    """``report.docx`` → ``docx``; None for any other name."""
    stem, _, fmt = name.partition(".")
    return fmt if stem == "report" and fmt in REPORT_FORMATS else None


def batch_name(raw: str) -> str:
    """A dropped file's path inside its folder (``某学会/证书.pdf``), each part made safe;
    at most four folders deep."""
    parts = [upload_rules.safe_name(p) for p in raw.replace("\\", "/").split("/")
             if p.strip() and p.strip() not in (".", "..")]
    return "/".join(parts[-5:]) or "upload"
