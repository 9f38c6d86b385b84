"""Reading and checking the registration form 附件1 (国外职业资格证书及其发证机构资格审核注册表).

The form is read by its labels, all taken from ``bot.notice.ANNEX1``, so it is found
wherever the applicant's layout puts them:

- label and value in one cell or line: ``机构名称：某某`` (full-width or half-width colon,
  or only spaces), several pairs in one cell or line;
- label in one cell and value in the next cell of the row, or in the cell below when the
  row holds only labels (labels as column headers);
- spaces and line breaks inside labels (``机 构 名 称``, ``证书核发机\\n构名称`` as a PDF
  cell wraps it), full-width and half-width brackets, colons and slashes;
- the two ``联系手机`` labels told apart by position: the one after ``单位负责人`` is the
  head's mobile, the one after ``业务联系人`` the contact's;
- empty cells given as ``None`` (pdfplumber) or ``""``;
- no tables at all: ``label：value`` text lines.

The tables (certificates, full-time staff, examiners) are found by their header rows
wherever they are, blank numbered rows are skipped, and a table that a PDF page break cut
in two is read as one.

What is required (``REQUIRED_RULE``): every basic-information field of ANNEX1 that is
marked ``FormField.required`` (all of them on this form), every free-text box of ANNEX1
(sections 三, 四（一）, 四（三） and 六), and at least one certificate row; in a certificate,
staff or examiner row that is filled in at all, every column but 序号.
"""

from __future__ import annotations

from bot.precheck.annex1.checks import occupation_code_notes, read_annex1  # noqa: F401
from bot.precheck.annex1.detect import (  # noqa: F401
    FormEvidence,
    form_evidence,
    looks_like_annex1,
    looks_like_annex2,
)
from bot.precheck.annex1.labels import (  # noqa: F401
    CERTIFICATES,
    CODE_COLUMN,
    EXAMINERS,
    FIELD_NAMES_EN,
    FIELDS,
    FIELDS_BY_KEY,
    FREE_TEXTS,
    ID_COLUMN,
    NUMBER_COLUMN,
    REQUIRED_RULE,
    STAFF,
    TABLES,
    TABLES_BY_KEY,
    FieldSpec,
    FreeTextSpec,
    TableSpec,
    compact,
    field_display,
    is_blank,
    norm,
    row_field,
    unwrap,
)
