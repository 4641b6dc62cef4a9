"""The audit administrator's reads as JSON: the access log and the audit trail, filtered as on the pages."""

from datetime import date, datetime
from typing import Annotated

from ninja import Query, Router, Schema
from pydantic import Field

from gonghui.core.api import Page, PageNumber, RecordId, page_of
from gonghui.core.pages import FIRST_YEAR, LAST_YEAR

from . import selectors
from .audit import access_log_row

router = Router(tags=["accounts"])

# A day of union work: 0001-01-01 or 9999-12-31 would overflow the day's bounds in local time.
Day = Annotated[date, Field(ge=date(FIRST_YEAR, 1, 1), le=date(LAST_YEAR, 12, 31))]


class AccessLogOut(Schema):
    at: datetime
    username: str
    user_name: str
    action: str
    record_type: str
    record_id: str
    detail: str


class HistoryOut(Schema):
    history_date: datetime
    username: str
    type: str
    record_type: str
    record_type_label: str
    record_id: int


class DayRange(Schema):
    user: str = ""
    start: Day | None = None
    end: Day | None = None
    page: PageNumber = 1


class AccessLogQuery(DayRange):
    object_type: str = ""
    record_id: RecordId | None = None


def _params(query: Schema, **renamed) -> dict:
    """The filters the FilterSet reads, as the page's query string would carry them."""
    values = query.dict(exclude={"page", *renamed}) | {new: getattr(query, old) for old, new in renamed.items()}
    return {key: value for key, value in values.items() if value not in (None, "")}


@router.get("/access-log", response=Page[AccessLogOut], summary="访问日志（审计管理员；号码已脱敏）")
def list_access_log(request, query: Query[AccessLogQuery]):
    _, entries = selectors.access_log_list(user=request.user, params=_params(query, record_id="object_id"))
    page = page_of(entries, page=query.page)
    return page | {"results": [access_log_row(e) for e in page["results"]]}


@router.get("/history", response=Page[HistoryOut], summary="修改记录（审计管理员；不含记录内容）")
def list_history(request, query: Query[DayRange]):
    _, versions = selectors.history_list(user=request.user, params=_params(query))
    page = page_of(versions, page=query.page)
    return page | {"results": selectors.history_rows(user=request.user, versions=page["results"])}
