from datetime import date

import pytest
from django.urls import reverse

from gonghui.core.identifiers import mask_id_number
from gonghui.core.models import AccessLog
from gonghui.members import services
from gonghui.members.models import Member, Transfer
from gonghui.testing import assert_scoped, make_id_number

pytestmark = pytest.mark.django_db


def test_list_masks_id_numbers_and_phones(cast, client_for):
    html = client_for(cast.officer).get(reverse("members:list")).content.decode()
    member = cast.member_a1
    assert mask_id_number(member.id_number) in html
    assert member.id_number not in html
    assert member.phone not in html and "138****" in html


def test_list_shows_only_the_subtree(cast, client_for):
    html = client_for(cast.street_admin).get(reverse("members:list")).content.decode()
    assert cast.member_a1.name in html and cast.member_a2.name in html
    assert cast.member_b1.name not in html


@pytest.mark.parametrize("query_for", [lambda m: m.id_number[-4:], lambda m: m.phone, lambda m: m.name[:1]])
def test_search_by_id_tail_phone_and_name(cast, client_for, query_for):
    client = client_for(cast.county_admin)
    html = client.get(reverse("members:list"), {"q": query_for(cast.member_a2)}).content.decode()
    assert cast.member_a2.name in html
    assert cast.member_b1.name not in html


def test_filters_by_union_subtree_category_and_status(cast, client_for):
    client = client_for(cast.county_admin)
    html = client.get(reverse("members:list"), {"union": cast.street_b.pk}).content.decode()
    assert cast.member_b1.name in html and cast.member_a1.name not in html
    html = client.get(reverse("members:list"), {"category": "retired"}).content.decode()
    assert "没有符合条件的会员" in html
    group = cast.member_a1.group
    html = client.get(reverse("members:list"), {"union": cast.union_a1.pk, "group": group.pk}).content.decode()
    assert cast.member_a1.name in html
    other_group = cast.member_a2.group
    html = client.get(reverse("members:list"), {"union": cast.union_a1.pk, "group": other_group.pk}).content.decode()
    assert cast.member_a2.name not in html


def test_create_form_shows_the_error_at_the_field_and_saves_nothing(cast, client_for):
    client = client_for(cast.officer)
    url = reverse("members:create", args=[cast.union_a1.pk])
    before = Member.objects.count()
    response = client.post(url, {"name": "赵磊", "id_number": "340524198001010013", "ethnicity": "汉族",
                                 "category": "employed", "join_date": "2020-01-01"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-field="id_number"' in html and "身份证号码校验位不符" in html
    assert Member.objects.count() == before


def test_create_form_saves_a_member(cast, client_for):
    client = client_for(cast.officer)
    number = make_id_number(date(1992, 2, 2), 33)
    response = client.post(reverse("members:create", args=[cast.union_a1.pk]), {
        "name": "赵磊", "id_number": number, "ethnicity": "汉族", "category": "employed", "join_date": "2020-01-01",
        "phone": "13600001111"})
    member = Member.objects.get(id_number=number)
    assert response.status_code == 302 and member.union == cast.union_a1


def test_reveal_shows_the_full_number_and_logs_it(cast, client_for):
    response = client_for(cast.officer).post(reverse("members:reveal", args=[cast.member_a1.pk]))
    assert cast.member_a1.id_number in response.content.decode()
    assert AccessLog.objects.filter(action="reveal_identity", object_id=str(cast.member_a1.pk)).exists()


def test_auditor_may_read_but_not_reveal_or_write(cast, client_for):
    client = client_for(cast.auditor)
    assert client.get(reverse("members:detail", args=[cast.member_a1.pk])).status_code == 200
    assert client.post(reverse("members:reveal", args=[cast.member_a1.pk])).status_code == 403
    assert client.get(reverse("members:edit", args=[cast.member_a1.pk])).status_code == 403


def test_transfer_flow_through_the_pages(cast, client_for):
    client = client_for(cast.officer)
    client.post(reverse("members:transfer", args=[cast.member_a1.pk]),
                {"to_union": cast.union_b1.pk, "on_date": "2024-05-01", "reason": "调动"})
    transfer = Transfer.objects.get(member=cast.member_a1)
    client = client_for(cast.other_officer)
    assert cast.member_a1.name in client.get(reverse("members:transfers")).content.decode()
    client.post(reverse("members:transfer_decide", args=[transfer.pk, "accept"]))
    cast.member_a1.refresh_from_db()
    assert cast.member_a1.union == cast.union_b1


def test_it_checks_access(cast, client):
    member = cast.member_a1
    for name in ("detail", "edit", "lifecycle", "transfer"):
        assert_scoped(client, cast, reverse(f"members:{name}", args=[member.pk]), owner=cast.union_a1)
    assert_scoped(client, cast, reverse("members:reveal", args=[member.pk]), owner=cast.union_a1, method="post")
    assert_scoped(client, cast, reverse("members:create", args=[cast.union_a1.pk]), owner=cast.union_a1)
    assert_scoped(client, cast, reverse("core:history", args=["members.member", member.pk]), owner=cast.union_a1)


def test_transfer_decisions_check_access(cast, client):
    transfer = services.transfer_request(actor=cast.officer, member=cast.member_a1, to_union=cast.union_b1,
                                         on_date=date(2024, 3, 1))
    client.force_login(cast.sibling_officer)
    assert client.post(reverse("members:transfer_decide", args=[transfer.pk, "accept"])).status_code == 404
    transfer.refresh_from_db()
    assert transfer.status == "pending"


def test_forbidden_pages_say_why_in_chinese(cast, client_for):
    response = client_for(cast.auditor).get(reverse("members:edit", args=[cast.member_a1.pk]))
    assert response.status_code == 403
    assert "只读" in response.content.decode()


def _edit_post(member, **changes) -> dict:
    data = {"name": member.name, "ethnicity": member.ethnicity, "category": member.category,
            "join_date": member.join_date.isoformat(), "id_number": "", "phone": ""}
    data.update(changes)
    return data


def test_the_edit_form_shows_identity_masked_and_never_in_full(cast, client_for):
    member = cast.member_a1
    html = client_for(cast.officer).get(reverse("members:edit", args=[member.pk])).content.decode()
    assert member.id_number not in html and member.phone not in html
    assert mask_id_number(member.id_number) in html and f"{member.phone[:3]}****{member.phone[-4:]}" in html


def test_an_edit_leaving_identity_empty_keeps_it_and_a_typed_value_replaces_it(cast, client_for):
    member, client = cast.member_a1, client_for(cast.officer)
    number, phone = member.id_number, member.phone
    url = reverse("members:edit", args=[member.pk])
    assert client.post(url, _edit_post(member, name="王新")).status_code == 302
    member.refresh_from_db()
    assert (member.name, member.id_number, member.phone) == ("王新", number, phone)
    assert client.post(url, _edit_post(member, phone="13700001111")).status_code == 302
    member.refresh_from_db()
    assert member.phone == "13700001111" and member.id_number == number
    response = client.post(url, _edit_post(member, phone="0574-8680000"))
    assert response.status_code == 400 and "座机" in response.content.decode()
    assert client.post(url, _edit_post(member, phone_clear="on")).status_code == 302
    member.refresh_from_db()
    assert member.phone == ""
