"""Answers from the notice's units: follow-ups, corrections, several questions, calibration."""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue import dispatch as d
from bot.dialogue.state import Turn
from bot.i18n import t


class Chat:
    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def say(self, text: str, intent: str = "nlu_fallback", confidence: float = 0.3,
            handler: str | None = None) -> Any:
        handler = handler or ("fallback" if intent == "nlu_fallback" else "answer")
        out = d.respond(handler, Turn(intent=intent, text=text, confidence=confidence),
                        self.values)
        self.values = {**self.values, **out.values}
        return out


def test_follow_up_on_the_other_party() -> None:
    chat = Chat()
    assert "机构登记证书" in chat.say("境外那边要准备哪些证明材料").text
    reply = chat.say("那中方的呢").text
    assert "营业执照" in reply


def test_follow_up_by_ordinal_within_the_materials() -> None:
    chat = Chat()
    chat.say("材料清单有哪几类")
    assert "考试章程" in chat.say("第三类呢").text
    assert "考务管理规则" in chat.say("第二项呢").text


def test_correction_replaces_the_subject() -> None:
    chat = Chat()
    chat.say("中方机构的合法性证明包括什么")
    reply = chat.say("不是，我问的是外方机构", intent="deny", confidence=0.9).text
    assert "银行资信证明" in reply


def test_several_questions_in_one_message_are_answered_in_order() -> None:
    chat = Chat()
    out = chat.say("找谁审批，审批期限多长？")
    assert len(out.replies) == 2
    assert "自治区人力资源社会保障部门" in out.replies[0].text
    assert "45" in out.replies[1].text


def test_english_follow_up_and_time_limit() -> None:
    chat = Chat()
    chat.say("How many working days does the department have to decide?")
    reply = chat.say("from which day?").text
    assert "receives the application" in reply


def test_a_silent_question_says_so_and_names_the_contact() -> None:
    from bot.settings import get_settings

    reply = Chat().say("批下来的许可有效几年").text
    assert "没有规定" in reply
    assert get_settings().contact.zh[:10] in reply


def test_close_candidates_get_a_question_back_with_buttons() -> None:
    out = Chat().say("表格")
    buttons = [b for r in out.replies for b in r.buttons]
    assert buttons, out.text


def test_pasted_text_is_identified_and_explained() -> None:
    reply = Chat().say("“发现违法违规行为依法查处并公开结果”是什么意思").text
    assert "五" in reply and "对您来说" in reply


def test_a_question_that_only_mentions_a_condition_does_not_start_the_check() -> None:
    assert d.exact_intent("审批部门会不会来检查我们", "start_self_check", 0.8) != \
        "start_self_check"
    assert d.exact_intent("给我们做个资格自测吧", "ask_conditions", 0.6) == "start_self_check"
    assert d.exact_intent("could we do a quick eligibility check", "help", 0.5) == \
        "start_self_check"


def test_a_question_inside_the_self_check_is_answered() -> None:

    out = Chat().say("考试章程具体是指什么文件", handler="self_check_unclear")
    assert "考试章程" in out.text and t("check_unparsed", "zh") not in out.text
    # A reply the check cannot read and that asks nothing still gets the hint.
    assert Chat().say("嗯嗯嗯", handler="self_check_unclear").text == t("check_unparsed", "zh")


def test_a_material_of_one_party_asked_of_the_other_gives_both_lists() -> None:
    reply = Chat().say("中方要不要交银行资信证明").text
    assert "外方机构" in reply and "银行资信证明" in reply
    assert "营业执照" in reply  # what the Chinese institution does hand in


def test_a_label_two_fields_share_gives_both_fields() -> None:
    reply = Chat().say("注册表里的联系手机填谁的").text
    assert "单位负责人" in reply and "业务联系人" in reply


def test_a_section_asked_about_in_general_gives_all_its_tables() -> None:
    reply = Chat().say("What does Annex 1 ask about personnel?").text
    assert "Full-time staff" in reply and "Examiners" in reply


