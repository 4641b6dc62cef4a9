"""The demo county's year of work: present in every module, valid by the apps' own rules, the same for a seed.

The county is built once for the module (twice, to compare two builds of one
seed) and committed; each test runs in a transaction rolled back after it.
"""

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db.models import Sum

from gonghui.accounts.models import Role, User
from gonghui.care import selectors as care
from gonghui.care.choices import HardshipFileStatus, ReviewStep, VisitCampaign
from gonghui.care.models import (AidPayment, FundContribution, FundPayout, HardshipFile, HardshipFund, MedicalAidClaim,
                                 MedicalAidEnrolment, SchoolingGrant, ServiceCard, Visit)
from gonghui.core.figures import Ratio, figure_value, figures_all
from gonghui.core.periods import Period
from gonghui.demo.county import build_county
from gonghui.demo.reset import delete_demo
from gonghui.ledger import selectors as ledger
from gonghui.ledger.models import (Activity, ActivityParticipant, ActivityResult, ActivityTally, Honour, ItemTally,
                                   NewsReport, RewardRule)
from gonghui.ledger.services import tally_rebuild
from gonghui.org.models import UnionLevel, OrgType, Union
from gonghui.outreach import selectors as outreach
from gonghui.outreach.models import CourseOrder, Gift, Merchant, OrderState, Survey
from gonghui.plans import selectors as plans
from gonghui.plans.models import Plan, PlanItem, PlanItemStatus, PlanStatus
from gonghui.rights import selectors as rights
from gonghui.rights.choices import DisputeOutcome
from gonghui.rights.models import CollectiveContract, DisputeCase, MediationBody, Mediator, Petition
from gonghui.welfare.models import ChildrenProgramme, DonationDrive, EmploymentAid, Recuperation

AS_OF = date(2026, 9, 30)
MEMBERS = 400
YEAR_START = date(AS_OF.year, 1, 1)

pytestmark = pytest.mark.django_db

# What a seed must reproduce, per table: the fields people see, never database ids.
SNAPSHOT = {
    Plan: ("union__code", "year", "status", "source"),
    PlanItem: ("union__code", "plan__year", "title", "status"),
    Activity: ("union__code", "kind", "title", "series", "date", "participant_count", "cost", "plan_item__title"),
    ActivityParticipant: ("activity__title", "activity__date", "member__id_number", "attended"),
    ActivityResult: ("activity__title", "activity__date", "member__id_number", "team_name", "rank", "prize"),
    Honour: ("union__code", "title", "level", "date", "member__id_number", "team_name", "recipient_union__code"),
    NewsReport: ("union__code", "title", "date", "reporter_name", "published_in"),
    HardshipFile: ("member__id_number", "status", "level", "applied_on", "approved_on", "closed_on",
                   "income_per_head"),
    AidPayment: ("file__member__id_number", "kind", "amount", "paid_on", "fund_source"),
    FundContribution: ("fund__enterprise__name", "amount", "on_date", "source"),
    FundPayout: ("fund__enterprise__name", "member__id_number", "amount", "paid_on"),
    Visit: ("member__id_number", "enterprise__name", "reason", "campaign", "visited_on", "money", "goods_value"),
    SchoolingGrant: ("member__id_number", "student_name", "school_level", "amount", "granted_on"),
    MedicalAidEnrolment: ("member__id_number", "category", "enrolled_on"),
    MedicalAidClaim: ("enrolment__member__id_number", "amount", "paid_on"),
    ServiceCard: ("member__id_number", "collected_on", "issued_on", "card_number"),
    Mediator: ("body__name", "name", "phone", "member__id_number", "active"),
    DisputeCase: ("enterprise__name", "kind", "received_on", "amount", "outcome", "closed_on", "mediator__name"),
    Petition: ("union__code", "received_on", "petitioner", "matter", "closed_on"),
    CollectiveContract: ("title", "kind", "signed_on", "term_start", "term_end", "workers_covered"),
    EmploymentAid: ("union__code", "member__id_number", "name", "aided_on", "employer", "post"),
    Recuperation: ("union__code", "member__id_number", "name", "kind", "on_date", "place", "cost"),
    ChildrenProgramme: ("union__code", "name", "start_on", "end_on", "classes", "children"),
    DonationDrive: ("union__code", "name", "held_on", "donors", "amount", "clothes", "books", "other_items"),
    Survey: ("enterprise__name", "surveyed_on", "workers_reached", "topic"),
    Gift: ("enterprise__name", "given_on", "item", "quantity", "unit", "value"),
    Merchant: ("union__code", "name", "contracted_on"),
    CourseOrder: ("enterprise__name", "course__title", "ordered_on", "state", "delivered_on", "activity__date"),
}


