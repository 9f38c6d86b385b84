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
    POST   /api/v1/wx/login           {"code": …} from wx.login
    GET/POST /wx/official             the official account's message webhook
    GET    /api/v1/staff/reports/<reference>[.fmt], /api/v1/staff/handoffs  (staff token)

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
import time
from collections.abc import Awaitable, Callable
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
from bot.precheck.blanks import template_bytes
from bot.precheck.language import message_language
from bot.precheck.sandbox import WorkerStartError
from bot.service.session_tokens import check_signed, issue_token, session_from_token
from bot.service.store import REPORT_FORMATS, SessionRecord, Store, StoreUnavailable
from bot.service.uploads import IncomingFile, Uploads
from bot.settings import get_settings
from channels.http import (
    PAGE_CSP,
    SECURITY_HEADERS,
    bearer,
    download,
    error,
    is_json,
    mb,
    request_lang,
)
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
FORM_ID = "4.1"  # the registration form (附件1) in the materials list
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
        self._store: Store | None = None
        self.uploads = Uploads(lambda: self.store, self.settings)
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
        return session_from_token(bearer(request), self.settings)

    async def _session_lang(self, request: Request, session_id: str) -> str:
        """The language the user chose (header or ?lang=), else the session's."""
        explicit = request_lang(request, "")
        if explicit:
            return explicit
        try:
            rec = await self._db(self.store.get_session, session_id)
        except StoreUnavailable:
            return request_lang(request)
        return rec.lang if rec else request_lang(request)

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
            asyncio.ensure_future(self.uploads.start_parsers(started=time.time()))

        @bp.exception(PayloadTooLarge)
        async def _too_large(request: Request, _exc: Exception) -> HTTPResponse:
            # Sanic stops reading a body over REQUEST_MAX_SIZE: say so in the user's words.
            return error(413, "request_too_large", request_lang(request),
                          mb=mb(request.app.config.REQUEST_MAX_SIZE),
                          file_mb=mb(limits.max_file_bytes))

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
            lang = request_lang(request)
            body = request.json if request.body and is_json(request) else {}
            if isinstance(body, dict) and body.get("lang") in ("zh", "en"):
                lang = body["lang"]
            try:
                rec = await self._db(self.store.create_session, "web", lang)
            except StoreUnavailable:
                return error(503, "unavailable", lang)
            return response.json({"token": issue_token(rec.id, self.settings),
                                  "session_id": rec.id, "reference": rec.reference,
                                  "lang": rec.lang}, status=201, headers=SECURITY_HEADERS)

        @bp.route("/api/v1/messages", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            session_id = self._session(request)
            if not session_id:
                return error(401, "unauthorized", request_lang(request))
            # Errors speak the language of the conversation, or of the text that was sent.
            previous = await self._session_lang(request, session_id)
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
            session_id = self._session(request)
            if not session_id:
                return error(401, "unauthorized", request_lang(request))
            agent = request.app.ctx.agent
            try:
                tracker = await agent.tracker_store.retrieve(session_id)
            except Exception:
                logger.exception("portal.history.failed")
                return error(503, "unavailable", request_lang(request))
            rec = await self._db(self.store.get_session, session_id)
            return response.json({"reference": rec.reference if rec else None,
                                  "lang": rec.lang if rec else "zh",
                                  "events": history(tracker)}, headers=SECURITY_HEADERS)

        # Uploads --------------------------------------------------------------------------

        @bp.route("/api/v1/uploads", methods=["POST"])
        async def upload(request: Request) -> HTTPResponse:
            session_id = self._session(request)
            if not session_id:
                return error(401, "unauthorized", request_lang(request))
            form_lang = request.form.get("lang") if request.form else None
            lang = form_lang if form_lang in ("zh", "en") else \
                await self._session_lang(request, session_id)
            files = request.files.getlist("file") if request.files else None
            if not files:
                return error(400, "no_file", lang)
            if len(files) > self.max_files_per_request:
                return error(400, "too_many_files", lang, n=self.max_files_per_request)
            replaces = (request.form.get("replaces") if request.form else None) or None
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
        async def list_uploads(request: Request) -> HTTPResponse:
            session_id = self._session(request)
            if not session_id:
                return error(401, "unauthorized", request_lang(request))
            lang = await self._session_lang(request, session_id)
            try:
                files = await self.uploads.listing(session_id, lang)
            except StoreUnavailable:
                return error(503, "unavailable", lang)
            return response.json({"files": files}, headers=SECURITY_HEADERS)

        @bp.route("/api/v1/uploads/<upload_id:str>", methods=["DELETE"])
        async def delete_upload(request: Request, upload_id: str) -> HTTPResponse:
            session_id = self._session(request)
            lang = request_lang(request)
            if not session_id:
                return error(401, "unauthorized", lang)
            lang = await self._session_lang(request, session_id)
            rec = await self.uploads.remove(session_id, upload_id)
            if rec is None:  # someone else's file looks exactly like no file
                return error(404, "not_found", lang)
            messages = await self._turn(on_new_message, session_id, "/file_removed", lang,
                                        {"removed": rec.name})
            return response.json({"removed": rec.name, "messages": messages},
                                 headers=SECURITY_HEADERS)

        # Reports --------------------------------------------------------------------------

        @bp.route("/api/v1/reports", methods=["POST"])
        async def make_report(request: Request) -> HTTPResponse:
            session_id = self._session(request)
            lang = request_lang(request)
            if not session_id:
                return error(401, "unauthorized", lang)
            lang = await self._session_lang(request, session_id)
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
            if fmt not in REPORT_FORMATS:
                return error(404, "not_found", lang)
            session_id = self._session(request)
            if session_id:
                rec = await self._db(self.store.get_report, session_id, report_id)
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
            expected = os.environ.get("ASSISTANT_STAFF_TOKEN", "")
            given = bearer(request) or ""
            return bool(expected) and hmac.compare_digest(given, expected)

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
            try:
                openid = await self.code2session.openid(code.strip())
            except WeChatError as exc:
                logger.warning("portal.wx.login.failed errcode=%s", exc.errcode)
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
        return response.raw(path.read_bytes(), content_type=ctype, headers=headers)

    async def _send_stored(self, stored: str, fmt: str, filename: str) -> HTTPResponse:
        try:
            data = await self._db(self.store.path(stored).read_bytes)
        except FileNotFoundError:
            return error(404, "not_found")
        return download(data, fmt, filename)

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