def test_breaking_the_rules_points_to_rectification() -> None:
    reply = Chat().say("What if an institution does not carry out assessments according to the rules?").text
    assert "rectify" in reply


def test_a_duty_of_the_short_name_asked_for_one_party_says_whom_the_name_covers() -> None:
    reply = Chat().say("鉴定计划要提前10日推送，中方机构也要推吗").text
    assert "10日" in reply and "中方合作机构" in reply and "六（一）" in reply


def test_a_quoted_short_name_is_answered_with_its_definition() -> None:
    reply = Chat().say("“国外职业资格证书机构”指的是哪两家").text
    assert "代表机构" in reply and "中方合作机构" in reply and "简称" in reply


def test_who_files_the_application_is_the_issuing_institution() -> None:
    reply = Chat().say("中方合作机构能不能代替外方提交申请").text
    assert "发证机构向自治区人力资源社会保障部门提出申请" in reply


def test_three_questions_in_one_english_message_are_each_answered() -> None:
    out = Chat().say("Three things: who approves, how long, and must docs be translated?")
    text = out.text
    assert "Autonomous Region" in text and "45" in text and "Chinese translation" in text


def test_a_city_bureau_asked_about_approval_is_told_who_approves() -> None:
    reply = Chat().say("南宁市人社局负责审批吗", intent="ask_operating_area", confidence=0.9).text
    assert "自治区人力资源社会保障部门" in reply


def test_i_mean_replaces_the_question() -> None:
    chat = Chat()
    chat.say("国庆前交材料，45天后能出结果吗")
    assert "工作日" in chat.say("我意思是国庆长假算在那45个里面吗").text


def test_the_notice_s_date_gives_both_the_signing_and_the_printing_day() -> None:
    reply = Chat().say("这通知啥时候发的").text
    assert "2020年9月22日" in reply and "2020年9月25日" in reply


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("获批后能在崇左片区考试吗", "柳州呢", ("自由贸易试验区", "不在其中")),  # another place
    ("鉴定计划提前几天推？年度汇总表几月交？", "都是交给同一个部门吗", ("六（二）", "六（四）")),  # both
    ("审批要多久", "是从提交那天算还是受理那天算", ("收到申请之日起",)),  # when the count starts
    ("鉴定计划提前几天？", "年报几月", ("12月底",)),  # names its own subject
    ("我们的材料是德文的，要翻译吗", "那它们内容不一致谁负责", ("申请人",)),  # a pronoun
    ("鉴定计划要提前几天报", "推给谁？", ("设区市",)),  # only a question word left
    ("这通知谁发的", "哪天发的", ("2020年9月22日",)),  # another part of the header
    ("附件2分几部分", "哪一栏写发了多少证", ("发证数量",)),  # a column of the form in question
    ("What parts does the annual summary have?", "When is it due?", ("December",)),  # its date
    ("审批决定多久能出", "出了以后还会告诉谁", ("设区市",)),  # the copy to the city
    ("合作协议要交原件吗", "这个协议是哪两方之间签的", ("中外合作机构之间",)),
])
def test_a_follow_up_leans_on_the_turn_before(first: str, then: str,
                                              expected: tuple[str, ...]) -> None:
    chat = Chat()
    chat.say(first)
    reply = chat.say(then).text
    assert all(e in reply for e in expected), reply



def test_a_short_question_that_names_a_subject_is_not_a_follow_up() -> None:
    chat = Chat()
    chat.say("审批要多久")
    assert "审批层级" in chat.say("谁审批？", intent="ask_approval", confidence=0.9).text


def test_the_classic_answer_stands_when_retrieval_finds_the_same_part() -> None:
    reply = Chat().say("需要提交哪些材料？", intent="ask_materials", confidence=0.95).text
    assert "外方机构登记证书" in reply  # the items by name, not only the categories


