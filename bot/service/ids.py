"""The one pattern every id must match before it names a conversation, a session, a file
or a folder, and the guard that keeps every storage path inside the data folder.

* :data:`ID_PATTERN` — what a client may send as an id it chooses (a REST channel sender, a
  WeChat openid): 1 to 64 of ``A-Z a-z 0-9 _ -``, starting with a letter or digit.  No dot,
  slash, backslash, space or anything outside ASCII, so an id can never climb out of a
  folder.
* :data:`GENERATED_PATTERN` — the ids the assistant generates itself (sessions, uploads,
  reports): 32 lower-case hexadecimal digits (:func:`bot.service.schema.new_id`).  Only these
  become parts of a storage path.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

logger = logging.getLogger(__name__)

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
GENERATED_PATTERN = re.compile(r"[0-9a-f]{32}")


class InvalidId(ValueError):
    """A value that does not match the id pattern: refused before it is used."""


class UnsafePath(ValueError):
    """A storage path that would resolve outside the data folder."""


def is_id(value: object) -> bool:
    """True for a client-chosen id matching :data:`ID_PATTERN`."""
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


def is_generated(value: object) -> bool:
    """True for an id the assistant generated (:data:`GENERATED_PATTERN`)."""
    return isinstance(value, str) and GENERATED_PATTERN.fullmatch(value) is not None


def check_id(value: object, what: str = "id") -> str:
    if not is_id(value):
        logger.warning("ids.refused kind=%s value=%r", what, _preview(value))
        raise InvalidId(f"{what} must match {ID_PATTERN.pattern}")
    return value  # type: ignore[return-value]


def check_generated(value: object, what: str = "id") -> str:
    if not is_generated(value):
        logger.warning("ids.refused kind=%s value=%r", what, _preview(value))
        raise InvalidId(f"{what} must match {GENERATED_PATTERN.pattern}")
    return value  # type: ignore[return-value]


def inside(root: Path, relative: str) -> Path:
    """``root / relative``, resolved, refused unless it stays inside ``root`` (symbolic
    links and ``..`` included).  Every file the store reads, writes or removes goes
    through this."""
    base = Path(root).resolve()
    if not relative or Path(relative).is_absolute() or "\\" in relative or "\x00" in relative:
        logger.warning("ids.path_refused path=%r", _preview(relative))
        raise UnsafePath(relative)
    target = (base / relative).resolve()
    if target == base or base not in target.parents:
        logger.warning("ids.path_refused path=%r", _preview(relative))
        raise UnsafePath(relative)
    return target


def _preview(value: object) -> str:
    return repr(value)[:80]
