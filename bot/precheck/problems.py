"""What the applicant is told about each problem the pre-check finds, in Chinese and English.

One place for these texts: the conversation, the chat summary and every report format use
these functions.  Each message says what is wrong and what to do about it.  Rules are
quoted from ``bot.notice``; limits come from ``bot.settings``; personal data in a value is
masked before it is shown.

Details a file problem may carry (``FileProblem.detail``):

- ``unreadable``: ``timeout``, ``memory``, ``crash``, ``corrupt`` (or empty), ``xml_dtd``
  (a DOCX part declares a DTD), ``missing`` (the file went away);
- ``encrypted``: ``password`` (a PDF), ``office`` (a password-protected Word file);
- ``unsupported_type``: the type found, e.g. ``.doc``, ``.xls``, ``.xlsx``, ``.wps``,
  ``.rtf``, ``.odt``, ``.zip``, ``image/png``, ``executable``, ``text``, ``unknown``;
- ``too_large``: ``file_size``, ``pages``, ``zip_entries``, ``zip_declared_size``,
  ``zip_inflated_size``, ``xml_size`` (a DOCX's text parts), ``pdf_inflated`` (a PDF's
  compressed data), ``pdf_content`` (a PDF's page instructions or parts);
- ``untranslated``: the file's language code (``en``, ``fr`` …).
"""

from __future__ import annotations

from bot import i18n
from bot.i18n import label
from bot.masking import mask_email, mask_id_number, mask_mobile, mask_personal_data
from bot.notice import (
    FORM_NAMES,
    MATERIALS_BY_ID,
    TRANSLATION_CLAUSE,
    TRANSLATION_RULE,
    Text,
)
from bot.precheck import crosstexts, results
from bot.precheck.annex1 import CERTIFICATES, field_display
from bot.precheck.results import (
    CROSS_CHECK_CODES,
    EMPTY,
    ENCRYPTED,
    NO_TEXT,
    TOO_LARGE,
    UNCLASSIFIED,
    UNREADABLE,
    UNSUPPORTED_TYPE,
    UNTRANSLATED,
    FileProblem,
    FormProblem,
)
from bot.settings import Limits, get_settings

__all__ = ["file_problem_message", "form_problem_message", "file_problem_label",
           "form_problem_label", "status_label", "verdict_label", "language_name",
           "material_name", "masked_value", "FORM_NAME"]

FORM_NAME = FORM_NAMES["annex1"]


def _pick(text: Text | tuple[str, str], lang: str) -> str:
    if isinstance(text, Text):
        return text.get(lang)
    return text[1] if lang == "en" else text[0]


# ---------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------

def status_label(status: str, lang: str) -> str:
    """A material's status for people: 已提供 / 缺少 / 有问题 / 可选，未提供."""
    return label("status", status, lang)


def verdict_label(verdict: str, lang: str) -> str:
    """The package verdict for people: 材料齐全 / 材料不齐全."""
    return label("verdict", verdict, lang)


def file_problem_label(code: str, lang: str) -> str:
    """A short name of a file problem, for tables."""
    if code in CROSS_CHECK_CODES:
        return crosstexts.label(code, lang)
    return label("file_problem", code, lang)


def form_problem_label(code: str, lang: str) -> str:
    """A short name of a form problem, for tables."""
    return label("form_problem", code, lang)


def language_name(code: str, lang: str) -> str:
    """``en`` → 英文 / English; an unknown code is shown as it is."""
    return label("language", (code or "und").lower(), lang, default=code)


# ---------------------------------------------------------------------------
# File problems
# ---------------------------------------------------------------------------


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic")
_WORD_LIKE = (".doc", ".wps", ".rtf", ".odt", ".pages")
_EXPORT_PDF = (".xls", ".xlsx", ".et", ".ods", ".ppt", ".pptx", ".odp", ".html", ".msg")
_ARCHIVES = (".zip", ".rar", ".7z")


