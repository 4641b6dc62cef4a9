import io

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.core.figures import figure_get
from gonghui.outreach.models import Gift, Survey
from gonghui.testing import assert_scoped

from .helpers import company, days_ago, gift, merchant, order, survey

pytestmark = pytest.mark.django_db


def sheet_rows(response) -> list[list]:
    data = b"".join(response.streaming_content)
    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()


@pytest.fixture
def records(cast):
    return {"survey": survey(cast), "gift": gift(cast), "merchant": merchant(cast), "order": order(cast)}


def test_it_checks_access(cast, client, records):
    records["course"] = records["order"].course
    for name, record in records.items():
        for page in ("detail", "edit"):
            assert_scoped(client, cast, reverse(f"outreach:{name}_{page}", args=[record.pk]), owner=record.union)
        assert_scoped(client, cast, reverse("core:history", args=[record._meta.label_lower, record.pk]),
                      owner=record.union)
    for name in ("merchant", "course"):
        assert_scoped(client, cast, reverse(f"outreach:{name}_create", args=[cast.street_a.pk]), owner=cast.street_a)
    for name in ("surveys", "gifts", "merchants", "courses", "orders", "survey_export", "index"):
        assert_scoped(client, cast, reverse(f"outreach:{name}") + f"?union={cast.union_a1.pk}", owner=cast.union_a1)


def test_the_officer_records_a_survey_and_finds_it_in_the_list(cast, client_for):
    client = client_for(cast.officer)
    url = reverse("outreach:survey_create")
    page = client.get(url)
    assert company(cast).name in page.content.decode()
    assert cast.union_b1.enterprises.get().name not in page.content.decode()
    data = {"enterprise": company(cast).pk, "surveyed_on": days_ago(1).isoformat(), "workers_reached": "0",
            "topic": "外来务工人员情况调查"}
    refused = client.post(url, data)
    assert refused.status_code == 400 and "涉及职工人次应在1至100000之间" in refused.content.decode()
    assert not Survey.objects.exists()
    response = client.post(url, {**data, "workers_reached": "85"})
    assert response.status_code == 302 and response.url == reverse("outreach:surveys")
    listing = client.get(reverse("outreach:surveys")).content.decode()
    assert "外来务工人员情况调查" in listing and "85" in listing and company(cast).name in listing


def test_the_list_filters_and_its_export_takes_the_same_rows(cast, client_for):
    gift(cast, item="乒乓球台", unit="对", quantity=5, given_on=days_ago(40))
    gift(cast, item="篮球架")
    client = client_for(cast.officer)
    listing = client.get(reverse("outreach:gifts"), {"item": "乒乓"}).content.decode()
    assert "乒乓球台" in listing and "篮球架" not in listing
    rows = sheet_rows(client.get(reverse("outreach:gift_export"), {"start": days_ago(10).isoformat()}))
    assert rows[0] == ["工会", "赠送日期", "企业", "物品名称", "数量", "单位", "价值（元）"]
    assert [row[3] for row in rows[1:]] == ["篮球架"]
    bad = client.get(reverse("outreach:gifts"), {"start": "not a day"})
    assert bad.status_code == 200 and "乒乓球台" in bad.content.decode() and "errorlist" in bad.content.decode()


def test_an_edit_shows_the_record_and_saves_through_the_service(cast, client_for, records):
    client = client_for(cast.officer)
    url = reverse("outreach:gift_edit", args=[records["gift"].pk])
    assert 'value="篮球架"' in client.get(url).content.decode()
    form = {"enterprise": company(cast).pk, "given_on": days_ago(4).isoformat(), "item": "篮球架", "quantity": "-2",
            "unit": "副", "value": "6000"}
    assert "数量应在1至100000之间" in client.post(url, form).content.decode()
    assert Gift.objects.get().quantity == 4
    assert client.post(url, {**form, "quantity": "6"}).status_code == 302
    assert Gift.objects.get().quantity == 6


def test_a_record_page_shows_it_to_a_reader_and_is_the_figure_record_url(cast, client_for, records):
    url = reverse("outreach:gift_detail", args=[records["gift"].pk])
    page = client_for(cast.auditor).get(url).content.decode()
    assert "篮球架" in page and "6000" in page and "副" in page and "编辑" not in page
    assert figure_get("outreach.gifts_given").record_url(records["gift"]) == url


def test_delete_is_a_button_and_a_read_only_account_gets_403(cast, client_for, records):
    url = reverse("outreach:survey_delete", args=[records["survey"].pk])
    assert client_for(cast.auditor).post(url).status_code == 403
    response = client_for(cast.officer).post(url)
    assert response.status_code == 302 and not Survey.objects.exists()
    course_url = reverse("outreach:course_delete", args=[records["order"].course.pk])
    page = client_for(cast.street_admin).post(course_url, follow=True).content.decode()
    assert "该课程已有点课记录，不能删除" in page


def test_the_overview_says_each_figure_and_links_to_its_records(cast, client_for, records):
    page = client_for(cast.county_admin).get(reverse("outreach:index"), {"start": days_ago(60).isoformat(),
                                                                   "end": days_ago(0).isoformat()})
    text = page.content.decode()
    for sentence in ("调查访问企业1家", "涉及职工120人次", "赠送物品4件", "联系特约服务商户1家", "点课1次", "送课0期"):
        assert sentence in text
    assert reverse("reports:figure_records", args=["outreach.gifts_given"]) in text
    bad = client_for(cast.county_admin).get(reverse("outreach:index"), {"period": "2025-M13"})
    assert "月份应在1到12之间" in bad.content.decode()
