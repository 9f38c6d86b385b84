"""The session store: uploads, reports, deletion, retention, isolation between sessions."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from bot.precheck.results import FileAnalysis
from bot.service.store import Store, new_reference, write_atomic
from bot.settings import Settings


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(Settings(data_dir=tmp_path / "data", retention_days=30))


def test_upload_is_written_and_indexed(store: Store) -> None:
    s = store.create_session("web", "zh")
    rec = store.add_upload(s.id, "章程.pdf", b"%PDF-1.4 test", ".pdf")
    assert store.path(rec.stored).read_bytes() == b"%PDF-1.4 test"
    assert [u.name for u in store.uploads(s.id)] == ["章程.pdf"]
    assert store.uploads(s.id)[0].status == "parsing"


def test_analysis_and_user_choice_of_material(store: Store) -> None:
    s = store.create_session()
    rec = store.add_upload(s.id, "scan.pdf", b"%PDF-1.4", ".pdf")
    store.set_analysis(rec.id, FileAnalysis(name="scan.pdf", materials=["2.1"], language="en"))
    assert store.get_upload(s.id, rec.id).materials == ["2.1"]
    assert store.set_materials(s.id, rec.id, ["2.3"])
    up = store.get_upload(s.id, rec.id)
    assert up.materials == ["2.3"] and up.analysis.language == "en" and up.status == "done"


def test_a_session_cannot_touch_another_sessions_files(store: Store) -> None:
    a, b = store.create_session(), store.create_session()
    rec = store.add_upload(a.id, "x.pdf", b"%PDF-1.4", ".pdf")
    assert store.get_upload(b.id, rec.id) is None
    assert store.remove_upload(b.id, rec.id) is None
    assert not store.set_materials(b.id, rec.id, ["1.1.1"])
    assert store.path(rec.stored).exists()
    assert store.uploads(b.id) == []


def test_report_saved_and_found_by_reference(store: Store) -> None:
    s = store.create_session()
    rep = store.save_report(s.id, s.reference, "incomplete", {"json": b"{}", "docx": b"PK.."})
    assert store.get_report(s.id, rep.id).formats.keys() == {"json", "docx"}
    assert store.latest_report(s.reference.lower()).id == rep.id
    other = store.create_session()
    assert store.get_report(other.id, rep.id) is None


def test_references_are_readable_and_unique(store: Store) -> None:
    refs = {store.create_session().reference for _ in range(50)}
    assert len(refs) == 50
    ref = new_reference()
    assert ref.startswith("GX-") and len(ref) == len("GX-261128-ABCDE")
    assert not set(ref[10:]) & set("01OI")


def test_delete_my_data_removes_files_and_reports(store: Store) -> None:
    s = store.create_session()
    up = store.add_upload(s.id, "a.pdf", b"%PDF-1.4", ".pdf")
    rep = store.save_report(s.id, s.reference, "complete", {"html": b"<p>"})
    store.record_handoff(s.id, s.reference, "zh", "请联系我 13800138000")
    counts = store.forget_session(s.id)
    assert counts == {"files": 1, "reports": 1, "handoffs": 1, "conversations": 0}
    assert store.uploads(s.id) == []
    assert store.get_report(s.id, rep.id) is None
    assert not store.path(up.stored).exists()
    assert not (store.data_dir / "files" / s.id).exists()
    assert store.handoffs() == []  # the note with the phone number is gone, not blanked
    assert store.get_session(s.id) is None  # its token opens nothing any more


def test_purge_removes_idle_sessions_and_orphans(store: Store) -> None:
    old, fresh = store.create_session(), store.create_session()
    store.add_upload(old.id, "old.pdf", b"%PDF-1.4", ".pdf")
    keep = store.add_upload(fresh.id, "new.pdf", b"%PDF-1.4", ".pdf")
    orphan = store.data_dir / "files" / fresh.id / "left-by-a-crash.pdf"
    orphan.write_bytes(b"%PDF")
    os.utime(orphan, (time.time() - 7200, time.time() - 7200))
    later = time.time() + 31 * 86400
    store.touch(fresh.id)
    with store.engine.begin() as c:  # only `fresh` was seen within the retention period
        from bot.service.store import sessions
        c.execute(sessions.update().where(sessions.c.id == fresh.id).values(last_seen_at=later))
    counts = store.purge(now=later)
    assert counts["sessions"] == 1 and counts["files"] == 1 and counts["orphans"] == 1
    assert store.get_session(old.id) is None
    assert store.path(keep.stored).exists()
    assert not orphan.exists()


def test_write_atomic_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "f.bin"

    with pytest.raises(TypeError):
        write_atomic(target, object())  # type: ignore[arg-type]
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
    write_atomic(target, b"ok")
    assert target.read_bytes() == b"ok"


def test_wechat_message_ids_are_seen_once(store: Store) -> None:
    assert store.first_delivery("1234567890")
    assert not store.first_delivery("1234567890")
    assert store.first_delivery("1234567891")


def test_two_store_objects_share_one_database(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "shared")
    a, b = Store(settings), Store(settings)
    s = a.create_session()
    a.add_upload(s.id, "x.docx", b"PK", ".docx")
    assert [u.name for u in b.uploads(s.id)] == ["x.docx"]


def test_upload_names_in_order_without_reading_analyses(store: Store) -> None:
    s = store.create_session()
    a = store.add_upload(s.id, "a.pdf", b"%PDF-1.4", ".pdf")
    b = store.add_upload(s.id, "b.docx", b"PK", ".docx")
    store.set_analysis(a.id, FileAnalysis(name="a.pdf", materials=["1.1.1"]))
    assert store.upload_names(s.id) == {a.id: "a.pdf", b.id: "b.docx"}
    assert list(store.upload_names(s.id)) == [a.id, b.id]
    assert store.upload_names(store.create_session().id) == {}


def test_uploads_never_analysed_are_found_for_reading_again(store: Store) -> None:
    s = store.create_session()
    done = store.add_upload(s.id, "done.pdf", b"%PDF-1.4", ".pdf")
    store.set_analysis(done.id, FileAnalysis(name="done.pdf"))
    interrupted = store.add_upload(s.id, "cut.pdf", b"%PDF-1.4", ".pdf")
    assert [u.id for u in store.unparsed_uploads()] == [interrupted.id]
    assert store.unparsed_uploads(before=interrupted.created_at) == []  # arrived later


def test_the_file_limit_holds_under_parallel_uploads(store: Store) -> None:
    from concurrent.futures import ThreadPoolExecutor

    s = store.create_session()
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: store.add_upload(
            s.id, f"{i}.pdf", b"%PDF-1.4 " + bytes([i]), ".pdf", max_files=5), range(40)))
    assert sum(r is not None for r in results) == 5
    assert len(store.uploads(s.id)) == 5
    assert len(list((store.data_dir / "files" / s.id).iterdir())) == 5  # refused: no file


def test_the_data_folder_quota_refuses_a_file_that_does_not_fit(tmp_path) -> None:  # noqa: ANN001
    from bot.service.store import QuotaExceeded
    from bot.settings import Limits

    st = Store(Settings(data_dir=tmp_path / "q", limits=Limits(data_quota_bytes=100)))
    s = st.create_session()
    assert st.add_upload(s.id, "a.pdf", b"%" * 60, ".pdf") is not None
    with pytest.raises(QuotaExceeded):
        st.add_upload(s.id, "b.pdf", b"%" * 60, ".pdf")
    assert len(st.uploads(s.id)) == 1
