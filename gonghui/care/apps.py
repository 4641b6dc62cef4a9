from gonghui.core import registry


class CareConfig(registry.RegisteringConfig):
    name = "gonghui.care"
    verbose_name = "帮扶服务"
    has_todo = True
