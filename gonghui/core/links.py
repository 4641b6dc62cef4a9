"""The address of a record's page, for a figure's records, a form's way back and a list's rows alike."""

from collections.abc import Callable
from typing import Any

from django.urls import reverse


def record_link(name: str, attr: str = "pk") -> Callable[[Any], str]:
    """The page named `name` of the record's `attr` (its own pk, or its parent's id): `record_link("checks:assessment_detail")`."""
    def record_url(record) -> str:
        return reverse(name, args=[getattr(record, attr)])
    return record_url
