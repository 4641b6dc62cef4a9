"""Each figure of the source year summary, entered as records and read back from the statistics.

The period is 1 January – 30 November 2025 (the summaries' "1—11月") for 甲街道总工会;
records just outside the period or in the other street are entered too, and must not count.
"""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape, strip_tags

from gonghui.care import selectors, services
from gonghui.care.choices import HardshipLevel, MedicalCategory, VisitCampaign, VisitReason
from gonghui.care.figures import FIGURES
from gonghui.core.periods import Period
from gonghui.core.scoping import subtree_cache
from gonghui.org.models import Enterprise
from gonghui.testing import make_credit_code

from .helpers import active_file, apply, days_ago, member

pytestmark = pytest.mark.django_db

START, END = date(2025, 1, 1), date(2025, 11, 30)
AFTER = date(2025, 12, 10)


def figures(cast, union=None, user=None):
    return selectors.care_statistics(user=user or cast.street_admin, union=union or cast.street_a,
                                     period=Period(start=START, end=END))


def line(cast, key: str, **kwargs) -> str:
    return figures(cast, **kwargs).line(key).text


def members(cast, first: int, count: int, **kwargs):
    return [member(cast.union_a1, first + n, **kwargs) for n in range(count)]


def enterprises(union, first: int, count: int, *, above_designated_size: bool = False) -> list[Enterprise]:
    return Enterprise.objects.bulk_create(
        Enterprise(tenant_id=union.tenant_id, union=union, name=f"企业{first + n}",
                   credit_code=make_credit_code(first + n), headcount=200,
                   above_designated_size=above_designated_size) for n in range(count))


def pay(actor, file, amount, on):
    return services.aid_payment_create(actor=actor, file=file, kind="living", amount=Decimal(amount), paid_on=on,
                                       fund_source="higher_union")


def test_hardship_source_sentence(cast):
    """新增困难职工3人，现共有困难职工26人，发放各类困难补助4.9万元"""
    people = members(cast, 1000, 28)
    before = [active_file(cast, who=m, applied_on=date(2024, 3, 1)) for m in people[:22]]
    within = [active_file(cast, who=m, applied_on=date(2025, 4, 1)) for m in people[22:25]]
    closed_after_end = active_file(cast, who=people[25], applied_on=date(2024, 5, 1))
    closed_within = active_file(cast, who=people[26], applied_on=date(2024, 5, 1))
    for file, on in ((closed_within, date(2025, 6, 1)), (closed_after_end, AFTER)):
        services.hardship_file_yearly_review(actor=cast.officer, file=file, outcome="closed",
                                             close_reason="recovered", on_date=on)
    apply(cast, who=people[27], applied_on=date(2025, 5, 1))  # still under review: not a hardship worker yet
    for file in before[:20]:
        pay(cast.officer, file, "2000", date(2025, 2, 1))
    for file in within:
        pay(cast.officer, file, "3000", date(2025, 4, 2))
    pay(cast.officer, before[0], "5000", date(2024, 12, 20))
    pay(cast.officer, before[1], "7000", date(2025, 12, 1))
    elsewhere = apply(cast, who=cast.member_b1, applied_on=date(2025, 4, 1), actor=cast.other_officer)
    services.hardship_file_union_review(actor=cast.other_officer, file=elsewhere, approve=True,
                                        on_date=date(2025, 4, 1))
    elsewhere = services.hardship_file_federation_review(actor=cast.county_admin, file=elsewhere, approve=True,
                                                         level=HardshipLevel.DEEP, on_date=date(2025, 4, 2))
    pay(cast.other_officer, elsewhere, "10000", date(2025, 5, 1))

    assert line(cast, "hardship") == "新增困难职工3人，现共有困难职工26人，发放各类困难补助4.9万元"
    county = line(cast, "hardship", union=cast.county, user=cast.county_admin)
    assert county == "新增困难职工4人，现共有困难职工27人，发放各类困难补助5.9万元"


