import unicodedata
from argparse import BooleanOptionalAction

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from gonghui.demo.county import County, build_county
from gonghui.demo.logins import DEMO_PASSWORD, describe_role
from gonghui.demo.reset import delete_demo, find_demo_root

# A year of plans, ledger, care and rights work is entered record by record through the services:
# right for a county to try the product in, too slow for the millions of members of a benchmark.
WORK_UP_TO = 100_000


class Command(BaseCommand):
    help = "Generate the demo county (deterministic from --seed); does nothing if it is already loaded."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--members", type=int, default=20_000, help="number of members (default 20000)")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument("--reset", action="store_true", help="delete the previous demo county first")
        parser.add_argument(
            "--work",
            action=BooleanOptionalAction,
            default=None,
            help=f"enter a year of plans, ledger, care and rights work (default: on up to {WORK_UP_TO:,} members)",
        )

    def handle(self, *args, members: int, seed: int, reset: bool, work: bool | None, **options) -> None:
        # The demo logins, a superuser among them, share one password that is in the source and printed below.
        if settings.PRODUCTION:
            raise CommandError("生产环境（DJANGO_ENV=production）不能载入演示数据：它会创建公开密码的超级用户。"
                               "(seed_demo refuses to run in production: it creates a superuser with a published password.)")
        if members < 0:
            raise CommandError("--members 不能为负数")
        if reset:
            removed = delete_demo()
            self.stdout.write(f"已删除旧的演示数据（{removed:,} 行）")
        elif (root := find_demo_root()) is not None:
            # `make run` calls this every time; a loaded county is not an error.
            self.stdout.write(f"演示数据已加载：{root.name}（如需重建请加 --reset）")
            return
        if work is None:
            work = members <= WORK_UP_TO
        county = build_county(seed=seed, members=members, stdout=self.stdout, work=work)
        self._summary(county)

    def _summary(self, county: County) -> None:
        tree = county.tree
        self.stdout.write(
            self.style.SUCCESS(
                f"{county.root.name}：{len(tree.streets)} 个街道/乡镇总工会，{len(tree.grassroots)} 个基层工会，"
                f"{len(tree.enterprises)} 家企业，{county.members:,} 名会员，用时 {county.seconds:.1f} 秒"
            )
        )
        if county.work is not None:
            for line in county.work.lines():
                self.stdout.write(f"  {line}")
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, user in county.users.items():
            node = user.union.name if user.union else "—"
            self.stdout.write(f"  {username:<13} {_pad(describe_role(user), 22)} {node}")


def _pad(text: str, width: int) -> str:
    """Left-justify by display width: Chinese characters take two columns in a terminal."""
    shown = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(0, width - shown)
