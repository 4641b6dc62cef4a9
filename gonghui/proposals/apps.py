from gonghui.core import registry


class ProposalsConfig(registry.RegisteringConfig):
    name = "gonghui.proposals"
    verbose_name = "提案"
    has_todo = True
