from datetime import date
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from gonghui.core.forms import DateInput
from gonghui.core.identifiers import IdentifierError, parse_resident_id

from . import selectors
from .choices import (
    YEARLY_OUTCOMES,
    AidKind,
    Campaign,
    Cause,
    CloseReason,
    FileStatus,
    FundSource,
    HardshipLevel,
    MedicalCategory,
    Relation,
    SchoolLevel,
    VisitReason,
)
from .rules import NOT_YOURS

BLANK = [("", "—")]
ALL = [("", "全部")]
DECISIONS = [("approve", "通过"), ("reject", "不通过")]
YEARLY = [(outcome.value, outcome.label) for outcome in YEARLY_OUTCOMES]


def money_field(label: str, **kwargs) -> forms.DecimalField:
    # No decimal_places here: the service checks cents, sign and size, with its own messages.
    return forms.DecimalField(label=label, **kwargs)


def day(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput(), **kwargs)


class MemberByIdForm(forms.Form):
    """Forms name a member by full ID number, looked up among the members the user may see."""

    member = forms.CharField(label="会员身份证号码", max_length=30,
                             help_text="18位身份证号码；只能选择您管辖范围内的会员")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_member(self):
        raw = self.cleaned_data.get("member")
        if not raw:
            return None
        try:
            number = parse_resident_id(raw).number
        except IdentifierError as exc:
            raise ValidationError(str(exc)) from None
        member = selectors.care_member_by_id_number(user=self.user, id_number=number)
        if member is None:
            raise ValidationError(NOT_YOURS)
        return member


# ---------------------------------------------------------------- hardship files


