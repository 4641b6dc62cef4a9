import csv
import io

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.core.identifiers import mask_id_number, mask_mobile
from gonghui.core.models import AccessLog
from gonghui.members.models import Member
from gonghui.rosters import services
from gonghui.rosters.models import ExportStatus, ImportStatus, RosterExport, RosterImport
from gonghui.testing import assert_scoped

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _xlsx_rows(data: bytes) -> list[list]:
    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()


@pytest.fixture
def checked_import(cast, fixture_file):
    """An import of union_a1's officer, checked, with an error file."""
    roster = services.roster_import_create(actor=cast.officer, upload=fixture_file("roster_simple.xlsx"))
    roster.refresh_from_db()
    assert roster.status == ImportStatus.CHECKED and roster.error_file
    return roster


def test_upload_check_download_errors_and_import_through_the_pages(cast, client_for, fixture_file):
    client = client_for(cast.street_admin)
    response = client.post(reverse("rosters:import_create"), {"file": fixture_file("roster.xlsx")})
    roster = RosterImport.objects.get()
    assert response.status_code == 302 and response.url == reverse("rosters:import_detail", args=[roster.pk])
    assert "选择工作表" in client.get(response.url).content.decode()
    client.post(reverse("rosters:import_sheet", args=[roster.pk]), {"sheet_name": "花名册"})
    html = client.get(reverse("rosters:import_detail", args=[roster.pk])).content.decode()
    assert "检查结果（尚未写入）" in html and "第 12 行" in html and "科学计数法" in html
    errors = client.get(reverse("rosters:import_errors", args=[roster.pk]))
    assert errors.status_code == 200 and "attachment" in errors["Content-Disposition"]
    assert [r[-2] for r in _xlsx_rows(_body(errors))[1:]] == [12, 13, 14, 15, 16, 17, 18, 21]
    client.post(reverse("rosters:import_start", args=[roster.pk]), {"mode": "skip_rejected"})
    roster.refresh_from_db()
    assert roster.status == ImportStatus.DONE
    assert "赵一" in client.get(reverse("members:list"), {"q": "赵"}).content.decode()


def test_a_refused_upload_shows_the_reason_at_the_field(cast, client_for, fixture_file):
    response = client_for(cast.officer).post(reverse("rosters:import_create"), {"file": fixture_file("roster.xlsm")})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-field="file"' in html and "启用宏" in html
    assert not RosterImport.objects.exists()


def test_mapping_page_sets_the_columns(cast, client_for, fixture_file):
    client = client_for(cast.officer)
    client.post(reverse("rosters:import_create"), {"file": fixture_file("unmatched.xlsx")})
    roster = RosterImport.objects.get()
    assert "确认各列含义" in client.get(reverse("rosters:import_detail", args=[roster.pk])).content.decode()
    page = client.get(reverse("rosters:import_mapping", args=[roster.pk])).content.decode()
    assert "B 列：证件" in page
    bad = client.post(reverse("rosters:import_mapping", args=[roster.pk]), {"name": "0"})
    assert bad.status_code == 400 and "请指定“身份证号码”所在的列" in bad.content.decode()
    client.post(reverse("rosters:import_mapping", args=[roster.pk]), {"name": "0", "id_number": "1", "join_date": "2"})
    roster.refresh_from_db()
    assert roster.status == ImportStatus.CHECKED and roster.new_count == 1


