"""Input shape only: every rule about values lives in services.py, so pages and API say the same thing."""

from django import forms

from gonghui.core.forms import ChoicesForm, DateInput, ListedChoiceField, StoredIdentityMixin

from .choices import ContractKind, ContractScope, DisputeKind, DisputeOutcome, PetitionChannel

BLANK = [("", "—")]
# Money and percentages are checked by the services (negative, more than two decimals, absurd), with
# messages of their own; the form only needs a number.
Number = forms.DecimalField
MEMBER_ID_HELP = "如是本会会员，可填身份证号码以关联会员档案（不会在页面上显示）；留空则不改变"


def _textarea() -> forms.Textarea:
    return forms.Textarea(attrs={"rows": 3})


class MediationBodyForm(ChoicesForm):
    name = forms.CharField(label="调解组织名称", max_length=120)
    enterprise = forms.ModelChoiceField(label="所在企业", queryset=None, required=False,
                                        help_text="企业调解委员会选择企业；区域性调解组织留空")
    established_on = forms.DateField(label="成立日期", required=False, widget=DateInput())


class MediatorForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=30)
    phone = forms.CharField(label="手机号码", max_length=20, required=False)
    member_id_number = forms.CharField(label="会员身份证号码", max_length=30, required=False, help_text=MEMBER_ID_HELP)


class MediatorEditForm(StoredIdentityMixin, MediatorForm):
    active = forms.BooleanField(label="在任", required=False)


class DisputeForm(ChoicesForm):
    enterprise = forms.ModelChoiceField(label="涉及企业", queryset=None)
    received_on = forms.DateField(label="受理日期", widget=DateInput())
    kind = forms.ChoiceField(label="争议类型", choices=DisputeKind.choices)
    applicant = forms.CharField(label="申请人", max_length=60, required=False, help_text="职工本人或职工代表")
    summary = forms.CharField(label="争议事由", max_length=1000, required=False, widget=_textarea())
    workers_involved = forms.IntegerField(label="涉及职工人数")
    amount = Number(label="涉案金额（元）", required=False, initial=0)
    mediator = forms.ModelChoiceField(label="调解员", queryset=None, required=False)
    outcome = forms.ChoiceField(label="处理结果", choices=BLANK + DisputeOutcome.choices, required=False,
                                help_text="办理中的案件留空；结案也可在案件页面办理")
    closed_on = forms.DateField(label="结案日期", required=False, widget=DateInput())
    result_note = forms.CharField(label="结案说明", max_length=300, required=False)

    def clean_amount(self):
        return self.cleaned_data["amount"] if self.cleaned_data["amount"] is not None else 0


class CaseStepForm(forms.Form):
    on_date = forms.DateField(label="日期", widget=DateInput())
    action = forms.CharField(label="办理事项", max_length=60, help_text="如：调查取证、召开调解会、回访")
    note = forms.CharField(label="情况说明", max_length=300, required=False)


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label="处理结果", choices=DisputeOutcome.choices)
    closed_on = forms.DateField(label="结案日期", widget=DateInput())
    result_note = forms.CharField(label="结案说明", max_length=300, required=False)


class PetitionForm(forms.Form):
    received_on = forms.DateField(label="接待日期", widget=DateInput())
    channel = forms.ChoiceField(label="信访方式", choices=PetitionChannel.choices)
    petitioner = forms.CharField(label="信访人", max_length=60)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    member_id_number = forms.CharField(label="会员身份证号码", max_length=30, required=False, help_text=MEMBER_ID_HELP)
    people = forms.IntegerField(label="人数", initial=1)
    matter = forms.CharField(label="反映事项", max_length=1000, widget=_textarea())
    handling = forms.CharField(label="处理情况", max_length=1000, required=False, widget=_textarea())
    result = forms.CharField(label="处理结果", max_length=300, required=False)
    closed_on = forms.DateField(label="办结日期", required=False, widget=DateInput())


class PetitionEditForm(StoredIdentityMixin, PetitionForm):
    """An existing petition: the phone shown masked, kept unless retyped."""


class ContractForm(ChoicesForm):
    scope = forms.ChoiceField(label="合同层级", choices=ContractScope.choices)
    kind = forms.ChoiceField(label="合同类型", choices=ContractKind.choices)
    title = forms.CharField(label="合同名称", max_length=120)
    enterprises = forms.ModelMultipleChoiceField(label="覆盖企业", queryset=None,
                                                 widget=forms.SelectMultiple(attrs={"size": 8}),
                                                 help_text="区域性、行业性合同可选多家（按住 Ctrl 多选）")
    signed_on = forms.DateField(label="签订日期", widget=DateInput())
    term_start = forms.DateField(label="期限起始", widget=DateInput())
    term_end = forms.DateField(label="到期日期", widget=DateInput())
    wage_increase_pct = Number(label="约定工资增长幅度（%）", required=False)
    workers_covered = forms.IntegerField(label="覆盖职工人数")
    filed_on = forms.DateField(label="劳动部门备案日期", required=False, widget=DateInput())


# The statistics' period ------------------------------------------------------------------------

class StatisticsForm(ChoicesForm):
    union = ListedChoiceField(label="工会（含下级）", queryset=None, required=False, empty_label="全部")
    start = forms.DateField(label="统计期间自", widget=DateInput())
    end = forms.DateField(label="至", widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "结束日期不能早于开始日期")
        return data
