"""Chat benchmark (``make bench-chat``): the whole stack under 10 concurrent senders.

Starts its own action server and Rasa server (ports 5155 and 5105, a tracker database in
a temporary folder, so nothing under var/ is touched), then measures:

* ready time of each server (start to answering its readiness check; for Rasa this is
  mostly loading the model) and the RSS of each server;
* a baseline: one sender alone, the same conversation mix;
* the load: 500 turns from 10 concurrent senders over the REST channel, a mix of
  questions in Chinese and English and self-check answers, each simulated user in a
  new conversation every few turns;
* the action server alone under the same 10 senders (a direct webhook call per turn),
  for the share of the turn spent there;

and prints p50 / p95 / max turn latency, turns per second, the CPU each server spent
per turn, and the ratios against the baseline.  Everything is stopped at the end.
Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.serve import HOST, Service, Supervisor, action_token, services  # noqa: E402

# Conversations a simulated user goes through, in turn.  Each starts a new conversation.
CONVERSATIONS: tuple[tuple[str, ...], ...] = (
    ("你好", "谁审批？", "需要准备哪些材料？", "银行资信证明要谁出具？", "审批要多久", "2026年3月2日",
     "谢谢"),
    ("hello", "what documents do we need?", "what is the feasibility report?",
     "If we submit on 2026-03-02, when is the decision due?", "can we apply online?",
     "thanks, bye"),
    ("我们能申请吗", "是", "是的", "对", "材料要翻译吗？", "符合", "是", "没有", "不确定", "是", "是",
     "是"),
    ("am I eligible?", "yes", "yes", "not sure", "what is annex 1?", "yes", "no", "yes", "yes",
     "yes", "yes", "yes"),
    ("获批后有哪些义务", "年报什么时候交", "我们6月10日鉴定，计划最晚什么时候送", "可以在自贸区外考试吗",
     "申请要收费吗", "转人工"),
)


@dataclass
class Result:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, lock: threading.Lock, latency_ms: float, error: str | None) -> None:
        with lock:
            self.latencies_ms.append(latency_ms)
            if error:
                self.errors.append(error)

    def summary(self) -> dict[str, float]:
        lat = sorted(self.latencies_ms)
        if not lat:
            return {"turns": 0}
        return {
            "turns": len(lat),
            "p50": statistics.median(lat),
            "p95": lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))],
            "max": lat[-1],
            "per_s": len(lat) / self.seconds if self.seconds else 0.0,
        }


class Budget:
    """A shared, bounded count of turns."""

    def __init__(self, total: int) -> None:
        self.left = total
        self.lock = threading.Lock()

    def take(self) -> bool:
        with self.lock:
            if self.left <= 0:
                return False
            self.left -= 1
            return True


def _post(conn: http.client.HTTPConnection, path: str, body: dict) -> tuple[int, bytes]:
    data = json.dumps(body, ensure_ascii=False).encode()
    # The action server refuses calls without the token the Rasa server sends.
    conn.request("POST", path, body=data, headers={"Content-Type": "application/json",
                                                   "X-Assistant-Action-Token": action_token()})
    response = conn.getresponse()
    return response.status, response.read()


def _timed_post(conn: http.client.HTTPConnection, port: int, path: str, body: dict,
                check: Callable[[int, bytes], str | None],
                ) -> tuple[http.client.HTTPConnection, float, str | None]:
    """POSTs ``body``: the connection to use next (a new one after a failure), the latency
    in ms, and what went wrong (``check`` judges the response) or None."""
    start = time.perf_counter()
    try:
        status, raw = _post(conn, path, body)
        error = check(status, raw)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        error = f"{type(exc).__name__}: {exc}"
        conn.close()
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
    return conn, (time.perf_counter() - start) * 1000, error


def chat_sender(port: int, budget: Budget, result: Result, lock: threading.Lock,
                first: int) -> None:
    """One simulated user: conversations in turn until the budget is spent."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    index = first
    try:
        while True:
            script = CONVERSATIONS[index % len(CONVERSATIONS)]
            index += 1
            sender = f"bench-{uuid.uuid4().hex[:12]}"
            for message in script:
                if not budget.take():
                    return
                conn, elapsed, error = _timed_post(
                    conn, port, "/webhooks/rest/webhook", {"sender": sender, "message": message},
                    lambda status, raw: None if status == 200 and json.loads(raw) else
                    f"{status}: {raw[:200]!r}")
                result.add(lock, elapsed, error and f"{error} for {message!r}")
    finally:
        conn.close()


