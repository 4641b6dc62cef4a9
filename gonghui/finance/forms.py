"""Input shape only: every rule about values lives in services.py, so pages and API say the same thing.

Amounts are text fields: the service reads them as yuan to the fen and words the errors.
"""

from django import forms

from gonghui.core.forms import DateInput, RecordChoicesForm

from .models import AllocationChannel, AuditScope, LineKind

LINE_ROWS = 6


def _amount(label: str, required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=20,
                           widget=forms.TextInput(attrs={"inputmode": "decimal"}))


class VoucherForm(forms.Form):
    """A voucher and up to LINE_ROWS lines; an empty row is left out."""

    date = forms.DateField(label="日期", widget=DateInput())
    summary = forms.CharField(label="摘要", max_length=200)
    attachment_count = forms.IntegerField(label="附单据张数", min_value=0, max_value=999, required=False)

    def __init__(self, *args, accounts=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "——请选择——"), *accounts]
        for i in range(1, LINE_ROWS + 1):
            self.fields[f"code_{i}"] = forms.ChoiceField(label=f"第{i}行 会计科目", choices=choices, required=False)
            self.fields[f"line_summary_{i}"] = forms.CharField(label=f"第{i}行 摘要", max_length=200, required=False)
            self.fields[f"debit_{i}"] = _amount(f"第{i}行 借方金额（元）")
            self.fields[f"credit_{i}"] = _amount(f"第{i}行 贷方金额（元）")
            self.fields[f"kind_{i}"] = forms.ChoiceField(label=f"第{i}行 支出性质", choices=LineKind.choices,
                                                         initial=LineKind.ORDINARY)
            self.fields[f"headcount_{i}"] = forms.IntegerField(label=f"第{i}行 受益人数", min_value=0,
                                                               max_value=1_000_000, required=False,
                                                               help_text="慰问品填写人数" if i == 1 else "")



def voucher_data(data: dict) -> dict:
    """The service's arguments from the form's cleaned data."""
    lines = [{"code": data[f"code_{i}"], "debit": data[f"debit_{i}"] or None, "credit": data[f"credit_{i}"] or None,
              "summary": data[f"line_summary_{i}"], "kind": data[f"kind_{i}"],
              "headcount": data[f"headcount_{i}"] or 0}
             for i in range(1, LINE_ROWS + 1)
             if data[f"code_{i}"] or data[f"debit_{i}"] or data[f"credit_{i}"]]
    return {"date": data["date"], "summary": data["summary"], "attachment_count": data["attachment_count"] or 0,
            "lines": lines}


def voucher_initial(voucher) -> dict:
    initial = {"date": voucher.date, "summary": voucher.summary, "attachment_count": voucher.attachment_count}
    for i, line in enumerate(voucher.lines.all()[:LINE_ROWS], start=1):
        initial.update({f"code_{i}": line.code, f"line_summary_{i}": line.summary,
                        f"debit_{i}": f"{line.debit:.2f}" if line.debit else "",
                        f"credit_{i}": f"{line.credit:.2f}" if line.credit else "",
                        f"kind_{i}": line.kind, f"headcount_{i}": line.headcount or None})
    return initial


class AttachmentForm(forms.Form):
    file = forms.FileField(label="原始单据", help_text="发票、收据的扫描件或照片：pdf、jpg、png")


class BooksForm(forms.Form):
    legal_representative = forms.CharField(label="法定代表人", max_length=30, required=False)
    finance_head = forms.CharField(label="主管会计工作负责人", max_length=30, required=False)
    accounting_head = forms.CharField(label="会计机构负责人", max_length=30, required=False)


class BudgetForm(forms.Form):
    year = forms.IntegerField(label="预算年度")
    code = forms.ChoiceField(label="会计科目", choices=())
    amount = _amount("预算数（元）", required=True)

    def __init__(self, *args, accounts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = accounts


class AllocationForm(RecordChoicesForm):
    enterprise = forms.ModelChoiceField(label="缴费企业", queryset=None)
    month = forms.DateField(label="所属月份", widget=DateInput(), help_text="填写该月任一天")
    payroll = _amount("工资总额（元）", required=True)
    channel = forms.ChoiceField(label="缴纳方式", choices=AllocationChannel.choices)
    received_on = forms.DateField(label="到账日期", widget=DateInput())

    record_choices = {"enterprise": "enterprises"}


class DuesForm(forms.Form):
    month = forms.DateField(label="所属月份", widget=DateInput(), help_text="填写该月任一天")
    members = forms.IntegerField(label="缴纳会员人数", min_value=1, max_value=10_000_000)
    wages = _amount("缴纳会员月工资总额（元）", required=True)
    received_on = forms.DateField(label="收缴日期", widget=DateInput())


def _percent(label: str) -> forms.CharField:
    return forms.CharField(label=label, max_length=8, required=False, initial="0")


class SharingForm(forms.Form):
    province = forms.CharField(label="省份", max_length=30)
    effective_from = forms.DateField(label="执行日期", widget=DateInput())
    grassroots = _percent("基层工会留成（%）")
    street = _percent("乡镇（街道）总工会（%）")
    county = _percent("县级总工会（%）")
    city = _percent("市级总工会（%）")
    province_share = _percent("省总工会（%）")
    national = _percent("全国总工会（%）")


class DuesRateForm(forms.Form):
    province = forms.CharField(label="省份", max_length=30)
    effective_from = forms.DateField(label="执行日期", widget=DateInput())
    rate = forms.CharField(label="会费标准（月工资的%）", max_length=8, initial="0.5",
                           help_text="会员每月按本人工资的这一比例缴纳会费")


class RulesForm(forms.Form):
    province = forms.CharField(label="省份", max_length=30)
    effective_from = forms.DateField(label="执行日期", widget=DateInput())
    gift_limit = _amount("慰问品每人每年限额（元）", required=True)
    cash_gifts_banned = forms.BooleanField(label="禁止发放现金和购物卡", required=False, initial=True)
    equipment_threshold = _amount("通用设备固定资产标准（元）", required=True)


class AuditForm(RecordChoicesForm):
    union = forms.ModelChoiceField(label="被审查工会", queryset=None, help_text="本级工会或下级工会")
    year = forms.IntegerField(label="审查年度")
    title = forms.CharField(label="审查项目", max_length=120)
    scope = forms.MultipleChoiceField(label="审查范围", choices=AuditScope.choices,
                                      widget=forms.CheckboxSelectMultiple, required=False)
    started_on = forms.DateField(label="开始日期", widget=DateInput())

    record_choices = {"union": "unions"}


class FindingForm(forms.Form):
    area = forms.ChoiceField(label="审查范围", choices=AuditScope.choices)
    description = forms.CharField(label="问题", max_length=300)
    rule = forms.CharField(label="违反的规定", max_length=200)
    amount = _amount("涉及金额（元）")
    found_on = forms.DateField(label="发现日期", widget=DateInput(), required=False)


class NoticeForm(forms.Form):
    notice = forms.CharField(label="整改通知", max_length=4000, widget=forms.Textarea(attrs={"rows": 5}))
    deadline = forms.DateField(label="整改期限", widget=DateInput())


class FeedbackForm(forms.Form):
    feedback = forms.CharField(label="整改情况", max_length=4000, widget=forms.Textarea(attrs={"rows": 5}))
