"""The three administrators for tests, beside gonghui.testing's cast (all share its PASSWORD)."""

from dataclasses import dataclass

from gonghui.testing import PASSWORD

from .models import Duty, User
from .services import duty_account_create


@dataclass
class Admins:
    system: User
    security: User
    audit: User

    def all(self) -> list[User]:
        return [self.system, self.security, self.audit]


def build_admins() -> Admins:
    def make(username: str, full_name: str, duty: Duty) -> User:
        return duty_account_create(username=username, full_name=full_name, duty=duty, password=PASSWORD)

    return Admins(system=make("sysadmin", "王系统", Duty.SYSTEM), security=make("secadmin", "李安全", Duty.SECURITY),
                  audit=make("auditadmin", "赵审计", Duty.AUDIT))