def _unsupported(detail: str, lang: str) -> str:
    d = (detail or "").strip().lower()
    if d.startswith("image/") or d in _IMAGE_SUFFIXES:
        shown = d.split("/", 1)[1].upper() if d.startswith("image/") else d
        return _pick((
            f"这是{shown}格式的图片，只能读取JPG和PNG图片。请将其另存为JPG或PNG（手机可在设置中把"
            "照片格式改为“兼容性最佳”）后重新上传；有电子原件的，请直接从原件导出PDF。",
            f"This is a {shown} picture; only JPG and PNG pictures can be read. Save it as JPG or "
            "PNG (on a phone, set the camera format to “Most Compatible”) and upload it again; "
            "if you have the electronic original, export a PDF from it instead."), lang)
    if d in _WORD_LIKE:
        return _pick((
            f"这是{d}格式的文档，只接受PDF和DOCX。请用Word或WPS打开，选择“另存为”，保存类型选"
            "“Word 文档（*.docx）”（或导出为PDF）后重新上传。",
            f"This is a {d} document; only PDF and DOCX are accepted. Open it in Word or WPS, "
            "choose “Save As” and the type “Word Document (*.docx)” (or export it as PDF), and "
            "upload it again."), lang)
    if d in _EXPORT_PDF:
        return _pick((
            f"这是{d}格式的文件，只接受PDF和DOCX。请在原软件中选择“导出”或“另存为”PDF后重新上传。",
            f"This is a {d} file; only PDF and DOCX are accepted. Export it as PDF (“Export” or "
            "“Save As” PDF in the program that made it) and upload it again."), lang)
    if d in _ARCHIVES:
        return _pick((
            "这是压缩包。请先解压，再分别上传其中的PDF或DOCX文件。",
            "This is an archive. Unpack it and upload the PDF or DOCX files inside one by one."),
            lang)
    return _pick((
        "只接受PDF、DOCX文件和JPG、PNG图片，这个文件不是这几种格式。请将材料导出为PDF或保存为DOCX"
        "后重新上传。",
        "Only PDF and DOCX files and JPG and PNG pictures are accepted, and this file is none "
        "of them. Export the material as PDF, or save it as DOCX, and upload it again."), lang)


def _unreadable(detail: str, limits: Limits, lang: str) -> str:
    d = (detail or "").strip().lower()
    if d == "timeout":
        return _pick((
            f"读取该文件超过了{limits.parse_seconds:.0f}秒的时限，已停止读取。请从原件重新导出一份PDF"
            "（或另存为DOCX）再上传；文件页数很多的，可以拆分后上传。",
            f"Reading this file took longer than the {limits.parse_seconds:.0f}-second limit and "
            "was stopped. Export a fresh PDF from the original (or save it again as DOCX) and "
            "upload that; a very long file can be split."), lang)
    if d == "memory":
        return _pick((
            "读取该文件所需内存超过了限制，已停止读取。文件中可能有超大图片或异常内容。请从原件重新导出"
            "PDF（可压缩图片）后再上传。",
            "Reading this file needed more memory than allowed and was stopped; it may hold huge "
            "images or damaged content. Export a fresh PDF from the original (compressing the "
            "images) and upload that."), lang)
    if d == "xml_dtd":
        return _pick((
            "这个DOCX文件内部含有Word不会写入的XML声明（DTD/实体），可能被改动过，出于安全原因不予读取。"
            "请用Word或WPS打开后另存为新的DOCX，或导出为PDF后再上传。",
            "This DOCX contains XML declarations (a DTD or entities) that Word never writes; it "
            "may have been tampered with and is not read, for safety. Open it in Word or WPS "
            "and save it as a new DOCX, or export it as PDF, and upload it again."), lang)
    if d == "missing":
        return _pick((
            "上传的文件已找不到（可能上传未完成）。请重新上传该文件。",
            "The uploaded file can no longer be found (the upload may not have finished). "
            "Upload the file again."), lang)
    if d == "crash":
        return _pick((
            "读取该文件时解析程序异常退出，文件可能已损坏或结构异常。请用原软件重新导出PDF或另存为DOCX"
            "后再上传；仍然不行的，请联系工作人员。",
            "The reader stopped abnormally on this file, which may be damaged or malformed. "
            "Export a fresh PDF or DOCX from the program that made it and upload that; if that "
            "fails too, contact a member of staff."), lang)
    return _pick((
        "文件已损坏或格式不正确，无法打开。请用原软件重新导出PDF或另存为DOCX后再上传。",
        "The file is damaged or not in the format its name says and cannot be opened. Export a "
        "fresh PDF or save it again as DOCX from the program that made it, and upload it again."),
        lang)


