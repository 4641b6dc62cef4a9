from gonghui.core import registry


class PortalConfig(registry.RegisteringConfig):
    name = "gonghui.portal"
    verbose_name = "会员服务"
    has_todo = True
