"""What members send their union from the phone: aid applications (into care), opinions on postings,
transfer requests, the data download and closing the account; and the union's handling of each."""

import json
from datetime import timedelta
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from python_calamine import CalamineWorkbook

from gonghui.care.models import HardshipFile, SchoolingGrant
from gonghui.core.identifiers import mask_id_number
from gonghui.core.xlsx import XLSX_TYPE
from gonghui.members.models import Transfer
from gonghui.openaffairs import services as openaffairs
from gonghui.openaffairs.models import Comment, PostingCategory
from gonghui.portal import services
from gonghui.portal.models import AidDocument, AidRequest, MemberAccount, TransferAsk

from .helpers import offer, signed_in

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.4\n%%EOF\n"


def _hardship(**extra):
    return {"kind": "hardship", "causes": ["illness"], "applicant_income": "1800", "note": "丈夫住院，收入减少",
            **extra}


def test_a_member_applies_for_hardship_aid_and_follows_it_into_the_care_file(client, cast):
    signed_in(client, cast.member_a1)
    response = client.post(reverse("m:aid_create"), _hardship(
        documents=[SimpleUploadedFile("身份证.png", PNG), SimpleUploadedFile("诊断证明.pdf", PDF)]))
    aid = AidRequest.objects.get()
    assert response["Location"] == reverse("m:aid", args=[aid.pk])
    assert AidDocument.objects.filter(request=aid).count() == 2
    assert "已提交，待工会受理" in client.get(response["Location"]).content.decode()
    staff = client.__class__()
    staff.force_login(cast.officer)
    assert "张伟" in staff.get(reverse("portal:aid_requests")).content.decode()
    staff.post(reverse("portal:aid_accept", args=[aid.pk]))
    file = HardshipFile.objects.get(member=cast.member_a1)
    assert file.cause_note == "丈夫住院，收入减少" and file.applicant_income == 1800
    page = client.get(reverse("m:aid", args=[aid.pk])).content.decode()
    assert "工会已受理" in page and "困难职工档案" in page


def test_a_file_that_is_not_a_picture_or_a_pdf_is_refused_and_nothing_saved(client, cast):
    signed_in(client, cast.member_a1)
    response = client.post(reverse("m:aid_create"), _hardship(
        documents=[SimpleUploadedFile("照片.jpg", b"MZ\x90\x00 not an image")]))
    assert response.status_code == 400 and "只能上传照片（JPG、PNG）或 PDF 文件" in response.content.decode()
    assert not AidRequest.objects.exists() and not AidDocument.objects.exists()


def test_missing_fields_get_chinese_errors(client, cast):
    signed_in(client, cast.member_a1)
    text = client.post(reverse("m:aid_create"), {"kind": "hardship", "note": "x"}).content.decode()
    assert "请至少选择一项致困原因" in text and "本人月收入" in text
    text = client.post(reverse("m:aid_create"), {"kind": "schooling", "note": "x"}).content.decode()
    assert "请填写学生姓名" in text and "请选择学段" in text
    assert not AidRequest.objects.exists()


def test_a_schooling_grant_is_accepted_with_its_amount(client, cast):
    aid = services.aid_request_create(member=cast.member_a1, kind="schooling", note="考上大学", student_name="张小明",
                                      school_level="university")
    client.force_login(cast.officer)
    response = client.post(reverse("portal:aid_accept", args=[aid.pk]), {"amount": "-1",
                                                                        "granted_on": timezone.localdate()})
    assert response.status_code == 400 and not SchoolingGrant.objects.exists()
    client.post(reverse("portal:aid_accept", args=[aid.pk]), {"amount": "2000", "granted_on": timezone.localdate()})
    assert SchoolingGrant.objects.get().amount == 2000


def test_a_declined_application_shows_the_reply(client, cast):
    aid = services.aid_request_create(member=cast.member_a1, kind="schooling", note="考上大学", student_name="张小明",
                                      school_level="university")
    client.force_login(cast.officer)
    assert client.post(reverse("portal:aid_decline", args=[aid.pk]), {"reply": ""}).status_code == 400
    client.post(reverse("portal:aid_decline", args=[aid.pk]), {"reply": "请补交录取通知书"})
    client.logout()
    signed_in(client, cast.member_a1)
    assert "请补交录取通知书" in client.get(reverse("m:aid", args=[aid.pk])).content.decode()


