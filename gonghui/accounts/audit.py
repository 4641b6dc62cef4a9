"""How the audit administrator's pages, export and API word a log entry: Chinese, and never a full number.

An access log entry's detail is free text written by each app (a member's name, a file name); a
full ID number or mobile typed into it is masked here, so the log itself leaks nothing it records.
"""

import re

from django.apps import apps
from django.utils import timezone

from gonghui.core.identifiers import mask_id_number, mask_mobile

# The actions the apps write (core.services.access_log_record callers); an unknown one shows as written.
ACTION_LABELS = {
    "reveal_identity": "查看完整身份证号和手机号",
    "view_hardship_file": "查看困难职工档案",
    "export_care_list": "导出帮扶名单",
    "export_members": "导出会员花名册",
    "download_export": "下载花名册导出",
    "download_roster_errors": "下载花名册错误清单",
    "read": "查看",
    "export": "导出",
    "list_disputes": "查询劳动争议案件",
    "list_petitions": "查询信访件",
    "view_history": "查看修改记录",
}
HISTORY_TYPES = {"+": "新建", "~": "修改", "-": "删除"}

# Digits not inside a longer run: an 18-character ID number (15-digit old ones too), an 11-digit mobile.
ID_NUMBER = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9Xx])")
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def masked(text: str) -> str:
    text = ID_NUMBER.sub(lambda m: mask_id_number(m.group()), text)
    return MOBILE.sub(lambda m: mask_mobile(m.group()), text)


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def record_type_label(label: str) -> str:
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


def record_type_choices() -> list[tuple[str, str]]:
    """Every model of the project a log entry can name, by its Chinese name (audit-trail copies left out)."""
    models = (m for m in apps.get_models()
              if m._meta.app_config.name.startswith("gonghui.") and not hasattr(m, "instance_type"))
    return sorted(((m._meta.label, str(m._meta.verbose_name)) for m in models), key=lambda c: c[1])


def access_log_row(entry) -> dict:
    """One entry as every reader of the log sees it."""
    return {
        "at": timezone.localtime(entry.at), "username": entry.user.username, "user_name": entry.user.display_name(),
        "action": action_label(entry.action), "record_type": record_type_label(entry.object_type),
        "record_id": entry.object_id, "detail": masked(entry.detail),
    }
