import io
from decimal import Decimal

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.core.models import AccessLog
from gonghui.rights import services
from gonghui.rights.choices import DisputeOutcome
from gonghui.rights.models import CollectiveContract, DisputeCase, Mediator
from gonghui.testing import assert_scoped

from .helpers import body, case, contract, days_ago, petition

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(cast):
    made = body(cast)
    mediator = services.mediator_create(actor=cast.officer, body=made, name="孙强", phone="13900001111")
    return {"case": case(cast, mediator=mediator), "petition": petition(cast), "body": made, "mediator": mediator,
            "contract": contract(cast)}


def sheet_rows(response) -> list[list]:
    data = b"".join(response.streaming_content)
    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()


def test_it_checks_access(cast, client, records):
    # The auditor reads (with the grant) but cannot write: the matrix accepts its 403 on forms.
    cast.auditor.may_access_care = True
    cast.auditor.save()
    owner = cast.union_a1
    detail_urls = {
        "dispute_detail": records["case"], "dispute_edit": records["case"], "dispute_step": records["case"],
        "dispute_close": records["case"], "petition_detail": records["petition"], "petition_edit": records["petition"],
        "body_detail": records["body"], "mediator_create": records["body"], "mediator_edit": records["mediator"],
        "contract_detail": records["contract"], "contract_edit": records["contract"],
    }
    for name, obj in detail_urls.items():
        assert_scoped(client, cast, reverse(f"rights:{name}", args=[obj.pk]), owner=owner)
    for name in ("dispute_create", "petition_create", "body_create", "contract_create"):
        assert_scoped(client, cast, reverse(f"rights:{name}", args=[owner.pk]), owner=owner)
    for name in ("disputes", "dispute_export", "petitions", "petition_export", "bodies", "body_export", "contracts",
                 "contract_export", "statistics"):
        assert_scoped(client, cast, reverse(f"rights:{name}") + f"?union={owner.pk}", owner=owner)
    for label, key in (("rights.disputecase", "case"), ("rights.petition", "petition"),
                       ("rights.collectivecontract", "contract"), ("rights.mediationbody", "body")):
        assert_scoped(client, cast, reverse("core:history", args=[label, records[key].pk]), owner=owner)


def test_without_the_grant_lists_are_forbidden_and_details_not_found(cast, client_for, records):
    client = client_for(cast.auditor)
    for name in ("disputes", "dispute_export", "petitions", "petition_export"):
        response = client.get(reverse(f"rights:{name}"))
        assert response.status_code == 403
        if name in ("disputes", "petitions"):
            assert "可查看帮扶与维权档案" in response.content.decode()
    assert client.get(reverse("rights:dispute_detail", args=[records["case"].pk])).status_code == 404
    assert client.get(reverse("rights:petition_detail", args=[records["petition"].pk])).status_code == 404
    assert not AccessLog.objects.filter(user=cast.auditor).exists()
    # Bodies and contracts are not sensitive.
    assert client.get(reverse("rights:contracts")).status_code == 200
    assert client.get(reverse("rights:bodies")).status_code == 200


def test_the_audit_trail_of_a_case_needs_the_grant(cast, client_for, records):
    response = client_for(cast.auditor).get(reverse("core:history", args=["rights.disputecase", records["case"].pk]))
    assert response.status_code == 404


def test_an_officer_without_the_grant_cannot_open_the_new_case_form(cast, client_for):
    cast.officer.may_access_care = False
    cast.officer.save()
    assert client_for(cast.officer).get(reverse("rights:dispute_create", args=[cast.union_a1.pk])).status_code == 403


@pytest.mark.parametrize("name, key", [("dispute_detail", "case"), ("petition_detail", "petition")])
def test_every_read_of_a_detail_is_logged(cast, client_for, records, name, key):
    client = client_for(cast.street_admin)
    obj = records[key]
    for _ in range(2):
        assert client.get(reverse(f"rights:{name}", args=[obj.pk])).status_code == 200
    logs = AccessLog.objects.filter(user=cast.street_admin, action="read", object_id=str(obj.pk),
                                    object_type=obj._meta.label)
    assert logs.count() == 2


