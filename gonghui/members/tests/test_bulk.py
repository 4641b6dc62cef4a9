"""The bulk write of checked rows: what a roster import hands the members app."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from gonghui.members import services
from gonghui.members.bulk import MemberStage, RowOutcome
from gonghui.members.choices import EventKind
from gonghui.members.models import Member
from gonghui.testing import make_id_number

pytestmark = pytest.mark.django_db


def _row(cast, row_no: int, name: str, id_number: str, **values) -> tuple:
    row = dict(union_id=cast.union_a1.pk, group_id=None, name=name, id_number=id_number, birth_date=date(1990, 3, 3),
               gender="M", ethnicity=None, phone=None, education=None, political_status=None, category=None,
               join_date=date(2020, 1, 1), card_number=None)
    row.update(values)
    return (row_no, *row.values())


def _staged(cast, rows) -> MemberStage:
    stage = MemberStage("test_member_stage")
    stage.create()
    stage.load(rows)
    return stage


def test_new_and_changed_rows_are_written_with_events_and_audit_trail(cast):
    number = make_id_number(date(1990, 3, 3), 41, male=True)
    stage = _staged(cast, [_row(cast, 2, "钱多", number, phone="13711112222"),
                           _row(cast, 3, "张伟改", cast.member_a1.id_number, birth_date=cast.member_a1.birth_date,
                                gender=cast.member_a1.gender, join_date=cast.member_a1.join_date)])
    with transaction.atomic():
        counts = stage.classify(node=cast.officer.union, assign_ids=True)
        written = services.member_rows_import(actor=cast.officer, stage=stage, counts=counts)
    stage.drop()
    assert (counts[RowOutcome.NEW], counts[RowOutcome.UPDATED], written) == (1, 1, 2)
    new = Member.objects.get(id_number=number)
    assert (new.name, new.phone, new.ethnicity, new.category, new.id_tail) == ("钱多", "13711112222", "汉族", "employed",
                                                                             number[-4:])
    assert [e.kind for e in new.events.all()] == [EventKind.JOIN]
    assert new.history.get().history_user == cast.officer
    cast.member_a1.refresh_from_db()
    assert cast.member_a1.name == "张伟改" and cast.member_a1.history.first().history_type == "~"


def test_a_person_held_outside_the_subtree_is_left_alone(cast):
    stage = _staged(cast, [_row(cast, 2, "赵某", cast.member_b1.id_number)])
    counts = stage.classify(node=cast.officer.union, assign_ids=True)
    assert counts[RowOutcome.ELSEWHERE] == 1
    message = stage.rejections()[2]
    assert "其他工会的在册会员" in message and cast.member_b1.union.name not in message
    stage.drop()


def test_auditors_cannot_write(cast):
    stage = _staged(cast, [_row(cast, 2, "钱多", make_id_number(date(1990, 3, 3), 43, male=True))])
    counts = stage.classify(node=cast.auditor.union, assign_ids=True)
    with pytest.raises(PermissionDenied):
        services.member_rows_import(actor=cast.auditor, stage=stage, counts=counts)
    stage.drop()
