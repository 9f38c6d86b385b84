"""WeChat's safe mode: AES messages with msg_signature (channels/wechat_crypto.py)."""

from __future__ import annotations

import base64

import pytest

from channels.wechat_crypto import CryptoError, MessageCrypto, encrypted_part, msg_signature

KEY = base64.b64encode(bytes(range(32))).decode().rstrip("=")  # 43 characters
XML = "<xml><ToUserName>gh</ToUserName><FromUserName>oUser_1</FromUserName>" \
      "<Content>谁审批？</Content></xml>"


def test_a_reply_decrypts_back_and_is_signed() -> None:
    c = MessageCrypto("tok", KEY, "wx-oa")
    outer = c.encrypt(XML, nonce="n1", timestamp="1700000000")
    enc = encrypted_part(outer.encode())
    assert c.decrypt(enc).decode() == XML
    assert c.check_signature(msg_signature("tok", "1700000000", "n1", enc), "1700000000", "n1",
                             enc)


def test_tampering_a_wrong_app_id_or_signature_is_refused() -> None:
    c = MessageCrypto("tok", KEY, "wx-oa")
    enc = encrypted_part(c.encrypt(XML, "n1", "1").encode())
    assert not c.check_signature(msg_signature("tok", "1", "n1", enc), "1", "n2", enc)
    assert not c.check_signature("签名", "1", "n1", enc)
    with pytest.raises(CryptoError):
        MessageCrypto("tok", KEY, "another-app").decrypt(enc)
    raw = bytearray(base64.b64decode(enc))
    raw[-1] ^= 0xFF
    with pytest.raises(CryptoError):
        c.decrypt(base64.b64encode(bytes(raw)).decode())
    for bad in ("", "not base64!", "QUJD"):
        with pytest.raises(CryptoError):
            c.decrypt(bad)
