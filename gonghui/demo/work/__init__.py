"""A year of union work in the demo county: plans, ledger, member services, rights, services to workers, outreach
and open affairs.

Everything is entered through the apps' own services, by the demo users at
their nodes and an officer account at every other union, so each record is
one a user could have entered: checked, counted (the ledger's tallies) and
in the audit trail. Each part draws from its own random stream seeded from
the county's seed, so the same seed gives the same year. Dates run from the
start of the year (some from the years before) up to as_of, never after.
"""

from dataclasses import dataclass
from datetime import date

from gonghui.accounts.models import User

from ..tree import Tree
from .care import CareSummary, build_care
from .congress import CongressSummary, build_congress
from .checks import ChecksSummary, build_checks
from .competitions import CompetitionsSummary, build_competitions
from .context import Work
from .finance import FinanceSummary, build_finance
from .honours import build_honours, build_news
from .ledger import build_ledger
from .openaffairs import OpenAffairsSummary, build_openaffairs
from .outreach import OutreachSummary, build_outreach
from .plans import build_plans
from .proposals import ProposalsSummary, build_proposals
from .portal import PortalSummary, build_portal
from .rights import RightsSummary, build_rights
from .staff import Staff
from .welfare import WelfareSummary, build_welfare


@dataclass
class WorkSummary:
    plans: int
    activities: int
    honours: int
    news: int
    care: CareSummary
    rights: RightsSummary
    welfare: WelfareSummary
    outreach: OutreachSummary
    openaffairs: OpenAffairsSummary
    congress: CongressSummary
    proposals: ProposalsSummary
    checks: ChecksSummary
    competitions: CompetitionsSummary
    finance: FinanceSummary
    portal: PortalSummary

    def lines(self) -> list[str]:
        care, rights, outreach = self.care, self.rights, self.outreach
        return [
            f"工作计划 {self.plans} 份，台帐活动 {self.activities} 项，表彰 {self.honours} 项，信息报道 {self.news} 篇",
            f"困难职工档案 {care.files} 份，帮扶救助 {care.aid} 笔，企业帮困基金 {care.funds} 个，慰问 {care.visits} 次，"
            f"金秋助学 {care.grants} 人次，医疗互助参保 {care.enrolments} 人次、赔付 {care.claims} 笔，服务卡 {care.cards} 张",
            f"调解组织 {rights.bodies} 家、调解员 {rights.mediators} 名，劳动争议 {rights.cases} 件，信访 {rights.petitions} 件，"
            f"集体合同 {rights.contracts} 份",
            f"再就业援助 {self.welfare.aided} 人，体检与疗休养 {self.welfare.recuperations} 人次，"
            f"暑期放心班 {self.welfare.programmes} 期，捐赠活动 {self.welfare.drives} 次",
            f"调查访问企业 {outreach.surveys} 次，赠送物品 {outreach.gifts} 笔，特约服务商户 {outreach.merchants} 家，"
            f"课程 {outreach.courses} 门、点课 {outreach.orders} 次、送课 {outreach.delivered} 期",
            f"公开目录事项 {self.openaffairs.items} 项，公开事项 {self.openaffairs.postings} 项，"
            f"职工提问和意见 {self.openaffairs.comments} 条",
            f"职代会（教代会） {self.congress.congresses} 届，代表 {self.congress.delegates} 名，会议 {self.congress.sessions} 次",
            f"提案 {self.proposals.proposals} 件，办结 {self.proposals.closed} 件",
            f"考核细则 {self.checks.rubrics} 份，考核 {self.checks.campaigns} 项、考核对象 {self.checks.assessments} 个、命名 {self.checks.named} 个",
            f"班组 {self.competitions.teams} 个，劳动竞赛 {self.competitions.competitions} 项、参赛 {self.competitions.entries} 个，"
            f"合理化建议 {self.competitions.suggestions} 条，评先推荐 {self.competitions.nominations} 个，结对共建 {self.competitions.pairs} 对",
            f"账套 {self.finance.books} 套，记账凭证 {self.finance.vouchers} 张，拨缴经费 {self.finance.allocations} 笔，经费审查 {self.finance.audits} 项",
            f"会员服务：开通 {self.portal.accounts} 人，网上活动报名 {self.portal.offers} 项、报名 {self.portal.signups} 人次，"
            f"网上帮扶申请 {self.portal.aid_requests} 件",
        ]


def build_work(*, tree: Tree, users: dict[str, User], seed: int, as_of: date, members: int) -> WorkSummary:
    work = Work(tree=tree, staff=Staff(root=tree.root, users=users), seed=seed, as_of=as_of, members=members)
    year = build_plans(work)
    entries = build_ledger(work, year)
    return WorkSummary(
        plans=len(year.plans), activities=len(entries), honours=build_honours(work),
        news=build_news(work, entries), care=build_care(work), rights=build_rights(work),
        welfare=build_welfare(work),
        outreach=build_outreach(work), openaffairs=build_openaffairs(work),
        congress=build_congress(work), proposals=build_proposals(work),
        checks=build_checks(work), competitions=build_competitions(work),
        portal=build_portal(work),
        finance=build_finance(work),  # last: it suggests vouchers from the year's activities, visits and aid
    )
