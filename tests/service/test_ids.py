"""The id pattern and the path guard: nothing a client sends becomes a path outside the
data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.service.ids import (
    InvalidId,
    UnsafePath,
    check_generated,
    check_id,
    inside,
    is_generated,
    is_id,
)
from bot.service.schema import new_id
from bot.service.store import Store
from bot.settings import Settings

HOSTILE = ["", "..", ".", "../", "../" * 12 + "etc", "a/b", "a\\b", "/abs", "a b", "é",
           "会话", "a" * 65, "-leading", "_leading", "a.b", "a\x00b", "a\nb", "２", None, 7]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_ids_are_refused(value: object) -> None:
    assert not is_id(value) and not is_generated(value)
    with pytest.raises(InvalidId):
        check_id(value)


@pytest.mark.parametrize("value", ["demo-zh", "bench-1a2b3c4d5e6f", "eval_set_a-17", "A", "a" * 64,
                                   "oAbC-123_xyz0123456789abcdef"])
def test_local_script_senders_and_openids_match(value: str) -> None:
    assert check_id(value) == value


def test_only_generated_ids_become_path_parts() -> None:
    assert is_generated(new_id())
    for value in ("demo-zh", new_id().upper(), new_id()[:-1], new_id() + "0"):
        with pytest.raises(InvalidId):
            check_generated(value)


def test_the_path_guard_keeps_paths_inside(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (tmp_path / "canary").mkdir()
    assert inside(root, "files/x/y.pdf") == (root / "files/x/y.pdf").resolve()
    for bad in ("", ".", "..", "../canary", "files/../../canary", "/etc/passwd", "a\\..\\b",
                "files/\x00"):
        with pytest.raises(UnsafePath):
            inside(root, bad)
    os.symlink(tmp_path / "canary", root / "link")  # a link out of the folder
    with pytest.raises(UnsafePath):
        inside(root, "link/file")


def test_the_store_refuses_unsafe_session_ids(tmp_path: Path) -> None:
    store = Store(Settings(data_dir=tmp_path / "data"))
    canary = tmp_path / "canary"
    canary.mkdir()
    (canary / "keep.txt").write_text("keep")
    for sid in ("..", "../canary", "../" * 12 + str(canary).lstrip("/"), "rest-demo"):
        with pytest.raises(InvalidId):
            store.delete_session_data(sid)
        with pytest.raises(InvalidId):
            store.save_report(sid, "GX-1", "complete", {"json": b"{}"})
        with pytest.raises(InvalidId):
            store.add_upload(sid, "a.pdf", b"%PDF", ".pdf")
    assert (canary / "keep.txt").read_text() == "keep"
    assert (tmp_path / "data" / "assistant.db").exists()
