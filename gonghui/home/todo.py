"""The home page's to-do card: what waits for the user, one line per kind of work, in a fixed order.

Each app counts its own work in its selectors, scoped as its pages are (the care grant included), words
its lines in its own `todo.py` and registers them in its AppConfig.ready(); the card shows them in the
order of INSTALLED_APPS. Each line links to the page where the work is done, filtered where that page can be.
"""

from datetime import date

from gonghui.core.figure_cache import remembered_for_user
from gonghui.core.registry import TodoLine, todo_sources


def todo_lines(*, user, today: date) -> list[TodoLine]:
    # Every line is work to do, and a read-only account does none: the auditor's card stays empty.
    if not user.can_write:
        return []
    # Kept like the figures: a line disappears the moment the work is done (any write forgets it).
    return remembered_for_user("todo", user=user, day=today, compute=lambda: [
        line for lines in todo_sources() for line in lines(user=user, today=today)])
