"""The year-end summary of street A's 2025, built from its records: the text, the page, the edits, the plan."""

import re
from dataclasses import replace

import pytest
from django.urls import reverse

from gonghui.core import figures
from gonghui.core.figures import Section
from gonghui.core.periods import year_period
from gonghui.plans.models import Plan, WorkArea
from gonghui.reports.summary import HEADINGS, summary_build, summary_render
from gonghui.reports.summary_models import SummaryDraft

from .summary_helpers import JOINED, RETIRED, YEAR, build_street_year, summary_figures  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
PERIOD = year_period(YEAR)


def _url(name, union, period="2025"):
    return reverse(name) + f"?union={union.pk}&period={period}"


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


@pytest.fixture
def street_year(cast, summary_figures):  # noqa: F811
    build_street_year(cast)
    return cast


def test_the_draft_writes_the_figures_as_the_seed_does_and_leaves_out_empty_chapters(street_year):
    cast = street_year
    summary = summary_build(user=cast.street_admin, union=cast.street_a, period=PERIOD, today=PERIOD.end)
    rendered = summary_render(summary, user=cast.street_admin)
    text = [rendered.plain(block.text) for block in summary.blocks]
    assert summary.title == "甲街道总工会2025年工作总结"
    # Other apps register figures of these chapters too: the paragraphs are read for their own sentences.
    organisation = next(line for line in text if line.startswith("今年完成基层单建工会2家，"))
    assert "，覆盖企业2家" in organisation and organisation.endswith("。")
    assert any(line.startswith("新发展会员3人") and line.endswith("。") for line in text)
    headings = [block.text for block in summary.blocks if block.level == 1]
    assert HEADINGS[Section.ORGANISATION] in headings and HEADINGS[Section.CULTURE] in headings
    # 民主管理's only figure is 0 here: no heading, no "0人".
    assert HEADINGS[Section.DEMOCRACY] not in headings
    assert not any("0人" in line or "退休职工入会" in line for line in text)
    numbers = [number for block, number in rendered.numbered() if block.level == 1]
    assert numbers[:2] == ["一、", "二、"]


def test_a_figure_the_user_may_not_read_is_left_out_not_written_as_zero(street_year, monkeypatch):
    cast = street_year
    monkeypatch.setitem(figures._figures, JOINED.key, replace(JOINED, care=True))
    summary = summary_build(user=cast.officer_no_care, union=cast.union_a1, period=PERIOD, today=PERIOD.end)
    assert not any("新发展会员" in block.text for block in summary.blocks)


def test_the_page_shows_the_draft_with_each_figure_a_link_to_its_records(client, street_year):
    cast = street_year
    client.force_login(cast.street_admin)
    page = client.get(_url("reports:summary", cast.street_a))
    assert page.status_code == 200
    html = page.content.decode()
    link = re.search(r'<a href="([^"]+)" data-figure="org.unions_founded">2</a>', html)
    assert link, "the founded unions' figure is a link"
    records = client.get(link[1].replace("&amp;", "&"))
    listed = records.content.decode()
    assert "甲一机械厂工会" in listed and "甲二中学工会" in listed and '今年完成基层单建工会2家' in listed
    assert "今年完成基层单建工会2家" in _text(page)
    assert "按统计数据生成的初稿" in _text(page)


def _post_data(page_context, **changes):
    form = page_context["form"]
    data = {name: form[name].value() if form[name].value() is not None else "" for name in form.fields}
    data.update(changes)
    return data


def test_an_edited_paragraph_keeps_its_links_and_a_typed_value_is_marked_in_the_appendix(client, street_year):
    cast = street_year
    client.force_login(cast.street_admin)
    url = _url("reports:summary", cast.street_a)
    page = client.get(url)
    blocks = page.context["form"].rows()
    body = next(i for i, (_, text, _) in enumerate(blocks) if "org.unions_founded" in (text.value() or ""))
    edited = ("特别是在区总的高度重视下，今年完成基层单建工会{{figure:org.unions_founded}}家，"
              "覆盖企业{{figure:org.enterprises_covered}}家。")
    saved = client.post(url, _post_data(page.context, **{f"text_{body}": edited,
                                                          "figure_org.enterprises_covered": "368"}))
    assert saved.status_code == 302
    draft = SummaryDraft.objects.get(union=cast.street_a)
    assert edited in [b["text"] for b in draft.paragraphs]
    assert draft.edited_figures == {"org.enterprises_covered": "368"}
    assert draft.history.count() == 1

    html = client.get(url).content.decode()
    assert re.search(r'特别是在区总的高度重视下，今年完成基层单建工会<a href="[^"]+" data-figure="org.unions_founded">2</a>家',
                     html)
    row = re.search(r'<tr data-figure="org.enterprises_covered">(.*?)</tr>', html, re.S)[1]
    assert "368" in row and "已手工修改" in row and "系统统计：2" in row
    unchanged = re.search(r'<tr data-figure="org.unions_founded">(.*?)</tr>', html, re.S)[1]
    assert "已手工修改" not in unchanged


def test_a_token_of_no_registered_figure_is_refused_at_its_paragraph(client, street_year):
    cast = street_year
    client.force_login(cast.street_admin)
    url = _url("reports:summary", cast.street_a)
    page = client.get(url)
    refused = client.post(url, _post_data(page.context, text_1="共调处{{figure:rights.nothing}}起。"))
    assert refused.status_code == 400
    assert "引用了不存在的统计指标：rights.nothing" in _text(refused)
    assert refused.context["form"]["text_1"].errors
    assert not SummaryDraft.objects.exists()


