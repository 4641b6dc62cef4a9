from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from gonghui.core.identifiers import IdentifierError, parse_credit_code
from gonghui.core.services import (fields_assign, require_within, require_writer, require_writer_within,
                                   save_with_history)
from gonghui.core.scoping import contains, subtree_cache_forget

from .models import CommitteeBody, CommitteeSeat, Enterprise, Formation, Union, UnionGroup, UnionLevel, UnionMove

# Which levels may sit directly under which: streets under the county,
# grassroots unions under either federation, nothing under a grassroots union.
ALLOWED_PARENT_LEVELS = {
    UnionLevel.STREET: {UnionLevel.COUNTY},
    UnionLevel.GRASSROOTS: {UnionLevel.COUNTY, UnionLevel.STREET},
}


def _check_union_shape(union: Union) -> None:
    errors = {}
    if union.level == UnionLevel.GRASSROOTS:
        if not union.formation:
            errors["formation"] = "基层工会须选择组建方式（单建或联合）"
        if union.formation == Formation.JOINT and not union.joint_scope:
            errors["joint_scope"] = "联合工会须选择联合范围"
        if not union.org_type:
            errors["org_type"] = "基层工会须选择单位类型"
    else:
        union.formation = union.joint_scope = ""
    if union.formation == Formation.SINGLE:
        union.joint_scope = ""
    if errors:
        raise ValidationError(errors)


def _check_code(union: Union) -> None:
    if Union.objects.filter(tenant_id=union.tenant_id, code=union.code).exclude(pk=union.pk).exists():
        raise ValidationError({"code": "该工会代码已被使用"})


def _check_parent(level: str, parent: Union) -> None:
    if level not in UnionLevel.values:
        raise ValidationError({"level": "请选择工会层级"})
    if parent.level not in ALLOWED_PARENT_LEVELS.get(level, set()):
        raise ValidationError({"parent": f"{UnionLevel(level).label}不能设在{parent.get_level_display()}之下"})


@transaction.atomic
def union_create(*, actor, parent: Union, name: str, code: str, level: str, formation: str = "",
                 joint_scope: str = "", org_type: str = "", founded_on: date | None = None,
                 address: str = "") -> Union:
    require_writer_within(actor, parent, field="parent")
    union = Union(name=name, code=code, level=level, formation=formation, joint_scope=joint_scope,
                  org_type=org_type, founded_on=founded_on, address=address, tenant_id=parent.tenant_id)
    _check_parent(level, parent)
    _check_union_shape(union)
    _check_code(union)
    union.full_clean(exclude=["path", "depth", "numchild"], validate_constraints=False)
    union._history_user = actor
    subtree_cache_forget()
    return Union.objects.add_child(parent, instance=union)


@transaction.atomic
def union_update(*, actor, union: Union, **fields) -> Union:
    require_writer_within(actor, union)
    fields_assign(union, fields, ("name", "code", "formation", "joint_scope", "org_type", "founded_on", "address"))
    _check_union_shape(union)
    _check_code(union)
    union.full_clean(exclude=["path", "depth", "numchild"], validate_constraints=False)
    save_with_history(union, actor=actor)
    return union


@transaction.atomic
def union_move(*, actor, union: Union, new_parent: Union) -> Union:
    """Move a union (and its subtree) under another parent; the move is recorded."""
    require_writer_within(actor, union)
    require_within(actor, new_parent, field="parent")
    if contains(union, new_parent):
        raise ValidationError({"parent": "不能把工会移到它自己或它的下级组织之下"})
    if union.path == actor.union.path:
        raise ValidationError({"parent": "不能移动自己所在的工会"})
    _check_parent(union.level, new_parent)
    old_parent = Union.objects.get_parent(union)
    if old_parent.pk == new_parent.pk:
        return union
    Union.objects.move(union, new_parent, pos="last-child")
    subtree_cache_forget()
    union.refresh_from_db()
    save_with_history(union, actor=actor)
    UnionMove.objects.create(tenant_id=union.tenant_id, union=union, from_parent=old_parent,
                             to_parent=new_parent, moved_by=actor)
    return union


@transaction.atomic
def group_create(*, actor, union: Union, name: str, leader_name: str = "") -> UnionGroup:
    require_writer_within(actor, union)
    if union.level != UnionLevel.GRASSROOTS:
        raise ValidationError({"union": "工会小组只能设在基层工会内"})
    group = UnionGroup(tenant_id=union.tenant_id, union=union, name=name, leader_name=leader_name)
    group.full_clean()
    save_with_history(group, actor=actor)
    return group


def _credit_code(raw: str, *, override: bool) -> str:
    try:
        return parse_credit_code(raw)
    except IdentifierError as exc:
        text = "".join(str(raw).split()).upper()
        # Early pilot codes can fail the check although genuine: an officer may
        # confirm one, and who did is recorded on the enterprise.
        if override and len(text) == 18:
            return text
        raise ValidationError({"credit_code": str(exc)}) from None


def _enterprise_save(enterprise: Enterprise, *, actor, credit_code: str, override: bool) -> Enterprise:
    enterprise.credit_code = _credit_code(credit_code, override=override)
    try:
        parse_credit_code(enterprise.credit_code)
        enterprise.credit_code_override_by = None
    except IdentifierError:
        enterprise.credit_code_override_by = actor
    require_within(actor, enterprise.union)
    enterprise.full_clean(validate_constraints=False)
    clash = Enterprise.objects.filter(tenant_id=enterprise.tenant_id, credit_code=enterprise.credit_code)
    if clash.exclude(pk=enterprise.pk).exists():
        raise ValidationError({"credit_code": "该统一社会信用代码已登记过企业"})
    save_with_history(enterprise, actor=actor)
    return enterprise


@transaction.atomic
def enterprise_create(*, actor, union: Union, name: str, credit_code: str, industry: str = "",
                      headcount: int = 0, above_designated_size: bool = False, address: str = "",
                      override_check: bool = False) -> Enterprise:
    require_writer(actor)
    enterprise = Enterprise(tenant_id=actor.union.tenant_id, union=union, name=name, industry=industry,
                            headcount=headcount, above_designated_size=above_designated_size, address=address)
    return _enterprise_save(enterprise, actor=actor, credit_code=credit_code, override=override_check)


@transaction.atomic
def enterprise_update(*, actor, enterprise: Enterprise, credit_code: str, override_check: bool = False,
                      **fields) -> Enterprise:
    require_writer_within(actor, enterprise.union)
    for key in ("union", "name", "industry", "headcount", "above_designated_size", "address"):
        if key in fields:
            setattr(enterprise, key, fields[key])
    return _enterprise_save(enterprise, actor=actor, credit_code=credit_code, override=override_check)


@transaction.atomic
def seat_create(*, actor, union: Union, body: str, role: str, person_name: str, term_start: date,
                term_end: date) -> CommitteeSeat:
    require_writer_within(actor, union)
    if term_end <= term_start:
        raise ValidationError({"term_end": "任期结束日期须晚于开始日期"})
    seat = CommitteeSeat(tenant_id=union.tenant_id, union=union, body=body or CommitteeBody.COMMITTEE, role=role,
                         person_name=person_name, term_start=term_start, term_end=term_end)
    seat.full_clean()
    save_with_history(seat, actor=actor)
    return seat
