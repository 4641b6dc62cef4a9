from gonghui.core import registry


class LedgerConfig(registry.RegisteringConfig):
    name = "gonghui.ledger"
    verbose_name = "台帐"
    # Plans (below the ledger) reads the ledger's counters through the registry.
    provides = ("activity_kinds", "activity_tally", "item_done_by_month", "item_done_totals")
