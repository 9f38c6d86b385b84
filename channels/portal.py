"""The project's own input channel: the website chat page, the WeChat mini-program and the
official account all talk to the assistant through it.

Rasa has no file message type and its REST channel has no authentication.  This channel
issues a session token, binds messages and uploads to it, checks every upload's size and
type before anything parses it, serves a session's reports and the blank annex forms, and
lets help-desk staff open a report by its reference number.  Routes (under ``/portal``):

    GET    /                          the chat page
    POST   /api/v1/sessions           start a session → token, reference
    POST   /api/v1/messages           {"text": …}
    GET    /api/v1/history            the conversation so far
    POST   /api/v1/uploads            multipart field "file" (one or several)
    GET    /api/v1/uploads            the session's files
    DELETE /api/v1/uploads/<id>       remove a file
    POST   /api/v1/reports            make the pre-check report now
    GET    /api/v1/reports/<id>.<fmt> docx | html | json (token, or a signed link)
    GET    /api/v1/templates/<annex1|annex2>.docx
    GET    /api/v1/duties.ics?dates=…&year=…&area=…&lang=…   the duties' deadlines (iCalendar)
    POST   /api/v1/wx/login           {"code": …} from wx.login
    GET/POST /wx/official             the official account's message webhook
    GET    /api/v1/staff/reports/<reference>[.fmt], /api/v1/staff/handoffs  (staff token)
    /staff/…, /api/v1/strings/…, /api/v1/checklist    the staff console (channels/staff.py)

The full description is in ``openapi.yaml``.  Uploaded files are parsed in worker
processes (bot.precheck.pipeline), so a slow file never holds up other conversations.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import mimetypes
import os
import re
import sys
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import logmask
from bot.i18n import t
from bot.notice import FORM_MATERIAL_ID
from bot.precheck import intake as upload_rules
from bot.precheck.blanks import template_bytes
from bot.precheck.language import message_language
from bot.precheck.problems import (
    file_problem_label,
    file_problem_message,
    form_problem_label,
    form_problem_message,
    material_name,
)
from bot.precheck.results import FileProblem, FileReport
from bot.precheck.sandbox import WorkerStartError
from bot.service.package import session_result, unique_name
from bot.service.session_tokens import check_signed, issue_token, session_from_token
from bot.service.store import REPORT_FORMATS, SessionRecord, Store, StoreUnavailable
from bot.settings import get_settings
from channels import page
from channels.staff import StaffConsole
from channels.wechat import (
    REPLY_DEADLINE_SECONDS,
    Code2SessionClient,
    CustomerServiceClient,
    SignatureChecker,
    WeChatConfig,
    WeChatError,
    parse_message,
    text_reply,
)

logger = logging.getLogger(__name__)
logmask.install()  # personal data masked in every log record of the Rasa server

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
CHANNEL = "portal"
FORM_ID = FORM_MATERIAL_ID  # the registration form in the materials list
MAX_MESSAGE_CHARS = 2000
_CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
}
_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
_PAGE_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
             "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


# Errors only this channel reports (the others are in bot.i18n as api_error_<code>).
def _error(status: int, code: str, lang: str = "zh", **kw: Any) -> HTTPResponse:
    return response.json({"error": code, "message": t(f"api_error_{code}", lang, **kw)},
                         status=status, headers=_SECURITY_HEADERS)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".removesuffix(".0")


def _bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return None


def _request_lang(request: Request, default: str = "zh") -> str:
    lang = (request.args.get("lang") or request.headers.get("x-assistant-lang") or "").lower()
    if lang in ("zh", "en"):
        return lang
    accept = request.headers.get("accept-language", "")
    if accept and not accept.lower().startswith("zh") and accept.lower().startswith("en"):
        return "en"
    return default


@dataclass
class _PendingReply:
    """An official-account message being answered.  WeChat asks again (up to three times)
    when no reply comes within 5 s; the answer goes out once: as the passive reply to one of
    those requests, or later through the customer-service message API."""

    answer: asyncio.Future[str]
    delivered: bool = False
    late: bool = False  # the customer-service API will deliver it


class PortalInput(InputChannel):
    """The web page, mini-program and official-account channel."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    def url_prefix(self) -> str:
        return "/portal"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> PortalInput:
        return cls(**(credentials or {}))

    def __init__(self, max_files_per_request: int = 10, **_: Any) -> None:
        self.settings = get_settings()
        self.max_files_per_request = int(max_files_per_request)
        self.wechat = WeChatConfig.from_env()
        self.code2session = Code2SessionClient(self.wechat)
        self.customer_service = CustomerServiceClient(self.wechat)
        self.oa_checker = SignatureChecker(self.wechat.oa_token)
        self._parse_pool = ThreadPoolExecutor(max_workers=max(1, self.settings.parse_workers),
                                              thread_name_prefix="parse",
                                              initializer=_lower_priority)
        self._store: Store | None = None
        self._wx_pending: dict[str, _PendingReply] = {}

    # -- plumbing ----------------------------------------------------------------------

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.settings)
        return self._store

    async def _db(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run a store call off the event loop."""
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    def _session(self, request: Request) -> str | None:
        return session_from_token(_bearer(request), self.settings)

    async def _session_lang(self, request: Request, session_id: str) -> str:
        """The language the user chose (header or ?lang=), else the session's."""
        explicit = _request_lang(request, "")
        if explicit:
            return explicit
        try:
            rec = await self._db(self.store.get_session, session_id)
        except StoreUnavailable:
            return _request_lang(request)
        return rec.lang if rec else _request_lang(request)

    async def _turn(self, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                    session_id: str, text: str, lang: str,
                    metadata: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one turn and collect the bot's messages.  A turn that fails, or that ends
        without a word from the bot (the action server is down), yields a clear
        "try again" message instead of silence."""
        collector = CollectingOutputChannel()
        meta = {"lang": lang, **(metadata or {})}
        try:
            await on_new_message(UserMessage(text, collector, session_id,
                                             input_channel=CHANNEL, metadata=meta))
        except Exception:  # the tracker store or lock store is unreachable, or a bug
            logger.exception("portal.turn.failed session=%s", session_id[:8])
            return [{"recipient_id": session_id, "text": t("try_again", lang),
                     "custom": {"error": "turn_failed"}}]
        if not collector.messages:
            logger.warning("portal.turn.silent session=%s", session_id[:8])
            return [{"recipient_id": session_id, "text": t("try_again", lang),
                     "custom": {"error": "no_reply"}}]
        return collector.messages

    # -- routes --------------------------------------------------------------------------

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("portal", __name__)
        limits = self.settings.limits

        @bp.listener("before_server_start")
        async def _configure(app: Any, _loop: Any) -> None:
            # Sanic refuses a larger body before reading it.
            app.config.REQUEST_MAX_SIZE = limits.max_file_bytes * self.max_files_per_request + (
                1 << 20)
            await self._db(lambda: self.store)  # create tables, fail early
            # Start the parser workers now, so the first upload does not wait for them; then
            # read any file whose parse a crash interrupted.
            asyncio.ensure_future(self._start_parsers(started=time.time()))

        @bp.exception(PayloadTooLarge)
        async def _too_large(request: Request, _exc: Exception) -> HTTPResponse:
            # Sanic stops reading a body over REQUEST_MAX_SIZE: say so in the user's words.
            return _error(413, "request_too_large", _request_lang(request),
                          mb=_mb(request.app.config.REQUEST_MAX_SIZE),
                          file_mb=_mb(limits.max_file_bytes))

        # The page ------------------------------------------------------------------------

        @bp.route("/", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            return await self._static("index.html")

        @bp.route("/static/<name:str>", methods=["GET"])
        async def static(request: Request, name: str) -> HTTPResponse:
            return await self._static(name)

        @bp.route("/api/v1/health", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        # Sessions and messages -------------------------------------------------------------

        @bp.route("/api/v1/sessions", methods=["POST"])
        async def start_session(request: Request) -> HTTPResponse:
            lang = _request_lang(request)
            body = request.json if request.body and _is_json(request) else {}
            if isinstance(body, dict) and body.get("lang") in ("zh", "en"):
                lang = body["lang"]
            try:
                rec = await self._db(self.store.create_session, "web", lang)
            except StoreUnavailable:
                return _error(503, "unavailable", lang)
            return response.json({"token": issue_token(rec.id, self.settings),
                                  "session_id": rec.id, "reference": rec.reference,
                                  "lang": rec.lang}, status=201, headers=_SECURITY_HEADERS)

        @bp.route("/api/v1/messages", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            session_id = self._session(request)
            if not session_id:
                return _error(401, "unauthorized", _request_lang(request))
            # Errors speak the language of the conversation, or of the text that was sent.
            previous = await self._session_lang(request, session_id)
            if not _is_json(request):
                return _error(400, "bad_json", previous)
            body = request.json
            text = body.get("text") if isinstance(body, dict) else None
            if not isinstance(text, str) or not text.strip():
                return _error(400, "empty_message", previous)
            if len(text) > MAX_MESSAGE_CHARS:
                return _error(400, "message_too_long",
                              message_language(text[:MAX_MESSAGE_CHARS], previous))
            lang = message_language(text, previous)
            await self._safe_touch(session_id, lang)
            messages = await self._turn(on_new_message, session_id, text.strip(), lang)
            return response.json({"messages": messages}, headers=_SECURITY_HEADERS)

        @bp.route("/api/v1/history", methods=["GET"])
        async def history(request: Request) -> HTTPResponse:
            session_id = self._session(request)
            if not session_id:
                return _error(401, "unauthorized", _request_lang(request))
            agent = request.app.ctx.agent
            try:
                tracker = await agent.tracker_store.retrieve(session_id)
            except Exception:
                logger.exception("portal.history.failed")
                return _error(503, "unavailable", _request_lang(request))
            rec = await self._db(self.store.get_session, session_id)
            return response.json({"reference": rec.reference if rec else None,
                                  "lang": rec.lang if rec else "zh",
                                  "events": _history(tracker)}, headers=_SECURITY_HEADERS)

        # Uploads --------------------------------------------------------------------------

        @bp.route("/api/v1/uploads", methods=["POST"])
        async def upload(request: Request) -> HTTPResponse:
            session_id = self._session(request)
            if not session_id:
                return _error(401, "unauthorized", _request_lang(request))
            form_lang = request.form.get("lang") if request.form else None
            lang = form_lang if form_lang in ("zh", "en") else \
                await self._session_lang(request, session_id)
            files = request.files.getlist("file") if request.files else None
            if not files:
                return _error(400, "no_file", lang)
            if len(files) > self.max_files_per_request:
                return _error(400, "too_many_files", lang, n=self.max_files_per_request)
            replaces = (request.form.get("replaces") if request.form else None) or None
            try:
                existing = await self._db(self.store.upload_names, session_id)
            except StoreUnavailable:
                return _error(503, "unavailable", lang)
            await self._safe_touch(session_id, form_lang)
            # A file that replaces another one takes its place in the count.
            room = limits.max_files_per_session - len(existing) + (
                1 if replaces and replaces in existing else 0)
            accepted, rejected = [], []
            for f in files:
                name = upload_rules.safe_name(f.name or "")
                verdict = upload_rules.check_upload(name, f.body, limits)
                if verdict is not None:
                    rejected.append({"name": name, "code": verdict.code, "detail": verdict.detail})
                    continue
                if room <= 0:
                    rejected.append({"name": name, "code": "too_many_files",
                                     "detail": str(limits.max_files_per_session)})
                    continue
                room -= 1
                try:
                    name = await self._db(unique_name, self.store, session_id, name)
                    rec = await self._db(self.store.add_upload, session_id, name, f.body,
                                         upload_rules.suffix_for(f.body, name))
                except StoreUnavailable:
                    return _error(503, "unavailable", lang)
                accepted.append(rec)
            # Parse the accepted files side by side in worker processes.
            try:
                results = await asyncio.gather(*(self._analyse(rec) for rec in accepted))
            except (StoreUnavailable, WorkerStartError):
                # Not the files' fault: they are kept and read again when the server starts.
                logger.exception("portal.upload.parse_failed session=%s", session_id[:8])
                return _error(503, "unavailable", lang)
            replaced = None
            if replaces and accepted:
                old = await self._db(self.store.remove_upload, session_id, replaces)
                replaced = old.name if old else None
            meta = {"upload_ids": [r.id for r in accepted], "rejected": rejected,
                    "replaced": replaced}
            messages = await self._turn(on_new_message, session_id, "/file_uploaded", lang, meta)
            reports = await self._file_reports(session_id)
            return response.json({
                "files": [_upload_json(u, lang, reports.get(u.name)) for u in results]
                + [_rejected_json(r, lang) for r in rejected],
                "replaced": replaced,
                "messages": messages,
            }, headers=_SECURITY_HEADERS)

        @bp.route("/api/v1/uploads", methods=["GET"])
        async def list_uploads(request: Request) -> HTTPResponse:
            session_id = self._session(request)
            if not session_id:
                return _error(401, "unauthorized", _request_lang(request))
            try:
                ups = await self._db(self.store.uploads, session_id)
            except StoreUnavailable:
                return _error(503, "unavailable", _request_lang(request))
            lang = await self._session_lang(request, session_id)
            reports = await self._file_reports(session_id)
            return response.json({"files": [_upload_json(u, lang, reports.get(u.name))
                                            for u in ups]},
                                 headers=_SECURITY_HEADERS)

        @bp.route("/api/v1/uploads/<upload_id:str>", methods=["DELETE"])
        async def delete_upload(request: Request, upload_id: str) -> HTTPResponse:
            session_id = self._session(request)
            lang = _request_lang(request)
            if not session_id:
                return _error(401, "unauthorized", lang)
            lang = await self._session_lang(request, session_id)
            rec = await self._db(self.store.remove_upload, session_id, upload_id)
            if rec is None:  # someone else's file looks exactly like no file
                return _error(404, "not_found", lang)
            messages = await self._turn(on_new_message, session_id, "/file_removed", lang,
                                        {"removed": rec.name})
            return response.json({"removed": rec.name, "messages": messages},
                                 headers=_SECURITY_HEADERS)

        # Reports --------------------------------------------------------------------------

        @bp.route("/api/v1/reports", methods=["POST"])
        async def make_report(request: Request) -> HTTPResponse:
            session_id = self._session(request)
            lang = _request_lang(request)
            if not session_id:
                return _error(401, "unauthorized", lang)
            lang = await self._session_lang(request, session_id)
            await self._safe_touch(session_id, None)
            messages = await self._turn(on_new_message, session_id, "/request_report", lang)
            report = next((m["custom"]["report"] for m in messages
                           if isinstance(m.get("custom"), dict) and "report" in m["custom"]),
                          None)
            return response.json({"report": report, "messages": messages},
                                 headers=_SECURITY_HEADERS)

        @bp.route("/api/v1/reports/<name:str>", methods=["GET"])
        async def get_report(request: Request, name: str) -> HTTPResponse:
            lang = _request_lang(request)
            report_id, _, fmt = name.partition(".")
            if fmt not in REPORT_FORMATS:
                return _error(404, "not_found", lang)
            session_id = self._session(request)
            if session_id:
                rec = await self._db(self.store.get_report, session_id, report_id)
            elif check_signed(request.path, request.args.get("exp"), request.args.get("sig"),
                              self.settings):
                rec = await self._db(self.store.get_report_by_id, report_id)
            else:
                return _error(401, "unauthorized", lang)
            if rec is None or fmt not in rec.formats:
                return _error(404, "not_found", lang)
            return await self._send_stored(rec.formats[fmt], fmt, f"precheck-{rec.reference}.{fmt}")

        @bp.route("/api/v1/templates/<name:str>", methods=["GET"])
        async def template(request: Request, name: str) -> HTTPResponse:
            kind = name.removesuffix(".docx")
            if kind not in ("annex1", "annex2"):
                return _error(404, "not_found", _request_lang(request))
            data = await self._db(template_bytes, kind)
            filename = {"annex1": "附件1-国外职业资格证书及其发证机构资格审核注册表.docx",
                        "annex2": "附件2-国外职业资格证书发证机构年度核发证书信息汇总表.docx"}[kind]
            return _download(data, "docx", filename)

        @bp.route("/api/v1/duties.ics", methods=["GET"])
        async def duties_ics(request: Request) -> HTTPResponse:
            # No personal data: the dates asked, the year and the area; every one validated.
            import datetime as dt

            from bot.service.duties import DutyRequestError, duty_calendar, parse_request

            lang = _request_lang(request)
            today = dt.date.today()
            try:
                dates, year, area, lang = parse_request(
                    request.args.get("dates"), request.args.get("year"),
                    request.args.get("area"), request.args.get("lang"), today)
            except DutyRequestError as exc:
                return _error(400, exc.code, lang)
            data = duty_calendar(dates, year, area, lang, today)
            return _download(data, "ics", "duties.ics")

        # Staff --------------------------------------------------------------------------------

        def _staff_ok(request: Request) -> bool:
            expected = os.environ.get("ASSISTANT_STAFF_TOKEN", "")
            given = _bearer(request) or ""
            return bool(expected) and hmac.compare_digest(given, expected)

        @bp.route("/api/v1/staff/reports/<reference:str>", methods=["GET"])
        async def staff_report(request: Request, reference: str) -> HTTPResponse:
            lang = _request_lang(request)
            if not _staff_ok(request):
                return _error(403, "staff_only", lang)
            ref, _, fmt = reference.partition(".")
            fmt = fmt or "json"
            if fmt not in REPORT_FORMATS:
                return _error(404, "not_found", lang)
            rec = await self._db(self.store.latest_report, ref)
            if rec is None or fmt not in rec.formats:
                return _error(404, "no_report", lang, reference=ref)
            return await self._send_stored(rec.formats[fmt], fmt, f"precheck-{rec.reference}.{fmt}")

        @bp.route("/api/v1/staff/handoffs", methods=["GET"])
        async def staff_handoffs(request: Request) -> HTTPResponse:
            lang = _request_lang(request)
            if not _staff_ok(request):
                return _error(403, "staff_only", lang)
            try:
                since = float(request.args.get("since", "0") or 0)
            except ValueError:
                return _error(400, "bad_since", lang)
            try:
                rows = await self._db(self.store.handoffs, since)
            except StoreUnavailable:
                return _error(503, "unavailable", lang)
            return response.json({"handoffs": [
                {"reference": h.reference, "lang": h.lang, "note": h.note,
                 "created_at": h.created_at} for h in rows]}, headers=_SECURITY_HEADERS)

        # WeChat ------------------------------------------------------------------------------

        @bp.route("/api/v1/wx/login", methods=["POST"])
        async def wx_login(request: Request) -> HTTPResponse:
            lang = _request_lang(request)
            body = request.json if _is_json(request) else None
            code = body.get("code") if isinstance(body, dict) else None
            if not isinstance(code, str) or not code.strip() or len(code) > 256:
                return _error(400, "no_code", lang)
            try:
                openid = await self.code2session.openid(code.strip())
            except WeChatError as exc:
                logger.warning("portal.wx.login.failed errcode=%s", exc.errcode)
                return _error(502, "wechat_login_failed", lang)
            try:
                rec = await self._db(self.store.session_by_openid, openid)
                if rec is None:
                    rec = await self._db(lambda: self.store.create_session(
                        "wechat", lang, wx_openid=openid))
            except StoreUnavailable:
                return _error(503, "unavailable", lang)
            return response.json({"token": issue_token(rec.id, self.settings),
                                  "session_id": rec.id, "reference": rec.reference,
                                  "lang": rec.lang}, headers=_SECURITY_HEADERS)

        @bp.route("/wx/official", methods=["GET"])
        async def wx_verify(request: Request) -> HTTPResponse:
            a = request.args
            reason = self.oa_checker.check(a.get("signature"), a.get("timestamp"), a.get("nonce"))
            if reason:
                return response.text("invalid signature", status=403)
            return response.text(a.get("echostr", ""))

        @bp.route("/wx/official", methods=["POST"])
        async def wx_message(request: Request) -> HTTPResponse:
            a = request.args
            try:
                incoming = parse_message(request.body or b"")
            except Exception:
                return response.text("bad request", status=400)
            reason = self.oa_checker.check(a.get("signature"), a.get("timestamp"),
                                           a.get("nonce"), message_key=incoming.msg_id)
            if reason:
                return response.text("invalid signature", status=403)
            return await self._official_account_turn(on_new_message, incoming)

        # The staff console, the pages' words and the applicant's checklist (channels/staff.py).
        StaffConsole(self, error=_error, download=_download, history=_history,
                     request_lang=_request_lang).register(bp)
        return bp

    # -- helpers -------------------------------------------------------------------------

    async def _safe_touch(self, session_id: str, lang: str | None) -> None:
        """Mark the session active now (retention counts from here), creating its record
        if the store has none (a session whose records were purged)."""
        try:
            rec = await self._db(self.store.get_session, session_id)
            if rec is None:
                await self._db(self.store.ensure_session, session_id, CHANNEL, lang)
            else:
                await self._db(self.store.touch, session_id, lang)
        except StoreUnavailable:
            logger.warning("portal.store.unavailable")

    async def _file_reports(self, session_id: str) -> dict[str, FileReport]:
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

    async def _start_parsers(self, started: float) -> None:
        from bot.precheck.sandbox import default_pool
        from bot.service.package import warm_parser

        loop = asyncio.get_running_loop()
        pool = default_pool(self.settings.limits)
        try:
            await asyncio.gather(*(loop.run_in_executor(self._parse_pool, pool.call, warm_parser)
                                   for _ in range(pool.size)))
        except Exception:  # a worker that cannot start is reported by the first upload
            logger.warning("portal.parsers.warm_failed", exc_info=True)
            return
        try:
            unread = await self._db(self.store.unparsed_uploads, started)
            for rec in unread:
                await self._analyse(rec)
            if unread:
                logger.info("portal.uploads.reparsed count=%d", len(unread))
        except (StoreUnavailable, WorkerStartError):
            logger.warning("portal.uploads.reparse_failed", exc_info=True)

    async def _analyse(self, rec: Any) -> Any:
        """Parse one stored upload in a worker process and record the analysis."""
        from bot.precheck.pipeline import analyse_file

        loop = asyncio.get_running_loop()
        analysis = await loop.run_in_executor(self._parse_pool, analyse_file,
                                              self.store.path(rec.stored), rec.name,
                                              self.settings.limits)
        await self._db(self.store.set_analysis, rec.id, analysis)
        return await self._db(self.store.get_upload, rec.session_id, rec.id)

    async def _static(self, name: str) -> HTTPResponse:
        if "/" in name or "\\" in name or name.startswith("."):
            return response.text("not found", status=404)
        path = WEB_DIR / name
        if not path.is_file():
            return response.text("not found", status=404)
        ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript",):
            ctype += "; charset=utf-8"
        headers = dict(_SECURITY_HEADERS)
        headers["Cache-Control"] = "no-cache"
        if name.endswith(".html"):
            headers["Content-Security-Policy"] = _PAGE_CSP
        body = page.index_html() if name == "index.html" else path.read_bytes()
        return response.raw(body, content_type=ctype, headers=headers)

    async def _send_stored(self, stored: str, fmt: str, filename: str) -> HTTPResponse:
        try:
            data = await self._db(self.store.path(stored).read_bytes)
        except FileNotFoundError:
            return _error(404, "not_found")
        return _download(data, fmt, filename)

    async def _official_account_turn(self, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                                     incoming: Any) -> HTTPResponse:
        """Answer within WeChat's 5 seconds; a slower turn is answered later through the
        customer-service message API.  WeChat's retries of one MsgId are not run again."""
        if incoming.msg_type != "text":
            lang = "zh"
            return response.text(text_reply(incoming, t("wechat_text_only", lang)),
                                 content_type="application/xml")
        pending = self._wx_pending.get(incoming.msg_id)
        if pending is None:
            try:
                first = await self._db(self.store.first_delivery, incoming.msg_id)
                if not first:
                    return response.text("success")  # a retry handled by another instance
                session = await self._wx_session(incoming.from_user)
            except StoreUnavailable:
                return response.text(text_reply(incoming, t("try_again", "zh")),
                                     content_type="application/xml")
            session_id = session.id
            lang = message_language(incoming.content, session.lang)
            await self._safe_touch(session_id, lang)
            pending = _PendingReply(asyncio.get_running_loop().create_future())
            self._wx_pending[incoming.msg_id] = pending

            async def run() -> None:
                messages = await self._turn(on_new_message, session_id, incoming.content, lang)
                pending.answer.set_result(_plain_text(messages))

            task = asyncio.ensure_future(run())
            task.add_done_callback(lambda _t: asyncio.get_event_loop().call_later(
                60, self._wx_pending.pop, incoming.msg_id, None))
        try:
            answer = await asyncio.wait_for(asyncio.shield(pending.answer),
                                            REPLY_DEADLINE_SECONDS)
        except asyncio.TimeoutError:
            if not pending.late:
                pending.late = True
                asyncio.ensure_future(self._deliver_late(incoming.from_user, pending))
            return response.text("success")
        if pending.delivered:
            return response.text("success")
        pending.delivered = True
        return response.text(text_reply(incoming, answer), content_type="application/xml")

    async def _deliver_late(self, openid: str, pending: _PendingReply) -> None:
        """The answer to a turn slower than WeChat waits, through the customer-service API."""
        answer = await pending.answer
        pending.delivered = True
        try:
            await self.customer_service.send_text(openid, answer)
        except WeChatError as exc:
            logger.warning("portal.wx.late_reply.failed errcode=%s", exc.errcode)

    async def _wx_session(self, openid: str) -> SessionRecord:
        """The official-account follower's session (one per openid)."""
        key = f"oa:{openid}"
        rec = await self._db(self.store.session_by_openid, key)
        if rec is None:
            rec = await self._db(lambda: self.store.create_session("wechat-oa", "zh",
                                                                   wx_openid=key))
        return rec


PARSE_NICENESS = 10


def _lower_priority() -> None:
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


def _is_json(request: Request) -> bool:
    try:
        request.json  # noqa: B018 - parses the body
        return True
    except Exception:
        return False


def _download(data: bytes, fmt: str, filename: str) -> HTTPResponse:
    from urllib.parse import quote

    headers = dict(_SECURITY_HEADERS)
    disposition = "inline" if fmt in ("html", "json") else "attachment"
    ascii_name = "".join(c if c.isascii() and c.isalnum() or c in ".-_" else "_"
                         for c in filename)
    headers["Content-Disposition"] = (f"{disposition}; filename=\"{ascii_name}\"; "
                                      f"filename*=UTF-8''{quote(filename)}")
    if fmt == "html":
        headers["Content-Security-Policy"] = ("sandbox; default-src 'none'; "
                                              "style-src 'unsafe-inline'; img-src data:")
    return response.raw(data, content_type=_CONTENT_TYPES[fmt], headers=headers)


def _upload_json(u: Any, lang: str, report: FileReport | None = None) -> dict[str, Any]:
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


def _rejected_json(r: dict[str, str], lang: str) -> dict[str, Any]:
    """A file refused at the gate (too large, wrong type, over the session's count)."""
    if r["code"] == "too_many_files":
        label = advice = t("upload_too_many", lang, n=r["detail"])
    else:
        problem = FileProblem(r["code"], r["detail"])
        label = file_problem_label(problem.code, lang)
        advice = file_problem_message(problem, lang)
    return {"name": r["name"], "accepted": False, "problems": [r["code"]],
            "detail": r["detail"], "problem_labels": [label], "advice": [advice]}


_MARKUP = re.compile(r"\*\*|`|^#{1,6}\s+|^_|_$", re.MULTILINE)


def _plain_text(messages: list[dict[str, Any]]) -> str:
    """Bot messages as one plain text for WeChat: no Markdown marks, buttons become
    numbered options (a user can type the option's words)."""
    parts = []
    for m in messages:
        if m.get("text"):
            parts.append(_MARKUP.sub("", m["text"]))
        for i, b in enumerate(m.get("buttons") or [], 1):
            parts.append(f"{i}. {b.get('title', '')}")
    return "\n".join(parts)[:2000] or "…"


def _history(tracker: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if tracker is None:
        return out
    for ev in tracker.events:
        kind = getattr(ev, "type_name", "")
        if kind == "user":
            text = ev.text or ""
            meta = ev.metadata or {}
            if text.startswith("/"):
                if text == "/file_uploaded":
                    out.append({"role": "upload", "timestamp": ev.timestamp,
                                "count": len(meta.get("upload_ids", []))})
                continue
            out.append({"role": "user", "text": text, "timestamp": ev.timestamp})
        elif kind == "bot":
            data = ev.data or {}
            out.append({"role": "bot", "text": ev.text, "buttons": data.get("buttons"),
                        "custom": data.get("custom"), "timestamp": ev.timestamp})
    return out

