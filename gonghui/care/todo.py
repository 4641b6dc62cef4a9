"""The care lines of the home page's to-do card (registered in CareConfig.ready())."""

from datetime import date

from gonghui.core.registry import TodoLine, todo_line, todo_url

from .choices import HardshipFileStatus
from .selectors import hardship_todo


def todo_lines(*, user, today: date) -> list[TodoLine]:
    todo = hardship_todo(user=user, today=today)
    return [
        *todo_line(todo.union_review, f"困难职工档案待初审 {todo.union_review} 份",
                   todo_url("care:files", query={"status": HardshipFileStatus.APPLIED})),
        *todo_line(todo.federation_review, f"困难职工档案待总工会审核 {todo.federation_review} 份",
                   todo_url("care:files", query={"status": HardshipFileStatus.UNION_APPROVED})),
        *todo_line(todo.yearly_review, f"困难职工档案超过一年未复核 {todo.yearly_review} 份", todo_url("care:watch")),
    ]
