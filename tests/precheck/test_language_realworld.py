"""Language identification on real-world text: short English lines, tables of numbers,
OCR noise, vertical CJK, kanji-only Japanese headings; the same answer every time."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.precheck.language import detect_language, join_vertical


@pytest.mark.parametrize("text", [
    "Opening balance 2,300.00 closing balance 1,980.50",
    "Votes cast 4,512 turnout 61%",
    "Page 3 of 12",
    "Minutes of the annual meeting",
    "Item 4 Other business",
    "Route 7 via station road 14:20 15:05",
    "Held at the town hall on 3 May",
    "Tota1 arnount due 1,25O.OO payab1e within 3O days",
    "Tlie cornpany is registered in Eng1and and Wales No. 0457 2231",
    "Mernber list: J. Srnith, A. Patel, K. 0'Neill, paid 2O19",
])
def test_short_english_lines_numbers_and_ocr_noise_are_english(text):
    assert detect_language(text).language == "en"


def test_a_table_of_numbers_with_english_headings_is_english():
    table = "\n".join(["Name\tVotes\tShare", "Ward 1\t1,204\t38.2%", "Ward 2\t988\t31.0%",
                       "Ward 3\t1,001\t30.8%", "Total\t3,193\t100%"])
    assert detect_language(table).language == "en"


@pytest.mark.parametrize("text, lang", [
    ("La società è iscritta nel registro delle imprese di Milano", "it"),
    ("A empresa está registada na conservatória do registo comercial", "pt"),
    ("De vennootschap is ingeschreven bij de Kamer van Koophandel", "nl"),
    ("Sitz der Gesellschaft Köln", "de"),
])
def test_other_latin_languages_still_told_apart(text, lang):
    assert detect_language(text).language == lang


def test_vertical_cjk_is_joined_before_voting():
    assert join_vertical("定\n款\n第\n一\n章") == "定款第一章"
    assert detect_language("定\n款\n第\n一\n章\n総\n則").language == "ja"
    assert detect_language("取\n締\n役\n会").language == "ja"
    assert detect_language("公\n司\n简\n介").language == "zh"
    assert detect_language("证\n书\n样\n本").language == "zh"


@pytest.mark.parametrize("text, lang", [
    ("取締役会議事録", "ja"), ("営業許可証", "ja"), ("総会決議書", "ja"),
    ("令和二年度事業報告", "ja"), ("定 款", "ja"),
    ("营业执照", "zh"), ("合作协议书", "zh"), ("银行资信证明", "zh"),
])
def test_kanji_only_headings_japanese_against_chinese(text, lang):
    assert detect_language(text).language == lang


def test_results_are_the_same_on_every_run_and_in_every_process():
    texts = ["Certificat d'examen", "Bank reference", "Statuto sociale", "Valor total 4.500",
             "Jaarverslag 2024", "Prüfungsordnung", "Tbe applicaticn was rece1ved"]
    first = [detect_language(t).language for t in texts]
    for _ in range(3):
        assert [detect_language(t).language for t in reversed(texts)][::-1] == first
    code = ("from bot.precheck.language import detect_language as d;"
            f"print(','.join(d(t).language for t in {texts!r}))")
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env={"PYTHONHASHSEED": seed, "PYTHONPATH": "."}, check=True)
        assert out.stdout.strip().split(",") == first