def test_aid_applications_need_the_care_grant_and_are_scoped(client, cast):
    aid = services.aid_request_create(member=cast.member_a1, kind="schooling", note="考上大学", student_name="张小明",
                                      school_level="university")
    client.force_login(cast.officer_no_care)
    assert client.get(reverse("portal:aid_requests")).status_code == 403
    assert client.get(reverse("portal:aid_request", args=[aid.pk])).status_code == 404
    client.force_login(cast.sibling_officer)
    assert client.get(reverse("portal:aid_request", args=[aid.pk])).status_code == 404


def test_another_members_application_is_a_404(client, cast):
    aid = services.aid_request_create(member=cast.member_a1, kind="schooling", note="考上大学", student_name="张小明",
                                      school_level="university",
                                      documents=[SimpleUploadedFile("通知书.pdf", PDF)])
    signed_in(client, cast.member_b1)
    assert client.get(reverse("m:aid", args=[aid.pk])).status_code == 404
    document = aid.documents.get()
    assert client.get(reverse("m:aid_document", args=[aid.pk, document.pk])).status_code == 404


def test_a_member_reads_a_posting_and_leaves_a_question(client, cast):
    today = timezone.localdate()
    posting = openaffairs.posting_create(actor=cast.officer, union=cast.union_a1, category=PostingCategory.WELFARE,
                                         title="中秋福利发放", content="每人一盒月饼", starts_on=today,
                                         ends_on=today + timedelta(days=5))
    openaffairs.posting_approve(actor=cast.street_admin, posting=posting)
    signed_in(client, cast.member_a1)
    assert "中秋福利发放" in client.get(reverse("m:postings")).content.decode()
    url = reverse("m:posting", args=[posting.pk])
    assert "每人一盒月饼" in client.get(url).content.decode()
    assert client.post(url, {"kind": "question", "text": ""}).status_code == 400
    client.post(url, {"kind": "question", "text": "退休职工有吗？"})
    assert Comment.objects.get().text == "退休职工有吗？"
    signed_in(client, cast.member_b1)
    assert client.get(url).status_code == 404


def test_a_transfer_request_starts_the_transfer(client, cast):
    signed_in(client, cast.member_a1)
    assert client.post(reverse("m:transfer"), {"to_union": cast.union_a2.pk, "reason": ""}).status_code == 400
    client.post(reverse("m:transfer"), {"to_union": cast.union_a2.pk, "reason": "调到甲二中学"})
    again = client.post(reverse("m:transfer"), {"to_union": cast.union_a2.pk, "reason": "再申请"})
    assert "已有一份转会申请" in again.content.decode()
    ask = TransferAsk.objects.get()
    staff = client.__class__()
    staff.force_login(cast.officer)
    staff.post(reverse("portal:transfer_accept", args=[ask.pk]), {"on_date": timezone.localdate()})
    transfer = Transfer.objects.get(member=cast.member_a1)
    assert transfer.to_union == cast.union_a2 and TransferAsk.objects.get().transfer == transfer
    assert "转入 甲二中学工会" in client.get(reverse("m:transfer")).content.decode()


def test_the_data_download_is_the_members_own_data_masked(client, cast):
    signed_in(client, cast.member_a1)
    response = client.get(reverse("m:data"))
    data = json.loads(response.content)
    assert data["会员档案"]["姓名"] == "张伟" and data["会员档案"]["手机号码"] == "138****0011"
    assert cast.member_a1.id_number not in response.content.decode()
    assert f"my-union-data-{timezone.localdate():%Y%m%d}.json" in response["Content-Disposition"]


