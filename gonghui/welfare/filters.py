"""The filters of the welfare lists, for their pages, exports and API alike (see gonghui.core.filters).

Every list filters by union, by a date range on the record's own date (`DATE_FIELD`) and by a name;
check-ups and rest stays also by kind.
"""

import django_filters as df
from django.db.models import Q

from gonghui.core.filters import ListFilters, choice, date_range, filters_meta
from gonghui.org.union_filter import UnionFilter

from .choices import RecuperationKind
from .models import ChildrenProgramme, DonationDrive, EmploymentAid, Recuperation


def _text_in(*fields: str):
    def narrow(qs, name, text):
        query = Q()
        for field in fields:
            query |= Q(**{f"{field}__contains": text})
        return qs.filter(query)

    return narrow


def list_filters(model, *, q_label: str, q_fields: tuple[str, ...], **extra) -> type[ListFilters]:
    """A list's filters: union, extra ones, the date range on the model's DATE_FIELD, a text search."""
    date_field = model.DATE_FIELD
    date_label = model._meta.get_field(date_field).verbose_name
    attrs = {
        "union": UnionFilter(), **extra,
        **dict(zip(("start", "end"), date_range(date_field, f"{date_label}自"))),
        "q": df.CharFilter(label=q_label, method=_text_in(*q_fields)),
        "Meta": filters_meta(model),
    }
    return type(f"{model.__name__}Filters", (ListFilters,), attrs)


EmploymentAidFilters = list_filters(EmploymentAid, q_label="姓名/就业单位", q_fields=("name", "employer"))
RecuperationFilters = list_filters(Recuperation, kind=choice("类别", RecuperationKind.choices),
                                   q_label="姓名/地点", q_fields=("name", "place"))
ChildrenProgrammeFilters = list_filters(ChildrenProgramme, q_label="名称", q_fields=("name",))
DonationDriveFilters = list_filters(DonationDrive, q_label="活动名称/用途", q_fields=("name", "purpose"))

FILTERS = {EmploymentAid: EmploymentAidFilters, Recuperation: RecuperationFilters,
           ChildrenProgramme: ChildrenProgrammeFilters, DonationDrive: DonationDriveFilters}
