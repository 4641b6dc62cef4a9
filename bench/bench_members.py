"""Member list and coverage figures on a 1,000,000-member county (issue 3).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gonghui_bench .venv/bin/python bench/bench_members.py [--members N]

Server time of the real views (RequestFactory, templates rendered) and selectors, median of 9 runs.
The baseline, measured in the same run, is the floor for a page of members: the first 20 rows of
the table by primary key, with no scoping, join or count.
"""


from common import county_from_args, median_ms, report, sql_ms, view_ms


from gonghui.accounts.models import User
from gonghui.members.models import Member
from gonghui.org.models import UnionLevel, Union
from gonghui.org.selectors import coverage_for

TARGET_MS = 100


def list_ms(user, params: dict) -> float:
    return view_ms(user, "/members/", params)


def main() -> None:
    members, root = county_from_args()
    county_admin = User.objects.get(username="county_admin")
    street = Union.objects.filter(tenant_id=root.pk, level=UnionLevel.STREET).order_by("path").first()
    street_admin = User.objects.filter(union=street).first() or county_admin
    tail = Member.objects.filter(tenant_id=root.pk).order_by("id").values_list("id_tail", flat=True)[500_000 % members]
    baseline = sql_ms("SELECT * FROM members_member ORDER BY id LIMIT 20")
    officer = User.objects.get(username="officer")
    rows = [
        ("member list, county, first page", list_ms(county_admin, {}), TARGET_MS, baseline),
        ("member list, one union (officer), first page", list_ms(officer, {}), TARGET_MS, baseline),
        ("member list, street, retired, page 3", list_ms(street_admin, {"category": "retired", "page": 3}), TARGET_MS, baseline),
        ("member list, county, search by last 4 ID digits", list_ms(county_admin, {"q": tail}), TARGET_MS, baseline),
        ("member list, county, search by surname 张, by join date", list_ms(county_admin, {"q": "张", "sort": "-join_date"}), TARGET_MS, baseline),
        ("coverage figures of a street federation", median_ms(lambda: coverage_for(user=county_admin, union=street).sentence()), TARGET_MS, baseline),
    ]
    print(f"\n{members:,} members; baseline (first 20 rows by id, no scoping) {baseline:.2f} ms\n")
    report(rows)


if __name__ == "__main__":
    main()
