"""/api/welfare/: for each record type (kinds.KINDS) its list, with the page's filters, and its create.

The schemas are the models' own fields (ninja's create_schema); a member is named by id, looked up among the
members the user may see and reported at the field `member` when it is not one of them.
"""

from django.core.exceptions import ValidationError
from ninja import Query, Router, Status
from ninja.orm import create_schema

from gonghui.core.api import Page
from gonghui.core.filters import filtered_page
from gonghui.members.selectors import member_find
from gonghui.org.selectors import union_get

from . import selectors
from .kinds import KINDS, Kind
from .services import NOT_YOURS_MEMBER

router = Router(tags=["welfare"])
MAX_ID = 2**63 - 1


def _member(request, data: dict) -> None:
    """`member` in a payload is an id; the service gets the member, or the field's error."""
    if data.get("member") is None:
        return
    # An id no table holds (SQLite cannot even bind one beyond 64 bits) is not found, not a server error.
    within_range = 1 <= data["member"] <= MAX_ID
    member = member_find(user=request.user, pk=data["member"]) if within_range else None
    if member is None:
        raise ValidationError({"member": NOT_YOURS_MEMBER})
    data["member"] = member


def _schemas(kind: Kind):
    name = kind.model.__name__
    out = create_schema(kind.model, name=f"{name}Out", fields=["id", "union", *kind.fields])
    # The service says what is missing, at its field and in Chinese (a member's record needs no name).
    payload = create_schema(kind.model, name=f"{name}In", fields=list(kind.fields), optional_fields=list(kind.fields))
    return out, payload


def _routes(kind: Kind) -> None:
    out, payload_schema = _schemas(kind)
    query_schema = kind.filters.query_schema()
    select = lambda *, user, filters: selectors.welfare_list(user=user, model=kind.model, filters=filters)  # noqa: E731

    def list_records(request, query: Query[query_schema]):
        return filtered_page(request, query, kind.filters, select)

    def create_record(request, union_id: int, payload: payload_schema):
        union = union_get(user=request.user, pk=union_id)
        data = payload.dict(exclude_unset=True)
        _member(request, data)
        return Status(201, kind.create(actor=request.user, union=union, **data))

    router.get(f"/{kind.path}", response=Page[out], summary=f"{kind.title}列表",
               operation_id=f"welfare_{kind.name}_list")(list_records)
    router.post(f"/unions/{{union_id}}/{kind.path}", response={201: out}, summary=f"登记{kind.title}",
                operation_id=f"welfare_{kind.name}_create")(create_record)


for _kind in KINDS:
    _routes(_kind)
