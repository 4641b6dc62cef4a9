"""Scoring a county-wide assessment campaign (issue 14): 2,000 unions × 60 rubric items.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench_checks .venv/bin/python bench/bench_checks.py

A federation of its own (no members needed) with 2,000 grassroots unions, a rubric of 60 items (one a
veto item) and a campaign assessing every union: 120,000 item scores, each self-assessed and reviewed,
every assessment submitted. A second run reuses them.

Timed: `checks.services.campaign_score`, the result of every fully reviewed assessment at once (the
totals, the veto, the level, saved), in a transaction rolled back after each run, median of 5 runs.
Baseline, measured in the same run: a bare SUM of the campaign's scores grouped by assessment.
"""

from decimal import Decimal

from common import ensure_database, median_ms, report, require_postgresql, sql_ms, vacuum_analyze

from django.db import transaction

from gonghui.accounts.models import Role, User
from gonghui.checks import services
from gonghui.checks.models import Assessment, AssessmentStatus, Campaign, ItemScore, ScoringMethod, Rubric, RubricKind
from gonghui.checks.rubric_sheet import RubricRow
from gonghui.org.models import OrgType, Union, UnionLevel

TARGET_MS = 2000
UNIONS, ITEMS = 2000, 60
ROOT_CODE = "BENCH-CHECKS"


def ensure_campaign() -> tuple[User, Campaign]:
    root = Union.objects.filter(code=ROOT_CODE).first()
    if root is None:
        root = Union.objects.add_root({"name": "考核基准县总工会", "code": ROOT_CODE, "level": UnionLevel.COUNTY})
        root.tenant_id = root.pk
        root.save()
    user = User.objects.filter(username="bench_checks").first() or User.objects.create_user(
        username="bench_checks", password="bench-checks-password-42", union=root, role=Role.FEDERATION_ADMIN)
    campaign = Campaign.objects.filter(union=root).first()
    if campaign is not None and campaign.assessments.count() == UNIONS:
        return user, campaign
    street = Union.objects.get_children(root).first() or Union.objects.add_child(root, {
        "name": "基准街道总工会", "code": f"{ROOT_CODE}-S", "level": UnionLevel.STREET, "tenant_id": root.pk})
    have = Union.objects.get_children(street).count()
    for n in range(have, UNIONS):
        Union.objects.add_child(Union.objects.get(pk=street.pk), {
            "name": f"基准企业{n:04d}工会", "code": f"{ROOT_CODE}-{n:04d}", "level": UnionLevel.GRASSROOTS,
            "tenant_id": root.pk, "org_type": OrgType.ENTERPRISE})
    rubric = Rubric.objects.filter(union=root).first()
    if rubric is None:
        rubric = services.rubric_create(actor=user, union=root, kind=RubricKind.WORKERS_HOME,
                                        name="基准职工之家评估细则", levels=[[90, "模范职工之家"], [75, "合格职工之家"]])
    if not rubric.items.exists():
        services.rubric_items_add(actor=user, rubric=rubric, rows=[
            RubricRow(n, f"第{n // 10 + 1}部分", f"考核内容{n}",
                      Decimal(0) if n == ITEMS else Decimal(5) if n % 3 else Decimal(1),
                      method=ScoringMethod.DEDUCT if n % 7 == 0 else ScoringMethod.ADD,
                      deduct_per=Decimal(1) if n % 7 == 0 else None, veto=n == ITEMS) for n in range(1, ITEMS + 1)])
    with transaction.atomic():
        campaign = services.campaign_create(actor=user, union=root, rubric=rubric, name="基准年度职工之家评估",
                                            year=2025, starts_on="2025-01-01", ends_on="2025-12-31",
                                            unions=Union.objects.filter(level=UnionLevel.GRASSROOTS,
                                                                        tenant_id=root.pk))
        # Most unions full marks; every fifth union half marks on every item.
        halves = list(campaign.assessments.order_by("id").values_list("id", flat=True))[::5]
        for item in rubric.items.all():
            ItemScore.objects.filter(item=item).update(self_score=item.max_score, score=item.max_score,
                                                       veto_applies=False if item.veto else None)
            ItemScore.objects.filter(item=item, assessment_id__in=halves).update(score=item.max_score / 2)
        campaign.assessments.update(status=AssessmentStatus.SUBMITTED, submitted_on="2025-06-01")
    vacuum_analyze([ItemScore, Assessment])
    return user, campaign


def main() -> None:
    require_postgresql()
    ensure_database()
    user, campaign = ensure_campaign()

    def score() -> None:
        with transaction.atomic():
            assert services.campaign_score(actor=user, campaign=Campaign.objects.get(pk=campaign.pk)) == UNIONS
            transaction.set_rollback(True)

    baseline = sql_ms("SELECT s.assessment_id, SUM(s.score) FROM checks_itemscore s JOIN checks_assessment a "
                      "ON a.id = s.assessment_id WHERE a.campaign_id = %s GROUP BY s.assessment_id", [campaign.pk])
    report([(f"campaign_score: {UNIONS:,} unions × {ITEMS} items", median_ms(score, runs=5, warmup=1),
             TARGET_MS, baseline)])


if __name__ == "__main__":
    main()
