"""A second DOCX reader for packages python-docx refuses although Word opens them.

python-docx gives up on a package whose relationships name a missing part (a picture
left out by the program that wrote it) and on Strict Open XML (ISO 29500 strict
namespaces, which Word writes on request).  This reader follows the package's root
relationship to the main document part, maps the strict namespaces onto the
transitional ones and walks the body with the same reader as :mod:`.docx`.  The parts
it parses were checked by :func:`bot.precheck.extract.docx.check_parts` first (no DTD,
bounded size); the parser resolves no entities and reads nothing from the network.
"""

from __future__ import annotations

import posixpath
import re
import zipfile

# Strict Open XML namespaces and their transitional equivalents.
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
)
_OFFICE_DOCUMENT = re.compile(
    rb"""<(?:\w+:)?Relationship\b(?=[^>]*\bType\s*=\s*["'][^"']*/officeDocument["'])"""
    rb"""[^>]*\bTarget\s*=\s*["']([^"']+)["']""")
MAX_PART_BYTES = 64 * 1024 * 1024


def main_part_name(zf: zipfile.ZipFile) -> str | None:
    """The name of the main document part from _rels/.rels, or word/document.xml."""
    names = set(zf.namelist())
    if "_rels/.rels" in names:
        with zf.open("_rels/.rels") as fh:
            rels = fh.read(1 << 20)
        m = _OFFICE_DOCUMENT.search(rels)
        if m:
            target = m.group(1).decode("utf-8", "replace").lstrip("/")
            target = posixpath.normpath(target)
            if target in names:
                return target
    return "word/document.xml" if "word/document.xml" in names else None


def read_body(path) -> object:
    """The ``w:body`` element of the main document part; raises ValueError when there is
    none (callers turn it into Unreadable)."""
    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        name = main_part_name(zf)
        if name is None:
            raise ValueError("no main document part")
        info = zf.getinfo(name)
        if info.file_size > MAX_PART_BYTES:
            raise ValueError("main part too large")
        data = zf.read(info)
    for strict, transitional in _STRICT:
        data = data.replace(strict, transitional)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True)
    root = etree.fromstring(data, parser)
    body = root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body")
    if body is None:
        raise ValueError("no body")
    return body
