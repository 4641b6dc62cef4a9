"""Input shape only: every rule about values lives in services.py, so pages and API say the same thing."""

from django import forms

from gonghui.core.forms import DateInput, RecordChoicesForm
from gonghui.ledger.models import HonourLevel

from .models import CompetitionTheme, EntryKind, HonourKind, InnovationKind


class TeamForm(RecordChoicesForm):
    name = forms.CharField(label="班组名称", max_length=120)
    enterprise = forms.ModelChoiceField(label="企业", queryset=None, required=False)

    record_choices = {"enterprise": "enterprises"}


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, member) -> str:
        # Two people of one name are told apart by the card number, never by the ID number.
        return f"{member.name}（会员卡号{member.card_number}）" if member.card_number else member.name


class TeamMemberForm(RecordChoicesForm):
    member = MemberChoiceField(label="会员", queryset=None, help_text="本班组所属工会的在册会员")
    joined_on = forms.DateField(label="加入日期", widget=DateInput())

    record_choices = {"member": "members"}


class TeamLeaderForm(RecordChoicesForm):
    leader = MemberChoiceField(label="班组长", queryset=None, required=False, empty_label="（暂不设班组长）",
                               help_text="从本班组的现有成员中选择")

    record_choices = {"leader": "members"}


class PlanForm(forms.Form):
    start_year = forms.IntegerField(label="起始年度")
    goal = forms.CharField(label="夺标目标", max_length=200, help_text="如：三年内创建五型班组、争创工人先锋号")


class TargetForm(forms.Form):
    year = forms.IntegerField(label="年度")
    target = forms.CharField(label="年度目标", max_length=200)
    result = forms.CharField(label="完成情况", max_length=200, required=False)
    met = forms.NullBooleanField(label="是否达成", required=False,
                                 widget=forms.Select(choices=(("unknown", "尚未评定"), ("true", "达成"), ("false", "未达成"))))


class InnovationForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=InnovationKind.choices)
    title = forms.CharField(label="名称", max_length=200)
    recorded_on = forms.DateField(label="日期", widget=DateInput())
    shared = forms.BooleanField(label="全公司共享", required=False)


class CompetitionForm(forms.Form):
    theme = forms.ChoiceField(label="竞赛主题", choices=CompetitionTheme.choices)
    title = forms.CharField(label="竞赛名称", max_length=120)
    starts_on = forms.DateField(label="开始日期", widget=DateInput())
    ends_on = forms.DateField(label="结束日期", widget=DateInput())
    indicators = forms.CharField(label="竞赛指标", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                                 help_text="每行一项：指标,分值[,否决][,计分办法]，如“零事故,40,否决,发生事故一票否决”")

    def clean_indicators(self):
        rows = []
        for number, line in enumerate((self.cleaned_data["indicators"] or "").splitlines(), start=1):
            parts = [p.strip() for p in line.replace("，", ",").split(",")]
            if not parts[0]:
                continue
            try:
                score = forms.DecimalField().clean(parts[1] if len(parts) > 1 else "")
            except forms.ValidationError:
                raise forms.ValidationError(f"第{number}行的分值不是数字") from None
            veto = len(parts) > 2 and parts[2] == "否决"
            rows.append((parts[0], score, veto, ",".join(parts[3 if veto else 2:])))
        return rows


class IndicatorForm(forms.Form):
    name = forms.CharField(label="竞赛指标", max_length=120)
    max_score = forms.DecimalField(label="分值", max_digits=6, decimal_places=1)
    veto = forms.BooleanField(label="一票否决", required=False)
    scoring = forms.CharField(label="计分办法", max_length=200, required=False)


class EntryForm(RecordChoicesForm):
    union = forms.ModelChoiceField(label="参赛单位", queryset=None)
    kind = forms.ChoiceField(label="参赛类型", choices=EntryKind.choices)
    team = forms.ModelChoiceField(label="班组", queryset=None, required=False)
    person = forms.CharField(label="参赛个人", max_length=30, required=False)

    record_choices = {"union": "unions", "team": "teams"}


class ScoreForm(forms.Form):
    score = forms.DecimalField(label="得分", max_digits=6, decimal_places=1)
    vetoed = forms.BooleanField(label="一票否决", required=False)


class MonthField(forms.DateField):
    """A month typed as 2025-03 (a month picker in browsers that have one): its first day."""

    widget = forms.DateInput(format="%Y-%m", attrs={"type": "month", "placeholder": "2025-03"})
    input_formats = ["%Y-%m"]
    default_error_messages = {"invalid": "请按“2025-03”的格式填写月份"}


class MonthlyForm(forms.Form):
    """One indicator's check of a month: a score field per entry of the competition."""

    indicator = forms.ModelChoiceField(label="竞赛指标", queryset=None)
    month = MonthField(label="月份")

    def __init__(self, *args, indicators=None, entries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators
        self.entries = list(entries)
        for entry in self.entries:
            self.fields[f"value_{entry.pk}"] = forms.DecimalField(label=entry.name, max_digits=6, decimal_places=1,
                                                                  required=False)

    def clean(self):
        data = super().clean()
        return {"indicator": data.get("indicator"), "month": data.get("month"),
                "values": {entry: data.get(f"value_{entry.pk}") for entry in self.entries}}


class RedFlagForm(forms.Form):
    month = MonthField(label="月份")
    entry = forms.ModelChoiceField(label="获得者", queryset=None, required=False,
                                   help_text="留空即由当月得分最高者获得；并列最高分时须选择")

    def __init__(self, *args, entries=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = entries
        self.fields["entry"].label_from_instance = lambda entry: entry.name


class SuggestionForm(forms.Form):
    title = forms.CharField(label="建议名称", max_length=200)
    proposer = forms.CharField(label="建议人", max_length=60)
    submitted_on = forms.DateField(label="提出日期", widget=DateInput())
    adopted = forms.BooleanField(label="已采纳", required=False)
    value = forms.DecimalField(label="创造效益（元）", max_digits=14, decimal_places=2, required=False)


class AccidentForm(forms.Form):
    occurred_on = forms.DateField(label="发生日期", widget=DateInput())
    description = forms.CharField(label="事故情况", max_length=300)


class NominationForm(RecordChoicesForm):
    honour_kind = forms.ChoiceField(label="荣誉", choices=HonourKind.choices)
    level = forms.ChoiceField(label="级别", choices=HonourLevel.choices, initial=HonourLevel.COUNTY)
    awarding_body = forms.CharField(label="授予单位", max_length=60)
    team = forms.ModelChoiceField(label="被推荐班组", queryset=None, required=False,
                                  help_text="推荐本工会的班组时选择；留空即推荐工会")
    reason = forms.CharField(label="推荐理由", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))

    record_choices = {"team": "teams"}


class PairForm(RecordChoicesForm):
    model_union = forms.ModelChoiceField(label="优秀企业工会", queryset=None)
    ordinary_union = forms.ModelChoiceField(label="普通企业工会", queryset=None)
    agreed_on = forms.DateField(label="结对日期", widget=DateInput())

    record_choices = {"model_union": "unions", "ordinary_union": "unions"}


class PairActivityForm(RecordChoicesForm):
    activity = forms.ModelChoiceField(label="台帐活动", queryset=None)

    record_choices = {"activity": "activities"}
