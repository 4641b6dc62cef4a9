"""Care statistics of a county federation over a year (issue 6): 1,000,000 members, 50,000 hardship files,
200,000 aid payments, and the rights engineer's 20,000 dispute cases beside them.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench_care .venv/bin/python bench/bench_care.py

The members come from the demo county (bench/common.py builds or reuses it); the dispute cases from
bench_rights.ensure_rights. The care records are written with COPY, lean on purpose (the machine is
shared): 50,000 files approved from 2019 on (no household rows or review rows: the statistics read
neither), 200,000 aid payments spread over 2021–2025, a fund for 97% of the covered enterprises with
20,000 payouts, 20,000 visits, 2,000 schooling grants, 100,000 medical-aid enrolments with 5,000
claims, 100,000 service cards. A second run reuses all of it.

Server time of the real selectors and views (RequestFactory, template rendered), median of 9 runs.
Baseline, measured in the same run: a bare COUNT and SUM of the year's aid payments of the tenant
(one index range, no subtree join, no other figure).
"""

from datetime import date, timedelta
from random import Random

from bench_rights import ensure_rights
from common import county_from_args, median_ms, report, sql_ms, vacuum_analyze, view_ms

from django.db import connection, transaction
from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.care import selectors
from gonghui.core.periods import Period
from gonghui.care.choices import (AidPaymentKind, VisitCampaign, HardshipCause, HardshipFileStatus, FundSource, HardshipLevel, MedicalCategory,
                                  SchoolLevel, VisitReason)
from gonghui.care.models import (AidPayment, FundContribution, FundPayout, HardshipFile, HardshipFund, MedicalAidClaim,
                                 MedicalAidEnrolment, MedicalAidUnit, SchoolingGrant, ServiceCard, Visit)
from gonghui.demo.bulk import copy_rows, reserve_ids
from gonghui.org.models import Enterprise
from gonghui.org.models import UnionLevel
from gonghui.org.models import Union
from gonghui.rights.selectors import dispute_figures

TARGET_MS = 500
FILES, AID, PAYOUTS, VISITS, GRANTS, ENROLMENTS, CLAIMS, CARDS = (
    50_000, 200_000, 20_000, 20_000, 2_000, 100_000, 5_000, 100_000)
YEAR = date.today().year - 1
START, END = date(YEAR, 1, 1), date(YEAR, 12, 31)
CARE_MODELS = (MedicalAidClaim, MedicalAidEnrolment, MedicalAidUnit, ServiceCard, SchoolingGrant, Visit, FundPayout,
               FundContribution, HardshipFund, AidPayment, HardshipFile)


