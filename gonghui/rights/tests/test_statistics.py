"""The year summary's figures, entered as records and read back from the statistics."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from gonghui.org.models import Enterprise
from gonghui.rights import selectors, services
from gonghui.rights.choices import ContractKind, ContractScope, DisputeKind, DisputeOutcome
from gonghui.rights.models import MediationBody, Mediator
from gonghui.testing import figure_links, make_credit_code, page_text

from .helpers import case, contract, days_ago

pytestmark = pytest.mark.django_db

YEAR = (date(2024, 1, 1), date(2024, 12, 31))
TOTAL_RE = re.compile(r'id="records-total" data-value="([^"]+)"')
SOURCE_DISPUTES = ("共调处劳动纠纷27起，共接待职工信访27件，成功调处劳资纠纷27件，其中劳动合同5件，工资纠纷10件，"
                 "工伤纠纷7件，其他5件，涉及职工120名，涉案金额1329770元。调处率100%，成功率100%。")
SOURCE_KINDS = [DisputeKind.LABOUR_CONTRACT] * 5 + [DisputeKind.WAGES] * 10 + [DisputeKind.WORK_INJURY] * 7 + \
             [DisputeKind.OTHER] * 5


def enter_source_year(cast) -> None:
    """27 cases over the street's two unions: 120 workers, 1,329,770 yuan, all mediated; 27 petitions."""
    for i, kind in enumerate(SOURCE_KINDS):
        officer, union = (cast.officer, cast.union_a1) if i % 2 else (cast.sibling_officer, cast.union_a2)
        received = date(2024, 1 + i % 12, 1 + i)
        case(cast, actor=officer, union=union, enterprise=union.enterprises.get(), kind=kind, received_on=received,
             workers_involved=5 if i < 12 else 4, amount=Decimal(49250 + (20 if i == 0 else 0)),
             outcome=DisputeOutcome.MEDIATED, closed_on=received + timedelta(days=3))
        services.petition_create(actor=officer, union=union, received_on=received, petitioner=f"职工{i}",
                                 matter="反映劳动报酬问题")


def enter_noise(cast) -> None:
    """Outside the subtree or the period: none of it may be counted."""
    case(cast, actor=cast.other_officer, union=cast.union_b1, enterprise=cast.union_b1.enterprises.get(),
         received_on=date(2024, 5, 5), workers_involved=9, amount=Decimal(999))
    case(cast, received_on=date(2023, 12, 31), workers_involved=9, amount=Decimal(999))
    case(cast, received_on=date(2025, 1, 1), workers_involved=9, amount=Decimal(999))


def test_the_source_dispute_figures_come_back_from_the_records(cast):
    enter_source_year(cast)
    enter_noise(cast)
    figures = selectors.dispute_figures(user=cast.street_admin, union=cast.street_a, start=YEAR[0], end=YEAR[1])
    assert figures.sentence() == SOURCE_DISPUTES


def test_the_statistics_page_shows_the_source_sentence_the_rate_help_and_the_chart(cast, client_for):
    enter_source_year(cast)
    html = client_for(cast.county_admin).get(reverse("rights:statistics"), {
        "union": cast.street_a.pk, "start": "2024-01-01", "end": "2024-12-31"}).content.decode()
    assert SOURCE_DISPUTES in page_text(html)
    assert "调处率 = 期末前已结案（无论结果）的案件数 ÷ 受理案件数" in html
    assert "成功率 = 调解成功的案件数 ÷ 已结案的案件数" in html
    assert 'id="cases-by-kind-data"' in html and "[5, 10, 7, 0, 5]" in html
    assert "vendor/echarts.min.js" in html


