"""Hostile-file run: the pre-check against a generated corpus of malformed and hostile files.

Builds, in a temporary folder (or ``--out DIR``), more than 1,000 files: truncated and
bit-flipped PDFs and DOCX made from the test fixture generators (``tests/support/docgen.py``,
``tests/support/formgen.py``), zip bombs, XML entity bombs in DOCX parts, deeply nested and
looping PDF objects, PDF stream and operator bombs, huge page trees, encrypted PDFs and Office
files, wrong extensions, empty and blank files, and awkward file names (non-UTF-8 bytes,
very long, control characters).  Nothing is downloaded; the largest file is a few MB.
The generators are in ``bench/hostile_corpus/``; the run in ``bench/hostile_corpus/run.py``.

The corpus is then checked exactly as the product checks uploads: ``analyse_files`` with
the default limits and the process-wide parser pool, in packages of ``--package-size``
hostile files mixed with two good files each.  The run fails (exit status 1) when:

- an exception escapes ``analyse_files``, or the parser pool stops working;
- a hostile file gets no problem code (files that may legitimately survive their damage,
  such as a bit flip in a text run, must then read as the original did);
- a good file in a package gets a problem or the wrong material;
- a file hits the time or memory limit, or crashes its parser process (the sandbox
  contains these, but a file that can be refused early must be);
- a file's name comes back unprintable (not UTF-8, or with control characters);
- a problem code/detail has no specific message in Chinese and English.

Prints files tried, failures, the slowest file, the peak RSS of this process and of the
parser workers, and how many files got each problem code and detail.
Run: PYTHONPATH=. .venv/bin/python bench/hostile.py [--out DIR] [--seed N] [--group NAME]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.hostile_corpus.run import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
