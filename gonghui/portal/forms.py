"""The portal's forms: shape only; the services check the rules."""

from django import forms

from gonghui.care.choices import HardshipCause, SchoolLevel
from gonghui.core.forms import DateInput, RecordChoicesForm
from gonghui.ledger.models import ActivityKind
from gonghui.members.choices import MemberCategory
from gonghui.openaffairs.models import CommentKind

from .models import AidRequestKind

PHONE_ATTRS = {"inputmode": "numeric", "autocomplete": "tel", "maxlength": "11"}


class PhoneForm(forms.Form):
    phone = forms.CharField(label="手机号码", max_length=20, widget=forms.TextInput(attrs=PHONE_ATTRS),
                            error_messages={"required": "请输入手机号码"})


class CodeForm(forms.Form):
    code = forms.CharField(label="短信验证码", max_length=6, error_messages={"required": "请输入验证码"},
                           widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code",
                                                         "maxlength": "6"}))


class CommentForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=CommentKind.choices, initial=CommentKind.QUESTION)
    text = forms.CharField(label="内容", max_length=500, widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": "请填写内容"})


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class AidRequestForm(forms.Form):
    kind = forms.ChoiceField(label="申请类别", choices=AidRequestKind.choices, widget=forms.RadioSelect,
                             initial=AidRequestKind.HARDSHIP)
    causes = forms.MultipleChoiceField(label="致困原因（困难帮扶）", choices=HardshipCause.choices, required=False,
                                       widget=forms.CheckboxSelectMultiple)
    applicant_income = forms.CharField(label="本人月收入（元，困难帮扶）", required=False,
                                       widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    student_name = forms.CharField(label="学生姓名（金秋助学）", max_length=30, required=False)
    school_level = forms.ChoiceField(label="学段（金秋助学）", choices=[("", "请选择"), *SchoolLevel.choices],
                                     required=False)
    school_name = forms.CharField(label="学校（金秋助学）", max_length=60, required=False)
    note = forms.CharField(label="情况说明", max_length=500, widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": "请填写情况说明"})
    documents = MultipleFileField(label="证明材料（身份证、证明等的照片或 PDF）", required=False,
                                  help_text="可一次选择多张照片，最多6个文件")


class TransferAskForm(RecordChoicesForm):
    to_union = forms.ModelChoiceField(label="转入工会", queryset=None, empty_label="请选择",
                                      error_messages={"required": "请选择要转入的基层工会",
                                                      "invalid_choice": "请选择要转入的基层工会"})
    reason = forms.CharField(label="转会原因（如新的工作单位）", max_length=200,
                             error_messages={"required": "请填写转会原因"})

    record_choices = {"to_union": "unions"}


# The union's side -------------------------------------------------------------------------------

class OfferForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=ActivityKind.choices)
    title = forms.CharField(label="活动名称", max_length=200)
    held_on = forms.DateField(label="活动日期", widget=DateInput())
    place = forms.CharField(label="地点", max_length=100, required=False)
    description = forms.CharField(label="活动说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    capacity = forms.IntegerField(label="名额", min_value=1, max_value=100000)
    deadline = forms.DateTimeField(label="报名截止时间",
                                   widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                              format="%Y-%m-%dT%H:%M"))
    subtree = forms.BooleanField(label="下级工会会员可报名", required=False)
    categories = forms.MultipleChoiceField(label="可报名人员类别（不选即所有类别）", choices=MemberCategory.choices,
                                           required=False, widget=forms.CheckboxSelectMultiple)


class AcceptSchoolingForm(forms.Form):
    amount = forms.CharField(label="助学金额（元）", widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    granted_on = forms.DateField(label="发放日期", widget=DateInput())


class EmptyForm(forms.Form):
    pass


class DeclineForm(forms.Form):
    reply = forms.CharField(label="不予受理的原因（会员可见）", max_length=200,
                            error_messages={"required": "请填写不予受理的原因"})


class TransferAcceptForm(forms.Form):
    on_date = forms.DateField(label="转出日期", widget=DateInput())


class JoinForm(RecordChoicesForm):
    street = forms.ModelChoiceField(label="所在街道（乡镇）总工会", queryset=None, empty_label="请选择",
                                    error_messages={"required": "请选择所在的街道（乡镇）总工会",
                                                    "invalid_choice": "请选择所在的街道（乡镇）总工会"})
    name = forms.CharField(label="姓名", max_length=30, error_messages={"required": "请填写姓名"})
    phone = forms.CharField(label="手机号码", max_length=20, widget=forms.TextInput(attrs=PHONE_ATTRS),
                            error_messages={"required": "请输入手机号码"})
    employer = forms.CharField(label="工作单位", max_length=100, error_messages={"required": "请填写工作单位"})
    note = forms.CharField(label="补充说明", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    record_choices = {"street": "streets"}


class JoinAssignForm(RecordChoicesForm):
    union = forms.ModelChoiceField(label="分配给工会", queryset=None, empty_label="请选择",
                                   error_messages={"required": "请选择基层工会或联合工会"})

    record_choices = {"union": "unions"}
