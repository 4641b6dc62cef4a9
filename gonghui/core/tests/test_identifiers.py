from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gonghui.core.identifiers import (
    CREDIT_ALPHABET,
    IdentifierError,
    mask_id_number,
    mask_mobile,
    parse_credit_code,
    parse_mobile,
    parse_resident_id,
)
from gonghui.testing import make_id_number


@pytest.mark.parametrize("number", ["11010519491231002X", "34052419800101001X"])
def test_reference_id_numbers_pass(number):
    assert parse_resident_id(number).number == number


def test_reference_failing_id_number_is_refused():
    with pytest.raises(IdentifierError, match="校验位"):
        parse_resident_id("340524198001010013")


def test_birth_date_and_gender_come_from_the_number():
    rid = parse_resident_id("11010519491231002X")
    assert rid.birth_date == date(1949, 12, 31)
    assert rid.gender == "F"  # 17th digit 2 is even


def test_spaces_full_width_digits_and_lowercase_x_are_normalised():
    assert parse_resident_id(" １１０１０５ 1949 1231 002x ").number == "11010519491231002X"


def test_old_fifteen_digit_number_is_upgraded():
    rid = parse_resident_id("110105491231002")
    assert rid.number == "11010519491231002X"
    assert rid.upgraded_from_15


@pytest.mark.parametrize("raw, message", [
    ("1.10105E+17", "科学计数法"),
    ("110105194912310000", "15位精度"),
    ("11010519491231", "18位"),
    ("110105199913310021", "出生日期"),
])
def test_excel_damage_is_named(raw, message):
    with pytest.raises(IdentifierError, match=message):
        parse_resident_id(raw)


def test_birth_date_in_the_future_is_refused():
    with pytest.raises(IdentifierError, match="合理范围"):
        parse_resident_id(make_id_number(date(2031, 1, 1)), today=date(2026, 11, 25))


@given(st.dates(min_value=date(1930, 1, 1), max_value=date(2008, 12, 31)), st.integers(0, 999),
       st.integers(0, 16), st.integers(1, 9))
def test_every_single_character_change_fails_the_check(birth, seq, pos, delta):
    number = make_id_number(birth, seq)
    chars = list(number)
    chars[pos] = str((int(chars[pos]) + delta) % 10)
    with pytest.raises(IdentifierError):
        parse_resident_id("".join(chars))


@given(st.dates(min_value=date(1930, 1, 1), max_value=date(2008, 12, 31)), st.integers(0, 999), st.integers(0, 16))
def test_every_swap_of_adjacent_different_characters_fails_the_check(birth, seq, pos):
    number = make_id_number(birth, seq)
    if number[pos] == number[pos + 1]:
        return
    chars = list(number)
    chars[pos], chars[pos + 1] = chars[pos + 1], chars[pos]
    with pytest.raises(IdentifierError):
        parse_resident_id("".join(chars))


def test_reference_credit_code_passes_and_a_typo_fails():
    assert parse_credit_code("91350100M000100Y43") == "91350100M000100Y43"
    with pytest.raises(IdentifierError, match="校验位"):
        parse_credit_code("91350100M000100Y44")


def test_credit_code_letters_outside_the_alphabet_are_named():
    assert "I" not in CREDIT_ALPHABET
    with pytest.raises(IdentifierError, match="I"):
        parse_credit_code("91350100I000100Y43")


@pytest.mark.parametrize("raw", ["+86 138-1234-5678", "008613812345678", "13812345678.0", "13812345678"])
def test_mobile_numbers_are_normalised(raw):
    assert parse_mobile(raw) == "13812345678"


@pytest.mark.parametrize("raw, message", [("0574-8680000", "座机"), ("1.38E+10", "科学计数法"), ("12812345678", "11位")])
def test_bad_mobile_numbers_are_refused(raw, message):
    with pytest.raises(IdentifierError, match=message):
        parse_mobile(raw)


def test_masks_keep_the_agreed_positions():
    assert mask_id_number("110105194912311234") == "110105********1234"
    assert mask_mobile("13812345678") == "138****5678"