@pytest.mark.parametrize(("text", "expected"), [
    ("通知里一共有哪些时间期限", ("45个工作日", "前10日", "12月底")),  # every time limit
    ("List every deadline in the notice", ("45 working days", "10 days", "December")),
    ("这个通知分哪几部分", ("审批层级", "许可条件", "申请材料清单", "办理程序", "事中事后监管", "其他要求")),
    ("许可条件第三条是什么", ("独立法人资格",)),  # a condition by its number
    ("item 3 of category 2?", ("sample",)),  # a material by category and item
    ("汇总表第一、第二部分分别填什么", ("机构名称", "发证数量")),  # two sections at once
    ("协会能不能做我们的中方合作方", ("行业组织", "社会团体")),  # the half of II(2) asked about
    ("同一时期可以有两个中方合作机构吗", ("原则上应为一家",)),
    ("正文第四部分叫什么", ("办理程序",)),  # a part of the notice by its number
    ("What is part two of the notice about?", ("Licensing conditions",)),
    ("考评人员那张表要写哪些内容", ("考评职业领域",)),  # the table named, not its sibling
])
def test_the_place_the_words_point_at_is_answered(text: str, expected: tuple[str, ...]) -> None:
    reply = Chat().say(text).text
    assert all(e in reply for e in expected), reply


def test_a_material_s_category_is_named() -> None:
    reply = Chat().say("机构章程属于哪一类材料", intent="ask_materials", confidence=0.9).text
    assert "机构资信证明类文件" in reply


def test_a_duty_of_both_parties_says_whom_its_short_name_covers() -> None:
    reply = Chat().say("年度汇总表中方机构也要报吗", intent="ask_annual_report", confidence=0.9).text
    assert "中方合作机构" in reply and "六（一）" in reply


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("发证活动能在全广西开展吗", "不对，我问的是鉴定活动，不是发证", "自由贸易试验区"),
    ("Can the Chinese partner run exams outside the FTZ?",
     "I meant the representative office, not the partner.", "free trade zone"),
    ("中方合作机构能有几家", "我不是问数量，我是问中方得经过谁备案", "自治区人力资源社会保障部门备案"),
])
def test_a_correction_that_puts_one_thing_for_another(first: str, then: str,
                                                      expected: str) -> None:
    chat = Chat()
    chat.say(first)
    assert expected in chat.say(then).text


def test_what_the_notice_leaves_open_is_not_tied_to_the_previous_subject() -> None:
    chat = Chat()
    chat.say("审批要多久")
    reply = chat.say("申请要收费吗").text
    assert "收费" in reply and "45个工作日" not in reply


def test_a_doubled_no_before_the_corrected_question_is_one_correction() -> None:
    chat = Chat()
    chat.say("谁审批？")
    reply = chat.say("不对不对，我想问的是批完之后谁负责日常管理").text
    assert "委托其进行管理和监督" in reply


def test_a_form_field_named_like_a_person_is_a_question_not_a_handoff() -> None:
    reply = Chat().say("业务联系人要留什么联系方式", intent="human_handoff", confidence=0.8,
                       handler="handoff").text
    assert "业务联系人" in reply and "转人工服务" not in reply


def test_an_area_mentioned_in_passing_adds_no_bureau_line() -> None:
    out = Chat().say("我们是钦州的职业学校，和外方签了协议，协议要原件吗？",
                     intent="ask_operating_area", confidence=0.8)
    text = out.text
    assert "复印件" in text and "钦州市人力资源社会保障部门" not in text


def test_both_parties_hand_in_their_own_articles() -> None:
    reply = Chat().say("中方外方都要交机构章程吗？").text
    assert reply.startswith("是的，外方机构和中方合作机构都要提交")
    assert "外方机构章程" in reply and "中方机构章程" in reply


def test_a_material_only_one_party_hands_in() -> None:
    reply = Chat().say("双方都要交银行资信证明吗").text
    assert "只由外方机构提交" in reply and "银行资信证明" in reply


def test_a_claim_with_the_right_number_is_confirmed() -> None:
    reply = Chat().say("申请后45个工作日内作决定，这个对吗？").text
    assert reply.startswith("是的") and "45个工作日" in reply


