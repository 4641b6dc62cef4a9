"""The rosters' line of the home page's to-do card (registered in RostersConfig.ready())."""

from gonghui.core.registry import TodoLine, todo_line, todo_url

from .selectors import imports_awaiting_decision_count


def todo_lines(*, user, today) -> list[TodoLine]:
    n = imports_awaiting_decision_count(user=user)
    return todo_line(n, f"{n} 份花名册待确认导入", todo_url("rosters:index"))
