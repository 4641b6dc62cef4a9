"""Services to workers of the demo year, as the source summaries tell a street's: "解决职工再就业218人",
"41名…免费体检，17名…疗休养", "小候鸟暑期放心班四班，参加小朋友120多人", "慈善一日捐…捐衣物、捐书".

Each street's federation records its own (and the demo officers' unions a few, so whoever logs in there finds
them), entered through the welfare services by the union that did the work.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from gonghui.org.models import Union
from gonghui.welfare.choices import RecuperationKind
from gonghui.welfare.services import (children_programme_create, donation_drive_create, employment_aid_create,
                                      recuperation_create)

from ..names import person_name
from .context import Work, Writer, yuan

EMPLOYERS = ("宏达机械有限公司", "金龙物流有限公司", "海越新材料有限公司", "青峙紧固件厂", "好又多超市", "城西物业服务中心",
             "恒信电子有限公司", "顺丰速运营业部")
POSTS = ("装配工", "仓库管理员", "保洁员", "保安", "营业员", "叉车工", "质检员", "快递员", "厨师", "电工")
PLACES = {  # where people go, and what it costs the union a person (元)
    RecuperationKind.CHECK_UP: (("县人民医院体检中心", "县中医院体检中心", "县妇幼保健院"), (300, 600)),
    RecuperationKind.REST: (("安徽黄山职工疗休养基地", "浙江千岛湖职工疗休养基地", "县总工会职工疗休养院"), (1500, 3000)),
}
DRIVES = (("慈善一日捐", "救助本地困难群众"), ("向受灾地区捐衣物、捐书", "支援受灾地区群众"))


@dataclass
class WelfareSummary:
    aided: int = 0
    recuperations: int = 0
    programmes: int = 0
    drives: int = 0


class WelfareWriter(Writer, topic="welfare", summary=WelfareSummary):
    def _day(self) -> date | None:
        return self.work.day_between(self.rng, date(self.work.year, 1, 1), self.work.as_of)

    def people(self, union: Union, count: int):
        """Members of the union's subtree, and now and then a job seeker who is not one (None: by name)."""
        members = self.work.pool(self.rng, union)
        for _ in range(count):
            yield self.rng.choice(members) if members and self.rng.random() < 0.7 else None

    def _name(self) -> str:
        return person_name(rng=self.rng, gender=self.rng.choice("MF"))

    def employment_aid(self, union: Union, count: int) -> None:
        actor, rng = self.work.staff.of(union), self.rng
        for member in self.people(union, count):
            if (day := self._day()) is None:
                continue
            employment_aid_create(actor=actor, union=union, member=member, name="" if member else self._name(),
                                  aided_on=day, employer=rng.choice(EMPLOYERS), post=rng.choice(POSTS),
                                  helped_by=self.work.staff.chair(union) or "工会干部")
            self.summary.aided += 1

    def recuperation(self, union: Union, kind: str, count: int) -> None:
        actor, rng, work = self.work.staff.of(union), self.rng, self.work
        places, cost = PLACES[kind]
        # One outing a year, its people going over a few days.
        outing = work.day_between(rng, date(work.year, 3, 1), work.as_of - timedelta(days=5))
        if outing is None:
            return
        for member in self.people(union, count):
            recuperation_create(actor=actor, union=union, member=member, name="" if member else self._name(),
                                kind=kind, on_date=outing + timedelta(days=rng.randrange(5)),
                                place=rng.choice(places), cost=yuan(rng, *cost))
            self.summary.recuperations += 1

    def programme(self, union: Union) -> None:
        """The summer classes open in July; before this July has come, last summer's are the latest."""
        rng, work = self.rng, self.work
        year = work.year if work.as_of >= date(work.year, 7, 10) else work.year - 1
        start = date(year, 7, 1) + timedelta(days=rng.randrange(10))
        classes = rng.randint(2, 4)
        children_programme_create(actor=work.staff.of(union), union=union, name=f"{work.short(union)}小候鸟暑期放心班",
                                  start_on=start, end_on=start + timedelta(days=rng.randint(25, 35)), classes=classes,
                                  children=classes * rng.randint(25, 35))
        self.summary.programmes += 1

    def drive(self, union: Union, donors: int) -> None:
        rng = self.rng
        for name, purpose in DRIVES:
            if (day := self._day()) is None:
                continue
            money = name == "慈善一日捐"
            donation_drive_create(actor=self.work.staff.of(union), union=union, name=name, held_on=day,
                                  purpose=purpose, donors=donors, amount=yuan(rng, donors * 50, donors * 200) if money
                                  else Decimal(0), clothes=0 if money else rng.randint(donors, donors * 3),
                                  books=0 if money else rng.randint(donors // 2, donors * 2),
                                  other_items=0 if money else rng.randint(0, donors // 4))
            self.summary.drives += 1


def build_welfare(work: Work) -> WelfareSummary:
    writer = WelfareWriter(work)
    for street in work.tree.streets:
        writer.employment_aid(street, work.scaled(60, floor=3))
        writer.recuperation(street, RecuperationKind.CHECK_UP, work.scaled(40, floor=2))
        writer.recuperation(street, RecuperationKind.REST, work.scaled(15, floor=1))
        writer.programme(street)
        writer.drive(street, work.scaled(120, floor=5))
    for union in work.spotlight_unions:
        writer.employment_aid(union, 2)
        writer.recuperation(union, RecuperationKind.CHECK_UP, 3)
    writer.drive(work.root, work.scaled(200, floor=10))
    return writer.summary
