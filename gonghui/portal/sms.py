"""Sending the sign-in code. `PORTAL_SMS_SENDER` (settings) names the sender: the console and file senders
for development, the outbox for tests, Aliyun's SMS service in production. A sender is handed the full
number because the SMS gateway needs it; none of them writes it anywhere but to the gateway."""

import json
import logging
import uuid
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from gonghui.core.identifiers import mask_mobile

log = logging.getLogger(__name__)


class SmsSender(Protocol):
    def send_code(self, *, phone: str, code: str) -> None: ...


def code_text(code: str) -> str:
    minutes = settings.PORTAL["CODE_MINUTES"]
    return f"【工会会员服务】您的登录验证码是{code}，{minutes}分钟内有效。请勿告诉他人。"


class ConsoleSender:
    """Development: the code in the server's log, the number masked."""

    def send_code(self, *, phone: str, code: str) -> None:
        log.warning("短信验证码 %s → %s", code, mask_mobile(phone))


outbox: list[dict] = []


class OutboxSender:
    """Tests: each message kept in `outbox` (as Django's mail outbox), the number masked."""

    def send_code(self, *, phone: str, code: str) -> None:
        outbox.append({"to": mask_mobile(phone), "code": code, "text": code_text(code)})


class FileSender:
    """Development and browser tests across processes: one JSON file per message in PORTAL["SMS_DIR"]."""

    def send_code(self, *, phone: str, code: str) -> None:
        folder = Path(settings.PORTAL["SMS_DIR"])
        folder.mkdir(parents=True, exist_ok=True)
        body = {"to": mask_mobile(phone), "code": code, "text": code_text(code)}
        (folder / f"{uuid.uuid4().hex}.json").write_text(json.dumps(body, ensure_ascii=False))


class AliyunSender:
    """Aliyun's SMS service (dysmsapi SendSms, signature version 1.0). Needs PORTAL["ALIYUN"]: access key
    id and secret, the sign name and a template with a ${code} parameter."""

    ENDPOINT = "https://dysmsapi.aliyuncs.com/"

    def send_code(self, *, phone: str, code: str) -> None:
        import base64
        import hashlib
        import hmac
        from datetime import UTC, datetime
        from urllib.parse import quote

        import requests

        conf = settings.PORTAL["ALIYUN"]
        params = {
            "AccessKeyId": conf["ACCESS_KEY_ID"], "Action": "SendSms", "Format": "JSON", "PhoneNumbers": phone,
            "RegionId": "cn-hangzhou", "SignName": conf["SIGN_NAME"], "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": uuid.uuid4().hex, "SignatureVersion": "1.0", "TemplateCode": conf["TEMPLATE_CODE"],
            "TemplateParam": json.dumps({"code": code}), "Timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "Version": "2017-05-25",
        }

        def enc(text: str) -> str:
            return quote(text, safe="~")

        canonical = "&".join(f"{enc(k)}={enc(v)}" for k, v in sorted(params.items()))
        to_sign = f"GET&{enc('/')}&{enc(canonical)}"
        key = (conf["ACCESS_KEY_SECRET"] + "&").encode()
        params["Signature"] = base64.b64encode(hmac.new(key, to_sign.encode(), hashlib.sha1).digest()).decode()
        answer = requests.get(self.ENDPOINT, params=params, timeout=10).json()
        if answer.get("Code") != "OK":
            # The gateway's answer, never the number.
            log.error("短信发送失败（%s）：%s → %s", answer.get("Code"), answer.get("Message"), mask_mobile(phone))


def sender() -> SmsSender:
    return import_string(settings.PORTAL["SMS_SENDER"])()
