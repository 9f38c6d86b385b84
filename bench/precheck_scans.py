"""Pre-check speed on scans and photos: the pipeline's OCR against the raw RapidOCR engine.

Generates, in a temporary folder, scanned PDFs (image-only, 3 pages each, ≥ 30 pages) and
phone photos (JPEG, EXIF-turned, ≥ 10) of the sample materials in Chinese and English,
and a package of text PDFs/DOCX (bench/precheck.py's generator) to mix them with; then
measures:

- OCR throughput: the pipeline (bot.precheck.pipeline.precheck, sandboxed workers) on the
  scans and photos, against the raw engine (``RapidOCR()`` with its defaults, all cores)
  reading the same page pictures one after the other in one process: pages per second of
  each and the ratio (target: the pipeline within 1.3x of the raw engine);
- feedback for one 3-page scan: analyse_file() as an upload does, with a worker that has
  already loaded the model (and once with a fresh worker, the model loaded on the way);
  target <= 5 s on 2 cores;
- the whole package (text files, scans and photos together): wall time.

Run: PYTHONPATH=. .venv/bin/python bench/precheck_scans.py [--scans N] [--photos N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGE = (1240, 1754)  # A4 at 150 dpi


def _pages_of(material: str, lang: str) -> list:
    from tests.support import docgen, scangen

    title, body = docgen.SAMPLES[material][lang]
    pages = []
    for k in range(3):
        paragraphs = (body * 4)[: 4 + k]
        pages.append(scangen.scan(scangen.page_image(title if k == 0 else f"{title} ({k + 1})",
                                                     paragraphs, size=PAGE), seed=k))
    return pages


def generate(folder: Path, scans: int, photos: int) -> tuple[list[Path], list[Path]]:
    """Scanned 3-page PDFs and phone photos of the sample materials (zh and en)."""
    from tests.support import docgen, scangen

    choices = [(m, lang) for m in docgen.SAMPLES for lang in ("zh", "en")
               if lang in docgen.SAMPLES[m]]
    scan_files, photo_files = [], []
    for i in range(scans):
        material, lang = choices[i % len(choices)]
        path = folder / f"scan_{i:02d}_{material}_{lang}.pdf"
        scangen.scanned_pdf(path, _pages_of(material, lang))
        scan_files.append(path)
    for i in range(photos):
        material, lang = choices[(i * 7 + 3) % len(choices)]
        page = scangen.sample_page(material, lang, size=PAGE)
        path = folder / f"IMG_{i:04d}_{material}_{lang}.jpg"
        scangen.write_photo(path, page, seed=i, exif_orientation=(6, None, 8)[i % 3],
                            blur=0.6, quality=80)
        photo_files.append(path)
    return scan_files, photo_files


def raw_engine(scans: list[Path], photos: list[Path], max_pages: int) -> tuple[float, int]:
    """The raw engine on the same pictures the pipeline reads: (seconds, pages)."""
    import numpy as np
    import pypdfium2 as pdfium
    from rapidocr_onnxruntime import RapidOCR

    from bot.precheck.extract.scan import open_picture, render_page

    engine = RapidOCR()
    pictures = []
    for path in scans:
        pdf = pdfium.PdfDocument(str(path))
        pictures += [np.asarray(render_page(pdf, i)) for i in range(min(len(pdf), max_pages))]
        pdf.close()
    pictures += [np.asarray(open_picture(p, 50_000_000)) for p in photos]
    engine(pictures[0])  # warm up, as the pipeline's workers are after their first page
    t = time.perf_counter()
    for picture in pictures:
        engine(picture)
    return time.perf_counter() - t, len(pictures)


def main() -> int:
    parser = argparse.ArgumentParser(description="OCR speed benchmark")
    parser.add_argument("--scans", type=int, default=10, help="3-page scanned PDFs")
    parser.add_argument("--photos", type=int, default=10)
    parser.add_argument("--text-pages", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    from bench.precheck import generate as generate_text
    from bot.precheck.pipeline import analyse_file, precheck
    from bot.precheck.sandbox import ParserPool
    from bot.settings import get_settings
    from tests.support.scangen import bench_folder

    limits = get_settings().limits
    with bench_folder("bench-scans-") as root:
        ocr_dir, text_dir = root / "ocr", root / "text"
        ocr_dir.mkdir()
        text_dir.mkdir()
        t = time.perf_counter()
        scans, photos = generate(ocr_dir, args.scans, args.photos)
        text_pages = generate_text(text_dir, args.text_pages)
        pages = sum(min(3, limits.max_ocr_pages) for _ in scans) + len(photos)
        print(f"scans: {len(scans)} PDFs x 3 pages, {len(photos)} photos = {pages} pictures; "
              f"text: {len(list(text_dir.iterdir()))} files, {text_pages} pages; generated "
              f"in {time.perf_counter() - t:.1f} s")
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; "
              f"pipeline workers: {args.workers}")

        # 1. OCR throughput: pipeline on the scans and photos, then the raw engine.
        t = time.perf_counter()
        result = precheck([ocr_dir], workers=args.workers)
        pipe_wall = time.perf_counter() - t
        read = sum(f.ocr_pages for f in result.files)
        placed = sum(1 for f in result.files if f.materials)
        raw_wall, raw_pages = raw_engine(scans, photos, limits.max_ocr_pages)
        pipe_rate, raw_rate = read / pipe_wall, raw_pages / raw_wall
        ratio = raw_rate / pipe_rate if pipe_rate else float("inf")
        print(f"{'pipeline OCR (' + str(args.workers) + ' workers, cold)':38}{pipe_wall:8.1f} s"
              f"{pipe_rate:8.2f} pages/s  ({read} pages read, {placed}/{len(result.files)} "
              f"files placed)")
        print(f"{'raw RapidOCR(), one process':38}{raw_wall:8.1f} s{raw_rate:8.2f} pages/s  "
              f"({raw_pages} pages)")
        print(f"pipeline takes {ratio:.2f}x the raw engine's time per page (target <= 1.3x)")

        # 2. Feedback on one 3-page scan, as an upload gets it.
        with ParserPool(1, limits) as pool:
            t = time.perf_counter()
            analyse_file(scans[0], pool=pool)
            cold = time.perf_counter() - t
            t = time.perf_counter()
            a = analyse_file(scans[1], pool=pool)
            warm = time.perf_counter() - t
        print(f"one 3-page scan: {warm:.1f} s with the model loaded, {cold:.1f} s in a fresh "
              f"worker ({a.ocr_pages} pages read, {a.language}, {a.materials}); target <= 5 s")

        # 3. The whole package.
        for f in ocr_dir.iterdir():
            f.rename(text_dir / f.name)
        t = time.perf_counter()
        whole = precheck([text_dir], workers=args.workers)
        wall = time.perf_counter() - t
        print(f"whole package: {len(whole.files)} files, "
              f"{sum(f.page_count for f in whole.files)} pages "
              f"({sum(f.ocr_pages for f in whole.files)} by OCR) in {wall:.1f} s wall")
        met = ratio <= 1.3 and warm <= 5.0
        print("targets (<= 1.3x raw engine, <= 5 s for a 3-page scan): "
              + ("met" if met else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
