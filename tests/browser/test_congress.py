"""An officer elects a delegate by ID number (a non-member is refused at the field), sees the composition check,
records a session's attendance, is refused a vote larger than those present, and records a resolution that passes;
a delegate casts their own democratic-evaluation ballot on a phone, once."""

import pytest
from django.utils import timezone

from gonghui.congress.tests.helpers import congress, delegates, session

from .test_proposals import as_member, no_sideways_scroll, phone, press  # noqa: F401 (phone: the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page) -> None:
    with page.expect_navigation():
        page.click("main button[type=submit]")


def test_delegates_a_session_and_a_resolution(page, login, cast):
    body = congress(cast)
    delegates(cast, body, 3)
    login(cast.officer)
    page.get_by_role("link", name="职代会", exact=True).first.click()
    page.get_by_role("link", name="第4届职工代表大会").click()
    page.get_by_role("link", name="登记当选代表").click()
    page.select_option("select[name=constituency]", label="第一代表团")
    page.fill("input[name=member]", cast.member_a2.id_number)
    page.select_option("select[name=occupation]", label="一线职工")
    submit(page)
    assert "不在您的管辖范围内" in page.locator('[data-field="member"] .errorlist').inner_text()
    page.fill("input[name=member]", cast.member_a1.id_number)
    submit(page)
    assert page.locator('[data-testid="in-office"]').inner_text() == "4名"
    assert "一线职工代表" in page.locator('[data-testid="composition"]').inner_text()

    page.get_by_role("link", name="登记会议").click()
    page.fill("input[name=held_on]", timezone.localdate().isoformat())
    submit(page)
    page.get_by_role("link", name="登记到会代表").click()
    page.fill("input[name=delegates_present]", "3")
    submit(page)
    assert "应到4人，实到3人，达到法定人数（3人）" in page.locator('[data-testid="attendance"]').inner_text()
    page.get_by_role("link", name="登记表决结果").click()
    page.fill("input[name=title]", "工资集体协议")
    page.fill("input[name=votes_for]", "3")
    page.fill("input[name=votes_against]", "1")
    page.fill("input[name=votes_abstain]", "0")
    submit(page)
    assert "多于实到代表3人" in page.content()
    page.fill("input[name=votes_against]", "0")
    submit(page)
    row = page.locator('[data-testid="resolutions"] tbody tr', has_text="工资集体协议")
    assert "通过" in row.inner_text()


def test_a_delegate_evaluates_cadres_on_their_phone(phone, cast):
    from gonghui.congress import services

    page, context, url = phone
    body = congress(cast)
    me, _ = delegates(cast, body, 2)
    evaluation = services.evaluation_create(actor=cast.officer, session=session(cast, body, held_on=timezone.localdate()),
                                            title="民主评议中层干部", subjects=[("王厂长", "厂长"), ("李书记", "")])
    chief, secretary = evaluation.subjects.all()
    as_member(context, url, me.member)
    page.goto("/m/")
    page.get_by_role("link", name="民主评议").click()
    page.locator('[data-testid="evaluations"]').get_by_role("link", name="民主评议中层干部").click()
    no_sideways_scroll(page)
    page.locator(f'[data-field="s{chief.pk}"]').get_by_label("优秀").check()
    press(page, "投票")
    assert "这个字段是必填项" in page.locator(f'[data-field="s{secretary.pk}"]').inner_text()
    page.locator(f'[data-field="s{chief.pk}"]').get_by_label("优秀").check()
    page.locator(f'[data-field="s{secretary.pk}"]').get_by_label("基本称职").check()
    press(page, "投票")
    assert "已投票。评议票不记名" in page.content()
    assert "已投票" in page.locator('[data-testid="evaluations"]').inner_text()
    page.locator('[data-testid="evaluations"]').get_by_role("link", name="民主评议中层干部").click()
    assert "您已投过票，每位代表只能投一次" in page.locator('[data-testid="voted"]').inner_text()
    no_sideways_scroll(page)
    chief.refresh_from_db()
    assert (chief.excellent, chief.ballots) == (1, 1)
