"""Masking personal data: identity numbers, mobile numbers and e-mail addresses, in single
values and in free text.  Used by the reports, the problem texts and the log filter."""

from __future__ import annotations

import re
import unicodedata


def as_text(value: object) -> str:
    return value if isinstance(value, str) else ""


_PHONE_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―.()（）]")
COUNTRY_PREFIX = re.compile(r"^(?:\+86|0086)")


def normalize_phone(s: str) -> str:
    """Digits (and a leading +) of a telephone number: separators and spaces removed."""
    return _PHONE_SEPARATORS.sub("", unicodedata.normalize("NFKC", as_text(s)).strip())



MASK = "*"


def _mask_middle(s: str, keep_start: int, keep_end: int) -> str:
    if len(s) <= keep_start + keep_end:
        return MASK * len(s)
    return s[:keep_start] + MASK * (len(s) - keep_start - keep_end) + s[len(s) - keep_end:]


def mask_id_number(s: str) -> str:
    """``11010519491231002X`` → ``110***********002X``: the birth date is never shown.

    Works on any string (an invalid number is masked too); blank stays blank.
    """
    s = as_text(s).strip()
    if not s:
        return ""
    if len(s) >= 15:
        return _mask_middle(s, 3, 4)
    return _mask_middle(s, 1, 1) if len(s) > 4 else MASK * len(s)


def mask_mobile(s: str) -> str:
    """``138 0013 8000`` → ``138****8000``; a +86 / 0086 prefix is kept."""
    raw = as_text(s).strip()
    if not raw:
        return ""
    number = normalize_phone(raw)
    prefix = ""
    m = COUNTRY_PREFIX.match(number)
    if m:
        prefix, number = m.group(0), number[m.end():]
    if len(number) >= 7:
        return prefix + _mask_middle(number, 3, 4)
    return prefix + MASK * len(number)


def mask_email(s: str) -> str:
    """``zhangsan@example.com`` → ``z***@example.com``."""
    s = as_text(s).strip()
    if not s:
        return ""
    local, at, domain = s.partition("@")
    if not at:
        return _mask_middle(s, 1, 0)
    return (local[:1] + "***" if local else "***") + "@" + domain


# Identity numbers in free text: 17 digits and a check character, positions 7–10 a year
# 18xx–20xx (which keeps most all-digit codes of other kinds out); an invalid check digit or
# date is still masked.
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{9}[\dXx](?![0-9A-Za-z])")
_MOBILE_IN_TEXT = re.compile(
    r"(?<![\d+])(?:(?:\+86|0086)[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)")
_EMAIL_IN_TEXT = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def mask_personal_data(text: str) -> str:
    """Mask every identity number, mobile number and e-mail address found in ``text``."""
    text = as_text(text)
    if not text:
        return ""
    text = _EMAIL_IN_TEXT.sub(lambda m: mask_email(m.group(0)), text)
    text = _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group(0)), text)
    return _MOBILE_IN_TEXT.sub(lambda m: mask_mobile(m.group(0)), text)
