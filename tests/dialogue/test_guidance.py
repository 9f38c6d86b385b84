"""Guidance answers: every fact comes from bot.notice, with its clause; silence is said."""

from __future__ import annotations

import pytest

from bot import notice as N
from bot.dialogue import guidance as A
from bot.dialogue.guidance import Subject, render


def test_who_approves_names_the_authority_and_cites_part_one() -> None:
    zh = A.answer("ask_approval", "谁审批", "zh").text
    assert N.APPROVAL_AUTHORITY.zh in zh
    assert N.APPROVAL_CLAUSE.cite("zh").removesuffix("）") in zh  # 《通知》一（审批层级…
    assert "人社厅发〔2019〕103号" in zh and "证照分离" in zh
    en = A.answer("ask_approval", "who approves", "en").text
    assert N.APPROVAL_AUTHORITY.en in en
    assert "Part I (Approval level)" in en
    assert "审批层级" not in en


def test_legal_basis_gives_the_delegation_and_addressees() -> None:
    text = render.legal_basis("zh").text
    assert N.NOTICE.basis.zh in text
    assert N.NOTICE.reform.zh in text
    for area in N.NOTICE.free_trade_zone_areas:
        assert area.zh in text


def test_conditions_overview_quotes_all_three_items() -> None:
    reply = render.conditions_overview("zh")
    for cc in N.CONDITION_CLAUSES:
        assert cc.text.zh in reply.text
        assert cc.clause.ref.zh in reply.text
    assert any(b.payload == "/start_self_check" for b in reply.buttons)


@pytest.mark.parametrize("condition", N.CONDITIONS, ids=lambda c: c.id)
def test_each_condition_answer_has_its_requirement_clause_and_check(condition) -> None:
    for lang in ("zh", "en"):
        text = A.render_subject(Subject("condition", condition.id), lang).text
        assert condition.requirement.get(lang) in text
        assert condition.clause.ref.get(lang) in text
        assert condition.evidence.get(lang) in text


@pytest.mark.parametrize("text,expected", [
    ("中方合作机构要备案吗", "registered_partner"),
    ("可以同时和两家中方机构合作吗", "single_partner"),
    ("我们没有独立法人资格能申请吗", "legal_person"),
    ("can the activities be for profit?", "non_profit"),
    ("does the certificate need broad international circulation?", "international_recognition"),
])
def test_a_question_about_one_condition_gets_that_condition(text: str, expected: str) -> None:
    assert A.resolve("ask_conditions", text) == Subject("condition", expected)


def test_a_clause_reference_gets_the_whole_item() -> None:
    reply = A.answer("ask_conditions", "二（二）是什么意思", "zh")
    assert N.CONDITION_CLAUSES[1].text.zh in reply.text


def test_materials_overview_lists_every_item_with_its_id() -> None:
    for lang in ("zh", "en"):
        text = render.materials_overview(lang).text
        for m in N.MATERIALS:
            assert f"{m.id} {m.name.get(lang)}" in text
        for c in N.CATEGORIES:
            assert c.name.get(lang) in text
        assert N.TRANSLATION_RULE.get(lang) in text


@pytest.mark.parametrize("category", N.CATEGORIES, ids=lambda c: c.id)
def test_a_category_lists_exactly_its_items(category) -> None:
    text = render.category(category, "zh").text
    for m in N.MATERIALS:
        assert (f"{m.id} {m.name.zh}" in text) == (m.category == category.id)


def test_who_issues_the_bank_reference_says_what_the_notice_says_and_what_not() -> None:
    question = "银行资信证明要谁出具？"
    assert A.resolve("ask_materials", question) == Subject("material", "1.1.4")
    text = A.answer("ask_materials", question, "zh").text
    assert N.GROUPS_BY_ID["1.1"].notice_text.zh in text  # part of 三（一）1 …
    assert "三（一）1" in text and "1.1.4" in text
    assert "《通知》没有规定由谁（哪家机构）出具" in text  # … and silent on who issues it
    assert "格式" in text
    from bot.settings import get_settings
    assert get_settings().contact.zh in text  # and a person to ask


def test_what_is_the_feasibility_report_in_english() -> None:
    question = "what is the feasibility report?"
    assert A.resolve("ask_materials", question) == Subject("material", "4.3")
    text = A.answer("ask_materials", question, "en").text
    assert N.MATERIALS_BY_ID["4.3"].name.en in text
    assert "Part III(4).3" in text
    assert "The notice does not say" in text
    assert "考试" not in text  # an English reply, no Chinese notice text


