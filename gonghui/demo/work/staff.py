"""Who recorded the demo year: the demo users where they sit, an officer account everywhere else.

Every record names the person who entered it, so the year is entered by
the people a real county would have: the demo users at their own nodes,
and for every other union the officer (its committee chair, or a vice
chair at a federation) who keeps its books. Those accounts cannot log in
(no usable password); they exist so that "经办人" and the audit trail read
like a real year.
"""

from django.contrib.auth.hashers import make_password

from gonghui.accounts.models import Role, User
from gonghui.org.models import CommitteeBody, CommitteeSeat, SeatRole, Union, UnionLevel


class Staff:
    def __init__(self, *, root: Union, users: dict[str, User]):
        self.root = root
        self.demo = {user.union_id: user for user in users.values() if user.union_id and user.can_write}
        self.generated: dict[int, User] = {}
        self.keepers = self._keepers()

    def _keepers(self) -> dict[int, str]:
        """The person who keeps each union's books: the chair of a grassroots union, a vice chair of a federation."""
        seats = CommitteeSeat.objects.filter(tenant=self.root, body=CommitteeBody.COMMITTEE,
                                             role__in=[SeatRole.CHAIR, SeatRole.VICE_CHAIR])
        keepers: dict[int, str] = {}
        for union_id, level, role, name in seats.order_by("union_id", "role", "id").values_list(
                "union_id", "union__level", "role", "person_name"):
            wanted = SeatRole.CHAIR if level == UnionLevel.GRASSROOTS else SeatRole.VICE_CHAIR
            if role == wanted:
                keepers.setdefault(union_id, name)
        return keepers

    def chair(self, union: Union) -> str:
        return self.keepers.get(union.id, "")

    def of(self, union: Union, *, care: bool = False) -> User:
        """The account that records the union's work; `care` asks for one holding the care grant."""
        user = self.demo.get(union.id)
        if user is not None and (user.may_access_care or not care):
            return user
        if union.id not in self.generated:
            self.generated[union.id] = self._create(union)
        return self.generated[union.id]

    def _create(self, union: Union) -> User:
        user = User(
            username=union.code.lower(),
            password=make_password(None),
            full_name=self.keepers.get(union.id, ""),
            role=Role.UNION_OFFICER if union.level == UnionLevel.GRASSROOTS else Role.FEDERATION_ADMIN,
            union=union,
            may_access_care=True,
        )
        user.save()
        return user
