from django.apps import AppConfig


class RostersConfig(AppConfig):
    name = "gonghui.rosters"
    label = "rosters"
    verbose_name = "花名册"

    def ready(self) -> None:
        # The home page reads its to-do lines through the registry (it does not import the apps).
        from gonghui.core import registry

        from .todo import todo_lines

        registry.todo_register(self.label, todo_lines)
