from gonghui.core import registry


class CongressConfig(registry.RegisteringConfig):
    name = "gonghui.congress"
    verbose_name = "职代会"
    has_todo = True
