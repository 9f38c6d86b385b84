"""Words pasted from the notice are told from a question that only names things the notice names."""

from __future__ import annotations

from bot.dialogue.pasted import is_pasted, quoted_unit
from bot.dialogue.retrieval import search
from bot.notice.units import UNITS_BY_ID


def test_a_pasted_sentence_is_found_whatever_quotes_surround_it() -> None:
    assert is_pasted("「同一时期内中方合作机构原则上应为一家」到底啥意思", UNITS_BY_ID["2.2"])
    assert not is_pasted("Are the Nanning, Qinzhou Port and Chongzuo areas where we may examine?",
                         UNITS_BY_ID["header.addressees"])


def test_the_smallest_unit_holding_the_words_is_the_one_quoted() -> None:
    text = "“以技能为主的国外职业资格证书及发证机构资格审核和注册”这几个字指什么"
    found = quoted_unit(text, search(text)[0].unit)
    assert found is not None and found.id == "header.item"
