from gonghui.core import registry


class WelfareConfig(registry.RegisteringConfig):
    name = "gonghui.welfare"
    verbose_name = "职工服务"
