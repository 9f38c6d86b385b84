"""Personal data out of the logs.

Applicants type and upload identity numbers, mobile numbers and e-mail addresses, and the
servers log what users say (Rasa at DEBUG level, and in some error messages).
:func:`install` masks them in every log record the process creates, whichever library
logs it and wherever the record goes: the message with its arguments, the text of an
exception and a stack trace.  ``11010519491231002X`` becomes ``110***********002X``,
``13800138000`` ``138****8000``, ``zhangsan@example.com`` ``z***@example.com``
(:func:`bot.masking.mask_personal_data`); passport numbers ``E12345678``
become ``E*****678`` (one or two letters and 7–8 digits, or any 6–9 letters and digits
after 护照/passport), bank card and account numbers (16–19 digits, grouped or not)
``************1234``.

The Rasa server installs it when it loads the project's channel or tracker store, the
action server when it loads the actions.  Uploaded files' content is never logged.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

from bot.masking import mask_email, mask_id_number, mask_mobile, mask_personal_data

# In text that went through JSON with ASCII escapes ("\u53f7110105…"), a number follows the
# escape's hex digits; the patterns of bot.masking want no letter or digit before it.
_ESCAPE = r"(?:(?<=\\u[0-9a-fA-F]{4})|(?<![0-9A-Za-z]))"
_ID_AFTER_ESCAPE = re.compile(_ESCAPE + r"\d{6}(?:18|19|20)\d{9}[\dXx](?![0-9A-Za-z])")
_MOBILE_AFTER_ESCAPE = re.compile(_ESCAPE + r"(?:(?:\+86|0086)[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}"
                                  r"(?!\d)")
_EMAIL_AFTER_ESCAPE = re.compile(r"(?<=\\u[0-9a-fA-F]{4})[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+"
                                 r"(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

_PASSPORT = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]{1,2}\d{7,8}(?![0-9A-Za-z])")
_PASSPORT_AFTER_LABEL = re.compile(
    r"(?i)((?:护照(?:号码|号)?|passport(?:\s*(?:no\.?|number|#))?)\s*[:：#]?\s*)"
    r"([A-Za-z0-9]{6,9})(?![0-9A-Za-z])")
_BANK = re.compile(r"(?<![0-9A-Za-z*])(?:\d[ -]?){15,18}\d(?![\d*])")

_installed = False
_lock = threading.Lock()
_formatter = logging.Formatter()


def mask_text(text: str) -> str:
    """``text`` with every identity number, mobile number and e-mail address masked."""
    if not text:
        return text
    text = mask_personal_data(text)
    if "\\u" in text:
        text = _EMAIL_AFTER_ESCAPE.sub(lambda m: mask_email(m.group(0)), text)
        text = _ID_AFTER_ESCAPE.sub(lambda m: mask_id_number(m.group(0)), text)
        text = _MOBILE_AFTER_ESCAPE.sub(lambda m: mask_mobile(m.group(0)), text)
    text = _PASSPORT_AFTER_LABEL.sub(lambda m: m.group(1) + _keep_ends(m.group(2), 1, 3), text)
    text = _PASSPORT.sub(lambda m: _keep_ends(m.group(0), 1, 3), text)
    return _BANK.sub(lambda m: _mask_digits(m.group(0)), text)


def _keep_ends(value: str, head: int, tail: int) -> str:
    if "*" in value:
        return value
    return value[:head] + "*" * (len(value) - head - tail) + value[-tail:]


def _mask_digits(value: str) -> str:
    """A card or account number: every digit but the last four masked."""
    digits = sum(c.isdigit() for c in value)
    seen, out = 0, []
    for c in value:
        if c.isdigit():
            seen += 1
            out.append(c if seen > digits - 4 else "*")
        else:
            out.append(c)
    return "".join(out)


def mask_record(record: logging.LogRecord) -> logging.LogRecord:
    """Mask a record in place: its message (with the arguments merged in), the text of
    its exception and its stack trace."""
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a bad format string: keep what is there, masked
        message = f"{record.msg} {record.args!r}" if record.args else str(record.msg)
    record.msg = mask_text(message)
    record.args = None
    if record.exc_info and not record.exc_text:
        try:
            record.exc_text = _formatter.formatException(record.exc_info)
        except Exception:  # noqa: BLE001
            record.exc_text = ""
    if record.exc_text:
        record.exc_text = mask_text(record.exc_text)
    if record.stack_info:
        record.stack_info = mask_text(record.stack_info)
    return record


class MaskingFilter(logging.Filter):
    """A filter for a handler that receives records from elsewhere (a queue, a socket)."""

    def filter(self, record: logging.LogRecord) -> bool:
        mask_record(record)
        return True


def install() -> None:
    """Mask every log record this process creates from now on (idempotent)."""
    global _installed
    with _lock:
        if _installed:
            return
        make_record = logging.getLogRecordFactory()

        def masked_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
            return mask_record(make_record(*args, **kwargs))

        logging.setLogRecordFactory(masked_record)
        _installed = True
