"""Input shape only: every rule about values lives in services.py, so pages and API say the same thing."""

from django import forms

from gonghui.core.forms import DateInput, RecordChoicesForm

from .models import PostingCategory, PostingKind


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class PostingForm(RecordChoicesForm):
    kind = forms.ChoiceField(label="栏目", choices=PostingKind.choices, initial=PostingKind.NOTICE,
                             help_text="讨论话题、征文启事登在员工活动园地")
    category = forms.ChoiceField(label="公开类别", choices=PostingCategory.choices)
    title = forms.CharField(label="标题", max_length=120)
    content = forms.CharField(label="公开内容", max_length=10000, widget=_textarea(8))
    catalogue_item = forms.ModelChoiceField(label="对应公开目录事项", queryset=None, required=False,
                                            help_text="按公开目录公开的，选择对应的目录事项")
    starts_on = forms.DateField(label="公开开始日期", widget=DateInput())
    ends_on = forms.DateField(label="公开截止日期", widget=DateInput())

    record_choices = {"catalogue_item": "items"}


class ItemForm(forms.Form):
    year = forms.IntegerField(label="年度")
    category = forms.ChoiceField(label="公开类别", choices=PostingCategory.choices)
    title = forms.CharField(label="公开事项", max_length=120, help_text="如：年度工会经费收支情况")
    due_on = forms.DateField(label="应公开日期", widget=DateInput())
    vote_on = forms.DateField(label="职代会表决日期", required=False, widget=DateInput(),
                              help_text="需经职代会（教代会）表决的事项填写，须在表决日之前公开")


class AttachmentForm(forms.Form):
    file = forms.FileField(label="文件", help_text="文档或图片：pdf、docx、xlsx、jpg、png")


class AnswerForm(forms.Form):
    answer = forms.CharField(label="答复内容", max_length=2000, widget=_textarea(), required=False)
