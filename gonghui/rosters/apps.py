from gonghui.core import registry


class RostersConfig(registry.RegisteringConfig):
    name = "gonghui.rosters"
    verbose_name = "花名册"
    has_todo = True
    has_figures = False