def action_sender(port: int, budget: Budget, result: Result, lock: threading.Lock,
                  first: int) -> None:
    """Calls the action server's webhook directly, as the Rasa server does each turn."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    messages = [m for script in CONVERSATIONS for m in script]
    index = first
    try:
        while budget.take():
            text = messages[index % len(messages)]
            index += 1
            body = {
                "next_action": "action_answer",
                "sender_id": "bench",
                "tracker": {
                    "sender_id": "bench", "slots": {}, "events": [],
                    "latest_message": {"text": text, "intent": {"name": "ask_materials"},
                                       "entities": []},
                    "latest_action_name": "action_listen", "active_loop": {},
                },
                "domain": {},
                "version": "3.6.2",
            }
            conn, elapsed, error = _timed_post(
                conn, port, "/webhook", body,
                lambda status, raw: None if status == 200 else f"{status}: {raw[:200]!r}")
            result.add(lock, elapsed, error)
    finally:
        conn.close()


def run_senders(target, port: int, senders: int, turns: int) -> Result:  # noqa: ANN001
    result = Result()
    budget = Budget(turns)
    lock = threading.Lock()
    threads = [threading.Thread(target=target, args=(port, budget, result, lock, i), daemon=True)
               for i in range(senders)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    result.seconds = time.perf_counter() - start
    return result


# --- process figures ------------------------------------------------------------------


def _group_pids(pgid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid:
                pids.append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    return pids


def rss_mb(service: Service) -> tuple[float, float]:
    """(current, peak) resident memory of a service's processes, in MB."""
    current = peak = 0
    assert service.process is not None
    for pid in _group_pids(service.process.pid):
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        current += int(line.split()[1])
                    elif line.startswith("VmHWM:"):
                        peak += int(line.split()[1])
        except OSError:
            continue
    return current / 1024, peak / 1024


def cpu_seconds(service: Service) -> float:
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    assert service.process is not None
    for pid in _group_pids(service.process.pid):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            continue
    return total


def _line(name: str, s: dict[str, float]) -> str:
    if not s.get("turns"):
        return f"{name:<38} no turns"
    return (f"{name:<38} {int(s['turns']):>4} turns  p50 {s['p50']:7.1f} ms  "
            f"p95 {s['p95']:7.1f} ms  max {s['max']:7.1f} ms  {s['per_s']:6.1f} turns/s")


def retrieval_per_turn(rounds: int = 20) -> float:
    """Mean milliseconds retrieval over the notice's units spends on one of the benchmark's
    messages (what it adds to a turn; measured in this process after the index is built)."""
    from bot.dialogue.retrieval import index, search

    index()
    messages = [m for c in CONVERSATIONS for m in c]
    start = time.perf_counter()
    for _ in range(rounds):
        for m in messages:
            search(m)
    return (time.perf_counter() - start) * 1000 / (rounds * len(messages))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="chat benchmark")
    parser.add_argument("--turns", type=int, default=500)
    parser.add_argument("--senders", type=int, default=10)
    parser.add_argument("--baseline-turns", type=int, default=60)
    parser.add_argument("--rasa-port", type=int, default=5105)
    parser.add_argument("--actions-port", type=int, default=5155)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-chat-") as tmp:
        run_dir = Path(tmp)
        env = {"ASSISTANT_DATA_DIR": str(run_dir / "data")}
        stack = services(args.rasa_port, args.actions_port, run_dir=run_dir, env=env)
        supervisor = Supervisor(stack, run_dir / "log")
        try:
            if not supervisor.start():
                return 1
            actions, rasa = stack
            ready = {s.name: s.ready_after or 0.0 for s in stack}
            rss_ready = {s.name: rss_mb(s) for s in stack}

            # Warm-up: every conversation once (first requests load lazy parts).
            run_senders(chat_sender, args.rasa_port, 1, sum(len(c) for c in CONVERSATIONS))

            baseline = run_senders(chat_sender, args.rasa_port, 1, args.baseline_turns)
            cpu_before = {s.name: cpu_seconds(s) for s in stack}
            load = run_senders(chat_sender, args.rasa_port, args.senders, args.turns)
            cpu_after = {s.name: cpu_seconds(s) for s in stack}
            actions_alone = run_senders(action_sender, args.actions_port, args.senders,
                                        args.turns)
            rss_after = {s.name: rss_mb(s) for s in stack}
        finally:
            supervisor.stop()

    b, lo, a = baseline.summary(), load.summary(), actions_alone.summary()
    retrieval_ms = retrieval_per_turn()
    print()
    print(f"Chat benchmark ({args.senders} concurrent senders, {args.turns} turns over the "
          f"REST channel; {os.cpu_count()} CPUs)")
    print(_line("baseline: 1 sender", b))
    print(_line(f"load: {args.senders} senders", lo))
    print(_line(f"action server alone: {args.senders} senders", a))
    if b.get("turns") and lo.get("turns"):
        print(f"ratio load/baseline: p50 x{lo['p50'] / b['p50']:.2f}, p95 x{lo['p95'] / b['p95']:.2f}")
    if lo.get("turns"):
        for name in ("rasa", "actions"):
            used = (cpu_after[name] - cpu_before[name]) * 1000 / lo["turns"]
            print(f"CPU per turn under load, {name:<7}: {used:6.1f} ms")
    for name in ("actions", "rasa"):
        cur, peak = rss_after[name]
        print(f"{name:<7} ready after {ready[name]:5.1f} s; RSS {rss_ready[name][0]:6.0f} MB when "
              f"ready, {cur:6.0f} MB after the load (peak {peak:.0f} MB)")
    print(f"ready (both servers): {sum(ready.values()):.1f} s")
    errors = load.errors + baseline.errors + actions_alone.errors
    print(f"errors: {len(errors)}")
    for e in errors[:5]:
        print("  " + e)
    if b.get("p50"):
        print(f"retrieval per turn (in process, the same messages): {retrieval_ms:5.2f} ms = "
              f"{retrieval_ms / b['p50']:.0%} of the baseline p50 turn")
    target = "met" if lo.get("p95", 1e9) <= 150 and sum(ready.values()) <= 30 else "NOT met"
    print(f"targets (p95 <= 150 ms at {args.senders} senders, ready <= 30 s): {target}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