class HardshipFileForm(forms.Form):
    """What an application says: filed with the member (HardshipApplyForm), corrected without."""

    applied_on = day("申请日期")
    causes = forms.MultipleChoiceField(label="致困原因", choices=Cause.choices, widget=forms.CheckboxSelectMultiple,
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
    relation = forms.ChoiceField(label="关系", choices=BLANK + Relation.choices, required=False)
    monthly_income = money_field("月收入（元）", required=False)

    def row(self) -> dict | None:
        """The row as the service takes it, or None for a row left empty."""
        data = self.cleaned_data
        if not (data.get("name") or data.get("relation") or data.get("monthly_income") is not None):
            return None
        return {"name": data.get("name", ""), "relation": data.get("relation", ""),
                "monthly_income": data.get("monthly_income")}


HouseholdFormSet = forms.formset_factory(HouseholdForm, extra=5, max_num=20)


class UnionReviewForm(forms.Form):
    decision = forms.ChoiceField(label="初审结论", choices=DECISIONS)
    on_date = day("初审日期")
    note = forms.CharField(label="意见", max_length=300, required=False)


class FederationReviewForm(forms.Form):
    decision = forms.ChoiceField(label="审核结论", choices=DECISIONS)
    level = forms.ChoiceField(label="困难类别", choices=BLANK + HardshipLevel.choices, required=False,
                              help_text="审核通过时必填")
    on_date = day("审核日期")
    note = forms.CharField(label="意见", max_length=300, required=False)


class YearlyReviewForm(forms.Form):
    outcome = forms.ChoiceField(label="复核结论", choices=YEARLY)
    level = forms.ChoiceField(label="新的困难类别", choices=BLANK + HardshipLevel.choices, required=False,
                              help_text="调整等级时必填")
    close_reason = forms.ChoiceField(label="销档原因", choices=BLANK + CloseReason.choices, required=False,
                                     help_text="销档时必填")
    on_date = day("复核日期")
    note = forms.CharField(label="意见", max_length=300, required=False)


class AidForm(forms.Form):
    kind = forms.ChoiceField(label="救助类型", choices=AidKind.choices)
    amount = money_field("金额（元）")
    paid_on = day("发放日期")
    fund_source = forms.ChoiceField(label="资金来源", choices=FundSource.choices)
    note = forms.CharField(label="备注", max_length=200, required=False)


# ---------------------------------------------------------------- funds


class FundForm(forms.Form):
    enterprise = forms.ModelChoiceField(label="企业", queryset=None,
                                        help_text="已建立基层工会、尚未建立帮困基金的企业")
    established_on = day("建立日期")
    note = forms.CharField(label="备注", max_length=200, required=False)

    def __init__(self, *args, enterprises, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = enterprises


class ContributionForm(forms.Form):
    amount = money_field("金额（元）")
    on_date = day("筹集日期")
    source = forms.CharField(label="来源", max_length=60, required=False, help_text="如：企业行政拨付、职工捐款、工会经费")


class PayoutForm(MemberByIdForm):
    amount = money_field("金额（元）")
    paid_on = day("发放日期")
    reason = forms.CharField(label="救助事由", max_length=200)


# ---------------------------------------------------------------- visits, schooling aid


class VisitForm(MemberByIdForm):
    enterprise = forms.ModelChoiceField(label="或：慰问企业", queryset=None, required=False)
    reason = forms.ChoiceField(label="慰问事由", choices=VisitReason.choices,
                               help_text="前五项即“五必访”；“两贺四访”也按这些事由登记")
    campaign = forms.ChoiceField(label="所属活动", choices=[("", "不属于专项活动")] + Campaign.choices, required=False)
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


# ---------------------------------------------------------------- mutual medical aid and service cards


class MedicalUnitForm(forms.Form):
    union = forms.ModelChoiceField(label="基层工会", queryset=None)
    enterprise = forms.ModelChoiceField(label="企业", queryset=None, required=False,
                                        help_text="联合工会按企业参保时选择；单建工会可不选")
    year = forms.IntegerField(label="参保年度")
    whole_unit = forms.BooleanField(label="全员参保", required=False)

    def __init__(self, *args, unions, enterprises, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = unions
        self.fields["enterprise"].queryset = enterprises


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


# ---------------------------------------------------------------- lists and statistics


class UnionFilterForm(forms.Form):
    union = forms.ModelChoiceField(label="工会（含下级）", queryset=None, required=False)

    def __init__(self, *args, unions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = unions


class PeriodFilterForm(UnionFilterForm):
    start = day("起始日期", required=False)
    end = day("截止日期", required=False)


class FileFilterForm(UnionFilterForm):
    q = forms.CharField(label="姓名/身份证后四位", required=False)
    status = forms.ChoiceField(label="状态", choices=ALL + FileStatus.choices, required=False)
    level = forms.ChoiceField(label="困难类别", choices=ALL + HardshipLevel.choices, required=False)
    cause = forms.ChoiceField(label="致困原因", choices=ALL + Cause.choices, required=False)


class AidFilterForm(PeriodFilterForm):
    q = forms.CharField(label="姓名/身份证后四位", required=False)
    kind = forms.ChoiceField(label="救助类型", choices=ALL + AidKind.choices, required=False)
    fund_source = forms.ChoiceField(label="资金来源", choices=ALL + FundSource.choices, required=False)


class FundFilterForm(UnionFilterForm):
    q = forms.CharField(label="企业名称", required=False)


class VisitFilterForm(PeriodFilterForm):
    reason = forms.ChoiceField(label="慰问事由", choices=ALL + VisitReason.choices, required=False)
    campaign = forms.ChoiceField(label="所属活动", choices=ALL + Campaign.choices, required=False)


class GrantFilterForm(PeriodFilterForm):
    school_level = forms.ChoiceField(label="学段", choices=ALL + SchoolLevel.choices, required=False)


class UnitFilterForm(UnionFilterForm):
    year = forms.IntegerField(label="参保年度", required=False)


class EnrolmentFilterForm(UnitFilterForm):
    q = forms.CharField(label="姓名/身份证后四位", required=False)
    category = forms.ChoiceField(label="参保类别", choices=ALL + MedicalCategory.choices, required=False)


class CardFilterForm(UnionFilterForm):
    q = forms.CharField(label="姓名/身份证后四位", required=False)
    issued = forms.ChoiceField(label="制卡", choices=ALL + [("yes", "已制卡"), ("no", "待制卡")], required=False)


class StatisticsForm(UnionFilterForm):
    union = forms.ModelChoiceField(label="统计范围（工会及下级）", queryset=None)
    start = day("起始日期")
    end = day("截止日期")

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "截止日期不能早于起始日期")
        return data


def year_start(today: date) -> date:
    return today.replace(month=1, day=1)
