"""The street federation sets up a “三零” competition with its indicators, enters two unions, scores them
(a score above the indicators' total is refused at its field) and ranks them; an officer's nomination of a
union without a collective contract is refused with the rule it fails."""

import pytest

from .forms import log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page) -> None:
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def test_a_competition_is_set_up_scored_and_ranked_and_an_ineligible_nomination_refused(page, login, cast,
                                                                                       live_server):
    login(cast.street_admin)
    page.get_by_role("link", name="劳动竞赛", exact=True).first.click()
    page.locator('[data-testid="competitions-subnav"]').get_by_role("link", name="劳动竞赛", exact=True).click()
    page.get_by_role("link", name="新增").click()
    page.select_option("select[name=theme]", label="“三零”竞赛")
    page.fill("input[name=title]", "2026年“三零”劳动竞赛")
    page.fill("input[name=starts_on]", "2026-01-01")
    page.fill("input[name=ends_on]", "2026-06-30")
    page.fill("textarea[name=indicators]", "零事故,40,否决,发生事故一票否决\n零缺陷,30\n零损耗,30")
    submit(page)
    page.wait_for_url("**/competitions/competitions/*/")
    detail = page.url
    assert "零事故：40.0分（一票否决），发生事故一票否决" in page.locator('[data-testid="indicators"]').inner_text()
    for union in ("甲一机械厂工会", "甲二中学工会"):
        page.get_by_role("link", name="报名参赛").click()
        page.select_option("select[name=union]", label=union)
        submit(page)
        page.wait_for_url(detail)
    entries = page.locator('[data-testid="entries"] tbody tr')
    entries.filter(has_text="甲一机械厂工会").get_by_role("link", name="评分").click()
    page.fill("input[name=score]", "101")
    submit(page)
    assert "得分应在0至100.0分之间" in page.locator('[data-field="score"] .errorlist').inner_text()
    page.fill("input[name=score]", "82")
    submit(page)
    page.wait_for_url(detail)
    entries.filter(has_text="甲二中学工会").get_by_role("link", name="评分").click()
    page.fill("input[name=score]", "91")
    submit(page)
    page.wait_for_url(detail)
    page.get_by_role("button", name="按得分排名").click()
    page.wait_for_url(detail)
    first = page.locator('[data-testid="entries"] tbody tr').first.inner_text()
    assert first.startswith("1") and "甲二中学工会" in first
    log_out(page)

    login(cast.officer)
    page.goto(f"{live_server.url}/competitions/nominations/new/")
    page.select_option("select[name=honour_kind]", label="工人先锋号")
    page.fill("input[name=awarding_body]", "县总工会")
    page.fill("textarea[name=reason]", "“三零”竞赛成绩突出")
    submit(page)
    assert "甲一机械厂工会不符合推荐条件：未签订有效的集体合同" in page.content()


def test_a_team_takes_in_members_counts_them_and_lets_one_go(page, login, cast, live_server):
    from gonghui.competitions.tests.helpers import team

    made = team(cast)
    login(cast.officer)
    page.goto(f"{live_server.url}/competitions/teams/{made.pk}/")
    assert page.locator('[data-testid="headcount"]').inner_text() == "0"
    page.get_by_role("link", name="加入成员").click()
    page.select_option("select[name=member]", label="张伟")
    submit(page)
    assert page.locator('[data-testid="headcount"]').inner_text() == "1"
    assert "张伟" in page.locator('[data-testid="members"]').inner_text()
    page.get_by_role("link", name="设置班组长").click()
    page.select_option("select[name=leader]", label="张伟")
    submit(page)
    assert page.locator('[data-testid="leader"]').inner_text() == "张伟"
    with page.expect_navigation():
        page.locator('[data-testid="members"] tbody tr', has_text="张伟").get_by_role("button", name="移出班组").click()
    assert page.locator('[data-testid="headcount"]').inner_text() == "0"
    assert "张伟已移出班组" in page.content()
    assert page.locator('[data-testid="leader"]').inner_text() == "未设"  # a leader who leaves stops leading


def test_the_month_is_checked_and_its_red_flag_awarded(page, login, cast, live_server):
    from gonghui.competitions import services as competitions
    from gonghui.competitions.tests.helpers import competition, today

    contest = competition(cast)
    for union in (cast.union_a1, cast.union_a2):
        competitions.entry_add(actor=cast.street_admin, competition=contest, union=union)
    login(cast.street_admin)
    detail = f"{live_server.url}/competitions/competitions/{contest.pk}/"
    page.goto(detail)
    page.get_by_role("link", name="录入月度检查").click()
    page.select_option("select[name=indicator]", label="零缺陷")
    page.fill("input[name=month]", f"{today():%Y-%m}")
    page.get_by_label("甲一机械厂工会").fill("26")
    page.get_by_label("甲二中学工会").fill("29")
    submit(page)
    page.wait_for_url(detail)
    page.get_by_role("link", name="评定流动红旗").click()
    page.fill("input[name=month]", f"{today():%Y-%m}")
    submit(page)
    page.wait_for_url(detail)
    flags = page.locator('[data-testid="red-flags"] tbody').inner_text()
    assert f"{today():%Y年%m月}" in flags and "甲二中学工会" in flags and "29.0" in flags