def test_a_claim_with_the_wrong_number_is_corrected_from_the_right_clause() -> None:
    reply = Chat().say("We must send the assessment plan 45 days in advance?").text
    assert reply.startswith("No, that does not match the notice") and "10 days" in reply
    assert Chat().say("审批是45天对吧").text.startswith("不完全对：数字是对的，但《通知》按工作日计算")


def test_a_claim_holding_a_date_gets_no_verdict_on_its_number() -> None:
    reply = Chat().say("这个通知是2020年9月22日发的对吧").text
    assert not reply.startswith(("不对", "是的"))


def test_what_a_department_does() -> None:
    reply = Chat().say("设区市还负责收哪些东西？").text
    assert "鉴定计划" in reply and "汇总表" in reply and "抄送" in reply


def test_where_in_the_notice_and_besides() -> None:
    assert "附件1" in Chat().say("申请表在文件哪个位置").text
    lines = Chat().say("核发信息汇总表除了汇总数还要附名册吗").text.split("\n")
    first = next(line for line in lines if "附件2" in line)
    assert "名册" in first  # the register first, not the summary set aside
    assert "监督检查" in Chat().say("除了报计划还要接受谁的监督检查").text


def test_which_form_and_to_whom_after_the_annual_report() -> None:
    chat = Chat()
    chat.say("年报什么时候交")
    assert chat.say("用哪个表").text.startswith("附件2")
    assert "设区市人力资源社会保障部门" in chat.say("交给谁").text


def test_the_second_annex_after_the_list_of_annexes() -> None:
    chat = Chat()
    chat.say("What are the annexes?")
    assert chat.say("What's in the second one?").text.startswith("Annex 2")


def test_an_addressee_area() -> None:
    assert "是的，主送单位里有钦州港" in Chat().say("钦州港片区管委会在不在主送名单里？").text
    assert "各市的人社局都在其中" in Chat().say("北海在主送单位里吗").text


def test_a_document_number_is_recognised_or_told_apart() -> None:
    reply = Chat().say("Is Gui Ren She Gui [2020] No. 12 the one about foreign skill certificates?").text
    assert reply.startswith("Yes, that is the number of this notice")
    assert Chat().say("桂人社规〔2021〕3号还有效吗").text.startswith("这个文号不是本《通知》的")
    assert "45个工作日" in Chat().say("桂人社规〔2020〕12号规定的审批时限是多少").text


def test_the_same_part_of_the_other_form() -> None:
    chat = Chat()
    chat.say("注册表基本信息要填哪些联系人？")
    assert chat.say("年度汇总表呢？").text.startswith("附件2一、单位基本信息")


def test_the_third_condition_after_the_conditions() -> None:
    chat = Chat()
    chat.say("What are the licensing conditions?")
    assert "independent legal person" in chat.say("What does the third one mean exactly?").text


def test_to_whom_the_annual_report_goes_is_the_duty_clause() -> None:
    reply = Chat().say("to whom is the annual report sent?").text
    first = next(line for line in reply.split("\n") if line.startswith(("1.", "Notice")))
    assert "Part VI(4)" in first and "prefecture-level city" in first


def test_holidays_after_the_plan_are_about_the_plan() -> None:
    chat = Chat()
    chat.say("每次鉴定前要做啥？")
    reply = chat.say("那节假日算不算？").text
    assert "六（二）" in reply and "没有说是工作日" in reply


def test_two_things_asked_for_at_once() -> None:
    reply = Chat().say("What's the document number and the signing date?").text
    assert "12号" in reply and "22 September 2020" in reply
    reply = Chat().say("那可行性论证报告和审核注册表也都要交吗？").text
    assert "可行性论证报告" in reply and "审核注册表" in reply


@pytest.mark.parametrize(("question", "heading"), [
    ("第五部分讲的啥", "事中事后监管"),
    ("第六部分叫什么标题", "其他要求"),
    ("What is the title of Section 6?", "Other requirements"),
    ("What is part 5 about?", "Supervision during and after approval"),
])
def test_a_part_by_its_number_alone_is_the_notice_s(question: str, heading: str) -> None:
    assert heading in Chat().say(question).text


