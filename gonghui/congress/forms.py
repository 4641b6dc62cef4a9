"""Input shape only: every rule about values lives in services.py, so pages and API say the same thing."""

from django import forms

from gonghui.core.forms import DateInput, RecordChoicesForm
from gonghui.members.forms import member_typed

from .choices import EvaluationGrade
from .models import CongressKind, CongressPower, EvaluationMethod, Occupation, PassRule, SessionKind


class CongressForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=CongressKind.choices)
    term = forms.IntegerField(label="届次", help_text="如第四届填4")
    starts_on = forms.DateField(label="本届开始日期", widget=DateInput())
    ends_on = forms.DateField(label="本届届满日期", widget=DateInput())
    quorum_numerator = forms.IntegerField(label="法定到会人数（分子）", initial=2)
    quorum_denominator = forms.IntegerField(label="法定到会人数（分母）", initial=3,
                                            help_text="默认须有全体代表的三分之二以上到会")
    pass_rule = forms.ChoiceField(label="表决通过规则", choices=PassRule.choices, initial=PassRule.ALL_DELEGATES)
    extra_session_percent = forms.IntegerField(label="提议召开临时会议所需代表比例（%）", initial=30)


class ConstituencyForm(forms.Form):
    name = forms.CharField(label="代表团（选区）名称", max_length=60, help_text="如：第一代表团、一车间选区")


class UnechoedInput(forms.TextInput):
    """A full ID number typed into a form is not written back into the page that answers it."""

    def format_value(self, value):
        return None


class DelegateForm(forms.Form):
    constituency = forms.ModelChoiceField(label="代表团（选区）", queryset=None)
    member = forms.CharField(label="会员身份证号码", max_length=30, widget=UnechoedInput(attrs={"autocomplete": "off"}),
                             help_text="18位身份证号码，只用于查找本工会的会员，不保存")
    occupation = forms.ChoiceField(label="代表类别", choices=Occupation.choices)
    elected_on = forms.DateField(label="当选日期", widget=DateInput())
    replaces = forms.ModelChoiceField(label="补选接替", queryset=None, required=False,
                                      help_text="补选时选择出缺的席位（已离任或已离开本工会的代表）")

    def __init__(self, *args, user, constituencies, vacancies, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["constituency"].queryset = constituencies
        self.fields["replaces"].queryset = vacancies

    def clean_member(self):
        return member_typed(user=self.user, raw=self.cleaned_data.get("member"),
                            not_found="找不到该会员，或该会员不在您的管辖范围内")


class LeaveForm(forms.Form):
    left_on = forms.DateField(label="离任日期", widget=DateInput())
    left_reason = forms.CharField(label="离任原因", max_length=100, help_text="如：调离本单位、退休、罢免")


class SessionForm(forms.Form):
    number = forms.IntegerField(label="会次", help_text="本届第几次会议")
    kind = forms.ChoiceField(label="会议类型", choices=SessionKind.choices)
    held_on = forms.DateField(label="召开日期", widget=DateInput())
    proposals_due_on = forms.DateField(label="提案截止日期", widget=DateInput(), required=False,
                                       help_text="此日期后提交的只能作为意见建议")


class AttendanceForm(forms.Form):
    delegates_present = forms.IntegerField(label="实到代表人数", min_value=0)


class AgendaForm(forms.Form):
    title = forms.CharField(label="议题", max_length=120)
    power = forms.ChoiceField(label="行使职权", choices=CongressPower.choices)


class ResolutionForm(RecordChoicesForm):
    title = forms.CharField(label="决议名称", max_length=120)
    agenda_item = forms.ModelChoiceField(label="议题", queryset=None, required=False)
    votes_for = forms.IntegerField(label="赞成票", min_value=0)
    votes_against = forms.IntegerField(label="反对票", min_value=0)
    votes_abstain = forms.IntegerField(label="弃权票", min_value=0)

    record_choices = {"agenda_item": "agenda"}


class RequestForm(RecordChoicesForm):
    reason = forms.CharField(label="提议事由", max_length=200)
    signers = forms.ModelMultipleChoiceField(label="联名代表", queryset=None, widget=forms.CheckboxSelectMultiple)

    record_choices = {"signers": "delegates"}


class EvaluationForm(forms.Form):
    title = forms.CharField(label="评议名称", max_length=120, help_text="如：民主评议中层干部")
    method = forms.ChoiceField(label="评议方式", choices=EvaluationMethod.choices)
    subjects = forms.CharField(label="评议对象", widget=forms.Textarea(attrs={"rows": 5}),
                               help_text="每行一名：姓名 职务（评议工会工作填“工会工作”）")

    def clean_subjects(self):
        lines = [line.split(maxsplit=1) for line in self.cleaned_data["subjects"].splitlines() if line.strip()]
        return [(parts[0], parts[1] if len(parts) > 1 else "") for parts in lines]


class BallotForm(forms.Form):
    """One delegate's ballot: a field per subject, a grade or a score by the evaluation's method."""

    delegate = forms.ModelChoiceField(label="投票代表", queryset=None,
                                      help_text="只登记谁已投票，不记录其评价内容")

    def __init__(self, *args, evaluation, delegates=None, **kwargs):
        """`delegates` None: the delegate's own ballot in the member portal, who votes is the one signed in."""
        super().__init__(*args, **kwargs)
        if delegates is None:
            del self.fields["delegate"]
        else:
            self.fields["delegate"].queryset = delegates
        self.subjects = list(evaluation.subjects.all())
        for subject in self.subjects:
            label = f"{subject.name}{'（' + subject.post + '）' if subject.post else ''}"
            self.fields[f"s{subject.pk}"] = (
                forms.ChoiceField(label=label, choices=EvaluationGrade.choices, widget=forms.RadioSelect)
                if evaluation.method == EvaluationMethod.GRADES
                else forms.IntegerField(label=label, min_value=0, max_value=100))

    def marks(self) -> dict:
        return {subject.pk: self.cleaned_data[f"s{subject.pk}"] for subject in self.subjects}


class DocumentForm(forms.Form):
    file = forms.FileField(label="文件", help_text="文档或图片：pdf、docx、xlsx、jpg、png")
