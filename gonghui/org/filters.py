"""The enterprise list's filters, for its page and the API alike (see gonghui.core.filters)."""

from gonghui.core.filters import ListFilters, contains, filters_meta

from .models import Enterprise


class EnterpriseFilters(ListFilters):
    q = contains("企业名称", "name")

    Meta = filters_meta(Enterprise)
