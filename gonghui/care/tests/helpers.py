"""Records of the care app for tests, entered through the services as a user would."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from gonghui.care import services
from gonghui.care.choices import AidPaymentKind, FundSource, HardshipCause, HardshipLevel
from gonghui.members.models import Member
from gonghui.org.models import Enterprise
from gonghui.testing import make_credit_code, make_id_number


def days_ago(n: int) -> date:
    return timezone.localdate() - timedelta(days=n)


def member(union, seq: int, *, category: str = "employed", name: str = "") -> Member:
    """A member with an ID number no other test member has (the birth date moves every thousand)."""
    birth = date(1960, 1, 1) + timedelta(days=seq // 1000)
    return Member.objects.create(tenant_id=union.tenant_id, union=union, name=name or f"职工{seq}",
                                 id_number=make_id_number(birth, seq), birth_date=birth, gender="M",
                                 join_date=date(2010, 1, 1), category=category)


def enterprise(union, serial: int, *, headcount: int = 100) -> Enterprise:
    return Enterprise.objects.create(tenant_id=union.tenant_id, union=union, name=f"测试企业{serial}",
                                     credit_code=make_credit_code(10_000 + serial), headcount=headcount)


def apply(cast, *, who=None, applied_on: date | None = None, **overrides):
    data = dict(actor=cast.officer, member=who or cast.member_a1, applied_on=applied_on or days_ago(60),
                causes=[HardshipCause.ILLNESS, HardshipCause.SCHOOLING], applicant_income=Decimal("1800.00"),
                household=[{"name": "王丽", "relation": "spouse", "monthly_income": Decimal("1200")},
                           {"name": "张小明", "relation": "child", "monthly_income": Decimal("0")}],
                cause_note="本人患病，子女上学")
    data.update(overrides)
    return services.hardship_file_apply(**data)


def approve(cast, file, *, on: date | None = None, level: str = HardshipLevel.RELATIVE, reviewer=None):
    """The union's first review by the officer, then the federation's by the street (or a given) admin."""
    on = on or file.applied_on
    file = services.hardship_file_union_review(actor=cast.officer, file=file, approve=True, on_date=on)
    return services.hardship_file_federation_review(actor=reviewer or cast.street_admin, file=file, approve=True,
                                                    level=level, on_date=on)


def active_file(cast, *, who=None, applied_on: date | None = None, approved_on: date | None = None):
    file = apply(cast, who=who, applied_on=applied_on)
    return approve(cast, file, on=approved_on)


def pay(cast, file, amount, *, paid_on: date | None = None, actor=None):
    return services.aid_payment_create(actor=actor or cast.officer, file=file, kind=AidPaymentKind.LIVING,
                                       amount=Decimal(amount), paid_on=paid_on or file.approved_on,
                                       fund_source=FundSource.HIGHER_UNION)


def fund(cast, *, company=None, amount=None, on: date | None = None):
    company = company or cast.union_a1.enterprises.first()
    created = services.fund_create(actor=cast.officer, enterprise=company, established_on=on or days_ago(400))
    if amount is not None:
        services.fund_contribute(actor=cast.officer, fund=created, amount=Decimal(amount),
                                 on_date=created.established_on)
        created.refresh_from_db()
    return created


def officer_without_grant(cast):
    """An officer of union_a1 like cast.officer but without the care grant (the cast's officers all hold it)."""
    from gonghui.accounts.models import Role, User

    return User.objects.create_user(username="plain_officer", password=None, union=cast.union_a1,
                                    role=Role.UNION_OFFICER, full_name="普通干事")
