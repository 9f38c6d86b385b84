"""The WeChat API clients against the fake WeChat server on loopback."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest

from channels.wechat import Code2SessionClient, CustomerServiceClient, WeChatConfig, WeChatError
from tests.support import fake_wechat
from tests.support.fake_wechat import FakeWeChat


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeWeChat]:
    f = FakeWeChat().start()
    yield f
    f.stop()


def config(fake: FakeWeChat, **kw: str) -> WeChatConfig:
    base = {"app_id": "wx-test-app", "app_secret": "wx-test-secret", "oa_app_id": "oa",
            "oa_app_secret": "oa-secret", "api_base": fake.url}
    return WeChatConfig(**{**base, **kw})


def test_code2session_gives_the_openid_and_nothing_else(fake: FakeWeChat) -> None:
    client = Code2SessionClient(config(fake))
    assert asyncio.run(client.openid(fake_wechat.GOOD_CODE)) == fake_wechat.OPENID
    with pytest.raises(WeChatError) as bad:
        asyncio.run(client.openid("bad-code"))
    assert bad.value.errcode == 40029
    with pytest.raises(WeChatError):  # not configured: no call at all
        asyncio.run(Code2SessionClient(config(fake, app_id="")).openid(fake_wechat.GOOD_CODE))


def test_unreachable_wechat_is_a_wechat_error() -> None:
    client = Code2SessionClient(WeChatConfig(app_id="a", app_secret="b",
                                             api_base="http://127.0.0.1:9"))
    with pytest.raises(WeChatError):
        asyncio.run(client.openid("x"))


def test_customer_service_message_renews_a_revoked_access_token_once(fake: FakeWeChat) -> None:
    client = CustomerServiceClient(config(fake))
    client._token, client._expires = "AT-revoked", time.time() + 3600
    before = fake.token_requests
    asyncio.run(client.send_text("o_late", "答复"))
    assert fake.token_requests == before + 1
    assert fake.sent[-1] == {"touser": "o_late", "msgtype": "text", "text": {"content": "答复"}}
    asyncio.run(client.send_text("o_late", "again"))  # the new token is kept
    assert fake.token_requests == before + 1
