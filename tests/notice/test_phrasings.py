"""The phrasings that retrieval matches questions against name real units, in both languages."""

from __future__ import annotations

from bot.notice.phrasings import phrasings
from bot.notice.units import UNITS_BY_ID


def test_every_unit_has_phrasings_in_both_languages_and_no_unknown_id() -> None:
    data = phrasings()
    assert set(data) == set(UNITS_BY_ID)
    for uid, by_lang in data.items():
        assert by_lang["zh"] and by_lang["en"], uid


def test_no_phrasing_points_to_two_units() -> None:
    seen: dict[str, str] = {}
    for uid, by_lang in phrasings().items():
        for q in by_lang["zh"] + by_lang["en"]:
            key = q.strip().lower()
            assert seen.setdefault(key, uid) == uid, (q, seen[key], uid)
