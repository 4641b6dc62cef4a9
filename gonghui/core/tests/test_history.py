from datetime import date

import pytest
from django.urls import reverse

from gonghui.core.identifiers import mask_id_number, mask_mobile
from gonghui.core.models import AccessLog
from gonghui.members import services
from gonghui.testing import make_id_number

pytestmark = pytest.mark.django_db


def test_history_page_shows_who_changed_what_before_and_after(cast, client_for):
    services.member_update(actor=cast.officer, member=cast.member_a1, phone="13700001111")
    html = client_for(cast.street_admin).get(reverse("core:history", args=["members.member", cast.member_a1.pk])).content.decode()
    assert "officer" in html
    assert "手机号码：138****0011 → 137****1111" in html


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


def _history(client, obj):
    return client.get(reverse("core:history", args=[obj._meta.label_lower, obj.pk]))


def test_history_masks_id_numbers_and_phones_for_everyone(cast, client_for):
    member = cast.member_a1
    old_number, old_phone = member.id_number, member.phone
    new_number = make_id_number(date(1985, 3, 12), 777)
    services.member_update(actor=cast.officer, member=member, phone="13700001111", id_number=new_number)
    html = _history(client_for(cast.county_admin), member).content.decode()  # holds the reveal grant
    for full in (old_number, new_number, old_phone, "13700001111"):
        assert full not in html
    assert f"{mask_id_number(old_number)} → {mask_id_number(new_number)}" in html
    assert f"{mask_mobile(old_phone)} → 137****1111" in html


def test_petition_history_masks_the_phone_and_its_reading_is_logged(cast, client_for):
    from gonghui.rights import services as rights

    made = rights.petition_create(actor=cast.officer, union=cast.union_a1, received_on=date(2026, 1, 5),
                                  petitioner="赵敏", matter="反映加班费", phone="13912345678")
    rights.petition_update(actor=cast.officer, petition=made, phone="13900002222")
    html = _history(client_for(cast.officer), made).content.decode()
    assert "13912345678" not in html and "139****5678 → 139****2222" in html
    log = AccessLog.objects.get(action="view_history")
    assert (log.user, log.action, log.object_type, log.object_id) == (cast.officer, "view_history", "rights.Petition",
                                                                     str(made.pk))


def test_history_of_a_record_needing_no_grant_is_not_logged(cast, client_for):
    _history(client_for(cast.officer), cast.member_a1)
    assert not AccessLog.objects.filter(action="view_history").exists()
