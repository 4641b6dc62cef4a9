"""Rubric items are edited and deleted on the page and the API until they are scored; the trail keeps each."""

from decimal import Decimal

import pytest
from django.urls import reverse

from gonghui.checks.models import RubricItem

from .helpers import campaign, rubric

pytestmark = pytest.mark.django_db

FORM = {"section": "经费管理", "text": "经费收支账目清楚", "max_score": "20", "method": "add", "evidence_kind": "document"}


def test_an_item_is_edited_on_the_page_and_moved_to_a_new_section(client, cast):
    made = rubric(cast)
    item = made.items.get(order=1)
    client.force_login(cast.street_admin)
    page = client.get(reverse("checks:rubric_item_edit", args=[item.pk])).content.decode()
    assert 'value="依法选举产生工会主席"' in page
    response = client.post(reverse("checks:rubric_item_edit", args=[item.pk]), {**FORM, "section": "民主管理"})
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "民主管理" in page and "经费收支账目清楚" in page and "依法选举产生工会主席" not in page
    assert "总分</dt><dd>80.0分" in page
    assert [h.text for h in item.history.order_by("history_id")] == ["依法选举产生工会主席", "经费收支账目清楚"]


def test_a_bad_edit_is_an_error_at_its_field_and_nothing_changes(client, cast):
    item = rubric(cast).items.get(order=2)
    client.force_login(cast.street_admin)
    response = client.post(reverse("checks:rubric_item_edit", args=[item.pk]), {**FORM, "method": "deduct"})
    assert response.status_code == 400
    assert "扣分条目须填写每次扣分（大于0）" in response.content.decode()
    item.refresh_from_db()
    assert item.text == "台帐不完整每项扣2分"


def test_an_item_is_deleted_on_the_page_and_its_trail_kept(client, cast):
    item = rubric(cast).items.get(order=1)
    client.force_login(cast.street_admin)
    response = client.post(reverse("checks:rubric_item_delete", args=[item.pk]))
    page = client.get(response.url, follow=True).content.decode()
    assert "已删除考核内容“依法选举产生工会主席”" in page and "依法选举产生工会主席</td>" not in page
    assert not RubricItem.objects.filter(pk=item.pk).exists()
    last = RubricItem.history.filter(id=item.pk).first()
    assert last.history_type == "-" and last.history_user == cast.street_admin


def test_a_scored_item_is_neither_edited_nor_deleted(client, cast):
    item = campaign(cast).rubric.items.get(order=1)
    client.force_login(cast.street_admin)
    response = client.post(reverse("checks:rubric_item_edit", args=[item.pk]), FORM)
    assert response.status_code == 400
    assert "该条目已用于考核评分，不能修改；请另建新版本细则" in response.content.decode()
    answer = client.delete(f"/api/checks/rubric-items/{item.pk}")
    assert answer.status_code == 422
    assert answer.json()["errors"]["__all__"] == ["该条目已用于考核评分，不能删除；请另建新版本细则"]
    assert RubricItem.objects.filter(pk=item.pk, text="依法选举产生工会主席").exists()
    page = client.get(reverse("checks:rubric_detail", args=[item.rubric_id])).content.decode()
    assert "checks/rubric-items/" not in page  # no edit or delete is offered on a rubric in use


def test_the_api_edits_and_deletes_an_item(client, cast):
    item = rubric(cast).items.get(order=3)
    client.force_login(cast.street_admin)
    body = {"section": "经费管理", "text": "按时报送年度计划", "max_score": 35, "figure_key": "plans.plans_filed"}
    answer = client.put(f"/api/checks/rubric-items/{item.pk}", body, content_type="application/json")
    assert answer.status_code == 422 and answer.json()["errors"]["figure_target"] == ["引用统计指标的条目须填写达标值"]
    answer = client.put(f"/api/checks/rubric-items/{item.pk}", {**body, "figure_target": 1},
                        content_type="application/json")
    assert answer.status_code == 200 and Decimal(answer.json()["max_score"]) == 35
    item.refresh_from_db()
    assert item.max_score == 35
    assert client.delete(f"/api/checks/rubric-items/{item.pk}").status_code == 204
    client.force_login(cast.officer)  # union_a1 reads the street's rubric but does not own it
    other = item.rubric.items.first()
    assert client.delete(f"/api/checks/rubric-items/{other.pk}").status_code == 404
