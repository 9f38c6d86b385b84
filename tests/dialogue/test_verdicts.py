"""The verdict a yes/no question, a claim or a choice gets before the clause that answers it
(bot/dialogue/verdicts.py), and the replies built around it: each party's own list, the opening
paragraph's facts, the notice's two dates, relayed and Cantonese questions."""

from __future__ import annotations

import pytest

from bot.i18n import t
from tests.dialogue.test_understand import Chat


def test_the_other_party_asked_in_the_same_message_is_judged_of_its_own_list() -> None:
    reply = Chat().say("外方要交银行资信证明吗？中方要不要？").text
    first, second = reply.split(t("claim_party_lacks", "zh"))
    assert "是的" in first and "银行资信证明" in first
    assert "营业执照" in second  # what the Chinese institution hands in instead


def test_the_other_party_asked_next_turn_is_no_when_its_list_lacks_the_item() -> None:
    chat = Chat()
    chat.say("Does the foreign institution need a bank credit reference?")
    reply = chat.say("and the Chinese partner?").text
    assert reply.startswith("No") and "business licence" in reply


def test_the_opening_paragraph_s_facts_each_have_an_answer() -> None:
    reply = Chat().say("通知开头引用的那份部里文件是哪一年的").text
    assert "2019" in reply and "人力资源社会保障部办公厅" in reply
    assert "证照分离" in Chat().say("这份通知和哪项改革有关").text
    assert "行政审批事项" in Chat().say("这个行政审批事项正式叫什么").text


def test_a_pointer_after_the_cited_document_is_about_that_document() -> None:
    chat = Chat()
    chat.say("通知是根据哪个文件制定的", intent="ask_legal_basis", confidence=0.9)
    reply = chat.say("它是谁发的").text
    assert "人力资源社会保障部办公厅" in reply and "2020年9月22日" not in reply


def test_a_claim_that_a_national_body_issued_the_notice_is_no() -> None:
    reply = Chat().say("So the State Council put out this notice for the whole country?").text
    assert reply.startswith("No") and "Guangxi" in reply


def test_the_two_dates_of_the_notice_are_told_apart_with_the_days_between() -> None:
    reply = Chat().say("落款和印发是同一天吗").text
    assert reply.startswith("不是同一天") and "3天" in reply and "不对" not in reply


def test_how_many_areas_the_notice_is_addressed_to() -> None:
    assert "共3个" in Chat().say("主送了自贸区几个片区").text


def test_a_frequency_that_differs_from_the_notice_is_no() -> None:
    assert Chat().say("年度汇总表是每个月交一次吧").text.startswith("不对")
    assert Chat().say("Is the assessment plan sent once a year?").text.startswith("No")


def test_a_relayed_question_is_answered_as_the_question() -> None:
    reply = Chat().say("来电记录：客户问，受理以后会不会组织专家审核论证？").text
    assert reply.startswith("是的") and "专家" in reply


def test_a_question_left_open_is_the_subject_of_the_next_one() -> None:
    chat = Chat()
    assert "does not say" in chat.say("How much is the fine for non-compliance?").text
    reply = chat.say("then what does the notice say happens?").text
    assert "rectif" in reply


def test_materials_in_chinese_need_no_translation() -> None:
    assert Chat().say("我们的材料原本就是中文写的，还要附中文译本吗").text.startswith("不需要")


def test_only_registered_certificates_are_treated_as_equivalent() -> None:
    assert Chat().say("任何国外证书都能当国内技能证书用吗").text.startswith("不是")


def test_a_choice_between_two_words_names_the_one_the_clause_uses() -> None:
    reply = Chat().say("四（三）里的期限算工作日还是自然日？").text
    assert reply.startswith("《通知》写的是“工作日”")


def test_both_parties_asked_at_once_is_yes_with_each_party_s_own_item() -> None:
    reply = Chat().say("外方中方是不是都得交章程？").text
    assert reply.startswith("是的") and "外方机构章程" in reply and "中方机构章程" in reply


def test_a_form_asked_about_among_the_materials_gives_its_category() -> None:
    reply = Chat().say("附件1属于申请材料的哪一类").text
    assert "其他材料" in reply


def test_only_the_highest_level_sample_is_not_enough() -> None:
    assert Chat().say("证书样本只给最高的那个等级可以吗").text.startswith("不")


def test_approver_and_supervisor_are_told_apart() -> None:
    reply = Chat().say("审批部门和后面监督我们的部门是一个吗").text
    assert reply.startswith("不是同一个部门") and "委托其进行管理和监督" in reply


def test_cantonese_is_read_as_mandarin() -> None:
    reply = Chat().say("我哋喺钦州港片区搞考试，使唔使同本地机构合作？").text
    assert reply.startswith("是的") and "合作" in reply