def day_between(rng: Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def money(rng: Random, low: int, high: int) -> str:
    return f"{rng.randrange(low * 100, high * 100) / 100:.2f}"


class Builder:
    """Generates the tenant's care records; every step takes the sample of members it needs."""

    def __init__(self, root: Union, actor: User):
        self.rng = Random(6)
        self.tenant = root.pk
        self.actor = actor.pk
        self.now = timezone.now()
        with connection.cursor() as cursor:
            # A random sample of members, each used once per kind of record.
            cursor.execute("SELECT id, union_id FROM members_member WHERE tenant_id = %s AND status = 'active' "
                           "ORDER BY random() LIMIT %s", [self.tenant, FILES + ENROLMENTS + CARDS])
            self.sample = cursor.fetchall()
        self.by_union: dict[int, list[int]] = {}
        for member, union in self.sample[:20_000]:
            self.by_union.setdefault(union, []).append(member)

    def files(self) -> list[tuple[int, date, date | None]]:
        rng, first = self.rng, reserve_ids(model=HardshipFile, count=FILES)
        rows, payable = [], []
        for n, (member, union) in enumerate(self.sample[:FILES]):
            applied = day_between(rng, date(2019, 1, 1), END)
            roll = rng.random()
            status = (HardshipFileStatus.ACTIVE if roll < 0.8 else HardshipFileStatus.CLOSED if roll < 0.9
                      else HardshipFileStatus.APPLIED if roll < 0.95 else HardshipFileStatus.REJECTED).value
            approved = applied + timedelta(days=rng.randrange(30)) if status in ("active", "closed") else None
            if approved and approved > END:
                approved = END
            closed = day_between(rng, approved, END) if status == "closed" else None
            reviewed = day_between(rng, approved, closed or END) if approved else None
            rows.append((first + n, self.tenant, union, member, applied, f",{rng.choice(HardshipCause.values)},", "",
                         "1500.00", 3, "3000.00", "1000.00", status,
                         rng.choice(HardshipLevel.values) if approved else "", approved, reviewed, closed,
                         "recovered" if closed else "", self.actor, self.now))
            if approved:
                payable.append((first + n, union, approved, closed))
        copy_rows(model=HardshipFile, columns=["id", "tenant_id", "union_id", "member_id", "applied_on", "causes",
                                               "cause_note", "applicant_income", "household_size",
                                               "household_income", "income_per_head", "status", "level",
                                               "approved_on", "last_reviewed_on", "closed_on", "close_reason",
                                               "created_by_id", "created_at"], rows=rows)
        return payable

    def aid(self, payable) -> None:
        rng = self.rng

        def rows():
            written = 0
            while written < AID:
                file, union, approved, closed = rng.choice(payable)
                first = max(approved, date(2021, 1, 1))
                last = closed or END
                if first > last:
                    continue
                written += 1
                yield (self.tenant, union, file, rng.choice(AidPaymentKind.values), money(rng, 200, 5000),
                       day_between(rng, first, last), rng.choice(FundSource.values), "", self.actor, self.now)

        copy_rows(model=AidPayment, columns=["tenant_id", "union_id", "file_id", "kind", "amount", "paid_on",
                                             "fund_source", "note", "created_by_id", "created_at"], rows=rows())

    def funds(self) -> None:
        rng = self.rng
        covered = list(Enterprise.objects.filter(tenant_id=self.tenant, union__level=UnionLevel.GRASSROOTS)
                       .values_list("id", "union_id"))
        chosen = [e for e in covered if rng.random() < 0.97]
        first = reserve_ids(model=HardshipFund, count=len(chosen))
        funds = [(first + n, enterprise, union) for n, (enterprise, union) in enumerate(chosen)]
        copy_rows(model=HardshipFund, columns=["id", "tenant_id", "union_id", "enterprise_id", "established_on",
                                               "balance", "note", "created_by_id"],
                  rows=((pk, self.tenant, union, enterprise, date(2018, 1, 1), "1000000.00", "", self.actor)
                        for pk, enterprise, union in funds))
        copy_rows(model=FundContribution, columns=["tenant_id", "union_id", "fund_id", "amount", "on_date", "source",
                                                   "created_by_id"],
                  rows=((self.tenant, union, pk, money(rng, 5000, 50000), day_between(rng, date(2018, 1, 1), END),
                         "企业行政拨付", self.actor) for pk, _, union in funds for _ in range(3)))
        payable = [(pk, union) for pk, _, union in funds if self.by_union.get(union)]
        copy_rows(model=FundPayout, columns=["tenant_id", "union_id", "fund_id", "member_id", "amount", "paid_on",
                                             "reason", "created_by_id"],
                  rows=((self.tenant, union, pk, rng.choice(self.by_union[union]), money(rng, 200, 3000),
                         day_between(rng, date(2021, 1, 1), END), "困难救助", self.actor)
                        for pk, union in (rng.choice(payable) for _ in range(PAYOUTS))))

    def visits_and_grants(self) -> None:
        rng = self.rng
        people = self.sample[:20_000]
        enterprises = list(Enterprise.objects.filter(tenant_id=self.tenant).values_list("id", "union_id"))

        def visits():
            for n in range(VISITS):
                on = day_between(rng, date(2021, 1, 1), END)
                if n % 10 == 0:
                    enterprise, union = rng.choice(enterprises)
                    yield (self.tenant, union, None, enterprise, VisitReason.HEAT.value,
                           VisitCampaign.SUMMER_COOLING.value, on, "工会主席", "0.00", "防暑用品",
                           money(rng, 1000, 20000), rng.randint(10, 800), "", self.actor)
                else:
                    member, union = rng.choice(people)
                    winter = n % 3 == 0
                    yield (self.tenant, union, member, None,
                           VisitReason.FESTIVAL.value if winter else rng.choice(VisitReason.values[:5]),
                           VisitCampaign.WINTER_WARMTH.value if winter else "", on, "工会主席", money(rng, 200, 2000), "慰问品",
                           money(rng, 50, 500), 0, "", self.actor)

        copy_rows(model=Visit, columns=["tenant_id", "union_id", "member_id", "enterprise_id", "reason", "campaign",
                                        "visited_on", "visitors", "money", "goods", "goods_value", "workers_reached",
                                        "note", "created_by_id"], rows=visits())
        copy_rows(model=SchoolingGrant, columns=["tenant_id", "union_id", "member_id", "student_name", "school_level",
                                                 "school_name", "amount", "granted_on", "created_by_id"],
                  rows=((self.tenant, union, member, "学生", rng.choice(SchoolLevel.values), "",
                         money(rng, 500, 5000), day_between(rng, date(2021, 1, 1), END), self.actor)
                        for member, union in rng.sample(people, GRANTS)))

    def medical(self) -> None:
        rng = self.rng
        unions = list(Union.objects.filter(tenant_id=self.tenant, level=UnionLevel.GRASSROOTS)
                      .values_list("id", flat=True))
        copy_rows(model=MedicalAidUnit, columns=["tenant_id", "union_id", "enterprise_id", "year", "whole_unit",
                                                 "created_by_id"],
                  rows=((self.tenant, union, None, YEAR, rng.random() < 0.6, self.actor) for union in unions))
        unit_of = dict(MedicalAidUnit.objects.filter(tenant_id=self.tenant, year=YEAR).values_list("union_id", "id"))
        first = reserve_ids(model=MedicalAidEnrolment, count=ENROLMENTS)
        enrolled = self.sample[FILES:FILES + ENROLMENTS]
        # Mostly 在职, as in the source summaries' 4886 of 10135.
        weights = [MedicalCategory.EMPLOYED.value] * 5 + [MedicalCategory.RETIRED.value, MedicalCategory.ANKANG.value,
                                                          MedicalCategory.SPECIAL.value, MedicalCategory.SPECIAL.value]
        copy_rows(model=MedicalAidEnrolment, columns=["id", "tenant_id", "union_id", "unit_id", "member_id", "year",
                                                      "category", "enrolled_on"],
                  rows=((first + n, self.tenant, union, unit_of[union], member, YEAR, rng.choice(weights),
                         date(YEAR, 1, 15)) for n, (member, union) in enumerate(enrolled)))
        copy_rows(model=MedicalAidClaim, columns=["tenant_id", "union_id", "enrolment_id", "amount", "paid_on",
                                                  "note"],
                  rows=((self.tenant, enrolled[n][1], first + n, money(rng, 100, 8000),
                         day_between(rng, date(YEAR, 2, 1), END), "") for n in rng.sample(range(ENROLMENTS), CLAIMS)))

    def cards(self) -> None:
        rng = self.rng

        def rows():
            for member, union in self.sample[FILES + ENROLMENTS:]:
                collected = day_between(rng, date(2015, 1, 1), END)
                issued = day_between(rng, collected, END) if rng.random() < 0.7 else None
                yield self.tenant, union, member, collected, issued, ""

        copy_rows(model=ServiceCard, columns=["tenant_id", "union_id", "member_id", "collected_on", "issued_on",
                                              "card_number"], rows=rows())


def ensure_care(root: Union, actor: User) -> None:
    have = (HardshipFile.objects.filter(tenant_id=root.pk).count(),
            AidPayment.objects.filter(tenant_id=root.pk).count())
    if have == (FILES, AID):
        return
    print(f"writing {FILES:,} hardship files, {AID:,} aid payments and the other care records …", flush=True)
    quote = connection.ops.quote_name
    with transaction.atomic():
        with connection.cursor() as cursor:
            # The bench database holds the demo tenant only.
            cursor.execute("TRUNCATE " + ", ".join(quote(m._meta.db_table) for m in CARE_MODELS) + " CASCADE")
        builder = Builder(root, actor)
        builder.aid(builder.files())
        builder.funds()
        builder.visits_and_grants()
        builder.medical()
        builder.cards()


def fresh_statistics() -> None:
    """VACUUM ANALYZE what the statistics read, as autovacuum would have by now (it is off on this server):
    the planner needs the union tree's statistics, and index-only scans need the visibility map."""
    vacuum_analyze((*CARE_MODELS, Union, Enterprise))



def floor_ms(root: Union) -> float:
    return sql_ms("SELECT count(*), sum(amount) FROM care_aidpayment WHERE tenant_id = %s "
                  "AND paid_on BETWEEN %s AND %s", [root.pk, START, END])


def main() -> None:
    members, root = county_from_args()
    admin = User.objects.get(username="county_admin")
    ensure_rights(root)
    ensure_care(root, admin)
    fresh_statistics()
    street = Union.objects.filter(tenant_id=root.pk, level=UnionLevel.STREET).order_by("path").first()
    period = {"start": START.isoformat(), "end": END.isoformat()}

    def care():
        return selectors.care_statistics(user=admin, union=root, period=Period(start=START, end=END)).lines

    def care_and_rights():
        care()
        return dispute_figures(user=admin, union=root, start=START, end=END).sentence()

    baseline = floor_ms(root)
    rows = [
        ("care statistics, county, one year (selector, with chart)", median_ms(care), TARGET_MS, baseline),
        ("care + rights statistics, county, one year (selectors)", median_ms(care_and_rights), TARGET_MS, baseline),
        ("statistics page, county, one year (view)", view_ms(admin, "/care/statistics/", period),
         TARGET_MS, baseline),
        ("statistics page, one street, one year (view)",
         view_ms(admin, "/care/statistics/", {**period, "union": street.pk}), TARGET_MS, baseline),
        ("care overview, county, this year (view)", view_ms(admin, "/care/", {}), TARGET_MS, baseline),
        ("files not reviewed / never helped, county (view)", view_ms(admin, "/care/hardship/watch/", {}),
         TARGET_MS, baseline),
        ("hardship file list, county, active, first page (view)",
         view_ms(admin, "/care/hardship/", {"status": "active"}), TARGET_MS, baseline),
        ("aid list, county, one year, first page (view)",
         view_ms(admin, "/care/aid/", period), TARGET_MS, baseline),
    ]
    figures = selectors.care_statistics(user=admin, union=root, period=Period(start=START, end=END), chart=False)
    in_year = AidPayment.objects.filter(tenant_id=root.pk, paid_on__range=(START, END)).count()
    print(f"\n{members:,} members, {FILES:,} files, {AID:,} aid payments ({in_year:,} in {YEAR}); "
          f"baseline (bare COUNT+SUM of the year's aid) {baseline:.2f} ms")
    for line in figures.lines:
        print(f"  {line.heading}：{line.text}")
    print()
    report(rows)


if __name__ == "__main__":
    main()
