"""The pre-check of an application package: what each file is and what is wrong.

Two stages, so that a file is parsed once when it is uploaded and the package can be
re-assessed cheaply at any time (for instance after the user says which material an
unclassified file is):

1. :func:`analyse_file` reads one file in a sandboxed worker process and returns a
   :class:`~bot.precheck.results.FileAnalysis` (store it with ``to_dict()``);
2. :func:`assemble` combines stored analyses into a
   :class:`~bot.precheck.results.PrecheckResult`: translation pairing, material statuses, the
   registration form and the verdict.

:func:`precheck` does both for a list of files and folders.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from datetime import datetime, timezone
from pathlib import Path

from bot.notice import FORM_MATERIAL_ID, MATERIALS, MATERIALS_BY_ID
from bot.precheck.results import (
    BLOCKING_PROBLEMS,
    COMPLETE,
    EMPTY,
    ENCRYPTED,
    INCOMPLETE,
    MISSING,
    NO_TEXT,
    OPTIONAL,
    PROBLEM,
    PROVIDED,
    TOO_LARGE,
    UNCLASSIFIED,
    UNREADABLE,
    UNSUPPORTED_TYPE,
    UNTRANSLATED,
    FileAnalysis,
    FileProblem,
    FileReport,
    FormCheck,
    MaterialStatus,
    PrecheckResult,
)
from bot.precheck.sandbox import ParserPool, WorkerFailed, WorkerStartError, default_pool, preflight
from bot.precheck.timelimit import OutOfTime, time_limit
from bot.settings import Limits, get_settings

FORM_ID = FORM_MATERIAL_ID
MIN_TEXT_CHARS = 10  # fewer non-space characters than this: the file is empty
# Names skipped when a folder is walked (system files, editors' lock files).
_JUNK_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
MAX_NAME_CHARS = 200  # a longer display name keeps its start and its extension
_KEYS_TEXT_CHARS = 60_000  # text the content fingerprints are taken from (translation pairing)
# Characters that reorder the text around them: a name could hide its real extension.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067"
                                   "\u2068\u2069\u200e\u200f"))

Progress = Callable[[int, int, str], None]


# ---------------------------------------------------------------------------
# Stage 1: one file
# ---------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")


def _decode_name_bytes(raw: bytes) -> str:
    """A file name's bytes as text: GB 2312 (names from Chinese Windows) when all of it is
    that; otherwise UTF-8 where the bytes are UTF-8 and the other runs of bytes as GB 2312
    when they are that, else as Windows-1252 (names from Western Windows)."""
    try:
        return raw.decode("gb2312")
    except UnicodeDecodeError:
        pass

    def guess(m: re.Match[str]) -> str:
        run = m.group().encode("utf-8", "surrogateescape")
        try:
            return run.decode("gb2312")
        except UnicodeDecodeError:
            return run.decode("cp1252", "replace")

    return _ESCAPED_RUN.sub(guess, raw.decode("utf-8", "surrogateescape"))


def display_name(name: str) -> str:
    """A file name fit to show and store: text that encodes as UTF-8 (bytes a file
    system gave undecoded, as surrogate escapes, are decoded as GB 2312 or Windows-1252),
    no control characters (each becomes a space) and no bidirectional overrides, at most
    MAX_NAME_CHARS characters (the start and the extension kept)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape") if all(
            not "\ud800" <= ch <= "\udfff" or "\udc80" <= ch <= "\udcff" for ch in name) \
            else name.encode("utf-8", "replace")
        name = _decode_name_bytes(raw)
    name = name.translate(_BIDI_CONTROLS)
    name = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in name)
    if len(name) > MAX_NAME_CHARS:
        stem, dot, ext = name.rpartition(".")
        ext = ext if dot and 0 < len(ext) <= 10 else ""
        keep = MAX_NAME_CHARS - 1 - (len(ext) + 1 if ext else 0)
        name = (stem if ext else name)[:keep] + "…" + ("." + ext if ext else "")
    return name


def _content_keys(text: str) -> list[str]:
    from bot.precheck.pairing import content_keys

    return content_keys(text[:_KEYS_TEXT_CHARS])


