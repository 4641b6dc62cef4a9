"""The finance lines of the home page's to-do card (registered in FinanceConfig.ready())."""

from datetime import date

from gonghui.core.registry import TodoLine, todo_line, todo_url

from .selectors import finance_todo


def todo_lines(*, user, today: date) -> list[TodoLine]:
    todo = finance_todo(user=user, today=today)
    return [
        *todo_line(todo.to_post, f"记账凭证待审批记账 {todo.to_post} 张", todo_url("finance:vouchers")),
        *todo_line(todo.overdue_findings, f"经费审查问题逾期未整改 {todo.overdue_findings} 个",
                   todo_url("finance:findings", query={"state": "overdue"})),
        *todo_line(todo.arrears, f"企业欠缴工会经费超过3个月 {todo.arrears} 家", todo_url("finance:arrears")),
    ]
