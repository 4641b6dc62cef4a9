"""A fixed cast for tests: a small county and one user per place and permission level.

    county (县总工会)                  county_admin, auditor
    ├── street_a (甲街道总工会)        street_admin
    │   ├── union_a1 (单建, 企业)      officer          ← "own" for the officer
    │   │                              officer_no_care, officer_no_reveal (one grant each, not both)
    │   └── union_a2 (单建, 学校)      sibling_officer  ← "sibling"
    └── street_b (乙街道总工会)
        └── union_b1 (联合, 社区)      other_officer

Each grassroots union has one member, a group and an enterprise; the matrix
tests check that officer sees its own records and gets 404 for the sibling's,
the other street's and the parent federation's.
"""

from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from gonghui.accounts.models import Role, User
from gonghui.core.identifiers import credit_check_char, id_check_char, organisation_check_char
from gonghui.members.models import Member
from gonghui.org.models import Enterprise, Formation, JointScope, UnionLevel, OrgType, Union, UnionGroup

PASSWORD = "correct-horse-battery-42"


def make_id_number(birth: date, seq: int = 1, area: str = "110105", *, male: bool | None = None) -> str:
    """A valid resident ID number; male controls the parity of the sequence."""
    seq3 = seq % 1000
    if male is not None and (seq3 % 2 == 1) != male:
        seq3 = (seq3 + 1) % 1000
    body = f"{area}{birth:%Y%m%d}{seq3:03d}"
    return body + id_check_char(body)


def make_credit_code(serial: int, area: str = "110105") -> str:
    """A valid enterprise credit code: the serial is the organisation code, with its own check character."""
    organisation = f"{serial:08d}"
    body = f"91{area}{organisation}{organisation_check_char(organisation)}"
    return body + credit_check_char(body)


@dataclass
class Cast:
    county: Union
    street_a: Union
    street_b: Union
    union_a1: Union
    union_a2: Union
    union_b1: Union
    county_admin: User
    street_admin: User
    officer: User
    sibling_officer: User
    other_officer: User
    auditor: User
    officer_no_care: User
    officer_no_reveal: User
    member_a1: Member
    member_a2: Member
    member_b1: Member
    enterprise_street_a: Enterprise


def _node(parent: Union | None, name: str, code: str, level: str, **extra) -> Union:
    if parent is None:
        root = Union.objects.add_root({"name": name, "code": code, "level": level})
        root.tenant_id = root.pk
        root.save()
        return root
    return Union.objects.add_child(parent, {"name": name, "code": code, "level": level, "tenant_id": parent.tenant_id, **extra})


def _grassroots(parent: Union, name: str, code: str, org_type: str, formation=Formation.SINGLE, scope="") -> Union:
    return _node(parent, name, code, UnionLevel.GRASSROOTS, formation=formation, joint_scope=scope, org_type=org_type)


def _user(username: str, union: Union, role: str, **grants) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, union=union, role=role,
                                    full_name=username, **grants)


def _member(union: Union, name: str, seq: int) -> Member:
    group = UnionGroup.objects.create(tenant_id=union.tenant_id, union=union, name=f"{union.code}小组")
    Enterprise.objects.create(tenant_id=union.tenant_id, union=union, name=f"{name}所在企业",
                              credit_code=make_credit_code(seq), headcount=50)
    return Member.objects.create(
        tenant_id=union.tenant_id, union=union, group=group, name=name,
        id_number=make_id_number(date(1985, 3, 12), seq), birth_date=date(1985, 3, 12),
        gender="M" if seq % 2 else "F", phone=f"1381234{seq:04d}", join_date=date(2010, 5, 1),
    )


