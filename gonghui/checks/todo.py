"""The checks lines of the home page's to-do card (registered in ChecksConfig.ready())."""

from datetime import date

from gonghui.core.registry import TodoLine, todo_line, todo_url

from .models import AssessmentStatus
from .selectors import checks_todo


def todo_lines(*, user, today: date) -> list[TodoLine]:
    todo = checks_todo(user=user, today=today)
    return [
        *todo_line(todo.self_open, f"考核自评待完成 {todo.self_open} 项",
                   todo_url("checks:assessments", query={"status": AssessmentStatus.SELF})),
        *todo_line(todo.to_review, f"考核自评待复核 {todo.to_review} 家",
                   todo_url("checks:assessments", query={"status": AssessmentStatus.SUBMITTED})),
        *todo_line(todo.publicity_over, f"公示期满待命名 {todo.publicity_over} 家",
                   todo_url("checks:assessments", query={"status": AssessmentStatus.PUBLICISED})),
        *todo_line(todo.notices_overdue, f"劳动法律监督意见书逾期未答复 {todo.notices_overdue} 份",
                   todo_url("checks:notices", query={"status": "open"})),
    ]
