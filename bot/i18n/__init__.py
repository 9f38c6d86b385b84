"""Interface strings in Chinese and English.

Only the assistant's own words live here (greetings, menus, buttons, prompts, fallbacks,
labels).  Facts about the notice come from :mod:`bot.notice` and are never written here.
"""

from __future__ import annotations

_STRINGS: dict[str, tuple[str, str]] = {
    # --- greeting, menu, small talk -------------------------------------------------
    "greet": (
        "您好！我是广西自由贸易试验区国外职业资格证书审核注册的咨询助手，依据《通知》（{number}）"
        "回答问题，也可以帮您做资格自检。请选择或直接提问：",
        "Hello! I answer questions on the review and registration of foreign vocational "
        "qualification certificates in the Guangxi Free Trade Zone, based on notice {number}, "
        "and I can run an eligibility self-check with you. Choose a topic or just ask:",
    ),
    "menu": (
        "我可以回答《通知》涉及的以下问题，请选择或直接输入您的问题：",
        "I can answer these questions about the notice. Choose one or type your own question:",
    ),
    "thanks": ("不客气！还有其他问题吗？", "You're welcome! Anything else I can help with?"),
    "goodbye": ("再见，祝申请顺利！", "Goodbye, and good luck with your application!"),
    "out_of_scope": (
        "抱歉，这个问题不在我能回答的范围内。我只回答《通知》（{number}）涉及的审批、条件、材料、"
        "程序、时限和获批后义务等问题。",
        "Sorry, that is outside what I can answer. I only answer questions about notice "
        "{number}: approval, conditions, materials, procedure, time limits and the duties "
        "after approval.",
    ),
    "fallback": (
        "抱歉，我没有完全理解您的问题。您可以换个说法，或从下面选择一个主题：",
        "Sorry, I did not quite understand. Could you rephrase, or pick a topic below?",
    ),
    "fallback_candidates": (
        "抱歉，我不确定您问的是什么。您是想了解下面哪一项？",
        "Sorry, I am not sure what you are asking about. Did you mean one of these?",
    ),
    "language_switched": (
        "好的，接下来我用中文回答。",
        "OK, I will answer in English from now on.",
    ),
    "language_which": (
        "请选择回答语言：",
        "Which language would you like me to answer in?",
    ),
    "handoff": (
        "好的，为您转人工服务。请联系：{contact}",
        "Sure. To talk to a person, please contact {contact}",
    ),
    "not_covered_contact": (
        "如需确认，请咨询：{contact}",
        "To confirm, please ask {contact}",
    ),
    "anything_else": ("还想了解什么？", "What else would you like to know?"),
    # --- menu buttons -----------------------------------------------------------------
    "btn_approval": ("谁来审批", "Who approves"),
    "btn_conditions": ("许可条件", "Licensing conditions"),
    "btn_materials": ("申请材料清单", "Materials list"),
    "btn_procedure": ("办理程序", "Procedure"),
    "btn_timing": ("审批时限", "Time limit"),
    "btn_duties": ("获批后的义务", "Duties after approval"),
    "btn_annex": ("附件表格", "Annex forms"),
    "btn_self_check": ("资格自检", "Eligibility self-check"),
    "btn_handoff": ("转人工", "Talk to a person"),
    "btn_english": ("English", "English"),
    "btn_chinese": ("中文", "中文"),
    "btn_yes": ("是", "Yes"),
    "btn_no": ("否", "No"),
    "btn_unsure": ("不确定", "Not sure"),
    "btn_stop": ("退出自检", "Stop the self-check"),
    "btn_decision_date": ("推算审批决定日期", "Work out the decision date"),
    "btn_plan_date": ("推算鉴定计划推送日期", "Work out the assessment-plan date"),
    "btn_annual_report": ("年度报送（附件2）", "Annual report (Annex 2)"),
    "btn_annex1": ("附件1 注册表", "Annex 1 registration form"),
    "btn_annex2": ("附件2 年度汇总表", "Annex 2 annual summary"),
    "btn_category": ("{name}", "{name}"),
    # --- citations and labels ---------------------------------------------------------
    "source": ("【出处】{cite}", "Source: {cite}"),
    "sources": ("【出处】《通知》{refs}", "Sources: Notice {number}, {refs}"),
    "cite_ref": ("{ref}", "Part {ref}"),
    "cite_heading": ("{refs}（{heading}）", "{refs} ({heading})"),
    "cite_sep": ("；", "; "),
    "preamble_short": ("开头段落", "opening paragraph"),
    "list_sep": ("、", ", "),
    "preamble": ("《通知》（{number}）开头段落", "Notice {number}, opening paragraph"),
    "notice_says": ("《通知》原文：", "The notice says: "),
    "quote": ("“{text}”", "“{text}”"),
    "material_label": ("材料{id}", "item {id}"),
    "optional_label": ("（如有）", " (if any)"),
    # --- guidance phrases (wording around notice facts) --------------------------------
    "approval_answer": (
        "{heading}：{authority}。",
        "{heading}: {authority}.",
    ),
    "approval_basis_short": (
        "依据：{basis}。",
        "Basis: {basis}.",
    ),
    "basis_answer": (
        "根据{basis}要求，{reform}。《通知》据此明确以下事项：{parts}。",
        "Under {basis}, {reform}. On that basis the notice sets out: {parts}.",
    ),
    "addressees": ("《通知》发至：{addressees}。", "The notice is addressed to {addressees}."),
    "conditions_intro": (
        "《通知》第二部分规定了{n}项许可条件：",
        "Part II of the notice sets {n} licensing conditions:",
    ),
    "conditions_self_check": (
        "这些条件可拆分为{n}项逐一核对，您可以做一次资格自检。",
        "They break down into {n} points you can check one by one in an eligibility self-check.",
    ),
    "condition_focus": (
        "您问到的要求是：“{requirement}”。",
        "The requirement you asked about: “{requirement}”.",
    ),
    "condition_full": ("该条全文：", "The full item: "),
    "condition_check": ("如何核对：{evidence}", "How to check: {evidence}"),
    "clause_of_conditions": ("{ref}：{text}", "{ref}: {text}"),
    "materials_intro": (
        "《通知》第三部分列出的申请材料（共{n}项，其中{optional}项为“如有”）：",
        "The application materials listed in Part III of the notice ({n} items, {optional} of "
        "them only “if any”):",
    ),
    "category_intro": ("{ref} {name}：", "{ref} {name}:"),
    "material_line": ("{id} {name}", "{id} {name}"),
    "item_intro": (
        "“{name}”是《通知》{ref}所列“{group}”中的一项（材料编号{id}）。",
        "“{name}” is one of the items of “{group}” listed in Part {ref} of the notice "
        "(item {id}).",
    ),
    "item_intro_plain": (
        "“{name}”是《通知》{ref}所列的申请材料（{category}，材料编号{id}）。",
        "“{name}” is an application material listed in Part {ref} of the notice ({category}, "
        "item {id}).",
    ),
    "item_silent_aspect": (
        "《通知》没有规定{aspects}。",
        "The notice does not say {aspects}.",
    ),
    "item_silent_general": (
        "除列出这项材料外，《通知》没有规定它由谁出具、须包含哪些内容或采用什么格式。",
        "Apart from listing it, the notice does not say who must issue it, what it must contain "
        "or what form it takes.",
    ),
    "item_silent_form": (
        "注册表的栏目以附件1为准；除此之外，《通知》没有规定填写方法或格式要求。",
        "The form's sections are those printed in Annex 1; beyond that, the notice gives no "
        "filling-in instructions or format rules.",
    ),
    "item_translation": (
        "如该材料为外文版，需同时提交中文译本（三）。",
        "If it is in a foreign language, submit a Chinese translation with it (Part III).",
    ),
    "aspect_issuer": ("由谁（哪家机构）出具", "who (which body) must issue it"),
    "aspect_format": ("采用什么格式", "what form it must take"),
    "aspect_content": ("须包含哪些具体内容", "what exactly it must contain"),
    "aspect_validity": ("有效期或出具时间要求", "how recent it must be or how long it is valid"),
    "aspect_notarisation": (
        "是否需要公证、认证或盖章",
        "whether it must be notarised, legalised or stamped",
    ),
    "aspect_copies": ("提交原件还是复印件、提交几份", "whether originals or copies, or how many"),
    "aspect_length": ("篇幅或页数要求", "how long it must be"),
    "translation_silent": (
        "《通知》没有规定译本由谁翻译、采用什么格式，也没有规定译本是否需要公证、认证或盖章。",
        "The notice does not say who must make the translation or in what form, or whether it "
        "must be certified, notarised or stamped.",
    ),
    "procedure_intro": ("《通知》第四部分规定的办理程序：", "The procedure in Part IV of the notice:"),
    "step_line": ("{ref} {text}", "{ref} {text}"),
    "submission_answer": (
        "《通知》规定：{step}",
        "The notice says: {step}",
    ),
    "submission_silent": (
        "《通知》没有说明递交申请的具体地点、方式（例如是否可以网上办理）或份数。",
        "The notice does not say where or how to hand in the application (for example whether "
        "it can be done online) or how many sets to submit.",
    ),
    "timing_answer": (
        "{ref}：{text}",
        "Part {ref}: {text}",
    ),
    "timing_offer": (
        "告诉我审批部门收到申请的日期（例如“2026年3月2日提交，什么时候出结果？”），我可以帮您推算"
        "最晚的决定日期。",
        "Tell me the day the department receives your application (for example “If we submit "
        "on 2026-03-02, when is the decision due?”) and I will work out the latest decision "
        "date.",
    ),
    "timing_which": (
        "《通知》涉及以下几个时间要求，您想了解哪一个？",
        "The notice sets these time limits. Which one do you mean?",
    ),
    "date_which": (
        "收到日期：{date}。这个日期是审批部门收到申请的日期，还是某次鉴定活动的日期？",
        "Noted: {date}. Is that the day the department receives your application, or the day "
        "of an assessment?",
    ),
    "date_needed_decision": (
        "请告诉我审批部门收到申请的日期，例如 2026-03-02 或 2026年3月2日。",
        "Please tell me the day the department receives the application, e.g. 2026-03-02 or "
        "2 March 2026.",
    ),
    "date_needed_plan": (
        "告诉我鉴定活动的日期（例如“鉴定在6月10日”），我可以推算鉴定计划最晚的推送日期。",
        "Tell me the date of the assessment (e.g. “our assessment is on 10 June”) and I will "
        "work out the latest day to send the plan.",
    ),
    "supervision_intro": ("事中事后监管：", "Supervision during and after approval: "),
    "duties_intro": (
        "获得许可后，《通知》第六部分对国外职业资格证书机构提出以下要求：",
        "After approval, Part VI of the notice requires the following of the foreign "
        "qualification certificate institutions:",
    ),
    "duty_line": ("{ref} {summary}", "{ref} {summary}"),
    "ftz_areas": (
        "《通知》的主送单位包括中国（广西）自由贸易试验区{areas}管理委员会。《通知》没有进一步说明各片区的"
        "地理范围。",
        "The notice is addressed, among others, to the management committees of the {areas} of "
        "the China (Guangxi) Pilot Free Trade Zone. It does not describe the areas' boundaries.",
    ),
    "plan_offer": (
        "告诉我鉴定活动的日期，我可以帮您推算最晚的推送日期。",
        "Tell me the date of the assessment and I will work out the latest day to send the "
        "plan.",
    ),
    "annual_form": (
        "报送的表格是附件2《{title}》，栏目包括：{sections}。",
        "The form to send is Annex 2, “{title}”, with these parts: {sections}.",
    ),
    "annex_intro": (
        "《通知》有两个附件表格：",
        "The notice has two annex forms:",
    ),
    "annex_line": ("{number}《{title}》——{purpose}", "{number} “{title}” — {purpose}"),
    "annex1_purpose": (
        "申请材料之一（{ref}）",
        "one of the application materials (Part {ref})",
    ),
    "annex2_purpose": (
        "获批后每年12月底报送的汇总表（{ref}）",
        "the summary sent by the end of each December after approval (Part {ref})",
    ),
    "annex_detail": (
        "{number}《{title}》是{purpose}。表格包括：",
        "{number} “{title}” is {purpose}. Its parts:",
    ),
    "annex_fields": ("（{fields}）", " ({fields})"),
    "annex_table": ("表格栏目：{columns}", "table columns: {columns}"),
    "template_offer": (
        "我可以为您提供这份表格的空白模板。",
        "I can provide a blank template of this form.",
    ),
    "not_covered": (
        "《通知》没有规定{topic}。",
        "The notice does not cover {topic}.",
    ),
    "not_covered_generic": (
        "《通知》没有涉及这个问题。",
        "The notice does not cover this question.",
    ),
    "nc_fees": ("申请、审核或注册是否收费以及收费标准", "whether there are fees or what they are"),
    "nc_permits": (
        "除本项审核注册以外还需要办理哪些其他许可或手续",
        "which other permits or formalities, besides this registration, may be needed",
    ),
    "nc_legal": (
        "个案的法律意见（本助手只介绍《通知》的内容，不提供法律意见）",
        "legal advice on individual cases (this assistant only explains the notice and gives "
        "no legal advice)",
    ),
    "nc_status": (
        "申请进度的查询方式",
        "how to follow the progress of an application",
    ),
    "nc_validity": (
        "许可或注册的有效期及续期办法",
        "how long the approval or registration is valid or how to renew it",
    ),
    "nc_foreign_staff": (
        "外籍人员工作许可、签证等事项",
        "work permits, visas or similar matters for foreign staff",
    ),
    # --- dates ------------------------------------------------------------------------
    "date_fmt": ("{y}年{m}月{d}日（{wd}）", "{wd} {d} {mon} {y}"),
    "date_fmt_short": ("{y}年{m}月{d}日", "{d} {mon} {y}"),
    "year_assumed": (
        "（您没有写年份，我按今天（{today}）之后最近的这一天，即{year}年计算。）",
        "(You gave no year, so I took the next such date after today ({today}), in {year}.)",
    ),
    "decision_result": (
        "如果自治区人力资源社会保障部门在{received}收到申请，第{days}个工作日是{due}，"
        "即最晚应在这一天作出审批决定。",
        "If the department receives the application on {received}, the {days}th working day "
        "is {due}: the decision is due by that day.",
    ),
    "decision_convention": (
        "计算方法：《通知》规定“{period}”，没有说明收到申请当天是否计入；这里按当天不计入、从下一天起"
        "计算。只计工作日：跳过周六、周日和法定节假日，调休上班日计为工作日。",
        "How it is counted: the notice says “{period}” and does not say whether that day itself "
        "counts; I assume it does not and start counting the next day. Only working days count: "
        "Saturdays, Sundays and public holidays are skipped, and official make-up working days "
        "count.",
    ),
    "decision_skipped": (
        "期间跳过的法定节假日：{holidays}。",
        "Public holidays skipped in this period: {holidays}.",
    ),
    "decision_makeup": (
        "期间计入的调休上班日：{days}。",
        "Make-up working days counted in this period: {days}.",
    ),
    "decision_received_note": (
        "期限从审批部门收到申请之日起算；如果递交日和收到日不同（例如邮寄），以收到日为准。"
        "这是《通知》规定的最长期限，实际结果以审批部门为准。",
        "The period runs from the day the department receives the application; if you send it "
        "(e.g. by post), the day it arrives counts. This is the longest period the notice "
        "allows; the department's own decision and dates prevail.",
    ),
    "calendar_source": (
        "节假日和调休数据来自 chinesecalendar，覆盖{first}–{last}年。",
        "Holidays and make-up days come from the chinesecalendar library, which covers "
        "{first}–{last}.",
    ),
    "calendar_unknown": (
        "抱歉，我只有{first}–{last}年的法定节假日和调休安排，推算{received}起的{days}个工作日需要"
        "{year}年的安排，所以无法给出准确日期。",
        "Sorry, I only have China's public holidays and make-up working days for "
        "{first}–{last}; counting {days} working days from {received} needs the calendar for "
        "{year}, so I cannot give an exact date.",
    ),
    "plan_result": (
        "鉴定活动在{event}，按“{period}”推算，鉴定计划最晚应在{deadline}推送至自由贸易试验区"
        "设区市人力资源社会保障部门。",
        "With the assessment on {event}, counting “{period}”, the plan must reach the human "
        "resources and social security department of the free-trade-zone city by {deadline}.",
    ),
    "plan_convention": (
        "计算方法：《通知》写的是“前{days}日”，没有说是工作日，这里按自然日计算（活动日期往前数"
        "{days}天）。",
        "How it is counted: the notice says “{days} days” and not working days, so I count "
        "calendar days ({days} days back from the assessment date).",
    ),
    "plan_rest_day": (
        "注意：{deadline}不是工作日（{why}）；《通知》没有说明遇到休息日如何处理，建议在此之前的"
        "工作日（{workday}）推送。",
        "Note: {deadline} is not a working day ({why}); the notice does not say what happens "
        "then, so you may want to send it by the working day before ({workday}).",
    ),
    "plan_calendar_unknown": (
        "（我没有{year}年的节假日安排，无法判断这一天是否是工作日。）",
        "(I do not have the {year} holiday calendar, so I cannot tell whether that day is a "
        "working day.)",
    ),
    "weekend": ("周末", "weekend"),
    "date_invalid": (
        "“{text}”不是有效的日期，请检查后重新输入，例如 2026-03-02 或 2026年3月2日。",
        "“{text}” is not a valid date. Please check it and try again, e.g. 2026-03-02 or "
        "2 March 2026.",
    ),
    # --- eligibility self-check -------------------------------------------------------
    "check_intro": (
        "好的，我们开始资格自检。我会按《通知》第二部分的许可条件逐项提问（共{n}项），请回答"
        "“是”“否”或“不确定”。随时可以提问，也可以输入“退出”结束自检。",
        "Let's start the eligibility self-check. I will ask about each licensing condition in "
        "Part II of the notice ({n} questions); answer “yes”, “no” or “not sure”. You can ask "
        "a question at any time, or type “stop” to end the self-check.",
    ),
    "check_question": ("（{i}/{n}）{question}", "({i}/{n}) {question}"),
    "check_stopped": (
        "已退出资格自检。需要时可以随时重新开始。",
        "The self-check has stopped. You can start it again at any time.",
    ),
    "verdict_eligible": (
        "根据您的回答，《通知》第二部分许可条件的{n}项要求都满足，您可以提出申请。",
        "From your answers, all {n} requirements of the licensing conditions in Part II of the "
        "notice are met: you may apply.",
    ),
    "verdict_failed": (
        "根据您的回答，以下{k}项许可条件要求不满足：",
        "From your answers, {k} requirement(s) of the licensing conditions are not met:",
    ),
    "verdict_failed_item": (
        "{i}. {requirement}（{ref}）——{if_failed}",
        "{i}. {requirement} (Part {ref}) — {if_failed}",
    ),
    "verdict_unsure": (
        "以下{k}项您还不确定，可以这样核实：",
        "You were not sure about {k} requirement(s); this is how to settle them:",
    ),
    "verdict_unsure_only": (
        "根据您的回答，其余条件满足，但以下{k}项还需要核实后才能判断能否申请：",
        "From your answers the other requirements are met, but {k} need(s) checking before you "
        "can tell whether you may apply:",
    ),
    "verdict_unsure_item": (
        "{i}. {requirement}（{ref}）——{evidence}",
        "{i}. {requirement} (Part {ref}) — {evidence}",
    ),
    "next_steps": ("下一步：", "Next steps:"),
    "next_step_materials": (
        "按《通知》第三部分的清单准备申请材料（共{n}项，其中{optional}项为“如有”）；",
        "prepare the materials in Part III of the notice ({n} items, {optional} of them only "
        "“if any”);",
    ),
    "next_step_translation": ("{rule}（{ref}）", "{rule} (Part {ref})"),
    "next_step_apply": ("{text}（{ref}）", "{text} (Part {ref})"),
    "verdict_disclaimer": (
        "自检结果只依据您的回答，不代表审批结论；是否满足条件由审批部门审核认定。",
        "The self-check only reflects your answers and is not an approval decision; the "
        "department decides whether the conditions are met.",
    ),
    "check_unparsed": (
        "抱歉，我没有理解。请回答“是”“否”或“不确定”（也可以点击按钮），或者直接提问；输入“退出”"
        "可以结束自检。",
        "Sorry, I did not understand. Please answer “yes”, “no” or “not sure” (or use the "
        "buttons), or ask a question; type “stop” to end the self-check.",
    ),
    # --- uploads and the pre-check ----------------------------------------------------
    "upload_help": (
        "上传申请材料后，我会逐个识别它对应材料清单中的哪一项、是什么语言、能否读取，并检查注册表"
        "（附件1）的填写，最后一次性告诉您缺什么、哪里要改。\n"
        "- 网页：点击输入框左边的📎，或把文件拖进页面（可一次选多个）；\n"
        "- 小程序：点击“上传材料”；\n"
        "- 接受 PDF、DOCX 和照片（JPG、PNG），每个文件不超过 {mb} MB，每次会话最多 {n} 个文件；\n"
        "- 扫描件和照片由文字识别（OCR）读取，请拍摄清晰、端正；外文材料请同时上传中文译本。",
        "Upload your application materials and I will tell you, file by file, which item of "
        "the materials list it is, its language and whether it can be read, check the "
        "registration form (Annex 1), and then list everything that is missing or needs "
        "fixing in one go.\n"
        "- On the website: click 📎 left of the message box, or drop files on the page "
        "(several at once);\n"
        "- In the mini-program: tap “Upload materials”;\n"
        "- PDF, DOCX and photos (JPG, PNG), at most {mb} MB a file and {n} files a session;\n"
        "- Scans and photos are read by text recognition (OCR): make them sharp and straight; "
        "upload a Chinese translation with any foreign-language material.",
    ),
    "upload_rejected": ("**{name}**：未接收。{reason}", "**{name}**: not accepted. {reason}"),
    "upload_too_many": (
        "本次会话最多可上传 {n} 个文件。请先删除不需要的文件再上传。",
        "A session takes at most {n} files. Remove files you no longer need, then upload again.",
    ),
    "upload_replaced": ("（已替换原文件“{name}”）", "(replaces “{name}”)"),
    "upload_next": (
        "目前共收到 {n} 个文件。您可以继续上传，问我“还缺什么”，或生成预审报告。",
        "{n} file(s) so far. Upload more, ask me “what is missing?”, or make the pre-check "
        "report.",
    ),
    "upload_none_accepted": (
        "没有收到可以检查的文件。",
        "No file I can check arrived.",
    ),
    "feedback_recognised": ("**{name}** → 识别为：{what}", "**{name}** → recognised as: {what}"),
    "feedback_unrecognised": (
        "**{name}**：未能识别为材料清单中的某一项。",
        "**{name}**: not recognised as any item of the materials list.",
    ),
    "feedback_language": ("语言：{language}", "Language: {language}"),
    "feedback_with_chinese": ("{language}（含中文）", "{language} (with Chinese)"),
    "feedback_pages": ("{n} 页", "{n} page(s)"),
    "feedback_paired": ("已与“{other}”配对（原文与中文译本）。", "Paired with “{other}” (original "
                        "and Chinese translation)."),
    "feedback_parsing": ("**{name}**：还在读取，请稍后再问。", "**{name}**: still being read; ask "
                         "again in a moment."),
    "feedback_which": ("“{name}”是哪一项材料？", "Which material is “{name}”?"),
    "btn_other_material": ("其他…", "Something else…"),
    "btn_no_material": ("不属于清单中的任何一项", "None of the listed materials"),
    "material_set": ("已记录：“{name}”为 {what}。", "Noted: “{name}” is {what}."),
    "material_set_none": (
        "已记录：“{name}”不计入材料清单中的任何一项。",
        "Noted: “{name}” does not count as any item of the materials list.",
    ),
    "material_unknown_file": (
        "找不到这个文件，它可能已被删除。",
        "I cannot find that file; it may have been removed.",
    ),
    "btn_missing": ("还缺什么", "What is missing?"),
    "btn_report": ("生成预审报告", "Make the pre-check report"),
    "btn_upload_help": ("怎么上传材料", "How to upload"),
    "missing_no_files": (
        "您还没有上传文件。按《通知》第三部分，需要提交以下材料（{n}项，其中{optional}项为“如有”）：",
        "You have not uploaded any files yet. Part III of the notice asks for these materials "
        "({n} items, {optional} of them only “if any”):",
    ),
    "missing_none": (
        "材料清单中的每一项都已有可读的文件，注册表也没有发现问题。可以生成预审报告留存。",
        "Every item of the materials list has a readable file and the registration form shows "
        "no problems. You can make the pre-check report to keep.",
    ),
    "missing_head": ("根据已上传的 {files} 个文件：", "From the {files} file(s) uploaded:"),
    "missing_items": ("还缺 {n} 项材料：", "{n} material(s) still missing:"),
    "missing_problems": ("有问题需要处理的文件：", "Files with problems to fix:"),
    "missing_untranslated": ("缺少中文译本的外文文件：", "Foreign-language files without a "
                             "Chinese translation:"),
    "missing_unclassified": ("还不知道是哪一项材料的文件：", "Files not yet matched to a "
                             "material:"),
    "missing_form": ("注册表（附件1）有 {n} 处填写问题，详见预审报告。", "The registration form "
                     "(Annex 1) has {n} problem(s); the pre-check report lists them."),
    "report_ready": ("预审报告已生成（参考号 {reference}）：", "The pre-check report is ready "
                     "(reference {reference}):"),
    "report_links": ("下载：Word 报告、打印版（HTML）、JSON。链接7天内有效。", "Download it as a "
                     "Word report, a printable page (HTML) or JSON. The links work for 7 days."),
    "templates_offer": (
        "空白表格可以下载：附件1 注册表、附件2 年度核发证书信息汇总表。",
        "Blank forms to download: Annex 1 registration form, Annex 2 annual summary.",
    ),
    "file_removed": ("已删除“{name}”。", "Removed “{name}”."),
    "delete_confirm": (
        "确定要删除您上传的全部文件和生成的预审报告吗？删除后无法恢复。",
        "Delete all the files you uploaded and the reports made from them? This cannot be "
        "undone.",
    ),
    "btn_delete_yes": ("确认删除", "Yes, delete"),
    "btn_delete_no": ("取消", "Cancel"),
    "deleted": (
        "已删除您上传的 {files} 个文件和 {reports} 份预审报告。",
        "Deleted the {files} file(s) you uploaded and {reports} pre-check report(s).",
    ),
    "delete_kept": ("好的，您的资料已保留。", "OK, your files are kept."),
    "handoff_reference": (
        "您的业务参考号是 **{reference}**，工作人员可凭此查看您的预审报告。",
        "Your reference number is **{reference}**; staff can open your pre-check report with it.",
    ),
    "store_unavailable": (
        "抱歉，文件服务暂时不可用，您的文件和对话不会丢失，请稍后重试。",
        "Sorry, the file service is unavailable for the moment. Your files and conversation "
        "are kept; please try again shortly.",
    ),
    # --- the channel's HTTP API ---------------------------------------------------------
    "try_again": (
        "抱歉，系统暂时出了点问题，您的对话和已上传的文件都已保存。请稍后重新发送这条消息。",
        "Sorry, something went wrong for a moment. Your conversation and files are saved; "
        "please send your message again shortly.",
    ),
    "wechat_text_only": (
        "目前只能处理文字消息。上传材料请使用网页或小程序。",
        "I can only read text messages here. To upload materials, use the website or the "
        "mini-program.",
    ),
    "api_error_unauthorized": (
        "会话无效或已过期，请刷新页面重新开始。",
        "The session is not valid or has expired; reload the page to start again.",
    ),
    "api_error_empty_message": ("消息不能为空。", "The message is empty."),
    "api_error_message_too_long": (
        "消息太长了（最多2000字），请分几次发送。",
        "The message is too long (2,000 characters at most); send it in parts.",
    ),
    "api_error_no_file": (
        "没有收到文件：请用表单字段“file”上传 PDF、DOCX 或 JPG/PNG 文件。",
        "No file arrived: upload PDF, DOCX or JPG/PNG files in the form field “file”.",
    ),
    "api_error_too_many_files": (
        "一次最多上传 {n} 个文件，请分批上传。",
        "Upload at most {n} files at a time; send the rest in another batch.",
    ),
    "api_error_not_found": ("找不到这个文件或报告。", "That file or report does not exist."),
    "api_error_unavailable": (
        "服务暂时不可用，您的资料不会丢失，请稍后重试。",
        "The service is unavailable for the moment; nothing is lost. Please try again shortly.",
    ),
    "api_error_staff_only": ("仅限工作人员使用。", "For staff only."),
    "api_error_no_report": (
        "参考号 {reference} 还没有生成过预审报告。",
        "No pre-check report has been made for reference {reference} yet.",
    ),
    "api_error_request_too_large": (
        "一次上传的内容太大（上限 {mb} MB）。请分几次上传，每个文件不超过 {file_mb} MB。",
        "The upload is too large ({mb} MB at most in one request). Upload the files in "
        "several batches, each file at most {file_mb} MB.",
    ),
    "api_error_bad_json": (
        "请求格式不正确：请发送 JSON，例如 {\"text\": \"…\"}。",
        "The request is not valid JSON; send for example {\"text\": \"…\"}.",
    ),
    "api_error_bad_since": (
        "参数 since 应为 Unix 时间（秒）。",
        "The since parameter must be a Unix time in seconds.",
    ),
    "api_error_no_code": ("缺少 wx.login 返回的 code。", "The code from wx.login is missing."),
    "api_error_wechat_login_failed": (
        "微信登录失败，请重新打开小程序再试。",
        "WeChat login failed; reopen the mini-program and try again.",
    ),
    # --- pre-check: scans and photos read by OCR ------------------------------------
    "report_ocr_read": ("经文字识别（OCR）读取的文件", "Files read by OCR (text recognition)"),
    "report_ocr_line": (
        "{file}：扫描件或照片，经文字识别读取{pages}页，平均置信度{confidence}%",
        "{file}: a scan or photo, {pages} page(s) read by OCR, mean confidence {confidence}%",
    ),
    "report_ocr_partial": ("（共{total}页，其余页未识别）",
                           " (of {total} pages; the others were not read)"),
    "report_ocr_caution": (
        "识别结果可能有个别错字；正式提交时请确保扫描件或照片清晰、完整。",
        "Recognised text may contain errors; make sure the scans or photos you submit are "
        "sharp and complete.",
    ),
    "problem_ocr_unreadable": (
        "这是扫描件或照片，但文字识别（OCR）未能可靠地读出其中的文字（图像可能模糊、过暗、倾斜或分辨率"
        "太低）。请在光线充足处将纸件放平、正对拍摄或按300dpi重新扫描后上传；有电子原件的，请直接从"
        "原件导出PDF。",
        "This is a scan or photo, but text recognition (OCR) could not read it reliably (the "
        "picture may be blurred, dark, skewed or too small). Photograph the page flat, straight "
        "on and in good light, or rescan it at 300 dpi, and upload it again; if you have the "
        "electronic original, export a PDF from it instead.",
    ),
    "problem_image_pixels": (
        "这张图片的像素过多（超过{pixels}像素），出于安全原因不予读取。请缩小图片（如手机“中等”尺寸）"
        "后重新上传。",
        "This picture has too many pixels (over {pixels}) and is not read, for safety. Resize "
        "it (a phone's “medium” size, for example) and upload it again.",
    ),
}

WEEKDAYS: dict[str, tuple[str, ...]] = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def t(key: str, lang: str, **values: object) -> str:
    """The interface string ``key`` in ``lang`` ("zh" or "en"), with ``values`` filled in."""
    zh, en = _STRINGS[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


def keys() -> tuple[str, ...]:
    return tuple(_STRINGS)
