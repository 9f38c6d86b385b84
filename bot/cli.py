"""The command line: ``python -m bot <command> …``.

Commands:

- ``precheck PATH [PATH …] [--format json|md|html|docx] [--output FILE] [--lang zh|en]``
  checks a package (files and/or folders, walked recursively) and writes the report;
- ``template annex1|annex2 -o FILE`` writes a blank registration form (附件1) or annual
  summary (附件2) as DOCX.

Exit status: 0 whenever a report (or template) was written, 2 for a usage error (no such
path, unknown format, DOCX to a terminal without ``--output``), 1 if the report could not
be made or written (the output file cannot be written, the parser workers cannot start).  A new command is one ``add_parser`` call in :func:`build_parser` and a handler.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from bot.staff_cli import add_parser as add_staff_parser

FORMATS = ("json", "md", "html", "docx")
LANGS = ("zh", "en")
USAGE_ERROR = 2
OUTPUT_ERROR = 1  # no report: the output or the installation failed


class UsageError(Exception):
    """A mistake in how the command was called; reported with exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Pre-check assistant for 桂人社规〔2020〕12号 (foreign vocational "
        "qualification certificates in the Guangxi Free Trade Zone).")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    p = commands.add_parser(
        "precheck", help="check an application package and write the pre-check report",
        description="Check the files of an application package (PDF, DOCX, JPG/PNG photos "
                    "and scans read by OCR; folders are "
        "walked recursively) and write the pre-check report.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")
    p.add_argument("--format", "-f", default="json", choices=FORMATS,
                   help="report format (default: json)")
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write the report to FILE instead of standard output")
    p.add_argument("--lang", default="zh", choices=LANGS,
                   help="language of the md/html/docx report (default: zh)")
    p.add_argument("--reference", default="", help="a reference number to print on the report")
    p.add_argument("--workers", type=int, default=None,
                   help="parser processes (default: ASSISTANT_PARSE_WORKERS or 2)")
    p.add_argument("--no-progress", action="store_true",
                   help="do not draw the progress bar on standard error")
    p.set_defaults(handler=_precheck)

    t = commands.add_parser("template", help="write a blank annex form as DOCX",
                            description="Write a blank 附件1 (registration form) or 附件2 "
                            "(annual summary) as a DOCX file.")
    t.add_argument("kind", choices=("annex1", "annex2"))
    t.add_argument("--output", "-o", required=True, metavar="FILE", help="the DOCX to write")
    t.set_defaults(handler=_template)

    r = commands.add_parser(
        "purge", help="delete uploads and reports older than the retention period",
        description="Delete the sessions idle for longer than the retention period "
        "(ASSISTANT_RETENTION_DAYS, default 30) with their uploaded files and reports, and "
        "any stored file the index does not name.  Run it daily, e.g. from cron.")
    r.add_argument("--days", type=int, default=None,
                   help="retention in days (default: ASSISTANT_RETENTION_DAYS or 30)")
    r.set_defaults(handler=_purge)
    add_staff_parser(commands)
    return parser


def _purge(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from bot.service.staff import Staff
    from bot.service.store import Store

    if args.days is not None and args.days < 0:
        raise UsageError("--days must be 0 or more")
    store = Store()
    counts = store.purge(args.days)
    counts["staff_batch_files"] = Staff(store).purge()
    stdout.write(json.dumps(counts) + "\n")
    return 0


class ProgressBar:
    """The progress of a batch on a stream (tqdm): ``5/10 [####      ] name``."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self._bar = tqdm(total=total, file=stream, unit="file", dynamic_ncols=True, leave=True)

    def __call__(self, done: int, total: int, name: str) -> None:
        self._bar.set_postfix_str(name if len(name) <= 40 else "…" + name[-39:], refresh=False)
        self._bar.update(done - self._bar.n)
        if done >= total:
            self._bar.close()


def _render(result, fmt: str, lang: str) -> str | bytes:
    from bot.precheck import report

    if fmt == "json":
        return report.render_json(result)
    if fmt == "md":
        return report.render_markdown(result, lang)
    if fmt == "html":
        return report.render_html(result, lang)
    return report.render_docx(result, lang)


def _precheck(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from bot.precheck.pipeline import analyse_files, assemble, collect_files

    if args.format == "docx" and not args.output and _is_tty(stdout):
        raise UsageError("a DOCX report cannot be shown in a terminal: add --output FILE "
                         "(or redirect standard output to a file)")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    try:
        items = collect_files(args.paths)
    except FileNotFoundError as exc:
        raise UsageError(f"no such file or folder: {exc}") from None
    if not items:
        raise UsageError("no files found in " + ", ".join(args.paths))
    progress = None
    if len(items) > 1 and not args.no_progress:
        progress = ProgressBar(stderr, len(items))
    analyses = analyse_files(items, workers=args.workers, progress=progress)
    result = assemble(analyses, reference=args.reference)
    data = _render(result, args.format, args.lang)
    return _write(data, args.output, stdout, stderr)


def _template(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from bot.precheck.blanks import write_template

    out = Path(args.output)
    if out.is_dir():
        raise UsageError(f"{out} is a folder: give a file name, e.g. {out / (args.kind + '.docx')}")
    try:
        write_template(args.kind, out)
    except OSError as exc:
        stderr.write(f"error: cannot write {out}: {exc.strerror or exc}\n")
        return OUTPUT_ERROR
    stderr.write(f"{out}\n")
    return 0


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _write(data: str | bytes, output: str | None, stdout: TextIO, stderr: TextIO) -> int:
    if output:
        try:
            if isinstance(data, bytes):
                Path(output).write_bytes(data)
            else:
                Path(output).write_text(data if data.endswith("\n") else data + "\n",
                                        encoding="utf-8")
        except OSError as exc:
            stderr.write(f"error: cannot write {output}: {exc.strerror or exc}\n")
            return OUTPUT_ERROR
        return 0
    if isinstance(data, bytes):
        buffer = getattr(stdout, "buffer", None)
        if buffer is None:
            raise UsageError("standard output does not accept binary data: use --output FILE")
        buffer.write(data)
        buffer.flush()
    else:
        stdout.write(data if data.endswith("\n") else data + "\n")
        stdout.flush()
    return 0


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage message
        return int(exc.code or 0) if exc.code not in (None, 0) else 0
    try:
        return args.handler(args, stdout, stderr)
    except UsageError as exc:
        stderr.write(f"{parser.prog} {args.command}: error: {exc}\n")
        return USAGE_ERROR
    except RuntimeError as exc:  # e.g. the parser workers cannot start
        stderr.write(f"{parser.prog} {args.command}: error: {exc}\n")
        return OUTPUT_ERROR
