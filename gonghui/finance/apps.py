from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "gonghui.finance"
    label = "finance"
    verbose_name = "工会财务"

    def ready(self) -> None:
        # The home page reads the to-do lines, and the dashboard the figures, through the registry.
        from gonghui.core import registry
        from gonghui.core.figures import figure_register

        from .figures import FIGURES
        from .selectors import voucher_links, vouchers_of_record
        from .todo import todo_lines

        registry.todo_register(self.label, todo_lines)
        figure_register(*FIGURES)
        # Another app's record page shows the vouchers that pay for it: (*, user, record) -> vouchers, scoped.
        registry.provide("finance.vouchers_of_record", vouchers_of_record)
        # Care's lists of visits, grants, aid and payouts show the voucher that paid each: (*, user, records).
        registry.provide("finance.voucher_links", voucher_links)
