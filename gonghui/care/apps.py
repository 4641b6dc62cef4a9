from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "gonghui.care"
    label = "care"
    verbose_name = "帮扶服务"

    def ready(self) -> None:
        # The home page reads its to-do lines through the registry (it does not import the apps).
        from gonghui.core import registry
        from gonghui.core.figures import forget_on_write
        from gonghui.org.models import Enterprise, Union, UnionMove

        from .selectors.statistics import CARE_FIGURES, FIGURES_READ
        from .todo import todo_lines

        registry.todo_register(self.label, todo_lines)
        # The statistics count enterprises and walk the union tree as well as the care records.
        forget_on_write(CARE_FIGURES, *FIGURES_READ, Enterprise, Union, UnionMove)
