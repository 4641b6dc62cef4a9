from gonghui.core import registry


class MembersConfig(registry.RegisteringConfig):
    name = "gonghui.members"
    verbose_name = "会员"
    has_todo = True
    # The home page and org's pages (below members) read these through the registry.
    provides = ("active_count_by_union", "active_count_within")
