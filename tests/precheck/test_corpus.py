"""The public corpus (tests/corpus/manifest.json, fetched by `make corpus` into
.cache/corpus/): PDF and DOCX files nobody here wrote.  For every file: no crash, no
`unreadable` when another reader opens it, the same result on a second run.  The files
whose sha256 ends in the manifest's held-out digits are reported apart."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from bot.precheck.pipeline import analyse_files
from bot.precheck.results import UNREADABLE

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = json.loads((ROOT / "tests" / "corpus" / "manifest.json").read_text("utf-8"))
FILES = ROOT / ".cache" / "corpus" / "files"


def _corpus() -> list[Path]:
    if not FILES.is_dir():
        return []
    return sorted(p for p in FILES.rglob("*") if p.is_file() and p.suffix.lower() in (".pdf", ".docx"))


def _other_reader_text(path: Path) -> str:
    """The text another reader finds (pdfminer with the empty password, python-docx)."""
    try:
        if path.suffix.lower() == ".pdf":
            import pdfplumber

            with pdfplumber.open(str(path), password="") as pdf:
                return "".join((p.extract_text() or "") for p in pdf.pages[:5])
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    except Exception:  # noqa: BLE001 - the other reader refuses it too
        return ""


def _held_out(path: Path) -> bool:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest[-1] in MANIFEST["held_out_digits"]


@pytest.fixture(scope="module")
def corpus():
    files = _corpus()
    if not files:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the corpus is missing: run `make corpus`")
        pytest.skip("the corpus is not fetched (make corpus)")
    return files


def test_every_corpus_file_is_read_without_crash_or_false_unreadable(corpus, pool):
    first = analyse_files([(p, p.name) for p in corpus], pool=pool)
    second = analyse_files([(p, p.name) for p in corpus], pool=pool)
    crashes, false_unreadable, unstable = [], [], []
    tally = {"dev": [0, 0], "held-out": [0, 0]}
    for path, a, b in zip(corpus, first, second, strict=True):
        part = "held-out" if _held_out(path) else "dev"
        tally[part][0] += 1
        details = {p.detail for p in a.problems if p.code == UNREADABLE}
        if "crash" in details or "worker" in " ".join(details):
            crashes.append(path.name)
        elif details and _other_reader_text(path).strip():
            false_unreadable.append(path.name)
        if json.dumps(a.to_dict(), sort_keys=True) != json.dumps(b.to_dict(), sort_keys=True):
            unstable.append(path.name)
        tally[part][1] += bool(details)
    print(f"\ncorpus: {len(corpus)} files; crashes {len(crashes)}, false unreadable "
          f"{len(false_unreadable)}, different on a second run {len(unstable)}; unreadable "
          + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in tally.items()))
    assert not crashes
    assert not false_unreadable
    assert not unstable
