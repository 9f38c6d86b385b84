"""WeChat's safe mode (安全模式) for the official account: messages encrypted with the
EncodingAESKey and signed with ``msg_signature``.

WeChat's scheme: ``AESKey = base64(EncodingAESKey + "=")`` (32 bytes), AES-256-CBC with the
key's first 16 bytes as IV and PKCS#7 padding to 32-byte blocks; the plaintext is 16
random bytes, the message length (4 bytes, big-endian), the message XML and the app id.
``msg_signature = sha1(sorted([token, timestamp, nonce, Encrypt]).join(""))``.  The
signature covers the encrypted body, so a captured request cannot carry another body.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import struct
import time

from defusedxml import ElementTree as SafeET

BLOCK = 32
MAX_ENCRYPTED_CHARS = 96 * 1024


class CryptoError(ValueError):
    """A message that cannot be decrypted, or whose signature or app id is wrong."""


def msg_signature(token: str, timestamp: str, nonce: str, encrypted: str) -> str:
    return hashlib.sha1("".join(sorted([token, timestamp, nonce, encrypted])).encode()).hexdigest()


def _cipher(key: bytes):  # noqa: ANN202 - cryptography's Cipher
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    return Cipher(algorithms.AES(key), modes.CBC(key[:16]))


class MessageCrypto:
    def __init__(self, token: str, encoding_aes_key: str, app_id: str) -> None:
        if len(encoding_aes_key) != 43:
            raise ValueError("the EncodingAESKey has 43 characters")
        try:
            self.key = base64.b64decode(encoding_aes_key + "=")
        except binascii.Error as exc:
            raise ValueError("the EncodingAESKey is not base64") from exc
        if len(self.key) != 32:
            raise ValueError("the EncodingAESKey does not decode to 32 bytes")
        self.token = token
        self.app_id = app_id

    def check_signature(self, signature: str | None, timestamp: str, nonce: str,
                        encrypted: str) -> bool:
        if not signature or not signature.isascii():
            return False
        expected = msg_signature(self.token, timestamp, nonce, encrypted)
        return hmac.compare_digest(signature.lower(), expected)

    def decrypt(self, encrypted: str) -> bytes:
        """The message XML inside ``encrypted`` (the Encrypt element)."""
        if not encrypted or len(encrypted) > MAX_ENCRYPTED_CHARS:
            raise CryptoError("bad Encrypt")
        try:
            data = base64.b64decode(encrypted, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise CryptoError("Encrypt is not base64") from exc
        if not data or len(data) % 16:
            raise CryptoError("bad ciphertext length")
        dec = _cipher(self.key).decryptor()
        plain = dec.update(data) + dec.finalize()
        pad = plain[-1]
        if not 1 <= pad <= BLOCK or plain[-pad:] != bytes([pad]) * pad:
            raise CryptoError("bad padding")
        plain = plain[:-pad]
        if len(plain) < 20:
            raise CryptoError("message too short")
        (length,) = struct.unpack(">I", plain[16:20])
        xml, app_id = plain[20:20 + length], plain[20 + length:]
        if len(xml) != length or not hmac.compare_digest(app_id, self.app_id.encode()):
            raise CryptoError("wrong app id")
        return xml

    def encrypt(self, xml: str, nonce: str, timestamp: str | None = None) -> str:
        """A passive reply in safe mode: the outer XML WeChat expects."""
        body = xml.encode("utf-8")
        plain = secrets.token_bytes(16) + struct.pack(">I", len(body)) + body + \
            self.app_id.encode()
        pad = BLOCK - len(plain) % BLOCK
        plain += bytes([pad]) * pad
        enc = _cipher(self.key).encryptor()
        encrypted = base64.b64encode(enc.update(plain) + enc.finalize()).decode()
        ts = timestamp or str(int(time.time()))
        sig = msg_signature(self.token, ts, nonce, encrypted)
        return ("<xml>"
                f"<Encrypt><![CDATA[{encrypted}]]></Encrypt>"
                f"<MsgSignature><![CDATA[{sig}]]></MsgSignature>"
                f"<TimeStamp>{ts}</TimeStamp>"
                f"<Nonce><![CDATA[{nonce}]]></Nonce>"
                "</xml>")


def encrypted_part(body: bytes) -> str:
    """The Encrypt element of a safe-mode request."""
    root = SafeET.fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    el = root.find("Encrypt")
    if el is None or not (el.text or "").strip():
        raise CryptoError("no Encrypt element")
    return el.text.strip()
