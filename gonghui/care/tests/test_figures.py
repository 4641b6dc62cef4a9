"""Each care figure equals its list: the records page a figure links to counts (or totals) what the figure says.

A year of records is entered for 甲街道 through the services, with some of them outside the year or in 乙街道;
the tricky figures (people against person-times, the fund's denominator, cumulative cards) are checked
against numbers counted by hand.
"""

import re
from datetime import date
from decimal import Decimal

import pytest

from gonghui.care import services
from gonghui.care.choices import MedicalCategory, SchoolLevel, VisitCampaign, VisitReason
from gonghui.care.figures import FIGURES
from gonghui.core.figures import Figure, Ratio, figure_get, figure_records, figure_value
from gonghui.core.periods import year_period
from gonghui.org.models import Enterprise

from .helpers import active_file, enterprise, member, pay

pytestmark = pytest.mark.django_db

YEAR = year_period(2025)
IN_YEAR, LAST_YEAR, NEXT_YEAR = date(2025, 5, 10), date(2024, 5, 10), date(2026, 1, 20)
PLAIN = [f.key for f in FIGURES if isinstance(f, Figure)]


@pytest.fixture
def year(cast):
    """A year of care records at union_a1 (and a few the year or the subtree leaves out)."""
    officer = cast.officer
    people = [member(cast.union_a1, 4000 + n, category="retired" if n == 5 else "employed") for n in range(6)]
    file = active_file(cast, who=people[0], applied_on=date(2025, 2, 1))
    pay(cast, file, "1500", paid_on=IN_YEAR)
    pay(cast, file, "700", paid_on=NEXT_YEAR)

    required = [enterprise(cast.union_a1, n, headcount=300) for n in range(3)]
    Enterprise.objects.filter(pk__in=[e.pk for e in required]).update(above_designated_size=True)
    funded = [services.fund_create(actor=officer, enterprise=e, established_on=LAST_YEAR) for e in required[:2]]
    services.fund_create(actor=officer, enterprise=cast.union_a1.enterprises.get(name__endswith="所在企业"),
                         established_on=LAST_YEAR)
    services.fund_contribute(actor=officer, fund=funded[0], amount=Decimal("30000"), on_date=LAST_YEAR)
    services.fund_contribute(actor=officer, fund=funded[1], amount=Decimal("20000"), on_date=NEXT_YEAR)
    for person in (people[1], people[1], people[2]):  # one person helped twice is one 救助对象
        services.fund_payout(actor=officer, fund=funded[0], member=person, amount=Decimal("1000"),
                             paid_on=IN_YEAR, reason="住院")

    for reason in VisitReason.values:
        services.visit_create(actor=officer, member=people[3], reason=reason, visited_on=IN_YEAR, visitors="主席",
                              money=Decimal("200"), goods="水果", goods_value=Decimal("50"))
    for person in (people[3], people[3], people[4]):  # visited twice, counted once among those visited
        services.visit_create(actor=officer, member=person, reason=VisitReason.FESTIVAL,
                              campaign=VisitCampaign.WINTER_WARMTH, visited_on=date(2025, 1, 20), visitors="主席",
                              money=Decimal("500"))
    for workers in (120, 80):  # one enterprise cooled twice: one enterprise, both visits' workers
        services.visit_create(actor=officer, enterprise=required[0], reason=VisitReason.HEAT,
                              campaign=VisitCampaign.SUMMER_COOLING, visited_on=date(2025, 7, 15), visitors="主席",
                              goods="饮料", goods_value=Decimal("900"), workers_reached=workers)

    for level in SchoolLevel.values:
        services.schooling_grant_create(actor=officer, member=people[1], student_name=f"学生{level}",
                                        school_level=level, amount=Decimal("1000"), granted_on=date(2025, 9, 1))

    unit = services.medical_unit_enrol(actor=officer, union=cast.union_a1, year=2025, whole_unit=True)
    services.medical_enrol_whole_unit(actor=officer, unit=unit, enrolled_on=date(2024, 12, 10))
    services.medical_unit_enrol(actor=officer, union=cast.union_a1, enterprise=required[1], year=2025)
    for category in (MedicalCategory.ANKANG, MedicalCategory.SPECIAL):
        enrolment = services.medical_member_enrol(actor=officer, unit=unit, member=people[0], category=category,
                                                  enrolled_on=date(2024, 12, 10))
    services.medical_claim_create(actor=officer, enrolment=enrolment, amount=Decimal("800"), paid_on=IN_YEAR)

    for person, collected, issued in ((people[0], LAST_YEAR, LAST_YEAR), (people[1], LAST_YEAR, IN_YEAR),
                                      (people[2], IN_YEAR, None), (people[3], IN_YEAR, IN_YEAR),
                                      (people[4], NEXT_YEAR, NEXT_YEAR)):
        card = services.service_card_collect(actor=officer, member=person, collected_on=collected)
        if issued:
            services.service_card_issue(actor=officer, card=card, issued_on=issued)

    # Elsewhere: 乙街道's records never count in 甲街道.
    services.visit_create(actor=cast.other_officer, member=cast.member_b1, reason=VisitReason.ILLNESS,
                          visited_on=IN_YEAR, visitors="主席", money=Decimal("300"))
    return people


