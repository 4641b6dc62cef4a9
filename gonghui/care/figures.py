"""The figures of the source summaries, as the summaries write them, with what each number means.

The selectors fill these from the records; each `sentence()` is what the
statistics page and the API show, and each DEFINITIONS entry is printed
beside it so that nobody has to guess what "新增" or "现共有" counted.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from gonghui.core.formatting import ZERO, chinese_date, percent, wan, yuan

from .choices import MedicalCategory, SchoolLevel

# In place of figures read from hardship files and fund payouts, for users without the care grant.
NEEDS_GRANT = "（需“可查看帮扶与维权档案”授权方可查看）"


@dataclass
class Period:
    start: date
    end: date

    def __str__(self) -> str:
        return f"{chinese_date(self.start)}至{chinese_date(self.end)}"


@dataclass
class HardshipFigures:
    new_files: int = 0
    active_at_end: int = 0
    aid_total: Decimal = ZERO
    aid_payments: int = 0

    def sentence(self) -> str:
        return (f"新增困难职工{self.new_files}人，现共有困难职工{self.active_at_end}人，"
                f"发放各类困难补助{wan(self.aid_total)}万元")


@dataclass
class FundFigures:
    funds: int = 0
    covered_enterprises: int = 0
    contributed: Decimal = ZERO
    # None when the user may not read fund payouts.
    balance: Decimal | None = ZERO
    paid_out: Decimal | None = ZERO
    paid_members: int | None = 0

    def coverage_sentence(self) -> str:
        return (f"{self.funds}家企业建立了内部帮困基金，基金组建占{percent(self.funds, self.covered_enterprises)}，"
                f"基金总额达到{wan(self.contributed)}万元")

    def payout_sentence(self) -> str:
        if self.paid_out is None:
            return NEEDS_GRANT
        return f"企业帮困基金共发放{wan(self.paid_out)}万元，救助对象{self.paid_members}人"


@dataclass
class WinterFigures:
    members: int = 0
    value: Decimal = ZERO

    def sentence(self) -> str:
        return f"元旦春节困难职工慰问活动中共计慰问困难职工{self.members}名，发放慰问金和慰问品{yuan(self.value)}元"


@dataclass
class SummerFigures:
    enterprises: int = 0
    workers: int = 0
    value: Decimal = ZERO

    def sentence(self) -> str:
        return (f"夏季高温慰问企业{self.enterprises}家，企业职工{self.workers}人，"
                f"共发放防暑用品、饮料等慰问品共计{yuan(self.value)}元")


@dataclass
class SchoolingFigures:
    students: dict[str, int] = field(default_factory=dict)
    families: int = 0
    amount: Decimal = ZERO

    def sentence(self) -> str:
        counts = "、".join(f"{self.students.get(level, 0)}名{label}生" for level, label in SchoolLevel.choices)
        return f"为{counts}，共计{self.families}名困难职工家庭提供了助学服务，共计{yuan(self.amount)}元"


@dataclass
class VisitRow:
    reason: str
    label: str
    visits: int
    value: Decimal


@dataclass
class VisitFigures:
    rows: list[VisitRow] = field(default_factory=list)

    @property
    def visits(self) -> int:
        return sum(row.visits for row in self.rows)

    @property
    def value(self) -> Decimal:
        return sum((row.value for row in self.rows), ZERO)

    def sentence(self) -> str:
        parts = "，".join(f"{row.label}{row.visits}次" for row in self.rows if row.visits)
        return f"开展慰问{self.visits}次（{parts or '无'}），发放慰问金和慰问品{yuan(self.value)}元"


@dataclass
class MedicalFigures:
    year: int
    by_category: dict[str, int] = field(default_factory=dict)
    units: int = 0
    whole_units: int = 0
    claims: int = 0
    claims_paid: Decimal = ZERO

    @property
    def enrolled(self) -> int:
        return sum(self.by_category.values())

    def sentence(self) -> str:
        parts = "，".join(f"{label}参保{self.by_category.get(code, 0)}人" for code, label in MedicalCategory.choices)
        return (f"参保人数为{self.enrolled}人，其中{parts}，共有{self.units}家单位参保，"
                f"其中{self.whole_units}家企业全员参保")

    def claims_sentence(self) -> str:
        return f"医疗互助赔付{self.claims}人次，共{yuan(self.claims_paid)}元"


@dataclass
class CardFigures:
    collected: int = 0
    issued: int = 0
    collected_total: int = 0
    issued_total: int = 0

    def sentence(self) -> str:
        return (f"本期采集信息{self.collected}人，制卡{self.issued}人，"
                f"累计采集信息{self.collected_total}人，制卡{self.issued_total}人")


DEFINITIONS = {
    "hardship": "新增：期内经总工会审核建档的困难职工档案数；现共有：期末当日在档（已建档且未销档）的档案数；"
                "困难补助：期内对在档档案发放的各类救助之和。",
    "fund_coverage": "建立帮困基金的企业：期末前已建立基金的企业数（基金须由企业所在的基层工会管理）；"
                     "组建占：上述企业数 ÷ 本级及下级基层工会覆盖的企业数；基金总额：这些基金截至期末累计筹集的金额。",
    "fund_payouts": "期内从企业帮困基金发放的金额；救助对象按人计（同一人多次只计一次）。",
    "winter": "期内标记为“送温暖（元旦春节）”的慰问：慰问的职工按人计，金额为慰问金与慰问品价值之和。",
    "summer": "期内标记为“夏送清凉”的企业慰问：企业按家计，职工为各次登记的覆盖人数之和，金额为慰问金与慰问品价值之和。",
    "schooling": "期内金秋助学发放：学生按学段计人次，家庭按职工计人。",
    "visits": "期内登记的全部慰问（含送温暖、夏送清凉），按慰问事由分列。",
    "medical": "按参保年度统计，年度取期末所在年份；参保人数为各类别参保人次之和（一人参加多个类别分别计）；"
               "全员参保：登记为全员参保的参保单位数。",
    "medical_claims": "期内医疗互助赔付的人次和金额。",
    "cards": "本期：期内采集信息、制卡的人数；累计：截至期末的人数。",
}


class Line(NamedTuple):
    key: str
    heading: str
    sentence: str
    definition: str


@dataclass
class CareFigures:
    period: Period
    hardship: HardshipFigures | None  # None without the care grant
    funds: FundFigures
    winter: WinterFigures
    summer: SummerFigures
    schooling: SchoolingFigures
    visits: VisitFigures
    medical: MedicalFigures
    cards: CardFigures
    chart: dict = field(default_factory=dict)

    def sentences(self) -> list[Line]:
        """Each figure in the order of the summaries, with what it counted."""
        lines = [
            ("hardship", "困难职工帮扶", self.hardship.sentence() if self.hardship else NEEDS_GRANT),
            ("fund_coverage", "企业帮困基金", self.funds.coverage_sentence()),
            ("fund_payouts", "企业帮困基金救助", self.funds.payout_sentence()),
            ("winter", "送温暖", self.winter.sentence()),
            ("summer", "夏送清凉", self.summer.sentence()),
            ("schooling", "金秋助学", self.schooling.sentence()),
            ("visits", "慰问（五必访等）", self.visits.sentence()),
            ("medical", "职工医疗互助", self.medical.sentence()),
            ("medical_claims", "医疗互助赔付", self.medical.claims_sentence()),
            ("cards", "服务卡", self.cards.sentence()),
        ]
        return [Line(key, heading, sentence, DEFINITIONS[key]) for key, heading, sentence in lines]
