"""Mutual medical aid (units, enrolments, claims) and service cards: lists, pages and forms."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from gonghui.core.pages import (new_record_view, paginate, record_form_view, record_page, the_user, this_year_as,
                                today_as)
from gonghui.core.scoping import may_access_care
from gonghui.core.links import record_link
from gonghui.org.selectors import enterprise_list

from .. import selectors, services
from ..filters import CardFilters, EnrolmentFilters, UnitFilters
from ..forms.medical import CardCollectForm, CardIssueForm, ClaimForm, EnrolForm, EnrolWholeUnitForm, MedicalUnitForm
from ..tables import CARDS, ENROLMENTS, UNITS
from .lists import ListPage

UNIT_LIST = ListPage("医疗互助参保单位", UNITS, UnitFilters, selectors.medical_unit_list, "care:units_export",
                     "医疗互助参保单位.xlsx", create=(("单位参保", "care:unit_create"),))
ENROLMENT_LIST = ListPage("医疗互助参保人员", ENROLMENTS, EnrolmentFilters, selectors.medical_enrolment_list,
                          "care:enrolments_export", "医疗互助参保人员.xlsx")
CARD_LIST = ListPage("服务卡", CARDS, CardFilters, selectors.service_card_list, "care:cards_export", "服务卡.xlsx",
                     create=(("采集信息", "care:card_collect"),))
units_page, units_export_page = UNIT_LIST.views()
enrolments_page, enrolments_export_page = ENROLMENT_LIST.views()
cards_page, cards_export_page = CARD_LIST.views()


_unit_url = record_link("care:medical_unit")


unit_create_page = new_record_view(
    services.medical_unit_enrol, form_class=MedicalUnitForm, title="医疗互助单位参保", back="care:units",
    success=_unit_url, initial=this_year_as("year"),
    form_kwargs=lambda request: {"unions": selectors.medical_units_for_form(user=request.user),
                                 "enterprises": enterprise_list(user=request.user)})


@login_required
def unit_detail_page(request, pk: int):
    unit = selectors.medical_unit_get(user=request.user, pk=pk)
    page = paginate(request, selectors.medical_unit_enrolments(user=request.user, unit=unit))
    return render(request, "care/unit_detail.html", {"unit": unit, "page": page,
                                                     "cells": ENROLMENTS.cells(page),
                                                     "table": ENROLMENTS})


unit_enrol_page = record_form_view(
    selectors.medical_unit_get, services.medical_member_enrol, "unit", form_class=EnrolForm,
    title=lambda unit: f"会员参保：{unit.name}（{unit.year}年度）", back=_unit_url, initial=today_as("enrolled_on"),
    form_kwargs=the_user)
unit_enrol_all_page = record_form_view(
    selectors.medical_unit_get, services.medical_enrol_whole_unit, "unit", form_class=EnrolWholeUnitForm,
    title=lambda unit: f"全员参保：{unit.name}（{unit.year}年度）", back=_unit_url, initial=today_as("enrolled_on"),
    submit_label="全员参保", done_message="已登记全员参保")


_enrolment_url = record_link("care:enrolment_detail")


enrolment_detail_page = record_page(
    selectors.medical_enrolment_get, "care/enrolment_detail.html", "enrolment", lambda request, enrolment: {
        "claims": selectors.medical_claims(enrolment=enrolment),
        # A claim's note names the illness: shown only with the care grant.
        "notes_shown": may_access_care(request.user)})


enrolment_claim_page = record_form_view(
    selectors.medical_enrolment_get, services.medical_claim_create, "enrolment", form_class=ClaimForm,
    title=lambda enrolment: f"医疗互助赔付：{enrolment.member.name}", back=_enrolment_url, initial=today_as("paid_on"))


card_collect_page = new_record_view(
    services.service_card_collect, form_class=CardCollectForm, title="服务卡信息采集", back="care:cards",
    initial=today_as("collected_on"), form_kwargs=the_user)


card_issue_page = record_form_view(
    selectors.service_card_get, services.service_card_issue, "card", form_class=CardIssueForm,
    title=lambda card: f"制卡：{card.member.name}", back=lambda _: reverse("care:cards"), initial=today_as("issued_on"))
