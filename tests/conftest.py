"""Shared test set-up: every test run keeps its data (sessions, uploads, reports) in a
temporary folder, never in the project's var/."""

from __future__ import annotations

import os
import tempfile

import pytest

os.environ.setdefault("ASSISTANT_DATA_DIR", tempfile.mkdtemp(prefix="assistant-test-data-"))
pytest_plugins = ["tests.support.trackers"]  # the tracker store tests' domain and data folder


def pytest_configure(config) -> None:  # noqa: ANN001 - pytest's hook signature
    config.addinivalue_line(
        "markers", "stack: needs the trained model and runs the servers (make test-stack)")


@pytest.fixture(scope="session")
def defective_package(tmp_path_factory):
    from tests.support.sample_package import build

    return build(tmp_path_factory.mktemp("defective"), defects=True)


@pytest.fixture(scope="session")
def clean_package(tmp_path_factory):
    from tests.support.sample_package import build

    return build(tmp_path_factory.mktemp("clean"), defects=False)