def snapshot() -> dict[str, list]:
    return {model.__name__: sorted(model.objects.values_list(*fields), key=repr) for model, fields in SNAPSHOT.items()}


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The county as built a second time from the seed, and what the first build held."""
    with django_db_blocker.unblock():
        build_county(seed=1, members=MEMBERS, as_of=AS_OF, work=True)
        first = snapshot()
        delete_demo()
        try:
            yield build_county(seed=1, members=MEMBERS, as_of=AS_OF, work=True), first
        finally:
            delete_demo()


@pytest.fixture
def county(built):
    return built[0]


def user(username: str) -> User:
    return User.objects.select_related("union").get(username=username)


def test_the_same_seed_gives_the_same_year(built):
    _, first = built
    assert snapshot() == first
    assert all(first[model.__name__] for model in SNAPSHOT), "every table has records"


def test_plans_from_the_templates_for_this_year_and_last(county):
    this_year = Plan.objects.filter(year=AS_OF.year)
    levels = Counter(this_year.values_list("union__level", flat=True))
    assert levels[UnionLevel.COUNTY] == 1 and levels[UnionLevel.STREET] == 3
    grassroots = Union.objects.filter(level=UnionLevel.GRASSROOTS).count()
    assert 0.5 * grassroots < levels[UnionLevel.GRASSROOTS] < grassroots, "a good share of unions, not all"
    assert this_year.filter(status=PlanStatus.DRAFT).exists() and this_year.filter(status=PlanStatus.FILED).exists()
    assert Plan.objects.filter(year=AS_OF.year - 1, status=PlanStatus.FILED).count() >= 8
    assert this_year.filter(source=f"沿用{AS_OF.year - 1}年计划").exists()
    for org_type, template in ((OrgType.SCHOOL, "学校"), (OrgType.AGENCY, "机关"), (OrgType.ENTERPRISE, "企业")):
        sources = set(this_year.filter(union__org_type=org_type).values_list("source", flat=True))
        assert sources and all(template in s or s.startswith("沿用") for s in sources), org_type
    assert this_year.get(union__level=UnionLevel.COUNTY).source in ("模板：县总工会年度工作计划", f"沿用{AS_OF.year - 1}年计划")
    statuses = Counter(PlanItem.objects.filter(plan__year=AS_OF.year).values_list("status", flat=True))
    assert statuses[PlanItemStatus.DONE] and statuses[PlanItemStatus.ACTIVE] and statuses[PlanItemStatus.DROPPED]


def test_the_year_view_shows_progress_and_who_is_behind(county):
    admin = user("county_admin")
    glance = plans.year_glance(user=admin, union=admin.union, year=AS_OF.year, as_of=AS_OF)
    assert glance.plan is not None and glance.complete > 0
    assert glance.entries == Activity.objects.filter(date__year=AS_OF.year).count() > 200
    assert sum(1 for _, _, n in glance.kinds if n) >= 9, "entries of nearly every kind"
    assert glance.not_filed and len(glance.not_filed) < len(glance.subtree) / 2
    assert any(row.overdue for row in glance.subtree) and any(row.complete for row in glance.subtree)
    assert any(row.complete for row in glance.progress)
    street = plans.year_glance(user=user("street_admin"), union=county.streets[0], year=AS_OF.year, as_of=AS_OF)
    assert street.plan is not None and street.entries > 0
    items = ItemTally.objects.values("plan_item").distinct().count()
    assert items > 50, "activities fulfil plan items"


def test_the_ledger_has_every_kind_of_entry_with_people_and_results(county):
    kinds = Counter(Activity.objects.values_list("kind", flat=True))
    for kind in ("meeting", "culture_sports", "festival", "competition", "skill_contest", "training",
                 "legal_education", "study", "publicity"):
        assert kinds[kind], kind
    titles = " ".join(Activity.objects.values_list("title", flat=True))
    for words in ("委员会", "运动会", "三·八", "五一", "教师节", "劳动竞赛", "技能比", "一小时课堂", "普法"):
        assert words in titles, words
    assert Activity.objects.filter(plan_item__isnull=False).count() > Activity.objects.count() / 2
    assert ActivityParticipant.objects.filter(attended=False).exists(), "training sign-in sheets"
    assert ActivityResult.objects.filter(rank=1).exists() and ActivityResult.objects.exclude(team_name="").exists()
    honours = Honour.objects.all()
    assert set(honours.values_list("recipient_type", flat=True)) == {"member", "team", "union"}
    assert set(honours.values_list("level", flat=True)) == {"community", "street", "county", "city", "province",
                                                            "national"}
    assert {"工人先锋号", "模范职工之家"} <= {title.removeprefix("市").removeprefix("省").removeprefix("全国") for title in
                                        honours.values_list("title", flat=True)}
    assert honours.filter(level="street", title__endswith="最美职工", union__level="street").exists()
    assert Activity.objects.filter(series="一小时课堂").count() > 3, "sessions of a series"
    assert NewsReport.objects.count() > 20
    admin = user("county_admin")
    assert list(RewardRule.objects.filter(union=admin.union).values_list("min_count", flat=True)) == [3, 6, 10]
    tally = ledger.news_tally(user=admin, union=admin.union, year=AS_OF.year)
    assert any(row.reward for row in tally), "some reporters earn the county's reward"


def test_ledger_records_obey_the_services_rules(county):
    for activity in Activity.objects.select_related("union", "plan_item__plan"):
        activity.full_clean()
        assert YEAR_START <= activity.date <= AS_OF
        if activity.plan_item:
            assert activity.plan_item.union_id == activity.union_id
            assert activity.plan_item.plan.year == activity.date.year
        assert activity.participant_count >= activity.participations.count()
    outsiders = [p for p in ActivityParticipant.objects.select_related("activity__union", "member__union")
                 if not p.member.union.path.startswith(p.activity.union.path)]
    assert outsiders == []
    for model in (Honour, NewsReport):
        for record in model.objects.all():
            record.full_clean()
            assert record.date <= AS_OF


def test_the_ledger_counters_match_a_recount(county):
    def counters():
        return (sorted(ActivityTally.objects.values_list("union_id", "year", "month", "kind", "count")),
                sorted(ItemTally.objects.values_list("plan_item_id", "month", "count")))

    kept = counters()
    tally_rebuild(tenant_id=county.root.id)
    assert counters() == kept


def test_hardship_files_at_every_state_reviewed_by_two_people(county):
    statuses = Counter(HardshipFile.objects.values_list("status", flat=True))
    for status in (HardshipFileStatus.APPLIED, HardshipFileStatus.UNION_APPROVED, HardshipFileStatus.ACTIVE,
                   HardshipFileStatus.CLOSED):
        assert statuses[status], status
    assert not HardshipFile.objects.filter(status=HardshipFileStatus.ACTIVE, level="").exists()
    for file in HardshipFile.objects.exclude(approved_on=None).prefetch_related("reviews__by"):
        file.full_clean()
        steps = {review.step: review for review in file.reviews.all()}
        union_review, federation_review = steps[ReviewStep.UNION], steps[ReviewStep.FEDERATION]
        assert union_review.by != federation_review.by
        assert federation_review.by.role == Role.FEDERATION_ADMIN
        assert file.applied_on <= union_review.on_date <= federation_review.on_date == file.approved_on <= AS_OF
    for payment in AidPayment.objects.select_related("file"):
        assert payment.file.approved_on <= payment.paid_on <= AS_OF


def test_member_services_through_the_year(county):
    for fund in HardshipFund.objects.all():
        paid_in = fund.contributions.aggregate(total=Sum("amount"))["total"] or Decimal(0)
        paid_out = fund.payouts.aggregate(total=Sum("amount"))["total"] or Decimal(0)
        assert fund.balance == paid_in - paid_out >= 0
    assert FundPayout.objects.exists()
    winter = Visit.objects.filter(campaign=VisitCampaign.WINTER_WARMTH)
    assert winter.exists() and all(d.month in (1, 2) for d in winter.values_list("visited_on", flat=True))
    summer = Visit.objects.filter(campaign=VisitCampaign.SUMMER_COOLING)
    assert summer.exists() and all(d.month in (7, 8) for d in summer.values_list("visited_on", flat=True))
    assert Visit.objects.filter(campaign="").values("reason").distinct().count() >= 3, "五必访"
    assert all(d.month in (8, 9) for d in SchoolingGrant.objects.values_list("granted_on", flat=True))
    assert SchoolingGrant.objects.exists() and MedicalAidClaim.objects.exists()
    assert ServiceCard.objects.filter(issued_on=None).exists() and ServiceCard.objects.exclude(issued_on=None).exists()
    for model, field in ((Visit, "visited_on"), (MedicalAidClaim, "paid_on"), (ServiceCard, "collected_on"),
                         (FundPayout, "paid_on")):
        assert not model.objects.filter(**{f"{field}__gt": AS_OF}).exists(), model


def test_rights_cases_petitions_and_contracts(county):
    assert MediationBody.objects.filter(enterprise__isnull=False).exists()
    assert MediationBody.objects.filter(enterprise__isnull=True).count() == 4, "the county's and each street's"
    assert Mediator.objects.filter(active=False).exists() and Mediator.objects.exclude(member=None).exists()
    cases = DisputeCase.objects.all()
    assert len({case.kind for case in cases}) >= 4
    closed = cases.exclude(closed_on=None)
    assert closed.filter(outcome=DisputeOutcome.MEDIATED).count() > closed.count() / 2
    assert cases.filter(closed_on=None, received_on__lt=AS_OF - timedelta(days=15)).count() >= 2, "open past the limit"
    for case in cases.select_related("mediator__body"):
        case.full_clean()
        assert case.received_on <= (case.closed_on or AS_OF) <= AS_OF
        assert case.steps.exists()
    assert Petition.objects.filter(closed_on=None).exists() and Petition.objects.exclude(closed_on=None).exists()
    expiring = CollectiveContract.objects.filter(term_end__range=(AS_OF, AS_OF + timedelta(days=90)))
    assert expiring.exists() and CollectiveContract.objects.filter(term_end__gt=AS_OF + timedelta(days=90)).exists()
    assert set(CollectiveContract.objects.values_list("scope", flat=True)) >= {"enterprise", "regional"}


def test_outreach_surveys_gifts_merchants_and_course_orders(county):
    for model, field in ((Survey, "surveyed_on"), (Gift, "given_on"), (CourseOrder, "ordered_on")):
        assert model.objects.filter(**{f"{field}__range": (YEAR_START, AS_OF)}).count() >= 3, model
    assert Merchant.objects.filter(contracted_on__gte=YEAR_START).exists()
    assert Merchant.objects.filter(contracted_on__lt=YEAR_START).exists()
    assert set(CourseOrder.objects.values_list("state", flat=True)) >= {OrderState.DELIVERED, OrderState.REQUESTED}
    for order in CourseOrder.objects.select_related("activity", "course__union", "enterprise__union"):
        order.full_clean()
        assert order.ordered_on <= (order.delivered_on or AS_OF) <= AS_OF
        if order.state == OrderState.DELIVERED:
            assert order.activity.date == order.delivered_on and order.activity.union == order.course.union
    admin = user("county_admin")
    assert len(outreach.series_delivered(user=admin, union=admin.union, period=Period(YEAR_START, AS_OF))) == 2
    officer = user("officer")
    assert outreach.survey_list(user=officer).exists() and outreach.gift_list(user=officer).exists()


def test_the_statistics_pages_have_figures(county):
    admin = user("county_admin")
    figures = care.care_statistics(user=admin, union=admin.union, period=Period(start=YEAR_START, end=AS_OF))
    # Every care figure has records (a required enterprise without a fund among them: the gap to close).
    empty = [key for key, value in figures.values.items() if not value.value]
    assert empty == [], empty
    disputes = rights.dispute_figures(user=admin, union=admin.union, start=YEAR_START, end=AS_OF)
    assert disputes.received and disputes.handled and disputes.mediated and disputes.petitions and disputes.amount
    coverage = rights.contract_coverage(user=admin, union=admin.union, start=YEAR_START, end=AS_OF)
    assert coverage.contracts and coverage.enterprises
    mediation = rights.mediation_coverage(user=admin, union=admin.union)
    assert mediation.bodies and mediation.mediators


def test_every_welfare_figure_has_records_and_the_officer_finds_some(county):
    admin, officer = user("county_admin"), user("officer")
    for figure in figures_all():
        if figure.key.startswith("welfare."):
            value = figure_value(figure, user=admin, union=admin.union, period=Period(date(AS_OF.year - 1, 7, 1), AS_OF))
            assert value.value, figure.key
    assert EmploymentAid.objects.filter(member=None).exists() and EmploymentAid.objects.exclude(member=None).exists()
    for model in (EmploymentAid, Recuperation):
        assert model.objects.filter(union=officer.union).exists(), model
        for record in model.objects.select_related("member__union", "union"):
            record.full_clean()
            assert record.member is None or record.member.union.path.startswith(record.union.path)
            assert getattr(record, model.DATE_FIELD) <= AS_OF


def test_the_demo_officer_finds_a_year_at_his_union(county):
    """His union has a filed plan, a ledger, a mediation committee with a case, and contracts.

    (Its members are few in a county this small, so records about members are not asked for here.)
    """
    officer = user("officer")
    assert plans.plan_list(user=officer, filters={"year": AS_OF.year}).filter(status=PlanStatus.FILED).exists()
    assert ledger.activity_list(user=officer).exists()
    assert rights.dispute_list(user=officer).exists()
    assert rights.contract_list(user=officer).exists()
    # Everything at the officer's union was entered by the officer, as if he had kept the books.
    made_by = set(Activity.objects.filter(union=officer.union).values_list("created_by__username", flat=True))
    assert made_by == {"officer"}


def test_deleting_the_demo_removes_the_year(county):
    delete_demo()
    for model in (*SNAPSHOT, ActivityTally, ItemTally, RewardRule, MediationBody, HardshipFund):
        assert not model.objects.exists(), model
    assert not User.objects.filter(union__isnull=False).exists()


@pytest.mark.parametrize("app", ["org", "members", "rights", "ledger", "plans"])
def test_every_figure_of_the_demo_year_has_records(county, app):
    """Each registered figure of these apps counts something in the demo year, so its drill-down test means it."""
    admin = user("county_admin")
    period = Period(start=YEAR_START, end=AS_OF, code="")
    empty = [figure.key for figure in figures_all()
             if figure.key.startswith(f"{app}.") and not isinstance(figure, Ratio)
             and not figure_value(figure, user=admin, union=admin.union, period=period).value]
    assert empty == []
