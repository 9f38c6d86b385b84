"""Hostile pictures: what the OCR path of the pre-check does with malicious or broken images.

Builds, in a temporary folder, pictures and picture PDFs made to exhaust a reader:
decompression-bomb PNGs (gigapixels declared, real zero data that deflates to hundreds of
MB), JPEGs whose header declares 65,000 × 65,000 pixels, truncated and bit-flipped JPEGs and
PNGs, a PNG with a broken checksum, absurd aspect ratios, an EXIF block with a nonsense
orientation, a PDF of 500 image pages, a PDF page declaring a 30,000 × 30,000 picture and a
PDF page 200 inches wide; plus one good photo and one good scan as a control.  Then runs
them through ``analyse_files`` with the default limits and the product's parser pool.

Fails (exit 1) when an exception escapes, when a hostile file gets no problem and is not
read (the good ones must be read and placed), or when a worker is killed for time or
memory on a file that could have been refused before decoding.  Prints each file's
outcome and time, the slowest file, and the peak memory of this process and of the
largest parser worker.
Run: PYTHONPATH=. .venv/bin/python bench/hostile_images.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import struct
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

READ = "read"  # must be read and placed (the controls)
ANY = "any"  # any outcome but a crash, a timeout or a memory kill


def _chunk(kind: bytes, body: bytes, crc: int | None = None) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF if crc is None else crc
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def png(width: int, height: int, data: bytes, *, color: int = 0, bad_crc: bool = False) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, color, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr)
            + _chunk(b"IDAT", data, 0 if bad_crc else None) + _chunk(b"IEND", b""))


def zero_rows(width: int, rows: int, bpp: int = 1) -> bytes:
    """Deflated scanlines of zeros, made in pieces so that memory stays small here."""
    co = zlib.compressobj(9)
    row = b"\0" * (1 + width * bpp)
    out = [co.compress(row * min(1024, rows - k)) for k in range(0, rows, 1024)]
    return b"".join(out) + co.flush()


def jpeg_bytes(img, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", **kw)
    return buf.getvalue()


def lie_about_jpeg_size(data: bytes, width: int, height: int) -> bytes:
    """``data`` with its frame header (SOF0) declaring another size."""
    pos = data.find(b"\xff\xc0")
    head = bytearray(data)
    struct.pack_into(">HH", head, pos + 5, height, width)
    return bytes(head)


def image_pdf(pages: int, *, image: bytes, width: int, height: int,
              page_size: tuple[float, float] = (595, 842)) -> bytes:
    """A PDF whose ``pages`` pages all show one JPEG picture (one XObject, so small)."""
    from tests.support.docgen import raw_pdf

    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    w, h = page_size
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        3: (f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} "
            f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode "
            f"/Length {len(image)} >>\nstream\n").encode() + image + b"\nendstream",
    }
    content = f"q {w} 0 0 {h} 0 0 cm /Im0 Do Q".encode()
    content_id = 4 + pages
    objects[content_id] = (f"<< /Length {len(content)} >>\nstream\n".encode() + content
                           + b"\nendstream")
    for i in range(pages):
        objects[4 + i] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] "
                          f"/Resources << /XObject << /Im0 3 0 R >> >> "
                          f"/Contents {content_id} 0 R >>").encode()
    return raw_pdf(objects)


def build(folder: Path) -> list[tuple[Path, str]]:
    from PIL import Image

    from tests.support import scangen

    cases: list[tuple[Path, str]] = []

    def add(name: str, data: bytes, want: str = ANY) -> None:
        path = folder / name
        path.write_bytes(data)
        cases.append((path, want))

    rng = random.Random(12)
    # Decompression bombs: real zero pixels, a few hundred KB on disk.
    add("bomb_20000x20000_grey.png", png(20000, 20000, zero_rows(20000, 20000)))
    add("bomb_100000x100000_declared.png", png(100000, 100000, zero_rows(1000, 1000)))
    add("bomb_rgb_12000x12000.png", png(12000, 12000, zero_rows(12000, 12000, 3), color=2))
    add("just_under_limit_7000x7000.png", png(7000, 7000, zero_rows(7000, 7000)))
    # JPEG headers that lie about the size, and damaged files.
    page = scangen.sample_page("1.2.1", "zh")
    good_jpeg = jpeg_bytes(page.convert("L"), quality=60)
    add("jpeg_declares_65000x65000.jpg", lie_about_jpeg_size(good_jpeg, 65000, 65000))
    add("jpeg_declares_0x0.jpg", lie_about_jpeg_size(good_jpeg, 0, 0))
    add("jpeg_truncated_half.jpg", good_jpeg[: len(good_jpeg) // 2])
    add("jpeg_header_only.jpg", good_jpeg[:600])
    flipped = bytearray(good_jpeg)
    for _ in range(40):
        flipped[rng.randrange(600, len(flipped))] ^= 0xFF
    add("jpeg_bit_flips.jpg", bytes(flipped))
    good_png = io.BytesIO()
    page.convert("L").save(good_png, "PNG")
    add("png_truncated.png", good_png.getvalue()[: len(good_png.getvalue()) // 3])
    add("png_bad_crc.png", png(800, 600, zero_rows(800, 600), bad_crc=True))
    add("png_1x60000.png", png(1, 60000, zero_rows(1, 60000)))
    add("png_60000x1.png", png(60000, 1, zero_rows(60000, 1)))
    exif = Image.Exif()
    exif[0x0112] = 77  # no such orientation
    exif[0x010E] = "x" * 60000  # a long description
    add("jpeg_bad_exif.jpg", jpeg_bytes(page.convert("RGB"), quality=60, exif=exif.tobytes()))
    # Picture PDFs.
    small = jpeg_bytes(page.convert("L").resize((620, 877)), quality=50)
    add("pdf_500_image_pages.pdf", image_pdf(500, image=small, width=620, height=877))
    add("pdf_declares_30000x30000_picture.pdf",
        image_pdf(1, image=lie_about_jpeg_size(small, 30000, 30000), width=30000, height=30000))
    add("pdf_page_200_inches.pdf", image_pdf(1, image=small, width=620, height=877,
                                             page_size=(14400, 14400)))
    # Controls: a phone photo and a scan that must be read and placed.
    add("control_photo_营业执照.jpg", scangen.photo(page, seed=1, exif_orientation=6, blur=0.6,
                                               quality=80), READ)
    scan_path = folder / "control_scan_营业执照.pdf"
    scangen.scanned_pdf(scan_path, [scangen.scan(page, 2)])
    cases.append((scan_path, READ))
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description="hostile pictures for the OCR path")
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()

    from bot.precheck.pipeline import analyse_file
    from bot.precheck.sandbox import close_default_pool, default_pool
    from bot.settings import get_settings
    from tests.support.scangen import bench_folder

    limits = get_settings().limits
    with bench_folder("bench-hostile-images-", args.keep) as folder:
        cases = build(folder)
        print(f"{len(cases)} files, largest {max(p.stat().st_size for p, _ in cases) >> 10} KB; "
              f"limits: {limits.max_image_pixels:,} pixels, {limits.max_ocr_pages} OCR pages, "
              f"{limits.parse_seconds:.0f} s, {limits.parse_memory_bytes >> 20} MB per worker")
        pool = default_pool(limits)
        failures: list[str] = []
        slowest = (0.0, "")
        for path, want in cases:
            t = time.perf_counter()
            try:
                a = analyse_file(path, limits=limits, pool=pool)
            except Exception as exc:  # noqa: BLE001 - the benchmark reports it
                failures.append(f"{path.name}: exception {type(exc).__name__}: {exc}")
                continue
            took = time.perf_counter() - t
            slowest = max(slowest, (took, path.name))
            codes = [f"{p.code}:{p.detail}" for p in a.problems]
            killed = [c for c in codes if c in ("unreadable:timeout", "unreadable:memory",
                                                "unreadable:crash")]
            outcome = ", ".join(codes) or f"read ({a.ocr_pages} OCR pages, {a.materials})"
            print(f"  {path.name:40} {took:6.1f} s  {outcome}")
            if killed:
                failures.append(f"{path.name}: {killed[0]}")
            elif want == READ and (a.problems or not a.materials):
                failures.append(f"{path.name}: a good file was not read and placed")
        close_default_pool()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss >> 10
    print(f"slowest: {slowest[1]} {slowest[0]:.1f} s; peak RSS {own} MB here, {workers} MB "
          f"largest worker (limit {limits.parse_memory_bytes >> 20} MB address space)")
    print(f"crashes, time-outs, memory kills and escaped exceptions: {len(failures)}")
    for f in failures:
        print("  FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
