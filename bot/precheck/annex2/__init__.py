"""Reading and checking the annual summary 附件2 (国外职业资格证书发证机构年度核发证书信息汇总表).

Sent every December to the free-trade-zone city's department (《通知》六（四））.  The form is
read with the label machinery of :mod:`bot.precheck.annex1` (same tolerance of layouts: label
and value in one cell, next cell, cell below, text lines of a PDF), with 附件2's own layout:
the free-text boxes 三、工作情况汇报 and 四、核发证书信息名册 and the table 二.

What is checked (everything at once, in the form's order):

- 一、单位基本信息: every field present; 统一社会信用代码 (GB 32100), both mobiles, e-mail valid;
- 二: the year in the heading's brackets filled in, a year from :data:`FIRST_YEAR` to this
  year; at least one certificate row; in each row 证书名称, 对应我国职业（工种）名称及等级,
  职业编码 (D-DD-DD-DD) and 发证数量 (a positive whole number); a 合计 row, if there is one,
  equal to the sum;
- 三: not empty;
- 四: the register written in, or attached (an attached register file: DOCX, PDF or XLSX,
  whose data rows are counted and compared with the total of 发证数量).
"""

from __future__ import annotations

from bot.precheck.annex2.checks import (  # noqa: F401
    FIRST_YEAR,
    INVALID_COUNT,
    INVALID_YEAR,
    NO_ISSUED_ROWS,
    NO_REGISTER,
    REGISTER_MISMATCH,
    TOTAL_MISMATCH,
    YEAR_FIELD,
    Annex2Check,
    check_register,
    read_annex2,
)
from bot.precheck.annex2.register import count_register_rows, looks_like_register  # noqa: F401