def test_in_principle_is_not_absolute() -> None:
    assert Chat().say("一家中方合作机构这个要求是绝对的吧，没有例外？").text.startswith("不对")


def test_a_claim_about_the_cited_document_s_issuer() -> None:
    assert Chat().say("下放审批权依据的是国务院的文件吧？").text.startswith("不对")


def test_left_open_how_the_plan_is_sent() -> None:
    assert "没有规定" in Chat().say("鉴定计划用什么平台推送给市里").text


def test_working_on_one_s_own_without_a_partner_is_no() -> None:
    assert Chat().say("外方可不可以不跟中方合作，自己在南宁片区办考试？").text.startswith("不行")


def test_a_negated_condition_before_the_question_is_kept() -> None:
    assert Chat().say("还没在自治区备案的协会，能不能做中方合作机构？").text.startswith("不行")


def test_a_statement_asked_back_gets_its_verdict() -> None:
    chat = Chat()
    chat.say("How many days does the department have to decide?")
    assert chat.say("and those are working days?").text.startswith("Yes")


def test_a_changed_plan_is_left_open() -> None:
    assert "没有规定" in Chat().say("鉴定计划报了以后又要改期，怎么办？").text


def test_who_hands_in_the_application_is_judged_against_the_issuing_body() -> None:
    no = Chat().say("这个申请是让我们国内合作的单位来递交吗").text
    assert no.startswith(t("claim_differs", "zh")) and "发证机构向自治区" in no
    yes = Chat().say("申请由外方发证机构来提交，对吧").text
    assert yes.startswith(t("claim_holds", "zh"))
    en = Chat().say("So our Chinese partner files the application, right?").text
    assert en.startswith("No") and "issuing institution" in en


def test_a_part_only_the_other_form_has_is_no_with_where_it_is() -> None:
    reply = Chat().say("年度汇总表里要不要填考评人员").text
    assert reply.startswith("没有") and "附件1·五" in reply and "考评人员" in reply
    reply = Chat().say("Do we enter the number of certificates issued in the registration form?").text
    assert reply.startswith("No") and "Annex 2, part 2" in reply
    both = Chat().say("年报里要填职业编码吗").text  # both forms have it: yes
    assert both.startswith(t("claim_present", "zh"))


@pytest.mark.parametrize("text, lead, words", [
    ("申请材料是递给市人社局的吗", "claim_differs", "自治区人力资源社会保障部门"),
    ("年度汇总表是交给自治区厅的吧", "claim_differs", "设区市"),
    ("审批权限是不是下放到市里了", "claim_differs", "省级"),
    ("这项审批权现在已经下放了吗", "claim_present", "下放"),
    ("材料是不是分三类", "claim_differs", "考试组织实施类"),
    ("外方机构能在自贸试验区外面组织鉴定吗", "claim_differs", "自由贸易试验区"),
    ("驻华代表处去南宁办考试也要找国内合作机构吗", "claim_present", "驻华办事机构"),
    ("我们国家没有这类政府批准文件，那是不是申请不了了", "claim_differs", "如有"),
    ("We lease the premises. Must the form say that?", "claim_present", "Owned by"),
    ("The count starts when the department receives our file, correct?", "claim_holds", "receives"),
    ("Was the approval power delegated by the State Council?", "claim_differs", "Ministry"),
    ("Is there a column for the number issued in the Annex 1 certificate table?", None, "Annex 2, part 2"),
])
def test_a_stated_value_is_judged_against_the_clause_that_holds_it(text: str, lead: str | None,
                                                                   words: str) -> None:
    reply = Chat().say(text).text
    lang = "en" if text.isascii() else "zh"
    if lead is not None:
        assert reply.startswith(t(lead, lang)), reply[:80]
    else:
        assert reply.startswith("No")
    assert words in reply


def test_a_letter_s_greeting_and_closing_are_not_the_question() -> None:
    reply = Chat().say("Dear team, could you tell me who approves the application? Kind regards, Li").text
    assert "Autonomous Region" in reply and t("clarify_which", "en") not in reply
    assert "45" in Chat().say("您好！申请交上去以后多久能有审批决定？谢谢！").text


def test_the_two_time_limits_asked_side_by_side_are_each_named() -> None:
    reply = Chat().say("45个工作日和10日各管什么").text
    assert "鉴定计划" in reply and "审批决定" in reply


def test_a_list_of_area_names_inside_a_question_is_not_a_pasted_sentence() -> None:
    reply = Chat().say("Are the Nanning, Qinzhou Port and Chongzuo areas the ones that approve applications?").text
    assert not reply.startswith("You quoted")


def test_a_confident_topic_that_merely_mentions_the_department_does_not_hide_the_clause_asked() -> None:
    reply = Chat().say("We plan exams in Chongzuo. Which office makes the approval decision?",
                       intent="ask_operating_area", confidence=0.99).text
    assert "Part I" in reply and "Autonomous Region" in reply


