"""What the upload gate checks before a file is stored or parsed: its name, size and type."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

from bot.precheck.extract.sniff import DOCX, EMPTY, IMAGE, PDF, sniff_bytes
from bot.precheck.results import EMPTY as EMPTY_PROBLEM
from bot.precheck.results import TOO_LARGE, UNSUPPORTED_TYPE, FileProblem
from bot.settings import Limits

MAX_NAME_CHARS = 120
# Control characters, and the format characters that can disguise a name (RTL override …).
_BAD_CHARS = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_RESERVED = re.compile(r'[<>:"|?*]')


def safe_name(raw: str) -> str:
    """A display name that is safe to show and log: no folders, no control or bidi
    characters, no leading dots, at most MAX_NAME_CHARS characters, extension kept.
    Names are only ever shown; files are stored under generated ids."""
    name = unicodedata.normalize("NFC", raw or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _BAD_CHARS.sub("", name)
    name = _RESERVED.sub("_", name)
    name = " ".join(name.split()).lstrip(". ")
    if not name:
        return "upload"
    if len(name) > MAX_NAME_CHARS:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 8:
            name = stem[: MAX_NAME_CHARS - len(ext) - 1] + "." + ext
        else:
            name = name[:MAX_NAME_CHARS]
    return name


def kind_of(data: bytes, name: str = "") -> tuple[str, str]:
    """("pdf" | "docx" | "image" | "empty" | "unsupported", detail) decided by content, not
    by name (an image is a JPEG or PNG, read by OCR; detail "image/jpeg" or "image/png").
    A zip is a DOCX only if its directory lists word/document.xml (nothing is inflated)."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    s = sniff_bytes(data[:1024], suffix)
    if s.kind != "unsupported" or s.detail != ".zip":
        return s.kind, s.detail
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, RuntimeError, NotImplementedError):
        # A damaged DOCX is still a DOCX: the parser will call it unreadable.
        return (DOCX, "") if suffix == ".docx" else ("unsupported", ".zip")
    if "word/document.xml" in names:
        return DOCX, ""
    if "xl/workbook.xml" in names:
        return "unsupported", ".xlsx"
    if "ppt/presentation.xml" in names:
        return "unsupported", ".pptx"
    return "unsupported", ".zip"


def check_upload(name: str, data: bytes, limits: Limits) -> FileProblem | None:
    """None when the file may be stored and parsed, else the problem to report."""
    if len(data) > limits.max_file_bytes:
        return FileProblem(TOO_LARGE, str(limits.max_file_bytes))
    kind, detail = kind_of(data, name)
    if kind == EMPTY:
        return FileProblem(EMPTY_PROBLEM, "")
    if kind not in (PDF, DOCX, IMAGE):
        if is_register_sheet(kind, detail, name):
            return None  # a register of certificates sent with 附件2 (bot.precheck.annex2)
        return FileProblem(UNSUPPORTED_TYPE, detail)
    return None


def is_register_sheet(kind: str, detail: str, name: str) -> bool:
    """An XLSX whose name says it is a register of certificates (名册, roster, register):
    the only spreadsheet accepted, and only to be counted against 附件2."""
    from bot.precheck.annex2.register import looks_like_register

    return kind == "unsupported" and detail == ".xlsx" and name.lower().endswith(".xlsx") \
        and looks_like_register(name)


def suffix_for(data: bytes, name: str = "") -> str:
    """The extension a stored file gets, from its content."""
    kind, detail = kind_of(data, name)
    if is_register_sheet(kind, detail, name):
        return ".xlsx"
    if kind == IMAGE:
        return ".png" if detail == "image/png" else ".jpg"
    return {PDF: ".pdf", DOCX: ".docx"}.get(kind, ".bin")
