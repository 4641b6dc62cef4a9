from datetime import date
from io import BytesIO
from urllib.parse import unquote

import pytest
from python_calamine import CalamineWorkbook

from gonghui.core.figures import Column, Figure, Ratio, Section, Style, figure_get, figure_value
from gonghui.core.periods import year_period
from gonghui.org.models import Enterprise, Union
from gonghui.rights.models import DisputeCase

pytestmark = pytest.mark.django_db

HEADCOUNT = Figure(
    key="test.headcount", label="企业职工", sentence="覆盖职工{value}人", definition="企业登记的职工人数之和。",
    section=Section.ORGANISATION, records=lambda period: Enterprise.objects.all(), total="headcount", unit="人",
    columns=(Column("企业名称", "name"), Column("所属工会", "union.name"), Column("职工人数", "headcount")),
    record_url=lambda enterprise: f"/org/enterprises/{enterprise.pk}/edit/",
)
ENTERPRISES = Figure(
    key="test.enterprises", label="企业", sentence="企业{value}家", definition="登记的企业。",
    section=Section.ORGANISATION, records=lambda period: Enterprise.objects.all(), unit="家",
    columns=(Column("企业名称", "name"),),
)
BIG = Figure(
    key="test.big", label="规模以上企业", sentence="规模以上企业{value}家", definition="登记为规模以上的企业。",
    section=Section.ORGANISATION, records=lambda period: Enterprise.objects.filter(above_designated_size=True),
    unit="家", columns=(Column("企业名称", "name"),),
)
SHARE = Ratio(key="test.big_share", label="规模以上占比", sentence="规模以上企业占{value}", definition="规模以上企业数÷企业数。",
              section=Section.ORGANISATION, numerator="test.big", denominator="test.enterprises")
DISPUTES = Figure(
    key="test.disputes", label="劳动争议", sentence="调处劳动纠纷{value}起", definition="期内受理的劳动争议案件。",
    section=Section.RIGHTS, records=lambda period: DisputeCase.objects.filter(
        received_on__range=period.span), unit="起", columns=(Column("申请人", "applicant"),),
)


def test_a_figure_links_to_a_list_of_exactly_its_records(client, cast):
    people = cast
    founded = [people.union_a1, people.union_b1]
    for union in founded:
        union.founded_on = date(2025, 3, 1)
        union.save(update_fields=["founded_on"])
    value = figure_value(figure_get("org.unions_founded"), user=people.county_admin, union=people.county,
                         period=year_period(2025))
    client.force_login(people.county_admin)
    page = client.get(value.url)
    assert page.status_code == 200
    text = page.content.decode()
    assert f"今年完成基层单建工会{value.value}家" in text
    assert all(union.name in text for union in founded)
    assert people.union_a2.name not in text.split('id="records"')[1]
    assert f'id="records-total" data-value="{value.value}">{value.value}<' in text
    assert "期间：2025年" in text and "口径：期内成立" in text


def set_headcounts(cast):
    for number, enterprise in enumerate(Enterprise.objects.order_by("pk"), start=1):
        enterprise.headcount = 100 * number
        enterprise.save(update_fields=["headcount"])
    return {e.name: e.headcount for e in Enterprise.objects.all()}


def test_a_sum_has_a_total_row_rows_link_to_their_records_and_the_street_sees_its_own(client, cast, registered):
    registered(HEADCOUNT)
    headcounts = set_headcounts(cast)
    client.force_login(cast.street_admin)
    text = client.get(f"/reports/figures/test.headcount/?union={cast.street_a.pk}&period=2025").content.decode()
    mine = Enterprise.objects.filter(union__path__startswith=cast.street_a.path)
    expected = sum(e.headcount for e in mine)
    assert expected and expected < sum(headcounts.values())
    assert f'data-value="{expected}">{expected}</span> 人' in text
    assert f"覆盖职工{expected}人" in text
    for enterprise in mine:
        assert f'<a href="/org/enterprises/{enterprise.pk}/edit/">{enterprise.name}</a>' in text
        assert f"<td>{enterprise.union.name}</td>" in text
    assert cast.union_b1.enterprises.get().name not in text


