"""The pre-check report's own words: headings and fixed sentences.

Facts come from :mod:`bot.notice` as format values: ``{form}`` (the form's short name),
``{annex}`` (its annex number).
"""

REPORT: dict[str, tuple[str, str]] = {
    "report.title": ("申请材料预审报告", "Pre-check report on the application materials"),
    "report.basis": ("依据", "Based on"),
    "report.reference": ("参考号", "Reference"),
    "report.generated": ("生成时间", "Generated"),
    "report.files_checked": ("检查文件数", "Files checked"),
    "report.verdict": ("预审结论", "Pre-check verdict"),
    "report.materials": ("材料清单核对", "Materials checklist"),
    "report.missing": ("缺少的材料", "Missing materials"),
    "report.problem_materials": ("文件有问题的材料", "Materials whose files have problems"),
    "report.translations": ("外文材料与中文译本", "Foreign-language files and Chinese translations"),
    "report.untranslated": ("缺少中文译本的外文文件", "Foreign-language files without a Chinese "
                         "translation"),
    "report.file_problems": ("文件问题及处理建议", "File problems and what to do"),
    "report.form": ("{form}填写检查", "Checks of the {form}"),
    "report.next_steps": ("下一步", "Next steps"),
    "report.disclaimer_title": ("声明", "Disclaimer"),
    "report.col_id": ("编号", "No."),
    "report.col_material": ("材料", "Material"),
    "report.col_clause": ("条款", "Clause"),
    "report.col_status": ("状态", "Status"),
    "report.col_files": ("文件", "Files"),
    "report.col_file": ("文件", "File"),
    "report.col_language": ("语言", "Language"),
    "report.col_translation": ("中文译本 / 原件", "Chinese translation / original"),
    "report.col_problem": ("问题", "Problem"),
    "report.col_action": ("说明及处理建议", "What is wrong and what to do"),
    "report.col_field": ("栏目", "Field"),
    "report.none": ("无", "None"),
    "report.no_foreign": ("没有外文文件，无需中文译本。", "There are no foreign-language files; no "
                       "translation is needed."),
    "report.no_file_problems": ("所有文件均可读取，且已对应到材料清单。", "Every file could be read and "
                             "was matched to the materials list."),
    "report.form_ok": ("未发现填写问题。", "No problems found."),
    "report.form_file": ("注册表文件", "Form file"),
    "report.form_missing": ("未找到{form}，无法检查其填写；请上传填写完整的{form}。",
                         "No {form} was found, so it could not be checked; upload the "
                         "completed {form}."),
    "report.form_unread": ("已收到{form}，但未能从中读出表格内容（文件可能无法读取，或不是按"
                        "附件格式填写）。请按{annex}的格式填写并上传DOCX或带文字层的PDF。",
                        "The {form} was received but its content could not be read (the "
                        "file may be unreadable, or not laid out as {annex}). Fill in the "
                        "form in the layout of {annex} and upload a DOCX or a PDF with a text layer."),
    "report.paired": ("已附中文译本", "Chinese translation supplied"),
    "report.is_translation": ("中文译本", "Chinese translation"),
    "report.bilingual": ("同一文件中含中文", "Chinese in the same file"),
    "report.guesses": ("可能是", "It may be"),
    "report.bilingual_ok": ("双语文件，含中文，无需另附译本", "Bilingual file with Chinese: no separate "
                         "translation needed"),
    "report.translation_o": ("原件", "Original"),
    "report.translation_file": ("译本", "Translation"),
    "report.fix_and_resubmit": ("按以上提示补齐、更正材料后，重新上传进行预审。",
                             "Supply and correct what is listed above, then upload the package "
                             "again for a new pre-check."),
    "report.complete_next": ("预审未发现缺漏，可以准备正式提交。", "The pre-check found nothing missing; "
                          "you can prepare the formal submission."),
    "report.submit": ("提交渠道", "Where to submit"),
    "report.review": ("审核", "Review"),
    "report.time_limit": ("审批时限", "Time limit"),
    "report.questions": ("咨询", "Questions"),
    "report.occupation_note": ("职业编码含全角字符或非标准连字符，已按“{read}”识别；建议改为半角填写。",
                            "the occupation code uses full-width characters or unusual dashes and "
                            "was read as “{read}”; please write it in half-width characters."),
}
