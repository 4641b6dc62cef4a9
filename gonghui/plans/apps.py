from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "gonghui.plans"
    label = "plans"
    verbose_name = "工作计划"

    def ready(self) -> None:
        # The home page reads its to-do lines through the registry (it does not import the apps).
        from gonghui.core import registry
        from gonghui.core.figures import figure_register

        from .figures import FIGURES
        from .todo import todo_lines

        registry.todo_register(self.label, todo_lines)
        figure_register(*FIGURES)
