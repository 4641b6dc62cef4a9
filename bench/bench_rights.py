"""Rights statistics of a county federation over a year (issue 6): 1,000,000 members, 20,000 dispute cases.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench_rights .venv/bin/python bench/bench_rights.py

The members come from the demo county (bench/common.py builds or reuses it). The rights records are
written with COPY, lean on purpose (the machine is shared): 20,000 cases received in the measured
year, 5,000 petitions, one mediation body with one mediator per enterprise, 2,000 collective
contracts. Case steps are not generated: the statistics do not read them. A second run reuses all of it.

Server time of the real selectors and views (RequestFactory, template rendered), median of 9 runs.
Baseline, measured in the same run: a bare COUNT of the year's cases of the tenant (one index range,
no subtree join, no aggregates).
"""

from datetime import date, timedelta
from random import Random

from common import county_from_args, median_ms, report, sql_ms, view_ms

from django.db import transaction

from gonghui.accounts.models import User
from gonghui.demo.bulk import analyze, copy_rows
from gonghui.org.models import Enterprise, UnionLevel, Union
from gonghui.rights import selectors
from gonghui.rights.choices import CaseState, ContractKind, ContractScope, DisputeKind, DisputeOutcome, PetitionChannel
from gonghui.rights.models import CollectiveContract, DisputeCase, MediationBody, Mediator, Petition

TARGET_MS = 500
CASES = 20_000
PETITIONS = 5_000
CONTRACTS = 2_000
YEAR = date.today().year - 1
START, END = date(YEAR, 1, 1), date(YEAR, 12, 31)
RIGHTS_MODELS = (DisputeCase, Petition, Mediator, MediationBody, CollectiveContract)


def day_in_year(rng: Random) -> date:
    return START + timedelta(days=rng.randrange(365))


def case_rows(rng: Random, tenant: int, enterprises: list[tuple[int, int]]):
    kinds, outcomes = DisputeKind.values, DisputeOutcome.values
    for _ in range(CASES):
        enterprise, union = rng.choice(enterprises)
        received = day_in_year(rng)
        closed = received + timedelta(days=rng.randrange(40)) if rng.random() < 0.95 else None
        yield (tenant, union, enterprise, received, rng.choice(kinds), "", "", rng.randint(1, 30),
               f"{rng.randrange(100, 5_000_000) / 100:.2f}", None, rng.choice(outcomes) if closed else "", closed, "")


def petition_rows(rng: Random, tenant: int, enterprises: list[tuple[int, int]]):
    for i in range(PETITIONS):
        _, union = rng.choice(enterprises)
        yield (tenant, union, day_in_year(rng), PetitionChannel.VISIT, f"信访人{i}", "", 1, "反映劳动报酬问题", "", "",
               None)


def contract_rows(rng: Random, tenant: int, enterprises: list[tuple[int, int]]):
    for i in range(CONTRACTS):
        enterprise, union = enterprises[i % len(enterprises)]
        signed = START + timedelta(days=rng.randrange(-700, 300))
        yield (tenant, union, ContractScope.ENTERPRISE, rng.choice(ContractKind.values), f"集体合同{i}", signed, signed,
               signed + timedelta(days=3 * 365), "5.00", rng.randint(20, 800), signed), enterprise


