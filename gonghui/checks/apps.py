from gonghui.core import registry


class ChecksConfig(registry.RegisteringConfig):
    name = "gonghui.checks"
    verbose_name = "考核"
    has_todo = True
