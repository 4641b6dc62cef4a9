"""The rights lines of the home page's to-do card (registered in RightsConfig.ready())."""

from datetime import date

from gonghui.core.registry import TodoLine, todo_line, todo_url

from .choices import CaseState, ContractState
from .selectors import (DISPUTE_NEAR_DAYS, contract_warning_days, dispute_time_limit_days, near_limit_received,
                        rights_todo)


def todo_lines(*, user, today: date) -> list[TodoLine]:
    todo = rights_todo(user=user, today=today)
    first, last = near_limit_received(today)
    near = {"state": CaseState.OPEN, "start": first.isoformat(), "end": last.isoformat()}
    return [
        *todo_line(todo.past_limit, f"劳动争议超过{dispute_time_limit_days()}日未结 {todo.past_limit} 件",
                   todo_url("rights:disputes", query={"state": CaseState.PAST_LIMIT})),
        *todo_line(todo.near_limit, f"劳动争议{DISPUTE_NEAR_DAYS}日内到期 {todo.near_limit} 件",
                   todo_url("rights:disputes", query=near)),
        *todo_line(todo.expiring, f"集体合同{contract_warning_days()}日内到期 {todo.expiring} 份",
                   todo_url("rights:contracts", query={"state": ContractState.EXPIRING})),
    ]
