"""The pre-check's data: what was read from a file, what was found, and the package result.

Every class converts to and from plain JSON-able dicts (``to_dict`` / ``from_dict``) so a
file's analysis can be stored when it is uploaded and the package re-assembled later
without parsing the file again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Problem codes on a file.
UNREADABLE = "unreadable"  # corrupt, or the parser crashed, hung or ran out of memory
ENCRYPTED = "encrypted"
UNSUPPORTED_TYPE = "unsupported_type"  # .doc, images, anything not PDF/DOCX
NO_TEXT = "no_text"  # scanned: no text layer
EMPTY = "empty"
TOO_LARGE = "too_large"
UNTRANSLATED = "untranslated"  # foreign language, no Chinese translation
UNCLASSIFIED = "unclassified"  # could not be matched to a material
# The package checked against itself (表证一致); ``value`` on the file, ``other`` in
# ``other_file``.  Not blocking: the file is still the material, one value needs correcting.
MISMATCH_USCC = "mismatch_uscc"  # 附件1's credit code against the business licence
MISMATCH_NAME = "mismatch_name"  # 附件1's 机构名称 against the business licence
MISMATCH_ISSUER = "mismatch_issuer"  # 证书核发机构名称 against the foreign registration
MISMATCH_PARTIES = "mismatch_parties"  # the agreement's parties against the institutions
MISMATCH_CERTIFICATE = "mismatch_certificate"  # 附件1's certificate against 2.2
MISMATCH_TRANSLATION = "mismatch_translation"  # a translation's numbers/dates vs its original
CROSS_CHECK_CODES = (MISMATCH_USCC, MISMATCH_NAME, MISMATCH_ISSUER, MISMATCH_PARTIES,
                     MISMATCH_CERTIFICATE, MISMATCH_TRANSLATION)
FILE_PROBLEM_CODES = (UNREADABLE, ENCRYPTED, UNSUPPORTED_TYPE, NO_TEXT, EMPTY, TOO_LARGE,
                      UNTRANSLATED, UNCLASSIFIED) + CROSS_CHECK_CODES
# Problems that stop a file from counting as the material it was meant to be.
BLOCKING_PROBLEMS = (UNREADABLE, ENCRYPTED, UNSUPPORTED_TYPE, NO_TEXT, EMPTY, TOO_LARGE,
                     UNTRANSLATED)

# Problem codes in the registration form (附件1).
MISSING_FIELD = "missing_field"
INVALID_USCC = "invalid_uscc"
INVALID_ID_NUMBER = "invalid_id_number"
INVALID_MOBILE = "invalid_mobile"
INVALID_EMAIL = "invalid_email"
INVALID_OCCUPATION_CODE = "invalid_occupation_code"
NO_CERTIFICATES = "no_certificates"
FORM_PROBLEM_CODES = (MISSING_FIELD, INVALID_USCC, INVALID_ID_NUMBER, INVALID_MOBILE,
                      INVALID_EMAIL, INVALID_OCCUPATION_CODE, NO_CERTIFICATES)

# Material statuses in the package result.
PROVIDED = "provided"
MISSING = "missing"
PROBLEM = "problem"
OPTIONAL = "optional"  # an optional material (1.1.3) that was not supplied

COMPLETE = "complete"
INCOMPLETE = "incomplete"


@dataclass
class Document:
    """What extraction read from one file.

    ``pages`` holds the text of each PDF page, or of each DOCX section (body, then
    headers and footers).  ``tables`` holds every table as rows of cell texts, a merged
    cell read once; nested tables are listed after the table that holds them.
    """

    kind: str  # "pdf" | "docx"
    pages: list[str] = field(default_factory=list)
    page_count: int = 0
    has_text_layer: bool = True
    tables: list[list[list[str]]] = field(default_factory=list)
    title: str = ""  # document metadata title, if any
    page_count_estimated: bool = False  # DOCX without a saved page count: estimated from text
    ocr_pages: int = 0  # pages read by OCR (a scan or a photo)
    ocr_confidence: float = 0.0  # their mean OCR confidence, 0..1
    ocr_skipped: int = 0  # pages of a scan left unread (page or time limit)

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(**d)


@dataclass
class FileProblem:
    code: str  # one of FILE_PROBLEM_CODES
    detail: str = ""  # machine-readable detail, e.g. "timeout", "memory", ".doc"
    value: str = ""  # a cross-check: the value read in this file ...
    other: str = ""  # ... and the one read in ``other_file``
    other_file: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("value", "other", "other_file"):
            if not d[key]:
                del d[key]
        return d


@dataclass
class FormProblem:
    code: str  # one of FORM_PROBLEM_CODES
    field: str  # the form's label, e.g. "统一社会信用代码", or "考评人员情况 第2行 身份证号"
    value: str = ""  # the value found, masked where it is personal data

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FormCheck:
    """The registration form (附件1) as read from one file, and what is wrong in it."""

    file: str
    fields: dict[str, str] = field(default_factory=dict)  # label → value, as read
    certificates: list[dict[str, str]] = field(default_factory=list)
    problems: list[FormProblem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "fields": dict(self.fields),
                "certificates": [dict(c) for c in self.certificates],
                "problems": [p.to_dict() for p in self.problems]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FormCheck:
        return cls(file=d["file"], fields=dict(d.get("fields", {})),
                   certificates=[dict(c) for c in d.get("certificates", [])],
                   problems=[FormProblem(**p) for p in d.get("problems", [])])


@dataclass
class FileAnalysis:
    """Everything the pre-check learnt from one file on its own."""

    name: str
    size: int = 0
    sha256: str = ""
    kind: str = ""  # "pdf" | "docx" | "" when unsupported
    page_count: int = 0
    page_count_estimated: bool = False  # see Document.page_count_estimated
    has_text_layer: bool = False
    text_chars: int = 0
    language: str = "und"
    has_chinese: bool = False
    bilingual: bool = False
    materials: list[str] = field(default_factory=list)  # classified material ids
    candidates: list[tuple[str, float]] = field(default_factory=list)  # best guesses, scored
    is_translation: bool = False  # presents itself as a Chinese translation (译本)
    title: str = ""  # the first meaningful line, for pairing and for people
    keys: list[str] = field(default_factory=list)  # content fingerprints for translation pairing
    facts: dict[str, list[str]] = field(default_factory=dict)  # values for the cross-checks
    problems: list[FileProblem] = field(default_factory=list)
    form: FormCheck | None = None
    annex2: dict[str, Any] | None = None  # the annual summary 附件2 (bot.precheck.annex2)
    register_rows: int | None = None  # a register of certificates: its data rows
    ocr_pages: int = 0  # see Document.ocr_pages
    ocr_confidence: float = 0.0
    ocr_skipped: int = 0

    @property
    def problem_codes(self) -> list[str]:
        return [p.code for p in self.problems]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["candidates"] = [[m, s] for m, s in self.candidates]
        d["problems"] = [p.to_dict() for p in self.problems]
        d["form"] = self.form.to_dict() if self.form else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FileAnalysis:
        d = dict(d)
        d["candidates"] = [(m, float(s)) for m, s in d.get("candidates", [])]
        d["problems"] = [FileProblem(**p) for p in d.get("problems", [])]
        d["form"] = FormCheck.from_dict(d["form"]) if d.get("form") else None
        return cls(**d)


@dataclass
class MaterialStatus:
    id: str
    status: str  # PROVIDED | MISSING | PROBLEM | OPTIONAL
    files: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FileReport:
    """One file's line in the package result (the JSON contract's ``files`` entry)."""

    name: str
    language: str
    materials: list[str] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    translation: str | None = None  # the paired file: the translation of a foreign file, or
    # the original of a translation
    candidates: list[tuple[str, float]] = field(default_factory=list)
    bilingual: bool = False
    page_count: int = 0
    ocr_pages: int = 0  # pages read by OCR; 0: the file has a text layer
    ocr_confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "language": self.language,
            "materials": list(self.materials),
            "problems": [p.code for p in self.problems],
            "problem_details": [p.to_dict() for p in self.problems],
            "translation": self.translation,
            "candidates": [[m, s] for m, s in self.candidates],
            "bilingual": self.bilingual,
            "page_count": self.page_count,
            "ocr": {"pages": self.ocr_pages, "confidence": round(self.ocr_confidence, 3)}
            if self.ocr_pages else None,
        }


@dataclass
class PrecheckResult:
    """The pre-check of a whole package."""

    verdict: str  # COMPLETE | INCOMPLETE
    materials: list[MaterialStatus]
    files: list[FileReport]
    form: FormCheck | None
    generated_at: str  # ISO 8601, with time zone
    reference: str = ""  # the reference number shown to the applicant, if any

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: verdict, materials, files, form (and more keys)."""
        return {
            "verdict": self.verdict,
            "reference": self.reference,
            "generated_at": self.generated_at,
            "materials": [m.to_dict() for m in self.materials],
            "files": [f.to_dict() for f in self.files],
            "form": None if self.form is None else {
                "file": self.form.file,
                "problems": [p.to_dict() for p in self.form.problems],
            },
        }
