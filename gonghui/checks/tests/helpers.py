"""Checks records for tests, entered through the services as a federation's officer would."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from gonghui.checks import services
from gonghui.checks.models import RubricKind, ScoringMethod
from gonghui.checks.rubric_sheet import RubricRow

LEVELS = [[90, "示范"], [75, "达标"]]


def rows() -> list[RubricRow]:
    return [
        RubricRow(1, "组织建设", "依法选举产生工会主席", Decimal(40), method=ScoringMethod.PASS_FAIL),
        RubricRow(2, "组织建设", "台帐不完整每项扣2分", Decimal(30), method=ScoringMethod.DEDUCT, deduct_per=Decimal(2)),
        RubricRow(3, "经费管理", "按时报送年度计划", Decimal(30), figure_key="plans.plans_filed",
                  figure_target=Decimal(1)),
        RubricRow(4, "安全生产", "发生重大安全事故", Decimal(0), veto=True),
    ]


def rubric(cast, **overrides):
    data = dict(actor=cast.street_admin, union=cast.street_a, kind=RubricKind.WORKERS_HOME, name="职工之家评估细则",
                version=1, levels=LEVELS)
    made = services.rubric_create(**{**data, **overrides})
    services.rubric_items_add(actor=data["actor"], rubric=made, rows=rows())
    return made


def campaign(cast, **overrides):
    year = timezone.localdate().year
    data = dict(actor=cast.street_admin, union=cast.street_a, name=f"{year}年度职工之家评估", year=year,
                starts_on=date(year, 1, 1), ends_on=date(year, 12, 31), unions=[cast.union_a1])
    data.setdefault("rubric", overrides.pop("rubric", None) or rubric(cast))
    return services.campaign_create(**{**data, **overrides})


def self_assessed(cast, assessment, scores=(40, 30, 30, 0), actor=None):
    actor = actor or cast.officer
    for row, score in zip(assessment.scores.select_related("item").order_by("item__order"), scores, strict=True):
        services.self_score_set(actor=actor, assessment=assessment, item=row.item, self_score=Decimal(score))
    return services.assessment_submit(actor=actor, assessment=assessment)


def reviewed(cast, assessment, *, occurrences=1, veto=False):
    items = [row.item for row in assessment.scores.select_related("item").order_by("item__order")]
    admin = cast.street_admin
    services.review_score_set(actor=admin, assessment=assessment, item=items[0], score=Decimal(40))
    services.review_score_set(actor=admin, assessment=assessment, item=items[1], occurrences=occurrences)
    services.review_score_set(actor=admin, assessment=assessment, item=items[2], score=Decimal(30),
                              override_reason="计划已报送纸质版")
    services.review_score_set(actor=admin, assessment=assessment, item=items[3], score=Decimal(0), veto_applies=veto)
    return services.assessment_conclude(actor=admin, assessment=assessment)


LABOUR_ROWS = [
    RubricRow(1, "劳动合同", "书面劳动合同签订率100%", Decimal(30)),
    RubricRow(2, "工资支付", "按时足额发放工资", Decimal(30), method=ScoringMethod.PASS_FAIL),
    RubricRow(3, "社会保险", "按规定缴纳养老、失业、医疗等社会保险", Decimal(20)),
    RubricRow(4, "工作时间与女职工保护", "工时符合规定，女职工特殊保护落实", Decimal(20)),
]


def labour_check(cast, *, scores=(20, 0, 20, 20)):
    """street_a's labour-law check of union_a1's enterprise, concluded: the items below their maximum are findings."""
    made = services.rubric_create(actor=cast.street_admin, union=cast.street_a, kind=RubricKind.LABOUR_LAW,
                                  name="劳动法律监督检查表", levels=[[80, "合格"]])
    services.rubric_items_add(actor=cast.street_admin, rubric=made, rows=LABOUR_ROWS)
    assessment = campaign(cast, rubric=made, name="劳动法律监督检查").assessments.get()
    self_assessed(cast, assessment, scores=(30, 30, 20, 20))
    for row, score in zip(assessment.scores.select_related("item").order_by("item__order"), scores, strict=True):
        services.review_score_set(actor=cast.street_admin, assessment=assessment, item=row.item, score=Decimal(score),
                                  comment="部分职工未签订书面合同" if row.item.order == 1 else "")
    return services.assessment_conclude(actor=cast.street_admin, assessment=assessment)