def test_the_contact_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_CONTACT_EN", "the FTZ help desk, +86 771 000000")
    text = A.answer("ask_not_covered", "is there a fee?", "en").text
    assert "the FTZ help desk, +86 771 000000" in text


def test_notes_the_notice_makes_about_an_item_are_given() -> None:
    assert N.MATERIALS_BY_ID["4.2"].note.zh in A.answer("ask_materials", "合作协议要原件吗", "zh").text
    assert N.MATERIALS_BY_ID["1.1.3"].note.en in A.answer(
        "ask_materials", "is the government approval mandatory?", "en").text


@pytest.mark.parametrize("text,expected", [
    ("事业单位登记证书可以吗", "1.2.1"),  # the longer name wins over 登记证书 (1.1.1)
    ("外方登记证书要公证吗", "1.1.1"),
    ("中方章程要交吗", "1.2.2"),
    ("the Chinese partner's articles of association", "1.2.2"),
    ("articles of association of the foreign body", "1.1.2"),
    ("考试样卷要几套", "2.3"),
    ("test centre standards", "3.3"),
])
def test_materials_are_found_by_the_names_people_use(text: str, expected: str) -> None:
    assert A.resolve("ask_materials", text) == Subject("material", expected)


@pytest.mark.parametrize("material", N.MATERIALS, ids=lambda m: m.id)
def test_every_material_is_found_by_its_own_name(material) -> None:
    for name in (material.name.zh, material.name.en):
        assert A.resolve("ask_materials", name) == Subject("material", material.id)


def test_a_category_question_gets_the_category() -> None:
    assert A.resolve("ask_materials", "专业技术类文件有哪些") == Subject("category", "2")
    assert A.resolve("ask_materials", "三（三）的材料") == Subject("category", "3")


def test_translation_rule() -> None:
    for lang in ("zh", "en"):
        text = render.translation(lang).text
        assert N.TRANSLATION_RULE.get(lang) in text
        assert N.TRANSLATION_CLAUSE.cite(lang) in text


@pytest.mark.parametrize("question, lang", [
    ("翻译件需要公证吗？", "zh"), ("谁来翻译？", "zh"), ("must translations be certified", "en"),
    ("who can translate the documents", "en")])
def test_a_translation_question_the_notice_leaves_open_says_so(question, lang) -> None:
    text = A.answer("ask_translation", question, lang).text
    assert N.TRANSLATION_RULE.get(lang) in text
    assert ("《通知》没有规定译本" in text) if lang == "zh" else ("The notice does not say" in text)
    assert render._contact(lang) in text


def test_the_plain_translation_question_gets_the_rule_alone() -> None:
    text = A.answer("ask_translation", "外文材料要翻译吗", "zh").text
    assert N.TRANSLATION_RULE.zh in text
    assert "没有规定" not in text


@pytest.mark.parametrize("question, group", [
    ("What does the Chinese partner have to provide?", "1.2"), ("中方合作机构要交哪些材料", "1.2"),
    ("外方机构要提供什么文件", "1.1"), ("what must the foreign institution submit", "1.1")])
def test_a_question_about_one_sides_materials_lists_that_sides_items(question, group) -> None:
    lang = "en" if question.isascii() else "zh"
    assert A.resolve("ask_materials", question) == Subject("group", group)
    text = A.answer("ask_materials", question, lang).text
    for m in N.MATERIALS:
        assert (m.name.get(lang) in text) == (m.group == group), m.id


@pytest.mark.parametrize("question, subject", [
    ("what must our Chinese partner hand in", Subject("group", "1.2")),
    ("中方合作机构需要提供合作协议吗", Subject("material", "4.2"))])
def test_a_documents_question_taken_for_a_condition_gets_the_documents(question, subject) -> None:
    assert A.resolve("ask_conditions", question) == subject


@pytest.mark.parametrize("question, condition", [
    ("中方合作机构要备案吗", "registered_partner"),
    ("must the Chinese partner be on record", "registered_partner")])
def test_a_condition_question_about_a_party_stays_a_condition(question, condition) -> None:
    assert A.resolve("ask_conditions", question) == Subject("condition", condition)


def test_a_named_item_of_one_side_still_wins_over_the_side() -> None:
    assert A.resolve("ask_materials", "中方机构介绍怎么写") == Subject("material", "1.2.3")
    assert A.resolve("ask_materials", "中方营业执照要原件吗") == Subject("material", "1.2.1")


