from django import forms
from django.urls import reverse

from gonghui.core.forms import DateInput

from .models import ActivityKind, HonourLevel, RecipientType

BLANK = [("", "—")]
HONOUR_TITLES = ("先进个人", "工人先锋号", "最美职工", "师德标兵", "模范职工之家", "劳动模范", "优秀工会干部")


class MemberPicker(forms.Widget):
    """Members picked from the roster by a search, not a select of the whole county:
    the chosen ones are shown ticked, a search box fetches more (htmx)."""

    template_name = "ledger/widgets/member_picker.html"

    def __init__(self, *, multiple: bool, attrs=None):
        super().__init__(attrs)
        self.multiple = multiple
        self.members = None
        self.search_url = ""

    def value_from_datadict(self, data, files, name):
        if self.multiple:
            return data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        # An empty multiple choice posts nothing at all: that is a choice too (nobody).
        return False if self.multiple else super().value_omitted_from_data(data, files, name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        values = value if isinstance(value, (list, tuple)) else [value]
        ids = [str(getattr(v, "pk", v)) for v in values if v not in (None, "")]
        picked = list(self.members.filter(pk__in=[i for i in ids if i.isdigit()]).select_related("union")) \
            if ids and self.members is not None else []
        context["widget"].update(picked=picked, multiple=self.multiple, search_url=self.search_url,
                                 input_type="checkbox" if self.multiple else "radio")
        return context


def _pick(field: forms.Field, *, members, union) -> None:
    field.queryset = members
    field.widget.members = members
    field.widget.search_url = reverse("ledger:roster_search", args=[union.pk]) + (
        f"?name={field.widget_name}&multiple={int(field.widget.multiple)}")


class MemberField(forms.ModelChoiceField):
    widget_name = ""

    def __init__(self, **kwargs):
        super().__init__(queryset=None, widget=MemberPicker(multiple=False), required=False,
                         error_messages={"invalid_choice": "找不到该会员，或不在您的管辖范围内"}, **kwargs)


class MembersField(forms.ModelMultipleChoiceField):
    widget_name = ""

    def __init__(self, **kwargs):
        super().__init__(queryset=None, widget=MemberPicker(multiple=True), required=False, error_messages={
            "invalid_choice": "找不到编号为 %(value)s 的会员，或不在您的管辖范围内",
            "invalid_pk_value": "“%(pk)s”不是有效的会员编号"}, **kwargs)


class PickerForm(forms.Form):
    """A form with member pickers: they search the roster of `union`, among the members `members` holds."""

    def __init__(self, *args, members, union, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, (MemberField, MembersField)):
                field.widget_name = name
                _pick(field, members=members, union=union)


class ActivityForm(PickerForm):
    kind = forms.ChoiceField(label="类别", choices=ActivityKind.choices)
    title = forms.CharField(label="活动名称", max_length=200)
    series = forms.CharField(label="系列活动名称", max_length=60, required=False,
                             help_text="属于系列活动的，填写系列名称，如：一小时讲堂；每次活动登记一条")
    date = forms.DateField(label="日期", widget=DateInput())
    end_date = forms.DateField(label="结束日期", required=False, widget=DateInput(), help_text="一天以内的活动不填")
    place = forms.CharField(label="地点", max_length=100, required=False)
    organiser = forms.CharField(label="组织者", max_length=60, required=False)
    plan_item = forms.ModelChoiceField(label="对应计划事项", queryset=None, required=False,
                                       help_text="这项活动完成的是计划中的哪一项")
    participants = MembersField(label="参加人员（会员）")
    participant_count = forms.IntegerField(label="参加人数", required=False,
                                           help_text="不填时按所选参加人员计数")
    cost = forms.DecimalField(label="费用（元）", required=False, max_digits=14, decimal_places=4)
    results = forms.CharField(label="成效", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, plan_items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_item"].queryset = plan_items
        self.fields["plan_item"].label_from_instance = lambda item: f"{item.plan.year}年 · {item.title}"


class AttendanceForm(forms.Form):
    attended = forms.MultipleChoiceField(label="实到人员", required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, participations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(p.member_id, p.member.name) for p in participations]


class ResultForm(PickerForm):
    member = MemberField(label="获奖会员")
    team_name = forms.CharField(label="或：获奖团队", max_length=60, required=False)
    rank = forms.IntegerField(label="名次", required=False)
    prize = forms.CharField(label="奖项", max_length=60, required=False, help_text="如：一等奖、优秀组织奖")


class HonourForm(PickerForm):
    recipient_type = forms.ChoiceField(label="表彰对象", choices=RecipientType.choices)
    member = MemberField(label="获表彰会员")
    team_name = forms.CharField(label="获表彰集体", max_length=60, required=False, help_text="如：某某班组")
    recipient_union = forms.ModelChoiceField(label="获表彰工会", queryset=None, required=False)
    title = forms.CharField(label="荣誉称号", max_length=60, help_text="如：" + "、".join(HONOUR_TITLES))
    level = forms.ChoiceField(label="级别", choices=BLANK + HonourLevel.choices)
    date = forms.DateField(label="表彰日期", widget=DateInput())
    awarding_body = forms.CharField(label="授予单位", max_length=100)
    note = forms.CharField(label="备注", max_length=200, required=False)

    def __init__(self, *args, unions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient_union"].queryset = unions


class NewsForm(PickerForm):
    reporter = MemberField(label="报送人（会员）")
    reporter_name = forms.CharField(label="或：报送人姓名", max_length=30, required=False,
                                    help_text="报送人不是会员时填写")
    title = forms.CharField(label="标题", max_length=200)
    date = forms.DateField(label="报送日期", widget=DateInput())
    published_in = forms.CharField(label="刊发媒体", max_length=100, required=False,
                                   help_text="如：区总工会网站、职工服务微信平台")


class RewardRuleForm(forms.Form):
    min_count = forms.IntegerField(label="报道数量达到（篇）")
    reward = forms.CharField(label="奖励", max_length=100, help_text="如：通报表扬、三等奖")
    amount = forms.DecimalField(label="奖金（元）", required=False, max_digits=14, decimal_places=4)


class AttachmentForm(forms.Form):
    file = forms.FileField(label="文件", help_text="照片或文件（签到表、会议记录）：jpg、png、pdf、docx、xlsx")
    note = forms.CharField(label="说明", max_length=100, required=False)
