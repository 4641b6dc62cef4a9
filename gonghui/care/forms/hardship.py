"""The application (with its household rows), the three reviews and the aid form."""

from django import forms

from ..choices import (
    YEARLY_OUTCOMES,
    AidPaymentKind,
    CloseReason,
    FundSource,
    HardshipCause,
    HardshipLevel,
    HouseholdRelation,
)
from .common import BLANK, MemberByIdForm, day, money_field

DECISIONS = [("approve", "通过"), ("reject", "不通过")]


YEARLY = [(outcome.value, outcome.label) for outcome in YEARLY_OUTCOMES]


class HardshipFileForm(forms.Form):
    """What an application says: filed with the member (HardshipApplyForm), corrected without."""

    applied_on = day("申请日期")
    causes = forms.MultipleChoiceField(label="致困原因", choices=HardshipCause.choices, widget=forms.CheckboxSelectMultiple,
                                       required=False, help_text="可多选")
    cause_note = forms.CharField(label="困难情况说明", max_length=500, required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    applicant_income = money_field("本人月收入（元）")
    # Carries the service's errors about the household rows, which the template shows above that table.
    household = forms.Field(required=False, widget=forms.HiddenInput, label="家庭成员")

    def service_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "household"}


class HardshipApplyForm(MemberByIdForm, HardshipFileForm):
    field_order = ["member"]


def application_initial(file) -> tuple[dict, list[dict]]:
    """A saved application as the form and its household rows show it, for correcting it."""
    form = {"applied_on": file.applied_on, "causes": file.cause_list, "cause_note": file.cause_note,
            "applicant_income": file.applicant_income}
    rows = [{"name": p.name, "relation": p.relation, "monthly_income": p.monthly_income} for p in file.household.all()]
    return form, rows


class HouseholdForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=30, required=False)
    relation = forms.ChoiceField(label="关系", choices=BLANK + HouseholdRelation.choices, required=False)
    monthly_income = money_field("月收入（元）", required=False)

    def row(self) -> dict | None:
        """The row as the service takes it, or None for a row left empty."""
        data = self.cleaned_data
        if not (data.get("name") or data.get("relation") or data.get("monthly_income") is not None):
            return None
        return {"name": data.get("name", ""), "relation": data.get("relation", ""),
                "monthly_income": data.get("monthly_income")}


HouseholdFormSet = forms.formset_factory(HouseholdForm, extra=5, max_num=20)


def _level(label: str, help_text: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=BLANK + HardshipLevel.choices, required=False, help_text=help_text)


def _opinion() -> forms.CharField:
    return forms.CharField(label="意见", max_length=300, required=False)


class UnionReviewForm(forms.Form):
    decision = forms.ChoiceField(label="初审结论", choices=DECISIONS)
    on_date = day("初审日期")
    note = _opinion()


class FederationReviewForm(forms.Form):
    decision = forms.ChoiceField(label="审核结论", choices=DECISIONS)
    level = _level("困难类别", "审核通过时必填")
    on_date = day("审核日期")
    note = _opinion()


class YearlyReviewForm(forms.Form):
    outcome = forms.ChoiceField(label="复核结论", choices=YEARLY)
    level = _level("新的困难类别", "调整等级时必填")
    close_reason = forms.ChoiceField(label="销档原因", choices=BLANK + CloseReason.choices, required=False,
                                     help_text="销档时必填")
    on_date = day("复核日期")
    note = _opinion()


class AidForm(forms.Form):
    kind = forms.ChoiceField(label="救助类型", choices=AidPaymentKind.choices)
    amount = money_field("金额（元）")
    paid_on = day("发放日期")
    fund_source = forms.ChoiceField(label="资金来源", choices=FundSource.choices)
    note = forms.CharField(label="备注", max_length=200, required=False)