def test_dispute_list_flags_past_limit_cases_and_filters_them(cast, client_for):
    late = case(cast, received_on=days_ago(20), applicant="超期甲")
    case(cast, received_on=days_ago(2), applicant="未超期乙")
    client = client_for(cast.officer)
    html = client.get(reverse("rights:disputes")).content.decode()
    row = html.split(f'data-case="{late.pk}"')[1].split("</tr>")[0]
    assert "已超期" in row
    assert html.count('data-testid="past-limit"') == 1
    html = client.get(reverse("rights:disputes"), {"state": "past_limit"}).content.decode()
    assert "超期甲" in html and "未超期乙" not in html
    detail = client.get(reverse("rights:dispute_detail", args=[late.pk])).content.decode()
    assert "已超期" in detail and days_ago(5).strftime("%Y-%m-%d") in detail


def test_dispute_list_shows_only_the_subtree_and_filters_by_kind(cast, client_for):
    case(cast, applicant="本会甲", kind="wages")
    case(cast, actor=cast.sibling_officer, union=cast.union_a2, enterprise=cast.union_a2.enterprises.get(),
         applicant="兄弟乙", kind="work_injury")
    html = client_for(cast.officer).get(reverse("rights:disputes")).content.decode()
    assert "本会甲" in html and "兄弟乙" not in html
    html = client_for(cast.street_admin).get(reverse("rights:disputes"), {"kind": "work_injury"}).content.decode()
    assert "兄弟乙" in html and "本会甲" not in html


