"""The home page's to-do counts of the rights app: cases past or near their time limit, contracts expiring."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gonghui.rights import selectors, services
from gonghui.rights.selectors import RightsTodo, rights_todo

from .helpers import case, contract, days_ago

pytestmark = pytest.mark.django_db


def test_the_limit_and_the_days_before_it_split_open_cases(cast):
    for age in (16, 15, 13, 12):  # past limit after 15 days; the last three days of the limit are "near"
        case(cast, received_on=days_ago(age))
    services.dispute_close(actor=cast.officer, case=case(cast, received_on=days_ago(30)), outcome="mediated",
                           closed_on=days_ago(1))
    today = timezone.localdate()
    assert selectors.near_limit_received(today) == (days_ago(15), days_ago(13))
    assert rights_todo(user=cast.officer, today=today) == RightsTodo(past_limit=1, near_limit=2, expiring=0)
    # The case list's past-limit filter agrees with the count.
    listed = selectors.dispute_list(user=cast.officer, filters={"state": "past_limit"})
    assert listed.count() == 1


def test_cases_need_the_grant_contracts_do_not(cast):
    case(cast, received_on=days_ago(20))
    contract(cast, term_end=timezone.localdate() + timedelta(days=90))
    contract(cast, term_end=timezone.localdate() + timedelta(days=91), title="九十一天后到期")
    today = timezone.localdate()
    assert rights_todo(user=cast.street_admin, today=today) == RightsTodo(past_limit=1, expiring=1)
    assert rights_todo(user=cast.sibling_officer, today=today) == RightsTodo()
    cast.officer.may_access_care = False
    assert rights_todo(user=cast.officer, today=today) == RightsTodo(expiring=1)
