from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gonghui.core.pages import FIRST_YEAR, LAST_YEAR
from gonghui.core.scoping import contains
from gonghui.core.services import (delete_with_history, record_delete, require_within, require_writer,
                                   require_writer_within, save_with_history)
from gonghui.org.models import Union

from .models import Plan, PlanItem, PlanItemStatus, PlanStatus, PlanTemplate, TemplateItem, months_to_mask

ITEM_FIELDS = ("area", "title", "detail", "months", "owner", "target_count", "target_unit", "position")


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError({"year": f"年度须在{FIRST_YEAR}年至{LAST_YEAR}年之间"})


def _months_mask(months: Iterable[int] | int) -> int:
    if isinstance(months, int):
        return months
    months = [int(m) for m in months]
    if not months:
        raise ValidationError({"months": "请至少选择一个月份"})
    if any(not 1 <= m <= 12 for m in months):
        raise ValidationError({"months": "月份须在1至12之间"})
    return months_to_mask(months)


def _apply_item_fields(item: PlanItem | TemplateItem, fields: dict) -> None:
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise ValidationError({key: "该字段不能在此修改" for key in unknown})
    for key, value in fields.items():
        setattr(item, key, _months_mask(value) if key == "months" else value)


def _check_item(item: PlanItem | TemplateItem) -> None:
    errors = {}
    item.title = (item.title or "").strip()
    if not item.title:
        errors["title"] = "请填写工作事项"
    if not 1 <= item.months <= 0xFFF:
        errors["months"] = "请至少选择一个月份"
    if item.target_count is not None and item.target_count < 0:
        errors["target_count"] = "目标数量不能为负数"
    if item.target_count is not None and item.target_count > 100_000:
        errors["target_count"] = "目标数量过大，请核对"
    if item.target_count and not item.target_unit:
        errors["target_unit"] = "有目标数量时请填写计量单位（如“次”“期”）"
    if errors:
        raise ValidationError(errors)
    item.full_clean(exclude=["tenant", "union", "plan", "template"], validate_constraints=False)


def _next_position(items) -> int:
    last = items.order_by("-position").values_list("position", flat=True).first()
    return (last or 0) + 10


def _copy_items(*, plan: Plan, sources, actor) -> None:
    """Copy lines from a template or an earlier plan; each new item starts afresh."""
    for source in sources:
        item = PlanItem(tenant_id=plan.tenant_id, plan=plan, union_id=plan.union_id, status=PlanItemStatus.ACTIVE,
                        **{f: getattr(source, f) for f in ITEM_FIELDS})
        save_with_history(item, actor=actor)


def _new_plan(*, actor, union: Union, year: int, guiding_ideas: str, key_tasks: str, source: str) -> Plan:
    require_writer_within(actor, union)
    _check_year(year)
    if Plan.objects.filter(tenant_id=union.tenant_id, union=union, year=year).exists():
        raise ValidationError({"year": f"{union.name}已有{year}年的工作计划"})
    plan = Plan(tenant_id=union.tenant_id, union=union, year=year, guiding_ideas=guiding_ideas,
                key_tasks=key_tasks, source=source, created_by=actor)
    plan.full_clean(exclude=["tenant", "union", "created_by"], validate_constraints=False)
    save_with_history(plan, actor=actor)
    return plan


@transaction.atomic
def plan_create(*, actor, union: Union, year: int, guiding_ideas: str = "", key_tasks: str = "") -> Plan:
    return _new_plan(actor=actor, union=union, year=year, guiding_ideas=guiding_ideas, key_tasks=key_tasks,
                     source="空白计划")


def template_usable_by(template: PlanTemplate, union: Union) -> bool:
    """Shipped templates serve everyone; a federation's own serve the unions beneath it."""
    if template.union_id is None:
        return True
    return contains(template.union, union)


@transaction.atomic
def plan_create_from_template(*, actor, union: Union, year: int, template: PlanTemplate) -> Plan:
    if not template_usable_by(template, union):
        raise ValidationError({"template": "该模板不适用于此工会"})
    plan = _new_plan(actor=actor, union=union, year=year, guiding_ideas=template.guiding_ideas,
                     key_tasks=template.key_tasks, source=f"模板：{template.name}")
    _copy_items(plan=plan, sources=template.items.all(), actor=actor)
    return plan


@transaction.atomic
def plan_copy_from_previous(*, actor, union: Union, year: int) -> Plan:
    previous = Plan.objects.filter(tenant_id=union.tenant_id, union=union, year=year - 1).first()
    if previous is None:
        raise ValidationError({"source": f"{union.name}没有{year - 1}年的工作计划，无法沿用"})
    plan = _new_plan(actor=actor, union=union, year=year, guiding_ideas=previous.guiding_ideas,
                     key_tasks=previous.key_tasks, source=f"沿用{year - 1}年计划")
    _copy_items(plan=plan, sources=previous.items.all(), actor=actor)
    return plan


@transaction.atomic
def plan_create_from_outline(*, actor, union: Union, year: int, source: str, items: Iterable[dict]) -> Plan:
    """A plan whose items are given lines (a year-end summary's headings), each checked as a typed item is."""
    plan = _new_plan(actor=actor, union=union, year=year, guiding_ideas="", key_tasks="", source=source)
    for fields in items:
        plan_item_create(actor=actor, plan=plan, **fields)
    return plan


