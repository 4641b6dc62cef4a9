from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, QuerySet, Sum
from django.http import Http404

from gonghui.core.scoping import ancestor_paths, get_visible_or_404, visible, within
from gonghui.members.choices import MemberStatus
from gonghui.members.models import Member
from gonghui.org.models import Union

from .filters import ID_TAIL_RE, ActivityFilters, HonourFilters, NewsFilters
from .models import (Activity, ActivityKind, ActivityParticipant, ActivityResult, ActivityTally, Attachment, Honour,
                     ItemTally, NewsReport, RewardRule)

ENTRY_MODELS = {"activity": Activity, "honour": Honour, "newsreport": NewsReport}


def activity_list(*, user, filters: Mapping | None = None) -> QuerySet[Activity]:
    qs = visible(Activity.objects.select_related("union", "plan_item"), user)
    return ActivityFilters.narrow(qs, filters, user=user).order_by("-date", "-id")


@dataclass
class SeriesCount:
    series: str
    sessions: int

    @property
    def sentence(self) -> str:
        return f"已经开展{self.sessions}期{self.series}"


def series_counts(qs: QuerySet[Activity]) -> list[SeriesCount]:
    """Sessions of each series among a list's entries ("已经开展102期一小时讲堂"), most sessions first.

    Over a figure's records (figure_records of "ledger.series_sessions") it is that figure by series; over a
    filtered ledger list, the list's own.
    """
    rows = (qs.exclude(series="").order_by().values_list("series").annotate(n=Count("id"))
            .order_by("-n", "series"))
    return [SeriesCount(series=name, sessions=n) for name, n in rows]


def activity_get(*, user, pk) -> Activity:
    return get_visible_or_404(Activity.objects.select_related("union", "plan_item__plan", "created_by"), user, pk=pk)


def activity_participations(*, activity: Activity) -> QuerySet[ActivityParticipant]:
    return activity.participations.select_related("member", "member__union").order_by("member__name", "id")


def activity_results(*, activity: Activity) -> QuerySet[ActivityResult]:
    return activity.contest_results.select_related("member")


def result_get(*, user, pk) -> ActivityResult:
    return get_visible_or_404(ActivityResult.objects.select_related("activity", "activity__union"), user, pk=pk)


def activity_tally(*, user, union: Union, year: int) -> list[tuple[int, str, int]]:
    """(union id, kind, entries) for the subtree of `union` in the year, from the counters."""
    qs = within(visible(ActivityTally.objects.filter(year=year), user), union)
    return list(qs.values_list("union_id", "kind").annotate(n=Sum("count")).order_by())


# --- what plans reads of the ledger (registered in LedgerConfig.ready(): plans sits below the ledger) -------


def activity_kinds() -> list[tuple[str, str]]:
    return ActivityKind.choices


def item_done_by_month(*, item_ids: QuerySet) -> QuerySet:
    """(plan item id, month, entries fulfilling the item that month), from the counters."""
    return ItemTally.objects.filter(plan_item_id__in=item_ids).values_list("plan_item_id", "month", "count")


def item_done_totals(*, item_ids: QuerySet) -> dict[int, int]:
    """Entries fulfilling each item over its year, summed by the database (thousands of items)."""
    return dict(ItemTally.objects.filter(plan_item_id__in=item_ids).values_list("plan_item_id")
                .annotate(n=Sum("count")).values_list("plan_item_id", "n").order_by())


def roster_for(*, user, union: Union, q: str = "") -> QuerySet[Member]:
    """Active members of the union's subtree: who may be picked as a participant."""
    qs = within(visible(Member.objects.select_related("union"), user), union).filter(status=MemberStatus.ACTIVE)
    q = q.strip()
    if ID_TAIL_RE.match(q):
        return qs.filter(id_tail=q.upper())
    return qs.filter(name__startswith=q).order_by("name", "id") if q else qs.none()


# --- honours and news reports ------------------------------------------------------------------------------


