"""Congress records for tests, entered through the services as an officer would."""

from datetime import date, timedelta

from django.utils import timezone

from gonghui.congress import services
from gonghui.congress.models import CongressKind, Occupation
from gonghui.members.models import Member
from gonghui.testing import make_id_number


def days_from_today(n: int) -> date:
    return timezone.localdate() + timedelta(days=n)


def congress(cast, **overrides):
    data = dict(actor=cast.officer, union=cast.union_a1, kind=CongressKind.WORKERS, term=4,
                starts_on=days_from_today(-400), ends_on=days_from_today(1000))
    return services.congress_create(**{**data, **overrides})


def member(union, name: str, seq: int, *, gender="M", birth=date(1980, 1, 1)) -> Member:
    return Member.objects.create(tenant_id=union.tenant_id, union=union, name=name, gender=gender, birth_date=birth,
                                 id_number=make_id_number(birth, seq), join_date=date(2010, 1, 1))


def delegates(cast, body, count: int, *, occupation=Occupation.FRONT_LINE, gender="M", start=100, actor=None):
    """`count` new members of the congress's union, each elected by its first constituency."""
    constituency = body.constituencies.first() or services.constituency_create(
        actor=actor or cast.officer, congress=body, name="第一代表团")
    return [services.delegate_elect(actor=actor or cast.officer, congress=body, constituency=constituency,
                                    member=member(body.union, f"代表{start + i}", start + i, gender=gender),
                                    occupation=occupation, elected_on=body.starts_on)
            for i in range(count)]


def session(cast, body, *, present=None, **overrides):
    data = dict(actor=cast.officer, congress=body, number=1, held_on=days_from_today(-30),
                proposals_due_on=days_from_today(-40))
    meeting = services.session_create(**{**data, **overrides})
    if present is not None:
        services.session_attendance(actor=cast.officer, session=meeting, delegates_present=present)
    return meeting
