"""The package checked against itself (表证一致), as Chinese 智能预审 systems do first.

:func:`read_facts` runs on each file's text when it is read (in the parser worker) and
keeps the few values the checks compare: credit codes, the name on a licence, company
names with a legal form, the parties of an agreement, certificate names.
:func:`cross_check` compares them across the package once the files are classified and
paired:

- 附件1's 机构名称 and 统一社会信用代码 against the business licence or 事业单位法人证书
  (material 1.2.1);
- 附件1's 证书核发机构名称 against the foreign registration certificate (1.1.1);
- the two parties of the cooperation agreement (4.2) against the two institutions;
- the certificates listed in 附件1 against the certificate rules and samples (2.2);
- a translation against its original: the same numbers and dates.

A value is flagged only when both sides were read with confidence (one valid credit code
on the licence, one name after its 名称 label, names in the same script, …); the
problem carries both values.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from bot.precheck.results import (
    CROSS_CHECK_CODES,
    MISMATCH_CERTIFICATE,
    MISMATCH_ISSUER,
    MISMATCH_NAME,
    MISMATCH_PARTIES,
    MISMATCH_TRANSLATION,
    MISMATCH_USCC,
    FileAnalysis,
    FileProblem,
    FormCheck,
)
from bot.precheck.validators import valid_uscc

LICENCE, REGISTRATION, CERTIFICATE_RULES, AGREEMENT, FORM = "1.2.1", "1.1.1", "2.2", "4.2", "4.1"
NAME_FIELD, USCC_FIELD, ISSUER_FIELD = "机构名称", "统一社会信用代码", "证书核发机构名称"
CERTIFICATE_COLUMN = "证书名称"
FACT_CHARS = 30_000  # text looked at for facts
MAX_VALUES = 12  # values kept per fact

_USCC = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Z])")
_LICENCE_NAME = re.compile(r"^\s*(?:单位|机构|企业)?名\s*称\s*[:：]?\s*(\S[^\n]{1,60}?)\s*$",
                           re.MULTILINE)
_LEGAL_FORM = (r"(?i:ltd\.?|limited|gmbh|ag|sas|sarl|s\.a\.|sa|inc\.?|llc|plc|b\.v\.|bv|n\.v\."
               r"|s\.p\.a\.|s\.r\.l\.|lda\.?|e\.v\.|co\.,?\s*ltd\.?|k\.k\.)")
_LATIN_ORG = re.compile(
    r"(?<![\w&])((?:[A-ZÀ-Þ][\w&'’.-]*\s+)(?:(?:[A-ZÀ-Þ][\w&'’.-]*|of|and|for|de|du|der|für|&)\s+)"
    rf"{{0,6}}{_LEGAL_FORM})(?![\w])")
_CJK_ORG = re.compile(r"[\u4e00-\u9fff（）()]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|学校|"
                      r"学院|大学|中心|协会|研究院|研究所|集团)")
_PARTY = {
    "party_a": re.compile(r"甲\s*方\s*[:：]\s*([^\n]{2,80}?)(?=\s{2,}|\s*乙\s*方|[，,；;。\n]|$)"
                          r"|party a\s*[:：]\s*([^\n]{2,80}?)(?=[,;.\n]|$)"
                          r"|between\s+(.{2,80}?)\s*\(\s*(?:the\s+)?[\"“]?party a", re.IGNORECASE),
    "party_b": re.compile(r"乙\s*方\s*[:：]\s*([^\n]{2,80}?)(?=\s{2,}|[，,；;。\n]|$)"
                          r"|party b\s*[:：]\s*([^\n]{2,80}?)(?=[,;.\n]|$)"
                          r"|and\s+(.{2,80}?)\s*\(\s*(?:the\s+)?[\"“]?party b", re.IGNORECASE),
}
_CERT_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z（）()]{2,30}?证书")
# Words before 证书 that make a phrase, not a certificate's name ("附各等级证书样本").
_CERT_LEAD = re.compile(r"^(?:[附各该本此其每及和与的为是将由向]|等级|样本|上述|所有|相关)+")
_BRACKETS = re.compile(r"[（(][^（）()]{0,20}[)）]")


def _dedupe(values: Sequence[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        v = v.strip(" \t:：,，;；")
        if v and v not in out:
            out.append(v)
    return out[:MAX_VALUES]


def read_facts(text: str) -> dict[str, list[str]]:
    """The values of a text the cross-checks compare (each a short list)."""
    text = unicodedata.normalize("NFKC", text[:FACT_CHARS])
    facts: dict[str, list[str]] = {
        "uscc": _dedupe([c for c in _USCC.findall(text) if valid_uscc(c)]),
        "licence_name": _dedupe(_LICENCE_NAME.findall(text[:3000])),
        "orgs": _dedupe(_LATIN_ORG.findall(text) + _CJK_ORG.findall(text)),
        "certificates": _dedupe([n for n in (_CERT_LEAD.sub("", c) for c in _CERT_NAME.findall(text))
                                 if len(n) >= 6 and not n.startswith("证书")
                                 and not re.search("[及和与]", n)]),
    }
    for key, pattern in _PARTY.items():
        facts[key] = _dedupe([next((g for g in m.groups() if g), "")
                              for m in pattern.finditer(text)])
    return {k: v for k, v in facts.items() if v}


# --- comparing --------------------------------------------------------------------------

_SUFFIXES = (("limited", "ltd"), ("incorporated", "inc"), ("company", "co"),
             ("有限责任公司", "有限公司"))


def norm_name(name: str) -> str:
    """A name for comparison: NFKC, lower case, legal-form spellings unified, no spaces
    or punctuation."""
    s = unicodedata.normalize("NFKC", name).lower()
    for long, short in _SUFFIXES:
        s = s.replace(long, short)
    return re.sub(r"[\W_]+", "", s)


def _latin(s: str) -> bool:
    return bool(re.search(r"[A-Za-z]", s)) and not re.search(r"[\u4e00-\u9fff]", s)


def _same_name(a: str, b: str) -> bool:
    na, nb = norm_name(a), norm_name(b)
    if not na or not nb:
        return False
    return na == nb or (min(len(na), len(nb)) >= 6 and (na in nb or nb in na))


def _comparable(a: str, b: str) -> bool:
    """Two names written in the same script (a Chinese name is not compared with an
    English one)."""
    return _latin(a) == _latin(b)


def _files_of(files: Sequence[FileAnalysis], material: str) -> list[FileAnalysis]:
    return [f for f in files if material in f.materials and f.facts]


def _problem(code: str, field: str, value: str, other: str, other_file: str) -> FileProblem:
    return FileProblem(code, field, value=value, other=other, other_file=other_file)


def _check_licence(form: FormCheck, licences: Sequence[FileAnalysis]) -> list[FileProblem]:
    out: list[FileProblem] = []
    code = (form.fields.get(USCC_FIELD) or "").strip().upper().replace(" ", "")
    name = (form.fields.get(NAME_FIELD) or "").strip()
    for lic in licences:
        codes = lic.facts.get("uscc", [])
        if valid_uscc(code) and len(codes) == 1 and codes[0] != code:
            out.append(_problem(MISMATCH_USCC, USCC_FIELD, code, codes[0], lic.name))
        names = lic.facts.get("licence_name", [])
        if name and len(names) == 1 and _comparable(name, names[0]) \
                and not _same_name(name, names[0]):
            out.append(_problem(MISMATCH_NAME, NAME_FIELD, name, names[0], lic.name))
    return out


def _check_issuer(form: FormCheck, registrations: Sequence[FileAnalysis]) -> list[FileProblem]:
    issuer = (form.fields.get(ISSUER_FIELD) or "").strip()
    if not _latin(issuer):
        return []  # only names with a legal form in Latin letters are read with confidence
    out: list[FileProblem] = []
    for reg in registrations:
        orgs = [o for o in reg.facts.get("orgs", []) if _latin(o)]
        if orgs and not any(_same_name(issuer, o) for o in orgs):
            out.append(_problem(MISMATCH_ISSUER, ISSUER_FIELD, issuer, orgs[0], reg.name))
    return out


def _check_parties(form: FormCheck, agreements: Sequence[FileAnalysis]) -> list[tuple[str, FileProblem]]:
    institutions = [(NAME_FIELD, (form.fields.get(NAME_FIELD) or "").strip()),
                    (ISSUER_FIELD, (form.fields.get(ISSUER_FIELD) or "").strip())]
    out: list[tuple[str, FileProblem]] = []
    for ag in agreements:
        parties = ag.facts.get("party_a", [])[:1] + ag.facts.get("party_b", [])[:1]
        if len(parties) < 2:
            continue  # both parties must be read
        for field, name in institutions:
            same_script = [p for p in parties if _comparable(name, p)]
            if name and same_script and not any(_same_name(name, p) for p in parties):
                out.append((ag.name, _problem(MISMATCH_PARTIES, field, " / ".join(parties),
                                              name, form.file)))
    return out


def _core(certificate: str) -> str:
    return norm_name(_BRACKETS.sub("", certificate))


def _check_certificates(form: FormCheck, rules: Sequence[FileAnalysis]) -> list[FileProblem]:
    listed = [c.get(CERTIFICATE_COLUMN, "").strip() for c in form.certificates]
    listed = [c for c in listed if c and re.search(r"[\u4e00-\u9fff]", c)]
    named = [(r, r.facts.get("certificates", [])) for r in rules if r.language == "zh" or r.bilingual]
    named = [(r, [n for n in names if len(_core(n)) > len("证书")]) for r, names in named]
    named = [(r, names) for r, names in named if names]
    if not listed or not named:
        return []
    out: list[FileProblem] = []
    for cert in listed:
        core = _core(cert)
        if len(core) < 4:
            continue
        found = any(core in _core(n) or _core(n) in core for _r, names in named for n in names)
        if not found:
            rule_file, names = named[0]
            out.append(_problem(MISMATCH_CERTIFICATE, CERTIFICATE_COLUMN, cert,
                                "、".join(names[:3]), rule_file.name))
    return out


_MAX_KEYS_SEEN = 80  # pairing.MAX_KEYS: a file with this many keys may have lost some


def _hard_keys(keys: Sequence[str], kind: str) -> set[str]:
    """Dates ("d:") or numbers of five digits or more ("n:"; years are often written
    into words): they survive translation unchanged."""
    return {k for k in keys if k.startswith(kind) and (kind == "d:" or len(k) >= 7)}


def _check_translation(original: FileAnalysis, translation: FileAnalysis) -> FileProblem | None:
    if len(original.keys) >= _MAX_KEYS_SEEN or len(translation.keys) >= _MAX_KEYS_SEEN:
        return None
    shared = set(original.keys) & set(translation.keys)
    if len(shared) < 2:
        return None  # too little in common to be sure they are the same document
    for kind in ("d:", "n:"):
        a, b = _hard_keys(original.keys, kind), _hard_keys(translation.keys, kind)
        missing, extra = sorted(a - b), sorted(b - a)
        # A translation may leave a value out; a different value in its place is an error.
        if missing and extra:
            return _problem(MISMATCH_TRANSLATION, "", "、".join(k[2:] for k in extra[:3]),
                            "、".join(k[2:] for k in missing[:3]), original.name)
    return None


def cross_check(files: Sequence[FileAnalysis], form: FormCheck | None,
                translation_of: Mapping[str, str]) -> None:
    """Append the cross-check problems to ``files`` (in place): on the registration form's
    file for its fields, on the agreement for its parties, on the translation for its
    numbers and dates."""
    by_name = {f.name: f for f in files}
    for f in files:
        f.problems = [p for p in f.problems if p.code not in CROSS_CHECK_CODES]
    found: list[tuple[str, FileProblem]] = []
    if form is not None and form.file in by_name:
        for p in (_check_licence(form, _files_of(files, LICENCE))
                  + _check_issuer(form, [f for f in _files_of(files, REGISTRATION)
                                         if not f.is_translation])
                  + _check_certificates(form, _files_of(files, CERTIFICATE_RULES))):
            found.append((form.file, p))
        found += _check_parties(form, _files_of(files, AGREEMENT))
    for original, translation in sorted(translation_of.items()):
        o, t = by_name.get(original), by_name.get(translation)
        if o is not None and t is not None:
            mismatch = _check_translation(o, t)
            if mismatch is not None:
                found.append((t.name, mismatch))
    for name, p in found:
        if name in by_name:
            by_name[name].problems.append(p)
