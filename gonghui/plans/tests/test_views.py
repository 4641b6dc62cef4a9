import re
from datetime import date

import pytest
from django.urls import reverse

from gonghui.ledger import services as ledger
from gonghui.ledger.models import ActivityKind
from gonghui.ledger.tests.helpers import error_at, sheet_rows
from gonghui.plans import services
from gonghui.plans.models import Plan, PlanItem, PlanTemplate
from gonghui.testing import assert_scoped, viewers

pytestmark = pytest.mark.django_db

YEAR = date.today().year


def school(cast, year=YEAR) -> Plan:
    return services.plan_create_from_template(actor=cast.sibling_officer, union=cast.union_a2, year=year,
                                              template=PlanTemplate.objects.get(code="school"))


def test_a_plan_is_started_from_a_template_on_the_page(cast, client_for):
    client = client_for(cast.sibling_officer)
    url = reverse("plans:create", args=[cast.union_a2.pk])
    html = client.get(url).content.decode()
    assert "模板：学校教工会年度工作计划" in html and "沿用上一年的计划" in html
    template = PlanTemplate.objects.get(code="school")
    response = client.post(url, {"year": YEAR, "source": f"template:{template.pk}"})
    plan = Plan.objects.get()
    assert response.url == reverse("plans:detail", args=[plan.pk])
    html = client.get(response.url).content.decode()
    assert "举办教职工趣味运动会" in html and "0/2" in html


@pytest.mark.parametrize("data, field, text", [
    ({"source": "previous"}, "source", "没有"),
    ({"source": "blank", "year": 1900}, "year", "2000年至2100年"),
])
def test_starting_a_plan_shows_errors_at_the_field(cast, client_for, data, field, text):
    response = client_for(cast.officer).post(reverse("plans:create", args=[cast.union_a1.pk]),
                                             {"year": YEAR} | data)
    assert response.status_code == 400 and text in error_at(response.content.decode(), field)
    assert not Plan.objects.exists()


