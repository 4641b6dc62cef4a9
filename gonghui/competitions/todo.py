"""The competitions lines of the home page's to-do card (registered in CompetitionsConfig.ready())."""

from datetime import date

from gonghui.core.registry import TodoLine, todo_line, todo_url

from .selectors import competitions_todo


def todo_lines(*, user, today: date) -> list[TodoLine]:
    todo = competitions_todo(user=user, today=today)
    return [
        *todo_line(todo.nominations, f"下级推荐的评先对象待考核审批 {todo.nominations} 个",
                   todo_url("competitions:nominations")),
        *todo_line(todo.unranked, f"已结束的劳动竞赛待排名 {todo.unranked} 项", todo_url("competitions:competitions")),
    ]
