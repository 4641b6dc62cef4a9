"""The home page's to-do counts of the care app: files waiting for a review this user could do."""

import pytest
from django.utils import timezone

from gonghui.care import services
from gonghui.care.selectors import HardshipTodo, hardship_todo

from .helpers import active_file, apply, days_ago, member

pytestmark = pytest.mark.django_db


def test_each_review_is_counted_for_those_who_could_do_it(cast):
    apply(cast)
    second = apply(cast, who=member(cast.union_a1, 301))
    services.hardship_file_union_review(actor=cast.officer, file=second, approve=True, on_date=second.applied_on)
    active_file(cast, who=member(cast.union_a1, 302), applied_on=days_ago(420), approved_on=days_ago(400))
    today = timezone.localdate()
    # Only a federation admin above the file's union reviews for the federation.
    assert hardship_todo(user=cast.officer, today=today) == HardshipTodo(union_review=1, yearly_review=1)
    assert hardship_todo(user=cast.street_admin, today=today) == HardshipTodo(1, 1, 1)
    assert hardship_todo(user=cast.county_admin, today=today) == HardshipTodo(1, 1, 1)
    assert hardship_todo(user=cast.sibling_officer, today=today) == HardshipTodo()


def test_whoever_did_the_first_review_does_not_count_the_second(cast):
    file = apply(cast)
    services.hardship_file_union_review(actor=cast.street_admin, file=file, approve=True, on_date=file.applied_on)
    today = timezone.localdate()
    assert hardship_todo(user=cast.street_admin, today=today).federation_review == 0
    assert hardship_todo(user=cast.county_admin, today=today).federation_review == 1


def test_nothing_without_the_grant(cast):
    apply(cast)
    cast.street_admin.may_access_care = False
    assert hardship_todo(user=cast.street_admin, today=timezone.localdate()) == HardshipTodo()
