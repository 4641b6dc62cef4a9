from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "gonghui.ledger"
    label = "ledger"
    verbose_name = "台帐"
