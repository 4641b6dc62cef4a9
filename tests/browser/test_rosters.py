"""An officer uploads a roster with bad rows, sees the dry-run counts, downloads the error file,
imports the valid rows and finds them in the member list."""

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from gonghui.members.models import Member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FIXTURES = Path(__file__).resolve().parents[2] / "gonghui" / "rosters" / "tests" / "fixtures"


@pytest.fixture(autouse=True)
def immediate_jobs(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"


def test_street_officer_imports_a_roster_with_bad_rows(page, login, cast):
    login(cast.street_admin)
    page.click("header nav a:has-text('花名册')")
    page.click("text=上传花名册")
    page.set_input_files("input[name=file]", str(FIXTURES / "roster.xlsx"))
    page.click("main button[type=submit]")
    page.click("main a.btn:has-text('选择工作表')")
    page.select_option("select[name=sheet_name]", "花名册")
    page.click("main button[type=submit]")

    assert page.locator("[data-count=new] b").inner_text() == "6"
    assert page.locator("[data-count=updated] b").inner_text() == "1"
    assert page.locator("[data-count=unchanged] b").inner_text() == "1"
    assert page.locator("[data-count=rejected] b").inner_text() == "8"
    assert "科学计数法" in page.locator("table.errors tr", has_text="第 12 行").inner_text()
    assert not Member.objects.filter(name="赵一").exists()

    with page.expect_download() as download:
        page.click("[data-action=errors]")
    rows = CalamineWorkbook.from_path(download.value.path()).get_sheet_by_index(0).to_python()
    assert rows[0][-1] == "错误说明" and [r[-2] for r in rows[1:]] == [12, 13, 14, 15, 16, 17, 18, 21]

    page.check("input[name=mode][value=skip_rejected]")
    page.click("main form[action$='/start/'] button[type=submit]")
    assert "新增 6 人" in page.locator("main").inner_text()

    page.goto("/members/?q=赵")
    assert page.locator("table tbody tr", has_text="赵一").count() == 1
    page.goto("/members/?q=郑七")
    assert "没有符合条件的会员" in page.locator("table").inner_text()
