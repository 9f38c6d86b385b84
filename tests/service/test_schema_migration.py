"""A database made before the help-desk queue existed gets its new columns on start, on
SQLite and (when one is running) PostgreSQL, and keeps its rows."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from bot.service import schema
from bot.service.staff import Staff
from bot.service.store import Store
from bot.settings import Settings

OLD_HANDOFFS = """CREATE TABLE assistant_handoffs (
    id VARCHAR(32) PRIMARY KEY, session_id VARCHAR(64) NOT NULL,
    reference VARCHAR(32) NOT NULL, lang VARCHAR(8) NOT NULL, note TEXT NOT NULL,
    created_at FLOAT NOT NULL)"""


def old_database(url: str) -> None:
    eng = sa.create_engine(url, future=True)
    with eng.begin() as c:
        c.execute(sa.text(OLD_HANDOFFS))
        c.execute(sa.text("INSERT INTO assistant_handoffs VALUES "
                          "('" + "a" * 32 + "', 's1', 'GX-261128-7K3FQ', 'zh', '费用？', 1.0)"))
    eng.dispose()


def check_migrated(url: str, data_dir: Path) -> None:
    schema._engines.pop(url, None)
    store = Store(Settings(data_dir=data_dir, database_url=url))
    columns = {c["name"] for c in sa.inspect(store.engine).get_columns("assistant_handoffs")}
    assert {"status", "claimed_by", "claimed_at", "closed_at"} <= columns
    [old] = store.handoffs()
    assert (old.reference, old.note, old.status, old.claimed_by) == (
        "GX-261128-7K3FQ", "费用？", "new", None)
    assert Staff(store).claim(old.id, "li.na").status == "claimed"
    # A second start (another instance) finds nothing to add.
    schema._engines.pop(url, None)
    assert Store(Settings(data_dir=data_dir, database_url=url)).handoffs()[0].status == "claimed"


def test_sqlite_database_of_an_earlier_release_is_migrated(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old_database(url)
    check_migrated(url, tmp_path)


def test_postgresql_database_of_an_earlier_release_is_migrated(tmp_path: Path) -> None:
    from tests.scale import services

    services.require(postgres=True, redis=False)
    with services.fresh_database() as url:
        old_database(url)
        check_migrated(url, tmp_path)
        schema._engines.pop(url).dispose()