def test_fund_source_sentences(cast):
    """217家企业建立了内部帮困基金，基金组建占97.3%，基金总额达到587.8万元 … 企业帮困基金共发放17.6万元，救助对象38人

    组建占 is over the enterprises required to have a fund (规模以上企业), not over every enterprise covered.
    """
    required = enterprises(cast.union_a1, 2000, 220, above_designated_size=True)
    others = enterprises(cast.union_a1, 2300, 3)
    actor = cast.street_admin
    funds = [services.fund_create(actor=actor, enterprise=e, established_on=date(2024, 6, 1))
             for e in required[:214] + others]
    services.fund_create(actor=actor, enterprise=required[214], established_on=AFTER)  # not yet at the period's end
    for n, fund in enumerate(funds):
        amount = Decimal("27000") + (Decimal("19000") if n == 0 else 0)
        services.fund_contribute(actor=actor, fund=fund, amount=amount, on_date=date(2024, 6, 1))
    services.fund_contribute(actor=actor, fund=funds[1], amount=Decimal("100000"), on_date=AFTER)
    helped = members(cast, 3000, 38)
    services.fund_payout(actor=actor, fund=funds[0], member=helped[0], amount=Decimal("3000"),
                         paid_on=date(2024, 12, 1), reason="年前困难补助")
    for n, person in enumerate(helped):
        services.fund_payout(actor=actor, fund=funds[n], member=person, amount=Decimal("4000"),
                             paid_on=date(2025, 3, 1), reason="大病救助")
    services.fund_payout(actor=actor, fund=funds[0], member=helped[0], amount=Decimal("24000"),
                         paid_on=date(2025, 8, 1), reason="大病二次救助")
    other = enterprises(cast.union_b1, 2500, 2, above_designated_size=True)
    services.fund_create(actor=cast.other_officer, enterprise=other[0], established_on=date(2024, 1, 1))

    result = figures(cast)
    assert result.line("fund_coverage").text == (
        "217家企业建立了内部帮困基金，基金组建占97.3%，基金总额达到587.8万元。尚有6家规模以上企业未建立帮困基金")
    assert result.line("fund_payouts").text == "企业帮困基金共发放17.6万元，救助对象38人"
    assert [result.values[key].value for key in ("care.fund_required", "care.fund_required_with_fund")] == [220, 214]


def test_full_fund_coverage_is_said_in_words_and_links_to_its_list(cast, client_for):
    """规模以上企业帮困基金实现全覆盖: every required enterprise has a fund; one without is named in its list."""
    required = enterprises(cast.union_a1, 2000, 3, above_designated_size=True)
    enterprises(cast.union_a1, 2100, 2)  # not required: without a fund, they do not spoil the coverage
    for enterprise in required[:2]:
        services.fund_create(actor=cast.officer, enterprise=enterprise, established_on=date(2024, 6, 1))
    result = figures(cast)
    assert result.line("fund_coverage").text.endswith("基金组建占66.7%，基金总额达到0.0万元。尚有1家规模以上企业未建立帮困基金")
    gap = result.values["care.fund_required_without_fund"]
    page = client_for(cast.street_admin).get(gap.url).content.decode()
    assert required[2].name in page and required[0].name not in page and 'id="records-total" data-value="1"' in page

    services.fund_create(actor=cast.officer, enterprise=required[2], established_on=date(2025, 2, 1))
    result = figures(cast)
    assert result.line("fund_coverage").text.endswith("基金组建占100%，基金总额达到0.0万元。规模以上企业帮困基金实现全覆盖")
    assert f'<a href="{escape(gap.url)}">规模以上企业帮困基金实现全覆盖</a>' in result.line("fund_coverage").html


def test_which_enterprises_must_have_a_fund_is_a_setting(cast, settings):
    large = enterprises(cast.union_a1, 2000, 2)
    Enterprise.objects.filter(pk=large[0].pk).update(headcount=1500)
    services.fund_create(actor=cast.officer, enterprise=large[0], established_on=date(2024, 6, 1))
    assert "基金组建占—" in line(cast, "fund_coverage")  # no 规模以上企业 at all: no rate
    settings.GONGHUI = {**settings.GONGHUI, "FUND_REQUIRED": {"headcount__gte": 1000}}
    assert line(cast, "fund_coverage").endswith("基金组建占100%，基金总额达到0.0万元。规模以上企业帮困基金实现全覆盖")


