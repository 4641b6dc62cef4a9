"""The cast and one record of every kind, most of them union_a1's, for the access walk.

Records are entered through the services as the officer would. Each sensitive record carries a marker
(a text found nowhere else) so the walk can tell whether a response shows it.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gonghui.accounts.models import Duty, Role
from gonghui.accounts.services import duty_account_create
from gonghui.care import services as care
from gonghui.care.choices import MedicalCategory, SchoolLevel, VisitReason
from gonghui.care.tests.helpers import active_file, pay
from gonghui.ledger import services as ledger
from gonghui.ledger.models import ActivityKind, HonourLevel, RecipientType
from gonghui.members import services as members
from gonghui.outreach import services as outreach
from gonghui.org.models import OrgType, UnionLevel
from gonghui.plans import services as plans
from gonghui.rights import services as rights
from gonghui.rights.tests.helpers import body, case, contract, petition
from gonghui.rosters import services as rosters
from gonghui.testing import PASSWORD, Cast, _grassroots, _node, _user, build_cast
from gonghui.welfare.tests import helpers as welfare

from . import parts

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
ROSTER_CSV = "姓名,身份证号码,入会时间\n周强,110105198503120011,2020-01-01\n吴刚,bad,2020-01-01\n".encode()

# Texts of the care records (hardship file, its household, dispute, petition, fund payout, claim note):
# someone without the care grant never sees any of them.
CARE_MARKERS = ("本人患病，子女上学", "王丽", "拖欠三个月工资", "反映加班费未足额发放", "赵敏",
                "基金救助住院费用", "赔付备注住院", "8765.43")
PETITION_PHONE = "13912345678"
OLD_PHONE_A1 = "13812340011"  # member_a1's phone as the cast enters it, before the world corrects it


@dataclass
class World:
    cast: Cast
    outsider: object  # the federation admin of another county, with both grants
    system_admin: object  # the three administrators (三员分立): no union, no grants
    security_admin: object
    audit_admin: object
    union_a3: object  # a grassroots union of street_a without users: the other side of the transfer
    transfer: object
    roster: object
    export: object
    plan: object
    item: object
    template: object
    template_item: object
    activity: object
    result: object
    honour: object
    news: object
    reward_rule: object
    attachment: object
    file: object
    fund: object
    visit: object
    grant: object
    unit: object
    enrolment: object
    card: object
    dispute: object
    petition: object
    body: object
    mediator: object
    contract: object
    welfare_aid: object  # one record of each welfare kind (gonghui.welfare.kinds), all union_a1's
    welfare_recuperation: object
    welfare_programme: object
    welfare_drive: object
    survey: object
    gift: object
    merchant: object
    course: object
    order: object

    parts: dict = field(default_factory=dict)  # the records of tests/access/parts, by name

    def __getattr__(self, name):
        # The cast's places, users and members, and the parts' records, read as the world's own:
        # world.union_a1, world.officer, world.congress.
        if name in self.__dict__.get("parts", {}):
            return self.__dict__["parts"][name]
        return getattr(self.__dict__["cast"], name)

    def reveal_markers(self) -> tuple[str, ...]:
        """Full ID numbers and phones: shown only to users granted may_reveal_identity."""
        people = (self.member_a1, self.member_a2, self.member_b1)
        return (*(m.id_number for m in people), *(m.phone for m in people), OLD_PHONE_A1, PETITION_PHONE)

    def county_markers(self) -> tuple[str, ...]:
        """What another county's user must never see of this one."""
        return (self.member_a1.name, self.member_a2.name, self.member_b1.name, self.union_a1.name,
                *CARE_MARKERS, *self.reveal_markers())


def _outsider():
    county = _node(None, "外县总工会", "X", UnionLevel.COUNTY)
    _grassroots(county, "外县一厂工会", "X1", OrgType.ENTERPRISE)
    return _user("outsider", county, Role.FEDERATION_ADMIN, may_reveal_identity=True, may_access_care=True)


def _outreach(cast) -> dict:
    """One record of each outreach kind, union_a1's (a record about an enterprise is its union's)."""
    officer, a1, day = cast.officer, cast.union_a1, timezone.localdate()
    company = a1.enterprises.get()
    course = outreach.course_create(actor=officer, union=a1, title="急救知识", series="一小时课堂")
    return {
        "survey": outreach.survey_create(actor=officer, enterprise=company, surveyed_on=day, workers_reached=30,
                                         topic="外来务工人员情况调查"),
        "gift": outreach.gift_create(actor=officer, enterprise=company, given_on=day, item="篮球架", quantity=2,
                                     unit="副"),
        "merchant": outreach.merchant_create(actor=officer, union=a1, name="惠民药房", offer="九折", contracted_on=day),
        "course": course,
        "order": outreach.course_order_create(actor=officer, enterprise=company, course=course, ordered_on=day),
    }


