"""The members' lines of the home page's to-do card (registered in MembersConfig.ready())."""

from gonghui.core.registry import TodoLine, todo_line, todo_url

from .selectors import transfers_incoming_count


def todo_lines(*, user, today) -> list[TodoLine]:
    n = transfers_incoming_count(user=user)
    return todo_line(n, f"{n} 件转会待接收", todo_url("members:transfers"))
