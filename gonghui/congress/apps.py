from django.apps import AppConfig


class CongressConfig(AppConfig):
    name = "gonghui.congress"
    label = "congress"
    verbose_name = "职代会"
