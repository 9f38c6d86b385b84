"""What the applicant is told about each cross-check problem (表证一致), in Chinese and
English: both values, where each was read, and what to correct.  Material names come from
``bot.notice``; :mod:`bot.precheck.problems` hands these codes over to this module."""

from __future__ import annotations

from bot.notice import ANNEX1, MATERIALS_BY_ID
from bot.precheck.results import (
    MISMATCH_CERTIFICATE,
    MISMATCH_ISSUER,
    MISMATCH_NAME,
    MISMATCH_PARTIES,
    MISMATCH_TRANSLATION,
    MISMATCH_USCC,
    FileProblem,
)

LABELS = {
    MISMATCH_USCC: ("信用代码与证照不一致", "Credit code differs from the licence"),
    MISMATCH_NAME: ("机构名称与证照不一致", "Institution name differs from the licence"),
    MISMATCH_ISSUER: ("发证机构与登记证书不一致", "Issuer differs from the registration certificate"),
    MISMATCH_PARTIES: ("协议双方与申请机构不一致", "Agreement parties differ from the institutions"),
    MISMATCH_CERTIFICATE: ("证书与等级规定不一致", "Certificate not in the level rules"),
    MISMATCH_TRANSLATION: ("译本与原件不一致", "Translation differs from the original"),
}


def _material(mid: str, lang: str) -> str:
    return MATERIALS_BY_ID[mid].short.get(lang)


def label(code: str, lang: str) -> str:
    zh, en = LABELS[code]
    return en if lang == "en" else zh


def message(p: FileProblem, lang: str) -> str:
    """The message of a cross-check problem ``p`` (one of results.CROSS_CHECK_CODES)."""
    en = lang == "en"
    form = "the registration form (Annex 1)" if en else f"注册表（{ANNEX1.number}）"
    a, b, where = p.value, p.other, p.other_file
    if p.code in (MISMATCH_USCC, MISMATCH_NAME):
        what = ("unified social credit code" if p.code == MISMATCH_USCC else "institution name") \
            if en else p.detail
        lic = _material("1.2.1", lang)
        if en:
            return (f"The {what} on {form} is “{a}”, but the {lic} ({where}) reads “{b}”. "
                    f"Check both against the original licence and correct the form, or upload "
                    "the right licence.")
        return (f"{form}填写的{what}为“{a}”，而{lic}（{where}）上为“{b}”，两者不一致。"
                "请对照证照原件核对，更正注册表，或换上正确的证照后重新上传。")
    if p.code == MISMATCH_ISSUER:
        reg = _material("1.1.1", lang)
        if en:
            return (f"The certificate issuer on {form} is “{a}”, but the {reg} ({where}) names "
                    f"“{b}”. The issuer must be the foreign institution whose registration "
                    "certificate is submitted: check both and correct the name that is wrong.")
        return (f"{form}“{p.detail}”填写的“{a}”与{reg}（{where}）上的机构名称“{b}”不一致。"
                "证书核发机构应为提交登记证书的外方机构，请核对并使两者名称一致。")
    if p.code == MISMATCH_PARTIES:
        agreement = _material("4.2", lang)
        if en:
            return (f"The parties of this {agreement} are “{a}”; “{b}” from {form} is not "
                    "among them. Check the agreement: it must be between the Chinese and the "
                    "foreign institution, named as in the form and their registration documents.")
        return (f"本{agreement}的双方为“{a}”，其中没有{form}中的“{b}”。协议须由中外合作机构"
                "双方签订，名称应与注册表及登记证照一致，请核对。")
    if p.code == MISMATCH_CERTIFICATE:
        rules = _material("2.2", lang)
        if en:
            return (f"The certificate “{a}” listed on {form} does not appear in the {rules} "
                    f"({where}), which name “{b}”. Check the names and correct them so that both agree.")
        return (f"{form}列出的证书“{a}”未出现在{rules}（{where}）中，其中写的是“{b}”。"
                "请核对证书名称，使注册表与证书等级规定及样本一致。")
    if p.code == MISMATCH_TRANSLATION:
        if en:
            return (f"This translation differs from its original ({where}): the original has "
                    f"“{b}”, the translation “{a}”. Check the translation: names, numbers and "
                    "dates must be the same as in the original.")
        return (f"本译本与原件（{where}）不一致：原件中为“{b}”，译本中为“{a}”。请核对译本，"
                "名称、编号和日期须与原件一致。")
    return ""
