"""The union's pages of the member portal (/portal/): what members sent, and the activities opened for sign-up."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import selectors


@login_required
def index_page(request):
    return render(request, "portal/index.html", {"todo": selectors.portal_todo(user=request.user)})
