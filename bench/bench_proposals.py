"""A county's proposal list and figures (issue 13): 10,000 proposals, 50,000 delegates, under 200 ms.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench_proposals .venv/bin/python bench/bench_proposals.py

The members come from the demo county (bench/common.py builds or reuses it, `--members`, 1,000,000 by default).
Every grassroots union with members gets a congress, a constituency and one session in the measured year;
50,000 of the members become delegates of their union's congress, and 10,000 proposals by them are spread
over the sessions in every state of the machine, written with COPY (no steps, no history: the list and the
figures read neither). A second run reuses them.

Server time of the real views (RequestFactory, template rendered) and of the registry's figures, median of
9 runs; besides them the busiest delegate's proposals in the member portal (/m/proposals/, the one who
proposed most, with a co-signature on each of a union's other proposals) and the to-do lines of a committee
member of the union with most proposals. Baseline, measured in the same run: a bare COUNT of the year's
proposals of the tenant.
"""

from datetime import date, timedelta
from random import Random

from common import county_from_args, median_ms, report, sql_ms, view_ms

from django.db import transaction

from gonghui.accounts.models import User
from gonghui.congress.models import Congress, Constituency, Delegate, CongressKind, Occupation, Session
from gonghui.core.figures import figure_values
from gonghui.core.periods import year_period
from gonghui.demo.bulk import analyze, copy_rows
from gonghui.members.models import Member
from gonghui.org.models import Union, UnionLevel
from gonghui.proposals.figures import FIGURES
from gonghui.proposals.models import ProposalCategory, CommitteeMember, Proposal, ReplyKind, ProposalState, ProposalVerdict
from gonghui.proposals.todo import todo_lines

TARGET_MS = 200
PROPOSALS = 10_000
DELEGATES = 50_000
YEAR = date.today().year - 1
START, END = date(YEAR, 1, 1), date(YEAR, 12, 31)
MODELS = (CommitteeMember, Proposal, Session, Delegate, Constituency, Congress)
# Where the proposals stand: most replied to and closed, some still with their departments.
STATES = ((ProposalState.DONE, 0.2), (ProposalState.CLOSED, 0.55), (ProposalState.TO_JUDGE, 0.6), (ProposalState.REPLIED, 0.65),
          (ProposalState.HANDLING, 0.75), (ProposalState.ASSIGNED, 0.8), (ProposalState.ACCEPTED, 0.83), (ProposalState.MERGED, 0.88),
          (ProposalState.OPINION, 0.95), (ProposalState.SUBMITTED, 1))
PAST_ACCEPTANCE = (ProposalState.DONE, ProposalState.CLOSED, ProposalState.TO_JUDGE, ProposalState.REPLIED, ProposalState.HANDLING, ProposalState.ASSIGNED)


def _pick(rng: Random, table) -> str:
    roll = rng.random()
    return next(value for value, upto in table if roll <= upto)


def proposal_row(rng: Random, tenant: int, session, number: int, proposer: int) -> tuple:
    union, session_id, held = session
    state = _pick(rng, STATES)
    submitted = held - timedelta(days=rng.randint(10, 30))
    reviewed = held + timedelta(days=rng.randint(1, 7)) if state != ProposalState.SUBMITTED else None
    assigned = reviewed + timedelta(days=2) if state in PAST_ACCEPTANCE else None
    due = assigned + timedelta(days=90) if assigned else None
    replied = (assigned + timedelta(days=rng.randint(20, 120))
               if state in (ProposalState.DONE, ProposalState.CLOSED, ProposalState.TO_JUDGE, ProposalState.REPLIED) else None)
    judged = replied + timedelta(days=5) if state in (ProposalState.DONE, ProposalState.CLOSED) else None
    return (tenant, union, session_id, number, f"提案{number}", "理由", "措施", rng.choice(ProposalCategory.values), proposer,
            state, submitted - timedelta(days=3), submitted, reviewed, "", assigned, due, False,
            assigned, ReplyKind.MEASURES if replied else "", "答复" if replied else "", replied,
            rng.choice(ProposalVerdict.values) if judged else "", judged, False, judged,
            judged + timedelta(days=30) if state == ProposalState.DONE else None)


