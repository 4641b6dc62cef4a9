"""The filters of the rights lists, for their pages, exports and API alike (see gonghui.core.filters)."""

from datetime import date, timedelta

import django_filters as df
from django.db.models import Q, QuerySet
from django.utils import timezone

from gonghui.core.filters import choice, date_range, filters_meta
from gonghui.org.union_filter import UnionListFilters

from .choices import CaseState, ContractKind, ContractScope, ContractState, DisputeKind, DisputeOutcome, PetitionChannel
from .models import (CollectiveContract, DisputeCase, MediationBody, Petition, contract_warning_days,
                     dispute_time_limit_days)


def past_limit_cutoff(today: date | None = None) -> date:
    """Open cases received before this day are past their time limit."""
    return (today or timezone.localdate()) - timedelta(days=dispute_time_limit_days())


def past_limit(today: date | None = None) -> Q:
    return Q(closed_on__isnull=True, received_on__lt=past_limit_cutoff(today))


def case_state(qs: QuerySet, state: str) -> QuerySet:
    if state == CaseState.OPEN:
        return qs.filter(closed_on__isnull=True)
    if state == CaseState.PAST_LIMIT:
        return qs.filter(past_limit())
    if state == CaseState.CLOSED:
        return qs.filter(closed_on__isnull=False)
    return qs


def contract_state(qs: QuerySet, state: str, today: date | None = None) -> QuerySet:
    today = today or timezone.localdate()
    warning_end = today + timedelta(days=contract_warning_days())
    if state == ContractState.IN_FORCE:
        return qs.filter(term_start__lte=today, term_end__gte=today)
    if state == ContractState.EXPIRING:
        return qs.filter(term_end__gte=today, term_end__lte=warning_end)
    if state == ContractState.EXPIRED:
        return qs.filter(term_end__lt=today)
    return qs


def _enterprise_or_applicant(qs, name, text):
    return qs.filter(Q(enterprise__name__contains=text) | Q(applicant__startswith=text))


def _title_or_enterprise(qs, name, text):
    return qs.filter(Q(title__contains=text) | Q(enterprises__name__contains=text)).distinct()


class BodyFilters(UnionListFilters):
    Meta = filters_meta(MediationBody)


class DisputeFilters(UnionListFilters):
    kind = choice("争议类型", DisputeKind.choices)
    state = choice("办理状态", CaseState.choices, method=lambda qs, name, state: case_state(qs, state))
    outcome = choice("处理结果", DisputeOutcome.choices)
    start, end = date_range("received_on", "受理日期自")
    q = df.CharFilter(label="企业名称/申请人", method=_enterprise_or_applicant)

    Meta = filters_meta(DisputeCase)


class PetitionFilters(UnionListFilters):
    channel = choice("信访方式", PetitionChannel.choices)
    start, end = date_range("received_on", "接待日期自")
    q = df.CharFilter(label="信访人", field_name="petitioner", lookup_expr="startswith")

    Meta = filters_meta(Petition)


class ContractFilters(UnionListFilters):
    kind = choice("合同类型", ContractKind.choices)
    scope = choice("合同层级", ContractScope.choices)
    state = choice("状态", ContractState.choices, method=lambda qs, name, state: contract_state(qs, state))
    q = df.CharFilter(label="合同/企业名称", method=_title_or_enterprise)

    Meta = filters_meta(CollectiveContract)