def _sheets(content: bytes) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_filelike(BytesIO(content))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_the_data_download_as_a_workbook_holds_the_members_records_masked(client, cast):
    from gonghui.ledger.services import honour_create

    member, other = cast.member_a1, cast.member_a2
    taken = offer(cast, title="职工篮球赛")
    services.signup_create(member=member, offer=taken)
    services.signup_create(member=other, offer=offer(cast, union=cast.union_a2, title="甲二中学合唱"))
    honour_create(actor=cast.officer, union=cast.union_a1, recipient_type="member", member=member, title="岗位能手",
                  level="county", date=timezone.localdate(), awarding_body="县总工会")
    services.transfer_ask_create(member=member, to_union=cast.union_a2, reason="=HYPERLINK(\"http://x\")")
    signed_in(client, member)
    me = client.get(reverse("m:me")).content.decode()
    assert reverse("m:data_xlsx") in me

    response = client.get(reverse("m:data_xlsx"))
    assert response.status_code == 200 and response["Content-Type"].startswith(XLSX_TYPE)
    name = response["Content-Disposition"]
    assert f"my-union-data-{timezone.localdate():%Y%m%d}.xlsx" in name and "张伟" not in name
    content = b"".join(response.streaming_content)
    sheets = _sheets(content)
    assert list(sheets)[:3] == ["会员档案", "会员服务账号", "服务卡"] and "荣誉" in sheets
    membership = dict(sheets["会员档案"][1:])
    assert membership["姓名"] == "张伟" and membership["所属工会"] == "甲一机械厂工会"
    assert membership["身份证号码"] == mask_id_number(member.id_number) and membership["手机号码"] == "138****0011"
    assert sheets["活动报名"] == [["活动", "状态", "报名时间"], ["职工篮球赛", "已报名", sheets["活动报名"][1][2]]]
    assert sheets["荣誉"][1][:2] == ["岗位能手", "县级"]
    assert sheets["转会申请"][1] == ["甲二中学工会", "已提交，待工会受理", '\'=HYPERLINK("http://x")']
    assert sheets["服务卡"] == [["项目", "内容"], ["信息采集日期", ""], ["制卡日期", ""], ["卡号", ""]]
    text = repr(sheets)
    assert member.id_number not in text and member.phone not in text and "甲二中学合唱" not in text


def test_closing_the_account_is_asked_by_the_member_and_done_by_the_union(client, cast):
    signed_in(client, cast.member_a1)
    client.post(reverse("m:close"))
    account = MemberAccount.objects.get(member=cast.member_a1)
    staff = client.__class__()
    staff.force_login(cast.officer)
    assert "张伟" in staff.get(reverse("portal:closures")).content.decode()
    staff.post(reverse("portal:closure_close", args=[account.pk]))
    assert client.get(reverse("m:me"))["Location"].startswith(reverse("m:login"))


def test_a_worker_without_a_union_applies_to_join_and_the_street_assigns_a_union(client, cast):
    from gonghui.portal.models import JoinRequest

    url = reverse("m:join")
    response = client.post(url, {"street": cast.street_a.pk, "name": "赵小红", "phone": "12345", "employer": "新厂"})
    assert response.status_code == 400 and "请输入11位手机号码" in response.content.decode()
    assert not JoinRequest.objects.exists()
    response = client.post(url, {"street": cast.street_a.pk, "name": "赵小红", "phone": "13700001111",
                                 "employer": "甲街道未建会企业"})
    assert "入会申请已提交" in response.content.decode() and "13700001111" not in response.content.decode()
    join = JoinRequest.objects.get()
    client.force_login(cast.officer)
    assert "赵小红" not in client.get(reverse("portal:joins")).content.decode()
    client.force_login(cast.street_admin)
    page = client.get(reverse("portal:joins")).content.decode()
    assert "赵小红" in page and "137****1111" in page and "13700001111" not in page
    assert client.post(reverse("portal:join_assign", args=[join.pk]),
                       {"union": cast.union_b1.pk}).status_code == 400
    client.post(reverse("portal:join_assign", args=[join.pk]), {"union": cast.union_a1.pk})
    client.force_login(cast.officer)
    assert "赵小红" in client.get(reverse("portal:joins")).content.decode()


def test_join_applications_are_limited_per_address(client, cast):
    for n in range(5):
        services.join_request_create(street=cast.street_a, name=f"职工{n}", phone="13700001111", employer="新厂",
                                     address="10.9.9.9")
    response = client.post(reverse("m:join"), {"street": cast.street_a.pk, "name": "又一位", "phone": "13700001112",
                                               "employer": "新厂"}, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 400 and "提交过于频繁" in response.content.decode()
