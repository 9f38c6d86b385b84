"""The official account (公众号) webhook: WeChat pushes its followers' messages here, in
plaintext or, with ``ASSISTANT_WX_OA_AES_KEY`` set, in safe mode only (encrypted and
signed with ``msg_signature``, :mod:`channels.wechat_crypto`).  Every request's
``timestamp:nonce`` is recorded in the shared database, so a captured request replayed on
any server instance is refused.  The follower's openid must match the id pattern.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.i18n import t
from bot.precheck.language import message_language
from bot.service.ids import is_id
from bot.service.store import SessionRecord, StoreUnavailable
from channels.wechat import (
    REPLY_DEADLINE_SECONDS,
    CustomerServiceClient,
    SignatureChecker,
    WeChatConfig,
    WeChatError,
    parse_message,
    text_reply,
)
from channels.wechat_crypto import MessageCrypto, encrypted_part

logger = logging.getLogger(__name__)


@dataclass
class _PendingReply:
    """An official-account message being answered.  WeChat asks again (up to three times)
    when no reply comes within 5 s; the answer goes out once: as the passive reply to one of
    those requests, or later through the customer-service message API."""

    answer: asyncio.Future[str]
    delivered: bool = False
    late: bool = False  # the customer-service API will deliver it



class OfficialAccount:
    """The webhook's routes and turns; ``portal`` runs the turns and owns the store."""

    def __init__(self, portal: Any, config: WeChatConfig) -> None:
        self.portal = portal
        self.checker = SignatureChecker(config.oa_token)
        self.crypto = MessageCrypto(config.oa_token, config.oa_aes_key,
                                    config.oa_app_id) if config.oa_aes_key else None
        self.customer_service = CustomerServiceClient(config)
        self._wx_pending: dict[str, _PendingReply] = {}

    def routes(self, bp: Blueprint,
               on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        @bp.route("/wx/official", methods=["GET"])
        async def wx_verify(request: Request) -> HTTPResponse:
            a = request.args
            reason = self.checker.check(a.get("signature"), a.get("timestamp"), a.get("nonce"))
            if reason:
                return response.text("invalid signature", status=403)
            return response.text(a.get("echostr", ""))

        @bp.route("/wx/official", methods=["POST"])
        async def wx_message(request: Request) -> HTTPResponse:
            a = request.args
            ts, nonce = a.get("timestamp") or "", a.get("nonce") or ""
            crypto = self.crypto
            try:
                if crypto is not None:  # safe mode: plaintext messages are refused
                    if a.get("encrypt_type") != "aes":
                        return response.text("encrypted messages only", status=403)
                    encrypted = encrypted_part(request.body or b"")
                    if not crypto.check_signature(a.get("msg_signature"), ts, nonce, encrypted):
                        return response.text("invalid signature", status=403)
                    incoming = parse_message(crypto.decrypt(encrypted))
                else:
                    incoming = parse_message(request.body or b"")
            except Exception:  # malformed XML or ciphertext
                return response.text("bad request", status=400)
            reason = self.checker.check(a.get("signature"), ts, nonce,
                                        message_key=incoming.msg_id, remember=False)
            if reason:
                return response.text("invalid signature", status=403)
            if not is_id(incoming.from_user):
                logger.warning("wx.official.bad_openid")
                return response.text("bad request", status=400)
            try:  # a nonce used on any instance for another message is a replay
                fresh = await self.portal._db(self.portal.store.use_nonce, f"{ts}:{nonce}",
                                              incoming.msg_id)
            except StoreUnavailable:
                return response.text("unavailable", status=503)
            if not fresh:
                logger.warning("wx.official.replay")
                return response.text("invalid signature", status=403)
            wrap = (lambda xml: crypto.encrypt(xml, nonce)) if crypto else (lambda xml: xml)
            return await self.turn(on_new_message, incoming, wrap)

    async def turn(self, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                   incoming: Any, wrap: Callable[[str], str] = lambda x: x) -> HTTPResponse:
        """Answer within WeChat's 5 seconds; a slower turn is answered later through the
        customer-service message API.  WeChat's retries of one MsgId are not run again."""
        if incoming.msg_type != "text":
            lang = "zh"
            return response.text(wrap(text_reply(incoming, t("wechat_text_only", lang))),
                                 content_type="application/xml")
        pending = self._wx_pending.get(incoming.msg_id)
        if pending is None:
            try:
                first = await self.portal._db(self.portal.store.first_delivery, incoming.msg_id)
                if not first:
                    return response.text("success")  # a retry handled by another instance
                session = await self._wx_session(incoming.from_user)
            except StoreUnavailable:
                return response.text(wrap(text_reply(incoming, t("try_again", "zh"))),
                                     content_type="application/xml")
            session_id = session.id
            lang = message_language(incoming.content, session.lang)
            await self.portal._safe_touch(session_id, lang)
            pending = _PendingReply(asyncio.get_running_loop().create_future())
            self._wx_pending[incoming.msg_id] = pending

            async def run() -> None:
                messages = await self.portal._turn(on_new_message, session_id,
                                                   incoming.content, lang)
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
        return response.text(wrap(text_reply(incoming, answer)), content_type="application/xml")

    async def _deliver_late(self, openid: str, pending: _PendingReply) -> None:
        """The answer to a turn slower than WeChat waits, through the customer-service API."""
        answer = await pending.answer
        pending.delivered = True
        try:
            await self.customer_service.send_text(openid, answer)
        except WeChatError as exc:
            logger.warning("wx.official.late_reply.failed errcode=%s", exc.errcode)

    async def _wx_session(self, openid: str) -> SessionRecord:
        """The official-account follower's session (one per openid)."""
        key = f"oa:{openid}"
        rec = await self.portal._db(self.portal.store.session_by_openid, key)
        if rec is None:
            rec = await self.portal._db(lambda: self.portal.store.create_session(
                "wechat-oa", "zh", wx_openid=key))
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
