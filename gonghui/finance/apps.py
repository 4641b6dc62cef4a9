from gonghui.core import registry


class FinanceConfig(registry.RegisteringConfig):
    name = "gonghui.finance"
    verbose_name = "工会财务"
    has_todo = True
    # Another app's record page shows the vouchers that pay for it (vouchers_of_record: (*, user, record) ->
    # vouchers, scoped); care's lists of visits, grants, aid and payouts show the voucher that paid each
    # (voucher_links: (*, user, records)).
    provides = ("vouchers_of_record", "voucher_links")
