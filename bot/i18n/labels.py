"""Short labels: a material's status, the verdict, file and form problem names, language
names.  Keys are ``<kind>.<code>`` with the codes of :mod:`bot.precheck.results`."""

LABELS: dict[str, tuple[str, str]] = {
    # status
    "status.provided": ("已提供", "Provided"),
    "status.missing": ("缺少", "Missing"),
    "status.problem": ("有问题", "Has a problem"),
    "status.optional": ("可选，未提供", "Optional, not supplied"),
    # verdict
    "verdict.complete": ("材料齐全", "Complete"),
    "verdict.incomplete": ("材料不齐全", "Incomplete"),
    # file_problem
    "file_problem.unreadable": ("无法读取", "Cannot be read"),
    "file_problem.encrypted": ("已加密", "Encrypted"),
    "file_problem.unsupported_type": ("文件类型不支持", "File type not accepted"),
    "file_problem.no_text": ("扫描件，无文字层", "Scanned, no text layer"),
    "file_problem.empty": ("空文件", "Empty"),
    "file_problem.too_large": ("文件过大", "Too large"),
    "file_problem.untranslated": ("缺少中文译本", "No Chinese translation"),
    "file_problem.unclassified": ("无法判断对应材料", "Material not recognised"),
    # form_problem
    "form_problem.missing_field": ("未填写", "Not filled in"),
    "form_problem.invalid_uscc": ("统一社会信用代码无效", "Invalid unified social credit code"),
    "form_problem.invalid_id_number": ("身份证号无效", "Invalid ID number"),
    "form_problem.invalid_mobile": ("手机号码无效", "Invalid mobile number"),
    "form_problem.invalid_email": ("电子邮箱无效", "Invalid e-mail address"),
    "form_problem.invalid_occupation_code": ("职业编码无效", "Invalid occupation code"),
    "form_problem.no_certificates": ("未填写证书", "No certificate listed"),
    # language
    "language.zh": ("中文", "Chinese"),
    "language.en": ("英文", "English"),
    "language.fr": ("法文", "French"),
    "language.de": ("德文", "German"),
    "language.es": ("西班牙文", "Spanish"),
    "language.it": ("意大利文", "Italian"),
    "language.pt": ("葡萄牙文", "Portuguese"),
    "language.nl": ("荷兰文", "Dutch"),
    "language.ru": ("俄文", "Russian"),
    "language.ja": ("日文", "Japanese"),
    "language.ko": ("韩文", "Korean"),
    "language.vi": ("越南文", "Vietnamese"),
    "language.th": ("泰文", "Thai"),
    "language.ar": ("阿拉伯文", "Arabic"),
    "language.el": ("希腊文", "Greek"),
    "language.und": ("未能识别", "Not identified"),
}
