from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "gonghui.members"
    label = "members"
    verbose_name = "会员"

    def ready(self) -> None:
        # The home page and org's pages (below members) read these through the registry.
        from gonghui.core import registry
        from gonghui.core.figures import forget_on_write
        from gonghui.org.selectors import COVERAGE

        from . import selectors, todo
        from .models import Member

        registry.todo_register(self.label, todo.todo_lines)
        registry.provide("members.active_count_by_union", selectors.active_count_by_union)
        registry.provide("members.active_count_within", selectors.active_count_within)
        # org's coverage figures count active members (a roster import forgets them in its service).
        forget_on_write(COVERAGE, Member)
