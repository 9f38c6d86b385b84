"""Small generated documents as bytes, for uploading in tests and benchmarks."""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Sequence
from pathlib import Path

from tests.support import docgen, formgen


def _via_file(write, suffix: str) -> bytes:  # noqa: ANN001 - a writer taking a path
    with tempfile.TemporaryDirectory(prefix="assistant-sample-") as tmp:
        path = Path(tmp) / f"sample{suffix}"
        write(path)
        return path.read_bytes()


@functools.lru_cache(maxsize=64)
def sample(material: str, lang: str, kind: str = "pdf", extra: tuple[str, ...] = ()) -> bytes:
    """The sample document of ``material`` (tests.support.docgen.SAMPLES) in ``lang``."""
    return _via_file(lambda p: docgen.write_sample(p, material, lang, kind=kind, extra=extra),
                     f".{kind}")


def pdf(lines: Sequence[str] | Sequence[Sequence[str]]) -> bytes:
    return _via_file(lambda p: docgen.make_pdf(p, lines), ".pdf")


def docx(paragraphs: Sequence[str]) -> bytes:
    return docgen.docx_bytes(paragraphs)


def form_docx(**overrides: object) -> bytes:
    """A filled-in registration form (附件1); overrides blank or corrupt fields."""
    return _via_file(lambda p: formgen.filled_annex1_docx(p, **overrides), ".docx")


def unclassifiable_docx() -> bytes:
    """A readable English letter that is none of the materials."""
    return docx(["Dear colleagues,",
                 "Thank you for your hospitality during our visit last spring. We enjoyed the "
                 "discussions and look forward to meeting again at the autumn conference.",
                 "With best regards, the visiting delegation"])
