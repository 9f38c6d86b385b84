"""Fixtures for the pre-check tests: generated documents, parser pools, sample packages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
for folder in (HERE.parent, HERE):  # docgen/formgen, and make_sample_package
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import docgen  # noqa: E402

from bot.precheck.sandbox import ParserPool  # noqa: E402
from bot.settings import Limits  # noqa: E402


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


@pytest.fixture(scope="session")
def defective_package(tmp_path_factory):
    from make_sample_package import build

    return build(tmp_path_factory.mktemp("defective"), defects=True)


@pytest.fixture(scope="session")
def clean_package(tmp_path_factory):
    from make_sample_package import build

    return build(tmp_path_factory.mktemp("clean"), defects=False)
