"""The congress lines of the home page's to-do card (registered in CongressConfig.ready())."""

from datetime import date

from gonghui.core.registry import TodoLine, todo_line, todo_url

from .selectors import congress_todo


def todo_lines(*, user, today: date) -> list[TodoLine]:
    todo = congress_todo(user=user, today=today)
    return todo_line(todo.vacated, f"代表已离开本工会、席位待补选 {todo.vacated} 名",
                     todo_url("congress:delegates", query={"state": "vacated"}))
