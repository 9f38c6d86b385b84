"""What kind of file this is, by its first bytes rather than its name.

PDF and DOCX are read, and JPEG and PNG pictures (photos and scans, read by OCR).  Everything else is named precisely enough that the
applicant can be told how to convert it: a ``.doc`` or ``.xls`` (OLE compound file),
an image, an executable, an ``.xlsx``/``.pptx``/``.odt`` (zip, but not a Word document).
A password-protected Word (or Excel) file is an OLE compound file too; it is told apart
by the ``EncryptedPackage`` stream in its directory.  A file of nothing but white space
(or zero bytes) is empty.
"""

from __future__ import annotations

import lzma
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

PDF = "pdf"
DOCX = "docx"
IMAGE = "image"  # a JPEG or PNG picture, read by OCR (detail "image/jpeg" or "image/png")
UNSUPPORTED = "unsupported"
EMPTY = "empty"
ENCRYPTED = "encrypted"  # a password-protected Office file (detail "office")

# What an empty file may hold: white space, NUL bytes, a byte-order mark.
_BLANK = b" \t\r\n\x0b\x0c\x00"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# The directory entry of the stream that holds an encrypted Office document.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le") + b"\0\0"
_OLE_SCAN_BYTES = 64 << 20

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_READ_IMAGES = ("image/png", "image/jpeg")
_IMAGES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"BM", "image/bmp"),
)
_EXECUTABLES: tuple[bytes, ...] = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe",
                                   b"\xfe\xed\xfa\xcf", b"#!")
_OLE_BY_SUFFIX = {".xls": ".xls", ".ppt": ".ppt", ".msg": ".msg", ".wps": ".wps", ".et": ".xls"}
_ZIP_KINDS = (("xl/workbook.xml", ".xlsx"), ("ppt/presentation.xml", ".pptx"))
_ODF_KINDS = {b"application/vnd.oasis.opendocument.text": ".odt",
              b"application/vnd.oasis.opendocument.spreadsheet": ".ods",
              b"application/vnd.oasis.opendocument.presentation": ".odp"}


@dataclass(frozen=True)
class Sniff:
    """``kind`` is pdf, docx, image, unsupported, encrypted or empty; ``detail`` names an
    image's type ("image/jpeg", "image/png"), an
    unsupported type (".doc", "image/png", "executable", ".xlsx", ".zip", ".rtf", "text",
    "unknown"), or is "office" for an encrypted Office file."""

    kind: str
    detail: str = ""


def sniff_bytes(head: bytes, suffix: str = "") -> Sniff:
    """Classify a file by its first bytes (1 KiB is enough); ``suffix`` only refines the
    name of an unsupported type.  Zip containers need :func:`sniff` to look inside."""
    suffix = suffix.lower()
    if _blank(head):
        return Sniff(EMPTY)
    if b"%PDF-" in head[:1024]:
        return Sniff(PDF)
    if head.startswith(_OLE):
        return Sniff(UNSUPPORTED, _OLE_BY_SUFFIX.get(suffix, ".doc"))
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return Sniff(UNSUPPORTED, ".zip")  # refined by sniff()
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniff(UNSUPPORTED, "image/webp")
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        return Sniff(UNSUPPORTED, "image/heic")
    for magic, name in _IMAGES:
        if head.startswith(magic):
            return Sniff(IMAGE if name in _READ_IMAGES else UNSUPPORTED, name)
    if head.startswith(b"{\\rtf"):
        return Sniff(UNSUPPORTED, ".rtf")
    if any(head.startswith(m) for m in _EXECUTABLES):
        return Sniff(UNSUPPORTED, "executable")
    if head.lstrip().startswith(b"<") and b"<html" in head[:1024].lower():
        return Sniff(UNSUPPORTED, ".html")
    return Sniff(UNSUPPORTED, "text" if _is_text(head) else "unknown")


def _blank(data: bytes) -> bool:
    for bom in _BOMS:
        if data.startswith(bom):
            data = data[len(bom):]
            break
    return not data.strip(_BLANK)


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(data) - 3  # a character cut at the end of the sample
    return True


def _is_encrypted_package(data: bytes) -> bool:
    """Whether an OLE compound file's directory holds an ``EncryptedPackage`` stream:
    the name at the start of a 128-byte directory entry, its length field (34) and the
    stream type (2) where the entry layout puts them."""
    pos = data.find(_ENCRYPTED_PACKAGE)
    while pos >= 0:
        if pos % 128 == 0 and data[pos + 64:pos + 67] == b"\x22\x00\x02":
            return True
        pos = data.find(_ENCRYPTED_PACKAGE, pos + 1)
    return False


def _declares_word_main(zf: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether [Content_Types].xml declares a Word main document part (a package whose
    main part is not at word/document.xml, which Word and python-docx open)."""
    if "[Content_Types].xml" not in names:
        return False
    with zf.open("[Content_Types].xml") as fh:
        return b"wordprocessingml.document.main+xml" in fh.read(1 << 20)


def sniff(path: Path) -> Sniff:
    """The kind of the file at ``path``.  A zip is a DOCX only if it holds
    ``word/document.xml``; an unreadable zip directory is reported as ``.zip``."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
        s = sniff_bytes(head, Path(path).suffix)
        if s.kind == EMPTY:
            # Blank so far: empty only if the rest is blank too.
            while chunk := fh.read(1 << 20):
                if not chunk.strip(_BLANK):
                    continue
                return Sniff(UNSUPPORTED, "text" if _is_text(chunk.lstrip(_BLANK)[:1024])
                             else "unknown")
            return s
        if head.startswith(_OLE):
            fh.seek(0)
            if _is_encrypted_package(fh.read(_OLE_SCAN_BYTES)):
                return Sniff(ENCRYPTED, "office")
            return s
    if s.detail != ".zip":
        return s
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "word/document.xml" in names or _declares_word_main(zf, names):
                return Sniff(DOCX)
            for member, kind in _ZIP_KINDS:
                if member in names:
                    return Sniff(UNSUPPORTED, kind)
            if "mimetype" in names:
                mimetype = zf.read("mimetype")[:100].strip()
                if mimetype in _ODF_KINDS:
                    return Sniff(UNSUPPORTED, _ODF_KINDS[mimetype])
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError, EOFError,
            NotImplementedError, zlib.error, lzma.LZMAError):
        # A damaged DOCX is still a DOCX attempt: say "unreadable", not "wrong type".
        if Path(path).suffix.lower() == ".docx":
            return Sniff(DOCX)
    return s
