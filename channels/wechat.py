"""WeChat: mini-program login (code2Session), official-account message signatures and XML,
and the customer-service message API for answers that take longer than WeChat waits.

The HTTP clients take their base URL from settings so tests can point them at a fake
WeChat server on loopback.  ``session_key`` from code2Session is never stored or returned.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import os
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

import aiohttp
from defusedxml import ElementTree as SafeET

DEFAULT_API_BASE = "https://api.weixin.qq.com"
SIGNATURE_WINDOW_SECONDS = 300
REPLY_DEADLINE_SECONDS = 4.0  # WeChat waits 5 s for a reply, then retries
MAX_XML_BYTES = 64 * 1024
TOKEN_EXPIRED = (40001, 40014, 42001)  # invalid, malformed or expired access_token


class WeChatError(RuntimeError):
    """WeChat answered with an error (errcode), or could not be reached."""

    def __init__(self, message: str, errcode: int | None = None) -> None:
        super().__init__(message)
        self.errcode = errcode


@dataclass(frozen=True)
class WeChatConfig:
    app_id: str = ""  # mini-program app id (code2Session)
    app_secret: str = ""
    oa_app_id: str = ""  # official account app id (customer-service messages)
    oa_app_secret: str = ""
    oa_token: str = ""  # the Token configured for the official account's server URL
    oa_aes_key: str = ""  # the EncodingAESKey: safe mode (encrypted messages) when set
    api_base: str = DEFAULT_API_BASE

    @classmethod
    def from_env(cls) -> WeChatConfig:
        e = os.environ.get
        return cls(
            app_id=e("ASSISTANT_WX_APPID", ""),
            app_secret=e("ASSISTANT_WX_SECRET", ""),
            oa_app_id=e("ASSISTANT_WX_OA_APPID", ""),
            oa_app_secret=e("ASSISTANT_WX_OA_SECRET", ""),
            oa_token=e("ASSISTANT_WX_OA_TOKEN", ""),
            oa_aes_key=e("ASSISTANT_WX_OA_AES_KEY", ""),
            api_base=e("ASSISTANT_WX_API_BASE", DEFAULT_API_BASE).rstrip("/"),
        )

    @property
    def mini_program_enabled(self) -> bool:
        return bool(self.app_id and self.app_secret)

    @property
    def official_account_enabled(self) -> bool:
        return bool(self.oa_token)


# -- signatures -----------------------------------------------------------------------------


def signature(token: str, timestamp: str, nonce: str) -> str:
    """WeChat's signature: SHA1 of the sorted token, timestamp and nonce, concatenated."""
    return hashlib.sha1("".join(sorted([token, timestamp, nonce])).encode()).hexdigest()


class SignatureChecker:
    """Checks official-account request signatures, refusing stale and replayed ones.

    A request is refused when its signature is wrong, its timestamp is more than
    SIGNATURE_WINDOW_SECONDS away from now, or its nonce was already used for a different
    message (WeChat's own retries of one message may repeat it).
    """

    def __init__(self, token: str, window: int = SIGNATURE_WINDOW_SECONDS,
                 max_nonces: int = 10000) -> None:
        self.token = token
        self.window = window
        self._seen: OrderedDict[str, str] = OrderedDict()  # nonce+timestamp -> message key
        self._max = max_nonces

    def check(self, sig: str | None, timestamp: str | None, nonce: str | None,
              message_key: str = "", now: float | None = None, remember: bool = True
              ) -> str | None:
        """None when the request is genuine, else the reason it is refused.  With
        ``remember=False`` the nonce is left to a shared store (every instance's)."""
        if not (sig and timestamp and nonce and self.token):
            return "missing signature parameters"
        if not (sig.isascii() and timestamp.isascii() and nonce.isascii()) or len(nonce) > 64:
            return "bad signature"
        if not hmac.compare_digest(signature(self.token, timestamp, nonce), sig.lower()):
            return "bad signature"
        if not timestamp.isdigit() or len(timestamp) > 12:
            return "bad timestamp"
        ts = int(timestamp)
        if abs((now or time.time()) - ts) > self.window:
            return "stale timestamp"
        if not remember:
            return None
        key = f"{timestamp}:{nonce}"
        seen = self._seen.get(key)
        if seen is not None and (not message_key or seen != message_key):
            return "replayed nonce"
        self._seen[key] = message_key
        while len(self._seen) > self._max:
            self._seen.popitem(last=False)
        return None


# -- official-account XML -------------------------------------------------------------------


