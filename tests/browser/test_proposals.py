"""One proposal through every stage on the pages: drafted, refused without co-signers, co-signed by two
delegates, submitted, accepted, assigned, signed for, replied to, the reply approved, judged "not satisfied",
re-handled and replied to again, judged satisfied and closed."""

import pytest

from gonghui.proposals.tests.helpers import setting

from .accessibility import Accessibility, Checked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def move(page, label: str) -> None:
    page.locator('[data-testid="moves"]').get_by_role("link", name=label, exact=True).click()


def submit(page) -> None:
    with page.expect_navigation():
        page.click("main button[type=submit]")


def step(page, label: str) -> None:
    """A move that asks nothing more: its page's form sent as it stands."""
    move(page, label)
    submit(page)


def state(page) -> str:
    return page.locator('[data-testid="state"]').inner_text()


def test_a_proposal_goes_through_every_stage(page, login, cast):
    place = setting(cast)
    first, second, third = (d.member.name for d in place.delegates[:3])
    login(cast.officer)
    page.get_by_role("link", name="提案", exact=True).first.click()
    page.locator('[data-testid="proposals-subnav"]').get_by_role("link", name="提案", exact=True).click()
    page.get_by_role("link", name=f"起草提案：{place.session}").click()
    page.fill("input[name=title]", "增设职工书屋")
    page.select_option("select[name=category]", label="生活后勤")
    page.fill("textarea[name=reasons]", "职工读书需求大")
    page.fill("textarea[name=measures]", "利用三楼活动室")
    page.select_option("select[name=proposer]", label=first)
    submit(page)
    assert state(page) == "草稿（征集附议）"

    step(page, "提交")
    assert "提案须有至少2名代表附议，目前0名" in page.content()
    page.get_by_role("link", name="取消").click()
    for name in (second, third):
        move(page, "附议")
        page.select_option("select[name=delegate]", label=name)
        submit(page)
    assert page.locator('[data-testid="co-signers"]').inner_text() == f"{second}、{third}"
    step(page, "提交")
    assert state(page) == "待审查"

    step(page, "立案")
    move(page, "交办")
    page.select_option("select[name=lead]", label="行政办公室")
    submit(page)
    assert state(page) == "已交办待签收"
    step(page, "签收")
    move(page, "答复")
    page.select_option("select[name=reply_kind]", label="已采取措施")
    submit(page)
    assert "请填写已采取的办理措施" in page.content()
    page.fill("textarea[name=reply]", "已腾出活动室作为书屋")
    page.fill("input[name=completion_on]", place.session.held_on.isoformat())
    submit(page)
    assert state(page) == "已答复待审核"
    step(page, "答复审核通过")
    move(page, "登记提案人评价")
    page.get_by_label("不满意").check()
    submit(page)
    assert state(page) == "办理中"

    move(page, "答复")
    page.select_option("select[name=reply_kind]", label="有困难，列入计划")
    page.fill("textarea[name=reply]", "明年增购图书两千册")
    submit(page)
    step(page, "答复审核通过")
    move(page, "登记提案人评价")
    page.get_by_label("满意", exact=True).check()
    submit(page)
    assert state(page) == "已办结（落实跟踪）"
    steps = page.locator('[data-testid="steps"] tbody').inner_text()
    assert steps.count("\t提案人评价\t") == 2 and "不满意，重新办理" in steps


PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport=PHONE, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    context.set_default_timeout(10_000)
    page = context.new_page()
    accessibility = Accessibility(page)
    yield Checked(page, accessibility), context, live_server.url
    accessibility.check()
    context.close()


def as_member(context, url: str, member) -> None:
    """The phone signed in to the portal as the member (the code sign-in is tests/browser/test_portal.py's)."""
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore

    from gonghui.portal.auth import SESSION_KEY
    from gonghui.portal.services import account_consent, account_open

    session = SessionStore()
    session[SESSION_KEY] = account_consent(account=account_open(member=member)).pk
    session.create()
    context.clear_cookies()
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": url}])


def no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide"


def press(page, label: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=label, exact=True).click()


def test_delegates_draft_co_sign_and_judge_on_their_phones(phone, cast):
    from gonghui.proposals import services
    from gonghui.proposals.models import Proposal

    page, context, url = phone
    place = setting(cast)
    proposer, second, third = (d.member for d in place.delegates[:3])
    as_member(context, url, proposer)
    page.goto("/m/")
    page.get_by_role("link", name="我的提案").click()
    page.get_by_role("link", name="起草提案").click()
    no_sideways_scroll(page)
    page.fill("input[name=title]", "增设职工书屋")
    page.select_option("select[name=category]", label="生活后勤")
    page.fill("textarea[name=reasons]", "职工读书需求大")
    page.fill("textarea[name=measures]", "利用三楼活动室")
    press(page, "保存草稿")
    assert state(page) == "草稿（征集附议）"
    press(page, "提交提案")
    assert "提案须有至少2名代表附议，目前0名" in page.content()
    press(page, "征集附议")
    no_sideways_scroll(page)

    for member in (second, third):
        as_member(context, url, member)
        page.goto("/m/proposals/")
        page.locator('[data-testid="proposals"]').get_by_role("link", name="增设职工书屋").click()
        press(page, "我要附议")
        assert "已附议" in page.content()
    as_member(context, url, proposer)
    page.goto("/m/proposals/")
    page.locator('[data-testid="proposals"]').get_by_role("link", name="增设职工书屋").click()
    assert page.locator('[data-testid="co-signers"]').inner_text() == f"{second.name}、{third.name}"
    press(page, "提交提案")
    assert state(page) == "待审查"

    proposal = Proposal.objects.get()
    services.proposal_accept(actor=cast.officer, proposal=proposal)
    services.proposal_assign(actor=cast.officer, proposal=proposal, lead=place.department)
    services.proposal_sign(actor=cast.officer, proposal=proposal)
    for reply in ("已腾出活动室", "明年增购图书两千册"):
        services.proposal_reply(actor=cast.officer, proposal=proposal, reply_kind="plan", reply=reply)
        services.proposal_approve_reply(actor=cast.officer, proposal=proposal)
        page.reload()
        assert reply in page.locator('[data-testid="reply"]').inner_text()
        page.get_by_label("满意" if proposal.rehandled else "不满意", exact=True).check()
        press(page, "提交评价")
        proposal.refresh_from_db()
    assert state(page) == "已办结（落实跟踪）"
    assert "不满意，重新办理" in page.locator('[data-testid="steps"]').inner_text()
    no_sideways_scroll(page)
