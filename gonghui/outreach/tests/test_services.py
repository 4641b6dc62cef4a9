from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.ledger import services as ledger
from gonghui.ledger.models import ActivityKind
from gonghui.outreach import services
from gonghui.outreach.models import CourseOrder, Gift, Merchant, OrderState, Survey

from .helpers import company, course, days_ago, gift, merchant, order, survey

pytestmark = pytest.mark.django_db


def errors_of(call) -> dict:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


def test_a_survey_belongs_to_the_enterprise_union_and_keeps_its_history(cast):
    made = survey(cast, actor=cast.street_admin)
    assert made.union == cast.union_a1 and made.tenant_id == cast.county.pk
    assert made.history.get().history_user == cast.street_admin


def test_bad_survey_input_is_refused_at_its_fields_and_nothing_is_saved(cast):
    errors = errors_of(lambda: survey(cast, surveyed_on=days_ago(-1), workers_reached=0, topic="  "))
    assert errors == {"surveyed_on": ["调查日期不能晚于今天"], "workers_reached": ["涉及职工人次应在1至100000之间"],
                      "topic": ["请填写调查内容"]}
    assert not Survey.objects.exists()


def test_an_enterprise_outside_the_subtree_is_not_found(cast):
    other = cast.union_b1.enterprises.get()
    assert errors_of(lambda: survey(cast, enterprise=other)) == {"enterprise": [services.NOT_YOURS_ENTERPRISE]}
    assert errors_of(lambda: gift(cast, enterprise=None)) == {"enterprise": [services.NOT_YOURS_ENTERPRISE]}
    assert not Survey.objects.exists() and not Gift.objects.exists()


def test_an_update_checks_as_a_create_does_and_leaves_the_record_as_it_was(cast):
    made = survey(cast)
    errors = errors_of(lambda: services.survey_update(actor=cast.officer, survey=made, workers_reached=-3,
                                                      enterprise=cast.union_b1.enterprises.get()))
    assert set(errors) == {"workers_reached", "enterprise"}
    made.refresh_from_db()
    assert made.workers_reached == 120 and made.enterprise == company(cast)
    assert errors_of(lambda: services.survey_update(actor=cast.officer, survey=made, union=cast.union_b1)) == {
        "union": ["该字段不能在此修改"]}
    services.survey_update(actor=cast.officer, survey=made, workers_reached=130)
    assert Survey.objects.get().workers_reached == 130


def test_read_only_and_other_subtrees_may_not_write(cast):
    made = survey(cast)
    with pytest.raises(PermissionDenied):
        survey(cast, actor=cast.auditor)
    assert errors_of(lambda: services.survey_delete(actor=cast.other_officer, survey=made)) == {
        "union": ["找不到该工会，或不在您的管辖范围内"]}
    services.survey_delete(actor=cast.officer, survey=made)
    assert not Survey.objects.exists()


def test_bad_gift_input_is_refused_at_its_fields(cast):
    errors = errors_of(lambda: gift(cast, item="", quantity=0, unit=" ", value=Decimal("-1")))
    assert errors == {"item": ["请填写物品名称"], "unit": ["请填写单位"], "quantity": ["数量应在1至100000之间"],
                      "value": ["价值不能为负数"]}
    assert not Gift.objects.exists()
    made = gift(cast)
    assert (made.item, made.quantity, made.unit, made.value) == ("篮球架", 4, "副", Decimal("6000"))


def test_a_merchant_ends_after_it_was_contracted(cast):
    errors = errors_of(lambda: merchant(cast, name="", offer="", ended_on=days_ago(31)))
    assert errors == {"name": ["请填写商户名称"], "offer": ["请填写优惠内容"],
                      "ended_on": [f"终止日期不能早于签约日期（{days_ago(30):%Y-%m-%d}）"]}
    assert not Merchant.objects.exists()
    assert errors_of(lambda: merchant(cast, actor=cast.officer)) == {"union": ["找不到该工会，或不在您的管辖范围内"]}


def test_a_course_is_ordered_only_by_enterprises_under_the_union_offering_it(cast):
    offered = course(cast)
    elsewhere = cast.union_b1.enterprises.get()
    errors = errors_of(lambda: services.course_order_create(actor=cast.county_admin, enterprise=elsewhere,
                                                            course=offered, ordered_on=days_ago(1)))
    assert errors == {"course": ["该课程由甲街道总工会开设，只有其辖区内的企业可以点课"]}
    # The officer below the street does not see the street's catalogue.
    assert errors_of(lambda: order(cast, actor=cast.officer, course=offered)) == {"course": [services.NOT_YOURS_COURSE]}
    assert not CourseOrder.objects.exists()
    assert order(cast, course=offered).union == cast.union_a1


def test_a_delivered_order_names_its_day_and_the_ledger_activity(cast):
    made = order(cast)
    errors = errors_of(lambda: services.course_order_update(actor=cast.street_admin, order=made,
                                                            state=OrderState.DELIVERED))
    assert errors == {"delivered_on": ["已送课，请填写送课日期"], "activity": ["已送课，请选择台帐中登记的送课活动"]}
    elsewhere = ledger.activity_create(actor=cast.other_officer, union=cast.union_b1, kind=ActivityKind.TRAINING,
                                       title="乙一培训", date=days_ago(2))
    errors = errors_of(lambda: services.course_order_update(
        actor=cast.county_admin, order=made, state=OrderState.DELIVERED, delivered_on=days_ago(21),
        activity=elsewhere))
    assert errors == {"delivered_on": [f"送课日期不能早于点课日期（{days_ago(20):%Y-%m-%d}）"],
                      "activity": [services.NOT_YOURS_ACTIVITY]}
    made.refresh_from_db()
    assert made.state == OrderState.REQUESTED and made.activity is None
    session = ledger.activity_create(actor=cast.street_admin, union=cast.street_a, kind=ActivityKind.TRAINING,
                                     title="一小时课堂：红十字急救知识", date=days_ago(2))
    services.course_order_update(actor=cast.street_admin, order=made, state=OrderState.DELIVERED,
                                 delivered_on=days_ago(2), activity=session)
    made.refresh_from_db()
    assert (made.state, made.activity, made.delivered_on) == (OrderState.DELIVERED, session, days_ago(2))
    assert errors_of(lambda: services.course_order_update(actor=cast.street_admin, order=made,
                                                          state=OrderState.DECLINED)) == {
        "delivered_on": ["尚未送课，不能填写送课日期"], "activity": ["尚未送课，不能关联送课活动"]}


def test_a_course_with_orders_is_not_deleted(cast):
    made = order(cast)
    assert errors_of(lambda: services.course_delete(actor=cast.street_admin, course=made.course)) == {
        "__all__": ["该课程已有点课记录，不能删除"]}
    services.course_order_delete(actor=cast.street_admin, order=made)
    services.course_delete(actor=cast.street_admin, course=made.course)
