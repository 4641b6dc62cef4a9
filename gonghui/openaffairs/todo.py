"""The open-affairs lines of the home page's to-do card (registered in OpenAffairsConfig.ready())."""

from datetime import date

from gonghui.core.registry import TodoLine, todo_line, todo_url

from .models import CatalogueItemState, PostingStatus
from .selectors import openaffairs_todo


def todo_lines(*, user, today: date) -> list[TodoLine]:
    todo = openaffairs_todo(user=user, today=today)
    return [
        *todo_line(todo.missed, f"公开目录事项未按时公开 {todo.missed} 项",
                   todo_url("openaffairs:catalogue", query={"state": CatalogueItemState.MISSED})),
        *todo_line(todo.to_approve, f"公开事项待审批 {todo.to_approve} 项",
                   todo_url("openaffairs:postings", query={"status": PostingStatus.DRAFT})),
        *todo_line(todo.unanswered, f"职工提问和意见待答复 {todo.unanswered} 条",
                   todo_url("openaffairs:comments", query={"answered": "no"})),
    ]
