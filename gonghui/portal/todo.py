"""The member portal's lines of the home page's to-do card (registered in PortalConfig.ready())."""

from datetime import date

from gonghui.core.registry import TodoLine, todo_line, todo_url
from gonghui.core.scoping import may_access_care

from .models import RequestStatus
from .selectors import portal_todo


def todo_lines(*, user, today: date) -> list[TodoLine]:
    todo = portal_todo(user=user)
    lines = []
    if may_access_care(user):
        lines += todo_line(todo["aid"], f"会员网上帮扶申请待受理 {todo['aid']} 件",
                           todo_url("portal:aid_requests", query={"status": RequestStatus.SENT}))
    return [*lines,
            *todo_line(todo["transfers"], f"会员转会申请待办理 {todo['transfers']} 件", todo_url("portal:transfer_asks")),
            *todo_line(todo["joins"], f"职工入会申请待分配 {todo['joins']} 件",
                       todo_url("portal:joins", query={"status": RequestStatus.SENT})),
            *todo_line(todo["closures"], f"会员服务账号注销申请 {todo['closures']} 件", todo_url("portal:closures"))]
