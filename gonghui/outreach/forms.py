"""Input shape only: every rule about values lives in services.py, so pages and API say the same thing."""

from django import forms

from gonghui.core.forms import ChoicesForm, DateInput

from .models import OrderState

UNITS = ("件", "副", "对", "个", "台", "套", "箱", "张")


def _textarea() -> forms.Textarea:
    return forms.Textarea(attrs={"rows": 3})


def _enterprise() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label="企业", queryset=None)


class SurveyForm(ChoicesForm):
    enterprise = _enterprise()
    surveyed_on = forms.DateField(label="调查日期", widget=DateInput())
    workers_reached = forms.IntegerField(label="涉及职工（人次）")
    topic = forms.CharField(label="调查内容", max_length=120, help_text="如：企业外来务工人员情况调查")
    findings = forms.CharField(label="调查情况", max_length=2000, required=False, widget=_textarea())


class GiftForm(ChoicesForm):
    enterprise = _enterprise()
    given_on = forms.DateField(label="赠送日期", widget=DateInput())
    item = forms.CharField(label="物品名称", max_length=60, help_text="如：篮球架、乒乓球台")
    quantity = forms.IntegerField(label="数量")
    unit = forms.CharField(label="单位", max_length=4, initial="件", help_text="、".join(UNITS) + "等")
    # The service checks the amount (negative, more than two decimals) with its own message.
    value = forms.DecimalField(label="价值（元）", required=False, initial=0)

    def clean_value(self):
        return self.cleaned_data["value"] if self.cleaned_data["value"] is not None else 0


class MerchantForm(forms.Form):
    name = forms.CharField(label="商户名称", max_length=120)
    address = forms.CharField(label="地址", max_length=200, required=False)
    offer = forms.CharField(label="优惠内容", max_length=200, help_text="如：凭服务卡九折")
    contracted_on = forms.DateField(label="签约日期", widget=DateInput())
    ended_on = forms.DateField(label="终止日期", required=False, widget=DateInput(), help_text="仍在合作的留空")


class CourseForm(forms.Form):
    series = forms.CharField(label="系列", max_length=40, help_text="如：一小时课堂")
    title = forms.CharField(label="课程名称", max_length=120, help_text="如：红十字急救知识")
    description = forms.CharField(label="课程介绍", max_length=1000, required=False, widget=_textarea())


class OrderForm(ChoicesForm):
    enterprise = _enterprise()
    course = forms.ModelChoiceField(label="课程", queryset=None)
    ordered_on = forms.DateField(label="点课日期", widget=DateInput())
    state = forms.ChoiceField(label="状态", choices=OrderState.choices, initial=OrderState.REQUESTED)
    activity = forms.ModelChoiceField(label="送课活动（台帐）", queryset=None, required=False,
                                      help_text="已送课的，选择台帐中登记的那次活动")
    delivered_on = forms.DateField(label="送课日期", required=False, widget=DateInput())
