from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

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


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)
