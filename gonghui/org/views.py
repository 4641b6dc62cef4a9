from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from gonghui.core.pages import form_page, paginate

from . import selectors, services
from .filters import EnterpriseFilters
from .forms import EnterpriseForm, GroupForm, MoveForm, SeatForm, UnionEditForm, UnionForm
from .models import UnionLevel, Union


@login_required
def tree_page(request):
    return render(request, "org/tree.html", {"rows": selectors.tree_with_counts(user=request.user)})


@login_required
def union_detail_page(request, pk: int):
    union = selectors.union_get(user=request.user, pk=pk)
    return render(request, "org/detail.html", {
        "union": union,
        "parent": Union.objects.get_parent(union),
        "coverage": selectors.coverage_for(user=request.user, union=union),
        "children": Union.objects.get_children(union),
        "groups": selectors.group_list(user=request.user, union=union),
        "seats": selectors.seat_list(user=request.user, union=union),
        "enterprises": selectors.enterprise_list(user=request.user).filter(union=union)[:50],
        "moves": union.moves.select_related("from_parent", "to_parent", "moved_by"),
    })


def _detail_url(union) -> str:
    return reverse("org:detail", args=[union.pk])


@login_required
def union_create_page(request, pk: int):
    parent = selectors.union_get(user=request.user, pk=pk)
    return form_page(request, form_class=UnionForm, title=f"在“{parent.name}”下新建工会",
                     service=lambda d: services.union_create(actor=request.user, parent=parent, **d),
                     success=_detail_url, cancel_url=_detail_url(parent), initial={"level": UnionLevel.GRASSROOTS})


@login_required
def union_edit_page(request, pk: int):
    union = selectors.union_get(user=request.user, pk=pk)
    fields = ("name", "code", "formation", "joint_scope", "org_type", "founded_on", "address")
    return form_page(request, form_class=UnionEditForm, title=f"编辑：{union.name}",
                     service=lambda d: services.union_update(actor=request.user, union=union, **d),
                     success=_detail_url, cancel_url=_detail_url(union),
                     initial={f: getattr(union, f) for f in fields})


@login_required
def union_move_page(request, pk: int):
    union = selectors.union_get(user=request.user, pk=pk)
    parents = selectors.union_list(user=request.user).exclude(level=UnionLevel.GRASSROOTS)
    return form_page(request, form_class=MoveForm, title=f"调整隶属关系：{union.name}",
                     service=lambda d: services.union_move(actor=request.user, union=union, new_parent=d["parent"]),
                     success=_detail_url, cancel_url=_detail_url(union), form_kwargs={"parents": parents},
                     submit_label="移动")


@login_required
def group_create_page(request, pk: int):
    union = selectors.union_get(user=request.user, pk=pk)
    return form_page(request, form_class=GroupForm, title=f"新建工会小组：{union.name}",
                     service=lambda d: services.group_create(actor=request.user, union=union, **d),
                     success=lambda g: _detail_url(union), cancel_url=_detail_url(union))


@login_required
def seat_create_page(request, pk: int):
    union = selectors.union_get(user=request.user, pk=pk)
    return form_page(request, form_class=SeatForm, title=f"添加委员会成员：{union.name}",
                     service=lambda d: services.seat_create(actor=request.user, union=union, **d),
                     success=lambda s: _detail_url(union), cancel_url=_detail_url(union))


@login_required
def enterprise_create_page(request, pk: int):
    union = selectors.union_get(user=request.user, pk=pk)
    return form_page(request, form_class=EnterpriseForm, title=f"登记企业：{union.name}",
                     service=lambda d: services.enterprise_create(actor=request.user, union=union, **d),
                     success=lambda e: _detail_url(union), cancel_url=_detail_url(union))


@login_required
def enterprise_edit_page(request, pk: int):
    enterprise = selectors.enterprise_get(user=request.user, pk=pk)
    fields = ("name", "credit_code", "industry", "headcount", "above_designated_size", "address")
    return form_page(request, form_class=EnterpriseForm, title=f"编辑企业：{enterprise.name}",
                     service=lambda d: services.enterprise_update(actor=request.user, enterprise=enterprise, **d),
                     success=lambda e: reverse("org:enterprises"), cancel_url=reverse("org:enterprises"),
                     initial={f: getattr(enterprise, f) for f in fields})


@login_required
def enterprise_list_page(request):
    filters, qs = EnterpriseFilters.listed(request, selectors.enterprise_list)
    return render(request, "org/enterprises.html", {"form": filters.form, "page": paginate(request, qs)})
