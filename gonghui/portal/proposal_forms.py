"""The delegate's proposal forms in the member portal: shape only; the rules are proposals.services'."""

from django import forms

from gonghui.proposals.forms import ProposalForm


class MemberProposalForm(ProposalForm):
    """The staff draft form without the proposer (the signed-in delegate is the proposer, as when a draft is
    edited), with the session."""

    session = forms.ModelChoiceField(label="提交的会议", queryset=None, empty_label=None)
    field_order = ["session", "title", "category", "reasons", "measures"]

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions
