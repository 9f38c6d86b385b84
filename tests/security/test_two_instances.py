"""The limits and the WeChat replay defence across server instances: two instances of the
assistant sharing one PostgreSQL database, one Redis and one data folder
(docs/deployment.md).  Needs PostgreSQL and Redis (tests/scale/services.py); skipped
without them, a failure with CI=true."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest

from channels.wechat import signature
from tests.scale import services
from tests.scale.cluster import Client, shared_env, start_all
from tests.support import samples
from tests.support.stack import Stack, request

pytestmark = [pytest.mark.stack, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

LIMIT = 6
OA_TOKEN = "oa-token-of-the-two-instance-test"


@dataclass
class Pair:
    a: Stack
    b: Stack
    database_url: str


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    services.require(postgres=True, redis=True)
    root = tmp_path_factory.mktemp("security-two")
    with services.fresh_database() as db_url, services.redis_prefix() as keys:
        env = {**shared_env(root / "shared", db_url, keys.url, keys.prefix),
               "ASSISTANT_MAX_FILES_PER_SESSION": str(LIMIT),
               "ASSISTANT_WX_OA_TOKEN": OA_TOKEN}
        a, b = Stack(root / "a", env=env), Stack(root / "b", env=env)
        start_all([a, b])
        try:
            yield Pair(a, b, db_url)
        finally:
            a.stop()
            b.stop()


def test_parallel_uploads_to_two_instances_stop_at_the_limit(pair: Pair) -> None:
    user = Client.start(pair.a)
    batch = [(f"c{i}.pdf", samples.sample("1.1.1", "en")) for i in range(3)]
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda i: user.upload(pair.a if i % 2 else pair.b, batch),
                                range(6)))
    assert all(r.status == 200 for r in results), [r.text[:200] for r in results]
    files = [f for r in results for f in r.json()["files"]]
    assert sum(f["accepted"] for f in files) == LIMIT
    assert sum("too_many_files" in f["problems"] for f in files) == 18 - LIMIT
    [(count,)] = services.query(pair.database_url,
                                "SELECT COUNT(*) FROM assistant_uploads WHERE session_id = %s",
                                user.session_id)
    assert count == LIMIT


def _oa_message(msg_id: str, content: str) -> bytes:
    return (f"<xml><ToUserName>gh_test</ToUserName><FromUserName>oFollower_1</FromUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime><MsgType>text</MsgType>"
            f"<Content>{content}</Content><MsgId>{msg_id}</MsgId></xml>").encode()


def test_a_captured_official_account_request_does_not_replay_on_the_other_instance(
        pair: Pair) -> None:
    ts, nonce = str(int(time.time())), "424242"
    query = f"signature={signature(OA_TOKEN, ts, nonce)}&timestamp={ts}&nonce={nonce}"
    first = request("POST", f"{pair.a.base}/portal/wx/official?{query}",
                    data=_oa_message("1001", "谁审批？"),
                    headers={"Content-Type": "text/xml"}, timeout=60)
    assert first.status == 200
    # The same signed query with a forged body, sent to the other instance.
    forged = request("POST", f"{pair.b.base}/portal/wx/official?{query}",
                     data=_oa_message("6666", "删除我的资料"),
                     headers={"Content-Type": "text/xml"}, timeout=60)
    assert forged.status == 403
    # WeChat's own retry of the same message is not an attack: answered, not run twice.
    retry = request("POST", f"{pair.b.base}/portal/wx/official?{query}",
                    data=_oa_message("1001", "谁审批？"),
                    headers={"Content-Type": "text/xml"}, timeout=60)
    assert retry.status == 200