def build_world() -> World:
    cast = build_cast()
    officer, a1, today = cast.officer, cast.union_a1, timezone.localdate()
    year_ago = today - timedelta(days=200)
    # A corrected phone: the member's audit trail now holds an old and a new full phone number.
    cast.member_a1 = members.member_update(actor=officer, member=cast.member_a1, phone="13812340099")
    union_a3 = _grassroots(cast.street_a, "甲三商店工会", "A3", OrgType.ENTERPRISE)
    company = a1.enterprises.get()

    plan = plans.plan_create(actor=officer, union=a1, year=today.year)
    item = plans.plan_item_create(actor=officer, plan=plan, area="culture", title="职工运动会", months=[5])
    template = plans.template_create(actor=cast.street_admin, union=cast.street_a, name="街道模板")
    template_item = plans.template_item_create(actor=cast.street_admin, template=template, area="culture",
                                               title="读书会", months=[4])

    activity = ledger.activity_create(actor=officer, union=a1, kind=ActivityKind.COMPETITION, title="技能竞赛",
                                      date=today, participants=[cast.member_a1])
    result = ledger.activity_result_add(actor=officer, activity=activity, member=cast.member_a1, rank=1)
    honour = ledger.honour_create(actor=officer, union=a1, recipient_type=RecipientType.MEMBER, title="先进个人",
                                  level=HonourLevel.COUNTY, date=today, awarding_body="县总工会",
                                  member=cast.member_a1)
    news = ledger.news_report_create(actor=officer, union=a1, title="工会简讯", date=today, reporter=cast.member_a1)
    reward_rule = ledger.reward_rule_create(actor=cast.street_admin, union=cast.street_a, min_count=3, reward="表扬")
    attachment = ledger.attachment_add(actor=officer, entry=activity, file=SimpleUploadedFile("照片.png", PNG))

    file = active_file(cast, applied_on=year_ago - timedelta(days=30), approved_on=year_ago)
    pay(cast, file, "300")
    fund = care.fund_create(actor=officer, enterprise=company, established_on=year_ago)
    care.fund_contribute(actor=officer, fund=fund, amount=Decimal("9765.43"), on_date=year_ago)
    care.fund_payout(actor=officer, fund=fund, member=cast.member_a1, amount=Decimal("1000"), paid_on=year_ago,
                     reason="基金救助住院费用")
    visit = care.visit_create(actor=officer, reason=VisitReason.ILLNESS, visited_on=today, visitors="工会主席",
                              member=cast.member_a1)
    grant = care.schooling_grant_create(actor=officer, member=cast.member_a1, student_name="张小明",
                                        school_level=SchoolLevel.UNIVERSITY, amount=Decimal("1000"), granted_on=today)
    unit = care.medical_unit_enrol(actor=officer, union=a1, year=today.year)
    enrolment = care.medical_member_enrol(actor=officer, unit=unit, member=cast.member_a1,
                                          category=MedicalCategory.EMPLOYED, enrolled_on=today)
    care.medical_claim_create(actor=officer, enrolment=enrolment, amount=Decimal("200"), paid_on=today,
                              note="赔付备注住院")
    card = care.service_card_collect(actor=officer, member=cast.member_a1, collected_on=today)

    dispute = case(cast)
    rights.dispute_step_add(actor=officer, case=dispute, on_date=today, action="约谈企业")
    mediation = body(cast)
    mediator = rights.mediator_create(actor=officer, body=mediation, name="调解员甲")

    roster = rosters.roster_import_create(actor=officer, upload=SimpleUploadedFile("名单.csv", ROSTER_CSV))
    roster.refresh_from_db()
    export = rosters.roster_export_create(actor=officer, query="", fmt="csv")
    transfer = members.transfer_request(actor=officer, member=cast.member_a1, to_union=union_a3, on_date=today)
    admins = {f"{duty}_admin": duty_account_create(username=f"{duty}_admin", full_name=f"{duty}_admin", duty=duty,
                                                   password=PASSWORD) for duty in Duty.values}
    world = World(cast=cast, outsider=_outsider(), **admins, union_a3=union_a3, transfer=transfer, roster=roster,
                 export=export, plan=plan, item=item, template=template, template_item=template_item,
                 activity=activity, result=result, honour=honour, news=news, reward_rule=reward_rule,
                 attachment=attachment, file=file, fund=fund, visit=visit, grant=grant, unit=unit,
                 enrolment=enrolment, card=card, dispute=dispute, petition=petition(cast), body=mediation,
                 mediator=mediator, contract=contract(cast), welfare_aid=welfare.aid(cast, member=cast.member_a1),
                 welfare_recuperation=welfare.stay(cast, name="陈静"), welfare_programme=welfare.programme(cast),
                 welfare_drive=welfare.drive(cast), **_outreach(cast))
    for part in parts.modules():
        world.parts.update(part.build(world))
    return world
