from django.db import connection
from django.test.utils import CaptureQueriesContext

from gonghui.core.scoping import visible, within
from gonghui.members.models import Member
from gonghui.org.models import UnionLevel
from gonghui.testing import _member, _node


def test_a_tenant_root_sees_its_whole_tenant_by_the_tenant_key_and_nothing_of_another(cast):
    other_county = _node(None, "邻县总工会", "OC", UnionLevel.COUNTY)
    other_union = _node(_node(other_county, "邻县街道", "OS", UnionLevel.STREET), "邻县工会", "OU",
                        UnionLevel.GRASSROOTS)
    stranger = _member(other_union, "赵敏", 21)

    with CaptureQueriesContext(connection) as queries:
        names = set(visible(Member.objects.all(), cast.county_admin).values_list("name", flat=True))
    assert names == {"张伟", "李娜", "王芳"}
    assert len(queries) == 1, [q["sql"] for q in queries]  # no read of the county's union ids first
    assert stranger.name not in names
    street = set(within(Member.objects.all(), cast.street_a).values_list("name", flat=True))
    assert street == {"张伟", "李娜"}
