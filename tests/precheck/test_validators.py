"""The identifier, contact and occupation-code checks, and masking."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.masking import mask_email, mask_id_number, mask_mobile, mask_personal_data
from bot.precheck.validators import (
    USCC_CHARSET,
    check_occupation_code,
    id_check_digit,
    uscc_check_char,
    valid_email,
    valid_id_number,
    valid_mobile,
    valid_occupation_code,
    valid_phone,
    valid_uscc,
)

# --- 统一社会信用代码 (GB 32100-2015) ----------------------------------------


def test_uscc_standard_example_is_valid():
    assert valid_uscc("91110000600037341L")


def test_uscc_check_char_of_the_example():
    assert uscc_check_char("91110000600037341") == "L"


@pytest.mark.parametrize("first17", [
    "12450000MB0012345",  # 机构编制 / 事业单位
    "51450100MJ1234567",  # 民政 / 社会团体
    "52450000MJ0000001",  # 民政 / 民办非企业单位
    "92450103MA5L00000",  # 工商 / 个体工商户
    "Y1450000MA0000000",  # 其他
    "31450000E00000000",  # 司法行政 / 律师执业机构
])
def test_uscc_codes_of_other_authorities_and_categories(first17):
    assert valid_uscc(first17 + uscc_check_char(first17))


def test_uscc_surrounding_spaces_tolerated():
    assert valid_uscc("  91110000600037341L ")


@pytest.mark.parametrize("code", [
    "91110000600037341M",  # wrong check character
    "91110000600037341",  # 17 characters
    "91110000600037341LL",  # 19
    "91110000600037341l",  # lower case
    "",
])
def test_uscc_wrong_check_length_or_case(code):
    assert not valid_uscc(code)


@pytest.mark.parametrize("forbidden", "IOZSV")
def test_uscc_forbidden_characters(forbidden):
    code = "9111000060003734" + forbidden  # 17 characters, the last one forbidden
    # Whatever the 18th character, a forbidden one anywhere makes the code invalid.
    assert not any(valid_uscc(code + c) for c in USCC_CHARSET + "IOZSV")


def test_uscc_unknown_authority_or_category():
    for first17 in ("01110000600037341", "94110000600037341", "Y2110000600037341",
                    "B1110000600037341"):
        assert not valid_uscc(first17 + uscc_check_char(first17)), first17


def test_uscc_region_must_be_digits():
    first17 = "911A0000600037341"
    assert not valid_uscc(first17 + uscc_check_char(first17))


def test_uscc_odd_input_is_not_valid():
    assert not valid_uscc(None)  # type: ignore[arg-type]
    assert not valid_uscc(91110000600037341)  # type: ignore[arg-type]


# --- 居民身份证号 (GB 11643-1999) ---------------------------------------------


def test_id_standard_example_is_valid():
    assert valid_id_number("11010519491231002X")
    assert id_check_digit("11010519491231002") == "X"


def test_id_lower_case_x_and_spaces_tolerated():
    assert valid_id_number(" 11010519491231002x ")


def test_id_generated_valid():
    first17 = "45010219800229123"  # 1980 is a leap year
    assert valid_id_number(first17 + id_check_digit(first17))


@pytest.mark.parametrize("number", [
    "110105194912310021",  # wrong check digit
    "11010519491231002",  # 17
    "1101051949123100211",  # 19
    "11010519491231002Y",
    "A1010519491231002X",
    "",
])
def test_id_wrong_check_digit_length_or_chars(number):
    assert not valid_id_number(number)


@pytest.mark.parametrize("birth", ["19491331", "19490230", "19810229", "18991231", "00000000"])
def test_id_impossible_or_too_early_birth_date(birth):
    first17 = f"110105{birth}002"
    assert not valid_id_number(first17 + id_check_digit(first17))


def test_id_birth_date_in_the_future():
    first17 = "11010520300101002"
    number = first17 + id_check_digit(first17)
    assert not valid_id_number(number, today=dt.date(2029, 12, 31))
    assert valid_id_number(number, today=dt.date(2030, 1, 1))


# --- telephone numbers, e-mail -------------------------------------------------


@pytest.mark.parametrize("number", ["13800138000", "138 0013 8000", "138-0013-8000",
                                    "+86 138 0013 8000", "0086-13800138000", "+8613800138000",
                                    "(+86) 19912345678", "１３８００１３８０００"])
def test_valid_mobiles(number):
    assert valid_mobile(number)


@pytest.mark.parametrize("number", ["12800138000", "1380013800", "138001380001",
                                    "0771-5678901", "13800l38000", "", "+1 415 555 0100"])
def test_invalid_mobiles(number):
    assert not valid_mobile(number)


@pytest.mark.parametrize("number", ["0771-5678901", "(0771) 5678 901", "0771 5678901",
                                    "010-62345678", "+86 771 5678901", "0771-5678901-801",
                                    "0771-5678901 转 801", "13800138000"])
def test_valid_office_phones(number):
    assert valid_phone(number)


@pytest.mark.parametrize("number", ["5678901", "0771-567890", "0771-0678901", "12345",
                                    "0771-5678901 / 0771-5678902", "电话", ""])
def test_invalid_office_phones(number):
    assert not valid_phone(number)


@pytest.mark.parametrize("address", ["contact@example.com", "li.na+cert@mail.example.org.cn",
                                     "A_B-c@sub-domain.example.co", "contact＠example.com"])
def test_valid_emails(address):
    assert valid_email(address)


@pytest.mark.parametrize("address", ["contact.example.com", "a@@example.com", "a@b@example.com",
                                     "contact@example", "contact@example.c", "con tact@example.com",
                                     ".contact@example.com", "con..tact@example.com",
                                     "contact@-example.com", "contact@example.com.", ""])
def test_invalid_emails(address):
    assert not valid_email(address)


# --- 职业编码 ------------------------------------------------------------------


@pytest.mark.parametrize("code", ["6-31-01-03", "1-01-00-01", "8-00-00-00", " 4-07-05-02 "])
def test_valid_occupation_codes(code):
    assert valid_occupation_code(code)
    assert check_occupation_code(code).notes == ()


def test_full_width_occupation_code_is_read_but_reported():
    checked = check_occupation_code("６－３１－０１－０３")
    assert checked.valid and checked.normalized == "6-31-01-03"
    assert "full_width" in checked.notes


def test_long_dash_occupation_code_is_read_but_reported():
    checked = check_occupation_code("6—31—01—03")
    assert checked.valid and checked.normalized == "6-31-01-03"
    assert "dash" in checked.notes


@pytest.mark.parametrize("code", ["9-31-01-03", "0-31-01-03", "6-3101-03", "6-31-01",
                                  "6-31-01-03-01", "6-3a-01-03", "63101 03", "6-1-01-03", ""])
def test_invalid_occupation_codes(code):
    assert not valid_occupation_code(code)


# --- masking -------------------------------------------------------------------


def test_mask_id_number_hides_the_birth_date():
    masked = mask_id_number("11010519491231002X")
    assert masked == "110***********002X"
    assert "19491231" not in masked


def test_mask_mobile_and_email():
    assert mask_mobile("138 0013 8000") == "138****8000"
    assert mask_mobile("+86 13800138000") == "+86138****8000"
    assert mask_email("zhangsan@example.com") == "z***@example.com"
    assert mask_id_number("") == mask_mobile("") == mask_email("") == ""


def test_mask_personal_data_in_free_text():
    text = ("联系人王芳，身份证11010519491231002X，手机138-0013-8000，邮箱 wangfang@example.com；"
            "统一社会信用代码91110000600037341L，办公电话0771-5678901。")
    masked = mask_personal_data(text)
    for raw in ("11010519491231002X", "19491231", "0013", "wangfang@"):
        assert raw not in masked
    # Codes that are not personal data stay readable.
    assert "91110000600037341L" in masked and "0771-5678901" in masked
    assert mask_personal_data(masked) == masked


def test_mask_personal_data_masks_invalid_id_numbers_too():
    assert "19491231" not in mask_personal_data("身份证号：110105194912310021")