def test_a_part_number_after_a_form_is_the_form_s() -> None:
    chat = Chat()
    chat.say("附件1有哪几部分")
    assert "场地设备" in chat.say("第四部分呢").text
    chat = Chat()
    chat.say("Sorry, I meant the registration form.")
    assert "Basic information on the applicant" in chat.say("and its first section?").text


@pytest.mark.parametrize("question", ["大概讲讲这个通知的主要内容吧", "这个通知到底管的是啥审批事项，能一句话说下吗",
                                      "Please summarise the main contents of the notice."])
def test_a_summary_gives_the_title_and_the_six_parts(question: str) -> None:
    reply = Chat().say(question).text
    assert ("职业资格证书" in reply and "许可条件" in reply) or \
        ("vocational qualification" in reply and "Licensing conditions" in reply)
    assert "哪一项" not in reply and "which of these" not in reply


def test_whether_the_plan_s_days_are_working_days_is_left_open() -> None:
    chat = Chat()
    chat.say("How many days before an exam must we send the appraisal plan?")
    reply = chat.say("Are those working days or calendar days?").text
    assert "does not say" in reply and "45" not in reply
    assert "没有规定" in Chat().say("鉴定计划提前10日，这10日是工作日还是自然日？").text
    # the two time limits named together are answered, not left open
    reply = Chat().say("审批时限45个工作日和鉴定计划提前10日，这两个时间分别是谁要遵守的？").text
    assert "没有规定" not in reply and "设区市" in reply


def test_also_inside_one_question_does_not_cut_it() -> None:
    reply = Chat().say("Does the Chinese side also need a bank credit certificate?").text
    assert "Bank credit reference" in reply and "I could not tell" not in reply


def test_holidays_asked_after_a_time_limit_are_of_that_limit() -> None:
    for first, then, counted in (("审批要多久", "国庆那七天假算在里面吗", "法定节假日不计入"),
                                 ("How long does the decision take?",
                                  "Does the Christmas and New Year period count?", "public holidays")):
        chat = Chat()
        chat.say(first)
        reply = chat.say(then).text
        assert "45" in reply and counted in reply
        assert not reply.startswith(("不对", "No,"))  # the holiday's length is not a count to judge


def test_where_the_application_goes_is_the_region() -> None:
    reply = Chat().say("申请材料要递交给哪个部门").text
    assert "四（一）" in reply and "自治区人力资源社会保障部门" in reply
    assert Chat().say("申请是交给自治区人社厅对吧").text.startswith("是的")


def test_the_other_date_named_for_one_is_a_no_with_both_shown() -> None:
    reply = Chat().say("印发日期是9月22号吗？").text
    assert reply.startswith("不对") and "9月22日" in reply and "9月25日" in reply
    assert reply.count("不对") == 1
    assert Chat().say("通知是9月25日印发的吧").text.startswith("是的")
    reply = Chat().say("Is the notice number 桂人社规〔2020〕12号?").text
    assert reply.startswith("Yes")


def test_a_follow_up_the_current_clause_answers_stays_with_it() -> None:
    chat = Chat()
    chat.say("鉴定计划报给谁？")
    reply = chat.say("提前多久？").text
    assert "10日" in reply and "45个工作日" not in reply
    assert chat.say("是每次都要报吗？").text.startswith("是的")


def test_who_inspects_is_the_clauses_that_give_oversight_and_who_is_inspected_is_part_five() -> None:
    for question in ("通知里说检查是谁来检查的？", "Who carries out supervision checks after approval?"):
        reply = Chat().say(question).text
        assert "四（三）" in reply or "Part IV(3)" in reply
        assert "设区市" in reply or "prefecture-level city" in reply
    reply = Chat().say("事中事后监管的对象是谁？").text
    assert "代表机构" in reply and "由谁监督" not in reply


def test_an_ordinal_after_an_annex_section_is_of_its_tables() -> None:
    chat = Chat()
    chat.say("What staff categories and what attachments for staff does Annex 1 require?")
    reply = chat.say("What columns for the second category?").text
    assert "Examiners" in reply and "Employer" in reply