def _too_large(detail: str, limits: Limits, lang: str) -> str:
    d = (detail or "").strip().lower()
    if d == "pages":
        return _pick((
            f"文件超过{limits.max_pages}页的上限。请拆分为几个文件后分别上传。",
            f"The file has more than the maximum of {limits.max_pages} pages. Split it into "
            "several files and upload them one by one."), lang)
    if d == "image_pixels":
        return i18n.t("problem_image_pixels", lang, pixels=f"{limits.max_image_pixels:,}")
    if d == "xml_size":
        from bot.precheck.extract.docx import MAX_XML_BYTES

        return _pick((
            f"这个DOCX文件的正文部分解压后过大（超过{_mb(MAX_XML_BYTES)}），无法安全读取。请将文档拆分"
            "为几个文件，或导出为PDF后再上传。",
            f"The text of this DOCX unpacks to too much data (over {_mb(MAX_XML_BYTES)}) to be "
            "read safely. Split the document into several files, or export it as PDF, and "
            "upload it again."), lang)
    if d == "pdf_inflated":
        return _pick((
            "这个PDF中的压缩数据解压后过大，出于安全原因不予读取。请从原件重新导出PDF（可压缩图片），"
            "或用“打印为PDF”生成新文件后再上传。",
            "This PDF holds compressed data that unpacks to far too much and is not read, for "
            "safety. Export a fresh PDF from the original (compressing its images), or print it "
            "to a new PDF, and upload that."), lang)
    if d == "pdf_content":
        return _pick((
            "这个PDF的结构过于复杂（页面绘制指令或内部数据块过多），出于安全原因不予读取。请从原件重新"
            "导出PDF，或用“打印为PDF”生成新文件后再上传。",
            "This PDF is built far too intricately (too many drawing instructions on a page, or "
            "too many parts) to be read safely. Export a fresh PDF from the original, or print "
            "it to a new PDF, and upload that."), lang)
    if d.startswith("zip") or d in ("unzipped", "inflated"):
        return _pick((
            f"这个DOCX文件解压后过大（超过{_mb(limits.max_unzipped_bytes)}）或包含的部件过多"
            f"（超过{limits.max_zip_entries}个），出于安全原因不予读取。请在Word或WPS中打开后另存为新的"
            "DOCX，或导出为PDF后再上传。",
            f"This DOCX unpacks to too much data (over {_mb(limits.max_unzipped_bytes)}) or holds "
            f"too many parts (over {limits.max_zip_entries}) and is not read, for safety. Open "
            "it in Word or WPS and save it as a new DOCX, or export it as PDF, and upload it "
            "again."), lang)
    return _pick((
        f"文件超过{_mb(limits.max_file_bytes)}的大小上限。请压缩图片、删去与材料无关的页面，或拆分为"
        "几个文件后再上传。",
        f"The file is larger than the limit of {_mb(limits.max_file_bytes)}. Compress its "
        "images, remove pages that are not part of the material, or split it into several "
        "files, and upload it again."), lang)


def _untranslated(detail: str, lang: str, cite_rule: bool) -> str:
    language = language_name(detail, lang) if detail and detail != "und" else ""
    rule = TRANSLATION_RULE.get(lang)
    cite = TRANSLATION_CLAUSE.cite(lang)
    if lang == "en":
        what = f"This {language} document" if language else "This foreign-language document"
        quoted = f" {cite}: “{rule}”" if cite_rule else ""
        return (f"{what} has no Chinese translation among the files.{quoted} Upload its Chinese "
                "translation (for example with “中文译本” or “translation” in the file name), or "
                "add the Chinese text to the same file.")
    what = f"这份{language}材料" if language else "这份外文材料"
    quoted = f"{cite}规定：“{rule}”" if cite_rule else ""
    return (f"{what}没有找到对应的中文译本。{quoted}请上传该文件的中文译本（建议在文件名中注明"
            "“中文译本”），或在同一文件中附上中文内容。")


