"""Work with enterprises in the demo year: surveys, goods given, partner merchants, the course catalogue.

Sized on the source summaries: a street "调查访问了近50家企业，涉及职工1.25万人次", "赠送企业篮球架4副，乒乓球台5对……
各类体育用品100多件", "联系特约服务商户1家", and a community's 一小时课堂 that enterprises order from.
Each street does its own; a delivered course is also an activity in the street's ledger.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from gonghui.ledger.models import ActivityKind
from gonghui.ledger.services import activity_create
from gonghui.org.models import Enterprise, Union
from gonghui.outreach.models import Course, OrderState
from gonghui.outreach.services import course_create, course_order_create, gift_create, merchant_create, survey_create

from .context import Work, Writer, yuan

TOPICS = ("企业外来务工人员情况调查", "职工工资支付情况调查", "职工劳动安全卫生状况调查", "职工文体活动需求调查",
          "女职工特殊权益保护情况调查")
FINDINGS = ("企业用工总体稳定，职工反映宿舍条件有待改善", "工资按月足额发放，职工希望增加技能培训",
            "职工希望工会多组织文体活动", "部分职工对社会保险缴纳情况不清楚，已做政策宣传", "")
# (item, unit, how many at most, yuan apiece)
GOODS = (("篮球架", "副", 2, 1500), ("乒乓球台", "对", 3, 1200), ("篮球", "个", 20, 80), ("排球", "个", 20, 60),
         ("健身板", "块", 15, 50), ("羽毛球拍", "副", 20, 90), ("职工医疗服务箱", "个", 10, 150))
SHOPS = (("惠民大药房", "凭职工服务卡购药九折"), ("便民超市", "凭职工服务卡购物九五折"),
         ("阳光眼镜店", "凭职工服务卡配镜八折"), ("康乐理发店", "凭职工服务卡理发八折"))
STREETS = ("人民路", "解放路", "新华路", "建设路", "文化路")
# The source summaries' 一小时课堂 topics, and the salon beside it.
CATALOGUE = {
    "一小时课堂": ("生产安全", "食品安全", "红十字急救知识", "人事培训", "法律知识", "心理辅导", "生活教育", "健康卫生"),
    "阳光家庭成长沙龙": ("家庭沟通与情绪疏导", "亲子教育"),
}


@dataclass
class OutreachSummary:
    surveys: int = 0
    gifts: int = 0
    merchants: int = 0
    courses: int = 0
    orders: int = 0
    delivered: int = 0


class OutreachWriter(Writer, topic="outreach", summary=OutreachSummary):
    def _enterprises(self, street: Union, count: int) -> list[Enterprise]:
        below = self.work.enterprises_under(street)
        return self.work.sample(self.rng, below, min(count, len(below)))

    def _day(self, start: date | None = None) -> date | None:
        return self.work.day_between(self.rng, start or date(self.work.year, 1, 1), self.work.as_of)

    def surveys(self, street: Union) -> None:
        rng, actor = self.rng, self.work.staff.of(street)
        for enterprise in self._enterprises(street, self.work.scaled(12, floor=3)):
            day = self._day()
            if day is None:
                continue
            reached = max(1, round(max(enterprise.headcount, 20) * rng.uniform(0.6, 1.0)))
            survey_create(actor=actor, enterprise=enterprise, surveyed_on=day, workers_reached=reached,
                          topic=rng.choice(TOPICS), findings=rng.choice(FINDINGS))
            self.summary.surveys += 1

    def gifts(self, street: Union) -> None:
        rng, actor = self.rng, self.work.staff.of(street)
        for enterprise in self._enterprises(street, self.work.scaled(6, floor=2)):
            for item, unit, most, apiece in rng.sample(GOODS, rng.randint(1, 3)):
                day = self._day()
                if day is None:
                    continue
                quantity = rng.randint(1, most)
                gift_create(actor=actor, enterprise=enterprise, given_on=day, item=item, quantity=quantity, unit=unit,
                            value=yuan(rng, apiece * quantity * 9 // 10, apiece * quantity * 11 // 10))
                self.summary.gifts += 1

    def merchants(self, street: Union) -> None:
        rng, actor = self.rng, self.work.staff.of(street)
        # One signed in earlier years, and most streets one more this year ("联系特约服务商户1家").
        starts = [date(self.work.year - rng.randint(1, 3), rng.randint(1, 12), 1)]
        if rng.random() < 0.7 and (day := self._day()) is not None:
            starts.append(day)
        for contracted in starts:
            name, offer = rng.choice(SHOPS)
            merchant_create(actor=actor, union=street, name=f"{self.work.short(street)}{name}", offer=offer,
                            contracted_on=contracted, address=f"{rng.choice(STREETS)}{rng.randint(1, 300)}号")
            self.summary.merchants += 1

    def catalogue(self, street: Union) -> list[Course]:
        actor = self.work.staff.of(street)
        courses = [course_create(actor=actor, union=street, title=title, series=series,
                                 description=f"{series}：{title}，每节课控制在60分钟以内，由工会出资请老师按企业需要设计内容")
                   for series, titles in CATALOGUE.items() for title in titles]
        self.summary.courses += len(courses)
        return courses

    def orders(self, street: Union, courses: list[Course]) -> None:
        rng, actor = self.rng, self.work.staff.of(street)
        for enterprise in self._enterprises(street, self.work.scaled(10, floor=3)):
            for course in rng.sample(courses, rng.randint(1, 3)):
                ordered = self._day()
                if ordered is None:
                    continue
                delivered = self.work.day_between(rng, ordered + timedelta(days=5), ordered + timedelta(days=30))
                roll = rng.random()
                if delivered is not None and roll < 0.75:
                    self._deliver(actor, street, enterprise, course, ordered, delivered)
                else:
                    state = OrderState.DECLINED if roll > 0.92 else OrderState.REQUESTED
                    course_order_create(actor=actor, enterprise=enterprise, course=course, ordered_on=ordered,
                                        state=state)
                self.summary.orders += 1

    def _deliver(self, actor, street: Union, enterprise: Enterprise, course: Course, ordered: date,
                 delivered: date) -> None:
        session = activity_create(
            actor=actor, union=street, kind=ActivityKind.TRAINING, title=f"{course.series}：{course.title}",
            date=delivered, place=enterprise.name, organiser=self.work.short(street) + "总工会",
            participant_count=max(5, min(enterprise.headcount, self.rng.randint(15, 60))),
            results=f"应{enterprise.name}点课送课上门")
        course_order_create(actor=actor, enterprise=enterprise, course=course, ordered_on=ordered,
                            state=OrderState.DELIVERED, activity=session, delivered_on=delivered)
        self.summary.delivered += 1


def build_outreach(work: Work) -> OutreachSummary:
    writer = OutreachWriter(work)
    for street in work.tree.streets:
        writer.surveys(street)
        writer.gifts(street)
        writer.merchants(street)
        writer.orders(street, writer.catalogue(street))
    return writer.summary
