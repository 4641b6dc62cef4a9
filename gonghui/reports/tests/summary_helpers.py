"""A street's year for the summary tests: two unions founded in 2025 and members who joined in it, through
the services; two test figures in chapters of their own, one with records and one without."""

from datetime import date

import pytest

from gonghui.core import figures
from gonghui.core.figures import Column, Figure, Section
from gonghui.members import services as members
from gonghui.members.models import Member
from gonghui.org import services as org
from gonghui.testing import make_id_number

YEAR = 2025


def _joined(period):
    return Member.objects.filter(join_date__range=period.span)


def _retired_in(period):
    # Nobody in the cast retires: the chapter this figure opens must be left out.
    return Member.objects.filter(category="retired", join_date__range=period.span)


JOINED = Figure(key="members.summary_test_joined", label="新入会会员", sentence="新发展会员{value}人",
                definition="期内入会的会员数（测试指标）。", section=Section.CULTURE, records=_joined, unit="人",
                columns=(Column("姓名", "name"),))
RETIRED = Figure(key="members.summary_test_retired", label="退休会员入会", sentence="退休职工入会{value}人",
                 definition="期内入会的退休会员数（测试指标）。", section=Section.DEMOCRACY, records=_retired_in,
                 unit="人")


@pytest.fixture
def summary_figures(monkeypatch):
    for figure in (JOINED, RETIRED):
        monkeypatch.setitem(figures._figures, figure.key, figure)
    return JOINED, RETIRED


def build_street_year(cast) -> None:
    """Street A's 2025: union_a1 and union_a2 founded in it, three members joined in it."""
    for union in (cast.union_a1, cast.union_a2):
        org.union_update(actor=cast.street_admin, union=union, founded_on=date(YEAR, 3, 1))
    for seq, union in enumerate((cast.union_a1, cast.union_a1, cast.union_a2), start=40):
        members.member_create(actor=cast.street_admin, union=union, name=f"新会员{seq}",
                              id_number=make_id_number(date(1990, 1, 2), seq), join_date=date(YEAR, 6, 1),
                              birth_date=date(1990, 1, 2))
