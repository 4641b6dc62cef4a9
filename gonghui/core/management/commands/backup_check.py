from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from gonghui.core.backup import counts_compare, manifest_read, table_counts


class Command(BaseCommand):
    help = "恢复后核对：当前数据库各表行数与备份清单一致"

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="the backup folder (holding manifest.json)")
        parser.add_argument("--database", default="default")

    def handle(self, *args, folder: Path, database: str, **options):
        expected = manifest_read(folder)["tables"]
        connection = connections[database]
        with connection.cursor() as cursor:
            present = set(connection.introspection.table_names(cursor)) & set(expected)
            differences = counts_compare(expected, table_counts(cursor, present))
        for table, (wanted, found) in differences.items():
            self.stderr.write(f"{table}: {wanted} in the backup, {'missing' if found is None else found} here")
        if differences:
            raise CommandError(f"{len(differences)} of {len(expected)} tables differ from the backup")
        self.stdout.write(f"{len(expected)} tables match the backup")
