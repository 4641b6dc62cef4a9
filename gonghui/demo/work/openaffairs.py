"""Open affairs (厂务公开 / 校务公开) of the demo year: each union's catalogue, its postings approved by the
street above it, the bulletin's topics and essay calls (《员工活动园地》), and members' questions answered.

Most catalogue items go up on time, some late and a few not at all, so the check of what was missed has
something to find. The officer who drafts is never the one who approves: the street's account approves.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from gonghui.openaffairs.models import CommentKind, PostingCategory, PostingKind
from gonghui.openaffairs.services import (catalogue_item_create, comment_answer, posting_approve,
                                          posting_comment_create, posting_create)
from gonghui.org.models import Union

from .context import Work, Writer

# (category, what must be posted, month due, day due, a congress votes on it: the vote's month and day)
CATALOGUE = (
    (PostingCategory.WELFARE, "春节慰问品发放方案", 1, 20, None),
    (PostingCategory.FINANCE, "上年度工会经费收支情况", 3, 31, None),
    (PostingCategory.DECISIONS, "年度生产经营（工作）计划及重大改革措施", 4, 10, (4, 20)),
    (PostingCategory.WELFARE, "职工疗休养安排", 6, 30, None),
    (PostingCategory.TITLES, "职称评审推荐名单", 9, 30, None),
    (PostingCategory.AWARDS, "年度先进工作者评选结果", 12, 20, None),
)
TOPICS = ((PostingKind.TOPIC, "食堂伙食怎样改进？大家来说说"), (PostingKind.TOPIC, "职工书屋想添哪些书"),
          (PostingKind.ESSAY_CALL, "“我与企业共成长”征文启事"), (PostingKind.ESSAY_CALL, "“劳动最光荣”职工征文"))
QUESTIONS = ("发放标准是怎么定的？", "退休职工是否也有？", "什么时候开始执行？", "有没有书面材料可以查阅？",
             "建议增加一批名额。", "建议公开评分细则。")
ANSWERS = ("已按工会经费使用规定核定，详见附件", "已转行政部门研究，下周答复", "按职代会通过的方案执行",
           "感谢建议，已纳入明年计划")


@dataclass
class OpenAffairsSummary:
    items: int = 0
    postings: int = 0
    comments: int = 0


class OpenAffairsWriter(Writer, topic="openaffairs", summary=OpenAffairsSummary):
    def union_year(self, union: Union) -> None:
        for category, title, month, day, vote in CATALOGUE:
            due = date(self.work.year, month, day)
            vote_on = date(self.work.year, *vote) if vote else None
            item = catalogue_item_create(actor=self.work.staff.of(union), union=union, year=self.work.year,
                                         category=category, title=title, due_on=due, vote_on=vote_on)
            self.summary.items += 1
            roll = self.rng.random()
            # Three in four up on time, one in eight late, the rest missed.
            up = (self.work.day_between(self.rng, due - timedelta(days=20), due) if roll < 0.75
                  else self.work.day_between(self.rng, due + timedelta(days=1), due + timedelta(days=40))
                  if roll < 0.875 else None)
            if up is not None:
                self._post(union, up, category=category, title=f"关于{title}的公开", catalogue_item=item)
        for kind, title in self.rng.sample(TOPICS, 2):
            if (up := self.work.day_between(self.rng, date(self.work.year, 1, 1), self.work.as_of)) is not None:
                self._post(union, up, category=PostingCategory.OTHER, title=title, kind=kind)

    def _post(self, union: Union, up: date, **fields) -> None:
        posting = posting_create(actor=self.work.staff.of(union), union=union, starts_on=up,
                                 ends_on=up + timedelta(days=30), content=f"{fields['title']}，请广大职工监督。",
                                 **fields)
        posting_approve(actor=self.work.staff.of(self.work.parent(union)), posting=posting, approved_on=up)
        self.summary.postings += 1
        self._comments(union, posting)

    def _comments(self, union: Union, posting) -> None:
        rng, members = self.rng, self.work.roster(union)
        for member in rng.sample(members, min(len(members), rng.randint(0, 2))):
            asked = self.work.day_between(rng, posting.starts_on, posting.ends_on)
            if asked is None:
                continue
            kind = CommentKind.QUESTION if rng.random() < 0.6 else CommentKind.OPINION
            comment = posting_comment_create(member=member, posting=posting, text=rng.choice(QUESTIONS),
                                             kind=kind, asked_on=asked)
            self.summary.comments += 1
            answered = self.work.day_between(rng, asked, asked + timedelta(days=5))
            if answered is not None and rng.random() < 0.8:
                comment_answer(actor=self.work.staff.of(union), comment=comment, answer=rng.choice(ANSWERS),
                               answered_on=answered)


def build_openaffairs(work: Work) -> OpenAffairsSummary:
    writer = OpenAffairsWriter(work)
    for union in work.sample_unions(writer.rng, work.grassroots, work.scaled(40, floor=4)):
        writer.union_year(union)
    return writer.summary
