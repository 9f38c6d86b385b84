"""The blind evaluation: every question of a blind set as a fresh conversation, every
dialogue's turns in one conversation, through Rasa's REST channel of a running assistant.

    python scripts/blind_eval.py tests/blind/set_a tests/blind/set_b   # starts its own stack
    python scripts/blind_eval.py --url http://127.0.0.1:5005 tests/blind/set_a

Grading (tests/blind/*/README.md): every keyword group needs one alternative as a
case-insensitive substring of the reply text.  ``expect: silent`` needs the reply to say the
notice does not cover it, to name the contact person, and to hold no amount, URL, phone
number or validity period.  ``self_check_question`` needs the self-check's yes / no /
not-sure buttons, ``not_self_check`` their absence.

A reply that fails is *no answer* when it is a clarifying question or the fallback (the
assistant did not commit to an answer), and *wrong* otherwise (it committed to an answer
that lacks what a right one holds, or it said the notice is silent where it is not).
"""

from __future__ import annotations

import argparse
import json
import re
import socket
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.i18n import t
from bot.settings import get_settings

# The targets, printed next to the figures.
TARGETS = {"zh": 0.97, "en": 0.95, "wrong": 0.01, "dialogues": 0.90, "traps": 1.0}
# What the run must reach to pass: a floor every set clears, the held-out one on its first run
# included (English 86.5 % on set Q, 87.6 % on set R; dialogues 73.4 % on set S), so that a change
# that loses ground fails.
THRESHOLDS = {"zh": 0.90, "en": 0.85, "wrong": 0.10, "dialogues": 0.70, "traps": 0.80}

_SELF_CHECK_PAYLOADS = ("/affirm", "/deny", "/unsure")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:元|块|万元|yuan|rmb|cny|usd|美元|\$)|[¥￥$]\s*\d",
                     re.IGNORECASE)
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{3,4}-\d{7,8})(?!\d)")
_VALIDITY = re.compile(r"有效期[为是]?\s*\d|valid for \d|\d+\s*(?:年|years?)\s*(?:有效|valid)",
                       re.IGNORECASE)


def _markers(key: str) -> tuple[str, ...]:
    """The fixed opening of an interface string in both languages (before any {value})."""
    out = []
    for lang in ("zh", "en"):
        head = t(key, lang).split("{")[0].strip().lower()
        if len(head) >= 4:
            out.append(head)
    return tuple(out)


def _no_answer_markers() -> tuple[str, ...]:
    keys = ("fallback", "fallback_candidates", "clarify_which", "check_unparsed", "part_unclear")
    out: list[str] = []
    for key in keys:
        try:
            out.extend(_markers(key))
        except KeyError:
            continue
    return tuple(out)


def _silent_markers() -> tuple[str, ...]:
    return ("没有规定", "没有涉及", "未规定", "没有说明", "未作规定", "没有明确",
            "does not cover", "does not say", "does not set", "is silent", "not specified")


@dataclass
class Reply:
    texts: list[str]
    buttons: list[dict[str, Any]]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def payloads(self) -> list[str]:
        return [str(b.get("payload", "")) for b in self.buttons]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


RETRIES = 5  # times a request refused with 429 is sent again


