import pytest
from django.test import RequestFactory
from django.urls import reverse

from gonghui.core.pages import CappedPaginator, paginate
from gonghui.members.models import Member

pytestmark = pytest.mark.django_db


def test_counts_stop_at_the_cap_and_the_pager_says_so(cast, client_for, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "CAP", 2)
    page = paginate(RequestFactory().get("/"), Member.objects.order_by("id"), per_page=1)
    assert page.paginator.capped and page.paginator.count == 3
    monkeypatch.setattr(CappedPaginator, "CAP", 1)
    html = client_for(cast.county_admin).get(reverse("members:list")).content.decode()
    assert "超过 1 条" in html


def test_small_lists_show_the_exact_total(cast):
    page = paginate(RequestFactory().get("/"), Member.objects.order_by("id"), per_page=2)
    assert not page.paginator.capped and page.paginator.count == 3 and page.paginator.num_pages == 2
