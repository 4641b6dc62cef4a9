from collections import Counter
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import RequestFactory

from gonghui.accounts.models import Role, User
from gonghui.core.identifiers import parse_credit_code, parse_mobile, parse_resident_id
from gonghui.demo import bulk
from gonghui.demo.county import build_county
from gonghui.demo.logins import DEMO_PASSWORD, DEMO_USERNAMES
from gonghui.demo.management.commands import seed_demo
from gonghui.demo.members import apportion
from gonghui.demo.reset import delete_demo, find_demo_root
from gonghui.members.models import Member, MemberEvent
from gonghui.org.models import CommitteeSeat, Enterprise, Formation, JointScope, UnionLevel, OrgType, Union, UnionGroup
from gonghui.plans.models import Plan

AS_OF = date(2026, 6, 30)
MEMBERS = 300

pytestmark = pytest.mark.django_db


def build(seed: int = 1, **options):
    return build_county(seed=seed, members=MEMBERS, as_of=AS_OF, **options)


def eighteenth_birthday(birth: date) -> date:
    if (birth.month, birth.day) == (2, 29):
        return date(birth.year + 18, 3, 1)
    return birth.replace(year=birth.year + 18)


@pytest.fixture
def county():
    return build()


def snapshot() -> dict[str, list]:
    """What a seed must reproduce: names and numbers, not database ids."""
    return {
        "unions": list(Union.objects.order_by("path").values_list("name", "code", "org_type")),
        "enterprises": sorted(Enterprise.objects.values_list("name", "credit_code", "headcount")),
        "members": list(Member.objects.order_by("id").values_list("name", "id_number", "phone", "join_date")),
    }


def test_resident_ids_are_valid_unique_and_match_the_row(county):
    members = list(Member.objects.all())
    assert len(members) == MEMBERS
    assert len({m.id_number for m in members}) == MEMBERS
    for member in members:
        parsed = parse_resident_id(member.id_number)
        assert (parsed.birth_date, parsed.gender) == (member.birth_date, member.gender)
        assert member.id_tail == member.id_number[-4:]
        assert eighteenth_birthday(member.birth_date) <= member.join_date <= AS_OF


def test_credit_codes_and_phones_are_valid(county):
    codes = list(Enterprise.objects.values_list("credit_code", flat=True))
    assert [parse_credit_code(code) for code in codes] == codes
    assert len(set(codes)) == len(codes)
    phones = [p for p in Member.objects.values_list("phone", flat=True) if p]
    assert len(phones) > MEMBERS * 0.8
    assert [parse_mobile(phone) for phone in phones] == phones


def test_the_same_seed_gives_the_same_county(county):
    first = snapshot()
    delete_demo()
    assert not Member.objects.exists() and find_demo_root() is None
    build(seed=1)
    assert snapshot() == first
    delete_demo()
    build(seed=2)
    assert snapshot()["members"] != first["members"]


def test_tree_has_the_expected_shape_and_one_tenant(county):
    root = county.root
    assert Union.objects.filter(level=UnionLevel.COUNTY).get() == root
    assert Union.objects.filter(level=UnionLevel.STREET, depth=2).count() == 3
    assert not Union.objects.exclude(tenant=root).exists()
    grassroots = Union.objects.filter(level=UnionLevel.GRASSROOTS)
    single = Counter(grassroots.filter(formation=Formation.SINGLE).values_list("org_type", flat=True))
    assert single == {OrgType.ENTERPRISE: 181, OrgType.SCHOOL: 20, OrgType.AGENCY: 15}
    joint = grassroots.filter(formation=Formation.JOINT)
    assert joint.count() == 8
    assert set(joint.values_list("org_type", flat=True)) == {OrgType.COMMUNITY}
    assert set(joint.values_list("joint_scope", flat=True)) <= {JointScope.COMMUNITY, JointScope.VILLAGE}
    assert 0 < grassroots.filter(depth=2).count() < 10, "a few grassroots unions sit directly under the county"
    assert Union.objects.values("code").distinct().count() == Union.objects.count()


def test_enterprises_groups_and_committees(county):
    assert 340 <= Enterprise.objects.count() <= 400
    assert not Enterprise.objects.exclude(tenant=county.root).exists()
    covered = Counter(Enterprise.objects.values_list("union__formation", "union_id"))
    single = [count for (formation, _), count in covered.items() if formation == Formation.SINGLE]
    joint = [count for (formation, _), count in covered.items() if formation == Formation.JOINT]
    assert len(single) == 216 and set(single) == {1}
    assert len(joint) == 8 and min(joint) >= 2
    assert Enterprise.objects.filter(union__level=UnionLevel.STREET).exists(), "some enterprises have no union yet"
    for union in Union.objects.filter(level=UnionLevel.GRASSROOTS):
        assert 2 <= union.groups.count() <= 6
    for union in Union.objects.all():
        seats = Counter(union.seats.values_list("body", "role"))
        assert seats[("committee", "chair")] == 1
        assert 1 <= seats[("committee", "vice_chair")] <= 2
        assert 3 <= seats[("committee", "member")] <= 5
        assert seats[("funds_audit", "chair")] == seats[("women", "chair")] == 1
    assert set(CommitteeSeat.objects.values_list("term_start", "term_end")) == {(date(2024, 1, 1), date(2028, 12, 31))}


