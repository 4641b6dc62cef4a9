from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "gonghui.org"
    label = "org"
    verbose_name = "组织"

    def ready(self):
        from gonghui.core.figures import figure_register

        from .figures import FIGURES

        figure_register(*FIGURES)
