"""The members' figures in the registry (gonghui.core.figures): members on the roll, new members, by category.

A member is counted on the roll when the record says 在册 today and the member had joined by the period's end;
the roll of a past day is not kept, so a member who left since is not counted for an earlier period either.
The lists show names, unions and dates only: never an ID number or a phone.
"""

from django.db.models import QuerySet

from gonghui.core.figures import Column, Figure, Section
from gonghui.core.periods import Period
from gonghui.core.links import record_link

from .choices import MemberCategory, MemberStatus
from .models import Member

COLUMNS = (Column("姓名", "name"), Column("所属工会", "union.name"), Column("人员类别", "get_category_display"),
           Column("入会日期", "join_date"))
ON_ROLL = "状态为在册、入会日期不晚于期末的会员"


def _active(period: Period) -> QuerySet:
    return Member.objects.filter(status=MemberStatus.ACTIVE, join_date__lte=period.end)


def _of_category(category: str):
    return lambda period: _active(period).filter(category=category)


def _joined(period: Period) -> QuerySet:
    # Everyone who joined in the period, whether still on the roll or not: the year's intake.
    return Member.objects.filter(join_date__range=period.span)


_member_url = record_link("members:detail")


def _members(key: str, label: str, sentence: str, definition: str, records, **extra) -> Figure:
    return Figure(key=f"members.{key}", label=label, sentence=sentence, definition=definition, unit="人",
                  section=Section.ORGANISATION, records=records, columns=COLUMNS, record_url=_member_url, **extra)


FIGURES = (
    _members("active", "在册会员", "在册会员{value}人", f"本级及下级工会{ON_ROLL}。", _active, ranked=True),
    _members("joined", "新会员入会", "新会员入会{value}人", "入会日期在期间内的会员（含期内又转出、退会的）。",
             _joined, month_field="join_date", ranked=True),
    *(_members(f"active_{category.value}", f"{category.label}会员", f"{category.label}会员{{value}}人",
               f"{ON_ROLL}中人员类别为“{category.label}”的。", _of_category(category.value))
      for category in MemberCategory),
)
