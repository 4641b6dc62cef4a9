from gonghui.core import registry


class OutreachConfig(registry.RegisteringConfig):
    name = "gonghui.outreach"
    verbose_name = "企业服务"
