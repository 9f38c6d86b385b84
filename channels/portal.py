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
processes (bot.precheck), so a slow file never holds up other conversations.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import mimetypes
import os
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import files as upload_rules
from bot.i18n import t
from bot.lang import message_language
from bot.messages import file_problem_label, material_name
from bot.package import unique_name
from bot.settings import get_settings
from bot.store import REPORT_FORMATS, Store, StoreUnavailable
from bot.templates import template_bytes
from bot.tokens import check_signed, issue_token, session_from_token
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

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
CHANNEL = "portal"
_CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}
_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
_PAGE_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
             "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


def _error(status: int, code: str, lang: str = "zh", **kw: Any) -> HTTPResponse:
    return response.json({"error": code, "message": t(f"api_error_{code}", lang, **kw)},
                         status=status, headers=_SECURITY_HEADERS)


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
                                              thread_name_prefix="parse")
        self._store: Store | None = None
        self._wx_pending: dict[str, asyncio.Future[str]] = {}

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
        explicit = _request_lang(request, "")
        if explicit:
            return explicit
        rec = await self._db(self.store.get_session, session_id)
        return rec.lang if rec else "zh"

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
            lang = _request_lang(request)
            if not session_id:
                return _error(401, "unauthorized", lang)
            body = request.json if _is_json(request) else None
            text = body.get("text") if isinstance(body, dict) else None
            if not isinstance(text, str) or not text.strip():
                return _error(400, "empty_message", lang)
            if len(text) > 2000:
                return _error(400, "message_too_long", lang)
            lang = message_language(text, await self._session_lang(request, session_id))
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
            lang = _request_lang(request)
            if not session_id:
                return _error(401, "unauthorized", lang)
            lang = (request.form.get("lang") if request.form else None) or \
                await self._session_lang(request, session_id)
            files = request.files.getlist("file") if request.files else None
            if not files:
                return _error(400, "no_file", lang)
            if len(files) > self.max_files_per_request:
                return _error(400, "too_many_files", lang, n=self.max_files_per_request)
            try:
                existing = await self._db(self.store.uploads, session_id)
            except StoreUnavailable:
                return _error(503, "unavailable", lang)
            room = limits.max_files_per_session - len(existing)
            replaces = request.form.get("replaces") if request.form else None
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
            results = await asyncio.gather(*(self._analyse(rec) for rec in accepted))
            if replaces and accepted:
                old = await self._db(self.store.remove_upload, session_id, replaces)
                replaced = old.name if old else None
            else:
                replaced = None
            meta = {"upload_ids": [r.id for r in accepted], "rejected": rejected,
                    "replaced": replaced}
            messages = await self._turn(on_new_message, session_id, "/file_uploaded", lang, meta)
            return response.json({
                "files": [_upload_json(u, lang) for u in results] + [
                    {"name": r["name"], "accepted": False, "problems": [r["code"]],
                     "detail": r["detail"]} for r in rejected],
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
            return response.json({"files": [_upload_json(u, lang) for u in ups]},
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
            if not _staff_ok(request):
                return _error(403, "staff_only", _request_lang(request))
            since = float(request.args.get("since", "0") or 0)
            rows = await self._db(self.store.handoffs, since)
            return response.json({"handoffs": [
                {"reference": h.reference, "lang": h.lang, "note": h.note,
                 "created_at": h.created_at} for h in rows]})

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

        return bp

    # -- helpers -------------------------------------------------------------------------

    async def _safe_touch(self, session_id: str, lang: str) -> None:
        try:
            rec = await self._db(self.store.get_session, session_id)
            if rec is None:
                await self._db(self.store.ensure_session, session_id, CHANNEL, lang)
            else:
                await self._db(self.store.touch, session_id, lang)
        except StoreUnavailable:
            logger.warning("portal.store.unavailable")

    async def _analyse(self, rec: Any) -> Any:
        """Parse one stored upload in a worker process and record the analysis."""
        from bot.precheck import analyse_file

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
        return response.raw(path.read_bytes(), content_type=ctype, headers=headers)

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
            first = await self._db(self.store.first_delivery, incoming.msg_id)
            if not first:
                return response.text("success")  # a retry handled by another instance
            session_id = await self._wx_session(incoming.from_user)
            lang = message_language(incoming.content, "zh")
            pending = asyncio.get_running_loop().create_future()
            self._wx_pending[incoming.msg_id] = pending

            async def run() -> None:
                messages = await self._turn(on_new_message, session_id, incoming.content, lang)
                pending.set_result(_plain_text(messages))

            task = asyncio.ensure_future(run())
            task.add_done_callback(lambda _t: asyncio.get_event_loop().call_later(
                60, self._wx_pending.pop, incoming.msg_id, None))
        try:
            answer = await asyncio.wait_for(asyncio.shield(pending), REPLY_DEADLINE_SECONDS)
            if getattr(pending, "_delivered", False):
                return response.text("success")
            pending._delivered = True  # type: ignore[attr-defined]
            return response.text(text_reply(incoming, answer), content_type="application/xml")
        except asyncio.TimeoutError:
            if not getattr(pending, "_late", False):
                pending._late = True  # type: ignore[attr-defined]

                async def deliver_late() -> None:
                    answer = await pending
                    pending._delivered = True  # type: ignore[attr-defined]
                    try:
                        await self.customer_service.send_text(incoming.from_user, answer)
                    except WeChatError as exc:
                        logger.warning("portal.wx.late_reply.failed errcode=%s", exc.errcode)

                asyncio.ensure_future(deliver_late())
            return response.text("success")

    async def _wx_session(self, openid: str) -> str:
        key = f"oa:{openid}"
        rec = await self._db(self.store.session_by_openid, key)
        if rec is None:
            rec = await self._db(lambda: self.store.create_session("wechat-oa", "zh",
                                                                   wx_openid=key))
        return rec.id


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


def _upload_json(u: Any, lang: str) -> dict[str, Any]:
    a = u.analysis
    problems = [p for p in (a.problem_codes if a else []) if p != "unclassified" or
                u.materials_override is None]
    return {
        "id": u.id, "name": u.name, "size": u.size, "accepted": True, "status": u.status,
        "materials": u.materials,
        "material_names": [f"{m} {material_name(m, lang)}" for m in u.materials],
        "language": a.language if a else None,
        "problems": problems,
        "problem_labels": [file_problem_label(p, lang) for p in problems
                           if p != "unclassified"],
        "candidates": [m for m, _ in a.candidates] if a else [],
        "confirmed": u.materials_override is not None,
    }


def _plain_text(messages: list[dict[str, Any]]) -> str:
    """Bot messages as one plain text for WeChat (buttons become numbered options)."""
    parts = []
    for m in messages:
        if m.get("text"):
            parts.append(m["text"])
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

