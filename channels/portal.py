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
    /staff/…, /api/v1/strings/…, /api/v1/checklist    the staff console (channels/staff.py)
    POST   /api/v1/wx/login           {"code": …} from wx.login
    GET/POST /wx/official             the official account's message webhook
    GET    /api/v1/staff/reports/<reference>[.fmt], /api/v1/staff/handoffs  (staff token)

The full description is in ``openapi.yaml``.  Uploaded files are parsed in worker
processes (bot.precheck.pipeline), so a slow file never holds up other conversations.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import mimetypes
import os
import time
from collections.abc import Awaitable, Callable
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
from bot.precheck.blanks import template_bytes
from bot.precheck.language import message_language
from bot.precheck.sandbox import WorkerStartError
from bot.service.ids import is_generated, is_id
from bot.service.ratelimit import RateLimiter
from bot.service.session_tokens import (
    check_signed,
    issue_token,
    portal_sender,
    same_secret,
    session_from_token,
    token_expired,
)
from bot.service.store import REPORT_FORMATS, SessionRecord, Store, StoreUnavailable
from bot.service.uploads import IncomingFile, Uploads
from bot.settings import get_settings, secret_problems
from channels import page
from channels.http import (
    PAGE_CSP,
    SECURITY_HEADERS,
    bearer,
    download,
    error,
    health,
    is_json,
    limited,
    mb,
    request_lang,
)
from channels.http import (
    history as history_events,
)
from channels.official_account import OfficialAccount
from channels.staff import StaffConsole
from channels.wechat import (
    Code2SessionClient,
    WeChatConfig,
    WeChatError,
)