def build_rights(root: Union) -> None:
    """Replace the tenant's rights records with the generated ones, in one transaction."""
    tenant = root.pk
    rng = Random(6)
    enterprises = list(Enterprise.objects.filter(tenant_id=tenant).order_by("id").values_list("id", "union_id"))
    with transaction.atomic():
        for model in RIGHTS_MODELS:
            if model is CollectiveContract:
                CollectiveContract.enterprises.through.objects.filter(collectivecontract__tenant_id=tenant).delete()
            model.objects.filter(tenant_id=tenant).delete()
        copy_rows(model=DisputeCase, columns=["tenant_id", "union_id", "enterprise_id", "received_on", "kind",
                                              "applicant", "summary", "workers_involved", "amount", "mediator_id",
                                              "outcome", "closed_on", "result_note"],
                  rows=case_rows(rng, tenant, enterprises))
        copy_rows(model=Petition, columns=["tenant_id", "union_id", "received_on", "channel", "petitioner", "phone",
                                           "people", "matter", "handling", "result", "closed_on"],
                  rows=petition_rows(rng, tenant, enterprises))
        copy_rows(model=MediationBody, columns=["tenant_id", "union_id", "enterprise_id", "name"],
                  rows=((tenant, union, enterprise, f"调解委员会{enterprise}") for enterprise, union in enterprises))
        copy_rows(model=Mediator, columns=["tenant_id", "body_id", "union_id", "name", "phone", "active"],
                  rows=((tenant, pk, union, f"调解员{pk}", "", True)
                        for pk, union in MediationBody.objects.filter(tenant_id=tenant).values_list("id", "union_id")))
        drafts = list(contract_rows(rng, tenant, enterprises))
        copy_rows(model=CollectiveContract, columns=["tenant_id", "union_id", "scope", "kind", "title", "signed_on",
                                                     "term_start", "term_end", "wage_increase_pct", "workers_covered",
                                                     "filed_on"],
                  rows=(row for row, _ in drafts))
        ids = CollectiveContract.objects.filter(tenant_id=tenant).order_by("id").values_list("id", flat=True)
        copy_rows(model=CollectiveContract.enterprises.through, columns=["collectivecontract_id", "enterprise_id"],
                  rows=zip(ids, (enterprise for _, enterprise in drafts)))
    analyze(models=[*RIGHTS_MODELS, CollectiveContract.enterprises.through])


def ensure_rights(root: Union) -> None:
    if DisputeCase.objects.filter(tenant_id=root.pk, received_on__range=(START, END)).count() != CASES:
        print(f"writing {CASES:,} cases, {PETITIONS:,} petitions, {CONTRACTS:,} contracts …", flush=True)
        build_rights(root)



def floor_ms(root: Union) -> float:
    return sql_ms("SELECT count(*) FROM rights_disputecase WHERE tenant_id = %s AND received_on BETWEEN %s AND %s",
                  [root.pk, START, END])


def main() -> None:
    members, root = county_from_args()
    ensure_rights(root)
    admin = User.objects.get(username="county_admin")
    street = Union.objects.filter(tenant_id=root.pk, level=UnionLevel.STREET).order_by("path").first()
    period = {"start": START.isoformat(), "end": END.isoformat()}
    baseline = floor_ms(root)
    figures = selectors.dispute_figures(user=admin, union=root, start=START, end=END)
    rows = [
        ("dispute figures, county, one year (selector)",
         median_ms(lambda: selectors.dispute_figures(user=admin, union=root, start=START, end=END).sentence()),
         TARGET_MS, baseline),
        ("statistics page, county, one year (view)", view_ms(admin, "/rights/", period), TARGET_MS, baseline),
        ("statistics page, one street, one year (view)",
         view_ms(admin, "/rights/", {**period, "union": street.pk}), TARGET_MS, baseline),
        ("mediation coverage, county (selector)",
         median_ms(lambda: selectors.mediation_coverage(user=admin, union=root).sentence()), TARGET_MS, baseline),
        ("contract coverage, county (selector)",
         median_ms(lambda: selectors.contract_coverage(user=admin, union=root, start=START, end=END).sentence()),
         TARGET_MS, baseline),
        ("dispute list, county, past limit, first page (view)",
         view_ms(admin, "/rights/disputes/", {"state": CaseState.PAST_LIMIT}), TARGET_MS, baseline),
    ]
    print(f"\n{members:,} members, {figures.received:,} cases in {YEAR}; "
          f"baseline (bare COUNT of the year's cases) {baseline:.2f} ms")
    print(figures.sentence() + "\n")
    report(rows)


if __name__ == "__main__":
    main()
