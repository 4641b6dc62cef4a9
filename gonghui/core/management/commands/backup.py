from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from gonghui.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "备份数据库（PostgreSQL 用 pg_dump，SQLite 在线复制）和上传的文件，附各表行数清单"

    def add_arguments(self, parser):
        parser.add_argument("--dest", type=Path, default=settings.BACKUP_DIR,
                            help="the folder that receives one timestamped folder per backup")
        parser.add_argument("--database", default="default")

    def handle(self, *args, dest: Path, database: str, **options):
        try:
            backup = backup_create(dest=dest, using=database)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        manifest = backup.manifest
        self.stdout.write(f"{backup.folder}: {len(manifest['tables'])} tables, "
                          f"{sum(manifest['tables'].values())} rows, {manifest['media_files']['files']} files, "
                          f"{manifest['seconds']} s")
