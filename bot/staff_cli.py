"""``python -m bot staff …``: the help desk's named accounts and the audit log.

    python -m bot staff add NAME [--admin] [--secret-stdin]
    python -m bot staff list
    python -m bot staff remove NAME
    python -m bot staff audit [--limit N] [--account NAME] [--reference GX-…]

The secret is asked for twice on the terminal (never an argument: arguments show in the
process list), or read from the first line of standard input with ``--secret-stdin``.
"""

from __future__ import annotations

import argparse
import getpass
from datetime import datetime, timezone
from typing import TextIO

MIN_SECRET_HELP = "at least 10 characters"


def add_parser(commands: argparse._SubParsersAction) -> None:
    s = commands.add_parser("staff", help="staff console accounts and the audit log",
                            description="Add, list and remove the help desk's named accounts "
                            "for the staff console (/portal/staff/), and read the audit log "
                            "of who signed in and opened which applicant's report.")
    sub = s.add_subparsers(dest="staff_command", metavar="ACTION")
    sub.required = True
    a = sub.add_parser("add", help="add an account (the secret is asked for)")
    a.add_argument("name", help="the account name: lower-case letters, digits, . _ -")
    a.add_argument("--admin", action="store_true", help="may read the audit log")
    a.add_argument("--secret-stdin", action="store_true",
                   help=f"read the secret ({MIN_SECRET_HELP}) from standard input")
    sub.add_parser("list", help="list the accounts")
    r = sub.add_parser("remove", help="remove an account and end its sign-ins")
    r.add_argument("name")
    u = sub.add_parser("audit", help="print the audit log, newest first")
    u.add_argument("--limit", type=int, default=100)
    u.add_argument("--account", default=None)
    u.add_argument("--reference", default=None)
    s.set_defaults(handler=run)


def _when(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _read_secret(args: argparse.Namespace, stdin: TextIO | None) -> str:
    import sys

    if args.secret_stdin:
        return ((stdin or sys.stdin).readline()).rstrip("\r\n")
    first = getpass.getpass(f"Secret for {args.name} ({MIN_SECRET_HELP}): ")
    if getpass.getpass("Again: ") != first:
        raise ValueError("the two secrets differ")
    return first


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO,
        stdin: TextIO | None = None) -> int:
    from bot.service.staff import AUDIT_ACTIONS, MIN_SECRET_CHARS, Staff, StaffError
    from bot.service.store import Store

    staff = Staff(Store())
    cmd = args.staff_command
    if cmd == "add":
        try:
            secret = _read_secret(args, stdin)
            acc = staff.add_account(args.name, secret, "admin" if args.admin else "staff")
        except ValueError as exc:
            code = getattr(exc, "code", "")
            message = {"bad_name": "the name must be 2-32 characters: lower-case letters, "
                       "digits, '.', '_' or '-', starting with a letter",
                       "short_secret": f"the secret must have at least {MIN_SECRET_CHARS} "
                       "characters",
                       "exists": f"an account named {args.name} already exists"
                       }.get(code, str(exc))
            stderr.write(f"python -m bot staff add: error: {message}\n")
            return 2
        stdout.write(f"added {acc.name} ({acc.role})\n")
        return 0
    if cmd == "list":
        accounts = staff.accounts()
        if not accounts:
            stdout.write("no accounts yet: python -m bot staff add NAME\n")
        for a in accounts:
            stdout.write(f"{a.name}\t{a.role}\t{_when(a.created_at)}\n")
        return 0
    if cmd == "remove":
        if not staff.remove_account(args.name):
            stderr.write(f"python -m bot staff remove: error: no account named {args.name}\n")
            return 2
        stdout.write(f"removed {args.name}\n")
        return 0
    try:
        entries = staff.audit_log(args.limit, args.account, args.reference)
    except StaffError as exc:  # pragma: no cover - nothing raises here today
        stderr.write(f"error: {exc.code}\n")
        return 2
    for e in entries:
        action = e.action if e.action in AUDIT_ACTIONS else "?"
        stdout.write(f"{_when(e.at)}\t{e.account}\t{action}\t{e.reference}\t{e.detail}\n")
    return 0
