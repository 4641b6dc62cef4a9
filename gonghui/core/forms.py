from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .figure_cache import remembered_query

T = TypeVar("T")


def call_service(form: forms.Form, service: Callable[[], T]) -> T | None:
    """Run a write; a ValidationError lands at the form field it names, else at the top."""
    try:
        return service()
    except ValidationError as exc:
        for field, messages in (exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}).items():
            target = field if field in form.fields else None
            if field not in (None, NON_FIELD_ERRORS, "__all__") and target is None:
                messages = [f"{field}：{m}" for m in messages]
            form.add_error(target, messages)
        return None


class ListSelect(forms.Select):
    """A <select> written in Python: Django renders each option through two templates, which made a
    county's 228 unions 15–35 ms of every page that offers them (issue 11). The same markup, one string,
    written without format_html per option (2,300 calls a page)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = "".join(
            f'<option value="{escape(option)}"{" selected" if str(option) in chosen else ""}>{escape(label)}</option>'
            for option, label in self.choices)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)),
                           mark_safe(options))


class ListedChoices(forms.models.ModelChoiceIterator):
    """The choices read with one plain SELECT: Django's iterator() would open a server-side cursor
    (DECLARE … WITH HOLD, FETCH, CLOSE: three round trips) for the few hundred unions of a county."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        # Kept between requests (the same unions on every page of a user) until a write changes them.
        yield from remembered_query(self.queryset, lambda: [
            (str(value), label) for value, label in (self.choice(obj) for obj in self.queryset)])


class ListedChoiceField(forms.ModelChoiceField):
    """A choice among records of which a page shows every one (the user's unions, a union's groups)."""

    iterator = ListedChoices
    widget = ListSelect


class ChoicesForm(forms.Form):
    """A form whose select boxes list the user's own records: the view hands it their querysets,
    `choices={field: queryset}`."""

    def __init__(self, *args, choices: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, queryset in (choices or {}).items():
            self.fields[name].queryset = queryset


class RecordChoicesForm(forms.Form):
    """A form whose selects list records only its view can name (the user's own): `record_choices` maps each
    such field to the keyword the view hands its queryset in, `{"item": "items"}` for `Form(items=...)`."""

    record_choices: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        given = {name: kwargs.pop(name, None) for name in set(self.record_choices.values())}
        super().__init__(*args, **kwargs)
        for field, name in self.record_choices.items():
            self.fields[field].queryset = given[name]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class StoredIdentityMixin:
    """Edit forms of records holding ID numbers or phones: the stored value never goes back to the browser.

    `stored` maps such a field to its stored value's mask. The field starts empty with the mask as
    placeholder; left empty it is dropped from cleaned_data, so the service keeps what it has; a value
    typed replaces it. An optional field gets a box to clear what is stored.
    """

    def __init__(self, *args, stored: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored = {name: masked for name, masked in (stored or {}).items() if name in self.fields}
        for name, masked in self.stored.items():
            field = self.fields[name]
            clearable = not field.required
            field.required = False
            field.widget.attrs["placeholder"] = masked or "（未填写）"
            field.help_text = f"当前为 {masked}，留空则不改变" if masked else "当前未填写"
            if clearable and masked:
                self.fields[f"{name}_clear"] = forms.BooleanField(label=f"清除{field.label}", required=False)
        self.order_fields([n for name in list(self.fields) if not name.endswith("_clear")
                           for n in (name, f"{name}_clear") if n in self.fields])

    def clean(self):
        data = super().clean()
        for name in self.stored:
            if data.pop(f"{name}_clear", False):
                data[name] = ""
            elif not data.get(name):
                data.pop(name, None)
        return data
