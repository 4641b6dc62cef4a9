"""The welfare forms: each record type's fields as its model declares them (labels included); a person's
record names a member by ID number (looked up, never stored, never shown back) or a non-member by name."""

from django import forms
from django.db import models

from gonghui.core.forms import DateInput
from gonghui.members.forms import member_typed

from . import services
from .models import ChildrenProgramme, DonationDrive, EmploymentAid, Recuperation


class UnechoedInput(forms.TextInput):
    """A full ID number typed into a form is not written back into the page that answers it."""

    def format_value(self, value):
        return None


class RecordForm(forms.Form):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user


class PersonForm(RecordForm):
    member = forms.CharField(label="会员身份证号码", max_length=30, required=False, widget=UnechoedInput(
        attrs={"autocomplete": "off"}), help_text="会员填写18位身份证号码（只用于查找会员，不保存）；非会员留空并填写姓名")

    def clean_member(self):
        return member_typed(user=self.user, raw=self.cleaned_data.get("member"), not_found=services.NOT_YOURS_MEMBER)


class PersonEditForm(PersonForm):
    """Editing, a blank ID number keeps the member the record names."""

    def clean(self):
        data = super().clean()
        if data.get("member") is None and "member" not in self.errors:
            data.pop("member", None)
        return data


def _widgets(model, fields) -> dict:
    return {name: DateInput() for name in fields if isinstance(model._meta.get_field(name), models.DateField)}


def record_form(base: type[RecordForm], model, fields: tuple[str, ...]) -> type[RecordForm]:
    """A form of the model's own fields; money is a plain number here: the service checks fen, sign and size."""
    declared = forms.fields_for_model(model, fields=fields, widgets=_widgets(model, fields))
    for name in fields:
        if isinstance(model._meta.get_field(name), models.DecimalField):
            declared[name] = forms.DecimalField(label=declared[name].label, required=False)
    if "name" in declared and issubclass(base, PersonForm):
        declared["name"] = forms.CharField(label="姓名（非会员）", max_length=30, required=False,
                                           help_text="填写会员身份证号码时不必填写，按会员档案的姓名登记")
    return type(f"{model.__name__}{base.__name__}", (base,), dict(declared))


def _person_fields(fields: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in fields if name != "member")


AID_FIELDS = _person_fields(services.AID_FIELDS)
RECUPERATION_FIELDS = _person_fields(services.RECUPERATION_FIELDS)

EmploymentAidForm = record_form(PersonForm, EmploymentAid, AID_FIELDS)
EmploymentAidEditForm = record_form(PersonEditForm, EmploymentAid, AID_FIELDS)
RecuperationForm = record_form(PersonForm, Recuperation, RECUPERATION_FIELDS)
RecuperationEditForm = record_form(PersonEditForm, Recuperation, RECUPERATION_FIELDS)
ChildrenProgrammeForm = record_form(RecordForm, ChildrenProgramme, services.PROGRAMME_FIELDS)
DonationDriveForm = record_form(RecordForm, DonationDrive, services.DRIVE_FIELDS)
