"""A temporary store for the conversation about the user's own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.dialogue import uploads
from bot.service.store import Store
from bot.settings import Settings


@pytest.fixture()
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A store in ``tmp_path`` that the dialogue's upload handlers use, with a signing secret."""
    st = Store(Settings(data_dir=tmp_path / "data"))
    monkeypatch.setattr(uploads, "_store", lambda: st)
    monkeypatch.setenv("ASSISTANT_SECRET", "unit-test-secret")
    return st
