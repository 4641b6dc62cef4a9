"""Removing a demo county and everything people did in it.

Rows go with plain DELETE ... WHERE tenant_id: the ORM's cascade collector
would load every member of a million-member county into memory first.
Foreign keys are deferred to commit (Django creates them DEFERRABLE
INITIALLY DEFERRED on PostgreSQL and SQLite), so the order of the deletes
within the transaction does not matter. On PostgreSQL the keys of the
big tables are dropped for the delete and added back after it (see
bulk.constraints_suspended): with a dozen tables pointing at members, the
per-row checks of a million deleted members took minutes.
"""

from django.apps import apps
from django.db import connection, transaction
from django.db.models import ForeignKey, Model, Q

from gonghui.accounts.models import User
from gonghui.org.models import Union

from .bulk import big_tables, constraints_suspended
from .logins import DEMO_USERNAMES
from .tree import DEMO_CODE


def find_demo_root() -> Union | None:
    return Union.objects.filter(depth=1, code=DEMO_CODE).first()


def _existing_models(*, include_auto_created: bool = False) -> list[type[Model]]:
    # A model whose migration has not been applied yet has no table to clear.
    tables = set(connection.introspection.table_names())
    return [m for m in apps.get_models(include_auto_created=include_auto_created) if m._meta.db_table in tables]


def _tenant_models() -> list[type[Model]]:
    """Every table keyed by tenant, history tables included; Union itself last."""
    found = []
    for model in _existing_models():
        field = next((f for f in model._meta.concrete_fields if f.name == "tenant"), None)
        if isinstance(field, ForeignKey) and field.related_model is Union and model is not Union:
            found.append(model)
    return [*found, Union]


def _through_tables(tenant_models: list[type[Model]]) -> list[tuple[type[Model], ForeignKey]]:
    """Many-to-many link tables that point at tenant rows; they carry no tenant of their own."""
    links = []
    for model in _existing_models(include_auto_created=True):
        if not model._meta.auto_created:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, ForeignKey) and field.related_model in tenant_models:
                links.append((model, field))
    return links


def _delete_where(table: str, condition: str, params: list) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)} WHERE {condition}", params)
        return cursor.rowcount


def delete_demo() -> int:
    """Delete the demo county and the demo users; returns the number of rows removed."""
    root = find_demo_root()
    users = Q(username__in=DEMO_USERNAMES)
    if root is not None:
        users |= Q(union__tenant_id=root.id)
    removed = 0
    with transaction.atomic(), constraints_suspended(models=big_tables(models=_tenant_models())):
        user_ids = list(User.objects.filter(users).values_list("id", flat=True))
        if root is not None:
            removed += _delete_tenant(root)
        # Users go through the ORM, after the rows that PROTECT them are gone:
        # they are few, and their admin log and the like should cascade as usual.
        removed += User.objects.filter(id__in=user_ids).delete()[0]
    return removed


def _delete_tenant(root: Union) -> int:
    quote = connection.ops.quote_name
    tenant_models = _tenant_models()
    removed = 0
    for model, field in _through_tables(tenant_models):
        target = field.related_model._meta
        tenant_column = target.get_field("tenant").column
        removed += _delete_where(
            model._meta.db_table,
            f"{quote(field.column)} IN (SELECT {quote(target.pk.column)} FROM {quote(target.db_table)} "
            f"WHERE {quote(tenant_column)} = %s)",
            [root.id],
        )
    for model in tenant_models:
        column = model._meta.get_field("tenant").column
        removed += _delete_where(model._meta.db_table, f"{quote(column)} = %s", [root.id])
    return removed
