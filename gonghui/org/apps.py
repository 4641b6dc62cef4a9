from gonghui.core import registry


class OrgConfig(registry.RegisteringConfig):
    name = "gonghui.org"
    verbose_name = "组织"
