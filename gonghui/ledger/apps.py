from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "gonghui.ledger"
    label = "ledger"
    verbose_name = "台帐"

    def ready(self) -> None:
        # Plans (below the ledger) reads the ledger's counters through the registry.
        from gonghui.core import registry
        from gonghui.core.figures import figure_register

        from . import selectors
        from .figures import FIGURES

        registry.provide("ledger.activity_kinds", selectors.activity_kinds)
        registry.provide("ledger.activity_tally", selectors.activity_tally)
        registry.provide("ledger.item_done_by_month", selectors.item_done_by_month)
        registry.provide("ledger.item_done_totals", selectors.item_done_totals)
        figure_register(*FIGURES)
