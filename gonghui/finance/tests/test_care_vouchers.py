"""Care's pages show the voucher that paid each visit, grant, aid payment and fund payout (finance registers
"finance.voucher_links", care reads it), linked to the voucher and as the user may see it."""

from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from gonghui.care import services as care
from gonghui.care.choices import VisitReason
from gonghui.care.tests.helpers import active_file, days_ago, fund, pay
from gonghui.finance import services


def _visit(cast, money):
    return care.visit_create(actor=cast.officer, reason=VisitReason.ILLNESS, visited_on=timezone.localdate(),
                             visitors="工会主席", member=cast.member_a1, money=Decimal(money))


def _text(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_visits_list_links_each_visit_to_its_voucher(cast, client):
    paid, waiting = _visit(cast, 500), _visit(cast, 300)
    voucher = services.voucher_from_source(actor=cast.officer, source=paid)
    url = reverse("finance:voucher_detail", args=[voucher.pk])
    text = _text(client, cast.officer, reverse("care:visits"))
    assert "<th>记账凭证</th>" in text
    assert f'<a href="{url}">{voucher.label}（待审核）</a>' in text
    assert text.count("尚未记账") == 1 and waiting.pk
    # The street above sees the same link; the voucher's page opens for it.
    assert url in _text(client, cast.street_admin, reverse("care:visits"))
    assert voucher.label in _text(client, cast.street_admin, url)


def test_a_reversed_voucher_gives_way_to_the_one_standing(cast, client):
    visit = _visit(cast, 500)
    first = services.voucher_post(actor=cast.officer_no_care,
                                  voucher=services.voucher_from_source(actor=cast.officer, source=visit))
    services.voucher_reverse(actor=cast.officer, voucher=first)
    again = services.voucher_from_source(actor=cast.officer, source=visit)
    text = _text(client, cast.officer, reverse("care:visits"))
    assert f"{again.label}（待审核）" in text and f"{first.label}（已记账）" not in text


def test_the_file_page_shows_the_voucher_of_each_aid_payment(cast, client):
    file = active_file(cast, applied_on=days_ago(30), approved_on=days_ago(20))
    payment = pay(cast, file, 800, paid_on=days_ago(10))
    pay(cast, file, 200, paid_on=days_ago(5))
    voucher = services.voucher_from_source(actor=cast.officer, source=payment)
    text = _text(client, cast.officer, reverse("care:file_detail", args=[file.pk]))
    assert f'<a href="{reverse("finance:voucher_detail", args=[voucher.pk])}">{voucher.label}（待审核）</a>' in text
    assert text.count("尚未记账") == 1
    assert voucher.label in _text(client, cast.officer, reverse("care:aid"))


def test_the_fund_page_shows_the_voucher_of_each_payout(cast, client):
    created = fund(cast, amount=5000)
    payout = care.fund_payout(actor=cast.officer, fund=created, member=cast.member_a1, amount=Decimal(600),
                              paid_on=timezone.localdate(), reason="重病救助")
    voucher = services.voucher_from_source(actor=cast.officer, source=payout)
    text = _text(client, cast.officer, reverse("care:fund_detail", args=[created.pk]))
    assert f"{voucher.label}（待审核）" in text
