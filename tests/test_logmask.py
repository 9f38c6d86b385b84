"""Identity numbers, mobile numbers and e-mail addresses never reach a log in clear."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot import logmask

ID = "110105194912310021"
MOBILE = "13800138000"
EMAIL = "zhangsan@example.com"


@pytest.fixture
def log() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    logmask.install()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("test.logmask")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        yield logger, stream
    finally:
        logger.removeHandler(handler)


def clear(text: str) -> bool:
    return ID in text or MOBILE in text or EMAIL in text


def test_text_is_masked_in_every_form() -> None:
    assert logmask.mask_text(f"身份证{ID}，手机{MOBILE}，邮箱{EMAIL}") == \
        "身份证110***********0021，手机138****8000，邮箱z***@example.com"
    assert logmask.mask_text("+86 138-0013-8000") == "+86138****8000"
    # As JSON with ASCII escapes puts it: the number right after an escaped character.
    escaped = json.dumps(f"身份证号{ID}手机{MOBILE}邮箱{EMAIL}")
    assert "\\u53f7" + ID in escaped
    masked = logmask.mask_text(escaped)
    assert not clear(masked) and "110***********0021" in masked and "138****8000" in masked
    assert logmask.mask_text("event id 1732761234567 at 2026-03-02") == \
        "event id 1732761234567 at 2026-03-02"


def test_messages_and_their_arguments_are_masked(log: tuple[logging.Logger, io.StringIO]
                                                 ) -> None:
    logger, stream = log
    logger.debug("Received user message '%s' from %s", f"我的身份证号是{ID}", EMAIL)
    logger.info({"text": f"call me on {MOBILE}"})
    logger.warning(f"f-string {ID}")
    out = stream.getvalue()
    assert not clear(out), out
    assert "110***********0021" in out and "z***@example.com" in out and "138****8000" in out


def test_exceptions_and_stack_traces_are_masked(log: tuple[logging.Logger, io.StringIO]
                                                ) -> None:
    logger, stream = log
    try:
        raise ValueError(f"bad slot value {ID} / {MOBILE}")
    except ValueError:
        logger.exception("turn failed")
    logger.error("where %s", EMAIL, stack_info=True)
    out = stream.getvalue()
    assert "ValueError: bad slot value 110***********0021 / 138****8000" in out
    assert "Traceback" in out and "Stack (most recent call last)" in out
    assert not clear(out), out


def test_a_bad_format_string_still_logs_masked(log: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = log
    logger.warning("two %s %s", ID)  # one argument short
    out = stream.getvalue()
    assert "110***********0021" in out and not clear(out)


def test_the_filter_masks_records_made_elsewhere() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "user %s", (MOBILE,), None)
    assert logmask.MaskingFilter().filter(record)
    assert record.getMessage() == "user 138****8000"


def test_passport_and_bank_account_numbers_are_masked() -> None:
    from bot.logmask import mask_text

    out = mask_text("护照号码：E12345678，开户行账号 6222 0212 3456 7890 123，"
                    "passport no. X1234567, card 6222021234567890")
    for secret in ("E12345678", "6222 0212 3456 7890", "X1234567", "6222021234567890"):
        assert secret not in out
    assert "E*****678" in out and "7890" in out and "***0 123" in out
    # Dates, amounts of days and references are left alone.
    kept = "2026-03-02 起 45 个工作日，参考号 GX-261128-7K3FQ"
    assert mask_text(kept) == kept
