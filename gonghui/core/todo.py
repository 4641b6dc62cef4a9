"""The home page's to-do card: what waits for the user, one line per kind of work, in a fixed order.

Each app counts its own work in its selectors, scoped as its pages are (the care grant included); this
module only words the lines and links each to the page where the work is done, filtered where that page
can be. A line appears only when something waits.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.urls import reverse

from gonghui.care.choices import FileStatus
from gonghui.care.selectors import hardship_todo
from gonghui.members.selectors import transfers_incoming_count
from gonghui.plans.selectors import plan_todo
from gonghui.rights.choices import CaseState, ContractState
from gonghui.rights.selectors import (
    DISPUTE_NEAR_DAYS,
    contract_warning_days,
    dispute_time_limit_days,
    near_limit_received,
    rights_todo,
)
from gonghui.rosters.selectors import imports_awaiting_decision_count


@dataclass(frozen=True)
class TodoLine:
    text: str
    url: str


def _url(name: str, *args, query: dict | None = None, fragment: str = "") -> str:
    url = reverse(name, args=args)
    if query:
        url += "?" + urlencode(query)
    return url + (f"#{fragment}" if fragment else "")


def _line(count: int, text: str, url: str) -> list[TodoLine]:
    return [TodoLine(text=text, url=url)] if count else []


def _members(user) -> list[TodoLine]:
    n = transfers_incoming_count(user=user)
    return _line(n, f"{n} 件转会待接收", _url("members:transfers"))


def _rosters(user) -> list[TodoLine]:
    n = imports_awaiting_decision_count(user=user)
    return _line(n, f"{n} 份花名册待确认导入", _url("rosters:index"))


def _plans(user, today: date) -> list[TodoLine]:
    todo = plan_todo(user=user, today=today)
    lines = []
    if todo.plan is None:
        lines.append(TodoLine(text="本年工作计划尚未制定", url=_url("plans:create", user.union_id)))
    else:
        if not todo.filed:
            lines.append(TodoLine(text="本年工作计划尚未报送", url=_url("plans:detail", todo.plan.pk)))
        lines += _line(todo.overdue, f"{todo.overdue} 个计划事项逾期", _url("plans:detail", todo.plan.pk))
    lines += _line(todo.unfiled, f"{todo.unfiled} 个下级工会未报送本年工作计划",
                   _url("plans:list", query={"year": todo.year}, fragment="missing"))
    return lines


def _care(user, today: date) -> list[TodoLine]:
    todo = hardship_todo(user=user, today=today)
    return [
        *_line(todo.union_review, f"困难职工档案待初审 {todo.union_review} 份",
               _url("care:files", query={"status": FileStatus.APPLIED})),
        *_line(todo.federation_review, f"困难职工档案待总工会审核 {todo.federation_review} 份",
               _url("care:files", query={"status": FileStatus.UNION_APPROVED})),
        *_line(todo.yearly_review, f"困难职工档案超过一年未复核 {todo.yearly_review} 份", _url("care:watch")),
    ]


def _rights(user, today: date) -> list[TodoLine]:
    todo = rights_todo(user=user, today=today)
    first, last = near_limit_received(today)
    near = {"state": CaseState.OPEN, "start": first.isoformat(), "end": last.isoformat()}
    return [
        *_line(todo.overdue, f"劳动争议超过{dispute_time_limit_days()}日未结 {todo.overdue} 件",
               _url("rights:disputes", query={"state": CaseState.OVERDUE})),
        *_line(todo.near_limit, f"劳动争议{DISPUTE_NEAR_DAYS}日内到期 {todo.near_limit} 件",
               _url("rights:disputes", query=near)),
        *_line(todo.expiring, f"集体合同{contract_warning_days()}日内到期 {todo.expiring} 份",
               _url("rights:contracts", query={"state": ContractState.EXPIRING})),
    ]


def todo_lines(*, user, today: date) -> list[TodoLine]:
    # Every line is work to do, and a read-only account does none: the auditor's card stays empty.
    if not user.can_write:
        return []
    return [*_members(user), *_rosters(user), *_plans(user, today), *_care(user, today), *_rights(user, today)]