def test_procedure_and_submission() -> None:
    text = render.procedure("zh").text
    for step in N.PROCEDURE:
        assert step.text.zh in text and step.clause.ref.zh in text
    sub = render.submission("en").text
    assert N.PROCEDURE[0].text.en in sub
    assert "does not say where or how" in sub


def test_time_limit_and_vague_time_question() -> None:
    assert "45个工作日内作出审批决定" in render.timing("zh").text
    vague = A.answer("ask_timing", "有哪些时间要求", "zh")
    assert {b.payload for b in vague.buttons} >= {"/ask_assessment_plan", "/ask_annual_report"}
    assert "45" not in vague.text  # a clarifying question, not a guess


def test_supervision() -> None:
    assert N.SUPERVISION.en in render.supervision("en").text
    assert N.SUPERVISION_CLAUSE.cite("en") in render.supervision("en").text


def test_duties_overview_and_each_duty() -> None:
    overview = render.duties_overview("zh").text
    for d in N.DUTIES:
        assert d.summary.zh in overview
        text = render.duty(d, "zh").text
        assert d.text.zh in text and d.clause.ref.zh in text


def test_operating_only_in_the_free_trade_zone_names_the_three_areas() -> None:
    text = A.answer("ask_operating_area", "可以在自贸区外考试吗", "zh").text
    assert N.DUTIES_BY_ID["operate_in_ftz"].text.zh in text
    for area in ("南宁片区", "钦州港片区", "崇左片区"):
        assert area in text


def test_annual_report_offers_the_annex_2_template() -> None:
    reply = A.answer("ask_annual_report", "年报什么时候交", "zh")
    assert "12月底" in reply.text and N.ANNEX2.title in reply.text
    assert reply.custom == {"template": "annex2"}


@pytest.mark.parametrize("key", ["annex1", "annex2"])
def test_annex_answer_lists_sections_fields_and_offers_a_template(key: str) -> None:
    form = N.ANNEXES[key]
    reply = render.annex(key, "zh")
    for section in form.sections:
        assert section.title.split("（")[0] in reply.text
    for f in form.fields():
        assert f.label in reply.text
    assert reply.custom == {"template": key}
    en = render.annex(key, "en").text
    assert form.en in en and form.sections[0].fields[0].en in en


def test_which_annex_when_the_question_does_not_say() -> None:
    reply = A.answer("ask_annex", "表格在哪里", "zh")
    assert {b.payload for b in reply.buttons} == {'/ask_annex{"subject":"annex:annex1"}',
                                                  '/ask_annex{"subject":"annex:annex2"}'}


@pytest.mark.parametrize("text,kind", [
    ("申请要收费吗", "fees"), ("how much does it cost", "fees"),
    ("还需要办其他许可吗", "permits"), ("can you give legal advice", "legal"),
    ("许可有效期多久", "validity"),
])
def test_what_the_notice_does_not_cover_is_said_plainly(text: str, kind: str) -> None:
    assert A.resolve("ask_not_covered", text) == Subject("not_covered", kind)
    lang = "en" if text.isascii() else "zh"
    reply = A.answer("ask_not_covered", text, lang)
    assert ("《通知》没有规定" if lang == "zh" else "The notice does not cover") in reply.text
    assert any(b.payload == "/human_handoff" for b in reply.buttons)


def test_button_subjects_win_over_the_text() -> None:
    reply = A.answer("ask_materials", "", "en", subject_key="material:3.2")
    assert N.MATERIALS_BY_ID["3.2"].name.en in reply.text
    assert Subject.parse("material:9.9") is None
    assert Subject.parse("nonsense") is None


def test_candidates_for_a_message_not_understood() -> None:
    subjects = A.candidates("资信证明？？")
    assert Subject("material", "1.1.4") in subjects
    button = A.subject_button(subjects[0], "zh")
    assert button.payload.startswith("/ask_materials{")


def test_menu_buttons_use_payloads_that_work_in_both_languages() -> None:
    for lang in ("zh", "en"):
        for b in A.menu_buttons(lang):
            assert b.payload.startswith("/")


def test_the_materials_list_gives_the_notice_s_numbering_and_the_documents() -> None:
    first = render.materials_overview("zh").text.splitlines()[0]
    assert "11项" in first and "16份" in first  # 三（一）1 and 2 each hold several documents
    assert "11 numbered items" in render.materials_overview("en").text
