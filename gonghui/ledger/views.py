from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from gonghui.core import registry
from gonghui.core.files import private_file_response
from gonghui.core.pages import delete_page, fields_of, form_page, paginate, record_form_view, today_as, year_from
from gonghui.core.scoping import visible, within
from gonghui.core.xlsx import xlsx_download
from gonghui.core.links import record_link
from gonghui.members.models import Member
from gonghui.members.selectors import member_get
from gonghui.org.models import UnionLevel
from gonghui.org.pages import union_asked
from gonghui.org.selectors import union_get, union_list
from gonghui.plans.selectors import plan_item_get, plan_items_for_ledger

from . import selectors, services
from .exports import ledger_download
from .figures import ledger_totals
from .files import CONTENT_TYPES
from .filters import ActivityFilters, HonourFilters, NewsFilters
from .forms import ActivityForm, AttachmentForm, AttendanceForm, HonourForm, NewsForm, ResultForm, RewardRuleForm
from .models import CONTEST_KINDS, ActivityKind


def _members(request):
    return visible(Member.objects.all(), request.user)


# Each ledger list, for its page and its export: its filters, its selector and its page's template.
ACTIVITIES = (ActivityFilters, selectors.activity_list, "ledger/activity_list.html")
HONOURS = (HonourFilters, selectors.honour_list, "ledger/honour_list.html")
NEWS = (NewsFilters, selectors.news_list, "ledger/news_list.html")


def _list_pages(filters_class, select, template: str, **extra):
    """A ledger list's page (with `extra`: name -> what it adds from the rows) and its export.

    The export's rows are the list's as on screen: the same filters from the same query string.
    """

    @login_required
    def list_page(request):
        filters, qs = filters_class.listed(request, select)
        return render(request, template, {"form": filters.form, "unions": union_list(user=request.user),
                                          "page": paginate(request, qs), **{name: f(qs) for name, f in extra.items()}})

    @login_required
    def export_page(request):
        return ledger_download(filters_class.listed(request, select)[1])

    return list_page, export_page


@login_required
def create_for_page(request, kind: str):
    """The list pages' "record for a union beneath" picker lands on that union's form."""
    targets = {"activity": "ledger:create", "honour": "ledger:honour_create", "news": "ledger:news_create"}
    if kind not in targets:
        raise Http404
    union = union_asked(request)
    return redirect(targets[kind], union.pk)


# --- activities --------------------------------------------------------------------------------------------


# The activities' list has a total row (participants and cost, the registry's sums) and its series.
activity_list_page, activity_export_page = _list_pages(*ACTIVITIES, totals=ledger_totals,
                                                       series=selectors.series_counts)


_activity_url = record_link("ledger:detail")


def _activity_form_kwargs(request, union) -> dict:
    return {"members": _members(request), "union": union,
            "plan_items": plan_items_for_ledger(user=request.user, union=union)}


@login_required
def activity_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    initial = {"date": timezone.localdate()}
    if item_pk := request.GET.get("plan_item"):
        item = plan_item_get(user=request.user, pk=item_pk)
        initial.update(plan_item=item.pk, title=item.title)
    return form_page(request, form_class=ActivityForm, title=f"登记活动：{union.name}",
                     service=lambda d: services.activity_create(actor=request.user, union=union, **d),
                     success=_activity_url, cancel_url=reverse("ledger:list"), initial=initial,
                     form_kwargs=_activity_form_kwargs(request, union))


@login_required
def activity_edit_page(request, pk: int):
    activity = selectors.activity_get(user=request.user, pk=pk)
    initial = {f: getattr(activity, f) for f in services.ACTIVITY_FIELDS if f != "participants"}
    initial["participants"] = list(activity.participations.values_list("member_id", flat=True))
    return form_page(request, form_class=ActivityForm, title=f"编辑活动：{activity.title}",
                     service=lambda d: services.activity_update(actor=request.user, activity=activity, **d),
                     success=_activity_url, cancel_url=_activity_url(activity), initial=initial,
                     form_kwargs=_activity_form_kwargs(request, activity.union))