# The file problems whose message takes no value, by code and detail ("": any other detail).
_FIXED_MESSAGES: dict[tuple[str, str], tuple[str, str]] = {
    (ENCRYPTED, "office"): (
        "这个Word文件设置了打开密码，无法读取内容。请在Word或WPS中取消密码（文件→信息→保护文档）"
        "后另存为DOCX，或导出一份未加密的PDF，再重新上传。",
        "This Word file is protected by a password and cannot be read. Remove the password "
        "in Word or WPS (File → Info → Protect Document), save it as DOCX or export an "
        "unprotected PDF, and upload it again."),
    (ENCRYPTED, ""): (
        "文件设置了密码或加密保护，无法读取内容。请取消密码保护（或导出一份未加密的PDF）后重新上传。",
        "The file is protected by a password or encryption and cannot be read. Remove the "
        "protection (or export an unprotected PDF) and upload it again."),
    (NO_TEXT, ""): (
        "这个PDF没有文字层（多为扫描件或图片），无法读取内容。请上传从电子原件直接导出的PDF；只有纸质"
        "件的，请用扫描软件或WPS、Adobe Acrobat等的OCR（文字识别）功能处理后再上传。",
        "This PDF has no text layer (it is probably a scan or made of images), so its content "
        "cannot be read. Upload a PDF exported directly from the electronic original; if you "
        "only have paper, run OCR (text recognition) on the scan with your scanner software, "
        "WPS or Adobe Acrobat and upload the result."),
    (EMPTY, ""): (
        "文件没有内容（或几乎没有文字）。请确认上传的是正确的文件。",
        "The file has no content (or almost no text). Check that you uploaded the right "
        "file."),
    (UNCLASSIFIED, ""): (
        "无法判断这份文件对应材料清单中的哪一项。请告诉我们它是哪一项材料，或在文件名或首页标题中"
        "写明材料名称（例如“考试章程”）后重新上传。",
        "We could not tell which item of the materials list this file is. Tell us which "
        "material it is, or put the material's name in the file name or on its first page "
        "(for example “Examination regulations”) and upload it again."),
}


def file_problem_message(problem: FileProblem, lang: str, *, cite_rule: bool = True) -> str:
    """What is wrong with a file and what the applicant should do, in ``lang`` (zh/en).

    ``cite_rule=False`` leaves out the quotation of the notice's translation rule from the
    ``untranslated`` message, for a report that quotes the rule once above a list.
    """
    limits = get_settings().limits
    code, detail = problem.code, problem.detail or ""
    if code in CROSS_CHECK_CODES:
        return crosstexts.message(problem, lang)
    if code == UNREADABLE:
        return _unreadable(detail, limits, lang)
    if code == UNSUPPORTED_TYPE:
        return _unsupported(detail, lang)
    if code == NO_TEXT and detail == "ocr_unreadable":
        return i18n.t("problem_ocr_unreadable", lang)
    if code == TOO_LARGE:
        return _too_large(detail, limits, lang)
    if code == UNTRANSLATED:
        return _untranslated(detail, lang, cite_rule)
    fixed = _FIXED_MESSAGES.get((code, detail)) or _FIXED_MESSAGES.get((code, ""))
    if fixed:
        return _pick(fixed, lang)
    return _pick((f"文件有问题（{code}）。请联系工作人员。",
                  f"There is a problem with the file ({code}). Please contact a member of staff."),
                 lang)


# ---------------------------------------------------------------------------
# Form problems
# ---------------------------------------------------------------------------


def _certificate_columns(lang: str) -> str:
    columns = CERTIFICATES.columns[1:] if lang != "en" else CERTIFICATES.columns_en[1:]
    return ("、" if lang != "en" else ", ").join(columns)


_MASK_BY_CODE = {results.INVALID_ID_NUMBER: mask_id_number, results.INVALID_MOBILE: mask_mobile,
                 results.INVALID_EMAIL: mask_email}


