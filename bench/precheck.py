"""Pre-check speed: the project's pipeline against pdfplumber and raw pypdfium2.

Generates a mixed package of about 300 pages (PDF and DOCX, Chinese and foreign) in a
temporary folder, then measures, each in its own process so that peak memory is its own:

- pipeline: bot.precheck.pipeline.precheck() on the folder, as ``python -m bot precheck`` runs it
  (sandboxed parser workers, language, classification, translation pairing, form);
- pdfplumber: ``page.extract_text()`` on every PDF page (python-docx for the DOCX files);
- pypdfium2: raw text extraction of every PDF page (python-docx for the DOCX files), the
  floor any pipeline built on it can reach.

Prints wall time, pages per second and peak RSS of each, and the ratios.
Targets: pipeline <= 10 s wall on 2 cores and >= 5x faster than pdfplumber.
Run: PYTHONPATH=. .venv/bin/python bench/precheck.py [--pages N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def generate(folder: Path, pages: int = 300) -> int:
    """Write the package; returns its page count (PDF pages plus DOCX estimated pages)."""
    from bot.precheck.extract import extract
    from tests.support import docgen

    materials = [m for m in docgen.SAMPLES if len(docgen.SAMPLES[m]) >= 2]
    total = 0
    i = 0
    pdf_share = 0.7
    while total < pages:
        material = materials[i % len(materials)]
        langs = list(docgen.SAMPLES[material])
        lang = langs[i % len(langs)]
        title, body = docgen.SAMPLES[material][lang]
        kind = "pdf" if (i % 10) < pdf_share * 10 else "docx"
        want = 12 if kind == "pdf" else 6  # pages per file
        lines_per_page = 40
        filler: list[str] = [title]
        while len(filler) < want * lines_per_page // 2:
            filler.extend(body)
        path = folder / f"{i:03d}_{material}_{lang}.{kind}"
        if kind == "pdf":
            pages_lines = [filler[k:k + lines_per_page // 2]
                           for k in range(0, len(filler), lines_per_page // 2)][:want]
            docgen.make_pdf(path, pages_lines)
        else:
            docgen.make_docx(path, filler * 2)
        total += extract(path).page_count
        i += 1
    return total


def _peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process (VmHWM: ru_maxrss would include the memory
    of the process it was forked from) and of its largest finished child (an upper
    bound: a child's figure includes what it inherited at fork)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                own = int(line.split()[1]) / 1024
    except OSError:
        pass
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def run_pipeline(folder: Path, workers: int) -> dict:
    from bot.precheck.pipeline import precheck
    from bot.precheck.sandbox import close_default_pool

    t = time.perf_counter()
    result = precheck([folder], workers=workers)
    wall = time.perf_counter() - t
    close_default_pool()  # so that the workers' peak memory is counted
    own, children = _peak_rss_mb()
    pages = sum(f.page_count for f in result.files)
    return {"wall": wall, "pages": pages, "rss_self": own, "rss_children": children,
            "files": len(result.files),
            "problems": sum(len(f.problems) for f in result.files)}


def _docx_text(path: Path) -> int:
    import docx

    d = docx.Document(str(path))
    return sum(len(p.text) for p in d.paragraphs)


def _read_all(folder: Path, pdf_pages: Callable[[Path], Iterator[str]]) -> dict:
    """Reads every file of ``folder`` (PDF pages with ``pdf_pages``, DOCX with python-docx)
    and measures it."""
    t = time.perf_counter()
    pages = chars = 0
    for path in sorted(folder.iterdir()):
        if path.suffix == ".pdf":
            for text in pdf_pages(path):
                chars += len(text)
                pages += 1
        else:
            chars += _docx_text(path)
    wall = time.perf_counter() - t
    own, children = _peak_rss_mb()
    return {"wall": wall, "pdf_pages": pages, "chars": chars, "rss_self": own,
            "rss_children": children}


def _pdfplumber_pages(path: Path) -> Iterator[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            yield page.extract_text() or ""
            page.close()


def _pypdfium2_pages(path: Path) -> Iterator[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            yield textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        pdf.close()


def run_pdfplumber(folder: Path) -> dict:
    return _read_all(folder, _pdfplumber_pages)


def run_pypdfium2(folder: Path) -> dict:
    return _read_all(folder, _pypdfium2_pages)


def _generate_elsewhere(folder: Path, pages: int) -> int:
    """Generate the package in a child process, so this process stays small and the
    measured processes it starts inherit little memory."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    proc = subprocess.run([sys.executable, __file__, "--generate", "--pages", str(pages),
                           str(folder)], capture_output=True, text=True, env=env, check=True)
    return int(proc.stdout.strip().splitlines()[-1])


def _measure(kind: str, folder: Path, workers: int) -> dict:
    """Run one measurement in a fresh interpreter."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    proc = subprocess.run(
        [sys.executable, __file__, "--run", kind, "--workers", str(workers), str(folder)],
        capture_output=True, text=True, env=env, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description="pre-check speed benchmark")
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--run", choices=("pipeline", "pdfplumber", "pypdfium2"))
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="generate the package here and keep it")
    parser.add_argument("--generate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        print(generate(args.folder, args.pages))
        return 0
    if args.run:
        runner = {"pipeline": lambda f: run_pipeline(f, args.workers),
                  "pdfplumber": run_pdfplumber, "pypdfium2": run_pypdfium2}[args.run]
        print(json.dumps(runner(args.folder)))
        return 0

    with tempfile.TemporaryDirectory(prefix="bench-precheck-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        pages = _generate_elsewhere(folder, args.pages)
        files = sorted(folder.iterdir())
        pdfs = sum(1 for f in files if f.suffix == ".pdf")
        print(f"package: {len(files)} files ({pdfs} PDF, {len(files) - pdfs} DOCX), "
              f"{pages} pages, zh/en/fr/de; generated in {time.perf_counter() - t:.1f} s")
        print(f"machine: {os.cpu_count()} CPUs; pipeline workers: {args.workers}")
        pipe = _measure("pipeline", folder, args.workers)
        plumber = _measure("pdfplumber", folder, args.workers)
        floor = _measure("pypdfium2", folder, args.workers)

    def line(name: str, r: dict, rss: str) -> str:
        return (f"{name:34}{r['wall']:8.2f} s{pages / r['wall']:10.1f} pages/s   peak RSS {rss}")

    print(line("pipeline (bot.precheck.pipeline, 2 workers)", pipe,
               f"{pipe['rss_self']:.0f} MB parent, {pipe['rss_children']:.0f} MB largest worker"))
    print(line("(a) pdfplumber extract_text", plumber, f"{plumber['rss_self']:.0f} MB"))
    print(line("(b) raw pypdfium2 (floor)", floor, f"{floor['rss_self']:.0f} MB"))
    speedup = plumber["wall"] / pipe["wall"]
    over_floor = pipe["wall"] / floor["wall"]
    print(f"pipeline is {speedup:.1f}x faster than pdfplumber; {over_floor:.1f}x the raw "
          f"pypdfium2 time (which does no classification, language, pairing or sandboxing)")
    print(f"pipeline checked {pipe['files']} files, {pipe['pages']} pages, "
          f"{pipe['problems']} problems found")
    met = pipe["wall"] <= 10.0 and speedup >= 5.0
    print("targets (<= 10 s wall, >= 5x faster than pdfplumber): " + ("met" if met else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
