"""The fields and the member lookup every care form shares."""

from django import forms
from django.core.exceptions import ValidationError

from gonghui.core.forms import DateInput
from gonghui.core.identifiers import IdentifierError, parse_resident_id

from ..rules import NOT_YOURS
from ..selectors.members import care_member_by_id_number

BLANK = [("", "—")]


def money_field(label: str, **kwargs) -> forms.DecimalField:
    # No decimal_places here: the service checks cents, sign and size, with its own messages.
    return forms.DecimalField(label=label, **kwargs)


def day(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput(), **kwargs)


class MemberByIdForm(forms.Form):
    """Forms name a member by full ID number, looked up among the members the user may see."""

    member = forms.CharField(label="会员身份证号码", max_length=30,
                             help_text="18位身份证号码；只能选择您管辖范围内的会员")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_member(self):
        raw = self.cleaned_data.get("member")
        if not raw:
            return None
        try:
            number = parse_resident_id(raw).number
        except IdentifierError as exc:
            raise ValidationError(str(exc)) from None
        member = care_member_by_id_number(user=self.user, id_number=number)
        if member is None:
            raise ValidationError(NOT_YOURS)
        return member