logger = logging.getLogger(__name__)
logmask.install()  # personal data masked in every log record of the Rasa server

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
CHANNEL = "portal"
SMALL_BODY_BYTES = 256 * 1024  # every request but an upload: JSON, WeChat's XML
FORM_ID = FORM_MATERIAL_ID  # the registration form in the materials list
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
        problems = secret_problems(self.settings)
        if problems:  # production mode with a placeholder or short secret: do not start
            raise SystemExit("refusing to start: " + "; ".join(problems))
        self.limiter = RateLimiter(self.settings.redis_url)
        self.max_files_per_request = int(max_files_per_request)
        self.wechat = WeChatConfig.from_env()
        self.code2session = Code2SessionClient(self.wechat)
        self.official_account = OfficialAccount(self, self.wechat)
        self._store: Store | None = None
        self.uploads = Uploads(lambda: self.store, self.settings)

    # -- plumbing ----------------------------------------------------------------------

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.settings)
        return self._store

    async def _db(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run a store call off the event loop."""
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    async def _auth(self, request: Request) -> SessionRecord | None:
        """The session of the request's token: None when the token is malformed, forged,
        expired (unused for ASSISTANT_TOKEN_DAYS) or revoked (its session was deleted by
        "delete my data" or by the purge).  Reads headers only, never the body.  While the
        database is unreachable a well-signed token passes (every store call then fails
        with 503 or "try again")."""
        session_id = session_from_token(bearer(request), self.settings)
        if session_id is None:
            return None
        try:
            rec = await self._db(self.store.get_session, session_id)
        except StoreUnavailable:
            # The signature is right but the database cannot say more: let the request go
            # on, to get "try again" (503, or the turn's message) instead of a new session.
            # Nothing can be read or written until the database is back.
            return SessionRecord(id=session_id, reference="", channel=CHANNEL,
                                 lang=request_lang(request), created_at=0.0,
                                 last_seen_at=time.time())
        if rec is None:
            logger.info("portal.token.revoked session=%s", session_id[:8])
            return None
        if token_expired(rec.last_seen_at, self.settings):
            logger.info("portal.token.expired session=%s", session_id[:8])
            return None
        return rec

    def _in_session(self, limited: str | None = None
                    ) -> Callable[[Callable[..., Awaitable[HTTPResponse]]],
                                  Callable[..., Awaitable[HTTPResponse]]]:
        """A route of a session's own requests: ``handler(request, rec, lang, …)`` gets the
        request's session (:meth:`_auth`) and the language to answer in, the one the request
        asks for or the conversation's.  A request without a session gets the 401; with
        ``limited`` ("messages", "uploads"), one over that rate limit of its address or its
        session gets the 429."""

        def decorate(handler: Callable[..., Awaitable[HTTPResponse]]
                     ) -> Callable[..., Awaitable[HTTPResponse]]:
            @functools.wraps(handler)
            async def route(request: Request, **params: Any) -> HTTPResponse:
                rec = await self._auth(request)
                if rec is None:
                    return error(401, "unauthorized", request_lang(request))
                lang = request_lang(request, "") or rec.lang
                if limited:
                    rates = self.settings.rates
                    per_address, per_session = {
                        "messages": (rates.messages_per_address, rates.messages_per_session),
                        "uploads": (rates.uploads_per_address, rates.uploads_per_session),
                    }[limited]
                    refused = await self._limited(request, limited, per_address, rec.id,
                                                  per_session, lang)
                    if refused:
                        return refused
                return await handler(request, rec, lang, **params)

            return route

        return decorate

    def _upload_max(self) -> int:
        return self.settings.limits.max_file_bytes * self.max_files_per_request + (1 << 20)

    async def _read_body(self, request: Request) -> HTTPResponse | None:
        """Read a streamed upload's body, refusing (413) one that declares or sends more
        than the limit without reading the rest."""
        limit = self._upload_max()
        lang = request_lang(request)
        too_large = error(413, "request_too_large", lang, mb=mb(limit),
                          file_mb=mb(self.settings.limits.max_file_bytes))
        declared = request.headers.get("content-length", "")
        if declared and (not declared.isascii() or not declared.isdigit()
                         or int(declared) > limit):
            return too_large
        stream = request.stream
        if stream is None:
            return too_large
        stream.request_max_size = limit
        body = bytearray()
        try:
            while True:
                chunk = await stream.read()
                if chunk is None:
                    break
                body += chunk
                if len(body) > limit:
                    return too_large
        except PayloadTooLarge:
            return too_large
        request.body = bytes(body)
        return None

    async def _limited(self, request: Request, kind: str, per_address: int,
                       session_id: str | None = None, per_session: int = 0,
                       lang: str = "zh") -> HTTPResponse | None:
        """A 429 in the user's language when the address or the session is over its limit."""
        return await limited(self.limiter, request, kind, per_address, session_id,
                             per_session, lang)

    async def _turn(self, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                    session_id: str, text: str, lang: str,
                    metadata: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one turn and collect the bot's messages.  A turn that fails, or that ends
        without a word from the bot (the action server is down), yields a clear
        "try again" message instead of silence."""
        collector = CollectingOutputChannel()
        meta = {"lang": lang, **(metadata or {})}
        sender = portal_sender(session_id, self.settings)
        try:
            await on_new_message(UserMessage(text, collector, sender,
                                             input_channel=CHANNEL, metadata=meta))
        except Exception:  # the tracker store or lock store is unreachable, or a bug
            logger.exception("portal.turn.failed session=%s", session_id[:8])
            return [{"recipient_id": session_id, "text": t("try_again", lang),
                     "custom": {"error": "turn_failed"}}]
        if not collector.messages:
            logger.warning("portal.turn.silent session=%s", session_id[:8])
            return [{"recipient_id": session_id, "text": t("try_again", lang),
                     "custom": {"error": "no_reply"}}]
        messages = [{**m, "recipient_id": session_id} for m in collector.messages]
        if any(isinstance(m.get("custom"), dict) and "deleted" in m["custom"] for m in messages):
            # "Delete my data" was confirmed: now that the turn is saved, the conversation
            # and the session go too (the token stops working).
            try:
                await self._db(self.store.forget_session, session_id)
            except StoreUnavailable:
                logger.exception("portal.forget.failed session=%s", session_id[:8])
        return messages

    # -- routes --------------------------------------------------------------------------

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("portal", __name__)
        limits = self.settings.limits
        rates = self.settings.rates

        @bp.listener("before_server_start")
        async def _configure(app: Any, _loop: Any) -> None:
            # Sanic refuses a larger body before reading it.  Only the upload route, which
            # reads its body itself after checking the token, takes more.
            app.config.REQUEST_MAX_SIZE = SMALL_BODY_BYTES
            await self._db(lambda: self.store)  # create tables, fail early
            # Start the parser workers now, so the first upload does not wait for them; then
            # read any file whose parse a crash interrupted.
            asyncio.ensure_future(self.uploads.start_parsers(started=time.time()))

        @bp.exception(PayloadTooLarge)
        async def _too_large(request: Request, _exc: Exception) -> HTTPResponse:
            # Sanic stops reading a body over REQUEST_MAX_SIZE: say so in the user's words.
            return error(413, "request_too_large", request_lang(request),
                         mb=mb(self._upload_max()), file_mb=mb(limits.max_file_bytes))

        # The page ------------------------------------------------------------------------

        @bp.route("/", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            return await self._static("index.html")

        @bp.route("/static/<name:str>", methods=["GET"])
        async def static(request: Request, name: str) -> HTTPResponse:
            return await self._static(name)

        bp.add_route(health, "/api/v1/health", methods=["GET"])

        # Sessions and messages -------------------------------------------------------------

        @bp.route("/api/v1/sessions", methods=["POST"])
        async def start_session(request: Request) -> HTTPResponse:
            lang = request_lang(request)
            body = request.json if request.body and is_json(request) else {}
            if isinstance(body, dict) and body.get("lang") in ("zh", "en"):
                lang = body["lang"]
            refused = await self._limited(request, "sessions", rates.sessions_per_address,
                                          lang=lang)
            if refused:
                return refused
            try:
                rec = await self._db(self.store.create_session, "web", lang)
            except StoreUnavailable:
                return error(503, "unavailable", lang)
            return response.json({"token": issue_token(rec.id, self.settings),
                                  "session_id": rec.id, "reference": rec.reference,
                                  "lang": rec.lang}, status=201, headers=SECURITY_HEADERS)

        @bp.route("/api/v1/messages", methods=["POST"])
        @self._in_session("messages")
        async def message(request: Request, rec: SessionRecord, previous: str) -> HTTPResponse:
            # Errors speak the language of the conversation, or of the text that was sent.
            session_id = rec.id
            if not is_json(request):
                return error(400, "bad_json", previous)
            body = request.json
            text = body.get("text") if isinstance(body, dict) else None
            if not isinstance(text, str) or not text.strip():
                return error(400, "empty_message", previous)
            limit = self.settings.limits.max_message_chars
            if len(text) > limit:
                return error(413, "message_too_long",
                             message_language(text[:limit], previous), n=limit)
            lang = message_language(text, previous)
            await self._safe_touch(session_id, lang)
            messages = await self._turn(on_new_message, session_id, text.strip(), lang)
            return response.json({"messages": messages}, headers=SECURITY_HEADERS)

        @bp.route("/api/v1/history", methods=["GET"])
        async def history(request: Request) -> HTTPResponse:
            rec = await self._auth(request)
            if rec is None:
                return error(401, "unauthorized", request_lang(request))
            agent = request.app.ctx.agent
            try:
                tracker = await agent.tracker_store.retrieve(
                    portal_sender(rec.id, self.settings))
            except Exception:
                logger.exception("portal.history.failed")
                return error(503, "unavailable", request_lang(request))
            return response.json({"reference": rec.reference, "lang": rec.lang,
                                  "events": history_events(tracker)}, headers=SECURITY_HEADERS)

        # Uploads --------------------------------------------------------------------------

        @bp.route("/api/v1/uploads", methods=["POST"], stream=True)
        @self._in_session("uploads")
        async def upload(request: Request, rec: SessionRecord, asked: str) -> HTTPResponse:
            # The token, the limits and the declared size are checked on the headers; the
            # body is read only then, and only up to the limit.
            session_id = rec.id
            too_large = await self._read_body(request)
            if too_large:
                return too_large
            form_lang = request.form.get("lang") if request.form else None
            lang = form_lang if form_lang in ("zh", "en") else asked
            files = request.files.getlist("file") if request.files else None
            if not files:
                return error(400, "no_file", lang)
            if len(files) > self.max_files_per_request:
                return error(400, "too_many_files", lang, n=self.max_files_per_request)
            replaces = (request.form.get("replaces") if request.form else None) or None
            if replaces is not None and not is_generated(replaces):
                return error(400, "bad_id", lang)
            await self._safe_touch(session_id, form_lang)
            try:
                out = await self.uploads.accept(
                    session_id, [IncomingFile(f.name or "", f.body) for f in files], replaces)
            except (StoreUnavailable, WorkerStartError):
                # Not the files' fault: they are kept and read again when the server starts.
                logger.exception("portal.upload.failed session=%s", session_id[:8])
                return error(503, "unavailable", lang)
            meta = {"upload_ids": [r.id for r in out.accepted], "rejected": out.rejected,
                    "replaced": out.replaced}
            messages = await self._turn(on_new_message, session_id, "/file_uploaded", lang, meta)
            return response.json({
                "files": await self.uploads.described(session_id, out, lang),
                "replaced": out.replaced,
                "messages": messages,
            }, headers=SECURITY_HEADERS)

        @bp.route("/api/v1/uploads", methods=["GET"])
        @self._in_session()
        async def list_uploads(request: Request, rec: SessionRecord, lang: str) -> HTTPResponse:
            session_id = rec.id
            try:
                files = await self.uploads.listing(session_id, lang)
            except StoreUnavailable:
                return error(503, "unavailable", lang)
            return response.json({"files": files}, headers=SECURITY_HEADERS)

        @bp.route("/api/v1/uploads/<upload_id:str>", methods=["DELETE"])
        @self._in_session()
        async def delete_upload(request: Request, rec: SessionRecord, lang: str,
                                upload_id: str) -> HTTPResponse:
            session_id = rec.id
            removed = await self.uploads.remove(session_id, upload_id) if is_generated(
                upload_id) else None
            if removed is None:  # someone else's file looks exactly like no file
                return error(404, "not_found", lang)
            messages = await self._turn(on_new_message, session_id, "/file_removed", lang,
                                        {"removed": removed.name})
            return response.json({"removed": removed.name, "messages": messages},
                                 headers=SECURITY_HEADERS)

        # Reports --------------------------------------------------------------------------

        @bp.route("/api/v1/reports", methods=["POST"])
        @self._in_session()
        async def make_report(request: Request, rec: SessionRecord, lang: str) -> HTTPResponse:
            session_id = rec.id
            await self._safe_touch(session_id, None)
            messages = await self._turn(on_new_message, session_id, "/request_report", lang)
            report = next((m["custom"]["report"] for m in messages
                           if isinstance(m.get("custom"), dict) and "report" in m["custom"]),
                          None)
            return response.json({"report": report, "messages": messages},
                                 headers=SECURITY_HEADERS)

        @bp.route("/api/v1/reports/<name:str>", methods=["GET"])
        async def get_report(request: Request, name: str) -> HTTPResponse:
            lang = request_lang(request)
            report_id, _, fmt = name.partition(".")
            if fmt not in REPORT_FORMATS or not is_generated(report_id):
                return error(404, "not_found", lang)
            session = await self._auth(request)
            if session is not None:
                rec = await self._db(self.store.get_report, session.id, report_id)
            elif check_signed(request.path, request.args.get("exp"), request.args.get("sig"),
                              self.settings):
                rec = await self._db(self.store.get_report_by_id, report_id)
            else:
                return error(401, "unauthorized", lang)
            if rec is None or fmt not in rec.formats:
                return error(404, "not_found", lang)
            return await self._send_stored(rec.formats[fmt], fmt, f"precheck-{rec.reference}.{fmt}")

        @bp.route("/api/v1/templates/<name:str>", methods=["GET"])
        async def template(request: Request, name: str) -> HTTPResponse:
            kind = name.removesuffix(".docx")
            if kind not in ("annex1", "annex2"):
                return error(404, "not_found", request_lang(request))
            data = await self._db(template_bytes, kind)
            filename = {"annex1": "附件1-国外职业资格证书及其发证机构资格审核注册表.docx",
                        "annex2": "附件2-国外职业资格证书发证机构年度核发证书信息汇总表.docx"}[kind]
            return download(data, "docx", filename)

        # Staff --------------------------------------------------------------------------------

        def _staff_ok(request: Request) -> bool:
            return same_secret(bearer(request), os.environ.get("ASSISTANT_STAFF_TOKEN", ""))

        @bp.route("/api/v1/staff/reports/<reference:str>", methods=["GET"])
        async def staff_report(request: Request, reference: str) -> HTTPResponse:
            lang = request_lang(request)
            if not _staff_ok(request):
                return error(403, "staff_only", lang)
            ref, _, fmt = reference.partition(".")
            fmt = fmt or "json"
            if fmt not in REPORT_FORMATS:
                return error(404, "not_found", lang)
            rec = await self._db(self.store.latest_report, ref)
            if rec is None or fmt not in rec.formats:
                return error(404, "no_report", lang, reference=ref)
            return await self._send_stored(rec.formats[fmt], fmt, f"precheck-{rec.reference}.{fmt}")

        @bp.route("/api/v1/staff/handoffs", methods=["GET"])
        async def staff_handoffs(request: Request) -> HTTPResponse:
            lang = request_lang(request)
            if not _staff_ok(request):
                return error(403, "staff_only", lang)
            try:
                since = float(request.args.get("since", "0") or 0)
            except ValueError:
                return error(400, "bad_since", lang)
            try:
                rows = await self._db(self.store.handoffs, since)
            except StoreUnavailable:
                return error(503, "unavailable", lang)
            return response.json({"handoffs": [
                {"reference": h.reference, "lang": h.lang, "note": h.note,
                 "created_at": h.created_at} for h in rows]}, headers=SECURITY_HEADERS)

        # WeChat ------------------------------------------------------------------------------

        @bp.route("/api/v1/wx/login", methods=["POST"])
        async def wx_login(request: Request) -> HTTPResponse:
            lang = request_lang(request)
            body = request.json if is_json(request) else None
            code = body.get("code") if isinstance(body, dict) else None
            if not isinstance(code, str) or not code.strip() or len(code) > 256:
                return error(400, "no_code", lang)
            refused = await self._limited(request, "sessions", rates.sessions_per_address,
                                          lang=lang)
            if refused:
                return refused
            try:
                openid = await self.code2session.openid(code.strip())
            except WeChatError as exc:
                logger.warning("portal.wx.login.failed errcode=%s", exc.errcode)
                return error(502, "wechat_login_failed", lang)
            if not is_id(openid):
                logger.warning("portal.wx.login.bad_openid")
                return error(502, "wechat_login_failed", lang)
            try:
                rec = await self._db(self.store.session_by_openid, openid)
                if rec is None:
                    rec = await self._db(lambda: self.store.create_session(
                        "wechat", lang, wx_openid=openid))
            except StoreUnavailable:
                return error(503, "unavailable", lang)
            return response.json({"token": issue_token(rec.id, self.settings),
                                  "session_id": rec.id, "reference": rec.reference,
                                  "lang": rec.lang}, headers=SECURITY_HEADERS)

        @bp.route("/api/v1/duties.ics", methods=["GET"])
        async def duties_ics(request: Request) -> HTTPResponse:
            # No personal data: the dates asked, the year and the area; every one validated.
            import datetime as dt

            from bot.service.duties import DutyRequestError, duty_calendar, parse_request

            lang = request_lang(request)
            today = dt.date.today()
            try:
                dates, year, area, lang = parse_request(
                    request.args.get("dates"), request.args.get("year"),
                    request.args.get("area"), request.args.get("lang"), today)
            except DutyRequestError as exc:
                return error(400, exc.code, lang)
            data = duty_calendar(dates, year, area, lang, today)
            return download(data, "ics", "duties.ics")

        # The staff console, the pages' words and the applicant's checklist (channels/staff.py).
        StaffConsole(self, error=error, download=download, history=history_events,
                     request_lang=request_lang).register(bp)

        self.official_account.routes(bp, on_new_message)

        return bp

    # -- helpers -------------------------------------------------------------------------

    async def _safe_touch(self, session_id: str, lang: str | None) -> None:
        """Mark the session active now (retention and the token's expiry count from here).
        A session that was deleted or purged is never re-created."""
        try:
            await self._db(self.store.touch, session_id, lang)
        except StoreUnavailable:
            logger.warning("portal.store.unavailable")

    async def _static(self, name: str) -> HTTPResponse:
        if "/" in name or "\\" in name or name.startswith("."):
            return response.text("not found", status=404)
        path = WEB_DIR / name
        if not path.is_file():
            return response.text("not found", status=404)
        ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript",):
            ctype += "; charset=utf-8"
        headers = dict(SECURITY_HEADERS)
        headers["Cache-Control"] = "no-cache"
        if name.endswith(".html"):
            headers["Content-Security-Policy"] = PAGE_CSP
        body = page.index_html() if name == "index.html" else path.read_bytes()
        return response.raw(body, content_type=ctype, headers=headers)

    async def _send_stored(self, stored: str, fmt: str, filename: str) -> HTTPResponse:
        try:
            data = await self._db(self.store.path(stored).read_bytes)
        except FileNotFoundError:
            return error(404, "not_found")
        return download(data, fmt, filename)
