"""Input shape only: every rule about values lives in services.py, so pages and API say the same thing."""

import re

from django import forms

from gonghui.core.forms import DateInput, RecordChoicesForm

from .models import EvidenceKind, RubricKind, ScoringMethod

YES_NO = (("", "请选择"), ("yes", "是"), ("no", "否"))


def levels_read(text: str) -> list:
    """'90:示范；75:达标' → [["90", "示范"], ["75", "达标"]] (the service checks the numbers and order)."""
    parts = [p.strip() for p in re.split(r"[;；,，\n]", text or "") if p.strip()]
    return [re.split(r"[:：]", part, maxsplit=1) if re.search(r"[:：]", part) else [part, ""] for part in parts]


def levels_text(levels) -> str:
    return "；".join(f"{lowest:g}:{label}" for lowest, label in levels)


class RubricForm(forms.Form):
    kind = forms.ChoiceField(label="考核类别", choices=RubricKind.choices)
    name = forms.CharField(label="细则名称", max_length=120, help_text="如：教职工之家评估细则")
    version = forms.IntegerField(label="版本", min_value=1, max_value=999, initial=1)
    levels = forms.CharField(label="等次", max_length=300, required=False,
                             help_text="从高到低，分数线:等次，如“90:模范职工之家；75:合格职工之家”")

    def clean_levels(self):
        return levels_read(self.cleaned_data["levels"])


class RubricImportForm(RubricForm):
    file = forms.FileField(label="Excel 文件",
                             help_text="第一张工作表，表头须有考核项目、考核内容、分值（可从任一细则导出样式）")


class ItemForm(forms.Form):
    section = forms.CharField(label="考核项目", max_length=120)
    text = forms.CharField(label="考核内容", max_length=300)
    max_score = forms.DecimalField(label="分值", max_digits=6, decimal_places=1)
    method = forms.ChoiceField(label="评分方法", choices=ScoringMethod.choices)
    deduct_per = forms.DecimalField(label="每次扣分", max_digits=6, decimal_places=1, required=False)
    evidence_kind = forms.ChoiceField(label="材料类型", choices=EvidenceKind.choices)
    evidence = forms.CharField(label="考核依据", max_length=200, required=False)
    veto = forms.BooleanField(label="一票否决", required=False)
    figure_key = forms.CharField(label="统计指标", max_length=80, required=False,
                                 help_text="系统据以计分的统计指标编号，如 plans.plans_filed")
    figure_target = forms.DecimalField(label="达标值", max_digits=12, decimal_places=2, required=False)


class CampaignForm(RecordChoicesForm):
    rubric = forms.ModelChoiceField(label="考核细则", queryset=None)
    name = forms.CharField(label="考核名称", max_length=120, help_text="如：2025年度职工之家评估")
    year = forms.IntegerField(label="年度")
    starts_on = forms.DateField(label="考核期起", widget=DateInput())
    ends_on = forms.DateField(label="考核期止", widget=DateInput())
    publicity_days = forms.IntegerField(label="公示天数", min_value=1, max_value=60, initial=7)
    unions = forms.ModelMultipleChoiceField(label="被考核单位", queryset=None, required=False,
                                            help_text="按住 Ctrl 可多选")

    record_choices = {"rubric": "rubrics", "unions": "unions"}


class SelfScoreForm(forms.Form):
    self_score = forms.DecimalField(label="自评分", max_digits=6, decimal_places=1)
    self_note = forms.CharField(label="自评说明", max_length=300, required=False)


class ReviewForm(forms.Form):
    score = forms.DecimalField(label="复核分", max_digits=6, decimal_places=1, required=False)
    occurrences = forms.IntegerField(label="扣分次数", min_value=0, max_value=999, required=False,
                                     help_text="扣分条目可填次数，由系统按每次扣分计算")
    comment = forms.CharField(label="复核意见", max_length=300, required=False)
    override_reason = forms.CharField(label="调整理由", max_length=300, required=False,
                                      help_text="与系统按统计数据所计分数不同时必填")
    veto_applies = forms.ChoiceField(label="存在否决情形", choices=YES_NO, required=False,
                                     help_text="一票否决条目必选")

    def clean_veto_applies(self):
        return {"yes": True, "no": False}.get(self.cleaned_data["veto_applies"])


class EvidenceForm(RecordChoicesForm):
    item = forms.ModelChoiceField(label="考核内容", queryset=None)
    file = forms.FileField(label="文件", required=False, help_text="PDF、Word、Excel 文档或 JPEG、PNG 图片")
    activity = forms.ModelChoiceField(label="或选择台帐记录", queryset=None, required=False)
    name = forms.CharField(label="材料名称", max_length=200, required=False)

    record_choices = {"item": "items", "activity": "activities"}


class ObjectionForm(forms.Form):
    raised_by = forms.CharField(label="提出人", max_length=60)
    text = forms.CharField(label="异议内容", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    raised_on = forms.DateField(label="提出日期", widget=DateInput())


class ObjectionAnswerForm(forms.Form):
    answer = forms.CharField(label="处理意见", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class RecheckForm(forms.Form):
    passed = forms.TypedChoiceField(label="复查结果", choices=(("yes", "复查合格"), ("no", "复查不合格，摘牌")),
                                    coerce=lambda value: value == "yes")
    reason = forms.CharField(label="摘牌原因", max_length=300, required=False)
    on = forms.DateField(label="复查日期", widget=DateInput())




class NoticeForm(forms.Form):
    deadline = forms.DateField(label="整改期限", widget=DateInput())


class NoticeAnswerForm(forms.Form):
    answer = forms.CharField(label="企业答复", max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
