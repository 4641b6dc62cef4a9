"""Proposal records for tests: a congress of union_a1 with delegates, its proposal committee (the union's
officer) and a session whose deadline is ahead."""

from dataclasses import dataclass

from gonghui.congress.tests.helpers import congress, days_from_today, delegates, session
from gonghui.proposals import services
from gonghui.proposals.models import Proposal, ProposalCategory


@dataclass
class Setting:
    session: object
    delegates: list
    department: object


def setting(cast, *, officer=None, due=10) -> Setting:
    body = congress(cast)
    people = delegates(cast, body, 5)
    meeting = session(cast, body, held_on=days_from_today(due + 5), proposals_due_on=days_from_today(due))
    services.committee_member_add(actor=cast.officer, congress=body, user=cast.officer, is_chair=True)
    department = services.department_create(actor=cast.officer, union=cast.union_a1, name="行政办公室",
                                            officer=officer)
    return Setting(session=meeting, delegates=people, department=department)


def draft(cast, place: Setting, **overrides) -> Proposal:
    data = dict(actor=cast.officer, session=place.session, title="改善食堂伙食", reasons="饭菜品种少",
                measures="增加品种，公开价格", category=ProposalCategory.LIVING, proposer=place.delegates[0])
    return services.proposal_draft(**{**data, **overrides})


def submitted(cast, place: Setting, **overrides) -> Proposal:
    proposal = draft(cast, place, **overrides)
    for delegate in place.delegates[1:3]:
        services.proposal_cosign(actor=cast.officer, proposal=proposal, delegate=delegate)
    return services.proposal_submit(actor=cast.officer, proposal=proposal)


def assigned(cast, place: Setting, **overrides) -> Proposal:
    proposal = submitted(cast, place, **overrides)
    services.proposal_accept(actor=cast.officer, proposal=proposal)
    return services.proposal_assign(actor=cast.officer, proposal=proposal, lead=place.department)
