"""Writes of the three administrators (三员分立): each service does one duty's work and refuses the others.

The system administrator makes and stops union accounts, the security administrator sets grants
and clears lockouts, the audit administrator only reads. No one changes their own account here,
and the duty accounts themselves are made on the server (`manage.py duty_account_create`), so no
administrator can make a second account that holds another duty.
"""

import logging

from axes.utils import reset as axes_reset
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gonghui.core.services import save_with_history

from .models import Duty, User

log = logging.getLogger(__name__)

DUTY_WORK = {
    Duty.SYSTEM: "管理账号",
    Duty.SECURITY: "设置权限和解除锁定",
    Duty.AUDIT: "查看访问日志和修改记录",
}


def require_duty(actor, duty: Duty) -> None:
    """The one test of a duty, for services, selectors and pages alike (403 for everyone else)."""
    if getattr(actor, "duty", "") != duty or not getattr(actor, "is_active", False):
        raise PermissionDenied(f"只有{duty.label}可以{DUTY_WORK[duty]}")


def _require_union_account(actor, user: User) -> None:
    if user.pk == actor.pk:
        raise PermissionDenied("不能修改自己的账号、权限或职责")
    if user.duty:
        raise PermissionDenied("管理员账号只能在服务器上用命令管理")


def _password_check(user: User, password: str) -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from None


@transaction.atomic
def user_create(*, actor, username: str, full_name: str, union, role: str, password: str) -> User:
    """A union account: bound to a node, with a role and no grants (the security administrator gives those)."""
    require_duty(actor, Duty.SYSTEM)
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": "该用户名已被使用"})
    if union is None:
        raise ValidationError({"union": "请选择所属工会"})
    user = User(username=username, full_name=full_name, union=union, role=role)
    _password_check(user, password)
    user.set_password(password)
    user.full_clean()
    save_with_history(user, actor=actor)
    return user


def _active_set(*, actor, user: User, active: bool) -> User:
    require_duty(actor, Duty.SYSTEM)
    _require_union_account(actor, user)
    user.is_active = active
    save_with_history(user, actor=actor)
    return user


@transaction.atomic
def user_deactivate(*, actor, user: User) -> User:
    """The account and its history stay; the person can no longer log in."""
    return _active_set(actor=actor, user=user, active=False)


@transaction.atomic
def user_activate(*, actor, user: User) -> User:
    return _active_set(actor=actor, user=user, active=True)


@transaction.atomic
def grant_set(*, actor, user: User, may_reveal_identity: bool, may_access_care: bool) -> User:
    require_duty(actor, Duty.SECURITY)
    _require_union_account(actor, user)
    user.may_reveal_identity = may_reveal_identity
    user.may_access_care = may_access_care
    user.full_clean()
    save_with_history(user, actor=actor)
    return user


def lockout_clear(*, actor, username: str = "", ip_address: str = "") -> int:
    """Forget the failed logins of one user name or one address; returns how many records went."""
    require_duty(actor, Duty.SECURITY)
    if bool(username) == bool(ip_address):
        raise ValidationError("请指定一个用户名或一个地址")
    count = axes_reset(username=username or None, ip=ip_address or None)
    log.info("lockout cleared by %s: username=%r ip=%r (%d attempts)", actor.username, username, ip_address, count)
    return count


@transaction.atomic
def duty_account_create(*, username: str, full_name: str, duty: str, password: str) -> User:
    """An administrator's account, made on the server when the system is installed, never from a page."""
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": "该用户名已被使用"})
    user = User(username=username, full_name=full_name, duty=duty)
    _password_check(user, password)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
