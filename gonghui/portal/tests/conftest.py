import pytest

from gonghui.portal import sms


@pytest.fixture(autouse=True)
def _outbox(settings):
    settings.PORTAL = {**settings.PORTAL, "SMS_SENDER": "gonghui.portal.sms.OutboxSender"}
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()
