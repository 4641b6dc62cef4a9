"""Competition and team records for tests, entered through the services."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from gonghui.competitions import services
from gonghui.competitions.models import CompetitionTheme, HonourKind
from gonghui.rights.tests.helpers import contract


def today():
    return timezone.localdate()


def team(cast, **overrides):
    data = dict(actor=cast.officer, union=cast.union_a1, name="装配一班")
    return services.team_create(**{**data, **overrides})


def competition(cast, **overrides):
    data = dict(actor=cast.street_admin, union=cast.street_a, theme=CompetitionTheme.THREE_ZERO, title="“三零”劳动竞赛",
                starts_on=today() - timedelta(days=90), ends_on=today(),
                indicators=[("零事故", Decimal(40), True, "发生事故一票否决"), ("零缺陷", Decimal(30), False, "月度检查"),
                            ("零损耗", Decimal(30), False, "流动红旗")])
    return services.competition_create(**{**data, **overrides})


def eligible(cast):
    """union_a1 with a collective contract in force: it may be nominated."""
    contract(cast)
    return cast.union_a1


def nomination(cast, **overrides):
    data = dict(actor=cast.officer, union=cast.union_a1, honour_kind=HonourKind.PIONEER, level="county",
                awarding_body="县总工会", reason="“三零”竞赛第一名")
    return services.nomination_create(**{**data, **overrides})
