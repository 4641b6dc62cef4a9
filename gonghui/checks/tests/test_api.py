import json

import pytest

from gonghui.checks.models import AssessmentStatus, ItemScore

from .helpers import campaign

pytestmark = pytest.mark.django_db


def post(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def test_an_assessment_is_self_assessed_and_submitted_through_the_api(cast, client_for):
    assessment = campaign(cast).assessments.get()
    client = client_for(cast.officer)
    scores = client.get(f"/api/checks/assessments/{assessment.pk}/scores").json()
    assert [row["prefilled"] for row in scores] == [None, None, "0.0", None]
    too_high = post(client, f"/api/checks/scores/{scores[0]['id']}/self", {"self_score": "41"})
    assert too_high.status_code == 422
    assert too_high.json()["errors"]["self_score"] == ["自评分不能超过该条目的分值（40.0分）"]
    assert ItemScore.objects.get(pk=scores[0]["id"]).self_score is None
    for row, score in zip(scores, ("40", "30", "30", "0"), strict=True):
        assert post(client, f"/api/checks/scores/{row['id']}/self", {"self_score": score}).status_code == 200
    submitted = post(client, f"/api/checks/assessments/{assessment.pk}/submit")
    assert submitted.status_code == 200 and submitted.json()["status"] == AssessmentStatus.SUBMITTED
    listed = client.get("/api/checks/assessments?status=submitted").json()
    assert [row["self_total"] for row in listed["results"]] == ["100.0"]