def masked_value(problem: FormProblem) -> str:
    """The problem's value fit to show: an identity number, mobile or e-mail masked by its
    kind even when malformed (masking an already masked value changes nothing), any
    personal data inside other values masked too."""
    value = problem.value or ""
    mask = _MASK_BY_CODE.get(problem.code)
    return mask(value) if mask else mask_personal_data(value)


def form_problem_message(problem: FormProblem, lang: str) -> str:
    """What is wrong in the registration form (附件1) and how to correct it, in ``lang``."""
    field = field_display(problem.field, lang)
    value = masked_value(problem)
    form = FORM_NAME.get(lang)
    code = problem.code
    if lang == "en":
        subject = f"“{field}” on the {form}" + (f" (“{value}”)" if value else "")
    else:
        subject = f"{form}中“{field}”填写的" + (f"“{value}”" if value else "内容")
    if code == results.MISSING_FIELD:
        return _pick((
            f"{form}中“{field}”未填写。请补充填写后重新上传{form}。",
            f"“{field}” is not filled in on the {form}. Fill it in and upload the form again."),
            lang)
    if code == results.INVALID_USCC:
        return _pick((
            f"{subject}不是有效的统一社会信用代码：应为18位，由数字和除I、O、Z、S、V以外的大写英文字母"
            "组成，末位为校验码（GB 32100-2015）。请对照营业执照或登记证书核对后更正。",
            f"{subject} is not a valid unified social credit code: it has 18 characters, digits "
            "and capital letters except I, O, Z, S and V, the last one a check character "
            "(GB 32100-2015). Copy it again from the business licence or registration "
            "certificate."), lang)
    if code == results.INVALID_ID_NUMBER:
        return _pick((
            f"{subject}不是有效的居民身份证号：应为18位，含真实的出生日期，末位校验码须正确"
            "（GB 11643-1999，末位可为X）。请对照本人身份证核对后更正；该人员没有居民身份证的，"
            "通知未说明如何填写，请咨询工作人员。",
            f"{subject} is not a valid Chinese resident ID number: it has 18 characters with a "
            "real date of birth and a correct last check character (GB 11643-1999; it may be "
            "X). Check it against the person's ID card and correct it; if the person has no "
            "Chinese ID card, the notice does not say what to enter, so ask a member of "
            "staff."), lang)
    if code == results.INVALID_MOBILE:
        return _pick((
            f"{subject}不是有效的手机号码：应为11位中国大陆手机号码，以1开头、第二位为3至9。请更正。",
            f"{subject} is not a valid mobile number: it should be an 11-digit mainland China "
            "mobile number starting with 1 and then 3 to 9. Please correct it."), lang)
    if code == results.INVALID_EMAIL:
        return _pick((
            f"{subject}不是有效的电子邮箱地址（应形如 name@example.com）。请更正。",
            f"{subject} is not a valid e-mail address (it should look like name@example.com). "
            "Please correct it."), lang)
    if code == results.INVALID_OCCUPATION_CODE:
        return _pick((
            f"{subject}不是有效的职业编码：应按《中华人民共和国职业分类大典》填写，格式为"
            "“D-DD-DD-DD”（如6-31-01-03），第一位是大类代码1至8。请查阅职业分类大典后更正。",
            f"{subject} is not a valid occupation code: use the code of the Occupational "
            "Classification of the People's Republic of China (职业分类大典), in the form "
            "D-DD-DD-DD (e.g. 6-31-01-03), the first digit a major group from 1 to 8. Look it "
            "up and correct it."), lang)
    if code == results.NO_CERTIFICATES:
        return _pick((
            f"{form}的“{field}”表中没有填写任何证书。请至少填写一行：{_certificate_columns(lang)}。",
            f"No certificate is listed in “{field}” on the {form}. Fill in at least one row: "
            f"{_certificate_columns(lang)}."), lang)
    return _pick((f"{form}中“{field}”有问题（{code}）。请核对。",
                  f"There is a problem ({code}) with “{field}” on the {form}. Please check it."),
                 lang)


def material_name(material_id: str, lang: str) -> str:
    """A material's full name from the notice, or its id if unknown."""
    m = MATERIALS_BY_ID.get(material_id)
    return m.name.get(lang) if m else material_id
