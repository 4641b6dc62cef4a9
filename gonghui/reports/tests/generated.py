"""A generated county for the tests that check every registered figure, and the scopes they read it in."""

import pytest

from gonghui.accounts.models import User
from gonghui.demo.county import build_county
from gonghui.demo.reset import delete_demo
from gonghui.org.models import Union


def county_fixture(*, seed: int, members: int, as_of):
    """A module's county, built once with its year of work and deleted after the module."""

    @pytest.fixture(scope="module")
    def county(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            county = build_county(seed=seed, members=members, as_of=as_of, work=True)
            try:
                yield county
            finally:
                delete_demo()

    return county


def scopes(county):
    """(user, union) pairs: the county's administrator over the county, a street's over its street."""
    street = User.objects.select_related("union").get(username="street_admin")
    return [(User.objects.select_related("union").get(username="county_admin"), county.root),
            (street, Union.objects.get(pk=street.union_id))]
