"""A minimal OLE compound file (the container of .doc/.xls and of password-protected
Office files) whose directory names given streams: enough for type sniffing."""

from __future__ import annotations

import struct


def ole_file(streams: list[str], sector: int = 512) -> bytes:
    """A compound file (the .doc/.xls container) whose directory names ``streams``."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    struct.pack_into("<H", header, 32, 6)
    struct.pack_into("<I", header, 44, 1)  # one FAT sector
    struct.pack_into("<I", header, 48, 1)  # directory starts at sector 1
    struct.pack_into("<I", header, 56, 4096)
    struct.pack_into("<I", header, 60, 0xFFFFFFFE)
    struct.pack_into("<I", header, 68, 0xFFFFFFFE)
    header[76:80] = struct.pack("<I", 0)  # FAT at sector 0
    header[80:512] = b"\xff" * 432
    fat = bytearray(b"\xff" * sector)
    struct.pack_into("<III", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFE)
    entries = bytearray()
    for i, name in enumerate(["Root Entry", *streams]):
        e = bytearray(128)
        raw = name.encode("utf-16-le") + b"\0\0"
        e[:len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw), 5 if i == 0 else 2, 1)
        struct.pack_into("<III", e, 68, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
        struct.pack_into("<I", e, 116, 0xFFFFFFFE)
        entries += e
    entries += bytes((-len(entries)) % sector)
    return bytes(header) + bytes(fat) + bytes(entries)
