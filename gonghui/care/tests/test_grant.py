"""What an officer without the care grant may not read: fund balances and payouts, claim notes, and that reads of
hardship files through the API lists are written to the access log."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.care import services
from gonghui.core.models import AccessLog

from .helpers import active_file, apply, days_ago, fund, officer_without_grant

pytestmark = pytest.mark.django_db

BALANCE = "12345.67"


def _fund_with_payout(cast):
    created = fund(cast, amount="12445.67")
    services.fund_payout(actor=cast.officer, fund=created, member=cast.member_a1, amount=Decimal("100"),
                         paid_on=days_ago(0), reason="住院")
    created.refresh_from_db()
    assert created.balance == Decimal(BALANCE)
    return created


def _export_text(response) -> str:
    content = b"".join(response.streaming_content)
    return str(CalamineWorkbook.from_filelike(BytesIO(content)).get_sheet_by_index(0).to_python())


def test_fund_balances_need_the_grant_on_every_page_and_in_the_api(cast, client_for):
    created = _fund_with_payout(cast)
    pages = (reverse("care:funds"), reverse("care:fund_detail", args=[created.pk]))
    client = client_for(cast.officer)
    for url in pages:
        html = client.get(url).content.decode()
        assert "12,345.67" in html or BALANCE in html, url
    assert client.get(f"/api/care/funds/{created.pk}").json()["balance"] == BALANCE

    client = client_for(officer_without_grant(cast))
    for url in pages:
        html = client.get(url).content.decode()
        assert created.enterprise.name in html
        assert "12,345.67" not in html and BALANCE not in html, url
    export = _export_text(client.get(reverse("care:funds_export")))
    assert created.enterprise.name in export and "12345" not in export and "余额" not in export
    assert client.get(f"/api/care/funds/{created.pk}").json()["balance"] is None
    assert client.get("/api/care/funds").json()["results"][0]["balance"] is None


def test_a_funds_audit_trail_of_payouts_needs_the_grant(cast, client_for):
    created = _fund_with_payout(cast)
    url = reverse("core:history", args=["care.hardshipfund", created.pk])
    assert client_for(cast.officer).get(url).status_code == 200
    assert client_for(officer_without_grant(cast)).get(url).status_code == 404


def test_claim_notes_need_the_grant(cast, client_for):
    unit = services.medical_unit_enrol(actor=cast.officer, union=cast.union_a1, year=date.today().year)
    enrolment = services.medical_member_enrol(actor=cast.officer, unit=unit, member=cast.member_a1,
                                              category="employed", enrolled_on=days_ago(5))
    claim = services.medical_claim_create(actor=cast.officer, enrolment=enrolment, amount=Decimal("880"),
                                          paid_on=days_ago(1), note="肺癌化疗")
    url = reverse("care:enrolment_detail", args=[enrolment.pk])
    history = reverse("core:history", args=["care.medicalaidclaim", claim.pk])
    assert "肺癌化疗" in client_for(cast.officer).get(url).content.decode()
    assert client_for(cast.officer).get(history).status_code == 200
    client = client_for(officer_without_grant(cast))
    html = client.get(url).content.decode()
    assert "880" in html and "肺癌化疗" not in html and "需“可查看帮扶与维权档案”授权" in html
    assert client.get(history).status_code == 404


def test_reading_hardship_files_through_the_api_lists_is_logged(cast, client):
    file = active_file(cast)
    client.force_login(cast.street_admin)
    assert client.get("/api/care/hardship/files").json()["count"] == 1
    logged = AccessLog.objects.filter(user=cast.street_admin, object_type="care.HardshipFile")
    assert list(logged.values_list("object_id", flat=True)) == [str(file.pk)]
    client.get("/api/care/hardship/watch")
    assert logged.count() == 2  # an active file never helped is on the watch list


def test_an_empty_page_of_files_logs_nothing(cast, client):
    apply(cast)
    client.force_login(cast.street_admin)
    assert client.get("/api/care/hardship/files", {"status": "closed"}).json()["count"] == 0
    assert not AccessLog.objects.exists()
