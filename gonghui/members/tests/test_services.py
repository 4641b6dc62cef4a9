from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError

from gonghui.core.models import AccessLog
from gonghui.members import services
from gonghui.members.choices import EventKind, MemberCategory, MemberStatus, TransferStatus
from gonghui.members.models import Member
from gonghui.testing import make_id_number

pytestmark = pytest.mark.django_db


def create(cast, **overrides):
    data = dict(actor=cast.officer, union=cast.union_a1, name="陈静", id_number=make_id_number(date(1990, 6, 1), 21),
                join_date=date(2015, 1, 1), phone="13912345678")
    data.update(overrides)
    return services.member_create(**data)


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_create_derives_birth_and_gender_and_records_the_join(cast):
    member = create(cast)
    assert member.birth_date == date(1990, 6, 1)
    assert member.gender == "M"
    assert member.id_tail == member.id_number[-4:]
    assert [e.kind for e in member.events.all()] == [EventKind.JOIN]
    assert member.history.first().history_user == cast.officer


@pytest.mark.parametrize("overrides, field, text", [
    ({"id_number": "340524198001010013"}, "id_number", "校验位"),
    ({"phone": "0574-8680000"}, "phone", "座机"),
    ({"birth_date": date(1991, 6, 1)}, "birth_date", "不一致"),
    ({"gender": "F"}, "gender", "不一致"),
    ({"join_date": date(1980, 1, 1)}, "join_date", "早于出生日期"),
    ({"join_date": date(2099, 1, 1)}, "join_date", "晚于今天"),
    ({"name": "  "}, "name", "姓名"),
    ({"ethnicity": "火星族"}, "ethnicity", "民族"),
    ({"name": '=HYPERLINK("http://x","点我")'}, "name", "表格公式"),
    ({"name": "https://x.cn"}, "name", "网址"),
    ({"name": "陈\x00静"}, "name", "控制字符"),
    ({"id_number": make_id_number(date(1990, 6, 1), 21, area="000000")}, "id_number", "行政区划代码"),
])
def test_bad_input_names_the_field_and_saves_nothing(cast, overrides, field, text):
    before = Member.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        create(cast, **overrides)
    assert text in " ".join(errors_of(excinfo)[field])
    assert Member.objects.count() == before


def test_birth_date_in_the_future_inside_the_id_is_refused(cast):
    with pytest.raises(ValidationError) as excinfo:
        create(cast, id_number=make_id_number(date(2090, 1, 1)))
    assert "id_number" in errors_of(excinfo)


def test_second_active_membership_is_refused_naming_where_the_person_is_only_to_who_may_see_it(cast):
    with pytest.raises(ValidationError) as excinfo:
        create(cast, actor=cast.county_admin, id_number=cast.member_b1.id_number)
    assert "乙一社区联合工会" in errors_of(excinfo)["id_number"][0]
    with pytest.raises(ValidationError) as excinfo:
        create(cast, id_number=cast.member_b1.id_number)
    message = errors_of(excinfo)["id_number"][0]
    assert "乙一" not in message and "此人已是其他工会的在册会员" in message


def test_a_former_member_may_join_again(cast):
    services.member_end(actor=cast.other_officer, member=cast.member_b1, kind=EventKind.LEAVE, on_date=date(2020, 1, 1))
    member = create(cast, id_number=cast.member_b1.id_number)
    assert member.status == MemberStatus.ACTIVE


def test_a_union_outside_the_subtree_cannot_receive_members(cast):
    with pytest.raises(ValidationError) as excinfo:
        create(cast, union=cast.union_a2)
    assert "union" in errors_of(excinfo)


def test_auditor_cannot_write(cast):
    with pytest.raises(PermissionDenied):
        create(cast, actor=cast.auditor)


def test_members_belong_to_grassroots_unions(cast):
    with pytest.raises(ValidationError) as excinfo:
        create(cast, actor=cast.street_admin, union=cast.street_a)
    assert "基层工会" in errors_of(excinfo)["union"][0]


def test_update_is_checked_like_create_and_kept_in_the_audit_trail(cast):
    member = cast.member_a1
    with pytest.raises(ValidationError):
        services.member_update(actor=cast.officer, member=member, phone="12345")
    services.member_update(actor=cast.officer, member=member, phone="13700001111")
    member.refresh_from_db()
    assert member.phone == "13700001111"
    latest, previous = member.history.all()[:2]
    assert [c.field for c in latest.diff_against(previous).changes] == ["phone"]


def test_transfer_is_sent_by_one_union_and_accepted_by_the_other(cast):
    member = cast.member_a1
    transfer = services.transfer_request(actor=cast.officer, member=member, to_union=cast.union_b1,
                                         on_date=date(2024, 3, 1), reason="工作调动")
    with pytest.raises(ValidationError):
        services.transfer_accept(actor=cast.officer, transfer=transfer)  # the sender cannot accept
    services.transfer_accept(actor=cast.other_officer, transfer=transfer)
    member.refresh_from_db()
    transfer.refresh_from_db()
    assert member.union == cast.union_b1 and member.group is None
    assert transfer.status == TransferStatus.ACCEPTED
    assert {e.kind for e in member.events.all()} >= {EventKind.TRANSFER_OUT, EventKind.TRANSFER_IN}


def test_transfer_to_the_same_union_is_refused(cast):
    with pytest.raises(ValidationError) as excinfo:
        services.transfer_request(actor=cast.officer, member=cast.member_a1, to_union=cast.union_a1,
                                  on_date=date(2024, 3, 1))
    assert "to_union" in errors_of(excinfo)


def test_retire_changes_category_and_leave_ends_membership(cast):
    member = services.member_retire(actor=cast.officer, member=cast.member_a1, on_date=date(2025, 1, 1))
    assert member.category == MemberCategory.RETIRED and member.status == MemberStatus.ACTIVE
    member = services.member_end(actor=cast.officer, member=member, kind=EventKind.DEATH, on_date=date(2025, 2, 1))
    assert member.status == MemberStatus.DECEASED
    with pytest.raises(ValidationError):
        services.member_retire(actor=cast.officer, member=member, on_date=date(2025, 3, 1))


def test_reveal_is_logged_and_refused_without_the_grant(cast):
    shown = services.identity_reveal(actor=cast.officer, member=cast.member_a1)
    assert shown["id_number"] == cast.member_a1.id_number
    assert AccessLog.objects.filter(user=cast.officer, object_id=str(cast.member_a1.pk)).count() == 1
    with pytest.raises(PermissionDenied):
        services.identity_reveal(actor=cast.auditor, member=cast.member_a1)


def test_the_user_and_union_a_members_history_names_cannot_be_deleted(cast):
    """The event's union and user keys are unchecked by the database; the ORM still protects them."""
    event = create(cast).events.get()
    for referenced in (cast.officer, cast.union_a1):
        with pytest.raises(ProtectedError) as excinfo:
            referenced.delete()
        assert event in excinfo.value.protected_objects
