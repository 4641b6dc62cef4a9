from django import forms

from gonghui.core.forms import DateInput, RecordChoicesForm

from .models import CommitteeBody, Formation, JointScope, OrgType, SeatRole, UnionLevel


class UnionForm(forms.Form):
    name = forms.CharField(label="工会名称", max_length=100)
    code = forms.CharField(label="工会代码", max_length=30)
    level = forms.ChoiceField(label="层级", choices=[(UnionLevel.STREET, UnionLevel.STREET.label), (UnionLevel.GRASSROOTS, UnionLevel.GRASSROOTS.label)])
    formation = forms.ChoiceField(label="组建方式", choices=[("", "—")] + Formation.choices, required=False)
    joint_scope = forms.ChoiceField(label="联合范围", choices=[("", "—")] + JointScope.choices, required=False)
    org_type = forms.ChoiceField(label="单位类型", choices=[("", "—")] + OrgType.choices, required=False)
    founded_on = forms.DateField(label="成立日期", required=False, widget=DateInput())
    address = forms.CharField(label="地址", max_length=200, required=False)


class UnionEditForm(UnionForm):
    level = None


class MoveForm(RecordChoicesForm):
    parent = forms.ModelChoiceField(label="新的上级组织", queryset=None)

    record_choices = {"parent": "parents"}


class GroupForm(forms.Form):
    name = forms.CharField(label="小组名称", max_length=60)
    leader_name = forms.CharField(label="组长", max_length=30, required=False)


class SeatForm(forms.Form):
    body = forms.ChoiceField(label="机构", choices=CommitteeBody.choices)
    role = forms.ChoiceField(label="职务", choices=SeatRole.choices)
    person_name = forms.CharField(label="姓名", max_length=30)
    term_start = forms.DateField(label="任期开始", widget=DateInput())
    term_end = forms.DateField(label="任期结束", widget=DateInput())


class EnterpriseForm(forms.Form):
    name = forms.CharField(label="企业名称", max_length=120)
    credit_code = forms.CharField(label="统一社会信用代码", max_length=30)
    override_check = forms.BooleanField(label="代码校验不符但确属真实", required=False,
                                        help_text="仅用于早期试点颁发的代码；确认人将被记录")
    industry = forms.CharField(label="行业", max_length=40, required=False)
    headcount = forms.IntegerField(label="职工人数", min_value=0, initial=0)
    above_designated_size = forms.BooleanField(label="规模以上企业", required=False)
    address = forms.CharField(label="地址", max_length=200, required=False)
