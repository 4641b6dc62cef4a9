"""Setting up a hardship fund, money in and aid out."""

from django import forms

from gonghui.core.forms import RecordChoicesForm

from .common import MemberByIdForm, day, money_field


class FundForm(RecordChoicesForm):
    enterprise = forms.ModelChoiceField(label="企业", queryset=None,
                                        help_text="已建立基层工会、尚未建立帮困基金的企业")
    established_on = day("建立日期")
    note = forms.CharField(label="备注", max_length=200, required=False)

    record_choices = {"enterprise": "enterprises"}


class ContributionForm(forms.Form):
    amount = money_field("金额（元）")
    on_date = day("筹集日期")
    source = forms.CharField(label="来源", max_length=60, required=False, help_text="如：企业行政拨付、职工捐款、工会经费")


class PayoutForm(MemberByIdForm):
    amount = money_field("金额（元）")
    paid_on = day("发放日期")
    reason = forms.CharField(label="救助事由", max_length=200)
