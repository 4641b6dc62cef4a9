import pytest
from django.urls import reverse

from gonghui.members import services

pytestmark = pytest.mark.django_db


def test_history_page_shows_who_changed_what_before_and_after(cast, client_for):
    services.member_update(actor=cast.officer, member=cast.member_a1, phone="13700001111")
    html = client_for(cast.street_admin).get(reverse("core:history", args=["members.member", cast.member_a1.pk])).content.decode()
    assert "officer" in html
    assert "手机号码：13812340011 → 13700001111" in html


def test_history_of_unknown_or_untracked_models_is_not_found(cast, client_for):
    client = client_for(cast.county_admin)
    assert client.get(reverse("core:history", args=["members.nothing", 1])).status_code == 404
    assert client.get(reverse("core:history", args=["members.memberevent", 1])).status_code == 404


def test_records_needing_the_care_grant_are_invisible_without_it(cast):
    from gonghui.core.scoping import visible
    from gonghui.members.models import Member

    class Sensitive(Member):
        CARE_GRANT_REQUIRED = True

        class Meta:
            proxy = True
            app_label = "members"

    assert visible(Sensitive.objects.all(), cast.county_admin).count() == 3
    assert visible(Sensitive.objects.all(), cast.auditor).count() == 0
