"""The four record types of the welfare app, each described once: its pages, export and API are built from it."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model
from django.forms.models import model_to_dict
from django.urls import reverse

from gonghui.core.figures import Column

from . import forms, services, tables
from .filters import FILTERS
from .models import ChildrenProgramme, DonationDrive, EmploymentAid, Recuperation


@dataclass(frozen=True)
class Kind:
    name: str  # URL names (welfare:<name>_list) and the API's path
    path: str  # the pages' path under /welfare/
    title: str
    model: type[Model]
    form: type
    edit_form: type
    fields: tuple[str, ...]  # what the edit form may change (the service's editable fields)
    columns: tuple[Column, ...]
    create: Callable
    update: Callable
    delete: Callable
    record_arg: str  # the record's keyword in update/delete: aid=, stay=, programme=, drive=

    @property
    def filters(self):
        return FILTERS[self.model]

    @property
    def list_url(self) -> str:
        return self.url("list")

    def url(self, action: str, *args) -> str:
        return reverse(f"welfare:{self.name}_{action}", args=args)

    def initial(self, record) -> dict:
        return model_to_dict(record, fields=[name for name in self.fields if name != "member"])

    def change(self, record, *, actor, **fields):
        return self.update(actor=actor, **{self.record_arg: record}, **fields)

    def remove(self, record, *, actor) -> None:
        self.delete(actor=actor, **{self.record_arg: record})


KINDS = (
    Kind("aid", "employment-aid", "再就业援助", EmploymentAid, forms.EmploymentAidForm, forms.EmploymentAidEditForm,
         services.AID_FIELDS, tables.AID_COLUMNS, services.employment_aid_create, services.employment_aid_update,
         services.employment_aid_delete, "aid"),
    Kind("recuperation", "recuperation", "体检与疗休养", Recuperation, forms.RecuperationForm,
         forms.RecuperationEditForm, services.RECUPERATION_FIELDS, tables.RECUPERATION_COLUMNS,
         services.recuperation_create, services.recuperation_update, services.recuperation_delete, "stay"),
    Kind("programme", "programmes", "小候鸟暑期放心班", ChildrenProgramme, forms.ChildrenProgrammeForm,
         forms.ChildrenProgrammeForm, services.PROGRAMME_FIELDS, tables.PROGRAMME_COLUMNS,
         services.children_programme_create, services.children_programme_update,
         services.children_programme_delete, "programme"),
    Kind("drive", "drives", "慈善一日捐", DonationDrive, forms.DonationDriveForm, forms.DonationDriveForm,
         services.DRIVE_FIELDS, tables.DRIVE_COLUMNS, services.donation_drive_create, services.donation_drive_update,
         services.donation_drive_delete, "drive"),
)
