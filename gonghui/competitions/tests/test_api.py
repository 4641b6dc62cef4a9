import json

import pytest

from gonghui.competitions.models import Nomination

from .helpers import eligible

pytestmark = pytest.mark.django_db

BODY = {"honour_kind": "pioneer", "level": "county", "awarding_body": "县总工会", "reason": "竞赛第一"}


def post(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def test_a_nomination_through_the_api_is_refused_until_eligible_then_approved_as_an_honour(cast, client_for):
    client = client_for(cast.officer)
    refused = post(client, f"/api/competitions/unions/{cast.union_a1.pk}/nominations", BODY)
    assert refused.status_code == 422
    assert refused.json()["errors"]["union"] == ["甲一机械厂工会不符合推荐条件：未签订有效的集体合同"]
    assert not Nomination.objects.exists()
    eligible(cast)
    made = post(client, f"/api/competitions/unions/{cast.union_a1.pk}/nominations", BODY)
    assert made.status_code == 201
    street = client_for(cast.street_admin)
    for status in ("assessed", "publicised", "approved"):
        answer = post(street, f"/api/competitions/nominations/{made.json()['id']}/advance")
        assert answer.json()["status"] == status
    assert answer.json()["honour_id"] is not None
