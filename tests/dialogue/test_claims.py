"""Statements to confirm, checked slot by slot against the clause (bot/dialogue/claims.py)."""

from __future__ import annotations

import pytest

from bot.dialogue import claims
from bot.notice.units import UNITS_BY_ID
from tests.dialogue.test_understand import Chat


def _zh(unit_id: str) -> str:
    return UNITS_BY_ID[unit_id].text.zh


@pytest.mark.parametrize("text,unit,expected", [
    ("鉴定计划是报给自治区人社厅吧？", "6.assessment_plan", "differs"),
    ("鉴定计划报给设区市人社部门对吧", "6.assessment_plan", "holds"),
    ("公开方式是不是依申请公开？", "header.disclosure", "differs"),
    ("The notice is to be proactively made public, isn't it?", "header.disclosure", "holds"),
    ("所属国政府批准文件是必须交的，对吧？", "3.m1.1.3", "differs"),
    ("审批期限是45个自然日吗？", "4.3", "working_days"),
    ("中方合作机构原则上可以有两家，是吧？", "2.2.s2", "differs"),
    ("In principle only one Chinese partner at a time, correct?", "2.2.s2", "holds"),
    ("印发日期是9月22号吗？", "header.printed", "differs"),
    ("The notice was signed on 22 September 2020, correct?", "header.signed", "holds"),
])
def test_verdict(text: str, unit: str, expected: str) -> None:
    assert claims.verdict(text, _zh(unit)) == expected


def test_a_clause_naming_two_departments_gives_no_verdict_on_the_department() -> None:
    assert claims.verdict("审批决定是设区市作出的吧", _zh("4.3")) is None


def test_the_party_as_subject_confirms_nothing() -> None:
    assert claims.verdict("中方合作机构原则上应为一家吧", _zh("2.2.s2")) == "holds"  # by the count
    assert claims.verdict("中方合作机构要合作吧", _zh("2.2.s2")) is None


@pytest.mark.parametrize("text,start", [
    ("年度核发证书信息汇总表是附件1吗？", "不对"),
    ("申请材料里的审核注册表是附件2，对吧？", "不对"),
    ("是片区管委会组织专家审核论证吗？", "不对"),
    ("银行资信证明是中方交的吧？", "不对"),
    ("考务管理规则属于考试组织实施类吧", "是的"),
    ("通知落款是2020年9月22日，对吧？", "是的"),
    ("国外证书可以拿来申请职业培训补贴，对吧？", "是的"),
    ("监管检查就只有专项检查一种吧？", "不对"),
    ("合作协议书要交原件，对吧？", "不对"),
    ("持有注册过的国外证书，可以等同于我国学历证书，对吧？", "不对"),
    ("这个文是厅办公室印发的吧？", "是的"),
    ("Credit-based supervision is one of the methods used, correct?", "Yes"),
])
def test_the_reply_opens_with_the_verdict(text: str, start: str) -> None:
    assert Chat().say(text).text.startswith(start)


def test_a_plain_question_gets_no_verdict() -> None:
    reply = Chat().say("鉴定计划报给哪个部门").text
    assert not reply.startswith(("是的", "不对", "不完全对"))
