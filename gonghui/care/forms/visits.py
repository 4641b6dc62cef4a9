"""Registering a visit or a 金秋助学 grant."""

from decimal import Decimal

from django import forms

from ..choices import SchoolLevel, VisitCampaign, VisitReason
from .common import MemberByIdForm, day, money_field


class VisitForm(MemberByIdForm):
    enterprise = forms.ModelChoiceField(label="或：慰问企业", queryset=None, required=False)
    reason = forms.ChoiceField(label="慰问事由", choices=VisitReason.choices,
                               help_text="前五项即“五必访”；“两贺四访”也按这些事由登记")
    campaign = forms.ChoiceField(label="所属活动", choices=[("", "不属于专项活动")] + VisitCampaign.choices, required=False)
    visited_on = day("慰问日期")
    visitors = forms.CharField(label="慰问人", max_length=120)
    money = money_field("慰问金（元）", required=False)
    goods = forms.CharField(label="慰问品", max_length=200, required=False)
    goods_value = money_field("慰问品价值（元）", required=False)
    workers_reached = forms.IntegerField(label="覆盖职工人数", required=False, help_text="慰问企业时填写")
    note = forms.CharField(label="备注", max_length=200, required=False)

    def __init__(self, *args, enterprises, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].required = False
        self.fields["member"].label = "慰问会员身份证号码"
        self.fields["enterprise"].queryset = enterprises

    def clean(self):
        data = super().clean()
        for field in ("money", "goods_value"):
            if data.get(field) is None and field not in self.errors:
                data[field] = Decimal(0)
        data["workers_reached"] = data.get("workers_reached") or 0
        return data


class SchoolingGrantForm(MemberByIdForm):
    student_name = forms.CharField(label="学生姓名", max_length=30)
    school_level = forms.ChoiceField(label="学段", choices=SchoolLevel.choices)
    school_name = forms.CharField(label="学校", max_length=60, required=False)
    amount = money_field("金额（元）")
    granted_on = day("发放日期")
