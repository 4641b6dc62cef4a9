from django import forms

from .models import PlanItemStatus, WorkArea

MONTH_CHOICES = [(m, f"{m}月") for m in range(1, 13)]
PREVIOUS, BLANK = "previous", "blank"


class PlanCreateForm(forms.Form):
    year = forms.IntegerField(label="年度")
    source = forms.ChoiceField(label="从哪里开始", widget=forms.RadioSelect)

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [(f"template:{t.pk}", f"模板：{t.name}") for t in templates] + [
            (PREVIOUS, "沿用上一年的计划"), (BLANK, "空白计划")]


class PlanEditForm(forms.Form):
    guiding_ideas = forms.CharField(label="指导思想", required=False, widget=forms.Textarea(attrs={"rows": 5}))
    key_tasks = forms.CharField(label="工作重点", required=False, widget=forms.Textarea(attrs={"rows": 6}))


class ItemForm(forms.Form):
    area = forms.ChoiceField(label="工作领域", choices=WorkArea.choices)
    title = forms.CharField(label="工作事项", max_length=200)
    detail = forms.CharField(label="具体内容", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    months = forms.TypedMultipleChoiceField(label="安排月份", choices=MONTH_CHOICES, coerce=int, required=False,
                                            widget=forms.CheckboxSelectMultiple(attrs={"class": "months"}))
    owner = forms.CharField(label="责任人", max_length=60, required=False)
    target_count = forms.IntegerField(label="目标数量", required=False,
                                      help_text="可计量时填写，如“今年举办二次职工趣味运动会”填 2")
    target_unit = forms.CharField(label="计量单位", max_length=10, required=False, help_text="如：次、期、人")


class PlanItemForm(ItemForm):
    status = forms.ChoiceField(label="状态", choices=PlanItemStatus.choices, initial=PlanItemStatus.ACTIVE)


class TemplateForm(forms.Form):
    name = forms.CharField(label="模板名称", max_length=60)
    suited_for = forms.CharField(label="适用对象", max_length=60, required=False)
    guiding_ideas = forms.CharField(label="指导思想", required=False, widget=forms.Textarea(attrs={"rows": 5}))
    key_tasks = forms.CharField(label="工作重点", required=False, widget=forms.Textarea(attrs={"rows": 6}))


class TemplateCreateForm(forms.Form):
    name = forms.CharField(label="模板名称", max_length=60)
    suited_for = forms.CharField(label="适用对象", max_length=60, required=False)
    source = forms.ChoiceField(label="内容来自", required=False)

    def __init__(self, *args, templates, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", "空白模板")] + [
            (f"template:{t.pk}", f"复制模板：{t.name}") for t in templates] + [
            (f"plan:{p.pk}", f"复制计划：{p}") for p in plans]