def test_the_pickers_choose_a_quarter_one_to_n_months_or_dates_and_errors_stay_at_their_field(client, cast, registered):
    registered(DISPUTES)
    client.force_login(cast.county_admin)
    base = f"/reports/figures/test.disputes/?union={cast.county.pk}"
    assert "期间：2025年第三季度" in client.get(base + "&year=2025&span=Q3").content.decode()
    assert "期间：2025年1—11月" in client.get(base + "&period=2025-M11").content.decode()
    assert "期间：2025年3月1日至2025年4月30日" in client.get(
        base + "&span=dates&start=2025-03-01&end=2025-04-30").content.decode()
    for query, field, message in (
        ("&span=dates&start=2025-05-01&end=2025-04-30", "截止日期", "截止日期不能早于起始日期"),
        ("&span=dates&start=2025-05-01", "截止日期", "请填写截止日期"),
        ("&year=1900&span=year", "年度", "年度应在2000到2100之间"),
        ("&period=2025-X", "期间", "请选择全年、1—N月、季度或自定义日期"),
    ):
        page = client.get(base + query)
        assert page.status_code == 400
        label = page.content.decode().split(f"<label>{field}")[1].split("</label>")[0]
        assert message in label, query
    assert client.get(f"/reports/figures/test.disputes/?union={cast.union_b1.pk}&period=2025").status_code == 200
    client.force_login(cast.officer)
    assert client.get(f"/reports/figures/test.disputes/?union={cast.union_b1.pk}&period=2025").status_code == 404


def test_a_figure_of_care_records_is_a_403_in_chinese_without_the_grant(client, cast, registered):
    registered(DISPUTES)
    client.force_login(cast.officer_no_care)
    for url in ("/reports/figures/test.disputes/?period=2025", "/reports/figures/test.disputes/export/?period=2025"):
        page = client.get(url)
        assert page.status_code == 403
        assert "没有查看这些档案的授权" in page.content.decode()
    client.force_login(cast.county_admin)
    assert client.get("/reports/figures/test.disputes/?period=2025").status_code == 200


def test_a_ratio_shows_its_numerator_and_denominator_with_links_to_both_lists(client, cast, registered):
    registered(ENTERPRISES, BIG, SHARE)
    Enterprise.objects.filter(pk=Enterprise.objects.order_by("pk").first().pk).update(above_designated_size=True)
    client.force_login(cast.county_admin)
    text = client.get(f"/reports/figures/test.big_share/?union={cast.county.pk}&period=2025").content.decode()
    total = Enterprise.objects.count()
    assert f"规模以上企业占{round(100 / total, 1):g}%" in text
    query = f"union={cast.county.pk}&amp;period=2025"
    assert f'<a href="/reports/figures/test.big/?{query}" class="part-value">1</a>' in text
    assert f'<a href="/reports/figures/test.enterprises/?{query}" class="part-value">{total}</a>' in text


def test_the_excel_export_is_the_same_list_with_its_total_and_no_person_in_its_name(client, cast, registered):
    registered(HEADCOUNT)
    headcounts = set_headcounts(cast)
    client.force_login(cast.county_admin)
    response = client.get(f"/reports/figures/test.headcount/export/?union={cast.county.pk}&period=2025-M11")
    assert response.status_code == 200
    assert unquote(response["Content-Disposition"]).endswith("企业职工（测试县总工会，2025年1—11月）.xlsx")
    sheet = CalamineWorkbook.from_filelike(BytesIO(b"".join(response.streaming_content))).get_sheet_by_index(0)
    rows = sheet.to_python()
    assert rows[0] == ["企业名称", "所属工会", "职工人数"]
    assert {row[0]: row[2] for row in rows[1:-1]} == headcounts
    assert rows[-1][0] == "合计" and rows[-1][-1] == sum(headcounts.values())
