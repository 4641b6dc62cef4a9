from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "gonghui.portal"
    label = "portal"
    verbose_name = "会员服务"

    def ready(self) -> None:
        # The home page reads the to-do lines, and the dashboard the figures, through the registry.
        from gonghui.core import registry
        from gonghui.core.figures import figure_register

        from .figures import FIGURES
        from .todo import todo_lines

        registry.todo_register(self.label, todo_lines)
        figure_register(*FIGURES)
