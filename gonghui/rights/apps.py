from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "gonghui.rights"
    label = "rights"
    verbose_name = "维权"

    def ready(self) -> None:
        # The home page reads its to-do lines through the registry (it does not import the apps).
        from gonghui.core import registry
        from gonghui.core.figures import figure_register

        from . import selectors
        from .figures import FIGURES
        from .todo import todo_lines

        registry.todo_register(self.label, todo_lines)
        registry.provide("rights.wage_arrears_since", selectors.wage_arrears_since)
        registry.provide("rights.collective_contract_on", selectors.collective_contract_on)
        figure_register(*FIGURES)
