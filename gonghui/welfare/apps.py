from django.apps import AppConfig


class WelfareConfig(AppConfig):
    name = "gonghui.welfare"
    label = "welfare"
    verbose_name = "职工服务"

    def ready(self) -> None:
        # Statistics, the dashboard and the year-end document read these figures through the registry.
        from gonghui.core.figures import figure_register

        from .figures import FIGURES

        figure_register(*FIGURES)
