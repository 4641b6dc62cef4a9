from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from gonghui.core.pages import fields_of, form_page, paginate, record_form_view
from gonghui.core.links import record_link

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


_detail_url = record_link("org:detail")


union_create_page = record_form_view(
    selectors.union_get, services.union_create, "parent", form_class=UnionForm,
    title=lambda parent: f"在“{parent.name}”下新建工会", back=_detail_url, success=_detail_url,
    initial=lambda request, parent: {"level": UnionLevel.GRASSROOTS})
union_edit_page = record_form_view(
    selectors.union_get, services.union_update, "union", form_class=UnionEditForm,
    title=lambda union: f"编辑：{union.name}", back=_detail_url, success=_detail_url,
    initial=fields_of(("name", "code", "formation", "joint_scope", "org_type", "founded_on", "address")))


@login_required
def union_move_page(request, pk: int):
    union = selectors.union_get(user=request.user, pk=pk)
    parents = selectors.union_list(user=request.user).exclude(level=UnionLevel.GRASSROOTS)
    return form_page(request, form_class=MoveForm, title=f"调整隶属关系：{union.name}",
                     service=lambda d: services.union_move(actor=request.user, union=union, new_parent=d["parent"]),
                     success=_detail_url, cancel_url=_detail_url(union), form_kwargs={"parents": parents},
                     submit_label="移动")


def _add_to_union(form_class, title: str, create):
    """The union page's "add" forms (a group, a seat, an enterprise): back to the union's page either way."""
    return record_form_view(selectors.union_get, create, "union", form_class=form_class,
                            title=lambda union: f"{title}：{union.name}", back=_detail_url)


group_create_page = _add_to_union(GroupForm, "新建工会小组", services.group_create)
seat_create_page = _add_to_union(SeatForm, "添加委员会成员", services.seat_create)
enterprise_create_page = _add_to_union(EnterpriseForm, "登记企业", services.enterprise_create)
enterprise_edit_page = record_form_view(
    selectors.enterprise_get, services.enterprise_update, "enterprise", form_class=EnterpriseForm,
    title=lambda enterprise: f"编辑企业：{enterprise.name}", back=lambda _: reverse("org:enterprises"),
    initial=fields_of(("name", "credit_code", "industry", "headcount", "above_designated_size", "address")))


@login_required
def enterprise_list_page(request):
    filters, qs = EnterpriseFilters.listed(request, selectors.enterprise_list)
    return render(request, "org/enterprises.html", {"form": filters.form, "page": paginate(request, qs)})
