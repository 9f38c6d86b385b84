"""Help-desk staff: named accounts, console sign-ins, the audit log, the hand-off queue,
an applicant's file by reference number and the batch pre-check.

* Accounts are added and removed on the server (``python -m bot staff …``); secrets are
  hashed with Argon2id (argon2-cffi) and never stored or logged in clear.
* A sign-in is a random token kept in a cookie; the database holds only its SHA-256.  It
  ends after ``ASSISTANT_STAFF_IDLE_MINUTES`` without use, ``ASSISTANT_STAFF_SESSION_HOURS``
  after signing in, on sign-out, and when the account is removed.  Each sign-in has its
  own CSRF token, which every state-changing request must echo.
* Every sign-in (and failed attempt), every applicant or report opened, every re-run,
  claim, close and batch is written to the audit log, which an administrator reads with
  ``python -m bot staff audit`` or on the console.
* Nothing here changes what an applicant uploaded: the console reads their files and may
  make a new report from them; a batch pre-check keeps its analyses apart (never under a
  session) and they are deleted with the purge.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.exc import IntegrityError

from bot.precheck.pipeline import assemble
from bot.precheck.results import FileAnalysis, PrecheckResult
from bot.service.package import SavedReport, make_report, session_result
from bot.service.schema import (
    _REFERENCE_ALPHABET,
    HandoffRecord,
    ReportRecord,
    SessionRecord,
    UploadRecord,
    handoffs,
    new_id,
    staff_accounts,
    staff_audit,
    staff_batch_files,
    staff_sessions,
)
from bot.service.store import Store

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")
REFERENCE_PATTERN = re.compile(rf"^GX-\d{{6}}-[{_REFERENCE_ALPHABET}]{{5}}$")
HEX_ID_PATTERN = re.compile(r"^[0-9a-f]{32}$")  # handoff, batch and report ids (new_id)
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)
ROLES = ("staff", "admin")
MIN_SECRET_CHARS = 10
MAX_SECRET_CHARS = 1024
MAX_BATCH_FILES = 200
BATCH_KEEP_SECONDS = 86400
AUDIT_ACTIONS = ("signin", "signin_failed", "signout", "open", "report", "rerun", "claim",
                 "close", "batch")

_hasher = PasswordHasher()
# Verified against when the account does not exist, so that a wrong name takes as long
# as a wrong secret.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class StaffError(ValueError):
    """A refused request; ``code`` names the bot.i18n message (``api_error_<code>``)."""

    def __init__(self, code: str, **values: Any) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    created_at: float

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class SignIn:
    account: Account
    csrf: str
    created_at: float
    last_seen_at: float


@dataclass(frozen=True)
class AuditEntry:
    at: float
    account: str
    action: str
    reference: str
    detail: str


@dataclass(frozen=True)
class Applicant:
    session: SessionRecord
    uploads: list[UploadRecord]
    result: PrecheckResult
    report: ReportRecord | None


def valid_name(name: object) -> bool:
    return isinstance(name, str) and bool(NAME_PATTERN.match(name))


def valid_reference(reference: object) -> bool:
    return isinstance(reference, str) and bool(REFERENCE_PATTERN.match(reference))


def valid_hex_id(value: object) -> bool:
    return isinstance(value, str) and bool(HEX_ID_PATTERN.match(value))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


class Staff:
    """Staff use cases on top of the session store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.settings = store.settings

    def _run(self, fn: Any, *, write: bool = False) -> Any:
        return self.store._run(fn, write=write)

    # -- accounts --------------------------------------------------------------------------

    def add_account(self, name: str, secret: str, role: str = "staff") -> Account:
        if not valid_name(name):
            raise StaffError("bad_name")
        if role not in ROLES:
            raise StaffError("bad_role")
        if not isinstance(secret, str) or not MIN_SECRET_CHARS <= len(secret) <= MAX_SECRET_CHARS:
            raise StaffError("short_secret", n=MIN_SECRET_CHARS)
        acc = Account(name, role, time.time())
        digest = _hasher.hash(secret)
        try:
            self._run(lambda c: c.execute(staff_accounts.insert().values(
                name=name, secret_hash=digest, role=role, created_at=acc.created_at)),
                write=True)
        except IntegrityError:
            raise StaffError("exists") from None
        return acc

    def accounts(self) -> list[Account]:
        rows = self._run(lambda c: c.execute(sa.select(
            staff_accounts.c.name, staff_accounts.c.role, staff_accounts.c.created_at)
            .order_by(staff_accounts.c.name)).all())
        return [Account(*r) for r in rows]

    def account(self, name: str) -> Account | None:
        return next((a for a in self.accounts() if a.name == name), None)

    def remove_account(self, name: str) -> bool:
        """Remove the account and end its sign-ins; its audit entries stay."""
        def _delete(c: Any) -> int:
            c.execute(staff_sessions.delete().where(staff_sessions.c.account == name))
            return c.execute(staff_accounts.delete().where(staff_accounts.c.name == name)).rowcount

        return bool(self._run(_delete, write=True))

    # -- signing in and out ----------------------------------------------------------------

    def sign_in(self, name: object, secret: object) -> tuple[str, SignIn] | None:
        """A new sign-in (its cookie token and record), or None for a wrong name or secret."""
        ok_input = valid_name(name) and isinstance(secret, str) and 0 < len(secret) <= \
            MAX_SECRET_CHARS
        row = None
        if ok_input:
            row = self._run(lambda c: c.execute(staff_accounts.select().where(
                staff_accounts.c.name == name)).first())
        stored = row._mapping["secret_hash"] if row is not None else _DUMMY_HASH
        verified: bool
        try:
            verified = _hasher.verify(stored, secret if isinstance(secret, str) else "")
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            verified = False
        if not verified or row is None:
            self.audit(name if isinstance(name, str) and valid_name(name) else "?", "signin_failed")
            return None
        if _hasher.check_needs_rehash(stored):
            digest = _hasher.hash(secret)  # type: ignore[arg-type]
            self._run(lambda c: c.execute(staff_accounts.update().where(
                staff_accounts.c.name == name).values(secret_hash=digest)), write=True)
        account = Account(row._mapping["name"], row._mapping["role"], row._mapping["created_at"])
        token = secrets.token_urlsafe(32)
        now = time.time()
        rec = SignIn(account, secrets.token_urlsafe(32), now, now)
        self._run(lambda c: c.execute(staff_sessions.insert().values(
            token_hash=_token_hash(token), account=account.name, csrf=rec.csrf,
            created_at=now, last_seen_at=now)), write=True)
        self.audit(account.name, "signin")
        return token, rec

    def signed_in(self, token: str | None, *, touch: bool = True) -> SignIn | None:
        """The sign-in of a cookie token, if it is valid and has not expired."""
        if not token or not TOKEN_PATTERN.match(token):
            return None
        key = _token_hash(token)
        row = self._run(lambda c: c.execute(
            sa.select(staff_sessions, staff_accounts.c.role, staff_accounts.c.created_at
                      .label("account_created"))
            .join(staff_accounts, staff_accounts.c.name == staff_sessions.c.account)
            .where(staff_sessions.c.token_hash == key)).first())
        if row is None:
            return None
        m = row._mapping
        now = time.time()
        idle = self.settings.staff_idle_minutes * 60
        total = self.settings.staff_session_hours * 3600
        if now - m["last_seen_at"] > idle or now - m["created_at"] > total:
            self._run(lambda c: c.execute(staff_sessions.delete().where(
                staff_sessions.c.token_hash == key)), write=True)
            return None
        if touch:
            self._run(lambda c: c.execute(staff_sessions.update().where(
                staff_sessions.c.token_hash == key).values(last_seen_at=now)), write=True)
        return SignIn(Account(m["account"], m["role"], m["account_created"]), m["csrf"],
                      m["created_at"], now)

    @staticmethod
    def csrf_ok(sign_in: SignIn, given: str | None) -> bool:
        return bool(given) and given.isascii() and hmac.compare_digest(  # type: ignore[union-attr]
            sign_in.csrf.encode(), given.encode())  # type: ignore[union-attr]

    def sign_out(self, token: str | None, account: str) -> None:
        if token and TOKEN_PATTERN.match(token):
            self._run(lambda c: c.execute(staff_sessions.delete().where(
                staff_sessions.c.token_hash == _token_hash(token))), write=True)
        self.audit(account, "signout")

    # -- the audit log ---------------------------------------------------------------------

    def audit(self, account: str, action: str, reference: str = "", detail: str = "") -> None:
        self._run(lambda c: c.execute(staff_audit.insert().values(
            at=time.time(), account=account[:64], action=action, reference=reference[:32],
            detail=detail[:255])), write=True)

    def audit_log(self, limit: int = 500, account: str | None = None,
                  reference: str | None = None) -> list[AuditEntry]:
        """The newest entries first."""
        q = sa.select(staff_audit.c.at, staff_audit.c.account, staff_audit.c.action,
                      staff_audit.c.reference, staff_audit.c.detail)
        if account:
            q = q.where(staff_audit.c.account == account)
        if reference:
            q = q.where(staff_audit.c.reference == reference)
        q = q.order_by(staff_audit.c.at.desc(), staff_audit.c.id.desc()).limit(max(1, limit))
        return [AuditEntry(*r) for r in self._run(lambda c: c.execute(q).all())]

    # -- the hand-off queue ----------------------------------------------------------------

    def queue(self) -> list[HandoffRecord]:
        """New requests first (oldest first: the longest wait on top), then claimed ones,
        then the last 100 done."""
        rows = self._run(lambda c: c.execute(handoffs.select().order_by(
            handoffs.c.created_at)).all())
        recs = [HandoffRecord(**dict(r._mapping)) for r in rows]
        order = {"new": 0, "claimed": 1, "done": 2}
        done = [h for h in recs if h.status == "done"][-100:]
        return sorted([h for h in recs if h.status != "done"] + done,
                      key=lambda h: (order.get(h.status, 0), h.created_at))

    def _handoff(self, handoff_id: str) -> HandoffRecord:
        if not valid_hex_id(handoff_id):
            raise StaffError("not_found")
        row = self._run(lambda c: c.execute(handoffs.select().where(
            handoffs.c.id == handoff_id)).first())
        if row is None:
            raise StaffError("not_found")
        return HandoffRecord(**dict(row._mapping))

    def claim(self, handoff_id: str, account: str) -> HandoffRecord:
        """Take a new request.  Two people claiming at once: one wins, the other is told
        who has it."""
        h = self._handoff(handoff_id)
        n = self._run(lambda c: c.execute(handoffs.update().where(
            (handoffs.c.id == handoff_id) & ((handoffs.c.status == "new")
                                             | (handoffs.c.claimed_by == account))).values(
            status="claimed", claimed_by=account, claimed_at=time.time())).rowcount,
            write=True)
        h = self._handoff(handoff_id)
        if not n:
            raise StaffError("handoff_taken", name=h.claimed_by or "?")
        self.audit(account, "claim", h.reference)
        return h

    def close(self, handoff_id: str, account: str) -> HandoffRecord:
        h = self._handoff(handoff_id)
        self._run(lambda c: c.execute(handoffs.update().where(handoffs.c.id == handoff_id)
                                      .values(status="done", closed_at=time.time(),
                                              claimed_by=h.claimed_by or account)), write=True)
        self.audit(account, "close", h.reference)
        return self._handoff(handoff_id)

    # -- an applicant by reference ---------------------------------------------------------

    def _session(self, reference: str) -> SessionRecord:
        if not valid_reference(reference):
            raise StaffError("bad_reference")
        rec = self.store.session_by_reference(reference)
        if rec is None:
            raise StaffError("no_applicant", reference=reference)
        return rec

    def applicant(self, reference: str, account: str) -> Applicant:
        rec = self._session(reference)
        self.audit(account, "open", rec.reference)
        return Applicant(rec, self.store.uploads(rec.id), session_result(self.store, rec),
                         self.store.latest_report(rec.reference))

    def report(self, reference: str, fmt: str, account: str) -> ReportRecord:
        """The latest report (its record), for one format; written to the audit log."""
        rec = self._session(reference)
        report = self.store.latest_report(rec.reference)
        if report is None or fmt not in report.formats:
            raise StaffError("no_report", reference=rec.reference)
        self.audit(account, "report", rec.reference, f"{fmt} {report.id}")
        return report

    def rerun(self, reference: str, lang: str, account: str) -> SavedReport:
        """A new report from the applicant's files as they are (the files are untouched)."""
        rec = self._session(reference)
        saved = make_report(self.store, rec, lang)
        self.audit(account, "rerun", rec.reference, saved.record.id)
        return saved

    # -- batch pre-check -------------------------------------------------------------------

    def batch_add(self, batch_id: str, account: str, analysis: FileAnalysis) -> None:
        if not valid_hex_id(batch_id):
            raise StaffError("bad_batch")
        n = self._run(lambda c: c.execute(sa.select(sa.func.count()).where(
            staff_batch_files.c.batch_id == batch_id)).scalar()) or 0
        if n >= MAX_BATCH_FILES:
            raise StaffError("batch_too_large", n=MAX_BATCH_FILES)
        self._run(lambda c: c.execute(staff_batch_files.insert().values(
            id=new_id(), batch_id=batch_id, account=account, name=analysis.name[:512],
            analysis=json.dumps(analysis.to_dict(), ensure_ascii=False),
            created_at=time.time())), write=True)

    def batch_result(self, batch_id: str, account: str) -> PrecheckResult:
        """The package pre-check of a batch, as the CLI makes it.  Only the account that
        made the batch can read it."""
        if not valid_hex_id(batch_id):
            raise StaffError("bad_batch")
        rows = self._run(lambda c: c.execute(sa.select(staff_batch_files.c.analysis).where(
            (staff_batch_files.c.batch_id == batch_id)
            & (staff_batch_files.c.account == account))
            .order_by(staff_batch_files.c.created_at, staff_batch_files.c.id)).all())
        if not rows:
            raise StaffError("bad_batch")
        analyses = [FileAnalysis.from_dict(json.loads(r[0])) for r in rows]
        analyses.sort(key=lambda a: a.name)  # the CLI walks a folder in name order
        return assemble(analyses)

    def purge(self, now: float | None = None) -> int:
        """Forget old batches and expired sign-ins; returns how many batch files went."""
        now = now or time.time()
        oldest = now - self.settings.staff_session_hours * 3600

        def _delete(c: Any) -> int:
            c.execute(staff_sessions.delete().where(staff_sessions.c.created_at < oldest))
            return c.execute(staff_batch_files.delete().where(
                staff_batch_files.c.created_at < now - BATCH_KEEP_SECONDS)).rowcount

        return int(self._run(_delete, write=True) or 0)
