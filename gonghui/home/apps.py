from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "gonghui.home"
    label = "home"
    verbose_name = "首页"
