"""Two instances of the assistant behind one address, as docs/deployment.md describes:
each its own Rasa server and action server, sharing the data folder, a PostgreSQL database
(tracker store and file index) and Redis (Rasa's lock store).  One applicant's turns go
to either instance in turn, and at the same time to both; nothing may be lost, repeated
or reordered.

Needs PostgreSQL and Redis (tests/scale/services.py says where); without them the tests
are skipped, or fail when CI=true.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.dialogue.self_check import render_question
from bot.notice import CONDITIONS
from bot.service.session_tokens import portal_sender
from tests.scale import services
from tests.scale.cluster import Client, interleaving, shared_env, start_all, text_of
from tests.support.stack import Stack, request

pytestmark = [pytest.mark.stack,
              pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@dataclass
class Cluster:
    a: Stack
    b: Stack
    database_url: str
    redis: services.RedisKeys
    data_dir: Path

    def sender(self, session_id: str) -> str:
        """The session's conversation id in the tracker store."""
        return portal_sender(session_id, key=self.a.env["ASSISTANT_SECRET"].encode())

    def events(self, session_id: str) -> list[tuple[str, str | None]]:
        """The conversation as stored: (type, action name) in id order."""
        return [(r[0], r[1]) for r in services.query(
            self.database_url, "SELECT type_name, action_name FROM events "
            "WHERE sender_id = %s ORDER BY id", self.sender(session_id))]

    def user_texts(self, session_id: str) -> list[str]:
        return [r[0] for r in services.query(
            self.database_url, "SELECT data::json->>'text' FROM events "
            "WHERE sender_id = %s AND type_name = 'user' ORDER BY id", self.sender(session_id))]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    services.require(postgres=True, redis=True)
    root = tmp_path_factory.mktemp("two-instances")
    shared = root / "shared-data"
    with services.fresh_database() as db_url, services.redis_prefix() as redis_keys:
        env = shared_env(shared, db_url, redis_keys.url, redis_keys.prefix)
        # Each instance keeps its logs apart (Stack's own folder); the data is shared.
        a, b = Stack(root / "a", env=env), Stack(root / "b", env=env)
        start_all([a, b])  # both at once, on an empty database
        try:
            yield Cluster(a, b, db_url, redis_keys, shared)
        finally:
            a.stop()
            b.stop()


def test_one_conversation_alternating_between_instances(cluster: Cluster) -> None:
    """Turns alternate A, B, A, …, through questions and the whole self-check: each
    instance sees what the other stored the turn before (a stale cached conversation
    would ask a question again or skip one)."""
    instances = [cluster.a, cluster.b]
    user = Client.start(cluster.a)
    user.say(cluster.b, "谁审批？")
    first = text_of(user.say(cluster.a, "我们能申请吗"))
    assert render_question(CONDITIONS[0], "zh") in first
    answers = ["是", "是的", "对", "是", "是", "是", "是", "是", "是", "是"]
    for i, answer in enumerate(answers):
        reply = text_of(user.say(instances[(i + 1) % 2], answer))
        if i + 1 < len(CONDITIONS):
            assert render_question(CONDITIONS[i + 1], "zh") in reply, (i, reply)
        else:
            assert not any(c.question.zh in reply for c in CONDITIONS), reply
    user.say(cluster.a, "审批要多久")

    # Both instances show the same conversation: every message, every reply, in order.
    history_a, history_b = user.history(cluster.a), user.history(cluster.b)
    assert history_a == history_b
    assert [e["text"] for e in history_a if e["role"] == "user"] == user.sent
    sent_replies = [m.get("text") for turn in user.replies for m in turn if m.get("text")]
    assert [e["text"] for e in history_a if e["role"] == "bot" and e.get("text")] == \
        sent_replies
    assert cluster.user_texts(user.session_id) == user.sent
    assert interleaving(cluster.events(user.session_id)) == []


def test_upload_through_one_report_through_the_other(cluster: Cluster, tmp_path: Path) -> None:
    from docx import Document

    from tests.support.docgen import write_sample

    user = Client.start(cluster.a)
    files = [("营业执照.pdf", write_sample(tmp_path / "a.pdf", "1.1.1", "zh").read_bytes()),
             ("articles.docx", write_sample(tmp_path / "b.docx", "1.1.2", "en").read_bytes())]
    r = user.upload(cluster.a, files)
    assert r.status == 200, r.text
    assert [f["accepted"] for f in r.json()["files"]] == [True, True]
    assert r.json()["messages"] and "营业执照.pdf" in text_of(r.json()["messages"])

    # The other instance lists the files, with what they were recognised as.
    listed = user.get(cluster.b, "/uploads").json()["files"]
    assert {f["name"]: f["materials"] for f in listed} == {
        "营业执照.pdf": ["1.1.1"], "articles.docx": ["1.1.2"]}

    # It makes the report from them (its own action server reads the shared index) …
    r = request("POST", f"{cluster.b.api}/reports", token=user.token)
    assert r.status == 200, r.text
    report = r.json()["report"]
    assert report["reference"] == user.reference
    # … and the first instance serves it, by token and by the signed link.
    by_token = user.get(cluster.a, f"/reports/{report['id']}.docx")
    assert by_token.status == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(by_token.body)).paragraphs)
    text += "\n".join(c.text for t in Document(io.BytesIO(by_token.body)).tables
                      for row in t.rows for c in row.cells)
    assert user.reference in text and "营业执照.pdf" in text and "articles.docx" in text
    signed = request("GET", cluster.a.base + report["links"]["docx"])
    assert signed.status == 200 and signed.body == by_token.body
    assert sorted(p.name for p in (cluster.data_dir / "files" / user.session_id).iterdir()
                  if not p.name.startswith(".")) == sorted(
        Path(u["id"]).name + Path(u["name"]).suffix for u in listed)


