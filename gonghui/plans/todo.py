"""The plans' lines of the home page's to-do card (registered in PlansConfig.ready())."""

from datetime import date

from gonghui.core.registry import TodoLine, todo_line, todo_url

from .selectors import plan_todo


def todo_lines(*, user, today: date) -> list[TodoLine]:
    todo = plan_todo(user=user, today=today)
    lines = []
    if todo.plan is None:
        lines.append(TodoLine(text="本年工作计划尚未制定", url=todo_url("plans:create", user.union_id)))
    else:
        if not todo.filed:
            lines.append(TodoLine(text="本年工作计划尚未报送", url=todo_url("plans:detail", todo.plan.pk)))
        lines += todo_line(todo.overdue, f"{todo.overdue} 个计划事项逾期", todo_url("plans:detail", todo.plan.pk))
    lines += todo_line(todo.unfiled, f"{todo.unfiled} 个下级工会未报送本年工作计划",
                       todo_url("plans:list", query={"year": todo.year}, fragment="missing"))
    return lines
