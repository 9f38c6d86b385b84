"""Yes / no questions about what a clause provides for, and about leaving out what it requires."""

from __future__ import annotations

import pytest

from bot.dialogue import presence
from bot.notice.units import UNITS_BY_ID
from tests.dialogue.test_understand import Chat


@pytest.mark.parametrize(("question", "unit"), [
    ("外方机构要交机构章程吗", "3.g1.1"),
    ("考试样卷需要交吗", "3.m2.3"),
    ("Are sample exam papers required?", "3.m2.3"),
    ("Will experts review our application?", "4.2"),
    ("Does the form ask for the unified social credit code?", "annex1.basic.uscc"),
])
def test_a_question_for_what_the_clause_lists_is_provided_for(question: str, unit: str) -> None:
    assert presence.provides(question, UNITS_BY_ID[unit])


@pytest.mark.parametrize(("question", "unit"), [
    ("Is the annual report due at the beginning of the year?", "6.annual_report"),  # a time of its own
    ("中方也要交银行资信证明吗", "3.m1.1.4"),  # the other party's material
    ("考试样卷只交一份吗", "3.m2.3"),  # narrows what the clause says
    ("Does the registration form ask for the institution's address?", "annex1.basic.email"),  # wrong field
    ("外方要交营业执照吗", "3.g1.1"),  # a word the clause does not have
])
def test_a_question_the_clause_does_not_hold_word_for_word_gets_no_yes(question: str, unit: str) -> None:
    assert not presence.provides(question, UNITS_BY_ID[unit])


@pytest.mark.parametrize(("question", "unit"), [
    ("没在自治区人社部门备案的民办学校能做合作方吗？", "2.2"),
    ("Can a branch without independent legal person status apply?", "2.3"),
    ("Is an unregistered foreign certificate treated as equivalent too?", "6.equivalence"),
    ("德文的机构章程能不能只交德文版", "3.translation"),
    ("Can we submit our articles of association only in German?", "3.m1.1.2"),
])
def test_leaving_out_what_the_clause_requires_is_denied(question: str, unit: str) -> None:
    assert presence.denies(question, UNITS_BY_ID[unit])


def test_a_plain_question_is_not_denied() -> None:
    assert not presence.denies("经过备案的机构能做合作方吗", UNITS_BY_ID["2.2"])


def test_the_reply_opens_with_the_verdict() -> None:
    assert Chat().say("外方机构要交机构章程吗").text.startswith("是的")
    assert Chat().say("Will experts review our application?").text.startswith("Yes")
    reply = Chat().say("没经过自治区审核注册的国外证书也能等同国内证书吗？").text
    assert reply.startswith("不行") and "审核注册" in reply
    reply = Chat().say("Can we submit our articles of association only in German?").text
    assert reply.startswith("No") and "Chinese translation" in reply


def test_a_material_of_the_other_party_is_a_no_with_the_party_s_own_list() -> None:
    reply = Chat().say("Does the Chinese side also need a bank credit certificate?").text
    assert reply.startswith("No") and "Only the foreign institution" in reply
    assert "business licence" in reply


def test_a_quoted_sentence_is_not_what_the_user_states() -> None:
    reply = Chat().say("“对通过投诉举报等渠道反映问题多的机构实施重点监管”——这句话是不是说被投诉就会被罚？").text
    assert not reply.startswith("是的") and "重点监管" in reply


def test_what_the_clause_forbids_is_a_no_and_saying_so_is_a_yes() -> None:
    unit = UNITS_BY_ID["2.1"]
    assert presence.prohibition("我们是公司，开展引进工作可以以营利为目的吧？", unit) == "asked"
    assert presence.prohibition("活动不能以营利为目的吧", unit) == "stated"
    assert presence.prohibition("Can our activities be for profit?", unit) == "asked"
    assert presence.prohibition("The activities must be non-profit, is that correct?", unit) == "stated"
    assert presence.prohibition("要有可靠的资信吗", unit) is None
    assert Chat().say("我们是公司，开展引进工作可以以营利为目的吧？").text.startswith("不可以")


def test_english_materials_carry_their_chinese_names() -> None:
    assert "各等级考试样卷" in Chat().say("Are sample exam papers required?").text


def test_two_things_asked_in_one_frame_are_two_questions() -> None:
    assert presence.two_asked("要交考试章程和考务管理规则吗") == ("要交考试章程吗", "要交考务管理规则吗")
    assert presence.two_asked("Do we need sample exam papers and sample certificates?") == (
        "Do we need sample exam papers?", "Do we need sample certificates?")
    assert presence.two_asked("外方要交哪些材料") is None


