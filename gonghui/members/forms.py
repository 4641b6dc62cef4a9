from django import forms
from django.core.exceptions import ValidationError

from gonghui.core.forms import DateInput, RecordChoicesForm, StoredIdentityMixin
from gonghui.core.identifiers import IdentifierError, parse_resident_id

from .choices import ETHNICITIES, Education, EventKind, Gender, MemberCategory, PoliticalStatus
from .models import Member
from .selectors import member_by_id_number

BLANK = [("", "—")]


def member_typed(*, user, raw: str, not_found: str) -> Member | None:
    """The member another app's form names by a typed ID number (blank: none), or the field's error."""
    if not raw:
        return None
    try:
        number = parse_resident_id(raw).number
    except IdentifierError as exc:
        raise ValidationError(str(exc)) from None
    member = member_by_id_number(user=user, id_number=number)
    if member is None:
        raise ValidationError(not_found)
    return member


class MemberForm(RecordChoicesForm):
    name = forms.CharField(label="姓名", max_length=30)
    id_number = forms.CharField(label="身份证号码", max_length=30, help_text="18位；15位老号码将自动升位")
    gender = forms.ChoiceField(label="性别", choices=BLANK + Gender.choices, required=False,
                               help_text="可不填，按身份证号码自动识别")
    birth_date = forms.DateField(label="出生日期", required=False, widget=DateInput(),
                                 help_text="可不填，按身份证号码自动识别")
    ethnicity = forms.ChoiceField(label="民族", choices=[(e, e) for e in ETHNICITIES], initial="汉族")
    phone = forms.CharField(label="手机号码", max_length=20, required=False)
    education = forms.ChoiceField(label="学历", choices=BLANK + Education.choices, required=False)
    political_status = forms.ChoiceField(label="政治面貌", choices=BLANK + PoliticalStatus.choices, required=False)
    category = forms.ChoiceField(label="人员类别", choices=MemberCategory.choices, initial=MemberCategory.EMPLOYED)
    group = forms.ModelChoiceField(label="工会小组", queryset=None, required=False)
    join_date = forms.DateField(label="入会日期", widget=DateInput())
    card_number = forms.CharField(label="会员卡号", max_length=30, required=False)

    record_choices = {"group": "groups"}


class MemberEditForm(StoredIdentityMixin, MemberForm):
    """The member form on an existing member: ID number and phone shown masked, kept unless retyped."""


class LifecycleForm(forms.Form):
    kind = forms.ChoiceField(label="事项", choices=[(k, k.label) for k in (EventKind.RETIRE, EventKind.LEAVE, EventKind.DEATH)])
    on_date = forms.DateField(label="日期", widget=DateInput())
    note = forms.CharField(label="备注", max_length=200, required=False)


class TransferForm(RecordChoicesForm):
    to_union = forms.ModelChoiceField(label="转入工会", queryset=None)
    on_date = forms.DateField(label="转出日期", widget=DateInput())
    reason = forms.CharField(label="原因", max_length=200, required=False)

    record_choices = {"to_union": "targets"}
