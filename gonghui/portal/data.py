"""The member's own data, as the portal gives it for download (PIPL: a person may obtain a copy of their
personal information). Identifiers are masked as on every page: the download is a file on a phone."""

from gonghui.core.identifiers import mask_id_number, mask_mobile
from gonghui.members.models import Member

from . import selectors
from .models import AidRequest, SignUp, TransferAsk


def member_data(member: Member) -> dict:
    records = selectors.member_records(member=member)
    account = getattr(member, "portal_account", None)
    return {
        "会员档案": {
            "姓名": member.name, "身份证号码": mask_id_number(member.id_number), "手机号码": mask_mobile(member.phone),
            "性别": member.get_gender_display(), "出生日期": member.birth_date, "民族": member.ethnicity,
            "学历": member.get_education_display(), "政治面貌": member.get_political_status_display(),
            "人员类别": member.get_category_display(), "所属工会": member.union.name,
            "工会小组": member.group.name if member.group else "", "入会日期": member.join_date,
            "会员卡号": member.card_number, "状态": member.get_status_display(),
        },
        "会员服务账号": {"同意隐私政策时间": account.consented_at if account else None,
                   "申请注销时间": account.closure_requested_at if account else None},
        "服务卡": ({"信息采集日期": records["card"].collected_on, "制卡日期": records["card"].issued_on,
                 "卡号": records["card"].card_number} if records["card"] else None),
        "医疗互助参保": [{"年度": e.year, "类别": e.get_category_display(), "参保日期": e.enrolled_on}
                   for e in records["enrolments"]],
        "医疗互助赔付": [{"金额": c.amount, "赔付日期": c.paid_on} for c in records["claims"]],
        "困难帮扶档案": [{"申请日期": f.applied_on, "状态": f.get_status_display()} for f in records["files"]],
        "救助": [{"类型": a.get_kind_display(), "金额": a.amount, "发放日期": a.paid_on} for a in records["aid"]],
        "金秋助学": [{"学生姓名": g.student_name, "学段": g.get_school_level_display(), "金额": g.amount,
                  "发放日期": g.granted_on} for g in records["grants"]],
        "慰问": [{"事由": v.get_reason_display(), "日期": v.visited_on} for v in records["visits"]],
        "荣誉": [{"荣誉称号": h.title, "级别": h.get_level_display(), "日期": h.date, "授予单位": h.awarding_body}
               for h in records["honours"]],
        "参加的活动": [{"活动": p.activity.title, "日期": p.activity.date} for p in records["attended"]],
        "活动报名": [{"活动": s.offer.title, "状态": s.get_status_display(), "报名时间": s.created_at}
                 for s in SignUp.objects.select_related("offer").filter(member=member)],
        "帮扶申请": [{"类别": r.get_kind_display(), "状态": r.get_status_display(), "提交时间": r.created_at,
                  "情况说明": r.note, "工会答复": r.reply} for r in AidRequest.objects.filter(member=member)],
        "转会申请": [{"转入工会": t.to_union.name, "状态": t.get_status_display(), "原因": t.reason}
                 for t in TransferAsk.objects.select_related("to_union").filter(member=member)],
    }
