"""What the notice leaves open is recognised as such, and what it states is not."""

from __future__ import annotations

import pytest

from bot.dialogue.silence import silent_aspect


@pytest.mark.parametrize("text, key", [
    ("外籍考评人员没有身份证号怎么填", "foreign_id"),
    ("对不予许可的决定不服，能去法院起诉吗", "reapply"),
    ("Can we challenge the decision if it goes against us?", "reapply"),
    ("考试档案需要留存多长时间", "retention"),
    ("How long do we have to keep candidates' records?", "retention"),
    ("合作了一年后中方那家退出了，可以另找一家吗", "partner_change"),
    ("Can we switch to a different Chinese partner later?", "partner_change"),
    ("信用监管是按什么标准打分的", "credit_scoring"),
    ("每年最多能办几场考试", "quota"),
    ("之前在外省已经注册过，到广西还要重新申请吗", "already_approved"),
    ("这个通知什么时候起施行", "notice_in_force"),
    ("When does the notice take effect?", "notice_in_force"),
    ("违规会罚款多少", "fine"),
    ("培训补贴能补多少", "subsidy_amount"),
    ("45个工作日批不完能延期吗", "extension"),
    ("Can the 45 working days be extended?", "extension"),
    ("已经批过的证书还要重新申请吗", "already_approved"),
    ("审批部门地址在哪", "office"),
    ("營業執照要原件還是複印件？", "original_copy"),
    ("證書名稱要填英文還是中文", "form_language"),
    ("材料不全的话 补正期限是多长", "other_time_limit"),
    ("审核论证的专家都是哪些人", "published_list"),
    ("有没有网上申报系统", "channel"),
    ("申请费多少", "fees"),
    ("Can we apply on paper?", "channel"),
    ("翻译件要不要盖翻译公司的章", "translator"),
    ("澳门的培训机构能按境外机构申请吗", "greater_china"),
    ("Does a Taiwan certification body count as overseas?", "greater_china"),
    ("日常检查多久来一次", "frequency"),
    ("How often will the city bureau inspect us?", "frequency"),
    ("受理以后专家论证大概要几天", "other_time_limit"),
    ("How long does the expert review usually take?", "other_time_limit"),
    ("年度汇总表用哪个系统报", "channel"),
    ("Can we send the plan by email?", "channel"),
    ("Can the tests be taken in English?", "language_exam"),
    ("在自贸区考试能免税吗", "tax"),
    ("持证以后能办居住证吗", "residence"),
    ("上海自贸区也适用这个文件吗", "other_ftz"),
    ("Can we issue digital certificates?", "e_certificate"),
    ("提交以后多久能知道受不受理", "other_time_limit"),
    ("注册表需要盖公章吗", "seal"),
    ("证书上要不要印中文", "certificate_content"),
    ("能给个电话吗", "contact_details"),
    ("已获批的证书名单在哪查", "approved_list"),
    ("超过45个工作日没答复算不算默认通过", "deemed_approval"),
    ("批下来以后批文怎么领", "approval_document"),
    ("鉴定计划有没有标准模板", "plan_format"),
    ("Must our Chinese partner be registered inside the free trade zone?", "partner_location"),
    ("How soon can we start running exams after approval?", "start_after"),
    ("专家论证算在45个工作日里吗", "other_time_limit"),
])
def test_a_question_the_notice_leaves_open_is_recognised(text: str, key: str) -> None:
    assert silent_aspect(text) == key


@pytest.mark.parametrize("text", [
    "专家审完之后多久出审批决定", "How long until the decision after acceptance?",
    "Who is the person in charge on the form?",
    "审批要多久", "身份证号那栏填什么", "节假日算不算", "合作协议要交原件吗",
    "Is it fine to use a rented venue?", "Can we extend our partnership to a second partner?",
    "Who orders an institution to rectify within a time limit?", "技术技能水平证明复印件要交吗",
    "德文原件能直接交吗", "Who guarantees that the translation matches the original?",
    "Are sample examination papers required for every level?",
    "换个问题，审批部门是哪个？", "同一时期中方合作机构最多几家",
])
def test_a_question_the_notice_answers_is_not_taken_for_silence(text: str) -> None:
    assert silent_aspect(text) is None



def test_a_call_mentioned_in_a_story_is_not_a_request_for_a_phone_number() -> None:
    assert silent_aspect("电话里有人问审批结果会不会告诉市里，我该怎么答？") is None



def test_more_of_what_the_notice_leaves_open() -> None:
    from bot.dialogue.silence import silent_aspect
    assert silent_aspect("考生的个人信息咋保护，有啥数据安全方面的要求？") == "data_transfer"
    assert silent_aspect("持这个证书的外国人可以办外国人工作许可吗？") == "work_permit"
    assert silent_aspect("考生报名要啥学历条件？有没有年龄限制？") == "candidate_requirements"
    assert silent_aspect("What happens if the 45 working days pass without a decision?") == "deemed_approval"
    assert silent_aspect("回到场地设备，设备表要填哪些栏？") is None
    assert silent_aspect("申请表在文件哪个位置") is None


def test_more_left_open_in_english_and_what_stays_answered() -> None:
    assert silent_aspect("Does the translation need a licensed translation company?") == "translator"
    assert silent_aspect("What are the penalty amounts?") == "fine"
    assert silent_aspect("Our head office is in Taiwan and we run exams in Asia. Can we apply?") == "greater_china"
    assert silent_aspect("承办考试的必要条件有没有量化的标准") == "minimum"
    assert silent_aspect("承办考试有什么硬性要求") is None
    assert silent_aspect("Our body is based in Hong Kong. Does the notice cover it?") == "greater_china"


def test_relays_typos_and_more_topics_left_open() -> None:
    assert silent_aspect("外籍考官入境要办什么签证") == "work_permit"
    assert silent_aspect("Do we pay a security deposit?") == "deposit"
    assert silent_aspect("持证人能不能拿到云南去用") == "recognition"
    assert silent_aspect("上海自贸区也适用这个文件吗") == "other_ftz"
