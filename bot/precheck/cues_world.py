"""More cues of each material in the languages foreign institutions write in (fr, de, es,
it, pt, nl, ru, ja, ko), in English and in Chinese translations: the titles such files
carry and the words of their first page, with their weights (data, in ``cues_world.yml``).
:mod:`bot.precheck.classify` adds them to its own table (a cue listed in both keeps the
higher weight).  Keys are the material ids, with "registration" and "articles" for the
pairs told apart by origin.  Also the words that show an agreement between two parties."""

from __future__ import annotations

from pathlib import Path

import yaml

WORLD_CUES: dict[str, dict[str, float]] = yaml.safe_load(
    Path(__file__).with_name("cues_world.yml").read_text(encoding="utf-8"))

# Evidence that a text is an agreement between two parties (4.2) beyond the word
# "contract" or 合同 in running text: both parties named as such.
PARTY_PAIRS: tuple[tuple[str, str], ...] = (
    ("甲方", "乙方"), ("party a", "party b"), ("partie a", "partie b"), ("partei a", "partei b"),
    ("parte a", "parte b"), ("partij a", "partij b"), ("сторона 1", "сторона 2"),
    ("「甲」", "「乙」"), ('"갑"', '"을"'), ("“갑”", "“을”"),
    ("первая сторона", "вторая сторона"),
)

# Words of cooperation: a generic title ("协议", "Agreement") or two parties make a file
# the cooperation agreement only next to one of these.
COOPERATION_WORDS: tuple[str, ...] = (
    "合作", "cooperation", "co-operation", "partnership", "collaborat", "coopération",
    "partenariat", "zusammenarbeit", "kooperation", "cooperación", "colaboración",
    "cooperazione", "collaborazione", "partenariato", "cooperação", "parceria",
    "samenwerking", "сотрудничеств", "партнерств", "提携", "協力", "협력", "제휴", "협약",
)
