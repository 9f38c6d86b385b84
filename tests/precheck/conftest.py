"""Fixtures for the pre-check tests: generated documents, parser pools, sample packages."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.precheck.sandbox import ParserPool
from bot.settings import Limits
from tests.support import docgen
from tests.support.documents import complete_result, result  # noqa: F401 (fixtures)


@pytest.fixture(scope="session")
def pool():
    """A parser pool with the default limits, shared by the tests of a session."""
    with ParserPool(2, Limits()) as p:
        yield p


@pytest.fixture
def sample(tmp_path):
    """sample(name, material, lang) writes the sample document of a material."""

    def write(name: str, material: str, lang: str, **kw) -> Path:
        return docgen.write_sample(tmp_path / name, material, lang, **kw)

    return write
