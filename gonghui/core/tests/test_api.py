"""What the JSON API says to a request it cannot take: a status and a message at the parameter, never a 500."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url, params, field, message", [
    ("/api/ledger/news/tally", {"year": 0}, "year", "不能小于2000"),
    ("/api/plans/year", {"year": 356542405879}, "year", "不能大于2100"),
    ("/api/plans/missing", {"year": "二〇二六"}, "year", "须为整数"),
    ("/api/members/", {"page": 0}, "page", "不能小于1"),
    ("/api/rights/disputes", {"page": 241399239347509440}, "page", "不能大于1000000"),
    ("/api/rights/disputes", {"start": "2026-13-01"}, "start", "日期格式不正确，应为 YYYY-MM-DD"),
])
def test_a_parameter_out_of_range_is_named_in_chinese(cast, client, url, params, field, message):
    client.force_login(cast.county_admin)
    response = client.get(url, params)
    assert response.status_code == 422
    assert response.json()["errors"] == {field: [message]}


def test_a_body_that_claims_multipart_but_is_not_is_a_bad_request(cast):
    # The CSRF check is what reads the form body first, so it runs here as it does for a browser's session.
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.county_admin)
    client.cookies["csrftoken"] = token = "k" * 32
    response = client.post("/api/care/visits", '{"reason": "holiday"}', content_type="multipart/form-data",
                           headers={"X-CSRFToken": token})
    assert response.status_code == 400
    assert "multipart/form-data" in response.json()["detail"]


def test_an_id_beyond_64_bits_in_a_list_is_refused_at_the_field(cast, client):
    client.force_login(cast.officer)
    response = client.post(f"/api/ledger/unions/{cast.union_a1.pk}/activities", {
        "kind": "training", "title": "一小时课堂", "date": "2026-03-10", "participant_ids": [2**64]},
        content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == {"participant_ids.0": ["不能大于9223372036854775807"]}
