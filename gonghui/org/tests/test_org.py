from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gonghui.org import selectors, services
from gonghui.org.models import Enterprise, Formation, JointScope, UnionLevel, OrgType, Union, UnionMove
from gonghui.testing import assert_scoped, make_credit_code

pytestmark = pytest.mark.django_db


def grassroots(cast, parent, code, formation=Formation.SINGLE, scope=""):
    return services.union_create(actor=cast.county_admin, parent=parent, name=f"工会{code}", code=code,
                                 level=UnionLevel.GRASSROOTS, formation=formation, joint_scope=scope,
                                 org_type=OrgType.ENTERPRISE if formation == Formation.SINGLE else OrgType.COMMUNITY)


def test_coverage_sentence_comes_from_the_records(cast):
    # The source summaries' street: 224 grassroots unions, 216 single, 8 community/village joint, 368 enterprises.
    street = cast.street_b
    for i in range(3):
        u = grassroots(cast, street, f"S{i}")
        services.enterprise_create(actor=cast.county_admin, union=u, name=f"企业{i}", credit_code=make_credit_code(100 + i))
    village = grassroots(cast, street, "V1", Formation.JOINT, JointScope.VILLAGE)
    for i in range(4):
        services.enterprise_create(actor=cast.county_admin, union=village, name=f"村企{i}", credit_code=make_credit_code(200 + i))
    services.enterprise_create(actor=cast.county_admin, union=street, name="未建会企业", credit_code=make_credit_code(300))
    coverage = selectors.coverage_for(user=cast.county_admin, union=street)
    # b1 (community joint, 1 enterprise) + 3 single + 1 village joint
    assert coverage.sentence() == "基层工会组织5家，其中单建工会3家，社区(村)联合工会2家，覆盖企业8家"


def test_a_union_cannot_move_under_its_own_descendant(cast):
    with pytest.raises(ValidationError) as excinfo:
        services.union_move(actor=cast.county_admin, union=cast.street_a, new_parent=cast.union_a1)
    assert "下级" in excinfo.value.message_dict["parent"][0]
    cast.street_a.refresh_from_db()
    assert Union.objects.get_parent(cast.street_a) == cast.county


def test_moving_keeps_history_and_members_follow(cast):
    services.union_move(actor=cast.county_admin, union=cast.union_a1, new_parent=cast.street_b)
    moved = Union.objects.get(pk=cast.union_a1.pk)
    assert Union.objects.get_parent(moved) == cast.street_b
    move = UnionMove.objects.get(union=moved)
    assert (move.from_parent, move.to_parent, move.moved_by) == (cast.street_a, cast.street_b, cast.county_admin)
    assert moved.history.count() >= 1
    assert selectors.coverage_for(user=cast.county_admin, union=cast.street_b).members == 2


def test_street_admin_cannot_move_a_union_out_of_its_subtree(cast):
    with pytest.raises(ValidationError):
        services.union_move(actor=cast.street_admin, union=cast.union_a1, new_parent=cast.street_b)


def test_grassroots_union_needs_its_formation_and_type(cast):
    with pytest.raises(ValidationError) as excinfo:
        services.union_create(actor=cast.county_admin, parent=cast.street_a, name="无类型", code="X1",
                              level=UnionLevel.GRASSROOTS, formation=Formation.JOINT)
    assert set(excinfo.value.message_dict) == {"joint_scope", "org_type"}


def test_duplicate_union_code_is_refused_at_the_field(cast):
    with pytest.raises(ValidationError) as excinfo:
        grassroots(cast, cast.street_a, "A1")
    assert "code" in excinfo.value.message_dict


def test_invalid_credit_code_is_refused_unless_an_officer_confirms_it(cast):
    with pytest.raises(ValidationError) as excinfo:
        services.enterprise_create(actor=cast.officer, union=cast.union_a1, name="试点企业",
                                   credit_code="91350100M000100Y44")
    assert "校验位" in excinfo.value.message_dict["credit_code"][0]
    enterprise = services.enterprise_create(actor=cast.officer, union=cast.union_a1, name="试点企业",
                                            credit_code="91350100M000100Y44", override_check=True)
    assert enterprise.credit_code_override_by == cast.officer


def test_committee_term_must_end_after_it_starts(cast):
    with pytest.raises(ValidationError) as excinfo:
        services.seat_create(actor=cast.officer, union=cast.union_a1, body="committee", role="chair",
                             person_name="刘洋", term_start=date(2024, 1, 1), term_end=date(2023, 1, 1))
    assert "term_end" in excinfo.value.message_dict


def test_tree_page_counts_members_at_every_node(cast, client_for):
    rows = {r.union.code: r for r in selectors.tree_with_counts(user=cast.county_admin)}
    assert (rows["C"].unions, rows["C"].members) == (3, 3)
    assert (rows["SA"].unions, rows["SA"].members) == (2, 2)
    html = client_for(cast.street_admin).get(reverse("org:tree")).content.decode()
    assert "甲一机械厂工会" in html and "乙一社区联合工会" not in html


def test_enterprise_form_error_is_at_the_field(cast, client_for):
    response = client_for(cast.officer).post(reverse("org:enterprise_create", args=[cast.union_a1.pk]), {
        "name": "新企业", "credit_code": "91350100I000100Y43", "headcount": 10})
    assert response.status_code == 400
    assert "不允许的字符" in response.content.decode()
    assert not Enterprise.objects.filter(name="新企业").exists()


def test_it_checks_access(cast, client):
    a1 = cast.union_a1
    for name in ("detail", "edit", "move", "group_create", "seat_create", "enterprise_create"):
        assert_scoped(client, cast, reverse(f"org:{name}", args=[a1.pk]), owner=a1)
    assert_scoped(client, cast, reverse("org:create", args=[cast.street_a.pk]), owner=cast.street_a)
    enterprise = Enterprise.objects.get(union=a1)
    assert_scoped(client, cast, reverse("org:enterprise_edit", args=[enterprise.pk]), owner=a1)
    assert_scoped(client, cast, reverse("org:enterprise_edit", args=[cast.enterprise_street_a.pk]), owner=cast.street_a)
    assert_scoped(client, cast, reverse("core:history", args=["org.union", a1.pk]), owner=a1)


def test_an_unknown_level_is_refused_at_the_field(cast):
    with pytest.raises(ValidationError) as excinfo:
        services.union_create(actor=cast.county_admin, parent=cast.street_a, name="某工会", code="X2", level="relative")
    assert excinfo.value.message_dict == {"level": ["请选择工会层级"]}
    assert not Union.objects.filter(code="X2").exists()
