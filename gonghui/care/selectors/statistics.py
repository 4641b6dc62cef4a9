"""The figures of the statistics page, the overview and the API, for a union's subtree and a period."""

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from gonghui.core.formatting import ZERO
from gonghui.core.figures import figures_cached
from gonghui.core.scoping import is_within, may_access_care, visible, within
from gonghui.org.models import Enterprise, Union, UnionLevel

from ..choices import Campaign, VisitReason
from ..figures import (
    CardFigures,
    CareFigures,
    FundFigures,
    HardshipFigures,
    MedicalFigures,
    Period,
    SchoolingFigures,
    SummerFigures,
    VisitFigures,
    VisitRow,
    WinterFigures,
)
from ..models import (
    AidPayment,
    FundContribution,
    FundPayout,
    HardshipFile,
    HardshipFund,
    MedicalAidClaim,
    MedicalAidEnrolment,
    MedicalAidUnit,
    SchoolingGrant,
    ServiceCard,
    Visit,
)


def _in(qs: QuerySet, user, union: Union) -> QuerySet:
    """What the user may see of the chosen union's subtree (each subtree read once per request)."""
    return within(visible(qs, user), union)


def _aid_by_month(user, union: Union, p: Period) -> dict[date, tuple[Decimal, int]]:
    """The period's aid in one pass, month by month: the total and the chart both come from it."""
    rows = (_in(AidPayment.objects.filter(paid_on__range=(p.start, p.end)), user, union).order_by()
            .annotate(month=TruncMonth("paid_on")).values("month").annotate(total=Sum("amount"), n=Count("id"))
            .values_list("month", "total", "n"))
    return {month: (total, n) for month, total, n in rows}


def _hardship(user, union: Union, p: Period, aid: dict[date, tuple[Decimal, int]]) -> HardshipFigures:
    still_open_at_end = Q(closed_on__isnull=True) | Q(closed_on__gt=p.end)
    files = _in(HardshipFile.objects.filter(approved_on__lte=p.end), user, union).aggregate(
        new=Count("id", filter=Q(approved_on__gte=p.start)),
        active=Count("id", filter=still_open_at_end),
    )
    return HardshipFigures(new_files=files["new"], active_at_end=files["active"],
                           aid_total=sum((total for total, _ in aid.values()), ZERO),
                           aid_payments=sum(n for _, n in aid.values()))


def _funds(user, union: Union, p: Period) -> FundFigures:
    covered = _in(Enterprise.objects.filter(union__level=UnionLevel.GRASSROOTS), user, union).count()
    funds = _in(HardshipFund.objects.filter(established_on__lte=p.end), user, union)
    money = _in(FundContribution.objects.filter(on_date__lte=p.end), user, union).aggregate(total=Sum("amount"))
    figures = FundFigures(funds=funds.count(), covered_enterprises=covered, contributed=money["total"] or ZERO)
    if not may_access_care(user):
        figures.paid_out = figures.paid_members = figures.balance = None
        return figures
    paid_before_end = _in(FundPayout.objects.filter(paid_on__lte=p.end), user, union)
    payouts = paid_before_end.aggregate(
        total=Sum("amount", filter=Q(paid_on__gte=p.start)),
        members=Count("member_id", filter=Q(paid_on__gte=p.start), distinct=True),
        all_time=Sum("amount"),
    )
    figures.paid_out, figures.paid_members = payouts["total"] or ZERO, payouts["members"]
    figures.balance = figures.contributed - (payouts["all_time"] or ZERO)
    return figures


def _visits(user, union: Union, p: Period) -> tuple[WinterFigures, SummerFigures, VisitFigures]:
    visits = _in(Visit.objects.filter(visited_on__range=(p.start, p.end)), user, union)
    value = Sum(F("money") + F("goods_value"))
    winter = visits.filter(campaign=Campaign.WINTER_WARMTH).aggregate(
        members=Count("member_id", distinct=True), value=value)
    summer = visits.filter(campaign=Campaign.SUMMER_COOLING).aggregate(
        enterprises=Count("enterprise_id", distinct=True), workers=Sum("workers_reached"), value=value)
    by_reason = {row["reason"]: row for row in visits.order_by().values("reason").annotate(n=Count("id"), value=value)}
    rows = [VisitRow(reason=code, label=str(label), visits=by_reason.get(code, {}).get("n", 0),
                     value=by_reason.get(code, {}).get("value") or ZERO) for code, label in VisitReason.choices]
    return (WinterFigures(members=winter["members"], value=winter["value"] or ZERO),
            SummerFigures(enterprises=summer["enterprises"], workers=summer["workers"] or 0,
                          value=summer["value"] or ZERO),
            VisitFigures(rows=rows))


