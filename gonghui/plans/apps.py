from gonghui.core import registry


class PlansConfig(registry.RegisteringConfig):
    name = "gonghui.plans"
    verbose_name = "工作计划"
    has_todo = True
