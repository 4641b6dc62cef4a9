from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.care import services
from gonghui.care.models import AidPayment, FundPayout, HardshipFile, Visit
from gonghui.core.identifiers import mask_id_number
from gonghui.core.models import AccessLog
from gonghui.testing import assert_scoped

from .helpers import active_file, apply, days_ago, fund, member

pytestmark = pytest.mark.django_db


def sheet(response) -> list[list]:
    content = b"".join(response.streaming_content)
    return CalamineWorkbook.from_filelike(BytesIO(content)).get_sheet_by_index(0).to_python()


def test_file_list_masks_id_numbers_and_shows_only_the_subtree(cast, client_for):
    apply(cast)
    apply(cast, who=cast.member_b1, actor=cast.other_officer)
    html = client_for(cast.street_admin).get(reverse("care:files")).content.decode()
    assert mask_id_number(cast.member_a1.id_number) in html and cast.member_a1.id_number not in html
    assert cast.member_b1.name not in html


def test_file_list_filters(cast, client_for):
    apply(cast)
    client = client_for(cast.officer)
    assert cast.member_a1.name in client.get(reverse("care:files"), {"cause": "illness"}).content.decode()
    assert cast.member_a1.name not in client.get(reverse("care:files"), {"cause": "disaster"}).content.decode()
    assert cast.member_a1.name not in client.get(reverse("care:files"), {"status": "active"}).content.decode()
    tail = cast.member_a1.id_number[-4:]
    assert cast.member_a1.name in client.get(reverse("care:files"), {"q": tail}).content.decode()


def test_without_the_care_grant_lists_are_forbidden_and_files_not_found(cast, client_for):
    file = apply(cast)
    client = client_for(cast.auditor)
    for url in (reverse("care:files"), reverse("care:files_export"), reverse("care:aid"), reverse("care:watch"),
                "/api/care/hardship/files"):
        response = client.get(url)
        assert response.status_code == 403, url
    for url in (reverse("care:file_detail", args=[file.pk]),
                reverse("core:history", args=["care.hardshipfile", file.pk]), f"/api/care/hardship/files/{file.pk}"):
        assert client.get(url).status_code == 404, url
    assert "可查看帮扶与维权档案" in client.get("/api/care/hardship/files").json()["detail"]
    assert client.get(reverse("care:visits")).status_code == 200


def test_reading_a_file_is_logged(cast, client_for):
    file = apply(cast)
    client_for(cast.street_admin).get(reverse("care:file_detail", args=[file.pk]))
    log = AccessLog.objects.get(action="view_hardship_file")
    assert (log.user, log.object_id, log.object_type) == (cast.street_admin, str(file.pk), "care.HardshipFile")


def test_apply_through_the_page(cast, client_for):
    response = client_for(cast.officer).post(reverse("care:file_apply"), {
        "member": cast.member_a1.id_number.lower(), "applied_on": days_ago(1).isoformat(),
        "causes": ["illness", "disaster"],
        "applicant_income": "1500", "household-TOTAL_FORMS": "2", "household-INITIAL_FORMS": "0",
        "household-0-name": "王丽", "household-0-relation": "spouse", "household-0-monthly_income": "900",
        "household-1-name": "", "household-1-relation": "", "household-1-monthly_income": ""})
    file = HardshipFile.objects.get()
    assert response.status_code == 302 and response.url == reverse("care:file_detail", args=[file.pk])
    assert file.income_per_head == Decimal("1200.00") and file.household.count() == 1


def _apply_post(client, **changes):
    data = {"member": "", "applied_on": days_ago(1).isoformat(), "causes": ["illness"], "applicant_income": "1500",
            "household-TOTAL_FORMS": "1", "household-INITIAL_FORMS": "0", "household-0-name": "",
            "household-0-relation": "", "household-0-monthly_income": ""}
    data.update(changes)
    return client.post(reverse("care:file_apply"), data)


def test_apply_page_refuses_a_member_outside_the_subtree_at_the_field(cast, client_for):
    response = _apply_post(client_for(cast.officer), member=cast.member_b1.id_number)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'data-field="member"' in html and "找不到该会员，或不在您的管辖范围内" in html
    assert not HardshipFile.objects.exists()


@pytest.mark.parametrize("changes, field, text", [
    ({"applicant_income": "-100"}, "applicant_income", "金额不能为负数"),
    ({"applicant_income": "100.123"}, "applicant_income", "最多保留两位小数"),
    ({"applicant_income": "123456789"}, "applicant_income", "明显不合理"),
    ({"household-0-monthly_income": "300"}, "household", "第1位家庭成员：请填写姓名"),
    ({"causes": []}, "causes", "请至少选择一项致困原因"),
])
def test_apply_page_shows_each_bad_value_at_its_field(cast, client_for, changes, field, text):
    response = _apply_post(client_for(cast.officer), member=cast.member_a1.id_number, **changes)
    html = response.content.decode()
    assert response.status_code == 400
    block = html.split(f'data-field="{field}"', 1)[1].split("data-field=", 1)[0]
    assert text in block
    assert not HardshipFile.objects.exists()