def honour_list(*, user, filters: Mapping | None = None) -> QuerySet[Honour]:
    qs = visible(Honour.objects.select_related("union", "member", "recipient_union"), user)
    return HonourFilters.narrow(qs, filters, user=user).order_by("-date", "-id")


def honour_get(*, user, pk) -> Honour:
    return get_visible_or_404(Honour.objects.select_related("union", "member", "recipient_union"), user, pk=pk)


def news_list(*, user, filters: Mapping | None = None) -> QuerySet[NewsReport]:
    qs = visible(NewsReport.objects.select_related("union", "reporter"), user)
    return NewsFilters.narrow(qs, filters, user=user).order_by("-date", "-id")


def news_get(*, user, pk) -> NewsReport:
    return get_visible_or_404(NewsReport.objects.select_related("union", "reporter"), user, pk=pk)


def reward_rules(*, union: Union) -> QuerySet[RewardRule]:
    return RewardRule.objects.filter(union=union)


def reward_rule_get(*, user, pk) -> RewardRule:
    return get_visible_or_404(RewardRule.objects.select_related("union"), user, pk=pk)


def rules_in_force(*, union: Union) -> list[RewardRule]:
    """The reward rule of the nearest federation, from `union` upwards, that has one."""
    owners = (RewardRule.objects.filter(tenant_id=union.tenant_id, union__path__in=ancestor_paths(union))
              .order_by("-union__depth").values_list("union_id", flat=True))
    nearest = owners.first()
    return list(RewardRule.objects.filter(union_id=nearest)) if nearest else []


@dataclass
class ReporterTally:
    union: Union
    reporter: str
    count: int
    reward: RewardRule | None

    @property
    def amount(self) -> Decimal | None:
        return self.reward.amount if self.reward else None


def news_tally(*, user, union: Union, year: int) -> list[ReporterTally]:
    """Reports per reporter in the year, with the reward each count earns under the rule in force."""
    rules = rules_in_force(union=union)
    qs = news_list(user=user, filters={"union": union, "date_from": date(year, 1, 1), "date_to": date(year, 12, 31)})
    rows = qs.values_list("union_id", "reporter_name").annotate(n=Count("id")).order_by("-n", "reporter_name")
    unions = {u.id: u for u in Union.objects.filter(id__in={union_id for union_id, _, _ in rows})}
    return [ReporterTally(union=unions[union_id], reporter=name, count=n,
                          reward=next((r for r in reversed(rules) if n >= r.min_count), None))
            for union_id, name, n in rows]


# --- attachments and a member's ledger -----------------------------------------------------------------------


def entry_get(*, user, label: str, pk) -> Activity | Honour | NewsReport:
    model = ENTRY_MODELS.get(label)
    if model is None:
        raise Http404
    return get_visible_or_404(model.objects.select_related("union"), user, pk=pk)


def attachments_of(*, entry) -> QuerySet[Attachment]:
    return Attachment.objects.filter(content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk)


def attachment_get(*, user, pk) -> Attachment:
    return get_visible_or_404(Attachment.objects.select_related("content_type"), user, pk=pk)


@dataclass
class MemberLedger:
    member: Member
    activities: QuerySet[ActivityParticipant]
    results: QuerySet[ActivityResult]
    honours: QuerySet[Honour]
    news: QuerySet[NewsReport]


def member_ledger(*, user, member: Member) -> MemberLedger:
    """What one member took part in: activities, contest results, honours, news reports."""
    return MemberLedger(
        member=member,
        activities=visible(ActivityParticipant.objects.filter(member=member), user)
        .select_related("activity", "activity__union").order_by("-activity__date", "-activity_id"),
        results=visible(ActivityResult.objects.filter(member=member), user)
        .select_related("activity").order_by("-activity__date", "rank"),
        honours=visible(Honour.objects.filter(member=member), user).order_by("-date"),
        news=visible(NewsReport.objects.filter(reporter=member), user).order_by("-date"),
    )