def _classify_by_name(fa: FileAnalysis) -> None:
    """A file that cannot be read is still placed by its name, so the material it was
    meant to be shows the problem instead of being reported missing."""
    from bot.precheck.classify import classify
    from bot.precheck.language import detect_language

    stem = fa.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    c = classify("", fa.name, language=detect_language(stem.replace("_", " ")).language)
    fa.materials = c.materials
    fa.candidates = c.candidates


def _analyse_in_worker(path: str, name: str, limits: Limits) -> dict:
    """Everything about one file that needs its content.  Runs in a parser worker."""
    from bot.precheck.classify import classify, title_lines
    from bot.precheck.crosscheck import read_facts
    from bot.precheck.extract import ExtractError, extract
    from bot.precheck.extract.scan import ocr_readable
    from bot.precheck.extract.sniff import DOCX, IMAGE, PDF, sniff
    from bot.precheck.extract.sniff import EMPTY as SNIFF_EMPTY
    from bot.precheck.extract.sniff import ENCRYPTED as SNIFF_ENCRYPTED
    from bot.precheck.language import detect_language
    from bot.precheck.sandbox import apply_test_hook, zip_inflated_problem

    apply_test_hook(path)
    p = Path(path)
    fa = FileAnalysis(name=name, size=p.stat().st_size, sha256=_sha256(p))
    s = sniff(p)
    if s.kind == SNIFF_EMPTY:
        fa.problems.append(FileProblem(EMPTY, "no_bytes" if fa.size == 0 else "blank"))
        _classify_by_name(fa)
        return fa.to_dict()
    if s.kind == SNIFF_ENCRYPTED:
        fa.problems.append(FileProblem(ENCRYPTED, s.detail))
        _classify_by_name(fa)
        return fa.to_dict()
    if s.kind not in (PDF, DOCX, IMAGE):
        if not _register_sheet(p, s.kind, s.detail, fa, limits):
            fa.problems.append(FileProblem(UNSUPPORTED_TYPE, s.detail))
        _classify_by_name(fa)
        return fa.to_dict()
    fa.kind = s.kind
    if s.kind == DOCX:
        bomb = zip_inflated_problem(p, limits)
        if bomb:
            fa.problems.append(bomb)
            _classify_by_name(fa)
            return fa.to_dict()
    try:
        doc = extract(p, kind=s.kind, max_pages=limits.max_pages, ocr_pages=limits.max_ocr_pages,
                      ocr_seconds=limits.parse_seconds * limits.ocr_time_share,
                      max_image_pixels=limits.max_image_pixels)
    except ExtractError as exc:
        fa.problems.append(FileProblem(exc.code, exc.detail))
        _classify_by_name(fa)
        return fa.to_dict()
    fa.page_count = doc.page_count
    fa.page_count_estimated = doc.page_count_estimated
    fa.has_text_layer = doc.has_text_layer
    fa.ocr_pages, fa.ocr_confidence, fa.ocr_skipped = (doc.ocr_pages, doc.ocr_confidence,
                                                       doc.ocr_skipped)
    text = doc.text
    fa.text_chars = len(text)
    if not doc.has_text_layer or (doc.ocr_pages and not ocr_readable(doc)):
        fa.problems.append(FileProblem(NO_TEXT, "ocr_unreadable" if doc.ocr_pages else "scanned"))
        _classify_by_name(fa)
        return fa.to_dict()
    if sum(1 for ch in text if not ch.isspace()) < MIN_TEXT_CHARS:
        fa.problems.append(FileProblem(EMPTY, "no_pages" if doc.page_count == 0 else "no_text"))
        _classify_by_name(fa)
        return fa.to_dict()
    guess = detect_language(text)
    fa.language, fa.has_chinese, fa.bilingual = guess.language, guess.has_chinese, guess.bilingual
    titles = title_lines(text, limit=1)
    fa.title = (doc.title or (titles[0] if titles else ""))[:200]
    c = classify(text, name, language=guess.language, title=doc.title,
                 bilingual=guess.bilingual)
    fa.materials, fa.candidates, fa.is_translation = c.materials, c.candidates, c.is_translation
    fa.keys = _content_keys(text)
    fa.facts = read_facts(text)
    annex2 = _read_form(p, s.kind, doc, fa, limits)
    _read_annual(p, s.kind, doc, fa, limits, annex2)
    if not fa.materials:
        # "annex2": the annual summary (附件2), which is a duty after approval, not an
        # application material; the user most likely meant the registration form.
        fa.problems.append(FileProblem(UNCLASSIFIED, "annex2" if annex2 else ""))
    return fa.to_dict()


