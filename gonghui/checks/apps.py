from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "gonghui.checks"
    label = "checks"
    verbose_name = "考核"
