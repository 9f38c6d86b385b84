"""Generate sample application packages for the pre-check.

    .venv/bin/python tests/support/sample_package.py OUT_DIR [--clean]

writes a package with known defects (default) or a clean one (``--clean``) into OUT_DIR,
then try it with ``.venv/bin/python -m bot precheck OUT_DIR --format json``.

The clean package has every required material of the notice, in Chinese or in a foreign
language with its Chinese translation (separate file or bilingual), and a correctly
filled registration form (附件1).  The defective package is the clean one with exactly
the defects listed in ``DEFECTS``; the tests check that the pre-check reports those and
no others.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.support import docgen  # noqa: E402

# file name → (material, language of the sample, kind); kind "pdf" or "docx".
CLEAN_FILES: dict[str, tuple[str, str]] = {
    "01 Certificate of Incorporation.pdf": ("1.1.1", "en"),
    "01 Certificate of Incorporation 中文译本.pdf": ("1.1.1", "zh"),
    "02 Articles of Association.docx": ("1.1.2", "en"),
    "02 外方章程（中文译本）.docx": ("1.1.2", "zh"),
    "03 Bank Reference Letter.pdf": ("1.1.4", "en"),
    "03 银行资信证明（中文译本）.pdf": ("1.1.4", "zh"),
    "04 营业执照.pdf": ("1.2.1", "zh"),
    "05 中方机构章程.docx": ("1.2.2", "zh"),
    "06 机构简介.docx": ("1.2.3", "zh"),
    "07 scan_0007.pdf": ("2.1", "zh"),
    "08 证书等级规定及样本.docx": ("2.2", "zh"),
    "09 考试样卷.pdf": ("2.3", "zh"),
    "10 考试章程.docx": ("3.1", "zh"),
    "11 考务管理规则.docx": ("3.2", "zh"),
    "12 考点设置标准.pdf": ("3.3", "zh"),
    "14 合作协议书.pdf": ("4.2", "zh"),
    "15 可行性论证报告.docx": ("4.3", "zh"),
}
FORM_NAME = "13 注册表（附件1）.docx"

# What the defective package changes, and what the pre-check must report for it.
DEFECTS: dict[str, str] = {
    "03 银行资信证明（中文译本）.pdf": "removed: the bank reference (1.1.4) has no translation "
    "-> untranslated",
    "09 考试样卷.pdf": "removed: sample papers (2.3) missing",
    "12 考点设置标准.pdf": "replaced by a scan without text layer -> no_text",
    "11 考务管理规则.docx": "replaced by 11 考务管理规则.doc (old Word format) -> unsupported_type",
    "15 可行性论证报告.docx": "replaced by 15 可行性论证报告.pdf with a password -> encrypted",
    FORM_NAME: "filled with an invalid 统一社会信用代码 and no 电子邮箱 -> invalid_uscc, "
    "missing_field",
    "16 scan_0016.pdf": "added: meeting minutes that are none of the materials -> unclassified",
}

_MINUTES = [
    "Minutes of the Board Meeting",
    "Present: the chair, the treasurer and four members.",
    "The meeting opened at 10 a.m. The chair welcomed the members and the minutes of the "
    "previous meeting were approved without changes.",
    "The members discussed the draft cooperation agreement with the Chinese partner and "
    "asked the secretary to circulate it.",
    "Any other business: none. The meeting closed at 11.30 a.m.",
]


def _write(folder: Path, name: str, material: str, lang: str) -> None:
    docgen.write_sample(folder / name, material, lang)


def build(folder: Path, *, defects: bool = True) -> Path:
    """Write the package into ``folder`` (created if needed) and return it."""
    from tests.support import formgen

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, (material, lang) in CLEAN_FILES.items():
        if defects and name in DEFECTS:
            continue
        _write(folder, name, material, lang)
    if not defects:
        formgen.filled_annex1_docx(folder / FORM_NAME)
        return folder
    formgen.filled_annex1_docx(folder / FORM_NAME, uscc="91110000600037341M", email="")
    docgen.make_image_pdf(folder / "12 考点设置标准.pdf")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1528  # an OLE (Word 97-2003) file
    (folder / "11 考务管理规则.doc").write_bytes(ole)
    title, body = docgen.SAMPLES["4.3"]["zh"]
    docgen.make_pdf(folder / "15 可行性论证报告.pdf", [title, *body], encrypt="secret")
    docgen.make_pdf(folder / "16 scan_0016.pdf", _MINUTES)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--clean", action="store_true", help="a package with no defects")
    args = parser.parse_args(argv)
    build(args.out, defects=not args.clean)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
