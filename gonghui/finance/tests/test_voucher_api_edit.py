"""A draft voucher is corrected or deleted through the API as on its page; a posted one is refused."""

import json
from datetime import date

from gonghui.finance.models import Voucher

from .helpers import posted, voucher


def _put(client, pk, amount):
    body = {"date": "2025-01-10", "summary": "购买文体器材", "lines": [{"code": "50102", "debit": amount},
                                                                  {"code": "102", "credit": amount}]}
    return client.put(f"/api/finance/vouchers/{pk}", json.dumps(body), content_type="application/json")


def test_a_draft_is_corrected_and_deleted_a_posted_one_is_not(cast, client):
    draft = voucher(cast, date(2025, 1, 10), "50102", "102", 100)
    done = posted(cast, date(2025, 1, 11), "102", "401", 300)
    client.force_login(cast.officer)
    response = _put(client, draft.pk, "120.00")
    assert response.status_code == 200 and [line["debit"] for line in response.json()["lines"]] == ["120.00", "0.00"]
    lines = [{"code": "50102", "debit": "1"}, {"code": "102", "credit": "2"}]
    unbalanced = client.put(f"/api/finance/vouchers/{draft.pk}",
                            json.dumps({"date": "2025-01-10", "summary": "x", "lines": lines}),
                            content_type="application/json")
    assert unbalanced.status_code == 422
    assert unbalanced.json()["errors"]["__all__"][0].startswith("借贷不平衡：借方合计 1.00 元，贷方合计 2.00 元")
    refused = client.delete(f"/api/finance/vouchers/{done.pk}")
    assert refused.status_code == 422
    assert refused.json()["errors"]["__all__"][0].startswith("凭证已记账，不能修改")
    assert client.delete(f"/api/finance/vouchers/{draft.pk}").status_code == 204
    assert list(Voucher.objects.values_list("pk", flat=True)) == [done.pk]
