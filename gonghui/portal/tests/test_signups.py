"""Activities open for sign-up: places, the waiting list, the deadline, who may join, the ledger entry."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from gonghui.ledger.models import Activity
from gonghui.members.models import Member
from gonghui.portal import services
from gonghui.portal.models import Offer, SignUp, SignUpStatus

from .helpers import offer, signed_in


def _extra_member(cast, n, union=None):
    base = cast.member_a1
    return Member.objects.create(tenant_id=base.tenant_id, union=union or base.union, name=f"会员{n}",
                                 id_number=f"3301061990010{n:05d}", birth_date=base.birth_date, gender="M",
                                 phone=f"1390000{n:04d}", join_date=base.join_date)


def test_a_member_signs_up_from_the_phone_and_the_last_place_goes_to_the_waiting_list(client, cast):
    basketball = offer(cast, capacity=1)
    signed_in(client, cast.member_a1)
    assert "职工篮球赛" in client.get(reverse("m:offers")).content.decode()
    response = client.post(reverse("m:offer", args=[basketball.pk]), follow=True)
    assert "报名成功" in response.content.decode()
    again = client.post(reverse("m:offer", args=[basketball.pk]))
    assert again.status_code == 400 and "不能重复报名" in again.content.decode()
    swapped = client.post(reverse("m:offer", args=[basketball.pk]), HTTP_HX_REQUEST="true")
    assert swapped.status_code == 200 and "不能重复报名" in swapped.content.decode()
    assert SignUp.objects.filter(offer=basketball).count() == 1
    second = _extra_member(cast, 21)
    waiting = services.signup_create(member=second, offer=basketball)
    assert waiting.status == SignUpStatus.WAITING
    signed_in(client, second)
    assert "候补第1位" in client.get(reverse("m:offer", args=[basketball.pk])).content.decode()


def test_cancelling_a_place_moves_the_first_one_waiting_up(cast):
    basketball = offer(cast, capacity=1)
    first, second, third = (_extra_member(cast, n) for n in (31, 32, 33))
    place = services.signup_create(member=first, offer=basketball)
    services.signup_create(member=second, offer=basketball)
    services.signup_create(member=third, offer=basketball)
    services.signup_cancel(member=first, signup=place)
    statuses = dict(SignUp.objects.filter(offer=basketball).values_list("member_id", "status"))
    assert statuses == {first.pk: "cancelled", second.pk: "taken", third.pk: "waiting"}
    assert Offer.objects.get(pk=basketball.pk).taken == 1
    # A member who cancelled may sign up again, at the end of the queue.
    assert services.signup_create(member=first, offer=basketball).status == SignUpStatus.WAITING


def test_a_cancelled_waiting_place_frees_no_place(cast):
    basketball = offer(cast, capacity=1)
    first, second = _extra_member(cast, 41), _extra_member(cast, 42)
    services.signup_create(member=first, offer=basketball)
    waiting = services.signup_create(member=second, offer=basketball)
    services.signup_cancel(member=second, signup=waiting)
    assert Offer.objects.get(pk=basketball.pk).taken == 1


def test_after_the_deadline_the_sign_up_is_refused_and_nothing_saved(client, cast):
    basketball = offer(cast)
    Offer.objects.filter(pk=basketball.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    signed_in(client, cast.member_a1)
    response = client.post(reverse("m:offer", args=[basketball.pk]))
    assert response.status_code == 404  # past its deadline it is no longer offered
    with pytest.raises(Exception, match="报名已截止"):
        services.signup_create(member=cast.member_a1, offer=basketball)
    assert not SignUp.objects.exists()


def test_who_may_join_the_union_its_subtree_and_the_categories(client, cast):
    own = offer(cast, title="本厂活动")
    county = offer(cast, union=cast.county, title="全县活动", subtree=True, categories=["retired"])
    signed_in(client, cast.member_a2)
    page = client.get(reverse("m:offers")).content.decode()
    assert "本厂活动" not in page and "全县活动" not in page
    assert client.get(reverse("m:offer", args=[own.pk])).status_code == 404
    Member.objects.filter(pk=cast.member_a2.pk).update(category="retired")
    assert "全县活动" in client.get(reverse("m:offers")).content.decode()
    assert client.post(reverse("m:offer", args=[county.pk])).status_code == 302


def test_another_members_sign_up_is_a_404(client, cast):
    basketball = offer(cast)
    place = services.signup_create(member=cast.member_a1, offer=basketball)
    signed_in(client, _extra_member(cast, 51))
    assert client.post(reverse("m:signup_cancel", args=[place.pk])).status_code == 404
    assert SignUp.objects.get(pk=place.pk).status == SignUpStatus.TAKEN


def test_the_union_records_the_held_activity_into_the_ledger(client, cast):
    basketball = offer(cast, capacity=2)
    services.signup_create(member=cast.member_a1, offer=basketball)
    client.force_login(cast.officer)
    page = client.get(reverse("portal:offer", args=[basketball.pk])).content.decode()
    assert "张伟" in page and "已报名" in page
    response = client.post(reverse("portal:offer_record", args=[basketball.pk]), follow=True)
    assert "活动举办后才能记入台帐" in response.content.decode()
    Offer.objects.filter(pk=basketball.pk).update(held_on=timezone.localdate())
    client.post(reverse("portal:offer_record", args=[basketball.pk]))
    activity = Activity.objects.get(pk=Offer.objects.get(pk=basketball.pk).activity_id)
    assert activity.title == "职工篮球赛" and list(activity.participants.all()) == [cast.member_a1]
    assert activity.participant_count == 1


def test_the_union_publishes_an_offer_with_chinese_errors(client, cast):
    client.force_login(cast.officer)
    url = reverse("portal:offer_create", args=[cast.union_a1.pk])
    held = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client.post(url, {"kind": "culture_sports", "title": "登山", "held_on": held, "capacity": "5",
                                 "deadline": f"{(timezone.localdate() + timedelta(days=5)).isoformat()}T12:00"})
    text = response.content.decode()
    assert response.status_code == 400 and "报名截止时间不能晚于活动日期" in text
    response = client.post(url, {"kind": "culture_sports", "title": "登山", "held_on": held, "capacity": "30",
                                 "deadline": f"{(timezone.localdate() + timedelta(days=2)).isoformat()}T12:00"})
    assert response.status_code == 302 and Offer.objects.get().capacity == 30


@pytest.mark.django_db(transaction=True)
def test_parallel_sign_ups_never_take_more_places_than_there_are(cast):
    if connection.vendor != "postgresql":
        pytest.skip("parallel writers need PostgreSQL's row locks (SQLite runs one writer at a time)")
    basketball = offer(cast, capacity=5)
    people = [_extra_member(cast, 100 + n) for n in range(20)]
    errors, start = [], threading.Barrier(len(people))

    def sign_up(member):
        try:
            start.wait()
            services.signup_create(member=member, offer=basketball)
        except Exception as exc:  # noqa: BLE001 - every failure is the finding
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(m,)) for m in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert SignUp.objects.filter(offer=basketball, status="taken").count() == 5
    assert SignUp.objects.filter(offer=basketball, status="waiting").count() == 15
    assert Offer.objects.get(pk=basketball.pk).taken == 5


@pytest.mark.figure_cache
def test_a_sign_up_bumps_its_tenants_figures_once_inside_its_own_transaction(cast, django_capture_on_commit_callbacks):
    from django.db import transaction

    from gonghui.core.models import FigureGeneration

    basketball = offer(cast, capacity=1)
    generation = lambda: FigureGeneration.objects.filter(tenant_id=cast.county.pk).values_list(  # noqa: E731
        "number", flat=True).first() or 0
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        services.signup_create(member=cast.member_a1, offer=basketball)
    assert generation() == before + 1  # committed with the sign-up; the on-commit flush had nothing left
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.signup_create(member=_extra_member(cast, 51), offer=basketball)
                raise RuntimeError("abandoned")
        except RuntimeError:
            pass
    assert generation() == before + 1  # a sign-up rolled back takes its bump with it
