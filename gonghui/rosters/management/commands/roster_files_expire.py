"""Run daily (cron or a systemd timer): uploaded rosters and exports hold full ID numbers."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from gonghui.rosters.services import roster_files_expire


class Command(BaseCommand):
    help = "删除超过保留天数（ROSTER_KEEP_DAYS）的花名册上传文件、错误清单和导出文件"

    def handle(self, *args, **options):
        counts = roster_files_expire(now=timezone.now())
        self.stdout.write(f"已删除文件：导入 {counts['imports']} 个，导出 {counts['exports']} 个")
