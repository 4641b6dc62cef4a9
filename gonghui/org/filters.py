"""The enterprise list's filters, for its page and the API alike (see gonghui.core.filters)."""

import django_filters as df

from gonghui.core.filters import ListFilters, filters_meta

from .models import Enterprise


class EnterpriseFilters(ListFilters):
    q = df.CharFilter(label="企业名称", field_name="name", lookup_expr="contains")

    Meta = filters_meta(Enterprise)