def test_items_are_added_edited_and_checked_on_the_page(cast, client_for):
    plan = services.plan_create(actor=cast.officer, union=cast.union_a1, year=YEAR)
    client = client_for(cast.officer)
    url = reverse("plans:item_create", args=[plan.pk])
    data = {"area": "culture", "title": "职工趣味运动会", "months": ["4", "10"], "target_count": "2",
            "target_unit": "次", "status": "active"}
    response = client.post(url, data | {"target_count": "-1"})
    assert "目标数量不能为负数" in error_at(response.content.decode(), "target_count")
    response = client.post(url, {k: v for k, v in data.items() if k != "months"})
    assert "至少选择一个月份" in error_at(response.content.decode(), "months")
    assert not PlanItem.objects.exists()
    assert client.post(url, data).status_code == 302
    item = PlanItem.objects.get()
    assert item.month_list == [4, 10] and item.target_count == 2
    client.post(reverse("plans:item_edit", args=[item.pk]), data | {"months": ["5"], "owner": "工会主席"})
    item.refresh_from_db()
    assert item.month_list == [5] and item.owner == "工会主席"
    client.post(reverse("plans:file", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == "filed"


def test_the_calendar_is_printable_month_by_month(cast, client_for):
    plan = school(cast)
    html = client_for(cast.sibling_officer).get(reverse("plans:calendar", args=[plan.pk])).content.decode()
    assert all(f"{m}月份" in html for m in range(1, 13))
    assert "window.print()" in html and "no-print" in html
    assert html.index("教工拔河比赛") > html.index("12月份") > html.index("庆祝“三·八”妇女节")


def test_recording_against_an_item_moves_its_progress(cast, client_for):
    plan = school(cast)
    item = plan.items.get(title="举办教职工趣味运动会")
    ledger.activity_create(actor=cast.sibling_officer, union=cast.union_a2, kind=ActivityKind.CULTURE_SPORTS,
                           title="春季趣味运动会", date=date(YEAR, 1, 2), plan_item=item)
    html = client_for(cast.sibling_officer).get(reverse("plans:detail", args=[plan.pk])).content.decode()
    row = re.search(rf'data-item="{item.pk}">(.*?)</tr>', html, re.DOTALL).group(1)
    assert "1/2" in row


def test_the_list_shows_the_subtree_and_the_unions_without_a_filed_plan(cast, client_for):
    services.plan_file(actor=cast.sibling_officer, plan=school(cast))
    client = client_for(cast.street_admin)
    html = client.get(reverse("plans:list"), {"year": YEAR}).content.decode()
    assert "甲二中学工会" in html
    missing = html[html.index('id="missing"'):]
    assert "甲一机械厂工会" in missing and "甲二中学工会" not in missing and "乙一社区联合工会" not in missing
    rows = sheet_rows(client.get(reverse("plans:missing_export"), {"year": YEAR}))
    assert rows[0] == ["年度", "工会", "层级", "情况"] and [r[1] for r in rows[1:]] == ["甲一机械厂工会"]
    rows = sheet_rows(client.get(reverse("plans:export"), {"year": YEAR}))
    assert [r[1] for r in rows[1:]] == ["甲二中学工会"] and rows[1][2] == "已报送"
    html = client_for(cast.other_officer).get(reverse("plans:list"), {"year": YEAR}).content.decode()
    assert "甲二中学工会" not in html


def test_the_year_view_of_a_federation_names_the_unions_behind(cast, client_for):
    school(cast)
    html = client_for(cast.county_admin).get(reverse("plans:year"), {"year": YEAR}).content.decode()
    assert "vendor/echarts.min.js" in html and "kinds-data" in html
    assert "甲二中学工会" in html and "未制定" in html and "未报送计划5家" in html
    html = client_for(cast.sibling_officer).get(reverse("plans:year")).content.decode()
    assert "计划事项" in html and "下级工会" not in html


def test_the_plan_export_lists_items_with_progress(cast, client_for):
    plan = school(cast)
    rows = sheet_rows(client_for(cast.sibling_officer).get(reverse("plans:items_export", args=[plan.pk])))
    assert rows[0][:3] == ["工作领域", "工作事项", "安排月份"]
    meet = next(r for r in rows if r[1] == "举办教职工趣味运动会")
    assert meet[2] == "4月、10月" and meet[4] == 2


def test_templates_are_read_by_the_subtree_and_edited_by_their_owner(cast, client_for):
    client = client_for(cast.street_admin)
    response = client.post(reverse("plans:template_create", args=[cast.street_a.pk]), {
        "name": "甲街道企业工会计划", "source": f"template:{PlanTemplate.objects.get(code='enterprise').pk}"})
    template = PlanTemplate.objects.get(union=cast.street_a)
    assert response.url == reverse("plans:template", args=[template.pk])
    assert "甲街道企业工会计划" in client_for(cast.officer).get(reverse("plans:templates")).content.decode()
    assert client_for(cast.officer).get(reverse("plans:template", args=[template.pk])).status_code == 200
    assert client_for(cast.officer).get(reverse("plans:template_edit", args=[template.pk])).status_code == 404
    assert client_for(cast.other_officer).get(reverse("plans:template", args=[template.pk])).status_code == 404
    form = client_for(cast.officer).get(reverse("plans:create", args=[cast.union_a1.pk])).content.decode()
    assert "甲街道企业工会计划" in form
    shipped = PlanTemplate.objects.get(code="county")
    assert client_for(cast.county_admin).get(reverse("plans:template_edit", args=[shipped.pk])).status_code == 404


def test_it_checks_access(cast, client):
    plan = school(cast)
    item = plan.items.first()
    a2 = cast.union_a2
    for name in ("detail", "edit", "calendar", "items_export", "item_create"):
        assert_scoped(client, cast, reverse(f"plans:{name}", args=[plan.pk]), owner=a2)
    assert_scoped(client, cast, reverse("plans:item_edit", args=[item.pk]), owner=a2)
    assert_scoped(client, cast, reverse("plans:create", args=[a2.pk]), owner=a2)
    assert_scoped(client, cast, reverse("plans:year") + f"?union={a2.pk}", owner=a2)
    assert_scoped(client, cast, reverse("core:history", args=["plans.plan", plan.pk]), owner=a2)
    assert_scoped(client, cast, reverse("plans:file", args=[plan.pk]), owner=a2, method="post")
    template = services.template_create(actor=cast.street_admin, union=cast.street_a, name="甲街道模板")
    template_item = services.template_item_create(actor=cast.street_admin, template=template, area="care",
                                                  title="夏送清凉", months=[7])
    sa = cast.street_a
    assert_scoped(client, cast, reverse("plans:template_create", args=[sa.pk]), owner=sa)
    for name in ("template_edit", "template_item_create"):
        assert_scoped(client, cast, reverse(f"plans:{name}", args=[template.pk]), owner=sa)
    assert_scoped(client, cast, reverse("plans:template_item_edit", args=[template_item.pk]), owner=sa)
    for user in viewers(cast):
        client.force_login(user)
        status = client.get(reverse("plans:template", args=[template.pk])).status_code
        # Read by the owner's subtree and its federations above; edited only as the matrix says.
        assert status == (200 if user.union.path.startswith(sa.path) or sa.path.startswith(user.union.path)
                          else 404), user.username
    for name, target, owner in (("item_delete", item, a2), ("template_item_delete", template_item, sa),
                                ("template_delete", template, sa)):
        url = reverse(f"plans:{name}", args=[target.pk])
        for user in viewers(cast):
            if not owner.path.startswith(user.union.path):
                client.force_login(user)
                assert client.post(url).status_code == 404, (user.username, url)
        client.force_login(cast.county_admin)
        assert client.post(url).status_code == 302
        assert not type(target).objects.filter(pk=target.pk).exists()
