"""WeChat official-account signatures and XML."""

from __future__ import annotations

import hashlib

import pytest

from channels.wechat import IncomingMessage, SignatureChecker, parse_message, signature, text_reply


def test_signature_matches_wechats_definition() -> None:
    expected = hashlib.sha1("".join(sorted(["tok", "1700000000", "nonce1"])).encode()).hexdigest()
    assert signature("tok", "1700000000", "nonce1") == expected


def test_checker_accepts_valid_and_refuses_invalid_stale_and_replayed() -> None:
    c = SignatureChecker("tok")
    now = 1_700_000_000
    ts = str(now)
    good = signature("tok", ts, "n1")
    assert c.check(good, ts, "n1", "msg-1", now=now) is None
    assert c.check(good, ts, "n1", "msg-1", now=now) is None  # WeChat's retry of msg-1
    assert c.check(good, ts, "n1", "msg-2", now=now) == "replayed nonce"
    assert c.check(good, ts, "n1", "", now=now) == "replayed nonce"
    assert c.check("0" * 40, ts, "n2", now=now) == "bad signature"
    old = str(now - 3600)
    assert c.check(signature("tok", old, "n3"), old, "n3", now=now) == "stale timestamp"
    assert c.check(None, ts, "n4", now=now) == "missing signature parameters"


def test_parse_text_message_and_reply() -> None:
    body = ("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o_user]]>"
            "</FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            "<Content><![CDATA[需要哪些材料？]]></Content><MsgId>42</MsgId></xml>").encode()
    msg = parse_message(body)
    assert msg == IncomingMessage("gh_1", "o_user", 1700000000, "text", "需要哪些材料？", "42")
    reply = text_reply(msg, "答复 ]]> 结束", now=1700000001)
    back = parse_message(reply.encode())
    assert (back.to_user, back.from_user) == ("o_user", "gh_1")  # the reply goes back
    assert back.content == "答复 ]]> 结束"


@pytest.mark.parametrize("body", [
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><xml>'
    b"<Content>&b;</Content></xml>",
    b'<!DOCTYPE x SYSTEM "file:///etc/passwd"><xml/>',
    b"<xml>" + b"a" * 70000 + b"</xml>",
    b"not xml",
])
def test_hostile_xml_is_refused(body: bytes) -> None:
    with pytest.raises(Exception):  # noqa: B017 - any refusal will do, never a parse
        parse_message(body)
