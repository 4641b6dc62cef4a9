"""Enterprise hardship funds: the list, setting one up, its page, money in and aid out."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from gonghui.core.pages import form_page, new_record_view, record_form_view, today_as
from gonghui.core.scoping import may_access_care
from gonghui.core.links import record_link

from .. import selectors, services
from ..filters import FundFilters
from ..forms.funds import ContributionForm, FundForm, PayoutForm
from ..rules import require_care_access
from ..tables import FUNDS, PAYOUTS, voucher_column
from .lists import ListPage

FUND_LIST = ListPage("企业帮困基金", FUNDS, FundFilters, selectors.fund_list, "care:funds_export", "企业帮困基金.xlsx",
                     create=(("建立帮困基金", "care:fund_create"),))
funds_page, funds_export_page = FUND_LIST.views()


_fund_url = record_link("care:fund_detail")


fund_create_page = new_record_view(
    services.fund_create, form_class=FundForm, title="建立企业帮困基金", back="care:funds", success=_fund_url,
    initial=today_as("established_on"),
    form_kwargs=lambda request: {"enterprises": selectors.fund_enterprises(user=request.user)})


@login_required
def fund_detail_page(request, pk: int):
    """Without the care grant: the fund and its contributions, not its balance, payouts or audit trail."""
    fund = selectors.fund_get(user=request.user, pk=pk)
    granted = may_access_care(request.user)
    payouts = list(selectors.fund_payouts(user=request.user, fund=fund)[:100]) if granted else []
    table = PAYOUTS.plus(voucher_column(request.user, payouts))
    return render(request, "care/fund_detail.html", {
        "fund": fund, "granted": granted, "contributions": selectors.fund_contributions(fund=fund)[:100],
        "payouts": table.cells(payouts) if granted else None, "payout_table": table,
    })


fund_contribute_page = record_form_view(
    selectors.fund_get, services.fund_contribute, "fund", form_class=ContributionForm,
    title=lambda fund: f"基金筹集：{fund.enterprise.name}", back=_fund_url, initial=today_as("on_date"))


@login_required
def fund_payout_page(request, pk: int):
    fund = selectors.fund_get(user=request.user, pk=pk)
    require_care_access(request.user)
    return form_page(request, form_class=PayoutForm, title=f"基金救助：{fund.enterprise.name}",
                     service=lambda d: services.fund_payout(actor=request.user, fund=fund, **d),
                     success=lambda _: _fund_url(fund), cancel_url=_fund_url(fund),
                     initial={"paid_on": timezone.localdate()}, form_kwargs={"user": request.user})
