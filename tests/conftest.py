"""Shared test set-up: every test run keeps its data (sessions, uploads, reports) in a
temporary folder, never in the project's var/."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("ASSISTANT_DATA_DIR", tempfile.mkdtemp(prefix="assistant-test-data-"))


def pytest_configure(config) -> None:  # noqa: ANN001 - pytest's hook signature
    config.addinivalue_line(
        "markers", "stack: needs the trained model and runs the servers (make test-stack)")