def test_members_belong_to_groups_of_their_union_and_have_a_join_event(county):
    for member in Member.objects.select_related("group"):
        assert member.group.union_id == member.union_id
    joins = {e.member_id: e for e in MemberEvent.objects.filter(kind="join")}
    assert len(joins) == MEMBERS
    for member in Member.objects.all():
        assert (joins[member.id].union_id, joins[member.id].on_date) == (member.union_id, member.join_date)
    left = set(Member.objects.filter(status="left").values_list("id", flat=True))
    assert left == set(MemberEvent.objects.filter(kind="leave").values_list("member_id", flat=True))


def test_generated_rows_stay_out_of_the_audit_trail(county):
    assert not Member.history.exists()
    assert not Union.history.exists()
    assert not UnionGroup.history.exists()


def test_demo_users_log_in_with_their_roles(county, client):
    users = {user.username: user for user in User.objects.filter(username__in=DEMO_USERNAMES)}
    assert set(users) == set(DEMO_USERNAMES)
    root, first_street, second_street = county.root, *county.streets[:2]
    expected = {
        "county_admin": (Role.FEDERATION_ADMIN, root),
        "street_admin": (Role.FEDERATION_ADMIN, first_street),
        "auditor": (Role.AUDITOR, root),
    }
    for username, (role, union) in expected.items():
        assert (users[username].role, users[username].union) == (role, union)
    officer, officer2 = users["officer"], users["officer2"]
    assert officer.role == officer2.role == Role.UNION_OFFICER
    assert officer.union.path.startswith(first_street.path) and officer.union.org_type == OrgType.ENTERPRISE
    assert officer2.union.path.startswith(second_street.path) and officer2.union.level == UnionLevel.GRASSROOTS
    assert users["county_admin"].may_reveal_identity and users["county_admin"].may_access_care
    assert officer.may_reveal_identity and officer.may_access_care
    sysadmin = users["sysadmin"]
    assert sysadmin.is_superuser and sysadmin.is_staff and sysadmin.union is None
    assert all(user.full_name for user in users.values())
    for username in DEMO_USERNAMES:
        request = RequestFactory().post("/accounts/login/")
        assert client.login(request=request, username=username, password=DEMO_PASSWORD), username
        client.logout()


def test_command_loads_once_and_reset_rebuilds():
    out = StringIO()
    call_command("seed_demo", members=40, stdout=out)
    assert "gonghui-demo-2026" in out.getvalue() and "county_admin" in out.getvalue()
    assert "工作计划" in out.getvalue() and Plan.objects.exists(), "a small county gets a year of work"
    call_command("seed_demo", members=40, stdout=(again := StringIO()))
    assert "已加载" in again.getvalue()
    assert Member.objects.count() == 40
    call_command("seed_demo", members=60, reset=True, work=False, stdout=(bare := StringIO()))
    assert Member.objects.count() == 60
    assert Union.objects.filter(depth=1).count() == 1
    assert "工作计划" not in bare.getvalue() and not Plan.objects.exists()


def test_the_command_refuses_to_run_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="生产环境") as refused:
        call_command("seed_demo", members=40, reset=True, stdout=StringIO())
    assert "production" in str(refused.value)
    assert not User.objects.filter(username="sysadmin").exists() and not Union.objects.exists()


def test_work_is_left_out_of_big_counties_unless_asked(monkeypatch):
    with_work = []
    monkeypatch.setattr(seed_demo, "build_county", lambda **kwargs: with_work.append(kwargs["work"]) or build(seed=1))
    monkeypatch.setattr(seed_demo, "WORK_UP_TO", 50)
    for options in ({"members": 60}, {"members": 60, "work": True}, {"members": 50}):
        call_command("seed_demo", reset=True, stdout=StringIO(), **options)
    assert with_work == [False, True, True]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="indexes are rebuilt only on PostgreSQL")
def test_suspended_keys_and_indexes_all_come_back(monkeypatch):
    def definitions():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename IN ('members_member', 'members_memberevent') "
                "UNION ALL SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid IN ('members_member'::regclass, 'members_memberevent'::regclass)"
            )
            return sorted(row[0] for row in cursor.fetchall())

    before = definitions()
    build(rebuild_indexes=True)
    assert definitions() == before
    assert Member.objects.count() == MEMBERS
    # Any table counts as big, so the reset suspends the keys too.
    monkeypatch.setattr(bulk, "REBUILD_THRESHOLD", 0)
    delete_demo()
    assert definitions() == before
    assert not Member.objects.exists() and not Union.objects.exists()


def test_apportion_is_exact_and_proportional():
    shares = apportion(total=1000, weights=[1, 2, 3, 4])
    assert sum(shares) == 1000 and shares == [100, 200, 300, 400]
    assert sum(apportion(total=7, weights=[5, 5, 5])) == 7