def test_a_read_only_account_reads_the_summary_and_may_not_save_it(client, street_year):
    cast = street_year
    client.force_login(cast.auditor)
    url = _url("reports:summary", cast.street_a)
    page = client.get(url)
    assert page.status_code == 200 and "修改正文" not in _text(page)
    assert client.post(url, {"title": "改"}).status_code == 403
    assert not SummaryDraft.objects.exists()


def test_a_period_that_cannot_be_read_is_an_error_at_the_picker(client, cast):
    client.force_login(cast.street_admin)
    page = client.get(_url("reports:summary", cast.street_a, period="2025年"))
    assert page.status_code == 400
    assert "期间应写作" in _text(page)


def test_next_years_plan_starts_from_the_summarys_headings(client, street_year):
    cast = street_year
    client.force_login(cast.street_admin)
    started = client.post(_url("reports:summary_plan", cast.street_a))
    plan = Plan.objects.get(union=cast.street_a, year=YEAR + 1)
    assert started.status_code == 302 and started["Location"] == reverse("plans:detail", args=[plan.pk])
    items = list(plan.items.values_list("area", "title"))
    assert (WorkArea.SELF_CONSTRUCTION, HEADINGS[Section.ORGANISATION]) in items
    assert (WorkArea.CULTURE, HEADINGS[Section.CULTURE]) in items
    assert plan.source == "2025年工作总结"
    # A second time the plans app refuses (one plan a year), and the page says so.
    again = client.post(_url("reports:summary_plan", cast.street_a), follow=True)
    assert "已有2026年的工作计划" in _text(again)
    assert Plan.objects.filter(union=cast.street_a, year=YEAR + 1).count() == 1


def test_starting_again_drops_the_saved_text_and_builds_from_the_figures(client, street_year):
    cast = street_year
    client.force_login(cast.street_admin)
    url = _url("reports:summary", cast.street_a)
    page = client.get(url)
    client.post(url, _post_data(page.context, title="改过的标题"))
    assert "改过的标题" in _text(client.get(url))
    again = client.post(_url("reports:summary_reset", cast.street_a), follow=True)
    assert "已按最新统计数据重新生成" in _text(again) and "甲街道总工会2025年工作总结" in _text(again)
    assert not SummaryDraft.objects.exists()
    assert SummaryDraft.history.filter(history_type="-").count() == 1


def test_a_saved_text_naming_a_figure_no_longer_registered_says_so_and_is_refused_on_saving(client, cast):
    SummaryDraft.objects.create(
        tenant_id=cast.county.pk, union=cast.street_a, period_code="2025", period_start=PERIOD.start,
        period_end=PERIOD.end, title="甲街道总工会2025年工作总结", written_on=PERIOD.end, updated_by=cast.street_admin,
        paragraphs=[{"level": 0, "text": "发放慰问金{{figure:care.retired_test}}元。"}])
    client.force_login(cast.street_admin)
    url = _url("reports:summary", cast.street_a)
    page = client.get(url)
    assert page.status_code == 200 and "发放慰问金〔该指标已停用〕元。" in _text(page)
    refused = client.post(url, _post_data(page.context))
    assert refused.status_code == 400
    assert "引用了不存在的统计指标：care.retired_test" in _text(refused)


def _zero_news(figure, section, sentence):
    news = replace(figure, section=section)
    object.__setattr__(news, "zero_sentence", sentence)  # core.figures.Figure.zero_sentence, where it is declared
    return news


def test_a_zero_that_is_news_is_said_beside_the_chapters_figures_never_alone(street_year, monkeypatch):
    cast = street_year
    beside = _zero_news(RETIRED, Section.CULTURE, "退休职工全部入会")
    monkeypatch.setitem(figures._figures, RETIRED.key, beside)
    text = [b.text for b in summary_build(user=cast.street_admin, union=cast.street_a, period=PERIOD,
                                          today=PERIOD.end).blocks]
    assert any("新发展会员{{figure:members.summary_test_joined}}人，退休职工全部入会" in line for line in text)
    alone = _zero_news(RETIRED, Section.DEMOCRACY, "退休职工全部入会")
    monkeypatch.setitem(figures._figures, RETIRED.key, alone)
    summary = summary_build(user=cast.street_admin, union=cast.street_a, period=PERIOD, today=PERIOD.end)
    assert not any("退休职工全部入会" in b.text for b in summary.blocks)
    assert HEADINGS[Section.DEMOCRACY] not in [b.text for b in summary.blocks]


@pytest.mark.parametrize("who", ["street_admin", "officer", "officer_no_care", "auditor"])
def test_figures_read_together_equal_each_read_alone(street_year, who):
    """Every registered figure, for users with and without the care grant: the summary's one query per
    table gives what `figure_value` gives figure by figure."""
    from gonghui.core.figures import figure_value, figures_all
    from gonghui.core.figures_together import figure_values_together

    user = getattr(street_year, who)
    union = user.union
    together = figure_values_together(figures_all(), user=user, union=union, period=PERIOD)
    for figure in figures_all():
        alone = figure_value(figure, user=user, union=union, period=PERIOD)
        assert (together[figure.key].value, together[figure.key].text, together[figure.key].url) == \
            (alone.value, alone.text, alone.url), figure.key


def test_an_outline_line_the_plans_app_refuses_leaves_no_plan_behind(cast):
    from django.core.exceptions import ValidationError

    from gonghui.plans.services import plan_create_from_outline

    with pytest.raises(ValidationError) as refused:
        plan_create_from_outline(actor=cast.street_admin, union=cast.street_a, year=YEAR + 1, source="总结",
                                 items=[{"area": WorkArea.CARE, "title": "做好帮扶"},
                                        {"area": WorkArea.CARE, "title": " "}])
    assert refused.value.message_dict == {"title": ["请填写工作事项"]}
    assert not Plan.objects.filter(union=cast.street_a).exists()
