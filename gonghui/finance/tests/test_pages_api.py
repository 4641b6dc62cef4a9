import io
import json
from datetime import date
from decimal import Decimal

import pytest
from python_calamine import CalamineWorkbook

from gonghui.finance import services
from gonghui.finance.models import Voucher, VoucherStatus

from .helpers import posted

pytestmark = pytest.mark.django_db


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def form_body(**rows):
    body = {"date": "2025-05-06", "summary": "职工运动会", "attachment_count": "2"}
    for i in range(1, 7):
        body.update({f"code_{i}": "", f"line_summary_{i}": "", f"debit_{i}": "", f"credit_{i}": "",
                     f"kind_{i}": "ordinary", f"headcount_{i}": ""})
    body.update(rows)
    return body


def test_a_voucher_entered_on_the_page_and_posted_by_another(cast, client_for):
    client = client_for(cast.officer)
    url = f"/finance/vouchers/new/{cast.union_a1.pk}/"
    refused = client.post(url, form_body(code_1="50102", debit_1="800.00", code_2="102", credit_2="700"))
    assert refused.status_code == 400
    assert "借贷不平衡：借方合计 800.00 元，贷方合计 700.00 元，凭证未保存" in refused.content.decode()
    assert not Voucher.objects.exists()
    wrong = client.post(url, form_body(code_1="50102", debit_1="800.001", code_2="102", credit_2="800"))
    assert "第1行借方金额最多保留两位小数（精确到分）" in wrong.content.decode()
    done = client.post(url, form_body(code_1="50102", debit_1="800", code_2="102", credit_2="800"))
    voucher = Voucher.objects.get()
    assert done.status_code == 302 and done["Location"] == f"/finance/vouchers/{voucher.pk}/"
    page = client.get(done["Location"]).content.decode()
    assert "2025年 记字第0001号" in page and "待审核" in page and "审批记账" not in page
    other = client_for(cast.officer_no_care)
    assert "审批记账" in other.get(done["Location"]).content.decode()
    other.post(f"/finance/vouchers/{voucher.pk}/post/")
    voucher.refresh_from_db()
    assert voucher.status == VoucherStatus.POSTED
    report = client.get(f"/finance/reports/02/?union={cast.union_a1.pk}&year=2025").content.decode()
    assert "工会02表" in report and "800.00" in report


def test_the_report_exports_in_the_official_layout(cast, client_for):
    services.books_open(actor=cast.officer, union=cast.union_a1, year=2025, legal_representative="王建国",
                        finance_head="李秀英", accounting_head="张志强")
    posted(cast, date(2025, 2, 1), "102", "401", "1200.50")
    posted(cast, date(2025, 3, 1), "50405", "102", "200")
    response = client_for(cast.officer).get(f"/finance/reports/02/export.xlsx?union={cast.union_a1.pk}&year=2025")
    rows = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0).to_python()
    assert rows[0][0] == "收入支出表" and rows[1][-1] == "工会02表"
    assert rows[2][0] == "编制单位：甲一机械厂工会" and rows[3][:4] == ["项目", "行次", "本年数", "上年数"]
    table = {row[0].strip(): row[2] for row in rows[4:] if row and row[0]}
    assert table["一、收入合计"] == 1200.5 and table["会费收入"] == 1200.5 and table["维权支出"] == 200
    assert table["三、本期收支差额"] == 1000.5
    assert "法定代表人：王建国" in [cell for row in rows for cell in row]


def test_the_api_refuses_bad_vouchers_at_the_field_and_posts_good_ones(cast, client_for):
    client = client_for(cast.officer)
    url = f"/api/finance/unions/{cast.union_a1.pk}/vouchers"
    bad = post(client, url, {"date": "2025-04-01", "summary": "购书", "lines": [
        {"code": "212", "debit": "10"}, {"code": "102", "credit": "10"}]})
    assert bad.status_code == 422 and bad.json()["errors"]["code_1"] == ["第1行科目“212”不是基层工会会计科目中的科目"]
    good = post(client, url, {"date": "2025-04-01", "summary": "购书", "lines": [
        {"code": "50304", "debit": "10.50"}, {"code": "102", "credit": "10.50"}]})
    assert good.status_code == 201, good.content
    pk = good.json()["id"]
    self_post = post(client, f"/api/finance/vouchers/{pk}/post", {})
    assert self_post.status_code == 422 and "制单人不能审批" in self_post.json()["errors"]["approved_by"][0]
    assert post(client_for(cast.street_admin), f"/api/finance/vouchers/{pk}/post", {}).json()["status"] == "posted"
    report = client.get(f"/api/finance/unions/{cast.union_a1.pk}/reports/02?year=2025").json()
    assert report["form_number"] == "工会02表"
    assert {row["label"]: row["values"][0] for row in report["rows"]}["职工服务支出"] == "10.50"
    sharing = post(client_for(cast.county_admin), f"/api/finance/unions/{cast.county.pk}/sharing-tables", {
        "province": "浙江省", "effective_from": "2024-01-01", "grassroots": "60", "county": "30"})
    assert sharing.status_code == 422 and sharing.json()["errors"]["__all__"] == ["各级分成比例合计应为100%，现为90%"]
    assert Decimal(report["rows"][0]["values"][0]) == 0


def test_the_books_and_an_invoice_through_the_api(cast, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(cast.officer)
    books = post(client, f"/api/finance/unions/{cast.union_a1.pk}/books", {
        "year": 2025, "legal_representative": "王建国", "finance_head": "李秀英", "accounting_head": "张志强"})
    assert books.status_code == 200 and books.json()["chart"] == "grassroots"
    report = client.get(f"/api/finance/unions/{cast.union_a1.pk}/reports/01?year=2025").json()
    assert report["signers"] == {"法定代表人": "王建国", "主管会计工作负责人": "李秀英", "会计机构负责人": "张志强"}
    voucher = services.voucher_create(actor=cast.officer, union=cast.union_a1, date=date(2025, 6, 1), summary="购书",
                                      lines=[{"code": "50304", "debit": "88"}, {"code": "102", "credit": "88"}])
    refused = client.post(f"/api/finance/vouchers/{voucher.pk}/attachments",
                          {"file": SimpleUploadedFile("发票.exe", b"MZ")})
    assert refused.status_code == 422 and "只能上传文档或图片" in refused.json()["errors"]["file"][0]
    done = client.post(f"/api/finance/vouchers/{voucher.pk}/attachments",
                       {"file": SimpleUploadedFile("发票.pdf", b"%PDF-1.4\n%%EOF\n")})
    assert done.status_code == 201 and done.json()["name"] == "发票.pdf"
