"""What the applicant is told about each cross-check problem (表证一致), in Chinese and
English: both values, where each was read, and what to correct.  Material names come from
``bot.notice``; :mod:`bot.precheck.problems` hands these codes over to this module."""

from __future__ import annotations

from bot.notice import ANNEX1, MATERIALS_BY_ID
from bot.precheck import results
from bot.precheck.results import FileProblem

LABELS = {
    results.MISMATCH_USCC: ("信用代码与证照不一致", "Credit code differs from the licence"),
    results.MISMATCH_NAME: ("机构名称与证照不一致", "Institution name differs from the licence"),
    results.MISMATCH_ISSUER: ("发证机构与登记证书不一致",
                              "Issuer differs from the registration certificate"),
    results.MISMATCH_PARTIES: ("协议双方与申请机构不一致",
                               "Agreement parties differ from the institutions"),
    results.MISMATCH_CERTIFICATE: ("证书与等级规定不一致", "Certificate not in the level rules"),
    results.MISMATCH_TRANSLATION: ("译本与原件不一致", "Translation differs from the original"),
}


def label(code: str, lang: str) -> str:
    zh, en = LABELS[code]
    return en if lang == "en" else zh


# Each problem: the material its value is compared with (its short name is ``{material}``)
# and the message in Chinese and English, with the form (``{form}``), the form's or the
# file's value (``{a}``), the other value (``{b}``), where that was read (``{where}``) and
# the field (``{detail}``; ``{what}`` in English).
_MESSAGES: dict[str, tuple[str, str, str]] = {
    results.MISMATCH_USCC: (
        "1.2.1",
        "{form}填写的{detail}为“{a}”，而{material}（{where}）上为“{b}”，两者不一致。"
        "请对照证照原件核对，更正注册表，或换上正确的证照后重新上传。",
        "The {what} on {form} is “{a}”, but the {material} ({where}) reads “{b}”. "
        "Check both against the original licence and correct the form, or upload "
        "the right licence."),
    results.MISMATCH_ISSUER: (
        "1.1.1",
        "{form}“{detail}”填写的“{a}”与{material}（{where}）上的机构名称“{b}”不一致。"
        "证书核发机构应为提交登记证书的外方机构，请核对并使两者名称一致。",
        "The certificate issuer on {form} is “{a}”, but the {material} ({where}) names "
        "“{b}”. The issuer must be the foreign institution whose registration "
        "certificate is submitted: check both and correct the name that is wrong."),
    results.MISMATCH_PARTIES: (
        "4.2",
        "本{material}的双方为“{a}”，其中没有{form}中的“{b}”。协议须由中外合作机构"
        "双方签订，名称应与注册表及登记证照一致，请核对。",
        "The parties of this {material} are “{a}”; “{b}” from {form} is not "
        "among them. Check the agreement: it must be between the Chinese and the "
        "foreign institution, named as in the form and their registration documents."),
    results.MISMATCH_CERTIFICATE: (
        "2.2",
        "{form}列出的证书“{a}”未出现在{material}（{where}）中，其中写的是“{b}”。"
        "请核对证书名称，使注册表与证书等级规定及样本一致。",
        "The certificate “{a}” listed on {form} does not appear in the {material} "
        "({where}), which name “{b}”. Check the names and correct them so that both agree."),
    results.MISMATCH_TRANSLATION: (
        "",
        "本译本与原件（{where}）不一致：原件中为“{b}”，译本中为“{a}”。请核对译本，"
        "名称、编号和日期须与原件一致。",
        "This translation differs from its original ({where}): the original has "
        "“{b}”, the translation “{a}”. Check the translation: names, numbers and "
        "dates must be the same as in the original."),
}
_MESSAGES[results.MISMATCH_NAME] = _MESSAGES[results.MISMATCH_USCC]
_WHAT_EN = {results.MISMATCH_USCC: "unified social credit code",
            results.MISMATCH_NAME: "institution name"}


def message(p: FileProblem, lang: str) -> str:
    """The message of a cross-check problem ``p`` (one of results.CROSS_CHECK_CODES)."""
    if p.code not in _MESSAGES:
        return ""
    material, zh, en = _MESSAGES[p.code]
    form = "the registration form (Annex 1)" if lang == "en" else f"注册表（{ANNEX1.number}）"
    return (en if lang == "en" else zh).format(
        form=form, a=p.value, b=p.other, where=p.other_file, detail=p.detail,
        what=_WHAT_EN.get(p.code, ""),
        material=MATERIALS_BY_ID[material].short.get(lang) if material else "")
