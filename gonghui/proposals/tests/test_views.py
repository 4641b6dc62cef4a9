import io
import json

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.congress.tests.helpers import days_from_today
from gonghui.proposals import services
from gonghui.proposals.models import Proposal, ProposalState

from .helpers import assigned, draft, setting, submitted

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def test_a_proposal_is_drafted_and_co_signed_on_the_pages(cast, client_for):
    place = setting(cast)
    client = client_for(cast.officer)
    client.post(reverse("proposals:proposal_create", args=[place.session.pk]), {
        "title": "增设职工书屋", "category": "living", "reasons": "职工读书需求大", "measures": "利用活动室",
        "proposer": place.delegates[0].pk})
    proposal = Proposal.objects.get()
    move = lambda action: reverse("proposals:proposal_move", args=[proposal.pk, action])  # noqa: E731
    refused = client.post(move("submit"), {})
    assert refused.status_code == 400 and "提案须有至少2名代表附议，目前0名" in text(refused)
    for delegate in place.delegates[1:3]:
        client.post(move("cosign"), {"delegate": delegate.pk})
    client.post(move("submit"), {})
    page = text(client.get(reverse("proposals:proposal_detail", args=[proposal.pk])))
    assert "待审查" in page and place.delegates[1].member.name in page and ">立案</a>" in page


def test_the_department_officer_sees_only_the_moves_it_may_make(cast, client_for):
    place = setting(cast, officer=cast.officer_no_care)
    proposal = assigned(cast, place)
    department = text(client_for(cast.officer_no_care).get(reverse("proposals:proposal_detail", args=[proposal.pk])))
    committee = text(client_for(cast.officer).get(reverse("proposals:proposal_detail", args=[proposal.pk])))
    assert ">签收</a>" in department and ">申退</a>" in department
    assert ">签收</a>" not in committee
    response = client_for(cast.officer).post(reverse("proposals:proposal_move", args=[proposal.pk, "sign"]), {})
    assert response.status_code == 400 and "须由主办部门的联络人办理" in text(response)


def test_the_list_the_export_and_the_overdue_to_do(cast, client_for):
    place = setting(cast, officer=cast.officer_no_care)
    proposal = assigned(cast, place)
    Proposal.objects.filter(pk=proposal.pk).update(due_on=days_from_today(-1))
    client = client_for(cast.officer)
    assert "改善食堂伙食" in text(client.get(reverse("proposals:proposals") + "?overdue=yes"))
    assert "改善食堂伙食" not in text(client.get(reverse("proposals:proposals") + "?overdue=no"))
    assert "交办的提案逾期未答复 1 件" in text(client.get("/"))
    assert "本部门承办的提案逾期未答复 1 件" in text(client_for(cast.officer_no_care).get("/"))
    response = client.get(reverse("proposals:proposals_export"))
    rows = CalamineWorkbook.from_filelike(io.BytesIO(b"".join(response.streaming_content))).get_sheet_by_index(
        0).to_python()
    assert rows[0][:4] == ["工会", "会议", "编号", "案由"] and rows[1][3] == "改善食堂伙食"
    assert rows[1][7] == "已交办待签收"


def test_the_overview_counts_by_category(cast, client_for):
    place = setting(cast)
    services.proposal_accept(actor=cast.officer, proposal=submitted(cast, place))
    submitted(cast, place, title="工资调整", category="pay")
    page = text(client_for(cast.officer).get(reverse("proposals:index")))
    assert "收到代表提案2件" in page and "立案1件" in page
    assert "<td>生活后勤</td><td><a" in page and "工资福利" in page


def test_the_api_moves_a_proposal_and_refuses_a_move_not_open(cast, client_for):
    place = setting(cast)
    proposal = submitted(cast, place)
    client = client_for(cast.officer)

    def move(action, body=None):
        return client.post(f"/api/proposals/proposals/{proposal.pk}/moves/{action}", json.dumps(body or {}),
                           content_type="application/json")
    assert move("sign").status_code == 422
    assert move("decline", {"reason": ""}).json()["errors"]["review_reason"] == ["请填写不予立案、转为意见建议的理由"]
    assert move("accept").json()["state"] == ProposalState.ACCEPTED
    done = move("assign", {"lead_id": place.department.pk})
    assert done.status_code == 200 and done.json()["state"] == ProposalState.ASSIGNED
    assert [step["action"] for step in done.json()["steps"]][-2:] == ["立案", "交办"]
    assert client.get("/api/proposals/proposals?state=assigned").json()["count"] == 1
    assert move("nothing").status_code == 404
    assert draft(cast, place).state == ProposalState.DRAFT


def test_a_draft_is_edited_through_the_api_and_not_once_submitted(cast, client_for):
    place = setting(cast)
    client = client_for(cast.officer)
    proposal = draft(cast, place)
    body = {"title": "改善职工食堂伙食和卫生", "reasons": "理由", "measures": "措施", "category": "living"}
    edited = client.post(f"/api/proposals/proposals/{proposal.pk}", json.dumps(body), content_type="application/json")
    assert edited.status_code == 200 and edited.json()["title"] == "改善职工食堂伙食和卫生"
    sent = submitted(cast, place, title="另一件")
    refused = client.post(f"/api/proposals/proposals/{sent.pk}", json.dumps(body), content_type="application/json")
    assert refused.status_code == 422 and Proposal.objects.get(pk=sent.pk).title == "另一件"