def post(url: str, sender: str, message: str) -> Reply:
    body = json.dumps({"sender": sender, "message": message}).encode()
    req = urllib.request.Request(f"{url}/webhooks/rest/webhook", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    for attempt in range(RETRIES + 1):
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                items = json.loads(r.read().decode("utf-8"))
            break
        except urllib.error.HTTPError as exc:
            # A stack that limits requests per minute: wait as it says, then ask again.
            if exc.code != 429 or attempt == RETRIES:
                raise
            time.sleep(min(float(exc.headers.get("Retry-After") or 1), 30.0))
    texts = [i["text"] for i in items if i.get("text")]
    buttons = [b for i in items for b in (i.get("buttons") or [])]
    return Reply(texts, buttons)


def keywords_ok(text: str, groups: list[list[str]] | None) -> bool:
    low = text.lower()
    return all(any(str(alt).lower() in low for alt in group) for group in groups or [])


def is_self_check_question(reply: Reply) -> bool:
    return all(any(p.startswith(x) for p in reply.payloads) for x in _SELF_CHECK_PAYLOADS)


def silent_ok(reply: Reply, contact: tuple[str, str]) -> bool:
    text = reply.text
    low = text.lower()
    says = any(m.lower() in low for m in _silent_markers())
    names = any(c[:12] in text for c in contact)
    invents = bool(_AMOUNT.search(text) or _URL.search(text) or _PHONE.search(text)
                   or _VALIDITY.search(text))
    return says and names and not invents


def verdict(reply: Reply, expect: str, groups: list[list[str]] | None,
            contact: tuple[str, str], no_answer: tuple[str, ...]) -> str:
    """"right" | "wrong" | "none" (no answer)."""
    if expect == "silent":
        return "right" if silent_ok(reply, contact) else "wrong"
    if expect == "self_check_question":
        ok = is_self_check_question(reply) and keywords_ok(reply.text, groups)
        return "right" if ok else "wrong"
    if expect == "not_self_check":
        ok = not is_self_check_question(reply) and keywords_ok(reply.text, groups)
        return "right" if ok else "wrong"
    if keywords_ok(reply.text, groups) and reply.texts:
        return "right"
    low = reply.text.lower()
    if not reply.texts or any(m in low for m in no_answer):
        return "none"
    return "wrong"


@dataclass
class Figures:
    name: str
    by_lang: dict[str, list[str]] = field(default_factory=dict)  # lang -> verdicts (answers)
    traps: list[str] = field(default_factory=list)
    dialogues: list[bool] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def all_questions(self) -> list[str]:
        return [v for vs in self.by_lang.values() for v in vs] + self.traps

    def rate(self, values: list[Any], good: Any = "right") -> float:
        return sum(1 for v in values if v == good) / len(values) if values else 1.0


def run_set(path: Path, url: str, tag: str, workers: int = 4,
            show: Callable[[str], None] | None = None) -> Figures:
    settings = get_settings()
    contact = (settings.contact.zh, settings.contact.en)
    no_answer = _no_answer_markers()
    questions = yaml.safe_load((path / "questions.yml").read_text(encoding="utf-8")) or []
    dialogues = yaml.safe_load((path / "dialogues.yml").read_text(encoding="utf-8")) or []
    fig = Figures(path.name)
    run = uuid.uuid4().hex[:8]  # a fresh conversation per question on every run

    def one(i_q: tuple[int, dict[str, Any]]) -> tuple[dict[str, Any], str, Reply]:
        i, q = i_q
        reply = post(url, f"blind-{tag}-{run}-q{i}", str(q["text"]))
        return q, verdict(reply, q.get("expect", "answer"), q.get("keywords"), contact,
                          no_answer), reply

    def dialogue(i_d: tuple[int, dict[str, Any]]) -> tuple[dict[str, Any], bool, list[str]]:
        i, d = i_d
        sender, ok, notes = f"blind-{tag}-{run}-d{i}", True, []
        for n, turn in enumerate(d.get("turns") or []):
            reply = post(url, sender, str(turn["user"]))
            v = verdict(reply, turn.get("expect", "answer"), turn.get("keywords"), contact,
                        no_answer)
            if v != "right":
                ok = False
                notes.append(f"  turn {n + 1} ({v}): {turn['user']!r} -> {reply.text[:160]!r}")
        return d, ok, notes

    with ThreadPoolExecutor(workers) as pool:
        for q, v, reply in pool.map(one, enumerate(questions)):
            if q.get("expect") == "silent":
                fig.traps.append(v)
            else:
                fig.by_lang.setdefault(q.get("lang", "zh"), []).append(v)
            if v != "right":
                fig.failures.append(f"{q.get('id')} [{v}] {q['text']!r} -> "
                                    f"{reply.text[:200]!r}")
        for d, ok, notes in pool.map(dialogue, enumerate(dialogues)):
            fig.dialogues.append(ok)
            if not ok:
                fig.failures.append(f"{d.get('id')} [dialogue]\n" + "\n".join(notes))
    return fig


def report(fig: Figures) -> bool:
    qs = fig.all_questions()
    rows = []
    for lang in sorted(fig.by_lang):
        rows.append((f"accuracy {lang}", fig.rate(fig.by_lang[lang]), len(fig.by_lang[lang]),
                     lang, True))
    rows.append(("wrong-answer rate", fig.rate(qs, "wrong"), len(qs), "wrong", False))
    rows.append(("no-answer rate", fig.rate(qs, "none"), len(qs), None, False))
    rows.append(("trap pass rate", fig.rate(fig.traps), len(fig.traps), "traps", True))
    rows.append(("dialogue pass rate", fig.rate(fig.dialogues, True), len(fig.dialogues),
                 "dialogues", True))
    ok = True
    print(f"\nBlind set {fig.name}")
    for label, value, n, key, higher in rows:
        line = f"  {label:<20} {value:7.1%}  (n={n})"
        if key:
            thr, tgt = THRESHOLDS[key], TARGETS[key]
            passed = value >= thr if higher else value <= thr
            ok &= passed
            sign = "≥" if higher else "≤"
            line += f"   threshold {sign} {thr:.0%}, issue target {sign} {tgt:.0%}"
            line += "" if passed else "   FAIL"
        print(line)
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--url", help="a running assistant (default: start one on free ports)")
    ap.add_argument("--failures", action="store_true",
                    help="list the failures (development set only)")
    args = ap.parse_args(argv)
    stack = None
    url = args.url
    if not url:
        from scripts.serve import MODEL, Supervisor, services

        rasa_port, actions_port = free_port(), free_port()
        run_dir = Path(tempfile.mkdtemp(prefix="blind-eval-"))
        svcs = services(rasa_port, actions_port, MODEL, run_dir=run_dir / "log",
                        env={"ASSISTANT_DATA_DIR": str(run_dir),
                             # thousands of conversations a minute from loopback: no limits
                             "ASSISTANT_RATE_SESSIONS": "0", "ASSISTANT_RATE_MESSAGES": "0",
                             "ASSISTANT_RATE_SESSION_MESSAGES": "0"})
        stack = Supervisor(svcs, run_dir / "log")
        if not stack.start():
            return 2
        url = f"http://127.0.0.1:{rasa_port}"
    try:
        ok = True
        for path in args.sets:
            tag = re.sub(r"[^a-z0-9]", "", path.name.lower().replace("set_", "")) or "x"
            fig = run_set(path, url, tag)
            ok &= report(fig)
            if args.failures:
                print("\n".join(fig.failures))
        return 0 if ok else 1
    finally:
        if stack is not None:
            stack.stop()


if __name__ == "__main__":
    sys.exit(main())