def test_the_statistics_api_gives_the_same_sentence(cast, client):
    enter_source_year(cast)
    client.force_login(cast.street_admin)
    body = client.get(f"/api/rights/unions/{cast.street_a.pk}/statistics",
                      {"start": "2024-01-01", "end": "2024-12-31"}).json()
    assert body["disputes"]["sentence"] == SOURCE_DISPUTES
    assert body["disputes"]["by_kind"]["wages"] == 10
    figures = {figure["key"]: figure for figure in body["figures"]}
    received = figures["rights.disputes_received"]
    assert (received["value"], received["sentence"]) == (27, "共调处劳动纠纷27起")
    assert received["url"].startswith("/reports/figures/rights.disputes_received/?union=")
    assert figures["rights.handling_rate"]["text"] == "100%" and received["definition"]


def test_rates_count_cases_received_in_the_period_and_closed_by_its_end(cast):
    officer = dict(actor=cast.officer)
    case(cast, **officer, received_on=date(2024, 3, 1), outcome=DisputeOutcome.MEDIATED, closed_on=date(2024, 3, 5))
    case(cast, **officer, received_on=date(2024, 4, 1), outcome=DisputeOutcome.MEDIATED, closed_on=date(2024, 4, 9))
    case(cast, **officer, received_on=date(2024, 5, 1), outcome=DisputeOutcome.ARBITRATION, closed_on=date(2024, 5, 20))
    case(cast, **officer, received_on=date(2024, 6, 1))
    # Received in the period, closed after it: received but not handled within the period.
    case(cast, **officer, received_on=date(2024, 12, 20), outcome=DisputeOutcome.MEDIATED, closed_on=date(2025, 1, 3))
    # Received before the period: not counted at all, although closed within it.
    case(cast, **officer, received_on=date(2023, 12, 20), outcome=DisputeOutcome.MEDIATED, closed_on=date(2024, 1, 3))
    figures = selectors.dispute_figures(user=cast.officer, union=cast.union_a1, start=YEAR[0], end=YEAR[1])
    assert (figures.received, figures.handled, figures.mediated) == (5, 3, 2)
    assert figures.handling_rate == "60%" and figures.success_rate == "66.7%"


def test_an_empty_period_has_no_rates(cast):
    figures = selectors.dispute_figures(user=cast.officer, union=cast.union_a1, start=YEAR[0], end=YEAR[1])
    assert figures.sentence() == "共调处劳动纠纷0起，共接待职工信访0件，成功调处劳资纠纷0件，涉及职工0名，涉案金额0元。调处率—，成功率—。"


def test_amounts_with_fen_keep_them(cast):
    case(cast, received_on=date(2024, 2, 2), amount=Decimal("12000.50"))
    figures = selectors.dispute_figures(user=cast.officer, union=cast.union_a1, start=YEAR[0], end=YEAR[1])
    assert "涉案金额12000.50元" in figures.sentence()


def test_the_source_mediation_coverage_comes_back_from_the_records(cast, client_for):
    """190 enterprise bodies with one mediator each under street A, built in bulk."""
    unions = [cast.union_a1, cast.union_a2]
    enterprises = Enterprise.objects.bulk_create([
        Enterprise(tenant_id=cast.county.pk, union=unions[i % 2], name=f"企业{i}", credit_code=make_credit_code(1000 + i))
        for i in range(190)])
    bodies = MediationBody.objects.bulk_create([
        MediationBody(tenant_id=cast.county.pk, union=e.union, enterprise=e, name=f"{e.name}调解委员会")
        for e in enterprises])
    Mediator.objects.bulk_create([Mediator(tenant_id=cast.county.pk, body=b, union=b.union, name=f"调解员{i}")
                                  for i, b in enumerate(bodies)])
    # A mediator who left, and a body in the other street: neither counts.
    Mediator.objects.create(tenant_id=cast.county.pk, body=bodies[0], union=bodies[0].union, name="离任", active=False)
    services.mediation_body_create(actor=cast.other_officer, union=cast.union_b1, name="乙一社区调解委员会")
    coverage = selectors.mediation_coverage(user=cast.county_admin, union=cast.street_a)
    assert coverage.sentence() == "调处组织190家，有调处员190名"
    html = client_for(cast.county_admin).get(reverse("rights:statistics"), {"union": cast.street_a.pk}).content.decode()
    assert "调处组织190家，有调处员190名" in page_text(html)