def test_summer_cooling_source_sentence_exactly(cast):
    """夏季高温慰问企业29家，企业职工6072人，共发放防暑用品、饮料等慰问品共计262094元"""
    visited = enterprises(cast.union_a1, 4000, 29)

    def cool(enterprise, workers, value, on=date(2025, 7, 15), campaign=VisitCampaign.SUMMER_COOLING,
             actor=cast.officer):
        services.visit_create(actor=actor, enterprise=enterprise, reason=VisitReason.HEAT, campaign=campaign,
                              visited_on=on, visitors="街道总工会", goods="防暑用品、饮料",
                              goods_value=Decimal(value), workers_reached=workers)

    for n, enterprise in enumerate(visited):
        cool(enterprise, 200, "9000" if n else "10094")
    cool(visited[0], 272, "0")  # a second visit: the enterprise counts once, its workers again
    cool(visited[1], 50, "999", on=AFTER)
    cool(visited[2], 50, "999", campaign="")
    cool(cast.union_b1.enterprises.first(), 80, "4000", actor=cast.other_officer)

    assert line(cast, "summer") == "夏季高温慰问企业29家，企业职工6072人，共发放防暑用品、饮料等慰问品共计262094元"


def test_winter_warmth_source_sentence_exactly(cast):
    """元旦春节困难职工慰问活动中共计慰问困难职工26名，发放慰问金和慰问品39000元"""
    people = members(cast, 5000, 26)

    def warm(person, money, goods_value, on=date(2025, 1, 20)):
        services.visit_create(actor=cast.officer, member=person, reason=VisitReason.FESTIVAL,
                              campaign=VisitCampaign.WINTER_WARMTH, visited_on=on, visitors="工会主席",
                              money=Decimal(money), goods="米、油", goods_value=Decimal(goods_value))

    for person in people[:25]:
        warm(person, "1000", "500")
    warm(people[25], "500", "250")
    warm(people[25], "500", "250", on=date(2025, 1, 28))
    warm(people[0], "1000", "0", on=AFTER)

    assert line(cast, "winter") == "元旦春节困难职工慰问活动中共计慰问困难职工26名，发放慰问金和慰问品39000元"


def test_autumn_schooling_source_sentence_exactly(cast):
    """为6名大学生、1名中学生、1名小学生，共计8名困难职工家庭提供了助学服务，共计18500元"""
    families = members(cast, 6000, 8)
    levels = ["university"] * 6 + ["secondary", "primary"]
    amounts = ["2500"] * 6 + ["2000", "1500"]
    for person, level, amount in zip(families, levels, amounts):
        services.schooling_grant_create(actor=cast.officer, member=person, student_name=f"{person.name}之子",
                                        school_level=level, amount=Decimal(amount), granted_on=date(2025, 9, 1))
    services.schooling_grant_create(actor=cast.officer, member=families[0], student_name="去年的学生",
                                    school_level="university", amount=Decimal("2500"), granted_on=date(2024, 9, 1))

    assert line(cast, "schooling") == (
        "为6名大学生、1名中学生、1名小学生，共计8名困难职工家庭提供了助学服务，共计18500元")


def test_medical_aid_sentence_in_proportion(cast):
    """参保人数为10135人，其中在职参保4886人 … 共有49家单位参保，其中32家企业全员参保 — at a small scale."""
    members(cast, 7000, 4)
    retired = members(cast, 7100, 2, category="retired")
    whole = services.medical_unit_enrol(actor=cast.officer, union=cast.union_a1, year=2025)
    services.medical_enrol_whole_unit(actor=cast.officer, unit=whole, enrolled_on=date(2025, 1, 10))
    ankang = [cast.member_a1, *retired]
    for person in ankang:
        services.medical_member_enrol(actor=cast.officer, unit=whole, member=person,
                                      category=MedicalCategory.ANKANG, enrolled_on=date(2025, 1, 10))
    special = services.medical_member_enrol(actor=cast.officer, unit=whole, member=cast.member_a1,
                                            category=MedicalCategory.SPECIAL, enrolled_on=date(2025, 1, 10))
    extra = enterprises(cast.union_a1, 8000, 3)
    for n, enterprise in enumerate(extra):
        services.medical_unit_enrol(actor=cast.officer, union=cast.union_a1, enterprise=enterprise, year=2025,
                                    whole_unit=n == 0)
    services.medical_unit_enrol(actor=cast.street_admin, union=cast.union_a2, year=2025, whole_unit=True)
    services.medical_unit_enrol(actor=cast.officer, union=cast.union_a1, year=2024, whole_unit=True)
    services.medical_claim_create(actor=cast.officer, enrolment=special, amount=Decimal("800"),
                                  paid_on=date(2025, 3, 1))
    services.medical_claim_create(actor=cast.officer, enrolment=special, amount=Decimal("1200.50"),
                                  paid_on=date(2025, 6, 1))

    result = figures(cast)
    # 7 people: member_a1 is in three categories and the two retired members in two, each counted once.
    assert result.line("medical").text == ("参保人数为7人，合计参保11人次，其中在职参保5人，退休参保2人，安康参保3人，"
                                           "特种参保1人，共有5家单位参保，其中3家企业全员参保")
    assert result.line("medical_claims").text == "医疗互助赔付2人次，共2000.50元"


