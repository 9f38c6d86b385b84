"""Rasa's Redis lock shared by several instances: every ticket issued for one
conversation is a different one, however many instances ask at the same moment, and
no instance deletes a lock another one is waiting on.  Needs Redis (skipped without it,
a failure when CI=true)."""

from __future__ import annotations

import threading

from addons.lock_store import AtomicRedisLockStore, redis_settings
from tests.scale import services


def _issue_at_once(stores: list, conversation: str, per_store: int) -> list[int]:
    tickets: list[int] = []
    start = threading.Barrier(len(stores) * per_store)

    def issue(store) -> None:  # noqa: ANN001 - a lock store
        start.wait(10)
        tickets.append(store.issue_ticket(conversation, 30))

    threads = [threading.Thread(target=issue, args=(s,)) for s in stores
               for _ in range(per_store)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return tickets


def test_tickets_issued_at_once_by_several_instances_are_all_different() -> None:
    services.require(postgres=False, redis=True)
    with services.redis_prefix() as keys:
        settings = {**redis_settings(keys.url), "key_prefix": keys.prefix}
        # Each store is its own client, as each server instance is.
        stores = [AtomicRedisLockStore(**settings) for _ in range(4)]
        tickets = _issue_at_once(stores, "conversation-1", per_store=8)
        assert len(tickets) == 32
        assert sorted(tickets) == list(range(32))  # none issued twice, none lost
        lock = stores[0].get_lock("conversation-1")
        assert lock is not None and len(lock.tickets) == 32
        # Done in any order by any instance: the lock goes once the last one is done.
        for i, ticket in enumerate(tickets):
            stores[i % 4].cleanup("conversation-1", ticket)
        assert stores[0].get_lock("conversation-1") is None
        assert keys.count() == 0
