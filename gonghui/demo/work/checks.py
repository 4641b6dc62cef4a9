"""Checks (考核) of the demo year: the county's ready-made rubrics (基层工会“六有”, 职工之家, 教职工之家,
活力基层工会创建, 班组升级), and a year of campaigns run on them: 职工之家 for enterprise unions, 教职工之家
for schools, and the year's five 活力基层工会 targets (as the seed's "确定了…五家企业作为今年五创建目标").

Each assessed union self-assesses, the county reviews (one item pre-filled from plans' figure), gives
the result, publicises it for a week and names those that pass; one named union fails its re-check
and is withdrawn. Days run from March and never pass as_of; a step whose day has not come is left undone.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from gonghui.checks import services
from gonghui.checks.models import Assessment, AssessmentStatus, Rubric, RubricKind, ScoringMethod
from gonghui.checks.rubric_sheet import RubricRow
from gonghui.org.models import OrgType

from .context import Work, Writer

D = Decimal
DEDUCT, PASS = ScoringMethod.DEDUCT, ScoringMethod.PASS_FAIL
VETO = ("安全生产", "发生重大安全生产事故或群体性事件", D(0), None, None, True)
# (kind, name, levels, items: (section, text, max, method, deduct per occurrence, veto, figure))
RUBRICS = (
    (RubricKind.SIX_HAVES, "基层工会“六有”考核细则", [[90, "示范"], [75, "达标"]], (
        ("有依法选举的主席", "工会主席经会员（代表）大会依法选举产生", D(20), PASS, None, False),
        ("有健全的组织", "工会委员会、经审会、女职委健全，按期换届", D(20), None, None, False),
        ("有活动载体", "有职工之家、职工书屋等活动阵地", D(10), None, None, False),
        ("有活动载体", "按时报送年度工作计划", D(10), PASS, None, False, ("plans.plans_filed", D(1))),
        ("有制度机制", "制度健全、台帐完整；台帐缺项每项扣2分", D(15), DEDUCT, D(2), False),
        ("有自主管理的经费", "工会经费独立核算，收支公开", D(15), None, None, False),
        ("有会员满意的绩效", "会员满意度测评", D(10), None, None, False),
        VETO)),
    (RubricKind.WORKERS_HOME, "职工之家评估细则", [[90, "模范职工之家"], [75, "合格职工之家"]], (
        ("组织建设", "工会组织健全，依法选举", D(20), PASS, None, False),
        ("民主管理", "职代会制度健全，厂务公开规范", D(20), None, None, False),
        ("维权服务", "签订集体合同，开展劳动法律监督", D(20), None, None, False),
        ("职工之家阵地", "有活动场所和设施，开展经常性活动", D(20), None, None, False),
        ("台帐管理", "台帐完整；缺项每项扣2分", D(10), DEDUCT, D(2), False),
        ("计划总结", "按时报送年度计划", D(10), PASS, None, False, ("plans.plans_filed", D(1))),
        VETO)),
    (RubricKind.TEACHERS_HOME, "教职工之家评估细则", [[90, "模范教职工之家"], [75, "合格教职工之家"]], (
        ("组织建设", "教职工代表大会每学年召开", D(25), PASS, None, False),
        ("校务公开", "校务公开及时规范", D(25), None, None, False),
        ("师德建设", "开展师德师风和教学技能活动", D(25), None, None, False),
        ("关爱教职工", "开展困难教职工帮扶和文体活动", D(15), None, None, False),
        ("台帐管理", "台帐完整；缺项每项扣2分", D(10), DEDUCT, D(2), False),
        VETO)),
    (RubricKind.VITALITY, "活力基层工会创建标准", [[80, "活力基层工会"]], (
        ("组织有活力", "会员入会、工会组织覆盖到位", D(25), None, None, False),
        ("活动有活力", "全年开展活动不少于12次", D(25), None, None, False),
        ("服务有活力", "建立困难职工帮扶机制", D(25), None, None, False),
        ("工作有活力", "按时报送年度计划", D(25), PASS, None, False, ("plans.plans_filed", D(1))),
        VETO)),
    (RubricKind.TEAM_UPGRADE, "班组升级建家考核细则（试行）", [[90, "五星班组"], [80, "四星班组"], [70, "三星班组"]], (
        ("学习型班组", "开展岗位练兵和技术培训", D(20), None, None, False),
        ("安全型班组", "全年零事故；发生违章每次扣5分", D(20), DEDUCT, D(5), False),
        ("清洁型班组", "现场定置管理，环境整洁", D(20), None, None, False),
        ("节约型班组", "开展节能降耗和合理化建议", D(20), None, None, False),
        ("和谐型班组", "班务公开，班组成员互助", D(20), None, None, False),
        ("安全生产", "发生重伤及以上安全事故", D(0), None, None, True))),
    (RubricKind.LABOUR_LAW, "劳动法律监督检查表", [[80, "合格"]], (
        ("劳动合同", "督促签订书面劳动合同，签订率100%", D(25), None, None, False),
        ("工资支付", "按时足额发放工资", D(25), PASS, None, False),
        ("社会保险", "按规定缴纳养老、失业、医疗等社会保险", D(20), None, None, False),
        ("工作时间", "工时和加班符合规定", D(15), None, None, False),
        ("女职工特殊保护", "落实女职工“四期”保护", D(15), None, None, False))),
)


@dataclass
class ChecksSummary:
    rubrics: int = 0
    campaigns: int = 0
    assessments: int = 0
    named: int = 0


def _rows(items) -> list[RubricRow]:
    rows = []
    for line, (section, text, top, method, per, veto, *figure) in enumerate(items, start=1):
        key, target = figure[0] if figure else ("", None)
        rows.append(RubricRow(line, section, text, top, method=method or ScoringMethod.ADD, deduct_per=per, veto=veto,
                              figure_key=key, figure_target=target))
    return rows


class ChecksWriter(Writer, topic="checks", summary=ChecksSummary):
    def __init__(self, work: Work):
        super().__init__(work)
        self.county = work.staff.of(work.root)

    def rubrics(self) -> dict[str, Rubric]:
        made = {}
        for kind, name, levels, items in RUBRICS:
            rubric = services.rubric_create(actor=self.county, union=self.work.root, kind=kind, name=name,
                                            levels=levels)
            services.rubric_items_add(actor=self.county, rubric=rubric, rows=_rows(items))
            made[kind] = rubric
            self.summary.rubrics += 1
        return made

    def campaign(self, rubric: Rubric, name: str, unions: list, *, opens: date, strong: float) -> None:
        if not unions or opens > self.work.as_of:
            return
        year = self.work.year
        campaign = services.campaign_create(actor=self.county, union=self.work.root, rubric=rubric,
                                            name=f"{year}年度{name}", year=year, starts_on=date(year, 1, 1),
                                            ends_on=date(year, 12, 31), unions=unions)
        self.summary.campaigns += 1
        for assessment in campaign.assessments.select_related("union", "campaign__rubric"):
            self.summary.assessments += 1
            self.assess(assessment, opens, strong)

    def _day(self, start: date, spread: int) -> date | None:
        return self.work.day_between(self.rng, start, start + timedelta(days=spread))

    def assess(self, assessment: Assessment, opens: date, strong: float) -> None:
        rng, work = self.rng, self.work
        officer = work.staff.of(assessment.union)
        good = rng.random() < strong
        rows = list(assessment.scores.select_related("item").order_by("item__order"))
        for row in rows:
            services.self_score_set(actor=officer, assessment=assessment, item=row.item,
                                    self_score=row.item.max_score if good or row.item.method == PASS
                                    else (row.item.max_score * D("0.7")).quantize(D(1)))
        if (submitted := self._day(opens, 20)) is None:
            return
        services.assessment_submit(actor=officer, assessment=assessment, on=submitted)
        for row in rows:
            item = row.item
            review = {"veto_applies": False} if item.veto else {}
            if item.method == DEDUCT:
                review["occurrences"] = 0 if good else rng.randint(1, 3)
            else:
                score = item.max_score if good or item.method == PASS else (item.max_score * D("0.6")).quantize(D(1))
                review["score"] = score
                if row.prefilled is not None and score != row.prefilled:
                    review["override_reason"] = "经查阅纸质材料，已按时报送"
            services.review_score_set(actor=self.county, assessment=assessment, item=item, **review)
        if (reviewed := self._day(submitted + timedelta(days=10), 10)) is None:
            return
        assessment = services.assessment_conclude(actor=self.county, assessment=assessment, on=reviewed)
        if assessment.status != AssessmentStatus.REVIEWED:
            return
        starts = reviewed + timedelta(days=3)
        if starts > work.as_of:
            return
        assessment = services.assessment_publicise(actor=self.county, assessment=assessment, starts_on=starts)
        named = assessment.publicity_ends_on + timedelta(days=rng.randint(1, 5))
        if named > work.as_of:
            return
        services.assessment_name(actor=self.county, assessment=assessment, on=named)
        self.summary.named += 1


def build_checks(work: Work) -> ChecksSummary:
    writer = ChecksWriter(work)
    rubrics = writer.rubrics()
    rng, year = writer.rng, work.year
    companies = [u for u in work.grassroots if u.org_type == OrgType.ENTERPRISE]
    schools = [u for u in work.grassroots if u.org_type == OrgType.SCHOOL]
    homes = work.sample_unions(rng, companies, work.scaled(30, floor=4))
    writer.campaign(rubrics[RubricKind.WORKERS_HOME], "职工之家评估", homes, opens=date(year, 3, 1), strong=0.7)
    writer.campaign(rubrics[RubricKind.TEACHERS_HOME], "教职工之家评估",
                    work.sample_unions(rng, schools, work.scaled(10, floor=2)),
                    opens=date(year, 4, 1), strong=0.7)
    targets = work.sample_unions(rng, [u for u in companies if u not in homes] or companies, 5)
    writer.campaign(rubrics[RubricKind.VITALITY], "活力基层工会创建", targets, opens=date(year, 5, 1), strong=0.9)
    _withdraw_one(writer)
    _supervise(writer, rubrics[RubricKind.LABOUR_LAW], work.sample_unions(rng, companies, work.scaled(12, floor=3)))
    return writer.summary


def _supervise(writer: ChecksWriter, rubric: Rubric, unions: list) -> None:
    """Labour-law checks (劳动法律监督): every enterprise checked in June, one in three with findings; the
    findings go out as a notice with a month to answer, most answered and re-checked, the rest still open."""
    work, year = writer.work, writer.work.year
    if not unions or date(year, 7, 15) > work.as_of:
        return
    campaign = services.campaign_create(actor=writer.county, union=work.root, rubric=rubric,
                                        name=f"{year}年劳动法律监督检查", year=year, starts_on=date(year, 1, 1),
                                        ends_on=date(year, 12, 31), unions=unions)
    writer.summary.campaigns += 1
    for n, assessment in enumerate(campaign.assessments.select_related("union", "campaign__rubric").order_by("id")):
        officer = work.staff.of(assessment.union)
        rows = list(assessment.scores.select_related("item").order_by("item__order"))
        for row in rows:
            services.self_score_set(actor=officer, assessment=assessment, item=row.item, self_score=row.item.max_score)
        services.assessment_submit(actor=officer, assessment=assessment, on=date(year, 6, 1))
        flawed = n % 3 == 0
        for row in rows:
            short = flawed and row.item.order in (1, 3)
            services.review_score_set(actor=writer.county, assessment=assessment, item=row.item,
                                      score=(row.item.max_score * D("0.6")).quantize(D(1)) if short
                                      else row.item.max_score,
                                      comment="部分职工未签订书面劳动合同" if short and row.item.order == 1 else "")
        assessment = services.assessment_conclude(actor=writer.county, assessment=assessment, on=date(year, 6, 20))
        writer.summary.assessments += 1
        if not flawed:
            continue
        notice = services.notice_issue(actor=writer.county, assessment=assessment, issued_on=date(year, 6, 25),
                                       deadline=date(year, 7, 25))
        if n % 2 == 0:
            continue
        notice = services.notice_answer(actor=officer, notice=notice, answer="已补签劳动合同，补缴社会保险",
                                        answered_on=date(year, 7, 10))
        services.notice_close(actor=writer.county, notice=notice, closed_on=date(year, 7, 15))


def _withdraw_one(writer: ChecksWriter) -> None:
    """The re-check of one named home finds its activities have stopped: it loses the name (摘牌)."""
    named = (Assessment.objects.filter(campaign__union=writer.work.root, status=AssessmentStatus.NAMED,
                                       campaign__rubric__kind=RubricKind.WORKERS_HOME)
             .select_related("campaign").order_by("named_on", "id").first())
    if named is None or (on := named.named_on + timedelta(days=30)) > writer.work.as_of:
        return
    services.assessment_recheck(actor=writer.county, assessment=named, passed=False, on=on,
                                reason="复查发现职工之家活动阵地挪作他用，活动停止")
    writer.summary.named -= 1
