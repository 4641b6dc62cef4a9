from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gonghui.welfare import services
from gonghui.welfare.models import ChildrenProgramme, DonationDrive, EmploymentAid, Recuperation

from .helpers import aid, days_ago, drive, programme, stay

pytestmark = pytest.mark.django_db
TOMORROW = timezone.localdate() + timedelta(days=1)


def refused(call) -> dict:
    with pytest.raises(ValidationError) as exc:
        call()
    return exc.value.message_dict


def test_a_member_helped_into_a_job_is_recorded_under_their_own_name(cast):
    record = aid(cast, member=cast.member_a1, name="别的名字")
    assert (record.member, record.name, record.employer) == (cast.member_a1, "张伟", "宏达机械有限公司")
    assert record.history.first().history_user == cast.officer


def test_a_non_member_job_seeker_is_recorded_by_name(cast):
    record = aid(cast, name="  刘洋 ")
    assert (record.member, record.name, record.is_member) == (None, "刘洋", False)


def test_bad_employment_aid_is_refused_at_its_fields_and_nothing_is_saved(cast):
    errors = refused(lambda: aid(cast, name=" ", on=TOMORROW, employer=""))
    assert errors == {"name": ["请填写姓名（非会员求职者），或填写会员身份证号码"], "aided_on": ["就业日期不能晚于今天"],
                      "employer": ["请填写就业单位"]}
    assert not EmploymentAid.objects.exists()


def test_a_member_of_another_union_is_refused(cast):
    assert refused(lambda: aid(cast, member=cast.member_b1)) == {"member": [services.NOT_YOURS_MEMBER]}
    # A sibling's member is the street's to record, not union_a1's.
    assert refused(lambda: aid(cast, member=cast.member_a2)) == {"member": [services.NOT_YOURS_MEMBER]}
    assert not EmploymentAid.objects.exists()


def test_an_update_that_fails_leaves_the_record_as_it_was(cast):
    record = aid(cast, name="刘洋")
    errors = refused(lambda: services.employment_aid_update(actor=cast.officer, aid=record, employer=" "))
    assert errors == {"employer": ["请填写就业单位"]}
    assert EmploymentAid.objects.get().employer == "宏达机械有限公司"
    assert refused(lambda: services.employment_aid_update(actor=cast.officer, aid=record, union=cast.union_b1)) \
        == {"union": ["该字段不能在此修改"]}


def test_updates_and_deletes_are_kept_in_the_audit_trail(cast):
    record = aid(cast, name="刘洋")
    services.employment_aid_update(actor=cast.street_admin, aid=record, post="质检员")
    assert EmploymentAid.objects.get().post == "质检员"
    services.employment_aid_delete(actor=cast.street_admin, aid=record)
    assert not EmploymentAid.objects.exists()
    assert [h.history_type for h in EmploymentAid.history.all()] == ["-", "~", "+"]
    assert EmploymentAid.history.first().history_user == cast.street_admin


def test_read_only_accounts_and_other_unions_are_refused(cast):
    with pytest.raises(PermissionDenied):
        services.employment_aid_create(actor=cast.auditor, union=cast.union_a1, name="刘洋", aided_on=days_ago(1),
                                       employer="x")
    record = aid(cast, name="刘洋")
    assert refused(lambda: services.employment_aid_delete(actor=cast.other_officer, aid=record)) \
        == {"union": ["找不到该工会，或不在您的管辖范围内"]}
    assert EmploymentAid.objects.count() == 1


def test_check_ups_and_rest_stays_check_place_and_cost(cast):
    errors = refused(lambda: services.recuperation_create(
        actor=cast.officer, union=cast.union_a1, name="刘洋", kind="spa", on_date=TOMORROW, place="", cost="-5"))
    assert errors == {"on_date": ["日期不能晚于今天"], "place": ["请填写地点/机构"], "cost": ["费用不能为负数"]}
    assert not Recuperation.objects.exists()
    errors = refused(lambda: services.recuperation_create(
        actor=cast.officer, union=cast.union_a1, name="刘洋", kind="spa", on_date=days_ago(1), place="疗养院"))
    assert list(errors) == ["kind"] and "spa" in errors["kind"][0]
    assert stay(cast, member=cast.member_a1).cost == Decimal("350.00")


def test_a_programme_ends_after_it_starts_and_has_classes(cast):
    start = days_ago(10)
    errors = refused(lambda: services.children_programme_create(
        actor=cast.officer, union=cast.union_a1, name=" ", start_on=start, end_on=start - timedelta(days=1),
        classes=0, children=-1))
    assert errors == {"name": ["请填写名称"], "end_on": ["结束日期不能早于开班日期"], "classes": ["班数应在1至1000之间"],
                      "children": ["参加小朋友人数应在0至1000000之间"]}
    assert not ChildrenProgramme.objects.exists()
    # Entered when it opens, a programme may end after today.
    record = services.children_programme_create(actor=cast.officer, union=cast.union_a1, name="放心班",
                                                start_on=start, end_on=TOMORROW + timedelta(days=20), classes=4,
                                                children=120)
    assert (record.classes, record.children) == (4, 120)
    assert programme(cast).classes == 2


def test_a_drive_counts_donors_money_and_items(cast):
    errors = refused(lambda: drive(cast, donors=-1, amount="12.345", books=-2))
    assert errors == {"donors": ["捐赠人次应在0至1000000之间"], "amount": ["捐款最多保留两位小数（精确到分）"],
                      "books": ["书籍应在0至10000000之间"]}
    assert not DonationDrive.objects.exists()
    record = drive(cast)
    assert (record.donors, record.amount, record.clothes, record.books) == (30, Decimal("3000.00"), 40, 25)
    services.donation_drive_update(actor=cast.officer, drive=record, books=30)
    assert DonationDrive.objects.get().books == 30