@login_required
def activity_detail_page(request, pk: int):
    activity = selectors.activity_get(user=request.user, pk=pk)
    participations = list(selectors.activity_participations(activity=activity))
    return render(request, "ledger/activity_detail.html", {
        "activity": activity, "participations": participations,
        "attended": sum(1 for p in participations if p.attended),
        "results": selectors.activity_results(activity=activity),
        "is_contest": activity.kind in CONTEST_KINDS, "is_training": activity.kind == ActivityKind.TRAINING,
        "attachments": selectors.attachments_of(entry=activity), "entry_label": "activity",
        # The finance app (above this one) names the vouchers that pay for the activity.
        "vouchers": registry.provider("finance.vouchers_of_record")(user=request.user, record=activity),
    })


activity_delete_page = delete_page(selectors.activity_get, services.activity_delete, "activity",
                                   back=lambda _: reverse("ledger:list"))


@login_required
def activity_attendance_page(request, pk: int):
    activity = selectors.activity_get(user=request.user, pk=pk)
    participations = list(selectors.activity_participations(activity=activity))
    return form_page(request, form_class=AttendanceForm, title=f"登记出勤：{activity.title}",
                     service=lambda d: services.activity_set_attendance(actor=request.user, activity=activity,
                                                                        attended=d["attended"]),
                     success=_activity_url, cancel_url=_activity_url(activity),
                     initial={"attended": [p.member_id for p in participations if p.attended]},
                     form_kwargs={"participations": participations})


result_add_page = record_form_view(
    selectors.activity_get, services.activity_result_add, "activity", form_class=ResultForm,
    title=lambda activity: f"登记名次：{activity.title}", back=_activity_url,
    form_kwargs=lambda request, activity: {"members": _members(request), "union": activity.union})


result_delete_page = delete_page(selectors.result_get, services.activity_result_delete, "result",
                                 back=lambda result: _activity_url(result.activity))


@login_required
def roster_search_page(request, union_pk: int):
    """Candidates for a member picker: the union subtree's roster, by name or ID tail (htmx fragment)."""
    union = union_get(user=request.user, pk=union_pk)
    found = selectors.roster_for(user=request.user, union=union, q=request.GET.get("q", ""))[:20]
    multiple = request.GET.get("multiple") == "1"
    return render(request, "ledger/_roster_found.html", {
        "found": found, "name": request.GET.get("name", "participants"),
        "input_type": "checkbox" if multiple else "radio"})


# --- honours -----------------------------------------------------------------------------------------------


honour_list_page, honour_export_page = _list_pages(*HONOURS)


def _honour_form_kwargs(request, union) -> dict:
    return {"members": _members(request), "union": union,
            "unions": within(union_list(user=request.user), union)}


honour_create_page = record_form_view(
    union_get, services.honour_create, "union", key="union_pk", form_class=HonourForm,
    title=lambda union: f"登记表彰：{union.name}", back=lambda _: reverse("ledger:honours"),
    form_kwargs=_honour_form_kwargs)


honour_edit_page = record_form_view(
    selectors.honour_get, services.honour_update, "honour", form_class=HonourForm,
    title=lambda honour: f"编辑表彰：{honour}", back=lambda honour: reverse("ledger:honour_detail", args=[honour.pk]),
    initial=fields_of(services.HONOUR_FIELDS), form_kwargs=lambda request, h: _honour_form_kwargs(request, h.union))


def _entry_detail(request, entry, *, label: str, url_name: str, fields: list[tuple[str, object]]):
    """An honour's or a news report's page: its fields, edit and delete, its attachments."""
    return render(request, "ledger/entry_detail.html", {
        "entry": entry, "entry_label": label, "attachments": selectors.attachments_of(entry=entry),
        "edit_url": reverse(f"ledger:{url_name}_edit", args=[entry.pk]),
        "delete_url": reverse(f"ledger:{url_name}_delete", args=[entry.pk]), "fields": fields})


@login_required
def honour_detail_page(request, pk: int):
    honour = selectors.honour_get(user=request.user, pk=pk)
    return _entry_detail(request, honour, label="honour", url_name="honour", fields=[
        ("表彰对象", f"{honour.get_recipient_type_display()}：{honour.recipient}"), ("荣誉称号", honour.title),
        ("级别", honour.get_level_display()), ("表彰日期", honour.date), ("授予单位", honour.awarding_body),
        ("工会", honour.union.name), ("备注", honour.note)])


honour_delete_page = delete_page(selectors.honour_get, services.honour_delete, "honour",
                                 back=lambda _: reverse("ledger:honours"))


# --- news reports and rewards ------------------------------------------------------------------------------


news_list_page, news_export_page = _list_pages(*NEWS)