def test_create_form_shows_a_negative_amount_at_the_field_and_saves_nothing(cast, client_for):
    response = client_for(cast.officer).post(reverse("rights:dispute_create", args=[cast.union_a1.pk]), {
        "enterprise": cast.union_a1.enterprises.get().pk, "received_on": days_ago(1).isoformat(), "kind": "wages",
        "workers_involved": 3, "amount": "-500"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-field="amount"' in html and "金额不能为负数" in html
    assert not DisputeCase.objects.exists()


def test_create_form_refuses_an_enterprise_of_another_union(cast, client_for):
    response = client_for(cast.officer).post(reverse("rights:dispute_create", args=[cast.union_a1.pk]), {
        "enterprise": cast.union_a2.enterprises.get().pk, "received_on": days_ago(1).isoformat(), "kind": "wages",
        "workers_involved": 3, "amount": "5"})
    assert response.status_code == 400 and "has-error" in response.content.decode()
    assert not DisputeCase.objects.exists()


def test_close_form_refuses_a_date_before_the_reception(cast, client_for):
    made = case(cast, received_on=days_ago(5))
    response = client_for(cast.officer).post(reverse("rights:dispute_close", args=[made.pk]), {
        "outcome": DisputeOutcome.MEDIATED, "closed_on": days_ago(9).isoformat()})
    assert response.status_code == 400
    assert "结案日期不能早于受理日期" in response.content.decode()
    made.refresh_from_db()
    assert made.closed_on is None


def test_contract_form_refuses_an_expiry_before_the_signing(cast, client_for):
    response = client_for(cast.officer).post(reverse("rights:contract_create", args=[cast.union_a1.pk]), {
        "scope": "enterprise", "kind": "wage", "title": "倒签合同", "enterprises": [cast.union_a1.enterprises.get().pk],
        "signed_on": "2024-06-01", "term_start": "2024-01-01", "term_end": "2024-05-31", "workers_covered": 30})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-field="term_end"' in html and "到期日期不能早于签订日期" in html
    assert not CollectiveContract.objects.exists()


def test_mediator_form_refuses_a_member_of_another_union(cast, client_for):
    made = body(cast)
    response = client_for(cast.officer).post(reverse("rights:mediator_create", args=[made.pk]), {
        "name": "孙强", "member_id_number": cast.member_b1.id_number})
    assert response.status_code == 400
    assert "找不到该会员" in response.content.decode()
    assert not Mediator.objects.exists()


def test_contract_list_flags_expiring_contracts(cast, client_for):
    soon = contract(cast, title="快到期的合同", term_end=days_ago(-30))
    contract(cast, title="还早的合同", term_end=days_ago(-400))
    client = client_for(cast.officer)
    html = client.get(reverse("rights:contracts")).content.decode()
    row = html.split(f'data-contract="{soon.pk}"')[1].split("</tr>")[0]
    assert "即将到期" in row and html.count('data-testid="expiring"') == 1
    html = client.get(reverse("rights:contracts"), {"state": "expiring"}).content.decode()
    assert "快到期的合同" in html and "还早的合同" not in html


def test_lists_mask_phones(cast, client_for, records):
    client = client_for(cast.officer)
    assert "13912345678" not in client.get(reverse("rights:petitions")).content.decode()
    html = client.get(reverse("rights:body_detail", args=[records["body"].pk])).content.decode()
    assert "13900001111" not in html and "139****1111" in html


def test_dispute_export_matches_the_filters_neutralises_formulas_and_is_logged(cast, client_for):
    case(cast, applicant="=HYPERLINK(\"http://x\")", amount=Decimal("88.50"))
    case(cast, actor=cast.sibling_officer, union=cast.union_a2, enterprise=cast.union_a2.enterprises.get())
    response = client_for(cast.street_admin).get(reverse("rights:dispute_export"), {"union": cast.union_a1.pk})
    assert response.status_code == 200
    rows = sheet_rows(response)
    assert rows[0][:4] == ["受理日期", "受理工会", "涉及企业", "争议类型"]
    assert len(rows) == 2
    assert rows[1][4] == "'=HYPERLINK(\"http://x\")" and rows[1][6] == 88.5
    assert AccessLog.objects.filter(user=cast.street_admin, action="export").exists()


def test_petition_and_mediator_exports_mask_phones(cast, client_for, records):
    client = client_for(cast.officer)
    rows = sheet_rows(client.get(reverse("rights:petition_export")))
    assert rows[1][4] == "139****5678"
    rows = sheet_rows(client.get(reverse("rights:body_export")))
    assert rows[0][0] == "调解组织" and rows[1][3] == "139****1111"
    rows = sheet_rows(client.get(reverse("rights:contract_export")))
    assert rows[1][0] == records["contract"].title


def test_the_dispute_flow_through_the_pages(cast, client_for):
    client = client_for(cast.officer)
    enterprise = cast.union_a1.enterprises.get()
    response = client.post(reverse("rights:dispute_create", args=[cast.union_a1.pk]), {
        "enterprise": enterprise.pk, "received_on": days_ago(3).isoformat(), "kind": "work_injury",
        "workers_involved": 2, "amount": "30000"})
    made = DisputeCase.objects.get()
    assert response.status_code == 302 and made.union == cast.union_a1
    client.post(reverse("rights:dispute_step", args=[made.pk]), {"on_date": days_ago(2).isoformat(),
                                                                 "action": "调查取证"})
    client.post(reverse("rights:dispute_close", args=[made.pk]), {"outcome": "mediated",
                                                                  "closed_on": days_ago(1).isoformat()})
    html = client.get(reverse("rights:dispute_detail", args=[made.pk])).content.decode()
    assert "调查取证" in html and "结案：调解成功" in html


def test_statistics_period_errors_show_at_the_field(cast, client_for):
    html = client_for(cast.officer).get(reverse("rights:statistics"), {"start": "2024-12-31", "end": "2024-01-01"})
    assert "结束日期不能早于开始日期" in html.content.decode()


def test_petition_and_mediator_edit_forms_keep_phones_masked_and_empty_keeps_them(cast, client_for):

    client = client_for(cast.officer)
    made = petition(cast)
    mediator = services.mediator_create(actor=cast.officer, body=body(cast), name="孙强", phone="13900001111")
    for url, phone in ((reverse("rights:petition_edit", args=[made.pk]), made.phone),
                       (reverse("rights:mediator_edit", args=[mediator.pk]), mediator.phone)):
        html = client.get(url).content.decode()
        assert phone not in html and f"{phone[:3]}****{phone[-4:]}" in html
    response = client.post(reverse("rights:petition_edit", args=[made.pk]), {
        "received_on": made.received_on.isoformat(), "channel": made.channel, "petitioner": "赵敏", "phone": "",
        "people": 1, "matter": "反映加班费未足额发放（已核实）"})
    assert response.status_code == 302
    response = client.post(reverse("rights:mediator_edit", args=[mediator.pk]), {"name": "孙强", "phone": "",
                                                                                   "active": "on"})
    assert response.status_code == 302
    made.refresh_from_db()
    mediator.refresh_from_db()
    assert made.phone == "13912345678" and made.matter.endswith("（已核实）") and mediator.phone == "13900001111"
