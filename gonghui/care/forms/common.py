"""The fields and the member lookup every care form shares."""

from django import forms

from gonghui.core.forms import DateInput
from gonghui.members.forms import member_typed

from ..rules import NOT_YOURS

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
        return member_typed(user=self.user, raw=self.cleaned_data.get("member"), not_found=NOT_YOURS)