@transaction.atomic
def plan_update(*, actor, plan: Plan, guiding_ideas: str, key_tasks: str) -> Plan:
    require_writer_within(actor, plan.union)
    plan.guiding_ideas, plan.key_tasks = guiding_ideas, key_tasks
    plan.full_clean(exclude=["tenant", "union", "created_by"], validate_constraints=False)
    save_with_history(plan, actor=actor)
    return plan


@transaction.atomic
def plan_file(*, actor, plan: Plan) -> Plan:
    """File (报送) the plan with the federation above; it stays editable as the year goes."""
    require_writer_within(actor, plan.union)
    if plan.status == PlanStatus.FILED:
        raise ValidationError({"__all__": "该计划已报送"})
    if not plan.items.exists():
        raise ValidationError({"__all__": "计划还没有工作事项，不能报送"})
    plan.status, plan.filed_at = PlanStatus.FILED, timezone.now()
    save_with_history(plan, actor=actor)
    return plan


def _item_saved(item, fields: dict, *, actor, siblings=None):
    """A plan's or a template's item with its fields (a new one after its siblings), checked, saved with history."""
    if siblings is not None:
        fields.setdefault("position", _next_position(siblings))
    _apply_item_fields(item, fields)
    _check_item(item)
    save_with_history(item, actor=actor)
    return item


@transaction.atomic
def plan_item_create(*, actor, plan: Plan, **fields) -> PlanItem:
    require_writer_within(actor, plan.union)
    item = PlanItem(tenant_id=plan.tenant_id, plan=plan, union_id=plan.union_id)
    return _item_saved(item, fields, actor=actor, siblings=plan.items)


@transaction.atomic
def plan_item_update(*, actor, item: PlanItem, status: str | None = None, **fields) -> PlanItem:
    require_writer_within(actor, item.union)
    _apply_item_fields(item, fields)
    if status is not None:
        if status not in PlanItemStatus.values:
            raise ValidationError({"status": "状态不正确"})
        item.status = status
    _check_item(item)
    save_with_history(item, actor=actor)
    return item


@transaction.atomic
def plan_item_delete(*, actor, item: PlanItem) -> None:
    """The ledger entries that fulfilled it stay in the ledger, no longer tied to a plan."""
    record_delete(item, actor=actor)


def _require_own_template(actor, template: PlanTemplate) -> None:
    require_writer(actor)
    if template.is_shipped:
        raise ValidationError({"__all__": "内置模板不能修改；可以复制为本会模板后再修改"})
    require_within(actor, template.union)


@transaction.atomic
def template_create(*, actor, union: Union, name: str, suited_for: str = "", source: PlanTemplate | Plan | None = None
                    ) -> PlanTemplate:
    """A federation's own template, blank or copied from a template it may use or from one of its plans."""
    require_writer_within(actor, union)
    if not union.is_federation:
        raise ValidationError({"union": "只有总工会可以制定计划模板"})
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "请填写模板名称"})
    if PlanTemplate.objects.filter(tenant_id=union.tenant_id, union=union, name=name).exists():
        raise ValidationError({"name": "本会已有同名模板"})
    if isinstance(source, PlanTemplate) and not template_usable_by(source, union):
        raise ValidationError({"source": "该模板不适用于此工会"})
    if isinstance(source, Plan):
        require_within(actor, source.union, field="source")
    template = PlanTemplate(tenant_id=union.tenant_id, union=union, name=name, suited_for=suited_for,
                            guiding_ideas=getattr(source, "guiding_ideas", ""), key_tasks=getattr(source, "key_tasks", ""))
    template.full_clean(exclude=["tenant", "union"], validate_constraints=False)
    save_with_history(template, actor=actor)
    for line in (source.items.all() if source else ()):
        save_with_history(TemplateItem(template=template, **{f: getattr(line, f) for f in ITEM_FIELDS}), actor=actor)
    return template


@transaction.atomic
def template_update(*, actor, template: PlanTemplate, name: str, suited_for: str, guiding_ideas: str,
                    key_tasks: str) -> PlanTemplate:
    _require_own_template(actor, template)
    name = (name or "").strip()
    if PlanTemplate.objects.filter(tenant_id=template.tenant_id, union_id=template.union_id, name=name
                                   ).exclude(pk=template.pk).exists():
        raise ValidationError({"name": "本会已有同名模板"})
    template.name, template.suited_for, template.guiding_ideas, template.key_tasks = (
        name, suited_for, guiding_ideas, key_tasks)
    template.full_clean(exclude=["tenant", "union"], validate_constraints=False)
    save_with_history(template, actor=actor)
    return template


@transaction.atomic
def template_delete(*, actor, template: PlanTemplate) -> None:
    _require_own_template(actor, template)
    delete_with_history(template, actor=actor)


@transaction.atomic
def template_item_create(*, actor, template: PlanTemplate, **fields) -> TemplateItem:
    _require_own_template(actor, template)
    return _item_saved(TemplateItem(template=template), fields, actor=actor, siblings=template.items)


@transaction.atomic
def template_item_update(*, actor, item: TemplateItem, **fields) -> TemplateItem:
    _require_own_template(actor, item.template)
    return _item_saved(item, fields, actor=actor)


@transaction.atomic
def template_item_delete(*, actor, item: TemplateItem) -> None:
    _require_own_template(actor, item.template)
    delete_with_history(item, actor=actor)
