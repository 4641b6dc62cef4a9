from gonghui.core import registry


class RightsConfig(registry.RegisteringConfig):
    name = "gonghui.rights"
    verbose_name = "维权"
    has_todo = True
    provides = ("wage_arrears_since", "collective_contract_on")
