"""Interface strings of the answers from the notice's units (part of ``bot.i18n._STRINGS``).

Facts are never written here: they are passed as format values from :mod:`bot.notice`.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # --- answers from the notice's units (bot.dialogue.understand) -------------------------
    "unit_quote": ("《通知》{ref}规定：“{text}”", "Notice, {ref}: “{text}”"),
    "unit_whole": ("该条全文：{text}", "The whole clause: {text}"),
    "unit_in": ("所在部分：{text}", "Where it sits: {text}"),
    "unit_working_days": (
        "这里的期限按工作日计算：周末和法定节假日不计入（调休上班日计入）。",
        "The period counts working days only: weekends and public holidays are not counted "
        "(make-up working days are).",
    ),
    "unit_annex1_role": (
        "{annex1}是申请时提交的注册表（材料清单{ref}），表中各栏按实际情况填写；《通知》没有规定各栏的具体填写要求。"
        "如需确认，请咨询：{contact}",
        "{annex1} is the registration form handed in with the application (materials list "
        "{ref}); fill in each part as it applies to you — the notice does not say more about "
        "how to fill in the fields. To confirm, please ask {contact}",
    ),
    "unit_annex2_role": (
        "{annex2}是获批后{annual_deadline}报送的年度汇总表（{ref}）；《通知》没有规定各栏的具体填写要求。如需确认，请咨询：{contact}",
        "{annex2} is the annual summary sent by {annual_deadline} after approval "
        "({ref}); the notice does not say more about how to fill in the fields. To confirm, "
        "please ask {contact}",
    ),
    "unit_pasted": ("您引用的是《通知》{ref}的原文。", "You quoted the notice, {ref}."),
    "unit_means_conditions": (
        "对您来说：这是申请注册必须满足的许可条件，不满足的不予许可。",
        "What it means for you: this is a licensing condition your application must meet.",
    ),
    "unit_means_materials": (
        "对您来说：这是申请时要提交的材料。",
        "What it means for you: this is among the materials to hand in with the application.",
    ),
    "unit_means_procedure": (
        "对您来说：这是审批部门办理您的申请的步骤和时限。",
        "What it means for you: this is how and how fast the department handles your application.",
    ),
    "unit_means_supervision": (
        "对您来说：获批后，您的代表机构和中方合作机构会按这种方式接受检查。",
        "What it means for you: after approval, your representative office and Chinese partner "
        "are inspected this way.",
    ),
    "unit_means_duties": (
        "对您来说：这是获得许可后必须遵守的要求。",
        "What it means for you: this is a duty you must keep after approval.",
    ),
    "unit_means_general": (
        "对您来说：这是《通知》的总体规定。",
        "What it means for you: this is part of the notice's general framework.",
    ),
    "area_in": (
        "《通知》主送的自由贸易试验区片区是：{areas}。{area}属于其中之一；片区的具体地理范围《通知》没有说明。",
        "The free trade zone areas the notice is addressed to are: {areas}. {area} is one of "
        "them; the notice does not describe the areas' exact boundaries.",
    ),
    "area_out": (
        "《通知》主送的自由贸易试验区片区是：{areas}。{area}不在其中，因此不能在{area}开展鉴定、发证活动"
        "（除非该地点属于上述片区；片区的具体地理范围《通知》没有说明）。",
        "The free trade zone areas the notice is addressed to are: {areas}. {area} is not one "
        "of them, so assessment and certificate issuing cannot take place there (unless the "
        "place lies within one of those areas; the notice does not describe their boundaries).",
    ),
    "unit_several": ("这个问题涉及《通知》的{n}处规定：", "Several parts of the notice answer this ({n}):"),
    "unit_source": ("【出处】{cites}", "Source: {cites}"),
    "clarify_which": (
        "我想确认一下，您问的是下面哪一项？",
        "To be sure I answer the right question: which of these do you mean?",
    ),
    "silent_answer": (
        "《通知》没有规定{topic}。如需确认，请咨询：{contact}",
        "The notice does not say {topic}. To find out, please ask {contact}",
    ),
    "silent_fees": ("是否收费或收费标准", "whether there are fees or how much they are"),
    "silent_validity": ("许可或注册的有效期、续期", "how long the approval or registration is valid"),
    "silent_rate": ("考试的通过率或分数要求", "pass rates or passing scores"),
    "silent_office": ("办理窗口的地址或办公时间", "the office's address or opening hours"),
    "silent_contact_details": ("联系电话、网址等联系方式", "phone numbers, websites or other contact details"),
    "silent_fast_track": ("加急或快速办理的途径", "any fast track or expedited handling"),
    "silent_channel": ("申请材料的递交方式（线上、纸质或邮寄）",
                       "how the application is handed in (online, on paper or by post)"),
    "silent_minimum": ("人员、设备、场地等的最低数量或规模", "minimum numbers or sizes of staff, equipment or premises"),
    "silent_recognition": ("与其他省份的互认", "recognition by or from other provinces"),
    "silent_guarantee": ("审批结果的任何保证", "any guarantee of the outcome"),
    "silent_language_exam": ("考试使用的语言", "which language the examinations are held in"),
    "silent_reapply": ("不予许可后的重新申请或申诉安排", "what happens after a refusal (re-applying, appeals)"),
    "silent_length": ("字数、页数或篇幅要求", "any word, page or length limit"),
    "silent_deposit": ("存款、资金或资产的数额要求", "any amount of deposits, capital or assets"),
    "silent_notarisation": ("材料是否需要公证、认证或领事认证", "whether documents must be notarised, "
                            "legalised or apostilled"),
    "silent_attendance": ("申请人是否需要到场答辩、面谈或接受现场核查",
                          "whether applicants attend the review, an interview or an on-site visit"),
    "silent_published_list": ("评审专家名单或评审过程是否公布", "whether the experts or the review are "
                              "made public"),
    "silent_copies": ("材料需要提交的份数", "how many copies or sets to hand in"),
    "unit_category": ("所在类别：{text}", "Its category: {text}"),
    "silent_quota": ("数量限额或名额", "any quota or limit on numbers"),
    "silent_legal_entity_type": ("分支机构或个人能否作为申请主体（只规定申请机构应具备独立法人资格）",
                                 "whether branches or individuals may apply (it only requires "
                                 "independent legal-person status)"),
}
