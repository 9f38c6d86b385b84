"""Upload benchmark (``make bench-upload``): per-file feedback time, and chat latency while
users upload.

Starts its own assistant (action server and Rasa server on free loopback ports, data in a
temporary folder; nothing under var/ is touched), then measures:

* feedback time per file: upload request sent → reply with the assistant's feedback on
  the file, for a generated 20-page PDF and a 10-page DOCX (Chinese and English text, a
  realistic examination regulation and syllabus), each uploaded several times into fresh
  sessions; the very first upload after start (parser workers starting) is shown apart;
* chat latency while 5 users upload at once: 5 threads upload those files in a loop for
  a fixed time while 5 other threads send text turns (questions in Chinese and English)
  through the same HTTP API; the same text turns with no uploads running, in the same
  run, are the baseline, and the ratio is printed;
* the memory (RSS) of the Rasa server, the action server and each parser worker.

Targets: feedback <= 3 s per file; text turns p95 < 500 ms while uploads run.
Loopback only; every loop is bounded by time or count; everything is stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import docgen, pdfgen  # noqa: E402
from tests.support.stack import Stack, multipart, request  # noqa: E402

QUESTIONS = (
    "谁审批？", "需要准备哪些材料？", "审批要多久", "Who approves the application?",
    "What documents do we need?", "银行资信证明要谁出具？", "How long does the approval take?",
    "外文材料要翻译吗？", "Can we hold the examination outside the free trade zone?", "还缺什么？",
)
FEEDBACK_TARGET_S = 3.0
TEXT_P95_TARGET_MS = 500.0


# -- the files ---------------------------------------------------------------------------------


def regulation_pdf(path: Path, pages: int = 20) -> Path:
    """A 20-page examination regulation, Chinese with the English text after each article."""
    zh_title, zh_body = docgen.SAMPLES["3.1"]["zh"]
    en_title, en_body = docgen.SAMPLES["3.1"]["en"]
    out: list[list[str]] = []
    article = 0
    for page in range(pages):
        lines = [f"{zh_title} {en_title}（第{page + 1}页 / Page {page + 1}）"] if page else [
            zh_title, en_title, docgen.FOREIGN_ORG, docgen.CHINESE_ORG]
        # make_pdf flows text onto a new page after about 39 wrapped lines: stay under it.
        while sum(len(pdfgen.wrap_lines(x, 84)) for x in lines) < 30:
            article += 1
            zh = zh_body[article % len(zh_body)]
            en = en_body[article % len(en_body)]
            lines.append(f"第{article}条 {zh} 考生应按照本章程的规定参加考试，遵守考场纪律，"
                         "服从考评人员的管理。")
            lines.append(f"Article {article}. {en} Candidates shall sit the examination as "
                         "these regulations provide and follow the examiners' instructions.")
        out.append(lines)
    return docgen.make_pdf(path, out)


def syllabus_docx(path: Path, pages: int = 10) -> Path:
    """A 10-page syllabus (about 500 words a page), Chinese and English, with a table."""
    zh_title, zh_body = docgen.SAMPLES["2.1"]["zh"]
    en_title, en_body = docgen.SAMPLES["2.1"]["en"]
    paragraphs = [zh_title, en_title, docgen.FOREIGN_ORG]
    for unit in range(1, pages * 6 + 1):
        paragraphs.append(f"第{unit}单元 " + zh_body[unit % len(zh_body)] +
                          " 本单元要求考生掌握焊接工艺评定、焊接缺陷的识别与返修方法，熟悉相关安全规程。")
        paragraphs.append(f"Unit {unit}. " + en_body[unit % len(en_body)] + " Candidates "
                          "demonstrate welding procedure qualification, recognise weld defects "
                          "and their repair, and know the safety rules that apply.")
    table = [["等级 Level", "理论 Theory", "实操 Practice"]] + [
        [f"{n}级 Level {n}", f"{40 + n * 5}%", f"{60 - n * 5}%"] for n in range(1, 6)]
    return docgen.make_docx(path, paragraphs, tables=[table], declared_pages=pages)


# -- measuring ---------------------------------------------------------------------------------


def new_token(api: str) -> str:
    r = request("POST", f"{api}/sessions")
    if r.status != 201:
        raise RuntimeError(f"session: HTTP {r.status} {r.text[:200]}")
    return r.json()["token"]


def upload_once(api: str, token: str, name: str, data: bytes) -> float:
    """Seconds from sending the upload to having the feedback (checked to be there)."""
    body, ctype = multipart([(name, data)])
    started = time.perf_counter()
    r = request("POST", f"{api}/uploads", token=token, data=body,
                headers={"Content-Type": ctype}, timeout=120)
    elapsed = time.perf_counter() - started
    if r.status != 200:
        raise RuntimeError(f"upload {name}: HTTP {r.status} {r.text[:200]}")
    d = r.json()
    stored_as = d["files"][0].get("name") or name  # "name (2).pdf" for a repeated name
    if not d["files"][0].get("accepted") or stored_as not in (d["messages"][0].get("text") or ""):
        raise RuntimeError(f"upload {name}: no feedback on the file: {r.text[:300]}")
    return elapsed


@dataclass
class Turns:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def summary(self) -> dict[str, float]:
        lat = sorted(self.latencies_ms)
        if not lat:
            return {"n": 0, "p50": 0.0, "p95": 0.0, "max": 0.0}
        return {"n": len(lat), "p50": statistics.median(lat),
                "p95": lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))],
                "max": lat[-1]}


def text_user(api: str, stop: threading.Event, out: Turns, offset: int) -> None:
    token = new_token(api)
    i = offset
    for _ in range(100_000):  # bounded; the stop event ends it
        if stop.is_set():
            return
        text = QUESTIONS[i % len(QUESTIONS)]
        i += 1
        started = time.perf_counter()
        r = request("POST", f"{api}/messages", token=token, json_body={"text": text}, timeout=60)
        ms = (time.perf_counter() - started) * 1000
        with out.lock:
            if r.status == 200 and r.json().get("messages"):
                out.latencies_ms.append(ms)
            else:
                out.errors.append(f"{text}: HTTP {r.status}")
        time.sleep(0.05)  # a person reads before typing again; keeps the loop fair


def upload_user(api: str, stop: threading.Event, files: list[tuple[str, bytes]],
                out: list[float], errors: list[str], lock: threading.Lock, offset: int) -> None:
    token, used = new_token(api), 0
    i = offset
    for _ in range(10_000):
        if stop.is_set():
            return
        if used >= 40:  # stay under the per-session file limit
            token, used = new_token(api), 0
        name, data = files[i % len(files)]
        i += 1
        try:
            seconds = upload_once(api, token, name, data)
            with lock:
                out.append(seconds)
        except RuntimeError as exc:
            with lock:
                errors.append(str(exc))
        used += 1


def run_text_users(api: str, users: int, seconds: float) -> Turns:
    out, stop = Turns(), threading.Event()
    threads = [threading.Thread(target=text_user, args=(api, stop, out, k * 3), daemon=True)
               for k in range(users)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(90)
    return out


def run_with_uploads(api: str, users: int, uploaders: int, seconds: float,
                     files: list[tuple[str, bytes]]) -> tuple[Turns, list[float], list[str]]:
    stop, lock = threading.Event(), threading.Lock()
    upload_times: list[float] = []
    upload_errors: list[str] = []
    ups = [threading.Thread(target=upload_user, args=(api, stop, files, upload_times,
                                                      upload_errors, lock, k), daemon=True)
           for k in range(uploaders)]
    for t in ups:
        t.start()
    time.sleep(1.0)  # the uploads are under way before the text turns are timed
    turns = run_text_users(api, users, seconds)
    stop.set()
    for t in ups:
        t.join(180)
    return turns, upload_times, upload_errors


# -- memory ------------------------------------------------------------------------------------


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _group(pgid: int) -> list[tuple[int, str]]:
    out = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid:
            out.append((int(d.name), cmd))
    return out


def memory(stack: Stack) -> dict[str, list[float]]:
    rss: dict[str, list[float]] = {"rasa": [], "actions": [], "parser workers": []}
    for name in ("rasa", "actions"):
        proc = stack.service(name).process
        if proc is None:
            continue
        for pid, cmd in _group(proc.pid):
            key = "parser workers" if "bot.precheck.sandbox" in cmd else name
            rss[key].append(_rss_mb(pid))
    return rss


# -- main --------------------------------------------------------------------------------------


def _fmt(s: dict[str, float]) -> str:
    return f"n={s['n']:4d}  p50 {s['p50']:7.1f} ms  p95 {s['p95']:7.1f} ms  max {s['max']:7.1f} ms"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="uploads of each file (default 5)")
    ap.add_argument("--seconds", type=float, default=30.0,
                    help="length of each chat-latency phase (default 30 s)")
    ap.add_argument("--users", type=int, default=5, help="text users and uploaders (default 5)")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="assistant-bench-upload-"))
    pdf = regulation_pdf(work / "examination-regulations.pdf").read_bytes()
    docx = syllabus_docx(work / "syllabus.docx").read_bytes()
    files = [("考试章程-examination-regulations.pdf", pdf), ("考试大纲-syllabus.docx", docx)]
    print(f"files: 20-page PDF {len(pdf) / 1024:.0f} KB, 10-page DOCX {len(docx) / 1024:.0f} KB")

    stack = Stack(work / "data", env={"ASSISTANT_RETENTION_DAYS": "1"})
    print("starting the assistant…", flush=True)
    stack.start()
    try:
        api = stack.api
        cold = upload_once(api, new_token(api), *files[0])
        feedback: dict[str, list[float]] = {}
        for label, (name, data) in zip(("20-page PDF", "10-page DOCX"), files, strict=True):
            feedback[label] = [upload_once(api, new_token(api), name, data)
                               for _ in range(args.repeat)]
        rss_idle = memory(stack)

        baseline = run_text_users(api, args.users, args.seconds)
        loaded, upload_times, upload_errors = run_with_uploads(
            api, args.users, args.users, args.seconds, files)
        rss_load = memory(stack)
    finally:
        stack.stop()

    print()
    print(f"Upload benchmark ({os.cpu_count()} CPUs)")
    print(f"first upload after start (parser workers starting): {cold:.2f} s")
    worst = 0.0
    for label, times in feedback.items():
        worst = max(worst, max(times))
        print(f"feedback, {label:<12}: median {statistics.median(times):.2f} s, "
              f"max {max(times):.2f} s  ({len(times)} uploads, one at a time)")
    b, lo = baseline.summary(), loaded.summary()
    print(f"text turns, no uploads      : {_fmt(b)}")
    print(f"text turns, {args.users} uploading     : {_fmt(lo)}")
    if b["n"] and lo["n"]:
        print(f"ratio with uploads/without  : p50 x{lo['p50'] / b['p50']:.2f}, "
              f"p95 x{lo['p95'] / b['p95']:.2f}, max x{lo['max'] / b['max']:.2f}")
    if upload_times:
        ut = sorted(upload_times)
        print(f"uploads during the load     : {len(ut)} files, feedback median "
              f"{statistics.median(ut):.2f} s, p95 {ut[int(0.95 * (len(ut) - 1))]:.2f} s, "
              f"max {ut[-1]:.2f} s  ({args.users} at once)")
    for when, rss in (("idle", rss_idle), ("after load", rss_load)):
        parts = [f"{k} {sum(v):.0f} MB" + (f" ({len(v)} × ~{max(v):.0f} MB)" if
                                           k == "parser workers" and v else "")
                 for k, v in rss.items()]
        print(f"RSS {when:<10}: " + ", ".join(parts))
    errors = baseline.errors + loaded.errors + upload_errors
    print(f"errors: {len(errors)}")
    for e in errors[:10]:
        print("  " + e)
    ok_feedback = worst <= FEEDBACK_TARGET_S
    ok_p95 = lo["n"] > 0 and lo["p95"] < TEXT_P95_TARGET_MS
    print(f"targets: feedback <= {FEEDBACK_TARGET_S:.0f} s per file: "
          f"{'met' if ok_feedback else 'MISSED'} (worst {worst:.2f} s); text p95 < "
          f"{TEXT_P95_TARGET_MS:.0f} ms while uploading: {'met' if ok_p95 else 'MISSED'}")
    return 0 if ok_feedback and ok_p95 and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
