import pytest

from gonghui.core.figures import figures_all
from gonghui.org.models import Enterprise

from .test_figure_records import DISPUTES, ENTERPRISES, HEADCOUNT, SHARE, BIG, set_headcounts

pytestmark = pytest.mark.django_db


def test_the_figures_of_a_union_and_period_with_their_sentences_and_links(client, cast, registered):
    registered(HEADCOUNT, ENTERPRISES, BIG, SHARE)
    headcounts = set_headcounts(cast)
    Enterprise.objects.filter(pk=Enterprise.objects.order_by("pk").first().pk).update(above_designated_size=True)
    client.force_login(cast.county_admin)
    answer = client.get(f"/api/reports/figures?union={cast.county.pk}&period=2025-Q2&section=ORGANISATION").json()
    assert [f["key"] for f in answer] == [f.key for f in figures_all() if f.section.name == "ORGANISATION"]
    by_key = {f["key"]: f for f in answer}
    headcount = by_key["test.headcount"]
    assert headcount["value"] == sum(headcounts.values())
    assert headcount["sentence"] == f"覆盖职工{sum(headcounts.values())}人"
    assert headcount["url"] == f"/reports/figures/test.headcount/?union={cast.county.pk}&period=2025-Q2"
    assert headcount["definition"] == HEADCOUNT.definition and headcount["section_label"] == "组织建设"
    assert by_key["test.big_share"]["text"] == f"{round(100 / Enterprise.objects.count(), 1):g}%"
    care = client.get("/api/reports/figures?section=CARE").json()
    assert [f["key"] for f in care] == [f.key for f in figures_all() if f.section.name == "CARE"]


def test_the_records_behind_a_figure_page_by_page_with_their_total(client, cast, registered):
    registered(HEADCOUNT, SHARE, ENTERPRISES, BIG)
    headcounts = set_headcounts(cast)
    client.force_login(cast.street_admin)
    answer = client.get(f"/api/reports/figures/test.headcount/records?union={cast.street_a.pk}&period=2025").json()
    mine = Enterprise.objects.filter(union__path__startswith=cast.street_a.path).order_by("-pk")
    assert answer["columns"] == ["企业名称", "所属工会", "职工人数"]
    assert answer["rows"] == [{"cells": [e.name, e.union.name, e.headcount], "url": f"/org/enterprises/{e.pk}/edit/",
                               "amount": str(e.headcount)} for e in mine]
    assert answer["total"] == sum(e.headcount for e in mine) < sum(headcounts.values())
    assert answer["count"] == mine.count() and answer["period"] == "2025年"
    assert client.get("/api/reports/figures/test.headcount/records?period=2025&page=2").json()["rows"] == []
    ratio = client.get("/api/reports/figures/test.big_share/records?period=2025")
    assert ratio.status_code == 422 and "test.big" in ratio.json()["errors"]["key"][0]


def test_bad_periods_are_refused_at_their_parameter_in_chinese(client, cast, registered):
    registered(HEADCOUNT)
    client.force_login(cast.county_admin)
    for query, field, message in (("period=2025-X", "period", "期间应写作"),
                                  ("start=2025-05-01&end=2025-04-01", "end", "截止日期不能早于起始日期"),
                                  ("start=1800-01-01", "start", "日期应在2000年到2100年之间"),
                                  ("page=0", "page", "")):
        answer = client.get(f"/api/reports/figures/test.headcount/records?{query}")
        assert answer.status_code == 422, query
        assert message in answer.json()["errors"][field][0], query
    assert client.get("/api/reports/figures/nothing.here/records").status_code == 404


def test_a_care_figure_is_403_without_the_grant_and_hidden_in_the_list(client, cast, registered):
    registered(DISPUTES)
    client.force_login(cast.officer_no_care)
    assert client.get("/api/reports/figures/test.disputes/records?period=2025").status_code == 403
    hidden = {f["key"]: f for f in client.get("/api/reports/figures?period=2025").json()}["test.disputes"]
    assert hidden["value"] is None and hidden["text"] == "—"
