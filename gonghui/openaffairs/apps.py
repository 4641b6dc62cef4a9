from gonghui.core import registry


class OpenAffairsConfig(registry.RegisteringConfig):
    name = "gonghui.openaffairs"
    verbose_name = "厂务公开"
    has_todo = True
