from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "gonghui.outreach"
    label = "outreach"
    verbose_name = "企业服务"

    def ready(self) -> None:
        from gonghui.core.figures import figure_register

        from .figures import FIGURES

        figure_register(*FIGURES)