def test_a_correction_that_asks_a_whole_question_is_read_alone() -> None:
    chat = Chat()
    chat.say("同一时期能有几家中方合作机构？")
    reply = chat.say("不是，我问外方的驻华办事机构要不要跟中方合作").text
    assert reply.startswith("是的") and "必须与" in reply
    chat = Chat()
    chat.say("审批要多久")
    assert "自治区人力资源社会保障部门" in chat.say("不是这个，我是问申请向哪个部门提").text


def test_a_yes_no_part_of_a_message_gets_its_verdict_and_the_clause_once() -> None:
    from bot.dialogue import understand
    from bot.dialogue.state import State, Turn

    replies, _ = understand.route(Turn(intent=None, text="审批要多久？４５个工作日是吗？", confidence=0.3),
                                  State(language="zh"))
    assert replies is not None and len(replies) == 1 and replies[0].text.startswith("是的")
    reply = Chat().say("我们和外方签的合作协议原件在外方总部，寄过来很麻烦。申报时交复印件可以吗？").text
    assert reply.startswith("是的") and "复印件" in reply


def test_a_form_asked_about_as_a_whole_is_its_outline() -> None:
    reply = Chat().say("附件2要写啥").text
    assert "共4部分" in reply and "工作情况汇报" in reply
    assert "工作情况汇报" in Chat().say("附件2里的工作情况要写啥").text


def test_another_series_of_the_department_is_not_this_notice() -> None:
    reply = Chat().say("同事在台账里写成了“桂人社发〔2020〕12号”，是这个号吗？").text
    assert reply.startswith("这个文号不是本《通知》的") and "桂人社规〔2020〕12号" in reply
    assert Chat().say("是桂人社规〔2020〕12号吗").text.startswith("这是本《通知》的文号")


def test_the_parts_the_notice_sets_out_and_typed_typos() -> None:
    assert "六部分" in Chat().say("“现就有关事项明确如下”，后面一共明确了几个方面？").text
    assert "日常检查" in Chat().say("监官方式有哪些？").text
    assert "年度核发证书信息汇总表" in Chat().say("附建2全称叫什么").text


def test_an_item_of_a_category_named_by_its_name_and_a_time_limit_by_its_count() -> None:
    chat = Chat()
    chat.say("专业技术类文件包括什么？")
    assert "考务管理规则" in chat.say("那考试组织实施类第二项？").text
    chat = Chat()
    chat.say("45个工作日那个从哪天起算？")
    assert "鉴定计划" in chat.say("那10日那个是干嘛的？").text
    assert Chat().say("审批是10个工作日吗").text.startswith("不对")  # a wrong count stays a no


def test_an_ftz_area_asked_after_where_one_may_operate_is_a_yes() -> None:
    for first, area, opens in (("拿到许可以后能在哪些地方开展鉴定发证？", "钦州港片区可以吗？", "可以"),
                               ("Where can we run assessments once approved?", "Chongzuo area ok?", "Yes")):
        chat = Chat()
        chat.say(first)
        assert chat.say(area).text.startswith(opens)
    chat = Chat()
    chat.say("拿到许可以后能在哪些地方开展鉴定发证？")
    assert "桂林不在其中" in chat.say("那桂林呢？").text


def test_a_follow_up_of_the_other_party_ignores_the_topic_read_from_the_fragment() -> None:
    chat = Chat()
    chat.say("Which papers prove the foreign body's legal standing?", intent="ask_materials", confidence=0.9)
    reply = chat.say("and for the Chinese partner?", intent="ask_conditions", confidence=0.4).text
    assert "business licence" in reply


def test_a_short_yes_no_follow_up_the_quoted_unit_answers() -> None:
    chat = Chat()
    chat.say("注册表里管理制度那部分写什么")
    assert chat.say("可以另附材料吗").text.startswith("是的")


def test_a_correction_with_an_interjection_names_the_other_form() -> None:
    chat = Chat()
    chat.say("汇总表分几部分")
    assert "共6部分" in chat.say("啊不对，我问错了，是注册表", intent="deny", confidence=0.9).text