# Share of the per-file time limit the registration form's table reader may use; after
# it the form is read from the text alone.
TABLE_TIME_SHARE = 1 / 3


def _read_form(path: Path, kind: str, doc, fa: FileAnalysis, limits: Limits) -> bool:
    """Read the registration form (附件1) from a file that is, or looks like, one.
    Returns True when the file is the annual summary (附件2) instead."""
    try:
        from bot.precheck.annex1 import looks_like_annex1, looks_like_annex2, read_annex1
    except ImportError:  # the form reader is not installed in this build
        return False
    if looks_like_annex2(doc) and not looks_like_annex1(doc):
        fa.materials = [m for m in fa.materials if m != FORM_ID]
        fa.candidates = [c for c in fa.candidates if c[0] != FORM_ID]
        return True
    maybe = FORM_ID in fa.materials or any(m == FORM_ID for m, _ in fa.candidates)
    if not maybe and not looks_like_annex1(doc):
        return False
    if kind == "pdf" and not doc.ocr_pages:  # a scan's tables are in its OCR text only
        from bot.precheck.extract import ExtractError, extract

        try:
            with time_limit(limits.parse_seconds * TABLE_TIME_SHARE):
                doc = extract(path, kind=kind, tables=True, max_pages=limits.max_pages)
        except (ExtractError, OutOfTime):
            pass  # the table reader fails or is too slow: the form is read from its text
    if FORM_ID in fa.materials or looks_like_annex1(doc):
        fa.form = read_annex1(doc, fa.name)
        if FORM_ID not in fa.materials:
            fa.materials.append(FORM_ID)
    return False


def _register_sheet(path: Path, kind: str, detail: str, fa: FileAnalysis, limits: Limits) -> bool:
    """Count the rows of an XLSX register of certificates (the only spreadsheet read)."""
    from bot.precheck.annex2.register import RegisterError, count_xlsx_rows
    from bot.precheck.intake import is_register_sheet
    from bot.precheck.sandbox import zip_inflated_problem

    if not is_register_sheet(kind, detail, fa.name):
        return False
    fa.kind = "xlsx"
    bomb = zip_inflated_problem(path, limits)
    if bomb:
        fa.problems.append(bomb)
        return True
    try:
        fa.register_rows = count_xlsx_rows(path)
    except RegisterError as exc:
        fa.problems.append(FileProblem(UNREADABLE, str(exc)))
    return True


def _read_annual(path: Path, kind: str, doc, fa: FileAnalysis, limits: Limits,
                 annex2: bool) -> None:
    """The annual summary (附件2), or a register of certificates attached to it."""
    from bot.precheck.annex2 import count_register_rows, looks_like_register, read_annex2

    if annex2:
        if kind == "pdf":
            from bot.precheck.extract import ExtractError, extract

            try:
                with time_limit(limits.parse_seconds * TABLE_TIME_SHARE):
                    doc = extract(path, kind=kind, tables=True, max_pages=limits.max_pages)
            except (ExtractError, OutOfTime):
                pass
        fa.annex2 = read_annex2(doc, fa.name).to_dict()
    elif looks_like_register(fa.name, doc):
        fa.register_rows = count_register_rows(doc)


def analyse_file(path: Path, name: str | None = None, limits: Limits | None = None, *,
                 pool: ParserPool | None = None) -> FileAnalysis:
    """Analyse one uploaded file.  Never raises for a bad file: whatever is wrong with it
    becomes a problem on the result (only a parser worker that cannot start at all raises
    :class:`~bot.precheck.sandbox.WorkerStartError`).  ``name`` is the name shown to the user (the upload
    name; the path's name by default), made printable by :func:`display_name`."""
    path = Path(path)
    limits = limits or get_settings().limits
    fa = FileAnalysis(name=display_name(name or path.name) or display_name(path.name))
    try:
        fa.size = path.stat().st_size
        problem = preflight(path, limits)
    except OSError:
        fa.problems.append(FileProblem(UNREADABLE, "missing"))
        _classify_by_name(fa)
        return fa
    if problem is not None:
        fa.problems.append(problem)
        if problem.code == TOO_LARGE and problem.detail != "file_size":
            fa.kind = "docx"
        _classify_by_name(fa)
        return fa
    pool = pool or default_pool(limits)
    try:
        raw = pool.call(_analyse_in_worker, str(path), fa.name, limits)
    except WorkerFailed as exc:
        fa.problems.append(FileProblem(UNREADABLE, exc.detail))
        try:
            fa.sha256 = _sha256(path)
        except OSError:
            pass
        _classify_by_name(fa)
        return fa
    except WorkerStartError:
        raise  # a broken installation, not a bad file: say so instead of blaming the file
    except RuntimeError:  # the analysis itself failed on this file
        fa.problems.append(FileProblem(UNREADABLE, "crash"))
        _classify_by_name(fa)
        return fa
    return FileAnalysis.from_dict(raw)