@pytest.mark.parametrize("text, words", [
    ("审批要几耐？", "45个工作日"),
    ("approval time?", "45 working days"),
    ("按规定应该由谁负责向自治区提出申请", "发证机构"),
    ("“以技能为主的国外职业资格证书及发证机构资格审核和注册”指的是什么事项", "行政审批事项"),
    ("Is Chongzuo Area among the areas the notice names?", "Chongzuo"),
    ("请告诉我这份文件的正式名称", "有关事项的通知"),
    ("What does '(如有)' after the home-country approval mean?", "if any"),
    ("这个通知适用于哪些证书", "以技能为主"),
    ("受理和专家论证哪个在前，是先受理还是先组织专家论证", "受理后"),
])
def test_what_was_asked_is_found_in_other_words(text: str, words: str) -> None:
    assert words in Chat().say(text).text


def test_a_claim_of_going_to_the_ministry_or_of_an_immediate_sanction() -> None:
    assert Chat().say("我们要不要到北京向人社部报批").text.startswith(t("claim_differs", "zh"))
    assert not Chat().say("收到投诉就直接撤销许可吗").text.startswith(t("claim_present", "zh"))


def test_an_area_asked_after_where_one_may_operate_is_inside_or_not() -> None:
    chat = Chat()
    chat.say("拿到许可后能去柳州开展鉴定吗")
    assert chat.say("不是，我想问崇左片区里面可以吗").text.startswith("可以")


def test_two_questions_in_plain_non_native_english_each_get_their_answer() -> None:
    reply = Chat().say("Our firm is from Spain. we need local partner or not? how many can we have?").text
    assert reply.startswith("Yes") and "only one" in reply


def test_the_nth_table_of_the_section_being_discussed() -> None:
    chat = Chat()
    chat.say("附件1人员情况这部分有哪几张表")
    assert "主要工作职责" in chat.say("第一张表有哪些栏").text


@pytest.mark.parametrize("text, lead", [
    ("通知是2020年发布的吧", "claim_holds"),
    ("这份通知是9月18日印发的吗", "claim_differs"),
    ("通知是9月22号出的对吧", "notice_dates_mixed"),
    ("鉴定计划是不是提前10个工作日报", "claim_differs"),  # the notice says 10日, not working days
    ("45个工作日是从受理那天开始算的吧", "claim_differs"),  # from receipt
    ("四十五个工作日从收到申请之日起算，对吗", "claim_holds"),
])
def test_a_stated_date_or_day_is_checked_against_the_notice(text: str, lead: str) -> None:
    assert Chat().say(text).text.startswith(t(lead, "zh"))


def test_a_story_about_a_first_assessment_is_not_about_the_notice_s_dates() -> None:
    reply = Chat().say("我们今年第一次办鉴定，办公室的同事问鉴定以前要先报备什么",
                       intent="ask_assessment_plan", confidence=0.95).text
    assert "鉴定计划" in reply and "10日" in reply


def test_a_bare_yes_no_part_is_judged_with_the_part_before_it() -> None:
    assert Chat().say("咁考试章程呢？使唔使交？").text.startswith(t("claim_present", "zh"))
    assert Chat().say("我们想去南宁片区办考试，要得不？").text.startswith(t("claim_present", "zh"))


def test_three_time_limits_named_in_one_question_are_all_answered() -> None:
    reply = Chat().say("What do the 45 working days, the 10 days and the December deadline each refer to?").text
    assert "decision" in reply and "assessment plan" in reply and "Annual summary" in reply


@pytest.mark.parametrize("text, lead, words", [
    ("是不是市里的人社局来审批", "claim_differs", "自治区人力资源社会保障部门"),
    ("Is the licence granted by the FTZ committee?", "claim_differs", "Autonomous Region"),
    ("Is the approving body the same as the one that supervises us?", "approver_vs_supervisor", "Part IV(3)"),
])
def test_who_approves_stated_or_compared(text: str, lead: str, words: str) -> None:
    reply = Chat().say(text).text
    assert reply.startswith(t(lead, "en" if text.isascii() else "zh")) and words in reply


def test_two_header_facts_asked_in_english_and_a_follow_up_on_a_third() -> None:
    chat = Chat()
    reply = chat.say("What's the notice's number and who signed it?").text
    assert "12号" in reply and "Human Resources and Social Security Department" in reply
    assert "printed" in chat.say("And when was it printed?").text


def test_an_apology_before_the_real_question_is_not_a_question() -> None:
    chat = Chat()
    chat.say("The city bureau approves us, right?")
    reply = chat.say("Sorry, I got that wrong. What I meant was: who receives the assessment plans?").text
    assert "assessment plan" in reply and "45 working days" not in reply
