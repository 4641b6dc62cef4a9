"""The demo users, one for each kind of person who logs in."""

from collections.abc import Callable
from dataclasses import dataclass

from gonghui.accounts.models import Role, User
from gonghui.org.models import Union

from .tree import Tree

DEMO_PASSWORD = "gonghui-demo-2026"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: str
    node: Callable[[Tree], Union | None]
    may_reveal_identity: bool = False
    may_access_care: bool = False


DEMO_USERS = (
    DemoUser("county_admin", "王建华", Role.FEDERATION_ADMIN, lambda tree: tree.root, True, True),
    DemoUser("street_admin", "李文静", Role.FEDERATION_ADMIN, lambda tree: tree.streets[0]),
    DemoUser(
        "officer", "张伟", Role.UNION_OFFICER, lambda tree: tree.first_enterprise_union(tree.streets[0]), True, True
    ),
    DemoUser("officer2", "刘芳", Role.UNION_OFFICER, lambda tree: tree.first_enterprise_union(tree.streets[1])),
    DemoUser("auditor", "陈思远", Role.AUDITOR, lambda tree: tree.root),
    # System administrators have no node; they only use Django's admin.
    DemoUser("sysadmin", "系统管理员", Role.UNION_OFFICER, lambda tree: None),
)
DEMO_USERNAMES = tuple(user.username for user in DEMO_USERS)


def create_demo_users(*, tree: Tree) -> dict[str, User]:
    users = {}
    for spec in DEMO_USERS:
        union = spec.node(tree)
        create = User.objects.create_user if union else User.objects.create_superuser
        users[spec.username] = create(
            spec.username,
            "",
            DEMO_PASSWORD,
            full_name=spec.full_name,
            role=spec.role,
            union=union,
            may_reveal_identity=spec.may_reveal_identity,
            may_access_care=spec.may_access_care,
        )
    return users


def describe_role(user: User) -> str:
    return "系统管理员（超级用户）" if user.is_superuser else str(Role(user.role).label)