def test_the_detail_page_offers_the_correction_only_before_the_union_review_and_only_to_writers(cast, client_for):
    file = apply(cast)
    url = reverse("care:file_detail", args=[file.pk])
    edit = reverse("care:file_edit", args=[file.pk])
    assert f'href="{edit}">修改申请</a>' in client_for(cast.officer).get(url).content.decode()
    cast.auditor.may_access_care = True
    cast.auditor.save()
    assert "修改申请" not in client_for(cast.auditor).get(url).content.decode()
    services.hardship_file_union_review(actor=cast.officer, file=file, approve=True, on_date=days_ago(1))
    assert "修改申请" not in client_for(cast.officer).get(url).content.decode()


def test_the_correction_page_shows_the_application_as_saved(cast, client_for):
    file = apply(cast)
    response = client_for(cast.officer).get(reverse("care:file_edit", args=[file.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and "修改建档申请：张伟" in html
    assert mask_id_number(cast.member_a1.id_number) in html and 'name="member"' not in html
    assert 'name="applicant_income" value="1800.00"' in html and "本人患病，子女上学" in html
    assert 'value="illness" id="id_causes_0" checked' in html and 'value="schooling" id="id_causes_3" checked' in html
    assert 'value="disaster" id="id_causes_4">' in html
    assert 'name="household-0-name" value="王丽"' in html and 'name="household-1-name" value="张小明"' in html
    assert 'name="household-0-monthly_income" value="1200.00"' in html
    assert '<option value="spouse" selected>' in html
    assert 'name="household-INITIAL_FORMS" value="2"' in html
    assert AccessLog.objects.filter(action="view_hardship_file", user=cast.officer).exists()


def _edit_post(client, file, **changes):
    data = {"applied_on": days_ago(2).isoformat(), "causes": ["illness"], "cause_note": "本人患病",
            "applicant_income": "2100", "household-TOTAL_FORMS": "3", "household-INITIAL_FORMS": "2",
            "household-0-name": "王丽", "household-0-relation": "spouse", "household-0-monthly_income": "900",
            "household-1-name": "", "household-1-relation": "", "household-1-monthly_income": "",
            "household-2-name": "", "household-2-relation": "", "household-2-monthly_income": ""}
    data.update(changes)
    return client.post(reverse("care:file_edit", args=[file.pk]), data)


def test_correct_through_the_page(cast, client_for):
    file = apply(cast)
    client = client_for(cast.officer)
    response = _edit_post(client, file)
    assert response.status_code == 302 and response.url == reverse("care:file_detail", args=[file.pk])
    file.refresh_from_db()
    assert (file.income_per_head, file.household_size, file.causes) == (Decimal("1500.00"), 2, ",illness,")
    assert [p.name for p in file.household.all()] == ["王丽"]
    html = client.get(response.url).content.decode()
    assert "申请已修改" in html and "1500.00 元" in html


@pytest.mark.parametrize("changes, field, text", [
    ({"applicant_income": "-100"}, "applicant_income", "金额不能为负数"),
    ({"applicant_income": "100.123"}, "applicant_income", "最多保留两位小数"),
    ({"household-1-monthly_income": "300"}, "household", "第2位家庭成员：请填写姓名"),
    ({"causes": []}, "causes", "请至少选择一项致困原因"),
])
def test_correction_page_shows_each_bad_value_at_its_field_and_saves_nothing(cast, client_for, changes, field,
                                                                             text):
    file = apply(cast)
    response = _edit_post(client_for(cast.officer), file, **changes)
    html = response.content.decode()
    assert response.status_code == 400
    assert text in html.split(f'data-field="{field}"', 1)[1].split("data-field=", 1)[0]
    file.refresh_from_db()
    assert file.income_per_head == Decimal("1000.00") and file.household.count() == 2
    assert file.history.count() == 1


def test_correction_page_after_the_union_review_says_why_not(cast, client_for):
    file = apply(cast)
    services.hardship_file_union_review(actor=cast.officer, file=file, approve=True, on_date=days_ago(1))
    response = _edit_post(client_for(cast.officer), file)
    html = response.content.decode()
    assert response.status_code == 400
    assert "该档案当前状态为“待总工会审核”，不能修改：申请只能在工会初审前修改" in html and "年度复核" in html
    file.refresh_from_db()
    assert file.income_per_head == Decimal("1000.00")


def test_correction_page_refuses_the_auditor_and_an_officer_without_the_grant(cast, client_for):
    file = apply(cast)
    url = reverse("care:file_edit", args=[file.pk])
    cast.auditor.may_access_care = True
    cast.auditor.save()
    assert client_for(cast.auditor).get(url).status_code == 403
    assert _edit_post(client_for(cast.auditor), file).status_code == 403
    cast.officer.may_access_care = False
    cast.officer.save()
    assert _edit_post(client_for(cast.officer), file).status_code == 404
    file.refresh_from_db()
    assert file.income_per_head == Decimal("1000.00")


def test_review_and_pay_through_the_pages(cast, client_for):
    file = apply(cast)
    officer = client_for(cast.officer)
    officer.post(reverse("care:file_union_review", args=[file.pk]),
                 {"decision": "approve", "on_date": days_ago(1).isoformat()})
    response = officer.post(reverse("care:file_federation_review", args=[file.pk]),
                            {"decision": "approve", "level": "deep", "on_date": days_ago(1).isoformat()})
    assert response.status_code == 400 and "上级总工会管理员" in response.content.decode()
    street = client_for(cast.street_admin)
    street.post(reverse("care:file_federation_review", args=[file.pk]),
                {"decision": "approve", "level": "deep", "on_date": days_ago(1).isoformat()})
    file.refresh_from_db()
    assert file.status == "active" and file.level == "deep"
    response = street.post(reverse("care:file_aid", args=[file.pk]), {
        "kind": "medical", "amount": "2500.00", "paid_on": days_ago(0).isoformat(), "fund_source": "own_funds"})
    assert response.status_code == 302
    html = street.get(reverse("care:file_detail", args=[file.pk])).content.decode()
    assert "2500.00" in html and "医疗救助" in html


@pytest.mark.parametrize("amount, text", [("-1", "金额不能为负数"), ("10.999", "最多保留两位小数"),
                                          ("99000000", "明显不合理")])
def test_aid_page_shows_a_bad_amount_at_the_field_and_saves_nothing(cast, client_for, amount, text):
    file = active_file(cast)
    response = client_for(cast.officer).post(reverse("care:file_aid", args=[file.pk]), {
        "kind": "living", "amount": amount, "paid_on": days_ago(0).isoformat(), "fund_source": "own_funds"})
    html = response.content.decode()
    assert response.status_code == 400
    assert text in html.split('data-field="amount"', 1)[1].split("data-field=", 1)[0]
    assert not AidPayment.objects.exists()


def test_aid_page_refuses_a_closed_file(cast, client_for):
    file = active_file(cast, applied_on=days_ago(30))
    services.hardship_file_yearly_review(actor=cast.officer, file=file, outcome="closed", close_reason="transferred",
                                         on_date=days_ago(2))
    response = client_for(cast.officer).post(reverse("care:file_aid", args=[file.pk]), {
        "kind": "living", "amount": "100", "paid_on": days_ago(0).isoformat(), "fund_source": "own_funds"})
    assert response.status_code == 400 and "销档（转出），不能再发放救助" in response.content.decode()
    assert not AidPayment.objects.exists()


def test_payout_page_refuses_an_overdraw_at_the_amount(cast, client_for):
    created = fund(cast, amount="500")
    response = client_for(cast.officer).post(reverse("care:fund_payout", args=[created.pk]), {
        "member": cast.member_a1.id_number, "amount": "500.01", "paid_on": days_ago(0).isoformat(), "reason": "救助"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "基金余额不足" in html.split('data-field="amount"', 1)[1]
    assert not FundPayout.objects.exists()


def test_fund_page_hides_payouts_without_the_grant(cast, client_for):
    created = fund(cast, amount="500")
    services.fund_payout(actor=cast.officer, fund=created, member=cast.member_a1, amount=Decimal("100"),
                         paid_on=days_ago(0), reason="住院")
    url = reverse("care:fund_detail", args=[created.pk])
    assert "住院" in client_for(cast.officer).get(url).content.decode()
    html = client_for(cast.auditor).get(url).content.decode()
    # The balance drops with each payout: it needs the grant too (it was shown here before).
    assert "住院" not in html and "需“可查看帮扶与维权档案”授权" in html and "400.00" not in html


def test_visit_page_needs_one_target(cast, client_for):
    response = client_for(cast.officer).post(reverse("care:visit_create"), {
        "reason": "illness", "visited_on": days_ago(0).isoformat(), "visitors": "主席"})
    assert response.status_code == 400
    assert "二者选其一" in response.content.decode().split('data-field="member"', 1)[1]
    assert not Visit.objects.exists()


def test_visit_page_saves_a_member_visit(cast, client_for):
    response = client_for(cast.officer).post(reverse("care:visit_create"), {
        "member": cast.member_a1.id_number, "reason": "childbirth", "visited_on": days_ago(0).isoformat(),
        "visitors": "主席", "money": "600"})
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert visit.money == Decimal("600") and visit.goods_value == 0


def test_file_export_is_masked_neutralised_and_logged(cast, client_for):
    odd = member(cast.union_a1, 801, name="=HYPERLINK(1)")
    apply(cast, who=odd)
    response = client_for(cast.officer).get(reverse("care:files_export"))
    rows = sheet(response)
    assert rows[0][:3] == ["姓名", "身份证号码", "所属工会"]
    assert rows[1][0] == "'=HYPERLINK(1)" and rows[1][1] == mask_id_number(odd.id_number)
    assert AccessLog.objects.filter(action="export_care_list", detail="困难职工档案").exists()


def test_aid_export_keeps_amounts_as_numbers(cast, client_for):
    file = active_file(cast)
    services.aid_payment_create(actor=cast.officer, file=file, kind="living", amount=Decimal("2000.50"),
                                paid_on=file.approved_on, fund_source="own_funds")
    rows = sheet(client_for(cast.officer).get(reverse("care:aid_export")))
    assert rows[0][4] == "金额（元）" and rows[1][4] == 2000.5 and rows[1][5] == file.approved_on


def test_exports_follow_the_filters_and_the_subtree(cast, client_for):
    for who, actor in ((cast.member_a1, cast.officer), (cast.member_b1, cast.other_officer)):
        services.visit_create(actor=actor, member=who, reason="illness", visited_on=days_ago(1), visitors="主席",
                              money=Decimal("100"))
    rows = sheet(client_for(cast.street_admin).get(reverse("care:visits_export")))
    assert [r[0] for r in rows[1:]] == [cast.member_a1.name]
    rows = sheet(client_for(cast.county_admin).get(reverse("care:visits_export"), {"union": cast.street_b.pk}))
    assert [r[0] for r in rows[1:]] == [cast.member_b1.name]


@pytest.mark.parametrize("name", ["index", "statistics", "files", "aid", "watch", "funds", "visits", "grants", "units",
                                  "enrolments", "cards", "file_apply", "fund_create", "visit_create", "grant_create",
                                  "unit_create", "card_collect"])
def test_every_page_opens(cast, client_for, name):
    assert client_for(cast.officer).get(reverse(f"care:{name}")).status_code == 200


@pytest.mark.parametrize("name", ["aid_export", "funds_export", "grants_export", "units_export", "enrolments_export",
                                  "cards_export"])
def test_every_export_has_chinese_headers(cast, client_for, name):
    rows = sheet(client_for(cast.officer).get(reverse(f"care:{name}")))
    assert rows[0] and all(any("\u4e00" <= ch <= "\u9fff" for ch in header) for header in rows[0])


def _records(cast):
    file = active_file(cast)
    created = fund(cast, amount="100")
    unit = services.medical_unit_enrol(actor=cast.officer, union=cast.union_a1, year=date.today().year)
    enrolment = services.medical_member_enrol(actor=cast.officer, unit=unit, member=cast.member_a1,
                                              category="employed", enrolled_on=days_ago(1))
    card = services.service_card_collect(actor=cast.officer, member=cast.member_a1, collected_on=days_ago(1))
    return file, created, unit, enrolment, card


def test_it_checks_access(cast, client):
    # The matrix is about the subtree: the auditor gets the care grant here, and reads but cannot write.
    cast.auditor.may_access_care = True
    cast.auditor.save()
    file, created, unit, enrolment, card = _records(cast)
    a1 = cast.union_a1
    pages = [
        *(reverse(f"care:{name}", args=[file.pk]) for name in ("file_detail", "file_edit", "file_union_review",
                                                              "file_federation_review", "file_yearly_review",
                                                              "file_aid")),
        *(reverse(f"care:{name}", args=[created.pk]) for name in ("fund_detail", "fund_contribute", "fund_payout")),
        *(reverse(f"care:{name}", args=[unit.pk]) for name in ("medical_unit", "unit_enrol", "unit_enrol_all")),
        *(reverse(f"care:{name}", args=[enrolment.pk]) for name in ("enrolment_detail", "enrolment_claim")),
        reverse("care:card_issue", args=[card.pk]),
        reverse("care:statistics") + f"?union={a1.pk}",
        *(reverse("core:history", args=[obj._meta.label_lower, obj.pk]) for obj in (file, created, unit)),
    ]
    for url in pages:
        assert_scoped(client, cast, url, owner=a1)
    assert_scoped(client, cast, reverse("care:file_aid", args=[file.pk]), owner=a1, method="post",
                  data={"kind": "living", "amount": "-1", "paid_on": "2025-01-01", "fund_source": "own_funds"})
    assert_scoped(client, cast, reverse("care:file_edit", args=[file.pk]), owner=a1, method="post",
                  data={"applied_on": "2025-01-01", "causes": ["illness"], "applicant_income": "-1",
                        "household-TOTAL_FORMS": "0", "household-INITIAL_FORMS": "0"})
