"""Interface strings in Chinese and English: the one table of the assistant's own words.

The chat's words (greetings, menus, buttons, prompts, fallbacks) are below; the report's
(:mod:`bot.i18n.report`), the short labels (:mod:`bot.i18n.labels`) and the chat page's
(:mod:`bot.i18n.web`) sit beside them, all ``key: (中文, English)`` and read through
:func:`t`.  Facts about the notice come from :mod:`bot.notice` as format values and are
never written here (tests/test_architecture.py checks it).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.i18n.labels import LABELS
from bot.i18n.report import REPORT
from bot.i18n.web import WEB

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
    "btn_annual_report": ('年度报送（{annex2}）', 'Annual report ({annex2})'),
    "btn_annex1": ('{annex1} 注册表', '{annex1} registration form'),
    "btn_annex2": ('{annex2} 年度汇总表', '{annex2} annual summary'),
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
    "item_silent_form": ('注册表的栏目以{annex1}为准；除此之外，《通知》没有规定填写方法或格式要求。', "The form's sections are those printed in {annex1}; beyond that, the notice gives no filling-in instructions or format rules."),
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
    "annual_form": ('报送的表格是{annex2}《{title}》，栏目包括：{sections}。', 'The form to send is {annex2}, “{title}”, with these parts: {sections}.'),
    "annex_intro": (
        "《通知》有两个附件表格：",
        "The notice has two annex forms:",
    ),
    "annex_line": ("{number}《{title}》——{purpose}", "{number} “{title}” — {purpose}"),
    "annex1_purpose": (
        "申请材料之一（{ref}）",
        "one of the application materials (Part {ref})",
    ),
    "annex2_purpose": ('获批后{annual_deadline}报送的汇总表（{ref}）', 'the summary sent by {annual_deadline} after approval (Part {ref})'),
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
    "decision_result": ('如果{authority}在{received}收到申请，第{days}个工作日是{due}，即最晚应在这一天作出审批决定。', 'If {authority} receives the application on {received}, the {days}th working day is {due}: the decision is due by that day.'),
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
        "节假日和调休数据来自 chinesecalendar 及工作人员维护的官方安排，覆盖{first}–{last}年。",
        "Holidays and make-up days come from the chinesecalendar library and the official "
        "schedules added by staff, covering {first}–{last}.",
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
        "{days}天）。这一天遇周末或节假日是否顺延或提前，《通知》没有规定。",
        "How it is counted: the notice says “{days} days” and not working days, so I count "
        "calendar days ({days} days back from the assessment date). The notice does not say "
        "whether a weekend or public holiday moves that day.",
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
        "（{annex1}）的填写，最后一次性告诉您缺什么、哪里要改。\n"
        "- 网页：点击输入框左边的📎，或把文件拖进页面（可一次选多个）；\n"
        "- 小程序：点击“上传材料”；\n"
        "- 接受 PDF、DOCX 和照片（JPG、PNG），每个文件不超过 {mb} MB，每次会话最多 {n} 个文件；\n"
        "- 扫描件和照片由文字识别（OCR）读取，请拍摄清晰、端正；外文材料请同时上传中文译本。",
        "Upload your application materials and I will tell you, file by file, which item of "
        "the materials list it is, its language and whether it can be read, check the "
        "registration form ({annex1}), and then list everything that is missing or needs "
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
    "missing_form": ('{form}有 {n} 处填写问题，详见预审报告。', 'The {form} has {n} problem(s); the pre-check report lists them.'),
    "report_ready": ("预审报告已生成（参考号 {reference}）：", "The pre-check report is ready "
                     "(reference {reference}):"),
    "report_links": ("下载：Word 报告、打印版（HTML）、JSON。链接7天内有效。", "Download it as a "
                     "Word report, a printable page (HTML) or JSON. The links work for 7 days."),
    "templates_offer": ('空白表格可以下载：{annex1} 注册表、{annex2} 年度核发证书信息汇总表。', 'Blank forms to download: {annex1} registration form, {annex2} annual summary.'),
    "file_removed": ("已删除“{name}”。", "Removed “{name}”."),
    "delete_confirm": (
        "确定要删除您上传的全部文件、生成的预审报告、转人工留言和本次对话记录吗？删除后无法恢复。",
        "Delete all the files you uploaded, the reports made from them, your messages to staff "
        "and this conversation? This cannot be undone.",
    ),
    "btn_delete_yes": ("确认删除", "Yes, delete"),
    "btn_delete_no": ("取消", "Cancel"),
    "deleted": (
        "已删除：您上传的 {files} 个文件（连同文件名）、{reports} 份预审报告、{handoffs} 条转人工留言，"
        "以及本次对话的全部记录；本会话已结束，刷新页面即开始新的会话。",
        "Deleted: the {files} file(s) you uploaded (names included), {reports} pre-check "
        "report(s), {handoffs} message(s) to staff, and every message of this conversation; "
        "this session is closed (reload the page to start a new one).",
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
        "消息太长了（最多{n}字），请分几次发送。",
        "The message is too long ({n} characters at most); send it in parts.",
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
    # --- {annex2} pre-check, duty dates, free-trade-zone areas ---------------------------
    "a2_title": ("{number}预审：{title}", "{number} pre-check: {title}"),
    "a2_ok": ("未发现问题：各栏均已填写，格式正确。", "No problems found: every box is filled in "
              "and well formed."),
    "a2_errors": ("发现 {n} 处问题，请一并更正后再报送：", "{n} problem(s) found; correct them all "
                  "before sending the form:"),
    "a2_missing_field": ("“{field}”未填写。", "“{field}” is not filled in."),
    "a2_invalid_uscc": (
        "“{field}”填写的“{value}”不是有效的统一社会信用代码：应为18位，末位为校验码"
        "（GB 32100-2015）。", "“{field}” (“{value}”) is not a valid unified social credit "
        "code: 18 characters, the last a check character (GB 32100-2015)."),
    "a2_invalid_mobile": ("“{field}”填写的“{value}”不是有效的11位手机号码。",
                          "“{field}” (“{value}”) is not a valid 11-digit mobile number."),
    "a2_invalid_email": ("“{field}”填写的“{value}”不是有效的电子邮箱地址。",
                         "“{field}” (“{value}”) is not a valid e-mail address."),
    "a2_invalid_occupation_code": (
        "“{field}”填写的“{value}”不是有效的职业编码：格式应为 D-DD-DD-DD（如 6-18-02-04）。",
        "“{field}” (“{value}”) is not a valid occupation code: the form is D-DD-DD-DD "
        "(e.g. 6-18-02-04)."),
    "a2_invalid_year": (
        "“{field}”填写的“{value}”不是可报送的年份：应为{first}年至今年（{this}年）之间的四位年份。",
        "“{field}” (“{value}”) is not a year that can be reported: a four-digit year from "
        "{first} to this year ({this})."),
    "a2_invalid_count": ("“{field}”填写的“{value}”不是正整数（发证数量应为大于0的整数）。",
                         "“{field}” (“{value}”) is not a positive whole number."),
    "a2_no_issued_rows": ("二、“{field}”表中没有填写任何证书。",
                          "Table 2 (“{field}”) lists no certificate."),
    "a2_total_mismatch": ("合计行填写的“{value}”与各行发证数量之和 {total} 不一致。",
                          "The total row (“{value}”) differs from the sum of the rows, {total}."),
    "a2_no_register": ("四、核发证书信息名册未填写，也没有随表上传名册文件（DOCX、PDF 或 XLSX）。",
                       "Part 4, the register of certificates issued, is empty and no register "
                       "file (DOCX, PDF or XLSX) was uploaded with the form."),
    "a2_no_register_attached": ("四、核发证书信息名册写明另附，但没有随表上传名册文件。",
                                "Part 4 says the register is attached, but no register file "
                                "was uploaded with the form."),
    "a2_register_mismatch": ("所附名册共 {value} 行，与二中发证数量合计 {total} 不一致。",
                             "The attached register has {value} rows, but the certificates "
                             "issued in table 2 add up to {total}."),
    "a2_summary": ("年份：{year}；证书 {rows} 种，发证数量合计 {total}。",
                   "Year: {year}; {rows} certificate(s), {total} issued in all."),
    "a2_register_files": ("名册文件：{files}。", "Register file(s): {files}."),
    "a2_register_inline": ("名册写在表内第四部分（未核对人数）。",
                           "The register is written in part 4 of the form (not counted)."),
    "a2_send_to": ("报送对象：{bureau}（《通知》{ref}：{period}）。",
                   "Send it to: {bureau} (notice {ref}: {period})."),
    "a2_links": ("{annex2}预审报告下载：", "Download the {annex2} pre-check report:"),
    "a2_none": ("会话中还没有{annex2}。请上传填好的《{title}》（DOCX 或 PDF），名册可一并上传。",
                "No {annex2} has been uploaded yet. Upload the filled-in “{title}” (DOCX or "
                "PDF), and the register with it."),
    "a2_upload_seen": ("“{name}”是{annex2}《{title}》（年度报送材料，不是申请材料），已按{annex2}预审：",
                       "“{name}” is {annex2}, “{title}” (the annual report, not an application "
                       "material); its pre-check:"),
    "calendar_provisional": (
        "注意：{years}年的节假日和调休安排国务院办公厅尚未公布。以上日期按该年法定节假日暂算"
        "（python-holidays 按规则推算），未计调休上班日，正式安排公布后可能变动几天。",
        "Note: the State Council has not yet published the {years} holidays and make-up working "
        "days. The date is provisional, counted with that year's statutory holidays (computed "
        "by rule by the python-holidays library) and no make-up working days, so it may shift "
        "by a few days once the official schedule is out."),
    "duty_dates_title": ("获批后各项报送的日期：", "The dates of the duties after approval:"),
    "duty_plan_line": ("{event}的鉴定：鉴定计划最迟 {deadline} 推送。",
                       "Assessment on {event}: send the plan by {deadline}."),
    "duty_plan_counting": (
        "计算方法：《通知》{ref}写的是“{period}”，未写“工作日”，因此按日历日从鉴定日期往前数"
        "{days}天。该日遇周末或节假日是否顺延或提前，《通知》没有规定；如需确认，请咨询：{contact}",
        "How it is counted: notice {ref} says “{period}”, not working days, so {days} calendar "
        "days are counted back from the assessment date. The notice does not say whether a "
        "weekend or holiday moves that day; to confirm, ask {contact}"),
    "duty_annual_line": (
        "{annex2}《{title}》：《通知》{ref}要求{period}报送，{year}年即最迟 {deadline}。",
        "{annex2}, “{title}”: notice {ref} asks for it {period}; for {year} that is by "
        "{deadline}."),
    "duty_dates_needed": (
        "请告诉我计划的鉴定日期，可以一次给多个（例如 2027-01-15、2027-03-02）。",
        "Tell me the planned assessment dates; several at once are fine (e.g. 2027-01-15, "
        "2027-03-02)."),
    "duty_ics": ("日历文件（可导入手机或电脑日历）：[下载 .ics]({url})",
                 "Calendar file (for your phone or computer calendar): [download .ics]({url})"),
    "ics_plan": ("鉴定计划推送截止（{event}鉴定）", "Assessment plan due (assessment {event})"),
    "ics_annual": ("{annex2}年度汇总表报送截止（{year}年度）", "{annex2} annual summary due ({year})"),
    "ics_to": ("报送：{bureau}。依据：{cite}", "Send to: {bureau}. Source: {cite}"),
    "area_ask": (
        "接收鉴定计划和年度汇总表的是{bureau}。请问贵机构在哪个片区开展鉴定、发证活动？",
        "Plans and annual summaries go to {bureau}. In which area do you assess and issue "
        "certificates?"),
    "area_bureau": ("{area}：报送{bureau}，即{city}人力资源社会保障部门。",
                    "{area}: send to {bureau}, that is the human resources and social security "
                    "department of {city}."),
    "area_outside": (
        "《通知》{ref}规定只能在自由贸易试验区内开展鉴定、发证活动，《通知》涉及的是中国（广西）"
        "自由贸易试验区的{areas}。{place}不在其中，《通知》对其不适用。",
        "Notice {ref} allows assessment and certificate issuing only inside the free trade "
        "zone; the notice covers the {areas} of the China (Guangxi) Pilot Free Trade Zone. "
        "{place} is not one of them, so the notice does not cover it."),
    "api_error_bad_dates": (
        "参数 dates 应为以逗号分隔的日期（YYYY-MM-DD），最多20个。",
        "The dates parameter must be dates (YYYY-MM-DD) separated by commas, 20 at most."),
    "api_error_bad_year": ("参数 year 应为2020年至明年之间的四位年份。",
                           "The year parameter must be a four-digit year from 2020 to next year."),
    "api_error_bad_area": ("参数 area 应为 nanning、qinzhou 或 chongzuo。",
                           "The area parameter must be nanning, qinzhou or chongzuo."),
    "api_error_bad_lang": ("参数 lang 应为 zh 或 en。", "The lang parameter must be zh or en."),
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
        "请求格式不正确：请发送 JSON，例如 {{\"text\": \"…\"}}。",
        "The request is not valid JSON; send for example {{\"text\": \"…\"}}.",
    ),
    "api_error_bad_since": (
        "参数 since 应为 Unix 时间（秒）。",
        "The since parameter must be a Unix time in seconds.",
    ),
    "api_error_no_code": ("缺少 wx.login 返回的 code。", "The code from wx.login is missing."),
    "api_error_quota": ("存储空间已满，暂时无法接收文件，请稍后再试或联系工作人员。",
                        "Storage is full: no file can be accepted now. Try later or ask staff."),
    "api_error_rate_limited": ("操作太频繁，请 {seconds} 秒后再试。",
                               "Too many requests; try again in {seconds} seconds."),
    "api_error_bad_sender": ("sender 只能由字母、数字、“-”和“_”组成（1–64 个字符）。",
                             "sender must be 1–64 letters, digits, “-” or “_”."),
    "api_error_cross_origin": ("不接受来自其他网站的请求。", "Requests from other sites are refused."),
    "api_error_bad_content_type": ("请以 application/json 发送。", "Send application/json."),
    "api_error_bad_id": ("编号格式不正确。", "That id is not valid."),
    "files_portal_only": (
        "文件、预审报告和删除资料只能在网页聊天或小程序中使用：{url}",
        "Files, reports and deleting data work only in the chat page or the mini-program: {url}",
    ),
    "handoff_no_session": ("请在网页聊天或小程序中提出转人工（{url}），或联系：{contact}",
                           "Ask for a person in the chat page or the mini-program ({url}), "
                           "or contact {contact}"),
    "api_error_wechat_login_failed": (
        "微信登录失败，请重新打开小程序再试。",
        "WeChat login failed; reopen the mini-program and try again.",
    ),
    # --- the materials checklist (chat page, staff console, reports) ------------------
    "checklist_title": ("材料清单", "Materials checklist"),
    "checklist_report_title": ("材料清单一览", "The materials at a glance"),
    "checklist_provided": ("已提供", "Provided"),
    "checklist_missing": ("缺少", "Missing"),
    "checklist_attention": ("需处理", "Needs attention"),
    "checklist_optional": ("可选，未提供", "Optional, not supplied"),
    "checklist_legend": ("图例", "Key"),
    "checklist_asks": ("《通知》的要求", "What the notice asks"),
    "checklist_matched": ("对应的文件", "Matched files"),
    "checklist_no_file": ("还没有对应的文件。", "No file matched yet."),
    "checklist_why": ("需要处理的地方", "What needs attention"),
    "checklist_why_problem": ("文件无法读取或有其他问题", "A file of it cannot be read or has "
                              "another problem"),
    "checklist_why_translation": ("外文文件缺少中文译本", "A foreign-language file has no "
                                  "Chinese translation"),
    "checklist_why_form": ("注册表有需要更正的地方", "The registration form has mistakes to "
                           "correct"),
    "checklist_why_original": ("只有中文译本，未找到原件", "Only a translation: the original "
                               "was not found"),
    "checklist_summary": ("已提供 {provided} 项，缺少 {missing} 项，需处理 {attention} 项",
                          "{provided} provided, {missing} missing, {attention} need attention"),
    "checklist_hint": ("点击某一项查看《通知》的要求和对应的文件。",
                       "Click an item to see what the notice asks and which file matched."),
    # --- the staff console (web/staff/) ----------------------------------------------
    "console_title": ("国外职业资格证书注册 · 工作人员控制台",
                      "Foreign vocational qualification registration · Staff console"),
    "console_subtitle": ("依据《通知》（{number}）", "Based on notice {number}"),
    "console_skip": ("跳到主要内容", "Skip to the main content"),
    "console_switch_to": ("English", "中文"),
    "console_switch_label": ("Switch to English", "切换到中文"),
    "console_lang_code": ("zh-CN", "en"),
    "console_signin_title": ("工作人员登录", "Staff sign-in"),
    "console_name": ("账号", "Account name"),
    "console_secret": ("密码", "Password"),
    "console_signin": ("登录", "Sign in"),
    "console_signin_failed": ("账号或密码不正确。", "Wrong account name or password."),
    "console_signed_in_as": ("已登录：{name}", "Signed in as {name}"),
    "console_signout": ("退出登录", "Sign out"),
    "console_signed_out": ("您已退出登录。", "You have signed out."),
    "console_expired": ("登录已过期，请重新登录。", "Your sign-in has expired; please sign in "
                        "again."),
    "console_nav": ("控制台导航", "Console sections"),
    "console_nav_queue": ("转人工队列", "Hand-off queue"),
    "console_nav_applicant": ("按参考号查询", "Open by reference"),
    "console_nav_batch": ("批量预审", "Batch pre-check"),
    "console_nav_audit": ("访问记录", "Access log"),
    "console_queue_title": ("转人工请求", "Requests to talk to a person"),
    "console_col_reference": ("参考号", "Reference"),
    "console_col_lang": ("语言", "Language"),
    "console_col_waiting": ("已等待", "Waiting"),
    "console_col_question": ("提出的问题", "Question asked"),
    "console_col_status": ("状态", "Status"),
    "console_col_actions": ("操作", "Actions"),
    "console_status_new": ("新请求", "New"),
    "console_status_claimed": ("已由 {name} 接手", "Claimed by {name}"),
    "console_status_done": ("已处理", "Done"),
    "console_claim": ("接手", "Claim"),
    "console_close": ("标记为已处理", "Mark as done"),
    "console_open": ("查看", "Open"),
    "console_queue_empty": ("暂无转人工请求。", "No requests yet."),
    "console_refresh": ("刷新", "Refresh"),
    "console_minutes": ("{n} 分钟", "{n} min"),
    "console_hours": ("{h} 小时 {n} 分钟", "{h} h {n} min"),
    "console_days": ("{d} 天", "{d} days"),
    "console_lang_zh": ("中文", "Chinese"),
    "console_lang_en": ("英文", "English"),
    "console_no_question": ("（未留言）", "(no message)"),
    "console_reference_label": ("参考号", "Reference number"),
    "console_reference_hint": ("格式：GX-年月日-五位字符", "Format: GX-YYMMDD-five characters"),
    "console_open_btn": ("打开", "Open"),
    "console_applicant_title": ("申请人 {reference}", "Applicant {reference}"),
    "console_files": ("已上传的文件", "Uploaded files"),
    "console_col_file": ("文件", "File"),
    "console_col_recognised": ("识别为", "Recognised as"),
    "console_col_language": ("文件语言", "Language"),
    "console_col_problems": ("问题", "Problems"),
    "console_not_recognised": ("未识别", "Not recognised"),
    "console_no_files": ("申请人尚未上传文件。", "The applicant has not uploaded any file."),
    "console_report": ("最新预审报告", "Latest pre-check report"),
    "console_no_report": ("尚未生成预审报告。", "No pre-check report yet."),
    "console_report_made": ("生成时间：{time}；结论：{verdict}", "Made {time}; verdict: {verdict}"),
    "console_view": ("查看报告", "View the report"),
    "console_print": ("打印报告", "Print the report"),
    "console_download_docx": ("下载 Word", "Download Word"),
    "console_download_html": ("下载 HTML", "Download HTML"),
    "console_download_json": ("下载 JSON", "Download JSON"),
    "console_rerun": ("重新预审", "Run the pre-check again"),
    "console_rerun_done": ("已重新预审并生成新报告。", "The pre-check was run again; a new "
                           "report was made."),
    "console_conversation": ("对话记录", "The conversation so far"),
    "console_no_conversation": ("暂无对话。", "No conversation yet."),
    "console_role_user": ("申请人", "Applicant"),
    "console_role_bot": ("助手", "Assistant"),
    "console_role_upload": ("上传了 {n} 个文件", "Uploaded {n} file(s)"),
    "console_batch_title": ("批量预审", "Batch pre-check"),
    "console_batch_note": ("这里的文件只用于本次预审，不会保存到任何申请人名下。",
                           "These files are used for this pre-check only; they are never "
                           "added to any applicant's files."),
    "console_batch_drop": ("把文件夹或多个文件拖到这里", "Drop a folder or several files here"),
    "console_batch_files": ("选择文件", "Choose files"),
    "console_batch_folder": ("选择文件夹", "Choose a folder"),
    "console_batch_waiting": ("等待中", "Waiting"),
    "console_batch_reading": ("正在读取", "Reading"),
    "console_batch_done": ("已读取", "Read"),
    "console_batch_failed": ("读取失败", "Failed"),
    "console_batch_progress": ("已完成 {done} / {total} 个文件", "{done} of {total} files done"),
    "console_batch_report": ("批量预审报告", "Batch pre-check report"),
    "console_batch_new": ("重新开始", "Start again"),
    "console_audit_title": ("访问记录（谁查看了哪份报告）", "Access log (who opened which report)"),
    "console_col_time": ("时间", "Time"),
    "console_col_account": ("账号", "Account"),
    "console_col_action": ("操作", "Action"),
    "console_col_detail": ("说明", "Detail"),
    "console_audit_empty": ("暂无记录。", "Nothing recorded yet."),
    "console_action_signin": ("登录", "Signed in"),
    "console_action_signin_failed": ("登录失败", "Failed sign-in"),
    "console_action_signout": ("退出登录", "Signed out"),
    "console_action_open": ("查看申请人", "Opened an applicant"),
    "console_action_report": ("查看报告", "Opened a report"),
    "console_action_rerun": ("重新预审", "Ran the pre-check again"),
    "console_action_claim": ("接手转人工请求", "Claimed a hand-off"),
    "console_action_close": ("处理完转人工请求", "Closed a hand-off"),
    "console_action_batch": ("批量预审", "Batch pre-check"),
    "console_loading": ("正在加载…", "Loading…"),
    "console_error": ("出错了：{message}", "Something went wrong: {message}"),
    "api_error_staff_signin": ("请先登录工作人员控制台。", "Please sign in to the staff console "
                               "first."),
    "api_error_csrf": ("页面已过期，请刷新页面后重试。", "The page has expired; reload it and "
                       "try again."),
    "api_error_admin_only": ("仅管理员可以查看。", "For administrators only."),
    "api_error_bad_reference": ("参考号格式不正确，应为 GX-年月日-五位字符。",
                                "That is not a reference number; it looks like GX-YYMMDD-XXXXX."),
    "api_error_no_applicant": ("找不到参考号 {reference}。", "No applicant has reference "
                               "{reference}."),
    "api_error_handoff_taken": ("这条请求已由 {name} 接手。", "{name} has already claimed this "
                                "request."),
    "api_error_bad_batch": ("批量预审编号不正确。", "That batch id is not valid."),
    "api_error_batch_too_large": ("一次批量预审最多 {n} 个文件。", "A batch pre-check takes at "
                                  "most {n} files."),
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

from bot.i18n.understanding import STRINGS as _UNITS  # noqa: E402 - answers from the units

_STRINGS.update(_UNITS)
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def _merged(*tables: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for table in tables:
        for key, texts in table.items():
            if key in out:
                raise ValueError(f"interface string {key!r} is defined twice")
            out[key] = texts
    return out


_ALL = _merged(_STRINGS, REPORT, LABELS, WEB)


class _Keep(dict[str, object]):
    """Format values where a placeholder with no value stays as it is (``{n}`` for the page)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_facts: Callable[[str], dict[str, str]] | None = None


