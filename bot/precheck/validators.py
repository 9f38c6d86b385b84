"""Checks of the identifiers and contact data written in the registration form, and masking.

Every function is pure and never raises on odd input (``None``, numbers, blanks): a value
that cannot be read is simply not valid.

- 统一社会信用代码 (unified social credit code): GB 32100-2015.
- 居民身份证号 (resident identity card number): GB 11643-1999, check digit by ISO 7064 MOD 11-2.
- Mobile and office telephone numbers of mainland China, e-mail addresses.
- 职业编码 (occupation code) of 《中华人民共和国职业分类大典》: ``D-DD-DD-DD``.

Personal data (identity numbers, mobile numbers, e-mail addresses) is masked with the
``mask_*`` functions before it is written to a log or shown to anyone but staff.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass

from bot.masking import COUNTRY_PREFIX, as_text, normalize_phone

# ---------------------------------------------------------------------------
# 统一社会信用代码, GB 32100-2015
# ---------------------------------------------------------------------------

# The 31 characters of the code: digits and capital letters without I, O, Z, S, V.
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {c: i for i, c in enumerate(USCC_CHARSET)}
# Weight of position i (1-based) is 3^(i-1) mod 31, for positions 1..17.
USCC_WEIGHTS: tuple[int, ...] = tuple(pow(3, i, 31) for i in range(17))

# Registration-authority code (position 1) → the institution-category codes (position 2)
# it may be followed by.  1 机构编制, 5 民政, 9 工商 and Y 其他 are the standard's own
# table; 2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教, 8 工会, A 中央军委改革和编制办公室 and N 农业
# were assigned to further registration authorities under the same standard.
USCC_CATEGORIES: dict[str, frozenset[str]] = {
    "1": frozenset("1239"),  # 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
    "2": frozenset("19"),  # 外国常驻新闻机构, 其他
    "3": frozenset("123459"),  # 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
    "4": frozenset("19"),  # 外国在华文化中心, 其他
    "5": frozenset("1239"),  # 社会团体, 民办非企业单位, 基金会, 其他
    "6": frozenset("129"),  # 外国及港澳台地区旅游部门常驻代表机构, 其他
    "7": frozenset("129"),  # 宗教活动场所, 宗教院校, 其他
    "8": frozenset("19"),  # 基层工会, 其他
    "9": frozenset("123"),  # 企业, 个体工商户, 农民专业合作社
    "A": frozenset("19"),  # 军队事业单位, 其他
    "N": frozenset("1239"),  # 组级, 村级, 乡镇级集体经济组织, 其他
    "Y": frozenset("1"),  # 其他
}



def uscc_check_char(first17: str) -> str:
    """The check character (position 18) of the first 17 characters of a code.

    Raises ``ValueError`` if ``first17`` is not 17 characters of the code's charset.
    """
    if len(first17) != 17 or any(c not in _USCC_VALUE for c in first17):
        raise ValueError(f"not 17 characters of {USCC_CHARSET}: {first17!r}")
    total = sum(_USCC_VALUE[c] * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def valid_uscc(code: str) -> bool:
    """Whether ``code`` is a valid 统一社会信用代码 (GB 32100-2015).

    18 characters of ``USCC_CHARSET``; a known registration-authority code and an
    institution category allowed for it; positions 3–8 (the registering authority's
    administrative-division code) digits; the check character right.  Surrounding
    spaces are tolerated; lower-case letters are not (the code is printed in capitals).
    """
    code = as_text(code).strip()
    if len(code) != 18 or any(c not in _USCC_VALUE for c in code):
        return False
    if code[1] not in USCC_CATEGORIES.get(code[0], frozenset()):
        return False
    if not code[2:8].isdigit():
        return False
    return uscc_check_char(code[:17]) == code[17]


# ---------------------------------------------------------------------------
# 居民身份证号, GB 11643-1999
# ---------------------------------------------------------------------------

ID_WEIGHTS: tuple[int, ...] = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK = "10X98765432"  # ISO 7064 MOD 11-2: sum mod 11 → check character


def id_check_digit(first17: str) -> str:
    """The check digit (position 18) of the first 17 digits of an identity number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"not 17 digits: {first17!r}")
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def id_birth_date(number: str) -> _dt.date | None:
    """The birth date written in positions 7–14 of an 18-character number, if it is a date."""
    s = as_text(number).strip()
    if len(s) != 18 or not s[6:14].isascii() or not s[6:14].isdigit():
        return None
    try:
        return _dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return None


def valid_id_number(s: str, *, today: _dt.date | None = None) -> bool:
    """Whether ``s`` is a valid 18-character 居民身份证号 (GB 11643-1999).

    17 digits and a check character (a digit or X, lower-case x tolerated); positions
    7–14 a real birth date, not before 1900 and not after ``today``; the check
    character by ISO 7064 MOD 11-2.  Surrounding spaces are tolerated.
    """
    s = as_text(s).strip().upper()
    if len(s) != 18 or not s.isascii() or not s[:17].isdigit():
        return False
    born = id_birth_date(s)
    if born is None or born.year < 1900 or born > (today or _dt.date.today()):
        return False
    return id_check_digit(s[:17]) == s[17]


