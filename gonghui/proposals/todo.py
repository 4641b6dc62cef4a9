"""The proposal lines of the home page's to-do card (registered in ProposalsConfig.ready()): an overdue
assignment shows on the card of the handling department's officer and on the committee's; the review, the
assignment and the check of replies on the cards of the committee's members (`CommitteeMember`)."""

from datetime import date

from gonghui.core.registry import TodoLine, todo_line, todo_url

from .models import ProposalState
from .selectors import proposals_todo


def todo_lines(*, user, today: date) -> list[TodoLine]:
    todo = proposals_todo(user=user, today=today)
    overdue = todo_url("proposals:proposals", query={"overdue": "yes"})
    return [
        *todo_line(todo.overdue_mine, f"本部门承办的提案逾期未答复 {todo.overdue_mine} 件", overdue),
        *todo_line(todo.overdue, f"交办的提案逾期未答复 {todo.overdue} 件", overdue),
        *todo_line(todo.to_review, f"提案待审查立案 {todo.to_review} 件",
                   todo_url("proposals:proposals", query={"state": ProposalState.SUBMITTED})),
        *todo_line(todo.to_assign, f"提案已立案待交办 {todo.to_assign} 件",
                   todo_url("proposals:proposals", query={"state": ProposalState.ACCEPTED})),
        *todo_line(todo.replies_to_check, f"提案答复待审核 {todo.replies_to_check} 件",
                   todo_url("proposals:proposals", query={"state": ProposalState.REPLIED})),
        *todo_line(todo.follow_up_due, f"已办结提案过了计划完成日期尚未落实 {todo.follow_up_due} 件",
                   todo_url("proposals:proposals", query={"state": ProposalState.CLOSED})),
    ]