def test_contract_coverage_counts_contracts_in_force_and_each_enterprise_once(cast):
    a1, a2 = cast.union_a1.enterprises.get(), cast.union_a2.enterprises.get()
    contract(cast, kind=ContractKind.COMPREHENSIVE, title="综合", workers_covered=50)
    contract(cast, kind=ContractKind.WAGE, title="工资", workers_covered=48)
    contract(cast, actor=cast.street_admin, union=cast.street_a, scope=ContractScope.REGIONAL, enterprises=[a1, a2],
             kind=ContractKind.WAGE, title="区域", workers_covered=300)
    contract(cast, title="已到期", signed_on=days_ago(900), term_start=days_ago(900), term_end=days_ago(2),
             filed_on=None)
    today = days_ago(0)
    coverage = selectors.contract_coverage(user=cast.county_admin, union=cast.street_a, start=date(today.year, 1, 1),
                                           end=date(today.year, 12, 31))
    assert coverage.contracts == 3 and coverage.enterprises == 2
    wage = next(k for k in coverage.kinds if k.kind == ContractKind.WAGE)
    assert (wage.contracts, wage.enterprises, wage.workers) == (2, 2, 348)
    assert coverage.enterprise_rate == "66.7%"  # a1, a2 and the street's own unaffiliated enterprise
    assert coverage.sentence().startswith("现行有效集体合同3份，覆盖企业2家；其中综合性集体合同1份，覆盖企业1家、职工50名")


def test_figures_of_disputes_need_the_grant_but_coverage_does_not(cast, client_for):
    html = client_for(cast.auditor).get(reverse("rights:statistics")).content.decode()
    assert "调处组织0家" in page_text(html) and 'data-testid="dispute-sentence"' not in html
    assert "需“可查看帮扶与维权档案”授权" in html


def test_every_figure_on_the_statistics_page_links_to_a_list_of_exactly_that_many(cast, client_for):
    enter_source_year(cast)
    enter_noise(cast)
    contract(cast, kind=ContractKind.WAGE, title="工资", workers_covered=48)
    client = client_for(cast.county_admin)
    html = client.get(reverse("rights:statistics"), {"union": cast.street_a.pk, "start": "2024-01-01",
                                                     "end": "2024-12-31"}).content.decode()
    links = dict(figure_links(html))
    assert {"27", "120", "1329770"} <= set(links)  # received, workers, amount
    for shown, url in figure_links(html):
        assert f"union={cast.street_a.pk}" in url and "start=2024-01-01" in url
        listed = client.get(url).content.decode()
        # A sum may be written with its fen on the list (1329770.00): the same number.
        assert Decimal(TOTAL_RE.search(listed)[1]) == Decimal(shown), url
    received = client.get(links["27"]).content.decode()
    assert received.count("<tr>") - 2 == 20  # a page of the 27 cases (header and total rows aside)
    rows = received.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert "乙一" not in rows  # the other street's case is not in the list


def test_the_past_limit_figure_counts_cases_open_past_the_time_limit_on_the_periods_last_day(cast):
    officer = dict(actor=cast.officer)
    case(cast, **officer, received_on=date(2024, 12, 1))  # open on 31 December, 30 days after: past
    case(cast, **officer, received_on=date(2024, 12, 20))  # 11 days: not yet
    case(cast, **officer, received_on=date(2024, 11, 1), outcome=DisputeOutcome.MEDIATED, closed_on=date(2025, 1, 5))
    case(cast, **officer, received_on=date(2024, 10, 1), outcome=DisputeOutcome.MEDIATED, closed_on=date(2024, 10, 5))
    figures = selectors.dispute_figures(user=cast.officer, union=cast.union_a1, start=YEAR[0], end=YEAR[1])
    assert figures.past_limit == 2  # the first, and the one closed only after the period