# ---------------------------------------------------------------------------
# Telephone numbers and e-mail
# ---------------------------------------------------------------------------

_MOBILE = re.compile(r"1[3-9]\d{9}")
# An extension after the number: "转123", "ext. 123", "x123", "-123" (the last only after
# a complete number, see valid_phone).
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|x)\s*\d{1,6}$", re.IGNORECASE)


def valid_mobile(s: str) -> bool:
    """Whether ``s`` is a mainland China mobile number: 11 digits, 1[3-9]…

    Spaces, hyphens and brackets are tolerated, and so is a +86 / 0086 (or (+86)) prefix.
    """
    number = COUNTRY_PREFIX.sub("", normalize_phone(s))
    return bool(_MOBILE.fullmatch(number))


# Area codes: 010, 02X and three-digit 0[3-9]XX codes; the local number 7 or 8 digits,
# not starting with 0 or 1.
_LANDLINE = re.compile(r"0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}")


def valid_phone(s: str) -> bool:
    """Whether ``s`` is an office telephone number: area code + number, or a mobile number.

    ``0771-5678901``, ``(0771) 5678 901``, ``+86 771 5678901``, ``010-12345678 转 801``
    and mobile numbers are accepted.  Several numbers in one cell are not.
    """
    raw = unicodedata.normalize("NFKC", as_text(s)).strip()
    raw = _EXTENSION.sub("", raw).strip()
    if valid_mobile(raw):
        return True
    # An extension written as a last hyphenated group: 0771-5678901-801.
    m = re.fullmatch(r"(.*\d)\s*-\s*\d{1,6}", raw)
    candidates = [raw] + ([m.group(1)] if m else [])
    for candidate in candidates:
        number = normalize_phone(candidate)
        if COUNTRY_PREFIX.match(number):
            number = "0" + COUNTRY_PREFIX.sub("", number)
        if _LANDLINE.fullmatch(number):
            return True
    return False


_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_EMAIL_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def valid_email(s: str) -> bool:
    """Whether ``s`` is one e-mail address ``local@domain.tld`` (ASCII, as forms ask).

    A full-width ＠ or full-width letters are tolerated (read as their ASCII forms).
    """
    s = unicodedata.normalize("NFKC", as_text(s)).strip()
    if len(s) > 254 or s.count("@") != 1:
        return False
    local, domain = s.split("@")
    if not local or len(local) > 64 or not _EMAIL_LOCAL.fullmatch(local):
        return False
    labels = domain.split(".")
    if len(labels) < 2 or not all(_EMAIL_LABEL.fullmatch(label) for label in labels):
        return False
    tld = labels[-1]
    return len(tld) >= 2 and tld.isalpha()


# ---------------------------------------------------------------------------
# 职业编码 of 《中华人民共和国职业分类大典》
# ---------------------------------------------------------------------------

_OCCUPATION_CODE = re.compile(r"[1-8]-\d{2}-\d{2}-\d{2}")
# Dashes people type between the groups: hyphen, the Unicode hyphens and dashes, the
# full-width hyphen-minus and the Chinese long dash.
_DASHES = re.compile(r"\s*[-‐‑‒–—―－~～]\s*")


@dataclass(frozen=True)
class OccupationCodeCheck:
    """The result of reading one occupation code.

    ``normalized`` is the code with full-width digits and other dashes turned into ASCII;
    ``notes`` tells what had to be normalised (``"full_width"``, ``"dash"``, ``"spaces"``),
    so it can be reported even though the code counts as valid.
    """

    raw: str
    normalized: str
    valid: bool
    notes: tuple[str, ...] = ()


def check_occupation_code(s: str) -> OccupationCodeCheck:
    """Read a 职业编码: ``D-DD-DD-DD``, the first digit the major group 1–8 (e.g. 6-31-01-03)."""
    raw = as_text(s)
    stripped = raw.strip()
    notes: list[str] = []
    nfkc = unicodedata.normalize("NFKC", stripped)
    if nfkc != stripped:
        notes.append("full_width")
    dashed = _DASHES.sub("-", nfkc)
    if re.search(r"[‐‑‒–—―~～]", nfkc):
        notes.append("dash")
    if re.search(r"\s", nfkc):
        notes.append("spaces")
    normalized = dashed
    return OccupationCodeCheck(raw=raw, normalized=normalized,
                               valid=bool(_OCCUPATION_CODE.fullmatch(normalized)),
                               notes=tuple(notes))


def valid_occupation_code(s: str) -> bool:
    """Whether ``s`` is a 职业编码 in ``D-DD-DD-DD`` form with major group 1–8.

    Full-width digits and hyphens and other dashes are tolerated (see
    ``check_occupation_code`` for what was normalised).
    """
    return check_occupation_code(s).valid