def test_service_card_sentence_in_proportion(cast):
    """今年采集信息841人，制卡242人，现已累计采集信息13540人，制卡9854人 — at a small scale."""
    people = members(cast, 9000, 14)
    collect = {p.pk: services.service_card_collect(actor=cast.officer, member=p, collected_on=on)
               for p, on in zip(people, [date(2024, 4, 1)] * 5 + [date(2025, 4, 1)] * 8 + [AFTER])}
    cards = list(collect.values())
    issued = [date(2024, 5, 1)] * 4 + [date(2025, 3, 1), date(2025, 5, 1), date(2025, 12, 20)]
    for card, on in zip(cards[:5] + cards[5:7], issued):
        services.service_card_issue(actor=cast.officer, card=card, issued_on=on)

    assert line(cast, "cards") == "本期采集信息8人，制卡2人，现已累计采集信息13人，累计制卡6人"


def test_visits_by_reason(cast):
    for reason in (VisitReason.ILLNESS, VisitReason.ILLNESS, VisitReason.CHILDBIRTH):
        services.visit_create(actor=cast.officer, member=cast.member_a1, reason=reason, visited_on=date(2025, 5, 1),
                              visitors="工会主席", money=Decimal("300"))
    assert line(cast, "visits") == "开展慰问3次（生病住院2次，生育1次），发放慰问金和慰问品900元"


def test_statistics_page_and_api_show_the_same_sentences(cast, client_for):
    active_file(cast, applied_on=date(2025, 3, 1))
    client = client_for(cast.county_admin)
    params = {"union": cast.street_a.pk, "start": "2025-01-01", "end": "2025-11-30"}
    html = client.get(reverse("care:statistics"), params).content.decode()
    assert "新增困难职工1人，现共有困难职工1人，发放各类困难补助0.0万元" in strip_tags(html)
    assert "期末当日在档" in html and 'id="care-chart"' in html
    body = client.get("/api/care/statistics", {"union_id": cast.street_a.pk, "start": "2025-01-01",
                                                "end": "2025-11-30"}).json()
    assert body["sentences"][0]["sentence"] == "新增困难职工1人，现共有困难职工1人，发放各类困难补助0.0万元"
    assert body["figures"]["care.hardship_new"]["value"] == 1
    assert f'href="{escape(body["figures"]["care.hardship_new"]["url"])}">1</a>' in html  # the number links to its list
    assert client_for(cast.other_officer).get(reverse("care:statistics"), params).status_code == 404


def test_statistics_refuse_a_period_that_ends_before_it_starts(cast, client_for):
    client = client_for(cast.officer)
    response = client.get(reverse("care:statistics"), {"start": "2025-05-01", "end": "2025-01-01"})
    assert response.status_code == 400 and "截止日期不能早于起始日期" in response.content.decode()
    response = client.get("/api/care/statistics", {"union_id": cast.union_a1.pk, "start": "2025-05-01",
                                                   "end": "2025-01-01"})
    assert response.status_code == 422 and "end" in response.json()["errors"]


def test_without_the_grant_hardship_and_payout_figures_are_withheld_not_zeroed(cast, client_for):
    active_file(cast, applied_on=date(2025, 3, 1))
    services.visit_create(actor=cast.officer, member=cast.member_a1, reason=VisitReason.ILLNESS,
                          visited_on=date(2025, 5, 1), visitors="工会主席", money=Decimal("300"))
    result = figures(cast, union=cast.county, user=cast.auditor)
    lines = {line.key: line.text for line in result.lines}
    assert lines["hardship"] == lines["fund_payouts"] == "（需“可查看帮扶与维权档案”授权方可查看）"
    assert lines["visits"] == "开展慰问1次（生病住院1次），发放慰问金和慰问品300元"
    html = client_for(cast.auditor).get(reverse("care:statistics"), {"start": "2025-01-01",
                                                                     "end": "2025-11-30"}).content.decode()
    assert "需“可查看帮扶与维权档案”授权" in html and 'id="care-chart"' not in html
    body = client_for(cast.auditor).get("/api/care/statistics", {"union_id": cast.county.pk, "start": "2025-01-01",
                                                                 "end": "2025-11-30"}).json()
    assert body["figures"]["care.hardship_new"]["value"] is None and body["figures"]["care.fund_paid"]["value"] is None
    assert body["figures"]["care.visits"]["value"] == 1


