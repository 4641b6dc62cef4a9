from django import forms

from .columns import FIELDS, column_letter
from .models import ExportFormat, ImportMode, RosterImport


class UploadForm(forms.Form):
    file = forms.FileField(label="花名册文件", help_text="接受 .xlsx、.xls 和 .csv（UTF-8 或 GBK 编码）；不接受启用宏的 .xlsm")


class SheetForm(forms.Form):
    sheet_name = forms.ChoiceField(label="工作表")

    def __init__(self, *args, roster: RosterImport, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sheet_name"].choices = [
            (s["name"], f"{s['name']}（约 {s['rows']} 行）" if s["rows"] is not None else s["name"]) for s in roster.sheets]


class MappingForm(forms.Form):
    """One select per roster field; the choices are the columns of the file, by letter and header."""

    def __init__(self, *args, roster: RosterImport, **kwargs):
        super().__init__(*args, **kwargs)
        columns = [("", "（不导入）")] + [(str(i), f"{column_letter(i)} 列：{h}") for i, h in enumerate(roster.headers)]
        for field in FIELDS:
            self.fields[field.key] = forms.TypedChoiceField(
                label=field.label, choices=columns, required=False, coerce=int, empty_value=None,
                initial=roster.mapping.get(field.key))


class StartForm(forms.Form):
    mode = forms.ChoiceField(label="导入方式", choices=ImportMode.choices, widget=forms.RadioSelect,
                             initial=ImportMode.SKIP_REJECTED)


class ExportForm(forms.Form):
    format = forms.ChoiceField(label="格式", choices=ExportFormat.choices, initial=ExportFormat.XLSX)