def value(cast, key: str, *, union=None, user=None):
    return figure_value(figure_get(key), user=user or cast.street_admin, union=union or cast.street_a,
                        period=YEAR)


def listed(client, url: str) -> tuple[int, str, str]:
    """The list page's rows (this page), its total row, and its text."""
    text = client.get(url).content.decode()
    body = text.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    total = re.search(r'id="records-total" data-value="([^"]*)"', text)[1]
    return body.count("<tr>"), total, text


@pytest.mark.parametrize("key", PLAIN)
def test_each_care_figure_equals_the_count_or_total_of_its_list(cast, year, client_for, key):
    figure = figure_get(key)
    shown = value(cast, key)
    assert shown.value, f"{key}: the records entered for it should count"
    rows, total, _ = listed(client_for(cast.street_admin), shown.url)
    if figure.total is None:
        assert rows == shown.value and total == str(shown.value)
    else:
        assert Decimal(total) == shown.value
    record = figure_records(figure, user=cast.street_admin, union=cast.street_a, period=YEAR).first()
    for column in figure.columns:  # Column.read gives None for a missing attribute: walk the path strictly
        found = record
        for part in column.value.split(".") if isinstance(column.value, str) else ():
            found = getattr(found, part) if found is not None else None


def test_medical_aid_counts_people_once_and_person_times_for_each_category(cast, year, client_for):
    """people[0] is enrolled in 在职, 安康 and 特种: one of 参保人数, three of 参保人次."""
    enrolled_people = 7  # the cast's member_a1 and the six of the fixture, all enrolled with the whole unit
    assert value(cast, "care.medical_people").value == enrolled_people
    assert value(cast, "care.medical_enrolments").value == enrolled_people + 2
    assert [value(cast, f"care.medical_{code}").value for code in MedicalCategory.values] == [6, 1, 1, 1]
    rows, total, text = listed(client_for(cast.street_admin), value(cast, "care.medical_people").url)
    assert rows == int(total) == enrolled_people and text.count(f">{year[0].name}</") == 1
    rows, _, text = listed(client_for(cast.street_admin), value(cast, "care.medical_enrolments").url)
    assert rows == enrolled_people + 2 and text.count(f">{year[0].name}</") == 3


def test_people_helped_or_visited_twice_count_once(cast, year):
    assert value(cast, "care.fund_helped").value == 2 and value(cast, "care.fund_paid").value == Decimal("3000")
    assert value(cast, "care.winter_members").value == 2 and value(cast, "care.winter_value").value == 1500
    assert value(cast, "care.summer_enterprises").value == 1 and value(cast, "care.summer_workers").value == 200
    assert value(cast, "care.schooling_families").value == 1 and value(cast, "care.schooling_amount").value == 3000


def test_the_fund_rate_is_over_the_enterprises_required_to_have_one(cast, year, client_for):
    """Three funds, two of them at 规模以上企业, out of three 规模以上企业: 66.7%, and one left to close."""
    assert value(cast, "care.funds").value == 3
    rate = value(cast, "care.fund_coverage")
    assert isinstance(rate.figure, Ratio) and rate.text == "66.7%"
    assert [part.value for part in rate.parts] == [2, 3]
    gap = value(cast, "care.fund_required_without_fund")
    rows, total, text = listed(client_for(cast.street_admin), gap.url)
    assert gap.sentence == "尚有1家规模以上企业未建立帮困基金" and rows == int(total) == 1
    assert "测试企业2" in text and "测试企业0" not in text
    assert value(cast, "care.fund_total").value == Decimal("30000")  # what was in by the period's end


def test_cards_count_the_period_and_everything_up_to_its_end(cast, year, client_for):
    counts = {key: value(cast, f"care.cards_{key}").value
              for key in ("collected", "issued", "collected_total", "issued_total")}
    assert counts == {"collected": 2, "issued": 2, "collected_total": 4, "issued_total": 3}
    _, _, text = listed(client_for(cast.street_admin), value(cast, "care.cards_collected_total").url)
    assert year[0].name in text and year[4].name not in text  # last year's in, next year's out


def test_a_care_figure_is_withheld_without_the_grant_and_others_are_not(cast, year):
    assert value(cast, "care.hardship_aid", user=cast.auditor, union=cast.county).value is None
    assert value(cast, "care.fund_helped", user=cast.auditor, union=cast.county).value is None
    assert value(cast, "care.visits", user=cast.auditor, union=cast.county).value == len(VisitReason.values) + 6
