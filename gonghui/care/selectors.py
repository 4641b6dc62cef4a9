"""Every read of member services, scoped through `visible()`.

Hardship files, aid and fund payouts are sensitive: their lists check the
user's grant (403 when missing); a single record without the grant is a 404,
as one outside the user's subtree (core.scoping.visible).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from gonghui.core.identifiers import ID_TAIL_RE
from gonghui.core.scoping import get_visible_or_404, may_access_care, visible
from gonghui.members.choices import Status as MemberStatus
from gonghui.members.models import Member
from gonghui.org.models import Enterprise
from gonghui.org.models import UnionLevel
from gonghui.org.models import Union

from .choices import Campaign, FileStatus, ReviewStep, VisitReason
from .figures import (
    ZERO,
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
from .models import (
    AidPayment,
    FundContribution,
    FundPayout,
    HardshipFile,
    HardshipFund,
    HardshipReview,
    MedicalAidClaim,
    MedicalAidEnrolment,
    MedicalAidUnit,
    SchoolingGrant,
    ServiceCard,
    Visit,
)
from .rules import require_care_access

REVIEW_EVERY = timedelta(days=365)


def _in(qs: QuerySet, user, union: Union | None) -> QuerySet:
    """Scoped to the user, then narrowed to a chosen node's subtree."""
    qs = visible(qs, user)
    return qs.filter(**{f"{qs.model.SCOPE_PATH}__startswith": union.path}) if union is not None else qs


def _dates(qs: QuerySet, field: str, start: date | None, end: date | None) -> QuerySet:
    if start:
        qs = qs.filter(**{f"{field}__gte": start})
    if end:
        qs = qs.filter(**{f"{field}__lte": end})
    return qs


def _search_member(qs: QuerySet, q: str, prefix: str = "member__") -> QuerySet:
    q = (q or "").strip()
    if ID_TAIL_RE.match(q):
        return qs.filter(**{f"{prefix}id_tail": q.upper()})
    return qs.filter(**{f"{prefix}name__startswith": q}) if q else qs


def care_member_by_id_number(*, user, id_number: str) -> Member | None:
    """The member a form names by ID number, if the user may see them; forms never list a county's members."""
    same_person = visible(Member.objects.select_related("union"), user).filter(id_number=id_number)
    # A person who left and rejoined has several records; the active one is meant, else the latest.
    return same_person.filter(status=MemberStatus.ACTIVE).first() or same_person.order_by("-id").first()


def care_member_get(*, user, pk) -> Member | None:
    """The member an API payload names, or None: the API reports it at the field rather than as a 404."""
    return visible(Member.objects.select_related("union"), user).filter(pk=pk).first()


# ---------------------------------------------------------------- hardship files and aid


def hardship_file_list(*, user, union: Union | None = None, q: str = "", status: str = "", level: str = "",
                       cause: str = "") -> QuerySet[HardshipFile]:
    require_care_access(user)
    qs = _search_member(_in(HardshipFile.objects.select_related("member", "union"), user, union), q)
    if status:
        qs = qs.filter(status=status)
    if level:
        qs = qs.filter(level=level)
    if cause:
        qs = qs.filter(causes__contains=f",{cause},")
    return qs.order_by("-applied_on", "-id")


def hardship_file_get(*, user, pk) -> HardshipFile:
    return get_visible_or_404(HardshipFile.objects.select_related("member", "union"), user, pk=pk)


def hardship_file_reviews(*, file: HardshipFile):
    return file.reviews.select_related("by")


def hardship_file_aid(*, file: HardshipFile) -> QuerySet[AidPayment]:
    return file.aid.order_by("-paid_on", "-id")


def aid_list(*, user, union: Union | None = None, q: str = "", kind: str = "", fund_source: str = "",
             start: date | None = None, end: date | None = None) -> QuerySet[AidPayment]:
    require_care_access(user)
    qs = _in(AidPayment.objects.select_related("file__member", "union"), user, union)
    qs = _dates(_search_member(qs, q, prefix="file__member__"), "paid_on", start, end)
    if kind:
        qs = qs.filter(kind=kind)
    if fund_source:
        qs = qs.filter(fund_source=fund_source)
    return qs.order_by("-paid_on", "-id")


def _review_due(today: date) -> Q:
    """Active files whose last review (or approval) is more than a year old."""
    return Q(status=FileStatus.ACTIVE, last_reviewed_on__lt=today - REVIEW_EVERY)


def files_review_due(*, user, today: date) -> QuerySet[HardshipFile]:
    require_care_access(user)
    qs = visible(HardshipFile.objects.select_related("member", "union"), user)
    return qs.filter(_review_due(today)).order_by("last_reviewed_on")


def files_never_helped(*, user) -> QuerySet[HardshipFile]:
    require_care_access(user)
    qs = visible(HardshipFile.objects.select_related("member", "union"), user)
    helped = AidPayment.objects.filter(file_id=OuterRef("pk"))
    return qs.filter(status=FileStatus.ACTIVE).filter(~Exists(helped)).order_by("approved_on")


@dataclass(frozen=True)
class HardshipTodo:
    union_review: int = 0
    federation_review: int = 0
    yearly_review: int = 0


