"""Open-affairs records for tests, entered through the services as an officer would."""

from datetime import date, timedelta

from django.utils import timezone

from gonghui.openaffairs import services
from gonghui.openaffairs.models import PostingCategory


def days_from_today(n: int) -> date:
    return timezone.localdate() + timedelta(days=n)


def item(cast, **overrides):
    due = overrides.pop("due_on", days_from_today(10))
    data = dict(actor=cast.officer, union=cast.union_a1, year=due.year, category=PostingCategory.FINANCE,
                title="年度工会经费收支情况", due_on=due)
    return services.catalogue_item_create(**{**data, **overrides})


def draft(cast, **overrides):
    data = dict(actor=cast.officer, union=cast.union_a1, category=PostingCategory.WELFARE, title="职工疗休养安排",
                content="今年安排职工疗休养两批", starts_on=days_from_today(0), ends_on=days_from_today(30))
    return services.posting_create(**{**data, **overrides})


def approved(cast, **overrides):
    return services.posting_approve(actor=cast.street_admin, posting=draft(cast, **overrides))
