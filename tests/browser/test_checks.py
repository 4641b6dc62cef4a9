"""One assessment from self-assessment to naming: the union's officer scores its items (a score above an
item's maximum is refused at its field) and submits; the street federation reviews each item (the veto item
must be decided, the pre-filled one overridden only with a reason), gives the result, publicises it and,
once the week of publicity is over, names the union."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gonghui.checks.models import Assessment
from gonghui.checks.tests.helpers import campaign

from .forms import log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SELF = (("依法选举产生工会主席", "40"), ("台帐不完整每项扣2分", "28"), ("按时报送年度计划", "30"),
        ("发生重大安全事故", "0"))


def row(page, text: str):
    return page.locator('[data-testid="scores"] tbody tr', has_text=text)


def submit(page) -> None:
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def test_an_assessment_runs_from_self_assessment_to_naming(page, login, cast):
    assessment = campaign(cast).assessments.get()
    login(cast.officer)
    page.get_by_role("link", name="考核", exact=True).first.click()
    page.get_by_role("link", name="考核对象", exact=True).click()
    page.locator('[data-testid="assessments"]').get_by_role("link", name="甲一机械厂工会").click()
    page.wait_for_url("**/checks/assessments/*/")
    detail = page.url
    row(page, "台帐不完整每项扣2分").get_by_role("link", name="自评").click()
    page.fill("input[name=self_score]", "31")
    submit(page)
    assert "自评分不能超过该条目的分值（30.0分）" in page.locator('[data-field="self_score"] .errorlist').inner_text()
    for text, score in SELF:
        page.goto(detail)
        row(page, text).get_by_role("link", name="自评").click()
        page.fill("input[name=self_score]", score)
        submit(page)
    page.get_by_role("button", name="报送自评").click()
    page.wait_for_url(detail)
    assert page.locator('[data-testid="status"]').inner_text() == "待复核"
    log_out(page)

    login(cast.street_admin)
    page.goto(detail)
    for text, score in SELF:
        row(page, text).get_by_role("link", name="复核").click()
        page.fill("input[name=score]", score)
        if text == "按时报送年度计划":
            submit(page)
            assert "调整分数须说明理由" in page.locator('[data-field="override_reason"] .errorlist').inner_text()
            page.fill("input[name=override_reason]", "已报送纸质计划")
        if text == "发生重大安全事故":
            submit(page)
            assert "须认定是否存在否决情形" in page.locator('[data-field="veto_applies"] .errorlist').inner_text()
            page.select_option("select[name=veto_applies]", label="否")
        submit(page)
        page.wait_for_url(detail)
    page.get_by_role("button", name="评定结果").click()
    page.wait_for_url(detail)
    assert page.locator('[data-testid="level"]').inner_text() == "示范"
    assert page.locator('[data-testid="total"]').inner_text() == "98.0"
    page.get_by_role("button", name="公示").click()
    page.wait_for_url(detail)
    assert page.locator('[data-testid="status"]').inner_text() == "公示中"
    # A week goes by: the publicity period is over.
    week_ago = timezone.localdate() - timedelta(days=8)
    Assessment.objects.filter(pk=assessment.pk).update(publicity_starts_on=week_ago,
                                                       publicity_ends_on=week_ago + timedelta(days=6))
    page.goto(detail)
    page.get_by_role("button", name="命名").click()
    page.wait_for_url(detail)
    assert "已命名" in page.content()
    assert page.locator('[data-testid="status"]').inner_text() == "已命名"


def test_a_rubric_item_is_edited_then_deleted(page, login, cast, live_server):
    from gonghui.checks.tests.helpers import rubric

    made = rubric(cast)
    login(cast.street_admin)
    page.goto(f"{live_server.url}/checks/rubrics/{made.pk}/")
    page.locator('[data-testid="items"] tbody tr', has_text="依法选举产生工会主席").get_by_role("link", name="修改").first.click()
    page.fill("input[name=max_score]", "-1")
    submit(page)
    assert "分值须为大于0的数" in page.locator('[data-field="max_score"] .errorlist').inner_text()
    page.fill("input[name=max_score]", "35")
    page.fill("input[name=text]", "依法民主选举产生工会主席")
    submit(page)
    items = page.locator('[data-testid="items"]')
    assert "依法民主选举产生工会主席" in items.inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.locator('[data-testid="items"] tbody tr', has_text="依法民主选举产生工会主席").get_by_role(
            "button", name="删除").click()
    assert "依法民主选举产生工会主席" not in items.inner_text()
