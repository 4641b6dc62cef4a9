"""The member's own data, as the portal gives it for download (PIPL: a person may obtain a copy of their
personal information), as JSON or as an Excel workbook of the same sections. Identifiers are masked as on
every page: the download is a file on a phone."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from gonghui.core.identifiers import mask_id_number, mask_mobile
from gonghui.members.models import Member

from . import selectors
from .models import AidRequest, SignUp, TransferAsk


@dataclass(frozen=True)
class Section:
    """One part of the data: a single record (`single`, the membership) or a list of them."""

    title: str
    headers: tuple[str, ...]
    rows: list[tuple]
    single: bool = False

    def as_json(self):
        records = [dict(zip(self.headers, row, strict=True)) for row in self.rows]
        return (records[0] if records else None) if self.single else records


def _record(title: str, fields: dict, *, present: bool = True) -> Section:
    return Section(title, tuple(fields), [tuple(fields.values())] if present else [], single=True)


def _list(title: str, headers: tuple[str, ...], rows) -> Section:
    return Section(title, headers, [tuple(row) for row in rows])


def member_sections(member: Member) -> list[Section]:
    records = selectors.member_records(member=member)
    account, card = getattr(member, "portal_account", None), records["card"]
    return [
        _record("会员档案", {
            "姓名": member.name, "身份证号码": mask_id_number(member.id_number), "手机号码": mask_mobile(member.phone),
            "性别": member.get_gender_display(), "出生日期": member.birth_date, "民族": member.ethnicity,
            "学历": member.get_education_display(), "政治面貌": member.get_political_status_display(),
            "人员类别": member.get_category_display(), "所属工会": member.union.name,
            "工会小组": member.group.name if member.group else "", "入会日期": member.join_date,
            "会员卡号": member.card_number, "状态": member.get_status_display()}),
        _record("会员服务账号", {"同意隐私政策时间": _local(account and account.consented_at),
                           "申请注销时间": _local(account and account.closure_requested_at)}),
        _record("服务卡", {"信息采集日期": card and card.collected_on, "制卡日期": card and card.issued_on,
                        "卡号": card and card.card_number}, present=card is not None),
        _list("医疗互助参保", ("年度", "类别", "参保日期"),
              ((e.year, e.get_category_display(), e.enrolled_on) for e in records["enrolments"])),
        _list("医疗互助赔付", ("金额", "赔付日期"), ((c.amount, c.paid_on) for c in records["claims"])),
        _list("困难帮扶档案", ("申请日期", "状态"), ((f.applied_on, f.get_status_display()) for f in records["files"])),
        _list("救助", ("类型", "金额", "发放日期"), ((a.get_kind_display(), a.amount, a.paid_on) for a in records["aid"])),
        _list("金秋助学", ("学生姓名", "学段", "金额", "发放日期"),
              ((g.student_name, g.get_school_level_display(), g.amount, g.granted_on) for g in records["grants"])),
        _list("慰问", ("事由", "日期"), ((v.get_reason_display(), v.visited_on) for v in records["visits"])),
        _list("荣誉", ("荣誉称号", "级别", "日期", "授予单位"),
              ((h.title, h.get_level_display(), h.date, h.awarding_body) for h in records["honours"])),
        _list("参加的活动", ("活动", "日期"), ((p.activity.title, p.activity.date) for p in records["attended"])),
        _list("活动报名", ("活动", "状态", "报名时间"),
              ((s.offer.title, s.get_status_display(), _local(s.created_at))
               for s in SignUp.objects.select_related("offer").filter(member=member).order_by("created_at"))),
        _list("帮扶申请", ("类别", "状态", "提交时间", "情况说明", "工会答复"),
              ((r.get_kind_display(), r.get_status_display(), _local(r.created_at), r.note, r.reply)
               for r in AidRequest.objects.filter(member=member).order_by("created_at"))),
        _list("转会申请", ("转入工会", "状态", "原因"),
              ((t.to_union.name, t.get_status_display(), t.reason)
               for t in TransferAsk.objects.select_related("to_union").filter(member=member).order_by("created_at"))),
    ]


def _local(moment):
    # The workbook has no time zones: a time is written as the member's clock showed it.
    return timezone.localtime(moment) if moment else None


def member_data(member: Member) -> dict:
    return {section.title: section.as_json() for section in member_sections(member)}


def member_workbook_sheets(member: Member):
    """The sections as sheets for `gonghui.core.xlsx.xlsx_book_download`: a record is a sheet of 项目 / 内容
    lines (read down, as on the page), a list a table with a column per field."""
    for section in member_sections(member):
        if section.single:
            values = section.rows[0] if section.rows else (None,) * len(section.headers)
            yield section.title, [("项目", 18), ("内容", 30)], zip(section.headers, values, strict=True)
        else:
            yield section.title, [(header, 16) for header in section.headers], section.rows


def data_file_name(extension: str, *, on: date | None = None) -> str:
    """Names no one: the file goes to a phone's downloads, a chat, a shared computer."""
    return f"my-union-data-{(on or timezone.localdate()):%Y%m%d}.{extension}"
