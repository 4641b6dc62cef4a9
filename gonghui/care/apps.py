from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "gonghui.care"
    label = "care"
    verbose_name = "帮扶服务"