def _schooling(user, union: Union, p: Period) -> SchoolingFigures:
    grants = _in(SchoolingGrant.objects.filter(granted_on__range=(p.start, p.end)), user, union)
    students = dict(grants.order_by().values("school_level").annotate(n=Count("id"))
                    .values_list("school_level", "n"))
    totals = grants.aggregate(families=Count("member_id", distinct=True), amount=Sum("amount"))
    return SchoolingFigures(students=students, families=totals["families"], amount=totals["amount"] or ZERO)


def _medical(user, union: Union, p: Period) -> MedicalFigures:
    year = p.end.year
    enrolments = _in(MedicalAidEnrolment.objects.filter(year=year), user, union)
    by_category = dict(enrolments.order_by().values("category").annotate(n=Count("id"))
                       .values_list("category", "n"))
    units = _in(MedicalAidUnit.objects.filter(year=year), user, union).aggregate(
        n=Count("id"), whole=Count("id", filter=Q(whole_unit=True)))
    claims = _in(MedicalAidClaim.objects.filter(paid_on__range=(p.start, p.end)), user, union).aggregate(
        n=Count("id"), paid=Sum("amount"))
    return MedicalFigures(year=year, by_category=by_category, units=units["n"], whole_units=units["whole"],
                          claims=claims["n"], claims_paid=claims["paid"] or ZERO)


def _cards(user, union: Union, p: Period) -> CardFigures:
    cards = _in(ServiceCard.objects.filter(collected_on__lte=p.end), user, union).aggregate(
        collected=Count("id", filter=Q(collected_on__gte=p.start)),
        issued=Count("id", filter=Q(issued_on__range=(p.start, p.end))),
        collected_total=Count("id"),
        issued_total=Count("id", filter=Q(issued_on__lte=p.end)),
    )
    return CardFigures(**cards)


def _months(p: Period) -> list[date]:
    months, day = [], p.start.replace(day=1)
    while day <= p.end:
        months.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def _chart(user, union: Union, p: Period, aid: dict[date, tuple[Decimal, int]]) -> dict:
    """Aid paid and files approved, month by month: the shape of the year behind the totals."""
    new = dict(_in(HardshipFile.objects.filter(approved_on__range=(p.start, p.end)), user, union).order_by()
               .annotate(month=TruncMonth("approved_on")).values("month").annotate(n=Count("id"))
               .values_list("month", "n"))
    months = _months(p)
    return {
        "months": [f"{m.year}-{m.month:02d}" for m in months],
        "aid": [float(aid.get(m, (0, 0))[0]) for m in months],
        "new_files": [new.get(m, 0) for m in months],
    }


CARE_FIGURES = "care"  # the figures' kind in gonghui.core.figures
# What the figures read: each save or delete of these forgets them (CareConfig.ready).
FIGURES_READ = (AidPayment, HardshipFile, HardshipFund, FundContribution, FundPayout, Visit, SchoolingGrant,
                MedicalAidEnrolment, MedicalAidUnit, MedicalAidClaim, ServiceCard)


def care_statistics(*, user, union: Union, start: date, end: date, chart: bool = True) -> CareFigures:
    """The summaries' figures for a node's subtree and a period; `union` must come from a scoped selector.

    Without the care grant the figures read from hardship files, aid and fund payouts are left out
    (None), rather than shown as the zeros that scoping would make of them. Within the user's subtree
    they depend on the union, the period and the grant only, so they are kept a short while
    (gonghui.core.figures): a county's year is hundreds of milliseconds of aggregates.
    """
    def compute():
        return _care_statistics(user, union, start, end, chart)

    if not is_within(user, union):
        return compute()
    return figures_cached(CARE_FIGURES, union=union, parts=(start, end, may_access_care(user), chart),
                          compute=compute)


def _care_statistics(user, union: Union, start: date, end: date, chart: bool) -> CareFigures:
    p = Period(start=start, end=end)
    winter, summer, visits = _visits(user, union, p)
    granted = may_access_care(user)
    aid = _aid_by_month(user, union, p) if granted else {}
    return CareFigures(
        period=p, hardship=_hardship(user, union, p, aid) if granted else None, funds=_funds(user, union, p),
        winter=winter, summer=summer, schooling=_schooling(user, union, p), visits=visits,
        medical=_medical(user, union, p), cards=_cards(user, union, p),
        chart=_chart(user, union, p, aid) if chart and granted else {},
    )