def build_cast() -> Cast:
    county = _node(None, "测试县总工会", "C", UnionLevel.COUNTY)
    street_a = _node(county, "甲街道总工会", "SA", UnionLevel.STREET)
    street_b = _node(county, "乙街道总工会", "SB", UnionLevel.STREET)
    union_a1 = _grassroots(street_a, "甲一机械厂工会", "A1", OrgType.ENTERPRISE)
    union_a2 = _grassroots(street_a, "甲二中学工会", "A2", OrgType.SCHOOL)
    union_b1 = _grassroots(street_b, "乙一社区联合工会", "B1", OrgType.COMMUNITY, Formation.JOINT, JointScope.COMMUNITY)
    grants = {"may_reveal_identity": True, "may_access_care": True}
    enterprise_street_a = Enterprise.objects.create(tenant_id=county.pk, union=street_a, name="甲街道未建会企业",
                                                    credit_code=make_credit_code(900))
    return Cast(
        county=county, street_a=street_a, street_b=street_b,
        union_a1=union_a1, union_a2=union_a2, union_b1=union_b1,
        county_admin=_user("county_admin", county, Role.FEDERATION_ADMIN, **grants),
        street_admin=_user("street_admin", street_a, Role.FEDERATION_ADMIN, **grants),
        officer=_user("officer", union_a1, Role.UNION_OFFICER, **grants),
        sibling_officer=_user("sibling_officer", union_a2, Role.UNION_OFFICER, **grants),
        other_officer=_user("other_officer", union_b1, Role.UNION_OFFICER, **grants),
        auditor=_user("auditor", county, Role.AUDITOR),
        officer_no_care=_user("officer_no_care", union_a1, Role.UNION_OFFICER, may_reveal_identity=True),
        officer_no_reveal=_user("officer_no_reveal", union_a1, Role.UNION_OFFICER, may_access_care=True),
        member_a1=_member(union_a1, "张伟", 11),
        member_a2=_member(union_a2, "李娜", 12),
        member_b1=_member(union_b1, "王芳", 13),
        enterprise_street_a=enterprise_street_a,
    )


def viewers(cast: Cast) -> list[User]:
    return [cast.county_admin, cast.street_admin, cast.officer, cast.sibling_officer, cast.other_officer, cast.auditor]


def assert_scoped(client, cast: Cast, url: str, *, owner: Union, method: str = "get", data=None,
                  json: bool = False) -> None:
    """Every user of the cast: the page answers for the owner's subtree-holders and is a 404 for everyone else.

    The scoping half of the access matrix (own, child, sibling, parent) for one URL; tests/access/test_walk.py
    walks every endpoint with the whole cast, grants included.
    """
    for user in viewers(cast):
        client.force_login(user)
        extra = {"content_type": "application/json"} if json else {}
        response = getattr(client, method)(url, data or {}, **extra)
        sees = owner.path.startswith(user.union.path)
        if sees and method != "get" and not user.can_write:
            # A read-only account is refused every write outright: never a redirect that looks like success.
            assert response.status_code == 403, (user.username, url, response.status_code)
        elif sees:
            assert response.status_code in (200, 302, 400, 403, 422), (user.username, url, response.status_code)
            if response.status_code == 403:
                # Only a read-only account opening a form (a write) may be refused where it sees.
                assert not user.can_write, (user.username, url)
        else:
            assert response.status_code == 404, (user.username, url, response.status_code)
    client.logout()


class _FigureLinks(HTMLParser):
    """The page's text, and each figure link (class "figure-link") as (its text, its address)."""

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "figure-link" in (attrs.get("class") or "").split():
            self._href = attrs.get("href")
            self.links.append(("", self._href))

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None

    def handle_data(self, data):
        self.text.append(data)
        if self._href is not None:
            text, href = self.links[-1]
            self.links[-1] = (text + data, href)


def page_text(html: str) -> str:
    """What a reader sees of a page: its text without the markup (a linked figure reads as its number)."""
    parser = _FigureLinks()
    parser.feed(html)
    return "".join(parser.text)


def figure_links(html: str) -> list[tuple[str, str]]:
    """Each figure on a page that links to its list: (the number shown, the list's address)."""
    parser = _FigureLinks()
    parser.feed(html)
    return parser.links
