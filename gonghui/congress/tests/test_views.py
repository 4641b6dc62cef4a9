import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.congress import services
from gonghui.congress.choices import EvaluationGrade
from gonghui.congress.models import CongressKind, Delegate, Occupation, Resolution
from gonghui.members.choices import MemberStatus

from .helpers import congress, days_from_today, delegates, session

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def test_a_delegate_is_elected_by_id_number_and_the_number_is_not_echoed(cast, client_for):
    body = congress(cast)
    seat = services.constituency_create(actor=cast.officer, congress=body, name="一车间")
    client = client_for(cast.officer)
    url = reverse("congress:delegate_elect", args=[body.pk])
    refused = client.post(url, {"constituency": seat.pk, "member": cast.member_a2.id_number,
                                "occupation": Occupation.FRONT_LINE, "elected_on": body.starts_on})
    assert refused.status_code == 400 and cast.member_a2.id_number not in text(refused)
    assert not Delegate.objects.exists()
    client.post(url, {"constituency": seat.pk, "member": cast.member_a1.id_number,
                      "occupation": Occupation.FRONT_LINE, "elected_on": body.starts_on})
    page = text(client.get(reverse("congress:congress_detail", args=[body.pk])))
    assert "在任代表</dt><dd data-testid=\"in-office\">1名" in page and "一线职工代表" in page
    listed = text(client.get(reverse("congress:delegates")))
    assert "张伟" in listed and "一车间" in listed


def test_a_delegate_who_left_the_union_shows_as_a_seat_to_fill_and_on_the_to_do(cast, client_for):
    body = congress(cast)
    (delegate,) = delegates(cast, body, 1)
    delegate.member.status = MemberStatus.LEFT
    delegate.member.save()
    client = client_for(cast.officer)
    assert "已离开本工会，待补选" in text(client.get(reverse("congress:delegates") + "?state=vacated"))
    assert "代表已离开本工会、席位待补选 1 名" in text(client.get("/"))


def test_a_vote_without_quorum_is_refused_on_the_page(cast, client_for):
    body = congress(cast)
    delegates(cast, body, 9)
    meeting = session(cast, body, present=5)
    client = client_for(cast.officer)
    assert "未达到法定人数（6人），不能表决" in text(client.get(reverse("congress:session_detail", args=[meeting.pk])))
    response = client.post(reverse("congress:resolution_record", args=[meeting.pk]), {
        "title": "改革方案", "votes_for": 5, "votes_against": 0, "votes_abstain": 0})
    assert response.status_code == 400 and "未达到法定人数，不能表决" in text(response)
    assert not Resolution.objects.exists()


def test_an_evaluation_ballot_is_cast_on_the_page_and_results_shown_by_person(cast, client_for):
    body = congress(cast)
    people = delegates(cast, body, 2)
    evaluation = services.evaluation_create(actor=cast.officer, session=session(cast, body), title="评议中层干部",
                                            subjects=[("王厂长", "厂长")])
    (subject,) = evaluation.subjects.all()
    client = client_for(cast.officer)
    client.post(reverse("congress:ballot", args=[evaluation.pk]), {"delegate": people[0].pk,
                                                                   f"s{subject.pk}": EvaluationGrade.EXCELLENT})
    page = text(client.get(reverse("congress:evaluation_detail", args=[evaluation.pk])))
    assert "<td>王厂长</td><td>厂长</td><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td>" in page
    form = text(client.get(reverse("congress:ballot", args=[evaluation.pk])))
    assert people[0].member.name not in form and people[1].member.name in form


def test_the_delegates_export_holds_the_listed_rows(cast, client_for):
    delegates(cast, congress(cast, kind=CongressKind.TEACHERS), 1, occupation=Occupation.TEACHER)
    response = client_for(cast.officer).get(reverse("congress:delegates_export"))
    rows = CalamineWorkbook.from_filelike(io.BytesIO(b"".join(response.streaming_content))).get_sheet_by_index(
        0).to_python()
    assert rows[0][:4] == ["工会", "职代会", "代表团（选区）", "姓名"]
    assert rows[1][1:6] == ["第4届教职工代表大会", "第一代表团", "代表100", "男", "教师"]


def test_the_api_records_a_resolution_and_refuses_more_votes_than_present(cast, client_for):
    body = congress(cast)
    delegates(cast, body, 3)
    meeting = session(cast, body, present=3)
    client = client_for(cast.officer)
    url = f"/api/congress/sessions/{meeting.pk}/resolutions"
    too_many = client.post(url, json.dumps({"title": "协议", "votes_for": 3, "votes_against": 1, "votes_abstain": 0}),
                           content_type="application/json")
    assert too_many.status_code == 422 and "多于实到代表3人" in too_many.json()["errors"]["votes_for"][0]
    done = client.post(url, json.dumps({"title": "协议", "votes_for": 2, "votes_against": 1, "votes_abstain": 0}),
                       content_type="application/json")
    assert done.status_code == 201 and done.json()["passed"] is True
    assert client.get("/api/congress/resolutions?passed=yes").json()["count"] == 1
    assert client.get(f"/api/congress/congresses/{body.pk}/composition").json()[0]["label"] == "一线职工代表"


def test_the_api_carries_an_extra_session_request_and_a_delegate_leaving(cast, client_for):
    body = congress(cast)
    people = delegates(cast, body, 3)
    client = client_for(cast.officer)
    carried = client.post(f"/api/congress/congresses/{body.pk}/requests",
                          json.dumps({"reason": "讨论改制方案", "signer_ids": [people[0].pk]}),
                          content_type="application/json")
    assert carried.status_code == 201 and carried.json()["reached"] is True  # one of three is 33%
    left = client.post(f"/api/congress/delegates/{people[1].pk}/leave",
                       json.dumps({"left_on": str(days_from_today(0)), "left_reason": "调离本单位"}),
                       content_type="application/json")
    assert left.status_code == 200 and left.json()["status"] == "left"
    again = client.post(f"/api/congress/delegates/{people[1].pk}/leave",
                        json.dumps({"left_on": str(days_from_today(0)), "left_reason": "调离本单位"}),
                        content_type="application/json")
    assert again.status_code == 422


def test_an_agenda_document_is_uploaded_listed_and_served_and_a_program_is_refused(cast, client_for):
    body = congress(cast)
    item = services.agenda_item_add(actor=cast.officer, session=session(cast, body), title="审议工资集体协议",
                                    power="adopt")
    client = client_for(cast.officer)
    url = reverse("congress:document_add", args=[item.pk])
    refused = client.post(url, {"file": SimpleUploadedFile("协议.exe", b"MZ")})
    assert refused.status_code == 400 and "只能上传文档或图片" in text(refused)
    client.post(url, {"file": SimpleUploadedFile("协议草案.pdf", b"%PDF-1.4\nbody")})
    (document,) = item.documents.all()
    assert "协议草案" not in document.file.name
    assert "协议草案.pdf" in text(client.get(reverse("congress:session_detail", args=[item.session_id])))
    served = client_for(cast.street_admin).get(reverse("congress:document", args=[document.pk]))
    assert b"".join(served.streaming_content) == b"%PDF-1.4\nbody" and served["Content-Type"] == "application/pdf"
    assert client_for(cast.sibling_officer).get(reverse("congress:document", args=[document.pk])).status_code == 404
