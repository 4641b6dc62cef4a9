from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gonghui.core.identifiers import (CREDIT_ALPHABET, IdentifierError, mask_id_number, mask_mobile, parse_credit_code,
                                      parse_mobile, parse_resident_id)
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


def _with_check(first17: str) -> str:
    from gonghui.core.identifiers import credit_check_char

    return first17 + credit_check_char(first17)


def test_an_area_code_no_province_has_is_refused():
    with pytest.raises(IdentifierError, match="行政区划"):
        parse_resident_id(make_id_number(date(1980, 1, 1), area="000000"))
    with pytest.raises(IdentifierError, match="行政区划"):
        parse_resident_id(make_id_number(date(1980, 1, 1), area="990101"))


@pytest.mark.parametrize("area", [
    "110105",  # Beijing Chaoyang
    "429004",  # Xiantao, coded in 1994: people born before then carry it too
    "119999",  # unknown county of a real province: area codes change, so not refused
    "810000", "820000", "830000",  # residence permits of Hong Kong, Macao and Taiwan residents
])
def test_area_codes_that_can_exist_pass(area):
    number = make_id_number(date(1970, 5, 6), area=area)
    assert parse_resident_id(number).number == number


@pytest.mark.parametrize("code", [
    "91350100M000100Y43",
    _with_check("81429004MA0000007"),  # a grassroots union (工会 / 基层工会)
    _with_check("N2429004MA0000007"),  # a village collective economic organisation
    _with_check("52429004MA0000007"),  # a private non-enterprise unit
])
def test_credit_codes_of_existing_authority_and_type_pairs_pass(code):
    assert parse_credit_code(code) == code


@pytest.mark.parametrize("first2", ["99", "01", "94", "A5", "Y9", "B1"])
def test_a_registration_authority_and_entity_type_pair_gb32100_lacks_is_refused(first2):
    with pytest.raises(IdentifierError, match=f"“{first2}”.*登记管理部门"):
        parse_credit_code(_with_check(f"{first2}350100M000100Y4"))


def test_a_wrong_organisation_code_check_character_is_refused():
    # M000100Y's GB 11714 check character is 4; the code's own check character is recomputed so only that is wrong.
    with pytest.raises(IdentifierError, match="组织机构代码"):
        parse_credit_code(_with_check("91350100M000100Y5"))


def test_the_generators_make_numbers_the_stricter_rules_accept():
    from random import Random

    from gonghui.demo.identity import CreditCodes, ResidentIds
    from gonghui.testing import make_credit_code

    assert all(parse_credit_code(make_credit_code(serial)) for serial in (0, 1, 900, 12345678))
    rng, codes = Random(7), CreditCodes()
    assert all(parse_credit_code(codes.issue(rng, registration=reg)) for reg in ("91", "92", "93") * 50)
    ids = ResidentIds(first_birth=date(1960, 1, 1), last_birth=date(2000, 12, 31))
    assert all(parse_resident_id(ids.issue(rng, day=day, male=day % 2 == 0)) for day in range(0, 14000, 97))