def test_progress_is_polled_and_reloads_the_page_when_done(cast, client_for, checked_import):
    client = client_for(cast.officer)
    url = reverse("rosters:import_progress", args=[checked_import.pk])
    RosterImport.objects.filter(pk=checked_import.pk).update(status=ImportStatus.WRITING, rows_checked=1, rows_total=3)
    html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in html and "<progress" in html and 'data-progress="written"' in html
    RosterImport.objects.filter(pk=checked_import.pk).update(status=ImportStatus.DONE)
    assert client.get(url, HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"


def test_cancel_through_the_page_sets_the_flag(cast, client_for, checked_import):
    RosterImport.objects.filter(pk=checked_import.pk).update(status=ImportStatus.WRITING)
    client_for(cast.officer).post(reverse("rosters:import_cancel", args=[checked_import.pk]))
    assert RosterImport.objects.get(pk=checked_import.pk).cancel_requested


def test_import_list_is_scoped(cast, client_for, checked_import):
    assert checked_import.original_name in client_for(cast.street_admin).get(reverse("rosters:index")).content.decode()
    assert checked_import.original_name not in client_for(cast.sibling_officer).get(reverse("rosters:index")).content.decode()


def test_it_checks_access(cast, client, checked_import):
    pk = checked_import.pk
    for name in ("import_detail", "import_progress", "import_sheet", "import_mapping", "import_errors"):
        assert_scoped(client, cast, reverse(f"rosters:{name}", args=[pk]), owner=cast.union_a1)
    for name in ("import_cancel", "import_start"):
        assert_scoped(client, cast, reverse(f"rosters:{name}", args=[pk]), owner=cast.union_a1, method="post")
    assert_scoped(client, cast, f"/api/rosters/imports/{pk}", owner=cast.union_a1)
    assert_scoped(client, cast, f"/api/rosters/imports/{pk}/cancel", owner=cast.union_a1, method="post")
    assert_scoped(client, cast, f"/api/rosters/imports/{pk}/start", owner=cast.union_a1, method="post",
                  data={"mode": "skip_rejected"}, json=True)
    export = services.roster_export_create(actor=cast.officer, query="", fmt="csv")
    for name in ("export_detail", "export_progress", "export_download"):
        assert_scoped(client, cast, reverse(f"rosters:{name}", args=[export.pk]), owner=cast.union_a1)
    assert_scoped(client, cast, reverse("rosters:export_cancel", args=[export.pk]), owner=cast.union_a1, method="post")
    assert_scoped(client, cast, f"/api/rosters/exports/{export.pk}", owner=cast.union_a1)


def test_auditor_reads_but_cannot_import(cast, client_for, checked_import):
    client = client_for(cast.auditor)
    assert client.get(reverse("rosters:import_detail", args=[checked_import.pk])).status_code == 200
    assert client.get(reverse("rosters:import_create")).status_code == 403
    assert client.post(reverse("rosters:import_start", args=[checked_import.pk]), {"mode": "skip_rejected"}).status_code == 403


def test_api_upload_and_list(cast, client, fixture_file):
    client.force_login(cast.officer)
    response = client.post("/api/rosters/imports", {"file": fixture_file("roster_gbk.csv")})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "checked" and body["new_count"] == 2 and body["rejected_count"] == 1
    assert [i["id"] for i in client.get("/api/rosters/imports").json()] == [body["id"]]
    refused = client.post("/api/rosters/imports", {"file": fixture_file("fake.xlsx")})
    assert refused.status_code == 422 and "不是 Excel 表格" in refused.json()["errors"]["file"][0]
    client.force_login(cast.sibling_officer)
    assert client.get("/api/rosters/imports").json() == []


# Export ------------------------------------------------------------------------------------------------------------

def _export(client, fmt: str, query: str = "") -> tuple[RosterExport, bytes]:
    response = client.post(reverse("rosters:export") + (f"?{query}" if query else ""), {"format": fmt})
    export = RosterExport.objects.latest("id")
    assert response.status_code == 302 and export.status == ExportStatus.DONE
    return export, _body(client.get(reverse("rosters:export_download", args=[export.pk])))


def test_xlsx_export_is_masked_like_the_list_and_logged(cast, client_for):
    client = client_for(cast.street_admin)
    export, data = _export(client, "xlsx")
    rows = _xlsx_rows(data)
    assert rows[0][:4] == ["姓名", "性别", "身份证号码", "手机号码"]
    by_name = {r[0]: r for r in rows[1:]}
    assert set(by_name) == {cast.member_a1.name, cast.member_a2.name}
    member = cast.member_a1
    assert by_name[member.name][2] == mask_id_number(member.id_number)
    assert by_name[member.name][3] == mask_mobile(member.phone)
    assert member.id_number.encode() not in data and member.phone.encode() not in data
    assert AccessLog.objects.filter(action="export_members", object_id=str(export.pk), user=cast.street_admin).exists()
    assert AccessLog.objects.filter(action="download_export", object_id=str(export.pk)).exists()


def test_export_follows_the_lists_filters(cast, client_for):
    _, data = _export(client_for(cast.county_admin), "csv", f"union={cast.street_b.pk}")
    assert cast.member_b1.name in data.decode("utf-8-sig") and cast.member_a1.name not in data.decode("utf-8-sig")
    _, data = _export(client_for(cast.county_admin), "csv", "q=张")
    assert [r[0] for r in csv.reader(io.StringIO(data.decode("utf-8-sig")))][1:] == ["张伟"]


def test_csv_has_a_bom_and_formulas_are_neutralised(cast, client_for):
    Member.objects.filter(pk=cast.member_a1.pk).update(name="=HYPERLINK(\"x\")", card_number="+1", ethnicity="@汉族")
    client = client_for(cast.officer)
    _, data = _export(client, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1]
    assert row[0] == "'=HYPERLINK(\"x\")" and row[12] == "'+1" and row[4] == "'@汉族"
    _, data = _export(client, "xlsx")
    cells = _xlsx_rows(data)[1]
    assert cells[0] == "'=HYPERLINK(\"x\")" and cells[12] == "'+1"


def test_large_exports_run_in_the_background_with_the_fast_writer(cast, client_for, monkeypatch):
    monkeypatch.setattr("gonghui.rosters.exporting.INLINE_ROWS", 0)
    Member.objects.filter(pk=cast.member_a1.pk).update(card_number="=1+1")
    client = client_for(cast.county_admin)
    export, data = _export(client, "xlsx")
    rows = _xlsx_rows(data)
    assert export.rows_written == 3 and len(rows) == 4 and rows[0][0] == "姓名"
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name[cast.member_a1.name][2] == mask_id_number(cast.member_a1.id_number)
    assert by_name[cast.member_a1.name][12] == "'=1+1" and by_name[cast.member_a1.name][11] == cast.member_a1.join_date
    assert "下载文件" in client.get(reverse("rosters:export_detail", args=[export.pk])).content.decode()


def test_export_page_shows_the_filters(cast, client_for):
    html = client_for(cast.county_admin).get(reverse("rosters:export"), {"category": "retired"}).content.decode()
    assert "人员类别＝退休" in html


def test_error_file_is_for_the_uploader_or_who_may_see_full_numbers(cast, client, checked_import):
    from gonghui.accounts.models import Role, User

    url = reverse("rosters:import_errors", args=[checked_import.pk])
    plain = User.objects.create_user(username="plain", password="x" * 16, union=cast.union_a1, role=Role.UNION_OFFICER)
    client.force_login(plain)
    assert client.get(url).status_code == 403
    client.force_login(cast.officer)
    assert client.get(url).status_code == 200
    assert AccessLog.objects.filter(action="download_roster_errors", user=cast.officer,
                                    object_id=str(checked_import.pk)).exists()
