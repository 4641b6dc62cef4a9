"""The summary page's forms: which union and period, and the officer's text (one box per block)."""

from django import forms

from .summary import BODY, LEVELS, Block, Summary, unknown_tokens, used_keys
from .summary_services import EDITED_MAX

LEVEL_CHOICES = list(LEVELS.items())


class SummaryForm(forms.Form):
    """The title, each block's level and text (plus an empty one to add a paragraph), and the figures
    the text names with a box to type a value over by hand."""

    title = forms.CharField(label="标题", max_length=120)

    def __init__(self, *args, summary: Summary, figures: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.block_count = len(summary.blocks) + 1
        blocks = [*summary.blocks, Block(BODY, "")]
        self.initial.setdefault("title", summary.title)
        for i, block in enumerate(blocks):
            self.fields[f"level_{i}"] = forms.TypedChoiceField(
                label=f"第{i + 1}段层级", choices=LEVEL_CHOICES, coerce=int, initial=block.level)
            rows = 2 if block.level else 4
            self.fields[f"text_{i}"] = forms.CharField(
                label=f"第{i + 1}段" if i < len(summary.blocks) else "新增一段", required=False, initial=block.text,
                widget=forms.Textarea(attrs={"rows": rows}), strip=True)
            self.fields[f"section_{i}"] = forms.CharField(required=False, initial=block.section,
                                                          widget=forms.HiddenInput)
        self.figure_keys = used_keys(summary.blocks)
        self.figure_keys = [key for key in self.figure_keys if key in figures]
        for key in self.figure_keys:
            value = figures[key]
            self.fields[f"figure_{key}"] = forms.CharField(
                label=f"{value.figure.label}（系统统计：{value.text}）", required=False, max_length=EDITED_MAX,
                initial=summary.edited.get(key, ""), help_text="留空则用系统统计数")

    def clean(self):
        data = super().clean()
        for i in range(self.block_count):
            if unknown := unknown_tokens(data.get(f"text_{i}") or ""):
                self.add_error(f"text_{i}", f"引用了不存在的统计指标：{'、'.join(unknown)}")
        return data

    def rows(self):
        """(level field, text field) of each block, in order, for the template."""
        return [(self[f"level_{i}"], self[f"text_{i}"], self[f"section_{i}"]) for i in range(self.block_count)]

    def figure_fields(self):
        return [self[f"figure_{key}"] for key in self.figure_keys]

    def blocks(self) -> list[Block]:
        data = self.cleaned_data
        return [Block(data[f"level_{i}"], data.get(f"text_{i}") or "", data.get(f"section_{i}") or "")
                for i in range(self.block_count)]

    def edited(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(f"figure_{key}") or "" for key in self.figure_keys}
