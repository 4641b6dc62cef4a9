"""Input shape only: every rule about values lives in services.py, so pages and API say the same thing.

Each move of the state machine has its form here (MOVE_FORMS), its fields named as the service's arguments."""

from django import forms

from gonghui.core.forms import DateInput, RecordChoicesForm

from .models import ProposalCategory, ProposalVerdict, ReplyKind


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class ProposalForm(forms.Form):
    title = forms.CharField(label="案由", max_length=120, help_text="一事一案")
    category = forms.ChoiceField(label="类别", choices=ProposalCategory.choices)
    reasons = forms.CharField(label="提案理由", max_length=5000, widget=_textarea())
    measures = forms.CharField(label="建议措施", max_length=5000, widget=_textarea())
    proposer = forms.ModelChoiceField(label="提案人（代表）", queryset=None, required=False)
    delegation = forms.ModelChoiceField(label="提案代表团", queryset=None, required=False,
                                        help_text="以代表团名义提出的，选择代表团，提案人可不填")

    def __init__(self, *args, delegates=None, delegations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if delegates is None:  # editing a draft: who proposed it stays
            del self.fields["proposer"], self.fields["delegation"]
        else:
            self.fields["proposer"].queryset = delegates
            self.fields["delegation"].queryset = delegations


class ConfirmForm(forms.Form):
    pass


class CosignForm(RecordChoicesForm):
    delegate = forms.ModelChoiceField(label="附议代表", queryset=None)

    record_choices = {"delegate": "choices"}


class SubmitForm(forms.Form):
    as_opinion = forms.BooleanField(label="已过提案截止日期的，作为意见建议提交", required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", max_length=300, widget=_textarea(3), required=False)


class DeclineForm(forms.Form):
    reason = forms.CharField(label="不予立案、转为意见建议的理由", max_length=300, widget=_textarea(3), required=False)


class MergeForm(RecordChoicesForm):
    into = forms.ModelChoiceField(label="并入提案", queryset=None)

    record_choices = {"into": "choices"}


class AssignForm(RecordChoicesForm):
    lead = forms.ModelChoiceField(label="主办部门", queryset=None)
    co_handlers = forms.ModelMultipleChoiceField(label="协办部门", queryset=None, required=False,
                                                 widget=forms.CheckboxSelectMultiple)
    due_on = forms.DateField(label="办理期限", widget=DateInput(), required=False, help_text="不填则为交办后3个月")

    record_choices = {"lead": "choices", "co_handlers": "choices"}


class ExtendForm(forms.Form):
    due_on = forms.DateField(label="延期后的办理期限", widget=DateInput(), required=False,
                             help_text="只能延期一次；不填则延长30天")


class ReplyForm(forms.Form):
    reply_kind = forms.ChoiceField(label="答复类型", choices=ReplyKind.choices)
    reply = forms.CharField(label="答复内容", max_length=5000, widget=_textarea(), required=False,
                            help_text="已采取的措施，存在的困难和解决计划，或不能办理的理由")
    completion_on = forms.DateField(label="完成日期", widget=DateInput(), required=False)


class FollowUpForm(forms.Form):
    note = forms.CharField(label="落实跟踪情况", max_length=300, widget=_textarea(3), required=False)


class JudgeForm(forms.Form):
    verdict = forms.ChoiceField(label="提案人评价", choices=ProposalVerdict.choices, widget=forms.RadioSelect,
                                help_text="不满意的，重新办理一次")


class CommitteeMemberForm(RecordChoicesForm):
    user = forms.ModelChoiceField(label="委员账号", queryset=None, help_text="本工会可编辑的账号")
    is_chair = forms.BooleanField(label="主任委员", required=False)

    record_choices = {"user": "users"}


class DepartmentForm(RecordChoicesForm):
    name = forms.CharField(label="部门名称", max_length=60)
    officer = forms.ModelChoiceField(label="部门联络人账号", queryset=None, required=False,
                                     help_text="由该账号签收、答复交办的提案；不填则由工会干部代为办理")

    record_choices = {"officer": "officers"}
