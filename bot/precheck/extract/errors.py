"""Why a file could not be read: each error maps to a file problem code."""

from __future__ import annotations


class ExtractError(Exception):
    """A file that cannot be read.  ``code`` is a bot.precheck.results file problem code."""

    code = "unreadable"

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.code)
        self.detail = detail


class Unreadable(ExtractError):
    code = "unreadable"


class Encrypted(ExtractError):
    code = "encrypted"


class Unsupported(ExtractError):
    code = "unsupported_type"


class TooLarge(ExtractError):
    code = "too_large"
