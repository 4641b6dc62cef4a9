import io
from decimal import Decimal

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.checks.models import Rubric

from .helpers import campaign

pytestmark = pytest.mark.django_db


def test_the_officer_self_assesses_and_a_score_above_the_maximum_is_an_error_at_the_field(client, cast):
    assessment = campaign(cast).assessments.get()
    row = assessment.scores.get(item__order=2)
    client.force_login(cast.officer)
    url = reverse("checks:score_self", args=[row.pk])
    response = client.post(url, {"self_score": "31"})
    assert response.status_code == 400
    assert "自评分不能超过该条目的分值（30.0分）" in response.content.decode()
    client.post(url, {"self_score": "28", "self_note": "台帐缺一项"})
    page = client.get(reverse("checks:assessment_detail", args=[assessment.pk])).content.decode()
    assert "台帐不完整每项扣2分" in page and "28.0" in page and "报送自评" in page


def test_a_rubric_is_imported_from_its_own_export(client, cast):
    rubric = campaign(cast).rubric
    client.force_login(cast.street_admin)
    response = client.get(reverse("checks:rubric_export", args=[rubric.pk]))
    body = b"".join(response.streaming_content)
    rows = CalamineWorkbook.from_filelike(io.BytesIO(body)).get_sheet_by_index(0).to_python()
    assert rows[0][:4] == ["考核项目", "序号", "考核内容", "分值"] and rows[2][2] == "台帐不完整每项扣2分"
    upload = io.BytesIO(body)
    upload.name = "细则.xlsx"
    response = client.post(reverse("checks:rubric_import"), {"kind": "workers_home", "name": "职工之家评估细则",
                                                            "version": 2, "levels": "90:示范；75:达标", "file": upload})
    assert response.status_code == 302
    copy = Rubric.objects.get(version=2)
    assert copy.max_total == Decimal(100) and copy.levels == [[90.0, "示范"], [75.0, "达标"]]


def test_the_assessment_list_is_exported_as_filtered(client, cast):
    campaign(cast, unions=[cast.union_a1, cast.union_a2])
    client.force_login(cast.officer)
    response = client.get(reverse("checks:assessments_export"))
    rows = CalamineWorkbook.from_filelike(io.BytesIO(b"".join(response.streaming_content))).get_sheet_by_index(0)
    names = [row[1] for row in rows.to_python()[1:]]
    assert names == ["甲一机械厂工会"]


def test_the_overview_breaks_the_assessed_down_by_level_each_a_link_to_as_many(client, cast):
    from .helpers import reviewed, self_assessed

    made = campaign(cast, unions=[cast.union_a1, cast.union_a2])
    for assessment in made.assessments.all():
        self_assessed(cast, assessment, actor=cast.street_admin)
        reviewed(cast, assessment)
    client.force_login(cast.street_admin)
    page = client.get(reverse("checks:index")).content.decode()
    assert "示范 2家" in page
    url = page.split('data-testid="checks-levels"')[1].split('href="')[1].split('"')[0].replace("&amp;", "&")
    listed = client.get(url).content.decode()
    assert "甲一机械厂工会</a>" in listed and "甲二中学工会</a>" in listed
