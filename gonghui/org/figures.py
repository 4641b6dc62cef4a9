"""The organisation's figures in the registry (gonghui.core.figures): unions founded, enterprises covered."""

from django.db.models import QuerySet

from gonghui.core.figures import Column, Figure, Section
from gonghui.core.periods import Period

from .models import Enterprise, Union, UnionLevel


def _founded(period: Period) -> QuerySet:
    return Union.objects.filter(level=UnionLevel.GRASSROOTS, founded_on__range=(period.start, period.end))


def _enterprises(period: Period) -> QuerySet:
    # The enterprises the subtree's grassroots unions cover at the end of the period.
    return Enterprise.objects.filter(union__level=UnionLevel.GRASSROOTS)


FIGURES = (
    Figure(
        key="org.unions_founded", label="新建基层工会", sentence="今年完成基层单建工会{value}家", unit="家",
        definition="期内成立（成立日期在期间内）的基层工会数，含单建和联合建会。",
        section=Section.ORGANISATION, records=_founded, month_field="founded_on", ranked=True,
        columns=(Column("工会名称", "name"), Column("组建方式", "get_formation_display"),
                 Column("成立日期", "founded_on")),
    ),
    Figure(
        key="org.enterprises_covered", label="覆盖企业", sentence="覆盖企业{value}家", unit="家",
        definition="本级及下级基层工会覆盖的企业数（期末登记在册）。",
        section=Section.ORGANISATION, records=_enterprises,
        columns=(Column("企业名称", "name"), Column("所属工会", "union.name")),
    ),
)
