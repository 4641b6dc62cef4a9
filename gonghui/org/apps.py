from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "gonghui.org"
    label = "org"
    verbose_name = "组织"
