"""``python -m bot staff``: add, list and remove the console's accounts; read the audit log."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher

import bot.service.staff as staff_module
from bot.cli import main
from bot.service.staff import Staff
from bot.service.store import Store


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(staff_module, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    return tmp_path / "data"


def cli(monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_add_list_sign_in_and_remove(monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli(monkeypatch, "staff", "list")[1].startswith("no accounts yet")
    code, out, _ = cli(monkeypatch, "staff", "add", "li.na", "--secret-stdin",
                       stdin="a long secret 1\n")
    assert code == 0 and out == "added li.na (staff)\n"
    assert cli(monkeypatch, "staff", "add", "boss", "--admin", "--secret-stdin",
               stdin="another secret 2\n")[0] == 0
    lines = cli(monkeypatch, "staff", "list")[1].splitlines()
    assert [ln.split("\t")[:2] for ln in lines] == [["boss", "admin"], ["li.na", "staff"]]
    staff = Staff(Store())
    assert staff.sign_in("li.na", "a long secret 1") is not None
    assert cli(monkeypatch, "staff", "remove", "li.na")[1] == "removed li.na\n"
    assert staff.sign_in("li.na", "a long secret 1") is None
    code, _, err = cli(monkeypatch, "staff", "remove", "li.na")
    assert code == 2 and "no account named li.na" in err


@pytest.mark.parametrize("name,secret,message", [
    ("Li Na", "a long secret 1", "lower-case letters"),
    ("zhang", "short", "at least 10 characters")])
def test_bad_names_and_short_secrets_are_refused(monkeypatch: pytest.MonkeyPatch, name: str,
                                                secret: str, message: str) -> None:
    code, _, err = cli(monkeypatch, "staff", "add", name, "--secret-stdin", stdin=secret + "\n")
    assert code == 2 and message in err
    assert cli(monkeypatch, "staff", "list")[1].startswith("no accounts yet")


def test_audit_prints_who_opened_which_report(monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store()
    s = store.create_session()
    staff = Staff(store)
    staff.add_account("li.na", "a long secret 1")
    staff.sign_in("li.na", "a long secret 1")
    staff.rerun(s.reference, "zh", "li.na")
    staff.report(s.reference, "docx", "li.na")
    lines = [ln.split("\t") for ln in cli(monkeypatch, "staff", "audit")[1].splitlines()]
    assert [(ln[1], ln[2], ln[3]) for ln in lines] == [
        ("li.na", "report", s.reference), ("li.na", "rerun", s.reference),
        ("li.na", "signin", "")]
    only = cli(monkeypatch, "staff", "audit", "--reference", s.reference, "--limit", "1")[1]
    assert only.count("\n") == 1 and "\treport\t" in only