def hardship_todo(*, user, today: date) -> HardshipTodo:
    """The home page's to-do: files waiting for a review this user could do, counted in one query.

    The federation's review follows the services' rule (_require_federation_reviewer): a federation
    admin above the file's union, who did not do the file's first review. Nothing without the grant.
    """
    if not may_access_care(user):
        return HardshipTodo()
    counts = {"union_review": Count("id", filter=Q(status=FileStatus.APPLIED)),
              "yearly_review": Count("id", filter=_review_due(today))}
    if user.is_federation_admin:
        own_first_review = HardshipReview.objects.filter(file_id=OuterRef("pk"), step=ReviewStep.UNION, by=user)
        counts["federation_review"] = Count("id", filter=Q(status=FileStatus.UNION_APPROVED)
                                            & ~Q(union_id=user.union_id) & ~Exists(own_first_review))
    return HardshipTodo(**visible(HardshipFile.objects.all(), user).aggregate(**counts))


# ---------------------------------------------------------------- funds


def fund_list(*, user, union: Union | None = None, q: str = "") -> QuerySet[HardshipFund]:
    qs = _in(HardshipFund.objects.select_related("enterprise", "union"), user, union)
    return (qs.filter(enterprise__name__contains=q.strip()) if q.strip() else qs).order_by("enterprise__name")


def fund_get(*, user, pk) -> HardshipFund:
    return get_visible_or_404(HardshipFund.objects.select_related("enterprise", "union"), user, pk=pk)


def fund_contributions(*, fund: HardshipFund) -> QuerySet[FundContribution]:
    return fund.contributions.all()


def fund_payouts(*, user, fund: HardshipFund) -> QuerySet[FundPayout]:
    require_care_access(user)
    return fund.payouts.select_related("member")


def fund_enterprises(*, user) -> QuerySet[Enterprise]:
    """Enterprises that may have a fund: covered by a grassroots union in the user's subtree, none yet."""
    has_fund = HardshipFund.objects.filter(enterprise_id=OuterRef("pk"))
    return (visible(Enterprise.objects.select_related("union"), user)
            .filter(union__level=UnionLevel.GRASSROOTS).filter(~Exists(has_fund)).order_by("name"))


# ---------------------------------------------------------------- visits, schooling aid


def visit_list(*, user, union: Union | None = None, reason: str = "", campaign: str = "",
               start: date | None = None, end: date | None = None) -> QuerySet[Visit]:
    qs = _dates(_in(Visit.objects.select_related("member", "enterprise", "union"), user, union),
                "visited_on", start, end)
    if reason:
        qs = qs.filter(reason=reason)
    if campaign:
        qs = qs.filter(campaign=campaign)
    return qs.order_by("-visited_on", "-id")


def visit_enterprises(*, user) -> QuerySet[Enterprise]:
    return visible(Enterprise.objects.all(), user).order_by("name")


def schooling_grant_list(*, user, union: Union | None = None, school_level: str = "", start: date | None = None,
                         end: date | None = None) -> QuerySet[SchoolingGrant]:
    qs = _dates(_in(SchoolingGrant.objects.select_related("member", "union"), user, union), "granted_on", start, end)
    return (qs.filter(school_level=school_level) if school_level else qs).order_by("-granted_on", "-id")


# ---------------------------------------------------------------- mutual medical aid and service cards


def medical_unit_list(*, user, union: Union | None = None, year: int | None = None) -> QuerySet[MedicalAidUnit]:
    qs = _in(MedicalAidUnit.objects.select_related("union", "enterprise"), user, union)
    if year:
        qs = qs.filter(year=year)
    return qs.annotate(enrolled=Count("enrolments")).order_by("-year", "union__path", "id")


def medical_unit_get(*, user, pk) -> MedicalAidUnit:
    return get_visible_or_404(MedicalAidUnit.objects.select_related("union", "enterprise"), user, pk=pk)


def medical_units_for_form(*, user) -> QuerySet[Union]:
    return visible(Union.objects.filter(level=UnionLevel.GRASSROOTS), user).order_by("path")


def medical_enrolment_list(*, user, union: Union | None = None, year: int | None = None, category: str = "",
                           unit: MedicalAidUnit | None = None, q: str = "") -> QuerySet[MedicalAidEnrolment]:
    qs = _search_member(_in(MedicalAidEnrolment.objects.select_related("member", "unit__enterprise", "union"),
                            user, union), q)
    if unit is not None:
        qs = qs.filter(unit=unit)
    if year:
        qs = qs.filter(year=year)
    if category:
        qs = qs.filter(category=category)
    return qs.order_by("-year", "member__name", "id")


def medical_enrolment_get(*, user, pk) -> MedicalAidEnrolment:
    return get_visible_or_404(MedicalAidEnrolment.objects.select_related("member", "unit", "union"), user, pk=pk)


def medical_claims(*, enrolment: MedicalAidEnrolment) -> QuerySet[MedicalAidClaim]:
    return enrolment.claims.order_by("-paid_on", "-id")


def service_card_list(*, user, union: Union | None = None, q: str = "", issued: str = "") -> QuerySet[ServiceCard]:
    qs = _search_member(_in(ServiceCard.objects.select_related("member", "union"), user, union), q)
    if issued in ("yes", "no"):
        qs = qs.filter(issued_on__isnull=issued == "no")
    return qs.order_by("-collected_on", "-id")


def service_card_get(*, user, pk) -> ServiceCard:
    return get_visible_or_404(ServiceCard.objects.select_related("member", "union"), user, pk=pk)


# ---------------------------------------------------------------- statistics


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


def care_statistics(*, user, union: Union, start: date, end: date, chart: bool = True) -> CareFigures:
    """The summaries' figures for a node's subtree and a period; `union` must come from a scoped selector.

    Without the care grant the figures read from hardship files, aid and fund payouts are left out
    (None), rather than shown as the zeros that scoping would make of them.
    """
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
