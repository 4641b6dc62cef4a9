from django.apps import AppConfig


class CompetitionsConfig(AppConfig):
    name = "gonghui.competitions"
    label = "competitions"
    verbose_name = "劳动竞赛与班组"