PROPOSAL_COLUMNS = ["tenant_id", "union_id", "session_id", "number", "title", "reasons", "measures", "category",
                    "proposer_id", "state", "drafted_on", "submitted_on", "reviewed_on", "review_reason",
                    "assigned_on", "due_on", "extended", "signed_on", "reply_kind", "reply", "replied_on", "verdict",
                    "verdict_on", "rehandled", "closed_on", "implemented_on"]


def build(root: Union) -> None:
    """Replace the tenant's congresses and proposals with the generated ones, in one transaction."""
    tenant, rng = root.pk, Random(13)
    members = list(Member.objects.filter(tenant_id=tenant, status="active").order_by("id")
                   .values_list("id", "union_id")[:DELEGATES])
    unions = sorted({union for _, union in members})
    with transaction.atomic():
        for model in MODELS:
            model.objects.filter(tenant_id=tenant).delete()
        copy_rows(model=Congress, columns=["tenant_id", "union_id", "kind", "term", "starts_on", "ends_on",
                                           "quorum_numerator", "quorum_denominator", "pass_rule",
                                           "extra_session_percent"],
                  rows=((tenant, union, CongressKind.WORKERS, 1, date(YEAR - 1, 1, 1), date(YEAR + 3, 12, 31), 2, 3, "all",
                         30) for union in unions))
        congress = dict(Congress.objects.filter(tenant_id=tenant).values_list("union_id", "id"))
        copy_rows(model=Constituency, columns=["tenant_id", "union_id", "congress_id", "name"],
                  rows=((tenant, union, congress[union], "第一代表团") for union in unions))
        seat = dict(Constituency.objects.filter(tenant_id=tenant).values_list("union_id", "id"))
        copy_rows(model=Delegate, columns=["tenant_id", "union_id", "congress_id", "constituency_id", "member_id",
                                           "occupation", "elected_on", "status", "left_reason"],
                  rows=((tenant, union, congress[union], seat[union], member, Occupation.FRONT_LINE,
                         date(YEAR - 1, 1, 1), "active", "") for member, union in members))
        by_union: dict[int, list[int]] = {}
        for pk, union in Delegate.objects.filter(tenant_id=tenant).values_list("id", "union_id"):
            by_union.setdefault(union, []).append(pk)
        copy_rows(model=Session, columns=["tenant_id", "union_id", "congress_id", "number", "kind", "held_on",
                                          "proposals_due_on", "delegates_total", "delegates_present"],
                  rows=((tenant, union, congress[union], 1, "regular", START + timedelta(days=rng.randrange(200)),
                         None, len(by_union[union]), len(by_union[union])) for union in unions))
        sessions = list(Session.objects.filter(tenant_id=tenant).order_by("id").values_list("union_id", "id",
                                                                                             "held_on"))
        weights = [len(by_union[union]) for union, _, _ in sessions]
        numbers: dict[int, int] = {}

        def rows():
            for session in rng.choices(sessions, weights=weights, k=PROPOSALS):
                numbers[session[1]] = numbers.get(session[1], 0) + 1
                yield proposal_row(rng, tenant, session, numbers[session[1]], rng.choice(by_union[session[0]]))

        copy_rows(model=Proposal, columns=PROPOSAL_COLUMNS, rows=rows())
    analyze(models=MODELS)


def ensure(root: Union) -> None:
    if (Proposal.objects.filter(tenant_id=root.pk).count() != PROPOSALS
            or Delegate.objects.filter(tenant_id=root.pk).count() != DELEGATES):
        print(f"writing {DELEGATES:,} delegates and {PROPOSALS:,} proposals …", flush=True)
        build(root)


def member_view_ms(member, path: str) -> float:
    """A member page as the portal serves it: the member's account in the session, messages on."""
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory
    from django.urls import resolve

    from gonghui.portal.auth import SESSION_KEY
    from gonghui.portal.services import account_consent, account_open

    account = account_consent(account=account_open(member=member))
    match = resolve(path)

    def run():
        request = RequestFactory().get(path)
        request.session = SessionStore()
        request.session[SESSION_KEY] = account.pk
        request._messages = FallbackStorage(request)
        response = match.func(request, *match.args, **match.kwargs)
        assert response.status_code == 200, response.status_code

    return median_ms(run)


