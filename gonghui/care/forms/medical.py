"""Mutual medical aid (a unit, its members, claims) and service cards."""

from django import forms

from gonghui.core.forms import RecordChoicesForm

from ..choices import MedicalCategory
from .common import MemberByIdForm, day, money_field


class MedicalUnitForm(RecordChoicesForm):
    union = forms.ModelChoiceField(label="基层工会", queryset=None)
    enterprise = forms.ModelChoiceField(label="企业", queryset=None, required=False,
                                        help_text="联合工会按企业参保时选择；单建工会可不选")
    year = forms.IntegerField(label="参保年度")
    whole_unit = forms.BooleanField(label="全员参保", required=False)

    record_choices = {"union": "unions", "enterprise": "enterprises"}


class EnrolForm(MemberByIdForm):
    category = forms.ChoiceField(label="参保类别", choices=MedicalCategory.choices)
    enrolled_on = day("参保日期")


class EnrolWholeUnitForm(forms.Form):
    enrolled_on = day("参保日期", help_text="本单位全部在册会员按在职/退休参保（已参保的不重复登记）")


class ClaimForm(forms.Form):
    amount = money_field("赔付金额（元）")
    paid_on = day("赔付日期")
    note = forms.CharField(label="病种/说明", max_length=200, required=False)


class CardCollectForm(MemberByIdForm):
    collected_on = day("信息采集日期")


class CardIssueForm(forms.Form):
    issued_on = day("制卡日期")
    card_number = forms.CharField(label="卡号", max_length=30, required=False)