def analyse_files(paths: Sequence[Path | tuple[Path, str]], *, limits: Limits | None = None,
                  workers: int | None = None, progress: Progress | None = None,
                  pool: ParserPool | None = None) -> list[FileAnalysis]:
    """Analyse several files in parallel, in the given order.  Each item is a path or a
    (path, display name) pair.  ``progress(done, total, name)`` is called as files
    finish.  ``workers`` asks for a pool of that many processes for this call; by default
    the process-wide pool (ASSISTANT_PARSE_WORKERS processes) is used."""
    limits = limits or get_settings().limits
    items = [(Path(p[0]), p[1]) if isinstance(p, tuple) else (Path(p), Path(p).name)
             for p in paths]
    if not items:
        return []
    own_pool = None
    if pool is None:
        if workers is None:
            pool = default_pool(limits)
        else:  # a pool of this size for this call only; the shared one is left alone
            pool = own_pool = ParserPool(max(1, min(workers, len(items))), limits)
    results: list[FileAnalysis | None] = [None] * len(items)
    done = 0
    try:
        with ThreadPoolExecutor(max_workers=pool.size) as ex:
            futures = {ex.submit(analyse_file, path, name, limits, pool=pool): i
                       for i, (path, name) in enumerate(items)}
            for fut in as_completed(futures):
                i = futures[fut]
                results[i] = fut.result()
                done += 1
                if progress:
                    progress(done, len(items), items[i][1])
    finally:
        if own_pool is not None:
            own_pool.close()
    return [r for r in results if r is not None]


# ---------------------------------------------------------------------------
# Stage 2: the package
# ---------------------------------------------------------------------------


def _blocking(a: FileAnalysis) -> bool:
    return any(code in BLOCKING_PROBLEMS for code in a.problem_codes)


def assemble(analyses: Sequence[FileAnalysis],
             overrides: Mapping[str, Sequence[str]] | None = None,
             reference: str = "") -> PrecheckResult:
    """The package result from stored file analyses (no parsing).

    ``overrides`` maps a file name to the material ids the user confirmed for it (an
    empty list: the file is none of the materials); unknown ids raise ValueError.
    """
    from bot.precheck.crosscheck import cross_check
    from bot.precheck.pairing import pair_translations

    files = [FileAnalysis.from_dict(a.to_dict()) for a in analyses]  # never mutate input
    overrides = dict(overrides or {})
    for name, ids in overrides.items():
        unknown = [i for i in ids if i not in MATERIALS_BY_ID]
        if unknown:
            raise ValueError(f"unknown material id(s) for {name!r}: {', '.join(unknown)}")
    for a in files:
        a.problems = [p for p in a.problems if p.code != UNTRANSLATED]
        if a.name in overrides:
            a.materials = list(dict.fromkeys(overrides[a.name]))
            a.problems = [p for p in a.problems if p.code != UNCLASSIFIED]

    pairing = pair_translations(files)
    by_name = {a.name: a for a in files}
    for original, translation in pairing.translation_of.items():
        o, t = by_name[original], by_name[translation]
        # One side's classification carries over to the other side of a pair.
        for src, dst in ((o, t), (t, o)):
            if src.materials and not dst.materials and dst.name not in overrides:
                dst.materials = list(src.materials)
                dst.problems = [p for p in dst.problems if p.code != UNCLASSIFIED]
    # The translation rule is about the materials: a foreign file that is none of them (or
    # not yet known to be one) is not called untranslated.
    for name in pairing.untranslated:
        if by_name[name].materials:
            by_name[name].problems.append(FileProblem(UNTRANSLATED, by_name[name].language))

    form = _pick_form(files)
    cross_check(files, form, pairing.translation_of)  # 表证一致: the package against itself
    statuses = _material_statuses(files, pairing.original_of)
    blocking_required = any(
        s.status != PROVIDED for s in statuses if not MATERIALS_BY_ID[s.id].optional)
    optional_problem = any(s.status == PROBLEM for s in statuses
                           if MATERIALS_BY_ID[s.id].optional)
    form_ok = form is not None and not form.problems
    verdict = COMPLETE if not blocking_required and not optional_problem and form_ok \
        else INCOMPLETE

    reports = [
        FileReport(name=a.name, language=a.language, materials=list(a.materials),
                   problems=list(a.problems), translation=pairing.partner(a.name),
                   candidates=list(a.candidates), bilingual=a.bilingual,
                   page_count=a.page_count, ocr_pages=a.ocr_pages,
                   ocr_confidence=a.ocr_confidence)
        for a in files
    ]
    generated = datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")
    return PrecheckResult(verdict=verdict, materials=statuses, files=reports, form=form,
                          generated_at=generated, reference=reference)