def test_two_things_are_a_yes_only_when_both_are_listed() -> None:
    reply = Chat().say("要交考试章程和考务管理规则吗").text
    assert reply.startswith("是的") and "考试章程" in reply and "考务管理规则" in reply
    reply = Chat().say("Do we need sample exam papers and sample certificates for every level?").text
    assert reply.startswith("Yes") and "Sample examination papers" in reply and "sample certificate" in reply
    assert not Chat().say("中方要交营业执照和银行资信证明吗").text.startswith("是的")


def test_an_elliptical_follow_up_never_inherits_a_yes() -> None:
    chat = Chat()
    assert chat.say("外方要交银行资信证明吗").text.startswith("是的")
    assert not chat.say("中方呢").text.startswith("是的")  # the Chinese partner hands in none


def test_the_asking_sentence_of_a_longer_message_is_judged() -> None:
    assert presence.question_part("Our documents are in English. Is translation needed?") == \
        "Is translation needed?"
    assert Chat().say("Our documents are in English. Is translation needed?").text.startswith("Yes")
    assert Chat().say("Can a social organisation (社会团体) partner with us?").text.startswith("Yes")


@pytest.mark.parametrize(("question", "opens"), [
    ("外方的机构章程也要交？", "是的"),  # a yes/no question without 吗
    ("事业单位岗位晋升认不认这个证", "是的"),  # A不A
    ("证书样本交一个等级的就够了吧？", "不对"),  # one level against 各等级
    ("鉴定计划是提前一个月交对吧", "不对"),  # a month against 10日
    ("Examiner table: do we need their employer?", "Yes"),  # the question after the colon
])
def test_the_verdict_opens_the_reply(question: str, opens: str) -> None:
    assert Chat().say(question).text.startswith(opens)


def test_an_online_channel_or_an_official_translation_of_the_notice_is_left_open() -> None:
    assert "没有规定" in Chat().say("网上能申请吗？有没有政务服务网的办理入口？").text
    assert "没有规定" in Chat().say("这个通知有没有官方英文版").text


@pytest.mark.parametrize(("question", "opens"), [
    ("中方合作方没在自治区人社厅备案行不行？", "不行"),  # the department is right, the premise is not
    ("不是独立法人能申请不？", "不行"),  # "不是" opens a question here, not a correction
    ("材料是外文的要不要翻成中文", "是的"),  # "要不要" is not "不要"
    ("“上述材料如为外文版的,需同时提交中文译本”，是只交中文的就行吗？", "不行"),
    ("Could a social organisation or industry association be our partner?", "Yes"),  # the clause's own "or"
    ("Is an exam syllabus acceptable instead of an occupational standard?", "Yes"),
    ("Annual summary in end December, correct?", "Yes"),
])
def test_yes_no_questions_get_the_verdict_the_clause_gives(question: str, opens: str) -> None:
    assert Chat().say(question).text.startswith(opens)


def test_a_chinese_version_of_a_material_is_the_rule_on_translations() -> None:
    reply = Chat().say("我帮外方问一句：他们的考试样卷要不要也给中文的？").text
    assert reply.startswith("是的") and "各等级考试样卷" in reply and "中文译本" in reply
    # the Chinese partner's papers are in Chinese already: no "yes" to translating them
    reply = Chat().say("Do we need to translate the business licence of the Chinese partner?").text
    assert not reply.startswith("Yes")


def test_what_the_notice_leaves_open_gets_no_verdict() -> None:
    reply = Chat().say("要是45个工作日到了还没给决定，算自动通过吗").text
    assert not reply.startswith("是的") and "没有规定" in reply


def test_one_of_two_alternatives_is_enough() -> None:
    reply = Chat().say("We have an exam syllabus but no occupational standard. Is that enough?").text
    assert reply.startswith("Yes") and "or" in reply
    reply = Chat().say("我们是事业单位，没有营业执照，可以吗").text
    assert reply.startswith("可以") and "事业单位登记证书" in reply
    assert not presence.either("Do we need the occupational standard?", UNITS_BY_ID["3.m2.1"])


def test_of_several_places_the_one_that_holds_the_question_answers_it() -> None:
    reply = Chat().say("Must the applicant have clearly defined examination items and exam regulations?").text
    assert reply.startswith("Yes") and "Part II(3)" in reply and "Several parts" not in reply
    reply = Chat().say("外国机构想在广西搞技能考试，可以自己单干吗？").text
    assert reply.startswith("不行") and "合作" in reply
    # two dates compared stay two places, with no verdict on one of them
    reply = Chat().say("落款日和印发日是同一天吗？").text
    assert "9月22日" in reply and "9月25日" in reply and not reply.startswith("不对")


def test_a_yes_no_question_goes_to_the_near_place_that_holds_it() -> None:
    reply = Chat().say("汇总表里要附发证名册吗").text
    assert reply.startswith("是的") and "名册" in reply
    # a material of the other party keeps its "no"
    assert Chat().say("中方机构也要提交银行资信证明吗").text.startswith("不需要")
