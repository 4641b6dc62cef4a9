import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gonghui.openaffairs import services
from gonghui.openaffairs.models import CatalogueItem, Posting

from .helpers import approved, days_from_today, draft

pytestmark = pytest.mark.django_db


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_posting_is_drafted_listed_and_approved_through_the_api(cast, client_for):
    client = client_for(cast.officer)
    response = post(client, f"/api/openaffairs/unions/{cast.union_a1.pk}/postings", {
        "category": "welfare", "title": "春节慰问品发放", "content": "每人一份",
        "starts_on": str(days_from_today(0)), "ends_on": str(days_from_today(10))})
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    refused = post(client, f"/api/openaffairs/postings/{pk}/approve", {})
    assert refused.status_code == 422 and "不能审批自己起草的" in refused.json()["errors"]["approved_by"][0]
    done = post(client_for(cast.street_admin), f"/api/openaffairs/postings/{pk}/approve", {})
    assert done.status_code == 200 and done.json()["status"] == "approved"
    listed = client.get("/api/openaffairs/postings?status=approved").json()
    assert [row["title"] for row in listed["results"]] == ["春节慰问品发放"]


def test_bad_input_through_the_api_is_a_422_at_the_field(cast, client_for):
    client = client_for(cast.officer)
    response = post(client, f"/api/openaffairs/unions/{cast.union_a1.pk}/postings", {
        "category": "welfare", "title": "公开", "content": "内容",
        "starts_on": str(days_from_today(5)), "ends_on": str(days_from_today(1))})
    assert response.status_code == 422 and "ends_on" in response.json()["errors"]
    vote = days_from_today(30)
    response = post(client, f"/api/openaffairs/unions/{cast.union_a1.pk}/catalogue", {
        "year": vote.year, "category": "decisions", "title": "企业改制方案", "due_on": str(vote),
        "vote_on": str(vote)})
    assert response.status_code == 422 and "表决日" in response.json()["errors"]["due_on"][0]
    upload = client.post(f"/api/openaffairs/postings/{draft(cast).pk}/attachments",
                         {"file": SimpleUploadedFile("a.exe", b"MZ")})
    assert upload.status_code == 422 and "只能上传文档或图片" in upload.json()["errors"]["file"][0]
    assert not CatalogueItem.objects.exists() and Posting.objects.count() == 1


def test_a_comment_is_answered_through_the_api(cast, client_for):
    comment = services.posting_comment_create(member=cast.member_a1, posting=approved(cast), text="问题")
    client = client_for(cast.officer)
    assert client.get("/api/openaffairs/comments?answered=no").json()["count"] == 1
    empty = post(client, f"/api/openaffairs/comments/{comment.pk}/answer", {"answer": " "})
    assert empty.status_code == 422 and empty.json()["errors"]["answer"] == ["请填写答复内容"]
    missing = post(client, "/api/openaffairs/comments/999999/answer", {"answer": "答复"})
    assert missing.status_code == 404
    assert post(client, f"/api/openaffairs/comments/{comment.pk}/answer", {"answer": "已解决"}).status_code == 200
    assert client.get("/api/openaffairs/comments?answered=yes").json()["count"] == 1
