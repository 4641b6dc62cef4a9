from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gonghui.checks import services
from gonghui.checks.models import NoticeStatus, SupervisionNotice

from .helpers import labour_check

pytestmark = pytest.mark.django_db


def test_a_labour_law_check_gives_findings_a_notice_the_answer_and_the_recheck_close(client, cast):
    check = labour_check(cast)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.notice_issue(actor=cast.street_admin, assessment=check, deadline=today)
    assert exc.value.message_dict == {"deadline": ["整改期限须晚于下达日期"]}
    notice = services.notice_issue(actor=cast.street_admin, assessment=check, deadline=today + timedelta(days=30))
    assert notice.findings == ("1. 书面劳动合同签订率100%：得分20.0/30.0，部分职工未签订书面合同\n"
                               "2. 按时足额发放工资：得分0.0/30.0")
    client.force_login(cast.street_admin)
    page = client.get(reverse("checks:notices") + "?open=yes").content.decode()
    assert "没有符合条件的监督意见书" not in page and "待企业答复" in page
    with pytest.raises(ValidationError):
        services.notice_close(actor=cast.street_admin, notice=notice)
    services.notice_answer(actor=cast.officer, notice=notice, answer="已补签合同，补发工资")
    with pytest.raises(ValidationError):
        services.notice_close(actor=cast.officer, notice=SupervisionNotice.objects.get())
    services.notice_close(actor=cast.street_admin, notice=SupervisionNotice.objects.get())
    assert SupervisionNotice.objects.get().status == NoticeStatus.CLOSED
    assert "没有符合条件的监督意见书" in client.get(reverse("checks:notices") + "?open=yes").content.decode()


def test_a_check_without_findings_needs_no_notice(cast):
    check = labour_check(cast, scores=(30, 30, 20, 20))
    with pytest.raises(ValidationError) as exc:
        services.notice_issue(actor=cast.street_admin, assessment=check, deadline=timezone.localdate() + timedelta(1))
    assert "检查未发现问题" in str(exc.value)
    assert not SupervisionNotice.objects.exists()
