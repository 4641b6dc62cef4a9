"""Pages of proposals: the overview of its figures by category, the list and its export, a proposal with its
trail and the moves the user may make, one form per move, the handling departments and the proposal
committee of each congress term."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_POST
from django.shortcuts import render
from django.urls import reverse

from gonghui.congress.selectors import active_delegates, congress_get
from gonghui.core.figures import Column
from gonghui.core.pages import (fields_of, form_page, list_download, paginate, post_and_back, record_form_view,
                                render_list)
from gonghui.core.links import record_link
from gonghui.org.pages import overview_page
from gonghui.org.selectors import union_get

from . import selectors, services
from .figures import FIGURES
from .filters import ProposalFilters
from .forms import CommitteeMemberForm, DepartmentForm, ProposalForm
from .moves import MOVES, moves_for


_detail = record_link("proposals:proposal_detail")


index_page = overview_page("proposals/index.html", FIGURES, categories=selectors.figures_by_category)


@login_required
def proposals_page(request):
    return render_list(request, ProposalFilters, selectors.proposal_list, "proposals/proposals.html",
                       sessions=selectors.session_choices(user=request.user)[:10])


COLUMNS = (Column("工会", "union.name"), Column("会议", "session.name"), Column("编号", "number"),
           Column("案由", "title"), Column("类别", "get_category_display"), Column("提案人", "author"),
           Column("提交日期", "submitted_on"), Column("状态", "get_state_display"), Column("主办部门", "lead.name"),
           Column("办理期限", "due_on"), Column("答复日期", "replied_on"), Column("提案人评价", "get_verdict_display"))


@login_required
def export_page(request):
    return list_download(request, ProposalFilters, selectors.proposal_list, filename="提案.xlsx", columns=COLUMNS)


@login_required
def proposal_create_page(request, session_pk: int):
    session = selectors.session_get(user=request.user, pk=session_pk)
    return form_page(request, form_class=ProposalForm, title=f"起草提案：{session}", success=_detail,
                     cancel_url=reverse("proposals:proposals"),
                     form_kwargs={"delegates": active_delegates(session.congress).select_related("member"),
                                  "delegations": session.congress.constituencies.all()},
                     service=lambda data: services.proposal_draft(actor=request.user, session=session, **data),
                     done_message="已保存草稿，请征集至少两名代表附议后提交")


proposal_edit_page = record_form_view(
    selectors.proposal_get, services.proposal_update, "proposal", form_class=ProposalForm,
    title=lambda proposal: f"修改提案：{proposal}", back=_detail, initial=fields_of(services.DRAFT_FIELDS))


@login_required
def proposal_detail_page(request, pk: int):
    proposal = selectors.proposal_get(user=request.user, pk=pk)
    return render(request, "proposals/proposal_detail.html", {
        "proposal": proposal, "steps": selectors.steps_of(proposal=proposal),
        "co_signers": proposal.co_signers.select_related("member"),
        "co_proposers": proposal.co_proposers.select_related("member"),
        "co_handlers": proposal.co_handlers.all(), "merged": proposal.merged.all(),
        "moves": moves_for(proposal, request.user) if request.user.can_write else []})


@login_required
def proposal_move_page(request, pk: int, action: str):
    proposal = selectors.proposal_get(user=request.user, pk=pk)
    move = MOVES.get(action)
    if move is None:
        raise Http404
    return form_page(request, form_class=move.form, title=f"{move.label}：{proposal}", cancel_url=_detail(proposal),
                     form_kwargs={"choices": move.choices(proposal)} if move.choices else None,
                     service=lambda data: move.service(actor=request.user, proposal=proposal, **data),
                     success=_detail, submit_label=move.label, done_message=f"已{move.label}")


@login_required
def departments_page(request):
    return render(request, "proposals/departments.html", {
        "page": paginate(request, selectors.department_list(user=request.user))})


@login_required
def department_create_page(request, union_pk: int):
    union = union_get(user=request.user, pk=union_pk)
    back = reverse("proposals:departments")
    return form_page(request, form_class=DepartmentForm, title=f"新增承办部门：{union.name}", cancel_url=back,
                     form_kwargs={"officers": selectors.officer_choices(union=union)}, success=lambda saved: back,
                     service=lambda data: services.department_create(actor=request.user, union=union, **data))


@login_required
def committee_page(request):
    congresses = list(selectors.committee_congresses(user=request.user)[:50])
    seats: dict[int, list] = {congress.pk: [] for congress in congresses}
    for seat in selectors.committee_list(user=request.user).filter(congress__in=congresses):
        seats[seat.congress_id].append(seat)
    return render(request, "proposals/committee.html", {
        "congresses": [(congress, seats[congress.pk]) for congress in congresses]})


@login_required
def committee_add_page(request, congress_pk: int):
    congress = congress_get(user=request.user, pk=congress_pk)
    back = reverse("proposals:committee")
    return form_page(request, form_class=CommitteeMemberForm, title=f"增加提案工作委员会委员：{congress}",
                     cancel_url=back, form_kwargs={"users": selectors.committee_choices(congress=congress)},
                     success=lambda saved: back,
                     service=lambda data: services.committee_member_add(actor=request.user, congress=congress, **data))


@require_POST
@login_required
def committee_remove_page(request, pk: int):
    seat = selectors.committee_seat_get(user=request.user, pk=pk)
    done = f"已将{seat.user}移出提案工作委员会"  # said before the seat is gone
    return post_and_back(request, lambda: services.committee_member_remove(actor=request.user, seat=seat),
                         back=reverse("proposals:committee"), done=done)
