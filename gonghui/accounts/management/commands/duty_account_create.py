"""Make one of the three administrators' accounts on the server, when the system is installed.

    manage.py duty_account_create secadmin --duty security --full-name 李安全

The password is asked twice (or read from DUTY_ACCOUNT_PASSWORD for scripted installs). No page
makes these accounts, so no administrator can give itself a second duty.
"""

import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gonghui.accounts.models import Duty
from gonghui.accounts.services import duty_account_create


class Command(BaseCommand):
    help = "建立系统管理员、安全管理员或审计管理员账号"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--duty", required=True, choices=Duty.values)
        parser.add_argument("--full-name", default="")

    def handle(self, *args, username, duty, full_name, **options):
        password = os.environ.get("DUTY_ACCOUNT_PASSWORD") or self._ask_password()
        try:
            user = duty_account_create(username=username, full_name=full_name, duty=duty, password=password)
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from None
        self.stdout.write(f"已建立{user.get_duty_display()}账号 {user.username}")

    def _ask_password(self) -> str:
        password = getpass.getpass("密码：")
        if password != getpass.getpass("再输一次："):
            raise CommandError("两次输入的密码不一致")
        return password
