"""Hostile files: size limits, zip bombs, and parsers that hang, crash or blow up."""

from __future__ import annotations

import pytest

from bot.precheck.pipeline import _analyse_in_worker, analyse_file, analyse_files
from bot.precheck.results import TOO_LARGE, UNREADABLE
from bot.precheck.sandbox import TEST_HOOK_ENV, ParserPool, WorkerFailed, preflight
from bot.settings import Limits
from tests.support import docgen

SMALL_ZIP = Limits(max_unzipped_bytes=20 << 20, max_zip_entries=500)


def test_file_over_the_size_limit_is_refused_before_parsing(tmp_path, pool):
    path = docgen.write_sample(tmp_path / "Bank Reference Letter.pdf", "1.1.4", "en")
    limits = Limits(max_file_bytes=path.stat().st_size - 1)
    a = analyse_file(path, limits=limits, pool=pool)
    assert [(p.code, p.detail) for p in a.problems] == [(TOO_LARGE, "file_size")]
    assert a.materials == ["1.1.4"]  # placed by its name, so 1.1.4 shows the problem


def test_zip_bomb_with_high_declared_size(tmp_path):
    bomb = docgen.make_zip_bomb_docx(tmp_path / "bomb.docx", inflated_bytes=30 << 20)
    assert bomb.stat().st_size < 200_000  # a ratio over 150:1
    p = preflight(bomb, SMALL_ZIP)
    assert (p.code, p.detail) == (TOO_LARGE, "zip_declared_size")


def test_zip_bomb_with_many_entries(tmp_path):
    bomb = docgen.make_zip_bomb_docx(tmp_path / "entries.docx", entries=600)
    p = preflight(bomb, SMALL_ZIP)
    assert (p.code, p.detail) == (TOO_LARGE, "zip_entries")


def test_zip_bomb_with_many_entries_under_default_limits(tmp_path):
    bomb = docgen.make_zip_bomb_docx(tmp_path / "entries.docx", entries=5100)
    p = preflight(bomb, Limits())
    assert (p.code, p.detail) == (TOO_LARGE, "zip_entries")


def test_zip_bomb_lying_about_its_size_is_caught_before_the_parser(tmp_path, monkeypatch):
    bomb = docgen.make_zip_bomb_docx(tmp_path / "liar.docx", inflated_bytes=30 << 20,
                                     lie_about_size=True)
    assert preflight(bomb, SMALL_ZIP) is None  # the directory looks harmless

    def parser_must_not_run(*args, **kwargs):
        raise AssertionError("the DOCX parser was called on a zip bomb")

    monkeypatch.setattr("bot.precheck.extract.docx.read_docx", parser_must_not_run)
    result = _analyse_in_worker(str(bomb), "liar.docx", SMALL_ZIP)
    assert [(p["code"], p["detail"]) for p in result["problems"]] == \
        [(TOO_LARGE, "zip_inflated_size")]


def test_zip_bomb_refused_in_a_package(tmp_path, pool):
    bomb = docgen.make_zip_bomb_docx(tmp_path / "bomb.docx", inflated_bytes=30 << 20)
    good = docgen.write_sample(tmp_path / "good.docx", "3.1", "zh")
    with ParserPool(1, SMALL_ZIP) as small:
        a, b = analyse_files([bomb, good], limits=SMALL_ZIP, pool=small)
    assert a.problem_codes == [TOO_LARGE]
    assert b.problem_codes == [] and b.materials == ["3.1"]


def test_ordinary_docx_passes_the_zip_checks(tmp_path):
    path = docgen.make_docx(tmp_path / "ok.docx", ["考试章程"] * 100)
    assert preflight(path, Limits()) is None


@pytest.fixture
def hostile_pool(monkeypatch):
    """A pool whose workers hang on *hang_me*, crash (SIGSEGV) on *crash_me* and allocate
    memory without end on *eat_me* (the test hook), with a small address space.  The time
    limit is short enough to keep the test quick and long enough for a well-behaved file
    on a busy machine."""
    monkeypatch.setenv(TEST_HOOK_ENV, "hang:hang_me,crash:crash_me,memory:eat_me")
    limits = Limits(parse_seconds=8, parse_memory_bytes=512 << 20)
    with ParserPool(2, limits) as p:
        yield p


@pytest.mark.parametrize("name, detail", [
    ("crash_me.pdf", "crash"),  # a hang is in the package test below
    ("eat_me.pdf", "memory"),
])
def test_misbehaving_parser_becomes_a_problem(tmp_path, hostile_pool, name, detail):
    path = docgen.write_sample(tmp_path / name, "1.1.4", "en")
    a = analyse_file(path, limits=hostile_pool.limits, pool=hostile_pool)
    assert [(p.code, p.detail) for p in a.problems] == [(UNREADABLE, detail)]
    assert a.sha256  # still identified, so a stored analysis can be matched to the upload


def test_rest_of_the_package_is_still_checked(tmp_path, hostile_pool):
    names = ["a_hang_me.pdf", "b_good.pdf", "c_crash_me.pdf", "d_good.docx", "e_eat_me.pdf",
             "f_good.pdf"]
    paths = []
    for n in names:
        paths.append(docgen.write_sample(tmp_path / n, "1.1.4" if "good" not in n else "2.1",
                                         "zh"))
    result = analyse_files(paths, limits=hostile_pool.limits, pool=hostile_pool)
    assert [a.name for a in result] == names
    details = {a.name: [(p.code, p.detail) for p in a.problems] for a in result}
    assert details == {
        "a_hang_me.pdf": [(UNREADABLE, "timeout")],
        "b_good.pdf": [],
        "c_crash_me.pdf": [(UNREADABLE, "crash")],
        "d_good.docx": [],
        "e_eat_me.pdf": [(UNREADABLE, "memory")],
        "f_good.pdf": [],
    }
    assert all(a.materials == ["2.1"] for a in result if "good" in a.name)


def test_pool_replaces_dead_workers(tmp_path, hostile_pool):
    crash = docgen.write_sample(tmp_path / "crash_me.pdf", "1.1.4", "en")
    good = docgen.write_sample(tmp_path / "good.pdf", "1.1.4", "en")
    for _ in range(3):  # more crashes than workers
        with pytest.raises(WorkerFailed):
            hostile_pool.call(_analyse_in_worker, str(crash), "crash_me.pdf",
                              hostile_pool.limits)
    result = hostile_pool.call(_analyse_in_worker, str(good), "good.pdf", hostile_pool.limits)
    assert result["materials"] == ["1.1.4"]


def test_pool_can_be_called_from_threads(tmp_path, pool):
    from concurrent.futures import ThreadPoolExecutor

    paths = [docgen.write_sample(tmp_path / f"f{i}.pdf", "3.3", "zh") for i in range(6)]
    with ThreadPoolExecutor(4) as ex:
        results = list(ex.map(lambda p: analyse_file(p, pool=pool), paths))
    assert all(r.materials == ["3.3"] for r in results)


def test_asyncio_server_style_call(tmp_path, pool):
    import asyncio

    path = docgen.write_sample(tmp_path / "x.pdf", "4.2", "en")

    async def handler():
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, lambda: analyse_file(path, pool=pool))

    assert asyncio.run(handler()).materials == ["4.2"]


def test_a_broken_installation_is_not_blamed_on_the_file(tmp_path):
    from bot.precheck.sandbox import WorkerStartError

    path = docgen.write_sample(tmp_path / "x.pdf", "2.1", "zh")
    with ParserPool(1, Limits(), preload=("bot.no_such_module",)) as broken:
        with pytest.raises(WorkerStartError):
            analyse_file(path, pool=broken)