# Questions whose answers each contain a phrase no other one does.
QUESTIONS = {
    "谁审批？": "审批层级",
    "审批要多久": "45个工作日内作出审批决定",
    "需要准备哪些材料？": "共11项",
    "申请要收费吗": "收费标准",
    "获批后有哪些义务": "第六部分",
    "银行资信证明要谁出具？": "材料编号1.1.4",
}


def test_concurrent_turns_of_one_conversation_are_serialised(cluster: Cluster) -> None:
    """Six messages of one conversation sent at the same moment, three to each instance:
    the Redis lock runs them one after another, so each gets its own answer and the
    stored conversation is six whole turns, none interleaved with another."""
    user = Client.start(cluster.a)
    user.say(cluster.a, "你好")
    results: dict[str, str] = {}
    errors: list[str] = []
    start = threading.Barrier(len(QUESTIONS))

    def send(stack: Stack, text: str) -> None:
        start.wait(30)
        r = user.post(stack, text)
        if r.status != 200:
            errors.append(f"{text}: HTTP {r.status} {r.text[:200]}")
            return
        results[text] = text_of(r.json()["messages"])

    threads = [threading.Thread(target=send, args=([cluster.a, cluster.b][i % 2], q))
               for i, q in enumerate(QUESTIONS)]
    locks_seen = _watch_locks(cluster.redis, threads)
    assert not errors
    assert max(locks_seen) > 0, "no lock of the conversation was ever held in Redis"
    for question, phrase in QUESTIONS.items():
        assert phrase in results[question], (question, results[question][:200])
        others = [p for q, p in QUESTIONS.items() if q != question]
        assert not any(p in results[question] for p in others), (question, results[question])

    stored = cluster.user_texts(user.session_id)
    assert stored[0] == "你好" and sorted(stored[1:]) == sorted(QUESTIONS)
    assert interleaving(cluster.events(user.session_id)) == []
    # The history both instances show follows the stored order, each reply after its
    # own question.
    history = user.history(cluster.b)
    assert history == user.history(cluster.a)
    asked = None
    for entry in history:
        if entry["role"] == "user":
            asked = entry["text"]
        elif entry["role"] == "bot" and asked in QUESTIONS and entry.get("text"):
            others = [p for q, p in QUESTIONS.items() if q != asked]
            assert not any(p in entry["text"] for p in others), (asked, entry["text"][:200])
    assert cluster.redis.count() == 0  # no lock left behind


def test_concurrent_answers_in_the_self_check_each_count(cluster: Cluster) -> None:
    """Two answers sent at once, one to each instance, while the self-check asks
    question k: run one after the other, they answer k and k+1, so one reply asks k+1
    and the other k+2.  (Run side by side without a shared lock, both would answer k.)"""
    user = Client.start(cluster.b)
    assert render_question(CONDITIONS[0], "zh") in text_of(user.say(cluster.b, "我们能申请吗"))
    asked = 0  # the question being asked (index into CONDITIONS)
    for _pair in range(3):
        replies: dict[str, str] = {}
        start = threading.Barrier(2)

        def answer(stack: Stack, key: str, start: threading.Barrier,
                   replies: dict[str, str]) -> None:
            start.wait(30)
            r = user.post(stack, "是")
            replies[key] = text_of(r.json()["messages"]) if r.status == 200 else r.text

        threads = [threading.Thread(target=answer, args=(cluster.a, "a", start, replies)),
                   threading.Thread(target=answer, args=(cluster.b, "b", start, replies))]
        _watch_locks(cluster.redis, threads)
        expected = {render_question(CONDITIONS[asked + 1], "zh"),
                    render_question(CONDITIONS[asked + 2], "zh")}
        got = {q for q in expected for r in replies.values() if q in r}
        assert got == expected, (asked, replies)
        asked += 2
    reply = text_of(user.say(cluster.a, "是"))
    assert render_question(CONDITIONS[asked + 1], "zh") in reply
    assert interleaving(cluster.events(user.session_id)) == []


def _watch_locks(keys: services.RedisKeys, threads: list[threading.Thread]) -> list[int]:
    """Run the threads; meanwhile count the lock keys in Redis every 20 ms."""
    import time

    seen = [0]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 180
    while any(t.is_alive() for t in threads) and time.monotonic() < deadline:
        seen.append(keys.count())
        time.sleep(0.02)
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    return seen
