"""Helpers shared by every app's write layer."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.core.scoping import is_within


def require_writer(actor) -> None:
    if not getattr(actor, "can_write", False):
        raise PermissionDenied("当前账号为只读，不能修改数据")


def require_within(actor, union, *, field: str = "union") -> None:
    """A target union outside the actor's subtree is reported as not found, as a 404 would be."""
    if not is_within(actor, union):
        raise ValidationError({field: "找不到该工会，或不在您的管辖范围内"})


def require_writer_within(actor, union, *, field: str = "union") -> None:
    """A write on a union's records: a writer's account, and the union in the actor's subtree."""
    require_writer(actor)
    require_within(actor, union, field=field)


def fields_assign(instance, fields: dict, editable) -> None:
    """An update sets only the fields its form edits; any other name is refused at that name, not ignored."""
    unknown = set(fields) - set(editable)
    if unknown:
        raise ValidationError({key: "该字段不能在此修改" for key in unknown})
    for key, value in fields.items():
        setattr(instance, key, value)


def text_required(record, errors: dict, **labels: str) -> None:
    """Text fields that must say something: stripped, and "请填写…" at the empty ones."""
    for name, label in labels.items():
        setattr(record, name, (getattr(record, name) or "").strip())
        if not getattr(record, name):
            errors[name] = f"请填写{label}"


def checked_save(record, errors: dict, *, actor, exclude=()):
    """The errors gathered so far raised together, else the model's own checks, then a save with history."""
    if errors:
        raise ValidationError(errors)
    record.full_clean(exclude=["tenant", "union", *exclude])
    save_with_history(record, actor=actor)
    return record


def check_and_save(record, check: Callable[[object, dict], None], *, actor, exclude=()):
    """checked_save after the record's own checks, each adding its errors by field (`check(record, errors)`)."""
    errors: dict[str, str] = {}
    check(record, errors)
    return checked_save(record, errors, actor=actor, exclude=exclude)


def checked_create(model, *, actor, union, check: Callable[[object, dict], None], exclude=(), **fields):
    """A new record of a union, by a writer who reaches it, through check_and_save."""
    require_writer_within(actor, union)
    return check_and_save(model(tenant_id=union.tenant_id, union=union, **fields), check, actor=actor,
                          exclude=exclude)


def checked_update(record, *, actor, fields: dict, editable, check: Callable[[object, dict], None], exclude=()):
    """An edit of a union's record, only the fields its form edits, through check_and_save."""
    return check_and_save(_edited(record, actor=actor, fields=fields, editable=editable), check, actor=actor,
                          exclude=exclude)


def _edited(record, *, actor, fields: dict, editable):
    """The record with the edit applied, once the actor may write it."""
    require_writer_within(actor, record.union)
    fields_assign(record, fields, editable)
    return record


def record_create(model, *, actor, union, check: Callable[[object], None], **fields):
    """A new record of a union, by a writer who reaches it: the record's checks, then a save with history."""
    require_writer_within(actor, union)
    record = model(tenant_id=union.tenant_id, union=union, **fields)
    check(record)
    save_with_history(record, actor=actor)
    return record


def record_update(record, *, actor, fields: dict, editable, check: Callable[[object], None]):
    """An edit of a union's record: who may, only the fields its form edits, the record's checks, a save with history."""
    check(_edited(record, actor=actor, fields=fields, editable=editable))
    save_with_history(record, actor=actor)
    return record


def record_delete(record, *, actor) -> None:
    """A union's record deleted by a writer who reaches it, the history naming who."""
    require_writer_within(actor, record.union)
    delete_with_history(record, actor=actor)


def save_with_history(instance, *, actor) -> None:
    instance._history_user = actor
    instance.save()


def delete_with_history(instance, *, actor) -> None:
    """The audit trail's last version of a deleted record names who deleted it."""
    instance._history_user = actor
    instance.delete()


def access_log_record(*, user, obj, action: str, detail: str = "") -> None:
    """Reads of sensitive records are written down: who saw what, when."""

    access_logs_record(user=user, objs=[obj], action=action, detail=lambda _: detail)


def access_logs_record(*, user, objs, action: str, detail=lambda obj: "") -> None:
    """The same for a list of records read at once (an API page): one INSERT, one entry per record."""
    from gonghui.core.models import AccessLog

    AccessLog.objects.bulk_create([
        AccessLog(tenant_id=obj.tenant_id, user=user, action=action, object_type=obj._meta.label,
                  object_id=str(obj.pk), detail=detail(obj)[:300]) for obj in objs])
