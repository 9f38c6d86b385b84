"""Staff accounts, sign-ins, the audit log, the hand-off queue and what staff may open."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

import bot.service.staff as staff_module
from bot.precheck.results import FileAnalysis
from bot.service.schema import staff_accounts, staff_sessions
from bot.service.staff import Staff, StaffError
from bot.service.store import Store
from bot.settings import Settings

SECRET = "correct horse battery"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id still, with small costs: the real ones take ~0.4 s a hash on purpose."""
    monkeypatch.setattr(staff_module, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(Settings(data_dir=tmp_path / "data", staff_idle_minutes=30,
                          staff_session_hours=10))


@pytest.fixture()
def staff(store: Store) -> Staff:
    s = Staff(store)
    s.add_account("li.na", SECRET)
    s.add_account("boss", SECRET + "!", "admin")
    return s


def actions(staff: Staff) -> list[tuple[str, str, str]]:
    return [(e.account, e.action, e.reference) for e in reversed(staff.audit_log())]


def test_accounts_are_listed_and_their_secret_is_stored_only_as_an_argon2_hash(
        staff: Staff, store: Store) -> None:
    assert [(a.name, a.role) for a in staff.accounts()] == [("boss", "admin"), ("li.na", "staff")]
    with store.engine.connect() as c:
        stored = c.execute(sa.select(staff_accounts.c.secret_hash)).scalars().all()
    assert all(h.startswith("$argon2id$") and SECRET not in h for h in stored)


@pytest.mark.parametrize("name,secret,code", [
    ("Li Na", SECRET, "bad_name"), ("../x", SECRET, "bad_name"), ("a", SECRET, "bad_name"),
    ("zhang", "short", "short_secret"), ("li.na", SECRET, "exists")])
def test_bad_accounts_are_refused(staff: Staff, name: str, secret: str, code: str) -> None:
    with pytest.raises(StaffError) as exc:
        staff.add_account(name, secret)
    assert exc.value.code == code


def test_sign_in_with_the_right_secret_only_and_every_attempt_is_logged(staff: Staff) -> None:
    assert staff.sign_in("li.na", "wrong secret!!") is None
    assert staff.sign_in("nobody", SECRET) is None
    assert staff.sign_in("li.na", None) is None
    token, who = staff.sign_in("li.na", SECRET)
    assert who.account.name == "li.na" and not who.account.is_admin
    again = staff.signed_in(token)
    assert again is not None and again.csrf == who.csrf
    assert staff.signed_in(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert staff.signed_in("../../etc") is None
    assert actions(staff) == [("li.na", "signin_failed", ""), ("nobody", "signin_failed", ""),
                              ("li.na", "signin_failed", ""), ("li.na", "signin", "")]


def test_the_database_keeps_only_a_hash_of_the_sign_in_token(staff: Staff, store: Store) -> None:
    token, _ = staff.sign_in("li.na", SECRET)
    with store.engine.connect() as c:
        kept = c.execute(sa.select(staff_sessions.c.token_hash)).scalars().all()
    assert kept and token not in kept


def test_a_sign_in_ends_when_idle_too_long_after_its_maximum_age_on_sign_out_and_removal(
        staff: Staff, store: Store) -> None:
    def age(_n: int, **values: float) -> None:
        with store.engine.begin() as c:
            c.execute(staff_sessions.update().values(**values))

    token, _ = staff.sign_in("li.na", SECRET)
    age(1, last_seen_at=time.time() - 31 * 60)
    assert staff.signed_in(token) is None
    token, _ = staff.sign_in("li.na", SECRET)
    age(1, created_at=time.time() - 11 * 3600)  # in use all along, but signed in too long ago
    assert staff.signed_in(token) is None
    token, _ = staff.sign_in("li.na", SECRET)
    staff.sign_out(token, "li.na")
    assert staff.signed_in(token) is None
    token, _ = staff.sign_in("li.na", SECRET)
    assert staff.remove_account("li.na")
    assert staff.signed_in(token) is None and staff.sign_in("li.na", SECRET) is None
    assert not staff.remove_account("li.na")


def test_csrf_token_must_match_exactly(staff: Staff) -> None:
    _, who = staff.sign_in("li.na", SECRET)
    assert Staff.csrf_ok(who, who.csrf)
    assert not Staff.csrf_ok(who, None) and not Staff.csrf_ok(who, "")
    assert not Staff.csrf_ok(who, who.csrf[:-1]) and not Staff.csrf_ok(who, "令牌")


def test_queue_claim_and_close(staff: Staff, store: Store) -> None:
    a, b = store.create_session(), store.create_session("web", "en")
    first = store.record_handoff(a.id, a.reference, "zh", "费用多少？")
    second = store.record_handoff(b.id, b.reference, "en", "a person please")
    assert [(h.reference, h.status) for h in staff.queue()] == [
        (a.reference, "new"), (b.reference, "new")]
    h = staff.claim(first.id, "li.na")
    assert (h.status, h.claimed_by) == ("claimed", "li.na")
    with pytest.raises(StaffError) as exc:
        staff.claim(first.id, "boss")
    assert exc.value.code == "handoff_taken" and exc.value.values == {"name": "li.na"}
    assert staff.close(first.id, "li.na").status == "done"
    assert [(h.reference, h.status) for h in staff.queue()] == [
        (b.reference, "new"), (a.reference, "done")]
    with pytest.raises(StaffError):
        staff.claim("not-an-id", "li.na")
    assert ("li.na", "claim", a.reference) in actions(staff)
    assert ("li.na", "close", a.reference) in actions(staff)
    assert second.status == "new"


def test_opening_an_applicant_and_a_report_is_logged_and_changes_nothing_they_uploaded(
        staff: Staff, store: Store) -> None:
    s = store.create_session()
    up = store.add_upload(s.id, "certificate.pdf", b"%PDF-1.4 test", ".pdf")
    store.set_analysis(up.id, FileAnalysis(name="certificate.pdf", kind="pdf", language="zh",
                                           has_chinese=True, materials=["1.1.1"]))
    before = [(u.id, u.name, u.sha256, u.materials) for u in store.uploads(s.id)]
    with pytest.raises(StaffError) as exc:
        staff.report(s.reference, "html", "li.na")
    assert exc.value.code == "no_report"
    saved = staff.rerun(s.reference, "zh", "li.na")
    assert staff.report(s.reference, "html", "li.na").id == saved.record.id
    a = staff.applicant(s.reference, "boss")
    assert [u.name for u in a.uploads] == ["certificate.pdf"] and a.report.id == saved.record.id
    assert [(u.id, u.name, u.sha256, u.materials) for u in store.uploads(s.id)] == before
    assert store.path(up.stored).read_bytes() == b"%PDF-1.4 test"
    assert [(x[0], x[1]) for x in actions(staff)[-3:]] == [
        ("li.na", "rerun"), ("li.na", "report"), ("boss", "open")]
    assert staff.audit_log(reference=s.reference, account="boss")[0].action == "open"


@pytest.mark.parametrize("reference,code", [
    ("../../etc/passwd", "bad_reference"), ("GX-261128-7K3F", "bad_reference"),
    ("GX-261128-7K3FQ", "no_applicant")])
def test_bad_or_unknown_references_are_refused(staff: Staff, reference: str, code: str) -> None:
    with pytest.raises(StaffError) as exc:
        staff.applicant(reference, "li.na")
    assert exc.value.code == code


def test_a_batch_is_the_cli_s_result_and_belongs_to_its_account_only(staff: Staff,
                                                                     store: Store) -> None:
    batch = "a" * 32
    staff.batch_add(batch, "li.na", FileAnalysis(name="b/章程.docx", kind="docx",
                                                 language="zh", materials=["1.1.2"]))
    staff.batch_add(batch, "li.na", FileAnalysis(name="a/证书.pdf", kind="pdf", language="zh",
                                                 materials=["1.1.1"]))
    result = staff.batch_result(batch, "li.na")
    assert [f.name for f in result.files] == ["a/证书.pdf", "b/章程.docx"]
    provided = {m.id for m in result.materials if m.status == "provided"}
    assert provided == {"1.1.1", "1.1.2"}
    with pytest.raises(StaffError):
        staff.batch_result(batch, "boss")
    with pytest.raises(StaffError):
        staff.batch_add("../x", "li.na", FileAnalysis(name="x.pdf"))
    assert store.uploads("li.na") == [] and not (store.data_dir / "files").exists()
    assert staff.purge(now=time.time() + 2 * 86400) == 2
