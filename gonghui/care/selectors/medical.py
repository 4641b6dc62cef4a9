"""Reads of mutual medical aid (units, enrolments, claims) and service cards."""

from collections.abc import Mapping

from django.db.models import Count, QuerySet

from gonghui.core.scoping import get_visible_or_404, visible
from gonghui.org.models import Union, UnionLevel

from ..filters import CardFilters, EnrolmentFilters, UnitFilters
from ..models import MedicalAidClaim, MedicalAidEnrolment, MedicalAidUnit, ServiceCard


def medical_unit_list(*, user, filters: Mapping | None = None) -> QuerySet[MedicalAidUnit]:
    """Latest year first, with each unit's number of enrolments."""
    qs = UnitFilters.narrow(visible(MedicalAidUnit.objects.select_related("union", "enterprise"), user), filters)
    return qs.annotate(enrolled=Count("enrolments")).order_by("-year", "union__path", "id")


def medical_unit_get(*, user, pk) -> MedicalAidUnit:
    return get_visible_or_404(MedicalAidUnit.objects.select_related("union", "enterprise"), user, pk=pk)


def medical_units_for_form(*, user) -> QuerySet[Union]:
    return visible(Union.objects.filter(level=UnionLevel.GRASSROOTS), user).order_by("path")


def medical_enrolment_list(*, user, filters: Mapping | None = None) -> QuerySet[MedicalAidEnrolment]:
    """Latest year first, then by name."""
    qs = visible(MedicalAidEnrolment.objects.select_related("member", "unit__enterprise", "union"), user)
    return EnrolmentFilters.narrow(qs, filters).order_by("-year", "member__name", "id")


def medical_unit_enrolments(*, user, unit: MedicalAidUnit) -> QuerySet[MedicalAidEnrolment]:
    return medical_enrolment_list(user=user).filter(unit=unit)


def medical_enrolment_get(*, user, pk) -> MedicalAidEnrolment:
    return get_visible_or_404(MedicalAidEnrolment.objects.select_related("member", "unit", "union"), user, pk=pk)


def medical_claims(*, enrolment: MedicalAidEnrolment) -> QuerySet[MedicalAidClaim]:
    """Amounts and dates; the notes (illnesses) are shown only with the care grant."""
    return enrolment.claims.order_by("-paid_on", "-id")


def service_card_list(*, user, filters: Mapping | None = None) -> QuerySet[ServiceCard]:
    """Latest collected first."""
    qs = visible(ServiceCard.objects.select_related("member", "union"), user)
    return CardFilters.narrow(qs, filters).order_by("-collected_on", "-id")


def service_card_get(*, user, pk) -> ServiceCard:
    return get_visible_or_404(ServiceCard.objects.select_related("member", "union"), user, pk=pk)