def busiest_delegate(root: Union) -> Delegate:
    """The delegate who proposed most, made co-signer of every other proposal of their session's union."""
    from django.db.models import Count

    top = (Proposal.objects.filter(tenant_id=root.pk).values("proposer_id").annotate(n=Count("id"))
           .order_by("-n").first())
    delegate = Delegate.objects.select_related("member").get(pk=top["proposer_id"])
    others = Proposal.objects.filter(union_id=delegate.union_id).exclude(proposer=delegate)
    Proposal.co_signers.through.objects.filter(delegate_id=delegate.pk).delete()
    Proposal.co_signers.through.objects.bulk_create(
        Proposal.co_signers.through(proposal_id=pk, delegate_id=delegate.pk) for pk in others.values_list("pk", flat=True))
    return delegate


def committee_member(root: Union) -> User:
    """An officer of the union with most proposals, seated on its congress's proposal committee."""
    from django.db.models import Count

    from gonghui.accounts.models import Role

    top = (Proposal.objects.filter(tenant_id=root.pk).values("union_id").annotate(n=Count("id")).order_by("-n")
           .first())
    union = Union.objects.get(pk=top["union_id"])
    user, _ = User.objects.get_or_create(username=f"bench_committee_{union.pk}", defaults={
        "union": union, "role": Role.UNION_OFFICER, "full_name": "提案委员"})
    congress = Congress.objects.get(union=union)
    CommitteeMember.objects.get_or_create(tenant_id=root.pk, union=union, congress=congress, user=user)
    return user


def main() -> None:
    members, root = county_from_args()
    ensure(root)
    admin = User.objects.get(username="county_admin")
    street = Union.objects.filter(tenant_id=root.pk, level=UnionLevel.STREET).order_by("path").first()
    period = year_period(YEAR)
    params = {"start": START.isoformat(), "end": END.isoformat()}
    baseline = sql_ms("SELECT count(*) FROM proposals_proposal WHERE tenant_id = %s AND submitted_on BETWEEN %s AND %s",
                      [root.pk, START, END])
    values = figure_values(FIGURES, user=admin, union=root, period=period)
    delegate, seated = busiest_delegate(root), committee_member(root)
    followed = list(Proposal.objects.filter(proposer=delegate)) + list(Proposal.objects.filter(co_signers=delegate))
    rows = [
        ("proposal list, county, first page (view)", view_ms(admin, "/proposals/list/", {}), TARGET_MS, baseline),
        ("proposal list, county, overdue (view)", view_ms(admin, "/proposals/list/", {"overdue": "yes"}),
         TARGET_MS, baseline),
        ("proposal list, one street, a category (view)",
         view_ms(admin, "/proposals/list/", {"union": street.pk, "category": ProposalCategory.LIVING}), TARGET_MS, baseline),
        ("proposal figures, county, one year (registry)",
         median_ms(lambda: figure_values(FIGURES, user=admin, union=root, period=period)), TARGET_MS, baseline),
        ("proposal overview with categories, county (view)", view_ms(admin, "/proposals/", params), TARGET_MS,
         baseline),
        ("congress overview, county (view)", view_ms(admin, "/congress/", params), TARGET_MS, baseline),
        ("delegate list, county, first page (view)", view_ms(admin, "/congress/delegates/", {}), TARGET_MS, baseline),
        (f"a delegate's proposals, member portal ({len(followed):,}, view)",
         member_view_ms(delegate.member, "/m/proposals/"), TARGET_MS, baseline),
        ("proposal to-do lines, a committee member",
         median_ms(lambda: todo_lines(user=seated, today=END)), TARGET_MS, baseline),
    ]
    print(f"\n{members:,} members, {DELEGATES:,} delegates, {PROPOSALS:,} proposals in {YEAR}; "
          f"baseline (bare COUNT of the year's proposals) {baseline:.2f} ms")
    print("；".join(value.sentence for value in values) + "\n")
    report(rows)


if __name__ == "__main__":
    main()