@dataclass(frozen=True)
class IncomingMessage:
    to_user: str
    from_user: str  # the user's openid for this official account
    create_time: int
    msg_type: str
    content: str
    msg_id: str
    event: str = ""


def parse_message(body: bytes) -> IncomingMessage:
    """Parse a pushed message; refuses DTDs/entities and oversized bodies."""
    if len(body) > MAX_XML_BYTES:
        raise ValueError("message too large")
    root: Element = SafeET.fromstring(body, forbid_dtd=True, forbid_entities=True,
                                      forbid_external=True)

    def text(tag: str) -> str:
        el = root.find(tag)
        return (el.text or "").strip() if el is not None else ""

    create = text("CreateTime")
    msg_type = text("MsgType")
    msg_id = text("MsgId") or f"{text('FromUserName')}:{create}:{text('Event')}"
    return IncomingMessage(to_user=text("ToUserName"), from_user=text("FromUserName"),
                           create_time=int(create) if create.isdigit() else 0,
                           msg_type=msg_type, content=text("Content"), msg_id=msg_id,
                           event=text("Event"))


def _cdata(value: str) -> str:
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_reply(incoming: IncomingMessage, content: str, now: int | None = None) -> str:
    """A passive text reply to ``incoming`` (WeChat's XML)."""
    return ("<xml>"
            f"<ToUserName>{_cdata(incoming.from_user)}</ToUserName>"
            f"<FromUserName>{_cdata(incoming.to_user)}</FromUserName>"
            f"<CreateTime>{now or int(time.time())}</CreateTime>"
            "<MsgType><![CDATA[text]]></MsgType>"
            f"<Content>{_cdata(content)}</Content>"
            "</xml>")


# -- HTTP clients ---------------------------------------------------------------------------


async def _get_json(url: str, params: dict[str, str], timeout: float = 5.0) -> dict[str, Any]:
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as http:
            async with http.get(url, params=params) as resp:
                # WeChat answers JSON with a text/plain content type.
                return await resp.json(content_type=None)
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
        raise WeChatError(f"WeChat could not be reached: {type(exc).__name__}") from exc


class Code2SessionClient:
    """Exchanges a ``wx.login`` code for the user's openid (jscode2session)."""

    def __init__(self, config: WeChatConfig) -> None:
        self.config = config

    async def openid(self, code: str) -> str:
        if not self.config.mini_program_enabled:
            raise WeChatError("the mini-program app id and secret are not configured")
        data = await _get_json(f"{self.config.api_base}/sns/jscode2session", {
            "appid": self.config.app_id, "secret": self.config.app_secret,
            "js_code": code, "grant_type": "authorization_code"})
        if data.get("errcode"):
            raise WeChatError(str(data.get("errmsg", "code2Session failed")),
                              int(data["errcode"]))
        openid = data.get("openid")
        if not openid:
            raise WeChatError("code2Session returned no openid")
        return str(openid)  # session_key is deliberately dropped


class CustomerServiceClient:
    """Sends text through the official account's customer-service message API."""

    def __init__(self, config: WeChatConfig) -> None:
        self.config = config
        self._token: str = ""
        self._expires: float = 0.0
        self._lock = asyncio.Lock()

    async def access_token(self) -> str:
        async with self._lock:
            if self._token and time.time() < self._expires - 60:
                return self._token
            data = await _get_json(f"{self.config.api_base}/cgi-bin/token", {
                "grant_type": "client_credential", "appid": self.config.oa_app_id,
                "secret": self.config.oa_app_secret})
            if data.get("errcode") or not data.get("access_token"):
                raise WeChatError(str(data.get("errmsg", "no access token")),
                                  data.get("errcode"))
            self._token = str(data["access_token"])
            self._expires = time.time() + float(data.get("expires_in", 7200))
            return self._token

    async def send_text(self, openid: str, content: str) -> None:
        url = f"{self.config.api_base}/cgi-bin/message/custom/send"
        payload = {"touser": openid, "msgtype": "text", "text": {"content": content}}
        for attempt in range(2):
            token = await self.access_token()
            try:
                async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as http:
                    async with http.post(url, params={"access_token": token},
                                         json=payload) as resp:
                        data = await resp.json(content_type=None)
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
                raise WeChatError(f"WeChat could not be reached: {type(exc).__name__}") from exc
            errcode = int(data.get("errcode") or 0)
            if errcode in TOKEN_EXPIRED and attempt == 0:
                # The access token was revoked or expired early (another server fetched a
                # new one): fetch a fresh one and send once more.
                self._token, self._expires = "", 0.0
                continue
            if errcode:
                raise WeChatError(str(data.get("errmsg", "send failed")), errcode)
            return
