"""A delegate's democratic evaluation in the member portal (/m/evaluations/): the evaluations of the congresses
whose current term they are a delegate of, and their own ballot, cast once through `congress.services.ballot_cast`
with the delegate as its actor. The ballot stays anonymous: that they voted is a `Voter` row, what they marked
only adds to the counts. An evaluation not open to the member is a 404, as a missing one is."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from gonghui.congress import selectors, services
from gonghui.congress.forms import BallotForm
from gonghui.core.forms import call_service

from .auth import member_required


@member_required
def evaluations_page(request):
    evaluations = list(selectors.evaluations_for_member(member=request.member, today=timezone.localdate()))
    return render(request, "portal/m/evaluations.html", {
        "evaluations": evaluations, "voted": selectors.voted_ids(member=request.member, evaluations=evaluations)})


@member_required
def evaluation_page(request, pk: int):
    today = timezone.localdate()
    evaluation = selectors.evaluation_for_member(member=request.member, pk=pk, today=today)
    seat = selectors.seat_in_term(member=request.member, congress=evaluation.session.congress, today=today)
    if seat is None:
        raise Http404
    voted = pk in selectors.voted_ids(member=request.member, evaluations=[evaluation])
    form = BallotForm(request.POST or None, evaluation=evaluation)
    if request.method == "POST" and form.is_valid() and call_service(form, lambda: services.ballot_cast(
            actor=request.member, evaluation=evaluation, delegate=seat, marks=form.marks())) is not None:
        messages.success(request, "已投票。评议票不记名，只记录您已投票")
        return redirect("m:evaluations")
    return render(request, "portal/m/evaluation.html", {"evaluation": evaluation, "form": form, "voted": voted},
                  status=400 if request.method == "POST" else 200)