def _material_statuses(files: Sequence[FileAnalysis],
                       original_of: Mapping[str, str]) -> list[MaterialStatus]:
    """provided: a readable file of it with no blocking problem, which is an original or
    a translation whose original was found; problem: one of its files has a blocking
    problem; missing: no file, or only a translation whose original is absent;
    optional: an optional material not supplied."""
    out: list[MaterialStatus] = []
    for m in MATERIALS:
        mine = [a for a in files if m.id in a.materials]
        names = [a.name for a in mine]
        if not mine:
            out.append(MaterialStatus(m.id, OPTIONAL if m.optional else MISSING, []))
            continue
        if any(_blocking(a) for a in mine):
            out.append(MaterialStatus(m.id, PROBLEM, names))
            continue
        has_original = any(not a.is_translation or a.name in original_of for a in mine)
        out.append(MaterialStatus(m.id, PROVIDED if has_original else MISSING, names))
    return out


def _pick_form(files: Sequence[FileAnalysis]) -> FormCheck | None:
    """The registration form read from the file classified as 4.1 (the first readable
    one that has a form; fewest problems wins when there are several)."""
    forms = [a.form for a in files if FORM_ID in a.materials and a.form is not None
             and not _blocking(a)]
    if not forms:
        return None
    return min(forms, key=lambda f: len(f.problems))


# ---------------------------------------------------------------------------
# Both stages
# ---------------------------------------------------------------------------


def _skip(path: Path) -> bool:
    name = path.name
    return name.startswith((".", "~$")) or name.lower() in _JUNK_NAMES


def collect_files(paths: Iterable[Path | str]) -> list[tuple[Path, str]]:
    """Files to check, with display names: a file as given by its name, a folder walked
    recursively (names relative to it; hidden files and editors' lock files skipped).
    Names are made printable (:func:`display_name`) and unique.  Raises
    FileNotFoundError for a path that does not exist."""
    out: list[tuple[Path, str]] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise FileNotFoundError(str(p))
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in sorted(names):
                    f = Path(root) / n
                    if not _skip(f) and f.is_file():
                        out.append((f, display_name(f.relative_to(p).as_posix())))
        else:
            out.append((p, display_name(p.name)))
    seen: dict[str, int] = {}
    unique: list[tuple[Path, str]] = []
    for path, name in out:
        if name in seen:
            seen[name] += 1
            stem, dot, ext = name.rpartition(".")
            name = f"{stem} ({seen[name]}).{ext}" if dot else f"{name} ({seen[name]})"
        seen.setdefault(name, 1)
        unique.append((path, name))
    return unique


def precheck(paths: Iterable[Path | str], *, limits: Limits | None = None,
             workers: int | None = None, progress: Progress | None = None,
             overrides: Mapping[str, Sequence[str]] | None = None,
             reference: str = "") -> PrecheckResult:
    """Check a package given as files and/or folders."""
    items = collect_files(paths)
    analyses = analyse_files(items, limits=limits, workers=workers, progress=progress)
    return assemble(analyses, overrides, reference)
