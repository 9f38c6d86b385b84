"""The hostile-file run: the corpus through analyse_files, judged case by case, with memory and
time figures.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.hostile_corpus.misc import build_corpus
from bench.hostile_corpus.model import MB, PROBLEM, READ, Case, Corpus

# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------


class RssSampler(threading.Thread):
    """Samples the peak resident memory (VmHWM) of this process's child processes."""

    def __init__(self, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_kb = 0
        self.pids: set[int] = set()
        self._halt = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self._halt.is_set():
            for pid in _children(me):
                self.pids.add(pid)
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            self.peak_kb = max(self.peak_kb, int(line.split()[1]))
                except (OSError, ValueError):
                    pass
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def _children(ppid: int) -> list[int]:
    out = []
    try:
        names = os.listdir("/proc")
    except OSError:
        return out
    for name in names:
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 2 and fields[1] == str(ppid):
            out.append(int(name))
    return out


def _own_peak_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _reset_own_peak() -> bool:
    """Start this process's peak-RSS count afresh (so corpus generation is not counted)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _printable_name_problem(name: str) -> str:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "not UTF-8"
    import unicodedata

    for ch in name:
        if unicodedata.category(ch) == "Cc":
            return f"control character U+{ord(ch):04X}"
    return ""


@dataclass
class Outcome:
    case: Case | None  # None: a good file
    name: str
    seconds: float
    codes: list[tuple[str, str]]
    materials: list[str]


def run(corpus: Corpus, package_size: int, rng: random.Random,
        progress: Callable[[int, int], None] | None = None) -> dict:
    import bot.precheck.pipeline as precheck
    from bot.precheck.results import FileProblem
    from bot.precheck.sandbox import close_default_pool
    from bot.settings import get_settings

    limits = get_settings().limits
    timings: dict[tuple[str, str], float] = {}
    lock = threading.Lock()
    real = precheck.analyse_file

    def timed(path, name=None, limits=None, *, pool=None):  # instrumentation only
        t = time.perf_counter()
        try:
            return real(path, name, limits, pool=pool)
        finally:
            with lock:
                timings[(str(path), name or "")] = time.perf_counter() - t

    precheck.analyse_file = timed
    cases = list(corpus.cases)
    rng.shuffle(cases)
    packages = [cases[i:i + package_size] for i in range(0, len(cases), package_size)]
    outcomes: list[Outcome] = []
    escaped: list[str] = []
    pool_failures: list[str] = []
    good_cycle = 0
    sampler = RssSampler()
    sampler.start()
    t0 = time.perf_counter()
    try:
        for n, package in enumerate(packages):
            goods = [corpus.good[(good_cycle + k) % len(corpus.good)] for k in range(2)]
            good_cycle += 2
            items: list[tuple[Path, str] | Path] = []
            roles: list[Case | tuple[Path, str]] = []
            for case in package:
                items.append((case.path, case.display) if case.display is not None
                             else case.path)
                roles.append(case)
            for pos, g in zip((0, len(items) + 1), goods, strict=True):  # first and last
                items.insert(pos, g[0])
                roles.insert(pos, g)
            try:
                results = precheck.analyse_files(items)
            except Exception as exc:  # noqa: BLE001 - exactly what the run looks for
                escaped.append(f"package {n}: {type(exc).__name__}: {exc}"[:300])
                continue
            if len(results) != len(items):
                escaped.append(f"package {n}: {len(results)} results for {len(items)} files")
                continue
            for item, role, fa in zip(items, roles, results, strict=True):
                path, display = (item if isinstance(item, tuple) else (item, None))
                seconds = timings.get((str(path), path.name if display is None else display),
                                      0.0)
                codes = [(p.code, p.detail) for p in fa.problems]
                if isinstance(role, Case):
                    outcomes.append(Outcome(role, fa.name, seconds, codes, list(fa.materials)))
                else:
                    outcomes.append(Outcome(None, fa.name, seconds, codes,
                                            list(fa.materials)))
                    if codes or fa.materials != [role[1]]:
                        pool_failures.append(
                            f"package {n}: good file {role[0].name} -> {codes} "
                            f"{fa.materials}")
            if progress:
                progress(n + 1, len(packages))
        # the pool still works after everything
        try:
            last = precheck.analyse_files([corpus.good[0][0]])[0]
            if last.problems or last.materials != [corpus.good[0][1]]:
                pool_failures.append(f"final check: {last.problems} {last.materials}")
        except Exception as exc:  # noqa: BLE001
            pool_failures.append(f"final check raised {type(exc).__name__}: {exc}")
    finally:
        wall = time.perf_counter() - t0
        precheck.analyse_file = real
        close_default_pool()
        sampler.stop()
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # messages for every code/detail met (and the details the code knows of)
    from bot.precheck.problems import file_problem_message

    generic = {lang: file_problem_message(FileProblem("no-such-code"), lang)
               for lang in ("zh", "en")}
    # Every pair met, and the sandbox's own details (met only when a parser misbehaves).
    seen_pairs = sorted({pair for o in outcomes for pair in o.codes}
                        | {("unreadable", d) for d in ("timeout", "memory", "crash")})
    missing_messages = []
    for code, detail in seen_pairs:
        for lang in ("zh", "en"):
            text = file_problem_message(FileProblem(code, detail), lang)
            if not text.strip() or text.replace("no-such-code", code) == \
                    generic[lang].replace("no-such-code", code):
                missing_messages.append(f"{code}/{detail} ({lang})")
    if any(code == "too_large" for code, _ in seen_pairs):
        size_msg = file_problem_message(FileProblem("too_large", "file_size"), "en")
        for code, detail in seen_pairs:
            if code == "too_large" and detail != "file_size" and \
                    file_problem_message(FileProblem(code, detail), "en") == size_msg:
                missing_messages.append(f"{code}/{detail} (says the file size is too large)")
    return {"outcomes": outcomes, "escaped": escaped, "pool_failures": pool_failures,
            "wall": wall, "packages": len(packages), "package_size": package_size,
            "limits": limits,
            "children_kb": children_kb, "sampled_kb": sampler.peak_kb,
            "worker_pids": len(sampler.pids), "missing_messages": missing_messages,
            "pairs": seen_pairs}


def judge(corpus: Corpus, result: dict) -> dict:
    """Sort the outcomes into failures and findings."""
    baseline = result["baseline"]
    no_problem: list[str] = []
    wrong_code: list[str] = []
    not_read: list[str] = []
    altered: list[str] = []
    survived = 0
    limit_hits: list[str] = []
    contained_crashes: list[str] = []
    bad_names: list[str] = []
    slow: list[str] = []
    limits = result["limits"]
    for o in result["outcomes"]:
        label = o.case.label if o.case else f"good/{o.name}"
        problem = _printable_name_problem(o.name)
        if problem:
            bad_names.append(f"{label}: {problem}")
        for code, detail in o.codes:
            if code == "unreadable" and detail in ("timeout", "memory"):
                limit_hits.append(f"{label} ({detail})")
            elif code == "unreadable" and detail == "crash":
                contained_crashes.append(label)
        if o.seconds > limits.parse_seconds:
            slow.append(f"{label} {o.seconds:.1f} s")
        case = o.case
        if case is None:
            continue
        codes = [c for c, _ in o.codes]
        if case.expect == PROBLEM:
            if not codes:
                no_problem.append(f"{label} -> read as {o.materials}")
            elif case.want and not set(codes) & set(case.want):
                wrong_code.append(f"{label}: {o.codes}, expected {'/'.join(case.want)}")
        elif case.expect == READ:
            if codes or list(case.materials) != o.materials:
                not_read.append(f"{label}: {o.codes} {o.materials}, expected "
                                f"{list(case.materials)}")
        else:
            if not codes:
                survived += 1
                original = baseline.get(case.source)
                if original is None or original[0] or o.materials != original[1]:
                    altered.append(f"{label}: read as {o.materials}, original "
                                   f"{original[1] if original else '?'}")
    return {"no_problem": no_problem, "wrong_code": wrong_code, "not_read": not_read,
            "altered": altered, "survived": survived, "limit_hits": limit_hits,
            "contained_crashes": contained_crashes, "bad_names": bad_names, "slow": slow}


def baseline(corpus: Corpus) -> dict[str, tuple[list, list[str]]]:
    """How the undamaged fixtures read (what a surviving damaged copy must match)."""
    from bot.precheck.pipeline import analyse_files

    sources = corpus.sources
    keys = list(sources)
    results = analyse_files([sources[k] for k in keys])
    return {k: ([(p.code, p.detail) for p in r.problems], list(r.materials))
            for k, r in zip(keys, results, strict=True)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="pre-check against hostile files")
    parser.add_argument("--out", type=Path, help="build the corpus here and keep it")
    parser.add_argument("--seed", type=int, default=20201)
    parser.add_argument("--package-size", type=int, default=20)
    parser.add_argument("--group", action="append", help="only these groups (repeatable)")
    parser.add_argument("--show", type=int, default=12, help="list at most N of each finding")
    parser.add_argument("--results", type=Path, help="write every file's outcome here (TSV)")
    args = parser.parse_args(argv)
    os.environ.pop("ASSISTANT_PARSER_TEST_HOOK", None)

    from bot.settings import get_settings

    settings = get_settings()
    limits = settings.limits
    tmp = None
    if args.out:
        root = args.out
        root.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="bench-hostile-")
        root = Path(tmp.name)
    try:
        t = time.perf_counter()
        corpus = build_corpus(root, args.seed)
        if args.group:
            corpus.cases = [c for c in corpus.cases if c.group in args.group]
        built = time.perf_counter() - t
        size = sum(c.path.stat().st_size for c in corpus.cases)
        biggest = max(c.path.stat().st_size for c in corpus.cases)
        groups = Counter(c.group for c in corpus.cases)
        print(f"corpus: {len(corpus.cases)} hostile files, {size / MB:.0f} MB in all (largest "
              f"{biggest / MB:.1f} MB), built in {built:.1f} s")
        print("  " + ", ".join(f"{g} {n}" for g, n in sorted(groups.items())))
        print(f"limits (bot.settings defaults): {limits.max_file_bytes // MB} MB per file, "
              f"{limits.parse_seconds:.0f} s and {limits.parse_memory_bytes // MB} MB address "
              f"space per parse, {limits.max_pages} pages, {limits.max_unzipped_bytes // MB} MB "
              f"unzipped, {limits.max_zip_entries} zip entries; {settings.parse_workers} parser "
              f"workers; {os.cpu_count()} CPUs", flush=True)
        fresh = _reset_own_peak()
        base = baseline(corpus)

        def progress(done: int, total: int) -> None:
            if done % 10 == 0 or done == total:
                print(f"  ... {done}/{total} packages", flush=True)

        result = run(corpus, args.package_size, random.Random(args.seed), progress)
        result["baseline"] = base
        verdict = judge(corpus, result)
        if args.results:
            with open(args.results, "w", encoding="utf-8") as fh:
                for o in result["outcomes"]:
                    label = o.case.label if o.case else f"good/{o.name}"
                    fh.write(f"{o.seconds:.3f}\t{label}\t{o.codes}\t{o.materials}\n")
        return report(corpus, result, verdict, args.show, fresh)
    finally:
        if tmp is not None:
            tmp.cleanup()


def report(corpus: Corpus, result: dict, v: dict, show: int, fresh_peak: bool) -> int:
    outcomes: list[Outcome] = result["outcomes"]
    hostile = [o for o in outcomes if o.case is not None]
    good = [o for o in outcomes if o.case is None]

    def listing(title: str, items: list[str]) -> None:
        print(f"{title}: {len(items)}")
        for line in items[:show]:
            print(f"    {line}")
        if len(items) > show:
            print(f"    ... and {len(items) - show} more")

    print()
    print(f"files tried: {len(outcomes)} ({len(hostile)} hostile, {len(good)} good files in "
          f"{result['packages']} packages of up to {result['package_size']}+2); "
          f"run {result['wall']:.1f} s, {len(outcomes) / max(result['wall'], 1e-9):.1f} "
          f"files/s")
    crashes = (len(result["escaped"]) + len(result["pool_failures"]) + len(v["no_problem"])
               + len(v["bad_names"]))
    print(f"crashes: {crashes}")
    listing("  exceptions escaping analyse_files", result["escaped"])
    listing("  pool failures (a good file not checked right)", result["pool_failures"])
    listing("  hostile files without a problem code", v["no_problem"])
    listing("  unprintable file names in results", v["bad_names"])
    own = _own_peak_kb() / 1024
    workers = max(result["children_kb"], result["sampled_kb"]) / 1024
    limit_mb = result["limits"].parse_memory_bytes / MB
    over_memory = int(workers > limit_mb)
    exceeded = len(v["limit_hits"]) + len(v["slow"]) + len(v["contained_crashes"]) + over_memory
    print(f"limits exceeded: {exceeded}")
    listing("  files stopped at the time or memory limit", v["limit_hits"])
    listing("  parser processes that crashed (contained)", v["contained_crashes"])
    listing(f"  files over {result['limits'].parse_seconds:.0f} s", v["slow"])
    if over_memory:
        print(f"  parser workers' peak RSS {workers:.0f} MB is over the {limit_mb:.0f} MB limit")
    slowest = max(hostile, key=lambda o: o.seconds)
    label = slowest.case.label if slowest.case else slowest.name
    print(f"slowest file: {slowest.seconds:.2f} s  {label}  {slowest.codes}")
    times = sorted(o.seconds for o in hostile)
    base = sorted(o.seconds for o in good)
    good_median = base[len(base) // 2] if base else 0.0
    print(f"time per file: hostile median {times[len(times) // 2] * 1000:.0f} ms, p99 "
          f"{times[int(len(times) * 0.99)] * 1000:.0f} ms; baseline (the good files of the same "
          f"packages) median {good_median * 1000:.0f} ms; slowest hostile file "
          f"{slowest.seconds / max(good_median, 1e-9):.0f}x the baseline median")
    print(f"peak RSS: parent {own:.0f} MB{'' if fresh_peak else ' (includes building the corpus)'}"
          f", parser workers {workers:.0f} MB (limit {limit_mb:.0f} MB address space; "
          f"{result['worker_pids']} worker processes seen)")
    print("problem codes (files):")
    per_code = Counter(o.codes[0][0] for o in hostile if o.codes)
    per_pair = Counter(pair for o in hostile for pair in o.codes)
    for code, n in per_code.most_common():
        details = ", ".join(f"{d or '-'} {m}" for (c, d), m in sorted(per_pair.items())
                            if c == code)
        print(f"  {code:<17}{n:>5}   ({details})")
    clean = [o for o in hostile if not o.codes]
    harmless = sum(1 for o in clean if o.case and o.case.expect == READ)
    print(f"  {'(none)':<17}{len(clean):>5}   (read without a problem: {harmless} harmless "
          f"oddities, {len(clean) - harmless} damaged files that survived their damage)")
    print(f"messages: {len(result['pairs'])} code/detail pairs (met, and the sandbox's), "
          f"{len(result['missing_messages'])} without a specific zh/en message")
    for line in result["missing_messages"][:show]:
        print(f"    {line}")
    listing("findings - hostile files with an unexpected problem code", v["wrong_code"])
    listing("findings - harmless oddities not read as expected", v["not_read"])
    print(f"damaged files read anyway: {v['survived']} ({v['survived'] - len(v['altered'])} "
          f"as the same material as their original, {len(v['altered'])} as another)")
    for line in v["altered"][:show]:
        print(f"    {line}")
    failed = crashes + exceeded + len(result["missing_messages"]) + len(v["wrong_code"]) \
        + len(v["not_read"])
    print(f"result: {'FAIL' if failed else 'PASS'} ({crashes} crashes, {exceeded} limits "
          f"exceeded, {len(v['wrong_code']) + len(v['not_read'])} wrong outcomes, "
          f"{len(result['missing_messages'])} missing messages)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
