"""The composition a congress's delegates must have, per kind of congress.

A rule is a floor or a ceiling on the share of delegates of some occupations ("教师代表不低于60%",
"中层以上管理人员不超过20%"), or a share in proportion to the union's members (women, young workers:
at least the members' own share, rounded down to whole delegates). `settings.GONGHUI["CONGRESS_COMPOSITION"]`,
when set, replaces this table ({kind: (Rule, ...)}).
"""

from dataclasses import dataclass

from django.conf import settings

from .models import CongressKind, Occupation

YOUNG_AGE = 35  # 青年职工: under 35 on the day the composition is checked


@dataclass(frozen=True)
class Rule:
    label: str
    # Who the rule counts: occupations, or "women" / "young" (from the member's record).
    occupations: tuple[str, ...] = ()
    group: str = ""
    at_least: int | None = None  # percent of all delegates
    at_most: int | None = None
    proportional: bool = False  # at least the share among the union's members

    def counts(self, occupation: str, gender: str, age: int) -> bool:
        if self.occupations:
            return occupation in self.occupations
        return gender == "F" if self.group == "women" else age < YOUNG_AGE

    @property
    def wording(self) -> str:
        if self.at_least is not None:
            return f"不少于{self.at_least}%"
        if self.at_most is not None:
            return f"不超过{self.at_most}%"
        return "不低于会员中的比例"


WOMEN = Rule("女职工代表", group="women", proportional=True)
YOUNG = Rule(f"青年职工代表（{YOUNG_AGE}岁以下）", group="young", proportional=True)

COMPOSITION: dict[str, tuple[Rule, ...]] = {
    CongressKind.WORKERS: (Rule("一线职工代表", occupations=(Occupation.FRONT_LINE, Occupation.TECHNICAL), at_least=50),
                           Rule("中层以上管理人员代表", occupations=(Occupation.MANAGER,), at_most=20), WOMEN, YOUNG),
    CongressKind.TEACHERS: (Rule("教师代表", occupations=(Occupation.TEACHER,), at_least=60),
                            Rule("中层以上管理人员代表", occupations=(Occupation.MANAGER,), at_most=20), WOMEN, YOUNG),
    CongressKind.MEMBERS: (WOMEN,),
}


def rules_for(kind: str) -> tuple[Rule, ...]:
    return getattr(settings, "GONGHUI", {}).get("CONGRESS_COMPOSITION", COMPOSITION).get(kind, ())
