"""The REST channel for local development, tests and evaluation scripts:
``POST /webhooks/rest/webhook`` with ``{"sender": "...", "message": "..."}``, as Rasa's own.

What it does not allow, unlike Rasa's:

* a ``sender`` outside the id pattern (:data:`bot.service.ids.ID_PATTERN`: 1–64 letters,
  digits, ``-`` or ``_``) — 400;
* reaching another channel's conversation: the conversation is ``rest-<sender>``, a
  namespace no portal or WeChat session lives in, so its actions never touch stored files,
  reports or deletion (they answer that those need the chat page);
* ``metadata`` other than ``{"lang": "zh"|"en"}``, and ``input_channel``: ignored;
* a request from a web page on another site (an ``Origin`` header that is not this
  machine) or a body that is not ``application/json`` (a cross-site ``text/plain`` form
  post) — 403 / 415;
* a message over ``ASSISTANT_MAX_MESSAGE_CHARS`` — 413; more requests than the rate
  limits allow — 429;
* running outside local mode: with ``ASSISTANT_MODE=production`` the webhook answers 404
  (and ``deploy/credentials.yml`` does not load this channel at all).

Replies are Rasa's: a JSON list of ``{"recipient_id": <sender>, "text": …}``.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.precheck.language import message_language
from bot.service.ids import is_id
from bot.service.ratelimit import RateLimiter
from bot.service.session_tokens import REST_PREFIX
from bot.settings import get_settings
from channels.http import error, foreign_origin, health, json_content_type, limited, request_lang

logger = logging.getLogger(__name__)


class LocalRestInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def __init__(self, **_: Any) -> None:
        self.settings = get_settings()
        self.limiter = RateLimiter(self.settings.redis_url)

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> LocalRestInput:
        return cls(**(credentials or {}))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("local_rest_webhook", __name__)
        rates = self.settings.rates

        bp.add_route(health, "/", methods=["GET"])

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            lang = request_lang(request)
            if self.settings.mode != "local":
                return error(404, "not_found", lang)
            if foreign_origin(request):
                logger.warning("rest.refused reason=origin")
                return error(403, "cross_origin", lang)
            if not json_content_type(request):
                return error(415, "bad_content_type", lang)
            try:
                body = request.json
            except Exception:  # noqa: BLE001 - not JSON
                body = None
            if not isinstance(body, dict):
                return error(400, "bad_json", lang)
            sender, text = body.get("sender"), body.get("message")
            if not isinstance(sender, str) or not is_id(sender):
                logger.warning("rest.refused reason=sender value=%r", repr(sender)[:80])
                return error(400, "bad_sender", lang)
            if not isinstance(text, str) or not text.strip():
                return error(400, "empty_message", lang)
            limit = self.settings.limits.max_message_chars
            if len(text) > limit:
                return error(413, "message_too_long", message_language(text[:limit], lang),
                             n=limit)
            refused = await limited(self.limiter, request, "messages",
                                    rates.messages_per_address, "rest:" + sender,
                                    rates.messages_per_session, lang)
            if refused:
                return refused
            meta = body.get("metadata")
            meta = {"lang": meta["lang"]} if isinstance(meta, dict) and meta.get("lang") in (
                "zh", "en") else None
            collector = CollectingOutputChannel()
            await on_new_message(UserMessage(text, collector, REST_PREFIX + sender,
                                             input_channel=self.name(), metadata=meta))
            return response.json([{**m, "recipient_id": sender} for m in collector.messages])

        return bp