def register_facts(values: Callable[[str], dict[str, str]]) -> None:
    """Set where the facts that strings name come from (:func:`bot.notice.fact_values`
    registers itself when the notice is imported): ``{annex1}``, ``{form}``, …"""
    global _facts
    _facts = values


def t(key: str, lang: str, **values: object) -> str:
    """The interface string ``key`` in ``lang`` ("zh" or "en"), with ``values`` and the
    notice's facts filled in (values a string does not use are ignored)."""
    zh, en = _ALL[key]
    text = en if lang == "en" else zh
    if "{" not in text:
        return text
    filled: dict[str, object] = dict(_facts(lang)) if _facts else {}
    filled.update(values)
    return text.format_map(_Keep(filled))


def label(kind: str, code: str, lang: str, default: str | None = None) -> str:
    """A short label (:mod:`bot.i18n.labels`): ``label("status", "missing", "zh")`` → 缺少;
    an unknown code is shown as ``default`` (or as it is)."""
    texts = _ALL.get(f"{kind}.{code}")
    if texts is None:
        return code if default is None else default
    return texts[1] if lang == "en" else texts[0]


def table(prefix: str, lang: str, **values: object) -> dict[str, str]:
    """Every string whose key starts with ``prefix``, in ``lang``, keyed without the prefix."""
    return {key[len(prefix):]: t(key, lang, **values) for key in _ALL if key.startswith(prefix)}


def keys() -> tuple[str, ...]:
    return tuple(_ALL)


def source(key: str) -> tuple[str, str]:
    """The string ``key`` as written, placeholders unfilled: (中文, English)."""
    return _ALL[key]