def test_medical_aid_source_sentence_exactly(cast):
    """参保人数为10135人，其中在职参保4886人 … 共有49家单位参保，其中32家企业全员参保 — entered in bulk."""
    from datetime import timedelta

    from gonghui.care.models import MedicalAidEnrolment, MedicalAidUnit
    from gonghui.members.models import Member
    from gonghui.testing import make_id_number

    union = cast.union_a1
    people = Member.objects.bulk_create(
        Member(tenant_id=union.tenant_id, union=union, name=f"参保{n}", birth_date=date(1970, 1, 1),
               id_number=make_id_number(date(1970, 1, 1) + timedelta(days=n // 900), n % 900 + 100),
               id_tail="", gender="M", join_date=date(2000, 1, 1)) for n in range(10135))
    units = [MedicalAidUnit.objects.create(tenant_id=union.tenant_id, union=union, year=2025, whole_unit=True,
                                          created_by=cast.officer)]
    units += MedicalAidUnit.objects.bulk_create(
        MedicalAidUnit(tenant_id=union.tenant_id, union=union, enterprise=e, year=2025, whole_unit=n < 31,
                       created_by=cast.officer)
        for n, e in enumerate(enterprises(union, 20000, 48)))
    categories = ([MedicalCategory.EMPLOYED] * 4886 + [MedicalCategory.RETIRED] * 3000
                  + [MedicalCategory.ANKANG] * 2000 + [MedicalCategory.SPECIAL] * 249)
    MedicalAidEnrolment.objects.bulk_create(
        MedicalAidEnrolment(tenant_id=union.tenant_id, union=union, unit=units[n % 49], member=person, year=2025,
                            category=category, enrolled_on=date(2025, 1, 10))
        for n, (person, category) in enumerate(zip(people, categories)))

    sentence = line(cast, "medical")
    assert sentence.startswith("参保人数为10135人，合计参保10135人次，其中在职参保4886人，")
    assert sentence.endswith("共有49家单位参保，其中32家企业全员参保")


def test_the_statistics_read_each_subtree_once_not_once_per_figure(cast, client_for, django_assert_max_num_queries):
    """The user's and the chosen union's subtree ids are read once each in a request (they were read 13 times);
    then one query per figure (a rate reads its two figures again), and one per line of the chart."""
    active_file(cast, applied_on=date(2025, 3, 1))
    with subtree_cache(), django_assert_max_num_queries(2 + len(FIGURES) + 1 + 2):
        figures(cast, user=cast.county_admin)
    client = client_for(cast.county_admin)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("care:statistics"), {"union": cast.street_a.pk, "start": "2025-01-01",
                                                           "end": "2025-11-30"})
    assert response.status_code == 200
    subtree_reads = [q["sql"] for q in queries if q["sql"].startswith('SELECT "org_union"."id" AS "id" FROM')]
    assert len(subtree_reads) <= 2, subtree_reads  # the county admin's own, and the street's


def test_the_overview_writes_this_years_lines_each_number_a_link(cast, client_for):
    services.visit_create(actor=cast.officer, member=cast.member_a1, reason=VisitReason.ILLNESS,
                          visited_on=days_ago(0), visitors="工会主席", money=Decimal("300"))
    html = client_for(cast.officer).get(reverse("care:index")).content.decode()
    assert "开展慰问1次（生病住院1次），发放慰问金和慰问品300元" in strip_tags(html)
    assert re.search(r'<a href="/reports/figures/care\.visits/\?union=\d+&amp;start=[\d-]+&amp;end=[\d-]+">1</a>', html)


def test_the_statistics_take_a_named_period_and_its_links_keep_it(cast, client_for):
    """?period=2025-M11 is the summaries' 1—11月; an unreadable one is refused at its field."""
    active_file(cast, applied_on=date(2025, 3, 1))
    client = client_for(cast.street_admin)
    html = client.get(reverse("care:statistics"), {"union": cast.street_a.pk, "period": "2025-M11"}).content.decode()
    assert "期间：2025年1—11月" in html and "新增困难职工1人" in strip_tags(html)
    assert "care.hardship_new/?union=" in html and "period=2025-M11" in html
    response = client.get(reverse("care:statistics"), {"period": "2025年"})
    assert response.status_code == 400 and "期间应写作" in response.content.decode()