def _news_form_kwargs(request, union) -> dict:
    return {"members": _members(request), "union": union}


news_create_page = record_form_view(
    union_get, services.news_report_create, "union", key="union_pk", form_class=NewsForm,
    title=lambda union: f"登记信息报道：{union.name}", back=lambda _: reverse("ledger:news"),
    initial=today_as("date"), form_kwargs=_news_form_kwargs)


news_edit_page = record_form_view(
    selectors.news_get, services.news_report_update, "report", form_class=NewsForm,
    title=lambda report: f"编辑信息报道：{report.title}", back=lambda report: reverse("ledger:news_detail", args=[report.pk]),
    initial=fields_of(services.NEWS_FIELDS), form_kwargs=lambda request, r: _news_form_kwargs(request, r.union))


@login_required
def news_detail_page(request, pk: int):
    report = selectors.news_get(user=request.user, pk=pk)
    return _entry_detail(request, report, label="newsreport", url_name="news", fields=[
        ("标题", report.title), ("报送人", report.reporter_name), ("报送日期", report.date),
        ("刊发媒体", report.published_in), ("工会", report.union.name)])


news_delete_page = delete_page(selectors.news_get, services.news_report_delete, "report",
                               back=lambda _: reverse("ledger:news"))


@login_required
def news_tally_page(request):
    union = union_asked(request)
    year = year_from(request)
    rows = selectors.news_tally(user=request.user, union=union, year=year)
    if request.GET.get("format") == "xlsx":
        return xlsx_download(
            filename=f"信息报道统计{year}.xlsx", sheet_name="信息报道统计",
            headers=("工会", "报送人", "报道篇数", "奖励", "奖金（元）"),
            rows=((r.union.name, r.reporter, r.count, r.reward.reward if r.reward else "", r.amount) for r in rows))
    return render(request, "ledger/news_tally.html", {
        "union": union, "year": year, "rows": rows, "rules": selectors.rules_in_force(union=union),
        "unions": union_list(user=request.user).exclude(level=UnionLevel.GRASSROOTS)})


@login_required
def rewards_page(request, union_pk: int):
    """The federation's reward tiers; the form below the list posts one more tier."""
    union = union_get(user=request.user, pk=union_pk)
    if request.method == "POST":
        return form_page(request, form_class=RewardRuleForm, title=f"信息报道奖励规则：{union.name}",
                         service=lambda d: services.reward_rule_create(actor=request.user, union=union, **d),
                         success=lambda r: reverse("ledger:rewards", args=[union.pk]),
                         cancel_url=reverse("ledger:rewards", args=[union.pk]), submit_label="添加一档")
    return render(request, "ledger/rewards.html", {"union": union, "rules": selectors.reward_rules(union=union),
                                                    "form": RewardRuleForm()})


reward_delete_page = delete_page(selectors.reward_rule_get, services.reward_rule_delete, "rule",
                                 back=lambda rule: reverse("ledger:rewards", args=[rule.union_id]))


# --- attachments -------------------------------------------------------------------------------------------

DETAIL_URLS = {"activity": "ledger:detail", "honour": "ledger:honour_detail", "newsreport": "ledger:news_detail"}


@login_required
def attachment_add_page(request, label: str, pk: int):
    entry = selectors.entry_get(user=request.user, label=label, pk=pk)
    back = reverse(DETAIL_URLS[label], args=[entry.pk])
    return form_page(request, form_class=AttachmentForm, title=f"上传附件：{entry}",
                     service=lambda d: services.attachment_add(actor=request.user, entry=entry, **d),
                     success=lambda a: back, cancel_url=back, submit_label="上传", done_message="已上传")


@login_required
def attachment_download_page(request, pk: int):
    attachment = selectors.attachment_get(user=request.user, pk=pk)
    return private_file_response(attachment.file, as_attachment=not attachment.is_image, filename=attachment.name,
                                 content_type=CONTENT_TYPES[attachment.file_type])


attachment_delete_page = delete_page(
    selectors.attachment_get, services.attachment_delete, "attachment",
    back=lambda attachment: reverse(DETAIL_URLS[attachment.content_type.model], args=[attachment.object_id]))


# --- a member's ledger -------------------------------------------------------------------------------------


@login_required
def member_ledger_page(request, pk: int):
    member = member_get(user=request.user, pk=pk)
    return render(request, "ledger/member.html", {"ledger": selectors.member_ledger(user=request.user, member=member),
                                                  "member": member})

